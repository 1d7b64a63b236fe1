-- 011: the meal plans' status lifecycle (issue 7; seed 004 "Status
-- Lifecycle": draft -> finalized -> active -> completed -> archived) and the
-- SMAE equivalents of a customized recipe.
--
-- A patient may now have one upcoming plan ('finalized', its planDate not yet
-- reached) beside the one in use ('active'): finalizing next week's plan no
-- longer ends this week's.  The durable jobs meal_plan.activate and
-- meal_plan.complete move plans along (bz-meal-plan-service.h has the rules);
-- these indexes keep "at most one of each per patient" true whatever runs.
DROP INDEX meal_plans_one_current;
CREATE UNIQUE INDEX meal_plans_one_active ON meal_plans (patient_id) WHERE status = 'active';
CREATE UNIQUE INDEX meal_plans_one_upcoming ON meal_plans (patient_id) WHERE status = 'finalized';

-- The recipe's SMAE equivalents per serving after its modifications (a JSON
-- object keyed by the SmaeEquivalents ids, as recipes.smae_equivalents);
-- NULL: unmodified, the recipe's own are used.  Written with mod_* by
-- bz_meal_plan_repo_set_customizations().
ALTER TABLE meal_plan_recipes ADD COLUMN mod_smae_equivalents TEXT;
