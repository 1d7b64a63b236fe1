/* bz-social-groups-repo.c — groups, family circles and their members
 * (bz-social-repo.h; data/sql/028_social.sql).  member_count is kept here in
 * the same transaction as the membership row. */
#include "bz-social-repo.h"

#include "bz-repo-private.h"

static gboolean
exec3 (sqlite3 *db, const char *sql, const char *a, const char *b, const char *c, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, sql, error);
  if (!st)
    return FALSE;
  bz_db_bind_text_or_null (st, 1, a);
  bz_db_bind_text_or_null (st, 2, b);
  bz_db_bind_text_or_null (st, 3, c);
  return bz_db_step_done (st, error);
}

/* One text column of one row: @out NULL when no row or NULL. */
static gboolean
text_of (sqlite3 *db, const char *sql, const char *a, const char *b, char **out, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, sql, error);
  gboolean row;

  *out = NULL;
  if (!st)
    return FALSE;
  bz_db_bind_text_or_null (st, 1, a);
  bz_db_bind_text_or_null (st, 2, b);
  if (!bz_repo_step (st, &row, error))
    return FALSE;
  *out = row ? bz_db_column_text_dup (st, 0) : NULL;
  return TRUE;
}

/* --- Groups --------------------------------------------------------------------------- */

gboolean
bz_social_repo_insert_group (BzStore *store, BzRecord *group, const char *invite_hash, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  const char *id = bz_record_get_string (group, BZ_GROUP_ID);
  const char *by = bz_record_get_string (group, BZ_GROUP_CREATED_BY);
  const char *now = bz_record_get_string (group, BZ_GROUP_CREATED_AT);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "INSERT INTO social_groups (id, name, description, type, created_by, invite_code_hash, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, bz_record_get_string (group, BZ_GROUP_NAME), -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 3, bz_record_get_string (group, BZ_GROUP_DESCRIPTION));
  sqlite3_bind_text (st, 4, bz_record_get_string (group, BZ_GROUP_TYPE), -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 5, by, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 6, invite_hash);
  sqlite3_bind_text (st, 7, now, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error) &&
         bz_store_log_change (db, "social_groups", id, BZ_CHANGE_INSERT, error) &&
         bz_social_repo_add_group_member (store, id, by, "admin", NULL, error);
}

BzRecord *
bz_social_repo_get_group (BzStore *store, const char *group_id, const char *viewer_id, char **out_invite_hash,
                          GError **error)
{
  static gsize sql;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      "SELECT %s, (SELECT role FROM group_members m WHERE m.group_id = g.id AND m.user_id = ?2), g.invite_code_hash"
      " FROM social_groups g WHERE g.id = ?1 AND g.deleted_at IS NULL", &bz_group_resource, "g"), error);
  BzRecord *g;
  gboolean row;
  int col = 0;

  if (out_invite_hash)
    *out_invite_hash = NULL;
  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, group_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, viewer_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &row, error) || !row)
    return NULL;
  g = bz_record_new (&bz_group_resource);
  bz_db_read_record (st, &col, g);
  if (sqlite3_column_type (st, col) == SQLITE_NULL)
    bz_record_set_null (g, BZ_GROUP_MY_ROLE);
  else
    bz_record_set_string (g, BZ_GROUP_MY_ROLE, (const char *) sqlite3_column_text (st, col));
  bz_record_set_null (g, BZ_GROUP_INVITE_CODE);
  if (out_invite_hash)
    *out_invite_hash = bz_db_column_text_dup (st, col + 1);
  return g;
}

gboolean
bz_social_repo_set_group_invite (BzStore *store, const char *group_id, const char *invite_hash, GError **error)
{
  g_autofree char *now = bz_now_iso8601 ();
  return exec3 (bz_store_db (store), "UPDATE social_groups SET invite_code_hash = ?2, updated_at = ?3 WHERE id = ?1",
                group_id, invite_hash, now, error) &&
         bz_store_log_change (bz_store_db (store), "social_groups", group_id, BZ_CHANGE_UPDATE, error);
}

