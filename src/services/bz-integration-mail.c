/* bz-integration-mail.c — the mail provider's setup and sending (issue 9;
 * see bz-integration-service.h, "Mail through an SMTP server"). */
#include "bz-integration-private.h"

#include <string.h>

#define MAILER_KEY "bz-mail-provider"

static BzMailProvider *
mailer_of (BzServices *self)
{
  return g_object_get_data (G_OBJECT (self), MAILER_KEY);
}

gboolean
bz_integrations_use_smtp (BzServices *self, const BzSmtpSettings *settings, const BzResilientConfig *config,
                          const BzResilientClock *clock, GError **error)
{
  BzSmtpMailer *mailer;
  BzResilientConfig c;

  g_return_val_if_fail (BZ_IS_SERVICES (self), FALSE);
  mailer = bz_smtp_mailer_new (settings);
  if (mailer == NULL)
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                           "The SMTP provider needs a host and a sender address");
      return FALSE;
    }
  if (config)
    c = *config;
  else
    bz_resilient_config_init (&c);
  g_object_set_data_full (G_OBJECT (self), MAILER_KEY, mailer, g_object_unref);
  if (bz_integrations_lookup (self, BZ_MAIL_KIND, BZ_SMTP_PROVIDER_NAME) == NULL)
    bz_integrations_register (self, bz_resilient_new (BZ_MAIL_KIND, BZ_SMTP_PROVIDER_NAME, &c, clock));
  g_message ("Integrations: mail through %s port %u (%s)", settings->host, settings->port,
             settings->security == BZ_SMTP_TLS ? "TLS" : settings->security == BZ_SMTP_STARTTLS ? "STARTTLS"
                                                                                                : "no TLS");
  return TRUE;
}

gboolean
bz_integrations_load_smtp_config (BzServices *self, GKeyFile *file, GError **error)
{
  g_auto(BzSmtpSettings) settings = { 0 };
  g_autoptr(GError) local = NULL;
  BzResilientConfig config;

  if (!bz_smtp_settings_load (&settings, file, "smtp", &local))
    {
      if (g_error_matches (local, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  bz_resilient_config_init (&config);
  if (!bz_resilient_config_load (&config, file, "integration smtp", error))
    return FALSE;
  return bz_integrations_use_smtp (self, &settings, &config, NULL, error);
}

gboolean
bz_integrations_has_mailer (BzServices *self)
{
  return mailer_of (self) != NULL && bz_integrations_lookup (self, BZ_MAIL_KIND, BZ_SMTP_PROVIDER_NAME) != NULL;
}

gboolean
bz_integrations_send_mail (BzServices *self, const char *to, const char *subject, const char *text, GError **error)
{
  BzMailProvider *mailer = mailer_of (self);
  BzResilient *resilient = bz_integrations_lookup (self, BZ_MAIL_KIND, BZ_SMTP_PROVIDER_NAME);
  g_autoptr(JsonObject) request = json_object_new ();
  g_autoptr(JsonNode) answer = NULL;
  BzMailCall call;
  BzResilientRequest rr = { .endpoint = "SMTP DATA", .key = NULL, .remote = bz_mail_provider_call };

  g_return_val_if_fail (BZ_IS_SERVICES (self), FALSE);
  if (mailer == NULL || resilient == NULL)
    {
      g_propagate_error (error, bz_integration_error_new (BZ_SMTP_PROVIDER_NAME, BZ_INTEGRATION_ERROR_MANUAL_ENTRY,
                                                          0, FALSE, 0, "No mail provider is configured"));
      return FALSE;
    }
  json_object_set_string_member (request, "to", to);
  json_object_set_string_member (request, "subject", subject);
  json_object_set_string_member (request, "text", text);
  call = (BzMailCall) { mailer, request };
  rr.remote_data = &call;
  answer = bz_resilient_call (resilient, &rr, NULL, NULL, error);
  return answer != NULL;
}
