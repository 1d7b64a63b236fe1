/* test-json.c — shortest round-trip numbers and string escaping of bz_json_to_string();
 * the bounded parser bz_json_parse() against json-glib and against hostile input. */
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "bz-json.h"
#include "bz-json-private.h"
#include "bz-limits.h"

static char *
one (double v)
{
  GString *s = g_string_new (NULL);
  bz_json_append_double (s, v);
  return g_string_free (s, FALSE);
}

static void
test_numbers (void)
{
  static const struct { double v; const char *text; } cases[] = {
    { 0.85, "0.85" }, { 717, "717" }, { -3, "-3" }, { 0.1 + 0.2, "0.30000000000000004" },
    { 1e-7, "9.9999999999999995e-08" }, { 123.456, "123.456" }, { 2000, "2000" }, { 0, "0" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *t = one (cases[i].v);
      /* Every output parses back to the same double. */
      g_assert_cmpfloat (g_ascii_strtod (t, NULL), ==, cases[i].v);
      if (cases[i].v != 1e-7)
        g_assert_cmpstr (t, ==, cases[i].text);
    }
  {
    g_autofree char *n = one (NAN);
    g_assert_cmpstr (n, ==, "null");
  }
  /* Random doubles round-trip. */
  for (int i = 0; i < 10000; i++)
    {
      double v = g_test_rand_double_range (-1e6, 1e6);
      g_autofree char *t = one (v);
      g_assert_cmpfloat (g_ascii_strtod (t, NULL), ==, v);
      g_assert_cmpuint (strlen (t), <=, 24);
    }
}

static void
test_tree (void)
{
  const char *in = "{\"a\":[1,2.5,true,null,\"x\\\"y\\n\\u0001\"],\"b\":{\"c\":0.85},\"d\":\"ñandú\"}";
  g_autoptr(JsonParser) p = json_parser_new ();
  g_autoptr(JsonParser) q = json_parser_new ();
  g_autofree char *out = NULL;
  g_assert_true (json_parser_load_from_data (p, in, -1, NULL));
  out = bz_json_to_string (json_parser_get_root (p), NULL);
  g_assert_cmpstr (out, ==, "{\"a\":[1,2.5,true,null,\"x\\\"y\\n\\u0001\"],\"b\":{\"c\":0.85},\"d\":\"ñandú\"}");
  g_assert_true (json_parser_load_from_data (q, out, -1, NULL));
  g_assert_true (json_node_equal (json_parser_get_root (p), json_parser_get_root (q)));
}

static const BzJsonLimits roomy = { 1 << 24, 64, 1 << 20, 1 << 20 };

/* Valid documents parse to the same tree as json-glib's parser gives. */
static void
test_parse_valid (void)
{
  static const char *docs[] = {
    "{}", "[]", "0", "12", "-7", "1.5", "-1.25e-3", "1E+2", "true", "false", "null", "\"\"",
    "9223372036854775807", "-9223372036854775808", "1e308",
    " \t\r\n{ \"a\" : [ 1 , 2 , { \"b\" : null } ] } \n",
    "{\"a\":[1,2.5,true,null,\"x\\\"y\\n\\u0001\"],\"b\":{\"c\":0.85},\"d\":\"ñandú\"}",
    "\"\\u00f1\\u00e9 \\ud83c\\udf2e \\/ \\b\\f\\r\\t\"",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    "{\"dup\":1,\"dup\":2}",
  };
  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonParser) ref = json_parser_new ();
      g_autoptr(JsonNode) got = bz_json_parse (docs[i], strlen (docs[i]), &roomy, NULL, &error);
      g_autofree char *a = NULL, *b = NULL;
      g_test_message ("%s", docs[i]);
      g_assert_no_error (error);
      g_assert_nonnull (got);
      g_assert_true (json_parser_load_from_data (ref, docs[i], -1, NULL));
      a = bz_json_to_string (got, NULL);
      b = bz_json_to_string (json_parser_get_root (ref), NULL);
      g_assert_cmpstr (a, ==, b);
    }
  /* "-0" stays a negative-zero double and is written back as "-0" (json-glib
   * makes it the integer 0); found by tests/fuzz/fuzz-json's round trip. */
  {
    g_autoptr(JsonNode) nz = bz_json_parse ("-0", 2, &roomy, NULL, NULL);
    g_autofree char *text = bz_json_to_string (nz, NULL);
    g_assert_cmpint (json_node_get_value_type (nz), ==, G_TYPE_DOUBLE);
    g_assert_true (signbit (json_node_get_double (nz)));
    g_assert_cmpstr (text, ==, "-0");
  }
  /* Past int64, a number is a double (json-glib wraps it to a negative integer). */
  {
    g_autoptr(JsonNode) big = bz_json_parse ("9223372036854775808", 19, &roomy, NULL, NULL);
    g_assert_cmpint (json_node_get_value_type (big), ==, G_TYPE_DOUBLE);
    g_assert_cmpfloat (json_node_get_double (big), ==, 9223372036854775808.0);
  }
}

