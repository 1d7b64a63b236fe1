/* bz-password-reset-service.c — forgot, reset and the nutritionist's reset
 * codes (bz-password-reset-service.h); the one-time code helpers shared
 * with pairing (bz-auth-internal.h).  The SQL is in bz-password-reset-repo.c. */
#include "bz-password-reset-service.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "bz-auth-internal.h"
#include "bz-integration-service.h"
#include "bz-notification-service.h"
#include "bz-password-reset-repo.h"
#include "bz-realtime.h"
#include "bz-service-task-private.h"
#include "bz-token-repo.h"
#include "bz-user-repo.h"

/* --- One-time codes (Crockford base32) ----------------------------------------- */

static const char code_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

char *
bz_auth_code_new (guint n_chars)
{
  char *code;

  g_return_val_if_fail (n_chars > 0 && n_chars <= 64, NULL);
  bz_auth_ensure_sodium ();
  code = g_malloc (n_chars + 1);
  for (guint k = 0; k < n_chars; k++)
    code[k] = code_alphabet[randombytes_uniform (32)];
  code[n_chars] = '\0';
  return code;
}

char *
bz_auth_code_normalize (const char *input, guint n_chars)
{
  GString *s;

  if (input == NULL)
    return NULL;
  s = g_string_new (NULL);
  for (const char *p = input; *p; p++)
    {
      char c = g_ascii_toupper (*p);
      if (c == ' ' || c == '-')
        continue;
      if (c == 'O')
        c = '0';
      else if (c == 'I' || c == 'L')
        c = '1';
      if (strchr (code_alphabet, c) == NULL || s->len >= n_chars)
        {
          g_string_free (s, TRUE);
          return NULL;
        }
      g_string_append_c (s, c);
    }
  if (s->len != n_chars)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

/* --- Helpers ---------------------------------------------------------------------- */

static char *
iso8601 (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
code_hash (const char *code)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, code, -1);
}

static char *
normalized_email (BzRecord *r, guint field)
{
  char *e = g_ascii_strdown (bz_record_get_string (r, field), -1);
  return g_strstrip (e);
}

static void
bad_code (GError **error)
{
  GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION,
                                   _("This code is not valid, was already used or has expired. "
                                     "Ask your nutritionist for a new one."));
  bz_error_add_detail (e, "code", "invalid", e->message);
  g_propagate_error (error, e);
}

/* A new live code for @user_id (voiding older ones): its text in @out_code
 * and its expiry in @out_expires; only the hash is stored. */
static gboolean
issue_code (BzStore *store, const char *user_id, const char *created_by, char **out_code, char **out_expires,
            GError **error)
{
  g_autofree char *code = bz_auth_code_new (BZ_PASSWORD_RESET_CODE_CHARS);
  g_autofree char *hash = code_hash (code), *id = g_uuid_string_random ();
  g_autofree char *created = NULL, *expires = NULL;
  gint64 now = bz_auth_now_unix ();

  created = iso8601 (now);
  expires = iso8601 (now + BZ_PASSWORD_RESET_CODE_TTL_S);
  if (!bz_store_begin (store, error))
    return FALSE;
  if (!bz_password_reset_repo_insert (store, id, user_id, hash, created_by, created, expires, error) ||
      !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      sodium_memzero (code, strlen (code));
      return FALSE;
    }
  *out_code = g_steal_pointer (&code);
  *out_expires = g_steal_pointer (&expires);
  return TRUE;
}

/* --- The code by e-mail ------------------------------------------------------------ */

/* The message in the member's language: Balanza stores none for a user yet,
 * so Spanish (Mexico), the clinic's language (seed 002 §1); English is here
 * for when it does.  Not gettext: the language is the recipient's, not the
 * server's.  %1$s: the code, %2$d: its validity in minutes. */
