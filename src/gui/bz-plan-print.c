/* bz-plan-print.c — the printed meal plan's content and layout (see
 * bz-plan-print.h): bz_plan_print_layout() lays the whole document out on
 * pages of the print context's size with bz-print-flow.c; the print
 * operation around it is in bz-plan-print-op.c.  The text is the
 * interface's language; numbers as a Mexican clinic writes them (decimal
 * point). */
#include "bz-plan-print.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bz-gui-util.h"
#include "bz-print-flow.h"
#include "bz-vocab.h"

#define FONT_TITLE "Sans Bold 20"
#define FONT_H1 "Sans Bold 15"
#define FONT_H2 "Sans Bold 12"
#define FONT_H3 "Sans Bold 10"
#define FONT_BODY "Sans 9.5"
#define FONT_SMALL "Sans 8.5"
#define FONT_TINY "Sans 7"
#define KEEP_HEADING 70.0    /* pt a heading needs after it on its page */

/* --- formatting --------------------------------------------------------------- */

/* @x with at most two decimals and no trailing zeros: "1", "1.5", "0.25". */
static char *
format_number (double x)
{
  char *s = g_strdup_printf ("%.2f", round (x * 100) / 100);
  char *dot = strchr (s, '.');

  if (dot)
    {
      char *end = s + strlen (s) - 1;
      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *end = '\0';
    }
  return s;
}

char *
bz_plan_format_servings (double servings)
{
  g_autofree char *n = format_number (servings);
  /* TRANSLATORS: servings of a recipe in a meal plan, e.g. "1.5 servings" */
  return g_strdup_printf (ngettext ("%s serving", "%s servings", fabs (servings - 1) < 1e-9 ? 1 : 2), n);
}

static char *
format_grams (double g)
{
  if (g >= 1000)
    {
      g_autofree char *kg = format_number (g / 1000);
      return g_strdup_printf ("%s kg", kg);
    }
  if (g >= 10)
    return g_strdup_printf ("%.0f g", g);
  return g_strdup_printf ("%.1f g", g);
}

const char *
bz_plan_meal_label (const char *meal_name)
{
  const char *id = meal_name ? bz_vocab_canonical (&bz_vocab_meal_type, meal_name) : NULL;
  return id ? bz_meal_type_label (id) : (meal_name ? meal_name : "");
}

static const char *
weekday_name (int day_of_week)
{
  static const char *const names[] = { N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
                                       N_("Friday"), N_("Saturday"), N_("Sunday") };
  return _(names[CLAMP (day_of_week, 1, 7) - 1]);
}

static GDateTime *
parse_date (const char *ymd)
{
  int y, m, d;
  if (ymd == NULL || sscanf (ymd, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  return g_date_time_new_local (y, m, d, 12, 0, 0);
}

/* "28 de diciembre de 2026", or @ymd as it is. */
static char *
format_long_date (const char *ymd)
{
  g_autoptr(GDateTime) dt = parse_date (ymd);
  /* TRANSLATORS: a date on a printed meal plan, strftime format */
  return dt ? bz_date_time_format (dt, _("%B %-d, %Y")) : g_strdup (ymd ? ymd : "");
}

static char *
format_macros (const BzPlanTotals *t)
{
  return g_strdup_printf (_("protein %.0f g · carbohydrates %.0f g · fat %.0f g · fiber %.0f g · sodium %.0f mg"),
                          t->protein_g, t->carbs_g, t->fat_g, t->fiber_g, t->sodium_mg);
}

/* "Verduras 3.5 · Frutas 1 · …": each group's equivalents rounded to 0.5, as
 * clinics count them; groups under a quarter left out.  NULL when none. */
static char *
format_equivalents (const double smae[BZ_SMAE_N_GROUPS])
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint g = 0; g < BZ_SMAE_N_GROUPS; g++)
    {
      double half = round (smae[g] * 2) / 2;
      g_autofree char *n = NULL;
      g_autofree char *part = NULL;

      if (g == BZ_SMAE_FREE || half < 0.5)
        continue;
      n = format_number (half);
      part = g_markup_printf_escaped ("%s %s", bz_meal_plan_document_smae_name (g), n);
      if (s->len)
        g_string_append (s, " · ");
      g_string_append (s, part);
    }
  return s->len ? g_string_free (g_steal_pointer (&s), FALSE) : NULL;
}

/* "replace “leche entera” with Leche descremada (240 g); without “azúcar”"
 * (markup). */
