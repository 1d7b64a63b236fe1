/* bz-integration-scan3d.c — seed 000 story 4.4 through the integration
 * layer: avatars from a remote 3D-scanning service (the `http` provider's
 * POST <base>/3d-scan) behind its BzResilient, the embedded body model the
 * fallback; and POST /api/integrations/3d-scan (see bz-integration-service.h). */
#include "bz-integration-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bz-avatar-provider.h"
#include "bz-gltf.h"
#include "bz-http-provider.h"
#include "bz-limits.h"
#include "bz-scan3d-resources.h"
#include "bz-scan-service.h"

#define SCAN3D_PROVIDER_KEY "bz-scan3d-provider"

static BzAvatarProvider *
remote_of (BzServices *self)
{
  return g_object_get_data (G_OBJECT (self), SCAN3D_PROVIDER_KEY);
}

gboolean
bz_integrations_use_scan3d_http (BzServices *self, const char *base_url, const char *api_key,
                                 const BzResilientConfig *config, const BzResilientClock *clock, GError **error)
{
  BzHttpProvider *provider;
  BzResilient *resilient;

  g_return_val_if_fail (BZ_IS_SERVICES (self), FALSE);
  if (!(provider = bz_http_provider_new (base_url, api_key)))
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                           "The 3D-scanning service needs an http or https base_url");
      return FALSE;
    }
  g_object_set_data_full (G_OBJECT (self), SCAN3D_PROVIDER_KEY, provider, g_object_unref);
  if (bz_integrations_lookup (self, BZ_SCAN3D_KIND, "http") == NULL)
    {
      resilient = bz_resilient_new (BZ_SCAN3D_KIND, "http", config, clock);
      bz_resilient_set_validator (resilient, bz_integrations_check_avatar_answer);
      bz_integrations_register (self, resilient);
    }
  g_message ("Integrations: 3D scanning through %s", base_url);
  return TRUE;
}

gboolean
bz_integrations_load_scan3d_config (BzServices *self, GKeyFile *file, GError **error)
{
  g_autofree char *url = NULL, *key_file = NULL, *key = NULL;
  BzResilientConfig config;

  if (!g_key_file_has_group (file, "scan3d"))
    return TRUE;
  if (g_key_file_has_key (file, "scan3d", "api_key", NULL))
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                           "[scan3d] api_key: keys are not written here; use api_key_file or $" BZ_SCAN3D_KEY_ENV);
      return FALSE;
    }
  url = g_key_file_get_string (file, "scan3d", "base_url", NULL);
  key_file = g_key_file_get_string (file, "scan3d", "api_key_file", NULL);
  if (key_file)
    {
      GError *local = NULL;
      if (!g_file_get_contents (key_file, &key, NULL, &local))
        {
          g_propagate_prefixed_error (error, local, "[scan3d] api_key_file: ");
          return FALSE;
        }
      g_strstrip (key);
    }
  else if (g_getenv (BZ_SCAN3D_KEY_ENV) && *g_getenv (BZ_SCAN3D_KEY_ENV))
    key = g_strdup (g_getenv (BZ_SCAN3D_KEY_ENV));
  bz_resilient_config_init (&config);
  if (!bz_resilient_config_load (&config, file, "integration scan3d", error))
    return FALSE;
  config.cache_entries = 0;   /* an avatar belongs to its measurements: no cached answer */
  return bz_integrations_use_scan3d_http (self, url, key, &config, NULL, error);
}

/* An avatar as the chain passes it: {"glb": base64 of the file}. */
static JsonNode *
glb_answer (GBytes *glb)
{
  g_autoptr(JsonObject) o = json_object_new ();
  gsize len;
  const guchar *data = g_bytes_get_data (glb, &len);

  g_autofree char *b64 = g_base64_encode (data, len);

  json_object_set_string_member (o, "glb", b64);
  return json_node_init_object (json_node_alloc (), o);
}

/* The GLB of an answer, %NULL when it has none. */
static GBytes *
glb_of (JsonNode *answer)
{
  JsonObject *o = answer && JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  const char *b64 = o ? json_object_get_string_member_with_default (o, "glb", NULL) : NULL;
  gsize len = 0;
  guchar *data;

  if (b64 == NULL || strlen (b64) > (gsize) BZ_AVATAR_GLB_MAX_BYTES / 3 * 4 + 4)
    return NULL;
  data = g_base64_decode (b64, &len);
  return g_bytes_new_take (data, len);
}

gboolean
bz_integrations_check_avatar_answer (JsonNode *answer, GError **error)
{
  g_autoptr(GBytes) glb = glb_of (answer);
  g_autoptr(BzMesh) mesh = NULL;

  if (glb == NULL || g_bytes_get_size (glb) == 0 || g_bytes_get_size (glb) > BZ_AVATAR_GLB_MAX_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The avatar is empty or over %d bytes",
                   BZ_AVATAR_GLB_MAX_BYTES);
      return FALSE;
    }
  if (!(mesh = bz_gltf_read_glb (glb, error)))
    return FALSE;
  if (bz_mesh_triangle_count (mesh) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The avatar has no triangles");
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  BzAvatarProvider *provider;
  const BzBodyMeasurements *m;
} AvatarCall;

