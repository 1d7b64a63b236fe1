/* test-social.c — the social layer (issue 10) end to end on a real server:
 * posts (JSON and multipart with a photo), the feed and its cursor, who sees
 * what (family circle, private, followers, group posts answer 404 like an
 * unknown id and stay out of the feed), the audience function, three levels
 * of comments, one reaction per user, the 20-posts-an-hour limit (429 with
 * Retry-After), invite codes, hostile bodies; the store unchanged after every
 * refusal.  Built into test-api's binary, so every response is checked
 * against /api/openapi.json and these operations count in its
 * bz_api_assert_every_operation_checked(). */
#include "bz-api-fixture.h"

#include <string.h>

#include "bz-auth-service-private.h"
#include "bz-limits.h"
#include "bz-social-service.h"
#include "test-social-private.h"

void test_social_add_tests (void);

SocialUser social_users[SO_N_USERS];
#define nutri social_users[SO_NUTRI]
#define owner social_users[SO_OWNER]
#define fam social_users[SO_FAM]
#define outsider social_users[SO_OUTSIDER]
#define spammer social_users[SO_SPAMMER]
static char *circle_id, *circle_code;

BzApiResponse *
social_req (const char *method, const char *path, const char *token, const char *body)
{
  return bz_api_json (bz_api_shared (), method, path, token, body);
}

void
social_assert_status (BzApiResponse *r, guint status)
{
  if (r->status != status)
    g_error ("expected %u, got %u: %.*s", status, r->status, (int) g_bytes_get_size (r->body),
             (const char *) g_bytes_get_data (r->body, NULL));
}

static void
sign_in (SocialUser *u, const char *email, const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"%s\"}", email, password);
  g_autoptr(BzApiResponse) r = NULL;
  JsonObject *data;

  bz_auth_reset_rate_limits ();
  r = social_req ("POST", "/api/auth/login", NULL, body);
  social_assert_status (r, 200);
  data = bz_api_data (r);
  u->token = g_strdup (json_object_get_string_member (data, "access_token"));
  u->id = g_strdup (json_object_get_string_member (json_object_get_object_member (data, "user"), "id"));
}

void
social_ensure_users (void)
{
  g_autoptr(BzApiResponse) p = NULL;

  if (nutri.token)
    return;
  g_free (bz_api_register (bz_api_shared (), "so-nutri@test.local", "nutritionist", NULL));
  sign_in (&nutri, "so-nutri@test.local", "Secure-Pass1!");
  p = social_req ("POST", "/api/v1/nutritionist/patients", nutri.token,
           "{\"email\":\"so-owner@test.local\",\"first_name\":\"Lucía\",\"last_name\":\"Peña\","
           "\"password\":\"Member-Pass1!\"}");
  social_assert_status (p, 201);
  sign_in (&owner, "so-owner@test.local", "Member-Pass1!");
  g_free (bz_api_register (bz_api_shared (), "so-fam@test.local", "patient", NULL));
  sign_in (&fam, "so-fam@test.local", "Secure-Pass1!");
  g_free (bz_api_register (bz_api_shared (), "so-out@test.local", "patient", NULL));
  sign_in (&outsider, "so-out@test.local", "Secure-Pass1!");
  g_free (bz_api_register (bz_api_shared (), "so-spam@test.local", "patient", NULL));
  sign_in (&spammer, "so-spam@test.local", "Secure-Pass1!");
}

/* Counts of every social table, to prove a refusal wrote nothing. */
static char *
snapshot (void)
{
  static const char *const tables[] = { "posts", "post_photos", "comments", "reactions", "follows", "social_groups",
                                        "group_members", "family_circles", "family_circle_members", "changes", NULL };
  GString *s = g_string_new (NULL);
  for (guint i = 0; tables[i]; i++)
    g_string_append_printf (s, "%s=%" G_GINT64_FORMAT " ", tables[i], bz_api_count (bz_api_shared (), tables[i]));
  return g_string_free (s, FALSE);
}

/* A request that must be refused with @status and @code (and for 400 a
 * detail on @field), the store unchanged. */
BzApiResponse *
social_refused (const char *method, const char *path, const char *token, const char *body, guint status, const char *code,
         const char *field)
{
  g_autofree char *before = snapshot (), *after = NULL;
  BzApiResponse *r = social_req (method, path, token, body);

  if (r->status != status)
    g_error ("%s %s %.200s: expected %u, got %u: %.*s", method, path, body ? body : "", status, r->status,
             (int) g_bytes_get_size (r->body), (const char *) g_bytes_get_data (r->body, NULL));
  g_assert_cmpstr (bz_api_error_code (r), ==, code);
  if (field && !bz_api_has_detail (r, field))
    g_error ("%s %s: no detail for %s: %.*s", method, path, field, (int) g_bytes_get_size (r->body),
             (const char *) g_bytes_get_data (r->body, NULL));
  after = snapshot ();
  g_assert_cmpstr (after, ==, before);
  return r;
}

void
social_refuse (const char *method, const char *path, const char *token, const char *body, guint status, const char *code,
        const char *field)
{
  bz_api_response_free (social_refused (method, path, token, body, status, code, field));
}

char *
social_post (const char *token, const char *body)
{
  g_autoptr(BzApiResponse) r = social_req ("POST", "/api/v1/posts", token, body);
  social_assert_status (r, 201);
  return g_strdup (json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "post"), "id"));
}

