/* bz-inbox.h — the nutritionist's inbox (issue 10): conversations with
 * their patients and their notifications, where they read and answer.
 *
 * A window of its own (like the profile dialog), opened by win.inbox
 * (Ctrl+I) or the envelope button in the window's header bars
 * (BzInboxButton), whose badge counts what is unread.  Both follow the
 * store's change notifications ("messages", "notifications"), so a patient's
 * message sent from a phone shows while the inbox is open.  Text from users
 * is shown as plain text (no markup).  Talks to bz-message-service.h and
 * bz-notification-service.h only.
 */
#pragma once

#include <adwaita.h>

#include "bz-gui-session.h"

G_BEGIN_DECLS

#define BZ_TYPE_INBOX (bz_inbox_get_type ())
G_DECLARE_FINAL_TYPE (BzInbox, bz_inbox, BZ, INBOX, AdwWindow)

/** bz_inbox_new: Returns: (transfer floating): the inbox of @session's nutritionist, transient for @parent. */
BzInbox   *bz_inbox_new (GtkWindow *parent, BzGuiSession *session);

/**
 * bz_inbox_open_conversation:
 * @conversation_id: a patient's id (the conversation's)
 * Shows that conversation (marking it read) once the list has it.
 */
void       bz_inbox_open_conversation (BzInbox *self, const char *conversation_id);

/** bz_inbox_get_reply_entry: Returns: (transfer none): the reply field (tests, focus). */
GtkEditable *bz_inbox_get_reply_entry (BzInbox *self);

/** bz_inbox_send: sends the reply field's text to the open conversation (as the Send button). */
void       bz_inbox_send (BzInbox *self);

/** bz_inbox_is_busy: Returns: whether a load or a send is running (tests wait on it). */
gboolean   bz_inbox_is_busy (BzInbox *self);

/** bz_inbox_get_n_messages: Returns: messages shown in the open conversation (tests). */
guint      bz_inbox_get_n_messages (BzInbox *self);

#define BZ_TYPE_INBOX_BUTTON (bz_inbox_button_get_type ())
G_DECLARE_FINAL_TYPE (BzInboxButton, bz_inbox_button, BZ, INBOX_BUTTON, GtkButton)

/** bz_inbox_button_new: Returns: (transfer floating): an envelope button for win.inbox with an unread badge. */
GtkWidget *bz_inbox_button_new (void);

/**
 * bz_inbox_button_set_session:
 * @session: (nullable): whose unread messages and notifications the badge
 *   counts; the button shows only while a nutritionist is signed in
 */
void       bz_inbox_button_set_session (BzInboxButton *self, BzGuiSession *session);

/** bz_inbox_button_get_count: Returns: the count the badge shows (0: hidden). */
guint      bz_inbox_button_get_count (BzInboxButton *self);

G_END_DECLS
