/* bz-meal-reuse.c — logging a meal of one's history again
 * (bz_meals_log_previous(); seed 000 story 4.3 AC 4): the new meal shares
 * the earlier one's photo blobs. */
#include "bz-meal-service-private.h"

#include <glib/gi18n.h>

#include "bz-meal-repo.h"

BzRecord *
bz_meals_log_previous (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) reuse = NULL, old = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(JsonArray) items = NULL;
  g_autofree char *pid = NULL, *id = NULL, *owner = NULL, *owner2 = NULL, *photo_sha = NULL, *display_sha = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(BzMealImageRow) uploaded = NULL;
  const char *type, *image_id;

  reuse = input ? bz_resource_parse_closed (&bz_meal_reuse_resource, input, NULL, &v) : NULL;
  if (input == NULL)
    bz_validation_add (&v, "body", "required", _("Send {meal_id} as a JSON object"));
  if (reuse && bz_record_has (reuse, BZ_MEAL_REUSE_EATEN_AT))
    {
      when = g_date_time_new_from_iso8601 (bz_record_get_string (reuse, BZ_MEAL_REUSE_EATEN_AT), NULL);
      bz_meals_check_not_future (&v, when);
    }
  if (!bz_validation_finish (&v, error))
    return NULL;
  pid = bz_meals_owner_for (svc, caller, bz_record_get_string (reuse, BZ_MEAL_REUSE_MEAL_ID), error);
  if (pid == NULL || !(old = bz_meal_repo_get (store, bz_record_get_string (reuse, BZ_MEAL_REUSE_MEAL_ID), error)))
    return NULL;

  /* A photo of today's plate stored ahead (bz-meal-image-service.h): logged
   * once; the same request again answers the meal it made. */
  image_id = bz_record_has (reuse, BZ_MEAL_REUSE_IMAGE_ID) ? bz_record_get_string (reuse, BZ_MEAL_REUSE_IMAGE_ID) : NULL;
  if (image_id && !(uploaded = bz_meal_images_resolve (svc, caller, image_id, "image_id", error)))
    return NULL;
  if (uploaded && uploaded->meal_id)
    return bz_meal_repo_get (store, uploaded->meal_id, error);

  type = bz_record_has (reuse, BZ_MEAL_REUSE_MEAL_TYPE) ? bz_record_get_string (reuse, BZ_MEAL_REUSE_MEAL_TYPE)
                                                         : bz_record_get_string (old, BZ_MEAL_MEAL_TYPE);
  if (when == NULL)
    when = g_date_time_new_now_local ();
  items = bz_meals_items_json_of (old, BZ_MEAL_ITEMS);
  /* The same photo: the new meal names the earlier meal's blobs (the blob
   * store keeps a file while a row names it), nothing is read or copied. */
  if (uploaded)
    {
      photo_sha = g_strdup (uploaded->sha256);
      display_sha = g_strdup (uploaded->display_sha256);
    }
  else if (!bz_meal_repo_photo (store, bz_record_get_string (old, BZ_MEAL_ID), TRUE, &owner, &photo_sha, &local) ||
      !bz_meal_repo_photo (store, bz_record_get_string (old, BZ_MEAL_ID), FALSE, &owner2, &display_sha, &local))
    {
      if (local)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      g_clear_pointer (&photo_sha, g_free);   /* no photo */
    }
  id = bz_meals_record_with_blobs (svc, pid, type, when, NULL, photo_sha, photo_sha ? display_sha : NULL, image_id,
                                   items, NULL, caller->role == BZ_ROLE_PATIENT ? "phone" : "workstation", caller->user_id, error);
  if (id == NULL)
    return NULL;
  return bz_meal_repo_get (store, id, error);
}
