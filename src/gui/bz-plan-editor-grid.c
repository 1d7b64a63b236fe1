/* bz-plan-editor-grid.c — the plan editor's grid: a column per day, a row
 * per meal slot (the slots the service made, in their order), a last row of
 * each day's totals.
 *
 * Each cell lists its recipes with their servings (a spin button, 0.1-20,
 * committed 700 ms after the last change or at once with Enter), kcal and
 * NOM-051 seals, a remove button, and an "Add" button that opens the recipe
 * search.  The totals are the service's roll-up (nutrition.dayWise) against
 * the patient's daily targets (the DailyIntake of bz_meals_get_daily_async),
 * and the day's SMAE equivalents: each recipe's equivalents per serving
 * (bz_recipes_get: SMAE 4th ed., bz-smae.h) x its servings.
 *
 * The grid is rebuilt after every change; the widget that had the focus
 * (named by a focus key) gets it back.
 */
#include "bz-plan-editor-private.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bz-gui-util.h"

#define SERVINGS_COMMIT_MS 700
#define DAY_COLUMN_WIDTH 210

/* SMAE group names, by the field index of SmaeEquivalents (= BzSmaeGroup). */
static const char *const smae_names[BZ_SMAE_N_GROUPS] = {
  N_("Vegetables"), N_("Fruits"), N_("Cereals without fat"), N_("Cereals with fat"), N_("Legumes"),
  N_("Animal foods, very low fat"), N_("Animal foods, low fat"), N_("Animal foods, moderate fat"),
  N_("Animal foods, high fat"), N_("Skim milk"), N_("Reduced-fat milk"), N_("Whole milk"),
  N_("Milk with sugar"), N_("Fats without protein"), N_("Fats with protein"), N_("Sugars without fat"),
  N_("Sugars with fat"), N_("Free foods"),
};

static GtkWidget *
small_label (const char *text, const char *css)
{
  GtkWidget *label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css)
    gtk_widget_add_css_class (label, css);
  return label;
}

const char *
bz_plan_slot_recipe_type (const char *meal_name)
{
  return bz_vocab_canonical (&bz_vocab_recipe_meal_type, meal_name);
}

const char *
bz_plan_slot_label (const char *meal_name)
{
  const char *id = bz_plan_slot_recipe_type (meal_name);
  return id ? bz_vocab_label (&bz_vocab_recipe_meal_type, id, meal_name) : meal_name;
}

static BzRecord *
find_meal (BzRecord *day, const char *key)
{
  for (guint i = 0; day && i < bz_record_get_n_items (day, BZ_PLAN_DAY_MEALS); i++)
    {
      BzRecord *meal = bz_record_get_item (day, BZ_PLAN_DAY_MEALS, i);
      g_autofree char *k = bz_meal_plan_meal_key (bz_record_get_string (meal, BZ_PLAN_MEAL_MEAL_NAME));
      if (g_strcmp0 (k, key) == 0)
        return meal;
    }
  return NULL;
}

guint
bz_plan_editor_count_empty_slots (BzPlanEditor *self)
{
  guint empty = 0;

  for (guint d = 0; self->plan && d < bz_record_get_n_items (self->plan, BZ_MEAL_PLAN_SUGGESTIONS); d++)
    {
      BzRecord *day = bz_record_get_item (self->plan, BZ_MEAL_PLAN_SUGGESTIONS, d);
      for (guint i = 0; i < bz_record_get_n_items (day, BZ_PLAN_DAY_MEALS); i++)
        if (bz_record_get_n_items (bz_record_get_item (day, BZ_PLAN_DAY_MEALS, i), BZ_PLAN_MEAL_RECIPES) == 0)
          empty++;
    }
  return empty;
}

static void
remember (BzPlanEditor *self, GtkWidget *widget, char *key)
{
  g_hash_table_replace (self->focusable, key, widget);
}

/* --- servings --------------------------------------------------------------------- */

typedef struct
{
  BzPlanEditor *editor;          /* weak: the editor outlives its grid */
  gint64 day;
  char *meal_name;
  char *recipe_id;
  char *title;
  double servings;               /* as stored */
  double value;                  /* as shown */
  guint timeout;
  GtkSpinButton *spin;
} ServingsEdit;

static void servings_commit (ServingsEdit *e);

static void
servings_edit_free (gpointer p)
{
  ServingsEdit *e = p;

  /* The grid is being rebuilt (another change came back) or closed: a change
   * still waiting for its delay is sent now rather than lost. */
  if (e->timeout)
    servings_commit (e);
  g_free (e->meal_name);
  g_free (e->recipe_id);
  g_free (e->title);
  g_free (e);
}

