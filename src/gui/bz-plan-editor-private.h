/* bz-plan-editor-private.h — what the plan editor's files share:
 * bz-plan-editor.c (window, loading, changes, undo, finalize),
 * bz-plan-editor-grid.c (the grid of days x meal slots and each day's
 * totals) and bz-recipe-search.c. */
#pragma once

#include <adwaita.h>

#include "bz-meal-plan-tasks.h"
#include "bz-plan-editor.h"

G_BEGIN_DECLS

/* A change to the plan, queued and run one at a time; an undone change
 * runs its inverse. */
typedef enum
{
  BZ_PLAN_OP_ADD,
  BZ_PLAN_OP_REMOVE,
  BZ_PLAN_OP_SERVINGS,
  BZ_PLAN_OP_CUSTOMIZE,   /* an ingredient swap (bz-plan-swap.h): not undoable */
} BzPlanOpKind;

typedef struct
{
  BzPlanOpKind kind;
  gint64 day;
  char *meal_name;
  char *recipe_id;
  char *title;
  double servings;       /* ADD: servings added; REMOVE: servings it had; SERVINGS: new */
  double old_servings;   /* SERVINGS: before */
  gboolean is_undo;
  char *focus_key;       /* the widget to focus after the grid is rebuilt */
  char *mod_type;        /* CUSTOMIZE: "omit" or "replace" */
  char *original;        /* CUSTOMIZE: the ingredient's SR28 number */
  char *replacement;     /* CUSTOMIZE: replace: the new food's SR28 number */
  double amount;         /* CUSTOMIZE: replace: grams for the whole recipe */
} BzPlanOp;

struct _BzPlanEditor
{
  AdwWindow parent_instance;

  AdwToastOverlay *toasts;
  AdwWindowTitle *title;
  GtkStack *stack;
  AdwStatusPage *error_page;
  /* start page */
  GtkCalendar *calendar;
  GtkMenuButton *date_button;
  GtkSpinButton *days_spin;
  GtkWidget *plans_group;
  GtkWidget *finalize_button;
  GtkListBox *plans_list;
  /* plan page */
  GtkLabel *hint_label;
  GtkScrolledWindow *grid_scroller;
  GHashTable *focusable;         /* focus key -> widget of the current grid (weak: the grid owns them) */
  GPtrArray *day_total_labels;   /* GtkLabel per day (the grid owns them) */
  char *finalize_hint;

  BzGuiSession *session;
  char *patient_id;
  char *patient_name;
  BzRecord *plan;                /* MealPlan */
  GHashTable *recipes;           /* recipe id -> Recipe record */
  BzRecord *daily;               /* DailyIntake: the patient's targets */
  GListModel *plans;             /* MealPlanSummary records */

  GQueue ops;                    /* BzPlanOp waiting to run; the head runs when op_running */
  gboolean op_running;
  GQueue undo;                   /* BzPlanOp done, newest first */
  GCancellable *cancel;
  guint loading;
  AdwToast *last_toast;
  guint watch_id;                /* bz_services_watch(): a change from elsewhere (a phone, the API) */
  guint refresh_id;
  gboolean refreshing;
  gboolean refresh_again;
};

void       bz_plan_op_free (BzPlanOp *op);

/* bz-plan-editor.c */
void       bz_plan_editor_queue (BzPlanEditor *self, BzPlanOp *op);
gboolean   bz_plan_editor_is_draft (BzPlanEditor *self);
void       bz_plan_editor_plan_row_activated (GtkListBox *list, GtkListBoxRow *row, BzPlanEditor *self);
void       bz_plan_editor_update_date_button (BzPlanEditor *self);
void       bz_plan_editor_create_clicked (BzPlanEditor *self);
void       bz_plan_editor_retry (BzPlanEditor *self);

void       bz_plan_editor_toast (BzPlanEditor *self, const char *text, gboolean undo);
void       bz_plan_editor_error_toast (BzPlanEditor *self, const GError *error);
void       bz_plan_editor_show_plan (BzPlanEditor *self, const char *focus_key);
void       bz_plan_editor_plan_changed (BzPlanEditor *self, const char *focus_key);
void       bz_plan_editor_update_chrome (BzPlanEditor *self);
void       bz_plan_editor_set_plan (BzPlanEditor *self, BzRecord *plan);
void       bz_plan_editor_reload (BzPlanEditor *self, const char *focus_key);
void       bz_plan_editor_load_list (BzPlanEditor *self);
BzServices *bz_plan_editor_services (BzPlanEditor *self);
const BzCaller *bz_plan_editor_caller (BzPlanEditor *self);
const char *bz_plan_status_label (const char *status);

/* bz-plan-editor-ops.c */
void       bz_plan_editor_undo_activated (GtkWidget *widget, const char *action_name, GVariant *param);
void       bz_plan_editor_add_recipe_activated (GtkWidget *widget, const char *action_name, GVariant *param);
void       bz_plan_editor_finalize_activated (GtkWidget *widget, const char *action_name, GVariant *param);

/* bz-plan-editor-build.c: the widgets of the window (header bar, pages) */
void       bz_plan_editor_build (BzPlanEditor *self);

/* bz-plan-editor-grid.c */
void       bz_plan_editor_rebuild_grid (BzPlanEditor *self, const char *focus_key);
guint      bz_plan_editor_count_empty_slots (BzPlanEditor *self);
const char *bz_plan_slot_label (const char *meal_name);
const char *bz_plan_slot_recipe_type (const char *meal_name);

/* bz-recipe-search.c */
GtkWidget *bz_plan_seals_box_new (guint seals);

G_END_DECLS
