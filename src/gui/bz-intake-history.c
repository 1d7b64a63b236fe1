/* bz-intake-history.c — a week or a month of intake (see bz-intake-history.h).
 *
 * The chart is a GtkDrawingArea drawn with cairo: one bar per day from 0 kcal,
 * green when the day was within 10 % of its target, amber when it was not,
 * grey without a target; the day's target as a short line across its bar and
 * the plan's day as a dot.  A tooltip gives each day's figures.
 */
#include "bz-intake-history.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "bz-analytics-service.h"
#include "bz-gui-util.h"
#include "bz-intake-chart.h"


struct _BzIntakeHistory
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkToggleButton *week_button;
  GtkToggleButton *month_button;
  GtkStack *stack;
  GtkWidget *chart;
  GtkLabel *empty_label;
  GtkLabel *summary;
  GtkLabel *legend;          /* the macronutrient shares */
  GtkLabel *key;             /* what the marks mean */

  BzGuiSession *session;
  char *patient_id;
  GCancellable *cancel;
  BzRecord *data;           /* the shown NutritionAnalytics */
  guint days;               /* 7 or 30 */
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (BzIntakeHistory, bz_intake_history, GTK_TYPE_WIDGET)

static void
chart_draw (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  BzIntakeHistory *self = user_data;
  GdkRGBA fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  bz_intake_chart_draw (cr, gtk_widget_get_pango_context (GTK_WIDGET (area)), self->data, width, height, &fg);
}

static BzRecord *
day_at (BzIntakeHistory *self, guint k)
{
  return bz_record_get_item (self->data, BZ_NUTRITION_ANALYTICS_DAYS, k);
}

static guint
n_days (BzIntakeHistory *self)
{
  return self->data ? bz_record_get_n_items (self->data, BZ_NUTRITION_ANALYTICS_DAYS) : 0;
}

static double
kcal_of (BzRecord *day, guint field)
{
  BzRecord *panel = bz_record_get_object (day, field);
  return panel ? bz_record_get_double (panel, BZ_NUTRIENTS_ENERGY_KCAL) : NAN;
}

