/* test-camera.c — which camera the add-meal dialog opens (issue 12; suite
 * 'gui').  On a private session bus (GTestDBus; no portal, no camera here):
 * - the route's decision table (bz_camera_route_for());
 * - without the portal on the bus, the portal is not asked: the source is
 *   v4l2src, or $BALANZA_CAMERA_PIPELINE's videotestsrc, which gives a JPEG;
 * - with a stand-in portal (org.freedesktop.portal.Camera on the bus name
 *   org.freedesktop.portal.Desktop, refusing access as the desktop's privacy
 *   settings do), it is asked exactly when no pipeline and no device are set,
 *   and the refusal is an error that says where to allow the camera;
 * - in the add-meal dialog, "Take Photo" shows that message under the photo
 *   (screenshot camera-denied.png). */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <gst/gst.h>
#include <gtk/gtk.h>

#include "bz-camera.h"
#include "bz-camera-portal.h"
#include "bz-meal-dialog.h"
#include "bz-runtime.h"
#include "bz-window.h"
#include "bz-gui-test.h"
#include "bz-test-util.h"

#define DEMO_EMAIL    "demo@balanza.local"
#define DEMO_PASSWORD "Demo-2026!"
#define TEST_PIPELINE "videotestsrc num-buffers=1 ! video/x-raw,width=320,height=240"

static GTestDBus *test_bus;

/* --- a stand-in for xdg-desktop-portal's Camera interface ----------------------- */

static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Camera'>"
  "    <method name='AccessCamera'>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "    <method name='OpenPipeWireRemote'>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='h' name='fd' direction='out'/>"
  "    </method>"
  "    <property name='IsCameraPresent' type='b' access='read'/>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "</node>";

/* It runs in a thread of its own, as the real one runs in a process of its
 * own: libportal calls it synchronously (IsCameraPresent) from the GUI thread. */
typedef struct
{
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  GDBusConnection *connection;   /* its own connection to the test bus */
  guint owner_id, object_id;
  gint n_access, n_open;         /* atomic */
  gint ready;                    /* atomic */
} FakePortal;

typedef struct
{
  GDBusConnection *connection;
  char *destination;
  char *path;
} PendingResponse;

/* The Request's "Response" signal, sent to the caller alone as
 * xdg-desktop-portal sends it (libportal adds no match rule for it):
 * 2 = refused (the portal's answer when the permission store says no). */
static gboolean
send_refusal (gpointer data)
{
  PendingResponse *r = data;
  GVariantBuilder results;

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_dbus_connection_emit_signal (r->connection, r->destination, r->path, "org.freedesktop.portal.Request", "Response",
                                 g_variant_new ("(ua{sv})", 2, &results), NULL);
  g_object_unref (r->connection);
  g_free (r->destination);
  g_free (r->path);
  g_free (r);
  return G_SOURCE_REMOVE;
}

static void
portal_method (GDBusConnection *connection, const char *sender, const char *path, const char *iface,
               const char *method, GVariant *params, GDBusMethodInvocation *invocation, gpointer user_data)
{
  FakePortal *fake = user_data;

  if (g_str_equal (method, "AccessCamera"))
    {
      g_autoptr(GVariant) options = g_variant_get_child_value (params, 0);
      const char *token = "t";
      g_autofree char *who = g_strdup (sender + 1);   /* ":1.42" -> "1_42" */
      PendingResponse *r = g_new0 (PendingResponse, 1);

      g_atomic_int_inc (&fake->n_access);
      g_variant_lookup (options, "handle_token", "&s", &token);
      g_strdelimit (who, ".", '_');
      r->connection = g_object_ref (connection);
      r->destination = g_strdup (sender);
      r->path = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", who, token);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", r->path));
      {
        g_autoptr(GSource) idle = g_idle_source_new ();
        g_source_set_callback (idle, send_refusal, r, NULL);
        g_source_attach (idle, fake->context);
      }
      return;
    }
  g_atomic_int_inc (&fake->n_open);
  g_dbus_method_invocation_return_dbus_error (invocation, "org.freedesktop.portal.Error.NotAllowed", "not allowed");
}

static GVariant *
portal_property (GDBusConnection *connection, const char *sender, const char *path, const char *iface,
                 const char *name, GError **error, gpointer user_data)
{
  return g_str_equal (name, "version") ? g_variant_new_uint32 (1) : g_variant_new_boolean (TRUE);
}

static const GDBusInterfaceVTable portal_vtable = { portal_method, portal_property, NULL, { 0 } };

