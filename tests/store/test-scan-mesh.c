/* test-scan-mesh.c — the body model's mesh of a stored scan for the kiosk's
 * morph (bz-scan-mesh-service.h, issue 8), on the demo clinic (bz-demo.c).
 *
 * paciente01 has five scans over about eight months whose waist shrinks and
 * whose arm and thigh grow; the mesh of the first and of the last scan have
 * the same vertices and triangles (the body model's promise the morph relies
 * on) at every LOD, and differ in their positions; the member, and the
 * nutritionist, get it; another member, an unknown scan and LOD 3 are
 * refused. */
#include <math.h>

#include "bz-body-model.h"
#include "bz-demo.h"
#include "bz-scan-mesh-service.h"
#include "bz-scan-service.h"
#include "bz-test-util.h"
#include "bz-usda-import.h"

static char *
text_of (BzStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), sql, &error);

  g_assert_no_error (error);
  if (sqlite3_step (st) != SQLITE_ROW)
    return NULL;
  return bz_db_column_text_dup (st, 0);
}

static double
circ (BzRecord *scan, guint field)
{
  BzRecord *c = bz_record_get_object (scan, BZ_SCAN_CIRCUMFERENCES_CM);
  g_assert_nonnull (c);
  g_assert_true (bz_record_has (c, field));
  return bz_record_get_double (c, field);
}

