/* bz-avatar-view.c — the 3D body avatar in a GtkGLArea (OpenGL 3.3 core).
 *
 * Orbit camera around the body: drag to turn, scroll or pinch to zoom, arrows
 * turn, +/- zoom, Home resets.  The mesh is drawn with avatar.vert/.frag
 * (Lambert + rim light, skin tone) into a 4x multisampled framebuffer that is
 * resolved into the GtkGLArea's own; a translucent floor disc (ground.vert/
 * .frag) sits under the feet.  GL calls through libepoxy, matrices with cglm.
 *
 * Morph (issue 8, bz_avatar_view_set_morph()): the two scans' positions and
 * normals are two attribute pairs of one vertex array, with the per-vertex
 * change in cm a fifth; the vertex shader mixes them by the uniform u_morph
 * and the fragment shader colours the change (u_heat) with the palette of
 * bz-avatar-morph.h.  Moving the timeline then costs one uniform per frame.
 * On the GPU rather than the CPU: measured on the development machine
 * (2 shared cores, -O2, the demo's showcase bodies, 2,000 steps), the CPU
 * way costs per slider step 0.25 ms to mix and renormalise LOD 0 (9,546
 * vertices; LOD 1 0.10 ms, LOD 2 0.04 ms) plus a 229 KB buffer upload,
 * where the GPU way uploads the five attributes once and then one float.
 */
#include <epoxy/gl.h>

#include "bz-avatar-view.h"
#include "bz-avatar-morph.h"

#include <cglm/cglm.h>
#include <string.h>
#include <glib/gi18n.h>

#define SHADER_PATH "/org/balanza/Balanza/shaders/"

#define FOV_DEG      30.0
#define DEFAULT_YAW  -25.0
#define DEFAULT_PITCH 6.0
#define MIN_PITCH    -35.0
#define MAX_PITCH    70.0
#define MIN_ZOOM     0.4
#define MAX_ZOOM     3.0
#define MSAA_SAMPLES 4

/* sRGB */
static const float skin_color[3] = { 0.86f, 0.64f, 0.51f };
static const float rim_color[3] = { 0.62f, 0.78f, 1.00f };

struct _BzAvatarView
{
  GtkGLArea parent_instance;

  BzGlbMesh *mesh;            /* owned; kept for bounds */
  BzAvatarMorph *morph;       /* owned; instead of @mesh when set */
  double morph_t;             /* 0: morph->from .. 1: morph->to */
  gboolean heat;              /* colour the change instead of skin */
  gboolean mesh_dirty;
  guint frames_with_mesh;

  double yaw, pitch, zoom;
  double drag_yaw, drag_pitch, pinch_zoom;

  /* GL objects, valid between realize and unrealize */
  gboolean gl_ready;
  GLuint mesh_program, ground_program;
  GLuint mesh_vao, mesh_vbo[5], mesh_ebo;
  GLsizei mesh_index_count;
  GLuint ground_vao, ground_vbo;
  GLuint msaa_fbo, msaa_color, msaa_depth;
  int msaa_width, msaa_height;
  gboolean msaa_failed;
};

G_DEFINE_FINAL_TYPE (BzAvatarView, bz_avatar_view, GTK_TYPE_GL_AREA)

/* --- GL helpers --------------------------------------------------------- */

static GLuint
compile_shader (GLenum type, const char *resource, GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, error);
  const char *source;
  GLint len, ok = 0;
  GLuint shader;

  if (bytes == NULL)
    return 0;
  source = g_bytes_get_data (bytes, NULL);
  len = g_bytes_get_size (bytes);

  shader = glCreateShader (type);
  glShaderSource (shader, 1, &source, &len);
  glCompileShader (shader);
  glGetShaderiv (shader, GL_COMPILE_STATUS, &ok);
  if (!ok)
    {
      char log[2048] = "";
      glGetShaderInfoLog (shader, sizeof log, NULL, log);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", resource, log);
      glDeleteShader (shader);
      return 0;
    }
  return shader;
}

