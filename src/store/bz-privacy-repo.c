/* bz-privacy-repo.c — the rows held about a user and the anonymisation of an
 * account (bz-privacy-repo.h). */
#include "bz-privacy-repo.h"

#include "bz-device-repo.h"
#include "bz-token-repo.h"

#include <glib/gi18n.h>

#include "bz-error.h"
#include "bz-repo-private.h"

/* Every statement binds ?1 = users.id and ?2 = the user's patients.id (NULL
 * for a user who is no member: "= NULL" matches nothing). */
typedef struct
{
  const char *name;
  const char *sql;
} ExportTable;

static const ExportTable export_tables[] = {
  { "profile", "SELECT id, email, username, first_name, last_name, phone, date_of_birth, gender, user_type,"
               " state, city, email_verified, is_active, created_at, updated_at, last_login_at FROM users WHERE id = ?1" },
  { "nutritionist_profile", "SELECT * FROM nutritionists WHERE user_id = ?1" },
  /* The sealed columns opened (bz-store-crypt.h): a later column of the same
   * name replaces the earlier one in the row's object. */
  { "patient", "SELECT *, bz_unseal ('patients', 'health_conditions', id, health_conditions) AS health_conditions,"
               " bz_unseal ('patients', 'allergies', id, allergies) AS allergies,"
               " bz_unseal ('patients', 'food_restrictions', id, food_restrictions) AS food_restrictions"
               " FROM patients WHERE id = ?2" },
  { "scans", "SELECT * FROM body_scans WHERE patient_id = ?2 ORDER BY measured_at" },
  { "avatars", "SELECT * FROM avatars WHERE patient_id = ?2 ORDER BY version" },
  { "meals", "SELECT * FROM meal_logs WHERE patient_id = ?2 ORDER BY eaten_at" },
  { "meal_items", "SELECT i.* FROM meal_items i JOIN meal_logs m ON m.id = i.meal_id"
                  " WHERE m.patient_id = ?2 ORDER BY m.eaten_at, i.meal_id, i.position" },
  { "meal_plans", "SELECT * FROM meal_plans WHERE patient_id = ?2 OR nutritionist_id = ?1 ORDER BY created_at" },
  { "meal_plan_slots", "SELECT s.* FROM meal_plan_slots s JOIN meal_plans p ON p.id = s.plan_id"
                       " WHERE p.patient_id = ?2 OR p.nutritionist_id = ?1 ORDER BY s.plan_id, s.day, s.position" },
  { "meal_plan_recipes", "SELECT r.* FROM meal_plan_recipes r JOIN meal_plans p ON p.id = r.plan_id"
                         " WHERE p.patient_id = ?2 OR p.nutritionist_id = ?1"
                         " ORDER BY r.plan_id, r.day, r.meal_key, r.position" },
  { "clinical_notes", "SELECT *, bz_unseal ('clinical_notes', 'body', id, body) AS body"
                      " FROM clinical_notes WHERE patient_id = ?2 OR author_id = ?1 ORDER BY created_at" },
  { "appointments", "SELECT * FROM appointments WHERE patient_id = ?2 OR nutritionist_id = ?1" },
  { "workout_plans", "SELECT * FROM workout_plans WHERE patient_id = ?2 OR created_by = ?1" },
  { "workout_sessions", "SELECT * FROM workout_sessions WHERE patient_id = ?2" },
  { "workout_session_sets", "SELECT t.* FROM workout_session_sets t JOIN workout_sessions w ON w.id = t.session_id"
                            " WHERE w.patient_id = ?2 ORDER BY t.session_id, t.position" },
  { "messages", "SELECT * FROM messages WHERE sender_id = ?1 OR recipient_id = ?1 ORDER BY created_at" },
  { "notifications", "SELECT * FROM notifications WHERE user_id = ?1 ORDER BY created_at" },
  { "posts", "SELECT * FROM posts WHERE author_id = ?1 ORDER BY created_at" },
  { "post_photos", "SELECT f.* FROM post_photos f JOIN posts p ON p.id = f.post_id WHERE p.author_id = ?1" },
  { "comments", "SELECT * FROM comments WHERE author_id = ?1 ORDER BY created_at" },
  { "reactions", "SELECT * FROM reactions WHERE user_id = ?1" },
  { "follows", "SELECT * FROM follows WHERE follower_id = ?1 OR followee_id = ?1" },
  { "group_memberships", "SELECT * FROM group_members WHERE user_id = ?1" },
  { "family_circles", "SELECT * FROM family_circles WHERE owner_id = ?2" },
  { "family_circle_memberships", "SELECT * FROM family_circle_members WHERE user_id = ?1" },
  { "challenges_created", "SELECT * FROM challenges WHERE created_by = ?1" },
  { "challenge_participation", "SELECT * FROM challenge_participants WHERE user_id = ?1" },
  { "challenge_check_ins", "SELECT * FROM challenge_check_ins WHERE user_id = ?1" },
  { "xp", "SELECT * FROM user_xp WHERE user_id = ?1" },
  { "badges", "SELECT * FROM user_badges WHERE user_id = ?1" },
  { "recipes", "SELECT * FROM recipes WHERE author_id = ?1" },
  { "meal_images", "SELECT * FROM meal_images WHERE owner_id = ?1 ORDER BY created_at" },
  { "devices", "SELECT id, name, platform, created_at, last_seen_at, revoked, revoked_at FROM devices WHERE user_id = ?1" },
  { "push_tokens", "SELECT id, platform, created_at, updated_at FROM device_tokens WHERE user_id = ?1" },
  { "consents", "SELECT * FROM user_consents WHERE user_id = ?1" },
  { "consent_history", "SELECT * FROM user_consent_history WHERE user_id = ?1 ORDER BY id" },
  { "record_access_audit", "SELECT actor_id, action, at FROM record_access_audit WHERE patient_id = ?2 ORDER BY at" },
};

