/* bz-plan-swap.c — see bz-plan-swap.h.
 *
 * One row per ingredient of the recipe (its Spanish household text, SR28
 * description and grams for the whole recipe) with Omit and Replace.
 * Replace shows a food search (bz_foods_find_async(), FoodSummary records);
 * choosing a food emits "modify" with the ingredient's grams.  The plan
 * editor runs the change (bz_meal_plans_update_customizations_async()).
 */
#include "bz-plan-swap.h"

#include <glib/gi18n.h>

#include "bz-food-service.h"
#include "bz-gui-util.h"
#include "bz-recipe-resources.h"

#define FOOD_LIMIT 20

struct _BzPlanSwap
{
  AdwWindow parent_instance;

  GtkListBox *ingredients;
  GtkWidget *replace_box;
  GtkLabel *replace_label;
  GtkSearchEntry *food_entry;
  GtkListBox *foods;

  BzGuiSession *session;
  BzRecord *recipe;
  BzRecord *found;          /* the last FoodList */
  GCancellable *cancel;
  int replacing;            /* the ingredient being replaced, or -1 */
};

G_DEFINE_FINAL_TYPE (BzPlanSwap, bz_plan_swap, ADW_TYPE_WINDOW)

enum { SIGNAL_MODIFY, N_SIGNALS };
static guint signals[N_SIGNALS];

static BzRecord *
ingredient_at (BzPlanSwap *self, guint index)
{
  if (index >= bz_record_get_n_items (self->recipe, BZ_RECIPE_INGREDIENTS))
    return NULL;
  return bz_record_get_item (self->recipe, BZ_RECIPE_INGREDIENTS, index);
}

static void
emit (BzPlanSwap *self, guint index, const char *type, const char *replacement)
{
  BzRecord *ing = ingredient_at (self, index);

  if (ing == NULL)
    return;
  g_signal_emit (self, signals[SIGNAL_MODIFY], 0, type, bz_record_get_string (ing, BZ_RECIPE_INGREDIENT_NDB_NO),
                 replacement, bz_record_get_double (ing, BZ_RECIPE_INGREDIENT_GRAMS));
  gtk_window_close (GTK_WINDOW (self));
}

void
bz_plan_swap_omit (BzPlanSwap *self, guint index)
{
  g_return_if_fail (BZ_IS_PLAN_SWAP (self));
  emit (self, index, "omit", NULL);
}

void
bz_plan_swap_replace (BzPlanSwap *self, guint index, const char *ndb_no)
{
  g_return_if_fail (BZ_IS_PLAN_SWAP (self));
  emit (self, index, "replace", ndb_no);
}

/* --- the food search of Replace ------------------------------------------------ */

static GtkWidget *
food_row_new (gpointer item, gpointer user_data)
{
  BzRecord *food = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = g_strdup_printf (_("%.0f kcal per 100 g"),
                                               bz_record_get_double (food, BZ_FOOD_SUMMARY_ENERGY_KCAL));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 bz_food_display_name (bz_record_get_string (food, BZ_FOOD_SUMMARY_DESCRIPTION),
                                                       bz_record_get_string (food, BZ_FOOD_SUMMARY_NAME_ES)));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
foods_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPlanSwap) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) list = bz_foods_find_finish (BZ_SERVICES (source), result, &error);
  g_autoptr(GListModel) foods = NULL;

  if (bz_is_cancelled (error))
    return;
  gtk_list_box_bind_model (self->foods, NULL, NULL, NULL, NULL);
  g_clear_object (&self->found);
  if (list == NULL)
    return;
  self->found = g_steal_pointer (&list);
  g_object_get (self->found, "foods", &foods, NULL);
  gtk_list_box_bind_model (self->foods, foods, food_row_new, self, NULL);
}

static void
food_search_cb (BzPlanSwap *self)
{
  if (self->cancel)
    g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  self->cancel = g_cancellable_new ();
  bz_foods_find_async (bz_gui_session_get_services (self->session),
                       gtk_editable_get_text (GTK_EDITABLE (self->food_entry)), 1, FOOD_LIMIT, self->cancel,
                       foods_done, g_object_ref (self));
}

static void
food_activated_cb (GtkListBox *list, GtkListBoxRow *row, BzPlanSwap *self)
{
  g_autoptr(GListModel) foods = NULL;
  g_autoptr(BzRecord) food = NULL;

  if (self->found == NULL || self->replacing < 0)
    return;
  g_object_get (self->found, "foods", &foods, NULL);
  food = g_list_model_get_item (foods, (guint) gtk_list_box_row_get_index (row));
  if (food)
    bz_plan_swap_replace (self, (guint) self->replacing, bz_record_get_string (food, BZ_FOOD_SUMMARY_NDB_NO));
}

