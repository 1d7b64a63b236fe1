/* bz-nutrition-bars.c — a day's intake against its targets.
 *
 * Energy and the macronutrients are goals: the bar turns amber above 110 %.
 * Sodium is a limit (targets.sodium_mg): the bar turns red above 100 %.
 * Both come as Nutrients records (bz-resources.h), read by field index.
 */
#include "bz-nutrition-bars.h"

#include <glib/gi18n.h>
#include <math.h>


typedef struct
{
  guint field;           /* BZ_NUTRIENTS_* */
  const char *name;      /* N_() */
  const char *unit;      /* N_() */
  gboolean is_limit;
} Nutrient;

static const Nutrient nutrients[] = {
  { BZ_NUTRIENTS_ENERGY_KCAL, N_("Energy"), N_("kcal"), FALSE },
  { BZ_NUTRIENTS_PROTEIN_G, N_("Protein"), N_("g"), FALSE },
  { BZ_NUTRIENTS_CARBOHYDRATE_G, N_("Carbohydrates"), N_("g"), FALSE },
  { BZ_NUTRIENTS_FAT_G, N_("Fat"), N_("g"), FALSE },
  { BZ_NUTRIENTS_FIBER_G, N_("Fiber"), N_("g"), FALSE },
  { BZ_NUTRIENTS_SODIUM_MG, N_("Sodium (limit)"), N_("mg"), TRUE },
};

#define N_NUTRIENTS G_N_ELEMENTS (nutrients)

struct _BzNutritionBars
{
  GtkWidget parent_instance;
  GtkWidget *grid;
  GtkLabel *values[N_NUTRIENTS];
  GtkProgressBar *bars[N_NUTRIENTS];
};

G_DEFINE_FINAL_TYPE (BzNutritionBars, bz_nutrition_bars, GTK_TYPE_WIDGET)

static void
bz_nutrition_bars_dispose (GObject *object)
{
  BzNutritionBars *self = BZ_NUTRITION_BARS (object);
  g_clear_pointer (&self->grid, gtk_widget_unparent);
  G_OBJECT_CLASS (bz_nutrition_bars_parent_class)->dispose (object);
}

static void
bz_nutrition_bars_class_init (BzNutritionBarsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bz_nutrition_bars_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nutritionbars");
}

static void
bz_nutrition_bars_init (BzNutritionBars *self)
{
  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 12);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));

  for (guint i = 0; i < N_NUTRIENTS; i++)
    {
      GtkWidget *name = gtk_label_new (_(nutrients[i].name));
      GtkWidget *value = gtk_label_new ("—");
      GtkWidget *bar = gtk_progress_bar_new ();

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_xalign (GTK_LABEL (value), 1);
      gtk_widget_set_hexpand (value, TRUE);
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (value, "dim-label");
      gtk_widget_set_margin_top (name, i == 0 ? 0 : 10);
      gtk_widget_set_margin_top (value, i == 0 ? 0 : 10);
      gtk_widget_set_margin_top (bar, 5);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      name, NULL, -1);

      gtk_grid_attach (GTK_GRID (self->grid), name, 0, i * 2, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), value, 1, i * 2, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), bar, 0, i * 2 + 1, 2, 1);
      self->values[i] = GTK_LABEL (value);
      self->bars[i] = GTK_PROGRESS_BAR (bar);
    }
}

GtkWidget *
bz_nutrition_bars_new (void)
{
  return g_object_new (BZ_TYPE_NUTRITION_BARS, NULL);
}

/* A number of a Nutrients record; @fallback when the record or the value is missing. */
static double
nutrient (BzRecord *panel, guint field, double fallback)
{
  double v = panel ? bz_record_get_double (panel, field) : NAN;
  return isnan (v) ? fallback : v;
}

void
bz_nutrition_bars_set (BzNutritionBars *self, BzRecord *intake, BzRecord *targets)
{
  g_return_if_fail (BZ_IS_NUTRITION_BARS (self));
  g_return_if_fail (intake == NULL || bz_record_get_resource (intake) == &bz_nutrients_resource);
  g_return_if_fail (targets == NULL || bz_record_get_resource (targets) == &bz_nutrients_resource);

  for (guint i = 0; i < N_NUTRIENTS; i++)
    {
      const Nutrient *n = &nutrients[i];
      double have = nutrient (intake, n->field, 0);
      double want = nutrient (targets, n->field, NAN);
      double fraction = !isnan (want) && want > 0 ? have / want : 0;
      GtkWidget *bar = GTK_WIDGET (self->bars[i]);
      g_autofree char *text = NULL;

      if (!isnan (want) && want > 0)
        /* TRANSLATORS: intake / target unit, e.g. "1250 / 2100 kcal" */
        text = g_strdup_printf (_("%.0f / %.0f %s"), have, want, _(n->unit));
      else
        text = g_strdup_printf ("%.0f %s", have, _(n->unit));
      gtk_label_set_label (self->values[i], text);
      gtk_progress_bar_set_fraction (self->bars[i], CLAMP (fraction, 0, 1));

      gtk_widget_remove_css_class (bar, "over-target");
      gtk_widget_remove_css_class (bar, "over-limit");
      if (n->is_limit && fraction > 1.0)
        gtk_widget_add_css_class (bar, "over-limit");
      else if (!n->is_limit && fraction > 1.1)
        gtk_widget_add_css_class (bar, "over-target");
    }
}
