/* bz-vocab.h — controlled vocabularies: one table per vocabulary, each term
 * with its stored id, its translated label and the spellings clients send.
 *
 * Seed clients send Spanish (Mexico) terms as well as English ones: a meal
 * type may arrive as "comida" or "colación".  Balanza stores the seed's
 * English id and accepts every alias, case- and accent-insensitively.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BzTerm:
 * @id: the stored and serialized value ("lunch")
 * @label: the English label, marked for translation and translated at lookup ("Lunch")
 * @aliases: (array zero-terminated=1): other accepted spellings, lower case
 *   without accents ("comida", "almuerzo")
 */
typedef struct
{
  const char *id;
  const char *label;
  const char *const *aliases;
} BzTerm;

/**
 * BzVocab:
 * @name: the field it constrains, for messages ("meal_type")
 * @terms: (array length=n_terms): its terms, in display order
 * @n_terms: how many
 */
typedef struct
{
  const char *name;
  const BzTerm *terms;
  guint n_terms;
} BzVocab;

/** Meal types of seed 000 story 4.3 / seed 002 meal_logs, with the Mexican
 * names seed clients send (desayuno, comida, cena, colación). */
extern const BzVocab bz_vocab_meal_type;
/** The roles of a turn of the assistant's chat (seed 002 §4.7): user, assistant. */
extern const BzVocab bz_vocab_chat_role;
/** Patient goals of seed 002 §3.2 (patients.primary_goal), with Spanish names. */
extern const BzVocab bz_vocab_goal;
/** Genders of seed 002 §3.2 (users.gender), with Spanish names. */
extern const BzVocab bz_vocab_gender;
/** Sexes of a scan (male, female: what the energy and body equations take). */
extern const BzVocab bz_vocab_sex;
/** bz_vocab_activity_level: sedentary, light, moderate, active, very_active (FAO/WHO/UNU 2001 PAL bands). */
extern const BzVocab bz_vocab_activity_level;
/** bz_vocab_detection_status: manual_entry_required, detected, manual, pending. */
extern const BzVocab bz_vocab_detection_status;
/** bz_vocab_meal_source: phone, workstation, demo. */
extern const BzVocab bz_vocab_meal_source;
/** bz_vocab_user_type: patient, nutritionist, admin (BzRole). */
extern const BzVocab bz_vocab_user_type;
/** bz_vocab_patient_status: active, inactive, graduated, dropped. */
extern const BzVocab bz_vocab_patient_status;
/** bz_vocab_dietary_preference: omnivore, vegetarian, vegan (seed 002 §3.2 patients.dietary_preference). */
extern const BzVocab bz_vocab_dietary_preference;
/** bz_vocab_budget_level: economico, moderado, alto (seed 002 §4.7 generate-meal-plan budget_level). */
extern const BzVocab bz_vocab_budget_level;
/** bz_vocab_notice_lang: es (Spanish, Mexico: the privacy notice's binding text) or en (its English translation). */
extern const BzVocab bz_vocab_notice_lang;
/** bz_vocab_photo_size: display (at most 1280 px, no EXIF) or original. */
extern const BzVocab bz_vocab_photo_size;
/** bz_vocab_provider_health: healthy, degraded or down (an integration provider, seed 003). */
extern const BzVocab bz_vocab_provider_health;
/** bz_vocab_breaker_state: closed, open or half_open, in BzBreakerState's order. */
extern const BzVocab bz_vocab_breaker_state;

/**
 * bz_vocab_avatar_compression: meshopt (KHR_mesh_quantization +
 * EXT_meshopt_compression, the default of the avatar route) or none (plain
 * glTF 2.0, for loaders without the extensions).
 */
extern const BzVocab bz_vocab_avatar_compression;
/** bz_vocab_specialization: a nutritionist's practice areas (seed 002 §3.2). */
extern const BzVocab bz_vocab_specialization;
/** bz_vocab_license_status: pending, verified or rejected (seed 002 §3.2 verification_status). */
extern const BzVocab bz_vocab_license_status;
/** bz_vocab_analytics_period: day, week (7 days) or month (30 days) ending on a date (bz-analytics.h). */
extern const BzVocab bz_vocab_analytics_period;
/** bz_vocab_sync_type: what a change of the phones' delta sync is about
 * (GET /api/v1/sync/changes, issue 9): meal, scan, avatar, meal_plan,
 * patient, recipe (bz-sync-resources.h). */
extern const BzVocab bz_vocab_sync_type;
/** bz_vocab_sync_op: upsert (the record as it is now) or delete (a tombstone). */
extern const BzVocab bz_vocab_sync_op;

/** bz_vocab_device_platform: android, ios, web (a push device token's kind, issue 10). */
extern const BzVocab bz_vocab_device_platform;

/** bz_vocab_paired_platform: android, ios or other: a paired phone's
 * system (POST /api/v1/devices/pair, issue 9). */