static char *
path_of (const char *post_id, const char *tail)
{
  return g_strdup_printf ("/api/v1/posts/%s%s", post_id, tail ? tail : "");
}

/* Whether the caller's feed (all pages, by cursor, @query added) holds @post_id. */
static gboolean
feed_has (const char *token, const char *query, const char *post_id)
{
  g_autofree char *cursor = NULL;
  gboolean found = FALSE;

  for (guint guard = 0; guard < 100; guard++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/feed?limit=5%s%s%s", query ? query : "",
                                               cursor ? "&cursor=" : "", cursor ? cursor : "");
      g_autoptr(BzApiResponse) r = social_req ("GET", path, token, NULL);
      JsonObject *data, *pg;
      JsonArray *posts;
      social_assert_status (r, 200);
      data = bz_api_data (r);
      posts = json_object_get_array_member (data, "posts");
      for (guint i = 0; i < json_array_get_length (posts); i++)
        if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (posts, i), "id"), post_id) == 0)
          found = TRUE;
      pg = json_object_get_object_member (data, "pagination");
      g_clear_pointer (&cursor, g_free);
      if (!json_object_get_boolean_member (pg, "has_next"))
        return found;
      cursor = g_strdup (json_object_get_string_member (pg, "next_cursor"));
    }
  g_error ("the feed did not end");
}

static gboolean
strv_has (GStrv v, const char *s)
{
  return v && g_strv_contains ((const char *const *) v, s);
}

/* --- Posts ------------------------------------------------------------------------- */

static void
test_posts (void)
{
  /* Text stored as given: markup and quotes come back as written, JSON-escaped. */
  static const char *text = "¡Perdí 5kg este mes! <script>alert(\\\"x\\\")</script> & <b>más</b>";
  g_autofree char *body = g_strdup_printf ("{\"type\":\"progress\",\"body\":\"%s\",\"visibility\":\"public\","
                                           "\"tags\":[\"motivacion\"],\"progress_data\":{\"weight_before_kg\":80.5,"
                                           "\"weight_after_kg\":75.2,\"time_period_days\":30}}", text);
  g_autofree char *id = NULL, *path = NULL;
  g_autoptr(BzApiResponse) r = NULL;
  JsonObject *p, *progress;

  social_ensure_users ();
  id = social_post (owner.token, body);
  path = path_of (id, NULL);
  r = social_req ("GET", path, outsider.token, NULL);
  social_assert_status (r, 200);
  p = json_object_get_object_member (bz_api_data (r), "post");
  g_assert_cmpstr (json_object_get_string_member (p, "body"), ==,
                   "¡Perdí 5kg este mes! <script>alert(\"x\")</script> & <b>más</b>");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (p, "author"), "full_name"), ==,
                   "Lucía Peña");
  progress = json_object_get_object_member (p, "progress_data");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (progress, "weight_lost_kg"), 5.3, 1e-9);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bz_api_data (r), "comments")), ==, 0);
  g_assert_true (feed_has (outsider.token, "&type=progreso", id));
  g_assert_false (feed_has (outsider.token, "&type=question", id));

  /* Refusals: each with its field, nothing written. */
  social_refuse ("POST", "/api/v1/posts", owner.token, "{\"type\":\"text\"}", 400, "VALIDATION_ERROR", "body");
  social_refuse ("POST", "/api/v1/posts", owner.token, "{\"type\":\"text\",\"body\":\"  \\n \"}", 400, "VALIDATION_ERROR", "body");
  social_refuse ("POST", "/api/v1/posts", owner.token, "{\"type\":\"poem\",\"body\":\"x\"}", 400, "VALIDATION_ERROR", "type");
  social_refuse ("POST", "/api/v1/posts", owner.token, "{\"type\":\"text\",\"body\":\"x\",\"visibility\":\"group\"}", 400,
          "VALIDATION_ERROR", "group_id");
  social_refuse ("POST", "/api/v1/posts", owner.token, "{\"type\":\"text\",\"body\":\"x\",\"colour\":\"red\"}", 400,
          "VALIDATION_ERROR", "colour");
  social_refuse ("POST", "/api/v1/posts", owner.token, "{\"type\":\"text\",\"body\":\"x\",\"progress_data\":{\"weight_before_kg\":\"80\"}}",
          400, "VALIDATION_ERROR", NULL);
  social_refuse ("POST", "/api/v1/posts", owner.token,
          "{\"type\":\"text\",\"body\":\"x\",\"group_id\":\"6b1f2a7e-0c57-4f7c-9d38-5a3f0b0e9c11\"}", 404, "NOT_FOUND", NULL);
  social_refuse ("POST", "/api/v1/posts", NULL, "{\"type\":\"text\",\"body\":\"x\"}", 401, "UNAUTHENTICATED", NULL);
  social_refuse ("GET", "/api/v1/posts/6b1f2a7e-0c57-4f7c-9d38-5a3f0b0e9c11", owner.token, NULL, 404, "NOT_FOUND", NULL);
  social_refuse ("GET", "/api/v1/posts/not-a-uuid", owner.token, NULL, 404, "NOT_FOUND", NULL);
  social_refuse ("GET", "/api/v1/feed?cursor=bm90LWEtY3Vyc29y", owner.token, NULL, 400, "VALIDATION_ERROR", "cursor");
  social_refuse ("GET", "/api/v1/feed?limit=0", owner.token, NULL, 400, "VALIDATION_ERROR", "limit");
  social_refuse ("GET", "/api/v1/feed?type=poem", owner.token, NULL, 400, "VALIDATION_ERROR", "type");
}

