/* test-recognize-food-main.c — the binary of test-recognize-food.c's
 * tests: its own server, so that the `openai` provider it configures (its
 * breaker, cache and quota) is its alone. */
#include "bz-api-fixture.h"

void test_recognize_food_local (void);
void test_recognize_food_remote (void);

int
main (int argc, char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/api/ai/recognize-food/local", test_recognize_food_local);   /* before the provider */
  g_test_add_func ("/api/ai/recognize-food/remote", test_recognize_food_remote);
  rc = g_test_run ();
  bz_api_shutdown ();
  return rc;
}
