/* bench-sync.c — the phones' delta sync (issue 9): a member's initial sync
 * of a year of records, and the size of an empty delta.
 *
 *   bench-sync
 *
 * 1. A fresh store with SR28 and the recipe catalogue imported and the demo
 *    clinic (24 members, bz_demo_create()), then a year for paciente01:
 *    4 meals a day of 2 foods (1,448 meals) and a scan a
 *    month (12, with their avatars): bz_test_add_year() (tests/bz-test-year.h).
 * 2. The member's initial sync, on the server side: bz_sync_changes() from
 *    no cursor, page after page until has_more is false, and each page
 *    serialized into its HTTP envelope (bz_envelope_serialize()), i.e. what
 *    the route's handler does, without the socket.  Limits 500 (the most a
 *    phone may ask) and 100 (the default); 5 timed runs each after one
 *    untimed, the median printed.
 * 3. The empty delta from the last page's cursor: its envelope's bytes and
 *    its time (mean of 100).
 * 4. Then the 23 other members log a year of meals each (a clinic's log,
 *    about 35,000 changes) and 2-3 again ("clinic_" figures): the full sync
 *    walks the whole log, the empty delta only the changes after its cursor.
 *
 * Prints one `name value` line per figure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bz-demo.h"
#include "bz-http.h"
#include "bz-recipe-import.h"
#include "bz-store.h"
#include "bz-sync-service.h"
#include "bz-test-util.h"
#include "bz-test-year.h"
#include "bz-usda-import.h"

#define RUNS 5

static double
now_ms (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static char *
text_of (BzStore *store, const char *sql)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), sql, NULL);
  if (st == NULL || sqlite3_step (st) != SQLITE_ROW)
    return NULL;
  return bz_db_column_text_dup (st, 0);
}

/* The member's initial sync at limits 500 and 100 (median of RUNS after a
 * warm-up), then the empty delta; figures prefixed with @tag. */
static void measure (BzServices *svc, const BzCaller *member, const char *tag);

/* A whole sync from no cursor: its time, pages, entries and bytes; its last cursor. */
static double
initial_sync (BzServices *svc, const BzCaller *member, guint limit, guint *out_pages, guint *out_changes,
              gsize *out_bytes, char **out_cursor)
{
  g_autofree char *cursor = NULL;
  gboolean more = TRUE;
  double t0 = now_ms ();

  *out_pages = *out_changes = 0;
  *out_bytes = 0;
  while (more)
    {
      g_autoptr(GError) error = NULL;
      BzRecord *page = bz_sync_changes (svc, member, cursor, limit, &error);
      g_autoptr(BzResponse) resp = NULL;
      g_autofree char *body = NULL;
      gsize len = 0;

      if (page == NULL)
        g_error ("sync: %s", error->message);
      more = bz_record_get_boolean (page, BZ_SYNC_PAGE_HAS_MORE);
      *out_changes += bz_record_get_n_items (page, BZ_SYNC_PAGE_CHANGES);
      g_free (cursor);
      cursor = g_strdup (bz_record_get_string (page, BZ_SYNC_PAGE_NEXT_CURSOR));
      resp = bz_response_record (200, page);
      body = bz_envelope_serialize (resp, "req_0123456789abcdef", &len);
      *out_bytes += len;
      (*out_pages)++;
    }
  if (out_cursor)
    *out_cursor = g_steal_pointer (&cursor);
  return now_ms () - t0;
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = bz_test_tmpdir ("bench-sync");
  g_autofree char *foods = bz_usda_default_source_dir ();
  g_autofree char *recipes = bz_recipe_default_source ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  g_autoptr(BzServices) svc = NULL;
  g_autoptr(BzCaller) member = NULL, nutritionist = NULL;
  g_autofree char *patient = NULL, *user = NULL, *nutri = NULL;
  double t0;

  if (store == NULL)
    g_error ("store: %s", error->message);
  if (!bz_usda_import (store, foods, NULL, NULL, NULL, &error) || !bz_recipe_import (store, recipes, NULL, &error))
    g_error ("import: %s", error->message);
  svc = bz_services_new (store);
  if (!bz_demo_create (svc, NULL, &error))
    g_error ("demo: %s", error->message);
  patient = text_of (store, "SELECT p.id FROM patients p JOIN users u ON u.id = p.user_id"
                            " WHERE u.email = 'paciente01@balanza.local'");
  user = text_of (store, "SELECT id FROM users WHERE email = 'paciente01@balanza.local'");
  nutri = text_of (store, "SELECT nutritionist_id FROM patients WHERE id = (SELECT p.id FROM patients p JOIN users u"
                          " ON u.id = p.user_id WHERE u.email = 'paciente01@balanza.local')");
  member = bz_caller_new (user, BZ_ROLE_PATIENT, "paciente01@balanza.local");
  nutritionist = bz_caller_new (nutri, BZ_ROLE_NUTRITIONIST, BZ_DEMO_NUTRITIONIST_EMAIL);

  /* A year: four meals a day, a scan a month. */
  t0 = now_ms ();
  bz_test_add_year (svc, patient, user, nutritionist, TRUE);
  printf ("setup_year_ms %.0f\n", now_ms () - t0);
  {
    g_autofree char *n = text_of (store, "SELECT count(*) FROM changes");
    g_autofree char *mine = NULL, *q = g_strdup_printf ("SELECT count(*) FROM changes WHERE patient_id = '%s'", patient);
    mine = text_of (store, q);
    printf ("log_changes %s\nlog_changes_member %s\n", n, mine);
  }
  measure (svc, member, "");

  /* The clinic: the 23 other demo members log a year each too (meals only);
   * the member's sync reads the whole log, the empty delta only its end. */
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
        "SELECT p.id, p.user_id FROM patients p WHERE p.id <> ?", NULL);
    g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_free);
    sqlite3_bind_text (st, 1, patient, -1, SQLITE_STATIC);
    while (sqlite3_step (st) == SQLITE_ROW)
      {
        g_ptr_array_add (others, bz_db_column_text_dup (st, 0));
        g_ptr_array_add (others, bz_db_column_text_dup (st, 1));
      }
    g_clear_pointer (&st, bz_db_stmt_release);
    for (guint i = 0; i < others->len; i += 2)
      bz_test_add_year (svc, g_ptr_array_index (others, i), g_ptr_array_index (others, i + 1), nutritionist,
                          FALSE);
  }
  {
    g_autofree char *n = text_of (store, "SELECT count(*) FROM changes");
    printf ("clinic_log_changes %s\n", n);
  }
  measure (svc, member, "clinic_");
  g_clear_object (&svc);
  g_clear_object (&store);
  bz_test_rmdir (dir);
  return 0;
}

