/* bz-patient-service.c — patient management (seed 002 §4.4). */
#include "bz-patient-service.h"

#include "bz-vocab.h"

#include <glib/gi18n.h>
#include <math.h>
#include <sodium.h>

#include "bz-auth-service.h"

static const char *statuses[] = { "active", "inactive", "graduated", "dropped", NULL };

static gboolean
in_list (const char *s, const char **list)
{
  return s && g_strv_contains (list, s);
}

/* Validates an optional array-of-strings member and returns it as JSON text. */
static char *
string_array_json (JsonObject *input, const char *field, BzValidation *v)
{
  JsonNode *n = json_object_get_member (input, field);
  g_autoptr(JsonGenerator) gen = NULL;
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return g_strdup ("[]");
  if (!JSON_NODE_HOLDS_ARRAY (n))
    {
      bz_validation_add (v, field, "invalid_type", _("This field must be a list of text"));
      return NULL;
    }
  JsonArray *a = json_node_get_array (n);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);
      if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING ||
          strlen (json_node_get_string (e)) > 100)
        {
          g_autofree char *f = g_strdup_printf ("%s[%u]", field, i);
          bz_validation_add (v, f, "invalid_type", _("Each entry must be text of at most 100 characters"));
          return NULL;
        }
    }
  gen = json_generator_new ();
  json_generator_set_root (gen, n);
  return json_generator_to_data (gen, NULL);
}

