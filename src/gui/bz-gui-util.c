/* bz-gui-util.c — small helpers shared by the GUI. */
#include "bz-gui-util.h"

#include "bz-gui-session.h"
#include "bz-meal-service.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

typedef struct
{
  BzWorkFunc func;
  gpointer data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
} Work;

static void
work_free (gpointer p)
{
  Work *w = p;
  if (w->data_free && w->data)
    w->data_free (w->data);
  g_free (w);
}

static void
work_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Work *w = task_data;
  GError *error = NULL;
  gpointer result = w->func (w->data, cancellable, &error);

  if (error != NULL)
    {
      if (result && w->result_free)
        w->result_free (result);
      g_task_return_error (task, error);
    }
  else if (result == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", _("Something went wrong"));
  else
    g_task_return_pointer (task, result, w->result_free);
}

void
bz_run_in_thread (gpointer source_object, GCancellable *cancellable, BzWorkFunc func,
                  gpointer data, GDestroyNotify data_free, GDestroyNotify result_free,
                  GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);
  Work *w = g_new0 (Work, 1);

  w->func = func;
  w->data = data;
  w->data_free = data_free;
  w->result_free = result_free;
  g_task_set_task_data (task, w, work_free);
  g_task_set_source_tag (task, bz_run_in_thread);
  g_task_run_in_thread (task, work_thread);
}

gpointer
bz_run_in_thread_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bz_run_in_thread, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
bz_is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* --- formatting ------------------------------------------------------------- */

GDateTime *
bz_parse_datetime (const char *iso8601)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (iso8601 == NULL || *iso8601 == '\0')
    return NULL;
  utc = g_time_zone_new_utc ();
  dt = g_date_time_new_from_iso8601 (iso8601, utc);
  if (dt == NULL && strlen (iso8601) == 10) /* a bare YYYY-MM-DD */
    {
      g_autofree char *full = g_strconcat (iso8601, "T12:00:00", NULL);
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();
      dt = g_date_time_new_from_iso8601 (full, local);
    }
  return dt ? g_date_time_to_local (dt) : NULL;
}

/* Month names come from our catalogue, not from the C library's locale:
 * a desk set to Spanish by LANGUAGE alone (or without the es_MX locale
 * installed) showed "30 de November". */
static const char *const month_names[12] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"), NC_("month", "April"),
  NC_("month", "May"), NC_("month", "June"), NC_("month", "July"), NC_("month", "August"),
  NC_("month", "September"), NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};
static const char *const month_abbreviations[12] = {
  NC_("abbreviated month", "Jan"), NC_("abbreviated month", "Feb"), NC_("abbreviated month", "Mar"),
  NC_("abbreviated month", "Apr"), NC_("abbreviated month", "May"), NC_("abbreviated month", "Jun"),
  NC_("abbreviated month", "Jul"), NC_("abbreviated month", "Aug"), NC_("abbreviated month", "Sep"),
  NC_("abbreviated month", "Oct"), NC_("abbreviated month", "Nov"), NC_("abbreviated month", "Dec"),
};

/* Weekdays likewise, Monday first (g_date_time_get_day_of_week()). */
static const char *const weekday_names[7] = {
  NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"), NC_("weekday", "Thursday"),
  NC_("weekday", "Friday"), NC_("weekday", "Saturday"), NC_("weekday", "Sunday"),
};
static const char *const weekday_abbreviations[7] = {
  NC_("abbreviated weekday", "Mon"), NC_("abbreviated weekday", "Tue"), NC_("abbreviated weekday", "Wed"),
  NC_("abbreviated weekday", "Thu"), NC_("abbreviated weekday", "Fri"), NC_("abbreviated weekday", "Sat"),
  NC_("abbreviated weekday", "Sun"),
};

char *
bz_date_time_format (GDateTime *dt, const char *format)
{
  g_autoptr(GString) f = g_string_new (NULL);
  guint m, wd;

  g_return_val_if_fail (dt != NULL && format != NULL, NULL);
  m = g_date_time_get_month (dt) - 1;
  wd = g_date_time_get_day_of_week (dt) - 1;
  for (const char *p = format; *p; p++)
    {
      if (p[0] == '%' && (p[1] == 'B' || p[1] == 'b' || p[1] == 'A' || p[1] == 'a'))
        {
          const char *name =
            p[1] == 'B' ? g_dpgettext2 (GETTEXT_PACKAGE, "month", month_names[m])
            : p[1] == 'b' ? g_dpgettext2 (GETTEXT_PACKAGE, "abbreviated month", month_abbreviations[m])
            : p[1] == 'A' ? g_dpgettext2 (GETTEXT_PACKAGE, "weekday", weekday_names[wd])
                          : g_dpgettext2 (GETTEXT_PACKAGE, "abbreviated weekday", weekday_abbreviations[wd]);
          for (const char *c = name; *c; c++)
            {
              if (*c == '%')
                g_string_append_c (f, '%');
              g_string_append_c (f, *c);
            }
          p++;
        }
      else if (p[0] == '%' && p[1] == '%')
        {
          g_string_append (f, "%%");
          p++;
        }
      else
        g_string_append_c (f, *p);
    }
  return g_date_time_format (dt, f->str);
}

