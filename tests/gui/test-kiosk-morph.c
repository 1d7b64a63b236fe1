/* test-kiosk-morph.c — the member's progress at the kiosk (issue 8; suite 'gui').
 *
 * Under Xvfb, a kiosk window over the demo clinic: paciente01 (five scans
 * over eight months, bz-demo.c) signs in; the progress section shows the
 * timeline from the first to the latest scan.  Moving the slider from the
 * first scan to the last changes the morphing body's pixels, while at the
 * first scan it is drawn as the earlier body beside it; with the change as
 * colour, the body at the last scan shows both the palette's blue (lost: the
 * waist) and its red (gained: the thighs), the blue above the red, and at
 * the first scan neither; the numbers beside it are the scans' own
 * (last − first, read through the scan service).  Then the edge states: a
 * member with no scan, with one scan, and with two of a different sex.
 *
 * Pictures: tests/gui/test-kiosk-morph-*.png in the build dir; with
 * $BALANZA_SCREENSHOT_DIR also kiosk-progress-{before,after,heatmap}.png and,
 * on a screen 1920 px tall (tools/dev's Xvfb), kiosk-progress-portrait.png
 * at 1080x1920 (run with LANGUAGE=es for docs/screenshots/es); at 800x600
 * the progress fits the window's width.
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "bz-auth-service.h"
#include "bz-auth-service-private.h"
#include "bz-demo.h"
#include "bz-kiosk-progress.h"
#include "bz-patient-page.h"
#include "bz-patient-service.h"
#include "bz-runtime.h"
#include "bz-scan-service.h"
#include "bz-sign-in-page.h"
#include "bz-window.h"
#include "bz-gui-test.h"
#include "bz-test-util.h"

#define MEMBER_EMAIL "paciente01@balanza.local"

typedef struct
{
  guint blue, red, body;
  double blue_y, red_y;        /* mean row of each, 0 top .. 1 bottom */
} Colours;

static gboolean
is_body (const guchar *p)
{
  int b = p[0], g = p[1], r = p[2], a = p[3];
  /* the card's background and the floor are greys; the body is not */
  return a >= 250 && !(abs (r - g) < 12 && abs (g - b) < 12 && abs (r - b) < 30);
}

/* Counts the body's pixels in @texture, and those on the cool (blue: lost)
 * and the warm (red: gained, or skin without the colours) side. */
static Colours
count_colours (GdkTexture *texture)
{
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  g_autofree guchar *px = g_malloc ((gsize) w * h * 4);
  Colours c = { 0 };

  gdk_texture_download (texture, px, w * 4);   /* GDK_MEMORY_DEFAULT: B G R A, premultiplied */
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guchar *p = px + ((gsize) y * w + x) * 4;
        int b = p[0], g = p[1], r = p[2];
        if (!is_body (p))
          continue;
        c.body++;
        if (b > r + 16)                 /* the cool side: lost */
          {
            c.blue++;
            c.blue_y += (double) y / h;
          }
        else if (r > b + 16 && g < r - 8) /* the warm side: gained (or skin) */
          {
            c.red++;
            c.red_y += (double) y / h;
          }
      }
  if (c.blue)
    c.blue_y /= c.blue;
  if (c.red)
    c.red_y /= c.red;
  return c;
}

/* How different two bodies' silhouettes are: the body's width on each row,
 * compared row by row (so a half-pixel shift between two side-by-side views
 * does not count), as a fraction of the first body's area. */
static double
silhouette_change (GdkTexture *a, GdkTexture *b)
{
  GdkTexture *t[2] = { a, b };
  int h = MIN (gdk_texture_get_height (a), gdk_texture_get_height (b));
  g_autofree int *rows = g_new0 (int, 2 * (gsize) h);
  double diff = 0, area = 0;

  for (guint k = 0; k < 2; k++)
    {
      int w = gdk_texture_get_width (t[k]);
      g_autofree guchar *px = g_malloc ((gsize) w * gdk_texture_get_height (t[k]) * 4);
      gdk_texture_download (t[k], px, w * 4);
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          rows[k * h + y] += is_body (px + ((gsize) y * w + x) * 4);
    }
  for (int y = 0; y < h; y++)
    {
      diff += abs (rows[y] - rows[h + y]);
      area += rows[y];
    }
  return area > 0 ? diff / area : 1;
}

/* Waits until @view has drawn its current state, and photographs it: the
 * window's picture cropped to the view. */
