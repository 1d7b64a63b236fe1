/* bz-plan-editor.c — see bz-plan-editor.h.
 *
 * Everything goes through the service layer's _async calls
 * (bz-meal-plan-tasks.h, bz-meal-service.h): the list of the patient's
 * plans, the plan (MealPlan record with the service's roll-ups), the
 * recipes in it (Recipe records: SMAE equivalents and ingredients for the
 * NOM-051 seals), and the patient's daily targets.  Changes (add, remove,
 * servings) are queued and run one at a time; each answers the plan as it
 * now is, and the grid (bz-plan-editor-grid.c) is rebuilt from it.  Every
 * change can be undone from its toast or with Ctrl+Z: the inverse service
 * call runs (remove for an add, add with the old servings for a remove, the
 * old servings for a servings change).
 */
#include "bz-plan-editor-private.h"
#include "bz-plan-print.h"

#include <glib/gi18n.h>

#include "bz-gui-util.h"
#include "bz-meal-service.h"

#define DEFAULT_DAYS 7

G_DEFINE_FINAL_TYPE (BzPlanEditor, bz_plan_editor, ADW_TYPE_WINDOW)

static void load_all (BzPlanEditor *self);
static void open_plan (BzPlanEditor *self, const char *draft_id);

void
bz_plan_op_free (BzPlanOp *op)
{
  g_free (op->mod_type);
  g_free (op->original);
  g_free (op->replacement);
  g_free (op->meal_name);
  g_free (op->recipe_id);
  g_free (op->title);
  g_free (op->focus_key);
  g_free (op);
}

gboolean
bz_plan_editor_is_draft (BzPlanEditor *self)
{
  return self->plan && g_strcmp0 (bz_record_get_string (self->plan, BZ_MEAL_PLAN_STATUS), "draft") == 0;
}

BzServices *
bz_plan_editor_services (BzPlanEditor *self)
{
  return bz_gui_session_get_services (self->session);
}

const BzCaller *
bz_plan_editor_caller (BzPlanEditor *self)
{
  return bz_gui_session_get_caller (self->session);
}

const char *
bz_plan_status_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return _("Draft");
  if (g_strcmp0 (status, "finalized") == 0)
    return _("Finalized");
  if (g_strcmp0 (status, "active") == 0)
    return _("Active");
  if (g_strcmp0 (status, "completed") == 0)
    return _("Completed");
  if (g_strcmp0 (status, "archived") == 0)
    return _("Archived");
  return status ? status : "";
}

void
bz_plan_editor_toast (BzPlanEditor *self, const char *text, gboolean undo)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *t = adw_toast_new (escaped);

  if (undo)
    {
      adw_toast_set_button_label (t, _("_Undo"));
      adw_toast_set_action_name (t, "editor.undo");
    }
  if (self->last_toast)
    adw_toast_dismiss (self->last_toast);
  g_set_object (&self->last_toast, t);
  adw_toast_overlay_add_toast (self->toasts, t);
}

void
bz_plan_editor_error_toast (BzPlanEditor *self, const GError *error)
{
  g_autofree char *message = bz_error_to_user_message (error);
  g_debug ("plan editor: %s", error ? error->message : "?");
  bz_plan_editor_toast (self, message, FALSE);
}

/* --- showing the plan ------------------------------------------------------------ */

