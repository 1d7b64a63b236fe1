/* bz-sync-repo.h — the change log as the phones' delta sync reads it (issue 9,
 * GET /api/v1/sync/changes; the rules: bz-sync-service.h).
 *
 * `changes` (data/sql/001_init.sql, 018_sync_changes.sql) holds one row per
 * write: version (the cursor), table_name, row_id, op, at and, since 018,
 * patient_id, the owner of a patient's row (meal_logs, body_scans, avatars,
 * meal_plans, patients), written with the change by
 * bz_store_log_patient_change(), so a deletion stays visible to its owner.
 * `sync_horizon` holds the highest version the retention prune removed. */
#pragma once

#include "bz-store.h"

G_BEGIN_DECLS

/**
 * BzSyncChange:
 * @version: the change's version (changes.version)
 * @table: the table ("meal_logs", "body_scans", "avatars", "meal_plans",
 *   "patients", "recipes")
 * @row_id: the changed row's id
 * @op: what happened
 */
typedef struct
{
  gint64 version;
  char *table;
  char *row_id;
  BzChangeOp op;
} BzSyncChange;

/**
 * bz_sync_change_free:
 * @change: (nullable) (transfer full): a change of bz_sync_repo_page()
 *
 * Frees @change and its strings.
 */
void bz_sync_change_free (BzSyncChange *change);

/**
 * BzSyncScope:
 * @patient_id: (nullable): a member's patient: the changes of their rows
 * @nutritionist_id: (nullable): a nutritionist's users.id: the changes of
 *   the rows of the patients assigned to them now (patients.nutritionist_id)
 * @viewer_id: the caller's users.id: recipes they wrote, whatever their
 *   moderation status, besides the published ones everyone gets
 *
 * Whose changes a caller is sent.
 */
typedef struct
{
  const char *patient_id;
  const char *nutritionist_id;
  const char *viewer_id;
} BzSyncScope;

/**
 * bz_sync_repo_bounds:
 * @out_horizon: (out): the highest version pruned (0 before any prune): a
 *   cursor below it missed changes
 * @out_latest: (out): the highest version logged (0 for an empty log), at
 *   least the horizon
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_sync_repo_bounds (BzStore *store, gint64 *out_horizon, gint64 *out_latest, GError **error);

/**
 * bz_sync_repo_page:
 * @scope: whose changes
 * @since: the changes after this version
 * @until: and at most this version (bz_sync_repo_bounds()'s latest, read
 *   first: a page never passes the snapshot its next cursor names)
 * @limit: at most this many changes (1..BZ_SYNC_LIMIT_MAX)
 * @out: (out) (transfer full) (element-type BzSyncChange): the changes of
 *   @scope in (@since, @until], oldest first, every change of a row (the
 *   caller folds them)
 * @out_has_more: (out): %TRUE when more changes of @scope follow
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * One statement: a range of the change log's primary key (never an index:
 * the cost is the changes after @since, of anyone, up to the page's end),
 * filtered by owner (a patient's rows) or visibility (recipes: published
 * ones, the viewer's own, and every recipe deletion).
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_sync_repo_page (BzStore *store, const BzSyncScope *scope, gint64 since, gint64 until, guint limit,
                            GPtrArray **out, gboolean *out_has_more, GError **error);

/**
 * bz_sync_repo_plans_get_many:
 * @ids: (array length=n): meal plan ids
 * @with_drafts: also drafts (a nutritionist's); members see their plans
 *   from finalized on
 * @out: (out) (transfer full) (element-type BzRecord): MealPlanSummary
 *   records of the plans of @ids that exist (and are not drafts, unless
 *   @with_drafts)
 *
 * One statement whatever @n.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_sync_repo_plans_get_many (BzStore *store, const char *const *ids, guint n, gboolean with_drafts,
                                      GPtrArray **out, GError **error);

/**
 * bz_sync_repo_avatars_get_many:
 * @ids: (array length=n): avatar ids
 * @out: (out) (transfer full) (element-type BzRecord): Avatar records
 *   (with url and format, as in a Scan) of the avatars of @ids that exist
 *
 * One statement whatever @n.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_sync_repo_avatars_get_many (BzStore *store, const char *const *ids, guint n, GPtrArray **out,
                                        GError **error);

/**
 * bz_sync_repo_prune:
 * @before: an ISO 8601 UTC time "YYYY-MM-DDTHH:MM:SSZ": changes logged
 *   before it are pruned
 * @out_pruned: (out) (optional): how many changes were removed
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * The log's retention, in one transaction: removes the changes logged
 * before @before except the latest change of each row of a synced table
 * when that change is not a deletion, so walking the whole log from version
 * 0 (a full sync) still reaches every live row; tombstones and superseded
 * changes older than @before go, and so do all old changes of tables that
 * are not synced (users, nutritionists, refresh tokens).  Raises
 * `sync_horizon` to the highest version removed.
 *
 * Returns: %FALSE with @error on a database error (nothing removed).
 */
gboolean bz_sync_repo_prune (BzStore *store, const char *before, guint *out_pruned, GError **error);

G_END_DECLS
