/* bz-store.h — the SQLite store: one database file, one connection per thread.
 *
 * BzStore owns the data directory layout:
 *   DATA_DIR/                  mode 0700
 *   DATA_DIR/balanza.db        SQLite database (WAL mode), 0600 like its -wal/-shm
 *   DATA_DIR/blobs/sha256/ab/cdef…  content-addressed blobs (see bz-blob-store.h)
 *   DATA_DIR/secret.key        32-byte HS256 signing key (mode 0600)
 *
 * Connections: bz_store_db() returns the calling thread's connection, opened on
 * first use with WAL, foreign_keys=ON, busy_timeout=5000 ms, synchronous=FULL.
 * It stays open until the thread exits or the store is finalized.
 *
 * Migrations: data/sql/NNN_name.sql compiled into the GResource
 * /org/balanza/store/sql/, applied in order inside one transaction each and
 * tracked with PRAGMA user_version.
 *
 * Changes: every write appends a row to `changes` (table, row id, op) through
 * bz_store_log_change() inside the writer's transaction; once the transaction
 * commits, the writer calls bz_store_notify() and every watcher is invoked on
 * its own GMainContext.  Phones sync from the same table.
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define BZ_TYPE_STORE (bz_store_get_type ())
G_DECLARE_FINAL_TYPE (BzStore, bz_store, BZ, STORE, GObject)

/**
 * bz_db_stmt_release:
 * @stmt: (nullable) (transfer full): a statement from bz_db_prepare()
 *
 * Resets @stmt, clears its bindings and returns it to its connection's cache
 * (or finalizes it when it was not cached).  The cleanup of
 * g_autoptr(sqlite3_stmt): statements of bz_db_prepare() are released, never
 * finalized, by their users.
 */
void          bz_db_stmt_release (sqlite3_stmt *stmt);

/**
 * bz_db_close:
 * @db: (transfer full) (nullable): a connection the caller opened itself
 *   (e.g. bz-store-backup.c's), not one of the store's
 *
 * Finalizes the statements bz_db_prepare() cached for @db, then closes it:
 * a plain sqlite3_close() would fail with SQLITE_BUSY on those statements
 * and leak the connection.
 */
void          bz_db_close (sqlite3 *db);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, bz_db_stmt_release)

/**
 * bz_store_open:
 * @data_dir: directory for the database and blobs; created if missing
 * @error: BZ_ERROR_INTERNAL / G_IO_ERROR on failure
 *
 * Opens (creating and migrating as needed) the store.
 *
 * Permissions, whatever the umask and whatever an older version left: the
 * data dir is set to 0700 (also when it already existed, e.g. 0755), and
 * balanza.db, its -wal/-shm/-journal and secret.key to 0600.  balanza.db is
 * created 0600 before SQLite opens it, and SQLite gives the files it creates
 * next to it the main file's mode.  Blob directories and files are 0700/0600
 * (see bz-blob-store.h).
 *
 * Returns: (transfer full): the store, or %NULL on error.
 */
BzStore     *bz_store_open            (const char *data_dir, GError **error);

const char  *bz_store_get_data_dir    (BzStore *self);
/** bz_store_get_secret: Returns: (transfer none): the 32-byte token signing key. */
GBytes      *bz_store_get_secret      (BzStore *self);

/**
 * bz_store_db:
 * Returns: (transfer none): this thread's connection; never %NULL (aborts if
 * the database cannot be opened, which bz_store_open() already checked).
 */
sqlite3     *bz_store_db              (BzStore *self);

/** bz_store_schema_version: Returns: PRAGMA user_version after migrations. */
int          bz_store_schema_version  (BzStore *self);

/** bz_store_checkpoint: runs PRAGMA wal_checkpoint(TRUNCATE) on this thread's connection. */
void         bz_store_checkpoint      (BzStore *self);

/* --- SQL helpers (GError in BZ_ERROR_INTERNAL, CONFLICT on UNIQUE/constraint,
 *     UNAVAILABLE with a Retry-After when the database is busy: see
 *     bz_db_set_error()) --- */

gboolean      bz_db_exec      (sqlite3 *db, const char *sql, GError **error);
/**
 * bz_db_prepare:
 * @db: a connection of the calling thread (bz_store_db())
 * @sql: one SQL statement
 * @error: BZ_ERROR_INTERNAL when it does not compile
 *
 * Lends out @db's cached compilation of @sql, compiling it on first use
 * (SQLITE_PREPARE_PERSISTENT).  Release it with bz_db_stmt_release(), which
 * g_autoptr(sqlite3_stmt) does.  Copy values out and release a statement
 * before a transaction starts on @db: bz_db_begin() resets any statement
 * still stepping (see there).
 *
 * Returns: (transfer full): the statement, reset and unbound.
 */
