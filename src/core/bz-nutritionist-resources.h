/* bz-nutritionist-resources.h — the nutritionist's professional profile
 * (seed 002 §3.2 auth.nutritionists; issue 12), declared once
 * (bz-resource.h): GET and PATCH /api/v1/nutritionist/profile, the desk's
 * profile dialog and the OpenAPI schema come from here.  Stored columns:
 * data/sql/001_init.sql and 016_nutritionist_profile.sql. */
#pragma once

#include "bz-resource.h"
#include "bz-vocab.h"

G_BEGIN_DECLS

/** BZ_CLINIC_ADDRESS_MAX: longest clinic address, in characters (a Mexican postal address with references). */
#define BZ_CLINIC_ADDRESS_MAX 300
/** BZ_CLINIC_PHONE_MAX: longest clinic phone, in characters (+52, area code, number and extension). */
#define BZ_CLINIC_PHONE_MAX 20
/** BZ_CONSULTATION_FEE_MAX_MXN: highest fee per consultation accepted, in MXN (a bound on typing errors, not a price policy). */
#define BZ_CONSULTATION_FEE_MAX_MXN 100000
/** BZ_YEARS_EXPERIENCE_MAX: most years of practice accepted. */
#define BZ_YEARS_EXPERIENCE_MAX 70

/* One day's working hours, local time, 24-hour "HH:MM", start before end. */
#define BZ_DAY_HOURS_FIELDS(F) \
  F (DAY_HOURS_START, .name = "start", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 5, .max = 5, .description = "Opening time, 24-hour HH:MM") \
  F (DAY_HOURS_END, .name = "end", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 5, .max = 5, .description = "Closing time, 24-hour HH:MM, after start")
BZ_RESOURCE_DECLARE (bz_day_hours, DAY_HOURS, BZ_DAY_HOURS_FIELDS)

/* A week of working hours; a day that is null (or absent in a request) is closed. */
#define BZ_WEEK_DAY_FIELD_(F, SYM, NAME) \
  F (WORKING_HOURS_##SYM, .name = NAME, .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_NULLABLE, .ref = &bz_day_hours_resource, .description = "Null: closed")
#define BZ_WORKING_HOURS_FIELDS(F) \
  BZ_WEEK_DAY_FIELD_ (F, MONDAY, "monday") \
  BZ_WEEK_DAY_FIELD_ (F, TUESDAY, "tuesday") \
  BZ_WEEK_DAY_FIELD_ (F, WEDNESDAY, "wednesday") \
  BZ_WEEK_DAY_FIELD_ (F, THURSDAY, "thursday") \
  BZ_WEEK_DAY_FIELD_ (F, FRIDAY, "friday") \
  BZ_WEEK_DAY_FIELD_ (F, SATURDAY, "saturday") \
  BZ_WEEK_DAY_FIELD_ (F, SUNDAY, "sunday")
BZ_RESOURCE_DECLARE (bz_working_hours, WORKING_HOURS, BZ_WORKING_HOURS_FIELDS)

#define BZ_NUTRITIONIST_PROFILE_FIELDS(F) \
  F (NUTRITIONIST_PROFILE_USER_ID, .name = "user_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "user_id") \
  F (NUTRITIONIST_PROFILE_FULL_NAME, .name = "full_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (NUTRITIONIST_PROFILE_EMAIL, .name = "email", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (NUTRITIONIST_PROFILE_PROFESSIONAL_LICENSE, .name = "professional_license", .type = BZ_FIELD_STRING, .min = 7, .max = 8, .column = "professional_license", .description = "Cédula profesional (SEP Registro Nacional de Profesionistas): 7 or 8 digits; changing it sets license_status back to pending") \
  F (NUTRITIONIST_PROFILE_LICENSE_STATUS, .name = "license_status", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_license_status, .column = "license_status", .description = "The licence as checked by the clinic's administrator") \
  F (NUTRITIONIST_PROFILE_LICENSE_VERIFIED_AT, .name = "license_verified_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "license_verified_at") \
  F (NUTRITIONIST_PROFILE_SPECIALIZATIONS, .name = "specializations", .type = BZ_FIELD_STRING_ARRAY, .vocab = &bz_vocab_specialization, .max = 11) \
  F (NUTRITIONIST_PROFILE_YEARS_EXPERIENCE, .name = "years_experience", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_NULLABLE, .min = 0, .max = BZ_YEARS_EXPERIENCE_MAX, .unit = "years", .column = "years_experience") \
  F (NUTRITIONIST_PROFILE_CLINIC_NAME, .name = "clinic_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .max = 120, .column = "clinic_name", .description = "Empty text clears it") \
  F (NUTRITIONIST_PROFILE_CLINIC_ADDRESS, .name = "clinic_address", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .max = BZ_CLINIC_ADDRESS_MAX, .column = "clinic_address", .description = "Empty text clears it") \
  F (NUTRITIONIST_PROFILE_CLINIC_PHONE, .name = "clinic_phone", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .max = BZ_CLINIC_PHONE_MAX, .column = "clinic_phone", .description = "Digits, spaces, +, -, parentheses; empty text clears it") \
  F (NUTRITIONIST_PROFILE_CONSULTATION_FEE_MXN, .name = "consultation_fee_mxn", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_NULLABLE, .min = 0, .max = BZ_CONSULTATION_FEE_MAX_MXN, .unit = "MXN", .column = "consultation_fee_mxn", .description = "Per consultation") \
  F (NUTRITIONIST_PROFILE_ACCEPTS_INSURANCE, .name = "accepts_insurance", .type = BZ_FIELD_BOOLEAN, .column = "accepts_insurance") \
  F (NUTRITIONIST_PROFILE_ACCEPTING_PATIENTS, .name = "accepting_patients", .type = BZ_FIELD_BOOLEAN, .column = "accepting_patients", .description = "Seed 002 is_accepting_patients") \
  F (NUTRITIONIST_PROFILE_WORKING_HOURS, .name = "working_hours", .type = BZ_FIELD_OBJECT, .ref = &bz_working_hours_resource, .description = "Replaces the whole week when given") \
  F (NUTRITIONIST_PROFILE_UPDATED_AT, .name = "updated_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "updated_at")
BZ_RESOURCE_DECLARE (bz_nutritionist_profile, NUTRITIONIST_PROFILE, BZ_NUTRITIONIST_PROFILE_FIELDS)

G_END_DECLS
