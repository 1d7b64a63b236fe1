/* bz-json.h — compact JSON serialization with shortest round-trip numbers.
 *
 * json-glib 1.6 writes doubles with 17 significant digits, so 0.85 (USDA's
 * protein of salted butter) comes out as 0.84999999999999998.  This writer
 * prints each double with the fewest digits (up to 17) that parse back to the
 * same value, as ECMAScript's Number.prototype.toString does.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * bz_json_to_string:
 * @node: the tree to write
 * @out_len: (out) (optional): length in bytes
 * Returns: (transfer full): compact UTF-8 JSON text.
 */
char *bz_json_to_string (JsonNode *node, gsize *out_len);

/** bz_json_append_double: appends the shortest round-trip text of @value ("null" if not finite). */
void  bz_json_append_double (GString *out, double value);

G_END_DECLS