sqlite3_stmt *bz_db_prepare   (sqlite3 *db, const char *sql, GError **error);
/** bz_db_step_done: steps a statement expecting SQLITE_DONE. */
gboolean      bz_db_step_done (sqlite3_stmt *stmt, GError **error);
/**
 * bz_db_begin:
 * @db: a connection of the calling thread, not in a transaction
 * @error: BZ_ERROR_UNAVAILABLE when another connection keeps the write lock
 *   past busy_timeout; BZ_ERROR_INTERNAL otherwise
 *
 * BEGIN IMMEDIATE.  First resets, with a warning naming it, every statement
 * of @db still stepping (stepped, neither reset nor run to SQLITE_DONE): such
 * a statement holds a read snapshot, and once another connection has
 * committed, a stale snapshot cannot become the writer (SQLITE_BUSY_SNAPSHOT,
 * which busy_timeout does not retry).  The reset statement's row is gone.
 *
 * Returns: %TRUE when the transaction is open.
 */
gboolean      bz_db_begin     (sqlite3 *db, GError **error);
gboolean      bz_db_commit    (sqlite3 *db, GError **error);
void          bz_db_rollback  (sqlite3 *db);
/**
 * bz_db_set_error:
 * @db: the connection that failed
 * @rc: the SQLite result code
 * @error: (out): set
 *
 * Fills @error from sqlite3_errmsg(@db): BZ_ERROR_CONFLICT for constraint
 * errors; BZ_ERROR_UNAVAILABLE (503) with a Retry-After and a message fit for
 * clients when the database is busy (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, ...;
 * the SQLite text is logged); BZ_ERROR_INTERNAL otherwise.  bz_db_exec() maps
 * the same way.
 */
void          bz_db_set_error (sqlite3 *db, int rc, GError **error);
/** bz_db_column_text_dup: Returns: (transfer full) (nullable): column @col as a new string. */
char         *bz_db_column_text_dup (sqlite3_stmt *stmt, int col);
void          bz_db_bind_text_or_null (sqlite3_stmt *stmt, int idx, const char *text);

/**
 * bz_now_iso8601:
 * Returns: (transfer full): the current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
 */
char         *bz_now_iso8601  (void);

/* --- Transactions for services (bz-store-tx.c) ------------------------------
 *
 * Services open and close the write transaction around repository calls
 * (bz-*-repo.h) with these; every call runs on the calling thread's
 * connection, so repository calls of the same thread in between are inside it.
 */

/**
 * bz_store_begin:
 * @self: the store
 * @error: BZ_ERROR_UNAVAILABLE when the database stays locked past
 *   busy_timeout; BZ_ERROR_INTERNAL when the transaction cannot start
 *
 * Starts a write transaction (BEGIN IMMEDIATE) on this thread's connection,
 * on the newest snapshot: see bz_db_begin().
 *
 * Returns: %TRUE when the transaction is open.
 */
gboolean     bz_store_begin           (BzStore *self, GError **error);

/**
 * bz_store_commit:
 * @self: the store
 * @error: BZ_ERROR_INTERNAL when COMMIT fails (the transaction stays open:
 *   call bz_store_rollback())
 *
 * Commits this thread's open transaction.
 *
 * Returns: %TRUE when committed.
 */
gboolean     bz_store_commit          (BzStore *self, GError **error);

/**
 * bz_store_rollback:
 * @self: the store
 *
 * Rolls back this thread's open transaction, if any (a no-op otherwise).
 */
void         bz_store_rollback        (BzStore *self);

/**
 * bz_store_begin_nested:
 * @self: the store
 * @savepoint: the savepoint's name, an SQL identifier ([a-z_]+)
 * @out_nested: (out): %TRUE when a transaction was already open on this
 *   thread's connection and a savepoint was opened inside it; pass it to
 *   bz_store_commit_nested() / bz_store_rollback_nested()
 * @error: BZ_ERROR_INTERNAL on failure
 *
 * Opens a write transaction of its own (BEGIN IMMEDIATE), or a savepoint
 * @savepoint inside the caller's transaction: for writers that run alone or
 * as one step of a bigger use case.
 *
 * Returns: %TRUE when opened.
 */
