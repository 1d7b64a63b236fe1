/* bz-food-recognition.c — POST /api/v1/ai/recognize-food (see
 * bz-food-recognition.h). */
#include "bz-food-recognition.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "bz-food-service.h"
#include "bz-integration-service.h"
#include "bz-meal-detection.h"
#include "bz-meal-plan-resources.h"
#include "bz-patient-service.h"
#include "bz-photo.h"
#include "bz-recipe.h"
#include "bz-recognize-resources.h"

/* The household portion of @grams of @food (a Food record), or NULL. */
static BzRecord *
household_of (BzRecord *food, double grams)
{
  guint n = bz_record_get_n_items (food, BZ_FOOD_PORTIONS);
  g_autofree BzSr28Weight *weights = g_new0 (BzSr28Weight, MAX (n, 1));
  BzHouseholdPortion portion;
  BzRecord *h;

  for (guint i = 0; i < n; i++)
    {
      BzRecord *w = bz_record_get_item (food, BZ_FOOD_PORTIONS, i);
      weights[i] = (BzSr28Weight) { bz_record_get_string (w, BZ_FOOD_PORTION_DESCRIPTION),
                                    bz_record_get_double (w, BZ_FOOD_PORTION_AMOUNT),
                                    bz_record_get_double (w, BZ_FOOD_PORTION_GRAMS) };
    }
  if (!bz_household_portion (weights, n, grams, &portion))
    return NULL;
  h = bz_record_new (&bz_household_portion_resource);
  bz_record_set_string (h, BZ_HOUSEHOLD_PORTION_MEASURE, bz_vocab_household_measure.terms[portion.measure].id);
  bz_record_set_double (h, BZ_HOUSEHOLD_PORTION_QUANTITY, portion.quantity);
  bz_record_take_string (h, BZ_HOUSEHOLD_PORTION_TEXT, bz_household_format (&portion));
  bz_record_set_double (h, BZ_HOUSEHOLD_PORTION_UNIT_GRAMS, portion.unit_grams);
  bz_record_set_string (h, BZ_HOUSEHOLD_PORTION_BASIS, portion.from_volume ? "sr28_density" : "sr28_weight");
  return h;
}

/* Up to BZ_RECOGNIZE_MAX_ALTERNATIVES foods @name finds, other than @ndb. */
static void
add_alternatives (BzServices *svc, BzRecord *out, const char *name, const char *ndb)
{
  g_autoptr(BzRecord) list = name && *name ? bz_foods_find (svc, name, 1, BZ_RECOGNIZE_MAX_ALTERNATIVES + 1, NULL) : NULL;
  guint n = 0;

  bz_record_set_empty_array (out, BZ_RECOGNIZED_FOOD_ALTERNATIVE_MATCHES);
  for (guint i = 0; list && i < bz_record_get_n_items (list, BZ_FOOD_LIST_FOODS) && n < BZ_RECOGNIZE_MAX_ALTERNATIVES; i++)
    {
      BzRecord *s = bz_record_get_item (list, BZ_FOOD_LIST_FOODS, i);
      BzRecord *a;

      if (g_strcmp0 (bz_record_get_string (s, BZ_FOOD_SUMMARY_NDB_NO), ndb) == 0)
        continue;
      a = bz_record_new (&bz_food_alternative_resource);
      bz_record_set_string (a, BZ_FOOD_ALTERNATIVE_NDB_NO, bz_record_get_string (s, BZ_FOOD_SUMMARY_NDB_NO));
      bz_record_set_string (a, BZ_FOOD_ALTERNATIVE_DESCRIPTION, bz_record_get_string (s, BZ_FOOD_SUMMARY_DESCRIPTION));
      bz_record_set_string (a, BZ_FOOD_ALTERNATIVE_NAME_ES, bz_record_get_string (s, BZ_FOOD_SUMMARY_NAME_ES));
      bz_record_append (out, BZ_RECOGNIZED_FOOD_ALTERNATIVE_MATCHES, a);
      n++;
    }
}

/* One detected food (a DetectedFood record) told as a RecognizedFood; its
 * nutrients and equivalents are added to @total and @smae.  Returns
 * whether it was matched to a Balanza food. */
