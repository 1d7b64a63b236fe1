/* bz-consent-service.c — consent records and the privacy notice
 * (bz-consent-service.h). */
#include "bz-consent-service.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bz-consent-repo.h"
#include "bz-device-repo.h"
#include "bz-service-task-private.h"
#include "bz-store.h"

/* The notice's texts in the program's resources (data/balanza-store.gresource.xml). */
#define NOTICE_RESOURCE_ES "/org/balanza/store/privacy/aviso-privacidad-es.md"
#define NOTICE_RESOURCE_EN "/org/balanza/store/privacy/privacy-notice-en.md"

static gboolean
require_caller (const BzCaller *caller, GError **error)
{
  if (caller)
    return TRUE;
  g_set_error_literal (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, _("Authentication required"));
  return FALSE;
}

/* The stored consent of @user_id, or the "nothing recorded" one; with the current version. */
static BzRecord *
read_consent (BzStore *store, const char *user_id, GError **error)
{
  g_autoptr(GError) local = NULL;
  BzRecord *r = bz_consent_repo_get (store, user_id, &local);

  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (r == NULL)
    {
      r = bz_record_new (&bz_user_consent_resource);
      bz_record_set_string (r, BZ_USER_CONSENT_USER_ID, user_id);
      bz_record_set_boolean (r, BZ_USER_CONSENT_DATA_PROCESSING, FALSE);
      bz_record_set_boolean (r, BZ_USER_CONSENT_MARKETING_COMMUNICATIONS, FALSE);
      bz_record_set_boolean (r, BZ_USER_CONSENT_DATA_SHARING_PARTNERS, FALSE);
    }
  bz_record_set_string (r, BZ_USER_CONSENT_CURRENT_NOTICE_VERSION, BZ_PRIVACY_NOTICE_VERSION);
  return r;
}

/* A given version must be the current one: accepting an old or unknown text proves nothing. */
static void
check_version (const char *version, BzValidation *v)
{
  if (version && strcmp (version, BZ_PRIVACY_NOTICE_VERSION) != 0)
    {
      g_autofree char *msg = g_strdup_printf (_("The privacy notice in force is version %s"), BZ_PRIVACY_NOTICE_VERSION);
      bz_validation_add (v, "privacy_notice_version", "invalid_value", msg);
    }
}

/* Writes @choice for @user_id over what is stored (one transaction). */
static BzRecord *
write_choice (BzServices *svc, const char *user_id, const BzConsentChoice *choice, const char *client_address,
              BzConsentSource source, const char *recorded_by, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(BzRecord) stored = NULL;
  g_autofree char *now = bz_now_iso8601 ();
  const char *version, *accepted_at;

  if (!bz_store_begin (store, error))
    return NULL;
  if (!(stored = read_consent (store, user_id, error)))
    goto fail;
  version = choice->accept_notice ? BZ_PRIVACY_NOTICE_VERSION
                                  : bz_record_get_string (stored, BZ_USER_CONSENT_PRIVACY_NOTICE_VERSION);
  accepted_at = choice->accept_notice ? now : bz_record_get_string (stored, BZ_USER_CONSENT_PRIVACY_NOTICE_ACCEPTED_AT);
  if (choice->data_processing && accepted_at == NULL)
    {
      GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION,
                                       _("Consent to data processing needs the privacy notice accepted"));
      bz_error_add_detail (e, "privacy_notice_version", "required", e->message);
      g_propagate_error (error, e);
      goto fail;
    }
  {
    BzConsentRow row = {
      .user_id = user_id,
      .data_processing = choice->data_processing,
      .marketing_communications = choice->marketing_communications,
      .data_sharing_partners = choice->data_sharing_partners,
      .privacy_notice_version = version,
      .privacy_notice_accepted_at = accepted_at,
      .ip_address = client_address,
      .source = source,
      .recorded_by = recorded_by,
      .now = now,
    };
    if (!bz_consent_repo_put (store, &row, error) || !bz_store_commit (store, error))
      goto fail;
  }
  bz_store_notify (store, "user_consents", user_id);
  return read_consent (store, user_id, error);

fail:
  bz_store_rollback (store);
  return NULL;
}

