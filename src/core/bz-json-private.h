/* bz-json-private.h — what the JSON writers of bz-json.c and bz-resource.c
 * share; src/core only (and tests/unit/test-json.c). */
#pragma once

#include <glib.h>
#include <math.h>

/**
 * bz_round_half_away:
 * @x: any double
 *
 * round(@x): the nearest integer, halves away from zero (C11 7.12.9.6), the
 * same double bit for bit (tests/unit/test-json.c compares them on random
 * doubles), without libm's out-of-line call when |@x| < 2^52.  There the
 * conversion to an integer truncates exactly, and @x minus that integer is
 * exact too (for |@x| < 1 it is @x; otherwise Sterbenz's lemma, t <= |x| <= 2t),
 * so comparing the fraction with 0.5 decides as round() does.  The JSON
 * writers round ~250 times per daily response (bz_json_append_round1(), the
 * fast paths of bz_json_append_double()): ~10k instructions in libm
 * (stop 20's profile in BENCHMARKS.md).
 *
 * Returns: round(@x)
 */
static inline double
bz_round_half_away (double x)
{
  if (G_LIKELY (fabs (x) < 4503599627370496.0))   /* 2^52; false for NaN */
    {
      gint64 t = (gint64) x;
      double f = x - (double) t;
      if (f >= 0.5)
        t++;
      else if (f <= -0.5)
        t--;
      return t == 0 ? copysign (0.0, x) : (double) t;
    }
  return round (x);
}

/**
 * bz_json_append_round1:
 * @out: the text being written
 * @value: any double
 *
 * Appends bz_round_half_away (@value × 10) / 10 exactly as
 * bz_json_append_double() writes it (a ROUND1 field: "12.3", "12", "-0",
 * null for NaN and infinities), without rounding it again at 0, 1 and 2
 * decimals (tests/unit/test-json.c compares the two on random doubles).
 */
void bz_json_append_round1 (GString *out, double value);
