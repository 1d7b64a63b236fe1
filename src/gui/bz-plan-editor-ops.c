/* bz-plan-editor-ops.c — the plan editor's changes (add, remove, servings),
 * run one at a time from a queue, their undo, the recipe search, and
 * finalize.  See bz-plan-editor.c. */
#include "bz-plan-editor-private.h"

#include <glib/gi18n.h>

#include "bz-gui-util.h"

static void run_head (BzPlanEditor *self);

static BzPlanOp *
op_copy (const BzPlanOp *op)
{
  BzPlanOp *c = g_memdup2 (op, sizeof *op);
  c->meal_name = g_strdup (op->meal_name);
  c->recipe_id = g_strdup (op->recipe_id);
  c->title = g_strdup (op->title);
  c->focus_key = g_strdup (op->focus_key);
  c->mod_type = g_strdup (op->mod_type);
  c->original = g_strdup (op->original);
  c->replacement = g_strdup (op->replacement);
  return c;
}

/* --- changes, undo ---------------------------------------------------------------------- */

static JsonObject *
op_input (BzPlanEditor *self, const BzPlanOp *op)
{
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "draftId", bz_record_get_string (self->plan, BZ_MEAL_PLAN_ID));
  json_object_set_int_member (o, "day", op->day);
  json_object_set_string_member (o, "mealName", op->meal_name);
  if (op->kind == BZ_PLAN_OP_ADD)
    {
      JsonObject *recipe = json_object_new ();
      json_object_set_string_member (recipe, "id", op->recipe_id);
      json_object_set_string_member (recipe, "provider", "balanza");
      json_object_set_object_member (o, "recipe", recipe);
      json_object_set_double_member (o, "servings", op->servings);
    }
  else
    json_object_set_string_member (o, "recipeId", op->recipe_id);
  return o;
}

/* PUT /api/meal-plans/draft's body (seed 004 update-customizations). */
static JsonObject *
customize_input (BzPlanEditor *self, const BzPlanOp *op)
{
  JsonObject *o = json_object_new (), *c = json_object_new (), *m = json_object_new ();
  JsonArray *mods = json_array_new ();

  json_object_set_string_member (o, "action", "update-customizations");
  json_object_set_string_member (o, "draftId", bz_record_get_string (self->plan, BZ_MEAL_PLAN_ID));
  json_object_set_int_member (o, "day", op->day);
  json_object_set_string_member (o, "mealName", op->meal_name);
  json_object_set_string_member (o, "recipeId", op->recipe_id);
  json_object_set_string_member (m, "type", op->mod_type);
  json_object_set_string_member (m, "originalIngredient", op->original);
  json_object_set_double_member (m, "originalAmount", op->amount);
  json_object_set_string_member (m, "originalUnit", "g");
  if (op->replacement)
    {
      json_object_set_string_member (m, "newIngredient", op->replacement);
      json_object_set_double_member (m, "amount", op->amount);
      json_object_set_string_member (m, "unit", "g");
    }
  json_array_add_object_element (mods, m);
  json_object_set_string_member (c, "recipeId", op->recipe_id);
  json_object_set_array_member (c, "modifications", mods);
  json_object_set_object_member (o, "customizations", c);
  json_object_set_boolean_member (o, "autoCalculateNutrition", TRUE);
  return o;
}

static char *
op_message (const BzPlanOp *op)
{
  const char *slot = bz_plan_slot_label (op->meal_name);

  if (op->is_undo)
    return g_strdup (_("Change undone"));
  switch (op->kind)
    {
    case BZ_PLAN_OP_ADD:
      /* TRANSLATORS: "<recipe> added to <meal>, day <n>" */
      return g_strdup_printf (_("%s added to %s, day %d"), op->title, slot, (int) op->day);
    case BZ_PLAN_OP_REMOVE:
      return g_strdup_printf (_("%s removed from %s, day %d"), op->title, slot, (int) op->day);
    case BZ_PLAN_OP_CUSTOMIZE:
      /* TRANSLATORS: "<recipe>: ingredient changed" */
      return g_strdup_printf (g_strcmp0 (op->mod_type, "omit") == 0 ? _("%s: ingredient omitted")
                                                                      : _("%s: ingredient replaced"), op->title);
    case BZ_PLAN_OP_SERVINGS:
    default:
      return g_strdup_printf (_("%s: %.1f servings"), op->title, op->servings);
    }
}

