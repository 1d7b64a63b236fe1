/* bz-meal-service.c — meal logs with photos and daily intake (seed 000 story 4.3). */
#include "bz-meal-service.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "bz-blob-store.h"
#include "bz-food-service.h"
#include "bz-patient-service.h"
#include "bz-photo.h"
#include "bz-vocab.h"


/* Validates [{ndb_no, grams}] against the food database. */
static gboolean
validate_items (BzServices *svc, JsonArray *items, BzValidation *v)
{
  if (items == NULL)
    return TRUE;
  if (json_array_get_length (items) > BZ_MEAL_MAX_ITEMS)
    bz_validation_add (v, "items", "too_many", _("A meal holds at most 50 foods"));
  for (guint i = 0; i < json_array_get_length (items) && i < BZ_MEAL_MAX_ITEMS; i++)
    {
      JsonNode *n = json_array_get_element (items, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      g_autofree char *f_ndb = g_strdup_printf ("items[%u].ndb_no", i);
      g_autofree char *f_grams = g_strdup_printf ("items[%u].grams", i);
      const char *ndb = bz_json_get_string (o, "ndb_no");
      double grams = 0;
      BzNutrients panel;

      if (o == NULL)
        {
          g_autofree char *f = g_strdup_printf ("items[%u]", i);
          bz_validation_add (v, f, "invalid_type", _("Each item must be an object {ndb_no, grams}"));
          continue;
        }
      if (ndb == NULL)
        bz_validation_add (v, f_ndb, "required", _("ndb_no must be a USDA food number"));
      else if (!bz_foods_lookup_panel (svc, ndb, &panel, NULL, NULL))
        bz_validation_add (v, f_ndb, "unknown_food", _("No USDA food has this number"));
      if (!bz_json_get_number (o, "grams", &grams))
        bz_validation_add (v, f_grams, json_object_has_member (o, "grams") ? "invalid_type" : "required",
                           _("grams must be a number"));
      else if (!(grams > 0 && grams <= 5000))
        bz_validation_add (v, f_grams, "out_of_range", _("grams must be more than 0 and at most 5000"));
    }
  return !bz_validation_failed (v);
}

char *
bz_meals_record (BzServices *svc, const char *patient_id, const char *meal_type, GDateTime *eaten_at,
                 const BzPhoto *photo, JsonArray *items, const char *source,
                 const char *created_by, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  sqlite3 *db = bz_store_db (store);
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *sha = NULL, *display_sha = NULL, *now = bz_now_iso8601 ();
  g_autoptr(GDateTime) utc = g_date_time_to_utc (eaten_at);
  g_autoptr(GDateTime) local = g_date_time_to_local (eaten_at);
  g_autofree char *eaten_s = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *date_s = g_date_time_format (local, "%Y-%m-%d");
  BzNutrients total = { 0 };
  guint n_items = items ? json_array_get_length (items) : 0;

  if (!bz_db_begin (db, error))
    return NULL;
  if (photo && (!bz_blob_put (store, photo->original, photo->original_mime, &sha, error) ||
                !bz_blob_put (store, photo->display, "image/jpeg", &display_sha, error)))
    goto fail;
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "INSERT INTO meal_logs (id, patient_id, meal_type, eaten_at, eaten_date, photo_sha256, detection_status,"
        " source, created_by, created_at, photo_display_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
    if (!st)
      goto fail;
    sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 2, patient_id, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 3, meal_type, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 4, eaten_s, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 5, date_s, -1, SQLITE_STATIC);
    bz_db_bind_text_or_null (st, 6, sha);
    sqlite3_bind_text (st, 7, "manual_entry_required", -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 8, source, -1, SQLITE_STATIC);
    bz_db_bind_text_or_null (st, 9, created_by);
    sqlite3_bind_text (st, 10, now, -1, SQLITE_STATIC);
    bz_db_bind_text_or_null (st, 11, display_sha);
    if (!bz_db_step_done (st, error))
      goto fail;
  }
  for (guint i = 0; i < n_items; i++)
    {
      JsonObject *o = json_array_get_object_element (items, i);
      const char *ndb = bz_json_get_string (o, "ndb_no");
      double grams = 0;
      BzNutrients panel, item = { 0 };
      g_autoptr(sqlite3_stmt) st = NULL;

      bz_json_get_number (o, "grams", &grams);
      if (!bz_foods_lookup_panel (svc, ndb, &panel, NULL, error))
        goto fail;
      bz_nutrients_add_scaled (&item, &panel, grams);
      bz_nutrients_add (&total, &item, 1.0);
      st = bz_db_prepare (db,
          "INSERT INTO meal_items (meal_id, position, ndb_no, grams, energy_kcal, protein_g, carbohydrate_g,"
          " fat_g, fiber_g, sodium_mg) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (!st)
        goto fail;
      sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_int (st, 2, i);
      sqlite3_bind_text (st, 3, ndb, -1, SQLITE_STATIC);
      sqlite3_bind_double (st, 4, grams);
      sqlite3_bind_double (st, 5, item.energy_kcal);
      sqlite3_bind_double (st, 6, item.protein_g);
      sqlite3_bind_double (st, 7, item.carbohydrate_g);
      sqlite3_bind_double (st, 8, item.fat_g);
      sqlite3_bind_double (st, 9, item.fiber_g);
      sqlite3_bind_double (st, 10, item.sodium_mg);
      if (!bz_db_step_done (st, error))
        goto fail;
    }
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "UPDATE meal_logs SET energy_kcal = ?, protein_g = ?, carbohydrate_g = ?, fat_g = ?, fiber_g = ?,"
        " sodium_mg = ? WHERE id = ?", error);
    if (!st)
      goto fail;
    sqlite3_bind_double (st, 1, total.energy_kcal);
    sqlite3_bind_double (st, 2, total.protein_g);
    sqlite3_bind_double (st, 3, total.carbohydrate_g);
    sqlite3_bind_double (st, 4, total.fat_g);
    sqlite3_bind_double (st, 5, total.fiber_g);
    sqlite3_bind_double (st, 6, total.sodium_mg);
    sqlite3_bind_text (st, 7, id, -1, SQLITE_STATIC);
    if (!bz_db_step_done (st, error))
      goto fail;
  }
  if (!bz_store_log_change (db, "meal_logs", id, BZ_CHANGE_INSERT, error) || !bz_db_commit (db, error))
    goto fail;
  bz_store_notify (store, "meal_logs", id);
  return g_steal_pointer (&id);

