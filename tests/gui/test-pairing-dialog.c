/* test-pairing-dialog.c — "Pair a Phone" at the desk (issue 9; suite
 * 'gui').  Over the demo clinic, the nutritionist opens the first patient
 * and activates patient.pair-phone: the dialog gets a pairing code whose QR
 * payload names the HTTPS URL and the fingerprint of the runtime's
 * certificate; the QR code it draws has, module for module, the matrix
 * libqrencode makes of that payload (sampled at each module's centre, with a
 * white quiet zone) — nothing is decoded; the code is shown as text.  A
 * phone pairs with the code (through the device service, as
 * POST /api/v1/devices/pair does) and appears in the list; Revoke revokes it
 * in the store.  Pictures: tests/gui/test-pairing-dialog*.png in the build
 * dir; with $BALANZA_SCREENSHOT_DIR also pairing-dialog.png. */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <qrencode.h>
#include <string.h>

#include "bz-device-service.h"
#include "bz-pairing-dialog.h"
#include "bz-patient-page.h"
#include "bz-runtime.h"
#include "bz-window.h"
#include "bz-gui-test.h"

#define DEMO_EMAIL    "demo@balanza.local"
#define DEMO_PASSWORD "Demo-2026!"

static BzPairingDialog *
find_dialog (void)
{
  GListModel *tops = gtk_window_get_toplevels ();   /* transfer none */
  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (tops, i);
      if (BZ_IS_PAIRING_DIALOG (w))
        return BZ_PAIRING_DIALOG (w);
    }
  return NULL;
}

/* Whether the pixel at (@x, @y) of the B8G8R8A8 @pixels is dark. */
static gboolean
dark (const guint8 *pixels, gsize stride, int x, int y)
{
  const guint8 *p = pixels + y * stride + x * 4;
  return p[0] + p[1] + p[2] < 3 * 128;
}