static GLuint
link_program (const char *vert, const char *frag, GError **error)
{
  GLuint vs, fs, program;
  GLint ok = 0;

  if (!(vs = compile_shader (GL_VERTEX_SHADER, vert, error)))
    return 0;
  if (!(fs = compile_shader (GL_FRAGMENT_SHADER, frag, error)))
    {
      glDeleteShader (vs);
      return 0;
    }
  program = glCreateProgram ();
  glAttachShader (program, vs);
  glAttachShader (program, fs);
  glLinkProgram (program);
  glDeleteShader (vs);
  glDeleteShader (fs);
  glGetProgramiv (program, GL_LINK_STATUS, &ok);
  if (!ok)
    {
      char log[2048] = "";
      glGetProgramInfoLog (program, sizeof log, NULL, log);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "link %s: %s", vert, log);
      glDeleteProgram (program);
      return 0;
    }
  return program;
}

static void
upload_attribute (GLuint vbo, GLuint location, GArray *values, int size)
{
  glBindBuffer (GL_ARRAY_BUFFER, vbo);
  glBufferData (GL_ARRAY_BUFFER, values->len * sizeof (float), values->data, GL_STATIC_DRAW);
  glEnableVertexAttribArray (location);
  glVertexAttribPointer (location, size, GL_FLOAT, GL_FALSE, size * sizeof (float), NULL);
}

static void
upload_mesh (BzAvatarView *self)
{
  BzGlbMesh *mesh = self->mesh;
  BzAvatarMorph *morph = self->morph;
  GArray *indices;

  self->mesh_dirty = FALSE;
  self->mesh_index_count = 0;
  if (mesh == NULL && morph == NULL)
    return;

  glBindVertexArray (self->mesh_vao);
  if (morph)
    {
      upload_attribute (self->mesh_vbo[0], 0, morph->from->positions, 3);
      upload_attribute (self->mesh_vbo[1], 1, morph->from->normals, 3);
      upload_attribute (self->mesh_vbo[2], 2, morph->to->positions, 3);
      upload_attribute (self->mesh_vbo[3], 3, morph->to->normals, 3);
      upload_attribute (self->mesh_vbo[4], 4, morph->change_cm, 1);
      indices = morph->from->indices;
    }
  else
    {
      upload_attribute (self->mesh_vbo[0], 0, mesh->positions, 3);
      upload_attribute (self->mesh_vbo[1], 1, mesh->normals, 3);
      for (GLuint a = 2; a <= 4; a++)
        glDisableVertexAttribArray (a);   /* constant (0, 0, 0, 1): u_morph is 0 */
      indices = mesh->indices;
    }

  glBindBuffer (GL_ELEMENT_ARRAY_BUFFER, self->mesh_ebo);
  glBufferData (GL_ELEMENT_ARRAY_BUFFER, indices->len * sizeof (guint32), indices->data, GL_STATIC_DRAW);
  glBindVertexArray (0);

  self->mesh_index_count = indices->len;
}

/* (Re)creates the multisampled framebuffer at the drawing size; returns
 * FALSE when multisampling is unavailable (then we draw directly). */
