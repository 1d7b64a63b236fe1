/* test-meal-plan-document.c — the printable meal plan (bz-meal-plan-document.c,
 * bz-meal-plan-document-repo.c) on a store with five hand-made SR28 foods, two
 * hand-made recipes and a two-day plan, every sum checked by hand:
 *
 *   Tacos de pollo (yield 2): pechuga 200 g, tortilla 120 g, jitomate 100 g, sal 2 g
 *   Ensalada (yield 1):       jitomate 150 g, manzana 100 g
 *   day 1: desayuno tacos x1, comida ensalada x2; day 2: desayuno ensalada x0.5,
 *   cena tacos x1.5  ->  tacos 2.5 servings (2 uses), ensalada 2.5 servings (2 uses)
 *
 *   shopping list: jitomate 100/2 x 2.5 + 150 x 2.5 = 125 + 375 = 500 g,
 *   manzana 100 x 2.5 = 250 g, tortilla 60 x 2.5 = 150 g, pechuga 100 x 2.5 =
 *   250 g, sal 1 x 2.5 = 2.5 g; sections verduras, frutas, cereales, origen
 *   animal, condimentos. */
#include <math.h>

#include "bz-meal-plan-document.h"
#include "bz-meal-plan-repo.h"
#include "bz-test-util.h"

#define NUTRI "11111111-1111-4111-8111-111111111111"
#define MEMBER "22222222-2222-4222-8222-222222222222"
#define PATIENT "33333333-3333-4333-8333-333333333333"
#define OTHER "44444444-4444-4444-8444-444444444444"
#define TACOS "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"
#define SALAD "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"
#define PLAN "manual-" PATIENT "-1767000000000"

static void
exec (BzStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_assert_true (bz_db_exec (bz_store_db (store), sql, &error));
  g_assert_no_error (error);
}