static void
replace_clicked_cb (GtkButton *button, BzPlanSwap *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  BzRecord *ing = ingredient_at (self, index);
  g_autofree char *text = NULL;

  if (ing == NULL)
    return;
  self->replacing = (int) index;
  /* TRANSLATORS: "Replace <ingredient> (<grams> g) with:" */
  text = g_strdup_printf (_("Replace %s (%.0f g) with:"), bz_record_get_string (ing, BZ_RECIPE_INGREDIENT_TEXT),
                          bz_record_get_double (ing, BZ_RECIPE_INGREDIENT_GRAMS));
  gtk_label_set_label (self->replace_label, text);
  gtk_widget_set_visible (self->replace_box, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->food_entry));
}

static void
omit_clicked_cb (GtkButton *button, BzPlanSwap *self)
{
  bz_plan_swap_omit (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

/* --- object ------------------------------------------------------------------------ */

static void
bz_plan_swap_dispose (GObject *object)
{
  BzPlanSwap *self = BZ_PLAN_SWAP (object);

  if (self->cancel)
    g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  g_clear_object (&self->found);
  g_clear_object (&self->recipe);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (bz_plan_swap_parent_class)->dispose (object);
}

static void
bz_plan_swap_class_init (BzPlanSwapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bz_plan_swap_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  signals[SIGNAL_MODIFY] = g_signal_new ("modify", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_DOUBLE);
}

static void
bz_plan_swap_init (BzPlanSwap *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *hint = gtk_label_new (_("Changes apply to this recipe in this meal only; the plan's nutrition is "
                                     "recalculated from the USDA values."));
  GtkWidget *food_scroller;

  self->replacing = -1;
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 620);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_title (GTK_WINDOW (self), _("Ingredients"));
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());

  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (content), hint);
  self->ingredients = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->ingredients, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->ingredients), "boxed-list");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->ingredients));

  self->replace_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->replace_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->replace_label, 0);
  gtk_label_set_wrap (self->replace_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->replace_label), "heading");
  gtk_box_append (GTK_BOX (self->replace_box), GTK_WIDGET (self->replace_label));
  self->food_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->food_entry, "placeholder-text", _("Search USDA foods: nopal, frijol, tortilla…"), NULL);
  gtk_box_append (GTK_BOX (self->replace_box), GTK_WIDGET (self->food_entry));
  self->foods = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->foods), "boxed-list");
  food_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (food_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (food_scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (food_scroller), 260);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (food_scroller), GTK_WIDGET (self->foods));
  gtk_box_append (GTK_BOX (self->replace_box), food_scroller);
  gtk_widget_set_visible (self->replace_box, FALSE);
  gtk_box_append (GTK_BOX (content), self->replace_box);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect_swapped (self->food_entry, "search-changed", G_CALLBACK (food_search_cb), self);
  g_signal_connect (self->foods, "row-activated", G_CALLBACK (food_activated_cb), self);
}

BzPlanSwap *
bz_plan_swap_new (GtkWindow *parent, BzGuiSession *session, BzRecord *recipe)
{
  BzPlanSwap *self = g_object_new (BZ_TYPE_PLAN_SWAP, "transient-for", parent, NULL);
  GtkWidget *header = gtk_widget_get_first_child (adw_window_get_content (ADW_WINDOW (self)));

  self->session = g_object_ref (session);
  self->recipe = g_object_ref (recipe);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Ingredients"), bz_record_get_string (recipe, BZ_RECIPE_TITLE)));
  for (guint i = 0; i < bz_record_get_n_items (recipe, BZ_RECIPE_INGREDIENTS); i++)
    {
      BzRecord *ing = bz_record_get_item (recipe, BZ_RECIPE_INGREDIENTS, i);
      const char *text = bz_record_get_string (ing, BZ_RECIPE_INGREDIENT_TEXT);
      g_autofree char *subtitle = g_strdup_printf ("%s · %.0f g",
                                                   bz_record_get_string (ing, BZ_RECIPE_INGREDIENT_DESCRIPTION)
                                                     ? bz_record_get_string (ing, BZ_RECIPE_INGREDIENT_DESCRIPTION) : "",
                                                   bz_record_get_double (ing, BZ_RECIPE_INGREDIENT_GRAMS));
      g_autofree char *omit_name = g_strdup_printf (_("Omit %s"), text);
      g_autofree char *replace_name = g_strdup_printf (_("Replace %s"), text);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *omit = gtk_button_new_with_mnemonic (_("_Omit"));
      GtkWidget *replace = gtk_button_new_with_mnemonic (_("_Replace…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      for (guint k = 0; k < 2; k++)
        {
          GtkWidget *b = k ? replace : omit;
          gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (b, "flat");
          g_object_set_data (G_OBJECT (b), "index", GUINT_TO_POINTER (i));
          gtk_widget_set_tooltip_text (b, k ? replace_name : omit_name);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), b);
        }
      g_signal_connect (omit, "clicked", G_CALLBACK (omit_clicked_cb), self);
      g_signal_connect (replace, "clicked", G_CALLBACK (replace_clicked_cb), self);
      gtk_list_box_append (self->ingredients, row);
    }
  return self;
}
