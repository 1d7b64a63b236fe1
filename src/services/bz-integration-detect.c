/* bz-integration-detect.c — meal detection from a photo (seed 000 story
 * 4.3), label reading and chat (seed 002 §4.7) through an OpenAI-compatible
 * server: the provider's setup and the detection's USDA matching (see
 * bz-integration-service.h). */
#include "bz-integration-service.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bz-food-service.h"
#include "bz-integration-private.h"
#include "bz-meal-detection.h"
#include "bz-meal-image-service.h"
#include "bz-patient-service.h"
#include "bz-openai-provider.h"
#include "bz-photo.h"
#include "bz-provider-kinds.h"
#include "bz-provider-schemas.h"

#define PROVIDER_KEY "bz-openai-provider"

static gpointer
ref_provider (gpointer provider, gpointer user_data)
{
  return provider ? g_object_ref (provider) : NULL;
}

BzOpenAIProvider *
bz_integrations_dup_openai (BzServices *self)
{
  g_return_val_if_fail (BZ_IS_SERVICES (self), NULL);
  /* Referenced under the object's data lock: a provider replaced or dropped
   * meanwhile is not freed under the caller. */
  return g_object_dup_data (G_OBJECT (self), PROVIDER_KEY, ref_provider, NULL);
}

gboolean
bz_integrations_use_openai (BzServices *self, const BzOpenAISettings *settings, const BzResilientConfig *config,
                            const BzResilientClock *clock, GError **error)
{
  static const struct { const char *kind; BzResilientValidate validate; } kinds[] = {
    { BZ_DETECTION_KIND, bz_meal_detection_validate },
    { BZ_LABEL_KIND, bz_label_answer_validate },
    { BZ_CHAT_KIND, bz_chat_answer_validate },
  };
  BzOpenAIProvider *provider = bz_openai_provider_new (settings);
  BzResilientConfig c;

  g_return_val_if_fail (BZ_IS_SERVICES (self), FALSE);
  if (provider == NULL)
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                           "The OpenAI-compatible provider needs an http(s) base URL and a model");
      return FALSE;
    }
  if (config)
    c = *config;
  else
    bz_resilient_config_init (&c);
  c.monthly_cost = settings->monthly_budget_mxn;
  g_object_set_data_full (G_OBJECT (self), PROVIDER_KEY, provider, g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      BzResilient *r = bz_resilient_new (kinds[i].kind, BZ_OPENAI_PROVIDER_NAME, &c, clock);
      bz_resilient_set_validator (r, kinds[i].validate);
      bz_integrations_register (self, r);
    }
  g_message ("Integrations: meal detection, label reading and chat through %s, model %s", settings->base_url,
             settings->model);
  return TRUE;
}

