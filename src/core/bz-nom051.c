/* bz-nom051.c — NOM-051 warning seals (see bz-nom051.h for the sources and
 * for how far each number was verified). */
#include "bz-nom051.h"

/* Energy factors for the share-of-energy profiles (general Atwater factors;
 * that the norm uses the same ones was not verified in its text). */
#define KCAL_PER_G_SUGAR 4.0
#define KCAL_PER_G_FAT   9.0

/* Tabla 6 (phases 2 and 3) and the first-phase table of the transitorios,
 * as reproduced by [T] and [U]; per 100 g or 100 ml. */
#define CALORIES_SOLID_KCAL            275.0 /* Tabla 6; the same in phase 1 */
#define CALORIES_LIQUID_KCAL            70.0 /* Tabla 6; the same in phase 1 */
#define CALORIES_LIQUID_SUGAR_KCAL       8.0 /* Tabla 6: "≥ 8 kcal de azúcares libres" */
#define CALORIES_LIQUID_SUGAR_KCAL_PH1  10.0 /* phase 1: "≥ 10 kcal de azúcares libres" */
#define SUGARS_PERCENT_ENERGY           10.0 /* Tabla 6; the same in phase 1 */
#define SUGARS_DRINK_EXEMPT_KCAL_PH1    10.0 /* phase 1: drinks with < 10 kcal of free sugars exempt */
#define SATURATED_PERCENT_ENERGY        10.0 /* Tabla 6; the same in phase 1 */
#define TRANS_PERCENT_ENERGY             1.0 /* Tabla 6; the same in phase 1 */
#define SODIUM_MG_PER_KCAL               1.0 /* Tabla 6; not in phase 1 */
#define SODIUM_MG                      300.0 /* Tabla 6 */
#define SODIUM_MG_PH1                  350.0 /* phase 1 */
#define SODIUM_DRINK_NO_ENERGY_MG       45.0 /* Tabla 6 and phase 1: "bebidas sin calorías" */

/* The regulated texts (Tabla 6, "Leyenda a usar"; the legends' wording as
 * given in the issue, words confirmed by every source consulted). */
static const char *const seal_texts[] = {
  "EXCESO CALORÍAS",
  "EXCESO AZÚCARES",
  "EXCESO GRASAS SATURADAS",
  "EXCESO GRASAS TRANS",
  "EXCESO SODIO",
};

static const char *const legend_texts[] = {
  "CONTIENE EDULCORANTES - NO RECOMENDABLE EN NIÑOS",
  "CONTIENE CAFEÍNA - EVITAR EN NIÑOS",
};

BzNom051Phase
bz_nom051_phase_for_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), BZ_NOM051_PHASE_NONE);

  guint key = g_date_get_year (date) * 10000u + g_date_get_month (date) * 100u + g_date_get_day (date);

  if (key >= 20280101u) /* phase 3: 1 Jan. 2028 (DOF Acuerdo of 31 Jul. 2025) */
    return BZ_NOM051_PHASE_3;
  if (key >= 20231001u) /* phase 2: 1 Oct. 2023 – 31 Dec. 2027 */
    return BZ_NOM051_PHASE_2;
  if (key >= 20201001u) /* phase 1: 1 Oct. 2020 – 30 Sep. 2023 */
    return BZ_NOM051_PHASE_1;
  return BZ_NOM051_PHASE_NONE;
}

/* @part_kcal is at least @percent % of @total_kcal; compared without dividing
 * so that values exactly at a threshold land on it. */
static gboolean
share_at_least (double part_kcal, double total_kcal, double percent)
{
  return total_kcal > 0 && part_kcal * 100.0 >= percent * total_kcal;
}