fail:
  bz_db_rollback (db);
  return NULL;
}

#define MEAL_COLUMNS \
  "m.id, m.patient_id, m.meal_type, m.eaten_at, m.eaten_date, m.photo_sha256, m.detection_status, m.source," \
  " m.energy_kcal, m.protein_g, m.carbohydrate_g, m.fat_g, m.fiber_g, m.sodium_mg"

static void
row_nutrients (sqlite3_stmt *st, int first, BzNutrients *n)
{
  n->energy_kcal = sqlite3_column_double (st, first);
  n->protein_g = sqlite3_column_double (st, first + 1);
  n->carbohydrate_g = sqlite3_column_double (st, first + 2);
  n->fat_g = sqlite3_column_double (st, first + 3);
  n->fiber_g = sqlite3_column_double (st, first + 4);
  n->sodium_mg = sqlite3_column_double (st, first + 5);
}

/* A meal from a MEAL_COLUMNS row; its "items" are filled by attach_items(). */
static JsonObject *
meal_json (sqlite3 *db, sqlite3_stmt *st)
{
  JsonObject *o = json_object_new ();
  const char *id = (const char *) sqlite3_column_text (st, 0);
  BzNutrients n;

  json_object_set_string_member (o, "id", id);
  json_object_set_string_member (o, "patient_id", (const char *) sqlite3_column_text (st, 1));
  json_object_set_string_member (o, "meal_type", (const char *) sqlite3_column_text (st, 2));
  json_object_set_string_member (o, "eaten_at", (const char *) sqlite3_column_text (st, 3));
  json_object_set_string_member (o, "date", (const char *) sqlite3_column_text (st, 4));
  if (sqlite3_column_type (st, 5) != SQLITE_NULL)
    {
      g_autofree char *url = g_strdup_printf ("/api/v1/meals/%s/photo", id);
      json_object_set_string_member (o, "photo_url", url);
    }
  else
    json_object_set_null_member (o, "photo_url");
  json_object_set_string_member (o, "detection_status", (const char *) sqlite3_column_text (st, 6));
  json_object_set_string_member (o, "source", (const char *) sqlite3_column_text (st, 7));
  row_nutrients (st, 8, &n);
  json_object_set_object_member (o, "nutrition", bz_nutrients_to_json (&n));

  json_object_set_array_member (o, "items", json_array_new ());
  return o;
}

/* Fills the "items" of every meal in @meals with one statement, whatever
 * their number (no query per meal). */
