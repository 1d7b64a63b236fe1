/* bz-clinical-service.c — clinical notes and appointments (see
 * bz-clinical-service.h).  Validation, ownership and messages; the SQL is
 * in bz-clinical-repo.c, the shapes in bz-clinical-resources.h.  The
 * calendar feed is in bz-clinical-feed.c. */
#include "bz-clinical-service-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bz-clinical-repo.h"
#include "bz-patient-service.h"
#include "bz-service-task-private.h"

/* Dates a note or booking may carry: a typo in the year ("0226", "20266")
 * parses as ISO 8601 but names no consultation. */
#define EARLIEST "2000-01-01T00:00:00Z"
#define LATEST   "2100-01-01T00:00:00Z"

gboolean
bz_clinical_check_nutritionist (const BzCaller *caller, GError **error)
{
  if (caller == NULL)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, _("Authentication required"));
      return FALSE;
    }
  if (caller->role != BZ_ROLE_NUTRITIONIST)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_FORBIDDEN,
                           _("Only nutritionists can read and write clinical notes and appointments"));
      return FALSE;
    }
  return TRUE;
}

/* The caller's patient @patient_id, or NULL with NOT_FOUND (or a database error). */
static char *
own_patient (BzServices *svc, const BzCaller *caller, const char *patient_id, GError **error)
{
  if (!bz_clinical_check_nutritionist (caller, error))
    return NULL;
  if (patient_id == NULL || *patient_id == '\0')
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Patient not found"));
      return NULL;
    }
  return bz_patients_resolve (svc, caller, patient_id, error);
}

static void
check_date_range (BzRecord *rec, guint field, BzValidation *v)
{
  const BzField *f = &bz_record_get_resource (rec)->fields[field];
  const char *t = bz_record_get_string (rec, field);

  if (t && (strcmp (t, EARLIEST) < 0 || strcmp (t, LATEST) >= 0))
    {
      g_autofree char *m = g_strdup_printf (_("%s must be between 2000 and 2099"), f->name);
      bz_validation_add (v, f->name, "out_of_range", m);
    }
}

static void
check_text (BzRecord *rec, guint field, BzValidation *v)
{
  const char *t = bz_record_get_string (rec, field);
  gboolean blank = TRUE;

  if (t == NULL)
    return;
  for (const char *c = t; *c && blank; c = g_utf8_next_char (c))
    blank = g_unichar_isspace (g_utf8_get_char (c));
  if (blank)
    bz_validation_add (v, bz_record_get_resource (rec)->fields[field].name, "too_short", _("Write the note"));
}

static gboolean
require_some (BzRecord *change, BzValidation *v, const char *message)
{
  const BzResource *res = bz_record_get_resource (change);
  for (guint i = 0; i < res->n_fields; i++)
    if (bz_record_has (change, i))
      return TRUE;
  bz_validation_add (v, "body", "required", message);
  return FALSE;
}

static BzRecord *
page_of (const BzResource *res, guint items_field, guint pagination_field, GPtrArray *items,
         guint page, guint limit, gint64 total)
{
  BzRecord *list = bz_record_new (res);
  bz_record_set_empty_array (list, items_field);
  for (guint i = 0; i < items->len; i++)
    bz_record_append (list, items_field, g_object_ref (g_ptr_array_index (items, i)));
  bz_record_take_object (list, pagination_field, bz_pagination_new (page, limit, total));
  return list;
}

/* --- Notes ------------------------------------------------------------------ */

BzRecord *
bz_clinical_list_notes (BzServices *svc, const BzCaller *caller, const char *patient_id,
                        guint page, guint limit, GError **error)
{
  g_autofree char *id = own_patient (svc, caller, patient_id, error);
  g_autoptr(GPtrArray) notes = NULL;
  gint64 total = 0;

  if (id == NULL)
    return NULL;
  bz_patients_audit_read (svc, caller, id, "read_clinical_notes");
  notes = bz_clinical_repo_list_notes (bz_services_get_store (svc), id, limit, (gint64) (page - 1) * limit, &total, error);
  if (notes == NULL)
    return NULL;
  return page_of (&bz_clinical_note_list_resource, BZ_CLINICAL_NOTE_LIST_NOTES, BZ_CLINICAL_NOTE_LIST_PAGINATION,
                  notes, page, limit, total);
}

/* The note @note_id of patient @pid, or NULL with NOT_FOUND. */
static BzRecord *
note_of (BzStore *store, const char *pid, const char *note_id, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(BzRecord) note = note_id ? bz_clinical_repo_get_note (store, note_id, &local) : NULL;

  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (note == NULL || g_strcmp0 (bz_record_get_string (note, BZ_CLINICAL_NOTE_PATIENT_ID), pid) != 0)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Note not found"));
      return NULL;
    }
  return g_steal_pointer (&note);
}

