/* bz-meal-repo.c — meal_logs and meal_items (see bz-meal-repo.h).  The
 * column lists come from the declarations of Meal and MealItem; each
 * statement's text is built once and then found in the connection's
 * prepared-statement cache. */
#include "bz-meal-repo.h"

#include "bz-meal-plan-repo.h"
#include "bz-meal-plan-resources.h"
#include "bz-record-store.h"
#include "bz-repo-private.h"

#include <string.h>

typedef enum { ITEMS_OF_ONE, ITEMS_OF_DAY, ITEMS_OF_PAGE, ITEMS_OF_MANY, N_ITEM_QUERIES } ItemQuery;

/* "SELECT <Meal columns>, m.photo_sha256 FROM meal_logs m WHERE " + @where */
static char *
meal_select (const char *where)
{
  GString *sql = g_string_new ("SELECT ");
  bz_db_append_columns (sql, &bz_meal_resource, "m");
  g_string_append_printf (sql, ", m.photo_sha256 FROM meal_logs m WHERE %s", where);
  return g_string_free (sql, FALSE);
}

static const char *
sql_meal_one (void)
{
  static gsize sql;
  if (g_once_init_enter (&sql))
    g_once_init_leave (&sql, (gsize) meal_select ("m.id = ?1"));
  return (const char *) sql;
}

static const char *
sql_meal_day (void)
{
  static gsize sql;
  if (g_once_init_enter (&sql))
    g_once_init_leave (&sql, (gsize) meal_select ("m.patient_id = ?1 AND m.eaten_date = ?2 ORDER BY m.eaten_at"));
  return (const char *) sql;
}

static const char *
sql_meal_page (void)
{
  static gsize sql;
  if (g_once_init_enter (&sql))
    g_once_init_leave (&sql, (gsize) meal_select ("m.patient_id = ?1 ORDER BY m.eaten_at DESC, m.created_at DESC"
                                                  " LIMIT ?2 OFFSET ?3"));
  return (const char *) sql;
}

static const char *
sql_items (ItemQuery q)
{
  static gsize sql[N_ITEM_QUERIES];
  static const char *const filters[N_ITEM_QUERIES] = {
    [ITEMS_OF_ONE] = "i.meal_id = ?1",
    /* A join, not "IN (SELECT ...)": the IN list was built into an ephemeral
     * table on every request (stop 20's profile: ~45k instructions). */
    [ITEMS_OF_DAY] = "m.patient_id = ?1 AND m.eaten_date = ?2",
    [ITEMS_OF_PAGE] = "i.meal_id IN (SELECT id FROM meal_logs WHERE patient_id = ?1"
                      " ORDER BY eaten_at DESC, created_at DESC LIMIT ?2 OFFSET ?3)",
    [ITEMS_OF_MANY] = "i.meal_id IN (SELECT value FROM json_each (?1))",
  };
  if (g_once_init_enter (&sql[q]))
    {
      GString *s = g_string_new ("SELECT i.meal_id, f.long_desc, f.name_es, f.food_group, coalesce (f.energy_kcal, 0),"
                                 " coalesce (f.protein_g, 0), coalesce (f.carbohydrate_g, 0), coalesce (f.fat_g, 0),"
                                 " coalesce (f.fiber_g, 0), coalesce (f.sodium_mg, 0), ");
      bz_db_append_columns (s, &bz_meal_item_resource, "i");
      if (q == ITEMS_OF_DAY)   /* the day's index, then each meal's items in order: nothing sorted */
        g_string_append_printf (s, " FROM meal_logs m JOIN meal_items i ON i.meal_id = m.id"
                                   " LEFT JOIN foods f ON f.ndb_no = i.ndb_no WHERE %s"
                                   " ORDER BY m.eaten_at, m.rowid, i.position", filters[q]);
      else
        g_string_append_printf (s, " FROM meal_items i LEFT JOIN foods f ON f.ndb_no = i.ndb_no WHERE %s"
                                   " ORDER BY i.meal_id, i.position", filters[q]);
      g_once_init_leave (&sql[q], (gsize) g_string_free (s, FALSE));
    }
  return (const char *) sql[q];
}

