/* bz-challenge-service.c — challenges, check-ins, leaderboards, XP and
 * badges (bz-challenge-service.h). */
#include "bz-challenge-service.h"

#include <glib/gi18n.h>

#include "bz-challenge-repo.h"
#include "bz-challenge.h"
#include "bz-json.h"
#include "bz-limits.h"
#include "bz-notification-service.h"
#include "bz-patient-repo.h"
#include "bz-realtime.h"
#include "bz-service-task-private.h"
#include "bz-vocab.h"

/* The clinic's calendar day, "YYYY-MM-DD". */
static void
local_today (char out[11])
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *s = g_date_time_format (now, "%Y-%m-%d");
  g_strlcpy (out, s, 11);
}

/* The viewer of @caller: whose nutritionist_patients challenges they see. */
static gboolean
viewer_of (BzServices *svc, const BzCaller *caller, BzChallengeViewer *v, char **owned, char today[11],
           GError **error)
{
  g_autoptr(GError) local = NULL;

  if (caller == NULL)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, _("Sign in first"));
      return FALSE;
    }
  local_today (today);
  v->user_id = caller->user_id;
  v->today = today;
  if (caller->role == BZ_ROLE_NUTRITIONIST)
    v->nutritionist_id = caller->user_id;
  else
    {
      *owned = bz_patient_repo_nutritionist_of_user (bz_services_get_store (svc), caller->user_id, &local);
      if (local)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      v->nutritionist_id = *owned;
    }
  return TRUE;
}

static gboolean
not_found (GError **error)
{
  g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Challenge not found"));
  return FALSE;
}

static gboolean
validation (GError **error, const char *field, const char *issue, const char *message)
{
  BzValidation v = BZ_VALIDATION_INIT;
  bz_validation_add (&v, field, issue, message);
  return bz_validation_finish (&v, error);
}

/* A filter given as a query parameter: a term of @vocab, or an error. */
static gboolean
filter_term (const BzVocab *vocab, const char *given, const char **out, BzValidation *v)
{
  *out = given ? bz_vocab_canonical (vocab, given) : NULL;
  if (given && *out == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("%s is not a valid value"), vocab->name);
      bz_validation_add (v, vocab->name, "invalid_choice", msg);
      return FALSE;
    }
  return TRUE;
}

BzRecord *
bz_challenges_list (BzServices *svc, const BzCaller *caller, const char *status, const char *scope,
                    const char *category, guint page, guint limit, GError **error)
{
  BzChallengeViewer viewer;
  g_autofree char *owned = NULL;
  char today[11];
  BzValidation v = BZ_VALIDATION_INIT;
  const char *st, *sc, *cat;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 total = 0;
  BzRecord *list;

  filter_term (&bz_vocab_challenge_status, status ? status : "active", &st, &v);
  filter_term (&bz_vocab_challenge_scope, scope, &sc, &v);
  filter_term (&bz_vocab_challenge_category, category, &cat, &v);
  if (!bz_validation_finish (&v, error) || !viewer_of (svc, caller, &viewer, &owned, today, error))
    return NULL;
  if (!bz_challenge_repo_list (bz_services_get_store (svc), &viewer, st, sc, cat, MAX (page, 1), MAX (limit, 1),
                               &rows, &total, error))
    return NULL;
  list = bz_record_new (&bz_challenge_list_resource);
  bz_record_set_empty_array (list, BZ_CHALLENGE_LIST_CHALLENGES);
  for (guint i = 0; i < rows->len; i++)
    bz_record_append (list, BZ_CHALLENGE_LIST_CHALLENGES, g_object_ref (g_ptr_array_index (rows, i)));
  bz_record_take_object (list, BZ_CHALLENGE_LIST_PAGINATION, bz_pagination_new (MAX (page, 1), MAX (limit, 1), total));
  return list;
}

