/* bz-auth-service.c — registration, sign-in and user creation.
 *
 * See bz-auth-service.h for the contract.  Tokens (issue, refresh, sign-out,
 * verification) live in bz-auth-tokens.c, field validation in
 * bz-auth-validate.c.
 *
 * Security notes:
 *  - Wrong email and wrong password answer the same UNAUTHENTICATED message,
 *    and an unknown email is still verified against a dummy argon2id hash
 *    of the same cost, so response time does not reveal which emails exist.
 *  - Argon2id runs outside any database transaction (it takes ~0.1 s and
 *    64 MiB), so it never holds the SQLite write lock.
 *  - Login attempts are limited per client address (seed 002 §7.4.2: 5 per
 *    minute); every attempt counts, successful or not.  GUI sign-ins share
 *    one key, "(local)".
 *  - Everything that writes runs in one transaction and logs its changes;
 *    on error the database is left as it was.
 */
#include "bz-auth-service.h"
#include "bz-auth-service-private.h"
#include "bz-auth-internal.h"
#include "bz-consent-service.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <sodium.h>

#include "bz-rate-limiter.h"
#include "bz-service-task-private.h"
#include "bz-store.h"
#include "bz-user-repo.h"

#define LOCAL_CLIENT_KEY  "(local)"   /* rate-limit key of GUI sign-ins */
#define USERNAME_BASE_MAX 40          /* users.username is 50 in seed 002; room for "_NNNN" */

/* --- Library setup, login limiter, dummy hash ------------------------------ */

void
bz_auth_ensure_sodium (void)
{
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      if (sodium_init () < 0)
        g_error ("libsodium failed to initialize");
      g_once_init_leave (&once, 1);
    }
}

/* The three limiters of sign-in and registration (limits: bz-limits.h). */
enum { LIMIT_LOGIN_ADDRESS, LIMIT_LOGIN_ACCOUNT, LIMIT_REGISTER_ADDRESS, LIMIT_RESET_ADDRESS, N_LIMITERS };

static BzRateLimiter *
limiter (guint which)
{
  static BzRateLimiter *limiters[N_LIMITERS];
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      gint64 minute = 60 * (gint64) G_USEC_PER_SEC;
      limiters[LIMIT_LOGIN_ADDRESS] = bz_rate_limiter_new (BZ_LOGIN_ATTEMPTS_PER_MINUTE, minute);
      limiters[LIMIT_LOGIN_ACCOUNT] = bz_rate_limiter_new (BZ_LOGIN_FAILURES_PER_ACCOUNT_PER_MINUTE, minute);
      limiters[LIMIT_REGISTER_ADDRESS] = bz_rate_limiter_new (BZ_REGISTRATIONS_PER_MINUTE, minute);
      limiters[LIMIT_RESET_ADDRESS] = bz_rate_limiter_new (BZ_PASSWORD_RESET_REQUESTS_PER_MINUTE, minute);
      g_once_init_leave (&once, 1);
    }
  return limiters[which];
}

void
bz_auth_reset_rate_limits (void)
{
  for (guint i = 0; i < N_LIMITERS; i++)
    bz_rate_limiter_reset (limiter (i));
}