static gboolean
recognize_one (BzServices *svc, BzRecord *detected, BzRecord **out, BzNutrients *total,
               double smae[BZ_SMAE_N_GROUPS])
{
  const char *name = bz_record_get_string (detected, BZ_DETECTED_FOOD_NAME);
  const char *ndb = bz_record_get_string (detected, BZ_DETECTED_FOOD_NDB_NO);
  double grams = bz_record_get_double (detected, BZ_DETECTED_FOOD_GRAMS);
  g_autoptr(BzRecord) envelope = ndb ? bz_foods_get_food (svc, ndb, NULL) : NULL;
  BzRecord *food = envelope ? bz_record_get_object (envelope, BZ_FOOD_ENVELOPE_FOOD) : NULL;
  BzRecord *r = bz_record_new (&bz_recognized_food_resource), *household = NULL;
  BzRecipeTotals t = { 0 };
  BzNutrients panel = { 0 };
  BzSmaeGroup group = BZ_SMAE_NONE;

  bz_record_set_string (r, BZ_RECOGNIZED_FOOD_NAME, name);
  bz_record_set_double (r, BZ_RECOGNIZED_FOOD_CONFIDENCE, bz_record_get_double (detected, BZ_DETECTED_FOOD_CONFIDENCE));
  bz_record_set_double (r, BZ_RECOGNIZED_FOOD_GRAMS, grams);
  if (food && bz_foods_lookup_panel (svc, ndb, &panel, NULL, NULL))
    {
      BzRecord *fg = bz_record_get_object (food, BZ_FOOD_FOOD_GROUP);
      const char *code = fg ? bz_record_get_string (fg, BZ_FOOD_GROUP_CODE) : NULL;
      const char *desc = bz_record_get_string (food, BZ_FOOD_DESCRIPTION);

      /* SR28's panel for the grams, and its equivalents (bz_recipe_totals_add()). */
      bz_recipe_totals_add (&t, code ? code : "", desc, &panel, grams);
      group = bz_smae_classify (code ? code : "", desc, &panel);
      household = household_of (food, grams);
      bz_record_set_boolean (r, BZ_RECOGNIZED_FOOD_MATCHED, TRUE);
      bz_record_set_string (r, BZ_RECOGNIZED_FOOD_NDB_NO, ndb);
      bz_record_set_string (r, BZ_RECOGNIZED_FOOD_DESCRIPTION, desc);
      bz_record_set_string (r, BZ_RECOGNIZED_FOOD_NAME_ES, bz_record_get_string (food, BZ_FOOD_NAME_ES));
    }
  else
    {
      /* Not a Balanza food: the service's estimate, decomposed. */
      bz_nutrients_from_record (bz_record_get_object (detected, BZ_DETECTED_FOOD_NUTRIENTS), &t.total);
      t.total.fiber_g = isfinite (t.total.fiber_g) ? t.total.fiber_g : 0;
      t.total.sodium_mg = isfinite (t.total.sodium_mg) ? t.total.sodium_mg : 0;
      bz_smae_decompose (&t.total, t.smae);
      bz_record_set_boolean (r, BZ_RECOGNIZED_FOOD_MATCHED, FALSE);
      bz_record_set_null (r, BZ_RECOGNIZED_FOOD_NDB_NO);
      bz_record_set_null (r, BZ_RECOGNIZED_FOOD_DESCRIPTION);
      bz_record_set_null (r, BZ_RECOGNIZED_FOOD_NAME_ES);
      ndb = NULL;
    }
  if (household)
    {
      bz_record_set_string (r, BZ_RECOGNIZED_FOOD_QUANTITY, bz_record_get_string (household, BZ_HOUSEHOLD_PORTION_TEXT));
      bz_record_take_object (r, BZ_RECOGNIZED_FOOD_HOUSEHOLD, household);
    }
  else
    {
      bz_record_set_null (r, BZ_RECOGNIZED_FOOD_QUANTITY);
      bz_record_set_null (r, BZ_RECOGNIZED_FOOD_HOUSEHOLD);
    }
  if (group == BZ_SMAE_NONE)
    bz_record_set_null (r, BZ_RECOGNIZED_FOOD_SMAE_GROUP);
  else
    bz_record_set_string (r, BZ_RECOGNIZED_FOOD_SMAE_GROUP, bz_smae_reference (group)->id);
  bz_record_take_object (r, BZ_RECOGNIZED_FOOD_ESTIMATED_NUTRITION, bz_nutrients_record_new (&t.total));
  bz_record_take_object (r, BZ_RECOGNIZED_FOOD_EQUIVALENTS, bz_smae_record_new (t.smae));
  add_alternatives (svc, r, name, ndb);
  bz_nutrients_add (total, &t.total, 1);
  for (guint g = 0; g < BZ_SMAE_N_GROUPS; g++)
    smae[g] += t.smae[g];
  *out = r;
  return ndb != NULL;
}