static void
expect (const char *doc, gsize len, const BzJsonLimits *limits, BzJsonParseError code, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  g_autoptr(JsonNode) got = NULL;
  if (len == (gsize) -1)
    len = strlen (doc);
  got = bz_json_parse (doc, len, limits, &where, &error);
  g_assert_null (got);
  g_assert_error (error, BZ_JSON_PARSE_ERROR, (int) code);
  if (path)
    g_assert_cmpstr (where, ==, path);
}

static void
test_parse_malformed (void)
{
  static const char *bad[] = {
    "", " ", "{", "}", "[", "]", "[1,]", "{\"a\":1,}", "{\"a\"}", "{\"a\" 1}", "{a:1}", "[1 2]",
    "01", "1.", ".5", "-", "1e", "+1", "NaN", "Infinity", "tru", "nul", "'x'", "\"abc", "\"\\x\"",
    "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"a\tb\"", "[1]x", "{} {}",
    "/* c */ 1", "[1] // c", "\"\xff\"", "\"\xc3\"", "\"\xed\xa0\x80\"",
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      expect (bad[i], strlen (bad[i]), &roomy, BZ_JSON_PARSE_ERROR_MALFORMED, NULL);
    }
  /* A NUL byte inside the text is not the end of it. */
  expect ("[1]\0[2]", 7, &roomy, BZ_JSON_PARSE_ERROR_MALFORMED, NULL);
}

/* The first finding: 80,000 levels in 150 KB killed the server
 * (json-glib recurses on the stack).  Now it costs one frame per level up to
 * the limit and stops there. */
static void
test_parse_deep (void)
{
  gsize n = 200000;
  g_autofree char *deep = g_malloc (2 * n + 1);
  memset (deep, '[', n);
  memset (deep + n, ']', n);
  deep[2 * n] = 0;
  expect (deep, 2 * n, &roomy, BZ_JSON_PARSE_ERROR_TOO_DEEP, NULL);
  for (gsize i = 0; i < n; i++)
    {
      deep[2 * i] = '{';
      deep[2 * i + 1] = ' ';
    }
  expect (deep, 2 * n, &roomy, BZ_JSON_PARSE_ERROR_MALFORMED, NULL);
  {
    GString *s = g_string_new (NULL);
    for (int i = 0; i < 40; i++)
      g_string_append (s, "{\"a\":");
    g_string_append (s, "1");
    for (int i = 0; i < 40; i++)
      g_string_append_c (s, '}');
    expect (s->str, s->len, &bz_json_limits_body, BZ_JSON_PARSE_ERROR_TOO_DEEP, "body");
    g_string_free (s, TRUE);
  }
  /* Exactly at the limit is fine. */
  {
    GString *s = g_string_new (NULL);
    g_autoptr(JsonNode) ok = NULL;
    for (int i = 0; i < BZ_JSON_MAX_DEPTH; i++)
      g_string_append_c (s, '[');
    for (int i = 0; i < BZ_JSON_MAX_DEPTH; i++)
      g_string_append_c (s, ']');
    ok = bz_json_parse (s->str, s->len, &bz_json_limits_body, NULL, NULL);
    g_assert_nonnull (ok);
    g_string_free (s, TRUE);
  }
}

