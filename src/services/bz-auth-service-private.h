/* bz-auth-service-private.h — auth internals for tests and the server layer. */
#pragma once

#include "bz-auth-service.h"

G_BEGIN_DECLS

/**
 * bz_auth_reset_rate_limits:
 *
 * Forgets every login attempt counted so far (the per-address limit of
 * %BZ_LOGIN_ATTEMPTS_PER_MINUTE).  For tests; thread-safe.
 */
void bz_auth_reset_rate_limits (void);

G_END_DECLS
