/* bz-handlers-challenges.c — challenges, check-ins, leaderboards and the
 * caller's XP, level and badges (issue 10; seed 002 §4.6;
 * bz-challenge-service.h): parse, call the service, answer. */
#include "bz-router.h"

#include <glib/gi18n.h>

#include "bz-challenge-service.h"

static BzResponse *
answer (BzRecord *data, guint status)
{
  return data ? bz_response_record (status, data) : NULL;
}

static gboolean
paging (BzRequest *req, guint default_limit, guint *page, guint *limit, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  *page = bz_request_query_uint (req, "page", 1, 1, G_MAXINT32, &v);
  *limit = bz_request_query_uint (req, "limit", default_limit, 1, BZ_LIST_LIMIT_MAX, &v);
  return bz_validation_finish (&v, error);
}

static const char *
challenge_of (BzRequest *req)
{
  return bz_request_param (req, "challenge_id");
}

static BzResponse *
list (BzServices *svc, BzRequest *req, GError **error)
{
  guint page, limit;
  if (!paging (req, BZ_LIST_LIMIT_DEFAULT, &page, &limit, error))
    return NULL;
  return answer (bz_challenges_list (svc, req->caller, bz_request_query (req, "status"), bz_request_query (req, "scope"),
                                     bz_request_query (req, "category"), page, limit, error), 200);
}

static BzResponse *
create (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  if (body == NULL)
    return NULL;
  return answer (bz_challenges_create (svc, req->caller, body, error), 201);
}

static BzResponse *
join (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = NULL;
  BzResponse *resp;

  /* the seed's body is {"team_id": null}; an empty body is the same */
  if (req->body && g_bytes_get_size (req->body) > 0 && (body = bz_request_json_object (req, error)) == NULL)
    return NULL;
  resp = answer (bz_challenges_join (svc, req->caller, challenge_of (req), body, error), 201);
  if (resp)
    resp->message = g_strdup (_("You have joined the challenge. Good luck!"));
  return resp;
}

static BzResponse *
progress (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  if (body == NULL)
    return NULL;
  return answer (bz_challenges_check_in (svc, req->caller, challenge_of (req), body, error), 200);
}

static BzResponse *
leaderboard (BzServices *svc, BzRequest *req, GError **error)
{
  guint page, limit;
  if (!paging (req, BZ_LEADERBOARD_LIMIT_DEFAULT, &page, &limit, error))
    return NULL;
  return answer (bz_challenges_leaderboard (svc, req->caller, challenge_of (req), page, limit, error), 200);
}

static BzResponse *
gamification (BzServices *svc, BzRequest *req, GError **error)
{
  return answer (bz_challenges_gamification (svc, req->caller, error), 200);
}

#define ONE "/api/v1/challenges/{challenge_id}"

const BzRoute bz_challenge_routes[] = {
  { "GET", "/api/v1/challenges", list, 0, 0,
    "Challenges the caller may join or follow (status active by default), featured first",
    .response = &bz_challenge_list_resource, .query = &bz_challenge_query_resource },
  { "POST", "/api/v1/challenges", create, 0, 0,
    "Create an individual challenge for one's patients or for everyone on this server (nutritionists)",
    .request = &bz_challenge_input_resource, .response = &bz_challenge_resource },
  { "POST", ONE "/join", join, 0, 0, "Join a challenge (members)",
    .request = &bz_challenge_join_input_resource, .response = &bz_challenge_joined_resource },
  { "POST", ONE "/progress", progress, 0, 0,
    "A daily check-in: the day's value, the score after it, and the XP and badges it earned",
    .request = &bz_check_in_input_resource, .response = &bz_check_in_result_resource },
  { "GET", ONE "/leaderboard", leaderboard, 0, 0, "The challenge's ranking and the caller's place",
    .response = &bz_leaderboard_resource, .query = &bz_challenge_query_resource },
  { "GET", "/api/v1/gamification/me", gamification, 0, 0, "The caller's XP, level and badges",
    .response = &bz_gamification_resource },
  { NULL }
};
