/* bz-challenge-repo.c — challenges, participants, check-ins, XP and badges
 * (bz-challenge-repo.h; data/sql/025_challenges.sql). */
#include "bz-challenge-repo.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "bz-json.h"
#include "bz-repo-private.h"

/* --- Challenge rows ------------------------------------------------------------ */

/* The Challenge columns, then cancelled, rewards, the creator (id, first,
 * last, type) and whether the viewer takes part. */
#define CHALLENGE_SELECT                                                                   \
  "SELECT %s, c.cancelled, c.rewards, u.id, u.first_name, u.last_name, c.created_by_type," \
  " EXISTS (SELECT 1 FROM challenge_participants p WHERE p.challenge_id = c.id AND p.user_id = ?1)" \
  " FROM challenges c JOIN users u ON u.id = c.created_by"

/* Visible to the viewer (?1 user, ?2 nutritionist), and of the status ?3 on
 * the day ?4 (NULL: any), scope ?5 and category ?6 (NULL: any). */
#define CHALLENGE_WHERE                                                                       \
  " WHERE (c.scope = 'national' OR (c.scope = 'nutritionist_patients' AND c.nutritionist_id = ?2))" \
  " AND (?3 IS NULL OR ?3 = CASE WHEN c.cancelled THEN 'cancelled' WHEN ?4 < c.start_date THEN 'upcoming'" \
  "      WHEN ?4 > c.end_date THEN 'completed' ELSE 'active' END)"                            \
  " AND (?5 IS NULL OR c.scope = ?5) AND (?6 IS NULL OR c.category = ?6)"

static void
read_rewards (BzRecord *c, const char *text)
{
  g_autoptr(JsonNode) root = text ? bz_json_parse (text, strlen (text), &bz_json_limits_stored, NULL, NULL) : NULL;
  JsonArray *a = root && JSON_NODE_HOLDS_ARRAY (root) ? json_node_get_array (root) : NULL;

  bz_record_set_empty_array (c, BZ_CHALLENGE_REWARDS);
  for (guint i = 0; a && i < json_array_get_length (a); i++)
    {
      JsonNode *n = json_array_get_element (a, i);
      BzValidation v = BZ_VALIDATION_INIT;
      BzRecord *r = JSON_NODE_HOLDS_OBJECT (n)
                        ? bz_resource_parse (&bz_challenge_reward_resource, json_node_get_object (n), NULL, &v) : NULL;
      bz_validation_finish (&v, NULL);   /* stored by the service after validation */
      if (r)
        bz_record_append (c, BZ_CHALLENGE_REWARDS, r);
    }
}

static BzRecord *
challenge_row (sqlite3_stmt *st, const char *today)
{
  BzRecord *c = bz_record_new (&bz_challenge_resource);
  BzRecord *creator = bz_record_new (&bz_challenge_creator_resource);
  int col = 0;
  gboolean cancelled;

  bz_db_read_record (st, &col, c);
  cancelled = sqlite3_column_int (st, col) != 0;
  read_rewards (c, (const char *) sqlite3_column_text (st, col + 1));
  bz_record_set_string (creator, BZ_CHALLENGE_CREATOR_ID, (const char *) sqlite3_column_text (st, col + 2));
  bz_record_take_string (creator, BZ_CHALLENGE_CREATOR_FULL_NAME,
                         g_strdup_printf ("%s %s", (const char *) sqlite3_column_text (st, col + 3),
                                          (const char *) sqlite3_column_text (st, col + 4)));
  bz_record_set_string (creator, BZ_CHALLENGE_CREATOR_CREATED_BY_TYPE, (const char *) sqlite3_column_text (st, col + 5));
  bz_record_take_object (c, BZ_CHALLENGE_CREATED_BY, creator);
  bz_record_set_boolean (c, BZ_CHALLENGE_JOINED, sqlite3_column_int (st, col + 6) != 0);
  bz_record_set_int (c, BZ_CHALLENGE_DURATION_DAYS,
                     bz_challenge_duration_days (bz_record_get_string (c, BZ_CHALLENGE_START_DATE),
                                                 bz_record_get_string (c, BZ_CHALLENGE_END_DATE)));
  bz_record_set_string (c, BZ_CHALLENGE_STATUS,
                        bz_challenge_status (bz_record_get_string (c, BZ_CHALLENGE_START_DATE),
                                             bz_record_get_string (c, BZ_CHALLENGE_END_DATE), cancelled, today));
  bz_record_set_string (c, BZ_CHALLENGE_GOAL_UNIT, bz_challenge_metric_unit (bz_record_get_string (c, BZ_CHALLENGE_GOAL_METRIC)));
  return c;
}

