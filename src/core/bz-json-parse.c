/* bz-json-parse.c — the bounded, non-recursive JSON parser of bz-json.h:
 * bz_json_parse() and its error domain (the writers are in bz-json.c). */
#include "bz-json.h"
#include "bz-json-private.h"

#include <math.h>
#include <string.h>

/* --- Bounded, non-recursive parser ---------------------------------------- */

G_DEFINE_QUARK (bz-json-parse-error-quark, bz_json_parse_error)

typedef struct
{
  JsonNode *node;   /* the container being filled */
  char *key;        /* object: the member name awaiting its value */
  guint count;      /* elements or members so far */
} Frame;

typedef struct
{
  const char *p, *end, *start;
  const BzJsonLimits *limits;
  Frame *frames;
  guint depth;
  GError *error;
} Parser;

static char *
frame_path (Parser *ps)
{
  GString *path = g_string_new (NULL);
  for (guint i = 0; i < ps->depth; i++)
    {
      Frame *f = &ps->frames[i];
      if (JSON_NODE_HOLDS_OBJECT (f->node))
        {
          if (f->key == NULL)
            break;
          if (path->len)
            g_string_append_c (path, '.');
          g_string_append (path, f->key);
        }
      else
        g_string_append_printf (path, "[%u]", f->count);
    }
  if (path->len == 0)
    g_string_append (path, "body");
  return g_string_free (path, FALSE);
}

static gboolean
fail (Parser *ps, BzJsonParseError code, const char *what)
{
  if (ps->error == NULL)
    ps->error = g_error_new (BZ_JSON_PARSE_ERROR, code, "%s at byte %" G_GSIZE_FORMAT,
                             what, (gsize) (ps->p - ps->start));
  return FALSE;
}

static inline void
skip_ws (Parser *ps)
{
  while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
    ps->p++;
}

static int
hex4 (const char *s)
{
  int v = 0;
  for (int i = 0; i < 4; i++)
    {
      int c = s[i], d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
      else return -1;
      v = v * 16 + d;
    }
  return v;
}

/* At an opening quote: returns the unescaped UTF-8 string. */
static char *
parse_string (Parser *ps)
{
  GString *out = NULL;
  const char *run;

  ps->p++; /* '"' */
  run = ps->p;
  for (;;)
    {
      guchar c;
      gsize have;

      if (ps->p >= ps->end)
        goto malformed;
      c = (guchar) *ps->p;
      have = (out ? out->len : 0) + (gsize) (ps->p - run);
      if (have > ps->limits->max_string)
        {
          fail (ps, BZ_JSON_PARSE_ERROR_STRING_TOO_LONG, "String too long");
          goto error;
        }
      if (c == '"')
        {
          char *s;
          if (!g_utf8_validate_len (run, ps->p - run, NULL))
            goto malformed;
          if (out)
            {
              g_string_append_len (out, run, ps->p - run);
              s = g_string_free (g_steal_pointer (&out), FALSE);
            }
          else
            s = g_strndup (run, ps->p - run);
          ps->p++;
          return s;
        }
      if (c < 0x20)
        goto malformed;
      if (c != '\\')
        {
          ps->p++;
          continue;
        }
      /* An escape: flush the run, then decode. */
      if (!g_utf8_validate_len (run, ps->p - run, NULL))
        goto malformed;
      if (out == NULL)
        out = g_string_sized_new ((ps->p - run) + 16);
      g_string_append_len (out, run, ps->p - run);
      if (ps->end - ps->p < 2)
        goto malformed;
      switch (ps->p[1])
        {
        case '"': g_string_append_c (out, '"'); ps->p += 2; break;
        case '\\': g_string_append_c (out, '\\'); ps->p += 2; break;
        case '/': g_string_append_c (out, '/'); ps->p += 2; break;
        case 'b': g_string_append_c (out, '\b'); ps->p += 2; break;
        case 'f': g_string_append_c (out, '\f'); ps->p += 2; break;
        case 'n': g_string_append_c (out, '\n'); ps->p += 2; break;
        case 'r': g_string_append_c (out, '\r'); ps->p += 2; break;
        case 't': g_string_append_c (out, '\t'); ps->p += 2; break;
        case 'u':
          {
            int hi, lo;
            gunichar cp;
            if (ps->end - ps->p < 6 || (hi = hex4 (ps->p + 2)) < 0)
              goto malformed;
            ps->p += 6;
            if (hi >= 0xD800 && hi <= 0xDBFF)
              {
                if (ps->end - ps->p < 6 || ps->p[0] != '\\' || ps->p[1] != 'u' ||
                    (lo = hex4 (ps->p + 2)) < 0 || lo < 0xDC00 || lo > 0xDFFF)
                  goto malformed;
                ps->p += 6;
                cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
              }
            else if (hi >= 0xDC00 && hi <= 0xDFFF)
              goto malformed;
            else
              cp = hi;
            if (cp == 0)
              {
                fail (ps, BZ_JSON_PARSE_ERROR_NUL_CHARACTER, "String contains U+0000");
                goto error;
              }
            g_string_append_unichar (out, cp);
            break;
          }
        default:
          goto malformed;
        }
      run = ps->p;
    }
malformed:
  fail (ps, BZ_JSON_PARSE_ERROR_MALFORMED, "Malformed string");
error:
  if (out)
    g_string_free (out, TRUE);
  return NULL;
}

