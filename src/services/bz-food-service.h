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

/* The same calls off the calling thread (GIO style), for the GUI: the
 * synchronous call runs on a GTask worker thread (its own SQLite
 * connection); no caller is needed (the food database is public); the
 * cancellable is checked before the work starts and after it ends
 * (%G_IO_ERROR_CANCELLED); the callback runs on the thread-default main
 * context of the caller of the _async function. */

/**
 * bz_foods_find_async:
 * @svc: the service layer (the task's source object; kept alive until @callback)
 * @search: (nullable): as bz_foods_find(); copied
 * @page: 1-based
 * @limit: 1..100
 * @cancellable: (nullable): checked before and after the work; a newer
 *   search cancels the older one this way
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Runs bz_foods_find() (an FTS5 search) on a worker thread.  Finish with
 * bz_foods_find_finish().
 */
void      bz_foods_find_async      (BzServices *svc, const char *search, guint page, guint limit,
                                    GCancellable *cancellable, GAsyncReadyCallback callback,
                                    gpointer user_data);

/**
 * bz_foods_find_finish:
 * @svc: the service layer passed to bz_foods_find_async()
 * @result: the #GAsyncResult given to the callback
 * @error: %G_IO_ERROR_CANCELLED, or what bz_foods_find() sets:
 *   %BZ_ERROR_VALIDATION ("page", "limit"), %BZ_ERROR_INTERNAL or
 *   %BZ_ERROR_UNAVAILABLE
 *
 * Returns: (transfer full) (nullable): the FoodList record {foods:
 *   [FoodSummary] (the "foods" property is a #GListModel of them; energy
 *   kcal and macronutrients g per 100 g), pagination}, or %NULL with @error set.
 */
BzRecord *bz_foods_find_finish     (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_foods_get_food_async:
 * @svc: the service layer (the task's source object; kept alive until @callback)
 * @ndb_no: (nullable): the SR28 NDB number; copied
 * @cancellable: (nullable): checked before and after the work
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Runs bz_foods_get_food() on a worker thread.  Finish with
 * bz_foods_get_food_finish().
 */
void      bz_foods_get_food_async  (BzServices *svc, const char *ndb_no, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data);

/**
 * bz_foods_get_food_finish:
 * @svc: the service layer passed to bz_foods_get_food_async()
 * @result: the #GAsyncResult given to the callback
 * @error: %G_IO_ERROR_CANCELLED, or what bz_foods_get_food() sets:
 *   %BZ_ERROR_NOT_FOUND, %BZ_ERROR_INTERNAL or %BZ_ERROR_UNAVAILABLE
 *
 * Returns: (transfer full) (nullable): the FoodEnvelope record {food: Food
 *   with food_group, nutrients and portions}, or %NULL with @error set.
 */
BzRecord *bz_foods_get_food_finish (BzServices *svc, GAsyncResult *result, GError **error);

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
