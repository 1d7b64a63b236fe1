/* test-avatar-variants.c — GET /api/v1/avatars/{id}.glb?lod=&compression=
 * (seed 000 story 4.4 criterion 6, issue 8): every LOD × encoding, their
 * sizes, ETags and contents, and every refusal.  Part of the api suite's
 * binary (test-api.c registers it; its responses are checked against the
 * document like every other).  The Khronos glTF-Validator runs on the same
 * variants in tests/unit/test-gltf.c. */
#include <string.h>

#include "bz-api-fixture.h"
#include "bz-gltf.h"

const char *test_api_nutri_token (void);
const char *test_api_nutri2_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
extern const char *test_api_scan_body_fmt;
void        test_avatar_variants (void);

static guint32
rd32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

/* The JSON chunk of a GLB as text. */
static char *
glb_json (GBytes *glb)
{
  gsize n;
  const guint8 *d = g_bytes_get_data (glb, &n);
  g_assert_cmpuint (n, >, 20);
  g_assert_cmpmem (d, 4, "glTF", 4);
  g_assert_cmpuint (rd32 (d + 8), ==, n);
  return g_strndup ((const char *) d + 20, rd32 (d + 12));
}

static BzApiResponse *
get (const char *url, const char *query, const char *token, const char *if_none_match)
{
  g_autofree char *path = query ? g_strdup_printf ("%s?%s", url, query) : g_strdup (url);
  const char *headers[] = { "If-None-Match", if_none_match, NULL };
  return bz_api_call (bz_api_shared (), "GET", path, token, NULL, NULL, 0, if_none_match ? headers : NULL);
}

