/* bz-provider-schemas.c — the kinds' answer schemas (see bz-provider-schemas.h). */
#include "bz-provider-schemas.h"

#include <gio/gio.h>
#include <string.h>

static gboolean
fail (GError **error, const char *member, const char *why)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", member, why);
  return FALSE;
}

static gboolean
is_number (JsonNode *n)
{
  GType t = n && JSON_NODE_HOLDS_VALUE (n) ? json_node_get_value_type (n) : G_TYPE_INVALID;
  return t == G_TYPE_INT64 || t == G_TYPE_DOUBLE;
}

static gboolean
is_string (JsonNode *n)
{
  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING;
}

/* A text member of 1-@max characters; absent and null allowed when @optional. */
static gboolean
text (JsonObject *o, const char *member, guint max, gboolean optional, GError **error)
{
  JsonNode *n = json_object_get_member (o, member);
  glong len;

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return optional || fail (error, member, "required");
  if (!is_string (n))
    return fail (error, member, "not a text");
  len = g_utf8_strlen (json_node_get_string (n), -1);
  if (len < 1 || len > (glong) max)
    return fail (error, member, "empty or too long");
  return TRUE;
}

/* A number member in [@lo, @hi] (@lo excluded when @open_lo); absent allowed when @optional. */
static gboolean
number (JsonObject *o, const char *member, double lo, double hi, gboolean open_lo, gboolean optional,
        double *out, GError **error)
{
  JsonNode *n = json_object_get_member (o, member);
  double v;

  if (out)
    *out = 0;
  if (n == NULL || (optional && JSON_NODE_HOLDS_NULL (n)))
    return optional || fail (error, member, "required");
  if (!is_number (n))
    return fail (error, member, "not a number");
  v = json_node_get_double (n);
  if (!(v >= lo && v <= hi) || (open_lo && v <= lo))
    return fail (error, member, "out of range");
  if (out)
    *out = v;
  return TRUE;
}

static JsonObject *
object_of (JsonNode *n)
{
  return n && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static gboolean
text_list (JsonObject *o, const char *member, GError **error)
{
  JsonNode *n = json_object_get_member (o, member);
  JsonArray *a;

  if (n == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (n))
    return fail (error, member, "not a list");
  a = json_node_get_array (n);
  if (json_array_get_length (a) > BZ_CHAT_MAX_LIST)
    return fail (error, member, "too many entries");
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);
      if (!is_string (e) || *json_node_get_string (e) == '\0' ||
          g_utf8_strlen (json_node_get_string (e), -1) > BZ_PROVIDER_TEXT_MAX)
        return fail (error, member, "an entry is not a text of 1-200 characters");
    }
  return TRUE;
}

static gboolean
ndb_no (JsonObject *food, GError **error)
{
  JsonNode *n = json_object_get_member (food, "ndb_no");
  const char *s;

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return TRUE;
  s = is_string (n) ? json_node_get_string (n) : NULL;
  if (s == NULL || strlen (s) != 5 || strspn (s, "0123456789") != 5)
    return fail (error, "foods[].ndb_no", "not an SR28 number");
  return TRUE;
}

