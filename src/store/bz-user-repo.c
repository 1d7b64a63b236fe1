/* bz-user-repo.c — users and nutritionists (bz-user-repo.h). */
#include "bz-user-repo.h"

#include <glib/gi18n.h>

#include "bz-user-profile-resources.h"

#include "bz-repo-private.h"

void
bz_user_account_clear (BzUserAccount *a)
{
  g_clear_pointer (&a->id, g_free);
  g_clear_pointer (&a->email, g_free);
  g_clear_pointer (&a->user_type, g_free);
  g_clear_pointer (&a->password_hash, g_free);
  a->is_active = FALSE;
  a->must_change_password = FALSE;
}

/* --- Row mapping: one function per row kind -------------------------------------- */

/* Sign-in: id, password_hash, user_type, email, is_active. */
static void
login_row (sqlite3_stmt *st, BzUserAccount *out)
{
  out->id = bz_db_column_text_dup (st, 0);
  out->password_hash = bz_db_column_text_dup (st, 1);
  out->user_type = bz_db_column_text_dup (st, 2);
  out->email = bz_db_column_text_dup (st, 3);
  out->is_active = sqlite3_column_int (st, 4) != 0;
}

/* An active user: user_type, email, must_change_password. */
static void
active_row (sqlite3_stmt *st, const char *user_id, BzUserAccount *out)
{
  out->id = g_strdup (user_id);
  out->user_type = bz_db_column_text_dup (st, 0);
  out->email = bz_db_column_text_dup (st, 1);
  out->must_change_password = sqlite3_column_int (st, 2) != 0;
  out->is_active = TRUE;
}

/* --- Reads ---------------------------------------------------------------------- */

gboolean
bz_user_repo_has_any (BzStore *store, gboolean *out_any, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), "SELECT 1 FROM users LIMIT 1", error);

  *out_any = FALSE;
  return st && bz_repo_step (st, out_any, error);
}

gboolean
bz_user_repo_find_taken (BzStore *store, const char *email, const char *phone,
                         const char *professional_license, BzUserTaken *out_taken, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT EXISTS (SELECT 1 FROM users WHERE email = ?1),"
      " ?2 IS NOT NULL AND EXISTS (SELECT 1 FROM users WHERE phone = ?2),"
      " ?3 IS NOT NULL AND EXISTS (SELECT 1 FROM nutritionists WHERE professional_license = ?3)", error);
  gboolean have_row;

  *out_taken = 0;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, email, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 2, phone);
  bz_db_bind_text_or_null (st, 3, professional_license);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (have_row)
    *out_taken = (sqlite3_column_int (st, 0) ? BZ_USER_TAKEN_EMAIL : 0) |
                 (sqlite3_column_int (st, 1) ? BZ_USER_TAKEN_PHONE : 0) |
                 (sqlite3_column_int (st, 2) ? BZ_USER_TAKEN_LICENSE : 0);
  return TRUE;
}

GHashTable *
bz_user_repo_usernames_with_base (BzStore *store, const char *base, GError **error)
{
  /* "@base_" <= username < "@base`" ('`' follows '_') is exactly the names
   * starting with "@base_", as a range of the UNIQUE index (BINARY collation). */
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT username FROM users"
      " WHERE username = ?1 OR (username >= ?1 || '_' AND username < ?1 || '`')", error);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean have_row;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, base, -1, SQLITE_STATIC);
  for (;;)
    {
      if (!bz_repo_step (st, &have_row, error))
        return NULL;
      if (!have_row)
        return g_steal_pointer (&taken);
      g_hash_table_add (taken, bz_db_column_text_dup (st, 0));
    }
}

BzRecord *
bz_user_repo_get (BzStore *store, const char *user_id, GError **error)
{
  static gsize sql;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      "SELECT %s FROM users WHERE id = ?1", &bz_user_resource, NULL), error);
  gboolean have_row;
  BzRecord *user;
  int col = 0;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error) || !have_row)
    return NULL;
  user = bz_record_new (&bz_user_resource);
  bz_db_read_record (st, &col, user);
  bz_record_take_string (user, BZ_USER_FULL_NAME,
                         g_strdup_printf ("%s %s", bz_record_get_string (user, BZ_USER_FIRST_NAME),
                                          bz_record_get_string (user, BZ_USER_LAST_NAME)));
  return user;
}

gboolean
bz_user_repo_find_login (BzStore *store, const char *email, BzUserAccount *out, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT id, password_hash, user_type, email, is_active FROM users WHERE email = ?", error);
  gboolean have_row;

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, email, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (have_row)
    login_row (st, out);
  return TRUE;
}

gboolean
bz_user_repo_get_active (BzStore *store, const char *user_id, const char *session_id,
                         BzUserAccount *out, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT user_type, email, must_change_password FROM users WHERE id = ?1 AND is_active = 1 AND"
      " (?2 IS NULL OR EXISTS (SELECT 1 FROM refresh_tokens r"
      "                        WHERE r.family_id = ?2 AND r.user_id = ?1 AND r.revoked = 0))", error);
  gboolean have_row;

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 2, session_id);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (have_row)
    active_row (st, user_id, out);
  return TRUE;
}

char *
bz_user_repo_get_password_hash (BzStore *store, const char *user_id, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT password_hash FROM users WHERE id = ? AND is_active = 1", error);
  gboolean have_row;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error) || !have_row)
    return NULL;
  return bz_db_column_text_dup (st, 0);
}

