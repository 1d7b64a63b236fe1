/* bz-integration-private.h — between the integration service's files only. */
#pragma once

#include "bz-integration-service.h"

G_BEGIN_DECLS

/**
 * bz_integrations_load_smtp_config:
 * @file: balanzad's integrations key file
 * @error: as bz_smtp_settings_load() and bz_resilient_config_load()
 *
 * Configures the mail provider from groups [smtp] and, optionally,
 * [integration smtp] (bz_integrations_use_smtp()); without [smtp], nothing.
 *
 * Returns: %TRUE on success.
 */
gboolean bz_integrations_load_smtp_config (BzServices *self, GKeyFile *file, GError **error);

G_END_DECLS
