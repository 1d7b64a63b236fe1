/* fuzz-inbody.c — an uploaded InBody export (POST /api/upload/scan-data, the
 * desk's "Import file…") through bz_inbody_parse() and the import's check,
 * bz_scans_import_check() (every row validated as a scan upload; no store).
 *
 * Checks:
 *  - bounded: at most %BZ_INBODY_MAX_ROWS rows and %BZ_INBODY_MAX_ISSUES
 *    issues kept (n_issues counts all); an input over %BZ_INBODY_MAX_BYTES
 *    gives no row;
 *  - every issue has an issue code and a message that starts with where it
 *    is ("line N", "item N" or "file"), and N is the issue's line;
 *  - CSV rows come in increasing line order, each line >= 2 (after the header);
 *  - a row's members are what the Scan declaration reads: measured_at an
 *    ISO 8601 date-time with its offset, sex "male" or "female", numbers finite;
 *  - the check's verdict agrees with the parse: %TRUE only without issues
 *    and with rows, then as many scans as rows, each with a weight within
 *    the Scan's range; %FALSE is one BZ_ERROR_VALIDATION whose details all
 *    have field, issue and message.
 */
#include "fuzz-common.h"

#include <math.h>

#include "bz-error.h"
#include "bz-inbody.h"
#include "bz-limits.h"
#include "bz-scan-import.h"

static GTimeZone *utc;

static void
check_numbers (JsonObject *o)
{
  JsonObjectIter it;
  const char *name;
  JsonNode *n;

  json_object_iter_init (&it, o);
  while (json_object_iter_next (&it, &name, &n))
    {
      if (JSON_NODE_HOLDS_OBJECT (n))
        check_numbers (json_node_get_object (n));
      else if (json_node_get_value_type (n) == G_TYPE_DOUBLE)
        BZ_FUZZ_CHECK (isfinite (json_node_get_double (n)));
    }
}

static void
check_row (BzInbodyRow *r)
{
  const char *at = json_object_get_string_member_with_default (r->input, "measured_at", NULL);
  const char *sex = json_object_get_string_member_with_default (r->input, "sex", NULL);

  BZ_FUZZ_CHECK (r->line >= 1);
  if (at)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (at, NULL);
      BZ_FUZZ_CHECK_MSG (dt != NULL, "measured_at %s", at);
    }
  if (sex)
    BZ_FUZZ_CHECK (g_str_equal (sex, "male") || g_str_equal (sex, "female"));
  check_numbers (r->input);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  bz_fuzz_init (NULL);
  utc = g_time_zone_new_utc ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(BzInbodyFile) f = bz_inbody_parse ((const char *) data, size, utc);
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) scans = NULL;
  g_autoptr(GError) error = NULL;
  gboolean csv = g_str_equal (f->format, "csv");
  guint last_line = 0;
  gboolean ok;

  BZ_FUZZ_CHECK (f->rows->len <= BZ_INBODY_MAX_ROWS);
  BZ_FUZZ_CHECK (f->issues->len <= BZ_INBODY_MAX_ISSUES && f->issues->len <= f->n_issues);
  if (size > BZ_INBODY_MAX_BYTES)
    BZ_FUZZ_CHECK (f->rows->len == 0 && f->n_issues == 1);
  for (guint i = 0; i < f->issues->len; i++)
    {
      BzInbodyIssue *is = g_ptr_array_index (f->issues, i);
      g_autofree char *where = is->line == 0 ? g_strdup ("file") :
                               g_strdup_printf (csv ? "line %u" : "item %u", is->line);
      BZ_FUZZ_CHECK (is->issue && *is->issue);
      BZ_FUZZ_CHECK_MSG (g_str_has_prefix (is->message, where), "%s / %s", is->message, where);
    }
  for (guint i = 0; i < f->rows->len; i++)
    {
      BzInbodyRow *r = g_ptr_array_index (f->rows, i);
      check_row (r);
      if (csv)
        {
          BZ_FUZZ_CHECK (r->line >= 2 && r->line > last_line);
          last_line = r->line;
        }
    }

  ok = bz_scans_import_check (bytes, NULL, &scans, &error);
  if (ok)
    {
      BZ_FUZZ_CHECK (error == NULL && f->n_issues == 0 && f->rows->len > 0);
      BZ_FUZZ_CHECK (scans->len == f->rows->len);
      for (guint i = 0; i < scans->len; i++)
        {
          double w = bz_record_get_double (g_ptr_array_index (scans, i), BZ_SCAN_WEIGHT_KG);
          BZ_FUZZ_CHECK (w >= 20 && w <= 350);
        }
    }
  else
    {
      JsonArray *d;
      BZ_FUZZ_CHECK (error && error->domain == BZ_ERROR && error->code == BZ_ERROR_VALIDATION);
      d = bz_error_get_details (error);
      BZ_FUZZ_CHECK (d != NULL && json_array_get_length (d) >= 1);
      for (guint i = 0; i < json_array_get_length (d); i++)
        {
          JsonObject *o = json_array_get_object_element (d, i);
          BZ_FUZZ_CHECK (json_object_get_string_member_with_default (o, "field", NULL) != NULL);
          BZ_FUZZ_CHECK (json_object_get_string_member_with_default (o, "issue", NULL) != NULL);
          BZ_FUZZ_CHECK (json_object_get_string_member_with_default (o, "message", NULL) != NULL);
        }
      BZ_FUZZ_CHECK (scans->len <= f->rows->len);
    }
  return 0;
}
