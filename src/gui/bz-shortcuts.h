/* bz-shortcuts.h — the desk's keyboard shortcuts: one table that both binds the
 * window's own shortcuts and lists every shortcut in the Keyboard Shortcuts
 * window (GtkShortcutsWindow, Ctrl+?). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * BzShortcut:
 * @group: (nullable): a group title, marked with N_(); a %NULL group continues the previous one
 * @title: what the shortcut does, marked with N_()
 * @shown: the accelerators the shortcuts window shows, in gtk_accelerator_parse()
 *   syntax, space-separated ("F5 <Control>r")
 * @action: (nullable): the window's installed action it runs (bz-window.c), bound
 *   by bz_shortcuts_add_bindings(); %NULL when the widget named in the table's
 *   comment binds it itself (the shortcut is only listed)
 * @bound: (nullable): the accelerators bound to @action when they are not
 *   exactly @shown (e.g. also the keypad's arrow)
 */
typedef struct
{
  const char *group;
  const char *title;
  const char *shown;
  const char *action;
  const char *bound;
} BzShortcut;

/**
 * bz_shortcuts_get_table:
 * @n_shortcuts: (out): how many
 *
 * Returns: (transfer none) (array length=n_shortcuts): every shortcut of the
 *   desk, in the order the shortcuts window lists them.
 */
const BzShortcut *bz_shortcuts_get_table (guint *n_shortcuts);

/**
 * bz_shortcuts_add_bindings:
 * @widget_class: the window's class (BzWindow)
 *
 * Adds a binding (gtk_widget_class_add_binding_action()) for every accelerator
 * of every entry with an action.  Each accelerator must parse; a bad one is a
 * programming error (g_error()).
 */
void              bz_shortcuts_add_bindings (GtkWidgetClass *widget_class);

/**
 * bz_shortcuts_window_new:
 * @parent: (nullable): the window it belongs to (modal, transient for it)
 *
 * Builds the Keyboard Shortcuts window from the table, with translated titles.
 *
 * Returns: (transfer none): a new GtkShortcutsWindow, not yet shown; it is
 *   destroyed when closed.
 */
GtkWindow        *bz_shortcuts_window_new (GtkWindow *parent);

G_END_DECLS
