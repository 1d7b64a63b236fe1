/* bz-privacy-service.c — the export and the deletion of an account
 * (bz-privacy-service.h). */
#include "bz-privacy-service.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bz-audit.h"
#include "bz-json.h"
#include "bz-blob-store.h"
#include "bz-device-repo.h"
#include "bz-privacy-repo.h"
#include "bz-realtime.h"
#include "bz-service-task-private.h"
#include "bz-token-repo.h"

/* Bytes handed to archive_write_data() at a time. */
#define EXPORT_CHUNK (64 * 1024)

typedef struct
{
  struct archive *zip;
  time_t mtime;
  JsonBuilder *manifest;   /* the "tables" member's array, open */
} Export;

static gboolean
archive_failed (struct archive *zip, GError **error)
{
  g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "Cannot write the export: %s",
               archive_error_string (zip) ? archive_error_string (zip) : "unknown error");
  return FALSE;
}

/* One regular file @name of @len bytes, written in EXPORT_CHUNK pieces. */
static gboolean
write_entry (Export *ex, const char *name, const guint8 *data, gsize len, GError **error)
{
  struct archive_entry *e = archive_entry_new ();
  gboolean ok = TRUE;

  archive_entry_set_pathname (e, name);
  archive_entry_set_size (e, (la_int64_t) len);
  archive_entry_set_filetype (e, AE_IFREG);
  archive_entry_set_perm (e, 0600);
  archive_entry_set_mtime (e, ex->mtime, 0);
  if (archive_write_header (ex->zip, e) != ARCHIVE_OK)
    ok = archive_failed (ex->zip, error);
  for (gsize off = 0; ok && off < len; off += EXPORT_CHUNK)
    {
      gsize n = MIN (EXPORT_CHUNK, len - off);
      if (archive_write_data (ex->zip, data + off, n) != (la_ssize_t) n)
        ok = archive_failed (ex->zip, error);
    }
  archive_entry_free (e);
  return ok;
}

static gboolean
write_table (const char *name, JsonArray *rows, gpointer user_data, GError **error)
{
  Export *ex = user_data;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *entry = g_strconcat (name, ".json", NULL);
  g_autofree char *text = NULL;
  gsize len = 0;

  json_node_set_array (node, rows);
  text = bz_json_to_string (node, &len);   /* shortest round-trip decimals */
  json_builder_begin_object (ex->manifest);
  json_builder_set_member_name (ex->manifest, "file");
  json_builder_add_string_value (ex->manifest, entry);
  json_builder_set_member_name (ex->manifest, "rows");
  json_builder_add_int_value (ex->manifest, json_array_get_length (rows));
  json_builder_end_object (ex->manifest);
  return write_entry (ex, entry, (const guint8 *) text, len, error);
}