static const struct
{
  const char *lang, *subject, *text;
} reset_mail[] = {
  { "es", "Tu código para restablecer tu contraseña de Balanza",
    "Hola:\r\n\r\nPediste restablecer la contraseña de tu cuenta de Balanza.\r\n\r\n"
    "Tu código es: %1$s\r\n\r\n"
    "Es válido durante %2$d minutos y sirve una sola vez. Escríbelo en Balanza junto con tu nueva contraseña.\r\n\r\n"
    "Si no lo pediste, ignora este mensaje: tu contraseña no cambia.\r\n" },
  { "en", "Your code to reset your Balanza password",
    "Hello,\r\n\r\nYou asked to reset the password of your Balanza account.\r\n\r\n"
    "Your code is: %1$s\r\n\r\n"
    "It is valid for %2$d minutes and works once. Enter it in Balanza with your new password.\r\n\r\n"
    "If you did not ask for it, ignore this message: your password does not change.\r\n" },
};

typedef struct
{
  char *user_id, *to, *subject, *text;
} ResetMail;

static void
reset_mail_free (gpointer data)
{
  ResetMail *m = data;

  sodium_memzero (m->text, strlen (m->text));
  g_free (m->user_id);
  g_free (m->to);
  g_free (m->subject);
  g_free (m->text);
  g_free (m);
}

/* On a worker thread: the mail through the provider's BzResilient.  A
 * failure is logged (never the code) and counted by the wrapper (health,
 * /metrics); the requester already has the same answer as everyone. */
static gpointer
send_reset_mail (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  ResetMail *m = args;
  g_autoptr(GError) local = NULL;

  if (bz_integrations_send_mail (svc, m->to, m->subject, m->text, &local))
    g_message ("Password reset code sent by e-mail to user %s", m->user_id);
  else
    g_warning ("Password reset code not sent by e-mail to user %s: %s", m->user_id, local->message);
  return g_strdup ("done");
}

/* A new code for the account of @email, when it is an active one, sent on
 * the worker pool; errors are the caller's to log. */
static gboolean
mail_code (BzServices *svc, const char *email, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_auto(BzUserAccount) account = { 0 };
  g_autofree char *code = NULL, *expires = NULL;
  ResetMail *m;
  guint lang = 0;   /* Spanish: see reset_mail */

  if (!bz_user_repo_find_login (store, email, &account, error))
    return FALSE;
  if (account.id == NULL || !account.is_active)
    return TRUE;
  if (!issue_code (store, account.id, NULL, &code, &expires, error))
    return FALSE;
  m = g_new0 (ResetMail, 1);
  m->user_id = g_strdup (account.id);
  m->to = g_strdup (account.email);
  m->subject = g_strdup (reset_mail[lang].subject);
  m->text = g_strdup_printf (reset_mail[lang].text, code, BZ_PASSWORD_RESET_CODE_TTL_S / 60);
  sodium_memzero (code, strlen (code));
  bz_service_task_run (svc, mail_code, "bz-password-reset-mail", NULL, BZ_SERVICE_TASK_NONE, send_reset_mail, m,
                       reset_mail_free, g_free, NULL, NULL, NULL);
  return TRUE;
}

/* --- forgot ------------------------------------------------------------------------ */

/* The member's nutritionist hears of the request in the inbox; errors are
 * the caller's to log. */