static void
op_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPlanEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) plan = NULL;
  BzPlanOp *op = g_queue_peek_head (&self->ops);

  if (op == NULL)   /* disposed: the queue was dropped */
    return;
  if (op->kind == BZ_PLAN_OP_CUSTOMIZE)
    {
      g_autoptr(BzRecord) changed = bz_meal_plans_update_customizations_finish (BZ_SERVICES (source), result, &error);
      if (bz_is_cancelled (error))
        return;
      op = g_queue_pop_head (&self->ops);
      self->op_running = FALSE;
      if (changed == NULL)
        bz_plan_editor_error_toast (self, error);
      else
        {
          g_autofree char *message = op_message (op);
          bz_plan_editor_toast (self, message, FALSE);
          bz_plan_editor_reload (self, op->focus_key);
        }
      bz_plan_op_free (op);
      if (self->ops.length > 0 && !self->op_running)
        run_head (self);
      else if (self->plan)
        bz_plan_editor_update_chrome (self);
      return;
    }
  switch (op->kind)
    {
    case BZ_PLAN_OP_ADD:
      plan = bz_meal_plans_add_recipe_finish (BZ_SERVICES (source), result, &error);
      break;
    case BZ_PLAN_OP_REMOVE:
      plan = bz_meal_plans_remove_recipe_finish (BZ_SERVICES (source), result, &error);
      break;
    case BZ_PLAN_OP_SERVINGS:
    default:
      plan = bz_meal_plans_set_servings_finish (BZ_SERVICES (source), result, &error);
      break;
    }
  if (bz_is_cancelled (error))
    return;
  op = g_queue_pop_head (&self->ops);
  self->op_running = FALSE;
  if (plan == NULL)
    {
      bz_plan_editor_error_toast (self, error);
      if (self->plan)
        bz_plan_editor_show_plan (self, op->focus_key);   /* back to what is stored */
    }
  else
    {
      g_autofree char *message = op_message (op);
      bz_plan_editor_set_plan (self, plan);
      if (!op->is_undo)
        g_queue_push_head (&self->undo, op_copy (op));
      bz_plan_editor_toast (self, message, !op->is_undo);
      bz_plan_editor_plan_changed (self, op->focus_key);
    }
  bz_plan_op_free (op);
  if (self->ops.length > 0 && !self->op_running)
    run_head (self);
  else if (self->plan)
    bz_plan_editor_update_chrome (self);
}

static void
run_head (BzPlanEditor *self)
{
  BzPlanOp *op = g_queue_peek_head (&self->ops);
  g_autoptr(JsonObject) input = NULL;

  if (!bz_plan_editor_is_draft (self))
    {
      g_queue_clear_full (&self->ops, (GDestroyNotify) bz_plan_op_free);
      return;
    }
  self->op_running = TRUE;
  switch (op->kind)
    {
    case BZ_PLAN_OP_ADD:
      input = op_input (self, op);
      bz_meal_plans_add_recipe_async (bz_plan_editor_services (self), bz_plan_editor_caller (self), input, self->cancel, op_done, g_object_ref (self));
      break;
    case BZ_PLAN_OP_REMOVE:
      input = op_input (self, op);
      bz_meal_plans_remove_recipe_async (bz_plan_editor_services (self), bz_plan_editor_caller (self), input, self->cancel, op_done,
                                         g_object_ref (self));
      break;
    case BZ_PLAN_OP_CUSTOMIZE:
      input = customize_input (self, op);
      bz_meal_plans_update_customizations_async (bz_plan_editor_services (self), bz_plan_editor_caller (self), input,
                                                 self->cancel, op_done, g_object_ref (self));
      break;
    case BZ_PLAN_OP_SERVINGS:
    default:
      bz_meal_plans_set_servings_async (bz_plan_editor_services (self), bz_plan_editor_caller (self), bz_record_get_string (self->plan, BZ_MEAL_PLAN_ID),
                                        op->day, op->meal_name, op->recipe_id, op->servings, self->cancel, op_done,
                                        g_object_ref (self));
      break;
    }
}

void
bz_plan_editor_queue (BzPlanEditor *self, BzPlanOp *op)
{
  g_queue_push_tail (&self->ops, op);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.finalize", FALSE);
  if (!self->op_running)
    run_head (self);
}

void
bz_plan_editor_undo_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  BzPlanEditor *self = BZ_PLAN_EDITOR (widget);
  BzPlanOp *done = g_queue_pop_head (&self->undo);
  BzPlanOp *inverse;

  if (done == NULL)
    return;
  inverse = op_copy (done);
  inverse->is_undo = TRUE;
  switch (done->kind)
    {
    case BZ_PLAN_OP_ADD:
      inverse->kind = BZ_PLAN_OP_REMOVE;
      break;
    case BZ_PLAN_OP_REMOVE:
      inverse->kind = BZ_PLAN_OP_ADD;
      break;
    case BZ_PLAN_OP_SERVINGS:
    default:
      inverse->servings = done->old_servings;
      inverse->old_servings = done->servings;
      break;
    }
  g_free (inverse->focus_key);
  inverse->focus_key = g_strdup_printf ("add:%" G_GINT64_FORMAT ":%s", done->day, done->meal_name);
  bz_plan_op_free (done);
  bz_plan_editor_queue (self, inverse);
}

