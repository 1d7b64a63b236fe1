/* bz-auth-tokens.c — access tokens (HS256 JWT), rotating refresh tokens,
 * refresh, sign-out and access-token verification.
 *
 * Seed 002 §7.1.1: access tokens of 1 h, refresh tokens of 30 days.
 *
 * Tokens are written with libjwt.  Verification, on every request, is one
 * HMAC and one parse: the header must say exactly alg "HS256", the
 * HMAC-SHA-256 signature is recomputed with libsodium and compared in
 * constant time, and only then are the claims parsed (bz_json_parse(),
 * bounded): type "access", exp in the future, sub and sid present; the user
 * must still exist and be active and the sign-in (sid, the refresh family)
 * not logged out — role and email come from the database, not from the token.
 *
 * Refresh tokens are opaque 256-bit random strings (base64url); only their
 * SHA-256 (hex) is stored.  Each refresh revokes the presented row (with
 * replaced_by) and issues a new one in the same family; presenting a revoked
 * token revokes every live token of its family (reuse detection).
 */
#include "bz-auth-service.h"
#include "bz-auth-internal.h"
#include "bz-device-repo.h"
#include "bz-limits.h"
#include "bz-realtime.h"
#include "bz-store.h"
#include "bz-token-repo.h"
#include "bz-user-repo.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <jwt.h>
#include <sodium.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (jwt_t, jwt_free)

#define MAX_TOKEN_LEN     4096
#define REFRESH_TOKEN_LEN 43          /* base64url (no padding) of 32 bytes */

/* --- Small helpers ------------------------------------------------------------ */

static char *
iso8601_from_unix (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

static gint64
unix_from_iso8601 (const char *s)
{
  g_autoptr(GDateTime) dt = s ? g_date_time_new_from_iso8601 (s, NULL) : NULL;
  return dt ? g_date_time_to_unix (dt) : 0;
}

/* HMAC-SHA-256 (RFC 2104) starts by hashing the key padded with ipad and
 * with opad: two SHA-256 blocks that depend on the key only.  They are done
 * once per signing key and the state is copied for each token, so a
 * verification hashes the token and the outer digest only. */
static GMutex keyed_mac_lock;
static GBytes *keyed_mac_key;
static crypto_auth_hmacsha256_state keyed_mac_state;

static void
keyed_mac_start (BzServices *svc, crypto_auth_hmacsha256_state *state)
{
  GBytes *key = bz_store_get_secret (bz_services_get_store (svc));

  g_mutex_lock (&keyed_mac_lock);
  if (keyed_mac_key == NULL || !g_bytes_equal (keyed_mac_key, key))
    {
      gsize len = 0;
      const guint8 *data = g_bytes_get_data (key, &len);
      g_clear_pointer (&keyed_mac_key, g_bytes_unref);
      keyed_mac_key = g_bytes_ref (key);
      crypto_auth_hmacsha256_init (&keyed_mac_state, data, len);
    }
  *state = keyed_mac_state;
  g_mutex_unlock (&keyed_mac_lock);
}

static char *
sha256_hex (const char *s)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, s, -1);
}

static const guint8 *
signing_key (BzServices *svc, gsize *len)
{
  return g_bytes_get_data (bz_store_get_secret (bz_services_get_store (svc)), len);
}

/* --- Tokens ---------------------------------------------------------------- */

/* @session_id: the refresh-token family the access token belongs to (claim
 * "sid"): logging out revokes the family, and with it every access token of
 * that sign-in (checked in bz_auth_verify_access_token()). */