static GdkTexture *
view_shot (BzAvatarView *view)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (view)));
  g_autoptr(GdkTexture) shot = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guchar *px = NULL;
  graphene_rect_t r;
  int w, x0, y0, cw, ch;

  WAIT_FOR (bz_avatar_view_get_frames_with_mesh (view) >= 1, 20, "the body to be drawn");
  shot = bz_gui_test_screenshot (window);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (view), window, &r));
  w = gdk_texture_get_width (shot);
  x0 = (int) r.origin.x;
  y0 = (int) r.origin.y;
  cw = MIN ((int) r.size.width, w - x0);
  ch = MIN ((int) r.size.height, gdk_texture_get_height (shot) - y0);
  g_assert_cmpint (cw, >, 100);
  g_assert_cmpint (ch, >, 100);
  px = g_malloc ((gsize) w * gdk_texture_get_height (shot) * 4);
  gdk_texture_download (shot, px, w * 4);
  {
    guchar *crop = g_malloc ((gsize) cw * ch * 4);
    for (int y = 0; y < ch; y++)
      memcpy (crop + (gsize) y * cw * 4, px + ((gsize) (y0 + y) * w + x0) * 4, (gsize) cw * 4);
    bytes = g_bytes_new_take (crop, (gsize) cw * ch * 4);
  }
  return gdk_memory_texture_new (cw, ch, GDK_MEMORY_DEFAULT, bytes, (gsize) cw * 4);
}

static void
set_timeline (BzKioskProgress *progress, double t)
{
  gtk_range_set_value (bz_kiosk_progress_get_timeline (progress), t);
  g_assert_cmpfloat (bz_avatar_view_get_morph_position (bz_kiosk_progress_get_morph_view (progress)), ==, t);
  bz_gui_test_settle (100);
}

static void
save_window (BzGuiDesk *desk, const char *build_name, const char *docs_name)
{
  g_autoptr(GdkTexture) shot = NULL;
  bz_gui_test_settle (300);
  shot = bz_gui_test_screenshot (GTK_WIDGET (desk->window));
  bz_gui_test_save_png (shot, build_name, docs_name);
}

static BzKioskProgress *
sign_in_member (BzGuiDesk *desk, const char *email, guint n_scans)
{
  BzPatientPage *page;
  BzKioskProgress *progress;

  bz_auth_reset_rate_limits ();
  bz_gui_desk_sign_in (desk, email, BZ_DEMO_PASSWORD, "patient");
  page = bz_window_get_patient_page (desk->window);
  progress = bz_patient_page_get_progress (page);
  /* the page opens on today; "My Progress" in the header shows the progress */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (progress)));
  bz_kiosk_progress_show (progress, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (progress)));
  WAIT_FOR (!bz_patient_page_is_loading (page) && bz_kiosk_progress_get_n_scans (progress) == n_scans
            && g_strcmp0 (bz_kiosk_progress_get_state (progress), "loading") != 0, 60, "the member's progress");
  return progress;
}

static void
sign_out (BzGuiDesk *desk)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk->window), "win.sign-out", NULL));
  WAIT_FOR (g_strcmp0 (bz_window_get_page_name (desk->window), "sign-in") == 0, 15, "the sign-in page");
}

