/* test-phone.c — issue 9's "Done when", as a new user would try it: a phone
 * that knows only the desk's QR code pairs, syncs a member's year, then only
 * what changed, exports the account and deletes it (tools/phone-sim).
 *
 * 1. balanzad --demo on loopback (HTTP and HTTPS on free ports) makes the
 *    demo clinic; stopped, the test gives paciente01 a year of records in
 *    process (bz_test_add_year(): 1,448 meals, 12 scans with avatars), as the
 *    sync benchmark does, then starts balanzad again on the same data dir.
 * 2. tools/pairing-code asks for a code as the demo nutritionist for
 *    paciente01 (POST /api/v1/devices/pairing-codes, the service the desk's
 *    dialog uses) and prints the QR payload: an https URL on 127.0.0.1 and
 *    the SHA-256 of DATA_DIR/tls/balanza.crt.
 * 3. phone-sim with that payload but another fingerprint, and no mDNS
 *    browser: it says so, is refused at the handshake and sends nothing:
 *    no device is paired and the code still works.
 * 4. phone-sim with the payload and a stand-in for `avahi-browse -rpt`
 *    announcing another clinic (other fingerprint: skipped), a stale
 *    address of this one (127.0.0.2: refused, next), and this one: it uses
 *    the address found over mDNS, pairs, syncs exactly the member's meals
 *    and scans (counted in the database), then a delta of exactly the meal
 *    it logs, exports and deletes the account, and exits 0.
 * 5. The same payload again: the code worked once (401 at pairing).
 * 6. The database: one device for the member, revoked; the account
 *    anonymised; the new meal kept; and the member's password no longer
 *    signs in.
 *
 * A real Avahi daemon is not used: a test cannot rely on one running (the
 * stand-in prints avahi-browse's parsable format with the TXT keys
 * bz-discovery.c announces; tests/api/test-tls-pairing.c starts discovery
 * without a daemon). */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <sqlite3.h>

#include "bz-demo.h"
#include "bz-store.h"
#include "bz-test-util.h"
#include "bz-test-year.h"
#include "bz-tls-cert.h"
#include "config.h"

#define MEMBER "paciente01@balanza.local"

static GSubprocess *
start_daemon (const char *dir, char **out_url)
{
  const char *argv[] = { "--data-dir", dir, "--port", "0", "--bind", "127.0.0.1", "--demo", NULL };
  return bz_test_spawn_daemon (0, argv, out_url);
}

