/* bz-router.c — path normalization and matching over the route tables. */
#include "bz-router.h"

static const BzRoute *const tables[] = {
  bz_health_routes, bz_auth_routes, bz_patient_routes,
  bz_food_routes, bz_scan_routes, bz_meal_routes, bz_meal_image_routes, bz_openapi_routes,
  bz_recipe_routes, bz_ai_routes,
  bz_meal_plan_routes, bz_analytics_routes,
  bz_integration_routes, bz_sync_routes, bz_diet_routes, bz_ai_plan_routes, bz_scan3d_routes, bz_body_routes, bz_workout_routes,
  bz_clinical_routes, bz_challenge_routes,
  bz_social_routes,
  bz_nutritionist_routes,
  bz_message_routes, bz_notification_routes,
  bz_device_routes,
  bz_metrics_routes,
  bz_privacy_routes,
  bz_password_reset_routes,
  bz_machine_routes,
  bz_recognize_routes,
  bz_instagram_routes,
};

char *
bz_router_normalize (const char *path)
{
  if (g_str_has_prefix (path, "/api/") && !g_str_has_prefix (path, "/api/v1/"))
    return g_strconcat ("/api/v1/", path + 5, NULL);
  return g_strdup (path);
}

/* The route tables compiled once: each pattern normalized and split into
 * segments, so matching a request splits only the request path. */
typedef struct
{
  const BzRoute *route;
  char **segments;   /* "", "api", "v1", "avatars", "{avatar_id}.glb" */
} CompiledRoute;

static GArray *
compiled_routes (void)
{
  static GArray *routes;
  if (g_once_init_enter (&routes))
    {
      GArray *a = g_array_new (FALSE, FALSE, sizeof (CompiledRoute));
      for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
        for (const BzRoute *r = tables[t]; r->method; r++)
          {
            g_autofree char *norm = bz_router_normalize (r->pattern);
            CompiledRoute c = { r, g_strsplit (norm, "/", -1) };
            g_array_append_val (a, c);
          }
      g_once_init_leave (&routes, a);
    }
  return routes;
}

static gboolean
match_segments (char **ps, char **qs, GHashTable **out_params)
{
  g_autoptr(GHashTable) params = NULL;

  if (g_strv_length (ps) != g_strv_length (qs))
    return FALSE;
  for (guint i = 0; ps[i]; i++)
    {
      const char *p = ps[i], *q = qs[i];
      if (p[0] == '{')
        {
          const char *close = strchr (p, '}');
          const char *suffix = close + 1;
          gsize qlen = strlen (q), slen = strlen (suffix);
          if (qlen <= slen || !g_str_has_suffix (q, suffix))
            return FALSE;
          if (params == NULL)
            params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          g_hash_table_insert (params, g_strndup (p + 1, close - p - 1), g_strndup (q, qlen - slen));
        }
      else if (strcmp (p, q) != 0)
        return FALSE;
    }
  *out_params = g_steal_pointer (&params);
  return TRUE;
}

BzRouteMatch
bz_router_match (const char *method, const char *path, const BzRoute **out_route, GHashTable **out_params)
{
  g_autofree char *norm = bz_router_normalize (path);
  g_auto(GStrv) qs = g_strsplit (norm, "/", -1);
  GArray *routes = compiled_routes ();
  gboolean path_exists = FALSE;

  for (guint i = 0; i < routes->len; i++)
    {
      const CompiledRoute *c = &g_array_index (routes, CompiledRoute, i);
      g_autoptr(GHashTable) params = NULL;
      if (!match_segments (c->segments, qs, &params))
        continue;
      if (strcmp (c->route->method, method) != 0 &&
          !(strcmp (method, "HEAD") == 0 && strcmp (c->route->method, "GET") == 0))
        {
          path_exists = TRUE;
          continue;
        }
      *out_route = c->route;
      *out_params = g_steal_pointer (&params);
      return BZ_ROUTE_FOUND;
    }
  return path_exists ? BZ_ROUTE_NO_METHOD : BZ_ROUTE_NO_PATH;
}

void
bz_router_foreach (void (*func) (const BzRoute *route, gpointer user_data), gpointer user_data)
{
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (const BzRoute *r = tables[t]; r->method; r++)
      func (r, user_data);
}
