/* bz-privacy-resources.c — the tables of bz-privacy-resources.h. */
#include "bz-privacy-resources.h"

BZ_RESOURCE_DEFINE (bz_account_delete_request, ACCOUNT_DELETE_REQUEST, "AccountDeleteRequest",
                    "Confirmation of an account's deletion (seed 002 §7.3.2)", BZ_ACCOUNT_DELETE_REQUEST_FIELDS)
BZ_RESOURCE_DEFINE (bz_account_deletion, ACCOUNT_DELETION, "AccountDeletion",
                    "An account anonymised: what was erased and revoked", BZ_ACCOUNT_DELETION_FIELDS)
BZ_RESOURCE_DEFINE (bz_user_consent, USER_CONSENT, "UserConsent",
                    "A user's consents and privacy-notice acceptance (seed 002 §7.3.1, LFPDPPP)", BZ_USER_CONSENT_FIELDS)
BZ_RESOURCE_DEFINE (bz_user_consent_update, USER_CONSENT_UPDATE, "UserConsentUpdate",
                    "A user's consents as they should be", BZ_USER_CONSENT_UPDATE_FIELDS)
BZ_RESOURCE_DEFINE (bz_privacy_notice, NOTICE, "PrivacyNotice",
                    "The clinic's privacy notice (Aviso de Privacidad) in one language", BZ_PRIVACY_NOTICE_FIELDS)
BZ_RESOURCE_DEFINE (bz_privacy_notice_query, PRIVACY_NOTICE_QUERY, "PrivacyNoticeQuery",
                    "The language of the privacy notice", BZ_PRIVACY_NOTICE_QUERY_FIELDS)
