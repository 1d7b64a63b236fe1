/* bz-json.h — compact JSON serialization with shortest round-trip numbers.
 *
 * json-glib 1.6 writes doubles with 17 significant digits, so 0.85 (USDA's
 * protein of salted butter) comes out as 0.84999999999999998.  This writer
 * prints each double with the fewest digits (up to 17) that parse back to the
 * same value, as ECMAScript's Number.prototype.toString does.
 */
#pragma once

#include <json-glib/json-glib.h>
#include <string.h>

G_BEGIN_DECLS

/**
 * bz_json_to_string:
 * @node: the tree to write
 * @out_len: (out) (optional): length in bytes
 * Returns: (transfer full): compact UTF-8 JSON text.
 */
char *bz_json_to_string (JsonNode *node, gsize *out_len);

/** bz_json_append: appends the compact JSON text of @node to @out. */
void  bz_json_append (GString *out, JsonNode *node);

/** bz_json_append_string: appends @s (UTF-8) as a quoted, escaped JSON string. */
void  bz_json_append_string (GString *out, const char *s);

/** bz_json_append_double: appends the shortest round-trip text of @value ("null" if not finite). */
void  bz_json_append_double (GString *out, double value);

/** bz_json_append_int: appends @value in decimal. */
void  bz_json_append_int (GString *out, gint64 value);

/**
 * bz_json_put:
 * @out: the text being written
 * @s: (array length=n): bytes to append (not necessarily NUL-terminated)
 * @n: their number
 *
 * g_string_append_len() without its call when @out has room: the writers
 * append a few bytes at a time, ~2,000 times per daily response, and GLib
 * 2.74's g_string_append_len() is an out-of-line g_string_insert_len()
 * (~30 instructions of bookkeeping each, stop 20's profile).
 */
static inline void
bz_json_put (GString *out, const char *s, gsize n)
{
  if (G_LIKELY (out->len + n < out->allocated_len))
    {
      memcpy (out->str + out->len, s, n);
      out->len += n;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, s, (gssize) n);
}

/* --- Bounded parsing ------------------------------------------------------ */

/**
 * BzJsonLimits:
 * @max_bytes: largest input accepted, in bytes
 * @max_depth: deepest nesting of arrays and objects (the root container is depth 1)
 * @max_items: most elements in one array or members in one object
 * @max_string: longest string or member name, in bytes after unescaping
 *
 * Limits checked while parsing: nothing is allocated for input beyond them,
 * and the parser keeps an explicit stack of at most @max_depth frames, so a
 * hostile input costs O(@max_bytes) time and memory and constant C stack.
 * Each route declares its own limits (see bz-limits.h).
 */
typedef struct
{
  gsize max_bytes;
  guint max_depth;
  guint max_items;
  gsize max_string;
} BzJsonLimits;

#define BZ_JSON_PARSE_ERROR (bz_json_parse_error_quark ())

/**
 * BzJsonParseError:
 * @BZ_JSON_PARSE_ERROR_MALFORMED: not RFC 8259 JSON, or not valid UTF-8
 * @BZ_JSON_PARSE_ERROR_TOO_LARGE: more than @max_bytes
 * @BZ_JSON_PARSE_ERROR_TOO_DEEP: nested deeper than @max_depth
 * @BZ_JSON_PARSE_ERROR_TOO_MANY_ITEMS: an array or object over @max_items
 * @BZ_JSON_PARSE_ERROR_STRING_TOO_LONG: a string over @max_string
 * @BZ_JSON_PARSE_ERROR_NUL_CHARACTER: a string holds U+0000 ("\u0000"), which
 *   C strings would silently cut (a password "abc\u0000xyz" would become "abc")
 * @BZ_JSON_PARSE_ERROR_NUMBER_RANGE: a number that does not fit a finite double
 */
typedef enum
{
  BZ_JSON_PARSE_ERROR_MALFORMED,
  BZ_JSON_PARSE_ERROR_TOO_LARGE,
  BZ_JSON_PARSE_ERROR_TOO_DEEP,
  BZ_JSON_PARSE_ERROR_TOO_MANY_ITEMS,
  BZ_JSON_PARSE_ERROR_STRING_TOO_LONG,
  BZ_JSON_PARSE_ERROR_NUL_CHARACTER,
  BZ_JSON_PARSE_ERROR_NUMBER_RANGE,
} BzJsonParseError;

GQuark bz_json_parse_error_quark (void);

/**
 * bz_json_parse:
 * @data: (array length=len): the text; need not be NUL-terminated
 * @len: its length in bytes
 * @limits: the limits to enforce while parsing
 * @out_path: (out) (optional) (transfer full): on error, where it happened:
 *   "body" for malformed, too large and too deep input, otherwise the field
 *   path of the value over a limit ("items[50]", "password")
 * @error: a %BZ_JSON_PARSE_ERROR
 *
 * The one JSON entry point for everything Balanza reads: request bodies,
 * multipart fields, stored JSON and token headers.  Strict RFC 8259: no
 * comments, no trailing commas, no leading zeros, no lone surrogates, no raw
 * control characters in strings, one value then only whitespace.  Integers that
 * fit are stored as gint64, other numbers as double.  Duplicate member names:
 * the last wins (as json-glib does).
 *
 * Returns: (transfer full) (nullable): the tree, or %NULL with @error set.
 */
JsonNode   *bz_json_parse             (const char         *data,
                                       gsize               len,
                                       const BzJsonLimits *limits,
                                       char              **out_path,
                                       GError            **error);

/**
 * bz_json_scan_numbers:
 * @data: (array length=len): the text; need not be NUL-terminated
 * @len: its length in bytes
 * @names: (array length=n_names): the member names wanted
 * @n_names: how many
 * @out: (array length=n_names): where each wanted member's value goes;
 *   entries of names the object does not have are left as they are
 *
 * The fast path for JSON Balanza stored itself as a flat object of numbers
 * (a recipe's SMAE equivalents): one pass, no tree, no allocation.  Accepts
 * only an object whose members all have plain names (printable ASCII, no
 * escapes) and RFC 8259 numbers that are finite doubles; anything else
 * answers %FALSE,
 * and the caller reads the text with bz_json_parse() instead.  On %TRUE the
 * values are those bz_json_parse() would give (a repeated name: the last);
 * the fuzz-json harness checks that.  @out is unspecified on %FALSE.
 *
 * Returns: %TRUE when @data was such an object.
 */
gboolean    bz_json_scan_numbers      (const char         *data,
                                       gsize               len,
                                       const char * const *names,
                                       guint               n_names,
                                       double             *out);

/**
 * bz_json_parse_error_issue:
 * Returns: (transfer none): the envelope detail issue for a %BZ_JSON_PARSE_ERROR
 *   code ("malformed_json", "too_large", "too_deep", "too_many_items",
 *   "too_long", "nul_character", "out_of_range").
 */
const char *bz_json_parse_error_issue (const GError *error);

G_END_DECLS
