/* bz-meal-service.c — meal logs with photos and daily intake (seed 000 story 4.3). */
#include "bz-meal-service.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bz-blob-store.h"
#include "bz-meal-detection-repo.h"
#include "bz-meal-detection.h"
#include "bz-meal-plan-repo.h"
#include "bz-meal-repo.h"
#include "bz-food-service.h"
#include "bz-integration-service.h"
#include "bz-patient-service.h"
#include "bz-meal-service-private.h"
#include "bz-photo.h"
#include "bz-service-task-private.h"
#include "bz-targets-private.h"
#include "bz-vocab.h"


/* Validates [{ndb_no, grams}] with the MealItem declaration, then checks
 * each food exists.  Returns: (transfer full): a Meal record holding only
 * the items, or %NULL with the field errors in @v. */
static BzRecord *
parse_items (BzServices *svc, JsonArray *items, BzValidation *v)
{
  g_autoptr(JsonObject) wrapper = json_object_new ();
  g_autoptr(BzRecord) meal = NULL;

  if (items)
    json_object_set_array_member (wrapper, "items", json_array_ref (items));
  json_object_set_string_member (wrapper, "meal_type", "snack");   /* validated by the caller */
  meal = bz_resource_parse (&bz_meal_resource, wrapper, NULL, v);
  if (meal == NULL)
    return NULL;
  for (guint i = 0; i < bz_record_get_n_items (meal, BZ_MEAL_ITEMS); i++)
    {
      BzRecord *item = bz_record_get_item (meal, BZ_MEAL_ITEMS, i);
      BzNutrients panel;
      if (!bz_foods_lookup_panel (svc, bz_record_get_string (item, BZ_MEAL_ITEM_NDB_NO), &panel, NULL, NULL))
        {
          g_autofree char *f = g_strdup_printf ("items[%u].ndb_no", i);
          bz_validation_add (v, f, "unknown_food", _("No USDA food has this number"));
        }
    }
  return bz_validation_failed (v) ? NULL : g_steal_pointer (&meal);
}

/* @meal's items from @items ([{ndb_no, grams}], validated), each with its
 * nutrients from SR28 per 100 g, and the meal's nutrition (their sum). */
gboolean
bz_meals_set_items (BzServices *svc, BzRecord *meal, JsonArray *items, GError **error)
{
  guint n_items = items ? json_array_get_length (items) : 0;
  BzNutrients total = { 0 };

  bz_record_set_empty_array (meal, BZ_MEAL_ITEMS);
  for (guint i = 0; i < n_items; i++)
    {
      JsonObject *o = json_array_get_object_element (items, i);
      const char *ndb = bz_json_get_string (o, "ndb_no");
      double grams = 0;
      BzNutrients panel, portion = { 0 };
      BzRecord *item;

      bz_json_get_number (o, "grams", &grams);
      if (!bz_foods_lookup_panel (svc, ndb, &panel, NULL, error))
        return FALSE;
      bz_nutrients_add_scaled (&portion, &panel, grams);
      bz_nutrients_add (&total, &portion, 1.0);
      item = bz_record_new (&bz_meal_item_resource);
      bz_record_set_string (item, BZ_MEAL_ITEM_NDB_NO, ndb);
      bz_record_set_double (item, BZ_MEAL_ITEM_GRAMS, grams);
      bz_record_take_object (item, BZ_MEAL_ITEM_NUTRITION, bz_nutrients_record_new (&portion));
      bz_record_append (meal, BZ_MEAL_ITEMS, item);
    }
  bz_record_take_object (meal, BZ_MEAL_NUTRITION, bz_nutrients_record_new (&total));
  return TRUE;
}

char *
bz_meals_record (BzServices *svc, const char *patient_id, const char *meal_type, GDateTime *eaten_at,
                 const BzPhoto *photo, JsonArray *items, const char *source,
                 const char *created_by, GError **error)
{
  return bz_meals_record_with_blobs (svc, patient_id, meal_type, eaten_at, photo, NULL, NULL, NULL, items, NULL,
                                     source, created_by, error);
}

