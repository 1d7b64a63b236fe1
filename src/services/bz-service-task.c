/* bz-service-task.c — the GTask plumbing behind the services' _async/_finish calls. */
#include "bz-service-task-private.h"

#include <glib/gi18n.h>

typedef struct
{
  BzServiceWork work;
  BzServiceTaskFlags flags;
  BzCaller *caller;
  gpointer args;
  GDestroyNotify args_free;
  GDestroyNotify result_free;
} ServiceCall;

static void
service_call_free (gpointer p)
{
  ServiceCall *c = p;

  g_clear_pointer (&c->caller, bz_caller_free);
  if (c->args && c->args_free)
    c->args_free (c->args);
  g_free (c);
}

static void
service_call_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ServiceCall *c = task_data;
  GError *error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;
  if ((c->flags & BZ_SERVICE_TASK_NEEDS_CALLER) && c->caller == NULL)
    {
      g_task_return_new_error (task, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "%s", _("Authentication required"));
      return;
    }
  result = c->work (BZ_SERVICES (source), c->caller, c->args, &error);
  if (result == NULL)
    {
      if (error == NULL)
        error = g_error_new_literal (BZ_ERROR, BZ_ERROR_INTERNAL, "no result");
      g_task_return_error (task, error);
      return;
    }
  if (error != NULL)   /* a result and an error: the error wins */
    {
      c->result_free (result);
      g_task_return_error (task, error);
      return;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      c->result_free (result);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, c->result_free);
}

void
bz_service_task_run (BzServices *svc, gpointer source_tag, const char *name,
                     const BzCaller *caller, BzServiceTaskFlags flags,
                     BzServiceWork work, gpointer args, GDestroyNotify args_free,
                     GDestroyNotify result_free, GCancellable *cancellable,
                     GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  ServiceCall *c;

  g_return_if_fail (BZ_IS_SERVICES (svc));
  g_return_if_fail (work != NULL && result_free != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  c = g_new0 (ServiceCall, 1);
  c->work = work;
  c->flags = flags;
  c->caller = caller ? bz_caller_copy (caller) : NULL;
  c->args = args;
  c->args_free = args_free;
  c->result_free = result_free;

  task = g_task_new (svc, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, name);
  g_task_set_task_data (task, c, service_call_free);
  g_task_run_in_thread (task, service_call_thread);
}

gpointer
bz_service_task_finish (BzServices *svc, GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  g_return_val_if_fail (g_task_is_valid (result, svc), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

JsonObject *
bz_service_json_object_copy (JsonObject *object)
{
  g_autoptr(JsonNode) node = NULL, copy = NULL;
  g_autofree char *text = NULL;

  if (object == NULL)
    return NULL;
  /* Through text: json_node_copy() shares the members (and their counts). */
  node = json_node_init_object (json_node_alloc (), object);
  text = json_to_string (node, FALSE);
  copy = json_from_string (text, NULL);
  return copy && JSON_NODE_HOLDS_OBJECT (copy) ? json_object_ref (json_node_get_object (copy)) : json_object_new ();
}
