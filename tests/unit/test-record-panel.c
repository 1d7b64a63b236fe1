/* test-record-panel.c — panels (bz_record_set_panel()): an OBJECT field of
 * numbers held as a value inside its parent is written as the child record
 * it stands for, byte for byte, read as it is by bz_record_get_panel(), and
 * made into that record, kept by the parent, when read as an object.
 * Under ASan (meson setup -Db_sanitize=address,undefined) the frees of
 * each path are checked too. */
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "bz-meal-plan-resources.h"
#include "bz-record-store.h"
#include "bz-resources.h"

/* A panel resource of this test's own: a number, a boolean, an optional
 * number (absent from the JSON when null) and a number rounded to 0.1. */
#define TEST_GAUGE_FIELDS(F) \
  F (GAUGE_LEVEL, .name = "level", .type = BZ_FIELD_NUMBER, .unit = "g") \
  F (GAUGE_ON, .name = "on", .type = BZ_FIELD_BOOLEAN) \
  F (GAUGE_SPARE, .name = "spare", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_OPTIONAL) \
  F (GAUGE_ROUNDED, .name = "rounded", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_ROUND1)
BZ_RESOURCE_DECLARE (test_gauge, GAUGE, TEST_GAUGE_FIELDS)
BZ_RESOURCE_DEFINE (test_gauge, GAUGE, "TestGauge", "A test panel", TEST_GAUGE_FIELDS)

#define TEST_BOARD_FIELDS(F) \
  F (BOARD_NAME, .name = "name", .type = BZ_FIELD_STRING) \
  F (BOARD_GAUGE, .name = "gauge", .type = BZ_FIELD_OBJECT, .ref = &test_gauge_resource) \
  F (BOARD_OTHER, .name = "other", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_NULLABLE, .ref = &test_gauge_resource) \
  F (BOARD_BOARDS, .name = "boards", .type = BZ_FIELD_ARRAY, .ref = &test_board_resource)
BZ_RESOURCE_DECLARE (test_board, BOARD, TEST_BOARD_FIELDS)
BZ_RESOURCE_DEFINE (test_board, BOARD, "TestBoard", "A test parent", TEST_BOARD_FIELDS)

static char *
json_of (BzRecord *rec)
{
  GString *s = g_string_new (NULL);
  bz_record_write_json (rec, s);
  return g_string_free (s, FALSE);
}

static void
test_is_panel (void)
{
  g_assert_true (bz_resource_is_panel (&bz_nutrients_resource));
  g_assert_true (bz_resource_is_panel (&bz_smae_equivalents_resource));
  g_assert_true (bz_resource_is_panel (&test_gauge_resource));
  g_assert_false (bz_resource_is_panel (&bz_meal_resource));          /* strings, objects, arrays */
  g_assert_false (bz_resource_is_panel (&bz_pagination_resource));    /* integers */
  g_assert_false (bz_resource_is_panel (&test_board_resource));
}

/* Nutrients and SmaeEquivalents as panels are written as their records,
 * with the values the daily writes: rounded to 0.1, halves away from
 * zero, negative (remaining), whole, and NAN (null). */
static void
test_json_nutrients (void)
{
  const BzNutrients n = { 1924.25, -12.25, 0.04999, 1e-7, 3, NAN };
  double smae[BZ_SMAE_N_GROUPS];
  g_autoptr(BzRecord) by_record = bz_record_new (&bz_daily_intake_resource);
  g_autoptr(BzRecord) by_panel = bz_record_new (&bz_daily_intake_resource);
  g_autofree char *a = NULL, *b = NULL;

  for (guint g = 0; g < BZ_SMAE_N_GROUPS; g++)
    smae[g] = g * 0.35 - 1.05;
  bz_record_set_string (by_record, BZ_DAILY_INTAKE_DATE, "2026-12-01");
  bz_record_set_string (by_panel, BZ_DAILY_INTAKE_DATE, "2026-12-01");
  bz_record_take_object (by_record, BZ_DAILY_INTAKE_INTAKE, bz_nutrients_record_new (&n));
  bz_nutrients_set_panel (by_panel, BZ_DAILY_INTAKE_INTAKE, &n);
  bz_record_take_object (by_record, BZ_DAILY_INTAKE_EQUIVALENTS, bz_smae_record_new (smae));
  bz_smae_set_panel (by_panel, BZ_DAILY_INTAKE_EQUIVALENTS, smae);
  /* targets null in both; remaining set then cleared in the panel one */
  bz_nutrients_set_panel (by_panel, BZ_DAILY_INTAKE_REMAINING, &n);
  bz_record_set_null (by_panel, BZ_DAILY_INTAKE_REMAINING);
  g_assert_false (bz_record_has (by_panel, BZ_DAILY_INTAKE_REMAINING));

  a = json_of (by_record);
  b = json_of (by_panel);
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (b, "\"intake\":{\"energy_kcal\":1924.3,\"protein_g\":-12.3,\"carbohydrate_g\":0,"
                               "\"fat_g\":0,\"fiber_g\":3,\"sodium_mg\":null}"));
  g_assert_nonnull (strstr (b, "\"targets\":null,\"remaining\":null"));
}

