/* bz-scan-service.c — InBody body scans and avatars (seed 000 story 4.4). */
#include "bz-scan-service.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bz-avatar-provider.h"
#include "bz-blob-store.h"
#include "bz-patient-service.h"
#include "bz-vocab.h"

static const char *circumference_names[] = { "neck", "chest", "waist", "hip", "arm", "thigh", "calf", NULL };

/* Plausible ranges for an adult InBody record; outside them is a typing error. */
typedef struct { const char *field; double min, max; } Range;
static const Range ranges[] = {
  { "age", 5, 120 },
  { "height_cm", 100, 250 },
  { "weight_kg", 20, 350 },
  { "body_fat_percent", 2, 75 },
  { "skeletal_muscle_mass_kg", 5, 100 },
};

static void
check_number (JsonObject *input, const Range *r, double *out, BzValidation *v)
{
  JsonNode *n = json_object_get_member (input, r->field);
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    {
      bz_validation_add (v, r->field, "required", _("This field is required"));
      return;
    }
  if (!bz_json_get_number (input, r->field, out) || !isfinite (*out))
    {
      bz_validation_add (v, r->field, "invalid_type", _("This field must be a number"));
      return;
    }
  if (*out < r->min || *out > r->max)
    {
      g_autofree char *msg = g_strdup_printf (_("Must be between %g and %g"), r->min, r->max);
      bz_validation_add (v, r->field, "out_of_range", msg);
    }
}

