/* bz-notification-service.h — the notification inbox, push device tokens
 * and scheduled reminders (issue 10; bz-notification-resources.h for the
 * shapes and routes; seed 001 "Notification Service").
 *
 * Delivery: a notification is a row of the owner's inbox, pushed at once
 * as notification:new (bz-realtime.h) to their open sockets.  Scheduled
 * ones are durable jobs (%BZ_NOTIFICATION_DELIVER_JOB, bz-jobs.h) that
 * insert and push when due, after a restart too.  Phones that are not
 * connected find them in the inbox; no remote push provider (FCM) is
 * called yet: the device tokens are stored for it.
 */
#pragma once

#include "bz-notification-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/** BZ_NOTIFICATION_DELIVER_JOB: the durable job that delivers a scheduled
 * notification; payload {id, user_id, type, title, body, action_url}. */
#define BZ_NOTIFICATION_DELIVER_JOB "notification.deliver"

/**
 * bz_notifications_register_device:
 * @input: a DeviceTokenRegister body {token, platform}
 * Returns: (transfer full): the DeviceToken as stored (a token registered
 *   again moves to the caller).
 * Errors: UNAUTHENTICATED, VALIDATION, INTERNAL.
 */
BzRecord *bz_notifications_register_device (BzServices *svc, const BzCaller *caller, JsonObject *input,
                                            GError **error);

/** bz_notifications_list: Returns: (transfer full): a NotificationList page of the caller's inbox, newest first. */
BzRecord *bz_notifications_list (BzServices *svc, const BzCaller *caller, guint page, guint limit, GError **error);

/** bz_notifications_unread: Returns: (transfer full): the caller's UnreadCount (notifications and messages). */
BzRecord *bz_notifications_unread (BzServices *svc, const BzCaller *caller, GError **error);

/**
 * bz_notifications_mark_read:
 * Marks the caller's notification @notification_id read (again: no change)
 * and tells the caller's sockets (notification:read {notification_id,
 * read_at, unread_count}), so every device clears its badge.
 * Returns: (transfer full): the Notification.  Errors: NOT_FOUND (not the caller's), INTERNAL.
 */
BzRecord *bz_notifications_mark_read (BzServices *svc, const BzCaller *caller, const char *notification_id,
                                      GError **error);

/**
 * bz_notifications_deliver:
 * @user_id: the owner (users.id)
 * @n: a Notification with every stored field (id, type, title, body,
 *   action_url or null, created_at)
 *
 * Inserts @n into @user_id's inbox unless a notification of its id exists,
 * then pushes notification:new to @user_id's sockets (only when inserted).
 * Any thread.  Returns: %FALSE on @error.
 */
gboolean  bz_notifications_deliver (BzServices *svc, const char *user_id, BzRecord *n, GError **error);

/**
 * bz_notifications_notify:
 * @user_id: the owner (users.id)
 * @type: seed 001's free-form kind ("new_comment", "new_follower", "achievement", ...)
 * @title: (transfer none): one line, in the server's language
 * @body: (transfer none): a sentence
 * @action_url: (nullable): a path in the app ("/posts/ID")
 * @key: (nullable): names the event ("new_follower:A:B"): the notification's id
 *   is derived from it (SHA-256 in a UUID's layout), so the same event twice
 *   is one notification; %NULL for a random id
 *
 * Builds the Notification and bz_notifications_deliver()s it.  A failure is
 * logged, not returned: it runs after the write it tells of has committed.
 */
void      bz_notifications_notify  (BzServices *svc, const char *user_id, const char *type, const char *title,
                                    const char *body, const char *action_url, const char *key);

/**
 * bz_notifications_schedule_reminder:
 * @input: a ReminderCreate body {patient_id, title, body, send_at?}
 *
 * A nutritionist's reminder to one of their patients: a durable job
 * delivers it as a "reminder" notification at send_at (now when absent).
 * Returns: (transfer full): the Reminder (the notification's future id).
 * Errors: FORBIDDEN (not a nutritionist), NOT_FOUND (not the caller's
 *   patient), VALIDATION (send_at more than a minute ago or more than
 *   %BZ_NOTIFICATION_SCHEDULE_MAX_DAYS ahead), INTERNAL.
 */
BzRecord *bz_notifications_schedule_reminder (BzServices *svc, const BzCaller *caller, JsonObject *input,
                                              GError **error);

/**
 * bz_notifications_register_jobs:
 * @runner: (type BzJobRunner): the runtime's runner, before it starts
 * Registers %BZ_NOTIFICATION_DELIVER_JOB (holds a reference on @svc).
 */
void      bz_notifications_register_jobs (BzJobRunner *runner, BzServices *svc);

/* The desk's calls off the GUI thread. */
void      bz_notifications_list_async  (BzServices *svc, const BzCaller *caller, GCancellable *cancellable,
                                        GAsyncReadyCallback callback, gpointer user_data);
/** bz_notifications_list_finish: Returns: (transfer full): page 1 (%BZ_LIST_LIMIT_MAX) of the inbox, or %NULL with @error. */
BzRecord *bz_notifications_list_finish (BzServices *svc, GAsyncResult *result, GError **error);

/** bz_notifications_unread_async: bz_notifications_unread() on a worker thread (the desk's badge). */
void      bz_notifications_unread_async  (BzServices *svc, const BzCaller *caller, GCancellable *cancellable,
                                          GAsyncReadyCallback callback, gpointer user_data);
/** bz_notifications_unread_finish: Returns: (transfer full): the UnreadCount, or %NULL with @error. */
BzRecord *bz_notifications_unread_finish (BzServices *svc, GAsyncResult *result, GError **error);

G_END_DECLS
