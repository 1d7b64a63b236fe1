/* bz-body-analytics-service.c — body trends and scan comparison
 * (bz-body-analytics-service.h). */
#include "bz-body-analytics-service.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bz-body-analytics.h"
#include "bz-patient-service.h"
#include "bz-scan-repo.h"
#include "bz-scan-service-private.h"
#include "bz-store.h"

/* The sample of a Scan record (values as stored; derived ones computed). */
static void
sample_of (BzRecord *scan, BzBodySample *s)
{
  static const struct { guint field; BzBodyMetric metric; } top[] = {
    { BZ_SCAN_WEIGHT_KG, BZ_BODY_WEIGHT_KG },
    { BZ_SCAN_BODY_FAT_PERCENT, BZ_BODY_FAT_PERCENT },
    { BZ_SCAN_SKELETAL_MUSCLE_MASS_KG, BZ_BODY_SKELETAL_MUSCLE_MASS_KG },
  };
  BzRecord *circ = bz_record_get_object (scan, BZ_SCAN_CIRCUMFERENCES_CM);
  BzRecord *bia = bz_record_get_object (scan, BZ_SCAN_BIOIMPEDANCE);
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (bz_record_get_string (scan, BZ_SCAN_MEASURED_AT), NULL);

  G_STATIC_ASSERT (BZ_BODY_CALF_CM - BZ_BODY_NECK_CM + 1 == BZ_CIRCUMFERENCES_N_FIELDS);
  G_STATIC_ASSERT (BZ_BODY_LEAN_LEFT_LEG_KG - BZ_BODY_LEAN_RIGHT_ARM_KG + 1 == BZ_N_SEGMENTS);
  bz_body_sample_init (s);
  s->time_s = at ? g_date_time_to_unix (at) : 0;
  s->height_cm = bz_record_get_double (scan, BZ_SCAN_HEIGHT_CM);
  for (guint i = 0; i < G_N_ELEMENTS (top); i++)
    if (bz_record_has (scan, top[i].field))
      s->values[top[i].metric] = bz_record_get_double (scan, top[i].field);
  for (guint i = 0; circ && i < BZ_CIRCUMFERENCES_N_FIELDS; i++)
    if (bz_record_has (circ, i))
      s->values[BZ_BODY_NECK_CM + i] = bz_record_get_double (circ, i);
  if (bia)
    {
      BzRecord *lean = bz_record_get_object (bia, BZ_BIOIMPEDANCE_SEGMENTAL_LEAN_MASS_KG);
      BzRecord *fat = bz_record_get_object (bia, BZ_BIOIMPEDANCE_SEGMENTAL_FAT_MASS_KG);
      for (guint i = 0; i < BZ_N_SEGMENTS; i++)
        {
          if (lean && bz_record_has (lean, i))
            s->values[BZ_BODY_LEAN_RIGHT_ARM_KG + i] = bz_record_get_double (lean, i);
          if (fat && bz_record_has (fat, i))
            s->values[BZ_BODY_FAT_RIGHT_ARM_KG + i] = bz_record_get_double (fat, i);
        }
    }
  bz_body_sample_derive (s);
}

static void
set_number_or_null (BzRecord *rec, guint field, double value)
{
  if (isfinite (value))
    bz_record_set_double (rec, field, value);
  else
    bz_record_set_null (rec, field);
}

