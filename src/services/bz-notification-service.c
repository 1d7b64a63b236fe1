/* bz-notification-service.c — inbox, devices and reminders (see
 * bz-notification-service.h); SQL in bz-notification-repo.c. */
#include "bz-notification-service.h"

#include <glib/gi18n-lib.h>

#include "bz-jobs.h"
#include "bz-message-repo.h"
#include "bz-notification-repo.h"
#include "bz-patient-service.h"
#include "bz-realtime.h"
#include "bz-service-task-private.h"
#include "bz-store.h"

static gboolean
check_caller (const BzCaller *caller, GError **error)
{
  if (caller == NULL)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, _("Authentication required"));
      return FALSE;
    }
  return TRUE;
}

BzRecord *
bz_notifications_register_device (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL;
  g_autofree char *now = NULL;
  BzRecord *out;

  if (!check_caller (caller, error))
    return NULL;
  in = bz_resource_parse_closed (&bz_device_token_input_resource, input, NULL, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  now = bz_now_iso8601 ();
  if (!bz_store_begin (store, error))
    return NULL;
  out = bz_notification_repo_register_device (store, caller->user_id,
                                              bz_record_get_string (in, BZ_DEVICE_TOKEN_INPUT_TOKEN),
                                              bz_record_get_string (in, BZ_DEVICE_TOKEN_INPUT_PLATFORM), now, error);
  if (out == NULL || !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      g_clear_object (&out);
      return NULL;
    }
  return out;
}

BzRecord *
bz_notifications_list (BzServices *svc, const BzCaller *caller, guint page, guint limit, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(GPtrArray) items = NULL;
  gint64 total = 0, unread = 0;
  BzRecord *out;

  if (!check_caller (caller, error))
    return NULL;
  items = bz_notification_repo_list (store, caller->user_id, limit, (gint64) (page - 1) * limit, &total, error);
  if (items == NULL || !bz_notification_repo_unread (store, caller->user_id, &unread, error))
    return NULL;
  out = bz_record_new (&bz_notification_list_resource);
  bz_record_set_empty_array (out, BZ_NOTIFICATION_LIST_NOTIFICATIONS);
  for (guint i = 0; i < items->len; i++)
    bz_record_append (out, BZ_NOTIFICATION_LIST_NOTIFICATIONS, g_object_ref (g_ptr_array_index (items, i)));
  bz_record_set_int (out, BZ_NOTIFICATION_LIST_UNREAD_COUNT, unread);
  bz_record_take_object (out, BZ_NOTIFICATION_LIST_PAGINATION, bz_pagination_new (page, limit, total));
  return out;
}

BzRecord *
bz_notifications_unread (BzServices *svc, const BzCaller *caller, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  gint64 notifications = 0, messages = 0;
  BzRecord *out;

  if (!check_caller (caller, error) ||
      !bz_notification_repo_unread (store, caller->user_id, &notifications, error) ||
      !bz_message_repo_unread (store, caller->user_id, &messages, error))
    return NULL;
  out = bz_record_new (&bz_unread_count_resource);
  bz_record_set_int (out, BZ_UNREAD_COUNT_NOTIFICATIONS, notifications);
  bz_record_set_int (out, BZ_UNREAD_COUNT_MESSAGES, messages);
  return out;
}

BzRecord *
bz_notifications_mark_read (BzServices *svc, const BzCaller *caller, const char *notification_id, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *now = NULL;
  g_autoptr(JsonObject) ack = NULL;
  g_autoptr(JsonNode) data = NULL;
  gboolean found = FALSE;
  gint64 unread = 0;
  BzRecord *n;

  if (!check_caller (caller, error))
    return NULL;
  now = bz_now_iso8601 ();
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_notification_repo_mark_read (store, caller->user_id, notification_id ? notification_id : "", now,
                                       &found, error) ||
      !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  if (!found)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Notification not found"));
      return NULL;
    }
  bz_store_notify (store, "notifications", notification_id);
  n = bz_notification_repo_get (store, caller->user_id, notification_id, error);
  if (n && bz_notification_repo_unread (store, caller->user_id, &unread, NULL))
    {
      ack = json_object_new ();
      json_object_set_string_member (ack, "notification_id", notification_id);
      json_object_set_string_member (ack, "read_at", bz_record_get_string (n, BZ_NOTIFICATION_READ_AT));
      json_object_set_int_member (ack, "unread_count", unread);
      data = bz_json_node_new_object (g_steal_pointer (&ack));
      bz_realtime_publish (bz_services_get_realtime (svc), (const char *const[]) { caller->user_id }, 1,
                           BZ_REALTIME_EVENT_NOTIFICATION_READ, data);
    }
  return n;
}

