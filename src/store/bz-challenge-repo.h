/* bz-challenge-repo.h — the SQL of challenges, participants, check-ins, XP
 * and badges (data/sql/025_challenges.sql), read and written as #BzRecord of
 * bz-challenge-resources.h.  Writers run in the caller's transaction.
 */
#pragma once

#include "bz-challenge.h"
#include "bz-resources.h"
#include "bz-store.h"

G_BEGIN_DECLS

/**
 * BzChallengeViewer:
 * @user_id: the caller (users.id)
 * @nutritionist_id: (nullable): whose "nutritionist_patients" challenges the
 *   caller sees: a member's nutritionist, or a nutritionist's own id
 * @today: the clinic's calendar day, "YYYY-MM-DD", for the status
 *
 * Who reads: a challenge is visible when its scope is national, or when it
 * is for @nutritionist_id's patients.  An invisible challenge reads as an
 * unknown one.
 */
typedef struct
{
  const char *user_id;
  const char *nutritionist_id;
  const char *today;
} BzChallengeViewer;

/**
 * bz_challenge_repo_insert:
 * @input: a validated ChallengeCreate record (scope already defaulted)
 * @rewards_json: the rewards as a JSON array text
 * @created_by_type: "nutritionist", "admin", …
 * @now: ISO 8601 UTC
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_challenge_repo_insert (BzStore *store, const char *id, BzRecord *input, const char *scope,
                                   const char *nutritionist_id, const char *rewards_json, const char *created_by,
                                   const char *created_by_type, const char *now, GError **error);

/**
 * bz_challenge_repo_list:
 * @status: (nullable): a bz_vocab_challenge_status term, or %NULL for all
 * @scope: (nullable): a bz_vocab_challenge_scope term
 * @category: (nullable): a bz_vocab_challenge_category term
 * @out: (out) (transfer full): the page's Challenge records, featured first,
 *   then by start date
 * @out_total: (out): how many match
 * Two statements whatever the page.
 */
gboolean bz_challenge_repo_list (BzStore *store, const BzChallengeViewer *viewer, const char *status,
                                 const char *scope, const char *category, guint page, guint limit,
                                 GPtrArray **out, gint64 *out_total, GError **error);

/**
 * bz_challenge_repo_get:
 * @out: (out) (transfer full) (nullable): the Challenge, or %NULL when it
 *   does not exist or @viewer may not see it
 */
gboolean bz_challenge_repo_get (BzStore *store, const BzChallengeViewer *viewer, const char *challenge_id,
                                BzRecord **out, GError **error);

typedef enum
{
  BZ_JOIN_DONE,
  BZ_JOIN_ALREADY,
  BZ_JOIN_FULL,
} BzChallengeJoin;

/**
 * bz_challenge_repo_join:
 * @out_result: (out): joined, already taking part, or full (max_participants)
 * Adds the participant and counts them, or neither.
 */
gboolean bz_challenge_repo_join (BzStore *store, const char *challenge_id, const char *user_id, const char *now,
                                 BzChallengeJoin *out_result, GError **error);

/**
 * BzChallengeStanding:
 * @rank: the current rank (0 before the first ranking)
 * @total_value: the sum of the check-ins
 * @days_completed: as bz_challenge_score() counts them
 */
typedef struct
{
  gint64 rank;
  double total_value;
  gint64 days_completed;
} BzChallengeStanding;

/**
 * bz_challenge_repo_participation:
 * @out: (out) (transfer full) (nullable): the Participation, %NULL when
 *   @user_id does not take part
 * @out_standing: (out) (optional): rank and totals
 */
gboolean bz_challenge_repo_participation (BzStore *store, const char *challenge_id, const char *user_id,
                                          BzRecord **out, BzChallengeStanding *out_standing, GError **error);

/**
 * bz_challenge_repo_check_in:
 * @goal_achieved: whether @value meets the day's goal on its own
 * @out_first_reward: (out): %TRUE when the date meets its goal for the first
 *   time (its XP is due: once per date, whatever later changes)
 * Inserts the check-in or replaces the value of that date.
 */
gboolean bz_challenge_repo_check_in (BzStore *store, const char *challenge_id, const char *user_id,
                                     const char *date, double value, gboolean goal_achieved, const char *now,
                                     gboolean *out_first_reward, GError **error);

/**
 * bz_challenge_repo_check_ins:
 * @out: (out) (transfer full): a GArray of #BzCheckIn, by date
 * @out_achieved: (out) (transfer full): the dates whose goal was met, by
 *   date (a %NULL-terminated array)
 */
gboolean bz_challenge_repo_check_ins (BzStore *store, const char *challenge_id, const char *user_id,
                                      GArray **out, GStrv *out_achieved, GError **error);

/**
 * bz_challenge_repo_set_score:
 * @completed_at: (nullable): set when the score reaches 100 % (status completed)
 */
gboolean bz_challenge_repo_set_score (BzStore *store, const char *challenge_id, const char *user_id,
                                      const BzChallengeScore *score, const char *completed_at, GError **error);

/**
 * BzRankChange:
 * @user_id: (transfer full): a participant whose rank changed
 * @old_rank: 0 when unranked before
 * @new_rank: the new rank
 */
typedef struct
{
  char *user_id;
  gint64 old_rank, new_rank;
} BzRankChange;

void bz_rank_change_clear (gpointer change);

/**
 * bz_challenge_repo_rerank:
 * @out_changes: (out) (transfer full): a GArray of #BzRankChange (cleared
 *   with bz_rank_change_clear()): the participants whose rank changed
 *
 * Ranks the challenge's active and completed participants by completion,
 * then total, then who joined first, in one statement; previous_rank keeps
 * the rank before.
 */
gboolean bz_challenge_repo_rerank (BzStore *store, const char *challenge_id, GArray **out_changes, GError **error);

/**
 * bz_challenge_repo_award:
 * @badge: (nullable): a bz_vocab_badge term, or %NULL for XP alone
 * @challenge_id: (nullable): the challenge it is for
 * @xp: XP to add when the badge is new (or always, without a badge)
 * @out_new: (out): %FALSE when the badge was already held (nothing added)
 * @out_xp_total: (out): the user's XP total after
 *
 * Adds the badge (once per user, badge and challenge) and the XP, keeping
 * user_xp.level = bz_gamification_level (xp); the participant's xp_earned
 * grows too when @challenge_id is given.
 */
gboolean bz_challenge_repo_award (BzStore *store, const char *user_id, const char *badge, const char *challenge_id,
                                  gint64 xp, const char *now, gboolean *out_new, gint64 *out_xp_total,
                                  GError **error);

/**
 * bz_challenge_repo_leaderboard:
 * @out: (out) (transfer full): the Leaderboard {leaderboard, pagination};
 *   current_user_position is left for the caller
 * Participants by rank; names as "First L." (other members read them).
 */
gboolean bz_challenge_repo_leaderboard (BzStore *store, const char *challenge_id, guint page, guint limit,
                                        BzRecord **out, GError **error);

/**
 * bz_challenge_repo_gamification:
 * @out: (out) (transfer full): the Gamification record {xp, level, next_level_xp, badges}
 */
gboolean bz_challenge_repo_gamification (BzStore *store, const char *user_id, BzRecord **out, GError **error);

G_END_DECLS
