/* bz-image.c — PNG and JPEG structure and dimensions, without decoding. */
#include "bz-image.h"

#include <string.h>
#include <zlib.h>

G_DEFINE_QUARK (bz-image-error-quark, bz_image_error)

static inline guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static inline guint16
be16 (const guint8 *p)
{
  return (guint16) ((p[0] << 8) | p[1]);
}

static gboolean
fail (GError **error, BzImageError code, const char *what)
{
  g_set_error_literal (error, BZ_IMAGE_ERROR, code, what);
  return FALSE;
}

static gboolean
check_pixels (guint32 w, guint32 h, guint64 max_pixels, GError **error)
{
  if (w == 0 || h == 0)
    return fail (error, BZ_IMAGE_ERROR_CORRUPT, "Image has zero width or height");
  if ((guint64) w * h > max_pixels)
    {
      g_set_error (error, BZ_IMAGE_ERROR, BZ_IMAGE_ERROR_TOO_MANY_PIXELS,
                   "Image of %u x %u pixels exceeds %" G_GUINT64_FORMAT " pixels", w, h, max_pixels);
      return FALSE;
    }
  return TRUE;
}

/* PNG: ISO/IEC 15948 §5.3 (chunk layout), §11.2.2 (IHDR). */
static gboolean
probe_png (const guint8 *d, gsize len, guint64 max_pixels, BzImageInfo *out, GError **error)
{
  gsize pos = 8;
  gboolean seen_ihdr = FALSE, seen_idat = FALSE;

  while (pos < len)
    {
      guint32 n, crc;
      const guint8 *type;

      if (len - pos < 12)
        return fail (error, BZ_IMAGE_ERROR_TRUNCATED, "PNG chunk header cut short");
      n = be32 (d + pos);
      type = d + pos + 4;
      if (n > 0x7FFFFFFFu)
        return fail (error, BZ_IMAGE_ERROR_CORRUPT, "PNG chunk length out of range");
      if ((gsize) n > len - pos - 12)
        return fail (error, BZ_IMAGE_ERROR_TRUNCATED, "PNG chunk runs past the end of the file");
      for (int i = 0; i < 4; i++)
        if (!g_ascii_isalpha (type[i]))
          return fail (error, BZ_IMAGE_ERROR_CORRUPT, "PNG chunk type is not four letters");
      crc = (guint32) crc32 (crc32 (0L, Z_NULL, 0), type, n + 4);
      if (crc != be32 (d + pos + 8 + n))
        return fail (error, BZ_IMAGE_ERROR_CORRUPT, "PNG chunk CRC does not match");

      if (!seen_ihdr)
        {
          static const guint8 valid_depths[][6] = {
            /* colour type -> allowed bit depths (§11.2.2 table 11.1) */
            [0] = { 1, 2, 4, 8, 16 }, [2] = { 8, 16 }, [3] = { 1, 2, 4, 8 }, [4] = { 8, 16 }, [6] = { 8, 16 },
          };
          guint8 depth, colour;
          gboolean depth_ok = FALSE;
          if (memcmp (type, "IHDR", 4) != 0 || n != 13)
            return fail (error, BZ_IMAGE_ERROR_CORRUPT, "PNG does not start with IHDR");
          out->width = be32 (d + pos + 8);
          out->height = be32 (d + pos + 12);
          depth = d[pos + 16];
          colour = d[pos + 17];
          if (colour <= 6)
            for (int i = 0; i < 6 && valid_depths[colour][i]; i++)
              depth_ok |= valid_depths[colour][i] == depth;
          if (!depth_ok || d[pos + 18] != 0 || d[pos + 19] != 0 || d[pos + 20] > 1 ||
              out->width > 0x7FFFFFFFu || out->height > 0x7FFFFFFFu)
            return fail (error, BZ_IMAGE_ERROR_CORRUPT, "PNG IHDR has invalid fields");
          if (!check_pixels (out->width, out->height, max_pixels, error))
            return FALSE;
          seen_ihdr = TRUE;
        }
      else if (memcmp (type, "IHDR", 4) == 0)
        return fail (error, BZ_IMAGE_ERROR_CORRUPT, "PNG has a second IHDR");
      else if (memcmp (type, "IDAT", 4) == 0)
        seen_idat = TRUE;
      else if (memcmp (type, "IEND", 4) == 0)
        {
          if (!seen_idat)
            return fail (error, BZ_IMAGE_ERROR_CORRUPT, "PNG has no image data");
          if (pos + 12 + n != len)
            return fail (error, BZ_IMAGE_ERROR_CORRUPT, "PNG has bytes after IEND");
          out->mime_type = "image/png";
          return TRUE;
        }
      pos += (gsize) n + 12;
    }
  return fail (error, BZ_IMAGE_ERROR_TRUNCATED, "PNG ends before IEND");
}

