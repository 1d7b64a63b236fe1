/* test-nom051.c — NOM-051 warning seals: every threshold at, just below and
 * just above it; liquids and solids; drinks without energy; the scope of
 * each phase (what was added); the legends; the seed's health score; and
 * real foods from USDA SR28 (data/foods/NUT_DATA: nutrients 208 energy,
 * 269 total sugars, 606 saturated fat, 605 trans fat, 307 sodium, 291 fiber,
 * 203 protein, per 100 g, copied with their NDB numbers).
 *
 * SR28 has total sugars, not free sugars.  The tests pass total sugars as
 * free sugars only where nearly all of them were added (cola, cookies).  They
 * pass 0 where the sugars are the food's own (milk, tortilla, potato chips).
 * For chocolate milk, the lactose is estimated from plain whole milk (01211:
 * 5.05 g sugars per 3.15 g protein) and subtracted.  SR28 gives beverages per
 * 100 g; the tests take them as per 100 ml.  A cola's density is about
 * 1.04 g/ml, and none of their outcomes is that close to a threshold (the
 * energy shares do not depend on it at all). */
#include "bz-nom051.h"

#define CAL   BZ_NOM051_SEAL_CALORIES
#define SUG   BZ_NOM051_SEAL_SUGARS
#define SAT   BZ_NOM051_SEAL_SATURATED_FAT
#define TRANS BZ_NOM051_SEAL_TRANS_FAT
#define NA    BZ_NOM051_SEAL_SODIUM

static void
check (const char *what, const BzNom051Input *in, BzNom051Phase phase, guint expect)
{
  guint got = bz_nom051_seals (in, phase);

  if (got != expect)
    g_error ("%s (phase %d): seals 0x%x, expected 0x%x", what, phase, got, expect);
}

/* A product with every ingredient added, all nutrients zero. */
static BzNom051Input
added_all (gboolean liquid)
{
  BzNom051Input in = { 0 };

  in.is_liquid = liquid;
  in.added_sugars = in.added_fats = in.added_sodium = TRUE;
  return in;
}

static void
test_phase_dates (void)
{
  static const struct { guint y, m, d; BzNom051Phase phase; } cases[] = {
    { 2020, 9, 30, BZ_NOM051_PHASE_NONE },
    { 2020, 10, 1, BZ_NOM051_PHASE_1 },
    { 2023, 9, 30, BZ_NOM051_PHASE_1 },
    { 2023, 10, 1, BZ_NOM051_PHASE_2 },
    { 2025, 10, 1, BZ_NOM051_PHASE_2 }, /* the 2020 text's start of phase 3, moved by the 2025 Acuerdos */
    { 2026, 11, 30, BZ_NOM051_PHASE_2 },
    { 2027, 12, 31, BZ_NOM051_PHASE_2 },
    { 2028, 1, 1, BZ_NOM051_PHASE_3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDate) date = g_date_new_dmy (cases[i].d, cases[i].m, cases[i].y);
      g_assert_cmpint (bz_nom051_phase_for_date (date), ==, cases[i].phase);
    }
}

static void
test_calories (void)
{
  BzNom051Input in = added_all (FALSE);

  /* Solids: ≥ 275 kcal/100 g, the same in every phase. */
  for (BzNom051Phase ph = BZ_NOM051_PHASE_1; ph <= BZ_NOM051_PHASE_3; ph++)
    {
      in.energy_kcal = 275;
      check ("solid 275 kcal", &in, ph, CAL);
      in.energy_kcal = 274.9;
      check ("solid 274.9 kcal", &in, ph, 0);
      in.energy_kcal = 275.1;
      check ("solid 275.1 kcal", &in, ph, CAL);
    }

  /* Liquids: ≥ 70 kcal/100 ml; a liquid of 100 kcal gets it, a solid not. */
  in = added_all (TRUE);
  for (BzNom051Phase ph = BZ_NOM051_PHASE_1; ph <= BZ_NOM051_PHASE_3; ph++)
    {
      in.energy_kcal = 70;
      check ("liquid 70 kcal", &in, ph, CAL);
      in.energy_kcal = 69.9;
      check ("liquid 69.9 kcal", &in, ph, 0);
      in.energy_kcal = 70.1;
      check ("liquid 70.1 kcal", &in, ph, CAL);
    }
  in.energy_kcal = 100;
  check ("liquid 100 kcal", &in, BZ_NOM051_PHASE_2, CAL);
  in.is_liquid = FALSE;
  check ("solid 100 kcal", &in, BZ_NOM051_PHASE_2, 0);

  /* Liquids: or ≥ 8 kcal from free sugars (phase 1: ≥ 10 kcal).  With 200 kcal
   * of energy no sugars seal fires (8 kcal is 4 %), so only CAL is at stake. */
  in = added_all (TRUE);
  in.energy_kcal = 69;
  in.free_sugars_g = 0; /* 69 kcal of something else: no seal */
  check ("liquid 69 kcal, no sugars", &in, BZ_NOM051_PHASE_2, 0);
  in.energy_kcal = 200;
  in.is_liquid = FALSE; /* the free-sugars rule is for liquids only */
  in.free_sugars_g = 2.0;
  check ("solid 200 kcal, 8 kcal sugars", &in, BZ_NOM051_PHASE_2, 0);
}

