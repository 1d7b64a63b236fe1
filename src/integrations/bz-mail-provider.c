/* bz-mail-provider.c — the mail kind and its `smtp` provider through
 * libcurl (see bz-mail-provider.h). */
#include "bz-mail-provider.h"

#include <curl/curl.h>
#include <string.h>

G_DEFINE_INTERFACE (BzMailProvider, bz_mail_provider, G_TYPE_OBJECT)

static void
bz_mail_provider_default_init (BzMailProviderInterface *iface)
{
}

const char *
bz_mail_provider_get_name (BzMailProvider *self)
{
  g_return_val_if_fail (BZ_IS_MAIL_PROVIDER (self), NULL);
  return BZ_MAIL_PROVIDER_GET_IFACE (self)->get_name (self);
}

JsonNode *
bz_mail_provider_send (BzMailProvider *self, JsonObject *request, double *out_cost, GCancellable *cancellable,
                       GError **error)
{
  double cost = 0;
  JsonNode *answer;

  g_return_val_if_fail (BZ_IS_MAIL_PROVIDER (self), NULL);
  answer = BZ_MAIL_PROVIDER_GET_IFACE (self)->send (self, request, &cost, cancellable, error);
  if (out_cost)
    *out_cost = cost;
  return answer;
}

JsonNode *
bz_mail_provider_call (gpointer data, GCancellable *cancellable, double *out_cost, GError **error)
{
  BzMailCall *call = data;

  return bz_mail_provider_send (call->provider, call->request, out_cost, cancellable, error);
}

/* --- Settings --------------------------------------------------------------------- */

void
bz_smtp_settings_clear (BzSmtpSettings *s)
{
  if (s->password)
    memset (s->password, 0, strlen (s->password));
  g_clear_pointer (&s->host, g_free);
  g_clear_pointer (&s->from, g_free);
  g_clear_pointer (&s->from_name, g_free);
  g_clear_pointer (&s->user, g_free);
  g_clear_pointer (&s->password, g_free);
}

static gboolean
one_line (const char *s)
{
  return s != NULL && *s != '\0' && strpbrk (s, "\r\n") == NULL;
}

static gboolean
invalid (GError **error, const char *group, const char *what)
{
  g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE, "[%s] %s", group, what);
  return FALSE;
}

static char *
stripped (GKeyFile *file, const char *group, const char *key)
{
  char *v = g_key_file_get_string (file, group, key, NULL);

  if (v && *g_strstrip (v) == '\0')
    g_clear_pointer (&v, g_free);
  return v;
}

