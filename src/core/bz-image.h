/* bz-image.h — what an uploaded image claims to be, read before decoding.
 *
 * A 79-byte PNG can claim 65535 x 65535 pixels; decoding it takes 16 GB.
 * bz_image_probe() reads the format, the dimensions and the structure from
 * the bytes alone (no decoder, no allocation), so the caller can refuse an
 * image before a decoder sees it:
 *  - PNG (ISO/IEC 15948, RFC 2083): the signature, then every chunk with its
 *    length and CRC-32 checked, IHDR first with a valid bit depth and colour
 *    type, at least one IDAT, IEND last.  A truncated file has no IEND.
 *  - JPEG (ITU-T T.81, JFIF): SOI, then each marker segment's length up to the
 *    first SOS, a SOFn frame header with non-zero dimensions before it, and an
 *    EOI marker after it (bytes after EOI — phone trailers, motion photos —
 *    are allowed).  In entropy-coded data every 0xFF is followed by 0x00 or
 *    RSTn, so an 0xFF 0xD9 after SOS is the EOI: a truncated file has none.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BZ_IMAGE_ERROR (bz_image_error_quark ())

/**
 * BzImageError:
 * @BZ_IMAGE_ERROR_UNSUPPORTED: neither PNG nor JPEG by signature
 * @BZ_IMAGE_ERROR_CORRUPT: the structure is broken (bad CRC, bad lengths,
 *   missing IHDR/SOF, zero dimensions)
 * @BZ_IMAGE_ERROR_TRUNCATED: the file ends before IEND / EOI
 * @BZ_IMAGE_ERROR_TOO_MANY_PIXELS: width × height exceeds the caller's limit
 */
typedef enum
{
  BZ_IMAGE_ERROR_UNSUPPORTED,
  BZ_IMAGE_ERROR_CORRUPT,
  BZ_IMAGE_ERROR_TRUNCATED,
  BZ_IMAGE_ERROR_TOO_MANY_PIXELS,
} BzImageError;

GQuark bz_image_error_quark (void);

/**
 * BzImageInfo:
 * @mime_type: "image/png" or "image/jpeg" (static)
 * @width: pixels
 * @height: pixels
 */
typedef struct
{
  const char *mime_type;
  guint32 width;
  guint32 height;
} BzImageInfo;

/**
 * bz_image_probe:
 * @data: (array length=len): the file's bytes
 * @len: their count
 * @max_pixels: the most width × height accepted (e.g. %BZ_IMAGE_MAX_PIXELS)
 * @out: (out caller-allocates): format and dimensions, when valid
 * @error: a %BZ_IMAGE_ERROR
 *
 * Checks the image's structure and size without decoding it: O(@len) time,
 * no allocation, constant stack.
 *
 * Returns: %TRUE when the file is a structurally complete PNG or JPEG
 *   within @max_pixels.
 */
gboolean bz_image_probe (const guint8 *data, gsize len, guint64 max_pixels,
                         BzImageInfo *out, GError **error);

G_END_DECLS
