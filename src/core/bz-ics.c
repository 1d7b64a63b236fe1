/* bz-ics.c — the iCalendar writer (bz-ics.h; RFC 5545). */
#include "bz-ics.h"

#include <string.h>

char *
bz_ics_escape_text (const char *text)
{
  GString *s = g_string_sized_new (strlen (text) + 8);

  /* RFC 5545 §3.3.11: ESCAPED-CHAR = ("\\" / "\;" / "\," / "\N" / "\n"). */
  for (const char *c = text; *c; c++)
    {
      switch (*c)
        {
        case '\\': g_string_append (s, "\\\\"); break;
        case ';': g_string_append (s, "\\;"); break;
        case ',': g_string_append (s, "\\,"); break;
        case '\r':
          if (c[1] == '\n')
            c++;
          G_GNUC_FALLTHROUGH;
        case '\n': g_string_append (s, "\\n"); break;
        default:
          /* TSAFE-CHAR excludes CTLs; HTAB is WSP and allowed. */
          if ((guchar) *c < 0x20 && *c != '\t')
            break;
          if ((guchar) *c == 0x7f)
            break;
          g_string_append_c (s, *c);
        }
    }
  return g_string_free (s, FALSE);
}

void
bz_ics_append_line (GString *out, const char *line)
{
  const char *p = line, *end = line + strlen (line);
  gsize room = BZ_ICS_LINE_MAX_OCTETS;

  /* RFC 5545 §3.1: fold with CRLF + one space; the space is the first
   * octet of the continuation, so continuations carry at most 74 octets of
   * the line.  Break only before the first octet of a UTF-8 sequence. */
  while ((gsize) (end - p) > room)
    {
      const char *cut = p + room;
      while (cut > p && ((guchar) *cut & 0xc0) == 0x80)
        cut--;
      g_string_append_len (out, p, cut - p);
      g_string_append (out, "\r\n ");
      p = cut;
      room = BZ_ICS_LINE_MAX_OCTETS - 1;
    }
  g_string_append_len (out, p, end - p);
  g_string_append (out, "\r\n");
}

char *
bz_ics_utc (const char *iso8601)
{
  g_autoptr(GDateTime) t = iso8601 ? g_date_time_new_from_iso8601 (iso8601, NULL) : NULL;
  g_autoptr(GDateTime) utc = t ? g_date_time_to_utc (t) : NULL;

  return utc ? g_date_time_format (utc, "%Y%m%dT%H%M%SZ") : NULL;
}

/* NAME:escaped-text, folded. */
static void
text_property (GString *out, const char *name, const char *text)
{
  g_autofree char *escaped = bz_ics_escape_text (text);
  g_autofree char *line = g_strconcat (name, ":", escaped, NULL);
  bz_ics_append_line (out, line);
}

void
bz_ics_begin (GString *out, const char *name)
{
  bz_ics_append_line (out, "BEGIN:VCALENDAR");
  bz_ics_append_line (out, "VERSION:2.0");
  bz_ics_append_line (out, "PRODID:-//Balanza//Balanza Clinic Calendar//ES");
  bz_ics_append_line (out, "CALSCALE:GREGORIAN");
  text_property (out, "X-WR-CALNAME", name);
  text_property (out, "NAME", name);
  bz_ics_append_line (out, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
  bz_ics_append_line (out, "X-PUBLISHED-TTL:PT1H");
}

gboolean
bz_ics_add_event (GString *out, const BzIcsEvent *ev)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (ev->starts_at, NULL);
  g_autoptr(GDateTime) start_utc = start ? g_date_time_to_utc (start) : NULL;
  g_autoptr(GDateTime) end = start_utc ? g_date_time_add_minutes (start_utc, (int) ev->duration_min) : NULL;
  g_autofree char *dtstamp = bz_ics_utc (ev->dtstamp), *dtstart = NULL, *dtend = NULL, *modified = NULL;
  g_autofree char *uid = NULL, *seq = NULL, *stamp = NULL, *s = NULL, *e = NULL, *st = NULL;

  if (end == NULL || dtstamp == NULL || ev->duration_min <= 0)
    return FALSE;
  dtstart = g_date_time_format (start_utc, "%Y%m%dT%H%M%SZ");
  dtend = g_date_time_format (end, "%Y%m%dT%H%M%SZ");
  modified = ev->last_modified ? bz_ics_utc (ev->last_modified) : NULL;

  bz_ics_append_line (out, "BEGIN:VEVENT");
  text_property (out, "UID", ev->uid);
  stamp = g_strconcat ("DTSTAMP:", dtstamp, NULL);
  bz_ics_append_line (out, stamp);
  s = g_strconcat ("DTSTART:", dtstart, NULL);
  bz_ics_append_line (out, s);
  e = g_strconcat ("DTEND:", dtend, NULL);
  bz_ics_append_line (out, e);
  seq = g_strdup_printf ("SEQUENCE:%" G_GINT64_FORMAT, ev->sequence);
  bz_ics_append_line (out, seq);
  st = g_strconcat ("STATUS:", ev->status, NULL);
  bz_ics_append_line (out, st);
  text_property (out, "SUMMARY", ev->summary);
  if (ev->location && *ev->location)
    text_property (out, "LOCATION", ev->location);
  if (ev->description && *ev->description)
    text_property (out, "DESCRIPTION", ev->description);
  if (modified)
    {
      g_autofree char *m = g_strconcat ("LAST-MODIFIED:", modified, NULL);
      bz_ics_append_line (out, m);
    }
  bz_ics_append_line (out, "END:VEVENT");
  return TRUE;
}

void
bz_ics_end (GString *out)
{
  bz_ics_append_line (out, "END:VCALENDAR");
}