gboolean
bz_meal_detection_validate (JsonNode *answer, GError **error)
{
  static const char *const per_gram[] = { "protein_g", "carbohydrate_g", "fat_g" };
  JsonObject *o = object_of (answer), *total;
  JsonNode *foods;
  JsonArray *a;

  if (o == NULL)
    return fail (error, "(root)", "not an object");
  if (!text (o, "provider", BZ_PROVIDER_TEXT_MAX, FALSE, error))
    return FALSE;
  foods = json_object_get_member (o, "foods");
  if (foods == NULL || !JSON_NODE_HOLDS_ARRAY (foods))
    return fail (error, "foods", "not a list");
  a = json_node_get_array (foods);
  if (json_array_get_length (a) > BZ_DETECTION_MAX_FOODS)
    return fail (error, "foods", "too many foods");
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *f = object_of (json_array_get_element (a, i));
      double grams;

      if (f == NULL)
        return fail (error, "foods[]", "not an object");
      if (!text (f, "name", BZ_PROVIDER_TEXT_MAX, FALSE, error) ||
          !text (f, "search", BZ_PROVIDER_TEXT_MAX, TRUE, error) ||
          !number (f, "grams", 0, BZ_DETECTION_MAX_GRAMS, TRUE, FALSE, &grams, error) ||
          !number (f, "confidence", 0, 1, FALSE, FALSE, NULL, error) || !ndb_no (f, error) ||
          !number (f, "energy_kcal", 0, 9 * grams, FALSE, TRUE, NULL, error))
        return FALSE;
      for (guint k = 0; k < G_N_ELEMENTS (per_gram); k++)
        if (!number (f, per_gram[k], 0, grams, FALSE, TRUE, NULL, error))
          return FALSE;
    }
  total = object_of (json_object_get_member (o, "total"));
  if (json_object_has_member (o, "total") && total == NULL)
    return fail (error, "total", "not an object");
  if (total)
    {
      GList *members = json_object_get_members (total);
      for (GList *l = members; l; l = l->next)
        if (!number (total, l->data, 0, 1e6, FALSE, FALSE, NULL, error))
          {
            g_list_free (members);
            return FALSE;
          }
      g_list_free (members);
    }
  return TRUE;
}

gboolean
bz_chat_answer_validate (JsonNode *answer, GError **error)
{
  JsonObject *o = object_of (answer);

  if (o == NULL)
    return fail (error, "(root)", "not an object");
  return text (o, "provider", BZ_PROVIDER_TEXT_MAX, FALSE, error) && text (o, "reply", BZ_CHAT_REPLY_MAX, FALSE, error) &&
         text_list (o, "sources", error) && text_list (o, "related_questions", error);
}

gboolean
bz_label_answer_validate (JsonNode *answer, GError **error)
{
  static const char *const grams[] = { "protein_g", "carbohydrate_g", "fat_g" };
  static const char *const optional[] = { "sugar_g", "saturated_fat_g", "fiber_g" };
  JsonObject *o = object_of (answer), *p;
  double carbs, fat, sugar, saturated;

  if (o == NULL)
    return fail (error, "(root)", "not an object");
  if (!text (o, "provider", BZ_PROVIDER_TEXT_MAX, FALSE, error) ||
      !text (o, "product_name", BZ_PROVIDER_TEXT_MAX, TRUE, error) || !text (o, "brand", BZ_PROVIDER_TEXT_MAX, TRUE, error) ||
      !number (o, "serving_size_g", 0, BZ_DETECTION_MAX_GRAMS, TRUE, TRUE, NULL, error))
    return FALSE;
  p = object_of (json_object_get_member (o, "per_100g"));
  if (p == NULL)
    return fail (error, "per_100g", "required");
  if (!number (p, "energy_kcal", 0, 900, FALSE, FALSE, NULL, error) ||
      !number (p, "sodium_mg", 0, 40000, FALSE, TRUE, NULL, error))
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (grams); k++)
    if (!number (p, grams[k], 0, 100, FALSE, FALSE, NULL, error))
      return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (optional); k++)
    if (!number (p, optional[k], 0, 100, FALSE, TRUE, NULL, error))
      return FALSE;
  number (p, "carbohydrate_g", 0, 100, FALSE, FALSE, &carbs, NULL);
  number (p, "fat_g", 0, 100, FALSE, FALSE, &fat, NULL);
  number (p, "sugar_g", 0, 100, FALSE, TRUE, &sugar, NULL);
  number (p, "saturated_fat_g", 0, 100, FALSE, TRUE, &saturated, NULL);
  if (sugar > carbs)
    return fail (error, "per_100g.sugar_g", "more than the carbohydrates");
  if (saturated > fat)
    return fail (error, "per_100g.saturated_fat_g", "more than the fat");
  return TRUE;
}
