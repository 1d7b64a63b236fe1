/* bz-patient-repo.c — the patients aggregate (bz-patient-repo.h). */
#include "bz-patient-repo.h"

#include <math.h>

#include "bz-repo-private.h"

/* ?1 nutritionist, ?2 status or 'all', ?3 LIKE pattern or NULL. */
#define PATIENT_FILTER \
  " FROM patients p JOIN users u ON u.id = p.user_id" \
  " WHERE p.nutritionist_id = ?1 AND (?2 = 'all' OR p.status = ?2)" \
  " AND (?3 IS NULL OR lower(u.first_name || ' ' || u.last_name) LIKE ?3 ESCAPE '\\' OR u.email LIKE ?3 ESCAPE '\\')"

/* --- Row mapping: one function per row kind -------------------------------------- */

/* A list entry: p.id, p.user_id, first, last, email, goal, status, assigned_at,
 * newest scan's weight, target weight, first scan's weight, scan count. */
static JsonObject *
list_row (sqlite3_stmt *st)
{
  JsonObject *o = json_object_new ();
  g_autofree char *full = g_strdup_printf ("%s %s", bz_repo_text (st, 2), bz_repo_text (st, 3));
  double current = sqlite3_column_double (st, 8), first = sqlite3_column_double (st, 10);
  json_object_set_string_member (o, "id", bz_repo_text (st, 0));
  json_object_set_string_member (o, "user_id", bz_repo_text (st, 1));
  json_object_set_string_member (o, "full_name", full);
  json_object_set_string_member (o, "email", bz_repo_text (st, 4));
  json_object_set_null_member (o, "photo_url");
  json_object_set_string_member (o, "primary_goal", bz_repo_text (st, 5));
  json_object_set_string_member (o, "status", bz_repo_text (st, 6));
  json_object_set_string_member (o, "assigned_at", bz_repo_text (st, 7));
  json_object_set_null_member (o, "last_appointment");
  json_object_set_null_member (o, "next_appointment");
  bz_repo_set_double_or_null (o, "current_weight_kg", st, 8);
  bz_repo_set_double_or_null (o, "target_weight_kg", st, 9);
  /* progress toward target weight: (first − current) / (first − target), 0..100 */
  if (!bz_repo_is_null (st, 8) && !bz_repo_is_null (st, 9) && first != sqlite3_column_double (st, 9))
    {
      double pct = 100.0 * (first - current) / (first - sqlite3_column_double (st, 9));
      json_object_set_double_member (o, "progress_percentage", round (CLAMP (pct, 0.0, 100.0) * 10) / 10);
    }
  else
    json_object_set_null_member (o, "progress_percentage");
  json_object_set_int_member (o, "scan_count", sqlite3_column_int (st, 11));
  return o;
}

/* basic_info: user_id, email, first, last, phone, date_of_birth, gender, goal,
 * target weight, health_conditions, allergies, status, assigned_at,
 * nutritionist_id, activity_level. */
static JsonObject *
basic_info_row (sqlite3_stmt *st)
{
  JsonObject *o = json_object_new ();
  g_autofree char *full = g_strdup_printf ("%s %s", bz_repo_text (st, 2), bz_repo_text (st, 3));
  json_object_set_string_member (o, "user_id", bz_repo_text (st, 0));
  json_object_set_string_member (o, "email", bz_repo_text (st, 1));
  json_object_set_string_member (o, "first_name", bz_repo_text (st, 2));
  json_object_set_string_member (o, "last_name", bz_repo_text (st, 3));
  json_object_set_string_member (o, "full_name", full);
  json_object_set_string_member (o, "phone", bz_repo_text (st, 4));
  json_object_set_string_member (o, "date_of_birth", bz_repo_text (st, 5));
  json_object_set_string_member (o, "gender", bz_repo_text (st, 6));
  json_object_set_string_member (o, "primary_goal", bz_repo_text (st, 7));
  bz_repo_set_double_or_null (o, "target_weight_kg", st, 8);
  json_object_set_member (o, "health_conditions", bz_repo_json_from_text (st, 9));
  json_object_set_member (o, "allergies", bz_repo_json_from_text (st, 10));
  json_object_set_string_member (o, "status", bz_repo_text (st, 11));
  json_object_set_string_member (o, "assigned_at", bz_repo_text (st, 12));
  json_object_set_string_member (o, "nutritionist_id", bz_repo_text (st, 13));
  json_object_set_string_member (o, "activity_level", bz_repo_text (st, 14));
  return o;
}

/* --- Writes --------------------------------------------------------------------- */

