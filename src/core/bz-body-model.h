/* bz-body-model.h — the parametric human body model (owned by the body-model work).
 *
 * The body is a loft of superellipse cross-sections (Lamé curves
 * |x/a|^p + |z/b|^p = 1) placed at heights taken from segment-length
 * proportions of stature:
 *
 *   Drillis R, Contini R. "Body segment parameters." Technical report
 *   1166-03, School of Engineering and Science, New York University, 1966;
 *   reproduced in Winter DA, "Biomechanics and Motor Control of Human
 *   Movement", 4th ed., Wiley 2009, fig. 4.1 (segment lengths as fractions
 *   of height H: shoulder 0.818, chest 0.720, elbow 0.630, wrist 0.485,
 *   hip joint 0.530, knee 0.285, ankle 0.039; shoulder width 0.259,
 *   hip width 0.191, foot length 0.152, foot width 0.055).
 *
 * The mesh is three closed, disjoint, consistently oriented surfaces: the
 * trunk (torso, neck, head and both legs, one surface branching at the
 * crotch) and the two arms, each placed beside the trunk with a gap of at
 * least 0.002 H, so no volume is counted twice and no triangle crosses
 * another.  **The vertex count and the triangle list depend only on the
 * level of detail** (not on sex nor on any measurement): two bodies built at
 * the same LOD can be morphed by interpolating vertex positions.
 *
 * Composition shapes the body (bz-body-composition.c): the enclosed volume
 * is mass / body density (Siri 1961) plus residual lung volume and gut gas,
 * reached by scaling the sections that are not measured (between the
 * landmarks) while the measured ones keep their perimeters; see
 * docs/body-model.md.
 *
 * Missing circumferences are estimated by linear regressions fitted on NHANES
 * 2017–March 2020 (data/nhanes/, see bz_body_measurements_complete()).
 */
#pragma once

#include <glib.h>

#include "bz-nutrition.h"

G_BEGIN_DECLS

/**
 * BzBodyMeasurements:
 * All lengths in cm, masses in kg.  A circumference of 0 means "not measured":
 * bz_body_measurements_complete() estimates it.  A body fat of 0 means "not
 * measured": the model estimates it (bz_body_composition_estimate()).
 * Forearm (maximum, below the elbow), wrist, knee and ankle (minimum, above
 * the malleoli) are optional like the others.  The five segmental lean masses
 * are InBody's (right arm, left arm, trunk, right leg, left leg; 0 = not
 * measured); when given, they set the muscle fullness of those segments.
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
  double forearm_cm, wrist_cm, knee_cm, ankle_cm;
  double lean_right_arm_kg, lean_left_arm_kg, lean_trunk_kg;
  double lean_right_leg_kg, lean_left_leg_kg;
} BzBodyMeasurements;

/**
 * BzMesh:
 * Indexed triangle mesh in metres, +Y up, feet at y = 0, facing +Z.
 * @positions: float x,y,z per vertex; @normals: float x,y,z per vertex (unit);
 * @indices: guint32, three per triangle, counter-clockwise seen from outside.
 *
 * Element types: @positions and @normals are arrays of `float` holding
 * 3 × vertex-count elements; @indices is an array of `guint32` holding
 * 3 × triangle-count elements.
 *
 * The body model produces three closed parts in one mesh: the trunk
 * (torso, neck, head and both legs, one watertight surface branching at the
 * crotch) and the two arms (each a watertight tube capped at the shoulder and
 * fingertips).  The arms lie beside the trunk without touching it.
 */
typedef struct
{
  GArray *positions;
  GArray *normals;
  GArray *indices;
} BzMesh;

/**
 * BzBodyLandmarks:
 * @height_m: stature (top of head, y of the highest vertex), m
 * @waist_m: height of the waist cross-section (NHANES waist site: top of the
 *   iliac crest, 0.600 H), m
 * @hip_m: height of the hip cross-section (maximum protrusion of the
 *   buttocks, 0.510 H), m
 * @chest_m: height of the chest cross-section (0.720 H, Drillis & Contini), m
 * @crotch_m: height where the trunk branches into the legs (0.470 H), m
 * @shoulder_m: acromion height (0.818 H, Drillis & Contini), m
 *
 * Heights above the floor (y = 0) of the levels where the model places the
 * measured circumferences.  bz_mesh_circumference_at() at @waist_m and
 * @hip_m returns waist_cm and hip_cm (in m).
 */
typedef struct
{
  double height_m;
  double waist_m;
  double hip_m;
  double chest_m;
  double crotch_m;
  double shoulder_m;
} BzBodyLandmarks;