void
bz_plan_editor_update_chrome (BzPlanEditor *self)
{
  gboolean draft = bz_plan_editor_is_draft (self);
  guint empty = bz_plan_editor_count_empty_slots (self);
  const char *status = self->plan ? bz_record_get_string (self->plan, BZ_MEAL_PLAN_STATUS) : NULL;
  const char *name = self->plan ? bz_record_get_string (self->plan, BZ_MEAL_PLAN_PLAN_NAME) : NULL;
  g_autofree char *subtitle = NULL, *hint = NULL, *expires = NULL;

  subtitle = g_strdup_printf ("%s · %s", self->patient_name ? self->patient_name : "",
                              name ? name : bz_plan_status_label (status));
  adw_window_title_set_subtitle (self->title, subtitle);

  g_free (self->finalize_hint);
  if (!draft)
    self->finalize_hint = g_strdup (_("Only a draft can be finalized."));
  else if (empty > 0)
    self->finalize_hint = g_strdup_printf (ngettext ("To finalize, add a recipe to the %u empty meal slot.",
                                                     "To finalize, add a recipe to each of the %u empty meal slots.",
                                                     empty), empty);
  else
    self->finalize_hint = g_strdup ("");
  gtk_widget_set_tooltip_text (self->finalize_button, *self->finalize_hint ? self->finalize_hint
                                                       : _("Finalize the plan with a name (Ctrl+Enter)"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.finalize", draft && empty == 0 && self->ops.length == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", draft && self->undo.length > 0);
  /* Any plan prints (a draft too: the nutritionist may hand out a proposal). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.print", self->plan != NULL && self->ops.length == 0);

  if (draft)
    {
      expires = bz_format_date (bz_record_get_string (self->plan, BZ_MEAL_PLAN_EXPIRES_AT));
      /* TRANSLATORS: the plan editor's hint; %s is a date */
      hint = g_strdup_printf (_("Draft: every change is saved at once. It expires on %s unless it is finalized."),
                              expires);
      if (empty > 0)
        {
          g_autofree char *both = g_strdup_printf ("%s %s", hint, self->finalize_hint);
          g_free (hint);
          hint = g_steal_pointer (&both);
        }
      else
        {
          g_autofree char *both = g_strdup_printf ("%s %s", hint, _("Every meal slot has a recipe: the plan can be finalized."));
          g_free (hint);
          hint = g_steal_pointer (&both);
        }
    }
  else
    /* TRANSLATORS: "<plan status> · <explanation>" */
    hint = g_strdup_printf (_("%s · %s"), bz_plan_status_label (status),
                            _("This plan can no longer be changed. Create a new plan to change the meals."));
  gtk_label_set_label (self->hint_label, hint);
}

void
bz_plan_editor_show_plan (BzPlanEditor *self, const char *focus_key)
{
  bz_plan_editor_update_chrome (self);
  bz_plan_editor_rebuild_grid (self, focus_key);
  gtk_stack_set_visible_child_name (self->stack, "plan");
}

typedef struct
{
  BzPlanEditor *self;
  char *focus_key;
} FetchData;

static void
recipes_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FetchData *f = user_data;
  g_autoptr(BzPlanEditor) self = f->self;
  g_autofree char *focus_key = f->focus_key;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) recipes = bz_recipes_get_many_finish (BZ_SERVICES (source), result, &error);

  g_free (f);
  if (bz_is_cancelled (error))
    return;
  self->loading--;
  if (recipes == NULL)
    g_warning ("plan editor: recipes: %s", error ? error->message : "?");
  for (guint i = 0; recipes && i < g_list_model_get_n_items (recipes); i++)
    {
      BzRecord *r = g_list_model_get_item (recipes, i);
      g_hash_table_replace (self->recipes, g_strdup (bz_record_get_string (r, BZ_RECIPE_ID)), r);
    }
  bz_plan_editor_show_plan (self, focus_key);
}

/* Shows the plan once every recipe in it is known. */
void
bz_plan_editor_plan_changed (BzPlanEditor *self, const char *focus_key)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();

  for (guint d = 0; d < bz_record_get_n_items (self->plan, BZ_MEAL_PLAN_SUGGESTIONS); d++)
    {
      BzRecord *day = bz_record_get_item (self->plan, BZ_MEAL_PLAN_SUGGESTIONS, d);
      for (guint m = 0; m < bz_record_get_n_items (day, BZ_PLAN_DAY_MEALS); m++)
        {
          BzRecord *meal = bz_record_get_item (day, BZ_PLAN_DAY_MEALS, m);
          for (guint r = 0; r < bz_record_get_n_items (meal, BZ_PLAN_MEAL_RECIPES); r++)
            {
              const char *id = bz_record_get_string (bz_record_get_item (meal, BZ_PLAN_MEAL_RECIPES, r), BZ_PLAN_RECIPE_ID);
              if (id && !g_hash_table_contains (self->recipes, id) && !g_ptr_array_find_with_equal_func (missing, id, g_str_equal, NULL))
                g_ptr_array_add (missing, (gpointer) id);
            }
        }
    }
  if (missing->len == 0)
    {
      bz_plan_editor_show_plan (self, focus_key);
      return;
    }
  g_ptr_array_add (missing, NULL);
  {
    FetchData *f = g_new0 (FetchData, 1);
    f->self = g_object_ref (self);
    f->focus_key = g_strdup (focus_key);
    self->loading++;
    bz_recipes_get_many_async (bz_plan_editor_services (self), bz_plan_editor_caller (self), (const char *const *) missing->pdata, self->cancel,
                               recipes_done, f);
  }
}