static gboolean
ensure_msaa (BzAvatarView *self, int width, int height)
{
  if (self->msaa_failed)
    return FALSE;
  if (self->msaa_fbo && self->msaa_width == width && self->msaa_height == height)
    return TRUE;

  if (!self->msaa_fbo)
    {
      glGenFramebuffers (1, &self->msaa_fbo);
      glGenRenderbuffers (1, &self->msaa_color);
      glGenRenderbuffers (1, &self->msaa_depth);
    }
  glBindRenderbuffer (GL_RENDERBUFFER, self->msaa_color);
  glRenderbufferStorageMultisample (GL_RENDERBUFFER, MSAA_SAMPLES, GL_RGBA8, width, height);
  glBindRenderbuffer (GL_RENDERBUFFER, self->msaa_depth);
  glRenderbufferStorageMultisample (GL_RENDERBUFFER, MSAA_SAMPLES, GL_DEPTH24_STENCIL8, width, height);
  glBindFramebuffer (GL_FRAMEBUFFER, self->msaa_fbo);
  glFramebufferRenderbuffer (GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, self->msaa_color);
  glFramebufferRenderbuffer (GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, self->msaa_depth);
  if (glCheckFramebufferStatus (GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    {
      g_debug ("avatar view: no %dx multisampling, drawing aliased", MSAA_SAMPLES);
      self->msaa_failed = TRUE;
      return FALSE;
    }
  self->msaa_width = width;
  self->msaa_height = height;
  return TRUE;
}

/* --- camera ------------------------------------------------------------- */

static void
mesh_bounds (BzAvatarView *self, vec3 min, vec3 max)
{
  if (self->morph)
    {
      glm_vec3_copy (self->morph->min, min);
      glm_vec3_copy (self->morph->max, max);
    }
  else if (self->mesh)
    {
      glm_vec3_copy (self->mesh->min, min);
      glm_vec3_copy (self->mesh->max, max);
    }
  else
    {
      glm_vec3_copy ((vec3) { -0.3f, 0.0f, -0.3f }, min);
      glm_vec3_copy ((vec3) { 0.3f, 1.7f, 0.3f }, max);
    }
}

static void
camera_matrices (BzAvatarView *self, float aspect, mat4 view, mat4 projection)
{
  vec3 min, max, target, eye, extent;
  double fov = glm_rad (FOV_DEG), fit, distance;
  double yaw = glm_rad (self->yaw), pitch = glm_rad (self->pitch);

  mesh_bounds (self, min, max);
  glm_vec3_center (min, max, target);
  glm_vec3_sub (max, min, extent);

  /* Distance that fits the body's height (and width on narrow views) with a margin. */
  fit = MAX (extent[1] * 0.5, MAX (extent[0], extent[2]) * 0.5 / MAX (aspect, 0.1f)) * 1.12;
  distance = fit / tan (fov * 0.5) / self->zoom + MAX (extent[0], extent[2]) * 0.5;

  eye[0] = target[0] + distance * sin (yaw) * cos (pitch);
  eye[1] = target[1] + distance * sin (pitch);
  eye[2] = target[2] + distance * cos (yaw) * cos (pitch);

  glm_lookat (eye, target, (vec3) { 0.0f, 1.0f, 0.0f }, view);
  glm_perspective (fov, aspect, MAX (distance * 0.05, 0.01), distance * 4.0 + 10.0, projection);
}

void
bz_avatar_view_reset_camera (BzAvatarView *self)
{
  g_return_if_fail (BZ_IS_AVATAR_VIEW (self));
  self->yaw = DEFAULT_YAW;
  self->pitch = DEFAULT_PITCH;
  self->zoom = 1.0;
  gtk_gl_area_queue_render (GTK_GL_AREA (self));
}

void
bz_avatar_view_rotate (BzAvatarView *self, double dyaw, double dpitch)
{
  g_return_if_fail (BZ_IS_AVATAR_VIEW (self));
  self->yaw = fmod (self->yaw + dyaw, 360.0);
  self->pitch = CLAMP (self->pitch + dpitch, MIN_PITCH, MAX_PITCH);
  gtk_gl_area_queue_render (GTK_GL_AREA (self));
}

void
bz_avatar_view_zoom (BzAvatarView *self, double factor)
{
  g_return_if_fail (BZ_IS_AVATAR_VIEW (self));
  self->zoom = CLAMP (self->zoom * factor, MIN_ZOOM, MAX_ZOOM);
  gtk_gl_area_queue_render (GTK_GL_AREA (self));
}

/* --- GtkGLArea ---------------------------------------------------------- */

static void
bz_avatar_view_realize (GtkWidget *widget)
{
  BzAvatarView *self = BZ_AVATAR_VIEW (widget);
  g_autoptr(GError) error = NULL;
  static const float quad[] = { -1, -1, 1, -1, -1, 1, 1, 1 };

  GTK_WIDGET_CLASS (bz_avatar_view_parent_class)->realize (widget);

  gtk_gl_area_make_current (GTK_GL_AREA (self));
  if (gtk_gl_area_get_error (GTK_GL_AREA (self)) != NULL)
    {
      g_message ("avatar view: no OpenGL context: %s",
                 gtk_gl_area_get_error (GTK_GL_AREA (self))->message);
      return;
    }

  self->mesh_program = link_program (SHADER_PATH "avatar.vert", SHADER_PATH "avatar.frag", &error);
  if (self->mesh_program)
    self->ground_program = link_program (SHADER_PATH "ground.vert", SHADER_PATH "ground.frag", &error);
  if (!self->mesh_program || !self->ground_program)
    {
      g_warning ("avatar view: %s", error->message);
      gtk_gl_area_set_error (GTK_GL_AREA (self), error);
      return;
    }

  glGenVertexArrays (1, &self->mesh_vao);
  glGenBuffers (G_N_ELEMENTS (self->mesh_vbo), self->mesh_vbo);
  glGenBuffers (1, &self->mesh_ebo);

  glGenVertexArrays (1, &self->ground_vao);
  glGenBuffers (1, &self->ground_vbo);
  glBindVertexArray (self->ground_vao);
  glBindBuffer (GL_ARRAY_BUFFER, self->ground_vbo);
  glBufferData (GL_ARRAY_BUFFER, sizeof quad, quad, GL_STATIC_DRAW);
  glEnableVertexAttribArray (0);
  glVertexAttribPointer (0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof (float), NULL);
  glBindVertexArray (0);

  self->gl_ready = TRUE;
  self->mesh_dirty = TRUE;
  self->msaa_failed = FALSE;
  self->frames_with_mesh = 0;
}

static void
bz_avatar_view_unrealize (GtkWidget *widget)
{
  BzAvatarView *self = BZ_AVATAR_VIEW (widget);

  gtk_gl_area_make_current (GTK_GL_AREA (self));
  if (gtk_gl_area_get_error (GTK_GL_AREA (self)) == NULL)
    {
      if (self->mesh_vao)
        {
          glDeleteVertexArrays (1, &self->mesh_vao);
          glDeleteBuffers (G_N_ELEMENTS (self->mesh_vbo), self->mesh_vbo);
          glDeleteBuffers (1, &self->mesh_ebo);
          glDeleteVertexArrays (1, &self->ground_vao);
          glDeleteBuffers (1, &self->ground_vbo);
        }
      if (self->msaa_fbo)
        {
          glDeleteFramebuffers (1, &self->msaa_fbo);
          glDeleteRenderbuffers (1, &self->msaa_color);
          glDeleteRenderbuffers (1, &self->msaa_depth);
        }
      if (self->mesh_program)
        glDeleteProgram (self->mesh_program);
      if (self->ground_program)
        glDeleteProgram (self->ground_program);
    }
  self->mesh_vao = self->mesh_ebo = self->ground_vao = self->ground_vbo = 0;
  memset (self->mesh_vbo, 0, sizeof self->mesh_vbo);
  self->msaa_fbo = self->msaa_color = self->msaa_depth = 0;
  self->msaa_width = self->msaa_height = 0;
  self->mesh_program = self->ground_program = 0;
  self->gl_ready = FALSE;

  GTK_WIDGET_CLASS (bz_avatar_view_parent_class)->unrealize (widget);
}

static void
ground_color (BzAvatarView *self, float out[3])
{
  GdkRGBA fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  /* the text colour, softened: dark floor on light themes, light on dark ones */
  out[0] = 0.5f + (fg.red - 0.5f) * 0.6f;
  out[1] = 0.5f + (fg.green - 0.5f) * 0.6f;
  out[2] = 0.5f + (fg.blue - 0.5f) * 0.6f;
}

static void
draw_scene (BzAvatarView *self, int width, int height)
{
  mat4 view, projection, model;
  mat3 normal_matrix;
  vec3 min, max, center;
  float ground[3];
  float radius;

  glViewport (0, 0, width, height);
  glClearColor (0, 0, 0, 0);
  glClearDepth (1.0);
  glClear (GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);

  camera_matrices (self, (float) width / MAX (height, 1), view, projection);
  mesh_bounds (self, min, max);
  glm_vec3_center (min, max, center);
  radius = MAX (0.45f, MAX (max[0] - min[0], max[2] - min[2]) * 0.9f);

  glEnable (GL_DEPTH_TEST);
  glDepthFunc (GL_LEQUAL);

  if (self->mesh_index_count > 0)
    {
      glm_mat4_identity (model);
      glm_mat4_pick3 (model, normal_matrix);

      glDisable (GL_BLEND);
      glUseProgram (self->mesh_program);
      glUniformMatrix4fv (glGetUniformLocation (self->mesh_program, "u_model"), 1, GL_FALSE, (float *) model);
      glUniformMatrix4fv (glGetUniformLocation (self->mesh_program, "u_view"), 1, GL_FALSE, (float *) view);
      glUniformMatrix4fv (glGetUniformLocation (self->mesh_program, "u_projection"), 1, GL_FALSE, (float *) projection);
      glUniformMatrix3fv (glGetUniformLocation (self->mesh_program, "u_normal_matrix"), 1, GL_FALSE, (float *) normal_matrix);
      glUniform2f (glGetUniformLocation (self->mesh_program, "u_height_range"), min[1], max[1]);
      glUniform3fv (glGetUniformLocation (self->mesh_program, "u_skin_color"), 1, skin_color);
      glUniform3fv (glGetUniformLocation (self->mesh_program, "u_rim_color"), 1, rim_color);
      glUniform1f (glGetUniformLocation (self->mesh_program, "u_morph"), self->morph ? self->morph_t : 0.0f);
      glUniform1i (glGetUniformLocation (self->mesh_program, "u_heat"), self->morph && self->heat);
      glUniform1f (glGetUniformLocation (self->mesh_program, "u_heat_range"), self->morph ? self->morph->range_cm : 1.0f);
      glUniform3fv (glGetUniformLocation (self->mesh_program, "u_palette"), BZ_AVATAR_MORPH_PALETTE_SIZE,
                    &bz_avatar_morph_palette[0][0]);
      glBindVertexArray (self->mesh_vao);
      glDrawElements (GL_TRIANGLES, self->mesh_index_count, GL_UNSIGNED_INT, NULL);
    }

  /* The floor after the body, so the depth test hides it behind the legs. */
  ground_color (self, ground);
  glEnable (GL_BLEND);
  glBlendFunc (GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDepthMask (GL_FALSE);
  glUseProgram (self->ground_program);
  glUniformMatrix4fv (glGetUniformLocation (self->ground_program, "u_view"), 1, GL_FALSE, (float *) view);
  glUniformMatrix4fv (glGetUniformLocation (self->ground_program, "u_projection"), 1, GL_FALSE, (float *) projection);
  glUniform3f (glGetUniformLocation (self->ground_program, "u_center"), center[0], min[1] - 0.002f, center[2]);
  glUniform1f (glGetUniformLocation (self->ground_program, "u_radius"), radius);
  glUniform3fv (glGetUniformLocation (self->ground_program, "u_ground_color"), 1, ground);
  glUniform2f (glGetUniformLocation (self->ground_program, "u_shadow_radii"),
               MAX (0.15f, (max[0] - min[0]) * 0.45f), MAX (0.12f, (max[2] - min[2]) * 0.8f));
  glBindVertexArray (self->ground_vao);
  glDrawArrays (GL_TRIANGLE_STRIP, 0, 4);
  glDepthMask (GL_TRUE);
  glDisable (GL_BLEND);

  glBindVertexArray (0);
  glUseProgram (0);
}

static gboolean
bz_avatar_view_render (GtkGLArea *area, GdkGLContext *context)
{
  BzAvatarView *self = BZ_AVATAR_VIEW (area);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int width = gtk_widget_get_width (GTK_WIDGET (self)) * scale;
  int height = gtk_widget_get_height (GTK_WIDGET (self)) * scale;
  GLint target_fbo = 0;

  if (!self->gl_ready || width <= 0 || height <= 0)
    {
      glClearColor (0, 0, 0, 0);
      glClear (GL_COLOR_BUFFER_BIT);
      return TRUE;
    }

  if (self->mesh_dirty)
    upload_mesh (self);

  glGetIntegerv (GL_DRAW_FRAMEBUFFER_BINDING, &target_fbo);
  if (ensure_msaa (self, width, height))
    {
      glBindFramebuffer (GL_FRAMEBUFFER, self->msaa_fbo);
      glEnable (GL_MULTISAMPLE);
      draw_scene (self, width, height);
      glBindFramebuffer (GL_READ_FRAMEBUFFER, self->msaa_fbo);
      glBindFramebuffer (GL_DRAW_FRAMEBUFFER, target_fbo);
      glBlitFramebuffer (0, 0, width, height, 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
      glBindFramebuffer (GL_FRAMEBUFFER, target_fbo);
    }
  else
    {
      glBindFramebuffer (GL_FRAMEBUFFER, target_fbo);
      draw_scene (self, width, height);
    }

  if (self->mesh_index_count > 0)
    self->frames_with_mesh++;
  return TRUE;
}

/* Without OpenGL 3.3 the area stays empty: say so instead. */
static void
bz_avatar_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  GError *error = gtk_gl_area_get_error (GTK_GL_AREA (widget));
  g_autofree char *text = NULL;
  PangoLayout *layout;
  GdkRGBA color;
  int w, h, lw, lh;

  if (error == NULL)
    {
      GTK_WIDGET_CLASS (bz_avatar_view_parent_class)->snapshot (widget, snapshot);
      return;
    }

  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);
  text = g_strdup_printf ("%s\n%s", _("The 3D view needs OpenGL 3.3."), error->message);
  layout = gtk_widget_create_pango_layout (widget, text);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, MAX (w - 48, 50) * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, &lw, &lh);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  color.alpha *= 0.6f;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((w - lw) / 2.0f, (h - lh) / 2.0f));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}