gboolean
bz_notifications_deliver (BzServices *svc, const char *user_id, BzRecord *n, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(JsonNode) data = NULL;
  gboolean inserted = FALSE;

  if (!bz_store_begin (store, error))
    return FALSE;
  if (!bz_notification_repo_insert (store, user_id, n, &inserted, error) || !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return FALSE;
    }
  if (!inserted)
    return TRUE;
  bz_store_notify (store, "notifications", bz_record_get_string (n, BZ_NOTIFICATION_ID));
  data = bz_record_to_json_node (n);
  bz_realtime_publish (bz_services_get_realtime (svc), (const char *const[]) { user_id }, 1,
                       BZ_REALTIME_EVENT_NOTIFICATION_NEW, data);
  return TRUE;
}

/* A UUID-shaped id named by @key (SHA-256, RFC 9562 §5.8 layout): the same
 * event keyed twice is one notification (bz_notifications_deliver() keeps
 * the first). */
static char *
keyed_id (const char *key)
{
  g_autofree char *h = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  return g_strdup_printf ("%.8s-%.4s-8%.3s-a%.3s-%.12s", h, h + 8, h + 12, h + 15, h + 18);
}

void
bz_notifications_notify (BzServices *svc, const char *user_id, const char *type, const char *title, const char *body,
        const char *action_url, const char *key)
{
  g_autoptr(BzRecord) n = bz_record_new (&bz_notification_resource);
  g_autoptr(GError) error = NULL;
  g_autofree char *now = bz_now_iso8601 ();

  bz_record_take_string (n, BZ_NOTIFICATION_ID, key ? keyed_id (key) : g_uuid_string_random ());
  bz_record_set_string (n, BZ_NOTIFICATION_TYPE, type);
  bz_record_set_string (n, BZ_NOTIFICATION_TITLE, title);
  bz_record_set_string (n, BZ_NOTIFICATION_BODY, body);
  bz_record_set_string (n, BZ_NOTIFICATION_ACTION_URL, action_url);
  bz_record_set_string (n, BZ_NOTIFICATION_CREATED_AT, now);
  bz_record_set_null (n, BZ_NOTIFICATION_READ_AT);
  if (!bz_notifications_deliver (svc, user_id, n, &error))
    g_warning ("Notifications: %s notification for %s not stored: %s", type, user_id, error->message);
}

/* --- Reminders: a durable job ---------------------------------------------- */

static gint64
iso_to_ms (const char *iso)
{
  g_autoptr(GDateTime) t = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  return t ? g_date_time_to_unix (t) * 1000 : 0;
}

