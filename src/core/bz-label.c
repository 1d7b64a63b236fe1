/* bz-label.c — judging a nutrition label (see bz-label.h). */
#include "bz-label.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bz-food-terms.h"
#include "bz-recipe-derive.h"

void
bz_label_scale (const BzLabelPanel *in, double factor, BzLabelPanel *out)
{
  g_return_if_fail (in != NULL && out != NULL);

  out->energy_kcal = in->energy_kcal * factor;
  out->protein_g = in->protein_g * factor;
  out->carbohydrate_g = in->carbohydrate_g * factor;
  out->sugars_g = in->sugars_g * factor;
  out->added_sugars_g = in->added_sugars_g < 0 ? -1 : in->added_sugars_g * factor;
  out->fat_g = in->fat_g * factor;
  out->saturated_fat_g = in->saturated_fat_g * factor;
  out->trans_fat_g = in->trans_fat_g * factor;
  out->fiber_g = in->fiber_g * factor;
  out->sodium_mg = in->sodium_mg * factor;
}

/* Keywords of a Mexican ingredient list, folded (no accents, lower case),
 * as whole words or word starts ("jarabe" finds "jarabe de maiz"). */
static const char *const sugar_words =
  "\\b(azucar(es)?|jarabes?|miel(es)?|glucosa|fructosa|sacarosa|dextrosa|maltosa|lactosa anadida|"
  "piloncillo|panela|melaza|concentrado de jugo|jugo concentrado|maltodextrina|"
  "sugar|syrup|honey|dextrose|fructose|sucrose|glucose|molasses)\\b";
static const char *const fat_words =
  "\\b(aceites?|grasas?|manteca|mantequilla|margarina|crema|oil|fat|butter|shortening|lard|"
  "palmiste|estearina|oleina)\\b";
static const char *const sodium_words =
  "\\b(sal|sal yodada|sodio|sodica|sodico|glutamato monosodico|bicarbonato de sodio|benzoato de sodio|"
  "salt|sodium)\\b";
static const char *const sweetener_words =
  "\\b(edulcorantes?|sucralosa|aspartame|aspartamo|acesulfame|sacarina|estevia|stevia|esteviol|"
  "glucosidos de esteviol|ciclamato|sorbitol|xilitol|eritritol|maltitol|manitol|isomalt|neotame|"
  "advantame|monk fruit|fruto del monje|sucralose|saccharin)\\b";
static const char *const caffeine_words = "\\b(cafeina|cafe|guarana|caffeine|coffee)\\b";

static gboolean
has (const char *folded, const char *pattern)
{
  return g_regex_match_simple (pattern, folded, 0, 0);
}

guint
bz_label_scan_ingredients (const char *text)
{
  g_autofree char *folded = NULL;
  guint added = 0;

  if (text == NULL || *text == '\0')
    return 0;
  folded = bz_food_terms_fold (text);
  if (has (folded, sugar_words))
    added |= BZ_LABEL_ADDED_SUGARS;
  if (has (folded, fat_words))
    added |= BZ_LABEL_ADDED_FATS;
  if (has (folded, sodium_words))
    added |= BZ_LABEL_ADDED_SODIUM;
  if (has (folded, sweetener_words))
    added |= BZ_LABEL_HAS_SWEETENERS;
  if (has (folded, caffeine_words))
    added |= BZ_LABEL_HAS_CAFFEINE;
  return added;
}

guint
bz_label_added_from_panel (const BzLabelPanel *p)
{
  guint added = 0;

  g_return_val_if_fail (p != NULL, 0);
  if (p->added_sugars_g >= 0 ? p->added_sugars_g > 0 : p->sugars_g > 0)
    added |= BZ_LABEL_ADDED_SUGARS;
  if (p->fat_g > 0)
    added |= BZ_LABEL_ADDED_FATS;
  if (p->sodium_mg > 0)
    added |= BZ_LABEL_ADDED_SODIUM;
  return added;
}

guint
bz_label_added_from_ingredient (const char *ndb_no, const char *sr28_group, const char *long_desc)
{
  guint added = 0;
  const char *desc = long_desc ? long_desc : "";

  if (bz_food_traits (ndb_no, sr28_group, long_desc) & BZ_FOOD_ADDED_SUGAR)
    added |= BZ_LABEL_ADDED_SUGARS;
  if (g_strcmp0 (sr28_group, "0400") == 0 || g_str_has_prefix (desc, "Butter"))
    added |= BZ_LABEL_ADDED_FATS;
  if (g_str_has_prefix (desc, "Salt,") || strstr (desc, "bouillon") != NULL)
    added |= BZ_LABEL_ADDED_SODIUM;
  return added;
}

