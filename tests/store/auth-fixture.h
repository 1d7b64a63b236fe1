/* auth-fixture.h — the fixture and helpers test-auth.c and test-auth-tokens.c
 * share: a real store in a temporary directory, the services on it, and
 * ways to register, sign in and craft tokens. */
#pragma once

#include <jwt.h>

#include "bz-auth-service.h"
#include "bz-auth-service-private.h"
#include "bz-store.h"
#include "bz-test-util.h"

#define PASSWORD "SecurePass123!"

typedef struct
{
  char *dir;
  BzStore *store;
  BzServices *svc;
  char *sid;      /* the "sid" claim crafted tokens carry (a live sign-in's) */
} Fixture;

typedef enum { KEY_STORE, KEY_OTHER } KeyKind;

#define TEST(path, fn) g_test_add ("/auth/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)

JsonNode *take_json (BzRecord *record);
JsonNode *register_json (BzServices *svc, JsonObject *input, const char *client_address, GError **error);
JsonNode *login_json (BzServices *svc, const char *email, const char *password, const char *client_address, GError **error);
JsonNode *refresh_json (BzServices *svc, const char *refresh_token, GError **error);
void fixture_setup (Fixture *f, gconstpointer data);
void fixture_teardown (Fixture *f, gconstpointer data);
gint64 count_rows (Fixture *f, const char *sql);
char *query_text (Fixture *f, const char *sql, const char *arg);
void exec_sql (Fixture *f, const char *sql);
JsonObject *register_body (const char *email, const char *first, const char *last, const char *type);
JsonNode *register_ok (Fixture *f, JsonObject *body);
const char *member (JsonNode *node, const char *name);
const char *user_member (JsonNode *node, const char *name);
gboolean has_detail (const GError *error, const char *field, const char *issue);
guint n_details_for (const GError *error, const char *field);
JsonNode *carlos_login (Fixture *f);
void assert_access_rejected (Fixture *f, const char *token);
char *craft_token (Fixture *f, jwt_alg_t alg, KeyKind kind, const char *sub, const char *type, gint64 exp);
gint64 now_s (void);
