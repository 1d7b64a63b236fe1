/* test-provider-kinds.c — seed 003's IntegrationError
 * (bz-integration-error.h), the local diet planner (bz-provider-kinds.h),
 * and a provider's settings from a key file (bz_resilient_config_load()). */
#include <math.h>
#include <string.h>

#include "bz-integration-error.h"
#include "bz-nutrition.h"
#include "bz-provider-kinds.h"
#include "bz-resilient.h"

static void
test_integration_error (void)
{
  g_autoptr(GError) e429 = bz_integration_error_from_http ("openai", 429, "7", 0, NULL);
  g_autoptr(GError) e503 = bz_integration_error_from_http ("openai", 503, NULL, 0, NULL);
  g_autoptr(GError) e400 = bz_integration_error_from_http ("openai", 400, "7", 0, "bad");
  g_autoptr(GError) e401 = bz_integration_error_from_http ("openai", 401, NULL, 0, NULL);
  g_autoptr(GError) e501 = bz_integration_error_from_http ("openai", 501, NULL, 0, NULL);
  g_autoptr(GError) copy = g_error_copy (e429);

  g_assert_error (e429, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_RATE_LIMITED);
  g_assert_true (bz_integration_error_is_retryable (e429));
  g_assert_cmpuint (bz_integration_error_get_retry_after (e429), ==, 7);
  g_assert_cmpuint (bz_integration_error_get_status (e429), ==, 429);
  g_assert_cmpstr (bz_integration_error_get_provider (copy), ==, "openai");
  g_assert_cmpuint (bz_integration_error_get_retry_after (copy), ==, 7);
  g_assert_cmpstr (bz_integration_error_code_name (e429->code), ==, "RATE_LIMIT");
  g_assert_true (bz_integration_error_is_retryable (e503));
  g_assert_error (e400, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_INVALID_REQUEST);
  g_assert_false (bz_integration_error_is_retryable (e400));
  g_assert_cmpuint (bz_integration_error_get_retry_after (e400), ==, 0);
  g_assert_error (e401, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_AUTH);
  g_assert_cmpstr (bz_integration_error_code_name (e401->code), ==, "TOKEN_EXPIRED");
  g_assert_false (bz_integration_error_is_retryable (e501));
  g_assert_false (bz_integration_error_counts_as_failure (e400));
  g_assert_true (bz_integration_error_counts_as_failure (e503));

  /* Retry-After as an HTTP-date (RFC 9110 §10.2.3): 2015-10-21 07:28:00 UTC
   * is 1445412480; 90 s before it. */
  g_assert_cmpuint (bz_integration_error_parse_retry_after ("Wed, 21 Oct 2015 07:28:00 GMT", 1445412390), ==, 90);
  g_assert_cmpuint (bz_integration_error_parse_retry_after ("Wed, 21 Oct 2015 07:28:00 GMT", 1445412490), ==, 0);
  g_assert_cmpuint (bz_integration_error_parse_retry_after ("soon", 0), ==, 0);
  g_assert_cmpuint (bz_integration_error_parse_retry_after ("12x", 0), ==, 0);
  g_assert_cmpuint (bz_integration_error_parse_retry_after ("999999999", 0), ==, 24 * 3600);
}

