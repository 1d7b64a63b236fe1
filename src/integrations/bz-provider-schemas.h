/* bz-provider-schemas.h — the schemas of the service kinds' answers
 * (bz-provider-kinds.h), as #BzResilientValidate functions: BzResilient
 * (bz_resilient_set_validator()) checks every remote and local answer with
 * them before anything uses, caches or stores it; an answer that breaks
 * its schema is a BAD_RESPONSE (not retried; the chain falls back).
 *
 * The bounds are what a plate, a label or a reply can hold; each is given
 * with its reason at its constant. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/** BZ_DETECTION_MAX_FOODS: at most 20 foods in one photo (a full plate with
 * sides and drinks is under 10; more is a model listing ingredients). */
#define BZ_DETECTION_MAX_FOODS 20
/** BZ_DETECTION_MAX_GRAMS: one food's estimate at most 2000 g (a 2 L jug of
 * agua fresca; more is not one serving on a photo). */
#define BZ_DETECTION_MAX_GRAMS 2000.0
/** BZ_PROVIDER_TEXT_MAX: a name, source or question of at most 200 characters. */
#define BZ_PROVIDER_TEXT_MAX 200
/** BZ_CHAT_REPLY_MAX: a reply of at most 8000 characters (about 4 x
 * BZ_OPENAI_MAX_TOKENS tokens of Spanish text, at ~4 characters a token). */
#define BZ_CHAT_REPLY_MAX 8000
/** BZ_CHAT_MAX_LIST: at most 10 sources or related questions. */
#define BZ_CHAT_MAX_LIST 10

/**
 * bz_meal_detection_validate:
 * @answer: a #BzMealDetectorInterface.detect answer
 *
 * {provider: text, foods: [0-%BZ_DETECTION_MAX_FOODS of {name: 1-200
 * characters, grams: (0, %BZ_DETECTION_MAX_GRAMS], confidence: [0, 1],
 * ndb_no: absent, null or 5 digits (an SR28 NDB number), search: absent or
 * 1-200 characters, energy_kcal, protein_g, carbohydrate_g, fat_g: absent or
 * >= 0 and at most 9 kcal or 1 g per gram (fat's Atwater factor bounds
 * energy density)}], total: absent or an object of numbers >= 0}.
 *
 * Returns: %TRUE when @answer fits; %FALSE with a G_IO_ERROR_INVALID_DATA
 *   naming the member otherwise.
 */
gboolean bz_meal_detection_validate (JsonNode *answer, GError **error);

/**
 * bz_chat_answer_validate:
 * @answer: a #BzChatProviderInterface.complete answer
 *
 * {provider: text, reply: 1-%BZ_CHAT_REPLY_MAX characters, sources and
 * related_questions: absent or up to %BZ_CHAT_MAX_LIST texts of 1-200 characters}.
 *
 * Returns: %TRUE when @answer fits; %FALSE with @error otherwise.
 */
gboolean bz_chat_answer_validate (JsonNode *answer, GError **error);

/**
 * bz_label_answer_validate:
 * @answer: a nutrition label read (bz-openai-provider.h bz_openai_provider_read_label())
 *
 * {provider: text, product_name, brand: absent, null or 1-200 characters,
 * serving_size_g: absent, null or (0, 2000], per_100g: {energy_kcal [0, 900]
 * (pure fat: 100 g x 9 kcal/g, Atwater), protein_g, carbohydrate_g, fat_g
 * [0, 100], sugar_g, saturated_fat_g, fiber_g absent or [0, 100] and sugar_g
 * <= carbohydrate_g, saturated_fat_g <= fat_g, sodium_mg absent or [0, 40000]
 * (table salt is 39.3 % sodium: 39,300 mg per 100 g)}}.
 *
 * Returns: %TRUE when @answer fits; %FALSE with @error otherwise.
 */
gboolean bz_label_answer_validate (JsonNode *answer, GError **error);

G_END_DECLS
