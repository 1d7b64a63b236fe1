/* bz-scan-row.h — one body scan in the patient's scan history. */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define BZ_TYPE_SCAN_ROW (bz_scan_row_get_type ())
G_DECLARE_FINAL_TYPE (BzScanRow, bz_scan_row, BZ, SCAN_ROW, AdwActionRow)

/**
 * bz_scan_row_new:
 * @scan: a scan of bz_scans_list() (kept)
 * @latest: marks the row "(latest)"
 */
GtkWidget  *bz_scan_row_new       (JsonObject *scan, gboolean latest);
/** bz_scan_row_get_scan: Returns: (transfer none): the scan. */
JsonObject *bz_scan_row_get_scan  (BzScanRow *self);
/** bz_scan_row_set_shown: ticks the row whose avatar is on screen. */
void        bz_scan_row_set_shown (BzScanRow *self, gboolean shown);

/** bz_scan_waist_cm: Returns: the scan's waist circumference (cm), or NAN. */
double      bz_scan_waist_cm      (JsonObject *scan);
/** bz_scan_avatar_id: Returns: (transfer none) (nullable): the scan's avatar id. */
const char *bz_scan_avatar_id     (JsonObject *scan);

G_END_DECLS