/* The rewards as stored: a JSON array of ChallengeReward. */
static char *
rewards_json (BzRecord *input)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; bz_record_has (input, BZ_CHALLENGE_INPUT_REWARDS) &&
                    i < bz_record_get_n_items (input, BZ_CHALLENGE_INPUT_REWARDS); i++)
    {
      if (i)
        g_string_append_c (out, ',');
      bz_record_write_json (bz_record_get_item (input, BZ_CHALLENGE_INPUT_REWARDS, i), out);
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

static void
check_dates_and_goal (BzRecord *c, const char *today, BzValidation *v)
{
  const char *start = bz_record_get_string (c, BZ_CHALLENGE_INPUT_START_DATE);
  const char *end = bz_record_get_string (c, BZ_CHALLENGE_INPUT_END_DATE);
  const char *type = bz_record_get_string (c, BZ_CHALLENGE_INPUT_GOAL_TYPE);
  const char *metric = bz_record_get_string (c, BZ_CHALLENGE_INPUT_GOAL_METRIC);
  int days = bz_challenge_duration_days (start, end);

  if (g_strcmp0 (start, today) < 0)
    bz_validation_add (v, "start_date", "out_of_range", _("start_date cannot be before today"));
  if (days < 1 || days > BZ_CHALLENGE_DAYS_MAX)
    {
      g_autofree char *msg = g_strdup_printf (_("end_date must be after start_date and at most %d days later"),
                                              BZ_CHALLENGE_DAYS_MAX);
      bz_validation_add (v, "end_date", "out_of_range", msg);
    }
  /* a daily or threshold goal is one day's value: within what a check-in may report */
  if ((g_strcmp0 (type, "daily") == 0 || g_strcmp0 (type, "threshold") == 0) &&
      bz_record_get_double (c, BZ_CHALLENGE_INPUT_GOAL_VALUE) > bz_challenge_metric_max (metric))
    {
      g_autofree char *msg = g_strdup_printf (_("goal_value must be at most %g %s for this goal"),
                                              bz_challenge_metric_max (metric), bz_challenge_metric_unit (metric));
      bz_validation_add (v, "goal_value", "out_of_range", msg);
    }
}

BzRecord *
bz_challenges_create (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) c = NULL;
  g_autofree char *id = g_uuid_string_random (), *now = bz_now_iso8601 (), *rewards = NULL, *owned = NULL;
  BzChallengeViewer viewer;
  char today[11];
  const char *scope;
  BzRecord *out = NULL;

  if (!viewer_of (svc, caller, &viewer, &owned, today, error))
    return NULL;
  if (caller->role != BZ_ROLE_NUTRITIONIST)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_FORBIDDEN, _("Only nutritionists create challenges"));
      return NULL;
    }
  c = input ? bz_resource_parse_closed (&bz_challenge_input_resource, input, NULL, &v) : NULL;
  if (input == NULL)
    bz_validation_add (&v, "body", "required", _("Send the challenge as a JSON object"));
  if (c)
    check_dates_and_goal (c, today, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  scope = bz_record_has (c, BZ_CHALLENGE_INPUT_SCOPE) ? bz_record_get_string (c, BZ_CHALLENGE_INPUT_SCOPE)
                                                      : "nutritionist_patients";
  rewards = rewards_json (c);
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_challenge_repo_insert (store, id, c, scope, g_strcmp0 (scope, "nutritionist_patients") == 0 ? caller->user_id : NULL,
                                 rewards, caller->user_id, "nutritionist", now, error) ||
      !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  bz_store_notify (store, "challenges", id);
  if (!bz_challenge_repo_get (store, &viewer, id, &out, error))
    return NULL;
  return out;
}

BzRecord *
bz_challenges_join (BzServices *svc, const BzCaller *caller, const char *challenge_id, JsonObject *input,
                    GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzChallengeViewer viewer;
  g_autofree char *owned = NULL, *now = bz_now_iso8601 ();
  g_autoptr(BzRecord) challenge = NULL, parsed = NULL;
  BzRecord *participation = NULL, *joined;
  BzValidation v = BZ_VALIDATION_INIT;
  BzChallengeJoin result;
  const char *status;
  char today[11];

  if (!viewer_of (svc, caller, &viewer, &owned, today, error))
    return NULL;
  if (input)
    parsed = bz_resource_parse_closed (&bz_challenge_join_input_resource, input, NULL, &v);
  if (parsed && bz_record_get_string (parsed, BZ_CHALLENGE_JOIN_INPUT_TEAM_ID))
    bz_validation_add (&v, "team_id", "invalid_value", _("Team challenges are not offered: team_id must be null"));
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (!bz_challenge_repo_get (store, &viewer, challenge_id, &challenge, error))
    return NULL;
  if (challenge == NULL)
    return not_found (error), NULL;
  if (caller->role != BZ_ROLE_PATIENT)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_FORBIDDEN, _("Challenges are for members"));
      return NULL;
    }
  status = bz_record_get_string (challenge, BZ_CHALLENGE_STATUS);
  if (g_strcmp0 (status, "completed") == 0 || g_strcmp0 (status, "cancelled") == 0)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_CONFLICT, _("This challenge is over"));
      return NULL;
    }
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_challenge_repo_join (store, challenge_id, caller->user_id, now, &result, error))
    goto fail;
  if (result != BZ_JOIN_DONE)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_CONFLICT,
                           result == BZ_JOIN_FULL ? _("This challenge is full")
                                                  : _("You already take part in this challenge"));
      goto fail;
    }
  if (!bz_store_commit (store, error))
    goto fail;
  bz_store_notify (store, "challenge_participants", challenge_id);
  if (!bz_challenge_repo_participation (store, challenge_id, caller->user_id, &participation, NULL, error) ||
      participation == NULL)
    return NULL;
  joined = bz_record_new (&bz_challenge_joined_resource);
  bz_record_take_object (joined, BZ_CHALLENGE_JOINED_PARTICIPATION, participation);
  return joined;

