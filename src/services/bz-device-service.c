/* bz-device-service.c — pairing codes, paired devices and their sessions
 * (bz-device-service.h). */
#include "bz-device-service.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "bz-auth-internal.h"
#include "bz-device-repo.h"
#include "bz-service-task-private.h"
#include "bz-token-repo.h"
#include "bz-user-repo.h"

/* --- What the server says of itself ------------------------------------------ */

typedef struct
{
  char *https_url, *fingerprint, *http_url, *instance_name;
  gint64 clock_offset_s;   /* tests only (bz_devices_move_clock_for_testing()) */
} ServerInfo;

static GMutex info_lock;

static void
server_info_free (gpointer data)
{
  ServerInfo *i = data;
  g_free (i->https_url);
  g_free (i->fingerprint);
  g_free (i->http_url);
  g_free (i->instance_name);
  g_free (i);
}

/* Call with info_lock held. */
static ServerInfo *
server_info (BzServices *svc)
{
  ServerInfo *i = g_object_get_data (G_OBJECT (svc), "bz-device-server-info");
  if (i == NULL)
    {
      i = g_new0 (ServerInfo, 1);
      g_object_set_data_full (G_OBJECT (svc), "bz-device-server-info", i, server_info_free);
    }
  return i;
}

void
bz_devices_set_server_info (BzServices *svc, const char *https_url, const char *fingerprint, const char *http_url,
                            const char *instance_name)
{
  ServerInfo *i;

  g_mutex_lock (&info_lock);
  i = server_info (svc);
  g_free (i->https_url);
  i->https_url = g_strdup (https_url);
  g_free (i->fingerprint);
  i->fingerprint = g_strdup (fingerprint);
  g_free (i->http_url);
  i->http_url = g_strdup (http_url);
  g_free (i->instance_name);
  i->instance_name = g_strdup (instance_name);
  g_mutex_unlock (&info_lock);
}

void
bz_devices_move_clock_for_testing (BzServices *svc, gint64 seconds)
{
  g_mutex_lock (&info_lock);
  server_info (svc)->clock_offset_s += seconds;
  g_mutex_unlock (&info_lock);
}

static gint64
now_unix (BzServices *svc)
{
  gint64 offset;
  g_mutex_lock (&info_lock);
  offset = server_info (svc)->clock_offset_s;
  g_mutex_unlock (&info_lock);
  return bz_auth_now_unix () + offset;
}

static char *
iso8601 (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

static void
set_or_null (BzRecord *r, guint field, const char *value)
{
  if (value)
    bz_record_set_string (r, field, value);
  else
    bz_record_set_null (r, field);
}

BzRecord *
bz_devices_get_tls_info (BzServices *svc)
{
  BzRecord *r = bz_record_new (&bz_tls_info_resource);
  ServerInfo *i;

  g_mutex_lock (&info_lock);
  i = server_info (svc);
  set_or_null (r, BZ_TLS_INFO_HTTPS_URL, i->https_url);
  set_or_null (r, BZ_TLS_INFO_FINGERPRINT, i->fingerprint);
  set_or_null (r, BZ_TLS_INFO_INSTANCE_NAME, i->instance_name);
  if (i->https_url)
    {
      g_autoptr(GUri) uri = g_uri_parse (i->https_url, G_URI_FLAGS_NONE, NULL);
      if (uri && g_uri_get_port (uri) > 0)
        bz_record_set_int (r, BZ_TLS_INFO_HTTPS_PORT, g_uri_get_port (uri));
      else
        bz_record_set_null (r, BZ_TLS_INFO_HTTPS_PORT);
    }
  else
    bz_record_set_null (r, BZ_TLS_INFO_HTTPS_PORT);
  g_mutex_unlock (&info_lock);
  return r;
}

/* --- Pairing codes ------------------------------------------------------------- */

static char *
code_hash (const char *normalized)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, normalized, -1);
}

/* The user whose phone @patient_id names for @caller: @caller's own without
 * it; a patient of @caller's (a nutritionist) with it; NOT_FOUND otherwise. */
static char *
target_user (BzStore *store, const BzCaller *caller, const char *patient_id, GError **error)
{
  char *user_id;
  g_autoptr(GError) local = NULL;

  if (patient_id == NULL)
    return g_strdup (caller->user_id);
  if (!g_uuid_string_is_valid (patient_id))
    {
      GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION, _("patient_id must be a UUID"));
      bz_error_add_detail (e, "patient_id", "invalid_format", e->message);
      g_propagate_error (error, e);
      return NULL;
    }
  user_id = caller->role == BZ_ROLE_NUTRITIONIST
            ? bz_device_repo_patient_user (store, patient_id, caller->user_id, &local) : NULL;
  if (local)
    g_propagate_error (error, g_steal_pointer (&local));
  else if (user_id == NULL)
    g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Patient not found"));
  return user_id;
}

