/* bz-food-service.h — the USDA SR28 food database (data/foods/, see SOURCE.md).
 *
 * Search semantics (FTS5, Spanish food names): see bz-food-repo.c. */
#pragma once

#include "bz-nutrition.h"
#include "bz-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/**
 * bz_foods_find:
 * @search: (nullable): free text; FTS5 prefix match over descriptions (accents
 *   ignored, Spanish food names understood); %NULL or empty lists all foods
 *   by description
 * @page: 1-based
 * @limit: 1..100
 * @error: VALIDATION with details on "page" or "limit" ("out_of_range");
 *   INTERNAL or UNAVAILABLE on a database error
 *
 * One page of foods, best match first when searching.
 *
 * Returns: (transfer full): a FoodList record {foods: [FoodSummary],
 *   pagination}, whose pagination.total_items counts all matches (8,789
 *   without a search); %NULL with @error.
 */
BzRecord *bz_foods_find     (BzServices *svc, const char *search, guint page, guint limit, GError **error);

/**
 * bz_foods_get_food:
 * @ndb_no: (nullable): the SR28 NDB number, e.g. "01001"
 * @error: NOT_FOUND when there is no such food; INTERNAL or UNAVAILABLE on
 *   a database error
 *
 * Returns: (transfer full): a FoodEnvelope record {food: Food with
 *   food_group {code, name}, nutrients (SR order) and portions}; %NULL with
 *   @error.
 */
BzRecord *bz_foods_get_food (BzServices *svc, const char *ndb_no, GError **error);

/* The same as JSON trees, for the GUI until it binds the records. */

/**
 * bz_foods_search:
 * Returns: (transfer full): the JSON of bz_foods_find(): {foods: [{ndb_no,
 *   description, short_description, food_group, energy_kcal, protein_g,
 *   carbohydrate_g, fat_g}], pagination}; %NULL with @error as there.
 */
JsonNode *bz_foods_search (BzServices *svc, const char *search, guint page, guint limit, GError **error);

/**
 * bz_foods_get:
 * Returns: (transfer full): the JSON of bz_foods_get_food(): {food: {ndb_no,
 *   description, short_description, food_group: {code, name}, nutrients:
 *   [{nutr_no, name, tagname, unit, value_per_100g}], portions: [{seq,
 *   amount, description, grams}]}}; %NULL with @error as there.
 */
JsonNode *bz_foods_get    (BzServices *svc, const char *ndb_no, GError **error);

/**
 * bz_foods_lookup_panel:
 * @out: (out): the food's panel per 100 g edible portion (nutrients 208, 203,
 *   205, 204, 291, 307; missing values count as 0)
 * @out_description: (out) (optional) (transfer full): long description
 * Returns: %FALSE with NOT_FOUND for an unknown @ndb_no.
 */
gboolean  bz_foods_lookup_panel (BzServices *svc, const char *ndb_no, BzNutrients *out,
                                 char **out_description, GError **error);

/**
 * bz_foods_count:
 * @out_count: (out): the number of foods imported (0 before the USDA import)
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE when the database is busy)
 *
 * For readiness (GET /ready): whether the food database is there.
 *
 * Returns: %FALSE with @error when the database cannot be read.
 */
gboolean  bz_foods_count (BzServices *svc, gint64 *out_count, GError **error);

G_END_DECLS
