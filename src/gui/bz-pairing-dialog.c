/* bz-pairing-dialog.c — "Pair a phone" (bz-pairing-dialog.h). */
#include "bz-pairing-dialog.h"

#include <glib/gi18n.h>
#include <qrencode.h>

#include "bz-device-service.h"
#include "bz-gui-util.h"

/* Pixels per module: a 53-module code (version 9, what the payload needs)
 * is 7.5 cm wide on a 96 dpi screen, read by a phone from half a metre. */
#define MODULE_PX 6
/* The quiet zone: 4 modules on each side (ISO/IEC 18004:2015 §6.3.8). */
#define QUIET_MODULES 4
/* The device list is read again this often while the dialog is open, so a
 * phone that pairs appears without a click. */
#define DEVICES_REFRESH_S 3

struct _BzPairingDialog
{
  AdwWindow parent_instance;

  BzGuiSession *session;
  char *patient_id;
  GCancellable *cancellable;
  guint tick;                 /* the countdown, once a second */
  guint ticks;

  char *payload;
  GDateTime *expires_at;
  GdkTexture *qr;
  int modules;
  int n_devices;

  GtkStack *qr_stack;
  GtkPicture *qr_picture;
  GtkLabel *error_label;
  GtkLabel *countdown;
  GtkLabel *code_label;
  GtkLabel *url_label;
  GtkLabel *fingerprint_label;
  GtkWidget *new_code_button;
  AdwPreferencesGroup *devices_group;
  GPtrArray *device_rows;     /* the rows in devices_group */
};

G_DEFINE_FINAL_TYPE (BzPairingDialog, bz_pairing_dialog, ADW_TYPE_WINDOW)

/* --- the QR code ------------------------------------------------------------------ */

