/* bz-patients-page.c — the nutritionist's own patients: search and a GtkListView.
 *
 * The list comes from bz_patients_get_list_async() (a PatientList record)
 * and the GtkListView is bound to its "patients" model of PatientSummary
 * records.  It refreshes by itself when the store reports a change to
 * patients, users or scans.
 * Signals: "patient-activated" (the PatientSummary #BzRecord) on Enter or click.
 * Action "patients.new" (Ctrl+N, the header's "New Patient" button and the
 * empty list's button) opens the New Patient dialog (bz-patient-dialog.h).
 * The list shows every status; a patient who is not active says which.
 */
#include "bz-patients-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bz-analytics-service.h"
#include <inttypes.h>

#include "bz-gui-util.h"
#include "bz-patient-dialog.h"
#include "bz-patient-service.h"
#include "bz-resources.h"

#define PAGE_LIMIT 100
#define REFRESH_DELAY_MS 400

struct _BzPatientsPage
{
  GtkWidget parent_instance;

  AdwWindowTitle *window_title;
  GtkSearchEntry *search_entry;
  GtkLabel *count_label;
  GtkStack *stack;
  GtkListView *list_view;
  AdwStatusPage *empty_page;
  AdwStatusPage *error_page;
  GtkWidget *empty_add_button;   /* "New Patient" on the empty list */

  BzRecord *list;            /* the last PatientList record, or NULL */
  GListStore *empty;         /* the model shown without a list: no PatientSummary */
  GtkSingleSelection *selection;
  BzGuiSession *session;
  GCancellable *cancellable;
  guint watch_id;
  guint refresh_source;
  gboolean loading;
  char *loaded_search;
};

G_DEFINE_FINAL_TYPE (BzPatientsPage, bz_patients_page, GTK_TYPE_WIDGET)