/* One Meal from a meal_select() row; its items start empty. */
static BzRecord *
read_meal (sqlite3_stmt *st)
{
  BzRecord *meal = bz_record_new (&bz_meal_resource);
  int col = 0;

  bz_db_read_record (st, &col, meal);
  if (sqlite3_column_type (st, col) != SQLITE_NULL)
    bz_record_take_string (meal, BZ_MEAL_PHOTO_URL,
                           g_strconcat ("/api/v1/meals/", bz_record_get_string (meal, BZ_MEAL_ID), "/photo", NULL));
  bz_record_set_empty_array (meal, BZ_MEAL_ITEMS);
  return meal;
}

/* The index in @meals of the meal @id, or -1.  The items of a day come in
 * the meals' order (as do one meal's): the meal of the item before, or the
 * next one, in one or two comparisons; items in another order (a page's, by
 * meal id) are found in @by_id (id -> index + 1), built on the first miss. */
static int
meal_index (GPtrArray *meals, const char *id, guint *at, GHashTable **by_id)
{
  guint i;

  for (i = *at; i < meals->len && i < *at + 2; i++)
    if (strcmp (bz_record_get_string (g_ptr_array_index (meals, i), BZ_MEAL_ID), id) == 0)
      return (int) (*at = i);
  if (*by_id == NULL)
    {
      *by_id = g_hash_table_new (g_str_hash, g_str_equal);
      for (i = 0; i < meals->len; i++)
        g_hash_table_insert (*by_id, (gpointer) bz_record_get_string (g_ptr_array_index (meals, i), BZ_MEAL_ID),
                             GUINT_TO_POINTER (i + 1));
    }
  if (!(i = GPOINTER_TO_UINT (g_hash_table_lookup (*by_id, id))))
    return -1;
  return (int) (*at = i - 1);
}

/* Sets each meal's SMAE equivalents from @totals (meal i's at i; a meal
 * without items: zero). */
static void
set_equivalents (GPtrArray *meals, const BzRecipeTotals *totals)
{
  for (guint i = 0; i < meals->len; i++)
    {
      BzRecord *m = g_ptr_array_index (meals, i);
      bz_smae_set_panel (m, BZ_MEAL_EQUIVALENTS, totals[i].smae);
    }
}

/* Runs a bound items statement and appends each item to its meal in
 * @meals, then sets the meals' SMAE equivalents: each item is counted as a
 * recipe's ingredient is (bz_recipe_totals_add(): its SR28 food classified
 * with bz_smae_classify() from its group, description and panel per 100 g,
 * or decomposed when SMAE has no group for it). */
