/* bz-instagram-resources.c — the tables of bz-instagram-resources.h. */
#include "bz-instagram-resources.h"

BZ_RESOURCE_DEFINE (bz_instagram_connect, INSTAGRAM_CONNECT, "InstagramConnect",
                    "Start connecting an Instagram account (seed 002 5.2.4)", BZ_INSTAGRAM_CONNECT_FIELDS)
BZ_RESOURCE_DEFINE (bz_instagram_authorization, INSTAGRAM_AUTHORIZATION, "InstagramAuthorization",
                    "Where to send the member to authorize Balanza", BZ_INSTAGRAM_AUTHORIZATION_FIELDS)
BZ_RESOURCE_DEFINE (bz_instagram_callback_query, INSTAGRAM_CALLBACK_QUERY, "InstagramCallbackQuery",
                    "Query of GET /integrations/instagram/callback", BZ_INSTAGRAM_CALLBACK_QUERY_FIELDS)
BZ_RESOURCE_DEFINE (bz_instagram_connection, INSTAGRAM_CONNECTION, "InstagramConnection",
                    "A member's Instagram connection, without its token", BZ_INSTAGRAM_CONNECTION_FIELDS)
BZ_RESOURCE_DEFINE (bz_instagram_share_state, INSTAGRAM_SHARE_STATE, "InstagramShareState",
                    "A share of a post to Instagram and its outcome", BZ_INSTAGRAM_SHARE_STATE_FIELDS)
BZ_RESOURCE_DEFINE (bz_instagram_status, INSTAGRAM_STATUS, "InstagramStatus",
                    "The caller's Instagram connection", BZ_INSTAGRAM_STATUS_FIELDS)
BZ_RESOURCE_DEFINE (bz_instagram_share, INSTAGRAM_SHARE, "InstagramShare",
                    "Share a community post to Instagram", BZ_INSTAGRAM_SHARE_FIELDS)
BZ_RESOURCE_DEFINE (bz_instagram_share_job, INSTAGRAM_SHARE_JOB, "InstagramShareJob",
                    "A queued share", BZ_INSTAGRAM_SHARE_JOB_FIELDS)
