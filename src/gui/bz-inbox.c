/* bz-inbox.c — the nutritionist's inbox (see bz-inbox.h).
 *
 * Left, in two pages of a stack switcher: the conversations (one per
 * patient, latest first, with their unread count) and the notifications
 * (the page's title counts the unread ones).  Right: the open conversation, oldest
 * message at the top, and the reply field.  Every label of user text is
 * plain (gtk_label_set_text: no Pango markup is parsed). */
#include "bz-inbox.h"

#include <glib/gi18n.h>

#include "bz-gui-util.h"
#include "bz-message-service.h"
#include "bz-notification-service.h"

struct _BzInbox
{
  AdwWindow parent_instance;

  BzGuiSession *session;
  GCancellable *cancel;
  guint watch;
  guint busy;
  char *open_id;          /* the conversation shown */
  char *wanted_id;        /* bz_inbox_open_conversation() before the list had it */
  guint n_messages;

  GtkListBox *conversations;
  GtkListBox *notifications;
  GtkStackPage *notifications_page;
  AdwWindowTitle *title;
  GtkListBox *messages;
  GtkScrolledWindow *messages_scroll;
  GtkEditable *reply;
  GtkWidget *send_button;
  GtkLabel *error_label;
  GtkStack *right;
};

G_DEFINE_FINAL_TYPE (BzInbox, bz_inbox, ADW_TYPE_WINDOW)

static void load_conversations (BzInbox *self);
static void load_messages (BzInbox *self);

static void
busy_changed (BzInbox *self, int delta)
{
  self->busy += delta;
  gtk_widget_set_sensitive (self->send_button, self->busy == 0 && self->open_id != NULL);
}

static void
show_error (BzInbox *self, const GError *error)
{
  g_autofree char *m = bz_error_to_user_message (error);
  gtk_label_set_text (self->error_label, m);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static GtkWidget *
plain_label (const char *text, gboolean wrap, const char *css)
{
  GtkWidget *l = gtk_label_new (NULL);
  gtk_label_set_text (GTK_LABEL (l), text ? text : "");   /* plain text, never markup */
  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_label_set_wrap (GTK_LABEL (l), wrap);
  gtk_label_set_wrap_mode (GTK_LABEL (l), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (l), wrap);
  if (!wrap)
    gtk_label_set_ellipsize (GTK_LABEL (l), PANGO_ELLIPSIZE_END);
  if (css)
    gtk_widget_add_css_class (l, css);
  return l;
}

/* --- Conversations ------------------------------------------------------------ */

static GtkWidget *
conversation_row (BzRecord *c)
{
  BzRecord *with = bz_record_get_object (c, BZ_CONVERSATION_WITH);
  gint64 unread = bz_record_get_int (c, BZ_CONVERSATION_UNREAD_COUNT);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  const char *last = bz_record_get_string (c, BZ_CONVERSATION_LAST_MESSAGE);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (text), plain_label (bz_record_get_string (with, BZ_MESSAGE_PARTY_FULL_NAME), FALSE,
                                               unread > 0 ? "heading" : NULL));
  gtk_box_append (GTK_BOX (text), plain_label (last ? last : _("No messages yet"), FALSE, "dim-label"));
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  if (unread > 0)
    {
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, unread);
      GtkWidget *badge = gtk_label_new (n);
      gtk_widget_add_css_class (badge, "badge");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), badge);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "conversation-id",
                          g_strdup (bz_record_get_string (c, BZ_CONVERSATION_ID)), g_free);
  g_object_set_data_full (G_OBJECT (row), "name",
                          g_strdup (bz_record_get_string (with, BZ_MESSAGE_PARTY_FULL_NAME)), g_free);
  return row;
}

static void
open_row (BzInbox *self, GtkListBoxRow *row)
{
  const char *id = row ? g_object_get_data (G_OBJECT (row), "conversation-id") : NULL;

  if (id == NULL)
    return;
  g_free (self->open_id);
  self->open_id = g_strdup (id);
  adw_window_title_set_subtitle (self->title, g_object_get_data (G_OBJECT (row), "name"));
  gtk_stack_set_visible_child_name (self->right, "conversation");
  load_messages (self);
}

static void
conversation_activated (GtkListBox *box, GtkListBoxRow *row, gpointer data)
{
  open_row (data, row);
}

