/* test-crash.c — acknowledged writes survive kill -9.
 *
 * balanzad runs on one data dir; writer threads sign in as demo members and
 * upload meals with distinct small PNG photos.  At a random moment after the
 * first acknowledgement the daemon gets SIGKILL.  Then:
 *   - the database passes PRAGMA integrity_check and foreign_key_check, every
 *     blob file opens with the data dir's key (it is encrypted at rest) and
 *     hashes to its name, and every acknowledged photo is on disk
 *     (checked with sqlite3 directly, before the restart on odd trials so the
 *     test's connection recovers the WAL, after a clean stop on the last);
 *   - after a restart every acknowledged meal (201) answers its original
 *     photo byte for byte, and its display copy.
 * BALANZA_CRASH_TRIALS (default 3) sets the number of kills.  Each trial that
 * passes prints "# crash trial N passed: …"; the last line is
 * "# crash_trials_passed N/M …" (tests/bench/run-all runs 100 and counts).
 */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>

#include "bz-crypt.h"
#include "bz-test-util.h"
#include "config.h"

#define N_WRITERS 4
#define ITEMS "[{\"ndb_no\":\"20045\",\"grams\":150}]"

typedef struct
{
  GSubprocess *proc;
  char *url;
} Daemon;

typedef struct
{
  char *meal_id;
  char *sha256;   /* of the uploaded photo */
  guint writer;
} Ack;

typedef struct
{
  const char *url;
  guint index;
  const char *token;
  guint32 seed;
  GMutex *lock;
  GPtrArray *acks;     /* Ack*, under lock */
  gint *n_acked;       /* atomic, this trial */
  gint *stop;          /* atomic */
  guint errors_other;  /* non-201 answers (not acknowledged) */
} Writer;

static void
ack_free (gpointer p)
{
  Ack *a = p;
  g_free (a->meal_id);
  g_free (a->sha256);
  g_free (a);
}

static void
start_daemon (Daemon *d, const char *dir, gboolean demo)
{
  const char *argv[] = { "--data-dir", dir, "--port", "0", "--bind", "127.0.0.1", "--api-rate-limit", "0",
                         demo ? "--demo" : NULL, NULL };
  d->proc = bz_test_spawn_daemon (0, argv, &d->url);
}

static void
kill_daemon (Daemon *d)
{
  g_subprocess_force_exit (d->proc);  /* SIGKILL */
  g_assert_true (g_subprocess_wait (d->proc, NULL, NULL));
  g_assert_true (g_subprocess_get_if_signaled (d->proc));
  g_assert_cmpint (g_subprocess_get_term_sig (d->proc), ==, SIGKILL);
  g_clear_object (&d->proc);
  g_clear_pointer (&d->url, g_free);
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

static JsonObject *
parse_data (GBytes *body, JsonParser *p)
{
  JsonNode *root;
  if (body == NULL ||
      !json_parser_load_from_data (p, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL) ||
      !(root = json_parser_get_root (p)) || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_get_object_member (json_node_get_object (root), "data");
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
  JsonObject *data;

  soup_message_set_request_body_from_bytes (msg, "application/json", req);
  body = soup_session_send_and_read (s, msg, NULL, NULL);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  data = parse_data (body, p);
  g_assert_nonnull (data);
  return g_strdup (json_object_get_string_member (data, "access_token"));
}

/* A small PNG of random pixels: every upload is a different blob. */
static GBytes *
random_png (GRand *rand)
{
  int w = g_rand_int_range (rand, 8, 48), h = g_rand_int_range (rand, 8, 48);
  g_autoptr(GdkPixbuf) pb = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, w, h);
  guchar *px = gdk_pixbuf_get_pixels (pb);
  int stride = gdk_pixbuf_get_rowstride (pb);
  g_autoptr(GError) error = NULL;
  gchar *buf = NULL;
  gsize len = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w * 3; x++)
      px[y * stride + x] = g_rand_int_range (rand, 0, 256);
  g_assert_true (gdk_pixbuf_save_to_buffer (pb, &buf, &len, "png", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buf, len);
}

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr(SoupSession) s = soup_session_new_with_options ("timeout", 20, NULL);
  g_autofree char *url = g_strconcat (w->url, "/api/nutrition/upload-meal", NULL);
  g_autofree char *auth = g_strdup_printf ("Bearer %s", w->token);
  GRand *rand = g_rand_new_with_seed (w->seed);

  while (!g_atomic_int_get (w->stop))
    {
      g_autoptr(GBytes) png = random_png (rand);
      g_autoptr(SoupMultipart) mp = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonParser) p = json_parser_new ();
      JsonObject *data, *meal;

      soup_multipart_append_form_file (mp, "image", "meal.png", "image/png", png);
      soup_multipart_append_form_string (mp, "meal_type", "lunch");
      soup_multipart_append_form_string (mp, "items", ITEMS);
      msg = soup_message_new_from_multipart (url, mp);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
      body = soup_session_send_and_read (s, msg, NULL, &error);
      if (error)
        break;  /* the daemon is gone: whatever was in flight is not acknowledged */
      if (soup_message_get_status (msg) != 201)
        {
          w->errors_other++;
          g_usleep (20 * 1000);
          continue;
        }
      data = parse_data (body, p);
      g_assert_nonnull (data);
      meal = json_object_get_object_member (data, "meal");
      g_assert_nonnull (meal);
      {
        Ack *a = g_new0 (Ack, 1);
        a->meal_id = g_strdup (json_object_get_string_member (meal, "id"));
        a->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);
        a->writer = w->index;
        g_mutex_lock (w->lock);
        g_ptr_array_add (w->acks, a);
        g_mutex_unlock (w->lock);
        g_atomic_int_inc (w->n_acked);
      }
    }
  g_rand_free (rand);
  return NULL;
}

