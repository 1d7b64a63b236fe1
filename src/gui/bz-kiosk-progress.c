/* bz-kiosk-progress.c — the member's progress at the kiosk (issue 8).
 *
 * Two scans, "from" and "to" (the first and the latest by default, chosen
 * with two lists), are built as bodies by the service
 * (bz_scans_avatar_mesh_async(): the body model's mesh, the same vertices
 * for both) and shown side by side: the earlier body, and the body that
 * morphs from it to the later one as the timeline slider moves (0 .. 1,
 * marks at every scan's date between them).  The morphing body can show the
 * change along its surface as colour (bz-avatar-morph.h: blue lost, red
 * gained, legend in cm); the table beside it gives the measured change per
 * region.  Large targets for touch (style.css: .kiosk-progress), and the
 * keyboard: Tab to the lists, the slider (arrows, Page Up/Down, Home, End)
 * and the colour switch.
 */
#include "bz-kiosk-progress.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bz-avatar-morph.h"
#include "bz-gui-util.h"
#include "bz-scan-mesh-service.h"

#define MESH_LOD 0
#define STACK_BELOW_WIDTH 960   /* px: two bodies and the table side by side need about this */

struct _BzKioskProgress
{
  GtkWidget parent_instance;

  GtkStack *stack;              /* "content" | "status" */
  AdwStatusPage *status;
  GtkDropDown *from_drop, *to_drop;
  GtkStringList *dates;
  GtkStack *views_stack;        /* "views" | "loading" | "impossible" */
  GtkLabel *impossible_label;
  BzAvatarView *before_view, *morph_view;
  GtkLabel *before_caption, *morph_caption;
  GtkScale *timeline;
  GtkSwitch *heat_switch;
  GtkWidget *heat_row;
  GtkWidget *legend;
  GtkLabel *change_labels[BZ_PROGRESS_N_REGIONS];
  GtkLabel *from_labels[BZ_PROGRESS_N_REGIONS];
  GtkLabel *to_labels[BZ_PROGRESS_N_REGIONS];

  GtkBox *main_box;              /* bodies | numbers: side by side, or stacked in portrait */
  gboolean portrait;
  guint flip_idle;
  GtkStack *page_stack;         /* the page's "today" | "progress" */
  GtkToggleButton *toggle;      /* in the page's header bar: "My Progress" */

