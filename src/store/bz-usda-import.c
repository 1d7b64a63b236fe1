/* bz-usda-import.c — streams USDA SR28 (data/foods/) into the store.
 *
 * Each source file is read in 64 KiB chunks, decompressed with liblzma when
 * it is .xz, hashed with SHA-256 and split into records by a small state
 * machine that understands the SR28 ASCII format (sr28_doc.pdf ch. 2):
 * fields separated by `^`, text fields wrapped in `~` (inside which `^`, CR
 * and LF are literal), records ended by CRLF, LF or a lone CR, the last one
 * possibly unterminated.  Bytes >= 0x80 are decoded as Windows-1252 and
 * written as UTF-8 while the record is assembled.  Every record is bound to a
 * prepared INSERT that is reused for the whole file; nothing but the current
 * record is held in memory.  The Spanish names (es-MX-names.tsv) are loaded
 * in the same transaction by bz-usda-import-names.c, or alone when SR28 was
 * imported before them (update_names()).
 */
#include "bz-usda-import.h"

#include <math.h>
#include <string.h>

#include "bz-error.h"
#include "bz-usda-import-private.h"
#include "config.h"

/* --- progress --------------------------------------------------------------- */

void
bz_usda_report (Importer *imp, const char *phase, double fraction)
{
  if (imp->progress == NULL)
    return;
  fraction = CLAMP (fraction, imp->last_fraction, 1.0);
  if (phase == imp->last_phase && fraction < 1.0 && fraction - imp->last_fraction < 0.005)
    return;
  imp->last_phase = phase;
  imp->last_fraction = fraction;
  imp->progress (phase, fraction, imp->user_data);
}

/* --- Spanish (Mexico) names (bz-usda-import-names.c) ------------------------ */

/* SR28 is in the store: loads the names alone when food_import has none or
 * a different sha256 (a store imported before migration 005, or a newer
 * es-MX-names.tsv), in a transaction of their own; else does nothing. */