/* The fourth finding: a 300,000-entry items array was parsed whole
 * before the 50-item limit rejected it.  Now the 51st element stops the parse. */
static void
test_parse_limits (void)
{
  GString *s = g_string_new ("[");
  for (int i = 0; i < 300000; i++)
    g_string_append (s, i ? ",{\"ndb_no\":\"20045\",\"grams\":1}" : "{\"ndb_no\":\"20045\",\"grams\":1}");
  g_string_append_c (s, ']');
  {
    BzJsonLimits big = bz_json_limits_meal_items;
    big.max_bytes = s->len;
    expect (s->str, s->len, &big, BZ_JSON_PARSE_ERROR_TOO_MANY_ITEMS, "[50]");
  }
  expect (s->str, s->len, &bz_json_limits_meal_items, BZ_JSON_PARSE_ERROR_TOO_LARGE, "body");
  g_string_free (s, TRUE);

  /* Object members count too; strings and member names are bounded. */
  expect ("{\"a\":1,\"b\":2,\"c\":3}", -1, &(BzJsonLimits) { 100, 4, 2, 10 },
          BZ_JSON_PARSE_ERROR_TOO_MANY_ITEMS, NULL);
  expect ("{\"p\":\"0123456789A\"}", -1, &(BzJsonLimits) { 100, 4, 10, 10 },
          BZ_JSON_PARSE_ERROR_STRING_TOO_LONG, "p");
  expect ("{\"0123456789A\":1}", -1, &(BzJsonLimits) { 100, 4, 10, 10 },
          BZ_JSON_PARSE_ERROR_STRING_TOO_LONG, NULL);
  expect ("[\"\\u00f1\\u00f1\\u00f1\\u00f1\\u00f1\\u00f1\"]", -1, &(BzJsonLimits) { 100, 4, 10, 10 },
          BZ_JSON_PARSE_ERROR_STRING_TOO_LONG, "[0]");
  /* Exactly at the limits is fine. */
  {
    g_autoptr(JsonNode) ok = bz_json_parse ("{\"a\":\"0123456789\",\"b\":2}", 24,
                                            &(BzJsonLimits) { 24, 1, 2, 10 }, NULL, NULL);
    g_assert_nonnull (ok);
  }
  expect ("[1e400]", -1, &roomy, BZ_JSON_PARSE_ERROR_NUMBER_RANGE, "[0]");
}

/* The sixth finding: a password was silently cut at U+0000. */
static void
test_parse_nul (void)
{
  const char *doc = "{\"email\":\"a@b.mx\",\"password\":\"Secret-2026\\u0000tail\"}";
  expect (doc, strlen (doc), &bz_json_limits_body, BZ_JSON_PARSE_ERROR_NUL_CHARACTER, "password");
  doc = "[{\"x\":[\"ok\",\"\\u0000\"]}]";
  expect (doc, strlen (doc), &roomy, BZ_JSON_PARSE_ERROR_NUL_CHARACTER, "[0].x[1]");
}

/* The flat-number fast path: what Balanza stores, and what it must refuse
 * (so the caller takes bz_json_parse()). */
