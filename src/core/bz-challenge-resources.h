/* bz-challenge-resources.h — challenges, participation, check-ins,
 * leaderboards and the members' XP, levels and badges (issue 10; seed 002
 * §3.3 social.challenges and social.challenge_participants, §4.6).
 *
 * Routes (src/server/bz-handlers-challenges.c):
 *   GET  /api/v1/challenges                          (seed 002 §4.6)
 *   POST /api/v1/challenges                          (a nutritionist creates one: Balanza's)
 *   POST /api/v1/challenges/{challenge_id}/join      (seed 002 §4.6)
 *   POST /api/v1/challenges/{challenge_id}/progress  (seed 002 §4.6)
 *   GET  /api/v1/challenges/{challenge_id}/leaderboard (seed 002 §4.6)
 *   GET  /api/v1/gamification/me                     (XP, level, badges: Balanza's)
 */
#pragma once

#include "bz-challenge.h"
#include "bz-limits.h"
#include "bz-resource.h"

G_BEGIN_DECLS

/* {rank, reward_type, reward_value}: seed 002 §3.3 challenges.rewards. */
#define BZ_CHALLENGE_REWARD_FIELDS(F) \
  F (CHALLENGE_REWARD_RANK, .name = "rank", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_NULLABLE, .min = 1, .max = BZ_CHALLENGE_PARTICIPANTS_MAX, .description = "The rank it is for; null for every participant who completes the challenge") \
  F (CHALLENGE_REWARD_REWARD_TYPE, .name = "reward_type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_REQUIRED, .vocab = &bz_vocab_reward_type) \
  F (CHALLENGE_REWARD_REWARD_VALUE, .name = "reward_value", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = 64, .description = "A badge's id, or the XP as a number")
BZ_RESOURCE_DECLARE (bz_challenge_reward, CHALLENGE_REWARD, BZ_CHALLENGE_REWARD_FIELDS)

#define BZ_CHALLENGE_CREATOR_FIELDS(F) \
  F (CHALLENGE_CREATOR_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (CHALLENGE_CREATOR_FULL_NAME, .name = "full_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (CHALLENGE_CREATOR_CREATED_BY_TYPE, .name = "created_by_type", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "admin, nutritionist, patient or system")
BZ_RESOURCE_DECLARE (bz_challenge_creator, CHALLENGE_CREATOR, BZ_CHALLENGE_CREATOR_FIELDS)

#define BZ_CHALLENGE_FIELDS(F) \
  F (CHALLENGE_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "id") \
  F (CHALLENGE_TITLE, .name = "title", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "title") \
  F (CHALLENGE_DESCRIPTION, .name = "description", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "description") \
  F (CHALLENGE_TYPE, .name = "type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .column = "type", .vocab = &bz_vocab_challenge_type) \
  F (CHALLENGE_CATEGORY, .name = "category", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .column = "category", .vocab = &bz_vocab_challenge_category) \
  F (CHALLENGE_SCOPE, .name = "scope", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .column = "scope", .vocab = &bz_vocab_challenge_scope) \
  F (CHALLENGE_START_DATE, .name = "start_date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY, .column = "start_date") \
  F (CHALLENGE_END_DATE, .name = "end_date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY, .column = "end_date") \
  F (CHALLENGE_GOAL_TYPE, .name = "goal_type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .column = "goal_type", .vocab = &bz_vocab_goal_type) \
  F (CHALLENGE_GOAL_METRIC, .name = "goal_metric", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .column = "goal_metric", .vocab = &bz_vocab_goal_metric) \
  F (CHALLENGE_GOAL_VALUE, .name = "goal_value", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .column = "goal_value") \
  F (CHALLENGE_PARTICIPANT_COUNT, .name = "participant_count", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "participant_count") \
  F (CHALLENGE_MAX_PARTICIPANTS, .name = "max_participants", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "max_participants", .description = "null: unlimited") \
  F (CHALLENGE_IS_FEATURED, .name = "is_featured", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .column = "is_featured") \
  F (CHALLENGE_DURATION_DAYS, .name = "duration_days", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .unit = "days", .description = "end_date - start_date (seed 002's generated column)") \
  F (CHALLENGE_STATUS, .name = "status", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_challenge_status, .description = "From the dates and the clinic's calendar day, or cancelled") \
  F (CHALLENGE_GOAL_UNIT, .name = "goal_unit", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The goal metric's unit: steps, kg, glasses, meals, min") \
  F (CHALLENGE_REWARDS, .name = "rewards", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_challenge_reward_resource) \
  F (CHALLENGE_CREATED_BY, .name = "created_by", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_challenge_creator_resource) \
  F (CHALLENGE_JOINED, .name = "joined", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .description = "Whether the caller takes part")
BZ_RESOURCE_DECLARE (bz_challenge, CHALLENGE, BZ_CHALLENGE_FIELDS)

/* POST /api/v1/challenges (a nutritionist): individual challenges. */
#define BZ_CHALLENGE_INPUT_FIELDS(F) \
  F (CHALLENGE_INPUT_TITLE, .name = "title", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = 255) \
  F (CHALLENGE_INPUT_DESCRIPTION, .name = "description", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .max = BZ_CHALLENGE_DESCRIPTION_CHARS_MAX) \
  F (CHALLENGE_INPUT_CATEGORY, .name = "category", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_REQUIRED, .vocab = &bz_vocab_challenge_category) \
  F (CHALLENGE_INPUT_SCOPE, .name = "scope", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_challenge_scope, .description = "Default nutritionist_patients: the creator's patients; national: every member of this clinic's server") \
  F (CHALLENGE_INPUT_START_DATE, .name = "start_date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_REQUIRED) \
  F (CHALLENGE_INPUT_END_DATE, .name = "end_date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_REQUIRED, .description = "After start_date, at most BZ_CHALLENGE_DAYS_MAX later") \
  F (CHALLENGE_INPUT_GOAL_TYPE, .name = "goal_type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_REQUIRED, .vocab = &bz_vocab_goal_type) \
  F (CHALLENGE_INPUT_GOAL_METRIC, .name = "goal_metric", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_REQUIRED, .vocab = &bz_vocab_goal_metric) \
  F (CHALLENGE_INPUT_GOAL_VALUE, .name = "goal_value", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_REQUIRED, .min = 0.01, .max = 10000000) \
  F (CHALLENGE_INPUT_MAX_PARTICIPANTS, .name = "max_participants", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_NULLABLE, .min = 1, .max = BZ_CHALLENGE_PARTICIPANTS_MAX) \
  F (CHALLENGE_INPUT_REWARDS, .name = "rewards", .type = BZ_FIELD_ARRAY, .ref = &bz_challenge_reward_resource, .max = BZ_CHALLENGE_REWARDS_MAX) \
  F (CHALLENGE_INPUT_IS_FEATURED, .name = "is_featured", .type = BZ_FIELD_BOOLEAN)
BZ_RESOURCE_DECLARE (bz_challenge_input, CHALLENGE_INPUT, BZ_CHALLENGE_INPUT_FIELDS)

#define BZ_CHALLENGE_LIST_FIELDS(F) \
  F (CHALLENGE_LIST_CHALLENGES, .name = "challenges", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_challenge_resource, .description = "Featured first, then by start date") \
  F (CHALLENGE_LIST_PAGINATION, .name = "pagination", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_pagination_resource)
BZ_RESOURCE_DECLARE (bz_challenge_list, CHALLENGE_LIST, BZ_CHALLENGE_LIST_FIELDS)

#define BZ_CHALLENGE_QUERY_FIELDS(F) \
  F (CHALLENGE_QUERY_STATUS, .name = "status", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_challenge_status, .description = "Default active") \
  F (CHALLENGE_QUERY_SCOPE, .name = "scope", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_challenge_scope) \
  F (CHALLENGE_QUERY_CATEGORY, .name = "category", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_challenge_category) \
  F (CHALLENGE_QUERY_PAGE, .name = "page", .type = BZ_FIELD_INTEGER, .min = 1, .max = G_MAXINT32, .description = "Page number, from 1 (default 1)") \
  F (CHALLENGE_QUERY_LIMIT, .name = "limit", .type = BZ_FIELD_INTEGER, .min = 1, .max = BZ_LIST_LIMIT_MAX, .description = "Items per page (default 20; the leaderboard's default is 50)")
BZ_RESOURCE_DECLARE (bz_challenge_query, CHALLENGE_QUERY, BZ_CHALLENGE_QUERY_FIELDS)

/* POST .../join: {"team_id": null}; team challenges are not offered yet. */
#define BZ_CHALLENGE_JOIN_INPUT_FIELDS(F) \
  F (CHALLENGE_JOIN_INPUT_TEAM_ID, .name = "team_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_NULLABLE, .description = "For team challenges; must be null (Balanza offers individual and community challenges)")
BZ_RESOURCE_DECLARE (bz_challenge_join_input, CHALLENGE_JOIN_INPUT, BZ_CHALLENGE_JOIN_INPUT_FIELDS)

#define BZ_PARTICIPATION_FIELDS(F) \
  F (PARTICIPATION_CHALLENGE_ID, .name = "challenge_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "challenge_id") \
  F (PARTICIPATION_USER_ID, .name = "user_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "user_id") \
  F (PARTICIPATION_STATUS, .name = "status", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .column = "status", .vocab = &bz_vocab_participant_status) \
  F (PARTICIPATION_CURRENT_VALUE, .name = "current_value", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .column = "current_value") \
  F (PARTICIPATION_COMPLETION_PERCENTAGE, .name = "completion_percentage", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .column = "completion_percentage", .unit = "%") \
  F (PARTICIPATION_JOINED_AT, .name = "joined_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "joined_at")
BZ_RESOURCE_DECLARE (bz_participation, PARTICIPATION, BZ_PARTICIPATION_FIELDS)

#define BZ_CHALLENGE_JOINED_FIELDS(F) \
  F (CHALLENGE_JOINED_PARTICIPATION, .name = "participation", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_participation_resource)
BZ_RESOURCE_DECLARE (bz_challenge_joined, CHALLENGE_JOINED, BZ_CHALLENGE_JOINED_FIELDS)

/* POST .../progress: a daily check-in; the same date again replaces it. */
#define BZ_CHECK_IN_INPUT_FIELDS(F) \
  F (CHECK_IN_INPUT_DATE, .name = "date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_REQUIRED, .description = "Within the challenge, not after today") \
  F (CHECK_IN_INPUT_VALUE, .name = "value", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_REQUIRED, .min = 0, .max = BZ_CHALLENGE_CHECK_IN_MAX, .description = "In the goal metric's unit; at most bz_challenge_metric_max() for the metric")
BZ_RESOURCE_DECLARE (bz_check_in_input, CHECK_IN_INPUT, BZ_CHECK_IN_INPUT_FIELDS)

#define BZ_CHECK_IN_FIELDS(F) \
  F (CHECK_IN_DATE, .name = "date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY) \
  F (CHECK_IN_VALUE, .name = "value", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY) \
  F (CHECK_IN_GOAL_ACHIEVED, .name = "goal_achieved", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .description = "The day's value meets a daily or threshold goal; for cumulative and weekly goals, whether the total (the week's) meets it") \
  F (CHECK_IN_TOTAL_VALUE, .name = "total_value", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY) \
  F (CHECK_IN_DAYS_COMPLETED, .name = "days_completed", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (CHECK_IN_COMPLETION_PERCENTAGE, .name = "completion_percentage", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .unit = "%") \
  F (CHECK_IN_CURRENT_RANK, .name = "current_rank", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY)
BZ_RESOURCE_DECLARE (bz_check_in, CHECK_IN, BZ_CHECK_IN_FIELDS)

#define BZ_ACHIEVEMENT_FIELDS(F) \
  F (ACHIEVEMENT_TYPE, .name = "type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_achievement_type) \
  F (ACHIEVEMENT_TITLE, .name = "title", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "In the server's language") \
  F (ACHIEVEMENT_XP_EARNED, .name = "xp_earned", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (ACHIEVEMENT_BADGE, .name = "badge", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .vocab = &bz_vocab_badge)
BZ_RESOURCE_DECLARE (bz_achievement, ACHIEVEMENT, BZ_ACHIEVEMENT_FIELDS)

#define BZ_CHECK_IN_RESULT_FIELDS(F) \
  F (CHECK_IN_RESULT_PROGRESS, .name = "progress", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_check_in_resource) \
  F (CHECK_IN_RESULT_ACHIEVEMENTS, .name = "achievements", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_achievement_resource, .description = "What this check-in earned; empty when nothing") \
  F (CHECK_IN_RESULT_XP_TOTAL, .name = "xp_total", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (CHECK_IN_RESULT_LEVEL, .name = "level", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY)
BZ_RESOURCE_DECLARE (bz_check_in_result, CHECK_IN_RESULT, BZ_CHECK_IN_RESULT_FIELDS)

#define BZ_LEADERBOARD_USER_FIELDS(F) \
  F (LEADERBOARD_USER_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (LEADERBOARD_USER_FULL_NAME, .name = "full_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "First name and the initial of the last (a leaderboard is shown to other members)")
BZ_RESOURCE_DECLARE (bz_leaderboard_user, LEADERBOARD_USER, BZ_LEADERBOARD_USER_FIELDS)

#define BZ_LEADERBOARD_ENTRY_FIELDS(F) \
  F (LEADERBOARD_ENTRY_RANK, .name = "rank", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (LEADERBOARD_ENTRY_USER, .name = "user", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_leaderboard_user_resource) \
  F (LEADERBOARD_ENTRY_TOTAL_VALUE, .name = "total_value", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY) \
  F (LEADERBOARD_ENTRY_DAYS_COMPLETED, .name = "days_completed", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (LEADERBOARD_ENTRY_COMPLETION_PERCENTAGE, .name = "completion_percentage", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .unit = "%") \
  F (LEADERBOARD_ENTRY_AVERAGE_DAILY_VALUE, .name = "average_daily_value", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .description = "total_value / check-ins")
BZ_RESOURCE_DECLARE (bz_leaderboard_entry, LEADERBOARD_ENTRY, BZ_LEADERBOARD_ENTRY_FIELDS)

#define BZ_LEADERBOARD_POSITION_FIELDS(F) \
  F (LEADERBOARD_POSITION_RANK, .name = "rank", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (LEADERBOARD_POSITION_TOTAL_VALUE, .name = "total_value", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY) \
  F (LEADERBOARD_POSITION_DAYS_COMPLETED, .name = "days_completed", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY)
BZ_RESOURCE_DECLARE (bz_leaderboard_position, LEADERBOARD_POSITION, BZ_LEADERBOARD_POSITION_FIELDS)

#define BZ_LEADERBOARD_FIELDS(F) \
  F (LEADERBOARD_LEADERBOARD, .name = "leaderboard", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_leaderboard_entry_resource, .description = "By rank") \
  F (LEADERBOARD_CURRENT_USER_POSITION, .name = "current_user_position", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_leaderboard_position_resource, .description = "null when the caller does not take part") \
  F (LEADERBOARD_PAGINATION, .name = "pagination", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_pagination_resource)
BZ_RESOURCE_DECLARE (bz_leaderboard, LEADERBOARD, BZ_LEADERBOARD_FIELDS)

#define BZ_BADGE_AWARD_FIELDS(F) \
  F (BADGE_AWARD_BADGE, .name = "badge", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_badge, .column = "badge") \
  F (BADGE_AWARD_CHALLENGE_ID, .name = "challenge_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "challenge_id") \
  F (BADGE_AWARD_AWARDED_AT, .name = "awarded_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "awarded_at")
BZ_RESOURCE_DECLARE (bz_badge_award, BADGE_AWARD, BZ_BADGE_AWARD_FIELDS)

#define BZ_GAMIFICATION_FIELDS(F) \
  F (GAMIFICATION_XP, .name = "xp", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (GAMIFICATION_LEVEL, .name = "level", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "1 + floor(sqrt(xp / 100))") \
  F (GAMIFICATION_NEXT_LEVEL_XP, .name = "next_level_xp", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "The XP total of the next level") \
  F (GAMIFICATION_BADGES, .name = "badges", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_badge_award_resource, .description = "Newest first")
BZ_RESOURCE_DECLARE (bz_gamification, GAMIFICATION, BZ_GAMIFICATION_FIELDS)

G_END_DECLS
