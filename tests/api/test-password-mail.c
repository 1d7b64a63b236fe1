/* test-password-mail.c — password-reset codes by e-mail (issue 9, seed 002
 * §4.2 POST /api/v1/auth/password/forgot) through the `smtp` mail provider
 * against a fake SMTP server on loopback (tests/bz-fake-smtp.h).
 *
 * Its own binary (its own server and services), so that the mail provider
 * it configures does not change forgot for test-api's tests, and so that it
 * may read every log line of the process.  Checks: forgot for a member
 * sends one message from the configured sender to the member's address,
 * plain text UTF-8 in Spanish, holding a code that then resets the password
 * with /reset (the new password signs in, the old one does not); forgot for
 * an unknown address answers the same, makes no code and sends nothing; a
 * server refusing the message (554) and a server that is down give the
 * client the same answer, and the failures show in GET
 * /api/integrations/health (mail/smtp failures, last error); no code ever
 * appears in the log.  And [smtp]'s settings: defaults, the password from
 * its file or the environment, and every refusal; STARTTLS required against
 * a server without it sends nothing in the clear. */
#include "bz-api-fixture.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bz-auth-service-private.h"
#include "bz-fake-smtp.h"
#include "bz-integration-service.h"

const char *test_api_nutri_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);

#define MEMBER_EMAIL "mail-member@test.local"
#define NEW_PASSWORD "Mail-Reset-9!"
#define SENDER "clinica@balanza.test"

static GMutex log_lock;
static GString *log_text;

/* Every log line of the process, kept, then written as usual. */
static GLogWriterOutput
capture (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer data)
{
  g_mutex_lock (&log_lock);
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].value)
      {
        if (fields[i].length < 0)
          g_string_append (log_text, fields[i].value);
        else
          g_string_append_len (log_text, fields[i].value, fields[i].length);
        g_string_append_c (log_text, '\n');
      }
  g_mutex_unlock (&log_lock);
  return g_log_writer_default (level, fields, n_fields, data);
}

static gboolean
log_contains (const char *text)
{
  gboolean found;

  g_mutex_lock (&log_lock);
  found = strstr (log_text->str, text) != NULL;
  g_mutex_unlock (&log_lock);
  return found;
}

static BzApiResponse *
forgot (const char *email)
{
  g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\"}", email);

  bz_auth_reset_rate_limits ();
  return bz_api_json (bz_api_shared (), "POST", "/api/v1/auth/password/forgot", NULL, body);
}

/* The answer as the client sees it: status and envelope message. */
static char *
answer_of (BzApiResponse *r)
{
  g_autoptr(JsonParser) p = json_parser_new ();

  g_assert_true (json_parser_load_from_data (p, g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body), NULL));
  return g_strdup_printf ("%u %s", r->status,
                          json_object_get_string_member_with_default (json_node_get_object (json_parser_get_root (p)),
                                                                      "message", "(none)"));
}

/* The decoded text/plain body of @m (base64, as the provider sends it). */
static char *
body_of (BzFakeSmtpMessage *m)
{
  const char *sep = strstr (m->data, "\r\n\r\n");
  g_autofree char *b64 = NULL;
  gsize len;
  char *text;

  g_assert_nonnull (sep);
  b64 = g_strdup (sep + 4);
  text = (char *) g_base64_decode (b64, &len);
  text = g_realloc (text, len + 1);
  text[len] = '\0';
  g_assert_true (g_utf8_validate (text, -1, NULL));
  return text;
}

/* The 8-character code after "Tu código es: ". */
static char *
code_of (const char *text)
{
  const char *at = strstr (text, "Tu código es: ");

  g_assert_nonnull (at);
  return g_strndup (at + strlen ("Tu código es: "), 8);
}

static gint64
codes (void)
{
  return bz_api_count (bz_api_shared (), "password_reset_codes");
}

/* mail/smtp's {attempts, failures} and error in GET /api/integrations/health. */
static void
mail_health (gint64 *attempts, gint64 *failures, char **last_error)
{
  g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "GET", "/api/integrations/health",
                                            test_api_nutri_token (), NULL);
  JsonArray *providers;

  g_assert_cmpuint (r->status, ==, 200);
  providers = json_object_get_array_member (bz_api_data (r), "providers");
  for (guint i = 0; i < json_array_get_length (providers); i++)
    {
      JsonObject *p = json_array_get_object_element (providers, i);
      if (g_strcmp0 (json_object_get_string_member (p, "kind"), "mail") != 0)
        continue;
      g_assert_cmpstr (json_object_get_string_member (p, "name"), ==, "smtp");
      *attempts = json_object_get_int_member (p, "attempts");
      *failures = json_object_get_int_member (p, "failures");
      if (last_error)
        *last_error = g_strdup (json_object_get_string_member_with_default (p, "error", ""));
      return;
    }
  g_error ("no mail/smtp provider in the health answer");
}