typedef struct
{
  char *dir;
  BzStore *store;
  BzServices *svc;
  BzCaller *nutri, *member, *other;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  BzMealPlanNew row = { PLAN, PATIENT, NUTRI, "2026-12-28", 2, "2026-12-01T10:00:00Z", "2099-12-08T10:00:00Z" };

  f->dir = bz_test_tmpdir ("meal-plan-document");
  f->store = bz_store_open (f->dir, &error);
  g_assert_no_error (error);
  f->svc = bz_services_new (f->store);
  f->nutri = bz_caller_new (NUTRI, BZ_ROLE_NUTRITIONIST, "n@test.local");
  f->member = bz_caller_new (MEMBER, BZ_ROLE_PATIENT, "m@test.local");
  f->other = bz_caller_new (OTHER, BZ_ROLE_NUTRITIONIST, "o@test.local");
  exec (f->store,
        "INSERT INTO users (id, email, username, password_hash, first_name, last_name, user_type, created_at, updated_at)"
        " VALUES ('" NUTRI "', 'n@test.local', 'n', 'x', 'Ana', 'López', 'nutritionist', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
        " ('" MEMBER "', 'm@test.local', 'm', 'x', 'Luis', 'Soto', 'patient', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
        " ('" OTHER "', 'o@test.local', 'o', 'x', 'Eva', 'Ruiz', 'nutritionist', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
        "INSERT INTO patients (id, user_id, nutritionist_id, created_at, updated_at)"
        " VALUES ('" PATIENT "', '" MEMBER "', '" NUTRI "', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
        "INSERT OR IGNORE INTO food_groups (code, name) VALUES ('0200', 'Spices and Herbs'), ('0500', 'Poultry Products'),"
        " ('0900', 'Fruits and Fruit Juices'), ('1100', 'Vegetables and Vegetable Products'), ('1800', 'Baked Products');"
        /* SR28 panels per 100 g (208, 203, 205, 204, 291, 307) of the real foods */
        "INSERT INTO foods (ndb_no, food_group, long_desc, short_desc, name_es, energy_kcal, protein_g, carbohydrate_g,"
        " fat_g, fiber_g, sodium_mg) VALUES"
        " ('11529', '1100', 'Tomatoes, red, ripe, raw, year round average', 'TOMATOES', 'Jitomate', 18, 0.88, 3.89, 0.2, 1.2, 5),"
        " ('05062', '0500', 'Chicken, broilers or fryers, breast, meat only, raw', 'CHICKEN', 'Pechuga de pollo', 120, 22.5, 0, 2.62, 0, 45),"
        " ('18363', '1800', 'Tortillas, ready-to-bake or -fry, corn', 'TORTILLAS', 'Tortilla de maíz', 218, 5.7, 44.64, 2.85, 6.3, 45),"
        " ('09003', '0900', 'Apples, raw, with skin', 'APPLES', 'Manzana', 52, 0.26, 13.81, 0.17, 2.4, 1),"
        " ('02047', '0200', 'Salt, table', 'SALT', NULL, 0, 0, 0, 0, 0, 38758);"
        "INSERT INTO recipes (id, title, meal_type, prep_time_min, cook_time_min, servings, calories, protein_g, carbs_g,"
        " fat_g, fiber_g, sodium_mg, created_at, updated_at) VALUES"
        " ('" TACOS "', 'Tacos de pollo', 'comida', 10, 15, 2, 260, 25.9, 29.7, 4.3, 4.4, 463, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
        " ('" SALAD "', 'Ensalada de jitomate y manzana', 'colacion', 5, 0, 1, 79, 1.6, 19.6, 0.5, 4.2, 8.5, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
        "INSERT INTO recipe_ingredients (recipe_id, position, ndb_no, grams, text) VALUES"
        " ('" TACOS "', 0, '05062', 200, '1 pechuga de pollo'), ('" TACOS "', 1, '18363', 120, '4 tortillas'),"
        " ('" TACOS "', 2, '11529', 100, '1 jitomate'), ('" TACOS "', 3, '02047', 2, 'sal al gusto'),"
        " ('" SALAD "', 0, '11529', 150, '1 1/2 jitomates'), ('" SALAD "', 1, '09003', 100, '1 manzana chica');"
        "INSERT INTO recipe_steps (recipe_id, step_number, instruction) VALUES"
        " ('" TACOS "', 1, 'Asa la pechuga.'), ('" TACOS "', 2, 'Calienta las tortillas y sirve.'),"
        " ('" SALAD "', 1, 'Pica y mezcla.');");
  g_assert_true (bz_store_begin (f->store, &error));
  g_assert_true (bz_meal_plan_repo_insert (f->store, &row, bz_meal_plan_default_meals (), &error));
  g_assert_true (bz_meal_plan_repo_add_recipe (f->store, PLAN, 1, "breakfast", "breakfast", TACOS, 1, "2026-12-01T11:00:00Z", &error));
  g_assert_true (bz_meal_plan_repo_add_recipe (f->store, PLAN, 1, "lunch", "lunch", SALAD, 2, "2026-12-01T11:00:00Z", &error));
  g_assert_true (bz_meal_plan_repo_add_recipe (f->store, PLAN, 2, "breakfast", "breakfast", SALAD, 0.5, "2026-12-01T11:00:00Z", &error));
  g_assert_true (bz_meal_plan_repo_add_recipe (f->store, PLAN, 2, "dinner", "dinner", TACOS, 1.5, "2026-12-01T11:00:00Z", &error));
  g_assert_true (bz_store_commit (f->store, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  bz_caller_free (f->nutri);
  bz_caller_free (f->member);
  bz_caller_free (f->other);
  g_clear_object (&f->svc);
  g_clear_object (&f->store);
  bz_test_rmdir (f->dir);
  g_free (f->dir);
}

static const BzShoppingItem *
item (BzMealPlanDocument *doc, guint i)
{
  g_assert_cmpuint (i, <, doc->shopping->len);
  return g_ptr_array_index (doc->shopping, i);
}

static void
test_document (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzMealPlanDocument) doc = bz_meal_plans_document (f->svc, f->nutri, PLAN, &error);
  const BzPlanDocRecipe *tacos, *salad;
  const BzPlanDocIngredient *ing;
  /* vegetable equivalents (4 g of carbohydrate each) of the tomato in one serving */
  double tomato_tacos = 50 * 3.89 / 100 / 4, tomato_salad = 150 * 3.89 / 100 / 4;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpstr (doc->patient_name, ==, "Luis Soto");
  g_assert_cmpstr (doc->nutritionist_name, ==, "Ana López");
  g_assert_cmpuint (doc->n_days, ==, 2);

  /* Recipes once each, in the order of first use, with the servings the plan uses. */
  g_assert_cmpuint (doc->recipes->len, ==, 2);
  tacos = g_ptr_array_index (doc->recipes, 0);
  salad = g_ptr_array_index (doc->recipes, 1);
  g_assert_cmpstr (tacos->title, ==, "Tacos de pollo");
  g_assert_true (bz_meal_plan_document_find_recipe (doc, SALAD) == salad);
  g_assert_cmpfloat_with_epsilon (tacos->servings_in_plan, 2.5, 1e-9);
  g_assert_cmpuint (tacos->uses, ==, 2);
  g_assert_cmpfloat_with_epsilon (salad->servings_in_plan, 2.5, 1e-9);
  g_assert_cmpuint (tacos->yield_servings, ==, 2);
  g_assert_cmpfloat_with_epsilon (tacos->per_serving.kcal, 260, 1e-9);
  g_assert_cmpuint (tacos->ingredients->len, ==, 4);
  ing = g_ptr_array_index (tacos->ingredients, 0);
  g_assert_cmpstr (ing->name, ==, "Pechuga de pollo");
  g_assert_cmpstr (ing->text, ==, "1 pechuga de pollo");
  g_assert_cmpfloat_with_epsilon (ing->grams_per_serving, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (ing->grams_in_plan, 250, 1e-9);
  ing = g_ptr_array_index (tacos->ingredients, 3);
  g_assert_cmpstr (ing->name, ==, "Salt, table");      /* no Spanish name: SR28's */
  g_assert_cmpuint (g_strv_length (tacos->steps), ==, 2);
  g_assert_cmpstr (tacos->steps[1], ==, "Calienta las tortillas y sirve.");

  /* SMAE per serving and per day: tomato is vegetables, apple fruits (15 g), */
  g_assert_cmpfloat_with_epsilon (tacos->smae_per_serving[BZ_SMAE_VEGETABLES], tomato_tacos, 1e-9);
  g_assert_cmpfloat_with_epsilon (salad->smae_per_serving[BZ_SMAE_FRUITS], 13.81 / 15, 1e-9);
  g_assert_cmpfloat_with_epsilon (tacos->smae_per_serving[BZ_SMAE_CEREALS_NO_FAT], 60 * 44.64 / 100 / 15, 1e-9);
  g_assert_cmpfloat_with_epsilon (doc->day_smae[0 * BZ_SMAE_N_GROUPS + BZ_SMAE_VEGETABLES],
                                  1 * tomato_tacos + 2 * tomato_salad, 1e-9);
  g_assert_cmpfloat_with_epsilon (doc->day_smae[1 * BZ_SMAE_N_GROUPS + BZ_SMAE_VEGETABLES],
                                  1.5 * tomato_tacos + 0.5 * tomato_salad, 1e-9);
  g_assert_cmpfloat_with_epsilon (doc->day_smae[1 * BZ_SMAE_N_GROUPS + BZ_SMAE_FRUITS], 0.5 * 13.81 / 15, 1e-9);

  /* The shopping list: each food once, summed over the plan, by section then name. */
  g_assert_cmpuint (doc->shopping->len, ==, 5);
  g_assert_cmpstr (item (doc, 0)->name, ==, "Jitomate");
  g_assert_cmpint (item (doc, 0)->section, ==, BZ_SHOPPING_VEGETABLES);
  g_assert_cmpfloat_with_epsilon (item (doc, 0)->grams, 500, 1e-9);
  g_assert_cmpstr (item (doc, 1)->name, ==, "Manzana");
  g_assert_cmpint (item (doc, 1)->section, ==, BZ_SHOPPING_FRUITS);
  g_assert_cmpfloat_with_epsilon (item (doc, 1)->grams, 250, 1e-9);
  g_assert_cmpstr (item (doc, 2)->name, ==, "Tortilla de maíz");
  g_assert_cmpint (item (doc, 2)->section, ==, BZ_SHOPPING_CEREALS);
  g_assert_cmpfloat_with_epsilon (item (doc, 2)->grams, 150, 1e-9);
  g_assert_cmpstr (item (doc, 3)->name, ==, "Pechuga de pollo");
  g_assert_cmpint (item (doc, 3)->section, ==, BZ_SHOPPING_ANIMAL);
  g_assert_cmpint (item (doc, 3)->smae_group, ==, BZ_SMAE_ANIMAL_VERY_LOW_FAT);
  g_assert_cmpfloat_with_epsilon (item (doc, 3)->grams, 250, 1e-9);
  g_assert_cmpstr (item (doc, 4)->name, ==, "Salt, table");
  g_assert_cmpint (item (doc, 4)->section, ==, BZ_SHOPPING_OTHER);
  g_assert_cmpfloat_with_epsilon (item (doc, 4)->grams, 2.5, 1e-9);
  g_assert_cmpstr (bz_shopping_section_name (BZ_SHOPPING_VEGETABLES), !=, "");
  g_assert_cmpuint (doc->customized->len, ==, 0);

  /* The member reads own plan's document; another nutritionist gets 404. */
  {
    g_autoptr(BzMealPlanDocument) mine = bz_meal_plans_document (f->svc, f->member, PLAN, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (mine->shopping->len, ==, 5);
  }
  g_assert_null (bz_meal_plans_document (f->svc, f->other, PLAN, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (bz_meal_plans_document (f->svc, f->nutri, "manual-nope", &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (bz_meal_plans_document (f->svc, NULL, PLAN, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
}

/* Ingredient changes of one slot's recipe are listed with the foods' names
 * and counted in the shopping list (bz-meal-plan-document.h). */
static void
test_customized (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzMealPlanDocument) doc = NULL;
  BzPlanTotals per = { 300, 20, 30, 5, 4, 100 };
  const BzPlanDocCustomized *c;
  const BzPlanDocChange *ch;

  g_assert_true (bz_meal_plan_repo_set_customizations (f->store, PLAN, 1, "breakfast", TACOS,
      "[{\"type\":\"replace\",\"originalIngredient\":\"18363\",\"newIngredient\":\"09003\",\"amount\":50,\"unit\":\"g\"},"
      "{\"type\":\"omit\",\"originalIngredient\":\"sal\"}]", &per, "2026-12-01T12:00:00Z", &error));
  g_assert_no_error (error);
  doc = bz_meal_plans_document (f->svc, f->nutri, PLAN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doc->customized->len, ==, 1);
  c = g_ptr_array_index (doc->customized, 0);
  g_assert_cmpuint (c->day, ==, 1);
  g_assert_cmpstr (c->meal_name, ==, "breakfast");
  g_assert_cmpstr (c->recipe_id, ==, TACOS);
  g_assert_true (bz_meal_plan_document_find_customized (doc, 1, "Breakfast", TACOS) == c);
  g_assert_null (bz_meal_plan_document_find_customized (doc, 2, "dinner", TACOS));
  g_assert_cmpuint (c->changes->len, ==, 2);
  ch = g_ptr_array_index (c->changes, 0);
  g_assert_cmpstr (ch->type, ==, "replace");
  g_assert_cmpstr (ch->original_name, ==, "Tortilla de maíz");
  g_assert_cmpstr (ch->new_name_es, ==, "Manzana");
  g_assert_cmpfloat_with_epsilon (ch->amount_g, 50, 1e-9);
  ch = g_ptr_array_index (c->changes, 1);
  g_assert_cmpstr (ch->type, ==, "omit");
  g_assert_cmpstr (ch->original, ==, "sal");
  g_assert_null (ch->original_name);
  /* the plan's own nutrition counts the change (300 kcal per serving x 1) */
  {
    BzRecord *day = bz_record_get_item (doc->plan, BZ_MEAL_PLAN_SUGGESTIONS, 0);
    BzRecord *pr = bz_record_get_item (bz_record_get_item (day, BZ_PLAN_DAY_MEALS, 0), BZ_PLAN_MEAL_RECIPES, 0);
    BzPlanTotals t = { 0 };
    bz_plan_nutrition_read (bz_record_get_object (pr, BZ_PLAN_RECIPE_NUTRITION), &t, 1);
    g_assert_cmpfloat_with_epsilon (t.kcal, 300, 1e-6);
  }
  /* The shopping list counts the swaps of day 1's breakfast (tacos x1, of a
   * recipe for 2: a half): tortilla 150 - 120/2 = 90 g; manzana 250 + 50/2 =
   * 275 g; sal 2.5 - 2/2 = 1.5 g; jitomate and pechuga unchanged. */
  g_assert_cmpstr (item (doc, 0)->ndb_no, ==, "11529");
  g_assert_cmpfloat_with_epsilon (item (doc, 0)->grams, 500, 1e-9);
  g_assert_cmpstr (item (doc, 1)->ndb_no, ==, "09003");
  g_assert_cmpfloat_with_epsilon (item (doc, 1)->grams, 275, 1e-9);
  g_assert_cmpstr (item (doc, 2)->ndb_no, ==, "18363");
  g_assert_cmpfloat_with_epsilon (item (doc, 2)->grams, 90, 1e-9);
  g_assert_cmpstr (item (doc, 3)->ndb_no, ==, "05062");
  g_assert_cmpfloat_with_epsilon (item (doc, 3)->grams, 250, 1e-9);
  g_assert_cmpstr (item (doc, 4)->ndb_no, ==, "02047");
  g_assert_cmpfloat_with_epsilon (item (doc, 4)->grams, 1.5, 1e-9);
}

static void
test_today (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzMealPlanToday) none = NULL, today = NULL, outside = NULL;
  BzPlanTotals t = { 0 };

  /* A draft is not the patient's plan: nothing for today. */
  none = bz_meal_plans_today (f->svc, f->member, NULL, "2026-12-29", &error);
  g_assert_no_error (error);
  g_assert_null (none->plan);
  g_assert_cmpstr (none->date, ==, "2026-12-29");

  g_assert_true (bz_meal_plan_repo_finalize (f->store, PLAN, PATIENT, "Semana 1", "2026-12-02T09:00:00Z", &error));
  today = bz_meal_plans_today (f->svc, f->member, NULL, "2026-12-29", &error);
  g_assert_no_error (error);
  g_assert_nonnull (today->plan);
  g_assert_nonnull (today->day);
  g_assert_cmpint (bz_record_get_int (today->day, BZ_PLAN_DAY_DAY), ==, 2);
  bz_plan_nutrition_read (today->day_nutrition, &t, 1);
  g_assert_cmpfloat_with_epsilon (t.kcal, 0.5 * 79 + 1.5 * 260, 1e-6);

  outside = bz_meal_plans_today (f->svc, f->nutri, PATIENT, "2027-01-05", &error);
  g_assert_no_error (error);
  g_assert_nonnull (outside->plan);
  g_assert_null (outside->day);

  g_assert_null (bz_meal_plans_today (f->svc, f->other, PATIENT, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (bz_meal_plans_today (f->svc, f->member, NULL, "2026-13-45", &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
  g_clear_error (&error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/meal-plan-document/shopping-list", Fixture, NULL, fixture_setup, test_document, fixture_teardown);
  g_test_add ("/meal-plan-document/customized", Fixture, NULL, fixture_setup, test_customized, fixture_teardown);
  g_test_add ("/meal-plan-document/today", Fixture, NULL, fixture_setup, test_today, fixture_teardown);
  return g_test_run ();
}
