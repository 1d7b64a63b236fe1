/* bz-meal-edit-dialog.c — correcting a logged meal (see bz-meal-edit-dialog.h). */
#include "bz-meal-edit-dialog.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bz-food-picker.h"
#include "bz-gui-util.h"
#include "bz-meal-service.h"

typedef struct
{
  char *ndb_no;
  GtkSpinButton *grams;
  GtkWidget *row;
} ItemRow;

struct _BzMealEditDialog
{
  AdwWindow parent_instance;

  BzGuiSession *session;
  char *meal_id;
  GCancellable *cancel;
  gboolean busy;
  GtkWidget *save_button;
  GtkLabel *error_label;
  AdwComboRow *type;
  GtkEditable *date, *time;
  AdwPreferencesGroup *foods;
  GPtrArray *items;            /* ItemRow: the meal's foods still in it */
  BzFoodPicker *picker;        /* foods to add */
};

G_DEFINE_FINAL_TYPE (BzMealEditDialog, bz_meal_edit_dialog, ADW_TYPE_WINDOW)

static void
item_row_free (gpointer p)
{
  ItemRow *r = p;
  g_free (r->ndb_no);
  g_free (r);
}

static void
remove_clicked (GtkButton *button, BzMealEditDialog *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      ItemRow *r = g_ptr_array_index (self->items, i);
      if (gtk_widget_is_ancestor (GTK_WIDGET (button), r->row))
        {
          adw_preferences_group_remove (self->foods, r->row);
          g_ptr_array_remove_index (self->items, i);
          return;
        }
    }
}

/* The whole meal as PATCH's body: type, local time with its offset, foods. */
static JsonObject *
input_of (BzMealEditDialog *self)
{
  JsonObject *o = json_object_new ();
  JsonArray *items = json_array_new ();
  g_autoptr(JsonArray) added = bz_food_picker_dup_items (self->picker);
  GtkStringObject *type = adw_combo_row_get_selected_item (self->type);
  g_autofree char *when = NULL;
  g_autoptr(GDateTime) local = bz_form_parse_local_time (gtk_editable_get_text (self->date),
                                                        gtk_editable_get_text (self->time));

  json_object_set_string_member (o, "meal_type", g_object_get_data (G_OBJECT (type), "bz-id"));
  if (local)
    when = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
  /* an unreadable date or time goes as typed: the service names the field */
  json_object_set_string_member (o, "eaten_at", when ? when : gtk_editable_get_text (self->date));
  for (guint i = 0; i < self->items->len; i++)
    {
      ItemRow *r = g_ptr_array_index (self->items, i);
      JsonObject *it = json_object_new ();
      json_object_set_string_member (it, "ndb_no", r->ndb_no);
      json_object_set_double_member (it, "grams", gtk_spin_button_get_value (r->grams));
      json_array_add_object_element (items, it);
    }
  for (guint i = 0; added && i < json_array_get_length (added); i++)
    json_array_add_element (items, json_node_copy (json_array_get_element (added, i)));
  json_object_set_array_member (o, "items", items);
  return o;
}

