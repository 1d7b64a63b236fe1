/* bz-nom051.h — NOM-051 front-of-pack warning seals ("sellos de advertencia").
 *
 * Source: MODIFICACIÓN a la Norma Oficial Mexicana NOM-051-SCFI/SSA1-2010,
 * "Especificaciones generales de etiquetado para alimentos y bebidas no
 * alcohólicas preenvasados-Información comercial y sanitaria", Diario Oficial
 * de la Federación, 27 March 2020 (edición vespertina):
 * http://www.diariooficial.gob.mx/normasOficiales/8150/seeco11_C/seeco11_C.html
 * — its Tabla 6 (nutrient profiles, applied from the third phase), inciso
 * 4.5.3 (the seals apply to products with added sugars, fats or sodium), the
 * transitorios (criteria and scope of the first and second phases) and the
 * two precautionary legends.
 *
 * HOW FAR THIS WAS VERIFIED.  The DOF text itself could not be read past its
 * opening paragraphs with the tools available when this was written.  No
 * number below was read in it.  Every threshold comes from secondary
 * reproductions of the norm's tables, and they agree with each other:
 *   [T] TÜV Rheinland México, "Unidad de inspección acreditada NOM-051"
 *       (go.tuv.com/unidad-de-inspeccion-acreditada-nom-051): the table of the
 *       first phase and the table of the later phases;
 *   [U] USDA FAS summary of phase 2 as reported by The Daily Intake
 *       (dailyintakeblog.com, Nov. 2023), and El Universal (2020) for phase 1;
 *   [A] Arochi & Lindner, "NOM-051: Se amplía el plazo de cumplimiento de las
 *       fases" (11 Aug. 2025): the difference in scope between phases 2 and 3;
 *       GQ México (Apr. 2021): phase 1 too applies the profiles to the added
 *       critical nutrients only;
 *   [J] La Jornada, 31 Jul. 2025, reporting that day's DOF "Acuerdo por el
 *       que se amplía el plazo de la segunda fase y se actualiza el inicio de
 *       la tercera fase": phase 2 runs to 31 Dec. 2027, phase 3 (4.5.3 and
 *       Tabla 6 in full) from 1 Jan. 2028.  An earlier Acuerdo (May 2025) had
 *       moved the end of phase 2 from 30 Sep. to 31 Dec. 2025.
 * Nor were the deeper section numbers (4.5.3.x, 7.1.x) read.  Citations
 * below name only Tabla 6, inciso 4.5.3 and the transitorios, as [J] does.
 *
 * PHASES.  The 2020 text put the third phase at 1 Oct. 2025.  The 2025
 * Acuerdos moved it to 1 Jan. 2028 [J], so on 30 Nov. 2026 the SECOND phase is
 * in force (bz_nom051_phase_for_date()).  Phases 2 and 3 use the same numbers
 * (those of Tabla 6) [T][U][A].  They differ in scope only [A]:
 *   - phases 1 and 2 evaluate only what was added [A]: added sugars → calories
 *     and sugars; added fats → calories, saturated and trans fats; added
 *     sodium → sodium only;
 *   - phase 3 (4.5.3 in full) evaluates all five profiles as soon as any
 *     sugar, fat or sodium was added.
 * In every phase a product with no added sugars, fats or sodium (plain milk,
 * plain tortilla) carries no seal (4.5.3).  The category exemptions of the
 * norm (single-ingredient foods, oils, sugar, honey, salt, flours, foods for
 * infants…) are not modelled: the caller decides whether a product is subject
 * to the front-of-pack system at all.
 *
 * THE CRITERIA, per 100 g of solid or 100 ml of liquid, as declared (≥ in
 * every case).  Energy from free sugars is 4 kcal/g and from fats 9 kcal/g.
 * These are the general Atwater factors, assumed to be the norm's own: not
 * read in the norm.
 *   Calories     solids ≥ 275 kcal; liquids ≥ 70 kcal, or ≥ 8 kcal from free
 *                sugars (phase 1: ≥ 10 kcal)             Tabla 6 [T][U]
 *   Sugars       ≥ 10 % of the energy from free sugars; in phase 1, drinks
 *                with < 10 kcal of free sugars are exempt  Tabla 6 [T][U]
 *   Saturated    ≥ 10 % of the energy from saturated fat   Tabla 6 [T]
 *   Trans        ≥ 1 % of the energy from trans fat        Tabla 6 [T]
 *   Sodium       ≥ 1 mg per kcal or ≥ 300 mg (phase 1: ≥ 350 mg, no per-kcal
 *                rule); drinks without calories: ≥ 45 mg   Tabla 6 [T][U]
 *                ([T]'s later table shows only "≥ 1 mg de sodio por kcal";
 *                "or ≥ 300 mg" is from [U])
 * "Bebidas sin calorías" is read literally: a liquid whose declared energy
 * is 0 kcal.  The norm's rounding rules, which decide when a label may declare
 * 0 kcal, were not verified.  Pass declared (rounded) values, not analytical
 * ones.  An SR28 diet cola has 2 kcal/100 g, so the 1 mg/kcal rule applies to
 * it as it stands.  With no energy, the three share-of-energy profiles
 * (sugars, saturated, trans) are not evaluated.
 *
 * "Free sugars" (azúcares libres) are taken in the WHO sense: the sugars
 * added by the maker plus those of honey, syrups and fruit juices.  The
 * sugars that are part of milk or whole fruit are not free sugars.  The
 * norm's own definition was not read.  Some summaries of the phase-2 table say
 * "added sugars" instead [U].  This module uses free sugars in every phase.
 *
 * THE SEED (002, LabelScannerService, lines 3935-3942 and 4003-4034) uses
 * simplified thresholds.  Where they differ from the norm:
 *   - it checks absolute grams per 100 g: sugars ≥ 10 g, saturated fat ≥ 4 g,
 *     trans fat ≥ 0.5 g.  The norm uses shares of energy (10 %, 10 %, 1 %).
 *     So a 500 kcal biscuit with 4 g of saturated fat (7.2 %) gets the seal
 *     from the seed and not from the norm.  A 50 kcal yogurt with 1 g (18 %)
 *     gets it from the norm and not from the seed;
 *   - it always uses the per-100 g column ("Assume per 100g"), so a liquid
 *     is judged on 275 kcal instead of 70.  Its per-100 ml values (70 kcal,
 *     5 g sugars, 2 g saturated fat) are never used.  It lacks the liquids'
 *     "≥ 8 kcal of free sugars" rule;
 *   - sodium: it checks ≥ 300 mg only.  It lacks the 1 mg/kcal rule (a 40 kcal
 *     soup with 200 mg gets the seal from the norm) and the 45 mg rule for
 *     drinks without calories;
 *   - it uses total sugars.  The norm uses free sugars;
 *   - it ignores what was added (inciso 4.5.3 and the scope of each phase)
 *     and the precautionary legends;
 *   - it applies the per-100 g thresholds to "nutrition_per_serving".  The
 *     norm's profiles are per 100 g or 100 ml.  Its own example (a 30 g
 *     serving of cereal, lines 1900-1925) does not follow its code either;
 *   - its text of the first seal has a broken byte ("EXCESO CALOR" U+FFFD "AS");
 *     the seal is "EXCESO CALORÍAS".
 * The calories threshold (275 kcal/100 g) and the liquids' 70 kcal agree
 * with Tabla 6.  bz_nom051_health_score() keeps the seed's 0-10 score, but
 * counts the seals of the norm.
 *
 * The seal and legend texts are regulated Spanish text.  Labels must print
 * them as they are, so they are plain string constants and not translatable
 * (_()) strings.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BzNom051Phase:
 * @BZ_NOM051_PHASE_NONE: before 1 Oct. 2020, no front-of-pack system
 * @BZ_NOM051_PHASE_1: 1 Oct. 2020 – 30 Sep. 2023
 * @BZ_NOM051_PHASE_2: 1 Oct. 2023 – 31 Dec. 2027 (extended by the DOF
 *   Acuerdos of 2025; in force on 30 Nov. 2026)
 * @BZ_NOM051_PHASE_3: from 1 Jan. 2028 (1 Oct. 2025 in the 2020 text)
 *
 * The phases of the transitorios of the 2020 modification, with the dates
 * of the DOF Acuerdo of 31 Jul. 2025 [J].
 */
