/* bz-scan-repo.c — body scans and their avatars (bz-scan-repo.h).  The
 * column lists come from the declarations of Scan, Avatar and Metrics; the
 * circumferences are one JSON object in body_scans.circumferences_cm. */
#include "bz-scan-repo.h"

#include <math.h>

#include "bz-repo-private.h"

/* Scan's columns, the circumferences, then Avatar's columns (NULL without one). */
#define SCAN_SELECT \
  "SELECT %s, s.circumferences_cm, %s FROM body_scans s LEFT JOIN avatars a ON a.scan_id = s.id"

static const char *
sql_scan_one (void)
{
  static gsize sql;
  return bz_repo_sql_once (&sql, SCAN_SELECT " WHERE s.id = ?1",
                           &bz_scan_resource, "s", &bz_avatar_resource, "a");
}

static const char *
sql_scan_list (void)
{
  static gsize sql;
  return bz_repo_sql_once (&sql, SCAN_SELECT " WHERE s.patient_id = ?1 ORDER BY s.measured_at DESC",
                           &bz_scan_resource, "s", &bz_avatar_resource, "a");
}

/* --- Rows ----------------------------------------------------------------------- */

/* The Circumferences stored as JSON text in column @col. */
static BzRecord *
read_circumferences (sqlite3_stmt *st, int col)
{
  BzRecord *c = bz_record_new (&bz_circumferences_resource);
  bz_repo_read_json_object (st, col, c);
  return c;
}

/* body_fat_percent and skeletal_muscle_mass_kg are NOT NULL columns (001);
 * 0 there means "not measured" (data/sql/026_scan_estimated_fat.sql). */
static void
not_measured_to_null (BzRecord *rec, guint field)
{
  if (bz_record_has (rec, field) && bz_record_get_double (rec, field) == 0)
    bz_record_set_null (rec, field);
}

/* A Scan from a SCAN_SELECT row, with its computed fields. */
static BzRecord *
read_scan (sqlite3_stmt *st)
{
  BzRecord *scan = bz_record_new (&bz_scan_resource);
  double h, w;
  int col = 0;

  bz_db_read_record (st, &col, scan);
  not_measured_to_null (scan, BZ_SCAN_BODY_FAT_PERCENT);
  not_measured_to_null (scan, BZ_SCAN_SKELETAL_MUSCLE_MASS_KG);
  bz_record_take_object (scan, BZ_SCAN_CIRCUMFERENCES_CM, read_circumferences (st, col++));
  /* BMI = kg / m² (WHO). */
  h = bz_record_get_double (scan, BZ_SCAN_HEIGHT_CM) / 100.0;
  w = bz_record_get_double (scan, BZ_SCAN_WEIGHT_KG);
  bz_record_set_double (scan, BZ_SCAN_BMI, round (w / (h * h) * 10.0) / 10.0);
  if (sqlite3_column_type (st, col) != SQLITE_NULL)
    {
      BzRecord *avatar = bz_record_new (&bz_avatar_resource);
      bz_db_read_record (st, &col, avatar);
      bz_record_take_string (avatar, BZ_AVATAR_URL,
                             g_strdup_printf ("/api/v1/avatars/%s.glb", bz_record_get_string (avatar, BZ_AVATAR_ID)));
      bz_record_set_string (avatar, BZ_AVATAR_FORMAT, "model/gltf-binary");
      bz_record_take_object (scan, BZ_SCAN_AVATAR, avatar);
    }
  return scan;
}

/* --- Writes --------------------------------------------------------------------- */

/* Binds @scan's columns, then its circumferences as JSON text (kept in
 * @circ_json, which must outlive the statement's step), from *@p on.  Body
 * fat and muscle not measured are stored as 0 (NOT NULL columns, 001). */
static void
bind_scan (sqlite3_stmt *st, int *p, BzRecord *scan, GString *circ_json)
{
  BzRecord *circ = bz_record_get_object (scan, BZ_SCAN_CIRCUMFERENCES_CM);

  if (!bz_record_has (scan, BZ_SCAN_BODY_FAT_PERCENT))
    bz_record_set_double (scan, BZ_SCAN_BODY_FAT_PERCENT, 0);
  if (!bz_record_has (scan, BZ_SCAN_SKELETAL_MUSCLE_MASS_KG))
    bz_record_set_double (scan, BZ_SCAN_SKELETAL_MUSCLE_MASS_KG, 0);
  if (circ)
    bz_record_write_json (circ, circ_json);   /* only the measured ones */
  else
    g_string_append (circ_json, "{}");
  bz_db_bind_record (st, p, scan);
  sqlite3_bind_text (st, (*p)++, circ_json->str, -1, SQLITE_STATIC);
}