void
bz_plan_editor_set_plan (BzPlanEditor *self, BzRecord *plan)
{
  g_set_object (&self->plan, plan);
}

static void
plan_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPlanEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) plan = bz_meal_plans_get_finish (BZ_SERVICES (source), result, &error);

  if (bz_is_cancelled (error))
    return;
  self->loading--;
  if (plan == NULL)
    {
      g_autofree char *message = bz_error_to_user_message (error);
      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  bz_plan_editor_set_plan (self, plan);
  g_queue_clear_full (&self->undo, (GDestroyNotify) bz_plan_op_free);
  bz_plan_editor_plan_changed (self, NULL);
}

typedef struct
{
  BzPlanEditor *self;
  char *focus_key;
} ReloadData;

static void
reload_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ReloadData *r = user_data;
  g_autoptr(BzPlanEditor) self = r->self;
  g_autofree char *focus_key = r->focus_key;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) plan = bz_meal_plans_get_finish (BZ_SERVICES (source), result, &error);

  g_free (r);
  if (bz_is_cancelled (error))
    return;
  self->loading--;
  if (plan == NULL)
    {
      bz_plan_editor_error_toast (self, error);
      return;
    }
  bz_plan_editor_set_plan (self, plan);
  bz_plan_editor_plan_changed (self, focus_key);
}

/* Reads the shown plan again (after a change whose answer is not the plan). */
void
bz_plan_editor_reload (BzPlanEditor *self, const char *focus_key)
{
  ReloadData *r = g_new0 (ReloadData, 1);

  r->self = g_object_ref (self);
  r->focus_key = g_strdup (focus_key);
  self->loading++;
  bz_meal_plans_get_async (bz_plan_editor_services (self), bz_plan_editor_caller (self),
                           bz_record_get_string (self->plan, BZ_MEAL_PLAN_ID), self->cancel, reload_done, r);
}

static void
open_plan (BzPlanEditor *self, const char *draft_id)
{
  gtk_stack_set_visible_child_name (self->stack, "loading");
  self->loading++;
  bz_meal_plans_get_async (bz_plan_editor_services (self), bz_plan_editor_caller (self), draft_id, self->cancel, plan_done, g_object_ref (self));
}

/* --- changes made elsewhere ------------------------------------------------------------ */

static gboolean refresh_cb (gpointer user_data);

/* Two reads of a plan say the same (updatedAt has second precision, so it
 * cannot tell two changes in one second apart). */
static gboolean
same_plan (BzRecord *a, BzRecord *b)
{
  g_autoptr(GString) ja = g_string_new (NULL), jb = g_string_new (NULL);

  bz_record_write_json (a, ja);
  bz_record_write_json (b, jb);
  return g_string_equal (ja, jb);
}

static void
refresh_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPlanEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) plan = bz_meal_plans_get_finish (BZ_SERVICES (source), result, &error);

  if (bz_is_cancelled (error))
    return;
  self->loading--;
  self->refreshing = FALSE;
  if (self->refresh_again && self->refresh_id == 0)
    self->refresh_id = g_timeout_add (300, refresh_cb, self);
  self->refresh_again = FALSE;
  /* Ours (already shown), a change queued meanwhile, or gone: nothing to do. */
  if (plan == NULL || self->plan == NULL || self->ops.length > 0
      || g_strcmp0 (bz_record_get_string (plan, BZ_MEAL_PLAN_ID), bz_record_get_string (self->plan, BZ_MEAL_PLAN_ID)) != 0
      || same_plan (plan, self->plan))
    return;
  bz_plan_editor_set_plan (self, plan);
  bz_plan_editor_plan_changed (self, NULL);
}