static gboolean
attach_items (sqlite3_stmt *it, GPtrArray *meals, GError **error)
{
  g_autofree BzRecipeTotals *totals = g_new0 (BzRecipeTotals, MAX (meals->len, 1));   /* meal i's */
  g_autoptr(GHashTable) by_id = NULL;
  guint at = 0;
  int rc;

  while ((rc = sqlite3_step (it)) == SQLITE_ROW)
    {
      int i = meal_index (meals, (const char *) sqlite3_column_text (it, 0), &at, &by_id);
      BzRecord *meal, *item;
      const unsigned char *text;
      int col = 10;

      if (i < 0)
        continue;   /* a meal inserted between the two statements */
      meal = g_ptr_array_index (meals, i);
      item = bz_record_new (&bz_meal_item_resource);
      /* Each column read once as its value (see bz_db_read_record()). */
      if ((text = sqlite3_value_text (sqlite3_column_value (it, 1))))
        bz_record_set_string (item, BZ_MEAL_ITEM_DESCRIPTION, (const char *) text);
      if ((text = sqlite3_value_text (sqlite3_column_value (it, 2))))
        bz_record_set_string (item, BZ_MEAL_ITEM_NAME_ES, (const char *) text);
      bz_db_read_record (it, &col, item);
      bz_record_append (meal, BZ_MEAL_ITEMS, item);
      if ((text = sqlite3_value_text (sqlite3_column_value (it, 3))))   /* a food SR28 has (always: meal_items checks) */
        {
          double v[6];
          BzNutrients per_100g = { 0 };

          for (int k = 0; k < 6; k++)
            v[k] = sqlite3_value_double (sqlite3_column_value (it, 4 + k));
          per_100g.energy_kcal = v[0];
          per_100g.protein_g = v[1];
          per_100g.carbohydrate_g = v[2];
          per_100g.fat_g = v[3];
          per_100g.fiber_g = v[4];
          per_100g.sodium_mg = v[5];
          bz_recipe_totals_add (&totals[i], (const char *) text,
                                bz_record_get_string (item, BZ_MEAL_ITEM_DESCRIPTION), &per_100g,
                                bz_record_get_double (item, BZ_MEAL_ITEM_GRAMS));
        }
    }
  if (rc != SQLITE_DONE)
    {
      bz_db_set_error (sqlite3_db_handle (it), rc, error);
      return FALSE;
    }
  set_equivalents (meals, totals);
  return TRUE;
}

static gboolean
collect_meals (sqlite3_stmt *st, GPtrArray *meals, GError **error)
{
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    g_ptr_array_add (meals, read_meal (st));
  if (rc != SQLITE_DONE)
    {
      bz_db_set_error (sqlite3_db_handle (st), rc, error);
      return FALSE;
    }
  return TRUE;
}

