-- 010: the query-independent part of a food's plainness (issue 7), the
-- search's "everyday food first" signal of src/store/bz-food-repo.c
-- (list_match_sql()), computed once instead of per matched row per search.
--
-- Lower is plainer: +4 food groups 0300/2100/3500/3600, +3 meatless,
-- imitation, substitute, +2 brand (manufacturer or an uppercase word),
-- +0.75 processed form, -0.5 ", raw" or ", cooked", -0.4 per household
-- portion (food_weights, at most 6), -1.5 used by the recipe catalogue
-- (recipe_ingredients).  The head-word bonus depends on the query and stays
-- in it.
--
-- Filled by src/store/bz-usda-import-plainness.c: by bz_usda_import() after
-- the foods and weights of a first import; in a store whose SR28 was
-- imported before this migration, where foods are left NULL, at start
-- (bz_usda_is_imported() is false while a food has none, so the runtime
-- runs bz_usda_import(), which fills only the missing ones); and again by
-- bz_recipe_import() with the catalogue, since recipe use is part of it.
ALTER TABLE foods ADD COLUMN plainness REAL;

-- The search orders by the tier, then bm25() relative to the tier's best
-- plus plainness: an expression no index on plainness serves.  The one
-- lookup an index helps is "is any food unfilled" (bz_usda_is_imported(),
-- at every start): a partial index keeps it from scanning the 8,789 foods.
CREATE INDEX idx_foods_plainness_missing ON foods(plainness) WHERE plainness IS NULL;
