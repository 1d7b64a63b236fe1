/* test-router.c — bz_router_match() answers as the plain walk over every
 * route does (the router before it grouped routes by segment count and cut
 * paths in place): the same result, route and parameters for every route's
 * own path, under both spellings, for every method, and for paths near them
 * (a segment more or less, empty segments, trailing slashes, suffixes). */
#include <glib.h>
#include <string.h>

#include "bz-router.h"

static const char *const methods[] = { "GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD" };

/* --- The reference: normalize, split, try every route in order ------------- */

typedef struct
{
  GPtrArray *routes;  /* const BzRoute * in declaration order */
} Routes;

static void
collect (const BzRoute *route, gpointer user_data)
{
  g_ptr_array_add (((Routes *) user_data)->routes, (gpointer) route);
}

static gboolean
reference_segments (char **ps, char **qs, GHashTable **out_params)
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

static BzRouteMatch
reference_match (Routes *all, const char *method, const char *path, const BzRoute **out_route,
                 GHashTable **out_params)
{
  g_autofree char *norm = bz_router_normalize (path);
  g_auto(GStrv) qs = g_strsplit (norm, "/", -1);
  gboolean path_exists = FALSE;

  for (guint i = 0; i < all->routes->len; i++)
    {
      const BzRoute *r = g_ptr_array_index (all->routes, i);
      g_autofree char *rnorm = bz_router_normalize (r->pattern);
      g_auto(GStrv) ps = g_strsplit (rnorm, "/", -1);
      g_autoptr(GHashTable) params = NULL;
      if (!reference_segments (ps, qs, &params))
        continue;
      if (strcmp (r->method, method) != 0 && !(strcmp (method, "HEAD") == 0 && strcmp (r->method, "GET") == 0))
        {
          path_exists = TRUE;
          continue;
        }
      *out_route = r;
      *out_params = g_steal_pointer (&params);
      return BZ_ROUTE_FOUND;
    }
  return path_exists ? BZ_ROUTE_NO_METHOD : BZ_ROUTE_NO_PATH;
}

/* --- Comparison ------------------------------------------------------------ */

static gboolean
same_params (GHashTable *a, GHashTable *b)
{
  GHashTableIter it;
  gpointer key, value;

  if (a == NULL || b == NULL)
    return a == b;
  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&it, a);
  while (g_hash_table_iter_next (&it, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
      return FALSE;
  return TRUE;
}

static guint n_checked;

static void
check_path (Routes *all, const char *path)
{
  for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
    {
      const BzRoute *want_route = NULL, *got_route = NULL;
      g_autoptr(GHashTable) want_params = NULL;
      g_autoptr(GHashTable) got_params = NULL;
      BzRouteMatch want = reference_match (all, methods[m], path, &want_route, &want_params);
      BzRouteMatch got = bz_router_match (methods[m], path, &got_route, &got_params);

      if (got != want || got_route != want_route || !same_params (got_params, want_params))
        g_error ("%s \"%s\": got %d (%s), want %d (%s)", methods[m], path, got,
                 got_route ? got_route->pattern : "-", want, want_route ? want_route->pattern : "-");
      n_checked++;
    }
}

/* @pattern with each "{name}" replaced by @value. */
static char *
instantiate (const char *pattern, const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = pattern; *p;)
    {
      if (*p == '{')
        {
          g_string_append (out, value);
          p = strchr (p, '}') + 1;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static void
test_same_as_walk (void)
{
  Routes all = { g_ptr_array_new () };
  static const char *const values[] = { "42", "a-b_c", "x.glb", ".glb", "", "v1", "api" };
  static const char *const extra[] = {
    "", "/", "//", "/api", "/api/", "/api/v1", "/api/v1/", "/api/v1/v1", "/api//v1", "api/v1/foods",
    "/api/v1/nutrition/daily", "/api/nutrition/daily", "/api/nutrition/daily/", "/api/nutrition//daily",
    "/metrics", "/health", "/ws", "/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s",
    "/api/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o", "/api/v1/a/b/c/d/e/f/g/h/i/j/k/l/m/n",
  };

  bz_router_foreach (collect, &all);
  g_assert_cmpuint (all.routes->len, >, 50);
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    check_path (&all, extra[i]);
  for (guint i = 0; i < all.routes->len; i++)
    {
      const BzRoute *r = g_ptr_array_index (all.routes, i);
      for (guint v = 0; v < G_N_ELEMENTS (values); v++)
        {
          g_autofree char *path = instantiate (r->pattern, values[v]);
          g_autofree char *norm = bz_router_normalize (path);
          g_autofree char *slash = g_strconcat (path, "/", NULL);
          g_autofree char *more = g_strconcat (path, "/x", NULL);
          g_autofree char *less = g_path_get_dirname (path);
          g_autofree char *upper = g_ascii_strup (path, -1);
          check_path (&all, path);
          check_path (&all, norm);
          check_path (&all, slash);
          check_path (&all, more);
          check_path (&all, less);
          check_path (&all, upper);
          /* The short spelling of a /api/v1/ route. */
          if (g_str_has_prefix (path, "/api/v1/"))
            {
              g_autofree char *shortened = g_strconcat ("/api/", path + 8, NULL);
              check_path (&all, shortened);
            }
        }
    }
  g_test_message ("%u requests compared", n_checked);
  g_ptr_array_unref (all.routes);
}

/* The daily route by both spellings, and its neighbours that are not routes. */
static void
test_daily (void)
{
  const BzRoute *route = NULL;
  g_autoptr(GHashTable) params = NULL;

  g_assert_cmpint (bz_router_match ("GET", "/api/nutrition/daily", &route, &params), ==, BZ_ROUTE_FOUND);
  g_assert_cmpstr (route->method, ==, "GET");
  g_assert_cmpstr (route->pattern + strlen (route->pattern) - strlen ("/nutrition/daily"), ==, "/nutrition/daily");
  g_assert_null (params);
  route = NULL;
  g_assert_cmpint (bz_router_match ("HEAD", "/api/v1/nutrition/daily", &route, &params), ==, BZ_ROUTE_FOUND);
  g_assert_nonnull (route);
  g_assert_cmpint (bz_router_match ("GET", "/api/v1/nutrition/daily/x", &route, &params), ==, BZ_ROUTE_NO_PATH);
  g_assert_cmpint (bz_router_match ("GET", "/api/v1/nutrition", &route, &params), ==, BZ_ROUTE_NO_PATH);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/router/same-as-walk", test_same_as_walk);
  g_test_add_func ("/router/daily", test_daily);
  return g_test_run ();
}
