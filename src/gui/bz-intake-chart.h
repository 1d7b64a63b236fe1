/* bz-intake-chart.h — the intake chart drawn with cairo, for the screen
 * (bz-intake-history.c) and for print (bz-patient-report.c): one bar per
 * day from 0 kcal, green when the day's energy was within 10 % of its
 * target (bz-analytics.h), amber when it was not, grey without a target;
 * the target as a short line across the day's bar; the meal plan's day as
 * a dot; a kcal axis on the left and the days below. */
#pragma once

#include <gtk/gtk.h>

#include "bz-analytics-service.h"

G_BEGIN_DECLS

/**
 * bz_intake_chart_draw:
 * @cr: where to draw, origin at the chart's top left corner
 * @pango: the Pango context for the labels (the widget's, or the print context's)
 * @analytics: a NutritionAnalytics record (bz-analytics-resources.h)
 * @width: @height: the chart's box, in @cr's units
 * @fg: the text and axis colour
 */
void bz_intake_chart_draw   (cairo_t *cr, PangoContext *pango, BzRecord *analytics, double width, double height,
                             const GdkRGBA *fg);

/**
 * bz_intake_chart_day_at:
 * @width: the chart's width as drawn
 * @x: a point's x in the chart
 * Returns: the index of the day under @x in @analytics' days, or -1.
 */
int  bz_intake_chart_day_at (BzRecord *analytics, double width, double x);

/**
 * bz_intake_chart_key:
 * Returns: (transfer full): what the chart's marks mean, with the energy
 *   band of %BZ_ANALYTICS_ENERGY_TOLERANCE (for the screen and for print).
 */
char *bz_intake_chart_key (void);

G_END_DECLS
