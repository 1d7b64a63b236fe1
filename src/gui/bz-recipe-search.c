/* bz-recipe-search.c — see bz-recipe-search.h.
 *
 * Searches with bz_recipes_find_async() (a RecipeList record); a newer
 * search cancels an older one, and GtkSearchEntry debounces typing.  Enter
 * in the entry chooses the first result, Down moves into the results,
 * Escape closes.  A recipe with photos (a user's, POST /api/v1/recipes)
 * shows its main photo, loaded on a worker; the catalogue's recipes have
 * none (main_photo_url is null) and show a placeholder that says so.
 */
#include "bz-recipe-search.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bz-gui-util.h"
#include "bz-meal-plan-tasks.h"
#include "bz-plan-editor-private.h"

#define SEARCH_LIMIT 30

struct _BzRecipeSearch
{
  AdwWindow parent_instance;

  GtkSearchEntry *entry;
  GtkDropDown *meal_type;
  GtkSpinButton *servings;
  GtkStack *stack;
  AdwStatusPage *empty;
  GtkListBox *list;

  BzGuiSession *session;
  BzRecord *found;             /* the last RecipeList */
  GCancellable *cancel;
  gboolean searching;
};

G_DEFINE_FINAL_TYPE (BzRecipeSearch, bz_recipe_search, ADW_TYPE_WINDOW)

enum { SIGNAL_CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The drop-down's choices: any, then bz_vocab_recipe_meal_type's ids. */
static const char *const meal_type_ids[] = { NULL, "desayuno", "colacion", "comida", "cena" };

static void search (BzRecipeSearch *self);

/* --- results ---------------------------------------------------------------------- */

GtkWidget *
bz_plan_seals_box_new (guint seals)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  const BzNom051Seal all[] = { BZ_NOM051_SEAL_CALORIES, BZ_NOM051_SEAL_SUGARS, BZ_NOM051_SEAL_SATURATED_FAT,
                               BZ_NOM051_SEAL_TRANS_FAT, BZ_NOM051_SEAL_SODIUM };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (seals & all[i])
      {
        /* Regulated text (bz-nom051.h): shown as it is, not translated. */
        GtkWidget *seal = gtk_label_new (bz_nom051_seal_text (all[i]));
        gtk_widget_add_css_class (seal, "nom051-seal");
        gtk_widget_set_tooltip_text (seal, _("NOM-051 warning seal, per 100 g of the recipe"));
        gtk_box_append (GTK_BOX (box), seal);
      }
  gtk_widget_set_visible (box, seals != 0);
  return box;
}

#define THUMB_PX 128  /* 64 logical at scale 2 */

typedef struct
{
  BzServices *services;
  BzCaller *caller;
  char *recipe_id;
} PhotoArgs;

static void
photo_args_free (gpointer p)
{
  PhotoArgs *a = p;
  g_clear_object (&a->services);
  g_clear_pointer (&a->caller, bz_caller_free);
  g_free (a->recipe_id);
  g_free (a);
}

/* On a worker: the main photo's display copy, decoded at thumbnail size. */
static gpointer
photo_work (gpointer data, GCancellable *cancellable, GError **error)
{
  PhotoArgs *a = data;
  g_autofree char *mime = NULL;
  g_autoptr(GBytes) bytes = bz_recipes_get_photo (a->services, a->caller, a->recipe_id, "0", FALSE, &mime, NULL, error);
  return bytes ? bz_texture_new_scaled (bytes, THUMB_PX, error) : NULL;
}

static void
photo_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GtkWidget) frame = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = bz_run_in_thread_finish (result, &error);
  GtkWidget *picture;

  if (texture == NULL)
    {
      if (!bz_is_cancelled (error))
        {
          g_debug ("recipe photo: %s", error->message);
          gtk_widget_set_tooltip_text (frame, _("The photo could not be loaded"));
        }
      return;
    }
  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_COVER);
  gtk_widget_set_size_request (picture, 64, 64);
  gtk_widget_set_overflow (frame, GTK_OVERFLOW_HIDDEN);
  while (gtk_widget_get_first_child (frame))
    gtk_box_remove (GTK_BOX (frame), gtk_widget_get_first_child (frame));
  gtk_box_append (GTK_BOX (frame), picture);
  gtk_widget_set_tooltip_text (frame, NULL);
  gtk_widget_add_css_class (frame, "loaded");
}

/* The recipe's main photo (a user's recipe, bz_recipes_get_photo()), or a
 * placeholder that says there is none (the catalogue's recipes). */
