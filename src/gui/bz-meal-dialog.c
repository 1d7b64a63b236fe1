/* bz-meal-dialog.c — add a meal: a photo, USDA foods with grams, the meal
 * type, the date and time it was eaten.
 *
 * The photo comes from the camera (bz-camera-portal.c chooses: the desktop's
 * camera portal, v4l2src or $BALANZA_CAMERA_PIPELINE; bz-camera.c takes the
 * frame) or from an image file (GtkFileChooserNative).  A refused camera
 * says so under the photo.
 * Photos are decoded off the GUI thread (gdk_texture_new_from_bytes).  Foods
 * and grams come from the BzFoodPicker.  Save runs bz_meals_log_async(…,
 * source "workstation") (a worker thread): a photo or at least one food, at
 * the date and time given (now by default).  While Save is off a line under
 * the form says why; errors show as a toast and the dialog stays.  Closing a
 * filled-in dialog asks first; closing cancels what is still running.
 */
#include "bz-meal-dialog.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bz-camera.h"
#include "bz-camera-portal.h"
#include "bz-food-picker.h"
#include "bz-gui-util.h"
#include "bz-meal-service.h"


struct _BzMealDialog
{
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  GtkStack *save_stack;
  GtkStack *photo_stack;
  GtkLabel *busy_label;
  GtkPicture *photo_picture;
  GtkWidget *capture_button;
  GtkWidget *open_button;
  GtkLabel *photo_error_label;
  AdwComboRow *meal_type_row;
  GtkEditable *date_row, *time_row;
  GtkLabel *save_hint_label;
  AdwActionRow *total_row;
  GtkLabel *total_kcal_label;
  BzFoodPicker *food_picker;

  BzGuiSession *session;
  char *patient_id;
  GBytes *photo;

  GCancellable *cancellable; /* everything, cancelled on close */
  GCancellable *photo_cancel;
  BzCameraSource *camera_source;   /* while capturing: keeps the portal's PipeWire fd open */
  GtkFileChooserNative *chooser;
  gboolean capturing, decoding, saving;
  gboolean discard_confirmed;  /* the user chose Discard, or the meal is saved */
};

G_DEFINE_FINAL_TYPE (BzMealDialog, bz_meal_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static GCancellable *
child_cancellable (BzMealDialog *self, GCancellable **slot)
{
  if (*slot)
    g_cancellable_cancel (*slot);
  g_clear_object (slot);
  *slot = g_cancellable_new ();
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                           *slot, G_CONNECT_SWAPPED);
  return *slot;
}

static void
toast (BzMealDialog *self, const char *message)
{
  AdwToast *t = adw_toast_new (message);
  adw_toast_set_timeout (t, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static GDateTime *
eaten_at (BzMealDialog *self)
{
  return bz_form_parse_local_time (gtk_editable_get_text (self->date_row),
                                   gtk_editable_get_text (self->time_row));
}

/* Why Save is off, or %NULL when it may be pressed. */
static const char *
save_blocked_reason (BzMealDialog *self)
{
  g_autoptr(GDateTime) when = NULL;

  if (self->saving)
    return NULL;
  if (self->capturing || self->decoding)
    return _("Save waits for the photo to open.");
  if (self->photo == NULL && bz_food_picker_get_n_items (self->food_picker) == 0)
    return _("Add a photo or at least one food to save the meal.");
  when = eaten_at (self);
  if (when == NULL)
    return _("Write the date as YYYY-MM-DD and the time as HH:MM, for example 2026-03-15 and 14:30.");
  return NULL;
}

static void
update_state (BzMealDialog *self)
{
  gboolean photo_busy = self->capturing || self->decoding;
  const char *reason = save_blocked_reason (self);

  gtk_widget_set_sensitive (self->save_button, reason == NULL && !self->saving);
  gtk_widget_set_tooltip_text (self->save_button, reason ? reason : _("Save the meal (Ctrl+S)"));
  gtk_label_set_label (self->save_hint_label, reason ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->save_hint_label), reason != NULL);
  gtk_stack_set_visible_child_name (self->save_stack, self->saving ? "busy" : "label");
  gtk_widget_set_sensitive (self->capture_button, !photo_busy && !self->saving);
  gtk_widget_set_sensitive (self->open_button, !photo_busy && !self->saving);
  if (photo_busy)
    gtk_stack_set_visible_child_name (self->photo_stack, "busy");
  else
    gtk_stack_set_visible_child_name (self->photo_stack, self->photo ? "photo" : "empty");
}

static void
when_changed_cb (BzMealDialog *self)
{
  update_state (self);
}

static void
update_totals (BzMealDialog *self)
{
  double t[4];
  g_autofree char *kcal = NULL;
  g_autofree char *macros = NULL;

  bz_food_picker_get_totals (self->food_picker, t);
  if (bz_food_picker_get_n_items (self->food_picker) == 0)
    {
      kcal = g_strdup ("—");
      macros = g_strdup (self->photo ? _("Only the photo is saved; foods can be added later")
                                     : _("No foods yet"));
    }
  else
    {
      kcal = g_strdup_printf (_("%.0f kcal"), t[0]);
      /* TRANSLATORS: estimated macronutrients of the meal being entered */
      macros = g_strdup_printf (_("Protein %.0f g · carbohydrates %.0f g · fat %.0f g"), t[1], t[2], t[3]);
    }
  gtk_label_set_label (self->total_kcal_label, kcal);
  adw_action_row_set_subtitle (self->total_row, macros);
}

static void
foods_changed_cb (BzMealDialog *self)
{
  update_totals (self);
  update_state (self);
}

/* --- photo ------------------------------------------------------------------ */

static gpointer
decode_work (gpointer data, GCancellable *cancellable, GError **error)
{
  return gdk_texture_new_from_bytes (data, error);
}

static void
decode_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BzMealDialog *self = BZ_MEAL_DIALOG (source);
  g_autoptr(GBytes) bytes = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = bz_run_in_thread_finish (result, &error);

  if (bz_is_cancelled (error))
    return;
  self->decoding = FALSE;
  if (texture == NULL)
    {
      gtk_label_set_label (self->photo_error_label, _("That file is not an image Balanza can read."));
      gtk_widget_set_visible (GTK_WIDGET (self->photo_error_label), TRUE);
      update_state (self);
      return;
    }
  g_clear_pointer (&self->photo, g_bytes_unref);
  self->photo = g_steal_pointer (&bytes);
  gtk_picture_set_paintable (self->photo_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->photo_error_label), FALSE);
  update_state (self);
}

