/* bz-patient-service.c — patient management (seed 002 §4.4). */
#include "bz-patient-service.h"

#include "bz-vocab.h"

#include <glib/gi18n.h>
#include <math.h>
#include <sodium.h>

#include "bz-audit.h"
#include "bz-auth-service.h"
#include "bz-clinical-service.h"
#include "bz-meal-plan-repo.h"
#include "bz-patient-repo.h"
#include "bz-scan-repo.h"
#include "bz-service-task-private.h"
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
          strlen (json_node_get_string (e)) > BZ_PATIENT_LIST_ENTRY_MAX)
        {
          g_autofree char *f = g_strdup_printf ("%s[%u]", field, i);
          g_autofree char *m = g_strdup_printf (_("Each entry must be text of at most %d characters"),
                                                BZ_PATIENT_LIST_ENTRY_MAX);
          bz_validation_add (v, f, "invalid_type", m);
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

/* target_weight_kg, when given: a number within the PatientInput declaration's range. */
static void
check_target_weight (JsonObject *input, double *out, gboolean *out_has, BzValidation *v)
{
  const BzField *f = &bz_patient_input_resource.fields[BZ_PATIENT_INPUT_TARGET_WEIGHT_KG];
  JsonNode *n = json_object_get_member (input, f->name);
  GType t;

  *out_has = FALSE;
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return;
  t = JSON_NODE_HOLDS_VALUE (n) ? json_node_get_value_type (n) : G_TYPE_INVALID;
  if (t != G_TYPE_DOUBLE && t != G_TYPE_INT64)
    bz_validation_add (v, f->name, "invalid_type", _("target_weight_kg must be a number"));
  else if ((*out = json_node_get_double (n)) < f->min || *out > f->max)
    {
      char lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *msg = NULL;

      g_ascii_formatd (lo, sizeof lo, "%g", f->min);
      g_ascii_formatd (hi, sizeof hi, "%g", f->max);
      /* The message bz_resource_parse() gives ("… must be between 20 and 400 kg"). */
      msg = g_strdup_printf (_("%s must be between %s and %s %s"), f->name, lo, hi, f->unit);
      bz_validation_add (v, f->name, "out_of_range", msg);
    }
  else
    *out_has = TRUE;
}

BzRecord *
bz_patients_add (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  const char *email, *first, *last, *goal, *password;
  g_autofree char *conditions = NULL, *allergies = NULL, *user_id = NULL, *now = NULL;
  g_autofree char *patient_id = g_uuid_string_random ();
  char temp_password[17];
  double target_weight = 0;
  gboolean has_target = FALSE;
  BzRecord *p, *creation;

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
  check_target_weight (input, &target_weight, &has_target, &v);
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

  p = bz_record_new (&bz_patient_created_resource);
  bz_record_set_string (p, BZ_PATIENT_CREATED_ID, patient_id);
  bz_record_set_string (p, BZ_PATIENT_CREATED_USER_ID, user_id);
  bz_record_set_string (p, BZ_PATIENT_CREATED_EMAIL, bz_json_get_string (input, "email"));
  bz_record_take_string (p, BZ_PATIENT_CREATED_FULL_NAME, g_strdup_printf ("%s %s", first, last));
  bz_record_set_string (p, BZ_PATIENT_CREATED_NUTRITIONIST_ID, caller->user_id);
  bz_record_set_string (p, BZ_PATIENT_CREATED_STATUS, "active");
  bz_record_set_boolean (p, BZ_PATIENT_CREATED_USER_CREATED, TRUE);
  /* No mail transport is configured in an offline clinic: say so honestly. */
  bz_record_set_boolean (p, BZ_PATIENT_CREATED_WELCOME_EMAIL_SENT, FALSE);
  bz_record_set_boolean (p, BZ_PATIENT_CREATED_TEMPORARY_PASSWORD_SENT, FALSE);
  /* Shown once to the nutritionist who hands it over; never stored in clear
   * and never returned again.  The patient must change it at first sign-in. */
  if (password == temp_password)
    bz_record_set_string (p, BZ_PATIENT_CREATED_TEMPORARY_PASSWORD, temp_password);
  creation = bz_record_new (&bz_patient_creation_resource);
  bz_record_take_object (creation, BZ_PATIENT_CREATION_PATIENT, p);
  return creation;

fail:
  bz_store_rollback (store);
  return NULL;
}

BzRecord *
bz_patients_get_list (BzServices *svc, const BzCaller *caller, const char *search, const char *status,
                      guint page, guint limit, GError **error)
{
  g_autoptr(GPtrArray) patients = NULL;
  BzRecord *list;
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
  patients = bz_patient_repo_list (bz_services_get_store (svc), caller->user_id, status, search, limit,
                                   (gint64) (page - 1) * limit, &total, error);
  if (patients == NULL)
    return NULL;

  list = bz_record_new (&bz_patient_list_resource);
  bz_record_set_empty_array (list, BZ_PATIENT_LIST_PATIENTS);
  for (guint i = 0; i < patients->len; i++)
    bz_record_append (list, BZ_PATIENT_LIST_PATIENTS, g_object_ref (g_ptr_array_index (patients, i)));
  bz_record_take_object (list, BZ_PATIENT_LIST_PAGINATION, bz_pagination_new (page, limit, total));
  return list;
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

BzRecord *
bz_patients_get_file (BzServices *svc, const BzCaller *caller, const char *patient_id, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *id = bz_patients_resolve (svc, caller, patient_id, error);
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) history = NULL;
  BzRecord *basic, *patient, *envelope;

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
  history = bz_scan_repo_progress (store, id, error);
  if (history == NULL)
    {
      g_object_unref (basic);
      return NULL;
    }

  patient = bz_record_new (&bz_patient_file_resource);
  bz_record_set_string (patient, BZ_PATIENT_FILE_ID, id);
  bz_record_take_object (patient, BZ_PATIENT_FILE_BASIC_INFO, basic);
  if (history->len > 0)
    bz_record_take_object (patient, BZ_PATIENT_FILE_CURRENT_METRICS,
                           g_object_ref (g_ptr_array_index (history, history->len - 1)));
  bz_record_set_empty_array (patient, BZ_PATIENT_FILE_PROGRESS_HISTORY);
  for (guint i = 0; i < history->len; i++)
    bz_record_append (patient, BZ_PATIENT_FILE_PROGRESS_HISTORY, g_object_ref (g_ptr_array_index (history, i)));
  {
    BzRecord *plan = NULL;
    if (!bz_meal_plan_repo_current (bz_services_get_store (svc), id, &plan, error))
      {
        g_object_unref (patient);
        return NULL;
      }
    if (plan)
      bz_record_take_object (patient, BZ_PATIENT_FILE_ACTIVE_MEAL_PLAN, plan);
  }
  /* appointments and clinical_notes: their first pages (issue 12). */
  if (!bz_clinical_fill_patient_file (svc, id, patient, error))
    {
      g_object_unref (patient);
      return NULL;
    }

  envelope = bz_record_new (&bz_patient_file_envelope_resource);
  bz_record_take_object (envelope, BZ_PATIENT_FILE_ENVELOPE_PATIENT, patient);
  return envelope;
}

/* --- async (GIO style): the same calls on a GTask worker thread ----------- */

typedef struct
{
  char *search;
  char *status;
  guint page, limit;
} ListArgs;

static void
list_args_free (gpointer p)
{
  ListArgs *a = p;
  g_free (a->search);
  g_free (a->status);
  g_free (a);
}

static gpointer
list_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  ListArgs *a = args;
  return bz_patients_get_list (svc, caller, a->search, a->status, a->page, a->limit, error);
}

