/* bz-patient-page.c — one patient: avatar, scans, measurements chart, today's meals and intake.
 *
 * Everything loads through the service layer on worker threads, as records:
 * bz_scans_get_list_async() (a ScanList record: the history list is bound
 * to its "scans" model, and the chart reads the same Scan records),
 * bz_avatars_get_glb_variant() + bz_glb_parse() (the avatar of the selected
 * scan, newest first, as the phones get it: LOD 0 meshopt-compressed), bz_meals_get_daily_async() (a DailyIntake record: intake
 * against targets, and the meals, whose "meals" list model the meals list is
 * bound to; in bz-patient-page-day.c), bz_meals_get_photo() (thumbnails),
 * and for the title the patient's file (bz_patients_get_file_async(): its basic_info) or, for a
 * member on the kiosk, the own User record (bz_auth_get_user_async()).  The page follows the store's change notifications, so a
 * meal uploaded from a phone appears without a manual refresh.
 */
#include "bz-patient-page.h"
#include "bz-patient-page-private.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "bz-auth-service.h"
#include "bz-glb.h"
#include "bz-gui-util.h"
#include "bz-meal-service.h"
#include "bz-measurements-chart.h"
#include "bz-patient-report.h"
#include "bz-nutrition-bars.h"
#include "bz-patient-dialog.h"
#include "bz-patient-service.h"
#include "bz-plan-editor.h"
#include "bz-reflow-box.h"
#include "bz-scan-row.h"
#include "bz-scan-service.h"

#define REFRESH_DELAY_MS 300

G_DEFINE_FINAL_TYPE (BzPatientPage, bz_patient_page, GTK_TYPE_WIDGET)

static void load_scans (BzPatientPage *self);
static void load_avatar (BzPatientPage *self, const char *avatar_id);

/* Empties the scan history (it is bound to the last ScanList's "scans"). */
static void
clear_scans (BzPatientPage *self)
{
  gtk_list_box_bind_model (self->scans_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->scans);
  self->n_scans = 0;
}

GCancellable *
bz_patient_page_renew (GCancellable **cancellable)
{
  if (*cancellable)
    g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  *cancellable = g_cancellable_new ();
  return *cancellable;
}

static void
update_title (BzPatientPage *self)
{
  adw_window_title_set_title (self->window_title, self->name ? self->name : "");
  adw_window_title_set_subtitle (self->window_title, self->email ? self->email : "");
}

/* --- patient record ------------------------------------------------------- */

/* The title: the name and email of the patient's file (staff) or of the own
 * User record (a member).  @full_name wins over @first + @last. */
static void
set_names (BzPatientPage *self, const char *full_name, const char *first, const char *last,
           const char *email)
{
  if (full_name && *full_name)
    {
      g_free (self->name);
      self->name = g_strdup (full_name);
    }
  else if (first || last)
    {
      g_free (self->name);
      self->name = g_strstrip (g_strdup_printf ("%s %s", first ? first : "", last ? last : ""));
    }
  if (email && *email)
    {
      g_free (self->email);
      self->email = g_strdup (email);
    }
  update_title (self);
}

static void
file_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPatientPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) envelope = bz_patients_get_file_finish (BZ_SERVICES (source), result, &error);
  BzRecord *file, *info;

  if (bz_is_cancelled (error))
    return;
  self->loading_info = FALSE;
  if (envelope == NULL)
    {
      g_debug ("patient file: %s", error ? error->message : "?");
      return;
    }
  file = bz_record_get_object (envelope, BZ_PATIENT_FILE_ENVELOPE_PATIENT);
  info = file ? bz_record_get_object (file, BZ_PATIENT_FILE_BASIC_INFO) : NULL;
  if (info)
    set_names (self, bz_record_get_string (info, BZ_PATIENT_INFO_FULL_NAME),
               bz_record_get_string (info, BZ_PATIENT_INFO_FIRST_NAME),
               bz_record_get_string (info, BZ_PATIENT_INFO_LAST_NAME),
               bz_record_get_string (info, BZ_PATIENT_INFO_EMAIL));
}

static void
user_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPatientPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) user = bz_auth_get_user_finish (BZ_SERVICES (source), result, &error);

  if (bz_is_cancelled (error))
    return;
  self->loading_info = FALSE;
  if (user == NULL)
    {
      g_debug ("user record: %s", error ? error->message : "?");
      return;
    }
  set_names (self, bz_record_get_string (user, BZ_USER_FULL_NAME),
             bz_record_get_string (user, BZ_USER_FIRST_NAME),
             bz_record_get_string (user, BZ_USER_LAST_NAME),
             bz_record_get_string (user, BZ_USER_EMAIL));
}

