/* test-avatar-provider.c — the avatar provider interface and the local provider. */
#include <gio/gio.h>
#include <string.h>

#include "bz-error.h"
#include "bz-local-avatar-provider.h"

static void
test_generate (void)
{
  g_autoptr(BzAvatarProvider) p = bz_local_avatar_provider_new ();
  g_assert_true (BZ_IS_AVATAR_PROVIDER (p));
  g_assert_cmpstr (bz_avatar_provider_get_name (p), ==, "local");

  /* An NHANES 2017–2020 woman (first row of the female file), no tape
   * circumferences besides the examiner's three. */
  BzBodyMeasurements m = { BZ_SEX_FEMALE, 52, 160.2, 97.1, 41, 24, 0, 0, 117.9, 126.1, 35.8, 0, 0 };
  BzAvatarInfo info = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) glb = bz_avatar_provider_generate (p, &m, &info, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (glb);

  gsize size;
  const guint8 *d = g_bytes_get_data (glb, &size);
  g_assert_cmpmem (d, 4, "glTF", 4);
  g_assert_cmpuint (size % 4, ==, 0);
  g_assert_cmpuint (info.vertex_count, >, 1000);
  g_assert_cmpuint (info.vertex_count, <, 65536);
  g_assert_cmpuint (info.triangle_count, ==, 2 * info.vertex_count - 12);  /* Euler: 3 closed parts */

  /* Only the required fields. */
  BzBodyMeasurements bare = { BZ_SEX_MALE, 0, 181, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
  g_autoptr(GBytes) glb2 = bz_avatar_provider_generate (p, &bare, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (glb2);
}

static void
test_validation (void)
{
  g_autoptr(BzAvatarProvider) p = bz_local_avatar_provider_new ();
  g_autoptr(GError) error = NULL;

  BzBodyMeasurements no_height = { BZ_SEX_MALE, 30, 0, 80, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
  g_assert_null (bz_avatar_provider_generate (p, &no_height, NULL, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
  JsonArray *details = bz_error_get_details (error);
  g_assert_nonnull (details);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (details, 0), "field"),
                   ==, "height_cm");
  g_clear_error (&error);

  /* Metres instead of centimetres. */
  BzBodyMeasurements metres = { BZ_SEX_FEMALE, 30, 165, 60, 0, 0, 0, 0, 0.8, 0, 0, 0, 0 };
  g_assert_null (bz_avatar_provider_generate (p, &metres, NULL, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
  g_clear_error (&error);

  BzBodyMeasurements ok = { BZ_SEX_FEMALE, 30, 165, 60, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
  g_autoptr(GCancellable) c = g_cancellable_new ();
  g_cancellable_cancel (c);
  g_assert_null (bz_avatar_provider_generate (p, &ok, NULL, c, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/avatar-provider/generate", test_generate);
  g_test_add_func ("/avatar-provider/validation", test_validation);
  return g_test_run ();
}
