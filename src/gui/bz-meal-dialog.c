/* bz-meal-dialog.c — add a meal: a photo, USDA foods with grams, the meal type.
 *
 * The photo comes from the camera (bz-camera.c: GStreamer, v4l2src or
 * $BALANZA_CAMERA_PIPELINE) or from an image file (GtkFileChooserNative).
 * Foods are searched with bz_foods_search() on a worker (the search entry
 * debounces typing); grams are entered per food.  Save runs
 * bz_meals_upload(…, source "workstation") on a worker; the totals shown here
 * are an estimate from the per-100 g values, the service computes the record.
 */
#include "bz-meal-dialog.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bz-camera.h"
#include "bz-food-service.h"
#include "bz-gui-util.h"
#include "bz-json-item.h"
#include "bz-meal-service.h"

#define SEARCH_LIMIT 25
#define DEFAULT_GRAMS 100.0

static const char *meal_types[] = { "breakfast", "lunch", "dinner", "snack" };

typedef struct
{
  char *ndb_no;
  char *description;
  double per100[4];          /* kcal, protein g, carbohydrate g, fat g per 100 g */
  GtkSpinButton *grams;
  GtkWidget *row;
  AdwActionRow *action_row;
} Item;

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
  GtkLabel *total_label;
  GtkSearchEntry *search_entry;
  GtkStack *results_stack;
  GtkLabel *results_hint;
  GtkListBox *results_list;
  GtkListBox *chosen_list;

  BzSession *session;
  char *patient_id;
  GBytes *photo;
  GPtrArray *items;          /* Item */
  GPtrArray *results;        /* JsonObject, parallel to results_list rows */

  GCancellable *cancellable; /* everything, cancelled on close */
  GCancellable *search_cancel;
  GCancellable *photo_cancel;
  GtkFileChooserNative *chooser;
  gboolean capturing, decoding, searching, saving;
};

