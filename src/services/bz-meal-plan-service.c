/* bz-meal-plan-service.c — manual meal plans (see bz-meal-plan-service.h).
 *
 * Validation, ownership and the messages users see; the SQL is in
 * bz-meal-plan-repo.c, the shapes and roll-ups in bz-meal-plan-resources.[ch].
 */
#include "bz-meal-plan-service-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bz-jobs.h"
#include "bz-json.h"
#include "bz-meal-plan-repo.h"
#include "bz-patient-service.h"
#include "bz-recipe-repo.h"

gboolean
bz_meal_plan_check_nutritionist (const BzCaller *caller, const char *message, GError **error)
{
  if (caller == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "%s", _("Authentication required"));
      return FALSE;
    }
  if (caller->role != BZ_ROLE_NUTRITIONIST)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_FORBIDDEN, "%s", message);
      return FALSE;
    }
  return TRUE;
}

static void
set_draft_not_found (GError **error)
{
  g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "%s",
               _("Draft not found: the meal plan does not exist or has expired"));
}

static char *
format_utc (GDateTime *t)
{
  return g_date_time_format (t, "%Y-%m-%dT%H:%M:%SZ");
}

/* The plan @draft_id if @caller may read it and it has not expired. */
BzRecord *
bz_meal_plan_load (BzServices *svc, const BzCaller *caller, const char *draft_id, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(BzRecord) plan = NULL;
  g_autofree char *patient = NULL, *now = NULL;
  const char *expires;

  if (draft_id == NULL || *draft_id == '\0')
    {
      GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION, _("draftId is required"));
      bz_error_add_detail (e, "draftId", "required", e->message);
      g_propagate_error (error, e);
      return NULL;
    }
  plan = bz_meal_plan_repo_get (bz_services_get_store (svc), draft_id, &local);
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (plan == NULL)
    {
      set_draft_not_found (error);
      return NULL;
    }
  patient = bz_patients_resolve (svc, caller, bz_record_get_string (plan, BZ_MEAL_PLAN_CLIENT_ID), &local);
  if (patient == NULL)
    {
      if (local && bz_error_http_status (local) >= 500)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        set_draft_not_found (error);
      return NULL;
    }
  /* A draft past its expiresAt is gone (seed 004: 404 "does not exist or
   * has expired"); its rows wait for its expiry job, due at that moment. */
  now = bz_now_iso8601 ();
  expires = bz_record_get_string (plan, BZ_MEAL_PLAN_EXPIRES_AT);
  if (g_strcmp0 (bz_record_get_string (plan, BZ_MEAL_PLAN_STATUS), "draft") == 0 && expires && strcmp (expires, now) <= 0)
    {
      set_draft_not_found (error);
      return NULL;
    }
  return g_steal_pointer (&plan);
}

/* The draft's expiry job (bz_meal_plans_register_jobs()), in the caller's
 * transaction: due at its expiresAt, keyed by its id. */
static gboolean
enqueue_expiry (BzServices *svc, const char *draft_id, gint64 expires_ms, GError **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *payload = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "draftId");
  json_builder_add_string_value (b, draft_id);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  payload = json_generator_to_data (gen, NULL);
  return bz_services_enqueue_job (svc, BZ_MEAL_PLAN_DRAFT_EXPIRY_JOB, payload, draft_id, expires_ms, error);
}