static gboolean
refresh_cb (gpointer user_data)
{
  BzPlanEditor *self = user_data;

  self->refresh_id = 0;
  if (self->plan == NULL)
    return G_SOURCE_REMOVE;
  if (self->refreshing)
    {
      self->refresh_again = TRUE;   /* once the read under way answers */
      return G_SOURCE_REMOVE;
    }
  if (self->ops.length > 0)
    return G_SOURCE_REMOVE;   /* the queued change answers the plan as it is */
  self->refreshing = TRUE;
  self->loading++;
  bz_meal_plans_get_async (bz_plan_editor_services (self), bz_plan_editor_caller (self),
                           bz_record_get_string (self->plan, BZ_MEAL_PLAN_ID), self->cancel, refresh_done,
                           g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (const char *table, const char *row_id, gpointer user_data)
{
  BzPlanEditor *self = user_data;

  if (self->plan == NULL || g_strcmp0 (table, "meal_plans") != 0
      || g_strcmp0 (row_id, bz_record_get_string (self->plan, BZ_MEAL_PLAN_ID)) != 0)
    return;
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (300, refresh_cb, self);
}

/* --- the patient's plans and targets ------------------------------------------------ */

void
bz_plan_editor_plan_row_activated (GtkListBox *list, GtkListBoxRow *row, BzPlanEditor *self)
{
  open_plan (self, g_object_get_data (G_OBJECT (row), "plan-id"));
}

static void
fill_plans (BzPlanEditor *self)
{
  guint n = self->plans ? g_list_model_get_n_items (self->plans) : 0;

  bz_list_box_remove_rows (self->plans_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BzRecord) p = g_list_model_get_item (self->plans, i);
      const char *name = bz_record_get_string (p, BZ_MEAL_PLAN_SUMMARY_PLAN_NAME);
      const char *status = bz_record_get_string (p, BZ_MEAL_PLAN_SUMMARY_STATUS);
      g_autofree char *start = bz_format_date (bz_record_get_string (p, BZ_MEAL_PLAN_SUMMARY_START_DATE));
      /* TRANSLATORS: a plan in the list: "<status> · from <date> · <n> days" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · from %s · %d days"), bz_plan_status_label (status), start,
                                                   (int) bz_record_get_int (p, BZ_MEAL_PLAN_SUMMARY_DURATION_DAYS));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name ? name : _("Untitled draft"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "plan-id", g_strdup (bz_record_get_string (p, BZ_MEAL_PLAN_SUMMARY_ID)),
                              g_free);
      gtk_list_box_append (self->plans_list, row);
    }
  gtk_widget_set_visible (self->plans_group, n > 0);
}

static void
list_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPlanEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) plans = bz_meal_plans_list_for_patient_finish (BZ_SERVICES (source), result, &error);
  const char *open = NULL, *current = NULL;

  if (bz_is_cancelled (error))
    return;
  self->loading--;
  if (plans == NULL)
    {
      g_autofree char *message = bz_error_to_user_message (error);
      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_set_object (&self->plans, plans);
  fill_plans (self);
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(BzRecord) p = g_list_model_get_item (plans, i);
      const char *status = bz_record_get_string (p, BZ_MEAL_PLAN_SUMMARY_STATUS);
      if (open == NULL && g_strcmp0 (status, "draft") == 0)
        open = bz_record_get_string (p, BZ_MEAL_PLAN_SUMMARY_ID);
      if (current == NULL && (g_strcmp0 (status, "finalized") == 0 || g_strcmp0 (status, "active") == 0))
        current = bz_record_get_string (p, BZ_MEAL_PLAN_SUMMARY_ID);
    }
  if (self->plan != NULL)
    return;   /* a reload after a create: the new draft is being opened */
  if (open || current)
    open_plan (self, open ? open : current);
  else
    gtk_stack_set_visible_child_name (self->stack, "start");
}

static void
daily_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPlanEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) daily = bz_meals_get_daily_finish (BZ_SERVICES (source), result, &error);

  if (bz_is_cancelled (error))
    return;
  self->loading--;
  if (daily == NULL)
    g_debug ("plan editor: targets: %s", error ? error->message : "?");
  g_set_object (&self->daily, daily);
  if (self->plan && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "plan") == 0)
    bz_plan_editor_show_plan (self, NULL);
}

