/* bz-food-terms.c — Spanish (Mexico) food vocabulary for SR28 search.
 *
 * See bz-food-terms.h for the rules and the sources.  The table below is
 * the project's own curation: each Spanish entry (written as a Mexican
 * nutritionist writes it, accents included; folded at start-up) maps to
 * the English words USDA SR28 uses in Long_Desc / ComName, best first,
 * separated by "|"; an equivalent of several words ("beans snap") needs
 * all of them in a description, in any order.  English words are whole
 * words, so the forms SR28 uses are listed ("egg|eggs": a prefix "egg"
 * would also bring Eggplant, Eggnog and EGGO first); a word ending in "*"
 * stands for every SR28 word it begins ("oat*": oats, oat, oatmeal).
 * Every English word occurs in SR28 (checked against FOOD_DES.txt when
 * the table was written).  Where SR28 has no item for a Mexican food the nearest SR28
 * wording is given (queso panela -> queso fresco / queso blanco; queso
 * Oaxaca -> queso asadero / mozzarella; telera -> "bollilo", SR28's
 * spelling).
 */
#include "bz-food-terms.h"

#include "bz-text.h"

#include <string.h>

typedef struct
{
  const char *spanish;
  const char *english;
} Entry;

static const Entry vocabulary[] = {
  /* --- meat, poultry, eggs (SMAE: alimentos de origen animal) --- */
  { "pollo",              "chicken" },
  { "gallina",            "chicken stewing|chicken" },
  { "pechuga",            "breast" },
  { "pechuga de pollo",   "chicken breast" },
  { "pechuga de pavo",    "turkey breast" },
  { "muslo",              "thigh*" },
  { "pierna",             "leg|drumstick*" },
  { "ala",                "wing|wings" },
  { "pavo",               "turkey" },
  { "guajolote",          "turkey" },
  { "res",                "beef" },
  { "carne",              "beef|meat|meats" },
  { "carne de res",       "beef" },
  { "carne molida",       "beef ground" },
  { "carne de cerdo",     "pork" },
  { "carne de puerco",    "pork" },
  { "cerdo",              "pork" },
  { "puerco",             "pork" },
  { "cordero",            "lamb" },
  { "borrego",            "lamb" },
  { "ternera",            "veal" },
  { "chivo",              "goat" },
  { "cabrito",            "goat" },
  { "conejo",             "rabbit" },
  { "venado",             "venison|deer" },
  { "hígado",             "liver" },
  { "lengua",             "tongue" },
  { "panza",              "tripe" },
  { "menudo",             "tripe" },
  { "costilla",           "rib*" },
  { "chuleta",            "chop|chops" },
  { "bistec",             "steak*" },
  { "filete",             "fillet*|filet*" },
  { "lomo",               "loin|tenderloin" },
  { "arrachera",          "flank|skirt" },
  { "tocino",             "bacon" },
  { "jamón",              "ham" },
  { "salchicha",          "frankfurter*|sausage" },
  { "chorizo",            "chorizo" },
  { "longaniza",          "sausage" },
  { "mortadela",          "bologna" },
  { "embutido",           "sausage|luncheon" },
  { "chicharrón",         "pork skins" },
  { "huevo",              "egg" },
  { "clara",              "egg white" },
  { "clara de huevo",     "egg white" },
  { "yema",               "yolk*" },
  /* --- fish and seafood --- */
  { "pescado",            "fish" },
  { "atún",               "tuna" },
  { "salmón",             "salmon" },
  { "sardina",            "sardine*" },
  { "bacalao",            "cod" },
  { "tilapia",            "tilapia" },
  { "mojarra",            "tilapia" },
  { "huachinango",        "snapper" },
  { "robalo",             "bass" },
  { "trucha",             "trout" },
  { "camarón",            "shrimp" },
  { "pulpo",              "octopus" },
  { "calamar",            "squid" },
  { "jaiba",              "crab" },
  { "cangrejo",           "crab" },
  { "langosta",           "lobster" },
  { "ostión",             "oyster" },
  { "almeja",             "clam" },
  { "mejillón",           "mussel" },
  { "marisco",            "crustaceans|mollusks" },
  /* --- milk and dairy (SMAE: leche) --- */
  { "leche",              "milk" },
  { "leche de soya",      "soymilk|soy milk" },
  { "leche de almendra",  "almond milk" },
  { "queso",              "cheese" },
  { "queso panela",       "queso fresco|queso blanco" },
  { "queso oaxaca",       "queso asadero|mozzarella" },
  { "requesón",           "ricotta|cheese cottage" },
  { "crema",              "cream|creams" },
  { "nata",               "cream|creams" },
  { "mantequilla",        "butter" },
  { "margarina",          "margarine" },
  { "yogur",              "yogurt*" },
  { "yogurt",             "yogurt*" },
  { "helado",             "ice cream|ice creams" },
  { "malteada",           "milkshake|shake" },
  { "lácteo",             "dairy|milk" },
  /* --- cereals and tubers (SMAE: cereales y tubérculos) --- */
  { "arroz",              "rice" },
  { "arroz con leche",    "rice pudding*" },
  { "tortilla",           "tortilla*" },
  { "tortilla de maíz",   "tortilla* corn" },
  { "tortilla de harina", "tortilla* flour" },
  { "maíz",               "corn" },
  { "elote",              "corn sweet" },
  { "masa",               "masa" },
  { "pozole",             "hominy" },
  { "harina",             "flour*" },
  { "trigo",              "wheat" },
  { "avena",              "oat*" },
  { "pan",                "bread" },
  { "pan dulce",          "sweet rolls|pastry|pastries|danish" },
  { "pan de caja",        "bread" },
  { "bolillo",            "bollilo|rolls french" },
  { "telera",             "bollilo|rolls french" },
  { "galleta",            "cookie*|cracker*" },
  { "galleta salada",     "crackers saltines|crackers" },
  { "cereal",             "cereal*" },
  { "granola",            "granola" },
  { "pasta",              "pasta" },
  { "sopa",               "soup*" },
  { "fideo",              "noodle*|spaghetti" },
  { "espagueti",          "spaghetti" },
  { "macarrón",           "macaroni" },
  { "papa",               "potato*" },
  { "papa frita",         "potato* french fried|potato* chips" },
  { "papa a la francesa", "potato* french fried" },
  { "camote",             "sweet potato*|sweetpotato" },
  { "yuca",               "cassava" },
  { "amaranto",           "amaranth" },
  { "quinoa",             "quinoa" },
  { "centeno",            "rye" },
  { "cebada",             "barley" },
  { "palomita",           "popcorn" },
  { "tamal",              "tamale*" },
  { "empanada",           "empanadas" },
  { "hamburguesa",        "hamburger|cheeseburger" },
  { "hot dog",            "frankfurter*|hotdog" },
  { "tostada",            "tostada|taco shells" },
  { "totopo",             "tortilla chips" },
  { "hot cake",           "pancake*|hotcakes" },
  /* --- legumes, nuts and seeds (SMAE: leguminosas; aceites y grasas con proteína) --- */
  { "frijol",             "bean*" },
  { "lenteja",            "lentil*" },
  { "garbanzo",           "chickpea*|garbanzo" },
  { "haba",               "broadbeans|fava" },
  { "chícharo",           "peas|pea" },
  { "alubia",             "bean* navy|bean* white" },
  { "ejote",              "bean* snap" },
  { "soya",               "soy|soybean|soybeans" },
  { "cacahuate",          "peanut*" },
  { "maní",               "peanut*" },
  { "crema de cacahuate", "peanut butter" },
  { "almendra",           "almond*" },
  { "nuez",               "pecan*|walnut*|nuts" },
  { "nuez de la india",   "cashew" },
  { "pistache",           "pistachio" },
  { "avellana",           "hazelnut*|filberts" },
  { "semilla",            "seed|seeds" },
  { "chia",               "chia" },
  { "linaza",             "flax|flaxseed" },
  { "ajonjolí",           "sesame" },
  { "pepita",             "pumpkin seed*|squash seed*" },
  { "girasol",            "sunflower" },
  { "coco",               "coconut*" },
  { "agua de coco",       "coconut water" },
  /* --- fruit (SMAE: frutas) --- */
  { "fruta",              "fruit|fruits" },
  { "plátano",            "banana*" },
  { "plátano macho",      "plantain*" },
  { "manzana",            "apple|apples" },
  { "naranja",            "orange*" },
  { "mandarina",          "tangerine*|mandarin" },
  { "toronja",            "grapefruit" },
  { "limón",              "lime|limes|lemon|lemons" },
  { "uva",                "grape|grapes" },
  { "uva pasa",           "raisin|raisins" },
  { "pasa",               "raisin|raisins" },
  { "fresa",              "strawberries|strawberry" },
  { "mango",              "mango|mangos" },
  { "papaya",             "papaya*" },
  { "piña",               "pineapple" },
  { "sandía",             "watermelon" },
  { "melón",              "melon*|cantaloupe" },
  { "guayaba",            "guava*" },
  { "durazno",            "peach*" },
  { "pera",               "pear|pears" },
  { "ciruela",            "plum*" },
  { "ciruela pasa",       "prune*" },
  { "cereza",             "cherries|cherry" },
  { "zarzamora",          "blackberries|blackberry" },
  { "frambuesa",          "raspberries|raspberry" },
  { "mora",               "mulberries|blackberries" },
  { "arándano",           "blueberries|cranberries" },
  { "arándano azul",      "blueberries" },
  { "arándano rojo",      "cranberries" },
  { "kiwi",               "kiwi*" },
  { "higo",               "fig*" },
  { "dátil",              "date*" },
  { "granada",            "pomegranate*" },
  { "mamey",              "mamey" },
  { "zapote",             "sapote" },
  { "chabacano",          "apricot*" },
  { "jícama",             "jicama|yambean" },
  { "maracuyá",           "passion fruit" },
  { "membrillo",          "quinces" },
  { "tamarindo",          "tamarind*" },
  { "guanábana",          "soursop" },
  { "lichi",              "litchis|lychee" },
  { "aceituna",           "olive*" },
  { "aguacate",           "avocado*" },
  { "jugo",               "juice*" },
  /* --- vegetables (SMAE: verduras) --- */
  { "verdura",            "vegetable*" },
  { "jitomate",           "tomato*" },
  { "tomate",             "tomato*" },
  { "tomate verde",       "tomatillos" },
  { "tomate rojo",        "tomato*" },
  { "cebolla",            "onion*" },
  { "ajo",                "garlic" },
  { "chile",              "peppers|chili*|pepper" },
  { "chile morrón",       "peppers sweet" },
  { "pimiento",           "peppers sweet|pimento" },
  { "nopal",              "nopales" },
  { "calabacita",         "zucchini|squash summer" },
  { "calabaza",           "squash|pumpkin" },
  { "flor de calabaza",   "pumpkin flowers" },
  { "zanahoria",          "carrot*" },
  { "lechuga",            "lettuce" },
  { "espinaca",           "spinach" },
  { "acelga",             "chard" },
  { "brócoli",            "broccoli" },
  { "coliflor",           "cauliflower" },
  { "col",                "cabbage" },
  { "repollo",            "cabbage" },
  { "pepino",             "cucumber" },
  { "apio",               "celery" },
  { "betabel",            "beet*" },
  { "remolacha",          "beet*" },
  { "rábano",             "radish*" },
  { "champiñón",          "mushroom*" },
  { "hongo",              "mushroom*" },
  { "berenjena",          "eggplant" },
  { "espárrago",          "asparagus" },
  { "alcachofa",          "artichoke*" },
  { "chayote",            "chayote" },
  { "verdolaga",          "purslane" },
  { "quelite",            "lambsquarters" },
  { "cilantro",           "cilantro|coriander" },
  { "perejil",            "parsley" },
  { "epazote",            "epazote" },
  { "hierbabuena",        "spearmint" },
  { "menta",              "peppermint|spearmint" },
  { "orégano",            "oregano" },
  { "albahaca",           "basil" },
  { "comino",             "cumin" },
  { "canela",             "cinnamon" },
  { "pimienta",           "pepper black" },
  { "jamaica",            "roselle|hibiscus" },
  /* --- fats, sugars, condiments, drinks, dishes --- */
  { "aceite",             "oil|oils" },
  { "aceite de oliva",    "oil olive" },
  { "manteca",            "lard|shortening" },
  { "grasa",              "fat" },
  { "sal",                "salt" },
  { "azúcar",             "sugar|sugars" },
  { "piloncillo",         "sugar* brown" },
  { "miel",               "honey" },
  { "mermelada",          "jams|preserves|marmalade*" },
  { "cajeta",             "dulce leche" },
  { "dulce",              "candies|candy|sweet" },
  { "chocolate",          "chocolate" },
  { "cacao",              "cocoa" },
  { "café",               "coffee" },
  { "té",                 "tea" },
  { "agua",               "water" },
  { "refresco",           "carbonated" },
  { "cerveza",            "beer" },
  { "vino",               "wine" },
  { "bebida",             "beverage*" },
  { "mayonesa",           "mayonnaise" },
  { "catsup",             "catsup|ketchup" },
  { "mostaza",            "mustard" },
  { "vinagre",            "vinegar" },
  { "salsa",              "salsa|sauce*" },
  { "caldo",              "broth|stock" },
  { "consomé",            "consomme|broth" },
  { "ensalada",           "salad*" },
  { "gelatina",           "gelatin*" },
  { "flan",               "flan|custard*" },
  { "pastel",             "cake*" },
  { "dona",               "doughnuts" },
  { "pay",                "pie|pies" },
  { "postre",             "dessert*" },
  { "botana",             "snack*" },
  { "comida rápida",      "fast foods" },
  /* --- preparation and description words --- */
  { "crudo",              "raw" },
  { "cruda",              "raw" },
  { "cocido",             "cooked" },
  { "cocida",             "cooked" },
  { "hervido",            "boiled" },
  { "hervida",            "boiled" },
  { "frito",              "fried" },
  { "frita",              "fried" },
  { "refrito",            "refried" },
  { "refrita",            "refried" },
  { "revuelto",           "scrambled" },
  { "revuelta",           "scrambled" },
  { "estrellado",         "fried" },
  { "tostado",            "toasted" },
  { "pochado",            "poached" },
  { "asado",              "roasted|grilled|broiled" },
  { "asada",              "roasted|grilled|broiled" },
  { "horneado",           "baked|roasted" },
  { "horneada",           "baked|roasted" },
  { "horno",              "baked|roasted" },
  { "plancha",            "grilled" },
  { "empanizado",         "breaded" },
  { "empanizada",         "breaded" },
  { "capeado",            "battered" },
  { "guisado",            "stew|stewed|braised" },
  { "estofado",           "stew|stewed|braised" },
  { "vapor",              "steamed" },
  { "ahumado",            "smoked" },
  { "enlatado",           "canned" },
  { "lata",               "canned" },
  { "congelado",          "frozen" },
  { "seco",               "dried|dry" },
  { "seca",               "dried|dry" },
  { "deshidratado",       "dehydrated|dried" },
  { "fresco",             "fresh" },
  { "fresca",             "fresh" },
  { "entero",             "whole" },
  { "entera",             "whole" },
  { "descremado",         "nonfat|skim|fat free" },
  { "descremada",         "nonfat|skim|fat free" },
  { "semidescremado",     "reduced fat|lowfat|low fat" },
  { "semidescremada",     "reduced fat|lowfat|low fat" },
  { "deslactosado",       "lactose" },
  { "deslactosada",       "lactose" },
  { "integral",           "whole wheat|whole grain" },
  { "molido",             "ground" },
  { "molida",             "ground" },
  { "picado",             "chopped" },
  { "rebanado",           "sliced" },
  { "magro",              "lean" },
  { "sin",                "without" },
  { "sin azúcar",         "unsweetened|without sugar|sugar free" },
  { "sin grasa",          "fat free|nonfat" },
  { "bajo",               "low" },
  { "bajo en grasa",      "low fat|lowfat" },
  { "piel",               "skin" },
  { "hueso",              "bone|bones" },
  { "verde",              "green" },
  { "rojo",               "red" },
  { "roja",               "red" },
  { "amarillo",           "yellow" },
  { "amarilla",           "yellow" },
  { "blanco",             "white" },
  { "blanca",             "white" },
  { "negro",              "black" },
  { "negra",              "black" },
};

