/* bz-clinical-resources.c — the tables of bz-clinical-resources.h. */
#include "bz-resources.h"   /* bz_pagination_resource; includes bz-clinical-resources.h */

BZ_RESOURCE_DEFINE (bz_clinical_note, CLINICAL_NOTE, "ClinicalNote", "A consultation note (issue 12)", BZ_CLINICAL_NOTE_FIELDS)
BZ_RESOURCE_DEFINE (bz_clinical_note_input, CLINICAL_NOTE_INPUT, "ClinicalNoteCreate", "A new consultation note", BZ_CLINICAL_NOTE_INPUT_FIELDS)
BZ_RESOURCE_DEFINE (bz_clinical_note_update, CLINICAL_NOTE_UPDATE, "ClinicalNoteUpdate", "Changes to a note", BZ_CLINICAL_NOTE_UPDATE_FIELDS)
BZ_RESOURCE_DEFINE (bz_clinical_note_list, CLINICAL_NOTE_LIST, "ClinicalNoteList", "A page of a patient's notes", BZ_CLINICAL_NOTE_LIST_FIELDS)
BZ_RESOURCE_DEFINE (bz_clinical_note_deleted, CLINICAL_NOTE_DELETED, "ClinicalNoteDeleted", "A note that was deleted", BZ_CLINICAL_NOTE_DELETED_FIELDS)
BZ_RESOURCE_DEFINE (bz_appointment, APPOINTMENT, "Appointment", "An appointment with the nutritionist (issue 12)", BZ_APPOINTMENT_FIELDS)
BZ_RESOURCE_DEFINE (bz_appointment_input, APPOINTMENT_INPUT, "AppointmentCreate", "A booking", BZ_APPOINTMENT_INPUT_FIELDS)
BZ_RESOURCE_DEFINE (bz_appointment_update, APPOINTMENT_UPDATE, "AppointmentUpdate", "Reschedule, cancel, complete or annotate", BZ_APPOINTMENT_UPDATE_FIELDS)
BZ_RESOURCE_DEFINE (bz_appointment_list, APPOINTMENT_LIST, "AppointmentList", "A page of appointments", BZ_APPOINTMENT_LIST_FIELDS)
BZ_RESOURCE_DEFINE (bz_calendar_token, CALENDAR_TOKEN, "CalendarToken", "A calendar feed token, shown once", BZ_CALENDAR_TOKEN_FIELDS)
BZ_RESOURCE_DEFINE (bz_calendar_token_revoked, CALENDAR_TOKEN_REVOKED, "CalendarTokenRevoked", "Whether a feed token was revoked", BZ_CALENDAR_TOKEN_REVOKED_FIELDS)
BZ_RESOURCE_DEFINE (bz_clinical_query, CLINICAL_QUERY, "ClinicalQuery", "Paging", BZ_CLINICAL_QUERY_FIELDS)
BZ_RESOURCE_DEFINE (bz_calendar_feed_query, CALENDAR_FEED_QUERY, "CalendarFeedQuery", "The feed token", BZ_CALENDAR_FEED_QUERY_FIELDS)
