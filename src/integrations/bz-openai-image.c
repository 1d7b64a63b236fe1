/* bz-openai-image.c — the photo sent to an OpenAI-compatible server (see bz-openai-image.h). */
#include "bz-openai-image.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

GBytes *
bz_openai_image_prepare (GBytes *image, int *out_width, int *out_height, GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GdkPixbuf) upright = NULL;
  g_autoptr(GdkPixbuf) scaled = NULL;
  g_autoptr(GError) local = NULL;
  GdkPixbuf *decoded;
  gchar *buffer = NULL;
  gsize size = 0;
  int w, h, max;

  g_return_val_if_fail (image != NULL, NULL);
  if (!gdk_pixbuf_loader_write_bytes (loader, image, &local) || !gdk_pixbuf_loader_close (loader, &local) ||
      (decoded = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The photo cannot be decoded: %s",
                   local ? local->message : "no image");
      return NULL;
    }
  upright = gdk_pixbuf_apply_embedded_orientation (decoded);
  w = gdk_pixbuf_get_width (upright);
  h = gdk_pixbuf_get_height (upright);
  max = MAX (w, h);
  if (max > BZ_OPENAI_IMAGE_MAX_PX)
    {
      int nw = MAX (1, (int) ((gint64) w * BZ_OPENAI_IMAGE_MAX_PX / max));
      int nh = MAX (1, (int) ((gint64) h * BZ_OPENAI_IMAGE_MAX_PX / max));
      scaled = gdk_pixbuf_scale_simple (upright, nw, nh, GDK_INTERP_BILINEAR);
    }
  else
    scaled = g_object_ref (upright);
  if (scaled == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "The photo cannot be scaled");
      return NULL;
    }
  if (gdk_pixbuf_get_has_alpha (scaled))
    {
      /* JPEG has no alpha: flatten on white (a PNG with transparency). */
      GdkPixbuf *flat = gdk_pixbuf_composite_color_simple (scaled, gdk_pixbuf_get_width (scaled),
                                                           gdk_pixbuf_get_height (scaled), GDK_INTERP_NEAREST,
                                                           255, 8, 0xffffffu, 0xffffffu);
      g_object_unref (scaled);
      scaled = flat;
    }
  if (!gdk_pixbuf_save_to_buffer (scaled, &buffer, &size, "jpeg", &local, "quality", BZ_OPENAI_IMAGE_QUALITY, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The photo cannot be encoded: %s", local->message);
      return NULL;
    }
  if (out_width)
    *out_width = gdk_pixbuf_get_width (scaled);
  if (out_height)
    *out_height = gdk_pixbuf_get_height (scaled);
  return g_bytes_new_take (buffer, size);
}

char *
bz_openai_image_data_url (GBytes *jpeg)
{
  gsize size = 0;
  const guchar *data = g_bytes_get_data (jpeg, &size);
  g_autofree char *b64 = g_base64_encode (data, size);

  return g_strconcat ("data:image/jpeg;base64,", b64, NULL);
}