/* The items of @meal (a Meal record) into meal_items, in order. */
static gboolean
insert_items (sqlite3 *db, BzRecord *meal, GError **error)
{
  static gsize item_sql;
  const char *id = bz_record_get_string (meal, BZ_MEAL_ID);

  if (g_once_init_enter (&item_sql))
    {
      GString *s = g_string_new ("INSERT INTO meal_items (meal_id, position, ");
      guint n = bz_db_n_columns (&bz_meal_item_resource);
      bz_db_append_columns (s, &bz_meal_item_resource, NULL);
      g_string_append (s, ") VALUES (?, ?");
      for (guint i = 0; i < n; i++)
        g_string_append (s, ", ?");
      g_string_append_c (s, ')');
      g_once_init_leave (&item_sql, (gsize) g_string_free (s, FALSE));
    }
  for (guint i = 0; i < bz_record_get_n_items (meal, BZ_MEAL_ITEMS); i++)
    {
      g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, (const char *) item_sql, error);
      int q = 3;
      if (!st)
        return FALSE;
      sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_int (st, 2, i);
      bz_db_bind_record (st, &q, bz_record_get_item (meal, BZ_MEAL_ITEMS, i));
      if (!bz_db_step_done (st, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bz_meal_repo_insert (BzStore *store, BzRecord *meal, const BzMealFiles *files, GError **error)
{
  static gsize meal_sql;
  sqlite3 *db = bz_store_db (store);
  const char *id = bz_record_get_string (meal, BZ_MEAL_ID);
  g_autofree char *now = bz_now_iso8601 ();
  int p = 1;

  if (g_once_init_enter (&meal_sql))
    {
      GString *s = g_string_new ("INSERT INTO meal_logs (");
      guint n = bz_db_n_columns (&bz_meal_resource);
      bz_db_append_columns (s, &bz_meal_resource, NULL);
      g_string_append (s, ", photo_sha256, photo_display_sha256, created_by, created_at) VALUES (?");
      for (guint i = 1; i < n + 4; i++)
        g_string_append (s, ", ?");
      g_string_append_c (s, ')');
      g_once_init_leave (&meal_sql, (gsize) g_string_free (s, FALSE));
    }

  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, (const char *) meal_sql, error);
    if (!st)
      return FALSE;
    bz_db_bind_record (st, &p, meal);
    bz_db_bind_text_or_null (st, p++, files ? files->photo_sha256 : NULL);
    bz_db_bind_text_or_null (st, p++, files ? files->photo_display_sha256 : NULL);
    bz_db_bind_text_or_null (st, p++, files ? files->created_by : NULL);
    sqlite3_bind_text (st, p++, now, -1, SQLITE_STATIC);
    if (!bz_db_step_done (st, error))
      return FALSE;
  }
  if (!insert_items (db, meal, error))
    return FALSE;
  return bz_store_log_patient_change (db, "meal_logs", id, BZ_CHANGE_INSERT,
                                      bz_record_get_string (meal, BZ_MEAL_PATIENT_ID), error);
}

gboolean
bz_meal_repo_update (BzStore *store, BzRecord *meal, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  const char *id = bz_record_get_string (meal, BZ_MEAL_ID);
  BzRecord *n = bz_record_get_object (meal, BZ_MEAL_NUTRITION);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "UPDATE meal_logs SET meal_type = ?2, eaten_at = ?3, eaten_date = ?4, energy_kcal = ?5, protein_g = ?6,"
      " carbohydrate_g = ?7, fat_g = ?8, fiber_g = ?9, sodium_mg = ?10 WHERE id = ?1 RETURNING patient_id", error);
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autofree char *patient_id = NULL;
  gboolean row = FALSE;

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, bz_record_get_string (meal, BZ_MEAL_MEAL_TYPE), -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 3, bz_record_get_string (meal, BZ_MEAL_EATEN_AT), -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, bz_record_get_string (meal, BZ_MEAL_DATE), -1, SQLITE_STATIC);
  for (guint f = 0; f < BZ_NUTRIENTS_N_FIELDS; f++)
    sqlite3_bind_double (st, 5 + (int) f, bz_record_get_double (n, f));
  if (!bz_repo_step (st, &row, error))
    return FALSE;
  if (row)
    patient_id = bz_db_column_text_dup (st, 0);
  if (!(del = bz_db_prepare (db, "DELETE FROM meal_items WHERE meal_id = ?", error)))
    return FALSE;
  sqlite3_bind_text (del, 1, id, -1, SQLITE_STATIC);
  if (!bz_db_step_done (del, error) || !insert_items (db, meal, error))
    return FALSE;
  return bz_store_log_patient_change (db, "meal_logs", id, BZ_CHANGE_UPDATE, patient_id, error);
}

gboolean
bz_meal_repo_get_many (BzStore *store, const char *const *ids, guint n, GPtrArray **out, GError **error)
{
  static gsize sql;
  sqlite3 *db = bz_store_db (store);
  g_autoptr(GPtrArray) meals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *json = bz_repo_ids_json (ids, n);
  g_autoptr(sqlite3_stmt) st = NULL, it = NULL;

  if (g_once_init_enter (&sql))
    g_once_init_leave (&sql, (gsize) meal_select ("m.id IN (SELECT value FROM json_each (?1))"));
  if (!(st = bz_db_prepare (db, (const char *) sql, error)))
    return FALSE;
  sqlite3_bind_text (st, 1, json, -1, SQLITE_STATIC);
  if (!collect_meals (st, meals, error))
    return FALSE;
  if (meals->len > 0)
    {
      if (!(it = bz_db_prepare (db, sql_items (ITEMS_OF_MANY), error)))
        return FALSE;
      sqlite3_bind_text (it, 1, json, -1, SQLITE_STATIC);
      if (!attach_items (it, meals, error))
        return FALSE;
    }
  *out = g_steal_pointer (&meals);
  return TRUE;
}

BzRecord *
bz_meal_repo_get (BzStore *store, const char *id, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(GPtrArray) meals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, sql_meal_one (), error);
  g_autoptr(sqlite3_stmt) it = NULL;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  if (!collect_meals (st, meals, error) || meals->len == 0)
    return NULL;
  if (!(it = bz_db_prepare (db, sql_items (ITEMS_OF_ONE), error)))
    return NULL;
  sqlite3_bind_text (it, 1, id, -1, SQLITE_STATIC);
  if (!attach_items (it, meals, error))
    return NULL;
  return g_object_ref (g_ptr_array_index (meals, 0));
}

