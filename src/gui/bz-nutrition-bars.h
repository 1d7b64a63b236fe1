/* bz-nutrition-bars.h — a day's intake against its targets, one progress bar per nutrient. */
#pragma once

#include <gtk/gtk.h>

#include "bz-resources.h"

G_BEGIN_DECLS

#define BZ_TYPE_NUTRITION_BARS (bz_nutrition_bars_get_type ())
G_DECLARE_FINAL_TYPE (BzNutritionBars, bz_nutrition_bars, BZ, NUTRITION_BARS, GtkWidget)

GtkWidget *bz_nutrition_bars_new (void);

/**
 * bz_nutrition_bars_set:
 * @intake: (nullable) (transfer none): a Nutrients record (#bz_nutrients_resource:
 *   energy_kcal, protein_g, carbohydrate_g, fat_g, fiber_g, sodium_mg);
 *   %NULL shows zeros
 * @targets: (nullable) (transfer none): a Nutrients record, or %NULL when
 *   the day has no targets (no scan yet): values without bars.  Sodium is
 *   shown as an upper limit.
 *
 * Shows @intake against @targets; the records are read, not kept.
 */
void       bz_nutrition_bars_set (BzNutritionBars *self, BzRecord *intake, BzRecord *targets);

G_END_DECLS
