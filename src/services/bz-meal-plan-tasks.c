/* bz-meal-plan-tasks.c — see bz-meal-plan-tasks.h. */
#include "bz-meal-plan-tasks.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bz-meal-plan-list-repo.h"
#include "bz-meal-plan-service-private.h"
#include "bz-patient-service.h"
#include "bz-service-task-private.h"

typedef struct
{
  JsonObject *input;
  char *draft_id;
  char *patient_id;
  char *meal_name;
  char *recipe_id;
  char *search;
  char *meal_type;
  char **ids;
  gint64 day;
  double servings;
  guint page, limit;
} PlanArgs;

static void
plan_args_free (gpointer p)
{
  PlanArgs *a = p;

  g_clear_pointer (&a->input, json_object_unref);
  g_free (a->draft_id);
  g_free (a->patient_id);
  g_free (a->meal_name);
  g_free (a->recipe_id);
  g_free (a->search);
  g_free (a->meal_type);
  g_strfreev (a->ids);
  g_free (a);
}

static void
plan_task_run (BzServices *svc, gpointer source_tag, BzServiceWork work, PlanArgs *a, const BzCaller *caller,
               GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, source_tag, "bz-meal-plans", caller, BZ_SERVICE_TASK_NEEDS_CALLER, work, a,
                       plan_args_free, g_object_unref, cancellable, callback, user_data);
}

static PlanArgs *
args_with_input (JsonObject *input)
{
  PlanArgs *a = g_new0 (PlanArgs, 1);
  a->input = input ? bz_service_json_object_copy (input) : json_object_new ();
  return a;
}

/* --- the six calls of seed 004 ------------------------------------------------ */

static gpointer
create_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_meal_plans_create (svc, caller, ((PlanArgs *) args)->input, error);
}

void
bz_meal_plans_create_async (BzServices *svc, const BzCaller *caller, JsonObject *input, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  plan_task_run (svc, bz_meal_plans_create_async, create_work, args_with_input (input), caller, cancellable,
                 callback, user_data);
}

BzRecord *
bz_meal_plans_create_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_meal_plans_create_async, error);
}

static gpointer
get_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_meal_plans_get (svc, caller, ((PlanArgs *) args)->draft_id, error);
}

void
bz_meal_plans_get_async (BzServices *svc, const BzCaller *caller, const char *draft_id, GCancellable *cancellable,
                         GAsyncReadyCallback callback, gpointer user_data)
{
  PlanArgs *a = g_new0 (PlanArgs, 1);

  a->draft_id = g_strdup (draft_id);
  plan_task_run (svc, bz_meal_plans_get_async, get_work, a, caller, cancellable, callback, user_data);
}

BzRecord *
bz_meal_plans_get_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_meal_plans_get_async, error);
}

static gpointer
add_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_meal_plans_add_recipe (svc, caller, ((PlanArgs *) args)->input, error);
}

void
bz_meal_plans_add_recipe_async (BzServices *svc, const BzCaller *caller, JsonObject *input,
                                GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  plan_task_run (svc, bz_meal_plans_add_recipe_async, add_work, args_with_input (input), caller, cancellable,
                 callback, user_data);
}

BzRecord *
bz_meal_plans_add_recipe_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_meal_plans_add_recipe_async, error);
}

static gpointer
remove_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_meal_plans_remove_recipe (svc, caller, ((PlanArgs *) args)->input, error);
}

void
bz_meal_plans_remove_recipe_async (BzServices *svc, const BzCaller *caller, JsonObject *input,
                                   GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  plan_task_run (svc, bz_meal_plans_remove_recipe_async, remove_work, args_with_input (input), caller,
                 cancellable, callback, user_data);
}

BzRecord *
bz_meal_plans_remove_recipe_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_meal_plans_remove_recipe_async, error);
}

static gpointer
customize_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_meal_plans_update_customizations (svc, caller, ((PlanArgs *) args)->input, error);
}

void
bz_meal_plans_update_customizations_async (BzServices *svc, const BzCaller *caller, JsonObject *input,
                                           GCancellable *cancellable, GAsyncReadyCallback callback,
                                           gpointer user_data)
{
  plan_task_run (svc, bz_meal_plans_update_customizations_async, customize_work, args_with_input (input), caller,
                 cancellable, callback, user_data);
}

BzRecord *
bz_meal_plans_update_customizations_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_meal_plans_update_customizations_async, error);
}

