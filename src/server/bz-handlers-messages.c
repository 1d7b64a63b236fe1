/* bz-handlers-messages.c — /api/v1/messages/conversations… (issue 10;
 * bz-message-service.h): parse, call the service, answer.  Seed 002 names
 * no REST route for messages: these are Balanza's, documented in
 * /api/openapi.json. */
#include "bz-router.h"

#include "bz-message-service.h"

static BzResponse *
answer (BzRecord *data, guint status)
{
  return data ? bz_response_record (status, data) : NULL;
}

static const char *
conversation_of (BzRequest *req)
{
  return bz_request_param (req, "conversation_id");
}

static BzResponse *
conversations (BzServices *svc, BzRequest *req, GError **error)
{
  return answer (bz_messages_list_conversations (svc, req->caller, error), 200);
}

static BzResponse *
list (BzServices *svc, BzRequest *req, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  guint page = bz_request_query_uint (req, "page", 1, 1, G_MAXINT32, &v);
  guint limit = bz_request_query_uint (req, "limit", BZ_LIST_LIMIT_DEFAULT, 1, BZ_LIST_LIMIT_MAX, &v);

  if (!bz_validation_finish (&v, error))
    return NULL;
  return answer (bz_messages_list (svc, req->caller, conversation_of (req), page, limit, error), 200);
}

static BzResponse *
send (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  if (body == NULL)
    return NULL;
  return answer (bz_messages_send (svc, req->caller, conversation_of (req), body, error), 201);
}

static BzResponse *
mark_read (BzServices *svc, BzRequest *req, GError **error)
{
  return answer (bz_messages_mark_read (svc, req->caller, conversation_of (req), error), 200);
}

#define CONV "/api/v1/messages/conversations"

const BzRoute bz_message_routes[] = {
  { "GET", CONV, conversations, 0, 0,
    "The caller's conversations: a nutritionist's, one per own patient; a patient's, the one with their nutritionist",
    .response = &bz_conversation_list_resource },
  { "GET", CONV "/{conversation_id}/messages", list, 0, 0,
    "A conversation's messages, newest first (its two parties only)",
    .response = &bz_message_list_resource, .query = &bz_message_query_resource },
  { "POST", CONV "/{conversation_id}/messages", send, 0, 0,
    "Send a message to the other party; pushed to their WebSockets as message:new",
    .request = &bz_message_input_resource, .response = &bz_message_resource },
  { "POST", CONV "/{conversation_id}/read", mark_read, 0, 0,
    "Mark every message to the caller in the conversation read", .response = &bz_messages_read_resource },
  { NULL }
};
