/* bz-food-service.c — search and read the USDA SR28 food database.
 *
 * Validation (paging) and the messages users see; the queries and the FTS5
 * search syntax are in bz-food-repo.c, the shapes in bz-resources.h.
 */
#include "bz-food-service.h"

#include <glib/gi18n-lib.h>

#include "bz-food-repo.h"
#include "bz-service-task-private.h"

static void
set_not_found (const char *ndb_no, GError **error)
{
  g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Food %s not found"), ndb_no ? ndb_no : "(null)");
}

static gboolean
check_paging (guint page, guint limit, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;

  if (page < 1)
    bz_validation_add (&v, "page", "out_of_range", _("page must be 1 or more"));
  if (limit < 1 || limit > BZ_LIST_LIMIT_MAX)
    {
      g_autofree char *msg = g_strdup_printf (_("limit must be between 1 and %d"), BZ_LIST_LIMIT_MAX);
      bz_validation_add (&v, "limit", "out_of_range", msg);
    }
  return bz_validation_finish (&v, error);
}

BzRecord *
bz_foods_find (BzServices *svc, const char *search, guint page, guint limit, GError **error)
{
  g_autoptr(GPtrArray) foods = NULL;
  BzRecord *list;
  gint64 total = 0;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (!check_paging (page, limit, error))
    return NULL;

  foods = bz_food_repo_search (bz_services_get_store (svc), search, limit, (gint64) (page - 1) * limit,
                               &total, error);
  if (foods == NULL)
    return NULL;
  list = bz_record_new (&bz_food_list_resource);
  bz_record_set_empty_array (list, BZ_FOOD_LIST_FOODS);
  for (guint i = 0; i < foods->len; i++)
    bz_record_append (list, BZ_FOOD_LIST_FOODS, g_object_ref (g_ptr_array_index (foods, i)));
  bz_record_take_object (list, BZ_FOOD_LIST_PAGINATION, bz_pagination_new (page, limit, total));
  return list;
}

BzRecord *
bz_foods_get_food (BzServices *svc, const char *ndb_no, GError **error)
{
  g_autoptr(GError) local = NULL;
  BzRecord *food, *envelope;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (ndb_no == NULL)
    {
      set_not_found (ndb_no, error);
      return NULL;
    }

  food = bz_food_repo_get (bz_services_get_store (svc), ndb_no, &local);
  if (food == NULL)
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        set_not_found (ndb_no, error);
      return NULL;
    }
  envelope = bz_record_new (&bz_food_envelope_resource);
  bz_record_take_object (envelope, BZ_FOOD_ENVELOPE_FOOD, food);
  return envelope;
}

/* --- async (GIO style): the same calls on a GTask worker thread ----------- */

typedef struct
{
  char *search;
  guint page, limit;
} FindArgs;

static void
find_args_free (gpointer p)
{
  FindArgs *a = p;
  g_free (a->search);
  g_free (a);
}

static gpointer
find_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  FindArgs *a = args;
  return bz_foods_find (svc, a->search, a->page, a->limit, error);
}

void
bz_foods_find_async (BzServices *svc, const char *search, guint page, guint limit,
                     GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  FindArgs *a = g_new0 (FindArgs, 1);

  a->search = g_strdup (search);
  a->page = page;
  a->limit = limit;
  bz_service_task_run (svc, bz_foods_find_async, "bz-foods-find", NULL, BZ_SERVICE_TASK_NONE,
                       find_work, a, find_args_free, g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_foods_find_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_foods_find_async, error);
}

static gpointer
get_food_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_foods_get_food (svc, args, error);
}

void
bz_foods_get_food_async (BzServices *svc, const char *ndb_no, GCancellable *cancellable,
                         GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_foods_get_food_async, "bz-foods-get", NULL, BZ_SERVICE_TASK_NONE,
                       get_food_work, g_strdup (ndb_no), g_free, g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_foods_get_food_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_foods_get_food_async, error);
}

gboolean
bz_foods_lookup_panel (BzServices *svc, const char *ndb_no, BzNutrients *out,
                       char **out_description, GError **error)
{
  gboolean found = FALSE;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  if (ndb_no == NULL)
    {
      set_not_found (ndb_no, error);
      return FALSE;
    }

  if (!bz_food_repo_get_panel (bz_services_get_store (svc), ndb_no, out, out_description, &found, error))
    return FALSE;
  if (!found)
    {
      set_not_found (ndb_no, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
bz_foods_count (BzServices *svc, gint64 *out_count, GError **error)
{
  g_return_val_if_fail (BZ_IS_SERVICES (svc), FALSE);
  g_return_val_if_fail (out_count != NULL, FALSE);
  return bz_food_repo_count (bz_services_get_store (svc), out_count, error);
}
