/* bz-user-repo.h — the users aggregate: `users` (credentials, profile, the
 * must_change_password flag) and a nutritionist's `nutritionists` row; a
 * user is read as a record of bz_user_resource.
 *
 * Every function runs on the calling thread's connection (bz_store_db());
 * writers run inside the caller's transaction (bz_store_begin()) and append
 * their rows to the change log.  Password hashing, validation and the
 * messages users see are the auth service's.
 */
#pragma once

#include "bz-resources.h"
#include "bz-store.h"

G_BEGIN_DECLS

/**
 * BzUserRecord:
 * @id: the new users.id (a UUID of the caller's)
 * @email: lowercased
 * @username: unique, lowercase (see bz_user_repo_usernames_with_base())
 * @password_hash: an argon2id string (crypto_pwhash_str)
 * @first_name: trimmed
 * @last_name: trimmed
 * @phone: (nullable): "+52" and 10 digits
 * @date_of_birth: (nullable): YYYY-MM-DD
 * @gender: (nullable): male, female, other or prefer_not_to_say
 * @state: (nullable): free text, at most 100 characters (036_user_location.sql)
 * @city: (nullable): free text, at most 100 characters
 * @user_type: "patient", "nutritionist" or "admin"
 * @professional_license: for a nutritionist: the license of the
 *   `nutritionists` row (required then); ignored otherwise
 * @clinic_name: (nullable): for a nutritionist; ignored otherwise
 * @created_at: ISO 8601 UTC; also updated_at
 *
 * A new user's columns, all borrowed.  The account starts active, email
 * not verified.
 */
typedef struct
{
  const char *id;
  const char *email;
  const char *username;
  const char *password_hash;
  const char *first_name;
  const char *last_name;
  const char *phone;
  const char *date_of_birth;
  const char *gender;
  const char *state;
  const char *city;
  const char *user_type;
  const char *professional_license;
  const char *clinic_name;
  const char *created_at;
} BzUserRecord;

/**
 * BzUserAccount:
 * @id: users.id; %NULL when the lookup found no user
 * @email: the stored (lowercased) email
 * @user_type: "patient", "nutritionist" or "admin"
 * @password_hash: (nullable): the argon2id string (bz_user_repo_find_login() only)
 * @is_active: whether the account may sign in
 * @must_change_password: whether only the password change is allowed
 *   (bz_user_repo_get_active() only)
 *
 * What sign-in and token checks read of a user; strings owned, freed by
 * bz_user_account_clear().
 */
typedef struct
{
  char *id;
  char *email;
  char *user_type;
  char *password_hash;
  gboolean is_active;
  gboolean must_change_password;
} BzUserAccount;

/**
 * bz_user_account_clear:
 * @account: an account filled by bz_user_repo_find_login() or
 *   bz_user_repo_get_active() (or zero-initialized)
 *
 * Frees @account's strings (it owns them) and zeroes it; the struct itself
 * is the caller's.  The cleanup of g_auto(BzUserAccount).
 */
void        bz_user_account_clear (BzUserAccount *account);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BzUserAccount, bz_user_account_clear)

/**
 * BzUserTaken:
 * @BZ_USER_TAKEN_EMAIL: a user has the email
 * @BZ_USER_TAKEN_PHONE: a user has the phone number
 * @BZ_USER_TAKEN_LICENSE: a nutritionist has the professional license
 *
 * What bz_user_repo_find_taken() found already registered.
 */
typedef enum
{
  BZ_USER_TAKEN_EMAIL = 1 << 0,
  BZ_USER_TAKEN_PHONE = 1 << 1,
  BZ_USER_TAKEN_LICENSE = 1 << 2,
} BzUserTaken;

/**
 * bz_user_repo_has_any:
 * @store: the store
 * @out_any: (out): whether any user exists
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean    bz_user_repo_has_any          (BzStore *store, gboolean *out_any, GError **error);

/**
 * bz_user_repo_find_taken:
 * @store: the store
 * @email: a lowercased email
 * @phone: (nullable): a phone number, or %NULL not to check
 * @professional_license: (nullable): a license, or %NULL not to check
 * @out_taken: (out): the #BzUserTaken flags of what is already registered
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Checks the three unique fields of a registration in one statement.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean    bz_user_repo_find_taken       (BzStore *store, const char *email, const char *phone,
                                           const char *professional_license, BzUserTaken *out_taken,
                                           GError **error);

/**
 * bz_user_repo_usernames_with_base:
 * @store: the store
 * @base: a username base, e.g. "carlos_hernandez"
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * The usernames already taken among @base and "@base_…", in one statement,
 * so a free "@base_N" is found without a query per candidate.
 *
 * Returns: (transfer full) (element-type utf8 utf8): a set (keys = values)
 *   of those usernames, or %NULL with @error.
 */
GHashTable *bz_user_repo_usernames_with_base (BzStore *store, const char *base, GError **error);

/**
 * bz_user_repo_insert:
 * @store: the store, inside a transaction of this thread
 * @user: the new user
 * @error: BZ_ERROR_CONFLICT (a unique field taken meanwhile), BZ_ERROR_INTERNAL
 *
 * Inserts @user into `users`, and for user_type "nutritionist" its
 * `nutritionists` row too; logs each (tables "users", "nutritionists", op insert).
 *
 * Returns: %TRUE when inserted.
 */
