/* bz-reflow-box.h — children side by side in equal widths when they fit,
 * stacked (each the full width) when they do not.
 *
 * GTK 4.8 and libadwaita 1.2 have no breakpoints: this is how a page keeps
 * two cards in a row on a wide window and one under the other on a narrow
 * one (the window's minimum width is then one card's, not two).  Children
 * are added with <child> in a .ui file or bz_reflow_box_append(). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BZ_TYPE_REFLOW_BOX (bz_reflow_box_get_type ())
G_DECLARE_FINAL_TYPE (BzReflowBox, bz_reflow_box, BZ, REFLOW_BOX, GtkWidget)

GtkWidget *bz_reflow_box_new          (int spacing);
/** bz_reflow_box_append: adds @child after the others. */
void       bz_reflow_box_append       (BzReflowBox *self, GtkWidget *child);
/** bz_reflow_box_set_spacing: @spacing: px between children, across and down. */
void       bz_reflow_box_set_spacing  (BzReflowBox *self, int spacing);
int        bz_reflow_box_get_spacing  (BzReflowBox *self);
/** bz_reflow_box_get_stacked: Returns: %TRUE when the last allocation stacked the children. */
gboolean   bz_reflow_box_get_stacked  (BzReflowBox *self);

G_END_DECLS
