/* bz-shortcuts.c — the desk's keyboard shortcuts (bz-shortcuts.h). */
#include "bz-shortcuts.h"

#include <glib/gi18n.h>

/* Entries without an action are bound where the comment says; keep them in
 * step with that code. */
static const BzShortcut shortcuts[] = {
  { N_("General"), N_("Search patients"), "<Control>f", "win.search", NULL },
  { NULL, N_("New patient (patient list)"), "<Control>n", NULL, NULL },
  { NULL, N_("Open the selected patient"), "Return", NULL, NULL },   /* GtkListView activate */
  /* Escape: bz-patient-page.c binds it to win.back */
  { NULL, N_("Back to patients"), "<Alt>Left Escape", "win.back", "<Alt>Left <Alt>KP_Left" },
  { NULL, N_("Add a meal (patient record)"), "<Control>n", "win.add-meal", NULL },
  { NULL, N_("Refresh"), "F5 <Control>r", "win.refresh", NULL },
  { NULL, N_("Inbox: patients' messages and notifications"), "<Control>i", "win.inbox", NULL },
  { NULL, N_("Main menu"), "F10", NULL, NULL },                     /* GtkMenuButton:primary */
  { NULL, N_("Preferences"), "<Control>comma", "win.preferences", NULL },
  { NULL, N_("Keyboard shortcuts"), "<Control>question", "win.show-help-overlay", NULL },
  { NULL, N_("Help"), "F1", "win.help", NULL },
  { NULL, N_("Quit"), "<Control>q", "win.quit", NULL },

  /* bz-patient-page.c */
  { N_("Patient Record"), N_("Previous day"), "<Control>Page_Up", NULL, NULL },
  { NULL, N_("Next day"), "<Control>Page_Down", NULL, NULL },
  { NULL, N_("Open the meal plan"), "<Shift><Control>p", NULL, NULL },
  { NULL, N_("Print the progress report"), "<Control>p", NULL, NULL },
  { NULL, N_("Edit the patient"), "<Control>e", NULL, NULL },
  { NULL, N_("Add a body scan"), "<Shift><Control>s", NULL, NULL },
  { NULL, N_("Pair a phone"), "<Shift><Control>d", NULL, NULL },

  /* bz-avatar-view.c */
  { N_("3D Avatar"), N_("Turn the body"), "Left Right", NULL, NULL },
  { NULL, N_("Look from above or below"), "Up Down", NULL, NULL },
  { NULL, N_("Zoom in and out"), "plus minus", NULL, NULL },
  { NULL, N_("Reset the view"), "Home", NULL, NULL },

  /* bz-meal-dialog.c, bz-food-picker.c */
  { N_("Add Meal"), N_("Add the first matching food"), "Return", NULL, NULL },
  { NULL, N_("Save the meal"), "<Control>s", NULL, NULL },
  { NULL, N_("Cancel"), "Escape", NULL, NULL },

  /* bz-plan-editor.c */
  { N_("Meal Plan Editor"), N_("Undo"), "<Control>z", NULL, NULL },
  { NULL, N_("New plan"), "<Control>n", NULL, NULL },
  { NULL, N_("Finalize the plan"), "<Control>Return", NULL, NULL },
  { NULL, N_("Print the plan"), "<Control>p", NULL, NULL },
  { NULL, N_("Close the editor"), "<Control>w", NULL, NULL },
};

const BzShortcut *
bz_shortcuts_get_table (guint *n_shortcuts)
{
  *n_shortcuts = G_N_ELEMENTS (shortcuts);
  return shortcuts;
}

void
bz_shortcuts_add_bindings (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      const BzShortcut *s = &shortcuts[i];
      g_auto(GStrv) accels = NULL;

      if (s->action == NULL)
        continue;
      accels = g_strsplit (s->bound ? s->bound : s->shown, " ", -1);
      for (guint j = 0; accels[j]; j++)
        {
          guint key = 0;
          GdkModifierType mods = 0;

          if (!gtk_accelerator_parse (accels[j], &key, &mods))
            g_error ("bz-shortcuts: cannot parse %s", accels[j]);
          gtk_widget_class_add_binding_action (widget_class, key, mods, s->action, NULL);
        }
    }
}

/* GtkShortcutsWindow has no API to add sections before GTK 4.14: it is built
 * from GtkBuilder text. */
GtkWindow *
bz_shortcuts_window_new (GtkWindow *parent)
{
  g_autoptr(GString) ui = g_string_new ("<interface><object class=\"GtkShortcutsWindow\" id=\"window\">"
                                        "<property name=\"modal\">true</property><child>"
                                        "<object class=\"GtkShortcutsSection\">"
                                        "<property name=\"section-name\">shortcuts</property>"
                                        "<property name=\"max-height\">12</property>");
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      const BzShortcut *s = &shortcuts[i];
      g_autofree char *item = NULL;

      if (s->group)
        {
          g_autofree char *group = g_markup_printf_escaped ("<child><object class=\"GtkShortcutsGroup\">"
                                                            "<property name=\"title\">%s</property>", _(s->group));
          if (i > 0)
            g_string_append (ui, "</object></child>");
          g_string_append (ui, group);
        }
      item = g_markup_printf_escaped ("<child><object class=\"GtkShortcutsShortcut\">"
                                      "<property name=\"title\">%s</property>"
                                      "<property name=\"accelerator\">%s</property></object></child>",
                                      _(s->title), s->shown);
      g_string_append (ui, item);
    }
  g_string_append (ui, "</object></child></object></child></object></interface>");

  builder = gtk_builder_new ();
  if (!gtk_builder_add_from_string (builder, ui->str, ui->len, &error))
    g_error ("bz-shortcuts: %s", error->message);
  window = GTK_WINDOW (gtk_builder_get_object (builder, "window"));
  if (parent)
    gtk_window_set_transient_for (window, parent);
  return window;
}