enum { SIGNAL_PATIENT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* --- rows ------------------------------------------------------------------ */

static GtkWidget *
value_box (GtkLabel **value, GtkLabel **caption, int width_chars)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  *value = GTK_LABEL (gtk_label_new (NULL));
  *caption = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (*value, 1);
  gtk_label_set_xalign (*caption, 1);
  gtk_label_set_width_chars (*value, width_chars);
  gtk_label_set_ellipsize (*caption, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (*value), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (*caption), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (*caption), "caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*value));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*caption));
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  return box;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *avatar = adw_avatar_new (40, NULL, TRUE);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *email = gtk_label_new (NULL);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  GtkLabel *weight, *weight_caption, *goal, *goal_caption, *adherence, *adherence_caption;

  gtk_widget_add_css_class (row, "patient-row");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (email), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (email), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (email, "dim-label");
  gtk_widget_add_css_class (email, "caption");
  gtk_widget_set_hexpand (names, TRUE);
  gtk_widget_set_valign (names, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (names), name);
  gtk_box_append (GTK_BOX (names), email);
  gtk_widget_add_css_class (arrow, "dim-label");

  gtk_box_append (GTK_BOX (row), avatar);
  gtk_box_append (GTK_BOX (row), names);
  gtk_box_append (GTK_BOX (row), value_box (&adherence, &adherence_caption, 6));
  gtk_box_append (GTK_BOX (row), value_box (&weight, &weight_caption, 9));
  gtk_box_append (GTK_BOX (row), value_box (&goal, &goal_caption, 16));
  gtk_box_append (GTK_BOX (row), arrow);

  g_object_set_data (G_OBJECT (row), "avatar", avatar);
  g_object_set_data (G_OBJECT (row), "name", name);
  g_object_set_data (G_OBJECT (row), "email", email);
  g_object_set_data (G_OBJECT (row), "adherence", adherence);
  g_object_set_data (G_OBJECT (row), "adherence-caption", adherence_caption);
  g_object_set_data (G_OBJECT (row), "weight", weight);
  g_object_set_data (G_OBJECT (row), "weight-caption", weight_caption);
  g_object_set_data (G_OBJECT (row), "goal", goal);
  g_object_set_data (G_OBJECT (row), "goal-caption", goal_caption);
  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  BzRecord *p = gtk_list_item_get_item (item);
  const char *name = bz_record_get_string (p, BZ_PATIENT_SUMMARY_FULL_NAME);
  const char *email = bz_record_get_string (p, BZ_PATIENT_SUMMARY_EMAIL);
  const char *goal = bz_goal_label (bz_record_get_string (p, BZ_PATIENT_SUMMARY_PRIMARY_GOAL));
  double weight = bz_record_get_double (p, BZ_PATIENT_SUMMARY_CURRENT_WEIGHT_KG);   /* NAN when null */
  double target = bz_record_get_double (p, BZ_PATIENT_SUMMARY_TARGET_WEIGHT_KG);
  g_autofree char *weight_text = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *accessible = NULL;

  if (name == NULL || *name == '\0')
    name = email ? email : _("Unnamed patient");
  adw_avatar_set_text (g_object_get_data (G_OBJECT (row), "avatar"), name);
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "name"), name);
  {
    const char *status = bz_record_get_string (p, BZ_PATIENT_SUMMARY_STATUS);
    const char *next = bz_record_get_string (p, BZ_PATIENT_SUMMARY_NEXT_APPOINTMENT);
    const char *last = bz_record_get_string (p, BZ_PATIENT_SUMMARY_LAST_APPOINTMENT);
    GString *caption = g_string_new (email ? email : "");
    /* TRANSLATORS: a patient's email, then their status ("Graduated") */
    if (status && g_strcmp0 (status, "active") != 0)
      g_string_append_printf (caption, " · %s", bz_vocab_label (&bz_vocab_patient_status, status, status));
    if (next)
      {
        g_autofree char *date = bz_format_date (next);
        /* TRANSLATORS: the patient's next appointment, a date */
        g_string_append (caption, " · ");
        g_string_append_printf (caption, _("next visit %s"), date);
      }
    else if (last)
      {
        g_autofree char *date = bz_format_date (last);
        g_string_append (caption, " · ");
        /* TRANSLATORS: the patient's last appointment, a date */
        g_string_append_printf (caption, _("last visit %s"), date);
      }
    gtk_label_set_label (g_object_get_data (G_OBJECT (row), "email"), caption->str);
    g_string_free (caption, TRUE);
  }
  {
    double rate = bz_record_get_double (p, BZ_PATIENT_SUMMARY_ADHERENCE_RATE);   /* NAN when null */
    g_autofree char *rate_text = isnan (rate) ? g_strdup ("—") : g_strdup_printf ("%.0f %%", rate);
    gtk_label_set_label (g_object_get_data (G_OBJECT (row), "adherence"), rate_text);
    /* TRANSLATORS: under a percentage: days on target of the last 7 */
    gtk_label_set_label (g_object_get_data (G_OBJECT (row), "adherence-caption"), _("Adherence"));
    g_autofree char *tip = g_strdup_printf (_("Days of the last %d with the energy within %.0f %% of the target"),
                                            BZ_ANALYTICS_LIST_DAYS, BZ_ANALYTICS_ENERGY_TOLERANCE * 100);
    gtk_widget_set_tooltip_text (g_object_get_data (G_OBJECT (row), "adherence"), tip);
  }

  /* TRANSLATORS: a body weight in kilograms */
  weight_text = isnan (weight) ? g_strdup ("—") : g_strdup_printf (_("%.1f kg"), weight);
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "weight"), weight_text);
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "weight-caption"),
                       isnan (weight) ? _("No scans yet") : _("Latest weight"));

  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "goal"), goal ? goal : _("No goal set"));
  if (!isnan (target))
    /* TRANSLATORS: the patient's target body weight */
    target_text = g_strdup_printf (_("Target %.1f kg"), target);
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "goal-caption"), target_text ? target_text : "");
  /* an empty caption would push its value up, off the row's centre line */
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "goal-caption"), target_text != NULL);

  accessible = g_strdup_printf ("%s, %s, %s", name, weight_text, goal ? goal : _("No goal set"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* --- loading --------------------------------------------------------------- */

/* The shown model: the list's "patients", or an empty one before a list. */
static GListModel *
shown_model (BzPatientsPage *self)
{
  return gtk_single_selection_get_model (self->selection);
}

static void
show_list (BzPatientsPage *self, BzRecord *list)
{
  g_autoptr(GListModel) patients = NULL;

  g_set_object (&self->list, list);
  if (list)
    g_object_get (list, "patients", &patients, NULL);
  gtk_single_selection_set_model (self->selection, patients ? patients : G_LIST_MODEL (self->empty));
}

static void
show_empty (BzPatientsPage *self, const char *search)
{
  if (search && *search)
    {
      g_autofree char *description =
        /* TRANSLATORS: %s is what the user searched for */
        g_strdup_printf (_("No patient’s name or email matches “%s”."), search);
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results Found"));
      adw_status_page_set_description (self->empty_page, description);
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "system-users-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Patients Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Patients you add, or who join your clinic from the phone app, appear here."));
    }
  gtk_widget_set_visible (self->empty_add_button, !(search && *search));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
list_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPatientsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) list = bz_patients_get_list_finish (BZ_SERVICES (source), result, &error);
  BzRecord *pagination;
  guint n;
  gint64 total;
  gboolean had_focus;

  if (bz_is_cancelled (error))
    return;
  self->loading = FALSE;

  if (list == NULL)
    {
      g_autofree char *message = bz_error_to_user_message (error);
      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_label_set_label (self->count_label, "");
      return;
    }

  had_focus = gtk_widget_has_focus (GTK_WIDGET (self->list_view))
              || gtk_widget_get_focus_child (GTK_WIDGET (self->list_view)) != NULL;
  show_list (self, list);

  n = g_list_model_get_n_items (shown_model (self));
  pagination = bz_record_get_object (list, BZ_PATIENT_LIST_PAGINATION);
  total = pagination && bz_record_has (pagination, BZ_PAGINATION_TOTAL_ITEMS)
          ? bz_record_get_int (pagination, BZ_PAGINATION_TOTAL_ITEMS) : n;
  if (n == 0)
    {
      gtk_label_set_label (self->count_label, "");
      show_empty (self, self->loaded_search);
      return;
    }
  if (total > (gint64) n)
    {
      g_autofree char *text = g_strdup_printf (_("Showing %u of %" PRId64 " patients — search to narrow the list"),
                                               n, (int64_t) total);
      gtk_label_set_label (self->count_label, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u patient", "%u patients", n), n);
      gtk_label_set_label (self->count_label, text);
    }
  gtk_stack_set_visible_child_name (self->stack, "list");
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

void
bz_patients_page_reload (BzPatientsPage *self)
{
  const char *search;

  g_return_if_fail (BZ_IS_PATIENTS_PAGE (self));
  if (self->session == NULL || !bz_gui_session_get_signed_in (self->session))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  adw_window_title_set_subtitle (self->window_title, bz_gui_session_get_caller (self->session)->email);

  search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_free (self->loaded_search);
  self->loaded_search = g_strstrip (g_strdup (search));

  if (g_list_model_get_n_items (shown_model (self)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  self->loading = TRUE;
  bz_patients_get_list_async (bz_gui_session_get_services (self->session),
                              bz_gui_session_get_caller (self->session),
                              *self->loaded_search ? self->loaded_search : NULL, "all", 1, PAGE_LIMIT,
                              self->cancellable, list_done, g_object_ref (self));
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  BzPatientsPage *self = user_data;
  self->refresh_source = 0;
  bz_patients_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (const char *table, const char *row_id, gpointer user_data)
{
  BzPatientsPage *self = user_data;

  if (g_strcmp0 (table, "patients") != 0 && g_strcmp0 (table, "users") != 0
      && g_strcmp0 (table, "body_scans") != 0)
    return;
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

/* --- signals --------------------------------------------------------------- */

static void
search_changed_cb (BzPatientsPage *self)
{
  bz_patients_page_reload (self);
}

static void
search_activate_cb (BzPatientsPage *self)
{
  /* Enter in the search opens the first match, once the list is current. */
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (search));

  if (!self->loading && g_strcmp0 (stripped, self->loaded_search) == 0
      && g_list_model_get_n_items (shown_model (self)) > 0)
    bz_patients_page_activate_row (self, 0);
}

static void
stop_search_cb (BzPatientsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                       GdkModifierType state, BzPatientsPage *self)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
      && g_list_model_get_n_items (shown_model (self)) > 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
      return TRUE;
    }
  return FALSE;
}

static void
list_activate_cb (BzPatientsPage *self, guint position)
{
  g_autoptr(BzRecord) item = g_list_model_get_item (shown_model (self), position);
  if (item)
    g_signal_emit (self, signals[SIGNAL_PATIENT_ACTIVATED], 0, item);
}

static void
retry_clicked_cb (BzPatientsPage *self)
{
  bz_patients_page_reload (self);
}

/* --- new patient ----------------------------------------------------------- */

static void
patient_saved_cb (BzPatientsPage *self, BzRecord *record)
{
  /* The store's notice reloads the list too; this makes it at once. */
  bz_patients_page_reload (self);
}

static void
new_patient_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  BzPatientsPage *self = BZ_PATIENTS_PAGE (widget);
  BzPatientDialog *dialog;

  if (self->session == NULL || !bz_gui_session_get_signed_in (self->session))
    return;
  dialog = bz_patient_dialog_new_create (GTK_WINDOW (gtk_widget_get_root (widget)), self->session);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (patient_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The template's header bar: the first child of its top-level box. */
static void
add_new_patient_buttons (BzPatientsPage *self)
{
  GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (self));
  GtkWidget *header = box ? gtk_widget_get_first_child (box) : NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_New Patient"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "patients.new");
  gtk_widget_set_tooltip_text (button, _("Add a patient and create their account (Ctrl+N)"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_return_if_fail (ADW_IS_HEADER_BAR (header));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);

  self->empty_add_button = gtk_button_new_with_mnemonic (_("_Add the First Patient"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_add_button), "patients.new");
  gtk_widget_add_css_class (self->empty_add_button, "pill");
  gtk_widget_add_css_class (self->empty_add_button, "suggested-action");
  gtk_widget_set_halign (self->empty_add_button, GTK_ALIGN_CENTER);
  adw_status_page_set_child (self->empty_page, self->empty_add_button);
}

/* --- object ---------------------------------------------------------------- */

static void
bz_patients_page_dispose (GObject *object)
{
  BzPatientsPage *self = BZ_PATIENTS_PAGE (object);
  GtkWidget *child;

  bz_patients_page_set_session (self, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->empty);
  g_clear_pointer (&self->loaded_search, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), BZ_TYPE_PATIENTS_PAGE);
  /* the template's unnamed top-level box */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bz_patients_page_parent_class)->dispose (object);
}

static void
bz_patients_page_class_init (BzPatientsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bz_patients_page_dispose;

  signals[SIGNAL_PATIENT_ACTIVATED] =
    g_signal_new ("patient-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BZ_TYPE_RECORD);

  gtk_widget_class_install_action (widget_class, "patients.new", NULL, new_patient_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "patients.new", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/balanza/Balanza/ui/bz-patients-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BzPatientsPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, BzPatientsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BzPatientsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, BzPatientsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BzPatientsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, BzPatientsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BzPatientsPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
}

static void
bz_patients_page_init (BzPatientsPage *self)
{
  GtkListItemFactory *factory;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  add_new_patient_buttons (self);

  self->empty = g_list_store_new (bz_resource_get_type (&bz_patient_summary_resource));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->empty)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));

  gtk_stack_set_visible_child_name (self->stack, "loading");
}