/* The extension of a blob's MIME type ("" when unknown). */
static const char *
extension_of (const char *mime_type)
{
  static const struct { const char *mime, *ext; } map[] = {
    { "image/jpeg", ".jpg" }, { "image/png", ".png" }, { "image/webp", ".webp" },
    { "model/gltf-binary", ".glb" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (mime_type, map[i].mime) == 0)
      return map[i].ext;
  return "";
}

static gboolean
write_files (Export *ex, BzStore *store, GPtrArray *files, GError **error)
{
  json_builder_set_member_name (ex->manifest, "files");
  json_builder_begin_array (ex->manifest);
  for (guint i = 0; i < files->len; i++)
    {
      BzPrivacyFile *f = g_ptr_array_index (files, i);
      g_autofree char *entry = g_strconcat (f->entry, extension_of (f->mime_type), NULL);
      g_autoptr(GBytes) bytes = bz_blob_get (store, f->sha256, NULL, error);

      if (bytes == NULL)
        return FALSE;
      json_builder_begin_object (ex->manifest);
      json_builder_set_member_name (ex->manifest, "file");
      json_builder_add_string_value (ex->manifest, entry);
      json_builder_set_member_name (ex->manifest, "sha256");
      json_builder_add_string_value (ex->manifest, f->sha256);
      json_builder_set_member_name (ex->manifest, "mime_type");
      json_builder_add_string_value (ex->manifest, f->mime_type);
      json_builder_end_object (ex->manifest);
      if (!write_entry (ex, entry, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
        return FALSE;
    }
  json_builder_end_array (ex->manifest);
  return TRUE;
}

static gboolean
write_export (Export *ex, BzStore *store, const BzCaller *caller, GError **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL, *now = bz_now_iso8601 ();
  gsize len = 0;

  json_builder_begin_object (ex->manifest);
  json_builder_set_member_name (ex->manifest, "format");
  json_builder_add_string_value (ex->manifest, "balanza-export/1");
  json_builder_set_member_name (ex->manifest, "user_id");
  json_builder_add_string_value (ex->manifest, caller->user_id);
  json_builder_set_member_name (ex->manifest, "exported_at");
  json_builder_add_string_value (ex->manifest, now);
  json_builder_set_member_name (ex->manifest, "tables");
  json_builder_begin_array (ex->manifest);
  if (!bz_privacy_repo_export (store, caller->user_id, write_table, ex, &files, error))
    return FALSE;
  json_builder_end_array (ex->manifest);
  if (!write_files (ex, store, files, error))
    return FALSE;
  json_builder_end_object (ex->manifest);
  root = json_builder_get_root (ex->manifest);
  text = bz_json_to_string (root, &len);
  return write_entry (ex, "manifest.json", (const guint8 *) text, len, error);
}

GBytes *
bz_privacy_export (BzServices *svc, const BzCaller *caller, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *path = NULL;
  g_autoptr(JsonBuilder) manifest = json_builder_new ();
  Export ex = { .mtime = time (NULL), .manifest = manifest };
  GMappedFile *mapped;
  GBytes *bytes = NULL;
  gboolean ok;
  int fd;

  if (caller == NULL)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, _("Authentication required"));
      return NULL;
    }
  /* Beside the database, with its protection; unlinked at once, so nothing
   * is left behind whatever happens next. */
  path = g_build_filename (bz_store_get_data_dir (store), ".export-XXXXXX", NULL);
  fd = g_mkstemp_full (path, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "Cannot create the export: %s", g_strerror (saved));
      return NULL;
    }
  g_unlink (path);
  ex.zip = archive_write_new ();
  ok = archive_write_set_format_zip (ex.zip) == ARCHIVE_OK &&
       archive_write_zip_set_compression_deflate (ex.zip) == ARCHIVE_OK &&
       archive_write_open_fd (ex.zip, fd) == ARCHIVE_OK;
  if (!ok)
    archive_failed (ex.zip, error);
  ok = ok && write_export (&ex, store, caller, error);
  if (ok && archive_write_close (ex.zip) != ARCHIVE_OK)
    ok = archive_failed (ex.zip, error);
  archive_write_free (ex.zip);
  if (ok)
    {
      mapped = g_mapped_file_new_from_fd (fd, FALSE, error);
      if (mapped)
        {
          bytes = g_mapped_file_get_bytes (mapped);
          g_mapped_file_unref (mapped);
        }
    }
  close (fd);
  return bytes;
}

/* --- Deletion ------------------------------------------------------------------ */

static gboolean
check_confirmation (const char *confirmation, GError **error)
{
  GError *e;

  if (g_strcmp0 (confirmation, BZ_PRIVACY_DELETE_CONFIRMATION) == 0)
    return TRUE;
  e = g_error_new (BZ_ERROR, BZ_ERROR_VALIDATION, _("Send {\"confirmation\": \"%s\"} to delete the account"),
                   BZ_PRIVACY_DELETE_CONFIRMATION);
  bz_error_add_detail (e, "confirmation", confirmation ? "invalid_value" : "required", e->message);
  g_propagate_error (error, e);
  return FALSE;
}

