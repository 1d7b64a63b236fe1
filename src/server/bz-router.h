/* bz-router.h — the route table.
 *
 * Every path a seed names is served as spelled and under /api/v1/: the router
 * normalizes "/api/x" and "/api/v1/x" to the same key, so each route is
 * declared once.  Pattern segments "{name}" (optionally followed by a literal
 * suffix, as in "{id}.glb") capture path parameters.
 */
#pragma once

#include "bz-http.h"
#include "bz-query-resources.h"
#include "bz-resources.h"

G_BEGIN_DECLS

typedef BzResponse *(*BzHandlerFunc) (BzServices *svc, BzRequest *req, GError **error);

typedef enum
{
  BZ_ROUTE_AUTH = 0,          /* requires a valid access token (default) */
  BZ_ROUTE_PUBLIC = 1 << 0,   /* no authentication */
  BZ_ROUTE_PASSWORD_PENDING = 1 << 1, /* also for a caller who must change a generated password */
  BZ_ROUTE_POOL = 1 << 2,     /* a GET slow enough for the worker pool (others run on the server thread):
                               * full-text search, and blobs (read and hashed, up to megabytes) */
  BZ_ROUTE_NO_CONTENT = 1 << 3, /* answers 204 without a body (the OpenAPI 2XX has no content) */
  BZ_ROUTE_TOKEN_OPTIONAL = 1 << 4, /* with PUBLIC: the handler reads a token when one is sent
                                     * (OpenAPI security [{}, {bearer: []}]); GET /metrics */
  BZ_ROUTE_MACHINE_KEY = 1 << 5, /* with PUBLIC: a gym machine's API key in X-Machine-Key, checked by the
                                  * service (OpenAPI security [{machineKey: []}]); the heartbeat */
} BzRouteFlags;

typedef struct
{
  const char *method;
  const char *pattern;
  BzHandlerFunc handler;
  BzRouteFlags flags;
  gsize max_body;             /* 0 = BZ_JSON_BODY_MAX */
  const char *summary;        /* one line for the OpenAPI document */
  const BzJsonLimits *json;   /* NULL = bz_json_limits_body */
  const BzResource *request;  /* the body's declaration (OpenAPI requestBody); NULL = no body */
  const BzResource *response; /* the envelope's data (OpenAPI 2XX); NULL = data is null */
  const BzResource *query;    /* the query parameters (bz-query-resources.h); NULL = none */
  const char *raw_type;       /* answers raw bytes of this media type instead of an envelope */
  const char *description;    /* (nullable) the OpenAPI operation's longer description */
  const BzResource *request_json; /* (nullable) a multipart route's other body, as application/json */
} BzRoute;

typedef enum { BZ_ROUTE_FOUND, BZ_ROUTE_NO_PATH, BZ_ROUTE_NO_METHOD } BzRouteMatch;

/**
 * bz_router_match:
 * @out_params: (out) (transfer full): path parameters when found
 * Returns: whether a route matched, the path exists with another method, or nothing.
 */
BzRouteMatch   bz_router_match (const char *method, const char *path,
                                const BzRoute **out_route, GHashTable **out_params);

/** bz_router_normalize: Returns: (transfer full): "/api/x" rewritten as "/api/v1/x". */
char          *bz_router_normalize (const char *path);

/**
 * bz_router_foreach:
 * Calls @func for every route of every table, in declaration order.
 */
void           bz_router_foreach (void (*func) (const BzRoute *route, gpointer user_data), gpointer user_data);

/* Route tables, one per resource file (NULL-terminated). */
extern const BzRoute bz_health_routes[];
extern const BzRoute bz_auth_routes[];
extern const BzRoute bz_patient_routes[];
extern const BzRoute bz_food_routes[];
extern const BzRoute bz_scan_routes[];
extern const BzRoute bz_meal_routes[];
extern const BzRoute bz_meal_image_routes[];  /* bz-handlers-meal-images.c (issue 11, seed 001) */
extern const BzRoute bz_openapi_routes[];
extern const BzRoute bz_recipe_routes[];
extern const BzRoute bz_ai_routes[];      /* bz-handlers-ai.c */
extern const BzRoute bz_meal_plan_routes[];
extern const BzRoute bz_nutritionist_routes[];   /* bz-handlers-nutritionist.c */
extern const BzRoute bz_analytics_routes[];   /* bz-handlers-analytics.c */
extern const BzRoute bz_integration_routes[];  /* bz-handlers-integrations.c */
extern const BzRoute bz_instagram_routes[];    /* bz-handlers-instagram.c (seed 002 §5.2) */
extern const BzRoute bz_clinical_routes[];   /* bz-handlers-clinical.c */
extern const BzRoute bz_sync_routes[];         /* bz-handlers-sync.c */
extern const BzRoute bz_diet_routes[];         /* bz-handlers-diet.c */
extern const BzRoute bz_ai_plan_routes[];      /* bz-handlers-ai-plans.c (issue 11) */
extern const BzRoute bz_scan3d_routes[];       /* bz-handlers-scan3d.c (issue 11) */
extern const BzRoute bz_challenge_routes[];    /* bz-handlers-challenges.c */
extern const BzRoute bz_body_routes[];         /* bz-handlers-body.c (issue 8) */
extern const BzRoute bz_social_routes[];       /* bz-handlers-social.c */
extern const BzRoute bz_message_routes[];      /* bz-handlers-messages.c */
extern const BzRoute bz_notification_routes[]; /* bz-handlers-notifications.c */
extern const BzRoute bz_workout_routes[];      /* bz-handlers-workouts.c */
extern const BzRoute bz_device_routes[];       /* bz-handlers-devices.c */
extern const BzRoute bz_metrics_routes[];      /* bz-handlers-metrics.c (issue 9) */
extern const BzRoute bz_privacy_routes[];      /* bz-handlers-privacy.c (issue 9) */
extern const BzRoute bz_password_reset_routes[]; /* bz-handlers-password-reset.c */
extern const BzRoute bz_machine_routes[];      /* bz-handlers-machines.c (issue 10, seed 001) */
extern const BzRoute bz_recognize_routes[];    /* bz-handlers-recognize.c (issue 11, seed 002 §4.7) */

G_END_DECLS
