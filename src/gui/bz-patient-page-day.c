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
  return bz_meal_row_new (self->session, item, self->daily_cancel);
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

void
bz_patient_page_load_daily (BzPatientPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* TRANSLATORS: today's date above the intake, strftime format */
  g_autofree char *today = bz_date_time_format (now, _("Today, %-d %B"));

  if (self->session == NULL)
    return;
  gtk_label_set_label (self->date_label, today);
  self->loading_daily = TRUE;
  bz_meals_get_daily_async (bz_gui_session_get_services (self->session),
                            bz_gui_session_get_caller (self->session), self->patient_id, NULL,
                            bz_patient_page_renew (&self->daily_cancel), daily_done, g_object_ref (self));
}

GtkWidget *
bz_patient_page_meals_placeholder_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (_("No meals logged today"));
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
