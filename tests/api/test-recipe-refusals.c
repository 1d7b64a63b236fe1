/* test-recipe-refusals.c — POST /api/v1/recipes refused: every validation
 * message, and hostile input (malformed multipart, oversized photo, pixel
 * bomb, huge ingredient arrays, deep JSON, wrong types, unknown foods), each
 * leaving recipes, recipe_photos and blobs unchanged.  Part of the api
 * suite's binary (test-api.c). */
#include "bz-api-fixture.h"

#include <string.h>

#include "bz-limits.h"
#include "bz-test-util.h"
#include "test-recipe-common.h"

const char *test_api_nutri_token (void);
void        test_api_ensure_users (void);
void        test_recipe_refusals (void);

/* The detail {field, issue} is in @r's error; its message is not empty. */
static gboolean
has_issue (BzApiResponse *r, const char *field, const char *issue, const char *message)
{
  JsonObject *err = json_object_get_object_member (json_node_get_object (r->json), "error");
  JsonArray *d = json_object_get_array_member (err, "details");

  for (guint i = 0; i < json_array_get_length (d); i++)
    {
      JsonObject *o = json_array_get_object_element (d, i);
      if (g_strcmp0 (json_object_get_string_member (o, "field"), field) == 0 &&
          g_strcmp0 (json_object_get_string_member (o, "issue"), issue) == 0)
        {
          const char *m = json_object_get_string_member (o, "message");
          g_assert_true (m && *m);
          if (message)
            g_assert_cmpstr (m, ==, message);
          return TRUE;
        }
    }
  g_test_message ("no %s/%s in %.*s", field, issue, (int) g_bytes_get_size (r->body),
                  (const char *) g_bytes_get_data (r->body, NULL));
  return FALSE;
}

/* POSTs @mp and checks the status, error code and one detail, and that the
 * store did not change. */
static void
refused (const char *token, SoupMultipart *mp, guint status, const char *code, const char *field, const char *issue,
         const char *message)
{
  g_autoptr(BzApiResponse) r = NULL;
  gint64 before[3], after[3];

  test_recipe_counts (before);
  r = test_recipe_post (token, mp);
  if (r->status != status)
    g_error ("expected %u for %s/%s, got %u: %.*s", status, field, issue, r->status,
             (int) g_bytes_get_size (r->body), (const char *) g_bytes_get_data (r->body, NULL));
  g_assert_cmpstr (bz_api_error_code (r), ==, code);
  if (field)
    g_assert_true (has_issue (r, field, issue, message));
  test_recipe_counts (after);
  g_assert_cmpint (after[0], ==, before[0]);
  g_assert_cmpint (after[1], ==, before[1]);
  g_assert_cmpint (after[2], ==, before[2]);
}

/* The seed form with @name replaced by @value (NULL: left out). */
static SoupMultipart *
form_with (const char *name, const char *value)
{
  static const char *const names[] = { "title", "description", "meal_type", "dietary_tags", "difficulty",
                                       "prep_time_min", "cook_time_min", "servings", "ingredients", "instructions", "tags",
                                       NULL };
  static const char *const values[] = { "Tacos", NULL, "comida", NULL, "facil", "15", "15", "4", NULL,
                                        "[\"Sirve.\"]", NULL, NULL };
  SoupMultipart *mp = soup_multipart_new ("multipart/form-data");

  for (guint i = 0; names[i]; i++)
    {
      const char *v = g_strcmp0 (names[i], name) == 0 ? value
                      : g_str_equal (names[i], "ingredients") ? test_recipe_tacos_ingredients : values[i];
      test_recipe_form_add (mp, names[i], v);
    }
  return mp;
}

static void
refused_field (const char *name, const char *value, const char *field, const char *issue, const char *message)
{
  g_autoptr(SoupMultipart) mp = form_with (name, value);
  refused (test_api_nutri_token (), mp, 400, "VALIDATION_ERROR", field, issue, message);
}