void
bz_plan_editor_load_list (BzPlanEditor *self)
{
  self->loading++;
  bz_meal_plans_list_for_patient_async (bz_plan_editor_services (self), bz_plan_editor_caller (self), self->patient_id, self->cancel, list_done,
                                        g_object_ref (self));
}

static void
load_all (BzPlanEditor *self)
{
  gtk_stack_set_visible_child_name (self->stack, "loading");
  g_clear_object (&self->plan);
  bz_plan_editor_load_list (self);
  self->loading++;
  bz_meals_get_daily_async (bz_plan_editor_services (self), bz_plan_editor_caller (self), self->patient_id, NULL, self->cancel, daily_done,
                            g_object_ref (self));
}

/* --- creating a plan ------------------------------------------------------------------ */

static void
created_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPlanEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) draft = bz_meal_plans_create_finish (BZ_SERVICES (source), result, &error);

  if (bz_is_cancelled (error))
    return;
  self->loading--;
  if (draft == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "start");
      bz_plan_editor_error_toast (self, error);
      return;
    }
  open_plan (self, bz_record_get_string (draft, BZ_MEAL_PLAN_DRAFT_DRAFT_ID));
  bz_plan_editor_load_list (self);
}

void
bz_plan_editor_create (BzPlanEditor *self, const char *start_date, guint days)
{
  g_autoptr(JsonObject) input = json_object_new ();

  g_return_if_fail (BZ_IS_PLAN_EDITOR (self));
  json_object_set_string_member (input, "clientId", self->patient_id);
  json_object_set_string_member (input, "planDate", start_date);
  json_object_set_int_member (input, "durationDays", days);
  g_clear_object (&self->plan);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  self->loading++;
  bz_meal_plans_create_async (bz_plan_editor_services (self), bz_plan_editor_caller (self), input, self->cancel, created_done, g_object_ref (self));
}

static char *
calendar_date (BzPlanEditor *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->calendar);
  return g_date_time_format (dt, "%Y-%m-%d");
}

void
bz_plan_editor_update_date_button (BzPlanEditor *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->calendar);
  /* TRANSLATORS: the first day of a new plan, strftime format, e.g. "Mon 1 Dec 2026" */
  g_autofree char *text = bz_date_time_format (dt, _("%a %-d %b %Y"));
  gtk_menu_button_set_label (self->date_button, text);
}

void
bz_plan_editor_create_clicked (BzPlanEditor *self)
{
  g_autofree char *date = calendar_date (self);
  bz_plan_editor_create (self, date, (guint) gtk_spin_button_get_value_as_int (self->days_spin));
}

static void
new_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  BzPlanEditor *self = BZ_PLAN_EDITOR (widget);
  gtk_stack_set_visible_child_name (self->stack, "start");
  gtk_widget_action_set_enabled (widget, "editor.finalize", FALSE);
  gtk_widget_action_set_enabled (widget, "editor.undo", FALSE);
}

/* Print or export to PDF (bz-plan-print.h): the system print dialog, whose
 * "Print to File" writes the PDF. */
static void
print_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  BzPlanEditor *self = BZ_PLAN_EDITOR (widget);

  if (self->plan == NULL)
    return;
  bz_plan_print_run (GTK_WINDOW (self), bz_plan_editor_services (self), bz_plan_editor_caller (self),
                     bz_record_get_string (self->plan, BZ_MEAL_PLAN_ID));
}

void
bz_plan_editor_retry (BzPlanEditor *self)
{
  load_all (self);
}

/* --- object ------------------------------------------------------------------------------ */

