/* bz-patient-service.c — patient management (seed 002 §4.4). */
#include "bz-patient-service.h"

#include "bz-analytics-service.h"

#include "bz-vocab.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <sodium.h>

#include "bz-audit.h"
#include "bz-auth-service.h"
#include "bz-clinical-service.h"
#include "bz-consent-repo.h"
#include "bz-privacy-resources.h"
#include "bz-meal-plan-repo.h"
#include "bz-patient-form-private.h"
#include "bz-patient-repo.h"
#include "bz-scan-repo.h"
#include "bz-service-task-private.h"
#include "bz-store.h"
#include "bz-user-repo.h"

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

/* A list as the JSON text the store keeps ("[]" for none). */
static char *
strv_json (GStrv list)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; list && list[i]; i++)
    json_builder_add_string_value (b, list[i]);
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static gboolean
require_nutritionist (const BzCaller *caller, const char *message, GError **error)
{
  if (caller->role == BZ_ROLE_NUTRITIONIST)
    return TRUE;
  g_set_error_literal (error, BZ_ERROR, BZ_ERROR_FORBIDDEN, message);
  return FALSE;
}

/* Writes a checked, normalized form as a new patient (see bz_patients_create()). */
static BzRecord *
create_checked (BzServices *svc, const BzCaller *caller, const BzPatientForm *f, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *conditions = strv_json (f->health_conditions);
  g_autofree char *allergies = strv_json (f->allergies);
  g_autofree char *restrictions = strv_json (f->food_restrictions);
  g_autofree char *user_id = NULL, *now = NULL, *full_name = NULL;
  g_autofree char *patient_id = g_uuid_string_random ();
  g_autoptr(JsonObject) extra = json_object_new ();
  const char *password = f->password;
  char temp_password[17];
  BzRecord *p, *creation;

  if (password == NULL)
    {
      random_password (temp_password);
      password = temp_password;
    }
  if (f->phone)
    json_object_set_string_member (extra, "phone", f->phone);
  if (f->date_of_birth)
    json_object_set_string_member (extra, "date_of_birth", f->date_of_birth);
  if (f->gender)
    json_object_set_string_member (extra, "gender", f->gender);
  if (f->state)
    json_object_set_string_member (extra, "state", f->state);
  if (f->city)
    json_object_set_string_member (extra, "city", f->city);

  if (!bz_store_begin (store, error))
    return NULL;
  user_id = bz_auth_create_user (svc, f->email, password, f->first_name, f->last_name, BZ_ROLE_PATIENT, extra, error);
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
      .primary_goal = f->primary_goal,
      .has_target_weight = f->has_target_weight,
      .target_weight_kg = f->target_weight_kg,
      .health_conditions_json = conditions,
      .allergies_json = allergies,
      .created_at = now,
      .food_restrictions_json = restrictions,
      .dietary_preference = f->dietary_preference,
      .activity_level = f->activity_level,
    };
    /* The consent's one home is user_consents (data/sql/034_user_consents.sql). */
    BzConsentRow consent = {
      .user_id = user_id,
      .data_processing = TRUE,
      .privacy_notice_version = BZ_PRIVACY_NOTICE_VERSION,
      .privacy_notice_accepted_at = now,
      .ip_address = f->client_address,
      .source = BZ_CONSENT_SOURCE_PATIENT_CREATION,
      .recorded_by = caller->user_id,
      .now = now,
    };
    if (!bz_patient_repo_insert (store, &record, error) ||
        (f->consent_asked && f->privacy_consent && !bz_consent_repo_put (store, &consent, error)) ||
        !bz_store_commit (store, error))
      goto fail;
  }
  bz_store_notify (bz_services_get_store (svc), "patients", patient_id);

  full_name = g_strdup_printf ("%s %s", f->first_name, f->last_name);
  p = bz_record_new (&bz_patient_created_resource);
  bz_record_set_string (p, BZ_PATIENT_CREATED_ID, patient_id);
  bz_record_set_string (p, BZ_PATIENT_CREATED_USER_ID, user_id);
  bz_record_set_string (p, BZ_PATIENT_CREATED_EMAIL, f->email);
  bz_record_take_string (p, BZ_PATIENT_CREATED_FULL_NAME, g_steal_pointer (&full_name));
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
  sodium_memzero (temp_password, sizeof temp_password);
  creation = bz_record_new (&bz_patient_creation_resource);
  bz_record_take_object (creation, BZ_PATIENT_CREATION_PATIENT, p);
  return creation;

fail:
  sodium_memzero (temp_password, sizeof temp_password);
  bz_store_rollback (store);
  return NULL;
}

