/* bz-scan-repo.c — body scans and their avatars (bz-scan-repo.h). */
#include "bz-scan-repo.h"

#include <math.h>

#include "bz-repo-private.h"

#define SCAN_COLUMNS \
  "s.id, s.patient_id, s.measured_at, s.sex, s.age, s.height_cm, s.weight_kg, s.body_fat_percent," \
  " s.skeletal_muscle_mass_kg, s.circumferences_cm, a.id, a.version, a.size_bytes, a.blob_sha256, a.vertex_count, a.provider"

/* --- Row mapping: one function per row kind -------------------------------------- */

/* A scan with its avatar (LEFT JOIN): SCAN_COLUMNS. */
static JsonObject *
scan_row (sqlite3_stmt *st)
{
  JsonObject *o = json_object_new ();
  double h = sqlite3_column_double (st, 5) / 100.0, w = sqlite3_column_double (st, 6);
  json_object_set_string_member (o, "id", bz_repo_text (st, 0));
  json_object_set_string_member (o, "patient_id", bz_repo_text (st, 1));
  json_object_set_string_member (o, "measured_at", bz_repo_text (st, 2));
  json_object_set_string_member (o, "sex", bz_repo_text (st, 3));
  json_object_set_int_member (o, "age", sqlite3_column_int (st, 4));
  json_object_set_double_member (o, "height_cm", sqlite3_column_double (st, 5));
  json_object_set_double_member (o, "weight_kg", w);
  json_object_set_double_member (o, "body_fat_percent", sqlite3_column_double (st, 7));
  json_object_set_double_member (o, "skeletal_muscle_mass_kg", sqlite3_column_double (st, 8));
  json_object_set_member (o, "circumferences_cm", bz_repo_json_from_text (st, 9));
  /* BMI = kg / m² (WHO). */
  json_object_set_double_member (o, "bmi", round (w / (h * h) * 10.0) / 10.0);
  if (!bz_repo_is_null (st, 10))
    {
      JsonObject *a = json_object_new ();
      g_autofree char *url = g_strdup_printf ("/api/v1/avatars/%s.glb", bz_repo_text (st, 10));
      json_object_set_string_member (a, "id", bz_repo_text (st, 10));
      json_object_set_string_member (a, "url", url);
      json_object_set_int_member (a, "version", sqlite3_column_int (st, 11));
      json_object_set_int_member (a, "size_bytes", sqlite3_column_int64 (st, 12));
      json_object_set_string_member (a, "etag", bz_repo_text (st, 13));
      json_object_set_int_member (a, "vertex_count", sqlite3_column_int (st, 14));
      json_object_set_string_member (a, "provider", bz_repo_text (st, 15));
      json_object_set_string_member (a, "format", "model/gltf-binary");
      json_object_set_object_member (o, "avatar", a);
    }
  else
    json_object_set_null_member (o, "avatar");
  return o;
}

/* A progress-history entry: id, measured_at, weight, body fat, muscle, circumferences. */
static JsonObject *
progress_row (sqlite3_stmt *st)
{
  JsonObject *h = json_object_new ();
  json_object_set_string_member (h, "scan_id", bz_repo_text (st, 0));
  json_object_set_string_member (h, "measured_at", bz_repo_text (st, 1));
  json_object_set_double_member (h, "weight_kg", sqlite3_column_double (st, 2));
  json_object_set_double_member (h, "body_fat_percent", sqlite3_column_double (st, 3));
  json_object_set_double_member (h, "skeletal_muscle_mass_kg", sqlite3_column_double (st, 4));
  json_object_set_member (h, "circumferences_cm", bz_repo_json_from_text (st, 5));
  return h;
}

/* --- Writes --------------------------------------------------------------------- */

gboolean
bz_scan_repo_insert (BzStore *store, const BzScanRecord *s, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "INSERT INTO body_scans (id, patient_id, measured_at, sex, age, height_cm, weight_kg, body_fat_percent,"
      " skeletal_muscle_mass_kg, circumferences_cm, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, s->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, s->patient_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, s->measured_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, s->sex, -1, SQLITE_STATIC);
  sqlite3_bind_int (st, 5, s->age);
  sqlite3_bind_double (st, 6, s->height_cm);
  sqlite3_bind_double (st, 7, s->weight_kg);
  sqlite3_bind_double (st, 8, s->body_fat_percent);
  sqlite3_bind_double (st, 9, s->skeletal_muscle_mass_kg);
  sqlite3_bind_text (st, 10, s->circumferences_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 11, s->created_by, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 12, s->created_at, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error) &&
         bz_store_log_change (db, "body_scans", s->id, BZ_CHANGE_INSERT, error);
}

gboolean
bz_scan_repo_insert_avatar (BzStore *store, const BzAvatarRecord *a, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "INSERT INTO avatars (id, scan_id, patient_id, version, blob_sha256, size_bytes, vertex_count, provider, created_at)"
      " VALUES (?, ?, ?, (SELECT coalesce(max(version), 0) + 1 FROM avatars WHERE patient_id = ?3), ?, ?, ?, ?, ?)", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, a->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, a->scan_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, a->patient_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, a->blob_sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 5, a->size_bytes);
  sqlite3_bind_int (st, 6, a->vertex_count);
  sqlite3_bind_text (st, 7, a->provider, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 8, a->created_at, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error) &&
         bz_store_log_change (db, "avatars", a->id, BZ_CHANGE_INSERT, error);
}

/* --- Reads ---------------------------------------------------------------------- */

JsonObject *
bz_scan_repo_get (BzStore *store, const char *scan_id, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT " SCAN_COLUMNS " FROM body_scans s LEFT JOIN avatars a ON a.scan_id = s.id WHERE s.id = ?", error);
  gboolean have_row;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, scan_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error) || !have_row)
    return NULL;
  return scan_row (st);
}

JsonArray *
bz_scan_repo_list (BzStore *store, const char *patient_id, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT " SCAN_COLUMNS " FROM body_scans s LEFT JOIN avatars a ON a.scan_id = s.id"
      " WHERE s.patient_id = ? ORDER BY s.measured_at DESC", error);

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  return bz_repo_collect (st, scan_row, error);
}

JsonArray *
bz_scan_repo_progress (BzStore *store, const char *patient_id, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT id, measured_at, weight_kg, body_fat_percent, skeletal_muscle_mass_kg, circumferences_cm"
      " FROM body_scans WHERE patient_id = ? ORDER BY measured_at ASC", error);

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  return bz_repo_collect (st, progress_row, error);
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