BzRecord *
bz_meal_plans_create (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GDateTime) now = NULL, expires = NULL;
  g_autofree char *patient = NULL, *now_s = NULL, *expires_s = NULL, *id = NULL;
  BzMealPlanNew row = { 0 };
  BzRecord *draft;
  gint64 ms;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (!bz_meal_plan_check_nutritionist (caller, _("Only nutritionists can create manual meal plans"), error))
    return NULL;
  in = bz_resource_parse (&bz_meal_plan_create_resource, input, NULL, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;

  patient = bz_patients_resolve (svc, caller, bz_record_get_string (in, BZ_MEAL_PLAN_CREATE_CLIENT_ID), &local);
  if (patient == NULL)
    {
      if (bz_error_http_status (local) == 404)
        g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "%s", _("Client not found"));
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (bz_record_get_string (in, BZ_MEAL_PLAN_CREATE_MEAL_PROGRAM_ID))
    {
      /* Balanza has no meal programs yet: no id can name one. */
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "%s", _("Meal program not found"));
      return NULL;
    }

  now = g_date_time_new_now_utc ();
  expires = g_date_time_add_days (now, BZ_MEAL_PLAN_DRAFT_DAYS);
  now_s = format_utc (now);
  expires_s = format_utc (expires);
  ms = g_date_time_to_unix (now) * 1000 + g_date_time_get_microsecond (now) / 1000;
  row.patient_id = patient;
  row.nutritionist_id = caller->user_id;
  row.plan_date = bz_record_get_string (in, BZ_MEAL_PLAN_CREATE_PLAN_DATE);
  row.duration_days = bz_record_get_int (in, BZ_MEAL_PLAN_CREATE_DURATION_DAYS);
  row.now = now_s;
  row.expires_at = expires_s;
  /* draftId is manual-{clientId}-{ms}; two drafts in one millisecond take the next one. */
  for (guint attempt = 0;; attempt++)
    {
      g_clear_pointer (&id, g_free);
      g_clear_error (&local);
      id = g_strdup_printf ("manual-%s-%" G_GINT64_FORMAT, patient, ms + attempt);
      row.id = id;
      if (!bz_store_begin (store, error))
        return NULL;
      if (bz_meal_plan_repo_insert (store, &row, bz_meal_plan_default_meals (), &local) &&
          enqueue_expiry (svc, id, g_date_time_to_unix (expires) * 1000, &local) &&
          bz_store_commit (store, &local))
        break;
      bz_store_rollback (store);
      if (attempt >= 8 || bz_error_http_status (local) != 409)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }
  bz_store_notify (store, "meal_plans", id);

  draft = bz_record_new (&bz_meal_plan_draft_resource);
  bz_record_set_string (draft, BZ_MEAL_PLAN_DRAFT_DRAFT_ID, id);
  bz_record_set_string (draft, BZ_MEAL_PLAN_DRAFT_STATUS, "draft");
  bz_record_set_string (draft, BZ_MEAL_PLAN_DRAFT_CREATION_METHOD, "manual");
  bz_record_set_string (draft, BZ_MEAL_PLAN_DRAFT_PLAN_DATE, row.plan_date);
  bz_record_set_int (draft, BZ_MEAL_PLAN_DRAFT_DURATION_DAYS, row.duration_days);
  bz_record_set_string (draft, BZ_MEAL_PLAN_DRAFT_EXPIRES_AT, expires_s);
  return draft;
}

BzRecord *
bz_meal_plans_get (BzServices *svc, const BzCaller *caller, const char *draft_id, GError **error)
{
  BzRecord *plan;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (caller == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "%s", _("Authentication required"));
      return NULL;
    }
  if (!(plan = bz_meal_plan_load (svc, caller, draft_id, error)))
    return NULL;
  bz_meal_plan_roll_up (plan);
  return plan;
}

/* Opens the write transaction and loads @draft_id for a change: the
 * caller's own patient's plan, still a draft.  On failure the transaction
 * is rolled back. */
static BzRecord *
begin_change (BzServices *svc, const BzCaller *caller, const char *draft_id, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzRecord *plan;

  if (!bz_store_begin (store, error))
    return NULL;
  if (!(plan = bz_meal_plan_load (svc, caller, draft_id, error)))
    {
      bz_store_rollback (store);
      return NULL;
    }
  if (g_strcmp0 (bz_record_get_string (plan, BZ_MEAL_PLAN_STATUS), "draft") != 0)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_CONFLICT, "%s", _("The meal plan is no longer a draft"));
      bz_store_rollback (store);
      g_object_unref (plan);
      return NULL;
    }
  return plan;
}

