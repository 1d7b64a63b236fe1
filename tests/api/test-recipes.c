/* test-recipes.c — GET /api/v1/recipes and /api/v1/recipes/{id} (seed 002
 * §4.5) on the catalogue of data/recipes; part of the api suite's binary
 * (test-api.c runs it and checks every response against the document). */
#include "bz-api-fixture.h"

#include "bz-auth-service.h"
#include "bz-recipe-service.h"
#include "bz-store.h"

const char *test_api_nutri_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
void        test_recipes (void);

static int
count_statement (unsigned type, void *ctx, void *p, void *x)
{
  (*(guint *) ctx)++;
  return 0;
}

/* GET /api/v1/recipes?@query: the data object of a 200 (the response itself
 * checked against the document by bz_api_call()). */
static JsonObject *
recipes_page (const char *query, gint64 *out_total, JsonArray **out_recipes, BzApiResponse **out_r)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *path = g_strconcat ("/api/v1/recipes", query ? "?" : "", query ? query : "", NULL);
  BzApiResponse *r = bz_api_json (api, "GET", path, test_api_nutri_token (), NULL);
  JsonObject *d;

  if (r->status != 200)
    g_error ("GET %s: %u %.*s", path, r->status, (int) g_bytes_get_size (r->body),
             (const char *) g_bytes_get_data (r->body, NULL));
  d = bz_api_data (r);
  *out_total = json_object_get_int_member (json_object_get_object_member (d, "pagination"), "total_items");
  *out_recipes = json_object_get_array_member (d, "recipes");
  *out_r = r;
  return d;
}

static gint64
recipes_total (const char *query)
{
  g_autoptr(BzApiResponse) r = NULL;
  JsonArray *a;
  gint64 total;
  recipes_page (query, &total, &a, &r);
  return total;
}

/* Statements run by bz_recipes_find() for a page of @limit on this thread's connection. */
static guint
find_statements (BzApi *api, const BzCaller *caller, gint64 limit)
{
  sqlite3 *db = bz_store_db (api->store);
  BzRecipeQuery q = BZ_RECIPE_QUERY_INIT;
  g_autoptr(BzRecord) list = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  q.limit = limit;
  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, count_statement, &n);
  list = bz_recipes_find (api->services, caller, &q, &error);
  sqlite3_trace_v2 (db, 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (bz_record_get_n_items (list, BZ_RECIPE_LIST_RECIPES), ==, limit);
  return n;
}

/* Seed 002 §4.5 GET /recipes and GET /recipes/{id} on the catalogue of
 * data/recipes (113 recipes; the counts below are the catalogue's, from its
 * JSON: 32 for comida, 12 whose title or description names nopal(es), 46
 * with prep_time_min <= 10, 23 of medium difficulty, 10 vegetarian comidas,
 * 38 vegan and gluten-free, 7 naming plátano, 30 for cena). */