/* One attempt of @data's provider, as BzResilientFunc. */
static JsonNode *
avatar_call (gpointer data, GCancellable *cancellable, double *out_cost, GError **error)
{
  AvatarCall *call = data;
  BzAvatarInfo info = { 0 };
  g_autoptr(GError) local = NULL;
  g_autoptr(GBytes) glb = bz_avatar_provider_generate (call->provider, call->m, &info, cancellable, &local);

  if (glb == NULL)
    {
      /* A scanner refusing the measurements (a 4xx) must not lose the scan:
       * reported as a bad answer, so that the chain goes on to the body model. */
      if (g_error_matches (local, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_INVALID_REQUEST))
        g_propagate_error (error, bz_integration_error_new (bz_avatar_provider_get_name (call->provider),
                                                            BZ_INTEGRATION_ERROR_BAD_RESPONSE, 0, FALSE, 0,
                                                            "The service refused the measurements: %s", local->message));
      else if (local->domain == BZ_INTEGRATION_ERROR || g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_propagate_error (error, bz_integration_error_new (bz_avatar_provider_get_name (call->provider),
                                                            BZ_INTEGRATION_ERROR_BAD_RESPONSE, 0, FALSE, 0, "%s",
                                                            local->message));
      return NULL;
    }
  return glb_answer (glb);
}

GBytes *
bz_integrations_make_avatar (BzServices *self, const BzBodyMeasurements *m, BzAvatarInfo *info, GError **error)
{
  BzAvatarProvider *local_provider = bz_services_get_avatar_provider (self);
  BzAvatarProvider *remote = remote_of (self);
  BzResilient *resilient = remote ? bz_integrations_lookup (self, BZ_SCAN3D_KIND, "http") : NULL;
  AvatarCall rcall = { remote, m }, lcall = { local_provider, m };
  BzResilientRequest rr = { "/3d-scan", NULL, avatar_call, &rcall, avatar_call, &lcall };
  BzResilientSource source = BZ_RESILIENT_LOCAL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(BzMesh) mesh = NULL;
  GBytes *glb;

  if (resilient == NULL)
    {
      /* No remote service: the embedded body model, directly. */
      glb = bz_avatar_provider_generate (local_provider, m, info, NULL, error);
      info->provider = bz_avatar_provider_get_name (local_provider);
      return glb;
    }
  answer = bz_resilient_call (resilient, &rr, NULL, &source, &local);
  if (answer == NULL || !(glb = glb_of (answer)))
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UPSTREAM, _("Avatar generation failed: %s"),
                   local ? local->message : "no avatar");
      return NULL;
    }
  /* Checked by the wrapper's validator; read again for its counts. */
  if (!(mesh = bz_gltf_read_glb (glb, error)))
    {
      g_bytes_unref (glb);
      return NULL;
    }
  info->vertex_count = bz_mesh_vertex_count (mesh);
  info->triangle_count = bz_mesh_triangle_count (mesh);
  info->provider = source == BZ_RESILIENT_LOCAL ? bz_avatar_provider_get_name (local_provider) : "http";
  info->source = bz_resilient_source_name (source);
  return glb;
}

BzRecord *
bz_integrations_scan_3d (BzServices *self, const BzCaller *caller, JsonObject *input, GError **error)
{
  g_autoptr(BzRecord) upload = NULL;
  BzRecord *result, *avatar;
  const char *provider;
  gboolean remote_configured = remote_of (self) && bz_integrations_lookup (self, BZ_SCAN3D_KIND, "http");

  g_return_val_if_fail (BZ_IS_SERVICES (self), NULL);
  if (caller == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "%s", _("Authentication required"));
      return NULL;
    }
  if (!(upload = bz_scans_add (self, caller, input, error)))
    return NULL;
  avatar = bz_record_get_object (upload, BZ_SCAN_UPLOAD_AVATAR);
  if (avatar == NULL)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_INTERNAL, "The new scan has no avatar");
      return NULL;
    }
  provider = bz_record_get_string (avatar, BZ_AVATAR_PROVIDER_NAME);
  result = bz_record_new (&bz_scan3d_result_resource);
  bz_record_set_string (result, BZ_SCAN3D_RESULT_AVATAR_URL, bz_record_get_string (avatar, BZ_AVATAR_URL));
  bz_record_set_int (result, BZ_SCAN3D_RESULT_AVATAR_VERSION, bz_record_get_int (avatar, BZ_AVATAR_VERSION));
  bz_record_set_string (result, BZ_SCAN3D_RESULT_PROVIDER, provider);
  bz_record_set_string (result, BZ_SCAN3D_RESULT_SOURCE, g_strcmp0 (provider, "http") == 0 ? "remote" : "local");
  bz_record_set_boolean (result, BZ_SCAN3D_RESULT_FALLBACK, remote_configured && g_strcmp0 (provider, "http") != 0);
  bz_record_take_object (result, BZ_SCAN3D_RESULT_AVATAR, g_object_ref (avatar));
  bz_record_take_object (result, BZ_SCAN3D_RESULT_SCAN, g_object_ref (bz_record_get_object (upload, BZ_SCAN_UPLOAD_SCAN)));
  return result;
}
