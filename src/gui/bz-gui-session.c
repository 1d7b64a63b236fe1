/* bz-gui-session.c — the service layer and the signed-in user. */
#include "bz-gui-session.h"

#include <glib/gi18n.h>

#include "bz-limits.h"


struct _BzGuiSession
{
  GObject parent_instance;
  BzServices *services;
  BzCaller *caller;
};

G_DEFINE_FINAL_TYPE (BzGuiSession, bz_gui_session, G_TYPE_OBJECT)

enum { PROP_0, PROP_SIGNED_IN, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
bz_gui_session_finalize (GObject *object)
{
  BzGuiSession *self = BZ_GUI_SESSION (object);
  g_clear_pointer (&self->caller, bz_caller_free);
  g_clear_object (&self->services);
  G_OBJECT_CLASS (bz_gui_session_parent_class)->finalize (object);
}

static void
bz_gui_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SIGNED_IN:
      g_value_set_boolean (value, BZ_GUI_SESSION (object)->caller != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bz_gui_session_class_init (BzGuiSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bz_gui_session_finalize;
  object_class->get_property = bz_gui_session_get_property;

  properties[PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bz_gui_session_init (BzGuiSession *self)
{
}

BzGuiSession *
bz_gui_session_new (BzServices *services)
{
  BzGuiSession *self;

  g_return_val_if_fail (BZ_IS_SERVICES (services), NULL);
  self = g_object_new (BZ_TYPE_GUI_SESSION, NULL);
  self->services = g_object_ref (services);
  return self;
}

BzServices *
bz_gui_session_get_services (BzGuiSession *self)
{
  g_return_val_if_fail (BZ_IS_GUI_SESSION (self), NULL);
  return self->services;
}

const BzCaller *
bz_gui_session_get_caller (BzGuiSession *self)
{
  g_return_val_if_fail (BZ_IS_GUI_SESSION (self), NULL);
  return self->caller;
}

BzCaller *
bz_gui_session_dup_caller (BzGuiSession *self)
{
  g_return_val_if_fail (BZ_IS_GUI_SESSION (self), NULL);
  return self->caller ? bz_caller_copy (self->caller) : NULL;
}

void
bz_gui_session_set_caller (BzGuiSession *self, BzCaller *caller)
{
  g_return_if_fail (BZ_IS_GUI_SESSION (self));
  g_clear_pointer (&self->caller, bz_caller_free);
  self->caller = caller;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
}

gboolean
bz_gui_session_get_signed_in (BzGuiSession *self)
{
  g_return_val_if_fail (BZ_IS_GUI_SESSION (self), FALSE);
  return self->caller != NULL;
}

char *
bz_error_to_user_message (const GError *error)
{
  if (error == NULL)
    return g_strdup (_("Something went wrong"));
  if (error->domain == BZ_ERROR)
    switch ((BzErrorCode) error->code)
      {
      case BZ_ERROR_UNAUTHENTICATED:
        return g_strdup (_("Your session has ended. Sign in again."));
      case BZ_ERROR_NOT_FOUND:
        return g_strdup (_("This record no longer exists or is not one of your patients."));
      case BZ_ERROR_RATE_LIMITED:
        {
          guint s = bz_error_get_retry_after (error);
          if (s > 0)
            return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Too many attempts. Try again in %u second.",
                                                 "Too many attempts. Try again in %u seconds.", s), s);
          return g_strdup (_("Too many attempts. Try again in a minute."));
        }
      case BZ_ERROR_PAYLOAD_TOO_LARGE:
        return bz_photo_too_large_message ();
      case BZ_ERROR_UNSUPPORTED_MEDIA:
        return g_strdup (_("That file is not a JPEG or PNG image."));
      case BZ_ERROR_UNAVAILABLE:
      case BZ_ERROR_UPSTREAM:
        return g_strdup (_("A service is not available right now. Try again later."));
      case BZ_ERROR_VALIDATION:
        {
          JsonArray *details = bz_error_get_details (error);
          if (details && json_array_get_length (details) > 0)
            {
              JsonObject *d = json_array_get_object_element (details, 0);
              const char *m = bz_json_get_string (d, "message");
              if (m)
                return g_strdup (m);
            }
          break;
        }
      default:
        break;
      }
  return g_strdup (error->message);
}

char *
bz_photo_too_large_message (void)
{
  return g_strdup_printf (_("The photo is too large (at most %u MB)."), (guint) (BZ_PHOTO_MAX_BYTES >> 20));
}
