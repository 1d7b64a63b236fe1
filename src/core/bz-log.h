/* bz-log.h — structured request logs (GLib's structured logging) and a JSON
 * lines writer for balanzad --log-format=json.
 *
 * Each answered HTTP request may give one INFO record in the domain
 * %BZ_LOG_DOMAIN_HTTP with the fields REQUEST_ID, USER_ID (authenticated
 * requests only), ROUTE (the route's pattern, e.g. /api/v1/posts/{post_id}),
 * METHOD, STATUS and DURATION_MS, and MESSAGE.  GLib's default writer sends
 * them to journald as journal fields when stderr is the journal
 * (g_log_writer_is_journald()), and otherwise prints MESSAGE; it drops INFO
 * unless G_MESSAGES_DEBUG names the domain (or "all"), as it drops every
 * INFO and DEBUG record.  bz_log_requests_enabled() tells the server whether
 * a record would be kept, before it formats anything.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/** BZ_LOG_DOMAIN_HTTP: the log domain of the HTTP server's request records. */
#define BZ_LOG_DOMAIN_HTTP "balanza-http"

/**
 * bz_log_json_line:
 * @log_level: the record's level
 * @fields: (array length=n_fields): its fields, as a GLogWriterFunc gets them
 * @n_fields: their number
 * @time_us: the record's wall clock time, µs since the Unix epoch
 *
 * Formats one record as a JSON object on one line (ended by "\n"):
 * "time" (ISO 8601 UTC with microseconds), "level" ("error", "critical",
 * "warning", "message", "info" or "debug"), "domain" (GLIB_DOMAIN), "message"
 * (MESSAGE), and every other text field under its name in lower case
 * ("request_id", "user_id", "route", "method", "code_file", ...); STATUS
 * and DURATION_MS are written as numbers when they parse as numbers.
 * PRIORITY (journald's copy of the level) is left out, and so are binary
 * fields (length >= 0) that are not valid UTF-8.
 *
 * Returns: (transfer full): the line, in UTF-8.
 */
char     *bz_log_json_line (GLogLevelFlags log_level, const GLogField *fields, gsize n_fields, gint64 time_us);

/**
 * bz_log_writer_json:
 * @user_data: (nullable): GINT_TO_POINTER of the file descriptor to write
 *   to; %NULL: standard error (2)
 *
 * A GLogWriterFunc (g_log_set_writer_func()) writing bz_log_json_line() of
 * each record with one write(2) call, so lines of several threads never mix.
 * It keeps ERROR to INFO records of every domain, and DEBUG records only of
 * the domains G_MESSAGES_DEBUG names (as the default writer).
 *
 * Returns: %G_LOG_WRITER_HANDLED, or %G_LOG_WRITER_UNHANDLED when the write
 *   failed (GLib then prints the record its own way).
 */
GLogWriterOutput bz_log_writer_json (GLogLevelFlags log_level, const GLogField *fields, gsize n_fields,
                                     gpointer user_data);

/**
 * bz_log_use_json:
 *
 * Installs bz_log_writer_json() on standard error as the process' log writer
 * (once per process, before anything is logged: g_log_set_writer_func()),
 * and from then on bz_log_requests_enabled() is %TRUE.
 */
void      bz_log_use_json (void);

/**
 * bz_log_requests_enabled:
 *
 * Cheap: a flag, then (without the JSON writer) GLib's
 * g_log_writer_default_would_drop() for INFO in %BZ_LOG_DOMAIN_HTTP.
 *
 * Returns: whether bz_log_request() records are kept.
 */
gboolean  bz_log_requests_enabled (void);

/**
 * bz_log_request:
 * @request_id: the request's id (X-Request-Id)
 * @user_id: (nullable): the authenticated caller; %NULL: no USER_ID field
 * @route: (nullable): the route's pattern; %NULL for a request no route matched
 * @method: the HTTP method
 * @status: the answer's status code
 * @duration_us: from the request's arrival to its answer, µs
 *
 * Emits the request's INFO record (fields above) through
 * g_log_structured_array(); call it only when bz_log_requests_enabled().
 * DURATION_MS has three decimals.
 */
void      bz_log_request (const char *request_id, const char *user_id, const char *route, const char *method,
                          guint status, gint64 duration_us);

/**
 * bz_log_request_error:
 * @request_id: the request's id, also in the answer's meta.request_id
 * @method: the HTTP method
 * @path: the raw path (no query string)
 * @message: the error's message
 *
 * Logs a request answered 5xx at WARNING in %BZ_LOG_DOMAIN_HTTP with the
 * REQUEST_ID field, and the id in MESSAGE too ("request <id>: ..."), so the
 * id a user reports from the error envelope finds the log line.
 */
void      bz_log_request_error (const char *request_id, const char *method, const char *path, const char *message);

G_END_DECLS
