/* bz-clinical-service.h — clinical notes, appointments and the calendar
 * feed (issue 12; seed 002 §4.4 lines 1567-1568 and 1596-1597; seed 002
 * §6.9's Calendar integration, here an RFC 5545 feed a calendar subscribes to).
 *
 * Who may do what: the patient's nutritionist (bz_patients_resolve())
 * reads and writes the patient's notes and appointments; any other
 * nutritionist, and any unknown id, gets %BZ_ERROR_NOT_FOUND; a member
 * gets %BZ_ERROR_FORBIDDEN on these nutritionist routes (as
 * bz_patients_get_list() answers), and reads own appointments with
 * bz_clinical_my_appointments().  Reads and writes of notes go to the
 * record-access audit.  Every refusal leaves the store as it was.
 *
 * An appointment's status: scheduled when booked; then completed,
 * cancelled or no_show, each final (a change to a final appointment is
 * %BZ_ERROR_CONFLICT).  Only a scheduled appointment is rescheduled.
 */
#pragma once

#include "bz-clinical-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/* --- Notes ------------------------------------------------------------------ */

/**
 * bz_clinical_list_notes:
 * @caller: (nullable): the patient's nutritionist
 * @patient_id: a patients.id
 * @page: from 1
 * @limit: 1 to %BZ_LIST_LIMIT_MAX
 * @error: %BZ_ERROR_UNAUTHENTICATED, %BZ_ERROR_FORBIDDEN (not a
 *   nutritionist), %BZ_ERROR_NOT_FOUND (not the caller's patient)
 *
 * Returns: (transfer full): a ClinicalNoteList, newest consultation first;
 *   %NULL with @error.
 */
BzRecord *bz_clinical_list_notes   (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                    guint page, guint limit, GError **error);

/**
 * bz_clinical_add_note:
 * @input: a ClinicalNoteCreate object {text (1 to
 *   %BZ_CLINICAL_NOTE_MAX_CHARS characters, not only white space),
 *   consultation_at? (default now)}
 * @error: as bz_clinical_list_notes(); %BZ_ERROR_VALIDATION with field
 *   details (text: required, too_long, too_short, invalid_type;
 *   consultation_at: invalid_format, out_of_range outside
 *   2000-01-01..2100-01-01)
 *
 * Returns: (transfer full): the new ClinicalNote, the caller its author.
 */
BzRecord *bz_clinical_add_note     (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                    JsonObject *input, GError **error);

/**
 * bz_clinical_update_note:
 * @input: a ClinicalNoteUpdate object: text and/or consultation_at
 * @error: as bz_clinical_add_note(); %BZ_ERROR_NOT_FOUND also when
 *   @note_id is not a note of that patient
 *
 * Returns: (transfer full): the note as stored, updated_at now.
 */
BzRecord *bz_clinical_update_note  (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                    const char *note_id, JsonObject *input, GError **error);

/**
 * bz_clinical_delete_note:
 * @error: as bz_clinical_update_note()
 *
 * Returns: (transfer full): a ClinicalNoteDeleted record.
 */
BzRecord *bz_clinical_delete_note  (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                    const char *note_id, GError **error);

/* --- Appointments ------------------------------------------------------------ */

/**
 * bz_clinical_list_appointments:
 * @error: as bz_clinical_list_notes()
 *
 * Returns: (transfer full): an AppointmentList of the patient's
 *   appointments, upcoming first (bz_clinical_repo_list_appointments()).
 */
BzRecord *bz_clinical_list_appointments  (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                          guint page, guint limit, GError **error);

/**
 * bz_clinical_book_appointment:
 * @input: an AppointmentCreate object {starts_at (with its zone),
 *   duration_minutes (%BZ_APPOINTMENT_MIN_MINUTES to
 *   %BZ_APPOINTMENT_MAX_MINUTES), location?, notes?}
 * @error: as bz_clinical_list_notes(); %BZ_ERROR_VALIDATION with field
 *   details (starts_at out_of_range outside 2000-01-01..2100-01-01)
 *
 * Books a scheduled appointment with a new random calendar UID.
 *
 * Returns: (transfer full): the Appointment.
 */
BzRecord *bz_clinical_book_appointment   (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                          JsonObject *input, GError **error);

/**
 * bz_clinical_update_appointment:
 * @input: an AppointmentUpdate object: starts_at, duration_minutes,
 *   status, location, notes (at least one)
 * @error: as bz_clinical_book_appointment(); %BZ_ERROR_NOT_FOUND when
 *   @appointment_id is not one of the patient's; %BZ_ERROR_CONFLICT when
 *   the appointment is no longer scheduled
 *
 * Reschedules, cancels, completes or annotates; a change of time, length,
 * status or location raises its calendar SEQUENCE (RFC 5545 §3.8.7.4).
 *
 * Returns: (transfer full): the Appointment as stored.
 */
BzRecord *bz_clinical_update_appointment (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                          const char *appointment_id, JsonObject *input, GError **error);

/**
 * bz_clinical_my_appointments:
 * @caller: (nullable): a member (own appointments) or a nutritionist (the
 *   appointments they booked, with every patient)
 * @error: %BZ_ERROR_UNAUTHENTICATED; %BZ_ERROR_FORBIDDEN for an admin or a
 *   user who is neither
 *
 * Returns: (transfer full): an AppointmentList, upcoming first.
 */
