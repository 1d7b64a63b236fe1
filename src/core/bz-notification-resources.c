/* bz-notification-resources.c — the tables of bz-notification-resources.h. */
#include "bz-notification-resources.h"

BZ_RESOURCE_DEFINE (bz_notification, NOTIFICATION, "Notification", "A notification of the caller's inbox (seed 002 §4.8 notification:new)", BZ_NOTIFICATION_FIELDS)
BZ_RESOURCE_DEFINE (bz_notification_list, NOTIFICATION_LIST, "NotificationList", "A page of the caller's inbox", BZ_NOTIFICATION_LIST_FIELDS)
BZ_RESOURCE_DEFINE (bz_unread_count, UNREAD_COUNT, "UnreadCount", "What the caller has not read", BZ_UNREAD_COUNT_FIELDS)
BZ_RESOURCE_DEFINE (bz_device_token_input, DEVICE_TOKEN_INPUT, "DeviceTokenRegister", "A push device token (seed 001)", BZ_DEVICE_TOKEN_INPUT_FIELDS)
BZ_RESOURCE_DEFINE (bz_device_token, DEVICE_TOKEN, "DeviceToken", "A registered push device", BZ_DEVICE_TOKEN_FIELDS)
BZ_RESOURCE_DEFINE (bz_reminder_input, REMINDER_INPUT, "ReminderCreate", "A reminder to a patient, delivered at send_at", BZ_REMINDER_INPUT_FIELDS)
BZ_RESOURCE_DEFINE (bz_reminder, REMINDER, "Reminder", "A scheduled reminder", BZ_REMINDER_FIELDS)
BZ_RESOURCE_DEFINE (bz_notification_query, NOTIFICATION_QUERY, "NotificationQuery", "Paging", BZ_NOTIFICATION_QUERY_FIELDS)
