/* fuzz-json.c — bz_json_parse() and bz_json_to_string().
 *
 * For each of several limit sets (the server's, and tight ones that put every
 * limit within the fuzzer's reach), parse the input and check:
 *  - exactly one of (tree, error) comes back; an error is a
 *    BZ_JSON_PARSE_ERROR with a path and a known issue;
 *  - an accepted tree respects the limits it was parsed under (bytes, depth,
 *    items per container, string and member-name length);
 *  - round trip: bz_json_to_string() of the tree parses back (limits widened
 *    only where the writer legitimately differs: bytes and number spelling)
 *    to an equal tree (same structure, member order, strings byte for byte,
 *    numbers equal as doubles, int64 exactly), and writing that tree again
 *    gives the same text (the writer is a fixed point after one pass);
 *  - acceptance is monotonic: what a limit set accepts, every set at least
 *    as wide on all four limits accepts too;
 *  - bz_json_scan_numbers(), the fast path for stored flat objects of
 *    numbers, accepts only what bz_json_parse() accepts, with equal values.
 */
#include "fuzz-common.h"

#include <math.h>

#include "bz-json.h"
#include "bz-limits.h"

static const BzJsonLimits tight = {
  .max_bytes = 512, .max_depth = 3, .max_items = 4, .max_string = 8,
};
static const BzJsonLimits scalar_only = {
  .max_bytes = 64, .max_depth = 0, .max_items = 0, .max_string = 2,
};

typedef struct
{
  const char *name;
  const BzJsonLimits *limits;
} LimitSet;

static const LimitSet sets[] = {
  { "body", &bz_json_limits_body },
  { "meal_items", &bz_json_limits_meal_items },
  { "token", &bz_json_limits_token },
  { "stored", &bz_json_limits_stored },
  { "tight", &tight },
  { "scalar_only", &scalar_only },
};

/* Depth as the parser counts it: a container at the root is depth 1. */
static void
check_limits (JsonNode *node, const BzJsonLimits *l, guint depth)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *o = json_node_get_object (node);
        JsonObjectIter it;
        const char *name;
        JsonNode *child;
        BZ_FUZZ_CHECK (depth + 1 <= l->max_depth);
        BZ_FUZZ_CHECK (json_object_get_size (o) <= l->max_items);
        json_object_iter_init_ordered (&it, o);
        while (json_object_iter_next_ordered (&it, &name, &child))
          {
            BZ_FUZZ_CHECK (strlen (name) <= l->max_string);
            BZ_FUZZ_CHECK (g_utf8_validate (name, -1, NULL));
            check_limits (child, l, depth + 1);
          }
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *a = json_node_get_array (node);
        BZ_FUZZ_CHECK (depth + 1 <= l->max_depth);
        BZ_FUZZ_CHECK (json_array_get_length (a) <= l->max_items);
        for (guint i = 0; i < json_array_get_length (a); i++)
          check_limits (json_array_get_element (a, i), l, depth + 1);
        break;
      }
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          {
            const char *s = json_node_get_string (node);
            BZ_FUZZ_CHECK (s != NULL);
            BZ_FUZZ_CHECK (strlen (s) <= l->max_string);
            BZ_FUZZ_CHECK (g_utf8_validate (s, -1, NULL));
            break;
          }
        case G_TYPE_DOUBLE:
          BZ_FUZZ_CHECK (isfinite (json_node_get_double (node)));
          break;
        case G_TYPE_INT64:
        case G_TYPE_BOOLEAN:
          break;
        default:
          BZ_FUZZ_CHECK_MSG (FALSE, "unexpected value type %s",
                             g_type_name (json_node_get_value_type (node)));
        }
      break;
    case JSON_NODE_NULL:
      break;
    }
}

static gboolean
is_number (JsonNode *n, double *out)
{
  if (!JSON_NODE_HOLDS_VALUE (n))
    return FALSE;
  if (json_node_get_value_type (n) == G_TYPE_INT64)
    *out = (double) json_node_get_int (n);
  else if (json_node_get_value_type (n) == G_TYPE_DOUBLE)
    *out = json_node_get_double (n);
  else
    return FALSE;
  return TRUE;
}

