/* bz-sync-repo.c — the change log for the phones' delta sync (bz-sync-repo.h). */
#include "bz-sync-repo.h"

#include "bz-repo-private.h"
#include "bz-resources.h"

void
bz_sync_change_free (BzSyncChange *change)
{
  if (change == NULL)
    return;
  g_free (change->table);
  g_free (change->row_id);
  g_free (change);
}

gboolean
bz_sync_repo_bounds (BzStore *store, gint64 *out_horizon, gint64 *out_latest, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT (SELECT version FROM sync_horizon WHERE id = 1), (SELECT max(version) FROM changes)", error);
  gboolean row = FALSE;

  *out_horizon = *out_latest = 0;
  if (st == NULL || !bz_repo_step (st, &row, error))
    return FALSE;
  if (row)
    {
      *out_horizon = sqlite3_column_int64 (st, 0);
      /* The prune may have removed the newest change (a tombstone): the
       * log's versions still reached the horizon (AUTOINCREMENT never
       * hands out a version again). */
      *out_latest = MAX (sqlite3_column_int64 (st, 1), *out_horizon);
    }
  return TRUE;
}

/* The patients' tables of the sync (their changes carry patient_id) and the
 * catalogue's (recipes: visibility by status and author). */
#define SYNC_PATIENT_TABLES "('meal_logs','body_scans','avatars','meal_plans','patients')"

/* NOT INDEXED: the walk follows the primary key from @since (SQLite still
 * uses the rowid range), so an empty delta reads only the changes since the
 * cursor and a full sync reads the log once over its pages.  Without it the
 * planner picks a MULTI-INDEX OR over idx_changes_row (every change of the
 * patients' tables, whatever the cursor) and sorts. */
gboolean
bz_sync_repo_page (BzStore *store, const BzSyncScope *scope, gint64 since, gint64 until, guint limit,
                   GPtrArray **out, gboolean *out_has_more, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT version, table_name, row_id, op FROM changes NOT INDEXED"
      " WHERE version > ?1 AND version <= ?2 AND ("
      "  (table_name IN " SYNC_PATIENT_TABLES " AND patient_id IS NOT NULL AND"
      "   (patient_id = ?3 OR patient_id IN (SELECT id FROM patients WHERE nutritionist_id = ?4)))"
      "  OR (table_name = 'recipes' AND (op = 'delete' OR"
      "   row_id IN (SELECT id FROM recipes WHERE is_published = 1 OR author_id = ?5))))"
      " ORDER BY version LIMIT ?6", error);
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) bz_sync_change_free);
  gboolean row;

  *out_has_more = FALSE;
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, since);
  sqlite3_bind_int64 (st, 2, until);
  bz_db_bind_text_or_null (st, 3, scope->patient_id);
  bz_db_bind_text_or_null (st, 4, scope->nutritionist_id);
  bz_db_bind_text_or_null (st, 5, scope->viewer_id);
  sqlite3_bind_int64 (st, 6, (gint64) limit + 1);   /* one more: is there a next page? */
  for (;;)
    {
      BzSyncChange *c;
      const char *op;

      if (!bz_repo_step (st, &row, error))
        return FALSE;
      if (!row)
        break;
      if (changes->len == limit)
        {
          *out_has_more = TRUE;
          break;
        }
      c = g_new0 (BzSyncChange, 1);
      c->version = sqlite3_column_int64 (st, 0);
      c->table = bz_db_column_text_dup (st, 1);
      c->row_id = bz_db_column_text_dup (st, 2);
      op = (const char *) sqlite3_column_text (st, 3);
      c->op = g_strcmp0 (op, "delete") == 0 ? BZ_CHANGE_DELETE
            : g_strcmp0 (op, "insert") == 0 ? BZ_CHANGE_INSERT : BZ_CHANGE_UPDATE;
      g_ptr_array_add (changes, c);
    }
  *out = g_steal_pointer (&changes);
  return TRUE;
}

