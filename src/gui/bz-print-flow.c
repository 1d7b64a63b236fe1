/* bz-print-flow.c — a paginating text flow for printing (see bz-print-flow.h). */
#include "bz-print-flow.h"

typedef enum { ITEM_LINE, ITEM_RULE, ITEM_SHADE, ITEM_FIGURE } ItemKind;

typedef struct
{
  ItemKind kind;
  PangoLayout *layout;   /* ITEM_LINE: the line's layout (a ref) */
  int line;              /* its index in the layout */
  double x, y;           /* LINE: the baseline's start; RULE: y; SHADE: top */
  double height;         /* SHADE, FIGURE: its height; LINE: the bottom of the line's logical box */
  BzPrintFigureFunc draw;   /* FIGURE */
  gpointer data;
  GDestroyNotify destroy;
} Item;

struct _BzPrintFlow
{
  PangoContext *context;
  double width, height;
  GPtrArray *pages;      /* GArray of Item per page */
  double y;              /* used height of the last page */
};

static void
clear_item (gpointer p)
{
  Item *item = p;
  g_clear_object (&item->layout);
  if (item->destroy)
    g_clear_pointer (&item->data, item->destroy);
}

static GArray *
page_new (void)
{
  GArray *page = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (page, clear_item);
  return page;
}

BzPrintFlow *
bz_print_flow_new (PangoContext *context, double width, double height)
{
  BzPrintFlow *flow = g_new0 (BzPrintFlow, 1);

  flow->context = g_object_ref (context);
  flow->width = width;
  flow->height = height;
  flow->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_ptr_array_add (flow->pages, page_new ());
  return flow;
}

void
bz_print_flow_free (BzPrintFlow *flow)
{
  if (flow == NULL)
    return;
  g_clear_object (&flow->context);
  g_ptr_array_unref (flow->pages);
  g_free (flow);
}

double
bz_print_flow_get_width (BzPrintFlow *flow)
{
  return flow->width;
}

static GArray *
current_page (BzPrintFlow *flow)
{
  return g_ptr_array_index (flow->pages, flow->pages->len - 1);
}

static void
new_page (BzPrintFlow *flow)
{
  g_ptr_array_add (flow->pages, page_new ());
  flow->y = 0;
}

void
bz_print_flow_page_break (BzPrintFlow *flow)
{
  if (current_page (flow)->len > 0)
    new_page (flow);
}

static void
space (BzPrintFlow *flow, double amount)
{
  if (flow->y > 0)
    flow->y = MIN (flow->y + amount, flow->height);
}

