/* bz-json-scan.c — bz_json_scan_numbers(): a flat JSON object of numbers
 * read without building a tree (see bz-json.h), split from bz-json.c. */
#include "bz-json.h"

#include <math.h>
#include <string.h>

/* --- Flat objects of numbers ----------------------------------------------- */

static const char *
flat_skip_ws (const char *p, const char *end)
{
  /* One comparison for the usual byte, which is not white space. */
  while (p < end && (guchar) *p <= ' ' && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

#ifdef __SIZEOF_INT128__
/* m / 10^k correctly rounded (to nearest, ties to even) for 0 < m < 2^64
 * and k <= 19, in integers: m shifted to the top of a 128-bit numerator
 * divided by 10^k (< 2^64) gives a quotient of 64 to 128 bits; its top 53
 * bits, rounded with the bits below them and the remainder, are the
 * double's significand.  ~100 instructions where g_ascii_strtod() takes
 * ~1,000, for the 16- and 17-digit numbers Balanza stores (%.17g). */
static double
quotient_value (guint64 m, guint k)
{
  static const guint64 pow10[] = {
    G_GUINT64_CONSTANT (1), G_GUINT64_CONSTANT (10), G_GUINT64_CONSTANT (100), G_GUINT64_CONSTANT (1000),
    G_GUINT64_CONSTANT (10000), G_GUINT64_CONSTANT (100000), G_GUINT64_CONSTANT (1000000),
    G_GUINT64_CONSTANT (10000000), G_GUINT64_CONSTANT (100000000), G_GUINT64_CONSTANT (1000000000),
    G_GUINT64_CONSTANT (10000000000), G_GUINT64_CONSTANT (100000000000), G_GUINT64_CONSTANT (1000000000000),
    G_GUINT64_CONSTANT (10000000000000), G_GUINT64_CONSTANT (100000000000000),
    G_GUINT64_CONSTANT (1000000000000000), G_GUINT64_CONSTANT (10000000000000000),
    G_GUINT64_CONSTANT (100000000000000000), G_GUINT64_CONSTANT (1000000000000000000),
    G_GUINT64_CONSTANT (10000000000000000000),
  };
  int shift = __builtin_clzll (m);
  unsigned __int128 n = (unsigned __int128) (m << shift) << 64;
  unsigned __int128 q = n / pow10[k], half, rest;
  gboolean inexact = q * pow10[k] != n;
  guint64 hi = (guint64) (q >> 64), top;
  int drop = (hi ? 128 - __builtin_clzll (hi) : 64) - 53;   /* q >= 2^63: 11 to 75 bits below the top 53 */

  top = (guint64) (q >> drop);
  rest = q & (((unsigned __int128) 1 << drop) - 1);
  half = (unsigned __int128) 1 << (drop - 1);
  if (rest > half || (rest == half && (inexact || (top & 1))))
    top++;   /* 2^53 at most: still exact */
  return ldexp ((double) top, drop - 64 - shift);
}
#endif

/* An RFC 8259 number at @p (the grammar of parse_number()): its end, or
 * NULL; *@out is the double nearest it.  One pass reads the grammar and the
 * digits.  Up to 15 significant digits and no exponent: Clinger's fast
 * path (1990, "How to read floating point numbers accurately", PLDI): m <
 * 2^53 and 10^k (k <= 22) are exact doubles, so m / 10^k is one correctly
 * rounded IEEE division, the double strtod() returns.  Up to 19 digits and
 * 19 decimals: quotient_value().  Anything else (an exponent, more digits,
 * a number over 63 bytes) goes to g_ascii_strtod(). */
static const char *
scan_number (const char *p, const char *end, double *out)
{
  static const double pow10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };
  const char *start = p;
  gboolean negative = FALSE, plain = TRUE;
  guint64 m = 0;
  guint digits = 0, k = 0;   /* significant digits (up to 20), decimals */

  if (p < end && *p == '-')
    negative = TRUE, p++;
  if (p >= end || !g_ascii_isdigit (*p))
    return NULL;
  if (*p == '0')
    p++;
  else
    for (; p < end && g_ascii_isdigit (*p); p++)
      if (++digits <= 19)
        m = m * 10 + (guint64) (*p - '0');
  if (p < end && *p == '.')
    {
      if (++p >= end || !g_ascii_isdigit (*p))
        return NULL;
      if (m == 0)   /* zeros before the first significant digit */
        for (; p < end && *p == '0'; p++)
          k++;
      for (; p < end && g_ascii_isdigit (*p); p++, k++)
        if (++digits <= 19)
          m = m * 10 + (guint64) (*p - '0');
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      plain = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return NULL;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p - start > 63)
    return NULL;
  if (plain && digits <= 15 && k < G_N_ELEMENTS (pow10))
    {
      double v = (double) (gint64) m / pow10[k];   /* m < 10^15: a signed conversion is exact */
      *out = negative ? -v : v;
      return p;
    }
#ifdef __SIZEOF_INT128__
  if (plain && digits <= 19 && k <= 19)
    {
      double v = quotient_value (m, k);   /* m >= 10^15 */
      *out = negative ? -v : v;
      return p;
    }
#endif
  {
    char text[64];
    memcpy (text, start, p - start);
    text[p - start] = '\0';
    *out = g_ascii_strtod (text, NULL);
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

#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined (__GNUC__)
/* Eight bytes at once (Anderson, "Bit Twiddling Hacks": hasless, hasmore,
 * haszero): nonzero when a byte of @x is not a plain_name_byte[] one.  The
 * high bit of each such byte is set; a borrow or carry may set it in the
 * bytes above one too, never below, so the lowest set bit marks the first
 * (in memory order on a little-endian machine). */
static inline guint64
not_plain8 (guint64 x)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  guint64 quote = x ^ (ones * '"'), backslash = x ^ (ones * '\\');

  return (((x - ones * 0x20) & ~x)                    /* < 0x20 */
          | (x + ones) | x                            /* > 0x7e (or >= 0x80) */
          | ((quote - ones) & ~quote)                 /* '"' */
          | ((backslash - ones) & ~backslash))        /* '\\' */
         & (ones << 7);
}
#endif

/* The end of the plain name bytes from @p: 8 bytes a step, then one. */
static const char *
plain_name_end (const char *p, const char *end)
{
#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined (__GNUC__)
  while (end - p >= 8)
    {
      guint64 x, bad;
      memcpy (&x, p, sizeof x);
      if ((bad = not_plain8 (x)) != 0)
        return p + __builtin_ctzll (bad) / 8;
      p += 8;
    }
#endif
  while (p < end && plain_name_byte[(guchar) *p])
    p++;
  return p;
}

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
      p = plain_name_end (p, end);
      if (p >= end || *p != '"')
        return FALSE;
      name_end = p++;
      p = flat_skip_ws (p, end);
      if (p >= end || *p++ != ':')
        return FALSE;
      p = flat_skip_ws (p, end);
      if (!(num_end = scan_number (p, end, &v)) || !isfinite (v))
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