/* --- input -------------------------------------------------------------- */

static void
drag_begin_cb (GtkGestureDrag *gesture, double x, double y, BzAvatarView *self)
{
  self->drag_yaw = self->yaw;
  self->drag_pitch = self->pitch;
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
drag_update_cb (GtkGestureDrag *gesture, double dx, double dy, BzAvatarView *self)
{
  self->yaw = fmod (self->drag_yaw - dx * 0.45, 360.0);
  self->pitch = CLAMP (self->drag_pitch + dy * 0.3, MIN_PITCH, MAX_PITCH);
  gtk_gl_area_queue_render (GTK_GL_AREA (self));
}

static gboolean
scroll_cb (GtkEventControllerScroll *scroll, double dx, double dy, BzAvatarView *self)
{
  if (dy == 0)
    return FALSE;
  bz_avatar_view_zoom (self, pow (1.12, -dy));
  return TRUE;
}

static void
zoom_begin_cb (GtkGesture *gesture, GdkEventSequence *sequence, BzAvatarView *self)
{
  self->pinch_zoom = self->zoom;
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture, double scale, BzAvatarView *self)
{
  self->zoom = CLAMP (self->pinch_zoom * scale, MIN_ZOOM, MAX_ZOOM);
  gtk_gl_area_queue_render (GTK_GL_AREA (self));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, BzAvatarView *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      bz_avatar_view_rotate (self, -15, 0);
      return TRUE;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      bz_avatar_view_rotate (self, 15, 0);
      return TRUE;
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      bz_avatar_view_rotate (self, 0, 10);
      return TRUE;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      bz_avatar_view_rotate (self, 0, -10);
      return TRUE;
    case GDK_KEY_plus: case GDK_KEY_equal: case GDK_KEY_KP_Add:
      bz_avatar_view_zoom (self, 1.2);
      return TRUE;
    case GDK_KEY_minus: case GDK_KEY_KP_Subtract:
      bz_avatar_view_zoom (self, 1 / 1.2);
      return TRUE;
    case GDK_KEY_Home: case GDK_KEY_KP_Home: case GDK_KEY_0:
      bz_avatar_view_reset_camera (self);
      return TRUE;
    default:
      return FALSE;
    }
}