static const char *const stop_words[] = {
  "a", "al", "con", "de", "del", "e", "el", "en", "la", "las", "lo", "los",
  "o", "para", "por", "u", "un", "una", "unas", "unos", "y",
};

/* --- folding ------------------------------------------------------------------ */

char *
bz_food_terms_fold (const char *word)
{
  g_return_val_if_fail (word != NULL, NULL);
  return bz_text_fold (word);
}

gboolean
bz_food_terms_is_stop_word (const char *folded)
{
  g_return_val_if_fail (folded != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
    if (strcmp (folded, stop_words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* --- the index ---------------------------------------------------------------- */

typedef struct
{
  GHashTable *by_key;   /* folded key -> entry index + 1 */
  char      **keys;     /* folded key of each entry */
  guint       max_words;
} Index;

/* "Pechuga de  Pollo" -> "pechuga pollo"; also the number of words. */
static char *
key_from_text (const char *text, guint *out_words)
{
  g_autofree char *folded = bz_food_terms_fold (text);
  g_auto(GStrv) parts = g_strsplit (folded, " ", -1);
  g_autoptr(GString) key = g_string_new (NULL);
  guint words = 0;

  for (guint i = 0; parts[i]; i++)
    {
      if (*parts[i] == '\0' || bz_food_terms_is_stop_word (parts[i]))
        continue;
      if (key->len)
        g_string_append_c (key, ' ');
      g_string_append (key, parts[i]);
      words++;
    }
  if (out_words)
    *out_words = words;
  return g_strdup (key->str);
}

static const Index *
index_get (void)
{
  static gsize once = 0;
  static Index index;

  if (g_once_init_enter (&once))
    {
      index.by_key = g_hash_table_new (g_str_hash, g_str_equal);
      index.keys = g_new0 (char *, G_N_ELEMENTS (vocabulary) + 1);
      for (guint i = 0; i < G_N_ELEMENTS (vocabulary); i++)
        {
          guint words;

          index.keys[i] = key_from_text (vocabulary[i].spanish, &words);
          index.max_words = MAX (index.max_words, words);
          /* a repeated key keeps its first entry; the unit test forbids it */
          if (!g_hash_table_contains (index.by_key, index.keys[i]))
            g_hash_table_insert (index.by_key, index.keys[i], GUINT_TO_POINTER (i + 1));
        }
      g_once_init_leave (&once, 1);
    }
  return &index;
}

guint
bz_food_terms_vocabulary_size (void)
{
  return G_N_ELEMENTS (vocabulary);
}

void
bz_food_terms_vocabulary_entry (guint i, const char **out_spanish, const char **out_english)
{
  g_return_if_fail (i < G_N_ELEMENTS (vocabulary));

  if (out_spanish)
    *out_spanish = index_get ()->keys[i];
  if (out_english)
    *out_english = vocabulary[i].english;
}

/* --- lookup ------------------------------------------------------------------- */

#define MAX_FORMS 4

/* The forms a folded word may stand for: itself, then the singulars of the
 * simple plurals -s, -es and -ces (= -z), each with a stem of 2+ bytes.
 * Returns how many of @forms it filled (free them with g_free()). */
static guint
word_forms (const char *word, char *forms[MAX_FORMS])
{
  gsize len = strlen (word);
  guint n = 0;

  forms[n++] = g_strdup (word);
  if (len >= 3 && g_str_has_suffix (word, "s"))
    forms[n++] = g_strndup (word, len - 1);
  if (len >= 4 && g_str_has_suffix (word, "es"))
    forms[n++] = g_strndup (word, len - 2);
  if (len >= 5 && g_str_has_suffix (word, "ces"))
    forms[n++] = g_strdup_printf ("%.*sz", (int) (len - 3), word);
  return n;
}

/* Looks up the term made of the @n folded words @folded[0..n-1], trying
 * every combination of their singular forms (at most 4^3 = 64 probes for
 * the longest terms, in practice a few).  Returns the entry index + 1, or
 * 0 when the term is not in the vocabulary. */
static guint
lookup_words (const Index *index, char **folded, guint n)
{
  char *forms[BZ_FOOD_TERMS_MAX_WORDS][MAX_FORMS];
  guint n_forms[BZ_FOOD_TERMS_MAX_WORDS], pick[BZ_FOOD_TERMS_MAX_WORDS] = { 0, };
  g_autoptr(GString) key = g_string_new (NULL);
  guint found = 0;

  g_assert (n >= 1 && n <= BZ_FOOD_TERMS_MAX_WORDS);
  for (guint i = 0; i < n; i++)
    n_forms[i] = word_forms (folded[i], forms[i]);

  /* odometer over pick[]: the last word's forms turn fastest */
  for (;;)
    {
      guint i;

      g_string_truncate (key, 0);
      for (i = 0; i < n; i++)
        {
          if (i)
            g_string_append_c (key, ' ');
          g_string_append (key, forms[i][pick[i]]);
        }
      found = GPOINTER_TO_UINT (g_hash_table_lookup (index->by_key, key->str));
      if (found)
        break;
      for (i = n; i > 0 && ++pick[i - 1] == n_forms[i - 1]; i--)
        pick[i - 1] = 0;
      if (i == 0)
        break;
    }

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n_forms[i]; j++)
      g_free (forms[i][j]);
  return found;
}

/* --- parsing ------------------------------------------------------------------ */

void
bz_food_term_group_free (BzFoodTermGroup *group)
{
  if (group == NULL)
    return;
  g_strfreev (group->words);
  g_clear_pointer (&group->english, g_ptr_array_unref);
  g_free (group);
}

/* A group of the typed words @typed[0..n-1] (NULL entries skipped) with
 * the English equivalents of entry @entry + 1 (0: none). */
static BzFoodTermGroup *
group_new (char **typed, guint n, guint entry)
{
  BzFoodTermGroup *g = g_new0 (BzFoodTermGroup, 1);
  GStrvBuilder *b = g_strv_builder_new ();

  for (guint i = 0; i < n; i++)
    if (typed[i])
      g_strv_builder_add (b, typed[i]);
  g->words = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  g->english = g_ptr_array_new_with_free_func (g_free);
  if (entry)
    {
      g_auto(GStrv) alts = g_strsplit (vocabulary[entry - 1].english, "|", -1);
      for (guint i = 0; alts[i]; i++)
        g_ptr_array_add (g->english, g_steal_pointer (&alts[i]));
    }
  return g;
}

/* Splits @text into at most BZ_FOOD_TERMS_MAX_WORDS words (see
 * bz_food_terms_parse()). */
static GPtrArray *
split_words (const char *text)
{
  g_autofree char *valid = NULL;
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) w = g_string_new (NULL);
  guint chars = 0;
  gboolean in_word = FALSE;

  if (text == NULL)
    return words;
  valid = g_utf8_make_valid (text, -1);

  for (const char *p = valid; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* A word starts with a letter or digit and may carry combining marks. */
      if (c != 0 && (g_unichar_isalnum (c) || (in_word && g_unichar_ismark (c))))
        {
          if (!in_word)
            {
              if (words->len == BZ_FOOD_TERMS_MAX_WORDS)
                break;
              g_string_truncate (w, 0);
              in_word = TRUE;
              chars = 0;
            }
          if (chars++ < BZ_FOOD_TERMS_MAX_WORD_CHARS)
            g_string_append_unichar (w, c);
        }
      else if (in_word)
        {
          g_ptr_array_add (words, g_strdup (w->str));
          in_word = FALSE;
        }
      if (c == 0)
        break;
    }
  return words;
}

GPtrArray *
bz_food_terms_parse (const char *text)
{
  const Index *index = index_get ();
  g_autoptr(GPtrArray) typed = split_words (text);
  g_autoptr(GPtrArray) content = g_ptr_array_new ();   /* typed words, stop words left out */
  g_autoptr(GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) bz_food_term_group_free);
  gboolean any_known = FALSE;

  for (guint i = 0; i < typed->len; i++)
    {
      char *f = bz_food_terms_fold (g_ptr_array_index (typed, i));
      if (bz_food_terms_is_stop_word (f))
        {
          g_free (f);
          continue;
        }
      g_ptr_array_add (content, g_ptr_array_index (typed, i));
      g_ptr_array_add (folded, f);
    }

  /* longest vocabulary term first at each position */
  for (guint i = 0; i < content->len; )
    {
      guint n = MIN (index->max_words, content->len - i), entry = 0;

      for (; n > 1; n--)
        if ((entry = lookup_words (index, (char **) folded->pdata + i, n)))
          break;
      if (n == 1)
        entry = lookup_words (index, (char **) folded->pdata + i, 1);
      any_known |= entry != 0;
      g_ptr_array_add (groups, group_new ((char **) content->pdata + i, n, entry));
      i += n;
    }

  /* nothing Spanish: every word as typed, stop words included */
  if (!any_known)
    {
      g_ptr_array_set_size (groups, 0);
      for (guint i = 0; i < typed->len; i++)
        g_ptr_array_add (groups, group_new ((char **) typed->pdata + i, 1, 0));
    }
  return groups;
}

GPtrArray *
bz_food_terms_expand (const char *term)
{
  g_autoptr(GPtrArray) groups = NULL;
  GPtrArray *alts;

  g_return_val_if_fail (term != NULL, NULL);

  alts = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (alts, g_strdup (term));
  groups = bz_food_terms_parse (term);
  if (groups->len == 1)
    {
      BzFoodTermGroup *g = g_ptr_array_index (groups, 0);
      g_autofree char *self = bz_food_terms_fold (term);

      for (guint i = 0; i < g->english->len; i++)
        {
          const char *alt = g_ptr_array_index (g->english, i);
          gsize len = strlen (alt);

          if (len > 1 && alt[len - 1] == '*')
            len--;
          if (strlen (self) != len || strncmp (self, alt, len) != 0)
            g_ptr_array_add (alts, g_strdup (alt));
        }
    }
  return alts;
}
