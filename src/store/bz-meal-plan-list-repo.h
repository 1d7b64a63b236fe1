/* bz-meal-plan-list-repo.h — the list of a patient's meal plans, for the
 * plan editor at the desk (issue 7).  Read-only SQL over meal_plans
 * (data/sql/007_meal_plans.sql); the plan aggregate itself is read and
 * written by bz-meal-plan-repo.c. */
#pragma once

#include "bz-resources.h"
#include "bz-store.h"

G_BEGIN_DECLS

/** BZ_MEAL_PLAN_LIST_MAX: the most plans bz_meal_plan_list_repo_for_patient() answers. */
#define BZ_MEAL_PLAN_LIST_MAX 100

/**
 * bz_meal_plan_list_repo_for_patient:
 * @patient_id: a patients.id (the caller has checked ownership)
 * @now: ISO 8601 UTC ("YYYY-MM-DDTHH:MM:SSZ", as expires_at is written):
 *   a draft whose expires_at is at or before @now is left out, as
 *   bz_meal_plans_get() answers 404 for it (seed 004)
 * @out: (out) (transfer full): a #GPtrArray of MealPlanSummary records
 *   (bz-resources.h: id, plan_name, status, start_date, duration_days,
 *   finalized_at), newest first (created_at, then id), at most
 *   %BZ_MEAL_PLAN_LIST_MAX; empty when the patient has none
 * @error: %BZ_ERROR_INTERNAL or %BZ_ERROR_UNAVAILABLE
 *
 * Every plan of the patient in any status (draft not yet expired,
 * finalized, active, completed, archived) in one statement.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_meal_plan_list_repo_for_patient (BzStore *store, const char *patient_id, const char *now,
                                             GPtrArray **out, GError **error);

G_END_DECLS