static void
saved (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzMealEditDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) meal = bz_meals_update_finish (BZ_SERVICES (source), result, &error);

  if (bz_is_cancelled (error))
    return;
  self->busy = FALSE;
  gtk_widget_set_sensitive (self->save_button, TRUE);
  if (meal == NULL)
    {
      g_autofree char *message = bz_form_error_message (error, NULL);
      gtk_label_set_label (self->error_label, message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

void
bz_meal_edit_dialog_save (BzMealEditDialog *self)
{
  g_autoptr(JsonObject) input = NULL;

  g_return_if_fail (BZ_IS_MEAL_EDIT_DIALOG (self));
  if (self->busy)
    return;
  if (self->items->len == 0 && bz_food_picker_get_n_items (self->picker) == 0)
    {
      gtk_label_set_label (self->error_label, _("A meal needs at least one food; delete the meal instead"));
      return;
    }
  input = input_of (self);
  self->busy = TRUE;
  gtk_widget_set_sensitive (self->save_button, FALSE);
  gtk_label_set_label (self->error_label, "");
  bz_meals_update_async (bz_gui_session_get_services (self->session), bz_gui_session_get_caller (self->session),
                         self->meal_id, input, self->cancel, saved, g_object_ref (self));
}

static gboolean
save_shortcut (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  bz_meal_edit_dialog_save (BZ_MEAL_EDIT_DIALOG (widget));
  return TRUE;
}

static void
bz_meal_edit_dialog_dispose (GObject *object)
{
  BzMealEditDialog *self = BZ_MEAL_EDIT_DIALOG (object);

  g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  g_clear_object (&self->session);
  g_clear_pointer (&self->meal_id, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (bz_meal_edit_dialog_parent_class)->dispose (object);
}

static void
bz_meal_edit_dialog_class_init (BzMealEditDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bz_meal_edit_dialog_dispose;
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bz_meal_edit_dialog_init (BzMealEditDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *meal = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *add = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GListStore *types = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  GtkWidget *type = adw_combo_row_new ();
  GtkWidget *date = adw_entry_row_new ();
  GtkWidget *time = adw_entry_row_new ();

  self->cancel = g_cancellable_new ();
  self->items = g_ptr_array_new_with_free_func (item_row_free);
  gtk_window_set_title (GTK_WINDOW (self), _("Correct Meal"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 700);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_box_append (GTK_BOX (box), bz_form_header_new (GTK_WINDOW (self), &self->save_button, G_CALLBACK (bz_meal_edit_dialog_save), self));

  adw_preferences_group_set_title (meal, _("Meal"));
  for (guint i = 0; i < bz_vocab_meal_type.n_terms; i++)
    {
      GtkStringObject *s = gtk_string_object_new (bz_vocab_label (&bz_vocab_meal_type, bz_vocab_meal_type.terms[i].id, ""));
      g_object_set_data (G_OBJECT (s), "bz-id", (gpointer) bz_vocab_meal_type.terms[i].id);
      g_list_store_append (types, s);
      g_object_unref (s);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (type), _("Meal type"));
  adw_combo_row_set_model (ADW_COMBO_ROW (type), G_LIST_MODEL (types));
  adw_combo_row_set_expression (ADW_COMBO_ROW (type),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  g_object_unref (types);
  self->type = ADW_COMBO_ROW (type);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (date), _("Date (YYYY-MM-DD)"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (time), _("Time (HH:MM)"));
  self->date = GTK_EDITABLE (date);
  self->time = GTK_EDITABLE (time);
  adw_preferences_group_add (meal, type);
  adw_preferences_group_add (meal, date);
  adw_preferences_group_add (meal, time);

  self->foods = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->foods, _("Foods"));
  adw_preferences_group_set_description (self->foods, _("Grams eaten; the nutrients are computed again from USDA SR28"));
  adw_preferences_group_set_title (add, _("Add Foods"));
  self->picker = BZ_FOOD_PICKER (bz_food_picker_new ());
  adw_preferences_group_add (add, GTK_WIDGET (self->picker));

  self->error_label = GTK_LABEL (bz_form_error_label_new ());
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), meal);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->foods);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), add);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}

BzMealEditDialog *
bz_meal_edit_dialog_new (GtkWindow *parent, BzGuiSession *session, BzRecord *meal)
{
  BzMealEditDialog *self = g_object_new (BZ_TYPE_MEAL_EDIT_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GDateTime) eaten = bz_parse_datetime (bz_record_get_string (meal, BZ_MEAL_EATEN_AT));
  const char *type = bz_record_get_string (meal, BZ_MEAL_MEAL_TYPE);

  self->session = g_object_ref (session);
  self->meal_id = g_strdup (bz_record_get_string (meal, BZ_MEAL_ID));
  bz_food_picker_set_session (self->picker, session);
  bz_meal_edit_dialog_set_meal_type (self, type);
  if (eaten)
    {
      g_autofree char *d = g_date_time_format (eaten, "%Y-%m-%d");
      g_autofree char *t = g_date_time_format (eaten, "%H:%M");
      gtk_editable_set_text (self->date, d);
      gtk_editable_set_text (self->time, t);
    }
  for (guint i = 0; i < bz_record_get_n_items (meal, BZ_MEAL_ITEMS); i++)
    {
      BzRecord *it = bz_record_get_item (meal, BZ_MEAL_ITEMS, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 5000, 5);
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      ItemRow *r = g_new0 (ItemRow, 1);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     bz_food_display_name (bz_record_get_string (it, BZ_MEAL_ITEM_DESCRIPTION),
                                                           bz_record_get_string (it, BZ_MEAL_ITEM_NAME_ES)));
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), bz_record_get_double (it, BZ_MEAL_ITEM_GRAMS));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove this food"));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (_("g")));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->foods, row);
      r->ndb_no = g_strdup (bz_record_get_string (it, BZ_MEAL_ITEM_NDB_NO));
      r->grams = GTK_SPIN_BUTTON (spin);
      r->row = row;
      g_ptr_array_add (self->items, r);
    }
  return self;
}

gboolean
bz_meal_edit_dialog_set_grams (BzMealEditDialog *self, guint index, double grams)
{
  if (index >= self->items->len)
    return FALSE;
  gtk_spin_button_set_value (((ItemRow *) g_ptr_array_index (self->items, index))->grams, grams);
  return TRUE;
}

void
bz_meal_edit_dialog_set_meal_type (BzMealEditDialog *self, const char *id)
{
  for (guint i = 0; i < bz_vocab_meal_type.n_terms; i++)
    if (g_strcmp0 (bz_vocab_meal_type.terms[i].id, id) == 0)
      adw_combo_row_set_selected (self->type, i);
}

gboolean
bz_meal_edit_dialog_is_busy (BzMealEditDialog *self)
{
  return self->busy;
}

const char *
bz_meal_edit_dialog_get_error (BzMealEditDialog *self)
{
  return gtk_label_get_label (self->error_label);
}
