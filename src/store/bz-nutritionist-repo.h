/* bz-nutritionist-repo.h — the nutritionist's professional profile's SQL
 * (table nutritionists, data/sql/001_init.sql and 016_nutritionist_profile.sql),
 * read and written as #BzRecord of bz_nutritionist_profile_resource. */
#pragma once

#include "bz-nutritionist-resources.h"
#include "bz-store.h"

G_BEGIN_DECLS

/**
 * bz_nutritionist_repo_profile:
 * @user_id: the nutritionist's users.id
 * @out: (out) (transfer full): the NutritionistProfile, or %NULL when
 *   @user_id is not a nutritionist
 *
 * One statement (nutritionists joined with users).  Specializations and
 * working hours are read from their stored JSON; a malformed stored value
 * reads as empty.
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_nutritionist_repo_profile (BzStore *store, const char *user_id, BzRecord **out, GError **error);

/**
 * bz_nutritionist_repo_update_profile:
 * @changes: a NutritionistProfile record with the fields to change present
 *   (validated by the service); an empty text is stored as NULL
 * @now: the update time, ISO 8601 UTC
 * @out_found: (out): %FALSE when @user_id is not a nutritionist
 *
 * Changes the present fields, in the caller's transaction, and logs the
 * change.  A new professional_license sets license_status back to pending
 * and clears license_verified_at.
 * Returns: %FALSE with @error: BZ_ERROR_CONFLICT when the licence is
 *   another nutritionist's (UNIQUE), INTERNAL otherwise.
 */
gboolean bz_nutritionist_repo_update_profile (BzStore *store, const char *user_id, BzRecord *changes,
                                              const char *now, gboolean *out_found, GError **error);

/**
 * bz_nutritionist_repo_set_license_status:
 * @email: the nutritionist's sign-in e-mail (compared case-insensitively)
 * @status: "verified", "rejected" or "pending" (a term of bz_vocab_license_status)
 * @now: the time of the decision, ISO 8601 UTC: license_verified_at when
 *   @status is "verified", cleared otherwise
 * @out_found: (out): %FALSE when no nutritionist has @email
 *
 * Records the verification decision on the nutritionist's licence, in the
 * caller's transaction, and logs the change.
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_nutritionist_repo_set_license_status (BzStore *store, const char *email, const char *status,
                                                  const char *now, gboolean *out_found, GError **error);

G_END_DECLS
