/* bz-clinical-repo.c — clinical notes, appointments and feed tokens
 * (bz-clinical-repo.h; data/sql/014_clinical_notes_appointments.sql). */
#include "bz-clinical-repo.h"

#include "bz-repo-private.h"
#include "bz-store-crypt.h"

/* --- Rows ------------------------------------------------------------------ */

static char *
name_at (sqlite3_stmt *st, int col)
{
  return g_strdup_printf ("%s %s", (const char *) sqlite3_column_text (st, col),
                          (const char *) sqlite3_column_text (st, col + 1));
}

/* ClinicalNote's columns, then the author's first and last name. */
static BzRecord *
note_row (sqlite3_stmt *st)
{
  BzRecord *n = bz_record_new (&bz_clinical_note_resource);
  int col = 0;

  bz_db_read_record (st, &col, n);
  bz_record_take_string (n, BZ_CLINICAL_NOTE_AUTHOR_NAME, name_at (st, col));
  return n;
}

/* Appointment's columns, then the patient's first and last name and the
 * SEQUENCE; ends_at = starts_at + duration. */
static BzRecord *
appointment_row (sqlite3_stmt *st, gint64 *out_sequence)
{
  BzRecord *a = bz_record_new (&bz_appointment_resource);
  g_autoptr(GDateTime) start = NULL, end = NULL;
  int col = 0;

  bz_db_read_record (st, &col, a);
  bz_record_take_string (a, BZ_APPOINTMENT_PATIENT_NAME, name_at (st, col));
  if (out_sequence)
    *out_sequence = sqlite3_column_int64 (st, col + 2);
  start = g_date_time_new_from_iso8601 (bz_record_get_string (a, BZ_APPOINTMENT_STARTS_AT), NULL);
  end = start ? g_date_time_add_minutes (start, (int) bz_record_get_int (a, BZ_APPOINTMENT_DURATION_MINUTES)) : NULL;
  bz_record_take_string (a, BZ_APPOINTMENT_ENDS_AT, end ? g_date_time_format (end, "%Y-%m-%dT%H:%M:%SZ")
                                                         : g_strdup (bz_record_get_string (a, BZ_APPOINTMENT_STARTS_AT)));
  return a;
}

#define NOTE_SELECT "SELECT %s, u.first_name, u.last_name FROM clinical_notes n JOIN users u ON u.id = n.author_id"
#define APPT_SELECT "SELECT %s, u.first_name, u.last_name, a.ics_sequence" \
                    " FROM appointments a JOIN patients p ON p.id = a.patient_id JOIN users u ON u.id = p.user_id"

static gboolean
step_rows (sqlite3_stmt *st, GPtrArray *out, BzRecord *(*row) (sqlite3_stmt *), GError **error)
{
  for (;;)
    {
      gboolean have_row;
      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        return TRUE;
      g_ptr_array_add (out, row (st));
    }
}

static BzRecord *
appointment_row_plain (sqlite3_stmt *st)
{
  return appointment_row (st, NULL);
}

static gboolean
count_of (sqlite3 *db, const char *sql, const char *a, const char *b, gint64 *out, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, sql, error);
  gboolean have_row;

  if (!st)
    return FALSE;
  bz_db_bind_text_or_null (st, 1, a);
  bz_db_bind_text_or_null (st, 2, b);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  *out = have_row ? sqlite3_column_int64 (st, 0) : 0;
  return TRUE;
}

/* --- Notes ------------------------------------------------------------------ */

/* A note's body is stored sealed (bz-crypt.h, data/sql/035_encryption_at_rest.sql):
 * opened here for each note read, FALSE with @error when it does not open. */
static gboolean
open_bodies (BzStore *store, GPtrArray *notes, GError **error)
{
  for (guint i = 0; i < notes->len; i++)
    {
      BzRecord *n = g_ptr_array_index (notes, i);
      char *plain = bz_crypt_open_text (bz_store_get_crypt (store), "clinical_notes", "body",
                                        bz_record_get_string (n, BZ_CLINICAL_NOTE_ID),
                                        bz_record_get_string (n, BZ_CLINICAL_NOTE_TEXT), error);
      if (plain == NULL)
        return FALSE;
      bz_record_take_string (n, BZ_CLINICAL_NOTE_TEXT, plain);
    }
  return TRUE;
}

