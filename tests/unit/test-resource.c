/* test-resource.c — the declaration mechanism: records, JSON, validation, schemas. */
#include <math.h>
#include <string.h>

#include "bz-json.h"
#include "bz-resources.h"
#include "bz-nutritionist-resources.h"

static char *
to_json (BzRecord *rec)
{
  GString *s = g_string_new (NULL);
  bz_record_write_json (rec, s);
  return g_string_free (s, FALSE);
}

static void
test_record_json (void)
{
  g_autoptr(BzRecord) item = bz_record_new (&bz_meal_item_resource);
  g_autoptr(BzRecord) panel = bz_record_new (&bz_nutrients_resource);
  g_autofree char *json = NULL;
  double grams = 0;
  g_autofree char *ndb = NULL;

  bz_record_set_string (item, BZ_MEAL_ITEM_NDB_NO, "18363");
  bz_record_set_double (item, BZ_MEAL_ITEM_GRAMS, 60);
  bz_record_set_double (panel, BZ_NUTRIENTS_ENERGY_KCAL, 130.8000001);
  bz_record_set_double (panel, BZ_NUTRIENTS_SODIUM_MG, 2.25);
  bz_record_take_object (item, BZ_MEAL_ITEM_NUTRITION, g_steal_pointer (&panel));
  json = to_json (item);
  /* Declaration order; unset fields null; ROUND1 panel values rounded to 0.1. */
  g_assert_cmpstr (json, ==, "{\"ndb_no\":\"18363\",\"description\":null,\"name_es\":null,\"grams\":60,\"nutrition\":"
                   "{\"energy_kcal\":130.8,\"protein_g\":null,\"carbohydrate_g\":null,\"fat_g\":null,"
                   "\"fiber_g\":null,\"sodium_mg\":2.3}}");
  /* The same values through GObject properties (canonical or seed spelling). */
  g_object_get (item, "grams", &grams, "ndb_no", &ndb, NULL);
  g_assert_cmpfloat (grams, ==, 60);
  g_assert_cmpstr (ndb, ==, "18363");
  g_assert_true (g_type_is_a (G_OBJECT_TYPE (item), BZ_TYPE_RECORD));
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (item), ==, "BzMealItemRecord");
}

