/* bz-patient-page-private.h — what bz-patient-page.c and bz-patient-page-day.c share:
 * the instance struct and the few functions one file calls in the other. */
#pragma once

#include <adwaita.h>

#include "bz-patient-page.h"
#include "bz-measurements-chart.h"
#include "bz-nutrition-bars.h"
#include "bz-intake-history.h"
#include "bz-challenge-board.h"
#include "bz-plan-today.h"
#include "bz-patient-notes.h"
#include "bz-kiosk-progress.h"

G_BEGIN_DECLS

struct _BzPatientPage
{
  GtkWidget parent_instance;

  AdwWindowTitle *window_title;
  GtkWidget *back_button;
  GtkWidget *add_meal_button;
  GtkWidget *plan_button;
  GtkWidget *report_button;
  GtkWidget *ai_plans_button;
  GtkWidget *pair_button;     /* patient.pair-phone (issue 9) */
  GtkWidget *add_scan_button;
  GtkWidget *sign_out_button;
  GtkScrolledWindow *scroller;
  AdwLeaflet *columns;          /* body | nutrition; folds when narrow */
  GtkWidget *pane_switcher;     /* shown while folded */
  GtkWidget *body_pane;
  GtkToggleButton *body_toggle, *nutrition_toggle;
  guint panes_idle;             /* update_panes() pending */
  GtkLabel *avatar_caption;
  GtkStack *avatar_stack;
  BzAvatarView *avatar_view;
  AdwStatusPage *avatar_status;
  GtkWidget *reset_view_button;
  GtkWidget *avatar_hint;
  GtkListBox *scans_list;
  GtkStack *chart_stack;
  BzMeasurementsChart *chart;
  GtkLabel *date_label;
  GtkLabel *intake_title;
  GtkLabel *meals_title;
  GtkLabel *meals_empty_title;  /* the meals list's placeholder title */
  BzNutritionBars *nutrition_bars;
  GtkLabel *targets_label;
  GtkListBox *meals_list;
  BzPlanToday *plan_today;   /* today's meal plan (bz-plan-today.c) */
  BzChallengeBoard *challenge_board;   /* the kiosk's leaderboard (bz-challenge-board.c) */
  BzIntakeHistory *intake_history;  /* a week or a month against the targets (bz-intake-history.c) */
  BzPatientNotes *patient_notes;  /* notes and appointments (bz-patient-notes.c) */
  BzKioskProgress *progress;  /* the kiosk's morph between scans (bz-kiosk-progress.c) */

  BzGuiSession *session;
  gboolean kiosk;
  char *patient_id;
  char *name;
  char *email;

  BzRecord *scans;          /* the last ScanList record: the history list is bound to its "scans" */
  BzRecord *daily;          /* the last DailyIntake record: intake, targets, meals */
  char *shown_avatar_id;
  guint n_meals;
  int day_offset;           /* the day shown: 0 today, -1 yesterday, ... */
  guint n_scans;

  GCancellable *scans_cancel;
  GCancellable *daily_cancel;
  GCancellable *avatar_cancel;
  GCancellable *info_cancel;
  gboolean loading_info, loading_scans, loading_daily, loading_avatar;

  GtkWindow *plan_editor;   /* weak: the open meal-plan editor (bz-plan-editor.h) */
  AdwToastOverlay *toasts;  /* around the page's content: the delete's Undo */
  AdwToast *delete_toast;   /* weak: the newest "Meal deleted" toast */

  guint watch_id;
  guint scans_refresh;
  guint daily_refresh;
};

GCancellable *bz_patient_page_renew (GCancellable **cancellable);

/* bz-patient-page.c */
void bz_patient_page_load_info (BzPatientPage *self);

/* bz-patient-page-actions.c: the report, editing the patient, the meal plan */
void bz_patient_page_print_report_activated (GtkWidget *widget, const char *action_name, GVariant *param);
/* patient.pair-phone (Shift+Ctrl+D): "Pair a phone" for the patient (bz-pairing-dialog.h). */
void bz_patient_page_pair_phone_activated (GtkWidget *widget, const char *action_name, GVariant *param);
void bz_patient_page_ai_plans_activated (GtkWidget *widget, const char *action_name, GVariant *param);
/* patient.reset-password: a one-time password-reset code for the patient, shown once. */
void bz_patient_page_reset_password_activated (GtkWidget *widget, const char *action_name, GVariant *param);
void bz_patient_page_edit_patient_activated (GtkWidget *widget, const char *action_name, GVariant *param);
void bz_patient_page_open_plan_activated (GtkWidget *widget, const char *action_name, GVariant *param);
void bz_patient_page_close_plan_editor (BzPatientPage *self);
void bz_patient_page_add_scan_activated (GtkWidget *widget, const char *action_name, GVariant *param);

/* bz-patient-page-day.c: today's intake and meals */
void bz_patient_page_clear_meals (BzPatientPage *self);
void bz_patient_page_load_daily (BzPatientPage *self);
GtkWidget *bz_patient_page_meals_placeholder_new (GtkLabel **out_title);
void bz_patient_page_delete_meal_activated (GtkWidget *widget, const char *action_name, GVariant *param);
void bz_patient_page_edit_meal_activated (GtkWidget *widget, const char *action_name, GVariant *param);
void bz_patient_page_day_activated (GtkWidget *widget, const char *action_name, GVariant *param);

/* The two panes (bz-patient-page-actions.c): the switcher follows the
 * leaflet, the leaflet follows the switcher. */
void bz_patient_page_panes_changed (BzPatientPage *self);
void bz_patient_page_pane_toggled  (BzPatientPage *self);

G_END_DECLS