/* --- scans, chart, avatar ------------------------------------------------- */

static BzRecord *
scan_at (BzPatientPage *self, guint index)
{
  if (self->scans == NULL || index >= bz_record_get_n_items (self->scans, BZ_SCAN_LIST_SCANS))
    return NULL;
  return bz_record_get_item (self->scans, BZ_SCAN_LIST_SCANS, index);
}

static void
update_scan_marks (BzPatientPage *self)
{
  GtkListBoxRow *row;
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->scans_list, i)); i++)
    {
      BzRecord *scan = bz_scan_row_get_scan (BZ_SCAN_ROW (row));
      bz_scan_row_set_shown (BZ_SCAN_ROW (row), self->shown_avatar_id
                             && g_strcmp0 (bz_scan_avatar_id (scan), self->shown_avatar_id) == 0);
    }
}

static void
show_scan (BzPatientPage *self, BzRecord *scan)
{
  g_autofree char *date = bz_format_date (bz_record_get_string (scan, BZ_SCAN_MEASURED_AT));
  double height = bz_record_get_double (scan, BZ_SCAN_HEIGHT_CM);
  g_autofree char *caption = NULL;
  const char *avatar_id = bz_scan_avatar_id (scan);

  if (!isnan (height))
    /* TRANSLATORS: "Scan of <date> · <height> cm" */
    caption = g_strdup_printf (_("Scan of %s · %.0f cm"), date, height);
  else
    caption = g_strdup_printf (_("Scan of %s"), date);
  gtk_label_set_label (self->avatar_caption, caption);

  if (avatar_id == NULL)
    {
      adw_status_page_set_title (self->avatar_status, _("No Avatar for This Scan"));
      adw_status_page_set_description (self->avatar_status,
                                       _("The avatar could not be generated. The measurements are still recorded."));
      gtk_stack_set_visible_child_name (self->avatar_stack, "empty");
      g_clear_pointer (&self->shown_avatar_id, g_free);
      update_scan_marks (self);
      return;
    }
  if (g_strcmp0 (avatar_id, self->shown_avatar_id) == 0
      && bz_avatar_view_has_mesh (self->avatar_view))
    return;
  load_avatar (self, avatar_id);
}

static void
scan_row_activated_cb (BzPatientPage *self, GtkListBoxRow *row)
{
  show_scan (self, bz_scan_row_get_scan (BZ_SCAN_ROW (row)));
}

/* A row of the scan history: the list box is bound to the ScanList's
 * "scans" model (newest first), so each Scan record makes its BzScanRow. */
static GtkWidget *
scan_row_create (gpointer item, gpointer user_data)
{
  BzPatientPage *self = user_data;
  return bz_scan_row_new (item, self->n_scans > 1 && item == scan_at (self, 0));
}

