/* bz-scan-preview.h — the body a scan being typed would get, before it is saved
 * (issue 8: "a 'Registrar análisis' dialog ... with the avatar previewed
 * before saving"). */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "bz-gui-session.h"

G_BEGIN_DECLS

#define BZ_TYPE_SCAN_PREVIEW (bz_scan_preview_get_type ())
G_DECLARE_FINAL_TYPE (BzScanPreview, bz_scan_preview, BZ, SCAN_PREVIEW, GtkBox)

/**
 * bz_scan_preview_new:
 * @session: the desk's session (referenced)
 * @title_of: (nullable): the form's title for a refused field's path, as bz_form_error_message() takes it
 * Returns: (transfer floating): an empty preview ("type height and weight").
 */
GtkWidget *bz_scan_preview_new (BzGuiSession *session, const char *(*title_of) (const char *field));

/**
 * bz_scan_preview_update:
 * @input: (transfer none) (nullable): the scan as bz_scans_add() would take
 *   it; %NULL empties the preview (not enough typed yet)
 *
 * Schedules a new preview of @input: after a short pause in typing
 * (%BZ_SCAN_PREVIEW_DELAY_MS), bz_scans_preview_mesh_async() builds the body
 * on a worker thread and the view shows it, with the body fat it was built
 * for ("estimated" when none was typed).  A newer update cancels an older
 * one; a refused input shows the first field's message instead.
 */
void       bz_scan_preview_update (BzScanPreview *self, JsonObject *input);

/** bz_scan_preview_get_status: Returns: (transfer none): the line under the avatar (tests). */
const char *bz_scan_preview_get_status (BzScanPreview *self);

/** bz_scan_preview_has_mesh: Returns: whether a body is shown (tests). */
gboolean   bz_scan_preview_has_mesh (BzScanPreview *self);

/** BZ_SCAN_PREVIEW_DELAY_MS: the pause in typing before a new preview, 300 ms (Balanza's choice: a spin button's repeat is 100 ms). */
#define BZ_SCAN_PREVIEW_DELAY_MS 300

G_END_DECLS
