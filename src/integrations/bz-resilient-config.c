/* bz-resilient-config.c — BzResilientConfig: the defaults and their
 * overrides from a key file (see bz-resilient.h). */
#include "bz-resilient.h"

#include <stddef.h>

void
bz_resilient_config_init (BzResilientConfig *c)
{
  *c = (BzResilientConfig) {
    .deadline_ms = BZ_RESILIENT_DEADLINE_MS,
    .max_attempts = BZ_RESILIENT_MAX_ATTEMPTS,
    .backoff_base_ms = BZ_RESILIENT_BACKOFF_BASE_MS,
    .backoff_cap_ms = BZ_RESILIENT_BACKOFF_CAP_MS,
    .breaker_failures = BZ_RESILIENT_BREAKER_FAILURES,
    .breaker_error_rate = BZ_RESILIENT_BREAKER_ERROR_RATE,
    .breaker_min_calls = BZ_RESILIENT_BREAKER_MIN_CALLS,
    .breaker_window_ms = BZ_RESILIENT_BREAKER_WINDOW_MS,
    .breaker_cooldown_ms = BZ_RESILIENT_BREAKER_COOLDOWN_MS,
    .bucket_capacity = BZ_RESILIENT_BUCKET_CAPACITY,
    .bucket_per_s = BZ_RESILIENT_BUCKET_PER_S,
    .monthly_calls = 0,
    .monthly_cost = 0,
    .cache_entries = BZ_RESILIENT_CACHE_ENTRIES,
  };
}

typedef enum { INT64, UINT, UINT64, DOUBLE } KeyType;

/* Each member a key file may set, with the bounds that keep the layer sane. */
static const struct
{
  const char *key;
  KeyType type;
  gsize offset;
  double min, max;
} keys[] = {
  { "deadline_ms", INT64, offsetof (BzResilientConfig, deadline_ms), 1, 10 * 60 * 1000 },
  { "max_attempts", UINT, offsetof (BzResilientConfig, max_attempts), 1, 10 },
  { "backoff_base_ms", INT64, offsetof (BzResilientConfig, backoff_base_ms), 1, 60 * 1000 },
  { "backoff_cap_ms", INT64, offsetof (BzResilientConfig, backoff_cap_ms), 1, 10 * 60 * 1000 },
  { "breaker_failures", UINT, offsetof (BzResilientConfig, breaker_failures), 1, 1000 },
  { "breaker_error_rate", DOUBLE, offsetof (BzResilientConfig, breaker_error_rate), 0.01, 1 },
  { "breaker_min_calls", UINT, offsetof (BzResilientConfig, breaker_min_calls), 1, BZ_RESILIENT_WINDOW_SLOTS },
  { "breaker_window_ms", INT64, offsetof (BzResilientConfig, breaker_window_ms), 1000, 24.0 * 3600 * 1000 },
  { "breaker_cooldown_ms", INT64, offsetof (BzResilientConfig, breaker_cooldown_ms), 1, 24.0 * 3600 * 1000 },
  { "bucket_capacity", DOUBLE, offsetof (BzResilientConfig, bucket_capacity), 1, 1e6 },
  { "bucket_per_s", DOUBLE, offsetof (BzResilientConfig, bucket_per_s), 1e-6, 1e6 },
  { "monthly_calls", UINT64, offsetof (BzResilientConfig, monthly_calls), 0, 1e12 },
  { "monthly_cost", DOUBLE, offsetof (BzResilientConfig, monthly_cost), 0, 1e12 },
  { "cache_entries", UINT, offsetof (BzResilientConfig, cache_entries), 0, 100000 },
};

gboolean
bz_resilient_config_load (BzResilientConfig *config, GKeyFile *file, const char *group, GError **error)
{
  BzResilientConfig c = *config;

  g_return_val_if_fail (config != NULL && file != NULL && group != NULL, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GError *local = NULL;
      double v;
      gpointer at = (char *) &c + keys[i].offset;

      if (!g_key_file_has_key (file, group, keys[i].key, NULL))
        continue;
      v = keys[i].type == DOUBLE ? g_key_file_get_double (file, group, keys[i].key, &local)
                                 : (double) g_key_file_get_int64 (file, group, keys[i].key, &local);
      if (local)
        {
          g_propagate_prefixed_error (error, local, "[%s] %s: ", group, keys[i].key);
          return FALSE;
        }
      if (!(v >= keys[i].min && v <= keys[i].max))
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE, "[%s] %s: %g is not in [%g, %g]",
                       group, keys[i].key, v, keys[i].min, keys[i].max);
          return FALSE;
        }
      switch (keys[i].type)
        {
        case INT64: *(gint64 *) at = (gint64) v; break;
        case UINT: *(guint *) at = (guint) v; break;
        case UINT64: *(guint64 *) at = (guint64) v; break;
        case DOUBLE: *(double *) at = v; break;
        }
    }
  if (c.backoff_cap_ms < c.backoff_base_ms)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "[%s] backoff_cap_ms is below backoff_base_ms", group);
      return FALSE;
    }
  *config = c;
  return TRUE;
}
