/* test-json.c — shortest round-trip numbers and string escaping of bz_json_to_string(). */
#include <json-glib/json-glib.h>
#include <math.h>

#include "bz-json.h"

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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/numbers", test_numbers);
  g_test_add_func ("/json/tree", test_tree);
  return g_test_run ();
}
