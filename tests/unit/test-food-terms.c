/* test-food-terms.c — the Spanish (Mexico) food vocabulary (bz-food-terms):
 * folding, plurals, multi-word terms, stop words, unknown words, limits,
 * and the table's own integrity. */
#include <string.h>
#include <glib.h>

#include "bz-food-terms.h"

/* Asserts that bz_food_terms_expand (@term) is exactly the NULL-terminated
 * list @want (the term itself first). */
static void
assert_expands (const char *term, ...)
{
  g_autoptr(GPtrArray) got = bz_food_terms_expand (term);
  g_autoptr(GString) g = g_string_new (NULL), w = g_string_new (NULL);
  va_list ap;

  for (guint i = 0; i < got->len; i++)
    g_string_append_printf (g, "%s|", (const char *) g_ptr_array_index (got, i));
  va_start (ap, term);
  for (const char *s = va_arg (ap, const char *); s; s = va_arg (ap, const char *))
    g_string_append_printf (w, "%s|", s);
  va_end (ap);
  if (!g_str_equal (g->str, w->str))
    g_error ("expand “%s”: got “%s”, want “%s”", term, g->str, w->str);
}

/* Renders parsed groups as "w1 w2=en1|en2; w3=; ..." for compact checks. */
static char *
render (const char *text)
{
  g_autoptr(GPtrArray) groups = bz_food_terms_parse (text);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < groups->len; i++)
    {
      BzFoodTermGroup *grp = g_ptr_array_index (groups, i);
      g_autofree char *words = g_strjoinv (" ", grp->words);

      if (i)
        g_string_append (s, "; ");
      g_string_append_printf (s, "%s=", words);
      for (guint j = 0; j < grp->english->len; j++)
        g_string_append_printf (s, "%s%s", j ? "|" : "", (const char *) g_ptr_array_index (grp->english, j));
    }
  return g_string_free (s, FALSE);
}

#define assert_parses(text, want) \
  G_STMT_START { g_autofree char *_got = render (text); g_assert_cmpstr (_got, ==, want); } G_STMT_END

static void
test_fold (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Plátano", "platano" },
    { "PIÑA", "pina" },
    { "pla\xcc\x81tano", "platano" },   /* decomposed: a + U+0301 */
    { "AGUACATE", "aguacate" },
    { "Camarón", "camaron" },
    { "crème brûlée", "creme brulee" },
    { "ÑOÑO", "nono" },
    { "\xe7\x89\x9b\xe5\xa5\xb6", "\xe7\x89\x9b\xe5\xa5\xb6" },   /* other scripts kept */
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *f = bz_food_terms_fold (cases[i].in);
      g_assert_cmpstr (f, ==, cases[i].out);
    }
  {
    g_autofree char *f = bz_food_terms_fold ("pl\xff" "tano");   /* invalid UTF-8 */
    g_assert_true (g_utf8_validate (f, -1, NULL));
  }
}

static void
test_accents_and_case (void)
{
  assert_expands ("pollo", "pollo", "chicken", NULL);
  assert_expands ("POLLO", "POLLO", "chicken", NULL);
  assert_expands ("Plátano", "Plátano", "banana*", NULL);
  assert_expands ("platano", "platano", "banana*", NULL);
  assert_expands ("PLA\xcc\x81TANO", "PLA\xcc\x81TANO", "banana*", NULL);
  assert_expands ("atun", "atun", "tuna", NULL);
  assert_expands ("Atún", "Atún", "tuna", NULL);
  assert_expands ("piña", "piña", "pineapple", NULL);
  assert_expands ("maiz", "maiz", "corn", NULL);
  assert_expands ("té", "té", "tea", NULL);
  /* a word that is its own English is not repeated */
  assert_expands ("salmón", "salmón", NULL);
  assert_expands ("tortilla", "tortilla", NULL);
  assert_expands ("Salsa", "Salsa", "sauce*", NULL);
}