/* --- object ------------------------------------------------------------- */

void
bz_avatar_view_set_mesh (BzAvatarView *self, BzGlbMesh *mesh)
{
  g_return_if_fail (BZ_IS_AVATAR_VIEW (self));

  g_clear_pointer (&self->mesh, bz_glb_mesh_free);
  g_clear_pointer (&self->morph, bz_avatar_morph_unref);
  self->mesh = mesh;
  self->mesh_dirty = TRUE;
  self->frames_with_mesh = 0;
  bz_avatar_view_reset_camera (self);
}

void
bz_avatar_view_set_morph (BzAvatarView *self, BzAvatarMorph *morph)
{
  g_return_if_fail (BZ_IS_AVATAR_VIEW (self));

  if (morph == self->morph)
    return;
  g_clear_pointer (&self->mesh, bz_glb_mesh_free);
  g_clear_pointer (&self->morph, bz_avatar_morph_unref);
  self->morph = morph ? bz_avatar_morph_ref (morph) : NULL;
  self->mesh_dirty = TRUE;
  self->frames_with_mesh = 0;
  gtk_gl_area_queue_render (GTK_GL_AREA (self));
}

void
bz_avatar_view_set_morph_position (BzAvatarView *self, double t)
{
  g_return_if_fail (BZ_IS_AVATAR_VIEW (self));
  t = CLAMP (t, 0.0, 1.0);
  if (t == self->morph_t)
    return;
  self->morph_t = t;
  self->frames_with_mesh = 0;
  gtk_gl_area_queue_render (GTK_GL_AREA (self));
}