/* A UserConsentUpdate body, typed; FALSE with @error. */
static gboolean
parse_update (JsonObject *body, BzConsentChoice *out, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) r = NULL;

  if (body == NULL)
    {
      bz_validation_add (&v, "body", "required", _("A request body is required"));
      return bz_validation_finish (&v, error);
    }
  r = bz_resource_parse_closed (&bz_user_consent_update_resource, body, NULL, &v);
  if (r)
    {
      const char *version = bz_record_get_string (r, BZ_USER_CONSENT_UPDATE_PRIVACY_NOTICE_VERSION);
      check_version (version, &v);
      out->data_processing = bz_record_get_boolean (r, BZ_USER_CONSENT_UPDATE_DATA_PROCESSING);
      out->marketing_communications = bz_record_get_boolean (r, BZ_USER_CONSENT_UPDATE_MARKETING_COMMUNICATIONS);
      out->data_sharing_partners = bz_record_get_boolean (r, BZ_USER_CONSENT_UPDATE_DATA_SHARING_PARTNERS);
      out->accept_notice = version != NULL;
    }
  return bz_validation_finish (&v, error);
}

BzRecord *
bz_consents_get (BzServices *svc, const BzCaller *caller, GError **error)
{
  if (!require_caller (caller, error))
    return NULL;
  return read_consent (bz_services_get_store (svc), caller->user_id, error);
}

BzRecord *
bz_consents_put (BzServices *svc, const BzCaller *caller, JsonObject *body, const char *client_address,
                 GError **error)
{
  BzConsentChoice choice = { 0 };

  if (!require_caller (caller, error) || !parse_update (body, &choice, error))
    return NULL;
  return write_choice (svc, caller->user_id, &choice, client_address, BZ_CONSENT_SOURCE_USER, caller->user_id, error);
}

/* The user id of @patient_id when it is @caller's patient; NULL with @error. */
static char *
patient_user (BzServices *svc, const BzCaller *caller, const char *patient_id, GError **error)
{
  g_autoptr(GError) local = NULL;
  char *user_id = NULL;

  if (!require_caller (caller, error))
    return NULL;
  if (caller->role != BZ_ROLE_NUTRITIONIST)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_FORBIDDEN, _("Only nutritionists can see a patient's consents"));
      return NULL;
    }
  if (patient_id && g_uuid_string_is_valid (patient_id))
    user_id = bz_device_repo_patient_user (bz_services_get_store (svc), patient_id, caller->user_id, &local);
  if (local)
    g_propagate_error (error, g_steal_pointer (&local));
  else if (user_id == NULL)
    g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Patient not found"));
  return user_id;
}

BzRecord *
bz_consents_get_for_patient (BzServices *svc, const BzCaller *caller, const char *patient_id, GError **error)
{
  g_autofree char *user_id = patient_user (svc, caller, patient_id, error);

  return user_id ? read_consent (bz_services_get_store (svc), user_id, error) : NULL;
}

BzRecord *
bz_consents_put_for_patient (BzServices *svc, const BzCaller *caller, const char *patient_id, JsonObject *body,
                             const char *client_address, GError **error)
{
  g_autofree char *user_id = patient_user (svc, caller, patient_id, error);
  BzConsentChoice choice = { 0 };

  if (user_id == NULL || !parse_update (body, &choice, error))
    return NULL;
  return write_choice (svc, user_id, &choice, client_address, BZ_CONSENT_SOURCE_NUTRITIONIST, caller->user_id,
                       error);
}

BzRecord *
bz_consents_set_for_patient (BzServices *svc, const BzCaller *caller, const char *patient_id,
                             const BzConsentChoice *choice, GError **error)
{
  g_autofree char *user_id = patient_user (svc, caller, patient_id, error);

  if (user_id == NULL)
    return NULL;
  return write_choice (svc, user_id, choice, NULL, BZ_CONSENT_SOURCE_NUTRITIONIST, caller->user_id, error);
}

/* --- Registration ----------------------------------------------------------- */

/* A boolean member: absent FALSE, a boolean its value, anything else a refusal. */
static gboolean
read_bool (JsonObject *input, const char *name, gboolean *present, BzValidation *v)
{
  JsonNode *n = json_object_get_member (input, name);

  *present = FALSE;
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_BOOLEAN)
    {
      bz_validation_add (v, name, "invalid_type", _("Must be true or false"));
      return FALSE;
    }
  *present = TRUE;
  return json_node_get_boolean (n);
}

