/* bz-food-prices.h — the food prices of the meal-plan generator's cost
 * estimate (seed 002 §6.7 "Estimate cost"; data/prices/food-prices-mx.tsv):
 * MXN per kilogram of a food by its SR28 NDB number, with the unit it is
 * bought in.  Pure: parses text, no I/O (the service loads the file from
 * the store's GResource once). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BzFoodPrice:
 * @ndb_no: the USDA SR28 food number ("18363")
 * @name_es: its Spanish (Mexico) name for a shopping list
 * @mxn_per_kg: Mexican pesos per kilogram of the food as recipes weigh it
 *   (edible portion; cooked foods per kg cooked), >= 0
 * @purchase_unit: what it is bought in ("kg", "litro", "pieza", "manojo", ...)
 * @unit_grams: grams in one @purchase_unit, > 0
 * @basis: where the price comes from ("profeco-qqp-2025-10", "estimate-2025")
 */
typedef struct
{
  char *ndb_no;
  char *name_es;
  double mxn_per_kg;
  char *purchase_unit;
  double unit_grams;
  char *basis;
} BzFoodPrice;

typedef struct _BzFoodPrices BzFoodPrices;

/**
 * bz_food_prices_parse:
 * @text: the file (UTF-8), e.g. data/prices/food-prices-mx.tsv
 * @len: its length in bytes
 * @error: %G_IO_ERROR_INVALID_DATA naming the first bad line (not six
 *   tab-separated columns, a number that is not one or out of range, a
 *   repeated NDB number)
 *
 * Reads one food a line: NDB number, Spanish name, MXN per kg (0 to
 * 100,000), purchase unit, grams per unit (0.1 to 100,000), basis.  Lines
 * starting with '#' are comments, except "# as_of<TAB>YYYY-MM": the month
 * the prices are of.
 *
 * Returns: (transfer full): the table; free with bz_food_prices_free().
 */
BzFoodPrices      *bz_food_prices_parse  (const char *text, gsize len, GError **error);
/** bz_food_prices_free: frees @prices (%NULL is ignored); the rows it returned go with it. */
void               bz_food_prices_free   (BzFoodPrices *prices);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzFoodPrices, bz_food_prices_free)

/** bz_food_prices_lookup: Returns: (transfer none) (nullable): the price of @ndb_no, %NULL when the file has none. */
const BzFoodPrice *bz_food_prices_lookup (const BzFoodPrices *prices, const char *ndb_no);

/** bz_food_prices_as_of: Returns: (transfer none) (nullable): the file's "as_of" month, "YYYY-MM". */
const char        *bz_food_prices_as_of  (const BzFoodPrices *prices);

/** bz_food_prices_count: Returns: the foods priced. */
guint              bz_food_prices_count  (const BzFoodPrices *prices);

/**
 * bz_food_price_purchase_quantity:
 * @price: a food's price row
 * @grams: the grams needed (edible portion), >= 0
 *
 * How much to buy, in @price's unit: foods sold by weight or volume ("kg",
 * "litro") to the next 0.05 of the unit (50 g or 50 ml, the smallest step a
 * market scale reads comfortably: Balanza's choice); foods sold whole
 * ("pieza", "manojo", "paquete", ...) to the next whole unit.  Peels, bones
 * and cooking losses are not added: recipes weigh the edible portion.
 *
 * Returns: the quantity, in units (0 for 0 g).
 */
double             bz_food_price_purchase_quantity (const BzFoodPrice *price, double grams);

/**
 * bz_food_price_cost:
 * @price: a food's price row
 * @grams: the grams eaten
 *
 * The estimated cost of @grams: @grams / 1000 × mxn_per_kg (of what is
 * eaten, not of the whole units bought).
 *
 * Returns: MXN.
 */
double             bz_food_price_cost (const BzFoodPrice *price, double grams);

G_END_DECLS