/* JPEG: ITU-T T.81 Annex B (marker segments), B.2.2 (frame header). */
static gboolean
probe_jpeg (const guint8 *d, gsize len, guint64 max_pixels, BzImageInfo *out, GError **error)
{
  gsize pos = 2;
  gboolean seen_sof = FALSE;

  for (;;)
    {
      guint8 marker;
      guint16 seglen;

      /* A marker: 0xFF, optional fill 0xFF bytes, then the code. */
      if (pos >= len)
        return fail (error, BZ_IMAGE_ERROR_TRUNCATED, "JPEG ends before its image data");
      if (d[pos] != 0xFF)
        return fail (error, BZ_IMAGE_ERROR_CORRUPT, "JPEG marker expected");
      while (pos < len && d[pos] == 0xFF)
        pos++;
      if (pos >= len)
        return fail (error, BZ_IMAGE_ERROR_TRUNCATED, "JPEG ends inside a marker");
      marker = d[pos++];
      if (marker == 0x00 || marker == 0xD8 || marker == 0xD9)
        return fail (error, BZ_IMAGE_ERROR_CORRUPT, "JPEG marker out of place");
      if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01)
        continue;  /* standalone markers carry no length */
      if (len - pos < 2)
        return fail (error, BZ_IMAGE_ERROR_TRUNCATED, "JPEG segment length cut short");
      seglen = be16 (d + pos);
      if (seglen < 2)
        return fail (error, BZ_IMAGE_ERROR_CORRUPT, "JPEG segment length below 2");
      if ((gsize) seglen > len - pos)
        return fail (error, BZ_IMAGE_ERROR_TRUNCATED, "JPEG segment runs past the end of the file");

      /* SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
        {
          if (seglen < 8)
            return fail (error, BZ_IMAGE_ERROR_CORRUPT, "JPEG frame header too short");
          if (seen_sof)
            return fail (error, BZ_IMAGE_ERROR_CORRUPT, "JPEG has a second frame header");
          out->height = be16 (d + pos + 3);
          out->width = be16 (d + pos + 5);
          if (!check_pixels (out->width, out->height, max_pixels, error))
            return FALSE;
          seen_sof = TRUE;
        }
      else if (marker == 0xDA)  /* SOS: entropy-coded data follows */
        {
          const guint8 *scan = d + pos + seglen;
          gsize left = len - pos - seglen;
          if (!seen_sof)
            return fail (error, BZ_IMAGE_ERROR_CORRUPT, "JPEG scan before its frame header");
          for (gsize i = 0; i + 1 < left; i++)
            if (scan[i] == 0xFF && scan[i + 1] == 0xD9)
              {
                out->mime_type = "image/jpeg";
                return TRUE;
              }
          return fail (error, BZ_IMAGE_ERROR_TRUNCATED, "JPEG ends before EOI");
        }
      pos += seglen;
    }
}

gboolean
bz_image_probe (const guint8 *data, gsize len, guint64 max_pixels, BzImageInfo *out, GError **error)
{
  memset (out, 0, sizeof *out);
  if (len >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return probe_png (data, len, max_pixels, out, error);
  if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
    return probe_jpeg (data, len, max_pixels, out, error);
  return fail (error, BZ_IMAGE_ERROR_UNSUPPORTED, "Not a PNG or JPEG file");
}
