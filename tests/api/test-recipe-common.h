/* test-recipe-common.h — helpers shared by the recipe tests of the api
 * suite (test-recipe-create.c defines them). */
#pragma once

#include "bz-api-fixture.h"

/** The catalogue's "Tacos de pollo con nopales" ingredients as JSON text. */
extern const char *test_recipe_tacos_ingredients;

/** test_recipe_form_seed: Returns: (transfer full): the seed 002 §4.5 example form, with @ingredients (NULL: the tacos'). */
SoupMultipart *test_recipe_form_seed (const char *ingredients);
/** test_recipe_form_add: appends a text part unless @value is NULL. */
void           test_recipe_form_add  (SoupMultipart *mp, const char *name, const char *value);
/** test_recipe_post: POST /api/v1/recipes with @mp as multipart/form-data. */
BzApiResponse *test_recipe_post      (const char *token, SoupMultipart *mp);
/** test_recipe_png: Returns: (transfer full): a real PNG of @w x @h pixels. */
GBytes        *test_recipe_png       (guint w, guint h);
/** test_recipe_counts: rows of recipes, recipe_photos and blobs. */
void           test_recipe_counts    (gint64 out[3]);