/* Liquid, 60 kcal (< 70): only the free-sugars rule can give CAL. */
static void
test_calories_from_sugars (void)
{
  BzNom051Input in = added_all (TRUE);

  in.energy_kcal = 60;
  for (BzNom051Phase ph = BZ_NOM051_PHASE_2; ph <= BZ_NOM051_PHASE_3; ph++)
    {
      in.free_sugars_g = 2.0; /* 8 kcal, 13 % of the energy: SUG as well */
      check ("liquid, 8 kcal of sugars", &in, ph, CAL | SUG);
      in.free_sugars_g = 1.99; /* 7.96 kcal, still 13 % */
      check ("liquid, 7.96 kcal of sugars", &in, ph, SUG);
      in.free_sugars_g = 2.01;
      check ("liquid, 8.04 kcal of sugars", &in, ph, CAL | SUG);
    }

  /* Phase 1: ≥ 10 kcal; below it the drink is also exempt from SUG. */
  in.free_sugars_g = 2.0;
  check ("phase 1, 8 kcal of sugars", &in, BZ_NOM051_PHASE_1, 0);
  in.free_sugars_g = 2.49;
  check ("phase 1, 9.96 kcal of sugars", &in, BZ_NOM051_PHASE_1, 0);
  in.free_sugars_g = 2.5;
  check ("phase 1, 10 kcal of sugars", &in, BZ_NOM051_PHASE_1, CAL | SUG);
}

static void
test_sugars (void)
{
  BzNom051Input in = added_all (FALSE);

  /* ≥ 10 % of the energy from free sugars: 100 kcal, 2.5 g = 10 kcal. */
  in.energy_kcal = 100;
  for (BzNom051Phase ph = BZ_NOM051_PHASE_1; ph <= BZ_NOM051_PHASE_3; ph++)
    {
      in.free_sugars_g = 2.5;
      check ("sugars 10 %", &in, ph, SUG);
      in.free_sugars_g = 2.49;
      check ("sugars 9.96 %", &in, ph, 0);
      in.free_sugars_g = 2.51;
      check ("sugars 10.04 %", &in, ph, SUG);
    }

  /* Phase 1 only: drinks with < 10 kcal of free sugars are exempt. */
  in = added_all (TRUE);
  in.energy_kcal = 60;
  in.free_sugars_g = 2.4; /* 9.6 kcal, 16 % of the energy */
  check ("drink 9.6 kcal of sugars", &in, BZ_NOM051_PHASE_1, 0);
  check ("drink 9.6 kcal of sugars", &in, BZ_NOM051_PHASE_2, CAL | SUG);
  in.is_liquid = FALSE;
  check ("solid 9.6 kcal of sugars", &in, BZ_NOM051_PHASE_1, SUG);

  /* No energy: no share of it, no seal. */
  in = added_all (FALSE);
  in.free_sugars_g = 5;
  check ("0 kcal, 5 g sugars", &in, BZ_NOM051_PHASE_3, 0);
}

