/* bz-scan-service.c — InBody body scans and avatars (seed 000 story 4.4). */
#include "bz-scan-service.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bz-avatar-provider.h"
#include "bz-blob-store.h"
#include "bz-gltf.h"
#include "bz-integration-service.h"
#include "bz-patient-service.h"
#include "bz-scan-repo.h"
#include "bz-scan-service-private.h"
#include "bz-service-task-private.h"
#include "bz-store.h"
#include "bz-vocab.h"

/* The measurements of an upload, with their plausible ranges for an adult
 * InBody record (outside them is a typing error): the declaration's. */
static const guint measured_fields[] = {
  BZ_SCAN_AGE, BZ_SCAN_HEIGHT_CM, BZ_SCAN_WEIGHT_KG, BZ_SCAN_BODY_FAT_PERCENT, BZ_SCAN_SKELETAL_MUSCLE_MASS_KG,
};

static void
check_number (JsonObject *input, const BzField *f, double *out, BzValidation *v)
{
  JsonNode *n = json_object_get_member (input, f->name);
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    {
      /* Optional ones (body fat, muscle mass) stay 0: "not measured". */
      if (f->flags & BZ_FIELD_REQUIRED)
        bz_validation_add (v, f->name, "required", _("This field is required"));
      return;
    }
  if (!bz_json_get_number (input, f->name, out) || !isfinite (*out))
    {
      bz_validation_add (v, f->name, "invalid_type", _("This field must be a number"));
      return;
    }
  if (*out < f->min || *out > f->max)
    {
      g_autofree char *msg = g_strdup_printf (_("Must be between %g and %g"), f->min, f->max);
      bz_validation_add (v, f->name, "out_of_range", msg);
    }
}

/* Validates circumferences_cm: the declaration's names, numbers and range.
 * Returns: (transfer full) (nullable): the measured ones. */
static BzRecord *
parse_circumferences (JsonNode *circ, BzValidation *v)
{
  const BzResource *res = &bz_circumferences_resource;
  JsonObjectIter it;
  const char *name;
  JsonNode *val;

  if (circ == NULL || JSON_NODE_HOLDS_NULL (circ))
    return bz_record_new (res);
  if (!JSON_NODE_HOLDS_OBJECT (circ))
    {
      bz_validation_add (v, "circumferences_cm", "invalid_type", _("circumferences_cm must be an object"));
      return NULL;
    }
  json_object_iter_init (&it, json_node_get_object (circ));
  while (json_object_iter_next (&it, &name, &val))
    {
      gboolean known = FALSE;
      for (guint i = 0; i < res->n_fields && !known; i++)
        known = g_str_equal (res->fields[i].name, name);
      if (!known)
        {
          g_autofree char *field = g_strdup_printf ("circumferences_cm.%s", name);
          bz_validation_add (v, field, "unknown_field",
                             _("Known circumferences: neck, chest, waist, hip, arm, thigh, calf"));
        }
    }
  return bz_resource_parse (res, json_node_get_object (circ), "circumferences_cm", v);
}

/* Parses and validates an upload into @m and a Scan record (without id and
 * patient_id); %NULL with the field errors in @v. */
static BzRecord *
validate_scan (JsonObject *input, BzBodyMeasurements *m, BzValidation *v)
{
  const char *sex = bz_json_get_string (input, "sex");
  const char *measured = bz_json_get_string (input, "measured_at");
  double values[G_N_ELEMENTS (measured_fields)] = { 0 };
  double *slots[] = { &m->neck_cm, &m->chest_cm, &m->waist_cm, &m->hip_cm, &m->arm_cm, &m->thigh_cm, &m->calf_cm };
  g_autoptr(GDateTime) measured_at = NULL;
  g_autoptr(BzRecord) circ = NULL;
  BzRecord *scan;

  G_STATIC_ASSERT (G_N_ELEMENTS (slots) == BZ_CIRCUMFERENCES_N_FIELDS);
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
        measured_at = dt;
    }
  sex = bz_vocab_canonical (&bz_vocab_sex, sex);
  if (sex == NULL)
    bz_validation_add (v, "sex", json_object_has_member (input, "sex") ? "invalid_choice" : "required",
                       _("sex must be male or female"));
  for (guint i = 0; i < G_N_ELEMENTS (measured_fields); i++)
    check_number (input, &bz_scan_resource.fields[measured_fields[i]], &values[i], v);
  m->sex = g_strcmp0 (sex, "male") == 0 ? BZ_SEX_MALE : BZ_SEX_FEMALE;
  m->age_years = values[0];
  m->height_cm = values[1];
  m->weight_kg = values[2];
  m->body_fat_percent = values[3];
  m->skeletal_muscle_mass_kg = values[4];
  if (m->skeletal_muscle_mass_kg >= m->weight_kg && m->weight_kg > 0)
    bz_validation_add (v, "skeletal_muscle_mass_kg", "out_of_range",
                       _("Skeletal muscle mass must be less than body weight"));
  circ = parse_circumferences (json_object_get_member (input, "circumferences_cm"), v);
  if (bz_validation_failed (v))
    return NULL;

  for (guint i = 0; i < BZ_CIRCUMFERENCES_N_FIELDS; i++)
    if (bz_record_has (circ, i))
      *slots[i] = bz_record_get_double (circ, i);
  scan = bz_record_new (&bz_scan_resource);
  bz_record_take_string (scan, BZ_SCAN_MEASURED_AT, g_date_time_format (measured_at, "%Y-%m-%dT%H:%M:%SZ"));
  bz_record_set_string (scan, BZ_SCAN_SEX, sex);
  bz_record_set_double (scan, BZ_SCAN_AGE, (int) m->age_years);   /* stored in whole years */
  bz_record_set_double (scan, BZ_SCAN_HEIGHT_CM, m->height_cm);
  bz_record_set_double (scan, BZ_SCAN_WEIGHT_KG, m->weight_kg);
  if (m->body_fat_percent > 0)
    bz_record_set_double (scan, BZ_SCAN_BODY_FAT_PERCENT, m->body_fat_percent);
  if (m->skeletal_muscle_mass_kg > 0)
    bz_record_set_double (scan, BZ_SCAN_SKELETAL_MUSCLE_MASS_KG, m->skeletal_muscle_mass_kg);
  bz_record_take_object (scan, BZ_SCAN_CIRCUMFERENCES_CM, g_steal_pointer (&circ));
  return scan;
}