static gboolean
holds (GBytes *bytes, const char *needle)
{
  gsize n = 0, k = strlen (needle);
  const char *d = g_bytes_get_data (bytes, &n);
  for (gsize i = 0; i + k <= n; i++)
    if (memcmp (d + i, needle, k) == 0)
      return TRUE;
  return FALSE;
}

static void
test_post_photo (void)
{
  g_autoptr(SoupMultipart) mp = soup_multipart_new ("multipart/form-data");
  g_autoptr(SoupMessageHeaders) h = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GBytes) jpeg = bz_api_test_jpeg (), body = NULL;
  g_autoptr(BzApiResponse) r = NULL, photo = NULL, hidden = NULL;
  JsonObject *p;
  JsonArray *urls;
  const guchar *bytes;

  social_ensure_users ();
  soup_multipart_append_form_string (mp, "type", "photo");
  soup_multipart_append_form_string (mp, "caption", "Mi desayuno");
  soup_multipart_append_form_string (mp, "visibility", "private");
  {
    /* An APP1 Exif segment carrying a "location" right after SOI: it must
     * not survive into what is served. */
    static const char exif[] = "Exif\0\0GPS-19.4326N-99.1332W";
    gsize n = g_bytes_get_size (jpeg), seg = 2 + sizeof exif - 1;
    const guchar *src = g_bytes_get_data (jpeg, NULL);
    GByteArray *with = g_byte_array_new ();
    guint8 head[4] = { 0xFF, 0xE1, (guint8) (seg >> 8), (guint8) (seg & 0xFF) };
    g_byte_array_append (with, src, 2);
    g_byte_array_append (with, head, 4);
    g_byte_array_append (with, (const guint8 *) exif, sizeof exif - 1);
    g_byte_array_append (with, src + 2, n - 2);
    g_bytes_unref (jpeg);
    jpeg = g_byte_array_free_to_bytes (with);
  }
  soup_multipart_append_form_file (mp, "files", "desayuno.jpg", "image/jpeg", jpeg);
  soup_multipart_to_message (mp, h, &body);
  r = bz_api_call (bz_api_shared (), "POST", "/api/v1/posts", owner.token, soup_message_headers_get_one (h, "Content-Type"),
                   g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL);
  social_assert_status (r, 201);
  p = json_object_get_object_member (bz_api_data (r), "post");
  g_assert_cmpstr (json_object_get_string_member (p, "body"), ==, "Mi desayuno");
  urls = json_object_get_array_member (p, "media_urls");
  g_assert_cmpuint (json_array_get_length (urls), ==, 1);
  photo = bz_api_call (bz_api_shared (), "GET", json_array_get_string_element (urls, 0), owner.token, NULL, NULL, 0, NULL);
  social_assert_status (photo, 200);
  bytes = g_bytes_get_data (photo->body, NULL);
  g_assert_true (g_bytes_get_size (photo->body) > 2 && bytes[0] == 0xFF && bytes[1] == 0xD8);
  g_assert_false (holds (photo->body, "GPS-19.4326"));
  g_assert_false (holds (photo->body, "Exif"));
  /* A private post's photo is nobody else's. */
  hidden = bz_api_call (bz_api_shared (), "GET", json_array_get_string_element (urls, 0), fam.token, NULL, NULL, 0, NULL);
  g_assert_cmpuint (hidden->status, ==, 404);
}

/* --- Family circles and visibility -------------------------------------------------------- */