  BzGuiSession *session;
  GPtrArray *scans;             /* BzRecord, oldest first */
  guint from, to;
  GHashTable *meshes;           /* scan id -> BzScanMesh */
  BzAvatarMorph *morph;
  GCancellable *cancel;
  guint pending;
  const char *state;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (BzKioskProgress, bz_kiosk_progress, GTK_TYPE_WIDGET)

static const char *
scan_id (BzKioskProgress *self, guint i)
{
  return bz_record_get_string (g_ptr_array_index (self->scans, i), BZ_SCAN_ID);
}

static GDateTime *
scan_time (BzKioskProgress *self, guint i)
{
  return bz_parse_datetime (bz_record_get_string (g_ptr_array_index (self->scans, i), BZ_SCAN_MEASURED_AT));
}

static char *
scan_date (BzKioskProgress *self, guint i)
{
  return bz_format_date (bz_record_get_string (g_ptr_array_index (self->scans, i), BZ_SCAN_MEASURED_AT));
}

static void
show_status (BzKioskProgress *self, const char *state, const char *title, const char *description)
{
  self->state = state;
  adw_status_page_set_title (self->status, title);
  adw_status_page_set_description (self->status, description);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

/* --- the table ------------------------------------------------------------ */

static void
update_numbers (BzKioskProgress *self)
{
  BzRecord *a = g_ptr_array_index (self->scans, self->from);
  BzRecord *b = g_ptr_array_index (self->scans, self->to);

  for (guint r = 0; r < BZ_PROGRESS_N_REGIONS; r++)
    {
      double va = bz_progress_region_value (a, r), vb = bz_progress_region_value (b, r);
      g_autofree char *ta = bz_progress_region_format (r, va, FALSE);
      g_autofree char *tb = bz_progress_region_format (r, vb, FALSE);
      g_autofree char *tc = bz_progress_region_format (r, vb - va, TRUE);
      GtkWidget *change = GTK_WIDGET (self->change_labels[r]);

      gtk_label_set_label (self->from_labels[r], ta);
      gtk_label_set_label (self->to_labels[r], tb);
      gtk_label_set_label (self->change_labels[r], tc);
      gtk_widget_remove_css_class (change, "progress-lost");
      gtk_widget_remove_css_class (change, "progress-gained");
      if (vb - va <= -0.05)
        gtk_widget_add_css_class (change, "progress-lost");
      else if (vb - va >= 0.05)
        gtk_widget_add_css_class (change, "progress-gained");
    }
}

/* --- the timeline ----------------------------------------------------------- */

/* Where scan @i sits between "from" (0) and "to" (1), by date. */
static double
scan_fraction (BzKioskProgress *self, guint i)
{
  g_autoptr(GDateTime) a = scan_time (self, self->from);
  g_autoptr(GDateTime) b = scan_time (self, self->to);
  g_autoptr(GDateTime) t = scan_time (self, i);
  double span;

  if (a == NULL || b == NULL || t == NULL)
    return NAN;
  span = g_date_time_difference (b, a);
  return span > 0 ? g_date_time_difference (t, a) / span : NAN;
}

static void
update_marks (BzKioskProgress *self)
{
  g_autofree char *first = scan_date (self, self->from);
  g_autofree char *last = scan_date (self, self->to);

  gtk_scale_clear_marks (self->timeline);
  gtk_scale_add_mark (self->timeline, 0, GTK_POS_BOTTOM, first);
  gtk_scale_add_mark (self->timeline, 1, GTK_POS_BOTTOM, last);
  for (guint i = self->from + 1; i < self->to; i++)
    {
      double f = scan_fraction (self, i);
      if (!isnan (f) && f > 0.02 && f < 0.98)
        gtk_scale_add_mark (self->timeline, f, GTK_POS_BOTTOM, NULL);
    }
}

static void
update_captions (BzKioskProgress *self)
{
  double t = gtk_range_get_value (GTK_RANGE (self->timeline));
  g_autofree char *first = scan_date (self, self->from);
  g_autofree char *caption = NULL;

  /* TRANSLATORS: above the earlier body: "Before · 12 Mar 2026" */
  caption = g_strdup_printf (_("Before · %s"), first);
  gtk_label_set_label (self->before_caption, caption);
  g_clear_pointer (&caption, g_free);
  if (t >= 0.999)
    {
      g_autofree char *last = scan_date (self, self->to);
      /* TRANSLATORS: above the later body: "After · 25 Nov 2026" */
      caption = g_strdup_printf (_("After · %s"), last);
    }
  else if (t <= 0.001)
    caption = g_strdup (_("Move the timeline to see the change"));
  else
    /* TRANSLATORS: above the body while the timeline moves: "On the way · 40 %" */
    caption = g_strdup_printf (_("On the way · %.0f %%"), t * 100);
  gtk_label_set_label (self->morph_caption, caption);
}

static void
timeline_changed_cb (BzKioskProgress *self)
{
  bz_avatar_view_set_morph_position (self->morph_view, gtk_range_get_value (GTK_RANGE (self->timeline)));
  update_captions (self);
}

static void
heat_changed_cb (BzKioskProgress *self)
{
  bz_avatar_view_set_heatmap (self->morph_view, gtk_switch_get_active (self->heat_switch));
  gtk_widget_set_sensitive (self->legend, gtk_switch_get_active (self->heat_switch));
}

/* --- the bodies ------------------------------------------------------------- */

/* The timeline and the colour's switch and legend mean nothing without a morph. */
static void
show_impossible (BzKioskProgress *self, const char *message)
{
  self->state = "impossible";
  gtk_label_set_label (self->impossible_label, message);
  gtk_stack_set_visible_child_name (self->views_stack, "impossible");
  gtk_widget_set_visible (GTK_WIDGET (self->timeline), FALSE);
  gtk_widget_set_visible (self->heat_row, FALSE);
  gtk_widget_set_visible (self->legend, FALSE);
}

static void
show_morph (BzKioskProgress *self)
{
  BzScanMesh *a = g_hash_table_lookup (self->meshes, scan_id (self, self->from));
  BzScanMesh *b = g_hash_table_lookup (self->meshes, scan_id (self, self->to));
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->morph, bz_avatar_morph_unref);
  self->morph = bz_avatar_morph_new (a, b, &error);
  if (self->morph == NULL)
    {
      show_impossible (self, error->message);
      return;
    }
  bz_avatar_view_set_morph (self->before_view, self->morph);
  bz_avatar_view_set_morph (self->morph_view, self->morph);
  bz_progress_legend_set_range (self->legend, self->morph->range_cm);
  gtk_stack_set_visible_child_name (self->views_stack, "views");
  self->state = "morph";
}

static void
mesh_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzKioskProgress) self = user_data;
  g_autoptr(GError) error = NULL;
  BzScanMesh *mesh = bz_scans_avatar_mesh_finish (BZ_SERVICES (source), result, &error);

  if (bz_is_cancelled (error))
    return;
  if (mesh == NULL)
    {
      g_autofree char *message = bz_error_to_user_message (error);
      g_warning ("progress mesh: %s", error ? error->message : "?");
      self->pending = 0;
      show_status (self, "error", _("Could Not Show Your Progress"), message);
      return;
    }
  g_hash_table_replace (self->meshes, g_strdup (mesh->scan_id), mesh);
  if (--self->pending == 0)
    show_morph (self);
}

