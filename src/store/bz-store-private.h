/* bz-store-private.h — what bz-store.c shares with the change follower
 * (bz-store-follow.c).  Not for other layers. */
#pragma once

#include "bz-store.h"

G_BEGIN_DECLS

/* Counts a follower in (TRUE) or out: while any follows, the changes this
 * process logs (bz_store_log_change()) are remembered until followed. */
void     bz_store_set_following     (BzStore *self, gboolean following);

/* Returns: whether this process logged change @version of @table row @row_id
 * (and forgets it). */
gboolean bz_store_forget_own_change (BzStore *self, gint64 version, const char *table, const char *row_id);

G_END_DECLS
