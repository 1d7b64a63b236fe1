/* bz-handlers-recognize.c — POST /api/v1/ai/recognize-food (issue 11; seed
 * 002 §4.7, §6.5): a meal photo's foods with their portions in grams and
 * Mexican household measures, nutrition and SMAE equivalents.  A service
 * that does not answer is a result left to manual entry (200), not an error. */
#include "bz-router.h"

#include "bz-food-recognition.h"
#include "bz-recognize-resources.h"

static BzResponse *
recognize_food (BzServices *svc, BzRequest *req, GError **error)
{
  static const char *const fields[] = { "image", "meal_type", "locale", NULL };
  g_autoptr(BzForm) form = NULL;
  BzValidation v = BZ_VALIDATION_INIT;
  g_autofree char *meal_type = NULL, *locale = NULL;
  BzRecord *data;

  if (!(form = bz_form_parse (req->headers, req->body, fields, error)))
    return NULL;
  meal_type = bz_form_get_text (form, "meal_type", 32, &v);
  locale = bz_form_get_text (form, "locale", 8, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  data = bz_ai_recognize_food (svc, req->caller, bz_form_get_bytes (form, "image"), meal_type, locale, error);
  return data ? bz_response_record (200, data) : NULL;
}

const BzRoute bz_recognize_routes[] = {
  { "POST", "/api/v1/ai/recognize-food", recognize_food, 0, BZ_UPLOAD_BODY_MAX,
    "Recognize the foods of a meal photo (multipart): each matched to Balanza's foods, with grams and a Mexican "
    "household measure, kcal, macronutrients and SMAE equivalents, and the totals; nothing is stored.  With no "
    "service, or when it fails, status manual_entry_required with the member's most similar earlier meals",
    .request = &bz_food_recognition_form_resource, .response = &bz_food_recognition_resource },
  { NULL }
};
