/* bz-consent-repo.c — the consent records (bz-consent-repo.h). */
#include "bz-consent-repo.h"

#include "bz-privacy-resources.h"
#include "bz-repo-private.h"

static const char *const source_names[] = {
  [BZ_CONSENT_SOURCE_REGISTRATION] = "registration",
  [BZ_CONSENT_SOURCE_PATIENT_CREATION] = "patient_creation",
  [BZ_CONSENT_SOURCE_USER] = "user",
  [BZ_CONSENT_SOURCE_NUTRITIONIST] = "nutritionist",
};

BzRecord *
bz_consent_repo_get (BzStore *store, const char *user_id, GError **error)
{
  static gsize sql;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), bz_repo_sql_once (&sql,
      "SELECT %s FROM user_consents WHERE user_id = ?1", &bz_user_consent_resource, NULL), error);

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, user_id, -1, SQLITE_STATIC);
  return bz_repo_read_one (st, &bz_user_consent_resource, error);
}

gboolean
bz_consent_repo_put (BzStore *store, const BzConsentRow *row, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "INSERT INTO user_consents (user_id, data_processing, marketing_communications, data_sharing_partners,"
      " privacy_notice_version, privacy_notice_accepted_at, ip_address, source, recorded_by, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)"
      " ON CONFLICT (user_id) DO UPDATE SET data_processing = excluded.data_processing,"
      " marketing_communications = excluded.marketing_communications,"
      " data_sharing_partners = excluded.data_sharing_partners,"
      " privacy_notice_version = excluded.privacy_notice_version,"
      " privacy_notice_accepted_at = excluded.privacy_notice_accepted_at, ip_address = excluded.ip_address,"
      " source = excluded.source, recorded_by = excluded.recorded_by, updated_at = excluded.updated_at", error);

  g_return_val_if_fail (row->source < G_N_ELEMENTS (source_names), FALSE);
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, row->user_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (st, 2, row->data_processing ? 1 : 0);
  sqlite3_bind_int (st, 3, row->marketing_communications ? 1 : 0);
  sqlite3_bind_int (st, 4, row->data_sharing_partners ? 1 : 0);
  bz_db_bind_text_or_null (st, 5, row->privacy_notice_version);
  bz_db_bind_text_or_null (st, 6, row->privacy_notice_accepted_at);
  bz_db_bind_text_or_null (st, 7, row->ip_address);
  sqlite3_bind_text (st, 8, source_names[row->source], -1, SQLITE_STATIC);
  bz_db_bind_text_or_null (st, 9, row->recorded_by);
  sqlite3_bind_text (st, 10, row->now, -1, SQLITE_STATIC);
  return bz_db_step_done (st, error) &&
         bz_store_log_change (db, "user_consents", row->user_id, BZ_CHANGE_UPDATE, error);
}
