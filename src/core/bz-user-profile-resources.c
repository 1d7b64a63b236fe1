/* bz-user-profile-resources.c — the tables of bz-user-profile-resources.h. */
#include "bz-user-profile-resources.h"

BZ_RESOURCE_DEFINE (bz_user_profile, USER_PROFILE, "UserProfile",
                    "The signed-in user's own personal data", BZ_USER_PROFILE_FIELDS)
BZ_RESOURCE_DEFINE (bz_user_profile_update, USER_PROFILE_UPDATE, "UserProfileUpdate",
                    "Changes to the signed-in user's personal data (rectification, LFPDPPP)", BZ_USER_PROFILE_UPDATE_FIELDS)
