/* bench-foods.c — USDA SR28 first-import time and food search latency.
 *
 *   bench-foods [SOURCE_DIR]      (default: bz_usda_default_source_dir())
 *
 * 1. Opens a fresh store in a temp dir and times bz_usda_import() (wall clock,
 *    includes the commit and WAL checkpoint).
 * 2. Times 1,000 bz_foods_find() calls (page 1, limit 20) built from a fixed
 *    list of words that occur in SR28 descriptions, drawn with a seeded GRand
 *    (seed 28): 55 % one word, 25 % two words, 20 % a 3-5 letter prefix.
 *    20 untimed warm-up queries come first.  Then the same for Spanish
 *    words of the es-MX names (search_es_*): these queries also go through
 *    the vocabulary's English words and the Spanish-name index.
 * 3. Times 1,000 bz_foods_get_food() of seeded random NDB numbers and 1,000
 *    unsearched listing pages.
 *
 * Prints one `name value` line per figure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bz-food-service.h"
#include "bz-test-util.h"
#include "bz-usda-import.h"

#define N_QUERIES 1000
#define SEED      28

/* Words taken from SR28 Long_Desc / ComName (data/foods/FOOD_DES.txt.xz). */
static const char *words[] = {
  "cheese", "cheddar", "mozzarella", "milk", "yogurt", "butter", "egg", "cream",
  "chicken", "beef", "pork", "lamb", "turkey", "veal", "fish", "salmon", "tuna",
  "cod", "shrimp", "crab", "bread", "wheat", "flour", "rice", "corn", "oats",
  "pasta", "noodles", "tortilla", "beans", "lentils", "chickpeas", "soy", "tofu",
  "peanut", "almonds", "walnuts", "apple", "banana", "orange", "grape", "mango",
  "papaya", "pineapple", "strawberries", "avocado", "tomato", "potato", "onion",
  "carrot", "spinach", "broccoli", "lettuce", "cabbage", "pepper", "jalapeno",
  "chili", "squash", "pumpkin", "cereal", "cookies", "cake", "chocolate", "candy",
  "sugar", "honey", "juice", "soup", "sauce", "salad", "sandwich", "pizza",
  "burrito", "taco", "fried", "roasted", "boiled", "raw", "cooked", "frozen",
  "canned", "dried", "fat", "lean", "sodium", "unsweetened", "whole", "ground",
};

/* Spanish words of data/foods/es-MX-names.tsv (some with accents, some
 * typed without), most of them also in the vocabulary (bz-food-terms.c). */
static const char *words_es[] = {
  "manzana", "plátano", "platano", "naranja", "limón", "aguacate", "jitomate", "tomate",
  "cebolla", "chile", "nopales", "calabacita", "elote", "maíz", "maiz", "tortilla", "frijoles",
  "pintos", "negros", "arroz", "pan", "bolillo", "avena", "leche", "queso", "fresco", "yogurt",
  "huevo", "pollo", "pechuga", "res", "molida", "cerdo", "jamón", "pescado", "atún", "camarón",
  "aceite", "mantequilla", "azúcar", "jugo", "refresco", "galletas", "cereal", "crudo",
  "cocido", "frito", "asado", "enlatado", "sin", "sal", "guayaba", "mango", "papaya", "sandía",
};

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
  return (x > y) - (x < y);
}

static void
print_percentiles (const char *name, double *ms, guint n)
{
  qsort (ms, n, sizeof *ms, cmp_double);
  printf ("%s_p50_ms %.3f\n", name, ms[n / 2]);
  printf ("%s_p99_ms %.3f\n", name, ms[(n * 99) / 100]);
  printf ("%s_max_ms %.3f\n", name, ms[n - 1]);
}

/* A query from @list (@n words): one word, two words, or the first 3-5
 * characters of one (UTF-8: never a cut character). */
static char *
make_query (GRand *rand, const char **list, guint n)
{
  const char *w1 = list[g_rand_int_range (rand, 0, n)];
  const char *w2 = list[g_rand_int_range (rand, 0, n)];
  int kind = g_rand_int_range (rand, 0, 100);

  if (kind < 55)
    return g_strdup (w1);
  if (kind < 80)
    return g_strdup_printf ("%s %s", w1, w2);
  return g_utf8_substring (w1, 0, MIN (g_utf8_strlen (w1, -1), g_rand_int_range (rand, 3, 6)));
}

