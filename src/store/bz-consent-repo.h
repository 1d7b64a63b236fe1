/* bz-consent-repo.h — the SQL of the consent records (seed 002 §7.3.1
 * UserConsent; data/sql/034_user_consents.sql; issue 9): one current row
 * per user, whose every state is kept in user_consent_history by the
 * table's triggers.  The rules are src/services/bz-consent-service.h's. */
#pragma once

#include "bz-resource.h"
#include "bz-store.h"

G_BEGIN_DECLS

/**
 * BzConsentSource:
 * @BZ_CONSENT_SOURCE_REGISTRATION: POST /api/v1/auth/register
 * @BZ_CONSENT_SOURCE_PATIENT_CREATION: the desk's onboarding, or POST
 *   /api/v1/nutritionist/patients
 * @BZ_CONSENT_SOURCE_USER: the user changed their own (PUT /api/v1/privacy/consents)
 * @BZ_CONSENT_SOURCE_NUTRITIONIST: the patient's nutritionist, on the
 *   patient's word (the desk, or PUT
 *   /api/v1/nutritionist/patients/{patient_id}/consents)
 *
 * How a consent row was last set (user_consents.source; 034's CHECK also
 * allows 'migration', for the rows moved from 013_patient_consent.sql).
 */
typedef enum
{
  BZ_CONSENT_SOURCE_REGISTRATION,
  BZ_CONSENT_SOURCE_PATIENT_CREATION,
  BZ_CONSENT_SOURCE_USER,
  BZ_CONSENT_SOURCE_NUTRITIONIST,
} BzConsentSource;

/**
 * BzConsentRow:
 * @user_id: the user (users.id)
 * @data_processing: consent to the processing of personal and health data
 * @marketing_communications: consent to the clinic's news and offers
 * @data_sharing_partners: consent to sharing with the clinic's partners
 * @privacy_notice_version: (nullable): the notice version accepted
 * @privacy_notice_accepted_at: (nullable): ISO 8601 UTC, when
 * @ip_address: (nullable): the request's client address (at most 45
 *   characters); %NULL at the desk
 * @source: how it was set
 * @recorded_by: (nullable): the user who recorded it (the user, or their
 *   nutritionist)
 * @now: ISO 8601 UTC, the write's time (created_at on the first write,
 *   updated_at always, and the history row's recorded_at)
 *
 * One consent state, as written.  Nothing is owned.
 */
typedef struct
{
  const char *user_id;
  gboolean data_processing;
  gboolean marketing_communications;
  gboolean data_sharing_partners;
  const char *privacy_notice_version;
  const char *privacy_notice_accepted_at;
  const char *ip_address;
  BzConsentSource source;
  const char *recorded_by;
  const char *now;
} BzConsentRow;

/**
 * bz_consent_repo_get:
 * @user_id: the user
 * @error: BZ_ERROR_INTERNAL
 *
 * Returns: (transfer full) (nullable): a UserConsent record with the stored
 *   columns (current_privacy_notice_version unset: the service's), or %NULL
 *   without @error when no consent was ever recorded for @user_id, or
 *   %NULL with @error.
 */
BzRecord *bz_consent_repo_get (BzStore *store, const char *user_id, GError **error);

/**
 * bz_consent_repo_put:
 * @row: the consent state
 * @error: BZ_ERROR_INTERNAL, BZ_ERROR_CONFLICT (a foreign key: no such user)
 *
 * Inside the caller's write transaction: inserts or replaces @row->user_id's
 * current row (created_at kept from the first write); the table's triggers
 * append the new state to user_consent_history, the proof of what was
 * accepted when.  The change is logged (bz_store_log_change(),
 * "user_consents", the user id) for the desk's refresh; phones do not sync
 * it (bz-sync-repo.c's tables).
 *
 * Returns: %FALSE with @error on failure (the caller rolls back).
 */
gboolean  bz_consent_repo_put (BzStore *store, const BzConsentRow *row, GError **error);

G_END_DECLS
