/* bz-runtime-private.h — what bz-runtime.c shares with its helpers in src/app. */
#pragma once

#include "bz-runtime.h"

G_BEGIN_DECLS

/**
 * bz_runtime_tls_certificate:
 * @opts: finished options
 * @error: G_IO_ERROR_INVALID_ARGUMENT when only one of --tls-cert and
 *   --tls-key is given; G_TLS_ERROR or G_FILE_ERROR when the files do not load;
 *   as bz_tls_cert_ensure() for the generated pair
 *
 * The HTTPS certificate: the clinic's own PEM pair (--tls-cert, --tls-key),
 * else the one in DATA_DIR/tls/, made at first start (bz-tls-cert.h) with CN
 * the instance name, and subjectAltNames this host's name, NAME.local (its
 * mDNS name), localhost, and the bound IP addresses (every interface's when
 * bound to 0.0.0.0 or ::).
 *
 * Returns: (transfer full): the certificate with its key, or %NULL with @error.
 */
GTlsCertificate *bz_runtime_tls_certificate (const BzRuntimeOptions *opts, GError **error);

G_END_DECLS