gboolean
bz_smtp_settings_load (BzSmtpSettings *out, GKeyFile *file, const char *group, GError **error)
{
  static const guint default_ports[] = { 587, 465, 25 };  /* RFC 6409 submission, RFC 8314 submissions, RFC 5321 */
  g_auto(BzSmtpSettings) s = { 0 };
  g_autofree char *security = NULL, *password_file = NULL;
  GError *local = NULL;

  memset (out, 0, sizeof *out);
  if (!g_key_file_has_group (file, group))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND, "No [%s] group", group);
      return FALSE;
    }
  if (g_key_file_has_key (file, group, "password", NULL))
    return invalid (error, group, "password: passwords are not written here; use password_file or $"
                    BZ_SMTP_PASSWORD_ENV);
  s.host = stripped (file, group, "host");
  s.from = stripped (file, group, "from");
  s.from_name = stripped (file, group, "from_name");
  s.user = stripped (file, group, "user");
  if (!one_line (s.host) || !one_line (s.from) || strchr (s.from, '@') == NULL ||
      (s.from_name && !one_line (s.from_name)) || (s.user && !one_line (s.user)))
    return invalid (error, group, "needs host and from (an e-mail address), each on one line");
  security = stripped (file, group, "security");
  if (security == NULL || g_str_equal (security, "starttls"))
    s.security = BZ_SMTP_STARTTLS;
  else if (g_str_equal (security, "tls"))
    s.security = BZ_SMTP_TLS;
  else if (g_str_equal (security, "none"))
    s.security = BZ_SMTP_NONE;
  else
    return invalid (error, group, "security must be starttls, tls or none");
  s.port = default_ports[s.security];
  if (g_key_file_has_key (file, group, "port", NULL))
    {
      int port = g_key_file_get_integer (file, group, "port", &local);
      if (local || port < 1 || port > 65535)
        {
          g_clear_error (&local);
          return invalid (error, group, "port must be 1-65535");
        }
      s.port = port;
    }
  s.timeout_s = BZ_SMTP_TIMEOUT_S;
  if (g_key_file_has_key (file, group, "timeout_s", NULL))
    {
      int t = g_key_file_get_integer (file, group, "timeout_s", &local);
      if (local || t < 1 || t > 600)
        {
          g_clear_error (&local);
          return invalid (error, group, "timeout_s must be 1-600");
        }
      s.timeout_s = t;
    }
  password_file = stripped (file, group, "password_file");
  if (password_file)
    {
      g_autofree char *text = NULL;
      if (!g_file_get_contents (password_file, &text, NULL, &local))
        {
          g_propagate_prefixed_error (error, local, "[%s] password_file: ", group);
          return FALSE;
        }
      s.password = g_strdup (g_strstrip (text));
      memset (text, 0, strlen (text));
    }
  else if (g_getenv (BZ_SMTP_PASSWORD_ENV) && *g_getenv (BZ_SMTP_PASSWORD_ENV))
    s.password = g_strdup (g_getenv (BZ_SMTP_PASSWORD_ENV));
  *out = s;
  memset (&s, 0, sizeof s);
  return TRUE;
}

/* --- The SMTP mailer ------------------------------------------------------------- */

struct _BzSmtpMailer
{
  GObject parent_instance;
  BzSmtpSettings settings;
  char *url;
};

static void mail_iface_init (BzMailProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BzSmtpMailer, bz_smtp_mailer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BZ_TYPE_MAIL_PROVIDER, mail_iface_init))

static void
bz_smtp_mailer_finalize (GObject *object)
{
  BzSmtpMailer *self = BZ_SMTP_MAILER (object);

  bz_smtp_settings_clear (&self->settings);
  g_free (self->url);
  G_OBJECT_CLASS (bz_smtp_mailer_parent_class)->finalize (object);
}

static void
bz_smtp_mailer_class_init (BzSmtpMailerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bz_smtp_mailer_finalize;
}

static void
bz_smtp_mailer_init (BzSmtpMailer *self)
{
}

BzSmtpMailer *
bz_smtp_mailer_new (const BzSmtpSettings *settings)
{
  BzSmtpMailer *self;
  gboolean ipv6;

  g_return_val_if_fail (settings != NULL, NULL);
  if (!one_line (settings->host) || !one_line (settings->from))
    return NULL;
  self = g_object_new (BZ_TYPE_SMTP_MAILER, NULL);
  self->settings.host = g_strdup (settings->host);
  self->settings.port = settings->port;
  self->settings.security = settings->security;
  self->settings.from = g_strdup (settings->from);
  self->settings.from_name = g_strdup (settings->from_name);
  self->settings.user = g_strdup (settings->user);
  self->settings.password = g_strdup (settings->password);
  self->settings.timeout_s = settings->timeout_s ? settings->timeout_s : BZ_SMTP_TIMEOUT_S;
  ipv6 = strchr (settings->host, ':') != NULL;
  self->url = g_strdup_printf ("%s://%s%s%s:%u", settings->security == BZ_SMTP_TLS ? "smtps" : "smtp",
                               ipv6 ? "[" : "", settings->host, ipv6 ? "]" : "", settings->port);
  return self;
}

static const char *
smtp_name (BzMailProvider *self)
{
  return BZ_SMTP_PROVIDER_NAME;
}

