/* bz-message-service.h — messages between a patient and their own
 * nutritionist (issue 10; bz-message-resources.h for the shapes and routes).
 *
 * Parties: a conversation is a patient's (its id is patients.id); only the
 * patient's user and the patient's nutritionist may read or write it.  Any
 * other caller, and a patient without a nutritionist, gets NOT_FOUND
 * ("Conversation not found"), so ids do not leak.  A message sent is pushed
 * as message:new (bz-realtime.h) to the recipient's open sockets only.
 */
#pragma once

#include "bz-message-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/**
 * bz_messages_list_conversations:
 * Returns: (transfer full): a ConversationList of the caller's
 *   conversations (a nutritionist: one per own patient; a patient: the one
 *   with their nutritionist, if any).
 * Errors: UNAUTHENTICATED (no caller), INTERNAL.
 */
BzRecord *bz_messages_list_conversations (BzServices *svc, const BzCaller *caller, GError **error);

/**
 * bz_messages_list:
 * @page: from 1; @limit: 1 to %BZ_LIST_LIMIT_MAX
 * Returns: (transfer full): a MessageList of conversation
 *   @conversation_id, newest first.
 * Errors: NOT_FOUND (not a party), INTERNAL.
 */
BzRecord *bz_messages_list (BzServices *svc, const BzCaller *caller, const char *conversation_id,
                            guint page, guint limit, GError **error);

/**
 * bz_messages_send:
 * @input: a MessageCreate body {message}
 *
 * Stores the message to the other party and pushes it to the recipient's
 * sockets as message:new.
 * Returns: (transfer full): the Message as stored.
 * Errors: NOT_FOUND (not a party), VALIDATION (missing, blank or longer
 *   than %BZ_MESSAGE_MAX_CHARS, unknown members), INTERNAL.
 */
BzRecord *bz_messages_send (BzServices *svc, const BzCaller *caller, const char *conversation_id,
                            JsonObject *input, GError **error);

/**
 * bz_messages_mark_read:
 * Marks every message to the caller in @conversation_id read.
 * Returns: (transfer full): a MessagesRead record.  Errors: NOT_FOUND, INTERNAL.
 */
BzRecord *bz_messages_mark_read (BzServices *svc, const BzCaller *caller, const char *conversation_id,
                                 GError **error);

/**
 * bz_messages_typing:
 * Relays typing:start {conversation_id, user_id} to the other party's
 * sockets (not the caller's).  Reads the store once, writes nothing.
 * Returns: %TRUE when relayed (the other party may have no socket).
 * Errors: NOT_FOUND (not a party).
 */
gboolean  bz_messages_typing (BzServices *svc, const BzCaller *caller, const char *conversation_id,
                              GError **error);

/* The desk's calls off the GUI thread (GIO style; bz-service-task-private.h). */
void      bz_messages_list_conversations_async  (BzServices *svc, const BzCaller *caller, GCancellable *cancellable,
                                                 GAsyncReadyCallback callback, gpointer user_data);
/** bz_messages_list_conversations_finish: Returns: (transfer full): the ConversationList, or %NULL with @error. */
BzRecord *bz_messages_list_conversations_finish (BzServices *svc, GAsyncResult *result, GError **error);
/** bz_messages_list_async: page 1 of %BZ_LIST_LIMIT_MAX messages, then bz_messages_mark_read(). */
void      bz_messages_list_async                (BzServices *svc, const BzCaller *caller, const char *conversation_id,
                                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                                 gpointer user_data);
/** bz_messages_list_finish: Returns: (transfer full): the MessageList, or %NULL with @error. */
BzRecord *bz_messages_list_finish               (BzServices *svc, GAsyncResult *result, GError **error);
/** bz_messages_send_async: bz_messages_send() of {"message": @text} on a worker thread. */
void      bz_messages_send_async                (BzServices *svc, const BzCaller *caller, const char *conversation_id,
                                                 const char *text, GCancellable *cancellable,
                                                 GAsyncReadyCallback callback, gpointer user_data);
/** bz_messages_send_finish: Returns: (transfer full): the Message, or %NULL with @error. */
BzRecord *bz_messages_send_finish               (BzServices *svc, GAsyncResult *result, GError **error);

G_END_DECLS
