/* bz-label-service.c — POST /api/v1/ai/scan-label (see bz-label-service.h). */
#include "bz-label-service.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bz-food-repo.h"
#include "bz-label-repo.h"

/* Rounding slack of a label's declared values: NOM-051 lets a label round
 * grams to 0.5 g or 1 g, so parts may exceed their whole by that much. */
#define ROUNDING_SLACK_G 1.0

static void
panel_from_record (BzRecord *n, BzLabelPanel *p)
{
  p->energy_kcal = bz_record_get_double (n, BZ_LABEL_NUTRITION_CALORIES);
  p->protein_g = bz_record_get_double (n, BZ_LABEL_NUTRITION_PROTEIN_G);
  p->carbohydrate_g = bz_record_get_double (n, BZ_LABEL_NUTRITION_CARBS_G);
  p->sugars_g = bz_record_get_double (n, BZ_LABEL_NUTRITION_SUGAR_G);
  p->added_sugars_g = bz_record_has (n, BZ_LABEL_NUTRITION_ADDED_SUGAR_G)
                      ? bz_record_get_double (n, BZ_LABEL_NUTRITION_ADDED_SUGAR_G) : -1;
  p->fat_g = bz_record_get_double (n, BZ_LABEL_NUTRITION_FAT_G);
  p->saturated_fat_g = bz_record_get_double (n, BZ_LABEL_NUTRITION_SATURATED_FAT_G);
  p->trans_fat_g = bz_record_has (n, BZ_LABEL_NUTRITION_TRANS_FAT_G) ? bz_record_get_double (n, BZ_LABEL_NUTRITION_TRANS_FAT_G) : 0;
  p->fiber_g = bz_record_has (n, BZ_LABEL_NUTRITION_FIBER_G) ? bz_record_get_double (n, BZ_LABEL_NUTRITION_FIBER_G) : 0;
  p->sodium_mg = bz_record_get_double (n, BZ_LABEL_NUTRITION_SODIUM_MG);
}

static BzRecord *
panel_record (const BzLabelPanel *p)
{
  BzRecord *n = bz_record_new (&bz_label_nutrition_resource);

  bz_record_set_double (n, BZ_LABEL_NUTRITION_CALORIES, p->energy_kcal);
  bz_record_set_double (n, BZ_LABEL_NUTRITION_PROTEIN_G, p->protein_g);
  bz_record_set_double (n, BZ_LABEL_NUTRITION_CARBS_G, p->carbohydrate_g);
  bz_record_set_double (n, BZ_LABEL_NUTRITION_SUGAR_G, p->sugars_g);
  if (p->added_sugars_g >= 0)
    bz_record_set_double (n, BZ_LABEL_NUTRITION_ADDED_SUGAR_G, p->added_sugars_g);
  else
    bz_record_set_null (n, BZ_LABEL_NUTRITION_ADDED_SUGAR_G);
  bz_record_set_double (n, BZ_LABEL_NUTRITION_FAT_G, p->fat_g);
  bz_record_set_double (n, BZ_LABEL_NUTRITION_SATURATED_FAT_G, p->saturated_fat_g);
  bz_record_set_double (n, BZ_LABEL_NUTRITION_TRANS_FAT_G, p->trans_fat_g);
  bz_record_set_double (n, BZ_LABEL_NUTRITION_FIBER_G, p->fiber_g);
  bz_record_set_double (n, BZ_LABEL_NUTRITION_SODIUM_MG, p->sodium_mg);
  return n;
}

/* The grams (or ml) that serving_size prints: "30g", "30 g", "250 ml",
 * "1 taza (240 ml)"; 0 when it names none. */
static double
serving_grams (const char *serving_size)
{
  g_autoptr(GRegex) re = NULL;
  g_autoptr(GMatchInfo) m = NULL;
  double g = 0;

  if (serving_size == NULL)
    return 0;
  re = g_regex_new ("([0-9]+(?:[.,][0-9]+)?)\\s*(g|gr|grs|gramos|ml|mililitros)\\b", G_REGEX_CASELESS, 0, NULL);
  if (g_regex_match (re, serving_size, 0, &m))
    {
      g_autofree char *num = g_match_info_fetch (m, 1);
      g_strdelimit (num, ",", '.');
      g = g_ascii_strtod (num, NULL);
    }
  return g <= BZ_LABEL_SERVING_MAX ? g : 0;
}

