/* bz-store.c — SQLite connection per thread, migrations, change watchers. */
#include "bz-store.h"
#include "bz-store-private.h"
#include "bz-store-files.h"
#include "bz-store-text.h"
#include "bz-store-crypt.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bz-error.h"
#include "bz-store-resources.h"

struct _BzStore
{
  GObject parent_instance;
  guint serial;       /* unique per process: the key of per-thread connections */
  char *data_dir;
  char *db_path;
  GBytes *secret;
  BzCrypt *crypt;      /* encryption at rest (bz-store-crypt.h) */
  int schema_version;

  GMutex lock;        /* guards watchers and conns */
  GHashTable *watchers; /* id -> Watcher */
  guint next_watch_id;
  GPtrArray *conns;   /* every connection opened, closed at finalize */
  GHashTable *own_changes; /* "version table row_id" this process logged, until followed (bz-store-follow.c) */
  guint followers;         /* own_changes is kept only while someone follows */
};

G_DEFINE_FINAL_TYPE (BzStore, bz_store, G_TYPE_OBJECT)

typedef struct
{
  GMainContext *context;
  BzStoreWatchFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
  gint ref_count;
} Watcher;

/* Per-thread map store serial -> sqlite3*; closed when the thread exits.
 * Keyed by serial, not by pointer: a store allocated where a finalized one
 * lived must never find that store's (closed) connections. */
static void thread_conns_free (gpointer p);
static void close_connection (sqlite3 *db);
static GPrivate thread_conns = G_PRIVATE_INIT (thread_conns_free);
static GMutex live_lock;
static GHashTable *live_stores; /* serial -> BzStore*, stores not yet finalized */
static guint next_serial = 1;   /* guarded by live_lock */
static GMutex owner_lock;
static GHashTable *db_owner;    /* sqlite3* -> store serial, for bz_store_log_change() */

static void
thread_conns_free (gpointer p)
{
  GHashTable *map = p;
  GHashTableIter it;
  gpointer key, value;

  g_mutex_lock (&live_lock);
  g_hash_table_iter_init (&it, map);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      BzStore *store = live_stores ? g_hash_table_lookup (live_stores, key) : NULL;
      /* A finalized store already closed its connections. */
      if (store)
        {
          g_mutex_lock (&store->lock);
          g_ptr_array_remove (store->conns, value);
          g_mutex_unlock (&store->lock);
          close_connection (value);
        }
    }
  g_mutex_unlock (&live_lock);
  g_hash_table_unref (map);
}

static void
watcher_unref (Watcher *w)
{
  if (g_atomic_int_dec_and_test (&w->ref_count))
    {
      if (w->destroy)
        w->destroy (w->user_data);
      g_main_context_unref (w->context);
      g_free (w);
    }
}

static void
bz_store_finalize (GObject *object)
{
  BzStore *self = BZ_STORE (object);

  g_mutex_lock (&live_lock);
  if (live_stores)
    g_hash_table_remove (live_stores, GUINT_TO_POINTER (self->serial));
  /* Other threads' maps keep this serial's entry until they exit; it is never
   * looked up again (serials are not reused) and not closed twice. */
  GHashTable *map = g_private_get (&thread_conns);
  if (map)
    g_hash_table_remove (map, GUINT_TO_POINTER (self->serial));
  g_mutex_unlock (&live_lock);

  for (guint i = 0; i < self->conns->len; i++)
    close_connection (g_ptr_array_index (self->conns, i));
  g_ptr_array_unref (self->conns);
  g_hash_table_unref (self->watchers);
  g_hash_table_unref (self->own_changes);
  g_clear_pointer (&self->secret, g_bytes_unref);
  g_clear_pointer (&self->crypt, bz_crypt_free);
  g_free (self->data_dir);
  g_free (self->db_path);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (bz_store_parent_class)->finalize (object);
}

static void
bz_store_class_init (BzStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bz_store_finalize;
}

