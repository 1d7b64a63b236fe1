/* test-label.c — judging a nutrition label (bz-label.h) on values checked by
 * hand: the seed's own example (seed 002 lines 1900-1925, a 30 g serving of
 * "Cereal Integral Fitness"), a cola, a plain yogurt and a diet cola, with
 * the NOM-051 criteria of phase 2 (in force on 30 Nov. 2026, bz-nom051.h). */
#include "bz-label.h"

#define CAL BZ_NOM051_SEAL_CALORIES
#define SUG BZ_NOM051_SEAL_SUGARS
#define NA  BZ_NOM051_SEAL_SODIUM

static void
test_seed_example (void)
{
  /* Per 30 g: 110 kcal, 2 g protein, 24 g carbohydrates, 8 g sugars, 1 g
   * fat, 0.5 g saturated, 3 g fiber, 150 mg sodium. */
  BzLabelPanel serving = { 110, 2, 24, 8, -1, 1, 0.5, 0, 3, 150 }, p;
  BzNom051Input in;
  guint seals;
  double score;
  g_autofree char *rec = NULL;
  g_auto(GStrv) texts = NULL;

  bz_label_scale (&serving, 100.0 / 30.0, &p);
  /* By hand, × 10/3: 366.7 kcal, 6.67 g protein, 26.7 g sugars, 1.67 g
   * saturated fat, 10 g fiber, 500 mg sodium. */
  g_assert_cmpfloat_with_epsilon (p.energy_kcal, 366.667, 0.001);
  g_assert_cmpfloat_with_epsilon (p.sugars_g, 26.667, 0.001);
  g_assert_cmpfloat_with_epsilon (p.sodium_mg, 500, 1e-9);
  g_assert_cmpfloat (p.added_sugars_g, <, 0);
  /* No ingredient list: everything declared above 0 counts as added. */
  g_assert_cmpuint (bz_label_added_from_panel (&p), ==,
                    BZ_LABEL_ADDED_SUGARS | BZ_LABEL_ADDED_FATS | BZ_LABEL_ADDED_SODIUM);
  bz_label_nom051_input (&p, FALSE, bz_label_added_from_panel (&p), &in);
  seals = bz_nom051_seals (&in, BZ_NOM051_PHASE_2);
  /* 366.7 ≥ 275 kcal; sugars 26.7 × 4 = 106.7 kcal = 29 % ≥ 10 %; saturated
   * 1.67 × 9 = 15 kcal = 4.1 % < 10 %; sodium 500 ≥ 300 mg.  The seed's own
   * check, on the per-serving values, found sugars and sodium only. */
  g_assert_cmpuint (seals, ==, CAL | SUG | NA);
  texts = bz_label_seals_to_strv (seals);
  g_assert_cmpstr (texts[0], ==, "EXCESO CALORÍAS");
  g_assert_cmpstr (texts[1], ==, "EXCESO AZÚCARES");
  g_assert_cmpstr (texts[2], ==, "EXCESO SODIO");
  g_assert_null (texts[3]);
  /* 10 - 3 × 2 + 1 (fiber 10 ≥ 3) + 1 (protein 6.7 ≥ 5) = 6. */
  score = bz_nom051_health_score (seals, p.fiber_g, p.protein_g);
  g_assert_cmpfloat (score, ==, 6.0);
  rec = bz_label_recommendation (seals, 0, score);
  g_assert_cmpstr (rec, ==, "Moderate. It contains excess calories, sugars and sodium. "
                            "Consider options without added sugar and low in sodium.");
}

static void
test_ingredients (void)
{
  g_assert_cmpuint (bz_label_scan_ingredients (NULL), ==, 0);
  g_assert_cmpuint (bz_label_scan_ingredients (""), ==, 0);
  g_assert_cmpuint (bz_label_scan_ingredients ("Harina de trigo integral, AZÚCAR, aceite vegetal, sal yodada, sucralosa"),
                    ==, BZ_LABEL_ADDED_SUGARS | BZ_LABEL_ADDED_FATS | BZ_LABEL_ADDED_SODIUM | BZ_LABEL_HAS_SWEETENERS);
  g_assert_cmpuint (bz_label_scan_ingredients ("Agua carbonatada, azúcar, color caramelo, ácido fosfórico, cafeína"),
                    ==, BZ_LABEL_ADDED_SUGARS | BZ_LABEL_HAS_CAFFEINE);
  g_assert_cmpuint (bz_label_scan_ingredients ("Jarabe de maíz de alta fructosa, agua"), ==, BZ_LABEL_ADDED_SUGARS);
  g_assert_cmpuint (bz_label_scan_ingredients ("Leche entera pasteurizada, cultivos lácticos"), ==, 0);
  g_assert_cmpuint (bz_label_scan_ingredients ("Salsa de tomate, cebolla"), ==, 0);   /* "salsa" is not "sal" */
  g_assert_cmpuint (bz_label_scan_ingredients ("glutamato monosódico, manteca vegetal"), ==,
                    BZ_LABEL_ADDED_SODIUM | BZ_LABEL_ADDED_FATS);
}

