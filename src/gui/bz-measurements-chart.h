/* bz-measurements-chart.h — weight, body fat and waist over scans (GtkSnapshot + cairo). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * BzChartPoint:
 * @time: when the scan was taken (Unix seconds)
 * @weight_kg, @body_fat_percent, @waist_cm: NAN when not measured
 */
typedef struct
{
  gint64 time;
  double weight_kg;
  double body_fat_percent;
  double waist_cm;
} BzChartPoint;

#define BZ_TYPE_MEASUREMENTS_CHART (bz_measurements_chart_get_type ())
G_DECLARE_FINAL_TYPE (BzMeasurementsChart, bz_measurements_chart, BZ, MEASUREMENTS_CHART, GtkWidget)

GtkWidget *bz_measurements_chart_new        (void);
/** bz_measurements_chart_set_points: @points: (array length=n): any order; copied. */
void       bz_measurements_chart_set_points (BzMeasurementsChart *self, const BzChartPoint *points, guint n);
guint      bz_measurements_chart_get_n_points (BzMeasurementsChart *self);

G_END_DECLS