static gboolean
slot_has (BzPlanEditor *self, gint64 day, const char *meal_name, const char *recipe_id)
{
  g_autofree char *key = bz_meal_plan_meal_key (meal_name);
  BzRecord *d = day >= 1 && day <= bz_record_get_n_items (self->plan, BZ_MEAL_PLAN_SUGGESTIONS)
                  ? bz_record_get_item (self->plan, BZ_MEAL_PLAN_SUGGESTIONS, (guint) day - 1) : NULL;

  for (guint m = 0; d && m < bz_record_get_n_items (d, BZ_PLAN_DAY_MEALS); m++)
    {
      BzRecord *meal = bz_record_get_item (d, BZ_PLAN_DAY_MEALS, m);
      g_autofree char *k = bz_meal_plan_meal_key (bz_record_get_string (meal, BZ_PLAN_MEAL_MEAL_NAME));
      if (g_strcmp0 (k, key) != 0)
        continue;
      for (guint r = 0; r < bz_record_get_n_items (meal, BZ_PLAN_MEAL_RECIPES); r++)
        if (g_strcmp0 (bz_record_get_string (bz_record_get_item (meal, BZ_PLAN_MEAL_RECIPES, r), BZ_PLAN_RECIPE_ID),
                       recipe_id) == 0)
          return TRUE;
    }
  return FALSE;
}

/* Every recipe is in a slot at most once, so that remove, servings and
 * undo name exactly one entry. */
static void
add_recipe (BzPlanEditor *self, gint64 day, const char *meal_name, const char *recipe_id, const char *title,
            double servings)
{
  BzPlanOp *op;

  if (!bz_plan_editor_is_draft (self))
    return;
  if (slot_has (self, day, meal_name, recipe_id))
    {
      /* TRANSLATORS: %s is a recipe */
      g_autofree char *msg = g_strdup_printf (_("%s is already in this meal: change its servings instead"), title);
      bz_plan_editor_toast (self, msg, FALSE);
      return;
    }
  op = g_new0 (BzPlanOp, 1);
  op->kind = BZ_PLAN_OP_ADD;
  op->day = day;
  op->meal_name = g_strdup (meal_name);
  op->recipe_id = g_strdup (recipe_id);
  op->title = g_strdup (title ? title : "");
  op->servings = servings;
  op->focus_key = g_strdup_printf ("add:%" G_GINT64_FORMAT ":%s", day, meal_name);
  bz_plan_editor_queue (self, op);
}

static void
chosen_cb (BzRecipeSearch *search, BzRecord *recipe, double servings, BzPlanEditor *self)
{
  const char *id = bz_record_get_string (recipe, BZ_RECIPE_ID);

  g_hash_table_replace (self->recipes, g_strdup (id), g_object_ref (recipe));
  add_recipe (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (search), "day")),
              g_object_get_data (G_OBJECT (search), "meal"), id, bz_record_get_string (recipe, BZ_RECIPE_TITLE),
              servings);
}

/* editor.add-recipe (day, meal name, recipe id, servings): what choosing a
 * search result does, for the keyboard-less and the tests. */
void
bz_plan_editor_add_recipe_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  BzPlanEditor *self = BZ_PLAN_EDITOR (widget);
  BzRecord *known;
  gint32 day;
  const char *meal, *recipe_id;
  double servings;

  g_variant_get (param, "(i&s&sd)", &day, &meal, &recipe_id, &servings);
  known = g_hash_table_lookup (self->recipes, recipe_id);
  add_recipe (self, day, meal, recipe_id, known ? bz_record_get_string (known, BZ_RECIPE_TITLE) : recipe_id, servings);
}

BzRecipeSearch *
bz_plan_editor_open_search (BzPlanEditor *self, guint day, const char *meal_name)
{
  g_autofree char *subtitle = NULL;
  BzRecipeSearch *search;

  g_return_val_if_fail (BZ_IS_PLAN_EDITOR (self), NULL);
  /* TRANSLATORS: the recipe search's subtitle: "<meal> · day <n>" */
  subtitle = g_strdup_printf (_("%s · day %u"), bz_plan_slot_label (meal_name), day);
  search = bz_recipe_search_new (GTK_WINDOW (self), self->session, bz_plan_slot_recipe_type (meal_name), subtitle);
  g_object_set_data (G_OBJECT (search), "day", GUINT_TO_POINTER (day));
  g_object_set_data_full (G_OBJECT (search), "meal", g_strdup (meal_name), g_free);
  g_signal_connect_object (search, "chosen", G_CALLBACK (chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (search));
  return search;
}

/* --- finalize ------------------------------------------------------------------------------ */

static void
finalized_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzPlanEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) plan = bz_meal_plans_finalize_finish (BZ_SERVICES (source), result, &error);
  g_autofree char *message = NULL;

  if (bz_is_cancelled (error))
    return;
  self->loading--;
  if (plan == NULL)
    {
      bz_plan_editor_error_toast (self, error);
      bz_plan_editor_update_chrome (self);
      return;
    }
  bz_plan_editor_set_plan (self, plan);
  g_queue_clear_full (&self->undo, (GDestroyNotify) bz_plan_op_free);
  /* TRANSLATORS: %s is the patient's name */
  message = g_strdup_printf (_("Plan finalized: it is now %s's active meal plan"),
                             self->patient_name ? self->patient_name : "");
  bz_plan_editor_toast (self, message, FALSE);
  bz_plan_editor_show_plan (self, NULL);
  bz_plan_editor_load_list (self);
}

