/* test-inbox.c — the nutritionist's inbox at the desk (issue 10; suite
 * 'gui').  Over the demo clinic, the nutritionist signs in at the desk; the
 * demo member signs in over the desk's own HTTP API (as a phone does), opens
 * a WebSocket on /ws and writes to their nutritionist; the envelope's badge
 * counts it; the inbox shows it; the nutritionist answers from the inbox's
 * reply field, and the member's WebSocket receives exactly that answer as
 * message:new.  Pictures: tests/gui/test-inbox-*.png in the build dir; with
 * $BALANZA_SCREENSHOT_DIR also inbox.png. */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <libsoup/soup.h>

#include "bz-inbox.h"
#include "bz-realtime-client.h"
#include "bz-realtime.h"
#include "bz-runtime.h"
#include "bz-window.h"
#include "bz-gui-test.h"
#include "bz-test-util.h"

#define DEMO_EMAIL     "demo@balanza.local"
#define DEMO_PASSWORD  "Demo-2026!"
#define MEMBER_EMAIL   "paciente01@balanza.local"

static GtkWidget *
find_type (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);
      if (found)
        return found;
    }
  return NULL;
}

static GtkLabel *
find_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_label (c, text);
      if (found)
        return found;
    }
  return NULL;
}

/* A JSON call on the desk's API; returns the envelope's data (transfer full). */
static JsonObject *
call (SoupSession *session, const char *base, const char *method, const char *path, const char *token,
      const char *body, guint expect)
{
  g_autofree char *url = g_strconcat (base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  if (token)
    {
      g_autofree char *h = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", h);
    }
  if (body)
    {
      g_autoptr(GBytes) b = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, "application/json", b);
    }
  reply = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  if (soup_message_get_status (msg) != expect)
    g_error ("%s %s: %u %.*s", method, path, soup_message_get_status (msg), (int) g_bytes_get_size (reply),
             (const char *) g_bytes_get_data (reply, NULL));
  root = json_from_string (g_bytes_get_data (reply, NULL), &error);
  g_assert_no_error (error);
  return json_object_ref (json_object_get_object_member (json_node_get_object (root), "data"));
}

static void
shoot (GtkWidget *window, const char *build_name, const char *docs_name)
{
  g_autoptr(GdkTexture) shot = NULL;
  bz_gui_test_settle (400);
  shot = bz_gui_test_screenshot (window);
  bz_gui_test_save_png (shot, build_name, docs_name);
}

