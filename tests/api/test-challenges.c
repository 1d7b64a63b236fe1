/* test-challenges.c — challenges, check-ins, leaderboards, XP and badges
 * (issue 10; seed 002 §4.6) end to end on the real server: every route, its
 * success and its refusals with the store unchanged, who sees which
 * challenge, ranking ties, XP given once per date, a 7-day streak and a
 * completed challenge.
 *
 * Built into test-api's binary, so these operations count in its
 * bz_api_assert_every_operation_checked(). */
#include "bz-api-fixture.h"

#include <sqlite3.h>
#include <string.h>

#include "bz-auth-service-private.h"
#include "bz-store.h"

void test_challenges (void);

static BzApiResponse *
req (const char *method, const char *path, const char *token, const char *body)
{
  return bz_api_json (bz_api_shared (), method, path, token, body);
}

static char *
member (const char *nutri, const char *email, const char *first, const char *last)
{
  g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\",\"first_name\":\"%s\",\"last_name\":\"%s\","
                                           "\"password\":\"Member-Pass1!\"}", email, first, last);
  g_autofree char *login = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"Member-Pass1!\"}", email);
  g_autoptr(BzApiResponse) r = req ("POST", "/api/v1/nutritionist/patients", nutri, body);
  g_autoptr(BzApiResponse) l = NULL;

  bz_api_expect (r, 201);
  bz_auth_reset_rate_limits ();
  l = req ("POST", "/api/auth/login", NULL, login);
  bz_api_expect (l, 200);
  return g_strdup (json_object_get_string_member (bz_api_data (l), "access_token"));
}

static char *
day (int offset)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) d = g_date_time_add_days (now, offset);
  return g_date_time_format (d, "%Y-%m-%d");
}

static gint64
total_rows (void)
{
  BzApi *api = bz_api_shared ();
  return bz_api_count (api, "challenges") * 1000000 + bz_api_count (api, "challenge_participants") * 10000 +
         bz_api_count (api, "challenge_check_ins") * 100 + bz_api_count (api, "user_badges");
}

static gboolean
list_has (BzApiResponse *r, const char *id)
{
  JsonArray *a = json_object_get_array_member (bz_api_data (r), "challenges");
  for (guint i = 0; i < json_array_get_length (a); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (a, i), "id"), id) == 0)
      return TRUE;
  return FALSE;
}

static char *
create (const char *nutri, const char *json)
{
  g_autoptr(BzApiResponse) r = req ("POST", "/api/v1/challenges", nutri, json);
  bz_api_expect (r, 201);
  return g_strdup (json_object_get_string_member (bz_api_data (r), "id"));
}

static JsonObject *
check_in (BzApiResponse **keep, const char *token, const char *id, const char *date, double value)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/challenges/%s/progress", id);
  g_autofree char *body = g_strdup_printf ("{\"date\":\"%s\",\"value\":%g}", date, value);
  *keep = req ("POST", path, token, body);
  bz_api_expect (*keep, 200);
  return bz_api_data (*keep);
}

static void
join (const char *token, const char *id, guint status)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/challenges/%s/join", id);
  g_autoptr(BzApiResponse) r = req ("POST", path, token, "{\"team_id\":null}");
  bz_api_expect (r, status);
}

/* Does @achievements hold one of @type with @badge? */
static gboolean
earned (JsonObject *data, const char *type, const char *badge)
{
  JsonArray *a = json_object_get_array_member (data, "achievements");
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);
      if (g_strcmp0 (json_object_get_string_member (o, "type"), type) == 0 &&
          g_strcmp0 (json_object_get_string_member_with_default (o, "badge", NULL), badge) == 0)
        return TRUE;
    }
  return FALSE;
}

/* How many "achievement" notifications @token's inbox holds. */
static guint
achievement_notes (const char *token)
{
  g_autoptr(BzApiResponse) r = req ("GET", "/api/notifications?limit=100", token, NULL);
  JsonArray *a;
  guint n = 0;

  bz_api_expect (r, 200);
  a = json_object_get_array_member (bz_api_data (r), "notifications");
  for (guint i = 0; i < json_array_get_length (a); i++)
    n += g_strcmp0 (json_object_get_string_member (json_array_get_object_element (a, i), "type"), "achievement") == 0;
  return n;
}

