/* bz-nutritionist-service.c — the nutritionist's profile (bz-nutritionist-service.h). */
#include "bz-nutritionist-service.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bz-nutritionist-repo.h"
#include "bz-service-task-private.h"

static gboolean
require_nutritionist (const BzCaller *caller, GError **error)
{
  if (caller->role == BZ_ROLE_NUTRITIONIST)
    return TRUE;
  g_set_error_literal (error, BZ_ERROR, BZ_ERROR_FORBIDDEN, _("Only nutritionists have a professional profile"));
  return FALSE;
}

BzRecord *
bz_nutritionists_get_profile (BzServices *svc, const BzCaller *caller, GError **error)
{
  BzRecord *rec = NULL;

  if (!require_nutritionist (caller, error) ||
      !bz_nutritionist_repo_profile (bz_services_get_store (svc), caller->user_id, &rec, error))
    return NULL;
  if (rec == NULL)
    g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Profile not found"));
  return rec;
}

/* 24-hour "HH:MM" as minutes since midnight, or -1. */
static int
minutes_of (const char *s)
{
  if (s == NULL || strlen (s) != 5 || s[2] != ':' || !g_ascii_isdigit (s[0]) || !g_ascii_isdigit (s[1]) ||
      !g_ascii_isdigit (s[3]) || !g_ascii_isdigit (s[4]))
    return -1;
  {
    int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
    return h < 24 && m < 60 ? h * 60 + m : -1;
  }
}

/* What the declaration cannot say: the licence's digits, the phone's
 * characters, the hours' format and order. */
static void
check_profile (BzRecord *c, BzValidation *v)
{
  const char *license = bz_record_get_string (c, BZ_NUTRITIONIST_PROFILE_PROFESSIONAL_LICENSE);
  const char *phone = bz_record_get_string (c, BZ_NUTRITIONIST_PROFILE_CLINIC_PHONE);
  BzRecord *week = bz_record_get_object (c, BZ_NUTRITIONIST_PROFILE_WORKING_HOURS);

  /* SEP's Registro Nacional de Profesionistas numbers cédulas with 7 or 8 digits. */
  if (license && strspn (license, "0123456789") != strlen (license))
    bz_validation_add (v, "professional_license", "invalid_format", _("A cédula profesional has 7 or 8 digits"));
  if (phone && *phone && strspn (phone, "0123456789 +-()") != strlen (phone))
    bz_validation_add (v, "clinic_phone", "invalid_format", _("Digits, spaces, +, - and parentheses only"));
  for (guint i = 0; week && i < bz_working_hours_resource.n_fields; i++)
    {
      BzRecord *h = bz_record_get_object (week, i);
      const char *day = bz_working_hours_resource.fields[i].name;
      int start, end;
      if (h == NULL)
        continue;
      start = minutes_of (bz_record_get_string (h, BZ_DAY_HOURS_START));
      end = minutes_of (bz_record_get_string (h, BZ_DAY_HOURS_END));
      if (start < 0 || end < 0)
        {
          g_autofree char *path = g_strdup_printf ("working_hours.%s.%s", day, start < 0 ? "start" : "end");
          bz_validation_add (v, path, "invalid_format", _("A time of day, 24-hour HH:MM"));
        }
      else if (end <= start)
        {
          g_autofree char *path = g_strdup_printf ("working_hours.%s.end", day);
          bz_validation_add (v, path, "out_of_range", _("Closing time must come after opening time"));
        }
    }
}

BzRecord *
bz_nutritionists_update_profile (BzServices *svc, const BzCaller *caller, JsonObject *changes, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) c = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_s = NULL;
  gboolean found = FALSE;
  g_autoptr(GError) local = NULL;

  if (!require_nutritionist (caller, error))
    return NULL;
  if (changes == NULL || json_object_get_size (changes) == 0)
    {
      GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION, _("Give at least one field to change"));
      bz_error_add_detail (e, "body", "required", e->message);
      g_propagate_error (error, e);
      return NULL;
    }
  c = bz_resource_parse_closed (&bz_nutritionist_profile_resource, changes, NULL, &v);
  if (c)
    check_profile (c, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;

  now = g_date_time_new_now_utc ();
  now_s = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_nutritionist_repo_update_profile (store, caller->user_id, c, now_s, &found, &local))
    {
      bz_store_rollback (store);
      if (g_error_matches (local, BZ_ERROR, BZ_ERROR_CONFLICT))
        {
          GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_CONFLICT,
                                           _("This cédula profesional belongs to another nutritionist"));
          bz_error_add_detail (e, "professional_license", "already_exists", e->message);
          g_propagate_error (error, e);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (!found)
    {
      bz_store_rollback (store);
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Profile not found"));
      return NULL;
    }
  if (!bz_store_commit (store, error))
    return NULL;
  bz_store_notify (store, "nutritionists", caller->user_id);
  return bz_nutritionists_get_profile (svc, caller, error);
}

/* --- async (GIO style) ----------------------------------------------------- */

static gpointer
get_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_nutritionists_get_profile (svc, caller, error);
}

static gpointer
update_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_nutritionists_update_profile (svc, caller, args, error);
}

void
bz_nutritionists_get_profile_async (BzServices *svc, const BzCaller *caller, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_nutritionists_get_profile_async, "bz-nutritionist-profile", caller,
                       BZ_SERVICE_TASK_NEEDS_CALLER, get_work, NULL, NULL, g_object_unref, cancellable, callback,
                       user_data);
}

BzRecord *
bz_nutritionists_get_profile_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_nutritionists_get_profile_async, error);
}

void
bz_nutritionists_update_profile_async (BzServices *svc, const BzCaller *caller, JsonObject *changes,
                                       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_nutritionists_update_profile_async, "bz-nutritionist-profile", caller,
                       BZ_SERVICE_TASK_NEEDS_CALLER, update_work, json_object_ref (changes),
                       (GDestroyNotify) json_object_unref, g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_nutritionists_update_profile_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_nutritionists_update_profile_async, error);
}

gboolean
bz_nutritionists_set_license_status (BzServices *svc, const char *email, const char *status, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *now_s = bz_now_iso8601 ();
  gboolean found = FALSE;

  status = status ? bz_vocab_canonical (&bz_vocab_license_status, status) : NULL;
  if (status == NULL)
    {
      GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION,
                                       _("The licence status must be pending, verified or rejected"));
      bz_error_add_detail (e, "license_status", "invalid_choice", e->message);
      g_propagate_error (error, e);
      return FALSE;
    }
  if (email == NULL || !bz_store_begin (store, error))
    {
      if (email == NULL)
        g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("No nutritionist has that e-mail"));
      return FALSE;
    }
  if (!bz_nutritionist_repo_set_license_status (store, email, status, now_s, &found, error))
    {
      bz_store_rollback (store);
      return FALSE;
    }
  if (!found)
    {
      bz_store_rollback (store);
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("No nutritionist has that e-mail"));
      return FALSE;
    }
  if (!bz_store_commit (store, error))
    return FALSE;
  bz_store_notify (store, "nutritionists", email);
  return TRUE;
}
