#version 330 core
/* avatar.vert — the body mesh: world and view-space normals for avatar.frag.
 * With a morph (bz-avatar-view.c), a second scan's positions and normals
 * and the per-vertex change (cm) come as attributes 2-4, mixed by u_morph;
 * without one they are the constant (0, 0, 0, 1) and u_morph is 0. */

layout (location = 0) in vec3 a_position;
layout (location = 1) in vec3 a_normal;
layout (location = 2) in vec3 a_position_to;
layout (location = 3) in vec3 a_normal_to;
layout (location = 4) in float a_change_cm;

uniform mat4 u_model;
uniform mat4 u_view;
uniform mat4 u_projection;
uniform mat3 u_normal_matrix;      /* inverse transpose of the model matrix */
uniform float u_morph;             /* 0: a_position .. 1: a_position_to */

out vec3 v_world_normal;
out vec3 v_view_normal;
out vec3 v_view_position;
out float v_height;                /* 0 at the feet, 1 at the top of the head */
out float v_change_cm;             /* the change so far: u_morph × a_change_cm */

uniform vec2 u_height_range;       /* min y, max y of the mesh (model space) */

void
main (void)
{
  vec3 position = mix (a_position, a_position_to, u_morph);
  vec3 normal = u_morph > 0.0 ? normalize (mix (a_normal, a_normal_to, u_morph)) : a_normal;
  vec4 world = u_model * vec4 (position, 1.0);
  vec4 view = u_view * world;

  v_world_normal = normalize (u_normal_matrix * normal);
  v_view_normal = mat3 (u_view) * v_world_normal;
  v_view_position = view.xyz;
  v_height = clamp ((position.y - u_height_range.x)
                    / max (u_height_range.y - u_height_range.x, 1e-4), 0.0, 1.0);
  v_change_cm = u_morph * a_change_cm;
  gl_Position = u_projection * view;
}
