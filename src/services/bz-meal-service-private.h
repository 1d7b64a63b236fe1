/* bz-meal-service-private.h — what the meal service's files share
 * (bz-meal-service.c, bz-meal-reuse.c).  Not for other layers. */
#pragma once

#include "bz-meal-service.h"

G_BEGIN_DECLS

/**
 * bz_meals_owner_for:
 * Returns: (transfer full) (nullable): the patients.id whose meal @meal_id
 *   is, when @caller may write it; %NULL with NOT_FOUND otherwise (someone
 *   else's meal answers as an unknown one does) or UNAUTHENTICATED.
 */
char      *bz_meals_owner_for        (BzServices *svc, const BzCaller *caller, const char *meal_id, GError **error);

/** bz_meals_check_not_future: adds eaten_at "out_of_range" to @v when @eaten_at is more than %BZ_MEAL_CLOCK_SKEW_S ahead. */
void       bz_meals_check_not_future (BzValidation *v, GDateTime *eaten_at);

/** bz_meals_items_json_of: Returns: (transfer full): the MealItem records of @rec's ARRAY @field as [{ndb_no, grams}]. */
JsonArray *bz_meals_items_json_of    (BzRecord *rec, guint field);

G_END_DECLS
