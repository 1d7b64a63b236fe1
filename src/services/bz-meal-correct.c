/* bz-meal-correct.c — the correction of one meal (bz_meals_correct(); seed
 * 000 story 4.3 AC 5-6, POST /api/nutrition/correct-meal): the user's foods,
 * or the meal's photo analysed again; only that meal changes. */
#include "bz-meal-service-private.h"

#include <glib/gi18n.h>

#include "bz-blob-store.h"
#include "bz-food-service.h"
#include "bz-integration-service.h"
#include "bz-meal-detection-repo.h"
#include "bz-meal-detection.h"
#include "bz-meal-image-resources.h"
#include "bz-meal-repo.h"
#include "bz-patient-service.h"

/* The foods of a correction, checked against SR28 into @v. */
static void
check_foods (BzServices *svc, BzRecord *change, BzValidation *v)
{
  for (guint i = 0; i < bz_record_get_n_items (change, BZ_MEAL_CORRECTION_ITEMS); i++)
    {
      BzNutrients panel;
      BzRecord *item = bz_record_get_item (change, BZ_MEAL_CORRECTION_ITEMS, i);
      if (!bz_foods_lookup_panel (svc, bz_record_get_string (item, BZ_MEAL_ITEM_NDB_NO), &panel, NULL, NULL))
        {
          g_autofree char *f = g_strdup_printf ("items[%u].ndb_no", i);
          bz_validation_add (v, f, "unknown_food", _("No USDA food has this number"));
        }
    }
}

/* What a correction with the user's foods says of itself. */
static BzRecord *
by_hand (void)
{
  BzRecord *d = bz_record_new (&bz_detection_resource);

  bz_record_set_string (d, BZ_DETECTION_STATUS, "manual");
  bz_record_set_null (d, BZ_DETECTION_PROVIDER);
  bz_record_set_null (d, BZ_DETECTION_SOURCE);
  bz_record_set_empty_array (d, BZ_DETECTION_FOODS);
  bz_record_set_null (d, BZ_DETECTION_TOTAL);
  bz_record_set_string (d, BZ_DETECTION_MESSAGE, _("Corrected by hand: the foods given replace the meal's"));
  return d;
}

