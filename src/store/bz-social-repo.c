/* bz-social-repo.c — posts, the feed, comments, reactions and follows
 * (bz-social-repo.h; data/sql/028_social.sql).  Groups and family circles
 * are in bz-social-groups-repo.c. */
#include "bz-social-repo.h"

#include "bz-repo-private.h"

/* The one visibility predicate (see bz-social-repo.h): may @viewer (an SQL
 * expression: the parameter ":viewer" or a column) see post @p (an alias of
 * posts)? */
#define VISIBLE(p, viewer) \
  "(" p ".deleted_at IS NULL AND " p ".moderation_status = 'approved' AND (" p ".author_id = " viewer \
  " OR " p ".visibility = 'public'" \
  " OR (" p ".visibility = 'followers' AND EXISTS (SELECT 1 FROM follows f" \
  "      WHERE f.follower_id = " viewer " AND f.followee_id = " p ".author_id))" \
  " OR (" p ".visibility = 'group' AND EXISTS (SELECT 1 FROM group_members gm" \
  "      WHERE gm.group_id = " p ".group_id AND gm.user_id = " viewer " AND gm.role <> 'pending'))" \
  " OR (" p ".visibility = 'family_circle' AND EXISTS (SELECT 1 FROM family_circle_members cm" \
  "      WHERE cm.circle_id = " p ".family_circle_id AND cm.user_id = " viewer "))" \
  " OR (" p ".visibility = 'nutritionist_only' AND EXISTS (SELECT 1 FROM patients pt" \
  "      WHERE pt.user_id = " p ".author_id AND pt.nutritionist_id = " viewer "))))"

/* After the Post columns: the author, progress_data, tags, the photos, and
 * the viewer's reaction. */
#define POST_EXTRAS \
  ", u.id, u.username, u.first_name, u.last_name, u.user_type, p.progress_data, p.tags," \
  " (SELECT count(*) FROM post_photos ph WHERE ph.post_id = p.id)," \
  " (SELECT r.reaction_type FROM reactions r WHERE r.post_id = p.id AND r.user_id = :viewer)"

static void
bind_named (sqlite3_stmt *st, const char *name, const char *value)
{
  int i = sqlite3_bind_parameter_index (st, name);
  if (i > 0)
    bz_db_bind_text_or_null (st, i, value);
}

static void
bind_named_int (sqlite3_stmt *st, const char *name, gint64 value)
{
  int i = sqlite3_bind_parameter_index (st, name);
  if (i > 0)
    sqlite3_bind_int64 (st, i, value);
}

/* PostAuthor from five columns at @col: id, username, first and last name, user_type. */
static BzRecord *
author_at (sqlite3_stmt *st, int col)
{
  BzRecord *a = bz_record_new (&bz_post_author_resource);
  bz_record_set_string (a, BZ_POST_AUTHOR_ID, (const char *) sqlite3_column_text (st, col));
  bz_record_set_string (a, BZ_POST_AUTHOR_USERNAME, (const char *) sqlite3_column_text (st, col + 1));
  bz_record_take_string (a, BZ_POST_AUTHOR_FULL_NAME, g_strdup_printf ("%s %s", sqlite3_column_text (st, col + 2),
                                                                       sqlite3_column_text (st, col + 3)));
  bz_record_set_null (a, BZ_POST_AUTHOR_PHOTO_URL);
  bz_record_set_string (a, BZ_POST_AUTHOR_USER_TYPE, (const char *) sqlite3_column_text (st, col + 4));
  return a;
}