static void
scans_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPatientPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) list = bz_scans_get_list_finish (BZ_SERVICES (source), result, &error);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (BzChartPoint));
  g_autoptr(GListModel) scans = NULL;
  BzRecord *shown = NULL;

  if (bz_is_cancelled (error))
    return;
  self->loading_scans = FALSE;
  if (self->loading_info && self->info_cancel == NULL)
    bz_patient_page_load_info (self);

  clear_scans (self);

  if (list == NULL)
    {
      g_autofree char *message = bz_error_to_user_message (error);
      adw_status_page_set_title (self->avatar_status, _("Could Not Load Scans"));
      adw_status_page_set_description (self->avatar_status, message);
      gtk_stack_set_visible_child_name (self->avatar_stack, "empty");
      gtk_stack_set_visible_child_name (self->chart_stack, "empty");
      return;
    }

  self->scans = g_steal_pointer (&list);
  self->n_scans = bz_record_get_n_items (self->scans, BZ_SCAN_LIST_SCANS);
  if (self->kiosk)
    bz_kiosk_progress_set_scans (self->progress, self->session, self->scans);
  g_object_get (self->scans, "scans", &scans, NULL);
  gtk_list_box_bind_model (self->scans_list, scans, scan_row_create, self, NULL);

  for (guint i = 0; i < self->n_scans; i++)
    {
      BzRecord *scan = scan_at (self, i);
      g_autoptr(GDateTime) dt = bz_parse_datetime (bz_record_get_string (scan, BZ_SCAN_MEASURED_AT));
      BzChartPoint p;

      if (self->shown_avatar_id && g_strcmp0 (bz_scan_avatar_id (scan), self->shown_avatar_id) == 0)
        shown = scan;
      if (dt == NULL)
        continue;
      p.time = g_date_time_to_unix (dt);
      p.weight_kg = bz_record_get_double (scan, BZ_SCAN_WEIGHT_KG);
      p.body_fat_percent = bz_record_get_double (scan, BZ_SCAN_BODY_FAT_PERCENT);
      p.waist_cm = bz_scan_waist_cm (scan);
      g_array_append_val (points, p);
    }

  bz_measurements_chart_set_points (self->chart, (BzChartPoint *) points->data, points->len);
  gtk_stack_set_visible_child_name (self->chart_stack, points->len > 0 ? "chart" : "empty");

  if (self->n_scans == 0)
    {
      adw_status_page_set_title (self->avatar_status, _("No Body Scan Yet"));
      adw_status_page_set_description (self->avatar_status,
                                       _("Upload an InBody scan to see the 3D avatar and track measurements."));
      gtk_stack_set_visible_child_name (self->avatar_stack, "empty");
      gtk_label_set_label (self->avatar_caption, "");
      g_clear_pointer (&self->shown_avatar_id, g_free);
      bz_avatar_view_set_mesh (self->avatar_view, NULL);
      return;
    }

  /* Keep the scan being looked at; otherwise the newest. */
  show_scan (self, shown ? shown : scan_at (self, 0));
  update_scan_marks (self);
}

void
bz_patient_page_load_info (BzPatientPage *self)
{
  BzServices *services = bz_gui_session_get_services (self->session);
  const BzCaller *caller = bz_gui_session_get_caller (self->session);

  /* A member sees the own User record; staff the patient's file (an audited read). */
  if (caller == NULL)
    {
      self->loading_info = FALSE;
      return;
    }
  self->loading_info = TRUE;
  if (self->patient_id == NULL)
    bz_auth_get_user_async (services, caller->user_id, bz_patient_page_renew (&self->info_cancel), user_done, g_object_ref (self));
  else
    bz_patients_get_file_async (services, caller, self->patient_id, bz_patient_page_renew (&self->info_cancel),
                                file_done, g_object_ref (self));
}

static void
load_scans (BzPatientPage *self)
{
  if (self->session == NULL)
    return;
  self->loading_scans = TRUE;
  bz_scans_get_list_async (bz_gui_session_get_services (self->session),
                           bz_gui_session_get_caller (self->session), self->patient_id,
                           bz_patient_page_renew (&self->scans_cancel), scans_done, g_object_ref (self));
}

typedef struct
{
  BzServices *services;
  BzCaller *caller;
  char *avatar_id;
} AvatarArgs;

static void
avatar_args_free (gpointer p)
{
  AvatarArgs *a = p;
  g_clear_object (&a->services);
  g_clear_pointer (&a->caller, bz_caller_free);
  g_free (a->avatar_id);
  g_free (a);
}

static gpointer
avatar_work (gpointer data, GCancellable *cancellable, GError **error)
{
  AvatarArgs *a = data;
  g_autoptr(GBytes) glb = NULL;
  g_autofree char *etag = NULL;

  /* The finest level, compressed: the desk reads what the phones get. */
  glb = bz_avatars_get_glb_variant (a->services, a->caller, a->avatar_id, 0,
                                    BZ_GLTF_COMPRESSION_MESHOPT, &etag, error);
  if (glb == NULL)
    return NULL;
  return bz_glb_parse (glb, error);
}

static void
avatar_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BzPatientPage *self = BZ_PATIENT_PAGE (source);
  g_autoptr(GError) error = NULL;
  BzGlbMesh *mesh = bz_run_in_thread_finish (result, &error);

  if (bz_is_cancelled (error))
    return;
  self->loading_avatar = FALSE;
  if (mesh == NULL)
    {
      g_autofree char *message = bz_error_to_user_message (error);
      g_warning ("avatar: %s", error ? error->message : "?");
      adw_status_page_set_title (self->avatar_status, _("Could Not Show the Avatar"));
      adw_status_page_set_description (self->avatar_status, message);
      gtk_stack_set_visible_child_name (self->avatar_stack, "empty");
      return;
    }
  bz_avatar_view_set_mesh (self->avatar_view, mesh);
  gtk_stack_set_visible_child_name (self->avatar_stack, "view");
}

