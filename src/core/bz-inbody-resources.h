/* bz-inbody-resources.h — what a bioelectrical impedance analyser (InBody
 * 270/570/770) reports beyond weight, body fat and skeletal muscle mass, and
 * what the body model and the progress charts use (issue 8): segmental lean
 * and fat mass, visceral fat level, phase angle and body water.  Declared
 * once here and carried by a Scan as its "bioimpedance" member (an INLINE
 * object: its fields are columns of body_scans, data/sql/027_scan_inbody.sql).
 *
 * The ranges are plausibility bounds: outside them a value is a typing or
 * unit error (pounds for kilograms), not a body.  Each says where it comes
 * from.  Every field is optional in a request and null in a response when
 * the device did not report it.
 */
#pragma once

#include "bz-resource.h"

G_BEGIN_DECLS

/* Lean mass of one segment, kg.  The InBody 770 result sheet's adult
 * ranges are roughly 2-5 kg per arm, 20-35 kg trunk and 7-12 kg per leg
 * ("The Professional's Guide to the InBody Result Sheet", InBody USA 2017,
 * chapter 3); the bounds below cover a child's arm (0.2 kg) to a heavy
 * athlete's trunk, and stay under the Scan's heaviest weight. */
#define BZ_INBODY_SEGMENT_LEAN_MIN_KG 0.2
#define BZ_INBODY_SEGMENT_LEAN_MAX_KG 80.0
/* Fat mass of one segment, kg: 0 (none reported) up to the trunk of the
 * heaviest body a Scan accepts (350 kg at 75 % fat, about half of it in
 * the trunk). */
#define BZ_INBODY_SEGMENT_FAT_MIN_KG 0.0
#define BZ_INBODY_SEGMENT_FAT_MAX_KG 150.0

