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

/**
 * bz_integrations_load_scan3d_config:
 * @file: balanzad's integrations key file
 * @error: G_KEY_FILE_ERROR_INVALID_VALUE (an api_key written in the file,
 *   no http(s) base_url), the api_key_file's read error, bz_resilient_config_load()'s
 *
 * Configures the remote 3D-scanning service from group [scan3d] (base_url;
 * api_key_file, else $BALANZA_SCAN3D_API_KEY) and, optionally,
 * [integration scan3d] (bz_integrations_use_scan3d_http()); without
 * [scan3d], nothing.
 *
 * Returns: %TRUE on success.
 */
gboolean bz_integrations_load_scan3d_config (BzServices *self, GKeyFile *file, GError **error);

G_END_DECLS