gboolean     bz_store_begin_nested    (BzStore *self, const char *savepoint, gboolean *out_nested,
                                       GError **error);

/**
 * bz_store_commit_nested:
 * @self: the store
 * @savepoint: the name given to bz_store_begin_nested()
 * @nested: what bz_store_begin_nested() returned in @out_nested
 * @error: BZ_ERROR_INTERNAL on failure
 *
 * Commits the transaction, or releases the savepoint into the caller's.
 *
 * Returns: %TRUE on success.
 */
gboolean     bz_store_commit_nested   (BzStore *self, const char *savepoint, gboolean nested,
                                       GError **error);

/**
 * bz_store_rollback_nested:
 * @self: the store
 * @savepoint: the name given to bz_store_begin_nested()
 * @nested: what bz_store_begin_nested() returned in @out_nested
 *
 * Rolls back the transaction, or only what was written since the savepoint
 * (the caller's transaction stays open).
 */
void         bz_store_rollback_nested (BzStore *self, const char *savepoint, gboolean nested);

/* --- Change log ------------------------------------------------------------ */

typedef enum { BZ_CHANGE_INSERT, BZ_CHANGE_UPDATE, BZ_CHANGE_DELETE } BzChangeOp;

/**
 * bz_store_log_change:
 * @db: the writer's connection, inside its transaction
 * @table: table name, e.g. "meal_logs"
 * @row_id: the row's id
 * @op: what happened
 *
 * Appends one row to `changes`.  Returns %FALSE with @error on failure.
 */
gboolean     bz_store_log_change      (sqlite3 *db, const char *table, const char *row_id,
                                       BzChangeOp op, GError **error);

/**
 * bz_store_log_patient_change:
 * @db: the writer's connection, inside its transaction
 * @table: table name, e.g. "meal_logs"
 * @row_id: the row's id
 * @op: what happened
 * @patient_id: (nullable): the patient whose record it is (%NULL: no
 *   patient's, like bz_store_log_change())
 * @error: BZ_ERROR_INTERNAL on failure
 *
 * bz_store_log_change() with the row's owner in `changes.patient_id`
 * (data/sql/018_sync_changes.sql), so that the phones' delta sync
 * (bz-sync-repo.h) sends the change, a deletion too, to exactly that
 * patient and their nutritionist.
 *
 * Returns: %FALSE with @error on failure.
 */
gboolean     bz_store_log_patient_change (sqlite3 *db, const char *table, const char *row_id,
                                          BzChangeOp op, const char *patient_id, GError **error);

/**
 * BzStoreWatchFunc:
 * @table: the table that changed ("meal_logs", "body_scans", ...)
 * @row_id: the changed row's id
 * @user_data: closure
 *
 * Called on the watcher's main context after a write committed.
 */
typedef void (*BzStoreWatchFunc) (const char *table, const char *row_id, gpointer user_data);

/**
 * bz_store_watch:
 * @context: (nullable): context to invoke @func on; %NULL = thread-default of the caller
 * Returns: a watch id for bz_store_unwatch().
 */
guint        bz_store_watch           (BzStore *self, GMainContext *context,
                                       BzStoreWatchFunc func, gpointer user_data,
                                       GDestroyNotify destroy);
void         bz_store_unwatch         (BzStore *self, guint watch_id);
/** bz_store_notify: tells watchers that @table row @row_id changed (call after COMMIT). */
void         bz_store_notify          (BzStore *self, const char *table, const char *row_id);

/**
 * BzStoreFollower: a running follower of the change log (bz_store_follow_changes()).
 */
typedef struct _BzStoreFollower BzStoreFollower;

/**
 * bz_store_follow_changes:
 * @interval_ms: how often to read the change log (at least 10 ms)
 *
 * Follows the changes other processes write to the same database: every
 * @interval_ms, on a thread of its own (with its own connection, never the
 * GUI's or the server's thread), the rows of `changes` past the last one
 * seen that this process did not log itself are passed to
 * bz_store_notify(), which runs each watcher on its own context.  Changes
 * logged before the call are not reported.
 *
 * Returns: (transfer full): the follower; stop it with bz_store_follower_stop().
 */
BzStoreFollower *bz_store_follow_changes (BzStore *self, guint interval_ms);

/** bz_store_follower_stop: stops @follower, waits for its thread and frees it; %NULL is ignored. */
void         bz_store_follower_stop   (BzStoreFollower *follower);

G_END_DECLS
