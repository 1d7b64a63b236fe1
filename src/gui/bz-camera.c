/* bz-camera.c — one still frame from a camera through GStreamer, as JPEG. */
#include "bz-camera.h"

#include <glib/gi18n.h>
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <string.h>

#include "bz-runtime.h"

#define SETTLE_US   (600 * G_TIME_SPAN_MILLISECOND)
#define SETTLE_MAX  15     /* frames */
#define POLL_NS     (100 * GST_MSECOND)

static gboolean
is_device_path (const char *device)
{
  const char *name;

  if (g_str_has_prefix (device, "/dev/video"))
    {
      name = device + strlen ("/dev/video");
      if (*name == '\0' || strlen (name) > 3)
        return FALSE;
      for (; *name; name++)
        if (!g_ascii_isdigit (*name))
          return FALSE;
      return TRUE;
    }
  if (g_str_has_prefix (device, "/dev/v4l/by-id/"))
    {
      name = device + strlen ("/dev/v4l/by-id/");
      if (*name == '\0' || strlen (name) > 200)
        return FALSE;
      for (; *name; name++)
        if (!g_ascii_isalnum (*name) && !strchr ("._:-", *name))
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

char *
bz_camera_source_for (const char *pipeline_env, const char *device)
{
  if (pipeline_env && *pipeline_env)
    return g_strdup (pipeline_env);
  if (device && *device && is_device_path (device))
    return g_strdup_printf ("%s device=%s", BZ_CAMERA_DEFAULT_SOURCE, device);
  return g_strdup (BZ_CAMERA_DEFAULT_SOURCE);
}

char *
bz_camera_dup_source (void)
{
  g_autoptr(GSettings) settings = bz_runtime_settings_new ();
  g_autofree char *device = settings ? g_settings_get_string (settings, "camera-device") : NULL;

  return bz_camera_source_for (g_getenv (BZ_CAMERA_PIPELINE_ENV), device);
}

static gboolean
bus_error (GstElement *pipeline, gboolean starting, GError **error)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  g_autoptr(GstMessage) msg = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  g_autoptr(GError) gst_error = NULL;
  g_autofree char *debug = NULL;

  if (msg == NULL)
    return FALSE;
  gst_message_parse_error (msg, &gst_error, &debug);
  g_debug ("camera: %s (%s)", gst_error->message, debug ? debug : "");
  if (starting && (gst_error->domain == GST_RESOURCE_ERROR))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("No camera is available (%s). Open an image file instead, or set %s."),
                 gst_error->message, BZ_CAMERA_PIPELINE_ENV);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The camera stopped: %s"), gst_error->message);
  return TRUE;
}

static GBytes *
sample_to_bytes (GstSample *sample)
{
  GstBuffer *buffer = gst_sample_get_buffer (sample);
  GstMapInfo map;
  GBytes *bytes;

  if (buffer == NULL || !gst_buffer_map (buffer, &map, GST_MAP_READ))
    return NULL;
  bytes = g_bytes_new (map.data, map.size);
  gst_buffer_unmap (buffer, &map);
  return bytes;
}

GBytes *
bz_camera_capture (const char *source, GCancellable *cancellable, GError **error)
{
  g_autofree char *description = NULL, *owned_source = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstSample) last = NULL;
  GstStateChangeReturn ret;
  gint64 started, first_frame = 0;
  guint frames = 0;
  GBytes *result = NULL;

  if (!gst_init_check (NULL, NULL, error))
    return NULL;
  if (source == NULL)
    source = owned_source = bz_camera_dup_source ();

  description = g_strdup_printf ("%s ! videoconvert ! video/x-raw,format=I420 ! jpegenc quality=90 "
                                 "! appsink name=bz_sink sync=false max-buffers=2 drop=true", source);
  pipeline = gst_parse_launch_full (description, NULL, GST_PARSE_FLAG_FATAL_ERRORS, &parse_error);
  if (pipeline == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The camera pipeline “%s” is not valid: %s"), source, parse_error->message);
      return NULL;
    }
  gst_object_ref_sink (pipeline);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "bz_sink");

  ret = gst_element_set_state (pipeline, GST_STATE_PLAYING);
  if (ret == GST_STATE_CHANGE_FAILURE)
    {
      if (!bus_error (pipeline, TRUE, error))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("No camera is available. Open an image file instead, or set %s."),
                     BZ_CAMERA_PIPELINE_ENV);
      gst_element_set_state (pipeline, GST_STATE_NULL);
      return NULL;
    }

  started = g_get_monotonic_time ();
  for (;;)
    {
      g_autoptr(GstSample) sample = NULL;
      gint64 now;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        break;
      if (bus_error (pipeline, last == NULL, error))
        break;

      sample = gst_app_sink_try_pull_sample (GST_APP_SINK (sink), POLL_NS);
      now = g_get_monotonic_time ();
      if (sample != NULL)
        {
          g_clear_pointer (&last, gst_sample_unref);
          last = g_steal_pointer (&sample);
          if (frames++ == 0)
            first_frame = now;
          /* Let a live camera's exposure settle; a test source may stop after one. */
          if (frames >= SETTLE_MAX || now - first_frame >= SETTLE_US)
            {
              result = sample_to_bytes (last);
              break;
            }
          continue;
        }
      if (gst_app_sink_is_eos (GST_APP_SINK (sink)))
        {
          if (last)
            result = sample_to_bytes (last);
          else
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The camera delivered no picture."));
          break;
        }
      if (last == NULL && now - started > BZ_CAMERA_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                       _("The camera did not deliver a picture within %d seconds."),
                       BZ_CAMERA_TIMEOUT_MS / 1000);
          break;
        }
    }

  gst_element_set_state (pipeline, GST_STATE_NULL);
  if (result == NULL && error && *error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The camera delivered no picture."));
  return result;
}

static void
capture_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *bytes = bz_camera_capture (task_data, cancellable, &error);

  if (bytes)
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (task, error);
}

void
bz_camera_capture_async (const char *source, GCancellable *cancellable,
                         GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bz_camera_capture_async);
  g_task_set_task_data (task, g_strdup (source), g_free);
  g_task_run_in_thread (task, capture_thread);
}

GBytes *
bz_camera_capture_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
