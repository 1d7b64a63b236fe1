/* test-ics.c — the RFC 5545 writer (src/core/bz-ics.[ch]): folding at 75
 * octets without splitting UTF-8 (§3.1), TEXT escaping (§3.3.11), UTC
 * DATE-TIME (§3.3.5) and a whole VEVENT read back. */
#include <string.h>

#include "bz-ics.h"

/* Splits @ics at CRLF; asserts no bare LF or CR, each physical line at most
 * 75 octets and valid UTF-8, and returns the unfolded logical lines (§3.1:
 * a CRLF followed by one space or tab is removed). */
static GPtrArray *
unfold (const char *ics)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) physical = NULL;
  GString *cur = NULL;
  guint n;

  g_assert_true (g_str_has_suffix (ics, "\r\n"));
  physical = g_strsplit (ics, "\r\n", -1);
  n = g_strv_length (physical);
  g_assert_cmpstr (physical[n - 1], ==, "");
  for (guint i = 0; i + 1 < n; i++)
    {
      const char *l = physical[i];
      g_assert_null (strchr (l, '\n'));
      g_assert_null (strchr (l, '\r'));
      g_assert_cmpuint (strlen (l), <=, BZ_ICS_LINE_MAX_OCTETS);
      g_assert_true (g_utf8_validate (l, -1, NULL));   /* no sequence split across a fold */
      if (l[0] == ' ' || l[0] == '\t')
        {
          g_assert_nonnull (cur);
          g_string_append (cur, l + 1);
        }
      else
        {
          if (cur)
            g_ptr_array_add (lines, g_string_free (cur, FALSE));
          cur = g_string_new (l);
        }
    }
  if (cur)
    g_ptr_array_add (lines, g_string_free (cur, FALSE));
  return g_steal_pointer (&lines);
}

static void
test_fold_ascii (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *line = g_strnfill (200, 'x');
  g_autofree char *want = g_strconcat ("DESCRIPTION:", line, NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_auto(GStrv) physical = NULL;

  bz_ics_append_line (out, want);
  physical = g_strsplit (out->str, "\r\n", -1);
  /* 212 octets: 75, then 74 + the space, then the rest. */
  g_assert_cmpuint (strlen (physical[0]), ==, 75);
  g_assert_cmpuint (strlen (physical[1]), ==, 75);
  g_assert_true (physical[1][0] == ' ');
  lines = unfold (out->str);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, want);

  /* A line of exactly 75 octets is not folded. */
  g_string_truncate (out, 0);
  g_free (line);
  line = g_strnfill (75, 'y');
  bz_ics_append_line (out, line);
  g_assert_cmpuint (out->len, ==, 77);
}

static void
test_fold_multibyte (void)
{
  /* Two-, three- and four-octet characters at every offset against the 75-octet cut. */
  const char *pieces[] = { "ñ", "€", "😀", "á€😀" };

  for (guint p = 0; p < G_N_ELEMENTS (pieces); p++)
    for (guint prefix = 0; prefix < 5; prefix++)
      {
        g_autoptr(GString) text = g_string_new ("SUMMARY:");
        g_autoptr(GString) out = g_string_new (NULL);
        g_autoptr(GPtrArray) lines = NULL;

        for (guint i = 0; i < prefix; i++)
          g_string_append_c (text, 'a');
        for (guint i = 0; i < 60; i++)
          g_string_append (text, pieces[p]);
        bz_ics_append_line (out, text->str);
        lines = unfold (out->str);   /* asserts ≤ 75 octets and valid UTF-8 per line */
        g_assert_cmpuint (lines->len, ==, 1);
        g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, text->str);
      }
}

static void
test_escape (void)
{
  g_autofree char *a = bz_ics_escape_text ("Consultorio 2, planta baja; ala \"B\"\\norte");
  g_autofree char *b = bz_ics_escape_text ("línea 1\nlínea 2\r\nlínea 3\rfin");
  g_autofree char *c = bz_ics_escape_text ("tab\tok\x01\x7f gone");

  g_assert_cmpstr (a, ==, "Consultorio 2\\, planta baja\\; ala \"B\"\\\\norte");
  g_assert_cmpstr (b, ==, "línea 1\\nlínea 2\\nlínea 3\\nfin");
  g_assert_cmpstr (c, ==, "tab\tok gone");
}

