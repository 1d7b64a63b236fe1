/* bz-handlers-recipes.c — /api/v1/recipes (seed 002 §4.5), read side.
 * POST /api/v1/recipes (multipart with photos, moderation) is not served. */
#include "bz-router.h"

#include <glib/gi18n.h>

#include "bz-recipe-service.h"

/* Query parameter @name as an integer into @out (unchanged when absent);
 * its range is the service's to check. */
static void
query_int (BzRequest *req, const char *name, gint64 *out, BzValidation *v)
{
  const char *s = bz_request_query (req, name);
  gint64 value;

  if (s == NULL || *s == '\0')
    return;
  if (!g_ascii_string_to_signed (s, 10, G_MININT64 + 1, G_MAXINT64, &value, NULL))
    {
      g_autofree char *msg = g_strdup_printf (_("%s must be an integer"), name);
      bz_validation_add (v, name, "invalid_type", msg);
      return;
    }
  *out = value;
}

/* "true"/"false" (or 1/0) into -1 (absent), 1 or 0. */
static int
query_bool (BzRequest *req, const char *name, BzValidation *v)
{
  const char *s = bz_request_query (req, name);

  if (s == NULL || *s == '\0')
    return -1;
  if (g_ascii_strcasecmp (s, "true") == 0 || g_str_equal (s, "1"))
    return 1;
  if (g_ascii_strcasecmp (s, "false") == 0 || g_str_equal (s, "0"))
    return 0;
  {
    g_autofree char *msg = g_strdup_printf (_("%s must be true or false"), name);
    bz_validation_add (v, name, "invalid_type", msg);
  }
  return -1;
}

static BzResponse *
list (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecipeQuery q = BZ_RECIPE_QUERY_INIT;
  BzValidation v = BZ_VALIDATION_INIT;
  g_auto(GStrv) tags = bz_request_query_all (req, "dietary_tags");
  BzRecord *data;

  q.search = bz_request_query (req, "search");
  q.meal_type = bz_request_query (req, "meal_type");
  q.dietary_tags = (const char *const *) tags;
  q.difficulty = bz_request_query (req, "difficulty");
  q.sort_by = bz_request_query (req, "sort_by");
  q.is_verified = query_bool (req, "is_verified", &v);
  query_int (req, "max_prep_time_min", &q.max_prep_time_min, &v);
  query_int (req, "page", &q.page, &v);
  query_int (req, "limit", &q.limit, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  data = bz_recipes_find (svc, req->caller, &q, error);
  return data ? bz_response_record (200, data) : NULL;
}

static BzResponse *
get (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_recipes_get (svc, req->caller, bz_request_param (req, "recipe_id"), error);
  return data ? bz_response_record (200, data) : NULL;
}

const BzRoute bz_recipe_routes[] = {
  { "GET", "/api/v1/recipes", list, BZ_ROUTE_POOL, 0,
    "Search recipes (search, meal_type, dietary_tags, max_prep_time_min, difficulty, is_verified, "
    "sort_by: rating|created_at|tried_count|total_time|calories|relevance, page, limit)",
    .response = &bz_recipe_list_resource, .query = &bz_recipe_query_resource },
  { "GET", "/api/v1/recipes/{recipe_id}", get, 0, 0,
    "One recipe with its ingredients, instructions, nutrition and SMAE equivalents per serving",
    .response = &bz_recipe_envelope_resource },
  { NULL }
};