static void
bz_store_init (BzStore *self)
{
  g_mutex_init (&self->lock);
  self->watchers = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) watcher_unref);
  self->conns = g_ptr_array_new ();
  self->own_changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->next_watch_id = 1;
}

/* --- SQL helpers ------------------------------------------------------------ */

/* A busy database (another connection holds the write lock past
 * busy_timeout, or SQLITE_BUSY_SNAPSHOT, which is never retried) is a
 * temporary condition: BZ_ERROR_UNAVAILABLE with a Retry-After, answered 503.
 * Clients read the message of an UNAVAILABLE error, so it says so in their
 * words and the SQLite text, with its extended code (5 busy, 517 snapshot,
 * ...), goes to the log. */
#define BUSY_RETRY_AFTER_S 1

static void
set_sqlite_error (sqlite3 *db, int rc, const char *text, GError **error)
{
  int primary = rc & 0xff;

  if (primary == SQLITE_BUSY)
    {
      GError *e;

      g_message ("SQLite busy: %s (%d)", text, db ? sqlite3_extended_errcode (db) : rc);
      e = g_error_new_literal (BZ_ERROR, BZ_ERROR_UNAVAILABLE,
                               _("A service is not available right now. Try again later."));
      bz_error_set_retry_after (e, BUSY_RETRY_AFTER_S);
      g_propagate_error (error, e);
      return;
    }
  g_set_error (error, BZ_ERROR, primary == SQLITE_CONSTRAINT ? BZ_ERROR_CONFLICT : BZ_ERROR_INTERNAL,
               "SQLite: %s (%d)", text, rc);
}

void
bz_db_set_error (sqlite3 *db, int rc, GError **error)
{
  set_sqlite_error (db, rc, sqlite3_errmsg (db), error);
}

gboolean
bz_db_exec (sqlite3 *db, const char *sql, GError **error)
{
  char *msg = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &msg);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, msg ? msg : sqlite3_errstr (rc), error);
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

void
bz_db_close (sqlite3 *db)
{
  if (db == NULL)
    return;
  bz_store_stmt_cache_drop (db);
  sqlite3_close_v2 (db);
}

static void
close_connection (sqlite3 *db)
{
  g_mutex_lock (&owner_lock);
  if (db_owner)
    g_hash_table_remove (db_owner, db);
  g_mutex_unlock (&owner_lock);
  bz_store_stmt_cache_drop (db);
  sqlite3_close_v2 (db);
}

gboolean
bz_db_step_done (sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      bz_db_set_error (sqlite3_db_handle (stmt), rc, error);
      return FALSE;
    }
  return TRUE;
}

/* A statement stepped and not yet reset (nor run to SQLITE_DONE) keeps its
 * connection's read transaction open, on the snapshot of its first step.  If
 * another connection commits meanwhile, that snapshot is stale and BEGIN
 * IMMEDIATE on this connection cannot become the writer: SQLite answers
 * SQLITE_BUSY_SNAPSHOT at once, which busy_timeout does not retry ("database
 * is locked").  So before a transaction starts, every statement of this
 * connection still stepping (a lent-out one whose row was read and kept, or
 * one held past a COMMIT) is reset: the transaction reads the newest
 * snapshot.  Its row is gone then, so users copy values out and release
 * statements before beginning; the warning names a statement that was not. */
static void
reset_stepping_statements (sqlite3 *db)
{
  for (sqlite3_stmt *st = sqlite3_next_stmt (db, NULL); st; st = sqlite3_next_stmt (db, st))
    if (sqlite3_stmt_busy (st))
      {
        g_warning ("A statement was still stepping when a transaction began; it was reset "
                   "(release statements before bz_db_begin()): %s", sqlite3_sql (st));
        sqlite3_reset (st);
      }
}

gboolean
bz_db_begin (sqlite3 *db, GError **error)
{
  /* Inside a transaction BEGIN fails anyway; its statements are its own. */
  if (sqlite3_get_autocommit (db))
    reset_stepping_statements (db);
  return bz_db_exec (db, "BEGIN IMMEDIATE", error);
}

