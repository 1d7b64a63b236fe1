/* bz-inbox-button.c — the envelope button with the unread badge (bz-inbox.h). */
#include "bz-inbox.h"

#include <glib/gi18n.h>

#include "bz-notification-service.h"

struct _BzInboxButton
{
  GtkButton parent_instance;

  BzGuiSession *session;
  GtkLabel *badge;
  GCancellable *cancel;
  guint watch;
  guint count;
};

G_DEFINE_FINAL_TYPE (BzInboxButton, bz_inbox_button, GTK_TYPE_BUTTON)

static void
counted (GObject *source, GAsyncResult *res, gpointer data)
{
  g_autoptr(BzInboxButton) self = data;
  g_autoptr(BzRecord) unread = NULL;
  g_autofree char *text = NULL, *tip = NULL;

  if (self->session == NULL)
    return;
  unread = bz_notifications_unread_finish (bz_gui_session_get_services (self->session), res, NULL);
  if (unread == NULL)
    return;
  self->count = (guint) (bz_record_get_int (unread, BZ_UNREAD_COUNT_NOTIFICATIONS) +
                         bz_record_get_int (unread, BZ_UNREAD_COUNT_MESSAGES));
  text = self->count > 99 ? g_strdup ("99+") : g_strdup_printf ("%u", self->count);
  gtk_label_set_text (self->badge, text);
  gtk_widget_set_visible (GTK_WIDGET (self->badge), self->count > 0);
  tip = self->count == 0 ? g_strdup (_("Inbox"))
                         : g_strdup_printf (ngettext ("Inbox: %u unread", "Inbox: %u unread", self->count), self->count);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tip);
}

static void
recount (BzInboxButton *self)
{
  g_autoptr(BzCaller) caller = NULL;
  gboolean nutritionist;

  caller = self->session ? bz_gui_session_dup_caller (self->session) : NULL;
  nutritionist = caller && caller->role == BZ_ROLE_NUTRITIONIST;
  gtk_widget_set_visible (GTK_WIDGET (self), nutritionist);
  if (!nutritionist)
    return;
  g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  self->cancel = g_cancellable_new ();
  bz_notifications_unread_async (bz_gui_session_get_services (self->session), caller, self->cancel, counted,
                                 g_object_ref (self));
}

static void
changed (const char *table, const char *row_id, gpointer data)
{
  if (g_str_equal (table, "messages") || g_str_equal (table, "notifications"))
    recount (data);
}

static void
signed_in_changed (BzInboxButton *self)
{
  recount (self);
}

void
bz_inbox_button_set_session (BzInboxButton *self, BzGuiSession *session)
{
  g_return_if_fail (BZ_IS_INBOX_BUTTON (self));

  if (self->session)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      if (self->watch)
        bz_services_unwatch (bz_gui_session_get_services (self->session), self->watch);
      self->watch = 0;
    }
  g_set_object (&self->session, session);
  if (session)
    {
      g_signal_connect_swapped (session, "notify::signed-in", G_CALLBACK (signed_in_changed), self);
      self->watch = bz_services_watch (bz_gui_session_get_services (session), NULL, changed, self, NULL);
    }
  recount (self);
}

guint
bz_inbox_button_get_count (BzInboxButton *self)
{
  g_return_val_if_fail (BZ_IS_INBOX_BUTTON (self), 0);
  return self->count;
}

static void
bz_inbox_button_dispose (GObject *object)
{
  BzInboxButton *self = BZ_INBOX_BUTTON (object);

  g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  if (self->session)
    bz_inbox_button_set_session (self, NULL);
  G_OBJECT_CLASS (bz_inbox_button_parent_class)->dispose (object);
}

static void
bz_inbox_button_class_init (BzInboxButtonClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bz_inbox_button_dispose;
}

static void
bz_inbox_button_init (BzInboxButton *self)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("mail-unread-symbolic");

  self->badge = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->badge), "badge");
  gtk_widget_add_css_class (GTK_WIDGET (self->badge), "caption-heading");
  gtk_widget_set_halign (GTK_WIDGET (self->badge), GTK_ALIGN_END);
  gtk_widget_set_valign (GTK_WIDGET (self->badge), GTK_ALIGN_START);
  gtk_widget_set_visible (GTK_WIDGET (self->badge), FALSE);
  gtk_widget_set_can_target (GTK_WIDGET (self->badge), FALSE);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), icon);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->badge));
  gtk_button_set_child (GTK_BUTTON (self), overlay);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "win.inbox");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Inbox"));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
bz_inbox_button_new (void)
{
  return g_object_new (BZ_TYPE_INBOX_BUTTON, NULL);
}