static BzRecord *
delete_user (BzServices *svc, const char *user_id, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_auto(BzPrivacyErasure) erasure = { 0 };
  g_autofree char *now = bz_now_iso8601 ();
  g_autoptr(GPtrArray) erased_blobs = NULL;
  guint erased = 0;
  BzRecord *r;

  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_privacy_repo_anonymise (store, user_id, now, &erasure, error))
    goto fail;
  for (guint i = 0; i < erasure.families->len; i++)
    if (!bz_token_repo_revoke_family (store, g_ptr_array_index (erasure.families, i), error))
      goto fail;
  if (!bz_blob_erase_unreferenced (store, (const char *const *) erasure.blobs->pdata, erasure.blobs->len,
                                   &erased_blobs, error) ||
      !bz_store_commit (store, error))
    goto fail;
  /* Files only once the rows are gone for good: a rollback loses nothing. */
  bz_blob_unlink_unreferenced (store, erased_blobs);
  erased = erased_blobs->len;
  /* After the commit: the sockets' sign-ins are revoked for good. */
  for (guint i = 0; i < erasure.families->len; i++)
    bz_realtime_close_session (bz_services_get_realtime (svc), g_ptr_array_index (erasure.families, i));
  g_message ("Account %s deleted (anonymised): %u files erased, %u sessions and %u devices revoked",
             user_id, erased, erasure.families->len, erasure.devices);

  r = bz_record_new (&bz_account_deletion_resource);
  bz_record_set_string (r, BZ_ACCOUNT_DELETION_USER_ID, user_id);
  bz_record_set_string (r, BZ_ACCOUNT_DELETION_DELETED_AT, now);
  bz_record_set_int (r, BZ_ACCOUNT_DELETION_ERASED_BLOBS, erased);
  bz_record_set_int (r, BZ_ACCOUNT_DELETION_REVOKED_SESSIONS, erasure.families->len);
  bz_record_set_int (r, BZ_ACCOUNT_DELETION_REVOKED_DEVICES, erasure.devices);
  return r;

fail:
  bz_store_rollback (store);
  return NULL;
}

BzRecord *
bz_privacy_delete_account (BzServices *svc, const BzCaller *caller, const char *confirmation, GError **error)
{
  if (caller == NULL)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, _("Authentication required"));
      return NULL;
    }
  if (!check_confirmation (confirmation, error))
    return NULL;
  return delete_user (svc, caller->user_id, error);
}

BzRecord *
bz_privacy_delete_account_for_patient (BzServices *svc, const BzCaller *nutritionist_caller, const char *patient_id,
                                       const char *confirmation, GError **error)
{
  g_autofree char *user_id = NULL;
  g_autoptr(GError) local = NULL;
  BzRecord *r;

  if (nutritionist_caller == NULL || nutritionist_caller->role != BZ_ROLE_NUTRITIONIST)
    {
      g_set_error_literal (error, BZ_ERROR, nutritionist_caller ? BZ_ERROR_FORBIDDEN : BZ_ERROR_UNAUTHENTICATED,
                           _("Only nutritionists can delete a patient's account"));
      return NULL;
    }
  /* Whose patient first: a stranger's patient is NOT_FOUND whatever the body. */
  if (patient_id && g_uuid_string_is_valid (patient_id))
    user_id = bz_device_repo_patient_user (bz_services_get_store (svc), patient_id, nutritionist_caller->user_id,
                                           &local);
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (user_id == NULL)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Patient not found"));
      return NULL;
    }
  if (!check_confirmation (confirmation, error) || !(r = delete_user (svc, user_id, error)))
    return NULL;
  /* Who carried out the request (seed 002 §7.3 accountability, bz-audit.h). */
  bz_audit_log_record (bz_services_get_audit_log (svc), nutritionist_caller->user_id, patient_id, "delete_account");
  return r;
}

/* --- For the desk: the same call on a worker thread ------------------------------ */

static gpointer
delete_for_patient_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_privacy_delete_account_for_patient (svc, caller, args, BZ_PRIVACY_DELETE_CONFIRMATION, error);
}

void
bz_privacy_delete_account_for_patient_async (BzServices *svc, const BzCaller *nutritionist_caller,
                                             const char *patient_id, GCancellable *cancellable,
                                             GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_privacy_delete_account_for_patient_async, "bz-privacy-delete", nutritionist_caller,
                       BZ_SERVICE_TASK_NEEDS_CALLER, delete_for_patient_work, g_strdup (patient_id), g_free,
                       g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_privacy_delete_account_for_patient_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_privacy_delete_account_for_patient_async, error);
}