static gpointer
fake_portal_thread (gpointer data)
{
  FakePortal *fake = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (portal_xml, &error);
  gboolean owned = FALSE;

  g_assert_no_error (error);
  g_main_context_push_thread_default (fake->context);
  fake->connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (test_bus),
                                                              G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                                                              | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                              NULL, NULL, &error);
  g_assert_no_error (error);
  fake->object_id = g_dbus_connection_register_object (fake->connection, "/org/freedesktop/portal/desktop",
                                                       info->interfaces[0], &portal_vtable, fake, NULL, &error);
  g_assert_no_error (error);
  fake->owner_id = g_bus_own_name_on_connection (fake->connection, BZ_CAMERA_PORTAL_BUS_NAME,
                                                 G_BUS_NAME_OWNER_FLAGS_NONE, NULL, NULL, NULL, NULL);
  /* owned once the bus says so */
  for (int i = 0; i < 500 && !owned; i++)
    {
      g_autoptr(GVariant) reply = g_dbus_connection_call_sync (fake->connection, "org.freedesktop.DBus",
                                                               "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                                               "NameHasOwner",
                                                               g_variant_new ("(s)", BZ_CAMERA_PORTAL_BUS_NAME),
                                                               G_VARIANT_TYPE ("(b)"), 0, -1, NULL, NULL);
      if (reply)
        g_variant_get (reply, "(b)", &owned);
      if (!owned)
        g_main_context_iteration (fake->context, FALSE);
    }
  g_assert_true (owned);
  g_atomic_int_set (&fake->ready, 1);
  g_main_loop_run (fake->loop);
  g_bus_unown_name (fake->owner_id);
  g_dbus_connection_unregister_object (fake->connection, fake->object_id);
  g_dbus_connection_close_sync (fake->connection, NULL, NULL);
  g_clear_object (&fake->connection);
  while (g_main_context_iteration (fake->context, FALSE))
    ;
  g_main_context_pop_thread_default (fake->context);
  return NULL;
}

static void
fake_portal_start (FakePortal *fake)
{
  fake->context = g_main_context_new ();
  fake->loop = g_main_loop_new (fake->context, FALSE);
  fake->thread = g_thread_new ("fake-portal", fake_portal_thread, fake);
  WAIT_FOR (g_atomic_int_get (&fake->ready), 30, "the stand-in portal on the bus");
}

static gboolean
quit_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
fake_portal_stop (FakePortal *fake)
{
  g_main_context_invoke (fake->context, quit_loop, fake->loop);
  g_thread_join (fake->thread);
  g_main_loop_unref (fake->loop);
  g_main_context_unref (fake->context);
}

/* --- helpers -------------------------------------------------------------------- */

static void
opened (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GError **out_error = ((gpointer *) user_data)[1];
  BzCameraSource **out = ((gpointer *) user_data)[0];

  *out = bz_camera_open_finish (result, out_error);
  ((gpointer *) user_data)[2] = GINT_TO_POINTER (1);
}

/* bz_camera_open_async() run to its end. */
static BzCameraSource *
open_camera (GError **error)
{
  BzCameraSource *source = NULL;
  gpointer slots[3] = { &source, error, NULL };

  bz_camera_open_async (NULL, NULL, opened, slots);
  WAIT_FOR (slots[2] != NULL, 30, "the camera to open");
  return source;
}

static gboolean
have_pipewiresrc (void)
{
  g_autoptr(GstElementFactory) f = gst_init_check (NULL, NULL, NULL) ? gst_element_factory_find ("pipewiresrc") : NULL;
  return f != NULL;
}

/* --- the tests -------------------------------------------------------------------- */

static void
test_route (void)
{
  /* the pipeline wins; a sandbox goes through the portal when it can; then the device; then the portal */
  g_assert_cmpint (bz_camera_route_for (TEST_PIPELINE, "/dev/video2", TRUE, TRUE), ==, BZ_CAMERA_ROUTE_PIPELINE);
  g_assert_cmpint (bz_camera_route_for ("", "/dev/video2", TRUE, TRUE), ==, BZ_CAMERA_ROUTE_PORTAL);
  g_assert_cmpint (bz_camera_route_for (NULL, "/dev/video2", FALSE, TRUE), ==, BZ_CAMERA_ROUTE_DIRECT);
  g_assert_cmpint (bz_camera_route_for (NULL, "", FALSE, TRUE), ==, BZ_CAMERA_ROUTE_PORTAL);
  g_assert_cmpint (bz_camera_route_for (NULL, NULL, FALSE, FALSE), ==, BZ_CAMERA_ROUTE_DIRECT);
  g_assert_cmpint (bz_camera_route_for (NULL, "", TRUE, FALSE), ==, BZ_CAMERA_ROUTE_DIRECT);
  g_assert_false (bz_camera_is_sandboxed ());
}

