/* bz-food-prices.c — the price table of bz-food-prices.h. */
#include "bz-food-prices.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

struct _BzFoodPrices
{
  GHashTable *by_ndb;   /* ndb_no (borrowed from the row) -> BzFoodPrice* */
  char *as_of;
};

static void
price_free (gpointer data)
{
  BzFoodPrice *p = data;

  g_free (p->ndb_no);
  g_free (p->name_es);
  g_free (p->purchase_unit);
  g_free (p->basis);
  g_free (p);
}

void
bz_food_prices_free (BzFoodPrices *prices)
{
  if (prices == NULL)
    return;
  g_hash_table_unref (prices->by_ndb);
  g_free (prices->as_of);
  g_free (prices);
}

static gboolean
parse_number (const char *text, double lo, double hi, double *out)
{
  char *end = NULL;
  double v = g_ascii_strtod (text, &end);

  if (end == text || *end != '\0' || !isfinite (v) || v < lo || v > hi)
    return FALSE;
  *out = v;
  return TRUE;
}

BzFoodPrices *
bz_food_prices_parse (const char *text, gsize len, GError **error)
{
  g_autoptr(BzFoodPrices) prices = g_new0 (BzFoodPrices, 1);
  g_autofree char *copy = g_strndup (text, len);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);

  prices->by_ndb = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, price_free);
  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strchomp (lines[i]);
      g_auto(GStrv) cols = NULL;
      BzFoodPrice *p;

      if (g_str_has_prefix (line, "# as_of\t"))
        {
          g_free (prices->as_of);
          prices->as_of = g_strstrip (g_strdup (line + strlen ("# as_of\t")));
          continue;
        }
      if (*line == '\0' || *line == '#')
        continue;
      cols = g_strsplit (line, "\t", -1);
      p = g_new0 (BzFoodPrice, 1);
      if (g_strv_length (cols) != 6 || *cols[0] == '\0' || *cols[1] == '\0' || *cols[3] == '\0' ||
          !parse_number (cols[2], 0, 100000, &p->mxn_per_kg) || !parse_number (cols[4], 0.1, 100000, &p->unit_grams) ||
          g_hash_table_contains (prices->by_ndb, cols[0]))
        {
          g_free (p);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "food prices, line %u: %s", i + 1, line);
          return NULL;
        }
      p->ndb_no = g_strdup (cols[0]);
      p->name_es = g_strdup (cols[1]);
      p->purchase_unit = g_strdup (cols[3]);
      p->basis = g_strdup (cols[5]);
      g_hash_table_insert (prices->by_ndb, p->ndb_no, p);
    }
  return g_steal_pointer (&prices);
}

const BzFoodPrice *
bz_food_prices_lookup (const BzFoodPrices *prices, const char *ndb_no)
{
  return ndb_no ? g_hash_table_lookup (prices->by_ndb, ndb_no) : NULL;
}

const char *
bz_food_prices_as_of (const BzFoodPrices *prices)
{
  return prices->as_of;
}

guint
bz_food_prices_count (const BzFoodPrices *prices)
{
  return g_hash_table_size (prices->by_ndb);
}

double
bz_food_price_purchase_quantity (const BzFoodPrice *price, double grams)
{
  double units = grams / price->unit_grams;

  if (grams <= 0)
    return 0;
  if (g_str_equal (price->purchase_unit, "kg") || g_str_equal (price->purchase_unit, "litro"))
    return ceil (units * 20 - 1e-9) / 20;
  return ceil (units - 1e-9);
}

double
bz_food_price_cost (const BzFoodPrice *price, double grams)
{
  return grams / 1000 * price->mxn_per_kg;
}
