/* bz-camera-portal.h — which camera the desk opens for a meal photo (issue
 * 12): the xdg-desktop-portal Camera portal (through libportal, the only
 * way in from a Flatpak sandbox, whose manifest grants no device), else
 * GStreamer's v4l2src on the device chosen in Preferences › Camera, or a
 * test pipeline from $BALANZA_CAMERA_PIPELINE.  The frame itself is taken
 * by bz_camera_capture() (bz-camera.h) from the source chosen here. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/** BZ_CAMERA_PORTAL_BUS_NAME: the portal's well-known name on the session bus. */
#define BZ_CAMERA_PORTAL_BUS_NAME "org.freedesktop.portal.Desktop"

/**
 * BzCameraRoute:
 * @BZ_CAMERA_ROUTE_PIPELINE: $BALANZA_CAMERA_PIPELINE, as it is (tests, demos)
 * @BZ_CAMERA_ROUTE_PORTAL: the Camera portal, then pipewiresrc on the
 *   PipeWire remote it opens
 * @BZ_CAMERA_ROUTE_DIRECT: v4l2src, on the "camera-device" setting or the first camera
 *
 * Where a photo comes from.
 */
typedef enum
{
  BZ_CAMERA_ROUTE_PIPELINE,
  BZ_CAMERA_ROUTE_PORTAL,
  BZ_CAMERA_ROUTE_DIRECT,
} BzCameraRoute;

/**
 * bz_camera_route_for:
 * @pipeline_env: (nullable): $BALANZA_CAMERA_PIPELINE; wins when not empty
 * @device: (nullable): the "camera-device" setting ("" = the first camera)
 * @sandboxed: running in a Flatpak sandbox (bz_camera_is_sandboxed())
 * @portal_usable: the portal is on the session bus and this build can use it
 *   (libportal and GStreamer's pipewiresrc)
 *
 * The decision, without I/O: the pipeline from the environment; else, in a
 * sandbox, the portal (the sandbox has no /dev/video*); else the device
 * chosen in Preferences; else the portal when it is there (it also asks the
 * user, and reaches cameras that only PipeWire offers); else v4l2src.
 *
 * Returns: the route.
 */
BzCameraRoute bz_camera_route_for (const char *pipeline_env, const char *device, gboolean sandboxed,
                                   gboolean portal_usable);

/**
 * bz_camera_is_sandboxed:
 * Returns: %TRUE inside a Flatpak sandbox (/.flatpak-info exists, as
 *   libportal's xdp_portal_running_under_flatpak() checks).
 */
gboolean      bz_camera_is_sandboxed (void);

/**
 * BzCameraSource:
 * @route: where it comes from
 * @description: a gst-launch source description for bz_camera_capture()
 * @fd: the PipeWire remote's file descriptor the portal opened (which
 *   @description names as "pipewiresrc fd=N"), or -1
 *
 * An opened camera.  pipewiresrc duplicates @fd, so freeing the source
 * after the capture has started, or finished, is safe.
 */
typedef struct
{
  BzCameraRoute route;
  char *description;
  int fd;
} BzCameraSource;

/**
 * bz_camera_source_free:
 * @source: (transfer full) (nullable): closes @fd too
 */
void          bz_camera_source_free (BzCameraSource *source);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzCameraSource, bz_camera_source_free)

/**
 * bz_camera_open_async:
 * @parent: (nullable): the window asking (the portal's dialog parent)
 *
 * Chooses the route (bz_camera_route_for()) and, for the portal, asks it
 * for access (xdp_portal_access_camera(); the desktop may ask the user)
 * and opens its PipeWire remote.  Whether the portal is there is asked of
 * the session bus (NameHasOwner, then ListActivatableNames, for
 * %BZ_CAMERA_PORTAL_BUS_NAME): the portal itself is only called when it
 * exists, never when $BALANZA_CAMERA_PIPELINE is set, and never in a build
 * without libportal (HAVE_LIBPORTAL).  GUI thread; nothing blocks but the
 * portal's IsCameraPresent and OpenPipeWireRemote calls (libportal 0.6 has
 * only synchronous forms of them).
 */
void            bz_camera_open_async  (GtkWindow *parent, GCancellable *cancellable, GAsyncReadyCallback callback,
                                       gpointer user_data);

/**
 * bz_camera_open_finish:
 * @error: G_IO_ERROR_PERMISSION_DENIED (the user or the desktop's privacy
 *   settings refused the camera; the message says where to allow it),
 *   G_IO_ERROR_NOT_FOUND (sandboxed, and no camera through the portal),
 *   G_IO_ERROR_CANCELLED, G_IO_ERROR_FAILED (the portal failed)
 * Returns: (transfer full): the source, or %NULL with @error.
 */
BzCameraSource *bz_camera_open_finish (GAsyncResult *result, GError **error);

G_END_DECLS
