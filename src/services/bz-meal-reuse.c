/* bz-meal-reuse.c — logging a meal of one's history again
 * (bz_meals_log_previous(); seed 000 story 4.3 AC 4). */
#include "bz-meal-service-private.h"

#include <glib/gi18n.h>

#include "bz-meal-repo.h"
#include "bz-photo.h"

BzRecord *
bz_meals_log_previous (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) reuse = NULL, old = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(JsonArray) items = NULL;
  g_autoptr(GBytes) original = NULL, display = NULL;
  g_autofree char *pid = NULL, *mime = NULL, *id = NULL;
  g_autoptr(GError) no_photo = NULL;
  BzPhoto photo = { 0 };
  const char *type;

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

  type = bz_record_has (reuse, BZ_MEAL_REUSE_MEAL_TYPE) ? bz_record_get_string (reuse, BZ_MEAL_REUSE_MEAL_TYPE)
                                                         : bz_record_get_string (old, BZ_MEAL_MEAL_TYPE);
  if (when == NULL)
    when = g_date_time_new_now_local ();
  items = bz_meals_items_json_of (old, BZ_MEAL_ITEMS);
  /* The same photo: its bytes go back to the blob store, which keeps one
   * file per SHA-256, so nothing is copied on disk. */
  original = bz_meals_get_photo (svc, caller, bz_record_get_string (old, BZ_MEAL_ID), TRUE, &mime, NULL, &no_photo);
  if (original)
    {
      display = bz_meals_get_photo (svc, caller, bz_record_get_string (old, BZ_MEAL_ID), FALSE, NULL, NULL, error);
      if (display == NULL)
        return NULL;
      photo.original = original;
      photo.original_mime = mime;
      photo.display = display;
    }
  else if (!g_error_matches (no_photo, BZ_ERROR, BZ_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&no_photo));
      return NULL;
    }
  id = bz_meals_record (svc, pid, type, when, original ? &photo : NULL, items,
                        caller->role == BZ_ROLE_PATIENT ? "phone" : "workstation", caller->user_id, error);
  if (id == NULL)
    return NULL;
  return bz_meal_repo_get (store, id, error);
}
