/* bz-metrics.c — the Prometheus text format 0.0.4 (see bz-metrics.h). */
#include "bz-metrics.h"

#include <math.h>

const double bz_metrics_latency_buckets[BZ_METRICS_N_LATENCY_BUCKETS] = {
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
};

guint
bz_metrics_bucket_index (const double *bounds, guint n_bounds, double value)
{
  guint lo = 0, hi = n_bounds;

  if (isnan (value))
    return n_bounds;
  /* The first bound >= value: a binary search over ascending bounds. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (value <= bounds[mid])
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

void
bz_metrics_append_label_value (GString *out, const char *value)
{
  for (const char *c = value ? value : ""; *c; c++)
    switch (*c)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case '"':  g_string_append (out, "\\\""); break;
      case '\n': g_string_append (out, "\\n"); break;
      default:   g_string_append_c (out, *c); break;
      }
}

void
bz_metrics_append_value (GString *out, double value)
{
  if (isnan (value))
    g_string_append (out, "NaN");
  else if (isinf (value))
    g_string_append (out, value > 0 ? "+Inf" : "-Inf");
  else if (value == floor (value) && fabs (value) < 1e15)
    g_string_append_printf (out, "%.0f", value);
  else
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      /* g_ascii_formatd: always a '.', whatever the locale.  The shortest of
       * %.15g and %.17g that reads back exactly ("0.005", not 0.0050000000000000001). */
      g_ascii_formatd (buf, sizeof buf, "%.15g", value);
      if (g_ascii_strtod (buf, NULL) != value)
        g_ascii_formatd (buf, sizeof buf, "%.17g", value);
      g_string_append (out, buf);
    }
}

static gboolean
name_is_valid (const char *name)
{
  if (name == NULL || !(g_ascii_isalpha (name[0]) || name[0] == '_' || name[0] == ':'))
    return FALSE;
  for (const char *c = name + 1; *c; c++)
    if (!(g_ascii_isalnum (*c) || *c == '_' || *c == ':'))
      return FALSE;
  return TRUE;
}

void
bz_metrics_append_family (GString *out, const char *name, const char *type, const char *help)
{
  g_return_if_fail (name_is_valid (name));
  g_string_append_printf (out, "# HELP %s ", name);
  for (const char *c = help ? help : ""; *c; c++)
    if (*c == '\\')
      g_string_append (out, "\\\\");
    else if (*c == '\n')
      g_string_append (out, "\\n");
    else
      g_string_append_c (out, *c);
  g_string_append_printf (out, "\n# TYPE %s %s\n", name, type);
}

static void
append_labels (GString *out, const char *const *labels, const char *le)
{
  gboolean any = FALSE;

  if ((labels == NULL || labels[0] == NULL) && le == NULL)
    return;
  g_string_append_c (out, '{');
  for (guint i = 0; labels && labels[i] && labels[i + 1]; i += 2)
    {
      if (any)
        g_string_append_c (out, ',');
      g_string_append_printf (out, "%s=\"", labels[i]);
      bz_metrics_append_label_value (out, labels[i + 1]);
      g_string_append_c (out, '"');
      any = TRUE;
    }
  if (le)
    g_string_append_printf (out, "%sle=\"%s\"", any ? "," : "", le);
  g_string_append_c (out, '}');
}

void
bz_metrics_append_sample (GString *out, const char *name, const char *const *labels, double value)
{
  g_string_append (out, name);
  append_labels (out, labels, NULL);
  g_string_append_c (out, ' ');
  bz_metrics_append_value (out, value);
  g_string_append_c (out, '\n');
}

void
bz_metrics_append_histogram (GString *out, const char *name, const char *const *labels,
                             const double *bounds, guint n_bounds, const guint64 *counts, double sum)
{
  guint64 cumulative = 0;

  for (guint i = 0; i <= n_bounds; i++)
    {
      GString *le = g_string_new (NULL);
      cumulative += counts[i];
      if (i < n_bounds)
        bz_metrics_append_value (le, bounds[i]);
      else
        g_string_append (le, "+Inf");
      g_string_append_printf (out, "%s_bucket", name);
      append_labels (out, labels, le->str);
      g_string_append_printf (out, " %" G_GUINT64_FORMAT "\n", cumulative);
      g_string_free (le, TRUE);
    }
  g_string_append_printf (out, "%s_sum", name);
  append_labels (out, labels, NULL);
  g_string_append_c (out, ' ');
  bz_metrics_append_value (out, sum);
  g_string_append_printf (out, "\n%s_count", name);
  append_labels (out, labels, NULL);
  g_string_append_printf (out, " %" G_GUINT64_FORMAT "\n", cumulative);
}
