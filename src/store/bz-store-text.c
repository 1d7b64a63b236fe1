/* bz-store-text.c — Balanza's text rules as SQL (bz-store-text.h). */
#include "bz-store-text.h"

#include "bz-text.h"

/* SQL bz_fold(text): bz_text_fold(), for accent- and case-insensitive LIKE
 * on names; NULL stays NULL. */
static void
sql_fold (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  const unsigned char *text = sqlite3_value_text (argv[0]);
  if (text == NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }
  sqlite3_result_text (ctx, bz_text_fold ((const char *) text), -1, g_free);
}

/* COLLATE BZ_ES: bz_text_collate_es() on (not NUL-terminated) column text. */
static int
sql_collate_es (void *data, int len_a, const void *a, int len_b, const void *b)
{
  g_autofree char *sa = g_strndup (a, len_a);
  g_autofree char *sb = g_strndup (b, len_b);
  return bz_text_collate_es (sa, sb);
}

void
bz_store_register_text_functions (sqlite3 *db)
{
  sqlite3_create_function (db, "bz_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                           sql_fold, NULL, NULL);
  sqlite3_create_collation (db, "BZ_ES", SQLITE_UTF8, NULL, sql_collate_es);
}