static GtkWidget *
photo_thumb_new (BzRecipeSearch *self, BzRecord *recipe)
{
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *icon = gtk_image_new_from_icon_name ("image-x-generic-symbolic");
  gboolean has_photo = bz_record_get_string (recipe, BZ_RECIPE_MAIN_PHOTO_URL) != NULL;

  gtk_widget_add_css_class (frame, "recipe-thumb");
  gtk_widget_set_size_request (frame, 64, 64);
  gtk_widget_set_valign (frame, GTK_ALIGN_START);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 28);
  gtk_widget_set_vexpand (icon, TRUE);
  gtk_box_append (GTK_BOX (frame), icon);
  gtk_widget_set_tooltip_text (frame, has_photo ? _("Loading the photo…") : _("This recipe has no photo"));
  if (has_photo && self->session)
    {
      PhotoArgs *a = g_new0 (PhotoArgs, 1);
      a->services = g_object_ref (bz_gui_session_get_services (self->session));
      a->caller = bz_gui_session_dup_caller (self->session);
      a->recipe_id = g_strdup (bz_record_get_string (recipe, BZ_RECIPE_ID));
      bz_run_in_thread (NULL, self->cancel, photo_work, a, photo_args_free, g_object_unref, photo_done,
                        g_object_ref (frame));
    }
  return frame;
}

