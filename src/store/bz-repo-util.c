/* bz-repo-util.c — helpers shared by the repositories (bz-repo-private.h). */
#include "bz-repo-private.h"

#include <math.h>

#include <stdarg.h>
#include <string.h>

#include "bz-json.h"
#include "bz-meal-plan-resources.h"
#include "bz-limits.h"

gboolean
bz_repo_step (sqlite3_stmt *st, gboolean *out_row, GError **error)
{
  int rc = sqlite3_step (st);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    {
      *out_row = rc == SQLITE_ROW;
      return TRUE;
    }
  *out_row = FALSE;
  bz_db_set_error (sqlite3_db_handle (st), rc, error);
  return FALSE;
}

BzRecord *
bz_repo_read_one (sqlite3_stmt *st, const BzResource *res, GError **error)
{
  gboolean have_row;
  BzRecord *rec;
  int col = 0;

  if (!bz_repo_step (st, &have_row, error) || !have_row)
    return NULL;
  rec = bz_record_new (res);
  bz_db_read_record (st, &col, rec);
  return rec;
}

/* --- Records ------------------------------------------------------------------ */

const char *
bz_repo_sql_once (gsize *slot, const char *format, ...)
{
  if (g_once_init_enter (slot))
    {
      GString *sql = g_string_new (NULL);
      va_list ap;

      va_start (ap, format);
      for (const char *p = format; *p; p++)
        {
          if (p[0] == '%' && p[1] == 's')
            {
              const BzResource *res = va_arg (ap, const BzResource *);
              const char *alias = va_arg (ap, const char *);
              bz_db_append_columns (sql, res, alias);
              p++;
            }
          else if (p[0] == '%' && p[1] == '?')
            {
              guint n = bz_db_n_columns (va_arg (ap, const BzResource *));
              for (guint i = 0; i < n; i++)
                g_string_append (sql, i ? ", ?" : "?");
              p++;
            }
          else
            g_string_append_c (sql, *p);
        }
      va_end (ap);
      g_once_init_leave (slot, (gsize) g_string_free (sql, FALSE));
    }
  return (const char *) *slot;
}

gboolean
bz_repo_read_array (sqlite3_stmt *st, BzRecord *parent, guint field, GError **error)
{
  const BzResource *res = bz_record_get_resource (parent)->fields[field].ref;
  gboolean have_row;

  bz_record_set_empty_array (parent, field);
  for (;;)
    {
      BzRecord *rec;
      int col = 0;

      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        return TRUE;
      rec = bz_record_new (res);
      bz_db_read_record (st, &col, rec);
      bz_record_append (parent, field, rec);
    }
}

/* Column @col's JSON text parsed with the stored-data limits, or NULL. */
static JsonNode *
stored_json (sqlite3_stmt *st, int col)
{
  const char *text = (const char *) sqlite3_column_text (st, col);
  return text ? bz_json_parse (text, strlen (text), &bz_json_limits_stored, NULL, NULL) : NULL;
}

void
bz_repo_read_json_numbers (sqlite3_stmt *st, int col, const BzResource *res, double *out)
{
  const char *text = (const char *) sqlite3_column_text (st, col);
  const char *names[64];
  double found[64];

  g_return_if_fail (res->n_fields <= G_N_ELEMENTS (names));
  if (text == NULL)
    return;
  for (guint i = 0; i < res->n_fields; i++)
    {
      names[i] = res->fields[i].name;
      found[i] = NAN;
    }
  if (!bz_json_scan_numbers (text, strlen (text), names, res->n_fields, found))
    {
      g_autoptr(BzRecord) rec = bz_record_new (res);
      bz_repo_read_json_object (st, col, rec);
      for (guint i = 0; i < res->n_fields; i++)
        found[i] = bz_record_has (rec, i) ? bz_record_get_double (rec, i) : NAN;
    }
  for (guint i = 0; i < res->n_fields; i++)
    if (!isnan (found[i]))
      out[i] += found[i];
}

