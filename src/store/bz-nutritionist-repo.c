/* bz-nutritionist-repo.c — the nutritionist's profile (bz-nutritionist-repo.h). */
#include "bz-nutritionist-repo.h"

#include <json-glib/json-glib.h>

#include <string.h>

#include "bz-json.h"
#include "bz-limits.h"
#include "bz-repo-private.h"

/* The day fields of WorkingHours, in declaration order. */
static const guint week_fields[] = {
  BZ_WORKING_HOURS_MONDAY, BZ_WORKING_HOURS_TUESDAY, BZ_WORKING_HOURS_WEDNESDAY, BZ_WORKING_HOURS_THURSDAY,
  BZ_WORKING_HOURS_FRIDAY, BZ_WORKING_HOURS_SATURDAY, BZ_WORKING_HOURS_SUNDAY,
};

/* Stored {"monday": {"start": "09:00", "end": "18:00"}, ...} as a WorkingHours record. */
static BzRecord *
read_week (sqlite3_stmt *st, int col)
{
  BzRecord *week = bz_record_new (&bz_working_hours_resource);
  const char *text = (const char *) sqlite3_column_text (st, col);
  g_autoptr(JsonNode) root = text ? bz_json_parse (text, strlen (text), &bz_json_limits_stored, NULL, NULL) : NULL;
  JsonObject *o = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (week_fields); i++)
    {
      const char *day = bz_working_hours_resource.fields[week_fields[i]].name;
      JsonNode *n = o ? json_object_get_member (o, day) : NULL;
      JsonObject *h = n && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      const char *start = h ? json_object_get_string_member_with_default (h, "start", NULL) : NULL;
      const char *end = h ? json_object_get_string_member_with_default (h, "end", NULL) : NULL;
      if (start && end)
        {
          BzRecord *hours = bz_record_new (&bz_day_hours_resource);
          bz_record_set_string (hours, BZ_DAY_HOURS_START, start);
          bz_record_set_string (hours, BZ_DAY_HOURS_END, end);
          bz_record_take_object (week, week_fields[i], hours);
        }
      else
        bz_record_set_null (week, week_fields[i]);
    }
  return week;
}

gboolean
bz_nutritionist_repo_profile (BzStore *store, const char *user_id, BzRecord **out, GError **error)
{
  static gsize sql;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      "SELECT %s, u.first_name || ' ' || u.last_name, u.email, n.specializations, n.working_hours"
      " FROM nutritionists n JOIN users u ON u.id = n.user_id WHERE n.user_id = ?1",
      &bz_nutritionist_profile_resource, "n"), error);
  g_autoptr(BzRecord) rec = NULL;
  gboolean have_row;
  int col = 0;

  *out = NULL;
  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (!have_row)
    return TRUE;
  rec = bz_record_new (&bz_nutritionist_profile_resource);
  bz_db_read_record (st, &col, rec);
  bz_record_set_string (rec, BZ_NUTRITIONIST_PROFILE_FULL_NAME, (const char *) sqlite3_column_text (st, col));
  bz_record_set_string (rec, BZ_NUTRITIONIST_PROFILE_EMAIL, (const char *) sqlite3_column_text (st, col + 1));
  bz_repo_read_json_strv (st, col + 2, rec, BZ_NUTRITIONIST_PROFILE_SPECIALIZATIONS);
  bz_record_take_object (rec, BZ_NUTRITIONIST_PROFILE_WORKING_HOURS, read_week (st, col + 3));
  /* SQLite stores booleans as 0/1 integers: bz_db_read_record() reads them for BOOLEAN fields */
  *out = g_steal_pointer (&rec);
  return TRUE;
}

static char *
strv_json (const char *const *strv)
{
  g_autoptr(JsonArray) a = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; strv && strv[i]; i++)
    json_array_add_string_element (a, strv[i]);
  json_node_set_array (node, a);
  return json_to_string (node, FALSE);
}

static char *
week_json (BzRecord *week)
{
  g_autoptr(JsonObject) o = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < G_N_ELEMENTS (week_fields); i++)
    {
      BzRecord *h = bz_record_get_object (week, week_fields[i]);
      JsonObject *d;
      if (h == NULL)
        continue;
      d = json_object_new ();
      json_object_set_string_member (d, "start", bz_record_get_string (h, BZ_DAY_HOURS_START));
      json_object_set_string_member (d, "end", bz_record_get_string (h, BZ_DAY_HOURS_END));
      json_object_set_object_member (o, bz_working_hours_resource.fields[week_fields[i]].name, d);
    }
  json_node_set_object (node, o);
  return json_to_string (node, FALSE);
}

