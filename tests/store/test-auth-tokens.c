/* test-auth-tokens.c — access-token verification (tampering, foreign keys,
 * alg "none"/HS512, expiry), refresh rotation with reuse detection, sign-out,
 * and creating users inside a caller's transaction; against a real store
 * (auth-fixture.c).
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "auth-fixture.h"

static void
test_access_token_attacks (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) login = carlos_login (f);
  const char *token = member (login, "access_token");
  const char *id = user_member (login, "id");
  g_autoptr(GError) error = NULL;
  g_autofree char *t = NULL;
  char *sig;

  /* Crafted tokens belong to carlos's sign-in (its "sid"). */
  {
    gsize key_len;
    const guint8 *key = g_bytes_get_data (bz_store_get_secret (f->store), &key_len);
    jwt_t *real = NULL;
    g_assert_cmpint (jwt_decode (&real, token, key, (int) key_len), ==, 0);
    f->sid = g_strdup (jwt_get_grant (real, "sid"));
    g_assert_nonnull (f->sid);
    jwt_free (real);
  }

  /* Control: a well-formed token crafted with the store secret verifies,
   * and the role comes from the database, not from the token. */
  {
    g_autofree char *good = craft_token (f, JWT_ALG_HS256, KEY_STORE, id, "access", now_s () + 600);
    g_autoptr(BzCaller) c = bz_auth_verify_access_token (f->svc, good, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (c->user_id, ==, id);
    g_assert_cmpint (c->role, ==, BZ_ROLE_PATIENT);
    g_assert_cmpstr (c->email, ==, "carlos@example.com");
  }
  /* Without a sign-in ("sid"), or with one that is not a live session of
   * this user, a correctly signed token is refused. */
  {
    g_autofree char *saved = g_steal_pointer (&f->sid);
    g_autofree char *nosid = craft_token (f, JWT_ALG_HS256, KEY_STORE, id, "access", now_s () + 600);
    g_autofree char *other = NULL;
    g_assert_null (bz_auth_verify_access_token (f->svc, nosid, &error));
    g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
    g_clear_error (&error);
    f->sid = g_uuid_string_random ();
    other = craft_token (f, JWT_ALG_HS256, KEY_STORE, id, "access", now_s () + 600);
    g_assert_null (bz_auth_verify_access_token (f->svc, other, &error));
    g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
    g_clear_error (&error);
    g_free (f->sid);
    f->sid = g_steal_pointer (&saved);
  }

  /* Flip one character in the middle of the signature, and the last one. */
  t = g_strdup (token);
  sig = strrchr (t, '.') + 1;
  sig[10] = sig[10] == 'A' ? 'B' : 'A';
  assert_access_rejected (f, t);
  g_free (t);
  t = g_strdup (token);
  sig = strrchr (t, '.') + 1;
  /* The last of 43 base64url characters carries 4 bits of the HMAC and 2
   * padding bits that a decoder may ignore: 'A' -> 'B' would flip only a
   * padding bit (and the token still verify), 'A' -> 'Q' flips a real one. */
  sig[strlen (sig) - 1] = sig[strlen (sig) - 1] == 'A' ? 'Q' : 'A';
  assert_access_rejected (f, t);
  g_free (t);
  /* Tamper with the payload instead. */
  t = g_strdup (token);
  {
    char *p = strchr (t, '.') + 5;
    *p = *p == 'x' ? 'y' : 'x';
  }
  assert_access_rejected (f, t);
  g_clear_pointer (&t, g_free);

  t = craft_token (f, JWT_ALG_HS256, KEY_OTHER, id, "access", now_s () + 600);
  assert_access_rejected (f, t);
  g_clear_pointer (&t, g_free);

  t = craft_token (f, JWT_ALG_NONE, KEY_STORE, id, "access", now_s () + 600);
  g_assert_true (g_str_has_suffix (t, "."));
  assert_access_rejected (f, t);
  g_clear_pointer (&t, g_free);

  t = craft_token (f, JWT_ALG_HS512, KEY_STORE, id, "access", now_s () + 600);
  assert_access_rejected (f, t);
  g_clear_pointer (&t, g_free);

  t = craft_token (f, JWT_ALG_HS256, KEY_STORE, id, "access", now_s () - 10);
  assert_access_rejected (f, t);
  g_clear_pointer (&t, g_free);

  t = craft_token (f, JWT_ALG_HS256, KEY_STORE, id, "refresh", now_s () + 600);
  assert_access_rejected (f, t);
  g_clear_pointer (&t, g_free);

  t = craft_token (f, JWT_ALG_HS256, KEY_STORE, "no-such-user", "access", now_s () + 600);
  assert_access_rejected (f, t);
  g_clear_pointer (&t, g_free);

  assert_access_rejected (f, "");
  assert_access_rejected (f, NULL);
  assert_access_rejected (f, "abc");
  assert_access_rejected (f, "a.b.c");
  assert_access_rejected (f, "a.b.c.d");
  assert_access_rejected (f, member (login, "refresh_token"));
}

