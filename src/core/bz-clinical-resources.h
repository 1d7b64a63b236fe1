/* bz-clinical-resources.h — clinical notes, appointments and the calendar
 * feed (issue 12; seed 002 §4.4: "appointments" and "clinical_notes" in GET
 * /api/v1/nutritionist/patients/{patient_id}, last_appointment and
 * next_appointment in the patient list).  The seed shows no member of either
 * record; the names below follow the seed's snake_case and its other
 * records (id, patient_id, *_at in ISO 8601 UTC).
 *
 * Routes (src/server/bz-handlers-clinical.c):
 *   GET/POST   /api/v1/nutritionist/patients/{patient_id}/notes
 *   PATCH/DELETE .../notes/{note_id}
 *   GET/POST   /api/v1/nutritionist/patients/{patient_id}/appointments
 *   PATCH      .../appointments/{appointment_id}
 *   GET        /api/v1/appointments                (the caller's own)
 *   POST/DELETE /api/v1/nutritionist/calendar-token
 *   GET        /api/v1/nutritionist/calendar.ics?token=   (RFC 5545)
 */
#pragma once

#include "bz-limits.h"
#include "bz-resource.h"

G_BEGIN_DECLS

/* --- Clinical notes -------------------------------------------------------- */

#define BZ_CLINICAL_NOTE_FIELDS(F) \
  F (CLINICAL_NOTE_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "id") \
  F (CLINICAL_NOTE_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "patient_id") \
  F (CLINICAL_NOTE_AUTHOR_ID, .name = "author_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "author_id", .description = "The nutritionist who wrote it (users.id)") \
  F (CLINICAL_NOTE_AUTHOR_NAME, .name = "author_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "\"first last\" of the author") \
  F (CLINICAL_NOTE_CONSULTATION_AT, .name = "consultation_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "consultation_at", .description = "When the consultation took place") \
  F (CLINICAL_NOTE_TEXT, .name = "text", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "body") \
  F (CLINICAL_NOTE_CREATED_AT, .name = "created_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "created_at") \
  F (CLINICAL_NOTE_UPDATED_AT, .name = "updated_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "updated_at")
BZ_RESOURCE_DECLARE (bz_clinical_note, CLINICAL_NOTE, BZ_CLINICAL_NOTE_FIELDS)

/* POST .../notes. */
#define BZ_CLINICAL_NOTE_INPUT_FIELDS(F) \
  F (CLINICAL_NOTE_INPUT_TEXT, .name = "text", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_CLINICAL_NOTE_MAX_CHARS, .description = "Not only white space") \
  F (CLINICAL_NOTE_INPUT_CONSULTATION_AT, .name = "consultation_at", .type = BZ_FIELD_DATE_TIME, .description = "Default: now")
BZ_RESOURCE_DECLARE (bz_clinical_note_input, CLINICAL_NOTE_INPUT, BZ_CLINICAL_NOTE_INPUT_FIELDS)

/* PATCH .../notes/{note_id}: at least one member. */
#define BZ_CLINICAL_NOTE_UPDATE_FIELDS(F) \
  F (CLINICAL_NOTE_UPDATE_TEXT, .name = "text", .type = BZ_FIELD_STRING, .min = 1, .max = BZ_CLINICAL_NOTE_MAX_CHARS, .description = "Not only white space") \
  F (CLINICAL_NOTE_UPDATE_CONSULTATION_AT, .name = "consultation_at", .type = BZ_FIELD_DATE_TIME)
BZ_RESOURCE_DECLARE (bz_clinical_note_update, CLINICAL_NOTE_UPDATE, BZ_CLINICAL_NOTE_UPDATE_FIELDS)

#define BZ_CLINICAL_NOTE_LIST_FIELDS(F) \
  F (CLINICAL_NOTE_LIST_NOTES, .name = "notes", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_clinical_note_resource, .description = "Newest consultation first") \
  F (CLINICAL_NOTE_LIST_PAGINATION, .name = "pagination", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_pagination_resource)
BZ_RESOURCE_DECLARE (bz_clinical_note_list, CLINICAL_NOTE_LIST, BZ_CLINICAL_NOTE_LIST_FIELDS)

#define BZ_CLINICAL_NOTE_DELETED_FIELDS(F) \
  F (CLINICAL_NOTE_DELETED_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (CLINICAL_NOTE_DELETED_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (CLINICAL_NOTE_DELETED_DELETED, .name = "deleted", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY)
BZ_RESOURCE_DECLARE (bz_clinical_note_deleted, CLINICAL_NOTE_DELETED, BZ_CLINICAL_NOTE_DELETED_FIELDS)

/* --- Appointments ---------------------------------------------------------- */

#define BZ_APPOINTMENT_FIELDS(F) \
  F (APPOINTMENT_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "id") \
  F (APPOINTMENT_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "patient_id") \
  F (APPOINTMENT_NUTRITIONIST_ID, .name = "nutritionist_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "nutritionist_id") \
  F (APPOINTMENT_STARTS_AT, .name = "starts_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "starts_at") \
  F (APPOINTMENT_DURATION_MINUTES, .name = "duration_minutes", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "duration_min", .unit = "min") \
  F (APPOINTMENT_STATUS, .name = "status", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .column = "status", .vocab = &bz_vocab_appointment_status) \
  F (APPOINTMENT_LOCATION, .name = "location", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "location") \
  F (APPOINTMENT_NOTES, .name = "notes", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "notes") \
  F (APPOINTMENT_UID, .name = "uid", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "ics_uid", .description = "The event's UID in the calendar feed (RFC 5545 section 3.8.4.7): opaque, fixed") \
  F (APPOINTMENT_CREATED_AT, .name = "created_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "created_at") \
  F (APPOINTMENT_UPDATED_AT, .name = "updated_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "updated_at") \
  F (APPOINTMENT_ENDS_AT, .name = "ends_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .description = "starts_at + duration_minutes") \
  F (APPOINTMENT_PATIENT_NAME, .name = "patient_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "\"first last\" of the patient")
BZ_RESOURCE_DECLARE (bz_appointment, APPOINTMENT, BZ_APPOINTMENT_FIELDS)

/* POST .../appointments: a booking, status scheduled. */
#define BZ_APPOINTMENT_INPUT_FIELDS(F) \
  F (APPOINTMENT_INPUT_STARTS_AT, .name = "starts_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_REQUIRED, .description = "With its time zone; stored in UTC") \
  F (APPOINTMENT_INPUT_DURATION_MINUTES, .name = "duration_minutes", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_REQUIRED, .min = BZ_APPOINTMENT_MIN_MINUTES, .max = BZ_APPOINTMENT_MAX_MINUTES, .unit = "min") \
  F (APPOINTMENT_INPUT_LOCATION, .name = "location", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .max = BZ_APPOINTMENT_LOCATION_MAX_CHARS) \
  F (APPOINTMENT_INPUT_NOTES, .name = "notes", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .max = BZ_APPOINTMENT_NOTES_MAX_CHARS)
BZ_RESOURCE_DECLARE (bz_appointment_input, APPOINTMENT_INPUT, BZ_APPOINTMENT_INPUT_FIELDS)

/* PATCH .../appointments/{appointment_id}: reschedule (starts_at,
 * duration_minutes), cancel, complete or mark a no-show (status), or change
 * location and notes; at least one member.  Only a scheduled appointment
 * changes; completed, cancelled and no_show are final. */
#define BZ_APPOINTMENT_UPDATE_FIELDS(F) \
  F (APPOINTMENT_UPDATE_STARTS_AT, .name = "starts_at", .type = BZ_FIELD_DATE_TIME) \
  F (APPOINTMENT_UPDATE_DURATION_MINUTES, .name = "duration_minutes", .type = BZ_FIELD_INTEGER, .min = BZ_APPOINTMENT_MIN_MINUTES, .max = BZ_APPOINTMENT_MAX_MINUTES, .unit = "min") \
  F (APPOINTMENT_UPDATE_STATUS, .name = "status", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_appointment_status) \
  F (APPOINTMENT_UPDATE_LOCATION, .name = "location", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .max = BZ_APPOINTMENT_LOCATION_MAX_CHARS) \
  F (APPOINTMENT_UPDATE_NOTES, .name = "notes", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .max = BZ_APPOINTMENT_NOTES_MAX_CHARS)
BZ_RESOURCE_DECLARE (bz_appointment_update, APPOINTMENT_UPDATE, BZ_APPOINTMENT_UPDATE_FIELDS)

#define BZ_APPOINTMENT_LIST_FIELDS(F) \
  F (APPOINTMENT_LIST_APPOINTMENTS, .name = "appointments", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_appointment_resource, .description = "Upcoming scheduled ones first (soonest first), then the rest (newest first)") \
  F (APPOINTMENT_LIST_PAGINATION, .name = "pagination", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_pagination_resource)
BZ_RESOURCE_DECLARE (bz_appointment_list, APPOINTMENT_LIST, BZ_APPOINTMENT_LIST_FIELDS)

/* --- Calendar feed ---------------------------------------------------------- */

/* POST /api/v1/nutritionist/calendar-token: shown once. */
#define BZ_CALENDAR_TOKEN_FIELDS(F) \
  F (CALENDAR_TOKEN_TOKEN, .name = "token", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "Random (256 bits), shown once; stored hashed") \
  F (CALENDAR_TOKEN_PATH, .name = "path", .type = BZ_FIELD_URI, .flags = BZ_FIELD_READ_ONLY, .description = "The feed, relative to this server") \
  F (CALENDAR_TOKEN_URL, .name = "url", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The subscription URL, from the request's Host") \
  F (CALENDAR_TOKEN_CREATED_AT, .name = "created_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY)
BZ_RESOURCE_DECLARE (bz_calendar_token, CALENDAR_TOKEN, BZ_CALENDAR_TOKEN_FIELDS)

#define BZ_CALENDAR_TOKEN_REVOKED_FIELDS(F) \
  F (CALENDAR_TOKEN_REVOKED_REVOKED, .name = "revoked", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .description = "false when there was no token")
BZ_RESOURCE_DECLARE (bz_calendar_token_revoked, CALENDAR_TOKEN_REVOKED, BZ_CALENDAR_TOKEN_REVOKED_FIELDS)

/* --- Query parameters ------------------------------------------------------- */

#define BZ_CLINICAL_QUERY_FIELDS(F) \
  F (CLINICAL_QUERY_PAGE, .name = "page", .type = BZ_FIELD_INTEGER, .min = 1, .max = G_MAXINT32, .description = "Page number, from 1 (default 1)") \
  F (CLINICAL_QUERY_LIMIT, .name = "limit", .type = BZ_FIELD_INTEGER, .min = 1, .max = BZ_LIST_LIMIT_MAX, .description = "Items per page (default 20)")
BZ_RESOURCE_DECLARE (bz_clinical_query, CLINICAL_QUERY, BZ_CLINICAL_QUERY_FIELDS)

#define BZ_CALENDAR_FEED_QUERY_FIELDS(F) \
  F (CALENDAR_FEED_QUERY_TOKEN, .name = "token", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .description = "The feed token of POST /api/v1/nutritionist/calendar-token")
BZ_RESOURCE_DECLARE (bz_calendar_feed_query, CALENDAR_FEED_QUERY, BZ_CALENDAR_FEED_QUERY_FIELDS)

G_END_DECLS