static char *
access_token_new (BzServices *svc, const char *user_id, BzRole role, const char *email,
                  const char *session_id, GError **error)
{
  g_autoptr(jwt_t) jwt = NULL;
  g_autofree char *jti = g_uuid_string_random ();
  gint64 now = bz_auth_now_unix ();
  gsize key_len = 0;
  const guint8 *key = signing_key (svc, &key_len);
  char *raw;
  char *token;

  if (jwt_new (&jwt) != 0 ||
      jwt_set_alg (jwt, JWT_ALG_HS256, key, (int) key_len) != 0 ||
      jwt_add_grant (jwt, "sub", user_id) != 0 ||
      jwt_add_grant (jwt, "role", bz_role_to_string (role)) != 0 ||
      jwt_add_grant (jwt, "email", email) != 0 ||
      jwt_add_grant (jwt, "type", "access") != 0 ||
      jwt_add_grant_int (jwt, "iat", (long) now) != 0 ||
      jwt_add_grant_int (jwt, "exp", (long) (now + BZ_ACCESS_TOKEN_TTL_S)) != 0 ||
      jwt_add_grant (jwt, "jti", jti) != 0 ||
      jwt_add_grant (jwt, "sid", session_id) != 0 ||
      (raw = jwt_encode_str (jwt)) == NULL)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_INTERNAL, "Cannot create the access token");
      return NULL;
    }
  token = g_strdup (raw);
  free (raw);
  return token;
}