typedef enum
{
  BZ_NOM051_PHASE_NONE,
  BZ_NOM051_PHASE_1,
  BZ_NOM051_PHASE_2,
  BZ_NOM051_PHASE_3,
} BzNom051Phase;

/**
 * BzNom051Seal:
 * The five warning seals, one bit each, in the order in which a label
 * shows them.
 */
typedef enum
{
  BZ_NOM051_SEAL_CALORIES      = 1 << 0, /* EXCESO CALORÍAS */
  BZ_NOM051_SEAL_SUGARS        = 1 << 1, /* EXCESO AZÚCARES */
  BZ_NOM051_SEAL_SATURATED_FAT = 1 << 2, /* EXCESO GRASAS SATURADAS */
  BZ_NOM051_SEAL_TRANS_FAT     = 1 << 3, /* EXCESO GRASAS TRANS */
  BZ_NOM051_SEAL_SODIUM        = 1 << 4, /* EXCESO SODIO */
} BzNom051Seal;

#define BZ_NOM051_SEALS_ALL 0x1fu

/** BzNom051Legend: the two precautionary legends ("leyendas precautorias"). */
typedef enum
{
  BZ_NOM051_LEGEND_SWEETENERS = 1 << 0, /* CONTIENE EDULCORANTES - NO RECOMENDABLE EN NIÑOS */
  BZ_NOM051_LEGEND_CAFFEINE   = 1 << 1, /* CONTIENE CAFEÍNA - EVITAR EN NIÑOS */
} BzNom051Legend;