/* The blobs: "entry\tsha256\tmime" per row. */
static const char export_files_sql[] =
  "SELECT 'photos/meal-' || m.id, b.sha256, b.mime_type FROM meal_logs m JOIN blobs b ON b.sha256 = m.photo_sha256"
  " WHERE m.patient_id = ?2"
  " UNION ALL SELECT 'avatars/avatar-' || a.id, b.sha256, b.mime_type FROM avatars a JOIN blobs b ON b.sha256 = a.blob_sha256"
  " WHERE a.patient_id = ?2"
  " UNION ALL SELECT 'photos/post-' || f.post_id || '-' || f.position, b.sha256, b.mime_type FROM post_photos f"
  " JOIN posts p ON p.id = f.post_id JOIN blobs b ON b.sha256 = f.display_sha256 WHERE p.author_id = ?1"
  " UNION ALL SELECT 'photos/recipe-' || f.recipe_id || '-' || f.position, b.sha256, b.mime_type FROM recipe_photos f"
  " JOIN recipes r ON r.id = f.recipe_id JOIN blobs b ON b.sha256 = f.sha256 WHERE r.author_id = ?1"
  " UNION ALL SELECT 'photos/meal-image-' || i.id, b.sha256, b.mime_type FROM meal_images i"
  " JOIN blobs b ON b.sha256 = i.sha256 WHERE i.owner_id = ?1";

void
bz_privacy_file_free (BzPrivacyFile *file)
{
  if (!file)
    return;
  g_free (file->entry);
  g_free (file->sha256);
  g_free (file->mime_type);
  g_free (file);
}

static sqlite3_stmt *
prepare_bound (sqlite3 *db, const char *sql, const char *user_id, const char *patient_id, GError **error)
{
  sqlite3_stmt *st = bz_db_prepare (db, sql, error);
  if (st)
    {
      sqlite3_bind_text (st, 1, user_id, -1, SQLITE_TRANSIENT);
      bz_db_bind_text_or_null (st, 2, patient_id);
    }
  return st;
}

static JsonObject *
row_object (sqlite3_stmt *st)
{
  JsonObject *o = json_object_new ();
  int n = sqlite3_column_count (st);

  for (int c = 0; c < n; c++)
    {
      const char *name = sqlite3_column_name (st, c);
      switch (sqlite3_column_type (st, c))
        {
        case SQLITE_INTEGER:
          json_object_set_int_member (o, name, sqlite3_column_int64 (st, c));
          break;
        case SQLITE_FLOAT:
          json_object_set_double_member (o, name, sqlite3_column_double (st, c));
          break;
        case SQLITE_TEXT:
          json_object_set_string_member (o, name, (const char *) sqlite3_column_text (st, c));
          break;
        case SQLITE_NULL:
          json_object_set_null_member (o, name);
          break;
        default:   /* BLOB: none in Balanza's schema */
          break;
        }
    }
  return o;
}