static void
test_circle (void)
{
  g_autoptr(BzApiResponse) c = NULL, j = NULL, g = NULL, unknown = NULL, hidden = NULL, patched = NULL, inv = NULL;
  g_autofree char *join = NULL, *body = NULL, *id = NULL, *path = NULL, *wrong = NULL, *cpath = NULL, *old = NULL;
  g_auto(GStrv) audience = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *data;

  social_ensure_users ();
  social_refuse ("POST", "/api/v1/family-circles", fam.token, "{\"name\":\"Sin nutrióloga\"}", 409, "CONFLICT", NULL);
  social_refuse ("POST", "/api/v1/family-circles", nutri.token, "{\"name\":\"x\"}", 403, "FORBIDDEN", NULL);
  social_refuse ("POST", "/api/v1/family-circles", owner.token, "{\"name\":\"\"}", 400, "VALIDATION_ERROR", "name");
  c = social_req ("POST", "/api/v1/family-circles", owner.token,
           "{\"name\":\"Familia Peña\",\"family_goals\":[\"Caminar 30 minutos diarios en familia\"]}");
  social_assert_status (c, 201);
  data = bz_api_data (c);
  circle_id = g_strdup (json_object_get_string_member (data, "id"));
  circle_code = g_strdup (json_object_get_string_member (data, "invite_code"));
  g_assert_cmpuint (strlen (circle_code), >=, 22);
  g_assert_cmpint (json_object_get_int_member (data, "member_count"), ==, 2);   /* owner + nutritionist */
  g_assert_cmpstr (json_object_get_string_member (data, "my_role"), ==, "owner");

  join = g_strdup_printf ("/api/v1/family-circles/%s/join", circle_id);
  wrong = g_strdup_printf ("{\"invite_code\":\"%.*sX\"}", (int) strlen (circle_code) - 1, circle_code);
  social_refuse ("POST", join, outsider.token, wrong, 404, "NOT_FOUND", NULL);
  social_refuse ("POST", join, outsider.token, "{}", 400, "VALIDATION_ERROR", "invite_code");
  body = g_strdup_printf ("{\"invite_code\":\"%s\",\"relationship\":\"hermana\"}", circle_code);
  social_refuse ("POST", "/api/v1/family-circles/6b1f2a7e-0c57-4f7c-9d38-5a3f0b0e9c11/join", fam.token, body, 404, "NOT_FOUND", NULL);
  j = social_req ("POST", join, fam.token, body);
  social_assert_status (j, 200);
  g_assert_cmpstr (json_object_get_string_member (bz_api_data (j), "role"), ==, "family_member");
  social_refuse ("POST", join, fam.token, body, 409, "CONFLICT", NULL);

  cpath = g_strdup_printf ("/api/v1/family-circles/%s", circle_id);
  g = social_req ("GET", cpath, fam.token, NULL);
  social_assert_status (g, 200);
  g_assert_cmpint (json_object_get_int_member (bz_api_data (g), "member_count"), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bz_api_data (g), "members")), ==, 3);
  social_refuse ("GET", cpath, outsider.token, NULL, 404, "NOT_FOUND", NULL);
  social_refuse ("PATCH", cpath, fam.token, "{\"family_goals\":[\"x\"]}", 403, "FORBIDDEN", NULL);
  patched = social_req ("PATCH", cpath, owner.token, "{\"family_goals\":[\"Caminar 30 minutos\",\"Agua en vez de refresco\"]}");
  social_assert_status (patched, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bz_api_data (patched), "family_goals")), ==, 2);

  /* A new code replaces the old one. */
  old = g_strdup_printf ("{\"invite_code\":\"%s\"}", circle_code);
  {
    g_autofree char *ipath = g_strdup_printf ("%s/invites", cpath);
    social_refuse ("POST", ipath, fam.token, NULL, 403, "FORBIDDEN", NULL);
    inv = social_req ("POST", ipath, owner.token, NULL);
    social_assert_status (inv, 201);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (inv), "invite_code"), !=, circle_code);
  }
  social_refuse ("POST", join, outsider.token, old, 404, "NOT_FOUND", NULL);

  /* The circle's post: its members see it, in the circle's shared feed too;
   * anyone else gets exactly the answer of an unknown id. */
  body = (g_free (body), g_strdup_printf ("{\"type\":\"text\",\"body\":\"Hoy cenamos verduras\",\"family_circle_id\":\"%s\"}",
                                          circle_id));
  id = social_post (owner.token, body);
  path = path_of (id, NULL);
  {
    g_autoptr(BzApiResponse) seen = social_req ("GET", path, fam.token, NULL);
    social_assert_status (seen, 200);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (bz_api_data (seen), "post"), "visibility"),
                     ==, "family_circle");
  }
  {
    g_autofree char *q = g_strdup_printf ("&family_circle_id=%s", circle_id);
    g_assert_true (feed_has (fam.token, q, id));
    g_assert_true (feed_has (nutri.token, NULL, id));
    g_assert_false (feed_has (outsider.token, NULL, id));
    g_assert_false (feed_has (outsider.token, q, id));
  }
  hidden = social_refused ("GET", path, outsider.token, NULL, 404, "NOT_FOUND", NULL);
  unknown = social_refused ("GET", "/api/v1/posts/6b1f2a7e-0c57-4f7c-9d38-5a3f0b0e9c11", outsider.token, NULL, 404, "NOT_FOUND", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (hidden->json), "error"), "message"),
                   ==,
                   json_object_get_string_member (json_object_get_object_member (json_node_get_object (unknown->json), "error"), "message"));
  {
    g_autofree char *rp = path_of (id, "/reactions"), *cp = path_of (id, "/comments");
    social_refuse ("POST", rp, outsider.token, "{\"reaction_type\":\"heart\"}", 404, "NOT_FOUND", NULL);
    social_refuse ("POST", cp, outsider.token, "{\"content\":\"hola\"}", 404, "NOT_FOUND", NULL);
    social_refuse ("DELETE", rp, outsider.token, NULL, 404, "NOT_FOUND", NULL);
  }
  social_refuse ("POST", "/api/v1/posts", outsider.token, body, 404, "NOT_FOUND", NULL);

  /* The audience the real-time hub will push to. */
  audience = bz_social_post_audience (bz_api_shared ()->services, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (audience), ==, 3);
  g_assert_true (strv_has (audience, owner.id) && strv_has (audience, fam.id) && strv_has (audience, nutri.id));
  g_assert_false (strv_has (audience, outsider.id));
  {
    /* The "user" of a post:new_reaction event. */
    g_autoptr(BzRecord) who = bz_social_get_author (bz_api_shared ()->services, fam.id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (bz_record_get_string (who, BZ_POST_AUTHOR_ID), ==, fam.id);
  }

  /* Leaving: the owner stays, a member goes and loses sight of the post. */
  {
    g_autofree char *lp = g_strdup_printf ("%s/leave", cpath);
    g_autoptr(BzApiResponse) left = NULL;
    social_refuse ("POST", lp, owner.token, NULL, 409, "CONFLICT", NULL);
    social_refuse ("POST", lp, outsider.token, NULL, 404, "NOT_FOUND", NULL);
    left = social_req ("POST", lp, fam.token, NULL);
    social_assert_status (left, 200);
    g_assert_false (json_object_get_boolean_member (bz_api_data (left), "member"));
    social_refuse ("GET", path, fam.token, NULL, 404, "NOT_FOUND", NULL);
    {
      g_autofree char *again = g_strdup_printf ("{\"invite_code\":\"%s\"}",
                                                json_object_get_string_member (bz_api_data (inv), "invite_code"));
      g_autoptr(BzApiResponse) back = social_req ("POST", join, fam.token, again);
      g_autoptr(BzApiResponse) count = NULL;
      social_assert_status (back, 200);
      /* member_count followed the leave and the join in their transactions. */
      count = social_req ("GET", cpath, fam.token, NULL);
      social_assert_status (count, 200);
      g_assert_cmpint (json_object_get_int_member (bz_api_data (count), "member_count"), ==, 3);
    }
  }
}

