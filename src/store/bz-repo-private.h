/* bz-repo-private.h — helpers shared by the repositories (bz-*-repo.c) to map
 * rows to plain values and JSON.  Not for other layers. */
#pragma once

#include <json-glib/json-glib.h>

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

/** BzRepoRowFunc: maps the current row of a statement to a new JSON object. */
typedef JsonObject *(*BzRepoRowFunc) (sqlite3_stmt *st);

/**
 * bz_repo_collect:
 * @st: a bound statement of bz_db_prepare()
 * @row: maps each row
 * @error: as bz_repo_step()
 *
 * Returns: (transfer full): every row of @st through @row, in order; %NULL
 *   with @error on a database error.
 */
JsonArray *bz_repo_collect (sqlite3_stmt *st, BzRepoRowFunc row, GError **error);

/** bz_repo_text: Returns: (transfer none) (nullable): column @col as text. */
static inline const char *
bz_repo_text (sqlite3_stmt *st, int col)
{
  return (const char *) sqlite3_column_text (st, col);
}

/** bz_repo_is_null: Returns: whether column @col is SQL NULL. */
static inline gboolean
bz_repo_is_null (sqlite3_stmt *st, int col)
{
  return sqlite3_column_type (st, col) == SQLITE_NULL;
}

/** bz_repo_set_text_or_null: sets @member to column @col's text, or JSON null. */
void      bz_repo_set_text_or_null   (JsonObject *o, const char *member, sqlite3_stmt *st, int col);

/** bz_repo_set_double_or_null: sets @member to column @col's number, or JSON null. */
void      bz_repo_set_double_or_null (JsonObject *o, const char *member, sqlite3_stmt *st, int col);

/**
 * bz_repo_json_from_text:
 * Returns: (transfer full): column @col's JSON text parsed (bounded by
 *   bz_json_limits_stored), or a null node if it is NULL or not JSON.
 */
JsonNode *bz_repo_json_from_text (sqlite3_stmt *st, int col);

G_END_DECLS