GBytes *
bz_scan_make_avatar (BzServices *svc, const BzBodyMeasurements *m, BzAvatarInfo *info, GError **error)
{
  GBytes *glb = bz_integrations_make_avatar (svc, m, info, error);
  if (glb == NULL && error && *error && (*error)->domain != BZ_ERROR)
    {
      GError *e = g_error_new (BZ_ERROR, BZ_ERROR_UPSTREAM, _("Avatar generation failed: %s"), (*error)->message);
      g_clear_error (error);
      g_propagate_error (error, e);
    }
  return glb;
}

BzRecord *
bz_scan_put_avatar (BzServices *svc, GBytes *glb, const BzAvatarInfo *info, GError **error)
{
  g_autofree char *sha = NULL;
  BzRecord *avatar;

  if (!bz_blob_put (bz_services_get_store (svc), glb, "model/gltf-binary", &sha, error))
    return NULL;
  avatar = bz_record_new (&bz_avatar_resource);
  bz_record_take_string (avatar, BZ_AVATAR_ID, g_uuid_string_random ());
  bz_record_set_int (avatar, BZ_AVATAR_SIZE_BYTES, g_bytes_get_size (glb));
  bz_record_set_string (avatar, BZ_AVATAR_ETAG, sha);
  bz_record_set_int (avatar, BZ_AVATAR_VERTEX_COUNT, info->vertex_count);
  bz_record_set_string (avatar, BZ_AVATAR_PROVIDER_NAME,
                        info->provider ? info->provider
                                       : bz_avatar_provider_get_name (bz_services_get_avatar_provider (svc)));
  return avatar;
}

gboolean
bz_scan_store_in_tx (BzServices *svc, BzRecord *scan, const char *created_by, GBytes *glb,
                     const BzAvatarInfo *info, const char *now, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(BzRecord) avatar = NULL;

  if (!bz_scan_repo_insert (store, scan, created_by, now, error) ||
      !(avatar = bz_scan_put_avatar (svc, glb, info, error)))
    return FALSE;
  return bz_scan_repo_insert_avatar (store, avatar, bz_record_get_string (scan, BZ_SCAN_ID),
                                     bz_record_get_string (scan, BZ_SCAN_PATIENT_ID), now, error);
}

BzRecord *
bz_scan_get_visible (BzServices *svc, const BzCaller *caller, const char *scan_id, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(BzRecord) scan = NULL;
  g_autofree char *allowed = NULL;

  if (scan_id != NULL)
    scan = bz_scan_repo_get (bz_services_get_store (svc), scan_id, &local);
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (scan)
    allowed = bz_patients_resolve (svc, caller, bz_record_get_string (scan, BZ_SCAN_PATIENT_ID), NULL);
  if (allowed == NULL)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Scan not found"));
      return NULL;
    }
  return g_steal_pointer (&scan);
}

