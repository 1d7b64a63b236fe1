/* bz-chat-resources.c — the tables of bz-chat-resources.h. */
#include "bz-chat-resources.h"

BZ_RESOURCE_DEFINE (bz_chat_turn, CHAT_TURN, "ChatTurn", "An earlier turn of the assistant's conversation",
                    BZ_CHAT_TURN_FIELDS)
BZ_RESOURCE_DEFINE (bz_chat_input, CHAT_INPUT, "ChatInput", "POST /ai/chat: the member's question",
                    BZ_CHAT_INPUT_FIELDS)
BZ_RESOURCE_DEFINE (bz_chat_reply, CHAT_REPLY, "ChatReply", "POST /ai/chat: the assistant's answer",
                    BZ_CHAT_REPLY_FIELDS)