static BzRecord *
post_row (sqlite3_stmt *st)
{
  BzRecord *p = bz_record_new (&bz_post_resource);
  GStrv urls;
  int col = 0;
  gint64 n_photos;
  const char *mine;

  bz_db_read_record (st, &col, p);
  bz_record_take_object (p, BZ_POST_AUTHOR, author_at (st, col));
  col += 5;
  if (sqlite3_column_type (st, col) == SQLITE_NULL)
    bz_record_set_null (p, BZ_POST_PROGRESS_DATA);
  else
    {
      BzRecord *progress = bz_record_new (&bz_progress_data_resource);
      bz_repo_read_json_object (st, col, progress);
      bz_record_take_object (p, BZ_POST_PROGRESS_DATA, progress);
    }
  bz_repo_read_json_strv (st, col + 1, p, BZ_POST_TAGS);
  n_photos = sqlite3_column_int64 (st, col + 2);
  urls = g_new0 (char *, n_photos + 1);
  for (gint64 i = 0; i < n_photos; i++)
    urls[i] = g_strdup_printf ("/api/v1/posts/%s/photos/%" G_GINT64_FORMAT, bz_record_get_string (p, BZ_POST_ID), i);
  bz_record_take_strv (p, BZ_POST_MEDIA_URLS, urls);
  mine = (const char *) sqlite3_column_text (st, col + 3);
  bz_record_set_boolean (p, BZ_POST_HAS_LIKED, mine != NULL);
  bz_record_set_boolean (p, BZ_POST_HAS_SAVED, FALSE);
  if (mine)
    bz_record_set_string (p, BZ_POST_MY_REACTION, mine);
  else
    bz_record_set_null (p, BZ_POST_MY_REACTION);
  return p;
}

gboolean
bz_social_repo_log (BzStore *store, const char *table, const char *row_id, BzChangeOp op, const char *user_id,
                    GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *patient = NULL;
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "SELECT id FROM patients WHERE user_id = ?1", error);
    gboolean row;
    if (!st)
      return FALSE;
    sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
    if (!bz_repo_step (st, &row, error))
      return FALSE;
    patient = row ? bz_db_column_text_dup (st, 0) : NULL;
  }
  return bz_store_log_patient_change (db, table, row_id, op, patient, error);
}

static gboolean
exec_bound (sqlite3 *db, const char *sql, const char *a, const char *b, const char *c, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, sql, error);
  if (!st)
    return FALSE;
  bz_db_bind_text_or_null (st, 1, a);
  bz_db_bind_text_or_null (st, 2, b);
  bz_db_bind_text_or_null (st, 3, c);
  return bz_db_step_done (st, error);
}

/* --- Posts ---------------------------------------------------------------------- */

gboolean
bz_social_repo_insert_post (BzStore *store, BzRecord *post, const char *author_id, const char *progress_json,
                            const char *tags_json, const BzSocialPhotoRow *photos, guint n_photos, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  const char *id = bz_record_get_string (post, BZ_POST_ID);
  const char *group = bz_record_get_string (post, BZ_POST_GROUP_ID);
  const char *now = bz_record_get_string (post, BZ_POST_CREATED_AT);
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "INSERT INTO posts (id, author_id, type, title, body, progress_data, visibility, group_id, family_circle_id,"
        " tags, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)", error);
    if (!st)
      return FALSE;
    sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 2, author_id, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 3, bz_record_get_string (post, BZ_POST_TYPE), -1, SQLITE_STATIC);
    bz_db_bind_text_or_null (st, 4, bz_record_get_string (post, BZ_POST_TITLE));
    sqlite3_bind_text (st, 5, bz_record_get_string (post, BZ_POST_BODY), -1, SQLITE_STATIC);
    bz_db_bind_text_or_null (st, 6, progress_json);
    sqlite3_bind_text (st, 7, bz_record_get_string (post, BZ_POST_VISIBILITY), -1, SQLITE_STATIC);
    bz_db_bind_text_or_null (st, 8, group);
    bz_db_bind_text_or_null (st, 9, bz_record_get_string (post, BZ_POST_FAMILY_CIRCLE_ID));
    sqlite3_bind_text (st, 10, tags_json, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 11, now, -1, SQLITE_STATIC);
    if (!bz_db_step_done (st, error))
      return FALSE;
  }
  for (guint i = 0; i < n_photos; i++)
    {
      g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
          "INSERT INTO post_photos (post_id, position, display_sha256, width, height) VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (!st)
        return FALSE;
      sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_int (st, 2, i);
      sqlite3_bind_text (st, 3, photos[i].display_sha256, -1, SQLITE_STATIC);
      sqlite3_bind_int (st, 4, photos[i].width);
      sqlite3_bind_int (st, 5, photos[i].height);
      if (!bz_db_step_done (st, error))
        return FALSE;
    }
  if (group &&
      (!exec_bound (db, "UPDATE social_groups SET post_count = post_count + 1, last_post_at = ?2 WHERE id = ?1",
                    group, now, NULL, error) ||
       !exec_bound (db, "UPDATE group_members SET posts_count = posts_count + 1, last_active_at = ?3"
                        " WHERE group_id = ?1 AND user_id = ?2", group, author_id, now, error)))
    return FALSE;
  return bz_social_repo_log (store, "posts", id, BZ_CHANGE_INSERT, author_id, error);
}

