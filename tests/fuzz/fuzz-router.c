/* fuzz-router.c — bz_router_match() and bz_router_normalize().
 *
 * Input: the first byte picks the method (GET, POST, PUT, PATCH, DELETE,
 * OPTIONS, HEAD), the rest is the path (cut at the first NUL, as a C string).
 * Checks:
 *  - FOUND gives the route and, exactly when its pattern has "{name}"
 *    segments, one non-empty parameter per segment; the route's method is
 *    the request's (or GET for HEAD);
 *  - the route found is the one whose pattern the path rebuilds: putting the
 *    captured parameters back into the pattern gives the normalized path;
 *  - NO_METHOD means another method matches this path; NO_PATH means none
 *    does; FOUND for one method means no method gets NO_PATH;
 *  - normalization is idempotent, and a path matches as its normalized form.
 */
#include "fuzz-common.h"

#include "bz-router.h"

static const char *const methods[] = { "GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD" };

/* The pattern with each "{name}" replaced by its parameter. */
static char *
rebuild (const char *pattern, GHashTable *params, guint *n_params)
{
  GString *out = g_string_new (NULL);
  const char *p = pattern;

  *n_params = 0;
  while (*p)
    {
      if (*p == '{')
        {
          const char *close = strchr (p, '}');
          g_autofree char *name = NULL;
          const char *value;
          BZ_FUZZ_CHECK (close != NULL);
          name = g_strndup (p + 1, close - p - 1);
          value = params ? g_hash_table_lookup (params, name) : NULL;
          BZ_FUZZ_CHECK_MSG (value != NULL && *value != '\0', "parameter %s of %s", name, pattern);
          g_string_append (out, value);
          (*n_params)++;
          p = close + 1;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static BzRouteMatch
match (const char *method, const char *path, const BzRoute **route, GHashTable **params)
{
  *route = NULL;
  *params = NULL;
  return bz_router_match (method, path, route, params);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  bz_fuzz_init (NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *method;
  g_autofree char *path = NULL;
  g_autofree char *norm = NULL;
  g_autofree char *norm2 = NULL;
  const BzRoute *route;
  g_autoptr(GHashTable) params = NULL;
  BzRouteMatch m;
  gboolean any_found = FALSE, any_no_method = FALSE, any_no_path = FALSE;

  if (size == 0)
    return 0;
  method = methods[data[0] % G_N_ELEMENTS (methods)];
  path = g_strndup ((const char *) data + 1, size - 1);

  norm = bz_router_normalize (path);
  norm2 = bz_router_normalize (norm);
  BZ_FUZZ_CHECK_MSG (strcmp (norm, norm2) == 0, "normalize is not idempotent: %s -> %s -> %s",
                     path, norm, norm2);

  m = match (method, path, &route, &params);
  BZ_FUZZ_CHECK (m == BZ_ROUTE_FOUND || m == BZ_ROUTE_NO_PATH || m == BZ_ROUTE_NO_METHOD);
  if (m == BZ_ROUTE_FOUND)
    {
      g_autofree char *route_norm = NULL;
      g_autofree char *rebuilt = NULL;
      guint n_params;

      BZ_FUZZ_CHECK (route != NULL && route->pattern != NULL && route->handler != NULL);
      BZ_FUZZ_CHECK (strcmp (route->method, method) == 0 ||
                     (strcmp (method, "HEAD") == 0 && strcmp (route->method, "GET") == 0));
      route_norm = bz_router_normalize (route->pattern);
      rebuilt = rebuild (route_norm, params, &n_params);
      BZ_FUZZ_CHECK_MSG (strcmp (rebuilt, norm) == 0, "%s %s matched %s but rebuilds as %s",
                         method, path, route->pattern, rebuilt);
      BZ_FUZZ_CHECK (n_params == (params ? g_hash_table_size (params) : 0));
      if (params)
        {
          GHashTableIter it;
          gpointer value;
          g_hash_table_iter_init (&it, params);
          while (g_hash_table_iter_next (&it, NULL, &value))
            BZ_FUZZ_CHECK (strchr (value, '/') == NULL);
        }
    }
  else
    BZ_FUZZ_CHECK (route == NULL && params == NULL);

  /* The same path under its normalized spelling matches the same way. */
  {
    const BzRoute *r2;
    g_autoptr(GHashTable) p2 = NULL;
    BZ_FUZZ_CHECK (match (method, norm, &r2, &p2) == m && r2 == route);
  }

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      const BzRoute *r;
      g_autoptr(GHashTable) p = NULL;
      switch (match (methods[i], path, &r, &p))
        {
        case BZ_ROUTE_FOUND: any_found = TRUE; break;
        case BZ_ROUTE_NO_METHOD: any_no_method = TRUE; break;
        case BZ_ROUTE_NO_PATH: any_no_path = TRUE; break;
        }
    }
  if (m == BZ_ROUTE_NO_METHOD)
    BZ_FUZZ_CHECK_MSG (any_found, "%s %s: NO_METHOD, but no method matches", method, path);
  if (m == BZ_ROUTE_NO_PATH)
    BZ_FUZZ_CHECK (!any_found && !any_no_method);
  if (any_found)
    BZ_FUZZ_CHECK (!any_no_path);
  return 0;
}
