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

G_END_DECLS
