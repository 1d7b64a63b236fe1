/* bz-tls-cert.c — the clinic's own key and self-signed certificate, made
 * with GnuTLS (bz-tls-cert.h). */
#include "bz-tls-cert.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <string.h>

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_privkey_t, gnutls_x509_privkey_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_crt_t, gnutls_x509_crt_deinit, NULL)

#define SERIAL_BYTES 16

static gboolean
gtls_ok (int rc, const char *what, GError **error)
{
  if (rc >= 0)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "TLS certificate: %s: %s", what, gnutls_strerror (rc));
  return FALSE;
}

static char *
datum_to_string (gnutls_datum_t *d)
{
  char *s = g_strndup ((const char *) d->data, d->size);
  gnutls_free (d->data);
  d->data = NULL;
  return s;
}

static gboolean
add_alt_names (gnutls_x509_crt_t crt, const BzTlsCertRequest *request, GError **error)
{
  for (guint i = 0; request->dns_names && request->dns_names[i]; i++)
    {
      const char *name = request->dns_names[i];
      if (*name && !gtls_ok (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_DNSNAME, name, strlen (name),
                                                                   GNUTLS_FSAN_APPEND), "DNS name", error))
        return FALSE;
    }
  for (guint i = 0; request->ip_addresses && request->ip_addresses[i]; i++)
    {
      g_autoptr(GInetAddress) a = g_inet_address_new_from_string (request->ip_addresses[i]);
      if (a && !gtls_ok (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_IPADDRESS,
                                                               g_inet_address_to_bytes (a),
                                                               g_inet_address_get_native_size (a),
                                                               GNUTLS_FSAN_APPEND), "IP address", error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bz_tls_cert_generate (const BzTlsCertRequest *request, gint64 now_unix,
                      char **out_cert_pem, char **out_key_pem, GError **error)
{
  g_auto(gnutls_x509_privkey_t) key = NULL;
  g_auto(gnutls_x509_crt_t) crt = NULL;
  guint8 serial[SERIAL_BYTES];
  guint8 key_id[64];
  size_t key_id_len = sizeof key_id;
  gnutls_datum_t cert_pem = { 0 }, key_pem = { 0 };
  const char *cn = request->common_name && *request->common_name ? request->common_name : "Balanza";

  if (!gtls_ok (gnutls_x509_privkey_init (&key), "key", error) ||
      !gtls_ok (gnutls_x509_privkey_generate (key, GNUTLS_PK_ECDSA,
                                              GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1), 0),
                "key generation", error) ||
      !gtls_ok (gnutls_x509_crt_init (&crt), "certificate", error))
    return FALSE;

  /* A positive serial: random, with the top bit cleared (RFC 5280 §4.1.2.2). */
  if (!gtls_ok (gnutls_rnd (GNUTLS_RND_NONCE, serial, sizeof serial), "serial", error))
    return FALSE;
  serial[0] &= 0x7f;
  serial[0] |= 0x01 << 6;   /* no leading zero octet: always 16 octets */

  if (!gtls_ok (gnutls_x509_crt_set_version (crt, 3), "version", error) ||
      !gtls_ok (gnutls_x509_crt_set_serial (crt, serial, sizeof serial), "serial", error) ||
      !gtls_ok (gnutls_x509_crt_set_activation_time (crt, (time_t) (now_unix - 3600)), "notBefore", error) ||
      !gtls_ok (gnutls_x509_crt_set_expiration_time (crt, (time_t) (now_unix + (gint64) BZ_TLS_CERT_VALIDITY_DAYS * 86400)),
                "notAfter", error) ||
      !gtls_ok (gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0, cn, strlen (cn)),
                "common name", error) ||
      !gtls_ok (gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_ORGANIZATION_NAME, 0, "Balanza", 7),
                "organization", error) ||
      !gtls_ok (gnutls_x509_crt_set_key (crt, key), "public key", error) ||
      !add_alt_names (crt, request, error) ||
      !gtls_ok (gnutls_x509_crt_set_basic_constraints (crt, 0, -1), "basic constraints", error) ||
      !gtls_ok (gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE), "key usage", error) ||
      !gtls_ok (gnutls_x509_crt_set_key_purpose_oid (crt, GNUTLS_KP_TLS_WWW_SERVER, 0), "extended key usage", error) ||
      !gtls_ok (gnutls_x509_crt_get_key_id (crt, 0, key_id, &key_id_len), "key id", error) ||
      !gtls_ok (gnutls_x509_crt_set_subject_key_id (crt, key_id, key_id_len), "subject key id", error) ||
      !gtls_ok (gnutls_x509_crt_sign2 (crt, crt, key, GNUTLS_DIG_SHA256, 0), "signature", error) ||
      !gtls_ok (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &cert_pem), "export", error))
    return FALSE;
  if (!gtls_ok (gnutls_x509_privkey_export2_pkcs8 (key, GNUTLS_X509_FMT_PEM, NULL, GNUTLS_PKCS_PLAIN, &key_pem),
                "key export", error))
    {
      gnutls_free (cert_pem.data);
      return FALSE;
    }
  *out_cert_pem = datum_to_string (&cert_pem);
  *out_key_pem = datum_to_string (&key_pem);
  return TRUE;
}

gint64
bz_tls_cert_not_after (GTlsCertificate *cert)
{
  g_autoptr(GDateTime) end = g_tls_certificate_get_not_valid_after (cert);
  return end ? g_date_time_to_unix (end) : 0;
}

static GTlsCertificate *
load (const char *cert_path, const char *key_path)
{
  g_autoptr(GError) error = NULL;
  GTlsCertificate *cert;

  if (!g_file_test (cert_path, G_FILE_TEST_EXISTS) || !g_file_test (key_path, G_FILE_TEST_EXISTS))
    return NULL;
  cert = g_tls_certificate_new_from_files (cert_path, key_path, &error);
  if (cert == NULL)
    g_warning ("TLS: cannot read %s: %s; making a new certificate", cert_path, error->message);
  return cert;
}

GTlsCertificate *
bz_tls_cert_ensure (const char *dir, const BzTlsCertRequest *request, GError **error)
{
  g_autofree char *cert_path = g_build_filename (dir, BZ_TLS_CERT_FILE, NULL);
  g_autofree char *key_path = g_build_filename (dir, BZ_TLS_KEY_FILE, NULL);
  g_autofree char *cert_pem = NULL, *key_pem = NULL;
  g_autoptr(GTlsCertificate) cert = load (cert_path, key_path);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (cert && bz_tls_cert_not_after (cert) > now)
    return g_steal_pointer (&cert);
  if (cert)
    g_message ("TLS: the certificate in %s has expired; making a new one (phones must pair again)", dir);
  g_clear_object (&cert);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int e = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e), "%s: %s", dir, g_strerror (e));
      return NULL;
    }
  g_chmod (dir, 0700);
  if (!bz_tls_cert_generate (request, now, &cert_pem, &key_pem, error))
    return NULL;
  /* The key first: a certificate without its key is never left behind. */
  if (!g_file_set_contents_full (key_path, key_pem, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error) ||
      !g_file_set_contents_full (cert_path, cert_pem, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;
  memset (key_pem, 0, strlen (key_pem));
  return g_tls_certificate_new_from_files (cert_path, key_path, error);
}

char *
bz_tls_cert_fingerprint (GTlsCertificate *cert)
{
  g_autoptr(GByteArray) der = NULL;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (cert), NULL);
  g_object_get (cert, "certificate", &der, NULL);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
}