static gboolean
tell_nutritionist (BzServices *svc, const char *email, GError **error)
{
  g_autofree char *patient_id = NULL, *nutritionist_id = NULL, *name = NULL, *now = NULL, *id = NULL;
  g_autofree char *body = NULL, *url = NULL;
  g_autoptr(BzRecord) n = NULL;

  if (!bz_password_reset_repo_requester (bz_services_get_store (svc), email, &patient_id, &nutritionist_id, &name,
                                         error))
    return FALSE;
  if (patient_id == NULL)
    return TRUE;
  id = g_uuid_string_random ();
  now = bz_now_iso8601 ();
  body = g_strdup_printf (_("%s asked to reset their password. Open their page to give them a reset code."), name);
  url = g_strdup_printf ("/patients/%s", patient_id);
  n = bz_record_new (&bz_notification_resource);
  bz_record_set_string (n, BZ_NOTIFICATION_ID, id);
  bz_record_set_string (n, BZ_NOTIFICATION_TYPE, "password_reset_request");
  bz_record_set_string (n, BZ_NOTIFICATION_TITLE, _("Password reset requested"));
  bz_record_set_string (n, BZ_NOTIFICATION_BODY, body);
  bz_record_set_string (n, BZ_NOTIFICATION_ACTION_URL, url);
  bz_record_set_string (n, BZ_NOTIFICATION_CREATED_AT, now);
  bz_record_set_null (n, BZ_NOTIFICATION_READ_AT);
  return bz_notifications_deliver (svc, nutritionist_id, n, error);
}

gboolean
bz_password_forgot (BzServices *svc, JsonObject *body, const char *client_address, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *email = NULL;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), FALSE);
  in = bz_resource_parse_closed (&bz_password_forgot_resource, body, NULL, &v);
  if (!bz_validation_finish (&v, error))
    return FALSE;
  if (!bz_auth_check_reset_rate (client_address, error))
    return FALSE;
  email = normalized_email (in, BZ_PASSWORD_FORGOT_EMAIL);
  /* The same answer whatever happened: a failure here must not tell that
   * the account exists. */
  if (bz_integrations_has_mailer (svc))
    {
      if (!mail_code (svc, email, &local))
        g_warning ("Password reset code not made for an e-mail request: %s", local->message);
    }
  else if (!tell_nutritionist (svc, email, &local))
    g_warning ("Password reset request not delivered to the nutritionist: %s", local->message);
  return TRUE;
}

/* --- reset ------------------------------------------------------------------------- */

/* Inside the transaction: the password, the code spent, every session revoked.
 * @out_families gets the revoked families (their sockets close after commit). */
static gboolean
apply_reset (BzStore *store, const char *user_id, const char *code_id, const char *hash, const char *now,
             GPtrArray **out_families, GError **error)
{
  g_autoptr(GPtrArray) families = NULL;
  gboolean taken = FALSE;

  if (!bz_password_reset_repo_take (store, code_id, now, &taken, error))
    return FALSE;
  if (!taken)
    {
      bad_code (error);
      return FALSE;
    }
  if (!bz_user_repo_set_password (store, user_id, hash, error) ||
      !(families = bz_token_repo_live_families (store, user_id, error)))
    return FALSE;
  for (guint i = 0; i < families->len; i++)
    if (!bz_token_repo_revoke_family (store, families->pdata[i], error))
      return FALSE;
  *out_families = g_steal_pointer (&families);
  return TRUE;
}

