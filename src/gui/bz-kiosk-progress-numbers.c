/* bz-kiosk-progress-numbers.c — the kiosk progress's colour legend and its
 * table of changes per region (bz-kiosk-progress.h). */
#include "bz-kiosk-progress.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bz-avatar-morph.h"

double
bz_progress_region_value (BzRecord *scan, BzProgressRegion region)
{
  static const guint circ[] = {
    [BZ_PROGRESS_WAIST] = BZ_CIRCUMFERENCES_WAIST, [BZ_PROGRESS_HIP] = BZ_CIRCUMFERENCES_HIP,
    [BZ_PROGRESS_CHEST] = BZ_CIRCUMFERENCES_CHEST, [BZ_PROGRESS_ARM] = BZ_CIRCUMFERENCES_ARM,
    [BZ_PROGRESS_THIGH] = BZ_CIRCUMFERENCES_THIGH,
  };
  BzRecord *c;

  if (scan == NULL)
    return NAN;
  switch (region)
    {
    case BZ_PROGRESS_WEIGHT:
      return bz_record_has (scan, BZ_SCAN_WEIGHT_KG) ? bz_record_get_double (scan, BZ_SCAN_WEIGHT_KG) : NAN;
    case BZ_PROGRESS_BODY_FAT:
      return bz_record_has (scan, BZ_SCAN_BODY_FAT_PERCENT) ? bz_record_get_double (scan, BZ_SCAN_BODY_FAT_PERCENT) : NAN;
    case BZ_PROGRESS_N_REGIONS:
      return NAN;
    default:
      c = bz_record_get_object (scan, BZ_SCAN_CIRCUMFERENCES_CM);
      return c && bz_record_has (c, circ[region]) ? bz_record_get_double (c, circ[region]) : NAN;
    }
}

static const char *
region_name (BzProgressRegion region)
{
  switch (region)
    {
    case BZ_PROGRESS_WEIGHT: return _("Weight");
    case BZ_PROGRESS_BODY_FAT: return _("Body fat");
    case BZ_PROGRESS_WAIST: return _("Waist");
    case BZ_PROGRESS_HIP: return _("Hip");
    case BZ_PROGRESS_CHEST: return _("Chest");
    case BZ_PROGRESS_ARM: return _("Arm");
    case BZ_PROGRESS_THIGH: return _("Thigh");
    default: return "";
    }
}

char *
bz_progress_region_format (BzProgressRegion region, double value, gboolean sign)
{
  g_autofree char *number = NULL;

  if (isnan (value))
    return g_strdup ("—");
  /* one decimal, a true minus sign; "+" only for changes */
  number = g_strdup_printf ("%.1f", fabs (value));
  if (value <= -0.05)
    number = g_strconcat ("−", g_steal_pointer (&number), NULL);
  else if (sign && value >= 0.05)
    number = g_strconcat ("+", g_steal_pointer (&number), NULL);
  switch (region)
    {
    case BZ_PROGRESS_WEIGHT:
      /* TRANSLATORS: a weight or a change of weight, e.g. "−3.6 kg" */
      return g_strdup_printf (_("%s kg"), number);
    case BZ_PROGRESS_BODY_FAT:
      /* TRANSLATORS: body fat, or its change in percentage points, e.g. "−6.0 %" */
      return g_strdup_printf (sign ? _("%s pts") : _("%s %%"), number);
    default:
      /* TRANSLATORS: a circumference or its change, e.g. "−9.0 cm" */
      return g_strdup_printf (_("%s cm"), number);
    }
}

GtkWidget *
bz_progress_numbers_new (GtkLabel *change_labels[BZ_PROGRESS_N_REGIONS],
                         GtkLabel *from_labels[BZ_PROGRESS_N_REGIONS],
                         GtkLabel *to_labels[BZ_PROGRESS_N_REGIONS])
{
  GtkWidget *grid = gtk_grid_new ();
  const char *heads[] = { _("Region"), _("Before"), _("After"), _("Change") };

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_widget_add_css_class (grid, "progress-numbers");
  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    {
      GtkWidget *h = gtk_label_new (heads[c]);
      gtk_label_set_xalign (GTK_LABEL (h), c == 0 ? 0 : 1);
      gtk_widget_add_css_class (h, "dim-label");
      gtk_widget_add_css_class (h, "caption-heading");
      gtk_grid_attach (GTK_GRID (grid), h, c, 0, 1, 1);
    }
  for (guint r = 0; r < BZ_PROGRESS_N_REGIONS; r++)
    {
      GtkWidget *name = gtk_label_new (region_name (r));
      GtkWidget *labels[3];
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_grid_attach (GTK_GRID (grid), name, 0, r + 1, 1, 1);
      for (guint c = 0; c < 3; c++)
        {
          labels[c] = gtk_label_new ("—");
          gtk_label_set_xalign (GTK_LABEL (labels[c]), 1);
          gtk_widget_add_css_class (labels[c], "numeric");
          gtk_grid_attach (GTK_GRID (grid), labels[c], c + 1, r + 1, 1, 1);
        }
      gtk_widget_add_css_class (labels[2], "heading");
      from_labels[r] = GTK_LABEL (labels[0]);
      to_labels[r] = GTK_LABEL (labels[1]);
      change_labels[r] = GTK_LABEL (labels[2]);
    }
  return grid;
}