static void
bind_viewer (sqlite3_stmt *st, const BzChallengeViewer *viewer, const char *status, const char *scope,
             const char *category)
{
  sqlite3_bind_text (st, 1, viewer->user_id, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 2, viewer->nutritionist_id);
  bz_db_bind_text_or_null (st, 3, status);
  sqlite3_bind_text (st, 4, viewer->today, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 5, scope);
  bz_db_bind_text_or_null (st, 6, category);
}

gboolean
bz_challenge_repo_insert (BzStore *store, const char *id, BzRecord *input, const char *scope,
                          const char *nutritionist_id, const char *rewards_json, const char *created_by,
                          const char *created_by_type, const char *now, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "INSERT INTO challenges (id, title, description, type, category, scope, nutritionist_id, start_date, end_date,"
      " goal_type, goal_metric, goal_value, max_participants, rewards, is_featured, created_by, created_by_type,"
      " created_at, updated_at) VALUES (?1, ?2, ?3, 'individual', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
      " ?15, ?16, ?17, ?17)", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, bz_record_get_string (input, BZ_CHALLENGE_INPUT_TITLE), -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 3, bz_record_get_string (input, BZ_CHALLENGE_INPUT_DESCRIPTION));
  sqlite3_bind_text (st, 4, bz_record_get_string (input, BZ_CHALLENGE_INPUT_CATEGORY), -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 5, scope, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 6, nutritionist_id);
  sqlite3_bind_text (st, 7, bz_record_get_string (input, BZ_CHALLENGE_INPUT_START_DATE), -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 8, bz_record_get_string (input, BZ_CHALLENGE_INPUT_END_DATE), -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 9, bz_record_get_string (input, BZ_CHALLENGE_INPUT_GOAL_TYPE), -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 10, bz_record_get_string (input, BZ_CHALLENGE_INPUT_GOAL_METRIC), -1, SQLITE_STATIC);
  sqlite3_bind_double (st, 11, bz_record_get_double (input, BZ_CHALLENGE_INPUT_GOAL_VALUE));
  if (bz_record_has (input, BZ_CHALLENGE_INPUT_MAX_PARTICIPANTS) &&
      bz_record_get_int (input, BZ_CHALLENGE_INPUT_MAX_PARTICIPANTS) > 0)
    sqlite3_bind_int64 (st, 12, bz_record_get_int (input, BZ_CHALLENGE_INPUT_MAX_PARTICIPANTS));
  else
    sqlite3_bind_null (st, 12);
  sqlite3_bind_text (st, 13, rewards_json, -1, SQLITE_STATIC);
  sqlite3_bind_int (st, 14, bz_record_has (input, BZ_CHALLENGE_INPUT_IS_FEATURED) &&
                            bz_record_get_boolean (input, BZ_CHALLENGE_INPUT_IS_FEATURED));
  sqlite3_bind_text (st, 15, created_by, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 16, created_by_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 17, now, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error);
}

gboolean
bz_challenge_repo_list (BzStore *store, const BzChallengeViewer *viewer, const char *status, const char *scope,
                        const char *category, guint page, guint limit, GPtrArray **out, gint64 *out_total,
                        GError **error)
{
  static gsize sql;
  sqlite3 *db = bz_store_db (store);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) count = NULL, st = NULL;
  gboolean have_row;

  count = bz_db_prepare (db, "SELECT count(*) FROM challenges c" CHALLENGE_WHERE " AND ?1 IS NOT NULL", error);
  if (!count)
    return FALSE;
  bind_viewer (count, viewer, status, scope, category);
  if (!bz_repo_step (count, &have_row, error))
    return FALSE;
  *out_total = have_row ? sqlite3_column_int64 (count, 0) : 0;
  g_clear_pointer (&count, bz_db_stmt_release);

  st = bz_db_prepare (db, bz_repo_sql_once (&sql, CHALLENGE_SELECT CHALLENGE_WHERE
                                            " ORDER BY c.is_featured DESC, c.start_date, c.created_at, c.id"
                                            " LIMIT ?7 OFFSET ?8", &bz_challenge_resource, "c"), error);
  if (!st)
    return FALSE;
  bind_viewer (st, viewer, status, scope, category);
  sqlite3_bind_int64 (st, 7, limit);
  sqlite3_bind_int64 (st, 8, (gint64) (page - 1) * limit);
  for (;;)
    {
      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      g_ptr_array_add (rows, challenge_row (st, viewer->today));
    }
  *out = g_steal_pointer (&rows);
  return TRUE;
}

