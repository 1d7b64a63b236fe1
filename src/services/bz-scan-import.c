/* bz-scan-import.c — InBody exports into scans (bz-scan-import.h), and the
 * InBody members of a scan upload (bz_scan_take_bioimpedance()). */
#include "bz-scan-import.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bz-body-model.h"
#include "bz-inbody.h"
#include "bz-json.h"
#include "bz-limits.h"
#include "bz-patient-service.h"
#include "bz-scan-repo.h"
#include "bz-scan-service-private.h"
#include "bz-service-task-private.h"
#include "bz-store.h"

void
bz_scan_take_bioimpedance (BzRecord *scan, JsonObject *input, BzValidation *v)
{
  JsonNode *n = json_object_get_member (input, "bioimpedance");
  BzRecord *bia;

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    bia = bz_record_new (&bz_bioimpedance_resource);
  else if (!JSON_NODE_HOLDS_OBJECT (n))
    {
      bz_validation_add (v, "bioimpedance", "invalid_type", _("bioimpedance must be an object"));
      return;
    }
  else
    bia = bz_resource_parse_closed (&bz_bioimpedance_resource, json_node_get_object (n), "bioimpedance", v);
  if (bia && scan)
    bz_record_take_object (scan, BZ_SCAN_BIOIMPEDANCE, bia);
  else
    g_clear_object (&bia);
}

/* --- Checking a file ------------------------------------------------------------ */

/* A row that is a valid scan. */
typedef struct
{
  BzRecord *scan;
  BzBodyMeasurements m;
  char *where;         /* "line 7: Test Date / Time" (or "item 2: ..."), for a duplicate */
} Valid;

static void
valid_free (gpointer p)
{
  Valid *ok = p;
  g_clear_object (&ok->scan);
  g_free (ok->where);
  g_free (ok);
}

/* Reads @text of a default as a number into a JSON node, or adds an error. */
static JsonNode *
default_number (const char *name, const char *text, BzValidation *v)
{
  double d;

  if (text == NULL || *text == '\0')
    return NULL;
  /* The same numbers as a file's cells (no hex such as 0x1p4). */
  if (!bz_inbody_parse_number (text, FALSE, &d))
    {
      bz_validation_add (v, name, "invalid_type", _("Must be a number"));
      return NULL;
    }
  return json_node_init_double (json_node_alloc (), d);
}

static void
apply_default (JsonObject *input, const char *name, JsonNode *value)
{
  if (value && !json_object_has_member (input, name))
    json_object_set_member (input, name, json_node_copy (value));
}

/* Parses and validates @bytes; fills @valid (Valid*) with the rows that
 * are scans.  Returns: %FALSE with @error (all details) when any problem. */
