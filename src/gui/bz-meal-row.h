/* bz-meal-row.h — one of today's meals: photo thumbnail, foods, energy and macronutrients. */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "bz-session.h"

G_BEGIN_DECLS

#define BZ_TYPE_MEAL_ROW (bz_meal_row_get_type ())
G_DECLARE_FINAL_TYPE (BzMealRow, bz_meal_row, BZ, MEAL_ROW, GtkListBoxRow)

/**
 * bz_meal_row_new:
 * @meal: a meal of bz_meals_daily() (kept)
 * @cancellable: (nullable): cancels the thumbnail's load
 */
GtkWidget  *bz_meal_row_new      (BzSession *session, JsonObject *meal, GCancellable *cancellable);
/** bz_meal_row_get_meal: Returns: (transfer none): the meal. */
JsonObject *bz_meal_row_get_meal (BzMealRow *self);

G_END_DECLS
