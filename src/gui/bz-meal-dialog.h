/* bz-meal-dialog.h — add a meal: a photo (camera or file), USDA foods with grams, the meal type. */
#pragma once

#include <adwaita.h>

#include "bz-gui-session.h"

G_BEGIN_DECLS

#define BZ_TYPE_MEAL_DIALOG (bz_meal_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BzMealDialog, bz_meal_dialog, BZ, MEAL_DIALOG, AdwWindow)

/**
 * bz_meal_dialog_new:
 * @parent: the transient parent
 * @patient_id: the patient the meal is for
 * @patient_name: (nullable): shown as the subtitle
 * Emits "saved" (BzRecord *upload: the MealUpload record {meal, detection}
 * of bz_meals_log_finish(), transfer none) and closes on success.
 * Closing a dialog with a photo or foods asks before discarding them.
 */
BzMealDialog *bz_meal_dialog_new (GtkWindow *parent, BzGuiSession *session,
                                  const char *patient_id, const char *patient_name);

/** bz_meal_dialog_capture: takes a photo with the camera (as the button does). */
void     bz_meal_dialog_capture        (BzMealDialog *self);
/**
 * bz_meal_dialog_get_photo_error:
 * Returns: (nullable) (transfer none): the message shown under the photo when
 *   the camera was refused or failed (bz_camera_open_finish(),
 *   bz_camera_capture_finish()), or %NULL.
 */
const char *bz_meal_dialog_get_photo_error (BzMealDialog *self);
/** bz_meal_dialog_set_photo: uses @jpeg_or_png as the meal photo (decoded off the GUI thread). */
void     bz_meal_dialog_set_photo      (BzMealDialog *self, GBytes *jpeg_or_png);
/** bz_meal_dialog_has_photo: Returns: %TRUE once a photo is shown. */
gboolean bz_meal_dialog_has_photo      (BzMealDialog *self);
/** bz_meal_dialog_search: types @text into the food search. */
void     bz_meal_dialog_search         (BzMealDialog *self, const char *text);
/** bz_meal_dialog_get_n_results: Returns: food search results shown. */
guint    bz_meal_dialog_get_n_results  (BzMealDialog *self);
/** bz_meal_dialog_add_result: adds search result @index with @grams, as activating its row does. */
void     bz_meal_dialog_add_result     (BzMealDialog *self, guint index, double grams);
/** bz_meal_dialog_get_n_items: Returns: foods in the meal. */
guint    bz_meal_dialog_get_n_items    (BzMealDialog *self);
/** bz_meal_dialog_is_busy: Returns: %TRUE while capturing, decoding, searching or saving. */
gboolean bz_meal_dialog_is_busy        (BzMealDialog *self);
/** bz_meal_dialog_save: saves as the Save button does. */
void     bz_meal_dialog_save           (BzMealDialog *self);
/** bz_meal_dialog_discard: closes without asking, losing what was entered (sign-out, leaving the patient). */
void     bz_meal_dialog_discard        (BzMealDialog *self);
/** bz_meal_dialog_get_save_blocked_reason: Returns: (nullable) (transfer none): why Save is off, as the dialog shows it, or %NULL when Save may be pressed. */
const char *bz_meal_dialog_get_save_blocked_reason (BzMealDialog *self);
/** bz_meal_dialog_set_eaten_at: types @date ("YYYY-MM-DD") and @time ("HH:MM", local) into the dialog's fields. */
void     bz_meal_dialog_set_eaten_at   (BzMealDialog *self, const char *date, const char *time);

G_END_DECLS
