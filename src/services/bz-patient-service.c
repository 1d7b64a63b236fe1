/* bz-patient-service.c — patient management (seed 002 §4.4). */
#include "bz-patient-service.h"

#include "bz-vocab.h"

#include <glib/gi18n.h>
#include <math.h>
#include <sodium.h>

#include "bz-audit.h"
#include "bz-auth-service.h"
#include "bz-patient-repo.h"
#include "bz-scan-repo.h"
#include "bz-store.h"
#include "bz-user-repo.h"

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
  BzStore *store = bz_services_get_store (svc);
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

  if (!bz_store_begin (store, error))
    return NULL;
  user_id = bz_auth_create_user (svc, email, password, first, last, BZ_ROLE_PATIENT, input, error);
  if (user_id == NULL)
    goto fail;
  /* A generated password is handed over once and must be replaced. */
  if (password == temp_password && !bz_user_repo_require_password_change (store, user_id, error))
    goto fail;
  now = bz_now_iso8601 ();
  {
    BzPatientRecord record = {
      .id = patient_id,
      .user_id = user_id,
      .nutritionist_id = caller->user_id,
      .primary_goal = goal,
      .has_target_weight = has_target,
      .target_weight_kg = target_weight,
      .health_conditions_json = conditions,
      .allergies_json = allergies,
      .created_at = now,
    };
    if (!bz_patient_repo_insert (store, &record, error) || !bz_store_commit (store, error))
      goto fail;
  }
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
  bz_store_rollback (store);
  return NULL;
}

JsonNode *
bz_patients_list (BzServices *svc, const BzCaller *caller, const char *search, const char *status,
                  guint page, guint limit, GError **error)
{
  JsonArray *arr;
  JsonObject *data;
  gint64 total = 0;

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
  arr = bz_patient_repo_list (bz_services_get_store (svc), caller->user_id, status, search, limit,
                              (gint64) (page - 1) * limit, &total, error);
  if (arr == NULL)
    return NULL;

  data = json_object_new ();
  json_object_set_array_member (data, "patients", arr);
  json_object_set_object_member (data, "pagination", bz_pagination_json (page, limit, total));
  return bz_json_node_new_object (data);
}

char *
bz_patients_resolve (BzServices *svc, const BzCaller *caller, const char *patient_id, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(GError) local = NULL;
  g_autofree char *id = NULL;

  if (caller->role == BZ_ROLE_PATIENT)
    {
      id = bz_patient_repo_id_of_user (store, caller->user_id, &local);
      if (id && patient_id && *patient_id && g_strcmp0 (patient_id, id) != 0)
        g_clear_pointer (&id, g_free);
    }
  else if (patient_id == NULL || *patient_id == '\0')
    {
      GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION, _("patient_id is required"));
      bz_error_add_detail (e, "patient_id", "required", e->message);
      g_propagate_error (error, e);
      return NULL;
    }
  else
    id = bz_patient_repo_id_if_assigned (store, patient_id, caller->user_id, &local);

  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (id == NULL)
    g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Patient not found"));
  return g_steal_pointer (&id);
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
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *id = bz_patients_resolve (svc, caller, patient_id, error);
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) metrics = NULL;
  JsonObject *patient, *basic, *data;
  JsonArray *history;
  guint n;

  if (id == NULL)
    return NULL;
  /* Audit before reading: a write issued while this connection still has a
   * read statement open would need to upgrade a stale WAL snapshot and fail
   * with SQLITE_BUSY at once if another thread committed meanwhile. */
  bz_patients_audit_read (svc, caller, id, "read_patient");
  basic = bz_patient_repo_get_basic_info (store, id, &local);
  if (basic == NULL)
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Patient not found"));
      return NULL;
    }

  /* progress_history: every scan, oldest first; current_metrics: the newest. */
  metrics = bz_scan_repo_progress (store, id, error);
  if (metrics == NULL)
    {
      json_object_unref (basic);
      return NULL;
    }
  history = json_array_new ();
  for (guint i = 0; i < metrics->len; i++)
    json_array_add_element (history, bz_record_to_json_node (g_ptr_array_index (metrics, i)));

  patient = json_object_new ();
  json_object_set_string_member (patient, "id", id);
  json_object_set_object_member (patient, "basic_info", basic);
  n = json_array_get_length (history);
  if (n > 0)
    json_object_set_member (patient, "current_metrics", json_node_copy (json_array_get_element (history, n - 1)));
  else
    json_object_set_null_member (patient, "current_metrics");
  json_object_set_array_member (patient, "progress_history", history);
  json_object_set_null_member (patient, "active_meal_plan");
  json_object_set_array_member (patient, "appointments", json_array_new ());
  json_object_set_array_member (patient, "clinical_notes", json_array_new ());

  data = json_object_new ();
  json_object_set_object_member (data, "patient", patient);
  return bz_json_node_new_object (data);
}
