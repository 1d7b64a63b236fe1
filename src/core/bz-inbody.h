/* bz-inbody.h — reading the files an InBody body-composition analyser's
 * software exports (issue 8): the CSV of LookinBody (InBody 270, 570 and
 * 770) and the same rows as JSON.  Pure: bytes in, ScanInput objects (the
 * body of POST /api/scans/upload, bz-scan-service.h) and line errors out; the
 * service validates the values against the Scan declaration and stores them.
 *
 * Column names (matched without case, a leading "12. " item number, and a
 * trailing unit in parentheses, which is read: "(kg)", "(lb)", "(cm)",
 * "(inch)", "(%)", "(L)", "(Level)", "(°)"):
 *
 *  - LookinBody120 / LookinBody Web "Export" (one row per test, numbered
 *    item headers): "14. Test Date / Time", "3. Height", "5. Gender",
 *    "6. Age", "15. Weight", "18. TBW (Total Body Water)",
 *    "33. BFM (Body Fat Mass)", "42. SMM (Skeletal Muscle Mass)",
 *    "48. PBF (Percent Body Fat)", "51. Lean Mass of Right Arm" ... "67. Lean
 *    Mass of Left Leg", "71. ECW/TBW", "72. BFM of Right Arm" ... "80. BFM of
 *    Left Leg", "91. VFL (Visceral Fat Level)", "106. Measured Circumference
 *    of Neck" ... "113. ... of Left Thigh", and on the 770
 *    "50kHz-Whole Body Phase Angle".  The item numbers differ between
 *    models and the items the clinic selected, hence matched by label.
 *    Older LookinBody exports (InBody 230 items) quote every cell and
 *    separate them with ", ", end lines with a comma, name the segments
 *    "35. LBM of Right Arm" ..., write the date as YYYYMMDDHHMMSS and the
 *    height as "5ft. 10.0in." (read as cm) with the weight in kg.
 *  - The InBody app's and LookinBody's per-member CSV ("Date" as
 *    YYYYMMDDHHMMSS, "-" for not measured): "Weight(kg)", "Skeletal Muscle
 *    Mass(kg)", "Body Fat Mass(kg)", "Percent Body Fat(%)", "Right Arm Lean
 *    Mass(kg)" ... "Left leg Lean Mass(kg)", "Right Arm Fat Mass(kg)" ...,
 *    "Visceral Fat Level(Level)", "Total Body Water(L)", "ECW Ratio",
 *    "Whole Body Phase Angle(°)", "Waist Circumference(cm)"; pounds and
 *    inches converted.
 *
 * Sources: the labels as public importers of these exports spell them
 * (github.com, e.g. LookinBody "N. Label" columns read from Excel exports, and
 * InBody app CSV column maps, retrieved 2026-11-30; see the report of
 * issue 8); InBody publishes no format document.  A LookinBody export in
 * pounds carries no unit in its headers: Balanza reads unit-less values as
 * kg and cm (the metric setting of LookinBody, the one Mexican clinics use).
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * BzInbodyIssue:
 * @line: the 1-based line of the CSV where the row (or problem) starts; for
 *   JSON, the 1-based position of the row in its array; 0 for the file
 * @column: (nullable): the file's column header (or JSON member) concerned
 * @issue: "not_a_number", "invalid_date", "invalid_choice", "cell_count",
 *   "line_too_long", "not_text" (NUL bytes or invalid UTF-8), "empty",
 *   "missing_column", "too_many_rows", "too_many_columns", "too_large",
 *   "malformed_json", "malformed_csv", "not_a_row"
 * @message: a translated sentence: "line 7: Weight: not a number"
 */
typedef struct
{
  guint line;
  char *column;
  char *issue;
  char *message;
} BzInbodyIssue;

