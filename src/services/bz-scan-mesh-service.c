/* bz-scan-mesh-service.c — the body model's mesh of a stored scan (issue 8). */
#include "bz-scan-mesh-service.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bz-body-model.h"
#include "bz-patient-service.h"
#include "bz-json.h"
#include "bz-scan-repo.h"
#include "bz-scan-service-private.h"
#include "bz-service-task-private.h"
#include "bz-store.h"

#define MAX_LOD 2

static void
scan_mesh_clear (gpointer data)
{
  BzScanMesh *mesh = data;
  g_free (mesh->scan_id);
  g_free (mesh->sex);
  g_clear_pointer (&mesh->positions, g_array_unref);
  g_clear_pointer (&mesh->normals, g_array_unref);
  g_clear_pointer (&mesh->indices, g_array_unref);
}

BzScanMesh *
bz_scan_mesh_ref (BzScanMesh *mesh)
{
  return g_atomic_rc_box_acquire (mesh);
}

void
bz_scan_mesh_unref (BzScanMesh *mesh)
{
  if (mesh)
    g_atomic_rc_box_release_full (mesh, scan_mesh_clear);
}

G_DEFINE_BOXED_TYPE (BzScanMesh, bz_scan_mesh, bz_scan_mesh_ref, bz_scan_mesh_unref)

guint
bz_scan_mesh_vertex_count (const BzScanMesh *mesh)
{
  g_return_val_if_fail (mesh != NULL, 0);
  return mesh->positions->len / 3;
}

gboolean
bz_scan_mesh_same_topology (const BzScanMesh *a, const BzScanMesh *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return a->positions->len == b->positions->len && a->normals->len == b->normals->len
         && a->indices->len == b->indices->len
         && memcmp (a->indices->data, b->indices->data, a->indices->len * sizeof (guint32)) == 0;
}

/* A stored value, or 0 ("not measured": the model estimates it). */
static double
value_or_zero (BzRecord *rec, guint field)
{
  double v;
  if (rec == NULL || !bz_record_has (rec, field))
    return 0;
  v = bz_record_get_double (rec, field);
  return isfinite (v) ? v : 0;
}

/* The scan's measurements as the body model takes them (cm, kg). */
static void
scan_measurements (BzRecord *scan, BzBodyMeasurements *m)
{
  BzRecord *c = bz_record_get_object (scan, BZ_SCAN_CIRCUMFERENCES_CM);

  memset (m, 0, sizeof *m);
  m->sex = g_strcmp0 (bz_record_get_string (scan, BZ_SCAN_SEX), "male") == 0 ? BZ_SEX_MALE : BZ_SEX_FEMALE;
  m->age_years = value_or_zero (scan, BZ_SCAN_AGE);
  m->height_cm = value_or_zero (scan, BZ_SCAN_HEIGHT_CM);
  m->weight_kg = value_or_zero (scan, BZ_SCAN_WEIGHT_KG);
  m->body_fat_percent = value_or_zero (scan, BZ_SCAN_BODY_FAT_PERCENT);
  m->skeletal_muscle_mass_kg = value_or_zero (scan, BZ_SCAN_SKELETAL_MUSCLE_MASS_KG);
  m->neck_cm = value_or_zero (c, BZ_CIRCUMFERENCES_NECK);
  m->chest_cm = value_or_zero (c, BZ_CIRCUMFERENCES_CHEST);
  m->waist_cm = value_or_zero (c, BZ_CIRCUMFERENCES_WAIST);
  m->hip_cm = value_or_zero (c, BZ_CIRCUMFERENCES_HIP);
  m->arm_cm = value_or_zero (c, BZ_CIRCUMFERENCES_ARM);
  m->thigh_cm = value_or_zero (c, BZ_CIRCUMFERENCES_THIGH);
  m->calf_cm = value_or_zero (c, BZ_CIRCUMFERENCES_CALF);
}

static gboolean
lod_valid (guint lod, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  if (lod > MAX_LOD)
    bz_validation_add (&v, "lod", "out_of_range", _("Must be between 0 and 2"));
  return bz_validation_finish (&v, error);
}

