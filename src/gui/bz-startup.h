/* bz-startup.h — opening the runtime for a window: progress, then sign-in. */
#pragma once

#include "bz-runtime.h"
#include "bz-window.h"

G_BEGIN_DECLS

/**
 * bz_startup_run:
 * @window: shows the start-up progress, then the sign-in page (or the error page)
 * @opts: (transfer none): copied
 * @callback: runs on the calling thread's main context when done
 *
 * On a worker thread runs bz_runtime_open() (its progress shown on @window)
 * and bz_runtime_start_server(); then gives @window the runtime's services
 * (bz_window_set_services()) and the phones' status row.
 */
void       bz_startup_run        (BzWindow *window, const BzRuntimeOptions *opts,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data);

/**
 * bz_startup_run_finish:
 * Returns: (transfer full): the running runtime, which the caller owns and
 *   shuts down (bz_runtime_shutdown()); or %NULL with @error.
 */
BzRuntime *bz_startup_run_finish (BzWindow *window, GAsyncResult *result, GError **error);

G_END_DECLS
