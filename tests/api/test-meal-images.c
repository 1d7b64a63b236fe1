/* test-meal-images.c — meal photos uploaded ahead of a meal (seed 001 "POST
 * /api/upload/meal-images"; issue 11, seed 000 story 4.3), with no
 * meal-detection service configured: the upload (display copy without EXIF,
 * the original kept, the caller's only), every refusal with the store
 * unchanged, the photo's id in upload-meal (logged once: sent again it
 * answers the same meal), meal-detection and log-previous-meal, and the
 * expiry job.  Part of test-api's binary (run before a provider is
 * configured; every response is checked against the OpenAPI document). */
#include "test-meal-images.h"

#include <string.h>

#include "bz-jobs.h"
#include "bz-limits.h"
#include "bz-meal-image-service.h"
#include "bz-test-util.h"

const char *test_api_nutri_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
void        test_meal_images (void);

static BzApiResponse *
post_multipart (const char *path, const char *token, SoupMultipart *mp)
{
  g_autoptr(SoupMessageHeaders) h = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GBytes) body = NULL;

  soup_multipart_to_message (mp, h, &body);
  return bz_api_call (bz_api_shared (), "POST", path, token, soup_message_headers_get_one (h, "Content-Type"),
                      g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL);
}

BzApiResponse *
test_meal_images_post (const char *token, GBytes *const *files, guint n)
{
  g_autoptr(SoupMultipart) mp = soup_multipart_new ("multipart/form-data");

  for (guint i = 0; i < n; i++)
    soup_multipart_append_form_file (mp, "images", "plato.jpg", "image/jpeg", files[i]);
  if (n == 0)
    soup_multipart_append_form_string (mp, "note", "sin fotos");
  return post_multipart ("/api/upload/meal-images", token, mp);
}

char *
test_meal_images_upload_one (const char *token, GBytes *photo)
{
  g_autoptr(BzApiResponse) r = test_meal_images_post (token, &photo, 1);
  JsonArray *images;

  g_assert_cmpuint (r->status, ==, 201);
  images = json_object_get_array_member (bz_api_data (r), "images");
  g_assert_cmpuint (json_array_get_length (images), ==, 1);
  return g_strdup (json_object_get_string_member (json_array_get_object_element (images, 0), "id"));
}

BzApiResponse *
test_meal_images_form (const char *path, const char *token, GBytes *image, const char *image_id,
                       const char *meal_type, const char *items)
{
  g_autoptr(SoupMultipart) mp = soup_multipart_new ("multipart/form-data");

  if (image)
    soup_multipart_append_form_file (mp, "image", "plato.jpg", "image/jpeg", image);
  if (image_id)
    soup_multipart_append_form_string (mp, "image_id", image_id);
  if (meal_type)
    soup_multipart_append_form_string (mp, "meal_type", meal_type);
  if (items)
    soup_multipart_append_form_string (mp, "items", items);
  return post_multipart (path, token, mp);
}

