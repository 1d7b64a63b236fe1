/* bz-intake-chart.c — the intake chart (see bz-intake-chart.h). */
#include "bz-intake-chart.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "bz-gui-util.h"

#define GUTTER_LEFT  52
#define GUTTER_RIGHT 8
#define PAD_TOP      24
#define AXIS_HEIGHT  22

static const GdkRGBA met_color = { 0.18, 0.76, 0.49, 1 };     /* GNOME green 3 #2ec27e */
static const GdkRGBA missed_color = { 0.90, 0.65, 0.04, 1 };  /* GNOME yellow 5 #e5a50a */
static const GdkRGBA plan_color = { 0.21, 0.52, 0.89, 1 };    /* GNOME blue 3 #3584e4 */

static guint
n_days (BzRecord *analytics)
{
  return analytics ? bz_record_get_n_items (analytics, BZ_NUTRITION_ANALYTICS_DAYS) : 0;
}

static double
kcal_of (BzRecord *day, guint field)
{
  BzRecord *panel = bz_record_get_object (day, field);
  return panel ? bz_record_get_double (panel, BZ_NUTRIENTS_ENERGY_KCAL) : NAN;
}

/* The chart's top, in kcal: the largest bar, target or plan, rounded up to 500. */
static double
chart_max (BzRecord *analytics)
{
  double top = 500;

  for (guint k = 0; k < n_days (analytics); k++)
    {
      BzRecord *d = bz_record_get_item (analytics, BZ_NUTRITION_ANALYTICS_DAYS, k);
      double v[3] = { kcal_of (d, BZ_NUTRITION_DAY_INTAKE), kcal_of (d, BZ_NUTRITION_DAY_TARGETS),
                      kcal_of (d, BZ_NUTRITION_DAY_PLANNED) };
      for (guint i = 0; i < 3; i++)
        if (isfinite (v[i]))
          top = MAX (top, v[i]);
    }
  return ceil (top * 1.05 / 500) * 500;
}

static GDateTime *
date_of (BzRecord *day)
{
  int y, m, d;
  if (sscanf (bz_record_get_string (day, BZ_NUTRITION_DAY_DATE), "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  return g_date_time_new_local (y, m, d, 12, 0, 0);
}

static void
draw_text (cairo_t *cr, PangoContext *pango, const char *text, double x, double y, double xalign, const GdkRGBA *fg)
{
  PangoLayout *layout = pango_layout_new (pango);
  PangoAttrList *attrs = pango_attr_list_new ();
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * xalign, y - h / 2.0);
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.7);
  pango_cairo_show_layout (cr, layout);
  pango_attr_list_unref (attrs);
  g_object_unref (layout);
}

void
bz_intake_chart_draw (cairo_t *cr, PangoContext *pango, BzRecord *analytics, double width, double height,
                      const GdkRGBA *fg_color)
{
  guint n = n_days (analytics);
  double top, plot_w = width - GUTTER_LEFT - GUTTER_RIGHT, plot_h = height - PAD_TOP - AXIS_HEIGHT, slot;
  const GdkRGBA fg = *fg_color;

  if (n == 0 || plot_w < 20 || plot_h < 20)
    return;
  top = chart_max (analytics);
  slot = plot_w / n;

  /* y axis: 0, half and the top, in kcal */
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i <= 2; i++)
    {
      double v = top * i / 2, y = PAD_TOP + plot_h * (1 - v / top);
      g_autofree char *label = g_strdup_printf (i == 2 ? _("%.0f kcal") : "%.0f", v);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, i == 0 ? 0.35 : 0.10);
      cairo_move_to (cr, GUTTER_LEFT, round (y) + 0.5);
      cairo_line_to (cr, GUTTER_LEFT + plot_w, round (y) + 0.5);
      cairo_stroke (cr);
      draw_text (cr, pango, label, i == 2 ? 0 : GUTTER_LEFT - 6, i == 2 ? y - 12 : y, i == 2 ? 0 : 1, &fg);
    }

  for (guint k = 0; k < n; k++)
    {
      BzRecord *d = bz_record_get_item (analytics, BZ_NUTRITION_ANALYTICS_DAYS, k);
      double eaten = kcal_of (d, BZ_NUTRITION_DAY_INTAKE), target = kcal_of (d, BZ_NUTRITION_DAY_TARGETS);
      double planned = kcal_of (d, BZ_NUTRITION_DAY_PLANNED);
      double x0 = GUTTER_LEFT + k * slot, bar_w = MAX (2, slot * 0.6), bx = x0 + (slot - bar_w) / 2;
      g_autoptr(GDateTime) date = date_of (d);

      if (isfinite (eaten) && eaten > 0)
        {
          const GdkRGBA *c = !bz_record_has (d, BZ_NUTRITION_DAY_TARGET_MET) ? &fg
                             : bz_record_get_boolean (d, BZ_NUTRITION_DAY_TARGET_MET) ? &met_color : &missed_color;
          double h = plot_h * MIN (eaten, top) / top;
          cairo_set_source_rgba (cr, c->red, c->green, c->blue, c == &fg ? 0.45 : 0.9);
          cairo_rectangle (cr, bx, PAD_TOP + plot_h - h, bar_w, h);
          cairo_fill (cr);
        }
      if (isfinite (target))
        {
          double y = PAD_TOP + plot_h * (1 - MIN (target, top) / top);
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.8);
          cairo_set_line_width (cr, 2);
          cairo_move_to (cr, bx - 2, y);
          cairo_line_to (cr, bx + bar_w + 2, y);
          cairo_stroke (cr);
        }
      if (isfinite (planned))
        {
          double y = PAD_TOP + plot_h * (1 - MIN (planned, top) / top);
          gdk_cairo_set_source_rgba (cr, &plan_color);
          cairo_arc (cr, x0 + slot / 2, y, MAX (2.5, MIN (4, bar_w / 3)), 0, 2 * G_PI);
          cairo_fill (cr);
        }
      /* x labels: every weekday for a week; every fifth day and the last for a month */
      if (date && (n <= 7 || k % 5 == (n - 1) % 5))
        {
          g_autofree char *label = bz_date_time_format (date, n <= 7 ? "%a" : "%e");
          draw_text (cr, pango, g_strstrip (label), x0 + slot / 2, PAD_TOP + plot_h + AXIS_HEIGHT / 2.0 + 2, 0.5, &fg);
        }
    }
}

int
bz_intake_chart_day_at (BzRecord *analytics, double width, double x)
{
  guint n = n_days (analytics);
  double plot_w = width - GUTTER_LEFT - GUTTER_RIGHT;
  int k;

  if (n == 0 || plot_w <= 0 || x < GUTTER_LEFT)
    return -1;
  k = (int) ((x - GUTTER_LEFT) / (plot_w / n));
  return k >= 0 && (guint) k < n ? k : -1;
}

char *
bz_intake_chart_key (void)
{
  /* TRANSLATORS: %.0f is the tolerance in percent (10); %% is a percent sign */
  return g_strdup_printf (_("Bars: kcal eaten, green within %.0f %% of the target, amber outside it · "
                            "Lines: the target · Dots: the meal plan"), BZ_ANALYTICS_ENERGY_TOLERANCE * 100);
}
