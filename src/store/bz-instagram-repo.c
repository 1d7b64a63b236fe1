/* bz-instagram-repo.c — Instagram sharing's tables (bz-instagram-repo.h;
 * data/sql/049_instagram.sql). */
#include "bz-instagram-repo.h"

#include <sodium.h>
#include <string.h>

#include "bz-record-store.h"
#include "bz-repo-private.h"

/* --- States ---------------------------------------------------------------------- */

gboolean
bz_instagram_repo_add_state (BzStore *store, const char *state_hash, const char *user_id, const char *redirect_uri,
                             gint64 expires_at_ms, gint64 now_ms, guint keep, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) purge = bz_db_prepare (db, "DELETE FROM instagram_oauth_states WHERE expires_at_ms <= ?", error);
  g_autoptr(sqlite3_stmt) trim = NULL, insert = NULL;
  g_autofree char *now = bz_now_iso8601 ();

  if (!purge)
    return FALSE;
  sqlite3_bind_int64 (purge, 1, now_ms);
  if (!bz_db_step_done (purge, error))
    return FALSE;
  trim = bz_db_prepare (db, "DELETE FROM instagram_oauth_states WHERE user_id = ?1 AND state_hash NOT IN"
                            " (SELECT state_hash FROM instagram_oauth_states WHERE user_id = ?1"
                            "  ORDER BY expires_at_ms DESC, state_hash LIMIT ?2)", error);
  if (!trim)
    return FALSE;
  sqlite3_bind_text (trim, 1, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (trim, 2, keep > 0 ? keep - 1 : 0);
  if (!bz_db_step_done (trim, error))
    return FALSE;
  insert = bz_db_prepare (db, "INSERT INTO instagram_oauth_states (state_hash, user_id, redirect_uri, expires_at_ms,"
                              " created_at) VALUES (?, ?, ?, ?, ?)", error);
  if (!insert)
    return FALSE;
  sqlite3_bind_text (insert, 1, state_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, redirect_uri, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 4, expires_at_ms);
  sqlite3_bind_text (insert, 5, now, -1, SQLITE_STATIC);
  return bz_db_step_done (insert, error);
}

gboolean
bz_instagram_repo_take_state (BzStore *store, const char *state_hash, gint64 now_ms, char **out_user_id,
                              char **out_redirect_uri, gboolean *out_expired, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "SELECT user_id, redirect_uri, expires_at_ms FROM instagram_oauth_states"
                                                  " WHERE state_hash = ?", error);
  g_autoptr(sqlite3_stmt) del = NULL;
  gboolean have_row;

  *out_user_id = NULL;
  *out_redirect_uri = NULL;
  *out_expired = FALSE;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, state_hash, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (!have_row)
    return TRUE;
  if (sqlite3_column_int64 (st, 2) <= now_ms)
    {
      *out_expired = TRUE;
      return TRUE;
    }
  del = bz_db_prepare (db, "DELETE FROM instagram_oauth_states WHERE state_hash = ?", error);
  if (!del)
    return FALSE;
  sqlite3_bind_text (del, 1, state_hash, -1, SQLITE_STATIC);
  if (!bz_db_step_done (del, error))
    return FALSE;
  *out_user_id = bz_db_column_text_dup (st, 0);
  *out_redirect_uri = bz_db_column_text_dup (st, 1);
  return TRUE;
}

/* --- Connections ----------------------------------------------------------------- */

gboolean
bz_instagram_repo_save_connection (BzStore *store, const char *user_id, const char *instagram_user_id,
                                   const char *username, const char *account_type, const char *access_token,
                                   const char *expires_at, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) other = bz_db_prepare (db, "SELECT 1 FROM instagram_connections WHERE instagram_user_id = ?"
                                                     " AND user_id <> ?", error);
  g_autoptr(sqlite3_stmt) st = NULL;
  g_autofree char *id = g_uuid_string_random (), *now = bz_now_iso8601 ();
  gboolean have_row;

  if (!other)
    return FALSE;
  sqlite3_bind_text (other, 1, instagram_user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (other, 2, user_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (other, &have_row, error))
    return FALSE;
  if (have_row)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_CONFLICT, "This Instagram account is connected to another user");
      return FALSE;
    }
  /* The id of an existing connection stays (the token's seal is bound to it). */
  st = bz_db_prepare (db,
      "INSERT INTO instagram_connections (id, user_id, instagram_user_id, instagram_username, account_type,"
      " access_token, expires_at, scopes, connected_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, bz_seal('instagram_connections', 'access_token', ?1, ?6), ?7,"
      " '[\"user_profile\",\"user_media\",\"instagram_content_publish\"]', ?8, ?8)"
      " ON CONFLICT (user_id) DO UPDATE SET instagram_user_id = excluded.instagram_user_id,"
      " instagram_username = excluded.instagram_username, account_type = excluded.account_type,"
      " access_token = bz_seal('instagram_connections', 'access_token', instagram_connections.id, ?6),"
      " expires_at = excluded.expires_at, connected_at = excluded.connected_at, updated_at = excluded.updated_at",
      error);
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, instagram_user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, username, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 5, account_type);
  sqlite3_bind_text (st, 6, access_token, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 7, expires_at);
  sqlite3_bind_text (st, 8, now, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error);
}

