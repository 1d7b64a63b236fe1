-- 009: ingredient modifications of a meal plan's recipes (issue 7; seed 004
-- PUT /api/meal-plans/draft, action update-customizations).
--
-- modifications: the merged JSON array of seed 004 modifications (replace,
-- omit, add); mod_*: the recipe's nutrition per serving after them (NULL:
-- unmodified, the recipe's own is used).  Written by
-- bz_meal_plan_repo_set_customizations().

ALTER TABLE meal_plan_recipes ADD COLUMN modifications TEXT;
ALTER TABLE meal_plan_recipes ADD COLUMN mod_calories REAL;
ALTER TABLE meal_plan_recipes ADD COLUMN mod_protein_g REAL;
ALTER TABLE meal_plan_recipes ADD COLUMN mod_carbs_g REAL;
ALTER TABLE meal_plan_recipes ADD COLUMN mod_fat_g REAL;
ALTER TABLE meal_plan_recipes ADD COLUMN mod_fiber_g REAL;
ALTER TABLE meal_plan_recipes ADD COLUMN mod_sodium_mg REAL;