static void
test_private_and_followers (void)
{
  g_autofree char *priv = NULL, *fol = NULL, *ppath = NULL, *fpath = NULL, *follow = NULL;
  g_autoptr(BzApiResponse) f = NULL, u = NULL, seen = NULL;
  g_auto(GStrv) audience = NULL;

  social_ensure_users ();
  priv = social_post (owner.token, "{\"type\":\"text\",\"body\":\"Solo para mí\",\"visibility\":\"privado\"}");
  ppath = path_of (priv, NULL);
  seen = social_req ("GET", ppath, owner.token, NULL);
  social_assert_status (seen, 200);
  social_refuse ("GET", ppath, fam.token, NULL, 404, "NOT_FOUND", NULL);
  social_refuse ("GET", ppath, nutri.token, NULL, 404, "NOT_FOUND", NULL);
  g_assert_false (feed_has (fam.token, NULL, priv));
  audience = bz_social_post_audience (bz_api_shared ()->services, priv, NULL);
  g_assert_cmpuint (g_strv_length (audience), ==, 1);
  g_assert_cmpstr (audience[0], ==, owner.id);

  {
    /* nutritionist_only: the author's nutritionist, nobody else. */
    g_autofree char *nid = social_post (owner.token, "{\"type\":\"text\",\"body\":\"Para mi nutrióloga\","
                                              "\"visibility\":\"nutritionist_only\"}");
    g_autofree char *np = path_of (nid, NULL);
    g_autoptr(BzApiResponse) ok = social_req ("GET", np, nutri.token, NULL);
    social_assert_status (ok, 200);
    social_refuse ("GET", np, fam.token, NULL, 404, "NOT_FOUND", NULL);
    g_assert_true (feed_has (nutri.token, NULL, nid));
  }
  fol = social_post (owner.token, "{\"type\":\"question\",\"body\":\"¿Ideas de colación?\",\"visibility\":\"followers\"}");
  fpath = path_of (fol, NULL);
  social_refuse ("GET", fpath, outsider.token, NULL, 404, "NOT_FOUND", NULL);
  follow = g_strdup_printf ("/api/v1/users/%s/follow", owner.id);
  f = social_req ("POST", follow, outsider.token, NULL);
  social_assert_status (f, 200);
  g_assert_true (json_object_get_boolean_member (bz_api_data (f), "following"));
  g_assert_true (feed_has (outsider.token, NULL, fol));
  {
    g_autoptr(BzApiResponse) r = social_req ("GET", fpath, outsider.token, NULL);
    social_assert_status (r, 200);
  }
  u = social_req ("DELETE", follow, outsider.token, NULL);
  social_assert_status (u, 200);
  social_refuse ("GET", fpath, outsider.token, NULL, 404, "NOT_FOUND", NULL);
  {
    g_autofree char *self = g_strdup_printf ("/api/v1/users/%s/follow", outsider.id);
    social_refuse ("POST", self, outsider.token, NULL, 400, "VALIDATION_ERROR", "user_id");
  }
  social_refuse ("POST", "/api/v1/users/6b1f2a7e-0c57-4f7c-9d38-5a3f0b0e9c11/follow", outsider.token, NULL, 404, "NOT_FOUND", NULL);
}