static void
test_scan_numbers (void)
{
  static const char *const names[] = { "verduras", "frutas", "libres" };
  static const char *const refused[] = {
    "", "[]", "{", "{\"verduras\":1,}", "{\"verduras\":01}", "{\"verduras\":\"1\"}",
    "{\"verduras\":1} x", "{\"ver\\u0064uras\":1}", "{\"verduras\":{}}", "{\"verduras\":1e999}",
    "{\"verduras\":.5}", "{\"verduras\":-}", "{verduras:1}", "{\"verduras\":true}",
    "{\"a&:{\xff" "b\":2}",   /* found by fuzz-json: a name that is not UTF-8 */
    "{\"ñ\":1}",
  };
  double out[3] = { 0, 0, -1 };
  const char *stored = "{ \"verduras\": 1.5, \"x\": 2, \"frutas\":-0.25e1 }";
  const char *twice = "{\"frutas\":1,\"frutas\":3}";

  g_assert_true (bz_json_scan_numbers (stored, strlen (stored), names, 3, out));
  g_assert_cmpfloat (out[0], ==, 1.5);
  g_assert_cmpfloat (out[1], ==, -2.5);
  g_assert_cmpfloat (out[2], ==, -1);        /* absent: left as it was */
  g_assert_true (bz_json_scan_numbers (twice, strlen (twice), names, 3, out));
  g_assert_cmpfloat (out[1], ==, 3);          /* the last wins */
  g_assert_true (bz_json_scan_numbers (" {} ", 4, names, 3, out));
  /* Not NUL-terminated: only @len bytes are read. */
  g_assert_true (bz_json_scan_numbers ("{\"libres\":7}9999", 12, names, 3, out));
  g_assert_cmpfloat (out[2], ==, 7);
  /* Every number reads as g_ascii_strtod() reads it: the short decimals of
   * the fast path and the rest. */
  {
    static const char *const numbers[] = {
      "0.1", "1.7", "123.456", "-0.25", "0", "-0", "999999999999999", "0.0000000000000000000001",
      "9007199254740993", "1234567890123456789", "2.2250738585072014e-308", "1e22", "17.000000000000001",
      "0.30000000000000004", "3.14159265358979",
      /* 16 to 19 digits (the integer quotient), ties to even among them,
       * and what goes to g_ascii_strtod() again: 20 digits, 20 decimals. */
      "4.017857142857143", "2.3844374999999998", "1.1068200000000001", "9007199254740995",
      "18014398509481990", "18014398509481994", "9999999999999999999", "0.1000000000000000055",
      "12345678901234567890", "0.12345678901234567891", "0.00000000000000000001",
    };
    for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
      {
        g_autofree char *text = g_strdup_printf ("{\"libres\":%s}", numbers[i]);
        double v = 0;
        g_assert_true (bz_json_scan_numbers (text, strlen (text), names + 2, 1, &v));
        g_assert_true (v == g_ascii_strtod (numbers[i], NULL));
        g_assert_cmpint (signbit (v), ==, signbit (g_ascii_strtod (numbers[i], NULL)));
      }
    /* Random decimals of 1 to 21 digits with the point anywhere: the same
     * bits as g_ascii_strtod(), on and off the fast paths (Clinger's, the
     * integer quotient's). */
    for (guint i = 0; i < 30000; i++)
      {
        GString *num = g_string_new (g_test_rand_bit () ? "-" : "");
        guint n = g_test_rand_int_range (1, 22), point = g_test_rand_int_range (0, n);
        g_autofree char *text = NULL;
        double v = 0, expected;
        for (guint d = 0; d < n; d++)
          {
            if (d == 1 && num->str[num->len - 1] == '0' && point != 1)
              point = 1;   /* JSON: no leading zeros before the point */
            if (d == point && d > 0)
              g_string_append_c (num, '.');
            g_string_append_c (num, (char) ('0' + g_test_rand_int_range (0, 10)));
          }
        expected = g_ascii_strtod (num->str, NULL);
        text = g_strdup_printf ("{\"libres\":%s}", num->str);
        g_assert_true (bz_json_scan_numbers (text, strlen (text), names + 2, 1, &v));
        if (memcmp (&v, &expected, sizeof v) != 0)
          g_error ("%s: %.17g, expected %.17g", num->str, v, expected);
        g_string_free (num, TRUE);
      }
  }
  /* Every byte at every place of a name of 1 to 24 bytes: read when plain
   * (printable ASCII but '"' and '\\'), refused otherwise, whether the
   * scanner meets it in a step of eight bytes or of one. */
  for (guint len = 1; len <= 24; len++)
    for (guint at = 0; at < len; at++)
      for (guint b = 0; b < 256; b++)
        {
          char text[40] = "{\"";
          gboolean plain = b >= 0x20 && b <= 0x7e && b != '"' && b != '\\';
          memset (text + 2, 'a', len);
          text[2 + at] = (char) b;
          memcpy (text + 2 + len, "\":1}", 5);
          if (bz_json_scan_numbers (text, len + 6, names, 3, out) != plain)
            g_error ("byte 0x%02x at %u of a %u-byte name: %s", b, at, len, plain ? "refused" : "read");
        }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) tree = NULL;
      g_assert_false (bz_json_scan_numbers (refused[i], strlen (refused[i]), names, 3, out));
      tree = bz_json_parse (refused[i], strlen (refused[i]), &bz_json_limits_stored, NULL, &error);
      /* Refused as malformed, or valid JSON the fast path leaves to the parser. */
      g_test_message ("%s: %s", refused[i], tree ? "parser reads it" : error->message);
    }
}