static void
test_without_portal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzCameraSource) direct = NULL, test = NULL;
  g_autoptr(GBytes) jpeg = NULL;
  const guint8 *data;
  gsize size;

  g_unsetenv (BZ_CAMERA_PIPELINE_ENV);
  direct = open_camera (&error);
  g_assert_no_error (error);
  g_assert_cmpint (direct->route, ==, BZ_CAMERA_ROUTE_DIRECT);
  g_assert_cmpstr (direct->description, ==, "v4l2src");
  g_assert_cmpint (direct->fd, ==, -1);

  /* the fallback the tests use: a GStreamer test pattern, as a JPEG */
  g_setenv (BZ_CAMERA_PIPELINE_ENV, TEST_PIPELINE, TRUE);
  test = open_camera (&error);
  g_assert_no_error (error);
  g_assert_cmpint (test->route, ==, BZ_CAMERA_ROUTE_PIPELINE);
  g_assert_cmpstr (test->description, ==, TEST_PIPELINE);
  jpeg = bz_camera_capture (test->description, NULL, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (jpeg, &size);
  g_assert_cmpuint (size, >, 100);
  g_assert_cmpuint (data[0], ==, 0xFF);
  g_assert_cmpuint (data[1], ==, 0xD8);   /* JPEG's SOI marker */
  g_unsetenv (BZ_CAMERA_PIPELINE_ENV);
}

static void
test_portal_refused (void)
{
  FakePortal fake = { 0 };
  g_autoptr(GSettings) settings = bz_runtime_settings_new ();
  g_autoptr(GError) error = NULL;
  BzGuiDesk desk = { 0 };
  BzMealDialog *dialog;
  const char *shown;

#ifndef HAVE_LIBPORTAL
  g_test_skip ("built without libportal");
  return;
#endif
  if (!have_pipewiresrc ())
    {
      g_test_skip ("GStreamer's pipewiresrc is not installed (gstreamer1.0-pipewire)");
      return;
    }
  g_assert_nonnull (settings);
  fake_portal_start (&fake);

  /* a pipeline, or a device chosen in Preferences: the portal is not asked */
  g_setenv (BZ_CAMERA_PIPELINE_ENV, TEST_PIPELINE, TRUE);
  {
    g_autoptr(BzCameraSource) s = open_camera (&error);
    g_assert_no_error (error);
    g_assert_cmpint (s->route, ==, BZ_CAMERA_ROUTE_PIPELINE);
  }
  g_unsetenv (BZ_CAMERA_PIPELINE_ENV);
  g_settings_set_string (settings, "camera-device", "/dev/video7");
  {
    g_autoptr(BzCameraSource) s = open_camera (&error);
    g_assert_no_error (error);
    g_assert_cmpstr (s->description, ==, "v4l2src device=/dev/video7");
  }
  g_settings_reset (settings, "camera-device");
  g_assert_cmpint (g_atomic_int_get (&fake.n_access), ==, 0);

  /* the first camera: asked through the portal, which refuses */
  {
    g_autoptr(BzCameraSource) s = open_camera (&error);
    g_assert_null (s);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
    g_assert_nonnull (strstr (error->message, "Balanza"));
    g_clear_error (&error);
  }
  g_assert_cmpint (g_atomic_int_get (&fake.n_access), ==, 1);
  g_assert_cmpint (g_atomic_int_get (&fake.n_open), ==, 0);   /* no PipeWire remote without access */

  /* the add-meal dialog says so under the photo */
  bz_gui_desk_start (&desk, "camera", FALSE, 1280, 780);
  bz_gui_desk_sign_in (&desk, DEMO_EMAIL, DEMO_PASSWORD, "patients");
  bz_gui_desk_open_patient (&desk, NULL, NULL);
  dialog = bz_window_open_meal_dialog (desk.window);
  g_assert_nonnull (dialog);
  g_assert_null (bz_meal_dialog_get_photo_error (dialog));
  bz_meal_dialog_capture (dialog);
  WAIT_FOR (!bz_meal_dialog_is_busy (dialog), 30, "the camera's answer");
  shown = bz_meal_dialog_get_photo_error (dialog);
  g_assert_nonnull (shown);
  g_assert_cmpstr (shown, ==, _("Balanza may not use the camera. Allow it in Settings › Privacy › Camera, "
                                "then take the photo again, or open an image file instead."));
  g_assert_false (bz_meal_dialog_has_photo (dialog));
  g_assert_cmpint (g_atomic_int_get (&fake.n_access), ==, 2);
  bz_gui_test_settle (500);
  {
    g_autoptr(GdkTexture) shot = bz_gui_test_screenshot (GTK_WIDGET (dialog));
    bz_gui_test_save_png (shot, "test-camera-denied.png", "camera-denied.png");
  }
  bz_meal_dialog_discard (dialog);
  bz_gui_desk_stop (&desk);
  fake_portal_stop (&fake);
}

int
main (int argc, char *argv[])
{
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  int status;

  /* a session bus of our own, before anything connects to one (GTestDBus
   * unsets $DISPLAY, which Xvfb needs) */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (test_bus);
  if (display)
    g_setenv ("DISPLAY", display, TRUE);
  if (!bz_gui_test_init (&argc, &argv))
    return 77;
  g_test_add_func ("/gui/camera/route", test_route);
  g_test_add_func ("/gui/camera/without-portal", test_without_portal);
  g_test_add_func ("/gui/camera/portal-refused", test_portal_refused);
  status = g_test_run ();
  /* GTK and libadwaita keep the bus connection to the end, which
   * g_test_dbus_down() would wait for: GTestDBus's watcher process stops
   * the daemon when this process exits. */
  return status;
}
