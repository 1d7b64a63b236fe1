/* bz-store-text.h — Balanza's text rules (bz-text.h) as SQL on every
 * connection: bz_fold(text), the accent- and case-folded text for LIKE, and
 * COLLATE BZ_ES, Spanish alphabetical order. */
#pragma once

#include <sqlite3.h>

/**
 * bz_store_register_text_functions:
 * @db: a connection just opened
 *
 * Registers bz_fold() (deterministic, innocuous) and the BZ_ES collation.
 */
void bz_store_register_text_functions (sqlite3 *db);
