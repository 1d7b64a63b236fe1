/* bz-usda-import.h — loads USDA SR28 (data/foods/, see SOURCE.md) into the store.
 *
 * The importer streams the five SR28 ASCII files (FD_GROUP, NUTR_DEF,
 * FOOD_DES, NUT_DATA, WEIGHT; the three large ones xz-compressed) straight
 * into the tables of data/sql/002_foods.sql inside ONE transaction, checks
 * the sha256 of every uncompressed stream against the values published in
 * data/foods/SOURCE.md, fills the per-food panel columns of `foods`, loads
 * the Spanish (Mexico) names of es-MX-names.tsv into foods.name_es
 * (data/sql/005_food_names_es.sql; see data/foods/es-MX-names.SOURCE.md),
 * computes foods.plainness (data/sql/010_food_plainness.sql), rebuilds the two FTS5 indexes and records each file in `food_import`.  Any failure
 * (missing file, corrupt xz, checksum mismatch, malformed record,
 * cancellation) rolls the whole transaction back: the foods tables are left
 * exactly as they were.
 */
#pragma once

#include <gio/gio.h>

#include "bz-store.h"

G_BEGIN_DECLS

/**
 * BzUsdaProgressFunc:
 * @phase: what is being loaded: "food-groups", "nutrient-defs", "foods",
 *   "nutrients", "weights", "panels", "names" (the Spanish names),
 *   "plainness" (foods.plainness, for the search's order), "search-index"
 *   or "done"
 * @fraction: overall progress of the whole import, 0.0 .. 1.0, never
 *   decreasing (phases are weighted by their share of the work)
 * @user_data: closure
 *
 * Called on the importing thread, at most about 200 times per import.
 */
typedef void (*BzUsdaProgressFunc) (const char *phase, double fraction, gpointer user_data);

/**
 * bz_usda_import:
 * @store: the opened store (migrated to the 002_foods schema)
 * @source_dir: directory holding FD_GROUP.txt, NUTR_DEF.txt, FOOD_DES.txt.xz,
 *   NUT_DATA.txt.xz, WEIGHT.txt.xz and es-MX-names.tsv (e.g.
 *   bz_usda_default_source_dir())
 * @progress: (nullable) (scope call): progress callback
 * @user_data: closure for @progress
 * @cancellable: (nullable): checked every few thousand records
 * @error: return location for a #GError
 *
 * Imports all of SR28: 25 food groups, 150 nutrient definitions with units,
 * 8,789 foods, 679,045 nutrient values per 100 g edible portion and 15,438
 * household weights, and the Spanish (Mexico) names of 3,219 foods
 * (foods.name_es, NULL for the others), on the calling thread's connection
 * (bz_store_db()) in one BEGIN IMMEDIATE transaction, then checkpoints the
 * WAL.  Blocks for a
 * few seconds: call it from a worker thread, never inside a transaction of
 * its own.  The connection's foreign-key enforcement is off during that
 * transaction (restored after); the importer checks every food-group, food
 * and nutrient reference itself.
 *
 * Text is decoded as Windows-1252 (the Latin-1 of SR28 plus its two curly
 * quotes, 0x91/0x92 in FOOD_DES) and stored as UTF-8.
 *
 * When SR28 is already imported (its five files recorded in food_import)
 * only the names are looked at: es-MX-names.tsv is read and hashed (a few
 * milliseconds) and, when food_import has no row for it or a different
 * sha256 — a store whose SR28 was imported before migration 005, or a newer
 * file — the names alone are loaded in a transaction of their own (every
 * other food's name_es set to NULL, foods_es_fts rebuilt); otherwise
 * nothing is written.  Names loaded before are kept when the file has since
 * gone from @source_dir.  Calling it again is therefore always safe and
 * cheap.
 *
 * Errors: G_IO_ERROR (a source file is missing or unreadable, e.g.
 * G_IO_ERROR_NOT_FOUND), G_IO_ERROR_CANCELLED, BZ_ERROR_INTERNAL (corrupt
 * or truncated xz stream, sha256 of an uncompressed file differs from
 * SOURCE.md, malformed record or unknown reference — the message names file,
 * record and field; a names row that breaks es-MX-names.SOURCE.md's format
 * or names an unknown or repeated NDB_No — the message names the line — or
 * an SQLite failure; a database still locked by another writer after
 * busy_timeout may also come as BZ_ERROR_UNAVAILABLE).
 * Returns: %TRUE when SR28 is imported.
 */
gboolean  bz_usda_import (BzStore            *store,
                          const char         *source_dir,
                          BzUsdaProgressFunc  progress,
                          gpointer            user_data,
                          GCancellable       *cancellable,
                          GError            **error);

/**
 * bz_usda_is_imported:
 * @store: the store
 *
 * Returns: %TRUE when `food_import` records all five SR28 files, the three
 * checksummed ones with the sha256 values of SOURCE.md, and the Spanish
 * names (es-MX-names.tsv, any version); the import is one transaction, so
 * this implies every row is present; and every food has its plainness
 * (data/sql/010_food_plainness.sql).  %FALSE for a store whose SR28 was
 * imported before migration 005 or 010: bz_usda_import() then loads the
 * names or fills the plainness.
 */
gboolean  bz_usda_is_imported (BzStore *store);

/**
 * bz_usda_default_source_dir:
 *
 * Where the SR28 files (and es-MX-names.tsv beside them) are:
 * $BALANZA_FOODS_DIR if set; else the first
 * `balanza/foods` under the XDG system data dirs (the installed copy) that
 * holds FOOD_DES.txt.xz; else `data/foods` of the source tree (BZ_SOURCE_DIR
 * from config.h).
 * Returns: (transfer full): a directory path.
 */
char     *bz_usda_default_source_dir (void);

G_END_DECLS
