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

/* The route tables compiled once: each pattern normalized and cut into
 * segments ("", "api", "v1", "avatars", "{avatar_id}.glb"), and the routes
 * grouped by their number of segments, in declaration order.  Matching a
 * request cuts its path in place (no copy, no allocation) and tries only the
 * routes with as many segments: the first that matches in declaration order
 * is the one the whole table would give, since a route with another number
 * of segments never matches. */
typedef struct
{
  const char *text;  /* a literal segment; for a parameter, the literal suffix after "}" */
  gsize len;         /* of @text */
  char *name;        /* the parameter's name; NULL for a literal */
} Segment;

typedef struct
{
  const BzRoute *route;
  Segment *segments;
  guint n_segments;
} CompiledRoute;

#define MAX_SEGMENTS 16

typedef struct
{
  GPtrArray *by_count[MAX_SEGMENTS + 1];  /* n -> CompiledRoute * with n segments */
} CompiledTable;

static CompiledRoute *
compile_route (const BzRoute *r)
{
  g_autofree char *norm = bz_router_normalize (r->pattern);
  g_auto(GStrv) parts = g_strsplit (norm, "/", -1);
  CompiledRoute *c = g_new0 (CompiledRoute, 1);

  c->route = r;
  c->n_segments = g_strv_length (parts);
  c->segments = g_new0 (Segment, c->n_segments);
  for (guint i = 0; i < c->n_segments; i++)
    {
      const char *p = parts[i];
      Segment *s = &c->segments[i];
      if (p[0] == '{')
        {
          const char *close = strchr (p, '}');
          s->name = g_strndup (p + 1, close - p - 1);
          s->text = g_strdup (close + 1);
        }
      else
        s->text = g_strdup (p);
      s->len = strlen (s->text);
    }
  return c;
}

static const CompiledTable *
compiled_table (void)
{
  static CompiledTable *table;
  if (g_once_init_enter (&table))
    {
      CompiledTable *t = g_new0 (CompiledTable, 1);
      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        for (const BzRoute *r = tables[i]; r->method; r++)
          {
            CompiledRoute *c = compile_route (r);
            g_assert (c->n_segments <= MAX_SEGMENTS);
            if (t->by_count[c->n_segments] == NULL)
              t->by_count[c->n_segments] = g_ptr_array_new ();
            g_ptr_array_add (t->by_count[c->n_segments], c);
          }
      g_once_init_leave (&table, t);
    }
  return table;
}

/* One segment of the request path: not NUL-terminated. */
typedef struct
{
  const char *s;
  gsize len;
} Part;

static gboolean
part_is (const Part *q, const char *text)
{
  return q->len == strlen (text) && memcmp (q->s, text, q->len) == 0;
}

/* Cuts @path into @qs as bz_router_normalize() and g_strsplit (…, "/", -1)
 * would: "/api/x" gets a "v1" segment after "api".  Returns the number of
 * segments, or 0 when there are more than %MAX_SEGMENTS (no route has). */
static guint
split_path (const char *path, Part qs[MAX_SEGMENTS + 1])
{
  guint n = 0;
  const char *p = path;

  if (*path == '\0')
    return 0;  /* g_strsplit() gives no segment at all */
  for (;;)
    {
      const char *slash = strchr (p, '/');
      gsize len = slash ? (gsize) (slash - p) : strlen (p);
      if (n == MAX_SEGMENTS + 1)
        return 0;
      qs[n++] = (Part) { p, len };
      if (slash == NULL)
        break;
      p = slash + 1;
    }
  /* "/api/..." but not "/api/v1/...": the same as "/api/v1/...". */
  if (n >= 3 && qs[0].len == 0 && part_is (&qs[1], "api") && !(n >= 4 && part_is (&qs[2], "v1")))
    {
      if (n == MAX_SEGMENTS + 1)
        return 0;
      memmove (&qs[3], &qs[2], (n - 2) * sizeof (Part));
      qs[2] = (Part) { "v1", 2 };
      n++;
    }
  return n;
}

/* Whether @c matches the request's @qs (as many): last segment first, where
 * routes differ most. */
static gboolean
segments_match (const CompiledRoute *c, const Part *qs)
{
  for (guint i = c->n_segments; i-- > 0;)
    {
      const Segment *p = &c->segments[i];
      const Part *q = &qs[i];
      if (p->name == NULL)
        {
          if (q->len != p->len || (p->len && (q->s[0] != p->text[0] || memcmp (q->s, p->text, p->len) != 0)))
            return FALSE;
        }
      else if (q->len <= p->len || memcmp (q->s + q->len - p->len, p->text, p->len) != 0)
        return FALSE;
    }
  return TRUE;
}

static GHashTable *
segment_params (const CompiledRoute *c, const Part *qs)
{
  GHashTable *params = NULL;

  for (guint i = 0; i < c->n_segments; i++)
    {
      const Segment *p = &c->segments[i];
      if (p->name == NULL)
        continue;
      if (params == NULL)
        params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (params, g_strdup (p->name), g_strndup (qs[i].s, qs[i].len - p->len));
    }
  return params;
}

BzRouteMatch
bz_router_match (const char *method, const char *path, const BzRoute **out_route, GHashTable **out_params)
{
  const CompiledTable *table = compiled_table ();
  Part qs[MAX_SEGMENTS + 1];
  guint n = split_path (path, qs);
  gboolean head = strcmp (method, "HEAD") == 0;
  gboolean path_exists = FALSE;
  GPtrArray *routes = n <= MAX_SEGMENTS ? table->by_count[n] : NULL;

  for (guint i = 0; routes && i < routes->len; i++)
    {
      const CompiledRoute *c = g_ptr_array_index (routes, i);
      if (!segments_match (c, qs))
        continue;
      if (strcmp (c->route->method, method) != 0 && !(head && strcmp (c->route->method, "GET") == 0))
        {
          path_exists = TRUE;
          continue;
        }
      *out_route = c->route;
      *out_params = segment_params (c, qs);
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
