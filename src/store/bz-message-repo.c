/* bz-message-repo.c — messages (bz-message-repo.h;
 * data/sql/029_messages_notifications.sql). */
#include "bz-message-repo.h"

#include "bz-repo-private.h"

static char *
full_name_at (sqlite3_stmt *st, int col)
{
  return g_strdup_printf ("%s %s", (const char *) sqlite3_column_text (st, col),
                          (const char *) sqlite3_column_text (st, col + 1));
}

/* A MessageParty from columns id, first_name, last_name, user_type at @col. */
static BzRecord *
party_at (sqlite3_stmt *st, int col)
{
  BzRecord *p = bz_record_new (&bz_message_party_resource);
  bz_record_set_string (p, BZ_MESSAGE_PARTY_ID, (const char *) sqlite3_column_text (st, col));
  bz_record_take_string (p, BZ_MESSAGE_PARTY_FULL_NAME, full_name_at (st, col + 1));
  bz_record_set_string (p, BZ_MESSAGE_PARTY_USER_TYPE, (const char *) sqlite3_column_text (st, col + 3));
  return p;
}

static void
text_or_null (BzRecord *rec, guint field, sqlite3_stmt *st, int col)
{
  if (sqlite3_column_type (st, col) == SQLITE_NULL)
    bz_record_set_null (rec, field);
  else
    bz_record_set_string (rec, field, (const char *) sqlite3_column_text (st, col));
}

#define MESSAGE_SELECT \
  "SELECT m.id, m.patient_id, u.id, u.first_name, u.last_name, u.user_type, m.recipient_id, m.body," \
  " m.created_at, m.read_at FROM messages m JOIN users u ON u.id = m.sender_id"

static BzRecord *
message_row (sqlite3_stmt *st)
{
  BzRecord *m = bz_record_new (&bz_message_resource);
  bz_record_set_string (m, BZ_MESSAGE_ID, (const char *) sqlite3_column_text (st, 0));
  bz_record_set_string (m, BZ_MESSAGE_CONVERSATION_ID, (const char *) sqlite3_column_text (st, 1));
  bz_record_take_object (m, BZ_MESSAGE_FROM, party_at (st, 2));
  bz_record_set_string (m, BZ_MESSAGE_TO_ID, (const char *) sqlite3_column_text (st, 6));
  bz_record_set_string (m, BZ_MESSAGE_TEXT, (const char *) sqlite3_column_text (st, 7));
  bz_record_set_string (m, BZ_MESSAGE_CREATED_AT, (const char *) sqlite3_column_text (st, 8));
  text_or_null (m, BZ_MESSAGE_READ_AT, st, 9);
  return m;
}

gboolean
bz_message_repo_parties (BzStore *store, const char *patient_id, char **out_patient_user,
                         char **out_nutritionist, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT user_id, nutritionist_id FROM patients WHERE id = ?1", error);
  gboolean have_row;

  *out_patient_user = NULL;
  *out_nutritionist = NULL;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error) || !have_row)
    return FALSE;
  *out_patient_user = g_strdup ((const char *) sqlite3_column_text (st, 0));
  *out_nutritionist = g_strdup ((const char *) sqlite3_column_text (st, 1));
  return TRUE;
}

gboolean
bz_message_repo_insert (BzStore *store, const char *id, const char *patient_id, const char *sender_id,
                        const char *recipient_id, const char *body, const char *created_at, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "INSERT INTO messages (id, patient_id, sender_id, recipient_id, body, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
      error);

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, patient_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, sender_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, recipient_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 5, body, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 6, created_at, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error) && bz_store_log_change (db, "messages", id, BZ_CHANGE_INSERT, error);
}

BzRecord *
bz_message_repo_get (BzStore *store, const char *id, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), MESSAGE_SELECT " WHERE m.id = ?1", error);
  gboolean have_row;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error) || !have_row)
    return NULL;
  return message_row (st);
}