G_DEFINE_FINAL_TYPE (BzMealDialog, bz_meal_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
item_free (gpointer p)
{
  Item *item = p;
  g_free (item->ndb_no);
  g_free (item->description);
  g_free (item);
}

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

static void
update_state (BzMealDialog *self)
{
  gboolean photo_busy = self->capturing || self->decoding;

  gtk_widget_set_sensitive (self->save_button, self->photo != NULL && !photo_busy && !self->saving);
  gtk_stack_set_visible_child_name (self->save_stack, self->saving ? "busy" : "label");
  gtk_widget_set_sensitive (self->capture_button, !photo_busy && !self->saving);
  gtk_widget_set_sensitive (self->open_button, !photo_busy && !self->saving);
  if (photo_busy)
    gtk_stack_set_visible_child_name (self->photo_stack, "busy");
  else
    gtk_stack_set_visible_child_name (self->photo_stack, self->photo ? "photo" : "empty");
}

static void
update_totals (BzMealDialog *self)
{
  double t[4] = { 0 };
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      double grams = gtk_spin_button_get_value (item->grams);
      g_autofree char *subtitle = NULL;
      for (guint k = 0; k < 4; k++)
        t[k] += item->per100[k] * grams / 100.0;
      subtitle = g_strdup_printf (_("≈ %.0f kcal"), item->per100[0] * grams / 100.0);
      adw_action_row_set_subtitle (item->action_row, subtitle);
    }
  if (self->items->len == 0)
    text = g_strdup (_("No foods yet: the photo alone is saved and foods can be added later."));
  else
    /* TRANSLATORS: estimated totals of the meal being entered */
    text = g_strdup_printf (_("Estimated total: %.0f kcal · protein %.0f g · carbohydrates %.0f g · fat %.0f g"),
                            t[0], t[1], t[2], t[3]);
  gtk_label_set_label (self->total_label, text);
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

  if (g_bytes_get_size (bytes) > BZ_MEAL_PHOTO_MAX_BYTES)
    {
      gtk_label_set_label (self->photo_error_label, _("The photo is too large (at most 10 MB)."));
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
  bz_camera_capture_async (NULL, child_cancellable (self, &self->photo_cancel),
                           capture_done, g_object_ref (self));
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
      if (info && g_file_info_get_size (info) > BZ_MEAL_PHOTO_MAX_BYTES)
        {
          gtk_label_set_label (self->photo_error_label, _("The photo is too large (at most 10 MB)."));
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

/* --- chosen foods -------------------------------------------------------------- */

static void
grams_changed_cb (GtkSpinButton *spin, BzMealDialog *self)
{
  update_totals (self);
}

static void
remove_clicked_cb (GtkButton *button, BzMealDialog *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      if (item->row == row)
        {
          gtk_list_box_remove (self->chosen_list, row);
          g_ptr_array_remove_index (self->items, i);
          break;
        }
    }
  update_totals (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static const char *
food_description (JsonObject *food)
{
  const char *d = bz_json_string (food, "description");
  return d ? d : bz_json_string (food, "short_description");
}

static void
add_food (BzMealDialog *self, JsonObject *food, double grams)
{
  Item *item;
  GtkWidget *row, *spin, *unit, *remove;
  const char *ndb_no = bz_json_string (food, "ndb_no");

  if (ndb_no == NULL)
    return;
  /* The same food twice: add the grams to the existing line. */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *existing = g_ptr_array_index (self->items, i);
      if (g_strcmp0 (existing->ndb_no, ndb_no) == 0)
        {
          gtk_spin_button_set_value (existing->grams, gtk_spin_button_get_value (existing->grams) + grams);
          gtk_widget_grab_focus (GTK_WIDGET (existing->grams));
          return;
        }
    }

  item = g_new0 (Item, 1);
  item->ndb_no = g_strdup (ndb_no);
  item->description = g_strdup (food_description (food));
  item->per100[0] = bz_json_double (food, "energy_kcal", 0);
  item->per100[1] = bz_json_double (food, "protein_g", 0);
  item->per100[2] = bz_json_double (food, "carbohydrate_g", 0);
  item->per100[3] = bz_json_double (food, "fat_g", 0);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->description ? item->description : ndb_no);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);

  spin = gtk_spin_button_new_with_range (1, 2000, 5);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), grams);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Grams"), -1);
  g_signal_connect (spin, "value-changed", G_CALLBACK (grams_changed_cb), self);
  unit = gtk_label_new (_("g"));
  gtk_widget_add_css_class (unit, "dim-label");
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  g_object_set_data (G_OBJECT (remove), "row", row);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_list_box_append (self->chosen_list, row);

  item->grams = GTK_SPIN_BUTTON (spin);
  item->row = row;
  item->action_row = ADW_ACTION_ROW (row);
  g_ptr_array_add (self->items, item);
  update_totals (self);
  gtk_widget_grab_focus (spin);
}

/* --- food search ---------------------------------------------------------------- */

static JsonNode *
search_call (BzServices *services, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_foods_search (services, args, 1, SEARCH_LIMIT, error);
}

static GtkWidget *
result_row_new (JsonObject *food)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *add = gtk_image_new_from_icon_name ("list-add-symbolic");
  JsonObject *group_obj = bz_json_object (food, "food_group");
  const char *group = group_obj ? bz_json_string (group_obj, "name") : bz_json_string (food, "food_group");
  g_autofree char *subtitle = NULL;

  /* TRANSLATORS: energy per 100 g of a food, then its USDA food group */
  subtitle = group ? g_strdup_printf (_("%.0f kcal per 100 g · %s"), bz_json_double (food, "energy_kcal", 0), group)
                   : g_strdup_printf (_("%.0f kcal per 100 g"), bz_json_double (food, "energy_kcal", 0));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), food_description (food));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (add, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), add);
  gtk_widget_set_tooltip_text (row, _("Add 100 g to the meal"));
  return row;
}

