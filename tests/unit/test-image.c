/* test-image.c — bz_image_probe() on real PNG/JPEG files made by gdk-pixbuf,
 * on pixel bombs (a valid 79-byte PNG that claims 65535 x 65535), and on every
 * truncation of a real file; bz_photo_prepare()'s display copy. */
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "bz-error.h"
#include "bz-image.h"
#include "bz-limits.h"
#include "bz-photo.h"
#include "bz-test-util.h"

static GBytes *
make_image (const char *type, int w, int h, gboolean alpha)
{
  g_autoptr(GdkPixbuf) pix = gdk_pixbuf_new (GDK_COLORSPACE_RGB, alpha, 8, w, h);
  char *buf = NULL;
  gsize len = 0;
  guchar *px = gdk_pixbuf_get_pixels (pix);
  int stride = gdk_pixbuf_get_rowstride (pix), n = gdk_pixbuf_get_n_channels (pix);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      for (int c = 0; c < n; c++)
        px[y * stride + x * n + c] = (guchar) ((x * 7 + y * 13 + c * 50) & 0xFF);
  g_assert_true (gdk_pixbuf_save_to_buffer (pix, &buf, &len, type, NULL, NULL));
  return g_bytes_new_take (buf, len);
}

static void
test_real_files (void)
{
  static const char *types[] = { "png", "jpeg" };
  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GBytes) b = make_image (types[t], 321, 123, FALSE);
      g_autoptr(GError) error = NULL;
      BzImageInfo info;
      gsize len;
      const guint8 *d = g_bytes_get_data (b, &len);
      g_assert_true (bz_image_probe (d, len, BZ_IMAGE_MAX_PIXELS, &info, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (info.width, ==, 321);
      g_assert_cmpuint (info.height, ==, 123);
      g_assert_cmpstr (info.mime_type, ==, t == 0 ? "image/png" : "image/jpeg");
      /* The limit is inclusive. */
      g_assert_true (bz_image_probe (d, len, 321 * 123, &info, NULL));
      g_assert_false (bz_image_probe (d, len, 321 * 123 - 1, &info, &error));
      g_assert_error (error, BZ_IMAGE_ERROR, BZ_IMAGE_ERROR_TOO_MANY_PIXELS);
    }
}

/* The second finding: under 80 bytes that decode to 16 GB. */
static void
test_pixel_bomb (void)
{
  g_autoptr(GBytes) bomb = bz_test_png_claiming (65535, 65535);
  g_autoptr(GBytes) big = bz_test_png_claiming (30000, 30000);
  g_autoptr(GBytes) ok = bz_test_png_claiming (1, 1);
  g_autoptr(GError) error = NULL;
  BzImageInfo info;

  g_assert_cmpuint (g_bytes_get_size (bomb), <, 80);
  g_assert_true (bz_image_probe (g_bytes_get_data (ok, NULL), g_bytes_get_size (ok), BZ_IMAGE_MAX_PIXELS, &info, NULL));
  g_assert_false (bz_image_probe (g_bytes_get_data (bomb, NULL), g_bytes_get_size (bomb), BZ_IMAGE_MAX_PIXELS, &info, &error));
  g_assert_error (error, BZ_IMAGE_ERROR, BZ_IMAGE_ERROR_TOO_MANY_PIXELS);
  g_clear_error (&error);
  g_assert_false (bz_image_probe (g_bytes_get_data (big, NULL), g_bytes_get_size (big), BZ_IMAGE_MAX_PIXELS, &info, &error));
  g_assert_error (error, BZ_IMAGE_ERROR, BZ_IMAGE_ERROR_TOO_MANY_PIXELS);
  g_clear_error (&error);
  /* And through the photo service: 413 with a field detail, before any decode. */
  g_assert_false (bz_photo_prepare (bomb, "image", &(BzPhoto) { 0 }, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_PAYLOAD_TOO_LARGE);
}

/* Every prefix of a real file is refused, never accepted and never crashing. */
static void
test_truncations (void)
{
  static const char *types[] = { "png", "jpeg" };
  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GBytes) b = make_image (types[t], 64, 48, t == 0);
      gsize len;
      const guint8 *d = g_bytes_get_data (b, &len);
      for (gsize cut = 0; cut < len; cut++)
        {
          BzImageInfo info;
          g_autoptr(GError) error = NULL;
          g_autofree guint8 *copy = g_memdup2 (d, cut);  /* exact size: ASan sees overreads */
          g_assert_false (bz_image_probe (copy, cut, BZ_IMAGE_MAX_PIXELS, &info, &error));
          g_assert_nonnull (error);
        }
    }
}

static void
test_corruption (void)
{
  g_autoptr(GBytes) b = make_image ("png", 40, 30, FALSE);
  gsize len;
  const guint8 *d = g_bytes_get_data (b, &len);
  g_autofree guint8 *copy = g_memdup2 (d, len);
  g_autoptr(GError) error = NULL;
  BzImageInfo info;

  copy[len / 2] ^= 0x40;  /* a flipped bit inside IDAT: the CRC catches it */
  g_assert_false (bz_image_probe (copy, len, BZ_IMAGE_MAX_PIXELS, &info, &error));
  g_assert_error (error, BZ_IMAGE_ERROR, BZ_IMAGE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_false (bz_image_probe ((const guint8 *) "GIF89a....", 10, BZ_IMAGE_MAX_PIXELS, &info, &error));
  g_assert_error (error, BZ_IMAGE_ERROR, BZ_IMAGE_ERROR_UNSUPPORTED);
}

/* The display copy: bounded size, JPEG, no EXIF; the original is kept. */
static void
test_display_copy (void)
{
  g_autoptr(GBytes) png = make_image ("png", 2000, 1000, TRUE);
  g_auto(BzPhoto) photo = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  GdkPixbuf *shown;
  gsize len;
  const guint8 *d;

  g_assert_true (bz_photo_prepare (png, "image", &photo, &error));
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (photo.original, png));
  g_assert_cmpstr (photo.original_mime, ==, "image/png");
  d = g_bytes_get_data (photo.display, &len);
  g_assert_cmpuint (d[0], ==, 0xFF);
  g_assert_cmpuint (d[1], ==, 0xD8);
  g_assert_null (g_strstr_len ((const char *) d, MIN (len, 4096), "Exif"));
  g_assert_true (gdk_pixbuf_loader_write (loader, d, len, NULL));
  g_assert_true (gdk_pixbuf_loader_close (loader, NULL));
  shown = gdk_pixbuf_loader_get_pixbuf (loader);
  g_assert_cmpint (gdk_pixbuf_get_width (shown), ==, BZ_IMAGE_DISPLAY_MAX_SIDE);
  g_assert_cmpint (gdk_pixbuf_get_height (shown), ==, BZ_IMAGE_DISPLAY_MAX_SIDE / 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/image/real-files", test_real_files);
  g_test_add_func ("/image/pixel-bomb", test_pixel_bomb);
  g_test_add_func ("/image/truncations", test_truncations);
  g_test_add_func ("/image/corruption", test_corruption);
  g_test_add_func ("/image/display-copy", test_display_copy);
  return g_test_run ();
}
