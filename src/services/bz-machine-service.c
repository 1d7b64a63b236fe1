/* bz-machine-service.c — the gym's machines and live workouts (see
 * bz-machine-service.h). */
#include "bz-machine-service.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "bz-patient-service.h"
#include "bz-realtime.h"
#include "bz-workout-service-private.h"

#define KEY_PREFIX "bzm_"
#define HEARTBEAT_MS_KEY "bz-machines-heartbeat-ms"

static gboolean
check_caller (const BzCaller *caller, GError **error)
{
  if (caller == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "%s", _("Authentication required"));
      return FALSE;
    }
  return TRUE;
}

/* Hex SHA-256 of @key: what gym_machines.api_key_hash holds. */
static char *
key_hash (const char *key)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
}

BzRecord *
bz_gym_machine_record (const BzGymMachine *m)
{
  BzRecord *r = bz_record_new (&bz_gym_machine_resource);

  bz_record_set_string (r, BZ_GYM_MACHINE_ID, m->id);
  bz_record_set_string (r, BZ_GYM_MACHINE_KIND, m->kind);
  bz_record_set_string (r, BZ_GYM_MACHINE_NAME, m->name);
  if (m->zone)
    bz_record_set_string (r, BZ_GYM_MACHINE_ZONE, m->zone);
  else
    bz_record_set_null (r, BZ_GYM_MACHINE_ZONE);
  bz_record_set_string (r, BZ_GYM_MACHINE_STATUS, m->status);
  if (m->last_seen)
    bz_record_set_string (r, BZ_GYM_MACHINE_LAST_SEEN, m->last_seen);
  else
    bz_record_set_null (r, BZ_GYM_MACHINE_LAST_SEEN);
  return r;
}

/* machine:status {GymMachine} to the people's /api/ws/machines sockets. */
static void
broadcast (BzServices *svc, BzRecord *machine)
{
  g_autoptr(JsonNode) data = bz_record_to_json_node (machine);
  bz_realtime_publish_room (bz_services_get_realtime (svc), BZ_MACHINES_ROOM, BZ_REALTIME_EVENT_MACHINE_STATUS, data);
}

BzRecord *
bz_machines_create (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL;
  g_autoptr(BzGymMachine) stored = NULL;
  g_autofree char *id = g_uuid_string_random (), *now = bz_now_iso8601 (), *key = NULL, *hash = NULL;
  guchar raw[32];
  BzGymMachine m = { 0 };
  BzRecord *out;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (!check_caller (caller, error))
    return NULL;
  if (caller->role != BZ_ROLE_NUTRITIONIST && caller->role != BZ_ROLE_ADMIN)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_FORBIDDEN, "%s", _("Only the clinic's staff can register a machine"));
      return NULL;
    }
  in = bz_resource_parse (&bz_machine_create_resource, input, NULL, &v);
  if (in && !bz_equipment_is_machine (bz_record_get_string (in, BZ_MACHINE_CREATE_KIND)))
    bz_validation_add (&v, "kind", "invalid_choice", _("Not a machine kind: free weights do not report"));
  if (!bz_validation_finish (&v, error))
    return NULL;

  randombytes_buf (raw, sizeof raw);
  {
    g_autofree char *hex = g_malloc (sizeof raw * 2 + 1);
    sodium_bin2hex (hex, sizeof raw * 2 + 1, raw, sizeof raw);
    key = g_strconcat (KEY_PREFIX, hex, NULL);
    sodium_memzero (hex, sizeof raw * 2);
  }
  sodium_memzero (raw, sizeof raw);
  hash = key_hash (key);
  m.id = id;
  m.kind = (char *) bz_record_get_string (in, BZ_MACHINE_CREATE_KIND);
  m.name = (char *) bz_record_get_string (in, BZ_MACHINE_CREATE_NAME);
  m.zone = (char *) bz_record_get_string (in, BZ_MACHINE_CREATE_ZONE);
  m.status = (char *) "available";
  if (!bz_gym_repo_insert (store, &m, hash, now, error) || !(stored = bz_gym_repo_get (store, id, error)))
    return NULL;
  out = bz_record_new (&bz_machine_created_resource);
  bz_record_take_object (out, BZ_MACHINE_CREATED_MACHINE, bz_gym_machine_record (stored));
  bz_record_take_string (out, BZ_MACHINE_CREATED_API_KEY, g_steal_pointer (&key));
  g_info ("Machine %s (%s) registered by %s", id, m.kind, caller->user_id);
  broadcast (svc, bz_record_get_object (out, BZ_MACHINE_CREATED_MACHINE));
  return out;
}

