/* bz-privacy-service.h — the privacy rights of seed 002 §7.3 under Mexico's
 * LFPDPPP (issue 9): access (the export of everything held about a user)
 * and cancellation (the deletion of an account, by its owner or, on the
 * patient's request, by their nutritionist).
 *
 * Who may do what:
 * - any signed-in user exports their own data, and deletes their own account;
 * - a nutritionist deletes the account of one of their own patients
 *   (patients.nutritionist_id); another nutritionist's patient, or an id that
 *   is no patient, is NOT_FOUND, as on the other patient routes.
 *
 * The export is a ZIP (libarchive, deflate) of JSON files, one per table
 * (bz_privacy_repo_export(): "profile.json", "patient.json", "scans.json",
 * "meals.json", "meal_items.json", "consents.json", "consent_history.json",
 * …), a "manifest.json" listing them and
 * the files with their SHA-256, and the files themselves: the original
 * photos of the user's meals ("photos/meal-<id>.jpg"), their posts' and
 * recipes' photos, and their avatars ("avatars/avatar-<id>.glb"), each read
 * and hash-checked from the blob store (bz_blob_get()).
 *
 * The deletion follows seed 002 §7.3.2's soft delete: the account is
 * anonymised (bz_privacy_repo_anonymise()), not removed, so the clinic's
 * records of the patient (scans, meals, notes: NOM-004-SSA3-2012 keeps a
 * clinical record five years) stay without a name; the photos and avatars
 * are erased from the blob store when no one else references them
 * (bz_blob_erase_unreferenced()); every sign-in and paired device is
 * revoked, so refresh and access tokens stop working at once, and the open
 * WebSockets of those sign-ins are closed.  All of the store's part is one
 * transaction: a refusal or a failure changes nothing.
 */
#pragma once

#include "bz-privacy-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/**
 * bz_privacy_export:
 * @caller: who asks; their own data is exported
 * @error: BZ_ERROR_UNAUTHENTICATED (no caller), BZ_ERROR_NOT_FOUND (the
 *   account is gone), BZ_ERROR_INTERNAL (store, blob or archive failure)
 *
 * Writes the export ZIP into an unlinked temporary file (mode 0600) in the
 * store's data directory, one table and one blob at a time (memory bounded
 * by the largest table's JSON and the largest blob, not the export), and
 * maps it: the bytes are served from the page cache, not the heap.
 *
 * Returns: (transfer full): the ZIP (application/zip), or %NULL with @error.
 */
GBytes   *bz_privacy_export (BzServices *svc, const BzCaller *caller, GError **error);

/**
 * bz_privacy_delete_account:
 * @caller: the account's owner
 * @confirmation: (nullable): must be exactly %BZ_PRIVACY_DELETE_CONFIRMATION
 * @error: BZ_ERROR_VALIDATION with a detail on "confirmation" ("required" when
 *   %NULL, "invalid_value" otherwise), BZ_ERROR_UNAUTHENTICATED (no caller),
 *   BZ_ERROR_NOT_FOUND (already deleted), BZ_ERROR_INTERNAL
 *
 * Deletes @caller's account as described above.
 *
 * Returns: (transfer full): an AccountDeletion record, or %NULL with @error
 *   and the store unchanged.
 */
BzRecord *bz_privacy_delete_account (BzServices *svc, const BzCaller *caller, const char *confirmation,
                                     GError **error);

/**
 * bz_privacy_delete_account_for_patient:
 * @nutritionist_caller: a nutritionist carrying out their patient's request
 * @patient_id: the patient (patients.id)
 * @confirmation: (nullable): must be exactly %BZ_PRIVACY_DELETE_CONFIRMATION
 * @error: BZ_ERROR_VALIDATION (as bz_privacy_delete_account()),
 *   BZ_ERROR_FORBIDDEN (the caller is no nutritionist), BZ_ERROR_NOT_FOUND
 *   (not a patient of the caller's, or already deleted), BZ_ERROR_INTERNAL
 *
 * bz_privacy_delete_account() for the patient's account.
 *
 * Returns: (transfer full): an AccountDeletion record, or %NULL with @error
 *   and the store unchanged.
 */
BzRecord *bz_privacy_delete_account_for_patient (BzServices *svc, const BzCaller *nutritionist_caller,
                                                 const char *patient_id, const char *confirmation,
                                                 GError **error);

/**
 * bz_privacy_delete_account_for_patient_async:
 * @nutritionist_caller: the desk's signed-in nutritionist
 * @patient_id: the patient whose request is carried out
 *
 * bz_privacy_delete_account_for_patient() on a worker thread, for the desk:
 * the nutritionist's confirmation is the desk's own question, so the
 * confirmation word is supplied.  Finish with
 * bz_privacy_delete_account_for_patient_finish().
 */
void      bz_privacy_delete_account_for_patient_async  (BzServices *svc, const BzCaller *nutritionist_caller,
                                                        const char *patient_id, GCancellable *cancellable,
                                                        GAsyncReadyCallback callback, gpointer user_data);
/** bz_privacy_delete_account_for_patient_finish: Returns: (transfer full): the AccountDeletion record, or %NULL with @error. */
BzRecord *bz_privacy_delete_account_for_patient_finish (BzServices *svc, GAsyncResult *result, GError **error);

G_END_DECLS