/* Details for a panel that cannot be; @field names it. */
static void
check_panel (const BzLabelPanel *p, const BzLabelPanel *per_100, const char *field, BzValidation *v)
{
  g_autofree char *sat = g_strdup_printf ("%s.saturated_fat_g", field);
  g_autofree char *sugar = g_strdup_printf ("%s.sugar_g", field);
  g_autofree char *added = g_strdup_printf ("%s.added_sugar_g", field);

  if (p->saturated_fat_g + p->trans_fat_g > p->fat_g + ROUNDING_SLACK_G)
    bz_validation_add (v, sat, "inconsistent", _("Saturated and trans fat cannot be more than the total fat"));
  if (p->sugars_g > p->carbohydrate_g + ROUNDING_SLACK_G)
    bz_validation_add (v, sugar, "inconsistent", _("Sugars cannot be more than the carbohydrates"));
  if (p->added_sugars_g > p->sugars_g + ROUNDING_SLACK_G)
    bz_validation_add (v, added, "inconsistent", _("Added sugars cannot be more than the sugars"));
  if (per_100 && per_100->protein_g + per_100->carbohydrate_g + per_100->fat_g > 100 + 5 * ROUNDING_SLACK_G)
    bz_validation_add (v, field, "inconsistent",
                       _("Protein, carbohydrates and fat add up to more than 100 g in 100 g of the product"));
}

typedef struct
{
  const char *name;        /* product_name */
  const char *description;
  const char *ndb_no;      /* a food's */
  const char *recipe_id;   /* a recipe's */
  double plainness;        /* a food's foods.plainness; recipes first at a tie */
  guint seals;
  double score;
} Candidate;

static int
compare_candidates (gconstpointer a, gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if (bz_label_count_seals (x->seals) != bz_label_count_seals (y->seals))
    return bz_label_count_seals (x->seals) < bz_label_count_seals (y->seals) ? -1 : 1;
  if (x->plainness != y->plainness)
    return x->plainness < y->plainness ? -1 : 1;
  return g_strcmp0 (x->ndb_no ? x->ndb_no : x->recipe_id, y->ndb_no ? y->ndb_no : y->recipe_id);
}

/* Adds the groups of @foods' first @n to @votes, the first with weight @n. */
static gboolean
vote (BzStore *store, GPtrArray *foods, guint n, GHashTable *votes, GError **error)
{
  g_autoptr(GPtrArray) ndbs = g_ptr_array_new ();
  g_autoptr(GHashTable) groups = NULL;

  for (guint i = 0; i < foods->len && i < n; i++)
    g_ptr_array_add (ndbs, (gpointer) bz_record_get_string (g_ptr_array_index (foods, i), BZ_FOOD_SUMMARY_NDB_NO));
  g_ptr_array_add (ndbs, NULL);
  if (!bz_label_repo_food_groups (store, (const char *const *) ndbs->pdata, &groups, error))
    return FALSE;
  for (guint i = 0; ndbs->pdata[i]; i++)
    {
      const char *g = g_hash_table_lookup (groups, ndbs->pdata[i]);
      if (g)
        g_hash_table_insert (votes, g_strdup (g),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (votes, g)) + (n - i)));
    }
  return TRUE;
}

/* The product's kind (see bz_labels_scan()): an SR28 group, or NULL. */
static char *
product_kind (BzStore *store, const char *product_name, GError **error)
{
  g_autoptr(GHashTable) votes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) hits = NULL;
  GHashTableIter it;
  gpointer key, value;
  const char *best = NULL;
  guint best_votes = 0;
  gint64 total = 0;

  if (!(hits = bz_food_repo_search (store, product_name, 10, 0, &total, error)))
    return NULL;
  if (hits->len > 0 && !vote (store, hits, 10, votes, error))
    return NULL;
  if (hits->len == 0)
    {
      g_auto(GStrv) words = g_regex_split_simple ("[^[:alnum:]]+", product_name, G_REGEX_OPTIMIZE, 0);
      for (guint i = 0; words[i]; i++)
        {
          g_autoptr(GPtrArray) w = NULL;
          if (g_utf8_strlen (words[i], -1) < 4)
            continue;
          if (!(w = bz_food_repo_search (store, words[i], 5, 0, &total, error)) || !vote (store, w, 5, votes, error))
            return NULL;
        }
    }
  g_hash_table_iter_init (&it, votes);
  while (g_hash_table_iter_next (&it, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_votes ||
        (GPOINTER_TO_UINT (value) == best_votes && best && strcmp (key, best) < 0))
      {
        best = key;
        best_votes = GPOINTER_TO_UINT (value);
      }
  return g_strdup (best);
}

