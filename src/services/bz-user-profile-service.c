/* bz-user-profile-service.c — GET and PATCH /api/v1/users/me (see
 * bz-user-profile-service.h). */
#include "bz-user-profile-service.h"

#include <glib/gi18n.h>

#include "bz-audit.h"
#include "bz-auth-internal.h"
#include "bz-patient-repo.h"
#include "bz-patient-service.h"
#include "bz-scan-repo.h"
#include "bz-user-repo.h"

/* A member's latest avatar (the highest version: scans measured the same
 * day keep the order they were made in) into @profile. */
static gboolean
add_avatar (BzServices *svc, const BzCaller *caller, BzRecord *profile, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *patient_id = NULL;
  g_autoptr(GPtrArray) scans = NULL;
  BzRecord *latest = NULL;

  if (caller->role != BZ_ROLE_PATIENT || !(patient_id = bz_patients_resolve (svc, caller, NULL, &local)))
    return TRUE;   /* staff, or a member without a patient record: no avatar */
  if (!(scans = bz_scan_repo_list (bz_services_get_store (svc), patient_id, error)))
    return FALSE;
  for (guint i = 0; i < scans->len; i++)
    {
      BzRecord *avatar = bz_record_get_object (g_ptr_array_index (scans, i), BZ_SCAN_AVATAR);
      if (avatar && (latest == NULL || bz_record_get_int (avatar, BZ_AVATAR_VERSION) >
                                         bz_record_get_int (latest, BZ_AVATAR_VERSION)))
        latest = avatar;
    }
  if (latest)
    bz_record_take_object (profile, BZ_USER_PROFILE_AVATAR, g_object_ref (latest));
  return TRUE;
}

BzRecord *
bz_users_get_me (BzServices *svc, const BzCaller *caller, GError **error)
{
  g_autoptr(GError) local = NULL;
  BzRecord *profile;

  g_return_val_if_fail (caller != NULL, NULL);
  profile = bz_user_repo_get_profile (bz_services_get_store (svc), caller->user_id, &local);
  if (profile == NULL)
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("User not found"));
    }
  else if (!add_avatar (svc, caller, profile, error))
    g_clear_object (&profile);
  return profile;
}

/* @field's text: the body's when it has the member (NULL for null), else
 * the stored one. */
static const char *
merged (JsonObject *input, BzRecord *parsed, guint field, BzRecord *stored, guint stored_field)
{
  if (json_object_has_member (input, bz_user_profile_update_resource.fields[field].name))
    return bz_record_has (parsed, field) ? bz_record_get_string (parsed, field) : NULL;
  return bz_record_has (stored, stored_field) ? bz_record_get_string (stored, stored_field) : NULL;
}

/* Stand in for the email and password a profile change does not touch. */
#define KEPT_EMAIL "kept@balanza.invalid"
#define KEPT_PASSWORD_SHAPE "Aa7!aaaa"

BzRecord *
bz_users_patch_me (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) parsed = NULL;
  g_autoptr(BzRecord) stored = NULL;
  g_autoptr(JsonObject) extra = json_object_new ();
  g_auto(BzUserFields) f = { 0 };
  g_autofree char *now = NULL, *patient_id = NULL;
  const char *phone, *dob, *gender, *state, *city;

  g_return_val_if_fail (caller != NULL, NULL);
  parsed = bz_resource_parse_closed (&bz_user_profile_update_resource, input, NULL, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (!(stored = bz_users_get_me (svc, caller, error)))
    return NULL;

  phone = merged (input, parsed, BZ_USER_PROFILE_UPDATE_PHONE, stored, BZ_USER_PROFILE_PHONE);
  dob = merged (input, parsed, BZ_USER_PROFILE_UPDATE_DATE_OF_BIRTH, stored, BZ_USER_PROFILE_DATE_OF_BIRTH);
  gender = merged (input, parsed, BZ_USER_PROFILE_UPDATE_GENDER, stored, BZ_USER_PROFILE_GENDER);
  state = merged (input, parsed, BZ_USER_PROFILE_UPDATE_STATE, stored, BZ_USER_PROFILE_STATE);
  city = merged (input, parsed, BZ_USER_PROFILE_UPDATE_CITY, stored, BZ_USER_PROFILE_CITY);
  if (phone)
    json_object_set_string_member (extra, "phone", phone);
  if (dob)
    json_object_set_string_member (extra, "date_of_birth", dob);
  if (gender)
    json_object_set_string_member (extra, "gender", gender);
  if (state)
    json_object_set_string_member (extra, "state", state);
  if (city)
    json_object_set_string_member (extra, "city", city);
  /* Registration's rules for the merged record (seed 002 §7.4.1); the
   * role is the caller's, so a nutritionist's license is not asked for. */
  bz_user_fields_validate (KEPT_EMAIL, KEPT_PASSWORD_SHAPE,
                           merged (input, parsed, BZ_USER_PROFILE_UPDATE_FIRST_NAME, stored, BZ_USER_PROFILE_FIRST_NAME),
                           merged (input, parsed, BZ_USER_PROFILE_UPDATE_LAST_NAME, stored, BZ_USER_PROFILE_LAST_NAME),
                           BZ_ROLE_PATIENT, extra, &f, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;

  now = bz_now_iso8601 ();
  {
    BzUserProfileChanges c = {
      .first_name = f.first_name, .last_name = f.last_name, .phone = f.phone,
      .date_of_birth = f.date_of_birth, .gender = f.gender, .keep_location = FALSE,
      .state = f.state, .city = f.city, .updated_at = now,
    };
    if (!bz_store_begin (store, error))
      return NULL;
    if (!bz_user_repo_update_profile (store, caller->user_id, &c, error) || !bz_store_commit (store, error))
      {
        bz_store_rollback (store);
        return NULL;
      }
  }
  bz_store_notify (store, "users", caller->user_id);
  /* Audited as a patient's record when the user is one (the audit's
   * subject is a patient id, as the export and the desk read it), else by
   * the user's id. */
  patient_id = bz_patient_repo_id_of_user (store, caller->user_id, NULL);
  bz_audit_log_record (bz_services_get_audit_log (svc), caller->user_id,
                       patient_id ? patient_id : caller->user_id, "rectify_user");
  return bz_users_get_me (svc, caller, error);
}
