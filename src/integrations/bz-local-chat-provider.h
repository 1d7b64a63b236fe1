/* bz-local-chat-provider.h — the embedded chat provider (issue 11; seed 002
 * §4.7 POST /ai/chat): a #BzChatProvider (bz-provider-kinds.h) named
 * "local" that answers without a language model, by rules, from the
 * member's own numbers in the request's context, so the assistant works
 * offline and when the model server is down. */
#pragma once

#include "bz-provider-kinds.h"

G_BEGIN_DECLS

#define BZ_TYPE_LOCAL_CHAT_PROVIDER (bz_local_chat_provider_get_type ())
G_DECLARE_FINAL_TYPE (BzLocalChatProvider, bz_local_chat_provider, BZ, LOCAL_CHAT_PROVIDER, GObject)

/**
 * bz_local_chat_provider_new:
 *
 * The request is #BzChatProviderInterface's, with "lang": "es" (default) or
 * "en" for the answer's language, and a context of this shape (every member
 * may be null or absent):
 *
 *   {date: "YYYY-MM-DD", targets, intake, remaining: {energy_kcal, protein_g,
 *    carbohydrate_g, fat_g} (kcal, g: the day's Mifflin-St Jeor targets,
 *    what was eaten, targets - intake), plan: {name, meals: [{meal_name,
 *    recipes: [titles], energy_kcal, protein_g}]} (the plan's slots for date)}
 *
 * The last user message is read, lower-cased and without accents, for a
 * nutrient word (protein/proteína, carbohydrate/carbohidratos/hidratos,
 * fat/grasa, calories/calorías/kcal/energía) and a meal word
 * (desayuno/breakfast, comida/almuerzo/lunch, cena/dinner,
 * colación/snack/merienda, plan, menú).  A meal word answers that slot of
 * today's plan (or every slot for "plan"/"menú"); a nutrient word answers
 * the day's target, intake and what is left of it.  Anything else is
 * answered plainly that it cannot be answered here, with the questions
 * that can.  Numbers are rounded to whole grams and kcal.  The answer is
 * #BzChatProviderInterface's, provider "local"; cost 0; never fails but on
 * a request without a user message (INVALID_REQUEST).
 *
 * Returns: (transfer full): a #BzChatProvider named "local".
 */
BzChatProvider *bz_local_chat_provider_new (void);

G_END_DECLS
