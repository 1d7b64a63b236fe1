/* bz-resilient-private.h — what bz-resilient.c takes from
 * bz-resilient-clock.c: the real clock and the deadline's timer.  Not for
 * other files. */
#pragma once

#include "bz-resilient.h"

G_BEGIN_DECLS

/** bz_resilient_clock_fill: sets each function of @clock left %NULL to the real one
 * (g_get_real_time(), a wait on the cancellable's fd, g_random_double()). */
void          bz_resilient_clock_fill (BzResilientClock *clock);

/** bz_resilient_timer_context: Returns: (transfer none): the context of the
 * timers' thread "bz-resilient-timer", started on first use and kept for the
 * life of the process. */
GMainContext *bz_resilient_timer_context (void);

/** bz_resilient_deadline_passed: a #GSourceFunc that cancels its data, a #GCancellable. */
gboolean      bz_resilient_deadline_passed (gpointer cancellable);

/** bz_resilient_cancel_child: a #GCancellable::cancelled handler that cancels @child. */
void          bz_resilient_cancel_child (GCancellable *parent, gpointer child);

G_END_DECLS
