/* bz-pairing-dialog.h — "Pair a phone" (issue 9; docs/pairing.md): for the
 * patient on screen, a one-time pairing code as a QR code (libqrencode)
 * with, below it, the HTTPS URL, the certificate fingerprint and the code as
 * text and the minutes left; and the patient's paired devices, with when each
 * was last seen and a Revoke button.  Everything through
 * bz-device-service.h. */
#pragma once

#include <adwaita.h>

#include "bz-gui-session.h"

G_BEGIN_DECLS

#define BZ_TYPE_PAIRING_DIALOG (bz_pairing_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BzPairingDialog, bz_pairing_dialog, BZ, PAIRING_DIALOG, AdwWindow)

/**
 * bz_pairing_dialog_new:
 * @parent: the desk's window (the dialog is modal to it)
 * @session: the signed-in nutritionist
 * @patient_id: one of their patients
 *
 * Asks for a pairing code and the patient's devices at once (off the GUI
 * thread); the QR code appears when the code arrives.
 *
 * Returns: (transfer none): the dialog, not yet presented.
 */
BzPairingDialog *bz_pairing_dialog_new (GtkWindow *parent, BzGuiSession *session, const char *patient_id);

/**
 * bz_pairing_dialog_get_payload:
 * Returns: (transfer none) (nullable): the QR code's text, %NULL until the code arrived.
 */
const char      *bz_pairing_dialog_get_payload (BzPairingDialog *self);

/**
 * bz_pairing_dialog_get_qr_texture:
 * @out_modules: (out): modules per side, without the quiet zone
 * @out_module_px: (out): pixels per module
 * @out_margin_px: (out): pixels of the quiet zone on each side (4 modules:
 *   ISO/IEC 18004 §6.3.8)
 *
 * What the dialog draws (for tests: compare the modules with qrencode's).
 * Returns: (transfer none) (nullable): the QR code's texture, black modules
 *   on white; %NULL until the code arrived.
 */
GdkTexture      *bz_pairing_dialog_get_qr_texture (BzPairingDialog *self, int *out_modules, int *out_module_px,
                                                   int *out_margin_px);

/** bz_pairing_dialog_get_n_devices: Returns: the devices listed, -1 until loaded. */
int              bz_pairing_dialog_get_n_devices (BzPairingDialog *self);

G_END_DECLS