/* Same JSON value; @path names where for the report. */
static void
check_equal (JsonNode *a, JsonNode *b, GString *path)
{
  gsize mark = path->len;
  double da, db;

  if (is_number (a, &da))
    {
      BZ_FUZZ_CHECK_MSG (is_number (b, &db), "at %s: number became something else", path->str);
      if (json_node_get_value_type (a) == G_TYPE_INT64 && json_node_get_value_type (b) == G_TYPE_INT64)
        BZ_FUZZ_CHECK_MSG (json_node_get_int (a) == json_node_get_int (b),
                           "at %s: %" G_GINT64_FORMAT " became %" G_GINT64_FORMAT,
                           path->str, json_node_get_int (a), json_node_get_int (b));
      else
        BZ_FUZZ_CHECK_MSG (da == db, "at %s: %.17g became %.17g", path->str, da, db);
      return;
    }
  BZ_FUZZ_CHECK_MSG (json_node_get_node_type (a) == json_node_get_node_type (b),
                     "at %s: node type changed", path->str);
  switch (json_node_get_node_type (a))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *oa = json_node_get_object (a), *ob = json_node_get_object (b);
        JsonObjectIter ia, ib;
        const char *na, *nb;
        JsonNode *ca, *cb;
        BZ_FUZZ_CHECK_MSG (json_object_get_size (oa) == json_object_get_size (ob),
                           "at %s: %u members became %u", path->str,
                           json_object_get_size (oa), json_object_get_size (ob));
        json_object_iter_init_ordered (&ia, oa);
        json_object_iter_init_ordered (&ib, ob);
        while (json_object_iter_next_ordered (&ia, &na, &ca))
          {
            BZ_FUZZ_CHECK (json_object_iter_next_ordered (&ib, &nb, &cb));
            BZ_FUZZ_CHECK_MSG (strcmp (na, nb) == 0, "at %s: member \"%s\" became \"%s\"",
                               path->str, na, nb);
            g_string_append_printf (path, ".%s", na);
            check_equal (ca, cb, path);
            g_string_truncate (path, mark);
          }
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *aa = json_node_get_array (a), *ab = json_node_get_array (b);
        BZ_FUZZ_CHECK_MSG (json_array_get_length (aa) == json_array_get_length (ab),
                           "at %s: %u elements became %u", path->str,
                           json_array_get_length (aa), json_array_get_length (ab));
        for (guint i = 0; i < json_array_get_length (aa); i++)
          {
            g_string_append_printf (path, "[%u]", i);
            check_equal (json_array_get_element (aa, i), json_array_get_element (ab, i), path);
            g_string_truncate (path, mark);
          }
        break;
      }
    case JSON_NODE_NULL:
      break;
    case JSON_NODE_VALUE:
      BZ_FUZZ_CHECK_MSG (json_node_get_value_type (a) == json_node_get_value_type (b),
                         "at %s: value type changed", path->str);
      if (json_node_get_value_type (a) == G_TYPE_BOOLEAN)
        BZ_FUZZ_CHECK (json_node_get_boolean (a) == json_node_get_boolean (b));
      else if (json_node_get_value_type (a) == G_TYPE_STRING)
        BZ_FUZZ_CHECK_MSG (strcmp (json_node_get_string (a), json_node_get_string (b)) == 0,
                           "at %s: string changed", path->str);
      break;
    }
}

static void
check_error (const GError *error, const char *path)
{
  const char *issue;

  BZ_FUZZ_CHECK (error != NULL);
  BZ_FUZZ_CHECK (error->domain == BZ_JSON_PARSE_ERROR);
  BZ_FUZZ_CHECK (error->code >= BZ_JSON_PARSE_ERROR_MALFORMED &&
                 error->code <= BZ_JSON_PARSE_ERROR_NUMBER_RANGE);
  BZ_FUZZ_CHECK (error->message != NULL);
  BZ_FUZZ_CHECK (path != NULL && *path != '\0');
  issue = bz_json_parse_error_issue (error);
  BZ_FUZZ_CHECK (issue != NULL);
  if (error->code != BZ_JSON_PARSE_ERROR_MALFORMED)
    BZ_FUZZ_CHECK (strcmp (issue, "malformed_json") != 0);
}

