/* bz-json.c — compact JSON writer with shortest round-trip numbers. */
#include "bz-json.h"
#include "bz-json-private.h"

#include <math.h>
#include <string.h>

/* "00" to "99": the digits are written two per division by 100. */
static const char digit_pairs[201] =
  "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
  "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
  "8081828384858687888990919293949596979899";

/* Writes @u's decimal digits backwards, ending before @end: returns their start. */
static inline char *
put_digits_backwards (char *end, guint64 u)
{
  char *p = end;
  while (u >= 100)
    {
      guint d = u % 100;
      u /= 100;
      p -= 2;
      memcpy (p, digit_pairs + 2 * d, 2);
    }
  if (u >= 10)
    {
      p -= 2;
      memcpy (p, digit_pairs + 2 * u, 2);
    }
  else
    *--p = '0' + u;
  return p;
}

/* A number's text, written backwards so that it ends at NUMBER_END: at
 * most 24 bytes (a gint64 takes 20, a fast-path double 17), with 24 bytes
 * of room after its start, so that put_number() can copy a fixed 24. */
typedef struct
{
  char buf[48];
} NumberBuf;

#define NUMBER_END(nb) ((nb)->buf + 24)

/* Appends the bytes from @p to NUMBER_END (@nb): when @out has room, one
 * fixed-size copy of 24 bytes (moves, no memcpy call), those after the
 * number cut by the NUL and overwritten by the next append. */
static inline void
put_number (GString *out, NumberBuf *nb, const char *p)
{
  gsize n = NUMBER_END (nb) - p;

  if (G_LIKELY (out->len + 24 < out->allocated_len))
    {
      memcpy (out->str + out->len, p, 24);
      out->len += n;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, p, (gssize) n);
}

void
bz_json_append_int (GString *out, gint64 value)
{
  NumberBuf nb;
  char *p;
  guint64 u = value < 0 ? -(guint64) value : (guint64) value;

  p = put_digits_backwards (NUMBER_END (&nb), u);
  if (value < 0)
    *--p = '-';
  put_number (out, &nb, p);
}

/* Appends @u / 10^@k (@u < 2^53; @k 1, 2 or 3, a constant where inlined)
 * as "[-]digits[.fff]", fraction digits that are 0 at its end dropped (so
 * "12", "12.5", "12.25", "1.375"), "-" when @negative. */
static inline void
append_fixed (GString *out, guint64 u, guint k, gboolean negative)
{
  NumberBuf nb;
  char *p = NUMBER_END (&nb);
  guint scale = k == 1 ? 10 : k == 2 ? 100 : 1000;
  guint frac = u % scale;

  u /= scale;
  if (frac != 0)
    {
      guint n = k;
      while (frac % 10 == 0)
        {
          frac /= 10;
          n--;
        }
      for (; n > 0; n--)
        {
          *--p = '0' + frac % 10;
          frac /= 10;
        }
      *--p = '.';
    }
  p = put_digits_backwards (p, u);
  if (negative)
    *--p = '-';
  put_number (out, &nb, p);
}

/* |@r| for an integral double @r, |@r| < 2^53. */
static inline guint64
abs_integral (double r)
{
  gint64 n = (gint64) r;
  return n < 0 ? -(guint64) n : (guint64) n;
}

