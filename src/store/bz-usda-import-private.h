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
#include "bz-usda-import.h"

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

/* --- the SR28 files (bz-usda-import-sr28.c) -------------------------------- */

/* sha256 of the uncompressed files, copied from data/foods/SOURCE.md. */
#define SHA256_FOOD_DES "a0b39f3ac21703c75c855c35bd8f99df4710db2904a8c351fc5e7f5ed3596b98"
#define SHA256_NUT_DATA "8b86e1d65bfa581e503fdafd16ce41fc04e7e4b00498c3888a04ec0c8f846759"
#define SHA256_WEIGHT   "98484d7e26b3803467e65a9ab2ad8094bc94ed0c50375efb7e26a8bd60b1afae"

#define MAX_FIELDS   24                      /* NUT_DATA has the most: 18 */

typedef struct _Importer Importer;
typedef gboolean (*RecordFunc) (Importer *imp, char **fields, GError **error);

typedef struct
{
  const char *name;         /* uncompressed name, recorded in food_import */
  const char *path;         /* name in the source dir */
  gboolean    xz;
  const char *sha256;       /* expected, or NULL when SOURCE.md gives none */
  guint       n_fields;
  const char *phase;
  double      progress_from, progress_to;
  const char *insert_sql;
  RecordFunc  record;
} SourceFile;

struct _Importer
{
  sqlite3            *db;
  const char         *source_dir;
  BzUsdaProgressFunc  progress;
  gpointer            user_data;
  GCancellable       *cancellable;
  double              last_fraction;
  const char         *last_phase;

  /* the file being streamed */
  const SourceFile   *file;
  sqlite3_stmt       *insert;
  guint64             records;

  /* keys loaded so far, for the referential checks (see bz_usda_import()) */
  GHashTable         *group_codes;
  GHashTable         *nutr_nos;
  GHashTable         *ndb_nos;

  /* record assembly */
  char               *buf;
  gsize               len, cap;
  gsize               starts[MAX_FIELDS];
  guint               n_fields;
  gboolean            quoted;
  gboolean            in_record;
};

/* Calls the progress callback of @imp (bz-usda-import.c). */
void      bz_usda_report           (Importer   *imp,
                                    const char *phase,
                                    double      fraction);

/* The five SR28 files in load order (foods reference groups; nutrients and
 * weights reference foods). */
#define BZ_USDA_SR28_N_SOURCES 5
extern const SourceFile bz_usda_sr28_sources[BZ_USDA_SR28_N_SOURCES];

/* Streams one file into its table.  On success @out_sha256 (transfer full)
 * holds the hex sha256 of the uncompressed bytes, already checked against
 * the expected value if there is one. */
gboolean  bz_usda_sr28_import_file (Importer         *imp,
                                    const SourceFile *sf,
                                    char            **out_sha256,
                                    GError          **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BzUsdaNames, bz_usda_names_clear)

G_END_DECLS
