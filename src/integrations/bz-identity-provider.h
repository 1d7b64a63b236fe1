/* bz-identity-provider.h — the identity-provider kind ("identity"): checks a
 * sign-in token another party issued (seed 002 §4.2 POST
 * /api/v1/auth/oauth/google) and answers the identity it vouches for.
 *
 * Like the kinds of bz-provider-kinds.h, the method takes a JSON request and
 * answers JSON, blocks, and runs through BzResilient
 * (bz_identity_provider_call() is the #BzResilientFunc adapter).
 *
 * Providers: "http" (BzGoogleTokeninfo below: Google's token-info endpoint,
 * or a clinic's stand-in speaking the same answer).  There is no "local"
 * provider: an identity nobody can vouch for offline is no identity, so a
 * failed remote step ends in %BZ_INTEGRATION_ERROR_MANUAL_ENTRY (the caller
 * answers "unavailable": sign in with a password instead).
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bz-integration-error.h"

G_BEGIN_DECLS

#define BZ_TYPE_IDENTITY_PROVIDER (bz_identity_provider_get_type ())
G_DECLARE_INTERFACE (BzIdentityProvider, bz_identity_provider, BZ, IDENTITY_PROVIDER, GObject)

/**
 * BzIdentityProviderInterface:
 * @get_name: a short static name ("http")
 * @verify: checks a token.  Request: {id_token: text}.  Answer: the token's
 *   claims as the issuer's token-info endpoint gives them (OpenID Connect
 *   Core 1.0 §2 ID Token, §5.1 standard claims): {iss, aud, sub, exp (s since
 *   the epoch, number or decimal text), email, email_verified (boolean or
 *   "true"/"false"), given_name, family_name, name}.  The provider proves
 *   the signature (Google's endpoint refuses a forged or expired token with
 *   400); the caller still checks issuer, audience, expiry and
 *   email_verified.  A token the issuer refuses is
 *   %BZ_INTEGRATION_ERROR_INVALID_REQUEST (not retried, no fallback).
 */
struct _BzIdentityProviderInterface
{
  GTypeInterface parent_iface;
  const char *(*get_name) (BzIdentityProvider *self);
  JsonNode   *(*verify)   (BzIdentityProvider *self, JsonObject *request, double *out_cost,
                           GCancellable *cancellable, GError **error);
};

/** bz_identity_provider_get_name: Returns: (transfer none): the provider's name. */
const char *bz_identity_provider_get_name (BzIdentityProvider *self);

/**
 * bz_identity_provider_verify:
 * @out_cost: (out) (optional): MXN (0: Google's token-info is free)
 *
 * Returns: (transfer full): the claims (#BzIdentityProviderInterface.verify),
 *   or %NULL with @error.
 */
JsonNode   *bz_identity_provider_verify (BzIdentityProvider *self, JsonObject *request, double *out_cost,
                                         GCancellable *cancellable, GError **error);

/**
 * BzIdentityCall:
 * @provider: a #BzIdentityProvider
 * @request: {id_token}
 *
 * The data of one call, as a #BzResilientFunc's @data.
 */
typedef struct
{
  BzIdentityProvider *provider;
  JsonObject *request;
} BzIdentityCall;

/** bz_identity_provider_call: a #BzResilientFunc calling @data's (a #BzIdentityCall) verify. */
JsonNode   *bz_identity_provider_call (gpointer data, GCancellable *cancellable, double *out_cost, GError **error);

/** BZ_GOOGLE_TOKENINFO_URL: Google's endpoint ("Authenticate with a backend
 * server", developers.google.com/identity/sign-in/web/backend-auth, "Calling
 * the tokeninfo endpoint"): GET ?id_token=... answers the claims. */
#define BZ_GOOGLE_TOKENINFO_URL "https://oauth2.googleapis.com/tokeninfo"
/** BZ_IDENTITY_MAX_BYTES: a token-info answer is well under 4 KiB; 64 KiB bounds it. */
#define BZ_IDENTITY_MAX_BYTES (64 * 1024)

#define BZ_TYPE_GOOGLE_TOKENINFO (bz_google_tokeninfo_get_type ())
G_DECLARE_FINAL_TYPE (BzGoogleTokeninfo, bz_google_tokeninfo, BZ, GOOGLE_TOKENINFO, GObject)

/**
 * bz_google_tokeninfo_new:
 * @url: the token-info endpoint, http or https (%BZ_GOOGLE_TOKENINFO_URL, or
 *   a test's fake on loopback)
 *
 * The `http` identity provider: verify GETs @url?id_token=<token>.  200 with
 * a JSON object of at most %BZ_IDENTITY_MAX_BYTES is the answer; other
 * statuses are seed 003's errors (bz_integration_error_from_http(): 400, an
 * invalid or expired token, is INVALID_REQUEST; 5xx retryable); no answer is
 * TIMEOUT or UNAVAILABLE (retryable); another body is BAD_RESPONSE.
 *
 * Returns: (transfer full): a #BzIdentityProvider named "http", or %NULL
 *   when @url is not an http(s) URL.
 */
BzGoogleTokeninfo *bz_google_tokeninfo_new (const char *url);

G_END_DECLS
