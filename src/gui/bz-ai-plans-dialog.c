/* bz-ai-plans-dialog.c — generated diet and workout plans (see bz-ai-plans-dialog.h). */
#include "bz-ai-plans-dialog.h"

#include <glib/gi18n.h>

#include "bz-diet-plan-resources.h"
#include "bz-gui-util.h"
#include "bz-integration-resources.h"
#include "bz-integration-service.h"
#include "bz-meal-plan-resources.h"
#include "bz-resources.h"
#include "bz-workout-resources.h"
#include "bz-workout-service.h"

enum { DIET, WORKOUT, HEALTH, N_GROUPS };
static const char *const group_kinds[N_GROUPS] = { "diet", "workout", "health" };

struct _BzAiPlansDialog
{
  AdwWindow parent_instance;

  BzGuiSession *session;
  char *patient_id;
  GCancellable *cancel;
  guint busy;
  AdwPreferencesGroup *groups[N_GROUPS];
  GtkListBox *rows[N_GROUPS];
  GtkWidget *buttons[2];
  char *summary[N_GROUPS];
  char *plan_id[2];
};

G_DEFINE_FINAL_TYPE (BzAiPlansDialog, bz_ai_plans_dialog, ADW_TYPE_WINDOW)

static void
set_summary (BzAiPlansDialog *self, guint g, char *text)
{
  g_free (self->summary[g]);
  self->summary[g] = text;
  adw_preferences_group_set_description (self->groups[g], text);
}

static void
add_row (BzAiPlansDialog *self, guint g, const char *title, const char *subtitle, const char *icon)
{
  GtkWidget *row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
  gtk_list_box_append (self->rows[g], row);
  gtk_widget_set_visible (GTK_WIDGET (self->rows[g]), TRUE);
}

static void
set_busy (BzAiPlansDialog *self, gboolean busy)
{
  self->busy += busy ? 1 : -1;
  for (guint i = 0; i < G_N_ELEMENTS (self->buttons); i++)
    gtk_widget_set_sensitive (self->buttons[i], self->busy == 0);
}

/* --- health ------------------------------------------------------------------ */

/* @id's label in @vocab, in the desk's language (the id itself if unknown). */
static const char *
health_label (const BzVocab *vocab, const char *id)
{
  return bz_vocab_label (vocab, id, id ? id : "");
}

static void
health_read (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzAiPlansDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) h = bz_integrations_health_finish (BZ_SERVICES (source), result, &error);

  if (bz_is_cancelled (error))
    return;
  set_busy (self, FALSE);
  bz_list_box_remove_rows (self->rows[HEALTH]);
  if (h == NULL)
    {
      set_summary (self, HEALTH, g_strdup (error->message));
      return;
    }
  set_summary (self, HEALTH, g_strdup_printf (_("Overall: %s. Without a network every kind answers from its embedded provider."),
                                              health_label (&bz_vocab_provider_health, bz_record_get_string (h, BZ_INTEGRATION_HEALTH_STATUS))));
  for (guint i = 0; i < bz_record_get_n_items (h, BZ_INTEGRATION_HEALTH_PROVIDERS); i++)
    {
      BzRecord *p = bz_record_get_item (h, BZ_INTEGRATION_HEALTH_PROVIDERS, i);
      const char *status = bz_record_get_string (p, BZ_INTEGRATION_PROVIDER_HEALTH_STATUS);
      g_autofree char *title = g_strdup_printf ("%s · %s", bz_record_get_string (p, BZ_INTEGRATION_PROVIDER_HEALTH_KIND),
                                                bz_record_get_string (p, BZ_INTEGRATION_PROVIDER_HEALTH_NAME));
      g_autofree char *sub = g_strdup_printf (_("%s · breaker %s · errors %.0f %% · %d remote calls"),
                                              health_label (&bz_vocab_provider_health, status),
                                              health_label (&bz_vocab_breaker_state, bz_record_get_string (p, BZ_INTEGRATION_PROVIDER_HEALTH_BREAKER_STATE)),
                                              100 * bz_record_get_double (p, BZ_INTEGRATION_PROVIDER_HEALTH_ERROR_RATE),
                                              (int) bz_record_get_int (p, BZ_INTEGRATION_PROVIDER_HEALTH_ATTEMPTS));
      add_row (self, HEALTH, title, sub,
               g_strcmp0 (status, "healthy") == 0 ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
    }
}

static void
read_health (BzAiPlansDialog *self)
{
  set_busy (self, TRUE);
  bz_integrations_health_async (bz_gui_session_get_services (self->session), bz_gui_session_get_caller (self->session),
                                self->cancel, health_read, g_object_ref (self));
}

/* --- diet -------------------------------------------------------------------- */

