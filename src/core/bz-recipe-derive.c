/* bz-recipe-derive.c — allergens and dietary tags from SR28 ingredients
 * (see bz-recipe-derive.h).  The patterns of the tags are copied from
 * data/recipes/check-recipes.py (MEAT_FISH_GROUPS, ANIMAL_RE, GLUTEN_RE,
 * ADDED_SUGAR_NDB, HONEY_NDB); keep the two in step. */
#include "bz-recipe-derive.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bz-recipe.h"

#define ALIASES(...) ((const char *const[]) { __VA_ARGS__, NULL })

/* In the order of BzAllergen. */
static const BzTerm allergens[] = {
  { "gluten", N_("Gluten"), ALIASES ("cereales con gluten", "trigo") },
  { "crustaceans", N_("Crustaceans"), ALIASES ("crustaceos", "mariscos") },
  { "egg", N_("Egg"), ALIASES ("huevo", "eggs") },
  { "fish", N_("Fish"), ALIASES ("pescado") },
  { "peanut", N_("Peanut"), ALIASES ("cacahuate", "cacahuates", "mani", "peanuts") },
  { "soy", N_("Soy"), ALIASES ("soya", "soja") },
  { "milk", N_("Milk"), ALIASES ("leche", "lacteos") },
  { "tree_nuts", N_("Tree nuts"), ALIASES ("nueces", "nueces de arbol") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (allergens) == BZ_ALLERGEN_N);

const BzVocab bz_vocab_allergen = { "allergens", allergens, G_N_ELEMENTS (allergens) };

typedef enum
{
  RE_ANIMAL,
  RE_GLUTEN,
  RE_EGG,
  RE_MOLLUSC,
  RE_FISH,
  RE_CRUSTACEAN,
  RE_PEANUT,
  RE_SOY,
  RE_TREE_NUT,
  RE_MILK,
  N_RE
} Pattern;

static const char *const patterns[N_RE] = {
  /* check-recipes.py ANIMAL_RE */
  [RE_ANIMAL] = "\\b(chicken|beef|pork|fish|clam|shrimp|meat|gelatin|lard|tallow)\\b",
  /* check-recipes.py GLUTEN_RE */
  [RE_GLUTEN] = "wheat|bread|pasta|spaghetti|macaroni|noodle|barley|\\brye\\b|\\boats?\\b|cracker|"
                "bagel|muffin|biscuit|pancake|waffle|couscous|bulgur|semolina|granola|"
                "tortillas, ready-to-bake or -fry, flour",
  [RE_EGG] = "\\beggs?\\b",
  /* Molluscs: not on the Codex/NOM-051 list. */
  [RE_MOLLUSC] = "\\b(clams?|oysters?|mussels?|scallops?|squid|octopus|abalone|snails?|whelks?|cuttlefish|conch)\\b",
  [RE_FISH] = "\\b(fish|tuna|salmon|sardines?|anchov(y|ies)|cod|tilapia|trout|mackerel|snapper|herring|halibut|catfish|pollock)\\b",
  [RE_CRUSTACEAN] = "\\b(shrimps?|crabs?|lobsters?|crayfish|prawns?|langostinos?)\\b",
  [RE_PEANUT] = "\\bpeanuts?\\b",
  /* Refined soybean oil is excepted ("Oil, soybean", "Oil, ... soybean"). */
  [RE_SOY] = "\\b(soy|soybeans?|soymilk|tofu|tempeh|miso|edamame|natto)\\b",
  [RE_TREE_NUT] = "\\b(almonds?|walnuts?|cashews?|pecans?|pistachios?|hazelnuts?|filberts?|macadamias?|"
                  "brazilnuts?|pine nuts|pinyon|chestnuts?|beechnuts?|butternuts?|hickorynuts?)\\b",
  /* Not the plant "milks" and "butters", nor cream of tartar. */
  [RE_MILK] = "(?<!peanut )(?<!almond )(?<!cashew )(?<!coconut )(?<!rice )(?<!oat )(?<!cocoa )(?<!apple )"
              "(?<!soy )(?<!sesame )(?<!nut )(?<!seed )"
              "\\b(milk|buttermilk|butter|cheeses?|creams?(?! of tartar)|yogurts?|whey|casein(ate)?)\\b",
};

static GRegex *
regex (Pattern p)
{
  static gsize compiled[N_RE];

  if (g_once_init_enter (&compiled[p]))
    {
      g_autoptr(GError) error = NULL;
      GRegex *re = g_regex_new (patterns[p], G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &error);
      g_assert_no_error (error);   /* constant patterns */
      g_once_init_leave (&compiled[p], (gsize) re);
    }
  return (GRegex *) compiled[p];
}

static gboolean
matches (Pattern p, const char *text)
{
  return text != NULL && g_regex_match (regex (p), text, 0, NULL);
}

static gboolean
in_list (const char *s, const char *const *list)
{
  return s != NULL && g_strv_contains (list, s);
}

/* check-recipes.py MEAT_FISH_GROUPS and MIXED_GROUPS. */
static const char *const meat_fish_groups[] = { "0500", "0700", "1000", "1300", "1500", "1700", NULL };
static const char *const mixed_groups[] = { "0400", "0600", "2100", "2200", "3500", "3600", NULL };
/* check-recipes.py ADDED_SUGAR_NDB: honey, sugars, syrups. */
static const char *const added_sugar_ndb[] = { "19296", "19334", "19335", "19912", "19353", "19340", "19350", NULL };
#define HONEY_NDB "19296"

guint
bz_food_traits (const char *ndb_no, const char *sr28_group, const char *long_desc)
{
  guint t = 0;

  if (in_list (sr28_group, meat_fish_groups) || (in_list (sr28_group, mixed_groups) && matches (RE_ANIMAL, long_desc)))
    t |= BZ_FOOD_MEAT_FISH;
  if (g_strcmp0 (sr28_group, "0100") == 0)
    t |= BZ_FOOD_DAIRY_EGG;
  if (g_strcmp0 (ndb_no, HONEY_NDB) == 0)
    t |= BZ_FOOD_HONEY;
  if (matches (RE_GLUTEN, long_desc))
    t |= BZ_FOOD_GLUTEN;
  if (in_list (ndb_no, added_sugar_ndb))
    t |= BZ_FOOD_ADDED_SUGAR;
  return t;
}

guint
bz_food_allergens (const char *sr28_group, const char *long_desc)
{
  guint a = 0;
  gboolean is_oil = long_desc && g_str_has_prefix (long_desc, "Oil,");

  if (g_strcmp0 (sr28_group, "0100") == 0)
    a |= matches (RE_EGG, long_desc) ? BZ_ALLERGEN_EGG : BZ_ALLERGEN_MILK;
  else if (matches (RE_EGG, long_desc))
    a |= BZ_ALLERGEN_EGG;  /* "Noodles, egg, cooked", "Bread, egg" */
  if (g_strcmp0 (sr28_group, "1500") == 0)
    {
      /* Finfish and shellfish: crustaceans by name, molluscs are neither,
       * every other food of the group is a fish. */
      if (matches (RE_CRUSTACEAN, long_desc))
        a |= BZ_ALLERGEN_CRUSTACEANS;
      else if (!matches (RE_MOLLUSC, long_desc))
        a |= BZ_ALLERGEN_FISH;
    }
  else
    {
      if (matches (RE_FISH, long_desc))
        a |= BZ_ALLERGEN_FISH;
      if (matches (RE_CRUSTACEAN, long_desc))
        a |= BZ_ALLERGEN_CRUSTACEANS;
    }
  if (matches (RE_GLUTEN, long_desc))
    a |= BZ_ALLERGEN_GLUTEN;
  if (matches (RE_PEANUT, long_desc))
    a |= BZ_ALLERGEN_PEANUT;
  if (!is_oil && matches (RE_SOY, long_desc))
    a |= BZ_ALLERGEN_SOY;
  if (matches (RE_TREE_NUT, long_desc))
    a |= BZ_ALLERGEN_TREE_NUTS;
  if (g_strcmp0 (sr28_group, "0100") != 0 && !is_oil && matches (RE_MILK, long_desc))
    a |= BZ_ALLERGEN_MILK;
  return a;
}

GStrv
bz_allergens_to_strv (guint mask)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; i < BZ_ALLERGEN_N; i++)
    if (mask & (1u << i))
      g_strv_builder_add (b, allergens[i].id);
  return g_strv_builder_end (b);
}

