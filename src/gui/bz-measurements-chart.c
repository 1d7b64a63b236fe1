/* bz-measurements-chart.c — weight, body fat and waist over scans.
 *
 * Three small multiples sharing one time axis, so each measurement keeps its
 * own unit and scale: a y axis with rounded ticks, a line through the scans
 * and the latest value labelled.  Drawn with cairo inside GtkSnapshot.
 */
#include "bz-measurements-chart.h"
#include "bz-gui-util.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#define GUTTER_LEFT   56
#define GUTTER_RIGHT  64
#define PAD_TOP       14
#define AXIS_HEIGHT   26
#define PANEL_GAP     10

struct _BzMeasurementsChart
{
  GtkWidget parent_instance;
  GArray *points;   /* BzChartPoint sorted by time */
};

G_DEFINE_FINAL_TYPE (BzMeasurementsChart, bz_measurements_chart, GTK_TYPE_WIDGET)

typedef struct
{
  const char *title;    /* translated */
  const char *unit;     /* translated */
  double min_span;      /* smallest y range shown, in the unit */
  double rgb[3];
  gsize offset;         /* of the value in BzChartPoint */
} Series;

static double
point_value (const BzChartPoint *p, const Series *s)
{
  return *(const double *) ((const char *) p + s->offset);
}

static double
nice_step (double range)
{
  double exponent = floor (log10 (range));
  double fraction = range / pow (10, exponent);
  double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * pow (10, exponent);
}

static void
show_text (BzMeasurementsChart *self, cairo_t *cr, const char *text, double x, double y,
           double xalign, double yalign, gboolean bold, gboolean small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();
  int w, h;

  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (small)
    pango_attr_list_insert (attrs, pango_attr_scale_new (0.83));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, round (x - w * xalign), round (y - h * yalign));
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static double
time_to_x (gint64 t, gint64 t0, gint64 t1, double x0, double x1)
{
  if (t1 <= t0)
    return (x0 + x1) / 2;
  return x0 + (x1 - x0) * (double) (t - t0) / (double) (t1 - t0);
}

static void
draw_panel (BzMeasurementsChart *self, cairo_t *cr, const Series *s, const GdkRGBA *fg,
            const GdkRGBA *bg, double top, double height, double x0, double x1, gint64 t0, gint64 t1)
{
  const BzChartPoint *pts = (const BzChartPoint *) self->points->data;
  guint n = self->points->len;
  double lo = INFINITY, hi = -INFINITY, step, y_min, y_max;
  double plot_top = top + 18, plot_bottom = top + height - 4;
  g_autofree char *title = g_strdup_printf ("%s (%s)", s->title, s->unit);
  gboolean first = TRUE;
  int last = -1;

  cairo_set_source_rgb (cr, s->rgb[0], s->rgb[1], s->rgb[2]);
  show_text (self, cr, title, x0, top, 0, 0, TRUE, TRUE);

  for (guint i = 0; i < n; i++)
    {
      double v = point_value (&pts[i], s);
      if (isnan (v))
        continue;
      lo = MIN (lo, v);
      hi = MAX (hi, v);
      last = i;
    }
  if (last < 0)
    {
      gdk_cairo_set_source_rgba (cr, fg);
      cairo_save (cr);
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.55);
      show_text (self, cr, _("Not measured"), (x0 + x1) / 2, (plot_top + plot_bottom) / 2, 0.5, 0.5, FALSE, TRUE);
      cairo_restore (cr);
      return;
    }

  /* y range: the data padded, at least min_span wide, on rounded ticks */
  if (hi - lo < s->min_span)
    {
      double mid = (hi + lo) / 2;
      lo = mid - s->min_span / 2;
      hi = mid + s->min_span / 2;
    }
  step = nice_step ((hi - lo) / 2);
  y_min = floor (lo / step) * step;
  y_max = ceil (hi / step) * step;
  if (y_max - y_min < step * 2)
    y_max = y_min + step * 2;

