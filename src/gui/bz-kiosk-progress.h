/* bz-kiosk-progress.h — the member's progress at the kiosk (issue 8; seed 000
 * story 4.4, criteria 4 and 8): the body morphing between two scans along a
 * timeline, beside the earlier body, with the change shown on the body as
 * colour (cm lost or gained) and the numbers per region beside it. */
#pragma once

#include <adwaita.h>

#include "bz-avatar-view.h"
#include "bz-gui-session.h"
#include "bz-resources.h"

G_BEGIN_DECLS

#define BZ_TYPE_KIOSK_PROGRESS (bz_kiosk_progress_get_type ())
G_DECLARE_FINAL_TYPE (BzKioskProgress, bz_kiosk_progress, BZ, KIOSK_PROGRESS, GtkWidget)

/**
 * BzProgressRegion:
 * The rows of the numbers beside the body: weight (kg), body fat (%), and
 * the circumferences (cm) of waist, hip, chest, arm and thigh, as measured
 * at the two scans (no estimate: a region measured at only one of them
 * shows a dash).
 */
typedef enum
{
  BZ_PROGRESS_WEIGHT,
  BZ_PROGRESS_BODY_FAT,
  BZ_PROGRESS_WAIST,
  BZ_PROGRESS_HIP,
  BZ_PROGRESS_CHEST,
  BZ_PROGRESS_ARM,
  BZ_PROGRESS_THIGH,
  BZ_PROGRESS_N_REGIONS
} BzProgressRegion;

GtkWidget  *bz_kiosk_progress_new (void);

/**
 * bz_kiosk_progress_attach:
 * @content: the only child of a #GtkViewport (the page's scrolled content)
 * @header: the page's header bar
 *
 * Puts @self beside @content in the same viewport (a #GtkStack takes
 * @content's place: "today", @content, shown first, and "progress", @self)
 * and a "My Progress" toggle button at the start of @header that switches
 * between them; the button shows after bz_kiosk_progress_set_enabled().
 */
void        bz_kiosk_progress_attach (BzKioskProgress *self, GtkWidget *content, AdwHeaderBar *header);

/** bz_kiosk_progress_show: shows the progress (%TRUE) or the page's own content, as the toggle does. */
void        bz_kiosk_progress_show (BzKioskProgress *self, gboolean shown);

/** bz_kiosk_progress_set_enabled: shows the toggle (the kiosk) or hides it and clears the progress (the desk). */
void        bz_kiosk_progress_set_enabled (BzKioskProgress *self, gboolean enabled);

/**
 * bz_kiosk_progress_set_scans:
 * @session: the signed-in session (the meshes load through it)
 * @scan_list: (nullable): a ScanList record (newest first); %NULL clears
 *
 * Shows the timeline from the first to the latest scan, "from" and "to"
 * defaulting to them; with one scan, a sentence instead; with none, another.
 * A list with the same scans as before keeps the choice and the slider.
 */
void        bz_kiosk_progress_set_scans (BzKioskProgress *self, BzGuiSession *session, BzRecord *scan_list);

/**
 * bz_kiosk_progress_select:
 * @from: @to: indexes of the scans, oldest first (0 .. n − 1)
 * Chooses the two scans (as the "From" and "To" lists do) and loads their bodies.
 */
void        bz_kiosk_progress_select (BzKioskProgress *self, guint from, guint to);

/** bz_kiosk_progress_get_n_scans: Returns: the scans on the timeline. */
guint       bz_kiosk_progress_get_n_scans (BzKioskProgress *self);

/**
 * bz_kiosk_progress_get_state:
 * Returns: (transfer none): "none" (no scans), "one" (a single scan),
 *   "loading", "morph" (both bodies shown), "impossible" (two scans of a
 *   different sex) or "error".
 */
const char *bz_kiosk_progress_get_state (BzKioskProgress *self);

/** bz_kiosk_progress_get_timeline: Returns: (transfer none): the slider, 0 (from) .. 1 (to). */
GtkRange   *bz_kiosk_progress_get_timeline (BzKioskProgress *self);
/** bz_kiosk_progress_get_morph_view: Returns: (transfer none): the body that morphs. */
BzAvatarView *bz_kiosk_progress_get_morph_view (BzKioskProgress *self);
/** bz_kiosk_progress_get_before_view: Returns: (transfer none): the earlier body beside it. */
BzAvatarView *bz_kiosk_progress_get_before_view (BzKioskProgress *self);

/** bz_kiosk_progress_set_heatmap: turns the change-as-colour toggle on or off. */
void        bz_kiosk_progress_set_heatmap (BzKioskProgress *self, gboolean heat);

/**
 * bz_kiosk_progress_get_change:
 * @out_change: (out): "to" minus "from", in the region's unit
 * Returns: %FALSE when the region was not measured at both scans.
 */
gboolean    bz_kiosk_progress_get_change (BzKioskProgress *self, BzProgressRegion region, double *out_change);

/** bz_kiosk_progress_get_change_text: Returns: (transfer none): the change as the table shows it. */
const char *bz_kiosk_progress_get_change_text (BzKioskProgress *self, BzProgressRegion region);

/** bz_kiosk_progress_get_range_cm: Returns: the legend's half-width, cm (0 without a morph). */
double      bz_kiosk_progress_get_range_cm (BzKioskProgress *self);

/* bz-kiosk-progress-numbers.c: the legend and the table (private to the widget) */
GtkWidget  *bz_progress_legend_new (void);
void        bz_progress_legend_set_range (GtkWidget *legend, double range_cm);
GtkWidget  *bz_progress_numbers_new (GtkLabel *change_labels[BZ_PROGRESS_N_REGIONS],
                                     GtkLabel *from_labels[BZ_PROGRESS_N_REGIONS],
                                     GtkLabel *to_labels[BZ_PROGRESS_N_REGIONS]);
/**
 * bz_progress_region_value:
 * Returns: the region's value in @scan (kg, %, cm), NAN when not measured.
 */
double      bz_progress_region_value (BzRecord *scan, BzProgressRegion region);
/** bz_progress_region_format: Returns: (transfer full): @value with its unit ("72.4 kg"), "—" for NAN. */
char       *bz_progress_region_format (BzProgressRegion region, double value, gboolean sign);

G_END_DECLS