/* bz_round_half_away() is round(), bit for bit: random doubles of every
 * magnitude, halves, the 2^52 edge, signed zeros, NaN and infinities. */
static void
test_round_half_away (void)
{
  const double fixed[] = { 0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994,
                           -0.49999999999999994, 4503599627370495.5, -4503599627370495.5,
                           4503599627370496.0, 4503599627370497.0, 9007199254740993.0, 1e300, -1e-300,
                           G_MAXDOUBLE, G_MINDOUBLE, INFINITY, -INFINITY, NAN, 123.45 * 10.0, 0.05 * 10.0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20);

  for (guint i = 0; i < G_N_ELEMENTS (fixed) + 200000; i++)
    {
      double x, want, got;
      if (i < G_N_ELEMENTS (fixed))
        x = fixed[i];
      else if (i % 4 == 0)   /* a decimal with one or two places, scaled as the writers do */
        x = (double) g_rand_int_range (rand, -2000000, 2000000) / (i % 8 ? 100.0 : 10.0) * 10.0;
      else if (i % 4 == 1)   /* a half */
        x = g_rand_int_range (rand, -1000000, 1000000) + 0.5;
      else if (i % 4 == 2)   /* any fraction, up to 2^53 */
        x = ldexp (g_rand_double_range (rand, -1.0, 1.0), g_rand_int_range (rand, -4, 54));
      else
        {
          guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
          memcpy (&x, &bits, sizeof x);
        }
      want = round (x);
      got = bz_round_half_away (x);
      if (isnan (want))
        g_assert_true (isnan (got));
      else if (memcmp (&want, &got, sizeof want) != 0)
        g_error ("round (%.17g) = %.17g, bz_round_half_away gave %.17g", x, want, got);
    }
}

/* --- The writers as they were before their fast paths ---------------------
 * (digits written backwards into one buffer, SWAR string scan): the same
 * bytes for every input below. */

static void
reference_int (GString *out, gint64 value)
{
  char buf[24], *p = buf + sizeof buf;
  guint64 u = value < 0 ? -(guint64) value : (guint64) value;

  do
    *--p = '0' + u % 10;
  while ((u /= 10) != 0);
  if (value < 0)
    *--p = '-';
  g_string_append_len (out, p, buf + sizeof buf - p);
}

