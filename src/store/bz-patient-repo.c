/* bz-patient-repo.c — the patients aggregate (bz-patient-repo.h). */
#include "bz-patient-repo.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bz-clinical-repo.h"
#include "bz-repo-private.h"
#include "bz-text.h"
#include "bz-user-repo.h"

/* ?1 nutritionist, ?2 status or 'all', ?3 LIKE pattern (folded: bz_text_fold()) or NULL.
 * bz_fold() and COLLATE BZ_ES are registered on every connection (bz-store.c). */
#define PATIENT_FILTER \
  " FROM patients p JOIN users u ON u.id = p.user_id" \
  " WHERE p.nutritionist_id = ?1 AND (?2 = 'all' OR p.status = ?2)" \
  " AND (?3 IS NULL OR bz_fold(u.first_name || ' ' || u.last_name) LIKE ?3 ESCAPE '\\'" \
  "      OR bz_fold(u.email) LIKE ?3 ESCAPE '\\')"

/* --- Rows ----------------------------------------------------------------------- */

/* "first last" from two text columns. */
static char *
full_name (sqlite3_stmt *st, int first_col)
{
  return g_strdup_printf ("%s %s", (const char *) sqlite3_column_text (st, first_col),
                          (const char *) sqlite3_column_text (st, first_col + 1));
}

/* A list row: PatientSummary's columns, then first name, last name, email,
 * the newest scan's weight, the first scan's weight and the scan count. */
static BzRecord *
summary_row (sqlite3_stmt *st)
{
  BzRecord *p = bz_record_new (&bz_patient_summary_resource);
  int col = 0;

  bz_db_read_record (st, &col, p);
  bz_record_take_string (p, BZ_PATIENT_SUMMARY_FULL_NAME, full_name (st, col));
  bz_record_set_string (p, BZ_PATIENT_SUMMARY_EMAIL, (const char *) sqlite3_column_text (st, col + 2));
  if (sqlite3_column_type (st, col + 3) != SQLITE_NULL)
    {
      double current = sqlite3_column_double (st, col + 3), first = sqlite3_column_double (st, col + 4);
      bz_record_set_double (p, BZ_PATIENT_SUMMARY_CURRENT_WEIGHT_KG, current);
      /* progress toward target weight: (first − current) / (first − target), 0..100 */
      if (bz_record_has (p, BZ_PATIENT_SUMMARY_TARGET_WEIGHT_KG))
        {
          double target = bz_record_get_double (p, BZ_PATIENT_SUMMARY_TARGET_WEIGHT_KG);
          if (first != target)
            {
              double pct = 100.0 * (first - current) / (first - target);
              bz_record_set_double (p, BZ_PATIENT_SUMMARY_PROGRESS_PERCENTAGE,
                                    round (CLAMP (pct, 0.0, 100.0) * 10) / 10);
            }
        }
    }
  bz_record_set_int (p, BZ_PATIENT_SUMMARY_SCAN_COUNT, sqlite3_column_int64 (st, col + 5));
  return p;
}

static char *select_id (BzStore *store, const char *sql, const char *a, const char *b, GError **error);

/* --- Writes --------------------------------------------------------------------- */

gboolean
bz_patient_repo_insert (BzStore *store, const BzPatientRecord *p, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "INSERT INTO patients (id, user_id, nutritionist_id, assigned_at, primary_goal, target_weight_kg,"
      " health_conditions, allergies, status, created_at, updated_at,"
      " food_restrictions, dietary_preference, activity_level)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, bz_seal ('patients', 'health_conditions', ?1, ?7),"
      " bz_seal ('patients', 'allergies', ?1, ?8), 'active', ?9, ?10,"
      " bz_seal ('patients', 'food_restrictions', ?1, ?11), ?12, ?13)", error);

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
  sqlite3_bind_text (st, 11, p->food_restrictions_json ? p->food_restrictions_json : "[]", -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 12, p->dietary_preference);
  sqlite3_bind_text (st, 13, p->activity_level ? p->activity_level : "light", -1, SQLITE_STATIC);
  return bz_db_step_done (st, error) &&
         bz_store_log_patient_change (db, "patients", p->id, BZ_CHANGE_INSERT, p->id, error);
}

gboolean
bz_patient_repo_update (BzStore *store, const char *patient_id, const BzPatientChanges *c, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *user_id = NULL;
  g_autoptr(GError) local = NULL;

  user_id = select_id (store, "SELECT user_id FROM patients WHERE id = ?", patient_id, NULL, &local);
  if (user_id == NULL)
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "No such patient");
      return FALSE;
    }
  {
    BzUserProfileChanges u = {
      .first_name = c->first_name, .last_name = c->last_name, .phone = c->phone,
      .date_of_birth = c->date_of_birth, .gender = c->gender, .keep_location = c->keep_location,
      .state = c->state, .city = c->city, .updated_at = c->updated_at,
    };
    if (!bz_user_repo_update_profile (store, user_id, &u, error))
      return FALSE;
  }
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "UPDATE patients SET primary_goal = ?1, target_weight_kg = ?2,"
        " health_conditions = bz_seal ('patients', 'health_conditions', ?10, ?3),"
        " allergies = bz_seal ('patients', 'allergies', ?10, ?4),"
        " food_restrictions = bz_seal ('patients', 'food_restrictions', ?10, ?5),"
        " dietary_preference = ?6, activity_level = ?7, status = ?8, updated_at = ?9"
        " WHERE id = ?10", error);
    if (!st)
      return FALSE;
    bz_db_bind_text_or_null (st, 1, c->primary_goal);
    if (c->has_target_weight)
      sqlite3_bind_double (st, 2, c->target_weight_kg);
    sqlite3_bind_text (st, 3, c->health_conditions_json, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 4, c->allergies_json, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 5, c->food_restrictions_json, -1, SQLITE_STATIC);
    bz_db_bind_text_or_null (st, 6, c->dietary_preference);
    sqlite3_bind_text (st, 7, c->activity_level, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 8, c->status, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 9, c->updated_at, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 10, patient_id, -1, SQLITE_STATIC);
    return bz_db_step_done (st, error) &&
           bz_store_log_patient_change (db, "patients", patient_id, BZ_CHANGE_UPDATE, patient_id, error);
  }
}

