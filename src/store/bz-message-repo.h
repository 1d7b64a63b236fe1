/* bz-message-repo.h — messages between a patient and their nutritionist
 * (data/sql/029_messages_notifications.sql), read as records of
 * bz-message-resources.h.
 *
 * Every function runs on the calling thread's connection (bz_store_db());
 * writers run inside the caller's transaction and append their row to the
 * change log (table "messages").  Authorization is the caller's (the
 * service's): these functions filter by the ids they are given.
 */
#pragma once

#include "bz-message-resources.h"
#include "bz-store.h"

G_BEGIN_DECLS

/**
 * bz_message_repo_parties:
 * @patient_id: a conversation's id (patients.id)
 * @out_patient_user: (out) (transfer full): the patient's users.id
 * @out_nutritionist: (out) (transfer full) (nullable): the patient's
 *   nutritionist (users.id), %NULL when none is assigned
 *
 * Returns: %TRUE when the patient exists; %FALSE without @error when not,
 *   %FALSE with @error on a database error.
 */
gboolean   bz_message_repo_parties (BzStore *store, const char *patient_id, char **out_patient_user,
                                    char **out_nutritionist, GError **error);

/**
 * bz_message_repo_insert:
 * @body: plain text, 1 to %BZ_MESSAGE_MAX_CHARS characters
 * @created_at: ISO 8601 UTC
 *
 * Inserts one unread message and logs it.  Errors: CONFLICT (unknown ids), INTERNAL.
 */
gboolean   bz_message_repo_insert (BzStore *store, const char *id, const char *patient_id,
                                   const char *sender_id, const char *recipient_id, const char *body,
                                   const char *created_at, GError **error);

/** bz_message_repo_get: Returns: (transfer full) (nullable): the Message @id; %NULL when absent or on @error. */
BzRecord  *bz_message_repo_get (BzStore *store, const char *id, GError **error);

/**
 * bz_message_repo_list:
 * @out_total: (out): messages of the conversation
 *
 * Returns: (transfer full) (element-type BzRecord): up to @limit Messages of
 *   conversation @patient_id from @offset, newest first; %NULL on @error.
 */
GPtrArray *bz_message_repo_list (BzStore *store, const char *patient_id, guint limit, gint64 offset,
                                 gint64 *out_total, GError **error);

/**
 * bz_message_repo_mark_read:
 * @reader_id: the recipient whose unread messages of @patient_id become read
 * @out_marked: (out): how many changed
 *
 * Sets read_at = @now on them (each logged as an update).  Returns: %FALSE on @error.
 */
gboolean   bz_message_repo_mark_read (BzStore *store, const char *patient_id, const char *reader_id,
                                      const char *now, gint64 *out_marked, GError **error);

/**
 * bz_message_repo_conversations:
 * @user_id: the caller (users.id)
 * @as_nutritionist: %TRUE: one conversation per patient whose nutritionist
 *   is @user_id; %FALSE: the conversation of @user_id's own patient record,
 *   when it has a nutritionist
 *
 * Returns: (transfer full) (element-type BzRecord): Conversation records,
 *   latest message first, those without messages last (by name); %NULL on @error.
 */
GPtrArray *bz_message_repo_conversations (BzStore *store, const char *user_id, gboolean as_nutritionist,
                                          GError **error);

/** bz_message_repo_unread: @out: (out): unread messages to @user_id. Returns: %FALSE on @error. */
gboolean   bz_message_repo_unread (BzStore *store, const char *user_id, gint64 *out, GError **error);

G_END_DECLS
