/* bz-household.h — Mexican household measures ("medidas caseras"): a food's
 * grams told as the taza, pieza, cucharada or tortilla a Mexican patient
 * counts in (issue 11, seed 002 §4.7 "quantity": "3 piezas").
 *
 * The measures and the volumes of the volume measures are those of the
 * Sistema Mexicano de Alimentos Equivalentes: Pérez Lizaur AB, Palacios
 * González B, Castro Becerra AL, Flores Galicia I. "Sistema Mexicano de
 * Alimentos Equivalentes", 4th ed. México: Fomento de Nutrición y Salud,
 * A.C.; 2014, whose portion of each food is given as a household measure
 * (taza, pieza, rebanada, cucharada, cucharadita; a tortilla is its own
 * measure) with 1 taza = 240 ml, 1 cucharada = 15 ml, 1 cucharadita = 5 ml,
 * and written with the fractions ¼, ½ and ¾.
 *
 * What one measure of a given food weighs comes from USDA SR28's household
 * weights (WEIGHT.txt: Amount, Msre_Desc, Gm_Wgt), as the food database
 * keeps them (bz_food_portion_resource): a count measure (pieza, rebanada,
 * tortilla) by the SR28 measure of the same kind; a volume measure by the
 * food's density from an SR28 US volume measure (cup 236.59 ml, tbsp
 * 14.79 ml, tsp 4.93 ml, fl oz 29.57 ml: 21 CFR 101.9(b)(5)(viii)) times the
 * SMAE volume.
 */
#pragma once

#include "bz-vocab.h"

G_BEGIN_DECLS

/**
 * BzHouseholdMeasure:
 * The measures, in the order they are preferred for a food that has
 * several: the count measures a food is eaten by first (a tortilla is
 * counted in tortillas, an egg in piezas), then the volumes from the
 * largest down.  The values index bz_vocab_household_measure's terms
 * (bz-vocab.h: ids, labels and aliases).
 */
typedef enum
{
  BZ_HOUSEHOLD_TORTILLA,
  BZ_HOUSEHOLD_PIEZA,
  BZ_HOUSEHOLD_REBANADA,
  BZ_HOUSEHOLD_TAZA,
  BZ_HOUSEHOLD_CUCHARADA,
  BZ_HOUSEHOLD_CUCHARADITA,
  BZ_HOUSEHOLD_N_MEASURES
} BzHouseholdMeasure;

/** BZ_HOUSEHOLD_MAX_QUANTITY: at most 10 of a measure: more is told in a
 * larger measure (10 cucharadas rather than ⅝ taza is already the limit of
 * what a patient counts). */
#define BZ_HOUSEHOLD_MAX_QUANTITY 10.0

/** BZ_HOUSEHOLD_MAX_ROUNDING: a measure is first chosen only when rounding
 * to a quarter moves the quantity by at most 15 % (60 g of salsa is 0.21
 * taza: "¼ taza" would say 73 g; "3 ¼ cucharadas" says 59 g).  From one
 * measure up, rounding to a quarter moves a quantity by at most 12.5 %, so
 * 15 % refuses only coarse fractions of a measure too large for the portion. */
#define BZ_HOUSEHOLD_MAX_ROUNDING 0.15

/**
 * BzSr28Weight:
 * @description: SR28 Msre_Desc ("cup", "tortilla", "medium", "slice, thin")
 * @amount: SR28 Amount (how many of the measure, > 0)
 * @grams: SR28 Gm_Wgt (g of that many)
 *
 * One household weight of a food in USDA SR28.
 */
typedef struct
{
  const char *description;
  double amount;
  double grams;
} BzSr28Weight;

/**
 * BzHouseholdPortion:
 * @measure: the measure
 * @quantity: how many, rounded to the nearest quarter (≥ 0.25, at most
 *   %BZ_HOUSEHOLD_MAX_QUANTITY)
 * @unit_grams: what one measure of the food weighs (g)
 * @from_volume: %TRUE when @unit_grams is the food's SR28 density times the
 *   SMAE volume of the measure; %FALSE when it is an SR28 weight of the
 *   same measure
 */
typedef struct
{
  BzHouseholdMeasure measure;
  double quantity;
  double unit_grams;
  gboolean from_volume;
} BzHouseholdPortion;

/**
 * bz_household_ml:
 * Returns: the SMAE volume of @measure in ml (240, 15, 5), 0 for a count
 *   measure.
 */
double   bz_household_ml (BzHouseholdMeasure measure);

/**
 * bz_household_portion:
 * @weights: (array length=n_weights): the food's SR28 household weights, in
 *   SR28 order (Seq)
 * @grams: the portion (g, > 0)
 * @out: (out caller-allocates): the household portion
 *
 * Tells @grams of a food in the first measure of #BzHouseholdMeasure's
 * order the food has a weight for whose quantity, rounded to a quarter, is
 * between ¼ and %BZ_HOUSEHOLD_MAX_QUANTITY and within
 * %BZ_HOUSEHOLD_MAX_ROUNDING of the exact quantity; when no measure is
 * that close, the first one within the range.  The SR28 measures of each kind
 * (the first word of Msre_Desc): tortilla: "tortilla"; pieza: "medium"
 * first, then the names of pieces ("egg", "breast", "fillet", "roll",
 * "taco", "tamale", ...), then "piece", "each", "fruit", "whole", "unit",
 * "item", then "large", "small"; rebanada: "slice"; volumes: "cup", "tbsp",
 * "tablespoon", "tsp", "teaspoon", "fl oz" (the first one gives the
 * density).  Weights in ounces, pounds, packages or servings are not
 * household measures and are ignored.
 *
 * Returns: %TRUE with @out set; %FALSE when the food has no such weight or
 *   @grams fits none of them.
 */
gboolean bz_household_portion (const BzSr28Weight *weights, guint n_weights, double grams, BzHouseholdPortion *out);

/**
 * bz_household_format:
 * @portion: a household portion
 *
 * Writes the portion as the SMAE does, in Spanish: the whole part, then
 * the fraction ¼, ½ or ¾, then the measure, plural above one: "¾ taza",
 * "1 pieza", "1 ½ tazas", "3 tortillas".
 *
 * Returns: (transfer full): the text.
 */
char    *bz_household_format (const BzHouseholdPortion *portion);

G_END_DECLS