char *
bz_repo_numbers_json (const BzResource *res, const double *values)
{
  GString *s = g_string_new ("{");

  for (guint i = 0; i < res->n_fields; i++)
    {
      if (i)
        g_string_append_c (s, ',');
      bz_json_append_string (s, res->fields[i].name);
      g_string_append_c (s, ':');
      bz_json_append_double (s, values[i]);
    }
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

char *
bz_repo_smae_json (BzRecord *smae)
{
  double values[BZ_SMAE_N_GROUPS] = { 0 };

  bz_smae_record_add (smae, values, 1);   /* field index = BzSmaeGroup */
  return bz_repo_numbers_json (&bz_smae_equivalents_resource, values);
}

/* The strings of @a (other elements skipped). */
static GStrv
strings_of (JsonArray *a)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; a && i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);
      if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
        g_strv_builder_add (b, json_node_get_string (e));
    }
  return g_strv_builder_end (b);
}

void
bz_repo_read_json_object (sqlite3_stmt *st, int col, BzRecord *rec)
{
  const BzResource *res = bz_record_get_resource (rec);
  g_autoptr(JsonNode) root = stored_json (st, col);
  JsonObject *o;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  o = json_node_get_object (root);
  for (guint i = 0; i < res->n_fields; i++)
    {
      const BzField *f = &res->fields[i];
      JsonNode *n = json_object_get_member (o, f->name);
      GType t;

      if (n == NULL)
        continue;
      if (f->type == BZ_FIELD_STRING_ARRAY)
        {
          if (JSON_NODE_HOLDS_ARRAY (n))
            bz_record_take_strv (rec, i, strings_of (json_node_get_array (n)));
          continue;
        }
      if (!JSON_NODE_HOLDS_VALUE (n))
        continue;
      t = json_node_get_value_type (n);
      switch (f->type)
        {
        case BZ_FIELD_NUMBER:
        case BZ_FIELD_INTEGER:
          if (t != G_TYPE_INT64 && t != G_TYPE_DOUBLE)
            break;
          if (f->type == BZ_FIELD_INTEGER)
            bz_record_set_int (rec, i, t == G_TYPE_INT64 ? json_node_get_int (n) : (gint64) json_node_get_double (n));
          else
            bz_record_set_double (rec, i, json_node_get_double (n));
          break;
        case BZ_FIELD_BOOLEAN:
          if (t == G_TYPE_BOOLEAN)
            bz_record_set_boolean (rec, i, json_node_get_boolean (n));
          break;
        case BZ_FIELD_OBJECT:
        case BZ_FIELD_ARRAY:
          break;
        default:
          if (t == G_TYPE_STRING)
            bz_record_set_string (rec, i, json_node_get_string (n));
        }
    }
}

void
bz_repo_read_json_strv (sqlite3_stmt *st, int col, BzRecord *rec, guint field)
{
  g_autoptr(JsonNode) root = stored_json (st, col);

  bz_record_take_strv (rec, field, strings_of (root && JSON_NODE_HOLDS_ARRAY (root) ? json_node_get_array (root) : NULL));
}

gboolean
bz_repo_log_plan_change (sqlite3 *db, const char *plan_id, BzChangeOp op, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "SELECT patient_id FROM meal_plans WHERE id = ?", error);
  g_autofree char *patient_id = NULL;
  gboolean row = FALSE;

  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, plan_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &row, error))
    return FALSE;
  if (row)
    patient_id = bz_db_column_text_dup (st, 0);
  return bz_store_log_patient_change (db, "meal_plans", plan_id, op, patient_id, error);
}

char *
bz_repo_ids_json (const char *const *ids, guint n)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      bz_json_append_string (out, ids[i]);
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

/* Column, bind and clock helpers declared in bz-store.h (moved here from
 * bz-store.c, which keeps to connections, migrations and changes). */

char *
bz_db_column_text_dup (sqlite3_stmt *stmt, int col)
{
  const unsigned char *t = sqlite3_column_text (stmt, col);
  return t ? g_strdup ((const char *) t) : NULL;
}

void
bz_db_bind_text_or_null (sqlite3_stmt *stmt, int idx, const char *text)
{
  if (text)
    sqlite3_bind_text (stmt, idx, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, idx);
}

char *
bz_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}