gboolean
bz_clinical_repo_insert_note (BzStore *store, BzRecord *note, GError **error)
{
  static gsize sql;
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, bz_repo_sql_once (&sql,
      "INSERT INTO clinical_notes (%s) VALUES (%?)", &bz_clinical_note_resource, NULL, &bz_clinical_note_resource), error);
  int param = 1;

  g_autofree char *plain = NULL;
  gboolean ok;

  if (!st)
    return FALSE;
  /* Bound sealed, then the record gets its plaintext back. */
  plain = g_strdup (bz_record_get_string (note, BZ_CLINICAL_NOTE_TEXT));
  bz_record_take_string (note, BZ_CLINICAL_NOTE_TEXT,
                         bz_crypt_seal_text (bz_store_get_crypt (store), "clinical_notes", "body",
                                             bz_record_get_string (note, BZ_CLINICAL_NOTE_ID), plain));
  bz_db_bind_record (st, &param, note);
  ok = bz_db_step_done (st, error);
  sqlite3_clear_bindings (st);
  bz_record_take_string (note, BZ_CLINICAL_NOTE_TEXT, g_steal_pointer (&plain));
  return ok && bz_store_log_change (db, "clinical_notes", bz_record_get_string (note, BZ_CLINICAL_NOTE_ID),
                                    BZ_CHANGE_INSERT, error);
}

BzRecord *
bz_clinical_repo_get_note (BzStore *store, const char *note_id, GError **error)
{
  static gsize sql;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      NOTE_SELECT " WHERE n.id = ?1", &bz_clinical_note_resource, "n"), error);
  gboolean have_row;
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, note_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error) || !have_row)
    return NULL;
  g_ptr_array_add (one, note_row (st));
  if (!open_bodies (store, one, error))
    return NULL;
  return g_object_ref (g_ptr_array_index (one, 0));
}

gboolean
bz_clinical_repo_update_note (BzStore *store, BzRecord *note, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "UPDATE clinical_notes SET consultation_at = ?2, body = bz_seal ('clinical_notes', 'body', ?1, ?3),"
      " updated_at = ?4 WHERE id = ?1", error);
  const char *id = bz_record_get_string (note, BZ_CLINICAL_NOTE_ID);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, bz_record_get_string (note, BZ_CLINICAL_NOTE_CONSULTATION_AT), -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, bz_record_get_string (note, BZ_CLINICAL_NOTE_TEXT), -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, bz_record_get_string (note, BZ_CLINICAL_NOTE_UPDATED_AT), -1, SQLITE_STATIC);
  return bz_db_step_done (st, error) && bz_store_log_change (db, "clinical_notes", id, BZ_CHANGE_UPDATE, error);
}

gboolean
bz_clinical_repo_delete_note (BzStore *store, const char *note_id, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "DELETE FROM clinical_notes WHERE id = ?1", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, note_id, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error) && bz_store_log_change (db, "clinical_notes", note_id, BZ_CHANGE_DELETE, error);
}

GPtrArray *
bz_clinical_repo_list_notes (BzStore *store, const char *patient_id, guint limit, gint64 offset,
                             gint64 *out_total, GError **error)
{
  static gsize sql;
  sqlite3 *db = bz_store_db (store);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) st = NULL;

  if (!count_of (db, "SELECT count(*) FROM clinical_notes WHERE patient_id = ?1", patient_id, NULL, out_total, error))
    return NULL;
  st = bz_db_prepare (db, bz_repo_sql_once (&sql,
      NOTE_SELECT " WHERE n.patient_id = ?1 ORDER BY n.consultation_at DESC, n.created_at DESC, n.id LIMIT ?2 OFFSET ?3",
      &bz_clinical_note_resource, "n"), error);
  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (st, 2, limit);
  sqlite3_bind_int64 (st, 3, offset);
  if (!step_rows (st, notes, note_row, error) || !open_bodies (store, notes, error))
    return NULL;
  return g_steal_pointer (&notes);
}

/* --- Appointments ----------------------------------------------------------- */