BzRecord *
bz_machines_list (BzServices *svc, const BzCaller *caller, GError **error)
{
  g_autoptr(GPtrArray) machines = NULL;
  BzRecord *out;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (!check_caller (caller, error) || !bz_gym_repo_list (bz_services_get_store (svc), &machines, error))
    return NULL;
  out = bz_record_new (&bz_machine_list_resource);
  bz_record_set_empty_array (out, BZ_MACHINE_LIST_MACHINES);
  for (guint i = 0; i < machines->len; i++)
    bz_record_append (out, BZ_MACHINE_LIST_MACHINES, bz_gym_machine_record (g_ptr_array_index (machines, i)));
  bz_record_set_int (out, BZ_MACHINE_LIST_HEARTBEAT_SECONDS, (bz_machines_get_heartbeat_ms (svc) + 999) / 1000);
  bz_record_set_int (out, BZ_MACHINE_LIST_MISSED_HEARTBEATS, BZ_MACHINE_MISSED_HEARTBEATS);
  return out;
}

static gboolean
unauthenticated (GError **error)
{
  g_set_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "%s", _("Unknown machine or wrong machine key"));
  return FALSE;
}

gboolean
bz_machines_check_key (BzServices *svc, const char *machine_id, const char *api_key, GError **error)
{
  g_autofree char *hash = NULL;
  g_autoptr(GError) local = NULL;

  if (machine_id == NULL || api_key == NULL || !g_str_has_prefix (api_key, KEY_PREFIX))
    return unauthenticated (error);
  hash = key_hash (api_key);
  if (!bz_gym_repo_check_key (bz_services_get_store (svc), machine_id, hash, &local))
    {
      if (g_error_matches (local, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED))
        return unauthenticated (error);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

BzRecord *
bz_machines_heartbeat (BzServices *svc, const char *machine_id, const char *api_key, JsonObject *input,
                       GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL;
  g_autoptr(BzGymMachine) m = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *hash = NULL, *now = bz_now_iso8601 (), *old = NULL;
  const char *status, *user_id;
  BzRecord *out;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  /* The key first: an unauthenticated caller learns nothing of the body's rules. */
  if (!bz_machines_check_key (svc, machine_id, api_key, error))
    return NULL;
  in = bz_resource_parse_closed (&bz_machine_heartbeat_resource, input, NULL, &v);
  status = in ? bz_record_get_string (in, BZ_MACHINE_HEARTBEAT_STATUS) : NULL;
  user_id = in ? bz_record_get_string (in, BZ_MACHINE_HEARTBEAT_USER_ID) : NULL;
  if (g_strcmp0 (status, "offline") == 0)
    bz_validation_add (&v, "status", "invalid_choice", _("Offline is set by the server when a machine stops reporting"));
  if (user_id && g_strcmp0 (status, "in_use") != 0)
    bz_validation_add (&v, "userId", "invalid_combination", _("A user only with the status in_use"));
  if (!bz_validation_finish (&v, error))
    return NULL;
  hash = key_hash (api_key);
  if (!bz_gym_repo_heartbeat (store, machine_id, hash, status, user_id, now, &old, &local))
    {
      if (g_error_matches (local, BZ_ERROR, BZ_ERROR_VALIDATION))
        {
          bz_validation_add (&v, "userId", "not_found", _("No such user"));
          bz_validation_finish (&v, error);
        }
      else if (g_error_matches (local, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED))
        unauthenticated (error);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (!(m = bz_gym_repo_get (store, machine_id, error)))
    return NULL;
  out = bz_gym_machine_record (m);
  if (g_strcmp0 (old, status) != 0)
    broadcast (svc, out);
  return out;
}

void
bz_machines_set_heartbeat_ms (BzServices *svc, guint ms)
{
  g_object_set_data (G_OBJECT (svc), HEARTBEAT_MS_KEY, GUINT_TO_POINTER (ms));
}

guint
bz_machines_get_heartbeat_ms (BzServices *svc)
{
  guint ms = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (svc), HEARTBEAT_MS_KEY));
  return ms ? ms : BZ_MACHINE_HEARTBEAT_S * 1000;
}

guint
bz_machines_sweep (BzServices *svc, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) cut = g_date_time_add (now, -(GTimeSpan) bz_machines_get_heartbeat_ms (svc)
                                                   * BZ_MACHINE_MISSED_HEARTBEATS * 1000);
  g_autofree char *cutoff = g_date_time_format (cut, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(GPtrArray) ids = NULL;

  if (!bz_gym_repo_mark_offline (store, cutoff, stamp, &ids, error))
    return 0;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(BzGymMachine) m = bz_gym_repo_get (store, g_ptr_array_index (ids, i), &local);
      g_autoptr(BzRecord) r = NULL;
      if (m == NULL)
        continue;   /* deleted meanwhile */
      g_info ("Machine %s is offline: no heartbeat since %s", m->id, m->last_seen);
      r = bz_gym_machine_record (m);
      broadcast (svc, r);
    }
  return ids->len;
}