static char *
repeat (const char *open, const char *item, const char *sep, const char *close, guint n)
{
  GString *s = g_string_new (open);
  for (guint i = 0; i < n; i++)
    {
      if (i && sep)
        g_string_append (s, sep);
      g_string_append (s, item);
    }
  g_string_append (s, close);
  return g_string_free (s, FALSE);
}

void
test_recipe_refusals (void)
{
  BzApi *api = bz_api_shared ();
  const char *nutri;

  test_api_ensure_users ();
  nutri = test_api_nutri_token ();

  /* Required fields, one detail each. */
  {
    g_autoptr(SoupMultipart) empty = soup_multipart_new ("multipart/form-data");
    g_autoptr(BzApiResponse) r = NULL;
    test_recipe_form_add (empty, "description", "Nada más");
    r = test_recipe_post (nutri, empty);
    g_assert_cmpuint (r->status, ==, 400);
    for (const char *const *f = (const char *const[]) { "title", "meal_type", "prep_time_min", "cook_time_min", "servings",
                                                         "ingredients", "instructions", NULL }; *f; f++)
      g_assert_true (has_issue (r, *f, "required", "This field is required"));
  }
  refused_field ("ingredients", "[]", "ingredients", "required", "A recipe needs at least one ingredient");
  refused_field ("instructions", "[]", "instructions", "required", "A recipe needs at least one step");
  refused_field ("title", "", "title", "required", NULL);

  /* Vocabularies, types and ranges. */
  refused_field ("meal_type", "brunch", "meal_type", "invalid_choice", "Is not one of the allowed values");
  refused_field ("difficulty", "extrema", "difficulty", "invalid_choice", "Is not one of the allowed values");
  refused_field ("servings", "cuatro", "servings", "invalid_type", "Must be a whole number");
  refused_field ("servings", "0", "servings", "out_of_range", NULL);
  refused_field ("servings", "101", "servings", "out_of_range", NULL);
  refused_field ("prep_time_min", "-1", "prep_time_min", "out_of_range", NULL);
  refused_field ("cook_time_min", "1441", "cook_time_min", "out_of_range", NULL);
  refused_field ("prep_time_min", "99999999999999999999999", "prep_time_min", "invalid_type", NULL);
  {
    g_autofree char *long_title = repeat ("", "a", NULL, "", 256);
    refused_field ("title", long_title, "title", "too_long", "Is too long");
  }
  refused_field ("ingredients", "{\"ndb_no\":\"05062\"}", "ingredients", "invalid_type", "Must be a list");
  refused_field ("ingredients", "[\"05062\"]", "ingredients[0]", "invalid_type", "Must be an object");
  refused_field ("ingredients", "[{\"ndb_no\":\"05062\",\"grams\":\"mucho\"}]", "ingredients[0].grams", "invalid_type",
                 "Must be a number");
  refused_field ("ingredients", "[{\"ndb_no\":\"05062\",\"grams\":0}]", "ingredients[0].grams", "out_of_range", NULL);
  refused_field ("ingredients", "[{\"ndb_no\":\"05062\",\"grams\":10001}]", "ingredients[0].grams", "out_of_range", NULL);
  refused_field ("ingredients", "[{\"grams\":100}]", "ingredients[0].ndb_no", "required", NULL);
  refused_field ("ingredients", "[{\"ndb_no\":123,\"grams\":100}]", "ingredients[0].ndb_no", "invalid_type", "Must be text");
  refused_field ("ingredients", "[{\"ndb_no\":\"050620\",\"grams\":100}]", "ingredients[0].ndb_no", "too_long", NULL);
  refused_field ("instructions", "[42]", "instructions[0]", "invalid_type", "Must be an object");
  refused_field ("instructions", "[{\"instruction\":\"\"}]", "instructions[0].instruction", "required", NULL);
  refused_field ("tags", "\"rico\"", "tags", "invalid_type", "Must be a list");

  /* Unknown foods: each named, nothing stored. */
  refused_field ("ingredients", "[{\"ndb_no\":\"05062\",\"grams\":500},{\"ndb_no\":\"99999\",\"grams\":10}]",
                 "ingredients[1].ndb_no", "unknown_food", "No USDA food has this number");
  refused_field ("ingredients", "[{\"ndb_no\":\"'; DROP TABLE recipes; --\",\"grams\":10}]", "ingredients[0].ndb_no",
                 "too_long", NULL);

  /* Dietary tags: unknown, and claims that do not hold for the ingredients. */
  refused_field ("dietary_tags", "[\"keto\"]", "dietary_tags", "invalid_choice",
                 "Unknown dietary tag “keto”: use vegetarian, vegan, gluten_free, no_added_sugar, high_protein, "
                 "high_fiber, low_fat, low_sodium or quick");
  refused_field ("dietary_tags", "vegan", "dietary_tags", "does_not_hold",
                 "The dietary tag “vegan” does not hold for these ingredients and this nutrition per serving");
  refused_field ("dietary_tags", "[\"quick\", \"vegetariano\"]", "dietary_tags", "does_not_hold", NULL);
  refused_field ("dietary_tags", "[1]", "dietary_tags[0]", "invalid_type", "Must be text");

  /* Malformed and hostile JSON parts. */
  refused_field ("ingredients", "[{\"ndb_no\":", "ingredients", "malformed_json", NULL);
  {
    g_autofree char *deep = repeat ("", "[", NULL, "", 20000);
    refused_field ("ingredients", deep, "ingredients", "too_deep", NULL);
  }
  {
    /* 51 real ingredients: the recipe's limit; 1,500 elements: the JSON
     * parser's (BZ_JSON_MAX_ITEMS); 5,000 ingredients: past BZ_JSON_BODY_MAX. */
    g_autofree char *fifty_one = repeat ("[", "{\"ndb_no\":\"11963\",\"grams\":10}", ",", "]", 51);
    g_autofree char *many = repeat ("[", "1", ",", "]", BZ_JSON_MAX_ITEMS + 500);
    g_autofree char *huge = repeat ("[", "{\"ndb_no\":\"11963\",\"grams\":10}", ",", "]", 5000);
    g_autofree char *steps = repeat ("[", "\"Mezcla.\"", ",", "]", 51);
    g_autoptr(SoupMultipart) huge_form = form_with ("ingredients", huge);
    refused_field ("ingredients", fifty_one, "ingredients", "too_many_items", "Has too many items");
    refused_field ("ingredients", many, "ingredients[1000]", "too_many_items", "Too many elements in one array or object");
    refused (nutri, huge_form, 413, "PAYLOAD_TOO_LARGE", "ingredients", "too_large", NULL);
    refused_field ("instructions", steps, "instructions", "too_many_items", NULL);
  }
  {
    g_autoptr(SoupMultipart) mp = form_with ("title", NULL);
    static const char nul_title[] = "Tacos\0ocultos";
    g_autoptr(GBytes) b = g_bytes_new_static (nul_title, sizeof nul_title - 1);
    soup_multipart_append_form_file (mp, "title", NULL, "text/plain", b);
    refused (nutri, mp, 400, "VALIDATION_ERROR", "title", "nul_character", NULL);
  }
  {
    g_autoptr(SoupMultipart) mp = form_with ("title", "Uno");
    test_recipe_form_add (mp, "title", "Dos");
    refused (nutri, mp, 400, "VALIDATION_ERROR", "title", "duplicate", "A form field was sent twice");
  }

  /* Photos: too many, empty, not an image, truncated, too large, a pixel bomb. */
  {
    g_autoptr(GBytes) jpeg = bz_api_test_jpeg ();
    g_autoptr(SoupMultipart) mp = form_with (NULL, NULL);
    for (guint i = 0; i < BZ_RECIPE_MAX_PHOTOS + 1; i++)
      soup_multipart_append_form_file (mp, "files", "p.jpg", "image/jpeg", jpeg);
    refused (nutri, mp, 400, "VALIDATION_ERROR", "files", "too_many_items", "A recipe may have at most 5 photos");
  }
  {
    g_autoptr(GBytes) none = g_bytes_new_static ("", 0);
    g_autoptr(SoupMultipart) mp = form_with (NULL, NULL);
    soup_multipart_append_form_file (mp, "files", "p.jpg", "image/jpeg", none);
    refused (nutri, mp, 400, "VALIDATION_ERROR", "files[0]", "required", "This photo is empty");
  }
  {
    g_autoptr(GBytes) jpeg = bz_api_test_jpeg ();
    g_autoptr(GBytes) text = g_bytes_new_static ("GIF89a no soy una foto", 22);
    g_autoptr(GBytes) cut = g_bytes_new_static ("\xFF\xD8\xFF\xE0 truncated jpeg", 20);
    g_autoptr(SoupMultipart) a = form_with (NULL, NULL), b = form_with (NULL, NULL);
    soup_multipart_append_form_file (a, "files", "p.jpg", "image/jpeg", jpeg);
    soup_multipart_append_form_file (a, "files", "p.gif", "image/gif", text);
    refused (nutri, a, 415, "UNSUPPORTED_MEDIA_TYPE", "files[1]", "unsupported_media", NULL);
    soup_multipart_append_form_file (b, "files", "p.jpg", "image/jpeg", cut);
    refused (nutri, b, 415, "UNSUPPORTED_MEDIA_TYPE", "files[0]", "truncated_image", NULL);
  }
  {
    g_autoptr(GBytes) bomb = bz_test_png_claiming (65535, 65535);
    g_autoptr(SoupMultipart) mp = form_with (NULL, NULL);
    soup_multipart_append_form_file (mp, "files", "bomb.png", "image/png", bomb);
    refused (nutri, mp, 413, "PAYLOAD_TOO_LARGE", "files[0]", "too_many_pixels", NULL);
  }
  {
    /* Over BZ_PHOTO_MAX_BYTES but within the route's body limit. */
    g_autoptr(GBytes) jpeg = bz_api_test_jpeg ();
    gsize len = BZ_PHOTO_MAX_BYTES + 1024;
    guint8 *big = g_malloc0 (len);
    g_autoptr(GBytes) b = NULL;
    g_autoptr(SoupMultipart) mp = form_with (NULL, NULL);
    memcpy (big, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg));
    b = g_bytes_new_take (big, len);
    soup_multipart_append_form_file (mp, "files", "big.jpg", "image/jpeg", b);
    refused (nutri, mp, 413, "PAYLOAD_TOO_LARGE", "files[0]", "too_large", NULL);
  }

  /* Not multipart, malformed multipart, no token. */
  {
    gint64 before[3], after[3];
    g_autoptr(BzApiResponse) json = NULL, bad = NULL, anon = NULL;
    static const char broken[] = "--B\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nTacos";
    test_recipe_counts (before);
    json = bz_api_json (api, "POST", "/api/v1/recipes", nutri, "{\"title\":\"Tacos\"}");
    g_assert_cmpuint (json->status, ==, 415);
    bad = bz_api_call (api, "POST", "/api/v1/recipes", nutri, "multipart/form-data; boundary=B", broken,
                       sizeof broken - 1, NULL);
    g_assert_cmpuint (bad->status, ==, 400);
    g_assert_true (has_issue (bad, "body", "malformed_multipart", "The multipart body is malformed"));
    {
      g_autoptr(SoupMultipart) mp = test_recipe_form_seed (NULL);
      anon = test_recipe_post (NULL, mp);
      g_assert_cmpuint (anon->status, ==, 401);
    }
    test_recipe_counts (after);
    g_assert_cmpint (after[0], ==, before[0]);
    g_assert_cmpint (after[2], ==, before[2]);
  }
}
