/* bz-meal-repo.h — the meal aggregate's SQL: meal_logs and meal_items
 * (data/sql/001_init.sql), read and written as #BzRecord of bz_meal_resource. */
#pragma once

#include "bz-resources.h"
#include "bz-store.h"

G_BEGIN_DECLS

/**
 * BzMealFiles:
 * @photo_sha256: (nullable): the original photo's blob
 * @photo_display_sha256: (nullable): its display copy's blob
 * @created_by: (nullable): the user who logged the meal
 *
 * The columns of a meal that the API does not show.
 */
typedef struct
{
  const char *photo_sha256;
  const char *photo_display_sha256;
  const char *created_by;
} BzMealFiles;

/**
 * bz_meal_repo_insert:
 * @meal: a Meal record with id, patient_id, meal_type, eaten_at, date,
 *   detection_status, source, nutrition, and items each with ndb_no, grams
 *   and nutrition
 *
 * Inserts the meal and its items and logs the change, inside the caller's
 * transaction (bz_store_begin()).
 *
 * Returns: %FALSE with @error (BZ_ERROR_INTERNAL, CONFLICT) on failure.
 */
gboolean  bz_meal_repo_insert   (BzStore *store, BzRecord *meal, const BzMealFiles *files, GError **error);

/**
 * bz_meal_repo_get:
 * Returns: (transfer full) (nullable): the Meal @id with its items, or %NULL
 *   (without error) when there is none.
 */
BzRecord *bz_meal_repo_get      (BzStore *store, const char *id, GError **error);

/**
 * bz_meal_repo_get_many:
 * @ids: (array length=n): meal ids (any text)
 * @out: (out) (transfer full) (element-type BzRecord): the Meals of @ids
 *   that exist, with their items, in no particular order
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * bz_meal_repo_get() for a batch (the phones' delta sync): two statements
 * whatever @n, the ids passed as one JSON array (bz_repo_ids_json()).
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_meal_repo_get_many (BzStore *store, const char *const *ids, guint n, GPtrArray **out,
                                 GError **error);

/**
 * bz_meal_repo_list_day:
 * @date: YYYY-MM-DD, the clinic's local date (meal_logs.eaten_date)
 * @out: (out) (transfer full): a #GPtrArray of Meal records, by eaten_at,
 *   each with its items
 *
 * Two statements whatever the number of meals: the meals, then all their items.
 */
gboolean  bz_meal_repo_list_day (BzStore *store, const char *patient_id, const char *date,
                                 GPtrArray **out, GError **error);

/**
 * bz_meal_repo_list_page:
 * @out: (out) (transfer full): Meal records newest first (eaten_at, then created_at)
 * @out_total: (out): how many meals @patient_id has
 *
 * Three statements: the count, the page, and the page's items.
 */
gboolean  bz_meal_repo_list_page (BzStore *store, const char *patient_id, guint page, guint limit,
                                  GPtrArray **out, gint64 *out_total, GError **error);

/**
 * bz_meal_repo_photo:
 * @original: %TRUE for the uploaded bytes' blob, %FALSE for the display copy
 *   (the original when the meal predates display copies)
 * @out_patient_id: (out) (transfer full): whose meal it is
 * @out_sha256: (out) (transfer full): the blob
 *
 * Returns: %FALSE when the meal does not exist or has no photo (@error unset),
 *   or on a database error (@error set).
 */
/**
 * bz_meal_repo_patient_of:
 * @out_patient_id: (out) (transfer full): the meal's patients.id, or %NULL
 *   when no meal has @meal_id
 *
 * Returns: %FALSE with @error on a database error only.
 */
gboolean  bz_meal_repo_patient_of (BzStore *store, const char *meal_id, char **out_patient_id, GError **error);

/**
 * bz_meal_repo_update:
 * @meal: a Meal record with its id, meal_type, eaten_at, date, nutrition and
 *   items (each with ndb_no, grams and nutrition)
 *
 * Writes the meal's type, time, date and nutrition, replaces its items, and
 * logs the update in the change log; in the caller's transaction.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_meal_repo_update   (BzStore *store, BzRecord *meal, GError **error);

/**
 * bz_meal_repo_delete:
 *
 * Deletes the meal and its items (ON DELETE CASCADE) and logs the deletion
 * in the change log (phones sync it); in the caller's transaction.  The
 * photo's blobs stay until the blob collector finds nothing refers to them.
 *
 * Returns: %FALSE with @error on a database error; %TRUE also when no meal
 *   had @meal_id (*@out_deleted %FALSE).
 */
gboolean  bz_meal_repo_delete   (BzStore *store, const char *meal_id, gboolean *out_deleted, GError **error);

gboolean  bz_meal_repo_photo    (BzStore *store, const char *meal_id, gboolean original,
                                 char **out_patient_id, char **out_sha256, GError **error);

/**
 * BzTargetsInput:
 * The inputs of a day's targets: the latest scan measured on or before the
 * end of that day, with the patient's activity level and goal.
 */
typedef struct
{
  char *scan_id;
  char *measured_at;
  char *sex;              /* "male" | "female" */
  int age;                /* years */
  double height_cm, weight_kg;
  char *activity_level;   /* nullable */
  char *primary_goal;     /* nullable */
} BzTargetsInput;

void      bz_targets_input_clear (BzTargetsInput *in);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BzTargetsInput, bz_targets_input_clear)

/**
 * bz_meal_repo_targets_input:
 * @out: (out caller-allocates): filled when found
 * Returns: %TRUE when the patient has a scan on or before @date; %FALSE
 *   otherwise (@error unset) or on a database error (@error set).
 */
gboolean  bz_meal_repo_targets_input (BzStore *store, const char *patient_id, const char *date,
                                      BzTargetsInput *out, GError **error);

/**
 * bz_meal_repo_read_day:
 * @date: YYYY-MM-DD, the clinic's local date
 * @out_meals: (out) (transfer full): as bz_meal_repo_list_day()
 * @out_planned: (out) (transfer full) (nullable): as bz_meal_plan_repo_day_for_date()
 * @out_targets: (out caller-allocates): filled when @out_has_targets
 * @out_has_targets: (out): as bz_meal_repo_targets_input() returns
 *
 * Everything GET /api/nutrition/daily reads of a patient's day, from one
 * snapshot: the three reads run inside one read transaction (a deferred
 * BEGIN, prepared once per connection like every statement) instead of one
 * implicit transaction per statement (six; each took the WAL read lock and
 * ended it, ~4k instructions: stop 20 in BENCHMARKS.md).  Inside a caller's
 * transaction they run in it.
 *
 * Returns: %FALSE with @error on a database error (nothing is returned then).
 */
gboolean  bz_meal_repo_read_day (BzStore *store, const char *patient_id, const char *date,
                                 GPtrArray **out_meals, BzRecord **out_planned,
                                 BzTargetsInput *out_targets, gboolean *out_has_targets,
                                 GError **error);

G_END_DECLS
