/* bz-message-service.c — messages (see bz-message-service.h): parties,
 * validation and the push; SQL in bz-message-repo.c. */
#include "bz-message-service.h"

#include <glib/gi18n-lib.h>

#include "bz-message-repo.h"
#include "bz-realtime.h"
#include "bz-service-task-private.h"
#include "bz-store.h"

static gboolean
check_caller (const BzCaller *caller, GError **error)
{
  if (caller == NULL)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, _("Authentication required"));
      return FALSE;
    }
  return TRUE;
}

/* The other party of @conversation_id when the caller is one of its two;
 * NULL with NOT_FOUND otherwise (or a database error). */
static char *
other_party (BzServices *svc, const BzCaller *caller, const char *conversation_id, GError **error)
{
  g_autofree char *patient_user = NULL, *nutritionist = NULL;
  g_autoptr(GError) local = NULL;

  if (!check_caller (caller, error))
    return NULL;
  if (conversation_id && *conversation_id &&
      bz_message_repo_parties (bz_services_get_store (svc), conversation_id, &patient_user, &nutritionist, &local) &&
      nutritionist != NULL)
    {
      if (caller->role == BZ_ROLE_PATIENT && g_strcmp0 (caller->user_id, patient_user) == 0)
        return g_steal_pointer (&nutritionist);
      if (caller->role == BZ_ROLE_NUTRITIONIST && g_strcmp0 (caller->user_id, nutritionist) == 0)
        return g_steal_pointer (&patient_user);
    }
  if (local)
    g_propagate_error (error, g_steal_pointer (&local));
  else
    g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, _("Conversation not found"));
  return NULL;
}

BzRecord *
bz_messages_list_conversations (BzServices *svc, const BzCaller *caller, GError **error)
{
  g_autoptr(GPtrArray) list = NULL;
  BzRecord *out;
  gint64 unread = 0;

  if (!check_caller (caller, error))
    return NULL;
  list = bz_message_repo_conversations (bz_services_get_store (svc), caller->user_id,
                                        caller->role == BZ_ROLE_NUTRITIONIST, error);
  if (list == NULL || !bz_message_repo_unread (bz_services_get_store (svc), caller->user_id, &unread, error))
    return NULL;
  out = bz_record_new (&bz_conversation_list_resource);
  bz_record_set_empty_array (out, BZ_CONVERSATION_LIST_CONVERSATIONS);
  for (guint i = 0; i < list->len; i++)
    bz_record_append (out, BZ_CONVERSATION_LIST_CONVERSATIONS, g_object_ref (g_ptr_array_index (list, i)));
  bz_record_set_int (out, BZ_CONVERSATION_LIST_UNREAD_COUNT, unread);
  return out;
}

BzRecord *
bz_messages_list (BzServices *svc, const BzCaller *caller, const char *conversation_id,
                  guint page, guint limit, GError **error)
{
  g_autofree char *other = other_party (svc, caller, conversation_id, error);
  g_autoptr(GPtrArray) items = NULL;
  gint64 total = 0;
  BzRecord *out;

  if (other == NULL)
    return NULL;
  items = bz_message_repo_list (bz_services_get_store (svc), conversation_id, limit,
                                (gint64) (page - 1) * limit, &total, error);
  if (items == NULL)
    return NULL;
  out = bz_record_new (&bz_message_list_resource);
  bz_record_set_empty_array (out, BZ_MESSAGE_LIST_MESSAGES);
  for (guint i = 0; i < items->len; i++)
    bz_record_append (out, BZ_MESSAGE_LIST_MESSAGES, g_object_ref (g_ptr_array_index (items, i)));
  bz_record_take_object (out, BZ_MESSAGE_LIST_PAGINATION, bz_pagination_new (page, limit, total));
  return out;
}

BzRecord *
bz_messages_send (BzServices *svc, const BzCaller *caller, const char *conversation_id,
                  JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autofree char *other = other_party (svc, caller, conversation_id, error);
  g_autofree char *id = NULL, *now = NULL;
  g_autoptr(BzRecord) in = NULL, msg = NULL;
  g_autoptr(JsonNode) data = NULL;
  const char *text;
  gboolean blank = TRUE;

  if (other == NULL)
    return NULL;
  in = bz_resource_parse_closed (&bz_message_input_resource, input, NULL, &v);
  text = in ? bz_record_get_string (in, BZ_MESSAGE_INPUT_TEXT) : NULL;
  for (const char *c = text; c && *c && blank; c = g_utf8_next_char (c))
    blank = g_unichar_isspace (g_utf8_get_char (c));
  if (text && blank)
    bz_validation_add (&v, "message", "too_short", _("Write the message"));
  if (!bz_validation_finish (&v, error))
    return NULL;

  id = g_uuid_string_random ();
  now = bz_now_iso8601 ();
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_message_repo_insert (store, id, conversation_id, caller->user_id, other, text, now, error) ||
      !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  bz_store_notify (store, "messages", id);
  msg = bz_message_repo_get (store, id, error);
  if (msg == NULL)
    return NULL;
  data = bz_record_to_json_node (msg);
  bz_realtime_publish (bz_services_get_realtime (svc), (const char *const[]) { other }, 1,
                       BZ_REALTIME_EVENT_MESSAGE_NEW, data);
  return g_steal_pointer (&msg);
}