gboolean
bz_social_repo_recent_posts (BzStore *store, const char *author_id, const char *since, gint64 *out_count,
                             char **out_oldest, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT count(*), min(created_at) FROM posts WHERE author_id = ?1 AND created_at >= ?2", error);
  gboolean row;

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, author_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, since, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &row, error))
    return FALSE;
  *out_count = row ? sqlite3_column_int64 (st, 0) : 0;
  *out_oldest = row ? bz_db_column_text_dup (st, 1) : NULL;
  return TRUE;
}

BzRecord *
bz_social_repo_get_visible (BzStore *store, const char *post_id, const char *viewer_id, GError **error)
{
  static gsize sql;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      "SELECT %s" POST_EXTRAS " FROM posts p JOIN users u ON u.id = p.author_id"
      " WHERE p.id = :post AND " VISIBLE ("p", ":viewer"), &bz_post_resource, "p"), error);
  gboolean row;

  if (!st)
    return NULL;
  bind_named (st, ":post", post_id);
  bind_named (st, ":viewer", viewer_id);
  if (!bz_repo_step (st, &row, error) || !row)
    return NULL;
  return post_row (st);
}

/* The seed's virality score as of :as_of, in thousandths (see bz_social_repo_feed()). */
#define SCORE \
  "((p.likes_count + 3 * p.comments_count + 5 * p.shares_count) * 3600000" \
  " / max(unixepoch (:as_of) - unixepoch (p.created_at), 3600))"

GPtrArray *
bz_social_repo_feed (BzStore *store, const BzSocialFeedQuery *q, GArray **out_scores, GError **error)
{
  static gsize sql;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      "WITH ranked AS (SELECT p.id AS rid, " SCORE " AS score FROM posts p"
      "  WHERE p.created_at <= :as_of AND " VISIBLE ("p", ":viewer")
      "  AND (:type IS NULL OR p.type = :type) AND (:group IS NULL OR p.group_id = :group)"
      "  AND (:circle IS NULL OR p.family_circle_id = :circle) AND (:author IS NULL OR p.author_id = :author))"
      " SELECT %s" POST_EXTRAS ", ranked.score FROM ranked JOIN posts p ON p.id = ranked.rid"
      " JOIN users u ON u.id = p.author_id"
      " WHERE :after_id IS NULL OR ranked.score < :after_score OR (ranked.score = :after_score AND"
      "  (p.created_at < :after_created OR (p.created_at = :after_created AND p.id < :after_id)))"
      " ORDER BY ranked.score DESC, p.created_at DESC, p.id DESC LIMIT :limit OFFSET :offset",
      &bz_post_resource, "p"), error);
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (gint64));
  int score_col = (int) bz_db_n_columns (&bz_post_resource) + 9;

  if (!st)
    return NULL;
  bind_named (st, ":viewer", q->viewer_id);
  bind_named (st, ":as_of", q->as_of);
  bind_named (st, ":type", q->type);
  bind_named (st, ":group", q->group_id);
  bind_named (st, ":circle", q->family_circle_id);
  bind_named (st, ":author", q->author_id);
  bind_named (st, ":after_id", q->after_id);
  bind_named (st, ":after_created", q->after_created_at);
  bind_named_int (st, ":after_score", q->after_score);
  bind_named_int (st, ":limit", q->limit);
  bind_named_int (st, ":offset", q->offset);
  for (;;)
    {
      gboolean row;
      gint64 score;
      if (!bz_repo_step (st, &row, error))
        return NULL;
      if (!row)
        break;
      g_ptr_array_add (posts, post_row (st));
      score = sqlite3_column_int64 (st, score_col);
      g_array_append_val (scores, score);
    }
  *out_scores = g_steal_pointer (&scores);
  return g_steal_pointer (&posts);
}

GStrv
bz_social_repo_audience (BzStore *store, const char *post_id, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT u.id FROM posts p, users u WHERE p.id = :post AND u.is_active = 1 AND " VISIBLE ("p", "u.id")
      " ORDER BY u.id", error);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  if (!st)
    return NULL;
  bind_named (st, ":post", post_id);
  for (;;)
    {
      gboolean row;
      if (!bz_repo_step (st, &row, error))
        return NULL;
      if (!row)
        break;
      g_strv_builder_add (ids, (const char *) sqlite3_column_text (st, 0));
    }
  return g_strv_builder_end (ids);
}

