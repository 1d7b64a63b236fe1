/* bz-body-test.h — test-side tools for the body model: the NHANES bodies and
 * measurements taken on a mesh independently of the model's own numbers. */
#pragma once

#include "bz-body-model.h"

typedef struct
{
  BzSex sex;
  double weight_kg, height_cm, arm_cm, hip_cm, waist_cm;
} NhanesRow;

/* Every @every-th adult of data/nhanes/nhanes_adult_{female,male}_bmx_2020.csv. */
GArray  *bz_body_test_load_nhanes (BzSex sex, guint every);
BzBodyMeasurements bz_body_test_measurements (const NhanesRow *r);

/* Each undirected edge in exactly two triangles, once in each direction. */
gboolean bz_body_test_is_manifold (const BzMesh *mesh);
/* Enclosed volume by the divergence theorem, m³. */
double   bz_body_test_volume (const BzMesh *mesh);
/* Number of pairs of triangles without a shared vertex that cross (an edge
 * of one through the other), found through a uniform spatial grid. */
guint    bz_body_test_self_intersections (const BzMesh *mesh);
/* A tape around the body: the mesh is sliced by the plane through @point
 * with normal @normal, the cut segments are chained into loops, the loop
 * around @point is kept and the perimeter of its convex hull returned, m
 * (0 if no loop encloses @point). */
double   bz_body_test_tape (const BzMesh *mesh, const double point[3], const double normal[3]);
