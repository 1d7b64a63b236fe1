/* test-demo-plan.c — the demo clinic's meal plan (bz-demo.c): on a store
 * with the SR28 foods and the recipe catalogue loaded (as the runtime does
 * before the demo), paciente01 has a finalized 7-day plan of catalogue
 * recipes that the job runner (started by the runtime after the demo) makes
 * active today (day 3), shows as the patient record's
 * active_meal_plan, and GET /api/nutrition/daily's "planned" shows today's
 * day of it beside the demo meals.  The social demo: a family circle with
 * posts, reactions and comments, and a public post for everyone. */
#include "bz-demo.h"
#include "bz-jobs.h"
#include "bz-meal-plan-repo.h"
#include "bz-meal-plan-service.h"
#include "bz-meal-service.h"
#include "bz-recipe-import.h"
#include "bz-social-service.h"
#include "bz-test-util.h"
#include "bz-usda-import.h"

static char *
text_of (BzStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), sql, &error);

  g_assert_no_error (error);
  if (sqlite3_step (st) != SQLITE_ROW)
    return NULL;
  return bz_db_column_text_dup (st, 0);
}

/* What the runtime's job runner does after the demo is made: its first
 * pass, here until @done jobs are done (at most 10 s). */
static void
run_jobs (BzStore *store, guint done)
{
  g_autoptr(BzJobRunner) runner = bz_job_runner_new (store);
  guint n_done = 0, n_failed = 0;

  bz_meal_plans_register_jobs (runner);
  bz_job_runner_set_timing (runner, BZ_JOBS_LEASE_MS, 20);
  bz_job_runner_start (runner);
  for (guint i = 0; i < 1000 && n_done < done; i++)
    {
      g_usleep (10000);
      bz_job_runner_get_counts (runner, &n_done, &n_failed);
    }
  bz_job_runner_stop (runner);
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpuint (n_done, >=, done);
}

