/* bz-camera-portal.c — which camera the desk opens (see bz-camera-portal.h). */
#include "bz-camera-portal.h"

#include <glib/gi18n.h>
#include <gst/gst.h>
#include <unistd.h>

#ifdef HAVE_LIBPORTAL
#include <libportal-gtk4/portal-gtk4.h>
#include <libportal/portal.h>
#endif

#include "bz-camera.h"
#include "bz-runtime.h"

#define BUS_CALL_TIMEOUT_MS 5000   /* the bus daemon's own calls answer at once */

BzCameraRoute
bz_camera_route_for (const char *pipeline_env, const char *device, gboolean sandboxed, gboolean portal_usable)
{
  if (pipeline_env && *pipeline_env)
    return BZ_CAMERA_ROUTE_PIPELINE;
  if (sandboxed && portal_usable)
    return BZ_CAMERA_ROUTE_PORTAL;
  if (device && *device)
    return BZ_CAMERA_ROUTE_DIRECT;
  return portal_usable ? BZ_CAMERA_ROUTE_PORTAL : BZ_CAMERA_ROUTE_DIRECT;
}

gboolean
bz_camera_is_sandboxed (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

void
bz_camera_source_free (BzCameraSource *source)
{
  if (source == NULL)
    return;
  if (source->fd >= 0)
    close (source->fd);
  g_free (source->description);
  g_free (source);
}

static BzCameraSource *
source_new (BzCameraRoute route, char *description, int fd)
{
  BzCameraSource *source = g_new0 (BzCameraSource, 1);

  source->route = route;
  source->description = description;
  source->fd = fd;
  return source;
}

/* --- opening ------------------------------------------------------------------- */

typedef struct
{
  GtkWindow *parent;
  char *device;
  GDBusConnection *bus;
#ifdef HAVE_LIBPORTAL
  XdpPortal *portal;
  XdpParent *xdp_parent;
#endif
} OpenState;

static void
open_state_free (gpointer p)
{
  OpenState *s = p;

  g_clear_object (&s->parent);
  g_free (s->device);
  g_clear_object (&s->bus);
#ifdef HAVE_LIBPORTAL
  g_clear_pointer (&s->xdp_parent, xdp_parent_free);
  g_clear_object (&s->portal);
#endif
  g_free (s);
}

/* The route without the portal: v4l2src on the chosen device or the first. */
static void
return_direct (GTask *task)
{
  OpenState *s = g_task_get_task_data (task);

  if (bz_camera_is_sandboxed ())
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                               _("No camera is available: the desktop’s camera portal is not running. "
                                 "Open an image file instead."));
      return;
    }
  g_task_return_pointer (task, source_new (BZ_CAMERA_ROUTE_DIRECT, bz_camera_source_for (NULL, s->device), -1),
                         (GDestroyNotify) bz_camera_source_free);
}

#ifdef HAVE_LIBPORTAL
static void
access_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  OpenState *s = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  int fd;

  if (!xdp_portal_access_camera_finish (XDP_PORTAL (object), result, &error))
    {
      g_debug ("camera portal: %s", error ? error->message : "refused");
      if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Cancelled"));
      else
        /* libportal: response 1 (the user said no) or 2 (refused, e.g. by the privacy settings) */
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "%s",
                                 _("Balanza may not use the camera. Allow it in Settings › Privacy › Camera, "
                                   "then take the photo again, or open an image file instead."));
      return;
    }
  fd = xdp_portal_open_pipewire_remote_for_camera (s->portal);
  if (fd < 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                               _("The desktop’s camera portal did not open the camera."));
      return;
    }
  g_task_return_pointer (task, source_new (BZ_CAMERA_ROUTE_PORTAL, g_strdup_printf ("pipewiresrc fd=%d", fd), fd),
                         (GDestroyNotify) bz_camera_source_free);
}

