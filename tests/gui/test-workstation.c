/* test-workstation.c — the real workstation window on a real store (suite 'gui').
 *
 * Under Xvfb (GL through Mesa llvmpipe): start the runtime in a temporary data
 * dir with the demo clinic, sign in through the sign-in page, open the first
 * patient, wait until the avatar is drawn, take a screenshot of the window
 * with its own GskRenderer and check that the avatar's area shows the
 * skin-toned mesh over a distinct background.  Then add a meal through the
 * add-meal dialog (a GStreamer videotestsrc frame and USDA foods), and upload
 * one "from a phone" through the service layer: both must appear on the page
 * without a manual refresh.
 *
 * Screenshots: tests/gui/test-workstation-*.png in the build dir; with
 * $BALANZA_SCREENSHOT_DIR also sign-in.png, patients.png, patient.png and
 * add-meal.png there (docs/screenshots/).
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <libsoup/soup.h>
#include <math.h>
#include <string.h>

#include "bz-application.h"
#include "bz-auth-service.h"
#include "bz-avatar-view.h"
#include "bz-food-service.h"
#include "bz-gui-util.h"
#include "bz-meal-row.h"
#include "bz-meal-service.h"
#include "bz-patient-service.h"
#include "bz-scan-row.h"
#include "bz-scan-service.h"
#include "bz-runtime.h"
#include "bz-startup.h"
#include "bz-window.h"
#include "bz-gui-test.h"
#include "bz-test-util.h"

#define DEMO_EMAIL    "demo@balanza.local"
#define DEMO_PASSWORD "Demo-2026!"

/* --- helpers ------------------------------------------------------------------ */

typedef struct
{
  guint8 *pixels;   /* Cairo ARGB32, premultiplied: B G R A in memory */
  int width, height;
  gsize stride;
} Pixels;

static void
pixels_init (Pixels *p, GdkTexture *texture)
{
  p->width = gdk_texture_get_width (texture);
  p->height = gdk_texture_get_height (texture);
  p->stride = p->width * 4;
  p->pixels = g_malloc (p->stride * p->height);
  gdk_texture_download (texture, p->pixels, p->stride);
}

static void
pixel_rgb (const Pixels *p, int x, int y, int rgb[3])
{
  const guint8 *px = p->pixels + y * p->stride + x * 4;
  rgb[0] = px[2];
  rgb[1] = px[1];
  rgb[2] = px[0];
}

static gboolean
is_skin (const int c[3])
{
  /* warm, light-to-medium skin: red over green over blue, clearly saturated */
  return c[0] > 110 && c[0] > c[1] + 15 && c[1] > c[2] + 8 && c[0] - c[2] > 45;
}

/*
 * The avatar must be visible: inside the avatar view's rectangle the
 * background (its corners) is not skin, and a good share of pixels are
 * skin-toned and far from the background.
 */
static void
assert_avatar_visible (GdkTexture *texture, GtkWidget *view, GtkWidget *window)
{
  Pixels p;
  graphene_rect_t r;
  int x0, y0, x1, y1, bg[3] = { 0 }, corners[4][2];
  guint64 total = 0, skin = 0, distinct = 0;
  double scale = (double) gdk_texture_get_width (texture) / gtk_widget_get_width (window);

  g_assert_true (gtk_widget_compute_bounds (view, window, &r));
  pixels_init (&p, texture);
  x0 = CLAMP ((int) (r.origin.x * scale) + 2, 0, p.width - 1);
  y0 = CLAMP ((int) (r.origin.y * scale) + 2, 0, p.height - 1);
  x1 = CLAMP ((int) ((r.origin.x + r.size.width) * scale) - 2, 0, p.width - 1);
  y1 = CLAMP ((int) ((r.origin.y + r.size.height) * scale) - 2, 0, p.height - 1);
  g_assert_cmpint (x1 - x0, >, 100);
  g_assert_cmpint (y1 - y0, >, 100);

  corners[0][0] = x0 + 4; corners[0][1] = y0 + 4;
  corners[1][0] = x1 - 4; corners[1][1] = y0 + 4;
  corners[2][0] = x0 + 4; corners[2][1] = (y0 + y1) / 2;
  corners[3][0] = x1 - 4; corners[3][1] = (y0 + y1) / 2;
  for (int i = 0; i < 4; i++)
    {
      int c[3];
      pixel_rgb (&p, corners[i][0], corners[i][1], c);
      g_assert_false (is_skin (c));
      for (int k = 0; k < 3; k++)
        bg[k] += c[k] / 4;
    }

  for (int y = y0; y <= y1; y++)
    for (int x = x0; x <= x1; x++)
      {
        int c[3];
        pixel_rgb (&p, x, y, c);
        total++;
        if (abs (c[0] - bg[0]) + abs (c[1] - bg[1]) + abs (c[2] - bg[2]) > 60)
          {
            distinct++;
            if (is_skin (c))
              skin++;
          }
      }
  g_free (p.pixels);

  g_test_message ("avatar area %dx%d: %.1f%% distinct from background, %.1f%% skin-toned",
                  x1 - x0, y1 - y0, 100.0 * distinct / total, 100.0 * skin / total);
  g_assert_cmpfloat ((double) distinct / total, >, 0.03);
  g_assert_cmpfloat ((double) skin / total, >, 0.03);
}