static void
test_inbox (void)
{
  BzGuiDesk desk = { 0 };
  g_autoptr(SoupSession) http = soup_session_new ();
  g_autoptr(JsonObject) login = NULL, convs = NULL, sent = NULL;
  g_autoptr(BzRealtimeClient) ws = NULL;
  g_autoptr(JsonNode) frame = NULL;
  g_autofree char *base = NULL, *ws_url = NULL, *token = NULL, *conversation = NULL, *send_path = NULL;
  const char *question = "Hola doctora, ¿puedo cambiar la cena del martes? <b>no es negrita</b>";
  const char *answer = "Claro: cambia la cena por la del jueves, mismas porciones.";
  BzInboxButton *button;
  BzInbox *inbox;
  JsonObject *data;
  guint before;

  bz_gui_desk_start (&desk, "inbox", FALSE, 1280, 900);
  bz_gui_desk_sign_in (&desk, DEMO_EMAIL, DEMO_PASSWORD, "patients");
  button = BZ_INBOX_BUTTON (find_type (GTK_WIDGET (desk.window), BZ_TYPE_INBOX_BUTTON));
  g_assert_nonnull (button);
  bz_gui_test_settle (500);
  before = bz_inbox_button_get_count (button);

  /* The member, as a phone: sign in, open a WebSocket, write. */
  base = g_strdup_printf ("http://127.0.0.1:%u", bz_runtime_get_port (desk.runtime));
  login = call (http, base, "POST", "/api/auth/login", NULL,
                "{\"email\":\"" MEMBER_EMAIL "\",\"password\":\"" DEMO_PASSWORD "\"}", 200);
  token = g_strdup (json_object_get_string_member (login, "access_token"));
  ws_url = g_strdup_printf ("ws://127.0.0.1:%u/ws?token=%s", bz_runtime_get_port (desk.runtime), token);
  ws = bz_realtime_client_connect (http, ws_url, NULL, NULL);
  g_assert_nonnull (ws);
  convs = call (http, base, "GET", "/api/v1/messages/conversations", token, NULL, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (convs, "conversations")), ==, 1);
  conversation = g_strdup (json_object_get_string_member (
      json_array_get_object_element (json_object_get_array_member (convs, "conversations"), 0), "id"));
  send_path = g_strdup_printf ("/api/v1/messages/conversations/%s/messages", conversation);
  {
    g_autofree char *body = g_strdup_printf ("{\"message\":\"%s\"}", question);
    sent = call (http, base, "POST", send_path, token, body, 201);
  }

  /* The desk: the badge counts it; the inbox shows it, as plain text. */
  WAIT_FOR (bz_inbox_button_get_count (button) == before + 1, 30, "the inbox badge");
  shoot (GTK_WIDGET (desk.window), "test-inbox-badge.png", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk.window), "win.inbox", NULL));
  inbox = BZ_INBOX (bz_window_open_inbox (desk.window));
  g_assert_nonnull (inbox);
  bz_gui_test_window = GTK_WIDGET (inbox);
  bz_inbox_open_conversation (inbox, conversation);
  WAIT_FOR (bz_inbox_get_n_messages (inbox) == 1 && !bz_inbox_is_busy (inbox), 30, "the conversation");
  WAIT_FOR (bz_inbox_button_get_count (button) == before, 30, "the badge after reading");
  {
    GtkLabel *shown = find_label (GTK_WIDGET (inbox), question);
    g_assert_nonnull (shown);   /* the text as written: "<b>" not taken as markup */
    g_assert_false (gtk_label_get_use_markup (shown));
  }

  /* The nutritionist answers from the reply field (Enter). */
  gtk_editable_set_text (bz_inbox_get_reply_entry (inbox), answer);
  bz_gui_test_activate_entry (bz_inbox_get_reply_entry (inbox));
  WAIT_FOR (bz_inbox_get_n_messages (inbox) == 2 && !bz_inbox_is_busy (inbox), 30, "the answer in the inbox");
  g_assert_cmpstr (gtk_editable_get_text (bz_inbox_get_reply_entry (inbox)), ==, "");

  /* The member's socket: exactly the answer. */
  frame = bz_realtime_client_next (ws, 10000);
  g_assert_nonnull (frame);
  g_assert_cmpstr (bz_realtime_frame_event (frame), ==, BZ_REALTIME_EVENT_MESSAGE_NEW);
  data = bz_realtime_frame_data (frame);
  g_assert_cmpstr (json_object_get_string_member (data, "message"), ==, answer);
  g_assert_cmpstr (json_object_get_string_member (data, "conversation_id"), ==, conversation);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (data, "from"), "user_type"), ==,
                   "nutritionist");
  g_assert_true (g_queue_is_empty (&ws->frames));

  shoot (GTK_WIDGET (inbox), "test-inbox.png", "inbox.png");

  /* The notifications have a page of their own, full height; with none,
   * it says so (an emptied list used to lose its placeholder). */
  {
    GtkWidget *patient = GTK_WIDGET (find_label (GTK_WIDGET (inbox), "Miguel Díaz"));
    GtkStack *pages = GTK_STACK (gtk_widget_get_ancestor (patient, GTK_TYPE_STACK));
    gtk_stack_set_visible_child_name (pages, "notifications");
    bz_gui_test_settle (300);
    {
      GtkLabel *none = find_label (GTK_WIDGET (inbox), _("No notifications"));  /* the demo's nutritionist has none */
      g_assert_nonnull (none);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (none)));
    }
    shoot (GTK_WIDGET (inbox), "test-inbox-notifications.png", "inbox-notifications.png");
  }
  gtk_window_destroy (GTK_WINDOW (inbox));
  bz_gui_test_window = NULL;
  g_clear_pointer (&ws, bz_realtime_client_free);
  bz_gui_desk_stop (&desk);
}

int
main (int argc, char **argv)
{
  if (!bz_gui_test_init (&argc, &argv))
    return 77;
  g_test_add_func ("/gui/inbox", test_inbox);
  return g_test_run ();
}