static void
bz_plan_editor_dispose (GObject *object)
{
  BzPlanEditor *self = BZ_PLAN_EDITOR (object);

  if (self->watch_id && self->session)
    bz_services_unwatch (bz_gui_session_get_services (self->session), self->watch_id);
  self->watch_id = 0;
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->cancel)
    g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  g_queue_clear_full (&self->ops, (GDestroyNotify) bz_plan_op_free);
  g_queue_clear_full (&self->undo, (GDestroyNotify) bz_plan_op_free);
  g_clear_object (&self->plan);
  g_clear_object (&self->daily);
  g_clear_object (&self->plans);
  g_clear_object (&self->session);
  g_clear_object (&self->last_toast);
  g_clear_pointer (&self->recipes, g_hash_table_unref);
  g_clear_pointer (&self->focusable, g_hash_table_unref);
  g_clear_pointer (&self->day_total_labels, g_ptr_array_unref);
  g_clear_pointer (&self->patient_id, g_free);
  g_clear_pointer (&self->patient_name, g_free);
  g_clear_pointer (&self->finalize_hint, g_free);
  G_OBJECT_CLASS (bz_plan_editor_parent_class)->dispose (object);
}

static void
bz_plan_editor_class_init (BzPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bz_plan_editor_dispose;
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, bz_plan_editor_undo_activated);
  gtk_widget_class_install_action (widget_class, "editor.finalize", NULL, bz_plan_editor_finalize_activated);
  gtk_widget_class_install_action (widget_class, "editor.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "editor.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-recipe", "(issd)", bz_plan_editor_add_recipe_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "editor.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "editor.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.finalize", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "editor.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
bz_plan_editor_init (BzPlanEditor *self)
{
  self->recipes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->focusable = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->day_total_labels = g_ptr_array_new ();
  self->cancel = g_cancellable_new ();
  g_queue_init (&self->ops);
  g_queue_init (&self->undo);
  bz_plan_editor_build (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.finalize", FALSE);
  /* Print and PDF export: on once a plan is shown (update_chrome). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.print", FALSE);
}

BzPlanEditor *
bz_plan_editor_new (GtkWindow *parent, BzGuiSession *session, const char *patient_id, const char *patient_name)
{
  BzPlanEditor *self;

  g_return_val_if_fail (BZ_IS_GUI_SESSION (session), NULL);
  g_return_val_if_fail (patient_id != NULL, NULL);
  self = g_object_new (BZ_TYPE_PLAN_EDITOR, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->patient_id = g_strdup (patient_id);
  self->patient_name = g_strdup (patient_name);
  adw_window_title_set_subtitle (self->title, patient_name ? patient_name : "");
  self->watch_id = bz_services_watch (bz_gui_session_get_services (session), NULL, store_changed_cb, self, NULL);
  load_all (self);
  return self;
}

gboolean
bz_plan_editor_is_busy (BzPlanEditor *self)
{
  g_return_val_if_fail (BZ_IS_PLAN_EDITOR (self), FALSE);
  return self->loading > 0 || self->ops.length > 0 || self->refresh_id != 0;
}

const char *
bz_plan_editor_get_state (BzPlanEditor *self)
{
  g_return_val_if_fail (BZ_IS_PLAN_EDITOR (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

BzRecord *
bz_plan_editor_get_plan (BzPlanEditor *self)
{
  g_return_val_if_fail (BZ_IS_PLAN_EDITOR (self), NULL);
  return self->plan;
}

const char *
bz_plan_editor_get_day_total_text (BzPlanEditor *self, guint day)
{
  g_return_val_if_fail (BZ_IS_PLAN_EDITOR (self), NULL);
  if (day < 1 || day > self->day_total_labels->len)
    return NULL;
  return gtk_label_get_label (g_ptr_array_index (self->day_total_labels, day - 1));
}

const char *
bz_plan_editor_get_finalize_hint (BzPlanEditor *self)
{
  g_return_val_if_fail (BZ_IS_PLAN_EDITOR (self), NULL);
  return self->finalize_hint ? self->finalize_hint : "";
}

void
bz_plan_editor_dismiss_toast (BzPlanEditor *self)
{
  g_return_if_fail (BZ_IS_PLAN_EDITOR (self));
  if (self->last_toast)
    adw_toast_dismiss (self->last_toast);
}
