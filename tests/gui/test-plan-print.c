/* test-plan-print.c — the printed meal plan and today's plan on the kiosk
 * (issue 7, "At the desk"; suite 'gui').
 *
 * On the demo clinic (a real runtime in a temporary data dir), the demo
 * nutritionist builds a 7-day plan for the first demo patient through the
 * service calls (create; a catalogue recipe of the slot's meal type added to
 * every slot of every day; finalize), starting today.  Then:
 *   - the plan's document (bz_meal_plans_document()) is exported to PDF with
 *     bz_plan_print_export_pdf() and read back with poppler-utils: more than
 *     one page, every recipe title, every step of every recipe (so no
 *     paragraph lost at a page break), each shopping list section name and
 *     the "Shopping list" heading in the interface's language; page 1 and the
 *     shopping list page are rendered with pdftoppm;
 *   - the desk's patient page shows today's 4 planned recipes;
 *   - the member signs in on the kiosk and sees today's plan, at the window's
 *     default size and at 800x600.
 *
 * Runs in Spanish unless $LANGUAGE says otherwise.  Pictures: tests/gui/ in
 * the build dir; with $BALANZA_SCREENSHOT_DIR also plan-pdf-page1.png,
 * plan-pdf-shopping.png, kiosk-plan.png and kiosk-plan-800x600.png there.
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <string.h>

#include <glib/gstdio.h>

#include "bz-application.h"
#include "bz-auth-service.h"
#include "bz-auth-service-private.h"
#include "bz-gui-util.h"
#include "bz-meal-plan-document.h"
#include "bz-meal-plan-service.h"
#include "bz-patient-service.h"
#include "bz-plan-print.h"
#include "bz-plan-today.h"
#include "bz-recipe-service.h"
#include "bz-runtime.h"
#include "bz-startup.h"
#include "bz-window.h"
#include "bz-gui-test.h"
#include "bz-test-util.h"

#define DEMO_EMAIL    "demo@balanza.local"
#define DEMO_PASSWORD "Demo-2026!"
#define PLAN_DAYS 7

/* The path of @name in the build dir's tests/gui/ and, with
 * $BALANZA_SCREENSHOT_DIR, the documentation copy's path (else NULL). */
static char *
picture_path (const char *build_name, const char *docs_name, char **out_docs)
{
  const char *docs_dir = g_getenv ("BALANZA_SCREENSHOT_DIR");
  char *path = g_test_build_filename (G_TEST_BUILT, "gui", build_name, NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0755);
  *out_docs = NULL;
  if (docs_dir && *docs_dir && docs_name)
    {
      g_mkdir_with_parents (docs_dir, 0755);
      *out_docs = g_build_filename (docs_dir, docs_name, NULL);
    }
  return path;
}

static GtkWidget *
find_widget (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type);
      if (found)
        return found;
    }
  return NULL;
}

/* The button under @root whose tooltip is @tooltip. */
static GtkWidget *
find_button (GtkWidget *root, const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, tooltip);
      if (found)
        return found;
    }
  return NULL;
}

/* A visible toplevel window of @type, or NULL. */
static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */
  GtkWidget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && found == NULL; i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (w))
        found = w;
    }
  return found;
}

/* Scrolls the page so that @widget's top is in view. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *sw = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  graphene_point_t p;

  g_assert_nonnull (sw);
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (sw));
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &p));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (sw)), MAX (0, p.y - 60));
}

/* @text with every run of white space as one space. */
static char *
squash (const char *text)
{
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p) || *p == '\f')
        space = TRUE;
      else
        {
          if (space && s->len)
            g_string_append_c (s, ' ');
          space = FALSE;
          g_string_append_c (s, *p);
        }
    }
  return g_string_free (s, FALSE);
}

static JsonObject *
json_object (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  g_assert_nonnull (node);
  return json_object_ref (json_node_get_object (node));
}