static void
conversations_loaded (GObject *source, GAsyncResult *res, gpointer data)
{
  g_autoptr(BzInbox) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) list = bz_messages_list_conversations_finish (BZ_SERVICES (source), res, &error);

  busy_changed (self, -1);
  if (list == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }
  bz_list_box_remove_rows (self->conversations);
  for (guint i = 0; i < bz_record_get_n_items (list, BZ_CONVERSATION_LIST_CONVERSATIONS); i++)
    {
      BzRecord *c = bz_record_get_item (list, BZ_CONVERSATION_LIST_CONVERSATIONS, i);
      GtkWidget *row = conversation_row (c);
      gtk_list_box_append (self->conversations, row);
      if (g_strcmp0 (self->wanted_id, bz_record_get_string (c, BZ_CONVERSATION_ID)) == 0 ||
          (self->wanted_id == NULL && g_strcmp0 (self->open_id, bz_record_get_string (c, BZ_CONVERSATION_ID)) == 0))
        gtk_list_box_select_row (self->conversations, GTK_LIST_BOX_ROW (row));
    }
  if (self->wanted_id)
    {
      open_row (self, gtk_list_box_get_selected_row (self->conversations));
      g_clear_pointer (&self->wanted_id, g_free);
    }
}

static void
notifications_loaded (GObject *source, GAsyncResult *res, gpointer data)
{
  g_autoptr(BzInbox) self = data;
  g_autoptr(BzRecord) list = bz_notifications_list_finish (BZ_SERVICES (source), res, NULL);

  guint n_unread = 0;

  busy_changed (self, -1);
  if (list == NULL)
    return;
  bz_list_box_remove_rows (self->notifications);
  for (guint i = 0; i < bz_record_get_n_items (list, BZ_NOTIFICATION_LIST_NOTIFICATIONS); i++)
    {
      BzRecord *n = bz_record_get_item (list, BZ_NOTIFICATION_LIST_NOTIFICATIONS, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gboolean unread = bz_record_get_string (n, BZ_NOTIFICATION_READ_AT) == NULL;

      n_unread += unread;
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_box_append (GTK_BOX (box), plain_label (bz_record_get_string (n, BZ_NOTIFICATION_TITLE), FALSE,
                                                  unread ? "heading" : NULL));
      gtk_box_append (GTK_BOX (box), plain_label (bz_record_get_string (n, BZ_NOTIFICATION_BODY), TRUE, "dim-label"));
      gtk_list_box_append (self->notifications, box);
    }
  if (n_unread > 0)
    {
      /* TRANSLATORS: the inbox's notifications tab; %u is how many are unread */
      g_autofree char *title = g_strdup_printf (_("Notifications (%u)"), n_unread);
      gtk_stack_page_set_title (self->notifications_page, title);
    }
  else
    gtk_stack_page_set_title (self->notifications_page, _("Notifications"));
}

static void
load_conversations (BzInbox *self)
{
  g_autoptr(BzCaller) caller = bz_gui_session_dup_caller (self->session);
  BzServices *svc = bz_gui_session_get_services (self->session);

  if (caller == NULL)
    return;
  busy_changed (self, 2);
  bz_messages_list_conversations_async (svc, caller, self->cancel, conversations_loaded, g_object_ref (self));
  bz_notifications_list_async (svc, caller, self->cancel, notifications_loaded, g_object_ref (self));
}

/* --- The open conversation ------------------------------------------------------ */

static void
messages_loaded (GObject *source, GAsyncResult *res, gpointer data)
{
  g_autoptr(BzInbox) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) list = bz_messages_list_finish (BZ_SERVICES (source), res, &error);
  const BzCaller *me = bz_gui_session_get_caller (self->session);
  guint n;

  busy_changed (self, -1);
  if (list == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }
  bz_list_box_remove_rows (self->messages);
  n = bz_record_get_n_items (list, BZ_MESSAGE_LIST_MESSAGES);
  /* Newest first from the service; oldest at the top here. */
  for (guint i = n; i-- > 0; )
    {
      BzRecord *m = bz_record_get_item (list, BZ_MESSAGE_LIST_MESSAGES, i);
      BzRecord *from = bz_record_get_object (m, BZ_MESSAGE_FROM);
      gboolean own = me && g_strcmp0 (bz_record_get_string (from, BZ_MESSAGE_PARTY_ID), me->user_id) == 0;
      GtkWidget *bubble = plain_label (bz_record_get_string (m, BZ_MESSAGE_TEXT), TRUE, "message-bubble");
      GtkWidget *row = gtk_list_box_row_new ();

      if (own)
        gtk_widget_add_css_class (bubble, "own");
      gtk_widget_set_halign (bubble, own ? GTK_ALIGN_END : GTK_ALIGN_START);
      gtk_widget_set_margin_start (bubble, own ? 64 : 12);
      gtk_widget_set_margin_end (bubble, own ? 12 : 64);
      gtk_widget_set_margin_top (bubble, 4);
      gtk_widget_set_margin_bottom (bubble, 4);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), bubble);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->messages, row);
    }
  self->n_messages = n;
  {
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->messages_scroll);
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  }
}