/* "Desayuno: Chilaquiles verdes ×1½ · Comida: …" for one day of the stored plan. */
static char *
day_meals_text (BzRecord *plan_day)
{
  g_autoptr(GString) s = g_string_new (NULL);
  for (guint m = 0; plan_day && m < bz_record_get_n_items (plan_day, BZ_PLAN_DAY_MEALS); m++)
    {
      BzRecord *meal = bz_record_get_item (plan_day, BZ_PLAN_DAY_MEALS, m);
      if (bz_record_get_n_items (meal, BZ_PLAN_MEAL_RECIPES) == 0)
        continue;
      g_string_append_printf (s, "%s%s:", s->len ? "\n" : "", bz_record_get_string (meal, BZ_PLAN_MEAL_MEAL_NAME));
      for (guint r = 0; r < bz_record_get_n_items (meal, BZ_PLAN_MEAL_RECIPES); r++)
        {
          BzRecord *pr = bz_record_get_item (meal, BZ_PLAN_MEAL_RECIPES, r);
          g_string_append_printf (s, "%s %s ×%g", r ? "," : "", bz_record_get_string (pr, BZ_PLAN_RECIPE_TITLE),
                                  bz_record_get_double (pr, BZ_PLAN_RECIPE_SERVINGS));
        }
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
diet_made (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzAiPlansDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) r = bz_integrations_generate_diet_plan_finish (BZ_SERVICES (source), result, &error);
  BzRecord *targets, *plan;
  guint n;

  if (bz_is_cancelled (error))
    return;
  set_busy (self, FALSE);
  if (r == NULL)
    {
      set_summary (self, DIET, bz_form_error_message (error, NULL));
      return;
    }
  bz_list_box_remove_rows (self->rows[DIET]);
  g_free (self->plan_id[DIET]);
  self->plan_id[DIET] = g_strdup (bz_record_get_string (r, BZ_DIET_PLAN_RESULT_DIET_PLAN_ID));
  targets = bz_record_get_object (r, BZ_DIET_PLAN_RESULT_TARGETS);
  plan = bz_record_get_object (r, BZ_DIET_PLAN_RESULT_PLAN);
  n = bz_record_get_n_items (r, BZ_DIET_PLAN_RESULT_DAYS);
  set_summary (self, DIET,
               g_strdup_printf (_("The active plan now: %d of %u days within ±5 %% of %.0f kcal and ±10 %% "
                                  "of %.0f g protein, %.0f g carbohydrate and %.0f g fat (solver %s)."),
                                (int) bz_record_get_int (r, BZ_DIET_PLAN_RESULT_DAYS_WITHIN), n,
                                bz_record_get_double (targets, BZ_NUTRIENTS_ENERGY_KCAL),
                                bz_record_get_double (targets, BZ_NUTRIENTS_PROTEIN_G),
                                bz_record_get_double (targets, BZ_NUTRIENTS_CARBOHYDRATE_G),
                                bz_record_get_double (targets, BZ_NUTRIENTS_FAT_G),
                                bz_record_get_string (r, BZ_DIET_PLAN_RESULT_SOLVER)));
  for (guint d = 0; d < n; d++)
    {
      BzRecord *day = bz_record_get_item (r, BZ_DIET_PLAN_RESULT_DAYS, d);
      BzRecord *nut = bz_record_get_object (day, BZ_DIET_PLAN_DAY_NUTRITION);
      BzRecord *plan_day = plan && d < bz_record_get_n_items (plan, BZ_MEAL_PLAN_SUGGESTIONS)
                             ? bz_record_get_item (plan, BZ_MEAL_PLAN_SUGGESTIONS, d) : NULL;
      g_autofree char *title = g_strdup_printf (_("Day %d · %.0f kcal · protein %.0f g · "
                                                  "carbohydrate %.0f g · fat %.0f g"),
                                                (int) bz_record_get_int (day, BZ_DIET_PLAN_DAY_DAY),
                                                bz_record_get_double (nut, BZ_NUTRIENTS_ENERGY_KCAL),
                                                bz_record_get_double (nut, BZ_NUTRIENTS_PROTEIN_G),
                                                bz_record_get_double (nut, BZ_NUTRIENTS_CARBOHYDRATE_G),
                                                bz_record_get_double (nut, BZ_NUTRIENTS_FAT_G));
      g_autofree char *recipes = day_meals_text (plan_day);
      const char *const *sides = bz_record_get_strv (day, BZ_DIET_PLAN_DAY_SIDE_FOODS);
      g_autofree char *side_text = sides && sides[0] ? g_strjoinv ("\n+ ", (char **) sides) : NULL;
      g_autofree char *meals = side_text ? g_strdup_printf ("%s\n+ %s", recipes, side_text) : g_strdup (recipes);
      add_row (self, DIET, title, meals,
               bz_record_get_boolean (day, BZ_DIET_PLAN_DAY_WITHIN_TOLERANCE) ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
    }
  gtk_button_set_label (GTK_BUTTON (self->buttons[DIET]), _("Generate _Again"));
  read_health (self);
}

/* --- workout ------------------------------------------------------------------ */

static void
workout_made (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzAiPlansDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) r = bz_workouts_generate_plan_finish (BZ_SERVICES (source), result, &error);
  BzRecord *plan;

  if (bz_is_cancelled (error))
    return;
  set_busy (self, FALSE);
  if (r == NULL)
    {
      set_summary (self, WORKOUT, bz_form_error_message (error, NULL));
      return;
    }
  bz_list_box_remove_rows (self->rows[WORKOUT]);
  g_free (self->plan_id[WORKOUT]);
  self->plan_id[WORKOUT] = g_strdup (bz_record_get_string (r, BZ_WORKOUT_PLAN_RESULT_WORKOUT_PLAN_ID));
  plan = bz_record_get_object (r, BZ_WORKOUT_PLAN_RESULT_PLAN);
  set_summary (self, WORKOUT,
               g_strdup_printf (_("The active plan now: %d training days a week from %s to %s; "
                                  "it is planned again on %s from the patient's data."),
                                (int) bz_record_get_int (plan, BZ_WORKOUT_PLAN_DAYS_PER_WEEK),
                                bz_record_get_string (plan, BZ_WORKOUT_PLAN_STARTS_ON),
                                bz_record_get_string (plan, BZ_WORKOUT_PLAN_ENDS_ON),
                                bz_record_get_string (r, BZ_WORKOUT_PLAN_RESULT_REFRESH_ON)));
  for (guint d = 0; d < bz_record_get_n_items (plan, BZ_WORKOUT_PLAN_TRAINING_DAYS); d++)
    {
      BzRecord *day = bz_record_get_item (plan, BZ_WORKOUT_PLAN_TRAINING_DAYS, d);
      g_autoptr(GString) ex = g_string_new (NULL);
      g_autofree char *title = g_strdup_printf (_("Day %d · %s · %s"),
                                                (int) bz_record_get_int (day, BZ_WORKOUT_DAY_DAY),
                                                bz_record_get_string (day, BZ_WORKOUT_DAY_DATE),
                                                bz_record_get_string (day, BZ_WORKOUT_DAY_SPLIT));
      for (guint e = 0; e < bz_record_get_n_items (day, BZ_WORKOUT_DAY_EXERCISES); e++)
        {
          BzRecord *x = bz_record_get_item (day, BZ_WORKOUT_DAY_EXERCISES, e);
          const char *name = bz_exercise_display_name (bz_record_get_string (x, BZ_WORKOUT_EXERCISE_NAME_EN),
                                                       bz_record_get_string (x, BZ_WORKOUT_EXERCISE_NAME_ES));
          gint64 sets = bz_record_get_int (x, BZ_WORKOUT_EXERCISE_SETS), lo = bz_record_get_int (x, BZ_WORKOUT_EXERCISE_REPS_MIN);
          gint64 minutes = bz_record_get_int (x, BZ_WORKOUT_EXERCISE_MINUTES);
          g_string_append_printf (ex, "%s%s", ex->len ? "\n" : "", name);
          if (minutes > 0)
            g_string_append_printf (ex, " · %" G_GINT64_FORMAT " min", minutes);
          else if (lo > 0)
            g_string_append_printf (ex, " · %" G_GINT64_FORMAT " × %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, sets, lo,
                                    bz_record_get_int (x, BZ_WORKOUT_EXERCISE_REPS_MAX));
        }
      add_row (self, WORKOUT, title, ex->str, NULL);
    }
  gtk_button_set_label (GTK_BUTTON (self->buttons[WORKOUT]), _("Generate A_gain"));
  read_health (self);
}

void
bz_ai_plans_dialog_generate (BzAiPlansDialog *self, const char *kind)
{
  g_autoptr(JsonObject) input = json_object_new ();
  BzServices *svc = bz_gui_session_get_services (self->session);
  const BzCaller *caller = bz_gui_session_get_caller (self->session);

  g_return_if_fail (BZ_IS_AI_PLANS_DIALOG (self));
  if (self->busy)
    return;
  json_object_set_string_member (input, "patientId", self->patient_id);
  set_busy (self, TRUE);
  if (g_strcmp0 (kind, "workout") == 0)
    {
      set_summary (self, WORKOUT, g_strdup (_("Planning 14 days…")));
      bz_workouts_generate_plan_async (svc, caller, input, self->cancel, workout_made, g_object_ref (self));
    }
  else
    {
      set_summary (self, DIET, g_strdup (_("Choosing recipes and side foods for 7 days…")));
      bz_integrations_generate_diet_plan_async (svc, caller, input, self->cancel, diet_made, g_object_ref (self));
    }
}

static void
generate_clicked (GtkButton *button, BzAiPlansDialog *self)
{
  bz_ai_plans_dialog_generate (self, g_object_get_data (G_OBJECT (button), "kind"));
}

gboolean
bz_ai_plans_dialog_is_busy (BzAiPlansDialog *self)
{
  return self->busy > 0;
}

static int
group_of (const char *kind)
{
  for (guint g = 0; g < N_GROUPS; g++)
    if (g_strcmp0 (kind, group_kinds[g]) == 0)
      return (int) g;
  return -1;
}

const char *
bz_ai_plans_dialog_get_summary (BzAiPlansDialog *self, const char *kind)
{
  int g = group_of (kind);
  return g < 0 ? NULL : self->summary[g];
}

const char *
bz_ai_plans_dialog_get_plan_id (BzAiPlansDialog *self, const char *kind)
{
  int g = group_of (kind);
  return g == DIET || g == WORKOUT ? self->plan_id[g] : NULL;
}

guint
bz_ai_plans_dialog_get_n_rows (BzAiPlansDialog *self, const char *kind)
{
  int g = group_of (kind);
  guint n = 0;
  if (g < 0)
    return 0;
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->rows[g])); c; c = gtk_widget_get_next_sibling (c))
    n += ADW_IS_ACTION_ROW (c);
  return n;
}