static char *
format_changes (const BzPlanDocCustomized *c)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < c->changes->len; i++)
    {
      const BzPlanDocChange *ch = g_ptr_array_index (c->changes, i);
      const char *food = ch->new_description ? bz_food_display_name (ch->new_description, ch->new_name_es)
                                             : ch->new_ndb_no;
      g_autofree char *grams = ch->amount_g > 0 ? format_grams (ch->amount_g) : g_strdup ("");
      const char *original = ch->original_name ? ch->original_name : (ch->original ? ch->original : "");
      g_autofree char *text = NULL;

      if (g_strcmp0 (ch->type, "replace") == 0)
        text = g_markup_printf_escaped (_("replace “%s” with %s (%s for the recipe)"), original, food ? food : "", grams);
      else if (g_strcmp0 (ch->type, "omit") == 0)
        text = g_markup_printf_escaped (_("without “%s”"), original);
      else if (g_strcmp0 (ch->type, "add") == 0)
        text = g_markup_printf_escaped (_("add %s (%s for the recipe)"), food ? food : "", grams);
      else
        continue;
      if (s->len)
        g_string_append (s, "; ");
      g_string_append (s, text);
    }
  return g_string_free (s, FALSE);
}

/* --- the document ------------------------------------------------------------- */

static void
heading (BzPrintFlow *flow, const char *font, const char *text, double space_before)
{
  g_autofree char *m = g_markup_printf_escaped ("%s", text);
  bz_print_flow_paragraph (flow, font, m, 0, space_before, KEEP_HEADING);
}

static void
para (BzPrintFlow *flow, const char *font, const char *markup)
{
  bz_print_flow_paragraph (flow, font, markup, 0, 2, 0);
}

static void
build_header (BzPrintFlow *flow, const BzMealPlanDocument *doc)
{
  BzRecord *plan = doc->plan;
  const char *name = bz_record_get_string (plan, BZ_MEAL_PLAN_PLAN_NAME);
  const char *status = bz_record_get_string (plan, BZ_MEAL_PLAN_STATUS);
  gint64 days = bz_record_get_int (plan, BZ_MEAL_PLAN_DURATION_DAYS);
  g_autofree char *first = format_long_date (bz_record_get_string (plan, BZ_MEAL_PLAN_PLAN_DATE));
  g_autofree char *last = NULL;
  g_autofree char *m = NULL;
  BzRecord *summary = bz_record_get_object (plan, BZ_MEAL_PLAN_NUTRITION);
  BzRecord *avg = summary ? bz_record_get_object (summary, BZ_PLAN_NUTRITION_SUMMARY_DAILY_AVERAGE) : NULL;

  if (days > 0)
    {
      BzRecord *last_day = bz_record_get_item (plan, BZ_MEAL_PLAN_SUGGESTIONS,
                                               bz_record_get_n_items (plan, BZ_MEAL_PLAN_SUGGESTIONS) - 1);
      last = format_long_date (bz_record_get_string (last_day, BZ_PLAN_DAY_DATE));
    }
  heading (flow, FONT_TITLE, _("Meal plan"), 0);
  m = g_markup_printf_escaped ("<span foreground=\"#2e7d32\">%s</span>",
                               name && *name ? name : _("Draft (not finalized)"));
  bz_print_flow_paragraph (flow, FONT_H1, m, 0, 2, 0);
  g_clear_pointer (&m, g_free);
  if (doc->patient_name)
    {
      m = g_markup_printf_escaped ("<b>%s</b> %s", _("Patient:"), doc->patient_name);
      para (flow, FONT_BODY, m);
      g_clear_pointer (&m, g_free);
    }
  if (doc->nutritionist_name)
    {
      m = g_markup_printf_escaped ("<b>%s</b> %s", _("Nutritionist:"), doc->nutritionist_name);
      para (flow, FONT_BODY, m);
      g_clear_pointer (&m, g_free);
    }
  {
    g_autofree char *range = g_strdup_printf (ngettext ("%s to %s (%d day)", "%s to %s (%d days)", (gulong) days),
                                              first, last ? last : first, (int) days);
    m = g_markup_printf_escaped ("<b>%s</b> %s", _("Dates:"), range);
    para (flow, FONT_BODY, m);
    g_clear_pointer (&m, g_free);
  }
  if (g_strcmp0 (status, "draft") == 0)
    para (flow, FONT_SMALL, _("This plan is still a draft: the nutritionist may change it."));
  if (avg)
    {
      BzPlanTotals t = { 0 };
      g_autofree char *macros = NULL;
      bz_plan_nutrition_read (avg, &t, 1);
      macros = format_macros (&t);
      m = g_markup_printf_escaped ("<b>%s</b> %.0f kcal · %s", _("Daily average:"), t.kcal, macros);
      para (flow, FONT_BODY, m);
      g_clear_pointer (&m, g_free);
    }
  bz_print_flow_rule (flow, 8);
}