static void
search_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BzMealDialog *self = BZ_MEAL_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = bz_session_call_finish (result, &error);
  JsonArray *foods;
  GtkListBoxRow *row;

  if (bz_is_cancelled (error))
    return;
  self->searching = FALSE;

  while ((row = gtk_list_box_get_row_at_index (self->results_list, 0)))
    gtk_list_box_remove (self->results_list, GTK_WIDGET (row));
  g_ptr_array_set_size (self->results, 0);

  if (node == NULL)
    {
      g_autofree char *message = bz_error_to_user_message (error);
      gtk_label_set_label (self->results_hint, message);
      gtk_stack_set_visible_child_name (self->results_stack, "hint");
      return;
    }
  foods = bz_json_array (bz_json_root_object (node), "foods");
  for (guint i = 0; foods && i < json_array_get_length (foods); i++)
    {
      JsonNode *e = json_array_get_element (foods, i);
      if (!JSON_NODE_HOLDS_OBJECT (e))
        continue;
      g_ptr_array_add (self->results, json_object_ref (json_node_get_object (e)));
      gtk_list_box_append (self->results_list, result_row_new (json_node_get_object (e)));
    }
  if (self->results->len == 0)
    {
      g_autofree char *text = g_strdup_printf (_("No USDA food matches “%s”. Try a shorter or English word."),
                                               gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      gtk_label_set_label (self->results_hint, text);
      gtk_stack_set_visible_child_name (self->results_stack, "hint");
    }
  else
    gtk_stack_set_visible_child_name (self->results_stack, "results");
}

static void
search_changed_cb (BzMealDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (*text == '\0')
    {
      if (self->search_cancel)
        g_cancellable_cancel (self->search_cancel);
      self->searching = FALSE;
      gtk_label_set_label (self->results_hint,
                           _("Type to search all 8,789 USDA foods. Press Enter to add the first match."));
      gtk_stack_set_visible_child_name (self->results_stack, "hint");
      return;
    }
  self->searching = TRUE;
  if (self->results->len == 0)
    gtk_stack_set_visible_child_name (self->results_stack, "busy");
  bz_session_call (self->session, self, child_cancellable (self, &self->search_cancel),
                   search_call, g_steal_pointer (&text), g_free, search_done, NULL);
}

static void
search_activate_cb (BzMealDialog *self)
{
  if (!self->searching && self->results->len > 0)
    bz_meal_dialog_add_result (self, 0, DEFAULT_GRAMS);
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                       GdkModifierType state, BzMealDialog *self)
{
  GtkListBoxRow *first;
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  first = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (first == NULL || !gtk_widget_get_mapped (GTK_WIDGET (first)))
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}

static void
result_activated_cb (BzMealDialog *self, GtkListBoxRow *row)
{
  bz_meal_dialog_add_result (self, gtk_list_box_row_get_index (row), DEFAULT_GRAMS);
}

/* --- save ------------------------------------------------------------------------ */

typedef struct
{
  char *patient_id;
  GBytes *image;
  char *meal_type;
  JsonArray *items;
} SaveArgs;

static void
save_args_free (gpointer p)
{
  SaveArgs *a = p;
  g_free (a->patient_id);
  g_bytes_unref (a->image);
  g_free (a->meal_type);
  g_clear_pointer (&a->items, json_array_unref);
  g_free (a);
}

static JsonNode *
save_call (BzServices *services, const BzCaller *caller, gpointer args, GError **error)
{
  SaveArgs *a = args;
  return bz_meals_upload (services, caller, a->patient_id, a->image, a->meal_type,
                          a->items, "workstation", error);
}

static void
save_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BzMealDialog *self = BZ_MEAL_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = bz_session_call_finish (result, &error);

  if (bz_is_cancelled (error))
    return;
  self->saving = FALSE;
  update_state (self);
  if (node == NULL)
    {
      g_autofree char *message = bz_error_to_user_message (error);
      g_autofree char *text = g_strdup_printf (_("Could not save the meal: %s"), message);
      toast (self, text);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, node);
  gtk_window_close (GTK_WINDOW (self));
}