static void
load_bodies (BzKioskProgress *self)
{
  const char *ids[2] = { scan_id (self, self->from), scan_id (self, self->to) };
  BzRecord *a = g_ptr_array_index (self->scans, self->from);
  BzRecord *b = g_ptr_array_index (self->scans, self->to);

  if (self->cancel)
    g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  self->cancel = g_cancellable_new ();
  self->pending = 0;
  gtk_stack_set_visible_child_name (self->stack, "content");

  if (g_strcmp0 (bz_record_get_string (a, BZ_SCAN_SEX), bz_record_get_string (b, BZ_SCAN_SEX)) != 0)
    {
      show_impossible (self, _("These two scans were recorded with a different sex, so one body cannot turn into the other."));
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->timeline), TRUE);
  gtk_widget_set_visible (self->heat_row, TRUE);
  gtk_widget_set_visible (self->legend, TRUE);
  self->state = "loading";
  gtk_stack_set_visible_child_name (self->views_stack, "loading");
  for (guint k = 0; k < 2; k++)
    if (!g_hash_table_contains (self->meshes, ids[k]) && (k == 0 || g_strcmp0 (ids[0], ids[1]) != 0))
      {
        self->pending++;
        bz_scans_avatar_mesh_async (bz_gui_session_get_services (self->session),
                                    bz_gui_session_get_caller (self->session), ids[k], MESH_LOD,
                                    self->cancel, mesh_done, g_object_ref (self));
      }
  if (self->pending == 0)
    show_morph (self);
}

void
bz_kiosk_progress_select (BzKioskProgress *self, guint from, guint to)
{
  g_return_if_fail (BZ_IS_KIOSK_PROGRESS (self));
  g_return_if_fail (self->scans && from < self->scans->len && to < self->scans->len);

  if (from > to)
    {
      guint tmp = from;
      from = to;
      to = tmp;
    }
  if (from == to)   /* two different scans: move "from" back, or "to" on */
    {
      if (from > 0)
        from--;
      else
        to++;
    }
  self->from = from;
  self->to = to;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->from_drop, from);
  gtk_drop_down_set_selected (self->to_drop, to);
  self->updating = FALSE;
  update_marks (self);
  update_numbers (self);
  update_captions (self);
  load_bodies (self);
}

static void
drop_changed_cb (BzKioskProgress *self)
{
  guint from = gtk_drop_down_get_selected (self->from_drop);
  guint to = gtk_drop_down_get_selected (self->to_drop);

  if (self->updating || self->scans == NULL || from == GTK_INVALID_LIST_POSITION || to == GTK_INVALID_LIST_POSITION)
    return;
  /* the same scan in both: bz_kiosk_progress_select() moves one of them */
  bz_kiosk_progress_select (self, from, to);
}

