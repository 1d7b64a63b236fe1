/* bz-scan-repo.h — the body-scan aggregate: InBody `body_scans` and the
 * `avatars` generated from them (their GLB bytes live in the blob store,
 * bz-blob-store.h).
 *
 * Every function runs on the calling thread's connection (bz_store_db());
 * writers run inside the caller's transaction (bz_store_begin()) and append
 * their row to the change log.  Authorization is the caller's.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bz-store.h"

G_BEGIN_DECLS

/**
 * BzScanRecord:
 * @id: the new body_scans.id (a UUID of the caller's)
 * @patient_id: whose scan
 * @measured_at: ISO 8601 UTC
 * @sex: "male" or "female"
 * @age: years
 * @height_cm: cm
 * @weight_kg: kg
 * @body_fat_percent: %
 * @skeletal_muscle_mass_kg: kg
 * @circumferences_json: JSON object {neck, chest, waist, hip, arm, thigh, calf} in cm, as text
 * @created_by: the users.id who uploaded it
 * @created_at: ISO 8601 UTC
 *
 * A new scan's columns; strings borrowed.
 */
typedef struct
{
  const char *id;
  const char *patient_id;
  const char *measured_at;
  const char *sex;
  int age;
  double height_cm;
  double weight_kg;
  double body_fat_percent;
  double skeletal_muscle_mass_kg;
  const char *circumferences_json;
  const char *created_by;
  const char *created_at;
} BzScanRecord;

/**
 * BzAvatarRecord:
 * @id: the new avatars.id (a UUID of the caller's)
 * @scan_id: the scan it was generated from
 * @patient_id: whose avatar
 * @blob_sha256: the GLB's blob (bz_blob_put())
 * @size_bytes: the GLB's size, bytes
 * @vertex_count: vertices of the mesh
 * @provider: the avatar provider's name
 * @created_at: ISO 8601 UTC
 *
 * A new avatar's columns; strings borrowed.  Its version is numbered by the
 * repository.
 */
typedef struct
{
  const char *id;
  const char *scan_id;
  const char *patient_id;
  const char *blob_sha256;
  gint64 size_bytes;
  int vertex_count;
  const char *provider;
  const char *created_at;
} BzAvatarRecord;

/**
 * bz_scan_repo_insert:
 * @store: the store, inside a transaction of this thread
 * @scan: the new row
 * @error: BZ_ERROR_CONFLICT (unknown patient or user), BZ_ERROR_INTERNAL
 *
 * Inserts @scan and logs it (table "body_scans", op insert).
 *
 * Returns: %TRUE when inserted.
 */
gboolean    bz_scan_repo_insert        (BzStore *store, const BzScanRecord *scan, GError **error);

/**
 * bz_scan_repo_insert_avatar:
 * @store: the store, inside a transaction of this thread
 * @avatar: the new row
 * @error: BZ_ERROR_CONFLICT (unknown scan, patient or blob), BZ_ERROR_INTERNAL
 *
 * Inserts @avatar as the patient's next version (1 for the first) and logs
 * it (table "avatars", op insert).
 *
 * Returns: %TRUE when inserted.
 */
gboolean    bz_scan_repo_insert_avatar (BzStore *store, const BzAvatarRecord *avatar, GError **error);

/**
 * bz_scan_repo_get:
 * @store: the store
 * @scan_id: a body_scans.id
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Returns: (transfer full) (nullable): the scan {id, patient_id,
 *   measured_at, sex, age, height_cm, weight_kg, body_fat_percent,
 *   skeletal_muscle_mass_kg, circumferences_cm {..}, bmi (kg/m², 0.1),
 *   avatar: {id, url, version, size_bytes, etag, vertex_count, provider,
 *   format} or null}; %NULL without @error when there is no such scan.
 */
JsonObject *bz_scan_repo_get           (BzStore *store, const char *scan_id, GError **error);

/**
 * bz_scan_repo_list:
 * @store: the store
 * @patient_id: a patients.id
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Returns: (transfer full): every scan of @patient_id, newest first, each
 *   shaped as in bz_scan_repo_get() (one statement); %NULL with @error.
 */
JsonArray  *bz_scan_repo_list          (BzStore *store, const char *patient_id, GError **error);

/**
 * bz_scan_repo_progress:
 * @store: the store
 * @patient_id: a patients.id
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Returns: (transfer full): @patient_id's progress history, oldest first:
 *   [{scan_id, measured_at, weight_kg, body_fat_percent,
 *   skeletal_muscle_mass_kg, circumferences_cm {..}}]; %NULL with @error.
 */
JsonArray  *bz_scan_repo_progress      (BzStore *store, const char *patient_id, GError **error);

/**
 * bz_scan_repo_find_avatar:
 * @store: the store
 * @avatar_id: an avatars.id
 * @out_patient_id: (out) (transfer full): whose avatar; %NULL when unknown
 * @out_blob_sha256: (out) (transfer full): its GLB's blob hash; %NULL when unknown
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Returns: %FALSE with @error on a database error; %TRUE otherwise, with
 *   both outs %NULL when there is no such avatar.
 */
gboolean    bz_scan_repo_find_avatar   (BzStore *store, const char *avatar_id, char **out_patient_id,
                                        char **out_blob_sha256, GError **error);

G_END_DECLS