char *
bz_meals_record_with_blobs (BzServices *svc, const char *patient_id, const char *meal_type, GDateTime *eaten_at,
                            const BzPhoto *photo, const char *photo_sha256, const char *display_sha256,
                            const char *image_id, JsonArray *items, const char *detection_status,
                            const char *source, const char *created_by, GError **error)
{
  gboolean attached = TRUE;
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *sha = NULL, *display_sha = NULL;
  g_autoptr(GDateTime) utc = g_date_time_to_utc (eaten_at);
  g_autoptr(GDateTime) local = g_date_time_to_local (eaten_at);
  g_autoptr(BzRecord) meal = bz_record_new (&bz_meal_resource);
  BzMealFiles files = { NULL };

  bz_record_set_string (meal, BZ_MEAL_ID, id);
  bz_record_set_string (meal, BZ_MEAL_PATIENT_ID, patient_id);
  bz_record_set_string (meal, BZ_MEAL_MEAL_TYPE, meal_type);
  bz_record_take_string (meal, BZ_MEAL_EATEN_AT, g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ"));
  bz_record_take_string (meal, BZ_MEAL_DATE, g_date_time_format (local, "%Y-%m-%d"));
  bz_record_set_string (meal, BZ_MEAL_DETECTION_STATUS, detection_status ? detection_status : "manual_entry_required");
  bz_record_set_string (meal, BZ_MEAL_SOURCE, source);
  if (!bz_meals_set_items (svc, meal, items, error))
    return NULL;

  if (!bz_store_begin (store, error))
    return NULL;
  if (photo && (!bz_blob_put (store, photo->original, photo->original_mime, &sha, error) ||
                !bz_blob_put (store, photo->display, "image/jpeg", &display_sha, error)))
    goto fail;
  files.photo_sha256 = photo ? sha : photo_sha256;
  files.photo_display_sha256 = photo ? display_sha : display_sha256;
  files.created_by = created_by;
  if (!bz_meal_repo_insert (store, meal, &files, error) ||
      (image_id && !bz_meal_image_repo_attach (store, image_id, id, &attached, error)))
    goto fail;
  if (!attached)
    {
      /* Another request logged a meal with this photo meanwhile. */
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_CONFLICT, _("This meal photo was just logged as another meal"));
      bz_error_add_detail (*error, "image_id", "already_used", (*error)->message);
      goto fail;
    }
  if (!bz_store_commit (store, error))
    goto fail;
  bz_store_notify (store, "meal_logs", id);
  return g_steal_pointer (&id);

fail:
  bz_store_rollback (store);
  return NULL;
}

/* The MealItem records of @rec's ARRAY @field as [{ndb_no, grams}] for
 * set_items(). */
JsonArray *
bz_meals_items_json_of (BzRecord *rec, guint field)
{
  JsonArray *a = json_array_new ();
  for (guint i = 0; i < bz_record_get_n_items (rec, field); i++)
    {
      BzRecord *item = bz_record_get_item (rec, field, i);
      JsonObject *o = json_object_new ();
      json_object_set_string_member (o, "ndb_no", bz_record_get_string (item, BZ_MEAL_ITEM_NDB_NO));
      json_object_set_double_member (o, "grams", bz_record_get_double (item, BZ_MEAL_ITEM_GRAMS));
      json_array_add_object_element (a, o);
    }
  return a;
}

/* Refuses a meal time more than %BZ_MEAL_CLOCK_SKEW_S ahead of now. */
void
bz_meals_check_not_future (BzValidation *v, GDateTime *eaten_at)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (eaten_at && g_date_time_difference (eaten_at, now) > (GTimeSpan) BZ_MEAL_CLOCK_SKEW_S * G_TIME_SPAN_SECOND)
    bz_validation_add (v, "eaten_at", "out_of_range", _("eaten_at is in the future"));
}

/* The foods detection matched to USDA as meal items [{ndb_no, grams}],
 * their grams within a meal item's range. */
JsonArray *
bz_meals_detected_items (BzRecord *detection)
{
  JsonArray *items = json_array_new ();

  for (guint i = 0; i < bz_record_get_n_items (detection, BZ_DETECTION_FOODS); i++)
    {
      BzRecord *food = bz_record_get_item (detection, BZ_DETECTION_FOODS, i);
      const char *ndb = bz_record_get_string (food, BZ_DETECTED_FOOD_NDB_NO);
      JsonObject *item;

      if (ndb == NULL)
        continue;
      item = json_object_new ();
      json_object_set_string_member (item, "ndb_no", ndb);
      json_object_set_double_member (item, "grams", CLAMP (bz_record_get_double (food, BZ_DETECTED_FOOD_GRAMS),
                                                           BZ_MEAL_ITEM_MIN_G, BZ_MEAL_ITEM_MAX_G));
      json_array_add_object_element (items, item);
    }
  return items;
}