#define Y(v) (plot_bottom - (plot_bottom - plot_top) * ((v) - y_min) / (y_max - y_min))

  /* grid and tick labels */
  cairo_set_line_width (cr, 1);
  for (double v = y_min; v <= y_max + step * 0.01; v += step)
    {
      g_autofree char *label = g_strdup_printf (step < 1 ? "%.1f" : "%.0f", v);
      double y = round (Y (v)) + 0.5;
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.10);
      cairo_move_to (cr, x0, y);
      cairo_line_to (cr, x1, y);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.55);
      show_text (self, cr, label, x0 - 8, y, 1, 0.5, FALSE, TRUE);
    }

  /* the line */
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgb (cr, s->rgb[0], s->rgb[1], s->rgb[2]);
  for (guint i = 0; i < n; i++)
    {
      double v = point_value (&pts[i], s);
      if (isnan (v))
        continue;
      if (first)
        cairo_move_to (cr, time_to_x (pts[i].time, t0, t1, x0, x1), Y (v));
      else
        cairo_line_to (cr, time_to_x (pts[i].time, t0, t1, x0, x1), Y (v));
      first = FALSE;
    }
  cairo_stroke (cr);

  /* the scans */
  for (guint i = 0; i < n; i++)
    {
      double v = point_value (&pts[i], s);
      double x, y;
      if (isnan (v))
        continue;
      x = time_to_x (pts[i].time, t0, t1, x0, x1);
      y = Y (v);
      cairo_arc (cr, x, y, 4.5, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, bg);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 2.5);
      cairo_set_source_rgb (cr, s->rgb[0], s->rgb[1], s->rgb[2]);
      cairo_stroke (cr);
    }

  /* the latest value, right of the plot */
  {
    g_autofree char *value = g_strdup_printf ("%.1f", point_value (&pts[last], s));
    double y = Y (point_value (&pts[last], s));
    cairo_set_source_rgb (cr, s->rgb[0], s->rgb[1], s->rgb[2]);
    show_text (self, cr, value, x1 + 12, y, 0, 0.5, TRUE, FALSE);
  }
#undef Y
}

static void
bz_measurements_chart_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  BzMeasurementsChart *self = BZ_MEASUREMENTS_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const BzChartPoint *pts = (const BzChartPoint *) self->points->data;
  guint n = self->points->len;
  Series series[] = {
    { _("Weight"), _("kg"), 2.0, { 0.11, 0.44, 0.85 }, G_STRUCT_OFFSET (BzChartPoint, weight_kg) },
    { _("Body fat"), _("%"), 2.0, { 0.90, 0.38, 0.00 }, G_STRUCT_OFFSET (BzChartPoint, body_fat_percent) },
    { _("Waist"), _("cm"), 2.0, { 0.57, 0.25, 0.67 }, G_STRUCT_OFFSET (BzChartPoint, waist_cm) },
  };
  double x0 = GUTTER_LEFT, x1 = width - GUTTER_RIGHT, panel_h;
  gint64 t0, t1, pad;
  GdkRGBA fg, bg = { 1, 1, 1, 1 };
  cairo_t *cr;

  if (n == 0 || width < 160 || height < 120)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (fg.red + fg.green + fg.blue > 1.5) /* dark style: light text on a dark card */
    {
      /* the lighter shades of the GNOME palette read better on dark */
      static const double dark[3][3] = { { 0.38, 0.63, 0.92 }, { 1.00, 0.64, 0.28 }, { 0.75, 0.38, 0.80 } };
      bg = (GdkRGBA) { 0.21, 0.21, 0.21, 1 };
      for (guint i = 0; i < G_N_ELEMENTS (series); i++)
        memcpy (series[i].rgb, dark[i], sizeof series[i].rgb);
    }

  t0 = pts[0].time;
  t1 = pts[n - 1].time;
  pad = MAX ((t1 - t0) / 12, 1);
  if (n > 1)
    {
      t0 -= pad;
      t1 += pad;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  panel_h = (height - PAD_TOP - AXIS_HEIGHT - 2 * PANEL_GAP) / 3.0;
  for (guint i = 0; i < G_N_ELEMENTS (series); i++)
    draw_panel (self, cr, &series[i], &fg, &bg, PAD_TOP + i * (panel_h + PANEL_GAP), panel_h,
                x0, x1, t0, t1);

  /* shared time axis: one date per scan, skipping labels that would overlap */
  {
    double axis_y = height - AXIS_HEIGHT + 6;
    double last_right = -INFINITY;
    cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.25);
    cairo_set_line_width (cr, 1);
    cairo_move_to (cr, x0, axis_y - 5.5);
    cairo_line_to (cr, x1, axis_y - 5.5);
    cairo_stroke (cr);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (pts[i].time);
        /* TRANSLATORS: a date on the chart's time axis, strftime format */
        g_autofree char *label = bz_date_time_format (dt, _("%-d %b %Y"));
        double x = time_to_x (pts[i].time, t0, t1, x0, x1);
        if (x - 36 < last_right && i != n - 1)
          continue;
        cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
        show_text (self, cr, label, x, axis_y, 0.5, 0, FALSE, TRUE);
        last_right = x + 36;
      }
  }
  cairo_destroy (cr);
}