/* --- scans ------------------------------------------------------------------ */

static gboolean
same_scans (BzKioskProgress *self, GPtrArray *scans)
{
  if (self->scans == NULL || self->scans->len != scans->len)
    return FALSE;
  for (guint i = 0; i < scans->len; i++)
    if (g_strcmp0 (scan_id (self, i), bz_record_get_string (g_ptr_array_index (scans, i), BZ_SCAN_ID)) != 0)
      return FALSE;
  return TRUE;
}

void
bz_kiosk_progress_set_scans (BzKioskProgress *self, BzGuiSession *session, BzRecord *scan_list)
{
  g_autoptr(GPtrArray) scans = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = scan_list ? bz_record_get_n_items (scan_list, BZ_SCAN_LIST_SCANS) : 0;

  g_return_if_fail (BZ_IS_KIOSK_PROGRESS (self));
  if (scan_list == NULL)
    bz_kiosk_progress_show (self, FALSE);   /* signed out: the next member starts on today */
  g_set_object (&self->session, session);
  for (guint i = n; i-- > 0;)   /* newest first -> oldest first */
    g_ptr_array_add (scans, g_object_ref (bz_record_get_item (scan_list, BZ_SCAN_LIST_SCANS, i)));
  if (n > 0 && same_scans (self, scans))
    return;

  if (self->cancel)
    g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  g_clear_pointer (&self->morph, bz_avatar_morph_unref);
  bz_avatar_view_set_morph (self->before_view, NULL);
  bz_avatar_view_set_morph (self->morph_view, NULL);
  g_hash_table_remove_all (self->meshes);
  g_clear_pointer (&self->scans, g_ptr_array_unref);
  self->scans = g_steal_pointer (&scans);

  self->updating = TRUE;
  gtk_string_list_splice (self->dates, 0, g_list_model_get_n_items (G_LIST_MODEL (self->dates)), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *date = scan_date (self, i);
      gtk_string_list_append (self->dates, date);
    }
  self->updating = FALSE;

  if (n == 0)
    {
      show_status (self, "none", _("No Body Scans Yet"),
                   _("Your progress appears here after your first body scan at the clinic."));
      return;
    }
  if (n == 1)
    {
      g_autofree char *date = scan_date (self, 0);
      g_autofree char *text = g_strdup_printf (_("Your first scan is from %s. After your next one you can watch "
                                                 "your body change between them here."), date);
      show_status (self, "one", _("One Scan So Far"), text);
      return;
    }
  gtk_range_set_value (GTK_RANGE (self->timeline), 1.0);
  bz_kiosk_progress_select (self, 0, n - 1);
}

/* --- building --------------------------------------------------------------- */

static GtkWidget *
body_card (GtkLabel **caption, BzAvatarView **view, const char *accessible)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *card = gtk_overlay_new ();

  *caption = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_ellipsize (*caption, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (*caption), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*caption));
  *view = BZ_AVATAR_VIEW (bz_avatar_view_new ());
  gtk_widget_set_size_request (GTK_WIDGET (*view), 160, 500);
  gtk_widget_set_hexpand (GTK_WIDGET (*view), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (*view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*view), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_overlay_set_child (GTK_OVERLAY (card), GTK_WIDGET (*view));
  gtk_widget_set_overflow (card, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "avatar-card");
  gtk_box_append (GTK_BOX (box), card);
  return box;
}