/* Whether a candidate with @c's seals and score is better than the label. */
static gboolean
is_better (const Candidate *c, guint seals, double score)
{
  return c->score > score && bz_label_count_seals (c->seals) <= bz_label_count_seals (seals);
}

/* Up to BZ_LABEL_ALTERNATIVES_MAX foods and recipes of @group better than a
 * product with @seals and @score (see bz_labels_scan()), as LabelAlternative
 * records: the best recipe, if one is better (a dish to cook instead is what
 * a nutritionist would offer first), then the best foods. */
static gboolean
alternatives (BzStore *store, const char *group, gboolean is_liquid, BzNom051Phase phase, guint seals, double score,
              BzRecord *scan, GError **error)
{
  g_autoptr(GPtrArray) foods = NULL, recipes = NULL;
  g_autoptr(GArray) better = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GArray) better_recipes = g_array_new (FALSE, FALSE, sizeof (Candidate));
  BzNom051Input in;

  bz_record_set_empty_array (scan, BZ_LABEL_SCAN_BETTER_ALTERNATIVES);
  if (group == NULL)
    return TRUE;
  if (!bz_label_repo_group_foods (store, group, BZ_LABEL_CANDIDATES_MAX, &foods, error) ||
      !bz_label_repo_group_recipes (store, group, &recipes, error))
    return FALSE;
  for (guint i = 0; i < recipes->len; i++)
    {
      BzLabelRecipe *r = g_ptr_array_index (recipes, i);
      Candidate c = { r->title, r->title, NULL, r->recipe_id, -G_MAXDOUBLE, 0, 0 };

      /* A recipe: what its ingredients add is known. */
      bz_label_nom051_input (&r->per_100g, is_liquid, r->added, &in);
      c.seals = bz_nom051_seals (&in, phase);
      c.score = bz_nom051_health_score (c.seals, r->per_100g.fiber_g, r->per_100g.protein_g);
      if (is_better (&c, seals, score))
        g_array_append_val (better_recipes, c);
    }
  g_array_sort (better_recipes, compare_candidates);
  if (better_recipes->len > 0)
    g_array_append_val (better, g_array_index (better_recipes, Candidate, 0));
  for (guint i = 0; i < foods->len; i++)
    {
      BzLabelFood *f = g_ptr_array_index (foods, i);
      Candidate c = { f->name_es ? f->name_es : f->long_desc, f->long_desc, f->ndb_no, NULL, f->plainness, 0, 0 };

      /* A food: SR28 cannot tell what was added, so the strictest reading. */
      bz_label_nom051_input (&f->per_100g, is_liquid, bz_label_added_from_panel (&f->per_100g), &in);
      c.seals = bz_nom051_seals (&in, phase);
      c.score = bz_nom051_health_score (c.seals, f->per_100g.fiber_g, f->per_100g.protein_g);
      if (is_better (&c, seals, score))
        g_array_append_val (better, c);
    }
  /* The recipe (first, if any) keeps its place; the foods by rank. */
  if (better->len > 1)
    {
      guint skip = better_recipes->len > 0 ? 1 : 0;
      qsort (&g_array_index (better, Candidate, skip), better->len - skip, sizeof (Candidate),
             (int (*) (const void *, const void *)) compare_candidates);
    }
  for (guint i = 0; i < better->len && i < BZ_LABEL_ALTERNATIVES_MAX; i++)
    {
      Candidate *c = &g_array_index (better, Candidate, i);
      BzRecord *alt = bz_record_new (&bz_label_alternative_resource);
      bz_record_set_string (alt, BZ_LABEL_ALTERNATIVE_PRODUCT_NAME, c->name);
      bz_record_set_double (alt, BZ_LABEL_ALTERNATIVE_HEALTH_SCORE, c->score);
      bz_record_set_string (alt, BZ_LABEL_ALTERNATIVE_SOURCE, c->recipe_id ? "recipe" : "usda_sr28");
      if (c->ndb_no)
        bz_record_set_string (alt, BZ_LABEL_ALTERNATIVE_NDB_NO, c->ndb_no);
      else
        bz_record_set_null (alt, BZ_LABEL_ALTERNATIVE_NDB_NO);
      if (c->recipe_id)
        bz_record_set_string (alt, BZ_LABEL_ALTERNATIVE_RECIPE_ID, c->recipe_id);
      else
        bz_record_set_null (alt, BZ_LABEL_ALTERNATIVE_RECIPE_ID);
      bz_record_set_string (alt, BZ_LABEL_ALTERNATIVE_DESCRIPTION, c->description);
      bz_record_take_strv (alt, BZ_LABEL_ALTERNATIVE_NOM_051_WARNINGS, bz_label_seals_to_strv (c->seals));
      bz_record_append (scan, BZ_LABEL_SCAN_BETTER_ALTERNATIVES, alt);
    }
  return TRUE;
}

