/* bz-notification-resources.h — the notification inbox and push device
 * tokens (issue 10; seed 001 "Notification Service": POST
 * /api/notifications/register, scheduled delivery; seed 002 §4.8
 * notification:new, whose data is a Notification).
 *
 * Routes (src/server/bz-handlers-notifications.c):
 *   POST /api/notifications/register              a device token (seed 001)
 *   GET  /api/notifications                       the caller's inbox
 *   GET  /api/notifications/unread-count
 *   POST /api/notifications/{notification_id}/read
 *   POST /api/notifications/reminders             a nutritionist schedules one for a patient
 */
#pragma once

#include "bz-limits.h"
#include "bz-resources.h"

G_BEGIN_DECLS

/* seed 002 §4.8 notification:new data, plus read_at. */
#define BZ_NOTIFICATION_FIELDS(F) \
  F (NOTIFICATION_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "id") \
  F (NOTIFICATION_TYPE, .name = "type", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "type", .description = "e.g. \"reminder\", \"new_follower\"") \
  F (NOTIFICATION_TITLE, .name = "title", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "title") \
  F (NOTIFICATION_BODY, .name = "body", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "body") \
  F (NOTIFICATION_ACTION_URL, .name = "action_url", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "action_url", .description = "A path in the app") \
  F (NOTIFICATION_CREATED_AT, .name = "created_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "created_at") \
  F (NOTIFICATION_READ_AT, .name = "read_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "read_at")
BZ_RESOURCE_DECLARE (bz_notification, NOTIFICATION, BZ_NOTIFICATION_FIELDS)

#define BZ_NOTIFICATION_LIST_FIELDS(F) \
  F (NOTIFICATION_LIST_NOTIFICATIONS, .name = "notifications", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_notification_resource, .description = "Newest first") \
  F (NOTIFICATION_LIST_UNREAD_COUNT, .name = "unread_count", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (NOTIFICATION_LIST_PAGINATION, .name = "pagination", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_pagination_resource)
BZ_RESOURCE_DECLARE (bz_notification_list, NOTIFICATION_LIST, BZ_NOTIFICATION_LIST_FIELDS)

#define BZ_UNREAD_COUNT_FIELDS(F) \
  F (UNREAD_COUNT_NOTIFICATIONS, .name = "unread_count", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Unread notifications") \
  F (UNREAD_COUNT_MESSAGES, .name = "unread_messages", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Unread messages, all conversations")
BZ_RESOURCE_DECLARE (bz_unread_count, UNREAD_COUNT, BZ_UNREAD_COUNT_FIELDS)

/* POST /api/notifications/register (seed 001). */
#define BZ_DEVICE_TOKEN_INPUT_FIELDS(F) \
  F (DEVICE_TOKEN_INPUT_TOKEN, .name = "token", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_DEVICE_TOKEN_MAX_CHARS, .description = "The push service's device token") \
  F (DEVICE_TOKEN_INPUT_PLATFORM, .name = "platform", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_REQUIRED, .vocab = &bz_vocab_device_platform)
BZ_RESOURCE_DECLARE (bz_device_token_input, DEVICE_TOKEN_INPUT, BZ_DEVICE_TOKEN_INPUT_FIELDS)

#define BZ_DEVICE_TOKEN_FIELDS(F) \
  F (DEVICE_TOKEN_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "id") \
  F (DEVICE_TOKEN_PLATFORM, .name = "platform", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_device_platform, .column = "platform") \
  F (DEVICE_TOKEN_CREATED_AT, .name = "created_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "created_at") \
  F (DEVICE_TOKEN_UPDATED_AT, .name = "updated_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "updated_at")
BZ_RESOURCE_DECLARE (bz_device_token, DEVICE_TOKEN, BZ_DEVICE_TOKEN_FIELDS)

/* POST /api/notifications/reminders: a nutritionist's reminder to a patient. */
#define BZ_REMINDER_INPUT_FIELDS(F) \
  F (REMINDER_INPUT_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_REQUIRED, .description = "One of the caller's patients") \
  F (REMINDER_INPUT_TITLE, .name = "title", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_NOTIFICATION_TITLE_MAX_CHARS) \
  F (REMINDER_INPUT_BODY, .name = "body", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_NOTIFICATION_BODY_MAX_CHARS) \
  F (REMINDER_INPUT_SEND_AT, .name = "send_at", .type = BZ_FIELD_DATE_TIME, .description = "When to deliver it (default now; at most a year ahead)")
BZ_RESOURCE_DECLARE (bz_reminder_input, REMINDER_INPUT, BZ_REMINDER_INPUT_FIELDS)

#define BZ_REMINDER_FIELDS(F) \
  F (REMINDER_NOTIFICATION_ID, .name = "notification_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .description = "The id the notification will have") \
  F (REMINDER_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (REMINDER_SEND_AT, .name = "send_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY)
BZ_RESOURCE_DECLARE (bz_reminder, REMINDER, BZ_REMINDER_FIELDS)

#define BZ_NOTIFICATION_QUERY_FIELDS(F) \
  F (NOTIFICATION_QUERY_PAGE, .name = "page", .type = BZ_FIELD_INTEGER, .min = 1, .max = G_MAXINT32, .description = "Page number, from 1 (default 1)") \
  F (NOTIFICATION_QUERY_LIMIT, .name = "limit", .type = BZ_FIELD_INTEGER, .min = 1, .max = BZ_LIST_LIMIT_MAX, .description = "Items per page (default 20)")
BZ_RESOURCE_DECLARE (bz_notification_query, NOTIFICATION_QUERY, BZ_NOTIFICATION_QUERY_FIELDS)

G_END_DECLS