static void
test_scan_mesh (void)
{
  g_autofree char *dir = bz_test_tmpdir ("scan-mesh");
  g_autofree char *foods = bz_usda_default_source_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  g_autoptr(BzServices) svc = NULL;
  g_autoptr(BzRecord) list = NULL;
  g_autoptr(BzCaller) member = NULL, other = NULL, staff = NULL;
  g_autofree char *user = NULL, *other_user = NULL, *staff_user = NULL;
  BzRecord *first, *last;
  guint n;

  g_assert_no_error (error);
  g_assert_true (bz_usda_import (store, foods, NULL, NULL, NULL, &error));
  svc = bz_services_new (store);
  g_assert_true (bz_demo_create (svc, NULL, &error));
  g_assert_no_error (error);

  user = text_of (store, "SELECT id FROM users WHERE email = 'paciente01@balanza.local'");
  other_user = text_of (store, "SELECT id FROM users WHERE email = 'paciente02@balanza.local'");
  staff_user = text_of (store, "SELECT id FROM users WHERE email = '" BZ_DEMO_NUTRITIONIST_EMAIL "'");
  member = bz_caller_new (user, BZ_ROLE_PATIENT, "paciente01@balanza.local");
  other = bz_caller_new (other_user, BZ_ROLE_PATIENT, "paciente02@balanza.local");
  staff = bz_caller_new (staff_user, BZ_ROLE_NUTRITIONIST, BZ_DEMO_NUTRITIONIST_EMAIL);

  /* The showcase: five scans, newest first, over more than seven months;
   * the trunk shrinks and the limbs grow. */
  list = bz_scans_get_list (svc, member, NULL, &error);
  g_assert_no_error (error);
  n = bz_record_get_n_items (list, BZ_SCAN_LIST_SCANS);
  g_assert_cmpuint (n, ==, 5);
  last = bz_record_get_item (list, BZ_SCAN_LIST_SCANS, 0);
  first = bz_record_get_item (list, BZ_SCAN_LIST_SCANS, n - 1);
  {
    g_autoptr(GDateTime) t0 = g_date_time_new_from_iso8601 (bz_record_get_string (first, BZ_SCAN_MEASURED_AT), NULL);
    g_autoptr(GDateTime) t1 = g_date_time_new_from_iso8601 (bz_record_get_string (last, BZ_SCAN_MEASURED_AT), NULL);
    g_assert_cmpint (g_date_time_difference (t1, t0) / G_TIME_SPAN_DAY, >=, 210);
  }
  g_assert_cmpfloat (circ (last, BZ_CIRCUMFERENCES_WAIST), <, circ (first, BZ_CIRCUMFERENCES_WAIST) - 5);
  g_assert_cmpfloat (circ (last, BZ_CIRCUMFERENCES_HIP), <, circ (first, BZ_CIRCUMFERENCES_HIP));
  g_assert_cmpfloat (circ (last, BZ_CIRCUMFERENCES_CHEST), <, circ (first, BZ_CIRCUMFERENCES_CHEST));
  g_assert_cmpfloat (circ (last, BZ_CIRCUMFERENCES_ARM), >, circ (first, BZ_CIRCUMFERENCES_ARM));
  g_assert_cmpfloat (circ (last, BZ_CIRCUMFERENCES_THIGH), >, circ (first, BZ_CIRCUMFERENCES_THIGH) + 1);
  g_assert_cmpfloat (bz_record_get_double (last, BZ_SCAN_WEIGHT_KG), <, bz_record_get_double (first, BZ_SCAN_WEIGHT_KG));
  g_assert_cmpfloat (bz_record_get_double (last, BZ_SCAN_BODY_FAT_PERCENT), <,
                     bz_record_get_double (first, BZ_SCAN_BODY_FAT_PERCENT));

  /* Same topology at every LOD, different shape; finer LODs have more vertices. */
  for (guint lod = 0; lod <= 2; lod++)
    {
      g_autoptr(BzScanMesh) a = bz_scans_avatar_mesh (svc, member, bz_record_get_string (first, BZ_SCAN_ID), lod, &error);
      g_assert_no_error (error);
      g_autoptr(BzScanMesh) b = bz_scans_avatar_mesh (svc, staff, bz_record_get_string (last, BZ_SCAN_ID), lod, &error);
      g_assert_no_error (error);
      g_autoptr(BzScanMesh) mid = bz_scans_avatar_mesh (svc, member,
                                                        bz_record_get_string (bz_record_get_item (list, BZ_SCAN_LIST_SCANS, 2),
                                                                              BZ_SCAN_ID), lod, &error);
      g_assert_no_error (error);
      double moved = 0;

      g_assert_cmpuint (a->lod, ==, lod);
      g_assert_cmpstr (a->sex, ==, bz_record_get_string (first, BZ_SCAN_SEX));
      g_assert_cmpuint (bz_scan_mesh_vertex_count (a), >, 500);
      g_assert_cmpuint (a->normals->len, ==, a->positions->len);
      g_assert_true (bz_scan_mesh_same_topology (a, b));
      g_assert_true (bz_scan_mesh_same_topology (a, mid));
      for (guint i = 0; i < a->positions->len; i++)
        moved = MAX (moved, fabs (g_array_index (a->positions, float, i) - g_array_index (b->positions, float, i)));
      g_assert_cmpfloat (moved, >, 0.005);   /* metres: centimetres of change show */
      /* the height is the scan's: the top of the head */
      g_assert_cmpfloat_with_epsilon (b->max[1], bz_record_get_double (last, BZ_SCAN_HEIGHT_CM) / 100, 1e-3);
      if (lod > 0)
        {
          g_autoptr(BzScanMesh) finer = bz_scans_avatar_mesh (svc, member, bz_record_get_string (first, BZ_SCAN_ID),
                                                              lod - 1, &error);
          g_assert_cmpuint (bz_scan_mesh_vertex_count (finer), >, bz_scan_mesh_vertex_count (a));
        }
    }

  /* Refusals: another member (the same answer as an unknown scan), LOD 3. */
  {
    g_autoptr(BzScanMesh) m = bz_scans_avatar_mesh (svc, other, bz_record_get_string (first, BZ_SCAN_ID), 0, &error);
    g_assert_null (m);
    g_assert_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  {
    g_autoptr(BzScanMesh) m = bz_scans_avatar_mesh (svc, member, "00000000-0000-4000-8000-000000000000", 0, &error);
    g_assert_null (m);
    g_assert_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  {
    g_autoptr(BzScanMesh) m = bz_scans_avatar_mesh (svc, member, bz_record_get_string (first, BZ_SCAN_ID), 3, &error);
    g_assert_null (m);
    g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
    g_clear_error (&error);
  }

  /* The preview of a scan not yet saved (the desk's dialog): the body a
   * scan of these values gets, the estimate when no body fat is given, the
   * typed one otherwise; another member's patient and bad values refused;
   * nothing stored. */
  {
    g_autofree char *scans_before = text_of (store, "SELECT count(*) FROM body_scans");
    g_autofree char *patient01 = text_of (store, "SELECT p.id FROM patients p JOIN users u ON u.id = p.user_id "
                                                 "WHERE u.email = 'paciente01@balanza.local'");
    g_autofree char *scans_after = NULL;
    g_autoptr(JsonObject) input = json_object_new ();
    JsonObject *c = json_object_new ();
    BzBodyMeasurements m = { .sex = BZ_SEX_FEMALE, .age_years = 35, .height_cm = 162, .weight_kg = 68, .waist_cm = 84,
                             .hip_cm = 104, .neck_cm = 33 };

    json_object_set_string_member (input, "patient_id", patient01);
    json_object_set_string_member (input, "measured_at", "2026-11-30");
    json_object_set_string_member (input, "sex", "female");
    json_object_set_int_member (input, "age", 35);
    json_object_set_double_member (input, "height_cm", 162);
    json_object_set_double_member (input, "weight_kg", 68);
    json_object_set_double_member (c, "waist", 84);
    json_object_set_double_member (c, "hip", 104);
    json_object_set_double_member (c, "neck", 33);
    json_object_set_object_member (input, "circumferences_cm", c);
    {
      g_autoptr(BzScanMesh) p = bz_scans_preview_mesh (svc, staff, input, 1, &error);
      g_autoptr(BzMesh) body = bz_body_model_build (&m, 1);
      g_assert_no_error (error);
      g_assert_null (p->scan_id);
      g_assert_cmpuint (p->positions->len, ==, body->positions->len);
      g_assert_cmpmem (p->positions->data, p->positions->len * sizeof (float),
                       body->positions->data, body->positions->len * sizeof (float));
      g_assert_cmpfloat (p->body_fat_percent, ==, bz_body_model_implied_body_fat (&m));
    }
    json_object_set_double_member (input, "body_fat_percent", 28);
    {
      g_autoptr(BzScanMesh) p = bz_scans_preview_mesh (svc, member, input, 2, &error);
      g_assert_no_error (error);
      g_assert_cmpfloat (p->body_fat_percent, ==, 28);
    }
    {
      g_autoptr(BzScanMesh) p = bz_scans_preview_mesh (svc, other, input, 2, &error);
      g_assert_null (p);
      g_assert_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }
    json_object_set_double_member (input, "height_cm", -5);
    {
      g_autoptr(BzScanMesh) p = bz_scans_preview_mesh (svc, staff, input, 1, &error);
      g_assert_null (p);
      g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
      g_clear_error (&error);
    }
    scans_after = text_of (store, "SELECT count(*) FROM body_scans");
    g_assert_cmpstr (scans_after, ==, scans_before);
  }

  g_clear_object (&svc);
  g_clear_object (&store);
  bz_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scans/avatar-mesh", test_scan_mesh);
  return g_test_run ();
}