/* The SHA-256 of a blob file's plaintext: the file is sealed with the data
 * dir's key (src/store/bz-crypt.h), and opening it checks its tag. */
static char *
sha256_file (const char *dir, const char *path, const char *name)
{
  g_autofree char *key = g_build_filename (dir, BZ_CRYPT_KEY_FILE_NAME, NULL);
  g_autoptr(GMappedFile) m = g_mapped_file_new (path, FALSE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) plain = NULL;
  BzCrypt *crypt = bz_crypt_load (key, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (m);
  plain = bz_crypt_open_blob (crypt, name, (const guint8 *) g_mapped_file_get_contents (m),
                              g_mapped_file_get_length (m), &error);
  bz_crypt_free (crypt);
  if (plain == NULL)
    g_error ("blob file %s does not open: %s", path, error->message);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, plain);
}

static char *
blob_path (const char *dir, const char *sha)
{
  char prefix[3] = { sha[0], sha[1], 0 };
  return g_build_filename (dir, "blobs", "sha256", prefix, sha + 2, NULL);
}

/* Every file named like a blob hashes to its name; temporary leftovers of an
 * interrupted write (".tmp-…") are allowed and counted. */
static guint
check_blob_files (const char *dir, guint *out_temp)
{
  g_autofree char *root = g_build_filename (dir, "blobs", "sha256", NULL);
  g_autoptr(GDir) d = g_dir_open (root, 0, NULL);
  const char *prefix;
  guint n = 0;

  *out_temp = 0;
  if (d == NULL)
    return 0;
  while ((prefix = g_dir_read_name (d)))
    {
      g_autofree char *sub = g_build_filename (root, prefix, NULL);
      g_autoptr(GDir) sd = g_dir_open (sub, 0, NULL);
      const char *name;
      g_assert_nonnull (sd);
      while ((name = g_dir_read_name (sd)))
        {
          g_autofree char *path = g_build_filename (sub, name, NULL);
          g_autofree char *expected = g_strconcat (prefix, name, NULL);
          g_autofree char *actual = NULL;
          if (g_str_has_prefix (name, ".tmp-"))
            {
              (*out_temp)++;
              continue;
            }
          actual = sha256_file (dir, path, expected);
          if (g_strcmp0 (actual, expected) != 0)
            g_error ("blob file %s hashes to %s", path, actual);
          n++;
        }
    }
  return n;
}

static void
check_db_directly (const char *dir, GPtrArray *acks)
{
  g_autofree char *db_path = g_build_filename (dir, "balanza.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  guint temp = 0, files;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &st, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (st, 0), ==, "ok");
  sqlite3_finalize (st);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &st, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_DONE);
  sqlite3_finalize (st);

  /* Every acknowledged meal is a row with its photo's hash, and the file is there. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT photo_sha256 FROM meal_logs WHERE id = ?", -1, &st, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < acks->len; i++)
    {
      Ack *a = g_ptr_array_index (acks, i);
      g_autofree char *path = blob_path (dir, a->sha256);
      sqlite3_reset (st);
      sqlite3_bind_text (st, 1, a->meal_id, -1, SQLITE_STATIC);
      if (sqlite3_step (st) != SQLITE_ROW)
        g_error ("acknowledged meal %s is missing from the database", a->meal_id);
      g_assert_cmpstr ((const char *) sqlite3_column_text (st, 0), ==, a->sha256);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  sqlite3_finalize (st);
  /* Every row of blobs has its file. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sha256 FROM blobs", -1, &st, NULL), ==, SQLITE_OK);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      g_autofree char *path = blob_path (dir, (const char *) sqlite3_column_text (st, 0));
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_error ("blob row %s has no file", sqlite3_column_text (st, 0));
    }
  sqlite3_finalize (st);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  files = check_blob_files (dir, &temp);
  g_test_message ("db ok, %u blob files verified, %u temp leftovers", files, temp);
}

static GBytes *
get_photo (SoupSession *s, const char *base, const char *token, const Ack *a, const char *query)
{
  g_autofree char *url = g_strdup_printf ("%s/api/v1/meals/%s/photo%s", base, a->meal_id, query);
  g_autofree char *auth = g_strdup_printf ("Bearer %s", token);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GError) error = NULL;
  GBytes *body;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  body = soup_session_send_and_read (s, msg, NULL, &error);
  if (soup_message_get_status (msg) != 200)
    g_error ("acknowledged meal %s: photo%s answers %u after the crash (%s)", a->meal_id, query,
             soup_message_get_status (msg), error ? error->message : "");
  return body;
}

/* After the restart: each acknowledged meal's original photo byte for byte
 * (hash), and its display copy served (the server checks its hash). */
static void
check_acks_served (const char *base, char **tokens, GPtrArray *acks, guint from)
{
  g_autoptr(SoupSession) s = soup_session_new_with_options ("timeout", 20, NULL);
  for (guint i = from; i < acks->len; i++)
    {
      Ack *a = g_ptr_array_index (acks, i);
      g_autoptr(GBytes) original = get_photo (s, base, tokens[a->writer], a, "?size=original");
      g_autoptr(GBytes) display = get_photo (s, base, tokens[a->writer], a, "");
      g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, original);
      g_assert_cmpstr (sha, ==, a->sha256);
      g_assert_cmpuint (g_bytes_get_size (display), >, 0);
    }
}