gboolean
bz_challenge_repo_get (BzStore *store, const BzChallengeViewer *viewer, const char *challenge_id, BzRecord **out,
                       GError **error)
{
  static gsize sql;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      CHALLENGE_SELECT CHALLENGE_WHERE " AND c.id = ?7", &bz_challenge_resource, "c"), error);
  gboolean have_row;

  *out = NULL;
  if (!st)
    return FALSE;
  bind_viewer (st, viewer, NULL, NULL, NULL);
  sqlite3_bind_text (st, 7, challenge_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (have_row)
    *out = challenge_row (st, viewer->today);
  return TRUE;
}

/* --- Participation ------------------------------------------------------------------ */

gboolean
bz_challenge_repo_join (BzStore *store, const char *challenge_id, const char *user_id, const char *now,
                        BzChallengeJoin *out_result, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) add = NULL, count = NULL;

  add = bz_db_prepare (db, "INSERT INTO challenge_participants (challenge_id, user_id, joined_at) VALUES (?1, ?2, ?3)"
                           " ON CONFLICT (challenge_id, user_id) DO NOTHING", error);
  if (!add)
    return FALSE;
  sqlite3_bind_text (add, 1, challenge_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 2, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 3, now, -1, SQLITE_STATIC);
  if (!bz_db_step_done (add, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      *out_result = BZ_JOIN_ALREADY;
      return TRUE;
    }
  g_clear_pointer (&add, bz_db_stmt_release);
  count = bz_db_prepare (db, "UPDATE challenges SET participant_count = participant_count + 1"
                             " WHERE id = ?1 AND (max_participants IS NULL OR participant_count < max_participants)",
                         error);
  if (!count)
    return FALSE;
  sqlite3_bind_text (count, 1, challenge_id, -1, SQLITE_STATIC);
  if (!bz_db_step_done (count, error))
    return FALSE;
  /* full: the caller rolls the insert back with the transaction */
  *out_result = sqlite3_changes (db) == 0 ? BZ_JOIN_FULL : BZ_JOIN_DONE;
  return TRUE;
}

gboolean
bz_challenge_repo_participation (BzStore *store, const char *challenge_id, const char *user_id, BzRecord **out,
                                 BzChallengeStanding *out_standing, GError **error)
{
  static gsize sql;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      "SELECT %s, coalesce(rank, 0), total_value, days_completed FROM challenge_participants"
      " WHERE challenge_id = ?1 AND user_id = ?2",
      &bz_participation_resource, NULL), error);
  gboolean have_row;
  int col = 0;

  *out = NULL;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, challenge_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, user_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (!have_row)
    return TRUE;
  *out = bz_record_new (&bz_participation_resource);
  bz_db_read_record (st, &col, *out);
  if (out_standing)
    {
      out_standing->rank = sqlite3_column_int64 (st, col);
      out_standing->total_value = sqlite3_column_double (st, col + 1);
      out_standing->days_completed = sqlite3_column_int64 (st, col + 2);
    }
  return TRUE;
}

