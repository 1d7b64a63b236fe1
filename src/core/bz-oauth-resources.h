/* bz-oauth-resources.h — sign-in with Google (issue 9; seed 002 §4.2 POST
 * /api/v1/auth/oauth/google) declared once (bz-resource.h): the JSON and the
 * OpenAPI schemas come from here.  The answer is the Session of a password
 * sign-in (bz_session_resource) with its is_new_user member.  The rules: bz_auth_google_sign_in()
 * (src/services/bz-auth-service.h). */
#pragma once

#include "bz-resources.h"

G_BEGIN_DECLS

/** BZ_GOOGLE_ID_TOKEN_MAX: an ID token is a JWT of about 1-2 KB; 8 KiB bounds it. */
#define BZ_GOOGLE_ID_TOKEN_MAX 8192

#define BZ_GOOGLE_SIGN_IN_FIELDS(F) \
  F (GOOGLE_SIGN_IN_ID_TOKEN, .name = "id_token", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 1, .max = BZ_GOOGLE_ID_TOKEN_MAX, .description = "The Google ID token the app received (Google Identity Services)") \
  F (GOOGLE_SIGN_IN_PROVIDER, .name = "provider", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .min = 6, .max = 6, .description = "\"google\" (seed 002 sends it; the only one)")
BZ_RESOURCE_DECLARE (bz_google_sign_in, GOOGLE_SIGN_IN, BZ_GOOGLE_SIGN_IN_FIELDS)

G_END_DECLS
