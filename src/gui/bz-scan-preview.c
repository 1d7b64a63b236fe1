/* bz-scan-preview.c — the body a scan being typed would get (see bz-scan-preview.h). */
#include "bz-scan-preview.h"

#include <glib/gi18n.h>

#include "bz-avatar-morph.h"
#include "bz-avatar-view.h"
#include "bz-gui-util.h"
#include "bz-scan-mesh-service.h"

/* LOD 1: the dialog's view is small, and a preview per pause in typing
 * should cost little (bz-body-model.h: LOD 1 is about a third of LOD 0). */
#define PREVIEW_LOD 1

#define EMPTY_TEXT N_("Type height and weight to see the body")

struct _BzScanPreview
{
  GtkBox parent_instance;

  BzGuiSession *session;
  BzAvatarView *view;
  GtkLabel *status;
  JsonObject *pending;
  guint timeout_id;
  GCancellable *cancel;
  gboolean has_mesh;
  const char *(*title_of) (const char *field);
  gboolean measured;   /* the body fat of the preview being built was typed */
};

G_DEFINE_FINAL_TYPE (BzScanPreview, bz_scan_preview, GTK_TYPE_BOX)

static void
built (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzScanPreview) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzScanMesh) mesh = bz_scans_preview_mesh_finish (BZ_SERVICES (source), result, &error);
  g_autoptr(BzAvatarMorph) still = NULL;
  g_autofree char *text = NULL;

  if (bz_is_cancelled (error))
    return;
  if (mesh == NULL)
    {
      g_autofree char *message = bz_form_error_message (error, self->title_of);
      gtk_label_set_label (self->status, message);
      return;
    }
  /* One body: a "morph" from the mesh to itself, drawn at its start. */
  still = bz_avatar_morph_new (mesh, mesh, NULL);
  bz_avatar_view_set_morph (self->view, still);
  bz_avatar_view_set_morph_position (self->view, 0);
  self->has_mesh = TRUE;
  text = self->measured ? g_strdup_printf (_("Body fat %.1f %%"), mesh->body_fat_percent)
                        : g_strdup_printf (_("Estimated body fat %.1f %%"), mesh->body_fat_percent);
  gtk_label_set_label (self->status, text);
}

static gboolean
run_pending (gpointer user_data)
{
  BzScanPreview *self = user_data;
  g_autoptr(JsonObject) input = g_steal_pointer (&self->pending);

  self->timeout_id = 0;
  self->measured = json_object_get_double_member_with_default (input, "body_fat_percent", 0) > 0;
  g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  self->cancel = g_cancellable_new ();
  bz_scans_preview_mesh_async (bz_gui_session_get_services (self->session),
                               bz_gui_session_get_caller (self->session), input, PREVIEW_LOD, self->cancel,
                               built, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

void
bz_scan_preview_update (BzScanPreview *self, JsonObject *input)
{
  g_return_if_fail (BZ_IS_SCAN_PREVIEW (self));

  g_clear_pointer (&self->pending, json_object_unref);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (input == NULL)
    {
      g_cancellable_cancel (self->cancel);
      bz_avatar_view_set_morph (self->view, NULL);
      self->has_mesh = FALSE;
      gtk_label_set_label (self->status, _(EMPTY_TEXT));
      return;
    }
  self->pending = json_object_ref (input);
  self->timeout_id = g_timeout_add (BZ_SCAN_PREVIEW_DELAY_MS, run_pending, self);
}

const char *
bz_scan_preview_get_status (BzScanPreview *self)
{
  return gtk_label_get_label (self->status);
}

gboolean
bz_scan_preview_has_mesh (BzScanPreview *self)
{
  return self->has_mesh;
}

static void
bz_scan_preview_dispose (GObject *object)
{
  BzScanPreview *self = BZ_SCAN_PREVIEW (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  g_clear_pointer (&self->pending, json_object_unref);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (bz_scan_preview_parent_class)->dispose (object);
}

static void
bz_scan_preview_class_init (BzScanPreviewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bz_scan_preview_dispose;
}

static void
bz_scan_preview_init (BzScanPreview *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  self->view = BZ_AVATAR_VIEW (bz_avatar_view_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->view), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->view), 220, 260);
  self->status = GTK_LABEL (gtk_label_new (_(EMPTY_TEXT)));
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_justify (self->status, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "dim-label");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->view));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->status));
}

GtkWidget *
bz_scan_preview_new (BzGuiSession *session, const char *(*title_of) (const char *field))
{
  BzScanPreview *self = g_object_new (BZ_TYPE_SCAN_PREVIEW, NULL);
  self->session = g_object_ref (session);
  self->title_of = title_of;
  return GTK_WIDGET (self);
}