gboolean
bz_patient_repo_insert (BzStore *store, const BzPatientRecord *p, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "INSERT INTO patients (id, user_id, nutritionist_id, assigned_at, primary_goal, target_weight_kg,"
      " health_conditions, allergies, status, created_at, updated_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, p->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, p->user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, p->nutritionist_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, p->created_at, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 5, p->primary_goal);
  if (p->has_target_weight)
    sqlite3_bind_double (st, 6, p->target_weight_kg);
  sqlite3_bind_text (st, 7, p->health_conditions_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 8, p->allergies_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 9, p->created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 10, p->created_at, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error) &&
         bz_store_log_change (db, "patients", p->id, BZ_CHANGE_INSERT, error);
}

/* --- Reads ---------------------------------------------------------------------- */

/* "%text%" case-folded, with LIKE's wildcards and escape character escaped. */
static char *
like_pattern (const char *search)
{
  g_autofree char *folded = g_utf8_casefold (search, -1);
  GString *s = g_string_new ("%");

  for (const char *c = folded; *c; c++)
    {
      if (*c == '%' || *c == '_' || *c == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *c);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

static void
bind_filter (sqlite3_stmt *st, const char *nutritionist_id, const char *status, const char *pattern)
{
  sqlite3_bind_text (st, 1, nutritionist_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, status, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 3, pattern);
}

JsonArray *
bz_patient_repo_list (BzStore *store, const char *nutritionist_id, const char *status,
                      const char *search, guint limit, gint64 offset,
                      gint64 *out_total, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *pattern = search && *search ? like_pattern (search) : NULL;
  g_autoptr(JsonArray) arr = json_array_new ();
  gboolean have_row;
  gint64 total;

  {
    g_autoptr(sqlite3_stmt) count = bz_db_prepare (db, "SELECT count(*)" PATIENT_FILTER, error);
    if (!count)
      return NULL;
    bind_filter (count, nutritionist_id, status, pattern);
    if (!bz_repo_step (count, &have_row, error))
      return NULL;
    total = have_row ? sqlite3_column_int64 (count, 0) : 0;
  }
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "SELECT p.id, p.user_id, u.first_name, u.last_name, u.email, p.primary_goal, p.status, p.assigned_at,"
        " (SELECT weight_kg FROM body_scans s WHERE s.patient_id = p.id ORDER BY measured_at DESC LIMIT 1),"
        " p.target_weight_kg,"
        " (SELECT weight_kg FROM body_scans s WHERE s.patient_id = p.id ORDER BY measured_at ASC LIMIT 1),"
        " (SELECT count(*) FROM body_scans s WHERE s.patient_id = p.id)"
        PATIENT_FILTER
        " ORDER BY u.last_name COLLATE NOCASE, u.first_name COLLATE NOCASE LIMIT ?4 OFFSET ?5", error);
    if (!st)
      return NULL;
    bind_filter (st, nutritionist_id, status, pattern);
    sqlite3_bind_int (st, 4, limit);
    sqlite3_bind_int64 (st, 5, offset);
    for (;;)
      {
        if (!bz_repo_step (st, &have_row, error))
          return NULL;
        if (!have_row)
          break;
        json_array_add_object_element (arr, list_row (st));
      }
  }
  *out_total = total;
  return g_steal_pointer (&arr);
}

/* Runs @sql (one text column out) with ?1 = @a and ?2 = @b (when not NULL). */
static char *
select_id (BzStore *store, const char *sql, const char *a, const char *b, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), sql, error);
  gboolean have_row;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, a, -1, SQLITE_STATIC);
  if (b)
    sqlite3_bind_text (st, 2, b, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error) || !have_row)
    return NULL;
  return bz_db_column_text_dup (st, 0);
}

char *
bz_patient_repo_id_of_user (BzStore *store, const char *user_id, GError **error)
{
  return select_id (store, "SELECT id FROM patients WHERE user_id = ?", user_id, NULL, error);
}

char *
bz_patient_repo_id_if_assigned (BzStore *store, const char *patient_id,
                                const char *nutritionist_id, GError **error)
{
  g_return_val_if_fail (nutritionist_id != NULL, NULL);
  return select_id (store, "SELECT id FROM patients WHERE id = ? AND nutritionist_id = ?",
                    patient_id, nutritionist_id, error);
}

JsonObject *
bz_patient_repo_get_basic_info (BzStore *store, const char *patient_id, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT p.user_id, u.email, u.first_name, u.last_name, u.phone, u.date_of_birth, u.gender,"
      " p.primary_goal, p.target_weight_kg, p.health_conditions, p.allergies, p.status, p.assigned_at,"
      " p.nutritionist_id, p.activity_level"
      " FROM patients p JOIN users u ON u.id = p.user_id WHERE p.id = ?", error);
  gboolean have_row;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error) || !have_row)
    return NULL;
  return basic_info_row (st);
}