BzRecord *bz_clinical_my_appointments    (BzServices *svc, const BzCaller *caller, guint page, guint limit,
                                          GError **error);

/**
 * bz_clinical_fill_patient_file:
 * @file: a PatientFile record
 *
 * Sets @file's appointments and clinical_notes: the first
 * %BZ_LIST_LIMIT_DEFAULT of each, in the orders of the lists above.  For
 * bz_patients_get_file(), which has already authorized the caller.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_clinical_fill_patient_file  (BzServices *svc, const char *patient_id, BzRecord *file, GError **error);

/* --- Calendar feed ----------------------------------------------------------- */

/**
 * bz_clinical_create_feed_token:
 * @caller: (nullable): a nutritionist
 * @host: (nullable): the Host the request came to ("192.168.1.5:8080"),
 *   for the subscription URL; %NULL: "localhost"
 * @error: %BZ_ERROR_UNAUTHENTICATED, %BZ_ERROR_FORBIDDEN
 *
 * Makes a new random feed token (32 bytes from libsodium's randombytes,
 * base64url without padding: 43 characters), stores its SHA-256 and
 * thereby revokes the caller's earlier one.
 *
 * Returns: (transfer full): a CalendarToken with the token and the feed's
 *   URL; the token is not shown again.
 */
BzRecord *bz_clinical_create_feed_token  (BzServices *svc, const BzCaller *caller, const char *host, GError **error);

/**
 * bz_clinical_revoke_feed_token:
 * @error: as bz_clinical_create_feed_token()
 *
 * Returns: (transfer full): a CalendarTokenRevoked record.
 */
BzRecord *bz_clinical_revoke_feed_token  (BzServices *svc, const BzCaller *caller, GError **error);

/**
 * bz_clinical_calendar_feed:
 * @token: (nullable): the token of the feed URL
 * @error: %BZ_ERROR_VALIDATION (token missing, or longer than 128
 *   characters); %BZ_ERROR_NOT_FOUND when no nutritionist has that token
 *   (never issued, replaced or revoked)
 *
 * The nutritionist's appointments from a year ago on (at most
 * %BZ_CALENDAR_FEED_MAX_EVENTS) as an RFC 5545 VCALENDAR (bz-ics.h): one
 * VEVENT each, SUMMARY the patient's name, DTSTAMP and LAST-MODIFIED its
 * updated_at (RFC 5545 §3.8.7.2: so the text, and its ETag, change only
 * when an appointment does), STATUS CANCELLED for a
 * cancelled one and CONFIRMED otherwise (RFC 5545 §3.8.1.11 has no
 * "completed" or "no-show" for events).
 *
 * Returns: (transfer full): the calendar's bytes (text/calendar, UTF-8, CRLF).
 */
GBytes   *bz_clinical_calendar_feed      (BzServices *svc, const char *token, GError **error);

/* --- Async (GIO style) for the GUI: the same calls on a worker thread -------- */

/**
 * bz_clinical_list_notes_async:
 * Runs bz_clinical_list_notes() (page 1, %BZ_LIST_LIMIT_MAX notes) on a
 * worker thread; finish with bz_clinical_list_notes_finish().
 */
void      bz_clinical_list_notes_async          (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                                 gpointer user_data);
/** bz_clinical_list_notes_finish: Returns: (transfer full): the ClinicalNoteList, or %NULL with @error. */
BzRecord *bz_clinical_list_notes_finish         (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_clinical_add_note_async:
 * @input: copied before this returns
 * Runs bz_clinical_add_note() on a worker thread.
 */
void      bz_clinical_add_note_async            (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                                 JsonObject *input, GCancellable *cancellable,
                                                 GAsyncReadyCallback callback, gpointer user_data);
/** bz_clinical_add_note_finish: Returns: (transfer full): the ClinicalNote, or %NULL with @error. */
BzRecord *bz_clinical_add_note_finish           (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_clinical_list_appointments_async:
 * Runs bz_clinical_list_appointments() (page 1, %BZ_LIST_LIMIT_MAX) on a worker thread.
 */
void      bz_clinical_list_appointments_async   (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                                 gpointer user_data);
/** bz_clinical_list_appointments_finish: Returns: (transfer full): the AppointmentList, or %NULL with @error. */
BzRecord *bz_clinical_list_appointments_finish  (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_clinical_book_appointment_async:
 * @input: copied before this returns
 * Runs bz_clinical_book_appointment() on a worker thread.
 */
void      bz_clinical_book_appointment_async    (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                                 JsonObject *input, GCancellable *cancellable,
                                                 GAsyncReadyCallback callback, gpointer user_data);
/** bz_clinical_book_appointment_finish: Returns: (transfer full): the Appointment, or %NULL with @error. */
BzRecord *bz_clinical_book_appointment_finish   (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_clinical_update_appointment_async:
 * @input: copied before this returns
 * Runs bz_clinical_update_appointment() on a worker thread.
 */
void      bz_clinical_update_appointment_async  (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                                 const char *appointment_id, JsonObject *input,
                                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                                 gpointer user_data);
/** bz_clinical_update_appointment_finish: Returns: (transfer full): the Appointment, or %NULL with @error. */
BzRecord *bz_clinical_update_appointment_finish (BzServices *svc, GAsyncResult *result, GError **error);

G_END_DECLS
