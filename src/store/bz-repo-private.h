/* bz-repo-private.h — helpers shared by the repositories (bz-*-repo.c): rows
 * to records of the resource declarations (with bz-record-store.h), and the
 * statement texts built from them.  Not for other layers. */
#pragma once

#include "bz-record-store.h"
#include "bz-store.h"

G_BEGIN_DECLS

/**
 * bz_repo_step:
 * @st: a statement of bz_db_prepare()
 * @out_row: (out): %TRUE when a row is ready, %FALSE when done
 * @error: BZ_ERROR_INTERNAL / CONFLICT / UNAVAILABLE (bz_db_set_error())
 *
 * Steps @st once.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_repo_step (sqlite3_stmt *st, gboolean *out_row, GError **error);

/**
 * bz_repo_read_one:
 * @st: a bound statement whose columns, from 0, are those of @res
 *   (bz_repo_sql_once()'s "%s")
 * @res: the resource of the row
 * @error: as bz_repo_step()
 *
 * Steps @st once and reads its row into a new record of @res.
 *
 * Returns: (transfer full) (nullable): the record; %NULL without @error when
 *   @st has no row, %NULL with @error on a database error.
 */
BzRecord *bz_repo_read_one (sqlite3_stmt *st, const BzResource *res, GError **error);

/**
 * bz_repo_sql_once:
 * @slot: a static gsize of the caller's, zero before the first call
 * @format: the statement; each "%s" in it becomes the columns of one
 *   resource (bz_db_append_columns()) and each "%?" as many parameters
 *   ("?, ?, …"), in the order of the arguments that follow; every other
 *   character is copied as is
 * @...: per "%s", a (const BzResource *res, const char *alias) pair, the
 *   alias %NULL for unqualified columns; per "%?", a const BzResource *
 *
 * Builds the statement text on the first call (thread-safe) and keeps it for
 * the life of the process, so the connection's prepared-statement cache
 * finds it by the same text every time.
 *
 * Returns: (transfer none): the statement text.
 */
const char *bz_repo_sql_once (gsize *slot, const char *format, ...);

/**
 * bz_repo_read_array:
 * @st: a bound statement whose columns, from 0, are those of the resource of
 *   @parent's ARRAY @field
 * @parent: the record to fill
 * @field: an ARRAY field of @parent
 * @error: as bz_repo_step()
 *
 * Makes @field present (empty when @st has no row) and appends a record per
 * row of @st to it.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_repo_read_array (sqlite3_stmt *st, BzRecord *parent, guint field, GError **error);

/**
 * bz_repo_read_json_object:
 * @st: a statement on a row
 * @col: a column holding a JSON object as text (or NULL)
 * @rec: the record to fill
 *
 * Sets each field of @rec whose name is a member of the stored object:
 * numbers (NUMBER, INTEGER), text (string-typed fields), booleans and lists
 * of text (STRING_ARRAY); members of another type, unknown members, and
 * text that is not a JSON object (bz_json_limits_stored) leave fields null.
 */
void      bz_repo_read_json_object (sqlite3_stmt *st, int col, BzRecord *rec);

/**
 * bz_repo_read_json_numbers:
 * @st: a statement on a row
 * @col: a column holding a JSON object of numbers as text (or NULL)
 * @res: a resource whose fields are all NUMBER (SmaeEquivalents)
 * @out: (array): one value per field of @res, in field order
 *
 * Adds each of the stored object's members named like a field of @res to
 * that field's entry of @out (members absent, or not numbers, add nothing).
 * Flat objects of numbers, which is what Balanza stores, take
 * bz_json_scan_numbers()'s one pass; anything else goes through
 * bz_repo_read_json_object(), with the same result.
 */
void      bz_repo_read_json_numbers (sqlite3_stmt *st, int col, const BzResource *res, double *out);

/**
 * bz_repo_numbers_json:
 * @res: a resource whose fields are all NUMBER (SmaeEquivalents)
 * @values: (array): one value per field of @res, in field order
 *
 * The stored form bz_repo_read_json_numbers() reads back: a flat JSON
 * object with every field of @res, in field order, unrounded (ROUND1
 * applies to responses only).
 *
 * Returns: (transfer full): the JSON text.
 */
char     *bz_repo_numbers_json      (const BzResource *res, const double *values);

/**
 * bz_repo_smae_json:
 * @smae: (nullable): a SmaeEquivalents record (absent groups: 0)
 *
 * Returns: (transfer full): bz_repo_numbers_json() of @smae's groups.
 */
char     *bz_repo_smae_json         (BzRecord *smae);

/**
 * bz_repo_read_json_strv:
 * @st: a statement on a row
 * @col: a column holding a JSON array of strings as text
 * @rec: the record to fill
 * @field: a STRING_ARRAY field of @rec
 *
 * Sets @field to the strings of the stored array (non-strings skipped);
 * empty when the column is NULL or not a JSON array.
 */
void      bz_repo_read_json_strv (sqlite3_stmt *st, int col, BzRecord *rec, guint field);

/**
 * bz_repo_ids_json:
 * @ids: (array length=n): row ids
 *
 * The ids as one JSON array text, for a statement that takes a batch as
 * one parameter: "... WHERE id IN (SELECT value FROM json_each(?1))" (one
 * statement for any number of ids, and one cached text).
 *
 * Returns: (transfer full): the JSON text.
 */
char     *bz_repo_ids_json (const char *const *ids, guint n);

/**
 * bz_repo_log_plan_change:
 * @db: the writer's connection, inside its transaction
 * @plan_id: a meal plan that still exists
 * @op: what happened
 * @error: BZ_ERROR_INTERNAL on failure
 *
 * bz_store_log_patient_change() for "meal_plans" with the plan's patient,
 * read from the row (one statement), for the writers that have only the
 * plan's id at hand.
 *
 * Returns: %FALSE with @error on failure.
 */
gboolean  bz_repo_log_plan_change (sqlite3 *db, const char *plan_id, BzChangeOp op, GError **error);

G_END_DECLS