gboolean
bz_db_commit (sqlite3 *db, GError **error)
{
  return bz_db_exec (db, "COMMIT", error);
}

void
bz_db_rollback (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

/* --- Connections ------------------------------------------------------------ */

/* Once, before SQLite's first use in the process: no memory statistics.
 * With them on (SQLite's default, SQLITE_DEFAULT_MEMSTATUS=1) every
 * sqlite3_malloc() and free takes a process-wide mutex to count bytes that
 * nothing here reads (no sqlite3_status() or heap limit in Balanza): ~10k
 * instructions per GET /api/nutrition/daily (callgrind, BENCHMARKS.md).
 * https://sqlite.org/c3ref/c_config_covering_index_scan.html#sqliteconfigmemstatus
 * sqlite3_config() fails with SQLITE_MISUSE once SQLite is initialized (by
 * another library in the process, say); then the default stays, harmlessly. */
static void
configure_sqlite_once (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&done, 1);
    }
}

static sqlite3 *
open_connection (const char *path, GError **error)
{
  sqlite3 *db = NULL;
  int rc;

  configure_sqlite_once ();
  rc = sqlite3_open_v2 (path, &db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                            NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, _("Cannot open %s: %s"), path,
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);
  bz_store_register_text_functions (db);
  if (!bz_db_exec (db,
                   "PRAGMA journal_mode=WAL;"
                   "PRAGMA foreign_keys=ON;"
                   "PRAGMA synchronous=FULL;"
                   "PRAGMA temp_store=MEMORY;"
                   "PRAGMA cache_size=-16000;", error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }
  return db;
}

sqlite3 *
bz_store_db (BzStore *self)
{
  GHashTable *map = g_private_get (&thread_conns);
  sqlite3 *db;
  g_autoptr(GError) error = NULL;

  if (map == NULL)
    {
      map = g_hash_table_new (NULL, NULL);
      g_private_set (&thread_conns, map);
    }
  db = g_hash_table_lookup (map, GUINT_TO_POINTER (self->serial));
  if (db)
    return db;

  db = open_connection (self->db_path, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  bz_store_register_crypt_functions (db, self);
  g_hash_table_insert (map, GUINT_TO_POINTER (self->serial), db);
  g_mutex_lock (&owner_lock);
  if (db_owner == NULL)
    db_owner = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (db_owner, db, GUINT_TO_POINTER (self->serial));
  g_mutex_unlock (&owner_lock);
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->conns, db);
  g_mutex_unlock (&self->lock);
  return db;
}

int
bz_store_schema_version (BzStore *self)
{
  return self->schema_version;
}

void
bz_store_checkpoint (BzStore *self)
{
  sqlite3_wal_checkpoint_v2 (bz_store_db (self), NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
}

/* --- Migrations ------------------------------------------------------------- */

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static gboolean
migrate (sqlite3 *db, int *out_version, GError **error)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  int current = 0;

  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "PRAGMA user_version", error);
    if (!st)
      return FALSE;
    if (sqlite3_step (st) == SQLITE_ROW)
      current = sqlite3_column_int (st, 0);
  }

  names = g_resources_enumerate_children ("/org/balanza/store/sql/", 0, error);
  if (names == NULL)
    return FALSE;
  for (guint i = 0; names[i]; i++)
    g_ptr_array_add (sorted, names[i]);
  g_ptr_array_sort (sorted, compare_names);

  for (guint i = 0; i < sorted->len; i++)
    {
      const char *name = g_ptr_array_index (sorted, i);
      int number = atoi (name);
      g_autofree char *path = NULL;
      g_autoptr(GBytes) sql = NULL;
      g_autofree char *pragma = NULL;

      if (number <= current)
        continue;
      path = g_strconcat ("/org/balanza/store/sql/", name, NULL);
      sql = g_resources_lookup_data (path, 0, error);
      if (sql == NULL)
        return FALSE;
      if (!bz_db_begin (db, error))
        return FALSE;
      pragma = g_strdup_printf ("PRAGMA user_version = %d", number);
      if (!bz_db_exec (db, g_bytes_get_data (sql, NULL), error) ||
          !bz_db_exec (db, pragma, error) ||
          !bz_db_commit (db, error))
        {
          bz_db_rollback (db);
          g_prefix_error (error, "Migration %s failed: ", name);
          return FALSE;
        }
      g_debug ("Applied migration %s", name);
      current = number;
    }
  *out_version = current;
  return TRUE;
}