gboolean
bz_consents_from_registration (JsonObject *input, BzRole role, BzConsentChoice *out, BzValidation *v)
{
  JsonNode *n = json_object_get_member (input, "privacy_notice_version");
  const char *version = NULL;
  gboolean has_dp, has_m, has_s, dp_wrong_type, has_version = n && !JSON_NODE_HOLDS_NULL (n);
  gboolean ok = TRUE;

  memset (out, 0, sizeof *out);
  out->data_processing = read_bool (input, "data_processing", &has_dp, v);
  out->marketing_communications = read_bool (input, "marketing_communications", &has_m, v);
  out->data_sharing_partners = read_bool (input, "data_sharing_partners", &has_s, v);
  if (has_version)
    {
      if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
        version = json_node_get_string (n);
      else
        {
          bz_validation_add (v, "privacy_notice_version", "invalid_type", _("Must be text"));
          ok = FALSE;
        }
    }
  if (version && strcmp (version, BZ_PRIVACY_NOTICE_VERSION) != 0)
    {
      check_version (version, v);
      ok = FALSE;
    }
  /* A member (patient) gives express consent to the processing of health data (LFPDPPP art. 9);
   * a wrong type was refused above. */
  dp_wrong_type = !has_dp && json_object_has_member (input, "data_processing") &&
                  !JSON_NODE_HOLDS_NULL (json_object_get_member (input, "data_processing"));
  if (role == BZ_ROLE_PATIENT && !out->data_processing && !dp_wrong_type)
    {
      bz_validation_add (v, "data_processing", "required",
                         _("Accept the processing of your personal and health data to register"));
      ok = FALSE;
    }
  if (out->data_processing && !has_version)
    {
      bz_validation_add (v, "privacy_notice_version", "required", _("Give the version of the privacy notice you accept"));
      ok = FALSE;
    }
  out->accept_notice = version != NULL;
  return ok && !bz_validation_failed (v) && (has_dp || has_m || has_s || has_version);
}

gboolean
bz_consents_record_registration (BzServices *svc, const char *user_id, const BzConsentChoice *choice,
                                 const char *client_address, const char *now, GError **error)
{
  BzConsentRow row = {
    .user_id = user_id,
    .data_processing = choice->data_processing,
    .marketing_communications = choice->marketing_communications,
    .data_sharing_partners = choice->data_sharing_partners,
    .privacy_notice_version = choice->accept_notice ? BZ_PRIVACY_NOTICE_VERSION : NULL,
    .privacy_notice_accepted_at = choice->accept_notice ? now : NULL,
    .ip_address = client_address,
    .source = BZ_CONSENT_SOURCE_REGISTRATION,
    .recorded_by = user_id,
    .now = now,
  };
  return bz_consent_repo_put (bz_services_get_store (svc), &row, error);
}

/* --- The notice ---------------------------------------------------------------- */

BzRecord *
bz_privacy_notice_get (const char *lang, GError **error)
{
  const char *code = lang ? bz_vocab_canonical (&bz_vocab_notice_lang, lang) : "es";
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) text = NULL;
  BzRecord *r;

  if (code == NULL)
    {
      GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION, _("Choose es or en"));
      bz_error_add_detail (e, "lang", "invalid_choice", e->message);
      g_propagate_error (error, e);
      return NULL;
    }
  bytes = g_resources_lookup_data (strcmp (code, "en") == 0 ? NOTICE_RESOURCE_EN : NOTICE_RESOURCE_ES,
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_INTERNAL, "The privacy notice is missing from the resources");
      return NULL;
    }
  text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_string_replace (text, "@VERSION@", BZ_PRIVACY_NOTICE_VERSION, 0);
  r = bz_record_new (&bz_privacy_notice_resource);
  bz_record_set_string (r, BZ_NOTICE_VERSION, BZ_PRIVACY_NOTICE_VERSION);
  bz_record_set_string (r, BZ_NOTICE_LANG, code);
  bz_record_set_string (r, BZ_NOTICE_TEXT, text->str);
  return r;
}

/* --- For the desk ------------------------------------------------------------- */

typedef struct
{
  char *patient_id;
  BzConsentChoice choice;
} SetArgs;

static void
set_args_free (gpointer p)
{
  SetArgs *a = p;
  g_free (a->patient_id);
  g_free (a);
}

static gpointer
get_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_consents_get_for_patient (svc, caller, args, error);
}

static gpointer
set_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  SetArgs *a = args;
  return bz_consents_set_for_patient (svc, caller, a->patient_id, &a->choice, error);
}

void
bz_consents_get_for_patient_async (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                   GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_consents_get_for_patient_async, "bz-consents-get", caller,
                       BZ_SERVICE_TASK_NEEDS_CALLER, get_work, g_strdup (patient_id), g_free, g_object_unref,
                       cancellable, callback, user_data);
}

BzRecord *
bz_consents_get_for_patient_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_consents_get_for_patient_async, error);
}

void
bz_consents_set_for_patient_async (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                   const BzConsentChoice *choice, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  SetArgs *a = g_new0 (SetArgs, 1);

  a->patient_id = g_strdup (patient_id);
  a->choice = *choice;
  bz_service_task_run (svc, bz_consents_set_for_patient_async, "bz-consents-set", caller,
                       BZ_SERVICE_TASK_NEEDS_CALLER, set_work, a, set_args_free, g_object_unref, cancellable,
                       callback, user_data);
}

BzRecord *
bz_consents_set_for_patient_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_consents_set_for_patient_async, error);
}
