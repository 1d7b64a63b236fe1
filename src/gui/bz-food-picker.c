/* bz-food-picker.c — USDA foods for a meal: search, pick, grams.
 *
 * Search runs bz_foods_find_async() (a FoodList record, whose "foods" model
 * of FoodSummary records the results list is bound to); the search entry
 * debounces typing (300 ms) and a newer search cancels an older one.  Enter adds the
 * first match with 100 g and moves the focus to its grams; Down moves into
 * the results.  The totals are an estimate from the per-100 g values; the
 * meal service computes the record when the meal is saved.
 */
#include "bz-food-picker.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bz-food-service.h"
#include "bz-gui-util.h"
#include "bz-resources.h"

#define SEARCH_LIMIT 25
#define DEFAULT_GRAMS 100.0

typedef struct
{
  char *ndb_no;
  char *description;
  double per100[4];          /* kcal, protein g, carbohydrate g, fat g per 100 g */
  GtkSpinButton *grams;
  GtkWidget *row;
  AdwActionRow *action_row;
} Item;


struct _BzFoodPicker
{
  GtkWidget parent_instance;

  GtkSearchEntry *search_entry;
  GtkStack *results_stack;
  GtkLabel *results_hint;
  GtkListBox *results_list;
  GtkListBox *chosen_list;

  BzGuiSession *session;
  GPtrArray *items;          /* Item */
  BzRecord *found;           /* the last FoodList: results_list is bound to its "foods" */
  GCancellable *search_cancel;
  gboolean searching;
};

G_DEFINE_FINAL_TYPE (BzFoodPicker, bz_food_picker, GTK_TYPE_WIDGET)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
item_free (gpointer p)
{
  Item *item = p;
  g_free (item->ndb_no);
  g_free (item->description);
  g_free (item);
}

static void
update_totals (BzFoodPicker *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      double grams = gtk_spin_button_get_value (item->grams);
      g_autofree char *subtitle = g_strdup_printf (_("≈ %.0f kcal"), item->per100[0] * grams / 100.0);
      adw_action_row_set_subtitle (item->action_row, subtitle);
    }
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* --- chosen foods -------------------------------------------------------------- */

static void
grams_changed_cb (GtkSpinButton *spin, BzFoodPicker *self)
{
  update_totals (self);
}

static void
remove_clicked_cb (GtkButton *button, BzFoodPicker *self)
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

/* A FoodSummary's name: Spanish in a Spanish interface when it has one, else its
 * description (the short one when it has none). */
static const char *
food_description (BzRecord *food)
{
  const char *d = bz_food_display_name (bz_record_get_string (food, BZ_FOOD_SUMMARY_DESCRIPTION),
                                        bz_record_get_string (food, BZ_FOOD_SUMMARY_NAME_ES));
  return d ? d : bz_record_get_string (food, BZ_FOOD_SUMMARY_SHORT_DESCRIPTION);
}

/* A nullable per-100 g value of a FoodSummary; 0 when SR28 has none. */
static double
per_100g (BzRecord *food, guint field)
{
  return bz_record_has (food, field) ? bz_record_get_double (food, field) : 0;
}

static void
add_food (BzFoodPicker *self, BzRecord *food, double grams)
{
  Item *item;
  GtkWidget *row, *spin, *unit, *remove;
  const char *ndb_no = bz_record_get_string (food, BZ_FOOD_SUMMARY_NDB_NO);

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
  item->per100[0] = per_100g (food, BZ_FOOD_SUMMARY_ENERGY_KCAL);
  item->per100[1] = per_100g (food, BZ_FOOD_SUMMARY_PROTEIN_G);
  item->per100[2] = per_100g (food, BZ_FOOD_SUMMARY_CARBOHYDRATE_G);
  item->per100[3] = per_100g (food, BZ_FOOD_SUMMARY_FAT_G);

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

/* --- search ------------------------------------------------------------------------- */

static guint
n_results (BzFoodPicker *self)
{
  return self->found ? bz_record_get_n_items (self->found, BZ_FOOD_LIST_FOODS) : 0;
}

/* A row of the results: the list box is bound to the FoodList's "foods"
 * model, so each FoodSummary record makes its row. */
static GtkWidget *
result_row_create (gpointer item, gpointer user_data)
{
  BzRecord *food = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *add = gtk_image_new_from_icon_name ("list-add-symbolic");
  const char *group = bz_record_get_string (food, BZ_FOOD_SUMMARY_FOOD_GROUP);
  double kcal = per_100g (food, BZ_FOOD_SUMMARY_ENERGY_KCAL);
  g_autofree char *subtitle = NULL;

  /* TRANSLATORS: energy per 100 g of a food, then its USDA food group */
  subtitle = group ? g_strdup_printf (_("%.0f kcal per 100 g · %s"), kcal, group)
                   : g_strdup_printf (_("%.0f kcal per 100 g"), kcal);
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
show_found (BzFoodPicker *self, BzRecord *found)
{
  g_autoptr(GListModel) foods = NULL;

  gtk_list_box_bind_model (self->results_list, NULL, NULL, NULL, NULL);
  g_set_object (&self->found, found);
  if (found)
    g_object_get (found, "foods", &foods, NULL);
  if (foods)
    gtk_list_box_bind_model (self->results_list, foods, result_row_create, self, NULL);
}

static void
search_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzFoodPicker) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) found = bz_foods_find_finish (BZ_SERVICES (source), result, &error);

  if (bz_is_cancelled (error))
    return;
  self->searching = FALSE;

  show_found (self, found);
  if (found == NULL)
    {
      g_autofree char *message = bz_error_to_user_message (error);
      gtk_label_set_label (self->results_hint, message);
      gtk_stack_set_visible_child_name (self->results_stack, "hint");
      return;
    }
  if (n_results (self) == 0)
    {
      g_autofree char *text = g_strdup_printf (_("No USDA food matches “%s”. Try a shorter or English word."),
                                               gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      gtk_label_set_label (self->results_hint, text);
      gtk_stack_set_visible_child_name (self->results_stack, "hint");
    }
  else
    gtk_stack_set_visible_child_name (self->results_stack, "results");
}