GStrv
bz_recipe_derive_tags (guint traits, const BzNutrients *n, gboolean snack_only, gint64 total_time_min)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  gboolean vegetarian = !(traits & BZ_FOOD_MEAT_FISH);

  g_return_val_if_fail (n != NULL, NULL);
  /* In the order of bz_vocab_dietary_tag (bz-recipe.c). */
  if (vegetarian)
    g_strv_builder_add (b, "vegetarian");
  if (vegetarian && !(traits & (BZ_FOOD_DAIRY_EGG | BZ_FOOD_HONEY)))
    g_strv_builder_add (b, "vegan");
  if (!(traits & BZ_FOOD_GLUTEN))
    g_strv_builder_add (b, "gluten_free");
  if (!(traits & BZ_FOOD_ADDED_SUGAR))
    g_strv_builder_add (b, "no_added_sugar");
  if (n->protein_g >= (snack_only ? 10.0 : 20.0))
    g_strv_builder_add (b, "high_protein");
  if (n->fiber_g >= (snack_only ? 4.0 : 8.0))
    g_strv_builder_add (b, "high_fiber");
  if (n->energy_kcal > 0 && n->fat_g * 9.0 <= 0.25 * n->energy_kcal)
    g_strv_builder_add (b, "low_fat");
  if (n->sodium_mg <= 140.0)
    g_strv_builder_add (b, "low_sodium");
  if (total_time_min <= 20)
    g_strv_builder_add (b, "quick");
  return g_strv_builder_end (b);
}