/* The morph of paciente01, its colours and its numbers. */
static void
check_showcase (BzGuiDesk *desk)
{
  BzServices *svc = bz_runtime_get_services (desk->runtime);
  BzKioskProgress *progress = sign_in_member (desk, MEMBER_EMAIL, 5);
  BzAvatarView *morph = bz_kiosk_progress_get_morph_view (progress);
  BzAvatarView *before = bz_kiosk_progress_get_before_view (progress);
  g_autoptr(GdkTexture) before_shot = NULL, start = NULL, end = NULL, heat_end = NULL, heat_start = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzCaller) member = bz_auth_sign_in (svc, MEMBER_EMAIL, BZ_DEMO_PASSWORD, &error);
  g_autoptr(BzRecord) list = NULL;
  Colours c;
  guint n, body0;
  double change;

  g_assert_no_error (error);
  g_assert_cmpstr (bz_kiosk_progress_get_state (progress), ==, "morph");
  g_assert_true (bz_avatar_view_has_mesh (morph));
  g_assert_true (bz_avatar_view_has_mesh (before));
  g_assert_cmpfloat (bz_kiosk_progress_get_range_cm (progress), >=, 1);

  /* The first scan: the morphing body is the earlier one, drawn alike. */
  bz_kiosk_progress_set_heatmap (progress, FALSE);
  set_timeline (progress, 0);
  start = view_shot (morph);
  before_shot = view_shot (before);
  c = count_colours (start);
  body0 = c.body;
  g_assert_cmpuint (c.body, >, 10000);           /* a body fills much of the card */
  g_assert_cmpuint (c.red, >, c.body / 2);        /* skin is warm ... */
  g_assert_cmpuint (c.blue, <, c.body / 200);     /* ... never cool */
  change = silhouette_change (before_shot, start);
  g_test_message ("silhouettes, the earlier body and the morph at 0: %.4f", change);
  g_assert_cmpfloat (change, <, 0.015);   /* two views a pixel apart in width: framed a hair apart */
  save_window (desk, "test-kiosk-morph-before.png", "kiosk-progress-before.png");

  /* The last scan: the body moved. */
  set_timeline (progress, 1);
  end = view_shot (morph);
  change = silhouette_change (start, end);
  g_test_message ("silhouettes, first -> last: %.4f", change);
  g_assert_cmpfloat (change, >, 0.015);   /* the waist 7 % narrower, the thighs wider */
  save_window (desk, "test-kiosk-morph-after.png", "kiosk-progress-after.png");

  /* The change as colour: blue (lost, the waist) above red (gained, the thighs). */
  bz_kiosk_progress_set_heatmap (progress, TRUE);
  heat_end = view_shot (morph);
  c = count_colours (heat_end);
  g_test_message ("heatmap: %u blue, %u red of %u body pixels; blue at %.2f, red at %.2f of the height",
                  c.blue, c.red, c.body, c.blue_y, c.red_y);
  g_assert_cmpuint (c.blue, >, c.body / 50);
  g_assert_cmpuint (c.red, >, c.body / 50);
  g_assert_cmpfloat (c.blue_y, <, c.red_y);
  save_window (desk, "test-kiosk-morph-heatmap.png", "kiosk-progress-heatmap.png");
  /* At the first scan nothing has changed yet: neither colour. */
  set_timeline (progress, 0);
  heat_start = view_shot (morph);
  c = count_colours (heat_start);
  g_test_message ("heatmap at the first scan: %u blue, %u red", c.blue, c.red);
  g_assert_cmpuint (c.blue + c.red, <, body0 / 200);   /* the palette's grey middle */
  set_timeline (progress, 1);

  /* The numbers are the scans' own: last − first. */
  list = bz_scans_get_list (svc, member, NULL, &error);
  g_assert_no_error (error);
  n = bz_record_get_n_items (list, BZ_SCAN_LIST_SCANS);
  g_assert_cmpuint (n, ==, 5);
  for (guint r = 0; r < BZ_PROGRESS_N_REGIONS; r++)
    {
      BzRecord *first = bz_record_get_item (list, BZ_SCAN_LIST_SCANS, n - 1);
      BzRecord *last = bz_record_get_item (list, BZ_SCAN_LIST_SCANS, 0);
      double want = bz_progress_region_value (last, r) - bz_progress_region_value (first, r), got = NAN;
      const char *text = bz_kiosk_progress_get_change_text (progress, r);
      g_autofree char *digits = g_strdup_printf ("%.1f", fabs (want));

      g_assert_true (bz_kiosk_progress_get_change (progress, r, &got));
      g_assert_cmpfloat_with_epsilon (got, want, 1e-9);
      g_test_message ("region %u: %s", r, text);
      g_assert_nonnull (strstr (text, digits));
      g_assert_true (want <= -0.05 ? g_str_has_prefix (text, "−") : want >= 0.05 ? g_str_has_prefix (text, "+") : TRUE);
    }
  {
    double waist = 0, thigh = 0;
    g_assert_true (bz_kiosk_progress_get_change (progress, BZ_PROGRESS_WAIST, &waist));
    g_assert_true (bz_kiosk_progress_get_change (progress, BZ_PROGRESS_THIGH, &thigh));
    g_assert_cmpfloat (waist, <, 0);
    g_assert_cmpfloat (thigh, >, 0);
  }

  /* Another pair: the second scan to the fourth. */
  bz_kiosk_progress_select (progress, 1, 3);
  WAIT_FOR (g_strcmp0 (bz_kiosk_progress_get_state (progress), "morph") == 0, 30, "the second morph");
  {
    double waist = 0;
    BzRecord *s1 = bz_record_get_item (list, BZ_SCAN_LIST_SCANS, n - 2);
    BzRecord *s3 = bz_record_get_item (list, BZ_SCAN_LIST_SCANS, n - 4);
    g_assert_true (bz_kiosk_progress_get_change (progress, BZ_PROGRESS_WAIST, &waist));
    g_assert_cmpfloat_with_epsilon (waist, bz_progress_region_value (s3, BZ_PROGRESS_WAIST)
                                    - bz_progress_region_value (s1, BZ_PROGRESS_WAIST), 1e-9);
  }
  sign_out (desk);
}