/* Polls the health until mail/smtp has at least @n failures (the send runs
 * on a worker thread after the answer); at most 60 s, a bound, not a check. */
static gint64
wait_failures (gint64 n)
{
  gint64 attempts = 0, failures = 0;

  for (guint i = 0; i < 1200; i++)
    {
      mail_health (&attempts, &failures, NULL);
      if (failures >= n)
        break;
      g_usleep (50 * 1000);
    }
  return failures;
}

static int
login_status (const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"email\":\"" MEMBER_EMAIL "\",\"password\":\"%s\"}", password);
  g_autoptr(BzApiResponse) r = NULL;

  bz_auth_reset_rate_limits ();
  r = bz_api_json (bz_api_shared (), "POST", "/api/v1/auth/login", NULL, body);
  return r->status;
}

/* A key file from @text. */
static GKeyFile *
key_file (const char *text)
{
  GKeyFile *f = g_key_file_new ();

  g_assert_true (g_key_file_load_from_data (f, text, -1, G_KEY_FILE_NONE, NULL));
  return f;
}

/* [smtp] of integrations.conf: defaults, the password's homes, refusals. */
static void
test_smtp_settings (void)
{
  static const char *const refused[] = {
    "[smtp]\nfrom=a@b.mx\n",                                   /* no host */
    "[smtp]\nhost=h\n",                                        /* no from */
    "[smtp]\nhost=h\nfrom=nobody\n",                          /* from not an address */
    "[smtp]\nhost=h\nfrom=a@b.mx\npassword=secret\n",        /* the password written here */
    "[smtp]\nhost=h\nfrom=a@b.mx\nsecurity=ssl\n",
    "[smtp]\nhost=h\nfrom=a@b.mx\nport=0\n",
    "[smtp]\nhost=h\nfrom=a@b.mx\nport=70000\n",
    "[smtp]\nhost=h\nfrom=a@b.mx\ntimeout_s=0\n",
    "[smtp]\nhost=h\nfrom=a@b.mx\npassword_file=/nonexistent/smtp.password\n",
  };
  g_autofree char *dir = g_dir_make_tmp ("bz-smtp-XXXXXX", NULL);
  g_autofree char *pw = g_build_filename (dir, "smtp.password", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GKeyFile) f = key_file (refused[i]);
      g_auto(BzSmtpSettings) s = { 0 };
      g_autoptr(GError) error = NULL;
      g_assert_false (bz_smtp_settings_load (&s, f, "smtp", &error));
      g_assert_nonnull (error);
      g_assert_null (s.host);
    }
  {
    g_autoptr(GKeyFile) f = key_file ("[other]\nx=1\n");
    g_auto(BzSmtpSettings) s = { 0 };
    g_autoptr(GError) error = NULL;
    g_assert_false (bz_smtp_settings_load (&s, f, "smtp", &error));
    g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND);
  }
  /* Defaults: STARTTLS on 587, the password from the environment. */
  {
    g_autoptr(GKeyFile) f = key_file ("[smtp]\nhost=smtp.example.mx\nfrom=a@b.mx\nuser=a@b.mx\n");
    g_auto(BzSmtpSettings) s = { 0 };
    g_autoptr(GError) error = NULL;
    g_setenv (BZ_SMTP_PASSWORD_ENV, "from-the-env", TRUE);
    g_assert_true (bz_smtp_settings_load (&s, f, "smtp", &error));
    g_assert_no_error (error);
    g_assert_cmpint (s.security, ==, BZ_SMTP_STARTTLS);
    g_assert_cmpuint (s.port, ==, 587);
    g_assert_cmpuint (s.timeout_s, ==, BZ_SMTP_TIMEOUT_S);
    g_assert_cmpstr (s.password, ==, "from-the-env");
    g_unsetenv (BZ_SMTP_PASSWORD_ENV);
  }
  /* SMTPS on 465, the password from its file (which wins over the environment). */
  {
    g_autoptr(GKeyFile) f = NULL;
    g_auto(BzSmtpSettings) s = { 0 };
    g_autoptr(GError) error = NULL;
    g_autofree char *text = g_strdup_printf ("[smtp]\nhost=h\nfrom=a@b.mx\nsecurity=tls\npassword_file=%s\n", pw);
    g_assert_true (g_file_set_contents (pw, "from-the-file\n", -1, NULL));
    g_setenv (BZ_SMTP_PASSWORD_ENV, "from-the-env", TRUE);
    f = key_file (text);
    g_assert_true (bz_smtp_settings_load (&s, f, "smtp", &error));
    g_assert_no_error (error);
    g_assert_cmpint (s.security, ==, BZ_SMTP_TLS);
    g_assert_cmpuint (s.port, ==, 465);
    g_assert_cmpstr (s.password, ==, "from-the-file");
    g_unsetenv (BZ_SMTP_PASSWORD_ENV);
    g_remove (pw);
  }
  g_rmdir (dir);
}