/* Builds and finalizes the plan; Returns: its draftId. */
static char *
build_plan (BzServices *svc, const BzCaller *nutri, const char *patient_id, const char *plan_name)
{
  static const char *const meal_types[] = { "desayuno", "comida", "cena", "colacion" };
  const char *const *slots = bz_meal_plan_default_meals ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *body = g_strdup_printf ("{\"clientId\":\"%s\",\"planDate\":\"%s\",\"durationDays\":%d}",
                                           patient_id, today, PLAN_DAYS);
  g_autoptr(JsonObject) create = json_object (body);
  g_autoptr(BzRecord) draft = bz_meal_plans_create (svc, nutri, create, &error);
  char *draft_id;

  g_assert_no_error (error);
  draft_id = g_strdup (bz_record_get_string (draft, BZ_MEAL_PLAN_DRAFT_DRAFT_ID));
  for (guint s = 0; slots[s]; s++)
    {
      BzRecipeQuery q = BZ_RECIPE_QUERY_INIT;
      g_autoptr(BzRecord) list = NULL;
      guint n;

      g_assert_cmpuint (s, <, G_N_ELEMENTS (meal_types));
      q.meal_type = meal_types[s];
      q.sort_by = "rating";
      q.limit = PLAN_DAYS;
      list = bz_recipes_find (svc, nutri, &q, &error);
      g_assert_no_error (error);
      n = bz_record_get_n_items (list, BZ_RECIPE_LIST_RECIPES);
      g_assert_cmpuint (n, >=, 1);
      for (guint day = 1; day <= PLAN_DAYS; day++)
        {
          BzRecord *recipe = bz_record_get_item (list, BZ_RECIPE_LIST_RECIPES, (day - 1) % n);
          g_autofree char *add = g_strdup_printf ("{\"draftId\":\"%s\",\"day\":%u,\"mealName\":\"%s\","
                                                  "\"recipe\":{\"id\":\"%s\",\"provider\":\"balanza\",\"source\":\"api\"},"
                                                  "\"servings\":%s}",
                                                  draft_id, day, slots[s], bz_record_get_string (recipe, BZ_RECIPE_ID),
                                                  day % 2 ? "1" : "1.5");
          g_autoptr(JsonObject) in = json_object (add);
          g_autoptr(BzRecord) plan = bz_meal_plans_add_recipe (svc, nutri, in, &error);
          g_assert_no_error (error);
        }
    }
  /* an ingredient change on day 1's breakfast: its first ingredient becomes 100 g of apple (SR28 09003) */
  {
    g_autoptr(BzRecord) plan = bz_meal_plans_get (svc, nutri, draft_id, &error);
    BzRecord *day1 = bz_record_get_item (plan, BZ_MEAL_PLAN_SUGGESTIONS, 0);
    const char *recipe_id = bz_record_get_string (bz_record_get_item (bz_record_get_item (day1, BZ_PLAN_DAY_MEALS, 0),
                                                                      BZ_PLAN_MEAL_RECIPES, 0), BZ_PLAN_RECIPE_ID);
    g_autoptr(BzRecord) env = bz_recipes_get (svc, nutri, recipe_id, &error);
    BzRecord *recipe = bz_record_get_object (env, BZ_RECIPE_ENVELOPE_RECIPE);
    BzRecord *first = bz_record_get_item (recipe, BZ_RECIPE_INGREDIENTS, 0);
    const char *ndb = bz_record_get_string (first, BZ_RECIPE_INGREDIENT_NDB_NO);
    double grams = bz_record_get_double (first, BZ_RECIPE_INGREDIENT_GRAMS);
    g_autofree char *put = g_strdup_printf ("{\"action\":\"update-customizations\",\"draftId\":\"%s\",\"day\":1,"
                                            "\"mealName\":\"%s\",\"recipeId\":\"%s\",\"customizations\":{\"modifications\":"
                                            "[{\"type\":\"replace\",\"originalIngredient\":\"%s\",\"newIngredient\":\"09003\","
                                            "\"amount\":100,\"unit\":\"g\",\"originalAmount\":%g,\"originalUnit\":\"g\"}]}}",
                                            draft_id, slots[0], recipe_id, ndb, grams);
    g_autoptr(JsonObject) in = json_object (put);
    g_autoptr(BzRecord) result = bz_meal_plans_update_customizations (svc, nutri, in, &error);
    g_assert_no_error (error);
  }
  {
    g_autofree char *fin = g_strdup_printf ("{\"draftId\":\"%s\",\"planName\":\"%s\"}", draft_id, plan_name);
    g_autoptr(JsonObject) in = json_object (fin);
    g_autoptr(BzRecord) plan = bz_meal_plans_finalize (svc, nutri, in, &error);
    g_assert_no_error (error);
    /* "finalized" as seed 004 answers; its activation job may already have run */
    const char *status = bz_record_get_string (plan, BZ_MEAL_PLAN_STATUS);
    g_assert_true (g_strcmp0 (status, "finalized") == 0 || g_strcmp0 (status, "active") == 0);
  }
  return draft_id;
}

