/* bz-machine-service.h — the gym's machines reporting themselves, and live
 * workouts (issue 10 "Real time"; seed 001 "Real-time Communication
 * Service": /api/ws/machines, /api/ws/workouts, machine heartbeat endpoints,
 * real-time availability broadcasting).  The only entry for the HTTP
 * handlers and the WebSocket channels (bz-server-ws.c); records of
 * bz-machine-resources.h and GymMachine (bz-workout-resources.h).
 *
 * Machines: staff (a nutritionist or an admin) registers a machine and gets
 * its API key once; only the key's SHA-256 is stored.  The machine reports
 * its status with its key (POST /api/machines/{id}/heartbeat, or
 * machine:status frames on /api/ws/machines) every
 * %BZ_MACHINE_HEARTBEAT_S; a change of status is broadcast as machine:status
 * (data: the GymMachine) to every socket of /api/ws/machines that a person
 * opened (members and staff: %BZ_MACHINES_ROOM).  A machine that has
 * reported and stays silent for %BZ_MACHINE_MISSED_HEARTBEATS intervals is
 * marked offline by bz_machines_sweep() (the server runs it every
 * %BZ_MACHINE_SWEEP_MS), which broadcasts that too.
 *
 * Live workouts: a member's device sends workout:progress (a set done) on
 * /api/ws/workouts; it is validated, and relayed to the member's other
 * sockets of that channel and to the sockets that watch the member
 * (workout:watch: the patient's own nutritionist only).  Live progress is
 * not stored: the completed session is logged with POST
 * /api/workouts/sessions (bz_workouts_log_session()).
 *
 * Threads: every function may run on any thread; those that read or write
 * the store use the calling thread's connection (worker threads).
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bz-machine-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/** BZ_MACHINE_KEY_HEADER: the HTTP header a machine sends its API key in
 * (the heartbeat, the /api/ws/machines handshake, OpenAPI's machineKey). */
#define BZ_MACHINE_KEY_HEADER "X-Machine-Key"

/** BZ_MACHINES_ROOM: the real-time room of the people's /api/ws/machines sockets. */
#define BZ_MACHINES_ROOM "machines"

/**
 * bz_machines_create:
 * @caller: a nutritionist or an admin (staff)
 * @input: a MachineCreate object (kind, name, zone)
 *
 * Registers a machine with a new API key: 32 random bytes (libsodium), as
 * 64 hex digits prefixed "bzm_"; the store keeps its hex SHA-256 only.  The
 * machine starts available and never heard from (lastSeen null: never
 * marked offline until it has reported once).
 *
 * Returns: (transfer full): the MachineCreated record (the key in clear,
 *   this once), or %NULL with @error: UNAUTHENTICATED, FORBIDDEN (a member),
 *   VALIDATION with field details.
 */
BzRecord *bz_machines_create (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

/**
 * bz_machines_list:
 * @caller: any signed-in user
 *
 * Returns: (transfer full): the MachineList record (every machine with its
 *   status now, and the heartbeat interval and missed count in force), or
 *   %NULL with @error (UNAUTHENTICATED).
 */
BzRecord *bz_machines_list (BzServices *svc, const BzCaller *caller, GError **error);

/**
 * bz_machines_heartbeat:
 * @machine_id: the machine (the path's id, or the socket's)
 * @api_key: (nullable): the key presented (X-Machine-Key, or the socket's)
 * @input: a MachineHeartbeat object (status, userId)
 *
 * Records a heartbeat: status, last_seen = now.  When the status changed
 * (offline to available included) machine:status is broadcast to
 * %BZ_MACHINES_ROOM.
 *
 * Returns: (transfer full): the GymMachine record after it, or %NULL with
 *   @error: UNAUTHENTICATED (no key, unknown machine or wrong key: one
 *   answer), VALIDATION with field details (status offline is the
 *   server's; userId only with in_use, and a user's).
 */
BzRecord *bz_machines_heartbeat (BzServices *svc, const char *machine_id, const char *api_key, JsonObject *input,
                                 GError **error);

/**
 * bz_machines_check_key:
 * Returns: %TRUE when @api_key is machine @machine_id's; %FALSE with
 *   @error UNAUTHENTICATED otherwise.  The /api/ws/machines handshake.
 */
gboolean  bz_machines_check_key (BzServices *svc, const char *machine_id, const char *api_key, GError **error);

/**
 * bz_machines_sweep:
 *
 * Marks offline every machine whose last heartbeat is older than
 * %BZ_MACHINE_MISSED_HEARTBEATS x the heartbeat interval
 * (bz_machines_get_heartbeat_ms()), and broadcasts machine:status for each.
 * Returns: how many went offline; 0 with @error on a database error.
 */
guint     bz_machines_sweep (BzServices *svc, GError **error);

/**
 * bz_machines_set_heartbeat_ms:
 * @ms: the interval machines are expected to report at, in milliseconds;
 *   0 restores %BZ_MACHINE_HEARTBEAT_S
 *
 * For tests (a shorter interval) and gyms whose machines report at another
 * pace.  GET /api/machines reports it (rounded up to seconds).
 */
void      bz_machines_set_heartbeat_ms (BzServices *svc, guint ms);
/** bz_machines_get_heartbeat_ms: Returns: the interval in force, in ms. */
guint     bz_machines_get_heartbeat_ms (BzServices *svc);

/**
 * bz_workouts_live_join:
 * @socket_id: a socket of /api/ws/workouts (bz-realtime.h)
 *
 * Puts a new socket of @caller in the caller's own workout room: it gets
 * the progress the caller's other devices send.  No store access.
 * Returns: %FALSE when the socket is gone.
 */
gboolean  bz_workouts_live_join (BzServices *svc, const BzCaller *caller, guint64 socket_id);

/**
 * bz_workouts_live_progress:
 * @socket_id: the sender (it does not get its own frame back)
 * @data: (nullable): the frame's data: a WorkoutProgress object
 *
 * Validates the set (bz-machine-resources.h ranges; exercise: a slug of
 * the library) and relays workout:progress, with patient_id and
 * received_at, to the member's other sockets of /api/ws/workouts and to
 * the sockets watching the member.
 * Returns: %FALSE with @error: UNAUTHENTICATED, FORBIDDEN (not a member),
 *   VALIDATION with field details.
 */
gboolean  bz_workouts_live_progress (BzServices *svc, const BzCaller *caller, guint64 socket_id, JsonObject *data,
                                     GError **error);

/**
 * bz_workouts_live_watch:
 * @patient_id: (nullable): the patient to watch
 *
 * Puts socket @socket_id in @patient_id's workout room: it gets their
 * workout:progress.  Only the patient's own nutritionist may.
 * Returns: %FALSE with @error: NOT_FOUND (anyone else, or no such
 *   patient: ids do not leak), CONFLICT (the socket watches
 *   %BZ_WS_ROOMS_MAX already).
 */
gboolean  bz_workouts_live_watch (BzServices *svc, const BzCaller *caller, guint64 socket_id, const char *patient_id,
                                  GError **error);

G_END_DECLS