static void
test_saturated_fat (void)
{
  BzNom051Input in = added_all (FALSE);

  /* ≥ 10 % of the energy: 90 kcal, 1 g = 9 kcal. */
  in.energy_kcal = 90;
  for (BzNom051Phase ph = BZ_NOM051_PHASE_1; ph <= BZ_NOM051_PHASE_3; ph++)
    {
      in.saturated_fat_g = 1;
      check ("saturated 10 %", &in, ph, SAT);
      in.saturated_fat_g = 0.99;
      check ("saturated 9.9 %", &in, ph, 0);
      in.saturated_fat_g = 1.01;
      check ("saturated 10.1 %", &in, ph, SAT);
    }
  in.is_liquid = TRUE;
  in.saturated_fat_g = 1;
  check ("liquid, saturated 10 %", &in, BZ_NOM051_PHASE_2, CAL | SAT);
}

static void
test_trans_fat (void)
{
  BzNom051Input in = added_all (FALSE);

  /* ≥ 1 % of the energy: 450 kcal (also CAL), 0.5 g = 4.5 kcal. */
  in.energy_kcal = 450;
  for (BzNom051Phase ph = BZ_NOM051_PHASE_1; ph <= BZ_NOM051_PHASE_3; ph++)
    {
      in.trans_fat_g = 0.5;
      check ("trans 1 %", &in, ph, CAL | TRANS);
      in.trans_fat_g = 0.49;
      check ("trans 0.98 %", &in, ph, CAL);
      in.trans_fat_g = 0.51;
      check ("trans 1.02 %", &in, ph, CAL | TRANS);
    }
}

static void
test_sodium (void)
{
  BzNom051Input in = added_all (FALSE);

  for (BzNom051Phase ph = BZ_NOM051_PHASE_2; ph <= BZ_NOM051_PHASE_3; ph++)
    {
      /* ≥ 300 mg, at 400 kcal (0.75 mg/kcal; also CAL). */
      in.energy_kcal = 400;
      in.sodium_mg = 300;
      check ("300 mg", &in, ph, CAL | NA);
      in.sodium_mg = 299;
      check ("299 mg at 400 kcal", &in, ph, CAL);
      in.sodium_mg = 301;
      check ("301 mg", &in, ph, CAL | NA);

      /* ≥ 1 mg per kcal, at 200 kcal. */
      in.energy_kcal = 200;
      in.sodium_mg = 200;
      check ("1 mg/kcal", &in, ph, NA);
      in.sodium_mg = 199;
      check ("0.995 mg/kcal", &in, ph, 0);
      in.sodium_mg = 201;
      check ("1.005 mg/kcal", &in, ph, NA);

      /* Liquids with energy: the same two rules. */
      in.is_liquid = TRUE;
      in.energy_kcal = 40;
      in.sodium_mg = 40;
      check ("liquid 1 mg/kcal", &in, ph, NA);
      in.sodium_mg = 39.9;
      check ("liquid 0.9975 mg/kcal", &in, ph, 0);
      in.is_liquid = FALSE;
    }

  /* Phase 1: ≥ 350 mg, no per-kcal rule. */
  in.energy_kcal = 200;
  in.sodium_mg = 349.9;
  check ("phase 1, 349.9 mg", &in, BZ_NOM051_PHASE_1, 0);
  in.sodium_mg = 350;
  check ("phase 1, 350 mg", &in, BZ_NOM051_PHASE_1, NA);
  in.sodium_mg = 300;
  check ("phase 1, 300 mg (1.5 mg/kcal)", &in, BZ_NOM051_PHASE_1, 0);
  check ("phase 2, 300 mg (1.5 mg/kcal)", &in, BZ_NOM051_PHASE_2, NA);
}

static void
test_drinks_without_energy (void)
{
  BzNom051Input in = added_all (TRUE);

  /* Declared 0 kcal: ≥ 45 mg of sodium per 100 ml, in every phase. */
  for (BzNom051Phase ph = BZ_NOM051_PHASE_1; ph <= BZ_NOM051_PHASE_3; ph++)
    {
      in.sodium_mg = 45;
      check ("0 kcal drink, 45 mg", &in, ph, NA);
      in.sodium_mg = 44.9;
      check ("0 kcal drink, 44.9 mg", &in, ph, 0);
      in.sodium_mg = 45.1;
      check ("0 kcal drink, 45.1 mg", &in, ph, NA);
    }

  /* A solid without energy is not a drink: 300 mg applies. */
  in.is_liquid = FALSE;
  in.sodium_mg = 45;
  check ("0 kcal solid, 45 mg", &in, BZ_NOM051_PHASE_2, 0);
  in.sodium_mg = 300;
  check ("0 kcal solid, 300 mg", &in, BZ_NOM051_PHASE_2, NA);

  /* With any declared energy the per-kcal rule applies instead: 1 kcal and
   * 10 mg is 10 mg/kcal. */
  in.is_liquid = TRUE;
  in.energy_kcal = 1;
  in.sodium_mg = 10;
  check ("1 kcal drink, 10 mg", &in, BZ_NOM051_PHASE_2, NA);
}