/* An RFC 2047 "B" encoded word for a header, when @text is not plain ASCII. */
static void
append_header_text (GString *out, const char *text)
{
  gboolean ascii = TRUE;

  for (const char *p = text; *p; p++)
    if ((guchar) *p >= 0x80)
      ascii = FALSE;
  if (ascii)
    {
      g_string_append (out, text);
      return;
    }
  {
    g_autofree char *b64 = g_base64_encode ((const guchar *) text, strlen (text));
    g_string_append_printf (out, "=?UTF-8?B?%s?=", b64);
  }
}

/* The whole message, CRLF line ends, the body in base64 lines of 76 (RFC 2045 §6.8). */
static GBytes *
build_message (BzSmtpMailer *self, const char *to, const char *subject, const char *text)
{
  GString *m = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%a, %d %b %Y %H:%M:%S +0000");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *b64 = g_base64_encode ((const guchar *) text, strlen (text));
  const char *domain = strchr (self->settings.from, '@') + 1;
  gsize len = strlen (b64);

  g_string_append (m, "From: ");
  if (self->settings.from_name)
    {
      append_header_text (m, self->settings.from_name);
      g_string_append_c (m, ' ');
    }
  g_string_append_printf (m, "<%s>\r\nTo: <%s>\r\nSubject: ", self->settings.from, to);
  append_header_text (m, subject);
  g_string_append_printf (m, "\r\nDate: %s\r\nMessage-ID: <%s@%s>\r\nMIME-Version: 1.0\r\n"
                          "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n"
                          "Auto-Submitted: auto-generated\r\n\r\n", date, uuid, domain);
  for (gsize i = 0; i < len; i += 76)
    {
      g_string_append_len (m, b64 + i, MIN (76, len - i));
      g_string_append (m, "\r\n");
    }
  return g_string_free_to_bytes (m);
}

typedef struct
{
  GBytes *message;
  gsize offset;
  GCancellable *cancellable;
} Upload;

static size_t
read_cb (char *buffer, size_t size, size_t nitems, void *data)
{
  Upload *u = data;
  gsize total, n;
  const char *bytes = g_bytes_get_data (u->message, &total);

  n = MIN (size * nitems, total - u->offset);
  memcpy (buffer, bytes + u->offset, n);
  u->offset += n;
  return n;
}

static int
progress_cb (void *data, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow)
{
  Upload *u = data;

  return g_cancellable_is_cancelled (u->cancellable) ? 1 : 0;
}

static gpointer
curl_init_once (gpointer unused)
{
  curl_global_init (CURL_GLOBAL_DEFAULT);
  return NULL;
}

/* libcurl's result as seed 003's error kinds (see bz_smtp_mailer_new()). */
static GError *
smtp_error (CURLcode rc, long reply, const char *detail)
{
  const char *what = detail && *detail ? detail : curl_easy_strerror (rc);

  switch (rc)
    {
    case CURLE_OPERATION_TIMEDOUT:
      return bz_integration_error_new (BZ_SMTP_PROVIDER_NAME, BZ_INTEGRATION_ERROR_TIMEOUT, 0, TRUE, 0,
                                       "The mail server did not answer in time: %s", what);
    case CURLE_LOGIN_DENIED:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
      return bz_integration_error_new (BZ_SMTP_PROVIDER_NAME, BZ_INTEGRATION_ERROR_AUTH, 0, FALSE, 0,
                                       "The mail server refused the sign-in or TLS: %s", what);
    default:
      break;
    }
  if (reply >= 500 && reply < 600)
    return bz_integration_error_new (BZ_SMTP_PROVIDER_NAME, BZ_INTEGRATION_ERROR_BAD_RESPONSE, 0, FALSE, 0,
                                     "The mail server refused the message (%ld): %s", reply, what);
  return bz_integration_error_new (BZ_SMTP_PROVIDER_NAME, BZ_INTEGRATION_ERROR_UNAVAILABLE, 0, TRUE, 0,
                                   reply >= 400 ? "The mail server deferred the message (%ld): %s"
                                                : "Cannot reach the mail server (%ld): %s", reply, what);
}

