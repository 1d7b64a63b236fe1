/* bz-clinical-service-private.h — shared by bz-clinical-service.c and
 * bz-clinical-feed.c; not for other layers. */
#pragma once

#include "bz-clinical-service.h"

G_BEGIN_DECLS

/**
 * bz_clinical_check_nutritionist:
 * @caller: (nullable): who asks
 * @error: %BZ_ERROR_UNAUTHENTICATED for %NULL, %BZ_ERROR_FORBIDDEN for
 *   anyone but a nutritionist
 *
 * Returns: %TRUE for a nutritionist.
 */
gboolean bz_clinical_check_nutritionist (const BzCaller *caller, GError **error);

G_END_DECLS