/* The display copy of the meal's photo; %NULL without @error when it has none. */
static GBytes *
meal_photo (BzStore *store, const char *meal_id, GError **error)
{
  g_autofree char *owner = NULL, *sha = NULL;
  g_autoptr(GError) local = NULL;

  if (!bz_meal_repo_photo (store, meal_id, FALSE, &owner, &sha, &local))
    {
      if (local && !g_error_matches (local, BZ_ERROR, BZ_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return bz_blob_get (store, sha, NULL, error);
}

/* In one transaction: the uploaded photo becomes the meal's (when given and
 * not yet), the meal's foods are replaced (when @meal), and its
 * detection_status becomes @to (when given). */
static gboolean
write_correction (BzStore *store, const char *meal_id, BzMealImageRow *uploaded, BzRecord *meal, const char *to,
                  GError **error)
{
  g_autofree char *status = NULL;
  gboolean attached = TRUE;
  guint n_items = 0;

  if (!bz_store_begin (store, error))
    return FALSE;
  if (uploaded && !uploaded->meal_id &&
      (!bz_meal_image_repo_attach (store, uploaded->id, meal_id, &attached, error) ||
       (attached && !bz_meal_image_repo_set_meal_photo (store, meal_id, uploaded->sha256, uploaded->display_sha256,
                                                        error))))
    goto fail;
  if (!attached)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_CONFLICT, _("This meal photo was just logged as another meal"));
      bz_error_add_detail (*error, "image_id", "already_used", (*error)->message);
      goto fail;
    }
  if (meal && !bz_meal_repo_update (store, meal, error))
    goto fail;
  if (to && (!bz_meal_detection_repo_state (store, meal_id, &status, &n_items, error) ||
             (!g_str_equal (status, to) && !bz_meal_detection_repo_set_status (store, meal_id, status, to, NULL, error))))
    {
      if (error && *error == NULL)
        g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Meal not found"));   /* deleted meanwhile */
      goto fail;
    }
  if (!bz_store_commit (store, error))
    goto fail;
  bz_store_notify (store, "meal_logs", meal_id);
  return TRUE;

fail:
  bz_store_rollback (store);
  return FALSE;
}

BzRecord *
bz_meals_correct (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) change = NULL, old = NULL, meal = NULL, detection = NULL;
  g_autoptr(BzMealImageRow) uploaded = NULL;
  g_autoptr(JsonArray) items = NULL;
  g_autoptr(GBytes) photo = NULL;
  g_autofree char *pid = NULL;
  const char *meal_id, *type, *to = NULL;
  BzRecord *result;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  change = input ? bz_resource_parse_closed (&bz_meal_correction_resource, input, NULL, &v) : NULL;
  if (input == NULL)
    bz_validation_add (&v, "body", "required", _("Send {meal_id} as a JSON object"));
  if (change && bz_record_has (change, BZ_MEAL_CORRECTION_ITEMS))
    check_foods (svc, change, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  meal_id = bz_record_get_string (change, BZ_MEAL_CORRECTION_MEAL_ID);
  if (!(pid = bz_meals_owner_for (svc, caller, meal_id, error)))
    return NULL;
  if (bz_record_has (change, BZ_MEAL_CORRECTION_IMAGE_ID) &&
      !(uploaded = bz_meal_images_resolve (svc, caller, bz_record_get_string (change, BZ_MEAL_CORRECTION_IMAGE_ID),
                                           "image_id", error)))
    return NULL;
  if (uploaded && uploaded->meal_id && !g_str_equal (uploaded->meal_id, meal_id))
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_CONFLICT, _("This meal photo was logged as another meal"));
      bz_error_add_detail (*error, "image_id", "already_used", (*error)->message);
      return NULL;
    }
  if (!(old = bz_meal_repo_get (store, meal_id, error)))
    return NULL;
  type = bz_record_get_string (old, BZ_MEAL_MEAL_TYPE);

  if (bz_record_has (change, BZ_MEAL_CORRECTION_ITEMS))
    {
      items = bz_meals_items_json_of (change, BZ_MEAL_CORRECTION_ITEMS);
      detection = by_hand ();
      to = "manual";
    }
  else
    {
      /* Analysed again: the new photo, else the meal's own display copy. */
      g_autoptr(GError) local = NULL;

      photo = uploaded ? bz_blob_get (store, uploaded->display_sha256, NULL, &local) : meal_photo (store, meal_id, &local);
      if (local)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (photo == NULL)
        {
          bz_validation_add (&v, "items", "required", _("This meal has no photo to analyse: send its corrected foods"));
          bz_validation_finish (&v, error);
          return NULL;
        }
      if (bz_integrations_has_detector (svc))
        {
          detection = bz_integrations_detect_photo (svc, photo, type, "es-MX");
          if (g_strcmp0 (bz_record_get_string (detection, BZ_DETECTION_STATUS), "detected") == 0)
            {
              items = bz_meals_detected_items (detection);
              if (json_array_get_length (items) > 0)
                to = "detected";
              else
                g_clear_pointer (&items, json_array_unref);   /* nothing matched: the meal stays */
            }
        }
      else
        {
          /* The local provider: the patient's most similar earlier meals. */
          g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (bz_record_get_string (old, BZ_MEAL_EATEN_AT), NULL);
          detection = bz_integrations_detect_photo (svc, NULL, type, NULL);
          if (at)
            bz_meal_detection_propose (svc, detection, pid, type, meal_id, at);
        }
    }

  if (items)
    {
      static const guint copied[] = { BZ_MEAL_ID, BZ_MEAL_PATIENT_ID, BZ_MEAL_MEAL_TYPE, BZ_MEAL_EATEN_AT, BZ_MEAL_DATE };
      meal = bz_record_new (&bz_meal_resource);
      for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
        bz_record_set_string (meal, copied[i], bz_record_get_string (old, copied[i]));
      if (!bz_meals_set_items (svc, meal, items, error))
        return NULL;
    }
  if ((meal || (uploaded && !uploaded->meal_id)) && !write_correction (store, meal_id, uploaded, meal, to, error))
    return NULL;
  bz_patients_audit_read (svc, caller, pid, "meal_correct");
  result = bz_record_new (&bz_meal_upload_resource);
  {
    BzRecord *now = bz_meal_repo_get (store, meal_id, error);
    if (now == NULL)
      {
        g_object_unref (result);
        return NULL;
      }
    bz_record_take_object (result, BZ_MEAL_UPLOAD_MEAL, now);
  }
  bz_record_take_object (result, BZ_MEAL_UPLOAD_DETECTION, g_steal_pointer (&detection));
  return result;
}
