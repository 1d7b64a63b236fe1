/* bz-usda-import-names.c — loads data/foods/es-MX-names.tsv, the Spanish
 * (Mexico) names of SR28 foods, into foods.name_es (bz-usda-import-private.h).
 *
 * The file is small (3,219 rows, about 160 KB): it is read whole, hashed,
 * checked as es-MX-names.SOURCE.md describes it and applied with one
 * prepared UPDATE per row; the Spanish FTS5 index (foods_es_fts) is then
 * rebuilt from foods.
 */
#include "bz-usda-import-private.h"

#include <stdarg.h>
#include <string.h>

#include "bz-error.h"

#define NAMES_HEADER "ndb_no\tname_es\tnote"

void
bz_usda_names_clear (BzUsdaNames *nf)
{
  g_clear_pointer (&nf->data, g_free);
  g_clear_pointer (&nf->sha256, g_free);
}

gboolean
bz_usda_names_read (const char *source_dir, GCancellable *cancellable, BzUsdaNames *nf, GError **error)
{
  g_autofree char *path = g_build_filename (source_dir, BZ_USDA_NAMES_FILE, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (!g_file_load_contents (file, cancellable, &nf->data, &nf->len, NULL, error))
    return FALSE;
  nf->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) nf->data, nf->len);
  return TRUE;
}

static gboolean G_GNUC_PRINTF (3, 4)
names_fail (GError **error, guint line, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, BZ_USDA_NAMES_FILE " line %u: %s", line, what);
  return FALSE;
}

gboolean
bz_usda_names_apply (sqlite3 *db, BzUsdaNames *nf, guint64 *out_rows, GError **error)
{
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  char *p = nf->data, *stop = nf->data + nf->len;
  guint line_no = 0;
  guint64 rows = 0;

  if (!g_utf8_validate_len (nf->data, nf->len, NULL))
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, BZ_USDA_NAMES_FILE ": not valid UTF-8 text");
      return FALSE;
    }
  if (!bz_db_exec (db, "UPDATE foods SET name_es = NULL WHERE name_es IS NOT NULL", error))
    return FALSE;
  update = bz_db_prepare (db, "UPDATE foods SET name_es = ?2 WHERE ndb_no = ?1", error);
  if (update == NULL)
    return FALSE;

  while (p < stop)
    {
      char *line = p, *end = memchr (p, '\n', stop - p), *fields[3];
      guint n = 0;

      if (end == NULL)
        end = stop;   /* a last line without LF */
      *end = '\0';
      p = end + 1;
      line_no++;
      if (end > line && end[-1] == '\r')
        end[-1] = '\0';
      if (line_no == 1)
        {
          if (strcmp (line, NAMES_HEADER) != 0)
            return names_fail (error, 1, "the header is not “ndb_no<TAB>name_es<TAB>note”");
          continue;
        }
      if (*line == '\0')
        continue;

      fields[n++] = line;
      for (char *tab = strchr (line, '\t'); tab; tab = strchr (tab + 1, '\t'))
        {
          if (n == G_N_ELEMENTS (fields))
            return names_fail (error, line_no, "more than 3 fields");
          *tab = '\0';
          fields[n++] = tab + 1;
        }
      if (n < 2)
        return names_fail (error, line_no, "no name_es field");
      if (strlen (fields[0]) != 5 || strspn (fields[0], "0123456789") != 5)
        return names_fail (error, line_no, "bad NDB_No “%s”", fields[0]);
      if (*g_strstrip (fields[1]) == '\0')
        return names_fail (error, line_no, "empty name_es");
      if (!g_hash_table_add (seen, fields[0]))
        return names_fail (error, line_no, "NDB_No %s given twice", fields[0]);

      sqlite3_bind_text (update, 1, fields[0], -1, SQLITE_STATIC);
      sqlite3_bind_text (update, 2, fields[1], -1, SQLITE_STATIC);
      if (!bz_db_step_done (update, error))
        return FALSE;
      sqlite3_reset (update);
      if (sqlite3_changes (db) != 1)
        return names_fail (error, line_no, "unknown NDB_No “%s”", fields[0]);
      rows++;
    }
  if (line_no == 0)
    return names_fail (error, 1, "no header");

  if (!bz_db_exec (db, "INSERT INTO foods_es_fts (foods_es_fts) VALUES ('rebuild')", error))
    return FALSE;
  *out_rows = rows;
  return TRUE;
}

gboolean
bz_usda_names_record (sqlite3 *db, const BzUsdaNames *nf, guint64 rows, const char *now, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
                                              "INSERT OR REPLACE INTO food_import (file, sha256, rows, imported_at)"
                                              " VALUES ('" BZ_USDA_NAMES_FILE "', ?1, ?2, ?3)", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, nf->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 2, rows);
  sqlite3_bind_text (st, 3, now, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error);
}

char *
bz_usda_names_recorded (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) st = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT sha256 FROM food_import WHERE file = '" BZ_USDA_NAMES_FILE "'",
                          -1, &st, NULL) != SQLITE_OK ||
      sqlite3_step (st) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (st, 0));
}