static void
round_trip (JsonNode *tree, const BzJsonLimits *limits)
{
  /* The writer may spell a number longer than its source ("1e14" ->
   * "100000000000000", "1e-7" -> "1e-07") and may change the byte count
   * ("\/" -> "/"); depth, items and string contents are the same. */
  BzJsonLimits again = {
    .max_bytes = G_MAXSIZE,
    .max_depth = limits->max_depth,
    .max_items = limits->max_items,
    .max_string = MAX (limits->max_string, 32),
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL, *text2 = NULL;
  g_autoptr(JsonNode) back = NULL;
  g_autoptr(GString) where = g_string_new ("$");
  gsize len = 0, len2 = 0;

  text = bz_json_to_string (tree, &len);
  BZ_FUZZ_CHECK (text != NULL && strlen (text) == len);
  back = bz_json_parse (text, len, &again, &path, &error);
  BZ_FUZZ_CHECK_MSG (back != NULL, "the writer's output does not parse back: %s at %s\n  text: %s",
                     error ? error->message : "?", path ? path : "?", text);
  check_equal (tree, back, where);
  text2 = bz_json_to_string (back, &len2);
  /* A double -0.0 was written "-0" and read back as the integer 0 until
   * 99f29ec (regressions/json/neg-zero). */
  BZ_FUZZ_CHECK_MSG (len == len2 && memcmp (text, text2, len) == 0,
                     "writing twice differs:\n  1: %s\n  2: %s", text, text2);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  bz_fuzz_init (NULL);
  return 0;
}

/* A is within B on every limit: whatever A accepts, B must accept. */
static gboolean
within (const BzJsonLimits *a, const BzJsonLimits *b)
{
  return a->max_bytes <= b->max_bytes && a->max_depth <= b->max_depth &&
         a->max_items <= b->max_items && a->max_string <= b->max_string;
}

/* bz_json_scan_numbers() is a fast path of bz_json_parse(): whatever it
 * accepts, the parser accepts too (with limits wide enough for any input)
 * as an object, and every wanted member has the value the tree gives it.
 * Names a fuzzer reaches easily, and the SMAE ones it is used for. */
static void
scan_numbers_agrees (const char *text, size_t size)
{
  static const char *const names[] = { "a", "b", "", "ab", "verduras", "libres" };
  static const BzJsonLimits wide = {
    .max_bytes = G_MAXSIZE, .max_depth = 64, .max_items = G_MAXUINT, .max_string = G_MAXSIZE,
  };
  double out[G_N_ELEMENTS (names)];
  g_autoptr(JsonNode) tree = NULL;
  JsonObject *o;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    out[i] = -12345.0;
  if (!bz_json_scan_numbers (text, size, names, G_N_ELEMENTS (names), out))
    return;
  tree = bz_json_parse (text, size, &wide, NULL, NULL);
  BZ_FUZZ_CHECK_MSG (tree != NULL, "bz_json_scan_numbers accepted what bz_json_parse refuses");
  BZ_FUZZ_CHECK (JSON_NODE_HOLDS_OBJECT (tree));
  o = json_node_get_object (tree);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonNode *m = json_object_get_member (o, names[i]);
      if (m == NULL)
        {
          BZ_FUZZ_CHECK (out[i] == -12345.0);
          continue;
        }
      BZ_FUZZ_CHECK (JSON_NODE_HOLDS_VALUE (m));
      BZ_FUZZ_CHECK_MSG (json_node_get_double (m) == out[i] ||
                         (json_node_get_value_type (m) == G_TYPE_INT64 && (double) json_node_get_int (m) == out[i]),
                         "member '%s': scan %.17g, parse %.17g", names[i], out[i], json_node_get_double (m));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *text = (const char *) data;
  gboolean accepted[G_N_ELEMENTS (sets)] = { FALSE };
  char *messages[G_N_ELEMENTS (sets)] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      const BzJsonLimits *l = sets[i].limits;
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;
      g_autoptr(JsonNode) tree = bz_json_parse (text, size, l, &path, &error);

      if (tree == NULL)
        {
          check_error (error, path);
          messages[i] = g_strdup_printf ("%s (at %s)", error->message, path);
          continue;
        }
      BZ_FUZZ_CHECK (error == NULL && path == NULL);
      BZ_FUZZ_CHECK (size <= l->max_bytes);
      check_limits (tree, l, 0);
      round_trip (tree, l);
      accepted[i] = TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    for (guint j = 0; j < G_N_ELEMENTS (sets); j++)
      if (accepted[i] && within (sets[i].limits, sets[j].limits))
        BZ_FUZZ_CHECK_MSG (accepted[j], "limits '%s' accept what wider limits '%s' refuse: %s",
                           sets[i].name, sets[j].name, messages[j]);
  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    g_free (messages[i]);
  scan_numbers_agrees (text, size);
  return 0;
}