gboolean
bz_scan_repo_insert (BzStore *store, BzRecord *scan, const char *created_by, const char *created_at,
                     GError **error)
{
  static gsize sql;
  sqlite3 *db = bz_store_db (store);
  g_autoptr(GString) circ_json = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, bz_repo_sql_once (&sql,
      "INSERT INTO body_scans (%s, circumferences_cm, created_by, created_at) VALUES (%?, ?, ?, ?)",
      &bz_scan_resource, NULL, &bz_scan_resource), error);
  int p = 1;

  if (!st)
    return FALSE;
  bind_scan (st, &p, scan, circ_json);
  bz_db_bind_text_or_null (st, p++, created_by);
  sqlite3_bind_text (st, p++, created_at, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error) &&
         bz_store_log_patient_change (db, "body_scans", bz_record_get_string (scan, BZ_SCAN_ID), BZ_CHANGE_INSERT,
                                      bz_record_get_string (scan, BZ_SCAN_PATIENT_ID), error);
}

/* Inserts the avatars row of @avatar numbered @version, and logs it. */
static gboolean
insert_avatar_row (sqlite3 *db, BzRecord *avatar, gint64 version, const char *scan_id, const char *patient_id,
                   const char *created_at, GError **error)
{
  static gsize sql;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, bz_repo_sql_once (&sql,
      "INSERT INTO avatars (%s, scan_id, patient_id, created_at) VALUES (%?, ?, ?, ?)",
      &bz_avatar_resource, NULL, &bz_avatar_resource), error);
  int p = 1;

  if (!st)
    return FALSE;
  bz_record_set_int (avatar, BZ_AVATAR_VERSION, version);
  bz_db_bind_record (st, &p, avatar);
  sqlite3_bind_text (st, p++, scan_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, p++, patient_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, p++, created_at, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error) &&
         bz_store_log_patient_change (db, "avatars", bz_record_get_string (avatar, BZ_AVATAR_ID), BZ_CHANGE_INSERT,
                                      patient_id, error);
}

gboolean
bz_scan_repo_insert_avatar (BzStore *store, BzRecord *avatar, const char *scan_id, const char *patient_id,
                            const char *created_at, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) next = bz_db_prepare (db,
      "SELECT coalesce(max(version), 0) + 1 FROM avatars WHERE patient_id = ?", error);
  gboolean have_row;
  gint64 version;

  if (!next)
    return FALSE;
  /* Inside the caller's write transaction: no other writer numbers meanwhile. */
  sqlite3_bind_text (next, 1, patient_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (next, &have_row, error))
    return FALSE;
  version = have_row ? sqlite3_column_int64 (next, 0) : 1;
  g_clear_pointer (&next, bz_db_stmt_release);
  return insert_avatar_row (db, avatar, version, scan_id, patient_id, created_at, error);
}

gboolean
bz_scan_repo_update (BzStore *store, BzRecord *scan, GError **error)
{
  static gsize sql;
  sqlite3 *db = bz_store_db (store);
  g_autoptr(GString) circ_json = g_string_new (NULL);
  /* A row value assignment: the same column list as the insert.  id and
   * patient_id are set to themselves (the WHERE clause pins both). */
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, bz_repo_sql_once (&sql,
      "UPDATE body_scans SET (%s, circumferences_cm) = (%?, ?) WHERE id = ?1 AND patient_id = ?2",
      &bz_scan_resource, NULL, &bz_scan_resource), error);
  int p = 1;

  if (!st)
    return FALSE;
  G_STATIC_ASSERT (BZ_SCAN_ID == 0 && BZ_SCAN_PATIENT_ID == 1);   /* ?1 and ?2 above */
  bind_scan (st, &p, scan, circ_json);
  if (!bz_db_step_done (st, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "No such scan");
      return FALSE;
    }
  return bz_store_log_patient_change (db, "body_scans", bz_record_get_string (scan, BZ_SCAN_ID), BZ_CHANGE_UPDATE,
                                      bz_record_get_string (scan, BZ_SCAN_PATIENT_ID), error);
}

gboolean
bz_scan_repo_replace_avatar (BzStore *store, BzRecord *avatar, const char *scan_id, const char *patient_id,
                             const char *created_at, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) old = bz_db_prepare (db,
      "SELECT id, version FROM avatars WHERE scan_id = ?1 AND patient_id = ?2", error);
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autofree char *old_id = NULL;
  gint64 version = 0;
  gboolean have_row;

  if (!old)
    return FALSE;
  sqlite3_bind_text (old, 1, scan_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (old, 2, patient_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (old, &have_row, error))
    return FALSE;
  if (!have_row)   /* a scan without an avatar gets the patient's next number */
    return bz_scan_repo_insert_avatar (store, avatar, scan_id, patient_id, created_at, error);
  old_id = bz_db_column_text_dup (old, 0);
  version = sqlite3_column_int64 (old, 1);
  g_clear_pointer (&old, bz_db_stmt_release);

  if (!(del = bz_db_prepare (db, "DELETE FROM avatars WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_text (del, 1, old_id, -1, SQLITE_STATIC);
  if (!bz_db_step_done (del, error) ||
      !bz_store_log_patient_change (db, "avatars", old_id, BZ_CHANGE_DELETE, patient_id, error))
    return FALSE;
  return insert_avatar_row (db, avatar, version, scan_id, patient_id, created_at, error);
}

/* --- Reads ---------------------------------------------------------------------- */

BzRecord *
bz_scan_repo_get (BzStore *store, const char *scan_id, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), sql_scan_one (), error);
  gboolean have_row;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, scan_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error) || !have_row)
    return NULL;
  return read_scan (st);
}