/* A member with no scan, then one scan, then a second of the other sex. */
static void
check_edges (BzGuiDesk *desk)
{
  BzServices *svc = bz_runtime_get_services (desk->runtime);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzCaller) staff = bz_auth_sign_in (svc, BZ_DEMO_NUTRITIONIST_EMAIL, BZ_DEMO_PASSWORD, &error);
  g_autoptr(JsonObject) in = json_object_new ();
  g_autoptr(BzRecord) created = NULL;
  BzKioskProgress *progress;
  const char *patient_id;
  const char *sexes[] = { "female", "male" };

  g_assert_no_error (error);
  json_object_set_string_member (in, "email", "sin-escaneos@balanza.local");
  json_object_set_string_member (in, "password", BZ_DEMO_PASSWORD);
  json_object_set_string_member (in, "first_name", "Inés");
  json_object_set_string_member (in, "last_name", "Prueba");
  json_object_set_string_member (in, "gender", "female");
  created = bz_patients_add (svc, staff, in, NULL, &error);
  g_assert_no_error (error);
  patient_id = bz_record_get_string (bz_record_get_object (created, BZ_PATIENT_CREATION_PATIENT), BZ_PATIENT_CREATED_ID);

  progress = sign_in_member (desk, "sin-escaneos@balanza.local", 0);
  g_assert_cmpstr (bz_kiosk_progress_get_state (progress), ==, "none");
  save_window (desk, "test-kiosk-morph-none.png", NULL);

  for (guint s = 0; s < 2; s++)
    {
      g_autoptr(JsonObject) scan = json_object_new ();
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) when = g_date_time_add_days (now, s == 0 ? -60 : -1);
      g_autofree char *ts = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
      g_autoptr(BzRecord) res = NULL;
      json_object_set_string_member (scan, "patient_id", patient_id);
      json_object_set_string_member (scan, "measured_at", ts);
      json_object_set_string_member (scan, "sex", sexes[s]);
      json_object_set_int_member (scan, "age", 40);
      json_object_set_double_member (scan, "height_cm", 165);
      json_object_set_double_member (scan, "weight_kg", 70 - s);
      json_object_set_double_member (scan, "body_fat_percent", 32);
      json_object_set_double_member (scan, "skeletal_muscle_mass_kg", 24);
      res = bz_scans_add (svc, staff, scan, &error);
      g_assert_no_error (error);
      /* the page follows the store: the section changes by itself */
      WAIT_FOR (bz_kiosk_progress_get_n_scans (progress) == s + 1
                && g_strcmp0 (bz_kiosk_progress_get_state (progress), "loading") != 0, 30, "the new scan");
      g_assert_cmpstr (bz_kiosk_progress_get_state (progress), ==, s == 0 ? "one" : "impossible");
      save_window (desk, s == 0 ? "test-kiosk-morph-one.png" : "test-kiosk-morph-impossible.png", NULL);
    }
  sign_out (desk);
}

static void
test_kiosk_morph (void)
{
  BzGuiDesk desk = { 0 };

  bz_gui_desk_start (&desk, "kiosk-morph", TRUE, 1600, 1000);
  check_showcase (&desk);
  check_edges (&desk);
  bz_gui_desk_stop (&desk);

  /* A small kiosk, 800x600: the progress fits its width (the page scrolls down). */
  {
    BzKioskProgress *progress;
    int min = 0;
    bz_gui_desk_start (&desk, "kiosk-morph-small", TRUE, 800, 600);
    progress = sign_in_member (&desk, MEMBER_EMAIL, 5);
    view_shot (bz_kiosk_progress_get_morph_view (progress));
    save_window (&desk, "test-kiosk-morph-800x600.png", NULL);
    gtk_widget_measure (GTK_WIDGET (progress), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    g_test_message ("progress at 800x600: at least %d px wide", min);
    g_assert_cmpint (min, <=, 800 - 2 * 18);   /* the page's margins */
    bz_gui_desk_stop (&desk);
  }

  /* The kiosk screen mounted in portrait, when the X screen is that tall. */
  {
    GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
    g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
    GdkRectangle geometry = { 0 };
    if (monitor)
      gdk_monitor_get_geometry (monitor, &geometry);
    if (geometry.height >= 1920)
      {
        BzKioskProgress *progress;
        bz_gui_desk_start (&desk, "kiosk-morph-portrait", TRUE, 1080, 1920);
        progress = sign_in_member (&desk, MEMBER_EMAIL, 5);
        g_assert_cmpstr (bz_kiosk_progress_get_state (progress), ==, "morph");
        view_shot (bz_kiosk_progress_get_morph_view (progress));
        save_window (&desk, "test-kiosk-morph-portrait.png", "kiosk-progress-portrait.png");
        bz_gui_desk_stop (&desk);
      }
    else
      g_test_message ("screen %dx%d: no portrait picture", geometry.width, geometry.height);
  }
}

int
main (int argc, char **argv)
{
  if (!bz_gui_test_init (&argc, &argv))
    return 77;
  g_test_add_func ("/gui/kiosk-morph", test_kiosk_morph);
  return g_test_run ();
}