BzStore *
bz_store_open (const char *data_dir, GError **error)
{
  g_autoptr(BzStore) self = NULL;
  sqlite3 *db;

  g_return_val_if_fail (data_dir != NULL, NULL);

  if (sodium_init () < 0)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_INTERNAL, "libsodium failed to initialize");
      return NULL;
    }
  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot create %s: %s"), data_dir, g_strerror (saved));
      return NULL;
    }

  g_resources_register (bz_store_get_resource ());

  self = g_object_new (BZ_TYPE_STORE, NULL);
  self->data_dir = g_canonicalize_filename (data_dir, NULL);
  self->db_path = g_build_filename (self->data_dir, "balanza.db", NULL);
  if (!bz_store_secure_data_dir (self->data_dir, error) || !bz_store_secure_db_files (self->db_path, error))
    return NULL;
  self->secret = bz_store_load_secret (self->data_dir, error);
  if (self->secret == NULL)
    return NULL;

  g_mutex_lock (&live_lock);
  if (live_stores == NULL)
    live_stores = g_hash_table_new (NULL, NULL);
  self->serial = next_serial++;
  g_hash_table_insert (live_stores, GUINT_TO_POINTER (self->serial), self);
  g_mutex_unlock (&live_lock);

  /* Open this thread's connection and migrate through it. */
  {
    g_autoptr(GError) local = NULL;
    sqlite3 *probe = open_connection (self->db_path, &local);
    if (probe == NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local));
        return NULL;
      }
    close_connection (probe);
  }
  db = bz_store_db (self);
  if (!migrate (db, &self->schema_version, error) ||
      !(self->crypt = bz_store_crypt_load (db, self->data_dir, error)) ||
      !bz_store_seal_legacy (self, NULL, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
bz_store_get_data_dir (BzStore *self)
{
  return self->data_dir;
}

GBytes *
bz_store_get_secret (BzStore *self)
{
  return self->secret;
}

BzCrypt *
bz_store_get_crypt (BzStore *self)
{
  return self->crypt;
}

/* --- Changes ---------------------------------------------------------------- */

/* Remembers that this process logged change @version, so that the follower
 * (bz-store-follow.c) tells watchers only of other processes' changes: this
 * process's writers notify at once.  Keyed with the table and row too: a
 * rolled-back version may be used again by another process's write. */
static void
mark_own_change (sqlite3 *db, gint64 version, const char *table, const char *row_id)
{
  gpointer serial = NULL;
  BzStore *store;

  g_mutex_lock (&owner_lock);
  if (db_owner)
    serial = g_hash_table_lookup (db_owner, db);
  g_mutex_unlock (&owner_lock);
  if (serial == NULL)
    return;
  g_mutex_lock (&live_lock);
  store = live_stores ? g_hash_table_lookup (live_stores, serial) : NULL;
  if (store)
    {
      g_mutex_lock (&store->lock);
      /* bounded: versions rolled back are never followed */
      if (store->followers > 0 && g_hash_table_size (store->own_changes) < 100000)
        g_hash_table_add (store->own_changes, g_strdup_printf ("%" G_GINT64_FORMAT " %s %s", version, table, row_id));
      g_mutex_unlock (&store->lock);
    }
  g_mutex_unlock (&live_lock);
}

gboolean
bz_store_log_patient_change (sqlite3 *db, const char *table, const char *row_id, BzChangeOp op,
                             const char *patient_id, GError **error)
{
  static const char *ops[] = { "insert", "update", "delete" };
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "INSERT INTO changes (table_name, row_id, op, at, patient_id)"
      " VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?)",
      error);
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, row_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, ops[op], -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, patient_id, -1, SQLITE_STATIC);
  if (!bz_db_step_done (st, error))
    return FALSE;
  mark_own_change (db, sqlite3_last_insert_rowid (db), table, row_id);
  return TRUE;
}