static void
test_plurals (void)
{
  assert_expands ("frijoles", "frijoles", "bean*", NULL);
  assert_expands ("frijol", "frijol", "bean*", NULL);
  assert_expands ("tortillas", "tortillas", "tortilla*", NULL);
  assert_expands ("huevos", "huevos", "egg", NULL);
  assert_expands ("tomates", "tomates", "tomato*", NULL);
  assert_expands ("limones", "limones", "lime", "limes", "lemon", "lemons", NULL);
  assert_expands ("nueces", "nueces", "pecan*", "walnut*", "nuts", NULL);   /* -ces = -z */
  assert_expands ("panes", "panes", "bread", NULL);
  assert_expands ("alas", "alas", "wing", "wings", NULL);
  /* stripped only when the singular is in the vocabulary */
  assert_expands ("frijole", "frijole", NULL);
  assert_expands ("cheddars", "cheddars", NULL);
  assert_expands ("oats", "oats", NULL);
  assert_expands ("es", "es", NULL);
  assert_expands ("s", "s", NULL);
  /* "res" is a word, not the plural of "re" */
  assert_expands ("res", "res", "beef", NULL);
}

static void
test_multi_word (void)
{
  assert_expands ("tomate verde", "tomate verde", "tomatillos", NULL);
  assert_expands ("Tomates Verdes", "Tomates Verdes", "tomatillos", NULL);
  assert_expands ("plátano macho", "plátano macho", "plantain*", NULL);
  assert_expands ("PLATANOS MACHOS", "PLATANOS MACHOS", "plantain*", NULL);
  assert_expands ("pechuga de pollo", "pechuga de pollo", "chicken breast", NULL);
  assert_expands ("pechuga pollo", "pechuga pollo", "chicken breast", NULL);
  assert_expands ("nuez de la India", "nuez de la India", "cashew", NULL);
  assert_expands ("tortilla de maíz", "tortilla de maíz", "tortilla* corn", NULL);
  /* two terms are not one term */
  assert_expands ("queso cheddar", "queso cheddar", NULL);

  assert_parses ("tomate verde", "tomate verde=tomatillos");
  assert_parses ("tomate", "tomate=tomato*");
  assert_parses ("tomate cherry", "tomate=tomato*; cherry=");
  assert_parses ("plátano macho frito", "plátano macho=plantain*; frito=fried");
  /* longest first: "pechuga de pollo" wins over "pechuga" + "pollo" */
  assert_parses ("pechuga de pollo asada",
                 "pechuga pollo=chicken breast; asada=roasted|grilled|broiled");
  assert_parses ("frijoles negros", "frijoles=bean*; negros=black");
  assert_parses ("arroz con leche", "arroz leche=rice pudding*");
  /* a term needs its words next to each other (stop words aside) */
  assert_parses ("pechuga asada de pollo",
                 "pechuga=breast; asada=roasted|grilled|broiled; pollo=chicken");
}

static void
test_stop_words (void)
{
  g_assert_true (bz_food_terms_is_stop_word ("de"));
  g_assert_true (bz_food_terms_is_stop_word ("los"));
  g_assert_true (bz_food_terms_is_stop_word ("y"));
  g_assert_false (bz_food_terms_is_stop_word ("sin"));   /* "sin sal" means something */
  g_assert_false (bz_food_terms_is_stop_word ("pollo"));

  assert_parses ("queso y leche", "queso=cheese; leche=milk");
  assert_parses ("leche en polvo de la vaca", "leche=milk; polvo=; vaca=");
  assert_parses ("Agua de Coco", "Agua Coco=coconut water");
  assert_parses ("sin sal", "sin=without; sal=salt");
  /* no Spanish word: every word kept as typed, stop words too */
  assert_parses ("old el paso", "old=; el=; paso=");
  assert_parses ("de la", "de=; la=");
  assert_parses ("pastelitos de guava", "pastelitos=; de=; guava=");
}

