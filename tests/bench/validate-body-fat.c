/* validate-body-fat.c — the body-fat estimate against a reference method.
 *
 *   validate-body-fat FILE.csv
 *
 * FILE is a CSV with a header row naming its columns: sex ("male" or
 * "female"), age_years, height_cm, weight_kg, body_fat_percent (the
 * reference: hydrostatic weighing, Siri), and any of the circumferences of
 * #BzBodyMeasurements by their field names (neck_cm, chest_cm, waist_cm,
 * hip_cm, arm_cm, thigh_cm, calf_cm, forearm_cm, wrist_cm, knee_cm,
 * ankle_cm).  Other columns are ignored.
 *
 * For every row it computes what a scan without a body-fat measurement
 * reports (body_fat_percent_estimated: bz_body_model_implied_body_fat(), the
 * body built for the estimate and its volume read back through Siri), and,
 * for comparison, the two published equations the estimate combines (US
 * Navy, Deurenberg), and prints for each: n, mean absolute error, mean
 * error (bias) and the standard deviation of the errors, in points of body
 * fat.  Nothing is fitted to FILE: it is a check, not a calibration.
 *
 * docs/body-model.md says which data sets it was run on, how each was
 * converted to this format (tools/rda-to-csv for R data files), and the
 * figures.  The data sets are not shipped with Balanza.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bz-body-model.h"

#define MAX_COLUMNS 64

typedef struct
{
  const char *name;
  gsize offset;
} Girth;

static const Girth girths[] = {
  { "neck_cm", G_STRUCT_OFFSET (BzBodyMeasurements, neck_cm) },
  { "chest_cm", G_STRUCT_OFFSET (BzBodyMeasurements, chest_cm) },
  { "waist_cm", G_STRUCT_OFFSET (BzBodyMeasurements, waist_cm) },
  { "hip_cm", G_STRUCT_OFFSET (BzBodyMeasurements, hip_cm) },
  { "arm_cm", G_STRUCT_OFFSET (BzBodyMeasurements, arm_cm) },
  { "thigh_cm", G_STRUCT_OFFSET (BzBodyMeasurements, thigh_cm) },
  { "calf_cm", G_STRUCT_OFFSET (BzBodyMeasurements, calf_cm) },
  { "forearm_cm", G_STRUCT_OFFSET (BzBodyMeasurements, forearm_cm) },
  { "wrist_cm", G_STRUCT_OFFSET (BzBodyMeasurements, wrist_cm) },
  { "knee_cm", G_STRUCT_OFFSET (BzBodyMeasurements, knee_cm) },
  { "ankle_cm", G_STRUCT_OFFSET (BzBodyMeasurements, ankle_cm) },
};

typedef struct
{
  const char *name;
  guint n;
  double sum_abs, sum, sum_sq;
} Errors;

static void
add (Errors *e, double estimate, double reference)
{
  if (isnan (estimate))
    return;
  double d = estimate - reference;
  e->n++;
  e->sum_abs += fabs (d);
  e->sum += d;
  e->sum_sq += d * d;
}

static void
print (const Errors *e)
{
  if (e->n < 2)
    {
      printf ("%-28s n %u\n", e->name, e->n);
      return;
    }
  double mean = e->sum / e->n;
  double sd = sqrt ((e->sum_sq - e->n * mean * mean) / (e->n - 1));
  printf ("%-28s n %u  MAE %.2f  bias %+.2f  SD %.2f\n", e->name, e->n, e->sum_abs / e->n, mean, sd);
}

int
main (int argc, char **argv)
{
  if (argc != 2)
    {
      fprintf (stderr, "usage: %s FILE.csv\n", argv[0]);
      return 2;
    }
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  if (!g_file_get_contents (argv[1], &text, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_auto(GStrv) header = g_strsplit (lines[0], ",", MAX_COLUMNS);
  guint n_cols = g_strv_length (header);
  int col_sex = -1, col_age = -1, col_height = -1, col_weight = -1, col_ref = -1;
  int col_girth[G_N_ELEMENTS (girths)];
  for (guint g = 0; g < G_N_ELEMENTS (girths); g++)
    col_girth[g] = -1;
  for (guint c = 0; c < n_cols; c++)
    {
      const char *h = g_strstrip (header[c]);
      if (g_str_equal (h, "sex")) col_sex = c;
      else if (g_str_equal (h, "age_years")) col_age = c;
      else if (g_str_equal (h, "height_cm")) col_height = c;
      else if (g_str_equal (h, "weight_kg")) col_weight = c;
      else if (g_str_equal (h, "body_fat_percent")) col_ref = c;
      for (guint g = 0; g < G_N_ELEMENTS (girths); g++)
        if (g_str_equal (h, girths[g].name))
          col_girth[g] = c;
    }
  if (col_sex < 0 || col_age < 0 || col_height < 0 || col_weight < 0 || col_ref < 0)
    {
      fprintf (stderr, "%s: needs columns sex, age_years, height_cm, weight_kg, body_fat_percent\n", argv[1]);
      return 1;
    }

  Errors balanza = { "balanza (scan's estimate)" }, navy = { "us navy (1984)" };
  Errors deurenberg = { "deurenberg (1991)" }, both = { "navy, on the same rows" };
  guint skipped = 0;
  for (guint l = 1; lines[l] != NULL; l++)
    {
      if (*g_strstrip (lines[l]) == '\0')
        continue;
      g_auto(GStrv) f = g_strsplit (lines[l], ",", MAX_COLUMNS);
      if (g_strv_length (f) != n_cols)
        {
          skipped++;
          continue;
        }
      BzBodyMeasurements m = { 0 };
      m.sex = g_ascii_strcasecmp (g_strstrip (f[col_sex]), "male") == 0 ? BZ_SEX_MALE : BZ_SEX_FEMALE;
      m.age_years = g_ascii_strtod (f[col_age], NULL);
      m.height_cm = g_ascii_strtod (f[col_height], NULL);
      m.weight_kg = g_ascii_strtod (f[col_weight], NULL);
      for (guint g = 0; g < G_N_ELEMENTS (girths); g++)
        if (col_girth[g] >= 0)
          G_STRUCT_MEMBER (double, &m, girths[g].offset) = g_ascii_strtod (f[col_girth[g]], NULL);
      double ref = g_ascii_strtod (f[col_ref], NULL);
      if (m.height_cm <= 0 || m.weight_kg <= 0 || !(ref > 0))
        {
          skipped++;
          continue;
        }
      double hm = m.height_cm / 100;
      double nv = bz_body_fat_navy (m.sex, m.height_cm, m.neck_cm, m.waist_cm, m.hip_cm);
      double est = bz_body_model_implied_body_fat (&m);
      add (&balanza, est, ref);
      add (&navy, nv, ref);
      add (&deurenberg, bz_body_fat_deurenberg (m.sex, m.weight_kg / (hm * hm), m.age_years), ref);
      if (!isnan (nv))
        add (&both, est, ref);
    }
  printf ("# %s: reference = the file's body_fat_percent; errors = estimate - reference, points\n", argv[1]);
  print (&balanza);
  print (&navy);
  print (&deurenberg);
  if (both.n != balanza.n)
    {
      both.name = "balanza, rows navy can use";
      print (&both);
    }
  if (skipped)
    printf ("skipped rows: %u\n", skipped);
  return 0;
}