gboolean
bz_social_repo_add_group_member (BzStore *store, const char *group_id, const char *user_id, const char *role,
                                 const char *invited_by, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *now = bz_now_iso8601 ();
  g_autofree char *row_id = g_strdup_printf ("%s:%s", group_id, user_id);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "INSERT INTO group_members (group_id, user_id, role, joined_at, invited_by) VALUES (?1, ?2, ?3, ?4, ?5)", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, group_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, role, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, now, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 5, invited_by);
  if (!bz_db_step_done (st, error))
    return FALSE;
  if (g_strcmp0 (role, "pending") != 0 &&
      !exec3 (db, "UPDATE social_groups SET member_count = member_count + 1 WHERE id = ?1", group_id, NULL, NULL, error))
    return FALSE;
  return bz_social_repo_log (store, "group_members", row_id, BZ_CHANGE_INSERT, user_id, error);
}

gboolean
bz_social_repo_remove_group_member (BzStore *store, const char *group_id, const char *user_id, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *row_id = g_strdup_printf ("%s:%s", group_id, user_id);
  g_autofree char *role = NULL;

  if (!text_of (db, "SELECT role FROM group_members WHERE group_id = ?1 AND user_id = ?2", group_id, user_id, &role, error))
    return FALSE;
  if (role == NULL)
    return TRUE;
  if (!exec3 (db, "DELETE FROM group_members WHERE group_id = ?1 AND user_id = ?2", group_id, user_id, NULL, error))
    return FALSE;
  if (g_strcmp0 (role, "pending") != 0 &&
      !exec3 (db, "UPDATE social_groups SET member_count = member_count - 1 WHERE id = ?1", group_id, NULL, NULL, error))
    return FALSE;
  return bz_social_repo_log (store, "group_members", row_id, BZ_CHANGE_DELETE, user_id, error);
}

gboolean
bz_social_repo_group_role (BzStore *store, const char *group_id, const char *user_id, char **out_role, GError **error)
{
  return text_of (bz_store_db (store), "SELECT role FROM group_members WHERE group_id = ?1 AND user_id = ?2",
                  group_id, user_id, out_role, error);
}

gboolean
bz_social_repo_set_group_role (BzStore *store, const char *group_id, const char *user_id, const char *role,
                               GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *row_id = g_strdup_printf ("%s:%s", group_id, user_id);
  g_autofree char *old = NULL;

  if (!bz_social_repo_group_role (store, group_id, user_id, &old, error))
    return FALSE;
  if (g_strcmp0 (old, "pending") == 0 &&
      !exec3 (db, "UPDATE social_groups SET member_count = member_count + 1 WHERE id = ?1", group_id, NULL, NULL, error))
    return FALSE;
  return exec3 (db, "UPDATE group_members SET role = ?3 WHERE group_id = ?1 AND user_id = ?2", group_id, user_id, role,
                error) &&
         bz_social_repo_log (store, "group_members", row_id, BZ_CHANGE_UPDATE, user_id, error);
}

gboolean
bz_social_repo_group_admins (BzStore *store, const char *group_id, gint64 *out_n, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT count(*) FROM group_members WHERE group_id = ?1 AND role = 'admin'", error);
  gboolean row;

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, group_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &row, error))
    return FALSE;
  *out_n = row ? sqlite3_column_int64 (st, 0) : 0;
  return TRUE;
}

/* --- Family circles ---------------------------------------------------------------------- */

