/* bz-meal-detection-repo.h — the SQL of meal detection done later and of the
 * local detector's proposals (bz-meal-detection.h): meal_logs.detection_status
 * and the patient's earlier meals (data/sql/001_init.sql, 042_meal_detection_pending.sql). */
#pragma once

#include "bz-store.h"

G_BEGIN_DECLS

/**
 * bz_meal_detection_repo_list_pending:
 * @out_ids: (out) (transfer full) (element-type utf8): the ids of the meals
 *   whose detection_status is 'pending' (partial index meal_logs_detection_pending)
 * @error: as bz_db_set_error()
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_meal_detection_repo_list_pending (BzStore *store, GPtrArray **out_ids, GError **error);

/**
 * bz_meal_detection_repo_state:
 * @out_status: (out) (transfer full): the meal's detection_status
 * @out_n_items: (out): how many foods it has
 * @error: as bz_db_set_error()
 *
 * Returns: %FALSE with @error on a database error, %FALSE without when
 *   there is no meal @meal_id.
 */
gboolean bz_meal_detection_repo_state (BzStore *store, const char *meal_id, char **out_status, guint *out_n_items,
                                       GError **error);

/**
 * bz_meal_detection_repo_set_status:
 * @from: the status the meal must have now
 * @to: the new status (a bz_vocab_detection_status id)
 * @out_changed: (out) (optional): %TRUE when the meal had @from and now has @to
 * @error: as bz_db_set_error()
 *
 * Compare-and-set of meal_logs.detection_status, logged as a change of the
 * patient's meal (the phones' sync) when it changed; inside the caller's
 * transaction.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_meal_detection_repo_set_status (BzStore *store, const char *meal_id, const char *from, const char *to,
                                            gboolean *out_changed, GError **error);

/**
 * BzEarlierMeal:
 * @meal_id: meal_logs.id
 * @eaten_at: UTC, ISO 8601
 * @foods: its distinct ndb_no, sorted, joined by ","; "" for a meal without foods
 */
typedef struct
{
  char *meal_id;
  char *eaten_at;
  char *foods;
} BzEarlierMeal;

/** bz_earlier_meal_free: frees @m and its strings. */
void     bz_earlier_meal_free (gpointer m);

/**
 * bz_meal_detection_repo_earlier_meals:
 * @patient_id: patients.id
 * @meal_type: a bz_vocab_meal_type id
 * @except_id: (nullable): a meal to leave out (the one being logged)
 * @limit: the most recent meals to read, > 0 (bounds the work)
 * @out: (out) (transfer full) (element-type BzEarlierMeal): newest first
 * @error: as bz_db_set_error()
 *
 * The patient's meals of @meal_type, newest first, with the set of foods of
 * each (index idx_meal_logs_patient_time).
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_meal_detection_repo_earlier_meals (BzStore *store, const char *patient_id, const char *meal_type,
                                               const char *except_id, guint limit, GPtrArray **out, GError **error);

G_END_DECLS