BzRecord *
bz_meals_replay (BzServices *svc, const BzCaller *caller, const char *meal_id, GError **error)
{
  g_autofree char *pid = bz_meals_owner_for (svc, caller, meal_id, error);
  g_autoptr(BzRecord) meal = pid ? bz_meal_repo_get (bz_services_get_store (svc), meal_id, error) : NULL;
  BzRecord *detection, *result;

  if (meal == NULL)
    return NULL;
  detection = bz_record_new (&bz_detection_resource);
  bz_record_set_string (detection, BZ_DETECTION_STATUS, bz_record_get_string (meal, BZ_MEAL_DETECTION_STATUS));
  bz_record_set_null (detection, BZ_DETECTION_PROVIDER);
  bz_record_set_null (detection, BZ_DETECTION_SOURCE);
  bz_record_set_empty_array (detection, BZ_DETECTION_FOODS);
  bz_record_set_null (detection, BZ_DETECTION_TOTAL);
  bz_record_set_string (detection, BZ_DETECTION_MESSAGE, _("This photo was logged already: this is that meal"));
  result = bz_record_new (&bz_meal_upload_resource);
  bz_record_take_object (result, BZ_MEAL_UPLOAD_MEAL, g_steal_pointer (&meal));
  bz_record_take_object (result, BZ_MEAL_UPLOAD_DETECTION, detection);
  return result;
}

