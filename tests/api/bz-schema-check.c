/* bz-schema-check.c — see bz-schema-check.h. */
#include "bz-schema-check.h"

#include <string.h>

static gboolean check (JsonObject *root, JsonObject *schema, JsonNode *value, GString *where, char **problem);

static JsonObject *
resolve (JsonObject *root, JsonObject *schema)
{
  while (schema && json_object_has_member (schema, "$ref"))
    {
      const char *ref = json_object_get_string_member (schema, "$ref");
      g_auto(GStrv) parts = NULL;
      JsonObject *o = root;
      g_assert_true (g_str_has_prefix (ref, "#/"));
      parts = g_strsplit (ref + 2, "/", -1);
      for (guint i = 0; parts[i] && o; i++)
        o = json_object_has_member (o, parts[i]) ? json_object_get_object_member (o, parts[i]) : NULL;
      g_assert_nonnull (o);
      schema = o;
    }
  return schema;
}

static gboolean
fail (char **problem, GString *where, const char *what)
{
  *problem = g_strdup_printf ("%s: %s", where->len ? where->str : "(root)", what);
  return FALSE;
}

static gboolean
valid_format (const char *format, const char *s)
{
  if (g_str_equal (format, "uuid"))
    {
      if (strlen (s) != 36)
        return FALSE;
      for (guint i = 0; i < 36; i++)
        if ((i == 8 || i == 13 || i == 18 || i == 23) ? s[i] != '-' : !g_ascii_isxdigit (s[i]))
          return FALSE;
      return TRUE;
    }
  if (g_str_equal (format, "date"))
    return strlen (s) == 10 && s[4] == '-' && s[7] == '-';
  if (g_str_equal (format, "date-time"))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (s, NULL);
      return dt != NULL;
    }
  return TRUE;
}

static gboolean
check_type (const char *type, JsonNode *value)
{
  if (g_str_equal (type, "object"))
    return JSON_NODE_HOLDS_OBJECT (value);
  if (g_str_equal (type, "array"))
    return JSON_NODE_HOLDS_ARRAY (value);
  if (!JSON_NODE_HOLDS_VALUE (value))
    return FALSE;
  switch (json_node_get_value_type (value))
    {
    case G_TYPE_STRING:
      return g_str_equal (type, "string");
    case G_TYPE_BOOLEAN:
      return g_str_equal (type, "boolean");
    case G_TYPE_INT64:
      return g_str_equal (type, "integer") || g_str_equal (type, "number");
    case G_TYPE_DOUBLE:
      return g_str_equal (type, "number") ||
             (g_str_equal (type, "integer") && json_node_get_double (value) == (gint64) json_node_get_double (value));
    default:
      return FALSE;
    }
}

static gboolean
in_enum (JsonArray *e, JsonNode *value)
{
  for (guint i = 0; i < json_array_get_length (e); i++)
    if (json_node_equal (json_array_get_element (e, i), value))
      return TRUE;
  return FALSE;
}

static gboolean
check_object (JsonObject *root, JsonObject *schema, JsonObject *o, GString *where, char **problem)
{
  JsonObject *props = json_object_has_member (schema, "properties")
                      ? json_object_get_object_member (schema, "properties") : NULL;
  JsonArray *required = json_object_has_member (schema, "required")
                        ? json_object_get_array_member (schema, "required") : NULL;
  g_autoptr(GList) members = json_object_get_members (o);
  gsize len = where->len;

  for (guint i = 0; required && i < json_array_get_length (required); i++)
    {
      const char *name = json_array_get_string_element (required, i);
      if (!json_object_has_member (o, name))
        {
          g_autofree char *what = g_strdup_printf ("required member \"%s\" is missing", name);
          return fail (problem, where, what);
        }
    }
  if (json_object_has_member (schema, "maxProperties") &&
      json_object_get_size (o) > (guint) json_object_get_int_member (schema, "maxProperties"))
    return fail (problem, where, "too many members");
  for (GList *l = members; l; l = l->next)
    {
      const char *name = l->data;
      JsonObject *ps = props && json_object_has_member (props, name) ? json_object_get_object_member (props, name) : NULL;
      if (ps == NULL)
        {
          if (json_object_has_member (schema, "additionalProperties") &&
              !json_object_get_boolean_member (schema, "additionalProperties"))
            {
              g_autofree char *what = g_strdup_printf ("member \"%s\" is not in the document", name);
              return fail (problem, where, what);
            }
          continue;
        }
      g_string_append_printf (where, ".%s", name);
      if (!check (root, ps, json_object_get_member (o, name), where, problem))
        return FALSE;
      g_string_truncate (where, len);
    }
  return TRUE;
}