gboolean
bz_social_repo_insert_circle (BzStore *store, BzRecord *circle, const char *owner_user_id, const char *invite_hash,
                              GError **error)
{
  sqlite3 *db = bz_store_db (store);
  const char *id = bz_record_get_string (circle, BZ_FAMILY_CIRCLE_ID);
  const char *now = bz_record_get_string (circle, BZ_FAMILY_CIRCLE_CREATED_AT);
  const char *const *goals = bz_record_get_strv (circle, BZ_FAMILY_CIRCLE_FAMILY_GOALS);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *goals_json = NULL;
  g_autoptr(sqlite3_stmt) st = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; goals && goals[i]; i++)
    json_builder_add_string_value (b, goals[i]);
  json_builder_end_array (b);
  {
    g_autoptr(JsonNode) root = json_builder_get_root (b);
    goals_json = json_to_string (root, FALSE);
  }
  st = bz_db_prepare (db,
      "INSERT INTO family_circles (id, name, description, owner_id, nutritionist_id, family_goals, invite_code_hash,"
      " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", error);
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, bz_record_get_string (circle, BZ_FAMILY_CIRCLE_NAME), -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 3, bz_record_get_string (circle, BZ_FAMILY_CIRCLE_DESCRIPTION));
  sqlite3_bind_text (st, 4, bz_record_get_string (circle, BZ_FAMILY_CIRCLE_OWNER_ID), -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 5, bz_record_get_string (circle, BZ_FAMILY_CIRCLE_NUTRITIONIST_ID), -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 6, goals_json, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 7, invite_hash);
  sqlite3_bind_text (st, 8, now, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error) &&
         bz_social_repo_log (store, "family_circles", id, BZ_CHANGE_INSERT, owner_user_id, error) &&
         bz_social_repo_add_circle_member (store, id, owner_user_id, "owner", NULL, error) &&
         bz_social_repo_add_circle_member (store, id, bz_record_get_string (circle, BZ_FAMILY_CIRCLE_NUTRITIONIST_ID),
                                           "nutritionist", NULL, error);
}

BzRecord *
bz_social_repo_get_circle (BzStore *store, const char *circle_id, const char *viewer_id, char **out_invite_hash,
                           GError **error)
{
  static gsize sql, members_sql;
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, bz_repo_sql_once (&sql,
      "SELECT %s, c.family_goals, m.role, c.invite_code_hash FROM family_circles c"
      " JOIN family_circle_members m ON m.circle_id = c.id AND m.user_id = ?2 WHERE c.id = ?1",
      &bz_family_circle_resource, "c"), error);
  g_autoptr(BzRecord) c = NULL;
  gboolean row;
  int col = 0;

  if (out_invite_hash)
    *out_invite_hash = NULL;
  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, circle_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, viewer_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &row, error) || !row)
    return NULL;
  c = bz_record_new (&bz_family_circle_resource);
  bz_db_read_record (st, &col, c);
  bz_repo_read_json_strv (st, col, c, BZ_FAMILY_CIRCLE_FAMILY_GOALS);
  bz_record_set_string (c, BZ_FAMILY_CIRCLE_MY_ROLE, (const char *) sqlite3_column_text (st, col + 1));
  bz_record_set_null (c, BZ_FAMILY_CIRCLE_INVITE_CODE);
  if (out_invite_hash)
    *out_invite_hash = bz_db_column_text_dup (st, col + 2);
  bz_db_stmt_release (g_steal_pointer (&st));

  {
    g_autoptr(sqlite3_stmt) ms = bz_db_prepare (db, bz_repo_sql_once (&members_sql,
        "SELECT %s, u.first_name, u.last_name FROM family_circle_members m JOIN users u ON u.id = m.user_id"
        " WHERE m.circle_id = ?1 ORDER BY m.joined_at, m.user_id", &bz_circle_member_resource, "m"), error);
    if (!ms)
      return NULL;
    sqlite3_bind_text (ms, 1, circle_id, -1, SQLITE_STATIC);
    bz_record_set_empty_array (c, BZ_FAMILY_CIRCLE_MEMBERS);
    for (;;)
      {
        BzRecord *m;
        int mc = 0;
        if (!bz_repo_step (ms, &row, error))
          return NULL;
        if (!row)
          break;
        m = bz_record_new (&bz_circle_member_resource);
        bz_db_read_record (ms, &mc, m);
        bz_record_take_string (m, BZ_CIRCLE_MEMBER_FULL_NAME, g_strdup_printf ("%s %s", sqlite3_column_text (ms, mc),
                                                                               sqlite3_column_text (ms, mc + 1)));
        bz_record_append (c, BZ_FAMILY_CIRCLE_MEMBERS, m);
      }
  }
  return g_steal_pointer (&c);
}

