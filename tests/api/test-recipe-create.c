/* test-recipe-create.c — POST /api/v1/recipes (seed 002 §4.5, multipart
 * with photos), who sees a pending recipe, its photos, and the derived
 * dietary tags checked against the whole catalogue; part of the api suite's
 * binary (test-api.c runs it and checks every response against the
 * document).  Validation and hostile input: test-recipe-refusals.c. */
#include "bz-api-fixture.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <stdlib.h>

#include "bz-recipe-derive.h"
#include "bz-recipe-repo.h"
#include "bz-store.h"
#include "test-recipe-common.h"

const char *test_api_nutri_token (void);
void        test_api_ensure_users (void);
void        test_recipe_create (void);
void        test_recipe_tags_match_catalogue (void);
void        test_recipe_refusals (void);       /* test-recipe-refusals.c */
void        test_scan_label (void);            /* test-scan-label.c */
void        test_scan_label_refusals (void);   /* test-scan-label.c */
void        test_recipe_add_tests (void);

/* The ingredients of the catalogue's "Tacos de pollo con nopales"
 * (data/recipes/recipes-es-MX.json), as a client sends them. */
const char *test_recipe_tacos_ingredients =
  "[{\"ndb_no\":\"05062\",\"grams\":500,\"text\":\"500 g de pechuga de pollo sin piel ni hueso\"},"
  "{\"ndb_no\":\"11963\",\"grams\":400,\"text\":\"5 nopales medianos limpios, en tiras\"},"
  "{\"ndb_no\":\"11282\",\"grams\":100,\"text\":\"½ cebolla blanca fileteada\"},"
  "{\"ndb_no\":\"11529\",\"grams\":250,\"text\":\"2 jitomates medianos picados\"},"
  "{\"ndb_no\":\"11977\",\"grams\":12,\"text\":\"2 chiles serranos picados\"},"
  "{\"ndb_no\":\"11215\",\"grams\":6,\"text\":\"2 dientes de ajo picados\"},"
  "{\"ndb_no\":\"04582\",\"grams\":9,\"text\":\"2 cucharaditas de aceite de canola\"},"
  "{\"ndb_no\":\"02047\",\"grams\":3,\"text\":\"½ cucharadita de sal\"},"
  "{\"ndb_no\":\"18363\",\"grams\":360,\"text\":\"12 tortillas de maíz\"},"
  "{\"ndb_no\":\"09037\",\"grams\":100,\"text\":\"½ aguacate en rebanadas\"},"
  "{\"ndb_no\":\"11165\",\"grams\":10,\"text\":\"½ taza de cilantro picado\"},"
  "{\"ndb_no\":\"09160\",\"grams\":30,\"text\":\"el jugo de 2 limones\"}]";

/* Seed 002 §3.3 instructions, with its step_number (ignored: the order numbers them). */
static const char *tacos_instructions =
  "[{\"step_number\":1,\"instruction\":\"Asa la pechuga sazonada y córtala en tiras.\",\"photo_url\":null,\"duration_min\":15},"
  "{\"step_number\":2,\"instruction\":\"Cocina los nopales con la cebolla, el ajo, el chile y el jitomate.\"},"
  "\"Sirve en tortillas calientes con aguacate, cilantro y limón.\"]";

void
test_recipe_form_add (SoupMultipart *mp, const char *name, const char *value)
{
  if (value)
    soup_multipart_append_form_string (mp, name, value);
}

BzApiResponse *
test_recipe_post (const char *token, SoupMultipart *mp)
{
  g_autoptr(SoupMessageHeaders) h = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GBytes) body = NULL;
  g_autofree char *ct = NULL;

  soup_multipart_to_message (mp, h, &body);
  ct = g_strdup (soup_message_headers_get_one (h, "Content-Type"));
  return bz_api_call (bz_api_shared (), "POST", "/api/v1/recipes", token, ct,
                      g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL);
}

