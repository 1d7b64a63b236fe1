/* bz-meal-detection.c — meal photos analysed later by a durable job (see
 * bz-meal-detection.h). */
#include "bz-meal-detection.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bz-blob-store.h"
#include "bz-integration-service.h"
#include "bz-limits.h"
#include "bz-jobs-repo.h"
#include "bz-json.h"
#include "bz-meal-detection-repo.h"
#include "bz-meal-repo.h"
#include "bz-meal-service-private.h"

const char *
bz_meal_detection_mark_pending (BzRecord *detection)
{
  bz_record_set_string (detection, BZ_DETECTION_STATUS, "pending");
  bz_record_set_string (detection, BZ_DETECTION_MESSAGE,
                        _("The meal-detection service is not answering: the photo is kept and will be analysed "
                          "when the service is back; you may enter the foods by hand meanwhile"));
  return "pending";
}

void
bz_meal_detection_enqueue (BzServices *svc, const char *meal_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = NULL;
  gint64 now = bz_jobs_now_ms ();
  BzJobRunner *runner;
  {
    g_autoptr(JsonObject) o = json_object_new ();
    g_autoptr(JsonNode) node = NULL;
    json_object_set_string_member (o, "mealId", meal_id);
    node = bz_json_node_new_object (json_object_ref (o));
    payload = json_to_string (node, FALSE);
  }
  if (!bz_jobs_repo_enqueue (bz_services_get_store (svc), BZ_MEAL_DETECTION_JOB, payload, meal_id,
                             now + bz_jobs_backoff_ms (1, g_random_double ()), BZ_MEAL_DETECTION_MAX_ATTEMPTS, now,
                             NULL, NULL, &error))
    {
      g_warning ("Meal detection: cannot queue the analysis of meal %s (the start-up sweep will): %s", meal_id,
                 error->message);
      return;
    }
  if ((runner = bz_services_get_job_runner (svc)))
    bz_job_runner_wake (runner);
}