static void
stop_daemon (GSubprocess *proc)
{
  g_autoptr(GError) error = NULL;
  g_subprocess_send_signal (proc, SIGTERM);
  g_assert_true (g_subprocess_wait (proc, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
}

/* One text value of @sql with @arg bound to ?1 (if any); NULL without a row. */
static char *
text_of (sqlite3 *db, const char *sql, const char *arg)
{
  sqlite3_stmt *st = NULL;
  char *v = NULL;
  if (sqlite3_prepare_v2 (db, sql, -1, &st, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (arg)
    sqlite3_bind_text (st, 1, arg, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (st) == SQLITE_ROW)
    v = g_strdup ((const char *) sqlite3_column_text (st, 0));
  sqlite3_finalize (st);
  return v;
}

static gint64
count_of (sqlite3 *db, const char *sql, const char *arg)
{
  g_autofree char *v = text_of (db, sql, arg);
  g_assert_nonnull (v);
  return g_ascii_strtoll (v, NULL, 10);
}

/* The member's year, in process on the stopped server's data dir. */
static void
add_year (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  g_autoptr(BzServices) svc = NULL;
  g_autoptr(BzCaller) nutritionist = NULL;
  g_autofree char *patient = NULL, *user = NULL, *nutri = NULL;
  sqlite3 *db;

  g_assert_no_error (error);
  db = bz_store_db (store);
  user = text_of (db, "SELECT id FROM users WHERE email = ?1", MEMBER);
  patient = text_of (db, "SELECT id FROM patients WHERE user_id = ?1", user);
  nutri = text_of (db, "SELECT nutritionist_id FROM patients WHERE user_id = ?1", user);
  g_assert_nonnull (patient);
  g_assert_nonnull (nutri);
  svc = bz_services_new (store);
  nutritionist = bz_caller_new (nutri, BZ_ROLE_NUTRITIONIST, BZ_DEMO_NUTRITIONIST_EMAIL);
  bz_test_add_year (svc, patient, user, nutritionist, TRUE);
}

/* Runs @argv (a NULL-terminated list); its exit status, and its stdout in
 * @out (also copied to the test's log). */
static int
run (char **out, const char *first, ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) p = NULL;
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_ptr_array_add (args, (gpointer) first);
  va_start (ap, first);
  for (const char *a = va_arg (ap, const char *); a; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  p = g_subprocess_newv ((const char *const *) args->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (p, NULL, NULL, out, NULL, &error));
  g_assert_no_error (error);
  g_printerr ("$ %s …\n%s", first, *out);
  g_assert_true (g_subprocess_get_if_exited (p));
  return g_subprocess_get_exit_status (p);
}

/* The number phone-sim printed for @type after its initial sync ("      meal: 1455"). */
static gint64
synced (const char *out, const char *type)
{
  g_autofree char *pattern = g_strdup_printf ("^      %s: (\\d+)$", type);
  g_autoptr(GRegex) re = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) m = NULL;
  g_autofree char *n = NULL;

  if (!g_regex_match (re, out, 0, &m))
    g_error ("phone-sim printed no count of %s", type);
  n = g_match_info_fetch (m, 1);
  return g_ascii_strtoll (n, NULL, 10);
}

/* A stand-in for `avahi-browse -rpt _balanza._tcp` in its parsable format:
 * another clinic, a stale address of this one, and this one. */
static char *
write_avahi_browse (const char *dir, const char *fingerprint, guint port)
{
  g_autofree char *path = g_build_filename (dir, "avahi-browse", NULL);
  g_autofree char *script = g_strdup_printf (
      "#!/bin/sh\n"
      "[ \"$*\" = \"-rpt _balanza._tcp\" ] || exit 2\n"
      "cat <<'EOF'\n"
      "+;lo;IPv4;Otra\\032cl\\195\\173nica;_balanza._tcp;local\n"
      "=;lo;IPv4;Otra\\032cl\\195\\173nica;_balanza._tcp;local;otra.local;127.0.0.1;9;\"version=1\" "
      "\"sha256=%s\" \"name=Otra clínica\"\n"
      "=;lo;IPv4;Balanza\\032test;_balanza._tcp;local;old.local;127.0.0.2;%u;\"https_port=%u\" \"sha256=%s\"\n"
      "=;lo;IPv4;Balanza\\032test;_balanza._tcp;local;test.local;127.0.0.1;%u;\"https_port=%u\" "
      "\"name=Balanza test\" \"sha256=%s\" \"version=1\"\n"
      "EOF\n",
      "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd", port, port, fingerprint, port, port,
      fingerprint);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, script, -1, &error));
  g_assert_cmpint (g_chmod (path, 0700), ==, 0);
  return g_steal_pointer (&path);
}

static guint
login_status (const char *base, const char *email)
{
  g_autoptr(SoupSession) s = soup_session_new ();
  g_autofree char *url = g_strconcat (base, "/api/auth/login", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autofree char *json = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"%s\"}", email, BZ_DEMO_PASSWORD);
  g_autoptr(GBytes) req = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_set_request_body_from_bytes (msg, "application/json", req);
  body = soup_session_send_and_read (s, msg, NULL, &error);
  g_assert_no_error (error);
  return soup_message_get_status (msg);
}

static void
test_phone (void)
{
  g_autofree char *dir = bz_test_tmpdir ("phone");
  g_autofree char *bin = bz_test_tmpdir ("phone-bin");
  g_autofree char *url = NULL, *payload = NULL, *wrong = NULL, *out = NULL, *fingerprint = NULL;
  g_autofree char *crt = g_build_filename (dir, "tls", "balanza.crt", NULL);
  g_autofree char *db_path = g_build_filename (dir, "balanza.db", NULL);
  g_autofree char *phone_sim = bz_test_source_path ("tools/phone-sim");
  g_autofree char *pairing_code = bz_test_source_path ("tools/pairing-code");
  g_autofree char *no_browser = g_build_filename (bin, "no-such-avahi-browse", NULL);
  g_autofree char *avahi = NULL, *user = NULL, *patient = NULL, *prefix = NULL, *pin = NULL;
  g_autofree char *meals_arg = NULL, *scans_arg = NULL;
  g_autoptr(GSubprocess) daemon = NULL;
  g_autoptr(GError) error = NULL;
  gint64 meals, scans;
  sqlite3 *db = NULL;
  guint port;

  /* 1. The demo clinic, a year for the member, the server again. */
  daemon = start_daemon (dir, &url);
  stop_daemon (daemon);
  g_clear_object (&daemon);
  g_clear_pointer (&url, g_free);
  add_year (dir);
  daemon = start_daemon (dir, &url);

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  user = text_of (db, "SELECT id FROM users WHERE email = ?1", MEMBER);
  patient = text_of (db, "SELECT id FROM patients WHERE user_id = ?1", user);
  meals = count_of (db, "SELECT count(*) FROM meal_logs WHERE patient_id = ?1", patient);
  scans = count_of (db, "SELECT count(*) FROM body_scans WHERE patient_id = ?1", patient);
  g_assert_cmpint (meals, >=, BZ_TEST_YEAR_MEALS);
  g_assert_cmpint (scans, >=, BZ_TEST_YEAR_SCANS);

  /* 2. The desk's QR payload, without a display. */
  g_assert_cmpint (run (&payload, pairing_code, "--server", url, "--email", BZ_DEMO_NUTRITIONIST_EMAIL,
                        "--password", BZ_DEMO_PASSWORD, "--member", MEMBER, NULL), ==, 0);
  g_strchomp (payload);
  {
    g_autoptr(GTlsCertificate) cert = g_tls_certificate_new_from_file (crt, &error);
    g_assert_no_error (error);
    fingerprint = bz_tls_cert_fingerprint (cert);
  }
  g_assert_true (g_str_has_prefix (payload, "balanza://pair?v=1&url=https%3A%2F%2F127.0.0.1%3A"));
  pin = g_strdup_printf ("&sha256=%s&code=", fingerprint);
  g_assert_nonnull (strstr (payload, pin));
  port = (guint) g_ascii_strtoull (payload + strlen ("balanza://pair?v=1&url=https%3A%2F%2F127.0.0.1%3A"), NULL, 10);
  g_assert_cmpuint (port, >, 0);

  /* 3. Another certificate than the QR's: refused before the code is sent. */
  wrong = g_strdup (payload);
  {
    char *hex = strstr (wrong, "&sha256=") + strlen ("&sha256=");
    hex[0] = hex[0] == '0' ? '1' : '0';
  }
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, phone_sim, "--avahi-browse", no_browser, wrong, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "not found: no mDNS discovery, using the QR code's URL"));
  g_assert_nonnull (strstr (out, "FAILED: REFUSED"));
  g_assert_nonnull (strstr (out, fingerprint));   /* names the certificate it was shown */
  g_assert_null (strstr (out, "[3/8]"));
  g_assert_cmpint (count_of (db, "SELECT count(*) FROM devices WHERE user_id = ?1", user), ==, 0);
  g_assert_cmpint (count_of (db, "SELECT count(*) FROM pairing_codes WHERE user_id = ?1 AND used_at IS NULL", user),
                   ==, 1);

  /* 4. The phone, end to end, finding the clinic over (stand-in) mDNS. */
  avahi = write_avahi_browse (bin, fingerprint, port);
  meals_arg = g_strdup_printf ("meal=%" G_GINT64_FORMAT, meals);
  scans_arg = g_strdup_printf ("scan=%" G_GINT64_FORMAT, scans);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, phone_sim, "--avahi-browse", avahi, "--password", BZ_DEMO_PASSWORD,
                        "--device-name", "Pixel de María", "--min", meals_arg, "--min", scans_arg, payload, NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "skipped “Otra clínica” at 127.0.0.1: it announces another certificate"));
  g_assert_nonnull (strstr (out, "127.0.0.2:"));   /* the stale address: tried, then the next */
  prefix = g_strdup_printf ("https://127.0.0.1:%u (found over mDNS): certificate SHA-256 is the QR code's", port);
  g_assert_nonnull (strstr (out, prefix));
  g_assert_nonnull (strstr (out, "for " MEMBER));
  g_assert_cmpint (synced (out, "meal"), ==, meals);
  g_assert_cmpint (synced (out, "scan"), ==, scans);
  g_assert_nonnull (strstr (out, "the delta right after is empty"));
  g_assert_nonnull (strstr (out, "the delta is that one upsert"));
  g_assert_nonnull (strstr (out, "every synced meal, scan and avatar is in it"));
  g_assert_nonnull (strstr (out, "signing in with the member's password answers 401"));
  g_assert_true (g_str_has_suffix (out, "OK: paired, synced, synced the delta, exported and deleted\n"));

  /* 5. The code worked once. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, phone_sim, "--avahi-browse", no_browser, payload, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "FAILED: POST /api/v1/devices/pair: expected 201, got 401"));

  /* 6. What the server holds now. */
  g_assert_cmpint (count_of (db, "SELECT count(*) FROM devices WHERE user_id = ?1 AND revoked = 1 "
                                 "AND name = 'Pixel de María'", user), ==, 1);
  g_assert_cmpint (count_of (db, "SELECT count(*) FROM devices WHERE user_id = ?1", user), ==, 1);
  g_assert_cmpint (count_of (db, "SELECT count(*) FROM users WHERE id = ?1 AND deleted_at IS NOT NULL "
                                 "AND email LIKE 'deleted\\_%' ESCAPE '\\'", user), ==, 1);
  g_assert_cmpint (count_of (db, "SELECT count(*) FROM meal_logs WHERE patient_id = ?1", patient), ==, meals + 1);
  g_assert_cmpuint (login_status (url, MEMBER), ==, 401);

  sqlite3_close (db);
  stop_daemon (daemon);
  bz_test_rmdir (bin);
  bz_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/integration/phone", test_phone);
  return g_test_run ();
}