/* The scope of the phases: a product over every threshold. */
static void
test_added_scope (void)
{
  BzNom051Input in = { 0 };

  in.energy_kcal = 500;     /* ≥ 275 */
  in.free_sugars_g = 30;    /* 120 kcal, 24 % */
  in.saturated_fat_g = 10;  /* 90 kcal, 18 % */
  in.trans_fat_g = 1;       /* 9 kcal, 1.8 % */
  in.sodium_mg = 600;

  /* Nothing added: no seals, in any phase (inciso 4.5.3). */
  for (BzNom051Phase ph = BZ_NOM051_PHASE_1; ph <= BZ_NOM051_PHASE_3; ph++)
    check ("nothing added", &in, ph, 0);

  /* Phases 1 and 2: only what was added is evaluated. */
  for (BzNom051Phase ph = BZ_NOM051_PHASE_1; ph <= BZ_NOM051_PHASE_2; ph++)
    {
      in.added_sugars = TRUE, in.added_fats = FALSE, in.added_sodium = FALSE;
      check ("sugars added", &in, ph, CAL | SUG);
      in.added_sugars = FALSE, in.added_fats = TRUE, in.added_sodium = FALSE;
      check ("fats added", &in, ph, CAL | SAT | TRANS);
      in.added_sugars = FALSE, in.added_fats = FALSE, in.added_sodium = TRUE;
      check ("sodium added (no CAL though 500 kcal)", &in, ph, NA);
      in.added_sugars = TRUE, in.added_fats = FALSE, in.added_sodium = TRUE;
      check ("sugars and sodium added", &in, ph, CAL | SUG | NA);
      in.added_sugars = TRUE, in.added_fats = TRUE, in.added_sodium = TRUE;
      check ("all added", &in, ph, BZ_NOM051_SEALS_ALL);
    }

  /* Phase 3: any one added ingredient opens all five profiles. */
  in.added_sugars = TRUE, in.added_fats = FALSE, in.added_sodium = FALSE;
  check ("phase 3, sugars added", &in, BZ_NOM051_PHASE_3, BZ_NOM051_SEALS_ALL);
  in.added_sugars = FALSE, in.added_fats = TRUE, in.added_sodium = FALSE;
  check ("phase 3, fats added", &in, BZ_NOM051_PHASE_3, BZ_NOM051_SEALS_ALL);
  in.added_sugars = FALSE, in.added_fats = FALSE, in.added_sodium = TRUE;
  check ("phase 3, sodium added", &in, BZ_NOM051_PHASE_3, BZ_NOM051_SEALS_ALL);
}

static void
test_legends (void)
{
  BzNom051Input in = { 0 };

  g_assert_cmpuint (bz_nom051_legends (&in), ==, 0);
  in.has_sweeteners = TRUE;
  g_assert_cmpuint (bz_nom051_legends (&in), ==, BZ_NOM051_LEGEND_SWEETENERS);
  in.has_caffeine = TRUE;
  g_assert_cmpuint (bz_nom051_legends (&in), ==, BZ_NOM051_LEGEND_SWEETENERS | BZ_NOM051_LEGEND_CAFFEINE);
  in.has_sweeteners = FALSE;
  g_assert_cmpuint (bz_nom051_legends (&in), ==, BZ_NOM051_LEGEND_CAFFEINE);
  /* Legends are not seals: a product with nothing added still gets them. */
  g_assert_cmpuint (bz_nom051_seals (&in, BZ_NOM051_PHASE_3), ==, 0);

  g_assert_cmpstr (bz_nom051_legend_text (BZ_NOM051_LEGEND_SWEETENERS), ==,
                   "CONTIENE EDULCORANTES - NO RECOMENDABLE EN NIÑOS");
  g_assert_cmpstr (bz_nom051_legend_text (BZ_NOM051_LEGEND_CAFFEINE), ==,
                   "CONTIENE CAFEÍNA - EVITAR EN NIÑOS");
}

