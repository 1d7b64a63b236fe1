/* bz-plan-today.c — the patient's meal plan for today (see bz-plan-today.h). */
#include "bz-plan-today.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bz-gui-util.h"
#include "bz-meal-plan-document.h"
#include "bz-plan-print.h"

struct _BzPlanToday
{
  GtkWidget parent_instance;

  GtkLabel *plan_label;
  GtkWidget *print_button;
  GtkWidget *save_button;
  GtkStack *stack;
  GtkLabel *empty_label;
  GtkListBox *list;
  GtkLabel *total_label;

  BzGuiSession *session;
  GCancellable *cancel;
  char *plan_id;
  char *plan_name;
  guint n_recipes;
  gboolean loading;
  gboolean kiosk;           /* the member's own plan: messages speak to the member */
};

G_DEFINE_FINAL_TYPE (BzPlanToday, bz_plan_today, GTK_TYPE_WIDGET)

/* The print and save buttons: at the desk, with a plan. */
static void
set_actions (BzPlanToday *self, gboolean have_plan)
{
  gtk_widget_set_visible (self->print_button, have_plan && !self->kiosk);
  gtk_widget_set_visible (self->save_button, have_plan && !self->kiosk);
}

static void
remove_rows (BzPlanToday *self)
{
  bz_list_box_remove_rows (self->list);
  self->n_recipes = 0;
}

static void
show_empty (BzPlanToday *self, const char *message)
{
  remove_rows (self);
  gtk_label_set_label (self->empty_label, message);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static GtkWidget *
recipe_row_new (const char *meal, BzRecord *pr)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *kcal;
  g_autofree char *servings = bz_plan_format_servings (bz_record_get_double (pr, BZ_PLAN_RECIPE_SERVINGS));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", meal, servings);
  g_autofree char *kcal_text = NULL;
  BzPlanTotals t = { 0 };

  bz_plan_nutrition_read (bz_record_get_object (pr, BZ_PLAN_RECIPE_NUTRITION), &t, 1);
  kcal_text = g_strdup_printf (_("%.0f kcal"), t.kcal);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bz_record_get_string (pr, BZ_PLAN_RECIPE_TITLE));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  kcal = gtk_label_new (kcal_text);
  gtk_widget_add_css_class (kcal, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), kcal);
  return row;
}

static GtkWidget *
empty_slot_row_new (const char *meal)
{
  GtkWidget *row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), meal);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("No recipe in this meal"));
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
show_today (BzPlanToday *self, BzMealPlanToday *today)
{
  const char *name = bz_record_get_string (today->plan, BZ_MEAL_PLAN_PLAN_NAME);
  guint n_meals;
  BzPlanTotals t = { 0 };

  gtk_label_set_label (self->plan_label, name ? name : "");
  if (today->day == NULL)
    {
      const char *first = bz_record_get_string (today->plan, BZ_MEAL_PLAN_PLAN_DATE);
      g_autofree char *when = bz_format_date (first);
      g_autofree char *msg = NULL;
      if (first && g_strcmp0 (today->date, first) < 0)
        msg = g_strdup_printf (self->kiosk ? _("Your meal plan starts on %s.") : _("The meal plan starts on %s."), when);
      else
        msg = g_strdup (self->kiosk ? _("Your meal plan has ended. Ask your nutritionist for the next one.")
                                    : _("The meal plan has ended: time for the next one."));
      show_empty (self, msg);
      return;
    }
  remove_rows (self);
  n_meals = bz_record_get_n_items (today->day, BZ_PLAN_DAY_MEALS);
  for (guint m = 0; m < n_meals; m++)
    {
      BzRecord *meal = bz_record_get_item (today->day, BZ_PLAN_DAY_MEALS, m);
      const char *label = bz_plan_meal_label (bz_record_get_string (meal, BZ_PLAN_MEAL_MEAL_NAME));
      guint n = bz_record_get_n_items (meal, BZ_PLAN_MEAL_RECIPES);

      if (n == 0)
        gtk_list_box_append (self->list, empty_slot_row_new (label));
      for (guint r = 0; r < n; r++)
        {
          gtk_list_box_append (self->list, recipe_row_new (label, bz_record_get_item (meal, BZ_PLAN_MEAL_RECIPES, r)));
          self->n_recipes++;
        }
    }
  bz_plan_nutrition_read (today->day_nutrition, &t, 1);
  {
    g_autofree char *total = g_strdup_printf (_("Planned for today: %.0f kcal · protein %.0f g · carbohydrates %.0f g · fat %.0f g"),
                                              t.kcal, t.protein_g, t.carbs_g, t.fat_g);
    gtk_label_set_label (self->total_label, total);
  }
  gtk_stack_set_visible_child_name (self->stack, "plan");
}