gboolean
bz_clinical_repo_insert_appointment (BzStore *store, BzRecord *appt, GError **error)
{
  static gsize sql;
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, bz_repo_sql_once (&sql,
      "INSERT INTO appointments (%s) VALUES (%?)", &bz_appointment_resource, NULL, &bz_appointment_resource), error);
  int param = 1;

  if (!st)
    return FALSE;
  bz_db_bind_record (st, &param, appt);
  return bz_db_step_done (st, error) &&
         bz_store_log_change (db, "appointments", bz_record_get_string (appt, BZ_APPOINTMENT_ID), BZ_CHANGE_INSERT, error);
}

BzRecord *
bz_clinical_repo_get_appointment (BzStore *store, const char *appointment_id, gint64 *out_sequence, GError **error)
{
  static gsize sql;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      APPT_SELECT " WHERE a.id = ?1", &bz_appointment_resource, "a"), error);
  gboolean have_row;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, appointment_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error) || !have_row)
    return NULL;
  return appointment_row (st, out_sequence);
}

gboolean
bz_clinical_repo_update_appointment (BzStore *store, BzRecord *a, gboolean bump_sequence, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "UPDATE appointments SET starts_at = ?2, duration_min = ?3, status = ?4, location = ?5, notes = ?6,"
      " updated_at = ?7, ics_sequence = ics_sequence + ?8 WHERE id = ?1", error);
  const char *id = bz_record_get_string (a, BZ_APPOINTMENT_ID);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, bz_record_get_string (a, BZ_APPOINTMENT_STARTS_AT), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 3, bz_record_get_int (a, BZ_APPOINTMENT_DURATION_MINUTES));
  sqlite3_bind_text (st, 4, bz_record_get_string (a, BZ_APPOINTMENT_STATUS), -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 5, bz_record_get_string (a, BZ_APPOINTMENT_LOCATION));
  bz_db_bind_text_or_null (st, 6, bz_record_get_string (a, BZ_APPOINTMENT_NOTES));
  sqlite3_bind_text (st, 7, bz_record_get_string (a, BZ_APPOINTMENT_UPDATED_AT), -1, SQLITE_STATIC);
  sqlite3_bind_int (st, 8, bump_sequence ? 1 : 0);
  return bz_db_step_done (st, error) && bz_store_log_change (db, "appointments", id, BZ_CHANGE_UPDATE, error);
}

/* ?1 patient or NULL, ?2 nutritionist or NULL. */
#define APPT_FILTER " WHERE (?1 IS NULL OR a.patient_id = ?1) AND (?2 IS NULL OR a.nutritionist_id = ?2)"

