/* bz-scan3d-resources.c — the tables of bz-scan3d-resources.h. */
#include "bz-scan3d-resources.h"

BZ_RESOURCE_DEFINE (bz_scan3d_result, SCAN3D_RESULT, "Scan3dResult", "A scan's avatar from the 3D-scanning service (seed 000 story 4.4)", BZ_SCAN3D_RESULT_FIELDS)