static gboolean
chart_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip, gpointer user_data)
{
  BzIntakeHistory *self = user_data;
  int k = bz_intake_chart_day_at (self->data, gtk_widget_get_width (widget), x);
  BzRecord *d;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *day = NULL, *text = NULL;
  double eaten, target, planned;
  GString *s;
  int yy, mm, dd;

  if (k < 0)
    return FALSE;
  d = day_at (self, k);
  if (sscanf (bz_record_get_string (d, BZ_NUTRITION_DAY_DATE), "%d-%d-%d", &yy, &mm, &dd) == 3)
    date = g_date_time_new_local (yy, mm, dd, 12, 0, 0);
  day = date ? bz_date_time_format (date, "%a %e %b") : g_strdup (bz_record_get_string (d, BZ_NUTRITION_DAY_DATE));
  eaten = kcal_of (d, BZ_NUTRITION_DAY_INTAKE);
  target = kcal_of (d, BZ_NUTRITION_DAY_TARGETS);
  planned = kcal_of (d, BZ_NUTRITION_DAY_PLANNED);
  s = g_string_new (g_strstrip (day));
  g_string_append_c (s, '\n');
  if (bz_record_get_int (d, BZ_NUTRITION_DAY_MEALS) == 0)
    g_string_append (s, _("Nothing logged"));
  else
    g_string_append_printf (s, _("%.0f kcal eaten"), eaten);
  if (isfinite (target))
    {
      g_string_append_c (s, '\n');
      g_string_append_printf (s, _("Target %.0f kcal"), target);
      if (bz_record_has (d, BZ_NUTRITION_DAY_TARGET_MET))
        g_string_append_printf (s, " · %s", bz_record_get_boolean (d, BZ_NUTRITION_DAY_TARGET_MET) ? _("met") : _("not met"));
    }
  if (isfinite (planned))
    {
      g_string_append_c (s, '\n');
      g_string_append_printf (s, _("Plan %.0f kcal"), planned);
    }
  text = g_string_free (s, FALSE);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static char *
percent_text (BzRecord *rec, guint field)
{
  return bz_record_has (rec, field) ? g_strdup_printf ("%.0f %%", bz_record_get_double (rec, field)) : g_strdup ("—");
}

static void
show_data (BzIntakeHistory *self)
{
  BzRecord *m = bz_record_get_object (self->data, BZ_NUTRITION_ANALYTICS_MACRO_DISTRIBUTION);
  g_autofree char *adherence = percent_text (self->data, BZ_NUTRITION_ANALYTICS_ADHERENCE_RATE);
  g_autofree char *plan = percent_text (self->data, BZ_NUTRITION_ANALYTICS_PLAN_ADHERENCE_RATE);
  g_autofree char *logged = NULL, *streak = NULL, *macros = NULL, *text = NULL;
  gint64 n_logged = bz_record_get_int (self->data, BZ_NUTRITION_ANALYTICS_DAYS_LOGGED);
  gint64 run = bz_record_get_int (self->data, BZ_NUTRITION_ANALYTICS_CURRENT_STREAK_DAYS);

  logged = g_strdup_printf (ngettext ("%d of %u day logged", "%d of %u days logged", n_days (self)),
                            (int) n_logged, n_days (self));
  streak = g_strdup_printf (ngettext ("%d-day streak", "%d-day streak", (gulong) run), (int) run);
  macros = g_strdup_printf (_("Protein %.0f %% · Carbohydrate %.0f %% · Fat %.0f %%"),
                            bz_record_get_double (m, BZ_MACRO_DISTRIBUTION_PROTEIN_PERCENT),
                            bz_record_get_double (m, BZ_MACRO_DISTRIBUTION_CARBOHYDRATE_PERCENT),
                            bz_record_get_double (m, BZ_MACRO_DISTRIBUTION_FAT_PERCENT));
  /* Translators: "Target met 57 % of days · Plan followed 67 % · 5 of 7 days logged · 3-day streak" */
  text = g_strdup_printf (_("Target met %s of days · Plan followed %s · %s · %s"), adherence, plan, logged, streak);
  gtk_label_set_label (self->summary, text);
  gtk_label_set_label (self->legend, n_logged ? macros : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  if (n_logged == 0)
    {
      gtk_label_set_label (self->empty_label, self->days == 7 ? _("No meals logged in the last 7 days.")
                                                              : _("No meals logged in the last 30 days."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "chart");
  gtk_widget_queue_draw (self->chart);
}

static void
loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzIntakeHistory) self = user_data;
  g_autoptr(GError) error = NULL;
  BzRecord *rec = bz_analytics_nutrition_finish (BZ_SERVICES (source), result, &error);

  if (bz_is_cancelled (error))
    return;
  self->loading = FALSE;
  g_clear_object (&self->data);
  if (rec == NULL)
    {
      g_autofree char *message = bz_error_to_user_message (error);
      gtk_label_set_label (self->summary, "");
      gtk_label_set_label (self->legend, "");
      gtk_label_set_label (self->empty_label, message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->data = rec;
  show_data (self);
}

static void
reload (BzIntakeHistory *self)
{
  if (self->session == NULL)
    return;
  g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  self->cancel = g_cancellable_new ();
  self->loading = TRUE;
  bz_analytics_nutrition_async (bz_gui_session_get_services (self->session), bz_gui_session_get_caller (self->session),
                                self->patient_id, self->days == 7 ? "week" : "month", NULL, self->cancel, loaded,
                                g_object_ref (self));
}

static void
span_toggled (GtkToggleButton *button, BzIntakeHistory *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  bz_intake_history_set_days (self, button == self->week_button ? 7 : 30);
}

static void
bz_intake_history_dispose (GObject *object)
{
  BzIntakeHistory *self = BZ_INTAKE_HISTORY (object);

  g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  g_clear_object (&self->data);
  g_clear_object (&self->session);
  g_clear_pointer (&self->patient_id, g_free);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (bz_intake_history_parent_class)->dispose (object);
}

static void
bz_intake_history_class_init (BzIntakeHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bz_intake_history_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
caption_label (void)
{
  GtkWidget *l = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_label_set_wrap (GTK_LABEL (l), TRUE);
  gtk_widget_add_css_class (l, "caption");
  gtk_widget_add_css_class (l, "dim-label");
  return l;
}

static void
bz_intake_history_init (BzIntakeHistory *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_("Intake History"));
  GtkWidget *toggles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *empty;

  self->days = 7;
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (header), title);
  self->week_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Week")));
  self->month_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("M_onth")));
  gtk_toggle_button_set_group (self->month_button, self->week_button);
  gtk_toggle_button_set_active (self->week_button, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->week_button), _("The last 7 days"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->month_button), _("The last 30 days"));
  g_signal_connect (self->week_button, "toggled", G_CALLBACK (span_toggled), self);
  g_signal_connect (self->month_button, "toggled", G_CALLBACK (span_toggled), self);
  gtk_box_append (GTK_BOX (toggles), GTK_WIDGET (self->week_button));
  gtk_box_append (GTK_BOX (toggles), GTK_WIDGET (self->month_button));
  gtk_widget_add_css_class (toggles, "linked");
  gtk_widget_set_valign (toggles, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), toggles);
  gtk_box_append (GTK_BOX (self->box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->stack), "card");
  self->chart = gtk_drawing_area_new ();
  gtk_widget_set_size_request (self->chart, -1, 170);
  gtk_widget_set_margin_top (self->chart, 6);
  gtk_widget_set_margin_bottom (self->chart, 4);
  gtk_widget_set_margin_end (self->chart, 8);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), chart_draw, self, NULL);
  gtk_widget_set_has_tooltip (self->chart, TRUE);
  g_signal_connect (self->chart, "query-tooltip", G_CALLBACK (chart_query_tooltip), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Energy eaten per day against the target"), -1);
  gtk_stack_add_named (self->stack, self->chart, "chart");
  empty = gtk_label_new (NULL);
  self->empty_label = GTK_LABEL (empty);
  gtk_label_set_wrap (self->empty_label, TRUE);
  gtk_label_set_justify (self->empty_label, GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (empty, 24);
  gtk_widget_set_margin_bottom (empty, 24);
  gtk_widget_set_margin_start (empty, 24);
  gtk_widget_set_margin_end (empty, 24);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));

  self->summary = GTK_LABEL (caption_label ());
  self->legend = GTK_LABEL (caption_label ());
  self->key = GTK_LABEL (caption_label ());
  {
    g_autofree char *key = bz_intake_chart_key ();
    gtk_label_set_label (self->key, key);
  }
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->key));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->legend));
}