/* --- Reads ---------------------------------------------------------------------- */

/* "%text%" folded (case and accents, bz_text_fold()), with LIKE's wildcards
 * and escape character escaped. */
static char *
like_pattern (const char *search)
{
  g_autofree char *folded = bz_text_fold (search);
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

GPtrArray *
bz_patient_repo_list (BzStore *store, const char *nutritionist_id, const char *status,
                      const char *search, guint limit, gint64 offset,
                      gint64 *out_total, GError **error)
{
  static gsize page_sql;
  sqlite3 *db = bz_store_db (store);
  g_autofree char *pattern = search && *search ? like_pattern (search) : NULL;
  g_autoptr(GPtrArray) patients = g_ptr_array_new_with_free_func (g_object_unref);
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
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, bz_repo_sql_once (&page_sql,
        "SELECT %s, u.first_name, u.last_name, u.email,"
        " (SELECT weight_kg FROM body_scans s WHERE s.patient_id = p.id ORDER BY measured_at DESC LIMIT 1),"
        " (SELECT weight_kg FROM body_scans s WHERE s.patient_id = p.id ORDER BY measured_at ASC LIMIT 1),"
        " (SELECT count(*) FROM body_scans s WHERE s.patient_id = p.id)"
        PATIENT_FILTER
        " ORDER BY u.last_name COLLATE BZ_ES, u.first_name COLLATE BZ_ES, p.id LIMIT ?4 OFFSET ?5",
        &bz_patient_summary_resource, "p"), error);
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
        g_ptr_array_add (patients, summary_row (st));
      }
  }
  {
    /* last_appointment, next_appointment: one statement for the page (issue 12). */
    g_autofree char *now = bz_now_iso8601 ();
    if (!bz_clinical_repo_fill_last_next (store, patients, now, error))
      return NULL;
  }
  *out_total = total;
  return g_steal_pointer (&patients);
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
bz_patient_repo_nutritionist_of_user (BzStore *store, const char *user_id, GError **error)
{
  return select_id (store, "SELECT nutritionist_id FROM patients WHERE user_id = ? AND nutritionist_id IS NOT NULL",
                    user_id, NULL, error);
}

char *
bz_patient_repo_id_if_assigned (BzStore *store, const char *patient_id,
                                const char *nutritionist_id, GError **error)
{
  g_return_val_if_fail (nutritionist_id != NULL, NULL);
  return select_id (store, "SELECT id FROM patients WHERE id = ? AND nutritionist_id = ?",
                    patient_id, nutritionist_id, error);
}

BzRecord *
bz_patient_repo_get_basic_info (BzStore *store, const char *patient_id, GError **error)
{
  static gsize sql;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      "SELECT %s, bz_unseal ('patients', 'health_conditions', p.id, p.health_conditions),"
      " bz_unseal ('patients', 'allergies', p.id, p.allergies),"
      " bz_unseal ('patients', 'food_restrictions', p.id, p.food_restrictions)"
      " FROM patients p JOIN users u ON u.id = p.user_id"
      /* PatientInfo.privacy_consent_at: the acceptance of user_consents (034), its one home. */
      " LEFT JOIN (SELECT user_id AS consent_user_id, privacy_notice_accepted_at AS privacy_consent_at"
      "            FROM user_consents WHERE data_processing = 1) c ON c.consent_user_id = p.user_id"
      " WHERE p.id = ?1",
      &bz_patient_info_resource, NULL), error);
  gboolean have_row;
  BzRecord *info;
  int col = 0;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error) || !have_row)
    return NULL;
  info = bz_record_new (&bz_patient_info_resource);
  bz_db_read_record (st, &col, info);
  bz_record_take_string (info, BZ_PATIENT_INFO_FULL_NAME,
                         g_strdup_printf ("%s %s", bz_record_get_string (info, BZ_PATIENT_INFO_FIRST_NAME),
                                          bz_record_get_string (info, BZ_PATIENT_INFO_LAST_NAME)));
  bz_repo_read_json_strv (st, col, info, BZ_PATIENT_INFO_HEALTH_CONDITIONS);
  bz_repo_read_json_strv (st, col + 1, info, BZ_PATIENT_INFO_ALLERGIES);
  bz_repo_read_json_strv (st, col + 2, info, BZ_PATIENT_INFO_FOOD_RESTRICTIONS);
  return info;
}