static gpointer
finalize_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_meal_plans_finalize (svc, caller, ((PlanArgs *) args)->input, error);
}

void
bz_meal_plans_finalize_async (BzServices *svc, const BzCaller *caller, JsonObject *input,
                              GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  plan_task_run (svc, bz_meal_plans_finalize_async, finalize_work, args_with_input (input), caller, cancellable,
                 callback, user_data);
}

BzRecord *
bz_meal_plans_finalize_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_meal_plans_finalize_async, error);
}

/* --- servings ------------------------------------------------------------------- */

static JsonObject *
add_input (const char *draft_id, gint64 day, const char *meal_name, const char *recipe_id, double servings)
{
  JsonObject *o = json_object_new (), *recipe = json_object_new ();

  json_object_set_string_member (o, "draftId", draft_id);
  json_object_set_int_member (o, "day", day);
  json_object_set_string_member (o, "mealName", meal_name);
  json_object_set_string_member (recipe, "id", recipe_id);
  json_object_set_string_member (recipe, "provider", "balanza");
  json_object_set_object_member (o, "recipe", recipe);
  json_object_set_double_member (o, "servings", servings);
  return o;
}

void
bz_meal_plan_servings_range (double *out_min, double *out_max)
{
  const BzField *f = &bz_meal_plan_add_recipe_resource.fields[BZ_MEAL_PLAN_ADD_RECIPE_SERVINGS];

  *out_min = f->min;
  *out_max = f->max;
}

BzRecord *
bz_meal_plans_set_servings (BzServices *svc, const BzCaller *caller, const char *draft_id, gint64 day,
                            const char *meal_name, const char *recipe_id, double servings, GError **error)
{
  g_autoptr(BzRecord) plan = NULL, removed = NULL, added = NULL;
  g_autoptr(JsonObject) rm = NULL, add = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *key = NULL;
  BzRecord *slot;
  double old = NAN, min, max;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (!bz_meal_plan_check_nutritionist (caller, _("Only nutritionists can change manual meal plans"), error))
    return NULL;
  bz_meal_plan_servings_range (&min, &max);
  if (!(servings >= min && servings <= max))
    {
      BzValidation v = BZ_VALIDATION_INIT;
      g_autofree char *msg = g_strdup_printf (_("servings must be between %g and %g"), min, max);
      bz_validation_add (&v, "servings", "out_of_range", msg);
      bz_validation_finish (&v, error);
      return NULL;
    }
  if (meal_name == NULL || recipe_id == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "%s", _("That recipe is not in this meal"));
      return NULL;
    }
  if (!(plan = bz_meal_plans_get (svc, caller, draft_id, error)))
    return NULL;
  if (g_strcmp0 (bz_record_get_string (plan, BZ_MEAL_PLAN_STATUS), "draft") != 0)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_CONFLICT, "%s", _("The meal plan is no longer a draft"));
      return NULL;
    }
  if (!bz_meal_plan_check_day (plan, day, error))
    return NULL;
  key = bz_meal_plan_meal_key (meal_name);
  slot = bz_meal_plan_find_slot (plan, day, key, NULL);
  for (guint i = 0; slot && i < bz_record_get_n_items (slot, BZ_PLAN_MEAL_RECIPES); i++)
    {
      BzRecord *r = bz_record_get_item (slot, BZ_PLAN_MEAL_RECIPES, i);
      if (g_strcmp0 (bz_record_get_string (r, BZ_PLAN_RECIPE_ID), recipe_id) == 0)
        old = bz_record_get_double (r, BZ_PLAN_RECIPE_SERVINGS);
    }
  if (isnan (old))
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "%s", _("That recipe is not in this meal"));
      return NULL;
    }

  rm = json_object_new ();
  json_object_set_string_member (rm, "draftId", draft_id);
  json_object_set_int_member (rm, "day", day);
  json_object_set_string_member (rm, "mealName", meal_name);
  json_object_set_string_member (rm, "recipeId", recipe_id);
  if (!(removed = bz_meal_plans_remove_recipe (svc, caller, rm, error)))
    return NULL;
  add = add_input (draft_id, day, meal_name, recipe_id, servings);
  if ((added = bz_meal_plans_add_recipe (svc, caller, add, &local)))
    return g_steal_pointer (&added);

  /* Put it back as it was; the first error is the one to report. */
  {
    g_autoptr(JsonObject) back = add_input (draft_id, day, meal_name, recipe_id, old);
    g_autoptr(BzRecord) restored = bz_meal_plans_add_recipe (svc, caller, back, NULL);
    if (restored == NULL)
      g_warning ("Meal plans: recipe %s could not be put back into %s day %" G_GINT64_FORMAT " %s",
                 recipe_id, draft_id, day, meal_name);
  }
  g_propagate_error (error, g_steal_pointer (&local));
  return NULL;
}

