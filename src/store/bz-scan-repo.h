/* bz-scan-repo.h — the body-scan aggregate: InBody `body_scans` and the
 * `avatars` generated from them (their GLB bytes live in the blob store,
 * bz-blob-store.h), read and written as records of bz_scan_resource,
 * bz_avatar_resource and bz_metrics_resource.
 *
 * Every function runs on the calling thread's connection (bz_store_db());
 * writers run inside the caller's transaction (bz_store_begin()) and append
 * their row to the change log.  Authorization is the caller's.
 */
#pragma once

#include "bz-resources.h"
#include "bz-store.h"

G_BEGIN_DECLS

/**
 * bz_scan_repo_insert:
 * @store: the store, inside a transaction of this thread
 * @scan: a Scan record with id (a UUID of the caller's), patient_id,
 *   measured_at, sex, age (whole years), height_cm, weight_kg,
 *   body_fat_percent, skeletal_muscle_mass_kg and circumferences_cm (a
 *   Circumferences record of the measured ones; %NULL stores none); bmi and
 *   avatar are not stored
 * @created_by: the users.id who uploaded it
 * @created_at: ISO 8601 UTC
 * @error: BZ_ERROR_CONFLICT (unknown patient or user), BZ_ERROR_INTERNAL
 *
 * Inserts @scan and logs it (table "body_scans", op insert).
 *
 * Returns: %TRUE when inserted.
 */
gboolean    bz_scan_repo_insert        (BzStore *store, BzRecord *scan, const char *created_by,
                                        const char *created_at, GError **error);

/**
 * bz_scan_repo_insert_avatar:
 * @store: the store, inside a transaction of this thread
 * @avatar: an Avatar record with id (a UUID of the caller's), size_bytes,
 *   etag (the GLB's blob, bz_blob_put()), vertex_count and provider; its
 *   version is set here to the patient's next (1 for the first)
 * @scan_id: the scan it was generated from
 * @patient_id: whose avatar
 * @created_at: ISO 8601 UTC
 * @error: BZ_ERROR_CONFLICT (unknown scan, patient or blob), BZ_ERROR_INTERNAL
 *
 * Inserts @avatar and logs it (table "avatars", op insert).
 *
 * Returns: %TRUE when inserted.
 */
gboolean    bz_scan_repo_insert_avatar (BzStore *store, BzRecord *avatar, const char *scan_id,
                                        const char *patient_id, const char *created_at, GError **error);

/**
 * bz_scan_repo_update:
 * @store: the store, inside a transaction of this thread
 * @scan: a Scan record as for bz_scan_repo_insert(), whose id and
 *   patient_id name the stored row; every stored column is replaced by
 *   @scan's (its circumferences_cm, body_fat_percent_estimated and
 *   bioimpedance included: unset ones become 0, "not measured", or NULL)
 * @error: BZ_ERROR_NOT_FOUND (no such scan of that patient), BZ_ERROR_INTERNAL
 *
 * Rewrites the scan (the rectification, bz_scans_update()) and logs it
 * (table "body_scans", op update).  created_by and created_at stay.
 *
 * Returns: %TRUE when updated.
 */
gboolean    bz_scan_repo_update        (BzStore *store, BzRecord *scan, GError **error);

/**
 * bz_scan_repo_replace_avatar:
 * @store: the store, inside a transaction of this thread
 * @avatar: the new Avatar record, as for bz_scan_repo_insert_avatar() (a
 *   new id: avatar files are served as immutable, so new bytes get a new
 *   URL); its version is set here to the replaced avatar's
 * @scan_id: the scan it was generated from
 * @patient_id: whose avatar
 * @created_at: ISO 8601 UTC
 * @error: BZ_ERROR_CONFLICT (unknown scan, patient or blob), BZ_ERROR_INTERNAL
 *
 * Deletes @scan_id's avatar row (logged as a delete of "avatars", a
 * tombstone for the phones) and inserts @avatar in its place with the same
 * version (logged as an insert); without a previous avatar, inserts it as
 * bz_scan_repo_insert_avatar() does.  The old GLB's blob is left to the
 * blob store's garbage collection (bz_blob_collect_garbage()), which drops
 * it once nothing references it.
 *
 * Returns: %TRUE when replaced.
 */
gboolean    bz_scan_repo_replace_avatar (BzStore *store, BzRecord *avatar, const char *scan_id,
                                         const char *patient_id, const char *created_at, GError **error);

/**
 * bz_scan_repo_get:
 * @store: the store
 * @scan_id: a body_scans.id
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Returns: (transfer full) (nullable): the Scan record, with its
 *   circumferences_cm, bmi (kg/m², rounded to 0.1) and avatar (with url and
 *   format; null when it has none); %NULL without @error when there is no
 *   such scan.
 */
BzRecord   *bz_scan_repo_get           (BzStore *store, const char *scan_id, GError **error);

/**
 * bz_scan_repo_get_many:
 * @ids: (array length=n): scan ids (any text)
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * bz_scan_repo_get() for a batch (the phones' delta sync): one statement
 * whatever @n.
 *
 * Returns: (transfer full) (element-type BzRecord) (nullable): the Scans of
 *   @ids that exist, in no particular order; %NULL with @error.
 */
GPtrArray  *bz_scan_repo_get_many      (BzStore *store, const char *const *ids, guint n, GError **error);

/**
 * bz_scan_repo_list:
 * @store: the store
 * @patient_id: a patients.id
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * One statement whatever the number of scans.
 *
 * Returns: (transfer full) (element-type BzRecord): every scan of
 *   @patient_id, newest first, each as in bz_scan_repo_get(); %NULL with @error.
 */
GPtrArray  *bz_scan_repo_list          (BzStore *store, const char *patient_id, GError **error);

/**
 * bz_scan_repo_progress:
 * @store: the store
 * @patient_id: a patients.id
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Returns: (transfer full) (element-type BzRecord): @patient_id's progress
 *   history, oldest first, as Metrics records {scan_id, measured_at,
 *   weight_kg, body_fat_percent, skeletal_muscle_mass_kg,
 *   circumferences_cm}; %NULL with @error.
 */
GPtrArray  *bz_scan_repo_progress      (BzStore *store, const char *patient_id, GError **error);

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

/**
 * bz_scan_repo_list_between:
 * @store: the store
 * @patient_id: a patients.id
 * @since: (nullable): ISO 8601 UTC; scans measured at or after it (%NULL: from the first)
 * @until: (nullable): ISO 8601 UTC; scans measured before it (%NULL: to the latest)
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * The body analytics' history (bz-body-analytics-service.h): one statement
 * whatever the number of scans.
 *
 * Returns: (transfer full) (element-type BzRecord): @patient_id's scans in
 *   [@since, @until), oldest first, each as in bz_scan_repo_get(); %NULL
 *   with @error.
 */
GPtrArray  *bz_scan_repo_list_between  (BzStore *store, const char *patient_id, const char *since,
                                        const char *until, GError **error);

/**
 * bz_scan_repo_measured_at:
 * @store: the store
 * @patient_id: a patients.id
 * @times: (array length=n): measured_at values, ISO 8601 UTC as stored
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Which of @times already have a scan of @patient_id (an InBody export
 * imported twice): one statement whatever @n.
 *
 * Returns: (transfer full): a set (keys and values the same text) of
 *   those of @times that are stored; %NULL with @error.
 */
GHashTable *bz_scan_repo_measured_at   (BzStore *store, const char *patient_id, const char *const *times, guint n,
                                        GError **error);

G_END_DECLS