static void
attach_items (sqlite3 *db, JsonArray *meals)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonArray) ids = json_array_new ();
  g_autoptr(JsonNode) ids_node = NULL;
  g_autofree char *ids_text = NULL;
  g_autoptr(sqlite3_stmt) it = NULL;

  if (json_array_get_length (meals) == 0)
    return;
  for (guint i = 0; i < json_array_get_length (meals); i++)
    {
      JsonObject *m = json_array_get_object_element (meals, i);
      const char *id = json_object_get_string_member (m, "id");
      g_hash_table_insert (by_id, (gpointer) id, json_object_get_array_member (m, "items"));
      json_array_add_string_element (ids, id);
    }
  ids_node = json_node_init_array (json_node_alloc (), ids);
  ids_text = bz_json_to_string (ids_node, NULL);
  it = bz_db_prepare (db,
      "SELECT i.meal_id, i.ndb_no, f.long_desc, i.grams, i.energy_kcal, i.protein_g, i.carbohydrate_g, i.fat_g,"
      " i.fiber_g, i.sodium_mg FROM meal_items i LEFT JOIN foods f ON f.ndb_no = i.ndb_no"
      " WHERE i.meal_id IN (SELECT value FROM json_each(?)) ORDER BY i.meal_id, i.position", NULL);
  if (it == NULL)
    return;
  sqlite3_bind_text (it, 1, ids_text, -1, SQLITE_STATIC);
  while (sqlite3_step (it) == SQLITE_ROW)
    {
      JsonArray *items = g_hash_table_lookup (by_id, sqlite3_column_text (it, 0));
      JsonObject *item;
      BzNutrients in;
      if (items == NULL)
        continue;
      item = json_object_new ();
      json_object_set_string_member (item, "ndb_no", (const char *) sqlite3_column_text (it, 1));
      json_object_set_string_member (item, "description", (const char *) sqlite3_column_text (it, 2));
      json_object_set_double_member (item, "grams", sqlite3_column_double (it, 3));
      row_nutrients (it, 4, &in);
      json_object_set_object_member (item, "nutrition", bz_nutrients_to_json (&in));
      json_array_add_object_element (items, item);
    }
}

static JsonObject *
meal_by_id (sqlite3 *db, const char *id)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, "SELECT " MEAL_COLUMNS " FROM meal_logs m WHERE m.id = ?", NULL);
  g_autoptr(JsonArray) one = json_array_new ();
  JsonObject *meal;
  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (st) != SQLITE_ROW)
    return NULL;
  meal = meal_json (db, st);
  json_array_add_object_element (one, json_object_ref (meal));
  attach_items (db, one);
  return meal;
}

JsonNode *
bz_meals_upload (BzServices *svc, const BzCaller *caller, const char *patient_id, GBytes *image,
                 const char *meal_type, JsonArray *items, const char *source, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_autofree char *pid = NULL, *meal_id = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_auto(BzPhoto) photo = { 0 };
  JsonObject *data, *detection, *meal;
  /* Stored as the seed's English id; "comida", "Colación"… accepted too. */
  const char *type = bz_vocab_canonical (&bz_vocab_meal_type, meal_type);

  if (image == NULL || g_bytes_get_size (image) == 0)
    bz_validation_add (&v, "image", "required", _("A meal photo is required"));
  if (type == NULL)
    bz_validation_add (&v, "meal_type", meal_type ? "invalid_choice" : "required",
                       _("meal_type must be breakfast, lunch, dinner or snack (desayuno, comida, cena, colación)"));
  if (!bz_validation_finish (&v, error))
    return NULL;
  pid = bz_patients_resolve (svc, caller, patient_id, error);
  if (pid == NULL)
    return NULL;
  if (!bz_photo_prepare (image, "image", &photo, error))
    return NULL;
  validate_items (svc, items, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;

  meal_id = bz_meals_record (svc, pid, type, now, &photo, items, source, caller->user_id, error);
  if (meal_id == NULL)
    return NULL;

  meal = meal_by_id (bz_store_db (bz_services_get_store (svc)), meal_id);
  detection = json_object_new ();
  /* No meal-detection service is configured: the photo is kept and the
   * foods come from the manual entry (items), per seed 000 story 4.3 AC 7. */
  json_object_set_string_member (detection, "status", "manual_entry_required");
  json_object_set_null_member (detection, "provider");
  data = json_object_new ();
  json_object_set_object_member (data, "meal", meal);
  json_object_set_object_member (data, "detection", detection);
  return bz_json_node_new_object (data);
}

JsonNode *
bz_meals_history (BzServices *svc, const BzCaller *caller, const char *patient_id,
                  guint page, guint limit, GError **error)
{
  sqlite3 *db = bz_store_db (bz_services_get_store (svc));
  g_autofree char *pid = bz_patients_resolve (svc, caller, patient_id, error);
  g_autoptr(sqlite3_stmt) count = NULL, st = NULL;
  JsonArray *arr;
  JsonObject *data;
  gint64 total = 0;

  if (pid == NULL)
    return NULL;
  bz_patients_audit_read (svc, caller, pid, "meal_history");  /* before any read: see bz_patients_get() */
  count = bz_db_prepare (db, "SELECT count(*) FROM meal_logs WHERE patient_id = ?", error);
  if (!count)
    return NULL;
  sqlite3_bind_text (count, 1, pid, -1, SQLITE_STATIC);
  if (sqlite3_step (count) == SQLITE_ROW)
    total = sqlite3_column_int64 (count, 0);
  st = bz_db_prepare (db, "SELECT " MEAL_COLUMNS " FROM meal_logs m WHERE m.patient_id = ?"
                          " ORDER BY m.eaten_at DESC, m.created_at DESC LIMIT ? OFFSET ?", error);
  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, pid, -1, SQLITE_STATIC);
  sqlite3_bind_int (st, 2, limit);
  sqlite3_bind_int64 (st, 3, (gint64) (page - 1) * limit);
  arr = json_array_new ();
  while (sqlite3_step (st) == SQLITE_ROW)
    json_array_add_object_element (arr, meal_json (db, st));
  attach_items (db, arr);

  data = json_object_new ();
  json_object_set_array_member (data, "meals", arr);
  json_object_set_object_member (data, "pagination", bz_pagination_json (page, limit, total));
  return bz_json_node_new_object (data);
}