BzRecord *
bz_messages_mark_read (BzServices *svc, const BzCaller *caller, const char *conversation_id, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *other = other_party (svc, caller, conversation_id, error);
  g_autofree char *now = NULL;
  gint64 marked = 0;
  BzRecord *out;

  if (other == NULL)
    return NULL;
  now = bz_now_iso8601 ();
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_message_repo_mark_read (store, conversation_id, caller->user_id, now, &marked, error) ||
      !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  if (marked > 0)
    bz_store_notify (store, "messages", conversation_id);
  out = bz_record_new (&bz_messages_read_resource);
  bz_record_set_string (out, BZ_MESSAGES_READ_CONVERSATION_ID, conversation_id);
  bz_record_set_int (out, BZ_MESSAGES_READ_MARKED, marked);
  return out;
}

gboolean
bz_messages_typing (BzServices *svc, const BzCaller *caller, const char *conversation_id, GError **error)
{
  g_autofree char *other = other_party (svc, caller, conversation_id, error);
  g_autoptr(BzRecord) typing = NULL;
  g_autoptr(JsonNode) data = NULL;

  if (other == NULL)
    return FALSE;
  typing = bz_record_new (&bz_typing_resource);
  bz_record_set_string (typing, BZ_TYPING_CONVERSATION_ID, conversation_id);
  bz_record_set_string (typing, BZ_TYPING_USER_ID, caller->user_id);
  data = bz_record_to_json_node (typing);
  bz_realtime_publish (bz_services_get_realtime (svc), (const char *const[]) { other }, 1,
                       BZ_REALTIME_EVENT_TYPING_START, data);
  return TRUE;
}

/* --- Async ----------------------------------------------------------------- */

typedef struct
{
  char *conversation_id;
  char *text;
} Args;

static void
args_free (gpointer p)
{
  Args *a = p;
  g_free (a->conversation_id);
  g_free (a->text);
  g_free (a);
}

static Args *
args_new (const char *conversation_id, const char *text)
{
  Args *a = g_new0 (Args, 1);
  a->conversation_id = g_strdup (conversation_id);
  a->text = g_strdup (text);
  return a;
}

static gpointer
conversations_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_messages_list_conversations (svc, caller, error);
}

static gpointer
list_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  Args *a = args;
  BzRecord *list = bz_messages_list (svc, caller, a->conversation_id, 1, BZ_LIST_LIMIT_MAX, error);
  g_autoptr(BzRecord) read = list ? bz_messages_mark_read (svc, caller, a->conversation_id, NULL) : NULL;
  return list;
}

static gpointer
send_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  Args *a = args;
  g_autoptr(JsonObject) input = json_object_new ();
  json_object_set_string_member (input, "message", a->text ? a->text : "");
  return bz_messages_send (svc, caller, a->conversation_id, input, error);
}

void
bz_messages_list_conversations_async (BzServices *svc, const BzCaller *caller, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_messages_list_conversations_async, "bz-messages-conversations", caller,
                       BZ_SERVICE_TASK_NEEDS_CALLER, conversations_work, NULL, NULL, g_object_unref,
                       cancellable, callback, user_data);
}

BzRecord *
bz_messages_list_conversations_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_messages_list_conversations_async, error);
}

void
bz_messages_list_async (BzServices *svc, const BzCaller *caller, const char *conversation_id,
                        GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_messages_list_async, "bz-messages-list", caller, BZ_SERVICE_TASK_NEEDS_CALLER,
                       list_work, args_new (conversation_id, NULL), args_free, g_object_unref,
                       cancellable, callback, user_data);
}

BzRecord *
bz_messages_list_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_messages_list_async, error);
}

void
bz_messages_send_async (BzServices *svc, const BzCaller *caller, const char *conversation_id, const char *text,
                        GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_messages_send_async, "bz-messages-send", caller, BZ_SERVICE_TASK_NEEDS_CALLER,
                       send_work, args_new (conversation_id, text), args_free, g_object_unref,
                       cancellable, callback, user_data);
}

BzRecord *
bz_messages_send_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_messages_send_async, error);
}
