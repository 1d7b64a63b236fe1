/* bz-message-resources.h — messages between a patient and their own
 * nutritionist (issue 10; seed 002 §4.8 "message:new" and "typing:start").
 *
 * Seed 002 names no REST route for messages; Balanza serves
 * (src/server/bz-handlers-messages.c, documented in /api/openapi.json):
 *   GET  /api/v1/messages/conversations                       the caller's
 *   GET  /api/v1/messages/conversations/{conversation_id}/messages
 *   POST /api/v1/messages/conversations/{conversation_id}/messages
 *   POST /api/v1/messages/conversations/{conversation_id}/read
 *
 * A conversation is a patient's: its id is the patient's id (patients.id),
 * its two parties the patient's user and the patient's nutritionist.  A
 * Message is also the `data` of the WebSocket event message:new, whose seed
 * members are from {id, full_name, user_type}, message and created_at.
 */
#pragma once

#include "bz-limits.h"
#include "bz-resources.h"

G_BEGIN_DECLS

/* seed 002 §4.8 message:new "from". */
#define BZ_MESSAGE_PARTY_FIELDS(F) \
  F (MESSAGE_PARTY_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .description = "users.id") \
  F (MESSAGE_PARTY_FULL_NAME, .name = "full_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (MESSAGE_PARTY_USER_TYPE, .name = "user_type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_user_type)
BZ_RESOURCE_DECLARE (bz_message_party, MESSAGE_PARTY, BZ_MESSAGE_PARTY_FIELDS)

#define BZ_MESSAGE_FIELDS(F) \
  F (MESSAGE_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (MESSAGE_CONVERSATION_ID, .name = "conversation_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .description = "The patient's id (patients.id)") \
  F (MESSAGE_FROM, .name = "from", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_message_party_resource, .description = "The sender (seed 002 §4.8)") \
  F (MESSAGE_TO_ID, .name = "to_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .description = "The recipient (users.id)") \
  F (MESSAGE_TEXT, .name = "message", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "Plain text") \
  F (MESSAGE_CREATED_AT, .name = "created_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY) \
  F (MESSAGE_READ_AT, .name = "read_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "When the recipient read it; null while unread")
BZ_RESOURCE_DECLARE (bz_message, MESSAGE, BZ_MESSAGE_FIELDS)

/* POST .../messages. */
#define BZ_MESSAGE_INPUT_FIELDS(F) \
  F (MESSAGE_INPUT_TEXT, .name = "message", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_MESSAGE_MAX_CHARS, .description = "Plain text, not only white space")
BZ_RESOURCE_DECLARE (bz_message_input, MESSAGE_INPUT, BZ_MESSAGE_INPUT_FIELDS)

#define BZ_MESSAGE_LIST_FIELDS(F) \
  F (MESSAGE_LIST_MESSAGES, .name = "messages", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_message_resource, .description = "Newest first") \
  F (MESSAGE_LIST_PAGINATION, .name = "pagination", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_pagination_resource)
BZ_RESOURCE_DECLARE (bz_message_list, MESSAGE_LIST, BZ_MESSAGE_LIST_FIELDS)

#define BZ_CONVERSATION_FIELDS(F) \
  F (CONVERSATION_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .description = "The patient's id (patients.id)") \
  F (CONVERSATION_WITH, .name = "with", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_message_party_resource, .description = "The other party") \
  F (CONVERSATION_LAST_MESSAGE, .name = "last_message", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE) \
  F (CONVERSATION_LAST_MESSAGE_AT, .name = "last_message_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE) \
  F (CONVERSATION_UNREAD_COUNT, .name = "unread_count", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Messages to the caller not read yet")
BZ_RESOURCE_DECLARE (bz_conversation, CONVERSATION, BZ_CONVERSATION_FIELDS)

#define BZ_CONVERSATION_LIST_FIELDS(F) \
  F (CONVERSATION_LIST_CONVERSATIONS, .name = "conversations", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_conversation_resource, .description = "Latest message first; a nutritionist's patients without messages last") \
  F (CONVERSATION_LIST_UNREAD_COUNT, .name = "unread_count", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Unread messages to the caller, all conversations")
BZ_RESOURCE_DECLARE (bz_conversation_list, CONVERSATION_LIST, BZ_CONVERSATION_LIST_FIELDS)

/* POST .../read. */
#define BZ_MESSAGES_READ_FIELDS(F) \
  F (MESSAGES_READ_CONVERSATION_ID, .name = "conversation_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (MESSAGES_READ_MARKED, .name = "marked", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Messages marked read by this call")
BZ_RESOURCE_DECLARE (bz_messages_read, MESSAGES_READ, BZ_MESSAGES_READ_FIELDS)

/* The query of GET .../messages. */
#define BZ_MESSAGE_QUERY_FIELDS(F) \
  F (MESSAGE_QUERY_PAGE, .name = "page", .type = BZ_FIELD_INTEGER, .min = 1, .max = G_MAXINT32, .description = "Page number, from 1 (default 1)") \
  F (MESSAGE_QUERY_LIMIT, .name = "limit", .type = BZ_FIELD_INTEGER, .min = 1, .max = BZ_LIST_LIMIT_MAX, .description = "Items per page (default 20)")
BZ_RESOURCE_DECLARE (bz_message_query, MESSAGE_QUERY, BZ_MESSAGE_QUERY_FIELDS)

/* WebSocket typing:start, relayed to the other party (seed 002 §4.8). */
#define BZ_TYPING_FIELDS(F) \
  F (TYPING_CONVERSATION_ID, .name = "conversation_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (TYPING_USER_ID, .name = "user_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .description = "Who is typing")
BZ_RESOURCE_DECLARE (bz_typing, TYPING, BZ_TYPING_FIELDS)

G_END_DECLS
