/* daily-floor.c — the least any server built on libsoup and this SQLite schema can
 * spend on GET /api/nutrition/daily: a bare libsoup server (as ../shared/bench's
 * soup-hello) that, per request, checks one HS256 signature (libsodium), runs the
 * statements balanzad ran for one member's daily (captured by sql-trace-shim.c,
 * with their bound values inlined), steps every row and reads every column, and
 * answers the body balanzad gave, with balanzad's response headers.
 * No records, no JSON writing, no routing, no audit: what is left when Balanza's
 * own code costs nothing.  Used by tests/bench/p1-floor (issue 6).
 *
 * usage: daily-floor PORT DB TRACE.sql BODY.json TOKEN SECRET_HEX
 *   TRACE.sql: statements separated by lines ";;" (the shim's output) */
#include <libsoup/soup.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static sqlite3 *db;
static GPtrArray *stmts;
static char *body;
static gsize body_len;
static const char *token;
static guint8 secret[32];

static void
handle (SoupServer *server, SoupServerMessage *msg, const char *path,
        GHashTable *query, gpointer user_data)
{
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");
  const char *dot = strrchr (token, '.');
  guint8 mac[crypto_auth_hmacsha256_BYTES];
  volatile double sink = 0;

  /* The signature over header.payload: the one HMAC every request needs. */
  if (auth == NULL || dot == NULL)
    {
      soup_server_message_set_status (msg, 401, NULL);
      return;
    }
  crypto_auth_hmacsha256 (mac, (const guint8 *) token, (gsize) (dot - token), secret);
  sink += mac[0];
  for (guint i = 0; i < stmts->len; i++)
    {
      sqlite3_stmt *st = g_ptr_array_index (stmts, i);
      while (sqlite3_step (st) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (st); c++)
          {
            if (sqlite3_column_type (st, c) == SQLITE_TEXT)
              sink += sqlite3_column_bytes (st, c) + sqlite3_column_text (st, c)[0];
            else
              sink += sqlite3_column_double (st, c);
          }
      sqlite3_reset (st);
    }
  soup_message_headers_replace (h, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (h, "X-Frame-Options", "DENY");
  soup_message_headers_replace (h, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (h, "Cache-Control", "no-store");
  soup_message_headers_replace (h, "X-Request-Id", "req_0000000000000000");
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_COPY, body, body_len);
}

int
main (int argc, char **argv)
{
  g_autofree char *trace = NULL;
  g_auto(GStrv) parts = NULL;
  GError *error = NULL;
  SoupServer *server;

  if (argc != 7 || sodium_init () < 0)
    {
      fprintf (stderr, "usage: daily-floor PORT DB TRACE.sql BODY.json TOKEN SECRET_HEX\n");
      return 2;
    }
  token = argv[5];
  if (sodium_hex2bin (secret, sizeof secret, argv[6], strlen (argv[6]), NULL, NULL, NULL) != 0)
    return 2;
  if (!g_file_get_contents (argv[3], &trace, NULL, &error) ||
      !g_file_get_contents (argv[4], &body, &body_len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);   /* as balanzad's store does */
  if (sqlite3_open_v2 (argv[2], &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    return 1;
  sqlite3_exec (db, "PRAGMA cache_size=-16000", NULL, NULL, NULL);
  stmts = g_ptr_array_new ();
  parts = g_strsplit (trace, "\n;;\n", -1);
  for (guint i = 0; parts[i]; i++)
    {
      sqlite3_stmt *st;
      g_strstrip (parts[i]);
      if (*parts[i] == '\0' || strcmp (parts[i], "?") == 0 || g_str_has_prefix (parts[i], "PRAGMA"))
        continue;
      if (sqlite3_prepare_v3 (db, parts[i], -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
        {
          fprintf (stderr, "%s: %s\n", parts[i], sqlite3_errmsg (db));
          return 1;
        }
      g_ptr_array_add (stmts, st);
    }
  server = soup_server_new ("server-header", "Balanza", NULL);
  soup_server_add_handler (server, NULL, handle, NULL, NULL);
  if (!soup_server_listen_local (server, atoi (argv[1]), SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("listening on %s with %u statements\n", argv[1], stmts->len);
  fflush (stdout);
  g_main_loop_run (g_main_loop_new (NULL, FALSE));
  return 0;
}