GtkWidget *
bz_patients_page_new (void)
{
  return g_object_new (BZ_TYPE_PATIENTS_PAGE, NULL);
}

void
bz_patients_page_set_session (BzPatientsPage *self, BzGuiSession *session)
{
  g_return_if_fail (BZ_IS_PATIENTS_PAGE (self));

  if (self->session == session)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
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
bz_patients_page_clear (BzPatientsPage *self)
{
  g_return_if_fail (BZ_IS_PATIENTS_PAGE (self));
  g_cancellable_cancel (self->cancellable);
  self->loading = FALSE;
  show_list (self, NULL);
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  gtk_label_set_label (self->count_label, "");
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

void
bz_patients_page_focus_search (BzPatientsPage *self)
{
  g_return_if_fail (BZ_IS_PATIENTS_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

GListModel *
bz_patients_page_get_model (BzPatientsPage *self)
{
  g_return_val_if_fail (BZ_IS_PATIENTS_PAGE (self), NULL);
  return shown_model (self);
}

gboolean
bz_patients_page_is_loading (BzPatientsPage *self)
{
  g_return_val_if_fail (BZ_IS_PATIENTS_PAGE (self), FALSE);
  return self->loading;
}

void
bz_patients_page_activate_row (BzPatientsPage *self, guint position)
{
  g_return_if_fail (BZ_IS_PATIENTS_PAGE (self));
  g_signal_emit_by_name (self->list_view, "activate", position);
}

void
bz_patients_page_set_search (BzPatientsPage *self, const char *text)
{
  g_return_if_fail (BZ_IS_PATIENTS_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
}

const char *
bz_patients_page_get_state (BzPatientsPage *self)
{
  g_return_val_if_fail (BZ_IS_PATIENTS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