static GtkWidget *
result_row_new (gpointer item, gpointer user_data)
{
  BzRecord *recipe = item;
  BzRecord *nutrition = bz_record_get_object (recipe, BZ_RECIPE_NUTRITION_PER_SERVING);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (bz_record_get_string (recipe, BZ_RECIPE_TITLE));
  g_autofree char *line = NULL;
  double kcal = nutrition ? bz_record_get_double (nutrition, BZ_RECIPE_NUTRITION_CALORIES) : NAN;
  const char *type = bz_record_get_string (recipe, BZ_RECIPE_MEAL_TYPE);
  GtkWidget *sub;

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_box_append (GTK_BOX (box), photo_thumb_new (user_data, recipe));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (text), title);
  /* TRANSLATORS: recipe search result: "<meal type> · <kcal> kcal per serving · <minutes> min" */
  line = g_strdup_printf (_("%s · %.0f kcal per serving · %d min"),
                          bz_vocab_label (&bz_vocab_recipe_meal_type, type, _("Meal")),
                          isnan (kcal) ? 0.0 : kcal, (int) bz_record_get_int (recipe, BZ_RECIPE_TOTAL_TIME_MIN));
  sub = gtk_label_new (line);
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_box_append (GTK_BOX (text), sub);
  gtk_box_append (GTK_BOX (text), bz_plan_seals_box_new (bz_recipe_nom051_seals (recipe, NULL)));
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
found_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzRecipeSearch) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) list = bz_recipes_find_finish (BZ_SERVICES (source), result, &error);
  g_autoptr(GListModel) recipes = NULL;

  if (bz_is_cancelled (error))
    return;
  self->searching = FALSE;
  gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->found);
  if (list == NULL)
    {
      g_autofree char *message = bz_error_to_user_message (error);
      adw_status_page_set_title (self->empty, _("Could Not Search Recipes"));
      adw_status_page_set_description (self->empty, message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->found = g_steal_pointer (&list);
  g_object_get (self->found, "recipes", &recipes, NULL);
  gtk_list_box_bind_model (self->list, recipes, result_row_new, self, NULL);
  if (g_list_model_get_n_items (recipes) == 0)
    {
      adw_status_page_set_title (self->empty, _("No Recipes Found"));
      adw_status_page_set_description (self->empty, _("Try other words, or any meal type."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
search (BzRecipeSearch *self)
{
  guint type = gtk_drop_down_get_selected (self->meal_type);

  if (self->cancel)
    g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  self->cancel = g_cancellable_new ();
  self->searching = TRUE;
  bz_recipes_find_async (bz_gui_session_get_services (self->session), bz_gui_session_get_caller (self->session),
                         gtk_editable_get_text (GTK_EDITABLE (self->entry)),
                         type < G_N_ELEMENTS (meal_type_ids) ? meal_type_ids[type] : NULL, 1, SEARCH_LIMIT,
                         self->cancel, found_cb, g_object_ref (self));
}

void
bz_recipe_search_choose (BzRecipeSearch *self, guint index)
{
  g_autoptr(GListModel) recipes = NULL;
  g_autoptr(BzRecord) recipe = NULL;

  g_return_if_fail (BZ_IS_RECIPE_SEARCH (self));
  if (self->found == NULL)
    return;
  g_object_get (self->found, "recipes", &recipes, NULL);
  if (index >= g_list_model_get_n_items (recipes))
    return;
  recipe = g_list_model_get_item (recipes, index);
  g_signal_emit (self, signals[SIGNAL_CHOSEN], 0, recipe, gtk_spin_button_get_value (self->servings));
  gtk_window_close (GTK_WINDOW (self));
}

static void
row_activated_cb (GtkListBox *list, GtkListBoxRow *row, BzRecipeSearch *self)
{
  bz_recipe_search_choose (self, (guint) gtk_list_box_row_get_index (row));
}

static void
entry_activate_cb (GtkSearchEntry *entry, BzRecipeSearch *self)
{
  if (!self->searching)
    bz_recipe_search_choose (self, 0);
}

static void
entry_stop_cb (GtkSearchEntry *entry, BzRecipeSearch *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
entry_next_cb (GtkSearchEntry *entry, BzRecipeSearch *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list, 0);
  if (first)
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

/* --- object ------------------------------------------------------------------------ */

static void
bz_recipe_search_dispose (GObject *object)
{
  BzRecipeSearch *self = BZ_RECIPE_SEARCH (object);

  if (self->cancel)
    g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  g_clear_object (&self->found);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (bz_recipe_search_parent_class)->dispose (object);
}

static void
bz_recipe_search_class_init (BzRecipeSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bz_recipe_search_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  signals[SIGNAL_CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                         NULL, G_TYPE_NONE, 2, G_TYPE_OBJECT, G_TYPE_DOUBLE);
}

static void
bz_recipe_search_init (BzRecipeSearch *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *servings_label, *scroller, *spinner;
  GtkStringList *types = gtk_string_list_new (NULL);
  double min, max;

  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_title (GTK_WINDOW (self), _("Add Recipe"));
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (controls, 12);
  gtk_widget_set_margin_end (controls, 12);
  gtk_widget_set_margin_top (controls, 6);
  gtk_widget_set_margin_bottom (controls, 6);
  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_key_capture_widget (self->entry, GTK_WIDGET (self));
  g_object_set (self->entry, "placeholder-text", _("Search recipes: tacos, avena, lentejas…"), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  gtk_box_append (GTK_BOX (controls), GTK_WIDGET (self->entry));

  gtk_string_list_append (types, _("Any meal"));
  for (guint i = 1; i < G_N_ELEMENTS (meal_type_ids); i++)
    gtk_string_list_append (types, bz_vocab_label (&bz_vocab_recipe_meal_type, meal_type_ids[i], meal_type_ids[i]));
  self->meal_type = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (types), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->meal_type), _("Meal type"));
  gtk_box_append (GTK_BOX (controls), GTK_WIDGET (self->meal_type));

  servings_label = gtk_label_new_with_mnemonic (_("_Servings"));
  gtk_box_append (GTK_BOX (controls), servings_label);
  bz_meal_plan_servings_range (&min, &max);
  self->servings = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (min, max, 0.5));
  gtk_spin_button_set_digits (self->servings, 1);
  gtk_spin_button_set_value (self->servings, 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (servings_label), GTK_WIDGET (self->servings));
  gtk_box_append (GTK_BOX (controls), GTK_WIDGET (self->servings));
  gtk_box_append (GTK_BOX (box), controls);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  spinner = gtk_spinner_new ();
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_stack_add_named (self->stack, spinner, "loading");
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_stack_add_named (self->stack, scroller, "list");
  self->empty = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty, "edit-find-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->empty), "compact");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty), "empty");
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (self->entry, "stop-search", G_CALLBACK (entry_stop_cb), self);
  g_signal_connect (self->entry, "next-match", G_CALLBACK (entry_next_cb), self);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (search), self);
  g_signal_connect_swapped (self->meal_type, "notify::selected", G_CALLBACK (search), self);
}

BzRecipeSearch *
bz_recipe_search_new (GtkWindow *parent, BzGuiSession *session, const char *meal_type, const char *subtitle)
{
  BzRecipeSearch *self = g_object_new (BZ_TYPE_RECIPE_SEARCH, "transient-for", parent, NULL);
  GtkWidget *header = gtk_widget_get_first_child (adw_window_get_content (ADW_WINDOW (self)));
  guint selected = 0;

  self->session = g_object_ref (session);
  for (guint i = 1; meal_type && i < G_N_ELEMENTS (meal_type_ids); i++)
    if (g_strcmp0 (meal_type_ids[i], meal_type) == 0)
      selected = i;
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Add Recipe"), subtitle ? subtitle : ""));
  g_signal_handlers_block_by_func (self->meal_type, search, self);
  gtk_drop_down_set_selected (self->meal_type, selected);
  g_signal_handlers_unblock_by_func (self->meal_type, search, self);
  search (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  return self;
}

void
bz_recipe_search_set_text (BzRecipeSearch *self, const char *text)
{
  g_return_if_fail (BZ_IS_RECIPE_SEARCH (self));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  search (self);   /* at once, not after the entry's typing delay */
}

gboolean
bz_recipe_search_is_busy (BzRecipeSearch *self)
{
  g_return_val_if_fail (BZ_IS_RECIPE_SEARCH (self), FALSE);
  return self->searching;
}

guint
bz_recipe_search_get_n_results (BzRecipeSearch *self)
{
  g_autoptr(GListModel) recipes = NULL;

  g_return_val_if_fail (BZ_IS_RECIPE_SEARCH (self), 0);
  if (self->found == NULL || self->searching)
    return 0;
  g_object_get (self->found, "recipes", &recipes, NULL);
  return g_list_model_get_n_items (recipes);
}

gboolean
bz_recipe_search_result_photo_shown (BzRecipeSearch *self, guint index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (BZ_IS_RECIPE_SEARCH (self), FALSE);
  row = gtk_list_box_get_row_at_index (self->list, (int) index);
  /* row > box > the thumbnail frame (photo_thumb_new()), first child */
  for (GtkWidget *w = row ? gtk_list_box_row_get_child (row) : NULL; w; w = gtk_widget_get_first_child (w))
    if (gtk_widget_has_css_class (w, "recipe-thumb"))
      return gtk_widget_has_css_class (w, "loaded");
  return FALSE;
}