static gboolean
check_file (GBytes *bytes, const BzScanImportDefaults *defaults, GPtrArray *valid, const char **out_format,
            GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(BzInbodyFile) file = NULL;
  g_autoptr(JsonNode) age = NULL, height = NULL, sex = NULL;
  gboolean json;
  gsize len = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &len) : NULL;

  if (len == 0)
    {
      bz_validation_add (&v, "file", "required", _("An InBody export (CSV or JSON) is required"));
      return bz_validation_finish (&v, error);
    }
  if (defaults)
    {
      if (defaults->sex && *defaults->sex)
        {
          const char *id = bz_vocab_canonical (&bz_vocab_sex, defaults->sex);
          if (id)
            sex = json_node_init_string (json_node_alloc (), id);
          else
            bz_validation_add (&v, "sex", "invalid_choice", _("sex must be male or female"));
        }
      age = default_number ("age", defaults->age, &v);
      height = default_number ("height_cm", defaults->height_cm, &v);
    }

  file = bz_inbody_parse (data, len, tz);
  json = g_str_equal (file->format, "json");
  if (out_format)
    *out_format = file->format;

  for (guint i = 0; i < file->rows->len; i++)
    {
      BzInbodyRow *row = g_ptr_array_index (file->rows, i);
      BzValidation rv = BZ_VALIDATION_INIT;
      g_autoptr(GError) row_error = NULL;
      Valid *ok = g_new0 (Valid, 1);

      apply_default (row->input, "sex", sex);
      apply_default (row->input, "age", age);
      apply_default (row->input, "height_cm", height);
      ok->scan = bz_scan_validate_input (row->input, &ok->m, &rv);
      if (ok->scan)
        {
          const char *col = g_hash_table_lookup (row->columns, "measured_at");
          ok->where = g_strdup_printf (json ? "item %u: %s" : "line %u: %s", row->line, col ? col : "measured_at");
          g_ptr_array_add (valid, ok);
          continue;
        }
      valid_free (ok);
      bz_validation_finish (&rv, &row_error);
      if (row_error == NULL)
        continue;
      {
        JsonArray *details = bz_error_get_details (row_error);
        for (guint k = 0; details && k < json_array_get_length (details); k++)
          {
            JsonObject *d = json_array_get_object_element (details, k);
            const char *field = json_object_get_string_member_with_default (d, "field", "");
            const char *column = g_hash_table_lookup (row->columns, field);
            const char *issue = json_object_get_string_member_with_default (d, "issue", "invalid");
            /* Absent because its cell was refused: already reported by the parser. */
            if (column && g_str_equal (issue, "required") && !json_object_has_member (row->input, field))
              continue;
            bz_inbody_issue_add (file, row->line, column ? column : field, issue,
                                 json_object_get_string_member_with_default (d, "message", ""));
          }
      }
    }

  for (guint i = 0; i < file->issues->len; i++)
    {
      BzInbodyIssue *is = g_ptr_array_index (file->issues, i);
      g_autofree char *field = NULL;
      if (is->line == 0)
        field = g_strdup ("file");
      else if (is->column)
        field = g_strdup_printf (json ? "item %u: %s" : "line %u: %s", is->line, is->column);
      else
        field = g_strdup_printf (json ? "item %u" : "line %u", is->line);
      bz_validation_add (&v, field, is->issue, is->message);
    }
  if (file->n_issues > file->issues->len)
    {
      g_autofree char *msg = g_strdup_printf (_("and %u more problems"), file->n_issues - file->issues->len);
      bz_validation_add (&v, "file", "too_many_issues", msg);
    }
  return bz_validation_finish (&v, error);
}

gboolean
bz_scans_import_check (GBytes *file, const BzScanImportDefaults *defaults, GPtrArray **out_scans, GError **error)
{
  g_autoptr(GPtrArray) valid = g_ptr_array_new_with_free_func (valid_free);
  gboolean ok = check_file (file, defaults, valid, NULL, error);

  if (out_scans)
    {
      *out_scans = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < valid->len; i++)
        g_ptr_array_add (*out_scans, g_object_ref (((Valid *) g_ptr_array_index (valid, i))->scan));
    }
  return ok;
}

/* --- Storing -------------------------------------------------------------------- */

/* A row whose time the patient already has a scan at (the same export
 * imported twice), or that another row of the file repeats. */
static gboolean
refuse_duplicates (BzStore *store, const char *patient_id, GPtrArray *valid, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_autofree const char **times = g_new0 (const char *, valid->len + 1);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) stored = NULL;

  for (guint i = 0; i < valid->len; i++)
    times[i] = bz_record_get_string (((Valid *) g_ptr_array_index (valid, i))->scan, BZ_SCAN_MEASURED_AT);
  stored = bz_scan_repo_measured_at (store, patient_id, times, valid->len, error);
  if (stored == NULL)
    return FALSE;
  for (guint i = 0; i < valid->len; i++)
    {
      Valid *ok = g_ptr_array_index (valid, i);
      g_autofree char *msg = NULL;
      if (g_hash_table_contains (stored, times[i]))
        msg = g_strdup_printf ("%s: %s", ok->where, _("this patient already has a scan at this date and time"));
      else if (!g_hash_table_add (seen, (gpointer) times[i]))
        msg = g_strdup_printf ("%s: %s", ok->where, _("another row of the file has the same date and time"));
      if (msg)
        bz_validation_add (&v, ok->where, "duplicate", msg);
    }
  return bz_validation_finish (&v, error);
}