void
bz_plan_editor_finalize (BzPlanEditor *self, const char *plan_name)
{
  g_autoptr(JsonObject) input = json_object_new ();

  g_return_if_fail (BZ_IS_PLAN_EDITOR (self));
  if (self->plan == NULL)
    return;
  json_object_set_string_member (input, "draftId", bz_record_get_string (self->plan, BZ_MEAL_PLAN_ID));
  json_object_set_string_member (input, "planName", plan_name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.finalize", FALSE);
  self->loading++;
  bz_meal_plans_finalize_async (bz_plan_editor_services (self), bz_plan_editor_caller (self), input, self->cancel, finalized_done, g_object_ref (self));
}

static void
finalize_response_cb (AdwMessageDialog *dialog, const char *response, BzPlanEditor *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (response, "finalize") == 0 && *name)
    bz_plan_editor_finalize (self, name);
}

void
bz_plan_editor_finalize_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  BzPlanEditor *self = BZ_PLAN_EDITOR (widget);
  g_autofree char *body = NULL, *start = NULL, *name = NULL;
  GtkWidget *dialog, *entry;

  if (self->plan == NULL)
    return;
  /* TRANSLATORS: %s is the patient's name */
  body = g_strdup_printf (_("The plan becomes %s's active meal plan, replacing the current one, and can no longer be changed."),
                          self->patient_name ? self->patient_name : "");
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Finalize Plan?"), body);
  start = bz_format_date (bz_record_get_string (self->plan, BZ_MEAL_PLAN_PLAN_DATE));
  /* TRANSLATORS: the default name of a finalized plan; %s is its first day */
  name = g_strdup_printf (_("Meal plan from %s"), start);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Plan name"), -1);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "finalize", _("_Finalize"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "finalize", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "finalize");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (finalize_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}


static void
modify_cb (BzPlanSwap *swap, const char *type, const char *original, const char *replacement, double grams,
           BzPlanEditor *self)
{
  BzPlanOp *op;

  if (!bz_plan_editor_is_draft (self))
    return;
  op = g_new0 (BzPlanOp, 1);
  op->kind = BZ_PLAN_OP_CUSTOMIZE;
  op->day = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (swap), "day"));
  op->meal_name = g_strdup (g_object_get_data (G_OBJECT (swap), "meal"));
  op->recipe_id = g_strdup (g_object_get_data (G_OBJECT (swap), "recipe"));
  op->title = g_strdup (g_object_get_data (G_OBJECT (swap), "title"));
  op->mod_type = g_strdup (type);
  op->original = g_strdup (original);
  op->replacement = g_strdup (replacement);
  op->amount = grams;
  op->focus_key = g_strdup_printf ("swap:%" G_GINT64_FORMAT ":%s:%s", op->day, op->meal_name, op->recipe_id);
  bz_plan_editor_queue (self, op);
}

BzPlanSwap *
bz_plan_editor_open_swap (BzPlanEditor *self, guint day, const char *meal_name, const char *recipe_id)
{
  BzRecord *recipe;
  BzPlanSwap *swap;

  g_return_val_if_fail (BZ_IS_PLAN_EDITOR (self), NULL);
  recipe = g_hash_table_lookup (self->recipes, recipe_id);
  if (recipe == NULL || !bz_plan_editor_is_draft (self))
    return NULL;
  swap = bz_plan_swap_new (GTK_WINDOW (self), self->session, recipe);
  g_object_set_data (G_OBJECT (swap), "day", GUINT_TO_POINTER (day));
  g_object_set_data_full (G_OBJECT (swap), "meal", g_strdup (meal_name), g_free);
  g_object_set_data_full (G_OBJECT (swap), "recipe", g_strdup (recipe_id), g_free);
  g_object_set_data_full (G_OBJECT (swap), "title", g_strdup (bz_record_get_string (recipe, BZ_RECIPE_TITLE)), g_free);
  g_signal_connect_object (swap, "modify", G_CALLBACK (modify_cb), self, 0);
  gtk_window_present (GTK_WINDOW (swap));
  return swap;
}