fail:
  bz_store_rollback (store);
  return NULL;
}

/* Adds an Achievement to @result's list. */
static void
achievement (BzRecord *result, const char *type, const char *title, gint64 xp, const char *badge)
{
  BzRecord *a = bz_record_new (&bz_achievement_resource);
  bz_record_set_string (a, BZ_ACHIEVEMENT_TYPE, type);
  bz_record_set_string (a, BZ_ACHIEVEMENT_TITLE, title);
  bz_record_set_int (a, BZ_ACHIEVEMENT_XP_EARNED, xp);
  if (badge)
    bz_record_set_string (a, BZ_ACHIEVEMENT_BADGE, badge);
  else
    bz_record_set_null (a, BZ_ACHIEVEMENT_BADGE);
  bz_record_append (result, BZ_CHECK_IN_RESULT_ACHIEVEMENTS, a);
}

/* XP and badges for a check-in on @date, inside the transaction. */
static gboolean
award_check_in (BzStore *store, const char *user_id, const char *challenge_id, const char *date,
                gboolean first_reward, GStrv achieved, const BzChallengeScore *score, const char *now,
                BzRecord *result, GError **error)
{
  gboolean fresh;
  gint64 total;

  if (first_reward)
    {
      if (!bz_challenge_repo_award (store, user_id, "first_day", challenge_id, BZ_XP_GOAL_DAY, now, &fresh, &total, error))
        return FALSE;
      if (fresh)
        achievement (result, "milestone", _("First day completed"), BZ_XP_GOAL_DAY, "first_day");
      else
        {
          if (!bz_challenge_repo_award (store, user_id, NULL, challenge_id, BZ_XP_GOAL_DAY, now, &fresh, &total, error))
            return FALSE;
          achievement (result, "daily_goal", _("Daily goal met"), BZ_XP_GOAL_DAY, NULL);
        }
    }
  if (first_reward && bz_challenge_streak_ending ((const char *const *) achieved, g_strv_length (achieved), date)
                          >= BZ_STREAK_DAYS)
    {
      if (!bz_challenge_repo_award (store, user_id, "streak_7", challenge_id, BZ_XP_STREAK, now, &fresh, &total, error))
        return FALSE;
      if (fresh)
        achievement (result, "streak", _("Seven days in a row"), BZ_XP_STREAK, "streak_7");
    }
  if (score->completion_percentage >= 100.0)
    {
      if (!bz_challenge_repo_award (store, user_id, "challenge_completed", challenge_id, BZ_XP_CHALLENGE_COMPLETED,
                                    now, &fresh, &total, error))
        return FALSE;
      if (fresh)
        achievement (result, "completion", _("Challenge completed"), BZ_XP_CHALLENGE_COMPLETED, "challenge_completed");
    }
  return TRUE;
}

/* The room of a challenge's live leaderboard (challenge:join_room). */
static char *
room_of (const char *challenge_id)
{
  return g_strconcat ("challenge:", challenge_id, NULL);
}

/* After a committed rerank: each participant whose rank moved hears of it
 * (seed 002 §4.8 challenge:rank_change), and the sockets in the
 * challenge's room get every change with its user_id (the leaderboard
 * names its participants to every viewer anyway). */
