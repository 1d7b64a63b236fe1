/* bz-store-private.h — what bz-store.c shares with the change follower
 * (bz-store-follow.c) and the statement cache (bz-store-stmts.c).  Not for
 * other layers. */
#pragma once

#include "bz-store.h"

G_BEGIN_DECLS

/* Counts a follower in (TRUE) or out: while any follows, the changes this
 * process logs (bz_store_log_change()) are remembered until followed. */
void     bz_store_set_following     (BzStore *self, gboolean following);

/* Returns: whether this process logged change @version of @table row @row_id
 * (and forgets it). */
gboolean bz_store_forget_own_change (BzStore *self, gint64 version, const char *table, const char *row_id);

/* Finalizes @db's cached statements (bz_db_prepare()); call before closing
 * @db, so a later connection at the same address starts with an empty cache. */
void     bz_store_stmt_cache_drop   (sqlite3 *db);

G_END_DECLS