static void
today_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPlanToday) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzMealPlanToday) today = bz_meal_plans_today_finish (BZ_SERVICES (source), result, &error);

  if (bz_is_cancelled (error))
    return;
  self->loading = FALSE;
  g_clear_pointer (&self->plan_id, g_free);
  g_clear_pointer (&self->plan_name, g_free);
  if (today == NULL)
    {
      g_autofree char *message = bz_error_to_user_message (error);
      gtk_label_set_label (self->plan_label, "");
      show_empty (self, message);
      set_actions (self, FALSE);
      return;
    }
  if (today->plan == NULL)
    {
      gtk_label_set_label (self->plan_label, "");
      show_empty (self, self->kiosk ? _("Your nutritionist has not assigned you a meal plan yet.")
                                    : _("This patient has no meal plan yet."));
      set_actions (self, FALSE);
      return;
    }
  self->plan_id = g_strdup (bz_record_get_string (today->plan, BZ_MEAL_PLAN_ID));
  self->plan_name = g_strdup (bz_record_get_string (today->plan, BZ_MEAL_PLAN_PLAN_NAME));
  set_actions (self, TRUE);
  show_today (self, today);
}

static void
print_clicked_cb (BzPlanToday *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->session == NULL || self->plan_id == NULL)
    return;
  bz_plan_print_run (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, bz_gui_session_get_services (self->session),
                     bz_gui_session_get_caller (self->session), self->plan_id);
}

static void
save_clicked_cb (BzPlanToday *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = NULL;

  if (self->session == NULL || self->plan_id == NULL)
    return;
  /* the plan's name as the file's, without characters a file name cannot have */
  name = g_strdup_printf ("%s.pdf", self->plan_name && *self->plan_name ? self->plan_name : _("meal-plan"));
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  bz_plan_print_save_pdf (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, bz_gui_session_get_services (self->session),
                          bz_gui_session_get_caller (self->session), self->plan_id, name);
}

void
bz_plan_today_load (BzPlanToday *self, BzGuiSession *session, const char *patient_id, gboolean kiosk)
{
  g_return_if_fail (BZ_IS_PLAN_TODAY (self));
  g_return_if_fail (session != NULL);

  g_set_object (&self->session, session);
  self->kiosk = kiosk;
  set_actions (self, FALSE);
  if (self->cancel)
    g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  self->cancel = g_cancellable_new ();
  self->loading = TRUE;
  bz_meal_plans_today_async (bz_gui_session_get_services (session), bz_gui_session_get_caller (session),
                             patient_id, NULL, self->cancel, today_done, g_object_ref (self));
}

void
bz_plan_today_clear (BzPlanToday *self)
{
  g_return_if_fail (BZ_IS_PLAN_TODAY (self));
  if (self->cancel)
    g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  self->loading = FALSE;
  g_clear_pointer (&self->plan_id, g_free);
  g_clear_pointer (&self->plan_name, g_free);
  gtk_label_set_label (self->plan_label, "");
  set_actions (self, FALSE);
  show_empty (self, "");
}

gboolean
bz_plan_today_is_loading (BzPlanToday *self)
{
  g_return_val_if_fail (BZ_IS_PLAN_TODAY (self), FALSE);
  return self->loading;
}

const char *
bz_plan_today_get_plan_id (BzPlanToday *self)
{
  g_return_val_if_fail (BZ_IS_PLAN_TODAY (self), NULL);
  return self->plan_id;
}

guint
bz_plan_today_get_n_recipes (BzPlanToday *self)
{
  g_return_val_if_fail (BZ_IS_PLAN_TODAY (self), 0);
  return self->n_recipes;
}

static void
bz_plan_today_dispose (GObject *object)
{
  BzPlanToday *self = BZ_PLAN_TODAY (object);
  GtkWidget *child;

  if (self->cancel)
    g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  g_clear_object (&self->session);
  g_clear_pointer (&self->plan_id, g_free);
  g_clear_pointer (&self->plan_name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), BZ_TYPE_PLAN_TODAY);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bz_plan_today_parent_class)->dispose (object);
}

static void
bz_plan_today_class_init (BzPlanTodayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bz_plan_today_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/balanza/Balanza/ui/bz-plan-today.ui");
  gtk_widget_class_bind_template_child (widget_class, BzPlanToday, plan_label);
  gtk_widget_class_bind_template_child (widget_class, BzPlanToday, print_button);
  gtk_widget_class_bind_template_child (widget_class, BzPlanToday, save_button);
  gtk_widget_class_bind_template_child (widget_class, BzPlanToday, stack);
  gtk_widget_class_bind_template_child (widget_class, BzPlanToday, empty_label);
  gtk_widget_class_bind_template_child (widget_class, BzPlanToday, list);
  gtk_widget_class_bind_template_child (widget_class, BzPlanToday, total_label);
}

static void
bz_plan_today_init (BzPlanToday *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->print_button, "clicked", G_CALLBACK (print_clicked_cb), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
}

GtkWidget *
bz_plan_today_new (void)
{
  return g_object_new (BZ_TYPE_PLAN_TODAY, NULL);
}