gboolean
bz_nutritionist_repo_update_profile (BzStore *store, const char *user_id, BzRecord *changes,
                                     const char *now, gboolean *out_found, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(GString) sql = g_string_new ("UPDATE nutritionists SET updated_at = ?");
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);   /* JSON bound as text */
  g_autoptr(sqlite3_stmt) st = NULL;
  g_autoptr(GPtrArray) bound = g_ptr_array_new ();   /* field index + 1, in bind order */
  g_autofree char *nid = NULL;
  int param = 1;

  *out_found = FALSE;
  /* The SET list follows the fields present: a PATCH names a few. */
  if (bz_record_has (changes, BZ_NUTRITIONIST_PROFILE_PROFESSIONAL_LICENSE))
    g_string_append (sql, ", license_status = CASE WHEN professional_license = ?2 THEN license_status ELSE 'pending' END,"
                          " license_verified_at = CASE WHEN professional_license = ?2 THEN license_verified_at ELSE NULL END");
  for (guint i = 0; i < bz_nutritionist_profile_resource.n_fields; i++)
    {
      const BzField *f = &bz_nutritionist_profile_resource.fields[i];
      if ((f->flags & BZ_FIELD_READ_ONLY) || !bz_record_has (changes, i))
        continue;
      if (f->column)
        g_string_append_printf (sql, ", %s = ?", f->column);
      else if (i == BZ_NUTRITIONIST_PROFILE_SPECIALIZATIONS)
        g_string_append (sql, ", specializations = ?");
      else if (i == BZ_NUTRITIONIST_PROFILE_WORKING_HOURS)
        g_string_append (sql, ", working_hours = ?");
      else
        continue;
      g_ptr_array_add (bound, GUINT_TO_POINTER (i + 1));
    }
  g_string_append (sql, " WHERE user_id = ? RETURNING id");
  if (!(st = bz_db_prepare (db, sql->str, error)))
    return FALSE;
  sqlite3_bind_text (st, param++, now, -1, SQLITE_STATIC);
  if (bz_record_has (changes, BZ_NUTRITIONIST_PROFILE_PROFESSIONAL_LICENSE))
    sqlite3_bind_text (st, param++, bz_record_get_string (changes, BZ_NUTRITIONIST_PROFILE_PROFESSIONAL_LICENSE), -1,
                       SQLITE_STATIC);
  for (guint k = 0; k < bound->len; k++)
    {
      guint i = GPOINTER_TO_UINT (g_ptr_array_index (bound, k)) - 1;
      const BzField *f = &bz_nutritionist_profile_resource.fields[i];
      int p = param++;
      if (i == BZ_NUTRITIONIST_PROFILE_SPECIALIZATIONS)
        {
          char *j = strv_json (bz_record_get_strv (changes, i));
          g_ptr_array_add (texts, j);
          sqlite3_bind_text (st, p, j, -1, SQLITE_STATIC);
        }
      else if (i == BZ_NUTRITIONIST_PROFILE_WORKING_HOURS)
        {
          char *j = week_json (bz_record_get_object (changes, i));
          g_ptr_array_add (texts, j);
          sqlite3_bind_text (st, p, j, -1, SQLITE_STATIC);
        }
      else if (f->type == BZ_FIELD_INTEGER)
        sqlite3_bind_int64 (st, p, bz_record_get_int (changes, i));
      else if (f->type == BZ_FIELD_BOOLEAN)
        sqlite3_bind_int (st, p, bz_record_get_boolean (changes, i) ? 1 : 0);
      else
        {
          const char *text = bz_record_get_string (changes, i);
          bz_db_bind_text_or_null (st, p, text && *text ? text : NULL);   /* "" clears */
        }
    }
  sqlite3_bind_text (st, param, user_id, -1, SQLITE_STATIC);
  {
    gboolean have_row;
    if (!bz_repo_step (st, &have_row, error))
      return FALSE;
    if (!have_row)
      return TRUE;
    nid = bz_db_column_text_dup (st, 0);
  }
  g_clear_pointer (&st, bz_db_stmt_release);
  *out_found = TRUE;
  return bz_store_log_change (db, "nutritionists", nid, BZ_CHANGE_UPDATE, error);
}

gboolean
bz_nutritionist_repo_set_license_status (BzStore *store, const char *email, const char *status,
                                         const char *now, gboolean *out_found, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = NULL;
  g_autofree char *nid = NULL;
  gboolean have_row;

  *out_found = FALSE;
  if (!(st = bz_db_prepare (db,
                            "UPDATE nutritionists SET license_status = ?1,"
                            " license_verified_at = CASE WHEN ?1 = 'verified' THEN ?2 ELSE NULL END, updated_at = ?2"
                            " WHERE user_id = (SELECT id FROM users WHERE email = ?3 COLLATE NOCASE) RETURNING id",
                            error)))
    return FALSE;
  sqlite3_bind_text (st, 1, status, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, email, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (!have_row)
    return TRUE;
  nid = bz_db_column_text_dup (st, 0);
  g_clear_pointer (&st, bz_db_stmt_release);
  *out_found = TRUE;
  return bz_store_log_change (db, "nutritionists", nid, BZ_CHANGE_UPDATE, error);
}