/* Parses and validates an upload into @m; returns the canonical circumferences JSON. */
static char *
validate_scan (JsonObject *input, BzBodyMeasurements *m, GDateTime **out_measured, BzValidation *v)
{
  const char *sex = bz_json_get_string (input, "sex");
  const char *measured = bz_json_get_string (input, "measured_at");
  double values[G_N_ELEMENTS (ranges)] = { 0 };
  JsonNode *circ = json_object_get_member (input, "circumferences_cm");
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  double *slots[] = { &m->neck_cm, &m->chest_cm, &m->waist_cm, &m->hip_cm, &m->arm_cm, &m->thigh_cm, &m->calf_cm };

  memset (m, 0, sizeof *m);
  if (measured == NULL)
    bz_validation_add (v, "measured_at", json_object_has_member (input, "measured_at") ? "invalid_type" : "required",
                       _("measured_at must be an ISO 8601 date and time"));
  else
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      GDateTime *dt = g_date_time_new_from_iso8601 (measured, utc);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      if (dt == NULL && strlen (measured) == 10)
        {
          g_autofree char *full = g_strconcat (measured, "T12:00:00Z", NULL);
          dt = g_date_time_new_from_iso8601 (full, utc);
        }
      if (dt == NULL)
        bz_validation_add (v, "measured_at", "invalid_format", _("measured_at must be an ISO 8601 date and time"));
      else if (g_date_time_difference (dt, now) > G_TIME_SPAN_DAY)
        {
          bz_validation_add (v, "measured_at", "in_future", _("measured_at cannot be in the future"));
          g_date_time_unref (dt);
        }
      else
        *out_measured = dt;
    }
  sex = bz_vocab_canonical (&bz_vocab_sex, sex);
  if (sex == NULL)
    bz_validation_add (v, "sex", json_object_has_member (input, "sex") ? "invalid_choice" : "required",
                       _("sex must be male or female"));
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    check_number (input, &ranges[i], &values[i], v);
  m->sex = g_strcmp0 (sex, "male") == 0 ? BZ_SEX_MALE : BZ_SEX_FEMALE;
  m->age_years = values[0];
  m->height_cm = values[1];
  m->weight_kg = values[2];
  m->body_fat_percent = values[3];
  m->skeletal_muscle_mass_kg = values[4];
  if (m->skeletal_muscle_mass_kg >= m->weight_kg && m->weight_kg > 0)
    bz_validation_add (v, "skeletal_muscle_mass_kg", "out_of_range",
                       _("Skeletal muscle mass must be less than body weight"));

  json_builder_begin_object (b);
  if (circ && !JSON_NODE_HOLDS_NULL (circ))
    {
      if (!JSON_NODE_HOLDS_OBJECT (circ))
        bz_validation_add (v, "circumferences_cm", "invalid_type", _("circumferences_cm must be an object"));
      else
        {
          JsonObjectIter it;
          const char *name;
          JsonNode *val;
          json_object_iter_init (&it, json_node_get_object (circ));
          while (json_object_iter_next (&it, &name, &val))
            {
              g_autofree char *field = g_strdup_printf ("circumferences_cm.%s", name);
              double d = 0;
              guint idx;
              if (!g_strv_contains (circumference_names, name))
                {
                  bz_validation_add (v, field, "unknown_field",
                                     _("Known circumferences: neck, chest, waist, hip, arm, thigh, calf"));
                  continue;
                }
              if (!bz_json_get_number (json_node_get_object (circ), name, &d) || !isfinite (d))
                {
                  bz_validation_add (v, field, "invalid_type", _("This field must be a number"));
                  continue;
                }
              if (d < 10 || d > 250)
                {
                  bz_validation_add (v, field, "out_of_range", _("Must be between 10 and 250 cm"));
                  continue;
                }
              for (idx = 0; circumference_names[idx]; idx++)
                if (strcmp (circumference_names[idx], name) == 0)
                  *slots[idx] = d;
              json_builder_set_member_name (b, name);
              json_builder_add_double_value (b, d);
            }
        }
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

#define SCAN_COLUMNS \
  "s.id, s.patient_id, s.measured_at, s.sex, s.age, s.height_cm, s.weight_kg, s.body_fat_percent," \
  " s.skeletal_muscle_mass_kg, s.circumferences_cm, a.id, a.version, a.size_bytes, a.blob_sha256, a.vertex_count, a.provider"

static JsonObject *
scan_row_json (sqlite3_stmt *st)
{
  JsonObject *o = json_object_new ();
  double h = sqlite3_column_double (st, 5) / 100.0, w = sqlite3_column_double (st, 6);
  json_object_set_string_member (o, "id", (const char *) sqlite3_column_text (st, 0));
  json_object_set_string_member (o, "patient_id", (const char *) sqlite3_column_text (st, 1));
  json_object_set_string_member (o, "measured_at", (const char *) sqlite3_column_text (st, 2));
  json_object_set_string_member (o, "sex", (const char *) sqlite3_column_text (st, 3));
  json_object_set_int_member (o, "age", sqlite3_column_int (st, 4));
  json_object_set_double_member (o, "height_cm", sqlite3_column_double (st, 5));
  json_object_set_double_member (o, "weight_kg", w);
  json_object_set_double_member (o, "body_fat_percent", sqlite3_column_double (st, 7));
  json_object_set_double_member (o, "skeletal_muscle_mass_kg", sqlite3_column_double (st, 8));
  json_object_set_member (o, "circumferences_cm", bz_json_node_from_text ((const char *) sqlite3_column_text (st, 9)));
  /* BMI = kg / m² (WHO). */
  json_object_set_double_member (o, "bmi", round (w / (h * h) * 10.0) / 10.0);
  if (sqlite3_column_type (st, 10) != SQLITE_NULL)
    {
      JsonObject *a = json_object_new ();
      g_autofree char *url = g_strdup_printf ("/api/v1/avatars/%s.glb", sqlite3_column_text (st, 10));
      json_object_set_string_member (a, "id", (const char *) sqlite3_column_text (st, 10));
      json_object_set_string_member (a, "url", url);
      json_object_set_int_member (a, "version", sqlite3_column_int (st, 11));
      json_object_set_int_member (a, "size_bytes", sqlite3_column_int64 (st, 12));
      json_object_set_string_member (a, "etag", (const char *) sqlite3_column_text (st, 13));
      json_object_set_int_member (a, "vertex_count", sqlite3_column_int (st, 14));
      json_object_set_string_member (a, "provider", (const char *) sqlite3_column_text (st, 15));
      json_object_set_string_member (a, "format", "model/gltf-binary");
      json_object_set_object_member (o, "avatar", a);
    }
  else
    json_object_set_null_member (o, "avatar");
  return o;
}

JsonNode *
bz_scans_upload (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  sqlite3 *db = bz_store_db (store);
  BzAvatarProvider *provider = bz_services_get_avatar_provider (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  BzBodyMeasurements m;
  BzAvatarInfo info = { 0 };
  g_autoptr(GDateTime) measured = NULL;
  g_autofree char *patient_id = NULL, *circ = NULL, *measured_s = NULL, *sha = NULL, *now = NULL;
  g_autofree char *scan_id = g_uuid_string_random ();
  g_autofree char *avatar_id = g_uuid_string_random ();
  g_autoptr(GBytes) glb = NULL;
  JsonNode *pid = json_object_get_member (input, "patient_id");

  if (pid && !JSON_NODE_HOLDS_NULL (pid) && bz_json_get_string (input, "patient_id") == NULL)
    bz_validation_add (&v, "patient_id", "invalid_type", _("patient_id must be a string"));
  circ = validate_scan (input, &m, &measured, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  patient_id = bz_patients_resolve (svc, caller, bz_json_get_string (input, "patient_id"), error);
  if (patient_id == NULL)
    return NULL;
  measured_s = g_date_time_format (measured, "%Y-%m-%dT%H:%M:%SZ");

  /* CPU work outside the write transaction. */
  glb = bz_avatar_provider_generate (provider, &m, &info, NULL, error);
  if (glb == NULL)
    {
      if (error && *error && (*error)->domain != BZ_ERROR)
        {
          GError *e = g_error_new (BZ_ERROR, BZ_ERROR_UPSTREAM, _("Avatar generation failed: %s"), (*error)->message);
          g_clear_error (error);
          g_propagate_error (error, e);
        }
      return NULL;
    }

  now = bz_now_iso8601 ();
  if (!bz_db_begin (db, error))
    return NULL;
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "INSERT INTO body_scans (id, patient_id, measured_at, sex, age, height_cm, weight_kg, body_fat_percent,"
        " skeletal_muscle_mass_kg, circumferences_cm, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", error);
    if (!st)
      goto fail;
    sqlite3_bind_text (st, 1, scan_id, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 2, patient_id, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 3, measured_s, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 4, m.sex == BZ_SEX_MALE ? "male" : "female", -1, SQLITE_STATIC);
    sqlite3_bind_int (st, 5, (int) m.age_years);
    sqlite3_bind_double (st, 6, m.height_cm);
    sqlite3_bind_double (st, 7, m.weight_kg);
    sqlite3_bind_double (st, 8, m.body_fat_percent);
    sqlite3_bind_double (st, 9, m.skeletal_muscle_mass_kg);
    sqlite3_bind_text (st, 10, circ, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 11, caller->user_id, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 12, now, -1, SQLITE_STATIC);
    if (!bz_db_step_done (st, error))
      goto fail;
  }
  if (!bz_blob_put (store, glb, "model/gltf-binary", &sha, error))
    goto fail;
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "INSERT INTO avatars (id, scan_id, patient_id, version, blob_sha256, size_bytes, vertex_count, provider, created_at)"
        " VALUES (?, ?, ?, (SELECT coalesce(max(version), 0) + 1 FROM avatars WHERE patient_id = ?3), ?, ?, ?, ?, ?)", error);
    if (!st)
      goto fail;
    sqlite3_bind_text (st, 1, avatar_id, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 2, scan_id, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 3, patient_id, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 4, sha, -1, SQLITE_STATIC);
    sqlite3_bind_int64 (st, 5, g_bytes_get_size (glb));
    sqlite3_bind_int (st, 6, info.vertex_count);
    sqlite3_bind_text (st, 7, bz_avatar_provider_get_name (provider), -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 8, now, -1, SQLITE_STATIC);
    if (!bz_db_step_done (st, error))
      goto fail;
  }
  if (!bz_store_log_change (db, "body_scans", scan_id, BZ_CHANGE_INSERT, error) ||
      !bz_store_log_change (db, "avatars", avatar_id, BZ_CHANGE_INSERT, error) ||
      !bz_db_commit (db, error))
    goto fail;
  bz_store_notify (store, "body_scans", scan_id);

  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "SELECT " SCAN_COLUMNS " FROM body_scans s LEFT JOIN avatars a ON a.scan_id = s.id WHERE s.id = ?", error);
    JsonObject *scan, *data;
    if (!st)
      return NULL;
    sqlite3_bind_text (st, 1, scan_id, -1, SQLITE_STATIC);
    if (sqlite3_step (st) != SQLITE_ROW)
      {
        bz_db_set_error (db, sqlite3_errcode (db), error);
        return NULL;
      }
    scan = scan_row_json (st);
    data = json_object_new ();
    json_object_set_member (data, "avatar", json_node_copy (json_object_get_member (scan, "avatar")));
    json_object_set_object_member (data, "scan", scan);
    return bz_json_node_new_object (data);
  }