static void
test_texts (void)
{
  g_assert_cmpstr (bz_nom051_seal_text (CAL), ==, "EXCESO CALORÍAS");
  g_assert_cmpstr (bz_nom051_seal_text (SUG), ==, "EXCESO AZÚCARES");
  g_assert_cmpstr (bz_nom051_seal_text (SAT), ==, "EXCESO GRASAS SATURADAS");
  g_assert_cmpstr (bz_nom051_seal_text (TRANS), ==, "EXCESO GRASAS TRANS");
  g_assert_cmpstr (bz_nom051_seal_text (NA), ==, "EXCESO SODIO");
  g_assert_true (g_utf8_validate (bz_nom051_seal_text (CAL), -1, NULL));

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_null (bz_nom051_seal_text (CAL | SUG));
  g_test_assert_expected_messages ();
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_null (bz_nom051_legend_text (0));
  g_test_assert_expected_messages ();
}

static void
test_health_score (void)
{
  /* 10 − 2 per seal + 1 (fiber ≥ 3 g) + 1 (protein ≥ 5 g), within 0..10. */
  g_assert_cmpfloat (bz_nom051_health_score (0, 0, 0), ==, 10);
  g_assert_cmpfloat (bz_nom051_health_score (0, 3, 5), ==, 10); /* 12, clamped */
  g_assert_cmpfloat (bz_nom051_health_score (SUG | NA, 0, 0), ==, 6);
  g_assert_cmpfloat (bz_nom051_health_score (SUG | NA, 3, 0), ==, 7);
  g_assert_cmpfloat (bz_nom051_health_score (SUG | NA, 2.99, 4.99), ==, 6);
  g_assert_cmpfloat (bz_nom051_health_score (SUG | NA, 3, 5), ==, 8);
  g_assert_cmpfloat (bz_nom051_health_score (BZ_NOM051_SEALS_ALL, 0, 0), ==, 0);
  g_assert_cmpfloat (bz_nom051_health_score (BZ_NOM051_SEALS_ALL, 3, 5), ==, 2);
  /* Bits that are not seals do not count. */
  g_assert_cmpfloat (bz_nom051_health_score (1u << 7, 0, 0), ==, 10);
}

typedef struct
{
  const char *ndb, *desc;
  double kcal, free_sugars, saturated, trans, sodium, fiber, protein;
  gboolean liquid, sugars, fats, salt, sweeteners, caffeine;
  guint phase2, phase3, legends;
  double score; /* health score with the phase-2 seals */
} Food;

/* Expected seals and why (per 100 g; liquids taken as per 100 ml):
 * - 14400 cola: 8.97 g of added sugars = 35.9 kcal ≥ 8 → CAL (37 kcal < 70);
 *   97 % of its energy → SUG; 4 mg/37 kcal = 0.11 mg/kcal → no NA.  Caffeine
 *   (SR28 nutrient 262: 8 mg) → legend.  The seed's check gives it no
 *   warning at all (37 < 275, 8.97 g < 10 g).
 * - 14416 diet cola, aspartame, caffeine, SR28 energy 2 kcal: 8 mg/2 kcal =
 *   4 mg/kcal → NA as it stands.  Its label would declare 0 kcal (see
 *   test_declared_zero), and then 8 mg < 45 mg gives no seal.
 * - 14121 club soda: 0 kcal, 21 mg < 45 mg → none.
 * - 18204 sugar cookies: 464 kcal → CAL; 27.31 g sugars (added) = 23.5 % →
 *   SUG; 7.666 g saturated = 14.9 % → SAT; 0.49 g trans = 0.95 % → just under
 *   1 %, no TRANS; 385 mg → NA.
 * - 18192 shortbread: the same plus 0.714 g trans = 1.25 % → TRANS.
 * - 19411 potato chips (fat and salt added; their 0.33 g of sugars are the
 *   potato's): 532 kcal → CAL; 3.4 g saturated = 5.75 %, 0.084 g trans =
 *   0.14 % → no; 527 mg → NA.
 * - 18363 corn tortilla (maize, water, lime): nothing added → none.  Even
 *   with salt added, in phase 3: 218 kcal < 275, saturated 1.9 %, 45 mg =
 *   0.21 mg/kcal → none.
 * - 01211 whole milk: nothing added → none.
 * - 01102 chocolate milk, sugar added: free sugars 9.54 − 3.17 × 5.05/3.15 =
 *   4.46 g = 17.8 kcal ≥ 8 → CAL; 21.5 % → SUG.  Its milk fat (2.104 g
 *   saturated = 22.8 %) is evaluated only in phase 3 → SAT.  60 mg =
 *   0.72 mg/kcal → no NA. */
