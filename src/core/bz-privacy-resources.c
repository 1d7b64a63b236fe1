/* bz-privacy-resources.c — the tables of bz-privacy-resources.h. */
#include "bz-privacy-resources.h"

BZ_RESOURCE_DEFINE (bz_account_delete_request, ACCOUNT_DELETE_REQUEST, "AccountDeleteRequest",
                    "Confirmation of an account's deletion (seed 002 §7.3.2)", BZ_ACCOUNT_DELETE_REQUEST_FIELDS)
BZ_RESOURCE_DEFINE (bz_account_deletion, ACCOUNT_DELETION, "AccountDeletion",
                    "An account anonymised: what was erased and revoked", BZ_ACCOUNT_DELETION_FIELDS)
