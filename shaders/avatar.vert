#version 330 core
/* avatar.vert — the body mesh: world and view-space normals for avatar.frag. */

layout (location = 0) in vec3 a_position;
layout (location = 1) in vec3 a_normal;

uniform mat4 u_model;
uniform mat4 u_view;
uniform mat4 u_projection;
uniform mat3 u_normal_matrix;      /* inverse transpose of the model matrix */

out vec3 v_world_normal;
out vec3 v_view_normal;
out vec3 v_view_position;
out float v_height;                /* 0 at the feet, 1 at the top of the head */

uniform vec2 u_height_range;       /* min y, max y of the mesh (model space) */

void
main (void)
{
  vec4 world = u_model * vec4 (a_position, 1.0);
  vec4 view = u_view * world;

  v_world_normal = normalize (u_normal_matrix * a_normal);
  v_view_normal = mat3 (u_view) * v_world_normal;
  v_view_position = view.xyz;
  v_height = clamp ((a_position.y - u_height_range.x)
                    / max (u_height_range.y - u_height_range.x, 1e-4), 0.0, 1.0);
  gl_Position = u_projection * view;
}
