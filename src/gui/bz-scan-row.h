/* bz-scan-row.h — one body scan in the patient's scan history. */
#pragma once

#include <adwaita.h>

#include "bz-resources.h"

G_BEGIN_DECLS

#define BZ_TYPE_SCAN_ROW (bz_scan_row_get_type ())
G_DECLARE_FINAL_TYPE (BzScanRow, bz_scan_row, BZ, SCAN_ROW, AdwActionRow)

/**
 * bz_scan_row_new:
 * @scan: a Scan record of a ScanList (bz_scans_get_list_async()); referenced
 * @latest: marks the row "(latest)"
 */
GtkWidget  *bz_scan_row_new       (BzRecord *scan, gboolean latest);
/** bz_scan_row_get_scan: Returns: (transfer none): the Scan record. */
BzRecord   *bz_scan_row_get_scan  (BzScanRow *self);
/** bz_scan_row_set_shown: ticks the row whose avatar is on screen. */
void        bz_scan_row_set_shown (BzScanRow *self, gboolean shown);

/** bz_scan_waist_cm: Returns: the Scan record's waist circumference (cm), or NAN when not measured. */
double      bz_scan_waist_cm      (BzRecord *scan);
/** bz_scan_avatar_id: Returns: (transfer none) (nullable): the Scan record's avatar id (null without an avatar). */
const char *bz_scan_avatar_id     (BzRecord *scan);

G_END_DECLS