static void
load_avatar (BzPatientPage *self, const char *avatar_id)
{
  AvatarArgs *a = g_new0 (AvatarArgs, 1);

  a->services = g_object_ref (bz_gui_session_get_services (self->session));
  a->caller = bz_gui_session_dup_caller (self->session);
  a->avatar_id = g_strdup (avatar_id);
  g_free (self->shown_avatar_id);
  self->shown_avatar_id = g_strdup (avatar_id);
  update_scan_marks (self);
  if (!bz_avatar_view_has_mesh (self->avatar_view))
    gtk_stack_set_visible_child_name (self->avatar_stack, "loading");

  self->loading_avatar = TRUE;
  bz_run_in_thread (self, bz_patient_page_renew (&self->avatar_cancel), avatar_work, a, avatar_args_free,
                    (GDestroyNotify) bz_glb_mesh_free, avatar_done, NULL);
}

static void
reset_view_clicked_cb (BzPatientPage *self)
{
  bz_avatar_view_reset_camera (self->avatar_view);
  gtk_widget_grab_focus (GTK_WIDGET (self->avatar_view));
}

/* --- live refresh ------------------------------------------------------------ */

static gboolean
scans_refresh_cb (gpointer user_data)
{
  BzPatientPage *self = user_data;
  self->scans_refresh = 0;
  load_scans (self);
  return G_SOURCE_REMOVE;
}

static gboolean
daily_refresh_cb (gpointer user_data)
{
  BzPatientPage *self = user_data;
  self->daily_refresh = 0;
  bz_patient_page_load_daily (self);
  bz_intake_history_load (self->intake_history, self->session, self->patient_id);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (const char *table, const char *row_id, gpointer user_data)
{
  BzPatientPage *self = user_data;

  if (self->session == NULL || !bz_gui_session_get_signed_in (self->session)
      || (self->patient_id == NULL && !self->kiosk))
    return;
  if (g_strcmp0 (table, "meal_plans") == 0)
    {
      bz_plan_today_load (self->plan_today, self->session, self->patient_id, self->kiosk);
      bz_intake_history_load (self->intake_history, self->session, self->patient_id);
    }
  else if (g_strcmp0 (table, "meal_logs") == 0 || g_strcmp0 (table, "meal_items") == 0)
    {
      if (self->daily_refresh == 0)
        self->daily_refresh = g_timeout_add (REFRESH_DELAY_MS, daily_refresh_cb, self);
    }
  else if (g_strcmp0 (table, "body_scans") == 0 || g_strcmp0 (table, "avatars") == 0)
    {
      if (self->scans_refresh == 0)
        self->scans_refresh = g_timeout_add (REFRESH_DELAY_MS, scans_refresh_cb, self);
      /* new targets come from the newest scan */
      if (self->daily_refresh == 0)
        self->daily_refresh = g_timeout_add (REFRESH_DELAY_MS * 2, daily_refresh_cb, self);
    }
}

/* --- object -------------------------------------------------------------------- */

static void
cancel_all (BzPatientPage *self)
{
  GCancellable **all[] = { &self->scans_cancel, &self->daily_cancel, &self->avatar_cancel, &self->info_cancel };
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (*all[i])
      {
        g_cancellable_cancel (*all[i]);
        g_clear_object (all[i]);
      }
  self->loading_info = self->loading_scans = self->loading_daily = self->loading_avatar = FALSE;
  g_clear_handle_id (&self->scans_refresh, g_source_remove);
  g_clear_handle_id (&self->daily_refresh, g_source_remove);
}

static void
bz_patient_page_dispose (GObject *object)
{
  BzPatientPage *self = BZ_PATIENT_PAGE (object);
  GtkWidget *child;

  bz_patient_page_set_session (self, NULL);
  bz_patient_page_close_plan_editor (self);
  cancel_all (self);
  g_clear_handle_id (&self->panes_idle, g_source_remove);
  g_clear_object (&self->scans);
  g_clear_object (&self->daily);
  g_clear_pointer (&self->patient_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->shown_avatar_id, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), BZ_TYPE_PATIENT_PAGE);
  /* the template's unnamed top-level box */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bz_patient_page_parent_class)->dispose (object);
}