GtkWidget *
bz_intake_history_new (void)
{
  return g_object_new (BZ_TYPE_INTAKE_HISTORY, NULL);
}

void
bz_intake_history_load (BzIntakeHistory *self, BzGuiSession *session, const char *patient_id)
{
  g_return_if_fail (BZ_IS_INTAKE_HISTORY (self));

  g_set_object (&self->session, session);
  g_free (self->patient_id);
  self->patient_id = g_strdup (patient_id);
  reload (self);
}

void
bz_intake_history_clear (BzIntakeHistory *self)
{
  g_return_if_fail (BZ_IS_INTAKE_HISTORY (self));

  g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  self->loading = FALSE;
  g_clear_object (&self->data);
  gtk_label_set_label (self->summary, "");
  gtk_label_set_label (self->legend, "");
  gtk_label_set_label (self->empty_label, "");
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
bz_intake_history_set_days (BzIntakeHistory *self, guint days)
{
  g_return_if_fail (BZ_IS_INTAKE_HISTORY (self));
  g_return_if_fail (days == 7 || days == 30);

  if (self->days == days)
    return;
  self->days = days;
  gtk_toggle_button_set_active (days == 7 ? self->week_button : self->month_button, TRUE);
  reload (self);
}

gboolean
bz_intake_history_is_loading (BzIntakeHistory *self)
{
  g_return_val_if_fail (BZ_IS_INTAKE_HISTORY (self), FALSE);
  return self->loading;
}

BzRecord *
bz_intake_history_get_data (BzIntakeHistory *self)
{
  g_return_val_if_fail (BZ_IS_INTAKE_HISTORY (self), NULL);
  return self->data;
}

const char *
bz_intake_history_get_summary (BzIntakeHistory *self)
{
  g_return_val_if_fail (BZ_IS_INTAKE_HISTORY (self), NULL);
  return gtk_label_get_label (self->summary);
}