static BzRecord *
meals_log (BzServices *svc, const BzCaller *caller, const char *patient_id, GBytes *image, const char *image_id,
           gboolean photo_required, const char *meal_type, GDateTime *eaten_at, JsonArray *items,
           const char *source, GError **error)
{
  g_autoptr(BzMealImageRow) uploaded = NULL;
  g_autoptr(GBytes) display = NULL;
  BzValidation v = BZ_VALIDATION_INIT;
  g_autofree char *pid = NULL, *meal_id = NULL;
  g_autoptr(GDateTime) when = eaten_at ? g_date_time_ref (eaten_at) : g_date_time_new_now_local ();
  g_auto(BzPhoto) photo = { 0 };
  g_autoptr(BzRecord) parsed = NULL;
  g_autoptr(JsonArray) valid_items = NULL;
  gboolean has_image = image != NULL && g_bytes_get_size (image) > 0;
  g_autoptr(BzRecord) detection = NULL;
  const char *status = NULL;
  BzRecord *result, *meal;
  /* Stored as the seed's English id; "comida", "Colación"… accepted too. */
  const char *type = bz_vocab_canonical (&bz_vocab_meal_type, meal_type);

  if (has_image && image_id)
    bz_validation_add (&v, "image_id", "conflict", _("Send the photo or its image_id, not both"));
  else if (photo_required && !has_image && !image_id)
    bz_validation_add (&v, "image", "required", _("A meal photo is required"));
  else if (!has_image && !image_id && (items == NULL || json_array_get_length (items) == 0))
    bz_validation_add (&v, "items", "required", _("Add a photo or at least one food"));
  if (type == NULL)
    bz_validation_add (&v, "meal_type", meal_type ? "invalid_choice" : "required",
                       _("meal_type must be breakfast, lunch, dinner or snack (desayuno, comida, cena, colación)"));
  bz_meals_check_not_future (&v, when);
  if (!bz_validation_finish (&v, error))
    return NULL;
  pid = bz_patients_resolve (svc, caller, patient_id, error);
  if (pid == NULL)
    return NULL;
  if (image_id)
    {
      /* A photo stored ahead (bz-meal-image-service.h); logged once only. */
      if (!(uploaded = bz_meal_images_resolve (svc, caller, image_id, "image_id", error)))
        return NULL;
      if (uploaded->meal_id)
        return bz_meals_replay (svc, caller, uploaded->meal_id, error);
      if (!(display = bz_blob_get (bz_services_get_store (svc), uploaded->display_sha256, NULL, error)))
        return NULL;
      has_image = TRUE;
    }
  else if (has_image && !bz_photo_prepare (image, "image", &photo, error))
    return NULL;
  else if (has_image)
    display = g_bytes_ref (photo.display);
  parsed = parse_items (svc, items, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  valid_items = bz_meals_items_json_of (parsed, BZ_MEAL_ITEMS);
  /* A configured detection service reads the photo (seed 000 story 4.3 AC
   * 2); its USDA matches become the meal's foods unless the caller gave
   * them.  When it fails the photo is stored all the same, for manual entry. */
  if (has_image && bz_integrations_has_detector (svc))
    {
      gboolean later = FALSE;
      detection = bz_integrations_detect_photo_later (svc, display, type, "es-MX", &later);
      if (g_strcmp0 (bz_record_get_string (detection, BZ_DETECTION_STATUS), "detected") == 0 &&
          json_array_get_length (valid_items) == 0)
        {
          json_array_unref (valid_items);
          valid_items = bz_meals_detected_items (detection);
          if (json_array_get_length (valid_items) > 0)
            status = "detected";
        }
      else if (later && json_array_get_length (valid_items) == 0)
        status = bz_meal_detection_mark_pending (detection);   /* a job reads it later */
    }
  else
    detection = bz_integrations_detect_photo (svc, NULL, type, NULL);   /* none configured: manual entry */

  meal_id = bz_meals_record_with_blobs (svc, pid, type, when, photo.original ? &photo : NULL,
                                        uploaded ? uploaded->sha256 : NULL, uploaded ? uploaded->display_sha256 : NULL,
                                        image_id, valid_items, status, source, caller->user_id, error);
  if (meal_id == NULL)
    return NULL;
  bz_meal_detection_after_log (svc, detection, status, pid, type, meal_id, when, json_array_get_length (valid_items));
  meal = bz_meal_repo_get (bz_services_get_store (svc), meal_id, error);
  if (meal == NULL)
    return NULL;
  result = bz_record_new (&bz_meal_upload_resource);
  bz_record_take_object (result, BZ_MEAL_UPLOAD_MEAL, meal);
  bz_record_take_object (result, BZ_MEAL_UPLOAD_DETECTION, g_steal_pointer (&detection));
  return result;
}

BzRecord *
bz_meals_add (BzServices *svc, const BzCaller *caller, const char *patient_id, GBytes *image,
              const char *meal_type, JsonArray *items, const char *source, GError **error)
{
  return meals_log (svc, caller, patient_id, image, NULL, TRUE, meal_type, NULL, items, source, error);
}

BzRecord *
bz_meals_add_image (BzServices *svc, const BzCaller *caller, const char *patient_id, GBytes *image,
                    const char *image_id, const char *meal_type, JsonArray *items, const char *source, GError **error)
{
  return meals_log (svc, caller, patient_id, image, image_id, TRUE, meal_type, NULL, items, source, error);
}

BzRecord *
bz_meals_log (BzServices *svc, const BzCaller *caller, const char *patient_id, GBytes *image,
              const char *meal_type, GDateTime *eaten_at, JsonArray *items, const char *source,
              GError **error)
{
  return meals_log (svc, caller, patient_id, image, NULL, FALSE, meal_type, eaten_at, items, source, error);
}

BzRecord *
bz_meals_get_history (BzServices *svc, const BzCaller *caller, const char *patient_id,
                      guint page, guint limit, GError **error)
{
  g_autofree char *pid = bz_patients_resolve (svc, caller, patient_id, error);
  g_autoptr(GPtrArray) meals = NULL;
  BzRecord *history;
  gint64 total = 0;

  if (pid == NULL)
    return NULL;
  bz_patients_audit_read (svc, caller, pid, "meal_history");  /* before any read: see bz_patients_get_file() */
  if (!bz_meal_repo_list_page (bz_services_get_store (svc), pid, page, limit, &meals, &total, error))
    return NULL;
  history = bz_record_new (&bz_meal_history_resource);
  bz_record_set_empty_array (history, BZ_MEAL_HISTORY_MEALS);
  for (guint i = 0; i < meals->len; i++)
    bz_record_append (history, BZ_MEAL_HISTORY_MEALS, g_object_ref (g_ptr_array_index (meals, i)));
  bz_record_take_object (history, BZ_MEAL_HISTORY_PAGINATION, bz_pagination_new (page, limit, total));
  return history;
}

static gboolean
valid_date (const char *s)
{
  int y, m, d;
  if (s == NULL || strlen (s) != 10 || sscanf (s, "%4d-%2d-%2d", &y, &m, &d) != 3 || s[4] != '-' || s[7] != '-')
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

void
bz_targets_compute (const BzTargetsInput *in, BzNutrients *targets)
{
  BzSex sex = g_strcmp0 (in->sex, "male") == 0 ? BZ_SEX_MALE : BZ_SEX_FEMALE;
  BzActivityLevel level = BZ_ACTIVITY_LIGHT;
  const char *goal_s = in->primary_goal ? in->primary_goal : "maintenance";
  BzGoal goal = g_strcmp0 (goal_s, "weight_loss") == 0 ? BZ_GOAL_WEIGHT_LOSS :
                g_strcmp0 (goal_s, "muscle_gain") == 0 ? BZ_GOAL_MUSCLE_GAIN : BZ_GOAL_MAINTENANCE;

  bz_activity_level_from_string (in->activity_level, &level);
  bz_daily_targets (sex, in->weight_kg, in->height_cm, in->age, level, goal, targets);
}

/* Mifflin-St Jeor targets from @in (bz_targets_compute()) and what they rest on. */
static BzRecord *
targets_basis (const BzTargetsInput *in, BzNutrients *targets)
{
  BzRecord *basis = bz_record_new (&bz_targets_basis_resource);
  BzSex sex = g_strcmp0 (in->sex, "male") == 0 ? BZ_SEX_MALE : BZ_SEX_FEMALE;
  BzActivityLevel level = BZ_ACTIVITY_LIGHT;
  const char *goal_s = in->primary_goal ? in->primary_goal : "maintenance";

  bz_activity_level_from_string (in->activity_level, &level);
  bz_targets_compute (in, targets);
  bz_record_set_string (basis, BZ_TARGETS_BASIS_METHOD, "mifflin_st_jeor");
  bz_record_set_string (basis, BZ_TARGETS_BASIS_SCAN_ID, in->scan_id);
  bz_record_set_string (basis, BZ_TARGETS_BASIS_MEASURED_AT, in->measured_at);
  bz_record_set_double (basis, BZ_TARGETS_BASIS_WEIGHT_KG, in->weight_kg);
  bz_record_set_double (basis, BZ_TARGETS_BASIS_HEIGHT_CM, in->height_cm);
  bz_record_set_int (basis, BZ_TARGETS_BASIS_AGE, in->age);
  bz_record_set_string (basis, BZ_TARGETS_BASIS_SEX, in->sex);
  bz_record_set_double (basis, BZ_TARGETS_BASIS_BMR_KCAL,
                        round (bz_bmr_mifflin_st_jeor (sex, in->weight_kg, in->height_cm, in->age)));
  bz_record_set_double (basis, BZ_TARGETS_BASIS_PROTEIN_REFERENCE_WEIGHT_KG,
                        round (bz_protein_reference_weight (in->weight_kg, in->height_cm) * 10) / 10);
  bz_record_set_string (basis, BZ_TARGETS_BASIS_ACTIVITY_LEVEL, in->activity_level);
  bz_record_set_double (basis, BZ_TARGETS_BASIS_ACTIVITY_FACTOR, bz_activity_factor (level));
  bz_record_set_string (basis, BZ_TARGETS_BASIS_GOAL, goal_s);
  return basis;
}

BzRecord *
bz_meals_get_daily (BzServices *svc, const BzCaller *caller, const char *patient_id, const char *date, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *pid = NULL, *today = NULL;
  g_autoptr(GPtrArray) meals = NULL;
  gboolean has_targets = FALSE;
  g_auto(BzTargetsInput) in = { 0 };
  BzNutrients intake = { 0 }, targets = { 0 }, remaining;
  double eaten_smae[BZ_SMAE_N_GROUPS] = { 0 };
  BzRecord *daily, *planned = NULL;

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
  bz_patients_audit_read (svc, caller, pid, "daily_intake");  /* before any read: see bz_patients_get_file() */
  if (date == NULL || *date == '\0')
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      date = today = g_date_time_format (now, "%Y-%m-%d");
    }
  /* The day's meals, the day of the patient's plan that falls on @date
   * (issue 7: the planned meals next to what was eaten) and the targets'
   * inputs, from one snapshot. */
  if (!bz_meal_repo_read_day (store, pid, date, &meals, &planned, &in, &has_targets, error))
    return NULL;

  daily = bz_record_new (&bz_daily_intake_resource);
  bz_record_set_string (daily, BZ_DAILY_INTAKE_DATE, date);
  bz_record_set_string (daily, BZ_DAILY_INTAKE_PATIENT_ID, pid);
  bz_record_set_empty_array (daily, BZ_DAILY_INTAKE_MEALS);
  for (guint i = 0; i < meals->len; i++)
    {
      BzRecord *meal = g_ptr_array_index (meals, i);
      BzNutrients n;
      bz_nutrients_from_panel (meal, BZ_MEAL_NUTRITION, &n);
      bz_nutrients_add (&intake, &n, 1.0);
      bz_smae_panel_add (meal, BZ_MEAL_EQUIVALENTS, eaten_smae, 1.0);
      bz_record_append (daily, BZ_DAILY_INTAKE_MEALS, g_object_ref (meal));
    }
  bz_nutrients_set_panel (daily, BZ_DAILY_INTAKE_INTAKE, &intake);
  bz_smae_set_panel (daily, BZ_DAILY_INTAKE_EQUIVALENTS, eaten_smae);
  if (planned)
    bz_record_take_object (daily, BZ_DAILY_INTAKE_PLANNED, planned);
  else
    bz_record_set_null (daily, BZ_DAILY_INTAKE_PLANNED);

  /* Targets: Mifflin-St Jeor on the latest scan measured on or before the end of that day. */
  if (has_targets)
    {
      bz_record_take_object (daily, BZ_DAILY_INTAKE_TARGETS_BASIS, targets_basis (&in, &targets));
      remaining = targets;
      bz_nutrients_add (&remaining, &intake, -1.0);
      bz_nutrients_set_panel (daily, BZ_DAILY_INTAKE_TARGETS, &targets);
      bz_nutrients_set_panel (daily, BZ_DAILY_INTAKE_REMAINING, &remaining);
    }
  return daily;
}

/* The patients.id whose meal @meal_id is, if @caller may write it; else
 * NOT_FOUND (someone else's meal answers as an unknown one does). */
char *
bz_meals_owner_for (BzServices *svc, const BzCaller *caller, const char *meal_id, GError **error)
{
  g_autofree char *owner = NULL;
  char *allowed;

  if (caller == NULL)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, _("Sign in first"));
      return NULL;
    }
  if (meal_id == NULL || !bz_meal_repo_patient_of (bz_services_get_store (svc), meal_id, &owner, error))
    {
      if (error && *error == NULL)
        g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Meal not found"));
      return NULL;
    }
  if (owner == NULL || !(allowed = bz_patients_resolve (svc, caller, owner, NULL)))
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Meal not found"));
      return NULL;
    }
  return allowed;
}

