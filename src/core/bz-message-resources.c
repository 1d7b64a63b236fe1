/* bz-message-resources.c — the tables of bz-message-resources.h. */
#include "bz-message-resources.h"

BZ_RESOURCE_DEFINE (bz_message_party, MESSAGE_PARTY, "MessageParty", "A party of a conversation (seed 002 §4.8 message:new from)", BZ_MESSAGE_PARTY_FIELDS)
BZ_RESOURCE_DEFINE (bz_message, MESSAGE, "Message", "A message between a patient and their nutritionist (issue 10)", BZ_MESSAGE_FIELDS)
BZ_RESOURCE_DEFINE (bz_message_input, MESSAGE_INPUT, "MessageCreate", "A new message", BZ_MESSAGE_INPUT_FIELDS)
BZ_RESOURCE_DEFINE (bz_message_list, MESSAGE_LIST, "MessageList", "A page of a conversation", BZ_MESSAGE_LIST_FIELDS)
BZ_RESOURCE_DEFINE (bz_conversation, CONVERSATION, "Conversation", "A patient's conversation with their nutritionist", BZ_CONVERSATION_FIELDS)
BZ_RESOURCE_DEFINE (bz_conversation_list, CONVERSATION_LIST, "ConversationList", "The caller's conversations", BZ_CONVERSATION_LIST_FIELDS)
BZ_RESOURCE_DEFINE (bz_messages_read, MESSAGES_READ, "MessagesRead", "Messages marked read", BZ_MESSAGES_READ_FIELDS)
BZ_RESOURCE_DEFINE (bz_message_query, MESSAGE_QUERY, "MessageQuery", "Paging", BZ_MESSAGE_QUERY_FIELDS)
BZ_RESOURCE_DEFINE (bz_typing, TYPING, "Typing", "The other party is typing (WebSocket typing:start)", BZ_TYPING_FIELDS)