void
test_meal_images_counts (gint64 out[5])
{
  static const char *const tables[] = { "meal_images", "meal_logs", "meal_items", "blobs", "jobs" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    out[i] = bz_api_count (bz_api_shared (), tables[i]);
}

void
test_meal_images_assert_unchanged (const gint64 before[5])
{
  gint64 now[5];

  test_meal_images_counts (now);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (now[i], ==, before[i]);
}

void
test_meal_images_refused (BzApiResponse *r, guint status, const char *code, const char *field, const char *issue)
{
  JsonObject *err;
  JsonArray *details;
  gboolean seen = FALSE;

  g_assert_cmpuint (r->status, ==, status);
  g_assert_cmpstr (bz_api_error_code (r), ==, code);
  if (field == NULL)
    return;
  err = json_object_get_object_member (json_node_get_object (r->json), "error");
  details = json_object_get_array_member (err, "details");
  for (guint i = 0; details && i < json_array_get_length (details); i++)
    {
      JsonObject *d = json_array_get_object_element (details, i);
      if (g_strcmp0 (json_object_get_string_member (d, "field"), field) == 0 &&
          g_strcmp0 (json_object_get_string_member (d, "issue"), issue) == 0)
        seen = TRUE;
    }
  if (!seen)
    g_error ("no detail %s/%s in %s", field, issue, (const char *) g_bytes_get_data (r->body, NULL));
}

static gboolean
holds (GBytes *b, const char *needle)
{
  gsize n = 0, k = strlen (needle);
  const char *d = g_bytes_get_data (b, &n);
  for (gsize i = 0; i + k <= n; i++)
    if (memcmp (d + i, needle, k) == 0)
      return TRUE;
  return FALSE;
}

/* A small JPEG with an APP1 Exif segment that carries a "GPS position". */
static GBytes *
jpeg_with_exif (void)
{
  static const char exif[] = "Exif\0\0GPS-19.4326N-99.1332W";
  g_autoptr(GBytes) jpeg = bz_api_test_jpeg ();
  gsize n = g_bytes_get_size (jpeg), seg = 2 + sizeof exif - 1;
  const guchar *src = g_bytes_get_data (jpeg, NULL);
  GByteArray *with = g_byte_array_new ();
  guint8 head[4] = { 0xFF, 0xE1, (guint8) (seg >> 8), (guint8) (seg & 0xFF) };

  g_byte_array_append (with, src, 2);
  g_byte_array_append (with, head, 4);
  g_byte_array_append (with, (const guint8 *) exif, sizeof exif - 1);
  g_byte_array_append (with, src + 2, n - 2);
  return g_byte_array_free_to_bytes (with);
}

static BzApiResponse *
get (const char *path, const char *token)
{
  return bz_api_call (bz_api_shared (), "GET", path, token, NULL, NULL, 0, NULL);
}

static JsonObject *
meal_of (BzApiResponse *r)
{
  return json_object_get_object_member (bz_api_data (r), "meal");
}

/* The upload: ids, URLs, the EXIF gone from the display copy, kept in the original. */
static void
check_upload (const char *member, const char *other, char **out_id)
{
  g_autoptr(GBytes) a = jpeg_with_exif (), b = bz_api_test_jpeg ();
  GBytes *files[] = { a, b };
  g_autoptr(BzApiResponse) r = NULL, display = NULL, original = NULL, foreign = NULL, bad_size = NULL;
  gint64 before[5], after[5];
  JsonArray *images;
  JsonObject *first;

  test_meal_images_counts (before);
  r = test_meal_images_post (member, files, 2);
  g_assert_cmpuint (r->status, ==, 201);
  images = json_object_get_array_member (bz_api_data (r), "images");
  g_assert_cmpuint (json_array_get_length (images), ==, 2);
  first = json_array_get_object_element (images, 0);
  g_assert_true (json_object_get_null_member (first, "meal_id"));
  g_assert_cmpstr (json_object_get_string_member (first, "mime_type"), ==, "image/jpeg");
  g_assert_cmpint (json_object_get_int_member (first, "width"), >, 0);
  test_meal_images_counts (after);
  g_assert_cmpint (after[0], ==, before[0] + 2);   /* two photos */
  g_assert_cmpint (after[1], ==, before[1]);       /* no meal */
  g_assert_cmpint (after[4], ==, before[4] + 2);   /* two expiry jobs */

  display = get (json_object_get_string_member (first, "display_url"), member);
  g_assert_cmpuint (display->status, ==, 200);
  g_assert_true (((const guint8 *) g_bytes_get_data (display->body, NULL))[0] == 0xFF);
  g_assert_false (holds (display->body, "GPS-19.4326"));
  g_assert_false (holds (display->body, "Exif"));
  original = get (json_object_get_string_member (first, "original_url"), member);
  g_assert_cmpuint (original->status, ==, 200);
  g_assert_true (holds (original->body, "GPS-19.4326"));   /* as uploaded, for its owner only */
  foreign = get (json_object_get_string_member (first, "display_url"), other);
  test_meal_images_refused (foreign, 404, "NOT_FOUND", NULL, NULL);
  {
    g_autofree char *path = g_strdup_printf ("%s?size=huge", json_object_get_string_member (first, "display_url"));
    bad_size = get (path, member);
    test_meal_images_refused (bad_size, 400, "VALIDATION_ERROR", "size", "invalid_choice");
  }
  *out_id = g_strdup (json_object_get_string_member (first, "id"));
}

/* Every refusal of the upload, the store unchanged after each. */
static void
check_upload_refusals (const char *member)
{
  g_autoptr(GBytes) jpeg = bz_api_test_jpeg ();
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) text = g_bytes_new_static ("GIF89a no soy una foto", 22);
  g_autoptr(GBytes) cut = g_bytes_new_static ("\xFF\xD8\xFF\xE0 truncated jpeg", 20);
  g_autoptr(GBytes) bomb = bz_test_png_claiming (65535, 65535);
  g_autoptr(GBytes) big = NULL;
  GBytes *six[BZ_MEAL_IMAGES_MAX_FILES + 1];
  gint64 before[5];

  {
    gsize len = BZ_PHOTO_MAX_BYTES + 1024;
    guint8 *d = g_malloc0 (len);
    memcpy (d, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg));
    big = g_bytes_new_take (d, len);
  }
  for (guint i = 0; i < G_N_ELEMENTS (six); i++)
    six[i] = jpeg;
  test_meal_images_counts (before);
  {
    g_autoptr(BzApiResponse) anon = test_meal_images_post (NULL, &jpeg, 1);
    g_autoptr(BzApiResponse) json = bz_api_json (bz_api_shared (), "POST", "/api/upload/meal-images", member, "{}");
    g_autoptr(BzApiResponse) none = test_meal_images_post (member, NULL, 0);
    g_autoptr(BzApiResponse) many = test_meal_images_post (member, six, G_N_ELEMENTS (six));
    GBytes *with_empty[] = { jpeg, empty }, *with_text[] = { jpeg, text };
    g_autoptr(BzApiResponse) hollow = test_meal_images_post (member, with_empty, 2);
    g_autoptr(BzApiResponse) gif = test_meal_images_post (member, with_text, 2);
    g_autoptr(BzApiResponse) truncated = test_meal_images_post (member, &cut, 1);
    g_autoptr(BzApiResponse) pixels = test_meal_images_post (member, &bomb, 1);
    g_autoptr(BzApiResponse) large = test_meal_images_post (member, &big, 1);

    test_meal_images_refused (anon, 401, "UNAUTHENTICATED", NULL, NULL);
    test_meal_images_refused (json, 415, "UNSUPPORTED_MEDIA_TYPE", NULL, NULL);
    test_meal_images_refused (none, 400, "VALIDATION_ERROR", "images", "required");
    test_meal_images_refused (many, 400, "VALIDATION_ERROR", "images", "too_many_items");
    test_meal_images_refused (hollow, 400, "VALIDATION_ERROR", "images[1]", "required");
    test_meal_images_refused (gif, 415, "UNSUPPORTED_MEDIA_TYPE", "images[1]", "unsupported_media");
    test_meal_images_refused (truncated, 415, "UNSUPPORTED_MEDIA_TYPE", "images[0]", "truncated_image");
    test_meal_images_refused (pixels, 413, "PAYLOAD_TOO_LARGE", "images[0]", "too_many_pixels");
    test_meal_images_refused (large, 413, "PAYLOAD_TOO_LARGE", "images[0]", "too_large");
  }
  test_meal_images_assert_unchanged (before);
}