static void
load_messages (BzInbox *self)
{
  g_autoptr(BzCaller) caller = bz_gui_session_dup_caller (self->session);

  if (caller == NULL || self->open_id == NULL)
    return;
  busy_changed (self, 1);
  bz_messages_list_async (bz_gui_session_get_services (self->session), caller, self->open_id, self->cancel,
                          messages_loaded, g_object_ref (self));
}

static void
sent (GObject *source, GAsyncResult *res, gpointer data)
{
  g_autoptr(BzInbox) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) m = bz_messages_send_finish (BZ_SERVICES (source), res, &error);

  busy_changed (self, -1);
  if (m == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_editable_set_text (self->reply, "");
  load_messages (self);
}

void
bz_inbox_send (BzInbox *self)
{
  g_autoptr(BzCaller) caller = NULL;
  g_autofree char *trimmed = NULL;
  const char *text;

  g_return_if_fail (BZ_IS_INBOX (self));
  text = gtk_editable_get_text (self->reply);
  trimmed = g_strstrip (g_strdup (text ? text : ""));
  caller = bz_gui_session_dup_caller (self->session);
  if (self->busy || self->open_id == NULL || caller == NULL || *trimmed == '\0')
    return;
  busy_changed (self, 1);
  bz_messages_send_async (bz_gui_session_get_services (self->session), caller, self->open_id, text,
                          self->cancel, sent, g_object_ref (self));
}

static void
send_clicked (BzInbox *self)
{
  bz_inbox_send (self);
}

/* --- Live updates ----------------------------------------------------------------- */

static void
changed (const char *table, const char *row_id, gpointer data)
{
  BzInbox *self = data;

  if (!g_str_equal (table, "messages") && !g_str_equal (table, "notifications"))
    return;
  load_conversations (self);
  if (g_str_equal (table, "messages") && self->open_id)
    load_messages (self);
}

/* --- Object ------------------------------------------------------------------------ */

static void
bz_inbox_dispose (GObject *object)
{
  BzInbox *self = BZ_INBOX (object);

  g_cancellable_cancel (self->cancel);
  if (self->watch && self->session)
    bz_services_unwatch (bz_gui_session_get_services (self->session), self->watch);
  self->watch = 0;
  g_clear_object (&self->cancel);
  g_clear_object (&self->session);
  g_clear_pointer (&self->open_id, g_free);
  g_clear_pointer (&self->wanted_id, g_free);
  G_OBJECT_CLASS (bz_inbox_parent_class)->dispose (object);
}

static void
bz_inbox_class_init (BzInboxClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bz_inbox_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* A full-height scrolled list for one page of the sidebar. */
static GtkWidget *
sidebar_list (GtkListBox **out_list)
{
  GtkWidget *scroll = gtk_scrolled_window_new ();

  *out_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (*out_list), "navigation-sidebar");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), GTK_WIDGET (*out_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroll, TRUE);
  return scroll;
}