/* Commits, tells the watchers and answers the plan as it now is. */
static BzRecord *
finish_change (BzServices *svc, const BzCaller *caller, const char *draft_id, GError **error)
{
  BzStore *store = bz_services_get_store (svc);

  if (!bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  bz_store_notify (store, "meal_plans", draft_id);
  return bz_meal_plans_get (svc, caller, draft_id, error);
}

/* The slot of @plan's @day whose key is @key, or NULL. */
BzRecord *
bz_meal_plan_find_slot (BzRecord *plan, gint64 day, const char *key, guint *out_n_slots)
{
  BzRecord *d = bz_record_get_item (plan, BZ_MEAL_PLAN_SUGGESTIONS, (guint) day - 1);
  guint n = bz_record_get_n_items (d, BZ_PLAN_DAY_MEALS);

  if (out_n_slots)
    *out_n_slots = n;
  for (guint i = 0; i < n; i++)
    {
      BzRecord *meal = bz_record_get_item (d, BZ_PLAN_DAY_MEALS, i);
      g_autofree char *k = bz_meal_plan_meal_key (bz_record_get_string (meal, BZ_PLAN_MEAL_MEAL_NAME));
      if (g_strcmp0 (k, key) == 0)
        return meal;
    }
  return NULL;
}

/* day within 1..durationDays, else a "day" detail. */
gboolean
bz_meal_plan_check_day (BzRecord *plan, gint64 day, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  gint64 days = bz_record_get_int (plan, BZ_MEAL_PLAN_DURATION_DAYS);

  if (day < 1 || day > days)
    {
      g_autofree char *msg = g_strdup_printf (_("day must be between 1 and %d (the plan's durationDays)"), (int) days);
      bz_validation_add (&v, "day", "out_of_range", msg);
    }
  return bz_validation_finish (&v, error);
}

BzRecord *
bz_meal_plans_add_recipe (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL, plan = NULL, recipe = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *key = NULL, *meal_name = NULL, *now = NULL;
  BzRecord *ref = NULL, *slot;
  const char *provider, *source, *draft_id, *recipe_id;
  gint64 day;
  guint n_slots;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (!bz_meal_plan_check_nutritionist (caller, _("Only nutritionists can change manual meal plans"), error))
    return NULL;
  in = bz_resource_parse (&bz_meal_plan_add_recipe_resource, input, NULL, &v);
  if (in)
    {
      ref = bz_record_get_object (in, BZ_MEAL_PLAN_ADD_RECIPE_RECIPE);
      provider = bz_record_get_string (ref, BZ_PLAN_RECIPE_REF_PROVIDER);
      source = bz_record_get_string (ref, BZ_PLAN_RECIPE_REF_SOURCE);
      if (g_ascii_strcasecmp (provider, "edamam") == 0 || g_ascii_strcasecmp (provider, "spoonacular") == 0)
        bz_validation_add (&v, "recipe.provider", "unsupported",
                           _("Recipes from edamam or spoonacular cannot be added: Balanza has no connection to them yet. "
                             "Use provider balanza with a recipe of GET /api/v1/recipes"));
      else if (g_ascii_strcasecmp (provider, "balanza") != 0)
        bz_validation_add (&v, "recipe.provider", "invalid_choice", _("recipe.provider must be balanza"));
      if (source && g_ascii_strcasecmp (source, "api") != 0 && g_ascii_strcasecmp (source, "cached") != 0)
        bz_validation_add (&v, "recipe.source", "invalid_choice", _("recipe.source must be api or cached"));
      meal_name = g_strstrip (g_strdup (bz_record_get_string (in, BZ_MEAL_PLAN_ADD_RECIPE_MEAL_NAME)));
      if (*meal_name == '\0')
        bz_validation_add (&v, "mealName", "too_short", _("mealName must not be blank"));
    }
  if (!bz_validation_finish (&v, error))
    return NULL;
  draft_id = bz_record_get_string (in, BZ_MEAL_PLAN_ADD_RECIPE_DRAFT_ID);
  day = bz_record_get_int (in, BZ_MEAL_PLAN_ADD_RECIPE_DAY);
  recipe_id = bz_record_get_string (ref, BZ_PLAN_RECIPE_REF_ID);

  if (!(plan = begin_change (svc, caller, draft_id, error)))
    return NULL;
  if (!bz_meal_plan_check_day (plan, day, error))
    goto fail;
  recipe = bz_recipe_repo_get (store, recipe_id, &local);
  if (recipe == NULL)
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "%s", _("Recipe not found"));
      goto fail;
    }
  key = bz_meal_plan_meal_key (meal_name);
  slot = bz_meal_plan_find_slot (plan, day, key, &n_slots);
  if ((slot == NULL && n_slots >= BZ_MEAL_PLAN_MAX_SLOTS) ||
      (slot && bz_record_get_n_items (slot, BZ_PLAN_MEAL_RECIPES) >= BZ_MEAL_PLAN_MAX_RECIPES))
    {
      BzValidation full = BZ_VALIDATION_INIT;
      g_autofree char *msg = slot ? g_strdup_printf (_("A meal can have at most %d recipes"), BZ_MEAL_PLAN_MAX_RECIPES)
                                  : g_strdup_printf (_("A day can have at most %d meals"), BZ_MEAL_PLAN_MAX_SLOTS);
      bz_validation_add (&full, "mealName", "too_many_items", msg);
      bz_validation_finish (&full, error);
      goto fail;
    }
  now = bz_now_iso8601 ();
  if (!bz_meal_plan_repo_add_recipe (store, draft_id, day, key, meal_name, bz_record_get_string (recipe, BZ_RECIPE_ID),
                                     bz_record_has (in, BZ_MEAL_PLAN_ADD_RECIPE_SERVINGS)
                                       ? bz_record_get_double (in, BZ_MEAL_PLAN_ADD_RECIPE_SERVINGS) : 1.0,
                                     now, error))
    goto fail;
  return finish_change (svc, caller, draft_id, error);