/* Booleans, optional fields, a panel shorter than its resource (the rest
 * null), in an array's items, and a panel replaced by a record, a panel
 * or null. */
static void
test_json_generic (void)
{
  const double v[] = { 2.5, 1, 7.25, 0.25 };
  g_autoptr(BzRecord) by_record = bz_record_new (&test_board_resource);
  g_autoptr(BzRecord) by_panel = bz_record_new (&test_board_resource);
  g_autofree char *a = NULL, *b = NULL;

  for (guint k = 0; k < 3; k++)
    {
      BzRecord *r = bz_record_new (&test_board_resource), *p = bz_record_new (&test_board_resource);
      BzRecord *gauge = bz_record_new (&test_gauge_resource);

      for (guint f = 0; f < k + 1; f++)   /* fields 0..k */
        if (f == BZ_GAUGE_ON)
          bz_record_set_boolean (gauge, f, k % 2 == 0);
        else
          bz_record_set_double (gauge, f, v[f] * k);
      bz_record_take_object (r, BZ_BOARD_GAUGE, gauge);
      {
        double w[4];
        for (guint f = 0; f < k + 1; f++)
          w[f] = f == BZ_GAUGE_ON ? (k % 2 == 0 ? 5 : 0) : v[f] * k;   /* non-zero is true */
        bz_record_set_panel (p, BZ_BOARD_GAUGE, w, k + 1);
      }
      bz_record_append (by_record, BZ_BOARD_BOARDS, r);
      bz_record_append (by_panel, BZ_BOARD_BOARDS, p);
    }
  /* replaced: a record by a panel, a panel by a record, a panel by a panel */
  bz_record_take_object (by_panel, BZ_BOARD_GAUGE, bz_record_new (&test_gauge_resource));
  bz_record_set_panel (by_panel, BZ_BOARD_GAUGE, v, 4);
  bz_record_set_panel (by_panel, BZ_BOARD_OTHER, v, 2);
  bz_record_take_object (by_panel, BZ_BOARD_OTHER, bz_record_new (&test_gauge_resource));
  bz_record_set_panel (by_panel, BZ_BOARD_OTHER, v, 1);
  bz_record_set_panel (by_panel, BZ_BOARD_OTHER, v, 3);
  {
    BzRecord *gauge = bz_record_new (&test_gauge_resource), *other = bz_record_new (&test_gauge_resource);
    for (guint f = 0; f < 4; f++)
      if (f == BZ_GAUGE_ON)
        bz_record_set_boolean (gauge, f, TRUE), bz_record_set_boolean (other, f, TRUE);
      else
        bz_record_set_double (gauge, f, v[f]), bz_record_set_double (other, f, v[f]);
    bz_record_set_null (other, BZ_GAUGE_ROUNDED);
    bz_record_take_object (by_record, BZ_BOARD_GAUGE, gauge);
    bz_record_take_object (by_record, BZ_BOARD_OTHER, other);
  }

  a = json_of (by_record);
  b = json_of (by_panel);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (b, ==, "{\"name\":null,\"gauge\":{\"level\":2.5,\"on\":true,\"spare\":7.25,\"rounded\":0.3},"
                          "\"other\":{\"level\":2.5,\"on\":true,\"spare\":7.25,\"rounded\":null},\"boards\":["
                          "{\"name\":null,\"gauge\":{\"level\":0,\"on\":null,\"rounded\":null},\"other\":null,\"boards\":null},"
                          "{\"name\":null,\"gauge\":{\"level\":2.5,\"on\":false,\"rounded\":null},\"other\":null,\"boards\":null},"
                          "{\"name\":null,\"gauge\":{\"level\":5,\"on\":true,\"spare\":14.5,\"rounded\":null},\"other\":null,\"boards\":null}]}");
}

/* bz_record_get_panel() and the resource helpers read a panel and a record
 * alike, and leave a panel a panel. */