static gboolean
check (JsonObject *root, JsonObject *schema, JsonNode *value, GString *where, char **problem)
{
  schema = resolve (root, schema);
  if (JSON_NODE_HOLDS_NULL (value))
    {
      if (json_object_has_member (schema, "nullable") && json_object_get_boolean_member (schema, "nullable"))
        return TRUE;
      return fail (problem, where, "null where the document does not allow it");
    }
  if (json_object_has_member (schema, "allOf"))
    {
      JsonArray *all = json_object_get_array_member (schema, "allOf");
      for (guint i = 0; i < json_array_get_length (all); i++)
        if (!check (root, json_array_get_object_element (all, i), value, where, problem))
          return FALSE;
    }
  if (json_object_has_member (schema, "type"))
    {
      const char *type = json_object_get_string_member (schema, "type");
      if (!check_type (type, value))
        {
          g_autofree char *what = g_strdup_printf ("not of type %s", type);
          return fail (problem, where, what);
        }
    }
  if (json_object_has_member (schema, "enum") && !in_enum (json_object_get_array_member (schema, "enum"), value))
    return fail (problem, where, "not one of the enum values");
  if (json_object_has_member (schema, "format") && JSON_NODE_HOLDS_VALUE (value) &&
      json_node_get_value_type (value) == G_TYPE_STRING &&
      !valid_format (json_object_get_string_member (schema, "format"), json_node_get_string (value)))
    return fail (problem, where, "not in its format");
  if (JSON_NODE_HOLDS_OBJECT (value))
    return check_object (root, schema, json_node_get_object (value), where, problem);
  if (JSON_NODE_HOLDS_ARRAY (value) && json_object_has_member (schema, "items"))
    {
      JsonArray *a = json_node_get_array (value);
      gsize len = where->len;
      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          g_string_append_printf (where, "[%u]", i);
          if (!check (root, json_object_get_object_member (schema, "items"), json_array_get_element (a, i), where,
                      problem))
            return FALSE;
          g_string_truncate (where, len);
        }
    }
  return TRUE;
}

static gboolean
segment_matches (const char *tpl, const char *seg)
{
  const char *close;
  if (tpl[0] != '{')
    return g_str_equal (tpl, seg);
  close = strchr (tpl, '}');
  /* "{id}.glb": a parameter then a literal suffix */
  return close && g_str_has_suffix (seg, close + 1) && strlen (seg) > strlen (close + 1);
}

static const char *
find_path (JsonObject *paths, const char *path)
{
  g_autofree char *bare = g_strndup (path, strcspn (path, "?"));
  g_auto(GStrv) segs = g_strsplit (bare, "/", -1);
  g_autoptr(GList) keys = json_object_get_members (paths);

  if (json_object_has_member (paths, bare))
    for (GList *l = keys; l; l = l->next)
      if (g_str_equal (l->data, bare))
        return l->data;
  for (GList *l = keys; l; l = l->next)
    {
      g_auto(GStrv) t = g_strsplit (l->data, "/", -1);
      guint i;
      if (g_strv_length (t) != g_strv_length (segs))
        continue;
      for (i = 0; t[i] && segment_matches (t[i], segs[i]); i++)
        ;
      if (t[i] == NULL)
        return l->data;
    }
  return NULL;
}

char *
bz_schema_operation_key (JsonNode *doc, const char *method, const char *path)
{
  JsonObject *paths = json_object_get_object_member (json_node_get_object (doc), "paths");
  const char *tpl = find_path (paths, path);
  g_autofree char *m = g_ascii_strdown (method, -1);

  if (tpl == NULL || !json_object_has_member (json_object_get_object_member (paths, tpl), m))
    return NULL;
  return g_strdup_printf ("%s %s", m, tpl);
}

gboolean
bz_schema_check_response (JsonNode *doc, const char *method, const char *path, guint status,
                          JsonNode *body, char **out_problem)
{
  JsonObject *root = json_node_get_object (doc);
  JsonObject *paths = json_object_get_object_member (root, "paths");
  const char *tpl = find_path (paths, path);
  g_autofree char *m = g_ascii_strdown (method, -1);
  g_autofree char *range = g_strdup_printf ("%uXX", status / 100);
  g_autoptr(GString) where = g_string_new ("");
  JsonObject *response = NULL, *schema;

  if (tpl && json_object_has_member (json_object_get_object_member (paths, tpl), m))
    {
      JsonObject *op = json_object_get_object_member (json_object_get_object_member (paths, tpl), m);
      JsonObject *responses = json_object_get_object_member (op, "responses");
      if (!json_object_has_member (responses, range))
        {
          *out_problem = g_strdup_printf ("%s %s: the document has no %s response", method, tpl, range);
          return FALSE;
        }
      response = resolve (root, json_object_get_object_member (responses, range));
    }
  else if (status >= 400)
    response = resolve (root, json_object_get_object_member (
        json_object_get_object_member (json_object_get_object_member (root, "components"), "responses"), "Error"));
  else
    {
      *out_problem = g_strdup_printf ("%s %s answered %u but is not in the document", method, path, status);
      return FALSE;
    }
  if (!json_object_has_member (response, "content") ||
      !json_object_has_member (json_object_get_object_member (response, "content"), "application/json"))
    {
      *out_problem = g_strdup_printf ("%s %s %u: the document says no JSON body", method, path, status);
      return FALSE;
    }
  schema = json_object_get_object_member (
      json_object_get_object_member (json_object_get_object_member (response, "content"), "application/json"),
      "schema");
  if (!check (root, schema, body, where, out_problem))
    {
      char *p = g_strdup_printf ("%s %s %u: %s", method, path, status, *out_problem);
      g_free (*out_problem);
      *out_problem = p;
      return FALSE;
    }
  return TRUE;
}