static void
test_cola (void)
{
  /* Per 100 ml: 42 kcal, 10.6 g sugars (all added), 10 mg sodium. */
  BzLabelPanel p = { 42, 0, 10.6, 10.6, -1, 0, 0, 0, 0, 10 };
  guint added = bz_label_scan_ingredients ("Agua carbonatada, azúcar, color caramelo, ácido fosfórico, cafeína");
  BzNom051Input in;
  guint seals, legends;
  double score;
  g_autofree char *rec = NULL;

  bz_label_nom051_input (&p, TRUE, added, &in);
  seals = bz_nom051_seals (&in, BZ_NOM051_PHASE_2);
  legends = bz_nom051_legends (&in);
  /* A liquid: 42.4 kcal from sugars ≥ 8 → calories; 42.4 / 42 ≥ 10 % →
   * sugars; no sodium was added: not evaluated. */
  g_assert_cmpuint (seals, ==, CAL | SUG);
  g_assert_cmpuint (legends, ==, BZ_NOM051_LEGEND_CAFFEINE);
  score = bz_nom051_health_score (seals, p.fiber_g, p.protein_g);
  g_assert_cmpfloat (score, ==, 6.0);
  rec = bz_label_recommendation (seals, legends, score);
  g_assert_cmpstr (rec, ==, "Moderate. It contains excess calories and sugars. Consider options without added sugar. "
                            "It has caffeine: avoid it for children.");
}

static void
test_plain_and_diet (void)
{
  /* Plain yogurt per 100 g (61 kcal, 3.5 g protein, 4.7 g sugars, 3.3 g fat,
   * 2.1 g saturated, 46 mg sodium, like SR28 01116): nothing added, no seal
   * (inciso 4.5.3), score 10 - 0 + 0 (fiber) + 0 (protein 3.5 < 5) = 10. */
  BzLabelPanel yogurt = { 61, 3.5, 4.7, 4.7, 0, 3.3, 2.1, 0, 0, 46 };
  /* Diet cola per 100 ml: 0 kcal, 15 mg sodium from sodium benzoate. */
  BzLabelPanel diet = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 15 };
  BzNom051Input in;
  guint added, seals, legends;
  g_autofree char *rec1 = NULL, *rec2 = NULL;

  added = bz_label_scan_ingredients ("Leche entera pasteurizada, cultivos lácticos");
  bz_label_nom051_input (&yogurt, FALSE, added, &in);
  seals = bz_nom051_seals (&in, BZ_NOM051_PHASE_2);
  g_assert_cmpuint (seals, ==, 0);
  g_assert_cmpfloat (bz_nom051_health_score (seals, yogurt.fiber_g, yogurt.protein_g), ==, 10.0);
  rec1 = bz_label_recommendation (seals, 0, 10);
  g_assert_cmpstr (rec1, ==, "Good choice. It carries no NOM-051 warning seal.");
  /* Declared 0 g added sugars: not taken as added, however much sugar. */
  g_assert_cmpuint (bz_label_added_from_panel (&yogurt), ==, BZ_LABEL_ADDED_FATS | BZ_LABEL_ADDED_SODIUM);

  added = bz_label_scan_ingredients ("Agua carbonatada, aspartame, acesulfame K, benzoato de sodio, cafeína");
  g_assert_cmpuint (added, ==, BZ_LABEL_ADDED_SODIUM | BZ_LABEL_HAS_SWEETENERS | BZ_LABEL_HAS_CAFFEINE);
  bz_label_nom051_input (&diet, TRUE, added, &in);
  seals = bz_nom051_seals (&in, BZ_NOM051_PHASE_2);
  legends = bz_nom051_legends (&in);
  /* A drink without energy: sodium only from 45 mg. */
  g_assert_cmpuint (seals, ==, 0);
  g_assert_cmpuint (legends, ==, BZ_NOM051_LEGEND_SWEETENERS | BZ_NOM051_LEGEND_CAFFEINE);
  rec2 = bz_label_recommendation (seals, legends, 10);
  g_assert_cmpstr (rec2, ==, "Good choice. It carries no NOM-051 warning seal. It has sweeteners: not recommended "
                             "for children. It has caffeine: avoid it for children.");
  g_assert_cmpuint (bz_label_count_seals (CAL | SUG | NA), ==, 3);
}

static void
test_recipe_ingredients (void)
{
  /* What a recipe's SR28 ingredients add (inciso 4.5.3). */
  g_assert_cmpuint (bz_label_added_from_ingredient ("19335", "1900", "Sugars, granulated"), ==, BZ_LABEL_ADDED_SUGARS);
  g_assert_cmpuint (bz_label_added_from_ingredient ("19296", "1900", "Honey"), ==, BZ_LABEL_ADDED_SUGARS);
  g_assert_cmpuint (bz_label_added_from_ingredient ("04582", "0400", "Oil, canola"), ==, BZ_LABEL_ADDED_FATS);
  g_assert_cmpuint (bz_label_added_from_ingredient ("01145", "0100", "Butter, without salt"), ==, BZ_LABEL_ADDED_FATS);
  g_assert_cmpuint (bz_label_added_from_ingredient ("02047", "0200", "Salt, table"), ==, BZ_LABEL_ADDED_SODIUM);
  g_assert_cmpuint (bz_label_added_from_ingredient ("06008", "0600", "Soup, beef broth or bouillon canned, ready-to-serve"),
                    ==, BZ_LABEL_ADDED_SODIUM);
  g_assert_cmpuint (bz_label_added_from_ingredient ("09040", "0900", "Bananas, raw"), ==, 0);
  g_assert_cmpuint (bz_label_added_from_ingredient ("01079", "0100", "Milk, reduced fat, fluid, 2% milkfat"), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/label/seed-example", test_seed_example);
  g_test_add_func ("/label/ingredients", test_ingredients);
  g_test_add_func ("/label/cola", test_cola);
  g_test_add_func ("/label/plain-and-diet", test_plain_and_diet);
  g_test_add_func ("/label/recipe-ingredients", test_recipe_ingredients);
  return g_test_run ();
}