static gboolean
update_names (Importer *imp, GError **error)
{
  g_auto(BzUsdaNames) nf = { 0, };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *recorded = bz_usda_names_recorded (imp->db);
  g_autofree char *now = NULL;
  guint64 rows = 0;

  if (!bz_usda_names_read (imp->source_dir, imp->cancellable, &nf, &local_error))
    {
      /* loaded before and since removed from the source dir: keep them */
      if (recorded && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (g_strcmp0 (recorded, nf.sha256) == 0)
    return TRUE;

  bz_usda_report (imp, "names", 0.0);
  if (!bz_db_begin (imp->db, error))
    return FALSE;
  g_free (recorded);
  recorded = bz_usda_names_recorded (imp->db);   /* inside the transaction: another importer may have won */
  if (g_strcmp0 (recorded, nf.sha256) == 0)
    {
      bz_db_rollback (imp->db);
      return TRUE;
    }
  now = bz_now_iso8601 ();
  if (!bz_usda_names_apply (imp->db, &nf, &rows, error) ||
      !bz_usda_names_record (imp->db, &nf, rows, now, error) ||
      !bz_db_commit (imp->db, error))
    {
      bz_db_rollback (imp->db);
      return FALSE;
    }
  g_debug ("Spanish names of %" G_GUINT64_FORMAT " foods loaded from %s", rows, imp->source_dir);
  return TRUE;
}

/* --- plainness (bz-usda-import-plainness.c) ---------------------------------- */

/* SR28 is in the store: fills foods.plainness where it is NULL (a store
 * imported before migration 010), in a transaction of its own; else does
 * nothing. */
static gboolean
update_plainness (Importer *imp, GError **error)
{
  if (!bz_usda_plainness_missing (imp->db))
    return TRUE;
  bz_usda_report (imp, "plainness", 0.0);
  if (!bz_db_begin (imp->db, error))
    return FALSE;
  if (!bz_usda_plainness_fill (imp->db, TRUE, error) || !bz_db_commit (imp->db, error))
    {
      bz_db_rollback (imp->db);
      return FALSE;
    }
  g_debug ("Food plainness filled");
  return TRUE;
}

/* --- the import -------------------------------------------------------------- */

/* Whether all five SR28 files are recorded, with the expected checksums. */
static gboolean
sr28_imported_on (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) st = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT count(*) FROM food_import WHERE"
                           " (file = 'FOOD_DES.txt' AND sha256 = ?1) OR"
                           " (file = 'NUT_DATA.txt' AND sha256 = ?2) OR"
                           " (file = 'WEIGHT.txt' AND sha256 = ?3) OR"
                           " file IN ('FD_GROUP.txt', 'NUTR_DEF.txt')",
                           -1, &st, NULL);
  if (rc != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (st, 1, SHA256_FOOD_DES, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, SHA256_NUT_DATA, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, SHA256_WEIGHT, -1, SQLITE_STATIC);
  return sqlite3_step (st) == SQLITE_ROW && sqlite3_column_int (st, 0) == G_N_ELEMENTS (bz_usda_sr28_sources);
}

gboolean
bz_usda_is_imported (BzStore *store)
{
  sqlite3 *db;
  g_autofree char *names = NULL;

  g_return_val_if_fail (BZ_IS_STORE (store), FALSE);
  db = bz_store_db (store);
  if (!sr28_imported_on (db))
    return FALSE;
  names = bz_usda_names_recorded (db);
  return names != NULL && !bz_usda_plainness_missing (db);
}

/* Copies nutrients 208/203/205/204/291/307 into the panel columns of foods. */
static const char panels_sql[] =
  "UPDATE foods SET"
  " energy_kcal    = (SELECT value FROM food_nutrients n WHERE n.ndb_no = foods.ndb_no AND n.nutr_no = '208'),"
  " protein_g      = (SELECT value FROM food_nutrients n WHERE n.ndb_no = foods.ndb_no AND n.nutr_no = '203'),"
  " carbohydrate_g = (SELECT value FROM food_nutrients n WHERE n.ndb_no = foods.ndb_no AND n.nutr_no = '205'),"
  " fat_g          = (SELECT value FROM food_nutrients n WHERE n.ndb_no = foods.ndb_no AND n.nutr_no = '204'),"
  " fiber_g        = (SELECT value FROM food_nutrients n WHERE n.ndb_no = foods.ndb_no AND n.nutr_no = '291'),"
  " sodium_mg      = (SELECT value FROM food_nutrients n WHERE n.ndb_no = foods.ndb_no AND n.nutr_no = '307')";

static gboolean
import_all (Importer *imp, GError **error)
{
  g_autoptr(sqlite3_stmt) record = NULL;
  g_autofree char *now = bz_now_iso8601 ();
  g_auto(BzUsdaNames) names = { 0, };
  char *sums[G_N_ELEMENTS (bz_usda_sr28_sources)] = { NULL, };
  guint64 rows[G_N_ELEMENTS (bz_usda_sr28_sources)], name_rows = 0;
  gboolean ok = FALSE;

  /* Read first: a missing names file fails before seconds of work. */
  if (!bz_usda_names_read (imp->source_dir, imp->cancellable, &names, error))
    return FALSE;

  /* Start clean: a half-known state must not survive a re-import. */
  if (!bz_db_exec (imp->db,
                   "DELETE FROM food_import;"
                   "INSERT INTO foods_fts (foods_fts) VALUES ('delete-all');"
                   "INSERT INTO foods_es_fts (foods_es_fts) VALUES ('delete-all');"
                   "DELETE FROM food_weights;"
                   "DELETE FROM food_nutrients;"
                   "DELETE FROM foods;"
                   "DELETE FROM nutrient_defs;"
                   "DELETE FROM food_groups;", error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (bz_usda_sr28_sources); i++)
    {
      if (!bz_usda_sr28_import_file (imp, &bz_usda_sr28_sources[i], &sums[i], error))
        goto out;
      rows[i] = imp->records;
    }

  bz_usda_report (imp, "panels", 0.88);
  if (!bz_db_exec (imp->db, panels_sql, error))
    goto out;

  bz_usda_report (imp, "names", 0.89);
  if (!bz_usda_names_apply (imp->db, &names, &name_rows, error))
    goto out;

  bz_usda_report (imp, "plainness", 0.895);
  if (!bz_usda_plainness_fill (imp->db, FALSE, error))
    goto out;

  bz_usda_report (imp, "search-index", 0.90);
  if (!bz_db_exec (imp->db, "INSERT INTO foods_fts (foods_fts) VALUES ('rebuild')", error))
    goto out;

  record = bz_db_prepare (imp->db,
                          "INSERT INTO food_import (file, sha256, rows, imported_at)"
                          " VALUES (?1, ?2, ?3, ?4)", error);
  if (record == NULL)
    goto out;
  for (guint i = 0; i < G_N_ELEMENTS (bz_usda_sr28_sources); i++)
    {
      sqlite3_bind_text (record, 1, bz_usda_sr28_sources[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (record, 2, sums[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (record, 3, rows[i]);
      sqlite3_bind_text (record, 4, now, -1, SQLITE_STATIC);
      if (!bz_db_step_done (record, error))
        goto out;
      sqlite3_reset (record);
    }
  ok = bz_usda_names_record (imp->db, &names, name_rows, now, error);

out:
  for (guint i = 0; i < G_N_ELEMENTS (bz_usda_sr28_sources); i++)
    g_free (sums[i]);
  return ok;
}

static gboolean
foreign_keys_enabled (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "PRAGMA foreign_keys", NULL);
  return st && sqlite3_step (st) == SQLITE_ROW && sqlite3_column_int (st, 0);
}

static gboolean
import_in_transaction (Importer *imp, gboolean *out_already, GError **error)
{
  if (!bz_db_begin (imp->db, error))
    return FALSE;
  /* Checked inside the write transaction: a concurrent importer may have won. */
  if (sr28_imported_on (imp->db))
    {
      bz_db_rollback (imp->db);
      *out_already = TRUE;
      return TRUE;
    }
  if (!import_all (imp, error) || !bz_db_commit (imp->db, error))
    {
      bz_db_rollback (imp->db);
      return FALSE;
    }
  return TRUE;
}

gboolean
bz_usda_import (BzStore            *store,
                const char         *source_dir,
                BzUsdaProgressFunc  progress,
                gpointer            user_data,
                GCancellable       *cancellable,
                GError            **error)
{
  Importer imp = { 0, };
  gint64 t0 = g_get_monotonic_time ();
  gboolean ok, fk, already = FALSE;

  g_return_val_if_fail (BZ_IS_STORE (store), FALSE);
  g_return_val_if_fail (source_dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  imp.db = bz_store_db (store);
  imp.source_dir = source_dir;
  imp.progress = progress;
  imp.user_data = user_data;
  imp.cancellable = cancellable;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (sr28_imported_on (imp.db))
    {
      if (!update_names (&imp, error) || !update_plainness (&imp, error))
        return FALSE;
      bz_usda_report (&imp, "done", 1.0);
      return TRUE;
    }

  /* SQLite's per-row foreign-key lookups cost about a third of the import
   * (0.85 s of 3.2 s measured); the importer checks the same references
   * against hash sets of the keys it loaded (check_ref()) and switches the
   * connection's enforcement off for the transaction only.  The pragma is a
   * no-op inside a transaction, so it is set before BEGIN and restored after. */
  fk = foreign_keys_enabled (imp.db);
  if (fk)
    bz_db_exec (imp.db, "PRAGMA foreign_keys = OFF", NULL);
  imp.group_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp.nutr_nos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp.ndb_nos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ok = import_in_transaction (&imp, &already, error);

  g_hash_table_unref (imp.group_codes);
  g_hash_table_unref (imp.nutr_nos);
  g_hash_table_unref (imp.ndb_nos);
  g_free (imp.buf);
  if (fk)
    bz_db_exec (imp.db, "PRAGMA foreign_keys = ON", NULL);
  if (!ok)
    return FALSE;

  if (already && (!update_names (&imp, error) || !update_plainness (&imp, error)))
    return FALSE;
  if (!already)
    {
      bz_store_checkpoint (store);
      g_debug ("USDA SR28 imported from %s in %.2f s", source_dir,
               (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC);
    }
  bz_usda_report (&imp, "done", 1.0);
  return TRUE;
}

char *
bz_usda_default_source_dir (void)
{
  const char *env = g_getenv ("BALANZA_FOODS_DIR");
  const char * const *dirs = g_get_system_data_dirs ();

  if (env && *env)
    return g_strdup (env);
  for (guint i = 0; dirs[i]; i++)
    {
      g_autofree char *probe = g_build_filename (dirs[i], "balanza", "foods", "FOOD_DES.txt.xz", NULL);
      if (g_file_test (probe, G_FILE_TEST_IS_REGULAR))
        return g_path_get_dirname (probe);
    }
  {
    /* The install prefix (meson install), when it is not among the data dirs. */
    g_autofree char *installed = g_build_filename (BZ_PKGDATADIR, "foods", "FOOD_DES.txt.xz", NULL);
    if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
      return g_path_get_dirname (installed);
  }
  return g_build_filename (BZ_SOURCE_DIR, "data", "foods", NULL);
}
