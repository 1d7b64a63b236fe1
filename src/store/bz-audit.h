/* bz-audit.h — the record-access audit (who read whose health record), written
 * off the request path.
 *
 * LFPDPPP (seed 002 §7) asks the clinic to know who accessed a patient's data.
 * Writing one audit row per staff GET, each in its own transaction, cost an
 * fsync per request (a nutritionist's GET took 4x a member's).  Instead each
 * read enqueues its row (actor, patient, action, time of the read) and one
 * writer thread, with its own connection, inserts what has queued in one
 * transaction every %BZ_AUDIT_FLUSH_MS or %BZ_AUDIT_BATCH rows.  A clean
 * shutdown (bz_audit_log_free()) writes everything queued; a crash may lose
 * the last %BZ_AUDIT_FLUSH_MS of audit rows, never data.
 */
#pragma once

#include "bz-store.h"

G_BEGIN_DECLS

#define BZ_AUDIT_FLUSH_MS 200
#define BZ_AUDIT_BATCH    512

typedef struct _BzAuditLog BzAuditLog;

/**
 * bz_audit_log_new:
 * @store: (transfer none): the store; must outlive the log
 *
 * Returns: (transfer full): a log with its writer thread running.
 */
BzAuditLog *bz_audit_log_new    (BzStore *store);

/**
 * bz_audit_log_record:
 * @actor_id: the staff user who read
 * @patient_id: whose record
 * @action: what was read ("read_patient", "meal_history", ...)
 *
 * Queues one row stamped with the current time.  Thread-safe; never blocks
 * on the database.
 */
void        bz_audit_log_record (BzAuditLog *log, const char *actor_id, const char *patient_id,
                                 const char *action);

/** bz_audit_log_flush: blocks until every row queued before the call is committed. */
void        bz_audit_log_flush  (BzAuditLog *log);

/** bz_audit_log_free: writes every queued row, stops the writer, frees @log. */
void        bz_audit_log_free   (BzAuditLog *log);

G_END_DECLS
