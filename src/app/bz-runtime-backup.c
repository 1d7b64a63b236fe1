/* bz-runtime-backup.c — bz_runtime_backup(): `balanzad --backup FILE`. */
#include "bz-runtime.h"

#include <glib/gi18n.h>

#include "bz-store-backup.h"

char *
bz_runtime_backup (const BzRuntimeOptions *opts, const char *file, GError **error)
{
  BzBackupStats stats = { 0 };
  GString *report;

  g_return_val_if_fail (opts != NULL && opts->data_dir != NULL && file != NULL, NULL);
  if (!bz_store_backup (opts->data_dir, file, &stats, error))
    return NULL;
  report = g_string_new (NULL);
  /* TRANSLATORS: a file name, its size in bytes and the database schema version */
  g_string_append_printf (report, _("Wrote %s (%lld bytes, schema version %d)\n"), file,
                          (long long) stats.db_bytes, stats.schema_version);
  /* TRANSLATORS: a directory, a number of files and their size in bytes */
  g_string_append_printf (report, _("Wrote %s.blobs/ (%u blobs, %lld bytes)\n"), file,
                          stats.blobs, (long long) stats.blob_bytes);
  if (stats.key_copied)
    g_string_append_printf (report, _("Wrote %s.key: the encryption key, without which the clinical fields, "
                                      "photos and scans of this backup cannot be read; store it apart from "
                                      "the backup\n"), file);
  if (stats.blobs_missing > 0)
    g_string_append_printf (report, _("Warning: %u blobs named in the database were missing or damaged and are "
                                      "not in the copy\n"), stats.blobs_missing);
  return g_string_free (report, FALSE);
}
