/* bz-food-repo.h — the USDA SR28 food database (data/sql/002_foods.sql, filled
 * by bz_usda_import()): listing, FTS5 search, one food's nutrients and
 * portions, panels and counts.
 *
 * Read-only.  Every function runs on the calling thread's connection
 * (bz_store_db()).  Values are per 100 g edible portion, as in SR28.
 */
#pragma once

#include "bz-nutrition.h"
#include "bz-resources.h"
#include "bz-store.h"

G_BEGIN_DECLS

/**
 * bz_food_repo_search:
 * @store: the store
 * @search: (nullable): free text; its words become an FTS5 query over the
 *   English descriptions (accents ignored; Spanish (Mexico) food words also
 *   match their SR28 English words, see bz-food-terms.h) and another over
 *   the Spanish names (foods.name_es, es-MX-names.tsv; accents ignored, the
 *   last word a prefix: "manza" finds "manzana").  A food matching either
 *   is a result.  %NULL, empty, or text without any word lists all foods.
 * @limit: rows of the page, 1..100
 * @offset: rows skipped before the page
 * @out_total: (out): how many foods match in all (8,789 without a search)
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE when busy) on a database error
 *
 * One page of foods: when searching by the sum of the bm25() ranks of the
 * two matches (best first; a food matched in English and in Spanish first),
 * then by description, then by NDB number.
 *
 * Two statements at most: the page (with the count of matches when
 * searching), then the count when the page alone cannot tell it.
 *
 * Returns: (transfer full) (element-type BzRecord): FoodSummary records
 *   (bz_food_summary_resource; numbers per 100 g, null when SR28 has none;
 *   name_es null for a food without a Spanish name),
 *   or %NULL with @error.
 */
GPtrArray  *bz_food_repo_search    (BzStore *store, const char *search, guint limit, gint64 offset,
                                    gint64 *out_total, GError **error);

/**
 * bz_food_repo_get:
 * @store: the store
 * @ndb_no: the SR28 NDB number, e.g. "01001"
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Three statements: the food with its group, its nutrients (SR order), its
 * household portions (by sequence).
 *
 * Returns: (transfer full) (nullable): a Food record (bz_food_resource)
 *   with food_group, nutrients and portions; %NULL without @error when
 *   there is no such food, %NULL with @error on a database error.
 */
BzRecord   *bz_food_repo_get       (BzStore *store, const char *ndb_no, GError **error);

/**
 * bz_food_repo_get_panel:
 * @store: the store
 * @ndb_no: the SR28 NDB number
 * @out: (out caller-allocates): the panel per 100 g edible portion (nutrients
 *   208 kcal, 203 g, 205 g, 204 g, 291 g, 307 mg; missing values count as 0)
 * @out_description: (out) (optional) (transfer full): the long description
 * @out_found: (out): %FALSE when there is no such food (@out untouched)
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean    bz_food_repo_get_panel (BzStore *store, const char *ndb_no, BzNutrients *out,
                                    char **out_description, gboolean *out_found, GError **error);

/**
 * bz_food_repo_count:
 * @store: the store
 * @out_count: (out): the number of foods imported (0 before bz_usda_import())
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE when busy) on a database error
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean    bz_food_repo_count     (BzStore *store, gint64 *out_count, GError **error);

G_END_DECLS
