/* bz-http-provider.h — the `http` provider: a clinic's own service that
 * implements Balanza's JSON contract (bz-provider-kinds.h) over HTTP.
 *
 * Each call POSTs the request object as JSON to <base URL><path> and reads
 * the answer object:
 *
 *   diet planning     POST <base>/diet-plans     (BzDietPlannerInterface.plan)
 *   workout planning  POST <base>/workout-plans  (BzWorkoutPlannerInterface.plan)
 *   chat              POST <base>/chat           (BzChatProviderInterface.complete)
 *   3D scanning       POST <base>/3d-scan        (BzAvatarProviderInterface.generate)
 *
 * with "Authorization: Bearer <API key>" when a key is set, and answers
 * 200 with a JSON object; except 3D scanning, whose request is the body
 * measurements {sex, age_years, height_cm, weight_kg, body_fat_percent?,
 * skeletal_muscle_mass_kg?, circumferences_cm: {neck?, chest?, waist?, hip?,
 * arm?, thigh?, calf?}} (cm, kg, %) and whose answer is the avatar as
 * binary glTF 2.0 (model/gltf-binary) of at most %BZ_AVATAR_GLB_MAX_BYTES,
 * which the caller checks before storing it (bz-integration-scan3d.c).  The service may report the call's cost in MXN in
 * an "X-Balanza-Cost-MXN" header (counted against the monthly quota).
 * Failures become seed 003's IntegrationError (bz_integration_error_from_http():
 * 429 and 5xx retryable, with Retry-After; other 4xx not); no answer within
 * the call's cancellable is TIMEOUT or UNAVAILABLE (retryable); an answer
 * that is not a JSON object of at most %BZ_HTTP_PROVIDER_MAX_BYTES is
 * BAD_RESPONSE (the body is read up to the bound, never further).  Calls block: run them through BzResilient.  Thread-safe
 * (a session per call; a remote planner is called a few times a day).
 */
#pragma once

#include "bz-provider-kinds.h"

G_BEGIN_DECLS

/** BZ_HTTP_PROVIDER_MAX_BYTES: an answer of up to 1 MiB (a 14-day plan is tens of KiB). */
#define BZ_HTTP_PROVIDER_MAX_BYTES (1024 * 1024)
/** BZ_HTTP_PROVIDER_COST_HEADER: the cost of the call, MXN, a decimal number. */
#define BZ_HTTP_PROVIDER_COST_HEADER "X-Balanza-Cost-MXN"

#define BZ_TYPE_HTTP_PROVIDER (bz_http_provider_get_type ())
G_DECLARE_FINAL_TYPE (BzHttpProvider, bz_http_provider, BZ, HTTP_PROVIDER, GObject)

/**
 * bz_http_provider_new:
 * @base_url: the service's URL, http or https, without a trailing path
 *   ("https://planner.clinic.example/v1")
 * @api_key: (nullable): sent as a bearer token; never logged
 *
 * Returns: (transfer full): a provider named "http" implementing
 *   #BzDietPlanner, #BzWorkoutPlanner, #BzChatProvider and #BzAvatarProvider; %NULL when
 *   @base_url is not an http(s) URL.
 */
BzHttpProvider *bz_http_provider_new (const char *base_url, const char *api_key);

G_END_DECLS