static void
servings_commit (ServingsEdit *e)
{
  double value = e->value;
  BzPlanOp *op;

  g_clear_handle_id (&e->timeout, g_source_remove);
  if (fabs (value - e->servings) < 0.05 || !bz_plan_editor_is_draft (e->editor))
    return;
  op = g_new0 (BzPlanOp, 1);
  op->kind = BZ_PLAN_OP_SERVINGS;
  op->day = e->day;
  op->meal_name = g_strdup (e->meal_name);
  op->recipe_id = g_strdup (e->recipe_id);
  op->title = g_strdup (e->title);
  op->servings = value;
  op->old_servings = e->servings;
  op->focus_key = g_strdup_printf ("servings:%" G_GINT64_FORMAT ":%s:%s", e->day, e->meal_name, e->recipe_id);
  e->servings = value;
  bz_plan_editor_queue (e->editor, op);
}

static gboolean
servings_timeout_cb (gpointer data)
{
  ServingsEdit *e = data;
  e->timeout = 0;
  servings_commit (e);
  return G_SOURCE_REMOVE;
}

static void
servings_changed_cb (GtkSpinButton *spin, ServingsEdit *e)
{
  e->value = gtk_spin_button_get_value (spin);
  g_clear_handle_id (&e->timeout, g_source_remove);
  e->timeout = g_timeout_add (SERVINGS_COMMIT_MS, servings_timeout_cb, e);
}

static void
servings_activate_cb (GtkWidget *text, ServingsEdit *e)
{
  gtk_spin_button_update (e->spin);
  e->value = gtk_spin_button_get_value (e->spin);
  servings_commit (e);
}

/* --- cells ------------------------------------------------------------------------ */

static void
remove_clicked_cb (GtkButton *button, BzPlanEditor *self)
{
  BzPlanOp *op = g_new0 (BzPlanOp, 1);

  op->kind = BZ_PLAN_OP_REMOVE;
  op->day = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "day"));
  op->meal_name = g_strdup (g_object_get_data (G_OBJECT (button), "meal"));
  op->recipe_id = g_strdup (g_object_get_data (G_OBJECT (button), "recipe"));
  op->title = g_strdup (g_object_get_data (G_OBJECT (button), "title"));
  op->servings = *(double *) g_object_get_data (G_OBJECT (button), "servings");
  op->focus_key = g_strdup_printf ("add:%" G_GINT64_FORMAT ":%s", op->day, op->meal_name);
  bz_plan_editor_queue (self, op);
}

static void
swap_clicked_cb (GtkButton *button, BzPlanEditor *self)
{
  bz_plan_editor_open_swap (self, (guint) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "day")),
                            g_object_get_data (G_OBJECT (button), "meal"), g_object_get_data (G_OBJECT (button), "recipe"));
}

static void
add_clicked_cb (GtkButton *button, BzPlanEditor *self)
{
  bz_plan_editor_open_search (self, (guint) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "day")),
                              g_object_get_data (G_OBJECT (button), "meal"));
}