gboolean
bz_integrations_load_config (BzServices *self, GKeyFile *file, GError **error)
{
  g_auto(BzOpenAISettings) settings = { 0 };
  g_autoptr(GError) local = NULL;
  BzResilientConfig config;

  if (!bz_integrations_load_smtp_config (self, file, error) || !bz_integrations_load_scan3d_config (self, file, error))
    return FALSE;
  if (!bz_openai_settings_load (&settings, file, "openai", &local))
    {
      if (g_error_matches (local, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  bz_resilient_config_init (&config);
  if (!bz_resilient_config_load (&config, file, "integration openai", error))
    return FALSE;
  return bz_integrations_use_openai (self, &settings, &config, NULL, error);
}

void
bz_integrations_drop_openai (BzServices *self)
{
  static const char *const kinds[] = { BZ_DETECTION_KIND, BZ_LABEL_KIND, BZ_CHAT_KIND };
  gboolean any = FALSE;

  g_return_if_fail (BZ_IS_SERVICES (self));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    any |= bz_integrations_unregister (self, kinds[i], BZ_OPENAI_PROVIDER_NAME);
  if (g_object_get_data (G_OBJECT (self), PROVIDER_KEY))
    any = TRUE;
  g_object_set_data (G_OBJECT (self), PROVIDER_KEY, NULL);
  if (any)
    g_message ("Integrations: meal detection, label reading and chat no longer through openai");
}

gboolean
bz_integrations_has_detector (BzServices *self)
{
  return g_object_get_data (G_OBJECT (self), PROVIDER_KEY) != NULL &&
         bz_integrations_lookup (self, BZ_DETECTION_KIND, BZ_OPENAI_PROVIDER_NAME) != NULL;
}

/* The best USDA match of @food: its "search" words, else its name. */
static char *
match_food (BzServices *self, JsonObject *food)
{
  const char *queries[] = { json_object_get_string_member_with_default (food, "search", NULL),
                            json_object_get_string_member_with_default (food, "name", NULL) };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(BzRecord) list = NULL;
      if (queries[q] == NULL || *queries[q] == '\0')
        continue;
      list = bz_foods_find (self, queries[q], 1, 1, NULL);
      if (list && bz_record_get_n_items (list, BZ_FOOD_LIST_FOODS) > 0)
        return g_strdup (bz_record_get_string (bz_record_get_item (list, BZ_FOOD_LIST_FOODS, 0), BZ_FOOD_SUMMARY_NDB_NO));
    }
  return NULL;
}

static double
number_of (JsonObject *o, const char *member)
{
  JsonNode *n = json_object_get_member (o, member);
  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) != G_TYPE_STRING ? json_node_get_double (n) : 0;
}

/* A validated answer's foods as DetectedFood records, with their total. */
static void
fill_foods (BzServices *self, BzRecord *detection, JsonObject *answer)
{
  JsonArray *foods = json_object_get_array_member (answer, "foods");
  BzNutrients total = { 0 };

  for (guint i = 0; i < json_array_get_length (foods); i++)
    {
      JsonObject *f = json_array_get_object_element (foods, i);
      BzRecord *food = bz_record_new (&bz_detected_food_resource);
      double grams = number_of (f, "grams");
      g_autofree char *ndb = NULL, *description = NULL;
      BzNutrients panel = { 0 }, portion = { 0 };
      const char *given = json_object_get_string_member_with_default (f, "ndb_no", NULL);

      if (given && bz_foods_lookup_panel (self, given, &panel, &description, NULL))
        ndb = g_strdup (given);
      else if ((ndb = match_food (self, f)) && !bz_foods_lookup_panel (self, ndb, &panel, &description, NULL))
        g_clear_pointer (&ndb, g_free);
      if (ndb)
        bz_nutrients_add_scaled (&portion, &panel, grams);
      else
        portion = (BzNutrients) { number_of (f, "energy_kcal"), number_of (f, "protein_g"),
                                  number_of (f, "carbohydrate_g"), number_of (f, "fat_g"), 0, 0 };
      bz_nutrients_add (&total, &portion, 1);
      bz_record_set_string (food, BZ_DETECTED_FOOD_NAME, json_object_get_string_member (f, "name"));
      bz_record_set_double (food, BZ_DETECTED_FOOD_GRAMS, grams);
      bz_record_set_double (food, BZ_DETECTED_FOOD_CONFIDENCE, number_of (f, "confidence"));
      if (ndb)
        {
          bz_record_set_string (food, BZ_DETECTED_FOOD_NDB_NO, ndb);
          bz_record_set_string (food, BZ_DETECTED_FOOD_DESCRIPTION, description);
        }
      else
        {
          bz_record_set_null (food, BZ_DETECTED_FOOD_NDB_NO);
          bz_record_set_null (food, BZ_DETECTED_FOOD_DESCRIPTION);
        }
      bz_record_take_object (food, BZ_DETECTED_FOOD_NUTRIENTS, bz_nutrients_record_new (&portion));
      bz_record_append (detection, BZ_DETECTION_FOODS, food);
    }
  bz_record_take_object (detection, BZ_DETECTION_TOTAL, bz_nutrients_record_new (&total));
}

static BzRecord *
manual (const char *provider, const char *why)
{
  BzRecord *d = bz_record_new (&bz_detection_resource);

  bz_record_set_string (d, BZ_DETECTION_STATUS, "manual_entry_required");
  if (provider)
    bz_record_set_string (d, BZ_DETECTION_PROVIDER, provider);
  else
    bz_record_set_null (d, BZ_DETECTION_PROVIDER);
  bz_record_set_null (d, BZ_DETECTION_SOURCE);
  bz_record_set_empty_array (d, BZ_DETECTION_FOODS);
  bz_record_set_null (d, BZ_DETECTION_TOTAL);
  bz_record_set_string (d, BZ_DETECTION_MESSAGE, why);
  return d;
}

/* A remote attempt that notes how it ended, so that the caller can tell a
 * service that is down (try later) from one that answered badly. */
typedef struct
{
  BzProviderCall call;
  gboolean tried;
  GError *last;
} NotedCall;

static JsonNode *
call_detect_noted (gpointer data, GCancellable *cancellable, double *out_cost, GError **error)
{
  NotedCall *n = data;
  GError *local = NULL;
  JsonNode *answer = bz_provider_call_detect (&n->call, cancellable, out_cost, &local);

  n->tried = TRUE;
  g_clear_error (&n->last);
  if (local)
    {
      n->last = g_error_copy (local);
      g_propagate_error (error, local);
    }
  return answer;
}

BzRecord *
bz_integrations_detect_photo (BzServices *self, GBytes *image, const char *meal_type, const char *locale)
{
  return bz_integrations_detect_photo_later (self, image, meal_type, locale, NULL);
}

BzRecord *
bz_integrations_detect_photo_later (BzServices *self, GBytes *image, const char *meal_type, const char *locale,
                                    gboolean *out_later)
{
  g_autoptr(BzOpenAIProvider) provider = bz_integrations_dup_openai (self);
  BzResilient *resilient = bz_integrations_lookup (self, BZ_DETECTION_KIND, BZ_OPENAI_PROVIDER_NAME);
  g_autoptr(JsonObject) request = json_object_new ();
  g_autofree char *sha = NULL, *key = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  BzResilientSource source = BZ_RESILIENT_REMOTE;
  NotedCall call = { { 0 }, FALSE, NULL };
  BzResilientRequest rr;
  BzRecord *detection;

  if (out_later)
    *out_later = FALSE;

  if (provider == NULL || resilient == NULL)
    return manual (NULL, _("No meal-detection service is configured: enter the foods by hand"));
  if (image == NULL)
    return manual (NULL, _("No photo to analyse: enter the foods by hand"));
  json_object_set_string_member (request, "meal_type", meal_type);
  json_object_set_string_member (request, "locale", locale ? locale : "es-MX");
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, image);
  key = g_strdup_printf ("detect:%s:%s:%s", sha, meal_type, locale ? locale : "es-MX");
  call.call = (BzProviderCall) { provider, request, image };
  rr = (BzResilientRequest) { "/v1/chat/completions", key, call_detect_noted, &call, NULL, NULL };
  answer = bz_resilient_call (resilient, &rr, NULL, &source, &error);
  /* Not tried (breaker open, quota or rate limit) or a retryable failure: later. */
  if (answer == NULL && out_later)
    *out_later = !call.tried || bz_integration_error_is_retryable (call.last);
  g_clear_error (&call.last);
  if (answer == NULL)
    {
      g_message ("Integrations: meal detection left to manual entry: %s", error->message);
      return manual (BZ_OPENAI_PROVIDER_NAME,
                     _("The meal-detection service did not answer: the photo is kept; enter the foods by hand"));
    }
  detection = bz_record_new (&bz_detection_resource);
  bz_record_set_string (detection, BZ_DETECTION_STATUS, "detected");
  bz_record_set_string (detection, BZ_DETECTION_PROVIDER, BZ_OPENAI_PROVIDER_NAME);
  bz_record_set_string (detection, BZ_DETECTION_SOURCE, bz_resilient_source_name (source));
  bz_record_set_empty_array (detection, BZ_DETECTION_FOODS);
  bz_record_set_null (detection, BZ_DETECTION_MESSAGE);
  fill_foods (self, detection, json_node_get_object (answer));
  return detection;
}

