/* bz-profile-dialog.h — the nutritionist's professional profile at the desk
 * (issue 12; seed 002 §3.2): licence and its verification, specializations,
 * experience, the practice (address, phone, fee in MXN, insurance), whether
 * new patients are accepted, and the week's working hours.  Reads and saves
 * through bz-nutritionist-service.h, the validation of
 * PATCH /api/v1/nutritionist/profile. */
#pragma once

#include <adwaita.h>

#include "bz-gui-session.h"

G_BEGIN_DECLS

#define BZ_TYPE_PROFILE_DIALOG (bz_profile_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BzProfileDialog, bz_profile_dialog, BZ, PROFILE_DIALOG, AdwWindow)

/**
 * bz_profile_dialog_new:
 * @parent: the desk window
 * @session: the signed-in nutritionist's session
 * Returns: (transfer floating): the dialog; it loads the profile when shown.
 */
BzProfileDialog *bz_profile_dialog_new (GtkWindow *parent, BzGuiSession *session);

/** bz_profile_dialog_is_busy: Returns: %TRUE while the profile loads or saves (tests). */
gboolean   bz_profile_dialog_is_busy (BzProfileDialog *self);

/** bz_profile_dialog_save: what the Save button does (tests). */
void       bz_profile_dialog_save (BzProfileDialog *self);

/** bz_profile_dialog_get_error: Returns: (transfer none): the shown reason Save failed, "" when none. */
const char *bz_profile_dialog_get_error (BzProfileDialog *self);

/**
 * bz_profile_dialog_get_entry:
 * @name: a profile member with a text row: "professional_license",
 *   "clinic_name", "clinic_address", "clinic_phone"
 * Returns: (transfer none) (nullable): its editable (tests).
 */
GtkEditable *bz_profile_dialog_get_entry (BzProfileDialog *self, const char *name);

/** bz_profile_dialog_set_fee: sets the fee's spin button (tests). */
void       bz_profile_dialog_set_fee (BzProfileDialog *self, int mxn);

G_END_DECLS