/* The document laid out on the printable areas of A4 and Letter (15 mm
 * margins, the footer's 22 pt kept free) and on a tiny page: no page draws
 * below its bottom, and every page but the last has something on it. */
static void
check_pagination (const BzMealPlanDocument *doc)
{
  static const double sizes[][2] = { { 510.2, 734.9 }, { 527.0, 685.0 }, { 300, 260 } };
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  pango_cairo_context_set_resolution (context, 72);   /* points, as GTK_UNIT_POINTS */
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      BzPrintFlow *flow = bz_plan_print_layout (doc, context, sizes[i][0], sizes[i][1]);
      guint n = bz_print_flow_get_n_pages (flow);

      g_test_message ("%.0f x %.0f pt: %u pages", sizes[i][0], sizes[i][1], n);
      g_assert_cmpuint (n, >, 1);
      for (guint p = 0; p < n; p++)
        {
          g_autofree char *text = bz_print_flow_get_text (flow, p);
          g_assert_cmpfloat (bz_print_flow_get_page_bottom (flow, p), <=, sizes[i][1] + 0.01);
          g_assert_cmpuint (strlen (text), >, 0);
        }
      bz_print_flow_free (flow);
    }
  g_object_unref (context);
}

static void
check_pdf (const BzMealPlanDocument *doc, const char *pdf)
{
  g_autofree char *info = NULL, *text = NULL, *flat = NULL;
  const char *pages_line;
  guint n_pages, shopping_page = 0;
  g_auto(GStrv) pages = NULL;

  {
    const char *argv[] = { "pdfinfo", pdf, NULL };
    info = bz_gui_test_run_tool (argv);
  }
  pages_line = strstr (info, "Pages:");
  g_assert_nonnull (pages_line);
  n_pages = (guint) g_ascii_strtoull (pages_line + strlen ("Pages:") + strspn (pages_line + 6, " "), NULL, 10);
  g_test_message ("PDF: %u pages", n_pages);
  g_assert_cmpuint (n_pages, >, 1);
  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
    text = bz_gui_test_run_tool (argv);
  }
  /* Page by page without its footer, so a paragraph split over two pages reads whole. */
  pages = g_strsplit (text, "\f", -1);
  {
    GString *body = g_string_new (NULL);
    const char *name = bz_record_get_string (doc->plan, BZ_MEAL_PLAN_PLAN_NAME);
    for (guint i = 0; pages[i] && i < n_pages; i++)
      {
        g_autofree char *footer = g_strdup_printf (_("%s · %s · page %d of %u"), doc->patient_name, name, i + 1, n_pages);
        g_autofree char *page = squash (pages[i]);
        char *at = strstr (page, footer);
        g_assert_nonnull (at);   /* every page has its footer */
        memmove (at, at + strlen (footer), strlen (at + strlen (footer)) + 1);
        g_string_append (body, page);
        g_string_append_c (body, ' ');
        if (strstr (page, _("Shopping list")) && shopping_page == 0)
          shopping_page = i + 1;
      }
    flat = squash (body->str);
    g_string_free (body, TRUE);
  }
  g_assert_nonnull (strstr (flat, _("Meal plan")));
  g_assert_nonnull (strstr (flat, doc->patient_name));
  g_assert_nonnull (strstr (flat, _("Shopping list")));
  if (g_str_equal (_("Shopping list"), "Lista de compras"))
    g_test_message ("the PDF is in Spanish");
  for (guint i = 0; i < doc->recipes->len; i++)
    {
      const BzPlanDocRecipe *r = g_ptr_array_index (doc->recipes, i);
      g_assert_nonnull (strstr (flat, r->title));
      for (guint k = 0; r->steps[k]; k++)
        {
          g_autofree char *step = squash (r->steps[k]);
          if (strstr (flat, step) == NULL)
            g_error ("step %u of %s is not in the PDF whole: %s", k + 1, r->title, step);
        }
    }
  for (guint i = 0; i < doc->shopping->len; i++)
    {
      const BzShoppingItem *item = g_ptr_array_index (doc->shopping, i);
      g_assert_nonnull (strstr (flat, bz_shopping_section_name (item->section)));
    }
  g_assert_cmpuint (shopping_page, >, 1);
  /* the ingredient change, marked on its day */
  g_assert_cmpuint (doc->customized->len, ==, 1);
  {
    const BzPlanDocCustomized *c = g_ptr_array_index (doc->customized, 0);
    const BzPlanDocChange *ch = g_ptr_array_index (c->changes, 0);
    const BzPlanDocRecipe *r = bz_meal_plan_document_find_recipe (doc, c->recipe_id);
    g_autofree char *head = g_strdup_printf ("* %s, %s:", bz_plan_meal_label (c->meal_name), r->title);
    g_assert_nonnull (ch->original_name);
    g_assert_nonnull (strstr (flat, head));
    g_assert_nonnull (strstr (flat, ch->original_name));
  }

  /* Pictures of page 1 and of the shopping list's first page. */
  for (guint k = 0; k < 2; k++)
    {
      guint page = k == 0 ? 1 : shopping_page;
      g_autofree char *docs = NULL;
      g_autofree char *png = picture_path (k == 0 ? "plan-pdf-page1.png" : "plan-pdf-shopping.png",
                                           k == 0 ? "plan-pdf-page1.png" : "plan-pdf-shopping.png", &docs);
      g_autofree char *prefix = g_strndup (png, strlen (png) - strlen (".png"));
      g_autofree char *first = g_strdup_printf ("%u", page);
      g_autofree char *out = NULL;
      const char *argv[] = { "pdftoppm", "-png", "-r", "90", "-f", first, "-l", first, "-singlefile", pdf, prefix, NULL };
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(GError) error = NULL;

      out = bz_gui_test_run_tool (argv);
      texture = gdk_texture_new_from_filename (png, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_texture_get_height (texture), >, gdk_texture_get_width (texture));   /* portrait */
      g_test_message ("PDF page %u: %s", page, png);
      if (docs)
        {
          g_autofree char *bytes = NULL;
          gsize len;
          g_assert_true (g_file_get_contents (png, &bytes, &len, NULL));
          g_assert_true (g_file_set_contents (docs, bytes, len, NULL));
          g_test_message ("screenshot: %s", docs);
        }
    }
}