/* --- the test --------------------------------------------------------------------- */

/* --- meals on records ------------------------------------------------------- */

static void
collect_meal_rows (GtkWidget *widget, GPtrArray *rows)
{
  if (BZ_IS_MEAL_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_meal_rows (c, rows);
}

/* The desk's meal row: a Meal record whose foods line names each MealItem's
 * description with its grams (its Spanish name in Spanish). */
static void
assert_desk_meal_row (BzPatientPage *page)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint found = 0;

  collect_meal_rows (GTK_WIDGET (page), rows);
  g_assert_cmpuint (rows->len, ==, bz_patient_page_get_n_meals (page));
  for (guint i = 0; i < rows->len; i++)
    {
      BzMealRow *row = g_ptr_array_index (rows, i);
      BzRecord *meal = bz_meal_row_get_meal (row);
      const char *foods = bz_meal_row_get_foods_text (row);

      g_assert_true (bz_record_get_resource (meal) == &bz_meal_resource);
      if (g_strcmp0 (bz_record_get_string (meal, BZ_MEAL_SOURCE), "workstation") != 0)
        continue;
      g_assert_cmpuint (bz_record_get_n_items (meal, BZ_MEAL_ITEMS), ==, 2);
      for (guint k = 0; k < 2; k++)
        {
          BzRecord *item = bz_record_get_item (meal, BZ_MEAL_ITEMS, k);
          const char *desc = bz_record_get_string (item, BZ_MEAL_ITEM_DESCRIPTION);
          /* The Spanish name in a Spanish interface (LANGUAGE=es), else USDA's. */
          const char *shown = bz_food_display_name (desc, bz_record_get_string (item, BZ_MEAL_ITEM_NAME_ES));
          g_assert_nonnull (desc);
          g_assert_nonnull (strstr (foods, shown));
        }
      g_test_message ("desk meal row: %s", foods);
      found++;
    }
  g_assert_cmpuint (found, ==, 1);
}

static void
keep_result (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The async meal calls: a record for the caller, CANCELLED for a cancelled
 * call, UNAUTHENTICATED without a caller. */
static void
check_meal_calls (BzGuiSession *session, const char *patient_id)
{
  BzServices *services = bz_gui_session_get_services (session);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) rec = NULL;
  GAsyncResult *res = NULL;

  bz_meals_get_history_async (services, bz_gui_session_get_caller (session), patient_id, 1, 20, NULL,
                              keep_result, &res);
  WAIT_FOR (res != NULL, 30, "the meal history");
  rec = bz_meals_get_history_finish (services, res, &error);
  g_clear_object (&res);
  g_assert_no_error (error);
  g_assert_true (bz_record_get_resource (rec) == &bz_meal_history_resource);
  g_assert_cmpuint (bz_record_get_n_items (rec, BZ_MEAL_HISTORY_MEALS), >=, 1);
  g_clear_object (&rec);

  g_cancellable_cancel (cancelled);
  bz_meals_get_daily_async (services, bz_gui_session_get_caller (session), patient_id, NULL, cancelled,
                            keep_result, &res);
  WAIT_FOR (res != NULL, 30, "the cancelled daily call");
  rec = bz_meals_get_daily_finish (services, res, &error);
  g_clear_object (&res);
  g_assert_null (rec);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  bz_meals_get_daily_async (services, NULL, patient_id, NULL, NULL, keep_result, &res);
  WAIT_FOR (res != NULL, 30, "the daily call without a caller");
  rec = bz_meals_get_daily_finish (services, res, &error);
  g_clear_object (&res);
  g_assert_null (rec);
  g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
}