static JsonNode *
parse_number (Parser *ps)
{
  const char *s = ps->p;
  gboolean integral = TRUE;
  JsonNode *node;

  if (ps->p < ps->end && *ps->p == '-')
    ps->p++;
  if (ps->p >= ps->end || !g_ascii_isdigit (*ps->p))
    return fail (ps, BZ_JSON_PARSE_ERROR_MALFORMED, "Malformed number"), NULL;
  if (*ps->p == '0')
    ps->p++;
  else
    while (ps->p < ps->end && g_ascii_isdigit (*ps->p))
      ps->p++;
  if (ps->p < ps->end && *ps->p == '.')
    {
      integral = FALSE;
      ps->p++;
      if (ps->p >= ps->end || !g_ascii_isdigit (*ps->p))
        return fail (ps, BZ_JSON_PARSE_ERROR_MALFORMED, "Malformed number"), NULL;
      while (ps->p < ps->end && g_ascii_isdigit (*ps->p))
        ps->p++;
    }
  if (ps->p < ps->end && (*ps->p == 'e' || *ps->p == 'E'))
    {
      integral = FALSE;
      ps->p++;
      if (ps->p < ps->end && (*ps->p == '+' || *ps->p == '-'))
        ps->p++;
      if (ps->p >= ps->end || !g_ascii_isdigit (*ps->p))
        return fail (ps, BZ_JSON_PARSE_ERROR_MALFORMED, "Malformed number"), NULL;
      while (ps->p < ps->end && g_ascii_isdigit (*ps->p))
        ps->p++;
    }
  if ((gsize) (ps->p - s) > ps->limits->max_string)
    return fail (ps, BZ_JSON_PARSE_ERROR_STRING_TOO_LONG, "Number too long"), NULL;
  {
    g_autofree char *text = g_strndup (s, ps->p - s);
    node = json_node_alloc ();
    /* "-0" stays a (negative zero) double, so it reads back as it was written. */
    if (integral && !(s[0] == '-' && s[1] == '0'))
      {
        gint64 v;
        if (g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &v, NULL))
          return json_node_init_int (node, v);
      }
    {
      double d = g_ascii_strtod (text, NULL);
      if (!isfinite (d))
        {
          json_node_free (node);
          return fail (ps, BZ_JSON_PARSE_ERROR_NUMBER_RANGE, "Number out of range"), NULL;
        }
      return json_node_init_double (node, d);
    }
  }
}