GPtrArray *
bz_scan_repo_get_many (BzStore *store, const char *const *ids, guint n, GError **error)
{
  static gsize sql;
  g_autofree char *json = bz_repo_ids_json (ids, n);
  g_autoptr(GPtrArray) scans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      SCAN_SELECT " WHERE s.id IN (SELECT value FROM json_each (?1))",
      &bz_scan_resource, "s", &bz_avatar_resource, "a"), error);
  gboolean have_row;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, json, -1, SQLITE_STATIC);
  for (;;)
    {
      if (!bz_repo_step (st, &have_row, error))
        return NULL;
      if (!have_row)
        return g_steal_pointer (&scans);
      g_ptr_array_add (scans, read_scan (st));
    }
}

GPtrArray *
bz_scan_repo_list (BzStore *store, const char *patient_id, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), sql_scan_list (), error);
  g_autoptr(GPtrArray) scans = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean have_row;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  for (;;)
    {
      if (!bz_repo_step (st, &have_row, error))
        return NULL;
      if (!have_row)
        return g_steal_pointer (&scans);
      g_ptr_array_add (scans, read_scan (st));
    }
}

GPtrArray *
bz_scan_repo_progress (BzStore *store, const char *patient_id, GError **error)
{
  static gsize sql;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      "SELECT %s, circumferences_cm FROM body_scans WHERE patient_id = ?1 ORDER BY measured_at ASC",
      &bz_metrics_resource, NULL), error);
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean have_row;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  for (;;)
    {
      BzRecord *m;
      int col = 0;

      if (!bz_repo_step (st, &have_row, error))
        return NULL;
      if (!have_row)
        return g_steal_pointer (&history);
      m = bz_record_new (&bz_metrics_resource);
      bz_db_read_record (st, &col, m);
      not_measured_to_null (m, BZ_METRICS_BODY_FAT_PERCENT);
      not_measured_to_null (m, BZ_METRICS_SKELETAL_MUSCLE_MASS_KG);
      bz_record_take_object (m, BZ_METRICS_CIRCUMFERENCES_CM, read_circumferences (st, col));
      g_ptr_array_add (history, m);
    }
}

gboolean
bz_scan_repo_find_avatar (BzStore *store, const char *avatar_id, char **out_patient_id,
                          char **out_blob_sha256, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT patient_id, blob_sha256 FROM avatars WHERE id = ?", error);
  gboolean have_row;

  *out_patient_id = NULL;
  *out_blob_sha256 = NULL;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, avatar_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (have_row)
    {
      *out_patient_id = bz_db_column_text_dup (st, 0);
      *out_blob_sha256 = bz_db_column_text_dup (st, 1);
    }
  return TRUE;
}

GPtrArray *
bz_scan_repo_list_between (BzStore *store, const char *patient_id, const char *since, const char *until,
                           GError **error)
{
  static gsize sql;
  /* measured_at is ISO 8601 UTC text, "YYYY-MM-DDTHH:MM:SSZ": it sorts as time. */
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      SCAN_SELECT " WHERE s.patient_id = ?1 AND (?2 IS NULL OR s.measured_at >= ?2)"
      " AND (?3 IS NULL OR s.measured_at < ?3) ORDER BY s.measured_at ASC",
      &bz_scan_resource, "s", &bz_avatar_resource, "a"), error);
  g_autoptr(GPtrArray) scans = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean have_row;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 2, since);
  bz_db_bind_text_or_null (st, 3, until);
  for (;;)
    {
      if (!bz_repo_step (st, &have_row, error))
        return NULL;
      if (!have_row)
        return g_steal_pointer (&scans);
      g_ptr_array_add (scans, read_scan (st));
    }
}

GHashTable *
bz_scan_repo_measured_at (BzStore *store, const char *patient_id, const char *const *times, guint n, GError **error)
{
  g_autofree char *json = bz_repo_ids_json (times, n);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT measured_at FROM body_scans WHERE patient_id = ?1 AND measured_at IN (SELECT value FROM json_each (?2))",
      error);
  gboolean have_row;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, json, -1, SQLITE_STATIC);
  for (;;)
    {
      if (!bz_repo_step (st, &have_row, error))
        return NULL;
      if (!have_row)
        return g_steal_pointer (&found);
      g_hash_table_add (found, bz_db_column_text_dup (st, 0));
    }
}