gboolean
bz_challenge_repo_check_in (BzStore *store, const char *challenge_id, const char *user_id, const char *date,
                            double value, gboolean goal_achieved, const char *now, gboolean *out_first_reward,
                            GError **error)
{
  /* RETURNING sees the row as written: rewarded goes from 0 to 1 once. */
  g_autoptr(sqlite3_stmt) before = NULL, st = NULL;
  sqlite3 *db = bz_store_db (store);
  gboolean have_row, was_rewarded = FALSE;

  before = bz_db_prepare (db, "SELECT rewarded FROM challenge_check_ins WHERE challenge_id = ?1 AND user_id = ?2"
                              " AND date = ?3", error);
  if (!before)
    return FALSE;
  sqlite3_bind_text (before, 1, challenge_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (before, 2, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (before, 3, date, -1, SQLITE_STATIC);
  if (!bz_repo_step (before, &have_row, error))
    return FALSE;
  was_rewarded = have_row && sqlite3_column_int (before, 0) != 0;
  g_clear_pointer (&before, bz_db_stmt_release);

  st = bz_db_prepare (db, "INSERT INTO challenge_check_ins (challenge_id, user_id, date, value, goal_achieved,"
                          " rewarded, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)"
                          " ON CONFLICT (challenge_id, user_id, date) DO UPDATE SET value = excluded.value,"
                          " goal_achieved = excluded.goal_achieved, rewarded = rewarded OR excluded.goal_achieved,"
                          " updated_at = excluded.updated_at", error);
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, challenge_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, date, -1, SQLITE_STATIC);
  sqlite3_bind_double (st, 4, value);
  sqlite3_bind_int (st, 5, goal_achieved ? 1 : 0);
  sqlite3_bind_text (st, 6, now, -1, SQLITE_STATIC);
  if (!bz_db_step_done (st, error))
    return FALSE;
  *out_first_reward = goal_achieved && !was_rewarded;
  return TRUE;
}

gboolean
bz_challenge_repo_check_ins (BzStore *store, const char *challenge_id, const char *user_id, GArray **out,
                             GStrv *out_achieved, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT date, value, goal_achieved FROM challenge_check_ins WHERE challenge_id = ?1 AND user_id = ?2"
      " ORDER BY date", error);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (BzCheckIn));
  g_autoptr(GStrvBuilder) achieved = g_strv_builder_new ();

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, challenge_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, user_id, -1, SQLITE_STATIC);
  for (;;)
    {
      gboolean have_row;
      BzCheckIn c = { { 0 } };
      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      g_strlcpy (c.date, (const char *) sqlite3_column_text (st, 0), sizeof c.date);
      c.value = sqlite3_column_double (st, 1);
      g_array_append_val (rows, c);
      if (sqlite3_column_int (st, 2))
        g_strv_builder_add (achieved, c.date);
    }
  *out = g_steal_pointer (&rows);
  *out_achieved = g_strv_builder_end (achieved);
  return TRUE;
}

gboolean
bz_challenge_repo_set_score (BzStore *store, const char *challenge_id, const char *user_id,
                             const BzChallengeScore *score, const char *completed_at, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "UPDATE challenge_participants SET current_value = ?3, total_value = ?4, days_completed = ?5,"
      " completion_percentage = ?6, status = CASE WHEN ?7 IS NOT NULL THEN 'completed' ELSE status END,"
      " completed_at = coalesce(completed_at, ?7) WHERE challenge_id = ?1 AND user_id = ?2", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, challenge_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_double (st, 3, score->current_value);
  sqlite3_bind_double (st, 4, score->total_value);
  sqlite3_bind_int (st, 5, score->days_completed);
  /* two decimals, as the seed shows 3.33 */
  sqlite3_bind_double (st, 6, round (score->completion_percentage * 100.0) / 100.0);
  bz_db_bind_text_or_null (st, 7, completed_at);
  return bz_db_step_done (st, error);
}

void
bz_rank_change_clear (gpointer change)
{
  g_clear_pointer (&((BzRankChange *) change)->user_id, g_free);
}

gboolean
bz_challenge_repo_rerank (BzStore *store, const char *challenge_id, GArray **out_changes, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "UPDATE challenge_participants AS cp SET previous_rank = cp.rank, rank = r.new_rank"
      " FROM (SELECT user_id, row_number () OVER (ORDER BY completion_percentage DESC, total_value DESC,"
      "       joined_at, user_id) AS new_rank"
      "       FROM challenge_participants WHERE challenge_id = ?1 AND status IN ('active', 'completed')) AS r"
      " WHERE cp.challenge_id = ?1 AND cp.user_id = r.user_id AND cp.rank IS NOT r.new_rank"
      " RETURNING user_id, coalesce(previous_rank, 0), rank", error);
  g_autoptr(GArray) changes = g_array_new (FALSE, TRUE, sizeof (BzRankChange));

  g_array_set_clear_func (changes, bz_rank_change_clear);
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, challenge_id, -1, SQLITE_STATIC);
  for (;;)
    {
      gboolean have_row;
      BzRankChange c;
      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      c.user_id = bz_db_column_text_dup (st, 0);
      c.old_rank = sqlite3_column_int64 (st, 1);
      c.new_rank = sqlite3_column_int64 (st, 2);
      g_array_append_val (changes, c);
    }
  *out_changes = g_steal_pointer (&changes);
  return TRUE;
}