fail:
  bz_store_rollback (store);
  return NULL;
}

BzRecord *
bz_meal_plans_remove_recipe (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL, plan = NULL;
  g_autofree char *key = NULL, *now = NULL;
  const char *draft_id, *recipe_id;
  gboolean remove_slot, found;
  gint64 day;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (!bz_meal_plan_check_nutritionist (caller, _("Only nutritionists can change manual meal plans"), error))
    return NULL;
  in = bz_resource_parse (&bz_meal_plan_remove_recipe_resource, input, NULL, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  draft_id = bz_record_get_string (in, BZ_MEAL_PLAN_REMOVE_RECIPE_DRAFT_ID);
  day = bz_record_get_int (in, BZ_MEAL_PLAN_REMOVE_RECIPE_DAY);
  recipe_id = bz_record_get_string (in, BZ_MEAL_PLAN_REMOVE_RECIPE_RECIPE_ID);
  if (recipe_id && *recipe_id == '\0')
    recipe_id = NULL;
  remove_slot = bz_record_has (in, BZ_MEAL_PLAN_REMOVE_RECIPE_REMOVE_MEAL_SLOT) &&
                bz_record_get_boolean (in, BZ_MEAL_PLAN_REMOVE_RECIPE_REMOVE_MEAL_SLOT);

  if (!(plan = begin_change (svc, caller, draft_id, error)))
    return NULL;
  if (!bz_meal_plan_check_day (plan, day, error))
    goto fail;
  key = bz_meal_plan_meal_key (bz_record_get_string (in, BZ_MEAL_PLAN_REMOVE_RECIPE_MEAL_NAME));
  now = bz_now_iso8601 ();
  if (!bz_meal_plan_repo_remove (store, draft_id, day, key, recipe_id, remove_slot, now, &found, error))
    goto fail;
  if (!found)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "%s",
                   recipe_id ? _("That recipe is not in this meal") : _("Meal slot not found"));
      goto fail;
    }
  return finish_change (svc, caller, draft_id, error);

fail:
  bz_store_rollback (store);
  return NULL;
}