/* STARTTLS required and a server that does not offer it: nothing sent in
 * the clear, a not-retried AUTH error; plain mode sends to the same server. */
static void
test_starttls_required (void)
{
  BzFakeSmtp *fake = bz_fake_smtp_start ();
  BzSmtpSettings settings = { (char *) "127.0.0.1", bz_fake_smtp_get_port (fake), BZ_SMTP_STARTTLS, (char *) SENDER,
                              NULL, NULL, NULL, 10 };
  g_autoptr(BzSmtpMailer) tls = bz_smtp_mailer_new (&settings), plain = NULL;
  g_autoptr(JsonObject) request = json_object_new ();
  g_autoptr(JsonNode) sent = NULL, answer = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (request, "to", "someone@test.local");
  json_object_set_string_member (request, "subject", "Prueba");
  json_object_set_string_member (request, "text", "Hola");
  answer = bz_mail_provider_send (BZ_MAIL_PROVIDER (tls), request, NULL, NULL, &error);
  g_assert_null (answer);
  g_assert_error (error, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_AUTH);
  g_assert_false (bz_integration_error_is_retryable (error));
  g_assert_cmpuint (bz_fake_smtp_count (fake), ==, 0);
  settings.security = BZ_SMTP_NONE;
  plain = bz_smtp_mailer_new (&settings);
  sent = bz_mail_provider_send (BZ_MAIL_PROVIDER (plain), request, NULL, NULL, NULL);
  g_assert_nonnull (sent);
  g_assert_cmpuint (bz_fake_smtp_wait (fake, 1, FALSE), ==, 1);
  bz_fake_smtp_stop (fake);
}

