/* bz-services.h — the service layer: the only entry point for HTTP handlers and the GUI.
 *
 * BzServices bundles the store and the integration providers.  It is
 * thread-safe: every call uses the calling thread's SQLite connection
 * (bz_store_db()), so the GUI calls services from GTask worker threads and the
 * server calls them from its worker pool.  Calls are synchronous and may block
 * on disk; never call them on the GUI thread or the server's main context.
 *
 * Results are #BzRecord of the resource declarations (bz-resources.h): the
 * `data` member of the seed's response envelope, written by
 * bz_record_write_json() for HTTP only, so the GUI shows what the API
 * serves.  The GUI binds the records themselves (one GObject property per
 * field, ARRAY fields as GListModel), through each service's
 * _async/_finish calls (bz-service-task-private.h runs them on GTask
 * worker threads).
 *
 * Callers: a BzCaller names the authenticated user.  Authorization
 * (role + ownership) happens inside each service; ids the caller may not see
 * answer BZ_ERROR_NOT_FOUND, never FORBIDDEN, so ids do not leak.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bz-error.h"
#include "bz-resource.h"

G_BEGIN_DECLS

/* From the store (bz-store.h, bz-audit.h): opaque here, so that callers of the
 * services (the GUI) do not see the store. */
typedef struct _BzStore BzStore;
typedef struct _BzAuditLog BzAuditLog;
typedef struct _BzJobRunner BzJobRunner;
typedef struct _BzRealtime BzRealtime;   /* bz-realtime.h */

typedef enum
{
  BZ_ROLE_PATIENT,
  BZ_ROLE_NUTRITIONIST,
  BZ_ROLE_ADMIN,
} BzRole;

const char *bz_role_to_string   (BzRole role);
gboolean    bz_role_from_string (const char *s, BzRole *out);

/** BzCaller: an authenticated user (from a verified access token or a GUI sign-in). */
typedef struct
{
  char *user_id;
  BzRole role;
  char *email;
  gboolean must_change_password;  /* signed in with a generated password: only the change is allowed */
  char *session_id;     /* (nullable) the access token's sign-in ("sid"); NULL for GUI callers */
  gint64 expires_at;    /* the access token's expiry, s since the Unix epoch; 0 for GUI callers */
} BzCaller;

BzCaller *bz_caller_new  (const char *user_id, BzRole role, const char *email);
BzCaller *bz_caller_copy (const BzCaller *caller);
void      bz_caller_free (BzCaller *caller);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzCaller, bz_caller_free)

#define BZ_TYPE_SERVICES (bz_services_get_type ())
G_DECLARE_FINAL_TYPE (BzServices, bz_services, BZ, SERVICES, GObject)

/**
 * bz_services_new:
 * @store: (transfer none): the opened store
 *
 * Creates the service layer with the local (offline) providers.
 * Returns: (transfer full): a new #BzServices.
 */
BzServices *bz_services_new       (BzStore *store);
/** bz_services_get_store: Returns: (transfer none): the store. */
BzStore    *bz_services_get_store (BzServices *self);

/**
 * bz_services_get_audit_log:
 * Returns: (transfer none): the batched record-access audit (bz-audit.h);
 *   flushed by bz_audit_log_flush() and when the services are finalized.
 */
BzAuditLog *bz_services_get_audit_log (BzServices *self);

/**
 * bz_services_set_job_runner:
 * @runner: (transfer none) (nullable): the durable jobs' runner (bz-jobs.h),
 *   or %NULL before it is freed
 *
 * The runtime (bz-runtime.c) hands its runner over at start-up, after
 * registering the services' job handlers, and takes it back at shutdown.
 * Services without a runner (tests, tools) still enqueue: the jobs wait in
 * the table for the next runner.
 */
void         bz_services_set_job_runner (BzServices *self, BzJobRunner *runner);

/**
 * bz_services_get_realtime:
 *
 * The real-time hub (bz-realtime.h): the open WebSockets of every user.
 * Publish to it from any thread with bz_realtime_publish().
 *
 * Returns: (transfer none): the hub, alive as long as the services.
 */
BzRealtime  *bz_services_get_realtime (BzServices *self);

/** bz_services_get_job_runner: Returns: (transfer none) (nullable): the runner of bz_services_set_job_runner(). */
BzJobRunner *bz_services_get_job_runner (BzServices *self);

/**
 * bz_services_enqueue_job:
 * @kind: the job's kind, e.g. "meal_plan.draft_expiry"
 * @payload: (nullable): a JSON text for its handler
 * @idempotency_key: (nullable): at most one job of @kind has it (a second
 *   enqueue adds nothing)
 * @run_at_ms: ms since the Unix epoch; not before
 * @error: as bz_jobs_repo_enqueue()
 *
 * Enqueues a durable job on the calling thread's connection, inside its
 * transaction if one is open (so the job commits or rolls back with the rows
 * it is about), and wakes the runner when the job is due already.
 *
 * Returns: %TRUE when queued (or already queued under @idempotency_key).
 */
gboolean     bz_services_enqueue_job (BzServices *self, const char *kind, const char *payload,
                                      const char *idempotency_key, gint64 run_at_ms, GError **error);

/**
 * BzChangeFunc:
 * @table: the table that changed ("meal_logs", "body_scans", ...)
 * @row_id: the changed row's id
 *
 * Called on the watcher's main context after a write committed, whichever
 * thread (GUI worker, server, phone) made it.
 */
typedef void (*BzChangeFunc) (const char *table, const char *row_id, gpointer user_data);

/**
 * bz_services_watch:
 * @context: (nullable): where @func runs; %NULL: the thread-default context
 * @func: (scope notified): called after every committed write
 * @destroy: (nullable): frees @user_data when the watch ends
 *
 * Follows the store's change notifications (bz_store_watch()).
 * Returns: a watch id for bz_services_unwatch().
 */
guint       bz_services_watch   (BzServices *self, GMainContext *context, BzChangeFunc func,
                                 gpointer user_data, GDestroyNotify destroy);
/** bz_services_unwatch: stops the watch @watch_id of bz_services_watch(). */
void        bz_services_unwatch (BzServices *self, guint watch_id);

/**
 * bz_services_get_avatar_provider:
 * Returns: (transfer none) (type BzAvatarProvider): the 3D-scan/avatar provider.
 */
gpointer    bz_services_get_avatar_provider (BzServices *self);

/** bz_json_node_new_object: Returns: (transfer full): a node holding (taking) @object. */
JsonNode   *bz_json_node_new_object (JsonObject *object);

/** bz_json_get_string: Returns: (transfer none) (nullable): member @name of @o if it is a string. */
const char *bz_json_get_string (JsonObject *o, const char *name);

/**
 * bz_json_get_number:
 * @out: (out): the value when present and numeric
 * Returns: %TRUE if @name is a number (integer or real) member of @o.
 */
gboolean    bz_json_get_number (JsonObject *o, const char *name, double *out);

G_END_DECLS
