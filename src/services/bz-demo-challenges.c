/* bz-demo-challenges.c — the demo clinic's challenges (issue 10): a steps
 * challenge for the demo nutritionist's patients that half of the members
 * joined and checked in to today, and an upcoming water challenge for
 * everyone, through the same service calls as the API. */
#include "bz-demo.h"

#include <glib/gi18n.h>

#include "bz-challenge-service.h"

static char *
local_day (int offset)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) d = g_date_time_add_days (now, offset);
  return g_date_time_format (d, "%Y-%m-%d");
}

static char *
create (BzServices *svc, const BzCaller *nutritionist, const char *json, GError **error)
{
  g_autoptr(JsonParser) p = json_parser_new ();
  g_autoptr(BzRecord) c = NULL;

  if (!json_parser_load_from_data (p, json, -1, error))
    return NULL;
  c = bz_challenges_create (svc, nutritionist, json_node_get_object (json_parser_get_root (p)), error);
  return c ? g_strdup (bz_record_get_string (c, BZ_CHALLENGE_ID)) : NULL;
}

gboolean
bz_demo_create_challenges (BzServices *svc, const BzCaller *nutritionist, GPtrArray *members, GError **error)
{
  g_autofree char *today = local_day (0), *in30 = local_day (30), *in3 = local_day (3), *in33 = local_day (33);
  g_autofree char *steps_json = g_strdup_printf (
      "{\"title\":\"%s\",\"description\":\"%s\",\"category\":\"steps\",\"start_date\":\"%s\",\"end_date\":\"%s\","
      "\"goal_type\":\"daily\",\"goal_metric\":\"steps\",\"goal_value\":8000,\"is_featured\":true,"
      "\"rewards\":[{\"rank\":1,\"reward_type\":\"badge\",\"reward_value\":\"first_place\"}]}",
      _("8,000 steps a day"), _("Walk 8,000 steps every day for a month."), today, in30);
  g_autofree char *water_json = g_strdup_printf (
      "{\"title\":\"%s\",\"category\":\"water\",\"scope\":\"national\",\"start_date\":\"%s\",\"end_date\":\"%s\","
      "\"goal_type\":\"daily\",\"goal_metric\":\"water_glasses\",\"goal_value\":8}",
      _("Eight glasses of water"), in3, in33);
  g_autofree char *steps = NULL, *water = NULL;

  steps = create (svc, nutritionist, steps_json, error);
  if (steps == NULL)
    return FALSE;
  water = create (svc, nutritionist, water_json, error);
  if (water == NULL)
    return FALSE;
  /* Every other member joins the steps challenge and reports today's steps:
   * a leaderboard with a spread of values (4,000 to 15,000 steps). */
  for (guint i = 0; i < members->len; i += 2)
    {
      g_autoptr(BzCaller) m = bz_caller_new (g_ptr_array_index (members, i), BZ_ROLE_PATIENT, NULL);
      g_autoptr(BzRecord) joined = bz_challenges_join (svc, m, steps, NULL, error);
      g_autoptr(JsonObject) in = json_object_new ();
      g_autoptr(BzRecord) progress = NULL;

      if (joined == NULL)
        return FALSE;
      json_object_set_string_member (in, "date", today);
      json_object_set_double_member (in, "value", 4000 + (i * 2347) % 11000);
      progress = bz_challenges_check_in (svc, m, steps, in, error);
      if (progress == NULL)
        return FALSE;
    }
  return TRUE;
}