/* balanza://pair?url=…&sha256=…&code=…&name=… (docs/pairing.md). */
static char *
qr_payload (const ServerInfo *i, const char *code)
{
  GString *s = g_string_new ("balanza://pair?v=1&url=");
  const char *url = i->https_url ? i->https_url : i->http_url;

  g_string_append_uri_escaped (s, url ? url : "", NULL, FALSE);
  if (i->https_url && i->fingerprint)
    g_string_append_printf (s, "&sha256=%s", i->fingerprint);
  g_string_append_printf (s, "&code=%s", code);
  if (i->instance_name)
    {
      g_string_append (s, "&name=");
      g_string_append_uri_escaped (s, i->instance_name, NULL, FALSE);
    }
  return g_string_free (s, FALSE);
}

BzRecord *
bz_devices_create_pairing_code (BzServices *svc, const BzCaller *caller, const char *patient_id, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *user_id = NULL, *id = g_uuid_string_random (), *hash = NULL;
  g_autofree char *created = NULL, *expires = NULL;
  g_autofree char *code = NULL;
  gint64 now = now_unix (svc);
  BzRecord *r;

  user_id = target_user (store, caller, patient_id, error);
  if (user_id == NULL)
    return NULL;
  code = bz_auth_code_new (BZ_PAIRING_CODE_CHARS);
  hash = code_hash (code);
  created = iso8601 (now);
  expires = iso8601 (now + BZ_PAIRING_CODE_TTL_S);
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_device_repo_insert_code (store, id, hash, user_id, caller->user_id, created, expires, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  if (!bz_store_commit (store, error))
    return NULL;

  r = bz_record_new (&bz_pairing_code_resource);
  bz_record_set_string (r, BZ_PAIRING_CODE_CODE, code);
  bz_record_set_string (r, BZ_PAIRING_CODE_EXPIRES_AT, expires);
  bz_record_set_int (r, BZ_PAIRING_CODE_EXPIRES_IN, BZ_PAIRING_CODE_TTL_S);
  g_mutex_lock (&info_lock);
  {
    ServerInfo *i = server_info (svc);
    set_or_null (r, BZ_PAIRING_CODE_HTTPS_URL, i->https_url);
    set_or_null (r, BZ_PAIRING_CODE_FINGERPRINT, i->https_url ? i->fingerprint : NULL);
    bz_record_take_string (r, BZ_PAIRING_CODE_QR_PAYLOAD, qr_payload (i, code));
  }
  g_mutex_unlock (&info_lock);
  sodium_memzero (code, strlen (code));
  return r;
}

/* --- The exchange ---------------------------------------------------------------- */

static void
bad_code (GError **error)
{
  g_set_error_literal (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED,
                       _("This pairing code is not valid, was already used or has expired. Ask for a new one."));
}

/* Inside the transaction: the session and the device of @user_id. */
static BzRecord *
pair_user (BzServices *svc, const char *user_id, const char *code_id, BzRecord *request, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_auto(BzUserAccount) account = { 0 };
  g_autoptr(BzCaller) caller = NULL;
  g_autoptr(BzRecord) session = NULL;
  g_autofree char *family = g_uuid_string_random (), *device_id = g_uuid_string_random ();
  g_autofree char *now = iso8601 (bz_auth_now_unix ());
  BzRecord *result;
  BzRole role;
  gint64 live = 0;

  if (!bz_user_repo_get_active (store, user_id, NULL, &account, error))
    return NULL;
  if (account.id == NULL || !bz_role_from_string (account.user_type, &role))
    {
      bad_code (error);
      return NULL;
    }
  if (!bz_device_repo_count_live (store, user_id, &live, error))
    return NULL;
  if (live >= BZ_DEVICES_PER_USER_MAX)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_CONFLICT,
                   _("This account already has %d paired devices: revoke one first"), BZ_DEVICES_PER_USER_MAX);
      return NULL;
    }
  caller = bz_caller_new (user_id, role, account.email);
  session = bz_auth_session_new_in_family (svc, caller, family, error);
  if (session == NULL ||
      !bz_device_repo_insert (store, device_id, user_id, family,
                              bz_record_get_string (request, BZ_PAIR_REQUEST_DEVICE_NAME),
                              bz_record_get_string (request, BZ_PAIR_REQUEST_PLATFORM), now, code_id, error))
    return NULL;

  result = bz_record_new (&bz_pair_result_resource);
  bz_record_set_string (result, BZ_PAIR_RESULT_ACCESS_TOKEN, bz_record_get_string (session, BZ_SESSION_ACCESS_TOKEN));
  bz_record_set_string (result, BZ_PAIR_RESULT_REFRESH_TOKEN, bz_record_get_string (session, BZ_SESSION_REFRESH_TOKEN));
  bz_record_set_string (result, BZ_PAIR_RESULT_TOKEN_TYPE, bz_record_get_string (session, BZ_SESSION_TOKEN_TYPE));
  bz_record_set_int (result, BZ_PAIR_RESULT_EXPIRES_IN, bz_record_get_int (session, BZ_SESSION_EXPIRES_IN));
  bz_record_take_object (result, BZ_PAIR_RESULT_USER,
                         g_object_ref (bz_record_get_object (session, BZ_SESSION_USER)));
  {
    BzRecord *device = bz_device_repo_get (store, device_id, NULL, NULL, error);
    if (device == NULL)
      {
        g_object_unref (result);
        return NULL;
      }
    bz_record_take_object (result, BZ_PAIR_RESULT_DEVICE, device);
  }
  return result;
}

