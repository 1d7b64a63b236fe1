/* bz-scan-row.c — one body scan in the patient's scan history. */
#include "bz-scan-row.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bz-gui-util.h"

struct _BzScanRow
{
  AdwActionRow parent_instance;
  BzRecord *scan;            /* a Scan record */
  GtkWidget *mark;
};

G_DEFINE_FINAL_TYPE (BzScanRow, bz_scan_row, ADW_TYPE_ACTION_ROW)

double
bz_scan_waist_cm (BzRecord *scan)
{
  BzRecord *c = bz_record_get_object (scan, BZ_SCAN_CIRCUMFERENCES_CM);
  /* only the measured circumferences are present: NAN otherwise */
  return c ? bz_record_get_double (c, BZ_CIRCUMFERENCES_WAIST) : NAN;
}

const char *
bz_scan_avatar_id (BzRecord *scan)
{
  BzRecord *avatar = bz_record_get_object (scan, BZ_SCAN_AVATAR);
  return avatar ? bz_record_get_string (avatar, BZ_AVATAR_ID) : NULL;
}

static char *
scan_summary (BzRecord *scan)
{
  GString *s = g_string_new (NULL);
  double weight = bz_record_get_double (scan, BZ_SCAN_WEIGHT_KG);
  double fat = bz_record_get_double (scan, BZ_SCAN_BODY_FAT_PERCENT);
  double estimated = bz_record_get_double (scan, BZ_SCAN_BODY_FAT_PERCENT_ESTIMATED);
  double waist = bz_scan_waist_cm (scan);

  if (!isnan (weight))
    g_string_append_printf (s, _("%.1f kg"), weight);
  if (!isnan (fat))
    {
      if (s->len)
        g_string_append (s, " · ");
      /* TRANSLATORS: body fat percentage */
      g_string_append_printf (s, _("%.1f %% body fat"), fat);
    }
  else if (!isnan (estimated))
    {
      if (s->len)
        g_string_append (s, " · ");
      /* TRANSLATORS: body fat estimated by the body model from the tape
       * measures, when it was not measured */
      g_string_append_printf (s, _("≈ %.1f %% body fat (estimated)"), estimated);
    }
  if (!isnan (waist))
    {
      if (s->len)
        g_string_append (s, " · ");
      /* TRANSLATORS: waist circumference */
      g_string_append_printf (s, _("waist %.0f cm"), waist);
    }
  return g_string_free (s, FALSE);
}

static void
bz_scan_row_finalize (GObject *object)
{
  g_clear_object (&BZ_SCAN_ROW (object)->scan);
  G_OBJECT_CLASS (bz_scan_row_parent_class)->finalize (object);
}

static void
bz_scan_row_class_init (BzScanRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bz_scan_row_finalize;
}

static void
bz_scan_row_init (BzScanRow *self)
{
  self->mark = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_visible (self->mark, FALSE);
  gtk_widget_add_css_class (self->mark, "accent");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mark), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Shown"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->mark);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Show this scan’s avatar"));
}

GtkWidget *
bz_scan_row_new (BzRecord *scan, gboolean latest)
{
  BzScanRow *self;
  g_autofree char *date = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (BZ_IS_RECORD (scan) && bz_record_get_resource (scan) == &bz_scan_resource, NULL);
  self = g_object_new (BZ_TYPE_SCAN_ROW, NULL);
  date = bz_format_date (bz_record_get_string (scan, BZ_SCAN_MEASURED_AT));
  summary = scan_summary (scan);
  /* TRANSLATORS: the newest scan's date in the history */
  title = latest ? g_strdup_printf (_("%s (latest)"), date) : g_strdup (date);

  self->scan = g_object_ref (scan);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), summary);
  return GTK_WIDGET (self);
}

BzRecord *
bz_scan_row_get_scan (BzScanRow *self)
{
  g_return_val_if_fail (BZ_IS_SCAN_ROW (self), NULL);
  return self->scan;
}

void
bz_scan_row_set_shown (BzScanRow *self, gboolean shown)
{
  g_return_if_fail (BZ_IS_SCAN_ROW (self));
  gtk_widget_set_visible (self->mark, shown);
}