SoupMultipart *
test_recipe_form_seed (const char *ingredients)
{
  SoupMultipart *mp = soup_multipart_new ("multipart/form-data");

  /* Seed 002 §4.5 POST /recipes, its example's values. */
  test_recipe_form_add (mp, "title", "Tacos de Pollo con Nopales");
  test_recipe_form_add (mp, "description", "Tacos saludables con pollo y nopales");
  test_recipe_form_add (mp, "meal_type", "comida");
  test_recipe_form_add (mp, "dietary_tags", "[\"high_protein\"]");
  test_recipe_form_add (mp, "difficulty", "facil");
  test_recipe_form_add (mp, "prep_time_min", "15");
  test_recipe_form_add (mp, "cook_time_min", "15");
  test_recipe_form_add (mp, "servings", "4");
  test_recipe_form_add (mp, "ingredients", ingredients ? ingredients : test_recipe_tacos_ingredients);
  test_recipe_form_add (mp, "instructions", tacos_instructions);
  /* Typed-in nutrition is not taken: computed from the ingredients. */
  test_recipe_form_add (mp, "nutrition_per_serving", "{\"calories\":350,\"protein_g\":25,\"carbs_g\":40,\"fat_g\":8}");
  return mp;
}

GBytes *
test_recipe_png (guint w, guint h)
{
  g_autoptr(GdkPixbuf) pix = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, (int) w, (int) h);
  char *buf;
  gsize len;

  gdk_pixbuf_fill (pix, 0x336699ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pix, &buf, &len, "png", NULL, NULL));
  return g_bytes_new_take (buf, len);
}

void
test_recipe_counts (gint64 out[3])
{
  BzApi *api = bz_api_shared ();
  out[0] = bz_api_count (api, "recipes");
  out[1] = bz_api_count (api, "recipe_photos");
  out[2] = bz_api_count (api, "blobs");
}

static gboolean
strv_json_contains (JsonArray *a, const char *s)
{
  for (guint i = 0; i < json_array_get_length (a); i++)
    if (g_strcmp0 (json_array_get_string_element (a, i), s) == 0)
      return TRUE;
  return FALSE;
}

static char *
strv_json_join (JsonArray *a)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) v = NULL;
  for (guint i = 0; i < json_array_get_length (a); i++)
    g_strv_builder_add (b, json_array_get_string_element (a, i));
  v = g_strv_builder_end (b);
  return g_strjoinv (",", v);
}

static gint64
search_total (const char *token, const char *query)
{
  g_autofree char *path = g_strconcat ("/api/v1/recipes?", query, NULL);
  g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "GET", path, token, NULL);
  g_assert_cmpuint (r->status, ==, 200);
  return json_object_get_int_member (json_object_get_object_member (bz_api_data (r), "pagination"), "total_items");
}

static guint
get_status (const char *token, const char *path)
{
  g_autoptr(BzApiResponse) r = bz_api_call (bz_api_shared (), "GET", path, token, NULL, NULL, 0, NULL);
  return r->status;
}

/* The catalogue's recipe whose title is @title, as GET /recipes/{id} answers. */
static JsonObject *
catalogue_recipe (const char *title, BzApiResponse **out_r)
{
  g_autofree char *q = g_uri_escape_string (title, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/api/v1/recipes?search=%s&limit=5", q);
  g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "GET", path, test_api_nutri_token (), NULL);
  JsonArray *a = json_object_get_array_member (bz_api_data (r), "recipes");
  g_autofree char *one = NULL;

  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);
      if (g_strcmp0 (json_object_get_string_member (o, "title"), title) == 0 &&
          json_object_get_boolean_member (o, "is_verified"))
        one = g_strdup_printf ("/api/v1/recipes/%s", json_object_get_string_member (o, "id"));
    }
  g_assert_nonnull (one);
  *out_r = bz_api_json (bz_api_shared (), "GET", one, test_api_nutri_token (), NULL);
  g_assert_cmpuint ((*out_r)->status, ==, 200);
  return json_object_get_object_member (bz_api_data (*out_r), "recipe");
}

