#version 330 core
/* ground.vert — a unit quad on the floor (y = 0 in model space), scaled to a disc. */

layout (location = 0) in vec2 a_corner;   /* -1..1 */

uniform mat4 u_view;
uniform mat4 u_projection;
uniform vec3 u_center;                    /* world position of the disc centre */
uniform float u_radius;                   /* metres */

out vec2 v_local;                         /* metres from the centre */

void
main (void)
{
  v_local = a_corner * u_radius;
  vec3 world = u_center + vec3 (v_local.x, 0.0, v_local.y);
  gl_Position = u_projection * u_view * vec4 (world, 1.0);
}