static void
publish_rank_changes (BzServices *svc, const char *challenge_id, GArray *changes)
{
  BzRealtime *hub = bz_services_get_realtime (svc);
  g_autofree char *room = room_of (challenge_id);

  for (guint i = 0; changes && i < changes->len; i++)
    {
      const BzRankChange *c = &g_array_index (changes, BzRankChange, i);
      g_autoptr(JsonObject) o = json_object_new ();
      g_autoptr(JsonNode) node = NULL;

      json_object_set_string_member (o, "challenge_id", challenge_id);
      json_object_set_int_member (o, "old_rank", c->old_rank);
      json_object_set_int_member (o, "new_rank", c->new_rank);
      json_object_set_int_member (o, "rank_change", c->old_rank > 0 ? c->old_rank - c->new_rank : 0);
      node = bz_json_node_new_object (json_object_ref (o));
      bz_realtime_publish (hub, (const char *const[]) { c->user_id }, 1, BZ_REALTIME_EVENT_CHALLENGE_RANK_CHANGE, node);
      json_object_set_string_member (o, "user_id", c->user_id);
      bz_realtime_publish_room (hub, room, BZ_REALTIME_EVENT_CHALLENGE_RANK_CHANGE, node);
    }
}

gboolean
bz_challenges_join_room (BzServices *svc, const BzCaller *caller, const char *challenge_id, guint64 socket_id,
                         GError **error)
{
  BzChallengeViewer viewer;
  g_autofree char *owned = NULL, *room = NULL;
  g_autoptr(BzRecord) challenge = NULL;
  char today[11];

  if (!viewer_of (svc, caller, &viewer, &owned, today, error))
    return FALSE;
  if (challenge_id == NULL)
    return not_found (error);
  if (!bz_challenge_repo_get (bz_services_get_store (svc), &viewer, challenge_id, &challenge, error))
    return FALSE;
  if (challenge == NULL)
    return not_found (error);
  room = room_of (challenge_id);
  if (!bz_realtime_join_room (bz_services_get_realtime (svc), socket_id, room))
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_CONFLICT, _("A connection follows at most %d challenges"), BZ_WS_ROOMS_MAX);
      return FALSE;
    }
  return TRUE;
}