static void
test_groups (void)
{
  g_autoptr(BzApiResponse) g = NULL, j = NULL, open = NULL, oj = NULL, inv = NULL, left = NULL;
  g_autofree char *gid = NULL, *code = NULL, *join = NULL, *body = NULL, *pid = NULL, *ppath = NULL;
  g_autofree char *oid = NULL;

  social_ensure_users ();
  social_refuse ("POST", "/api/v1/groups", fam.token, "{\"name\":\"x\",\"type\":\"secret\"}", 400, "VALIDATION_ERROR", "type");
  g = social_req ("POST", "/api/v1/groups", fam.token, "{\"name\":\"Diabetes y cocina\",\"type\":\"private\"}");
  social_assert_status (g, 201);
  gid = g_strdup (json_object_get_string_member (bz_api_data (g), "id"));
  code = g_strdup (json_object_get_string_member (bz_api_data (g), "invite_code"));
  g_assert_cmpstr (json_object_get_string_member (bz_api_data (g), "my_role"), ==, "admin");
  join = g_strdup_printf ("/api/v1/groups/%s/join", gid);
  social_refuse ("POST", join, outsider.token, NULL, 404, "NOT_FOUND", NULL);
  social_refuse ("POST", join, outsider.token, "{\"invite_code\":\"guess\"}", 404, "NOT_FOUND", NULL);
  body = g_strdup_printf ("{\"invite_code\":\"%s\"}", code);
  j = social_req ("POST", join, outsider.token, body);
  social_assert_status (j, 200);
  g_assert_cmpstr (json_object_get_string_member (bz_api_data (j), "role"), ==, "member");
  social_refuse ("POST", join, outsider.token, body, 409, "CONFLICT", NULL);

  {
    g_autofree char *pb = g_strdup_printf ("{\"type\":\"recipe\",\"body\":\"Nopales asados\",\"group_id\":\"%s\"}", gid);
    social_refuse ("POST", "/api/v1/posts", owner.token, pb, 404, "NOT_FOUND", NULL);
    pid = social_post (outsider.token, pb);
  }
  ppath = path_of (pid, NULL);
  {
    g_autoptr(BzApiResponse) r = social_req ("GET", ppath, fam.token, NULL);
    g_autofree char *q = g_strdup_printf ("&group_id=%s", gid);
    social_assert_status (r, 200);
    g_assert_true (feed_has (fam.token, q, pid));
  }
  social_refuse ("GET", ppath, owner.token, NULL, 404, "NOT_FOUND", NULL);
  g_assert_false (feed_has (owner.token, NULL, pid));

  {
    g_autofree char *ip = g_strdup_printf ("/api/v1/groups/%s/invites", gid);
    g_autofree char *mp = g_strdup_printf ("/api/v1/groups/%s/members/%s", gid, fam.id);
    social_refuse ("PATCH", mp, outsider.token, "{\"role\":\"member\"}", 403, "FORBIDDEN", NULL);   /* a member, not an admin */
    social_refuse ("POST", ip, outsider.token, NULL, 403, "FORBIDDEN", NULL);
    inv = social_req ("POST", ip, fam.token, NULL);
    social_assert_status (inv, 201);
  }
  social_refuse ("POST", join, owner.token, body, 404, "NOT_FOUND", NULL);   /* the old code */
  {
    g_autofree char *lp = g_strdup_printf ("/api/v1/groups/%s/leave", gid);
    social_refuse ("POST", lp, fam.token, NULL, 409, "CONFLICT", NULL);    /* the only admin, others remain */
    social_refuse ("POST", lp, owner.token, NULL, 404, "NOT_FOUND", NULL);
    left = social_req ("POST", lp, outsider.token, NULL);
    social_assert_status (left, 200);
    {
      /* Its author still sees the post; the group's members too. */
      g_autoptr(BzApiResponse) own = social_req ("GET", ppath, outsider.token, NULL);
      social_assert_status (own, 200);
    }
  }

  {
    /* A closed group: joining without a code waits for approval and sees nothing. */
    g_autoptr(BzApiResponse) closed = social_req ("POST", "/api/v1/groups", fam.token, "{\"name\":\"Cerrado\",\"type\":\"cerrado\"}");
    g_autoptr(BzApiResponse) pend = NULL;
    g_autofree char *cid = NULL, *cj = NULL, *cpost = NULL, *cpath = NULL, *cb = NULL;
    social_assert_status (closed, 201);
    cid = g_strdup (json_object_get_string_member (bz_api_data (closed), "id"));
    cb = g_strdup_printf ("{\"type\":\"text\",\"body\":\"Solo miembros\",\"group_id\":\"%s\"}", cid);
    cpost = social_post (fam.token, cb);
    cj = g_strdup_printf ("/api/v1/groups/%s/join", cid);
    pend = social_req ("POST", cj, nutri.token, NULL);
    social_assert_status (pend, 200);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (pend), "role"), ==, "pending");
    cpath = path_of (cpost, NULL);
    social_refuse ("GET", cpath, nutri.token, NULL, 404, "NOT_FOUND", NULL);
    social_refuse ("POST", "/api/v1/posts", nutri.token, cb, 404, "NOT_FOUND", NULL);
    {
      /* The admin approves; the member then sees the group's posts. */
      g_autofree char *mp = g_strdup_printf ("/api/v1/groups/%s/members/%s", cid, nutri.id);
      g_autofree char *self = g_strdup_printf ("/api/v1/groups/%s/members/%s", cid, fam.id);
      g_autofree char *gpath = g_strdup_printf ("/api/v1/groups/%s", cid);
      g_autoptr(BzApiResponse) ok = NULL, seen = NULL, grp = NULL;
      social_refuse ("PATCH", mp, nutri.token, "{\"role\":\"member\"}", 404, "NOT_FOUND", NULL);   /* pending: not in yet */
      social_refuse ("PATCH", mp, outsider.token, "{\"role\":\"member\"}", 404, "NOT_FOUND", NULL);
      social_refuse ("PATCH", mp, fam.token, "{\"role\":\"pending\"}", 400, "VALIDATION_ERROR", "role");
      social_refuse ("PATCH", mp, fam.token, "{\"role\":\"owner\"}", 400, "VALIDATION_ERROR", "role");
      social_refuse ("PATCH", self, fam.token, "{\"role\":\"member\"}", 409, "CONFLICT", NULL);
      ok = social_req ("PATCH", mp, fam.token, "{\"role\":\"miembro\"}");
      social_assert_status (ok, 200);
      g_assert_cmpstr (json_object_get_string_member (bz_api_data (ok), "role"), ==, "member");
      seen = social_req ("GET", cpath, nutri.token, NULL);
      social_assert_status (seen, 200);
      grp = social_req ("GET", gpath, nutri.token, NULL);
      social_assert_status (grp, 200);
      g_assert_cmpint (json_object_get_int_member (bz_api_data (grp), "member_count"), ==, 2);
      g_assert_cmpstr (json_object_get_string_member (bz_api_data (grp), "my_role"), ==, "member");
    }
  }
  {
    /* A private group is not there for outsiders. */
    g_autofree char *gp = g_strdup_printf ("/api/v1/groups/%s", gid);
    social_refuse ("GET", gp, owner.token, NULL, 404, "NOT_FOUND", NULL);
  }
  open = social_req ("POST", "/api/v1/groups", owner.token, "{\"name\":\"Caminatas\"}");
  social_assert_status (open, 201);
  oid = g_strdup_printf ("/api/v1/groups/%s/join", json_object_get_string_member (bz_api_data (open), "id"));
  oj = social_req ("POST", oid, fam.token, NULL);
  social_assert_status (oj, 200);
}