static void
build_day (BzPrintFlow *flow, const BzMealPlanDocument *doc, guint d)
{
  static const double widths[] = { 0.2, 0.62, 0.18 };
  BzRecord *day = bz_record_get_item (doc->plan, BZ_MEAL_PLAN_SUGGESTIONS, d);
  g_autoptr(GDateTime) dt = parse_date (bz_record_get_string (day, BZ_PLAN_DAY_DATE));
  g_autofree char *date = dt ? bz_date_time_format (dt, _("%B %-d")) : g_strdup ("");
  g_autofree char *title = g_strdup_printf (_("Day %d · %s %s"), (int) bz_record_get_int (day, BZ_PLAN_DAY_DAY),
                                            dt ? weekday_name (g_date_time_get_day_of_week (dt)) : "", date);
  g_autofree char *eq = format_equivalents (&doc->day_smae[d * BZ_SMAE_N_GROUPS]);
  BzPlanTotals total = { 0 };
  guint n_meals = bz_record_get_n_items (day, BZ_PLAN_DAY_MEALS);

  /* the day's heading keeps its table (about 20 pt a row) on its page when it can */
  {
    g_autofree char *m = g_markup_printf_escaped ("%s", title);
    bz_print_flow_paragraph (flow, FONT_H2, m, 0, 10, MIN (20.0 * (n_meals + 2) + 30, 300));
  }
  {
    g_autofree char *h0 = g_markup_printf_escaped ("<b>%s</b>", _("Meal"));
    g_autofree char *h1 = g_markup_printf_escaped ("<b>%s</b>", _("Recipe and servings"));
    const char *cells[] = { h0, h1, "<b>kcal</b>" };
    bz_print_flow_row (flow, FONT_SMALL, 3, cells, widths, 1u << 2, TRUE);
  }
  for (guint m = 0; m < n_meals; m++)
    {
      BzRecord *meal = bz_record_get_item (day, BZ_PLAN_DAY_MEALS, m);
      guint n = bz_record_get_n_items (meal, BZ_PLAN_MEAL_RECIPES);
      g_autoptr(GString) recipes = g_string_new (NULL);
      g_autoptr(GString) kcal = g_string_new (NULL);
      g_autofree char *label = g_markup_printf_escaped ("%s", bz_plan_meal_label (bz_record_get_string (meal, BZ_PLAN_MEAL_MEAL_NAME)));
      const char *cells[3];

      for (guint r = 0; r < n; r++)
        {
          BzRecord *pr = bz_record_get_item (meal, BZ_PLAN_MEAL_RECIPES, r);
          g_autofree char *servings = bz_plan_format_servings (bz_record_get_double (pr, BZ_PLAN_RECIPE_SERVINGS));
          const BzPlanDocCustomized *changed = bz_meal_plan_document_find_customized (
              doc, d + 1, bz_record_get_string (meal, BZ_PLAN_MEAL_MEAL_NAME), bz_record_get_string (pr, BZ_PLAN_RECIPE_ID));
          g_autofree char *line = g_markup_printf_escaped ("%s%s <span size=\"smaller\">(%s)</span>%s", r ? "\n" : "",
                                                           bz_record_get_string (pr, BZ_PLAN_RECIPE_TITLE), servings,
                                                           changed ? " *" : "");
          BzPlanTotals t = { 0 };

          bz_plan_nutrition_read (bz_record_get_object (pr, BZ_PLAN_RECIPE_NUTRITION), &t, 1);
          bz_plan_totals_add (&total, &t, 1);
          g_string_append (recipes, line);
          g_string_append_printf (kcal, "%s%.0f", r ? "\n" : "", t.kcal);
        }
      if (n == 0)
        g_string_append (recipes, "—");
      cells[0] = label;
      cells[1] = recipes->str;
      cells[2] = kcal->str;
      bz_print_flow_row (flow, FONT_BODY, 3, cells, widths, 1u << 2, FALSE);
    }
  {
    g_autofree char *h0 = g_markup_printf_escaped ("<b>%s</b>", _("Day total"));
    g_autofree char *macros = format_macros (&total);
    g_autofree char *mm = g_markup_printf_escaped ("%s", macros);
    g_autofree char *k = g_strdup_printf ("<b>%.0f</b>", total.kcal);
    const char *cells[] = { h0, mm, k };
    bz_print_flow_row (flow, FONT_SMALL, 3, cells, widths, 1u << 2, TRUE);
  }
  if (eq)
    {
      g_autofree char *m = g_strdup_printf ("<b>%s</b> %s", _("SMAE equivalents:"), eq);
      bz_print_flow_paragraph (flow, FONT_SMALL, m, 0, 3, 0);
    }
  /* * the nutritionist's ingredient changes in this day's recipes */
  for (guint i = 0; doc->customized && i < doc->customized->len; i++)
    {
      const BzPlanDocCustomized *c = g_ptr_array_index (doc->customized, i);
      const BzPlanDocRecipe *r = bz_meal_plan_document_find_recipe (doc, c->recipe_id);
      g_autofree char *changes = NULL;
      g_autofree char *head = NULL;

      if (c->day != d + 1 || r == NULL)
        continue;
      changes = format_changes (c);
      head = g_markup_printf_escaped ("<b>* %s, %s:</b> ", bz_plan_meal_label (c->meal_name), r->title);
      {
        g_autofree char *m = g_strconcat (head, changes, NULL);
        bz_print_flow_paragraph (flow, FONT_SMALL, m, 0, 2, 0);
      }
    }
}