static void
random_password (char out[17])
{
  /* Satisfies seed 002 §7.4.1: upper, lower, digit, special. */
  static const char alnum[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  for (int i = 0; i < 12; i++)
    out[i] = alnum[randombytes_uniform (sizeof alnum - 1)];
  out[12] = 'A';
  out[13] = 'z';
  out[14] = '7';
  out[15] = '!';
  out[16] = 0;
}

JsonNode *
bz_patients_create (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  sqlite3 *db = bz_store_db (bz_services_get_store (svc));
  BzValidation v = BZ_VALIDATION_INIT;
  const char *email, *first, *last, *goal, *password;
  g_autofree char *conditions = NULL, *allergies = NULL, *user_id = NULL, *now = NULL;
  g_autofree char *patient_id = g_uuid_string_random ();
  char temp_password[17];
  double target_weight = 0;
  gboolean has_target = FALSE;
  JsonObject *p;

  if (caller->role != BZ_ROLE_NUTRITIONIST)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_FORBIDDEN, _("Only nutritionists can add patients"));
      return NULL;
    }

  email = bz_json_get_string (input, "email");
  first = bz_json_get_string (input, "first_name");
  last = bz_json_get_string (input, "last_name");
  goal = bz_vocab_canonical (&bz_vocab_goal, bz_json_get_string (input, "primary_goal"));
  password = bz_json_get_string (input, "password");
  if (json_object_has_member (input, "primary_goal") && !JSON_NODE_HOLDS_NULL (json_object_get_member (input, "primary_goal")) &&
      goal == NULL)
    bz_validation_add (&v, "primary_goal", "invalid_choice",
                       _("primary_goal must be weight_loss, muscle_gain, maintenance or health_condition"));
  if (json_object_has_member (input, "target_weight_kg") &&
      !JSON_NODE_HOLDS_NULL (json_object_get_member (input, "target_weight_kg")))
    {
      JsonNode *n = json_object_get_member (input, "target_weight_kg");
      GType t = JSON_NODE_HOLDS_VALUE (n) ? json_node_get_value_type (n) : G_TYPE_INVALID;
      if (t != G_TYPE_DOUBLE && t != G_TYPE_INT64)
        bz_validation_add (&v, "target_weight_kg", "invalid_type", _("target_weight_kg must be a number"));
      else if ((target_weight = json_node_get_double (n)) < 20 || target_weight > 400)
        bz_validation_add (&v, "target_weight_kg", "out_of_range", _("target_weight_kg must be between 20 and 400 kg"));
      else
        has_target = TRUE;
    }
  conditions = string_array_json (input, "health_conditions", &v);
  allergies = string_array_json (input, "allergies", &v);
  if (password == NULL)
    {
      random_password (temp_password);
      password = temp_password;
    }
  if (!bz_validation_finish (&v, error))
    return NULL;

  if (!bz_db_begin (db, error))
    return NULL;
  user_id = bz_auth_create_user (svc, email, password, first, last, BZ_ROLE_PATIENT, input, error);
  if (user_id == NULL)
    goto fail;
  if (password == temp_password)
    {
      /* A generated password is handed over once and must be replaced. */
      g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "UPDATE users SET must_change_password = 1 WHERE id = ?", error);
      if (!st)
        goto fail;
      sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
      if (!bz_db_step_done (st, error))
        goto fail;
    }
  now = bz_now_iso8601 ();
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "INSERT INTO patients (id, user_id, nutritionist_id, assigned_at, primary_goal, target_weight_kg,"
        " health_conditions, allergies, status, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)", error);
    if (!st)
      goto fail;
    sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 2, user_id, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 3, caller->user_id, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 4, now, -1, SQLITE_STATIC);
    bz_db_bind_text_or_null (st, 5, goal);
    if (has_target)
      sqlite3_bind_double (st, 6, target_weight);
    sqlite3_bind_text (st, 7, conditions, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 8, allergies, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 9, now, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 10, now, -1, SQLITE_STATIC);
    if (!bz_db_step_done (st, error))
      goto fail;
  }
  if (!bz_store_log_change (db, "patients", patient_id, BZ_CHANGE_INSERT, error) ||
      !bz_db_commit (db, error))
    goto fail;
  bz_store_notify (bz_services_get_store (svc), "patients", patient_id);

  p = json_object_new ();
  json_object_set_string_member (p, "id", patient_id);
  json_object_set_string_member (p, "user_id", user_id);
  json_object_set_string_member (p, "email", bz_json_get_string (input, "email"));
  {
    g_autofree char *full = g_strdup_printf ("%s %s", first, last);
    json_object_set_string_member (p, "full_name", full);
  }
  json_object_set_string_member (p, "nutritionist_id", caller->user_id);
  json_object_set_string_member (p, "status", "active");
  json_object_set_boolean_member (p, "user_created", TRUE);
  /* No mail transport is configured in an offline clinic: say so honestly. */
  json_object_set_boolean_member (p, "welcome_email_sent", FALSE);
  json_object_set_boolean_member (p, "temporary_password_sent", FALSE);
  /* Shown once to the nutritionist who hands it over; never stored in clear
   * and never returned again.  The patient must change it at first sign-in. */
  if (password == temp_password)
    json_object_set_string_member (p, "temporary_password", temp_password);
  else
    json_object_set_null_member (p, "temporary_password");
  {
    JsonObject *data = json_object_new ();
    json_object_set_object_member (data, "patient", p);
    return bz_json_node_new_object (data);
  }

fail:
  bz_db_rollback (db);
  return NULL;
}

