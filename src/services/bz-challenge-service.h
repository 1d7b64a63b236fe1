/* bz-challenge-service.h — challenges, check-ins, leaderboards and the
 * members' XP, levels and badges (issue 10; seed 002 §4.6).  The only entry
 * for the HTTP handlers and the GUI; records of bz-challenge-resources.h.
 *
 * Who sees what: a "national" challenge is every member's and every
 * nutritionist's of this server; a "nutritionist_patients" one is its
 * nutritionist's and that nutritionist's patients'.  Any other challenge id
 * reads as unknown (NOT_FOUND).  Members join and check in; nutritionists
 * create challenges.  Dates are the clinic's calendar days (local time).
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bz-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/**
 * bz_challenges_list:
 * @status: (nullable): upcoming, active (the default when %NULL), completed or cancelled
 * @scope: (nullable): national or nutritionist_patients, or %NULL for both
 * @category: (nullable): a bz_vocab_challenge_category term, or %NULL
 * Returns: (transfer full): the ChallengeList page.  Errors: VALIDATION
 *   (a filter not in its vocabulary), UNAUTHENTICATED.
 */
BzRecord *bz_challenges_list (BzServices *svc, const BzCaller *caller, const char *status, const char *scope,
                              const char *category, guint page, guint limit, GError **error);

/**
 * bz_challenges_create:
 * @input: the ChallengeCreate body
 *
 * A nutritionist's individual challenge, for their patients (the default
 * scope) or for everyone on this server.  start_date must not be before
 * today and end_date must be after it and at most %BZ_CHALLENGE_DAYS_MAX
 * days later; goal_value within the metric's bound for daily and
 * threshold goals.
 * Returns: (transfer full): the Challenge.  Errors: VALIDATION (field
 *   details), FORBIDDEN (not a nutritionist), UNAUTHENTICATED.
 */
BzRecord *bz_challenges_create (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

/**
 * bz_challenges_join:
 * @input: (nullable): {"team_id": null}
 * Returns: (transfer full): ChallengeJoined {participation}.  Errors:
 *   NOT_FOUND (unknown or not visible), CONFLICT (already taking part, the
 *   challenge is full, completed or cancelled), VALIDATION (a team_id),
 *   FORBIDDEN (a nutritionist: challenges are for members).
 */
BzRecord *bz_challenges_join (BzServices *svc, const BzCaller *caller, const char *challenge_id, JsonObject *input,
                              GError **error);

/**
 * bz_challenges_check_in:
 * @input: the ChallengeProgressInput body {date, value}
 *
 * Records the day's value (the same date again replaces it), rescores the
 * participant (bz_challenge_score()), reranks the challenge, and gives the
 * XP and badges due (bz-challenge.h: each goal day once, the first goal
 * day, a 7-day streak, completion).  One transaction.
 * Returns: (transfer full): ChallengeProgressResult.  Errors: NOT_FOUND
 *   (unknown, not visible, or the caller does not take part), CONFLICT (the
 *   challenge is upcoming, cancelled, or over), VALIDATION (date outside
 *   the challenge or after today; value beyond bz_challenge_metric_max()).
 */
BzRecord *bz_challenges_check_in (BzServices *svc, const BzCaller *caller, const char *challenge_id,
                                  JsonObject *input, GError **error);

/**
 * bz_challenges_join_room:
 * @socket_id: the caller's WebSocket (bz_realtime_attach())
 *
 * seed 002 §4.8 challenge:join_room "for live leaderboard updates": the
 * socket then receives challenge:rank_change, with user_id, for every
 * participant of @challenge_id whose rank moves (bz-realtime.h).  Any thread
 * (it reads the store).
 * Returns: %FALSE with NOT_FOUND (unknown or not visible to the caller) or
 *   CONFLICT (the socket already follows %BZ_WS_ROOMS_MAX challenges).
 */
gboolean  bz_challenges_join_room (BzServices *svc, const BzCaller *caller, const char *challenge_id,
                                   guint64 socket_id, GError **error);

/**
 * bz_challenges_leaderboard:
 * Returns: (transfer full): the Leaderboard page, with the caller's
 *   position when the caller takes part.  Errors: NOT_FOUND.
 */
BzRecord *bz_challenges_leaderboard (BzServices *svc, const BzCaller *caller, const char *challenge_id,
                                     guint page, guint limit, GError **error);

/**
 * bz_challenges_gamification:
 * Returns: (transfer full): the caller's Gamification {xp, level, next_level_xp, badges}.
 */
BzRecord *bz_challenges_gamification (BzServices *svc, const BzCaller *caller, GError **error);

/** bz_challenges_list_async: bz_challenges_list() on a worker thread (the kiosk). */
void      bz_challenges_list_async          (BzServices *svc, const BzCaller *caller, const char *status,
                                             GCancellable *cancellable, GAsyncReadyCallback callback,
                                             gpointer user_data);
/** bz_challenges_list_finish: Returns: (transfer full): as bz_challenges_list(). */
BzRecord *bz_challenges_list_finish         (BzServices *svc, GAsyncResult *result, GError **error);
/** bz_challenges_leaderboard_async: bz_challenges_leaderboard() (first page of 10) on a worker thread. */
void      bz_challenges_leaderboard_async   (BzServices *svc, const BzCaller *caller, const char *challenge_id,
                                             GCancellable *cancellable, GAsyncReadyCallback callback,
                                             gpointer user_data);
/** bz_challenges_leaderboard_finish: Returns: (transfer full): as bz_challenges_leaderboard(). */
BzRecord *bz_challenges_leaderboard_finish  (BzServices *svc, GAsyncResult *result, GError **error);

G_END_DECLS