/* --- Comments and reactions ----------------------------------------------------------------- */

static char *
comment (const char *post_path, const char *token, const char *parent, int expect_depth)
{
  g_autofree char *body = parent ? g_strdup_printf ("{\"content\":\"respuesta\",\"parent_comment_id\":\"%s\"}", parent)
                                 : g_strdup ("{\"content\":\"¡Felicidades! <3\"}");
  g_autoptr(BzApiResponse) r = social_req ("POST", post_path, token, body);
  JsonObject *c;

  social_assert_status (r, 201);
  c = json_object_get_object_member (bz_api_data (r), "comment");
  g_assert_cmpint (json_object_get_int_member (c, "depth_level"), ==, expect_depth);
  return g_strdup (json_object_get_string_member (c, "id"));
}

static void
test_comments (void)
{
  g_autofree char *id = NULL, *cp = NULL, *c0 = NULL, *c1 = NULL, *c2 = NULL, *deep = NULL, *path = NULL, *other = NULL;
  g_autofree char *elsewhere = NULL, *ocp = NULL;
  g_autoptr(BzApiResponse) r = NULL;
  JsonArray *comments;

  social_ensure_users ();
  id = social_post (owner.token, "{\"type\":\"achievement\",\"body\":\"30 días sin refresco\"}");
  cp = path_of (id, "/comments");
  c0 = comment (cp, fam.token, NULL, 0);
  c1 = comment (cp, outsider.token, c0, 1);
  c2 = comment (cp, owner.token, c1, 2);
  /* The fourth level is refused; the post's count stays. */
  deep = g_strdup_printf ("{\"content\":\"demasiado\",\"parent_comment_id\":\"%s\"}", c2);
  {
    g_autoptr(BzApiResponse) d = social_refused ("POST", cp, fam.token, deep, 400, "VALIDATION_ERROR", "parent_comment_id");
    g_assert_nonnull (strstr (g_bytes_get_data (d->body, NULL), "too_deep"));
  }
  /* A parent of another post is not a parent here. */
  other = social_post (owner.token, "{\"type\":\"text\",\"body\":\"otro\"}");
  ocp = path_of (other, "/comments");
  elsewhere = g_strdup_printf ("{\"content\":\"x\",\"parent_comment_id\":\"%s\"}", c0);
  social_refuse ("POST", ocp, fam.token, elsewhere, 400, "VALIDATION_ERROR", "parent_comment_id");
  social_refuse ("POST", cp, fam.token, "{\"content\":\"\"}", 400, "VALIDATION_ERROR", "content");
  social_refuse ("POST", cp, fam.token, "{\"content\":\" \\t \"}", 400, "VALIDATION_ERROR", "content");
  social_refuse ("POST", cp, fam.token, "{\"content\":42}", 400, "VALIDATION_ERROR", "content");

  path = path_of (id, NULL);
  r = social_req ("GET", path, fam.token, NULL);
  social_assert_status (r, 200);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (bz_api_data (r), "post"), "comments_count"), ==, 3);
  comments = json_object_get_array_member (bz_api_data (r), "comments");
  g_assert_cmpuint (json_array_get_length (comments), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (comments, 0), "content"), ==,
                   "¡Felicidades! <3");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (comments, 2), "parent_comment_id"), ==, c1);
}