void
bz_meal_dialog_set_photo (BzMealDialog *self, GBytes *bytes)
{
  g_return_if_fail (BZ_IS_MEAL_DIALOG (self));
  g_return_if_fail (bytes != NULL);

  if (g_bytes_get_size (bytes) > BZ_PHOTO_MAX_BYTES)
    {
      g_autofree char *message = bz_photo_too_large_message ();
      gtk_label_set_label (self->photo_error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->photo_error_label), TRUE);
      return;
    }
  self->decoding = TRUE;
  gtk_label_set_label (self->busy_label, _("Opening the photo…"));
  update_state (self);
  bz_run_in_thread (self, child_cancellable (self, &self->photo_cancel), decode_work,
                    g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref, g_object_unref,
                    decode_done, g_bytes_ref (bytes));
}

static void
capture_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BzMealDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) jpeg = bz_camera_capture_finish (result, &error);

  if (bz_is_cancelled (error))
    {
      g_object_unref (self);
      return;
    }
  self->capturing = FALSE;
  g_clear_pointer (&self->camera_source, bz_camera_source_free);
  if (jpeg == NULL)
    {
      gtk_label_set_label (self->photo_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->photo_error_label), TRUE);
      update_state (self);
    }
  else
    bz_meal_dialog_set_photo (self, jpeg);
  g_object_unref (self);
}

/* The camera is open (or refused): take the frame from it. */
static void
camera_opened (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BzMealDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  BzCameraSource *camera = bz_camera_open_finish (result, &error);

  if (bz_is_cancelled (error))
    {
      g_object_unref (self);
      return;
    }
  if (camera == NULL)
    {
      self->capturing = FALSE;
      gtk_label_set_label (self->photo_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->photo_error_label), TRUE);
      update_state (self);
      g_object_unref (self);
      return;
    }
  g_clear_pointer (&self->camera_source, bz_camera_source_free);
  self->camera_source = camera;
  /* capture_done takes over the reference */
  bz_camera_capture_async (camera->description, self->photo_cancel, capture_done, self);
}

void
bz_meal_dialog_capture (BzMealDialog *self)
{
  g_return_if_fail (BZ_IS_MEAL_DIALOG (self));
  if (self->capturing)
    return;
  self->capturing = TRUE;
  gtk_label_set_label (self->busy_label, _("Taking a photo…"));
  gtk_widget_set_visible (GTK_WIDGET (self->photo_error_label), FALSE);
  update_state (self);
  bz_camera_open_async (GTK_WINDOW (self), child_cancellable (self, &self->photo_cancel), camera_opened,
                        g_object_ref (self));
}

const char *
bz_meal_dialog_get_photo_error (BzMealDialog *self)
{
  g_return_val_if_fail (BZ_IS_MEAL_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->photo_error_label)) ? gtk_label_get_label (self->photo_error_label)
                                                                        : NULL;
}

static void
capture_clicked_cb (BzMealDialog *self)
{
  bz_meal_dialog_capture (self);
}