gboolean
bz_social_repo_circle_invite_hash (BzStore *store, const char *circle_id, char **out_hash, GError **error)
{
  return text_of (bz_store_db (store), "SELECT invite_code_hash FROM family_circles WHERE id = ?1", circle_id, NULL,
                  out_hash, error);
}

gboolean
bz_social_repo_circle_role (BzStore *store, const char *circle_id, const char *user_id, char **out_role, GError **error)
{
  return text_of (bz_store_db (store), "SELECT role FROM family_circle_members WHERE circle_id = ?1 AND user_id = ?2",
                  circle_id, user_id, out_role, error);
}

gboolean
bz_social_repo_set_circle_invite (BzStore *store, const char *circle_id, const char *invite_hash, GError **error)
{
  g_autofree char *now = bz_now_iso8601 ();
  return exec3 (bz_store_db (store), "UPDATE family_circles SET invite_code_hash = ?2, updated_at = ?3 WHERE id = ?1",
                circle_id, invite_hash, now, error) &&
         bz_store_log_change (bz_store_db (store), "family_circles", circle_id, BZ_CHANGE_UPDATE, error);
}

gboolean
bz_social_repo_add_circle_member (BzStore *store, const char *circle_id, const char *user_id, const char *role,
                                  const char *relationship, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *now = bz_now_iso8601 ();
  g_autofree char *row_id = g_strdup_printf ("%s:%s", circle_id, user_id);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "INSERT INTO family_circle_members (circle_id, user_id, role, relationship, joined_at) VALUES (?1, ?2, ?3, ?4, ?5)",
      error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, circle_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, role, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 4, relationship);
  sqlite3_bind_text (st, 5, now, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error) &&
         exec3 (db, "UPDATE family_circles SET member_count = member_count + 1 WHERE id = ?1", circle_id, NULL, NULL, error) &&
         bz_social_repo_log (store, "family_circle_members", row_id, BZ_CHANGE_INSERT, user_id, error);
}

gboolean
bz_social_repo_remove_circle_member (BzStore *store, const char *circle_id, const char *user_id, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *row_id = g_strdup_printf ("%s:%s", circle_id, user_id);
  return exec3 (db, "DELETE FROM family_circle_members WHERE circle_id = ?1 AND user_id = ?2", circle_id, user_id, NULL,
                error) &&
         /* changes(): the DELETE's, so a non-member leaves the count as it is. */
         exec3 (db, "UPDATE family_circles SET member_count = member_count - 1 WHERE id = ?1 AND changes () > 0",
                circle_id, NULL, NULL, error) &&
         bz_social_repo_log (store, "family_circle_members", row_id, BZ_CHANGE_DELETE, user_id, error);
}

gboolean
bz_social_repo_update_circle (BzStore *store, const char *circle_id, const char *name, const char *description,
                              const char *goals_json, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *now = bz_now_iso8601 ();
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "UPDATE family_circles SET name = coalesce (?2, name), description = coalesce (?3, description),"
      " family_goals = coalesce (?4, family_goals), updated_at = ?5 WHERE id = ?1", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, circle_id, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 2, name);
  bz_db_bind_text_or_null (st, 3, description);
  bz_db_bind_text_or_null (st, 4, goals_json);
  sqlite3_bind_text (st, 5, now, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error) && bz_store_log_change (db, "family_circles", circle_id, BZ_CHANGE_UPDATE, error);
}

gboolean
bz_social_repo_patient_of_user (BzStore *store, const char *user_id, char **out_patient_id, char **out_nutritionist_id,
                                GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT id, nutritionist_id FROM patients WHERE user_id = ?1", error);
  gboolean row;

  *out_patient_id = *out_nutritionist_id = NULL;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &row, error))
    return FALSE;
  if (row)
    {
      *out_patient_id = bz_db_column_text_dup (st, 0);
      *out_nutritionist_id = bz_db_column_text_dup (st, 1);
    }
  return TRUE;
}
