/* bz-usda-import-private.h — the Spanish (Mexico) food names step of
 * bz_usda_import() (bz-usda-import-names.c) and the plainness step
 * (bz-usda-import-plainness.c); for bz-usda-import.c, and for
 * bz-recipe-import.c the plainness step.
 *
 * data/foods/es-MX-names.tsv (format and sources: es-MX-names.SOURCE.md)
 * names 3,219 of the 8,789 SR28 foods; the step writes them to
 * foods.name_es and rebuilds foods_es_fts (data/sql/005_food_names_es.sql),
 * and records the file in food_import like the SR28 files.
 */
#pragma once

#include <gio/gio.h>

#include "bz-store.h"

G_BEGIN_DECLS

/* The file's name in the source dir, and its file name in food_import. */
#define BZ_USDA_NAMES_FILE "es-MX-names.tsv"

/**
 * BzUsdaNames:
 * @data: the file's bytes, NUL-terminated (bz_usda_names_apply() splits
 *   them in place)
 * @len: their length, without the NUL
 * @sha256: hex sha256 of the bytes as read
 *
 * The names file, read whole (about 160 KB).  Clear with
 * bz_usda_names_clear() or g_auto(BzUsdaNames).
 */
typedef struct
{
  char  *data;
  gsize  len;
  char  *sha256;
} BzUsdaNames;

void      bz_usda_names_clear    (BzUsdaNames *names);

/**
 * bz_usda_names_read:
 * @source_dir: the directory of the SR28 files
 * @cancellable: (nullable): for the read
 * @names: (out caller-allocates): filled on success
 * @error: G_IO_ERROR (G_IO_ERROR_NOT_FOUND when the file is missing)
 *
 * Returns: %TRUE when @names holds the file and its sha256.
 */
gboolean  bz_usda_names_read     (const char   *source_dir,
                                  GCancellable *cancellable,
                                  BzUsdaNames  *names,
                                  GError      **error);

/**
 * bz_usda_names_apply:
 * @db: a connection inside a write transaction (foods already imported)
 * @names: read by bz_usda_names_read(); its text is split in place
 * @out_rows: (out): the number of foods named
 * @error: BZ_ERROR_INTERNAL: not UTF-8, a wrong header, a row without a
 *   name or with more than 3 fields, an NDB_No that is not 5 digits, is
 *   not in `foods` or is given twice, a blank name (the message names the
 *   line); or an SQLite error
 *
 * Sets foods.name_es of every row of @names (surrounding blanks removed)
 * and NULL for every other food, then rebuilds foods_es_fts.  On an error
 * the caller rolls back.
 *
 * Returns: %TRUE on success.
 */
gboolean  bz_usda_names_apply    (sqlite3     *db,
                                  BzUsdaNames *names,
                                  guint64     *out_rows,
                                  GError     **error);

/**
 * bz_usda_names_record:
 * @db: the connection, inside the same transaction
 * @names: the file applied
 * @rows: the rows bz_usda_names_apply() counted
 * @now: ISO 8601 time of the import
 * @error: on an SQLite error
 *
 * Records (or replaces) the food_import row of %BZ_USDA_NAMES_FILE.
 * Returns: %TRUE on success.
 */
gboolean  bz_usda_names_record   (sqlite3           *db,
                                  const BzUsdaNames *names,
                                  guint64            rows,
                                  const char        *now,
                                  GError           **error);

/**
 * bz_usda_names_recorded:
 * @db: a connection
 *
 * Returns: (transfer full) (nullable): the sha256 food_import records for
 *   the names, or %NULL when they were never loaded.
 */
char     *bz_usda_names_recorded (sqlite3 *db);

/**
 * bz_usda_plainness_fill:
 * @db: a connection inside a write transaction (foods and weights imported)
 * @only_missing: fill only the foods whose plainness is NULL (a store
 *   migrated to 010 after its SR28 import); else every food (after an
 *   import of SR28 or of the recipe catalogue, whose use is part of it)
 * @error: on an SQLite error
 *
 * Computes foods.plainness (data/sql/010_food_plainness.sql): the part of
 * the food search's "everyday food first" order that does not depend on the
 * query (bz-food-repo.c, list_match_sql()).
 *
 * Returns: %TRUE on success.
 */
gboolean  bz_usda_plainness_fill    (sqlite3  *db,
                                     gboolean  only_missing,
                                     GError  **error);

/**
 * bz_usda_plainness_missing:
 * @db: a connection
 *
 * Returns: whether a food has no plainness yet (or the question failed).
 */
gboolean  bz_usda_plainness_missing (sqlite3 *db);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BzUsdaNames, bz_usda_names_clear)

G_END_DECLS
