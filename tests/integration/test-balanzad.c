/* test-balanzad.c — the headless executable as a user runs it: --port 0, the one
 * listening line on stdout, a real HTTP request, SIGTERM → clean exit 0 with the
 * WAL checkpointed, and a restart on the same data dir that skips the import.
 * While that restarted server runs, `balanzad --backup FILE` (issue 9) writes
 * a copy that opens on its own with the demo clinic's rows, and its blobs
 * (an avatar among them) beside it, encrypted, and the key FILE.key that
 * opens each to the bytes its name is the SHA-256 of; a second
 * backup to the same FILE is refused and leaves the first as it was. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <sqlite3.h>

#include "bz-crypt.h"
#include "bz-test-util.h"
#include "config.h"

typedef struct
{
  GSubprocess *proc;
  char *url;
} Daemon;

static void
start_daemon (Daemon *d, const char *dir, gboolean demo)
{
  const char *argv[] = { "--data-dir", dir, "--port", "0", "--bind", "127.0.0.1", demo ? "--demo" : NULL, NULL };
  d->proc = bz_test_spawn_daemon (0, argv, &d->url);
}

static void
stop_daemon (Daemon *d)
{
  g_autoptr(GError) error = NULL;
  g_subprocess_send_signal (d->proc, SIGTERM);
  g_assert_true (g_subprocess_wait (d->proc, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (d->proc));
  g_assert_cmpint (g_subprocess_get_exit_status (d->proc), ==, 0);
  g_clear_object (&d->proc);
  g_clear_pointer (&d->url, g_free);
}

static guint
get_status (const char *base, const char *path, const char *token, GBytes **out_body)
{
  g_autoptr(SoupSession) s = soup_session_new ();
  g_autofree char *url = g_strconcat (base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = NULL;
  if (token)
    {
      g_autofree char *auth = g_strdup_printf ("Bearer %s", token);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  g_autoptr(GError) error = NULL;
  body = soup_session_send_and_read (s, msg, NULL, &error);
  g_assert_no_error (error);
  if (out_body)
    *out_body = g_steal_pointer (&body);
  return soup_message_get_status (msg);
}

static char *
login (const char *base, const char *email)
{
  g_autoptr(SoupSession) s = soup_session_new ();
  g_autofree char *url = g_strconcat (base, "/api/auth/login", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autofree char *json = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"Demo-2026!\"}", email);
  g_autoptr(GBytes) req = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) p = json_parser_new ();
  g_autoptr(GError) error = NULL;
  soup_message_set_request_body_from_bytes (msg, "application/json", req);
  body = soup_session_send_and_read (s, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_true (json_parser_load_from_data (p, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL));
  return g_strdup (json_object_get_string_member (
      json_object_get_object_member (json_node_get_object (json_parser_get_root (p)), "data"), "access_token"));
}

/* balanzad --verify-license / --reject-license EMAIL on @dir: the exit status. */
static int
run_license (const char *dir, const char *flag, const char *email)
{
  g_autofree char *exe = g_build_filename (BZ_BUILD_DIR, "src", "balanzad", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) p = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, exe, "--data-dir", dir,
                                               flag, email, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (p, NULL, &error));
  g_assert_true (g_subprocess_get_if_exited (p));
  return g_subprocess_get_exit_status (p);
}

/* balanzad --data-dir @dir --backup @file: the exit status; stdout in @out. */
static int
run_backup (const char *dir, const char *file, char **out)
{
  g_autofree char *exe = g_build_filename (BZ_BUILD_DIR, "src", "balanzad", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) p = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                               &error, exe, "--data-dir", dir, "--backup", file, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (p, NULL, NULL, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (p));
  return g_subprocess_get_exit_status (p);
}

/* One integer of @sql on @db. */
static gint64
scalar (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *st = NULL;
  gint64 v;
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &st, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  v = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  return v;
}

/* The backup of a running server's data dir: it opens alone, holds the rows
 * and every blob (verified), and is not overwritten by a second backup. */