gboolean
bz_social_repo_photo (BzStore *store, const char *post_id, guint position, char **out_sha256, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT display_sha256 FROM post_photos WHERE post_id = ?1 AND position = ?2", error);
  gboolean row;

  *out_sha256 = NULL;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, post_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (st, 2, position);
  if (!bz_repo_step (st, &row, error))
    return FALSE;
  *out_sha256 = row ? bz_db_column_text_dup (st, 0) : NULL;
  return row;
}

BzRecord *
bz_social_repo_get_author (BzStore *store, const char *user_id, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT id, username, first_name, last_name, user_type FROM users WHERE id = ?1", error);
  gboolean row;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &row, error) || !row)
    return NULL;
  return author_at (st, 0);
}

/* --- Comments ---------------------------------------------------------------------- */

#define COMMENT_SELECT "SELECT %s, u.id, u.username, u.first_name, u.last_name, u.user_type" \
                       " FROM comments c JOIN users u ON u.id = c.author_id"

static BzRecord *
comment_row (sqlite3_stmt *st)
{
  BzRecord *c = bz_record_new (&bz_comment_resource);
  int col = 0;
  bz_db_read_record (st, &col, c);
  bz_record_take_object (c, BZ_COMMENT_AUTHOR, author_at (st, col));
  return c;
}

gboolean
bz_social_repo_comment_depth (BzStore *store, const char *post_id, const char *comment_id, gint *out_depth,
                              GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT depth_level FROM comments WHERE id = ?1 AND post_id = ?2 AND is_deleted = 0", error);
  gboolean row;

  *out_depth = -1;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, comment_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, post_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &row, error))
    return FALSE;
  if (row)
    *out_depth = sqlite3_column_int (st, 0);
  return TRUE;
}

gboolean
bz_social_repo_insert_comment (BzStore *store, BzRecord *comment, const char *author_id, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  const char *id = bz_record_get_string (comment, BZ_COMMENT_ID);
  const char *post = bz_record_get_string (comment, BZ_COMMENT_POST_ID);
  const char *now = bz_record_get_string (comment, BZ_COMMENT_CREATED_AT);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "INSERT INTO comments (id, post_id, author_id, parent_comment_id, depth_level, content, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, post, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, author_id, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 4, bz_record_get_string (comment, BZ_COMMENT_PARENT_COMMENT_ID));
  sqlite3_bind_int64 (st, 5, bz_record_get_int (comment, BZ_COMMENT_DEPTH_LEVEL));
  sqlite3_bind_text (st, 6, bz_record_get_string (comment, BZ_COMMENT_CONTENT), -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 7, now, -1, SQLITE_STATIC);
  if (!bz_db_step_done (st, error))
    return FALSE;
  return exec_bound (db, "UPDATE posts SET comments_count = comments_count + 1 WHERE id = ?1", post, NULL, NULL, error) &&
         exec_bound (db, "UPDATE group_members SET comments_count = comments_count + 1, last_active_at = ?3"
                         " WHERE user_id = ?2 AND group_id = (SELECT group_id FROM posts WHERE id = ?1)",
                     post, author_id, now, error) &&
         bz_social_repo_log (store, "comments", id, BZ_CHANGE_INSERT, author_id, error) &&
         bz_store_log_change (db, "posts", post, BZ_CHANGE_UPDATE, error);
}

BzRecord *
bz_social_repo_get_comment (BzStore *store, const char *comment_id, GError **error)
{
  static gsize sql;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      COMMENT_SELECT " WHERE c.id = ?1", &bz_comment_resource, "c"), error);
  gboolean row;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, comment_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &row, error) || !row)
    return NULL;
  return comment_row (st);
}

GPtrArray *
bz_social_repo_list_comments (BzStore *store, const char *post_id, GError **error)
{
  static gsize sql;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      COMMENT_SELECT " WHERE c.post_id = ?1 AND c.is_deleted = 0 ORDER BY c.created_at, c.rowid",
      &bz_comment_resource, "c"), error);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, post_id, -1, SQLITE_STATIC);
  for (;;)
    {
      gboolean row;
      if (!bz_repo_step (st, &row, error))
        return NULL;
      if (!row)
        break;
      g_ptr_array_add (out, comment_row (st));
    }
  return g_steal_pointer (&out);
}

