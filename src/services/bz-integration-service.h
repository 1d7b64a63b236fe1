/* bz-integration-service.h — the integration layer's services (issue 11,
 * ARCHITECTURE.md "Integrations"; seed 003 "Webhook Processing", "Webhook
 * Security", "Debug Endpoints"):
 *
 * - a registry of the providers of each service kind, each behind its
 *   BzResilient (bz-resilient.h), whose figures GET /api/integrations/health
 *   shows (bz_integrations_health());
 * - webhooks in: a delivery is verified (bz_integrations_verify_webhook():
 *   HMAC-SHA256 over "timestamp.rawbody" in a timestamp window, Stripe's
 *   scheme), stored once per provider and delivery id, acknowledged at once
 *   (bz_integrations_accept_webhook()), and processed by the durable job
 *   %BZ_INTEGRATION_WEBHOOK_JOB with %BZ_WEBHOOK_MAX_ATTEMPTS attempts and
 *   exponential backoff from %BZ_WEBHOOK_BACKOFF_BASE_MS, then parked.
 *
 * Webhook secrets come from the environment, one variable per provider:
 * BALANZA_WEBHOOK_SECRET_<PROVIDER> (the provider's name in capitals, e.g.
 * BALANZA_WEBHOOK_SECRET_STRIPE), as seed 003 asks ("Use environment
 * variables for all secrets").  They are read when a delivery comes, never
 * stored, logged or answered.  A provider without a secret has no webhook
 * (404).
 */
#pragma once

#include "bz-avatar-provider.h"
#include "bz-mail-provider.h"
#include "bz-openai-client.h"
#include "bz-openai-provider.h"
#include "bz-resilient.h"
#include "bz-services.h"

G_BEGIN_DECLS


/** BZ_INTEGRATION_WEBHOOK_JOB: the durable job that processes one delivery. */
#define BZ_INTEGRATION_WEBHOOK_JOB "integration.webhook"
/** BZ_WEBHOOK_SIGNATURE_HEADER: "t=<unix s>,v1=<hex HMAC-SHA256>", as Stripe-Signature. */
#define BZ_WEBHOOK_SIGNATURE_HEADER "Balanza-Signature"
/** BZ_WEBHOOK_SECRET_ENV_PREFIX: the secrets' variables (see above). */
#define BZ_WEBHOOK_SECRET_ENV_PREFIX "BALANZA_WEBHOOK_SECRET_"
/** BZ_WEBHOOK_SECRET_MIN: a secret shorter than 16 bytes (128 bits) is not used. */
#define BZ_WEBHOOK_SECRET_MIN 16
/** BZ_WEBHOOK_TOLERANCE_S: a signature's timestamp may be 5 minutes off now,
 * either way (Stripe's default tolerance, 300 s): an older delivery is a
 * replay and refused. */
#define BZ_WEBHOOK_TOLERANCE_S 300
/** BZ_WEBHOOK_BODY_MAX: a delivery's body, 64 KiB (Stripe's events are well under). */
#define BZ_WEBHOOK_BODY_MAX (64 * 1024)
/** BZ_WEBHOOK_MAX_ATTEMPTS: seed 003's queue: attempts: 3. */
#define BZ_WEBHOOK_MAX_ATTEMPTS 3
/** BZ_WEBHOOK_BACKOFF_BASE_MS: seed 003's backoff: exponential, delay 2000:
 * the n-th retry waits 2 s x 2^(n-1) (BullMQ's exponential backoff): 2 s, 4 s. */
#define BZ_WEBHOOK_BACKOFF_BASE_MS 2000

/**
 * bz_integrations_register:
 * @resilient: (transfer full): a provider's wrapper
 *
 * Adds a provider to @self's registry (shown by the health endpoint).  The
 * registry holds one wrapper per kind and provider: a wrapper of a kind and
 * provider already registered (the provider configured again) takes the
 * earlier one's place, which is retired (no longer looked up, counted or
 * shown; kept alive until @self is finalized, so a call in flight that
 * looked it up finishes).  Its usage of the current month, stored by an
 * earlier run or wrapper, counts against its quota; from now on each remote
 * attempt is added to the store (`integration_usage`), on the calling
 * thread.  The registry starts with the embedded providers:
 * diet_planning/local and workout_planning/local.  Thread-safe.
 */
void         bz_integrations_register (BzServices *self, BzResilient *resilient);

