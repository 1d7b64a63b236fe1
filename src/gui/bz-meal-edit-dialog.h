/* bz-meal-edit-dialog.h — correcting a logged meal at the desk (issue 12:
 * "open a meal, change its foods, grams, type, date and time"): its type,
 * the local date and time it was eaten, each food's grams (or the food
 * removed) and foods added from the USDA search; saved through
 * bz_meals_update_async(), PATCH /api/v1/meals/{id}'s validation. */
#pragma once

#include <adwaita.h>

#include "bz-gui-session.h"

G_BEGIN_DECLS

#define BZ_TYPE_MEAL_EDIT_DIALOG (bz_meal_edit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BzMealEditDialog, bz_meal_edit_dialog, BZ, MEAL_EDIT_DIALOG, AdwWindow)

/**
 * bz_meal_edit_dialog_new:
 * @meal: the Meal record as the page shows it
 * Returns: (transfer floating): the dialog.
 */
BzMealEditDialog *bz_meal_edit_dialog_new (GtkWindow *parent, BzGuiSession *session, BzRecord *meal);

/** bz_meal_edit_dialog_set_grams: sets item @index's grams (tests). Returns: %FALSE past the items. */
gboolean    bz_meal_edit_dialog_set_grams (BzMealEditDialog *self, guint index, double grams);
/** bz_meal_edit_dialog_set_meal_type: chooses the meal type @id ("dinner"; tests). */
void        bz_meal_edit_dialog_set_meal_type (BzMealEditDialog *self, const char *id);
/** bz_meal_edit_dialog_save: what Save does (tests). */
void        bz_meal_edit_dialog_save (BzMealEditDialog *self);
/** bz_meal_edit_dialog_is_busy: Returns: %TRUE while saving. */
gboolean    bz_meal_edit_dialog_is_busy (BzMealEditDialog *self);
/** bz_meal_edit_dialog_get_error: Returns: (transfer none): why the last save failed, "" otherwise. */
const char *bz_meal_edit_dialog_get_error (BzMealEditDialog *self);

G_END_DECLS
