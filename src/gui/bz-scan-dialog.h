/* bz-scan-dialog.h — a body scan taken at the desk (issue 12: "records their
 * first scan"): the InBody printout's figures typed in (date, sex, age,
 * height, weight, body fat, skeletal muscle mass, the circumferences
 * measured), saved through bz_scans_add_async() with the validation of
 * POST /api/scans/upload; the avatar is made as for an upload.  The form
 * starts from the patient's latest scan (sex, height, age) when there is one.
 *
 * "Import File…" (issue 8) reads an InBody export (bz-scan-import.h): the
 * rows found and every line error are shown before anything is saved, and
 * "Save Imported Scans" stores them all (each with its avatar) or none. */
#pragma once

#include "bz-scan-preview.h"

#include <adwaita.h>

#include "bz-gui-session.h"

G_BEGIN_DECLS

#define BZ_TYPE_SCAN_DIALOG (bz_scan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BzScanDialog, bz_scan_dialog, BZ, SCAN_DIALOG, AdwWindow)

/**
 * bz_scan_dialog_new:
 * @parent: the desk window
 * @session: the nutritionist's session
 * @patient_id: the patient
 * @latest: (nullable): the patient's latest Scan record, to start from
 * Returns: (transfer floating): the dialog.
 */
BzScanDialog *bz_scan_dialog_new (GtkWindow *parent, BzGuiSession *session, const char *patient_id, BzRecord *latest);

/** bz_scan_dialog_set_value: types @value into the row of the ScanInput member @field (tests). Returns: %FALSE for an unknown field. */
gboolean    bz_scan_dialog_set_value (BzScanDialog *self, const char *field, double value);
/** bz_scan_dialog_save: what Save does (tests). */
void        bz_scan_dialog_save (BzScanDialog *self);
/** bz_scan_dialog_is_busy: Returns: %TRUE while saving. */
gboolean    bz_scan_dialog_is_busy (BzScanDialog *self);
/** bz_scan_dialog_get_error: Returns: (transfer none): why the last save failed, "" when it did not. */
const char *bz_scan_dialog_get_error (BzScanDialog *self);

/**
 * bz_scan_dialog_import_bytes:
 * @name: the file's name, for the summary
 * @bytes: its contents (at most BZ_INBODY_MAX_BYTES + 1 are read from disk)
 *
 * What choosing a file does: checks it with bz_scans_import_check() (the
 * form's sex, age and height fill what it lacks) and shows the scans found
 * and the line errors.  Nothing is stored.
 */
void        bz_scan_dialog_import_bytes (BzScanDialog *self, const char *name, GBytes *bytes);
/** bz_scan_dialog_save_import: what "Save Imported Scans" does; nothing while the file has errors. */
void        bz_scan_dialog_save_import (BzScanDialog *self);
/** bz_scan_dialog_get_import_summary: Returns: (transfer none) (nullable): "file: N scans to import" or why not. */
const char *bz_scan_dialog_get_import_summary (BzScanDialog *self);
/** bz_scan_dialog_get_import_count: @out_ok: (out) (optional): whether every row is valid. Returns: the valid rows shown. */
guint       bz_scan_dialog_get_import_count (BzScanDialog *self, gboolean *out_ok);
/** bz_scan_dialog_get_import_errors: Returns: (transfer none): the line errors shown, one a line; "" when none. */
const char *bz_scan_dialog_get_import_errors (BzScanDialog *self);
/** bz_scan_dialog_dup_input: Returns: (transfer full): the scan as the form now gives it to bz_scans_add(). */
JsonObject *bz_scan_dialog_dup_input (BzScanDialog *self);
/** bz_scan_dialog_get_preview: Returns: (transfer none): the body preview beside the form (tests). */
BzScanPreview *bz_scan_dialog_get_preview (BzScanDialog *self);

G_END_DECLS
