/* bz-meal-image-service.c — meal photos uploaded ahead of a meal (see
 * bz-meal-image-service.h). */
#include "bz-meal-image-service.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bz-blob-store.h"
#include "bz-json.h"
#include "bz-meal-service-private.h"
#include "bz-photo.h"

/* UTC ISO 8601 with seconds and "Z", as meal_images stores times. */
static char *
utc_text (gint64 ms)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (ms / 1000);
  return g_date_time_format (t, "%Y-%m-%dT%H:%M:%SZ");
}

static BzRecord *
image_record (const BzMealImageRow *row)
{
  BzRecord *r = bz_record_new (&bz_meal_image_resource);

  bz_record_set_string (r, BZ_MEAL_IMAGE_ID, row->id);
  bz_record_take_string (r, BZ_MEAL_IMAGE_DISPLAY_URL, g_strdup_printf ("/api/v1/upload/meal-images/%s", row->id));
  bz_record_take_string (r, BZ_MEAL_IMAGE_ORIGINAL_URL,
                         g_strdup_printf ("/api/v1/upload/meal-images/%s?size=original", row->id));
  bz_record_set_string (r, BZ_MEAL_IMAGE_MIME_TYPE, row->mime_type);
  bz_record_set_int (r, BZ_MEAL_IMAGE_WIDTH, row->width);
  bz_record_set_int (r, BZ_MEAL_IMAGE_HEIGHT, row->height);
  bz_record_set_string (r, BZ_MEAL_IMAGE_EXPIRES_AT, row->expires_at);
  if (row->meal_id)
    bz_record_set_string (r, BZ_MEAL_IMAGE_MEAL_ID, row->meal_id);
  else
    bz_record_set_null (r, BZ_MEAL_IMAGE_MEAL_ID);
  return r;
}

/* Puts the photos' blobs, rows and expiry jobs in one transaction; counts
 * the caller's waiting photos inside it, so two uploads at once cannot
 * pass the bound together. */
static gboolean
store_images (BzServices *svc, const char *owner_id, BzPhoto *photos, guint n, BzMealImageRow *rows,
              GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  gint64 now = bz_jobs_now_ms (), expires = now + (gint64) BZ_MEAL_IMAGE_TTL_S * 1000;
  guint waiting = 0;

  if (!bz_store_begin (store, error))
    return FALSE;
  if (!bz_meal_image_repo_count_waiting (store, owner_id, &waiting, error))
    goto fail;
  if (waiting + n > BZ_MEAL_IMAGES_PENDING_MAX)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_CONFLICT,
                   _("You have %u meal photos waiting to be logged; log or wait for them before uploading more "
                     "(at most %d)"), waiting, BZ_MEAL_IMAGES_PENDING_MAX);
      bz_error_add_detail (*error, "images", "too_many_waiting", (*error)->message);
      goto fail;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *payload = NULL;
      BzMealImageRow *row = &rows[i];

      row->id = g_uuid_string_random ();
      row->owner_id = g_strdup (owner_id);
      row->mime_type = g_strdup (photos[i].original_mime);
      row->width = photos[i].width;
      row->height = photos[i].height;
      row->created_at = utc_text (now);
      row->expires_at = utc_text (expires);
      payload = g_strdup_printf ("{\"imageId\":\"%s\"}", row->id);   /* a UUID: nothing to escape */
      if (!bz_blob_put (store, photos[i].original, photos[i].original_mime, &row->sha256, error) ||
          !bz_blob_put (store, photos[i].display, "image/jpeg", &row->display_sha256, error) ||
          !bz_meal_image_repo_insert (store, row, error) ||
          !bz_services_enqueue_job (svc, BZ_MEAL_IMAGE_EXPIRE_JOB, payload, row->id, expires, error))
        goto fail;
    }
  if (!bz_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  bz_store_rollback (store);
  return FALSE;
}