static void
test_reactions (void)
{
  g_autofree char *id = NULL, *rp = NULL, *path = NULL;
  g_autoptr(BzApiResponse) r = NULL, g = NULL, d = NULL, g2 = NULL, again = NULL;
  JsonObject *p;

  social_ensure_users ();
  id = social_post (owner.token, "{\"type\":\"text\",\"body\":\"Primera semana\"}");
  rp = path_of (id, "/reactions");
  path = path_of (id, NULL);
  social_refuse ("POST", rp, fam.token, "{\"reaction_type\":\"like\"}", 400, "VALIDATION_ERROR", "reaction_type");
  social_refuse ("POST", rp, fam.token, "{}", 400, "VALIDATION_ERROR", "reaction_type");
  social_refuse ("DELETE", rp, fam.token, NULL, 404, "NOT_FOUND", NULL);
  r = social_req ("POST", rp, fam.token, "{\"reaction_type\":\"aplauso\"}");
  social_assert_status (r, 201);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "reaction"),
                                                  "reaction_type"), ==, "clap");
  /* One reaction per user per post. */
  social_refuse ("POST", rp, fam.token, "{\"reaction_type\":\"heart\"}", 409, "CONFLICT", NULL);
  again = social_req ("POST", rp, outsider.token, "{\"reaction_type\":\"heart\"}");
  social_assert_status (again, 201);
  g = social_req ("GET", path, fam.token, NULL);
  p = json_object_get_object_member (bz_api_data (g), "post");
  g_assert_cmpint (json_object_get_int_member (p, "likes_count"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (p, "reactions"), "clap"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (p, "reactions"), "heart"), ==, 1);
  g_assert_true (json_object_get_boolean_member (p, "has_liked"));
  g_assert_cmpstr (json_object_get_string_member (p, "my_reaction"), ==, "clap");
  d = social_req ("DELETE", rp, fam.token, NULL);
  g_assert_cmpuint (d->status, ==, 204);
  g_assert_cmpuint (g_bytes_get_size (d->body), ==, 0);
  g2 = social_req ("GET", path, fam.token, NULL);
  p = json_object_get_object_member (bz_api_data (g2), "post");
  g_assert_cmpint (json_object_get_int_member (p, "likes_count"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (p, "reactions"), "clap"), ==, 0);
  g_assert_false (json_object_get_boolean_member (p, "has_liked"));
}

/* --- Ranking and paging --------------------------------------------------------------------- */

static void
test_feed_ranking (void)
{
  g_autofree char *liked = NULL, *plain = NULL, *rp = NULL, *first = NULL, *cursor = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(BzApiResponse) r = NULL, one = NULL;
  guint pages = 0;

  social_ensure_users ();
  /* Of two posts of the same hour, the one with a reaction ranks first:
   * the seed's (likes + comments*3 + shares*5) / hours. */
  plain = social_post (nutri.token, "{\"type\":\"text\",\"body\":\"Sin reacciones\"}");
  liked = social_post (nutri.token, "{\"type\":\"text\",\"body\":\"Con reacción\"}");
  rp = path_of (liked, "/reactions");
  r = social_req ("POST", rp, owner.token, "{\"reaction_type\":\"fire\"}");
  social_assert_status (r, 201);
  {
    g_autofree char *q = g_strdup_printf ("/api/v1/feed?author_id=%s&limit=1", nutri.id);
    one = social_req ("GET", q, fam.token, NULL);
    social_assert_status (one, 200);
    first = g_strdup (json_object_get_string_member (
        json_array_get_object_element (json_object_get_array_member (bz_api_data (one), "posts"), 0), "id"));
    g_assert_cmpstr (first, ==, liked);
  }
  /* Cursor paging over the whole feed: no post twice. */
  do
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/feed?limit=1%s%s", cursor ? "&cursor=" : "", cursor ? cursor : "");
      g_autoptr(BzApiResponse) page = social_req ("GET", path, owner.token, NULL);
      JsonArray *posts;
      JsonObject *pg;
      social_assert_status (page, 200);
      posts = json_object_get_array_member (bz_api_data (page), "posts");
      g_assert_cmpuint (json_array_get_length (posts), <=, 1);
      for (guint i = 0; i < json_array_get_length (posts); i++)
        g_assert_true (g_hash_table_add (seen, g_strdup (json_object_get_string_member (
            json_array_get_object_element (posts, i), "id"))));
      pg = json_object_get_object_member (bz_api_data (page), "pagination");
      g_clear_pointer (&cursor, g_free);
      if (json_object_get_boolean_member (pg, "has_next"))
        cursor = g_strdup (json_object_get_string_member (pg, "next_cursor"));
      pages++;
    }
  while (cursor && pages < 100);
  g_assert_cmpuint (pages, >, 1);
  g_assert_true (g_hash_table_contains (seen, plain) && g_hash_table_contains (seen, liked));
  {
    /* Page mode (seed 002 §4.3) gives the same first post. */
    g_autofree char *q = g_strdup_printf ("/api/v1/feed?author_id=%s&page=2&limit=1", nutri.id);
    g_autoptr(BzApiResponse) p2 = social_req ("GET", q, fam.token, NULL);
    social_assert_status (p2, 200);
    g_assert_cmpstr (json_object_get_string_member (
        json_array_get_object_element (json_object_get_array_member (bz_api_data (p2), "posts"), 0), "id"), ==, plain);
  }
}

void
test_social_add_tests (void)
{
  g_test_add_func ("/api/social/posts", test_posts);
  g_test_add_func ("/api/social/post-photo", test_post_photo);
  g_test_add_func ("/api/social/family-circle", test_circle);
  g_test_add_func ("/api/social/private-and-followers", test_private_and_followers);
  g_test_add_func ("/api/social/groups", test_groups);
  g_test_add_func ("/api/social/comments", test_comments);
  g_test_add_func ("/api/social/reactions", test_reactions);
  g_test_add_func ("/api/social/feed-ranking", test_feed_ranking);
  test_social_limits_add_tests ();
}
