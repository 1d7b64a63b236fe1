/* bz-label.h — judging a packaged food's nutrition label (issue 7; seed 002
 * §4.7 POST /api/v1/ai/scan-label, LabelScannerService lines 3925-4100):
 * the label's values brought to 100 g or 100 ml, what its ingredient list
 * says was added, the NOM-051 seals and legends (bz-nom051.h), the seed's
 * 0-10 health score and a recommendation in words.
 *
 * The seals are those of the norm (bz-nom051.h, which documents where the
 * seed's simplified per-100 g check differs).  Two things the seed does not
 * do are done here:
 *   - values declared per serving are divided by the serving's grams (or
 *     ml) and multiplied by 100 before any threshold is applied, since the
 *     norm's profiles are per 100 g or 100 ml (the seed applies its
 *     per-100 g thresholds to per-serving values);
 *   - what was added is read from the ingredient list when there is one
 *     (bz_label_scan_ingredients()); without one, every critical nutrient
 *     the label declares above zero is taken as added, so that no seal is
 *     missed (the seed judges every nutrient whatever was added).
 * Free sugars are the label's "azúcares añadidos" when declared (labels
 * have declared them since the 2020 modification), else its total sugars,
 * which can only overstate them.
 */
#pragma once

#include "bz-nom051.h"

G_BEGIN_DECLS

/**
 * BzLabelPanel:
 * @energy_kcal: kcal
 * @protein_g: g
 * @carbohydrate_g: g
 * @sugars_g: total sugars, g
 * @added_sugars_g: added sugars, g; negative when the label does not say
 * @fat_g: total fat, g
 * @saturated_fat_g: g
 * @trans_fat_g: g
 * @fiber_g: dietary fiber, g
 * @sodium_mg: mg
 *
 * The nutrition a label declares, per serving or per 100 g / 100 ml.
 */
typedef struct
{
  double energy_kcal;
  double protein_g;
  double carbohydrate_g;
  double sugars_g;
  double added_sugars_g;
  double fat_g;
  double saturated_fat_g;
  double trans_fat_g;
  double fiber_g;
  double sodium_mg;
} BzLabelPanel;

/**
 * BzLabelAdded:
 * What the ingredient list shows, as bz_label_scan_ingredients() reads it.
 */
typedef enum
{
  BZ_LABEL_ADDED_SUGARS     = 1 << 0,
  BZ_LABEL_ADDED_FATS       = 1 << 1,
  BZ_LABEL_ADDED_SODIUM     = 1 << 2,
  BZ_LABEL_HAS_SWEETENERS   = 1 << 3,
  BZ_LABEL_HAS_CAFFEINE     = 1 << 4,
} BzLabelAdded;

/**
 * bz_label_scale:
 * @in: a panel
 * @factor: what to multiply every amount by (100 / serving size in g or ml)
 * @out: (out caller-allocates): @in × @factor (an undeclared added-sugar
 *   value stays undeclared)
 */
void        bz_label_scale              (const BzLabelPanel *in, double factor, BzLabelPanel *out);

/**
 * bz_label_scan_ingredients:
 * @text: (nullable): the label's ingredient list, in Spanish (or English)
 *
 * Looks, accents and case aside, for the ingredients that make a product
 * subject to the seals and legends (NOM-051 inciso 4.5.3; the legends):
 * added sugars (azúcar, jarabe, miel, glucosa, fructosa, sacarosa, dextrosa,
 * maltosa, piloncillo, concentrado de jugo, ...; not "color caramelo", a
 * colour), added fats (aceite, grasa,
 * manteca, mantequilla, crema, margarina, ...), added sodium (sal, sodio,
 * glutamato monosódico, bicarbonato de sodio, ...), sweeteners (sucralosa,
 * aspartame, acesulfame, sacarina, estevia/glucósidos de esteviol, ciclamato,
 * sorbitol, xilitol, eritritol, ...) and caffeine (cafeína, café, guaraná).
 * A keyword list, not a parser: "sin azúcar" is still read as azúcar, which
 * errs toward evaluating a profile, never toward missing one.
 *
 * Returns: a bitmask of #BzLabelAdded; 0 for %NULL or empty text.
 */
guint       bz_label_scan_ingredients   (const char *text);

/**
 * bz_label_added_from_panel:
 * @per_100: the panel per 100 g or 100 ml
 *
 * What to take as added when the label has no ingredient list: sugars when
 * it declares added sugars above 0 (or, when it does not declare them, any
 * sugars), fats when it declares fat above 0, sodium when it declares
 * sodium above 0.  The strictest reading, as the seed judges every nutrient.
 *
 * Returns: a bitmask of #BzLabelAdded (never the legends' bits).
 */
guint       bz_label_added_from_panel   (const BzLabelPanel *per_100);

/**
 * bz_label_added_from_ingredient:
 * @ndb_no: an ingredient's SR28 NDB number
 * @sr28_group: its FdGrp_Cd
 * @long_desc: its Long_Desc
 *
 * What one SR28 ingredient of a recipe adds, in the sense of NOM-051
 * inciso 4.5.3: sugars for the sugars, honey and syrups of the catalogue
 * checker (bz_food_traits(), %BZ_FOOD_ADDED_SUGAR), fats for a food of
 * group 0400 (fats and oils, butter aside: it is dairy, 0100, and counted
 * when its description says butter), sodium for salt ("Salt, table") and
 * bouillon.
 *
 * Returns: a bitmask of #BzLabelAdded.
 */
guint       bz_label_added_from_ingredient (const char *ndb_no, const char *sr28_group, const char *long_desc);

/**
 * bz_label_nom051_input:
 * @per_100: the panel per 100 g (solids) or 100 ml (@is_liquid)
 * @is_liquid: the product is a drink or other liquid
 * @added: a bitmask of #BzLabelAdded
 * @out: (out caller-allocates): the input of bz_nom051_seals() and
 *   bz_nom051_legends(): free sugars are the added sugars when declared,
 *   else the total sugars
 */
void        bz_label_nom051_input       (const BzLabelPanel *per_100, gboolean is_liquid, guint added,
                                         BzNom051Input *out);

/**
 * bz_label_recommendation:
 * @seals: a bitmask of #BzNom051Seal
 * @legends: a bitmask of #BzNom051Legend
 * @health_score: bz_nom051_health_score() of the product, 0-10
 *
 * The seed's "recommendation" (lines 4062-4078 ask a language model for
 * two or three sentences; these are fixed sentences): the verdict by score
 * (≥ 8 a good choice, ≥ 5 moderate, below that for now and then), what is
 * in excess by seal, what to look for instead, and the legends' advice for
 * children.  Translated (_()): Spanish under the es locale, e.g.
 * "Moderado. Contiene exceso de azúcares y sodio. Considera opciones sin
 * azúcar añadida y bajas en sodio."
 *
 * Returns: (transfer full): the recommendation.
 */
char       *bz_label_recommendation     (guint seals, guint legends, double health_score);

/**
 * bz_label_count_seals:
 * @seals: a bitmask of #BzNom051Seal
 * Returns: how many seals it holds.
 */
guint       bz_label_count_seals        (guint seals);

/**
 * bz_label_seals_to_strv:
 * @seals: a bitmask of #BzNom051Seal
 * Returns: (transfer full): the regulated texts, in the order a label shows them.
 */
GStrv       bz_label_seals_to_strv      (guint seals);

/**
 * bz_label_legends_to_strv:
 * @legends: a bitmask of #BzNom051Legend
 * Returns: (transfer full): the regulated texts.
 */
GStrv       bz_label_legends_to_strv    (guint legends);

G_END_DECLS