static void
test_crash (void)
{
  const char *env = g_getenv ("BALANZA_CRASH_TRIALS");
  guint trials = env ? (guint) g_ascii_strtoull (env, NULL, 10) : 3;
  g_autofree char *dir = bz_test_tmpdir ("crash");
  g_autoptr(GPtrArray) acks = g_ptr_array_new_with_free_func (ack_free);
  char *tokens[N_WRITERS + 1] = { 0 };
  GMutex lock;
  Daemon d = { 0 };
  guint passed = 0, total_other = 0;

  g_assert_cmpuint (trials, >, 0);
  g_mutex_init (&lock);
  /* First start imports the USDA foods and creates the demo clinic. */
  start_daemon (&d, dir, TRUE);
  /* Access tokens are signed with the data dir's key: they outlive restarts,
   * so each member signs in once (the login rate limit stays untouched). */
  for (guint i = 0; i < N_WRITERS; i++)
    {
      g_autofree char *email = g_strdup_printf ("paciente%02u@balanza.local", i + 1);
      tokens[i] = login (d.url, email);
    }

  for (guint trial = 0; trial < trials; trial++)
    {
      Writer w[N_WRITERS];
      GThread *threads[N_WRITERS];
      gint n_acked = 0, stop = 0;
      guint first = acks->len;
      gint64 deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

      for (guint i = 0; i < N_WRITERS; i++)
        {
          w[i] = (Writer) { .url = d.url, .index = i, .token = tokens[i], .seed = g_test_rand_int (),
                            .lock = &lock, .acks = acks, .n_acked = &n_acked, .stop = &stop };
          threads[i] = g_thread_new ("writer", writer_thread, &w[i]);
        }
      /* Kill at a random moment once writes are flowing. */
      while (g_atomic_int_get (&n_acked) == 0 && g_get_monotonic_time () < deadline)
        g_usleep (5 * 1000);
      g_assert_cmpint (g_atomic_int_get (&n_acked), >, 0);
      g_usleep (g_test_rand_int_range (0, 1200) * 1000);
      kill_daemon (&d);
      g_atomic_int_set (&stop, 1);
      for (guint i = 0; i < N_WRITERS; i++)
        {
          g_thread_join (threads[i]);
          total_other += w[i].errors_other;
        }

      /* Odd trials: this process opens the crashed database first (WAL
       * recovery by a plain sqlite3 connection); even: the daemon does. */
      if (trial % 2 == 1)
        check_db_directly (dir, acks);
      start_daemon (&d, dir, FALSE);
      check_acks_served (d.url, tokens, acks, first);
      passed++;
      printf ("# crash trial %u passed: %u writes acknowledged before kill -9, all present\n",
              trial + 1, acks->len - first);
      fflush (stdout);
    }
  /* Nothing acknowledged in an earlier trial went missing in a later one. */
  check_acks_served (d.url, tokens, acks, 0);
  stop_daemon (&d);
  check_db_directly (dir, acks);
  if (total_other)
    g_test_message ("%u uploads answered something else than 201 (not acknowledged)", total_other);
  printf ("# crash_trials_passed %u/%u (%u acknowledged meals in all)\n", passed, trials, acks->len);
  fflush (stdout);

  for (guint i = 0; i < N_WRITERS; i++)
    g_free (tokens[i]);
  g_mutex_clear (&lock);
  bz_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/integration/crash/kill-9", test_crash);
  return g_test_run ();
}