BzRecord *
bz_instagram_repo_get_connection (BzStore *store, const char *user_id, GError **error)
{
  static gsize sql;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      "SELECT %s FROM instagram_connections WHERE user_id = ?", &bz_instagram_connection_resource, NULL), error);

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  return bz_repo_read_one (st, &bz_instagram_connection_resource, error);
}

void
bz_instagram_secret_clear (BzInstagramSecret *secret)
{
  if (secret->access_token)
    sodium_memzero (secret->access_token, strlen (secret->access_token));
  g_clear_pointer (&secret->access_token, g_free);
  g_clear_pointer (&secret->connection_id, g_free);
  g_clear_pointer (&secret->instagram_user_id, g_free);
  g_clear_pointer (&secret->default_hashtags, g_free);
}

gboolean
bz_instagram_repo_get_secret (BzStore *store, const char *user_id, BzInstagramSecret *out, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT id, instagram_user_id, bz_unseal('instagram_connections', 'access_token', id, access_token),"
      " default_hashtags FROM instagram_connections WHERE user_id = ?", error);
  gboolean have_row;

  memset (out, 0, sizeof *out);
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (have_row)
    {
      out->connection_id = bz_db_column_text_dup (st, 0);
      out->instagram_user_id = bz_db_column_text_dup (st, 1);
      out->access_token = bz_db_column_text_dup (st, 2);
      out->default_hashtags = bz_db_column_text_dup (st, 3);
    }
  return TRUE;
}

gboolean
bz_instagram_repo_delete_connection (BzStore *store, const char *user_id, gboolean *out_deleted, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "DELETE FROM instagram_connections WHERE user_id = ?", error);
  g_autoptr(sqlite3_stmt) states = NULL;

  *out_deleted = FALSE;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  if (!bz_db_step_done (st, error))
    return FALSE;
  *out_deleted = sqlite3_changes (db) > 0;
  if (!(states = bz_db_prepare (db, "DELETE FROM instagram_oauth_states WHERE user_id = ?", error)))
    return FALSE;
  sqlite3_bind_text (states, 1, user_id, -1, SQLITE_STATIC);
  return bz_db_step_done (states, error);
}

/* --- Shares ---------------------------------------------------------------------- */

gboolean
bz_instagram_repo_post_source (BzStore *store, const char *post_id, char **out_author_id, char **out_body,
                               gint64 *out_photos, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT author_id, body, (SELECT count(*) FROM post_photos f WHERE f.post_id = p.id)"
      " FROM posts p WHERE id = ? AND deleted_at IS NULL", error);
  gboolean have_row;

  *out_author_id = NULL;
  *out_body = NULL;
  *out_photos = 0;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, post_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (have_row)
    {
      *out_author_id = bz_db_column_text_dup (st, 0);
      *out_body = bz_db_column_text_dup (st, 1);
      *out_photos = sqlite3_column_int64 (st, 2);
    }
  return TRUE;
}

gboolean
bz_instagram_repo_insert_share (BzStore *store, const char *share_id, const char *user_id, const char *connection_id,
                                const char *post_id, const char *media_type, const char *caption,
                                const char *media_url, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "INSERT INTO instagram_posts (id, user_id, connection_id, source_post_id, media_type, caption, media_url,"
      " status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'publishing', ?)", error);
  g_autofree char *now = bz_now_iso8601 ();

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, share_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, connection_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, post_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 5, media_type, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 6, caption);
  sqlite3_bind_text (st, 7, media_url, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 8, now, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error);
}

void
bz_instagram_share_row_clear (BzInstagramShareRow *row)
{
  g_clear_pointer (&row->user_id, g_free);
  g_clear_pointer (&row->status, g_free);
  g_clear_pointer (&row->media_type, g_free);
  g_clear_pointer (&row->caption, g_free);
  g_clear_pointer (&row->media_url, g_free);
}

gboolean
bz_instagram_repo_get_share (BzStore *store, const char *share_id, BzInstagramShareRow *out, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT user_id, status, media_type, caption, media_url FROM instagram_posts WHERE id = ?", error);
  gboolean have_row;

  memset (out, 0, sizeof *out);
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, share_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (have_row)
    {
      out->user_id = bz_db_column_text_dup (st, 0);
      out->status = bz_db_column_text_dup (st, 1);
      out->media_type = bz_db_column_text_dup (st, 2);
      out->caption = bz_db_column_text_dup (st, 3);
      out->media_url = bz_db_column_text_dup (st, 4);
    }
  return TRUE;
}

gboolean
bz_instagram_repo_set_share (BzStore *store, const char *share_id, const char *status, const char *media_id,
                             const char *error_message, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "UPDATE instagram_posts SET status = ?2, instagram_media_id = ?3, error_message = ?4,"
      " published_at = CASE WHEN ?2 = 'published' THEN ?5 ELSE published_at END WHERE id = ?1", error);
  g_autofree char *now = bz_now_iso8601 ();

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, share_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, status, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 3, media_id);
  bz_db_bind_text_or_null (st, 4, error_message);
  sqlite3_bind_text (st, 5, now, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error);
}

BzRecord *
bz_instagram_repo_last_share (BzStore *store, const char *user_id, GError **error)
{
  static gsize sql;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      "SELECT %s FROM instagram_posts WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1",
      &bz_instagram_share_state_resource, NULL), error);

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  return bz_repo_read_one (st, &bz_instagram_share_state_resource, error);
}