static void
test_get_panel (void)
{
  const BzNutrients n = { 500, 20, 60, 15, 8, 900 };
  const double v[] = { 2.5, 1 };
  double smae[BZ_SMAE_N_GROUPS], sum_p[BZ_SMAE_N_GROUPS] = { 0 }, sum_r[BZ_SMAE_N_GROUPS] = { 0 };
  double out[4];
  g_autoptr(BzRecord) meal = bz_record_new (&bz_meal_resource);
  g_autoptr(BzRecord) rec = bz_record_new (&bz_meal_resource);
  g_autoptr(BzRecord) board = bz_record_new (&test_board_resource);
  g_autoptr(BzRecord) smae_rec = NULL;
  g_autofree char *before = NULL, *after = NULL;
  BzNutrients back;

  for (guint g = 0; g < BZ_SMAE_N_GROUPS; g++)
    smae[g] = g + 0.5;
  smae_rec = bz_smae_record_new (smae);
  bz_record_set_null (smae_rec, 3);

  /* unset: NAN, FALSE, 0 */
  g_assert_false (bz_nutrients_from_panel (meal, BZ_MEAL_NUTRITION, &back));
  g_assert_true (isnan (back.energy_kcal) && isnan (back.sodium_mg));
  bz_smae_panel_add (meal, BZ_MEAL_EQUIVALENTS, sum_p, 2);
  bz_smae_panel_add (NULL, BZ_MEAL_EQUIVALENTS, sum_p, 2);
  g_assert_cmpfloat (sum_p[0], ==, 0);

  bz_nutrients_set_panel (meal, BZ_MEAL_NUTRITION, &n);
  bz_smae_set_panel (meal, BZ_MEAL_EQUIVALENTS, smae);
  bz_record_take_object (rec, BZ_MEAL_NUTRITION, bz_nutrients_record_new (&n));
  bz_record_take_object (rec, BZ_MEAL_EQUIVALENTS, g_object_ref (smae_rec));
  before = json_of (meal);

  g_assert_true (bz_nutrients_from_panel (meal, BZ_MEAL_NUTRITION, &back));
  g_assert_cmpmem (&back, sizeof back, &n, sizeof n);
  g_assert_true (bz_nutrients_from_panel (rec, BZ_MEAL_NUTRITION, &back));
  g_assert_cmpmem (&back, sizeof back, &n, sizeof n);

  /* a group the record lacks adds nothing, as bz_smae_record_add() */
  bz_smae_panel_add (rec, BZ_MEAL_EQUIVALENTS, sum_r, 2);
  bz_smae_record_add (smae_rec, sum_p, 2);
  g_assert_cmpmem (sum_r, sizeof sum_r, sum_p, sizeof sum_p);
  memset (sum_p, 0, sizeof sum_p);
  bz_smae_panel_add (meal, BZ_MEAL_EQUIVALENTS, sum_p, 2);
  for (guint g = 0; g < BZ_SMAE_N_GROUPS; g++)
    g_assert_cmpfloat (sum_p[g], ==, smae[g] * 2);

  bz_record_set_panel (board, BZ_BOARD_GAUGE, v, 2);
  g_assert_cmphex (bz_record_get_panel (board, BZ_BOARD_GAUGE, out, 4), ==, 0x3);
  g_assert_cmpfloat (out[0], ==, 2.5);
  g_assert_cmpfloat (out[1], ==, 1);
  g_assert_true (isnan (out[2]) && isnan (out[3]));
  g_assert_cmphex (bz_record_get_panel (board, BZ_BOARD_OTHER, out, 1), ==, 0);
  g_assert_true (isnan (out[0]));

  /* still panels: written the same, and the same after materializing */
  after = json_of (meal);
  g_assert_cmpstr (before, ==, after);
  g_assert_nonnull (bz_record_get_object (meal, BZ_MEAL_NUTRITION));
  g_clear_pointer (&after, g_free);
  after = json_of (meal);
  g_assert_cmpstr (before, ==, after);
}