/* A token signed with the store secret whose claims are @claims_json,
 * written as they are (libjwt would add its own header only). */
static char *
sign_claims (Fixture *f, const char *claims_json)
{
  gsize key_len;
  const guint8 *key = g_bytes_get_data (bz_store_get_secret (f->store), &key_len);
  g_autofree char *payload = g_base64_encode ((const guchar *) claims_json, strlen (claims_json));
  g_autofree char *signing = NULL;
  guint8 mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  g_autofree char *sig = NULL;

  /* base64url without padding (RFC 7515 §2) */
  for (char *c = payload; *c; c++)
    *c = *c == '+' ? '-' : *c == '/' ? '_' : *c;
  g_strdelimit (payload, "=", '\0');
  signing = g_strconcat ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.", payload, NULL);
  crypto_auth_hmacsha256_init (&st, key, key_len);
  crypto_auth_hmacsha256_update (&st, (const guint8 *) signing, strlen (signing));
  crypto_auth_hmacsha256_final (&st, mac);
  sig = g_base64_encode (mac, sizeof mac);
  for (char *c = sig; *c; c++)
    *c = *c == '+' ? '-' : *c == '/' ? '_' : *c;
  g_strdelimit (sig, "=", '\0');
  return g_strconcat (signing, ".", sig, NULL);
}

/* The claims are read by a scanner for the flat ASCII object Balanza issues,
 * and by the json-glib tree for anything else: both must agree on what a
 * correctly signed token says (stop 20). */
static void
test_access_token_claims (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) login = carlos_login (f);
  const char *token = member (login, "access_token");
  const char *id = user_member (login, "id");
  gint64 exp = now_s () + 600;
  struct { const char *extra; gboolean ok; } cases[] = {
    { "", TRUE },                                          /* the scanner's path */
    { ",\"email\":\"ni\\u00f1o@example.com\"", TRUE },     /* an escape: the tree's */
    { ",\"email\":\"ni\xc3\xb1o@example.com\"", TRUE },     /* non-ASCII: the tree's */
    { ",\"x\":{\"a\":1}", TRUE },                          /* nested: the tree's */
    { ",\"x\":{\"a\":[1]}", FALSE },                       /* deeper than the token limits */
    { ",\"iat\":1.5e9,\"ok\":true,\"no\":false,\"z\":null", TRUE },
    { ",\"exp\":\"soon\"", FALSE },                        /* a string exp */
    { ",\"exp\":1.5", FALSE },
    { ",\"sub\":7", FALSE },
    { ",\"type\":\"refresh\"", FALSE },                    /* given twice: the last wins */
    { ",\"sid\":\"\"", FALSE },
    { ",", FALSE },                                        /* not JSON */
    { ",\"a\":tru", FALSE },
    { ",\"a\":\"\x01\"", FALSE },
    { "}", FALSE },
  };
  g_autoptr(GString) many = g_string_new (NULL);
  g_autofree char *long_email = NULL;
  g_autofree char *sid = NULL;

  {
    gsize key_len;
    const guint8 *key = g_bytes_get_data (bz_store_get_secret (f->store), &key_len);
    jwt_t *real = NULL;
    g_assert_cmpint (jwt_decode (&real, token, key, (int) key_len), ==, 0);
    sid = g_strdup (jwt_get_grant (real, "sid"));
    jwt_free (real);
  }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"sub\":\"%s\",\"type\":\"access\",\"exp\":%" G_GINT64_FORMAT
                                               ",\"sid\":\"%s\"%s}", id, exp, sid, cases[i].extra);
      g_autofree char *t = sign_claims (f, json);
      g_autoptr(GError) error = NULL;
      g_autoptr(BzCaller) c = bz_auth_verify_access_token (f->svc, t, &error);
      g_test_message ("claims %s", json);
      if (cases[i].ok)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (c->user_id, ==, id);
          g_assert_cmpstr (c->session_id, ==, sid);
          g_assert_cmpint (c->expires_at, ==, exp);
        }
      else
        {
          g_assert_null (c);
          g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
        }
    }
  /* Beyond the token limits (bz_json_limits_token): 33 members, or a
   * string of more than 1,024 bytes, are refused as the tree refuses them. */
  for (guint i = 0; i < 29; i++)
    g_string_append_printf (many, ",\"c%u\":%u", i, i);
  long_email = g_strnfill (1025, 'e');
  for (guint k = 0; k < 3; k++)
    {
      g_autofree char *json = g_strdup_printf ("{\"sub\":\"%s\",\"type\":\"access\",\"exp\":%" G_GINT64_FORMAT
                                               ",\"sid\":\"%s\"%s%s%s%s}", id, exp, sid,
                                               k == 0 ? many->str : "",
                                               k == 1 ? ",\"email\":\"" : "", k == 1 ? long_email : "",
                                               k == 1 ? "\"" : (k == 2 ? ",\"c\":1" : ""));
      g_autofree char *t = sign_claims (f, json);
      g_autoptr(GError) error = NULL;
      g_autoptr(BzCaller) c = bz_auth_verify_access_token (f->svc, t, &error);
      if (k < 2)   /* 4 + 29 = 33 members; a 1,025-byte string */
        {
          g_assert_null (c);
          g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
        }
      else          /* 5 members: control */
        g_assert_no_error (error);
    }
  /* With spaces and the members in another order. */
  {
    g_autofree char *json = g_strdup_printf (" { \"sid\" : \"%s\" , \"exp\" : %" G_GINT64_FORMAT " , \"type\" : \"access\" ,"
                                             " \"sub\" : \"%s\" } ", sid, exp, id);
    g_autofree char *t = sign_claims (f, json);
    g_autoptr(GError) error = NULL;
    g_autoptr(BzCaller) c = bz_auth_verify_access_token (f->svc, t, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (c->user_id, ==, id);
  }
}

