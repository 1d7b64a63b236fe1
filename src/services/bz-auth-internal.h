/* bz-auth-internal.h — shared between bz-auth-service.c, bz-auth-tokens.c and
 * bz-auth-validate.c, with bz-patient-form.c (a patient's account fields
 * follow registration's rules: bz_user_fields_validate()) and with
 * bz-device-service.c (a paired phone's session).  Not for other files. */
#pragma once

#include <glib/gi18n.h>

#include "bz-auth-service.h"
#include "bz-store.h"

G_BEGIN_DECLS

#define BZ_AUTH_BAD_CREDENTIALS _("Incorrect email or password")
#define BZ_AUTH_BAD_SESSION     _("Your session is not valid or has expired. Please sign in again.")
#define BZ_AUTH_BAD_ACCESS      _("Invalid or expired access token")

static inline void
bz_auth_set_unauthenticated (GError **error, const char *message)
{
  g_set_error_literal (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, message);
}

/** bz_auth_now_unix: Returns: wall-clock time in seconds since the epoch. */
static inline gint64
bz_auth_now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* bz-auth-service.c */
/** bz_auth_ensure_sodium: initializes libsodium once (aborts if it cannot). */
void bz_auth_ensure_sodium (void);

/**
 * bz_auth_password_hash:
 * @password: the password, already checked against the rules
 * @error: BZ_ERROR_INTERNAL when libsodium runs out of memory
 *
 * Argon2id (crypto_pwhash_str, OPSLIMIT_INTERACTIVE / MEMLIMIT_INTERACTIVE);
 * slow on purpose: call it outside any write transaction.
 *
 * Returns: (transfer full): the encoded hash, or %NULL with @error.
 */
char    *bz_auth_password_hash (const char *password, GError **error);

/**
 * bz_auth_check_reset_rate:
 * @client_address: (nullable): the peer address (%NULL: the desk, one key)
 * @error: BZ_ERROR_RATE_LIMITED with bz_error_get_retry_after()
 *
 * Counts one password-forgot or -reset request from @client_address
 * (%BZ_PASSWORD_RESET_REQUESTS_PER_MINUTE per address, keyed as sign-in);
 * bz_auth_reset_rate_limits() forgets them.
 *
 * Returns: %TRUE when the request may go on.
 */
gboolean bz_auth_check_reset_rate (const char *client_address, GError **error);

/* bz-password-reset-service.c: one-time codes read aloud or typed
 * (password reset, phone pairing) in Crockford's base32
 * (crockford.com/base32.html): no I, L, O or U, so a code is not misread. */

/**
 * bz_auth_code_new:
 * @n_chars: the code's length (at most 64)
 *
 * Returns: (transfer full): @n_chars random Crockford base32 digits
 *   (libsodium randombytes_uniform, 5 bits each).
 */
char    *bz_auth_code_new (guint n_chars);

/**
 * bz_auth_code_normalize:
 * @input: a code as typed
 * @n_chars: the length a whole code has
 *
 * Upper-cases @input and drops spaces and dashes, with Crockford's
 * substitutions (O→0, I and L→1).
 *
 * Returns: (transfer full) (nullable): the code, or %NULL unless @input is
 *   a whole code of @n_chars digits.
 */
char    *bz_auth_code_normalize (const char *input, guint n_chars);

/* bz-auth-tokens.c */
/**
 * bz_auth_session_new:
 * Opens a new session (a new refresh-token family) for @caller inside the
 * calling thread's open transaction (bz_store_begin()).
 * Returns: (transfer full): a Session record {access_token, refresh_token,
 *   token_type, expires_in, password_change_required, user}
 */
BzRecord *bz_auth_session_new (BzServices *svc, const BzCaller *caller, GError **error);

/**
 * bz_auth_session_new_in_family:
 * @family: the new refresh-token family's id (a UUID of the caller's): a
 *   paired device's session, which bz-device-service.c binds to the device
 *
 * bz_auth_session_new() with the family given.
 * Returns: (transfer full): a Session record, or %NULL with @error.
 */
BzRecord *bz_auth_session_new_in_family (BzServices *svc, const BzCaller *caller, const char *family,
                                         GError **error);

/* bz-auth-validate.c */

/** BzUserFields: validated, normalized user fields (all owned). */
typedef struct
{
  char *email;                /* lowercased */
  char *first_name;           /* trimmed */
  char *last_name;            /* trimmed */
  BzRole role;
  char *phone;                /* "+52" and 10 digits, or NULL */
  char *date_of_birth;        /* YYYY-MM-DD or NULL */
  char *gender;               /* male|female|other|prefer_not_to_say or NULL */
  char *state;                /* trimmed, at most 100 characters, or NULL */
  char *city;                 /* trimmed, at most 100 characters, or NULL */
  char *professional_license; /* nutritionists only, or NULL */
  char *clinic_name;          /* nutritionists only, or NULL */
} BzUserFields;

void bz_user_fields_clear (BzUserFields *f);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BzUserFields, bz_user_fields_clear)

/**
 * bz_user_fields_validate:
 * @extra: (nullable): optional members phone, date_of_birth, gender, state,
 *   city, professional_license, clinic_name
 *
 * Validates (seed 002 §7.4.1) and normalizes into @out; every failing field
 * adds its own detail to @v.  Fields that already have a detail in @v (e.g.
 * a wrong JSON type) get no "required" detail on top.
 */
void bz_user_fields_validate (const char *email, const char *password,
                              const char *first_name, const char *last_name,
                              BzRole role, JsonObject *extra,
                              BzUserFields *out, BzValidation *v);

/**
 * bz_auth_json_string:
 * Returns: (transfer none) (nullable): member @name of @o if it is a string;
 *   %NULL if absent or null; %NULL plus an "invalid_type" detail otherwise.
 */
const char *bz_auth_json_string (JsonObject *o, const char *name, BzValidation *v);

/** bz_auth_validation_has_field: Returns: whether @v already has a detail for @field. */
gboolean    bz_auth_validation_has_field (BzValidation *v, const char *field);

G_END_DECLS