static void
measure (BzServices *svc, const BzCaller *member, const char *tag)
{
  g_autofree char *cursor = NULL;
  g_autoptr(GError) error = NULL;
  double t0;

  for (guint l = 0; l < 2; l++)
    {
      static const guint limits[] = { 500, 100 };
      double times[RUNS];
      guint pages = 0, changes = 0;
      gsize bytes = 0;

      initial_sync (svc, member, limits[l], &pages, &changes, &bytes, NULL);   /* warm-up */
      for (guint r = 0; r < RUNS; r++)
        {
          g_clear_pointer (&cursor, g_free);
          times[r] = initial_sync (svc, member, limits[l], &pages, &changes, &bytes, &cursor);
        }
      qsort (times, RUNS, sizeof times[0], cmp_double);
      printf ("%sinitial_sync_limit%u_ms_median %.1f\n%sinitial_sync_limit%u_ms_max %.1f\n", tag, limits[l],
              times[RUNS / 2], tag, limits[l], times[RUNS - 1]);
      printf ("%sinitial_sync_limit%u_pages %u\n%sinitial_sync_limit%u_changes %u\n"
              "%sinitial_sync_limit%u_bytes %" G_GSIZE_FORMAT "\n",
              tag, limits[l], pages, tag, limits[l], changes, tag, limits[l], bytes);
    }

  /* The empty delta: what a phone gets when nothing changed. */
  {
    g_autoptr(BzRecord) page = bz_sync_changes (svc, member, cursor, BZ_SYNC_LIMIT_DEFAULT, &error);
    g_autoptr(BzResponse) resp = NULL;
    g_autofree char *body = NULL;
    gsize len = 0;

    if (page == NULL)
      g_error ("delta: %s", error->message);
    resp = bz_response_record (200, g_object_ref (page));
    body = bz_envelope_serialize (resp, "req_0123456789abcdef", &len);
    printf ("%sempty_delta_bytes %" G_GSIZE_FORMAT "\n", tag, len);
    t0 = now_ms ();
    for (guint r = 0; r < 100; r++)
      {
        g_autoptr(BzRecord) again = bz_sync_changes (svc, member, cursor, BZ_SYNC_LIMIT_DEFAULT, &error);
        g_assert (again != NULL);
      }
    printf ("%sempty_delta_ms_mean %.3f\n", tag, (now_ms () - t0) / 100);
  }
}
