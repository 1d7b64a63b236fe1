/* bz-meal-tasks.c — the meal service's calls off the calling thread (GIO
 * style), for the GUI: each runs its synchronous twin of bz-meal-service.c
 * on a GTask worker thread (split from bz-meal-service.c). */
#include "bz-meal-service.h"

#include "bz-service-task-private.h"

/* --- async (GIO style): the same calls on a GTask worker thread ----------- *
 * The plumbing (caller copy, cancellation before and after, UNAUTHENTICATED
 * without a caller) is bz_service_task_run()'s, as for the other services. */

typedef struct
{
  char *patient_id;
  char *date;          /* daily */
  guint page, limit;   /* history */
  GBytes *image;       /* add, log */
  GDateTime *eaten_at; /* log */
  char *meal_type;
  JsonArray *items;
  JsonObject *input;   /* update */
  char *source;
  char *meal_id;       /* delete */
} MealArgs;

static void
meal_args_free (gpointer p)
{
  MealArgs *a = p;
  g_free (a->patient_id);
  g_free (a->date);
  g_clear_pointer (&a->image, g_bytes_unref);
  g_clear_pointer (&a->eaten_at, g_date_time_unref);
  g_free (a->meal_type);
  g_clear_pointer (&a->items, json_array_unref);
  g_clear_pointer (&a->input, json_object_unref);
  g_free (a->source);
  g_free (a->meal_id);
  g_free (a);
}

static gpointer
daily_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  MealArgs *a = args;
  return bz_meals_get_daily (svc, caller, a->patient_id, a->date, error);
}

static gpointer
history_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  MealArgs *a = args;
  return bz_meals_get_history (svc, caller, a->patient_id, a->page, a->limit, error);
}

static gpointer
add_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  MealArgs *a = args;
  return bz_meals_add (svc, caller, a->patient_id, a->image, a->meal_type, a->items, a->source, error);
}

static gpointer
log_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  MealArgs *a = args;
  return bz_meals_log (svc, caller, a->patient_id, a->image, a->meal_type, a->eaten_at, a->items,
                       a->source, error);
}

static void
meal_task_run (BzServices *svc, gpointer source_tag, BzServiceWork work, MealArgs *a, const BzCaller *caller,
               GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, source_tag, "bz-meals", caller, BZ_SERVICE_TASK_NEEDS_CALLER, work, a, meal_args_free,
                       g_object_unref, cancellable, callback, user_data);
}

void
bz_meals_get_daily_async (BzServices *svc, const BzCaller *caller, const char *patient_id,
                          const char *date, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  MealArgs *a = g_new0 (MealArgs, 1);

  a->patient_id = g_strdup (patient_id);
  a->date = g_strdup (date);
  meal_task_run (svc, bz_meals_get_daily_async, daily_work, a, caller, cancellable, callback, user_data);
}

BzRecord *
bz_meals_get_daily_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_meals_get_daily_async, error);
}

static gpointer
delete_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_meals_delete (svc, caller, ((MealArgs *) args)->meal_id, error);
}

static gpointer
update_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  MealArgs *a = args;
  return bz_meals_update (svc, caller, a->meal_id, a->input, error);
}

void
bz_meals_update_async (BzServices *svc, const BzCaller *caller, const char *meal_id, JsonObject *input,
                       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  MealArgs *a = g_new0 (MealArgs, 1);

  a->meal_id = g_strdup (meal_id);
  a->input = json_object_ref (input);
  meal_task_run (svc, bz_meals_update_async, update_work, a, caller, cancellable, callback, user_data);
}

BzRecord *
bz_meals_update_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_meals_update_async, error);
}

void
bz_meals_delete_async (BzServices *svc, const BzCaller *caller, const char *meal_id, GCancellable *cancellable,
                       GAsyncReadyCallback callback, gpointer user_data)
{
  MealArgs *a = g_new0 (MealArgs, 1);

  a->meal_id = g_strdup (meal_id);
  meal_task_run (svc, bz_meals_delete_async, delete_work, a, caller, cancellable, callback, user_data);
}

BzRecord *
bz_meals_delete_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_meals_delete_async, error);
}

void
bz_meals_get_history_async (BzServices *svc, const BzCaller *caller, const char *patient_id,
                            guint page, guint limit, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  MealArgs *a = g_new0 (MealArgs, 1);

  a->patient_id = g_strdup (patient_id);
  a->page = page;
  a->limit = limit;
  meal_task_run (svc, bz_meals_get_history_async, history_work, a, caller, cancellable, callback, user_data);
}

BzRecord *
bz_meals_get_history_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_meals_get_history_async, error);
}

/* A deep copy: the worker never shares JSON nodes with the calling thread
 * (json-glib's reference counts are not atomic). */
static JsonArray *
items_copy (JsonArray *items)
{
  g_autoptr(JsonNode) node = NULL, copy = NULL;
  g_autofree char *text = NULL;

  if (items == NULL)
    return NULL;
  node = json_node_init_array (json_node_alloc (), items);
  text = json_to_string (node, FALSE);
  copy = json_from_string (text, NULL);
  return copy && JSON_NODE_HOLDS_ARRAY (copy) ? json_array_ref (json_node_get_array (copy)) : json_array_new ();
}

void
bz_meals_add_async (BzServices *svc, const BzCaller *caller, const char *patient_id,
                    GBytes *image, const char *meal_type, JsonArray *items,
                    const char *source, GCancellable *cancellable,
                    GAsyncReadyCallback callback, gpointer user_data)
{
  MealArgs *a = g_new0 (MealArgs, 1);

  a->patient_id = g_strdup (patient_id);
  a->image = image ? g_bytes_ref (image) : NULL;
  a->meal_type = g_strdup (meal_type);
  a->items = items_copy (items);
  a->source = g_strdup (source);
  meal_task_run (svc, bz_meals_add_async, add_work, a, caller, cancellable, callback, user_data);
}

BzRecord *
bz_meals_add_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_meals_add_async, error);
}

void
bz_meals_log_async (BzServices *svc, const BzCaller *caller, const char *patient_id,
                    GBytes *image, const char *meal_type, GDateTime *eaten_at, JsonArray *items,
                    const char *source, GCancellable *cancellable,
                    GAsyncReadyCallback callback, gpointer user_data)
{
  MealArgs *a = g_new0 (MealArgs, 1);

  a->patient_id = g_strdup (patient_id);
  a->image = image ? g_bytes_ref (image) : NULL;
  a->eaten_at = eaten_at ? g_date_time_ref (eaten_at) : NULL;
  a->meal_type = g_strdup (meal_type);
  a->items = items_copy (items);
  a->source = g_strdup (source);
  meal_task_run (svc, bz_meals_log_async, log_work, a, caller, cancellable, callback, user_data);
}

BzRecord *
bz_meals_log_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_meals_log_async, error);
}
