/* bz-json-scan.c — bz_json_scan_numbers(): a flat JSON object of numbers
 * read without building a tree (see bz-json.h), split from bz-json.c. */
#include "bz-json.h"

#include <math.h>
#include <string.h>

/* --- Flat objects of numbers ----------------------------------------------- */

static const char *
flat_skip_ws (const char *p, const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

/* The double nearest the RFC 8259 number [@p, @end) (scan_number()'s
 * grammar).  Fast path (Clinger 1990, "How to read floating point numbers
 * accurately", PLDI): at most 15 significant digits and no exponent give an
 * integer m < 2^53 and a power 10^k (k <= 22) that are both exact doubles,
 * so m / 10^k is one correctly rounded IEEE division, the same double
 * strtod() returns.  Anything else goes to g_ascii_strtod(), which cost
 * ~700 instructions per number (a day's stored SMAE equivalents: 18 each). */
static double
number_value (const char *p, const char *end)
{
  static const double pow10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };
  const char *q = p;
  gboolean negative = FALSE, seen_point = FALSE;
  guint64 m = 0;
  guint digits = 0, k = 0;

  if (q < end && *q == '-')
    negative = TRUE, q++;
  for (; q < end; q++)
    {
      if (*q == '.' && !seen_point)
        {
          seen_point = TRUE;
          continue;
        }
      if (!g_ascii_isdigit (*q))
        break;
      if (m != 0 || *q != '0')
        digits++;
      m = m * 10 + (guint64) (*q - '0');
      k += seen_point;
      if (digits > 15 || k >= G_N_ELEMENTS (pow10))
        break;
    }
  if (q == end)
    {
      double v = (double) m / pow10[k];
      return negative ? -v : v;
    }
  {
    char text[64];   /* the caller bounds a number at 63 bytes */
    g_return_val_if_fail ((gsize) (end - p) < sizeof text, NAN);
    memcpy (text, p, end - p);
    text[end - p] = '\0';
    return g_ascii_strtod (text, NULL);
  }
}

/* An RFC 8259 number at @p (the grammar of parse_number()); its end, or NULL. */
static const char *
scan_number (const char *p, const char *end)
{
  if (p < end && *p == '-')
    p++;
  if (p >= end || !g_ascii_isdigit (*p))
    return NULL;
  if (*p == '0')
    p++;
  else
    while (p < end && g_ascii_isdigit (*p))
      p++;
  if (p < end && *p == '.')
    {
      if (++p >= end || !g_ascii_isdigit (*p))
        return NULL;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return NULL;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  return p;
}

/* Bytes a plain member name may hold: printable ASCII but '"' and '\\'
 * (bz_json_parse() would have to check UTF-8 and decode escapes).  One
 * lookup per byte instead of five comparisons: the names were ~40 % of
 * this scanner's instructions (stop 20's profile). */
static const guint8 plain_name_byte[256] = {
  [0x20 ... 0x21] = 1, [0x23 ... 0x5b] = 1, [0x5d ... 0x7e] = 1,   /* not 0x22 '"', 0x5c '\\' */
};

gboolean
bz_json_scan_numbers (const char *data, gsize len, const char *const *names, guint n_names, double *out)
{
  const char *p, *end;
  guint hint = 0;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (n_names == 0 || (names != NULL && out != NULL), FALSE);

  end = data + len;
  p = flat_skip_ws (data, end);
  if (p >= end || *p++ != '{')
    return FALSE;
  p = flat_skip_ws (p, end);
  if (p < end && *p == '}')
    return flat_skip_ws (p + 1, end) == end;
  for (;;)
    {
      const char *name, *name_end, *num_end;
      double v;

      if (p >= end || *p++ != '"')
        return FALSE;
      name = p;
      /* Plain names only: printable ASCII, no escapes (bz_json_parse() would
       * have to check UTF-8 and decode escapes: leave those to it). */
      while (p < end && plain_name_byte[(guchar) *p])
        p++;
      if (p >= end || *p != '"')
        return FALSE;
      name_end = p++;
      p = flat_skip_ws (p, end);
      if (p >= end || *p++ != ':')
        return FALSE;
      p = flat_skip_ws (p, end);
      if (!(num_end = scan_number (p, end)) || num_end - p > 63)
        return FALSE;
      v = number_value (p, num_end);
      if (!isfinite (v))
        return FALSE;
      /* Balanza writes the members in @names' order: try the one after the
       * last match first, then all of them. */
      {
        gsize name_len = name_end - name;
        gboolean matched = FALSE;
        if (hint < n_names && strncmp (names[hint], name, name_len) == 0 && names[hint][name_len] == '\0')
          {
            out[hint] = v;
            matched = TRUE;
            hint++;
          }
        for (guint i = 0; !matched && i < n_names; i++)
          if (strncmp (names[i], name, name_len) == 0 && names[i][name_len] == '\0')
            {
              out[i] = v;   /* a repeated name: the last wins, as in bz_json_parse() */
              matched = TRUE;
              hint = i + 1;
            }
      }
      p = flat_skip_ws (num_end, end);
      if (p < end && *p == ',')
        {
          p = flat_skip_ws (p + 1, end);
          continue;
        }
      if (p < end && *p == '}')
        return flat_skip_ws (p + 1, end) == end;
      return FALSE;
    }
}