/**
 * bz_integrations_unregister:
 * @kind: the service kind
 * @provider: the provider's name
 *
 * Retires @kind/@provider's wrapper as bz_integrations_register() retires a
 * replaced one: later lookups find none (the callers fall back to their
 * embedded provider or manual entry), health and /metrics no longer show
 * it; its usage stays stored.  The others keep their order.  Thread-safe.
 *
 * Returns: %TRUE when one was registered.
 */
gboolean     bz_integrations_unregister (BzServices *self, const char *kind, const char *provider);

/**
 * bz_integrations_lookup:
 * Returns: (transfer none) (nullable): the wrapper of @kind/@provider
 *   registered now; it lives as long as @self (also once replaced or
 *   unregistered).
 */
BzResilient *bz_integrations_lookup (BzServices *self, const char *kind, const char *provider);

/**
 * BzIntegrationCounts:
 * @kind: the service kind ("diet_planning", ...)
 * @provider: the provider's name ("local", "openai", ...)
 * @attempts: remote attempts since the process started
 * @failures: those that failed (bz_integration_error_counts_as_failure())
 * @served_remote: @served_cached: @served_local: @manual: how calls ended
 *   (the remote answer, the cache, the embedded fallback, manual entry)
 *
 * One provider's counters (BzResilientStats), for GET /metrics; the strings
 * are owned by the registry and valid during the callback only.
 */
typedef struct
{
  const char *kind;
  const char *provider;
  guint64 attempts, failures;
  guint64 served_remote, served_cached, served_local, manual;
} BzIntegrationCounts;

/**
 * bz_integrations_foreach_counts:
 * @func: called once per registered provider, in registration order
 *
 * Reads every provider's counters (each under its own lock, as
 * bz_integrations_health() does); @func must not call back into the registry.
 * No authorization: the caller (the /metrics handler) decides who reads.
 */
void         bz_integrations_foreach_counts (BzServices *self,
                                             void (*func) (const BzIntegrationCounts *counts, gpointer user_data),
                                             gpointer user_data);

/**
 * bz_integrations_health:
 * @caller: a nutritionist or an admin
 * @error: BZ_ERROR_FORBIDDEN for a patient
 *
 * Returns: (transfer full): an IntegrationHealth record
 *   (bz-integration-resources.h): every provider's state, breaker, last
 *   check, error rate and quota, and each webhook provider's deliveries.
 */
BzRecord    *bz_integrations_health (BzServices *self, const BzCaller *caller, GError **error);

/**
 * bz_integrations_sign_webhook:
 * @secret: the provider's secret
 * @timestamp_s: the time of signing, s since the epoch
 * @body: the raw body
 *
 * Returns: (transfer full): the %BZ_WEBHOOK_SIGNATURE_HEADER value
 *   "t=<timestamp_s>,v1=<hex of HMAC-SHA256 (secret, "<timestamp_s>.<body>")>".
 */
char        *bz_integrations_sign_webhook (const char *secret, gint64 timestamp_s, GBytes *body);

typedef struct _BzWebhookDelivery BzWebhookDelivery;
void         bz_webhook_delivery_free (BzWebhookDelivery *delivery);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzWebhookDelivery, bz_webhook_delivery_free)

/**
 * bz_integrations_verify_webhook:
 * @provider: the {provider} of the path
 * @signature: (nullable): the %BZ_WEBHOOK_SIGNATURE_HEADER header
 * @body: the raw body, as received (at most %BZ_WEBHOOK_BODY_MAX bytes)
 * @error: BZ_ERROR_NOT_FOUND for a provider with no secret;
 *   BZ_ERROR_UNAUTHENTICATED for a missing or wrong signature or a timestamp
 *   more than %BZ_WEBHOOK_TOLERANCE_S from now (bz_jobs_now_ms())
 *
 * Checks a delivery before anything reads it: the secret's HMAC-SHA256 over
 * "timestamp.rawbody" (libsodium crypto_auth_hmacsha256) compared in
 * constant time (sodium_memcmp) with each v1 of the header, so a provider
 * rotating its secret may sign with both (Stripe's scheme,
 * https://docs.stripe.com/webhooks#verify-manually).  Nothing is stored.
 *
 * Returns: (transfer full): the verified delivery, for
 *   bz_integrations_accept_webhook(); %NULL with @error.
 */
