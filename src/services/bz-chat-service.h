/* bz-chat-service.h — POST /api/v1/ai/chat (issue 11; seed 002 §4.7 lines
 * 1989-2014, §6.8; ChatbotService lines 4310-4400): the member's question
 * answered by the configured chat provider (an OpenAI-compatible server,
 * docs/integrations.md) through its #BzResilient, with the embedded
 * rule-based answerer (bz-local-chat-provider.h) as its local fallback, or
 * by that answerer alone when no server is configured. */
#pragma once

#include "bz-chat-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/**
 * bz_ai_chat:
 * @caller: (nullable): any signed-in user; %NULL fails with %BZ_ERROR_UNAUTHENTICATED
 * @body: a ChatInput object (bz-chat-resources.h): message (1-%BZ_CHAT_MESSAGE_CHARS_MAX
 *   characters), conversation_id, history (at most %BZ_CHAT_TURNS_MAX turns), lang
 * @error: %BZ_ERROR_UNAUTHENTICATED; %BZ_ERROR_RATE_LIMITED (with Retry-After)
 *   past %BZ_CHAT_REQUESTS_PER_MINUTE questions a minute from one user;
 *   %BZ_ERROR_VALIDATION with the details of bz_resource_parse() (types,
 *   lengths, "history" "too_many" past %BZ_CHAT_TURNS_MAX turns, roles);
 *   %BZ_ERROR_UNAVAILABLE when no provider answers (not expected: the local
 *   one always does)
 *
 * The context sent with the question is bounded to the caller's own numbers
 * of today (bz_meals_get_daily() for a member; none for staff): the date,
 * the targets, intake and remaining energy, protein, carbohydrate and fat
 * (kcal, g), and the slots of today's plan with their recipes' titles and
 * energy.  No name, id, e-mail, clinical note or other free text.  The
 * system instruction is the seed's (ChatbotService.SYSTEM_INSTRUCTION).
 * Nothing is stored (the conversation stays with the client; the provider's
 * monthly usage is counted by the integration registry).  Blocking: call on a
 * worker thread.
 *
 * Returns: (transfer full): a ChatReply record; %NULL with @error.
 */
BzRecord *bz_ai_chat (BzServices *self, const BzCaller *caller, JsonObject *body, GError **error);

/** bz_ai_chat_reset_rate_limit: forgets every user's questions of the last minute (tests). */
void      bz_ai_chat_reset_rate_limit (void);

G_END_DECLS