static void
bz_inbox_init (BzInbox *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *conv = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *reply_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *empty = adw_status_page_new ();

  self->cancel = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Inbox"));
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 600);
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Inbox"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (toolbar), header);

  {
    GtkWidget *pages = gtk_stack_new ();
    GtkWidget *switcher = gtk_stack_switcher_new ();
    GtkWidget *none = gtk_label_new (_("No notifications"));

    gtk_stack_add_titled (GTK_STACK (pages), sidebar_list (&self->conversations), "patients", _("Patients"));
    self->notifications_page = gtk_stack_add_titled (GTK_STACK (pages), sidebar_list (&self->notifications),
                                                     "notifications", _("Notifications"));
    gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (pages));
    gtk_widget_set_margin_start (switcher, 12);
    gtk_widget_set_margin_end (switcher, 12);
    gtk_widget_set_margin_top (switcher, 12);
    gtk_widget_set_margin_bottom (switcher, 6);
    gtk_box_append (GTK_BOX (left), switcher);
    gtk_box_append (GTK_BOX (left), pages);
    g_signal_connect (self->conversations, "row-activated", G_CALLBACK (conversation_activated), self);
    gtk_list_box_set_selection_mode (self->notifications, GTK_SELECTION_NONE);
    gtk_widget_add_css_class (none, "dim-label");
    gtk_widget_set_margin_top (none, 24);
    gtk_widget_set_margin_bottom (none, 24);
    gtk_list_box_set_placeholder (self->notifications, none);
  }
  gtk_widget_set_size_request (left, 280, -1);
  gtk_paned_set_start_child (GTK_PANED (paned), left);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);

  self->messages = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->messages, GTK_SELECTION_NONE);
  self->messages_scroll = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_child (self->messages_scroll, GTK_WIDGET (self->messages));
  gtk_scrolled_window_set_policy (self->messages_scroll, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (GTK_WIDGET (self->messages_scroll), TRUE);
  gtk_box_append (GTK_BOX (conv), GTK_WIDGET (self->messages_scroll));
  self->error_label = GTK_LABEL (bz_form_error_label_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (conv), GTK_WIDGET (self->error_label));
  self->reply = GTK_EDITABLE (gtk_entry_new ());
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->reply), _("Write a message"));
  gtk_entry_set_max_length (GTK_ENTRY (self->reply), BZ_MESSAGE_MAX_CHARS);
  gtk_widget_set_hexpand (GTK_WIDGET (self->reply), TRUE);
  g_signal_connect_swapped (self->reply, "activate", G_CALLBACK (send_clicked), self);
  self->send_button = gtk_button_new_with_mnemonic (_("_Send"));
  gtk_widget_add_css_class (self->send_button, "suggested-action");
  g_signal_connect_swapped (self->send_button, "clicked", G_CALLBACK (send_clicked), self);
  gtk_box_append (GTK_BOX (reply_box), GTK_WIDGET (self->reply));
  gtk_box_append (GTK_BOX (reply_box), self->send_button);
  gtk_widget_set_margin_start (reply_box, 12);
  gtk_widget_set_margin_end (reply_box, 12);
  gtk_widget_set_margin_bottom (reply_box, 12);
  gtk_box_append (GTK_BOX (conv), reply_box);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "mail-unread-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Conversation Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _("Choose a patient to read and answer their messages"));
  self->right = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->right, empty, "empty");
  gtk_stack_add_named (self->right, conv, "conversation");
  gtk_widget_set_hexpand (GTK_WIDGET (self->right), TRUE);
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (self->right));
  gtk_paned_set_position (GTK_PANED (paned), 300);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (toolbar), paned);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
  busy_changed (self, 0);
}

BzInbox *
bz_inbox_new (GtkWindow *parent, BzGuiSession *session)
{
  BzInbox *self = g_object_new (BZ_TYPE_INBOX, "transient-for", parent, NULL);

  self->session = g_object_ref (session);
  self->watch = bz_services_watch (bz_gui_session_get_services (session), NULL, changed, self, NULL);
  load_conversations (self);
  return self;
}

void
bz_inbox_open_conversation (BzInbox *self, const char *conversation_id)
{
  g_return_if_fail (BZ_IS_INBOX (self));
  g_free (self->wanted_id);
  self->wanted_id = g_strdup (conversation_id);
  load_conversations (self);
}

GtkEditable *
bz_inbox_get_reply_entry (BzInbox *self)
{
  return self->reply;
}

gboolean
bz_inbox_is_busy (BzInbox *self)
{
  return self->busy > 0;
}

guint
bz_inbox_get_n_messages (BzInbox *self)
{
  return self->n_messages;
}