BzRecord *
bz_clinical_add_note (BzServices *svc, const BzCaller *caller, const char *patient_id,
                      JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autofree char *pid = own_patient (svc, caller, patient_id, error);
  g_autofree char *id = NULL, *now = NULL;
  g_autoptr(BzRecord) in = NULL, note = NULL;

  if (pid == NULL)
    return NULL;
  in = bz_resource_parse_closed (&bz_clinical_note_input_resource, input, NULL, &v);
  if (in)
    {
      check_text (in, BZ_CLINICAL_NOTE_INPUT_TEXT, &v);
      check_date_range (in, BZ_CLINICAL_NOTE_INPUT_CONSULTATION_AT, &v);
    }
  if (!bz_validation_finish (&v, error))
    return NULL;

  id = g_uuid_string_random ();
  now = bz_now_iso8601 ();
  note = bz_record_new (&bz_clinical_note_resource);
  bz_record_set_string (note, BZ_CLINICAL_NOTE_ID, id);
  bz_record_set_string (note, BZ_CLINICAL_NOTE_PATIENT_ID, pid);
  bz_record_set_string (note, BZ_CLINICAL_NOTE_AUTHOR_ID, caller->user_id);
  bz_record_set_string (note, BZ_CLINICAL_NOTE_CONSULTATION_AT,
                        bz_record_has (in, BZ_CLINICAL_NOTE_INPUT_CONSULTATION_AT)
                        ? bz_record_get_string (in, BZ_CLINICAL_NOTE_INPUT_CONSULTATION_AT) : now);
  bz_record_set_string (note, BZ_CLINICAL_NOTE_TEXT, bz_record_get_string (in, BZ_CLINICAL_NOTE_INPUT_TEXT));
  bz_record_set_string (note, BZ_CLINICAL_NOTE_CREATED_AT, now);
  bz_record_set_string (note, BZ_CLINICAL_NOTE_UPDATED_AT, now);

  bz_patients_audit_read (svc, caller, pid, "clinical_note_create");
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_clinical_repo_insert_note (store, note, error) || !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  bz_store_notify (store, "clinical_notes", id);
  return bz_clinical_repo_get_note (store, id, error);
}

BzRecord *
bz_clinical_update_note (BzServices *svc, const BzCaller *caller, const char *patient_id,
                         const char *note_id, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autofree char *pid = own_patient (svc, caller, patient_id, error);
  g_autofree char *now = NULL;
  g_autoptr(BzRecord) change = NULL, note = NULL;

  if (pid == NULL || !(note = note_of (store, pid, note_id, error)))
    return NULL;
  change = bz_resource_parse_closed (&bz_clinical_note_update_resource, input, NULL, &v);
  if (change && require_some (change, &v, _("Give text or consultation_at")))
    {
      check_text (change, BZ_CLINICAL_NOTE_UPDATE_TEXT, &v);
      check_date_range (change, BZ_CLINICAL_NOTE_UPDATE_CONSULTATION_AT, &v);
    }
  if (!bz_validation_finish (&v, error))
    return NULL;

  now = bz_now_iso8601 ();
  if (bz_record_has (change, BZ_CLINICAL_NOTE_UPDATE_TEXT))
    bz_record_set_string (note, BZ_CLINICAL_NOTE_TEXT, bz_record_get_string (change, BZ_CLINICAL_NOTE_UPDATE_TEXT));
  if (bz_record_has (change, BZ_CLINICAL_NOTE_UPDATE_CONSULTATION_AT))
    bz_record_set_string (note, BZ_CLINICAL_NOTE_CONSULTATION_AT,
                          bz_record_get_string (change, BZ_CLINICAL_NOTE_UPDATE_CONSULTATION_AT));
  bz_record_set_string (note, BZ_CLINICAL_NOTE_UPDATED_AT, now);

  bz_patients_audit_read (svc, caller, pid, "clinical_note_update");
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_clinical_repo_update_note (store, note, error) || !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  bz_store_notify (store, "clinical_notes", note_id);
  return g_steal_pointer (&note);
}