/* --- patients, scans, foods and users on records ----------------------------- */

/* The patients list is the PatientList's "patients" model: PatientSummary
 * records, each with an id, a name and an email. */
static void
assert_patient_records (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  g_assert_true (g_list_model_get_item_type (model) == bz_resource_get_type (&bz_patient_summary_resource));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BzRecord) p = g_list_model_get_item (model, i);
      g_assert_true (bz_record_get_resource (p) == &bz_patient_summary_resource);
      g_assert_nonnull (bz_record_get_string (p, BZ_PATIENT_SUMMARY_ID));
      g_assert_nonnull (bz_record_get_string (p, BZ_PATIENT_SUMMARY_EMAIL));
      g_assert_nonnull (bz_record_get_string (p, BZ_PATIENT_SUMMARY_FULL_NAME));
    }
}

static void
collect_scan_rows (GtkWidget *widget, GPtrArray *rows)
{
  if (BZ_IS_SCAN_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_scan_rows (c, rows);
}

/* The scan history shows one row per Scan record, newest first. */
static void
assert_scan_rows (BzPatientPage *page)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_scan_rows (GTK_WIDGET (page), rows);
  g_assert_cmpuint (rows->len, ==, bz_patient_page_get_n_scans (page));
  for (guint i = 0; i < rows->len; i++)
    {
      BzRecord *scan = bz_scan_row_get_scan (g_ptr_array_index (rows, i));
      g_assert_true (bz_record_get_resource (scan) == &bz_scan_resource);
      g_assert_false (isnan (bz_record_get_double (scan, BZ_SCAN_WEIGHT_KG)));
      if (i > 0)
        g_assert_cmpstr (bz_record_get_string (bz_scan_row_get_scan (g_ptr_array_index (rows, i - 1)), BZ_SCAN_MEASURED_AT),
                         >=, bz_record_get_string (scan, BZ_SCAN_MEASURED_AT));
    }
}

/* The async calls of the patient, scan, food and auth services: records for
 * the caller, CANCELLED for a cancelled call, UNAUTHENTICATED without a caller. */
