/* bz-sync-service.h — the phones' delta sync (issue 9, "Phones": GET
 * /api/v1/sync/changes).
 *
 * A phone asks for the changes after its cursor and gets, oldest first, one
 * entry per record that changed: an upsert with the record as the API shows
 * it (Meal, Scan with its avatar, Avatar, MealPlanSummary, PatientInfo,
 * Recipe), or a tombstone for a deletion; then a next cursor and whether
 * more follow.  Whose records (BzSyncScope, from the change log's
 * patient_id, data/sql/018_sync_changes.sql): a member gets their own
 * patient's; a nutritionist the patients assigned to them now (drafts of
 * plans included); everyone the published recipes and their own.
 *
 * Full sync: without a cursor the walk starts at version 0 of the change
 * log.  The retention prune (bz_sync_prune()) keeps each live row's latest
 * change, so that walk still meets every record the caller may see, page
 * by page with the same code as a delta (no separate snapshot query).  A
 * cursor below the prune's horizon lost tombstones: 410
 * SYNC_CURSOR_EXPIRED with a detail {field "since", issue "expired",
 * resync "/api/v1/sync/changes"}; the phone drops its copy and syncs
 * without a cursor.
 *
 * Cursor: base64url (RFC 4648 §5, no padding) of "v1:", the log's version
 * and the horizon when it was given, opaque to phones.  A cursor below the
 * horizon stays good while no prune ran since it was given (a full sync
 * walks the kept changes below the horizon); once one ran, it answers 410.
 * After the last page the cursor names the log's latest version at the
 * time of the request, so an empty delta later reads only newer changes.
 */
#pragma once

#include "bz-services.h"
#include "bz-sync-resources.h"

G_BEGIN_DECLS

/**
 * bz_sync_cursor_encode:
 * @version: a change log version (>= 0)
 * @horizon: the prune horizon when the cursor is given (bz_sync_repo_bounds())
 *
 * Returns: (transfer full): the opaque cursor.
 */
char     *bz_sync_cursor_encode (gint64 version, gint64 horizon);

/**
 * bz_sync_cursor_decode:
 * @cursor: a cursor from a phone (any text)
 * @out_version: (out): its version
 * @out_horizon: (out): the horizon it was given at
 *
 * Returns: %TRUE when @cursor is one bz_sync_cursor_encode() wrote.
 */
gboolean  bz_sync_cursor_decode (const char *cursor, gint64 *out_version, gint64 *out_horizon);

/**
 * bz_sync_changes:
 * @caller: who asks
 * @since: (nullable): a next_cursor of an earlier page; %NULL: a full sync
 * @limit: changes per page, 1..%BZ_SYNC_LIMIT_MAX (the handler validated it)
 * @error: VALIDATION (since: invalid_format, with a field detail),
 *   SYNC_CURSOR_EXPIRED (410: a cursor below the retention horizon, or
 *   ahead of the log: a restored database), INTERNAL
 *
 * One page of the caller's changes: at most @limit changes of the log are
 * read (one statement) and folded to one entry per record (the latest op
 * wins), then the records of the upserts are read per table in one batch
 * (meals two statements, scans, avatars and plans one; patient records and
 * recipes one get each).  An upsert whose record is gone or no longer
 * visible by the time of the read is left out: its later change follows.
 * Read-only; nothing is audited (the phone is the member's own; a
 * nutritionist's desk reads of a patient file are).
 *
 * Returns: (transfer full): a SyncPage record; %NULL with @error.
 */
BzRecord *bz_sync_changes (BzServices *svc, const BzCaller *caller, const char *since, guint limit,
                           GError **error);

/**
 * bz_sync_prune:
 * @retention_days: changes older than this many days go (%BZ_SYNC_RETENTION_DAYS)
 * @out_pruned: (out) (optional): how many changes were removed
 * @error: INTERNAL or UNAVAILABLE on a database error
 *
 * The change log's retention (bz_sync_repo_prune()): run at start-up by
 * bz-runtime.c.  Cursors older than the removed changes then answer 410.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_sync_prune (BzServices *svc, guint retention_days, guint *out_pruned, GError **error);

G_END_DECLS