static void
build_recipe (BzPrintFlow *flow, const BzPlanDocRecipe *r)
{
  static const double widths[] = { 0.38, 0.32, 0.14, 0.16 };
  g_autofree char *yield = bz_plan_format_servings (r->yield_servings);
  g_autofree char *used = bz_plan_format_servings (r->servings_in_plan);
  g_autofree char *meta = NULL;
  g_autofree char *in_plan = NULL;
  g_autofree char *eq = format_equivalents (r->smae_per_serving);

  heading (flow, FONT_H2, r->title, 12);
  meta = g_markup_printf_escaped (_("Makes %s · preparation %d min · cooking %d min · %.0f kcal per serving"),
                                  yield, (int) r->prep_time_min, (int) r->cook_time_min, r->per_serving.kcal);
  bz_print_flow_paragraph (flow, FONT_SMALL, meta, 0, 1, 0);
  in_plan = g_markup_printf_escaped (ngettext ("In this plan: %s (%u time)", "In this plan: %s (%u times)", r->uses),
                                     used, r->uses);
  bz_print_flow_paragraph (flow, FONT_SMALL, in_plan, 0, 1, 0);
  if (eq)
    {
      g_autofree char *m = g_strdup_printf ("<b>%s</b> %s", _("SMAE equivalents per serving:"), eq);
      bz_print_flow_paragraph (flow, FONT_SMALL, m, 0, 1, 0);
    }
  heading (flow, FONT_H3, _("Ingredients"), 6);
  {
    g_autofree char *h0 = g_markup_printf_escaped ("<b>%s</b>", _("Food"));
    g_autofree char *h1 = g_markup_printf_escaped ("<b>%s</b>", _("As the recipe says"));
    g_autofree char *h2 = g_markup_printf_escaped ("<b>%s</b>", _("Per serving"));
    g_autofree char *h3 = g_markup_printf_escaped ("<b>%s</b>", _("Whole plan"));
    const char *cells[] = { h0, h1, h2, h3 };
    bz_print_flow_row (flow, FONT_SMALL, 4, cells, widths, (1u << 2) | (1u << 3), TRUE);
  }
  for (guint i = 0; i < r->ingredients->len; i++)
    {
      const BzPlanDocIngredient *ing = g_ptr_array_index (r->ingredients, i);
      const char *name = ing->description ? bz_food_display_name (ing->description, ing->name_es) : ing->name;
      g_autofree char *c0 = g_markup_printf_escaped ("%s", name ? name : ing->ndb_no);
      g_autofree char *c1 = g_markup_printf_escaped ("%s", ing->text ? ing->text : "");
      g_autofree char *c2 = format_grams (ing->grams_per_serving);
      g_autofree char *c3 = format_grams (ing->grams_in_plan);
      const char *cells[] = { c0, c1, c2, c3 };
      bz_print_flow_row (flow, FONT_SMALL, 4, cells, widths, (1u << 2) | (1u << 3), FALSE);
    }
  if (r->steps && r->steps[0])
    {
      heading (flow, FONT_H3, _("Steps"), 6);
      for (guint i = 0; r->steps[i]; i++)
        {
          g_autofree char *m = g_markup_printf_escaped ("<b>%u.</b> %s", i + 1, r->steps[i]);
          bz_print_flow_paragraph (flow, FONT_BODY, m, 8, 2, 0);
        }
    }
}