static void
bz_patient_page_class_init (BzPatientPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bz_patient_page_dispose;

  /* Escape goes back to the list, like Alt+Left (the action is off in the kiosk). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
  gtk_widget_class_install_action (widget_class, "patient.open-plan", NULL, bz_patient_page_open_plan_activated);
  gtk_widget_class_install_action (widget_class, "patient.edit", NULL, bz_patient_page_edit_patient_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "patient.edit", NULL);
  gtk_widget_class_install_action (widget_class, "patient.delete-meal", "s", bz_patient_page_delete_meal_activated);
  gtk_widget_class_install_action (widget_class, "patient.edit-meal", "s", bz_patient_page_edit_meal_activated);
  gtk_widget_class_install_action (widget_class, "patient.previous-day", NULL, bz_patient_page_day_activated);
  gtk_widget_class_install_action (widget_class, "patient.next-day", NULL, bz_patient_page_day_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "patient.previous-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "patient.next-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "patient.open-plan", NULL);
  gtk_widget_class_install_action (widget_class, "patient.print-report", NULL, bz_patient_page_print_report_activated);
  gtk_widget_class_install_action (widget_class, "patient.add-scan", NULL, bz_patient_page_add_scan_activated);
  gtk_widget_class_install_action (widget_class, "patient.ai-plans", NULL, bz_patient_page_ai_plans_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "patient.ai-plans", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "patient.add-scan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "patient.print-report", NULL);
  gtk_widget_class_install_action (widget_class, "patient.pair-phone", NULL, bz_patient_page_pair_phone_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "patient.pair-phone", NULL);
  gtk_widget_class_install_action (widget_class, "patient.reset-password", NULL, bz_patient_page_reset_password_activated);

  g_type_ensure (BZ_TYPE_AVATAR_VIEW);
  g_type_ensure (BZ_TYPE_MEASUREMENTS_CHART);
  g_type_ensure (BZ_TYPE_NUTRITION_BARS);
  g_type_ensure (BZ_TYPE_INTAKE_HISTORY);
  g_type_ensure (BZ_TYPE_REFLOW_BOX);
  g_type_ensure (BZ_TYPE_PLAN_TODAY);
  g_type_ensure (BZ_TYPE_PATIENT_NOTES);
  g_type_ensure (BZ_TYPE_CHALLENGE_BOARD);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/balanza/Balanza/ui/bz-patient-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, add_meal_button);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, plan_button);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, report_button);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, ai_plans_button);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, pair_button);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, add_scan_button);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, sign_out_button);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, columns);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, pane_switcher);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, body_pane);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, body_toggle);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, nutrition_toggle);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, avatar_caption);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, avatar_stack);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, avatar_view);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, avatar_status);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, reset_view_button);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, avatar_hint);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, scans_list);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, chart);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, intake_title);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, meals_title);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, nutrition_bars);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, targets_label);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, meals_list);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, plan_today);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, challenge_board);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, intake_history);
  gtk_widget_class_bind_template_child (widget_class, BzPatientPage, patient_notes);
  gtk_widget_class_bind_template_callback (widget_class, scan_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_view_clicked_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "panes_changed_cb", G_CALLBACK (bz_patient_page_panes_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "pane_toggled_cb", G_CALLBACK (bz_patient_page_pane_toggled));
}

static GtkWidget *
scans_placeholder_new (void)
{
  GtkWidget *label = gtk_label_new (_("No scans yet"));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 14);
  gtk_widget_set_margin_bottom (label, 14);
  return label;
}

static void
bz_patient_page_init (BzPatientPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bz_patient_page_panes_changed (self);
  {
    /* Edit: the patient's details and status; not in the kiosk (as Add Meal). */
    GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");   /* narrow: 800 px in Spanish */
    gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Patient"), -1);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "patient.edit");
    gtk_widget_set_tooltip_text (edit, _("Edit the patient’s details and status (Ctrl+E)"));
    adw_header_bar_pack_end (ADW_HEADER_BAR (gtk_widget_get_ancestor (self->add_meal_button, ADW_TYPE_HEADER_BAR)), edit);
    g_object_bind_property (self->add_meal_button, "visible", edit, "visible", G_BINDING_SYNC_CREATE);
  }
  {
    /* The template's content inside a toast overlay (the delete's Undo). */
    GtkWidget *content = g_object_ref (gtk_widget_get_first_child (GTK_WIDGET (self)));
    gtk_widget_unparent (content);
    self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
    adw_toast_overlay_set_child (self->toasts, content);
    gtk_widget_set_parent (GTK_WIDGET (self->toasts), GTK_WIDGET (self));
    g_object_unref (content);
  }
  gtk_list_box_set_placeholder (self->meals_list, bz_patient_page_meals_placeholder_new (&self->meals_empty_title));
  {
    /* Previous and next day beside the date (Ctrl+Page Up / Page Down). */
    GtkWidget *header = gtk_widget_get_parent (GTK_WIDGET (self->date_label));
    GtkWidget *prev = gtk_button_new_from_icon_name ("go-previous-symbolic");
    GtkWidget *next = gtk_button_new_from_icon_name ("go-next-symbolic");
    gtk_widget_add_css_class (prev, "flat");
    gtk_widget_add_css_class (next, "flat");
    gtk_widget_set_tooltip_text (prev, _("Previous day (Ctrl+Page Up)"));
    gtk_widget_set_tooltip_text (next, _("Next day (Ctrl+Page Down)"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (prev), "patient.previous-day");
    gtk_actionable_set_action_name (GTK_ACTIONABLE (next), "patient.next-day");
    gtk_box_insert_child_after (GTK_BOX (header), prev, gtk_widget_get_prev_sibling (GTK_WIDGET (self->date_label)));
    gtk_box_append (GTK_BOX (header), next);
  }
  gtk_list_box_set_placeholder (self->scans_list, scans_placeholder_new ());
  self->progress = BZ_KIOSK_PROGRESS (bz_kiosk_progress_new ());
  bz_kiosk_progress_attach (self->progress, gtk_widget_get_first_child (gtk_scrolled_window_get_child (self->scroller)),
                            ADW_HEADER_BAR (gtk_widget_get_ancestor (self->add_meal_button, ADW_TYPE_HEADER_BAR)));
  bz_nutrition_bars_set (self->nutrition_bars, NULL, NULL);
}