gboolean
bz_meal_detection_schedule_pending (BzServices *svc, GError **error)
{
  g_autoptr(GPtrArray) ids = NULL;

  if (!bz_meal_detection_repo_list_pending (bz_services_get_store (svc), &ids, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    bz_meal_detection_enqueue (svc, g_ptr_array_index (ids, i));   /* keyed: a queued one is kept */
  return TRUE;
}

/* In one transaction: a pending meal without foods takes @meal's (when
 * given) and @to; a pending meal with foods typed in meanwhile keeps them
 * and becomes `manual`; any other meal is left as it is. */
static gboolean
settle (BzStore *store, const char *meal_id, BzRecord *meal, const char *to, GError **error)
{
  g_autofree char *status = NULL;
  guint n_items = 0;
  gboolean ok;

  if (!bz_store_begin (store, error))
    return FALSE;
  ok = bz_meal_detection_repo_state (store, meal_id, &status, &n_items, error);
  if (!ok && error && *error)
    goto fail;
  if (ok && g_strcmp0 (status, "pending") == 0)
    {
      if (n_items > 0)
        to = "manual";
      else if (meal && !bz_meal_repo_update (store, meal, error))
        goto fail;
      if (!bz_meal_detection_repo_set_status (store, meal_id, "pending", to, NULL, error))
        goto fail;
      g_message ("Meal detection: meal %s settled as %s", meal_id, to);
    }
  if (!bz_store_commit (store, error))
    goto fail;
  if (ok)
    bz_store_notify (store, "meal_logs", meal_id);
  return TRUE;

fail:
  bz_store_rollback (store);
  return FALSE;
}

/* The meal @old with the detected @items (validated USDA foods). */
static BzRecord *
meal_with_items (BzServices *svc, BzRecord *old, JsonArray *items, GError **error)
{
  g_autoptr(BzRecord) meal = bz_record_new (&bz_meal_resource);
  static const guint copied[] = { BZ_MEAL_ID, BZ_MEAL_PATIENT_ID, BZ_MEAL_MEAL_TYPE, BZ_MEAL_EATEN_AT, BZ_MEAL_DATE };

  for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
    bz_record_set_string (meal, copied[i], bz_record_get_string (old, copied[i]));
  if (!bz_meals_set_items (svc, meal, items, error))
    return NULL;
  return g_steal_pointer (&meal);
}

/* BzJobHandler of BZ_MEAL_DETECTION_JOB. */
static gboolean
run_detect (BzStore *store_, const BzJob *job, GCancellable *cancellable, gpointer user_data, GError **error)
{
  BzServices *svc = user_data;
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(JsonNode) root = job->payload ? bz_json_parse (job->payload, strlen (job->payload), &bz_json_limits_stored,
                                                           NULL, NULL) : NULL;
  const char *meal_id = root && JSON_NODE_HOLDS_OBJECT (root) ? bz_json_get_string (json_node_get_object (root), "mealId") : NULL;
  g_autofree char *status = NULL, *owner = NULL, *sha = NULL;
  g_autoptr(BzRecord) old = NULL, detection = NULL, meal = NULL;
  g_autoptr(GBytes) photo = NULL;
  g_autoptr(JsonArray) items = NULL;
  g_autoptr(GError) local = NULL;
  gboolean later = FALSE;
  guint n_items = 0;

  if (meal_id == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION, "A meal detection job without mealId: %s", job->payload);
      return FALSE;
    }
  if (!bz_meal_detection_repo_state (store, meal_id, &status, &n_items, &local))
    {
      if (local == NULL)
        return TRUE;   /* deleted since */
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (!g_str_equal (status, "pending"))
    return TRUE;   /* settled since (an earlier run of this job) */
  if (!bz_meal_repo_photo (store, meal_id, FALSE, &owner, &sha, &local) ||
      !(photo = bz_blob_get (store, sha, NULL, &local)) || !(old = bz_meal_repo_get (store, meal_id, &local)))
    {
      if (local && !g_error_matches (local, BZ_ERROR, BZ_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      return settle (store, meal_id, NULL, "manual_entry_required", error);   /* no photo left to read */
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  detection = bz_integrations_detect_photo_later (svc, photo, bz_record_get_string (old, BZ_MEAL_MEAL_TYPE), "es-MX",
                                                  &later);
  if (g_strcmp0 (bz_record_get_string (detection, BZ_DETECTION_STATUS), "detected") == 0)
    {
      items = bz_meals_detected_items (detection);
      if (json_array_get_length (items) > 0 && !(meal = meal_with_items (svc, old, items, error)))
        return FALSE;
      return settle (store, meal_id, meal, meal ? "detected" : "manual_entry_required", error);
    }
  if (later && job->attempts < job->max_attempts)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAVAILABLE, "The meal-detection service is still not answering: %s",
                   bz_record_get_string (detection, BZ_DETECTION_MESSAGE));
      return FALSE;   /* retried with the jobs' backoff */
    }
  return settle (store, meal_id, NULL, "manual_entry_required", error);
}

void
bz_meal_detection_register_jobs (BzJobRunner *runner, BzServices *svc)
{
  bz_job_runner_register (runner, BZ_MEAL_DETECTION_JOB, BZ_JOB_HANDLER_NONE, run_detect, g_object_ref (svc),
                          g_object_unref);
}

/* --- The local detector: the patient's earlier meals ----------------------------- */

typedef struct
{
  const BzEarlierMeal *latest;   /* newest first: the first one seen */
  guint order;                   /* its position in the scan */
  guint count, near;
} Group;

/* Minutes after local midnight of @t. */
static int
minute_of_day (GDateTime *t)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (t);
  return g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
}

static gint
group_cmp (gconstpointer pa, gconstpointer pb)
{
  const Group *a = *(Group *const *) pa, *b = *(Group *const *) pb;

  if (a->near != b->near)
    return a->near > b->near ? -1 : 1;
  if (a->count != b->count)
    return a->count > b->count ? -1 : 1;
  return a->order < b->order ? -1 : a->order > b->order;
}

static BzRecord *
proposal_of (BzStore *store, const Group *g)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) meal = bz_meal_repo_get (store, g->latest->meal_id, &error);
  BzRecord *p;

  if (meal == NULL)
    return NULL;   /* deleted meanwhile */
  p = bz_record_new (&bz_meal_proposal_resource);
  bz_record_set_string (p, BZ_MEAL_PROPOSAL_MEAL_ID, g->latest->meal_id);
  bz_record_set_string (p, BZ_MEAL_PROPOSAL_EATEN_AT, bz_record_get_string (meal, BZ_MEAL_EATEN_AT));
  bz_record_set_int (p, BZ_MEAL_PROPOSAL_TIMES, g->count);
  bz_record_set_int (p, BZ_MEAL_PROPOSAL_TIMES_NEAR, g->near);
  bz_record_set_empty_array (p, BZ_MEAL_PROPOSAL_ITEMS);
  for (guint i = 0; i < bz_record_get_n_items (meal, BZ_MEAL_ITEMS); i++)
    bz_record_append (p, BZ_MEAL_PROPOSAL_ITEMS, g_object_ref (bz_record_get_item (meal, BZ_MEAL_ITEMS, i)));
  bz_record_take_object (p, BZ_MEAL_PROPOSAL_NUTRITION, g_object_ref (bz_record_get_object (meal, BZ_MEAL_NUTRITION)));
  return p;
}