/** bz_mesh_new: Returns: (transfer full): an empty mesh. */
BzMesh  *bz_mesh_new (void);

/** bz_mesh_free: frees @mesh and its arrays; %NULL is ignored. */
void     bz_mesh_free (BzMesh *mesh);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzMesh, bz_mesh_free)

/** bz_mesh_vertex_count: Returns: number of vertices. */
guint    bz_mesh_vertex_count (const BzMesh *mesh);

/** bz_mesh_triangle_count: Returns: number of triangles. */
guint    bz_mesh_triangle_count (const BzMesh *mesh);

/**
 * bz_mesh_compute_normals:
 * @mesh: a mesh with positions and indices
 *
 * (Re)computes smooth vertex normals: the area-weighted sum of the normals
 * of the triangles around each vertex, normalised to unit length (+Y for a
 * vertex whose triangles are all degenerate).
 */
void     bz_mesh_compute_normals (BzMesh *mesh);

/**
 * bz_mesh_is_closed:
 * @mesh: a mesh
 *
 * Checks that the mesh is watertight and consistently oriented: every
 * directed edge (a → b) of every triangle occurs exactly once and its
 * reverse (b → a) occurs exactly once too, i.e. every edge is shared by
 * exactly two triangles with opposite orientation.  Triangles with a
 * repeated vertex index, or indices out of range, fail the check.
 *
 * Returns: %TRUE if closed and consistently oriented.
 */
gboolean bz_mesh_is_closed (const BzMesh *mesh);

/**
 * bz_mesh_signed_volume:
 * @mesh: a closed mesh
 *
 * Returns: the enclosed volume in m³ by the divergence theorem
 *   (Σ v0 · (v1 × v2) / 6); positive when the triangles wind
 *   counter-clockwise seen from outside.
 */
double   bz_mesh_signed_volume (const BzMesh *mesh);

/**
 * bz_mesh_circumference_at:
 * @mesh: a closed mesh (+Y up)
 * @y_m: height of the horizontal slicing plane, m
 *
 * Slices @mesh with the plane y = @y_m and returns the perimeter of the
 * torso's loop.  The slice of the whole mesh may also cut the arms (and,
 * below the crotch, the legs); those loops lie beside the body axis, so the
 * function keeps only the closed loops that enclose the vertical body axis
 * (x = 0, z = 0) and returns the perimeter of the largest of them (by
 * enclosed area).  If no loop encloses the axis (e.g. below the crotch) it
 * returns the perimeter of the largest loop.  A vertex lying exactly on the
 * plane counts as above it, so a ring of vertices at @y_m yields exactly
 * that ring's polygon.
 *
 * Returns: perimeter in m; 0 if the plane misses the mesh.
 */
double   bz_mesh_circumference_at (const BzMesh *mesh, double y_m);

/**
 * bz_body_measurements_complete:
 * @m: (inout): measurements; circumferences left at 0 are filled in
 *
 * Fills circumferences left at 0 (cm) from sex, height (cm), weight (kg) and
 * body fat (%).  Waist, hip and mid-upper-arm circumference come from
 * ordinary least-squares fits on the NHANES 2017–March 2020 adult body
 * measures (data/nhanes/nhanes_adult_{female,male}_bmx_2020.csv; 4,221 women,
 * 4,081 men), per sex: circumference = b0 + b1·BMI + b2·height_cm, with
 *   women: waist R² 0.86 (RMSE 6.6 cm), hip R² 0.92 (4.4), arm R² 0.85 (2.2);
 *   men:   waist R² 0.87 (RMSE 6.1 cm), hip R² 0.91 (3.7), arm R² 0.82 (2.0).
 * When body fat is given, waist and hip are shifted by its deviation from the
 * value expected for the BMI (Deurenberg P, Weststrate JA, Seidell JC, Br J
 * Nutr 1991;65:105-14: BF% = 1.2·BMI + 0.23·age − 10.8·male − 5.4), by
 * 0.5 cm (waist) and 0.25 cm (hip) per percentage point, capped at ±8 cm —
 * a heuristic, not fitted (the NHANES extract has no body fat).
 * Neck, chest, thigh and calf are not in the NHANES extract: they come from
 * heuristic linear relations to waist and hip chosen to land near the
 * sex-specific means of the US Army ANSUR II survey (Gordon CC et al., 2014,
 * NATICK/TR-15/007); treat them as rough.  Forearm (0.6 arm + 7 cm), wrist
 * (0.3 arm + 6.5 cm), knee (max (0.95 calf, 0.62 thigh)) and ankle (0.6
 * calf) are heuristics too.  A missing weight is taken as BMI 24.  Height
 * must be > 0.
 */