double
bz_avatar_view_get_morph_position (BzAvatarView *self)
{
  g_return_val_if_fail (BZ_IS_AVATAR_VIEW (self), 0);
  return self->morph_t;
}

void
bz_avatar_view_set_heatmap (BzAvatarView *self, gboolean heat)
{
  g_return_if_fail (BZ_IS_AVATAR_VIEW (self));
  if (!heat == !self->heat)
    return;
  self->heat = heat;
  self->frames_with_mesh = 0;
  gtk_gl_area_queue_render (GTK_GL_AREA (self));
}

gboolean
bz_avatar_view_has_mesh (BzAvatarView *self)
{
  g_return_val_if_fail (BZ_IS_AVATAR_VIEW (self), FALSE);
  return self->mesh != NULL || self->morph != NULL;
}

guint
bz_avatar_view_get_frames_with_mesh (BzAvatarView *self)
{
  g_return_val_if_fail (BZ_IS_AVATAR_VIEW (self), 0);
  return self->frames_with_mesh;
}

static void
bz_avatar_view_finalize (GObject *object)
{
  BzAvatarView *self = BZ_AVATAR_VIEW (object);
  g_clear_pointer (&self->mesh, bz_glb_mesh_free);
  g_clear_pointer (&self->morph, bz_avatar_morph_unref);
  G_OBJECT_CLASS (bz_avatar_view_parent_class)->finalize (object);
}