/* Builds one list entry from the list query's columns. */
static JsonObject *
list_row (sqlite3_stmt *st)
{
  JsonObject *o = json_object_new ();
  g_autofree char *full = g_strdup_printf ("%s %s", sqlite3_column_text (st, 2), sqlite3_column_text (st, 3));
  double current = sqlite3_column_double (st, 8), first = sqlite3_column_double (st, 10);
  json_object_set_string_member (o, "id", (const char *) sqlite3_column_text (st, 0));
  json_object_set_string_member (o, "user_id", (const char *) sqlite3_column_text (st, 1));
  json_object_set_string_member (o, "full_name", full);
  json_object_set_string_member (o, "email", (const char *) sqlite3_column_text (st, 4));
  json_object_set_null_member (o, "photo_url");
  json_object_set_string_member (o, "primary_goal", (const char *) sqlite3_column_text (st, 5));
  json_object_set_string_member (o, "status", (const char *) sqlite3_column_text (st, 6));
  json_object_set_string_member (o, "assigned_at", (const char *) sqlite3_column_text (st, 7));
  json_object_set_null_member (o, "last_appointment");
  json_object_set_null_member (o, "next_appointment");
  if (sqlite3_column_type (st, 8) == SQLITE_NULL)
    json_object_set_null_member (o, "current_weight_kg");
  else
    json_object_set_double_member (o, "current_weight_kg", current);
  if (sqlite3_column_type (st, 9) == SQLITE_NULL)
    json_object_set_null_member (o, "target_weight_kg");
  else
    json_object_set_double_member (o, "target_weight_kg", sqlite3_column_double (st, 9));
  /* progress toward target weight: (first − current) / (first − target), 0..100 */
  if (sqlite3_column_type (st, 8) != SQLITE_NULL && sqlite3_column_type (st, 9) != SQLITE_NULL &&
      first != sqlite3_column_double (st, 9))
    {
      double pct = 100.0 * (first - current) / (first - sqlite3_column_double (st, 9));
      json_object_set_double_member (o, "progress_percentage", round (CLAMP (pct, 0.0, 100.0) * 10) / 10);
    }
  else
    json_object_set_null_member (o, "progress_percentage");
  json_object_set_int_member (o, "scan_count", sqlite3_column_int (st, 11));
  return o;
}

JsonNode *
bz_patients_list (BzServices *svc, const BzCaller *caller, const char *search, const char *status,
                  guint page, guint limit, GError **error)
{
  sqlite3 *db = bz_store_db (bz_services_get_store (svc));
  g_autofree char *pattern = NULL;
  g_autoptr(sqlite3_stmt) count = NULL;
  g_autoptr(sqlite3_stmt) st = NULL;
  JsonArray *arr;
  JsonObject *data;
  gint64 total;

  if (caller->role != BZ_ROLE_NUTRITIONIST)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_FORBIDDEN, _("Only nutritionists can list patients"));
      return NULL;
    }
  if (status == NULL || *status == '\0')
    status = "active";
  if (g_strcmp0 (status, "all") != 0 && !in_list (status, statuses))
    {
      GError *e = g_error_new (BZ_ERROR, BZ_ERROR_VALIDATION, _("status must be active, inactive, graduated, dropped or all"));
      bz_error_add_detail (e, "status", "invalid_choice", e->message);
      g_propagate_error (error, e);
      return NULL;
    }
  if (search && *search)
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
      pattern = g_string_free (s, FALSE);
    }

#define PATIENT_FILTER \
  " FROM patients p JOIN users u ON u.id = p.user_id" \
  " WHERE p.nutritionist_id = ?1 AND (?2 = 'all' OR p.status = ?2)" \
  " AND (?3 IS NULL OR lower(u.first_name || ' ' || u.last_name) LIKE ?3 ESCAPE '\\' OR u.email LIKE ?3 ESCAPE '\\')"

  count = bz_db_prepare (db, "SELECT count(*)" PATIENT_FILTER, error);
  if (!count)
    return NULL;
  sqlite3_bind_text (count, 1, caller->user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (count, 2, status, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (count, 3, pattern);
  if (sqlite3_step (count) != SQLITE_ROW)
    {
      bz_db_set_error (db, sqlite3_errcode (db), error);
      return NULL;
    }
  total = sqlite3_column_int64 (count, 0);

  st = bz_db_prepare (db,
      "SELECT p.id, p.user_id, u.first_name, u.last_name, u.email, p.primary_goal, p.status, p.assigned_at,"
      " (SELECT weight_kg FROM body_scans s WHERE s.patient_id = p.id ORDER BY measured_at DESC LIMIT 1),"
      " p.target_weight_kg,"
      " (SELECT weight_kg FROM body_scans s WHERE s.patient_id = p.id ORDER BY measured_at ASC LIMIT 1),"
      " (SELECT count(*) FROM body_scans s WHERE s.patient_id = p.id)"
      PATIENT_FILTER
      " ORDER BY u.last_name COLLATE NOCASE, u.first_name COLLATE NOCASE LIMIT ?4 OFFSET ?5", error);
  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, caller->user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, status, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 3, pattern);
  sqlite3_bind_int (st, 4, limit);
  sqlite3_bind_int64 (st, 5, (gint64) (page - 1) * limit);
  arr = json_array_new ();
  while (sqlite3_step (st) == SQLITE_ROW)
    json_array_add_object_element (arr, list_row (st));

  data = json_object_new ();
  json_object_set_array_member (data, "patients", arr);
  json_object_set_object_member (data, "pagination", bz_pagination_json (page, limit, total));
  return bz_json_node_new_object (data);
}