void
bz_meal_dialog_save (BzMealDialog *self)
{
  SaveArgs *a;
  guint selected;

  g_return_if_fail (BZ_IS_MEAL_DIALOG (self));
  if (self->saving || self->photo == NULL || self->capturing || self->decoding)
    return;

  a = g_new0 (SaveArgs, 1);
  a->patient_id = g_strdup (self->patient_id);
  a->image = g_bytes_ref (self->photo);
  selected = adw_combo_row_get_selected (self->meal_type_row);
  a->meal_type = g_strdup (meal_types[MIN (selected, G_N_ELEMENTS (meal_types) - 1)]);
  a->items = json_array_new ();
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      JsonObject *o = json_object_new ();
      gtk_spin_button_update (item->grams);
      json_object_set_string_member (o, "ndb_no", item->ndb_no);
      json_object_set_double_member (o, "grams", gtk_spin_button_get_value (item->grams));
      json_array_add_object_element (a->items, o);
    }

  self->saving = TRUE;
  update_state (self);
  bz_session_call (self->session, self, self->cancellable, save_call, a, save_args_free,
                   save_done, NULL);
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
bz_meal_dialog_close_request (GtkWindow *window)
{
  BzMealDialog *self = BZ_MEAL_DIALOG (window);
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
  g_clear_object (&self->search_cancel);
  g_clear_object (&self->photo_cancel);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->patient_id, g_free);
  g_clear_pointer (&self->photo, g_bytes_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
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
                  G_TYPE_NONE, 1, JSON_TYPE_NODE);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, save_shortcut_cb, NULL);

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
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, total_label);
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, results_stack);
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, results_hint);
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, results_list);
  gtk_widget_class_bind_template_child (widget_class, BzMealDialog, chosen_list);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, capture_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
}

static GtkWidget *
chosen_placeholder_new (void)
{
  GtkWidget *label = gtk_label_new (_("No foods yet. Search above and press Enter to add the first match."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 18);
  gtk_widget_set_margin_end (label, 18);
  return label;
}

static void
bz_meal_dialog_init (BzMealDialog *self)
{
  g_autoptr(GtkStringList) types = NULL;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->items = g_ptr_array_new_with_free_func (item_free);
  self->results = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  types = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (meal_types); i++)
    gtk_string_list_append (types, bz_meal_type_label (meal_types[i]));
  adw_combo_row_set_model (self->meal_type_row, G_LIST_MODEL (types));
  adw_combo_row_set_selected (self->meal_type_row, default_meal_type ());

  gtk_list_box_set_placeholder (self->chosen_list, chosen_placeholder_new ());
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  update_totals (self);
  update_state (self);
}

BzMealDialog *
bz_meal_dialog_new (GtkWindow *parent, BzSession *session, const char *patient_id,
                    const char *patient_name)
{
  BzMealDialog *self;

  g_return_val_if_fail (BZ_IS_SESSION (session), NULL);
  g_return_val_if_fail (patient_id != NULL, NULL);

  self = g_object_new (BZ_TYPE_MEAL_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->patient_id = g_strdup (patient_id);
  if (patient_name)
    {
      /* TRANSLATORS: the add-meal dialog's subtitle */
      g_autofree char *subtitle = g_strdup_printf (_("For %s"), patient_name);
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
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
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* no need to wait for the entry's debounce */
  g_signal_emit_by_name (self->search_entry, "search-changed");
}

guint
bz_meal_dialog_get_n_results (BzMealDialog *self)
{
  g_return_val_if_fail (BZ_IS_MEAL_DIALOG (self), 0);
  return self->results->len;
}

void
bz_meal_dialog_add_result (BzMealDialog *self, guint index, double grams)
{
  g_return_if_fail (BZ_IS_MEAL_DIALOG (self));
  if (index < self->results->len)
    add_food (self, g_ptr_array_index (self->results, index), grams);
}

guint
bz_meal_dialog_get_n_items (BzMealDialog *self)
{
  g_return_val_if_fail (BZ_IS_MEAL_DIALOG (self), 0);
  return self->items->len;
}

gboolean
bz_meal_dialog_is_busy (BzMealDialog *self)
{
  g_return_val_if_fail (BZ_IS_MEAL_DIALOG (self), FALSE);
  return self->capturing || self->decoding || self->searching || self->saving;
}