BzWebhookDelivery *bz_integrations_verify_webhook (BzServices *self, const char *provider, const char *signature,
                                                   GBytes *body, GError **error);

/**
 * bz_integrations_accept_webhook:
 * @delivery: a verified delivery
 * @event: its body, parsed
 * @error: BZ_ERROR_VALIDATION when @event has no string "id" (1-200
 *   characters) or "type" (1-100); as the store otherwise
 *
 * Stores the delivery and queues its processing, in one transaction; a
 * delivery id already stored for the provider stores and queues nothing.
 *
 * Returns: (transfer full): a WebhookReceipt record (duplicate true for a replay).
 */
BzRecord    *bz_integrations_accept_webhook (BzServices *self, BzWebhookDelivery *delivery, JsonObject *event,
                                             GError **error);

/**
 * bz_integrations_test_webhook:
 * @caller: a nutritionist or an admin
 * @body: {service, event} (seed 003 line 343)
 * @error: BZ_ERROR_FORBIDDEN for a patient; BZ_ERROR_VALIDATION; BZ_ERROR_NOT_FOUND
 *   for a service without a webhook secret
 *
 * Sends a test delivery {id: "test_<uuid>", type: event, data: {test: true}}
 * through the whole path: signed with the service's secret, verified,
 * stored and processed as any delivery.
 *
 * Returns: (transfer full): its WebhookReceipt.
 */
BzRecord    *bz_integrations_test_webhook (BzServices *self, const BzCaller *caller, JsonObject *body, GError **error);

/**
 * BzWebhookProcessor:
 * @store: the store, on the jobs' worker thread, inside the job's
 *   transaction (a savepoint: a failure's writes are undone)
 * @provider: who sent it
 * @event_type: the event's type
 * @event: the event's body
 * @error: any error: the attempt failed (retried, then parked)
 *
 * Does what a provider's event means.  Idempotent (delivery is at least once).
 *
 * Returns: %TRUE when done.
 */
typedef gboolean (*BzWebhookProcessor) (BzStore *store, const char *provider, const char *event_type,
                                        JsonObject *event, GCancellable *cancellable, gpointer user_data,
                                        GError **error);

/**
 * bz_integrations_set_webhook_processor:
 * @func: (nullable): the processor of @provider's events; %NULL: the default,
 *   which logs the event (seed 003: "Log all webhook events") and is done
 *
 * Process-wide; thread-safe.
 */
void         bz_integrations_set_webhook_processor (const char *provider, BzWebhookProcessor func, gpointer user_data);

/** bz_integrations_register_jobs: registers %BZ_INTEGRATION_WEBHOOK_JOB's handler with @runner. */
void         bz_integrations_register_jobs (BzJobRunner *runner);

/* --- Diet plans (seed 000 story 4.2; bz-integration-diet.c) ---------------------- */

/**
 * bz_integrations_generate_diet_plan:
 * @caller: a nutritionist (for one of own patients) or a member (for self)
 * @input: a DietPlanRequest object (bz-diet-plan-resources.h)
 * @error: %BZ_ERROR_UNAUTHENTICATED; %BZ_ERROR_FORBIDDEN (an admin);
 *   %BZ_ERROR_VALIDATION with field details (types, days 1-14, mealsPerDay
 *   3-6, planDate today to 30 days ahead, list entries; a nutritionist
 *   without patientId; detail "recipes"/"unsatisfiable" when the catalogue,
 *   after the restrictions, cannot give every meal a recipe within the
 *   twice-a-week rule: bz_diet_plan_check()); %BZ_ERROR_NOT_FOUND (not the
 *   caller's patient); %BZ_ERROR_CONFLICT (no body scan yet, no
 *   nutritionist); %BZ_ERROR_UPSTREAM (the provider's plan breaks a
 *   restriction or rule: nothing stored); %BZ_ERROR_UNAVAILABLE (no answer)
 *
 * Plans the patient's days with the diet planning provider through its
 * #BzResilient ("diet_planning"/"local": bz-diet-planner.h's mixed-integer
 * program): the targets of the latest scan (bz_daily_targets()), the
 * patient's allergies and food restrictions with the request's (an
 * allergen excludes its recipes; a dietary preference word sets the
 * preference; any other word is an excluded food), the dietary preference
 * (the request's, else the patient's, else omnivore), the published
 * catalogue; a caloriesTarget replaces the scan's energy target and scales
 * the macronutrient targets with it (their shares of the energy kept).  The answer is checked (every recipe allowed and of its meal's
 * type, servings in halves, 1-2 recipes a meal, twice a week at most), then
 * stored as a meal plan with creation_method auto_generated, finalized in
 * the same transaction: its activation job makes it the patient's one
 * active plan on planDate (bz-meal-plan-service.h's lifecycle).  Days the
 * catalogue cannot bring within tolerance are stored and reported, not
 * refused.  Blocking: call on a worker thread.
 *
 * Returns: (transfer full): a DietPlanResult record; %NULL with @error
 *   (nothing stored).
 */
