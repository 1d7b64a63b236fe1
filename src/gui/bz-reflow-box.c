/* bz-reflow-box.c — children side by side in equal widths when they fit, else stacked. */
#include "bz-reflow-box.h"

struct _BzReflowBox
{
  GtkWidget parent_instance;
  int spacing;
  gboolean stacked;
};

G_DEFINE_FINAL_TYPE (BzReflowBox, bz_reflow_box, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_SPACING, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The children that take part in the layout, and the widest minimum and
 * natural width among them. */
static guint
laid_out (BzReflowBox *self, int *max_min, int *max_nat)
{
  guint n = 0;

  *max_min = *max_nat = 0;
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self)); c; c = gtk_widget_get_next_sibling (c))
    {
      int min, nat;
      if (!gtk_widget_should_layout (c))
        continue;
      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      *max_min = MAX (*max_min, min);
      *max_nat = MAX (*max_nat, nat);
      n++;
    }
  return n;
}

/* Side by side at @width: each child gets an equal share of at least its minimum. */
static gboolean
fits_in_a_row (BzReflowBox *self, guint n, int max_min, int width)
{
  return n <= 1 || width >= (int) n * max_min + ((int) n - 1) * self->spacing;
}

static int
share (BzReflowBox *self, guint n, int width)
{
  return (width - ((int) n - 1) * self->spacing) / (int) n;
}

static void
bz_reflow_box_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                       int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  BzReflowBox *self = BZ_REFLOW_BOX (widget);
  int max_min, max_nat, width;
  guint n = laid_out (self, &max_min, &max_nat);

  *minimum = *natural = 0;
  if (n == 0)
    return;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* stacked, a row is never narrower than its widest child */
      *minimum = max_min;
      *natural = MAX (max_min, (int) n * max_nat + ((int) n - 1) * self->spacing);
      return;
    }

  width = for_size >= 0 ? for_size : (int) n * max_nat + ((int) n - 1) * self->spacing;
  if (fits_in_a_row (self, n, max_min, width))
    {
      int w = share (self, n, width);
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
        {
          int min, nat;
          if (!gtk_widget_should_layout (c))
            continue;
          gtk_widget_measure (c, GTK_ORIENTATION_VERTICAL, w, &min, &nat, NULL, NULL);
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }
    }
  else
    {
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
        {
          int min, nat;
          if (!gtk_widget_should_layout (c))
            continue;
          gtk_widget_measure (c, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
          *minimum += min;
          *natural += nat;
        }
      *minimum += ((int) n - 1) * self->spacing;
      *natural += ((int) n - 1) * self->spacing;
    }
}

static void
bz_reflow_box_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  BzReflowBox *self = BZ_REFLOW_BOX (widget);
  int max_min, max_nat, pos = 0;
  guint n = laid_out (self, &max_min, &max_nat), i = 0;

  if (n == 0)
    return;
  self->stacked = !fits_in_a_row (self, n, max_min, width);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkAllocation a;
      if (!gtk_widget_should_layout (c))
        continue;
      if (self->stacked)
        {
          int min, nat;
          gtk_widget_measure (c, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
          a = (GtkAllocation) { 0, pos, width, nat };
          pos += nat + self->spacing;
        }
      else
        {
          /* the last one takes what the integer division left over */
          int w = ++i == n ? width - pos : share (self, n, width);
          a = (GtkAllocation) { pos, 0, w, height };
          pos += w + self->spacing;
        }
      gtk_widget_size_allocate (c, &a, -1);
    }
}

static GtkSizeRequestMode
bz_reflow_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
bz_reflow_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bz_reflow_box_parent_class)->dispose (object);
}

static void
bz_reflow_box_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, BZ_REFLOW_BOX (object)->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bz_reflow_box_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SPACING:
      bz_reflow_box_set_spacing (BZ_REFLOW_BOX (object), g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bz_reflow_box_class_init (BzReflowBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bz_reflow_box_dispose;
  object_class->get_property = bz_reflow_box_get_property;
  object_class->set_property = bz_reflow_box_set_property;
  widget_class->measure = bz_reflow_box_measure;
  widget_class->size_allocate = bz_reflow_box_size_allocate;
  widget_class->get_request_mode = bz_reflow_box_get_request_mode;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT16, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "reflowbox");
}

static void
bz_reflow_box_init (BzReflowBox *self)
{
}

GtkWidget *
bz_reflow_box_new (int spacing)
{
  return g_object_new (BZ_TYPE_REFLOW_BOX, "spacing", spacing, NULL);
}

void
bz_reflow_box_append (BzReflowBox *self, GtkWidget *child)
{
  g_return_if_fail (BZ_IS_REFLOW_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child) && gtk_widget_get_parent (child) == NULL);
  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

void
bz_reflow_box_set_spacing (BzReflowBox *self, int spacing)
{
  g_return_if_fail (BZ_IS_REFLOW_BOX (self));
  spacing = MAX (spacing, 0);
  if (self->spacing == spacing)
    return;
  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

int
bz_reflow_box_get_spacing (BzReflowBox *self)
{
  g_return_val_if_fail (BZ_IS_REFLOW_BOX (self), 0);
  return self->spacing;
}

gboolean
bz_reflow_box_get_stacked (BzReflowBox *self)
{
  g_return_val_if_fail (BZ_IS_REFLOW_BOX (self), FALSE);
  return self->stacked;
}
