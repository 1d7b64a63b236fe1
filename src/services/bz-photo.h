/* bz-photo.h — checking an uploaded photo and making its display copy. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * BzPhoto:
 * @original: the bytes as uploaded (kept, within %BZ_PHOTO_MAX_BYTES)
 * @original_mime: "image/jpeg" or "image/png" (static)
 * @display: a JPEG of at most %BZ_IMAGE_DISPLAY_MAX_SIDE pixels on its long
 *   side, upright (EXIF orientation applied), with no metadata at all: no
 *   EXIF, so no GPS location, camera serial or timestamps
 * @width: the original's width in pixels
 * @height: the original's height in pixels
 */
typedef struct
{
  GBytes *original;
  const char *original_mime;
  GBytes *display;
  guint width;
  guint height;
} BzPhoto;

void bz_photo_clear (BzPhoto *photo);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BzPhoto, bz_photo_clear)

/**
 * bz_photo_prepare:
 * @bytes: the upload
 * @field: the form field, for error details ("image")
 * @out: (out caller-allocates): filled on success; clear with bz_photo_clear()
 * @error: %BZ_ERROR_PAYLOAD_TOO_LARGE over %BZ_PHOTO_MAX_BYTES bytes (issue
 *   "too_large") or %BZ_IMAGE_MAX_PIXELS pixels ("too_many_pixels");
 *   %BZ_ERROR_UNSUPPORTED_MEDIA for anything but PNG and JPEG
 *   ("unsupported_media"), a truncated file ("truncated_image") or one that
 *   does not decode ("corrupt_image"); %BZ_ERROR_UNAVAILABLE if the decoders
 *   are all busy for 30 s
 *
 * The dimensions are read from the header (bz_image_probe()) before any
 * decoder runs.  Decoding then happens on the calling thread (a worker), at
 * most %BZ_IMAGE_CONCURRENT_DECODES at a time across the process; a JPEG is
 * decoded straight at display size (libjpeg's DCT scaling), so its memory is
 * that of the display copy.
 *
 * Returns: %TRUE with @out filled.
 */
gboolean bz_photo_prepare (GBytes *bytes, const char *field, BzPhoto *out, GError **error);

G_END_DECLS
