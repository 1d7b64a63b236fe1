/* bz-nutrition-bars.h — a day's intake against its targets, one progress bar per nutrient. */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define BZ_TYPE_NUTRITION_BARS (bz_nutrition_bars_get_type ())
G_DECLARE_FINAL_TYPE (BzNutritionBars, bz_nutrition_bars, BZ, NUTRITION_BARS, GtkWidget)

GtkWidget *bz_nutrition_bars_new (void);

/**
 * bz_nutrition_bars_set:
 * @intake: (nullable): {energy_kcal, protein_g, carbohydrate_g, fat_g, fiber_g, sodium_mg}
 * @targets: (nullable): the same members; sodium is shown as an upper limit
 */
void       bz_nutrition_bars_set (BzNutritionBars *self, JsonObject *intake, JsonObject *targets);

G_END_DECLS