BzRecord *
bz_notifications_schedule_reminder (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL;
  g_autofree char *pid = NULL, *patient_user = NULL, *nutritionist = NULL, *id = NULL, *now = NULL;
  g_autofree char *send_at = NULL, *payload = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(JsonNode) root = NULL;
  gint64 now_ms = g_get_real_time () / 1000, at_ms;
  BzRecord *out;

  if (!check_caller (caller, error))
    return NULL;
  if (caller->role != BZ_ROLE_NUTRITIONIST)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_FORBIDDEN, _("Only nutritionists can schedule reminders"));
      return NULL;
    }
  in = bz_resource_parse_closed (&bz_reminder_input_resource, input, NULL, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  pid = bz_patients_resolve (svc, caller, bz_record_get_string (in, BZ_REMINDER_INPUT_PATIENT_ID), error);
  if (pid == NULL)
    return NULL;
  if (!bz_message_repo_parties (store, pid, &patient_user, &nutritionist, error))
    {
      if (error && *error == NULL)
        g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Patient not found"));
      return NULL;
    }
  now = bz_now_iso8601 ();
  send_at = g_strdup (bz_record_has (in, BZ_REMINDER_INPUT_SEND_AT)
                      ? bz_record_get_string (in, BZ_REMINDER_INPUT_SEND_AT) : now);
  at_ms = iso_to_ms (send_at);
  if (at_ms < now_ms - 60 * 1000 || at_ms > now_ms + (gint64) BZ_NOTIFICATION_SCHEDULE_MAX_DAYS * 86400 * 1000)
    {
      g_autofree char *m = g_strdup_printf (_("send_at must be between now and %d days ahead"),
                                            BZ_NOTIFICATION_SCHEDULE_MAX_DAYS);
      bz_validation_add (&v, "send_at", "out_of_range", m);
      bz_validation_finish (&v, error);
      return NULL;
    }

  id = g_uuid_string_random ();
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "user_id");
  json_builder_add_string_value (b, patient_user);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, bz_record_get_string (in, BZ_REMINDER_INPUT_TITLE));
  json_builder_set_member_name (b, "body");
  json_builder_add_string_value (b, bz_record_get_string (in, BZ_REMINDER_INPUT_BODY));
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  payload = json_to_string (root, FALSE);
  if (!bz_services_enqueue_job (svc, BZ_NOTIFICATION_DELIVER_JOB, payload, id, MAX (at_ms, now_ms), error))
    return NULL;
  out = bz_record_new (&bz_reminder_resource);
  bz_record_set_string (out, BZ_REMINDER_NOTIFICATION_ID, id);
  bz_record_set_string (out, BZ_REMINDER_PATIENT_ID, pid);
  bz_record_set_string (out, BZ_REMINDER_SEND_AT, send_at);
  return out;
}

/* Runs a due reminder: inserts the notification (once, by its id) and pushes it. */
static gboolean
deliver_job (BzStore *store, const BzJob *job, GCancellable *cancellable, gpointer user_data, GError **error)
{
  BzServices *svc = user_data;
  g_autoptr(JsonNode) root = json_from_string (job->payload, NULL);
  JsonObject *o = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  const char *id = bz_json_get_string (o, "id"), *user = bz_json_get_string (o, "user_id");
  const char *title = bz_json_get_string (o, "title"), *body = bz_json_get_string (o, "body");
  g_autoptr(BzRecord) n = NULL;
  g_autofree char *now = NULL;

  if (!id || !user || !title || !body)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_VALIDATION, "Malformed notification job payload");
      return FALSE;
    }
  now = bz_now_iso8601 ();
  n = bz_record_new (&bz_notification_resource);
  bz_record_set_string (n, BZ_NOTIFICATION_ID, id);
  bz_record_set_string (n, BZ_NOTIFICATION_TYPE, "reminder");
  bz_record_set_string (n, BZ_NOTIFICATION_TITLE, title);
  bz_record_set_string (n, BZ_NOTIFICATION_BODY, body);
  bz_record_set_null (n, BZ_NOTIFICATION_ACTION_URL);
  bz_record_set_string (n, BZ_NOTIFICATION_CREATED_AT, now);
  bz_record_set_null (n, BZ_NOTIFICATION_READ_AT);
  return bz_notifications_deliver (svc, user, n, error);
}

void
bz_notifications_register_jobs (BzJobRunner *runner, BzServices *svc)
{
  bz_job_runner_register (runner, BZ_NOTIFICATION_DELIVER_JOB, BZ_JOB_HANDLER_NONE, deliver_job,
                          g_object_ref (svc), g_object_unref);
}

/* --- Async ----------------------------------------------------------------- */

static gpointer
list_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_notifications_list (svc, caller, 1, BZ_LIST_LIMIT_MAX, error);
}

void
bz_notifications_list_async (BzServices *svc, const BzCaller *caller, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_notifications_list_async, "bz-notifications-list", caller,
                       BZ_SERVICE_TASK_NEEDS_CALLER, list_work, NULL, NULL, g_object_unref,
                       cancellable, callback, user_data);
}

BzRecord *
bz_notifications_list_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_notifications_list_async, error);
}

static gpointer
unread_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_notifications_unread (svc, caller, error);
}

void
bz_notifications_unread_async (BzServices *svc, const BzCaller *caller, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_notifications_unread_async, "bz-notifications-unread", caller,
                       BZ_SERVICE_TASK_NEEDS_CALLER, unread_work, NULL, NULL, g_object_unref,
                       cancellable, callback, user_data);
}

BzRecord *
bz_notifications_unread_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_notifications_unread_async, error);
}