/* A hash of a random password, with the same parameters as real hashes. */
static const char *
dummy_hash (void)
{
  static char hash[crypto_pwhash_STRBYTES];
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      guint8 raw[16];
      char pw[2 * sizeof raw + 1];
      bz_auth_ensure_sodium ();
      randombytes_buf (raw, sizeof raw);
      sodium_bin2hex (pw, sizeof pw, raw, sizeof raw);
      if (crypto_pwhash_str (hash, pw, strlen (pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        hash[0] = '\0'; /* out of memory: verify fails fast, still the same answer */
      g_once_init_leave (&once, 1);
    }
  return hash;
}

/* The limiter key of a client address: "ip:port" and "[v6]:port" lose the
 * port, IPv4-mapped IPv6 becomes IPv4, and the address is canonicalized, so
 * one client cannot spread its attempts over several spellings.  IPv6 is
 * keyed per address, not per /64: on the clinic's LAN every phone shares the
 * same /64. */
static char *
login_rate_key (const char *client_address)
{
  g_autofree char *host = NULL;
  g_autoptr(GInetAddress) addr = NULL;
  const char *colon;

  if (client_address == NULL || *client_address == '\0')
    return g_strdup (LOCAL_CLIENT_KEY);

  if (client_address[0] == '[' && strchr (client_address, ']'))
    host = g_strndup (client_address + 1, strchr (client_address, ']') - client_address - 1);
  else if ((colon = strchr (client_address, ':')) && !strchr (colon + 1, ':'))
    host = g_strndup (client_address, colon - client_address);
  else
    host = g_strdup (client_address);

  addr = g_inet_address_new_from_string (host);
  if (addr == NULL)
    return g_strdup (client_address);
  if (g_inet_address_get_family (addr) == G_SOCKET_FAMILY_IPV6)
    {
      static const guint8 mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
      const guint8 *b = g_inet_address_to_bytes (addr);
      if (memcmp (b, mapped, sizeof mapped) == 0)
        return g_strdup_printf ("%u.%u.%u.%u", b[12], b[13], b[14], b[15]);
    }
  return g_inet_address_to_string (addr);
}

static GError *
rate_error (guint retry_after, gboolean sign_in)
{
  GError *local = g_error_new (BZ_ERROR, BZ_ERROR_RATE_LIMITED,
                               sign_in ? ngettext ("Too many sign-in attempts. Try again in %u second.",
                                                   "Too many sign-in attempts. Try again in %u seconds.",
                                                   retry_after)
                                       : ngettext ("Too many registrations from this address. Try again in %u second.",
                                                   "Too many registrations from this address. Try again in %u seconds.",
                                                   retry_after),
                               retry_after);
  bz_error_set_retry_after (local, retry_after);
  return local;
}

/* Sign-in attempts are limited per address, and failures per account: a
 * guesser that rotates addresses still meets the account's limit. */
static gboolean
check_login_rate (const char *client_address, const char *email, GError **error)
{
  g_autofree char *key = login_rate_key (client_address);
  g_autofree char *account = email ? g_utf8_casefold (email, -1) : NULL;
  guint retry_after = 0;
  gint64 now = g_get_monotonic_time ();

  if (bz_rate_limiter_check (limiter (LIMIT_LOGIN_ADDRESS), key, now, &retry_after) &&
      (account == NULL || bz_rate_limiter_peek (limiter (LIMIT_LOGIN_ACCOUNT), account, now, &retry_after)))
    return TRUE;
  g_propagate_error (error, rate_error (retry_after, TRUE));
  return FALSE;
}

static void
note_login_failure (const char *email)
{
  g_autofree char *account = email ? g_utf8_casefold (email, -1) : NULL;
  if (account)
    bz_rate_limiter_check (limiter (LIMIT_LOGIN_ACCOUNT), account, g_get_monotonic_time (), NULL);
}

/* Registrations from one address; in-process callers (the desk) pass NULL. */
static gboolean
check_register_rate (const char *client_address, GError **error)
{
  g_autofree char *key = NULL;
  guint retry_after = 0;

  if (client_address == NULL)
    return TRUE;
  key = login_rate_key (client_address);
  if (bz_rate_limiter_check (limiter (LIMIT_REGISTER_ADDRESS), key, g_get_monotonic_time (), &retry_after))
    return TRUE;
  g_propagate_error (error, rate_error (retry_after, FALSE));
  return FALSE;
}

/* Password-reset requests (forgot and reset) from one address, counted
 * like sign-in attempts: every request, answered or refused. */
gboolean
bz_auth_check_reset_rate (const char *client_address, GError **error)
{
  g_autofree char *key = login_rate_key (client_address);
  guint retry_after = 0;

  if (bz_rate_limiter_check (limiter (LIMIT_RESET_ADDRESS), key, g_get_monotonic_time (), &retry_after))
    return TRUE;
  g_propagate_error (error, rate_error (retry_after, TRUE));
  return FALSE;
}

/* --- Passwords --------------------------------------------------------------- */

char *
bz_auth_password_hash (const char *password, GError **error)
{
  char out[crypto_pwhash_STRBYTES];

  bz_auth_ensure_sodium ();
  if (crypto_pwhash_str (out, password, strlen (password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_INTERNAL, "Password hashing ran out of memory");
      return NULL;
    }
  return g_strdup (out);
}

static gboolean
password_verify (const char *hash, const char *password)
{
  bz_auth_ensure_sodium ();
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

/* The savepoint of bz_auth_create_user() inside a caller's transaction. */
#define AUTH_SAVEPOINT "bz_auth"

/* --- Users ------------------------------------------------------------------- */

/* "Carlos", "Hernández" -> "carlos_hernandez" (ASCII, [a-z0-9_]). */
static char *
username_base (const char *first_name, const char *last_name)
{
  g_autofree char *joined = g_strconcat (first_name, "_", last_name, NULL);
  g_autofree char *ascii = g_str_to_ascii (joined, "C");
  GString *s = g_string_new (NULL);
  gboolean after_sep = TRUE;

  for (const char *p = ascii; *p; p++)
    {
      char c = g_ascii_tolower (*p);
      if (g_ascii_isalnum (c))
        {
          g_string_append_c (s, c);
          after_sep = FALSE;
        }
      else if (!after_sep)
        {
          g_string_append_c (s, '_');
          after_sep = TRUE;
        }
    }
  if (s->len > USERNAME_BASE_MAX)
    g_string_truncate (s, USERNAME_BASE_MAX);
  while (s->len > 0 && s->str[s->len - 1] == '_')
    g_string_truncate (s, s->len - 1);
  if (s->len == 0)
    g_string_append (s, "user");
  return g_string_free (s, FALSE);
}

static char *
unique_username (BzStore *store, const char *first_name, const char *last_name, GError **error)
{
  g_autofree char *base = username_base (first_name, last_name);
  g_autoptr(GHashTable) taken = bz_user_repo_usernames_with_base (store, base, error);

  if (!taken)
    return NULL;
  for (guint n = 1; n <= 10000; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (base) : g_strdup_printf ("%s_%u", base, n);
      if (!g_hash_table_contains (taken, candidate))
        return g_steal_pointer (&candidate);
    }
  /* Ten thousand namesakes: fall back to a random suffix. */
  {
    guint8 raw[4];
    char hex[9];
    randombytes_buf (raw, sizeof raw);
    sodium_bin2hex (hex, sizeof hex, raw, sizeof raw);
    return g_strdup_printf ("%s_%s", base, hex);
  }
}

/* Inserts the user (and its nutritionists row) inside the open transaction. */
static char *
insert_user (BzStore *store, const BzUserFields *f, const char *hash, GError **error)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *now = bz_now_iso8601 ();
  g_autofree char *username = NULL;
  g_autofree char *license = NULL;
  gboolean nutritionist = f->role == BZ_ROLE_NUTRITIONIST;
  GError *conflict = NULL;
  BzUserTaken taken = 0;

  if (!bz_user_repo_find_taken (store, f->email, f->phone, nutritionist ? f->professional_license : NULL,
                                &taken, error))
    return NULL;
  if (taken & BZ_USER_TAKEN_EMAIL)
    {
      conflict = g_error_new_literal (BZ_ERROR, BZ_ERROR_CONFLICT, _("This email is already registered"));
      bz_error_add_detail (conflict, "email", "already_exists", _("This email is already registered"));
    }
  if (taken & BZ_USER_TAKEN_PHONE)
    {
      if (!conflict)
        conflict = g_error_new_literal (BZ_ERROR, BZ_ERROR_CONFLICT, _("This phone number is already registered"));
      bz_error_add_detail (conflict, "phone", "already_exists", _("This phone number is already registered"));
    }
  if (taken & BZ_USER_TAKEN_LICENSE)
    {
      if (!conflict)
        conflict = g_error_new_literal (BZ_ERROR, BZ_ERROR_CONFLICT,
                                        _("This professional license is already registered"));
      bz_error_add_detail (conflict, "professional_license", "already_exists",
                           _("This professional license is already registered"));
    }
  if (conflict)
    {
      g_propagate_error (error, conflict);
      return NULL;
    }

  username = unique_username (store, f->first_name, f->last_name, error);
  if (!username)
    return NULL;
  if (nutritionist)
    license = f->professional_license ? g_strdup (f->professional_license) : g_strdup_printf ("PENDING-%s", id);
  {
    BzUserRecord record = {
      .id = id,
      .email = f->email,
      .username = username,
      .password_hash = hash,
      .first_name = f->first_name,
      .last_name = f->last_name,
      .phone = f->phone,
      .date_of_birth = f->date_of_birth,
      .gender = f->gender,
      .state = f->state,
      .city = f->city,
      .user_type = bz_role_to_string (f->role),
      .professional_license = license,
      .clinic_name = f->clinic_name,
      .created_at = now,
    };
    if (!bz_user_repo_insert (store, &record, error))
      return NULL;
  }
  return g_steal_pointer (&id);
}

char *
bz_auth_create_user (BzServices *svc, const char *email, const char *password,
                     const char *first_name, const char *last_name,
                     BzRole role, JsonObject *extra, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_auto(BzUserFields) f = { 0 };
  g_autofree char *hash = NULL;
  g_autofree char *id = NULL;
  BzStore *store;
  gboolean nested;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);

  bz_user_fields_validate (email, password, first_name, last_name, role, extra, &f, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  hash = bz_auth_password_hash (password, error);
  if (!hash)
    return NULL;

  store = bz_services_get_store (svc);
  if (!bz_store_begin_nested (store, AUTH_SAVEPOINT, &nested, error))
    return NULL;
  id = insert_user (store, &f, hash, error);
  if (!id || !bz_store_commit_nested (store, AUTH_SAVEPOINT, nested, error))
    {
      bz_store_rollback_nested (store, AUTH_SAVEPOINT, nested);
      return NULL;
    }
  if (!nested)
    bz_store_notify (store, "users", id);
  return g_steal_pointer (&id);
}

BzRecord *
bz_auth_get_user (BzServices *svc, const char *user_id, GError **error)
{
  g_autoptr(GError) local = NULL;
  BzRecord *user = bz_user_repo_get (bz_services_get_store (svc), user_id, &local);

  if (user == NULL)
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("User not found"));
    }
  return user;
}

/* --- Sign-in --------------------------------------------------------------- */

/* Checks @email/@password; the same answer for an unknown email and a wrong
 * password, after comparable work. */
static BzCaller *
authenticate (BzServices *svc, const char *email, const char *password, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_autofree char *norm = NULL;
  g_auto(BzUserAccount) account = { 0 };
  gboolean ok;
  BzRole role;

  if (email == NULL || *email == '\0')
    bz_validation_add (&v, "email", "required", _("The email is required"));
  if (password == NULL || *password == '\0')
    bz_validation_add (&v, "password", "required", _("The password is required"));
  if (!bz_validation_finish (&v, error))
    return NULL;
  /* Computed on the first sign-in of the process, whatever the email, so the
   * first unknown email is not slower than a known one. */
  dummy_hash ();

  norm = g_ascii_strdown (email, -1);
  g_strstrip (norm);
  /* The repository releases its statement: no read snapshot is held while hashing. */
  if (!bz_user_repo_find_login (bz_services_get_store (svc), norm, &account, error))
    return NULL;

  ok = password_verify (account.password_hash ? account.password_hash : dummy_hash (), password);
  if (!ok || !account.id || !account.is_active || !bz_role_from_string (account.user_type, &role))
    {
      bz_auth_set_unauthenticated (error, BZ_AUTH_BAD_CREDENTIALS);
      return NULL;
    }
  return bz_caller_new (account.id, role, account.email);
}

BzRecord *
bz_auth_login (BzServices *svc, const char *email, const char *password,
               const char *client_address, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(BzCaller) caller = NULL;
  g_autoptr(BzRecord) result = NULL;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (!check_login_rate (client_address, email, error))
    return NULL;
  caller = authenticate (svc, email, password, error);
  if (!caller)
    {
      note_login_failure (email);
      return NULL;
    }

  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_user_repo_touch_last_login (store, caller->user_id, error) ||
      !(result = bz_auth_session_new (svc, caller, error)) ||
      !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  bz_store_notify (store, "users", caller->user_id);
  return g_steal_pointer (&result);
}

BzCaller *
bz_auth_sign_in (BzServices *svc, const char *email, const char *password, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(BzCaller) caller = NULL;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (!check_login_rate (NULL, email, error))
    return NULL;
  caller = authenticate (svc, email, password, error);
  if (!caller)
    {
      note_login_failure (email);
      return NULL;
    }

  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_user_repo_touch_last_login (store, caller->user_id, error) || !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  bz_store_notify (store, "users", caller->user_id);
  return g_steal_pointer (&caller);
}

/* --- Password change ------------------------------------------------------- */

gboolean
bz_auth_change_password (BzServices *svc, const BzCaller *caller, const char *current_password,
                         const char *new_password, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autofree char *stored = NULL, *hash = NULL;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), FALSE);
  if (current_password == NULL || *current_password == '\0')
    bz_validation_add (&v, "current_password", "required", _("The current password is required"));
  bz_password_check_rules (new_password, "new_password", &v);
  if (current_password && new_password && strcmp (current_password, new_password) == 0)
    bz_validation_add (&v, "new_password", "same_as_current", _("Choose a password different from the current one"));
  if (!bz_validation_finish (&v, error))
    return FALSE;

  {
    g_autoptr(GError) local = NULL;
    stored = bz_user_repo_get_password_hash (store, caller->user_id, &local);
    if (local)
      {
        g_propagate_error (error, g_steal_pointer (&local));
        return FALSE;
      }
  }
  if (stored == NULL || !password_verify (stored, current_password))
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_VALIDATION, _("The current password is not correct"));
      bz_error_add_detail (*error, "current_password", "incorrect", (*error)->message);
      return FALSE;
    }
  /* Argon2id before the write transaction, so it never holds the lock. */
  if (!(hash = bz_auth_password_hash (new_password, error)))
    return FALSE;
  if (!bz_store_begin (store, error))
    return FALSE;
  if (!bz_user_repo_set_password (store, caller->user_id, hash, error) ||
      !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return FALSE;
    }
  bz_store_notify (store, "users", caller->user_id);
  return TRUE;
}