static void
ask_portal (GTask *task)
{
  OpenState *s = g_task_get_task_data (task);

  s->portal = xdp_portal_new ();   /* on the session bus already connected (g_bus_get's singleton) */
  if (!xdp_portal_is_camera_present (s->portal) && !bz_camera_is_sandboxed ())
    {
      return_direct (task);   /* the portal sees no camera: try V4L2 ourselves */
      return;
    }
  s->xdp_parent = s->parent ? xdp_parent_new_gtk (s->parent) : NULL;
  xdp_portal_access_camera (s->portal, s->xdp_parent, XDP_CAMERA_FLAG_NONE, g_task_get_cancellable (task),
                            access_done, g_object_ref (task));
}
#endif

/* The portal is asked when the route says so and this build can: libportal,
 * and GStreamer's pipewiresrc to read the remote it opens. */
static void
decide (GTask *task, gboolean portal_on_bus)
{
#ifdef HAVE_LIBPORTAL
  OpenState *s = g_task_get_task_data (task);
  g_autoptr(GstElementFactory) pipewire =
    portal_on_bus && gst_init_check (NULL, NULL, NULL) ? gst_element_factory_find ("pipewiresrc") : NULL;

  if (bz_camera_route_for (NULL, s->device, bz_camera_is_sandboxed (), pipewire != NULL) == BZ_CAMERA_ROUTE_PORTAL)
    {
      ask_portal (task);
      return;
    }
#endif
  return_direct (task);
}

static void
activatable_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, NULL);
  g_autofree const char **names = NULL;
  gboolean found = FALSE;

  if (reply)
    {
      g_variant_get (reply, "(^a&s)", &names);
      found = g_strv_contains (names, BZ_CAMERA_PORTAL_BUS_NAME);
    }
  decide (task, found);
}

static void
has_owner_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, NULL);
  gboolean owned = FALSE;

  if (reply)
    g_variant_get (reply, "(b)", &owned);
  if (owned)
    {
      decide (task, TRUE);
      return;
    }
  /* not running: it may still be started on demand */
  g_dbus_connection_call (G_DBUS_CONNECTION (object), "org.freedesktop.DBus", "/org/freedesktop/DBus",
                          "org.freedesktop.DBus", "ListActivatableNames", NULL, G_VARIANT_TYPE ("(as)"),
                          G_DBUS_CALL_FLAGS_NONE, BUS_CALL_TIMEOUT_MS, g_task_get_cancellable (task),
                          activatable_done, g_object_ref (task));
}

static void
bus_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  OpenState *s = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  s->bus = g_bus_get_finish (result, &error);
  if (s->bus == NULL)
    {
      g_debug ("camera: no session bus (%s): no portal", error->message);
      decide (task, FALSE);
      return;
    }
  g_dbus_connection_call (s->bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "NameHasOwner", g_variant_new ("(s)", BZ_CAMERA_PORTAL_BUS_NAME), G_VARIANT_TYPE ("(b)"),
                          G_DBUS_CALL_FLAGS_NONE, BUS_CALL_TIMEOUT_MS, g_task_get_cancellable (task),
                          has_owner_done, g_object_ref (task));
}

void
bz_camera_open_async (GtkWindow *parent, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GSettings) settings = bz_runtime_settings_new ();
  const char *pipeline = g_getenv (BZ_CAMERA_PIPELINE_ENV);
  OpenState *s = g_new0 (OpenState, 1);

  g_task_set_source_tag (task, bz_camera_open_async);
  s->parent = parent ? g_object_ref (parent) : NULL;
  s->device = settings ? g_settings_get_string (settings, "camera-device") : g_strdup ("");
  g_task_set_task_data (task, s, open_state_free);
  if (bz_camera_route_for (pipeline, s->device, FALSE, FALSE) == BZ_CAMERA_ROUTE_PIPELINE)
    {
      g_task_return_pointer (task, source_new (BZ_CAMERA_ROUTE_PIPELINE, g_strdup (pipeline), -1),
                             (GDestroyNotify) bz_camera_source_free);
      return;
    }
#ifdef HAVE_LIBPORTAL
  g_bus_get (G_BUS_TYPE_SESSION, cancellable, bus_done, g_steal_pointer (&task));
#else
  (void) bus_done;
  decide (task, FALSE);
#endif
}

BzCameraSource *
bz_camera_open_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
