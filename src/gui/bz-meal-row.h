/* bz-meal-row.h — one of today's meals: photo thumbnail, foods, energy and macronutrients. */
#pragma once

#include <gtk/gtk.h>

#include "bz-resources.h"
#include "bz-gui-session.h"

G_BEGIN_DECLS

#define BZ_TYPE_MEAL_ROW (bz_meal_row_get_type ())
G_DECLARE_FINAL_TYPE (BzMealRow, bz_meal_row, BZ, MEAL_ROW, GtkListBoxRow)

/**
 * bz_meal_row_new:
 * @session: whose services and caller load the photo thumbnail
 * @meal: (transfer none): a Meal record (#bz_meal_resource), e.g. an item of
 *   a DailyIntake's "meals"; kept as the row's "meal" property
 * @cancellable: (nullable): cancels the thumbnail's load
 *
 * Returns: (transfer floating): a row showing the meal type and time, the
 *   foods (each MealItem's "description" and grams), energy and macronutrients.
 */
GtkWidget  *bz_meal_row_new      (BzGuiSession *session, BzRecord *meal, GCancellable *cancellable);
/** bz_meal_row_get_meal: Returns: (transfer none): the Meal record shown. */
BzRecord   *bz_meal_row_get_meal (BzMealRow *self);
/** bz_meal_row_set_deletable: shows or hides the row's delete button (hidden on the kiosk). */
void        bz_meal_row_set_deletable (BzMealRow *self, gboolean deletable);
/** bz_meal_row_get_foods_text: Returns: (transfer none): the foods line as shown, "Rice, white (150 g), …". */
const char *bz_meal_row_get_foods_text (BzMealRow *self);

G_END_DECLS
