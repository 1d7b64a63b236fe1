/* bz-test-util.h — helpers shared by Balanza's tests. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * bz_test_tmpdir:
 * Returns: (transfer full): a fresh empty directory under $TMPDIR, removed by
 * bz_test_rmdir().
 */
char *bz_test_tmpdir (const char *prefix);

/** bz_test_rmdir: removes @path recursively. */
void  bz_test_rmdir  (const char *path);

/** bz_test_source_path: Returns: (transfer full): $BALANZA_SOURCE_DIR/@relative. */
char *bz_test_source_path (const char *relative);

/**
 * bz_test_png_claiming:
 * Returns: (transfer full): a structurally valid PNG (good CRCs, under 80 bytes)
 *   whose IHDR claims @w x @h pixels: a pixel bomb when large.
 */
GBytes *bz_test_png_claiming (guint32 w, guint32 h);

/**
 * bz_test_spawn_daemon:
 * @flags: extra #GSubprocessFlags (stdout is always a pipe)
 * @argv: (array zero-terminated=1): balanzad's arguments after the program
 *   name; a %NULL entry ends them (so `demo ? "--demo" : NULL` works)
 * @out_url: (out) (transfer full): "http://127.0.0.1:PORT" from its first line
 *
 * Starts the built balanzad and reads its "Balanza listening on URL" line.
 * The child is killed (SIGKILL) when the test process dies, an aborted
 * assertion included: a daemon left behind holds the test's stderr open and
 * meson waits for it until the test's timeout.
 *
 * Returns: (transfer full) (type GSubprocess): the running daemon.
 */
gpointer bz_test_spawn_daemon (int flags, const char *const *argv, char **out_url);

G_END_DECLS