GtkWidget *
bz_patient_page_new (void)
{
  return g_object_new (BZ_TYPE_PATIENT_PAGE, NULL);
}

void
bz_patient_page_set_session (BzPatientPage *self, BzGuiSession *session)
{
  g_return_if_fail (BZ_IS_PATIENT_PAGE (self));

  if (self->session == session)
    return;
  if (self->watch_id)
    {
      bz_services_unwatch (bz_gui_session_get_services (self->session), self->watch_id);
      self->watch_id = 0;
    }
  g_set_object (&self->session, session);
  if (session)
    self->watch_id = bz_services_watch (bz_gui_session_get_services (session),
                                        NULL, store_changed_cb, self, NULL);
}

void
bz_patient_page_set_kiosk (BzPatientPage *self, gboolean kiosk)
{
  g_return_if_fail (BZ_IS_PATIENT_PAGE (self));
  self->kiosk = kiosk;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "patient.delete-meal", !kiosk);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "patient.edit-meal", !kiosk);
  gtk_widget_set_visible (self->back_button, !kiosk);
  gtk_widget_set_visible (self->add_meal_button, !kiosk);
  gtk_widget_set_visible (self->plan_button, !kiosk);
  gtk_widget_set_visible (self->report_button, !kiosk);
  gtk_widget_set_visible (self->ai_plans_button, !kiosk);
  gtk_widget_set_visible (self->pair_button, !kiosk);
  gtk_widget_set_visible (self->add_scan_button, !kiosk);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "patient.add-scan", !kiosk);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "patient.ai-plans", !kiosk);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "patient.print-report", !kiosk);
  gtk_widget_set_visible (self->sign_out_button, kiosk);
  bz_kiosk_progress_set_enabled (self->progress, kiosk);
}