static JsonNode *
smtp_send (BzMailProvider *provider, JsonObject *request, double *out_cost, GCancellable *cancellable,
           GError **error)
{
  static GOnce once = G_ONCE_INIT;
  BzSmtpMailer *self = BZ_SMTP_MAILER (provider);
  const char *to = request ? json_object_get_string_member_with_default (request, "to", NULL) : NULL;
  const char *subject = request ? json_object_get_string_member_with_default (request, "subject", NULL) : NULL;
  const char *text = request ? json_object_get_string_member_with_default (request, "text", NULL) : NULL;
  g_autofree char *from = NULL, *rcpt = NULL;
  g_autoptr(GBytes) message = NULL;
  char detail[CURL_ERROR_SIZE] = "";
  struct curl_slist *rcpts = NULL;
  Upload upload = { 0 };
  JsonObject *answer;
  JsonNode *node;
  CURLcode rc;
  long reply = 0;
  CURL *curl;

  if (!one_line (to) || strchr (to, '@') == NULL || strpbrk (to, "<> ") || !one_line (subject) || text == NULL ||
      !g_utf8_validate (subject, -1, NULL) || !g_utf8_validate (text, -1, NULL))
    {
      g_propagate_error (error, bz_integration_error_new (BZ_SMTP_PROVIDER_NAME, BZ_INTEGRATION_ERROR_INVALID_REQUEST,
                                                          0, FALSE, 0, "A mail needs to, subject and text"));
      return NULL;
    }
  g_once (&once, curl_init_once, NULL);
  curl = curl_easy_init ();
  if (curl == NULL)
    {
      g_propagate_error (error, bz_integration_error_new (BZ_SMTP_PROVIDER_NAME, BZ_INTEGRATION_ERROR_UNAVAILABLE,
                                                          0, TRUE, 0, "libcurl could not start"));
      return NULL;
    }
  message = build_message (self, to, subject, text);
  upload = (Upload) { message, 0, cancellable };
  from = g_strdup_printf ("<%s>", self->settings.from);
  rcpt = g_strdup_printf ("<%s>", to);
  rcpts = curl_slist_append (rcpts, rcpt);
  curl_easy_setopt (curl, CURLOPT_URL, self->url);
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt (curl, CURLOPT_USE_SSL, (long) (self->settings.security == BZ_SMTP_NONE ? CURLUSESSL_NONE
                                                                                           : CURLUSESSL_ALL));
  if (self->settings.user)
    {
      curl_easy_setopt (curl, CURLOPT_USERNAME, self->settings.user);
      curl_easy_setopt (curl, CURLOPT_PASSWORD, self->settings.password ? self->settings.password : "");
    }
  curl_easy_setopt (curl, CURLOPT_MAIL_FROM, from);
  curl_easy_setopt (curl, CURLOPT_MAIL_RCPT, rcpts);
  curl_easy_setopt (curl, CURLOPT_READFUNCTION, read_cb);
  curl_easy_setopt (curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt (curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, (long) self->settings.timeout_s);
  curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, progress_cb);
  curl_easy_setopt (curl, CURLOPT_XFERINFODATA, &upload);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, detail);
  rc = curl_easy_perform (curl);
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &reply);
  curl_easy_cleanup (curl);
  curl_slist_free_all (rcpts);
  if (rc == CURLE_ABORTED_BY_CALLBACK && g_cancellable_is_cancelled (cancellable))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The mail was cancelled");
      return NULL;
    }
  if (rc != CURLE_OK)
    {
      g_propagate_error (error, smtp_error (rc, reply, detail));
      return NULL;
    }
  answer = json_object_new ();
  json_object_set_string_member (answer, "provider", BZ_SMTP_PROVIDER_NAME);
  json_object_set_boolean_member (answer, "accepted", TRUE);
  node = json_node_init_object (json_node_alloc (), answer);
  json_object_unref (answer);
  *out_cost = 0;
  return node;
}

static void
mail_iface_init (BzMailProviderInterface *iface)
{
  iface->get_name = smtp_name;
  iface->send = smtp_send;
}