void
bz_patients_get_list_async (BzServices *svc, const BzCaller *caller, const char *search, const char *status,
                            guint page, guint limit, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  ListArgs *a = g_new0 (ListArgs, 1);

  a->search = g_strdup (search);
  a->status = g_strdup (status);
  a->page = page;
  a->limit = limit;
  bz_service_task_run (svc, bz_patients_get_list_async, "bz-patients-list", caller, BZ_SERVICE_TASK_NEEDS_CALLER,
                       list_work, a, list_args_free, g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_patients_get_list_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_patients_get_list_async, error);
}

static gpointer
file_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_patients_get_file (svc, caller, args, error);
}

void
bz_patients_get_file_async (BzServices *svc, const BzCaller *caller, const char *patient_id,
                            GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_patients_get_file_async, "bz-patients-file", caller, BZ_SERVICE_TASK_NEEDS_CALLER,
                       file_work, g_strdup (patient_id), g_free, g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_patients_get_file_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_patients_get_file_async, error);
}

static gpointer
add_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_patients_add (svc, caller, args, error);
}

void
bz_patients_add_async (BzServices *svc, const BzCaller *caller, JsonObject *input,
                       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_patients_add_async, "bz-patients-add", caller, BZ_SERVICE_TASK_NEEDS_CALLER,
                       add_work, bz_service_json_object_copy (input), (GDestroyNotify) json_object_unref,
                       g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_patients_add_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_patients_add_async, error);
}