static void
bz_measurements_chart_finalize (GObject *object)
{
  g_clear_pointer (&BZ_MEASUREMENTS_CHART (object)->points, g_array_unref);
  G_OBJECT_CLASS (bz_measurements_chart_parent_class)->finalize (object);
}

static void
bz_measurements_chart_class_init (BzMeasurementsChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = bz_measurements_chart_finalize;
  widget_class->snapshot = bz_measurements_chart_snapshot;
  gtk_widget_class_set_css_name (widget_class, "measurementschart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bz_measurements_chart_init (BzMeasurementsChart *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (BzChartPoint));
  gtk_widget_set_size_request (GTK_WIDGET (self), 240, 200);
}

GtkWidget *
bz_measurements_chart_new (void)
{
  return g_object_new (BZ_TYPE_MEASUREMENTS_CHART, NULL);
}

static int
compare_points (gconstpointer a, gconstpointer b)
{
  const BzChartPoint *pa = a, *pb = b;
  return (pa->time > pb->time) - (pa->time < pb->time);
}

static void
append_description (GString *s, const char *name, const char *unit, double first, double last)
{
  if (isnan (last))
    return;
  if (s->len)
    g_string_append (s, "; ");
  if (!isnan (first) && first != last)
    g_string_append_printf (s, "%s %.1f → %.1f %s", name, first, last, unit);
  else
    g_string_append_printf (s, "%s %.1f %s", name, last, unit);
}

void
bz_measurements_chart_set_points (BzMeasurementsChart *self, const BzChartPoint *points, guint n)
{
  g_autoptr(GString) description = g_string_new (NULL);
  const BzChartPoint *p;

  g_return_if_fail (BZ_IS_MEASUREMENTS_CHART (self));
  g_array_set_size (self->points, 0);
  if (n > 0)
    g_array_append_vals (self->points, points, n);
  g_array_sort (self->points, compare_points);

  p = (const BzChartPoint *) self->points->data;
  if (n > 0)
    {
      append_description (description, _("Weight"), _("kg"), p[0].weight_kg, p[n - 1].weight_kg);
      append_description (description, _("Body fat"), _("%"), p[0].body_fat_percent, p[n - 1].body_fat_percent);
      append_description (description, _("Waist"), _("cm"), p[0].waist_cm, p[n - 1].waist_cm);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Measurements over scans"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
bz_measurements_chart_get_n_points (BzMeasurementsChart *self)
{
  g_return_val_if_fail (BZ_IS_MEASUREMENTS_CHART (self), 0);
  return self->points->len;
}