/* Reads every row of @st as a record of @res into a new array. */
static gboolean
read_all (sqlite3_stmt *st, const BzResource *res, GPtrArray **out, GError **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean row;

  for (;;)
    {
      BzRecord *rec;
      int col = 0;

      if (!bz_repo_step (st, &row, error))
        return FALSE;
      if (!row)
        break;
      rec = bz_record_new (res);
      bz_db_read_record (st, &col, rec);
      g_ptr_array_add (records, rec);
    }
  *out = g_steal_pointer (&records);
  return TRUE;
}

gboolean
bz_sync_repo_plans_get_many (BzStore *store, const char *const *ids, guint n, gboolean with_drafts,
                             GPtrArray **out, GError **error)
{
  static gsize sql;
  g_autofree char *json = bz_repo_ids_json (ids, n);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      "SELECT %s FROM meal_plans WHERE id IN (SELECT value FROM json_each (?1)) AND (?2 = 1 OR status <> 'draft')",
      &bz_meal_plan_summary_resource, NULL), error);

  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, json, -1, SQLITE_STATIC);
  sqlite3_bind_int (st, 2, with_drafts ? 1 : 0);
  return read_all (st, &bz_meal_plan_summary_resource, out, error);
}

gboolean
bz_sync_repo_avatars_get_many (BzStore *store, const char *const *ids, guint n, GPtrArray **out, GError **error)
{
  static gsize sql;
  g_autofree char *json = bz_repo_ids_json (ids, n);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      "SELECT %s FROM avatars WHERE id IN (SELECT value FROM json_each (?1))", &bz_avatar_resource, NULL), error);

  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, json, -1, SQLITE_STATIC);
  if (!read_all (st, &bz_avatar_resource, out, error))
    return FALSE;
  /* As bz-scan-repo.c's Scan shows its avatar. */
  for (guint i = 0; i < (*out)->len; i++)
    {
      BzRecord *a = g_ptr_array_index (*out, i);
      bz_record_take_string (a, BZ_AVATAR_URL, g_strdup_printf ("/api/v1/avatars/%s.glb",
                                                                bz_record_get_string (a, BZ_AVATAR_ID)));
      bz_record_set_string (a, BZ_AVATAR_FORMAT, "model/gltf-binary");
    }
  return TRUE;
}

gboolean
bz_sync_repo_prune (BzStore *store, const char *before, guint *out_pruned, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  gint64 highest = 0;
  guint pruned = 0;
  gboolean row;

  if (out_pruned)
    *out_pruned = 0;
  if (!bz_store_begin (store, error))
    return FALSE;
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "DELETE FROM changes WHERE at < ?1 AND ("
        " table_name NOT IN " SYNC_PATIENT_TABLES " AND table_name <> 'recipes' OR op = 'delete'"
        " OR version < (SELECT max(l.version) FROM changes l"
        "               WHERE l.table_name = changes.table_name AND l.row_id = changes.row_id))"
        " RETURNING version", error);
    if (st == NULL)
      goto fail;
    sqlite3_bind_text (st, 1, before, -1, SQLITE_STATIC);
    for (;;)
      {
        if (!bz_repo_step (st, &row, error))
          goto fail;
        if (!row)
          break;
        highest = MAX (highest, sqlite3_column_int64 (st, 0));
        pruned++;
      }
  }
  if (pruned > 0)
    {
      g_autoptr(sqlite3_stmt) h = bz_db_prepare (db,
          "UPDATE sync_horizon SET version = max(version, ?1) WHERE id = 1", error);
      if (h == NULL)
        goto fail;
      sqlite3_bind_int64 (h, 1, highest);
      if (!bz_db_step_done (h, error))
        goto fail;
    }
  if (!bz_store_commit (store, error))
    goto fail;
  if (out_pruned)
    *out_pruned = pruned;
  return TRUE;

fail:
  bz_store_rollback (store);
  return FALSE;
}
