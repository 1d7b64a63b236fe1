/* bz-password-reset-resources.h — password reset (issue 9, "Password
 * reset"; seed 002 §4.2 POST /api/v1/auth/password/forgot and /reset)
 * declared once (bz-resource.h): the JSON and the OpenAPI schemas come from
 * here.  The rules: src/services/bz-password-reset-service.h. */
#pragma once

#include "bz-limits.h"
#include "bz-resources.h"

G_BEGIN_DECLS

#define BZ_PASSWORD_FORGOT_FIELDS(F) \
  F (PASSWORD_FORGOT_EMAIL, .name = "email", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 3, .max = 254, .description = "The account's email; the answer is the same whether or not it exists")
BZ_RESOURCE_DECLARE (bz_password_forgot, PASSWORD_FORGOT, BZ_PASSWORD_FORGOT_FIELDS)

#define BZ_PASSWORD_RESET_FIELDS(F) \
  F (PASSWORD_RESET_EMAIL, .name = "email", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 3, .max = 254) \
  F (PASSWORD_RESET_CODE, .name = "code", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 1, .max = 32, .description = "The reset code the nutritionist handed over (case, spaces and dashes ignored)") \
  F (PASSWORD_RESET_NEW_PASSWORD, .name = "new_password", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = BZ_PASSWORD_MIN_CHARS, .max = BZ_PASSWORD_MAX_CHARS, .description = "Upper and lower case letters, a digit and one of !@#$%^&*(),.?:{}|<> or a double quote")
BZ_RESOURCE_DECLARE (bz_password_reset, PASSWORD_RESET, BZ_PASSWORD_RESET_FIELDS)

#define BZ_PASSWORD_RESET_CODE_FIELDS(F) \
  F (PASSWORD_RESET_CODE_CODE, .name = "code", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .min = BZ_PASSWORD_RESET_CODE_CHARS, .max = BZ_PASSWORD_RESET_CODE_CHARS, .description = "One-time reset code, Crockford base32; shown once, only its hash is kept") \
  F (PASSWORD_RESET_CODE_EMAIL, .name = "email", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The member account's email, to give with the code") \
  F (PASSWORD_RESET_CODE_EXPIRES_AT, .name = "expires_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY) \
  F (PASSWORD_RESET_CODE_EXPIRES_IN, .name = "expires_in", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .unit = "s") \
  F (PASSWORD_RESET_CODE_ATTEMPTS_MAX, .name = "attempts_max", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Wrong codes tried before this one is void")
BZ_RESOURCE_DECLARE (bz_password_reset_code, PASSWORD_RESET_CODE, BZ_PASSWORD_RESET_CODE_FIELDS)

G_END_DECLS