BzRecord *
bz_patients_create (BzServices *svc, const BzCaller *caller, const BzPatientForm *form, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_auto(BzPatientForm) norm = { 0 };

  if (!require_nutritionist (caller, _("Only nutritionists can add patients"), error))
    return NULL;
  bz_patient_form_check_into (form, BZ_PATIENT_FORM_CREATE, &norm, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  return create_checked (svc, caller, &norm, error);
}

BzRecord *
bz_patients_add (BzServices *svc, const BzCaller *caller, JsonObject *input, const char *client_address,
                 GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_auto(BzPatientForm) form = { 0 };
  g_auto(BzPatientForm) norm = { 0 };

  if (!require_nutritionist (caller, _("Only nutritionists can add patients"), error))
    return NULL;
  /* The body's type errors and the form's rule errors in one answer. */
  bz_patient_form_from_json_into (input, &form, &v);
  form.client_address = g_strdup (client_address);
  bz_patient_form_check_into (&form, BZ_PATIENT_FORM_CREATE, &norm, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  return create_checked (svc, caller, &norm, error);
}

BzRecord *
bz_patients_update (BzServices *svc, const BzCaller *caller, const char *patient_id,
                    const BzPatientForm *form, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_auto(BzPatientForm) norm = { 0 };
  g_autofree char *id = NULL, *now = NULL, *conditions = NULL, *allergies = NULL, *restrictions = NULL;

  if (!require_nutritionist (caller, _("Only nutritionists can edit patients"), error))
    return NULL;
  /* Ownership first: another nutritionist's patient is "not found", whatever the body. */
  if (!(id = bz_patients_resolve (svc, caller, patient_id, error)))
    return NULL;
  bz_patient_form_check_into (form, BZ_PATIENT_FORM_UPDATE, &norm, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  conditions = strv_json (norm.health_conditions);
  allergies = strv_json (norm.allergies);
  restrictions = strv_json (norm.food_restrictions);
  now = bz_now_iso8601 ();
  {
    BzPatientChanges changes = {
      .first_name = norm.first_name,
      .last_name = norm.last_name,
      .phone = norm.phone,
      .date_of_birth = norm.date_of_birth,
      .gender = norm.gender,
      .keep_location = !norm.location_set,
      .state = norm.state,
      .city = norm.city,
      .primary_goal = norm.primary_goal,
      .has_target_weight = norm.has_target_weight,
      .target_weight_kg = norm.target_weight_kg,
      .health_conditions_json = conditions,
      .allergies_json = allergies,
      .food_restrictions_json = restrictions,
      .dietary_preference = norm.dietary_preference,
      .activity_level = norm.activity_level ? norm.activity_level : "light",
      .status = norm.status,
      .updated_at = now,
    };
    if (!bz_store_begin (store, error))
      return NULL;
    if (!bz_patient_repo_update (store, id, &changes, error) || !bz_store_commit (store, error))
      {
        bz_store_rollback (store);
        return NULL;
      }
  }
  bz_store_notify (store, "patients", id);
  /* A rectification of the record (LFPDPPP, seed 002 §7.2) is audited like
   * a read of it: who, whose, when (bz-audit.h). */
  bz_audit_log_record (bz_services_get_audit_log (svc), caller->user_id, id, "rectify_patient");
  return bz_patient_repo_get_basic_info (store, id, error);
}

/* PatientUpdate's members over @form: a member present with null clears a
 * nullable field. */
static void
overlay (BzPatientForm *form, BzRecord *body, JsonObject *raw)
{
#define TAKE_STRING(member, field)                                            \
  if (json_object_has_member (raw, bz_patient_update_resource.fields[field].name)) \
    {                                                                          \
      g_free (form->member);                                                   \
      form->member = g_strdup (bz_record_get_string (body, field));            \
    }
#define TAKE_STRV(member, field)                                              \
  if (json_object_has_member (raw, bz_patient_update_resource.fields[field].name)) \
    {                                                                          \
      g_strfreev (form->member);                                               \
      form->member = g_strdupv ((GStrv) bz_record_get_strv (body, field));     \
    }
  TAKE_STRING (first_name, BZ_PATIENT_UPDATE_FIRST_NAME);
  TAKE_STRING (last_name, BZ_PATIENT_UPDATE_LAST_NAME);
  TAKE_STRING (phone, BZ_PATIENT_UPDATE_PHONE);
  TAKE_STRING (gender, BZ_PATIENT_UPDATE_GENDER);
  TAKE_STRING (date_of_birth, BZ_PATIENT_UPDATE_DATE_OF_BIRTH);
  TAKE_STRING (state, BZ_PATIENT_UPDATE_STATE);
  TAKE_STRING (city, BZ_PATIENT_UPDATE_CITY);
  TAKE_STRING (primary_goal, BZ_PATIENT_UPDATE_PRIMARY_GOAL);
  TAKE_STRING (dietary_preference, BZ_PATIENT_UPDATE_DIETARY_PREFERENCE);
  TAKE_STRING (activity_level, BZ_PATIENT_UPDATE_ACTIVITY_LEVEL);
  TAKE_STRING (status, BZ_PATIENT_UPDATE_STATUS);
  TAKE_STRV (health_conditions, BZ_PATIENT_UPDATE_HEALTH_CONDITIONS);
  TAKE_STRV (allergies, BZ_PATIENT_UPDATE_ALLERGIES);
  TAKE_STRV (food_restrictions, BZ_PATIENT_UPDATE_FOOD_RESTRICTIONS);
#undef TAKE_STRING
#undef TAKE_STRV
  if (json_object_has_member (raw, "target_weight_kg"))
    {
      form->has_target_weight = bz_record_has (body, BZ_PATIENT_UPDATE_TARGET_WEIGHT_KG);
      form->target_weight_kg = form->has_target_weight
                               ? bz_record_get_double (body, BZ_PATIENT_UPDATE_TARGET_WEIGHT_KG) : 0;
    }
}

BzRecord *
bz_patients_patch (BzServices *svc, const BzCaller *caller, const char *patient_id,
                   JsonObject *body, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autofree char *id = NULL;
  g_autoptr(BzRecord) parsed = NULL;
  g_autoptr(BzRecord) info = NULL;
  g_autoptr(GError) local = NULL;
  g_auto(BzPatientForm) form = { 0 };

  if (!require_nutritionist (caller, _("Only nutritionists can edit patients"), error))
    return NULL;
  if (!(id = bz_patients_resolve (svc, caller, patient_id, error)))
    return NULL;
  /* closed: a member PatientUpdate does not declare (the email, say) would
   * otherwise be dropped in silence and the client believe it changed */
  parsed = bz_resource_parse_closed (&bz_patient_update_resource, body, NULL, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (!(info = bz_patient_repo_get_basic_info (store, id, &local)))
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Patient not found"));
      return NULL;
    }
  bz_patient_form_from_info (info, &form);
  overlay (&form, parsed, body);
  return bz_patients_update (svc, caller, id, &form, error);
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
  if (g_strcmp0 (status, "all") != 0 && (status = bz_vocab_canonical (&bz_vocab_patient_status, status)) == NULL)
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

  /* seed 002 §4.4 adherence_rate: the last 7 days against the targets,
   * for the whole page at once (bz_analytics_adherence_rates()) */
  {
    g_autofree const char **ids = g_new0 (const char *, patients->len + 1);
    g_autofree double *rates = g_new0 (double, patients->len + 1);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    for (guint i = 0; i < patients->len; i++)
      ids[i] = bz_record_get_string (g_ptr_array_index (patients, i), BZ_PATIENT_SUMMARY_ID);
    if (!bz_analytics_adherence_rates (svc, ids, patients->len, today, rates, error))
      return NULL;
    for (guint i = 0; i < patients->len; i++)
      if (rates[i] >= 0)
        bz_record_set_double (g_ptr_array_index (patients, i), BZ_PATIENT_SUMMARY_ADHERENCE_RATE, rates[i]);
      else
        bz_record_set_null (g_ptr_array_index (patients, i), BZ_PATIENT_SUMMARY_ADHERENCE_RATE);
  }

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
  return bz_patients_add (svc, caller, args, NULL, error);
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

static gpointer
create_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_patients_create (svc, caller, args, error);
}

void
bz_patients_create_async (BzServices *svc, const BzCaller *caller, const BzPatientForm *form,
                          GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_patients_create_async, "bz-patients-create", caller, BZ_SERVICE_TASK_NEEDS_CALLER,
                       create_work, bz_patient_form_copy (form), (GDestroyNotify) bz_patient_form_free,
                       g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_patients_create_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_patients_create_async, error);
}

typedef struct
{
  char *patient_id;
  BzPatientForm *form;
} UpdateArgs;

static void
update_args_free (gpointer p)
{
  UpdateArgs *a = p;
  g_free (a->patient_id);
  bz_patient_form_free (a->form);
  g_free (a);
}

static gpointer
update_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  UpdateArgs *a = args;
  return bz_patients_update (svc, caller, a->patient_id, a->form, error);
}

void
bz_patients_update_async (BzServices *svc, const BzCaller *caller, const char *patient_id,
                          const BzPatientForm *form, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  UpdateArgs *a = g_new0 (UpdateArgs, 1);

  a->patient_id = g_strdup (patient_id);
  a->form = bz_patient_form_copy (form);
  bz_service_task_run (svc, bz_patients_update_async, "bz-patients-update", caller, BZ_SERVICE_TASK_NEEDS_CALLER,
                       update_work, a, update_args_free, g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_patients_update_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_patients_update_async, error);
}