/* --- XP and badges -------------------------------------------------------------------- */

static gboolean
add_xp (sqlite3 *db, const char *user_id, const char *challenge_id, gint64 xp, const char *now, gint64 *out_total,
        GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "INSERT INTO user_xp (user_id, xp, level, updated_at) VALUES (?1, ?2, 1, ?3)"
      " ON CONFLICT (user_id) DO UPDATE SET xp = xp + excluded.xp, updated_at = excluded.updated_at"
      " RETURNING xp", error);
  g_autoptr(sqlite3_stmt) level = NULL, part = NULL;
  gboolean have_row;

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 2, xp);
  sqlite3_bind_text (st, 3, now, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  *out_total = have_row ? sqlite3_column_int64 (st, 0) : xp;
  g_clear_pointer (&st, bz_db_stmt_release);

  level = bz_db_prepare (db, "UPDATE user_xp SET level = ?2 WHERE user_id = ?1", error);
  if (!level)
    return FALSE;
  sqlite3_bind_text (level, 1, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (level, 2, bz_gamification_level (*out_total));
  if (!bz_db_step_done (level, error))
    return FALSE;
  if (challenge_id == NULL)
    return TRUE;
  g_clear_pointer (&level, bz_db_stmt_release);
  part = bz_db_prepare (db, "UPDATE challenge_participants SET xp_earned = xp_earned + ?3"
                            " WHERE challenge_id = ?1 AND user_id = ?2", error);
  if (!part)
    return FALSE;
  sqlite3_bind_text (part, 1, challenge_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (part, 2, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (part, 3, xp);
  return bz_db_step_done (part, error);
}

gboolean
bz_challenge_repo_award (BzStore *store, const char *user_id, const char *badge, const char *challenge_id, gint64 xp,
                         const char *now, gboolean *out_new, gint64 *out_xp_total, GError **error)
{
  sqlite3 *db = bz_store_db (store);

  *out_new = TRUE;
  if (badge)
    {
      g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
          "INSERT INTO user_badges (user_id, badge, challenge_id, awarded_at) VALUES (?1, ?2, coalesce(?3, ''), ?4)"
          " ON CONFLICT (user_id, badge, challenge_id) DO NOTHING", error);
      if (!st)
        return FALSE;
      sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 2, badge, -1, SQLITE_STATIC);
      bz_db_bind_text_or_null (st, 3, challenge_id);
      sqlite3_bind_text (st, 4, now, -1, SQLITE_STATIC);
      if (!bz_db_step_done (st, error))
        return FALSE;
      *out_new = sqlite3_changes (db) > 0;
    }
  if (!*out_new)
    xp = 0;
  return add_xp (db, user_id, challenge_id, xp, now, out_xp_total, error);
}

/* --- Reading for members ---------------------------------------------------------------- */

gboolean
bz_challenge_repo_leaderboard (BzStore *store, const char *challenge_id, guint page, guint limit, BzRecord **out,
                               GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) count = NULL, st = NULL;
  g_autoptr(BzRecord) board = bz_record_new (&bz_leaderboard_resource);
  gint64 total = 0;
  gboolean have_row;

  count = bz_db_prepare (db, "SELECT count(*) FROM challenge_participants WHERE challenge_id = ?1 AND rank IS NOT NULL",
                         error);
  if (!count)
    return FALSE;
  sqlite3_bind_text (count, 1, challenge_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (count, &have_row, error))
    return FALSE;
  total = have_row ? sqlite3_column_int64 (count, 0) : 0;
  g_clear_pointer (&count, bz_db_stmt_release);

  st = bz_db_prepare (db,
      "SELECT p.rank, u.id, u.first_name, substr(u.last_name, 1, 1), p.total_value, p.days_completed,"
      " p.completion_percentage,"
      " (SELECT count(*) FROM challenge_check_ins k WHERE k.challenge_id = p.challenge_id AND k.user_id = p.user_id)"
      " FROM challenge_participants p JOIN users u ON u.id = p.user_id"
      " WHERE p.challenge_id = ?1 AND p.rank IS NOT NULL ORDER BY p.rank LIMIT ?2 OFFSET ?3", error);
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, challenge_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 2, limit);
  sqlite3_bind_int64 (st, 3, (gint64) (page - 1) * limit);
  bz_record_set_empty_array (board, BZ_LEADERBOARD_LEADERBOARD);
  for (;;)
    {
      BzRecord *e, *u;
      const char *initial;
      gint64 n;
      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      e = bz_record_new (&bz_leaderboard_entry_resource);
      u = bz_record_new (&bz_leaderboard_user_resource);
      initial = (const char *) sqlite3_column_text (st, 3);
      bz_record_set_int (e, BZ_LEADERBOARD_ENTRY_RANK, sqlite3_column_int64 (st, 0));
      bz_record_set_string (u, BZ_LEADERBOARD_USER_ID, (const char *) sqlite3_column_text (st, 1));
      bz_record_take_string (u, BZ_LEADERBOARD_USER_FULL_NAME,
                             initial && *initial ? g_strdup_printf ("%s %s.", (const char *) sqlite3_column_text (st, 2), initial)
                                                 : g_strdup ((const char *) sqlite3_column_text (st, 2)));
      bz_record_take_object (e, BZ_LEADERBOARD_ENTRY_USER, u);
      bz_record_set_double (e, BZ_LEADERBOARD_ENTRY_TOTAL_VALUE, sqlite3_column_double (st, 4));
      bz_record_set_int (e, BZ_LEADERBOARD_ENTRY_DAYS_COMPLETED, sqlite3_column_int64 (st, 5));
      bz_record_set_double (e, BZ_LEADERBOARD_ENTRY_COMPLETION_PERCENTAGE, sqlite3_column_double (st, 6));
      n = sqlite3_column_int64 (st, 7);
      bz_record_set_double (e, BZ_LEADERBOARD_ENTRY_AVERAGE_DAILY_VALUE,
                            n > 0 ? round (sqlite3_column_double (st, 4) / n * 100.0) / 100.0 : 0);
      bz_record_append (board, BZ_LEADERBOARD_LEADERBOARD, e);
    }
  bz_record_set_null (board, BZ_LEADERBOARD_CURRENT_USER_POSITION);
  bz_record_take_object (board, BZ_LEADERBOARD_PAGINATION, bz_pagination_new (page, limit, total));
  *out = g_steal_pointer (&board);
  return TRUE;
}

