/* bz-scan-import.h — importing an InBody export (issue 8; seed 001 "POST
 * /api/upload/scan-data - InBody scan file handling"): the file read by
 * bz_inbody_parse() (bz-inbody.h), each row validated as a scan upload
 * (bz_scans_add()), and all of them stored, each with its avatar, in one
 * transaction: a file with one bad row stores nothing. */
#pragma once

#include "bz-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/**
 * BzScanImportDefaults:
 * @sex: (nullable): "male"/"female" (or a Spanish alias) for rows without Gender
 * @age: (nullable): years, as text, for rows without Age
 * @height_cm: (nullable): cm, as text, for rows without Height
 *
 * What the file may lack (the InBody app's CSV has neither height, sex nor
 * age), given by the form or query; ranges are the Scan's.
 */
typedef struct
{
  const char *sex;
  const char *age;
  const char *height_cm;
} BzScanImportDefaults;

/**
 * bz_scans_import:
 * @caller: a nutritionist (for one of own patients) or a patient (for self)
 * @patient_id: (nullable): for a nutritionist, one of own patients
 * @file: (nullable): the export's bytes (at most %BZ_INBODY_MAX_BYTES)
 * @defaults: (nullable): for rows without sex, age or height
 * @error: VALIDATION with one detail per problem: field "file" (required,
 *   not text, empty, too large, malformed), or "line N: Column" (the file's
 *   column header, or the Scan member a default fills) with the issue of
 *   bz_inbody_parse() or of the scan's validation ("required",
 *   "out_of_range", "not_a_number", "invalid_date", "too_many_rows" ...) and
 *   the message "line 7: Weight: not a number"; after the patient check,
 *   "duplicate" for a row whose time the patient already has a scan at
 *   (the same export imported twice) or that another row repeats;
 *   NOT_FOUND (patient);
 *   UPSTREAM (avatar provider)
 *
 * Returns: (transfer full): a ScanImport record {patient_id, format, scans
 *   (stored, each with its avatar, in file order)}; %NULL with @error, and
 *   then nothing was stored.
 */
BzRecord *bz_scans_import (BzServices *svc, const BzCaller *caller, const char *patient_id, GBytes *file,
                           const BzScanImportDefaults *defaults, GError **error);

/**
 * bz_scans_import_check:
 * @out_scans: (out) (transfer full) (element-type BzRecord) (optional): the
 *   rows that are valid scans (without id, patient_id or avatar), in file
 *   order, also when another row failed
 *
 * bz_scans_import() without storing anything and without the patient
 * check: what the desk shows before the nutritionist saves.
 *
 * Returns: %TRUE when every row is valid; %FALSE with @error (the same
 *   details as bz_scans_import()).
 */
gboolean  bz_scans_import_check (GBytes *file, const BzScanImportDefaults *defaults, GPtrArray **out_scans,
                                 GError **error);

/**
 * bz_scans_import_async:
 * @svc: the service layer (kept alive until @callback)
 * @caller: (nullable): copied; %NULL finishes with UNAUTHENTICATED
 * @patient_id: (nullable): copied
 * @file: the bytes (a reference is taken)
 * @defaults: (nullable): copied
 * @cancellable: (nullable): checked before and after the work; a
 *   cancellation during the work does not undo the import
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Runs bz_scans_import() on a worker thread (avatars are CPU work).
 */
void      bz_scans_import_async (BzServices *svc, const BzCaller *caller, const char *patient_id, GBytes *file,
                                 const BzScanImportDefaults *defaults, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data);

/**
 * bz_scans_import_finish:
 * @error: %G_IO_ERROR_CANCELLED, %BZ_ERROR_UNAUTHENTICATED, or what
 *   bz_scans_import() sets
 *
 * Returns: (transfer full) (nullable): the ScanImport record.
 */
BzRecord *bz_scans_import_finish (BzServices *svc, GAsyncResult *result, GError **error);

G_END_DECLS
