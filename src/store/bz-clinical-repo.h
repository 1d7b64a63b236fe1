/* bz-clinical-repo.h — clinical notes, appointments and calendar feed
 * tokens (data/sql/014_clinical_notes_appointments.sql), read as records of
 * bz-clinical-resources.h.
 *
 * Every function runs on the calling thread's connection (bz_store_db());
 * writers run inside the caller's transaction (bz_store_begin()) and append
 * their row to the change log.  Authorization is the caller's: these
 * functions filter by the ids they are given, nothing more.  Times are
 * ISO 8601 UTC text ("2026-12-01T16:00:00Z"), which sorts as it reads.
 */
#pragma once

#include "bz-resources.h"
#include "bz-store.h"

G_BEGIN_DECLS

/* --- Notes ---------------------------------------------------------------- */

/**
 * bz_clinical_repo_insert_note:
 * @note: a ClinicalNote record with every stored field set (id,
 *   patient_id, author_id, consultation_at, text, created_at, updated_at)
 * @error: BZ_ERROR_CONFLICT (unknown patient or author), BZ_ERROR_INTERNAL
 *
 * Inserts @note and logs it (table "clinical_notes", op insert).
 *
 * Returns: %TRUE when inserted.
 */
gboolean   bz_clinical_repo_insert_note (BzStore *store, BzRecord *note, GError **error);

/**
 * bz_clinical_repo_get_note:
 * Returns: (transfer full) (nullable): the ClinicalNote @note_id with its
 *   author_name; %NULL without @error when there is none.
 */
BzRecord  *bz_clinical_repo_get_note    (BzStore *store, const char *note_id, GError **error);

/**
 * bz_clinical_repo_update_note:
 * @note: the note as it is to be stored (consultation_at, text, updated_at
 *   are written; its id selects the row)
 *
 * Returns: %TRUE when written and logged (op update).
 */
gboolean   bz_clinical_repo_update_note (BzStore *store, BzRecord *note, GError **error);

/**
 * bz_clinical_repo_delete_note:
 * Returns: %TRUE when deleted and logged (op delete).
 */
gboolean   bz_clinical_repo_delete_note (BzStore *store, const char *note_id, GError **error);

/**
 * bz_clinical_repo_list_notes:
 * @limit: rows of the page
 * @offset: rows skipped before it
 * @out_total: (out): the patient's notes in all
 *
 * Returns: (transfer full) (element-type BzRecord): a page of the patient's
 *   ClinicalNote records, newest consultation first (then newest written);
 *   %NULL with @error.
 */
GPtrArray *bz_clinical_repo_list_notes  (BzStore *store, const char *patient_id, guint limit, gint64 offset,
                                         gint64 *out_total, GError **error);

/* --- Appointments --------------------------------------------------------- */

/**
 * bz_clinical_repo_insert_appointment:
 * @appt: an Appointment record with every stored field set; its uid a new
 *   random one (the table keeps it unique: BZ_ERROR_CONFLICT otherwise)
 *
 * Inserts @appt with SEQUENCE 0 and logs it (table "appointments").
 *
 * Returns: %TRUE when inserted.
 */
gboolean   bz_clinical_repo_insert_appointment (BzStore *store, BzRecord *appt, GError **error);

/**
 * bz_clinical_repo_get_appointment:
 * @out_sequence: (out) (optional): its RFC 5545 SEQUENCE
 *
 * Returns: (transfer full) (nullable): the Appointment with patient_name
 *   and ends_at; %NULL without @error when there is none.
 */
BzRecord  *bz_clinical_repo_get_appointment    (BzStore *store, const char *appointment_id, gint64 *out_sequence,
                                                GError **error);

/**
 * bz_clinical_repo_update_appointment:
 * @appt: the appointment as it is to be stored (starts_at, duration_minutes,
 *   status, location, notes, updated_at are written)
 * @bump_sequence: whether a subscribed calendar must see the change (time,
 *   length, status or location): SEQUENCE + 1 (RFC 5545 §3.8.7.4)
 *
 * Returns: %TRUE when written and logged (op update).
 */
gboolean   bz_clinical_repo_update_appointment (BzStore *store, BzRecord *appt, gboolean bump_sequence, GError **error);

/**
 * bz_clinical_repo_list_appointments:
 * @patient_id: (nullable): only this patient's
 * @nutritionist_id: (nullable): only those booked by this nutritionist
 * @now: ISO 8601 UTC: what "upcoming" is measured from
 * @limit: rows of the page
 * @offset: rows skipped
 * @out_total: (out): how many match in all
 *
 * Upcoming first: scheduled ones starting at or after @now, soonest
 * first; then all others, latest first.  One statement for the page and one
 * for the count.
 *
 * Returns: (transfer full) (element-type BzRecord): Appointment records,
 *   or %NULL with @error.
 */
GPtrArray *bz_clinical_repo_list_appointments  (BzStore *store, const char *patient_id, const char *nutritionist_id,
                                                const char *now, guint limit, gint64 offset, gint64 *out_total,
                                                GError **error);

/**
 * bz_clinical_repo_fill_last_next:
 * @summaries: (element-type BzRecord): PatientSummary records
 * @now: ISO 8601 UTC
 *
 * Sets last_appointment and next_appointment of every record of
 * @summaries, in ONE statement whatever their number (no query per
 * patient): last_appointment is the latest starts_at before @now of a
 * scheduled or completed appointment (one that took place or was due to;
 * cancelled ones and no-shows are not visits), next_appointment the earliest
 * starts_at at or after @now of a scheduled one; each null when none.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean   bz_clinical_repo_fill_last_next     (BzStore *store, GPtrArray *summaries, const char *now, GError **error);

/**
 * bz_clinical_repo_feed:
 * @nutritionist_id: whose appointments
 * @since: ISO 8601 UTC: appointments starting before it are left out
 * @max: at most this many (the earliest)
 * @out_sequences: (out) (transfer full) (element-type gint64): each one's SEQUENCE
 *
 * Returns: (transfer full) (element-type BzRecord): the nutritionist's
 *   Appointment records (every status) by starts_at; %NULL with @error.
 */
GPtrArray *bz_clinical_repo_feed               (BzStore *store, const char *nutritionist_id, const char *since,
                                                guint max, GArray **out_sequences, GError **error);

/* --- Calendar feed tokens ------------------------------------------------- */

/**
 * bz_clinical_repo_set_feed_token:
 * @token_hash: hex SHA-256 of the new token
 * @now: ISO 8601 UTC
 *
 * Stores @token_hash as the nutritionist's one feed token, replacing (and
 * so revoking) any earlier one; logged as "calendar_feed_tokens".
 *
 * Returns: %TRUE when stored.
 */
gboolean   bz_clinical_repo_set_feed_token    (BzStore *store, const char *nutritionist_id, const char *token_hash,
                                               const char *now, GError **error);

/**
 * bz_clinical_repo_revoke_feed_token:
 * @out_revoked: (out): whether there was a token to remove
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean   bz_clinical_repo_revoke_feed_token (BzStore *store, const char *nutritionist_id, gboolean *out_revoked,
                                               GError **error);

/**
 * bz_clinical_repo_feed_owner:
 * @token_hash: hex SHA-256 of a presented token
 *
 * Returns: (transfer full) (nullable): the users.id of the nutritionist
 *   whose token it is; %NULL without @error when none.
 */
char      *bz_clinical_repo_feed_owner        (BzStore *store, const char *token_hash, GError **error);

G_END_DECLS
