/* bz-user-profile-resources.h — a user's own profile and its rectification
 * (issue 9 "Rectification", LFPDPPP's right of rectification, seed 002 §7.2;
 * GET and PATCH /api/v1/users/me) declared once (bz-resource.h): the JSON
 * and the OpenAPI schemas come from here.  The rules: bz_users_patch_me()
 * (src/services/bz-user-profile-service.h), registration's (seed 002 §7.4.1). */
#pragma once

#include "bz-resources.h"

G_BEGIN_DECLS

/* The columns are users'. */
#define BZ_USER_PROFILE_FIELDS(F) \
  F (USER_PROFILE_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "id") \
  F (USER_PROFILE_EMAIL, .name = "email", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "email", .description = "Lowercase; not changed here") \
  F (USER_PROFILE_USER_TYPE, .name = "user_type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .column = "user_type", .vocab = &bz_vocab_user_type) \
  F (USER_PROFILE_FIRST_NAME, .name = "first_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "first_name") \
  F (USER_PROFILE_LAST_NAME, .name = "last_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .column = "last_name") \
  F (USER_PROFILE_PHONE, .name = "phone", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "phone", .description = "+52 and 10 digits") \
  F (USER_PROFILE_DATE_OF_BIRTH, .name = "date_of_birth", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "date_of_birth") \
  F (USER_PROFILE_GENDER, .name = "gender", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "gender", .vocab = &bz_vocab_gender) \
  F (USER_PROFILE_STATE, .name = "state", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "state") \
  F (USER_PROFILE_CITY, .name = "city", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "city") \
  F (USER_PROFILE_UPDATED_AT, .name = "updated_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "updated_at") \
  F (USER_PROFILE_AVATAR, .name = "avatar", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_avatar_resource, .description = "A member's latest 3D avatar (seed 000 story 4.4: URL and version, the version one more per scan); null without a scan, and for staff")
BZ_RESOURCE_DECLARE (bz_user_profile, USER_PROFILE, BZ_USER_PROFILE_FIELDS)

/* PATCH /api/v1/users/me: the members given change, the others stay. */
#define BZ_USER_PROFILE_UPDATE_FIELDS(F) \
  F (USER_PROFILE_UPDATE_FIRST_NAME, .name = "first_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .min = 1, .max = 100) \
  F (USER_PROFILE_UPDATE_LAST_NAME, .name = "last_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .min = 1, .max = 100) \
  F (USER_PROFILE_UPDATE_PHONE, .name = "phone", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY | BZ_FIELD_NULLABLE, .max = 40, .description = "+52 and 10 digits, spaces allowed; null removes it") \
  F (USER_PROFILE_UPDATE_DATE_OF_BIRTH, .name = "date_of_birth", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_WRITE_ONLY | BZ_FIELD_NULLABLE) \
  F (USER_PROFILE_UPDATE_GENDER, .name = "gender", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_WRITE_ONLY | BZ_FIELD_NULLABLE, .vocab = &bz_vocab_gender) \
  F (USER_PROFILE_UPDATE_STATE, .name = "state", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY | BZ_FIELD_NULLABLE, .max = 100, .description = "Free text; null removes it") \
  F (USER_PROFILE_UPDATE_CITY, .name = "city", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY | BZ_FIELD_NULLABLE, .max = 100, .description = "Free text; null removes it")
BZ_RESOURCE_DECLARE (bz_user_profile_update, USER_PROFILE_UPDATE, BZ_USER_PROFILE_UPDATE_FIELDS)

G_END_DECLS