static GdkTexture *
qr_texture (const char *payload, int *out_modules)
{
  QRcode *qr = QRcode_encodeString (payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  int w, size, stride;
  guint8 *pixels;
  GBytes *bytes;
  GdkTexture *texture;

  if (qr == NULL)
    return NULL;
  w = qr->width;
  size = (w + 2 * QUIET_MODULES) * MODULE_PX;
  stride = size * 3;
  pixels = g_malloc (stride * size);
  memset (pixels, 0xff, stride * size);
  for (int y = 0; y < w; y++)
    for (int x = 0; x < w; x++)
      if (qr->data[y * w + x] & 1)   /* bit 0: a dark module (qrencode.h) */
        for (int dy = 0; dy < MODULE_PX; dy++)
          memset (pixels + ((QUIET_MODULES + y) * MODULE_PX + dy) * stride + (QUIET_MODULES + x) * MODULE_PX * 3,
                  0, MODULE_PX * 3);
  *out_modules = w;
  QRcode_free (qr);
  bytes = g_bytes_new_take (pixels, stride * size);
  texture = gdk_memory_texture_new (size, size, GDK_MEMORY_R8G8B8, bytes, stride);
  g_bytes_unref (bytes);
  return texture;
}

/* "0a1b2c3d…" as "0A1B 2C3D …", eight groups a line. */
static char *
grouped_fingerprint (const char *hex)
{
  GString *s = g_string_new (NULL);
  for (gsize i = 0; hex[i]; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (s, i % 32 == 0 ? '\n' : ' ');
      g_string_append_c (s, g_ascii_toupper (hex[i]));
    }
  return g_string_free (s, FALSE);
}

/* --- the countdown ----------------------------------------------------------------- */

static void load_devices (BzPairingDialog *self);

static gboolean
tick_cb (gpointer data)
{
  BzPairingDialog *self = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 left;

  if (++self->ticks % DEVICES_REFRESH_S == 0)
    load_devices (self);
  if (self->expires_at == NULL)
    return G_SOURCE_CONTINUE;
  left = g_date_time_difference (self->expires_at, now) / G_USEC_PER_SEC;
  if (left > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Valid for %d:%02d"), (int) (left / 60), (int) (left % 60));
      gtk_label_set_text (self->countdown, text);
      return G_SOURCE_CONTINUE;
    }
  gtk_label_set_text (self->countdown, _("This code has expired. Make a new one to pair a phone."));
  gtk_widget_set_opacity (GTK_WIDGET (self->qr_picture), 0.15);
  gtk_widget_set_visible (self->new_code_button, TRUE);
  g_clear_pointer (&self->expires_at, g_date_time_unref);
  return G_SOURCE_CONTINUE;
}

static void
code_done (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(BzPairingDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) code = bz_devices_create_pairing_code_finish (BZ_SERVICES (source), result, &error);
  const char *fingerprint, *https_url, *text;

  if (code == NULL)
    {
      g_autofree char *message = NULL;
      if (bz_is_cancelled (error))
        return;
      message = bz_error_to_user_message (error);
      gtk_label_set_text (self->error_label, message);
      gtk_stack_set_visible_child_name (self->qr_stack, "error");
      return;
    }
  g_free (self->payload);
  self->payload = g_strdup (bz_record_get_string (code, BZ_PAIRING_CODE_QR_PAYLOAD));
  g_clear_object (&self->qr);
  self->qr = qr_texture (self->payload, &self->modules);
  gtk_picture_set_paintable (self->qr_picture, GDK_PAINTABLE (self->qr));
  gtk_widget_set_opacity (GTK_WIDGET (self->qr_picture), 1.0);
  gtk_stack_set_visible_child_name (self->qr_stack, "qr");
  gtk_widget_set_visible (self->new_code_button, FALSE);

  text = bz_record_get_string (code, BZ_PAIRING_CODE_CODE);
  {
    g_autofree char *grouped = g_strdup_printf ("%.5s-%s", text, text + 5);
    gtk_label_set_text (self->code_label, grouped);
  }
  https_url = bz_record_get_string (code, BZ_PAIRING_CODE_HTTPS_URL);
  fingerprint = bz_record_get_string (code, BZ_PAIRING_CODE_FINGERPRINT);
  gtk_label_set_text (self->url_label, https_url ? https_url
                                                 : _("HTTPS is off (Preferences): phones cannot check this server"));
  if (fingerprint)
    {
      g_autofree char *grouped = grouped_fingerprint (fingerprint);
      g_autofree char *line = g_strdup_printf (_("Certificate SHA-256:\n%s"), grouped);
      gtk_label_set_text (self->fingerprint_label, line);
    }
  else
    gtk_label_set_text (self->fingerprint_label, "");
  g_clear_pointer (&self->expires_at, g_date_time_unref);
  self->expires_at = g_date_time_new_from_iso8601 (bz_record_get_string (code, BZ_PAIRING_CODE_EXPIRES_AT), NULL);
  tick_cb (self);
}

static void
new_code (BzPairingDialog *self)
{
  gtk_stack_set_visible_child_name (self->qr_stack, "loading");
  bz_devices_create_pairing_code_async (bz_gui_session_get_services (self->session),
                                        bz_gui_session_get_caller (self->session), self->patient_id,
                                        self->cancellable, code_done, g_object_ref (self));
}

/* --- the devices -------------------------------------------------------------------- */

static GtkWidget *
device_row (BzRecord *device)
{
  GtkWidget *row = adw_action_row_new ();
  const char *platform = bz_vocab_label (&bz_vocab_paired_platform,
                                         bz_record_get_string (device, BZ_DEVICE_PLATFORM), NULL);
  g_autofree char *seen = bz_format_date (bz_record_get_string (device, BZ_DEVICE_LAST_SEEN_AT));
  g_autofree char *subtitle = NULL;

  {
    g_autoptr(GDateTime) t = bz_parse_datetime (bz_record_get_string (device, BZ_DEVICE_LAST_SEEN_AT));
    g_autofree char *time = t ? g_date_time_format (t, "%H:%M") : g_strdup ("");
    /* TRANSLATORS: "Android · last seen 3 Dec 2026, 10:15" */
    subtitle = g_strdup_printf (_("%s · last seen %s, %s"), platform ? platform : "", seen, time);
  }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bz_record_get_string (device, BZ_DEVICE_NAME));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (bz_record_get_boolean (device, BZ_DEVICE_REVOKED))
    {
      GtkWidget *label = gtk_label_new (_("Revoked"));
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  else
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Revoke"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "pairing.revoke");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", bz_record_get_string (device, BZ_DEVICE_ID));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
devices_done (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(BzPairingDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) list = bz_devices_list_finish (BZ_SERVICES (source), result, &error);
  guint n;

  if (list == NULL)
    {
      if (!bz_is_cancelled (error))
        g_debug ("Pairing: cannot list devices: %s", error->message);
      return;
    }
  for (guint i = 0; i < self->device_rows->len; i++)
    adw_preferences_group_remove (self->devices_group, g_ptr_array_index (self->device_rows, i));
  g_ptr_array_set_size (self->device_rows, 0);
  n = bz_record_get_n_items (list, BZ_DEVICE_LIST_DEVICES);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = device_row (bz_record_get_item (list, BZ_DEVICE_LIST_DEVICES, i));
      adw_preferences_group_add (self->devices_group, row);
      g_ptr_array_add (self->device_rows, row);
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No phone paired yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->devices_group, row);
      g_ptr_array_add (self->device_rows, row);
    }
  self->n_devices = (int) n;
}

