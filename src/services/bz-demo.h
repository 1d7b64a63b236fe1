/* bz-demo.h — the demo clinic (`--demo`).
 *
 * Nutritionist demo@balanza.local and 24 members paciente01..24@balanza.local,
 * all with password "Demo-2026!".  Each member has three scans over six months
 * whose first measurements are one real NHANES 2017–March 2020 adult
 * (data/nhanes/, see SOURCE.md; later scans plausibly changed), and a few days
 * of meal logs made of USDA SR28 foods.
 */
#pragma once

#include "bz-services.h"

G_BEGIN_DECLS

#define BZ_DEMO_NUTRITIONIST_EMAIL "demo@balanza.local"
#define BZ_DEMO_PASSWORD "Demo-2026!"
#define BZ_DEMO_MEMBERS 24

/** bz_demo_exists: Returns: %TRUE if the store already has any user. */
gboolean bz_demo_exists (BzServices *svc);

/**
 * bz_demo_create:
 * @nhanes_dir: (nullable): folder with the NHANES CSVs; %NULL = the shipped data/nhanes
 * Creates the demo clinic deterministically (fixed seed).  Errors: any service error.
 */
gboolean bz_demo_create (BzServices *svc, const char *nhanes_dir, GError **error);

/**
 * bz_demo_create_challenges:
 * @nutritionist: the demo nutritionist
 * @members: (element-type utf8): the demo members' users.id
 *
 * The demo clinic's challenges (bz-demo-challenges.c): a featured steps
 * challenge for the nutritionist's patients, starting today, that every
 * other member joined with today's steps, and an upcoming national water
 * challenge.
 * Returns: %FALSE with @error when a service call fails.
 */
gboolean bz_demo_create_challenges (BzServices *svc, const BzCaller *nutritionist, GPtrArray *members,
                                    GError **error);

G_END_DECLS
