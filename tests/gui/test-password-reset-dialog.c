/* test-password-reset-dialog.c — "Reset password" at the desk (issue 9,
 * "Password reset"; suite 'gui').  Over the demo clinic, the nutritionist
 * opens a member's page and activates patient.reset-password: a dialog
 * shows a one-time code (as XXXX-XXXX, selectable) once.  The member then
 * resets the password with that code through the service (as POST
 * /api/v1/auth/password/reset does) and signs in with the new password; the
 * old one no longer works.  Picture: tests/gui/test-password-reset-dialog.png
 * (and -page.png, the patient page with its button) in the build dir; with
 * $BALANZA_SCREENSHOT_DIR also password-reset-dialog.png. */
#include <adwaita.h>
#include <gtk/gtk.h>
#include <string.h>

#include "bz-auth-service.h"
#include "bz-password-reset-service.h"
#include "bz-patient-page.h"
#include "bz-window.h"
#include "bz-gui-test.h"

#define DEMO_EMAIL      "demo@balanza.local"
#define DEMO_PASSWORD   "Demo-2026!"
#define MEMBER_EMAIL    "paciente03@balanza.local"

static GtkWidget *
find_named (GtkWidget *root, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);
      if (found)
        return found;
    }
  return NULL;
}

/* The label of the code in a toplevel message dialog, or NULL. */
static GtkWidget *
find_code_label (AdwMessageDialog **out_dialog)
{
  GListModel *tops = gtk_window_get_toplevels ();   /* transfer none */
  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (tops, i);
      GtkWidget *label;
      if (ADW_IS_MESSAGE_DIALOG (w) && (label = find_named (GTK_WIDGET (w), "password-reset-code")))
        {
          *out_dialog = ADW_MESSAGE_DIALOG (w);
          return label;
        }
    }
  return NULL;
}

static void
test_password_reset_dialog (void)
{
  BzGuiDesk desk = { 0 };
  BzPatientPage *patient;
  BzServices *svc;
  AdwMessageDialog *dialog = NULL;
  GtkWidget *label;
  g_autofree char *patient_id = NULL, *code = NULL;
  const char *shown;

  bz_gui_desk_start (&desk, "password-reset", FALSE, 1280, 900);
  svc = bz_gui_session_get_services (bz_window_get_session (desk.window));
  bz_gui_desk_sign_in (&desk, DEMO_EMAIL, DEMO_PASSWORD, "patients");
  patient = bz_gui_desk_open_patient (&desk, MEMBER_EMAIL, &patient_id);
  WAIT_FOR (!bz_patient_page_is_loading (patient), 60, "the patient page");

  bz_gui_test_settle (300);
  {
    g_autoptr(GdkTexture) shot = bz_gui_test_screenshot (GTK_WIDGET (desk.window));
    bz_gui_test_save_png (shot, "test-password-reset-dialog-page.png", NULL);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (patient), "patient.reset-password", NULL));
  WAIT_FOR ((label = find_code_label (&dialog)) != NULL, 30, "the reset code dialog");
  bz_gui_test_window = GTK_WIDGET (dialog);
  shown = gtk_label_get_text (GTK_LABEL (label));
  g_assert_cmpuint (strlen (shown), ==, BZ_PASSWORD_RESET_CODE_CHARS + 1);
  g_assert_cmpint (shown[4], ==, '-');
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), MEMBER_EMAIL));
  code = g_strdup (shown);
  bz_gui_test_settle (300);
  {
    g_autoptr(GdkTexture) shot = bz_gui_test_screenshot (GTK_WIDGET (dialog));
    bz_gui_test_save_png (shot, "test-password-reset-dialog.png", "password-reset-dialog.png");
  }

  /* The member uses the code as typed from the dialog. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\",\"code\":\"%s\",\"new_password\":\"Nueva-Clave-2026!\"}",
                                             MEMBER_EMAIL, code);
    g_autoptr(JsonNode) node = json_from_string (body, &error);
    g_assert_no_error (error);
    g_assert_true (bz_password_reset (svc, json_node_get_object (node), NULL, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BzCaller) caller = bz_auth_sign_in (svc, MEMBER_EMAIL, "Nueva-Clave-2026!", &error);
    g_assert_no_error (error);
    g_assert_nonnull (caller);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BzCaller) caller = bz_auth_sign_in (svc, MEMBER_EMAIL, DEMO_PASSWORD, &error);
    g_assert_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED);
    g_assert_null (caller);
  }

  gtk_window_close (GTK_WINDOW (dialog));
  bz_gui_test_window = NULL;
  bz_gui_desk_stop (&desk);
}

int
main (int argc, char **argv)
{
  if (!bz_gui_test_init (&argc, &argv))
    return 77;
  g_test_add_func ("/gui/password-reset-dialog", test_password_reset_dialog);
  return g_test_run ();
}