static void
test_local_diet_planner (void)
{
  g_autoptr(BzDietPlanner) p = bz_local_diet_planner_new ();
  g_autoptr(JsonObject) req = json_object_new ();
  g_autoptr(JsonNode) plan = NULL;
  g_autoptr(GError) error = NULL;
  BzNutrients want;
  JsonObject *o, *targets;
  JsonArray *meals;
  double kcal = 0, protein = 0;
  double cost = -1;

  json_object_set_string_member (req, "sex", "female");
  json_object_set_int_member (req, "age_years", 34);
  json_object_set_double_member (req, "weight_kg", 68.5);
  json_object_set_int_member (req, "height_cm", 160);
  json_object_set_string_member (req, "activity_level", "light");
  json_object_set_string_member (req, "goal", "weight_loss");
  plan = bz_diet_planner_plan (p, req, &cost, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (cost, ==, 0);
  g_assert_cmpstr (bz_diet_planner_get_name (p), ==, "local");

  /* The targets are bz_daily_targets()'s; the 5 meals add up to them. */
  bz_daily_targets (BZ_SEX_FEMALE, 68.5, 160, 34, BZ_ACTIVITY_LIGHT, BZ_GOAL_WEIGHT_LOSS, &want);
  o = json_node_get_object (plan);
  targets = json_object_get_object_member (o, "targets");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (targets, "energy_kcal"), want.energy_kcal, 0.051);
  /* (10 x 68.5 + 6.25 x 160 - 5 x 34 - 161) x 1.375 - 500 = 1354 x 1.375 - 500 = 1361.75 kcal. */
  g_assert_cmpfloat_with_epsilon (want.energy_kcal, 1361.75, 0.01);
  meals = json_object_get_array_member (o, "meals");
  g_assert_cmpuint (json_array_get_length (meals), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      JsonObject *m = json_array_get_object_element (meals, i);
      kcal += json_object_get_double_member (m, "energy_kcal");
      protein += json_object_get_double_member (m, "protein_g");
      g_assert_true (json_object_get_size (json_object_get_object_member (m, "smae_equivalents")) > 0);
    }
  g_assert_cmpfloat_with_epsilon (kcal, want.energy_kcal, 0.3);
  g_assert_cmpfloat_with_epsilon (protein, want.protein_g, 0.3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (meals, 2), "name"), ==, "comida");

  /* Every table of shares adds up to 1. */
  for (guint n = 3; n <= 6; n++)
    {
      const double *s = bz_local_diet_planner_shares (n, NULL);
      double sum = 0;
      for (guint i = 0; i < n; i++)
        sum += s[i];
      g_assert_cmpfloat_with_epsilon (sum, 1.0, 1e-9);
    }

  /* A request it cannot use. */
  json_object_set_int_member (req, "age_years", 7);
  g_assert_null (bz_diet_planner_plan (p, req, NULL, NULL, &error));
  g_assert_error (error, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_INVALID_REQUEST);
}

static void
test_config_load (void)
{
  static const char text[] =
    "[integration diet_planning/http]\n"
    "deadline_ms = 5000\n"
    "monthly_calls = 2000\n"
    "monthly_cost = 450.5\n"
    "breaker_error_rate = 0.25\n"
    "[bad rate]\nbreaker_error_rate = 1.5\n"
    "[bad type]\nmax_attempts = three\n"
    "[bad order]\nbackoff_base_ms = 5000\nbackoff_cap_ms = 1000\n";
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  BzResilientConfig c, before;

  g_assert_true (g_key_file_load_from_data (file, text, -1, G_KEY_FILE_NONE, &error));
  bz_resilient_config_init (&c);
  g_assert_true (bz_resilient_config_load (&c, file, "integration diet_planning/http", &error));
  g_assert_no_error (error);
  g_assert_cmpint (c.deadline_ms, ==, 5000);
  g_assert_cmpuint (c.monthly_calls, ==, 2000);
  g_assert_cmpfloat (c.monthly_cost, ==, 450.5);
  g_assert_cmpfloat (c.breaker_error_rate, ==, 0.25);
  /* What the group does not set keeps its default. */
  g_assert_cmpuint (c.max_attempts, ==, BZ_RESILIENT_MAX_ATTEMPTS);
  g_assert_cmpint (c.breaker_cooldown_ms, ==, BZ_RESILIENT_BREAKER_COOLDOWN_MS);
  /* An absent group changes nothing; a bad value changes nothing and says which. */
  before = c;
  g_assert_true (bz_resilient_config_load (&c, file, "integration chat/openai", &error));
  g_assert_true (memcmp (&c, &before, sizeof c) == 0);
  g_assert_false (bz_resilient_config_load (&c, file, "bad rate", &error));
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "breaker_error_rate"));
  g_clear_error (&error);
  g_assert_false (bz_resilient_config_load (&c, file, "bad type", &error));
  g_assert_nonnull (strstr (error->message, "max_attempts"));
  g_clear_error (&error);
  g_assert_false (bz_resilient_config_load (&c, file, "bad order", &error));
  g_clear_error (&error);
  g_assert_true (memcmp (&c, &before, sizeof c) == 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/integrations/error", test_integration_error);
  g_test_add_func ("/integrations/local-diet-planner", test_local_diet_planner);
  g_test_add_func ("/integrations/config-load", test_config_load);
  return g_test_run ();
}