static GtkWidget *
labelled (const char *mnemonic, GtkWidget *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

static void
build (BzKioskProgress *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (_("Your Progress"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 14);
  GtkWidget *pickers = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *reflow = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *bodies = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *heat_row = self->heat_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *heat_label = gtk_label_new_with_mnemonic (_("Show the change as _colour"));
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *before, *after;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (outer), title);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  self->status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->status, "avatar-default-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "compact");
  gtk_widget_set_size_request (GTK_WIDGET (self->status), -1, 260);   /* it scrolls: no natural height */
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->status), "status");
  gtk_stack_add_named (self->stack, content, "content");
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->stack));

  /* From and To */
  self->dates = gtk_string_list_new (NULL);
  self->from_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->dates)), NULL));
  self->to_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->dates)), NULL));
  g_signal_connect_swapped (self->from_drop, "notify::selected", G_CALLBACK (drop_changed_cb), self);
  g_signal_connect_swapped (self->to_drop, "notify::selected", G_CALLBACK (drop_changed_cb), self);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->from_drop), _("The earlier scan"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->to_drop), _("The later scan"));
  gtk_box_append (GTK_BOX (pickers), labelled (_("_From"), GTK_WIDGET (self->from_drop)));
  gtk_box_append (GTK_BOX (pickers), labelled (_("_To"), GTK_WIDGET (self->to_drop)));
  gtk_box_append (GTK_BOX (content), pickers);

  /* the bodies, and the numbers beside them */
  before = body_card (&self->before_caption, &self->before_view, _("Your body at the earlier scan"));
  after = body_card (&self->morph_caption, &self->morph_view, _("Your body changing along the timeline"));
  gtk_box_set_homogeneous (GTK_BOX (bodies), TRUE);
  gtk_box_append (GTK_BOX (bodies), before);
  gtk_box_append (GTK_BOX (bodies), after);
  self->views_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->views_stack, bodies, "views");
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_stack_add_named (self->views_stack, spinner, "loading");
  self->impossible_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_wrap (self->impossible_label, TRUE);
  gtk_label_set_justify (self->impossible_label, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->impossible_label), "title-4");
  gtk_stack_add_named (self->views_stack, GTK_WIDGET (self->impossible_label), "impossible");
  gtk_widget_set_hexpand (GTK_WIDGET (self->views_stack), TRUE);
  gtk_box_append (GTK_BOX (reflow), GTK_WIDGET (self->views_stack));

  self->heat_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (self->heat_switch, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->heat_switch), GTK_ALIGN_CENTER);
  gtk_label_set_mnemonic_widget (GTK_LABEL (heat_label), GTK_WIDGET (self->heat_switch));
  gtk_label_set_xalign (GTK_LABEL (heat_label), 0);
  gtk_widget_set_hexpand (heat_label, TRUE);
  gtk_box_append (GTK_BOX (heat_row), heat_label);
  gtk_box_append (GTK_BOX (heat_row), GTK_WIDGET (self->heat_switch));
  g_signal_connect_swapped (self->heat_switch, "notify::active", G_CALLBACK (heat_changed_cb), self);
  gtk_box_append (GTK_BOX (side), heat_row);
  self->legend = bz_progress_legend_new ();
  gtk_box_append (GTK_BOX (side), self->legend);
  gtk_box_append (GTK_BOX (side), bz_progress_numbers_new (self->change_labels, self->from_labels, self->to_labels));
  {
    /* why the legend's centimetres are smaller than the table's */
    GtkWidget *note = gtk_label_new (_("Circumferences are measured around the body; the colours show how far its "
                                       "surface moved, about a sixth as much (a circumference changes 2π times the depth)."));
    gtk_label_set_wrap (GTK_LABEL (note), TRUE);
    gtk_label_set_xalign (GTK_LABEL (note), 0);
    gtk_label_set_max_width_chars (GTK_LABEL (note), 60);
    gtk_widget_add_css_class (note, "dim-label");
    gtk_widget_add_css_class (note, "caption");
    gtk_box_append (GTK_BOX (side), note);
  }
  gtk_widget_set_size_request (side, 300, -1);
  gtk_box_append (GTK_BOX (reflow), side);
  self->main_box = GTK_BOX (reflow);
  gtk_box_append (GTK_BOX (content), reflow);
  /* a tall screen (a kiosk in portrait) gives its height to the bodies */
  gtk_widget_set_vexpand (reflow, TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->views_stack), TRUE);
  gtk_widget_set_vexpand (content, TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  /* the timeline */
  self->timeline = GTK_SCALE (gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 1, 0.05));
  gtk_range_set_increments (GTK_RANGE (self->timeline), 0.05, 0.25);
  gtk_scale_set_draw_value (self->timeline, FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->timeline), TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->timeline), 36);   /* room for the end dates */
  gtk_widget_set_margin_end (GTK_WIDGET (self->timeline), 36);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->timeline),
                               _("Slide from the earlier scan to the later one (arrow keys, Home, End)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timeline), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Timeline between the two scans"), -1);
  g_signal_connect_swapped (self->timeline, "value-changed", G_CALLBACK (timeline_changed_cb), self);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->timeline));

  gtk_widget_add_css_class (outer, "kiosk-progress");
  gtk_widget_set_parent (outer, GTK_WIDGET (self));
  heat_changed_cb (self);
}