/* "YYYY-MM-DD" local midnight as ISO 8601 UTC, @days later; %NULL when not a date. */
static char *
local_midnight_utc (const char *date, int days)
{
  int y, m, d;
  g_autoptr(GDateTime) local = NULL, later = NULL, utc = NULL;

  if (date == NULL || strlen (date) != 10 || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return NULL;
  local = g_date_time_new_local (y, m, d, 0, 0, 0);
  if (local == NULL)
    return NULL;
  later = g_date_time_add_days (local, days);
  utc = g_date_time_to_utc (later);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

BzRecord *
bz_analytics_body_trends (BzServices *svc, const BzCaller *caller, const char *patient_id,
                          const char *start_date, const char *end_date, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_autofree char *since = NULL, *until = NULL, *pid = NULL;
  g_autoptr(GPtrArray) scans = NULL;
  g_autofree BzBodySample *samples = NULL;
  BzRecord *result;

  if (start_date && *start_date && !(since = local_midnight_utc (start_date, 0)))
    bz_validation_add (&v, "start_date", "invalid_format", _("start_date must be a calendar date YYYY-MM-DD"));
  if (end_date && *end_date && !(until = local_midnight_utc (end_date, 1)))
    bz_validation_add (&v, "end_date", "invalid_format", _("end_date must be a calendar date YYYY-MM-DD"));
  if (since && until && strcmp (until, since) <= 0)
    bz_validation_add (&v, "end_date", "out_of_range", _("end_date cannot be before start_date"));
  if (!bz_validation_finish (&v, error))
    return NULL;
  pid = bz_patients_resolve (svc, caller, patient_id && *patient_id ? patient_id : NULL, error);
  if (pid == NULL)
    return NULL;
  scans = bz_scan_repo_list_between (bz_services_get_store (svc), pid, since, until, error);
  if (scans == NULL)
    return NULL;

  samples = g_new (BzBodySample, MAX (scans->len, 1));
  for (guint i = 0; i < scans->len; i++)
    sample_of (g_ptr_array_index (scans, i), &samples[i]);

  result = bz_record_new (&bz_body_trends_resource);
  bz_record_set_string (result, BZ_BODY_TRENDS_PATIENT_ID, pid);
  bz_record_set_string (result, BZ_BODY_TRENDS_START_DATE, since ? start_date : NULL);
  bz_record_set_string (result, BZ_BODY_TRENDS_END_DATE, until ? end_date : NULL);
  bz_record_set_int (result, BZ_BODY_TRENDS_SCAN_COUNT, scans->len);
  bz_record_set_empty_array (result, BZ_BODY_TRENDS_TRENDS);
  for (guint m = 0; m < BZ_BODY_N_METRICS; m++)
    {
      BzRecord *trend = bz_record_new (&bz_body_trend_resource);
      BzBodyTrend t;

      bz_body_trend (samples, scans->len, m, &t);
      bz_record_set_string (trend, BZ_BODY_TREND_METRIC, bz_body_metric_name (m));
      bz_record_set_string (trend, BZ_BODY_TREND_UNIT, bz_body_metric_unit (m));
      bz_record_set_empty_array (trend, BZ_BODY_TREND_POINTS);
      for (guint i = 0; i < scans->len; i++)
        {
          BzRecord *scan = g_ptr_array_index (scans, i), *p;
          if (!isfinite (samples[i].values[m]))
            continue;
          p = bz_record_new (&bz_body_point_resource);
          bz_record_set_string (p, BZ_BODY_POINT_SCAN_ID, bz_record_get_string (scan, BZ_SCAN_ID));
          bz_record_set_string (p, BZ_BODY_POINT_MEASURED_AT, bz_record_get_string (scan, BZ_SCAN_MEASURED_AT));
          bz_record_set_double (p, BZ_BODY_POINT_VALUE, samples[i].values[m]);
          bz_record_append (trend, BZ_BODY_TREND_POINTS, p);
        }
      set_number_or_null (trend, BZ_BODY_TREND_FIRST, t.first);
      set_number_or_null (trend, BZ_BODY_TREND_LAST, t.last);
      set_number_or_null (trend, BZ_BODY_TREND_CHANGE, t.change);
      set_number_or_null (trend, BZ_BODY_TREND_RATE_PER_WEEK, t.rate_per_week);
      bz_record_append (result, BZ_BODY_TRENDS_TRENDS, trend);
    }
  return result;
}

static gboolean
is_uuid (const char *s)
{
  return s && g_uuid_string_is_valid (s);
}

BzRecord *
bz_analytics_body_compare (BzServices *svc, const BzCaller *caller, const char *from_scan_id,
                           const char *to_scan_id, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) a = NULL, b = NULL;
  BzBodySample sa, sb;
  BzRecord *result;
  double days;

  if (from_scan_id == NULL || *from_scan_id == '\0')
    bz_validation_add (&v, "from_scan_id", "required", _("This field is required"));
  else if (!is_uuid (from_scan_id))
    bz_validation_add (&v, "from_scan_id", "invalid_format", _("Must be an id (UUID)"));
  if (to_scan_id == NULL || *to_scan_id == '\0')
    bz_validation_add (&v, "to_scan_id", "required", _("This field is required"));
  else if (!is_uuid (to_scan_id))
    bz_validation_add (&v, "to_scan_id", "invalid_format", _("Must be an id (UUID)"));
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (!(a = bz_scan_get_visible (svc, caller, from_scan_id, error))
      || !(b = bz_scan_get_visible (svc, caller, to_scan_id, error)))
    return NULL;
  if (g_strcmp0 (bz_record_get_string (a, BZ_SCAN_PATIENT_ID), bz_record_get_string (b, BZ_SCAN_PATIENT_ID)) != 0)
    {
      bz_validation_add (&v, "to_scan_id", "different_patient", _("The two scans must be of the same patient"));
      bz_validation_finish (&v, error);
      return NULL;
    }
  sample_of (a, &sa);
  sample_of (b, &sb);
  if (sb.time_s < sa.time_s)
    {
      BzBodySample t = sa;
      BzRecord *r = a;
      sa = sb, sb = t;
      a = b, b = r;
    }
  days = (double) (sb.time_s - sa.time_s) / 86400.0;

  result = bz_record_new (&bz_body_compare_resource);
  bz_record_set_string (result, BZ_BODY_COMPARE_PATIENT_ID, bz_record_get_string (a, BZ_SCAN_PATIENT_ID));
  bz_record_take_object (result, BZ_BODY_COMPARE_FROM, g_steal_pointer (&a));
  bz_record_take_object (result, BZ_BODY_COMPARE_TO, g_steal_pointer (&b));
  bz_record_set_double (result, BZ_BODY_COMPARE_DAYS_BETWEEN, days);
  bz_record_set_empty_array (result, BZ_BODY_COMPARE_CHANGES);
  for (guint m = 0; m < BZ_BODY_N_METRICS; m++)
    {
      BzRecord *c = bz_record_new (&bz_body_change_resource);
      double change = sb.values[m] - sa.values[m];
      bz_record_set_string (c, BZ_BODY_CHANGE_METRIC, bz_body_metric_name (m));
      bz_record_set_string (c, BZ_BODY_CHANGE_UNIT, bz_body_metric_unit (m));
      set_number_or_null (c, BZ_BODY_CHANGE_FROM, sa.values[m]);
      set_number_or_null (c, BZ_BODY_CHANGE_TO, sb.values[m]);
      set_number_or_null (c, BZ_BODY_CHANGE_CHANGE, change);
      set_number_or_null (c, BZ_BODY_CHANGE_RATE_PER_WEEK, days > 0 ? change / (days / 7.0) : NAN);
      bz_record_append (result, BZ_BODY_COMPARE_CHANGES, c);
    }
  return result;
}
