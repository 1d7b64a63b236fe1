/* bz-tls-cert.h — the clinic's own TLS key and certificate (issue 9,
 * "Phones"): made once with GnuTLS at first start, kept in the data
 * directory, and the SHA-256 fingerprint phones pin.
 *
 * The certificate is self-signed: phones do not trust it through a CA but
 * through its fingerprint, read from the desk's pairing QR code
 * (docs/pairing.md).  So it must not change under them: it is made once and
 * kept until it expires (or the clinic gives its own pair of files).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * BZ_TLS_CERT_VALIDITY_DAYS:
 *
 * Days a generated certificate is valid: 825, the longest validity Apple's
 * platforms accept for a TLS server certificate (Apple, "Requirements for
 * trusted certificates in iOS 13 and macOS 10.15", support.apple.com
 * HT210176).  A pinned phone does not check it against a CA, but keeping
 * within that limit lets the same certificate be trusted by hand too.  An
 * expired certificate is replaced at the next start (phones pair again).
 */
#define BZ_TLS_CERT_VALIDITY_DAYS 825

/** BZ_TLS_CERT_FILE: the generated certificate's file name in DATA_DIR/tls/ (PEM). */
#define BZ_TLS_CERT_FILE "balanza.crt"
/** BZ_TLS_KEY_FILE: the generated private key's file name in DATA_DIR/tls/ (PEM, PKCS #8, mode 0600). */
#define BZ_TLS_KEY_FILE "balanza.key"

/**
 * BzTlsCertRequest:
 * @common_name: the subject's CN: the instance name ("Balanza en consultorio")
 * @dns_names: (nullable) (array zero-terminated=1): subjectAltName DNS names
 *   (the host name, "localhost")
 * @ip_addresses: (nullable) (array zero-terminated=1): subjectAltName IP
 *   addresses as text ("192.168.1.20", "::1"); unparsable ones are skipped
 *
 * What a generated certificate names.  All borrowed.
 */
typedef struct
{
  const char *common_name;
  const char *const *dns_names;
  const char *const *ip_addresses;
} BzTlsCertRequest;

/**
 * bz_tls_cert_generate:
 * @request: the names
 * @now_unix: the issue time, seconds since the epoch (notBefore is one hour
 *   earlier, for phones whose clock is a little behind)
 * @out_cert_pem: (out) (transfer full): the certificate, PEM
 * @out_key_pem: (out) (transfer full): its private key, PEM (PKCS #8)
 * @error: G_IO_ERROR_FAILED with GnuTLS's message
 *
 * Makes an ECDSA P-256 key (NIST FIPS 186-4; 128-bit security, the size of
 * RSA 3072 in NIST SP 800-57 Part 1 Table 2) and an X.509 v3 certificate
 * signed by it with SHA-256: a random positive serial of 16 octets, 126 of
 * its bits random (RFC 5280 §4.1.2.2: positive, at most 20 octets;
 * CA/Browser Forum Baseline Requirements §7.1: at least 64 random bits), valid %BZ_TLS_CERT_VALIDITY_DAYS days,
 * CA false, key usage digitalSignature, extended key usage serverAuth.
 *
 * Returns: %TRUE with both PEM strings.
 */
gboolean bz_tls_cert_generate (const BzTlsCertRequest *request, gint64 now_unix,
                               char **out_cert_pem, char **out_key_pem, GError **error);

/**
 * bz_tls_cert_ensure:
 * @dir: the directory of the files (DATA_DIR/tls); made with mode 0700
 * @request: the names of a new certificate
 * @error: G_IO_ERROR, G_FILE_ERROR, or as bz_tls_cert_generate()
 *
 * Loads @dir's certificate and key, or makes them (bz_tls_cert_generate())
 * when either is missing, does not parse, or the certificate has expired;
 * new files are written with mode 0600.  An existing certificate is kept even
 * when the host's addresses changed: phones pin it.
 *
 * Returns: (transfer full): the certificate with its key, or %NULL with @error.
 */
GTlsCertificate *bz_tls_cert_ensure (const char *dir, const BzTlsCertRequest *request, GError **error);

/**
 * bz_tls_cert_fingerprint:
 * @cert: a certificate
 *
 * The SHA-256 of @cert's DER encoding (FIPS 180-4): what a phone compares
 * with the certificate the server presents.
 *
 * Returns: (transfer full): 64 lowercase hex digits, no separators.
 */
char *bz_tls_cert_fingerprint (GTlsCertificate *cert);

/**
 * bz_tls_cert_not_after:
 * @cert: a certificate
 *
 * Returns: the end of @cert's validity (seconds since the epoch), or 0 when
 *   it cannot be read.
 */
gint64 bz_tls_cert_not_after (GTlsCertificate *cert);

G_END_DECLS