/* --- Live workouts ---------------------------------------------------------- */

static char *
own_room (const char *user_id)
{
  return g_strconcat ("workout:user:", user_id, NULL);
}

static char *
watch_room (const char *patient_id)
{
  return g_strconcat ("workout:watch:", patient_id, NULL);
}

gboolean
bz_workouts_live_join (BzServices *svc, const BzCaller *caller, guint64 socket_id)
{
  g_autofree char *room = NULL;

  if (caller == NULL || caller->role != BZ_ROLE_PATIENT)
    return TRUE;   /* only members send progress */
  room = own_room (caller->user_id);
  return bz_realtime_join_room (bz_services_get_realtime (svc), socket_id, room);
}

gboolean
bz_workouts_live_progress (BzServices *svc, const BzCaller *caller, guint64 socket_id, JsonObject *data,
                           GError **error)
{
  BzRealtime *hub = bz_services_get_realtime (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *patient = NULL, *mine = NULL, *watchers = NULL;
  const BzExerciseLibrary *lib;

  if (!check_caller (caller, error))
    return FALSE;
  if (caller->role != BZ_ROLE_PATIENT)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_FORBIDDEN, "%s", _("Only a member sends the progress of a workout"));
      return FALSE;
    }
  if (!(lib = bz_workout_library (error)))
    return FALSE;
  in = bz_resource_parse_closed (&bz_workout_progress_resource, data, NULL, &v);
  if (in && !bz_exercise_library_lookup (lib, bz_record_get_string (in, BZ_WORKOUT_PROGRESS_EXERCISE)))
    bz_validation_add (&v, "exercise", "unknown", _("Not an exercise of the library"));
  if (!bz_validation_finish (&v, error))
    return FALSE;
  if (!(patient = bz_patients_resolve (svc, caller, NULL, error)))
    return FALSE;
  bz_record_set_string (in, BZ_WORKOUT_PROGRESS_PATIENT_ID, patient);
  bz_record_take_string (in, BZ_WORKOUT_PROGRESS_RECEIVED_AT, bz_now_iso8601 ());
  if (!bz_record_has (in, BZ_WORKOUT_PROGRESS_LOAD_KG))
    bz_record_set_null (in, BZ_WORKOUT_PROGRESS_LOAD_KG);
  if (!bz_record_has (in, BZ_WORKOUT_PROGRESS_HEART_RATE))
    bz_record_set_null (in, BZ_WORKOUT_PROGRESS_HEART_RATE);
  node = bz_record_to_json_node (in);
  mine = own_room (caller->user_id);
  watchers = watch_room (patient);
  bz_realtime_publish_room_except (hub, mine, socket_id, BZ_REALTIME_EVENT_WORKOUT_PROGRESS, node);
  bz_realtime_publish_room (hub, watchers, BZ_REALTIME_EVENT_WORKOUT_PROGRESS, node);
  return TRUE;
}

gboolean
bz_workouts_live_watch (BzServices *svc, const BzCaller *caller, guint64 socket_id, const char *patient_id,
                        GError **error)
{
  g_autofree char *patient = NULL, *room = NULL;
  g_autoptr(GError) local = NULL;

  if (!check_caller (caller, error))
    return FALSE;
  /* The patient's own nutritionist only: anyone else, or an id that is no
   * patient of theirs, reads as unknown. */
  if (caller->role != BZ_ROLE_NUTRITIONIST || patient_id == NULL ||
      !(patient = bz_patients_resolve (svc, caller, patient_id, &local)))
    {
      if (local && bz_error_http_status (local) >= 500)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "%s", _("Patient not found"));
      return FALSE;
    }
  room = watch_room (patient);
  if (!bz_realtime_join_room (bz_services_get_realtime (svc), socket_id, room))
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_CONFLICT, _("A connection watches at most %d members"), BZ_WS_ROOMS_MAX);
      return FALSE;
    }
  return TRUE;
}
