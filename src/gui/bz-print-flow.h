/* bz-print-flow.h — a small paginating text flow for printing (the meal
 * plan's document, bz-plan-print.c): paragraphs and table rows of Pango
 * markup laid out on pages of a fixed width and height, broken between
 * lines (paragraphs) or between rows (tables), never inside a line, then
 * drawn page by page with Cairo.  Units are those of the PangoContext's
 * Cairo target (points for a GtkPrintContext in GTK_UNIT_POINTS). */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef struct _BzPrintFlow BzPrintFlow;

/**
 * bz_print_flow_new:
 * @context: the Pango context of the print target (from
 *   gtk_print_context_create_pango_context())
 * @width: the printable width
 * @height: the printable height left for content on each page
 *
 * Returns: (transfer full): an empty flow with one empty page.
 */
BzPrintFlow *bz_print_flow_new (PangoContext *context, double width, double height);
/** bz_print_flow_free: frees @flow, its pages and their layouts. */
void         bz_print_flow_free (BzPrintFlow *flow);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzPrintFlow, bz_print_flow_free)

/** bz_print_flow_get_width: Returns: the printable width. */
double       bz_print_flow_get_width (BzPrintFlow *flow);

/**
 * bz_print_flow_paragraph:
 * @font: a Pango font description string ("Sans 10")
 * @markup: Pango markup
 * @indent: left indent
 * @space_before: space above (dropped at the top of a page)
 * @keep_after: height the rest of the page must still have after this
 *   paragraph, else it starts on a new page (headings: a few lines of what
 *   follows); 0 for none
 *
 * Adds a paragraph, wrapping at words; it may break between its lines.
 */
void         bz_print_flow_paragraph (BzPrintFlow *flow, const char *font, const char *markup, double indent,
                                      double space_before, double keep_after);

/**
 * bz_print_flow_row:
 * @font: the cells' font
 * @n_cells: number of cells
 * @markups: (array length=n_cells): each cell's markup (%NULL: empty)
 * @widths: (array length=n_cells): each cell's share of the width
 *   (fractions summing to at most 1)
 * @right_aligned: bitmask of cells aligned right
 * @shade: draw a light band behind the row
 *
 * Adds a table row; cells wrap within their width and the row moves whole
 * to the next page when it does not fit.
 */
void         bz_print_flow_row (BzPrintFlow *flow, const char *font, guint n_cells, const char *const *markups,
                                const double *widths, guint right_aligned, gboolean shade);

/**
 * BzPrintFigureFunc:
 * @cr: the page's Cairo context, origin at the figure's top left corner
 * @width: @height: the figure's box
 * @data: what bz_print_flow_figure() was given
 * Draws a figure (a chart, a picture) inside its box.
 */
typedef void (*BzPrintFigureFunc) (cairo_t *cr, double width, double height, gpointer data);

/**
 * bz_print_flow_figure:
 * @height: the figure's height (its width is the flow's)
 * @space_before: space above (dropped at the top of a page)
 * @draw: draws it when its page is drawn
 * @data: (transfer full): for @draw, freed with @destroy with the flow
 * @destroy: (nullable): frees @data
 * Adds a figure; it moves whole to the next page when it does not fit.
 */
void         bz_print_flow_figure (BzPrintFlow *flow, double height, double space_before, BzPrintFigureFunc draw,
                                   gpointer data, GDestroyNotify destroy);

/** bz_print_flow_rule: a thin horizontal line across the width. */
void         bz_print_flow_rule (BzPrintFlow *flow, double space_before);

/** bz_print_flow_page_break: the next content starts a new page (unless this one is empty). */
void         bz_print_flow_page_break (BzPrintFlow *flow);

/** bz_print_flow_get_n_pages: Returns: pages so far (≥ 1). */
guint        bz_print_flow_get_n_pages (BzPrintFlow *flow);

/**
 * bz_print_flow_get_page_bottom:
 * Returns: the lowest point page @page (0-based) draws at: the bottom of
 *   its last line's logical box, or of its last row; never more than the
 *   flow's height (what bz_print_flow_new() was given) unless a single line
 *   or row is taller than a page.
 */
double       bz_print_flow_get_page_bottom (BzPrintFlow *flow, guint page);

/**
 * bz_print_flow_draw_page:
 * @cr: the page's Cairo context, origin at the printable area's corner
 *
 * Draws page @page (0-based).
 */
void         bz_print_flow_draw_page (BzPrintFlow *flow, cairo_t *cr, guint page);

/**
 * bz_print_flow_get_text:
 * Returns: (transfer full): the text of page @page, lines in order (tests).
 */
char        *bz_print_flow_get_text (BzPrintFlow *flow, guint page);

G_END_DECLS
