/* bz-chat-resources.h — the declarations of POST /api/v1/ai/chat (issue 11;
 * seed 002 §4.7 lines 1989-2014, ChatbotService lines 4310-4400): the
 * member's question, the conversation's earlier turns as the client keeps
 * them (the seed's conversation_history: the server stores no
 * conversation), and the seed's answer.  Bounds: bz-limits.h
 * (BZ_CHAT_*); the mechanism: bz-resource.h. */
#pragma once

#include "bz-limits.h"
#include "bz-resources.h"

G_BEGIN_DECLS

#define BZ_CHAT_TURN_FIELDS(F) \
  F (CHAT_TURN_ROLE, .name = "role", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_REQUIRED, .vocab = &bz_vocab_chat_role, .description = "user (the member) or assistant (an earlier answer)") \
  F (CHAT_TURN_CONTENT, .name = "content", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_CHAT_MESSAGE_CHARS_MAX, .description = "What was said")
BZ_RESOURCE_DECLARE (bz_chat_turn, CHAT_TURN, BZ_CHAT_TURN_FIELDS)

#define BZ_CHAT_INPUT_FIELDS(F) \
  F (CHAT_INPUT_MESSAGE, .name = "message", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 1, .max = BZ_CHAT_MESSAGE_CHARS_MAX, .description = "The member's question") \
  F (CHAT_INPUT_CONVERSATION_ID, .name = "conversation_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_WRITE_ONLY, .description = "The conversation this question continues; answered back (a new one when absent)") \
  F (CHAT_INPUT_HISTORY, .name = "history", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_WRITE_ONLY, .min = 0, .max = BZ_CHAT_TURNS_MAX, .ref = &bz_chat_turn_resource, .description = "The conversation's earlier turns, oldest first, as the client keeps them (at most 20)") \
  F (CHAT_INPUT_LANG, .name = "lang", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_WRITE_ONLY, .vocab = &bz_vocab_notice_lang, .description = "The answer's language: es (default) or en")
BZ_RESOURCE_DECLARE (bz_chat_input, CHAT_INPUT, BZ_CHAT_INPUT_FIELDS)

#define BZ_CHAT_REPLY_FIELDS(F) \
  F (CHAT_REPLY_RESPONSE, .name = "response", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The answer") \
  F (CHAT_REPLY_CONVERSATION_ID, .name = "conversation_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (CHAT_REPLY_SOURCES, .name = "sources", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY, .description = "What the answer rests on") \
  F (CHAT_REPLY_RELATED_QUESTIONS, .name = "related_questions", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY, .description = "Questions the member may ask next") \
  F (CHAT_REPLY_PROVIDER, .name = "provider", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "Who answered: local (Balanza's rule-based answerer over the member's own numbers) or openai (the configured model server)") \
  F (CHAT_REPLY_SOURCE, .name = "source", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "remote (the model server), or local (the embedded answerer, also when the server is down, over budget or answers badly)")
BZ_RESOURCE_DECLARE (bz_chat_reply, CHAT_REPLY, BZ_CHAT_REPLY_FIELDS)

G_END_DECLS
