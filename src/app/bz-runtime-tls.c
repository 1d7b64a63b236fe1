/* bz-runtime-tls.c — which certificate HTTPS uses (bz-runtime-private.h). */
#include "bz-runtime-private.h"

#include <glib/gi18n.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "bz-tls-cert.h"

/* The addresses a phone may use to reach a server bound to @bind. */
static GStrv
bound_addresses (const char *bind)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  struct ifaddrs *list = NULL;

  if (g_strcmp0 (bind, "0.0.0.0") != 0 && g_strcmp0 (bind, "::") != 0)
    {
      g_strv_builder_add (b, bind);
      return g_strv_builder_end (b);
    }
  if (getifaddrs (&list) == 0)
    {
      for (struct ifaddrs *i = list; i; i = i->ifa_next)
        {
          g_autoptr(GSocketAddress) sa = NULL;
          gsize len;

          if (i->ifa_addr == NULL || (i->ifa_addr->sa_family != AF_INET && i->ifa_addr->sa_family != AF_INET6))
            continue;
          len = i->ifa_addr->sa_family == AF_INET ? sizeof (struct sockaddr_in) : sizeof (struct sockaddr_in6);
          sa = g_socket_address_new_from_native (i->ifa_addr, len);
          if (sa && G_IS_INET_SOCKET_ADDRESS (sa))
            {
              GInetAddress *a = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (sa));
              g_autofree char *text = NULL;
              if (g_inet_address_get_is_link_local (a))
                continue;   /* needs a scope id a certificate cannot hold */
              text = g_inet_address_to_string (a);
              g_strv_builder_add (b, text);
            }
        }
      freeifaddrs (list);
    }
  else
    g_strv_builder_add (b, "127.0.0.1");
  return g_strv_builder_end (b);
}

GTlsCertificate *
bz_runtime_tls_certificate (const BzRuntimeOptions *opts, GError **error)
{
  if (opts->tls_cert || opts->tls_key)
    {
      if (opts->tls_cert == NULL || opts->tls_key == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("--tls-cert and --tls-key go together"));
          return NULL;
        }
      return g_tls_certificate_new_from_files (opts->tls_cert, opts->tls_key, error);
    }
  {
    g_autofree char *dir = g_build_filename (opts->data_dir, "tls", NULL);
    g_autofree char *mdns = g_strconcat (g_get_host_name (), ".local", NULL);
    g_auto(GStrv) ips = bound_addresses (opts->bind);
    const char *dns[] = { g_get_host_name (), mdns, "localhost", NULL };
    BzTlsCertRequest request = {
      .common_name = opts->instance_name,
      .dns_names = dns,
      .ip_addresses = (const char *const *) ips,
    };
    return bz_tls_cert_ensure (dir, &request, error);
  }
}
