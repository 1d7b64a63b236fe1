/* bz-food-picker.h — USDA foods for a meal: search, pick, grams. */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "bz-gui-session.h"

G_BEGIN_DECLS

#define BZ_TYPE_FOOD_PICKER (bz_food_picker_get_type ())
G_DECLARE_FINAL_TYPE (BzFoodPicker, bz_food_picker, BZ, FOOD_PICKER, GtkWidget)

GtkWidget *bz_food_picker_new           (void);
void       bz_food_picker_set_session   (BzFoodPicker *self, BzGuiSession *session);
void       bz_food_picker_focus_search  (BzFoodPicker *self);
/** bz_food_picker_search: types @text into the search and searches at once. */
void       bz_food_picker_search        (BzFoodPicker *self, const char *text);
guint      bz_food_picker_get_n_results (BzFoodPicker *self);
/** bz_food_picker_add_result: adds result @index with @grams (g), as activating its row does. */
void       bz_food_picker_add_result    (BzFoodPicker *self, guint index, double grams);
guint      bz_food_picker_get_n_items   (BzFoodPicker *self);
/** bz_food_picker_is_busy: Returns: %TRUE while a search is in flight. */
gboolean   bz_food_picker_is_busy       (BzFoodPicker *self);
/** bz_food_picker_dup_items: Returns: (transfer full): [{ndb_no, grams}] for bz_meals_add_async(). */
JsonArray *bz_food_picker_dup_items     (BzFoodPicker *self);
/**
 * bz_food_picker_get_totals:
 * @totals: (out caller-allocates) (array fixed-size=4): kcal, protein g,
 *   carbohydrate g, fat g estimated from the USDA values per 100 g
 */
void       bz_food_picker_get_totals    (BzFoodPicker *self, double totals[4]);

G_END_DECLS