static GtkWidget *
recipe_entry_new (BzPlanEditor *self, gint64 day, const char *meal_name, BzRecord *entry, gboolean editable)
{
  const char *id = bz_record_get_string (entry, BZ_PLAN_RECIPE_ID);
  const char *title = bz_record_get_string (entry, BZ_PLAN_RECIPE_TITLE);
  double servings = bz_record_get_double (entry, BZ_PLAN_RECIPE_SERVINGS);
  BzRecord *recipe = g_hash_table_lookup (self->recipes, id);
  BzPlanTotals t = { 0 };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *spin, *kcal, *remove;
  g_autofree char *kcal_text = NULL, *spin_name = NULL, *remove_name = NULL;
  ServingsEdit *e;
  double *servings_copy, min, max;

  gtk_widget_add_css_class (box, "plan-recipe");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_add_css_class (label, "plan-recipe-title");
  gtk_box_append (GTK_BOX (box), label);
  bz_plan_nutrition_read (bz_record_get_object (entry, BZ_PLAN_RECIPE_NUTRITION), &t, 1.0);
  if (editable)
    {
      /* kcal with the seals, so that the servings line has room for its buttons */
      GtkWidget *meta = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      kcal_text = g_strdup_printf (_("%.0f kcal"), t.kcal);
      kcal = gtk_label_new (kcal_text);
      gtk_widget_add_css_class (kcal, "dim-label");
      gtk_box_append (GTK_BOX (meta), kcal);
      if (recipe)
        gtk_box_append (GTK_BOX (meta), bz_plan_seals_box_new (bz_recipe_nom051_seals (recipe, NULL)));
      gtk_box_append (GTK_BOX (box), meta);
    }
  else if (recipe)
    gtk_box_append (GTK_BOX (box), bz_plan_seals_box_new (bz_recipe_nom051_seals (recipe, NULL)));

  if (!editable)
    {
      g_autofree char *text = NULL;
      /* TRANSLATORS: a recipe of a finalized plan: "<servings> servings · <kcal> kcal" */
      text = g_strdup_printf (_("%.1f servings · %.0f kcal"), servings, t.kcal);
      gtk_box_append (GTK_BOX (box), small_label (text, "dim-label"));
      return box;
    }
  bz_meal_plan_servings_range (&min, &max);
  spin = gtk_spin_button_new_with_range (min, max, 0.5);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), servings);
  /* TRANSLATORS: the servings spin button's tooltip and accessible name */
  spin_name = g_strdup_printf (_("Servings of %s"), title);
  gtk_widget_set_tooltip_text (spin, spin_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, spin_name, -1);
  gtk_widget_set_hexpand (spin, FALSE);
  gtk_box_append (GTK_BOX (line), spin);
  {
    GtkWidget *unit = gtk_label_new (_("serv."));
    gtk_widget_add_css_class (unit, "dim-label");
    gtk_widget_set_hexpand (unit, TRUE);
    gtk_label_set_xalign (GTK_LABEL (unit), 0);
    gtk_box_append (GTK_BOX (line), unit);
  }
  remember (self, spin, g_strdup_printf ("servings:%" G_GINT64_FORMAT ":%s:%s", day, meal_name, id));

  if (editable)
    {
      e = g_new0 (ServingsEdit, 1);
      e->editor = self;
      e->day = day;
      e->meal_name = g_strdup (meal_name);
      e->recipe_id = g_strdup (id);
      e->title = g_strdup (title);
      e->servings = servings;
      e->value = servings;
      e->spin = GTK_SPIN_BUTTON (spin);
      g_object_set_data_full (G_OBJECT (spin), "edit", e, servings_edit_free);
      g_signal_connect (spin, "value-changed", G_CALLBACK (servings_changed_cb), e);
      /* GtkSpinButton has no "activate" before GTK 4.14: Enter activates its text. */
      g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "activate", G_CALLBACK (servings_activate_cb), e);

      remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_add_css_class (remove, "flat");
      remove_name = g_strdup_printf (_("Remove %s"), title);
      gtk_widget_set_tooltip_text (remove, remove_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
      g_object_set_data (G_OBJECT (remove), "day", GINT_TO_POINTER ((int) day));
      g_object_set_data_full (G_OBJECT (remove), "meal", g_strdup (meal_name), g_free);
      g_object_set_data_full (G_OBJECT (remove), "recipe", g_strdup (id), g_free);
      g_object_set_data_full (G_OBJECT (remove), "title", g_strdup (title), g_free);
      servings_copy = g_new (double, 1);
      *servings_copy = servings;
      g_object_set_data_full (G_OBJECT (remove), "servings", servings_copy, g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
      if (recipe)
        {
          GtkWidget *swap = gtk_button_new_from_icon_name ("document-edit-symbolic");
          g_autofree char *swap_name = g_strdup_printf (_("Swap ingredients of %s"), title);

          gtk_widget_add_css_class (swap, "flat");
          gtk_widget_set_tooltip_text (swap, swap_name);
          gtk_accessible_update_property (GTK_ACCESSIBLE (swap), GTK_ACCESSIBLE_PROPERTY_LABEL, swap_name, -1);
          g_object_set_data (G_OBJECT (swap), "day", GINT_TO_POINTER ((int) day));
          g_object_set_data_full (G_OBJECT (swap), "meal", g_strdup (meal_name), g_free);
          g_object_set_data_full (G_OBJECT (swap), "recipe", g_strdup (id), g_free);
          g_signal_connect (swap, "clicked", G_CALLBACK (swap_clicked_cb), self);
          gtk_box_append (GTK_BOX (line), swap);
          remember (self, swap, g_strdup_printf ("swap:%" G_GINT64_FORMAT ":%s:%s", day, meal_name, id));
        }
      gtk_box_append (GTK_BOX (line), remove);
    }
  gtk_box_append (GTK_BOX (box), line);
  return box;
}

