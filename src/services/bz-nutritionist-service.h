/* bz-nutritionist-service.h — the nutritionist's professional profile
 * (seed 002 §3.2 nutritionists; issue 12): read and changed by the
 * nutritionist at the desk and through GET/PATCH /api/v1/nutritionist/profile,
 * with one validation for both. */
#pragma once

#include <gio/gio.h>

#include "bz-nutritionist-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/**
 * bz_nutritionists_get_profile:
 * @caller: a nutritionist
 * @error: FORBIDDEN (not a nutritionist), NOT_FOUND (no profile row),
 *   INTERNAL
 * Returns: (transfer full): the caller's NutritionistProfile record.
 */
BzRecord *bz_nutritionists_get_profile (BzServices *svc, const BzCaller *caller, GError **error);

/**
 * bz_nutritionists_update_profile:
 * @caller: a nutritionist
 * @changes: the members to change, as in PATCH /api/v1/nutritionist/profile
 *   (the desk builds the same object)
 * @error: VALIDATION with field details (types and ranges from the
 *   declaration; the licence 7 or 8 digits; the phone's characters; each
 *   day's hours 24-hour "HH:MM" with start before end; an empty body),
 *   CONFLICT (the licence is another nutritionist's), FORBIDDEN, NOT_FOUND
 *
 * Changes the given members in one transaction; the store is unchanged on
 * any error.  Empty text clears clinic_name, clinic_address and clinic_phone;
 * a new licence is pending verification again.
 *
 * Returns: (transfer full): the profile as stored afterwards.
 */
BzRecord *bz_nutritionists_update_profile (BzServices *svc, const BzCaller *caller, JsonObject *changes,
                                           GError **error);

void      bz_nutritionists_get_profile_async     (BzServices *svc, const BzCaller *caller, GCancellable *cancellable,
                                                  GAsyncReadyCallback callback, gpointer user_data);
/** bz_nutritionists_get_profile_finish: Returns: (transfer full): as bz_nutritionists_get_profile(). */
BzRecord *bz_nutritionists_get_profile_finish    (BzServices *svc, GAsyncResult *result, GError **error);
/** bz_nutritionists_update_profile_async: @changes is referenced until the call ends. */
void      bz_nutritionists_update_profile_async  (BzServices *svc, const BzCaller *caller, JsonObject *changes,
                                                  GCancellable *cancellable, GAsyncReadyCallback callback,
                                                  gpointer user_data);
/** bz_nutritionists_update_profile_finish: Returns: (transfer full): as bz_nutritionists_update_profile(). */
BzRecord *bz_nutritionists_update_profile_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_nutritionists_set_license_status:
 * @email: the nutritionist's sign-in e-mail
 * @status: "verified", "rejected" or "pending" (bz_vocab_license_status)
 *
 * The clinic operator's decision on a nutritionist's cédula profesional
 * (seed 002 §3.2 nutritionists.license_verified / verification_status),
 * taken after checking it in the SEP's Registro Nacional de Profesionistas
 * (cedulaprofesional.sep.gob.mx).  There is no caller: this is for the
 * operator of the data directory (`balanzad --verify-license EMAIL`), not an
 * HTTP route; a nutritionist's own PATCH of the licence number sets it back
 * to pending.
 *
 * Returns: %TRUE when recorded.  Errors: VALIDATION (status not a term),
 *   NOT_FOUND (no nutritionist has @email), INTERNAL.
 */
gboolean  bz_nutritionists_set_license_status (BzServices *svc, const char *email, const char *status,
                                               GError **error);

G_END_DECLS
