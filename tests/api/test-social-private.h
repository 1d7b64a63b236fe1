/* test-social-private.h — what the social layer's API test files share
 * (test-social.c defines it; test-social-limits.c uses it). */
#pragma once

#include "bz-api-fixture.h"

typedef struct
{
  char *token;
  char *id;     /* users.id */
} SocialUser;

/* A nutritionist; a patient of theirs (owner of the family circle); three
 * registered members: one in the circle, one outside it, and one who posts
 * up to the hourly limit. */
enum { SO_NUTRI, SO_OWNER, SO_FAM, SO_OUTSIDER, SO_SPAMMER, SO_N_USERS };
extern SocialUser social_users[SO_N_USERS];

/** social_ensure_users: registers and signs in social_users once. */
void           social_ensure_users (void);
/** social_req: a JSON request (bz_api_json()); the response is checked against the OpenAPI document. */
BzApiResponse *social_req (const char *method, const char *path, const char *token, const char *body);
/** social_assert_status: fails with the body unless @r answered @status. */
void           social_assert_status (BzApiResponse *r, guint status);
/**
 * social_refused:
 * A request that must be refused with @status and error @code (and, for a
 * @field, a detail on it), every social table and the change log unchanged.
 * Returns: (transfer full): the response.
 */
BzApiResponse *social_refused (const char *method, const char *path, const char *token, const char *body,
                               guint status, const char *code, const char *field);
/** social_refuse: social_refused() without keeping the response. */
void           social_refuse (const char *method, const char *path, const char *token, const char *body,
                              guint status, const char *code, const char *field);
/** social_post: POST /api/v1/posts (JSON) that must answer 201. Returns: (transfer full): the post's id. */
char          *social_post (const char *token, const char *body);

/** test_social_limits_add_tests: the hourly limit, body sizes and hostile bodies (test-social-limits.c). */
void           test_social_limits_add_tests (void);