static void
file_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BzMealDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);

  if (bytes)
    bz_meal_dialog_set_photo (self, bytes);
  else if (!bz_is_cancelled (error))
    {
      self->decoding = FALSE;
      gtk_label_set_label (self->photo_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->photo_error_label), TRUE);
      update_state (self);
    }
  g_object_unref (self);
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, BzMealDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      if (info && g_file_info_get_size (info) > BZ_PHOTO_MAX_BYTES)
        {
          g_autofree char *message = bz_photo_too_large_message ();
          gtk_label_set_label (self->photo_error_label, message);
          gtk_widget_set_visible (GTK_WIDGET (self->photo_error_label), TRUE);
        }
      else
        {
          self->decoding = TRUE;
          gtk_label_set_label (self->busy_label, _("Opening the photo…"));
          update_state (self);
          g_file_load_bytes_async (file, child_cancellable (self, &self->photo_cancel),
                                   file_loaded_cb, g_object_ref (self));
        }
    }
  g_clear_object (&self->chooser);
}

static void
open_clicked_cb (BzMealDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser)
    return;
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/webp");

  self->chooser = gtk_file_chooser_native_new (_("Open Meal Photo"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* --- save ------------------------------------------------------------------------ */

static void
save_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzMealDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) upload = bz_meals_log_finish (BZ_SERVICES (source), result, &error);

  if (bz_is_cancelled (error))
    return;
  self->saving = FALSE;
  update_state (self);
  if (upload == NULL)
    {
      g_autofree char *message = bz_error_to_user_message (error);
      g_autofree char *text = g_strdup_printf (_("Could not save the meal: %s"), message);
      toast (self, text);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, upload);
  self->discard_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

void
bz_meal_dialog_save (BzMealDialog *self)
{
  g_autoptr(JsonArray) items = NULL;
  g_autoptr(GDateTime) when = NULL;
  const char *meal_type;
  guint selected;

  g_return_if_fail (BZ_IS_MEAL_DIALOG (self));
  if (self->saving || save_blocked_reason (self) != NULL)
    return;
  when = eaten_at (self);

  selected = adw_combo_row_get_selected (self->meal_type_row);
  meal_type = bz_vocab_meal_type.terms[MIN (selected, bz_vocab_meal_type.n_terms - 1)].id;
  items = bz_food_picker_dup_items (self->food_picker);

  self->saving = TRUE;
  update_state (self);
  bz_meals_log_async (bz_gui_session_get_services (self->session),
                      bz_gui_session_get_caller (self->session), self->patient_id, self->photo,
                      meal_type, when, items, "workstation", self->cancellable, save_done,
                      g_object_ref (self));
}

static void
save_clicked_cb (BzMealDialog *self)
{
  bz_meal_dialog_save (self);
}

static gboolean
save_shortcut_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  bz_meal_dialog_save (BZ_MEAL_DIALOG (widget));
  return TRUE;
}

/* --- object ------------------------------------------------------------------------ */

static guint
default_meal_type (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int hour = g_date_time_get_hour (now);

  if (hour >= 5 && hour < 11)
    return 0;  /* breakfast */
  if (hour >= 11 && hour < 16)
    return 1;  /* lunch */
  if (hour >= 18 && hour < 23)
    return 2;  /* dinner */
  return 3;    /* snack */
}

static gboolean
close_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog *dialog, const char *response, BzMealDialog *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->discard_confirmed = TRUE;
  /* after the question has gone: it is transient for this window */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle, g_object_ref (self), g_object_unref);
}

/* A photo or a food would be lost: ask first (GNOME HIG, "Dialogs":
 * confirm before losing the user's work). */
static gboolean
ask_before_discarding (BzMealDialog *self)
{
  AdwMessageDialog *dialog;

  if (self->discard_confirmed || self->saving ||
      (self->photo == NULL && bz_food_picker_get_n_items (self->food_picker) == 0))
    return FALSE;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Discard This Meal?"),
                                                       _("The photo and the foods entered will be lost.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Keep Editing"), "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
bz_meal_dialog_close_request (GtkWindow *window)
{
  BzMealDialog *self = BZ_MEAL_DIALOG (window);

  if (ask_before_discarding (self))
    return TRUE;  /* stays open until the answer */
  g_cancellable_cancel (self->cancellable);
  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  return GTK_WINDOW_CLASS (bz_meal_dialog_parent_class)->close_request (window);
}

static void
bz_meal_dialog_dispose (GObject *object)
{
  BzMealDialog *self = BZ_MEAL_DIALOG (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->chooser);
  g_clear_object (&self->photo_cancel);
  g_clear_pointer (&self->camera_source, bz_camera_source_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->patient_id, g_free);
  g_clear_pointer (&self->photo, g_bytes_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), BZ_TYPE_MEAL_DIALOG);
  G_OBJECT_CLASS (bz_meal_dialog_parent_class)->dispose (object);
}