gboolean
bz_password_reset (BzServices *svc, JsonObject *body, const char *client_address, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL;
  g_auto(BzUserAccount) account = { 0 };
  g_auto(BzPasswordResetCode) row = { 0 };
  g_autoptr(GPtrArray) families = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *email = NULL, *code = NULL, *hash = NULL, *candidate = NULL, *now = NULL;
  const char *password;
  gboolean match;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), FALSE);
  in = bz_resource_parse_closed (&bz_password_reset_resource, body, NULL, &v);
  /* The registration rules, unless the declaration already refused the field. */
  password = body ? bz_json_get_string (body, "new_password") : NULL;
  if (!bz_auth_validation_has_field (&v, "new_password"))
    bz_password_check_rules (password, "new_password", &v);
  if (!bz_validation_finish (&v, error))
    return FALSE;
  if (!bz_auth_check_reset_rate (client_address, error))
    return FALSE;

  email = normalized_email (in, BZ_PASSWORD_RESET_EMAIL);
  code = bz_auth_code_normalize (bz_record_get_string (in, BZ_PASSWORD_RESET_CODE), BZ_PASSWORD_RESET_CODE_CHARS);
  /* A malformed code still hashes (and is compared), for the same work. */
  candidate = code_hash (code ? code : bz_record_get_string (in, BZ_PASSWORD_RESET_CODE));
  /* Argon2id before the transaction, so it never holds the write lock. */
  if (!(hash = bz_auth_password_hash (password, error)))
    return FALSE;
  if (!bz_user_repo_find_login (store, email, &account, error))
    return FALSE;

  now = iso8601 (bz_auth_now_unix ());
  if (!bz_store_begin (store, error))
    return FALSE;
  if (account.id && account.is_active &&
      !bz_password_reset_repo_find_live (store, account.id, now, &row, &local))
    goto fail;
  match = row.id != NULL && code != NULL && row.code_hash != NULL && strlen (row.code_hash) == 64 &&
          sodium_memcmp (candidate, row.code_hash, 64) == 0;
  if (!match)
    {
      /* The one write of a refusal: the try counts against the live code. */
      if (row.id && (!bz_password_reset_repo_note_wrong (store, row.id, BZ_PASSWORD_RESET_ATTEMPTS_MAX, now, &local) ||
                     !bz_store_commit (store, &local)))
        goto fail;
      if (!row.id)
        bz_store_rollback (store);
      bad_code (error);
      return FALSE;
    }
  if (!apply_reset (store, account.id, row.id, hash, now, &families, &local) || !bz_store_commit (store, &local))
    goto fail;
  sodium_memzero (hash, strlen (hash));
  for (guint i = 0; i < families->len; i++)
    bz_realtime_close_session (bz_services_get_realtime (svc), families->pdata[i]);
  bz_store_notify (store, "users", account.id);
  g_message ("Password reset with a code for user %s; %u sessions ended", account.id, families->len);
  return TRUE;

fail:
  bz_store_rollback (store);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* --- The nutritionist's codes ------------------------------------------------------ */

BzRecord *
bz_password_reset_code_create (BzServices *svc, const BzCaller *caller, const char *patient_id, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *user_id = NULL, *email = NULL, *code = NULL, *expires = NULL;
  BzRecord *r;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (caller->role != BZ_ROLE_NUTRITIONIST)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_FORBIDDEN, _("Only nutritionists can make reset codes"));
      return NULL;
    }
  if (patient_id == NULL || !g_uuid_string_is_valid (patient_id))
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Patient not found"));
      return NULL;
    }
  if (!bz_password_reset_repo_patient_account (store, patient_id, caller->user_id, &user_id, &email, error))
    return NULL;
  if (user_id == NULL)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Patient not found"));
      return NULL;
    }
  if (!issue_code (store, user_id, caller->user_id, &code, &expires, error))
    return NULL;
  g_message ("Password reset code made for user %s by nutritionist %s", user_id, caller->user_id);

  r = bz_record_new (&bz_password_reset_code_resource);
  bz_record_set_string (r, BZ_PASSWORD_RESET_CODE_CODE, code);
  bz_record_set_string (r, BZ_PASSWORD_RESET_CODE_EMAIL, email);
  bz_record_set_string (r, BZ_PASSWORD_RESET_CODE_EXPIRES_AT, expires);
  bz_record_set_int (r, BZ_PASSWORD_RESET_CODE_EXPIRES_IN, BZ_PASSWORD_RESET_CODE_TTL_S);
  bz_record_set_int (r, BZ_PASSWORD_RESET_CODE_ATTEMPTS_MAX, BZ_PASSWORD_RESET_ATTEMPTS_MAX);
  sodium_memzero (code, strlen (code));
  return r;
}

static gpointer
create_code_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_password_reset_code_create (svc, caller, args, error);
}

void
bz_password_reset_code_create_async (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                     GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_password_reset_code_create_async, "bz-password-reset", caller,
                       BZ_SERVICE_TASK_NEEDS_CALLER, create_code_work, g_strdup (patient_id), g_free,
                       g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_password_reset_code_create_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_password_reset_code_create_async, error);
}
