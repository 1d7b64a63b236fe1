/* bz-openai-image.h — the photo as an OpenAI-compatible server receives it:
 * decoded with gdk-pixbuf, turned upright (EXIF orientation), scaled down to
 * at most %BZ_OPENAI_IMAGE_MAX_PX on its longer side, re-encoded as JPEG
 * (which drops every EXIF tag: no GPS position, device or time leaves the
 * clinic), and written as a `data:image/jpeg;base64,...` URL for a
 * chat message's `image_url` part. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/** BZ_OPENAI_IMAGE_MAX_PX: 1024 px on the longer side.  OpenAI's vision
 * guide ("Calculating costs", platform.openai.com/docs/guides/vision) scales
 * a high-detail image to fit 2048 x 2048 and then to 768 px on its shorter
 * side, billing 512 px tiles: 1024 x 768 is 4 tiles, the most a plate photo
 * needs; local vision models see less (LLaVA 1.6: 672 px; Qwen2-VL resizes
 * to its own budget), so nothing they use is lost, and a 12 MP phone photo
 * (4032 x 3024) shrinks about 16-fold before it leaves the clinic. */
#define BZ_OPENAI_IMAGE_MAX_PX 1024

/** BZ_OPENAI_IMAGE_QUALITY: JPEG quality 85, gdk-pixbuf's "quality" option
 * (libjpeg's scale): the usual web compromise; artefacts are invisible to a
 * food classifier at this size. */
#define BZ_OPENAI_IMAGE_QUALITY "85"

/**
 * bz_openai_image_prepare:
 * @image: the photo's bytes (JPEG, PNG or WebP, as bz-image.h accepted them)
 * @out_width: (out) (optional): the width sent, px
 * @out_height: (out) (optional): the height sent, px
 * @error: G_IO_ERROR_INVALID_DATA when gdk-pixbuf cannot decode it
 *
 * Decodes, orients, scales (never up; bilinear) and encodes @image.
 *
 * Returns: (transfer full): the JPEG bytes, at most %BZ_OPENAI_IMAGE_MAX_PX
 *   on each side; %NULL with @error.
 */
GBytes *bz_openai_image_prepare  (GBytes *image, int *out_width, int *out_height, GError **error);

/**
 * bz_openai_image_data_url:
 * @jpeg: JPEG bytes (from bz_openai_image_prepare())
 *
 * Returns: (transfer full): "data:image/jpeg;base64,<RFC 4648 base64>" (RFC 2397).
 */
char   *bz_openai_image_data_url (GBytes *jpeg);

G_END_DECLS
