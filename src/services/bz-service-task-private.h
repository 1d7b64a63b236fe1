/* bz-service-task-private.h — the GTask plumbing behind the services'
 * _async/_finish calls (GIO style).  For the service files only: the GUI
 * sees the typed calls (bz_patients_get_list_async()...), never this.
 *
 * A call runs its synchronous service function on a GTask worker thread
 * (which uses the thread's own SQLite connection, see bz-services.h), with
 * a copy of the caller; the cancellable is checked before the work starts
 * and after it ends, and the callback runs on the thread-default main
 * context of whoever started the call.
 */
#pragma once

#include "bz-services.h"

G_BEGIN_DECLS

/**
 * BzServiceWork:
 * @svc: the service layer
 * @caller: (nullable): the copied caller; never %NULL for a
 *   %BZ_SERVICE_TASK_NEEDS_CALLER call
 * @args: the call's arguments (owned by the task)
 * @error: return location for the service's error
 *
 * The synchronous service call, run on the worker thread.
 *
 * Returns: (transfer full) (nullable): the result (a #BzRecord for record
 *   calls), or %NULL with @error set.
 */
typedef gpointer (*BzServiceWork) (BzServices *svc, const BzCaller *caller, gpointer args, GError **error);

/**
 * BzServiceTaskFlags:
 * @BZ_SERVICE_TASK_NONE: anyone may call (foods, sign-in)
 * @BZ_SERVICE_TASK_NEEDS_CALLER: a %NULL caller (signed out) finishes with
 *   %BZ_ERROR_UNAUTHENTICATED without running the work
 */
typedef enum
{
  BZ_SERVICE_TASK_NONE = 0,
  BZ_SERVICE_TASK_NEEDS_CALLER = 1 << 0,
} BzServiceTaskFlags;

/**
 * bz_service_task_run:
 * @svc: the service layer (the task's source object; kept alive until @callback)
 * @source_tag: the public _async function, checked by bz_service_task_finish()
 * @name: the task's name, for debugging ("bz-patients")
 * @caller: (nullable): who asks; copied
 * @flags: #BzServiceTaskFlags
 * @work: the synchronous call
 * @args: (transfer full) (nullable): for @work; freed with @args_free when the
 *   task is finalized (on whichever thread drops the last reference)
 * @args_free: (nullable): frees @args
 * @result_free: frees a result nobody finished (g_object_unref for records)
 * @cancellable: (nullable): checked before and after @work
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 */
void     bz_service_task_run    (BzServices *svc, gpointer source_tag, const char *name,
                                 const BzCaller *caller, BzServiceTaskFlags flags,
                                 BzServiceWork work, gpointer args, GDestroyNotify args_free,
                                 GDestroyNotify result_free, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data);

/**
 * bz_service_task_finish:
 * @svc: the service layer given to bz_service_task_run()
 * @result: the #GAsyncResult given to the callback
 * @source_tag: the public _async function
 * @error: %G_IO_ERROR_CANCELLED, %BZ_ERROR_UNAUTHENTICATED, or the work's error
 *
 * Returns: (transfer full) (nullable): the work's result, or %NULL with @error set.
 */
gpointer bz_service_task_finish (BzServices *svc, GAsyncResult *result, gpointer source_tag, GError **error);

/**
 * bz_service_json_object_copy:
 * @object: (nullable): a request body built by the calling thread
 *
 * A deep copy for the worker thread: json-glib's reference counts are not
 * atomic, so the worker never shares a node with the caller.
 *
 * Returns: (transfer full) (nullable): the copy; %NULL when @object is %NULL.
 */
JsonObject *bz_service_json_object_copy (JsonObject *object);

G_END_DECLS