char *
bz_patients_resolve (BzServices *svc, const BzCaller *caller, const char *patient_id, GError **error)
{
  sqlite3 *db = bz_store_db (bz_services_get_store (svc));
  g_autoptr(sqlite3_stmt) st = NULL;

  if (caller->role == BZ_ROLE_PATIENT)
    {
      st = bz_db_prepare (db, "SELECT id FROM patients WHERE user_id = ?", error);
      if (!st)
        return NULL;
      sqlite3_bind_text (st, 1, caller->user_id, -1, SQLITE_STATIC);
      if (sqlite3_step (st) == SQLITE_ROW &&
          (patient_id == NULL || *patient_id == '\0' ||
           g_strcmp0 (patient_id, (const char *) sqlite3_column_text (st, 0)) == 0))
        return bz_db_column_text_dup (st, 0);
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Patient not found"));
      return NULL;
    }
  if (patient_id == NULL || *patient_id == '\0')
    {
      GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION, _("patient_id is required"));
      bz_error_add_detail (e, "patient_id", "required", e->message);
      g_propagate_error (error, e);
      return NULL;
    }
  st = bz_db_prepare (db, "SELECT id FROM patients WHERE id = ? AND nutritionist_id = ?", error);
  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, caller->user_id, -1, SQLITE_STATIC);
  if (sqlite3_step (st) == SQLITE_ROW)
    return bz_db_column_text_dup (st, 0);
  g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Patient not found"));
  return NULL;
}

void
bz_patients_audit_read (BzServices *svc, const BzCaller *caller, const char *patient_id, const char *action)
{
  if (caller->role == BZ_ROLE_PATIENT)
    return;
  /* Queued, written in batches off the request path (bz-audit.h). */
  bz_audit_log_record (bz_services_get_audit_log (svc), caller->user_id, patient_id, action);
}