BzRecord *
bz_meal_plans_finalize (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL, plan = NULL;
  g_autofree char *now = NULL;
  const char *draft_id;
  gint64 empty;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (!bz_meal_plan_check_nutritionist (caller, _("Only nutritionists can finalize manual meal plans"), error))
    return NULL;
  in = bz_resource_parse (&bz_meal_plan_finalize_resource, input, NULL, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  draft_id = bz_record_get_string (in, BZ_MEAL_PLAN_FINALIZE_DRAFT_ID);

  if (!(plan = begin_change (svc, caller, draft_id, error)))
    return NULL;
  empty = bz_meal_plan_repo_empty_slots (store, draft_id, error);
  if (empty < 0)
    goto fail;
  if (empty > 0)
    {
      g_autofree char *msg = g_strdup_printf (
          ngettext ("The meal plan is incomplete: %d meal slot has no recipe",
                    "The meal plan is incomplete: %d meal slots have no recipe", (gulong) empty),
          (int) empty);
      bz_validation_add (&v, "suggestions", "incomplete", msg);
      bz_validation_finish (&v, error);
      goto fail;
    }
  now = bz_now_iso8601 ();
  if (!bz_meal_plan_repo_finalize (store, draft_id, bz_record_get_string (plan, BZ_MEAL_PLAN_CLIENT_ID),
                                   bz_record_get_string (in, BZ_MEAL_PLAN_FINALIZE_PLAN_NAME), now, error) ||
      !bz_meal_plan_lifecycle_start (svc, draft_id, bz_record_get_string (plan, BZ_MEAL_PLAN_PLAN_DATE), error))
    goto fail;
  return finish_change (svc, caller, draft_id, error);

fail:
  bz_store_rollback (store);
  return NULL;
}

/* BzJobHandler of BZ_MEAL_PLAN_DRAFT_EXPIRY_JOB; runs in the transaction
 * that marks the job done (BZ_JOB_HANDLER_TRANSACTIONAL). */
static gboolean
run_draft_expiry (BzStore *store, const BzJob *job, GCancellable *cancellable, gpointer user_data,
                  GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_s = NULL;
  const char *draft_id = NULL;
  gboolean deleted;
  JsonNode *root;

  if (json_parser_load_from_data (parser, job->payload, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    draft_id = bz_json_get_string (json_node_get_object (root), "draftId");
  if (draft_id == NULL || *draft_id == '\0')
    {
      /* Never runnable: fail it at once (bz-jobs.h). */
      g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION, "Draft expiry job without a draftId: %s", job->payload);
      return FALSE;
    }
  /* Second precision, as expiresAt is written: the job is due at expiresAt
   * to the millisecond, so the draft has expired by then. */
  now = g_date_time_new_from_unix_utc (bz_jobs_now_ms () / 1000);
  now_s = format_utc (now);
  if (!bz_meal_plan_repo_delete_expired_draft (store, draft_id, now_s, &deleted, error))
    return FALSE;
  if (deleted)
    g_debug ("Meal plans: draft %s expired and was deleted", draft_id);
  return TRUE;
}

void
bz_meal_plans_register_jobs (BzJobRunner *runner)
{
  bz_job_runner_register (runner, BZ_MEAL_PLAN_DRAFT_EXPIRY_JOB, BZ_JOB_HANDLER_TRANSACTIONAL,
                          run_draft_expiry, NULL, NULL);
  bz_meal_plans_register_lifecycle_jobs (runner);
}

gboolean
bz_meal_plans_schedule_draft_expiry (BzServices *svc, guint *out_count, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_auto(GStrv) ids = NULL, expires = NULL;
  guint n = 0;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), FALSE);
  if (out_count)
    *out_count = 0;
  if (!bz_store_begin (store, error))
    return FALSE;
  if (!bz_meal_plan_repo_list_unscheduled_drafts (store, BZ_MEAL_PLAN_DRAFT_EXPIRY_JOB, &ids, &expires, error))
    {
      bz_store_rollback (store);
      return FALSE;
    }
  for (guint i = 0; ids[i]; i++)
    {
      g_autoptr(GDateTime) t = g_date_time_new_from_iso8601 (expires[i], NULL);

      if (t == NULL)
        {
          g_warning ("Meal plans: draft %s has an unreadable expires_at '%s'; not scheduled", ids[i], expires[i]);
          continue;
        }
      /* An already expired draft is due at once. */
      if (!enqueue_expiry (svc, ids[i], g_date_time_to_unix (t) * 1000, error))
        {
          bz_store_rollback (store);
          return FALSE;
        }
      n++;
    }
  if (!bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return FALSE;
    }
  {
    guint lifecycle = 0;
    if (!bz_meal_plans_schedule_lifecycle (svc, &lifecycle, error))
      return FALSE;
    n += lifecycle;
  }
  if (out_count)
    *out_count = n;
  return TRUE;
}