BzRecord *
bz_challenges_check_in (BzServices *svc, const BzCaller *caller, const char *challenge_id, JsonObject *input,
                        GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzChallengeViewer viewer;
  g_autofree char *owned = NULL, *now = bz_now_iso8601 ();
  g_autoptr(BzRecord) challenge = NULL, parsed = NULL, mine = NULL, result = NULL, me = NULL;
  g_autoptr(GArray) rows = NULL, changes = NULL;
  g_auto(GStrv) achieved = NULL;
  BzValidation v = BZ_VALIDATION_INIT;
  BzChallengeStanding standing = { 0 };
  BzChallengeScore score;
  BzChallengeGoal goal;
  BzRecord *progress;
  const char *status, *date, *metric;
  gboolean day_ok, first_reward;
  double value;
  char today[11];

  if (!viewer_of (svc, caller, &viewer, &owned, today, error))
    return NULL;
  parsed = input ? bz_resource_parse_closed (&bz_check_in_input_resource, input, NULL, &v) : NULL;
  if (input == NULL)
    bz_validation_add (&v, "body", "required", _("Send {date, value} as a JSON object"));
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (!bz_challenge_repo_get (store, &viewer, challenge_id, &challenge, error))
    return NULL;
  if (challenge == NULL)
    return not_found (error), NULL;
  if (!bz_challenge_repo_participation (store, challenge_id, caller->user_id, &mine, NULL, error))
    return NULL;
  if (mine == NULL)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("You do not take part in this challenge: join it first"));
      return NULL;
    }
  status = bz_record_get_string (challenge, BZ_CHALLENGE_STATUS);
  if (g_strcmp0 (status, "active") != 0)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_CONFLICT,
                           g_strcmp0 (status, "upcoming") == 0 ? _("This challenge has not started yet")
                                                               : _("This challenge is over"));
      return NULL;
    }
  date = bz_record_get_string (parsed, BZ_CHECK_IN_INPUT_DATE);
  value = bz_record_get_double (parsed, BZ_CHECK_IN_INPUT_VALUE);
  metric = bz_record_get_string (challenge, BZ_CHALLENGE_GOAL_METRIC);
  if (g_strcmp0 (date, bz_record_get_string (challenge, BZ_CHALLENGE_START_DATE)) < 0 ||
      g_strcmp0 (date, bz_record_get_string (challenge, BZ_CHALLENGE_END_DATE)) > 0 || g_strcmp0 (date, today) > 0)
    {
      validation (error, "date", "out_of_range", _("date must be a day of the challenge, not after today"));
      return NULL;
    }
  if (value > bz_challenge_metric_max (metric))
    {
      g_autofree char *msg = g_strdup_printf (_("value must be at most %g %s a day"), bz_challenge_metric_max (metric),
                                              bz_challenge_metric_unit (metric));
      validation (error, "value", "out_of_range", msg);
      return NULL;
    }

  goal.goal_type = bz_record_get_string (challenge, BZ_CHALLENGE_GOAL_TYPE);
  goal.goal_value = bz_record_get_double (challenge, BZ_CHALLENGE_GOAL_VALUE);
  goal.start_date = bz_record_get_string (challenge, BZ_CHALLENGE_START_DATE);
  goal.duration_days = (int) bz_record_get_int (challenge, BZ_CHALLENGE_DURATION_DAYS);
  day_ok = bz_challenge_day_achieved (&goal, value);
  result = bz_record_new (&bz_check_in_result_resource);
  bz_record_set_empty_array (result, BZ_CHECK_IN_RESULT_ACHIEVEMENTS);

  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_challenge_repo_check_in (store, challenge_id, caller->user_id, date, value, day_ok, now, &first_reward,
                                   error) ||
      !bz_challenge_repo_check_ins (store, challenge_id, caller->user_id, &rows, &achieved, error))
    goto fail;
  bz_challenge_score (&goal, (const BzCheckIn *) rows->data, rows->len, &score);
  if (!bz_challenge_repo_set_score (store, challenge_id, caller->user_id, &score,
                                    score.completion_percentage >= 100.0 ? now : NULL, error) ||
      !award_check_in (store, caller->user_id, challenge_id, date, first_reward, achieved, &score, now, result, error) ||
      !bz_challenge_repo_rerank (store, challenge_id, &changes, error) ||
      !bz_store_commit (store, error))
    goto fail;
  bz_store_notify (store, "challenge_participants", challenge_id);
  publish_rank_changes (svc, challenge_id, changes);
  /* Each new badge or XP award reaches the inbox too (seed 001's achievement
   * notifications), keyed so a repeated check-in cannot notify it twice. */
  for (guint i = 0; i < bz_record_get_n_items (result, BZ_CHECK_IN_RESULT_ACHIEVEMENTS); i++)
    {
      BzRecord *a = bz_record_get_item (result, BZ_CHECK_IN_RESULT_ACHIEVEMENTS, i);
      g_autofree char *url = g_strconcat ("/challenges/", challenge_id, NULL);
      g_autofree char *key = g_strdup_printf ("achievement:%s:%s:%s:%s", caller->user_id, challenge_id,
                                              bz_record_get_string (a, BZ_ACHIEVEMENT_TYPE), date);
      bz_notifications_notify (svc, caller->user_id, "achievement", _("New achievement"),
                               bz_record_get_string (a, BZ_ACHIEVEMENT_TITLE), url, key);
    }

  g_clear_object (&mine);
  if (!bz_challenge_repo_participation (store, challenge_id, caller->user_id, &mine, &standing, error) ||
      !bz_challenge_repo_gamification (store, caller->user_id, &me, error))
    return NULL;
  progress = bz_record_new (&bz_check_in_resource);
  bz_record_set_string (progress, BZ_CHECK_IN_DATE, date);
  bz_record_set_double (progress, BZ_CHECK_IN_VALUE, value);
  bz_record_set_boolean (progress, BZ_CHECK_IN_GOAL_ACHIEVED, bz_challenge_goal_met (&goal, (const BzCheckIn *) rows->data, rows->len, date));
  bz_record_set_double (progress, BZ_CHECK_IN_TOTAL_VALUE, score.total_value);
  bz_record_set_int (progress, BZ_CHECK_IN_DAYS_COMPLETED, score.days_completed);
  bz_record_set_double (progress, BZ_CHECK_IN_COMPLETION_PERCENTAGE,
                        bz_record_get_double (mine, BZ_PARTICIPATION_COMPLETION_PERCENTAGE));
  bz_record_set_int (progress, BZ_CHECK_IN_CURRENT_RANK, standing.rank);
  bz_record_take_object (result, BZ_CHECK_IN_RESULT_PROGRESS, progress);
  bz_record_set_int (result, BZ_CHECK_IN_RESULT_XP_TOTAL, bz_record_get_int (me, BZ_GAMIFICATION_XP));
  bz_record_set_int (result, BZ_CHECK_IN_RESULT_LEVEL, bz_record_get_int (me, BZ_GAMIFICATION_LEVEL));
  return g_steal_pointer (&result);