void     bz_body_measurements_complete (BzBodyMeasurements *m);

/**
 * bz_body_model_landmarks:
 * @m: measurements (only @m->height_cm is used)
 * @out: (out): landmark heights in m
 *
 * Fills the heights at which bz_body_model_build() places its measured
 * cross-sections; see #BzBodyLandmarks for the sources.
 */
void     bz_body_model_landmarks (const BzBodyMeasurements *m, BzBodyLandmarks *out);

/**
 * bz_body_model_build:
 * @m: measurements (completed internally; not modified); body_fat_percent 0
 *   means not measured (then estimated, see bz_body_composition_estimate())
 * @lod: level of detail, 0 (finest) .. 2 (coarsest); larger values clamp to 2.
 *   Around the trunk the rings have 48, 32 and 20 vertices; rings between
 *   key sections are at most 0.01, 0.02 and 0.04 H apart (nominally).
 *
 * Builds the body in metres (+Y up, feet at y = 0, facing +Z): three closed
 * parts (trunk with legs, two arms) that do not touch.  The highest vertex
 * is at exactly height_cm / 100.  Every circumference (given, or completed
 * by bz_body_measurements_complete()) is a ring at its site whose polygon
 * perimeter equals it (each superellipse is sampled with the ring's own
 * vertex count and phase, its polygon perimeter measured and the section
 * scaled: a superellipse perimeter has no closed form); the sites are
 * reported by bz_body_model_build_full().  The enclosed volume is mass /
 * density (Siri) + residual lung volume + 100 mL gut gas within 0.02 %,
 * reached by scaling the unmeasured sections between the sites
 * (docs/body-model.md).
 *
 * The vertex count and the triangle list depend only on @lod (not on sex
 * nor on any measurement), so two bodies at one LOD can be morphed by
 * interpolating their positions.
 *
 * Returns: (transfer full): a closed, consistently oriented mesh with
 *   smooth normals
 */
BzMesh  *bz_body_model_build (const BzBodyMeasurements *m, guint lod);

/**
 * BzBodySite:
 * The sites where the model places a measured circumference.  The limb
 * sites are on the left limbs (+X); the right ones mirror them.
 */
typedef enum
{
  BZ_BODY_SITE_NECK,
  BZ_BODY_SITE_CHEST,
  BZ_BODY_SITE_WAIST,
  BZ_BODY_SITE_HIP,
  BZ_BODY_SITE_ARM,
  BZ_BODY_SITE_FOREARM,
  BZ_BODY_SITE_WRIST,
  BZ_BODY_SITE_THIGH,
  BZ_BODY_SITE_KNEE,
  BZ_BODY_SITE_CALF,
  BZ_BODY_SITE_ANKLE,
  BZ_BODY_N_SITES
} BzBodySite;

/**
 * BzBodySitePlane:
 * @point: a point on the limb's (or the trunk's) axis in the measuring plane, m
 * @normal: unit normal of the measuring plane (+Y for horizontal sites, the
 *   arm's axis for the arm, forearm and wrist)
 * @circumference_m: the circumference the mesh reproduces there, m (the
 *   measured one, or the completed estimate when it was not measured)
 */
typedef struct
{
  double point[3];
  double normal[3];
  double circumference_m;
} BzBodySitePlane;

/**
 * BzBodyModelInfo:
 * @sites: the measuring planes, indexed by #BzBodySite
 * @body_fat_percent: the body fat the shape was built for (measured or estimated)
 * @body_fat_estimated: %TRUE when @body_fat_percent was estimated
 * @density_kg_m3: body density from @body_fat_percent (Siri 1961)
 * @residual_volume_m3: residual lung volume added to the body volume
 * @gut_gas_m3: gastrointestinal gas added (1e-4 m³, 100 mL)
 * @target_volume_m3: mass / density + residual volume + gut gas
 * @volume_m3: the volume the mesh encloses
 * @fill: the scale of the unmeasured sections that reaches the target
 *   volume (1 = the model's average shape)
 * @natural_volume_m3: the volume at @fill 1, the volume the measured girths
 *   imply with the model's average shape between them
 * @arm_theta_rad: abduction of the arms from the vertical
 */
typedef struct
{
  BzBodySitePlane sites[BZ_BODY_N_SITES];
  double body_fat_percent;
  gboolean body_fat_estimated;
  double density_kg_m3;
  double residual_volume_m3;
  double gut_gas_m3;
  double target_volume_m3;
  double volume_m3;
  double fill;
  double natural_volume_m3;
  double arm_theta_rad;
} BzBodyModelInfo;