/**
 * BzInbodyRow:
 * @line: as #BzInbodyIssue.line
 * @input: a ScanInput object with the members the row gave: measured_at
 *   (ISO 8601 with its offset), sex ("male"/"female", or the file's text for
 *   the service to refuse), age, height_cm, weight_kg, body_fat_percent (the
 *   file's, or body fat mass / weight × 100), skeletal_muscle_mass_kg,
 *   circumferences_cm {neck, chest, waist, hip, arm, thigh}, bioimpedance
 *   {segmental_lean_mass_kg {right_arm ...}, segmental_fat_mass_kg {...},
 *   visceral_fat_level, phase_angle_deg, total_body_water_l, ecw_tbw_ratio}
 *   (bz-inbody-resources.h); values in kg, cm, L
 * @columns: member path ("weight_kg", "circumferences_cm.waist",
 *   "bioimpedance.segmental_lean_mass_kg.trunk") -> the file's column
 *   header it came from, to name the column in a later validation error;
 *   a member whose cell was refused here (an issue) is named too, though
 *   absent from @input
 */
typedef struct
{
  guint line;
  JsonObject *input;
  GHashTable *columns;
} BzInbodyRow;

/**
 * BzInbodyFile:
 * @format: "csv" or "json"
 * @rows: (element-type BzInbodyRow): the rows read, in file order
 * @issues: (element-type BzInbodyIssue): every problem found, in file
 *   order, at most %BZ_INBODY_MAX_ISSUES (then @n_issues counts the rest)
 * @n_issues: how many problems there were
 */
typedef struct
{
  const char *format;
  GPtrArray *rows;
  GPtrArray *issues;
  guint n_issues;
} BzInbodyFile;

/**
 * bz_inbody_file_free:
 * @file: (nullable) (transfer full): what bz_inbody_parse() returned
 *
 * Frees @file, its rows (their input objects and column maps) and its issues.
 */
void bz_inbody_file_free (BzInbodyFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzInbodyFile, bz_inbody_file_free)

/**
 * bz_inbody_parse_number:
 * @cell: a cell's text (surrounding blanks ignored)
 * @decimal_comma: read "67,2" as 67.2
 * @out: (out): the number
 *
 * A plain decimal number as LookinBody writes one: digits with an optional
 * sign, point and exponent; no hex, inf, nan or thousands separators.
 * Returns: %TRUE when @cell is such a number and finite.
 */
gboolean bz_inbody_parse_number (const char *cell, gboolean decimal_comma, double *out);

/**
 * bz_inbody_parse:
 * @data: (array length=len): the file's bytes (need not be NUL-terminated)
 * @len: its length, bytes
 * @tz: the time zone of dates written without one (the clinic's local
 *   time: LookinBody writes the analyser's clock)
 *
 * Reads an InBody export.  JSON when the first non-blank byte is "[" or "{"
 * (an array of rows, each an object of column name -> number or text, or an
 * object whose "results", "data" or "scans" member is such an array);
 * CSV otherwise (RFC 4180 quoting, a UTF-8 byte-order mark skipped, comma
 * separated, or semicolon separated with decimal commas as spreadsheets of
 * Spanish locales write it, or tab separated).  "-", "" and null are "not
 * measured".  Bounded: %BZ_INBODY_MAX_BYTES bytes, %BZ_INBODY_MAX_ROWS rows,
 * %BZ_INBODY_MAX_LINE bytes a line, %BZ_INBODY_MAX_COLUMNS columns; past a
 * bound reading stops with one issue.  Never fails: a file that is not an
 * export yields issues (and perhaps no rows).
 *
 * Returns: (transfer full): the rows and the issues; the import is valid
 *   only when @issues is empty.
 */
BzInbodyFile *bz_inbody_parse (const char *data, gsize len, GTimeZone *tz);

/**
 * bz_inbody_issue_add:
 * @file: the file
 * @line: as #BzInbodyIssue.line
 * @column: (nullable): the column concerned
 * @issue: the issue code
 * @what: a translated description ("not a number")
 *
 * Appends an issue, its message "line N: column: what" (or "item N" for
 * JSON rows), for the service's later checks of a row's values.
 */
void bz_inbody_issue_add (BzInbodyFile *file, guint line, const char *column, const char *issue,
                          const char *what);

G_END_DECLS