static void
test_record_array_model (void)
{
  g_autoptr(BzRecord) meal = bz_record_new (&bz_meal_resource);
  g_autoptr(GListModel) items = NULL;
  g_autofree char *json = NULL;

  bz_record_set_empty_array (meal, BZ_MEAL_ITEMS);
  for (guint i = 0; i < 3; i++)
    {
      BzRecord *it = bz_record_new (&bz_meal_item_resource);
      bz_record_set_double (it, BZ_MEAL_ITEM_GRAMS, 10 * (i + 1));
      bz_record_append (meal, BZ_MEAL_ITEMS, it);
    }
  g_object_get (meal, "items", &items, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  g_assert_cmpfloat (bz_record_get_double (bz_record_get_item (meal, BZ_MEAL_ITEMS, 2), BZ_MEAL_ITEM_GRAMS), ==, 30);
  json = to_json (meal);
  g_assert_nonnull (strstr (json, "\"items\":[{\"ndb_no\":null,\"description\":null,\"name_es\":null,\"grams\":10,"));
}

static JsonObject *
parse_obj (const char *text)
{
  g_autoptr(JsonNode) n = json_from_string (text, NULL);
  g_assert_nonnull (n);
  return json_object_ref (json_node_get_object (n));
}

/* Every issue reported for @text, as "field issue" lines. */
static char *
issues (const BzResource *res, const char *text, BzRecord **out)
{
  g_autoptr(JsonObject) o = parse_obj (text);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(GError) error = NULL;
  BzRecord *rec = bz_resource_parse (res, o, NULL, &v);
  GString *s = g_string_new (NULL);

  if (!bz_validation_finish (&v, &error))
    {
      JsonArray *d = bz_error_get_details (error);
      for (guint i = 0; i < json_array_get_length (d); i++)
        {
          JsonObject *e = json_array_get_object_element (d, i);
          g_string_append_printf (s, "%s %s;", json_object_get_string_member (e, "field"),
                                  json_object_get_string_member (e, "issue"));
        }
      g_assert_null (rec);
    }
  if (out)
    *out = rec;
  else
    g_clear_object (&rec);
  return g_string_free (s, FALSE);
}

static void
test_parse (void)
{
  g_autoptr(BzRecord) meal = NULL;
  g_autofree char *ok = issues (&bz_meal_resource,
      "{\"meal_type\":\"Colación\",\"items\":[{\"ndb_no\":\"18363\",\"grams\":60}],\"id\":\"ignored\"}", &meal);
  g_autofree char *bad = issues (&bz_meal_resource,
      "{\"patient_id\":\"nope\",\"items\":[{\"grams\":\"60\"},{\"ndb_no\":\"01123\",\"grams\":0},"
      "{\"ndb_no\":\"01123\",\"grams\":5001},7]}", NULL);
  g_autofree char *type = issues (&bz_meal_resource, "{\"meal_type\":\"brunch\",\"items\":{}}", NULL);

  g_assert_cmpstr (ok, ==, "");
  /* The Spanish alias becomes the canonical id; read-only members are ignored. */
  g_assert_cmpstr (bz_record_get_string (meal, BZ_MEAL_MEAL_TYPE), ==, "snack");
  g_assert_false (bz_record_has (meal, BZ_MEAL_ID));
  g_assert_cmpuint (bz_record_get_n_items (meal, BZ_MEAL_ITEMS), ==, 1);
  g_assert_cmpstr (bad, ==, "patient_id invalid_format;meal_type required;items[0].ndb_no required;"
                   "items[0].grams invalid_type;items[1].grams out_of_range;items[2].grams out_of_range;"
                   "items[3] invalid_type;");
  g_assert_cmpstr (type, ==, "meal_type invalid_choice;items invalid_type;");
}

static void
test_parse_too_many (void)
{
  GString *s = g_string_new ("{\"meal_type\":\"lunch\",\"items\":[");
  g_autofree char *text = NULL, *got = NULL;
  for (guint i = 0; i <= BZ_MEAL_MAX_ITEMS; i++)
    g_string_append_printf (s, "%s{\"ndb_no\":\"01123\",\"grams\":1}", i ? "," : "");
  g_string_append (s, "]}");
  text = g_string_free (s, FALSE);
  got = issues (&bz_meal_resource, text, NULL);
  g_assert_cmpstr (got, ==, "items too_many_items;");
}

static void
test_schemas (void)
{
  g_autoptr(JsonObject) schemas = json_object_new ();
  JsonObject *daily, *meal, *input, *grams, *basis;
  JsonArray *required;

  g_assert_cmpstr (bz_resource_add_schemas (&bz_daily_intake_resource, BZ_SCHEMA_RESPONSE, schemas), ==, "DailyIntake");
  g_assert_cmpstr (bz_resource_add_schemas (&bz_meal_resource, BZ_SCHEMA_REQUEST, schemas), ==, "MealInput");
  /* Nested resources are added once each and referred to. */
  g_assert_true (json_object_has_member (schemas, "Meal"));
  g_assert_true (json_object_has_member (schemas, "MealItem"));
  g_assert_true (json_object_has_member (schemas, "Nutrients"));
  g_assert_true (json_object_has_member (schemas, "MealItemInput"));
  daily = json_object_get_object_member (schemas, "DailyIntake");
  g_assert_false (json_object_get_boolean_member (daily, "additionalProperties"));
  basis = json_object_get_object_member (json_object_get_object_member (daily, "properties"), "targets_basis");
  g_assert_true (json_object_has_member (basis, "allOf"));   /* nullable $ref in OpenAPI 3.0 */
  meal = json_object_get_object_member (schemas, "Meal");
  required = json_object_get_array_member (meal, "required");
  g_assert_cmpuint (json_array_get_length (required), ==, BZ_MEAL_N_FIELDS);
  input = json_object_get_object_member (schemas, "MealItemInput");
  /* A request schema: no read-only fields, the declared range, only required fields required. */
  g_assert_false (json_object_has_member (json_object_get_object_member (input, "properties"), "nutrition"));
  grams = json_object_get_object_member (json_object_get_object_member (input, "properties"), "grams");
  g_assert_cmpfloat (json_object_get_double_member (grams, "maximum"), ==, BZ_MEAL_ITEM_MAX_G);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (input, "required")), ==, 2);
  g_assert_nonnull (strstr (json_object_get_string_member (grams, "description"), "(g)"));
}