/**
 * bz_body_model_build_full:
 * @m: measurements (completed internally; not modified)
 * @lod: level of detail as for bz_body_model_build()
 * @info: (out) (optional): sites, composition and volume of the built body
 *
 * Builds the body like bz_body_model_build() and reports where each
 * circumference is placed and the composition and volume it was built for.
 *
 * Returns: (transfer full): the mesh
 */
BzMesh  *bz_body_model_build_full (const BzBodyMeasurements *m, guint lod,
                                   BzBodyModelInfo *info);

/**
 * bz_body_model_implied_body_fat:
 * @m: measurements; body_fat_percent 0 = not measured
 *
 * Builds the body (LOD 2) and returns the body fat its enclosed volume V
 * implies: density D = mass / (V − residual lung volume − gut gas), then
 * Siri's %BF = 495 / D − 450 (D in g/cm³), as hydrostatic weighing would.
 * When body fat is not measured the body is built for the estimate of
 * bz_body_composition_estimate(), so the result is that estimate to within
 * the volume solve's tolerance (0.02 % of the volume, about 0.1 point).
 *
 * Returns: body fat, %
 */
double   bz_body_model_implied_body_fat (const BzBodyMeasurements *m);

/**
 * bz_body_density_siri:
 * @body_fat_percent: body fat, %
 *
 * Body density from the two-compartment model of Siri WE, "Body composition
 * from fluid spaces and density", in Brozek J, Henschel A (eds.),
 * Techniques for Measuring Body Composition, NAS 1961, pp. 223-44:
 * %BF = 495 / D − 450, so D = 495 / (%BF + 450) g/cm³.
 *
 * Returns: density in kg/m³
 */
double   bz_body_density_siri (double body_fat_percent);

/**
 * bz_body_residual_volume_l:
 * @sex: sex
 * @age_years: age, years (0: 40)
 * @height_cm: stature, cm
 *
 * Predicted residual lung volume of Goldman HI, Becklake MR, "Respiratory
 * function tests: normal values at median altitudes and the prediction of
 * normal results", Am Rev Tuberc 1959;79:457-67, as used for hydrostatic
 * weighing (Heyward VH, Wagner DR, Applied Body Composition Assessment, 2nd
 * ed., 2004): men RV = 0.017 age + 0.027 Ht − 3.477; women RV = 0.009 age +
 * 0.032 Ht − 3.90 (L, Ht in cm), floored at 0.5 L.
 *
 * Returns: residual volume, L
 */
double   bz_body_residual_volume_l (BzSex sex, double age_years, double height_cm);

/**
 * bz_body_composition_estimate:
 * @m: measurements with sex, height and weight (age and circumferences
 *   optional; missing ones are completed)
 *
 * Estimates body fat when it was not measured; see docs/body-model.md for
 * the method and its validation.
 *
 * Returns: body fat, %, between 3 and 60
 */
double   bz_body_composition_estimate (const BzBodyMeasurements *m);

/**
 * bz_body_fat_navy:
 * @sex: the equation's sex
 * @height_cm: stature, cm
 * @neck_cm: neck circumference, cm
 * @waist_cm: waist (abdomen) circumference, cm
 * @hip_cm: hip circumference, cm (women only; ignored for men)
 *
 * The US Navy circumference equations (Hodgdon JA, Beckett MB, Naval Health
 * Research Center reports 84-11 and 84-29, 1984; calibrated against
 * hydrostatic weighing and Siri's equation), in cm: men D = 1.0324 −
 * 0.19077 log10(waist − neck) + 0.15456 log10(height), women D = 1.29579 −
 * 0.35004 log10(waist + hip − neck) + 0.22100 log10(height); %BF = 495/D − 450.
 * One of the two equations bz_body_composition_estimate() combines, public
 * so that validations (tests/bench/validate-body-fat) compare against it.
 *
 * Returns: body fat, %, or NAN without a girth the equation needs
 */
double   bz_body_fat_navy (BzSex sex, double height_cm, double neck_cm, double waist_cm, double hip_cm);

/**
 * bz_body_fat_deurenberg:
 * @sex: the equation's sex
 * @bmi: body mass index, kg/m²
 * @age_years: age, years
 *
 * Deurenberg P, Weststrate JA, Seidell JC, "Body mass index as a measure of
 * body fatness: age- and sex-specific prediction formulas", Br J Nutr
 * 1991;65:105-14 (densitometry, Siri): %BF = 1.2 BMI + 0.23 age − 10.8 (men) − 5.4.
 *
 * Returns: body fat, %
 */
double   bz_body_fat_deurenberg (BzSex sex, double bmi, double age_years);

G_END_DECLS