/* --- object ----------------------------------------------------------------- */

static void
bz_kiosk_progress_dispose (GObject *object)
{
  BzKioskProgress *self = BZ_KIOSK_PROGRESS (object);
  GtkWidget *child;

  if (self->cancel)
    g_cancellable_cancel (self->cancel);
  g_clear_object (&self->cancel);
  g_clear_handle_id (&self->flip_idle, g_source_remove);
  g_clear_object (&self->session);
  g_clear_pointer (&self->morph, bz_avatar_morph_unref);
  g_clear_pointer (&self->scans, g_ptr_array_unref);
  g_clear_pointer (&self->meshes, g_hash_table_unref);
  g_clear_object (&self->dates);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bz_kiosk_progress_parent_class)->dispose (object);
}

/* A screen taller than wide (a kiosk in portrait), or a narrow one, stacks
 * the numbers under the bodies, which then get the width; the flip waits for
 * an idle so that it does not resize during an allocation. */
static gboolean
flip_cb (gpointer data)
{
  BzKioskProgress *self = data;
  self->flip_idle = 0;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->main_box),
                                  self->portrait ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  return G_SOURCE_REMOVE;
}

static void
bz_kiosk_progress_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                           int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);
  *minimum = *natural = 0;
  if (child)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
bz_kiosk_progress_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  BzKioskProgress *self = BZ_KIOSK_PROGRESS (widget);
  gboolean portrait = height > width || width < STACK_BELOW_WIDTH;
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child)
    gtk_widget_allocate (child, width, height, baseline, NULL);
  if (portrait != self->portrait)
    {
      self->portrait = portrait;
      if (self->flip_idle == 0)
        self->flip_idle = g_idle_add (flip_cb, self);
    }
}

static void
bz_kiosk_progress_class_init (BzKioskProgressClass *klass)
{
  GTK_WIDGET_CLASS (klass)->size_allocate = bz_kiosk_progress_size_allocate;   /* no layout manager: */
  GTK_WIDGET_CLASS (klass)->measure = bz_kiosk_progress_measure;               /* it would take over */
  G_OBJECT_CLASS (klass)->dispose = bz_kiosk_progress_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "kioskprogress");
}

static void
bz_kiosk_progress_init (BzKioskProgress *self)
{
  self->meshes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) bz_scan_mesh_unref);
  self->state = "none";
  build (self);
}

GtkWidget *
bz_kiosk_progress_new (void)
{
  return g_object_new (BZ_TYPE_KIOSK_PROGRESS, NULL);
}

static void
toggle_cb (BzKioskProgress *self)
{
  gboolean shown = gtk_toggle_button_get_active (self->toggle);
  gtk_stack_set_visible_child_name (self->page_stack, shown ? "progress" : "today");
  if (shown)
    gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
}