GPtrArray *
bz_clinical_repo_list_appointments (BzStore *store, const char *patient_id, const char *nutritionist_id,
                                    const char *now, guint limit, gint64 offset, gint64 *out_total, GError **error)
{
  static gsize sql;
  sqlite3 *db = bz_store_db (store);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) st = NULL;

  if (!count_of (db, "SELECT count(*) FROM appointments a" APPT_FILTER, patient_id, nutritionist_id, out_total, error))
    return NULL;
  /* Upcoming (scheduled, from ?3 on) first and soonest first; then the rest, latest first. */
  st = bz_db_prepare (db, bz_repo_sql_once (&sql,
      APPT_SELECT APPT_FILTER
      " ORDER BY (a.status = 'scheduled' AND a.starts_at >= ?3) DESC,"
      " CASE WHEN a.status = 'scheduled' AND a.starts_at >= ?3 THEN a.starts_at END ASC,"
      " a.starts_at DESC, a.id LIMIT ?4 OFFSET ?5", &bz_appointment_resource, "a"), error);
  if (!st)
    return NULL;
  bz_db_bind_text_or_null (st, 1, patient_id);
  bz_db_bind_text_or_null (st, 2, nutritionist_id);
  sqlite3_bind_text (st, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_int (st, 4, limit);
  sqlite3_bind_int64 (st, 5, offset);
  if (!step_rows (st, list, appointment_row_plain, error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
bz_clinical_repo_fill_last_next (BzStore *store, GPtrArray *summaries, const char *now, GError **error)
{
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(JsonGenerator) gen = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(sqlite3_stmt) st = NULL;
  g_autofree char *ids = NULL;

  if (summaries->len == 0)
    return TRUE;
  b = json_builder_new ();
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  json_builder_begin_array (b);
  for (guint i = 0; i < summaries->len; i++)
    {
      BzRecord *p = g_ptr_array_index (summaries, i);
      const char *id = bz_record_get_string (p, BZ_PATIENT_SUMMARY_ID);
      json_builder_add_string_value (b, id);
      g_hash_table_insert (by_id, (gpointer) id, p);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  gen = json_generator_new ();
  json_generator_set_root (gen, root);
  ids = json_generator_to_data (gen, NULL);

  /* One statement for the whole set: the index on (patient_id, starts_at)
   * answers each id of the JSON array. */
  st = bz_db_prepare (bz_store_db (store),
      "SELECT patient_id,"
      " max(CASE WHEN starts_at < ?2 AND status IN ('scheduled', 'completed') THEN starts_at END),"
      " min(CASE WHEN starts_at >= ?2 AND status = 'scheduled' THEN starts_at END)"
      " FROM appointments WHERE patient_id IN (SELECT value FROM json_each(?1)) GROUP BY patient_id", error);
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, ids, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, now, -1, SQLITE_STATIC);
  for (;;)
    {
      gboolean have_row;
      BzRecord *p;

      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        return TRUE;
      p = g_hash_table_lookup (by_id, sqlite3_column_text (st, 0));
      if (p == NULL)
        continue;
      if (sqlite3_column_type (st, 1) != SQLITE_NULL)
        bz_record_set_string (p, BZ_PATIENT_SUMMARY_LAST_APPOINTMENT, (const char *) sqlite3_column_text (st, 1));
      if (sqlite3_column_type (st, 2) != SQLITE_NULL)
        bz_record_set_string (p, BZ_PATIENT_SUMMARY_NEXT_APPOINTMENT, (const char *) sqlite3_column_text (st, 2));
    }
}

GPtrArray *
bz_clinical_repo_feed (BzStore *store, const char *nutritionist_id, const char *since, guint max,
                       GArray **out_sequences, GError **error)
{
  static gsize sql;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      APPT_SELECT " WHERE a.nutritionist_id = ?1 AND a.starts_at >= ?2 ORDER BY a.starts_at, a.id LIMIT ?3",
      &bz_appointment_resource, "a"), error);

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, nutritionist_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, since, -1, SQLITE_STATIC);
  sqlite3_bind_int (st, 3, max);
  for (;;)
    {
      gboolean have_row;
      gint64 seq = 0;

      if (!bz_repo_step (st, &have_row, error))
        return NULL;
      if (!have_row)
        break;
      g_ptr_array_add (list, appointment_row (st, &seq));
      g_array_append_val (seqs, seq);
    }
  *out_sequences = g_steal_pointer (&seqs);
  return g_steal_pointer (&list);
}

/* --- Feed tokens ------------------------------------------------------------ */

gboolean
bz_clinical_repo_set_feed_token (BzStore *store, const char *nutritionist_id, const char *token_hash,
                                 const char *now, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "INSERT INTO calendar_feed_tokens (nutritionist_id, token_hash, created_at) VALUES (?1, ?2, ?3)"
      " ON CONFLICT (nutritionist_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at",
      error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, nutritionist_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, token_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, now, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error) &&
         bz_store_log_change (db, "calendar_feed_tokens", nutritionist_id, BZ_CHANGE_UPDATE, error);
}

gboolean
bz_clinical_repo_revoke_feed_token (BzStore *store, const char *nutritionist_id, gboolean *out_revoked, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "DELETE FROM calendar_feed_tokens WHERE nutritionist_id = ?1", error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, nutritionist_id, -1, SQLITE_STATIC);
  if (!bz_db_step_done (st, error))
    return FALSE;
  *out_revoked = sqlite3_changes (db) > 0;
  return !*out_revoked ||
         bz_store_log_change (db, "calendar_feed_tokens", nutritionist_id, BZ_CHANGE_DELETE, error);
}

char *
bz_clinical_repo_feed_owner (BzStore *store, const char *token_hash, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT nutritionist_id FROM calendar_feed_tokens WHERE token_hash = ?1", error);
  gboolean have_row;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, token_hash, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error) || !have_row)
    return NULL;
  return bz_db_column_text_dup (st, 0);
}
