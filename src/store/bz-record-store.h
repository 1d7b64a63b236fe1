/* bz-record-store.h — rows <-> records, from the resource declarations
 * (src/core/bz-resource.h).  For the repositories only: other layers never
 * see a statement. */
#pragma once

#include "bz-resource.h"
#include "bz-store.h"

G_BEGIN_DECLS

/**
 * bz_db_append_columns:
 * @sql: the statement being written
 * @res: the declaration
 * @alias: (nullable): the table alias to qualify columns with ("m"), or %NULL
 *
 * Appends ", "-separated the columns of @res's stored fields (those with a
 * .column), in declaration order; an INLINE object's columns come where the
 * object is declared.  bz_db_read_record() and bz_db_bind_record() walk the
 * same order.
 */
void     bz_db_append_columns (GString *sql, const BzResource *res, const char *alias);

/** bz_db_n_columns: Returns: how many columns bz_db_append_columns() appends for @res. */
guint    bz_db_n_columns      (const BzResource *res);

/**
 * bz_db_read_record:
 * @st: a statement on a row
 * @col: (inout): the first column to read; advanced past the record's columns
 * @rec: the record to fill: SQL NULL becomes null, TEXT a string field,
 *   INTEGER an INTEGER or BOOLEAN field, REAL a NUMBER field; INLINE
 *   objects are created and filled from the same row (one of numbers and
 *   booleans only, none NULL in the row, as a panel: bz_record_set_panel())
 */
void     bz_db_read_record    (sqlite3_stmt *st, int *col, BzRecord *rec);

/**
 * bz_db_bind_record:
 * @st: a statement whose parameters @param… follow bz_db_append_columns()
 * @param: (inout): the first parameter index (1-based); advanced
 * @rec: the values; a null field binds SQL NULL.  Strings are bound
 *   SQLITE_STATIC: @rec must outlive the statement's step.
 */
void     bz_db_bind_record    (sqlite3_stmt *st, int *param, BzRecord *rec);

G_END_DECLS