BzRecord *
bz_clinical_delete_note (BzServices *svc, const BzCaller *caller, const char *patient_id,
                         const char *note_id, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *pid = own_patient (svc, caller, patient_id, error);
  g_autoptr(BzRecord) note = NULL;
  BzRecord *deleted;

  if (pid == NULL || !(note = note_of (store, pid, note_id, error)))
    return NULL;
  bz_patients_audit_read (svc, caller, pid, "clinical_note_delete");
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_clinical_repo_delete_note (store, note_id, error) || !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  bz_store_notify (store, "clinical_notes", note_id);
  deleted = bz_record_new (&bz_clinical_note_deleted_resource);
  bz_record_set_string (deleted, BZ_CLINICAL_NOTE_DELETED_ID, note_id);
  bz_record_set_string (deleted, BZ_CLINICAL_NOTE_DELETED_PATIENT_ID, pid);
  bz_record_set_boolean (deleted, BZ_CLINICAL_NOTE_DELETED_DELETED, TRUE);
  return deleted;
}

/* --- Appointments ------------------------------------------------------------ */

BzRecord *
bz_clinical_list_appointments (BzServices *svc, const BzCaller *caller, const char *patient_id,
                               guint page, guint limit, GError **error)
{
  g_autofree char *id = own_patient (svc, caller, patient_id, error);
  g_autofree char *now = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 total = 0;

  if (id == NULL)
    return NULL;
  now = bz_now_iso8601 ();
  list = bz_clinical_repo_list_appointments (bz_services_get_store (svc), id, NULL, now, limit,
                                             (gint64) (page - 1) * limit, &total, error);
  if (list == NULL)
    return NULL;
  return page_of (&bz_appointment_list_resource, BZ_APPOINTMENT_LIST_APPOINTMENTS, BZ_APPOINTMENT_LIST_PAGINATION,
                  list, page, limit, total);
}

BzRecord *
bz_clinical_my_appointments (BzServices *svc, const BzCaller *caller, guint page, guint limit, GError **error)
{
  g_autofree char *patient = NULL, *now = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 total = 0;

  if (caller == NULL)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, _("Authentication required"));
      return NULL;
    }
  if (caller->role == BZ_ROLE_PATIENT)
    {
      g_autoptr(GError) local = NULL;
      patient = bz_patients_resolve (svc, caller, NULL, &local);
      if (patient == NULL && bz_error_http_status (local) != 404)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (patient == NULL)   /* a member with no patient record has no appointments */
        patient = g_strdup ("");
    }
  else if (caller->role != BZ_ROLE_NUTRITIONIST)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_FORBIDDEN, _("Only members and nutritionists have appointments"));
      return NULL;
    }
  now = bz_now_iso8601 ();
  list = bz_clinical_repo_list_appointments (bz_services_get_store (svc), patient,
                                             patient ? NULL : caller->user_id, now, limit,
                                             (gint64) (page - 1) * limit, &total, error);
  if (list == NULL)
    return NULL;
  return page_of (&bz_appointment_list_resource, BZ_APPOINTMENT_LIST_APPOINTMENTS, BZ_APPOINTMENT_LIST_PAGINATION,
                  list, page, limit, total);
}