/* @fmt with {T} (today), {L} (in 30 days), {Y} (yesterday) and {F} (in 400 days). */
static char *
fill (const char *fmt, const char *t, const char *l, const char *y, const char *f)
{
  GString *s = g_string_new (fmt);
  g_string_replace (s, "{T}", t, 0);
  g_string_replace (s, "{L}", l, 0);
  g_string_replace (s, "{Y}", y, 0);
  g_string_replace (s, "{F}", f, 0);
  return g_string_free (s, FALSE);
}

static void
refusals_on_create (const char *nutri, const char *token_member)
{
  g_autofree char *today = day (0), *yesterday = day (-1), *later = day (30), *far = day (400);
  struct { const char *fmt; const char *field; } bad[] = {
    { "{\"category\":\"steps\",\"start_date\":\"{T}\",\"end_date\":\"{L}\",\"goal_type\":\"daily\",\"goal_metric\":\"steps\",\"goal_value\":10000}", "title" },
    { "{\"title\":\"Pasos\",\"category\":\"steps\",\"start_date\":\"{Y}\",\"end_date\":\"{L}\",\"goal_type\":\"daily\",\"goal_metric\":\"steps\",\"goal_value\":10000}", "start_date" },
    { "{\"title\":\"Pasos\",\"category\":\"steps\",\"start_date\":\"{T}\",\"end_date\":\"{T}\",\"goal_type\":\"daily\",\"goal_metric\":\"steps\",\"goal_value\":10000}", "end_date" },
    { "{\"title\":\"Pasos\",\"category\":\"steps\",\"start_date\":\"{T}\",\"end_date\":\"{F}\",\"goal_type\":\"daily\",\"goal_metric\":\"steps\",\"goal_value\":10000}", "end_date" },
    { "{\"title\":\"Pasos\",\"category\":\"steps\",\"start_date\":\"{T}\",\"end_date\":\"{L}\",\"goal_type\":\"daily\",\"goal_metric\":\"pushups\",\"goal_value\":10000}", "goal_metric" },
    { "{\"title\":\"Pasos\",\"category\":\"steps\",\"start_date\":\"{T}\",\"end_date\":\"{L}\",\"goal_type\":\"daily\",\"goal_metric\":\"steps\",\"goal_value\":200000}", "goal_value" },
    { "{\"title\":5,\"category\":\"steps\",\"start_date\":\"{T}\",\"end_date\":\"{L}\",\"goal_type\":\"daily\",\"goal_metric\":\"steps\",\"goal_value\":10000}", "title" },
    { "{\"title\":\"Pasos\",\"category\":\"steps\",\"start_date\":\"{T}\",\"end_date\":\"{L}\",\"goal_type\":\"daily\",\"goal_metric\":\"steps\",\"goal_value\":10000,\"sponsor\":\"x\"}", "sponsor" },
    { "{\"title\":\"Pasos\",\"category\":\"steps\",\"start_date\":\"{T}\",\"end_date\":\"{L}\",\"goal_type\":\"daily\",\"goal_metric\":\"steps\",\"goal_value\":10000,\"rewards\":[{\"rank\":1,\"reward_type\":\"money\",\"reward_value\":\"x\"}]}", "rewards[0].reward_type" },
  };
  gint64 before = total_rows ();

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *body = fill (bad[i].fmt, today, later, yesterday, far);
      g_autoptr(BzApiResponse) r = req ("POST", "/api/v1/challenges", nutri, body);
      bz_api_expect (r, 400);
      if (!bz_api_has_detail (r, bad[i].field))
        g_error ("case %u: no detail for %s: %.*s", i, bad[i].field, (int) g_bytes_get_size (r->body),
                 (const char *) g_bytes_get_data (r->body, NULL));
    }
  {
    g_autofree char *body = fill (bad[1].fmt, today, later, today, far);
    g_autoptr(BzApiResponse) r = req ("POST", "/api/v1/challenges", token_member, body);
    bz_api_expect (r, 403);
  }
  {
    g_autoptr(BzApiResponse) r = req ("POST", "/api/v1/challenges", nutri, "[1,2,3]");
    bz_api_expect (r, 400);
  }
  g_assert_cmpint (total_rows (), ==, before);
}

