/* bz-handlers-notifications.c — /api/notifications… (issue 10; seed 001
 * "Notification Service"; bz-notification-service.h). */
#include "bz-router.h"

#include "bz-notification-service.h"

static BzResponse *
answer (BzRecord *data, guint status)
{
  return data ? bz_response_record (status, data) : NULL;
}

static BzResponse *
register_device (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  if (body == NULL)
    return NULL;
  return answer (bz_notifications_register_device (svc, req->caller, body, error), 201);
}

static BzResponse *
list (BzServices *svc, BzRequest *req, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  guint page = bz_request_query_uint (req, "page", 1, 1, G_MAXINT32, &v);
  guint limit = bz_request_query_uint (req, "limit", BZ_LIST_LIMIT_DEFAULT, 1, BZ_LIST_LIMIT_MAX, &v);

  if (!bz_validation_finish (&v, error))
    return NULL;
  return answer (bz_notifications_list (svc, req->caller, page, limit, error), 200);
}

static BzResponse *
unread (BzServices *svc, BzRequest *req, GError **error)
{
  return answer (bz_notifications_unread (svc, req->caller, error), 200);
}

static BzResponse *
mark_read (BzServices *svc, BzRequest *req, GError **error)
{
  return answer (bz_notifications_mark_read (svc, req->caller, bz_request_param (req, "notification_id"), error), 200);
}

static BzResponse *
remind (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  if (body == NULL)
    return NULL;
  return answer (bz_notifications_schedule_reminder (svc, req->caller, body, error), 202);
}

const BzRoute bz_notification_routes[] = {
  { "POST", "/api/notifications/register", register_device, 0, 0,
    "Register a push device token for the caller (seed 001); a token registered again moves to the caller",
    .request = &bz_device_token_input_resource, .response = &bz_device_token_resource },
  { "GET", "/api/notifications", list, 0, 0, "The caller's notifications, newest first, with the unread count",
    .response = &bz_notification_list_resource, .query = &bz_notification_query_resource },
  { "GET", "/api/notifications/unread-count", unread, 0, 0, "Unread notifications and messages of the caller",
    .response = &bz_unread_count_resource },
  { "POST", "/api/notifications/{notification_id}/read", mark_read, 0, 0,
    "Mark one of the caller's notifications read; the caller's WebSockets get notification:read",
    .response = &bz_notification_resource },
  { "POST", "/api/notifications/reminders", remind, 0, 0,
    "Schedule a reminder to one of the caller's patients (nutritionist): a durable job delivers it at send_at "
    "as a notification, pushed as notification:new", .request = &bz_reminder_input_resource,
    .response = &bz_reminder_resource },
  { NULL }
};
