/* bz-patient-page-day.c — the patient page's day: today's intake and meals.
 *
 * bz_meals_get_daily_async() loads a DailyIntake record on a worker thread:
 * intake against targets (the nutrition bars and the targets line), and the
 * meals, whose "meals" list model the meals list is bound to.  The widget
 * itself, its template and its public API are in bz-patient-page.c.
 */
#include "bz-patient-page-private.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bz-gui-util.h"
#include "bz-meal-service.h"
#include "bz-meal-edit-dialog.h"
#include "bz-meal-row.h"
#include "bz-nutrition-bars.h"

/* Empties the meals list (it is bound to the last DailyIntake's "meals"). */
void
bz_patient_page_clear_meals (BzPatientPage *self)
{
  gtk_list_box_bind_model (self->meals_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->daily);
  self->n_meals = 0;
}

/* --- today's meals ---------------------------------------------------------- */

/* A row of the meals list: the list box is bound to the DailyIntake's
 * "meals" model, so each Meal record makes its BzMealRow. */
static GtkWidget *
meal_row_create (gpointer item, gpointer user_data)
{
  BzPatientPage *self = user_data;
  GtkWidget *row = bz_meal_row_new (self->session, item, self->daily_cancel);
  bz_meal_row_set_deletable (BZ_MEAL_ROW (row), !self->kiosk);
  return row;
}

/* --- deleting a meal, with Undo ----------------------------------------------- */

/* A deletion waiting for its toast to go: the row is hidden meanwhile; Undo
 * shows it again and nothing is deleted. */
typedef struct
{
  BzServices *services;
  BzCaller *caller;
  char *meal_id;
  GtkWidget *row;        /* weak */
  gboolean undone;
} PendingDelete;

static void
pending_delete_free (PendingDelete *p)
{
  g_clear_weak_pointer (&p->row);
  g_clear_object (&p->services);
  g_clear_pointer (&p->caller, bz_caller_free);
  g_free (p->meal_id);
  g_free (p);
}

static void
delete_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GtkWidget) row = user_data;   /* (nullable) may be gone from its list */
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) done = bz_meals_delete_finish (BZ_SERVICES (source), result, &error);

  /* Success: the store's change notice reloads the day without the meal. */
  if (done == NULL)
    {
      g_warning ("Deleting a meal: %s", error->message);
      if (row)
        gtk_widget_set_visible (row, TRUE);
    }
}

static void
undo_clicked (AdwToast *toast, PendingDelete *p)
{
  p->undone = TRUE;
  if (p->row)
    gtk_widget_set_visible (p->row, TRUE);
}

static void
toast_dismissed (AdwToast *toast, PendingDelete *p)
{
  if (!p->undone)
    bz_meals_delete_async (p->services, p->caller, p->meal_id, NULL, delete_done,
                           p->row ? g_object_ref (p->row) : NULL);
  pending_delete_free (p);
}

void
bz_patient_page_delete_meal_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  BzPatientPage *self = BZ_PATIENT_PAGE (widget);
  const char *meal_id = g_variant_get_string (param, NULL);
  PendingDelete *p;
  AdwToast *toast;
  GtkListBoxRow *row = NULL;

  if (self->session == NULL || self->kiosk)
    return;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->meals_list, i)); i++)
    if (BZ_IS_MEAL_ROW (row) &&
        g_strcmp0 (bz_record_get_string (bz_meal_row_get_meal (BZ_MEAL_ROW (row)), BZ_MEAL_ID), meal_id) == 0)
      break;
  p = g_new0 (PendingDelete, 1);
  p->services = g_object_ref (bz_gui_session_get_services (self->session));
  p->caller = bz_gui_session_dup_caller (self->session);
  p->meal_id = g_strdup (meal_id);
  if (row)
    {
      g_set_weak_pointer (&p->row, GTK_WIDGET (row));
      gtk_widget_set_visible (GTK_WIDGET (row), FALSE);
    }
  toast = adw_toast_new (_("Meal deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_clicked), p);
  g_signal_connect (toast, "dismissed", G_CALLBACK (toast_dismissed), p);
  g_set_weak_pointer (&self->delete_toast, toast);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
show_daily (BzPatientPage *self, BzRecord *daily)
{
  BzRecord *basis = bz_record_get_object (daily, BZ_DAILY_INTAKE_TARGETS_BASIS);
  g_autoptr(GListModel) meals = NULL;

  g_set_object (&self->daily, daily);
  bz_nutrition_bars_set (self->nutrition_bars, bz_record_get_object (daily, BZ_DAILY_INTAKE_INTAKE),
                         bz_record_get_object (daily, BZ_DAILY_INTAKE_TARGETS));
  if (basis)
    {
      const char *measured = bz_record_get_string (basis, BZ_TARGETS_BASIS_MEASURED_AT);
      if (measured)
        {
          g_autofree char *date = bz_format_date (measured);
          g_autofree char *text = g_strdup_printf (_("Targets: Mifflin-St Jeor energy from the scan of %s."), date);
          gtk_label_set_label (self->targets_label, text);
        }
      else
        gtk_label_set_label (self->targets_label, _("Targets: Mifflin-St Jeor energy from the latest scan."));
    }
  else
    gtk_label_set_label (self->targets_label, _("No targets yet: they are computed from the latest body scan."));

  g_object_get (daily, "meals", &meals, NULL);
  self->n_meals = meals ? g_list_model_get_n_items (meals) : 0;
  gtk_list_box_bind_model (self->meals_list, meals, meal_row_create, self, NULL);
}

static void
daily_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPatientPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) daily = bz_meals_get_daily_finish (BZ_SERVICES (source), result, &error);

  if (bz_is_cancelled (error))
    return;
  self->loading_daily = FALSE;

  if (daily == NULL)
    {
      g_autofree char *message = bz_error_to_user_message (error);
      bz_patient_page_clear_meals (self);
      bz_nutrition_bars_set (self->nutrition_bars, NULL, NULL);
      gtk_label_set_label (self->targets_label, message);
      return;
    }
  show_daily (self, daily);
}