static void
build_shopping (BzPrintFlow *flow, const BzMealPlanDocument *doc)
{
  static const double widths[] = { 0.78, 0.22 };
  int section = -1;

  heading (flow, FONT_H1, _("Shopping list"), 0);
  para (flow, FONT_SMALL, _("Amounts for the whole plan, as edible portion: buy a little more of foods with peel, "
                            "bones or seeds."));
  if (doc->customized && doc->customized->len > 0)
    para (flow, FONT_SMALL, _("The amounts include the ingredient changes marked * in the plan."));
  for (guint i = 0; i < doc->shopping->len; i++)
    {
      const BzShoppingItem *item = g_ptr_array_index (doc->shopping, i);
      const char *name = item->description ? bz_food_display_name (item->description, item->name_es) : item->name;
      g_autofree char *c0 = g_markup_printf_escaped ("☐  %s", name);
      g_autofree char *c1 = format_grams (item->grams);
      const char *cells[] = { c0, c1 };

      if ((int) item->section != section)
        {
          section = item->section;
          heading (flow, FONT_H2, bz_shopping_section_name (item->section), 10);
        }
      bz_print_flow_row (flow, FONT_BODY, 2, cells, widths, 1u << 1, i % 2 == 1);
    }
  if (doc->shopping->len == 0)
    para (flow, FONT_BODY, _("The plan has no recipes yet."));
}

/* The week at a glance: a table per 7 days, a row per meal slot (every slot
 * any of the days has, in the order they first appear), a column per day,
 * each cell the slot's recipes with their servings. */