/* At most BZ_MEAL_IMAGES_PENDING_MAX photos waiting per user. */
static void
check_waiting_bound (const char *member)
{
  g_autoptr(GBytes) jpeg = bz_api_test_jpeg ();
  GBytes *five[BZ_MEAL_IMAGES_MAX_FILES];
  gint64 before[5];
  guint sent = 0;

  for (guint i = 0; i < G_N_ELEMENTS (five); i++)
    five[i] = jpeg;
  while (sent < BZ_MEAL_IMAGES_PENDING_MAX)
    {
      guint n = MIN (BZ_MEAL_IMAGES_MAX_FILES, BZ_MEAL_IMAGES_PENDING_MAX - sent);
      g_autoptr(BzApiResponse) r = test_meal_images_post (member, five, n);
      g_assert_cmpuint (r->status, ==, 201);
      sent += n;
    }
  test_meal_images_counts (before);
  {
    g_autoptr(BzApiResponse) over = test_meal_images_post (member, five, 1);
    test_meal_images_refused (over, 409, "CONFLICT", "images", "too_many_waiting");
  }
  test_meal_images_assert_unchanged (before);
}

void
test_meal_images (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *member = NULL, *other = NULL, *bulk = NULL, *patient = NULL, *p2 = NULL, *p3 = NULL;
  g_autofree char *id = NULL, *meal_id = NULL, *second = NULL;
  gint64 before[5];

  test_api_ensure_users ();
  patient = test_api_create_patient (test_api_nutri_token (), "images-member@test.local", &member);
  p2 = test_api_create_patient (test_api_nutri_token (), "images-other@test.local", &other);
  p3 = test_api_create_patient (test_api_nutri_token (), "images-bulk@test.local", &bulk);

  check_upload (member, other, &id);
  check_upload_refusals (member);
  check_waiting_bound (bulk);

  /* upload-meal refusals with an image_id: someone else's, unknown, both a
   * photo and an id, a malformed id; nothing stored. */
  test_meal_images_counts (before);
  {
    g_autoptr(GBytes) jpeg = bz_api_test_jpeg ();
    g_autoptr(BzApiResponse) foreign = test_meal_images_form ("/api/nutrition/upload-meal", other, NULL, id, "lunch", NULL);
    g_autoptr(BzApiResponse) unknown = test_meal_images_form ("/api/nutrition/upload-meal", member, NULL,
                                                              "00000000-0000-4000-8000-000000000000", "lunch", NULL);
    g_autoptr(BzApiResponse) both = test_meal_images_form ("/api/nutrition/upload-meal", member, jpeg, id, "lunch", NULL);
    g_autoptr(BzApiResponse) type = test_meal_images_form ("/api/nutrition/upload-meal", member, NULL, id, "brunch", NULL);
    g_autoptr(BzApiResponse) detect = test_meal_images_form ("/api/integrations/meal-detection", other, NULL, id,
                                                             "lunch", NULL);
    g_autofree char *reuse = g_strdup_printf ("{\"meal_id\":\"00000000-0000-4000-8000-000000000000\",\"image_id\":\"%s\"}", id);
    g_autoptr(BzApiResponse) previous = bz_api_json (api, "POST", "/api/nutrition/log-previous-meal", member, reuse);

    test_meal_images_refused (foreign, 404, "NOT_FOUND", "image_id", "not_found");
    test_meal_images_refused (unknown, 404, "NOT_FOUND", "image_id", "not_found");
    test_meal_images_refused (both, 400, "VALIDATION_ERROR", "image_id", "conflict");
    test_meal_images_refused (type, 400, "VALIDATION_ERROR", "meal_type", "invalid_choice");
    test_meal_images_refused (detect, 404, "NOT_FOUND", "image_id", "not_found");
    test_meal_images_refused (previous, 404, "NOT_FOUND", NULL, NULL);
  }
  test_meal_images_assert_unchanged (before);

  /* meal-detection with the id, no service configured: manual entry, nothing stored. */
  {
    g_autoptr(BzApiResponse) r = test_meal_images_form ("/api/integrations/meal-detection", member, NULL, id, "lunch", NULL);
    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "status"), ==, "manual_entry_required");
    test_meal_images_assert_unchanged (before);
  }

  /* upload-meal with the id: the meal names the photo's blobs (no new blob). */
  {
    g_autoptr(BzApiResponse) r = test_meal_images_form ("/api/nutrition/upload-meal", member, NULL, id, "comida",
                                                        "[{\"ndb_no\":\"20045\",\"grams\":150}]");
    g_autoptr(BzApiResponse) photo = NULL, again = NULL;
    gint64 after[5];
    JsonObject *meal;

    g_assert_cmpuint (r->status, ==, 201);
    meal = meal_of (r);
    meal_id = g_strdup (json_object_get_string_member (meal, "id"));
    g_assert_cmpstr (json_object_get_string_member (meal, "meal_type"), ==, "lunch");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meal, "items")), ==, 1);
    test_meal_images_counts (after);
    g_assert_cmpint (after[1], ==, before[1] + 1);
    g_assert_cmpint (after[3], ==, before[3]);   /* the same blobs */
    photo = get (json_object_get_string_member (meal, "photo_url"), member);
    g_assert_cmpuint (photo->status, ==, 200);
    g_assert_false (holds (photo->body, "GPS-19.4326"));

    /* Sent again (a retry): the same meal, nothing new stored. */
    test_meal_images_counts (before);
    again = test_meal_images_form ("/api/nutrition/upload-meal", member, NULL, id, "comida",
                                   "[{\"ndb_no\":\"20045\",\"grams\":150}]");
    g_assert_cmpuint (again->status, ==, 201);
    g_assert_cmpstr (json_object_get_string_member (meal_of (again), "id"), ==, meal_id);
    test_meal_images_assert_unchanged (before);
  }

  /* log-previous-meal with a new photo of today's plate: the earlier foods,
   * the new photo; sent again, the same meal. */
  {
    g_autoptr(GBytes) jpeg = jpeg_with_exif ();
    g_autofree char *today = test_meal_images_upload_one (member, jpeg);
    g_autofree char *body = g_strdup_printf ("{\"meal_id\":\"%s\",\"image_id\":\"%s\"}", meal_id, today);
    g_autoptr(BzApiResponse) r = NULL, again = NULL, photo = NULL;

    test_meal_images_counts (before);
    r = bz_api_json (api, "POST", "/api/nutrition/log-previous-meal", member, body);
    g_assert_cmpuint (r->status, ==, 201);
    second = g_strdup (json_object_get_string_member (bz_api_data (r), "id"));
    g_assert_cmpstr (second, !=, meal_id);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bz_api_data (r), "items")), ==, 1);
    photo = get (json_object_get_string_member (bz_api_data (r), "photo_url"), member);
    g_assert_cmpuint (photo->status, ==, 200);
    again = bz_api_json (api, "POST", "/api/nutrition/log-previous-meal", member, body);
    g_assert_cmpuint (again->status, ==, 201);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (again), "id"), ==, second);
    g_assert_cmpint (bz_api_count (api, "meal_logs"), ==, before[1] + 1);
  }

  /* The expiry job: 24 h on, every uploaded photo is gone; the meals keep theirs. */
  {
    g_autoptr(BzJobRunner) runner = bz_job_runner_new (api->store);
    g_autofree char *path = g_strdup_printf ("/api/v1/meals/%s/photo", meal_id);
    g_autofree char *image_path = g_strdup_printf ("/api/v1/upload/meal-images/%s", id);
    g_autoptr(BzApiResponse) photo = NULL, image = NULL;

    bz_meal_images_register_jobs (runner);
    bz_job_runner_set_timing (runner, BZ_JOBS_LEASE_MS, 20);
    bz_job_runner_start (runner);
    bz_jobs_set_test_now_ms (g_get_real_time () / 1000 + (gint64) (BZ_MEAL_IMAGE_TTL_S + 60) * 1000);
    bz_job_runner_wake (runner);
    for (guint i = 0; i < 3000 && bz_api_count (api, "meal_images") > 0; i++)
      g_usleep (10000);
    bz_job_runner_stop (runner);
    bz_jobs_set_test_now_ms (0);
    g_assert_cmpint (bz_api_count (api, "meal_images"), ==, 0);
    image = get (image_path, member);
    test_meal_images_refused (image, 404, "NOT_FOUND", NULL, NULL);
    photo = get (path, member);
    g_assert_cmpuint (photo->status, ==, 200);
  }
}