fail:
  bz_store_rollback (store);
  return NULL;
}

BzRecord *
bz_challenges_leaderboard (BzServices *svc, const BzCaller *caller, const char *challenge_id, guint page,
                           guint limit, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzChallengeViewer viewer;
  g_autofree char *owned = NULL;
  g_autoptr(BzRecord) challenge = NULL, mine = NULL;
  BzChallengeStanding standing = { 0 };
  BzRecord *board = NULL;
  char today[11];

  if (!viewer_of (svc, caller, &viewer, &owned, today, error) ||
      !bz_challenge_repo_get (store, &viewer, challenge_id, &challenge, error))
    return NULL;
  if (challenge == NULL)
    return not_found (error), NULL;
  if (!bz_challenge_repo_leaderboard (store, challenge_id, MAX (page, 1), MAX (limit, 1), &board, error))
    return NULL;
  if (!bz_challenge_repo_participation (store, challenge_id, caller->user_id, &mine, &standing, error))
    {
      g_object_unref (board);
      return NULL;
    }
  if (mine && standing.rank > 0)
    {
      BzRecord *pos = bz_record_new (&bz_leaderboard_position_resource);
      bz_record_set_int (pos, BZ_LEADERBOARD_POSITION_RANK, standing.rank);
      bz_record_set_double (pos, BZ_LEADERBOARD_POSITION_TOTAL_VALUE, standing.total_value);
      bz_record_set_int (pos, BZ_LEADERBOARD_POSITION_DAYS_COMPLETED, standing.days_completed);
      bz_record_take_object (board, BZ_LEADERBOARD_CURRENT_USER_POSITION, pos);
    }
  return board;
}

BzRecord *
bz_challenges_gamification (BzServices *svc, const BzCaller *caller, GError **error)
{
  BzRecord *out = NULL;

  if (caller == NULL)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, _("Sign in first"));
      return NULL;
    }
  if (!bz_challenge_repo_gamification (bz_services_get_store (svc), caller->user_id, &out, error))
    return NULL;
  return out;
}

/* --- async (GIO style) for the GUI ------------------------------------------------ */

typedef struct
{
  char *status;
  char *challenge_id;
} ChallengeArgs;

static void
challenge_args_free (gpointer p)
{
  ChallengeArgs *a = p;
  g_free (a->status);
  g_free (a->challenge_id);
  g_free (a);
}

static gpointer
list_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  ChallengeArgs *a = args;
  return bz_challenges_list (svc, caller, a->status, NULL, NULL, 1, BZ_LIST_LIMIT_DEFAULT, error);
}

void
bz_challenges_list_async (BzServices *svc, const BzCaller *caller, const char *status, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  ChallengeArgs *a = g_new0 (ChallengeArgs, 1);
  a->status = g_strdup (status);
  bz_service_task_run (svc, bz_challenges_list_async, "bz-challenges", caller, BZ_SERVICE_TASK_NEEDS_CALLER,
                       list_work, a, challenge_args_free, g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_challenges_list_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_challenges_list_async, error);
}

static gpointer
leaderboard_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  ChallengeArgs *a = args;
  return bz_challenges_leaderboard (svc, caller, a->challenge_id, 1, 10, error);
}

void
bz_challenges_leaderboard_async (BzServices *svc, const BzCaller *caller, const char *challenge_id,
                                 GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  ChallengeArgs *a = g_new0 (ChallengeArgs, 1);
  a->challenge_id = g_strdup (challenge_id);
  bz_service_task_run (svc, bz_challenges_leaderboard_async, "bz-challenges", caller, BZ_SERVICE_TASK_NEEDS_CALLER,
                       leaderboard_work, a, challenge_args_free, g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_challenges_leaderboard_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_challenges_leaderboard_async, error);
}