fail:
  bz_db_rollback (db);
  return NULL;
}

JsonNode *
bz_scans_list (BzServices *svc, const BzCaller *caller, const char *patient_id, GError **error)
{
  sqlite3 *db = bz_store_db (bz_services_get_store (svc));
  g_autofree char *id = bz_patients_resolve (svc, caller, patient_id, error);
  g_autoptr(sqlite3_stmt) st = NULL;
  JsonObject *data;
  JsonArray *arr;

  if (id == NULL)
    return NULL;
  bz_patients_audit_read (svc, caller, id, "list_scans");  /* before any read: see bz_patients_get() */
  st = bz_db_prepare (db,
      "SELECT " SCAN_COLUMNS " FROM body_scans s LEFT JOIN avatars a ON a.scan_id = s.id"
      " WHERE s.patient_id = ? ORDER BY s.measured_at DESC", error);
  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  arr = json_array_new ();
  while (sqlite3_step (st) == SQLITE_ROW)
    json_array_add_object_element (arr, scan_row_json (st));

  data = json_object_new ();
  json_object_set_string_member (data, "patient_id", id);
  json_object_set_array_member (data, "scans", arr);
  return bz_json_node_new_object (data);
}

GBytes *
bz_avatars_get_glb (BzServices *svc, const BzCaller *caller, const char *avatar_id, char **out_etag, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT patient_id, blob_sha256 FROM avatars WHERE id = ?", error);
  g_autofree char *allowed = NULL;
  GBytes *bytes;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, avatar_id, -1, SQLITE_STATIC);
  if (sqlite3_step (st) != SQLITE_ROW)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Avatar not found"));
      return NULL;
    }
  allowed = bz_patients_resolve (svc, caller, (const char *) sqlite3_column_text (st, 0), NULL);
  if (allowed == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Avatar not found"));
      return NULL;
    }
  bytes = bz_blob_get (store, (const char *) sqlite3_column_text (st, 1), NULL, error);
  if (bytes && out_etag)
    *out_etag = bz_db_column_text_dup (st, 1);
  return bytes;
}