/* --- Registration ------------------------------------------------------------ */

BzRecord *
bz_auth_register (BzServices *svc, JsonObject *input, const char *client_address, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_auto(BzUserFields) f = { 0 };
  g_autofree char *hash = NULL;
  g_autofree char *id = NULL;
  g_autoptr(BzCaller) caller = NULL;
  g_autoptr(BzRecord) result = NULL;
  const char *email, *password, *first_name, *last_name, *user_type;
  BzRole role = BZ_ROLE_PATIENT;
  BzConsentChoice consent = { 0 };
  gboolean record_consent;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);

  if (input == NULL)
    {
      bz_validation_add (&v, "body", "required", _("A request body is required"));
      bz_validation_finish (&v, error);
      return NULL;
    }
  email = bz_auth_json_string (input, "email", &v);
  password = bz_auth_json_string (input, "password", &v);
  first_name = bz_auth_json_string (input, "first_name", &v);
  last_name = bz_auth_json_string (input, "last_name", &v);
  user_type = bz_auth_json_string (input, "user_type", &v);
  if (user_type == NULL && !bz_auth_validation_has_field (&v, "user_type"))
    bz_validation_add (&v, "user_type", "required", _("Choose patient or nutritionist"));
  else if (user_type != NULL &&
           (!bz_role_from_string (user_type, &role) || role == BZ_ROLE_ADMIN))
    bz_validation_add (&v, "user_type", "invalid_value", _("Choose patient or nutritionist"));

  bz_user_fields_validate (email, password, first_name, last_name, role, input, &f, &v);
  /* Seed 002 §7.3.1: the consents given at registration (a member must give them). */
  record_consent = bz_consents_from_registration (input, role, &consent, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  /* Valid registrations count against the address (invalid ones cost nothing). */
  if (!check_register_rate (client_address, error))
    return NULL;

  /* Argon2id before the write transaction, so it never holds the lock. */
  hash = bz_auth_password_hash (password, error);
  if (!hash)
    return NULL;

  if (!bz_store_begin (store, error))
    return NULL;
  id = insert_user (store, &f, hash, error);
  if (id && record_consent)
    {
      g_autofree char *now = bz_now_iso8601 ();
      if (!bz_consents_record_registration (svc, id, &consent, client_address, now, error))
        g_clear_pointer (&id, g_free);
    }
  if (id)
    {
      caller = bz_caller_new (id, role, f.email);
      result = bz_auth_session_new (svc, caller, error);
    }
  if (!result || !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  bz_store_notify (store, "users", id);
  return g_steal_pointer (&result);
}

/* --- async (GIO style): the GUI's calls on a GTask worker thread ---------- */

typedef struct
{
  char *email;
  char *password;
} SignInArgs;

static void
sign_in_args_free (gpointer p)
{
  SignInArgs *a = p;

  g_free (a->email);
  if (a->password)
    sodium_memzero (a->password, strlen (a->password));
  g_free (a->password);
  g_free (a);
}

static gpointer
sign_in_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  SignInArgs *a = args;
  return bz_auth_sign_in (svc, a->email, a->password, error);
}

void
bz_auth_sign_in_async (BzServices *svc, const char *email, const char *password,
                       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  SignInArgs *a = g_new0 (SignInArgs, 1);

  a->email = g_strdup (email);
  a->password = g_strdup (password);
  bz_service_task_run (svc, bz_auth_sign_in_async, "bz-auth-sign-in", NULL, BZ_SERVICE_TASK_NONE,
                       sign_in_work, a, sign_in_args_free, (GDestroyNotify) bz_caller_free,
                       cancellable, callback, user_data);
}

BzCaller *
bz_auth_sign_in_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_auth_sign_in_async, error);
}

static gpointer
get_user_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_auth_get_user (svc, args, error);
}

void
bz_auth_get_user_async (BzServices *svc, const char *user_id, GCancellable *cancellable,
                        GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_auth_get_user_async, "bz-auth-get-user", NULL, BZ_SERVICE_TASK_NONE,
                       get_user_work, g_strdup (user_id), g_free, g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_auth_get_user_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_auth_get_user_async, error);
}