gboolean
bz_meal_repo_list_day (BzStore *store, const char *patient_id, const char *date, GPtrArray **out, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(GPtrArray) meals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, sql_meal_day (), error);
  g_autoptr(sqlite3_stmt) it = NULL;

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, date, -1, SQLITE_STATIC);
  if (!collect_meals (st, meals, error))
    return FALSE;
  if (meals->len > 0)
    {
      if (!(it = bz_db_prepare (db, sql_items (ITEMS_OF_DAY), error)))
        return FALSE;
      sqlite3_bind_text (it, 1, patient_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (it, 2, date, -1, SQLITE_STATIC);
      if (!attach_items (it, meals, error))
        return FALSE;
    }
  *out = g_steal_pointer (&meals);
  return TRUE;
}

gboolean
bz_meal_repo_list_page (BzStore *store, const char *patient_id, guint page, guint limit,
                        GPtrArray **out, gint64 *out_total, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(GPtrArray) meals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) count = bz_db_prepare (db, "SELECT count(*) FROM meal_logs WHERE patient_id = ?", error);
  g_autoptr(sqlite3_stmt) st = NULL, it = NULL;
  gint64 offset = (gint64) (page - 1) * limit;

  if (!count)
    return FALSE;
  sqlite3_bind_text (count, 1, patient_id, -1, SQLITE_STATIC);
  *out_total = sqlite3_step (count) == SQLITE_ROW ? sqlite3_column_int64 (count, 0) : 0;
  if (!(st = bz_db_prepare (db, sql_meal_page (), error)))
    return FALSE;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (st, 2, limit);
  sqlite3_bind_int64 (st, 3, offset);
  if (!collect_meals (st, meals, error))
    return FALSE;
  if (meals->len > 0)
    {
      if (!(it = bz_db_prepare (db, sql_items (ITEMS_OF_PAGE), error)))
        return FALSE;
      sqlite3_bind_text (it, 1, patient_id, -1, SQLITE_STATIC);
      sqlite3_bind_int (it, 2, limit);
      sqlite3_bind_int64 (it, 3, offset);
      if (!attach_items (it, meals, error))
        return FALSE;
    }
  *out = g_steal_pointer (&meals);
  return TRUE;
}

gboolean
bz_meal_repo_patient_of (BzStore *store, const char *meal_id, char **out_patient_id, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), "SELECT patient_id FROM meal_logs WHERE id = ?", error);
  gboolean have_row;

  *out_patient_id = NULL;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, meal_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (have_row)
    *out_patient_id = bz_db_column_text_dup (st, 0);
  return TRUE;
}

gboolean
bz_meal_repo_delete (BzStore *store, const char *meal_id, gboolean *out_deleted, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "DELETE FROM meal_logs WHERE id = ? RETURNING patient_id", error);
  g_autofree char *patient_id = NULL;
  gboolean row = FALSE;

  *out_deleted = FALSE;
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, meal_id, -1, SQLITE_STATIC);
  if (!bz_repo_step (st, &row, error))
    return FALSE;
  if (!row)
    return TRUE;
  /* The owner, read by the delete itself (RETURNING, SQLite >= 3.35): the
   * tombstone goes to exactly that patient's phones. */
  patient_id = bz_db_column_text_dup (st, 0);
  *out_deleted = TRUE;
  return bz_store_log_patient_change (db, "meal_logs", meal_id, BZ_CHANGE_DELETE, patient_id, error);
}

