/* fuzz-multipart.c — bz_form_parse() and the field readers of a meal upload.
 *
 * Input: the boundary, a newline, then the body.  The boundary is the input up
 * to the first '\n' (at most 200 bytes; CR and NUL end it too, as a header
 * value cannot hold them); without a newline the boundary is "XYZ" and the
 * whole input is the body.  The request carries
 *   Content-Type: multipart/form-data; boundary=<boundary>
 * and a body NUL-terminated past its size as balanzad's is (see server_body()),
 * and the form is read as the upload-meal handler reads it: image (bytes),
 * meal_type (text, 32), patient_id (text, 64), items (JSON, meal-items limits).
 * Checks:
 *  - exactly one of (form, error); the error is UNSUPPORTED_MEDIA or a
 *    VALIDATION error with a detail;
 *  - a text field comes back as valid UTF-8 without NUL within its length,
 *    or NULL with a detail for that field; never both;
 *  - a JSON field comes back as a tree or NULL with a BZ_ERROR (or NULL
 *    without error only when the part is absent or empty);
 *  - bz_form_get_bytes() agrees with the text reader on the raw bytes;
 *  - every part lies within the body.
 */
#include "fuzz-common.h"

#include "bz-error.h"
#include "bz-http.h"
#include "bz-image.h"
#include "bz-limits.h"

/* The body as balanzad hands it to bz_form_parse(): soup_message_body_flatten()
 * puts a NUL after the last byte (not counted in the size).  libsoup 3.2.3's
 * soup_multipart_new_from_message() looks for the end of a part's headers with
 * an unbounded strstr(), so without that NUL it reads past the body
 * (tests/fuzz/RESULTS.md, regressions/multipart/).  BZ_FUZZ_UNTERMINATED=1
 * passes the bytes without it, to reproduce that. */
static GBytes *
server_body (const guint8 *data, gsize size)
{
  guint8 *copy;

  if (g_getenv ("BZ_FUZZ_UNTERMINATED"))
    return g_bytes_new (data, size);
  copy = g_malloc (size + 1);
  if (size)
    memcpy (copy, data, size);
  copy[size] = '\0';
  return g_bytes_new_take (copy, size);
}

static const char *const meal_fields[] = { "image", "meal_type", "patient_id", "items", NULL };

static void
check_text (BzForm *form, const char *name, gsize max_len)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = bz_form_get_text (form, name, max_len, &v);
  GBytes *raw = bz_form_get_bytes (form, name);
  gboolean failed = bz_validation_failed (&v);

  if (text)
    {
      gsize len;
      const char *data;
      BZ_FUZZ_CHECK (!failed);
      BZ_FUZZ_CHECK (raw != NULL);
      data = g_bytes_get_data (raw, &len);
      BZ_FUZZ_CHECK (strlen (text) == len && len <= max_len);
      BZ_FUZZ_CHECK (len == 0 || memcmp (text, data, len) == 0);
      BZ_FUZZ_CHECK (g_utf8_validate (text, -1, NULL));
    }
  else if (raw == NULL)
    BZ_FUZZ_CHECK (!failed);
  else
    BZ_FUZZ_CHECK (failed);
  BZ_FUZZ_CHECK (bz_validation_finish (&v, &error) == !failed);
  if (failed)
    {
      JsonArray *d = bz_error_get_details (error);
      BZ_FUZZ_CHECK (d != NULL && json_array_get_length (d) == 1);
      BZ_FUZZ_CHECK (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (d, 0), "field"),
                                name) == 0);
    }
}

static void
check_json (BzForm *form, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = bz_form_get_json (form, name, &bz_json_limits_meal_items, &error);
  GBytes *raw = bz_form_get_bytes (form, name);

  if (node)
    BZ_FUZZ_CHECK (error == NULL && raw != NULL);
  else if (raw == NULL || g_bytes_get_size (raw) == 0)
    BZ_FUZZ_CHECK (error == NULL);
  else
    {
      BZ_FUZZ_CHECK (error != NULL && error->domain == BZ_ERROR);
      BZ_FUZZ_CHECK (error->code == BZ_ERROR_PAYLOAD_TOO_LARGE || bz_error_get_details (error) != NULL);
    }
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
  const guint8 *nl = memchr (data, '\n', MIN (size, 201));
  g_autofree char *boundary = NULL;
  g_autofree char *content_type = NULL;
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzForm) form = NULL;
  char *cut;

  if (nl)
    {
      boundary = g_strndup ((const char *) data, nl - data);
      body = server_body (nl + 1, size - (nl + 1 - data));
    }
  else
    {
      boundary = g_strdup ("XYZ");
      body = server_body (data, size);
    }
  if ((cut = strchr (boundary, '\r')))
    *cut = '\0';
  content_type = g_strconcat ("multipart/form-data; boundary=", boundary, NULL);
  soup_message_headers_replace (headers, "Content-Type", content_type);

  form = bz_form_parse (headers, body, meal_fields, &error);
  if (form == NULL)
    {
      BZ_FUZZ_CHECK (error != NULL && error->domain == BZ_ERROR);
      BZ_FUZZ_CHECK (error->code == BZ_ERROR_UNSUPPORTED_MEDIA ||
                     (error->code == BZ_ERROR_VALIDATION && bz_error_get_details (error) != NULL));
      return 0;
    }
  BZ_FUZZ_CHECK (error == NULL);

  /* Every part lies within the body: libsoup 3.2.3 makes a part of
   * 2^64 - 2 bytes when its headers' blank line is the CRLF before the next
   * boundary, which bz_form_parse() refuses since 99f29ec
   * (regressions/multipart/part-length-wraps). */
  for (const char *const *n = meal_fields; *n; n++)
    {
      GBytes *part = bz_form_get_bytes (form, *n);
      BZ_FUZZ_CHECK_MSG (part == NULL || g_bytes_get_size (part) <= g_bytes_get_size (body),
                         "part %s has %" G_GSIZE_FORMAT " bytes in a body of %" G_GSIZE_FORMAT,
                         *n, g_bytes_get_size (part), g_bytes_get_size (body));
    }

  check_text (form, "meal_type", 32);
  check_text (form, "patient_id", 64);
  check_json (form, "items");
  {
    GBytes *image = bz_form_get_bytes (form, "image");
    if (image)
      {
        BzImageInfo info;
        gsize len;
        const guint8 *d = g_bytes_get_data (image, &len);
        bz_image_probe (d, len, BZ_IMAGE_MAX_PIXELS, &info, NULL);
      }
  }
  /* Fields the route does not read are not kept. */
  BZ_FUZZ_CHECK (bz_form_get_bytes (form, "other") == NULL);
  return 0;
}