static void
test_unknown_words_pass_through (void)
{
  static const char *english[] = {
    "chicken", "cheese", "cheddar", "beans", "rice", "egg", "milk", "apple", "oats",
    "avocado", "banana", "tomato", "onion", "bread", "pork", "beef", "turkey", "tuna",
    "pepper", "corn", "raw", "cooked", "roasted", "whole", "nonfat", "butter", "pizza",
    "burrito", "taco", "jalapeno", "lima", "chocolatey", "2%", "100",
  };
  /* words that are Spanish and English alike: they keep themselves */
  static const char *both[] = { "cereal", "salmon", "yogurt", "tortilla", "mango", "papaya", "chocolate" };

  for (guint i = 0; i < G_N_ELEMENTS (english); i++)
    {
      g_autoptr(GPtrArray) alts = bz_food_terms_expand (english[i]);
      g_autoptr(GPtrArray) groups = bz_food_terms_parse (english[i]);
      BzFoodTermGroup *grp;

      if (alts->len != 1)
        g_error ("English word “%s” expands to %u alternatives", english[i], alts->len);
      g_assert_cmpstr (g_ptr_array_index (alts, 0), ==, english[i]);
      g_assert_cmpuint (groups->len, ==, 1);
      grp = g_ptr_array_index (groups, 0);
      g_assert_cmpstr (grp->words[1], ==, NULL);
      g_assert_true (g_str_has_prefix (english[i], grp->words[0]));   /* "2%" -> "2" */
      g_assert_cmpuint (grp->english->len, ==, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      g_autoptr(GPtrArray) alts = bz_food_terms_expand (both[i]);
      g_autoptr(GPtrArray) groups = bz_food_terms_parse (both[i]);
      BzFoodTermGroup *grp = g_ptr_array_index (groups, 0);
      gboolean has_self = FALSE;

      g_assert_cmpstr (g_ptr_array_index (alts, 0), ==, both[i]);
      for (guint j = 0; j < grp->english->len; j++)
        {
          const char *e = g_ptr_array_index (grp->english, j);
          has_self |= strncmp (e, both[i], strlen (both[i])) == 0
                      && (e[strlen (both[i])] == '\0' || g_str_equal (e + strlen (both[i]), "*"));
        }
      if (!has_self)
        g_error ("“%s” lost itself among its English equivalents", both[i]);
    }
  assert_parses ("chicken breast roasted", "chicken=; breast=; roasted=");
  assert_parses ("cheese and milk", "cheese=; and=; milk=");
}

static void
test_splitting_and_limits (void)
{
  g_autoptr(GPtrArray) none = bz_food_terms_parse (NULL);
  g_autoptr(GPtrArray) empty = bz_food_terms_parse ("  \t ");
  g_autoptr(GPtrArray) syntax = bz_food_terms_parse ("*\"()--:^{}");
  g_autoptr(GPtrArray) many = NULL;
  g_autoptr(GPtrArray) long_word = NULL;
  g_autoptr(GString) s = g_string_new (NULL);
  BzFoodTermGroup *grp;

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (syntax->len, ==, 0);

  /* punctuation and FTS5 syntax separate words and vanish */
  assert_parses ("\"pollo\"* OR (frijol)", "pollo=chicken; OR=; frijol=bean*");
  assert_parses ("crème brûlée\"", "crème=; brûlée=");
  assert_parses ("cre\xcc\x80me", "cre\xcc\x80me=");   /* combining mark stays in the word */
  assert_parses ("pollo-asado", "pollo=chicken; asado=roasted|grilled|broiled");

  for (guint i = 0; i < 20; i++)
    g_string_append (s, "pollo ");
  many = bz_food_terms_parse (s->str);
  g_assert_cmpuint (many->len, ==, BZ_FOOD_TERMS_MAX_WORDS);

  g_string_truncate (s, 0);
  for (guint i = 0; i < 100; i++)
    g_string_append (s, "á");
  long_word = bz_food_terms_parse (s->str);
  g_assert_cmpuint (long_word->len, ==, 1);
  grp = g_ptr_array_index (long_word, 0);
  g_assert_cmpint (g_utf8_strlen (grp->words[0], -1), ==, BZ_FOOD_TERMS_MAX_WORD_CHARS);

  {
    g_autoptr(GPtrArray) broken = bz_food_terms_parse ("pollo \xff\xfe asado");
    g_assert_cmpuint (broken->len, ==, 2);
  }
}

/* Every entry: a folded key without stop words, found again by lookup,
 * with well-formed English (lowercase ASCII words, an optional final *). */
static void
test_vocabulary_integrity (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GRegex) english_re = g_regex_new ("^[a-z0-9]+\\*?( [a-z0-9]+\\*?)*(\\|[a-z0-9]+\\*?( [a-z0-9]+\\*?)*)*$",
                                              0, 0, NULL);
  guint n = bz_food_terms_vocabulary_size ();

  g_assert_cmpuint (n, >=, 150);
  g_assert_cmpuint (n, <=, 400);
  for (guint i = 0; i < n; i++)
    {
      const char *es, *en;
      g_autofree char *folded = NULL;
      g_auto(GStrv) words = NULL;
      g_autoptr(GPtrArray) groups = NULL;
      BzFoodTermGroup *grp;
      g_autofree char *joined = NULL;

      bz_food_terms_vocabulary_entry (i, &es, &en);
      if (g_hash_table_contains (seen, es))
        g_error ("vocabulary key “%s” appears twice", es);
      g_hash_table_add (seen, (gpointer) es);

      folded = bz_food_terms_fold (es);
      g_assert_cmpstr (folded, ==, es);
      words = g_strsplit (es, " ", -1);
      for (guint j = 0; words[j]; j++)
        {
          g_assert_cmpstr (words[j], !=, "");
          g_assert_false (bz_food_terms_is_stop_word (words[j]));
        }
      if (!g_regex_match (english_re, en, 0, NULL))
        g_error ("vocabulary entry “%s”: malformed English “%s”", es, en);

      groups = bz_food_terms_parse (es);
      g_assert_cmpuint (groups->len, ==, 1);
      grp = g_ptr_array_index (groups, 0);
      g_assert_cmpuint (g_strv_length (grp->words), ==, g_strv_length (words));
      g_ptr_array_add (grp->english, NULL);
      joined = g_strjoinv ("|", (char **) grp->english->pdata);
      g_assert_cmpstr (joined, ==, en);
    }
}