static void
load_devices (BzPairingDialog *self)
{
  bz_devices_list_async (bz_gui_session_get_services (self->session), bz_gui_session_get_caller (self->session),
                         self->patient_id, self->cancellable, devices_done, g_object_ref (self));
}

static void
revoke_done (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(BzPairingDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) device = bz_devices_revoke_finish (BZ_SERVICES (source), result, &error);

  if (device == NULL && !bz_is_cancelled (error))
    g_debug ("Pairing: cannot revoke: %s", error->message);
  if (!bz_is_cancelled (error))
    load_devices (self);
}

static void
revoke_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  BzPairingDialog *self = BZ_PAIRING_DIALOG (widget);
  bz_devices_revoke_async (bz_gui_session_get_services (self->session), bz_gui_session_get_caller (self->session),
                           g_variant_get_string (param, NULL), self->cancellable, revoke_done, g_object_ref (self));
}

static void
new_code_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  new_code (BZ_PAIRING_DIALOG (widget));
}

/* --- the widget ------------------------------------------------------------------------- */

static GtkLabel *
text_label (GtkBox *box, const char *css_class, gboolean selectable)
{
  GtkWidget *l = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (l), TRUE);
  gtk_label_set_justify (GTK_LABEL (l), GTK_JUSTIFY_CENTER);
  gtk_label_set_selectable (GTK_LABEL (l), selectable);
  gtk_widget_set_focusable (l, FALSE);   /* selectable with the mouse, but the dialog opens without a caret */
  if (css_class)
    gtk_widget_add_css_class (l, css_class);
  gtk_box_append (box, l);
  return GTK_LABEL (l);
}