static GCancellable *
renew_search (BzFoodPicker *self)
{
  if (self->search_cancel)
    g_cancellable_cancel (self->search_cancel);
  g_clear_object (&self->search_cancel);
  self->search_cancel = g_cancellable_new ();
  return self->search_cancel;
}

static void
search_changed_cb (BzFoodPicker *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (*text == '\0' || self->session == NULL)
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
  if (n_results (self) == 0)
    gtk_stack_set_visible_child_name (self->results_stack, "busy");
  bz_foods_find_async (bz_gui_session_get_services (self->session), text, 1, SEARCH_LIMIT,
                       renew_search (self), search_done, g_object_ref (self));
}

static void
search_activate_cb (BzFoodPicker *self)
{
  if (!self->searching && n_results (self) > 0)
    bz_food_picker_add_result (self, 0, DEFAULT_GRAMS);
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                       GdkModifierType state, BzFoodPicker *self)
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
result_activated_cb (BzFoodPicker *self, GtkListBoxRow *row)
{
  bz_food_picker_add_result (self, gtk_list_box_row_get_index (row), DEFAULT_GRAMS);
}

/* --- object ------------------------------------------------------------------------ */

static void
bz_food_picker_dispose (GObject *object)
{
  BzFoodPicker *self = BZ_FOOD_PICKER (object);
  GtkWidget *child;

  if (self->search_cancel)
    g_cancellable_cancel (self->search_cancel);
  g_clear_object (&self->search_cancel);
  g_clear_object (&self->session);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->found);
  gtk_widget_dispose_template (GTK_WIDGET (self), BZ_TYPE_FOOD_PICKER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bz_food_picker_parent_class)->dispose (object);
}

static void
bz_food_picker_class_init (BzFoodPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bz_food_picker_dispose;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/balanza/Balanza/ui/bz-food-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, BzFoodPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BzFoodPicker, results_stack);
  gtk_widget_class_bind_template_child (widget_class, BzFoodPicker, results_hint);
  gtk_widget_class_bind_template_child (widget_class, BzFoodPicker, results_list);
  gtk_widget_class_bind_template_child (widget_class, BzFoodPicker, chosen_list);
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
bz_food_picker_init (BzFoodPicker *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_ptr_array_new_with_free_func (item_free);
  gtk_list_box_set_placeholder (self->chosen_list, chosen_placeholder_new ());
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

GtkWidget *
bz_food_picker_new (void)
{
  return g_object_new (BZ_TYPE_FOOD_PICKER, NULL);
}

void
bz_food_picker_set_session (BzFoodPicker *self, BzGuiSession *session)
{
  g_return_if_fail (BZ_IS_FOOD_PICKER (self));
  g_set_object (&self->session, session);
}

void
bz_food_picker_focus_search (BzFoodPicker *self)
{
  g_return_if_fail (BZ_IS_FOOD_PICKER (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
bz_food_picker_search (BzFoodPicker *self, const char *text)
{
  g_return_if_fail (BZ_IS_FOOD_PICKER (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* no need to wait for the entry's debounce */
  g_signal_emit_by_name (self->search_entry, "search-changed");
}

guint
bz_food_picker_get_n_results (BzFoodPicker *self)
{
  g_return_val_if_fail (BZ_IS_FOOD_PICKER (self), 0);
  return n_results (self);
}

void
bz_food_picker_add_result (BzFoodPicker *self, guint index, double grams)
{
  g_return_if_fail (BZ_IS_FOOD_PICKER (self));
  if (index < n_results (self))
    add_food (self, bz_record_get_item (self->found, BZ_FOOD_LIST_FOODS, index), grams);
}

guint
bz_food_picker_get_n_items (BzFoodPicker *self)
{
  g_return_val_if_fail (BZ_IS_FOOD_PICKER (self), 0);
  return self->items->len;
}

gboolean
bz_food_picker_is_busy (BzFoodPicker *self)
{
  g_return_val_if_fail (BZ_IS_FOOD_PICKER (self), FALSE);
  return self->searching;
}

JsonArray *
bz_food_picker_dup_items (BzFoodPicker *self)
{
  JsonArray *items;

  g_return_val_if_fail (BZ_IS_FOOD_PICKER (self), NULL);
  items = json_array_new ();
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      JsonObject *o = json_object_new ();
      gtk_spin_button_update (item->grams);
      json_object_set_string_member (o, "ndb_no", item->ndb_no);
      json_object_set_double_member (o, "grams", gtk_spin_button_get_value (item->grams));
      json_array_add_object_element (items, o);
    }
  return items;
}

void
bz_food_picker_get_totals (BzFoodPicker *self, double totals[4])
{
  g_return_if_fail (BZ_IS_FOOD_PICKER (self));
  for (guint k = 0; k < 4; k++)
    totals[k] = 0;
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      double grams = gtk_spin_button_get_value (item->grams);
      for (guint k = 0; k < 4; k++)
        totals[k] += item->per100[k] * grams / 100.0;
    }
}
