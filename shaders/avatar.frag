#version 330 core
/* avatar.frag — Lambert key and fill lights, a hemisphere ambient and a rim light,
 * computed in linear light and written as sRGB.  With u_heat the base colour
 * is the change (cm) on the diverging palette of bz-avatar-morph.h instead
 * of skin, interpolated as bz_avatar_morph_color() does. */

in vec3 v_world_normal;
in vec3 v_view_normal;
in vec3 v_view_position;
in float v_height;
in float v_change_cm;

uniform vec3 u_skin_color;         /* sRGB */
uniform vec3 u_rim_color;          /* sRGB */
uniform bool u_heat;
uniform float u_heat_range;        /* cm at the palette's ends */
uniform vec3 u_palette[9];         /* sRGB, lost .. gained */

out vec4 frag_color;

vec3
to_linear (vec3 c)
{
  return pow (c, vec3 (2.2));
}

vec3
palette (float change_cm)
{
  float x = clamp (change_cm / max (u_heat_range, 1e-6), -1.0, 1.0);
  float pos = (x + 1.0) * 0.5 * 8.0;
  int i = min (int (floor (pos)), 7);
  return mix (u_palette[i], u_palette[i + 1], pos - float (i));
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

  vec3 base = to_linear (u_heat ? palette (v_change_cm) : u_skin_color);
  vec3 sky = vec3 (0.95, 0.97, 1.00);
  vec3 ground = vec3 (0.45, 0.40, 0.38);
  vec3 ambient = mix (ground, sky, hemi) * 0.32;
  vec3 rim_color = to_linear (u_rim_color);
  if (u_heat)
    {
      /* colours that carry data: grey light only, so the hue stays the palette's */
      ambient = vec3 (mix (0.42, 0.97, hemi) * 0.32);
      rim_color = vec3 (0.55);
    }

  /* A touch of occlusion towards the feet grounds the figure. */
  float occlusion = mix (0.82, 1.0, smoothstep (0.0, 0.25, v_height));

  vec3 color = base * (ambient + key * 0.78 + fill * 0.22) * occlusion;
  color += rim_color * rim * 0.45;

  frag_color = vec4 (pow (color, vec3 (1.0 / 2.2)), 1.0);
}
