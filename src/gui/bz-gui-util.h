/* bz-gui-util.h — small helpers shared by the GUI: worker threads, formatting. */
#pragma once

#include <gtk/gtk.h>

#include "bz-services.h"

G_BEGIN_DECLS

/**
 * BzWorkFunc:
 * Runs on a worker thread (never touch widgets here).
 * Returns: (transfer full) (nullable): the result, or %NULL with @error set.
 */
typedef gpointer (*BzWorkFunc) (gpointer data, GCancellable *cancellable, GError **error);

/**
 * bz_run_in_thread:
 * @source_object: (nullable): kept alive until @callback runs
 * @data: (transfer full): handed to @func, freed with @data_free afterwards
 * @result_free: frees an unclaimed result
 * Runs @func(@data) on a GTask worker thread and calls @callback on the
 * calling thread's main context.  When @cancellable was cancelled, finishing
 * answers G_IO_ERROR_CANCELLED whatever @func returned.
 */
void     bz_run_in_thread        (gpointer            source_object,
                                  GCancellable       *cancellable,
                                  BzWorkFunc          func,
                                  gpointer            data,
                                  GDestroyNotify      data_free,
                                  GDestroyNotify      result_free,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data);
/** bz_run_in_thread_finish: Returns: (transfer full): what the work function returned. */
gpointer bz_run_in_thread_finish (GAsyncResult *result, GError **error);

/** bz_is_cancelled: Returns: %TRUE when @error is G_IO_ERROR_CANCELLED. */
gboolean bz_is_cancelled (const GError *error);

/**
 * bz_list_box_remove_rows:
 * @list: a #GtkListBox
 *
 * Removes every row of @list and keeps its placeholder (a child too: removing
 * children one by one took it away). GTK 4.12's gtk_list_box_remove_all()
 * does this; Debian 12 has GTK 4.8.
 */
void     bz_list_box_remove_rows (GtkListBox *list);

/** bz_parse_datetime: Returns: (transfer full) (nullable): @iso8601 (UTC when no zone) in local time. */
GDateTime  *bz_parse_datetime (const char *iso8601);
/** bz_format_date: Returns: (transfer full): e.g. "12 Mar 2025", local time; "—" when unparsable. */
char       *bz_format_date    (const char *iso8601);

/**
 * bz_food_display_name:
 * @description: (nullable): the food's SR28 English description
 * @name_es: (nullable): its Spanish (Mexico) name, when Balanza has one
 *
 * Returns: (transfer none) (nullable): @name_es when the interface speaks
 *   Spanish (the catalogue says so) and the food has one, else @description.
 */
const char *bz_food_display_name (const char *description, const char *name_es);

/**
 * bz_exercise_display_name:
 * @name_en: (nullable): the exercise's English name (data/exercises)
 * @name_es: (nullable): its Spanish (Mexico) name
 *
 * The same choice as bz_food_display_name(), for the exercise library.
 *
 * Returns: (transfer none) (nullable): @name_es when the interface speaks
 *   Spanish and the exercise has one, else @name_en.
 */
const char *bz_exercise_display_name (const char *name_en, const char *name_es);

/**
 * bz_date_time_format:
 * @format: a g_date_time_format() format
 *
 * Like g_date_time_format(), with %B and %b (month names) and %A and %a
 * (weekday names) taken from Balanza's own translations instead of the C
 * library's locale, which a desk may not have installed.
 *
 * Returns: (transfer full): the text.
 */
char       *bz_date_time_format (GDateTime *dt, const char *format);
/** bz_format_time: Returns: (transfer full): e.g. "14:05", local time. */
char       *bz_format_time    (const char *iso8601);

/** bz_meal_type_label: Returns: (transfer none): translated "Breakfast", "Lunch", ... */
const char *bz_meal_type_label (const char *meal_type);
/** bz_goal_label: Returns: (transfer none) (nullable): translated primary goal. */
const char *bz_goal_label      (const char *primary_goal);

/** bz_texture_new_scaled: decodes @bytes (any gdk-pixbuf format) scaled to fit @size px.
 * Thread-safe. Returns: (transfer full) (nullable). */
GdkTexture *bz_texture_new_scaled (GBytes *bytes, int size, GError **error);

/**
 * bz_form_header_new:
 * @window: the form's window; Cancel closes it
 * @save: (out): the Save button (suggested, "Save (Ctrl+S)")
 * @save_cb: called with @data when Save is clicked
 * Returns: (transfer floating): a header bar with Cancel and Save and no
 *   window buttons: the desk's forms (profile, body scan, meal correction).
 */
GtkWidget  *bz_form_header_new (GtkWindow *window, GtkWidget **save, GCallback save_cb, gpointer data);

/**
 * bz_form_parse_local_time:
 * @date: a date as typed, "YYYY-MM-DD"
 * @time: a time of day as typed, "HH:MM" (24-hour)
 *
 * The desk's date and time fields read as one local time (the time zone of
 * the desk).  No range check beyond the calendar's: the service decides
 * what is too early or in the future.
 *
 * Returns: (transfer full) (nullable): the local time, or %NULL when either
 *   field is not in its form or names no real date or time.
 */
GDateTime  *bz_form_parse_local_time (const char *date, const char *time);

/** bz_form_error_label_new: Returns: (transfer floating): the red, wrapping line a form's refusal is shown in. */
GtkWidget  *bz_form_error_label_new (void);

/**
 * bz_form_error_message:
 * @error: a service's refusal
 * @title_of: (nullable): the form's title for a detail's field path
 * Returns: (transfer full): "Title: message" of the first field detail, or
 *   the error's user message when it has none.
 */
char       *bz_form_error_message (const GError *error, const char *(*title_of) (const char *field));

G_END_DECLS