BzRecord *
bz_scans_add (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  BzBodyMeasurements m;
  BzAvatarInfo info = { 0 };
  g_autofree char *patient_id = NULL, *now = NULL;
  g_autofree char *scan_id = g_uuid_string_random ();
  g_autoptr(GBytes) glb = NULL;
  g_autoptr(BzRecord) scan = NULL;
  JsonNode *pid = json_object_get_member (input, "patient_id");

  if (pid && !JSON_NODE_HOLDS_NULL (pid) && bz_json_get_string (input, "patient_id") == NULL)
    bz_validation_add (&v, "patient_id", "invalid_type", _("patient_id must be a string"));
  scan = validate_scan (input, &m, &v);
  bz_scan_take_bioimpedance (scan, input, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  patient_id = bz_patients_resolve (svc, caller, bz_json_get_string (input, "patient_id"), error);
  if (patient_id == NULL)
    return NULL;
  bz_record_set_string (scan, BZ_SCAN_ID, scan_id);
  bz_record_set_string (scan, BZ_SCAN_PATIENT_ID, patient_id);

  /* CPU work outside the write transaction.  Without a measured body fat,
   * the body model's estimate (docs/body-model.md). */
  if (m.body_fat_percent <= 0)
    bz_record_set_double (scan, BZ_SCAN_BODY_FAT_PERCENT_ESTIMATED, bz_body_model_implied_body_fat (&m));
  glb = bz_scan_make_avatar (svc, &m, &info, error);
  if (glb == NULL)
    return NULL;

  now = bz_now_iso8601 ();
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_scan_store_in_tx (svc, scan, caller->user_id, glb, &info, now, error) || !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  bz_store_notify (store, "body_scans", scan_id);

  {
    g_autoptr(GError) local = NULL;
    BzRecord *stored = bz_scan_repo_get (store, scan_id, &local);
    BzRecord *result, *stored_avatar;
    if (stored == NULL)
      {
        if (local)
          g_propagate_error (error, g_steal_pointer (&local));
        else
          g_set_error_literal (error, BZ_ERROR, BZ_ERROR_INTERNAL, "The new scan cannot be read back");
        return NULL;
      }
    result = bz_record_new (&bz_scan_upload_resource);
    stored_avatar = bz_record_get_object (stored, BZ_SCAN_AVATAR);
    if (stored_avatar)
      bz_record_take_object (result, BZ_SCAN_UPLOAD_AVATAR, g_object_ref (stored_avatar));
    bz_record_take_object (result, BZ_SCAN_UPLOAD_SCAN, stored);
    return result;
  }
}

BzRecord *
bz_scan_validate_input (JsonObject *input, BzBodyMeasurements *m, BzValidation *v)
{
  BzRecord *scan = validate_scan (input, m, v);
  bz_scan_take_bioimpedance (scan, input, v);
  if (bz_validation_failed (v))
    g_clear_object (&scan);
  return scan;
}

BzRecord *
bz_scans_get_list (BzServices *svc, const BzCaller *caller, const char *patient_id, GError **error)
{
  g_autofree char *id = bz_patients_resolve (svc, caller, patient_id, error);
  g_autoptr(GPtrArray) scans = NULL;
  BzRecord *list;

  if (id == NULL)
    return NULL;
  bz_patients_audit_read (svc, caller, id, "list_scans");  /* before any read: see bz_patients_get_file() */
  scans = bz_scan_repo_list (bz_services_get_store (svc), id, error);
  if (scans == NULL)
    return NULL;

  list = bz_record_new (&bz_scan_list_resource);
  bz_record_set_string (list, BZ_SCAN_LIST_PATIENT_ID, id);
  bz_record_set_empty_array (list, BZ_SCAN_LIST_SCANS);
  for (guint i = 0; i < scans->len; i++)
    bz_record_append (list, BZ_SCAN_LIST_SCANS, g_object_ref (g_ptr_array_index (scans, i)));
  return list;
}

/* --- async (GIO style): the same calls on a GTask worker thread ----------- */

static gpointer
list_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_scans_get_list (svc, caller, args, error);
}

void
bz_scans_get_list_async (BzServices *svc, const BzCaller *caller, const char *patient_id,
                         GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_scans_get_list_async, "bz-scans-list", caller, BZ_SERVICE_TASK_NEEDS_CALLER,
                       list_work, g_strdup (patient_id), g_free, g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_scans_get_list_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_scans_get_list_async, error);
}

static gpointer
add_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_scans_add (svc, caller, args, error);
}

void
bz_scans_add_async (BzServices *svc, const BzCaller *caller, JsonObject *input,
                    GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_scans_add_async, "bz-scans-add", caller, BZ_SERVICE_TASK_NEEDS_CALLER,
                       add_work, bz_service_json_object_copy (input), (GDestroyNotify) json_object_unref,
                       g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_scans_add_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_scans_add_async, error);
}

/* The blob hash of @avatar_id if the caller may see it; NOT_FOUND else. */
static char *
avatar_sha (BzServices *svc, const BzCaller *caller, const char *avatar_id, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *owner = NULL, *sha = NULL, *allowed = NULL;

  if (!bz_scan_repo_find_avatar (store, avatar_id, &owner, &sha, error))
    return NULL;
  if (owner)
    allowed = bz_patients_resolve (svc, caller, owner, NULL);
  if (allowed == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Avatar not found"));
      return NULL;
    }
  return g_steal_pointer (&sha);
}