/* The user's patients.id (NULL when no member); FALSE only on error. */
static gboolean
lookup_user (sqlite3 *db, const char *user_id, gboolean *out_found, char **out_patient_id, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "SELECT u.id, p.id FROM users u LEFT JOIN patients p ON p.user_id = u.id"
      " WHERE u.id = ? AND u.deleted_at IS NULL", error);
  gboolean have_row;

  *out_found = FALSE;
  *out_patient_id = NULL;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  *out_found = have_row;
  if (have_row)
    *out_patient_id = bz_db_column_text_dup (st, 1);
  return TRUE;
}

static gboolean
export_snapshot (sqlite3 *db, const char *user_id, const char *patient_id, BzPrivacyTableFunc func,
                 gpointer user_data, GPtrArray *files, GError **error)
{
  gboolean have_row;

  for (guint t = 0; t < G_N_ELEMENTS (export_tables); t++)
    {
      g_autoptr(sqlite3_stmt) st = prepare_bound (db, export_tables[t].sql, user_id, patient_id, error);
      g_autoptr(JsonArray) rows = json_array_new ();

      if (!st)
        return FALSE;
      for (;;)
        {
          if (!bz_repo_step (st, &have_row, error))
            return FALSE;
          if (!have_row)
            break;
          json_array_add_object_element (rows, row_object (st));
        }
      g_clear_pointer (&st, bz_db_stmt_release);
      if (func && !func (export_tables[t].name, rows, user_data, error))
        return FALSE;
    }
  {
    g_autoptr(sqlite3_stmt) st = prepare_bound (db, export_files_sql, user_id, patient_id, error);
    if (!st)
      return FALSE;
    for (;;)
      {
        BzPrivacyFile *f;
        if (!bz_repo_step (st, &have_row, error))
          return FALSE;
        if (!have_row)
          break;
        f = g_new0 (BzPrivacyFile, 1);
        f->entry = bz_db_column_text_dup (st, 0);
        f->sha256 = bz_db_column_text_dup (st, 1);
        f->mime_type = bz_db_column_text_dup (st, 2);
        g_ptr_array_add (files, f);
      }
  }
  return TRUE;
}

gboolean
bz_privacy_repo_export (BzStore *store, const char *user_id, BzPrivacyTableFunc func, gpointer user_data,
                        GPtrArray **files, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) bz_privacy_file_free);
  g_autofree char *patient_id = NULL;
  gboolean found, ok;

  /* A read transaction: every table of one snapshot (WAL readers never wait). */
  if (!bz_db_exec (db, "BEGIN", error))
    return FALSE;
  ok = lookup_user (db, user_id, &found, &patient_id, error);
  if (ok && !found)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Account not found"));
      ok = FALSE;
    }
  ok = ok && export_snapshot (db, user_id, patient_id, func, user_data, out, error);
  if (ok)
    ok = bz_db_exec (db, "COMMIT", error);
  else
    bz_db_rollback (db);
  if (ok && files)
    *files = g_steal_pointer (&out);
  return ok;
}

void
bz_privacy_erasure_clear (BzPrivacyErasure *e)
{
  g_clear_pointer (&e->families, g_ptr_array_unref);
  g_clear_pointer (&e->blobs, g_ptr_array_unref);
  e->devices = 0;
}

/* Appends column 0 of every row of @sql to @out. */
static gboolean
collect (sqlite3 *db, const char *sql, const char *user_id, const char *patient_id, GPtrArray *out, GError **error)
{
  g_autoptr(sqlite3_stmt) st = prepare_bound (db, sql, user_id, patient_id, error);
  gboolean have_row;

  if (!st)
    return FALSE;
  for (;;)
    {
      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        return TRUE;
      g_ptr_array_add (out, bz_db_column_text_dup (st, 0));
    }
}

static gboolean
run (sqlite3 *db, const char *sql, const char *user_id, const char *patient_id, const char *now, GError **error)
{
  g_autoptr(sqlite3_stmt) st = prepare_bound (db, sql, user_id, patient_id, error);

  if (!st)
    return FALSE;
  if (now)
    sqlite3_bind_text (st, 3, now, -1, SQLITE_TRANSIENT);
  return bz_db_step_done (st, error);
}

static gboolean
log_all (sqlite3 *db, const char *table, GPtrArray *ids, BzChangeOp op, const char *patient_id, GError **error)
{
  for (guint i = 0; i < ids->len; i++)
    if (!bz_store_log_patient_change (db, table, g_ptr_array_index (ids, i), op, patient_id, error))
      return FALSE;
  return TRUE;
}

