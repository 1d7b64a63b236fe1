/* test-scan-rectify.c — PATCH /api/v1/scans/{scan_id} (issue 9,
 * "Rectification"): a changed value with its derived values and avatar
 * made again (the body model's estimate, bmi, a new avatar whose GLB is
 * served and the old one's URL gone), a partial change, null on optional
 * members, nested merges; the audit and the sync change log (the scan's
 * upsert, the old avatar's tombstone, the new avatar); every refusal (wrong
 * types, out of range, unknown and read-only members, null on required
 * ones, unknown id, another member's scan, another nutritionist's patient's
 * scan, no token) with the scan, the audit, the change log, the avatars and
 * the blobs unchanged after it.
 *
 * Built into test-api's binary (tests/api/meson.build), registered by
 * test-api.c before its every-operation check, so the PATCH's responses are
 * checked against the OpenAPI document. */
#include "bz-api-fixture.h"

#include <math.h>

#include "bz-audit.h"
#include "bz-body-model.h"

const char *test_api_nutri_token (void);
const char *test_api_nutri2_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
void        test_scan_rectify_add_tests (void);

/* Tape and scale with a measured body fat; %s: the patient id. */
#define SCAN_BODY \
  "{\"patient_id\":\"%s\",\"measured_at\":\"2026-06-01T09:00:00Z\",\"sex\":\"male\",\"age\":41," \
  "\"height_cm\":175.2,\"weight_kg\":88.4,\"body_fat_percent\":27.5,\"skeletal_muscle_mass_kg\":33.1," \
  "\"circumferences_cm\":{\"waist\":98.0,\"hip\":104.0,\"neck\":40.0}," \
  "\"bioimpedance\":{\"phase_angle_deg\":5.6,\"visceral_fat_level\":9}}"

static BzApiResponse *
patch_scan (const char *token, const char *scan_id, const char *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/scans/%s", scan_id);
  return bz_api_json (bz_api_shared (), "PATCH", path, token, body);
}

static char *
post_scan (const char *token, const char *patient_id)
{
  g_autofree char *body = g_strdup_printf (SCAN_BODY, patient_id);
  g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "POST", "/api/scans/upload", token, body);
  g_assert_cmpuint (r->status, ==, 201);
  return g_strdup (json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "scan"), "id"));
}

/* The patient's scans as their nutritionist lists them, as JSON text. */
static char *
scans_text (const char *patient_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/scans?patient_id=%s", patient_id);
  g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "GET", path, test_api_nutri_token (), NULL);
  g_autoptr(JsonNode) n = NULL;
  g_assert_cmpuint (r->status, ==, 200);
  n = json_node_init_object (json_node_alloc (), bz_api_data (r));
  return json_to_string (n, FALSE);
}

static gint64
audits (void)
{
  BzApi *api = bz_api_shared ();
  bz_audit_log_flush (bz_services_get_audit_log (api->services));
  return bz_api_count (api, "record_access_audit");
}

/* Every change @token may see after @cursor (NULL: a full sync), as
 * "type/id" -> the change's JSON object (the last wins); the final cursor
 * into @out_cursor. */
static GHashTable *
sync_since (const char *token, const char *cursor, char **out_cursor)
{
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_object_unref);
  g_autofree char *next = g_strdup (cursor);

  for (;;)
    {
      g_autofree char *path = next ? g_strdup_printf ("/api/v1/sync/changes?since=%s&limit=200", next)
                                   : g_strdup ("/api/v1/sync/changes?limit=200");
      g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "GET", path, token, NULL);
      JsonArray *changes;
      g_assert_cmpuint (r->status, ==, 200);
      changes = json_object_get_array_member (bz_api_data (r), "changes");
      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *c = json_array_get_object_element (changes, i);
          g_hash_table_replace (seen, g_strdup_printf ("%s/%s", json_object_get_string_member (c, "type"),
                                                       json_object_get_string_member (c, "id")),
                                json_object_ref (c));
        }
      g_free (next);
      next = g_strdup (json_object_get_string_member (bz_api_data (r), "next_cursor"));
      if (!json_object_get_boolean_member (bz_api_data (r), "has_more"))
        break;
    }
  *out_cursor = g_steal_pointer (&next);
  return seen;
}

