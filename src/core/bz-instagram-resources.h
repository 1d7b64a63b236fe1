/* bz-instagram-resources.h — Instagram sharing (seed 002 §5.2.4: the five
 * routes under /api/v1/integrations/instagram/) declared once
 * (bz-resource.h): the JSON and the OpenAPI schemas come from here.  The
 * rules: bz-instagram-service.h. */
#pragma once

#include "bz-limits.h"
#include "bz-resources.h"

G_BEGIN_DECLS

/* POST .../instagram/connect */
#define BZ_INSTAGRAM_CONNECT_FIELDS(F) \
  F (INSTAGRAM_CONNECT_REDIRECT_URI, .name = "redirect_uri", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 8, .max = BZ_INSTAGRAM_URI_MAX_CHARS, .description = "Where Instagram sends the member back (an http or https URL registered with the clinic's Instagram app); the callback exchanges the code with the same URI")
BZ_RESOURCE_DECLARE (bz_instagram_connect, INSTAGRAM_CONNECT, BZ_INSTAGRAM_CONNECT_FIELDS)

#define BZ_INSTAGRAM_AUTHORIZATION_FIELDS(F) \
  F (INSTAGRAM_AUTHORIZATION_URL, .name = "authorization_url", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "Instagram's authorization page, to open in a browser") \
  F (INSTAGRAM_AUTHORIZATION_STATE, .name = "state", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "Single use, bound to the caller, good for 10 minutes; Instagram sends it back to the callback")
BZ_RESOURCE_DECLARE (bz_instagram_authorization, INSTAGRAM_AUTHORIZATION, BZ_INSTAGRAM_AUTHORIZATION_FIELDS)

/* GET .../instagram/callback?code=&state= */
#define BZ_INSTAGRAM_CALLBACK_QUERY_FIELDS(F) \
  F (INSTAGRAM_CALLBACK_QUERY_CODE, .name = "code", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_INSTAGRAM_CODE_MAX_CHARS, .description = "Instagram's authorization code") \
  F (INSTAGRAM_CALLBACK_QUERY_STATE, .name = "state", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_INSTAGRAM_CODE_MAX_CHARS, .description = "The state of the connect step")
BZ_RESOURCE_DECLARE (bz_instagram_callback_query, INSTAGRAM_CALLBACK_QUERY, BZ_INSTAGRAM_CALLBACK_QUERY_FIELDS)

#define BZ_INSTAGRAM_CONNECTION_FIELDS(F) \
  F (INSTAGRAM_CONNECTION_USERNAME, .name = "instagram_username", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "instagram_username") \
  F (INSTAGRAM_CONNECTION_ACCOUNT_TYPE, .name = "account_type", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "account_type", .description = "As Instagram says: BUSINESS, MEDIA_CREATOR or PERSONAL") \
  F (INSTAGRAM_CONNECTION_CONNECTED_AT, .name = "connected_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "connected_at") \
  F (INSTAGRAM_CONNECTION_AUTO_SHARE_PROGRESS, .name = "auto_share_progress", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .column = "auto_share_progress") \
  F (INSTAGRAM_CONNECTION_AUTO_SHARE_ACHIEVEMENTS, .name = "auto_share_achievements", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .column = "auto_share_achievements") \
  F (INSTAGRAM_CONNECTION_SHARE_TO_FEED, .name = "share_to_feed", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .column = "share_to_feed") \
  F (INSTAGRAM_CONNECTION_SHARE_TO_STORIES, .name = "share_to_stories", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .column = "share_to_stories")
BZ_RESOURCE_DECLARE (bz_instagram_connection, INSTAGRAM_CONNECTION, BZ_INSTAGRAM_CONNECTION_FIELDS)

#define BZ_INSTAGRAM_SHARE_STATE_FIELDS(F) \
  F (INSTAGRAM_SHARE_STATE_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "id", .description = "The share (the job_id of POST .../instagram/share)") \
  F (INSTAGRAM_SHARE_STATE_POST_ID, .name = "post_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "source_post_id", .description = "The community post shared; null once deleted") \
  F (INSTAGRAM_SHARE_STATE_STATUS, .name = "status", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "status", .description = "publishing, published or failed") \
  F (INSTAGRAM_SHARE_STATE_MEDIA_ID, .name = "instagram_media_id", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "instagram_media_id") \
  F (INSTAGRAM_SHARE_STATE_ERROR, .name = "error_message", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "error_message", .description = "Why the last attempt failed (Instagram's status and message); null once published") \
  F (INSTAGRAM_SHARE_STATE_CREATED_AT, .name = "created_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "created_at")
BZ_RESOURCE_DECLARE (bz_instagram_share_state, INSTAGRAM_SHARE_STATE, BZ_INSTAGRAM_SHARE_STATE_FIELDS)

/* GET .../instagram/status (and the callback's answer) */
#define BZ_INSTAGRAM_STATUS_FIELDS(F) \
  F (INSTAGRAM_STATUS_CONNECTED, .name = "connected", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY) \
  F (INSTAGRAM_STATUS_CONNECTION, .name = "connection", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_instagram_connection_resource, .description = "null when not connected; never the access token") \
  F (INSTAGRAM_STATUS_LAST_SHARE, .name = "last_share", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_instagram_share_state_resource, .description = "The newest share of this connection, with its error when it failed (Balanza's addition)")
BZ_RESOURCE_DECLARE (bz_instagram_status, INSTAGRAM_STATUS, BZ_INSTAGRAM_STATUS_FIELDS)

/* POST .../instagram/share */
#define BZ_INSTAGRAM_SHARE_FIELDS(F) \
  F (INSTAGRAM_SHARE_POST_ID, .name = "post_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .description = "A community post of the caller's own, with a photo (Instagram publishes images only)") \
  F (INSTAGRAM_SHARE_TO_FEED, .name = "share_to_feed", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_WRITE_ONLY, .description = "Default: the connection's setting (true)") \
  F (INSTAGRAM_SHARE_TO_STORIES, .name = "share_to_stories", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_WRITE_ONLY, .description = "Default: the connection's setting (false); at least one of the two") \
  F (INSTAGRAM_SHARE_CUSTOM_CAPTION, .name = "custom_caption", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .max = BZ_INSTAGRAM_CAPTION_MAX_CHARS, .description = "Instead of the post's text") \
  F (INSTAGRAM_SHARE_HASHTAGS, .name = "hashtags", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_WRITE_ONLY, .max = BZ_INSTAGRAM_HASHTAGS_MAX, .description = "Instead of the connection's default hashtags; each 1-100 characters, without spaces")
BZ_RESOURCE_DECLARE (bz_instagram_share, INSTAGRAM_SHARE, BZ_INSTAGRAM_SHARE_FIELDS)

#define BZ_INSTAGRAM_SHARE_JOB_FIELDS(F) \
  F (INSTAGRAM_SHARE_JOB_ID, .name = "job_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .description = "The share; its outcome is GET .../instagram/status's last_share") \
  F (INSTAGRAM_SHARE_JOB_ESTIMATED_TIME, .name = "estimated_time_seconds", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .unit = "s", .description = "About how long until it is published (seed 002: 5)")
BZ_RESOURCE_DECLARE (bz_instagram_share_job, INSTAGRAM_SHARE_JOB, BZ_INSTAGRAM_SHARE_JOB_FIELDS)

G_END_DECLS