/* bz_record_get_object() makes a panel into its record once, and keeps it. */
static void
test_materialize_get_object (void)
{
  const BzNutrients n = { 500, 20.04, 60, 15, 8, 900 };
  g_autoptr(BzRecord) meal = bz_record_new (&bz_meal_resource);
  g_autofree char *before = NULL, *after = NULL, *child = NULL;
  BzRecord *panel, *again;
  BzNutrients back;

  bz_nutrients_set_panel (meal, BZ_MEAL_NUTRITION, &n);
  before = json_of (meal);
  panel = bz_record_get_object (meal, BZ_MEAL_NUTRITION);
  g_assert_nonnull (panel);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (panel, bz_resource_get_type (&bz_nutrients_resource)));
  g_assert_true (bz_record_get_resource (panel) == &bz_nutrients_resource);
  again = bz_record_get_object (meal, BZ_MEAL_NUTRITION);
  g_assert_true (panel == again);
  for (guint f = 0; f < BZ_NUTRIENTS_N_FIELDS; f++)
    g_assert_true (bz_record_has (panel, f));
  bz_nutrients_from_record (panel, &back);
  g_assert_cmpmem (&back, sizeof back, &n, sizeof n);
  child = json_of (panel);
  g_assert_cmpstr (child, ==, "{\"energy_kcal\":500,\"protein_g\":20,\"carbohydrate_g\":60,\"fat_g\":15,\"fiber_g\":8,\"sodium_mg\":900}");

  /* the child is a record like any: changed, it is what the parent writes */
  after = json_of (meal);
  g_assert_cmpstr (before, ==, after);
  bz_record_set_double (panel, BZ_NUTRIENTS_SODIUM_MG, 12);
  g_clear_pointer (&after, g_free);
  after = json_of (meal);
  g_assert_nonnull (strstr (after, "\"sodium_mg\":12}"));
  g_assert_true (bz_nutrients_from_panel (meal, BZ_MEAL_NUTRITION, &back));
  g_assert_cmpfloat (back.sodium_mg, ==, 12);

  /* a reference taken on the child outlives the parent's replacing it */
  g_object_ref (panel);
  bz_nutrients_set_panel (meal, BZ_MEAL_NUTRITION, &n);
  g_assert_cmpfloat (bz_record_get_double (panel, BZ_NUTRIENTS_SODIUM_MG), ==, 12);
  g_object_unref (panel);
}

/* The GObject property (what the GUI binds) sees a record too, and so do
 * notify-free copies through g_object_set. */
static void
test_materialize_property (void)
{
  const double smae[BZ_SMAE_N_GROUPS] = { [BZ_SMAE_FRUITS] = 1.25, [BZ_SMAE_VEGETABLES] = 3 };
  g_autoptr(BzRecord) daily = bz_record_new (&bz_daily_intake_resource);
  g_autoptr(BzRecord) copy = bz_record_new (&bz_daily_intake_resource);
  g_autoptr(BzRecord) eq = NULL, targets = NULL;
  g_autofree char *a = NULL, *b = NULL;

  bz_smae_set_panel (daily, BZ_DAILY_INTAKE_EQUIVALENTS, smae);
  g_object_get (daily, "equivalents", &eq, "targets", &targets, NULL);
  g_assert_nonnull (eq);
  g_assert_null (targets);
  g_assert_true (bz_record_get_resource (eq) == &bz_smae_equivalents_resource);
  g_assert_true (eq == bz_record_get_object (daily, BZ_DAILY_INTAKE_EQUIVALENTS));
  g_assert_cmpfloat (bz_record_get_double (eq, BZ_SMAE_FRUITS), ==, 1.25);
  g_assert_cmpfloat (bz_record_get_double (eq, BZ_SMAE_VEGETABLES), ==, 3);
  g_assert_cmpfloat (bz_record_get_double (eq, BZ_SMAE_FATS_NO_PROTEIN), ==, 0);

  /* set_property takes a reference: the copy shares the child record */
  g_object_set (copy, "equivalents", eq, NULL);
  a = json_of (daily);
  b = json_of (copy);
  g_assert_cmpstr (a, ==, b);
  g_assert_true (bz_record_get_object (copy, BZ_DAILY_INTAKE_EQUIVALENTS) == eq);
}

/* Parents freed with their panels, materialized or not, in arrays or
 * not: nothing leaks, nothing is freed twice (checked under ASan). */
static void
test_free (void)
{
  const BzNutrients n = { 1, 2, 3, 4, 5, 6 };
  const double smae[BZ_SMAE_N_GROUPS] = { 1 };

  for (guint k = 0; k < 4; k++)
    {
      BzRecord *daily = bz_record_new (&bz_daily_intake_resource);
      BzRecord *meal = bz_record_new (&bz_meal_resource);

      bz_nutrients_set_panel (meal, BZ_MEAL_NUTRITION, &n);
      bz_smae_set_panel (meal, BZ_MEAL_EQUIVALENTS, smae);
      bz_record_append (daily, BZ_DAILY_INTAKE_MEALS, meal);
      bz_nutrients_set_panel (daily, BZ_DAILY_INTAKE_INTAKE, &n);
      bz_nutrients_set_panel (daily, BZ_DAILY_INTAKE_TARGETS, &n);
      if (k & 1)
        {
          g_assert_nonnull (bz_record_get_object (meal, BZ_MEAL_NUTRITION));
          g_assert_nonnull (bz_record_get_object (daily, BZ_DAILY_INTAKE_INTAKE));
        }
      if (k & 2)
        {
          GListModel *meals = NULL;
          g_object_get (daily, "meals", &meals, NULL);   /* a GListModel of the meals */
          g_assert_cmpuint (g_list_model_get_n_items (meals), ==, 1);
          g_object_unref (meals);
          bz_nutrients_set_panel (daily, BZ_DAILY_INTAKE_TARGETS, &n);   /* replaced */
          bz_record_set_null (daily, BZ_DAILY_INTAKE_INTAKE);
        }
      g_object_unref (daily);
    }
}

