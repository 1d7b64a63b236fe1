/* bz-services.c — the service layer object and shared helpers. */
#include "bz-services.h"

#include "bz-audit.h"
#include "bz-jobs.h"
#include "bz-store.h"
#include "bz-avatar-provider.h"
#include "bz-local-avatar-provider.h"
#include "bz-limits.h"
#include "bz-realtime.h"

struct _BzServices
{
  GObject parent_instance;
  BzStore *store;
  BzAvatarProvider *avatar_provider;
  BzAuditLog *audit;
  BzJobRunner *jobs;   /* (atomic) (nullable) (not owned): bz_services_set_job_runner() */
  BzRealtime *realtime;
};

G_DEFINE_FINAL_TYPE (BzServices, bz_services, G_TYPE_OBJECT)

static const char *role_names[] = {
  [BZ_ROLE_PATIENT] = "patient",
  [BZ_ROLE_NUTRITIONIST] = "nutritionist",
  [BZ_ROLE_ADMIN] = "admin",
};

const char *
bz_role_to_string (BzRole role)
{
  g_return_val_if_fail (role <= BZ_ROLE_ADMIN, "patient");
  return role_names[role];
}

gboolean
bz_role_from_string (const char *s, BzRole *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (g_strcmp0 (s, role_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

BzCaller *
bz_caller_new (const char *user_id, BzRole role, const char *email)
{
  BzCaller *c = g_new0 (BzCaller, 1);
  c->user_id = g_strdup (user_id);
  c->role = role;
  c->email = g_strdup (email);
  return c;
}

BzCaller *
bz_caller_copy (const BzCaller *caller)
{
  BzCaller *c = bz_caller_new (caller->user_id, caller->role, caller->email);
  c->must_change_password = caller->must_change_password;
  c->session_id = g_strdup (caller->session_id);
  c->expires_at = caller->expires_at;
  return c;
}

void
bz_caller_free (BzCaller *caller)
{
  if (caller == NULL)
    return;
  g_free (caller->user_id);
  g_free (caller->email);
  g_free (caller->session_id);
  g_free (caller);
}

static void
bz_services_finalize (GObject *object)
{
  BzServices *self = BZ_SERVICES (object);
  g_clear_object (&self->avatar_provider);
  g_clear_pointer (&self->audit, bz_audit_log_free);  /* writes what is queued */
  g_clear_pointer (&self->realtime, bz_realtime_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (bz_services_parent_class)->finalize (object);
}

static void
bz_services_class_init (BzServicesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bz_services_finalize;
}

static void
bz_services_init (BzServices *self)
{
}

BzServices *
bz_services_new (BzStore *store)
{
  BzServices *self = g_object_new (BZ_TYPE_SERVICES, NULL);
  self->store = g_object_ref (store);
  self->avatar_provider = bz_local_avatar_provider_new ();
  self->audit = bz_audit_log_new (self->store);
  self->realtime = bz_realtime_new ();
  return self;
}

BzAuditLog *
bz_services_get_audit_log (BzServices *self)
{
  return self->audit;
}

BzStore *
bz_services_get_store (BzServices *self)
{
  return self->store;
}

void
bz_services_set_job_runner (BzServices *self, BzJobRunner *runner)
{
  g_return_if_fail (BZ_IS_SERVICES (self));
  g_atomic_pointer_set (&self->jobs, runner);
}

BzRealtime *
bz_services_get_realtime (BzServices *self)
{
  g_return_val_if_fail (BZ_IS_SERVICES (self), NULL);
  return self->realtime;
}

BzJobRunner *
bz_services_get_job_runner (BzServices *self)
{
  g_return_val_if_fail (BZ_IS_SERVICES (self), NULL);
  return g_atomic_pointer_get (&self->jobs);
}

gboolean
bz_services_enqueue_job (BzServices *self, const char *kind, const char *payload,
                         const char *idempotency_key, gint64 run_at_ms, GError **error)
{
  gint64 now = bz_jobs_now_ms ();
  BzJobRunner *runner;

  g_return_val_if_fail (BZ_IS_SERVICES (self), FALSE);
  if (!bz_jobs_repo_enqueue (self->store, kind, payload, idempotency_key, run_at_ms, 0, now,
                             NULL, NULL, error))
    return FALSE;
  /* A job due later is found by the runner's own sleep (bz-jobs.h). */
  runner = bz_services_get_job_runner (self);
  if (runner && run_at_ms <= now)
    bz_job_runner_wake (runner);
  return TRUE;
}

guint
bz_services_watch (BzServices *self, GMainContext *context, BzChangeFunc func,
                   gpointer user_data, GDestroyNotify destroy)
{
  g_return_val_if_fail (BZ_IS_SERVICES (self), 0);
  return bz_store_watch (self->store, context, func, user_data, destroy);
}

void
bz_services_unwatch (BzServices *self, guint watch_id)
{
  g_return_if_fail (BZ_IS_SERVICES (self));
  bz_store_unwatch (self->store, watch_id);
}

gpointer
bz_services_get_avatar_provider (BzServices *self)
{
  return self->avatar_provider;
}

JsonNode *
bz_json_node_new_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

const char *
bz_json_get_string (JsonObject *o, const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  if (n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
    return json_node_get_string (n);
  return NULL;
}

gboolean
bz_json_get_number (JsonObject *o, const char *name, double *out)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  GType t;
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n))
    return FALSE;
  t = json_node_get_value_type (n);
  if (t != G_TYPE_DOUBLE && t != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_double (n);
  return TRUE;
}

