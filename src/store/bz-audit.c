/* bz-audit.c — batched record-access audit (see bz-audit.h). */
#include "bz-audit.h"

typedef struct
{
  char *actor_id;
  char *patient_id;
  char *action;
  char *at;
  gboolean flush;   /* a marker: signal flush_done once written */
  gboolean stop;
} Row;

struct _BzAuditLog
{
  BzStore *store;
  GAsyncQueue *queue;
  GThread *thread;
  GMutex lock;
  GCond cond;
  guint64 flushes_requested, flushes_done;  /* guarded by lock */
};

static void
row_free (Row *r)
{
  g_free (r->actor_id);
  g_free (r->patient_id);
  g_free (r->action);
  g_free (r->at);
  g_free (r);
}

static void
write_batch (BzAuditLog *self, GPtrArray *rows)
{
  sqlite3 *db = bz_store_db (self->store);
  g_autoptr(GError) error = NULL;

  if (rows->len == 0)
    return;
  if (!bz_db_begin (db, &error))
    goto fail;
  for (guint i = 0; i < rows->len; i++)
    {
      Row *r = g_ptr_array_index (rows, i);
      g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
          "INSERT INTO record_access_audit (actor_id, patient_id, action, at) VALUES (?, ?, ?, ?)", &error);
      if (!st)
        goto rollback;
      sqlite3_bind_text (st, 1, r->actor_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 2, r->patient_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 3, r->action, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 4, r->at, -1, SQLITE_STATIC);
      if (!bz_db_step_done (st, &error))
        goto rollback;
    }
  if (bz_db_commit (db, &error))
    return;
rollback:
  bz_db_rollback (db);
fail:
  g_warning ("Record-access audit: %u rows not written: %s", rows->len, error ? error->message : "?");
}

static gpointer
writer (gpointer data)
{
  BzAuditLog *self = data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  gboolean stop = FALSE;

  while (!stop)
    {
      Row *r = g_async_queue_pop (self->queue);
      guint flushes = 0;
      gint64 deadline = g_get_monotonic_time () + BZ_AUDIT_FLUSH_MS * 1000;

      /* Gather what arrives within the flush interval, up to a batch. */
      for (;;)
        {
          if (r->stop)
            stop = TRUE;
          if (r->flush || r->stop)
            {
              flushes++;
              row_free (r);
              break;
            }
          g_ptr_array_add (rows, r);
          if (rows->len >= BZ_AUDIT_BATCH)
            break;
          r = g_async_queue_timeout_pop (self->queue, MAX (0, deadline - g_get_monotonic_time ()));
          if (r == NULL)
            break;
        }
      write_batch (self, rows);
      g_ptr_array_set_size (rows, 0);
      if (flushes)
        {
          g_mutex_lock (&self->lock);
          self->flushes_done += flushes;
          g_cond_broadcast (&self->cond);
          g_mutex_unlock (&self->lock);
        }
    }
  return NULL;
}

BzAuditLog *
bz_audit_log_new (BzStore *store)
{
  BzAuditLog *self = g_new0 (BzAuditLog, 1);
  self->store = store;
  self->queue = g_async_queue_new ();
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->thread = g_thread_new ("bz-audit", writer, self);
  return self;
}

void
bz_audit_log_record (BzAuditLog *self, const char *actor_id, const char *patient_id, const char *action)
{
  Row *r = g_new0 (Row, 1);
  r->actor_id = g_strdup (actor_id);
  r->patient_id = g_strdup (patient_id);
  r->action = g_strdup (action);
  r->at = bz_now_iso8601 ();
  g_async_queue_push (self->queue, r);
}

static void
push_marker (BzAuditLog *self, gboolean stop)
{
  Row *r = g_new0 (Row, 1);
  guint64 ticket;

  g_mutex_lock (&self->lock);
  ticket = ++self->flushes_requested;
  g_mutex_unlock (&self->lock);
  r->flush = !stop;
  r->stop = stop;
  g_async_queue_push (self->queue, r);
  g_mutex_lock (&self->lock);
  while (self->flushes_done < ticket)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);
}

void
bz_audit_log_flush (BzAuditLog *self)
{
  push_marker (self, FALSE);
}

void
bz_audit_log_free (BzAuditLog *self)
{
  if (self == NULL)
    return;
  push_marker (self, TRUE);
  g_thread_join (self->thread);
  g_async_queue_unref (self->queue);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}