gboolean
bz_store_log_change (sqlite3 *db, const char *table, const char *row_id, BzChangeOp op, GError **error)
{
  return bz_store_log_patient_change (db, table, row_id, op, NULL, error);
}

void
bz_store_set_following (BzStore *self, gboolean following)
{
  g_mutex_lock (&self->lock);
  if (following)
    self->followers++;
  else if (self->followers > 0 && --self->followers == 0)
    g_hash_table_remove_all (self->own_changes);
  g_mutex_unlock (&self->lock);
}

gboolean
bz_store_forget_own_change (BzStore *self, gint64 version, const char *table, const char *row_id)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT " %s %s", version, table, row_id);
  gboolean own;

  g_mutex_lock (&self->lock);
  own = g_hash_table_remove (self->own_changes, key);
  g_mutex_unlock (&self->lock);
  return own;
}

guint
bz_store_watch (BzStore *self, GMainContext *context, BzStoreWatchFunc func,
                gpointer user_data, GDestroyNotify destroy)
{
  Watcher *w = g_new0 (Watcher, 1);
  guint id;

  w->context = context ? g_main_context_ref (context) : g_main_context_ref_thread_default ();
  w->func = func;
  w->user_data = user_data;
  w->destroy = destroy;
  w->ref_count = 1;
  g_mutex_lock (&self->lock);
  id = self->next_watch_id++;
  g_hash_table_insert (self->watchers, GUINT_TO_POINTER (id), w);
  g_mutex_unlock (&self->lock);
  return id;
}

void
bz_store_unwatch (BzStore *self, guint watch_id)
{
  g_mutex_lock (&self->lock);
  g_hash_table_remove (self->watchers, GUINT_TO_POINTER (watch_id));
  g_mutex_unlock (&self->lock);
}

typedef struct
{
  Watcher *w;
  char *table;
  char *row_id;
} Notification;

static gboolean
deliver (gpointer data)
{
  Notification *n = data;
  n->w->func (n->table, n->row_id, n->w->user_data);
  return G_SOURCE_REMOVE;
}

static void
notification_free (gpointer data)
{
  Notification *n = data;
  watcher_unref (n->w);
  g_free (n->table);
  g_free (n->row_id);
  g_free (n);
}

void
bz_store_notify (BzStore *self, const char *table, const char *row_id)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();
  GHashTableIter it;
  gpointer value;

  /* Collect under the lock, invoke outside it: a watcher on this thread's
   * context runs synchronously and may itself watch or unwatch. */
  g_mutex_lock (&self->lock);
  g_hash_table_iter_init (&it, self->watchers);
  while (g_hash_table_iter_next (&it, NULL, &value))
    {
      Notification *n = g_new0 (Notification, 1);
      n->w = value;
      g_atomic_int_inc (&n->w->ref_count);
      n->table = g_strdup (table);
      n->row_id = g_strdup (row_id);
      g_ptr_array_add (pending, n);
    }
  g_mutex_unlock (&self->lock);

  /* Always through a source on the watcher's context, never
   * g_main_context_invoke(): that runs the callback right here, on the
   * writer's thread, whenever the watcher's context is not owned just now. */
  for (guint i = 0; i < pending->len; i++)
    {
      Notification *n = g_ptr_array_index (pending, i);
      g_autoptr(GSource) source = g_idle_source_new ();
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, deliver, n, notification_free);
      g_source_set_static_name (source, "[balanza] store change");
      g_source_attach (source, n->w->context);
    }
}