static void
bz_meal_dialog_class_init (BzMealDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bz_meal_dialog_dispose;
  window_class->close_request = bz_meal_dialog_close_request;

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BZ_TYPE_RECORD);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, save_shortcut_cb, NULL);

  g_type_ensure (BZ_TYPE_FOOD_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/balanza/Balanza/ui/bz-meal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, save_stack);
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, photo_stack);
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, busy_label);
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, photo_picture);
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, capture_button);
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, photo_error_label);
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, meal_type_row);
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, save_hint_label);
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, total_row);
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, total_kcal_label);
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, food_picker);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, capture_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, foods_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, when_changed_cb);
}

static void
bz_meal_dialog_init (BzMealDialog *self)
{
  g_autoptr(GtkStringList) types = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *clock = g_date_time_format (now, "%H:%M");

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_editable_set_text (self->date_row, today);
  gtk_editable_set_text (self->time_row, clock);

  self->cancellable = g_cancellable_new ();

  types = gtk_string_list_new (NULL);
  for (guint i = 0; i < bz_vocab_meal_type.n_terms; i++)
    gtk_string_list_append (types, bz_meal_type_label (bz_vocab_meal_type.terms[i].id));
  adw_combo_row_set_model (self->meal_type_row, G_LIST_MODEL (types));
  adw_combo_row_set_selected (self->meal_type_row, default_meal_type ());


  update_totals (self);
  update_state (self);
}

BzMealDialog *
bz_meal_dialog_new (GtkWindow *parent, BzGuiSession *session, const char *patient_id,
                    const char *patient_name)
{
  BzMealDialog *self;

  g_return_val_if_fail (BZ_IS_GUI_SESSION (session), NULL);
  g_return_val_if_fail (patient_id != NULL, NULL);

  self = g_object_new (BZ_TYPE_MEAL_DIALOG, "transient-for", parent, NULL);
  if (parent && gtk_widget_get_width (GTK_WIDGET (parent)) > 0)
    {
      /* never larger than the window it belongs to (an 800x600 screen):
       * the .ui's 980x640 is the size on a roomy one */
      int width, height;
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   MIN (width, gtk_widget_get_width (GTK_WIDGET (parent))),
                                   MIN (height, gtk_widget_get_height (GTK_WIDGET (parent))));
    }
  self->session = g_object_ref (session);
  self->patient_id = g_strdup (patient_id);
  if (patient_name)
    {
      /* TRANSLATORS: the add-meal dialog's subtitle */
      g_autofree char *subtitle = g_strdup_printf (_("For %s"), patient_name);
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  bz_food_picker_set_session (self->food_picker, session);
  bz_food_picker_focus_search (self->food_picker);
  return self;
}

gboolean
bz_meal_dialog_has_photo (BzMealDialog *self)
{
  g_return_val_if_fail (BZ_IS_MEAL_DIALOG (self), FALSE);
  return self->photo != NULL && !self->decoding;
}

void
bz_meal_dialog_search (BzMealDialog *self, const char *text)
{
  g_return_if_fail (BZ_IS_MEAL_DIALOG (self));
  bz_food_picker_search (self->food_picker, text);
}

guint
bz_meal_dialog_get_n_results (BzMealDialog *self)
{
  g_return_val_if_fail (BZ_IS_MEAL_DIALOG (self), 0);
  return bz_food_picker_get_n_results (self->food_picker);
}

void
bz_meal_dialog_add_result (BzMealDialog *self, guint index, double grams)
{
  g_return_if_fail (BZ_IS_MEAL_DIALOG (self));
  bz_food_picker_add_result (self->food_picker, index, grams);
}

guint
bz_meal_dialog_get_n_items (BzMealDialog *self)
{
  g_return_val_if_fail (BZ_IS_MEAL_DIALOG (self), 0);
  return bz_food_picker_get_n_items (self->food_picker);
}

gboolean
bz_meal_dialog_is_busy (BzMealDialog *self)
{
  g_return_val_if_fail (BZ_IS_MEAL_DIALOG (self), FALSE);
  return self->capturing || self->decoding || self->saving
         || bz_food_picker_is_busy (self->food_picker);
}

void
bz_meal_dialog_discard (BzMealDialog *self)
{
  g_return_if_fail (BZ_IS_MEAL_DIALOG (self));
  self->discard_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

const char *
bz_meal_dialog_get_save_blocked_reason (BzMealDialog *self)
{
  g_return_val_if_fail (BZ_IS_MEAL_DIALOG (self), NULL);
  return save_blocked_reason (self);
}

void
bz_meal_dialog_set_eaten_at (BzMealDialog *self, const char *date, const char *time)
{
  g_return_if_fail (BZ_IS_MEAL_DIALOG (self));
  gtk_editable_set_text (self->date_row, date);
  gtk_editable_set_text (self->time_row, time);
}
