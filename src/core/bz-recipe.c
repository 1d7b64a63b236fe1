/* bz-recipe.c — the recipe domain (see bz-recipe.h). */
#include "bz-recipe.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define ALIASES(...) ((const char *const[]) { __VA_ARGS__, NULL })

/* Seed 002 §3.3 recipes.meal_type ('postre' and 'bebida' are not served:
 * the catalogue files its drinks and desserts under colación). */
static const BzTerm recipe_meal_types[] = {
  { "desayuno", N_("Breakfast"), ALIASES ("breakfast") },
  { "colacion", N_("Snack"), ALIASES ("snack", "refrigerio", "merienda", "tentempie") },
  { "comida", N_("Lunch"), ALIASES ("lunch", "almuerzo") },
  { "cena", N_("Dinner"), ALIASES ("dinner") },
};

const BzVocab bz_vocab_recipe_meal_type = { "meal_type", recipe_meal_types, G_N_ELEMENTS (recipe_meal_types) };

/* Seed 002 §3.3 recipes.difficulty. */
static const BzTerm recipe_difficulties[] = {
  { "facil", N_("Easy"), ALIASES ("easy", "sencilla", "sencillo") },
  { "media", N_("Medium"), ALIASES ("medium", "medio", "intermedia", "intermedio") },
  { "dificil", N_("Hard"), ALIASES ("hard", "difficult", "avanzada", "avanzado") },
};

const BzVocab bz_vocab_recipe_difficulty = { "difficulty", recipe_difficulties, G_N_ELEMENTS (recipe_difficulties) };

/* The tags data/recipes/check-recipes.py verifies (data/recipes/SOURCE.md);
 * the aliases are its Spanish labels, folded (no accents, lower case). */
static const BzTerm dietary_tags[] = {
  { "vegetarian", N_("Vegetarian"), ALIASES ("vegetariano", "vegetariana") },
  { "vegan", N_("Vegan"), ALIASES ("vegano", "vegana") },
  { "gluten_free", N_("Gluten free"), ALIASES ("sin gluten", "sin_gluten", "gluten free") },
  { "no_added_sugar", N_("No added sugar"), ALIASES ("sin azucar anadida", "sin azucar", "sin_azucar_anadida") },
  { "high_protein", N_("High protein"), ALIASES ("alto en proteina", "alta en proteina", "alto_en_proteina") },
  { "high_fiber", N_("High fiber"), ALIASES ("alto en fibra", "alta en fibra", "alto_en_fibra") },
  { "low_fat", N_("Low fat"), ALIASES ("bajo en grasa", "baja en grasa", "bajo_en_grasa") },
  { "low_sodium", N_("Low sodium"), ALIASES ("bajo en sodio", "baja en sodio", "bajo_en_sodio") },
  { "quick", N_("Quick"), ALIASES ("rapido", "rapida") },
};

const BzVocab bz_vocab_dietary_tag = { "dietary_tags", dietary_tags, G_N_ELEMENTS (dietary_tags) };

/* Seed 002 §3.3 recipes.moderation_status. */
static const BzTerm moderation_statuses[] = {
  { "pending", N_("Pending review"), ALIASES ("pendiente", "en revision") },
  { "approved", N_("Approved"), ALIASES ("aprobada", "aprobado") },
  { "rejected", N_("Rejected"), ALIASES ("rechazada", "rechazado") },
};

const BzVocab bz_vocab_moderation_status = { "moderation_status", moderation_statuses, G_N_ELEMENTS (moderation_statuses) };

/* In the order of BzRecipeSort. */
static const BzTerm recipe_sorts[] = {
  { "relevance", N_("Best match"), ALIASES ("relevancia") },
  { "rating", N_("Best rated"), ALIASES ("calificacion", "rating_average") },
  { "created_at", N_("Newest"), ALIASES ("recientes", "fecha") },
  { "tried_count", N_("Most tried"), ALIASES ("probadas") },
  { "total_time", N_("Quickest"), ALIASES ("total_time_min", "tiempo", "tiempo_total") },
  { "calories", N_("Fewest calories"), ALIASES ("calorias", "kcal") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (recipe_sorts) == BZ_RECIPE_N_SORTS);

const BzVocab bz_vocab_recipe_sort = { "sort_by", recipe_sorts, G_N_ELEMENTS (recipe_sorts) };

int
bz_recipe_sort_from_id (const char *id)
{
  for (guint i = 0; id && i < G_N_ELEMENTS (recipe_sorts); i++)
    if (strcmp (recipe_sorts[i].id, id) == 0)
      return (int) i;
  return -1;
}

/* --- Nutrition and SMAE equivalents ------------------------------------------ */

void
bz_recipe_totals_add (BzRecipeTotals *totals, const char *sr28_group, const char *long_desc,
                      const BzNutrients *per_100g, double grams)
{
  BzNutrients portion = { 0 };
  BzSmaeGroup group;

  g_return_if_fail (totals != NULL && sr28_group != NULL && per_100g != NULL);

  bz_nutrients_add_scaled (&portion, per_100g, grams);
  bz_nutrients_add (&totals->total, &portion, 1.0);
  group = bz_smae_classify (sr28_group, long_desc, per_100g);
  if (group == BZ_SMAE_NONE)
    {
      double parts[BZ_SMAE_N_GROUPS];
      bz_smae_decompose (&portion, parts);
      for (guint g = 0; g < BZ_SMAE_N_GROUPS; g++)
        totals->smae[g] += parts[g];
    }
  else
    totals->smae[group] += bz_smae_equivalents (group, &portion);
}

void
bz_recipe_totals_per_serving (const BzRecipeTotals *totals, guint servings,
                              BzNutrients *out_nutrients, double out_smae[BZ_SMAE_N_GROUPS])
{
  g_return_if_fail (totals != NULL && servings >= 1);

  memset (out_nutrients, 0, sizeof *out_nutrients);
  bz_nutrients_add (out_nutrients, &totals->total, 1.0 / servings);
  for (guint g = 0; g < BZ_SMAE_N_GROUPS; g++)
    out_smae[g] = totals->smae[g] / servings;
}

/* --- Ids -------------------------------------------------------------------- */

/* The 16 bytes of a UUID's text (with dashes); FALSE when it is not one. */
static gboolean
uuid_bytes (const char *text, guint8 out[16])
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    {
      int hi, lo;
      if (*p == '-')
        continue;
      if (n == 16 || (hi = g_ascii_xdigit_value (p[0])) < 0 || (lo = g_ascii_xdigit_value (p[1])) < 0)
        return FALSE;
      out[n++] = (guint8) (hi << 4 | lo);
      p++;
    }
  return n == 16;
}

char *
bz_recipe_uuid (const char *name)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 ns[16], digest[20];
  gsize len = sizeof digest;
  gboolean ok;

  g_return_val_if_fail (name != NULL, NULL);
  ok = uuid_bytes (BZ_RECIPE_NAMESPACE, ns);
  g_assert (ok);
  /* RFC 4122 §4.3: SHA-1 of the name space's bytes, then the name's. */
  g_checksum_update (sha1, ns, sizeof ns);
  g_checksum_update (sha1, (const guchar *) name, strlen (name));
  g_checksum_get_digest (sha1, digest, &len);
  digest[6] = (digest[6] & 0x0f) | 0x50;   /* version 5 */
  digest[8] = (digest[8] & 0x3f) | 0x80;   /* variant RFC 4122 */
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}