/* The recognized foods of a detected photo, their totals and advice. */
static void
fill_recognized (BzServices *svc, BzRecord *result, BzRecord *detection)
{
  guint n = bz_record_get_n_items (detection, BZ_DETECTION_FOODS), unmatched = 0;
  double smae[BZ_SMAE_N_GROUPS] = { 0 }, confidence = 0;
  g_autoptr(GPtrArray) suggestions = g_ptr_array_new_with_free_func (g_free);
  BzNutrients total = { 0 };

  for (guint i = 0; i < n; i++)
    {
      BzRecord *detected = bz_record_get_item (detection, BZ_DETECTION_FOODS, i), *food = NULL;
      unmatched += !recognize_one (svc, detected, &food, &total, smae);
      confidence += bz_record_get_double (detected, BZ_DETECTED_FOOD_CONFIDENCE);
      bz_record_append (result, BZ_FOOD_RECOGNITION_RECOGNIZED_FOODS, food);
    }
  if (n > 0)
    bz_record_take_object (result, BZ_FOOD_RECOGNITION_TOTAL_NUTRITION, bz_nutrients_record_new (&total));
  else
    bz_record_set_null (result, BZ_FOOD_RECOGNITION_TOTAL_NUTRITION);
  bz_record_take_object (result, BZ_FOOD_RECOGNITION_EQUIVALENTS, bz_smae_record_new (smae));
  bz_record_set_double (result, BZ_FOOD_RECOGNITION_CONFIDENCE_SCORE, n ? confidence / n : 0);
  /* Seed 002 §6.5: "Agrega verduras para fibra y micronutrientes" when the
   * plate has none; "none" is under one SMAE equivalent (4 g of carbohydrate). */
  if (n > 0 && smae[BZ_SMAE_VEGETABLES] < 1)
    g_ptr_array_add (suggestions, g_strdup (_("Add vegetables for fibre and micronutrients")));
  g_ptr_array_add (suggestions, NULL);
  bz_record_take_strv (result, BZ_FOOD_RECOGNITION_SUGGESTIONS, (GStrv) g_ptr_array_steal (suggestions, NULL));
  if (unmatched)
    bz_record_set_string (result, BZ_FOOD_RECOGNITION_MESSAGE,
                          _("Some foods were not found among Balanza's foods: their nutrition is the service's "
                            "estimate; check them or pick one of their alternatives"));
  else if (n == 0)
    bz_record_set_string (result, BZ_FOOD_RECOGNITION_MESSAGE, _("No food was seen on the photo: enter the foods by hand"));
  else
    bz_record_set_null (result, BZ_FOOD_RECOGNITION_MESSAGE);
}

/* Nothing recognized: the local provider's proposals for a member, else an
 * empty result; both say to enter the foods by hand. */