/* How many days back the page may go: a year of intake history. */
#define MAX_DAYS_BACK 366

void
bz_patient_page_load_daily (BzPatientPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, self->day_offset);
  g_autofree char *label = NULL, *date = g_date_time_format (day, "%Y-%m-%d");

  if (self->session == NULL)
    return;
  if (self->day_offset == 0)
    /* TRANSLATORS: today's date above the intake, strftime format */
    label = bz_date_time_format (day, _("Today, %-d %B"));
  else if (self->day_offset == -1)
    /* TRANSLATORS: yesterday's date above the intake, strftime format */
    label = bz_date_time_format (day, _("Yesterday, %-d %B"));
  else
    /* TRANSLATORS: a past day's date above the intake, strftime format */
    label = bz_date_time_format (day, _("%A %-d %B %Y"));
  gtk_label_set_label (self->date_label, label);
  gtk_label_set_label (self->intake_title, self->day_offset == 0 ? _("Today’s Intake") : _("Intake"));
  gtk_label_set_label (self->meals_title, self->day_offset == 0 ? _("Today’s Meals") : _("Meals"));
  if (self->meals_empty_title)
    gtk_label_set_label (self->meals_empty_title, self->day_offset == 0 ? _("No meals logged today")
                                                                         : _("No meals logged that day"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "patient.next-day", self->day_offset < 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "patient.previous-day", self->day_offset > -MAX_DAYS_BACK);
  self->loading_daily = TRUE;
  bz_meals_get_daily_async (bz_gui_session_get_services (self->session),
                            bz_gui_session_get_caller (self->session), self->patient_id, date,
                            bz_patient_page_renew (&self->daily_cancel), daily_done, g_object_ref (self));
}

void
bz_patient_page_day_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  BzPatientPage *self = BZ_PATIENT_PAGE (widget);
  int step = g_str_equal (action_name, "patient.next-day") ? 1 : -1;

  if (self->session == NULL || self->day_offset + step > 0 || self->day_offset + step < -MAX_DAYS_BACK)
    return;
  self->day_offset += step;
  bz_patient_page_load_daily (self);
}

GtkWidget *
bz_patient_page_meals_placeholder_new (GtkLabel **out_title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (_("No meals logged today"));

  *out_title = GTK_LABEL (title);
  GtkWidget *hint = gtk_label_new (_("Meals from the phone app appear here as soon as they are uploaded."));

  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_justify (GTK_LABEL (hint), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), hint);
  return box;
}

/* patient.edit-meal (a meal row's pencil): the meal's correction dialog
 * (bz-meal-edit-dialog.h); the page reloads on the store's change notice. */
void
bz_patient_page_edit_meal_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  BzPatientPage *self = BZ_PATIENT_PAGE (widget);
  const char *meal_id = g_variant_get_string (param, NULL);
  GtkListBoxRow *row;

  if (self->session == NULL || self->kiosk)
    return;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->meals_list, i)); i++)
    if (BZ_IS_MEAL_ROW (row) &&
        g_strcmp0 (bz_record_get_string (bz_meal_row_get_meal (BZ_MEAL_ROW (row)), BZ_MEAL_ID), meal_id) == 0)
      {
        BzMealEditDialog *dialog = bz_meal_edit_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->session,
                                                            bz_meal_row_get_meal (BZ_MEAL_ROW (row)));
        gtk_window_present (GTK_WINDOW (dialog));
        return;
      }
}