void
test_avatar_variants (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *member = NULL, *other = NULL, *pid = NULL, *other_pid = NULL, *body = NULL;
  g_autofree char *url = NULL, *stored_etag = NULL;
  gint64 stored_size;

  test_api_ensure_users ();
  pid = test_api_create_patient (test_api_nutri_token (), "avatar-lod@test.local", &member);
  other_pid = test_api_create_patient (test_api_nutri2_token (), "avatar-lod-b@test.local", &other);
  body = g_strdup_printf (test_api_scan_body_fmt, pid);
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/scans/upload", test_api_nutri_token (), body);
    g_assert_cmpuint (r->status, ==, 201);
    JsonObject *avatar = json_object_get_object_member (bz_api_data (r), "avatar");
    url = g_strdup (json_object_get_string_member (avatar, "url"));
    stored_etag = g_strdup (json_object_get_string_member (avatar, "etag"));
    stored_size = json_object_get_int_member (avatar, "size_bytes");
  }
  gint64 blobs = bz_api_count (api, "blobs");

  g_autoptr(GHashTable) etags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gsize size[BZ_GLTF_LOD_COUNT][2];
  guint triangles[BZ_GLTF_LOD_COUNT][2];
  for (guint lod = 0; lod < BZ_GLTF_LOD_COUNT; lod++)
    for (guint c = 0; c < 2; c++)
      {
        static const char *names[] = { "meshopt", "none" };
        g_autofree char *query = g_strdup_printf ("lod=%u&compression=%s", lod, names[c]);
        gint64 t0 = g_get_monotonic_time ();
        g_autoptr(BzApiResponse) r = get (url, query, member, NULL);
        gint64 t1 = g_get_monotonic_time ();
        g_assert_cmpuint (r->status, ==, 200);
        g_assert_cmpstr (soup_message_headers_get_content_type (r->headers, NULL), ==, "model/gltf-binary");
        g_assert_nonnull (strstr (soup_message_headers_get_one (r->headers, "Cache-Control"), "immutable"));
        const char *etag = soup_message_headers_get_one (r->headers, "ETag");
        g_assert_nonnull (etag);
        g_assert_false (g_hash_table_contains (etags, etag));   /* one ETag per variant */
        g_hash_table_add (etags, g_strdup (etag));

        g_autofree char *json = glb_json (r->body);
        g_assert_true ((strstr (json, "\"extensionsRequired\":[\"KHR_mesh_quantization\",\"EXT_meshopt_compression\"]") != NULL)
                       == (c == 0));
        /* Every variant keeps the stored file's measurements, with its own lod. */
        g_autofree char *lod_member = g_strdup_printf ("\"lod\":%u", lod);
        g_assert_nonnull (strstr (json, "\"height_cm\":175."));
        g_assert_nonnull (strstr (json, lod_member));
        g_autoptr(GError) error = NULL;
        g_autoptr(BzMesh) mesh = bz_gltf_read_glb (r->body, &error);
        g_assert_no_error (error);
        g_assert_true (bz_mesh_is_closed (mesh));
        size[lod][c] = g_bytes_get_size (r->body);
        triangles[lod][c] = bz_mesh_triangle_count (mesh);
        g_test_message ("%s: %zu bytes, %u triangles", query, size[lod][c], triangles[lod][c]);

        /* The same variant again: same ETag, and a conditional request is 304. */
        gint64 t2 = g_get_monotonic_time ();
        g_autoptr(BzApiResponse) again = get (url, query, member, NULL);
        /* Informative only (no thresholds): first request (variant made)
         * against the second (from the cache), loopback round trip included. */
        g_test_message ("%s: first %.2f ms, again %.2f ms", query, (t1 - t0) / 1e3,
                        (g_get_monotonic_time () - t2) / 1e3);
        g_assert_cmpstr (soup_message_headers_get_one (again->headers, "ETag"), ==, etag);
        g_assert_cmpmem (g_bytes_get_data (again->body, NULL), g_bytes_get_size (again->body),
                         g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body));
        g_autoptr(BzApiResponse) cached = get (url, query, member, etag);
        g_assert_cmpuint (cached->status, ==, 304);
        if (lod == 0 && c == 1)
          {
            /* LOD 0 uncompressed is the stored file. */
            g_assert_cmpint (size[lod][c], ==, stored_size);
            g_assert_nonnull (strstr (etag, stored_etag));
          }
      }
  for (guint lod = 0; lod < BZ_GLTF_LOD_COUNT; lod++)
    {
      g_assert_cmpuint (size[lod][0], <, size[lod][1]);
      g_assert_cmpuint (triangles[lod][0], ==, triangles[lod][1]);
      if (lod > 0)
        g_assert_cmpuint (triangles[lod][0], <, triangles[lod - 1][0]);
    }
  g_assert_cmpuint (size[0][0], <=, 150 * 1024);
  g_assert_cmpuint (size[2][0], <=, 30 * 1024);

  /* No parameters: LOD 0, compressed (what a phone gets). */
  {
    g_autoptr(BzApiResponse) plain = get (url, NULL, member, NULL);
    g_autoptr(BzApiResponse) explicit = get (url, "lod=0&compression=meshopt", member, NULL);
    g_assert_cmpuint (plain->status, ==, 200);
    g_assert_cmpstr (soup_message_headers_get_one (plain->headers, "ETag"), ==,
                     soup_message_headers_get_one (explicit->headers, "ETag"));
    g_assert_cmpuint (g_bytes_get_size (plain->body), ==, size[0][0]);
    const char *range[] = { "Range", "bytes=0-11", NULL };
    g_autoptr(BzApiResponse) part = bz_api_call (api, "GET", url, member, NULL, NULL, 0, range);
    g_assert_cmpuint (part->status, ==, 206);
    g_assert_cmpuint (g_bytes_get_size (part->body), ==, 12);
  }

  /* Refusals: 400 with field details, 404 for strangers and unknown ids. */
  {
    static const struct { const char *query; const char *field; } bad[] = {
      { "lod=3", "lod" }, { "lod=-1", "lod" }, { "lod=abc", "lod" }, { "lod=1.5", "lod" },
      { "lod=99999999999999999999", "lod" }, { "compression=gzip", "compression" },
      { "compression=", "compression" }, { "lod=7&compression=draco", "compression" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(BzApiResponse) r = get (url, bad[i].query, member, NULL);
        g_assert_cmpuint (r->status, ==, 400);
        g_assert_cmpstr (bz_api_error_code (r), ==, "VALIDATION_ERROR");
        g_assert_true (bz_api_has_detail (r, bad[i].field));
      }
    g_autoptr(BzApiResponse) both = get (url, "lod=7&compression=draco", member, NULL);
    g_assert_true (bz_api_has_detail (both, "lod"));
    g_autoptr(BzApiResponse) spy = get (url, "lod=2", other, NULL);
    g_assert_cmpuint (spy->status, ==, 404);
    g_autoptr(BzApiResponse) unknown = get ("/api/v1/avatars/00000000-0000-4000-8000-000000000000.glb",
                                            "lod=1&compression=none", member, NULL);
    g_assert_cmpuint (unknown->status, ==, 404);
    g_autoptr(BzApiResponse) anonymous = get (url, "lod=1", NULL, NULL);
    g_assert_cmpuint (anonymous->status, ==, 401);
  }
  /* Variants are made on request, never stored. */
  g_assert_cmpint (bz_api_count (api, "blobs"), ==, blobs);
}