/**
 * BzNom051Input:
 * @energy_kcal: declared energy (kcal)
 * @free_sugars_g: free sugars (g); not the total sugars of USDA SR28
 * @saturated_fat_g: saturated fatty acids (g)
 * @trans_fat_g: trans fatty acids (g)
 * @sodium_mg: sodium (mg)
 * @is_liquid: the values are per 100 ml (a liquid), else per 100 g
 * @added_sugars: sugars were added (free sugars in the ingredient list)
 * @added_fats: fats or oils were added
 * @added_sodium: salt or another sodium ingredient was added
 * @has_sweeteners: the ingredient list has sweeteners ("edulcorantes")
 * @has_caffeine: caffeine was added, in any amount
 *
 * A product as its label declares it: all amounts per 100 g (solids) or per
 * 100 ml (liquids).
 */
typedef struct
{
  double   energy_kcal;
  double   free_sugars_g;
  double   saturated_fat_g;
  double   trans_fat_g;
  double   sodium_mg;
  gboolean is_liquid;
  gboolean added_sugars;
  gboolean added_fats;
  gboolean added_sodium;
  gboolean has_sweeteners;
  gboolean has_caffeine;
} BzNom051Input;

/**
 * bz_nom051_phase_for_date:
 * @date: a valid calendar date
 *
 * The phase in force on @date.  The dates come from the transitorios of the
 * 2020 modification, as moved by the DOF Acuerdos of 2025 [J]: phase 1 from
 * 1 Oct. 2020, phase 2 from 1 Oct. 2023 to 31 Dec. 2027, phase 3 from
 * 1 Jan. 2028.  Check the DOF before relying on this after 2027.
 *
 * Returns: the phase, or %BZ_NOM051_PHASE_NONE before 1 Oct. 2020.
 */
BzNom051Phase bz_nom051_phase_for_date (const GDate *date);

/**
 * bz_nom051_seals:
 * @in: the product, per 100 g or 100 ml
 * @phase: the phase whose criteria apply (not %BZ_NOM051_PHASE_NONE)
 *
 * The warning seals the product must carry.  The criteria are those of
 * Tabla 6 (phases 2 and 3) or of the first-phase table (phase 1), listed at
 * the top of this header.  Which of them are evaluated depends on what was
 * added (inciso 4.5.3, and the transitorios for phases 1 and 2).
 *
 * Returns: a bitmask of #BzNom051Seal; 0 when nothing was added.
 */
guint       bz_nom051_seals        (const BzNom051Input *in, BzNom051Phase phase);

/**
 * bz_nom051_legends:
 * @in: the product
 *
 * The precautionary legends, the same in every phase: sweeteners in the
 * ingredient list → %BZ_NOM051_LEGEND_SWEETENERS; added caffeine, in any
 * amount → %BZ_NOM051_LEGEND_CAFFEINE.  They do not depend on nutrient
 * amounts or on what else was added.
 *
 * Returns: a bitmask of #BzNom051Legend.
 */
guint       bz_nom051_legends      (const BzNom051Input *in);

/**
 * bz_nom051_seal_text:
 * @seal: exactly one #BzNom051Seal
 *
 * The regulated text of the seal, in capitals, e.g. "EXCESO AZÚCARES".
 *
 * Returns: (transfer none): a UTF-8 string constant, or %NULL if @seal is
 * not a single seal.
 */
const char *bz_nom051_seal_text    (BzNom051Seal seal);

/**
 * bz_nom051_legend_text:
 * @legend: exactly one #BzNom051Legend
 *
 * The regulated text of the legend: "CONTIENE EDULCORANTES - NO RECOMENDABLE
 * EN NIÑOS" or "CONTIENE CAFEÍNA - EVITAR EN NIÑOS".  The words match every
 * source consulted.  The " - " punctuation is the form the issue gives and
 * was not checked against the DOF text.
 *
 * Returns: (transfer none): a UTF-8 string constant, or %NULL if @legend is
 * not a single legend.
 */
const char *bz_nom051_legend_text  (BzNom051Legend legend);

/**
 * bz_nom051_health_score:
 * @seals: a bitmask of #BzNom051Seal (e.g. from bz_nom051_seals())
 * @fiber_g: dietary fiber (g), on the same basis as the seals (100 g/100 ml)
 * @protein_g: protein (g), likewise
 *
 * The seed's 0-10 label score (seed 002, lines 4037-4059): start at 10,
 * subtract 2 per warning seal, add 1 if fiber ≥ 3 g and 1 if protein ≥ 5 g,
 * then clamp to [0, 10].  The seed counts the warnings of its own simplified
 * check; this counts the seals in @seals.  Legends do not count.  This is a
 * heuristic of the seed, not part of NOM-051.
 *
 * Returns: the score, 0 to 10.
 */
double      bz_nom051_health_score (guint seals, double fiber_g, double protein_g);

G_END_DECLS
