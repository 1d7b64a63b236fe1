/* bz-privacy-repo.h — the SQL of the privacy rights (seed 002 §7.3; issue 9):
 * every row held about a user, for the export, and the anonymisation of an
 * account, for the right to cancellation.  The rules are
 * src/services/bz-privacy-service.h's. */
#pragma once

#include <json-glib/json-glib.h>

#include "bz-store.h"

G_BEGIN_DECLS

/**
 * BzPrivacyTableFunc:
 * @name: the entry's name in the export ("meals", "meal_items", …)
 * @rows: (transfer none): a JSON array of objects, one per row, column name
 *   to value (INTEGER and REAL as numbers, TEXT as strings, NULL as null;
 *   BLOB columns are not exported, Balanza stores none)
 * @user_data: the caller's
 * @error: the callback's failure, which stops the walk
 *
 * Returns: %FALSE with @error to stop.
 */
typedef gboolean (*BzPrivacyTableFunc) (const char *name, JsonArray *rows, gpointer user_data, GError **error);

/**
 * BzPrivacyFile:
 * @entry: the file's name in the export, without extension ("photos/meal-<id>")
 * @sha256: the blob (lowercase hex SHA-256)
 * @mime_type: the blob's stored MIME type
 *
 * A blob of the export: the original photos of the user's meals and
 * recipes, their posts' photos (the display copies: the only ones kept), and
 * their avatars (binary glTF, as generated).
 */
typedef struct
{
  char *entry;
  char *sha256;
  char *mime_type;
} BzPrivacyFile;

/** bz_privacy_file_free: frees @file and its strings (%NULL is a no-op). */
void bz_privacy_file_free (BzPrivacyFile *file);

/**
 * bz_privacy_repo_export:
 * @user_id: the user (users.id)
 * @tables: (out) (optional): @func is called once per table, in a fixed
 *   order, inside one read transaction (a consistent snapshot)
 * @files: (out) (transfer full) (element-type BzPrivacyFile): the user's blobs,
 *   read in the same snapshot
 * @error: BZ_ERROR_NOT_FOUND (no such user), BZ_ERROR_INTERNAL, or @func's
 *
 * The rows held about @user_id: the profile (without the password hash), the
 * nutritionist profile, and for a member their patient record, scans,
 * avatars, meals and meal items, meal plans (with slots and recipes),
 * clinical notes and appointments, workouts, messages sent or received,
 * notifications, posts, comments, reactions, follows, groups, family
 * circles, challenges joined and check-ins, XP and badges, recipes written,
 * paired devices and push tokens (without the token), their consents and
 * every earlier state of them (user_consents, user_consent_history:
 * data/sql/034_user_consents.sql), and who read their record
 * (record_access_audit).  A nutritionist gets what they authored:
 * meal plans, clinical notes, appointments, challenges, workout plans, and
 * their own messages and posts; rows of no one else's patient but their
 * own can be among them only through authorship.  One table (one JSON
 * array) is held in memory at a time.
 *
 * Returns: %FALSE with @error on failure.
 */
gboolean bz_privacy_repo_export (BzStore *store, const char *user_id, BzPrivacyTableFunc func, gpointer user_data,
                                 GPtrArray **files, GError **error);

/**
 * BzPrivacyErasure:
 * @families: (element-type utf8): the refresh-token families (sign-ins) that
 *   were live, now revoked (bz_realtime_close_session() them after commit)
 * @devices: how many paired devices were revoked
 * @blobs: (element-type utf8): blobs whose references were dropped, to pass
 *   to bz_blob_erase_unreferenced()
 */
typedef struct
{
  GPtrArray *families;
  guint devices;
  GPtrArray *blobs;
} BzPrivacyErasure;

/** bz_privacy_erasure_clear: frees the arrays of @e and zeroes it (g_auto() uses it). */
void bz_privacy_erasure_clear (BzPrivacyErasure *e);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BzPrivacyErasure, bz_privacy_erasure_clear)

/**
 * bz_privacy_repo_anonymise:
 * @user_id: a live account (users.id, deleted_at NULL)
 * @now: ISO 8601 UTC, the deletion's time (users.deleted_at)
 * @out: (out caller-allocates): what was revoked, and the blobs let go
 * @error: BZ_ERROR_NOT_FOUND (no such account, or already deleted),
 *   BZ_ERROR_INTERNAL
 *
 * Inside the caller's write transaction: the account anonymised as seed 002
 * §7.3.2 does (email deleted_<id>@deleted.local, first name "Deleted", last
 * name "User"; and also username deleted_<id>, phone, date of birth and
 * gender cleared, the password hash emptied, so no password verifies, and
 * is_active 0); its live refresh-token families listed (the caller revokes
 * them with bz_token_repo_revoke_family()); its paired devices revoked,
 * pairing codes and push tokens deleted; the photos of its meals
 * unlinked from them (the meal rows stay, for the clinic's record), its
 * avatars and its posts' photos deleted.  Changes are logged
 * (bz_store_log_change()) for the rows that phones sync.
 *
 * Returns: %FALSE with @error on failure (the caller rolls back).
 */
gboolean bz_privacy_repo_anonymise (BzStore *store, const char *user_id, const char *now, BzPrivacyErasure *out,
                                    GError **error);

G_END_DECLS
