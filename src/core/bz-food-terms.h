/* bz-food-terms.h — Spanish (Mexico) food words for searching USDA SR28.
 *
 * SR28 describes its 8,789 foods in English only ("Chicken, broilers or
 * fryers, breast, meat only, cooked, roasted").  A nutritionist in Mexico
 * types "pechuga de pollo asada".  This module turns the user's text into
 * search groups: each group stands for one word (or one multi-word Spanish
 * term) and carries the English words SR28 uses for it; the food service
 * ORs the alternatives of a group and ANDs the groups.
 *
 * The vocabulary (about 340 entries, in bz-food-terms.c) is curated by the
 * Balanza project for SR28's Long_Desc / ComName wording (USDA ARS, "USDA
 * National Nutrient Database for Standard Reference, Release 28", 2016;
 * data/foods/SOURCE.md): every English word in it occurs in SR28's
 * descriptions (tests/store/test-foods.c checks this against the index).  The Spanish side uses the food names of
 * Mexican practice as in the SMAE (Pérez Lizaur AB, Palacios González B,
 * Castro Becerra AL, Flores Galicia I, "Sistema Mexicano de Alimentos
 * Equivalentes", 4th ed., Fomento de Nutrición y Salud, 2014): jitomate
 * (red tomato) vs tomate verde (tomatillo), plátano (banana) vs plátano
 * macho (plantain), limón (Mexican lime), cacahuate (peanut), betabel
 * (beet), ejote (snap bean), elote (sweet corn), calabacita (zucchini).
 *
 * Matching ignores case and accents ("PLÁTANO" = "platano") and takes the
 * simple Spanish plurals -s, -es and -ces (= -z) when the singular is in
 * the vocabulary ("frijoles" -> "frijol", "nueces" -> "nuez").  Multi-word
 * terms are matched longest first, ignoring the Spanish stop words de, del,
 * con, en, la, el, los, las, y, ... between them ("pechuga de pollo" =
 * "pechuga pollo").  Stop words are dropped only from a query in which at
 * least one word or term is in the vocabulary, so English text ("old el
 * paso") reaches the search exactly as typed.
 *
 * Pure: no I/O; the lookup table is built once, thread-safely.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Words of one query beyond this many are ignored. */
#define BZ_FOOD_TERMS_MAX_WORDS      16
/* Longer words are cut to this many characters (still a prefix match). */
#define BZ_FOOD_TERMS_MAX_WORD_CHARS 64

/**
 * BzFoodTermGroup:
 * @words: (array zero-terminated=1): the words the user typed for this
 *   group, as typed (valid UTF-8, cut to %BZ_FOOD_TERMS_MAX_WORD_CHARS
 *   characters); more than one for a multi-word term such as "tomate
 *   verde", never a stop word inside a term
 * @english: (element-type utf8): the English equivalents from the
 *   vocabulary, best first; each is one or more lowercase ASCII words
 *   separated by single spaces, all of which a description must contain
 *   ("beans snap").  A word is a whole word ("egg" is not "eggplant"),
 *   except that a word ending in `*` stands for every word it begins
 *   ("oat*": oat, oats, oatmeal).  Empty when the group is not in the
 *   vocabulary.
 *
 * One group of a parsed query: a food matches the group when it matches
 * the typed words or any one English equivalent.
 */
typedef struct
{
  char     **words;
  GPtrArray *english;
} BzFoodTermGroup;

void       bz_food_term_group_free (BzFoodTermGroup *group);

/**
 * bz_food_terms_fold:
 * @word: a word (UTF-8; invalid sequences are replaced)
 *
 * Folds @word the way the vocabulary is keyed: g_utf8_casefold(), then
 * canonical decomposition (NFD) with every combining mark removed, so
 * "Plátano" -> "platano" and "PIÑA" -> "pina".  Letters without a
 * decomposition (other scripts) are kept.
 *
 * Returns: (transfer full): the folded word.
 */
char      *bz_food_terms_fold      (const char *word);

/**
 * bz_food_terms_is_stop_word:
 * @folded: a word already folded with bz_food_terms_fold()
 *
 * Returns: %TRUE for the Spanish articles, prepositions and conjunctions
 *   that are skipped inside multi-word terms (de, del, con, en, la, el,
 *   los, las, y, ...).
 */
gboolean   bz_food_terms_is_stop_word (const char *folded);

/**
 * bz_food_terms_expand:
 * @term: one word, or a multi-word Spanish term ("plátano macho",
 *   "pechuga de pollo"); any case, with or without accents
 *
 * Looks @term up in the vocabulary (accent- and case-insensitive, simple
 * plurals, stop words inside the term ignored).
 *
 * Returns: (transfer full) (element-type utf8): the alternatives: @term
 *   itself first, exactly as given, then its English equivalents, best
 *   first, written as in #BzFoodTermGroup.english (an equivalent equal to
 *   @term folded is not repeated).  A term not in the vocabulary
 *   (any English word, for one) yields just itself.
 */
GPtrArray *bz_food_terms_expand    (const char *term);

/**
 * bz_food_terms_parse:
 * @text: (nullable): the user's search text, any UTF-8 (invalid sequences
 *   are replaced)
 *
 * Splits @text into words — a word starts with a letter or digit and goes
 * on over letters, digits and combining marks; everything else separates
 * words, so no punctuation or operator survives — keeps the first
 * %BZ_FOOD_TERMS_MAX_WORDS, cuts each to %BZ_FOOD_TERMS_MAX_WORD_CHARS
 * characters, and groups them: the longest run of words (stop words
 * skipped) that is a vocabulary term becomes one group with its English
 * equivalents; any other word is a group of its own with none.  When no
 * word is in the vocabulary every word, stop words included, is kept as
 * typed, one group each.
 *
 * Returns: (transfer full) (element-type BzFoodTermGroup): the groups in
 *   the order typed; empty when @text has no word.
 */
GPtrArray *bz_food_terms_parse     (const char *text);

/**
 * bz_food_terms_vocabulary_size:
 *
 * Returns: the number of Spanish entries in the vocabulary.
 */
guint      bz_food_terms_vocabulary_size (void);

/**
 * bz_food_terms_vocabulary_entry:
 * @i: index, below bz_food_terms_vocabulary_size()
 * @out_spanish: (out) (transfer none) (optional): the folded Spanish key,
 *   stop words removed, words separated by single spaces
 * @out_english: (out) (transfer none) (optional): the English equivalents,
 *   written as in #BzFoodTermGroup.english, separated by "|"
 *
 * Reads one vocabulary entry (for tests and documentation).
 */
void       bz_food_terms_vocabulary_entry (guint        i,
                                           const char **out_spanish,
                                           const char **out_english);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzFoodTermGroup, bz_food_term_group_free)

G_END_DECLS
