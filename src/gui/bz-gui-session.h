/* bz-gui-session.h — what the GUI needs to call services: the service layer and
 * the signed-in user.
 *
 * Not "BzSession": that GType is the record of the API's Session resource
 * (bz_session_resource, the tokens of a sign-in), registered in the same
 * process when a phone signs in to the embedded server. */
#pragma once

#include <glib-object.h>

#include "bz-services.h"

G_BEGIN_DECLS

#define BZ_TYPE_GUI_SESSION (bz_gui_session_get_type ())
G_DECLARE_FINAL_TYPE (BzGuiSession, bz_gui_session, BZ, GUI_SESSION, GObject)

/** bz_gui_session_new: Returns: (transfer full): a signed-out session over @services. */
BzGuiSession   *bz_gui_session_new           (BzServices *services);
/** bz_gui_session_get_services: Returns: (transfer none). Thread-safe. */
BzServices     *bz_gui_session_get_services  (BzGuiSession *self);
/** bz_gui_session_get_caller: Returns: (transfer none) (nullable): the signed-in user (GUI thread only). */
const BzCaller *bz_gui_session_get_caller    (BzGuiSession *self);
/** bz_gui_session_dup_caller: Returns: (transfer full) (nullable): a copy to hand to a worker thread. */
BzCaller       *bz_gui_session_dup_caller    (BzGuiSession *self);
/** bz_gui_session_set_caller: @caller: (transfer full) (nullable): %NULL signs out. Notifies "signed-in". */
void            bz_gui_session_set_caller    (BzGuiSession *self, BzCaller *caller);
gboolean        bz_gui_session_get_signed_in (BzGuiSession *self);

/** bz_error_to_user_message: Returns: (transfer full): a translated sentence for @error. */
char     *bz_error_to_user_message (const GError *error);

/**
 * bz_photo_too_large_message:
 *
 * The message for a photo above %BZ_PHOTO_MAX_BYTES, with the limit in MB
 * (of 2^20 bytes) read from bz-limits.h.
 *
 * Returns: (transfer full): the translated message.
 */
char     *bz_photo_too_large_message (void);

G_END_DECLS
