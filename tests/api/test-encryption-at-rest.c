/* test-encryption-at-rest.c — issue 9's test "A raw read of the database
 * file finds no allergy or condition text", through the real server: a
 * nutritionist creates a patient with conditions and allergies, edits the
 * food restrictions, writes a clinical note; the API answers them in plain
 * text, and the database file and its WAL (read as bytes) hold none of them,
 * whatever the services logged, audited or queued on the way
 * (src/store/bz-crypt.h, docs/privacy.md).
 *
 * Built into test-api's binary (tests/api/meson.build), registered by
 * test-api.c. */
#define _GNU_SOURCE   /* memmem */
#include <string.h>

#include "bz-api-fixture.h"
#include "bz-store.h"

void test_encryption_add_tests (void);

#define CONDITION   "Hipotiroidismo-ATR4"
#define ALLERGY     "Cacahuate-ATR5"
#define RESTRICTION "SinLactosa-ATR6"
#define NOTE        "Nota-de-consulta-ATR7"

static gboolean
file_holds (const char *path, const char *needle)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;
  return memmem (contents, len, needle, strlen (needle)) != NULL;
}

static void
test_raw_database_holds_no_clinical_text (void)
{
  BzApi *api = bz_api_shared ();
  const char *dir = bz_store_get_data_dir (api->store);
  g_autofree char *db = g_build_filename (dir, "balanza.db", NULL);
  g_autofree char *wal = g_build_filename (dir, "balanza.db-wal", NULL);
  g_autofree char *nutri = bz_api_register (api, "atr-nutri@test.local", "nutritionist", NULL);
  g_autofree char *patient = NULL, *path = NULL, *notes = NULL;
  const char *markers[] = { CONDITION, ALLERGY, RESTRICTION, NOTE };

  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/nutritionist/patients", nutri,
        "{\"email\":\"atr-member@test.local\",\"first_name\":\"Rosa\",\"last_name\":\"Cifrada\","
        "\"password\":\"Member-Pass1!\",\"health_conditions\":[\"" CONDITION "\"],"
        "\"allergies\":[\"" ALLERGY "\"]}");
    g_assert_cmpuint (r->status, ==, 201);
    patient = g_strdup (json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "patient"), "id"));
  }
  path = g_strdup_printf ("/api/v1/nutritionist/patients/%s", patient);
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "PATCH", path, nutri,
                                              "{\"food_restrictions\":[\"" RESTRICTION "\"]}");
    g_assert_cmpuint (r->status, ==, 200);
  }
  notes = g_strdup_printf ("%s/notes", path);
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", notes, nutri, "{\"text\":\"" NOTE "\"}");
    g_assert_cmpuint (r->status, ==, 201);
  }

  /* The API answers the plaintext: the server opens what it sealed. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", path, nutri, NULL);
    JsonObject *info;
    g_assert_cmpuint (r->status, ==, 200);
    info = json_object_get_object_member (json_object_get_object_member (bz_api_data (r), "patient"), "basic_info");
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (info, "health_conditions"), 0), ==, CONDITION);
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (info, "allergies"), 0), ==, ALLERGY);
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (info, "food_restrictions"), 0), ==, RESTRICTION);
  }
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", notes, nutri, NULL);
    JsonArray *a;
    g_assert_cmpuint (r->status, ==, 200);
    a = json_object_get_array_member (bz_api_data (r), "notes");
    g_assert_cmpuint (json_array_get_length (a), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, 0), "text"), ==, NOTE);
  }

  /* The raw bytes: the WAL as the server left it, then the file after a checkpoint. */
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      g_assert_false (file_holds (db, markers[i]));
      g_assert_false (file_holds (wal, markers[i]));
    }
  bz_store_checkpoint (api->store);
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    g_assert_false (file_holds (db, markers[i]));
  /* the same read finds what is not encrypted (the check can fail) */
  g_assert_true (file_holds (db, "atr-member@test.local"));
}

void
test_encryption_add_tests (void)
{
  g_test_add_func ("/api/privacy/encryption-at-rest", test_raw_database_holds_no_clinical_text);
}
