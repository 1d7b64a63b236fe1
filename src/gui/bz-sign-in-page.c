/* bz-sign-in-page.c — email and password, checked by bz_auth_sign_in_async().
 *
 * On success the page sets the session's caller; the window follows the
 * session's "signed-in" property.  Enter in the email row moves to the
 * password; Enter in the password row signs in.
 */
#include "bz-sign-in-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bz-auth-service.h"
#include "bz-gui-util.h"

struct _BzSignInPage
{
  GtkWidget parent_instance;

  AdwEntryRow *email_row;
  AdwEntryRow *password_row;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  GtkButton *sign_in_button;
  GtkStack *button_stack;
  GtkLabel *subtitle_label;
  GtkLabel *hint_label;

  BzGuiSession *session;
  BzSignInMode mode;
  GCancellable *cancellable;
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (BzSignInPage, bz_sign_in_page, GTK_TYPE_WIDGET)

static void
show_error (BzSignInPage *self, const char *message)
{
  if (message)
    gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
  if (message)
    gtk_widget_add_css_class (GTK_WIDGET (self->password_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
}

static void
update_sensitivity (BzSignInPage *self)
{
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->email_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button),
                            !self->busy && self->session != NULL && *email && *password);
  /* not insensitive: that would take the focus away mid-typing */
  gtk_editable_set_editable (GTK_EDITABLE (self->email_row), !self->busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->password_row), !self->busy);
  gtk_stack_set_visible_child_name (self->button_stack, self->busy ? "busy" : "label");
}

static void
sign_in_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzCaller) caller = bz_auth_sign_in_finish (BZ_SERVICES (source), result, &error);
  gboolean allowed;

  if (bz_is_cancelled (error))
    return;
  self->busy = FALSE;
  update_sensitivity (self);

  if (caller == NULL)
    {
      g_autofree char *message = NULL;
      if (g_error_matches (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED))
        message = g_strdup (_("Wrong email or password."));
      else if (g_error_matches (error, BZ_ERROR, BZ_ERROR_VALIDATION))
        message = g_strdup (_("Enter a valid email address and your password."));
      else
        message = bz_error_to_user_message (error);
      show_error (self, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  allowed = self->mode == BZ_SIGN_IN_MEMBER
            ? caller->role == BZ_ROLE_PATIENT
            : caller->role == BZ_ROLE_NUTRITIONIST || caller->role == BZ_ROLE_ADMIN;
  if (!allowed)
    {
      show_error (self, self->mode == BZ_SIGN_IN_MEMBER
                        ? _("This kiosk is for members. Staff sign in at the workstation.")
                        : _("This workstation is for nutritionists. Members use the kiosk or the phone app."));
      return;
    }

  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  bz_gui_session_set_caller (self->session, g_steal_pointer (&caller));
}

static void
sign_in_clicked_cb (BzSignInPage *self)
{
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->email_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autofree char *stripped = NULL;

  if (self->busy || self->session == NULL)
    return;
  if (*email == '\0')
    {
      show_error (self, _("Enter your email address."));
      gtk_widget_grab_focus (GTK_WIDGET (self->email_row));
      return;
    }
  if (*password == '\0')
    {
      show_error (self, _("Enter your password."));
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  stripped = g_strstrip (g_strdup (email));
  self->busy = TRUE;
  update_sensitivity (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  /* the service copies the password and wipes its copy when the check ends */
  bz_auth_sign_in_async (bz_gui_session_get_services (self->session), stripped, password,
                         self->cancellable, sign_in_done, g_object_ref (self));
}

static void
email_activated_cb (BzSignInPage *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->password_row)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  else
    sign_in_clicked_cb (self);
}

static void
password_activated_cb (BzSignInPage *self)
{
  sign_in_clicked_cb (self);
}

static void
entry_changed_cb (BzSignInPage *self)
{
  update_sensitivity (self);
}

static void
bz_sign_in_page_dispose (GObject *object)
{
  BzSignInPage *self = BZ_SIGN_IN_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), BZ_TYPE_SIGN_IN_PAGE);
  /* the template's unnamed top-level box */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bz_sign_in_page_parent_class)->dispose (object);
}

static void
bz_sign_in_page_class_init (BzSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bz_sign_in_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/balanza/Balanza/ui/bz-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BzSignInPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, BzSignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, BzSignInPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, BzSignInPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, BzSignInPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, BzSignInPage, button_stack);
  gtk_widget_class_bind_template_child (widget_class, BzSignInPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BzSignInPage, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, email_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
}

static void
bz_sign_in_page_init (BzSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bz_sign_in_page_new (void)
{
  return g_object_new (BZ_TYPE_SIGN_IN_PAGE, NULL);
}

void
bz_sign_in_page_set_session (BzSignInPage *self, BzGuiSession *session)
{
  g_return_if_fail (BZ_IS_SIGN_IN_PAGE (self));
  g_set_object (&self->session, session);
  update_sensitivity (self);
}

void
bz_sign_in_page_set_mode (BzSignInPage *self, BzSignInMode mode)
{
  g_return_if_fail (BZ_IS_SIGN_IN_PAGE (self));
  self->mode = mode;
  gtk_label_set_label (self->subtitle_label,
                       mode == BZ_SIGN_IN_MEMBER
                       ? _("Sign in to see your body scan and today’s meals")
                       : _("Sign in to the clinic workstation"));
}

void
bz_sign_in_page_set_hint (BzSignInPage *self, const char *hint)
{
  g_return_if_fail (BZ_IS_SIGN_IN_PAGE (self));
  gtk_label_set_label (self->hint_label, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
}

void
bz_sign_in_page_reset (BzSignInPage *self)
{
  g_return_if_fail (BZ_IS_SIGN_IN_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  if (self->mode == BZ_SIGN_IN_MEMBER)
    gtk_editable_set_text (GTK_EDITABLE (self->email_row), "");
  show_error (self, NULL);
  self->busy = FALSE;
  update_sensitivity (self);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->email_row)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->email_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

GtkEditable *
bz_sign_in_page_get_email_entry (BzSignInPage *self)
{
  g_return_val_if_fail (BZ_IS_SIGN_IN_PAGE (self), NULL);
  return GTK_EDITABLE (self->email_row);
}

GtkEditable *
bz_sign_in_page_get_password_entry (BzSignInPage *self)
{
  g_return_val_if_fail (BZ_IS_SIGN_IN_PAGE (self), NULL);
  return GTK_EDITABLE (self->password_row);
}

const char *
bz_sign_in_page_get_error (BzSignInPage *self)
{
  g_return_val_if_fail (BZ_IS_SIGN_IN_PAGE (self), NULL);
  return gtk_revealer_get_reveal_child (self->error_revealer)
         ? gtk_label_get_label (self->error_label) : NULL;
}
