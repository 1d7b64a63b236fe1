/* bz-recipe-service.c — recipes, read side (see bz-recipe-service.h).
 *
 * Validation and the messages users see; the queries, the FTS5 search and
 * the filters' SQL are in bz-recipe-repo.c, the shapes in
 * bz-recipe-resources.h, the vocabularies in bz-recipe.c.
 */
#include "bz-recipe-service.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bz-recipe-repo.h"

static gboolean
check_caller (const BzCaller *caller, GError **error)
{
  if (caller != NULL)
    return TRUE;
  g_set_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "%s", _("Authentication required"));
  return FALSE;
}

/* The canonical id of @input in @vocab, or NULL with an "invalid_choice"
 * detail for @field. */
static const char *
choice (const BzVocab *vocab, const char *input, const char *field, const char *message, BzValidation *v)
{
  const char *id;

  if (input == NULL || *input == '\0')
    return NULL;
  id = bz_vocab_canonical (vocab, input);
  if (id == NULL)
    bz_validation_add (v, field, "invalid_choice", message);
  return id;
}

/* Every dietary tag of @tags (each element comma-separated), canonical and
 * without repeats, or NULL when none was given. */
static GStrv
dietary_tags (const char *const *tags, BzValidation *v)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean any = FALSE;

  for (guint i = 0; tags && tags[i]; i++)
    {
      g_auto(GStrv) parts = g_strsplit (tags[i], ",", -1);
      for (guint k = 0; parts[k]; k++)
        {
          const char *id;
          g_strstrip (parts[k]);
          if (*parts[k] == '\0')
            continue;
          id = bz_vocab_canonical (&bz_vocab_dietary_tag, parts[k]);
          if (id == NULL)
            {
              g_autofree char *msg = g_strdup_printf (
                  _("Unknown dietary tag “%s”: use vegetarian, vegan, gluten_free, no_added_sugar, high_protein, "
                    "high_fiber, low_fat, low_sodium or quick"), parts[k]);
              bz_validation_add (v, "dietary_tags", "invalid_choice", msg);
              continue;
            }
          if (g_hash_table_add (seen, (gpointer) id))
            g_strv_builder_add (b, id);
          any = TRUE;
        }
    }
  return any ? g_strv_builder_end (b) : NULL;
}

BzRecord *
bz_recipes_find (BzServices *svc, const BzCaller *caller, const BzRecipeQuery *query, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  BzRecipeQuery q;
  g_auto(GStrv) tags = NULL;
  g_autoptr(GPtrArray) recipes = NULL;
  BzRecord *list;
  gint64 total = 0;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  if (!check_caller (caller, error))
    return NULL;

  q = *query;
  /* Pending recipes: their authors and the reviewers (nutritionists, admins) see them. */
  q.viewer_id = caller->user_id;
  q.viewer_sees_pending = caller->role != BZ_ROLE_PATIENT;
  if (q.search && g_utf8_strlen (q.search, -1) > BZ_RECIPE_SEARCH_MAX_CHARS)
    {
      g_autofree char *msg = g_strdup_printf (_("search must be at most %d characters"), BZ_RECIPE_SEARCH_MAX_CHARS);
      bz_validation_add (&v, "search", "too_long", msg);
    }
  if (q.search && *q.search == '\0')
    q.search = NULL;
  q.meal_type = choice (&bz_vocab_recipe_meal_type, query->meal_type, "meal_type",
                        _("meal_type must be desayuno, colacion, comida or cena (breakfast, snack, lunch, dinner)"), &v);
  q.difficulty = choice (&bz_vocab_recipe_difficulty, query->difficulty, "difficulty",
                         _("difficulty must be facil, media or dificil (easy, medium, hard)"), &v);
  q.sort_by = choice (&bz_vocab_recipe_sort, query->sort_by, "sort_by",
                      _("sort_by must be rating, created_at, tried_count, total_time, calories or relevance"), &v);
  tags = dietary_tags (query->dietary_tags, &v);
  q.dietary_tags = (const char *const *) tags;
  if (q.max_prep_time_min != BZ_RECIPE_QUERY_ANY &&
      (q.max_prep_time_min < 0 || q.max_prep_time_min > BZ_RECIPE_PREP_TIME_MAX_MIN))
    {
      g_autofree char *msg = g_strdup_printf (_("max_prep_time_min must be between 0 and %d minutes"),
                                              BZ_RECIPE_PREP_TIME_MAX_MIN);
      bz_validation_add (&v, "max_prep_time_min", "out_of_range", msg);
    }
  if (q.is_verified > 1)
    q.is_verified = 1;
  if (q.page < 1 || q.page > G_MAXINT32)
    bz_validation_add (&v, "page", "out_of_range", _("page must be 1 or more"));
  if (q.limit < 1 || q.limit > BZ_RECIPE_LIMIT_MAX)
    {
      g_autofree char *msg = g_strdup_printf (_("limit must be between 1 and %d"), BZ_RECIPE_LIMIT_MAX);
      bz_validation_add (&v, "limit", "out_of_range", msg);
    }
  if (!bz_validation_finish (&v, error))
    return NULL;

  if (!bz_recipe_repo_find (bz_services_get_store (svc), &q, &recipes, &total, error))
    return NULL;
  list = bz_record_new (&bz_recipe_list_resource);
  bz_record_set_empty_array (list, BZ_RECIPE_LIST_RECIPES);
  for (guint i = 0; i < recipes->len; i++)
    bz_record_append (list, BZ_RECIPE_LIST_RECIPES, g_object_ref (g_ptr_array_index (recipes, i)));
  bz_record_take_object (list, BZ_RECIPE_LIST_PAGINATION, bz_pagination_new ((guint) q.page, (guint) q.limit, total));
  return list;
}

BzRecord *
bz_recipes_get (BzServices *svc, const BzCaller *caller, const char *recipe_id, GError **error)
{
  g_autoptr(GError) local = NULL;
  BzRecord *recipe, *envelope;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (!check_caller (caller, error))
    return NULL;
  recipe = recipe_id ? bz_recipe_repo_get_visible (bz_services_get_store (svc), recipe_id, caller->user_id,
                                                   caller->role != BZ_ROLE_PATIENT, &local) : NULL;
  if (recipe == NULL)
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "%s", _("Recipe not found"));
      return NULL;
    }
  envelope = bz_record_new (&bz_recipe_envelope_resource);
  bz_record_take_object (envelope, BZ_RECIPE_ENVELOPE_RECIPE, recipe);
  return envelope;
}