#define BZ_INBODY_SEGMENTS_FIELDS_(F, SYM, COL, MIN, MAX, WHAT) \
  F (SYM##_RIGHT_ARM, .name = "right_arm", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_NULLABLE, .column = COL "right_arm_kg", .min = MIN, .max = MAX, .unit = "kg", .description = WHAT " of the right arm") \
  F (SYM##_LEFT_ARM, .name = "left_arm", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_NULLABLE, .column = COL "left_arm_kg", .min = MIN, .max = MAX, .unit = "kg", .description = WHAT " of the left arm") \
  F (SYM##_TRUNK, .name = "trunk", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_NULLABLE, .column = COL "trunk_kg", .min = MIN, .max = MAX, .unit = "kg", .description = WHAT " of the trunk") \
  F (SYM##_RIGHT_LEG, .name = "right_leg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_NULLABLE, .column = COL "right_leg_kg", .min = MIN, .max = MAX, .unit = "kg", .description = WHAT " of the right leg") \
  F (SYM##_LEFT_LEG, .name = "left_leg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_NULLABLE, .column = COL "left_leg_kg", .min = MIN, .max = MAX, .unit = "kg", .description = WHAT " of the left leg")

#define BZ_SEGMENTAL_LEAN_FIELDS(F) \
  BZ_INBODY_SEGMENTS_FIELDS_ (F, SEGMENTAL_LEAN, "lean_", BZ_INBODY_SEGMENT_LEAN_MIN_KG, BZ_INBODY_SEGMENT_LEAN_MAX_KG, "Lean mass")
BZ_RESOURCE_DECLARE (bz_segmental_lean, SEGMENTAL_LEAN, BZ_SEGMENTAL_LEAN_FIELDS)

#define BZ_SEGMENTAL_FAT_FIELDS(F) \
  BZ_INBODY_SEGMENTS_FIELDS_ (F, SEGMENTAL_FAT, "fat_", BZ_INBODY_SEGMENT_FAT_MIN_KG, BZ_INBODY_SEGMENT_FAT_MAX_KG, "Fat mass")
BZ_RESOURCE_DECLARE (bz_segmental_fat, SEGMENTAL_FAT, BZ_SEGMENTAL_FAT_FIELDS)

/* The segments in field order, for code that walks both resources. */
typedef enum
{
  BZ_SEGMENT_RIGHT_ARM,
  BZ_SEGMENT_LEFT_ARM,
  BZ_SEGMENT_TRUNK,
  BZ_SEGMENT_RIGHT_LEG,
  BZ_SEGMENT_LEFT_LEG,
  BZ_N_SEGMENTS
} BzSegment;
G_STATIC_ASSERT ((int) BZ_SEGMENTAL_LEAN_N_FIELDS == (int) BZ_N_SEGMENTS);

/* Visceral fat level: InBody's 1-20 scale (InBody 770 result sheet,
 * "Visceral Fat Level", level 10 the upper end of normal). */
#define BZ_INBODY_VFL_MIN 1.0
#define BZ_INBODY_VFL_MAX 20.0
/* Whole-body phase angle at 50 kHz, degrees: healthy adults 5-9 degrees,
 * population 5th percentiles near 4 (Barbosa-Silva MC et al., Am J Clin
 * Nutr 2005;82:49-52); 1-20 admits the sick and the very fit. */
#define BZ_INBODY_PHASE_ANGLE_MIN_DEG 1.0
#define BZ_INBODY_PHASE_ANGLE_MAX_DEG 20.0
/* Total body water, L: about 0.73 L per kg of fat-free mass (Wang Z et al.,
 * Am J Clin Nutr 1999;69:833-41) of the Scan's 20-350 kg bodies. */
#define BZ_INBODY_TBW_MIN_L 5.0
#define BZ_INBODY_TBW_MAX_L 200.0
/* ECW/TBW: 0.36-0.39 in health (InBody results interpretation,
 * qr.inbody.com/ri/770), above 0.40 in oedema; 0.25-0.55 bounds typing errors. */
#define BZ_INBODY_ECW_TBW_MIN 0.25
#define BZ_INBODY_ECW_TBW_MAX 0.55

#define BZ_BIOIMPEDANCE_FIELDS(F) \
  F (BIOIMPEDANCE_SEGMENTAL_LEAN_MASS_KG, .name = "segmental_lean_mass_kg", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_INLINE, .ref = &bz_segmental_lean_resource, .description = "InBody Segmental Lean Analysis") \
  F (BIOIMPEDANCE_SEGMENTAL_FAT_MASS_KG, .name = "segmental_fat_mass_kg", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_INLINE, .ref = &bz_segmental_fat_resource, .description = "InBody Segmental Fat Analysis") \
  F (BIOIMPEDANCE_VISCERAL_FAT_LEVEL, .name = "visceral_fat_level", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_NULLABLE, .column = "visceral_fat_level", .min = BZ_INBODY_VFL_MIN, .max = BZ_INBODY_VFL_MAX, .description = "InBody visceral fat level (1-20; 10 and under is normal)") \
  F (BIOIMPEDANCE_PHASE_ANGLE_DEG, .name = "phase_angle_deg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_NULLABLE, .column = "phase_angle_deg", .min = BZ_INBODY_PHASE_ANGLE_MIN_DEG, .max = BZ_INBODY_PHASE_ANGLE_MAX_DEG, .unit = "degrees", .description = "Whole-body phase angle at 50 kHz") \
  F (BIOIMPEDANCE_TOTAL_BODY_WATER_L, .name = "total_body_water_l", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_NULLABLE, .column = "total_body_water_l", .min = BZ_INBODY_TBW_MIN_L, .max = BZ_INBODY_TBW_MAX_L, .unit = "L") \
  F (BIOIMPEDANCE_ECW_TBW_RATIO, .name = "ecw_tbw_ratio", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_NULLABLE, .column = "ecw_tbw_ratio", .min = BZ_INBODY_ECW_TBW_MIN, .max = BZ_INBODY_ECW_TBW_MAX, .description = "Extracellular to total body water (0.36-0.39 in health)")
BZ_RESOURCE_DECLARE (bz_bioimpedance, BIOIMPEDANCE, BZ_BIOIMPEDANCE_FIELDS)

/* --- POST /api/upload/scan-data (seed 001 "InBody scan file handling") ---- */

extern BzResource bz_scan_resource;   /* bz-resources.h */

/* What a file may lack (the InBody app's CSV has no height, sex or age):
 * applied to every row without it; ranges are the Scan's. */
#define BZ_SCAN_IMPORT_DEFAULTS_FIELDS_(F, SYM) \
  F (SYM##_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .description = "For a nutritionist: one of own patients; members omit it") \
  F (SYM##_SEX, .name = "sex", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_sex, .description = "For rows without Gender") \
  F (SYM##_AGE, .name = "age", .type = BZ_FIELD_NUMBER, .min = 5, .max = 120, .unit = "years", .description = "For rows without Age") \
  F (SYM##_HEIGHT_CM, .name = "height_cm", .type = BZ_FIELD_NUMBER, .min = 100, .max = 250, .unit = "cm", .description = "For rows without Height")

#define BZ_SCAN_IMPORT_FORM_FIELDS(F) \
  F (SCAN_IMPORT_FORM_FILE, .name = "file", .type = BZ_FIELD_BINARY, .flags = BZ_FIELD_REQUIRED, .description = "The LookinBody CSV export (InBody 270/570/770) or its rows as JSON; a raw text/csv or application/json body is accepted too, with the other fields as query parameters") \
  BZ_SCAN_IMPORT_DEFAULTS_FIELDS_ (F, SCAN_IMPORT_FORM)
BZ_RESOURCE_DECLARE (bz_scan_import_form, SCAN_IMPORT_FORM, BZ_SCAN_IMPORT_FORM_FIELDS)

#define BZ_SCAN_IMPORT_QUERY_FIELDS(F) \
  BZ_SCAN_IMPORT_DEFAULTS_FIELDS_ (F, SCAN_IMPORT_QUERY)
BZ_RESOURCE_DECLARE (bz_scan_import_query, SCAN_IMPORT_QUERY, BZ_SCAN_IMPORT_QUERY_FIELDS)

#define BZ_SCAN_IMPORT_FIELDS(F) \
  F (SCAN_IMPORT_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY) \
  F (SCAN_IMPORT_FORMAT, .name = "format", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "\"csv\" or \"json\"") \
  F (SCAN_IMPORT_SCANS, .name = "scans", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_scan_resource, .description = "The stored scans, each with its avatar, in file order")
BZ_RESOURCE_DECLARE (bz_scan_import, SCAN_IMPORT, BZ_SCAN_IMPORT_FIELDS)

G_END_DECLS
