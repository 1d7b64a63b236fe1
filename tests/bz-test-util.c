/* bz-test-util.c — helpers shared by Balanza's tests. */
#include "bz-test-util.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "config.h"

char *
bz_test_tmpdir (const char *prefix)
{
  g_autofree char *tmpl = g_strdup_printf ("bz-%s-XXXXXX", prefix);
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);
  g_assert_no_error (error);
  return dir;
}

static void
rm_rf (GFile *file)
{
  g_autoptr(GFileEnumerator) e = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (e)
    {
      GFileInfo *info;
      while ((info = g_file_enumerator_next_file (e, NULL, NULL)))
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));
          rm_rf (child);
          g_object_unref (info);
        }
    }
  g_file_delete (file, NULL, NULL);
}

void
bz_test_rmdir (const char *path)
{
  g_autoptr(GFile) f = g_file_new_for_path (path);
  rm_rf (f);
}

char *
bz_test_source_path (const char *relative)
{
  const char *top = g_getenv ("BALANZA_SOURCE_DIR");
  return g_build_filename (top ? top : BZ_SOURCE_DIR, relative, NULL);
}
