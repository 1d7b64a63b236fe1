/* bz-consent-service.h — consent records and the privacy notice (seed 002
 * §7.3.1 UserConsent, Mexico's LFPDPPP; issue 9).
 *
 * Who may do what:
 * - any signed-in user reads and changes their own consents;
 * - a nutritionist reads and changes those of one of their own patients
 *   (patients.nutritionist_id), on the patient's word; another
 *   nutritionist's patient, or an id that is no patient, is NOT_FOUND, as
 *   on the other patient routes;
 * - anyone reads the privacy notice.
 *
 * The rules: consenting to data processing needs the privacy notice
 * accepted, now (privacy_notice_version = %BZ_PRIVACY_NOTICE_VERSION) or
 * before; a version other than the current one is refused.  Withdrawing any
 * consent is always allowed (LFPDPPP art. 8: consent may be revoked).  Every
 * change is one row written in one transaction, and its history kept
 * (bz-consent-repo.h); a refusal changes nothing.
 */
#pragma once

#include "bz-privacy-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/**
 * BzConsentChoice:
 * @data_processing: consent to the processing of personal and health data
 * @marketing_communications: consent to the clinic's news and offers
 * @data_sharing_partners: consent to sharing with the clinic's partners
 * @accept_notice: the privacy notice of version %BZ_PRIVACY_NOTICE_VERSION
 *   is accepted now
 *
 * The consents as the user (or their nutritionist, at the desk) sets them.
 */
typedef struct
{
  gboolean data_processing;
  gboolean marketing_communications;
  gboolean data_sharing_partners;
  gboolean accept_notice;
} BzConsentChoice;

/**
 * bz_consents_get:
 * @caller: the user
 * @error: BZ_ERROR_UNAUTHENTICATED (no caller), BZ_ERROR_INTERNAL
 *
 * Returns: (transfer full): the caller's UserConsent (all false, dates and
 *   version null, when none was ever recorded), or %NULL with @error.
 */
BzRecord *bz_consents_get (BzServices *svc, const BzCaller *caller, GError **error);

/**
 * bz_consents_put:
 * @caller: the user
 * @body: a UserConsentUpdate JSON object
 * @client_address: (nullable): the request's address, kept with the consent
 * @error: BZ_ERROR_UNAUTHENTICATED, BZ_ERROR_VALIDATION (wrong types,
 *   missing or unknown members; "privacy_notice_version" "invalid_value"
 *   for another version, "required" when data_processing is true and no
 *   notice was ever accepted), BZ_ERROR_INTERNAL
 *
 * PUT /api/v1/privacy/consents.
 *
 * Returns: (transfer full): the UserConsent as stored, or %NULL with @error
 *   and the store unchanged.
 */
BzRecord *bz_consents_put (BzServices *svc, const BzCaller *caller, JsonObject *body, const char *client_address,
                           GError **error);

/**
 * bz_consents_get_for_patient:
 * @caller: a nutritionist
 * @patient_id: one of the caller's patients (patients.id)
 * @error: BZ_ERROR_FORBIDDEN (no nutritionist), BZ_ERROR_NOT_FOUND (not the
 *   caller's patient), BZ_ERROR_INTERNAL
 *
 * Returns: (transfer full): the patient's UserConsent, or %NULL with @error.
 */
BzRecord *bz_consents_get_for_patient (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                       GError **error);

/**
 * bz_consents_put_for_patient:
 * @caller: a nutritionist, recording their patient's word
 * @patient_id: one of the caller's patients
 * @body: a UserConsentUpdate JSON object
 * @client_address: (nullable): the request's address
 * @error: as bz_consents_get_for_patient() and bz_consents_put(); ownership
 *   is checked first (a stranger's patient is NOT_FOUND whatever the body)
 *
 * Returns: (transfer full): the patient's UserConsent as stored, or %NULL
 *   with @error and the store unchanged.
 */
BzRecord *bz_consents_put_for_patient (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                       JsonObject *body, const char *client_address, GError **error);