static void
test_scan_rectify (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *member = NULL, *other_member = NULL, *other_nutri_member = NULL;
  g_autofree char *pid = NULL, *other_pid = NULL, *far_pid = NULL;
  g_autofree char *scan_id = NULL, *other_scan = NULL, *far_scan = NULL;
  g_autofree char *old_avatar = NULL, *old_etag = NULL, *new_avatar = NULL, *cursor = NULL;
  gint64 old_version;

  test_api_ensure_users ();
  pid = test_api_create_patient (test_api_nutri_token (), "rectify-scan@test.local", &member);
  other_pid = test_api_create_patient (test_api_nutri_token (), "rectify-scan-other@test.local", &other_member);
  far_pid = test_api_create_patient (test_api_nutri2_token (), "rectify-scan-far@test.local", &other_nutri_member);
  scan_id = post_scan (test_api_nutri_token (), pid);
  other_scan = post_scan (test_api_nutri_token (), other_pid);
  far_scan = post_scan (test_api_nutri2_token (), far_pid);
  {
    g_autofree char *key = g_strdup_printf ("scan/%s", scan_id);
    g_autoptr(GHashTable) all = sync_since (member, NULL, &cursor);
    g_assert_true (g_hash_table_contains (all, key));
  }

  /* Success, by the member: body fat found wrong (not measured after all)
   * and the weight rectified: the estimate and bmi follow, the avatar is
   * made again; a circumference merges, one is removed, one stays. */
  {
    g_autoptr(BzApiResponse) l = bz_api_json (api, "GET", "/api/v1/scans", member, NULL);
    JsonObject *a;
    g_assert_cmpuint (l->status, ==, 200);
    a = json_object_get_object_member (json_array_get_object_element (
        json_object_get_array_member (bz_api_data (l), "scans"), 0), "avatar");
    old_avatar = g_strdup (json_object_get_string_member (a, "id"));
    old_etag = g_strdup (json_object_get_string_member (a, "etag"));
    old_version = json_object_get_int_member (a, "version");
  }
  {
    gint64 n_audits = audits ();
    BzBodyMeasurements m = { .sex = BZ_SEX_MALE, .age_years = 41, .height_cm = 175.2, .weight_kg = 84.0,
                             .skeletal_muscle_mass_kg = 33.1, .waist_cm = 95.5, .hip_cm = 104.0 };
    double expected = bz_body_model_implied_body_fat (&m);
    g_autoptr(BzApiResponse) r = patch_scan (member, scan_id,
        "{\"weight_kg\":84.0,\"body_fat_percent\":null,\"circumferences_cm\":{\"waist\":95.5,\"neck\":null}}");
    JsonObject *d, *circ, *avatar;
    g_assert_cmpuint (r->status, ==, 200);
    d = bz_api_data (r);
    g_assert_cmpstr (json_object_get_string_member (d, "id"), ==, scan_id);
    g_assert_cmpfloat (json_object_get_double_member (d, "weight_kg"), ==, 84.0);
    g_assert_true (json_object_get_null_member (d, "body_fat_percent"));
    g_assert_cmpfloat (fabs (json_object_get_double_member (d, "body_fat_percent_estimated") - expected), <=, 0.05 + 1e-9);
    g_assert_cmpfloat (json_object_get_double_member (d, "bmi"), ==, round (84.0 / ((175.2 / 100.0) * (175.2 / 100.0)) * 10.0) / 10.0);
    g_assert_cmpfloat (json_object_get_double_member (d, "skeletal_muscle_mass_kg"), ==, 33.1);
    g_assert_cmpfloat (json_object_get_double_member (d, "height_cm"), ==, 175.2);
    circ = json_object_get_object_member (d, "circumferences_cm");
    g_assert_cmpfloat (json_object_get_double_member (circ, "waist"), ==, 95.5);
    g_assert_cmpfloat (json_object_get_double_member (circ, "hip"), ==, 104.0);
    g_assert_false (json_object_has_member (circ, "neck"));
    g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (d, "bioimpedance"), "phase_angle_deg"),
                       ==, 5.6);
    avatar = json_object_get_object_member (d, "avatar");
    new_avatar = g_strdup (json_object_get_string_member (avatar, "id"));
    g_assert_cmpstr (new_avatar, !=, old_avatar);
    g_assert_cmpstr (json_object_get_string_member (avatar, "etag"), !=, old_etag);
    g_assert_cmpint (json_object_get_int_member (avatar, "version"), ==, old_version);
    g_assert_cmpint (audits (), ==, n_audits + 1);
  }
  /* The new avatar is served; the old one's URL is gone. */
  {
    g_autofree char *new_url = g_strdup_printf ("/api/v1/avatars/%s.glb?compression=none", new_avatar);
    g_autofree char *old_url = g_strdup_printf ("/api/v1/avatars/%s.glb?compression=none", old_avatar);
    g_autoptr(BzApiResponse) n = bz_api_call (api, "GET", new_url, member, NULL, NULL, 0, NULL);
    g_autoptr(BzApiResponse) o = bz_api_call (api, "GET", old_url, member, NULL, NULL, 0, NULL);
    g_assert_cmpuint (n->status, ==, 200);
    g_assert_cmpuint (g_bytes_get_size (n->body), >, 1000);
    g_assert_cmpuint (o->status, ==, 404);
  }
  /* The member's phone gets the scan's upsert, the old avatar's tombstone
   * and the new avatar. */
  {
    g_autofree char *next = NULL;
    g_autofree char *k_scan = g_strdup_printf ("scan/%s", scan_id);
    g_autofree char *k_old = g_strdup_printf ("avatar/%s", old_avatar);
    g_autofree char *k_new = g_strdup_printf ("avatar/%s", new_avatar);
    g_autoptr(GHashTable) delta = sync_since (member, cursor, &next);
    JsonObject *c;
    g_assert_nonnull ((c = g_hash_table_lookup (delta, k_scan)));
    g_assert_cmpstr (json_object_get_string_member (c, "op"), ==, "upsert");
    g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (c, "scan"), "weight_kg"), ==, 84.0);
    g_assert_nonnull ((c = g_hash_table_lookup (delta, k_old)));
    g_assert_true (json_object_get_boolean_member (c, "deleted"));
    g_assert_nonnull ((c = g_hash_table_lookup (delta, k_new)));
    g_assert_cmpstr (json_object_get_string_member (c, "op"), ==, "upsert");
  }

  /* Partial, by the nutritionist: one member changes, the others stay;
   * a measured body fat again: no estimate. */
  {
    g_autoptr(BzApiResponse) r = patch_scan (test_api_nutri_token (), scan_id, "{\"body_fat_percent\":24.5}");
    JsonObject *d;
    g_assert_cmpuint (r->status, ==, 200);
    d = bz_api_data (r);
    g_assert_cmpfloat (json_object_get_double_member (d, "body_fat_percent"), ==, 24.5);
    g_assert_true (json_object_get_null_member (d, "body_fat_percent_estimated"));
    g_assert_cmpfloat (json_object_get_double_member (d, "weight_kg"), ==, 84.0);
    g_assert_cmpstr (json_object_get_string_member (d, "measured_at"), ==, "2026-06-01T09:00:00Z");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (d, "avatar"), "id"), !=, new_avatar);
  }
  /* null on optional members: muscle, a bioimpedance value (its sibling
   * stays), a segment set then kept; the whole circumferences. */
  {
    g_autoptr(BzApiResponse) r = patch_scan (member, scan_id,
        "{\"skeletal_muscle_mass_kg\":null,\"circumferences_cm\":null,"
        "\"bioimpedance\":{\"phase_angle_deg\":null,\"segmental_lean_mass_kg\":{\"trunk\":27.5}}}");
    JsonObject *d, *bia;
    g_assert_cmpuint (r->status, ==, 200);
    d = bz_api_data (r);
    g_assert_true (json_object_get_null_member (d, "skeletal_muscle_mass_kg"));
    g_assert_cmpuint (json_object_get_size (json_object_get_object_member (d, "circumferences_cm")), ==, 0);
    bia = json_object_get_object_member (d, "bioimpedance");
    g_assert_true (json_object_get_null_member (bia, "phase_angle_deg"));
    g_assert_cmpfloat (json_object_get_double_member (bia, "visceral_fat_level"), ==, 9);
    g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (bia, "segmental_lean_mass_kg"), "trunk"),
                       ==, 27.5);
    g_assert_cmpfloat (json_object_get_double_member (d, "body_fat_percent"), ==, 24.5);
  }
  {
    g_autoptr(BzApiResponse) r = patch_scan (member, scan_id,
        "{\"sex\":\"masculino\",\"bioimpedance\":{\"segmental_lean_mass_kg\":{\"left_arm\":3.1}}}");
    JsonObject *seg;
    g_assert_cmpuint (r->status, ==, 200);
    seg = json_object_get_object_member (json_object_get_object_member (bz_api_data (r), "bioimpedance"),
                                         "segmental_lean_mass_kg");
    g_assert_cmpfloat (json_object_get_double_member (seg, "trunk"), ==, 27.5);
    g_assert_cmpfloat (json_object_get_double_member (seg, "left_arm"), ==, 3.1);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "sex"), ==, "male");
  }

  /* Refusals: the status and field, and nothing written. */
  {
    g_autofree char *unknown = g_uuid_string_random ();
    const struct { const char *token; const char *id; const char *body; guint status; const char *field; } cases[] = {
      { NULL, scan_id, "{\"weight_kg\":80}", 401, NULL },
      { member, scan_id, "{\"weight_kg\":\"heavy\"}", 400, "weight_kg" },
      { member, scan_id, "{\"age\":true}", 400, "age" },
      { member, scan_id, "{\"circumferences_cm\":5}", 400, "circumferences_cm" },
      { member, scan_id, "{\"circumferences_cm\":{\"waist\":\"wide\"}}", 400, "circumferences_cm.waist" },
      { member, scan_id, "{\"bioimpedance\":{\"phase_angle_deg\":[5]}}", 400, "bioimpedance.phase_angle_deg" },
      { member, scan_id, "{\"measured_at\":\"yesterday\"}", 400, "measured_at" },
      { member, scan_id, "{\"weight_kg\":10}", 400, "weight_kg" },
      { member, scan_id, "{\"height_cm\":400}", 400, "height_cm" },
      { member, scan_id, "{\"body_fat_percent\":80}", 400, "body_fat_percent" },
      { member, scan_id, "{\"circumferences_cm\":{\"hip\":5}}", 400, "circumferences_cm.hip" },
      { member, scan_id, "{\"bioimpedance\":{\"ecw_tbw_ratio\":0.9}}", 400, "bioimpedance.ecw_tbw_ratio" },
      { member, scan_id, "{\"bioimpedance\":{\"segmental_fat_mass_kg\":{\"trunk\":500}}}", 400,
        "bioimpedance.segmental_fat_mass_kg.trunk" },
      { member, scan_id, "{\"skeletal_muscle_mass_kg\":90}", 400, "skeletal_muscle_mass_kg" },   /* not under 84 kg */
      { member, scan_id, "{\"measured_at\":\"2999-01-01T00:00:00Z\"}", 400, "measured_at" },
      { member, scan_id, "{\"sex\":\"robot\"}", 400, "sex" },
      { member, scan_id, "{\"weight_kg\":null}", 400, "weight_kg" },
      { member, scan_id, "{\"sex\":null}", 400, "sex" },
      { member, scan_id, "{\"patient_id\":null}", 400, "patient_id" },
      { member, scan_id, "{\"bmi\":20}", 400, "bmi" },
      { member, scan_id, "{\"circumferences_cm\":{\"knee\":30}}", 400, "circumferences_cm.knee" },
      { member, scan_id, "[]", 400, NULL },
      { member, unknown, "{\"weight_kg\":80}", 404, NULL },
      { member, "not-a-scan", "{\"weight_kg\":80}", 404, NULL },
      { member, other_scan, "{\"weight_kg\":80}", 404, NULL },                 /* another member's scan */
      { other_member, scan_id, "{\"weight_kg\":80}", 404, NULL },
      { test_api_nutri_token (), far_scan, "{\"weight_kg\":80}", 404, NULL },  /* another nutritionist's patient */
      { test_api_nutri2_token (), scan_id, "{\"weight_kg\":80}", 404, NULL },
    };
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *before = scans_text (pid), *before_other = scans_text (other_pid), *after = NULL;
        gint64 n_audits = audits (), n_changes = bz_api_count (api, "changes");
        gint64 n_avatars = bz_api_count (api, "avatars"), n_blobs = bz_api_count (api, "blobs");
        g_autoptr(BzApiResponse) r = patch_scan (cases[i].token, cases[i].id, cases[i].body);
        g_test_message ("PATCH %s %s", cases[i].id, cases[i].body);
        g_assert_cmpuint (r->status, ==, cases[i].status);
        if (cases[i].field)
          g_assert_true (bz_api_has_detail (r, cases[i].field));
        /* Before the listings below, which are audited reads. */
        g_assert_cmpint (audits (), ==, n_audits);
        after = scans_text (pid);
        g_assert_cmpstr (after, ==, before);
        g_free (after);
        after = scans_text (other_pid);
        g_assert_cmpstr (after, ==, before_other);
        g_assert_cmpint (bz_api_count (api, "changes"), ==, n_changes);
        g_assert_cmpint (bz_api_count (api, "avatars"), ==, n_avatars);
        g_assert_cmpint (bz_api_count (api, "blobs"), ==, n_blobs);
      }
  }
}

void
test_scan_rectify_add_tests (void)
{
  g_test_add_func ("/api/scans/rectify", test_scan_rectify);
}