static gpointer
servings_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  PlanArgs *a = args;
  return bz_meal_plans_set_servings (svc, caller, a->draft_id, a->day, a->meal_name, a->recipe_id, a->servings,
                                     error);
}

void
bz_meal_plans_set_servings_async (BzServices *svc, const BzCaller *caller, const char *draft_id, gint64 day,
                                  const char *meal_name, const char *recipe_id, double servings,
                                  GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  PlanArgs *a = g_new0 (PlanArgs, 1);

  a->draft_id = g_strdup (draft_id);
  a->day = day;
  a->meal_name = g_strdup (meal_name);
  a->recipe_id = g_strdup (recipe_id);
  a->servings = servings;
  plan_task_run (svc, bz_meal_plans_set_servings_async, servings_work, a, caller, cancellable, callback,
                 user_data);
}

BzRecord *
bz_meal_plans_set_servings_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_meal_plans_set_servings_async, error);
}

/* --- a patient's plans ---------------------------------------------------------- */

GListModel *
bz_meal_plans_list_for_patient (BzServices *svc, const BzCaller *caller, const char *patient_id, GError **error)
{
  g_autofree char *patient = NULL, *now = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  GListStore *store;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (caller == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "%s", _("Authentication required"));
      return NULL;
    }
  if (!(patient = bz_patients_resolve (svc, caller, patient_id, error)))
    return NULL;
  now = bz_now_iso8601 ();
  if (!bz_meal_plan_list_repo_for_patient (bz_services_get_store (svc), patient, now, &plans, error))
    return NULL;
  store = g_list_store_new (bz_resource_get_type (&bz_meal_plan_summary_resource));
  for (guint i = 0; i < plans->len; i++)
    g_list_store_append (store, g_ptr_array_index (plans, i));
  return G_LIST_MODEL (store);
}

static gpointer
list_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_meal_plans_list_for_patient (svc, caller, ((PlanArgs *) args)->patient_id, error);
}

void
bz_meal_plans_list_for_patient_async (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                      GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  PlanArgs *a = g_new0 (PlanArgs, 1);

  a->patient_id = g_strdup (patient_id);
  plan_task_run (svc, bz_meal_plans_list_for_patient_async, list_work, a, caller, cancellable, callback, user_data);
}

GListModel *
bz_meal_plans_list_for_patient_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_meal_plans_list_for_patient_async, error);
}

/* --- recipes ---------------------------------------------------------------------- */

static gpointer
find_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  PlanArgs *a = args;
  BzRecipeQuery q = BZ_RECIPE_QUERY_INIT;

  q.search = a->search && *a->search ? a->search : NULL;
  q.meal_type = a->meal_type && *a->meal_type ? a->meal_type : NULL;
  q.page = a->page;
  q.limit = a->limit;
  return bz_recipes_find (svc, caller, &q, error);
}

void
bz_recipes_find_async (BzServices *svc, const BzCaller *caller, const char *search, const char *meal_type,
                       guint page, guint limit, GCancellable *cancellable, GAsyncReadyCallback callback,
                       gpointer user_data)
{
  PlanArgs *a = g_new0 (PlanArgs, 1);

  a->search = g_strdup (search);
  a->meal_type = g_strdup (meal_type);
  a->page = page;
  a->limit = limit;
  plan_task_run (svc, bz_recipes_find_async, find_work, a, caller, cancellable, callback, user_data);
}

BzRecord *
bz_recipes_find_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_recipes_find_async, error);
}