static JsonNode *
parse_literal (Parser *ps)
{
  static const struct { const char *text; int kind; } lits[] = {
    { "true", 1 }, { "false", 0 }, { "null", -1 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (lits); i++)
    {
      gsize n = strlen (lits[i].text);
      if ((gsize) (ps->end - ps->p) >= n && memcmp (ps->p, lits[i].text, n) == 0)
        {
          ps->p += n;
          if (lits[i].kind < 0)
            return json_node_init_null (json_node_alloc ());
          return json_node_init_boolean (json_node_alloc (), lits[i].kind);
        }
    }
  fail (ps, BZ_JSON_PARSE_ERROR_MALFORMED, "Unexpected character");
  return NULL;
}

/* After '{' or ',' in an object: reads "name" ':' into the top frame. */
static gboolean
parse_member_name (Parser *ps)
{
  Frame *f = &ps->frames[ps->depth - 1];
  skip_ws (ps);
  if (ps->p >= ps->end || *ps->p != '"')
    return fail (ps, BZ_JSON_PARSE_ERROR_MALFORMED, "Expected a member name");
  if (f->count >= ps->limits->max_items)
    return fail (ps, BZ_JSON_PARSE_ERROR_TOO_MANY_ITEMS, "Too many members");
  if ((f->key = parse_string (ps)) == NULL)
    return FALSE;
  skip_ws (ps);
  if (ps->p >= ps->end || *ps->p != ':')
    return fail (ps, BZ_JSON_PARSE_ERROR_MALFORMED, "Expected ':'");
  ps->p++;
  return TRUE;
}

/* Attaches @node to the top frame (taking it). */
static void
attach (Parser *ps, JsonNode *node)
{
  Frame *f = &ps->frames[ps->depth - 1];
  if (JSON_NODE_HOLDS_OBJECT (f->node))
    {
      json_object_set_member (json_node_get_object (f->node), f->key, node);
      g_clear_pointer (&f->key, g_free);
    }
  else
    json_array_add_element (json_node_get_array (f->node), node);
  f->count++;
}

JsonNode *
bz_json_parse (const char *data, gsize len, const BzJsonLimits *limits, char **out_path, GError **error)
{
  Parser ps = { 0 };
  JsonNode *root = NULL;

  /* Size first: data + len is only formed for lengths within the limit
   * (UBSan: a pointer overflow otherwise, found by tests/fuzz/fuzz-multipart). */
  if (len > limits->max_bytes)
    {
      g_set_error (error, BZ_JSON_PARSE_ERROR, BZ_JSON_PARSE_ERROR_TOO_LARGE,
                   "JSON text of %" G_GSIZE_FORMAT " bytes exceeds %" G_GSIZE_FORMAT, len, limits->max_bytes);
      if (out_path)
        *out_path = g_strdup ("body");
      return NULL;
    }
  ps = (Parser) { data, data + len, data, limits, NULL, 0, NULL };
  ps.frames = g_new0 (Frame, MAX (limits->max_depth, 1));

  for (;;)
    {
      JsonNode *value = NULL;

      /* Expect a value. */
      skip_ws (&ps);
      if (ps.p >= ps.end)
        {
          fail (&ps, BZ_JSON_PARSE_ERROR_MALFORMED, "Unexpected end of input");
          break;
        }
      if (ps.depth > 0)
        {
          Frame *f = &ps.frames[ps.depth - 1];
          if (JSON_NODE_HOLDS_ARRAY (f->node) && f->count >= limits->max_items)
            {
              fail (&ps, BZ_JSON_PARSE_ERROR_TOO_MANY_ITEMS, "Too many elements");
              break;
            }
        }
      if (*ps.p == '{' || *ps.p == '[')
        {
          gboolean is_object = *ps.p == '{';
          Frame *f;
          if (ps.depth >= limits->max_depth)
            {
              fail (&ps, BZ_JSON_PARSE_ERROR_TOO_DEEP, "Nested too deeply");
              break;
            }
          f = &ps.frames[ps.depth++];
          f->node = json_node_new (is_object ? JSON_NODE_OBJECT : JSON_NODE_ARRAY);
          if (is_object)
            json_node_take_object (f->node, json_object_new ());
          else
            json_node_take_array (f->node, json_array_new ());
          f->count = 0;
          ps.p++;
          skip_ws (&ps);
          if (ps.p < ps.end && *ps.p == (is_object ? '}' : ']'))
            {
              ps.p++;
              value = f->node;
              f->node = NULL;
              ps.depth--;
            }
          else if (is_object)
            {
              if (!parse_member_name (&ps))
                break;
              continue;
            }
          else
            continue;
        }
      else if (*ps.p == '"')
        {
          char *s = parse_string (&ps);
          if (s == NULL)
            break;
          value = json_node_init_string (json_node_alloc (), s);
          g_free (s);
        }
      else if (*ps.p == '-' || g_ascii_isdigit (*ps.p))
        {
          if ((value = parse_number (&ps)) == NULL)
            break;
        }
      else if ((value = parse_literal (&ps)) == NULL)
        break;

      /* A complete value: attach it, then close containers as they end. */
      for (;;)
        {
          Frame *f;
          char close;

          if (ps.depth == 0)
            {
              root = value;
              break;
            }
          attach (&ps, value);
          value = NULL;
          f = &ps.frames[ps.depth - 1];
          close = JSON_NODE_HOLDS_OBJECT (f->node) ? '}' : ']';
          skip_ws (&ps);
          if (ps.p < ps.end && *ps.p == ',')
            {
              ps.p++;
              if (close == '}' && !parse_member_name (&ps))
                goto out;
              break;
            }
          if (ps.p < ps.end && *ps.p == close)
            {
              ps.p++;
              value = f->node;
              f->node = NULL;
              ps.depth--;
              continue;
            }
          fail (&ps, BZ_JSON_PARSE_ERROR_MALFORMED,
                close == '}' ? "Expected ',' or '}'" : "Expected ',' or ']'");
          goto out;
        }
      if (root)
        {
          skip_ws (&ps);
          if (ps.p != ps.end)
            {
              fail (&ps, BZ_JSON_PARSE_ERROR_MALFORMED, "Trailing characters after the value");
              g_clear_pointer (&root, json_node_unref);
            }
          break;
        }
    }
out:
  /* Syntax and depth faults are the body's; a value over a limit is its field's. */
  if (ps.error && out_path)
    *out_path = (ps.error->code == BZ_JSON_PARSE_ERROR_MALFORMED || ps.error->code == BZ_JSON_PARSE_ERROR_TOO_DEEP)
                ? g_strdup ("body") : frame_path (&ps);
  /* Frame 0 owns everything attached below it; deeper frames hold
   * containers not attached yet. */
  for (guint i = 0; i < ps.depth; i++)
    {
      g_clear_pointer (&ps.frames[i].node, json_node_unref);
      g_clear_pointer (&ps.frames[i].key, g_free);
    }
  g_free (ps.frames);
  if (ps.error)
    {
      g_propagate_error (error, ps.error);
      return NULL;
    }
  return root;
}

const char *
bz_json_parse_error_issue (const GError *error)
{
  if (error == NULL || error->domain != BZ_JSON_PARSE_ERROR)
    return "malformed_json";
  switch ((BzJsonParseError) error->code)
    {
    case BZ_JSON_PARSE_ERROR_TOO_LARGE: return "too_large";
    case BZ_JSON_PARSE_ERROR_TOO_DEEP: return "too_deep";
    case BZ_JSON_PARSE_ERROR_TOO_MANY_ITEMS: return "too_many_items";
    case BZ_JSON_PARSE_ERROR_STRING_TOO_LONG: return "too_long";
    case BZ_JSON_PARSE_ERROR_NUL_CHARACTER: return "nul_character";
    case BZ_JSON_PARSE_ERROR_NUMBER_RANGE: return "out_of_range";
    case BZ_JSON_PARSE_ERROR_MALFORMED:
    default: return "malformed_json";
    }
}