static void
test_demo_plan (void)
{
  g_autofree char *dir = bz_test_tmpdir ("demo-plan");
  g_autofree char *foods = bz_usda_default_source_dir ();
  g_autofree char *recipes = bz_recipe_default_source ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  g_autoptr(BzServices) svc = NULL;
  g_autoptr(BzRecord) current = NULL, plan = NULL, today = NULL, first = NULL;
  g_autoptr(BzCaller) member = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) two_ago = g_date_time_add_days (now, -2);
  g_autofree char *patient = NULL, *user = NULL, *first_date = NULL, *job = NULL;
  BzRecord *planned;

  g_assert_no_error (error);
  g_assert_true (bz_usda_import (store, foods, NULL, NULL, NULL, &error));
  g_assert_true (bz_recipe_import (store, recipes, NULL, &error));
  g_assert_no_error (error);
  svc = bz_services_new (store);
  g_assert_true (bz_demo_create (svc, NULL, &error));
  g_assert_no_error (error);
  run_jobs (store, 1);   /* the plan's activation, due at once */

  patient = text_of (store, "SELECT p.id FROM patients p JOIN users u ON u.id = p.user_id"
                            " WHERE u.email = 'paciente01@balanza.local'");
  user = text_of (store, "SELECT id FROM users WHERE email = 'paciente01@balanza.local'");
  g_assert_nonnull (patient);

  /* The record's current plan: active, 7 days from two days ago. */
  g_assert_true (bz_meal_plan_repo_current (store, patient, &current, &error));
  g_assert_nonnull (current);
  g_assert_cmpstr (bz_record_get_string (current, BZ_MEAL_PLAN_SUMMARY_STATUS), ==, "active");
  g_assert_cmpint (bz_record_get_int (current, BZ_MEAL_PLAN_SUMMARY_DURATION_DAYS), ==, 7);
  first_date = g_date_time_format (two_ago, "%Y-%m-%d");
  g_assert_cmpstr (bz_record_get_string (current, BZ_MEAL_PLAN_SUMMARY_START_DATE), ==, first_date);
  /* Every day has its four slots filled from the catalogue; its completion
   * is queued. */
  plan = bz_meal_plan_repo_get (store, bz_record_get_string (current, BZ_MEAL_PLAN_SUMMARY_ID), &error);
  g_assert_nonnull (plan);
  g_assert_cmpint (bz_meal_plan_repo_empty_slots (store, bz_record_get_string (plan, BZ_MEAL_PLAN_ID), &error), ==, 0);
  for (guint d = 0; d < 7; d++)
    g_assert_cmpuint (bz_record_get_n_items (bz_record_get_item (plan, BZ_MEAL_PLAN_SUGGESTIONS, d), BZ_PLAN_DAY_MEALS), ==, 4);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT state FROM jobs WHERE kind = '%s' AND idempotency_key = '%s'",
                                            BZ_MEAL_PLAN_COMPLETE_JOB, bz_record_get_string (plan, BZ_MEAL_PLAN_ID));
    job = text_of (store, sql);
    g_assert_cmpstr (job, ==, "queued");
  }

  /* The member's daily: today is day 3, planned next to the demo meals;
   * two days ago was day 1. */
  member = bz_caller_new (user, BZ_ROLE_PATIENT, "paciente01@balanza.local");
  today = bz_meals_get_daily (svc, member, NULL, NULL, &error);
  g_assert_no_error (error);
  planned = bz_record_get_object (today, BZ_DAILY_INTAKE_PLANNED);
  g_assert_nonnull (planned);
  g_assert_cmpint (bz_record_get_int (planned, BZ_DAILY_PLAN_DAY), ==, 3);
  g_assert_cmpuint (bz_record_get_n_items (planned, BZ_DAILY_PLAN_MEALS), ==, 4);
  g_assert_cmpfloat (bz_record_get_double (bz_record_get_object (planned, BZ_DAILY_PLAN_NUTRITION), BZ_NUTRIENTS_ENERGY_KCAL),
                     >, 500);
  first = bz_meals_get_daily (svc, member, NULL, first_date, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bz_record_get_int (bz_record_get_object (first, BZ_DAILY_INTAKE_PLANNED), BZ_DAILY_PLAN_DAY), ==, 1);
  g_assert_cmpuint (bz_record_get_n_items (first, BZ_DAILY_INTAKE_MEALS), ==, 3);

  /* The social layer's demo (issue 10): paciente02 sees the family circle's
   * two posts, each with a reaction and the nutritionist's comment; a member
   * outside the circle (paciente03) sees only the public post. */
  {
    g_autofree char *user2 = text_of (store, "SELECT id FROM users WHERE email = 'paciente02@balanza.local'");
    g_autofree char *user3 = text_of (store, "SELECT id FROM users WHERE email = 'paciente03@balanza.local'");
    g_autofree char *circle = text_of (store, "SELECT id FROM family_circles");
    g_autoptr(BzCaller) second = bz_caller_new (user2, BZ_ROLE_PATIENT, NULL);
    g_autoptr(BzCaller) third = bz_caller_new (user3, BZ_ROLE_PATIENT, NULL);
    BzFeedParams circle_feed = { .page = 1, .limit = 20, .family_circle_id = circle };
    BzFeedParams all = { .page = 1, .limit = 20 };
    g_autoptr(BzRecord) shared = bz_social_feed (svc, second, &circle_feed, &error);
    g_autoptr(BzRecord) outside = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (bz_record_get_n_items (shared, BZ_FEED_POSTS), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        BzRecord *post = bz_record_get_item (shared, BZ_FEED_POSTS, i);
        g_assert_cmpint (bz_record_get_int (post, BZ_POST_LIKES_COUNT), ==, 1);
        g_assert_cmpint (bz_record_get_int (post, BZ_POST_COMMENTS_COUNT), ==, 1);
      }
    outside = bz_social_feed (svc, third, &all, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (bz_record_get_n_items (outside, BZ_FEED_POSTS), ==, 1);
    g_assert_cmpstr (bz_record_get_string (bz_record_get_item (outside, BZ_FEED_POSTS, 0), BZ_POST_VISIBILITY), ==, "public");
  }

  g_clear_object (&svc);
  g_clear_object (&store);
  bz_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo/meal-plan", test_demo_plan);
  return g_test_run ();
}