static void
bz_ai_plans_dialog_dispose (GObject *object)
{
  BzAiPlansDialog *self = BZ_AI_PLANS_DIALOG (object);

  g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  g_clear_object (&self->session);
  g_clear_pointer (&self->patient_id, g_free);
  for (guint g = 0; g < N_GROUPS; g++)
    g_clear_pointer (&self->summary[g], g_free);
  g_clear_pointer (&self->plan_id[DIET], g_free);
  g_clear_pointer (&self->plan_id[WORKOUT], g_free);
  G_OBJECT_CLASS (bz_ai_plans_dialog_parent_class)->dispose (object);
}

static void
bz_ai_plans_dialog_class_init (BzAiPlansDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bz_ai_plans_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bz_ai_plans_dialog_init (BzAiPlansDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  const char *titles[N_GROUPS] = { _("Diet Plan"), _("Workout Plan"), _("Integrations") };
  const char *empty[N_GROUPS] = {
    _("Generate chooses recipes and SMAE side foods for every meal of 7 days, within the patient's targets, "
      "allergies and preference; it replaces the active plan."),
    _("Generate plans 14 days of training from the patient's goal and level and the gym's machines; "
      "it replaces the active plan."),
    _("Reading…"),
  };
  const char *labels[2] = { _("_Generate"), _("G_enerate") };

  self->cancel = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Diet and Workout Plans"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 640);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_box_append (GTK_BOX (box), header);
  for (guint g = 0; g < N_GROUPS; g++)
    {
      self->groups[g] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (self->groups[g], titles[g]);
      set_summary (self, g, g_strdup (empty[g]));
      self->rows[g] = GTK_LIST_BOX (gtk_list_box_new ());
      gtk_list_box_set_selection_mode (self->rows[g], GTK_SELECTION_NONE);
      gtk_widget_add_css_class (GTK_WIDGET (self->rows[g]), "boxed-list");
      gtk_widget_set_visible (GTK_WIDGET (self->rows[g]), FALSE);
      adw_preferences_group_add (self->groups[g], GTK_WIDGET (self->rows[g]));
      if (g < 2)
        {
          self->buttons[g] = gtk_button_new_with_mnemonic (labels[g]);
          gtk_widget_add_css_class (self->buttons[g], "suggested-action");
          gtk_widget_set_valign (self->buttons[g], GTK_ALIGN_CENTER);
          g_object_set_data (G_OBJECT (self->buttons[g]), "kind", (gpointer) group_kinds[g]);
          g_signal_connect (self->buttons[g], "clicked", G_CALLBACK (generate_clicked), self);
          adw_preferences_group_set_header_suffix (self->groups[g], self->buttons[g]);
        }
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->groups[g]);
    }
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}

BzAiPlansDialog *
bz_ai_plans_dialog_new (GtkWindow *parent, BzGuiSession *session, const char *patient_id, const char *patient_name)
{
  BzAiPlansDialog *self = g_object_new (BZ_TYPE_AI_PLANS_DIALOG, "transient-for", parent, NULL);

  self->session = g_object_ref (session);
  self->patient_id = g_strdup (patient_id);
  if (patient_name)
    {
      GtkWidget *title = adw_window_title_new (_("Diet and Workout Plans"), patient_name);
      adw_header_bar_set_title_widget (ADW_HEADER_BAR (gtk_widget_get_first_child (
                                         GTK_WIDGET (adw_window_get_content (ADW_WINDOW (self))))), title);
    }
  read_health (self);
  return self;
}