BzRecord *
bz_meals_update (BzServices *svc, const BzCaller *caller, const char *meal_id, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autofree char *pid = NULL;
  g_autoptr(BzRecord) change = NULL, old = NULL, meal = NULL;
  g_autoptr(JsonArray) items = NULL;
  g_autoptr(GDateTime) eaten = NULL;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (!(pid = bz_meals_owner_for (svc, caller, meal_id, error)))
    return NULL;
  change = bz_resource_parse (&bz_meal_update_resource, input, NULL, &v);
  if (change && !bz_record_has (change, BZ_MEAL_UPDATE_MEAL_TYPE) && !bz_record_has (change, BZ_MEAL_UPDATE_EATEN_AT) &&
      !bz_record_has (change, BZ_MEAL_UPDATE_ITEMS))
    bz_validation_add (&v, "body", "required", _("Give meal_type, eaten_at or items"));
  if (change && bz_record_has (change, BZ_MEAL_UPDATE_ITEMS))
    for (guint i = 0; i < bz_record_get_n_items (change, BZ_MEAL_UPDATE_ITEMS); i++)
      {
        BzNutrients panel;
        if (!bz_foods_lookup_panel (svc, bz_record_get_string (bz_record_get_item (change, BZ_MEAL_UPDATE_ITEMS, i),
                                                               BZ_MEAL_ITEM_NDB_NO), &panel, NULL, NULL))
          {
            g_autofree char *f = g_strdup_printf ("items[%u].ndb_no", i);
            bz_validation_add (&v, f, "unknown_food", _("No USDA food has this number"));
          }
      }
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (!(old = bz_meal_repo_get (store, meal_id, error)))
    return NULL;

  meal = bz_record_new (&bz_meal_resource);
  bz_record_set_string (meal, BZ_MEAL_ID, meal_id);
  bz_record_set_string (meal, BZ_MEAL_PATIENT_ID, bz_record_get_string (old, BZ_MEAL_PATIENT_ID));
  bz_record_set_string (meal, BZ_MEAL_MEAL_TYPE, bz_record_has (change, BZ_MEAL_UPDATE_MEAL_TYPE)
                        ? bz_record_get_string (change, BZ_MEAL_UPDATE_MEAL_TYPE)
                        : bz_record_get_string (old, BZ_MEAL_MEAL_TYPE));
  eaten = g_date_time_new_from_iso8601 (bz_record_has (change, BZ_MEAL_UPDATE_EATEN_AT)
                                        ? bz_record_get_string (change, BZ_MEAL_UPDATE_EATEN_AT)
                                        : bz_record_get_string (old, BZ_MEAL_EATEN_AT), NULL);
  if (eaten == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION, _("eaten_at must be an ISO 8601 date and time"));
      bz_error_add_detail (*error, "eaten_at", "invalid_format", (*error)->message);
      return NULL;
    }
  if (bz_record_has (change, BZ_MEAL_UPDATE_EATEN_AT))
    {
      BzValidation v = BZ_VALIDATION_INIT;
      bz_meals_check_not_future (&v, eaten);
      if (!bz_validation_finish (&v, error))
        return NULL;
    }
  {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (eaten);
    g_autoptr(GDateTime) local = g_date_time_to_local (eaten);
    bz_record_take_string (meal, BZ_MEAL_EATEN_AT, g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ"));
    bz_record_take_string (meal, BZ_MEAL_DATE, g_date_time_format (local, "%Y-%m-%d"));
  }
  items = bz_record_has (change, BZ_MEAL_UPDATE_ITEMS) ? bz_meals_items_json_of (change, BZ_MEAL_UPDATE_ITEMS)
                                                      : bz_meals_items_json_of (old, BZ_MEAL_ITEMS);
  if (!bz_meals_set_items (svc, meal, items, error))
    return NULL;

  if (!bz_store_begin (store, error))
    return NULL;
  /* Foods typed in while detection waited: detection will not replace them. */
  if (!bz_meal_repo_update (store, meal, error) ||
      (bz_record_has (change, BZ_MEAL_UPDATE_ITEMS) &&
       !bz_meal_detection_repo_set_status (store, meal_id, "pending", "manual", NULL, error)) ||
      !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  bz_store_notify (store, "meal_logs", meal_id);
  bz_patients_audit_read (svc, caller, pid, "meal_update");
  return bz_meal_repo_get (store, meal_id, error);
}

BzRecord *
bz_meals_delete (BzServices *svc, const BzCaller *caller, const char *meal_id, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *allowed = NULL;
  gboolean deleted = FALSE;
  BzRecord *out;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (!(allowed = bz_meals_owner_for (svc, caller, meal_id, error)))
    return NULL;
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_meal_repo_delete (store, meal_id, &deleted, error) || !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  if (!deleted)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Meal not found"));
      return NULL;
    }
  bz_store_notify (store, "meal_logs", meal_id);
  bz_patients_audit_read (svc, caller, allowed, "meal_delete");
  out = bz_record_new (&bz_meal_deleted_resource);
  bz_record_set_string (out, BZ_MEAL_DELETED_ID, meal_id);
  bz_record_set_string (out, BZ_MEAL_DELETED_PATIENT_ID, allowed);
  bz_record_set_boolean (out, BZ_MEAL_DELETED_DELETED, TRUE);
  return out;
}

GBytes *
bz_meals_get_photo (BzServices *svc, const BzCaller *caller, const char *meal_id, gboolean original,
                    char **out_mime_type, char **out_etag, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *owner = NULL, *sha = NULL, *allowed = NULL;
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  if (!bz_meal_repo_photo (store, meal_id, original, &owner, &sha, &local_error) ||
      !(allowed = bz_patients_resolve (svc, caller, owner, NULL)))
    {
      if (local_error)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Meal photo not found"));
      return NULL;
    }
  bytes = bz_blob_get (store, sha, out_mime_type, error);
  if (bytes && out_etag)
    *out_etag = g_steal_pointer (&sha);
  return bytes;
}