guint
bz_nom051_seals (const BzNom051Input *in, BzNom051Phase phase)
{
  g_return_val_if_fail (in != NULL, 0);
  g_return_val_if_fail (phase >= BZ_NOM051_PHASE_1 && phase <= BZ_NOM051_PHASE_3, 0);

  /* Inciso 4.5.3: no seals unless sugars, fats or sodium were added. */
  if (!in->added_sugars && !in->added_fats && !in->added_sodium)
    return 0;

  /* Scope: phases 1 and 2 evaluate only what was added (transitorios:
   * sugars → calories and sugars; fats → calories, saturated and trans fats;
   * sodium → sodium).  Phase 3 applies 4.5.3 in full: everything. */
  gboolean all = phase == BZ_NOM051_PHASE_3;
  gboolean eval_calories = all || in->added_sugars || in->added_fats;
  gboolean eval_sugars = all || in->added_sugars;
  gboolean eval_fats = all || in->added_fats;
  gboolean eval_sodium = all || in->added_sodium;

  double kcal = MAX (in->energy_kcal, 0);
  double sugar_kcal = MAX (in->free_sugars_g, 0) * KCAL_PER_G_SUGAR;
  double saturated_kcal = MAX (in->saturated_fat_g, 0) * KCAL_PER_G_FAT;
  double trans_kcal = MAX (in->trans_fat_g, 0) * KCAL_PER_G_FAT;
  double sodium = MAX (in->sodium_mg, 0);
  gboolean ph1 = phase == BZ_NOM051_PHASE_1;
  guint seals = 0;

  if (eval_calories)
    {
      if (in->is_liquid)
        {
          double sugar_limit = ph1 ? CALORIES_LIQUID_SUGAR_KCAL_PH1 : CALORIES_LIQUID_SUGAR_KCAL;
          if (kcal >= CALORIES_LIQUID_KCAL || sugar_kcal >= sugar_limit)
            seals |= BZ_NOM051_SEAL_CALORIES;
        }
      else if (kcal >= CALORIES_SOLID_KCAL)
        seals |= BZ_NOM051_SEAL_CALORIES;
    }

  if (eval_sugars && share_at_least (sugar_kcal, kcal, SUGARS_PERCENT_ENERGY)
      && !(ph1 && in->is_liquid && sugar_kcal < SUGARS_DRINK_EXEMPT_KCAL_PH1))
    seals |= BZ_NOM051_SEAL_SUGARS;

  if (eval_fats && share_at_least (saturated_kcal, kcal, SATURATED_PERCENT_ENERGY))
    seals |= BZ_NOM051_SEAL_SATURATED_FAT;

  if (eval_fats && share_at_least (trans_kcal, kcal, TRANS_PERCENT_ENERGY))
    seals |= BZ_NOM051_SEAL_TRANS_FAT;

  if (eval_sodium)
    {
      gboolean excess;

      if (in->is_liquid && kcal <= 0) /* "bebidas sin calorías": declared 0 kcal */
        excess = sodium >= SODIUM_DRINK_NO_ENERGY_MG;
      else if (ph1)
        excess = sodium >= SODIUM_MG_PH1;
      else
        excess = sodium >= SODIUM_MG || (kcal > 0 && sodium >= SODIUM_MG_PER_KCAL * kcal);
      if (excess)
        seals |= BZ_NOM051_SEAL_SODIUM;
    }

  return seals;
}

guint
bz_nom051_legends (const BzNom051Input *in)
{
  g_return_val_if_fail (in != NULL, 0);

  return (in->has_sweeteners ? BZ_NOM051_LEGEND_SWEETENERS : 0)
       | (in->has_caffeine ? BZ_NOM051_LEGEND_CAFFEINE : 0);
}

/* The index of the single bit set in @bit, or -1. */
static int
single_bit (guint bit, guint n_bits)
{
  for (guint i = 0; i < n_bits; i++)
    if (bit == 1u << i)
      return (int) i;
  return -1;
}

const char *
bz_nom051_seal_text (BzNom051Seal seal)
{
  int i = single_bit (seal, G_N_ELEMENTS (seal_texts));

  g_return_val_if_fail (i >= 0, NULL);
  return seal_texts[i];
}

const char *
bz_nom051_legend_text (BzNom051Legend legend)
{
  int i = single_bit (legend, G_N_ELEMENTS (legend_texts));

  g_return_val_if_fail (i >= 0, NULL);
  return legend_texts[i];
}

double
bz_nom051_health_score (guint seals, double fiber_g, double protein_g)
{
  double score = 10.0;

  /* Seed 002, _calculate_health_score(): −2 per warning, +1 for fiber ≥ 3 g,
   * +1 for protein ≥ 5 g, clamped to 0-10. */
  for (guint i = 0; i < G_N_ELEMENTS (seal_texts); i++)
    if (seals & (1u << i))
      score -= 2;
  if (fiber_g >= 3)
    score += 1;
  if (protein_g >= 5)
    score += 1;
  return CLAMP (score, 0.0, 10.0);
}