void
bz_patient_page_show_patient (BzPatientPage *self, const char *patient_id,
                              const char *name, const char *email)
{
  g_return_if_fail (BZ_IS_PATIENT_PAGE (self));
  g_return_if_fail (self->session != NULL);

  bz_patient_page_clear (self);
  self->day_offset = 0;
  self->patient_id = g_strdup (patient_id);
  self->name = g_strdup (name);
  self->email = g_strdup (email);
  update_title (self);

  /* The record (title details) loads after the scans: both are audited reads,
   * and one audited read at a time is plenty. */
  self->loading_info = TRUE;
  load_scans (self);
  bz_patient_page_load_daily (self);
  bz_plan_today_load (self->plan_today, self->session, self->patient_id, self->kiosk);
  bz_intake_history_load (self->intake_history, self->session, self->patient_id);
  bz_patient_notes_load (self->patient_notes, self->session, self->patient_id);
  bz_challenge_board_load (self->challenge_board, self->kiosk ? self->session : NULL);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

void
bz_patient_page_clear (BzPatientPage *self)
{
  g_return_if_fail (BZ_IS_PATIENT_PAGE (self));
  bz_patient_page_close_plan_editor (self);
  cancel_all (self);
  g_clear_pointer (&self->patient_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->shown_avatar_id, g_free);
  self->n_meals = 0;
  update_title (self);

  bz_avatar_view_set_mesh (self->avatar_view, NULL);
  gtk_stack_set_visible_child_name (self->avatar_stack, "loading");
  gtk_label_set_label (self->avatar_caption, "");
  bz_measurements_chart_set_points (self->chart, NULL, 0);
  gtk_stack_set_visible_child_name (self->chart_stack, "chart");
  bz_nutrition_bars_set (self->nutrition_bars, NULL, NULL);
  gtk_label_set_label (self->targets_label, "");
  clear_scans (self);
  if (self->kiosk)
    bz_kiosk_progress_set_scans (self->progress, NULL, NULL);
  bz_patient_page_clear_meals (self);
  bz_plan_today_clear (self->plan_today);
  bz_intake_history_clear (self->intake_history);
  bz_patient_notes_load (self->patient_notes, NULL, NULL);
  bz_challenge_board_load (self->challenge_board, NULL);
}

void
bz_patient_page_refresh (BzPatientPage *self)
{
  g_return_if_fail (BZ_IS_PATIENT_PAGE (self));
  if (self->session == NULL || (self->patient_id == NULL && !self->kiosk))
    return;
  load_scans (self);
  bz_patient_page_load_daily (self);
  bz_plan_today_load (self->plan_today, self->session, self->patient_id, self->kiosk);
  bz_intake_history_load (self->intake_history, self->session, self->patient_id);
  bz_challenge_board_load (self->challenge_board, self->kiosk ? self->session : NULL);
}

const char *
bz_patient_page_get_patient_id (BzPatientPage *self)
{
  g_return_val_if_fail (BZ_IS_PATIENT_PAGE (self), NULL);
  return self->patient_id;
}

const char *
bz_patient_page_get_patient_name (BzPatientPage *self)
{
  g_return_val_if_fail (BZ_IS_PATIENT_PAGE (self), NULL);
  return self->name;
}

BzKioskProgress *
bz_patient_page_get_progress (BzPatientPage *self)
{
  g_return_val_if_fail (BZ_IS_PATIENT_PAGE (self), NULL);
  return self->progress;
}

BzAvatarView *
bz_patient_page_get_avatar_view (BzPatientPage *self)
{
  g_return_val_if_fail (BZ_IS_PATIENT_PAGE (self), NULL);
  return self->avatar_view;
}

gboolean
bz_patient_page_is_loading (BzPatientPage *self)
{
  g_return_val_if_fail (BZ_IS_PATIENT_PAGE (self), FALSE);
  return self->loading_info || self->loading_scans || self->loading_daily || self->loading_avatar
         || self->scans_refresh || self->daily_refresh || bz_plan_today_is_loading (self->plan_today)
         || bz_intake_history_is_loading (self->intake_history);
}

guint
bz_patient_page_get_n_meals (BzPatientPage *self)
{
  g_return_val_if_fail (BZ_IS_PATIENT_PAGE (self), 0);
  return self->n_meals;
}

guint
bz_patient_page_get_n_scans (BzPatientPage *self)
{
  g_return_val_if_fail (BZ_IS_PATIENT_PAGE (self), 0);
  return self->n_scans;
}

gpointer
bz_patient_page_get_delete_toast (BzPatientPage *self)
{
  g_return_val_if_fail (BZ_IS_PATIENT_PAGE (self), NULL);
  return self->delete_toast;
}

int
bz_patient_page_get_day_offset (BzPatientPage *self)
{
  g_return_val_if_fail (BZ_IS_PATIENT_PAGE (self), 0);
  return self->day_offset;
}