BzRecord *
bz_labels_scan (BzServices *svc, const BzCaller *caller, JsonObject *body, const GDate *today, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL;
  g_autoptr(BzRecord) scan = NULL;
  g_autofree char *kind = NULL;
  BzRecord *per_serving_rec, *per_100_rec;
  BzLabelPanel given = { 0 }, per_100, per_serving;
  BzNom051Input nom;
  BzNom051Phase phase;
  GDate now;
  double grams = 0, score;
  gboolean is_liquid, have_serving = FALSE;
  guint added, seals, legends;
  const char *ingredients;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (caller == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "%s", _("Authentication required"));
      return NULL;
    }
  in = bz_resource_parse (&bz_label_scan_input_resource, body, NULL, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;

  per_serving_rec = bz_record_has (in, BZ_LABEL_SCAN_INPUT_NUTRITION_PER_SERVING)
                    ? bz_record_get_object (in, BZ_LABEL_SCAN_INPUT_NUTRITION_PER_SERVING) : NULL;
  per_100_rec = bz_record_has (in, BZ_LABEL_SCAN_INPUT_NUTRITION_PER_100G)
                ? bz_record_get_object (in, BZ_LABEL_SCAN_INPUT_NUTRITION_PER_100G) : NULL;
  if (bz_record_has (in, BZ_LABEL_SCAN_INPUT_SERVING_SIZE_G))
    grams = bz_record_get_double (in, BZ_LABEL_SCAN_INPUT_SERVING_SIZE_G);
  else if (bz_record_has (in, BZ_LABEL_SCAN_INPUT_SERVING_SIZE))
    grams = serving_grams (bz_record_get_string (in, BZ_LABEL_SCAN_INPUT_SERVING_SIZE));
  if (bz_record_has (in, BZ_LABEL_SCAN_INPUT_SR28_FOOD_GROUP))
    {
      const char *g = bz_record_get_string (in, BZ_LABEL_SCAN_INPUT_SR28_FOOD_GROUP);
      if (strlen (g) != 4 || strspn (g, "0123456789") != 4)
        bz_validation_add (&v, "sr28_food_group", "invalid_format",
                           _("sr28_food_group must be a USDA SR28 food group code of 4 digits, such as 0800"));
    }
  if (per_serving_rec && per_100_rec)
    bz_validation_add (&v, "nutrition_per_serving", "conflict",
                       _("Give nutrition_per_serving or nutrition_per_100g, not both"));
  else if (per_serving_rec == NULL && per_100_rec == NULL)
    bz_validation_add (&v, "nutrition_per_serving", "required",
                       _("Give the label's values: nutrition_per_serving or nutrition_per_100g"));
  else if (per_serving_rec && grams <= 0)
    bz_validation_add (&v, "serving_size_g", "required",
                       _("Values per serving need the serving's size: serving_size_g, or a serving_size such as “30g”"));
  if (!bz_validation_finish (&v, error))
    return NULL;

  panel_from_record (per_serving_rec ? per_serving_rec : per_100_rec, &given);
  if (per_serving_rec)
    {
      per_serving = given;
      bz_label_scale (&given, 100.0 / grams, &per_100);
      have_serving = TRUE;
    }
  else
    {
      per_100 = given;
      if (grams > 0)
        {
          bz_label_scale (&given, grams / 100.0, &per_serving);
          have_serving = TRUE;
        }
    }
  check_panel (&given, &per_100, per_serving_rec ? "nutrition_per_serving" : "nutrition_per_100g", &v);
  if (!bz_validation_finish (&v, error))
    return NULL;

  /* The criteria in force today, on the values per 100 g or 100 ml. */
  is_liquid = bz_record_has (in, BZ_LABEL_SCAN_INPUT_IS_LIQUID) && bz_record_get_boolean (in, BZ_LABEL_SCAN_INPUT_IS_LIQUID);
  ingredients = bz_record_has (in, BZ_LABEL_SCAN_INPUT_INGREDIENTS_TEXT)
                ? bz_record_get_string (in, BZ_LABEL_SCAN_INPUT_INGREDIENTS_TEXT) : NULL;
  added = ingredients && *ingredients ? bz_label_scan_ingredients (ingredients) : bz_label_added_from_panel (&per_100);
  if (today)
    now = *today;
  else
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
    }
  phase = bz_nom051_phase_for_date (&now);
  if (phase == BZ_NOM051_PHASE_NONE)
    phase = BZ_NOM051_PHASE_1;
  bz_label_nom051_input (&per_100, is_liquid, added, &nom);
  seals = bz_nom051_seals (&nom, phase);
  legends = bz_nom051_legends (&nom);
  score = bz_nom051_health_score (seals, per_100.fiber_g, per_100.protein_g);

  scan = bz_record_new (&bz_label_scan_resource);
  bz_record_set_string (scan, BZ_LABEL_SCAN_PRODUCT_NAME, bz_record_get_string (in, BZ_LABEL_SCAN_INPUT_PRODUCT_NAME));
  if (bz_record_has (in, BZ_LABEL_SCAN_INPUT_BRAND))
    bz_record_set_string (scan, BZ_LABEL_SCAN_BRAND, bz_record_get_string (in, BZ_LABEL_SCAN_INPUT_BRAND));
  else
    bz_record_set_null (scan, BZ_LABEL_SCAN_BRAND);
  if (bz_record_has (in, BZ_LABEL_SCAN_INPUT_SERVING_SIZE))
    bz_record_set_string (scan, BZ_LABEL_SCAN_SERVING_SIZE, bz_record_get_string (in, BZ_LABEL_SCAN_INPUT_SERVING_SIZE));
  else
    bz_record_set_null (scan, BZ_LABEL_SCAN_SERVING_SIZE);
  if (bz_record_has (in, BZ_LABEL_SCAN_INPUT_SERVINGS_PER_CONTAINER))
    bz_record_set_double (scan, BZ_LABEL_SCAN_SERVINGS_PER_CONTAINER,
                          bz_record_get_double (in, BZ_LABEL_SCAN_INPUT_SERVINGS_PER_CONTAINER));
  else
    bz_record_set_null (scan, BZ_LABEL_SCAN_SERVINGS_PER_CONTAINER);
  if (have_serving)
    bz_record_take_object (scan, BZ_LABEL_SCAN_NUTRITION_PER_SERVING, panel_record (&per_serving));
  else
    bz_record_set_null (scan, BZ_LABEL_SCAN_NUTRITION_PER_SERVING);
  bz_record_take_object (scan, BZ_LABEL_SCAN_NUTRITION_PER_100G, panel_record (&per_100));
  bz_record_take_strv (scan, BZ_LABEL_SCAN_NOM_051_WARNINGS, bz_label_seals_to_strv (seals));
  bz_record_take_strv (scan, BZ_LABEL_SCAN_NOM_051_LEGENDS, bz_label_legends_to_strv (legends));
  bz_record_set_int (scan, BZ_LABEL_SCAN_NOM_051_PHASE, phase);
  bz_record_set_double (scan, BZ_LABEL_SCAN_HEALTH_SCORE, score);
  bz_record_take_string (scan, BZ_LABEL_SCAN_RECOMMENDATION, bz_label_recommendation (seals, legends, score));

  {
    g_autoptr(GError) local = NULL;
    kind = bz_record_has (in, BZ_LABEL_SCAN_INPUT_SR28_FOOD_GROUP)
           ? g_strdup (bz_record_get_string (in, BZ_LABEL_SCAN_INPUT_SR28_FOOD_GROUP))
           : product_kind (store, bz_record_get_string (in, BZ_LABEL_SCAN_INPUT_PRODUCT_NAME), &local);
    if (local)
      {
        g_propagate_error (error, g_steal_pointer (&local));
        return NULL;
      }
  }
  if (!alternatives (store, kind, is_liquid, phase, seals, score, scan, error))
    return NULL;
  return g_steal_pointer (&scan);
}
