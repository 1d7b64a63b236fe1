/* bz-meal-row.c — one of today's meals: photo thumbnail, foods, energy and macronutrients.
 *
 * The meal is a Meal record (bz-resources.h): the texts come from its
 * fields and from the MealItem records of its "items" list model.  The
 * thumbnail loads on a worker: bz_meals_get_photo(), decoded and scaled
 * with gdk-pixbuf to THUMB_SIZE px so a 10 MB phone photo does not sit in
 * memory at full size.
 */
#include "bz-meal-row.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bz-gui-util.h"
#include "bz-meal-service.h"

#define THUMB_SIZE 112  /* px: 56 logical at scale 2 */

struct _BzMealRow
{
  GtkListBoxRow parent_instance;
  BzRecord *meal;
  GtkLabel *foods;
  GtkWidget *delete_button;   /* NULL for a meal without an id */
  GtkWidget *edit_button;     /* likewise */
};

G_DEFINE_FINAL_TYPE (BzMealRow, bz_meal_row, GTK_TYPE_LIST_BOX_ROW)

enum { PROP_0, PROP_MEAL, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
bz_meal_row_finalize (GObject *object)
{
  g_clear_object (&BZ_MEAL_ROW (object)->meal);
  G_OBJECT_CLASS (bz_meal_row_parent_class)->finalize (object);
}

static void
bz_meal_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_MEAL:
      g_value_set_object (value, BZ_MEAL_ROW (object)->meal);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bz_meal_row_class_init (BzMealRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bz_meal_row_finalize;
  object_class->get_property = bz_meal_row_get_property;

  /* The Meal record shown (bz_meal_resource's GType). */
  properties[PROP_MEAL] =
    g_param_spec_object ("meal", NULL, NULL, BZ_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bz_meal_row_init (BzMealRow *self)
{
}

BzRecord *
bz_meal_row_get_meal (BzMealRow *self)
{
  g_return_val_if_fail (BZ_IS_MEAL_ROW (self), NULL);
  return self->meal;
}

const char *
bz_meal_row_get_foods_text (BzMealRow *self)
{
  g_return_val_if_fail (BZ_IS_MEAL_ROW (self), NULL);
  return gtk_label_get_label (self->foods);
}

typedef struct
{
  BzServices *services;
  BzCaller *caller;
  char *meal_id;
} PhotoArgs;

static void
photo_args_free (gpointer p)
{
  PhotoArgs *a = p;
  g_clear_object (&a->services);
  g_clear_pointer (&a->caller, bz_caller_free);
  g_free (a->meal_id);
  g_free (a);
}

static gpointer
photo_work (gpointer data, GCancellable *cancellable, GError **error)
{
  PhotoArgs *a = data;
  g_autofree char *mime = NULL, *etag = NULL;
  g_autoptr(GBytes) bytes = bz_meals_get_photo (a->services, a->caller, a->meal_id, FALSE, &mime, &etag, error);
  if (bytes == NULL)
    return NULL;
  return bz_texture_new_scaled (bytes, THUMB_SIZE, error);
}

static void
photo_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = bz_run_in_thread_finish (result, &error);

  if (texture == NULL)
    {
      if (!bz_is_cancelled (error))
        g_debug ("meal photo: %s", error->message);
      return;
    }
  gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
  gtk_widget_add_css_class (GTK_WIDGET (picture), "loaded");
}

/* The foods of @items (a GListModel of MealItem records), "Rice, white (150 g), …". */
static char *
meal_items_text (GListModel *items)
{
  GString *s = g_string_new (NULL);
  guint n = items ? g_list_model_get_n_items (items) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BzRecord) item = g_list_model_get_item (items, i);
      const char *desc = bz_food_display_name (bz_record_get_string (item, BZ_MEAL_ITEM_DESCRIPTION),
                                               bz_record_get_string (item, BZ_MEAL_ITEM_NAME_ES));
      double grams = bz_record_get_double (item, BZ_MEAL_ITEM_GRAMS);

      if (desc == NULL || *desc == '\0')   /* a food no longer in the database */
        desc = bz_record_get_string (item, BZ_MEAL_ITEM_NDB_NO);
      if (desc == NULL)
        continue;
      if (s->len)
        g_string_append (s, ", ");
      /* TRANSLATORS: a food and its weight in a meal, e.g. "Rice, white (150 g)" */
      g_string_append_printf (s, _("%s (%.0f g)"), desc, isnan (grams) ? 0 : grams);
    }
  if (s->len == 0)
    g_string_append (s, _("Photo only — foods not entered yet"));
  return g_string_free (s, FALSE);
}

/* A number of a Nutrients record, 0 when absent. */
static double
nutrient (BzRecord *panel, guint field)
{
  double v = panel ? bz_record_get_double (panel, field) : NAN;
  return isnan (v) ? 0 : v;
}