/* The body model's mesh for @m, with its bounding box. */
static BzScanMesh *
mesh_of (const BzBodyMeasurements *m, const char *scan_id, guint lod)
{
  g_autoptr(BzMesh) body = bz_body_model_build (m, lod);
  BzScanMesh *out = g_atomic_rc_box_new0 (BzScanMesh);
  guint nv;

  out->scan_id = g_strdup (scan_id);
  out->sex = g_strdup (m->sex == BZ_SEX_MALE ? "male" : "female");
  out->lod = lod;
  out->body_fat_percent = m->body_fat_percent > 0 ? m->body_fat_percent : bz_body_model_implied_body_fat (m);
  out->positions = g_array_ref (body->positions);
  out->normals = g_array_ref (body->normals);
  out->indices = g_array_ref (body->indices);
  nv = out->positions->len / 3;
  for (guint k = 0; k < 3; k++)
    {
      out->min[k] = nv ? G_MAXFLOAT : 0;
      out->max[k] = nv ? -G_MAXFLOAT : 0;
    }
  for (guint i = 0; i < nv; i++)
    for (guint k = 0; k < 3; k++)
      {
        float x = g_array_index (out->positions, float, 3 * i + k);
        out->min[k] = MIN (out->min[k], x);
        out->max[k] = MAX (out->max[k], x);
      }
  return out;
}

BzScanMesh *
bz_scans_avatar_mesh (BzServices *svc, const BzCaller *caller, const char *scan_id, guint lod, GError **error)
{
  g_autoptr(BzRecord) scan = NULL;
  BzBodyMeasurements m;

  if (!lod_valid (lod, error) || !(scan = bz_scan_get_visible (svc, caller, scan_id, error)))
    return NULL;
  scan_measurements (scan, &m);
  return mesh_of (&m, scan_id, lod);
}

BzScanMesh *
bz_scans_preview_mesh (BzServices *svc, const BzCaller *caller, JsonObject *input, guint lod, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  BzBodyMeasurements m;
  g_autoptr(BzRecord) scan = NULL;
  g_autofree char *patient_id = NULL;

  g_return_val_if_fail (input != NULL, NULL);
  if (!lod_valid (lod, error))
    return NULL;
  scan = bz_scan_validate_input (input, &m, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  /* The caller must be allowed to add this scan: the same check as bz_scans_add(). */
  patient_id = bz_patients_resolve (svc, caller, bz_json_get_string (input, "patient_id"), error);
  if (patient_id == NULL)
    return NULL;
  return mesh_of (&m, NULL, lod);
}

/* --- async ---------------------------------------------------------------- */

typedef struct
{
  char *scan_id;
  guint lod;
} MeshArgs;

static void
mesh_args_free (gpointer data)
{
  MeshArgs *a = data;
  g_free (a->scan_id);
  g_free (a);
}

static gpointer
mesh_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  MeshArgs *a = args;
  return bz_scans_avatar_mesh (svc, caller, a->scan_id, a->lod, error);
}

void
bz_scans_avatar_mesh_async (BzServices *svc, const BzCaller *caller, const char *scan_id, guint lod,
                            GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  MeshArgs *a = g_new0 (MeshArgs, 1);
  a->scan_id = g_strdup (scan_id);
  a->lod = lod;
  bz_service_task_run (svc, bz_scans_avatar_mesh_async, "bz-scans-avatar-mesh", caller,
                       BZ_SERVICE_TASK_NEEDS_CALLER, mesh_work, a, mesh_args_free,
                       (GDestroyNotify) bz_scan_mesh_unref, cancellable, callback, user_data);
}

typedef struct
{
  JsonObject *input;
  guint lod;
} PreviewArgs;

static void
preview_args_free (gpointer data)
{
  PreviewArgs *a = data;
  json_object_unref (a->input);
  g_free (a);
}

static gpointer
preview_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  PreviewArgs *a = args;
  return bz_scans_preview_mesh (svc, caller, a->input, a->lod, error);
}

void
bz_scans_preview_mesh_async (BzServices *svc, const BzCaller *caller, JsonObject *input, guint lod,
                             GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  PreviewArgs *a = g_new0 (PreviewArgs, 1);
  a->input = json_object_ref (input);
  a->lod = lod;
  bz_service_task_run (svc, bz_scans_preview_mesh_async, "bz-scans-preview-mesh", caller,
                       BZ_SERVICE_TASK_NEEDS_CALLER, preview_work, a, preview_args_free,
                       (GDestroyNotify) bz_scan_mesh_unref, cancellable, callback, user_data);
}

BzScanMesh *
bz_scans_preview_mesh_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_scans_preview_mesh_async, error);
}

BzScanMesh *
bz_scans_avatar_mesh_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_scans_avatar_mesh_async, error);
}