BzRecord *
bz_clinical_book_appointment (BzServices *svc, const BzCaller *caller, const char *patient_id,
                              JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autofree char *pid = own_patient (svc, caller, patient_id, error);
  g_autofree char *id = NULL, *now = NULL, *uid_rand = NULL, *uid = NULL;
  g_autoptr(BzRecord) in = NULL, appt = NULL;

  if (pid == NULL)
    return NULL;
  in = bz_resource_parse_closed (&bz_appointment_input_resource, input, NULL, &v);
  if (in)
    check_date_range (in, BZ_APPOINTMENT_INPUT_STARTS_AT, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;

  id = g_uuid_string_random ();
  /* RFC 5545 §3.8.4.7: a UID unique in the world; random, so it says
   * nothing of the patient, and not the row id, which the API shows. */
  uid_rand = g_uuid_string_random ();
  uid = g_strconcat (uid_rand, "@balanza", NULL);
  now = bz_now_iso8601 ();
  appt = bz_record_new (&bz_appointment_resource);
  bz_record_set_string (appt, BZ_APPOINTMENT_ID, id);
  bz_record_set_string (appt, BZ_APPOINTMENT_PATIENT_ID, pid);
  bz_record_set_string (appt, BZ_APPOINTMENT_NUTRITIONIST_ID, caller->user_id);
  bz_record_set_string (appt, BZ_APPOINTMENT_STARTS_AT, bz_record_get_string (in, BZ_APPOINTMENT_INPUT_STARTS_AT));
  bz_record_set_int (appt, BZ_APPOINTMENT_DURATION_MINUTES, bz_record_get_int (in, BZ_APPOINTMENT_INPUT_DURATION_MINUTES));
  bz_record_set_string (appt, BZ_APPOINTMENT_STATUS, "scheduled");
  bz_record_set_string (appt, BZ_APPOINTMENT_LOCATION, bz_record_get_string (in, BZ_APPOINTMENT_INPUT_LOCATION));
  bz_record_set_string (appt, BZ_APPOINTMENT_NOTES, bz_record_get_string (in, BZ_APPOINTMENT_INPUT_NOTES));
  bz_record_set_string (appt, BZ_APPOINTMENT_UID, uid);
  bz_record_set_string (appt, BZ_APPOINTMENT_CREATED_AT, now);
  bz_record_set_string (appt, BZ_APPOINTMENT_UPDATED_AT, now);

  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_clinical_repo_insert_appointment (store, appt, error) || !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  bz_store_notify (store, "appointments", id);
  return bz_clinical_repo_get_appointment (store, id, NULL, error);
}

BzRecord *
bz_clinical_update_appointment (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                const char *appointment_id, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autofree char *pid = own_patient (svc, caller, patient_id, error);
  g_autofree char *now = NULL;
  g_autoptr(BzRecord) change = NULL, appt = NULL;
  g_autoptr(GError) local = NULL;
  gboolean bump = FALSE;
  static const guint visible[][2] = {
    { BZ_APPOINTMENT_UPDATE_STARTS_AT, BZ_APPOINTMENT_STARTS_AT },
    { BZ_APPOINTMENT_UPDATE_STATUS, BZ_APPOINTMENT_STATUS },
    { BZ_APPOINTMENT_UPDATE_LOCATION, BZ_APPOINTMENT_LOCATION },
    { BZ_APPOINTMENT_UPDATE_NOTES, BZ_APPOINTMENT_NOTES },
  };

  if (pid == NULL)
    return NULL;
  appt = appointment_id ? bz_clinical_repo_get_appointment (store, appointment_id, NULL, &local) : NULL;
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (appt == NULL || g_strcmp0 (bz_record_get_string (appt, BZ_APPOINTMENT_PATIENT_ID), pid) != 0)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Appointment not found"));
      return NULL;
    }
  change = bz_resource_parse_closed (&bz_appointment_update_resource, input, NULL, &v);
  if (change && require_some (change, &v, _("Give starts_at, duration_minutes, status, location or notes")))
    check_date_range (change, BZ_APPOINTMENT_UPDATE_STARTS_AT, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (g_strcmp0 (bz_record_get_string (appt, BZ_APPOINTMENT_STATUS), "scheduled") != 0)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_CONFLICT, _("Only a scheduled appointment can change; this one is %s"),
                   bz_vocab_label (&bz_vocab_appointment_status, bz_record_get_string (appt, BZ_APPOINTMENT_STATUS), ""));
      return NULL;
    }

  /* Apply the members given (location or notes null: cleared); a calendar
   * must see a change of anything it shows. */
  for (guint i = 0; i < G_N_ELEMENTS (visible); i++)
    if (bz_record_has (change, visible[i][0]) ||
        (bz_appointment_update_resource.fields[visible[i][0]].flags & BZ_FIELD_NULLABLE && json_object_has_member (input, bz_appointment_update_resource.fields[visible[i][0]].name)))
      {
        const char *value = bz_record_get_string (change, visible[i][0]);
        if (g_strcmp0 (value, bz_record_get_string (appt, visible[i][1])) != 0)
          {
            bump |= visible[i][1] != BZ_APPOINTMENT_NOTES;
            bz_record_set_string (appt, visible[i][1], value);
          }
      }
  if (bz_record_has (change, BZ_APPOINTMENT_UPDATE_DURATION_MINUTES) &&
      bz_record_get_int (change, BZ_APPOINTMENT_UPDATE_DURATION_MINUTES) != bz_record_get_int (appt, BZ_APPOINTMENT_DURATION_MINUTES))
    {
      bump = TRUE;
      bz_record_set_int (appt, BZ_APPOINTMENT_DURATION_MINUTES, bz_record_get_int (change, BZ_APPOINTMENT_UPDATE_DURATION_MINUTES));
    }
  now = bz_now_iso8601 ();
  bz_record_set_string (appt, BZ_APPOINTMENT_UPDATED_AT, now);

  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_clinical_repo_update_appointment (store, appt, bump, error) || !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  bz_store_notify (store, "appointments", appointment_id);
  return bz_clinical_repo_get_appointment (store, appointment_id, NULL, error);
}

