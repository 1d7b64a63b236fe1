#version 330 core
/* avatar.frag — Lambert key and fill lights, a hemisphere ambient and a rim light,
 * computed in linear light and written as sRGB. */

in vec3 v_world_normal;
in vec3 v_view_normal;
in vec3 v_view_position;
in float v_height;

uniform vec3 u_skin_color;         /* sRGB */
uniform vec3 u_rim_color;          /* sRGB */

out vec4 frag_color;

vec3
to_linear (vec3 c)
{
  return pow (c, vec3 (2.2));
}

void
main (void)
{
  vec3 n = normalize (v_view_normal);
  vec3 v = normalize (-v_view_position);
  if (dot (n, v) < 0.0)              /* back faces of open meshes */
    n = -n;

  /* Lights are fixed to the camera, so the body is lit however it is turned. */
  vec3 key_dir = normalize (vec3 (-0.45, 0.55, 0.70));
  vec3 fill_dir = normalize (vec3 (0.60, -0.10, 0.55));

  float key = max (dot (n, key_dir), 0.0);
  float fill = max (dot (n, fill_dir), 0.0);
  float hemi = 0.5 + 0.5 * normalize (v_world_normal).y;
  float rim = pow (1.0 - max (dot (n, v), 0.0), 2.5);

  vec3 base = to_linear (u_skin_color);
  vec3 sky = vec3 (0.95, 0.97, 1.00);
  vec3 ground = vec3 (0.45, 0.40, 0.38);
  vec3 ambient = mix (ground, sky, hemi) * 0.32;

  /* A touch of occlusion towards the feet grounds the figure. */
  float occlusion = mix (0.82, 1.0, smoothstep (0.0, 0.25, v_height));

  vec3 color = base * (ambient + key * 0.78 + fill * 0.22) * occlusion;
  color += to_linear (u_rim_color) * rim * 0.45;

  frag_color = vec4 (pow (color, vec3 (1.0 / 2.2)), 1.0);
}