void
test_challenges (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *nutri = bz_api_register (api, "ch-nutri1@test.local", "nutritionist", NULL);
  g_autofree char *nutri2 = bz_api_register (api, "ch-nutri2@test.local", "nutritionist", NULL);
  g_autofree char *ana = member (nutri, "ch-ana@test.local", "Ana", "Zamora");
  g_autofree char *beto = member (nutri, "ch-beto@test.local", "Beto", "Yáñez");
  g_autofree char *otra = member (nutri2, "ch-otra@test.local", "Otra", "Xóchitl");
  g_autofree char *today = day (0), *tomorrow = day (1), *in2 = day (2), *in7 = day (7), *in30 = day (30), *in40 = day (40);
  g_autofree char *steps = NULL, *water = NULL, *week = NULL;

  refusals_on_create (nutri, ana);

  /* A: daily 10,000 steps for 30 days, the nutritionist's patients (the default scope). */
  {
    g_autofree char *body = g_strdup_printf (
        "{\"title\":\"Reto: 10,000 pasos diarios\",\"category\":\"steps\",\"start_date\":\"%s\",\"end_date\":\"%s\","
        "\"goal_type\":\"daily\",\"goal_metric\":\"steps\",\"goal_value\":10000,"
        "\"rewards\":[{\"rank\":1,\"reward_type\":\"badge\",\"reward_value\":\"first_place\"}]}", today, in30);
    g_autoptr(BzApiResponse) r = req ("POST", "/api/v1/challenges", nutri, body);
    JsonObject *c;
    bz_api_expect (r, 201);
    c = bz_api_data (r);
    steps = g_strdup (json_object_get_string_member (c, "id"));
    g_assert_cmpstr (json_object_get_string_member (c, "status"), ==, "active");
    g_assert_cmpstr (json_object_get_string_member (c, "scope"), ==, "nutritionist_patients");
    g_assert_cmpint (json_object_get_int_member (c, "duration_days"), ==, 30);
    g_assert_cmpstr (json_object_get_string_member (c, "goal_unit"), ==, "steps");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (c, "rewards")), ==, 1);
    g_assert_false (json_object_get_boolean_member (c, "joined"));
  }
  /* B: an upcoming national cumulative water challenge. */
  {
    g_autofree char *body = g_strdup_printf (
        "{\"title\":\"Agua\",\"category\":\"agua\",\"scope\":\"national\",\"start_date\":\"%s\",\"end_date\":\"%s\","
        "\"goal_type\":\"cumulative\",\"goal_metric\":\"water_glasses\",\"goal_value\":240,\"max_participants\":1}",
        in2, in40);
    water = create (nutri, body);
  }

  /* Who sees what: Ana sees A; Otra (another nutritionist's patient) does
   * not, and its routes answer 404 to her; B, national, is upcoming for all. */
  {
    g_autoptr(BzApiResponse) a = req ("GET", "/api/v1/challenges", ana, NULL);
    g_autoptr(BzApiResponse) o = req ("GET", "/api/v1/challenges", otra, NULL);
    g_autoptr(BzApiResponse) up = req ("GET", "/api/v1/challenges?status=upcoming&scope=national", otra, NULL);
    g_autoptr(BzApiResponse) bad = req ("GET", "/api/v1/challenges?status=someday", ana, NULL);
    g_autoptr(BzApiResponse) cat = req ("GET", "/api/v1/challenges?category=pasos", ana, NULL);
    bz_api_expect (a, 200);
    bz_api_expect (o, 200);
    bz_api_expect (up, 200);
    bz_api_expect (cat, 200);
    g_assert_true (list_has (a, steps));
    g_assert_false (list_has (o, steps));
    g_assert_true (list_has (up, water));
    g_assert_false (list_has (a, water));   /* active by default */
    g_assert_true (list_has (cat, steps));
    bz_api_expect (bad, 400);
    g_assert_true (bz_api_has_detail (bad, "status"));
  }

  /* Joining. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/challenges/%s/join", steps);
    g_autoptr(BzApiResponse) first = req ("POST", path, ana, NULL);
    g_autoptr(BzApiResponse) team = NULL;
    gint64 before;
    bz_api_expect (first, 201);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (bz_api_data (first), "participation"),
                                                    "status"), ==, "active");
    before = total_rows ();
    join (ana, steps, 409);                        /* already */
    join (otra, steps, 404);                       /* not hers to see */
    join (nutri, steps, 403);                      /* members only */
    team = req ("POST", path, beto, "{\"team_id\":\"7d9f8c2a-1b3e-4c5d-9e8f-0a1b2c3d4e5f\"}");
    bz_api_expect (team, 400);
    g_assert_true (bz_api_has_detail (team, "team_id"));
    join (ana, "7d9f8c2a-1b3e-4c5d-9e8f-0a1b2c3d4e5f", 404);
    g_assert_cmpint (total_rows (), ==, before);
    join (beto, steps, 201);
    join (otra, water, 201);                       /* upcoming may be joined */
    join (ana, water, 409);                        /* full: max_participants 1 */
  }

  /* Check-ins: Ana 12,000 today: the goal, the first day's milestone and 10 XP. */
  {
    g_autoptr(BzApiResponse) r = NULL, again = NULL, low = NULL, back = NULL, b = NULL;
    JsonObject *d = check_in (&r, ana, steps, today, 12000), *p = json_object_get_object_member (d, "progress");
    g_assert_true (json_object_get_boolean_member (p, "goal_achieved"));
    g_assert_cmpint (json_object_get_int_member (p, "days_completed"), ==, 1);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (p, "completion_percentage"), 3.33, 0.001);
    g_assert_cmpint (json_object_get_int_member (p, "current_rank"), ==, 1);
    g_assert_true (earned (d, "milestone", "first_day"));
    /* each achievement reached the inbox, once */
    g_assert_cmpuint (achievement_notes (ana), ==, json_array_get_length (json_object_get_array_member (d, "achievements")));
    g_assert_cmpint (json_object_get_int_member (d, "xp_total"), ==, 10);
    g_assert_cmpint (json_object_get_int_member (d, "level"), ==, 1);
    /* the same date again, lower, then met again: no more XP for that day */
    d = check_in (&again, ana, steps, today, 12000);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "achievements")), ==, 0);
    g_assert_cmpuint (achievement_notes (ana), >=, 1);
    {
      guint before = achievement_notes (ana);
      d = check_in (&low, ana, steps, today, 5000);
      g_assert_cmpuint (achievement_notes (ana), ==, before);
    }
    g_assert_false (json_object_get_boolean_member (json_object_get_object_member (d, "progress"), "goal_achieved"));
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (d, "progress"), "days_completed"), ==, 0);
    d = check_in (&back, ana, steps, today, 12000);
    g_assert_cmpint (json_object_get_int_member (d, "xp_total"), ==, 10);
    /* Beto 15,000: the same completion, more steps: first place */
    d = check_in (&b, beto, steps, today, 15000);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (d, "progress"), "current_rank"), ==, 1);
  }
  /* Refusals leave the store as it was. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/challenges/%s/progress", steps);
    g_autofree char *future = g_strdup_printf ("{\"date\":\"%s\",\"value\":100}", tomorrow);
    g_autofree char *huge = g_strdup_printf ("{\"date\":\"%s\",\"value\":200000}", today);
    g_autofree char *neg = g_strdup_printf ("{\"date\":\"%s\",\"value\":-1}", today);
    g_autofree char *words = g_strdup_printf ("{\"date\":\"%s\",\"value\":\"mucho\"}", today);
    g_autofree char *otra_body = g_strdup_printf ("{\"date\":\"%s\",\"value\":100}", today);
    g_autofree char *water_path = g_strdup_printf ("/api/v1/challenges/%s/progress", water);
    gint64 before = total_rows ();
    g_autoptr(BzApiResponse) f = req ("POST", path, ana, future);
    g_autoptr(BzApiResponse) h = req ("POST", path, ana, huge);
    g_autoptr(BzApiResponse) n = req ("POST", path, ana, neg);
    g_autoptr(BzApiResponse) w = req ("POST", path, ana, words);
    g_autoptr(BzApiResponse) o = req ("POST", path, otra, otra_body);
    g_autoptr(BzApiResponse) up = req ("POST", water_path, otra, otra_body);
    g_autoptr(BzApiResponse) none = req ("POST", path, ana, "{\"date\":\"2026-02-30\",\"value\":1}");
    bz_api_expect (f, 400);
    g_assert_true (bz_api_has_detail (f, "date"));
    bz_api_expect (h, 400);
    g_assert_true (bz_api_has_detail (h, "value"));
    bz_api_expect (n, 400);
    g_assert_true (bz_api_has_detail (n, "value"));
    bz_api_expect (w, 400);
    bz_api_expect (o, 404);
    bz_api_expect (up, 409);                          /* not started */
    bz_api_expect (none, 400);
    g_assert_cmpint (total_rows (), ==, before);
  }

  /* The leaderboard: Beto first, Ana second; names as "First L.". */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/challenges/%s/leaderboard", steps);
    g_autoptr(BzApiResponse) r = req ("GET", path, ana, NULL);
    g_autoptr(BzApiResponse) o = req ("GET", path, otra, NULL);
    JsonArray *rows;
    JsonObject *me;
    bz_api_expect (r, 200);
    bz_api_expect (o, 404);
    rows = json_object_get_array_member (bz_api_data (r), "leaderboard");
    g_assert_cmpuint (json_array_get_length (rows), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_array_get_object_element (rows, 0),
                                                                                   "user"), "full_name"), ==, "Beto Y.");
    me = json_object_get_object_member (bz_api_data (r), "current_user_position");
    g_assert_cmpint (json_object_get_int_member (me, "rank"), ==, 2);
    g_assert_cmpfloat (json_object_get_double_member (me, "total_value"), ==, 12000);
  }

  /* A week-long challenge that started six days ago (moved back in the
   * store: the API refuses a start in the past): seven goal days in a row
   * give the streak badge and complete the challenge. */
  {
    g_autofree char *body = g_strdup_printf (
        "{\"title\":\"Semana activa\",\"category\":\"steps\",\"start_date\":\"%s\",\"end_date\":\"%s\","
        "\"goal_type\":\"daily\",\"goal_metric\":\"steps\",\"goal_value\":8000}", today, in7);
    g_autofree char *start = day (-6);
    g_autofree char *sql = NULL;
    g_autoptr(BzApiResponse) last = NULL, me = NULL;
    JsonObject *d = NULL;
    week = create (nutri, body);
    sql = sqlite3_mprintf ("UPDATE challenges SET start_date = '%q', end_date = '%q' WHERE id = '%q'", start, today, week);
    g_assert_cmpint (sqlite3_exec (bz_store_db (api->store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_free (g_steal_pointer (&sql));
    join (ana, week, 201);
    /* duration_days = end - start = 6 (seed 002's generated column), and
     * completion = goal days / duration_days: the 6th goal day completes it */
    for (int i = -6; i <= 0; i++)
      {
        g_autofree char *date = day (i);
        g_clear_pointer (&last, bz_api_response_free);
        d = check_in (&last, ana, week, date, 9000);
        g_assert_true (earned (d, "streak", "streak_7") == (i == 0));
        g_assert_true (earned (d, "completion", "challenge_completed") == (i == -1));
      }
    g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (d, "progress"),
                                                      "completion_percentage"), ==, 100);
    /* 10 (A) + 7 × 10 + 50 + 100 = 230 XP: level 2 */
    g_assert_cmpint (json_object_get_int_member (d, "xp_total"), ==, 230);
    g_assert_cmpint (json_object_get_int_member (d, "level"), ==, 2);
    me = req ("GET", "/api/v1/gamification/me", ana, NULL);
    bz_api_expect (me, 200);
    g_assert_cmpint (json_object_get_int_member (bz_api_data (me), "xp"), ==, 230);
    g_assert_cmpint (json_object_get_int_member (bz_api_data (me), "next_level_xp"), ==, 400);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bz_api_data (me), "badges")), ==, 4);
  }
}
