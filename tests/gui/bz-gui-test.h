/* bz-gui-test.h — what the GUI tests share: start-up under Xvfb, waiting on
 * the main loop with a time-out, screenshots, and the small steps of driving
 * the real window (suite 'gui'). */
#pragma once

#include <adwaita.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The window a time-out photographs for the log (set by the test; may be NULL). */
extern GtkWidget *bz_gui_test_window;

/**
 * bz_gui_test_init:
 *
 * Memory GSettings, X11 (Xvfb), no accessibility bus, g_test_init(), the
 * LANGUAGE the test runs in (bz_runtime_init_i18n()), GTK and libadwaita,
 * Balanza's resources, no animations (screenshots never catch a cross-fade)
 * and a 20 ms tick that keeps the main loop turning.
 *
 * Returns: %TRUE; %FALSE without a display (the test then exits 77: skipped).
 */
gboolean    bz_gui_test_init            (int *argc, char ***argv);

/* g_error() after saving a picture of bz_gui_test_window. */
void        bz_gui_test_timed_out       (const char *what, int seconds) G_GNUC_NORETURN;

#define WAIT_FOR(cond, seconds, what)                                                  \
  G_STMT_START {                                                                       \
    gint64 _deadline = g_get_monotonic_time () + (gint64) (seconds) * G_USEC_PER_SEC;  \
    while (!(cond))                                                                    \
      {                                                                                \
        if (g_get_monotonic_time () > _deadline)                                       \
          bz_gui_test_timed_out (what, seconds);                                       \
        g_main_context_iteration (NULL, TRUE);                                         \
      }                                                                                \
  } G_STMT_END

/* Lets @ms of frames go by (layout, GL rendering, transitions). */
void        bz_gui_test_settle          (guint ms);

/* The widget as the user sees it: its snapshot rendered by its own renderer,
 * once it is laid out (at most 10 s).  Returns: (transfer full). */
GdkTexture *bz_gui_test_screenshot      (GtkWidget *window);

/* Saves @texture as <build>/tests/gui/@build_name and, with
 * $BALANZA_SCREENSHOT_DIR, as @docs_name there too (docs/screenshots/). */
void        bz_gui_test_save_png        (GdkTexture *texture, const char *build_name, const char *docs_name);

/* bz_startup_run()'s callback: *(BzRuntime **) @user_data, or g_error(). */
void        bz_gui_test_runtime_done    (GObject *source, GAsyncResult *result, gpointer user_data);

/* What Enter does in an entry: its GtkText emits "activate". */
void        bz_gui_test_activate_entry  (GtkEditable *row);

/**
 * BzGuiDesk:
 * A window over a fresh demo clinic in a scratch data directory, the runtime
 * it started, and the options it was started with: what every desk test
 * sets up first.  @window is a weak pointer (%NULL once destroyed).
 */
typedef struct _BzWindow BzWindow;
typedef struct _BzRuntime BzRuntime;
typedef struct _BzPatientPage BzPatientPage;
typedef struct
{
  char *data_dir;
  gpointer opts;        /* BzRuntimeOptions */
  BzRuntime *runtime;
  BzWindow *window;
} BzGuiDesk;

/* Starts the demo clinic in a window of @width × @height (@kiosk: the member kiosk) and waits for its runtime. */
void           bz_gui_desk_start        (BzGuiDesk *desk, const char *name, gboolean kiosk, int width, int height);
/* Signs in through the sign-in page and waits for the page @page_name ("patients", "patient"). */
void           bz_gui_desk_sign_in      (BzGuiDesk *desk, const char *email, const char *password, const char *page_name);
/* Opens the patient of the list whose email is @email (%NULL: the first) and waits for the page to load. */
BzPatientPage *bz_gui_desk_open_patient (BzGuiDesk *desk, const char *email, char **out_patient_id);
/* Closes the window, shuts the runtime down and removes the data directory. */
void           bz_gui_desk_stop         (BzGuiDesk *desk);

/* Runs @argv (a program from PATH) and returns its standard output; g_error() when it fails. */
char       *bz_gui_test_run_tool        (const char *const *argv);

G_END_DECLS
