/* test-plan-editor.c — the meal-plan editor on a real window and store (suite 'gui').
 *
 * Under Xvfb: start the runtime with the demo clinic, sign in as the demo
 * nutritionist, open the first patient, open the plan editor from the
 * patient page's action, create a 7-day draft, and fill every meal slot of
 * every day through the recipe search window (search, choose a result).
 * Then: each day's total shown equals the service's roll-up (and the sum of
 * the day's recipes); a servings change through the grid's spin button
 * reaches the store and undoes; an extra recipe added and undone is gone
 * from the store; Finalize makes the plan the patient's active plan
 * (patient file and plan list).  The async wrappers answer
 * UNAUTHENTICATED without a caller and CANCELLED when cancelled.
 *
 * Screenshots: tests/gui/test-plan-editor-*.png in the build dir; with
 * $BALANZA_SCREENSHOT_DIR also plan-editor.png, plan-editor-800x600.png,
 * plan-editor-search.png and plan-editor-start.png there (docs/screenshots/es
 * with LANGUAGE=es, docs/screenshots/en without).
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "bz-application.h"
#include "bz-food-service.h"
#include "bz-meal-plan-tasks.h"
#include "bz-patient-service.h"
#include "bz-plan-editor.h"
#include "bz-recipe-search.h"
#include "bz-recipe-service.h"
#include "bz-runtime.h"
#include "bz-startup.h"
#include "bz-window.h"
#include "bz-gui-test.h"
#include "bz-test-util.h"

#define DEMO_EMAIL    "demo@balanza.local"
#define DEMO_PASSWORD "Demo-2026!"
#define PLAN_DAYS 7

static void
save_png (GtkWidget *window, const char *build_name, const char *docs_name)
{
  g_autoptr(GdkTexture) texture = bz_gui_test_screenshot (window);
  const char *docs_dir = g_getenv ("BALANZA_SCREENSHOT_DIR");
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "gui", build_name, NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s (%dx%d)", path, gdk_texture_get_width (texture), gdk_texture_get_height (texture));
  if (docs_dir && *docs_dir && docs_name)
    {
      g_autofree char *docs_path = g_build_filename (docs_dir, docs_name, NULL);
      g_mkdir_with_parents (docs_dir, 0755);
      g_assert_true (gdk_texture_save_to_png (texture, docs_path));
      g_test_message ("screenshot: %s", docs_path);
    }
}

static void
keep_result (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static BzPlanEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (BZ_IS_PLAN_EDITOR (w))
        return BZ_PLAN_EDITOR (w);
    }
  return NULL;
}

/* The plan as the store has it now (bz_meal_plans_get_async). */
static BzRecord *
stored_plan (BzGuiSession *session, const char *draft_id)
{
  BzServices *svc = bz_gui_session_get_services (session);
  g_autoptr(GError) error = NULL;
  GAsyncResult *res = NULL;
  BzRecord *plan;

  bz_meal_plans_get_async (svc, bz_gui_session_get_caller (session), draft_id, NULL, keep_result, &res);
  WAIT_FOR (res != NULL, 30, "the stored plan");
  plan = bz_meal_plans_get_finish (svc, res, &error);
  g_object_unref (res);
  g_assert_no_error (error);
  return plan;
}

static BzRecord *
slot_of (BzRecord *plan, guint day, guint index)
{
  BzRecord *d = bz_record_get_item (plan, BZ_MEAL_PLAN_SUGGESTIONS, day - 1);
  return bz_record_get_item (d, BZ_PLAN_DAY_MEALS, index);
}

static gboolean
slot_has (BzRecord *slot, const char *recipe_id, double *out_servings)
{
  for (guint i = 0; i < bz_record_get_n_items (slot, BZ_PLAN_MEAL_RECIPES); i++)
    {
      BzRecord *r = bz_record_get_item (slot, BZ_PLAN_MEAL_RECIPES, i);
      if (g_strcmp0 (bz_record_get_string (r, BZ_PLAN_RECIPE_ID), recipe_id) == 0)
        {
          if (out_servings)
            *out_servings = bz_record_get_double (r, BZ_PLAN_RECIPE_SERVINGS);
          return TRUE;
        }
    }
  return FALSE;
}