static void
test_utc (void)
{
  g_autofree char *a = bz_ics_utc ("2025-01-24T14:00:00-06:00");
  g_autofree char *b = bz_ics_utc ("2025-01-24T20:00:00Z");
  g_autofree char *c = bz_ics_utc ("not a date");

  g_assert_cmpstr (a, ==, "20250124T200000Z");
  g_assert_cmpstr (b, ==, "20250124T200000Z");
  g_assert_null (c);
}

static const char *
value_of (GPtrArray *lines, const char *name)
{
  g_autofree char *prefix = g_strconcat (name, ":", NULL);
  for (guint i = 0; i < lines->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (lines, i), prefix))
      return (const char *) g_ptr_array_index (lines, i) + strlen (prefix);
  return NULL;
}

static void
test_event (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *long_loc = NULL;
  GString *loc = g_string_new (NULL);
  BzIcsEvent ev = {
    .uid = "0b9c@balanza", .dtstamp = "2026-12-01T10:00:00Z", .starts_at = "2026-12-24T23:30:00-06:00",
    .duration_min = 45, .summary = "José Ñúñez, hijo", .status = "CONFIRMED", .sequence = 2,
    .description = "Traer análisis;\nen ayunas",
  };

  for (guint i = 0; i < 30; i++)
    g_string_append (loc, "Clínica Ñ, ");
  long_loc = g_string_free (loc, FALSE);
  ev.location = long_loc;

  bz_ics_begin (out, "Citas, Balanza");
  g_assert_true (bz_ics_add_event (out, &ev));
  bz_ics_end (out);
  lines = unfold (out->str);

  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "BEGIN:VCALENDAR");
  g_assert_cmpstr (g_ptr_array_index (lines, lines->len - 1), ==, "END:VCALENDAR");
  g_assert_cmpstr (value_of (lines, "VERSION"), ==, "2.0");
  g_assert_nonnull (value_of (lines, "PRODID"));
  g_assert_cmpstr (value_of (lines, "X-WR-CALNAME"), ==, "Citas\\, Balanza");
  g_assert_cmpstr (value_of (lines, "UID"), ==, "0b9c@balanza");
  g_assert_cmpstr (value_of (lines, "DTSTAMP"), ==, "20261201T100000Z");
  /* 23:30 in UTC-6 is 05:30 UTC the next day; 45 minutes later is 06:15. */
  g_assert_cmpstr (value_of (lines, "DTSTART"), ==, "20261225T053000Z");
  g_assert_cmpstr (value_of (lines, "DTEND"), ==, "20261225T061500Z");
  g_assert_cmpstr (value_of (lines, "SEQUENCE"), ==, "2");
  g_assert_cmpstr (value_of (lines, "STATUS"), ==, "CONFIRMED");
  g_assert_cmpstr (value_of (lines, "SUMMARY"), ==, "José Ñúñez\\, hijo");
  g_assert_cmpstr (value_of (lines, "DESCRIPTION"), ==, "Traer análisis\\;\\nen ayunas");
  {
    g_autofree char *escaped = bz_ics_escape_text (long_loc);
    g_assert_cmpstr (value_of (lines, "LOCATION"), ==, escaped);
  }
  g_assert_null (value_of (lines, "LAST-MODIFIED"));

  /* Bad input writes nothing. */
  g_string_truncate (out, 0);
  ev.starts_at = "2026-02-30T10:00:00Z";
  g_assert_false (bz_ics_add_event (out, &ev));
  ev.starts_at = "2026-12-24T10:00:00Z";
  ev.duration_min = 0;
  g_assert_false (bz_ics_add_event (out, &ev));
  g_assert_cmpuint (out->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ics/fold/ascii", test_fold_ascii);
  g_test_add_func ("/ics/fold/multibyte", test_fold_multibyte);
  g_test_add_func ("/ics/escape", test_escape);
  g_test_add_func ("/ics/utc", test_utc);
  g_test_add_func ("/ics/event", test_event);
  return g_test_run ();
}
