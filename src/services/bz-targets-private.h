/* bz-targets-private.h — the day's targets from their inputs, shared by the
 * meal service (the daily intake) and the analytics service.  Not for the
 * GUI or the server. */
#pragma once

#include "bz-meal-repo.h"
#include "bz-nutrition.h"

G_BEGIN_DECLS

/**
 * bz_targets_compute:
 * @in: a scan's inputs (bz_meal_repo_targets_input()); sex "male" or
 *   "female", activity level and goal nullable (light activity and
 *   maintenance when absent)
 * @targets: (out): bz_daily_targets() for them (Mifflin-St Jeor × PAL,
 *   adjusted for the goal)
 */
void bz_targets_compute (const BzTargetsInput *in, BzNutrients *targets);

G_END_DECLS