GBytes *
bz_avatars_get_glb (BzServices *svc, const BzCaller *caller, const char *avatar_id, char **out_etag, GError **error)
{
  g_autofree char *sha = avatar_sha (svc, caller, avatar_id, error);
  GBytes *bytes;

  if (sha == NULL)
    return NULL;
  bytes = bz_blob_get (bz_services_get_store (svc), sha, NULL, error);
  if (bytes && out_etag)
    *out_etag = g_steal_pointer (&sha);
  return bytes;
}

/* Variants made from stored avatars, by ETag (content-addressed: the same
 * stored file and variant always give the same bytes, so the cache is
 * shared by every BzServices of the process).  At most
 * AVATAR_VARIANT_CACHE_MAX entries, the oldest dropped first: about 6 MB
 * for LOD 0 plain variants of 340 KB, 2.5 MB for compressed LOD 0 files. */
#define AVATAR_VARIANT_CACHE_MAX 16
/* Bump when bz_gltf_lod_mesh() or the compressed writer change output:
 * it is part of the ETag of every derived variant. */
#define AVATAR_VARIANT_VERSION 1

static GMutex variant_lock;
static GHashTable *variant_cache;   /* etag -> GBytes */
static GQueue variant_order = G_QUEUE_INIT;

static GBytes *
variant_cache_get (const char *etag)
{
  g_mutex_lock (&variant_lock);
  GBytes *bytes = variant_cache ? g_hash_table_lookup (variant_cache, etag) : NULL;
  if (bytes)
    g_bytes_ref (bytes);
  g_mutex_unlock (&variant_lock);
  return bytes;
}

static void
variant_cache_put (const char *etag, GBytes *bytes)
{
  g_mutex_lock (&variant_lock);
  if (variant_cache == NULL)
    variant_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  if (!g_hash_table_contains (variant_cache, etag))
    {
      char *key = g_strdup (etag);
      g_hash_table_insert (variant_cache, key, g_bytes_ref (bytes));
      g_queue_push_tail (&variant_order, key);
      while (g_queue_get_length (&variant_order) > AVATAR_VARIANT_CACHE_MAX)
        g_hash_table_remove (variant_cache, g_queue_pop_head (&variant_order));
    }
  g_mutex_unlock (&variant_lock);
}

GBytes *
bz_avatars_get_glb_variant (BzServices *svc, const BzCaller *caller, const char *avatar_id,
                            guint lod, BzGltfCompression compression, char **out_etag, GError **error)
{
  g_autofree char *sha = NULL, *etag = NULL;
  g_autoptr(GBytes) stored = NULL, variant = NULL;
  g_autoptr(BzMesh) mesh = NULL, level = NULL;
  g_autoptr(JsonNode) extras = NULL;
  g_autoptr(GError) local = NULL;
  BzGltfOptions opts = { 0 };

  g_return_val_if_fail (lod < BZ_GLTF_LOD_COUNT, NULL);
  g_return_val_if_fail (compression == BZ_GLTF_COMPRESSION_NONE || compression == BZ_GLTF_COMPRESSION_MESHOPT, NULL);
  if (lod == 0 && compression == BZ_GLTF_COMPRESSION_NONE)
    return bz_avatars_get_glb (svc, caller, avatar_id, out_etag, error);

  sha = avatar_sha (svc, caller, avatar_id, error);
  if (sha == NULL)
    return NULL;
  etag = g_strdup_printf ("%s-v%d-lod%u-%s", sha, AVATAR_VARIANT_VERSION, lod,
                          compression == BZ_GLTF_COMPRESSION_MESHOPT ? "meshopt" : "none");
  variant = variant_cache_get (etag);
  if (variant == NULL)
    {
      stored = bz_blob_get (bz_services_get_store (svc), sha, NULL, error);
      if (stored == NULL)
        return NULL;
      mesh = bz_gltf_read_glb (stored, &local);
      if (mesh == NULL)
        {
          g_set_error (error, BZ_ERROR, BZ_ERROR_UPSTREAM,
                       _("The stored avatar cannot be converted: %s"), local->message);
          return NULL;
        }
      level = bz_gltf_lod_mesh (mesh, lod);
      extras = bz_gltf_read_extras (stored);
      opts.lod = lod;
      opts.compression = compression;
      opts.extras = extras;
      variant = bz_gltf_write_glb (level, &opts, error);
      if (variant == NULL)
        return NULL;
      variant_cache_put (etag, variant);
    }
  if (out_etag)
    *out_etag = g_steal_pointer (&etag);
  return g_steal_pointer (&variant);
}