/* Times N_QUERIES searches from @list after 20 untimed ones and prints
 * the figures as @name_*. */
static void
time_searches (BzServices *svc, GRand *rand, const char **list, guint n, const char *name, double *ms)
{
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *zero = g_strdup_printf ("%s_zero_hit_queries", name);
  guint empty = 0;
  gint64 results = 0;

  for (guint i = 0; i < N_QUERIES + 20; i++)
    g_ptr_array_add (queries, make_query (rand, list, n));

  for (guint i = 0; i < N_QUERIES + 20; i++)
    {
      g_autoptr(GError) error = NULL;
      const char *q = g_ptr_array_index (queries, i);
      g_autoptr(BzRecord) list_rec = NULL;
      double t = now_ms ();

      list_rec = bz_foods_find (svc, q, 1, 20, &error);
      if (list_rec == NULL)
        g_error ("search “%s”: %s", q, error->message);
      if (i < 20)
        continue;
      ms[i - 20] = now_ms () - t;
      {
        BzRecord *p = bz_record_get_object (list_rec, BZ_FOOD_LIST_PAGINATION);
        gint64 total = bz_record_get_int (p, BZ_PAGINATION_TOTAL_ITEMS);
        results += total;
        empty += total == 0;
      }
    }
  printf ("%s_queries %d\n", name, N_QUERIES);
  printf ("%s %u\n", zero, empty);
  printf ("%s_mean_total_items %.1f\n", name, (double) results / N_QUERIES);
  print_percentiles (name, ms, N_QUERIES);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = argc > 1 ? g_strdup (argv[1]) : bz_usda_default_source_dir ();
  g_autofree char *dir = bz_test_tmpdir ("bench-foods");
  g_autoptr(BzStore) store = NULL;
  g_autoptr(BzServices) svc = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GPtrArray) ndbs = g_ptr_array_new_with_free_func (g_free);
  double *ms = g_new (double, N_QUERIES);
  double t0;

  store = bz_store_open (dir, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  svc = bz_services_new (store);

  t0 = now_ms ();
  if (!bz_usda_import (store, source, NULL, NULL, NULL, &error))
    g_error ("import: %s", error->message);
  printf ("import_seconds %.2f\n", (now_ms () - t0) / 1e3);

  time_searches (svc, rand, words, G_N_ELEMENTS (words), "search", ms);
  time_searches (svc, rand, words_es, G_N_ELEMENTS (words_es), "search_es", ms);

  /* bz_foods_get_food of random foods */
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), "SELECT ndb_no FROM foods ORDER BY rowid", &error);
    while (sqlite3_step (st) == SQLITE_ROW)
      g_ptr_array_add (ndbs, bz_db_column_text_dup (st, 0));
  }
  for (guint i = 0; i < N_QUERIES; i++)
    {
      const char *ndb = g_ptr_array_index (ndbs, g_rand_int_range (rand, 0, ndbs->len));
      double t = now_ms ();
      g_autoptr(BzRecord) food = bz_foods_get_food (svc, ndb, &error);
      if (food == NULL)
        g_error ("get %s: %s", ndb, error->message);
      ms[i] = now_ms () - t;
    }
  print_percentiles ("get", ms, N_QUERIES);

  /* unsearched listing, random page of 20 */
  for (guint i = 0; i < N_QUERIES; i++)
    {
      guint page = g_rand_int_range (rand, 1, 8789 / 20 + 2);
      double t = now_ms ();
      g_autoptr(BzRecord) list = bz_foods_find (svc, NULL, page, 20, &error);
      if (list == NULL)
        g_error ("list: %s", error->message);
      ms[i] = now_ms () - t;
    }
  print_percentiles ("list", ms, N_QUERIES);

  g_free (ms);
  g_clear_object (&svc);
  g_clear_object (&store);
  bz_test_rmdir (dir);
  return 0;
}
