/* bz-scan-service.c — InBody body scans and avatars (seed 000 story 4.4). */
#include "bz-scan-service.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bz-avatar-provider.h"
#include "bz-blob-store.h"
#include "bz-patient-service.h"
#include "bz-scan-repo.h"
#include "bz-store.h"
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

JsonNode *
bz_scans_upload (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
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
  if (!bz_store_begin (store, error))
    return NULL;
  {
    BzScanRecord scan = {
      .id = scan_id,
      .patient_id = patient_id,
      .measured_at = measured_s,
      .sex = m.sex == BZ_SEX_MALE ? "male" : "female",
      .age = (int) m.age_years,
      .height_cm = m.height_cm,
      .weight_kg = m.weight_kg,
      .body_fat_percent = m.body_fat_percent,
      .skeletal_muscle_mass_kg = m.skeletal_muscle_mass_kg,
      .circumferences_json = circ,
      .created_by = caller->user_id,
      .created_at = now,
    };
    if (!bz_scan_repo_insert (store, &scan, error))
      goto fail;
  }
  if (!bz_blob_put (store, glb, "model/gltf-binary", &sha, error))
    goto fail;
  {
    BzAvatarRecord avatar = {
      .id = avatar_id,
      .scan_id = scan_id,
      .patient_id = patient_id,
      .blob_sha256 = sha,
      .size_bytes = g_bytes_get_size (glb),
      .vertex_count = info.vertex_count,
      .provider = bz_avatar_provider_get_name (provider),
      .created_at = now,
    };
    if (!bz_scan_repo_insert_avatar (store, &avatar, error) || !bz_store_commit (store, error))
      goto fail;
  }
  bz_store_notify (store, "body_scans", scan_id);

  {
    g_autoptr(GError) local = NULL;
    JsonObject *scan = bz_scan_repo_get (store, scan_id, &local);
    JsonObject *data;
    if (scan == NULL)
      {
        if (local)
          g_propagate_error (error, g_steal_pointer (&local));
        else
          g_set_error_literal (error, BZ_ERROR, BZ_ERROR_INTERNAL, "The new scan cannot be read back");
        return NULL;
      }
    data = json_object_new ();
    json_object_set_member (data, "avatar", json_node_copy (json_object_get_member (scan, "avatar")));
    json_object_set_object_member (data, "scan", scan);
    return bz_json_node_new_object (data);
  }

fail:
  bz_store_rollback (store);
  return NULL;
}

JsonNode *
bz_scans_list (BzServices *svc, const BzCaller *caller, const char *patient_id, GError **error)
{
  g_autofree char *id = bz_patients_resolve (svc, caller, patient_id, error);
  JsonObject *data;
  JsonArray *arr;

  if (id == NULL)
    return NULL;
  bz_patients_audit_read (svc, caller, id, "list_scans");  /* before any read: see bz_patients_get() */
  arr = bz_scan_repo_list (bz_services_get_store (svc), id, error);
  if (arr == NULL)
    return NULL;

  data = json_object_new ();
  json_object_set_string_member (data, "patient_id", id);
  json_object_set_array_member (data, "scans", arr);
  return bz_json_node_new_object (data);
}

GBytes *
bz_avatars_get_glb (BzServices *svc, const BzCaller *caller, const char *avatar_id, char **out_etag, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *owner = NULL, *sha = NULL, *allowed = NULL;
  GBytes *bytes;

  if (!bz_scan_repo_find_avatar (store, avatar_id, &owner, &sha, error))
    return NULL;
  if (owner)
    allowed = bz_patients_resolve (svc, caller, owner, NULL);
  if (allowed == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Avatar not found"));
      return NULL;
    }
  bytes = bz_blob_get (store, sha, NULL, error);
  if (bytes && out_etag)
    *out_etag = g_steal_pointer (&sha);
  return bytes;
}