static GtkWidget *
cell_new (BzPlanEditor *self, gint64 day, const char *slot_name, BzRecord *meal)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gboolean editable = bz_plan_editor_is_draft (self);
  guint n = meal ? bz_record_get_n_items (meal, BZ_PLAN_MEAL_RECIPES) : 0;
  const char *meal_name = meal ? bz_record_get_string (meal, BZ_PLAN_MEAL_MEAL_NAME) : slot_name;

  gtk_widget_add_css_class (cell, "card");
  gtk_widget_add_css_class (cell, "plan-cell");
  gtk_widget_set_size_request (cell, DAY_COLUMN_WIDTH, -1);
  if (meal == NULL)
    {
      GtkWidget *none = gtk_label_new ("—");
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (cell), none);
      return cell;
    }
  for (guint i = 0; i < n; i++)
    gtk_box_append (GTK_BOX (cell), recipe_entry_new (self, day, meal_name,
                                                      bz_record_get_item (meal, BZ_PLAN_MEAL_RECIPES, i), editable));
  if (n == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No recipe yet"));
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_widget_add_css_class (empty, "plan-empty");
      gtk_box_append (GTK_BOX (cell), empty);
      gtk_widget_add_css_class (cell, "plan-cell-empty");
    }
  if (editable)
    {
      GtkWidget *add = gtk_button_new ();
      GtkWidget *content = adw_button_content_new ();
      g_autofree char *tip = NULL;

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add recipe"));
      gtk_button_set_child (GTK_BUTTON (add), content);
      gtk_button_set_use_underline (GTK_BUTTON (add), FALSE);
      gtk_widget_set_halign (add, GTK_ALIGN_START);
      gtk_widget_add_css_class (add, "flat");
      gtk_widget_add_css_class (add, "plan-add");
      /* TRANSLATORS: "Add a recipe to <meal>, day <n>" */
      tip = g_strdup_printf (_("Add a recipe to %s, day %d"), bz_plan_slot_label (meal_name), (int) day);
      gtk_widget_set_tooltip_text (add, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      g_object_set_data (G_OBJECT (add), "day", GINT_TO_POINTER ((int) day));
      g_object_set_data_full (G_OBJECT (add), "meal", g_strdup (meal_name), g_free);
      g_signal_connect (add, "clicked", G_CALLBACK (add_clicked_cb), self);
      gtk_box_append (GTK_BOX (cell), add);
      remember (self, add, g_strdup_printf ("add:%" G_GINT64_FORMAT ":%s", day, meal_name));
    }
  return cell;
}

/* --- totals ------------------------------------------------------------------------ */


static double
target (BzPlanEditor *self, guint field)
{
  BzRecord *targets = self->daily ? bz_record_get_object (self->daily, BZ_DAILY_INTAKE_TARGETS) : NULL;
  return targets ? bz_record_get_double (targets, field) : NAN;
}

/* A name on the left, its value on the right, in a two-column grid. */
static void
add_pair (GtkGrid *grid, int row, const char *name, const char *value)
{
  GtkWidget *n = gtk_label_new (name), *v = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (n), 0);
  gtk_label_set_wrap (GTK_LABEL (n), TRUE);
  gtk_widget_set_hexpand (n, TRUE);
  gtk_label_set_xalign (GTK_LABEL (v), 1);
  gtk_widget_set_valign (v, GTK_ALIGN_START);
  gtk_widget_add_css_class (n, "caption");
  gtk_widget_add_css_class (v, "caption");
  gtk_widget_add_css_class (v, "numeric");
  gtk_grid_attach (grid, n, 0, row, 1, 1);
  gtk_grid_attach (grid, v, 1, row, 1, 1);
}

static char *
against (double value, double goal, const char *unit)
{
  if (isnan (goal))
    /* TRANSLATORS: a day's total: "<grams> g" */
    return g_strdup_printf (_("%.0f %s"), value, unit);
  /* TRANSLATORS: a day's total against the target: "<grams> / <target> g" */
  return g_strdup_printf (_("%.0f / %.0f %s"), value, goal, unit);
}

