/* bz-user-profile-service.h — a user's own profile: read it, and rectify it
 * (issue 9 "Rectification": LFPDPPP's right of rectification, seed 002 §7.2;
 * GET and PATCH /api/v1/users/me). */
#pragma once

#include "bz-services.h"
#include "bz-user-profile-resources.h"

G_BEGIN_DECLS

/**
 * bz_users_get_me:
 * @caller: the signed-in user
 *
 * For a member, the profile's avatar is the latest scan's avatar (URL and
 * version: seed 000 story 4.4), null without one; staff have none.
 *
 * Returns: (transfer full): the caller's UserProfile record, or %NULL with
 *   @error (NOT_FOUND: the account is gone; a database error).
 */
BzRecord *bz_users_get_me   (BzServices *svc, const BzCaller *caller, GError **error);

/**
 * bz_users_patch_me:
 * @caller: the signed-in user; only their own record is changed (there is
 *   no id to name another's)
 * @input: UserProfileUpdate members (bz-user-profile-resources.h): those
 *   given change, null clears a nullable one, the others stay
 *
 * Checks the members' declared types, ranges and vocabularies
 * (bz_resource_parse_closed(): an undeclared member such as "email" is
 * refused), then the merged profile with registration's rules (seed 002
 * §7.4.1: names 1-100 characters, phone +52 and 10 digits, a real date of
 * birth in the past); writes the users row with its change-log entry
 * (bz_user_repo_update_profile()) and audits the rectification
 * ("rectify_user", bz-audit.h).  Nothing is written on a refusal.
 *
 * Returns: (transfer full): the stored UserProfile, or %NULL with @error:
 *   VALIDATION (details per field), CONFLICT (the phone is another user's),
 *   NOT_FOUND.
 */
BzRecord *bz_users_patch_me (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

G_END_DECLS