/* --- Reactions ------------------------------------------------------------------------- */

/* "UPDATE posts SET likes_count = likes_count + 1, reaction_heart = ..." for
 * @type (a term of bz_vocab_reaction_type: the column names are fixed text). */
static gboolean
count_reaction (sqlite3 *db, const char *post_id, const char *type, int delta, GError **error)
{
  g_autofree char *sql = NULL;

  if (g_strv_contains ((const char *const[]) { "heart", "clap", "fire", "strong", "celebrate", NULL }, type) == FALSE)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "unknown reaction type %s", type);
      return FALSE;
    }
  sql = g_strdup_printf ("UPDATE posts SET likes_count = likes_count + (%d), reaction_%s = reaction_%s + (%d)"
                         " WHERE id = ?1", delta, type, type, delta);
  return exec_bound (db, sql, post_id, NULL, NULL, error);
}

gboolean
bz_social_repo_insert_reaction (BzStore *store, const char *post_id, const char *user_id, BzRecord *reaction,
                                GError **error)
{
  sqlite3 *db = bz_store_db (store);
  const char *type = bz_record_get_string (reaction, BZ_REACTION_REACTION_TYPE);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "INSERT INTO reactions (id, user_id, post_id, reaction_type, created_at) VALUES (?1, ?2, ?3, ?4, ?5)", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, bz_record_get_string (reaction, BZ_REACTION_ID), -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, post_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 5, bz_record_get_string (reaction, BZ_REACTION_CREATED_AT), -1, SQLITE_STATIC);
  return bz_db_step_done (st, error) && count_reaction (db, post_id, type, +1, error) &&
         bz_social_repo_log (store, "reactions", bz_record_get_string (reaction, BZ_REACTION_ID), BZ_CHANGE_INSERT,
                             user_id, error) &&
         bz_store_log_change (db, "posts", post_id, BZ_CHANGE_UPDATE, error);
}

gboolean
bz_social_repo_delete_reaction (BzStore *store, const char *post_id, const char *user_id, gboolean *out_deleted,
                                GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *id = NULL, *type = NULL;
  gboolean row;

  *out_deleted = FALSE;
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "SELECT id, reaction_type FROM reactions WHERE post_id = ?1 AND user_id = ?2", error);
    if (!st)
      return FALSE;
    sqlite3_bind_text (st, 1, post_id, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 2, user_id, -1, SQLITE_STATIC);
    if (!bz_repo_step (st, &row, error))
      return FALSE;
    if (!row)
      return TRUE;
    id = bz_db_column_text_dup (st, 0);
    type = bz_db_column_text_dup (st, 1);
  }
  if (!exec_bound (db, "DELETE FROM reactions WHERE id = ?1", id, NULL, NULL, error) ||
      !count_reaction (db, post_id, type, -1, error) ||
      !bz_social_repo_log (store, "reactions", id, BZ_CHANGE_DELETE, user_id, error) ||
      !bz_store_log_change (db, "posts", post_id, BZ_CHANGE_UPDATE, error))
    return FALSE;
  *out_deleted = TRUE;
  return TRUE;
}

/* --- Follows ----------------------------------------------------------------------------- */

gboolean
bz_social_repo_user_exists (BzStore *store, const char *user_id, gboolean *out_exists, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT 1 FROM users WHERE id = ?1 AND is_active = 1", error);
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  return bz_repo_step (st, out_exists, error);
}

gboolean
bz_social_repo_set_follow (BzStore *store, const char *follower_id, const char *followee_id, gboolean follow,
                           GError **error)
{
  g_autofree char *now = bz_now_iso8601 ();
  sqlite3 *db = bz_store_db (store);
  g_autofree char *row_id = g_strdup_printf ("%s:%s", follower_id, followee_id);

  if (follow)
    return exec_bound (db, "INSERT OR IGNORE INTO follows (follower_id, followee_id, created_at) VALUES (?1, ?2, ?3)",
                       follower_id, followee_id, now, error) &&
           bz_store_log_change (db, "follows", row_id, BZ_CHANGE_INSERT, error);
  return exec_bound (db, "DELETE FROM follows WHERE follower_id = ?1 AND followee_id = ?2",
                     follower_id, followee_id, NULL, error) &&
         bz_store_log_change (db, "follows", row_id, BZ_CHANGE_DELETE, error);
}