/* Adds search result @index to the slot through the search window. */
static void
add_through_search (BzPlanEditor *editor, guint day, const char *meal, guint index, const char *text,
                    gboolean screenshot_it)
{
  BzRecipeSearch *search = bz_plan_editor_open_search (editor, day, meal);
  guint n;

  g_object_add_weak_pointer (G_OBJECT (search), (gpointer *) &search);
  if (text)
    bz_recipe_search_set_text (search, text);
  WAIT_FOR (!bz_recipe_search_is_busy (search) && bz_recipe_search_get_n_results (search) > 0, 30, "recipe results");
  n = bz_recipe_search_get_n_results (search);
  if (screenshot_it)
    {
      bz_gui_test_settle (400);
      save_png (GTK_WIDGET (search), "test-plan-editor-search.png", "plan-editor-search.png");
    }
  bz_recipe_search_choose (search, index % n);
  WAIT_FOR (search == NULL, 10, "the search window to close");
  WAIT_FOR (!bz_plan_editor_is_busy (editor), 30, "the recipe to be added");
}

static void
collect_spins (GtkWidget *widget, GPtrArray *out)
{
  if (GTK_IS_SPIN_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "edit"))
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_spins (c, out);
}

/* The scrolled window of the grid: the one whose viewport holds a GtkGrid. */
static GtkScrolledWindow *
find_grid_scroller (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkWidget *child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget));
      if (GTK_IS_VIEWPORT (child) && GTK_IS_GRID (gtk_viewport_get_child (GTK_VIEWPORT (child))))
        return GTK_SCROLLED_WINDOW (widget);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkScrolledWindow *found = find_grid_scroller (c);
      if (found)
        return found;
    }
  return NULL;
}

/* Every day's total as shown equals the service's roll-up, which equals the
 * sum of the day's recipes. */
static void
assert_day_totals (BzPlanEditor *editor, BzRecord *plan)
{
  BzRecord *summary = bz_record_get_object (plan, BZ_MEAL_PLAN_NUTRITION);

  g_assert_cmpuint (bz_record_get_n_items (summary, BZ_PLAN_NUTRITION_SUMMARY_DAY_WISE), ==, PLAN_DAYS);
  for (guint d = 1; d <= PLAN_DAYS; d++)
    {
      BzRecord *dw = bz_record_get_item (summary, BZ_PLAN_NUTRITION_SUMMARY_DAY_WISE, d - 1);
      BzRecord *day = bz_record_get_item (plan, BZ_MEAL_PLAN_SUGGESTIONS, d - 1);
      BzPlanTotals rolled = { 0 }, summed = { 0 };
      const char *shown = bz_plan_editor_get_day_total_text (editor, d);
      double shown_kcal;

      g_assert_cmpint (bz_record_get_int (dw, BZ_PLAN_DAY_NUTRITION_DAY), ==, d);
      bz_plan_nutrition_read (bz_record_get_object (dw, BZ_PLAN_DAY_NUTRITION_DAY_TOTAL), &rolled, 1.0);
      for (guint m = 0; m < bz_record_get_n_items (day, BZ_PLAN_DAY_MEALS); m++)
        {
          BzRecord *meal = bz_record_get_item (day, BZ_PLAN_DAY_MEALS, m);
          for (guint r = 0; r < bz_record_get_n_items (meal, BZ_PLAN_MEAL_RECIPES); r++)
            bz_plan_nutrition_read (bz_record_get_object (bz_record_get_item (meal, BZ_PLAN_MEAL_RECIPES, r),
                                                          BZ_PLAN_RECIPE_NUTRITION), &summed, 1.0);
        }
      g_assert_nonnull (shown);
      shown_kcal = g_ascii_strtod (shown, NULL);
      g_test_message ("day %u: shown \"%s\", roll-up %.1f kcal, recipes %.1f kcal", d, shown, rolled.kcal, summed.kcal);
      g_assert_cmpfloat (rolled.kcal, >, 0);
      g_assert_cmpfloat (fabs (shown_kcal - rolled.kcal), <=, 0.5);
      g_assert_cmpfloat (fabs (summed.kcal - rolled.kcal), <=, 0.1 * bz_record_get_n_items (day, BZ_PLAN_DAY_MEALS) + 0.1);
      g_assert_cmpfloat (fabs (summed.protein_g - rolled.protein_g), <=, 0.5);
    }
}