void
test_recipe_create (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *member = NULL, *other = NULL;
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(GBytes) png = test_recipe_png (96, 64);
  g_autoptr(SoupMultipart) mp = NULL;
  g_autoptr(BzApiResponse) r = NULL, cat_r = NULL;
  g_autofree char *id = NULL, *self = NULL, *photo0 = NULL, *photo1 = NULL, *tags = NULL;
  JsonObject *data, *recipe, *n, *cn, *cat;
  gint64 before[3], after[3];

  test_api_ensure_users ();
  {
    /* A JPEG no other test uploads, so that the blob count below is exact. */
    g_autoptr(GdkPixbuf) pb = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 80, 60);
    char *buf = NULL;
    gsize len = 0;
    gdk_pixbuf_fill (pb, 0x4080C0FF);
    g_assert_true (gdk_pixbuf_save_to_buffer (pb, &buf, &len, "jpeg", NULL, NULL));
    jpeg = g_bytes_new_take (buf, len);
  }
  member = bz_api_register (api, "recipe-author@test.local", "patient", NULL);
  other = bz_api_register (api, "recipe-reader@test.local", "patient", NULL);
  test_recipe_counts (before);

  /* The seed's example, by a member, with two photos. */
  mp = test_recipe_form_seed (NULL);
  soup_multipart_append_form_file (mp, "files", "tacos.jpg", "image/jpeg", jpeg);
  soup_multipart_append_form_file (mp, "files", "paso.png", "image/png", png);
  r = test_recipe_post (member, mp);
  if (r->status != 201)
    g_error ("POST /recipes: %u %.*s", r->status, (int) g_bytes_get_size (r->body), (const char *) g_bytes_get_data (r->body, NULL));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (r->json), "message"), ==,
                   "Recipe created. Under review for publication.");
  data = bz_api_data (r);
  g_assert_cmpstr (json_object_get_string_member (data, "moderation_status"), ==, "pending");
  recipe = json_object_get_object_member (data, "recipe");
  id = g_strdup (json_object_get_string_member (recipe, "id"));
  g_assert_true (g_uuid_string_is_valid (id));
  g_assert_cmpstr (json_object_get_string_member (recipe, "moderation_status"), ==, "pending");
  g_assert_false (json_object_get_boolean_member (recipe, "is_verified"));
  g_assert_cmpstr (json_object_get_string_member (recipe, "meal_type"), ==, "comida");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (recipe, "author"), "user_type"), ==, "patient");
  g_assert_cmpint (json_object_get_int_member (recipe, "total_time_min"), ==, 30);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (recipe, "ingredients")), ==, 12);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (recipe, "ingredients"), 0),
                                                  "description"), ==,
                   "Chicken, broiler or fryers, breast, skinless, boneless, meat only, raw");
  {
    JsonArray *steps = json_object_get_array_member (recipe, "instructions");
    g_assert_cmpuint (json_array_get_length (steps), ==, 3);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (steps, 2), "step_number"), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (steps, 2), "instruction"), ==,
                     "Sirve en tortillas calientes con aguacate, cilantro y limón.");
  }

  /* Nutrition per serving: not the typed-in 350 kcal but the SR28 sum, the
   * same as the catalogue's recipe with these ingredients and servings. */
  cat = catalogue_recipe ("Tacos de pollo con nopales", &cat_r);
  n = json_object_get_object_member (recipe, "nutrition_per_serving");
  cn = json_object_get_object_member (cat, "nutrition_per_serving");
  g_assert_cmpfloat (json_object_get_double_member (n, "calories"), !=, 350.0);
  for (const char *const *k = (const char *const[]) { "calories", "protein_g", "carbs_g", "fat_g", "fiber_g", "sodium_mg", NULL }; *k; k++)
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (n, *k), json_object_get_double_member (cn, *k), 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (recipe, "smae_equivalents_per_serving"), "verduras"),
                                  json_object_get_double_member (json_object_get_object_member (cat, "smae_equivalents_per_serving"), "verduras"), 1e-9);
  /* Every tag that holds: the catalogue's verified tags for this recipe
   * (tradicional aside), not "quick" (30 min) nor "vegetarian" (chicken). */
  tags = strv_json_join (json_object_get_array_member (recipe, "dietary_tags"));
  g_assert_cmpstr (tags, ==, "gluten_free,no_added_sugar,high_protein,high_fiber,low_fat");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (recipe, "allergens")), ==, 0);

  /* Photos: main photo first, through the blob store. */
  self = g_strdup_printf ("/api/v1/recipes/%s", id);
  photo0 = g_strdup_printf ("/api/v1/recipes/%s/photos/0", id);
  photo1 = g_strdup_printf ("/api/v1/recipes/%s/photos/1", id);
  g_assert_cmpstr (json_object_get_string_member (recipe, "main_photo_url"), ==, photo0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (recipe, "gallery_photos")), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (recipe, "gallery_photos"), 1), ==, photo1);
  test_recipe_counts (after);
  g_assert_cmpint (after[0], ==, before[0] + 1);
  g_assert_cmpint (after[1], ==, before[1] + 2);
  g_assert_cmpint (after[2], ==, before[2] + 4);   /* two originals, two display copies */
  {
    g_autofree char *orig = g_strconcat (photo1, "?size=original", NULL);
    g_autoptr(BzApiResponse) p = bz_api_call (api, "GET", orig, member, NULL, NULL, 0, NULL);
    g_autoptr(BzApiResponse) d = bz_api_call (api, "GET", photo1, member, NULL, NULL, 0, NULL);
    g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
    g_assert_cmpuint (p->status, ==, 200);
    g_assert_true (g_bytes_equal (p->body, png));
    g_assert_cmpstr (soup_message_headers_get_content_type (p->headers, NULL), ==, "image/png");
    g_assert_cmpuint (d->status, ==, 200);
    g_assert_cmpstr (soup_message_headers_get_content_type (d->headers, NULL), ==, "image/jpeg");
    g_assert_true (gdk_pixbuf_loader_write_bytes (loader, d->body, NULL));
    g_assert_true (gdk_pixbuf_loader_close (loader, NULL));
    g_assert_cmpint (gdk_pixbuf_get_width (gdk_pixbuf_loader_get_pixbuf (loader)), ==, 96);
  }
  g_assert_cmpuint (get_status (member, photo0), ==, 200);

  /* Who sees the pending recipe: its author and nutritionists, not other
   * members (404, as for an id that does not exist), in search too. */
  g_assert_cmpuint (get_status (member, self), ==, 200);
  g_assert_cmpuint (get_status (test_api_nutri_token (), self), ==, 200);
  g_assert_cmpuint (get_status (other, self), ==, 404);
  g_assert_cmpuint (get_status (other, photo0), ==, 404);
  g_assert_cmpuint (get_status (test_api_nutri_token (), photo0), ==, 200);
  g_assert_cmpint (search_total (member, "search=tacos%20pollo%20nopales"), ==, 2);
  g_assert_cmpint (search_total (test_api_nutri_token (), "search=tacos%20pollo%20nopales"), ==, 2);
  g_assert_cmpint (search_total (other, "search=tacos%20pollo%20nopales"), ==, 1);
  g_assert_cmpint (search_total (other, "is_verified=false"), ==, 0);
  g_assert_cmpint (search_total (member, "is_verified=false&dietary_tags=high_protein"), ==, 1);
  {
    g_autofree char *no_photo = g_strdup_printf ("/api/v1/recipes/%s/photos/2", id);
    g_autofree char *bad = g_strdup_printf ("/api/v1/recipes/%s/photos/x", id);
    g_autofree char *size = g_strdup_printf ("%s?size=huge", photo0);
    g_autoptr(BzApiResponse) s = bz_api_call (api, "GET", size, member, NULL, NULL, 0, NULL);
    g_assert_cmpuint (get_status (member, no_photo), ==, 404);
    g_assert_cmpuint (get_status (member, bad), ==, 404);
    g_assert_cmpuint (s->status, ==, 400);
    g_assert_true (bz_api_has_detail (s, "size"));
  }

  /* A nutritionist's recipe without photos: steps as strings, ingredients
   * without text, tags as comma-separated Spanish labels; allergens. */
  {
    g_autoptr(SoupMultipart) m2 = soup_multipart_new ("multipart/form-data");
    g_autoptr(BzApiResponse) r2 = NULL;
    g_autofree char *t2 = NULL, *a2 = NULL;
    JsonObject *rec;
    test_recipe_form_add (m2, "title", "Licuado de avena con almendras");
    test_recipe_form_add (m2, "meal_type", "colacion");
    test_recipe_form_add (m2, "prep_time_min", "5");
    test_recipe_form_add (m2, "cook_time_min", "0");
    test_recipe_form_add (m2, "servings", "1");
    test_recipe_form_add (m2, "dietary_tags", "vegetariano, rápido");
    test_recipe_form_add (m2, "ingredients", "[{\"ndb_no\":\"01079\",\"grams\":250},{\"ndb_no\":\"08120\",\"grams\":30},"
                                             "{\"ndb_no\":\"12061\",\"grams\":10}]");
    test_recipe_form_add (m2, "instructions", "[\"Licúa todo y sirve.\"]");
    r2 = test_recipe_post (test_api_nutri_token (), m2);
    g_assert_cmpuint (r2->status, ==, 201);
    rec = json_object_get_object_member (bz_api_data (r2), "recipe");
    t2 = strv_json_join (json_object_get_array_member (rec, "dietary_tags"));
    a2 = strv_json_join (json_object_get_array_member (rec, "allergens"));
    /* By hand from SR28 per 100 g (01079 milk 2 %: 50 kcal, 3.30 g protein,
     * 1.98 g fat, 0 fiber, 47 mg Na; 08120 oats: 379, 13.15, 6.52, 10.1, 6;
     * 12061 almonds: 579, 21.15, 49.93, 12.5, 1) for 250 g + 30 g + 10 g:
     * 296.6 kcal, 14.3 g protein (≥ 10 for a snack), 4.28 g fiber (≥ 4),
     * 11.9 g fat = 36 % of the energy (not low fat), 119.4 mg sodium
     * (≤ 140).  Vegetarian, not vegan (milk), not gluten free (oats), quick. */
    {
      JsonObject *n2 = json_object_get_object_member (rec, "nutrition_per_serving");
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (n2, "calories"), 296.6, 0.051);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (n2, "protein_g"), 14.3, 0.051);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (n2, "fiber_g"), 4.3, 0.051);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (n2, "sodium_mg"), 119.4, 0.051);
    }
    g_assert_cmpstr (t2, ==, "vegetarian,no_added_sugar,high_protein,high_fiber,low_sodium,quick");
    g_assert_cmpstr (a2, ==, "gluten,milk,tree_nuts");
    g_assert_true (json_object_get_null_member (rec, "main_photo_url"));
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (rec, "ingredients"), 0),
                                                    "text"), ==, "250 g");
    g_assert_true (strv_json_contains (json_object_get_array_member (rec, "meal_types"), "colacion"));
  }
}