void
bz_kiosk_progress_attach (BzKioskProgress *self, GtkWidget *content, AdwHeaderBar *header)
{
  GtkWidget *viewport = gtk_widget_get_parent (content);
  GtkWidget *button_content = adw_button_content_new ();

  g_return_if_fail (GTK_IS_VIEWPORT (viewport));
  g_object_ref (content);
  gtk_viewport_set_child (GTK_VIEWPORT (viewport), NULL);
  self->page_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->page_stack, FALSE);
  gtk_stack_set_hhomogeneous (self->page_stack, FALSE);   /* each page its own size: the hidden one never widens the window */
  gtk_stack_add_named (self->page_stack, content, "today");
  gtk_widget_set_margin_start (GTK_WIDGET (self), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 18);
  gtk_stack_add_named (self->page_stack, GTK_WIDGET (self), "progress");
  gtk_stack_set_visible_child_name (self->page_stack, "today");
  gtk_viewport_set_child (GTK_VIEWPORT (viewport), GTK_WIDGET (self->page_stack));
  g_object_unref (content);

  self->toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (button_content), "document-open-recent-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (button_content), _("My _Progress"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (button_content), TRUE);
  gtk_button_set_child (GTK_BUTTON (self->toggle), button_content);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->toggle), _("Your body between two scans, and what changed"));
  gtk_widget_add_css_class (GTK_WIDGET (self->toggle), "kiosk-progress-toggle");
  gtk_widget_set_visible (GTK_WIDGET (self->toggle), FALSE);
  g_signal_connect_swapped (self->toggle, "toggled", G_CALLBACK (toggle_cb), self);
  adw_header_bar_pack_start (header, GTK_WIDGET (self->toggle));
}

void
bz_kiosk_progress_show (BzKioskProgress *self, gboolean shown)
{
  g_return_if_fail (BZ_IS_KIOSK_PROGRESS (self));
  if (self->toggle)
    gtk_toggle_button_set_active (self->toggle, shown);
}

void
bz_kiosk_progress_set_enabled (BzKioskProgress *self, gboolean enabled)
{
  g_return_if_fail (BZ_IS_KIOSK_PROGRESS (self));
  if (self->toggle)
    gtk_widget_set_visible (GTK_WIDGET (self->toggle), enabled);
  if (!enabled)
    bz_kiosk_progress_set_scans (self, NULL, NULL);
}

guint
bz_kiosk_progress_get_n_scans (BzKioskProgress *self)
{
  g_return_val_if_fail (BZ_IS_KIOSK_PROGRESS (self), 0);
  return self->scans ? self->scans->len : 0;
}

const char *
bz_kiosk_progress_get_state (BzKioskProgress *self)
{
  g_return_val_if_fail (BZ_IS_KIOSK_PROGRESS (self), NULL);
  return self->state;
}

GtkRange *
bz_kiosk_progress_get_timeline (BzKioskProgress *self)
{
  g_return_val_if_fail (BZ_IS_KIOSK_PROGRESS (self), NULL);
  return GTK_RANGE (self->timeline);
}

BzAvatarView *
bz_kiosk_progress_get_morph_view (BzKioskProgress *self)
{
  g_return_val_if_fail (BZ_IS_KIOSK_PROGRESS (self), NULL);
  return self->morph_view;
}

BzAvatarView *
bz_kiosk_progress_get_before_view (BzKioskProgress *self)
{
  g_return_val_if_fail (BZ_IS_KIOSK_PROGRESS (self), NULL);
  return self->before_view;
}

void
bz_kiosk_progress_set_heatmap (BzKioskProgress *self, gboolean heat)
{
  g_return_if_fail (BZ_IS_KIOSK_PROGRESS (self));
  gtk_switch_set_active (self->heat_switch, heat);
}

gboolean
bz_kiosk_progress_get_change (BzKioskProgress *self, BzProgressRegion region, double *out_change)
{
  double a, b;

  g_return_val_if_fail (BZ_IS_KIOSK_PROGRESS (self) && region < BZ_PROGRESS_N_REGIONS, FALSE);
  if (self->scans == NULL || self->scans->len < 2)
    return FALSE;
  a = bz_progress_region_value (g_ptr_array_index (self->scans, self->from), region);
  b = bz_progress_region_value (g_ptr_array_index (self->scans, self->to), region);
  *out_change = b - a;
  return !isnan (*out_change);
}

const char *
bz_kiosk_progress_get_change_text (BzKioskProgress *self, BzProgressRegion region)
{
  g_return_val_if_fail (BZ_IS_KIOSK_PROGRESS (self) && region < BZ_PROGRESS_N_REGIONS, NULL);
  return gtk_label_get_label (self->change_labels[region]);
}

double
bz_kiosk_progress_get_range_cm (BzKioskProgress *self)
{
  g_return_val_if_fail (BZ_IS_KIOSK_PROGRESS (self), 0);
  return self->morph ? self->morph->range_cm : 0;
}