static gpointer
get_many_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  PlanArgs *a = args;
  g_autoptr(GListStore) store = g_list_store_new (bz_resource_get_type (&bz_recipe_resource));

  if (a->ids && g_strv_length (a->ids) > BZ_MEAL_PLAN_MAX_DAYS * BZ_MEAL_PLAN_MAX_SLOTS * BZ_MEAL_PLAN_MAX_RECIPES)
    {
      BzValidation v = BZ_VALIDATION_INIT;
      bz_validation_add (&v, "ids", "too_many_items", _("Too many recipes"));
      bz_validation_finish (&v, error);
      return NULL;
    }
  for (guint i = 0; a->ids && a->ids[i]; i++)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(BzRecord) envelope = bz_recipes_get (svc, caller, a->ids[i], &local);

      if (envelope == NULL)
        {
          if (g_error_matches (local, BZ_ERROR, BZ_ERROR_NOT_FOUND))
            continue;
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      g_list_store_append (store, bz_record_get_object (envelope, BZ_RECIPE_ENVELOPE_RECIPE));
    }
  return g_steal_pointer (&store);
}

void
bz_recipes_get_many_async (BzServices *svc, const BzCaller *caller, const char *const *ids,
                           GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  PlanArgs *a = g_new0 (PlanArgs, 1);

  a->ids = g_strdupv ((char **) ids);
  plan_task_run (svc, bz_recipes_get_many_async, get_many_work, a, caller, cancellable, callback, user_data);
}

GListModel *
bz_recipes_get_many_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_recipes_get_many_async, error);
}

/* --- NOM-051 seals of a recipe ------------------------------------------------------ */

static gboolean
desc_starts (const char *desc, const char *const *prefixes)
{
  for (guint i = 0; prefixes[i]; i++)
    if (g_str_has_prefix (desc, prefixes[i]))
      return TRUE;
  return FALSE;
}

guint
bz_recipe_nom051_seals (BzRecord *recipe, const GDate *today)
{
  static const char *const salts[] = { "Salt, table", NULL };
  static const char *const fats[] = { "Oil, ", "Butter", "Lard", "Margarine", "Shortening", NULL };
  static const char *const sugars[] = { "Sugars, ", "Honey", "Syrups, ", NULL };
  BzNom051Input in = { 0 };
  BzRecord *nutrition;
  GDate now;
  double grams = 0, servings, per_serving_g;
  const char *const *tags;

  g_return_val_if_fail (BZ_IS_RECORD (recipe), 0);
  for (guint i = 0; i < bz_record_get_n_items (recipe, BZ_RECIPE_INGREDIENTS); i++)
    {
      BzRecord *ing = bz_record_get_item (recipe, BZ_RECIPE_INGREDIENTS, i);
      const char *desc = bz_record_get_string (ing, BZ_RECIPE_INGREDIENT_DESCRIPTION);
      const char *ndb = bz_record_get_string (ing, BZ_RECIPE_INGREDIENT_NDB_NO);
      double g = bz_record_get_double (ing, BZ_RECIPE_INGREDIENT_GRAMS);

      if (!isnan (g))
        grams += g;
      if (g_strcmp0 (ndb, "02047") == 0 || (desc && desc_starts (desc, salts)))
        in.added_sodium = TRUE;
      if (desc && desc_starts (desc, fats))
        in.added_fats = TRUE;
      if (desc && desc_starts (desc, sugars))
        in.added_sugars = TRUE;
    }
  servings = (double) bz_record_get_int (recipe, BZ_RECIPE_SERVINGS);
  nutrition = bz_record_get_object (recipe, BZ_RECIPE_NUTRITION_PER_SERVING);
  if (grams <= 0 || servings <= 0 || nutrition == NULL)
    return 0;
  per_serving_g = grams / servings;
  in.energy_kcal = bz_record_get_double (nutrition, BZ_RECIPE_NUTRITION_CALORIES) * 100.0 / per_serving_g;
  in.sodium_mg = bz_record_get_double (nutrition, BZ_RECIPE_NUTRITION_SODIUM_MG) * 100.0 / per_serving_g;
  if (isnan (in.energy_kcal))
    in.energy_kcal = 0;
  if (isnan (in.sodium_mg))
    in.sodium_mg = 0;
  tags = bz_record_get_strv (recipe, BZ_RECIPE_TAGS);
  in.is_liquid = tags && g_strv_contains (tags, "bebida");

  if (today == NULL)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_now_local ();
      g_date_clear (&now, 1);
      g_date_set_dmy (&now, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                      g_date_time_get_year (dt));
      today = &now;
    }
  return bz_nom051_seals (&in, bz_nom051_phase_for_date (today)) &
         (BZ_NOM051_SEAL_CALORIES | BZ_NOM051_SEAL_SODIUM);
}