/* The service's roll-up of @day (nutrition.dayWise[].dayTotal). */
static void
day_totals (BzPlanEditor *self, gint64 day, BzPlanTotals *t)
{
  BzRecord *summary = bz_record_get_object (self->plan, BZ_MEAL_PLAN_NUTRITION);

  for (guint i = 0; summary && i < bz_record_get_n_items (summary, BZ_PLAN_NUTRITION_SUMMARY_DAY_WISE); i++)
    {
      BzRecord *dw = bz_record_get_item (summary, BZ_PLAN_NUTRITION_SUMMARY_DAY_WISE, i);
      if (bz_record_get_int (dw, BZ_PLAN_DAY_NUTRITION_DAY) == day)
        bz_plan_nutrition_read (bz_record_get_object (dw, BZ_PLAN_DAY_NUTRITION_DAY_TOTAL), t, 1.0);
    }
}

static char *
kcal_text (BzPlanEditor *self, double kcal)
{
  double goal = target (self, BZ_NUTRIENTS_ENERGY_KCAL);

  if (isnan (goal))
    return g_strdup_printf (_("%.0f kcal"), kcal);
  /* TRANSLATORS: a day's energy against the patient's target */
  return g_strdup_printf (_("%.0f / %.0f kcal"), kcal, goal);
}

static GtkWidget *
totals_new (BzPlanEditor *self, BzRecord *day_rec, gint64 day)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  BzPlanTotals t = { 0 };
  double eq[BZ_SMAE_N_GROUPS] = { 0 };
  double kcal_goal = target (self, BZ_NUTRIENTS_ENERGY_KCAL);
  g_autofree char *kcal = NULL, *protein = NULL, *carbs = NULL, *fat = NULL;
  GtkWidget *kcal_label, *bar, *heading, *macros, *equivalents;
  guint shown = 0;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "plan-totals");
  gtk_widget_set_size_request (box, DAY_COLUMN_WIDTH, -1);
  day_totals (self, day, &t);
  kcal = kcal_text (self, t.kcal);
  kcal_label = small_label (kcal, "heading");
  gtk_box_append (GTK_BOX (box), kcal_label);
  g_ptr_array_add (self->day_total_labels, kcal_label);
  if (!isnan (kcal_goal) && kcal_goal > 0)
    {
      bar = gtk_level_bar_new_for_interval (0, kcal_goal * 1.25);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), MIN (t.kcal, kcal_goal * 1.25));
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      if (t.kcal > kcal_goal * 1.1)
        gtk_widget_add_css_class (bar, "plan-over");
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, kcal, -1);
      gtk_box_append (GTK_BOX (box), bar);
    }
  protein = against (t.protein_g, target (self, BZ_NUTRIENTS_PROTEIN_G), "g");
  carbs = against (t.carbs_g, target (self, BZ_NUTRIENTS_CARBOHYDRATE_G), "g");
  fat = against (t.fat_g, target (self, BZ_NUTRIENTS_FAT_G), "g");
  macros = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (macros), 6);
  add_pair (GTK_GRID (macros), 0, _("Protein"), protein);
  add_pair (GTK_GRID (macros), 1, _("Carbohydrate"), carbs);
  add_pair (GTK_GRID (macros), 2, _("Fat"), fat);
  gtk_box_append (GTK_BOX (box), macros);

  for (guint m = 0; day_rec && m < bz_record_get_n_items (day_rec, BZ_PLAN_DAY_MEALS); m++)
    {
      BzRecord *meal = bz_record_get_item (day_rec, BZ_PLAN_DAY_MEALS, m);
      for (guint r = 0; r < bz_record_get_n_items (meal, BZ_PLAN_MEAL_RECIPES); r++)
        {
          BzRecord *entry = bz_record_get_item (meal, BZ_PLAN_MEAL_RECIPES, r);
          BzRecord *recipe = g_hash_table_lookup (self->recipes, bz_record_get_string (entry, BZ_PLAN_RECIPE_ID));
          BzRecord *smae = recipe ? bz_record_get_object (recipe, BZ_RECIPE_SMAE_EQUIVALENTS_PER_SERVING) : NULL;
          double servings = bz_record_get_double (entry, BZ_PLAN_RECIPE_SERVINGS);
          for (guint g = 0; smae && g < BZ_SMAE_N_GROUPS; g++)
            {
              double v = bz_record_get_double (smae, g);
              if (!isnan (v) && !isnan (servings))
                eq[g] += v * servings;
            }
        }
    }
  heading = small_label (_("SMAE equivalents"), "plan-totals-heading");
  gtk_widget_set_tooltip_text (heading, _("Sistema Mexicano de Alimentos Equivalentes, 4th ed. (2014)"));
  gtk_box_append (GTK_BOX (box), heading);
  equivalents = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (equivalents), 6);
  for (guint g = 0; g < BZ_SMAE_N_GROUPS; g++)
    if (eq[g] >= 0.05)
      {
        g_autofree char *value = g_strdup_printf ("%.1f", eq[g]);
        add_pair (GTK_GRID (equivalents), (int) shown, _(smae_names[g]), value);
        shown++;
      }
  gtk_box_append (GTK_BOX (box), equivalents);
  if (shown == 0)
    gtk_box_append (GTK_BOX (box), small_label ("—", "dim-label"));
  return box;
}

