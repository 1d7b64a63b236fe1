/* bz-oauth-resources.c — the tables of bz-oauth-resources.h. */
#include "bz-oauth-resources.h"

BZ_RESOURCE_DEFINE (bz_google_sign_in, GOOGLE_SIGN_IN, "GoogleSignIn",
                    "Sign in with a Google ID token (seed 002 4.2)", BZ_GOOGLE_SIGN_IN_FIELDS)
