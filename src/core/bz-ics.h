/* bz-ics.h — an iCalendar (RFC 5545) writer for the nutritionist's
 * calendar feed (issue 12): VCALENDAR with one VEVENT per appointment, as
 * GNOME Calendar and Google Calendar subscribe to.  Pure: text in, text out.
 *
 * What RFC 5545 asks of the text and where it is done here:
 *   - §3.1 content lines: each ends in CRLF and is folded so that no line is
 *     longer than 75 octets (not counting the CRLF), a fold being CRLF and
 *     one space; a multi-octet UTF-8 character is never split by a fold
 *     (bz_ics_append_line());
 *   - §3.3.11 TEXT values: backslash, semicolon and comma escaped with a
 *     backslash, a line break written as "\n" (bz_ics_escape_text());
 *   - §3.3.5 DATE-TIME form #2, UTC: "19980119T070000Z" (bz_ics_utc()).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/** BZ_ICS_LINE_MAX_OCTETS: RFC 5545 §3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break." */
#define BZ_ICS_LINE_MAX_OCTETS 75

/**
 * BzIcsEvent:
 * @uid: UID (RFC 5545 §3.8.4.7): globally unique and fixed for the event
 * @dtstamp: DTSTAMP (§3.8.7.2), ISO 8601 UTC ("2026-12-01T10:00:00Z"): in
 *   an object without METHOD (a feed), when the event was last revised in
 *   the calendar store
 * @starts_at: DTSTART (§3.8.2.4), ISO 8601 UTC
 * @duration_min: minutes from DTSTART to DTEND (§3.8.2.2); > 0
 * @summary: SUMMARY (§3.8.1.12): plain text, escaped here
 * @status: STATUS (§3.8.1.11) of a VEVENT: "TENTATIVE", "CONFIRMED" or "CANCELLED"
 * @location: (nullable): LOCATION (§3.8.1.7), plain text
 * @description: (nullable): DESCRIPTION (§3.8.1.5), plain text
 * @sequence: SEQUENCE (§3.8.7.4): revision, 0 at creation
 * @last_modified: (nullable): LAST-MODIFIED (§3.8.7.3), ISO 8601 UTC
 *
 * One event, all members borrowed.
 */
typedef struct
{
  const char *uid;
  const char *dtstamp;
  const char *starts_at;
  gint64 duration_min;
  const char *summary;
  const char *status;
  const char *location;
  const char *description;
  gint64 sequence;
  const char *last_modified;
} BzIcsEvent;

/**
 * bz_ics_escape_text:
 * @text: UTF-8 plain text
 *
 * Escapes @text as a TEXT value (RFC 5545 §3.3.11): "\" as "\\", ";" as
 * "\;", "," as "\,", a line break (CRLF, LF or a lone CR) as "\n"; other
 * control characters, which TEXT may not hold (§3.3.11 ESCAPED-CHAR /
 * TSAFE-CHAR exclude CTLs other than HTAB), are dropped.
 *
 * Returns: (transfer full): the escaped text.
 */
char *bz_ics_escape_text (const char *text);

/**
 * bz_ics_append_line:
 * @out: the calendar being written
 * @line: one unfolded content line "NAME;PARAMS:value", valid UTF-8, no CR or LF
 *
 * Appends @line folded (RFC 5545 §3.1): pieces of at most
 * %BZ_ICS_LINE_MAX_OCTETS octets, the first as is and each later one after
 * CRLF and a space (which counts toward its 75), never breaking a UTF-8
 * sequence; then CRLF.
 */
void  bz_ics_append_line (GString *out, const char *line);

/**
 * bz_ics_utc:
 * @iso8601: a date and time with its zone ("2026-12-01T16:00:00Z", "…-06:00")
 *
 * Returns: (transfer full) (nullable): the UTC DATE-TIME of RFC 5545 §3.3.5
 *   form #2 ("20261201T160000Z"), or %NULL when @iso8601 does not parse.
 */
char *bz_ics_utc (const char *iso8601);

/**
 * bz_ics_begin:
 * @out: an empty string
 * @name: the calendar's display name (X-WR-CALNAME, read by GNOME Calendar
 *   and Google Calendar) and NAME (RFC 7986 §5.1)
 *
 * Writes BEGIN:VCALENDAR, VERSION:2.0 (RFC 5545 §3.7.4), PRODID (§3.7.3),
 * CALSCALE:GREGORIAN (§3.7.1), the names, and REFRESH-INTERVAL (RFC 7986
 * §5.7) with X-PUBLISHED-TTL of one hour: how often subscribers should
 * fetch the feed again.
 */
void  bz_ics_begin (GString *out, const char *name);

/**
 * bz_ics_add_event:
 * @out: a calendar begun with bz_ics_begin()
 * @event: the event
 *
 * Writes one VEVENT (RFC 5545 §3.6.1) with UID, DTSTAMP, DTSTART, DTEND
 * in UTC, SEQUENCE, STATUS, SUMMARY and, when given, LOCATION,
 * DESCRIPTION and LAST-MODIFIED.
 *
 * Returns: %FALSE (writing nothing) when a date does not parse or
 *   @duration_min is not positive.
 */
gboolean bz_ics_add_event (GString *out, const BzIcsEvent *event);

/** bz_ics_end: writes END:VCALENDAR. */
void  bz_ics_end (GString *out);

G_END_DECLS