static void
check_record_calls (BzGuiSession *session, const char *patient_id, const char *member_email, guint n_scans)
{
  BzServices *services = bz_gui_session_get_services (session);
  const BzCaller *caller = bz_gui_session_get_caller (session);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) rec = NULL;
  g_autoptr(GListModel) patients = NULL;
  GAsyncResult *res = NULL;
  BzRecord *file, *info;

  bz_patients_get_list_async (services, caller, NULL, "active", 1, 100, NULL, keep_result, &res);
  WAIT_FOR (res != NULL, 30, "the patient list");
  rec = bz_patients_get_list_finish (services, res, &error);
  g_clear_object (&res);
  g_assert_no_error (error);
  g_assert_true (bz_record_get_resource (rec) == &bz_patient_list_resource);
  g_object_get (rec, "patients", &patients, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (patients), ==, 24);
  assert_patient_records (patients);
  g_clear_object (&rec);

  bz_patients_get_file_async (services, caller, patient_id, NULL, keep_result, &res);
  WAIT_FOR (res != NULL, 30, "the patient file");
  rec = bz_patients_get_file_finish (services, res, &error);
  g_clear_object (&res);
  g_assert_no_error (error);
  file = bz_record_get_object (rec, BZ_PATIENT_FILE_ENVELOPE_PATIENT);
  info = bz_record_get_object (file, BZ_PATIENT_FILE_BASIC_INFO);
  g_assert_cmpstr (bz_record_get_string (file, BZ_PATIENT_FILE_ID), ==, patient_id);
  g_assert_cmpstr (bz_record_get_string (info, BZ_PATIENT_INFO_EMAIL), ==, member_email);
  g_assert_nonnull (bz_record_get_object (file, BZ_PATIENT_FILE_CURRENT_METRICS));
  g_assert_cmpuint (bz_record_get_n_items (file, BZ_PATIENT_FILE_PROGRESS_HISTORY), ==, n_scans);
  g_clear_object (&rec);

  g_cancellable_cancel (cancelled);
  bz_patients_get_file_async (services, caller, patient_id, cancelled, keep_result, &res);
  WAIT_FOR (res != NULL, 30, "the cancelled file call");
  g_assert_null (bz_patients_get_file_finish (services, res, &error));
  g_clear_object (&res);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  bz_scans_get_list_async (services, caller, patient_id, NULL, keep_result, &res);
  WAIT_FOR (res != NULL, 30, "the scan list");
  rec = bz_scans_get_list_finish (services, res, &error);
  g_clear_object (&res);
  g_assert_no_error (error);
  g_assert_true (bz_record_get_resource (rec) == &bz_scan_list_resource);
  g_assert_cmpuint (bz_record_get_n_items (rec, BZ_SCAN_LIST_SCANS), ==, n_scans);
  g_clear_object (&rec);

  bz_scans_get_list_async (services, NULL, patient_id, NULL, keep_result, &res);
  WAIT_FOR (res != NULL, 30, "the scan list without a caller");
  g_assert_null (bz_scans_get_list_finish (services, res, &error));
  g_clear_object (&res);
  g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
  g_clear_error (&error);

  bz_foods_find_async (services, "tortilla", 1, 5, NULL, keep_result, &res);
  WAIT_FOR (res != NULL, 30, "the food search");
  rec = bz_foods_find_finish (services, res, &error);
  g_clear_object (&res);
  g_assert_no_error (error);
  g_assert_cmpuint (bz_record_get_n_items (rec, BZ_FOOD_LIST_FOODS), ==, 5);
  g_assert_true (bz_record_get_resource (bz_record_get_item (rec, BZ_FOOD_LIST_FOODS, 0)) == &bz_food_summary_resource);
  g_clear_object (&rec);

  bz_foods_get_food_async (services, "99999", NULL, keep_result, &res);
  WAIT_FOR (res != NULL, 30, "an unknown food");
  g_assert_null (bz_foods_get_food_finish (services, res, &error));
  g_clear_object (&res);
  g_assert_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  bz_auth_get_user_async (services, caller->user_id, NULL, keep_result, &res);
  WAIT_FOR (res != NULL, 30, "the user record");
  rec = bz_auth_get_user_finish (services, res, &error);
  g_clear_object (&res);
  g_assert_no_error (error);
  g_assert_cmpstr (bz_record_get_string (rec, BZ_USER_EMAIL), ==, DEMO_EMAIL);
}

/* --- a phone: libsoup client against the embedded server ------------------ */

static JsonNode *
phone_send (SoupMessage *msg, guint expect_status)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  /* The server runs on its own thread; a synchronous call here is fine. */
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, expect_status);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_boolean_member (root, "success"));
  return json_node_copy (json_object_get_member (root, "data"));
}

static char *
phone_login (const char *base, const char *email)
{
  g_autofree char *url = g_strconcat (base, "/api/auth/login", NULL);
  g_autofree char *json = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"%s\"}", email, DEMO_PASSWORD);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) req = g_bytes_new (json, strlen (json));
  g_autoptr(JsonNode) data = NULL;
  soup_message_set_request_body_from_bytes (msg, "application/json", req);
  data = phone_send (msg, 200);
  return g_strdup (json_object_get_string_member (json_node_get_object (data), "access_token"));
}

static SoupMessage *
phone_request (const char *method, const char *base, const char *path, const char *token)
{
  g_autofree char *url = g_strconcat (base, path, NULL);
  g_autofree char *auth = g_strdup_printf ("Bearer %s", token);
  SoupMessage *msg = soup_message_new (method, url);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  return msg;
}

static JsonNode *
phone_get_json (const char *base, const char *path, const char *token)
{
  g_autoptr(SoupMessage) msg = phone_request ("GET", base, path, token);
  return phone_send (msg, 200);
}

static GBytes *
phone_get_bytes (const char *base, const char *path, const char *token)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = phone_request ("GET", base, path, token);
  g_autoptr(GError) error = NULL;
  GBytes *body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  return body;
}

