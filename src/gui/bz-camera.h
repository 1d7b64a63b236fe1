/* bz-camera.h — one still frame from a camera through GStreamer, as JPEG. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BZ_CAMERA_PIPELINE_ENV "BALANZA_CAMERA_PIPELINE"
#define BZ_CAMERA_DEFAULT_SOURCE "v4l2src"
/** BZ_CAMERA_TIMEOUT_MS: how long to wait for the first frame. */
#define BZ_CAMERA_TIMEOUT_MS 8000

/**
 * bz_camera_source_for:
 * @pipeline_env: (nullable): $BALANZA_CAMERA_PIPELINE: any GStreamer source
 *   description (e.g. "videotestsrc num-buffers=1"); wins when not empty
 * @device: (nullable): Preferences › Camera (the "camera-device" key): a
 *   V4L2 device path, /dev/videoN or /dev/v4l/by-id/NAME; empty = the first
 *   camera found
 *
 * The source element of the capture pipeline.  A device path that is not of
 * those forms (a saved value edited by hand, say "/dev/video0 ! filesink")
 * is ignored, so a setting cannot add elements to the pipeline.
 *
 * Returns: (transfer full): a gst-launch source description:
 *   @pipeline_env, "v4l2src device=PATH" or "v4l2src".
 */
char       *bz_camera_source_for (const char *pipeline_env, const char *device);

/**
 * bz_camera_dup_source:
 * Returns: (transfer full): bz_camera_source_for() of the environment and
 *   the desk's "camera-device" setting.
 */
char       *bz_camera_dup_source (void);

/**
 * bz_camera_capture:
 * @source: (nullable): a gst-launch source description; %NULL = bz_camera_dup_source()
 * Runs "@source ! videoconvert ! jpegenc ! appsink" and returns one frame.  A
 * live camera runs about half a second first so exposure can settle.
 * Blocking: call from a worker thread.
 * Errors: G_IO_ERROR_NOT_FOUND (no camera), G_IO_ERROR_TIMED_OUT,
 *   G_IO_ERROR_INVALID_ARGUMENT (bad pipeline), G_IO_ERROR_CANCELLED, G_IO_ERROR_FAILED.
 * Returns: (transfer full): JPEG bytes, or %NULL.
 */
GBytes     *bz_camera_capture        (const char *source, GCancellable *cancellable, GError **error);

/** bz_camera_capture_async: bz_camera_capture() on a worker thread. */
void        bz_camera_capture_async  (const char *source, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
/** bz_camera_capture_finish: Returns: (transfer full): JPEG bytes, or %NULL. */
GBytes     *bz_camera_capture_finish (GAsyncResult *result, GError **error);

G_END_DECLS
