/* bz-sign-in-page.h — email and password, checked by bz_auth_sign_in() on a worker. */
#pragma once

#include <gtk/gtk.h>

#include "bz-gui-session.h"

G_BEGIN_DECLS

#define BZ_TYPE_SIGN_IN_PAGE (bz_sign_in_page_get_type ())
G_DECLARE_FINAL_TYPE (BzSignInPage, bz_sign_in_page, BZ, SIGN_IN_PAGE, GtkWidget)

typedef enum
{
  BZ_SIGN_IN_STAFF,   /* the workstation: nutritionists and admins */
  BZ_SIGN_IN_MEMBER,  /* the kiosk: patients (members) */
} BzSignInMode;

GtkWidget   *bz_sign_in_page_new            (void);
/** bz_sign_in_page_set_session: @session: (nullable). */
void         bz_sign_in_page_set_session    (BzSignInPage *self, BzGuiSession *session);
void         bz_sign_in_page_set_mode       (BzSignInPage *self, BzSignInMode mode);
/** bz_sign_in_page_set_hint: @hint: (nullable): a line under the button, e.g. the demo credentials. */
void         bz_sign_in_page_set_hint       (BzSignInPage *self, const char *hint);
/** bz_sign_in_page_reset: clears the password and error, focuses the first empty entry. */
void         bz_sign_in_page_reset          (BzSignInPage *self);
/** bz_sign_in_page_get_email_entry: Returns: (transfer none): the email entry (for tests). */
GtkEditable *bz_sign_in_page_get_email_entry    (BzSignInPage *self);
/** bz_sign_in_page_get_password_entry: Returns: (transfer none): the password entry. */
GtkEditable *bz_sign_in_page_get_password_entry (BzSignInPage *self);
/** bz_sign_in_page_get_error: Returns: (transfer none) (nullable): the error shown, if any. */
const char  *bz_sign_in_page_get_error      (BzSignInPage *self);

G_END_DECLS