void
test_recipes (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(BzApiResponse) r = NULL;
  JsonArray *recipes;
  JsonObject *d, *first;
  gint64 total;
  g_autofree char *tacos_id = NULL;
  test_api_ensure_users ();

  /* The whole catalogue, 20 a page by default, each with its ingredients. */
  d = recipes_page (NULL, &total, &recipes, &r);
  g_assert_cmpint (total, ==, 113);
  g_assert_cmpuint (json_array_get_length (recipes), ==, 20);
  first = json_array_get_object_element (recipes, 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first, "author"), "username"), ==, "balanza");
  g_assert_true (json_object_get_boolean_member (first, "is_verified"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (first, "ingredients")), >, 0);
  g_assert_false (json_object_has_member (first, "instructions"));
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (d, "pagination"), "has_next"));
  g_clear_pointer (&r, bz_api_response_free);

  /* Filters, each spelling: meal_type in Spanish or English. */
  g_assert_cmpint (recipes_total ("meal_type=comida"), ==, 32);
  g_assert_cmpint (recipes_total ("meal_type=lunch"), ==, 32);
  g_assert_cmpint (recipes_total ("meal_type=Colaci%C3%B3n"), ==, 29);
  g_assert_cmpint (recipes_total ("max_prep_time_min=10"), ==, 46);
  g_assert_cmpint (recipes_total ("difficulty=media"), ==, 23);
  g_assert_cmpint (recipes_total ("difficulty=medium"), ==, 23);
  g_assert_cmpint (recipes_total ("is_verified=true"), ==, 113);
  g_assert_cmpint (recipes_total ("is_verified=false"), ==, 0);
  g_assert_cmpint (recipes_total ("meal_type=comida&dietary_tags=vegetarian"), ==, 10);
  g_assert_cmpint (recipes_total ("meal_type=comida&dietary_tags=vegetariano"), ==, 10);
  /* Several tags: all must hold, repeated, comma-separated or name[]. */
  g_assert_cmpint (recipes_total ("dietary_tags=vegan&dietary_tags=gluten_free"), ==, 38);
  g_assert_cmpint (recipes_total ("dietary_tags=vegan,sin%20gluten"), ==, 38);
  g_assert_cmpint (recipes_total ("dietary_tags%5B%5D=vegan&dietary_tags%5B%5D=gluten_free"), ==, 38);
  /* Full text: plural, singular, accents and case; stop words ignored. */
  g_assert_cmpint (recipes_total ("search=nopales"), ==, 12);
  g_assert_cmpint (recipes_total ("search=nopal"), ==, 12);
  g_assert_cmpint (recipes_total ("search=N%C3%93PALES"), ==, 12);
  g_assert_cmpint (recipes_total ("search=tacos%20con%20nopales"), ==, 2);
  g_assert_cmpint (recipes_total ("search=pl%C3%A1tano"), ==, recipes_total ("search=platano"));
  g_assert_cmpint (recipes_total ("search=platano"), ==, 7);
  g_assert_cmpint (recipes_total ("search=%22%2A%28"), ==, 113);   /* `"*(`: no word, no FTS5 syntax */
  {
    /* With a search, best match first: the title hits before description-only ones. */
    recipes_page ("search=nopales&meal_type=comida&limit=100", &total, &recipes, &r);
    g_assert_cmpint (total, ==, 4);
    for (guint i = 0; i < json_array_get_length (recipes); i++)
      {
        JsonObject *o = json_array_get_object_element (recipes, i);
        g_assert_cmpstr (json_object_get_string_member (o, "meal_type"), ==, "comida");
        if (g_str_equal (json_object_get_string_member (o, "title"), "Tacos de pollo con nopales"))
          tacos_id = g_strdup (json_object_get_string_member (o, "id"));
      }
    g_assert_nonnull (tacos_id);
    g_clear_pointer (&r, bz_api_response_free);
  }

  /* Sort orders: calories and total time ascending, ties by title. */
  {
    double last = 0;
    /* The first page of 100 (the largest limit) of the 113. */
    recipes_page ("sort_by=calories&limit=100", &total, &recipes, &r);
    g_assert_cmpint (total, ==, 113);
    g_assert_cmpuint (json_array_get_length (recipes), ==, 100);
    for (guint i = 0; i < 100; i++)
      {
        double kcal = json_object_get_double_member (json_object_get_object_member (
            json_array_get_object_element (recipes, i), "nutrition_per_serving"), "calories");
        g_assert_cmpfloat (kcal, >=, last);
        last = kcal;
      }
    g_clear_pointer (&r, bz_api_response_free);
  }
  {
    gint64 last = 0;
    recipes_page ("sort_by=total_time&meal_type=cena&limit=100", &total, &recipes, &r);
    g_assert_cmpint (total, ==, 30);
    for (guint i = 0; i < json_array_get_length (recipes); i++)
      {
        gint64 t = json_object_get_int_member (json_array_get_object_element (recipes, i), "total_time_min");
        g_assert_cmpint (t, >=, last);
        last = t;
      }
    g_clear_pointer (&r, bz_api_response_free);
  }
  g_assert_cmpint (recipes_total ("sort_by=rating"), ==, 113);
  g_assert_cmpint (recipes_total ("sort_by=created_at"), ==, 113);
  g_assert_cmpint (recipes_total ("sort_by=tried_count"), ==, 113);

  /* Pagination: the pages of 25 cover the catalogue once, in order. */
  {
    g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    for (guint page = 1; page <= 5; page++)
      {
        g_autofree char *q = g_strdup_printf ("sort_by=calories&limit=25&page=%u", page);
        JsonObject *p;
        d = recipes_page (q, &total, &recipes, &r);
        p = json_object_get_object_member (d, "pagination");
        g_assert_cmpint (json_object_get_int_member (p, "total_pages"), ==, 5);
        g_assert_cmpint (json_object_get_int_member (p, "current_page"), ==, page);
        g_assert_true (json_object_get_boolean_member (p, "has_next") == (page < 5));
        g_assert_cmpuint (json_array_get_length (recipes), ==, page < 5 ? 25 : 13);
        for (guint i = 0; i < json_array_get_length (recipes); i++)
          g_assert_true (g_hash_table_add (seen, g_strdup (json_object_get_string_member (
              json_array_get_object_element (recipes, i), "id"))));
        g_clear_pointer (&r, bz_api_response_free);
      }
    g_assert_cmpuint (g_hash_table_size (seen), ==, 113);
    recipes_page ("page=6&limit=25", &total, &recipes, &r);
    g_assert_cmpuint (json_array_get_length (recipes), ==, 0);
    g_assert_cmpint (total, ==, 113);
    g_clear_pointer (&r, bz_api_response_free);
  }

  /* One recipe: ingredients with SR28 descriptions, steps, nutrition and
   * SMAE equivalents per serving (data/recipes/check-recipes.py prints 449
   * kcal, 36.1 g protein for these tacos). */
  {
    g_autofree char *path = g_strconcat ("/api/v1/recipes/", tacos_id, NULL);
    g_autoptr(BzApiResponse) one = bz_api_json (api, "GET", path, test_api_nutri_token (), NULL);
    JsonObject *recipe, *n, *smae, *ing;
    g_assert_cmpuint (one->status, ==, 200);
    recipe = json_object_get_object_member (bz_api_data (one), "recipe");
    g_assert_cmpstr (json_object_get_string_member (recipe, "title"), ==, "Tacos de pollo con nopales");
    g_assert_cmpstr (json_object_get_string_member (recipe, "difficulty"), ==, "facil");
    g_assert_cmpint (json_object_get_int_member (recipe, "servings"), ==, 4);
    g_assert_true (json_object_get_null_member (recipe, "main_photo_url"));
    n = json_object_get_object_member (recipe, "nutrition_per_serving");
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (n, "calories"), 449, 0.5);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (n, "protein_g"), 36.1, 0.05);
    smae = json_object_get_object_member (recipe, "smae_equivalents_per_serving");
    g_assert_cmpuint (json_object_get_size (smae), ==, 18);
    g_assert_cmpfloat (json_object_get_double_member (smae, "aoa_muy_bajo_aporte_grasa"), >=, 3.9);   /* 4.02: 125 g chicken */
    g_assert_cmpfloat (json_object_get_double_member (smae, "cereales_sin_grasa"), >, 2);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (recipe, "ingredients")), ==, 12);
    ing = json_array_get_object_element (json_object_get_array_member (recipe, "ingredients"), 1);
    g_assert_cmpstr (json_object_get_string_member (ing, "ndb_no"), ==, "11963");
    g_assert_cmpstr (json_object_get_string_member (ing, "description"), ==, "Nopales, raw");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (recipe, "instructions")), ==, 5);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
        json_object_get_array_member (recipe, "instructions"), 0), "step_number"), ==, 1);
  }
  /* A member reads them too; nobody signed out does. */
  {
    g_autofree char *member = NULL;
    g_autofree char *pid = test_api_create_patient (test_api_nutri_token (), "recipes-m1@test.local", &member);
    g_autoptr(BzApiResponse) m = bz_api_json (api, "GET", "/api/v1/recipes?limit=1", member, NULL);
    g_autoptr(BzApiResponse) anon = bz_api_json (api, "GET", "/api/v1/recipes", NULL, NULL);
    g_assert_cmpuint (m->status, ==, 200);
    g_assert_cmpuint (anon->status, ==, 401);
  }

  /* 400 with a detail per bad parameter, 404 for an unknown id. */
  {
    static const struct { const char *query, *field; } bad[] = {
      { "meal_type=postre", "meal_type" },
      { "difficulty=extreme", "difficulty" },
      { "dietary_tags=vegan,carnivore", "dietary_tags" },
      { "sort_by=price", "sort_by" },
      { "limit=0", "limit" },
      { "limit=101", "limit" },
      { "page=0", "page" },
      { "page=abc", "page" },
      { "max_prep_time_min=-5", "max_prep_time_min" },
      { "max_prep_time_min=ten", "max_prep_time_min" },
      { "is_verified=maybe", "is_verified" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *path = g_strconcat ("/api/v1/recipes?", bad[i].query, NULL);
        g_autoptr(BzApiResponse) e = bz_api_json (api, "GET", path, test_api_nutri_token (), NULL);
        g_assert_cmpuint (e->status, ==, 400);
        g_assert_cmpstr (bz_api_error_code (e), ==, "VALIDATION_ERROR");
        g_assert_true (bz_api_has_detail (e, bad[i].field));
      }
    {
      g_autoptr(BzApiResponse) e = bz_api_json (api, "GET", "/api/v1/recipes?meal_type=postre&limit=500",
                                                test_api_nutri_token (), NULL);
      g_assert_cmpuint (e->status, ==, 400);
      g_assert_true (bz_api_has_detail (e, "meal_type") && bz_api_has_detail (e, "limit"));
    }
    {
      g_autoptr(BzApiResponse) e = bz_api_json (api, "GET", "/api/v1/recipes/00000000-0000-0000-0000-000000000000",
                                                test_api_nutri_token (), NULL);
      g_autoptr(BzApiResponse) e2 = bz_api_json (api, "GET", "/api/recipes/not-a-uuid", test_api_nutri_token (), NULL);
      g_assert_cmpuint (e->status, ==, 404);
      g_assert_cmpstr (bz_api_error_code (e), ==, "NOT_FOUND");
      g_assert_cmpuint (e2->status, ==, 404);
    }
  }

  /* No N+1: a page of one recipe or of twenty, the same statements. */
  {
    g_autoptr(BzCaller) caller = bz_auth_verify_access_token (api->services, test_api_nutri_token (), NULL);
    guint one = find_statements (api, caller, 1), twenty = find_statements (api, caller, 20);
    g_test_message ("statements: %u for one recipe, %u for twenty", one, twenty);
    g_assert_cmpuint (twenty, ==, one);
    g_assert_cmpuint (one, ==, 3);
  }
}