gboolean
bz_clinical_fill_patient_file (BzServices *svc, const char *patient_id, BzRecord *file, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *now = bz_now_iso8601 ();
  g_autoptr(GPtrArray) notes = NULL, appts = NULL;
  gint64 total;

  appts = bz_clinical_repo_list_appointments (store, patient_id, NULL, now, BZ_LIST_LIMIT_DEFAULT, 0, &total, error);
  if (appts == NULL)
    return FALSE;
  notes = bz_clinical_repo_list_notes (store, patient_id, BZ_LIST_LIMIT_DEFAULT, 0, &total, error);
  if (notes == NULL)
    return FALSE;
  bz_record_set_empty_array (file, BZ_PATIENT_FILE_APPOINTMENTS);
  for (guint i = 0; i < appts->len; i++)
    bz_record_append (file, BZ_PATIENT_FILE_APPOINTMENTS, g_object_ref (g_ptr_array_index (appts, i)));
  bz_record_set_empty_array (file, BZ_PATIENT_FILE_CLINICAL_NOTES);
  for (guint i = 0; i < notes->len; i++)
    bz_record_append (file, BZ_PATIENT_FILE_CLINICAL_NOTES, g_object_ref (g_ptr_array_index (notes, i)));
  return TRUE;
}

/* --- Async ------------------------------------------------------------------- */

typedef struct
{
  char *patient_id;
  char *item_id;
  JsonObject *input;
} Args;

static void
args_free (gpointer p)
{
  Args *a = p;
  g_free (a->patient_id);
  g_free (a->item_id);
  g_clear_pointer (&a->input, json_object_unref);
  g_free (a);
}

static Args *
args_new (const char *patient_id, const char *item_id, JsonObject *input)
{
  Args *a = g_new0 (Args, 1);
  a->patient_id = g_strdup (patient_id);
  a->item_id = g_strdup (item_id);
  a->input = bz_service_json_object_copy (input);
  return a;
}

static gpointer
list_notes_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_clinical_list_notes (svc, caller, ((Args *) args)->patient_id, 1, BZ_LIST_LIMIT_MAX, error);
}

static gpointer
add_note_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  Args *a = args;
  return bz_clinical_add_note (svc, caller, a->patient_id, a->input, error);
}

static gpointer
list_appts_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_clinical_list_appointments (svc, caller, ((Args *) args)->patient_id, 1, BZ_LIST_LIMIT_MAX, error);
}

static gpointer
book_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  Args *a = args;
  return bz_clinical_book_appointment (svc, caller, a->patient_id, a->input, error);
}

static gpointer
update_appt_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  Args *a = args;
  return bz_clinical_update_appointment (svc, caller, a->patient_id, a->item_id, a->input, error);
}

void
bz_clinical_list_notes_async (BzServices *svc, const BzCaller *caller, const char *patient_id,
                              GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_clinical_list_notes_async, "bz-clinical-notes", caller, BZ_SERVICE_TASK_NEEDS_CALLER,
                       list_notes_work, args_new (patient_id, NULL, NULL), args_free, g_object_unref,
                       cancellable, callback, user_data);
}

BzRecord *
bz_clinical_list_notes_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_clinical_list_notes_async, error);
}

void
bz_clinical_add_note_async (BzServices *svc, const BzCaller *caller, const char *patient_id, JsonObject *input,
                            GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_clinical_add_note_async, "bz-clinical-add-note", caller, BZ_SERVICE_TASK_NEEDS_CALLER,
                       add_note_work, args_new (patient_id, NULL, input), args_free, g_object_unref,
                       cancellable, callback, user_data);
}

BzRecord *
bz_clinical_add_note_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_clinical_add_note_async, error);
}

void
bz_clinical_list_appointments_async (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                     GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_clinical_list_appointments_async, "bz-clinical-appointments", caller,
                       BZ_SERVICE_TASK_NEEDS_CALLER, list_appts_work, args_new (patient_id, NULL, NULL), args_free,
                       g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_clinical_list_appointments_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_clinical_list_appointments_async, error);
}

void
bz_clinical_book_appointment_async (BzServices *svc, const BzCaller *caller, const char *patient_id, JsonObject *input,
                                    GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_clinical_book_appointment_async, "bz-clinical-book", caller,
                       BZ_SERVICE_TASK_NEEDS_CALLER, book_work, args_new (patient_id, NULL, input), args_free,
                       g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_clinical_book_appointment_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_clinical_book_appointment_async, error);
}

void
bz_clinical_update_appointment_async (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                      const char *appointment_id, JsonObject *input, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_clinical_update_appointment_async, "bz-clinical-update-appointment", caller,
                       BZ_SERVICE_TASK_NEEDS_CALLER, update_appt_work, args_new (patient_id, appointment_id, input),
                       args_free, g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_clinical_update_appointment_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_clinical_update_appointment_async, error);
}
