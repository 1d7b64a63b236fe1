/* bz-diet-sides.c — the diet planner's side foods (see bz-diet-sides.h). */
#include "bz-diet-sides.h"
#include "bz-diet-planner-private.h"

#include <math.h>
#include <string.h>

#include "bz-recipe-derive.h"

#define B BZ_DIET_MEAL_BREAKFAST
#define S BZ_DIET_MEAL_SNACK
#define L BZ_DIET_MEAL_LUNCH
#define D BZ_DIET_MEAL_DINNER

/* Units' grams: SR28 WEIGHT.txt of the same NDB number (a cup of 1 % cottage
 * cheese is 226 g, a medium apple 182 g, ...). */
static const BzDietSideSpec specs[] = {
  /* Alimentos de origen animal, muy bajo aporte de grasa (7 g protein) */
  { "05064", BZ_SMAE_ANIMAL_VERY_LOW_FAT, "Pechuga de pollo asada", B | L | D, "taza, picada", "tazas, picada", 140 },
  { "15121", BZ_SMAE_ANIMAL_VERY_LOW_FAT, "Atún en agua, escurrido", B | L | D, "lata", "latas", 165 },
  { "15262", BZ_SMAE_ANIMAL_VERY_LOW_FAT, "Filete de tilapia asado", L | D, "filete", "filetes", 87 },
  { "01124", BZ_SMAE_ANIMAL_VERY_LOW_FAT, "Clara de huevo", B | S | L | D, "pieza", "piezas", 33 },
  { "01016", BZ_SMAE_ANIMAL_VERY_LOW_FAT, "Queso cottage bajo en grasa", B | S | L | D, "taza", "tazas", 226 },
  /* Leche descremada (12 g carbohydrate) */
  { "01085", BZ_SMAE_MILK_SKIM, "Leche descremada", B | S | D, "taza", "tazas", 245 },
  { "01118", BZ_SMAE_MILK_SKIM, "Yogur natural descremado", B | S | D, "taza", "tazas", 245 },
  { "16139", BZ_SMAE_MILK_SKIM, "Bebida de soya", B | S | D, "taza", "tazas", 243 },
  /* Leguminosas (8 g protein) */
  { "16015", BZ_SMAE_LEGUMES, "Frijoles negros cocidos", B | L | D, "taza", "tazas", 172 },
  { "16070", BZ_SMAE_LEGUMES, "Lentejas cocidas", L | D, "taza", "tazas", 198 },
  { "16057", BZ_SMAE_LEGUMES, "Garbanzos cocidos", L | D | S, "taza", "tazas", 164 },
  { "16126", BZ_SMAE_LEGUMES, "Tofu firme", B | L | D, "taza", "tazas", 252 },
  /* Cereales y tubérculos sin grasa (15 g carbohydrate) */
  { "18363", BZ_SMAE_CEREALS_NO_FAT, "Tortilla de maíz", B | L | D, "pieza", "piezas", 24 },
  { "20045", BZ_SMAE_CEREALS_NO_FAT, "Arroz blanco cocido", L | D, "taza", "tazas", 158 },
  { "08121", BZ_SMAE_CEREALS_NO_FAT, "Avena cocida con agua", B | S, "taza", "tazas", 234 },
  /* Frutas (15 g carbohydrate) */
  { "09003", BZ_SMAE_FRUITS, "Manzana con cáscara", B | S | L | D, "pieza mediana", "piezas medianas", 182 },
  { "09040", BZ_SMAE_FRUITS, "Plátano", B | S | L | D, "pieza mediana", "piezas medianas", 118 },
  { "09226", BZ_SMAE_FRUITS, "Papaya picada", B | S | L | D, "taza", "tazas", 145 },
  { "09200", BZ_SMAE_FRUITS, "Naranja", B | S | L | D, "pieza", "piezas", 131 },
  /* Verduras (4 g carbohydrate) */
  { "11964", BZ_SMAE_VEGETABLES, "Nopales cocidos", B | L | D, "taza", "tazas", 149 },
  { "11091", BZ_SMAE_VEGETABLES, "Brócoli cocido", L | D, "taza", "tazas", 156 },
  { "11477", BZ_SMAE_VEGETABLES, "Calabacita", L | D, "taza, picada", "tazas, picada", 124 },
  { "11124", BZ_SMAE_VEGETABLES, "Zanahoria", S | L | D, "pieza mediana", "piezas medianas", 61 },
  /* Aceites y grasas sin proteína (5 g lipids) */
  { "09037", BZ_SMAE_FATS_NO_PROTEIN, "Aguacate", B | S | L | D, "taza, en cubos", "tazas, en cubos", 150 },
  { "04053", BZ_SMAE_FATS_NO_PROTEIN, "Aceite de oliva", B | L | D, "cucharadita", "cucharaditas", 4.5 },
};

#undef B
#undef S
#undef L
#undef D

const BzDietSideSpec *
bz_diet_side_specs (guint *n)
{
  *n = G_N_ELEMENTS (specs);
  return specs;
}