/* --- the grid ---------------------------------------------------------------------- */

static GtkWidget *
row_header_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_size_request (label, 96, -1);
  gtk_widget_set_margin_top (label, 10);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

void
bz_plan_editor_rebuild_grid (BzPlanEditor *self, const char *focus_key)
{
  GtkWidget *grid = gtk_grid_new ();
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func (g_free);   /* first spelling of each slot */
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  guint n_days = self->plan ? bz_record_get_n_items (self->plan, BZ_MEAL_PLAN_SUGGESTIONS) : 0;
  GtkWidget *focus;

  g_hash_table_remove_all (self->focusable);
  g_ptr_array_set_size (self->day_total_labels, 0);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);

  for (guint d = 0; d < n_days; d++)
    {
      BzRecord *day = bz_record_get_item (self->plan, BZ_MEAL_PLAN_SUGGESTIONS, d);
      for (guint i = 0; i < bz_record_get_n_items (day, BZ_PLAN_DAY_MEALS); i++)
        {
          const char *name = bz_record_get_string (bz_record_get_item (day, BZ_PLAN_DAY_MEALS, i), BZ_PLAN_MEAL_MEAL_NAME);
          g_autofree char *key = bz_meal_plan_meal_key (name);
          gboolean seen = FALSE;
          for (guint k = 0; k < keys->len && !seen; k++)
            seen = g_strcmp0 (g_ptr_array_index (keys, k), key) == 0;
          if (!seen)
            {
              g_ptr_array_add (keys, g_steal_pointer (&key));
              g_ptr_array_add (slots, g_strdup (name));
            }
        }
    }

  for (guint d = 0; d < n_days; d++)
    {
      BzRecord *day = bz_record_get_item (self->plan, BZ_MEAL_PLAN_SUGGESTIONS, d);
      gint64 n = bz_record_get_int (day, BZ_PLAN_DAY_DAY);
      g_autoptr(GDateTime) date = bz_parse_datetime (bz_record_get_string (day, BZ_PLAN_DAY_DATE));
      g_autofree char *title = g_strdup_printf (_("Day %d"), (int) n);
      /* TRANSLATORS: a plan day's date, strftime format, e.g. "Mon 1 Dec" */
      g_autofree char *when = date ? bz_date_time_format (date, _("%a %-d %b")) : g_strdup ("");
      GtkWidget *head = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      BzPlanTotals t = { 0 };
      g_autofree char *kcal = NULL;

      day_totals (self, n, &t);
      kcal = kcal_text (self, t.kcal);
      gtk_box_append (GTK_BOX (head), small_label (title, "heading"));
      gtk_box_append (GTK_BOX (head), small_label (when, "dim-label"));
      /* the day's energy at the top too: the totals row may be scrolled away */
      gtk_box_append (GTK_BOX (head), small_label (kcal, "plan-head-kcal"));
      gtk_grid_attach (GTK_GRID (grid), head, (int) d + 1, 0, 1, 1);
      for (guint s = 0; s < slots->len; s++)
        gtk_grid_attach (GTK_GRID (grid), cell_new (self, n, g_ptr_array_index (slots, s),
                                                    find_meal (day, g_ptr_array_index (keys, s))),
                         (int) d + 1, (int) s + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), totals_new (self, day, n), (int) d + 1, (int) slots->len + 1, 1, 1);
    }
  for (guint s = 0; s < slots->len; s++)
    gtk_grid_attach (GTK_GRID (grid), row_header_new (bz_plan_slot_label (g_ptr_array_index (slots, s))),
                     0, (int) s + 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), row_header_new (_("Day total")), 0, (int) slots->len + 1, 1, 1);

  gtk_scrolled_window_set_child (self->grid_scroller, grid);
  focus = focus_key ? g_hash_table_lookup (self->focusable, focus_key) : NULL;
  if (focus)
    gtk_widget_grab_focus (focus);
}
