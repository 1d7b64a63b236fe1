/* test-food-prices.c — bz-food-prices.h: the shipped table
 * (data/prices/food-prices-mx.tsv, from the store's resources) parses, with
 * its month and its one published price; bad lines are refused by number;
 * purchase quantities round up to the unit's step; costs are per kg. */
#include <gio/gio.h>
#include <string.h>

#include "bz-food-prices.h"

GResource *bz_store_get_resource (void);   /* data/balanza-store.gresource.xml's, registered by the store */

static void
test_shipped_table (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BzFoodPrices) prices = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("BALANZA_SOURCE_DIR"), "data", "prices", "food-prices-mx.tsv", NULL);
  g_autofree char *text = NULL;
  gsize len;
  const BzFoodPrice *tortilla;

  /* The service reads the copy in the store's resources: the file itself. */
  bytes = g_resource_lookup_data (bz_store_get_resource (), "/org/balanza/store/prices/food-prices-mx.tsv", 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), text, len);
  prices = bz_food_prices_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bz_food_prices_count (prices), >=, 70);
  g_assert_cmpstr (bz_food_prices_as_of (prices), ==, "2025-10");
  tortilla = bz_food_prices_lookup (prices, "18363");
  g_assert_nonnull (tortilla);
  g_assert_cmpfloat (tortilla->mxn_per_kg, ==, 23.71);
  g_assert_cmpstr (tortilla->basis, ==, "profeco-qqp-2025-10");
  g_assert_cmpstr (tortilla->purchase_unit, ==, "kg");
  g_assert_null (bz_food_prices_lookup (prices, "99999"));
  g_assert_null (bz_food_prices_lookup (prices, NULL));
}

static void
test_bad_lines (void)
{
  static const char *const bad[] = {
    "01123\tHuevo\t45\tpieza\t50\n",                                  /* five columns */
    "01123\tHuevo\t-1\tpieza\t50\testimate\n",                        /* a negative price */
    "01123\tHuevo\tcaro\tpieza\t50\testimate\n",                      /* not a number */
    "01123\tHuevo\t45\tpieza\t0\testimate\n",                         /* no grams in a unit */
    "01123\tHuevo\t45\tpieza\t50\te\n01123\tHuevo\t46\tpieza\t50\te\n", /* repeated */
    "\tHuevo\t45\tpieza\t50\testimate\n",                             /* no number */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strconcat ("# a comment\n", bad[i], NULL);
      g_autoptr(BzFoodPrices) p = bz_food_prices_parse (text, strlen (text), &error);
      g_assert_null (p);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, i == 4 ? "line 3" : "line 2"));
    }
}

static void
test_quantities (void)
{
  const char *text = "# as_of\t2025-10\n18363\tTortilla\t23.71\tkg\t1000\tp\n01123\tHuevo\t45\tpieza\t50\te\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BzFoodPrices) p = bz_food_prices_parse (text, strlen (text), &error);
  const BzFoodPrice *kg, *egg;

  g_assert_no_error (error);
  kg = bz_food_prices_lookup (p, "18363");
  egg = bz_food_prices_lookup (p, "01123");
  g_assert_cmpfloat_with_epsilon (bz_food_price_purchase_quantity (kg, 351), 0.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (bz_food_price_purchase_quantity (kg, 400), 0.4, 1e-9);
  g_assert_cmpfloat (bz_food_price_purchase_quantity (kg, 0), ==, 0);
  g_assert_cmpfloat (bz_food_price_purchase_quantity (egg, 120), ==, 3);
  g_assert_cmpfloat (bz_food_price_purchase_quantity (egg, 100), ==, 2);
  g_assert_cmpfloat (bz_food_price_purchase_quantity (egg, 1), ==, 1);
  g_assert_cmpfloat_with_epsilon (bz_food_price_cost (kg, 500), 11.855, 1e-9);
  g_assert_cmpfloat_with_epsilon (bz_food_price_cost (egg, 100), 4.5, 1e-9);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/food-prices/shipped", test_shipped_table);
  g_test_add_func ("/food-prices/bad-lines", test_bad_lines);
  g_test_add_func ("/food-prices/quantities", test_quantities);
  return g_test_run ();
}