/* --- Writes --------------------------------------------------------------------- */

static gboolean
insert_nutritionist (sqlite3 *db, const BzUserRecord *u, GError **error)
{
  g_autofree char *nid = g_uuid_string_random ();
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "INSERT INTO nutritionists (id, user_id, professional_license, clinic_name, created_at)"
      " VALUES (?, ?, ?, ?, ?)", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, nid, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, u->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, u->professional_license, -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 4, u->clinic_name);
  sqlite3_bind_text (st, 5, u->created_at, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error) &&
         bz_store_log_change (db, "nutritionists", nid, BZ_CHANGE_INSERT, error);
}

gboolean
bz_user_repo_insert (BzStore *store, const BzUserRecord *u, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  gboolean nutritionist = g_strcmp0 (u->user_type, "nutritionist") == 0;

  g_return_val_if_fail (!nutritionist || u->professional_license != NULL, FALSE);
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "INSERT INTO users (id, email, username, password_hash, first_name, last_name, phone,"
        " date_of_birth, gender, user_type, email_verified, is_active, created_at, updated_at, state, city)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1, ?, ?, ?, ?)", error);
    if (!st)
      return FALSE;
    sqlite3_bind_text (st, 1, u->id, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 2, u->email, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 3, u->username, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 4, u->password_hash, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 5, u->first_name, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 6, u->last_name, -1, SQLITE_STATIC);
    bz_db_bind_text_or_null (st, 7, u->phone);
    bz_db_bind_text_or_null (st, 8, u->date_of_birth);
    bz_db_bind_text_or_null (st, 9, u->gender);
    sqlite3_bind_text (st, 10, u->user_type, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 11, u->created_at, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 12, u->created_at, -1, SQLITE_STATIC);
    bz_db_bind_text_or_null (st, 13, u->state);
    bz_db_bind_text_or_null (st, 14, u->city);
    if (!bz_db_step_done (st, error) ||
        !bz_store_log_change (db, "users", u->id, BZ_CHANGE_INSERT, error))
      return FALSE;
  }
  return !nutritionist || insert_nutritionist (db, u, error);
}

gboolean
bz_user_repo_set_password (BzStore *store, const char *user_id, const char *password_hash, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *now = bz_now_iso8601 ();
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "UPDATE users SET password_hash = ?, must_change_password = 0, updated_at = ? WHERE id = ?", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, password_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, user_id, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error) &&
         bz_store_log_change (db, "users", user_id, BZ_CHANGE_UPDATE, error);
}

gboolean
bz_user_repo_require_password_change (BzStore *store, const char *user_id, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "UPDATE users SET must_change_password = 1 WHERE id = ?", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error);
}

gboolean
bz_user_repo_touch_last_login (BzStore *store, const char *user_id, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *now = bz_now_iso8601 ();
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "UPDATE users SET last_login_at = ? WHERE id = ?", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, user_id, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error) &&
         bz_store_log_change (db, "users", user_id, BZ_CHANGE_UPDATE, error);
}

gboolean
bz_user_repo_update_profile (BzStore *store, const char *user_id, const BzUserProfileChanges *c, GError **error)
{
  sqlite3 *db = bz_store_db (store);

  if (c->phone)
    {
      g_autoptr(sqlite3_stmt) q = bz_db_prepare (db, "SELECT 1 FROM users WHERE phone = ?1 AND id <> ?2", error);
      gboolean taken;

      if (!q)
        return FALSE;
      sqlite3_bind_text (q, 1, c->phone, -1, SQLITE_STATIC);
      sqlite3_bind_text (q, 2, user_id, -1, SQLITE_STATIC);
      if (!bz_repo_step (q, &taken, error))
        return FALSE;
      if (taken)
        {
          GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_CONFLICT, _("This phone number is already registered"));
          bz_error_add_detail (e, "phone", "already_exists", e->message);
          g_propagate_error (error, e);
          return FALSE;
        }
    }
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "UPDATE users SET first_name = ?, last_name = ?, phone = ?, date_of_birth = ?, gender = ?,"
        " updated_at = ?, state = CASE WHEN ?8 THEN state ELSE ?9 END,"
        " city = CASE WHEN ?8 THEN city ELSE ?10 END WHERE id = ?7", error);
    if (!st)
      return FALSE;
    sqlite3_bind_text (st, 1, c->first_name, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 2, c->last_name, -1, SQLITE_STATIC);
    bz_db_bind_text_or_null (st, 3, c->phone);
    bz_db_bind_text_or_null (st, 4, c->date_of_birth);
    bz_db_bind_text_or_null (st, 5, c->gender);
    sqlite3_bind_text (st, 6, c->updated_at, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 7, user_id, -1, SQLITE_STATIC);
    sqlite3_bind_int (st, 8, c->keep_location);
    bz_db_bind_text_or_null (st, 9, c->state);
    bz_db_bind_text_or_null (st, 10, c->city);
    if (!bz_db_step_done (st, error))
      return FALSE;
    if (sqlite3_changes (db) == 0)
      {
        g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "No such user");
        return FALSE;
      }
    return bz_store_log_change (db, "users", user_id, BZ_CHANGE_UPDATE, error);
  }
}

BzRecord *
bz_user_repo_get_profile (BzStore *store, const char *user_id, GError **error)
{
  static gsize sql;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      "SELECT %s FROM users WHERE id = ?1", &bz_user_profile_resource, NULL), error);

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  return bz_repo_read_one (st, &bz_user_profile_resource, error);
}
