/* bz-meal-plan-service-private.h — helpers shared by bz-meal-plan-service.c
 * and bz-meal-plan-customize.c; not for other callers. */
#pragma once

#include "bz-meal-plan-service.h"

G_BEGIN_DECLS

/* FALSE (and @error set) unless @caller is a signed-in nutritionist;
 * @message is the forbidden error's text. */
gboolean  bz_meal_plan_check_nutritionist (const BzCaller *caller, const char *message, GError **error);

/* The plan @draft_id if @caller may read it and it has not expired. */
BzRecord *bz_meal_plan_load               (BzServices *svc, const BzCaller *caller, const char *draft_id, GError **error);

/* The slot of @plan's @day whose key is @key, or NULL. */
BzRecord *bz_meal_plan_find_slot          (BzRecord *plan, gint64 day, const char *key, guint *out_n_slots);

/* day within 1..durationDays, else a "day" detail. */
gboolean  bz_meal_plan_check_day          (BzRecord *plan, gint64 day, GError **error);

/* The clinic's local date now on the jobs' clock, YYYY-MM-DD. */
char     *bz_meal_plan_today              (void);

/* In the finalize transaction: enqueues @plan_id's activation, due at local
 * midnight of @plan_date, at once when that has passed
 * (bz-meal-plan-lifecycle.c). */
gboolean  bz_meal_plan_lifecycle_start    (BzServices *svc, const char *plan_id, const char *plan_date, GError **error);

/* An ingredient of a recipe as a plan uses it: an SR28 food and its grams
 * per serving. */
typedef struct
{
  char *ndb_no;
  double grams;
} BzPlanIngredient;

void       bz_plan_ingredient_free (gpointer p);

/* @recipe's (a Recipe record) ingredients per serving after a slot's stored
 * modifications (@modifications_json, a JSON array of PlanModification;
 * NULL: none), applied in order exactly as
 * bz_meal_plans_update_customizations() applies them: (element-type
 * BzPlanIngredient) (transfer full). */
GPtrArray *bz_meal_plan_customized_ingredients (BzRecord *recipe, const char *modifications_json);

G_END_DECLS
