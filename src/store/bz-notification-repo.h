/* bz-notification-repo.h — the notification inbox and push device tokens
 * (data/sql/029_messages_notifications.sql), read as records of
 * bz-notification-resources.h.  Same conventions as bz-message-repo.h
 * (calling thread's connection, caller's transaction, change log tables
 * "notifications" and "device_tokens"). */
#pragma once

#include "bz-notification-resources.h"
#include "bz-store.h"

G_BEGIN_DECLS

/**
 * bz_notification_repo_insert:
 * @n: a Notification with id, type, title, body, action_url (or null) and created_at
 * @user_id: its owner (users.id)
 * @out_inserted: (out) (optional): %FALSE when a notification of that id
 *   existed already (a job run twice delivers once)
 *
 * Returns: %FALSE on @error.
 */
gboolean   bz_notification_repo_insert (BzStore *store, const char *user_id, BzRecord *n,
                                        gboolean *out_inserted, GError **error);

/** bz_notification_repo_get: Returns: (transfer full) (nullable): notification @id of @user_id only. */
BzRecord  *bz_notification_repo_get (BzStore *store, const char *user_id, const char *id, GError **error);

/**
 * bz_notification_repo_list:
 * Returns: (transfer full) (element-type BzRecord): up to @limit of
 *   @user_id's notifications from @offset, newest first; %NULL on @error.
 */
GPtrArray *bz_notification_repo_list (BzStore *store, const char *user_id, guint limit, gint64 offset,
                                      gint64 *out_total, GError **error);

/** bz_notification_repo_unread: @out: (out): @user_id's unread notifications. */
gboolean   bz_notification_repo_unread (BzStore *store, const char *user_id, gint64 *out, GError **error);

/**
 * bz_notification_repo_mark_read:
 * @out_found: (out): %FALSE when @user_id has no notification @id
 *
 * Sets read_at = @now unless already read (then nothing changes).
 * Returns: %FALSE on @error.
 */
gboolean   bz_notification_repo_mark_read (BzStore *store, const char *user_id, const char *id,
                                           const char *now, gboolean *out_found, GError **error);

/**
 * bz_notification_repo_register_device:
 * Inserts @token for @user_id, or moves an existing @token to @user_id
 * with @platform (a token names one device).
 * Returns: (transfer full): the DeviceToken as stored; %NULL on @error.
 */
BzRecord  *bz_notification_repo_register_device (BzStore *store, const char *user_id, const char *token,
                                                 const char *platform, const char *now, GError **error);

G_END_DECLS