/* base64url without padding (RFC 7515 §2) of @len bytes of @data. */
static char *
b64url (const void *data, gsize len)
{
  char *s = g_base64_encode (data, len);

  for (char *c = s; *c; c++)
    *c = *c == '+' ? '-' : *c == '/' ? '_' : *c;
  g_strdelimit (s, "=", '\0');
  return s;
}

/* "@signing_input.SIGNATURE": HMAC-SHA-256 with @store's secret, computed
 * in one call (crypto_auth_hmacsha256), whatever @signing_input holds. */
static char *
sign_raw (BzStore *store, const char *signing_input)
{
  gsize key_len;
  const guint8 *key = g_bytes_get_data (bz_store_get_secret (store), &key_len);
  guint8 mac[crypto_auth_hmacsha256_BYTES];
  g_autofree char *sig = NULL;

  g_assert_cmpuint (key_len, ==, crypto_auth_hmacsha256_KEYBYTES);
  crypto_auth_hmacsha256 (mac, (const guint8 *) signing_input, strlen (signing_input), key);
  sig = b64url (mac, sizeof mac);
  return g_strconcat (signing_input, ".", sig, NULL);
}

#define ISSUED_HEADER "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"

/* The "sid" of a signed-in user's access token. */
static char *
token_sid (Fixture *f, const char *token)
{
  gsize key_len;
  const guint8 *key = g_bytes_get_data (bz_store_get_secret (f->store), &key_len);
  jwt_t *real = NULL;
  char *sid;

  g_assert_cmpint (jwt_decode (&real, token, key, (int) key_len), ==, 0);
  sid = g_strdup (jwt_get_grant (real, "sid"));
  jwt_free (real);
  return sid;
}

/* Verification keeps the HMAC's key pads precomputed per signing key: for
 * two stores (two random keys) used in turn and claims of many lengths
 * (across SHA-256's 64-byte blocks), a token signed with
 * crypto_auth_hmacsha256() verifies with its store's key only. */