gboolean
bz_challenge_repo_gamification (BzStore *store, const char *user_id, BzRecord **out, GError **error)
{
  static gsize sql;
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) xp = NULL, st = NULL;
  g_autoptr(BzRecord) g = bz_record_new (&bz_gamification_resource);
  gint64 total = 0;
  int level;
  gboolean have_row;

  xp = bz_db_prepare (db, "SELECT xp FROM user_xp WHERE user_id = ?1", error);
  if (!xp)
    return FALSE;
  sqlite3_bind_text (xp, 1, user_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (xp, &have_row, error))
    return FALSE;
  total = have_row ? sqlite3_column_int64 (xp, 0) : 0;
  g_clear_pointer (&xp, bz_db_stmt_release);
  level = bz_gamification_level (total);
  bz_record_set_int (g, BZ_GAMIFICATION_XP, total);
  bz_record_set_int (g, BZ_GAMIFICATION_LEVEL, level);
  bz_record_set_int (g, BZ_GAMIFICATION_NEXT_LEVEL_XP, (gint64) level * level * BZ_XP_LEVEL_STEP);

  st = bz_db_prepare (db, bz_repo_sql_once (&sql,
      "SELECT badge, nullif(challenge_id, ''), awarded_at FROM user_badges WHERE user_id = ?1"
      " ORDER BY awarded_at DESC, badge"), error);
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  if (!bz_repo_read_array (st, g, BZ_GAMIFICATION_BADGES, error))
    return FALSE;
  *out = g_steal_pointer (&g);
  return TRUE;
}