GtkWidget *
bz_meal_row_new (BzGuiSession *session, BzRecord *meal, GCancellable *cancellable)
{
  GtkWidget *row = g_object_new (BZ_TYPE_MEAL_ROW, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *thumb = gtk_picture_new ();
  GtkWidget *frame = gtk_overlay_new ();
  GtkWidget *placeholder = gtk_image_new_from_icon_name ("camera-photo-symbolic");
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title, *subtitle, *kcal, *macros, *numbers;
  g_autoptr(GListModel) item_list = NULL;
  BzRecord *nutrition;
  const char *meal_id;
  g_autofree char *time = NULL;
  g_autofree char *title_text = NULL, *items = NULL, *kcal_text = NULL, *macros_text = NULL;

  g_return_val_if_fail (BZ_IS_GUI_SESSION (session), NULL);
  g_return_val_if_fail (BZ_IS_RECORD (meal) && bz_record_get_resource (meal) == &bz_meal_resource, NULL);

  nutrition = bz_record_get_object (meal, BZ_MEAL_NUTRITION);
  meal_id = bz_record_get_string (meal, BZ_MEAL_ID);
  time = bz_format_time (bz_record_get_string (meal, BZ_MEAL_EATEN_AT));
  g_object_get (meal, "items", &item_list, NULL);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 12);

  gtk_widget_add_css_class (frame, "meal-thumb");
  gtk_widget_set_size_request (frame, 56, 56);
  gtk_widget_set_valign (frame, GTK_ALIGN_CENTER);
  gtk_widget_set_overflow (frame, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_overlay_set_child (GTK_OVERLAY (frame), placeholder);
  gtk_picture_set_content_fit (GTK_PICTURE (thumb), GTK_CONTENT_FIT_COVER);
  gtk_picture_set_can_shrink (GTK_PICTURE (thumb), TRUE);
  gtk_overlay_add_overlay (GTK_OVERLAY (frame), thumb);
  gtk_accessible_update_property (GTK_ACCESSIBLE (thumb), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Meal photo"), -1);

  title_text = g_strdup_printf ("%s · %s", bz_meal_type_label (bz_record_get_string (meal, BZ_MEAL_MEAL_TYPE)), time);
  title = gtk_label_new (title_text);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  items = meal_items_text (item_list);
  subtitle = gtk_label_new (items);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (subtitle, items);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);

  if (item_list && g_list_model_get_n_items (item_list) > 0)
    {
      kcal_text = g_strdup_printf (_("%.0f kcal"), nutrient (nutrition, BZ_NUTRIENTS_ENERGY_KCAL));
      /* TRANSLATORS: a meal's protein, carbohydrate and fat */
      macros_text = g_strdup_printf (_("Protein %.0f g · carbs %.0f g · fat %.0f g"),
                                     nutrient (nutrition, BZ_NUTRIENTS_PROTEIN_G),
                                     nutrient (nutrition, BZ_NUTRIENTS_CARBOHYDRATE_G),
                                     nutrient (nutrition, BZ_NUTRIENTS_FAT_G));
    }
  else
    {
      /* a photo without foods has no nutrition yet */
      kcal_text = g_strdup ("—");
      macros_text = g_strdup ("");
    }
  /* the macronutrients under the foods, so narrow windows only shorten text */
  macros = gtk_label_new (macros_text);
  gtk_label_set_xalign (GTK_LABEL (macros), 0);
  gtk_label_set_ellipsize (GTK_LABEL (macros), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (macros, "numeric");
  gtk_widget_add_css_class (macros, "dim-label");
  gtk_widget_add_css_class (macros, "caption");
  gtk_widget_set_visible (macros, *macros_text != '\0');
  gtk_box_append (GTK_BOX (texts), macros);

  numbers = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  kcal = gtk_label_new (kcal_text);
  gtk_label_set_xalign (GTK_LABEL (kcal), 1);
  gtk_widget_add_css_class (kcal, "numeric");
  gtk_widget_add_css_class (kcal, "heading");
  gtk_widget_set_valign (numbers, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (numbers), kcal);

  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), numbers);
  if (meal_id)
    {
      /* Delete (the page's patient.delete-meal: hidden at once, an Undo toast,
       * deleted when the toast goes); the kiosk hides it. */
      GtkWidget *del = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_add_css_class (del, "flat");
      gtk_widget_set_valign (del, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (del, _("Delete this meal"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (del), "patient.delete-meal");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (del), "s", meal_id);
      {
        /* Correct (the page's patient.edit-meal); the kiosk hides it with Delete */
        GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
        gtk_widget_add_css_class (edit, "flat");
        gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
        gtk_widget_set_tooltip_text (edit, _("Correct this meal"));
        gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "patient.edit-meal");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", meal_id);
        gtk_box_append (GTK_BOX (box), edit);
        BZ_MEAL_ROW (row)->edit_button = edit;
      }
      gtk_box_append (GTK_BOX (box), del);
      BZ_MEAL_ROW (row)->delete_button = del;
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  BZ_MEAL_ROW (row)->meal = g_object_ref (meal);
  BZ_MEAL_ROW (row)->foods = GTK_LABEL (subtitle);

  if (meal_id && bz_record_get_string (meal, BZ_MEAL_PHOTO_URL))
    {
      PhotoArgs *a = g_new0 (PhotoArgs, 1);
      a->services = g_object_ref (bz_gui_session_get_services (session));
      a->caller = bz_gui_session_dup_caller (session);
      a->meal_id = g_strdup (meal_id);
      bz_run_in_thread (NULL, cancellable, photo_work, a, photo_args_free,
                        g_object_unref, photo_done, g_object_ref (thumb));
    }
  return row;
}

void
bz_meal_row_set_deletable (BzMealRow *self, gboolean deletable)
{
  g_return_if_fail (BZ_IS_MEAL_ROW (self));
  if (self->delete_button)
    gtk_widget_set_visible (self->delete_button, deletable);
  if (self->edit_button)
    gtk_widget_set_visible (self->edit_button, deletable);
}