static void
check_wrappers (BzGuiSession *session, const char *draft_id)
{
  BzServices *svc = bz_gui_session_get_services (session);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GAsyncResult *res = NULL;

  bz_meal_plans_get_async (svc, NULL, draft_id, NULL, keep_result, &res);
  WAIT_FOR (res != NULL, 30, "a plan without a caller");
  g_assert_null (bz_meal_plans_get_finish (svc, res, &error));
  g_clear_object (&res);
  g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
  g_clear_error (&error);

  g_cancellable_cancel (cancelled);
  bz_meal_plans_list_for_patient_async (svc, bz_gui_session_get_caller (session), NULL, cancelled, keep_result, &res);
  WAIT_FOR (res != NULL, 30, "a cancelled plan list");
  g_assert_null (bz_meal_plans_list_for_patient_finish (svc, res, &error));
  g_clear_object (&res);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  bz_meal_plans_set_servings_async (svc, bz_gui_session_get_caller (session), draft_id, 1, "breakfast", "x", 25,
                                    NULL, keep_result, &res);
  WAIT_FOR (res != NULL, 30, "servings out of range");
  g_assert_null (bz_meal_plans_set_servings_finish (svc, res, &error));
  g_clear_object (&res);
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
}

static void
test_plan_editor (void)
{
  g_autofree char *data_dir = bz_test_tmpdir ("balanza-plan-gui");
  BzRuntimeOptions opts = { 0 };
  BzRuntime *runtime = NULL;
  BzWindow *window;
  BzSignInPage *sign_in;
  BzPatientsPage *patients;
  BzPatientPage *patient;
  BzGuiSession *session;
  BzPlanEditor *editor;
  g_autoptr(BzRecord) first = NULL, plan = NULL;
  g_autofree char *draft_id = NULL, *patient_id = NULL, *today = NULL, *extra_id = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint n_slots;

  opts.data_dir = g_strdup (data_dir);
  opts.port = 0;
  opts.bind = g_strdup ("127.0.0.1");
  opts.demo = TRUE;

  window = bz_window_new (NULL, FALSE);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  bz_gui_test_window = GTK_WIDGET (window);
  gtk_window_present (GTK_WINDOW (window));
  bz_startup_run (window, &opts, NULL, bz_gui_test_runtime_done, &runtime);
  WAIT_FOR (runtime != NULL, 240, "the runtime (food import, demo clinic, server)");
  session = bz_window_get_session (window);

  /* 1. the demo nutritionist signs in and opens the first patient */
  sign_in = bz_window_get_sign_in_page (window);
  gtk_editable_set_text (bz_sign_in_page_get_email_entry (sign_in), DEMO_EMAIL);
  gtk_editable_set_text (bz_sign_in_page_get_password_entry (sign_in), DEMO_PASSWORD);
  bz_gui_test_activate_entry (bz_sign_in_page_get_password_entry (sign_in));
  WAIT_FOR (g_strcmp0 (bz_window_get_page_name (window), "patients") == 0, 30, "the patients page");
  patients = bz_window_get_patients_page (window);
  WAIT_FOR (!bz_patients_page_is_loading (patients)
            && g_list_model_get_n_items (bz_patients_page_get_model (patients)) > 0, 30, "the patient list");
  first = g_list_model_get_item (bz_patients_page_get_model (patients), 0);
  patient_id = g_strdup (bz_record_get_string (first, BZ_PATIENT_SUMMARY_ID));
  bz_patients_page_activate_row (patients, 0);
  patient = bz_window_get_patient_page (window);
  WAIT_FOR (!bz_patient_page_is_loading (patient), 60, "the patient page");

  /* 2. the patient page's Meal Plan action opens the editor: no plan yet */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (patient), "patient.open-plan", NULL));
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  bz_gui_test_window = GTK_WIDGET (editor);
  WAIT_FOR (!bz_plan_editor_is_busy (editor), 30, "the editor to load");
  if (g_strcmp0 (bz_plan_editor_get_state (editor), "plan") == 0)
    /* the demo patient already has a plan: start a new one, as the header's button does */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.new", NULL));
  g_assert_cmpstr (bz_plan_editor_get_state (editor), ==, "start");
  bz_gui_test_settle (400);
  save_png (GTK_WIDGET (editor), "test-plan-editor-start.png", "plan-editor-start.png");
  /* the same action again presents the same editor */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (patient), "patient.open-plan", NULL));
  g_assert_true (find_editor () == editor);

  /* 3. a 7-day draft from today */
  today = g_date_time_format (now, "%Y-%m-%d");
  bz_plan_editor_create (editor, today, PLAN_DAYS);
  WAIT_FOR (!bz_plan_editor_is_busy (editor) && g_strcmp0 (bz_plan_editor_get_state (editor), "plan") == 0, 30,
            "the new draft");
  plan = g_object_ref (bz_plan_editor_get_plan (editor));
  draft_id = g_strdup (bz_record_get_string (plan, BZ_MEAL_PLAN_ID));
  g_assert_cmpstr (bz_record_get_string (plan, BZ_MEAL_PLAN_STATUS), ==, "draft");
  g_assert_cmpint (bz_record_get_int (plan, BZ_MEAL_PLAN_DURATION_DAYS), ==, PLAN_DAYS);
  g_assert_cmpuint (bz_record_get_n_items (plan, BZ_MEAL_PLAN_SUGGESTIONS), ==, PLAN_DAYS);
  n_slots = bz_record_get_n_items (bz_record_get_item (plan, BZ_MEAL_PLAN_SUGGESTIONS, 0), BZ_PLAN_DAY_MEALS);
  g_assert_cmpuint (n_slots, >=, 3);
  /* Finalize is off, and says why */
  g_assert_cmpstr (bz_plan_editor_get_finalize_hint (editor), !=, "");
  g_test_message ("finalize hint: %s", bz_plan_editor_get_finalize_hint (editor));

  /* 4. a recipe in every slot of every day, through the search window */
  for (guint d = 1; d <= PLAN_DAYS; d++)
    for (guint s = 0; s < n_slots; s++)
      {
        g_autofree char *meal = g_strdup (bz_record_get_string (slot_of (bz_plan_editor_get_plan (editor), d, s),
                                                                BZ_PLAN_MEAL_MEAL_NAME));
        add_through_search (editor, d, meal, d + 3 * s, NULL, d == 1 && s == 0);
        g_assert_cmpuint (bz_record_get_n_items (slot_of (bz_plan_editor_get_plan (editor), d, s),
                                                 BZ_PLAN_MEAL_RECIPES), ==, 1);
      }
  g_assert_cmpstr (bz_plan_editor_get_finalize_hint (editor), ==, "");

  /* 5. the totals shown are the service's roll-up */
  g_clear_object (&plan);
  plan = stored_plan (session, draft_id);
  assert_day_totals (editor, plan);

  /* 6. servings through the grid's spin button (Enter commits), then undo */
  {
    g_autoptr(GPtrArray) spins = g_ptr_array_new ();
    const char *id = bz_record_get_string (bz_record_get_item (slot_of (plan, 1, 0), BZ_PLAN_MEAL_RECIPES, 0),
                                           BZ_PLAN_RECIPE_ID);
    g_autofree char *recipe_id = g_strdup (id);
    double servings = 0;

    collect_spins (GTK_WIDGET (editor), spins);
    g_assert_cmpuint (spins->len, ==, PLAN_DAYS * n_slots);
    gtk_spin_button_set_value (g_ptr_array_index (spins, 0), 2.5);
    bz_gui_test_activate_entry (GTK_EDITABLE (g_ptr_array_index (spins, 0)));   /* Enter */
    WAIT_FOR (!bz_plan_editor_is_busy (editor), 30, "the servings change");
    g_clear_object (&plan);
    plan = stored_plan (session, draft_id);
    g_assert_true (slot_has (slot_of (plan, 1, 0), recipe_id, &servings));
    g_assert_cmpfloat (servings, ==, 2.5);
    assert_day_totals (editor, plan);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
    WAIT_FOR (!bz_plan_editor_is_busy (editor), 30, "the servings undo");
    g_clear_object (&plan);
    plan = stored_plan (session, draft_id);
    g_assert_true (slot_has (slot_of (plan, 1, 0), recipe_id, &servings));
    g_assert_cmpfloat (servings, ==, 1.0);
  }

  /* 7. an extra recipe in day 2's first slot, then Undo: gone from the store */
  {
    BzRecord *before = slot_of (bz_plan_editor_get_plan (editor), 2, 0);
    g_autofree char *meal = g_strdup (bz_record_get_string (before, BZ_PLAN_MEAL_MEAL_NAME));
    BzRecord *after;

    add_through_search (editor, 2, meal, 0, "frijol", FALSE);
    after = slot_of (bz_plan_editor_get_plan (editor), 2, 0);
    if (bz_record_get_n_items (after, BZ_PLAN_MEAL_RECIPES) == 1)
      {
        /* the first bean recipe was the one already there: take the next */
        add_through_search (editor, 2, meal, 1, "frijol", FALSE);
        after = slot_of (bz_plan_editor_get_plan (editor), 2, 0);
      }
    g_assert_cmpuint (bz_record_get_n_items (after, BZ_PLAN_MEAL_RECIPES), ==, 2);
    extra_id = g_strdup (bz_record_get_string (bz_record_get_item (after, BZ_PLAN_MEAL_RECIPES, 1), BZ_PLAN_RECIPE_ID));
    g_clear_object (&plan);
    plan = stored_plan (session, draft_id);
    g_assert_true (slot_has (slot_of (plan, 2, 0), extra_id, NULL));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
    WAIT_FOR (!bz_plan_editor_is_busy (editor), 30, "the undo");
    g_clear_object (&plan);
    plan = stored_plan (session, draft_id);
    g_assert_false (slot_has (slot_of (plan, 2, 0), extra_id, NULL));
    g_assert_cmpuint (bz_record_get_n_items (slot_of (plan, 2, 0), BZ_PLAN_MEAL_RECIPES), ==, 1);
    g_assert_false (slot_has (slot_of (bz_plan_editor_get_plan (editor), 2, 0), extra_id, NULL));
  }
  assert_day_totals (editor, plan);
  check_wrappers (session, draft_id);

  /* 7a. the editor's own action adds a recipe (day 1's breakfast into day 5's first slot), undone again */
  {
    g_autofree char *id = g_strdup (bz_record_get_string (bz_record_get_item (slot_of (plan, 1, 0), BZ_PLAN_MEAL_RECIPES, 0),
                                                          BZ_PLAN_RECIPE_ID));
    const char *meal = bz_record_get_string (slot_of (plan, 5, 0), BZ_PLAN_MEAL_MEAL_NAME);
    gboolean already = slot_has (slot_of (plan, 5, 0), id, NULL);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-recipe", "(issd)", 5, meal, id, 0.5));
    WAIT_FOR (!bz_plan_editor_is_busy (editor), 30, "the action's recipe");
    g_clear_object (&plan);
    plan = stored_plan (session, draft_id);
    g_assert_true (slot_has (slot_of (plan, 5, 0), id, NULL));
    if (!already)
      {
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
        WAIT_FOR (!bz_plan_editor_is_busy (editor), 30, "the action's undo");
        g_clear_object (&plan);
        plan = stored_plan (session, draft_id);
        g_assert_false (slot_has (slot_of (plan, 5, 0), id, NULL));
      }
  }

  /* 7b. a change made elsewhere (as a phone's PUT would) appears without a refresh */
  {
    BzServices *svc = bz_gui_session_get_services (session);
    BzRecord *entry = bz_record_get_item (slot_of (plan, 3, 0), BZ_PLAN_MEAL_RECIPES, 0);
    g_autofree char *recipe_id = g_strdup (bz_record_get_string (entry, BZ_PLAN_RECIPE_ID));
    g_autofree char *meal = g_strdup (bz_record_get_string (slot_of (plan, 3, 0), BZ_PLAN_MEAL_MEAL_NAME));
    g_autoptr(GError) error = NULL;
    g_autoptr(BzRecord) changed = NULL;
    GAsyncResult *res = NULL;
    double servings = 0;

    bz_meal_plans_set_servings_async (svc, bz_gui_session_get_caller (session), draft_id, 3, meal, recipe_id, 1.5,
                                      NULL, keep_result, &res);
    WAIT_FOR (res != NULL, 30, "a change from elsewhere");
    changed = bz_meal_plans_set_servings_finish (svc, res, &error);
    g_clear_object (&res);
    g_assert_no_error (error);
    WAIT_FOR (slot_has (slot_of (bz_plan_editor_get_plan (editor), 3, 0), recipe_id, &servings) && servings == 1.5
              && !bz_plan_editor_is_busy (editor), 30, "the editor to follow the change");
    g_clear_object (&plan);
    plan = g_object_ref (changed);
    assert_day_totals (editor, plan);
  }

  /* 7c. an ingredient swap: omit the heaviest ingredient of day 4's first recipe */
  {
    BzServices *svc = bz_gui_session_get_services (session);
    BzRecord *entry = bz_record_get_item (slot_of (plan, 4, 0), BZ_PLAN_MEAL_RECIPES, 0);
    g_autofree char *recipe_id = g_strdup (bz_record_get_string (entry, BZ_PLAN_RECIPE_ID));
    g_autofree char *meal = g_strdup (bz_record_get_string (slot_of (plan, 4, 0), BZ_PLAN_MEAL_MEAL_NAME));
    const char *ids[] = { recipe_id, NULL };
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) recipes = NULL;
    g_autoptr(BzRecord) recipe = NULL;
    BzPlanTotals before = { 0 }, after = { 0 };
    GAsyncResult *res = NULL;
    BzPlanSwap *swap;
    guint heaviest = 0;

    bz_recipes_get_many_async (svc, bz_gui_session_get_caller (session), ids, NULL, keep_result, &res);
    WAIT_FOR (res != NULL, 30, "the recipe");
    recipes = bz_recipes_get_many_finish (svc, res, &error);
    g_clear_object (&res);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (recipes), ==, 1);
    recipe = g_list_model_get_item (recipes, 0);
    for (guint i = 1; i < bz_record_get_n_items (recipe, BZ_RECIPE_INGREDIENTS); i++)
      if (bz_record_get_double (bz_record_get_item (recipe, BZ_RECIPE_INGREDIENTS, i), BZ_RECIPE_INGREDIENT_GRAMS)
          > bz_record_get_double (bz_record_get_item (recipe, BZ_RECIPE_INGREDIENTS, heaviest), BZ_RECIPE_INGREDIENT_GRAMS))
        heaviest = i;
    bz_plan_nutrition_read (bz_record_get_object (entry, BZ_PLAN_RECIPE_NUTRITION), &before, 1.0);

    swap = bz_plan_editor_open_swap (editor, 4, meal, recipe_id);
    g_assert_nonnull (swap);
    g_object_add_weak_pointer (G_OBJECT (swap), (gpointer *) &swap);
    bz_gui_test_settle (300);
    save_png (GTK_WIDGET (swap), "test-plan-editor-swap.png", "plan-editor-swap.png");
    bz_plan_swap_omit (swap, heaviest);
    WAIT_FOR (swap == NULL, 10, "the swap window to close");
    WAIT_FOR (!bz_plan_editor_is_busy (editor), 30, "the swap");
    g_clear_object (&plan);
    plan = stored_plan (session, draft_id);
    bz_plan_nutrition_read (bz_record_get_object (bz_record_get_item (slot_of (plan, 4, 0), BZ_PLAN_MEAL_RECIPES, 0),
                                                  BZ_PLAN_RECIPE_NUTRITION), &after, 1.0);
    g_test_message ("omitting %s: %.1f -> %.1f kcal",
                    bz_record_get_string (bz_record_get_item (recipe, BZ_RECIPE_INGREDIENTS, heaviest), BZ_RECIPE_INGREDIENT_TEXT),
                    before.kcal, after.kcal);
    g_assert_cmpfloat (after.kcal, <, before.kcal);
    assert_day_totals (editor, plan);
  }

  /* 7d. replace: day 6's first recipe's first ingredient by the first USDA food for "pepino" */
  {
    BzServices *svc = bz_gui_session_get_services (session);
    BzRecord *entry = bz_record_get_item (slot_of (plan, 6, 0), BZ_PLAN_MEAL_RECIPES, 0);
    g_autofree char *recipe_id = g_strdup (bz_record_get_string (entry, BZ_PLAN_RECIPE_ID));
    g_autofree char *meal = g_strdup (bz_record_get_string (slot_of (plan, 6, 0), BZ_PLAN_MEAL_MEAL_NAME));
    g_autofree char *ndb = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(BzRecord) foods = NULL;
    BzPlanTotals before = { 0 }, after = { 0 };
    GAsyncResult *res = NULL;
    BzPlanSwap *swap;

    bz_foods_find_async (svc, "pepino", 1, 1, NULL, keep_result, &res);
    WAIT_FOR (res != NULL, 30, "a food");
    foods = bz_foods_find_finish (svc, res, &error);
    g_clear_object (&res);
    g_assert_no_error (error);
    ndb = g_strdup (bz_record_get_string (bz_record_get_item (foods, BZ_FOOD_LIST_FOODS, 0), BZ_FOOD_SUMMARY_NDB_NO));
    bz_plan_nutrition_read (bz_record_get_object (entry, BZ_PLAN_RECIPE_NUTRITION), &before, 1.0);
    swap = bz_plan_editor_open_swap (editor, 6, meal, recipe_id);
    g_assert_nonnull (swap);
    g_object_add_weak_pointer (G_OBJECT (swap), (gpointer *) &swap);
    bz_plan_swap_replace (swap, 0, ndb);
    WAIT_FOR (swap == NULL, 10, "the swap window to close");
    WAIT_FOR (!bz_plan_editor_is_busy (editor), 30, "the replacement");
    g_clear_object (&plan);
    plan = stored_plan (session, draft_id);
    bz_plan_nutrition_read (bz_record_get_object (bz_record_get_item (slot_of (plan, 6, 0), BZ_PLAN_MEAL_RECIPES, 0),
                                                  BZ_PLAN_RECIPE_NUTRITION), &after, 1.0);
    g_test_message ("replacing with %s: %.1f -> %.1f kcal", ndb, before.kcal, after.kcal);
    g_assert_cmpfloat (after.kcal, !=, before.kcal);
    assert_day_totals (editor, plan);
  }

  /* 8. the full week; then the editor at 800x600 (it scrolls) */
  gtk_window_set_default_size (GTK_WINDOW (editor), 1280, 860);
  bz_plan_editor_dismiss_toast (editor);
  bz_gui_test_settle (800);
  save_png (GTK_WIDGET (editor), "test-plan-editor.png", "plan-editor.png");
  {
    /* the totals row: the grid scrolled to its end */
    GtkScrolledWindow *grid = find_grid_scroller (GTK_WIDGET (editor));
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (grid);
    g_assert_nonnull (grid);
    gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
    bz_gui_test_settle (500);
    save_png (GTK_WIDGET (editor), "test-plan-editor-totals.png", "plan-editor-totals.png");
    gtk_adjustment_set_value (v, 0);
  }
  {
    int min_w, min_h, nat;
    gtk_widget_measure (GTK_WIDGET (editor), GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat, NULL, NULL);
    gtk_widget_measure (GTK_WIDGET (editor), GTK_ORIENTATION_VERTICAL, 800, &min_h, &nat, NULL, NULL);
    g_test_message ("editor minimum: %dx%d", min_w, min_h);
    g_assert_cmpint (min_w, <=, 800);
    g_assert_cmpint (min_h, <=, 600);
  }
  gtk_window_set_default_size (GTK_WINDOW (editor), 800, 600);
  bz_plan_editor_dismiss_toast (editor);
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (editor)) <= 800, 10, "the editor at 800x600");
  bz_gui_test_settle (800);
  save_png (GTK_WIDGET (editor), "test-plan-editor-800x600.png", "plan-editor-800x600.png");

  /* 8b. a recipe with a photo (a user's, POST /api/v1/recipes through its
   * service) shows the photo in the search, loaded off the GUI thread */
  {
    g_autoptr(JsonObject) in = json_object_new ();
    g_autoptr(JsonArray) ings = json_array_new ();
    g_autoptr(JsonArray) steps = json_array_new ();
    g_autoptr(GPtrArray) photos = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
    g_autoptr(GdkPixbuf) pix = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 320, 240);
    g_autoptr(GError) error = NULL;
    g_autoptr(BzRecord) made = NULL;
    JsonObject *ing = json_object_new ();
    BzRecipeSearch *search;
    char *png;
    gsize png_len;

    gdk_pixbuf_fill (pix, 0xd9822bff);
    g_assert_true (gdk_pixbuf_save_to_buffer (pix, &png, &png_len, "png", NULL, NULL));
    g_ptr_array_add (photos, g_bytes_new_take (png, png_len));
    json_object_set_string_member (in, "title", "Huevo cocido de prueba fotográfica");
    json_object_set_string_member (in, "meal_type", "comida");
    json_object_set_int_member (in, "servings", 1);
    json_object_set_int_member (in, "prep_time_min", 5);
    json_object_set_int_member (in, "cook_time_min", 5);
    json_object_set_string_member (in, "description", "Receta de una paciente, con foto");
    json_object_set_string_member (in, "difficulty", "facil");
    json_object_set_string_member (ing, "ndb_no", "01123");
    json_object_set_double_member (ing, "grams", 100);
    json_array_add_object_element (ings, ing);
    json_object_set_array_member (in, "ingredients", json_array_ref (ings));
    json_array_add_string_element (steps, "Cocina el huevo.");
    json_object_set_array_member (in, "instructions", json_array_ref (steps));
    made = bz_recipes_create (bz_gui_session_get_services (session), bz_gui_session_get_caller (session), in, photos,
                              &error);
    g_assert_no_error (error);
    g_assert_nonnull (made);

    search = bz_plan_editor_open_search (editor, 2, "lunch");
    g_object_add_weak_pointer (G_OBJECT (search), (gpointer *) &search);
    bz_recipe_search_set_text (search, "fotográfica");
    WAIT_FOR (!bz_recipe_search_is_busy (search) && bz_recipe_search_get_n_results (search) == 1, 30,
              "the recipe with a photo");
    WAIT_FOR (bz_recipe_search_result_photo_shown (search, 0), 30, "its photo in the results");
    bz_gui_test_settle (300);
    save_png (GTK_WIDGET (search), "test-plan-editor-search-photo.png", "plan-editor-search-photo.png");
    gtk_window_close (GTK_WINDOW (search));
    WAIT_FOR (search == NULL, 10, "the search window to close");
  }

  /* 9. finalize: the patient's active plan */
  bz_plan_editor_finalize (editor, "Plan semanal de prueba");
  WAIT_FOR (!bz_plan_editor_is_busy (editor), 30, "the plan to be finalized");
  /* Finalize answers "finalized" (seed 004); the plan starts today, so the
   * runtime's job runner makes it active at once, and the editor, which
   * follows the store, shows that. */
  WAIT_FOR (g_str_equal (bz_record_get_string (bz_plan_editor_get_plan (editor), BZ_MEAL_PLAN_STATUS), "active"),
            30, "the finalized plan to become active");
  {
    BzServices *svc = bz_gui_session_get_services (session);
    g_autoptr(GError) error = NULL;
    g_autoptr(BzRecord) envelope = NULL;
    g_autoptr(GListModel) list = NULL;
    g_autoptr(BzRecord) newest = NULL;
    GAsyncResult *res = NULL;
    BzRecord *active;

    bz_patients_get_file_async (svc, bz_gui_session_get_caller (session), patient_id, NULL, keep_result, &res);
    WAIT_FOR (res != NULL, 30, "the patient file");
    envelope = bz_patients_get_file_finish (svc, res, &error);
    g_clear_object (&res);
    g_assert_no_error (error);
    active = bz_record_get_object (bz_record_get_object (envelope, BZ_PATIENT_FILE_ENVELOPE_PATIENT),
                                   BZ_PATIENT_FILE_ACTIVE_MEAL_PLAN);
    g_assert_nonnull (active);
    g_assert_cmpstr (bz_record_get_string (active, BZ_MEAL_PLAN_SUMMARY_ID), ==, draft_id);
    g_assert_cmpstr (bz_record_get_string (active, BZ_MEAL_PLAN_SUMMARY_PLAN_NAME), ==, "Plan semanal de prueba");

    bz_meal_plans_list_for_patient_async (svc, bz_gui_session_get_caller (session), patient_id, NULL, keep_result, &res);
    WAIT_FOR (res != NULL, 30, "the patient's plans");
    list = bz_meal_plans_list_for_patient_finish (svc, res, &error);
    g_clear_object (&res);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (list), >=, 1);
    newest = g_list_model_get_item (list, 0);
    g_assert_cmpstr (bz_record_get_string (newest, BZ_MEAL_PLAN_SUMMARY_ID), ==, draft_id);
    g_assert_cmpstr (bz_record_get_string (newest, BZ_MEAL_PLAN_SUMMARY_STATUS), ==, "active");
  }
  /* read-only now: Finalize says why it is off */
  g_assert_cmpstr (bz_plan_editor_get_finalize_hint (editor), ==, _("Only a draft can be finalized."));
  gtk_window_set_default_size (GTK_WINDOW (editor), 1280, 860);
  bz_gui_test_settle (800);
  bz_plan_editor_dismiss_toast (editor);
  bz_gui_test_settle (300);
  save_png (GTK_WIDGET (editor), "test-plan-editor-finalized.png", "plan-editor-finalized.png");

  /* 10. close; reopening shows the finalized plan */
  gtk_window_close (GTK_WINDOW (editor));
  WAIT_FOR (editor == NULL, 10, "the editor to close");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (patient), "patient.open-plan", NULL));
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  WAIT_FOR (!bz_plan_editor_is_busy (editor), 30, "the editor to load again");
  g_assert_cmpstr (bz_plan_editor_get_state (editor), ==, "plan");
  g_assert_cmpstr (bz_record_get_string (bz_plan_editor_get_plan (editor), BZ_MEAL_PLAN_ID), ==, draft_id);
  gtk_window_close (GTK_WINDOW (editor));
  WAIT_FOR (editor == NULL, 10, "the editor to close");

  bz_gui_test_window = NULL;
  g_object_ref (session);
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_FOR (window == NULL, 10, "the window to go");
  bz_runtime_shutdown (runtime);
  g_clear_object (&runtime);
  g_object_unref (session);
  bz_runtime_options_clear (&opts);
  bz_test_rmdir (data_dir);
}

int
main (int argc, char **argv)
{
  if (!bz_gui_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/gui/plan-editor", test_plan_editor);
  return g_test_run ();
}
