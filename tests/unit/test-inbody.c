/* test-inbody.c — bz_inbody_parse() on the fixtures written from the
 * published export formats (tests/data/inbody, see bz-inbody.h for the
 * column names' sources) and on broken input: the values, units and dates
 * read, and every refusal with its line, column and issue. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "bz-inbody.h"
#include "bz-limits.h"

static GTimeZone *mexico;   /* UTC-6, no DST: the fixtures' clinic */

static BzInbodyFile *
parse_text (const char *text)
{
  return bz_inbody_parse (text, strlen (text), mexico);
}

static BzInbodyFile *
parse_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "inbody", name, NULL);
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_assert_no_error (error);
  return bz_inbody_parse (data, len, mexico);
}

/* The number at @path ("a.b") of row @i. */
static double
num (BzInbodyFile *f, guint i, const char *path)
{
  BzInbodyRow *r = g_ptr_array_index (f->rows, i);
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonObject *o = r->input;
  guint n = g_strv_length (parts);

  for (guint k = 0; k + 1 < n; k++)
    {
      if (!json_object_has_member (o, parts[k]))
        return NAN;
      o = json_object_get_object_member (o, parts[k]);
    }
  return json_object_has_member (o, parts[n - 1]) ? json_object_get_double_member (o, parts[n - 1]) : NAN;
}

static const char *
str (BzInbodyFile *f, guint i, const char *member)
{
  BzInbodyRow *r = g_ptr_array_index (f->rows, i);
  return json_object_get_string_member_with_default (r->input, member, NULL);
}

static BzInbodyIssue *
issue (BzInbodyFile *f, guint i)
{
  g_assert_cmpuint (f->issues->len, >, i);
  return g_ptr_array_index (f->issues, i);
}

static void
test_lookinbody_770 (void)
{
  g_autoptr(BzInbodyFile) f = parse_fixture ("lookinbody-770.csv");
  BzInbodyRow *r;

  g_assert_cmpuint (f->issues->len, ==, 0);
  g_assert_cmpstr (f->format, ==, "csv");
  g_assert_cmpuint (f->rows->len, ==, 3);
  r = g_ptr_array_index (f->rows, 0);
  g_assert_cmpuint (r->line, ==, 2);
  g_assert_cmpstr (str (f, 0, "measured_at"), ==, "2026-06-01T09:12:30-06:00");
  g_assert_cmpstr (str (f, 0, "sex"), ==, "male");
  g_assert_cmpfloat (num (f, 0, "age"), ==, 41);
  g_assert_cmpfloat (num (f, 0, "height_cm"), ==, 172);
  g_assert_cmpfloat (num (f, 0, "weight_kg"), ==, 88.4);
  g_assert_cmpfloat (num (f, 0, "body_fat_percent"), ==, 30.4);
  g_assert_cmpfloat (num (f, 0, "skeletal_muscle_mass_kg"), ==, 34.2);
  g_assert_cmpfloat (num (f, 0, "bioimpedance.segmental_lean_mass_kg.right_arm"), ==, 3.4);
  g_assert_cmpfloat (num (f, 0, "bioimpedance.segmental_lean_mass_kg.trunk"), ==, 27.8);
  g_assert_cmpfloat (num (f, 0, "bioimpedance.segmental_lean_mass_kg.left_leg"), ==, 9.5);
  g_assert_cmpfloat (num (f, 0, "bioimpedance.segmental_fat_mass_kg.trunk"), ==, 14.2);
  g_assert_cmpfloat (num (f, 0, "bioimpedance.segmental_fat_mass_kg.left_leg"), ==, 3.0);
  g_assert_cmpfloat (num (f, 0, "bioimpedance.visceral_fat_level"), ==, 12);
  g_assert_cmpfloat (num (f, 0, "bioimpedance.phase_angle_deg"), ==, 5.9);
  g_assert_cmpfloat (num (f, 0, "bioimpedance.total_body_water_l"), ==, 45.1);
  g_assert_cmpfloat (num (f, 0, "bioimpedance.ecw_tbw_ratio"), ==, 0.386);
  g_assert_cmpfloat (num (f, 0, "circumferences_cm.neck"), ==, 39.5);
  g_assert_cmpfloat (num (f, 0, "circumferences_cm.waist"), ==, 101.0);   /* "Abdomen" */
  g_assert_cmpfloat (num (f, 0, "circumferences_cm.hip"), ==, 104.5);
  g_assert_true (isnan (num (f, 0, "circumferences_cm.calf")));
  /* The column each member came from, for validation messages. */
  g_assert_cmpstr (g_hash_table_lookup (r->columns, "weight_kg"), ==, "15. Weight");
  g_assert_cmpstr (g_hash_table_lookup (r->columns, "bioimpedance.segmental_lean_mass_kg.trunk"), ==,
                   "59. Lean Mass of Trunk");
  g_assert_cmpstr (str (f, 2, "measured_at"), ==, "2026-10-05T09:20:45-06:00");
  g_assert_cmpfloat (num (f, 2, "weight_kg"), ==, 82.6);
}