gboolean
bz_diet_side_init (BzDietSide *out, const BzDietSideSpec *spec, const char *sr28_group, const char *long_desc,
                   const BzNutrients *per_100g)
{
  double per_100g_eq;

  g_return_val_if_fail (out != NULL && spec != NULL && sr28_group != NULL && per_100g != NULL, FALSE);
  memset (out, 0, sizeof *out);
  per_100g_eq = bz_smae_equivalents (spec->group, per_100g);
  if (!(per_100g_eq > 0) || !(per_100g->energy_kcal > 0))
    return FALSE;
  out->id = spec->ndb_no;
  out->name = spec->name;
  out->description = long_desc;
  out->group = spec->group;
  out->grams = 100.0 / per_100g_eq;
  bz_nutrients_add (&out->per_equivalent, per_100g, out->grams / 100.0);
  out->meal_types = spec->meal_types;
  out->allergens = bz_food_allergens (sr28_group, long_desc);
  out->traits = bz_food_traits (spec->ndb_no, sr28_group, long_desc);
  out->unit = spec->unit;
  out->units = spec->units;
  out->unit_grams = spec->unit_grams;
  return TRUE;
}

gboolean
bz_diet_side_allowed (const BzDietSide *side, const BzDietRequest *request)
{
  static const char *const vegan[] = { "vegan", "vegetarian", NULL };
  static const char *const vegetarian[] = { "vegetarian", NULL };
  const char *names[] = { side->name, side->description, NULL };
  BzDietRecipe r = { 0 };

  g_return_val_if_fail (side != NULL && request != NULL, FALSE);
  /* The tags recipes get from the same traits (bz_recipe_derive_tags()). */
  if (!(side->traits & BZ_FOOD_MEAT_FISH))
    r.tags = side->traits & (BZ_FOOD_DAIRY_EGG | BZ_FOOD_HONEY) ? vegetarian : vegan;
  r.id = side->id;
  r.per_serving = side->per_equivalent;
  r.meal_types = side->meal_types;
  r.allergens = side->allergens;
  r.ingredients = names;
  return bz_diet_recipe_allowed (&r, request);
}

char *
bz_diet_side_household (const BzDietSide *side, guint equivalents)
{
  static const char *const quarters[] = { "", "1/4", "1/2", "3/4" };
  double units = side->unit_grams > 0 ? equivalents * side->grams / side->unit_grams : 0;
  long q = lround (units * 4);

  if (q < 1)
    q = 1;   /* less than an eighth of a unit: still "1/4" */
  if (q < 4)
    return g_strdup_printf ("%s de %s", quarters[q], side->unit);
  if (q % 4 == 0)
    return g_strdup_printf ("%ld %s", q / 4, q == 4 ? side->unit : side->units);
  return g_strdup_printf ("%ld %s %s", q / 4, quarters[q % 4], side->units);
}

/* --- What the planner shares (bz-diet-planner-private.h) ------------------------ */

gboolean *
bz_diet_sides_allowed (const BzDietRequest *req)
{
  gboolean *ok = g_new0 (gboolean, req->n_sides + 1);

  for (guint i = 0; i < req->n_sides; i++)
    ok[i] = bz_diet_side_allowed (&req->sides[i], req);
  return ok;
}

guint
bz_diet_slot_sides (const BzDietRequest *req, const gboolean *side_ok, guint d, guint s,
                    guint out[BZ_DIET_SLOT_MAX_SIDES])
{
  const BzDietSlotSpec *slots = bz_diet_planner_slots (req->meals_per_day);
  guint n = 0;

  for (int g = 0; g < BZ_SMAE_N_GROUPS && n < BZ_DIET_SLOT_MAX_SIDES; g++)
    {
      guint fit[64], n_fit = 0;
      for (guint i = 0; i < req->n_sides && n_fit < G_N_ELEMENTS (fit); i++)
        if (side_ok[i] && (int) req->sides[i].group == g && (req->sides[i].meal_types & slots[s].meal_type))
          fit[n_fit++] = i;
      /* A different food of the group each day and meal, from the seed on. */
      if (n_fit > 0)
        out[n++] = fit[(req->seed + d + 3 * s) % n_fit];
    }
  return n;
}

void
bz_diet_day_sum (const BzDietRecipe *recipes, const BzDietRequest *req, const BzDietPlan *plan, guint d,
                 BzNutrients *out)
{
  memset (out, 0, sizeof *out);
  for (guint s = 0; s < plan->meals_per_day; s++)
    {
      const BzDietSlot *slot = &plan->slots[d * plan->meals_per_day + s];
      for (guint i = 0; i < slot->n_portions; i++)
        bz_nutrients_add (out, &recipes[slot->portions[i].recipe].per_serving, slot->portions[i].servings);
      for (guint i = 0; i < slot->n_sides; i++)
        bz_nutrients_add (out, &req->sides[slot->sides[i].side].per_equivalent, slot->sides[i].equivalents);
    }
}