static const Food foods[] = {
  { "14400", "Beverages, carbonated, cola, fast-food cola",
    37, 8.97, 0, 0, 4, 0, 0.07, TRUE, TRUE, FALSE, FALSE, FALSE, TRUE,
    CAL | SUG, CAL | SUG, BZ_NOM051_LEGEND_CAFFEINE, 6 },
  { "14416", "Beverages, carbonated, low calorie, cola or pepper-type, with aspartame, contains caffeine",
    2, 0, 0, 0, 8, 0, 0.11, TRUE, FALSE, FALSE, TRUE, TRUE, TRUE,
    NA, NA, BZ_NOM051_LEGEND_SWEETENERS | BZ_NOM051_LEGEND_CAFFEINE, 8 },
  { "14121", "Beverages, carbonated, club soda",
    0, 0, 0, 0, 21, 0, 0, TRUE, FALSE, FALSE, TRUE, FALSE, FALSE,
    0, 0, 0, 10 },
  { "18204", "Cookies, sugar, commercially prepared, regular (includes vanilla)",
    464, 27.31, 7.666, 0.490, 385, 1.3, 5.35, FALSE, TRUE, TRUE, TRUE, FALSE, FALSE,
    CAL | SUG | SAT | NA, CAL | SUG | SAT | NA, 0, 3 },
  { "18192", "Cookies, shortbread, commercially prepared, plain",
    514, 21.65, 8.105, 0.714, 353, 1.3, 5.37, FALSE, TRUE, TRUE, TRUE, FALSE, FALSE,
    BZ_NOM051_SEALS_ALL, BZ_NOM051_SEALS_ALL, 0, 1 },
  { "19411", "Snacks, potato chips, plain, salted",
    532, 0, 3.400, 0.084, 527, 3.1, 6.39, FALSE, FALSE, TRUE, TRUE, FALSE, FALSE,
    CAL | NA, CAL | NA, 0, 8 },
  { "18363", "Tortillas, ready-to-bake or -fry, corn",
    218, 0, 0.453, 0, 45, 6.3, 5.70, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE,
    0, 0, 0, 10 },
  { "01211", "Milk, whole, 3.25% milkfat, without added vitamin A and vitamin D",
    61, 0, 1.865, 0, 43, 0, 3.15, TRUE, FALSE, FALSE, FALSE, FALSE, FALSE,
    0, 0, 0, 10 },
  { "01102", "Milk, chocolate, fluid, commercial, whole, with added vitamin A and vitamin D",
    83, 9.54 - 3.17 * 5.05 / 3.15, 2.104, 0, 60, 0.8, 3.17, TRUE, TRUE, FALSE, FALSE, FALSE, FALSE,
    CAL | SUG, CAL | SUG | SAT, 0, 6 },
};

static BzNom051Input
food_input (const Food *f)
{
  BzNom051Input in = {
    .energy_kcal = f->kcal, .free_sugars_g = f->free_sugars, .saturated_fat_g = f->saturated,
    .trans_fat_g = f->trans, .sodium_mg = f->sodium, .is_liquid = f->liquid,
    .added_sugars = f->sugars, .added_fats = f->fats, .added_sodium = f->salt,
    .has_sweeteners = f->sweeteners, .has_caffeine = f->caffeine,
  };
  return in;
}

