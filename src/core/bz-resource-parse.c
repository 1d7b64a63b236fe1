/* bz-resource-parse.c — what the declarations give requests: validation
 * (bz_resource_parse()) and the OpenAPI schemas (bz_resource_add_schemas()). */
#include "bz-resource.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static gboolean
is_text (BzFieldType t)
{
  return t == BZ_FIELD_STRING || t == BZ_FIELD_UUID || t == BZ_FIELD_DATE || t == BZ_FIELD_DATE_TIME ||
         t == BZ_FIELD_URI || t == BZ_FIELD_ENUM || t == BZ_FIELD_BINARY;
}

/* --- Validation ---------------------------------------------------------- */

static gboolean
valid_uuid (const char *s)
{
  if (strlen (s) != 36)
    return FALSE;
  for (guint i = 0; i < 36; i++)
    if ((i == 8 || i == 13 || i == 18 || i == 23) ? s[i] != '-' : !g_ascii_isxdigit (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
valid_date (const char *s)
{
  guint y, m, d;
  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;
  y = atoi (s), m = atoi (s + 5), d = atoi (s + 8);
  return g_date_valid_dmy (d, m, y);
}

static char *
field_path (const char *prefix, const char *name)
{
  return prefix ? g_strconcat (prefix, ".", name, NULL) : g_strdup (name);
}

static gboolean
node_number (JsonNode *n, double *out)
{
  GType t;
  if (!JSON_NODE_HOLDS_VALUE (n))
    return FALSE;
  t = json_node_get_value_type (n);
  if (t == G_TYPE_INT64)
    *out = (double) json_node_get_int (n);
  else if (t == G_TYPE_DOUBLE)
    *out = json_node_get_double (n);
  else
    return FALSE;
  return isfinite (*out);
}

static void
range_error (BzValidation *v, const char *path, const BzField *f)
{
  g_autofree char *msg = NULL;
  char lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (lo, sizeof lo, "%g", f->min);
  g_ascii_formatd (hi, sizeof hi, "%g", f->max);
  /* TRANSLATORS: "weight_kg must be between 20 and 400 kg" */
  msg = g_strdup_printf (_("%s must be between %s and %s %s"), f->name, lo, hi, f->unit ? f->unit : "");
  g_strchomp (msg);
  bz_validation_add (v, path, "out_of_range", msg);
}

/* Validates one present, non-null member; sets it on @rec when valid. */
static void
parse_field (BzRecord *rec, guint i, JsonNode *n, const char *path, BzValidation *v)
{
  const BzField *f = &bz_record_get_resource (rec)->fields[i];
  gboolean bounded = f->min < f->max;

  if (is_text (f->type))
    {
      const char *s;
      if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
        {
          bz_validation_add (v, path, "invalid_type", _("Must be text"));
          return;
        }
      s = json_node_get_string (n);
      switch (f->type)
        {
        case BZ_FIELD_UUID:
          if (!valid_uuid (s))
            {
              bz_validation_add (v, path, "invalid_format", _("Must be an id (UUID)"));
              return;
            }
          bz_record_take_string (rec, i, g_ascii_strdown (s, -1));
          return;
        case BZ_FIELD_DATE:
          if (!valid_date (s))
            {
              bz_validation_add (v, path, "invalid_format", _("Must be a calendar date YYYY-MM-DD"));
              return;
            }
          break;
        case BZ_FIELD_DATE_TIME:
          {
            g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (s, NULL);
            g_autoptr(GDateTime) utc = dt ? g_date_time_to_utc (dt) : NULL;
            if (utc == NULL)
              {
                bz_validation_add (v, path, "invalid_format",
                                   _("Must be an ISO 8601 date and time with its time zone"));
                return;
              }
            bz_record_take_string (rec, i, g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ"));
            return;
          }
        case BZ_FIELD_ENUM:
          {
            const char *id = bz_vocab_canonical (f->vocab, s);
            if (id == NULL)
              {
                bz_validation_add (v, path, "invalid_choice", _("Is not one of the allowed values"));
                return;
              }
            bz_record_set_string (rec, i, id);
            return;
          }
        default:
          if (bounded)
            {
              glong len = g_utf8_strlen (s, -1);
              if (len < f->min)
                {
                  bz_validation_add (v, path, len == 0 ? "required" : "too_short", _("Is too short"));
                  return;
                }
              if (len > f->max)
                {
                  bz_validation_add (v, path, "too_long", _("Is too long"));
                  return;
                }
            }
        }
      bz_record_set_string (rec, i, s);
      return;
    }

  switch (f->type)
    {
    case BZ_FIELD_INTEGER:
    case BZ_FIELD_NUMBER:
      {
        double d;
        if (!node_number (n, &d) || (f->type == BZ_FIELD_INTEGER && d != floor (d)))
          {
            bz_validation_add (v, path, "invalid_type",
                               f->type == BZ_FIELD_INTEGER ? _("Must be a whole number") : _("Must be a number"));
            return;
          }
        if (bounded && (d < f->min || d > f->max))
          {
            range_error (v, path, f);
            return;
          }
        if (f->type == BZ_FIELD_INTEGER)
          bz_record_set_int (rec, i, (gint64) d);
        else
          bz_record_set_double (rec, i, d);
        return;
      }
    case BZ_FIELD_BOOLEAN:
      if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_BOOLEAN)
        {
          bz_validation_add (v, path, "invalid_type", _("Must be true or false"));
          return;
        }
      bz_record_set_boolean (rec, i, json_node_get_boolean (n));
      return;
    case BZ_FIELD_OBJECT:
      {
        BzRecord *sub;
        if (!JSON_NODE_HOLDS_OBJECT (n))
          {
            bz_validation_add (v, path, "invalid_type", _("Must be an object"));
            return;
          }
        sub = bz_resource_parse (f->ref, json_node_get_object (n), path, v);
        if (sub)
          bz_record_take_object (rec, i, sub);
        return;
      }
    case BZ_FIELD_ARRAY:
    case BZ_FIELD_STRING_ARRAY:
      {
        JsonArray *a;
        guint len;
        if (!JSON_NODE_HOLDS_ARRAY (n))
          {
            bz_validation_add (v, path, "invalid_type", _("Must be a list"));
            return;
          }
        a = json_node_get_array (n);
        len = json_array_get_length (a);
        if (bounded && len > f->max)
          {
            bz_validation_add (v, path, "too_many_items", _("Has too many items"));
            return;
          }
        if (bounded && len < f->min)
          {
            bz_validation_add (v, path, len == 0 ? "required" : "too_short", _("Has too few items"));
            return;
          }
        if (f->type == BZ_FIELD_STRING_ARRAY)
          {
            g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
            for (guint k = 0; k < len; k++)
              {
                JsonNode *e = json_array_get_element (a, k);
                if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
                  {
                    g_autofree char *p = g_strdup_printf ("%s[%u]", path, k);
                    bz_validation_add (v, p, "invalid_type", _("Must be text"));
                    return;
                  }
                if (f->vocab)
                  {
                    /* a list of terms: each canonical, as an ENUM field's */
                    const char *id = bz_vocab_canonical (f->vocab, json_node_get_string (e));
                    if (id == NULL)
                      {
                        g_autofree char *p = g_strdup_printf ("%s[%u]", path, k);
                        bz_validation_add (v, p, "invalid_choice", _("Is not one of the allowed values"));
                        return;
                      }
                    g_strv_builder_add (b, id);
                  }
                else
                  g_strv_builder_add (b, json_node_get_string (e));
              }
            bz_record_take_strv (rec, i, g_strv_builder_end (b));
            return;
          }
        bz_record_set_empty_array (rec, i);
        for (guint k = 0; k < len; k++)
          {
            JsonNode *e = json_array_get_element (a, k);
            g_autofree char *p = g_strdup_printf ("%s[%u]", path, k);
            BzRecord *item;
            if (!JSON_NODE_HOLDS_OBJECT (e))
              {
                bz_validation_add (v, p, "invalid_type", _("Must be an object"));
                continue;
              }
            item = bz_resource_parse (f->ref, json_node_get_object (e), p, v);
            if (item)
              bz_record_append (rec, i, item);
          }
        return;
      }
    default:
      g_return_if_reached ();
    }
}

BzRecord *
bz_resource_parse (const BzResource *res, JsonObject *object, const char *path, BzValidation *v)
{
  g_autoptr(BzRecord) rec = bz_record_new (res);
  gboolean failed_before = bz_validation_failed (v);
  gboolean ok = TRUE;

  for (guint i = 0; i < res->n_fields; i++)
    {
      const BzField *f = &res->fields[i];
      JsonNode *n;
      g_autofree char *p = NULL;

      if (f->flags & BZ_FIELD_READ_ONLY)
        continue;
      n = object ? json_object_get_member (object, f->name) : NULL;
      p = field_path (path, f->name);
      if (n == NULL || JSON_NODE_HOLDS_NULL (n))
        {
          if (f->flags & BZ_FIELD_REQUIRED)
            {
              bz_validation_add (v, p, "required", _("This field is required"));
              ok = FALSE;
            }
          continue;
        }
      parse_field (rec, i, n, p, v);
    }
  if (!ok || (!failed_before && bz_validation_failed (v)))
    return NULL;
  return g_steal_pointer (&rec);
}

/* Every member of @object that @res does not declare as writable, at any
 * depth of its nested objects and lists of objects, as "unknown_field". */
static void
refuse_undeclared (const BzResource *res, JsonObject *object, const char *path, BzValidation *v)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l; l = l->next)
    {
      const BzField *f = NULL;
      g_autofree char *p = field_path (path, l->data);
      JsonNode *n = json_object_get_member (object, l->data);

      for (guint i = 0; i < res->n_fields && f == NULL; i++)
        if (!(res->fields[i].flags & BZ_FIELD_READ_ONLY) && g_str_equal (res->fields[i].name, l->data))
          f = &res->fields[i];
      if (f == NULL)
        bz_validation_add (v, p, "unknown_field", _("This field is not part of the request"));
      else if (f->type == BZ_FIELD_OBJECT && JSON_NODE_HOLDS_OBJECT (n))
        refuse_undeclared (f->ref, json_node_get_object (n), p, v);
      else if (f->type == BZ_FIELD_ARRAY && JSON_NODE_HOLDS_ARRAY (n))
        {
          JsonArray *a = json_node_get_array (n);
          for (guint k = 0; k < json_array_get_length (a); k++)
            {
              JsonNode *e = json_array_get_element (a, k);
              g_autofree char *pk = g_strdup_printf ("%s[%u]", p, k);
              if (JSON_NODE_HOLDS_OBJECT (e))
                refuse_undeclared (f->ref, json_node_get_object (e), pk, v);
            }
        }
    }
}

BzRecord *
bz_resource_parse_closed (const BzResource *res, JsonObject *object, const char *path, BzValidation *v)
{
  gboolean failed_before = bz_validation_failed (v);

  if (object)
    refuse_undeclared (res, object, path, v);
  if (!failed_before && bz_validation_failed (v))
    return NULL;
  return bz_resource_parse (res, object, path, v);
}

/* --- OpenAPI schemas ------------------------------------------------------ */

JsonObject *
bz_field_schema (const BzField *f, BzSchemaUse use, JsonObject *schemas)
{
  JsonObject *s = json_object_new ();
  gboolean bounded = f->min < f->max && use == BZ_SCHEMA_REQUEST;
  g_autofree char *desc = NULL;

  switch (f->type)
    {
    case BZ_FIELD_OBJECT:
      {
        g_autofree char *ref = g_strconcat ("#/components/schemas/", bz_resource_add_schemas (f->ref, use, schemas), NULL);
        if (f->flags & BZ_FIELD_NULLABLE)
          {
            JsonArray *all = json_array_new ();
            JsonObject *r = json_object_new ();
            json_object_set_string_member (r, "$ref", ref);
            json_array_add_object_element (all, r);
            json_object_set_string_member (s, "type", "object");
            json_object_set_array_member (s, "allOf", all);
          }
        else
          json_object_set_string_member (s, "$ref", ref);
        break;
      }
    case BZ_FIELD_ARRAY:
    case BZ_FIELD_STRING_ARRAY:
      {
        JsonObject *items = json_object_new ();
        json_object_set_string_member (s, "type", "array");
        if (f->type == BZ_FIELD_ARRAY)
          {
            g_autofree char *ref = g_strconcat ("#/components/schemas/",
                                                bz_resource_add_schemas (f->ref, use, schemas), NULL);
            json_object_set_string_member (items, "$ref", ref);
          }
        else
          {
            json_object_set_string_member (items, "type", "string");
            if (f->vocab)
              {
                JsonArray *e = json_array_new ();
                for (guint k = 0; k < f->vocab->n_terms; k++)
                  {
                    const BzTerm *t = &f->vocab->terms[k];
                    json_array_add_string_element (e, t->id);
                    for (guint a = 0; use == BZ_SCHEMA_REQUEST && t->aliases && t->aliases[a]; a++)
                      json_array_add_string_element (e, t->aliases[a]);
                  }
                json_object_set_array_member (items, "enum", e);
              }
          }
        json_object_set_object_member (s, "items", items);
        if (bounded)
          json_object_set_int_member (s, "maxItems", (gint64) f->max);
        break;
      }
    case BZ_FIELD_INTEGER:
    case BZ_FIELD_NUMBER:
      json_object_set_string_member (s, "type", f->type == BZ_FIELD_INTEGER ? "integer" : "number");
      if (bounded)
        {
          json_object_set_double_member (s, "minimum", f->min);
          json_object_set_double_member (s, "maximum", f->max);
        }
      break;
    case BZ_FIELD_BOOLEAN:
      json_object_set_string_member (s, "type", "boolean");
      break;
    case BZ_FIELD_ENUM:
      {
        JsonArray *e = json_array_new ();
        json_object_set_string_member (s, "type", "string");
        for (guint k = 0; k < f->vocab->n_terms; k++)
          {
            const BzTerm *t = &f->vocab->terms[k];
            json_array_add_string_element (e, t->id);
            for (guint a = 0; use == BZ_SCHEMA_REQUEST && t->aliases && t->aliases[a]; a++)
              json_array_add_string_element (e, t->aliases[a]);
          }
        json_object_set_array_member (s, "enum", e);
        break;
      }
    default:
      {
        static const char *const formats[] = {
          [BZ_FIELD_UUID] = "uuid", [BZ_FIELD_DATE] = "date", [BZ_FIELD_DATE_TIME] = "date-time",
          [BZ_FIELD_URI] = "uri-reference", [BZ_FIELD_BINARY] = "binary",
        };
        json_object_set_string_member (s, "type", "string");
        if (f->type < G_N_ELEMENTS (formats) && formats[f->type])
          json_object_set_string_member (s, "format", formats[f->type]);
        if (bounded)
          {
            json_object_set_int_member (s, "minLength", (gint64) f->min);
            json_object_set_int_member (s, "maxLength", (gint64) f->max);
          }
      }
    }
  if ((f->flags & BZ_FIELD_NULLABLE) && !json_object_has_member (s, "$ref"))
    json_object_set_boolean_member (s, "nullable", TRUE);
  desc = f->unit ? g_strdup_printf ("%s (%s)", f->description ? f->description : f->name, f->unit)
                 : g_strdup (f->description);
  if (desc && !json_object_has_member (s, "$ref"))
    json_object_set_string_member (s, "description", desc);
  return s;
}

const char *
bz_resource_add_schemas (const BzResource *res, BzSchemaUse use, JsonObject *schemas)
{
  g_autofree char *key = g_strconcat (res->name, use == BZ_SCHEMA_REQUEST ? "Input" : "", NULL);
  JsonObject *s, *props;
  JsonArray *required;
  GList *members;

  if (json_object_has_member (schemas, key))
    {
      /* The key's storage lives in the schemas object. */
      members = json_object_get_members (schemas);
      for (GList *l = members; l; l = l->next)
        if (g_str_equal (l->data, key))
          {
            const char *k = l->data;
            g_list_free (members);
            return k;
          }
      g_list_free (members);
    }
  s = json_object_new ();
  props = json_object_new ();
  required = json_array_new ();
  /* Added before the fields, so a resource that refers to itself ends. */
  json_object_set_object_member (schemas, key, s);
  json_object_set_string_member (s, "type", "object");
  if (res->description)
    json_object_set_string_member (s, "description", res->description);
  for (guint i = 0; i < res->n_fields; i++)
    {
      const BzField *f = &res->fields[i];
      if ((use == BZ_SCHEMA_REQUEST && (f->flags & BZ_FIELD_READ_ONLY)) ||
          (use == BZ_SCHEMA_RESPONSE && (f->flags & BZ_FIELD_WRITE_ONLY)))
        continue;
      json_object_set_object_member (props, f->name, bz_field_schema (f, use, schemas));
      if ((use == BZ_SCHEMA_RESPONSE && !(f->flags & BZ_FIELD_OPTIONAL)) ||
          (use == BZ_SCHEMA_REQUEST && (f->flags & BZ_FIELD_REQUIRED)))
        json_array_add_string_element (required, f->name);
    }
  if (json_array_get_length (required) > 0)
    json_object_set_array_member (s, "required", required);
  else
    json_array_unref (required);
  json_object_set_object_member (s, "properties", props);
  if (use == BZ_SCHEMA_RESPONSE)
    json_object_set_boolean_member (s, "additionalProperties", FALSE);
  return bz_resource_add_schemas (res, use, schemas);
}