static void
test_access_token_hmac_keys (Fixture *f, gconstpointer data)
{
  Fixture other = { 0 };
  Fixture *fx[2] = { f, &other };
  g_autoptr(JsonNode) login0 = NULL, login1 = NULL;
  const char *ids[2];
  g_autofree char *sid0 = NULL, *sid1 = NULL;
  const char *sids[2];
  gint64 exp = now_s () + 600;

  fixture_setup (&other, NULL);
  login0 = carlos_login (f);
  login1 = carlos_login (&other);
  ids[0] = user_member (login0, "id");
  ids[1] = user_member (login1, "id");
  sids[0] = sid0 = token_sid (f, member (login0, "access_token"));
  sids[1] = sid1 = token_sid (&other, member (login1, "access_token"));
  g_assert_false (g_bytes_equal (bz_store_get_secret (f->store), bz_store_get_secret (other.store)));

  for (guint i = 0; i < 96; i++)
    {
      guint k = g_test_rand_int_range (0, 2);
      g_autofree char *pad = g_strnfill (g_test_rand_int_range (0, 160), 'p');
      g_autofree char *json = g_strdup_printf ("{\"sub\":\"%s\",\"type\":\"access\",\"exp\":%" G_GINT64_FORMAT
                                               ",\"sid\":\"%s\",\"x\":\"%s\"}", ids[k], exp, sids[k], pad);
      g_autofree char *payload = b64url (json, strlen (json));
      g_autofree char *input = g_strconcat (ISSUED_HEADER ".", payload, NULL);
      g_autofree char *t = sign_raw (fx[k]->store, input);
      g_autoptr(GError) error = NULL;
      g_autoptr(BzCaller) c = bz_auth_verify_access_token (fx[k]->svc, t, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (c->user_id, ==, ids[k]);
      assert_access_rejected (fx[1 - k], t);
    }
  fixture_teardown (&other, NULL);
}

/* The segments are strict base64url (RFC 7515 §2): correctly signed tokens
 * whose segments carry padding, characters of other alphabets, white space
 * or a 4k+1 length are refused, whatever a lenient decoder would make of
 * them; every valid length decodes. */
static void
test_access_token_base64url (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) login = carlos_login (f);
  const char *id = user_member (login, "id");
  g_autofree char *sid = token_sid (f, member (login, "access_token"));
  g_autofree char *header = b64url ("{\"typ\":\"JWT\",\"alg\":\"HS256\"}", 27);
  static const char *const bad[] = { "=", "+", "/", " ", "\n", "\t", ".", "*", "\x80", "\xff" };
  gint64 exp = now_s () + 600;

  for (guint pad = 0; pad < 4; pad++)
    {
      g_autofree char *json = g_strdup_printf ("{\"sub\":\"%s\",\"type\":\"access\",\"exp\":%" G_GINT64_FORMAT
                                               ",\"sid\":\"%s\",\"x\":\"%.*s\"}", id, exp, sid, (int) pad, "ppp");
      g_autofree char *payload = b64url (json, strlen (json));
      g_autofree char *input = g_strconcat (ISSUED_HEADER ".", payload, NULL);
      g_autofree char *t = sign_raw (f->store, input);
      g_autofree char *input2 = g_strconcat (header, ".", payload, NULL);
      g_autofree char *t2 = sign_raw (f->store, input2);
      gsize n = strlen (payload);

      g_test_message ("payload of %" G_GSIZE_FORMAT " characters", n);
      /* Controls: the issued header, and another one (decoded and parsed). */
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(BzCaller) c = bz_auth_verify_access_token (f->svc, t, &error);
        g_autoptr(BzCaller) c2 = NULL;
        g_assert_no_error (error);
        g_assert_cmpstr (c->user_id, ==, id);
        c2 = bz_auth_verify_access_token (f->svc, t2, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (c2->user_id, ==, id);
      }
      /* Four bad characters (the length stays valid) in the payload or
       * the header, each signed. */
      for (guint b = 0; b < G_N_ELEMENTS (bad); b++)
        {
          g_autofree char *four = g_strnfill (4, bad[b][0]);
          g_autofree char *p = g_strdup_printf ("%.4s%s%s", payload, four, payload + 4);
          g_autofree char *h = g_strdup_printf ("%.4s%s%s", header, four, header + 4);
          g_autofree char *in_p = g_strconcat (ISSUED_HEADER ".", p, NULL);
          g_autofree char *in_h = g_strconcat (h, ".", payload, NULL);
          g_autofree char *tp = NULL, *th = NULL;

          if (bad[b][0] == '.')   /* a dot makes another segment: refused anyway */
            continue;
          tp = sign_raw (f->store, in_p);
          th = sign_raw (f->store, in_h);
          assert_access_rejected (f, tp);
          assert_access_rejected (f, th);
        }
      /* Padding up to a multiple of 4, and one character more (4k+1). */
      {
        g_autofree char *padded = g_strdup_printf ("%s%.*s", payload, (int) ((4 - n % 4) % 4), "===");
        g_autofree char *in_pad = g_strconcat (ISSUED_HEADER ".", padded, NULL);
        g_autofree char *t_pad = sign_raw (f->store, in_pad);
        g_autofree char *longer = g_strdup_printf ("%s%.*s", payload, (int) ((5 - n % 4) % 4), "AAA");
        g_autofree char *in_long = g_strconcat (ISSUED_HEADER ".", longer, NULL);
        g_autofree char *t_long = sign_raw (f->store, in_long);

        g_assert_cmpuint (strlen (longer) % 4, ==, 1);
        if (n % 4 != 0)
          assert_access_rejected (f, t_pad);
        assert_access_rejected (f, t_long);
      }
      /* The signature padded ('='), or with a '+' of the other alphabet. */
      {
        g_autofree char *t_eq = g_strconcat (t, "=", NULL);
        g_autofree char *t_plus = g_strdup (t);
        t_plus[strlen (t_plus) - 5] = '+';
        assert_access_rejected (f, t_eq);
        assert_access_rejected (f, t_plus);
      }
    }
  /* An empty payload decodes to nothing: not JSON. */
  {
    g_autofree char *t = sign_raw (f->store, ISSUED_HEADER ".");
    assert_access_rejected (f, t);
  }
}

