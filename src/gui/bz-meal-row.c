/* bz-meal-row.c — one of today's meals: photo thumbnail, foods, energy and macronutrients.
 *
 * The thumbnail loads on a worker: bz_meals_get_photo(), decoded and scaled
 * with gdk-pixbuf to THUMB_SIZE px so a 10 MB phone photo does not sit in
 * memory at full size.
 */
#include "bz-meal-row.h"

#include <glib/gi18n.h>

#include "bz-gui-util.h"
#include "bz-meal-service.h"

#define THUMB_SIZE 112  /* px: 56 logical at scale 2 */

struct _BzMealRow
{
  GtkListBoxRow parent_instance;
  JsonObject *meal;
};

G_DEFINE_FINAL_TYPE (BzMealRow, bz_meal_row, GTK_TYPE_LIST_BOX_ROW)

static void
bz_meal_row_finalize (GObject *object)
{
  g_clear_pointer (&BZ_MEAL_ROW (object)->meal, json_object_unref);
  G_OBJECT_CLASS (bz_meal_row_parent_class)->finalize (object);
}

static void
bz_meal_row_class_init (BzMealRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bz_meal_row_finalize;
}

static void
bz_meal_row_init (BzMealRow *self)
{
}

JsonObject *
bz_meal_row_get_meal (BzMealRow *self)
{
  g_return_val_if_fail (BZ_IS_MEAL_ROW (self), NULL);
  return self->meal;
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

static char *
meal_items_text (JsonObject *meal)
{
  JsonArray *items = bz_json_array (meal, "items");
  GString *s = g_string_new (NULL);

  for (guint i = 0; items && i < json_array_get_length (items); i++)
    {
      JsonNode *e = json_array_get_element (items, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (e) ? json_node_get_object (e) : NULL;
      const char *desc = bz_json_get_string (item, "short_description");
      if (desc == NULL)
        desc = bz_json_get_string (item, "description");
      if (desc == NULL)
        desc = bz_json_get_string (item, "ndb_no");
      if (desc == NULL)
        continue;
      if (s->len)
        g_string_append (s, ", ");
      /* TRANSLATORS: a food and its weight in a meal, e.g. "Rice, white (150 g)" */
      g_string_append_printf (s, _("%s (%.0f g)"), desc, bz_json_double (item, "grams", 0));
    }
  if (s->len == 0)
    g_string_append (s, _("Photo only — foods not entered yet"));
  return g_string_free (s, FALSE);
}

GtkWidget *
bz_meal_row_new (BzSession *session, JsonObject *meal, GCancellable *cancellable)
{
  GtkWidget *row = g_object_new (BZ_TYPE_MEAL_ROW, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *thumb = gtk_picture_new ();
  GtkWidget *frame = gtk_overlay_new ();
  GtkWidget *placeholder = gtk_image_new_from_icon_name ("camera-photo-symbolic");
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title, *subtitle, *kcal, *macros, *numbers;
  JsonObject *nutrition = bz_json_object (meal, "nutrition");
  const char *meal_id = bz_json_get_string (meal, "id");
  g_autofree char *time = bz_format_time (bz_json_get_string (meal, "eaten_at"));
  g_autofree char *title_text = NULL, *items = NULL, *kcal_text = NULL, *macros_text = NULL;

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

  title_text = g_strdup_printf ("%s · %s", bz_meal_type_label (bz_json_get_string (meal, "meal_type")), time);
  title = gtk_label_new (title_text);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  items = meal_items_text (meal);
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

  if (bz_json_array (meal, "items") && json_array_get_length (bz_json_array (meal, "items")) > 0)
    {
      kcal_text = g_strdup_printf (_("%.0f kcal"), bz_json_double (nutrition, "energy_kcal", 0));
      /* TRANSLATORS: a meal's protein, carbohydrate and fat */
      macros_text = g_strdup_printf (_("Protein %.0f g · carbs %.0f g · fat %.0f g"),
                                     bz_json_double (nutrition, "protein_g", 0),
                                     bz_json_double (nutrition, "carbohydrate_g", 0),
                                     bz_json_double (nutrition, "fat_g", 0));
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
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  BZ_MEAL_ROW (row)->meal = json_object_ref (meal);

  if (meal_id && bz_json_get_string (meal, "photo_url"))
    {
      PhotoArgs *a = g_new0 (PhotoArgs, 1);
      a->services = g_object_ref (bz_session_get_services (session));
      a->caller = bz_session_dup_caller (session);
      a->meal_id = g_strdup (meal_id);
      bz_run_in_thread (NULL, cancellable, photo_work, a, photo_args_free,
                        g_object_unref, photo_done, g_object_ref (thumb));
    }
  return row;
}