/* A kiosk window (@width x @height, or its default size when 0) on the
 * clinic of @opts: the member signs in and today's plan @plan_id shows
 * its 4 recipes (@plan_id NULL: the member has no plan, the empty state);
 * a screenshot with the plan scrolled into view. */
static void
kiosk_plan (BzRuntimeOptions *opts, const char *member_email, const char *plan_id, int width, int height,
            const char *build_name, const char *docs_name)
{
  BzWindow *window = bz_window_new (NULL, TRUE);
  BzRuntime *runtime = NULL;
  BzSignInPage *sign_in;
  BzPatientPage *patient;
  BzPlanToday *today;
  g_autoptr(GdkTexture) shot = NULL;

  /* each call signs a member in: the sign-in limit counts them all (5 a minute) */
  bz_auth_reset_rate_limits ();
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  bz_startup_run (window, opts, NULL, bz_gui_test_runtime_done, &runtime);
  WAIT_FOR (runtime != NULL, 120, "the kiosk's runtime");
  sign_in = bz_window_get_sign_in_page (window);
  gtk_editable_set_text (bz_sign_in_page_get_email_entry (sign_in), member_email);
  gtk_editable_set_text (bz_sign_in_page_get_password_entry (sign_in), DEMO_PASSWORD);
  bz_gui_test_activate_entry (bz_sign_in_page_get_password_entry (sign_in));
  WAIT_FOR (g_strcmp0 (bz_window_get_page_name (window), "patient") == 0, 30, "the member's page");
  patient = bz_window_get_patient_page (window);
  today = BZ_PLAN_TODAY (find_widget (GTK_WIDGET (patient), BZ_TYPE_PLAN_TODAY));
  g_assert_nonnull (today);
  WAIT_FOR (!bz_patient_page_is_loading (patient), 60, "the member's page to load");
  g_assert_cmpstr (bz_plan_today_get_plan_id (today), ==, plan_id);
  g_assert_cmpuint (bz_plan_today_get_n_recipes (today), ==, plan_id ? 4 : 0);
  /* narrow, the page shows one pane at a time: today's plan is on the nutrition pane */
  bz_patient_page_show_pane (patient, "nutrition");
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (today)), 10, "the nutrition pane");
  bz_gui_test_settle (600);
  scroll_to (GTK_WIDGET (today));
  bz_gui_test_settle (600);
  shot = bz_gui_test_screenshot (GTK_WIDGET (window));
  g_test_message ("kiosk window: %dx%d", gdk_texture_get_width (shot), gdk_texture_get_height (shot));
  if (width > 0)
    {
      /* the default size is the surface's, client-side decorations included */
      g_assert_cmpint (gdk_texture_get_width (shot), <=, width);
      g_assert_cmpint (gdk_texture_get_width (shot), >=, width - 20);
      g_assert_cmpint (gdk_texture_get_height (shot), <=, height);
      g_assert_cmpint (gdk_texture_get_height (shot), >=, height - 20);
    }
  bz_gui_test_save_png (shot, build_name, docs_name);

  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_FOR (window == NULL, 10, "the kiosk to go");
  bz_runtime_shutdown (runtime);
  g_object_unref (runtime);
}