/* --- refresh and sign-out ------------------------------------------------------- */

static JsonNode *
refresh_ok (Fixture *f, const char *token)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = refresh_json (f->svc, token, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static void
assert_refresh_fails (Fixture *f, const char *token)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = refresh_json (f->svc, token, &error);
  g_assert_null (node);
  g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
}

static void
test_refresh_rotation_and_reuse (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) login = carlos_login (f);
  g_autoptr(JsonNode) other = NULL;
  g_autoptr(JsonNode) r1 = NULL;
  g_autoptr(JsonNode) r2 = NULL;
  g_autoptr(JsonNode) r3 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzCaller) caller = NULL;
  g_autofree char *old_hash = NULL;
  g_autofree char *replaced_by = NULL;
  g_autofree char *new_id = NULL;

  other = login_json (f->svc, "carlos@example.com", PASSWORD, "198.51.100.9", &error);
  g_assert_no_error (error);

  r1 = refresh_ok (f, member (login, "refresh_token"));
  g_assert_cmpstr (member (r1, "token_type"), ==, "Bearer");
  g_assert_cmpstr (member (r1, "refresh_token"), !=, member (login, "refresh_token"));
  g_assert_false (json_object_has_member (json_node_get_object (r1), "user"));
  caller = bz_auth_verify_access_token (f->svc, member (r1, "access_token"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (caller->user_id, ==, user_member (login, "id"));

  /* The old row is revoked and points to its successor in the same family. */
  old_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, member (login, "refresh_token"), -1);
  replaced_by = query_text (f, "SELECT replaced_by FROM refresh_tokens WHERE token_hash = ? AND revoked = 1", old_hash);
  g_assert_nonnull (replaced_by);
  {
    g_autofree char *h = g_compute_checksum_for_string (G_CHECKSUM_SHA256, member (r1, "refresh_token"), -1);
    new_id = query_text (f, "SELECT id FROM refresh_tokens WHERE token_hash = ? AND revoked = 0", h);
  }
  g_assert_cmpstr (replaced_by, ==, new_id);
  g_assert_cmpint (count_rows (f, "SELECT count(DISTINCT family_id) FROM refresh_tokens"), ==, 3);

  r2 = refresh_ok (f, member (r1, "refresh_token"));

  /* Reuse of a rotated token: refused, and the whole family is revoked, so
   * the newest token of the family fails too. */
  assert_refresh_fails (f, member (login, "refresh_token"));
  assert_refresh_fails (f, member (r2, "refresh_token"));
  {
    g_autofree char *family = query_text (f, "SELECT family_id FROM refresh_tokens WHERE token_hash = ?", old_hash);
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM refresh_tokens WHERE family_id = '%s'"
                                            " AND revoked = 0", family);
    g_assert_cmpint (count_rows (f, sql), ==, 0);
    g_clear_pointer (&sql, g_free);
    sql = g_strdup_printf ("SELECT count(*) FROM refresh_tokens WHERE family_id = '%s'", family);
    g_assert_cmpint (count_rows (f, sql), ==, 3);
  }

  /* The other session (another family) is untouched. */
  r3 = refresh_ok (f, member (other, "refresh_token"));

  /* Bad input. */
  g_assert_null (refresh_json (f->svc, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
  g_clear_error (&error);
  assert_refresh_fails (f, "not-a-token");
  assert_refresh_fails (f, member (login, "access_token"));
  assert_refresh_fails (f, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
}

static void
test_refresh_expired (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) login = carlos_login (f);

  exec_sql (f, "UPDATE refresh_tokens SET expires_at = '2000-01-01T00:00:00Z'");
  assert_refresh_fails (f, member (login, "refresh_token"));
}

static void
test_logout (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) login = carlos_login (f);
  g_autoptr(JsonNode) other = NULL;
  g_autoptr(JsonNode) r1 = NULL;
  g_autoptr(JsonNode) r2 = NULL;
  g_autoptr(GError) error = NULL;

  other = login_json (f->svc, "carlos@example.com", PASSWORD, "198.51.100.9", &error);
  g_assert_no_error (error);
  r1 = refresh_ok (f, member (login, "refresh_token"));

  g_assert_true (bz_auth_logout (f->svc, member (r1, "refresh_token"), &error));
  g_assert_no_error (error);
  assert_refresh_fails (f, member (r1, "refresh_token"));
  g_assert_false (bz_auth_logout (f->svc, member (r1, "refresh_token"), &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
  g_clear_error (&error);
  g_assert_false (bz_auth_logout (f->svc, "", &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (bz_auth_logout (f->svc, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
  g_clear_error (&error);

  /* Only that session ended. */
  r2 = refresh_ok (f, member (other, "refresh_token"));
}

/* --- low-level creation ------------------------------------------------------- */

static void
test_create_user_in_transaction (Fixture *f, gconstpointer data)
{
  sqlite3 *db = bz_store_db (f->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id2 = NULL;
  g_autoptr(JsonObject) extra = json_object_new ();

  /* Inside the caller's transaction: rolled back with it. */
  g_assert_true (bz_db_begin (db, &error));
  id = bz_auth_create_user (f->svc, "Demo@Example.com", PASSWORD, "Demo", "Patient",
                            BZ_ROLE_PATIENT, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_false (sqlite3_get_autocommit (db));  /* still the caller's transaction */
  /* A failing call inside the transaction leaves the transaction usable. */
  g_assert_null (bz_auth_create_user (f->svc, "demo@example.com", PASSWORD, "Demo", "Patient",
                                      BZ_ROLE_PATIENT, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (sqlite3_get_autocommit (db));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM users"), ==, 1);
  bz_db_rollback (db);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM users"), ==, 0);

  /* Committed with the caller's transaction, nutritionist row included. */
  g_assert_true (bz_db_begin (db, &error));
  json_object_set_string_member (extra, "clinic_name", "Clínica Centro");
  id2 = bz_auth_create_user (f->svc, "doc@example.com", PASSWORD, "Doc", "Tor",
                             BZ_ROLE_NUTRITIONIST, extra, &error);
  g_assert_no_error (error);
  g_assert_true (bz_db_commit (db, &error));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM nutritionists"), ==, 1);

  /* Outside any transaction it works too (its own transaction). */
  g_clear_pointer (&id, g_free);
  id = bz_auth_create_user (f->svc, "admin@example.com", PASSWORD, "Ad", "Min",
                            BZ_ROLE_ADMIN, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sqlite3_get_autocommit (db));

  /* Password rules apply here too. */
  g_assert_null (bz_auth_create_user (f->svc, "weak@example.com", "weak", "W", "K",
                                      BZ_ROLE_PATIENT, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
  g_assert_true (has_detail (error, "password", "too_short"));
  g_clear_error (&error);

  g_assert_null (bz_auth_get_user (f->svc, "missing", &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM users"), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  TEST ("token/attacks", test_access_token_attacks);
  TEST ("token/claims", test_access_token_claims);
  TEST ("token/hmac-keys", test_access_token_hmac_keys);
  TEST ("token/base64url", test_access_token_base64url);
  TEST ("refresh/rotation-and-reuse", test_refresh_rotation_and_reuse);
  TEST ("refresh/expired", test_refresh_expired);
  TEST ("logout", test_logout);
  TEST ("create-user/transaction", test_create_user_in_transaction);
  return g_test_run ();
}
