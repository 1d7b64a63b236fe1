/* bz-label-resources.c — the tables of bz-label-resources.h. */
#include "bz-label-resources.h"

BZ_RESOURCE_DEFINE (bz_label_nutrition, LABEL_NUTRITION, "LabelNutrition",
                    "A nutrition label's values (seed 002 POST /ai/scan-label)", BZ_LABEL_NUTRITION_FIELDS)
BZ_RESOURCE_DEFINE (bz_label_scan_input, LABEL_SCAN_INPUT, "LabelScanInput",
                    "POST /ai/scan-label: the label's values", BZ_LABEL_SCAN_INPUT_FIELDS)
BZ_RESOURCE_DEFINE (bz_label_alternative, LABEL_ALTERNATIVE, "LabelAlternative",
                    "A better choice of the same kind", BZ_LABEL_ALTERNATIVE_FIELDS)
BZ_RESOURCE_DEFINE (bz_label_scan, LABEL_SCAN, "LabelScan",
                    "POST /ai/scan-label: NOM-051 seals, score, recommendation, alternatives", BZ_LABEL_SCAN_FIELDS)
BZ_RESOURCE_DEFINE (bz_label_photo_form, LABEL_PHOTO_FORM, "LabelPhoto",
                    "POST /ai/scan-label: a photo of the label (multipart/form-data)", BZ_LABEL_PHOTO_FORM_FIELDS)
