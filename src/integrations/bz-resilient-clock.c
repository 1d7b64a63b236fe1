/* bz-resilient-clock.c — BzResilient's real clock and the deadline's timer
 * thread (see bz-resilient-private.h). */
#include "bz-resilient-private.h"

/* --- The real clock ----------------------------------------------------------- */

static gint64
real_now (gpointer data)
{
  return g_get_real_time ();
}

static gboolean
real_sleep (gint64 us, GCancellable *cancellable, gpointer data)
{
  GPollFD fd;

  if (us <= 0)
    return !g_cancellable_is_cancelled (cancellable);
  if (cancellable == NULL || !g_cancellable_make_pollfd (cancellable, &fd))
    {
      g_usleep (us);
      return TRUE;
    }
  g_poll (&fd, 1, (int) MIN ((us + 999) / 1000, G_MAXINT));
  g_cancellable_release_fd (cancellable);
  return !g_cancellable_is_cancelled (cancellable);
}

static double
real_random (gpointer data)
{
  return g_random_double ();
}

/* --- The deadline's timer: a thread that cancels attempts past their time ---- */

static gpointer
run_timer (gpointer loop)
{
  g_main_loop_run (loop);   /* for the life of the process */
  return NULL;
}

/* The timers' context, run by one thread started on first use. */
GMainContext *
bz_resilient_timer_context (void)
{
  static GMainContext *context;

  if (g_once_init_enter (&context))
    {
      GMainContext *c = g_main_context_new ();
      g_thread_unref (g_thread_new ("bz-resilient-timer", run_timer, g_main_loop_new (c, FALSE)));
      g_once_init_leave (&context, c);
    }
  return context;
}

gboolean
bz_resilient_deadline_passed (gpointer data)
{
  g_cancellable_cancel (G_CANCELLABLE (data));
  return G_SOURCE_REMOVE;
}

void
bz_resilient_cancel_child (GCancellable *parent, gpointer child)
{
  g_cancellable_cancel (G_CANCELLABLE (child));
}

void
bz_resilient_clock_fill (BzResilientClock *clock)
{
  if (!clock->now_us)
    clock->now_us = real_now;
  if (!clock->sleep_us)
    clock->sleep_us = real_sleep;
  if (!clock->random01)
    clock->random01 = real_random;
}
