/* bz-test-util.c — helpers shared by Balanza's tests. */
#include "bz-test-util.h"

#include <signal.h>
#include <sys/prctl.h>
#include <zlib.h>

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

static void
put_be32 (guint8 *p, guint32 v)
{
  p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v;
}

/* A structurally valid PNG (good CRCs) with the given IHDR size and a tiny IDAT. */
GBytes *
bz_test_png_claiming (guint32 w, guint32 h)
{
  GByteArray *a = g_byte_array_new ();
  guint8 ihdr[25] = { 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  static const guint8 idat_data[] = { 0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01 };
  guint8 head[8], crc[4];
  g_byte_array_append (a, (const guint8 *) "\x89PNG\r\n\x1a\n", 8);
  put_be32 (ihdr + 8, w);
  put_be32 (ihdr + 12, h);
  ihdr[16] = 8;  /* depth */
  ihdr[17] = 2;  /* RGB */
  put_be32 (ihdr + 21, crc32 (0, ihdr + 4, 17));
  g_byte_array_append (a, ihdr, 25);
  put_be32 (head, sizeof idat_data);
  memcpy (head + 4, "IDAT", 4);
  g_byte_array_append (a, head, 8);
  g_byte_array_append (a, idat_data, sizeof idat_data);
  put_be32 (crc, crc32 (crc32 (0, head + 4, 4), idat_data, sizeof idat_data));
  g_byte_array_append (a, crc, 4);
  g_byte_array_append (a, (const guint8 *) "\0\0\0\0IEND\xae\x42\x60\x82", 12);
  return g_byte_array_free_to_bytes (a);
}

/* The child dies with the test, even when an assertion aborts it. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

gpointer
bz_test_spawn_daemon (int flags, const char *const *argv, char **out_url)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | flags);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  GSubprocess *proc;

  g_ptr_array_add (args, g_build_filename (BZ_BUILD_DIR, "src", "balanzad", NULL));
  for (guint i = 0; argv[i]; i++)
    g_ptr_array_add (args, g_strdup (argv[i]));
  g_ptr_array_add (args, NULL);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  proc = g_subprocess_launcher_spawnv (launcher, (const char *const *) args->pdata, &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  /* The pipe stays open with the GSubprocess (g_subprocess_communicate() reads it). */
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (out), FALSE);
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "Balanza listening on http://127.0.0.1:"));
  *out_url = g_strdup (line + strlen ("Balanza listening on "));
  return proc;
}
