#version 330 core
/* ground.frag — a soft floor disc with a contact shadow and faint 25 cm rings.
 * Output is premultiplied alpha, blended with (ONE, ONE_MINUS_SRC_ALPHA). */

in vec2 v_local;

uniform float u_radius;
uniform vec3 u_ground_color;              /* sRGB */
uniform vec2 u_shadow_radii;              /* contact shadow ellipse, metres (x, z) */

out vec4 frag_color;

void
main (void)
{
  float r = length (v_local);
  if (r > u_radius)
    discard;

  float edge = 1.0 - smoothstep (u_radius * 0.55, u_radius, r);
  float disc = 0.28 * edge;

  /* rings every 25 cm, antialiased with screen-space derivatives */
  float ring_d = abs (fract (r / 0.25 + 0.5) - 0.5) * 0.25;
  float ring_w = fwidth (r) * 1.2;
  float ring = (1.0 - smoothstep (0.0, ring_w, ring_d)) * 0.22 * edge
               * smoothstep (0.15, 0.2, r);   /* no dot at the centre */

  float s = length (v_local / u_shadow_radii);
  float shadow = (1.0 - smoothstep (0.2, 1.0, s)) * 0.45;

  vec3 color = u_ground_color * (1.0 - shadow);
  float alpha = clamp (disc + ring + shadow, 0.0, 1.0);
  frag_color = vec4 (color * alpha, alpha);
}