gboolean
bz_meal_repo_photo (BzStore *store, const char *meal_id, gboolean original,
                    char **out_patient_id, char **out_sha256, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), original
      ? "SELECT patient_id, photo_sha256 FROM meal_logs WHERE id = ?"
      : "SELECT patient_id, coalesce(photo_display_sha256, photo_sha256) FROM meal_logs WHERE id = ?", error);
  int rc;

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, meal_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (st);
  if (rc == SQLITE_ROW && sqlite3_column_type (st, 1) != SQLITE_NULL)
    {
      *out_patient_id = bz_db_column_text_dup (st, 0);
      *out_sha256 = bz_db_column_text_dup (st, 1);
      return TRUE;
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    bz_db_set_error (bz_store_db (store), rc, error);
  return FALSE;
}

void
bz_targets_input_clear (BzTargetsInput *in)
{
  g_clear_pointer (&in->scan_id, g_free);
  g_clear_pointer (&in->measured_at, g_free);
  g_clear_pointer (&in->sex, g_free);
  g_clear_pointer (&in->activity_level, g_free);
  g_clear_pointer (&in->primary_goal, g_free);
}

gboolean
bz_meal_repo_targets_input (BzStore *store, const char *patient_id, const char *date,
                            BzTargetsInput *out, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
      "SELECT s.id, s.sex, s.age, s.height_cm, s.weight_kg, s.measured_at, p.activity_level, p.primary_goal"
      " FROM body_scans s JOIN patients p ON p.id = s.patient_id"
      " WHERE s.patient_id = ? AND substr(s.measured_at, 1, 10) <= ? ORDER BY s.measured_at DESC LIMIT 1", error);
  int rc;

  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, patient_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, date, -1, SQLITE_STATIC);
  rc = sqlite3_step (st);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        bz_db_set_error (db, rc, error);
      return FALSE;
    }
  out->scan_id = bz_db_column_text_dup (st, 0);
  out->sex = bz_db_column_text_dup (st, 1);
  out->age = sqlite3_column_int (st, 2);
  out->height_cm = sqlite3_column_double (st, 3);
  out->weight_kg = sqlite3_column_double (st, 4);
  out->measured_at = bz_db_column_text_dup (st, 5);
  out->activity_level = bz_db_column_text_dup (st, 6);
  out->primary_goal = bz_db_column_text_dup (st, 7);
  return TRUE;
}

/* Runs BEGIN or COMMIT from the connection's statement cache (sqlite3_exec()
 * would compile it again on every call). */
static gboolean
exec_cached (sqlite3 *db, const char *sql, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, sql, error);
  return st && bz_db_step_done (st, error);
}

gboolean
bz_meal_repo_read_day (BzStore *store, const char *patient_id, const char *date,
                       GPtrArray **out_meals, BzRecord **out_planned,
                       BzTargetsInput *out_targets, gboolean *out_has_targets,
                       GError **error)
{
  sqlite3 *db = bz_store_db (store);
  gboolean own = sqlite3_get_autocommit (db);
  g_autoptr(GPtrArray) meals = NULL;
  g_autoptr(BzRecord) planned = NULL;
  g_autoptr(GError) local = NULL;
  gboolean ok;

  *out_meals = NULL;
  *out_planned = NULL;
  *out_has_targets = FALSE;
  /* Deferred: a read transaction, which takes no write lock. */
  if (own && !exec_cached (db, "BEGIN", error))
    return FALSE;
  ok = bz_meal_repo_list_day (store, patient_id, date, &meals, error) &&
       bz_meal_plan_repo_day_for_date (store, patient_id, date, &planned, error);
  if (ok)
    {
      *out_has_targets = bz_meal_repo_targets_input (store, patient_id, date, out_targets, &local);
      if (local)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          ok = FALSE;
        }
    }
  if (own)
    {
      if (ok && !exec_cached (db, "COMMIT", error))
        ok = FALSE;
      bz_db_rollback (db);   /* a no-op once committed */
    }
  if (!ok)
    {
      bz_targets_input_clear (out_targets);
      *out_has_targets = FALSE;
      return FALSE;
    }
  *out_meals = g_steal_pointer (&meals);
  *out_planned = g_steal_pointer (&planned);
  return TRUE;
}