static JsonNode *
phone_upload_meal (const char *base, const char *token, GBytes *png)
{
  g_autoptr(SoupMultipart) mp = soup_multipart_new ("multipart/form-data");
  g_autoptr(SoupMessage) msg = phone_request ("POST", base, "/api/nutrition/upload-meal", token);
  g_autoptr(GBytes) body = NULL;
  soup_multipart_append_form_file (mp, "image", "plate.png", "image/png", png);
  soup_multipart_append_form_string (mp, "meal_type", "snack");
  soup_multipart_to_message (mp, soup_message_get_request_headers (msg), &body);
  soup_message_set_request_body_from_bytes (msg, NULL, body);
  return phone_send (msg, 201);
}

static void
test_workstation (void)
{
  g_autofree char *data_dir = bz_test_tmpdir ("balanza-gui");
  BzRuntimeOptions opts = { 0 };
  BzWindow *window;
  BzSignInPage *sign_in;
  BzPatientsPage *patients;
  BzPatientPage *patient;
  BzAvatarView *view;
  BzMealDialog *dialog;
  BzGuiSession *session;
  BzRuntime *runtime = NULL;
  g_autoptr(GdkTexture) shot = NULL;
  g_autoptr(BzRecord) first = NULL;
  g_autofree char *status = NULL;
  g_autofree char *member_email = NULL;
  g_autofree char *member_name = NULL;
  guint meals_before;

  opts.data_dir = g_strdup (data_dir);
  opts.port = 0;
  opts.bind = g_strdup ("127.0.0.1");
  opts.demo = TRUE;

  window = bz_window_new (NULL, FALSE);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  bz_gui_test_window = GTK_WIDGET (window);
  gtk_window_present (GTK_WINDOW (window));

  /* 1. first start: food import and the demo clinic, with progress */
  bz_startup_run (window, &opts, NULL, bz_gui_test_runtime_done, &runtime);
  g_assert_cmpstr (bz_window_get_page_name (window), ==, "loading");
  WAIT_FOR (runtime != NULL, 240, "the runtime (food import, demo clinic, server)");
  g_assert_cmpstr (bz_window_get_page_name (window), ==, "sign-in");
  session = bz_window_get_session (window);
  g_assert_nonnull (session);
  status = bz_window_get_status_text (window);
  g_test_message ("status row: %s", status);
  {
    /* Compare against the catalogue's text, so the test runs in any language. */
    g_autofree char *expected = g_strdup_printf (_("Phones connect to %s"), "http://");
    g_assert_true (g_str_has_prefix (status, expected));
  }

  sign_in = bz_window_get_sign_in_page (window);
  bz_gui_test_settle (400);
  shot = bz_gui_test_screenshot (GTK_WIDGET (window));
  bz_gui_test_save_png (shot, "test-workstation-sign-in.png", "sign-in.png");
  g_clear_object (&shot);

  /* 2. a wrong password is refused inline */
  gtk_editable_set_text (bz_sign_in_page_get_email_entry (sign_in), DEMO_EMAIL);
  gtk_editable_set_text (bz_sign_in_page_get_password_entry (sign_in), "not-the-password");
  bz_gui_test_activate_entry (bz_sign_in_page_get_password_entry (sign_in));
  WAIT_FOR (bz_sign_in_page_get_error (sign_in) != NULL, 30, "the sign-in error");
  g_assert_cmpstr (bz_window_get_page_name (window), ==, "sign-in");
  g_assert_false (bz_gui_session_get_signed_in (session));

  /* 3. the demo nutritionist signs in with Enter */
  gtk_editable_set_text (bz_sign_in_page_get_password_entry (sign_in), DEMO_PASSWORD);
  bz_gui_test_activate_entry (bz_sign_in_page_get_password_entry (sign_in));
  WAIT_FOR (g_strcmp0 (bz_window_get_page_name (window), "patients") == 0, 30, "the patients page");

  patients = bz_window_get_patients_page (window);
  WAIT_FOR (!bz_patients_page_is_loading (patients)
            && g_list_model_get_n_items (bz_patients_page_get_model (patients)) > 0,
            30, "the patient list");
  g_test_message ("%u patients", g_list_model_get_n_items (bz_patients_page_get_model (patients)));
  g_assert_cmpuint (g_list_model_get_n_items (bz_patients_page_get_model (patients)), ==, 24);
  assert_patient_records (bz_patients_page_get_model (patients));
  bz_gui_test_settle (500);
  shot = bz_gui_test_screenshot (GTK_WIDGET (window));
  bz_gui_test_save_png (shot, "test-workstation-patients.png", "patients.png");
  g_clear_object (&shot);

  /* a search without matches shows its empty state; clearing it brings the list back */
  bz_patients_page_set_search (patients, "zzzz-nobody");
  WAIT_FOR (g_strcmp0 (bz_patients_page_get_state (patients), "empty") == 0, 30, "the no-results state");
  g_assert_cmpuint (g_list_model_get_n_items (bz_patients_page_get_model (patients)), ==, 0);
  shot = bz_gui_test_screenshot (GTK_WIDGET (window));
  bz_gui_test_save_png (shot, "test-workstation-no-results.png", NULL);
  g_clear_object (&shot);
  bz_patients_page_set_search (patients, "");
  WAIT_FOR (g_strcmp0 (bz_patients_page_get_state (patients), "list") == 0
            && g_list_model_get_n_items (bz_patients_page_get_model (patients)) == 24, 30, "the full list");

  /* 4. open the first patient; the avatar loads and renders */
  first = g_list_model_get_item (bz_patients_page_get_model (patients), 0);
  member_email = g_strdup (bz_record_get_string (first, BZ_PATIENT_SUMMARY_EMAIL));
  member_name = g_strdup (bz_record_get_string (first, BZ_PATIENT_SUMMARY_FULL_NAME));
  bz_patients_page_activate_row (patients, 0);
  g_assert_cmpstr (bz_window_get_page_name (window), ==, "patient");
  patient = bz_window_get_patient_page (window);
  view = bz_patient_page_get_avatar_view (patient);
  WAIT_FOR (!bz_patient_page_is_loading (patient), 60, "the patient page");
  g_assert_cmpuint (bz_patient_page_get_n_scans (patient), >=, 1);
  g_assert_cmpuint (bz_patient_page_get_n_scans (patient), ==,
                    bz_record_get_int (first, BZ_PATIENT_SUMMARY_SCAN_COUNT));
  assert_scan_rows (patient);
  /* the title: the patient file's basic_info */
  g_assert_cmpstr (bz_patient_page_get_patient_name (patient), ==, member_name);
  /* the window, on its widest page, fits an 800x600 screen (today's intake
   * and meals stack when two cards do not fit side by side) */
  {
    int min_width, min_height, nat;
    gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat, NULL, NULL);
    gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, 800, &min_height, &nat, NULL, NULL);
    g_test_message ("window minimum on the patient page: %dx%d", min_width, min_height);
    g_assert_cmpint (min_width, <=, 800);
    g_assert_cmpint (min_height, <=, 600);
  }
  /* At 800x600 the body and nutrition panes fold into one with a switcher
   * (AdwLeaflet); wide again, they stand side by side. */
  {
    int width, height;
    g_autoptr(GdkTexture) small = NULL;
    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_false (bz_patient_page_is_folded (patient));
    gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
    WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (window)) <= 800, 10, "the window at 800x600");
    WAIT_FOR (bz_patient_page_is_folded (patient), 10, "the panes to fold");
    bz_gui_test_settle (500);
    small = bz_gui_test_screenshot (GTK_WIDGET (window));
    bz_gui_test_save_png (small, "test-workstation-patient-800-body.png", "patient-800x600-body.png");
    g_clear_object (&small);
    bz_patient_page_show_pane (patient, "nutrition");
    bz_gui_test_settle (800);
    small = bz_gui_test_screenshot (GTK_WIDGET (window));
    bz_gui_test_save_png (small, "test-workstation-patient-800-nutrition.png", "patient-800x600-nutrition.png");
    bz_patient_page_show_pane (patient, "body");
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
    WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (window)) > 800, 10, "the window wide again");
    WAIT_FOR (!bz_patient_page_is_folded (patient), 10, "the panes to unfold");
  }
  g_assert_true (bz_avatar_view_has_mesh (view));
  WAIT_FOR (bz_avatar_view_get_frames_with_mesh (view) >= 1, 60, "the avatar to render");
  bz_gui_test_settle (500);

  shot = bz_gui_test_screenshot (GTK_WIDGET (window));
  bz_gui_test_save_png (shot, "test-workstation-patient.png", NULL);
  assert_avatar_visible (shot, GTK_WIDGET (view), GTK_WIDGET (window));
  g_clear_object (&shot);

  /* turning the avatar with the keyboard keeps it visible */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  bz_avatar_view_rotate (view, 90, 0);
  bz_gui_test_settle (300);
  shot = bz_gui_test_screenshot (GTK_WIDGET (window));
  assert_avatar_visible (shot, GTK_WIDGET (view), GTK_WIDGET (window));
  g_clear_object (&shot);
  bz_avatar_view_reset_camera (view);

  /* 5. add a meal: a camera frame (videotestsrc) and two USDA foods */
  meals_before = bz_patient_page_get_n_meals (patient);
  g_setenv ("BALANZA_CAMERA_PIPELINE", "videotestsrc num-buffers=1 pattern=smpte ! video/x-raw,width=640,height=480", TRUE);
  dialog = bz_window_open_meal_dialog (window);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  bz_meal_dialog_capture (dialog);
  WAIT_FOR (bz_meal_dialog_has_photo (dialog), 30, "the camera frame");
  bz_meal_dialog_search (dialog, "tortilla");
  WAIT_FOR (!bz_meal_dialog_is_busy (dialog) && bz_meal_dialog_get_n_results (dialog) > 0, 30, "food search");
  bz_meal_dialog_add_result (dialog, 0, 120);
  bz_meal_dialog_search (dialog, "beans");
  WAIT_FOR (!bz_meal_dialog_is_busy (dialog) && bz_meal_dialog_get_n_results (dialog) > 0, 30, "food search");
  bz_meal_dialog_add_result (dialog, 0, 150);
  g_assert_cmpuint (bz_meal_dialog_get_n_items (dialog), ==, 2);
  bz_gui_test_settle (500);
  shot = bz_gui_test_screenshot (GTK_WIDGET (dialog));
  bz_gui_test_save_png (shot, "test-workstation-add-meal.png", "add-meal.png");
  g_clear_object (&shot);

  bz_meal_dialog_save (dialog);
  WAIT_FOR (dialog == NULL, 30, "the meal to be saved");
  WAIT_FOR (bz_patient_page_get_n_meals (patient) == meals_before + 1
            && !bz_patient_page_is_loading (patient), 30, "the new meal on the patient page");
  assert_desk_meal_row (patient);
  check_meal_calls (session, bz_patient_page_get_patient_id (patient));
  check_record_calls (session, bz_patient_page_get_patient_id (patient), member_email,
                      bz_patient_page_get_n_scans (patient));

  /* 6. the member's phone, over HTTP to the embedded server: today's intake shows
   *    the meal the nutritionist just saved, the avatar downloads, and a photo the
   *    phone uploads appears on the desk without a refresh. */
  {
    g_autofree char *base = g_strdup_printf ("http://127.0.0.1:%u", bz_runtime_get_port (runtime));
    g_autofree char *token = NULL;
    g_autoptr(JsonNode) daily = NULL, scans = NULL, uploaded = NULL;
    g_autoptr(GBytes) glb = NULL, png = NULL;
    g_autoptr(GdkTexture) photo = NULL;
    JsonArray *meals;
    gboolean found_desk_meal = FALSE;
    const char *avatar_url;

    token = phone_login (base, member_email);
    daily = phone_get_json (base, "/api/nutrition/daily", token);
    meals = json_object_get_array_member (json_node_get_object (daily), "meals");
    for (guint i = 0; i < json_array_get_length (meals); i++)
      if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (meals, i), "source"),
                     "workstation") == 0)
        found_desk_meal = TRUE;
    g_assert_true (found_desk_meal);

    scans = phone_get_json (base, "/api/v1/scans", token);
    avatar_url = json_object_get_string_member (
        json_object_get_object_member (
            json_array_get_object_element (json_object_get_array_member (json_node_get_object (scans), "scans"), 0),
            "avatar"), "url");
    glb = phone_get_bytes (base, avatar_url, token);
    g_assert_cmpmem (g_bytes_get_data (glb, NULL), 4, "glTF", 4);

    shot = bz_gui_test_screenshot (GTK_WIDGET (window));
    photo = g_object_ref (shot);
    g_clear_object (&shot);
    png = gdk_texture_save_to_png_bytes (photo);
    uploaded = phone_upload_meal (base, token, png);
    g_assert_nonnull (uploaded);
    WAIT_FOR (bz_patient_page_get_n_meals (patient) == meals_before + 2
              && !bz_patient_page_is_loading (patient), 30, "the phone's meal on the desk");
  }
  bz_window_dismiss_toast (window);
  bz_gui_test_settle (800);
  shot = bz_gui_test_screenshot (GTK_WIDGET (window));
  bz_gui_test_save_png (shot, "test-workstation-patient-meals.png", "patient.png");
  assert_avatar_visible (shot, GTK_WIDGET (view), GTK_WIDGET (window));
  g_clear_object (&shot);

  /* the same page in the dark style */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  bz_gui_test_settle (800);
  shot = bz_gui_test_screenshot (GTK_WIDGET (window));
  bz_gui_test_save_png (shot, "test-workstation-patient-dark.png", "patient-dark.png");
  assert_avatar_visible (shot, GTK_WIDGET (view), GTK_WIDGET (window));
  g_clear_object (&shot);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* 7. back to the list with Alt+Left's action; sign out */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  g_assert_cmpstr (bz_window_get_page_name (window), ==, "patients");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL));
  g_assert_cmpstr (bz_window_get_page_name (window), ==, "sign-in");

  g_object_ref (session);
  bz_gui_test_window = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_FOR (window == NULL, 10, "the window to go");
  bz_runtime_shutdown (runtime);
  g_clear_object (&runtime);
  g_object_unref (session);

  /* 8. the kiosk on the same clinic: a member signs in and sees the own body and day */
  window = bz_window_new (NULL, TRUE);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  bz_gui_test_window = GTK_WIDGET (window);
  gtk_window_present (GTK_WINDOW (window));
  bz_startup_run (window, &opts, NULL, bz_gui_test_runtime_done, &runtime);
  WAIT_FOR (runtime != NULL, 120, "the kiosk's runtime");
  session = g_object_ref (bz_window_get_session (window));
  g_free (status);
  status = bz_window_get_status_text (window);
  g_assert_cmpstr (status, ==, "");   /* no staff status row on the kiosk */

  sign_in = bz_window_get_sign_in_page (window);
  gtk_editable_set_text (bz_sign_in_page_get_email_entry (sign_in), DEMO_EMAIL);
  gtk_editable_set_text (bz_sign_in_page_get_password_entry (sign_in), DEMO_PASSWORD);
  bz_gui_test_activate_entry (bz_sign_in_page_get_password_entry (sign_in));
  WAIT_FOR (bz_sign_in_page_get_error (sign_in) != NULL, 30, "the kiosk to refuse staff");
  g_assert_false (bz_gui_session_get_signed_in (session));

  gtk_editable_set_text (bz_sign_in_page_get_email_entry (sign_in), member_email);
  gtk_editable_set_text (bz_sign_in_page_get_password_entry (sign_in), DEMO_PASSWORD);
  bz_gui_test_activate_entry (bz_sign_in_page_get_password_entry (sign_in));
  WAIT_FOR (g_strcmp0 (bz_window_get_page_name (window), "patient") == 0, 30, "the member's page");
  patient = bz_window_get_patient_page (window);
  view = bz_patient_page_get_avatar_view (patient);
  WAIT_FOR (!bz_patient_page_is_loading (patient), 60, "the member's page to load");
  g_assert_cmpuint (bz_patient_page_get_n_scans (patient), >=, 1);
  g_assert_cmpuint (bz_patient_page_get_n_meals (patient), ==, meals_before + 2);
  assert_scan_rows (patient);
  /* the title: the member's own User record */
  g_assert_cmpstr (bz_patient_page_get_patient_name (patient), ==, member_name);
  WAIT_FOR (bz_avatar_view_get_frames_with_mesh (view) >= 1, 60, "the member's avatar to render");
  bz_gui_test_settle (500);
  shot = bz_gui_test_screenshot (GTK_WIDGET (window));
  bz_gui_test_save_png (shot, "test-workstation-kiosk.png", "kiosk.png");
  assert_avatar_visible (shot, GTK_WIDGET (view), GTK_WIDGET (window));
  g_clear_object (&shot);
  /* a member cannot leave the own page, only sign out */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_cmpstr (bz_window_get_page_name (window), ==, "patient");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL));
  g_assert_cmpstr (bz_window_get_page_name (window), ==, "sign-in");

  bz_gui_test_window = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_FOR (window == NULL, 10, "the kiosk to go");
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

  g_test_add_func ("/gui/workstation", test_workstation);
  return g_test_run ();
}
