/* bz-body-model.h — the parametric human body model (owned by the body-model work). */
#pragma once

#include <glib.h>

#include "bz-nutrition.h"

G_BEGIN_DECLS

/**
 * BzBodyMeasurements:
 * All lengths in cm, masses in kg.  A circumference of 0 means "not measured":
 * bz_body_measurements_complete() estimates it.
 */
typedef struct
{
  BzSex sex;
  double age_years;
  double height_cm;
  double weight_kg;
  double body_fat_percent;
  double skeletal_muscle_mass_kg;
  double neck_cm, chest_cm, waist_cm, hip_cm, arm_cm, thigh_cm, calf_cm;
} BzBodyMeasurements;

/**
 * BzMesh:
 * Indexed triangle mesh in metres, +Y up, feet at y = 0, facing +Z.
 * @positions: float x,y,z per vertex; @normals: float x,y,z per vertex (unit);
 * @indices: guint32, three per triangle, counter-clockwise seen from outside.
 */
typedef struct
{
  GArray *positions;
  GArray *normals;
  GArray *indices;
} BzMesh;

void     bz_mesh_free (BzMesh *mesh);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzMesh, bz_mesh_free)

/** bz_mesh_vertex_count: Returns: number of vertices. */
guint    bz_mesh_vertex_count (const BzMesh *mesh);

/** bz_body_measurements_complete: fills circumferences left at 0 from the others. */
void     bz_body_measurements_complete (BzBodyMeasurements *m);

/**
 * bz_body_model_build:
 * @m: measurements (completed internally; not modified)
 * @lod: level of detail, 0 (finest) .. 2 (coarsest)
 * Returns: (transfer full): a closed, smooth mesh whose height equals
 *   @m->height_cm and whose waist and hip circumferences match @m.
 */
BzMesh  *bz_body_model_build (const BzBodyMeasurements *m, guint lod);

G_END_DECLS