/* Inserts a new refresh token of @family_id (a new family when NULL). */
static char *
refresh_token_insert (BzStore *store, const char *user_id, const char *family_id,
                      char **out_row_id, GError **error)
{
  guint8 raw[32];
  char token[sodium_base64_ENCODED_LEN (32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *family = family_id ? g_strdup (family_id) : g_uuid_string_random ();
  g_autofree char *hash = NULL;
  g_autofree char *now = iso8601_from_unix (bz_auth_now_unix ());
  g_autofree char *expires = iso8601_from_unix (bz_auth_now_unix () + BZ_REFRESH_TOKEN_TTL_S);

  bz_auth_ensure_sodium ();
  randombytes_buf (raw, sizeof raw);
  sodium_bin2base64 (token, sizeof token, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero (raw, sizeof raw);
  hash = sha256_hex (token);

  {
    BzRefreshTokenRecord record = {
      .id = id,
      .user_id = user_id,
      .family_id = family,
      .token_hash = hash,
      .expires_at = expires,
      .created_at = now,
    };
    if (!bz_token_repo_insert (store, &record, error))
      return NULL;
  }
  if (out_row_id)
    *out_row_id = g_steal_pointer (&id);
  return g_strdup (token);
}

/* A TokenPair, or the token members of a Session (same names, same order). */
static BzRecord *
token_record (const BzResource *res, const char *access_token, const char *refresh_token)
{
  BzRecord *r = bz_record_new (res);

  G_STATIC_ASSERT ((int) BZ_SESSION_ACCESS_TOKEN == (int) BZ_TOKEN_PAIR_ACCESS_TOKEN &&
                   (int) BZ_SESSION_REFRESH_TOKEN == (int) BZ_TOKEN_PAIR_REFRESH_TOKEN &&
                   (int) BZ_SESSION_TOKEN_TYPE == (int) BZ_TOKEN_PAIR_TOKEN_TYPE &&
                   (int) BZ_SESSION_EXPIRES_IN == (int) BZ_TOKEN_PAIR_EXPIRES_IN);
  bz_record_set_string (r, BZ_TOKEN_PAIR_ACCESS_TOKEN, access_token);
  bz_record_set_string (r, BZ_TOKEN_PAIR_REFRESH_TOKEN, refresh_token);
  bz_record_set_string (r, BZ_TOKEN_PAIR_TOKEN_TYPE, "Bearer");
  bz_record_set_int (r, BZ_TOKEN_PAIR_EXPIRES_IN, BZ_ACCESS_TOKEN_TTL_S);
  return r;
}

BzRecord *
bz_auth_session_new (BzServices *svc, const BzCaller *caller, GError **error)
{
  g_autofree char *family = g_uuid_string_random ();
  return bz_auth_session_new_in_family (svc, caller, family, error);
}

BzRecord *
bz_auth_session_new_in_family (BzServices *svc, const BzCaller *caller, const char *family, GError **error)
{
  g_autofree char *access = access_token_new (svc, caller->user_id, caller->role, caller->email, family, error);
  g_autofree char *refresh = NULL;
  BzRecord *user, *session;

  if (!access)
    return NULL;
  refresh = refresh_token_insert (bz_services_get_store (svc), caller->user_id, family, NULL, error);
  if (!refresh)
    return NULL;
  user = bz_auth_get_user (svc, caller->user_id, error);
  if (!user)
    return NULL;
  session = token_record (&bz_session_resource, access, refresh);
  bz_record_set_boolean (session, BZ_SESSION_PASSWORD_CHANGE_REQUIRED,
                         bz_record_get_boolean (user, BZ_USER_MUST_CHANGE_PASSWORD));
  bz_record_take_object (session, BZ_SESSION_USER, user);
  return session;
}

static gboolean
refresh_token_check_input (const char *token, GError **error)
{
  if (token == NULL || *token == '\0')
    {
      BzValidation v = BZ_VALIDATION_INIT;
      bz_validation_add (&v, "refresh_token", "required", _("The refresh token is required"));
      return bz_validation_finish (&v, error);
    }
  if (strlen (token) != REFRESH_TOKEN_LEN)
    {
      bz_auth_set_unauthenticated (error, BZ_AUTH_BAD_SESSION);
      return FALSE;
    }
  return TRUE;
}

/* Finds @token's row; UNAUTHENTICATED when unknown. */
static gboolean
refresh_row_lookup (BzStore *store, const char *token, BzRefreshToken *row, GError **error)
{
  g_autofree char *hash = sha256_hex (token);

  if (!bz_token_repo_find (store, hash, row, error))
    return FALSE;
  if (row->id == NULL)
    {
      bz_auth_set_unauthenticated (error, BZ_AUTH_BAD_SESSION);
      return FALSE;
    }
  return TRUE;
}

/* The active user @user_id; with @session_id, only while that sign-in's
 * refresh-token family has a live (unrevoked) token, i.e. not logged out.
 * UNAUTHENTICATED (empty message) when not. */
static BzCaller *
active_caller (BzStore *store, const char *user_id, const char *session_id, GError **error)
{
  g_auto(BzUserAccount) account = { 0 };
  BzRole role;

  if (!bz_user_repo_get_active (store, user_id, session_id, &account, error))
    return NULL;
  if (account.id && bz_role_from_string (account.user_type, &role))
    {
      BzCaller *c = bz_caller_new (user_id, role, account.email);
      c->must_change_password = account.must_change_password;
      return c;
    }
  g_set_error_literal (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "");
  return NULL;
}

BzRecord *
bz_auth_refresh (BzServices *svc, const char *refresh_token, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_auto(BzRefreshToken) row = { 0 };
  g_autoptr(BzCaller) caller = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *access = NULL;
  g_autofree char *refresh = NULL;
  g_autofree char *new_id = NULL;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (!refresh_token_check_input (refresh_token, error))
    return NULL;

  if (!bz_store_begin (store, error))
    return NULL;
  if (!refresh_row_lookup (store, refresh_token, &row, &local))
    goto fail;

  if (row.revoked)
    {
      /* Reuse of a rotated (or signed-out) token: someone else may hold the
       * family; end every session of it.  Commit the revocation, then fail. */
      g_message ("Refresh token reuse detected: revoked token family %s of user %s",
                 row.family_id, row.user_id);
      if (!bz_token_repo_revoke_family (store, row.family_id, &local) || !bz_store_commit (store, &local))
        goto fail;
      bz_realtime_close_session (bz_services_get_realtime (svc), row.family_id);
      bz_auth_set_unauthenticated (error, BZ_AUTH_BAD_SESSION);
      return NULL;
    }
  if (unix_from_iso8601 (row.expires_at) <= bz_auth_now_unix ())
    {
      bz_auth_set_unauthenticated (&local, BZ_AUTH_BAD_SESSION);
      goto fail;
    }
  caller = active_caller (store, row.user_id, NULL, &local);
  if (!caller)
    {
      if (local->code != BZ_ERROR_UNAUTHENTICATED)
        goto fail;
      /* The user is gone or disabled: end the session. */
      g_clear_error (&local);
      if (!bz_token_repo_revoke_family (store, row.family_id, &local) || !bz_store_commit (store, &local))
        goto fail;
      bz_realtime_close_session (bz_services_get_realtime (svc), row.family_id);
      bz_auth_set_unauthenticated (error, BZ_AUTH_BAD_SESSION);
      return NULL;
    }

  access = access_token_new (svc, caller->user_id, caller->role, caller->email, row.family_id, &local);
  if (!access)
    goto fail;
  refresh = refresh_token_insert (store, caller->user_id, row.family_id, &new_id, &local);
  if (!refresh)
    goto fail;
  /* A paired phone's session (issue 9): its device was last seen now. */
  {
    g_autofree char *now = iso8601_from_unix (bz_auth_now_unix ());
    if (!bz_device_repo_touch (store, row.family_id, now, &local))
      goto fail;
  }
  if (!bz_token_repo_mark_replaced (store, row.id, new_id, &local) ||
      !bz_store_commit (store, &local))
    goto fail;
  return token_record (&bz_token_pair_resource, access, refresh);

fail:
  bz_store_rollback (store);
  g_propagate_error (error, g_steal_pointer (&local));
  return NULL;
}

gboolean
bz_auth_logout (BzServices *svc, const char *refresh_token, GError **error)
{
  BzStore *store;
  g_auto(BzRefreshToken) row = { 0 };
  g_autoptr(GError) local = NULL;
  gboolean valid;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), FALSE);
  if (!refresh_token_check_input (refresh_token, error))
    return FALSE;

  store = bz_services_get_store (svc);
  if (!bz_store_begin (store, error))
    return FALSE;
  if (!refresh_row_lookup (store, refresh_token, &row, &local))
    goto fail;
  /* A revoked token revokes its family too (as in refresh), but the caller
   * did not hold a live session: UNAUTHENTICATED. */
  valid = !row.revoked && unix_from_iso8601 (row.expires_at) > bz_auth_now_unix ();
  if (!bz_token_repo_revoke_family (store, row.family_id, &local) || !bz_store_commit (store, &local))
    goto fail;
  /* Its WebSockets close now, not when their access token expires. */
  bz_realtime_close_session (bz_services_get_realtime (svc), row.family_id);
  if (!valid)
    {
      bz_auth_set_unauthenticated (error, BZ_AUTH_BAD_SESSION);
      return FALSE;
    }
  return TRUE;

fail:
  bz_store_rollback (store);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* --- Access token verification ---------------------------------------------- */

/* The value of each base64url character (RFC 4648 §5: A-Z a-z 0-9 - _),
 * 255 (the top bits set) for every other byte. */
static const guint8 b64url_values[256] = {
  255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
  255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
  255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,  62, 255, 255,
   52,  53,  54,  55,  56,  57,  58,  59,  60,  61, 255, 255, 255, 255, 255, 255,
  255,   0,   1,   2,   3,   4,   5,   6,   7,   8,   9,  10,  11,  12,  13,  14,
   15,  16,  17,  18,  19,  20,  21,  22,  23,  24,  25, 255, 255, 255, 255,  63,
  255,  26,  27,  28,  29,  30,  31,  32,  33,  34,  35,  36,  37,  38,  39,  40,
   41,  42,  43,  44,  45,  46,  47,  48,  49,  50,  51, 255, 255, 255, 255, 255,
  255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
  255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
  255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
  255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
  255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
  255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
  255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
  255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
};

/* Decodes the base64url segment [@start, @end) into @out (@cap bytes).
 * Strict base64url without padding (RFC 7515 §2): only [A-Za-z0-9_-], no
 * length of the form 4k+1; any other byte (padding '=', '+', '/', white
 * space, NUL, non-ASCII) refuses the segment.  The unused low bits of the
 * last character are ignored, as GLib's decoder (used before this table)
 * ignored them.  Not constant-time: a JWT's segments are not secret. */
static gboolean
b64url_decode (const char *start, const char *end, guint8 *out, gsize cap, gsize *out_len)
{
  const guchar *s = (const guchar *) start;
  gsize n = end - start, len, i;
  guint8 *o = out;

  len = n / 4 * 3 + (n % 4 ? n % 4 - 1 : 0);
  if (n % 4 == 1 || n > MAX_TOKEN_LEN + 1 || len > cap)
    return FALSE;
  for (i = 0; i + 4 <= n; i += 4)
    {
      guint32 a = b64url_values[s[i]], b = b64url_values[s[i + 1]];
      guint32 c = b64url_values[s[i + 2]], d = b64url_values[s[i + 3]];
      guint32 v;

      if ((a | b | c | d) & 0xc0)
        return FALSE;
      v = a << 18 | b << 12 | c << 6 | d;
      *o++ = (guint8) (v >> 16);
      *o++ = (guint8) (v >> 8);
      *o++ = (guint8) v;
    }
  if (i < n)   /* 2 or 3 characters left: 1 or 2 bytes */
    {
      guint32 a = b64url_values[s[i]], b = b64url_values[s[i + 1]];
      guint32 c = n - i == 3 ? b64url_values[s[i + 2]] : 0;

      if ((a | b | c) & 0xc0)
        return FALSE;
      *o++ = (guint8) (a << 2 | b >> 4);
      if (n - i == 3)
        *o++ = (guint8) (b << 4 | c >> 2);
    }
  *out_len = len;
  return TRUE;
}

/* A segment's JSON, decoded into a stack buffer (tokens are at most
 * MAX_TOKEN_LEN) and parsed with the token limits (bz_json_parse(),
 * bz_json_limits_token). */
static JsonNode *
segment_json (const char *start, const char *end)
{
  guint8 buf[MAX_TOKEN_LEN];
  gsize len = 0;

  if (!b64url_decode (start, end, buf, sizeof buf, &len))
    return NULL;
  return bz_json_parse ((const char *) buf, len, &bz_json_limits_token, NULL, NULL);
}

/* The header of every token Balanza issues (libjwt: {"alg":"HS256","typ":"JWT"}):
 * when a token carries exactly it, there is nothing to parse. */
#define ISSUED_HEADER "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"

/* One HMAC: the header must be exactly {"alg":"HS256",...}, and the
 * signature (recomputed with libsodium) must match in constant time.  Only
 * then are the claims decoded, into @buf (at most MAX_TOKEN_LEN bytes, not
 * NUL-terminated: @out_len). */
static gboolean
hs256_verify (BzServices *svc, const char *token, guint8 *buf, gsize cap, gsize *out_len)
{
  const char *dot1 = strchr (token, '.');
  const char *dot2 = dot1 ? strchr (dot1 + 1, '.') : NULL;
  guint8 sig[crypto_auth_hmacsha256_BYTES];
  guint8 mac[crypto_auth_hmacsha256_BYTES];
  gsize sig_len = 0;
  const char *end = NULL;
  crypto_auth_hmacsha256_state state;
  g_autoptr(JsonNode) header = NULL;
  JsonNode *alg;

  if (!dot1 || !dot2 || strchr (dot2 + 1, '.'))
    return FALSE;
  if ((gsize) (dot1 - token) != strlen (ISSUED_HEADER) || memcmp (token, ISSUED_HEADER, dot1 - token) != 0)
    {
      header = segment_json (token, dot1);
      if (!header || !JSON_NODE_HOLDS_OBJECT (header))
        return FALSE;
      alg = json_object_get_member (json_node_get_object (header), "alg");
      if (!alg || !JSON_NODE_HOLDS_VALUE (alg) || json_node_get_value_type (alg) != G_TYPE_STRING ||
          g_strcmp0 (json_node_get_string (alg), "HS256") != 0)
        return FALSE;
    }

  end = dot2 + 1 + strlen (dot2 + 1);
  if (!b64url_decode (dot2 + 1, end, sig, sizeof sig, &sig_len) || sig_len != sizeof sig)
    return FALSE;
  keyed_mac_start (svc, &state);
  crypto_auth_hmacsha256_update (&state, (const guint8 *) token, dot2 - token);
  crypto_auth_hmacsha256_final (&state, mac);
  if (sodium_memcmp (mac, sig, sizeof mac) != 0)
    return FALSE;
  return b64url_decode (dot1 + 1, dot2, buf, cap, out_len);
}

/* What an access token's claims must say: "type", "sub", "sid" (strings,
 * NUL-terminated copies or views) and "exp" (an integer). */
typedef struct
{
  const char *type, *sub, *sid;
  gint64 exp;
  gboolean has_exp;
} AccessClaims;

typedef enum { SCAN_OK, SCAN_BAD, SCAN_TREE } ScanResult;

/* The claims of a signed token, scanned in place in @buf (@len bytes, with
 * room for one more) without building a tree: stop 20's profile had the
 * json-glib tree at ~30k instructions of a ~770k request.  The grammar is the
 * flat object Balanza issues (libjwt: one level of string, integer, true,
 * false and null members, ASCII).  Anything else (a nested value, a
 * non-ASCII byte, an escape, a claim given twice, a fraction) is
 * SCAN_TREE: the caller reads those with bz_json_parse() as before, so the
 * scanner decides nothing a tree would decide differently.  SCAN_BAD: not
 * JSON at all.  Only on SCAN_OK is @buf changed: the closing quotes of
 * "type", "sub" and "sid" become their NULs. */
static ScanResult
scan_claims (char *buf, gsize len, AccessClaims *out)
{
  char *p = buf, *end = buf + len;
  char *quotes[3] = { NULL, NULL, NULL };   /* closing quotes of type, sub, sid */
  guint n_quotes = 0, n_members = 0;

  memset (out, 0, sizeof *out);
#define WS() while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++
  WS ();
  if (p == end || *p++ != '{')
    return SCAN_BAD;
  WS ();
  if (p < end && *p == '}')
    p++;
  else
    for (;;)
      {
        const char *key, **slot = NULL;
        gsize key_len;

        /* The tree's limits (bz_json_limits_token) are the tree's to apply. */
        if (++n_members > bz_json_limits_token.max_items)
          return SCAN_TREE;
        if (p == end || *p++ != '"')
          return SCAN_BAD;
        key = p;
        while (p < end && *p != '"')
          {
            if (*p == '\\' || (guchar) *p >= 0x80)
              return SCAN_TREE;
            if ((guchar) *p < 0x20)
              return SCAN_BAD;
            p++;
          }
        if (p == end)
          return SCAN_BAD;
        if ((gsize) (p - key) > bz_json_limits_token.max_string)
          return SCAN_TREE;
        key_len = p++ - key;
        WS ();
        if (p == end || *p++ != ':')
          return SCAN_BAD;
        WS ();
        if (p == end)
          return SCAN_BAD;
#define KEY_IS(lit) (key_len == sizeof lit - 1 && memcmp (key, lit, key_len) == 0)
        if (KEY_IS ("type"))
          slot = &out->type;
        else if (KEY_IS ("sub"))
          slot = &out->sub;
        else if (KEY_IS ("sid"))
          slot = &out->sid;
        if (*p == '"')
          {
            char *v = ++p;
            while (p < end && *p != '"')
              {
                if (*p == '\\' || (guchar) *p >= 0x80)
                  return SCAN_TREE;
                if ((guchar) *p < 0x20)
                  return SCAN_BAD;
                p++;
              }
            if (p == end)
              return SCAN_BAD;
            if ((slot && *slot) || (gsize) (p - v) > bz_json_limits_token.max_string)
              return SCAN_TREE;
            if (slot)
              {
                *slot = v;
                quotes[n_quotes++] = p;
              }
            else if (KEY_IS ("exp"))
              return SCAN_TREE;   /* a string "exp": the tree refuses it */
            p++;
          }
        else if (*p == '-' || g_ascii_isdigit (*p))
          {
            gboolean negative = *p == '-';
            guint64 u = 0;
            guint digits = 0;
            if (negative)
              p++;
            for (; p < end && g_ascii_isdigit (*p); p++, digits++)
              {
                if (u > (G_MAXINT64 - 9) / 10)
                  return SCAN_TREE;
                u = u * 10 + (guint64) (*p - '0');
              }
            if (digits == 0 || (p < end && (*p == '.' || *p == 'e' || *p == 'E')) ||
                (digits > 1 && p[-(gssize) digits] == '0'))
              return SCAN_TREE;
            if (slot)
              return SCAN_TREE;   /* a number where a string is due */
            if (KEY_IS ("exp"))
              {
                if (out->has_exp)
                  return SCAN_TREE;
                out->exp = negative ? -(gint64) u : (gint64) u;
                out->has_exp = TRUE;
              }
          }
        else if ((gsize) (end - p) >= 4 && (memcmp (p, "true", 4) == 0 || memcmp (p, "null", 4) == 0))
          {
            p += 4;
            if (slot || KEY_IS ("exp"))
              return SCAN_TREE;
          }
        else if ((gsize) (end - p) >= 5 && memcmp (p, "false", 5) == 0)
          {
            p += 5;
            if (slot || KEY_IS ("exp"))
              return SCAN_TREE;
          }
        else if (*p == '{' || *p == '[')
          return SCAN_TREE;
        else
          return SCAN_BAD;
#undef KEY_IS
        WS ();
        if (p == end)
          return SCAN_BAD;
        if (*p == '}')
          {
            p++;
            break;
          }
        if (*p++ != ',')
          return SCAN_BAD;
        WS ();
      }
  WS ();
#undef WS
  if (p != end)
    return SCAN_BAD;
  for (guint i = 0; i < n_quotes; i++)
    *quotes[i] = '\0';
  return SCAN_OK;
}

static const char *
claim_string (JsonObject *claims, const char *name)
{
  JsonNode *n = json_object_get_member (claims, name);
  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
         ? json_node_get_string (n) : NULL;
}

/* The same claims from a json-glib tree (bz_json_parse(), the token limits):
 * for what scan_claims() leaves to it.  Strings point into @tree. */
static gboolean
tree_claims (const char *buf, gsize len, JsonNode **tree, AccessClaims *out)
{
  JsonObject *claims;
  JsonNode *exp;

  memset (out, 0, sizeof *out);
  *tree = bz_json_parse (buf, len, &bz_json_limits_token, NULL, NULL);
  if (!*tree || !JSON_NODE_HOLDS_OBJECT (*tree))
    return FALSE;
  claims = json_node_get_object (*tree);
  out->type = claim_string (claims, "type");
  out->sub = claim_string (claims, "sub");
  out->sid = claim_string (claims, "sid");
  exp = json_object_get_member (claims, "exp");
  if (exp && JSON_NODE_HOLDS_VALUE (exp) && json_node_get_value_type (exp) == G_TYPE_INT64)
    {
      out->exp = json_node_get_int (exp);
      out->has_exp = TRUE;
    }
  return TRUE;
}

BzCaller *
bz_auth_verify_access_token (BzServices *svc, const char *token, GError **error)
{
  char buf[MAX_TOKEN_LEN + 1];
  gsize len = 0;
  g_autoptr(JsonNode) tree = NULL;
  g_autoptr(GError) local = NULL;
  AccessClaims c;
  ScanResult scan;
  BzCaller *caller;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);

  if (token == NULL || *token == '\0' || strlen (token) > MAX_TOKEN_LEN)
    goto bad;
  bz_auth_ensure_sodium ();
  if (!hs256_verify (svc, token, (guint8 *) buf, MAX_TOKEN_LEN, &len))
    goto bad;
  scan = scan_claims (buf, len, &c);   /* leaves @buf as it was unless SCAN_OK */
  if (scan == SCAN_BAD || (scan == SCAN_TREE && !tree_claims (buf, len, &tree, &c)))
    goto bad;
  if (g_strcmp0 (c.type, "access") != 0)
    goto bad;
  if (!c.has_exp || c.exp <= bz_auth_now_unix ())
    goto bad;
  if (c.sub == NULL || *c.sub == '\0' || c.sid == NULL || *c.sid == '\0')
    goto bad;

  caller = active_caller (bz_services_get_store (svc), c.sub, c.sid, &local);
  if (caller)
    {
      caller->session_id = g_strdup (c.sid);
      caller->expires_at = c.exp;
      return caller;
    }
  if (local->code != BZ_ERROR_UNAUTHENTICATED)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }

bad:
  bz_auth_set_unauthenticated (error, BZ_AUTH_BAD_ACCESS);
  return NULL;
}