static void
reference_double (GString *out, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  if (fabs (value) < 1e13)
    {
      static const double scale[] = { 1.0, 10.0, 100.0 };
      for (guint k = 0; k < G_N_ELEMENTS (scale); k++)
        {
          double r = round (value * scale[k]);
          if (r / scale[k] == value)
            {
              gint64 n = (gint64) r;
              guint64 u = n < 0 ? -(guint64) n : (guint64) n;
              if (k == 0)
                {
                  if (n == 0 && signbit (value))
                    g_string_append_c (out, '-');
                  reference_int (out, n);
                  return;
                }
              if (n < 0)
                g_string_append_c (out, '-');
              reference_int (out, (gint64) (u / (guint64) scale[k]));
              {
                guint64 frac = u % (guint64) scale[k];
                char digits[3] = { 0 };
                if (k == 2)
                  {
                    digits[0] = '0' + frac / 10;
                    digits[1] = '0' + frac % 10;
                    if (digits[1] == '0')
                      digits[1] = '\0';
                  }
                else
                  digits[0] = '0' + frac;
                g_string_append_c (out, '.');
                g_string_append_len (out, digits, digits[1] ? 2 : 1);
              }
              return;
            }
        }
    }
  for (int precision = 15; precision <= 17; precision++)
    {
      static const char *const fmts[] = { "%.15g", "%.16g", "%.17g" };
      g_ascii_formatd (buf, sizeof buf, fmts[precision - 15], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

static void
reference_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    switch (*p)
      {
      case '"': g_string_append (out, "\\\""); break;
      case '\\': g_string_append (out, "\\\\"); break;
      case '\b': g_string_append (out, "\\b"); break;
      case '\f': g_string_append (out, "\\f"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      case '\t': g_string_append (out, "\\t"); break;
      default:
        if (*p < 0x20)
          g_string_append_printf (out, "\\u%04x", *p);
        else
          g_string_append_c (out, *p);
      }
  g_string_append_c (out, '"');
}

/* A GString holding "x:": @roomy, with room for what the writers append
 * (their direct copies), else as small as GLib makes it (they must grow it). */
static GString *
prefix (gboolean roomy)
{
  GString *s = roomy ? g_string_sized_new (256) : g_string_new (NULL);
  g_string_append (s, "x:");
  return s;
}

/* The writers against the reference, appending after some text (as they do
 * inside a document, where the GString has room or must grow). */
static void
check_double (double v)
{
  g_autoptr(GString) want = prefix (FALSE);
  reference_double (want, v);
  for (int roomy = 0; roomy <= 1; roomy++)
    {
      g_autoptr(GString) got = prefix (roomy);
      bz_json_append_double (got, v);
      if (strcmp (want->str, got->str) != 0 || want->len != got->len)
        g_error ("%.17g: got %s, want %s", v, got->str, want->str);
    }
}

/* A ROUND1 field's writer against the reference of what it stands for:
 * the value rounded to tenths, then written as any double. */
static void
check_round1 (double v)
{
  g_autoptr(GString) want = prefix (FALSE);
  reference_double (want, round (v * 10.0) / 10.0);
  for (int roomy = 0; roomy <= 1; roomy++)
    {
      g_autoptr(GString) got = prefix (roomy);
      bz_json_append_round1 (got, v);
      if (strcmp (want->str, got->str) != 0 || want->len != got->len)
        g_error ("round1 %.17g: got %s, want %s", v, got->str, want->str);
    }
}

static void
test_writers_same_bytes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (21);
  const double fixed[] = { 0.0, -0.0, 0.1, -0.1, 0.01, -0.01, 0.05, 0.25, 0.3, 1.1, 2.675, 99.99, 100.5,
                           -100.05, 1e13, -1e13, 9999999999999.9, 9999999999999.99, 1e-7, 0.1 + 0.2,
                           4503599627370496.0, 9007199254740993.0, 1e300, G_MINDOUBLE, NAN, INFINITY,
                           -INFINITY, 717, -3, 2000, 123.456, 0.85, 0.005, -0.005, 0.004999999999999999,
                           G_MINDOUBLE / 16, -G_MINDOUBLE / 16, 1e15, 1e15 + 0.5, -9007199254740991.0,
                           9999999999999.995, 999999999999.995, G_MAXDOUBLE, 1.375, -1.375, 0.001, -0.001,
                           0.0005, 0.0015, 999999999999.999, -999999999999.999, 1e12 - 0.001, 1e12 + 0.001,
                           123456789.125, 2.0005 };
  const gint64 ints[] = { 0, 1, -1, 9, 10, -10, 99, 100, 12345, G_MAXINT64, G_MININT64, G_MININT64 + 1,
                          G_MAXINT32, G_MININT32, 1000000000000000000 };

  const double fixed_round1[] = { 0.0, -0.0, 0.05, -0.05, 0.15, 0.25, -0.25, 0.04, -0.04, 0.049999999999999996,
                                  2.675, 99.95, -99.95, 1e13 - 0.05, 9999999999999.95, -9999999999999.95,
                                  999999999999.96, 1e13, 1e14, 1e15, -1e15 - 0.5, 4503599627370495.5, 1e300,
                                  G_MINDOUBLE, G_MINDOUBLE / 16, -G_MINDOUBLE / 16, G_MAXDOUBLE, -G_MAXDOUBLE,
                                  NAN, INFINITY, -INFINITY };

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    check_double (fixed[i]);
  for (guint i = 0; i < G_N_ELEMENTS (fixed_round1); i++)
    check_round1 (fixed_round1[i]);
  for (guint i = 0; i < 300000; i++)
    {
      double v;
      switch (i % 8)
        {
        case 6: v = g_rand_int_range (rand, -2000000, 2000000) / 1000.0; break;  /* factors, to 0.001 */
        case 7: v = bz_round_half_away (g_rand_double_range (rand, -2e15, 2e15)) / 1000.0; break;  /* either side of 1e12 */
        case 0: v = g_rand_int_range (rand, -2000000, 2000000) / 10.0; break;   /* panels, to 0.1 */
        case 1: v = g_rand_int_range (rand, -2000000, 2000000) / 100.0; break;  /* USDA, to 0.01 */
        case 2: v = bz_round_half_away (g_rand_double_range (rand, -5000, 5000) * 10.0) / 10.0; break;
        case 3: v = g_rand_double_range (rand, -1e6, 1e6); break;
        case 4: v = ldexp (g_rand_double_range (rand, -1.0, 1.0), g_rand_int_range (rand, -30, 60)); break;
        default:
          {
            guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
            memcpy (&v, &bits, sizeof v);
          }
        }
      check_double (v);
      check_round1 (v);
      /* Ties of the tenths (x.x5) and a hair either side of them. */
      if (i % 8 < 3)
        {
          double tie = (g_rand_int_range (rand, -2000000, 2000000) + 0.5) / 10.0;
          check_round1 (tie);
          check_round1 (nextafter (tie, INFINITY));
          check_round1 (nextafter (tie, -INFINITY));
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (ints) + 100000; i++)
    {
      gint64 v = i < G_N_ELEMENTS (ints) ? ints[i]
                 : (gint64) (((guint64) g_rand_int (rand) << 32) | g_rand_int (rand)) >> g_rand_int_range (rand, 0, 63);
      g_autoptr(GString) want = prefix (FALSE);
      g_autoptr(GString) got = prefix (i % 2);
      reference_int (want, v);
      bz_json_append_int (got, v);
      g_assert_cmpstr (got->str, ==, want->str);
    }
  /* Strings: every byte at every position of the 8-byte scan, runs of plain
   * text around escapes, and random bytes biased to the escaped ones. */
  for (guint c = 1; c < 256; c++)
    for (guint len = 1; len <= 19; len++)
      for (guint at = 0; at < len; at++)
        {
          char s[20];
          g_autoptr(GString) want = prefix (FALSE);
          g_autoptr(GString) got = prefix (c % 2);
          memset (s, 'a', len);
          s[at] = (char) c;
          s[len] = '\0';
          reference_string (want, s);
          bz_json_append_string (got, s);
          g_assert_cmpstr (got->str, ==, want->str);
        }
  for (guint i = 0; i < 20000; i++)
    {
      static const char pool[] = "\"\\\n\t\x01\x1f ~\x7f\x80\xc3\xb1\xff aZ09";
      guint len = g_rand_int_range (rand, 0, 80);
      g_autofree char *s = g_malloc (len + 1);
      g_autoptr(GString) want = prefix (FALSE);
      g_autoptr(GString) got = prefix (i % 2);
      for (guint k = 0; k < len; k++)
        s[k] = g_rand_boolean (rand) ? 'a' + g_rand_int_range (rand, 0, 26)
                                     : pool[g_rand_int_range (rand, 0, sizeof pool - 1)];
      s[len] = '\0';
      reference_string (want, s);
      bz_json_append_string (got, s);
      g_assert_cmpstr (got->str, ==, want->str);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/numbers", test_numbers);
  g_test_add_func ("/json/round-half-away", test_round_half_away);
  g_test_add_func ("/json/writers-same-bytes", test_writers_same_bytes);
  g_test_add_func ("/json/tree", test_tree);
  g_test_add_func ("/json/parse/valid", test_parse_valid);
  g_test_add_func ("/json/parse/malformed", test_parse_malformed);
  g_test_add_func ("/json/parse/deep", test_parse_deep);
  g_test_add_func ("/json/parse/limits", test_parse_limits);
  g_test_add_func ("/json/parse/nul", test_parse_nul);
  g_test_add_func ("/json/scan-numbers", test_scan_numbers);
  return g_test_run ();
}