/* The shortest round-trip form, on the fast paths and off them. */
static void
test_numbers (void)
{
  const struct { double v; const char *text; } cases[] = {
    { 0, "0" }, { -0.0, "-0" }, { 60, "60" }, { 130.8, "130.8" }, { -2.5, "-2.5" }, { 7.36, "7.36" },
    { 0.05, "0.05" }, { 0.1 + 0.2, "0.30000000000000004" }, { 1e20, "1e+20" }, { 1.0 / 3, "0.3333333333333333" },
    { 123456789012.34, "123456789012.34" }, { NAN, "null" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      bz_json_append_double (s, cases[i].v);
      g_assert_cmpstr (s->str, ==, cases[i].text);
      if (isfinite (cases[i].v))
        g_assert_cmpfloat (g_ascii_strtod (s->str, NULL), ==, cases[i].v);
    }
}

/* The closed parse refuses undeclared and read-only members at any depth;
 * a string list naming a vocabulary takes its terms and aliases. */
static void
test_parse_closed (void)
{
  static const struct { const char *json; const char *field; } bad[] = {
    { "{\"rating\":5}", "rating" },
    { "{\"license_status\":\"verified\"}", "license_status" },
    { "{\"working_hours\":{\"funday\":null}}", "working_hours.funday" },
    { "{\"working_hours\":{\"monday\":{\"start\":\"09:00\",\"end\":\"10:00\",\"break\":1}}}", "working_hours.monday.break" },
    { "{\"specializations\":[\"diabetes\",\"astrology\"]}", "specializations[1]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) n = json_from_string (bad[i].json, NULL);
      BzValidation v = BZ_VALIDATION_INIT;
      g_autoptr(BzRecord) rec = bz_resource_parse_closed (&bz_nutritionist_profile_resource, json_node_get_object (n), NULL, &v);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_assert_null (rec);
      g_assert_false (bz_validation_finish (&v, &error));
      text = g_strdup_printf ("\"%s\"", bad[i].field);
      {
        g_autoptr(JsonNode) d = json_node_new (JSON_NODE_ARRAY);
        g_autofree char *details = NULL;
        json_node_set_array (d, bz_error_get_details (error));
        details = json_to_string (d, FALSE);
        if (!strstr (details, text))
          g_error ("%s: no detail for %s in %s", bad[i].json, bad[i].field, details);
      }
    }
  {
    g_autoptr(JsonNode) n = json_from_string ("{\"specializations\":[\"deportiva\",\"diabetes\"],\"years_experience\":3}", NULL);
    BzValidation v = BZ_VALIDATION_INIT;
    g_autoptr(BzRecord) rec = bz_resource_parse_closed (&bz_nutritionist_profile_resource, json_node_get_object (n), NULL, &v);
    const char *const *s;
    g_assert_nonnull (rec);
    g_assert_true (bz_validation_finish (&v, NULL));
    s = bz_record_get_strv (rec, BZ_NUTRITIONIST_PROFILE_SPECIALIZATIONS);
    g_assert_cmpstr (s[0], ==, "sports_nutrition");
    g_assert_cmpstr (s[1], ==, "diabetes");
    g_assert_false (bz_record_has (rec, BZ_NUTRITIONIST_PROFILE_CLINIC_NAME));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/resource/record-json", test_record_json);
  g_test_add_func ("/resource/record-array-model", test_record_array_model);
  g_test_add_func ("/resource/parse", test_parse);
  g_test_add_func ("/resource/parse-too-many", test_parse_too_many);
  g_test_add_func ("/resource/parse-closed", test_parse_closed);
  g_test_add_func ("/resource/schemas", test_schemas);
  g_test_add_func ("/resource/numbers", test_numbers);
  return g_test_run ();
}
