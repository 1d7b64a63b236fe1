/* bz-store-stmts.c — prepared statements cached per connection:
 * bz_db_prepare() and bz_db_stmt_release() (bz-store.h), and the drop that
 * bz-store.c calls before it closes a connection (bz-store-private.h). */
#include "bz-store.h"
#include "bz-store-private.h"

#include <string.h>

/* --- Prepared statements, cached per connection ----------------------------
 *
 * Compiling SQL costs more than running it: before this cache, a member's
 * GET /api/nutrition/daily spent a quarter of its instructions in
 * sqlite3_prepare (callgrind).  Each connection keeps one compiled statement
 * per SQL text; bz_db_prepare() lends it out (or compiles it), and the
 * g_autoptr(sqlite3_stmt) cleanup, bz_db_stmt_release(), resets it and puts it
 * back.  A statement already lent out (the same SQL nested) is compiled
 * afresh and finalized on release.  Caches are dropped before their
 * connection closes, so a later connection at the same address starts empty.
 *
 * SQL is nearly always a string literal, passed at the same address every
 * time: statements are found by that address first (a pointer hash), and the
 * text is then compared with the text the statement was compiled from, so a
 * dynamic string freed and another allocated at its address never gets the
 * wrong statement.  Otherwise they are found by text (hashing the text and
 * comparing it), and the address is remembered for next time.  Hashing the
 * text of ~10 statements per GET /api/nutrition/daily, twice each, cost ~40k
 * instructions (callgrind).
 */
typedef struct
{
  char *sql;           /* the text it was compiled from (owned) */
  const char *addr;    /* the address its text was last passed at: its key in by_addr */
  sqlite3_stmt *stmt;
  gboolean lent;
} CachedStmt;

typedef struct
{
  GHashTable *by_text;  /* sql -> CachedStmt* (owned) */
  GHashTable *by_addr;  /* addr -> CachedStmt*, at most one address per statement */
  GHashTable *by_stmt;  /* stmt -> CachedStmt* */
} StmtCache;

static GMutex stmt_lock;
static GHashTable *stmt_caches;   /* sqlite3* -> StmtCache*; guarded by stmt_lock */

/* The text's length and its first and last 32 bytes: statements differ there
 * (and g_str_equal settles the rest), and hashing every byte of a 400-byte
 * SELECT cost ~30k instructions per GET /api/nutrition/daily (callgrind). */
static guint
sql_hash (gconstpointer key)
{
  const char *s = key;
  gsize n = strlen (s);
  guint h = (guint) n;

  for (gsize i = 0; i < MIN (n, 32); i++)
    h = h * 31 + (guchar) s[i];
  for (gsize i = n > 64 ? n - 32 : MIN (n, 32); i < n; i++)
    h = h * 31 + (guchar) s[i];
  return h;
}

static void
cached_stmt_free (CachedStmt *e)
{
  if (e->lent)
    g_warning ("Closing a connection while a statement is in use: %s", e->sql);
  else
    sqlite3_finalize (e->stmt);   /* a lent one is finalized by its release */
  g_free (e->sql);
  g_free (e);
}

static void
stmt_cache_free (StmtCache *c)
{
  g_hash_table_unref (c->by_addr);
  g_hash_table_unref (c->by_stmt);
  g_hash_table_unref (c->by_text);
  g_free (c);
}

void
bz_store_stmt_cache_drop (sqlite3 *db)
{
  StmtCache *c;
  g_mutex_lock (&stmt_lock);
  c = stmt_caches ? g_hash_table_lookup (stmt_caches, db) : NULL;
  if (c)
    g_hash_table_remove (stmt_caches, db);
  g_mutex_unlock (&stmt_lock);
  if (c)
    stmt_cache_free (c);
}

/* The cached statement of @sql, by address or else by text; NULL when none.
 * Call with stmt_lock held. */
static CachedStmt *
stmt_cache_find (StmtCache *c, const char *sql)
{
  CachedStmt *e = g_hash_table_lookup (c->by_addr, sql);

  if (e && strcmp (e->sql, sql) == 0)
    return e;
  e = g_hash_table_lookup (c->by_text, sql);
  if (e)
    {
      /* Its old address is forgotten unless another statement's text took it. */
      if (e->addr && g_hash_table_lookup (c->by_addr, e->addr) == e)
        g_hash_table_remove (c->by_addr, e->addr);
      e->addr = sql;
      g_hash_table_insert (c->by_addr, (gpointer) sql, e);
    }
  return e;
}

sqlite3_stmt *
bz_db_prepare (sqlite3 *db, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  StmtCache *c;
  CachedStmt *e;
  int rc;

  g_mutex_lock (&stmt_lock);
  if (stmt_caches == NULL)
    stmt_caches = g_hash_table_new (NULL, NULL);
  c = g_hash_table_lookup (stmt_caches, db);
  if (c == NULL)
    {
      c = g_new0 (StmtCache, 1);
      c->by_text = g_hash_table_new_full (sql_hash, g_str_equal, NULL, (GDestroyNotify) cached_stmt_free);
      c->by_addr = g_hash_table_new (NULL, NULL);
      c->by_stmt = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (stmt_caches, db, c);
    }
  e = stmt_cache_find (c, sql);
  if (e && !e->lent)
    {
      e->lent = TRUE;
      g_mutex_unlock (&stmt_lock);
      return e->stmt;
    }
  g_mutex_unlock (&stmt_lock);

  rc = sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      bz_db_set_error (db, rc, error);
      return NULL;
    }
  /* The first statement of a text is cached; a nested one is not (its
   * release finalizes it). */
  g_mutex_lock (&stmt_lock);
  c = g_hash_table_lookup (stmt_caches, db);
  if (c && !stmt_cache_find (c, sql))
    {
      e = g_new0 (CachedStmt, 1);
      e->sql = g_strdup (sql);
      e->addr = sql;
      e->stmt = stmt;
      e->lent = TRUE;
      g_hash_table_insert (c->by_text, e->sql, e);
      g_hash_table_insert (c->by_addr, (gpointer) sql, e);
      g_hash_table_insert (c->by_stmt, stmt, e);
    }
  g_mutex_unlock (&stmt_lock);
  return stmt;
}

void
bz_db_stmt_release (sqlite3_stmt *stmt)
{
  sqlite3 *db;
  StmtCache *c;
  CachedStmt *e;

  if (stmt == NULL)
    return;
  db = sqlite3_db_handle (stmt);
  g_mutex_lock (&stmt_lock);
  c = stmt_caches ? g_hash_table_lookup (stmt_caches, db) : NULL;
  e = c ? g_hash_table_lookup (c->by_stmt, stmt) : NULL;
  if (e && e->lent)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      e->lent = FALSE;
      stmt = NULL;
    }
  g_mutex_unlock (&stmt_lock);
  if (stmt)
    sqlite3_finalize (stmt);
}
