/* bz-discovery.c — `_balanza._tcp` over mDNS/DNS-SD with Avahi (bz-discovery.h). */
#include "bz-discovery.h"

#include <avahi-client/client.h>
#include <avahi-client/publish.h>
#include <avahi-common/alternative.h>
#include <avahi-common/error.h>
#include <avahi-common/malloc.h>
#include <avahi-glib/glib-watch.h>
#include <string.h>

#define LOG_DOMAIN "balanza-discovery"
/* RFC 6763 §4.1.1: an instance name is at most 63 octets. */
#define MAX_NAME_OCTETS 63
/* RFC 6763 §6.1: each TXT string is at most 255 octets. */
#define MAX_TXT_OCTETS 255

struct _BzDiscovery
{
  AvahiGLibPoll *poll;
  AvahiClient *client;
  AvahiEntryGroup *group;
  BzDiscoveryState state;
  char *name;
  guint16 port;
  AvahiStringList *txt;
};

static void start_client (BzDiscovery *self);

static void
group_cb (AvahiEntryGroup *group, AvahiEntryGroupState state, void *data)
{
  BzDiscovery *self = data;

  switch (state)
    {
    case AVAHI_ENTRY_GROUP_ESTABLISHED:
      self->state = BZ_DISCOVERY_ANNOUNCED;
      g_log (LOG_DOMAIN, G_LOG_LEVEL_DEBUG, "Announced %s as “%s” on port %u", BZ_DISCOVERY_SERVICE_TYPE,
             self->name, self->port);
      break;
    case AVAHI_ENTRY_GROUP_COLLISION:
      {
        /* Another server has the name: take "NAME #2" and try again. */
        char *alt = avahi_alternative_service_name (self->name);
        g_free (self->name);
        self->name = g_strdup (alt);
        avahi_free (alt);
        avahi_entry_group_reset (group);
        self->state = BZ_DISCOVERY_REGISTERING;
        if (avahi_entry_group_add_service_strlst (group, AVAHI_IF_UNSPEC, AVAHI_PROTO_UNSPEC, 0, self->name,
                                                  BZ_DISCOVERY_SERVICE_TYPE, NULL, NULL, self->port, self->txt) < 0 ||
            avahi_entry_group_commit (group) < 0)
          self->state = BZ_DISCOVERY_FAILED;
        break;
      }
    case AVAHI_ENTRY_GROUP_FAILURE:
      self->state = BZ_DISCOVERY_FAILED;
      g_log (LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "mDNS announcement failed: %s",
             avahi_strerror (avahi_client_errno (avahi_entry_group_get_client (group))));
      break;
    default:
      break;
    }
}

static void
register_service (BzDiscovery *self, AvahiClient *client)
{
  int rc;

  if (self->group == NULL)
    self->group = avahi_entry_group_new (client, group_cb, self);
  if (self->group == NULL)
    {
      self->state = BZ_DISCOVERY_FAILED;
      return;
    }
  if (!avahi_entry_group_is_empty (self->group))
    return;
  self->state = BZ_DISCOVERY_REGISTERING;
  rc = avahi_entry_group_add_service_strlst (self->group, AVAHI_IF_UNSPEC, AVAHI_PROTO_UNSPEC, 0, self->name,
                                             BZ_DISCOVERY_SERVICE_TYPE, NULL, NULL, self->port, self->txt);
  if (rc == AVAHI_ERR_COLLISION)
    {
      group_cb (self->group, AVAHI_ENTRY_GROUP_COLLISION, self);
      return;
    }
  if (rc < 0 || avahi_entry_group_commit (self->group) < 0)
    {
      self->state = BZ_DISCOVERY_FAILED;
      g_log (LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "mDNS announcement failed: %s", avahi_strerror (rc));
    }
}

static void
client_cb (AvahiClient *client, AvahiClientState state, void *data)
{
  BzDiscovery *self = data;

  switch (state)
    {
    case AVAHI_CLIENT_S_RUNNING:
      register_service (self, client);
      break;
    case AVAHI_CLIENT_S_COLLISION:
    case AVAHI_CLIENT_S_REGISTERING:
      /* The host name changes: announce again once it is running. */
      if (self->group)
        avahi_entry_group_reset (self->group);
      self->state = BZ_DISCOVERY_REGISTERING;
      break;
    case AVAHI_CLIENT_CONNECTING:
      self->state = BZ_DISCOVERY_WAITING;
      g_log (LOG_DOMAIN, G_LOG_LEVEL_DEBUG, "No Avahi daemon: phones cannot discover this server until one starts");
      break;
    case AVAHI_CLIENT_FAILURE:
      /* The daemon went away: wait for it again with a new client (it
       * cannot be freed from its own callback: later, from the loop). */
      self->state = BZ_DISCOVERY_WAITING;
      g_log (LOG_DOMAIN, G_LOG_LEVEL_DEBUG, "Avahi client: %s; waiting for the daemon",
             avahi_strerror (avahi_client_errno (client)));
      break;
    }
}

static void
start_client (BzDiscovery *self)
{
  int error = 0;

  self->client = avahi_client_new (avahi_glib_poll_get (self->poll), AVAHI_CLIENT_NO_FAIL, client_cb, self, &error);
  if (self->client == NULL)
    {
      self->state = BZ_DISCOVERY_OFF;
      g_log (LOG_DOMAIN, G_LOG_LEVEL_DEBUG, "No mDNS announcement: %s", avahi_strerror (error));
    }
}

/* Truncates @s to at most @max octets at a character boundary. */
static char *
utf8_truncate (const char *s, gsize max)
{
  const char *end = s;
  while (*end)
    {
      const char *next = g_utf8_next_char (end);
      if ((gsize) (next - s) > max)
        break;
      end = next;
    }
  return g_strndup (s, end - s);
}

BzDiscovery *
bz_discovery_start (const BzDiscoveryInfo *info, GMainContext *context)
{
  BzDiscovery *self = g_new0 (BzDiscovery, 1);
  g_autofree char *name_txt = NULL;

  self->name = utf8_truncate (info->instance_name && *info->instance_name ? info->instance_name : "Balanza",
                              MAX_NAME_OCTETS);
  self->port = info->port;
  name_txt = utf8_truncate (self->name, MAX_TXT_OCTETS - strlen ("name="));
  self->txt = avahi_string_list_add_printf (NULL, "version=%s", info->version ? info->version : "");
  if (info->fingerprint)
    self->txt = avahi_string_list_add_printf (self->txt, "sha256=%s", info->fingerprint);
  self->txt = avahi_string_list_add_printf (self->txt, "name=%s", name_txt);
  if (info->https_port)
    self->txt = avahi_string_list_add_printf (self->txt, "https_port=%u", info->https_port);
  self->poll = avahi_glib_poll_new (context, G_PRIORITY_DEFAULT);
  start_client (self);
  return self;
}

BzDiscoveryState
bz_discovery_get_state (BzDiscovery *self)
{
  return self->state;
}

void
bz_discovery_stop (BzDiscovery *self)
{
  if (self == NULL)
    return;
  if (self->client)
    avahi_client_free (self->client);   /* frees the entry group too */
  avahi_glib_poll_free (self->poll);
  avahi_string_list_free (self->txt);
  g_free (self->name);
  g_free (self);
}