static void
test_password_mail (void)
{
  BzApi *api = bz_api_shared ();
  BzFakeSmtp *fake = bz_fake_smtp_start ();
  /* As balanzad reads DATA_DIR/integrations.conf (bz_integrations_load_config()). */
  g_autofree char *conf = g_strdup_printf ("[smtp]\nhost = 127.0.0.1\nport = %u\nsecurity = none\n"
                                           "from = " SENDER "\nfrom_name = Clínica Balanza\ntimeout_s = 10\n"
                                           "[integration smtp]\nmax_attempts = 2\n", bz_fake_smtp_get_port (fake));
  g_autoptr(GKeyFile) file = key_file (conf);
  g_autofree char *patient = NULL, *member = NULL, *known = NULL, *first_code = NULL, *second_code = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before, attempts = 0, failures = 0;

  test_api_ensure_users ();
  patient = test_api_create_patient (test_api_nutri_token (), MEMBER_EMAIL, &member);
  g_assert_false (bz_integrations_has_mailer (api->services));
  g_assert_true (bz_integrations_load_config (api->services, file, &error));
  g_assert_no_error (error);
  g_assert_true (bz_integrations_has_mailer (api->services));

  /* A member: one message, to the member, with a code that resets the password. */
  {
    g_autoptr(BzApiResponse) r = forgot (MEMBER_EMAIL);
    g_autoptr(BzFakeSmtpMessage) m = NULL;
    g_autofree char *text = NULL, *reset = NULL;
    g_autoptr(BzApiResponse) done = NULL;

    g_assert_cmpuint (r->status, ==, 200);
    known = answer_of (r);
    g_assert_cmpuint (bz_fake_smtp_wait (fake, 1, FALSE), ==, 1);
    m = bz_fake_smtp_dup_message (fake, 0);
    g_assert_cmpstr (m->rcpt_to, ==, MEMBER_EMAIL);
    g_assert_cmpstr (m->mail_from, ==, SENDER);
    g_assert_nonnull (strstr (m->data, "To: <" MEMBER_EMAIL ">\r\n"));
    g_assert_nonnull (strstr (m->data, "Content-Type: text/plain; charset=UTF-8\r\n"));
    g_assert_nonnull (strstr (m->data, "Subject: =?UTF-8?B?"));
    text = body_of (m);
    g_assert_null (strstr (text, "http"));   /* no link, so nothing to track */
    first_code = code_of (text);
    reset = g_strdup_printf ("{\"email\":\"" MEMBER_EMAIL "\",\"code\":\"%s\",\"new_password\":\"" NEW_PASSWORD "\"}",
                             first_code);
    bz_auth_reset_rate_limits ();
    done = bz_api_json (api, "POST", "/api/v1/auth/password/reset", NULL, reset);
    g_assert_cmpuint (done->status, ==, 200);
    g_assert_cmpint (login_status (NEW_PASSWORD), ==, 200);
    g_assert_cmpint (login_status ("Member-Pass1!"), ==, 401);
  }

  /* An unknown address: the same answer, no code made (so nothing to send);
   * then the member again: the second message is the member's. */
  {
    g_autoptr(BzApiResponse) r = NULL, again = NULL;
    g_autoptr(BzFakeSmtpMessage) m = NULL;
    g_autofree char *answer = NULL, *text = NULL;

    before = codes ();
    r = forgot ("nobody-here@test.local");
    answer = answer_of (r);
    g_assert_cmpstr (answer, ==, known);
    g_assert_cmpint (codes (), ==, before);
    again = forgot (MEMBER_EMAIL);
    g_assert_cmpuint (again->status, ==, 200);
    g_assert_cmpint (codes (), ==, before + 1);
    g_assert_cmpuint (bz_fake_smtp_wait (fake, 2, FALSE), ==, 2);
    g_assert_cmpuint (bz_fake_smtp_wait (fake, 2, TRUE), ==, 2);
    m = bz_fake_smtp_dup_message (fake, 1);
    g_assert_cmpstr (m->rcpt_to, ==, MEMBER_EMAIL);
    text = body_of (m);
    second_code = code_of (text);
    mail_health (&attempts, &failures, NULL);
    g_assert_cmpint (attempts, ==, 2);
    g_assert_cmpint (failures, ==, 0);
  }

  /* A server refusing the message: the same answer; the failure in the health. */
  {
    g_autoptr(BzApiResponse) r = NULL;
    g_autofree char *answer = NULL, *last_error = NULL;

    bz_fake_smtp_set_refuse (fake, TRUE);
    r = forgot (MEMBER_EMAIL);
    answer = answer_of (r);
    g_assert_cmpstr (answer, ==, known);
    g_assert_cmpuint (bz_fake_smtp_wait (fake, 3, TRUE), ==, 3);
    g_assert_cmpint (wait_failures (1), ==, 1);
    mail_health (&attempts, &failures, &last_error);
    g_assert_cmpint (attempts, ==, 3);   /* a 5xx is permanent: not retried (max_attempts is 2) */
    g_assert_nonnull (strstr (last_error, "554"));
    g_assert_cmpuint (bz_fake_smtp_count (fake), ==, 2);
  }

  /* The server down: the same answer; the failure in the health. */
  bz_fake_smtp_stop (fake);
  {
    g_autoptr(BzApiResponse) r = forgot (MEMBER_EMAIL);
    g_autofree char *answer = answer_of (r);

    g_assert_cmpstr (answer, ==, known);
    /* No connection is retryable: both attempts of [integration smtp] made. */
    g_assert_cmpint (wait_failures (3), ==, 3);
    mail_health (&attempts, &failures, NULL);
    g_assert_cmpint (attempts, ==, 5);
    g_assert_true (log_contains ("Password reset code not sent by e-mail"));
  }

  /* No code in any log line of the process. */
  g_assert_true (log_contains ("Password reset code sent by e-mail to user"));
  g_assert_false (log_contains (first_code));
  g_assert_false (log_contains (second_code));
}

int
main (int argc, char **argv)
{
  int rc;

  log_text = g_string_new (NULL);
  g_log_set_writer_func (capture, NULL, NULL);
  g_test_init (&argc, &argv, NULL);
  /* The failed sends are logged as warnings, on purpose. */
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL);
  g_test_add_func ("/api/password-reset/mail/settings", test_smtp_settings);
  g_test_add_func ("/api/password-reset/mail", test_password_mail);
  g_test_add_func ("/api/password-reset/mail/starttls-required", test_starttls_required);
  rc = g_test_run ();
  bz_api_shutdown ();
  return rc;
}