/**
 * bz_consents_set_for_patient:
 * @caller: a nutritionist (the desk's)
 * @patient_id: one of the caller's patients
 * @choice: the consents, typed (the desk's switches)
 * @error: as bz_consents_put_for_patient()
 *
 * bz_consents_put_for_patient() without JSON, and without an address (the
 * consent is given at the clinic's desk).
 *
 * Returns: (transfer full): the UserConsent as stored, or %NULL with @error.
 */
BzRecord *bz_consents_set_for_patient (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                       const BzConsentChoice *choice, GError **error);

/**
 * bz_consents_from_registration:
 * @input: the POST /api/v1/auth/register body
 * @role: the role registered
 * @out: (out caller-allocates): the consents given
 * @v: where refusals go: "data_processing" ("invalid_type", or "required"
 *   when a patient does not consent), "privacy_notice_version"
 *   ("invalid_type", "required" when data_processing is true, or
 *   "invalid_value" for another version than the current),
 *   "marketing_communications" and "data_sharing_partners" ("invalid_type")
 *
 * Reads registration's consent members (RegisterInput).  A patient (member)
 * must consent to data processing and accept the current notice; a
 * nutritionist may give none.
 *
 * Returns: %TRUE when a consent is to be recorded (@out is valid and
 *   accept_notice is set), %FALSE when none was given or @v failed.
 */
gboolean  bz_consents_from_registration (JsonObject *input, BzRole role, BzConsentChoice *out, BzValidation *v);

/**
 * bz_consents_record_registration:
 * @user_id: the new account, inside the caller's write transaction
 * @choice: from bz_consents_from_registration()
 * @client_address: (nullable): the request's address
 * @now: ISO 8601 UTC
 * @error: BZ_ERROR_INTERNAL
 *
 * Writes the registration's consent row (source "registration").
 *
 * Returns: %FALSE with @error (the caller rolls back).
 */
gboolean  bz_consents_record_registration (BzServices *svc, const char *user_id, const BzConsentChoice *choice,
                                           const char *client_address, const char *now, GError **error);

/**
 * bz_privacy_notice_get:
 * @lang: (nullable): "es" (default) or "en", or an alias of
 *   #bz_vocab_notice_lang
 * @error: BZ_ERROR_VALIDATION ("lang" "invalid_choice"), BZ_ERROR_INTERNAL
 *   (the text is missing from the resources)
 *
 * The clinic's privacy notice (data/privacy/, compiled into the program's
 * resources), "@VERSION@" replaced by %BZ_PRIVACY_NOTICE_VERSION.
 *
 * Returns: (transfer full): a PrivacyNotice record, or %NULL with @error.
 */
BzRecord *bz_privacy_notice_get (const char *lang, GError **error);

/* For the desk: the calls above on a worker thread (bz-service-task-private.h).
 * The caller is copied; finish with the matching _finish, which returns the
 * UserConsent (transfer full) or %NULL with the call's error. */

/** bz_consents_get_for_patient_async: bz_consents_get_for_patient() off the GUI thread. */
void      bz_consents_get_for_patient_async  (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                              GCancellable *cancellable, GAsyncReadyCallback callback,
                                              gpointer user_data);
/** bz_consents_get_for_patient_finish: Returns: (transfer full): the UserConsent, or %NULL with @error. */
BzRecord *bz_consents_get_for_patient_finish (BzServices *svc, GAsyncResult *result, GError **error);
/** bz_consents_set_for_patient_async: bz_consents_set_for_patient() off the GUI thread; @choice is copied. */
void      bz_consents_set_for_patient_async  (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                              const BzConsentChoice *choice, GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
/** bz_consents_set_for_patient_finish: Returns: (transfer full): the UserConsent as stored, or %NULL with @error. */
BzRecord *bz_consents_set_for_patient_finish (BzServices *svc, GAsyncResult *result, GError **error);

G_END_DECLS
