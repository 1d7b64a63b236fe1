/* bz-mail-provider.h — the mail kind ("mail"): sends one plain-text e-mail
 * (issue 9: the password-reset code of seed 002 §4.2 POST
 * /api/v1/auth/password/forgot).
 *
 * Like the kinds of bz-provider-kinds.h, the method takes a JSON request and
 * answers JSON, blocks, and runs through BzResilient on a worker thread
 * (bz_mail_provider_call() is the #BzResilientFunc adapter).  A message is
 * never cached (the request has a one-time code) and has no local fallback:
 * a mail that cannot be sent ends in an error the caller logs and counts.
 *
 * Providers: "smtp" (BzSmtpMailer below: libcurl's SMTP client, plain SMTP
 * with STARTTLS required, or SMTPS, AUTH when a user is set).
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bz-integration-error.h"

G_BEGIN_DECLS

#define BZ_TYPE_MAIL_PROVIDER (bz_mail_provider_get_type ())
G_DECLARE_INTERFACE (BzMailProvider, bz_mail_provider, BZ, MAIL_PROVIDER, GObject)

/**
 * BzMailProviderInterface:
 * @get_name: a short static name ("smtp")
 * @send: sends one message.  Request: {to: one address, subject: UTF-8
 *   text, text: the UTF-8 plain-text body}.  Answer: {provider, accepted:
 *   true} once the server took the message (SMTP 250 after DATA, RFC 5321
 *   §4.1.1.4).  A request without those members, or with a line break in
 *   @to or @subject, is %BZ_INTEGRATION_ERROR_INVALID_REQUEST.
 */
struct _BzMailProviderInterface
{
  GTypeInterface parent_iface;
  const char *(*get_name) (BzMailProvider *self);
  JsonNode   *(*send)     (BzMailProvider *self, JsonObject *request, double *out_cost,
                           GCancellable *cancellable, GError **error);
};

/** bz_mail_provider_get_name: Returns: (transfer none): the provider's name. */
const char *bz_mail_provider_get_name (BzMailProvider *self);

/**
 * bz_mail_provider_send:
 * @request: {to, subject, text}
 * @out_cost: (out) (optional): MXN (0: the clinic's own mail server)
 *
 * Returns: (transfer full): {provider, accepted}, or %NULL with @error.
 */
JsonNode   *bz_mail_provider_send (BzMailProvider *self, JsonObject *request, double *out_cost,
                                   GCancellable *cancellable, GError **error);

/**
 * BzMailCall:
 * @provider: a #BzMailProvider
 * @request: {to, subject, text}
 *
 * The data of one call, as a #BzResilientFunc's @data.
 */
typedef struct
{
  BzMailProvider *provider;
  JsonObject *request;
} BzMailCall;

/** bz_mail_provider_call: a #BzResilientFunc calling @data's (a #BzMailCall) send. */
JsonNode   *bz_mail_provider_call (gpointer data, GCancellable *cancellable, double *out_cost, GError **error);

/* --- SMTP ------------------------------------------------------------------------- */

/** BZ_SMTP_PROVIDER_NAME: the provider's name in the registry and the health endpoint. */
#define BZ_SMTP_PROVIDER_NAME "smtp"
/** BZ_SMTP_PASSWORD_ENV: the SMTP password when no password_file is configured. */
#define BZ_SMTP_PASSWORD_ENV "BALANZA_SMTP_PASSWORD"
/** BZ_SMTP_TIMEOUT_S: one attempt's whole time by default: 30 s (RFC 5321
 * §4.5.3.2 allows minutes per command; the clinic's server answers in
 * seconds, and BzResilient's deadline bounds the call anyway). */
#define BZ_SMTP_TIMEOUT_S 30

/**
 * BzSmtpSecurity:
 * @BZ_SMTP_STARTTLS: smtp:// and STARTTLS required (RFC 3207), the default
 * @BZ_SMTP_TLS: smtps:// (implicit TLS, RFC 8314 §3.3)
 * @BZ_SMTP_NONE: plain SMTP, no TLS: only for a relay on the same machine
 *   (and the tests' fake server)
 */
typedef enum
{
  BZ_SMTP_STARTTLS,
  BZ_SMTP_TLS,
  BZ_SMTP_NONE,
} BzSmtpSecurity;

/**
 * BzSmtpSettings:
 * @host: the server's host name or address
 * @port: its port (default 587 for STARTTLS, 465 for TLS, 25 for none)
 * @security: #BzSmtpSecurity
 * @from: the sender's address (MAIL FROM and the From header)
 * @from_name: (nullable): the sender's display name ("Balanza")
 * @user: (nullable): the AUTH user; %NULL: no AUTH
 * @password: (nullable): the AUTH password; never logged, never stored in
 *   the database or written in the configuration file
 * @timeout_s: one attempt's time, s
 */
typedef struct
{
  char *host;
  guint port;
  BzSmtpSecurity security;
  char *from;
  char *from_name;
  char *user;
  char *password;
  guint timeout_s;
} BzSmtpSettings;

/** bz_smtp_settings_clear: frees the strings (the password wiped first). */
void      bz_smtp_settings_clear (BzSmtpSettings *settings);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BzSmtpSettings, bz_smtp_settings_clear)

/**
 * bz_smtp_settings_load:
 * @settings: (out caller-allocates): filled on success (clear it)
 * @file: balanzad's integrations key file (DATA_DIR/integrations.conf)
 * @group: the group, "smtp"
 * @error: G_KEY_FILE_ERROR_GROUP_NOT_FOUND without @group;
 *   G_KEY_FILE_ERROR_INVALID_VALUE for a missing host or from, a bad port,
 *   security or timeout, a "password" key (passwords live in a file of their
 *   own or the environment), an unreadable password_file
 *
 * Reads host, port, security ("starttls", "tls" or "none"), from, from_name,
 * user, password_file (a file holding the password) and timeout_s.  Without
 * password_file the password is $%BZ_SMTP_PASSWORD_ENV, when set.
 *
 * Returns: %TRUE on success.
 */
gboolean  bz_smtp_settings_load  (BzSmtpSettings *settings, GKeyFile *file, const char *group, GError **error);

#define BZ_TYPE_SMTP_MAILER (bz_smtp_mailer_get_type ())
G_DECLARE_FINAL_TYPE (BzSmtpMailer, bz_smtp_mailer, BZ, SMTP_MAILER, GObject)

/**
 * bz_smtp_mailer_new:
 * @settings: copied
 *
 * The `smtp` mail provider.  send builds an RFC 5322 message (From, To,
 * Subject encoded as RFC 2047 UTF-8 "B" words, Date, Message-ID; MIME 1.0
 * text/plain; charset=UTF-8 in base64, RFC 2045 §6.8), and hands it to the
 * server with libcurl (EHLO, STARTTLS or TLS as configured, AUTH when a user
 * is set, MAIL FROM, RCPT TO, DATA).  Errors (seed 003's kinds): no
 * connection, a dropped one or a time-out are UNAVAILABLE or TIMEOUT,
 * retryable; a 4xx reply (RFC 5321 §4.2.1: transient) UNAVAILABLE,
 * retryable; a 5xx reply (permanent) BAD_RESPONSE, not retried; a refused
 * AUTH or TLS is AUTH, not retried.
 *
 * Returns: (transfer full): a #BzMailProvider named "smtp", or %NULL when
 *   @settings has no host or from.
 */
BzSmtpMailer *bz_smtp_mailer_new (const BzSmtpSettings *settings);

G_END_DECLS