static int
sort_strings (const char *const *a, const char *const *b)
{
  return g_strcmp0 (*a, *b);
}

/* The C port of the catalogue checker's tag rules (bz_recipe_derive_tags)
 * against the tags data/recipes/check-recipes.py verified: for every one
 * of the 113 recipes, the tags derived from its ingredients are exactly the
 * dietary tags it carries (SOURCE.md: present whenever they hold). */
void
test_recipe_tags_match_catalogue (void)
{
  BzApi *api = bz_api_shared ();
  guint checked = 0;

  /* Two pages: 100 (the largest limit) and 13. */
  for (guint page = 1; page <= 2; page++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/recipes?limit=100&is_verified=true&page=%u", page);
      g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", path, test_api_nutri_token (), NULL);
      JsonArray *recipes = json_object_get_array_member (bz_api_data (r), "recipes");

      g_assert_cmpuint (json_array_get_length (recipes), ==, page == 1 ? 100 : 13);
      for (guint i = 0; i < json_array_get_length (recipes); i++)
        {
          JsonObject *rec = json_array_get_object_element (recipes, i);
          JsonArray *items = json_object_get_array_member (rec, "ingredients");
          JsonArray *meal_types = json_object_get_array_member (rec, "meal_types");
          JsonObject *n = json_object_get_object_member (rec, "nutrition_per_serving");
          g_autoptr(GPtrArray) ndbs = g_ptr_array_new ();
          g_autoptr(GHashTable) foods = NULL;
          g_autoptr(GError) error = NULL;
          g_auto(GStrv) derived = NULL;
          g_autofree char *want = NULL, *got = NULL;
          BzNutrients per = { 0 };
          guint traits = 0;

          for (guint k = 0; k < json_array_get_length (items); k++)
            g_ptr_array_add (ndbs, (gpointer) json_object_get_string_member (json_array_get_object_element (items, k), "ndb_no"));
          g_ptr_array_add (ndbs, NULL);
          g_assert_true (bz_recipe_repo_foods (api->store, (const char *const *) ndbs->pdata, &foods, &error));
          g_assert_no_error (error);
          for (guint k = 0; ndbs->pdata[k]; k++)
            {
              BzRecipeFood *f = g_hash_table_lookup (foods, ndbs->pdata[k]);
              g_assert_nonnull (f);
              traits |= bz_food_traits (ndbs->pdata[k], f->food_group, f->long_desc);
            }
          /* Unrounded (the response rounds to 0.1, and one recipe's fiber is
           * 7.96 g): the totals of its ingredients, as POST computes them. */
          {
            BzRecipeTotals totals = { { 0 } };
            double smae[BZ_SMAE_N_GROUPS];
            for (guint k = 0; k < json_array_get_length (items); k++)
              {
                JsonObject *it = json_array_get_object_element (items, k);
                BzRecipeFood *f = g_hash_table_lookup (foods, json_object_get_string_member (it, "ndb_no"));
                bz_recipe_totals_add (&totals, f->food_group, f->long_desc, &f->per_100g,
                                      json_object_get_double_member (it, "grams"));
              }
            bz_recipe_totals_per_serving (&totals, (guint) json_object_get_int_member (rec, "servings"), &per, smae);
            g_assert_cmpfloat_with_epsilon (per.energy_kcal, json_object_get_double_member (n, "calories"), 0.051);
          }
          derived = bz_recipe_derive_tags (traits, &per,
                                           json_array_get_length (meal_types) == 1 &&
                                           g_strcmp0 (json_array_get_string_element (meal_types, 0), "colacion") == 0,
                                           json_object_get_int_member (rec, "total_time_min"));
          want = strv_json_join (json_object_get_array_member (rec, "dietary_tags"));
          got = g_strjoinv (",", derived);
          {
            /* Compared as sets: the catalogue keeps its file's order. */
            g_auto(GStrv) w = g_strsplit (want, ",", -1), d = g_strsplit (got, ",", -1);
            qsort (w, g_strv_length (w), sizeof (char *), (int (*) (const void *, const void *)) sort_strings);
            qsort (d, g_strv_length (d), sizeof (char *), (int (*) (const void *, const void *)) sort_strings);
            g_free (want);
            g_free (got);
            want = g_strjoinv (",", w);
            got = g_strjoinv (",", d);
          }
          if (g_strcmp0 (want, got) != 0)
            g_test_message ("%s: catalogue %s, derived %s", json_object_get_string_member (rec, "title"), want, got);
          g_assert_cmpstr (got, ==, want);
          checked++;
        }
    }
  g_assert_cmpuint (checked, ==, 113);
}

/* Registers the tests of issue 7's POST /recipes and POST /ai/scan-label
 * (called by test-api.c before its every-operation check). */
void
test_recipe_add_tests (void)
{
  g_test_add_func ("/api/recipes/create", test_recipe_create);
  g_test_add_func ("/api/recipes/derived-tags-match-catalogue", test_recipe_tags_match_catalogue);
  g_test_add_func ("/api/recipes/refusals", test_recipe_refusals);
  g_test_add_func ("/api/ai/scan-label", test_scan_label);
  g_test_add_func ("/api/ai/scan-label/refusals", test_scan_label_refusals);
}