void
bz_json_append_double (GString *out, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      bz_json_put (out, "null", 4);
      return;
    }
  /* The fast path for the numbers Balanza writes most (panels rounded to
   * 0.1, USDA values to 0.01, integers): when r = round(value × 100) is an
   * integer below 2^53 and r / 100 == value, the decimal "r with two
   * fraction digits" reads back as exactly value (IEEE 754 division rounds
   * r / 100 correctly), and no shorter text does unless its last digits are
   * 0, which are dropped.  One test covers 0, 1 and 2 decimals: when value
   * is m / 10 rounded (or an integer m), value × 100 is within 0.25 of 10m
   * (|value| < 1e13: two roundings of 2^-53), so r = 10m (100m) and r / 100
   * is value again; the text is the same as value's own scale would give.
   * The sign is value's: the test passes with r = 0 only for value ±0,
   * which prints "0" or "-0". */
  if (fabs (value) < 1e13)
    {
      double r = bz_round_half_away (value * 100.0);
      if (r / 100.0 == value)
        {
          append_fixed (out, abs_integral (r), 2, signbit (value));
          return;
        }
      /* Three decimals (an activity factor's 1.375): when r = round(value
       * × 1000) gives r / 1000 == value, value is the double nearest the
       * decimal D = r / 1000 of at most 15 significant digits (|value| <
       * 1e12), which therefore prints back as D under %.15g (DBL_DIG), in
       * fixed notation (10^-3 <= |D| < 10^12), trailing zeros dropped: the
       * text the loop below would find first. */
      if (fabs (value) < 1e12)
        {
          r = bz_round_half_away (value * 1000.0);
          if (r / 1000.0 == value)
            {
              append_fixed (out, abs_integral (r), 3, signbit (value));
              return;
            }
        }
    }
  /* Fewest significant digits that read back to the same double.  A double
   * with a decimal form of at most 15 digits prints exactly that form under
   * %.15g (trailing zeros dropped), so only 15, 16 and 17 need trying. */
  for (int precision = 15; precision <= 17; precision++)
    {
      static const char *const fmts[] = { "%.15g", "%.16g", "%.17g" };
      g_ascii_formatd (buf, sizeof buf, fmts[precision - 15], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

void
bz_json_append_round1 (GString *out, double value)
{
  double r = bz_round_half_away (value * 10.0);

  /* v = r / 10 has |v| < 1e13 and v × 100 rounds to 10r, whose 10r / 100
   * is v: bz_json_append_double (v) takes its fast path with 10r (exact,
   * below 2^50), which prints as r in tenths, and v's sign is r's.  NaN
   * fails the test. */
  if (G_LIKELY (fabs (r) < 1e14))
    append_fixed (out, abs_integral (r), 1, signbit (r));
  else
    bz_json_append_double (out, r / 10.0);
}

/* Bytes a JSON string cannot hold as they are (RFC 8259 §7): controls, '"', '\\'. */
static const guint8 needs_escape[256] = {
  [0x00 ... 0x1f] = 1, ['"'] = 1, ['\\'] = 1,
};

/* Whether the 8 bytes at @p are all plain (no control, '"' or '\\'): one
 * word, three SWAR tests (a byte below 0x20; a byte equal to '"'; to '\\'),
 * each exact as to whether any byte hits. */
static inline gboolean
plain8 (const unsigned char *p)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 w, q, b;

  memcpy (&w, p, 8);
  q = w ^ (ones * '"');
  b = w ^ (ones * '\\');
  return (((w - ones * 0x20) | (q - ones) | (b - ones)) & ~w & ~q & ~b & highs) == 0;
}

void
bz_json_append_string (GString *out, const char *s)
{
  gsize n = strlen (s);
  const unsigned char *run = (const unsigned char *) s, *p = run, *end = run + n;

  /* Most strings need no escape: when @out has room, copied with their
   * quotes as they are scanned (eight bytes at a time), no second pass.
   * On a byte to escape, what was copied is dropped (@out's length is
   * unchanged) and the loop below writes the string, from @run, its scan
   * resuming at that byte. */
  if (G_LIKELY (out->len + n + 2 < out->allocated_len))
    {
      char *w = out->str + out->len;
      *w++ = '"';
      while (end - p >= 8 && plain8 (p))
        {
          memcpy (w, p, 8);
          w += 8;
          p += 8;
        }
      while (p < end && !needs_escape[*p])
        *w++ = *p++;
      if (G_LIKELY (p == end))
        {
          *w++ = '"';
          *w = '\0';
          out->len = w - out->str;
          return;
        }
      out->str[out->len] = '\0';
    }
  g_string_append_c (out, '"');
  /* Copy runs of plain characters at once; escape the rest. */
  while (p < end)
    {
      if (end - p >= 8 && plain8 (p))
        {
          p += 8;
          continue;
        }
      if (G_LIKELY (!needs_escape[*p]))
        {
          p++;
          continue;
        }
      bz_json_put (out, (const char *) run, p - run);
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_printf (out, "\\u%04x", *p);
        }
      run = ++p;
    }
  bz_json_put (out, (const char *) run, p - run);
  g_string_append_c (out, '"');
}

static void
append_node (GString *out, JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter it;
        const char *name;
        JsonNode *child;
        gboolean first = TRUE;
        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&it, json_node_get_object (node));
        while (json_object_iter_next_ordered (&it, &name, &child))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            bz_json_append_string (out, name);
            g_string_append_c (out, ':');
            append_node (out, child);
          }
        g_string_append_c (out, '}');
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *a = json_node_get_array (node);
        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (a); i++)
          {
            if (i)
              g_string_append_c (out, ',');
            append_node (out, json_array_get_element (a, i));
          }
        g_string_append_c (out, ']');
        break;
      }
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          bz_json_append_int (out, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          bz_json_append_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          bz_json_append_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
        }
      break;
    }
}

void
bz_json_append (GString *out, JsonNode *node)
{
  append_node (out, node);
}

char *
bz_json_to_string (JsonNode *node, gsize *out_len)
{
  GString *out = g_string_sized_new (256);
  append_node (out, node);
  if (out_len)
    *out_len = out->len;
  return g_string_free (out, FALSE);
}