/* An older LookinBody export: quoted cells after ", ", a trailing comma,
 * height in feet and inches, "LBM of <segment>". */
static void
test_lookinbody_230 (void)
{
  g_autoptr(BzInbodyFile) f = parse_fixture ("lookinbody-230.csv");

  g_assert_cmpuint (f->issues->len, ==, 0);
  g_assert_cmpuint (f->rows->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (num (f, 0, "height_cm"), 70 * 2.54, 1e-9);
  g_assert_cmpfloat (num (f, 0, "weight_kg"), ==, 87.5);
  g_assert_cmpfloat (num (f, 0, "age"), ==, 45);
  g_assert_cmpstr (str (f, 0, "measured_at"), ==, "2026-03-15T08:30:00-06:00");
  g_assert_cmpfloat (num (f, 0, "bioimpedance.segmental_lean_mass_kg.right_arm"), ==, 3.6);
  g_assert_cmpfloat (num (f, 1, "bioimpedance.segmental_lean_mass_kg.trunk"), ==, 28.6);
  g_assert_cmpfloat (num (f, 1, "body_fat_percent"), ==, 23.3);
}

static void
test_inbody_270 (void)
{
  g_autoptr(BzInbodyFile) f = parse_fixture ("inbody-270.csv");

  g_assert_cmpuint (f->issues->len, ==, 0);
  g_assert_cmpuint (f->rows->len, ==, 2);
  g_assert_cmpstr (str (f, 0, "sex"), ==, "female");
  g_assert_cmpstr (str (f, 0, "measured_at"), ==, "2026-09-01T18:30:00-06:00");
  g_assert_cmpfloat (num (f, 1, "weight_kg"), ==, 64.9);
  g_assert_cmpfloat (num (f, 1, "bioimpedance.visceral_fat_level"), ==, 8);
  g_assert_true (isnan (num (f, 1, "bioimpedance.phase_angle_deg")));   /* the 270 has none */
}

static void
test_inbody_app_units (void)
{
  g_autoptr(BzInbodyFile) f = parse_fixture ("inbody-app.csv");

  g_assert_cmpuint (f->issues->len, ==, 0);
  g_assert_cmpuint (f->rows->len, ==, 2);
  g_assert_cmpstr (str (f, 0, "measured_at"), ==, "2026-09-20T10:00:57-06:00");
  g_assert_cmpfloat_with_epsilon (num (f, 0, "weight_kg"), 161.6 * 0.45359237, 1e-9);
  g_assert_cmpfloat_with_epsilon (num (f, 0, "skeletal_muscle_mass_kg"), 72.5 * 0.45359237, 1e-9);
  g_assert_cmpfloat_with_epsilon (num (f, 0, "bioimpedance.segmental_lean_mass_kg.left_leg"), 21.0 * 0.45359237, 1e-9);
  g_assert_cmpfloat_with_epsilon (num (f, 0, "circumferences_cm.waist"), 33.1 * 2.54, 1e-9);
  g_assert_cmpfloat (num (f, 0, "body_fat_percent"), ==, 21.8);
  g_assert_cmpfloat (num (f, 0, "bioimpedance.ecw_tbw_ratio"), ==, 0.381);
  g_assert_true (isnan (num (f, 0, "bioimpedance.phase_angle_deg")));   /* "-": not measured */
  g_assert_null (str (f, 0, "sex"));                                    /* the app has none */
  g_assert_true (isnan (num (f, 0, "height_cm")));
}

static void
test_json (void)
{
  g_autoptr(BzInbodyFile) f = parse_fixture ("inbody.json");
  g_autoptr(BzInbodyFile) arr = parse_text ("[{\"Date\": \"20260101120000\", \"Weight(kg)\": 70, \"Body Fat Mass(kg)\": 14}]");

  g_assert_cmpuint (f->issues->len, ==, 0);
  g_assert_cmpstr (f->format, ==, "json");
  g_assert_cmpuint (f->rows->len, ==, 2);
  g_assert_cmpstr (str (f, 0, "measured_at"), ==, "2026-07-01T08:00:00-06:00");
  g_assert_cmpstr (str (f, 0, "sex"), ==, "female");
  g_assert_cmpfloat (num (f, 0, "bioimpedance.phase_angle_deg"), ==, 5.6);
  g_assert_cmpfloat (num (f, 0, "circumferences_cm.hip"), ==, 98.0);
  g_assert_cmpfloat (num (f, 1, "weight_kg"), ==, 60.8);             /* text "60.8" */
  g_assert_true (isnan (num (f, 1, "bioimpedance.visceral_fat_level")));   /* null */
  /* A bare array; percent body fat from body fat mass / weight. */
  g_assert_cmpuint (arr->issues->len, ==, 0);
  g_assert_cmpfloat (num (arr, 0, "body_fat_percent"), ==, 20.0);
}

static void
test_bad_number (void)
{
  g_autoptr(BzInbodyFile) f = parse_fixture ("bad-number.csv");
  BzInbodyIssue *is;

  g_assert_cmpuint (f->issues->len, ==, 1);
  is = issue (f, 0);
  g_assert_cmpuint (is->line, ==, 3);
  g_assert_cmpstr (is->column, ==, "Weight");
  g_assert_cmpstr (is->issue, ==, "not_a_number");
  g_assert_cmpstr (is->message, ==, "line 3: Weight: not a number");
}

static void
test_missing_column (void)
{
  g_autoptr(BzInbodyFile) f = parse_fixture ("missing-column.csv");

  g_assert_cmpuint (f->rows->len, ==, 0);
  g_assert_cmpuint (f->issues->len, ==, 1);
  g_assert_cmpuint (issue (f, 0)->line, ==, 1);
  g_assert_cmpstr (issue (f, 0)->column, ==, "Weight");
  g_assert_cmpstr (issue (f, 0)->issue, ==, "missing_column");
}

static void
test_too_many_rows (void)
{
  g_autoptr(BzInbodyFile) f = parse_fixture ("too-many-rows.csv");

  g_assert_cmpuint (f->rows->len, ==, BZ_INBODY_MAX_ROWS);
  g_assert_cmpuint (f->issues->len, ==, 1);
  g_assert_cmpstr (issue (f, 0)->issue, ==, "too_many_rows");
  g_assert_cmpuint (issue (f, 0)->line, ==, BZ_INBODY_MAX_ROWS + 2);
}

static void
test_not_text (void)
{
  g_autoptr(BzInbodyFile) bin = parse_fixture ("binary.bin");
  g_autoptr(BzInbodyFile) latin1 = parse_text ("Date,Weight\n20260101120000,70\n20260101120000,7\xe9\n");

  g_assert_cmpuint (bin->rows->len, ==, 0);
  g_assert_cmpstr (issue (bin, 0)->issue, ==, "not_text");
  g_assert_cmpstr (issue (latin1, 0)->issue, ==, "not_text");
  g_assert_cmpuint (issue (latin1, 0)->line, ==, 3);
  g_assert_cmpuint (latin1->rows->len, ==, 0);
}

static void
test_csv_dialects (void)
{
  /* Semicolons and decimal commas; a quoted cell with a comma and a line break. */
  g_autoptr(BzInbodyFile) semi = parse_text ("Test Date / Time;Weight;Gender\r\n2026-01-05 10:00;70,5;F\r\n");
  g_autoptr(BzInbodyFile) quoted = parse_text ("Name,Date,Weight\n\"P\xc3\xa9rez, Juan\nJr.\",20260105100000,80\n"
                                               "\"Ana \"\"A\"\"\",20260106100000,60\n");
  g_autoptr(BzInbodyFile) tabs = parse_text ("Date\tWeight(lb)\n20260105100000\t100\n");

  g_assert_cmpuint (semi->issues->len, ==, 0);
  g_assert_cmpfloat (num (semi, 0, "weight_kg"), ==, 70.5);
  g_assert_cmpuint (quoted->issues->len, ==, 0);
  g_assert_cmpuint (quoted->rows->len, ==, 2);
  g_assert_cmpuint (((BzInbodyRow *) g_ptr_array_index (quoted->rows, 1))->line, ==, 4);
  g_assert_cmpuint (tabs->issues->len, ==, 0);
  g_assert_cmpfloat_with_epsilon (num (tabs, 0, "weight_kg"), 45.359237, 1e-9);
}

static void
test_refusals (void)
{
  g_autoptr(BzInbodyFile) cells = parse_text ("Date,Weight\n20260101120000,70,1\n");
  g_autoptr(BzInbodyFile) date = parse_text ("Date,Weight\n2026-13-01,70\n");
  g_autoptr(BzInbodyFile) hex = parse_text ("Date,Weight\n20260101120000,0x46\n20260101120000,nan\n");
  g_autoptr(BzInbodyFile) sex = parse_text ("Date,Weight,Gender\n20260101120000,70,X\n");
  g_autoptr(BzInbodyFile) unit = parse_text ("Date,Weight(%)\n20260101120000,70\n");
  g_autoptr(BzInbodyFile) feet = parse_text ("Date,Weight,Height\n20260101120000,70,5ft. 13in.\n20260101120000,70,6ft\n");
  g_autoptr(BzInbodyFile) empty = parse_text ("");
  g_autoptr(BzInbodyFile) header_only = parse_text ("Date,Weight\n");
  g_autoptr(BzInbodyFile) open = parse_text ("Date,Weight\n\"20260101120000,70\n");
  g_autoptr(BzInbodyFile) json_bad = parse_text ("[{\"Weight\": 70,}]");
  g_autoptr(BzInbodyFile) json_shape = parse_text ("{\"Weight\": 70}");
  g_autoptr(BzInbodyFile) json_row = parse_text ("[1, {\"Date\": \"20260101120000\", \"Weight\": true}]");
  g_autofree char *long_line = g_strnfill (BZ_INBODY_MAX_LINE + 10, 'a');
  g_autofree char *long_text = g_strconcat ("Date,Weight\n", long_line, "\n", NULL);
  g_autoptr(BzInbodyFile) too_long = parse_text (long_text);
  g_autofree char *big = g_strnfill (BZ_INBODY_MAX_BYTES + 1, ' ');
  g_autoptr(BzInbodyFile) too_large = parse_text (big);

  g_assert_cmpstr (issue (cells, 0)->issue, ==, "cell_count");
  g_assert_cmpuint (issue (cells, 0)->line, ==, 2);
  g_assert_cmpstr (issue (date, 0)->issue, ==, "invalid_date");
  g_assert_cmpstr (issue (date, 0)->column, ==, "Date");
  g_assert_cmpuint (hex->issues->len, ==, 2);
  g_assert_cmpstr (issue (hex, 0)->issue, ==, "not_a_number");
  g_assert_cmpuint (issue (hex, 1)->line, ==, 3);
  g_assert_cmpstr (issue (sex, 0)->issue, ==, "invalid_choice");
  g_assert_cmpstr (issue (unit, 0)->issue, ==, "invalid_unit");
  g_assert_cmpuint (feet->issues->len, ==, 1);                       /* 13 inches is not a height */
  g_assert_cmpuint (issue (feet, 0)->line, ==, 2);
  g_assert_cmpfloat_with_epsilon (num (feet, 1, "height_cm"), 72 * 2.54, 1e-9);   /* "6ft" */
  g_assert_cmpstr (issue (empty, 0)->issue, ==, "empty");
  g_assert_cmpstr (issue (header_only, 0)->issue, ==, "empty");
  g_assert_cmpstr (issue (open, 0)->issue, ==, "malformed_csv");
  g_assert_cmpstr (issue (json_bad, 0)->issue, ==, "malformed_json");
  g_assert_cmpstr (issue (json_shape, 0)->issue, ==, "malformed_json");
  g_assert_cmpstr (issue (json_row, 0)->issue, ==, "not_a_row");
  g_assert_cmpstr (issue (json_row, 1)->issue, ==, "not_a_number");
  g_assert_cmpstr (issue (json_row, 1)->message, ==, "item 2: Weight: not a number");
  g_assert_cmpstr (issue (too_long, 0)->issue, ==, "line_too_long");
  g_assert_cmpstr (issue (too_large, 0)->issue, ==, "too_large");
  g_assert_cmpuint (too_large->rows->len, ==, 0);
}

/* The one number reader of the import (cells and the dialog's defaults). */
static void
test_parse_number (void)
{
  double d = 0;

  g_assert_true (bz_inbody_parse_number (" 67.2 ", FALSE, &d));
  g_assert_cmpfloat (d, ==, 67.2);
  g_assert_true (bz_inbody_parse_number ("67,2", TRUE, &d));
  g_assert_cmpfloat (d, ==, 67.2);
  g_assert_false (bz_inbody_parse_number ("67,2", FALSE, &d));
  g_assert_false (bz_inbody_parse_number ("0x1p4", FALSE, &d));
  g_assert_false (bz_inbody_parse_number ("inf", FALSE, &d));
  g_assert_false (bz_inbody_parse_number ("nan", FALSE, &d));
  g_assert_false (bz_inbody_parse_number ("1e999", FALSE, &d));
  g_assert_false (bz_inbody_parse_number ("", FALSE, &d));
  g_assert_false (bz_inbody_parse_number ("1,200.5", FALSE, &d));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  mexico = g_time_zone_new_identifier ("-06:00");
  g_test_add_func ("/inbody/parse-number", test_parse_number);
  g_test_add_func ("/inbody/lookinbody-770", test_lookinbody_770);
  g_test_add_func ("/inbody/lookinbody-230", test_lookinbody_230);
  g_test_add_func ("/inbody/inbody-270", test_inbody_270);
  g_test_add_func ("/inbody/app-units", test_inbody_app_units);
  g_test_add_func ("/inbody/json", test_json);
  g_test_add_func ("/inbody/bad-number", test_bad_number);
  g_test_add_func ("/inbody/missing-column", test_missing_column);
  g_test_add_func ("/inbody/too-many-rows", test_too_many_rows);
  g_test_add_func ("/inbody/not-text", test_not_text);
  g_test_add_func ("/inbody/csv-dialects", test_csv_dialects);
  g_test_add_func ("/inbody/refusals", test_refusals);
  return g_test_run ();
}