static void
test_sr28_foods (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (foods); i++)
    {
      const Food *f = &foods[i];
      BzNom051Input in = food_input (f);
      g_autofree char *what = g_strdup_printf ("%s %s", f->ndb, f->desc);

      check (what, &in, BZ_NOM051_PHASE_2, f->phase2);
      check (what, &in, BZ_NOM051_PHASE_3, f->phase3);
      g_assert_cmpuint (bz_nom051_legends (&in), ==, f->legends);
      g_assert_cmpfloat (bz_nom051_health_score (f->phase2, f->fiber, f->protein), ==, f->score);
    }

  /* The tortilla with salt added, in phase 3: still nothing over a profile. */
  BzNom051Input tortilla = food_input (&foods[6]);
  tortilla.added_sodium = TRUE;
  check ("18363 with salt added", &tortilla, BZ_NOM051_PHASE_3, 0);

  /* Why free sugars and the added flags matter: whole milk with its lactose
   * passed as free sugars and flagged as sweetened would get CAL (20.2 kcal of
   * "sugars" ≥ 8), SUG (33 %) and, in phase 3, SAT (27.5 %). */
  BzNom051Input milk = food_input (&foods[7]);
  milk.free_sugars_g = 5.05;
  milk.added_sugars = TRUE;
  check ("01211 misread as sweetened", &milk, BZ_NOM051_PHASE_2, CAL | SUG);
  check ("01211 misread as sweetened", &milk, BZ_NOM051_PHASE_3, CAL | SUG | SAT);
}

/* The diet cola as its label declares it: 0 kcal per 100 ml. */
static void
test_declared_zero (void)
{
  BzNom051Input in = food_input (&foods[1]);

  in.energy_kcal = 0;
  check ("14416 declared 0 kcal", &in, BZ_NOM051_PHASE_2, 0);
  check ("14416 declared 0 kcal", &in, BZ_NOM051_PHASE_3, 0);
}

/* The seed's own example (seed 002, lines 1900-1925): a breakfast cereal,
 * per 30 g serving 110 kcal, 2 g protein, 8 g sugar, 0.5 g saturated fat,
 * 3 g fiber, 150 mg sodium.  The seed shows EXCESO AZÚCARES and EXCESO SODIO
 * and a score of 6.5.  Per 100 g (× 10/3), with sugar and salt added: 366.7
 * kcal → CAL, 29 % sugars → SUG, saturated 4.1 % → no, 500 mg → NA.  Score:
 * 10 − 6 + 1 (10 g fiber) + 1 (6.7 g protein) = 6. */
static void
test_seed_example (void)
{
  const double k = 100.0 / 30;
  BzNom051Input in = { 0 };

  in.energy_kcal = 110 * k;
  in.free_sugars_g = 8 * k;
  in.saturated_fat_g = 0.5 * k;
  in.sodium_mg = 150 * k;
  in.added_sugars = in.added_sodium = TRUE;
  check ("seed cereal", &in, BZ_NOM051_PHASE_2, CAL | SUG | NA);
  check ("seed cereal", &in, BZ_NOM051_PHASE_3, CAL | SUG | NA);
  g_assert_cmpfloat (bz_nom051_health_score (CAL | SUG | NA, 3 * k, 2 * k), ==, 6);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nom051/phase-dates", test_phase_dates);
  g_test_add_func ("/nom051/calories", test_calories);
  g_test_add_func ("/nom051/calories-from-sugars", test_calories_from_sugars);
  g_test_add_func ("/nom051/sugars", test_sugars);
  g_test_add_func ("/nom051/saturated-fat", test_saturated_fat);
  g_test_add_func ("/nom051/trans-fat", test_trans_fat);
  g_test_add_func ("/nom051/sodium", test_sodium);
  g_test_add_func ("/nom051/drinks-without-energy", test_drinks_without_energy);
  g_test_add_func ("/nom051/added-scope", test_added_scope);
  g_test_add_func ("/nom051/legends", test_legends);
  g_test_add_func ("/nom051/texts", test_texts);
  g_test_add_func ("/nom051/health-score", test_health_score);
  g_test_add_func ("/nom051/sr28-foods", test_sr28_foods);
  g_test_add_func ("/nom051/declared-zero", test_declared_zero);
  g_test_add_func ("/nom051/seed-example", test_seed_example);
  return g_test_run ();
}