/* bz_db_read_record() reads an INLINE object of numbers as a panel, and
 * as a record when a column is NULL: the same JSON either way, and the
 * columns after it read from where they are. */
static void
test_read_record (void)
{
  static const char *const expected[] = {
    "{\"ndb_no\":\"01123\",\"description\":null,\"name_es\":null,\"grams\":50,\"nutrition\":"
    "{\"energy_kcal\":71.5,\"protein_g\":6.3,\"carbohydrate_g\":0.4,\"fat_g\":4.8,\"fiber_g\":0,\"sodium_mg\":71}}",
    "{\"ndb_no\":\"09040\",\"description\":null,\"name_es\":null,\"grams\":120,\"nutrition\":"
    "{\"energy_kcal\":106.8,\"protein_g\":1.3,\"carbohydrate_g\":27.4,\"fat_g\":0.4,\"fiber_g\":3.1,\"sodium_mg\":null}}",
  };
  static const guint64 present[] = { 0x3f, 0x1f };
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  g_autoptr(GString) cols = g_string_new (NULL);
  g_autofree char *create = NULL, *select = NULL;
  guint row = 0;
  int rc;

  bz_db_append_columns (cols, &bz_meal_item_resource, NULL);
  g_assert_cmpstr (cols->str, ==, "ndb_no, grams, energy_kcal, protein_g, carbohydrate_g, fat_g, fiber_g, sodium_mg");
  create = g_strdup_printf ("CREATE TABLE items (%s, after TEXT);"
                            "INSERT INTO items VALUES ('01123', 50, 71.5, 6.28, 0.36, 4.755, 0, 71, 'a');"
                            "INSERT INTO items VALUES ('09040', 120, 106.8, 1.308, 27.408, 0.396, 3.12, NULL, 'b');",
                            cols->str);
  select = g_strdup_printf ("SELECT %s, after FROM items ORDER BY rowid", cols->str);
  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, create, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, select, -1, &st, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      g_autoptr(BzRecord) item = bz_record_new (&bz_meal_item_resource);
      g_autofree char *json = NULL;
      double v[BZ_NUTRIENTS_N_FIELDS];
      int col = 0;

      g_assert_cmpuint (row, <, G_N_ELEMENTS (expected));
      bz_db_read_record (st, &col, item);
      g_assert_cmpint (col, ==, (int) bz_db_n_columns (&bz_meal_item_resource));
      g_assert_cmpstr ((const char *) sqlite3_column_text (st, col), ==, row == 0 ? "a" : "b");
      json = json_of (item);
      g_assert_cmpstr (json, ==, expected[row]);
      g_assert_cmphex (bz_record_get_panel (item, BZ_MEAL_ITEM_NUTRITION, v, BZ_NUTRIENTS_N_FIELDS), ==, present[row]);
      g_assert_cmpfloat (v[BZ_NUTRIENTS_PROTEIN_G], ==, row == 0 ? 6.28 : 1.308);
      g_assert_cmpfloat (bz_record_get_double (bz_record_get_object (item, BZ_MEAL_ITEM_NUTRITION), BZ_NUTRIENTS_FAT_G),
                         ==, row == 0 ? 4.755 : 0.396);
      g_clear_pointer (&json, g_free);
      json = json_of (item);
      g_assert_cmpstr (json, ==, expected[row]);
      row++;
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  g_assert_cmpuint (row, ==, 2);
  sqlite3_finalize (st);
  sqlite3_close (db);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/record-panel/is-panel", test_is_panel);
  g_test_add_func ("/record-panel/json-nutrients", test_json_nutrients);
  g_test_add_func ("/record-panel/json-generic", test_json_generic);
  g_test_add_func ("/record-panel/get-panel", test_get_panel);
  g_test_add_func ("/record-panel/materialize-get-object", test_materialize_get_object);
  g_test_add_func ("/record-panel/materialize-property", test_materialize_property);
  g_test_add_func ("/record-panel/free", test_free);
  g_test_add_func ("/record-panel/read-record", test_read_record);
  return g_test_run ();
}