/* --- the legend: the palette as a bar, ticks in cm, "lost" and "gained" --- */

#define LEGEND_BAR_HEIGHT 18

static void
legend_draw (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  double range = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "range-mm")) / 10.0;
  GtkWidget *widget = GTK_WIDGET (area);
  cairo_pattern_t *gradient;
  double x0 = 24, x1 = width - 24;
  GdkRGBA fg;

  if (range <= 0 || x1 <= x0)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gradient = cairo_pattern_create_linear (x0, 0, x1, 0);
  for (guint i = 0; i < BZ_AVATAR_MORPH_PALETTE_SIZE; i++)
    cairo_pattern_add_color_stop_rgb (gradient, (double) i / (BZ_AVATAR_MORPH_PALETTE_SIZE - 1),
                                      bz_avatar_morph_palette[i][0], bz_avatar_morph_palette[i][1],
                                      bz_avatar_morph_palette[i][2]);
  cairo_rectangle (cr, x0, 2, x1 - x0, LEGEND_BAR_HEIGHT);
  cairo_set_source (cr, gradient);
  cairo_fill_preserve (cr);
  cairo_pattern_destroy (gradient);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  for (int i = -2; i <= 2; i++)
    {
      double v = range * i / 2.0, x = x0 + (x1 - x0) * (i + 2) / 4.0;
      g_autofree char *text = i == 0 ? g_strdup ("0") : bz_progress_region_format (BZ_PROGRESS_WAIST, v, TRUE);
      PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
      int lw, lh;

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.8);
      cairo_move_to (cr, round (x) + 0.5, LEGEND_BAR_HEIGHT + 2);
      cairo_line_to (cr, round (x) + 0.5, LEGEND_BAR_HEIGHT + 7);
      cairo_stroke (cr);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      cairo_move_to (cr, CLAMP (x - lw / 2.0, 0, width - lw), LEGEND_BAR_HEIGHT + 8);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
    }
  (void) height;
}

GtkWidget *
bz_progress_legend_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *ends = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *area = gtk_drawing_area_new ();
  GtkWidget *lost = gtk_label_new (_("◀ Lost"));
  GtkWidget *gained = gtk_label_new (_("Gained ▶"));
  GtkWidget *title = gtk_label_new (_("Change along the body’s surface"));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_box_append (GTK_BOX (box), title);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), LEGEND_BAR_HEIGHT + 28);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), legend_draw, NULL, NULL);
  gtk_widget_set_hexpand (area, TRUE);
  gtk_box_append (GTK_BOX (box), area);
  gtk_widget_set_hexpand (lost, TRUE);
  gtk_label_set_xalign (GTK_LABEL (lost), 0);
  gtk_label_set_xalign (GTK_LABEL (gained), 1);
  gtk_widget_add_css_class (lost, "progress-lost");
  gtk_widget_add_css_class (gained, "progress-gained");
  gtk_box_append (GTK_BOX (ends), lost);
  gtk_box_append (GTK_BOX (ends), gained);
  gtk_box_append (GTK_BOX (box), ends);
  g_object_set_data (G_OBJECT (box), "area", area);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Colour scale: blue where centimetres were lost, red where they were gained"), -1);
  return box;
}

void
bz_progress_legend_set_range (GtkWidget *legend, double range_cm)
{
  GtkWidget *area = g_object_get_data (G_OBJECT (legend), "area");
  g_object_set_data (G_OBJECT (area), "range-mm", GUINT_TO_POINTER ((guint) round (range_cm * 10)));
  gtk_widget_queue_draw (area);
}