static PangoLayout *
layout_new (BzPrintFlow *flow, const char *font, const char *markup, double width, PangoAlignment align)
{
  PangoLayout *layout = pango_layout_new (flow->context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_markup (layout, markup ? markup : "", -1);
  return layout;
}

static void
add_line (BzPrintFlow *flow, PangoLayout *layout, int line, double x, double baseline, double bottom)
{
  Item item = { ITEM_LINE, g_object_ref (layout), line, x, baseline, bottom };
  g_array_append_val (current_page (flow), item);
}

void
bz_print_flow_paragraph (BzPrintFlow *flow, const char *font, const char *markup, double indent,
                         double space_before, double keep_after)
{
  g_autoptr(PangoLayout) layout = layout_new (flow, font, markup, flow->width - indent, PANGO_ALIGN_LEFT);
  PangoLayoutIter *iter;
  int line = 0;
  int w, h;

  space (flow, space_before);
  pango_layout_get_size (layout, &w, &h);
  if (keep_after > 0 && flow->y > 0 && flow->y + (double) h / PANGO_SCALE + keep_after > flow->height)
    new_page (flow);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      double top, line_h, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      line_h = (double) logical.height / PANGO_SCALE;
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - top;
      if (flow->y + line_h > flow->height && flow->y > 0)
        new_page (flow);
      add_line (flow, layout, line, indent, flow->y + baseline, flow->y + line_h);
      flow->y += line_h;
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

void
bz_print_flow_row (BzPrintFlow *flow, const char *font, guint n_cells, const char *const *markups,
                   const double *widths, guint right_aligned, gboolean shade)
{
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  const double pad = 3;
  double row_h = 0, x = 0;

  for (guint i = 0; i < n_cells; i++)
    {
      double w = widths[i] * flow->width - 2 * pad;
      PangoLayout *l = layout_new (flow, font, markups[i], w,
                                   (right_aligned & (1u << i)) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      int lw, lh;

      pango_layout_get_size (l, &lw, &lh);
      row_h = MAX (row_h, (double) lh / PANGO_SCALE);
      g_ptr_array_add (layouts, l);
    }
  row_h += 2 * pad;
  if (flow->y + row_h > flow->height && flow->y > 0)
    new_page (flow);
  if (shade)
    {
      Item band = { ITEM_SHADE, NULL, 0, 0, flow->y, row_h };
      g_array_append_val (current_page (flow), band);
    }
  for (guint i = 0; i < n_cells; i++)
    {
      PangoLayout *l = g_ptr_array_index (layouts, i);
      PangoLayoutIter *iter = pango_layout_get_iter (l);
      int line = 0;

      do
        {
          PangoRectangle logical;
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          /* lines keep their place in the cell: baseline from the cell's top */
          add_line (flow, l, line, x + pad,
                    flow->y + pad + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE,
                    flow->y + pad + (double) (logical.y + logical.height) / PANGO_SCALE);
          line++;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
      x += widths[i] * flow->width;
    }
  flow->y += row_h;
}

void
bz_print_flow_rule (BzPrintFlow *flow, double space_before)
{
  Item rule = { ITEM_RULE, NULL, 0, 0, 0, 0 };

  space (flow, space_before);
  rule.y = flow->y + 1;
  g_array_append_val (current_page (flow), rule);
  flow->y += 3;
}

void
bz_print_flow_figure (BzPrintFlow *flow, double height, double space_before, BzPrintFigureFunc draw,
                      gpointer data, GDestroyNotify destroy)
{
  Item figure = { ITEM_FIGURE, NULL, 0, 0, 0, height, draw, data, destroy };

  space (flow, space_before);
  if (flow->y + height > flow->height && flow->y > 0)
    new_page (flow);
  figure.y = flow->y;
  g_array_append_val (current_page (flow), figure);
  flow->y += height;
}

double
bz_print_flow_get_page_bottom (BzPrintFlow *flow, guint page)
{
  GArray *items;
  double bottom = 0;

  g_return_val_if_fail (page < flow->pages->len, 0);
  items = g_ptr_array_index (flow->pages, page);
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      if (item->kind == ITEM_LINE)
        bottom = MAX (bottom, item->height);
      else if (item->kind == ITEM_SHADE || item->kind == ITEM_FIGURE)
        bottom = MAX (bottom, item->y + item->height);
      else
        bottom = MAX (bottom, item->y);
    }
  return bottom;
}

guint
bz_print_flow_get_n_pages (BzPrintFlow *flow)
{
  return flow->pages->len;
}

void
bz_print_flow_draw_page (BzPrintFlow *flow, cairo_t *cr, guint page)
{
  GArray *items;

  g_return_if_fail (page < flow->pages->len);
  items = g_ptr_array_index (flow->pages, page);
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      PangoLayoutLine *line;
      double x;

      switch (item->kind)
        {
        case ITEM_SHADE:
          cairo_set_source_rgb (cr, 0.93, 0.95, 0.93);
          cairo_rectangle (cr, 0, item->y, flow->width, item->height);
          cairo_fill (cr);
          break;
        case ITEM_FIGURE:
          cairo_save (cr);
          cairo_translate (cr, 0, item->y);
          item->draw (cr, flow->width, item->height, item->data);
          cairo_restore (cr);
          break;
        case ITEM_RULE:
          cairo_set_source_rgb (cr, 0.55, 0.6, 0.55);
          cairo_set_line_width (cr, 0.6);
          cairo_move_to (cr, 0, item->y);
          cairo_line_to (cr, flow->width, item->y);
          cairo_stroke (cr);
          break;
        case ITEM_LINE:
          line = pango_layout_get_line_readonly (item->layout, item->line);
          /* a right-aligned line starts where its width leaves off */
          {
            PangoRectangle ink, lg;
            int lw = pango_layout_get_width (item->layout);
            pango_layout_line_get_extents (line, &ink, &lg);
            x = item->x;
            if (pango_layout_get_alignment (item->layout) == PANGO_ALIGN_RIGHT && lw > 0)
              x += (double) (lw - lg.width) / PANGO_SCALE;
          }
          cairo_set_source_rgb (cr, 0.1, 0.12, 0.1);
          cairo_move_to (cr, x, item->y);
          pango_cairo_show_layout_line (cr, line);
          break;
        default:
          break;
        }
    }
}

char *
bz_print_flow_get_text (BzPrintFlow *flow, guint page)
{
  GString *text = g_string_new (NULL);
  GArray *items;

  g_return_val_if_fail (page < flow->pages->len, NULL);
  items = g_ptr_array_index (flow->pages, page);
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      PangoLayoutLine *line;
      if (item->kind != ITEM_LINE)
        continue;
      line = pango_layout_get_line_readonly (item->layout, item->line);
      g_string_append_len (text, pango_layout_get_text (item->layout) + line->start_index, line->length);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}