static void
fill_fallback (BzServices *svc, const BzCaller *caller, BzRecord *result, BzRecord *detection, const char *meal_type)
{
  g_autofree char *patient = bz_patients_resolve (svc, caller, NULL, NULL);
  double none[BZ_SMAE_N_GROUPS] = { 0 };
  const char *message;
  guint n;

  if (patient)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      bz_meal_detection_propose (svc, detection, patient, meal_type, NULL, now);
    }
  n = bz_record_get_n_items (detection, BZ_DETECTION_PROPOSALS);
  for (guint i = 0; i < n; i++)
    bz_record_append (result, BZ_FOOD_RECOGNITION_PROPOSALS,
                      g_object_ref (bz_record_get_item (detection, BZ_DETECTION_PROPOSALS, i)));
  /* With no service, the local provider's own message says so; a service
   * that failed is said here. */
  if (n > 0 && bz_integrations_has_detector (svc))
    message = _("The food-recognition service did not answer: here are your most similar earlier meals; pick one or "
                "enter the foods by hand");
  else
    message = bz_record_get_string (detection, BZ_DETECTION_MESSAGE);
  bz_record_set_string (result, BZ_FOOD_RECOGNITION_PROVIDER, bz_record_get_string (detection, BZ_DETECTION_PROVIDER));
  bz_record_set_string (result, BZ_FOOD_RECOGNITION_SOURCE, bz_record_get_string (detection, BZ_DETECTION_SOURCE));
  bz_record_set_string (result, BZ_FOOD_RECOGNITION_MESSAGE, message);
  bz_record_set_null (result, BZ_FOOD_RECOGNITION_TOTAL_NUTRITION);
  bz_record_take_object (result, BZ_FOOD_RECOGNITION_EQUIVALENTS, bz_smae_record_new (none));
  bz_record_set_double (result, BZ_FOOD_RECOGNITION_CONFIDENCE_SCORE, 0);
  bz_record_set_empty_array (result, BZ_FOOD_RECOGNITION_SUGGESTIONS);
}

BzRecord *
bz_ai_recognize_food (BzServices *svc, const BzCaller *caller, GBytes *image, const char *meal_type,
                      const char *locale, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_auto(BzPhoto) photo = { 0 };
  const char *type = meal_type ? bz_vocab_canonical (&bz_vocab_meal_type, meal_type) : "lunch";
  gint64 start = g_get_monotonic_time ();
  g_autoptr(BzRecord) detection = NULL;
  BzRecord *result;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (caller == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "%s", _("Authentication required"));
      return NULL;
    }
  if (image == NULL || g_bytes_get_size (image) == 0)
    bz_validation_add (&v, "image", "required", _("A meal photo is required"));
  if (type == NULL)
    bz_validation_add (&v, "meal_type", "invalid_choice",
                       _("meal_type must be breakfast, lunch, dinner or snack (desayuno, comida, cena, colación)"));
  if (locale && !g_str_equal (locale, "es-MX") && !g_str_equal (locale, "en"))
    bz_validation_add (&v, "locale", "invalid_choice", _("locale must be es-MX or en"));
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (!bz_photo_prepare (image, "image", &photo, error))
    return NULL;

  detection = bz_integrations_detect_photo (svc, photo.display, type, locale);
  result = bz_record_new (&bz_food_recognition_resource);
  bz_record_set_string (result, BZ_FOOD_RECOGNITION_STATUS, bz_record_get_string (detection, BZ_DETECTION_STATUS));
  bz_record_set_string (result, BZ_FOOD_RECOGNITION_PROVIDER, bz_record_get_string (detection, BZ_DETECTION_PROVIDER));
  bz_record_set_string (result, BZ_FOOD_RECOGNITION_SOURCE, bz_record_get_string (detection, BZ_DETECTION_SOURCE));
  bz_record_set_string (result, BZ_FOOD_RECOGNITION_MEAL_TYPE, type);
  bz_record_set_empty_array (result, BZ_FOOD_RECOGNITION_RECOGNIZED_FOODS);
  bz_record_set_empty_array (result, BZ_FOOD_RECOGNITION_PROPOSALS);
  if (g_strcmp0 (bz_record_get_string (detection, BZ_DETECTION_STATUS), "detected") == 0)
    fill_recognized (svc, result, detection);
  else
    fill_fallback (svc, caller, result, detection, type);
  bz_record_set_int (result, BZ_FOOD_RECOGNITION_PROCESSING_TIME_MS, (g_get_monotonic_time () - start) / 1000);
  return result;
}
