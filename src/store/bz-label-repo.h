/* bz-label-repo.h — what POST /ai/scan-label reads of the USDA SR28 foods
 * (data/sql/002_foods.sql, 005, 010) to propose better alternatives: the
 * food groups of some foods, and the everyday foods of one group with the
 * nutrients a label declares (SR28 208, 203, 205, 269, 204, 606, 605, 291,
 * 307 per 100 g).  Read-only. */
#pragma once

#include "bz-label.h"
#include "bz-store.h"

G_BEGIN_DECLS

/**
 * BzLabelFood:
 * @ndb_no: SR28 NDB_No
 * @long_desc: SR28 Long_Desc
 * @name_es: (nullable): its Spanish (Mexico) name
 * @per_100g: its values per 100 g; sugars, saturated and trans fat, fiber
 *   and sodium are 0 where SR28 has no value; added sugars are undeclared
 *   (-1): SR28 does not carry them
 * @plainness: foods.plainness (lower: a plainer, more everyday food)
 */
typedef struct
{
  char *ndb_no;
  char *long_desc;
  char *name_es;
  BzLabelPanel per_100g;
  double plainness;
} BzLabelFood;

void bz_label_food_free (BzLabelFood *food);

/**
 * bz_label_repo_food_groups:
 * @ndb_nos: (array zero-terminated=1): SR28 numbers
 * @out: (out) (transfer full): ndb_no -> FdGrp_Cd (both strings) for each that exists
 *
 * One statement.  Returns: %FALSE with @error on a database error.
 */
gboolean bz_label_repo_food_groups (BzStore *store, const char *const *ndb_nos, GHashTable **out, GError **error);

/**
 * bz_label_repo_group_foods:
 * @food_group: an SR28 FdGrp_Cd ("0800")
 * @limit: at most this many foods
 * @out: (out) (transfer full) (element-type BzLabelFood): the group's foods
 *   for which SR28 has energy, sugars and saturated fat (without them a food
 *   would look better than it is), leavening agents aside (no food on their
 *   own), plainest first (foods.plainness, then NDB_No)
 *
 * One statement.  Returns: %FALSE with @error on a database error.
 */
gboolean bz_label_repo_group_foods (BzStore *store, const char *food_group, guint limit, GPtrArray **out,
                                    GError **error);

/**
 * BzLabelRecipe:
 * @recipe_id: the recipe's id
 * @title: its title
 * @per_100g: its values per 100 g of the dish (all ingredients' grams; a
 *   nutrient SR28 has no value for counts as 0, as data/recipes/SOURCE.md
 *   says); added sugars undeclared (-1)
 * @added: what its ingredients add (bz_label_added_from_ingredient())
 */
typedef struct
{
  char *recipe_id;
  char *title;
  BzLabelPanel per_100g;
  guint added;
} BzLabelRecipe;

void bz_label_recipe_free (BzLabelRecipe *recipe);

/**
 * bz_label_repo_group_recipes:
 * @food_group: an SR28 FdGrp_Cd
 * @out: (out) (transfer full) (element-type BzLabelRecipe): the published
 *   recipes whose heaviest ingredient (by grams, water aside: it makes up
 *   soups and drinks alike) belongs to @food_group, in catalogue order
 *
 * One statement.  Returns: %FALSE with @error on a database error.
 */
gboolean bz_label_repo_group_recipes (BzStore *store, const char *food_group, GPtrArray **out, GError **error);

G_END_DECLS
