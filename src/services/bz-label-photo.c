/* bz-label-photo.c — POST /api/v1/ai/scan-label with a photo: the label read
 * by the configured service, then judged as values sent as JSON (see
 * bz_labels_scan_photo() in bz-label-service.h). */
#include "bz-label-service.h"

#include <glib/gi18n-lib.h>

#include "bz-integration-service.h"
#include "bz-photo.h"
#include "bz-provider-schemas.h"

/* The read answer's members -> LabelNutrition's (bz-label-resources.h). */
static const struct { const char *from, *to; } panel_names[] = {
  { "energy_kcal", "calories" }, { "protein_g", "protein_g" }, { "carbohydrate_g", "carbs_g" },
  { "sugar_g", "sugar_g" }, { "fat_g", "fat_g" }, { "saturated_fat_g", "saturated_fat_g" },
  { "fiber_g", "fiber_g" }, { "sodium_mg", "sodium_mg" },
};

typedef struct
{
  BzProviderCall call;
  int code;     /* the last attempt's BzIntegrationErrorCode, -1 when it answered */
} Reading;

/* One attempt, its answer validated here too, so that a bad answer is told
 * apart from a service that is down. */
static JsonNode *
read_label (gpointer data, GCancellable *cancellable, double *out_cost, GError **error)
{
  Reading *r = data;
  g_autoptr(GError) invalid = NULL;
  JsonNode *answer = bz_openai_call_read_label (&r->call, cancellable, out_cost, error);

  if (answer && !bz_label_answer_validate (answer, &invalid))
    {
      g_clear_pointer (&answer, json_node_unref);
      g_propagate_error (error, bz_integration_error_new (BZ_OPENAI_PROVIDER_NAME, BZ_INTEGRATION_ERROR_BAD_RESPONSE,
                                                          0, FALSE, 0, "%s", invalid->message));
    }
  r->code = answer ? -1 : (error && *error && (*error)->domain == BZ_INTEGRATION_ERROR ? (*error)->code : -2);
  return answer;
}

/* A LabelScanInput object from a validated read. */
static JsonObject *
scan_input (JsonObject *read, const char *product_name)
{
  JsonObject *in = json_object_new (), *panel = json_object_new ();
  JsonObject *per_100 = json_object_get_object_member (read, "per_100g");
  const char *name = json_object_get_string_member_with_default (read, "product_name", NULL);
  const char *brand = json_object_get_string_member_with_default (read, "brand", NULL);
  JsonNode *serving = json_object_get_member (read, "serving_size_g");

  json_object_set_string_member (in, "product_name",
                                 product_name ? product_name : name && *name ? name : _("Product read from a photo"));
  if (brand && *brand)
    json_object_set_string_member (in, "brand", brand);
  if (serving && JSON_NODE_HOLDS_VALUE (serving) && json_node_get_value_type (serving) != G_TYPE_STRING)
    json_object_set_double_member (in, "serving_size_g", json_node_get_double (serving));
  for (guint i = 0; i < G_N_ELEMENTS (panel_names); i++)
    if (json_object_has_member (per_100, panel_names[i].from))
      json_object_set_member (panel, panel_names[i].to, json_node_copy (json_object_get_member (per_100, panel_names[i].from)));
  json_object_set_object_member (in, "nutrition_per_100g", panel);
  return in;
}

BzRecord *
bz_labels_scan_photo (BzServices *svc, const BzCaller *caller, GBytes *image, const char *product_name,
                      const char *lang, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_auto(BzPhoto) photo = { 0 };
  g_autoptr(JsonObject) request = json_object_new ();
  g_autoptr(JsonObject) input = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) failure = NULL, invalid = NULL;
  g_autofree char *sha = NULL, *key = NULL;
  g_autoptr(BzOpenAIProvider) provider = bz_integrations_dup_openai (svc);
  BzResilient *resilient = bz_integrations_lookup (svc, BZ_LABEL_KIND, BZ_OPENAI_PROVIDER_NAME);
  const char *language = lang ? bz_vocab_canonical (&bz_vocab_notice_lang, lang) : "es";
  Reading reading = { { provider, request, NULL }, -1 };
  BzResilientRequest rr = { "/v1/chat/completions", NULL, read_label, &reading, NULL, NULL };
  BzResilientSource source;
  BzRecord *scan;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (caller == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "%s", _("Authentication required"));
      return NULL;
    }
  if (image == NULL || g_bytes_get_size (image) == 0)
    bz_validation_add (&v, "image", "required", _("A photo of the label is required"));
  if (product_name)
    {
      /* The form's declaration holds the bounds (bz-label-resources.h). */
      const BzField *f = &bz_label_photo_form_resource.fields[BZ_LABEL_PHOTO_FORM_PRODUCT_NAME];
      glong n = g_utf8_strlen (product_name, -1);
      if (n < f->min || n > f->max)
        bz_validation_add (&v, "product_name", n < f->min ? "too_short" : "too_long", _("Its length is out of range"));
    }
  if (language == NULL)
    bz_validation_add (&v, "lang", "invalid_choice", _("Is not one of the allowed values"));
  if (!bz_validation_finish (&v, error) || !bz_photo_prepare (image, "image", &photo, error))
    return NULL;
  if (provider == NULL || resilient == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAVAILABLE, "%s",
                   _("No label-reading service is configured: type the label's values in and send them as JSON"));
      return NULL;
    }

  json_object_set_string_member (request, "locale", g_str_equal (language, "en") ? "en" : "es-MX");
  reading.call.image = photo.display;
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, photo.display);
  key = g_strdup_printf ("label:%s:%s", sha, language);
  rr.key = key;
  answer = bz_resilient_call (resilient, &rr, NULL, &source, &failure);
  if (answer == NULL)
    {
      g_message ("Label reading left to manual entry: %s", failure->message);
      if (reading.code == BZ_INTEGRATION_ERROR_BAD_RESPONSE)
        g_set_error (error, BZ_ERROR, BZ_ERROR_UPSTREAM, "%s",
                     _("The label-reading service answered something that is not a nutrition label: "
                       "type the label's values in and send them as JSON"));
      else
        g_set_error (error, BZ_ERROR, BZ_ERROR_UNAVAILABLE, "%s",
                     _("The label-reading service did not answer: type the label's values in and send them as JSON"));
      return NULL;
    }
  input = scan_input (json_node_get_object (answer), product_name);
  if (!(scan = bz_labels_scan (svc, caller, input, NULL, &invalid)))
    {
      if (!g_error_matches (invalid, BZ_ERROR, BZ_ERROR_VALIDATION))
        {
          g_propagate_error (error, g_steal_pointer (&invalid));
          return NULL;
        }
      g_set_error (error, BZ_ERROR, BZ_ERROR_UPSTREAM,
                   _("The values read from the label are incomplete or do not add up (%s): check the label, type its "
                     "values in and send them as JSON"), invalid->message);
      return NULL;
    }
  return scan;
}
