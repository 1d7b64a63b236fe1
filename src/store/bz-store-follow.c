/* bz-store-follow.c — changes written by other processes on the same data
 * directory (bz_store_follow_changes()).
 *
 * Each process's writers call bz_store_notify() after their commit, which
 * reaches only that process's watchers.  The desk must also show a meal that
 * balanzad (or a second desk) wrote to the same database: the follower reads
 * the change log (`changes`, appended in every writer's transaction) past the
 * last version it saw, at a fixed interval, and notifies this process's
 * watchers of each row that this process did not log itself.  A read of the
 * log's primary key per tick; WAL readers never wait for the writer.
 */
#include "bz-store.h"
#include "bz-store-private.h"

/** Rows read per tick: a burst is caught up over the following ticks. */
#define FOLLOW_BATCH 500

typedef struct
{
  BzStore *store;
  gint64 seen;        /* the newest version looked at */
} Follower;

static void
follower_free (gpointer p)
{
  Follower *f = p;
  bz_store_set_following (f->store, FALSE);
  g_object_unref (f->store);
  g_free (f);
}

static gboolean
latest_version (BzStore *store, gint64 *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), "SELECT coalesce(max(version), 0) FROM changes", &error);

  if (st == NULL || sqlite3_step (st) != SQLITE_ROW)
    return FALSE;
  *out = sqlite3_column_int64 (st, 0);
  return TRUE;
}

static gboolean
follow_tick (gpointer data)
{
  Follower *f = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (f->store),
      "SELECT version, table_name, row_id FROM changes WHERE version > ?1 ORDER BY version LIMIT ?2", &error);
  int rc;

  if (st == NULL)
    {
      g_debug ("change follower: %s", error->message);
      return G_SOURCE_CONTINUE;
    }
  sqlite3_bind_int64 (st, 1, f->seen);
  sqlite3_bind_int (st, 2, FOLLOW_BATCH);
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      gint64 version = sqlite3_column_int64 (st, 0);
      const char *table = (const char *) sqlite3_column_text (st, 1);
      const char *row_id = (const char *) sqlite3_column_text (st, 2);

      f->seen = version;
      if (!bz_store_forget_own_change (f->store, version, table, row_id))
        bz_store_notify (f->store, table, row_id);
    }
  if (rc != SQLITE_DONE)
    g_debug ("change follower: %s", sqlite3_errmsg (bz_store_db (f->store)));
  return G_SOURCE_CONTINUE;
}

/* The follower's own thread: its main context, its loop, its SQLite
 * connection (bz_store_db() is per thread), so no read of the log ever runs
 * on the GUI's or the server's thread. */
struct _BzStoreFollower
{
  BzStore *store;
  guint interval_ms;
  GMainContext *context;
  GMainLoop *loop;
  GThread *thread;
  gint64 start;      /* the log's newest version when following began */
};

static gpointer
follower_thread (gpointer data)
{
  BzStoreFollower *h = data;
  Follower *f = g_new0 (Follower, 1);
  GSource *source;

  g_main_context_push_thread_default (h->context);
  f->store = g_object_ref (h->store);
  f->seen = h->start;
  source = g_timeout_source_new (MAX (h->interval_ms, 10));
  g_source_set_callback (source, follow_tick, f, follower_free);
  g_source_set_static_name (source, "[balanza] change follower");
  g_source_attach (source, h->context);
  g_main_loop_run (h->loop);
  g_source_destroy (source);
  g_source_unref (source);
  g_main_context_pop_thread_default (h->context);
  return NULL;
}

BzStoreFollower *
bz_store_follow_changes (BzStore *self, guint interval_ms)
{
  BzStoreFollower *h;

  g_return_val_if_fail (BZ_IS_STORE (self), NULL);
  h = g_new0 (BzStoreFollower, 1);
  h->store = g_object_ref (self);
  h->interval_ms = interval_ms;
  h->context = g_main_context_new ();
  h->loop = g_main_loop_new (h->context, FALSE);
  /* The starting point is read and this process's own changes remembered
   * from here, on the caller's thread: nothing logged after the call is
   * missed or reported twice however late the thread starts.  (The
   * thread's Follower counts itself out when it is freed.) */
  bz_store_set_following (self, TRUE);
  if (!latest_version (self, &h->start))
    h->start = 0;
  h->thread = g_thread_new ("bz-store-follow", follower_thread, h);
  return h;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
bz_store_follower_stop (BzStoreFollower *h)
{
  GSource *quit;

  if (h == NULL)
    return;
  /* a source, not g_main_context_invoke(): that would run the quit here,
   * before the thread's loop runs, if the thread had not started yet */
  quit = g_idle_source_new ();
  g_source_set_callback (quit, quit_cb, h->loop, NULL);
  g_source_attach (quit, h->context);
  g_source_unref (quit);
  g_thread_join (h->thread);
  g_main_loop_unref (h->loop);
  g_main_context_unref (h->context);
  g_object_unref (h->store);
  g_free (h);
}