BzRecord *
bz_meal_images_upload (BzServices *svc, const BzCaller *caller, GPtrArray *files, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  BzPhoto photos[BZ_MEAL_IMAGES_MAX_FILES] = { { 0 } };
  BzMealImageRow rows[BZ_MEAL_IMAGES_MAX_FILES] = { { 0 } };
  guint n = files ? files->len : 0;
  gboolean ok = TRUE;
  BzRecord *out = NULL;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (caller == NULL)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, _("Sign in first"));
      return NULL;
    }
  if (n == 0)
    bz_validation_add (&v, "images", "required", _("Send at least one meal photo"));
  else if (n > BZ_MEAL_IMAGES_MAX_FILES)
    {
      g_autofree char *msg = g_strdup_printf (_("Send at most %d meal photos at once"), BZ_MEAL_IMAGES_MAX_FILES);
      bz_validation_add (&v, "images", "too_many_items", msg);
    }
  for (guint i = 0; n <= BZ_MEAL_IMAGES_MAX_FILES && i < n; i++)
    if (g_bytes_get_size (g_ptr_array_index (files, i)) == 0)
      {
        g_autofree char *f = g_strdup_printf ("images[%u]", i);
        bz_validation_add (&v, f, "required", _("This photo is empty"));
      }
  if (!bz_validation_finish (&v, error))
    return NULL;

  /* Every photo checked and decoded before any is stored. */
  for (guint i = 0; ok && i < n; i++)
    {
      g_autofree char *f = g_strdup_printf ("images[%u]", i);
      ok = bz_photo_prepare (g_ptr_array_index (files, i), f, &photos[i], error);
    }
  if (ok && store_images (svc, caller->user_id, photos, n, rows, error))
    {
      out = bz_record_new (&bz_meal_image_upload_resource);
      bz_record_set_empty_array (out, BZ_MEAL_IMAGE_UPLOAD_IMAGES);
      for (guint i = 0; i < n; i++)
        bz_record_append (out, BZ_MEAL_IMAGE_UPLOAD_IMAGES, image_record (&rows[i]));
      g_message ("Meal photos: %u stored for user %s", n, caller->user_id);
    }
  for (guint i = 0; i < n && i < BZ_MEAL_IMAGES_MAX_FILES; i++)
    {
      BzMealImageRow *r = &rows[i];
      bz_photo_clear (&photos[i]);
      g_free (r->id), g_free (r->owner_id), g_free (r->sha256), g_free (r->display_sha256);
      g_free (r->mime_type), g_free (r->created_at), g_free (r->expires_at);
    }
  return out;
}

BzMealImageRow *
bz_meal_images_resolve (BzServices *svc, const BzCaller *caller, const char *image_id, const char *field,
                        GError **error)
{
  g_autoptr(BzMealImageRow) row = NULL;
  g_autoptr(GError) local = NULL;

  if (caller == NULL)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, _("Sign in first"));
      return NULL;
    }
  if (image_id == NULL || !bz_meal_image_repo_get (bz_services_get_store (svc), image_id, &row, &local) ||
      g_strcmp0 (row->owner_id, caller->user_id) != 0)
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        {
          /* Someone else's photo answers as an unknown one does. */
          g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Meal photo not found"));
          bz_error_add_detail (*error, field, "not_found", (*error)->message);
        }
      return NULL;
    }
  return g_steal_pointer (&row);
}

GBytes *
bz_meal_images_display (BzServices *svc, const BzCaller *caller, const char *image_id, const char *field,
                        GError **error)
{
  g_autoptr(BzMealImageRow) row = bz_meal_images_resolve (svc, caller, image_id, field, error);

  return row ? bz_blob_get (bz_services_get_store (svc), row->display_sha256, NULL, error) : NULL;
}

GBytes *
bz_meal_images_get_photo (BzServices *svc, const BzCaller *caller, const char *image_id, gboolean original,
                          char **out_mime_type, char **out_etag, GError **error)
{
  g_autoptr(BzMealImageRow) row = bz_meal_images_resolve (svc, caller, image_id, "image_id", error);
  const char *sha;
  GBytes *bytes;

  if (row == NULL)
    return NULL;
  sha = original ? row->sha256 : row->display_sha256;
  bytes = bz_blob_get (bz_services_get_store (svc), sha, out_mime_type, error);
  if (bytes && out_etag)
    *out_etag = g_strdup (sha);
  return bytes;
}

/* BzJobHandler of BZ_MEAL_IMAGE_EXPIRE_JOB, inside the transaction that
 * marks it done (BZ_JOB_HANDLER_TRANSACTIONAL).  Idempotent: a photo gone
 * already is nothing to do. */
static gboolean
run_expire (BzStore *store, const BzJob *job, GCancellable *cancellable, gpointer user_data, GError **error)
{
  g_autoptr(JsonNode) root = job->payload ? bz_json_parse (job->payload, strlen (job->payload), &bz_json_limits_stored,
                                                           NULL, NULL) : NULL;
  const char *id = root && JSON_NODE_HOLDS_OBJECT (root) ? bz_json_get_string (json_node_get_object (root), "imageId")
                                                         : NULL;
  g_autofree char *now = utc_text (bz_jobs_now_ms ());
  gboolean deleted = FALSE;

  if (id == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION, "A meal photo expiry job without imageId: %s", job->payload);
      return FALSE;
    }
  if (!bz_meal_image_repo_delete_expired (store, id, now, &deleted, error))
    return FALSE;
  if (deleted)
    g_debug ("Meal photos: %s expired and was deleted", id);
  return TRUE;
}

void
bz_meal_images_register_jobs (BzJobRunner *runner)
{
  bz_job_runner_register (runner, BZ_MEAL_IMAGE_EXPIRE_JOB, BZ_JOB_HANDLER_TRANSACTIONAL, run_expire, NULL, NULL);
}
