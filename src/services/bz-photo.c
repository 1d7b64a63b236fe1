/* bz-photo.c — uploaded photos: header check, bounded decode, display copy. */
#include "bz-photo.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>

#include "bz-error.h"
#include "bz-image.h"
#include "bz-limits.h"

void
bz_photo_clear (BzPhoto *photo)
{
  g_clear_pointer (&photo->original, g_bytes_unref);
  g_clear_pointer (&photo->display, g_bytes_unref);
}

/* At most BZ_IMAGE_CONCURRENT_DECODES decoders at once: each may hold up to
 * BZ_IMAGE_MAX_PIXELS × 4 bytes. */
static GMutex decode_lock;
static GCond decode_cond;
static guint decodes_running;

static gboolean
decode_slot_take (void)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  gboolean ok = TRUE;
  g_mutex_lock (&decode_lock);
  while (ok && decodes_running >= BZ_IMAGE_CONCURRENT_DECODES)
    ok = g_cond_wait_until (&decode_cond, &decode_lock, deadline);
  if (ok)
    decodes_running++;
  g_mutex_unlock (&decode_lock);
  return ok;
}

static void
decode_slot_release (void)
{
  g_mutex_lock (&decode_lock);
  decodes_running--;
  g_cond_signal (&decode_cond);
  g_mutex_unlock (&decode_lock);
}

static void
fit_display (GdkPixbufLoader *loader, int width, int height, gpointer data)
{
  int side = MAX (width, height);
  if (side > BZ_IMAGE_DISPLAY_MAX_SIDE)
    gdk_pixbuf_loader_set_size (loader,
                                MAX (1, (int) ((gint64) width * BZ_IMAGE_DISPLAY_MAX_SIDE / side)),
                                MAX (1, (int) ((gint64) height * BZ_IMAGE_DISPLAY_MAX_SIDE / side)));
}

static GError *
photo_error (int code, const char *field, const char *issue, const char *message)
{
  GError *e = g_error_new_literal (BZ_ERROR, code, message);
  bz_error_add_detail (e, field, issue, message);
  return e;
}

/* Decodes at display size and writes a metadata-free JPEG. */
static GBytes *
make_display_copy (GBytes *bytes, const char *mime)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_mime_type (mime, NULL);
  g_autoptr(GdkPixbuf) upright = NULL;
  g_autoptr(GdkPixbuf) flat = NULL;
  GdkPixbuf *pix;
  gsize len;
  const guchar *d = g_bytes_get_data (bytes, &len);
  char *out = NULL;
  gsize out_len = 0;

  if (loader == NULL)
    return NULL;
  g_signal_connect (loader, "size-prepared", G_CALLBACK (fit_display), NULL);
  if (!gdk_pixbuf_loader_write (loader, d, len, NULL))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }
  if (!gdk_pixbuf_loader_close (loader, NULL) || (pix = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    return NULL;
  upright = gdk_pixbuf_apply_embedded_orientation (pix);
  if (gdk_pixbuf_get_has_alpha (upright))
    {
      /* JPEG has no alpha: flatten onto white, as a printed photo would be. */
      int w = gdk_pixbuf_get_width (upright), h = gdk_pixbuf_get_height (upright);
      flat = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, w, h);
      if (flat == NULL)
        return NULL;
      gdk_pixbuf_fill (flat, 0xFFFFFFFF);
      gdk_pixbuf_composite (upright, flat, 0, 0, w, h, 0, 0, 1, 1, GDK_INTERP_NEAREST, 255);
    }
  else
    flat = g_object_ref (upright);
  {
    g_autofree char *quality = g_strdup_printf ("%d", BZ_IMAGE_DISPLAY_QUALITY);
    if (!gdk_pixbuf_save_to_buffer (flat, &out, &out_len, "jpeg", NULL, "quality", quality, NULL))
      return NULL;
  }
  return g_bytes_new_take (out, out_len);
}

gboolean
bz_photo_prepare (GBytes *bytes, const char *field, BzPhoto *out, GError **error)
{
  g_autoptr(GError) local = NULL;
  BzImageInfo info;
  gsize len;
  const guint8 *d = g_bytes_get_data (bytes, &len);

  memset (out, 0, sizeof *out);
  if (len > BZ_PHOTO_MAX_BYTES)
    {
      g_autofree char *msg = g_strdup_printf (_("The photo is larger than %u MB"),
                                              (guint) (BZ_PHOTO_MAX_BYTES / (1024 * 1024)));
      g_propagate_error (error, photo_error (BZ_ERROR_PAYLOAD_TOO_LARGE, field, "too_large", msg));
      return FALSE;
    }
  if (!bz_image_probe (d, len, BZ_IMAGE_MAX_PIXELS, &info, &local))
    {
      switch (local->code)
        {
        case BZ_IMAGE_ERROR_TOO_MANY_PIXELS:
          {
            g_autofree char *msg = g_strdup_printf (_("The photo has more than %u megapixels"),
                                                    BZ_IMAGE_MAX_PIXELS / 1000000u);
            g_propagate_error (error, photo_error (BZ_ERROR_PAYLOAD_TOO_LARGE, field, "too_many_pixels", msg));
          }
          break;
        case BZ_IMAGE_ERROR_UNSUPPORTED:
          g_propagate_error (error, photo_error (BZ_ERROR_UNSUPPORTED_MEDIA, field, "unsupported_media",
                                                 _("The photo must be a JPEG or PNG image")));
          break;
        case BZ_IMAGE_ERROR_TRUNCATED:
          g_propagate_error (error, photo_error (BZ_ERROR_UNSUPPORTED_MEDIA, field, "truncated_image",
                                                 _("The photo is incomplete (the upload was cut short)")));
          break;
        default:
          g_propagate_error (error, photo_error (BZ_ERROR_UNSUPPORTED_MEDIA, field, "corrupt_image",
                                                 _("The photo is damaged or not really an image")));
        }
      return FALSE;
    }
  if (!decode_slot_take ())
    {
      GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_UNAVAILABLE,
                                       _("The server is busy processing other photos; try again shortly"));
      bz_error_set_retry_after (e, 5);
      g_propagate_error (error, e);
      return FALSE;
    }
  out->display = make_display_copy (bytes, info.mime_type);
  decode_slot_release ();
  if (out->display == NULL)
    {
      g_propagate_error (error, photo_error (BZ_ERROR_UNSUPPORTED_MEDIA, field, "corrupt_image",
                                             _("The photo is damaged or not really an image")));
      return FALSE;
    }
  out->original = g_bytes_ref (bytes);
  out->original_mime = info.mime_type;
  out->width = info.width;
  out->height = info.height;
  return TRUE;
}
