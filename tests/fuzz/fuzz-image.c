/* fuzz-image.c — bz_image_probe(), and bz_photo_prepare() on small images.
 *
 * The input is a file as uploaded.  Checks:
 *  - the probe accepts only PNG or JPEG with non-zero dimensions within the
 *    limit; it refuses with a BZ_IMAGE_ERROR;
 *  - the pixel limit is exact: an image of P pixels passes with the limit P
 *    and with any larger one, and fails as TOO_MANY_PIXELS with P - 1;
 *  - when it accepts at most 1 MP (so a run stays fast), bz_photo_prepare()
 *    either refuses with a BZ_ERROR carrying a detail for the field, or
 *    returns the probe's size and mime type and a display copy that is itself
 *    a JPEG the probe accepts, at most BZ_IMAGE_DISPLAY_MAX_SIDE on its long
 *    side.
 * PNG chunks carry a CRC-32 the fuzzer can rarely get right by mutation, so a
 * PNG is also tried with its CRCs recomputed: that reaches the chunk-structure
 * checks behind the CRC and the gdk-pixbuf decode.
 */
#include "fuzz-common.h"

#include <zlib.h>

#include "bz-error.h"
#include "bz-image.h"
#include "bz-limits.h"
#include "bz-photo.h"

#define PREPARE_MAX_PIXELS (1000u * 1000u)

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Rewrites each chunk's CRC in place, as far as the chunk layout holds. */
static gboolean
fix_png_crcs (guint8 *d, gsize len)
{
  gsize pos = 8;
  gboolean changed = FALSE;

  while (len - pos >= 12)
    {
      guint32 n = be32 (d + pos), crc;
      if (n > len - pos - 12)
        break;
      crc = (guint32) crc32 (crc32 (0L, Z_NULL, 0), d + pos + 4, n + 4);
      if (be32 (d + pos + 8 + n) != crc)
        {
          d[pos + 8 + n] = crc >> 24;
          d[pos + 9 + n] = crc >> 16;
          d[pos + 10 + n] = crc >> 8;
          d[pos + 11 + n] = crc;
          changed = TRUE;
        }
      pos += (gsize) n + 12;
    }
  return changed;
}

static void
check_prepare (const guint8 *data, gsize size, const BzImageInfo *info)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_auto(BzPhoto) photo = { 0 };
  g_autoptr(GError) error = NULL;
  BzImageInfo di;
  gsize dlen;
  const guint8 *dd;
  guint dmax;

  if (!bz_photo_prepare (bytes, "image", &photo, &error))
    {
      BZ_FUZZ_CHECK (error != NULL && error->domain == BZ_ERROR);
      BZ_FUZZ_CHECK (bz_error_get_details (error) != NULL);
      BZ_FUZZ_CHECK (photo.display == NULL && photo.original == NULL);
      return;
    }
  BZ_FUZZ_CHECK (error == NULL);
  BZ_FUZZ_CHECK (photo.width == info->width && photo.height == info->height);
  BZ_FUZZ_CHECK (g_strcmp0 (photo.original_mime, info->mime_type) == 0);
  BZ_FUZZ_CHECK (photo.original != NULL && g_bytes_equal (photo.original, bytes));
  BZ_FUZZ_CHECK (photo.display != NULL);
  dd = g_bytes_get_data (photo.display, &dlen);
  {
    g_autoptr(GError) derr = NULL;
    BZ_FUZZ_CHECK_MSG (bz_image_probe (dd, dlen, G_MAXUINT64, &di, &derr),
                       "display copy of a %ux%u %s is refused: %s", info->width, info->height,
                       info->mime_type, derr->message);
  }
  BZ_FUZZ_CHECK (g_strcmp0 (di.mime_type, "image/jpeg") == 0);
  dmax = MAX (di.width, di.height);
  BZ_FUZZ_CHECK_MSG (dmax <= BZ_IMAGE_DISPLAY_MAX_SIDE, "display copy %ux%u", di.width, di.height);
  /* Not enlarged (EXIF orientation may swap the sides). */
  BZ_FUZZ_CHECK_MSG (dmax <= MAX (info->width, info->height),
                     "display copy %ux%u of a %ux%u image", di.width, di.height, info->width, info->height);
}

static void
check_image (const guint8 *data, gsize size)
{
  g_autoptr(GError) error = NULL;
  BzImageInfo info;
  guint64 pixels;

  if (!bz_image_probe (data, size, BZ_IMAGE_MAX_PIXELS, &info, &error))
    {
      BZ_FUZZ_CHECK (error != NULL && error->domain == BZ_IMAGE_ERROR);
      BZ_FUZZ_CHECK (error->code >= BZ_IMAGE_ERROR_UNSUPPORTED &&
                     error->code <= BZ_IMAGE_ERROR_TOO_MANY_PIXELS);
      return;
    }
  BZ_FUZZ_CHECK (error == NULL);
  BZ_FUZZ_CHECK (g_strcmp0 (info.mime_type, "image/png") == 0 ||
                 g_strcmp0 (info.mime_type, "image/jpeg") == 0);
  BZ_FUZZ_CHECK (info.width > 0 && info.height > 0);
  pixels = (guint64) info.width * info.height;
  BZ_FUZZ_CHECK (pixels <= BZ_IMAGE_MAX_PIXELS);

  /* The limit is exact and monotonic. */
  {
    BzImageInfo again;
    g_autoptr(GError) e1 = NULL;
    g_autoptr(GError) e2 = NULL;
    BZ_FUZZ_CHECK (bz_image_probe (data, size, pixels, &again, &e1));
    BZ_FUZZ_CHECK (again.width == info.width && again.height == info.height &&
                   again.mime_type == info.mime_type);
    BZ_FUZZ_CHECK (bz_image_probe (data, size, G_MAXUINT64, &again, NULL));
    BZ_FUZZ_CHECK (!bz_image_probe (data, size, pixels - 1, &again, &e2));
    BZ_FUZZ_CHECK (g_error_matches (e2, BZ_IMAGE_ERROR, BZ_IMAGE_ERROR_TOO_MANY_PIXELS));
  }

  if (pixels <= PREPARE_MAX_PIXELS)
    check_prepare (data, size, &info);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  bz_fuzz_init (NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  check_image (data, size);
  if (size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);
      if (fix_png_crcs (copy, size))
        check_image (copy, size);
    }
  return 0;
}