void
bz_meal_detection_propose (BzServices *svc, BzRecord *detection, const char *patient_id, const char *meal_type,
                           const char *except_id, GDateTime *at)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(GPtrArray) earlier = NULL;
  g_autoptr(GHashTable) by_foods = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int now_min = minute_of_day (at);
  guint n = 0;

  bz_record_set_empty_array (detection, BZ_DETECTION_PROPOSALS);
  if (!bz_meal_detection_repo_earlier_meals (store, patient_id, meal_type, except_id, BZ_MEAL_PROPOSAL_SCAN, &earlier,
                                             &error))
    {
      g_warning ("Meal detection: cannot read the earlier meals to propose: %s", error->message);
      return;
    }
  for (guint i = 0; i < earlier->len; i++)
    {
      const BzEarlierMeal *m = g_ptr_array_index (earlier, i);
      g_autoptr(GDateTime) t = g_date_time_new_from_iso8601 (m->eaten_at, NULL);
      Group *g;
      int d;

      if (*m->foods == '\0' || t == NULL)
        continue;
      if (!(g = g_hash_table_lookup (by_foods, m->foods)))
        {
          g = g_new0 (Group, 1);
          g->latest = m;
          g->order = i;
          g_hash_table_insert (by_foods, m->foods, g);
          g_ptr_array_add (groups, g);
        }
      d = ABS (minute_of_day (t) - now_min);
      g->count++;
      g->near += MIN (d, 24 * 60 - d) <= BZ_MEAL_PROPOSAL_WINDOW_MIN;
    }
  g_ptr_array_sort (groups, group_cmp);
  for (guint i = 0; i < groups->len && n < BZ_MEAL_PROPOSALS_MAX; i++)
    {
      BzRecord *p = proposal_of (store, g_ptr_array_index (groups, i));
      if (p == NULL)
        continue;
      bz_record_append (detection, BZ_DETECTION_PROPOSALS, p);
      n++;
    }
  if (n == 0)
    return;
  bz_record_set_string (detection, BZ_DETECTION_PROVIDER, "local");
  bz_record_set_string (detection, BZ_DETECTION_SOURCE, "local");
  bz_record_set_string (detection, BZ_DETECTION_MESSAGE,
                        _("No meal-detection service is configured: pick one of your earlier meals or enter the "
                          "foods by hand"));
}

void
bz_meal_detection_after_log (BzServices *svc, BzRecord *detection, const char *status, const char *patient_id,
                             const char *meal_type, const char *meal_id, GDateTime *at, guint n_items)
{
  if (g_strcmp0 (status, "pending") == 0)
    bz_meal_detection_enqueue (svc, meal_id);
  else if (n_items == 0 && !bz_integrations_has_detector (svc))
    bz_meal_detection_propose (svc, detection, patient_id, meal_type, meal_id, at);
}