/* Whether the desk shows Spanish (Mexico) names of foods and exercises
 * where Balanza has one: the Spanish catalogue says "es". */
static gboolean
spanish_names (void)
{
  /* TRANSLATORS: "es" to show foods (and exercises) by their Spanish (Mexico)
   * names where Balanza has one (data/foods/es-MX-names.tsv); keep "en" otherwise */
  return g_str_equal (C_("food names", "en"), "es");
}

const char *
bz_food_display_name (const char *description, const char *name_es)
{
  if (spanish_names () && name_es && *name_es)
    return name_es;
  return description;
}

const char *
bz_exercise_display_name (const char *name_en, const char *name_es)
{
  if (spanish_names () && name_es && *name_es)
    return name_es;
  return name_en;
}

char *
bz_format_date (const char *iso8601)
{
  g_autoptr(GDateTime) dt = bz_parse_datetime (iso8601);
  /* TRANSLATORS: a scan or meal date, strftime format, e.g. "12 Mar 2025" */
  return dt ? bz_date_time_format (dt, _("%-d %b %Y")) : g_strdup ("—");
}

char *
bz_format_time (const char *iso8601)
{
  g_autoptr(GDateTime) dt = bz_parse_datetime (iso8601);
  return dt ? g_date_time_format (dt, "%H:%M") : g_strdup ("");
}

const char *
bz_meal_type_label (const char *meal_type)
{
  return bz_vocab_label (&bz_vocab_meal_type, meal_type, _("Meal"));
}

const char *
bz_goal_label (const char *goal)
{
  if (goal == NULL || *goal == '\0')
    return NULL;
  return bz_vocab_label (&bz_vocab_goal, goal, _("Other goal"));
}

GdkTexture *
bz_texture_new_scaled (GBytes *bytes, int size, GError **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;

  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, size, size, TRUE, NULL, NULL);
  if (pixbuf == NULL) /* a format gdk-pixbuf lacks a loader for: GTK's own decoders */
    return gdk_texture_new_from_bytes (bytes, error);
  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  return gdk_texture_new_for_pixbuf (oriented ? oriented : pixbuf);
}

GtkWidget *
bz_form_header_new (GtkWindow *window, GtkWidget **save, GCallback save_cb, gpointer data)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  *save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (*save, "suggested-action");
  gtk_widget_set_tooltip_text (*save, _("Save (Ctrl+S)"));
  g_signal_connect_swapped (*save, "clicked", save_cb, data);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), window);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), *save);
  return header;
}

GtkWidget *
bz_form_error_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

char *
bz_form_error_message (const GError *error, const char *(*title_of) (const char *field))
{
  JsonArray *details = error ? bz_error_get_details (error) : NULL;
  JsonObject *d;
  const char *field;

  if (details == NULL || json_array_get_length (details) == 0)
    return bz_error_to_user_message (error);
  d = json_array_get_object_element (details, 0);
  field = json_object_get_string_member_with_default (d, "field", "");
  if (title_of == NULL)
    return g_strdup (json_object_get_string_member_with_default (d, "message", ""));
  return g_strdup_printf ("%s: %s", title_of (field), json_object_get_string_member_with_default (d, "message", ""));
}

GDateTime *
bz_form_parse_local_time (const char *date, const char *time)
{
  int y, mo, d, h, mi;
  char tail;

  if (date == NULL || time == NULL ||
      sscanf (date, "%4d-%2d-%2d%c", &y, &mo, &d, &tail) != 3 ||
      sscanf (time, "%2d:%2d%c", &h, &mi, &tail) != 2)
    return NULL;
  return g_date_time_new_local (y, mo, d, h, mi, 0);
}

void
bz_list_box_remove_rows (GtkListBox *list)
{
  GtkListBoxRow *row;
  while ((row = gtk_list_box_get_row_at_index (list, 0)))
    gtk_list_box_remove (list, GTK_WIDGET (row));
}