GPtrArray *
bz_message_repo_list (BzStore *store, const char *patient_id, guint limit, gint64 offset,
                      gint64 *out_total, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) count = bz_db_prepare (db, "SELECT count(*) FROM messages WHERE patient_id = ?1", error);
  g_autoptr(sqlite3_stmt) st = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean have_row;

  if (!count)
    return NULL;
  sqlite3_bind_text (count, 1, patient_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (count, &have_row, error))
    return NULL;
  *out_total = have_row ? sqlite3_column_int64 (count, 0) : 0;
  st = bz_db_prepare (db, MESSAGE_SELECT " WHERE m.patient_id = ?1 ORDER BY m.created_at DESC, m.rowid DESC"
                      " LIMIT ?2 OFFSET ?3", error);
  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 2, limit);
  sqlite3_bind_int64 (st, 3, offset);
  for (;;)
    {
      if (!bz_repo_step (st, &have_row, error))
        return NULL;
      if (!have_row)
        break;
      g_ptr_array_add (out, message_row (st));
    }
  return g_steal_pointer (&out);
}

gboolean
bz_message_repo_mark_read (BzStore *store, const char *patient_id, const char *reader_id,
                           const char *now, gint64 *out_marked, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "UPDATE messages SET read_at = ?3 WHERE patient_id = ?1 AND recipient_id = ?2 AND read_at IS NULL RETURNING id",
      error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  gboolean have_row;

  *out_marked = 0;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, reader_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, now, -1, SQLITE_STATIC);
  for (;;)
    {
      if (!bz_repo_step (st, &have_row, error))
        return FALSE;
      if (!have_row)
        break;
      g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (st, 0)));
    }
  for (guint i = 0; i < ids->len; i++)
    if (!bz_store_log_change (db, "messages", g_ptr_array_index (ids, i), BZ_CHANGE_UPDATE, error))
      return FALSE;
  *out_marked = ids->len;
  return TRUE;
}

#define CONVERSATIONS(OTHER, WHERE) \
  "SELECT p.id, o.id, o.first_name, o.last_name, o.user_type," \
  " (SELECT body FROM messages WHERE patient_id = p.id ORDER BY created_at DESC, rowid DESC LIMIT 1)," \
  " (SELECT max(created_at) FROM messages WHERE patient_id = p.id) AS last_at," \
  " (SELECT count(*) FROM messages WHERE patient_id = p.id AND recipient_id = ?1 AND read_at IS NULL)" \
  " FROM patients p JOIN users o ON o.id = " OTHER " WHERE " WHERE \
  " ORDER BY last_at IS NULL, last_at DESC, o.last_name, o.first_name, p.id"

GPtrArray *
bz_message_repo_conversations (BzStore *store, const char *user_id, gboolean as_nutritionist, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), as_nutritionist
      ? CONVERSATIONS ("p.user_id", "p.nutritionist_id = ?1")
      : CONVERSATIONS ("p.nutritionist_id", "p.user_id = ?1"), error);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean have_row;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  for (;;)
    {
      BzRecord *c;
      if (!bz_repo_step (st, &have_row, error))
        return NULL;
      if (!have_row)
        break;
      c = bz_record_new (&bz_conversation_resource);
      bz_record_set_string (c, BZ_CONVERSATION_ID, (const char *) sqlite3_column_text (st, 0));
      bz_record_take_object (c, BZ_CONVERSATION_WITH, party_at (st, 1));
      text_or_null (c, BZ_CONVERSATION_LAST_MESSAGE, st, 5);
      text_or_null (c, BZ_CONVERSATION_LAST_MESSAGE_AT, st, 6);
      bz_record_set_int (c, BZ_CONVERSATION_UNREAD_COUNT, sqlite3_column_int64 (st, 7));
      g_ptr_array_add (out, c);
    }
  return g_steal_pointer (&out);
}

gboolean
bz_message_repo_unread (BzStore *store, const char *user_id, gint64 *out, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT count(*) FROM messages WHERE recipient_id = ?1 AND read_at IS NULL", error);
  gboolean have_row;

  *out = 0;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  *out = have_row ? sqlite3_column_int64 (st, 0) : 0;
  return TRUE;
}
