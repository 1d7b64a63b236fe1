/* sql-trace-shim.c — LD_PRELOAD module for tests/bench/p1-floor: appends every
 * statement balanzad starts (its first sqlite3_step after a reset) to the file
 * named by BZ_SQL_TRACE, with its bound values inlined (sqlite3_expanded_sql),
 * each followed by a line ";;".  A measuring aid only: never linked into Balanza. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

int
sqlite3_step (sqlite3_stmt *st)
{
  static int (*real_step) (sqlite3_stmt *);
  const char *path = getenv ("BZ_SQL_TRACE");

  if (real_step == NULL)
    real_step = (int (*) (sqlite3_stmt *)) dlsym (RTLD_NEXT, "sqlite3_step");
  if (path && !sqlite3_stmt_busy (st))
    {
      FILE *f = fopen (path, "a");
      char *sql = sqlite3_expanded_sql (st);
      if (f)
        {
          fprintf (f, "%s\n;;\n", sql ? sql : "?");
          fclose (f);
        }
      sqlite3_free (sql);
    }
  return real_step (st);
}