static void
build_week_grid (BzPrintFlow *flow, const BzMealPlanDocument *doc)
{
  guint n_days = MIN (bz_record_get_n_items (doc->plan, BZ_MEAL_PLAN_SUGGESTIONS), doc->n_days);

  heading (flow, FONT_H1, _("The week at a glance"), 6);
  for (guint start = 0; start < n_days; start += 7)
    {
      guint n = MIN (7, n_days - start);
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();   /* the first spelling of each slot */
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      double widths[8];

      widths[0] = 0.13;
      for (guint i = 0; i < n; i++)
        widths[i + 1] = 0.87 / 7;
      for (guint d = start; d < start + n; d++)
        {
          BzRecord *day = bz_record_get_item (doc->plan, BZ_MEAL_PLAN_SUGGESTIONS, d);
          for (guint m = 0; m < bz_record_get_n_items (day, BZ_PLAN_DAY_MEALS); m++)
            {
              const char *name = bz_record_get_string (bz_record_get_item (day, BZ_PLAN_DAY_MEALS, m), BZ_PLAN_MEAL_MEAL_NAME);
              char *key = bz_meal_plan_meal_key (name ? name : "");
              gboolean seen = FALSE;
              for (guint k = 0; k < keys->len && !seen; k++)
                seen = g_str_equal (g_ptr_array_index (keys, k), key);
              if (seen)
                g_free (key);
              else
                {
                  g_ptr_array_add (keys, key);
                  g_ptr_array_add (labels, (gpointer) name);
                }
            }
        }
      /* the header row: the days */
      g_ptr_array_add (cells, g_strdup (""));
      for (guint d = start; d < start + n; d++)
        {
          BzRecord *day = bz_record_get_item (doc->plan, BZ_MEAL_PLAN_SUGGESTIONS, d);
          g_autoptr(GDateTime) dt = parse_date (bz_record_get_string (day, BZ_PLAN_DAY_DATE));
          g_autofree char *date = dt ? bz_date_time_format (dt, _("%b %-d")) : g_strdup ("");
          g_ptr_array_add (cells, g_markup_printf_escaped ("<b>%s %d</b>\n%s", _("Day"),
                                                           (int) bz_record_get_int (day, BZ_PLAN_DAY_DAY), date));
        }
      bz_print_flow_row (flow, FONT_TINY, n + 1, (const char *const *) cells->pdata, widths, 0, TRUE);
      for (guint k = 0; k < keys->len; k++)
        {
          g_ptr_array_set_size (cells, 0);
          g_ptr_array_add (cells, g_markup_printf_escaped ("<b>%s</b>", bz_plan_meal_label (g_ptr_array_index (labels, k))));
          for (guint d = start; d < start + n; d++)
            {
              BzRecord *day = bz_record_get_item (doc->plan, BZ_MEAL_PLAN_SUGGESTIONS, d);
              g_autoptr(GString) cell = g_string_new (NULL);
              for (guint m = 0; m < bz_record_get_n_items (day, BZ_PLAN_DAY_MEALS); m++)
                {
                  BzRecord *meal = bz_record_get_item (day, BZ_PLAN_DAY_MEALS, m);
                  g_autofree char *key = bz_meal_plan_meal_key (bz_record_get_string (meal, BZ_PLAN_MEAL_MEAL_NAME));
                  if (!g_str_equal (key, g_ptr_array_index (keys, k)))
                    continue;
                  for (guint r = 0; r < bz_record_get_n_items (meal, BZ_PLAN_MEAL_RECIPES); r++)
                    {
                      BzRecord *pr = bz_record_get_item (meal, BZ_PLAN_MEAL_RECIPES, r);
                      g_autofree char *x = format_number (bz_record_get_double (pr, BZ_PLAN_RECIPE_SERVINGS));
                      gboolean changed = bz_meal_plan_document_find_customized (
                          doc, d + 1, bz_record_get_string (meal, BZ_PLAN_MEAL_MEAL_NAME),
                          bz_record_get_string (pr, BZ_PLAN_RECIPE_ID)) != NULL;
                      g_autofree char *line = g_markup_printf_escaped ("%s%s <span foreground=\"#2e7d32\">×%s</span>%s",
                                                                       cell->len ? "\n" : "",
                                                                       bz_record_get_string (pr, BZ_PLAN_RECIPE_TITLE), x,
                                                                       changed ? " *" : "");
                      g_string_append (cell, line);
                    }
                }
              g_ptr_array_add (cells, cell->len ? g_string_free (g_steal_pointer (&cell), FALSE) : g_strdup ("—"));
            }
          bz_print_flow_row (flow, FONT_TINY, n + 1, (const char *const *) cells->pdata, widths, 0, k % 2 == 1);
        }
      /* each day's kcal */
      g_ptr_array_set_size (cells, 0);
      g_ptr_array_add (cells, g_strdup ("<b>kcal</b>"));
      for (guint d = start; d < start + n; d++)
        {
          BzRecord *day = bz_record_get_item (doc->plan, BZ_MEAL_PLAN_SUGGESTIONS, d);
          BzPlanTotals t = { 0 };
          for (guint m = 0; m < bz_record_get_n_items (day, BZ_PLAN_DAY_MEALS); m++)
            {
              BzRecord *meal = bz_record_get_item (day, BZ_PLAN_DAY_MEALS, m);
              for (guint r = 0; r < bz_record_get_n_items (meal, BZ_PLAN_MEAL_RECIPES); r++)
                bz_plan_nutrition_read (bz_record_get_object (bz_record_get_item (meal, BZ_PLAN_MEAL_RECIPES, r),
                                                              BZ_PLAN_RECIPE_NUTRITION), &t, 1);
            }
          g_ptr_array_add (cells, g_strdup_printf ("<b>%.0f</b>", t.kcal));
        }
      bz_print_flow_row (flow, FONT_TINY, n + 1, (const char *const *) cells->pdata, widths, 0, TRUE);
    }
}

static void
build_document (BzPrintFlow *flow, const BzMealPlanDocument *doc)
{
  guint n_days = bz_record_get_n_items (doc->plan, BZ_MEAL_PLAN_SUGGESTIONS);

  build_header (flow, doc);
  build_week_grid (flow, doc);
  heading (flow, FONT_H1, _("The plan, day by day"), 14);
  for (guint d = 0; d < n_days && d < doc->n_days; d++)
    build_day (flow, doc, d);
  if (doc->recipes->len > 0)
    {
      bz_print_flow_page_break (flow);
      heading (flow, FONT_H1, _("Recipes"), 0);
      for (guint i = 0; i < doc->recipes->len; i++)
        build_recipe (flow, g_ptr_array_index (doc->recipes, i));
    }
  bz_print_flow_page_break (flow);
  build_shopping (flow, doc);
}

BzPrintFlow *
bz_plan_print_layout (const BzMealPlanDocument *doc, PangoContext *context, double width, double height)
{
  BzPrintFlow *flow;

  g_return_val_if_fail (doc != NULL && PANGO_IS_CONTEXT (context), NULL);
  flow = bz_print_flow_new (context, width, height);
  build_document (flow, doc);
  return flow;
}

