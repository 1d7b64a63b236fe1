/* bz-discovery.h — the server announced on the clinic network (issue 9,
 * "Discovery"): `_balanza._tcp` over mDNS/DNS-SD through Avahi's client
 * library (libavahi-client, with libavahi-glib's poll on a GMainContext).
 *
 * Without an Avahi daemon (or without a system D-Bus) nothing fails: the
 * announcement waits for a daemon to appear (AVAHI_CLIENT_NO_FAIL) and says
 * so in one debug line (G_MESSAGES_DEBUG=balanza-discovery).  docs/pairing.md.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/** BZ_DISCOVERY_SERVICE_TYPE: the DNS-SD service type (RFC 6763 §7). */
#define BZ_DISCOVERY_SERVICE_TYPE "_balanza._tcp"

typedef struct _BzDiscovery BzDiscovery;

/**
 * BzDiscoveryState:
 * @BZ_DISCOVERY_OFF: Avahi's client could not be made (no D-Bus): nothing is announced
 * @BZ_DISCOVERY_WAITING: no daemon yet; announced when one starts
 * @BZ_DISCOVERY_REGISTERING: the daemon is registering the service
 * @BZ_DISCOVERY_ANNOUNCED: the service is on the network
 * @BZ_DISCOVERY_FAILED: the daemon refused the service (logged)
 */
typedef enum
{
  BZ_DISCOVERY_OFF,
  BZ_DISCOVERY_WAITING,
  BZ_DISCOVERY_REGISTERING,
  BZ_DISCOVERY_ANNOUNCED,
  BZ_DISCOVERY_FAILED,
} BzDiscoveryState;

/**
 * BzDiscoveryInfo:
 * @instance_name: the service instance name (UTF-8, at most 63 octets are
 *   used: RFC 6763 §4.1.1; a clash gets " #2" and so on)
 * @port: the TCP port announced: HTTPS's, or HTTP's when HTTPS is off
 * @https_port: TXT https_port (0: none)
 * @fingerprint: (nullable): TXT sha256, the certificate fingerprint (64 hex digits)
 * @version: TXT version, Balanza's
 *
 * What is announced; all borrowed.
 */
typedef struct
{
  const char *instance_name;
  guint16 port;
  guint16 https_port;
  const char *fingerprint;
  const char *version;
} BzDiscoveryInfo;

/**
 * bz_discovery_start:
 * @info: what to announce (copied)
 * @context: (nullable): the main context Avahi's callbacks run on (%NULL: the
 *   global default); it must be iterated for the announcement to happen
 *
 * Returns: (transfer full): the announcement; never %NULL (see #BzDiscoveryState).
 */
BzDiscovery      *bz_discovery_start     (const BzDiscoveryInfo *info, GMainContext *context);

/** bz_discovery_get_state: Returns: where the announcement is. */
BzDiscoveryState  bz_discovery_get_state (BzDiscovery *self);

/** bz_discovery_stop: withdraws the announcement and frees @self (on @context's thread). */
void              bz_discovery_stop      (BzDiscovery *self);

G_END_DECLS