static void
check_backup (const char *dir)
{
  g_autofree char *bdir = bz_test_tmpdir ("backup");
  g_autofree char *file = g_build_filename (bdir, "clinic.db", NULL);
  g_autofree char *blobs = g_strconcat (file, ".blobs", NULL);
  g_autofree char *wal = g_strconcat (file, "-wal", NULL);
  g_autofree char *out = NULL, *again = NULL, *avatar = NULL, *avatar_path = NULL, *contents = NULL;
  g_autofree char *expected = NULL;
  sqlite3 *db = NULL;
  gsize len = 0;
  gint64 n_blobs;
  GStatBuf st;

  g_assert_cmpint (run_backup (dir, file, &out), ==, 0);
  g_assert_nonnull (strstr (out, file));
  g_assert_nonnull (strstr (out, ".blobs/"));
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_stat (wal, &st) != 0);   /* a standalone file: no WAL beside it */

  g_assert_cmpint (sqlite3_open_v2 (file, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (scalar (db, "SELECT count(*) FROM patients"), ==, 24);
  g_assert_cmpint (scalar (db, "SELECT count(*) FROM users WHERE email = 'demo@balanza.local'"), ==, 1);
  g_assert_cmpint (scalar (db, "SELECT count(*) FROM foods"), >, 8000);
  n_blobs = scalar (db, "SELECT count(*) FROM blobs");
  g_assert_cmpint (n_blobs, >, 0);
  expected = g_strdup_printf ("(%" G_GINT64_FORMAT " blobs,", n_blobs);
  g_assert_nonnull (strstr (out, expected));
  {
    sqlite3_stmt *s = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT blob_sha256 FROM avatars LIMIT 1", -1, &s, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (s), ==, SQLITE_ROW);
    avatar = g_strdup ((const char *) sqlite3_column_text (s, 0));
    sqlite3_finalize (s);
  }
  sqlite3_close (db);

  /* The avatar's blob, beside the copy, in the data dir's layout. */
  {
    char prefix[3] = { avatar[0], avatar[1], 0 };
    avatar_path = g_build_filename (blobs, "sha256", prefix, avatar + 2, NULL);
  }
  g_assert_true (g_file_get_contents (avatar_path, &contents, &len, NULL));
  /* Copied encrypted (bz-crypt.h): no glTF header on disk; FILE.key, written
   * beside (0600), opens it to the bytes its name is the SHA-256 of. */
  g_assert_nonnull (strstr (out, ".key"));
  g_assert_false (memcmp (contents, "glTF", 4) == 0);
  {
    g_autofree char *key = g_strconcat (file, ".key", NULL);
    g_autoptr(GError) error = NULL;
    BzCrypt *crypt = bz_crypt_load (key, FALSE, &error);
    g_autoptr(GBytes) plain = NULL;
    g_autofree char *hash = NULL;
    g_assert_no_error (error);
    g_assert_cmpint (g_stat (key, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    plain = bz_crypt_open_blob (crypt, avatar, (const guint8 *) contents, len, &error);
    g_assert_no_error (error);
    hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, plain);
    g_assert_cmpstr (hash, ==, avatar);
    g_assert_cmpmem (g_bytes_get_data (plain, NULL), 4, "glTF", 4);
    bz_crypt_free (crypt);
  }

  /* Again to the same file: refused, the first copy untouched. */
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  {
    gint64 size = st.st_size, mtime = st.st_mtime;
    g_assert_cmpint (run_backup (dir, file, &again), ==, 1);
    g_assert_cmpint (g_stat (file, &st), ==, 0);
    g_assert_cmpint (st.st_size, ==, size);
    g_assert_cmpint (st.st_mtime, ==, mtime);
  }
  /* No database there: an error, nothing written. */
  {
    g_autofree char *empty = g_build_filename (bdir, "empty", NULL);
    g_autofree char *other = g_build_filename (bdir, "other.db", NULL);
    g_autofree char *ignored = NULL;
    g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
    g_assert_cmpint (run_backup (empty, other, &ignored), ==, 1);
    g_assert_true (g_stat (other, &st) != 0);
  }
  bz_test_rmdir (bdir);
}

static void
test_demo_daemon (void)
{
  g_autofree char *dir = bz_test_tmpdir ("daemon");
  g_autofree char *wal = g_build_filename (dir, "balanza.db-wal", NULL);
  Daemon d = { 0 };
  GStatBuf st;

  start_daemon (&d, dir, TRUE);
  g_assert_cmpuint (get_status (d.url, "/health", NULL, NULL), ==, 200);
  g_assert_cmpuint (get_status (d.url, "/ready", NULL, NULL), ==, 200);
  {
    /* The demo member reads today's intake and downloads the avatar. */
    g_autofree char *token = login (d.url, "paciente07@balanza.local");
    g_autoptr(GBytes) scans = NULL, glb = NULL;
    g_autoptr(JsonParser) p = json_parser_new ();
    JsonArray *list;
    const char *url;
    g_assert_cmpuint (get_status (d.url, "/api/nutrition/daily", token, NULL), ==, 200);
    g_assert_cmpuint (get_status (d.url, "/api/v1/scans", token, &scans), ==, 200);
    g_assert_true (json_parser_load_from_data (p, g_bytes_get_data (scans, NULL), g_bytes_get_size (scans), NULL));
    list = json_object_get_array_member (json_object_get_object_member (json_node_get_object (json_parser_get_root (p)),
                                                                        "data"), "scans");
    g_assert_cmpuint (json_array_get_length (list), ==, 3);
    url = json_object_get_string_member (json_object_get_object_member (json_array_get_object_element (list, 0), "avatar"), "url");
    g_assert_cmpuint (get_status (d.url, url, token, &glb), ==, 200);
    g_assert_cmpmem (g_bytes_get_data (glb, NULL), 4, "glTF", 4);
  }
  stop_daemon (&d);
  /* Clean shutdown checkpointed the WAL (TRUNCATE leaves it empty or absent). */
  g_assert_true (g_stat (wal, &st) != 0 || st.st_size == 0);

  /* The operator verifies the demo nutritionist's licence on the stopped
   * server's data dir (issue 12); an unknown e-mail is an error. */
  g_assert_cmpint (run_license (dir, "--verify-license", "nobody@balanza.local"), ==, 1);
  g_assert_cmpint (run_license (dir, "--verify-license", "DEMO@balanza.local"), ==, 0);

  /* A restart on the same data dir does not import again and keeps the data. */
  start_daemon (&d, dir, TRUE);
  {
    g_autofree char *token = login (d.url, "demo@balanza.local");
    g_autoptr(GBytes) body = NULL, profile = NULL;
    g_assert_cmpuint (get_status (d.url, "/api/v1/nutritionist/patients?limit=100", token, &body), ==, 200);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (body, NULL), g_bytes_get_size (body), "\"total_items\":24"));
    g_assert_cmpuint (get_status (d.url, "/api/v1/nutritionist/profile", token, &profile), ==, 200);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (profile, NULL), g_bytes_get_size (profile),
                                    "\"license_status\":\"verified\""));
    g_assert_null (g_strstr_len (g_bytes_get_data (profile, NULL), g_bytes_get_size (profile),
                                 "\"license_verified_at\":null"));
  }
  /* An online backup while the server runs. */
  check_backup (dir);
  stop_daemon (&d);
  bz_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/integration/balanzad/demo", test_demo_daemon);
  return g_test_run ();
}
