/* bz-plan-editor-build.c — the plan editor's widgets: the header bar
 * (new plan, undo, print, finalize), and the pages of its stack: loading,
 * start (a new plan's first day and length, and the patient's plans),
 * plan (the hint line and the scrolling grid), error. */
#include "bz-plan-editor-private.h"

#include <glib/gi18n.h>

static GtkWidget *
header_button (const char *icon, const char *label, const char *action, const char *tooltip)
{
  GtkWidget *button = gtk_button_new ();

  if (label)
    {
      GtkWidget *content = adw_button_content_new ();
      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
      adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
      gtk_button_set_child (GTK_BUTTON (button), content);
    }
  else
    gtk_button_set_icon_name (GTK_BUTTON (button), icon);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static GtkWidget *
build_start (BzPlanEditor *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *title = gtk_label_new (_("New Meal Plan"));
  GtkWidget *intro = gtk_label_new (_("Choose the first day and how many days the plan covers. Each day starts with "
                                      "empty meal slots; add recipes to each, then finalize the plan."));
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *date_row = adw_action_row_new ();
  GtkWidget *days_row = adw_action_row_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *create = gtk_button_new_with_mnemonic (_("_Create Plan"));
  GtkWidget *plans;

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_add_css_class (title, "title-1");
  gtk_box_append (GTK_BOX (box), title);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_justify (GTK_LABEL (intro), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_box_append (GTK_BOX (box), intro);

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  self->date_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->date_button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->date_button), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (date_row), _("_First day"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (date_row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (date_row), GTK_WIDGET (self->date_button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (date_row), GTK_WIDGET (self->date_button));
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (bz_plan_editor_update_date_button), self);
  bz_plan_editor_update_date_button (self);

  self->days_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, BZ_MEAL_PLAN_MAX_DAYS, 1));
  gtk_spin_button_set_value (self->days_spin, 7);
  gtk_widget_set_valign (GTK_WIDGET (self->days_spin), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (days_row), _("_Days"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (days_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (days_row), _("1 to 30; a week is usual"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (days_row), GTK_WIDGET (self->days_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (days_row), GTK_WIDGET (self->days_spin));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->days_spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Days"), -1);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), date_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), days_row);
  gtk_box_append (GTK_BOX (box), group);

  gtk_widget_add_css_class (create, "pill");
  gtk_widget_add_css_class (create, "suggested-action");
  gtk_widget_set_halign (create, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (create, "clicked", G_CALLBACK (bz_plan_editor_create_clicked), self);
  gtk_box_append (GTK_BOX (box), create);

  self->plans_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->plans_group), _("The Patient's Plans"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->plans_group),
                                         _("Newest first; a draft that was not finalized expires after 7 days."));
  plans = gtk_list_box_new ();
  self->plans_list = GTK_LIST_BOX (plans);
  gtk_list_box_set_selection_mode (self->plans_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (plans, "boxed-list");
  g_signal_connect (plans, "row-activated", G_CALLBACK (bz_plan_editor_plan_row_activated), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->plans_group), plans);
  gtk_widget_set_visible (self->plans_group, FALSE);
  gtk_box_append (GTK_BOX (box), self->plans_group);

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  return scroller;
}

static GtkWidget *
build_plan (BzPlanEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *hint_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");

  gtk_widget_add_css_class (hint_box, "plan-hint");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (hint_box), icon);
  self->hint_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_wrap (self->hint_label, TRUE);
  gtk_label_set_xalign (self->hint_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->hint_label), TRUE);
  gtk_box_append (GTK_BOX (hint_box), GTK_WIDGET (self->hint_label));
  gtk_box_append (GTK_BOX (box), hint_box);

  self->grid_scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->grid_scroller, GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (GTK_WIDGET (self->grid_scroller), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->grid_scroller));
  return box;
}

void
bz_plan_editor_build (BzPlanEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *retry = gtk_button_new_with_mnemonic (_("_Try Again"));

  gtk_window_set_title (GTK_WINDOW (self), _("Meal Plan"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 860);
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Meal Plan"), ""));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             header_button ("document-new-symbolic", NULL, "editor.new", _("New plan (Ctrl+N)")));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             header_button ("edit-undo-symbolic", NULL, "editor.undo", _("Undo the last change (Ctrl+Z)")));
  self->finalize_button = header_button ("emblem-ok-symbolic", _("_Finalize…"), "editor.finalize", NULL);
  gtk_widget_add_css_class (self->finalize_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->finalize_button);
  /* Print and PDF export (bz-plan-print.h; print_activated() in bz-plan-editor.c). */
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           header_button ("document-print-symbolic", NULL, "editor.print",
                                          _("Print or export as PDF (Ctrl+P)")));
  gtk_box_append (GTK_BOX (box), header);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_stack_add_named (self->stack, spinner, "loading");
  gtk_stack_add_named (self->stack, build_start (self), "start");
  gtk_stack_add_named (self->stack, build_plan (self), "plan");
  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->error_page, _("Could Not Load the Meal Plan"));
  gtk_widget_add_css_class (retry, "pill");
  gtk_widget_set_halign (retry, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (retry, "clicked", G_CALLBACK (bz_plan_editor_retry), self);
  adw_status_page_set_child (self->error_page, retry);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");
  gtk_stack_set_visible_child_name (self->stack, "loading");
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
}