BzRecord *
bz_scans_import (BzServices *svc, const BzCaller *caller, const char *patient_id, GBytes *file,
                 const BzScanImportDefaults *defaults, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(GPtrArray) valid = g_ptr_array_new_with_free_func (valid_free);
  g_autoptr(GPtrArray) glbs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GArray) infos = g_array_new (FALSE, TRUE, sizeof (BzAvatarInfo));
  g_autofree char *pid = NULL, *now = NULL;
  const char *format = "csv";
  BzRecord *result;

  if (!check_file (file, defaults, valid, &format, error))
    return NULL;
  pid = bz_patients_resolve (svc, caller, patient_id, error);
  if (pid == NULL || !refuse_duplicates (store, pid, valid, error))
    return NULL;

  /* CPU work outside the write transaction. */
  for (guint i = 0; i < valid->len; i++)
    {
      Valid *ok = g_ptr_array_index (valid, i);
      BzAvatarInfo info = { 0 };
      GBytes *glb;
      /* A row without a measured body fat gets the body model's estimate,
       * as bz_scans_add gives it (docs/body-model.md). */
      if (ok->m.body_fat_percent <= 0)
        bz_record_set_double (ok->scan, BZ_SCAN_BODY_FAT_PERCENT_ESTIMATED,
                              bz_body_model_implied_body_fat (&ok->m));
      glb = bz_scan_make_avatar (svc, &ok->m, &info, error);
      if (glb == NULL)
        return NULL;
      g_ptr_array_add (glbs, glb);
      g_array_append_val (infos, info);
      bz_record_take_string (ok->scan, BZ_SCAN_ID, g_uuid_string_random ());
      bz_record_set_string (ok->scan, BZ_SCAN_PATIENT_ID, pid);
    }

  now = bz_now_iso8601 ();
  if (!bz_store_begin (store, error))
    return NULL;
  for (guint i = 0; i < valid->len; i++)
    {
      Valid *ok = g_ptr_array_index (valid, i);
      if (!bz_scan_store_in_tx (svc, ok->scan, caller->user_id, g_ptr_array_index (glbs, i),
                                &g_array_index (infos, BzAvatarInfo, i), now, error))
        {
          bz_store_rollback (store);
          return NULL;
        }
    }
  if (!bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }

  result = bz_record_new (&bz_scan_import_resource);
  bz_record_set_string (result, BZ_SCAN_IMPORT_PATIENT_ID, pid);
  bz_record_set_string (result, BZ_SCAN_IMPORT_FORMAT, format);
  bz_record_set_empty_array (result, BZ_SCAN_IMPORT_SCANS);
  for (guint i = 0; i < valid->len; i++)
    {
      const char *id = bz_record_get_string (((Valid *) g_ptr_array_index (valid, i))->scan, BZ_SCAN_ID);
      g_autoptr(GError) local = NULL;
      BzRecord *stored;

      bz_store_notify (store, "body_scans", id);
      stored = bz_scan_repo_get (store, id, &local);
      if (stored == NULL)
        {
          if (local)
            g_propagate_error (error, g_steal_pointer (&local));
          else
            g_set_error_literal (error, BZ_ERROR, BZ_ERROR_INTERNAL, "An imported scan cannot be read back");
          g_object_unref (result);
          return NULL;
        }
      bz_record_append (result, BZ_SCAN_IMPORT_SCANS, stored);
    }
  return result;
}

/* --- async ---------------------------------------------------------------------- */

typedef struct
{
  char *patient_id;
  GBytes *file;
  char *sex, *age, *height_cm;
} ImportArgs;

static void
import_args_free (gpointer p)
{
  ImportArgs *a = p;
  g_free (a->patient_id);
  g_bytes_unref (a->file);
  g_free (a->sex);
  g_free (a->age);
  g_free (a->height_cm);
  g_free (a);
}

static gpointer
import_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  ImportArgs *a = args;
  BzScanImportDefaults d = { a->sex, a->age, a->height_cm };
  return bz_scans_import (svc, caller, a->patient_id, a->file, &d, error);
}

void
bz_scans_import_async (BzServices *svc, const BzCaller *caller, const char *patient_id, GBytes *file,
                       const BzScanImportDefaults *defaults, GCancellable *cancellable,
                       GAsyncReadyCallback callback, gpointer user_data)
{
  ImportArgs *a = g_new0 (ImportArgs, 1);

  a->patient_id = g_strdup (patient_id);
  a->file = g_bytes_ref (file);
  if (defaults)
    {
      a->sex = g_strdup (defaults->sex);
      a->age = g_strdup (defaults->age);
      a->height_cm = g_strdup (defaults->height_cm);
    }
  bz_service_task_run (svc, bz_scans_import_async, "bz-scans-import", caller, BZ_SERVICE_TASK_NEEDS_CALLER,
                       import_work, a, import_args_free, g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_scans_import_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_scans_import_async, error);
}