/* The drawn modules equal qrencode's matrix for the payload. */
static void
check_qr (BzPairingDialog *dialog, const char *payload)
{
  int modules = 0, module_px = 0, margin = 0, size;
  GdkTexture *texture = bz_pairing_dialog_get_qr_texture (dialog, &modules, &module_px, &margin);
  QRcode *qr = QRcode_encodeString (payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  g_autofree guint8 *pixels = NULL;
  gsize stride;
  guint n_dark = 0;

  g_assert_nonnull (texture);
  g_assert_nonnull (qr);
  g_assert_cmpint (modules, ==, qr->width);
  size = gdk_texture_get_width (texture);
  g_assert_cmpint (size, ==, modules * module_px + 2 * margin);
  g_assert_cmpint (margin, ==, 4 * module_px);
  stride = (gsize) size * 4;
  pixels = g_malloc (stride * size);
  gdk_texture_download (texture, pixels, stride);
  for (int y = 0; y < qr->width; y++)
    for (int x = 0; x < qr->width; x++)
      {
        gboolean want = qr->data[y * qr->width + x] & 1;
        int cx = margin + x * module_px + module_px / 2, cy = margin + y * module_px + module_px / 2;
        if (dark (pixels, stride, cx, cy) != want)
          g_error ("module (%d, %d) is %s, qrencode says %s", x, y, want ? "light" : "dark", want ? "dark" : "light");
        n_dark += want;
      }
  g_assert_cmpuint (n_dark, >, 0);
  /* The quiet zone is white all round. */
  for (int i = 0; i < size; i++)
    {
      g_assert_false (dark (pixels, stride, i, margin / 2));
      g_assert_false (dark (pixels, stride, margin / 2, i));
      g_assert_false (dark (pixels, stride, i, size - 1 - margin / 2));
      g_assert_false (dark (pixels, stride, size - 1 - margin / 2, i));
    }
  QRcode_free (qr);
}

/* The code= member of @payload. */
static char *
payload_code (const char *payload)
{
  const char *c = strstr (payload, "&code=");
  g_assert_nonnull (c);
  return g_strndup (c + 6, strcspn (c + 6, "&"));
}

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

/* Whether the patient's only device is revoked in the store. */
static gboolean
device_revoked (BzServices *svc, BzGuiSession *session, const char *patient_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) list = bz_devices_list (svc, bz_gui_session_get_caller (session), patient_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (bz_record_get_n_items (list, BZ_DEVICE_LIST_DEVICES), ==, 1);
  return bz_record_get_boolean (bz_record_get_item (list, BZ_DEVICE_LIST_DEVICES, 0), BZ_DEVICE_REVOKED);
}

static void
test_pairing_dialog (void)
{
  BzGuiDesk desk = { 0 };
  BzPatientPage *patient;
  BzGuiSession *session;
  BzPairingDialog *dialog;
  BzServices *svc;
  g_autofree char *patient_id = NULL, *fingerprint = NULL, *code = NULL, *device_id = NULL, *want = NULL;
  const char *payload;

  bz_gui_desk_start (&desk, "pairing", FALSE, 1280, 900);
  session = bz_window_get_session (desk.window);
  svc = bz_gui_session_get_services (session);
  bz_gui_desk_sign_in (&desk, DEMO_EMAIL, DEMO_PASSWORD, "patients");
  patient = bz_gui_desk_open_patient (&desk, NULL, &patient_id);
  WAIT_FOR (!bz_patient_page_is_loading (patient), 60, "the patient page");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (patient), "patient.pair-phone", NULL));
  WAIT_FOR ((dialog = find_dialog ()) != NULL, 10, "the pairing dialog");
  bz_gui_test_window = GTK_WIDGET (dialog);
  WAIT_FOR (bz_pairing_dialog_get_payload (dialog) != NULL && bz_pairing_dialog_get_n_devices (dialog) >= 0, 30,
            "the pairing code and the devices");
  g_assert_cmpint (bz_pairing_dialog_get_n_devices (dialog), ==, 0);

  /* The payload: the HTTPS URL and the certificate the desk's runtime serves. */
  payload = bz_pairing_dialog_get_payload (dialog);
  fingerprint = bz_runtime_dup_tls_fingerprint (desk.runtime);
  g_assert_nonnull (fingerprint);
  g_assert_true (g_str_has_prefix (payload, "balanza://pair?v=1&url=https%3A%2F%2F"));
  want = g_strdup_printf ("&sha256=%s&code=", fingerprint);
  g_assert_nonnull (strstr (payload, want));
  check_qr (dialog, payload);

  /* The same as text below the QR code. */
  code = payload_code (payload);
  {
    g_autofree char *shown = g_strdup_printf ("%.5s-%s", code, code + 5);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (dialog), "pairing-code"))), ==, shown);
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (dialog), "pairing-url"))),
                                     "https://"));
  }
  bz_gui_test_settle (300);
  {
    g_autoptr(GdkTexture) shot = bz_gui_test_screenshot (GTK_WIDGET (dialog));
    bz_gui_test_save_png (shot, "test-pairing-dialog-code.png", NULL);
  }

  /* A phone pairs with the code: it appears in the list. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *body = g_strdup_printf ("{\"code\":\"%s\",\"device_name\":\"Moto G de Ana\",\"platform\":\"android\"}",
                                             code);
    g_autoptr(JsonNode) node = json_from_string (body, &error);
    g_autoptr(BzRecord) paired = bz_devices_pair (svc, json_node_get_object (node), &error);
    g_assert_no_error (error);
    device_id = g_strdup (bz_record_get_string (bz_record_get_object (paired, BZ_PAIR_RESULT_DEVICE), BZ_DEVICE_ID));
  }
  WAIT_FOR (bz_pairing_dialog_get_n_devices (dialog) == 1, 30, "the paired phone in the list");
  bz_gui_test_settle (300);
  {
    g_autoptr(GdkTexture) shot = bz_gui_test_screenshot (GTK_WIDGET (dialog));
    bz_gui_test_save_png (shot, "test-pairing-dialog.png", "pairing-dialog.png");
  }

  /* Revoke: the device is revoked in the store, and the list says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "pairing.revoke", "s", device_id));
  WAIT_FOR (device_revoked (svc, session, patient_id), 30, "the revocation");

  gtk_window_close (GTK_WINDOW (dialog));
  bz_gui_test_window = NULL;
  bz_gui_desk_stop (&desk);
}

int
main (int argc, char **argv)
{
  if (!bz_gui_test_init (&argc, &argv))
    return 77;
  g_test_add_func ("/gui/pairing-dialog", test_pairing_dialog);
  return g_test_run ();
}