static gboolean
valid_date (const char *s)
{
  int y, m, d;
  if (s == NULL || strlen (s) != 10 || sscanf (s, "%4d-%2d-%2d", &y, &m, &d) != 3 || s[4] != '-' || s[7] != '-')
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

JsonNode *
bz_meals_daily (BzServices *svc, const BzCaller *caller, const char *patient_id, const char *date, GError **error)
{
  sqlite3 *db = bz_store_db (bz_services_get_store (svc));
  g_autofree char *pid = NULL, *today = NULL;
  g_autoptr(sqlite3_stmt) st = NULL, scan = NULL;
  BzNutrients intake = { 0 }, targets = { 0 }, remaining;
  JsonArray *meals;
  JsonObject *data;
  gboolean have_targets = FALSE;

  if (date && *date && !valid_date (date))
    {
      GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION, _("date must be a calendar date YYYY-MM-DD"));
      bz_error_add_detail (e, "date", "invalid_format", e->message);
      g_propagate_error (error, e);
      return NULL;
    }
  pid = bz_patients_resolve (svc, caller, patient_id, error);
  if (pid == NULL)
    return NULL;
  bz_patients_audit_read (svc, caller, pid, "daily_intake");  /* before any read: see bz_patients_get() */
  if (date == NULL || *date == '\0')
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      date = today = g_date_time_format (now, "%Y-%m-%d");
    }

  st = bz_db_prepare (db, "SELECT " MEAL_COLUMNS " FROM meal_logs m WHERE m.patient_id = ? AND m.eaten_date = ?"
                          " ORDER BY m.eaten_at", error);
  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, pid, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, date, -1, SQLITE_STATIC);
  meals = json_array_new ();
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      BzNutrients n;
      row_nutrients (st, 8, &n);
      bz_nutrients_add (&intake, &n, 1.0);
      json_array_add_object_element (meals, meal_json (db, st));
    }
  attach_items (db, meals);

  data = json_object_new ();
  json_object_set_string_member (data, "date", date);
  json_object_set_string_member (data, "patient_id", pid);
  json_object_set_object_member (data, "intake", bz_nutrients_to_json (&intake));

  /* Targets: Mifflin-St Jeor on the latest scan measured on or before the end of that day. */
  scan = bz_db_prepare (db,
      "SELECT s.id, s.sex, s.age, s.height_cm, s.weight_kg, s.measured_at, p.activity_level, p.primary_goal"
      " FROM body_scans s JOIN patients p ON p.id = s.patient_id"
      " WHERE s.patient_id = ? AND substr(s.measured_at, 1, 10) <= ? ORDER BY s.measured_at DESC LIMIT 1", error);
  if (!scan)
    {
      json_object_unref (data);
      json_array_unref (meals);
      return NULL;
    }
  sqlite3_bind_text (scan, 1, pid, -1, SQLITE_STATIC);
  sqlite3_bind_text (scan, 2, date, -1, SQLITE_STATIC);
  if (sqlite3_step (scan) == SQLITE_ROW)
    {
      BzSex sex = g_strcmp0 ((const char *) sqlite3_column_text (scan, 1), "male") == 0 ? BZ_SEX_MALE : BZ_SEX_FEMALE;
      BzActivityLevel level = BZ_ACTIVITY_LIGHT;
      const char *goal_s = (const char *) sqlite3_column_text (scan, 7);
      BzGoal goal = g_strcmp0 (goal_s, "weight_loss") == 0 ? BZ_GOAL_WEIGHT_LOSS :
                    g_strcmp0 (goal_s, "muscle_gain") == 0 ? BZ_GOAL_MUSCLE_GAIN : BZ_GOAL_MAINTENANCE;
      JsonObject *basis = json_object_new ();
      double bmr;

      bz_activity_level_from_string ((const char *) sqlite3_column_text (scan, 6), &level);
      bmr = bz_bmr_mifflin_st_jeor (sex, sqlite3_column_double (scan, 4), sqlite3_column_double (scan, 3),
                                    sqlite3_column_int (scan, 2));
      bz_daily_targets (sex, sqlite3_column_double (scan, 4), sqlite3_column_double (scan, 3),
                        sqlite3_column_int (scan, 2), level, goal, &targets);
      have_targets = TRUE;
      json_object_set_string_member (basis, "method", "mifflin_st_jeor");
      json_object_set_string_member (basis, "scan_id", (const char *) sqlite3_column_text (scan, 0));
      json_object_set_string_member (basis, "measured_at", (const char *) sqlite3_column_text (scan, 5));
      json_object_set_double_member (basis, "weight_kg", sqlite3_column_double (scan, 4));
      json_object_set_double_member (basis, "height_cm", sqlite3_column_double (scan, 3));
      json_object_set_int_member (basis, "age", sqlite3_column_int (scan, 2));
      json_object_set_string_member (basis, "sex", (const char *) sqlite3_column_text (scan, 1));
      json_object_set_double_member (basis, "bmr_kcal", round (bmr));
      json_object_set_double_member (basis, "protein_reference_weight_kg",
                                     round (bz_protein_reference_weight (sqlite3_column_double (scan, 4),
                                                                         sqlite3_column_double (scan, 3)) * 10) / 10);
      json_object_set_string_member (basis, "activity_level", (const char *) sqlite3_column_text (scan, 6));
      json_object_set_double_member (basis, "activity_factor", bz_activity_factor (level));
      json_object_set_string_member (basis, "goal", goal_s ? goal_s : "maintenance");
      json_object_set_object_member (data, "targets_basis", basis);
    }
  if (have_targets)
    {
      remaining = targets;
      bz_nutrients_add (&remaining, &intake, -1.0);
      json_object_set_object_member (data, "targets", bz_nutrients_to_json (&targets));
      json_object_set_object_member (data, "remaining", bz_nutrients_to_json (&remaining));
    }
  else
    {
      json_object_set_null_member (data, "targets");
      json_object_set_null_member (data, "remaining");
      json_object_set_null_member (data, "targets_basis");
    }
  json_object_set_array_member (data, "meals", meals);
  return bz_json_node_new_object (data);
}

GBytes *
bz_meals_get_photo (BzServices *svc, const BzCaller *caller, const char *meal_id, gboolean original,
                    char **out_mime_type, char **out_etag, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), original
      ? "SELECT patient_id, photo_sha256 FROM meal_logs WHERE id = ?"
      : "SELECT patient_id, coalesce(photo_display_sha256, photo_sha256) FROM meal_logs WHERE id = ?", error);
  g_autofree char *allowed = NULL;
  GBytes *bytes;

  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, meal_id, -1, SQLITE_STATIC);
  if (sqlite3_step (st) != SQLITE_ROW || sqlite3_column_type (st, 1) == SQLITE_NULL ||
      !(allowed = bz_patients_resolve (svc, caller, (const char *) sqlite3_column_text (st, 0), NULL)))
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Meal photo not found"));
      return NULL;
    }
  bytes = bz_blob_get (store, (const char *) sqlite3_column_text (st, 1), out_mime_type, error);
  if (bytes && out_etag)
    *out_etag = bz_db_column_text_dup (st, 1);
  return bytes;
}