BzRecord    *bz_integrations_generate_diet_plan (BzServices *self, const BzCaller *caller, JsonObject *input,
                                                 GError **error);

/**
 * bz_integrations_generate_diet_plan_async:
 * @input: (transfer none): as bz_integrations_generate_diet_plan() takes it; referenced until done
 * @cancellable: (nullable): checked before and after the work
 * @callback: called on the caller's thread-default main context
 *
 * Runs bz_integrations_generate_diet_plan() on a worker thread (the desk).
 */
void         bz_integrations_generate_diet_plan_async (BzServices *svc, const BzCaller *caller, JsonObject *input,
                                                       GCancellable *cancellable, GAsyncReadyCallback callback,
                                                       gpointer user_data);
/**
 * bz_integrations_generate_diet_plan_finish:
 * @error: %G_IO_ERROR_CANCELLED, %BZ_ERROR_UNAUTHENTICATED, or what the call sets
 * Returns: (transfer full) (nullable): the DietPlanResult record, or %NULL with @error.
 */
BzRecord    *bz_integrations_generate_diet_plan_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_integrations_health_async:
 * Runs bz_integrations_health() on a worker thread (the desk's status).
 */
void         bz_integrations_health_async (BzServices *svc, const BzCaller *caller, GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer user_data);
/**
 * bz_integrations_health_finish:
 * Returns: (transfer full) (nullable): the IntegrationHealth record, or %NULL with @error.
 */
BzRecord    *bz_integrations_health_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_nutrition_library:
 * @caller: any signed-in user (%BZ_ERROR_UNAUTHENTICATED otherwise)
 *
 * Returns: (transfer full): a NutritionLibrary record: the dietary
 *   preferences, allergens and dietary tags (labels translated), the meals
 *   of a day for 3-6 meals, the longest plan, the recipes stored.
 */
BzRecord    *bz_nutrition_library (BzServices *self, const BzCaller *caller, GError **error);

/* --- Meal detection, label reading and chat through an OpenAI-compatible
 *     server (seed 000 story 4.3, seed 002 §4.7; bz-integration-detect.c) --- */

/** BZ_DETECTION_KIND: the service kind of meal detection in the registry and health. */
#define BZ_DETECTION_KIND "meal_detection"
/** BZ_LABEL_KIND: the kind of nutrition-label reading. */
#define BZ_LABEL_KIND "label_reading"
/** BZ_CHAT_KIND: the kind of the assistant's chat. */
#define BZ_CHAT_KIND "chat"
/** BZ_INTEGRATIONS_CONFIG_FILE: balanzad's integrations key file in its data
 * directory (docs/integrations.md); absent: no remote provider. */
#define BZ_INTEGRATIONS_CONFIG_FILE "integrations.conf"

/**
 * bz_integrations_use_openai:
 * @settings: the server, model, key and prices (copied)
 * @config: (nullable): the wrappers' settings (%NULL: bz_resilient_config_init());
 *   its monthly_cost is replaced by @settings' monthly_budget_mxn
 * @clock: (nullable): the wrappers' clock (tests); %NULL: the real one
 * @error: G_KEY_FILE_ERROR_INVALID_VALUE when @settings has no http(s) URL or no model
 *
 * Makes an `openai` provider (bz-openai-provider.h) the meal detector, the
 * label reader and the chat provider of @self, each behind its own
 * #BzResilient ("meal_detection"/"label_reading"/"chat" + "openai") that
 * validates every answer (bz-provider-schemas.h), counts each call's cost
 * from its usage tokens against the one monthly budget, and shows in
 * GET /api/integrations/health.  Called again (other settings), the new
 * provider and wrappers take the place of the earlier ones
 * (bz_integrations_register()); a call in flight finishes with those it began
 * with.  Undone by bz_integrations_drop_openai().
 *
 * Returns: %TRUE when configured.
 */
gboolean     bz_integrations_use_openai (BzServices *self, const BzOpenAISettings *settings,
                                         const BzResilientConfig *config, const BzResilientClock *clock,
                                         GError **error);

/**
 * bz_integrations_load_config:
 * @file: a key file: group [openai] (bz_openai_settings_load()) and,
 *   optionally, [integration openai]: the resilience settings of its three
 *   kinds (bz_resilient_config_load(); monthly_cost is the [openai] budget);
 *   group [smtp] (bz_smtp_settings_load()) and, optionally,
 *   [integration smtp]: the mail provider (bz_integrations_use_smtp());
 *   group [scan3d] and, optionally, [integration scan3d]: the remote
 *   3D-scanning service (bz_integrations_use_scan3d_http())
 * @error: as those two
 *
 * balanzad's configuration of its remote providers.  A file without an
 * [openai] or [smtp] group configures nothing of that provider and succeeds.
 *
 * Returns: %TRUE on success.
 */
gboolean     bz_integrations_load_config (BzServices *self, GKeyFile *file, GError **error);

/* --- Mail through an SMTP server (issue 9: password-reset codes;
 *     bz-integration-mail.c) --- */

/** BZ_MAIL_KIND: the service kind of e-mail in the registry and health. */
#define BZ_MAIL_KIND "mail"

/**
 * bz_integrations_use_smtp:
 * @settings: the server, sender and credentials (copied)
 * @config: (nullable): the wrapper's settings (%NULL: bz_resilient_config_init())
 * @clock: (nullable): the wrapper's clock (tests); %NULL: the real one
 * @error: G_KEY_FILE_ERROR_INVALID_VALUE when @settings has no host or from
 *
 * Makes an `smtp` provider (bz-mail-provider.h) the mail provider of @self,
 * behind its #BzResilient ("mail" + "smtp": deadline, retries of retryable
 * failures only, breaker; no cache, no local fallback), shown in
 * GET /api/integrations/health.  Call once, before serving.
 *
 * Returns: %TRUE when configured.
 */
gboolean     bz_integrations_use_smtp (BzServices *self, const BzSmtpSettings *settings,
                                       const BzResilientConfig *config, const BzResilientClock *clock,
                                       GError **error);

/**
 * bz_integrations_has_mailer:
 * Returns: whether a mail provider is configured.
 */
gboolean     bz_integrations_has_mailer (BzServices *self);

/**
 * bz_integrations_send_mail:
 * @to: one address
 * @subject: UTF-8, one line
 * @text: the UTF-8 plain-text body
 * @error: %BZ_INTEGRATION_ERROR (MANUAL_ENTRY when no provider is configured
 *   or the breaker is open; the provider's error otherwise), or
 *   G_IO_ERROR_CANCELLED
 *
 * Sends one message through the mail provider's #BzResilient.  Blocking:
 * call it on a worker thread.  Nothing of the message is logged here.
 *
 * Returns: %TRUE when the server accepted the message.
 */
gboolean     bz_integrations_send_mail (BzServices *self, const char *to, const char *subject, const char *text,
                                        GError **error);

/**
 * bz_integrations_drop_openai:
 *
 * Undoes bz_integrations_use_openai(): its three wrappers are unregistered
 * (bz_integrations_unregister()) and the provider let go (a call in flight
 * keeps its own reference).  Meal detection goes back to manual entry with
 * the local proposals, label photos to 503 (type the values in), the chat to
 * the embedded answerer.  Nothing configured: nothing done.  A test that
 * configured a provider on shared services calls it when done, so that no
 * later test sees it.
 */
void         bz_integrations_drop_openai (BzServices *self);

/**
 * bz_integrations_dup_openai:
 * Returns: (transfer full) (nullable): the `openai` provider of the last
 *   bz_integrations_use_openai(), or %NULL when none is configured (or it
 *   was dropped); the caller's reference keeps it through its call.
 */
BzOpenAIProvider *bz_integrations_dup_openai (BzServices *self);

/**
 * bz_integrations_has_detector:
 * Returns: whether a meal-detection service is configured.
 */
gboolean     bz_integrations_has_detector (BzServices *self);

/**
 * bz_integrations_detect_photo:
 * @image: (nullable): a checked photo (BzPhoto's display copy: upright, no
 *   EXIF); %NULL: manual entry
 * @meal_type: a bz_vocab_meal_type id, told to the service
 * @locale: "es-MX" or "en": the language of the names
 *
 * Sends the photo through the meal detector's #BzResilient (cache key: the
 * photo's SHA-256, the meal type and the locale; no local detector yet:
 * after the cache, manual entry), then matches each food to USDA SR28 with
 * the food search (bz_foods_find(): the service's English "search" words,
 * else its name; the best match) and computes its nutrients from SR28 for
 * its grams (bz_nutrients_add_scaled()); a food without a match keeps the
 * service's estimate.  Nothing is stored.  Blocking (a worker thread).
 * Never fails: every failure is a detection with status
 * manual_entry_required and a message (seed 000 story 4.3 AC 7).
 *
 * Returns: (transfer full): a MealDetection record.
 */
BzRecord    *bz_integrations_detect_photo (BzServices *self, GBytes *image, const char *meal_type, const char *locale);

/**
 * bz_integrations_detect_photo_later:
 * @out_later: (out) (optional): %TRUE when the detection is manual entry
 *   because the service could not be asked now and may answer later: it was
 *   not called (its breaker is open, its monthly quota or Balanza's rate
 *   limit is used up) or its last attempt failed with a retryable error
 *   (bz_integration_error_is_retryable(): a time-out, 429, 5xx, no
 *   connection).  %FALSE after an answer, a non-retryable failure (a
 *   malformed or schema-breaking answer, refused credentials) or with no
 *   service configured.
 *
 * bz_integrations_detect_photo(), telling whether to try again later
 * (bz-meal-detection.h queues a job for it).
 *
 * Returns: (transfer full): a MealDetection record.
 */
BzRecord    *bz_integrations_detect_photo_later (BzServices *self, GBytes *image, const char *meal_type,
                                                 const char *locale, gboolean *out_later);

/**
 * bz_integrations_detect_meal:
 * @caller: any signed-in user
 * @image: the upload
 * @meal_type: breakfast, lunch, dinner, snack (or their Spanish names)
 * @locale: (nullable): "es-MX" (default) or "en"
 * @error: %BZ_ERROR_UNAUTHENTICATED; %BZ_ERROR_VALIDATION (image required or
 *   not a photo, meal_type, locale); %BZ_ERROR_PAYLOAD_TOO_LARGE (bz_photo_prepare())
 *
 * POST /api/integrations/meal-detection (seed 000 story 4.3 AC 1): the
 * photo checked and reduced as an upload is (bz_photo_prepare()), then
 * bz_integrations_detect_photo().  With no service configured, a member
 * caller gets the local detector's proposals of earlier meals
 * (bz_meal_detection_propose(), at the current time of day); a
 * nutritionist (no patient named here) gets none.  Nothing is stored.
 *
 * Returns: (transfer full): a MealDetection record, or %NULL with @error.
 */
BzRecord    *bz_integrations_detect_meal (BzServices *self, const BzCaller *caller, GBytes *image,
                                          const char *meal_type, const char *locale, GError **error);

/**
 * bz_integrations_detect_meal_image:
 * @image: (nullable): the upload, or %NULL with @image_id
 * @image_id: (nullable): instead of @image, a photo @caller stored with
 *   POST /api/upload/meal-images (bz_meal_images_upload()): its display
 *   copy is analysed, nothing is decoded again
 * @error: as bz_integrations_detect_meal(); %BZ_ERROR_VALIDATION
 *   "image_id" "conflict" with both; %BZ_ERROR_NOT_FOUND (detail
 *   "image_id") for a photo @caller did not upload
 *
 * bz_integrations_detect_meal() for a photo sent now or stored ahead.
 *
 * Returns: (transfer full): a MealDetection record, or %NULL with @error.
 */
BzRecord    *bz_integrations_detect_meal_image (BzServices *self, const BzCaller *caller, GBytes *image,
                                                const char *image_id, const char *meal_type, const char *locale,
                                                GError **error);
/* --- 3D scanning (seed 000 story 4.4; bz-integration-scan3d.c) ------------------- */

/** BZ_SCAN3D_KIND: the service kind of 3D scanning (avatars) in the registry and health. */
#define BZ_SCAN3D_KIND "3d_scanning"
/** BZ_SCAN3D_KEY_ENV: the remote 3D-scanning service's API key when [scan3d] has no api_key_file. */
#define BZ_SCAN3D_KEY_ENV "BALANZA_SCAN3D_API_KEY"

/**
 * bz_integrations_use_scan3d_http:
 * @base_url: the clinic's 3D-scanning service, http(s), without a trailing path
 * @api_key: (nullable): sent as a bearer token; never logged
 * @config: (nullable): the wrapper's settings (%NULL: bz_resilient_config_init());
 *   give cache_entries 0: an avatar belongs to its measurements
 * @clock: (nullable): the wrapper's clock (tests); %NULL: the real one
 * @error: G_KEY_FILE_ERROR_INVALID_VALUE when @base_url is not an http(s) URL
 *
 * Makes the `http` provider (bz-http-provider.h: POST <base>/3d-scan, the
 * body measurements in, a GLB out) the remote avatar maker of @self,
 * behind its #BzResilient ("3d_scanning"/"http") whose validator is
 * bz_integrations_check_avatar_answer(), shown in GET
 * /api/integrations/health.  From then on every avatar (POST
 * /api/scans/upload, POST /api/integrations/3d-scan, a rectified scan, an
 * import) is asked of it first; the embedded body model is the fallback.
 * Call once, before serving.
 *
 * Returns: %TRUE when configured.
 */
gboolean     bz_integrations_use_scan3d_http (BzServices *self, const char *base_url, const char *api_key,
                                              const BzResilientConfig *config, const BzResilientClock *clock,
                                              GError **error);

/**
 * bz_integrations_check_avatar_answer:
 * @answer: an avatar as the fallback chain passes it: {"glb": base64}
 * @error: G_IO_ERROR_INVALID_DATA (or bz_gltf_read_glb()'s) saying what is wrong
 *
 * The avatar's check before anything stores it (seed 000 story 4.4
 * criterion 7: "avatar file integrity and format compliance"): 1 byte to
 * %BZ_AVATAR_GLB_MAX_BYTES, a binary glTF 2.0 that bz_gltf_read_glb() reads
 * (header, JSON and BIN chunks, accessors and buffer views in bounds), with
 * at least one triangle.
 *
 * Returns: %TRUE when the avatar may be stored.
 */
gboolean     bz_integrations_check_avatar_answer (JsonNode *answer, GError **error);

/**
 * bz_integrations_make_avatar:
 * @m: body measurements (cm, kg, %)
 * @info: (out): vertex and triangle counts, and the provider and source
 * @error: BZ_ERROR_UPSTREAM when no step of the chain made an avatar; the
 *   embedded provider's errors when no remote service is configured
 *
 * The avatar of @m: with a remote 3D-scanning service configured
 * (bz_integrations_use_scan3d_http()), through its wrapper (deadline,
 * retries of retryable failures, breaker, validation) with the embedded
 * body model as the fallback; otherwise the embedded body model.  Blocking
 * (network, CPU): call on a worker thread, outside any write transaction.
 *
 * Returns: (transfer full): the GLB, checked; %NULL with @error.
 */
GBytes      *bz_integrations_make_avatar (BzServices *self, const BzBodyMeasurements *m, BzAvatarInfo *info,
                                          GError **error);

/**
 * bz_integrations_scan_3d:
 * @caller: a nutritionist (for one of own patients) or a member (for self)
 * @input: the scan upload's body (bz_scans_add(): patient_id, measured_at,
 *   sex, age, height_cm, weight_kg, body_fat_percent, skeletal_muscle_mass_kg,
 *   circumferences_cm, bioimpedance)
 * @error: as bz_scans_add(): %BZ_ERROR_UNAUTHENTICATED, %BZ_ERROR_VALIDATION
 *   (details per field), %BZ_ERROR_NOT_FOUND (not the caller's patient),
 *   %BZ_ERROR_UPSTREAM (no avatar)
 *
 * POST /api/integrations/3d-scan: the measurements go to the 3D-scanning
 * service (bz_integrations_make_avatar()), and the scan and its avatar are
 * stored as bz_scans_add() stores them (one transaction; nothing on a
 * refusal).  The avatar's URL and version are the patient's latest in GET
 * /api/v1/users/me.
 *
 * Returns: (transfer full): a Scan3dResult record (bz-scan3d-resources.h);
 *   %NULL with @error.
 */
BzRecord    *bz_integrations_scan_3d (BzServices *self, const BzCaller *caller, JsonObject *input, GError **error);

G_END_DECLS