gboolean    bz_user_repo_insert           (BzStore *store, const BzUserRecord *user, GError **error);

/**
 * bz_user_repo_get:
 * @store: the store
 * @user_id: a users.id
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Returns: (transfer full) (nullable): the User record (seed 002's `user`;
 *   full_name "first last"); %NULL without @error when there is no such user.
 */
BzRecord   *bz_user_repo_get              (BzStore *store, const char *user_id, GError **error);

/**
 * bz_user_repo_find_login:
 * @store: the store
 * @email: a lowercased, trimmed email
 * @out: (out caller-allocates): id, password_hash, user_type, email and
 *   is_active of the user with @email; @out->id %NULL when there is none
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * The statement is released before returning, so no read snapshot is held
 * while the caller verifies the password.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean    bz_user_repo_find_login       (BzStore *store, const char *email, BzUserAccount *out,
                                           GError **error);

/**
 * bz_user_repo_get_active:
 * @store: the store
 * @user_id: a users.id
 * @session_id: (nullable): a refresh-token family; when given, the user
 *   counts only while that family has a live (unrevoked) token of theirs,
 *   i.e. that sign-in was not logged out
 * @out: (out caller-allocates): id, email, user_type and
 *   must_change_password (is_active TRUE) of the active user; @out->id
 *   %NULL when the user is unknown, inactive or the session is over
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean    bz_user_repo_get_active       (BzStore *store, const char *user_id, const char *session_id,
                                           BzUserAccount *out, GError **error);

/**
 * bz_user_repo_get_password_hash:
 * @store: the store
 * @user_id: a users.id
 * @error: BZ_ERROR_INTERNAL (or UNAVAILABLE) on a database error
 *
 * Returns: (transfer full) (nullable): the argon2id hash of the active user
 *   @user_id; %NULL without @error when there is no such active user.
 */
char       *bz_user_repo_get_password_hash (BzStore *store, const char *user_id, GError **error);

/**
 * bz_user_repo_set_password:
 * @store: the store, inside a transaction of this thread
 * @user_id: a users.id
 * @password_hash: the new argon2id string
 * @error: BZ_ERROR_INTERNAL on failure
 *
 * Stores @password_hash, clears must_change_password, stamps updated_at
 * and logs the update (table "users").
 *
 * Returns: %TRUE on success (also when @user_id matches no row).
 */
gboolean    bz_user_repo_set_password     (BzStore *store, const char *user_id, const char *password_hash,
                                           GError **error);

/**
 * bz_user_repo_require_password_change:
 * @store: the store, inside a transaction of this thread
 * @user_id: a users.id inserted in the same transaction
 * @error: BZ_ERROR_INTERNAL on failure
 *
 * Sets must_change_password, for an account created with a generated
 * password.  Logs nothing: the insert row of bz_user_repo_insert() in the
 * same transaction already announces the user.
 *
 * Returns: %TRUE on success.
 */
gboolean    bz_user_repo_require_password_change (BzStore *store, const char *user_id, GError **error);

/**
 * bz_user_repo_touch_last_login:
 * @store: the store, inside a transaction of this thread
 * @user_id: a users.id
 * @error: BZ_ERROR_INTERNAL on failure
 *
 * Stamps last_login_at with the current time and logs the update (table "users").
 *
 * Returns: %TRUE on success.
 */
gboolean    bz_user_repo_touch_last_login (BzStore *store, const char *user_id, GError **error);

/**
 * BzUserProfileChanges:
 * @first_name: @last_name: trimmed, 1-100 characters
 * @phone: (nullable): "+52" and 10 digits
 * @date_of_birth: (nullable): YYYY-MM-DD
 * @gender: (nullable): male, female, other or prefer_not_to_say
 * @keep_location: leave state and city as stored (@state and @city ignored)
 * @state: (nullable): @city: (nullable): free text, at most 100 characters
 *   (data/sql/036_user_location.sql)
 * @updated_at: ISO 8601 UTC
 *
 * The new values of a user's personal columns, all borrowed.
 */
typedef struct
{
  const char *first_name;
  const char *last_name;
  const char *phone;
  const char *date_of_birth;
  const char *gender;
  gboolean keep_location;
  const char *state;
  const char *city;
  const char *updated_at;
} BzUserProfileChanges;

/**
 * bz_user_repo_update_profile:
 * @store: the store, inside a transaction of this thread
 * @user_id: a users.id
 * @changes: the new values of every personal column
 * @error: BZ_ERROR_CONFLICT (the phone is another user's; a detail on
 *   "phone"), BZ_ERROR_NOT_FOUND (no such user), BZ_ERROR_INTERNAL
 *
 * Writes the user's personal columns and logs the change (table "users",
 * op update): a patient's record (bz_patient_repo_update()) and a user's
 * own profile (PATCH /api/v1/users/me) both rectify through it.
 *
 * Returns: %TRUE when written.
 */
gboolean    bz_user_repo_update_profile   (BzStore *store, const char *user_id, const BzUserProfileChanges *changes,
                                           GError **error);

/**
 * bz_user_repo_get_profile:
 * Returns: (transfer full) (nullable): the UserProfile record of @user_id
 *   (bz-user-profile-resources.h); %NULL without @error when there is none.
 */
BzRecord   *bz_user_repo_get_profile      (BzStore *store, const char *user_id, GError **error);

G_END_DECLS