JsonNode *
bz_patients_get (BzServices *svc, const BzCaller *caller, const char *patient_id, GError **error)
{
  sqlite3 *db = bz_store_db (bz_services_get_store (svc));
  g_autofree char *id = bz_patients_resolve (svc, caller, patient_id, error);
  g_autoptr(sqlite3_stmt) st = NULL;
  JsonObject *patient, *basic, *data;
  JsonArray *history;

  if (id == NULL)
    return NULL;
  /* Audit before reading: a write issued while this connection still has a
   * read statement open would need to upgrade a stale WAL snapshot and fail
   * with SQLITE_BUSY at once if another thread committed meanwhile. */
  bz_patients_audit_read (svc, caller, id, "read_patient");
  st = bz_db_prepare (db,
      "SELECT p.user_id, u.email, u.first_name, u.last_name, u.phone, u.date_of_birth, u.gender,"
      " p.primary_goal, p.target_weight_kg, p.health_conditions, p.allergies, p.status, p.assigned_at,"
      " p.nutritionist_id, p.activity_level"
      " FROM patients p JOIN users u ON u.id = p.user_id WHERE p.id = ?", error);
  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (st) != SQLITE_ROW)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Patient not found"));
      return NULL;
    }

  basic = json_object_new ();
  json_object_set_string_member (basic, "user_id", (const char *) sqlite3_column_text (st, 0));
  json_object_set_string_member (basic, "email", (const char *) sqlite3_column_text (st, 1));
  json_object_set_string_member (basic, "first_name", (const char *) sqlite3_column_text (st, 2));
  json_object_set_string_member (basic, "last_name", (const char *) sqlite3_column_text (st, 3));
  {
    g_autofree char *full = g_strdup_printf ("%s %s", sqlite3_column_text (st, 2), sqlite3_column_text (st, 3));
    json_object_set_string_member (basic, "full_name", full);
  }
  json_object_set_string_member (basic, "phone", (const char *) sqlite3_column_text (st, 4));
  json_object_set_string_member (basic, "date_of_birth", (const char *) sqlite3_column_text (st, 5));
  json_object_set_string_member (basic, "gender", (const char *) sqlite3_column_text (st, 6));
  json_object_set_string_member (basic, "primary_goal", (const char *) sqlite3_column_text (st, 7));
  if (sqlite3_column_type (st, 8) == SQLITE_NULL)
    json_object_set_null_member (basic, "target_weight_kg");
  else
    json_object_set_double_member (basic, "target_weight_kg", sqlite3_column_double (st, 8));
  json_object_set_member (basic, "health_conditions", bz_json_node_from_text ((const char *) sqlite3_column_text (st, 9)));
  json_object_set_member (basic, "allergies", bz_json_node_from_text ((const char *) sqlite3_column_text (st, 10)));
  json_object_set_string_member (basic, "status", (const char *) sqlite3_column_text (st, 11));
  json_object_set_string_member (basic, "assigned_at", (const char *) sqlite3_column_text (st, 12));
  json_object_set_string_member (basic, "nutritionist_id", (const char *) sqlite3_column_text (st, 13));
  json_object_set_string_member (basic, "activity_level", (const char *) sqlite3_column_text (st, 14));

  /* progress_history: every scan, oldest first; current_metrics: the newest. */
  history = json_array_new ();
  {
    g_autoptr(sqlite3_stmt) s = bz_db_prepare (db,
        "SELECT id, measured_at, weight_kg, body_fat_percent, skeletal_muscle_mass_kg, circumferences_cm"
        " FROM body_scans WHERE patient_id = ? ORDER BY measured_at ASC", error);
    if (!s)
      {
        json_array_unref (history);
        json_object_unref (basic);
        return NULL;
      }
    sqlite3_bind_text (s, 1, id, -1, SQLITE_STATIC);
    while (sqlite3_step (s) == SQLITE_ROW)
      {
        JsonObject *h = json_object_new ();
        json_object_set_string_member (h, "scan_id", (const char *) sqlite3_column_text (s, 0));
        json_object_set_string_member (h, "measured_at", (const char *) sqlite3_column_text (s, 1));
        json_object_set_double_member (h, "weight_kg", sqlite3_column_double (s, 2));
        json_object_set_double_member (h, "body_fat_percent", sqlite3_column_double (s, 3));
        json_object_set_double_member (h, "skeletal_muscle_mass_kg", sqlite3_column_double (s, 4));
        json_object_set_member (h, "circumferences_cm", bz_json_node_from_text ((const char *) sqlite3_column_text (s, 5)));
        json_array_add_object_element (history, h);
      }
  }

  patient = json_object_new ();
  json_object_set_string_member (patient, "id", id);
  json_object_set_object_member (patient, "basic_info", basic);
  {
    guint n = json_array_get_length (history);
    if (n > 0)
      json_object_set_member (patient, "current_metrics", json_node_copy (json_array_get_element (history, n - 1)));
    else
      json_object_set_null_member (patient, "current_metrics");
  }
  json_object_set_array_member (patient, "progress_history", history);
  json_object_set_null_member (patient, "active_meal_plan");
  json_object_set_array_member (patient, "appointments", json_array_new ());
  json_object_set_array_member (patient, "clinical_notes", json_array_new ());

  data = json_object_new ();
  json_object_set_object_member (data, "patient", patient);
  return bz_json_node_new_object (data);
}