extern const BzVocab bz_vocab_paired_platform;

/** bz_vocab_appointment_status: scheduled, completed, cancelled, no_show (issue 12). */
extern const BzVocab bz_vocab_appointment_status;

/* Challenges (issue 10; seed 002 §3.3 social.challenges, §4.6). */
/** bz_vocab_challenge_type: individual, team, community (challenges.type). */
extern const BzVocab bz_vocab_challenge_type;
/** bz_vocab_challenge_category: weight_loss, steps, water, meals, exercise. */
extern const BzVocab bz_vocab_challenge_category;
/** bz_vocab_challenge_scope: national (every member of this server) and
 * nutritionist_patients; the seed's state, city and group scopes are not
 * offered (patients' state and city are not kept). */
extern const BzVocab bz_vocab_challenge_scope;
/** bz_vocab_challenge_status: upcoming, active, completed, cancelled. */
extern const BzVocab bz_vocab_challenge_status;
/** bz_vocab_goal_type: cumulative, daily, weekly, threshold (bz-challenge.h). */
extern const BzVocab bz_vocab_goal_type;
/** bz_vocab_goal_metric: steps, kg_lost, water_glasses, meals_logged, exercise_minutes. */
extern const BzVocab bz_vocab_goal_metric;
/** bz_vocab_participant_status: active, completed, dropped, failed. */
extern const BzVocab bz_vocab_participant_status;
/** bz_vocab_reward_type: badge, xp (challenges.rewards[].reward_type). */
extern const BzVocab bz_vocab_reward_type;
/** bz_vocab_badge: first_day, streak_7, challenge_completed, first_place. */
extern const BzVocab bz_vocab_badge;
/** bz_vocab_achievement_type: milestone, daily_goal, streak, completion. */
extern const BzVocab bz_vocab_achievement_type;

/** bz_vocab_post_type: text, photo, progress, recipe, question, achievement (seed 002 §3.3 posts.type). */
extern const BzVocab bz_vocab_post_type;
/** bz_vocab_post_visibility: public, followers, group, family_circle,
 * nutritionist_only (seed 002 §3.3 posts.visibility) and private (the author only). */
extern const BzVocab bz_vocab_post_visibility;
/** bz_vocab_reaction_type: heart, clap, fire, strong, celebrate (seed 002 §3.3 reactions.reaction_type). */
extern const BzVocab bz_vocab_reaction_type;
/** bz_vocab_group_type: open, closed, private, nutritionist_only, patient_only (seed 002 §3.3 groups.type). */
extern const BzVocab bz_vocab_group_type;
/** bz_vocab_group_role: admin, moderator, member, pending (seed 002 §3.3 group_members.role). */
extern const BzVocab bz_vocab_group_role;
/** bz_vocab_circle_role: owner, family_member, nutritionist, support_friend
 * (seed 002 §3.3 family_circle_members.role). */
extern const BzVocab bz_vocab_circle_role;
/** bz_vocab_muscle: the muscles of the exercise library (data/exercises/SOURCE.md). */
extern const BzVocab bz_vocab_muscle;
/** bz_vocab_equipment: what an exercise needs; the terms from "cable" on are the
 * gym's machine kinds (bz_equipment_is_machine(), bz-exercise.h). */
extern const BzVocab bz_vocab_equipment;
/** bz_vocab_training_level: beginner, intermediate, advanced (ACSM 2009's novice, intermediate, advanced). */
extern const BzVocab bz_vocab_training_level;
/** bz_vocab_exercise_category: strength, cardio, mobility. */
extern const BzVocab bz_vocab_exercise_category;
/** bz_vocab_workout_goal: strength, hypertrophy, endurance, weight_loss, general_fitness (bz-workout-planner.h). */
extern const BzVocab bz_vocab_workout_goal;
/** bz_vocab_machine_status: available, in_use, out_of_service (alias maintenance), offline (gym_machines.status, 037). */
extern const BzVocab bz_vocab_machine_status;
/** bz_vocab_household_measure: tortilla, pieza, rebanada, taza, cucharada,
 * cucharadita: the SMAE's household measures, in #BzHouseholdMeasure's order
 * (bz-household.h: their volumes and how a food's grams are told in them). */
extern const BzVocab bz_vocab_household_measure;

/**
 * bz_vocab_canonical:
 * @vocab: the vocabulary
 * @input: (nullable): what the client sent
 *
 * Matches @input against each term's id and aliases, ignoring case and
 * accents ("Colación" = "colacion").
 *
 * Returns: (transfer none) (nullable): the term's id, or %NULL if none matches.
 */
const char *bz_vocab_canonical (const BzVocab *vocab, const char *input);

/**
 * bz_vocab_label:
 * Returns: (transfer none): the translated label of @id, or @fallback when
 *   @id is not a term of @vocab.
 */
const char *bz_vocab_label     (const BzVocab *vocab, const char *id, const char *fallback);

G_END_DECLS