void
bz_label_nom051_input (const BzLabelPanel *p, gboolean is_liquid, guint added, BzNom051Input *out)
{
  g_return_if_fail (p != NULL && out != NULL);

  *out = (BzNom051Input) {
    .energy_kcal = p->energy_kcal,
    .free_sugars_g = p->added_sugars_g >= 0 ? p->added_sugars_g : p->sugars_g,
    .saturated_fat_g = p->saturated_fat_g,
    .trans_fat_g = p->trans_fat_g,
    .sodium_mg = p->sodium_mg,
    .is_liquid = is_liquid,
    .added_sugars = (added & BZ_LABEL_ADDED_SUGARS) != 0,
    .added_fats = (added & BZ_LABEL_ADDED_FATS) != 0,
    .added_sodium = (added & BZ_LABEL_ADDED_SODIUM) != 0,
    .has_sweeteners = (added & BZ_LABEL_HAS_SWEETENERS) != 0,
    .has_caffeine = (added & BZ_LABEL_HAS_CAFFEINE) != 0,
  };
}

guint
bz_label_count_seals (guint seals)
{
  return (guint) __builtin_popcount (seals & BZ_NOM051_SEALS_ALL);
}

GStrv
bz_label_seals_to_strv (guint seals)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint bit = BZ_NOM051_SEAL_CALORIES; bit <= BZ_NOM051_SEAL_SODIUM; bit <<= 1)
    if (seals & bit)
      g_strv_builder_add (b, bz_nom051_seal_text (bit));
  return g_strv_builder_end (b);
}

GStrv
bz_label_legends_to_strv (guint legends)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint bit = BZ_NOM051_LEGEND_SWEETENERS; bit <= BZ_NOM051_LEGEND_CAFFEINE; bit <<= 1)
    if (legends & bit)
      g_strv_builder_add (b, bz_nom051_legend_text (bit));
  return g_strv_builder_end (b);
}

/* "a", "a and b", "a, b and c" */
static void
append_list (GString *s, GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (s, i + 1 == items->len ? _(" and ") : ", ");
      g_string_append (s, g_ptr_array_index (items, i));
    }
}

char *
bz_label_recommendation (guint seals, guint legends, double score)
{
  GString *s = g_string_new (NULL);
  g_autoptr(GPtrArray) excess = g_ptr_array_new ();
  g_autoptr(GPtrArray) instead = g_ptr_array_new ();

  if (seals & BZ_NOM051_SEAL_CALORIES)
    g_ptr_array_add (excess, _("calories"));
  if (seals & BZ_NOM051_SEAL_SUGARS)
    {
      g_ptr_array_add (excess, _("sugars"));
      g_ptr_array_add (instead, _("without added sugar"));
    }
  if (seals & BZ_NOM051_SEAL_SATURATED_FAT)
    g_ptr_array_add (excess, _("saturated fat"));
  if (seals & BZ_NOM051_SEAL_TRANS_FAT)
    g_ptr_array_add (excess, _("trans fat"));
  if (seals & (BZ_NOM051_SEAL_SATURATED_FAT | BZ_NOM051_SEAL_TRANS_FAT))
    g_ptr_array_add (instead, _("with less fat"));
  if (seals & BZ_NOM051_SEAL_SODIUM)
    {
      g_ptr_array_add (excess, _("sodium"));
      g_ptr_array_add (instead, _("low in sodium"));
    }
  if (seals & BZ_NOM051_SEAL_CALORIES && instead->len == 0)
    g_ptr_array_add (instead, _("with fewer calories, or a smaller portion"));

  if (score >= 8)
    g_string_append (s, _("Good choice."));
  else if (score >= 5)
    g_string_append (s, _("Moderate."));
  else
    g_string_append (s, _("For now and then."));
  if (excess->len == 0)
    {
      g_string_append_c (s, ' ');
      g_string_append (s, _("It carries no NOM-051 warning seal."));
    }
  else
    {
      g_string_append_c (s, ' ');
      g_string_append (s, _("It contains excess"));
      g_string_append_c (s, ' ');
      append_list (s, excess);
      g_string_append (s, ". ");
      g_string_append (s, _("Consider options"));
      g_string_append_c (s, ' ');
      append_list (s, instead);
      g_string_append_c (s, '.');
    }
  if (legends & BZ_NOM051_LEGEND_SWEETENERS)
    {
      g_string_append_c (s, ' ');
      g_string_append (s, _("It has sweeteners: not recommended for children."));
    }
  if (legends & BZ_NOM051_LEGEND_CAFFEINE)
    {
      g_string_append_c (s, ' ');
      g_string_append (s, _("It has caffeine: avoid it for children."));
    }
  return g_string_free (s, FALSE);
}