BzRecord *
bz_integrations_detect_meal (BzServices *self, const BzCaller *caller, GBytes *image, const char *meal_type,
                             const char *locale, GError **error)
{
  return bz_integrations_detect_meal_image (self, caller, image, NULL, meal_type, locale, error);
}

BzRecord *
bz_integrations_detect_meal_image (BzServices *self, const BzCaller *caller, GBytes *image, const char *image_id,
                                   const char *meal_type, const char *locale, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_auto(BzPhoto) photo = { 0 };
  g_autoptr(GBytes) stored = NULL;
  gboolean has_image = image != NULL && g_bytes_get_size (image) > 0;
  const char *type = bz_vocab_canonical (&bz_vocab_meal_type, meal_type);
  g_autofree char *patient = NULL;
  BzRecord *detection;

  g_return_val_if_fail (BZ_IS_SERVICES (self), NULL);
  if (caller == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "%s", _("Authentication required"));
      return NULL;
    }
  if (has_image && image_id)
    bz_validation_add (&v, "image_id", "conflict", _("Send the photo or its image_id, not both"));
  else if (!has_image && image_id == NULL)
    bz_validation_add (&v, "image", "required", _("A meal photo is required"));
  if (type == NULL)
    bz_validation_add (&v, "meal_type", meal_type ? "invalid_choice" : "required",
                       _("meal_type must be breakfast, lunch, dinner or snack (desayuno, comida, cena, colación)"));
  if (locale && !g_str_equal (locale, "es-MX") && !g_str_equal (locale, "en"))
    bz_validation_add (&v, "locale", "invalid_choice", _("locale must be es-MX or en"));
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (image_id)
    {
      if (!(stored = bz_meal_images_display (self, caller, image_id, "image_id", error)))
        return NULL;
    }
  else if (!bz_photo_prepare (image, "image", &photo, error))
    return NULL;
  detection = bz_integrations_detect_photo (self, stored ? stored : photo.display, type, locale);
  /* No service: the local detector proposes a member's earlier meals. */
  if (!bz_integrations_has_detector (self) && (patient = bz_patients_resolve (self, caller, NULL, NULL)))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      bz_meal_detection_propose (self, detection, patient, type, NULL, now);
    }
  return detection;
}