static void
bz_avatar_view_class_init (BzAvatarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkGLAreaClass *area_class = GTK_GL_AREA_CLASS (klass);

  object_class->finalize = bz_avatar_view_finalize;
  widget_class->realize = bz_avatar_view_realize;
  widget_class->unrealize = bz_avatar_view_unrealize;
  widget_class->snapshot = bz_avatar_view_snapshot;
  area_class->render = bz_avatar_view_render;

  gtk_widget_class_set_css_name (widget_class, "avatarview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bz_avatar_view_init (BzAvatarView *self)
{
  GtkGesture *drag, *zoom;
  GtkEventController *scroll, *keys;

  gtk_gl_area_set_required_version (GTK_GL_AREA (self), 3, 3);
  gtk_gl_area_set_has_depth_buffer (GTK_GL_AREA (self), TRUE);
  gtk_gl_area_set_has_stencil_buffer (GTK_GL_AREA (self), FALSE);
  gtk_gl_area_set_auto_render (GTK_GL_AREA (self), TRUE);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_gl_area_set_use_es (GTK_GL_AREA (self), FALSE);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 200, 260);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                               _("Drag to turn, scroll to zoom. Keys: arrows turn, + and − zoom, Home resets."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("3D body avatar"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Arrow keys turn the body, plus and minus zoom, Home resets the view."),
                                  -1);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  self->yaw = DEFAULT_YAW;
  self->pitch = DEFAULT_PITCH;
  self->zoom = 1.0;
}

GtkWidget *
bz_avatar_view_new (void)
{
  return g_object_new (BZ_TYPE_AVATAR_VIEW, NULL);
}