static void
test_plan_print (void)
{
  g_autofree char *data_dir = bz_test_tmpdir ("balanza-plan-print");
  g_autofree char *pdf = g_test_build_filename (G_TEST_BUILT, "gui", "plan.pdf", NULL);
  BzRuntimeOptions opts = { 0 };
  BzWindow *window;
  BzRuntime *runtime = NULL;
  BzServices *svc;
  BzSignInPage *sign_in;
  BzPatientsPage *patients;
  BzPatientPage *patient;
  BzPlanToday *today;
  g_autoptr(BzCaller) nutri = NULL;
  g_autoptr(BzRecord) list = NULL;
  g_autoptr(BzMealPlanDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) shot = NULL;
  g_autofree char *plan_id = NULL, *patient_id = NULL, *member_email = NULL, *other_email = NULL;
  BzRecord *first;

  opts.data_dir = g_strdup (data_dir);
  opts.port = 0;
  opts.bind = g_strdup ("127.0.0.1");
  opts.demo = TRUE;

  window = bz_window_new (NULL, FALSE);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  bz_startup_run (window, &opts, NULL, bz_gui_test_runtime_done, &runtime);
  WAIT_FOR (runtime != NULL, 240, "the runtime (food import, demo clinic, server)");
  svc = bz_runtime_get_services (runtime);

  /* 1. the demo nutritionist's plan for the first demo patient, through the services */
  nutri = bz_auth_sign_in (svc, DEMO_EMAIL, DEMO_PASSWORD, &error);
  g_assert_no_error (error);
  list = bz_patients_get_list (svc, nutri, NULL, NULL, 1, 1, &error);
  g_assert_no_error (error);
  first = bz_record_get_item (list, BZ_PATIENT_LIST_PATIENTS, 0);
  patient_id = g_strdup (bz_record_get_string (first, BZ_PATIENT_SUMMARY_ID));
  member_email = g_strdup (bz_record_get_string (first, BZ_PATIENT_SUMMARY_EMAIL));
  plan_id = build_plan (svc, nutri, patient_id, "Semana 1: control de peso");

  /* 2. the document, exported to PDF and read back */
  doc = bz_meal_plans_document (svc, nutri, plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doc->n_days, ==, PLAN_DAYS);
  g_assert_cmpuint (doc->recipes->len, >=, 4);
  g_assert_cmpuint (doc->shopping->len, >=, 5);
  g_unlink (pdf);
  g_assert_true (bz_plan_print_export_pdf (doc, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  check_pdf (doc, pdf);
  check_pagination (doc);

  /* 3. the desk: the patient page shows today's plan */
  sign_in = bz_window_get_sign_in_page (window);
  gtk_editable_set_text (bz_sign_in_page_get_email_entry (sign_in), DEMO_EMAIL);
  gtk_editable_set_text (bz_sign_in_page_get_password_entry (sign_in), DEMO_PASSWORD);
  bz_gui_test_activate_entry (bz_sign_in_page_get_password_entry (sign_in));
  WAIT_FOR (g_strcmp0 (bz_window_get_page_name (window), "patients") == 0, 30, "the patients page");
  patients = bz_window_get_patients_page (window);
  WAIT_FOR (!bz_patients_page_is_loading (patients)
            && g_list_model_get_n_items (bz_patients_page_get_model (patients)) > 0, 30, "the patient list");
  bz_patients_page_activate_row (patients, 0);
  patient = bz_window_get_patient_page (window);
  g_assert_cmpstr (bz_patient_page_get_patient_id (patient), ==, patient_id);
  today = BZ_PLAN_TODAY (find_widget (GTK_WIDGET (patient), BZ_TYPE_PLAN_TODAY));
  g_assert_nonnull (today);
  WAIT_FOR (!bz_patient_page_is_loading (patient), 60, "the patient page");
  g_assert_cmpstr (bz_plan_today_get_plan_id (today), ==, plan_id);
  g_assert_cmpuint (bz_plan_today_get_n_recipes (today), ==, 4);
  bz_gui_test_settle (400);
  scroll_to (GTK_WIDGET (today));
  bz_gui_test_settle (400);
  shot = bz_gui_test_screenshot (GTK_WIDGET (window));
  bz_gui_test_save_png (shot, "test-plan-print-desk.png", NULL);
  g_clear_object (&shot);

  /* Print Plan opens the system print dialog on the loaded document; cancel it */
  {
    GtkWidget *button = find_button (GTK_WIDGET (today), _("Print the meal plan"));
    GType dialog_type = 0;
    GtkWidget *dialog = NULL;

    g_assert_true (gtk_widget_get_visible (button) && gtk_widget_get_sensitive (button));
    g_signal_emit_by_name (button, "clicked");
    WAIT_FOR ((dialog_type = g_type_from_name ("GtkPrintUnixDialog")) != 0 && (dialog = find_toplevel (dialog_type)),
              30, "the print dialog");
    bz_gui_test_settle (300);
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
    WAIT_FOR (find_toplevel (dialog_type) == NULL, 10, "the print dialog to close");
  }

  /* Save PDF asks where (the file chooser), then writes the plan there */
  {
    GtkWidget *button = find_button (GTK_WIDGET (today), _("Save the meal plan as a PDF file"));
    g_autofree char *saved = g_test_build_filename (G_TEST_BUILT, "gui", "plan-saved.pdf", NULL);
    g_autofree char *folder_path = g_path_get_dirname (saved);
    g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
    g_autofree char *info = NULL;
    GtkWidget *dialog = NULL;

    g_unlink (saved);
    g_assert_true (gtk_widget_get_visible (button));
    g_signal_emit_by_name (button, "clicked");
    WAIT_FOR ((dialog = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)), 30, "the file chooser");
    bz_gui_test_settle (300);
    g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL));
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "plan-saved.pdf");
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
    WAIT_FOR (g_file_test (saved, G_FILE_TEST_IS_REGULAR) && find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL,
              60, "the saved PDF");
    bz_gui_test_settle (300);
    {
      const char *argv[] = { "pdfinfo", saved, NULL };
      info = bz_gui_test_run_tool (argv);
    }
    g_assert_nonnull (strstr (info, "Pages:"));
  }

  /* a patient without a plan: the empty state */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  WAIT_FOR (g_strcmp0 (bz_window_get_page_name (window), "patients") == 0, 10, "the patient list again");
  bz_patients_page_activate_row (patients, 1);
  g_assert_cmpstr (bz_patient_page_get_patient_id (patient), !=, patient_id);
  {
    g_autoptr(BzRecord) second = g_list_model_get_item (bz_patients_page_get_model (patients), 1);
    other_email = g_strdup (bz_record_get_string (second, BZ_PATIENT_SUMMARY_EMAIL));
  }
  WAIT_FOR (!bz_patient_page_is_loading (patient), 60, "the second patient's page");
  g_assert_null (bz_plan_today_get_plan_id (today));
  g_assert_cmpuint (bz_plan_today_get_n_recipes (today), ==, 0);
  bz_gui_test_settle (300);
  scroll_to (GTK_WIDGET (today));
  bz_gui_test_settle (400);
  shot = bz_gui_test_screenshot (GTK_WIDGET (window));
  bz_gui_test_save_png (shot, "test-plan-print-desk-empty.png", NULL);
  g_clear_object (&shot);

  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_FOR (window == NULL, 10, "the window to go");
  bz_runtime_shutdown (runtime);
  g_clear_object (&runtime);

  /* 4. the kiosk: the member sees today's plan, at the window's default size and at 800x600 */
  kiosk_plan (&opts, member_email, plan_id, 0, 0, "test-plan-print-kiosk.png", "kiosk-plan.png");
  kiosk_plan (&opts, member_email, plan_id, 800, 600, "test-plan-print-kiosk-800x600.png", "kiosk-plan-800x600.png");
  kiosk_plan (&opts, other_email, NULL, 800, 600, "test-plan-print-kiosk-empty.png", "kiosk-plan-empty.png");
  /* the kiosk screen mounted in portrait, 1080x1920 (issue 12), when the
   * X screen is that tall (tools/dev's Xvfb is 1600x2000) */
  {
    GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
    g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
    GdkRectangle geometry = { 0 };
    if (monitor)
      gdk_monitor_get_geometry (monitor, &geometry);
    if (geometry.height >= 1920)
      kiosk_plan (&opts, member_email, plan_id, 1080, 1920, "test-plan-print-kiosk-portrait.png", "kiosk-portrait.png");
    else
      g_test_message ("screen %dx%d: no portrait kiosk picture", geometry.width, geometry.height);
  }
  bz_runtime_options_clear (&opts);
  bz_test_rmdir (data_dir);
}

int
main (int argc, char **argv)
{
  if (!bz_gui_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/gui/plan-print", test_plan_print);
  return g_test_run ();
}