static void
build (BzPairingDialog *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *intro, *spinner;

  gtk_box_append (GTK_BOX (outer), adw_header_bar_new ());
  gtk_widget_set_vexpand (scroll, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_box_append (GTK_BOX (outer), scroll);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), clamp);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 520);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  intro = gtk_label_new (_("Open the Balanza app on the patient’s phone and scan this code. "
                           "It works once, for five minutes."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_justify (GTK_LABEL (intro), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), intro);

  self->qr_stack = GTK_STACK (gtk_stack_new ());
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_stack_add_named (self->qr_stack, spinner, "loading");
  self->qr_picture = GTK_PICTURE (gtk_picture_new ());
  gtk_widget_set_name (GTK_WIDGET (self->qr_picture), "pairing-qr");
  gtk_picture_set_can_shrink (self->qr_picture, FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self->qr_picture), GTK_ALIGN_CENTER);
  gtk_stack_add_named (self->qr_stack, GTK_WIDGET (self->qr_picture), "qr");
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_stack_add_named (self->qr_stack, GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_size_request (GTK_WIDGET (self->qr_stack), -1, 300);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->qr_stack));

  self->countdown = text_label (GTK_BOX (box), "heading", FALSE);
  self->code_label = text_label (GTK_BOX (box), "title-1", TRUE);
  gtk_widget_set_name (GTK_WIDGET (self->code_label), "pairing-code");
  gtk_widget_add_css_class (GTK_WIDGET (self->code_label), "monospace");
  self->url_label = text_label (GTK_BOX (box), NULL, TRUE);
  gtk_widget_set_name (GTK_WIDGET (self->url_label), "pairing-url");
  self->fingerprint_label = text_label (GTK_BOX (box), "monospace", TRUE);
  gtk_widget_set_name (GTK_WIDGET (self->fingerprint_label), "pairing-fingerprint");
  gtk_widget_add_css_class (GTK_WIDGET (self->fingerprint_label), "caption");

  self->new_code_button = gtk_button_new_with_mnemonic (_("_New Code"));
  gtk_widget_set_halign (self->new_code_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->new_code_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->new_code_button), "pairing.new-code");
  gtk_widget_set_visible (self->new_code_button, FALSE);
  gtk_box_append (GTK_BOX (box), self->new_code_button);

  self->devices_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->devices_group, _("Paired Devices"));
  gtk_widget_set_margin_top (GTK_WIDGET (self->devices_group), 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->devices_group));

  adw_window_set_content (ADW_WINDOW (self), outer);
}

static void
bz_pairing_dialog_dispose (GObject *object)
{
  BzPairingDialog *self = BZ_PAIRING_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->tick, g_source_remove);
  G_OBJECT_CLASS (bz_pairing_dialog_parent_class)->dispose (object);
}

static void
bz_pairing_dialog_finalize (GObject *object)
{
  BzPairingDialog *self = BZ_PAIRING_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->qr);
  g_clear_pointer (&self->expires_at, g_date_time_unref);
  g_clear_pointer (&self->device_rows, g_ptr_array_unref);
  g_free (self->patient_id);
  g_free (self->payload);
  G_OBJECT_CLASS (bz_pairing_dialog_parent_class)->finalize (object);
}

static void
bz_pairing_dialog_class_init (BzPairingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bz_pairing_dialog_dispose;
  object_class->finalize = bz_pairing_dialog_finalize;
  gtk_widget_class_install_action (widget_class, "pairing.revoke", "s", revoke_activated);
  gtk_widget_class_install_action (widget_class, "pairing.new-code", NULL, new_code_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bz_pairing_dialog_init (BzPairingDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->device_rows = g_ptr_array_new ();
  self->n_devices = -1;
  build (self);
}

BzPairingDialog *
bz_pairing_dialog_new (GtkWindow *parent, BzGuiSession *session, const char *patient_id)
{
  BzPairingDialog *self = g_object_new (BZ_TYPE_PAIRING_DIALOG, "title", _("Pair a Phone"), "modal", TRUE,
                                        "transient-for", parent, "default-width", 520, "default-height", 820, NULL);

  self->session = g_object_ref (session);
  self->patient_id = g_strdup (patient_id);
  self->tick = g_timeout_add_seconds (1, tick_cb, self);
  new_code (self);
  load_devices (self);
  return self;
}

const char *
bz_pairing_dialog_get_payload (BzPairingDialog *self)
{
  return self->payload;
}

GdkTexture *
bz_pairing_dialog_get_qr_texture (BzPairingDialog *self, int *out_modules, int *out_module_px, int *out_margin_px)
{
  *out_modules = self->modules;
  *out_module_px = MODULE_PX;
  *out_margin_px = QUIET_MODULES * MODULE_PX;
  return self->qr;
}

int
bz_pairing_dialog_get_n_devices (BzPairingDialog *self)
{
  return self->n_devices;
}