/* Parsing is thread-safe, including the lazy index build. */
static gpointer
parse_many (gpointer data)
{
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GPtrArray) g = bz_food_terms_parse ("pechuga de pollo asada con frijoles negros");
      g_assert_cmpuint (g->len, ==, 4);
    }
  return NULL;
}

static void
test_threads (void)
{
  GThread *t[4];

  for (guint i = 0; i < G_N_ELEMENTS (t); i++)
    t[i] = g_thread_new ("parse", parse_many, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (t); i++)
    g_thread_join (t[i]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* first, so that the threads race to build the index */
  g_test_add_func ("/food-terms/threads", test_threads);
  g_test_add_func ("/food-terms/fold", test_fold);
  g_test_add_func ("/food-terms/accents-and-case", test_accents_and_case);
  g_test_add_func ("/food-terms/plurals", test_plurals);
  g_test_add_func ("/food-terms/multi-word", test_multi_word);
  g_test_add_func ("/food-terms/stop-words", test_stop_words);
  g_test_add_func ("/food-terms/unknown-words-pass-through", test_unknown_words_pass_through);
  g_test_add_func ("/food-terms/splitting-and-limits", test_splitting_and_limits);
  g_test_add_func ("/food-terms/vocabulary-integrity", test_vocabulary_integrity);

  return g_test_run ();
}