gboolean
bz_privacy_repo_anonymise (BzStore *store, const char *user_id, const char *now, BzPrivacyErasure *out,
                           GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autofree char *patient_id = NULL;
  g_autoptr(GPtrArray) meals = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) avatars = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) devices = g_ptr_array_new_with_free_func (g_free);
  gboolean found;

  out->blobs = g_ptr_array_new_with_free_func (g_free);
  out->devices = 0;
  if (!lookup_user (db, user_id, &found, &patient_id, error))
    return FALSE;
  if (!found)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Account not found"));
      return FALSE;
    }
  /* What goes: the sign-ins, the devices, the blobs and the rows that hold them. */
  if (!(out->families = bz_token_repo_live_families (store, user_id, error)) ||
      !collect (db, "SELECT id FROM devices WHERE user_id = ?1 AND revoked = 0", user_id, patient_id, devices, error) ||
      !collect (db, "SELECT photo_sha256 FROM meal_logs WHERE patient_id = ?2 AND photo_sha256 IS NOT NULL"
                    " UNION SELECT photo_display_sha256 FROM meal_logs WHERE patient_id = ?2"
                    " AND photo_display_sha256 IS NOT NULL"
                    " UNION SELECT blob_sha256 FROM avatars WHERE patient_id = ?2"
                    " UNION SELECT f.display_sha256 FROM post_photos f JOIN posts p ON p.id = f.post_id"
                    " WHERE p.author_id = ?1"
                    " UNION SELECT sha256 FROM meal_images WHERE owner_id = ?1"
                    " UNION SELECT display_sha256 FROM meal_images WHERE owner_id = ?1",
                user_id, patient_id, out->blobs, error) ||
      !collect (db, "SELECT id FROM meal_logs WHERE patient_id = ?2"
                    " AND (photo_sha256 IS NOT NULL OR photo_display_sha256 IS NOT NULL)",
                user_id, patient_id, meals, error) ||
      !collect (db, "SELECT id FROM avatars WHERE patient_id = ?2", user_id, patient_id, avatars, error))
    return FALSE;

  /* Seed 002 §7.3.2's anonymisation, and no way to sign in. */
  if (!run (db, "UPDATE users SET email = 'deleted_' || id || '@deleted.local', username = 'deleted_' || id,"
                " first_name = 'Deleted', last_name = 'User', phone = NULL, date_of_birth = NULL, gender = NULL,"
                " state = NULL, city = NULL,"
                " password_hash = '', email_verified = 0, is_active = 0, must_change_password = 0,"
                " updated_at = ?3, deleted_at = ?3 WHERE id = ?1", user_id, patient_id, now, error) ||
      !bz_store_log_change (db, "users", user_id, BZ_CHANGE_UPDATE, error))
    return FALSE;
  for (guint i = 0; i < devices->len; i++)
    if (!bz_device_repo_revoke (store, g_ptr_array_index (devices, i), now, error))
      return FALSE;
  out->devices = devices->len;
  if (!run (db, "DELETE FROM pairing_codes WHERE user_id = ?1", user_id, patient_id, NULL, error) ||
      !run (db, "DELETE FROM device_tokens WHERE user_id = ?1", user_id, patient_id, NULL, error) ||
      !run (db, "UPDATE meal_logs SET photo_sha256 = NULL, photo_display_sha256 = NULL WHERE patient_id = ?2",
            user_id, patient_id, NULL, error) ||
      !log_all (db, "meal_logs", meals, BZ_CHANGE_UPDATE, patient_id, error) ||
      !run (db, "DELETE FROM avatars WHERE patient_id = ?2", user_id, patient_id, NULL, error) ||
      !log_all (db, "avatars", avatars, BZ_CHANGE_DELETE, patient_id, error) ||
      !run (db, "DELETE FROM post_photos WHERE post_id IN (SELECT id FROM posts WHERE author_id = ?1)",
            user_id, patient_id, NULL, error) ||
      !run (db, "DELETE FROM meal_images WHERE owner_id = ?1", user_id, patient_id, NULL, error) ||
      /* The Instagram connection and its sealed token (049_instagram.sql; its shares go with it). */
      !run (db, "DELETE FROM instagram_connections WHERE user_id = ?1", user_id, patient_id, NULL, error) ||
      !run (db, "DELETE FROM instagram_oauth_states WHERE user_id = ?1", user_id, patient_id, NULL, error))
    return FALSE;
  return TRUE;
}