BzRecord *
bz_devices_pair (BzServices *svc, JsonObject *body, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) request = NULL;
  g_autofree char *code = NULL, *hash = NULL, *now = NULL, *code_id = NULL, *user_id = NULL;
  g_autoptr(GError) local = NULL;
  BzRecord *result;

  request = bz_resource_parse_closed (&bz_pair_request_resource, body, NULL, &v);
  if (request && bz_record_get_string (request, BZ_PAIR_REQUEST_DEVICE_NAME))
    {
      g_autofree char *name = g_strstrip (g_strdup (bz_record_get_string (request, BZ_PAIR_REQUEST_DEVICE_NAME)));
      if (*name == '\0')
        bz_validation_add (&v, "device_name", "required", _("Name the device"));
      else
        bz_record_set_string (request, BZ_PAIR_REQUEST_DEVICE_NAME, name);
    }
  if (!bz_validation_finish (&v, error))
    return NULL;
  code = bz_auth_code_normalize (bz_record_get_string (request, BZ_PAIR_REQUEST_CODE), BZ_PAIRING_CODE_CHARS);
  if (code == NULL)
    {
      bad_code (error);
      return NULL;
    }
  hash = code_hash (code);
  now = iso8601 (now_unix (svc));
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_device_repo_take_code (store, hash, now, &code_id, &user_id, &local))
    goto fail;
  if (user_id == NULL)
    {
      bad_code (&local);
      goto fail;
    }
  result = pair_user (svc, user_id, code_id, request, &local);
  if (result == NULL || !bz_store_commit (store, &local))
    {
      g_clear_object (&result);
      goto fail;
    }
  bz_store_notify (store, "devices", user_id);
  return result;

fail:
  bz_store_rollback (store);
  g_propagate_error (error, g_steal_pointer (&local));
  return NULL;
}

/* --- Devices ---------------------------------------------------------------------- */

BzRecord *
bz_devices_list (BzServices *svc, const BzCaller *caller, const char *patient_id, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *user_id = target_user (store, caller, patient_id, error);

  return user_id ? bz_device_repo_list (store, user_id, error) : NULL;
}

BzRecord *
bz_devices_revoke (BzServices *svc, const BzCaller *caller, const char *device_id, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *owner = NULL, *family = NULL, *now = iso8601 (bz_auth_now_unix ());
  g_autoptr(BzRecord) device = NULL;
  g_autoptr(GError) local = NULL;
  gboolean allowed = FALSE;

  if (device_id == NULL || !g_uuid_string_is_valid (device_id))
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Device not found"));
      return NULL;
    }
  if (!bz_store_begin (store, error))
    return NULL;
  device = bz_device_repo_get (store, device_id, &owner, &family, &local);
  if (local)
    goto fail;
  if (device)
    allowed = g_strcmp0 (owner, caller->user_id) == 0;
  if (device && !allowed && caller->role == BZ_ROLE_NUTRITIONIST &&
      !bz_device_repo_is_patient_of (store, owner, caller->user_id, &allowed, &local))
    goto fail;
  if (!allowed)
    {
      g_set_error_literal (&local, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Device not found"));
      goto fail;
    }
  if (!bz_device_repo_revoke (store, device_id, now, &local) ||
      !bz_token_repo_revoke_family (store, family, &local) ||
      !bz_store_commit (store, &local))
    goto fail;
  bz_store_notify (store, "devices", owner);
  return bz_device_repo_get (store, device_id, NULL, NULL, error);

fail:
  bz_store_rollback (store);
  g_propagate_error (error, g_steal_pointer (&local));
  return NULL;
}

/* --- async (GIO style) ------------------------------------------------------- */

static gpointer
create_code_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_devices_create_pairing_code (svc, caller, args, error);
}

static gpointer
list_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_devices_list (svc, caller, args, error);
}

static gpointer
revoke_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_devices_revoke (svc, caller, args, error);
}

void
bz_devices_create_pairing_code_async (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                      GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_devices_create_pairing_code_async, "bz-devices", caller,
                       BZ_SERVICE_TASK_NEEDS_CALLER, create_code_work, g_strdup (patient_id), g_free,
                       g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_devices_create_pairing_code_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_devices_create_pairing_code_async, error);
}

void
bz_devices_list_async (BzServices *svc, const BzCaller *caller, const char *patient_id,
                       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_devices_list_async, "bz-devices", caller, BZ_SERVICE_TASK_NEEDS_CALLER, list_work,
                       g_strdup (patient_id), g_free, g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_devices_list_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_devices_list_async, error);
}

void
bz_devices_revoke_async (BzServices *svc, const BzCaller *caller, const char *device_id,
                         GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_devices_revoke_async, "bz-devices", caller, BZ_SERVICE_TASK_NEEDS_CALLER,
                       revoke_work, g_strdup (device_id), g_free, g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_devices_revoke_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_devices_revoke_async, error);
}
