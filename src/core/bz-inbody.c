/* bz-inbody.c — InBody export files to ScanInput objects (bz-inbody.h). */
#include "bz-inbody.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bz-json.h"
#include "bz-limits.h"
#include "bz-vocab.h"

/* What a column holds, hence how its cells are read. */
typedef enum { K_DATE, K_SEX, K_NUMBER, K_MASS, K_LENGTH, K_VOLUME } Kind;

typedef struct
{
  const char *path;            /* ScanInput member path; "_bfm": body fat mass, for body_fat_percent */
  Kind kind;
  const char *labels[4];       /* lower case, without item number and unit */
} Target;

/* "LBM of Right Arm": older LookinBody exports (InBody 230). */
#define SEG(part, name, fat1, fat2) \
  { "bioimpedance.segmental_lean_mass_kg." part, K_MASS, { "lean mass of " name, name " lean mass", "lbm of " name } }, \
  { "bioimpedance.segmental_fat_mass_kg." part, K_MASS, { fat1, fat2 } }

/* The columns read; bz-inbody.h lists where the labels come from. */
static const Target targets[] = {
  { "measured_at", K_DATE, { "test date / time", "date", "test date", "measured_at" } },
  { "sex", K_SEX, { "gender", "sex" } },
  { "age", K_NUMBER, { "age" } },
  { "height_cm", K_LENGTH, { "height" } },
  { "weight_kg", K_MASS, { "weight" } },
  { "body_fat_percent", K_NUMBER, { "pbf (percent body fat)", "percent body fat", "pbf" } },
  { "_bfm", K_MASS, { "bfm (body fat mass)", "body fat mass", "bfm" } },
  { "skeletal_muscle_mass_kg", K_MASS, { "smm (skeletal muscle mass)", "skeletal muscle mass", "smm" } },
  SEG ("right_arm", "right arm", "bfm of right arm", "right arm fat mass"),
  SEG ("left_arm", "left arm", "bfm of left arm", "left arm fat mass"),
  SEG ("trunk", "trunk", "bfm of trunk", "trunk fat mass"),
  SEG ("right_leg", "right leg", "bfm of right leg", "right leg fat mass"),
  SEG ("left_leg", "left leg", "bfm of left leg", "left leg fat mass"),
  { "bioimpedance.visceral_fat_level", K_NUMBER, { "vfl (visceral fat level)", "visceral fat level" } },
  { "bioimpedance.phase_angle_deg", K_NUMBER, { "50khz-whole body phase angle", "whole body phase angle", "phase angle" } },
  { "bioimpedance.total_body_water_l", K_VOLUME, { "tbw (total body water)", "total body water" } },
  { "bioimpedance.ecw_tbw_ratio", K_NUMBER, { "ecw/tbw", "ecw ratio" } },
  { "circumferences_cm.neck", K_LENGTH, { "measured circumference of neck", "neck circumference" } },
  { "circumferences_cm.chest", K_LENGTH, { "measured circumference of chest", "chest circumference" } },
  /* LookinBody's "abdomen" is taken at the navel, the waist of the body model. */
  { "circumferences_cm.waist", K_LENGTH, { "waist circumference", "measured circumference of abdomen", "abdominal circumference" } },
  { "circumferences_cm.hip", K_LENGTH, { "measured circumference of hip", "hip circumference" } },
  { "circumferences_cm.arm", K_LENGTH, { "measured circumference of right arm", "right arm circumference" } },
  { "circumferences_cm.thigh", K_LENGTH, { "measured circumference of right thigh", "right thigh circumference" } },
};

enum { T_DATE = 0, T_WEIGHT = 4, T_PBF = 5, T_BFM = 6 };

/* The international avoirdupois pound and inch (exact). */
#define KG_PER_LB 0.45359237
#define CM_PER_INCH 2.54

/* A column of the file: its target (NULL: ignored) and unit factor. */
typedef struct
{
  const Target *target;
  double factor;
  char *header;
} Column;

struct _Ctx
{
  BzInbodyFile *file;
  GTimeZone *tz;
  gboolean decimal_comma;
};
typedef struct _Ctx Ctx;

void
bz_inbody_file_free (BzInbodyFile *file)
{
  if (file == NULL)
    return;
  for (guint i = 0; i < file->rows->len; i++)
    {
      BzInbodyRow *r = g_ptr_array_index (file->rows, i);
      json_object_unref (r->input);
      g_hash_table_unref (r->columns);
      g_free (r);
    }
  for (guint i = 0; i < file->issues->len; i++)
    {
      BzInbodyIssue *is = g_ptr_array_index (file->issues, i);
      g_free (is->column);
      g_free (is->issue);
      g_free (is->message);
      g_free (is);
    }
  g_ptr_array_unref (file->rows);
  g_ptr_array_unref (file->issues);
  g_free (file);
}

void
bz_inbody_issue_add (BzInbodyFile *file, guint line, const char *column, const char *issue, const char *what)
{
  BzInbodyIssue *is;
  g_autofree char *where = NULL;

  file->n_issues++;
  if (file->issues->len >= BZ_INBODY_MAX_ISSUES)
    return;
  if (line == 0)
    where = g_strdup (_("file"));
  else if (g_strcmp0 (file->format, "json") == 0)
    where = g_strdup_printf (_("item %u"), line);
  else
    where = g_strdup_printf (_("line %u"), line);
  is = g_new0 (BzInbodyIssue, 1);
  is->line = line;
  is->column = g_strdup (column);
  is->issue = g_strdup (issue);
  is->message = column ? g_strdup_printf ("%s: %s: %s", where, column, what) : g_strdup_printf ("%s: %s", where, what);
  g_ptr_array_add (file->issues, is);
}

/* --- Headers ----------------------------------------------------------------- */

/* @header's target and unit factor; *unit_ok FALSE when its unit does not
 * fit the target's kind ("Weight(%)"). */
static const Target *
map_header (const char *header, double *factor, gboolean *unit_ok)
{
  g_autofree char *s = g_ascii_strdown (header, -1);
  char *p = g_strstrip (s), *open;
  const char *unit = NULL;
  g_autoptr(GString) label = g_string_new (NULL);

  *factor = 1.0;
  *unit_ok = TRUE;
  /* "12. Weight": LookinBody's item number. */
  if (g_ascii_isdigit (*p))
    {
      char *q = p;
      while (g_ascii_isdigit (*q))
        q++;
      if (*q == '.')
        p = q + 1;
    }
  p = g_strstrip (p);
  /* "Weight(kg)": a trailing unit. */
  open = strrchr (p, '(');
  if (open && g_str_has_suffix (open, ")"))
    {
      static const char *const units[] = { "kg", "lb", "lbs", "cm", "inch", "in", "%", "l", "level", "°", "deg", NULL };
      g_autofree char *u = g_strndup (open + 1, strlen (open) - 2);
      g_strstrip (u);
      for (guint i = 0; units[i]; i++)
        if (g_str_equal (u, units[i]))
          unit = units[i];
      if (unit)
        {
          *open = '\0';
          g_strstrip (p);
        }
    }
  /* Collapse runs of blanks. */
  for (const char *c = p; *c; c++)
    if (!(g_ascii_isspace (*c) && (label->len == 0 || label->str[label->len - 1] == ' ')))
      g_string_append_c (label, g_ascii_isspace (*c) ? ' ' : *c);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    for (guint k = 0; k < G_N_ELEMENTS (targets[i].labels) && targets[i].labels[k]; k++)
      if (g_str_equal (label->str, targets[i].labels[k]))
        {
          const Target *t = &targets[i];
          if (unit == NULL)
            return t;
          switch (t->kind)
            {
            case K_MASS:
              if (g_str_has_prefix (unit, "lb"))
                *factor = KG_PER_LB;
              else if (!g_str_equal (unit, "kg"))
                *unit_ok = FALSE;
              break;
            case K_LENGTH:
              if (g_str_has_prefix (unit, "in"))
                *factor = CM_PER_INCH;
              else if (!g_str_equal (unit, "cm"))
                *unit_ok = FALSE;
              break;
            case K_VOLUME:
              *unit_ok = g_str_equal (unit, "l");
              break;
            default:
              break;   /* "(%)", "(Level)", "(°)": the target's own unit */
            }
          return t;
        }
  return NULL;
}

/* --- Cells ------------------------------------------------------------------- */

gboolean
bz_inbody_parse_number (const char *cell, gboolean decimal_comma, double *out)
{
  g_autofree char *s = g_strstrip (g_strdup (cell));
  char *end = NULL;
  guint digits = 0;

  if (decimal_comma)
    g_strdelimit (s, ",", '.');
  for (const char *c = s; *c; c++)
    {
      if (g_ascii_isdigit (*c))
        digits++;
      else if (!strchr (".+-eE", *c))
        return FALSE;   /* no hex, inf or nan, no thousands separators */
    }
  if (digits == 0)
    return FALSE;
  *out = g_ascii_strtod (s, &end);
  return end && *end == '\0' && isfinite (*out);
}

/* "5ft. 10.0in." (LookinBody's height in imperial units) in cm. */
static gboolean
parse_feet_inches (const char *cell, double *out_cm)
{
  g_autofree char *s = g_ascii_strdown (cell, -1);
  char *ft = strstr (s, "ft"), *in, *end = NULL;
  double feet, inches = 0;

  if (ft == NULL)
    return FALSE;
  *ft = '\0';
  if (!bz_inbody_parse_number (s, FALSE, &feet) || feet < 0)
    return FALSE;
  in = ft + 2;
  if (*in == '.')
    in++;
  while (*in == ' ')
    in++;
  if (*in)
    {
      end = strstr (in, "in");
      if (end == NULL || !(g_str_equal (end, "in") || g_str_equal (end, "in.")))
        return FALSE;
      *end = '\0';
      if (!bz_inbody_parse_number (in, FALSE, &inches) || inches < 0 || inches >= 12)
        return FALSE;
    }
  *out_cm = (feet * 12 + inches) * CM_PER_INCH;
  return TRUE;
}

/* Reads @n digits of @s at *@i into *@out. */
static gboolean
digits (const char *s, guint *i, guint n, int *out)
{
  *out = 0;
  for (guint k = 0; k < n; k++, (*i)++)
    {
      if (!g_ascii_isdigit (s[*i]))
        return FALSE;
      *out = *out * 10 + (s[*i] - '0');
    }
  return TRUE;
}

/* LookinBody's dates: "20260920100057" (the app), "2026.09.20 10:00:57",
 * "2026-09-20 10:00", "2026/09/20", or ISO 8601; zoneless ones in @tz.
 * Returns: (transfer full) (nullable): ISO 8601 with the offset. */
static char *
parse_date (const char *cell, GTimeZone *tz)
{
  g_autofree char *s = g_strstrip (g_strdup (cell));
  g_autoptr(GDateTime) dt = NULL;
  int y, mo, d, h = 0, mi = 0, sec = 0;
  guint i = 0, len = strlen (s);
  gboolean all_digits = len > 0;

  for (guint k = 0; k < len; k++)
    all_digits = all_digits && g_ascii_isdigit (s[k]);
  if (all_digits && (len == 14 || len == 12 || len == 8))
    {
      digits (s, &i, 4, &y);
      digits (s, &i, 2, &mo);
      digits (s, &i, 2, &d);
      if (len >= 12)
        {
          digits (s, &i, 2, &h);
          digits (s, &i, 2, &mi);
        }
      if (len == 14)
        digits (s, &i, 2, &sec);
    }
  else if (len >= 10 && digits (s, &i, 4, &y) && strchr (".-/", s[i]) && s[i + 1] && (i++, digits (s, &i, 2, &mo)) &&
           s[i] == s[4] && (i++, digits (s, &i, 2, &d)) &&
           (s[i] == '\0' ||
            ((s[i] == ' ' || s[i] == 'T') && (i++, digits (s, &i, 2, &h)) && s[i] == ':' && (i++, digits (s, &i, 2, &mi)) &&
             (s[i] == '\0' || (s[i] == ':' && (i++, digits (s, &i, 2, &sec)) && s[i] == '\0')))))
    ;
  else
    {
      dt = g_date_time_new_from_iso8601 (s, tz);
      /* The same years as below: GLib reads "0057-07-01" too, and would
       * print it back as "57-07-01", which is no ISO 8601 date. */
      if (dt == NULL || g_date_time_get_year (dt) < 1900)
        return NULL;
      return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
    }
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59)
    return NULL;
  dt = g_date_time_new (tz, y, mo, d, h, mi, sec);
  return dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z") : NULL;
}

/* Sets @path ("a.b.c") of @root to @node (taken), creating the objects on the way. */
static void
set_path (JsonObject *root, const char *path, JsonNode *node)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonObject *o = root;
  guint n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n; i++)
    {
      if (!json_object_has_member (o, parts[i]))
        json_object_set_object_member (o, parts[i], json_object_new ());
      o = json_object_get_object_member (o, parts[i]);
    }
  json_object_set_member (o, parts[n - 1], node);
}

/* A row being built. */
typedef struct
{
  BzInbodyRow *row;
  double bfm;
  const char *bfm_header;
  gboolean have[G_N_ELEMENTS (targets)];
} RowBuild;

static void
row_begin (RowBuild *b, guint line)
{
  memset (b, 0, sizeof *b);
  b->row = g_new0 (BzInbodyRow, 1);
  b->row->line = line;
  b->row->input = json_object_new ();
  b->row->columns = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  b->bfm = NAN;
}

/* One cell (text, or a JSON number when @text is NULL) of column @c; a
 * cell that is present but wrong counts as given (one issue per cell). */
static void row_cell_ (Ctx *ctx, RowBuild *b, const Column *c, const char *text, double number);

static void
row_cell (Ctx *ctx, RowBuild *b, const Column *c, const char *text, double number)
{
  guint n = ctx->file->n_issues;
  row_cell_ (ctx, b, c, text, number);
  if (ctx->file->n_issues != n)
    {
      /* Reported here: the member stays absent, and its column is named so
       * that the later "required" of the scan's validation is not said twice. */
      b->have[c->target - targets] = TRUE;
      g_hash_table_insert (b->row->columns, (gpointer) c->target->path, g_strdup (c->header));
    }
}

static void
row_cell_ (Ctx *ctx, RowBuild *b, const Column *c, const char *text, double number)
{
  const Target *t = c->target;
  guint ti = t - targets;
  double v = number, factor = c->factor;

  if (b->have[ti])
    return;   /* a second column for the same member: the first wins */
  if (text)
    {
      g_autofree char *s = g_strstrip (g_strdup (text));
      if (*s == '\0' || g_str_equal (s, "-"))
        return;   /* not measured */
      if (t->kind == K_DATE)
        {
          char *iso = parse_date (s, ctx->tz);
          if (iso == NULL)
            {
              bz_inbody_issue_add (ctx->file, b->row->line, c->header, "invalid_date",
                                   _("not a date (YYYYMMDDHHMMSS, YYYY.MM.DD HH:MM or ISO 8601)"));
              return;
            }
          set_path (b->row->input, t->path, json_node_init_string (json_node_alloc (), iso));
          g_free (iso);
          goto done;
        }
      if (t->kind == K_SEX)
        {
          const char *id = bz_vocab_canonical (&bz_vocab_sex, s);
          if (id == NULL)
            {
              bz_inbody_issue_add (ctx->file, b->row->line, c->header, "invalid_choice", _("must be male or female (M or F)"));
              return;
            }
          set_path (b->row->input, t->path, json_node_init_string (json_node_alloc (), id));
          goto done;
        }
      if (t->kind == K_LENGTH && parse_feet_inches (s, &v))
        factor = 1.0;   /* already cm */
      else if (!bz_inbody_parse_number (s, ctx->decimal_comma, &v))
        {
          bz_inbody_issue_add (ctx->file, b->row->line, c->header, "not_a_number", _("not a number"));
          return;
        }
    }
  else if (t->kind == K_DATE || t->kind == K_SEX)
    {
      bz_inbody_issue_add (ctx->file, b->row->line, c->header, "not_a_number", _("must be text"));
      return;
    }
  v *= factor;
  if (!isfinite (v))
    {
      /* e.g. 1e308 pounds: finite as written, not once in kilograms. */
      bz_inbody_issue_add (ctx->file, b->row->line, c->header, "out_of_range", _("too large a number"));
      return;
    }
  if (ti == T_BFM)
    {
      b->bfm = v;
      b->bfm_header = c->header;
      b->have[ti] = TRUE;
      return;
    }
  set_path (b->row->input, t->path, json_node_init_double (json_node_alloc (), v));
done:
  b->have[ti] = TRUE;
  g_hash_table_insert (b->row->columns, (gpointer) t->path, g_strdup (c->header));
}

static void
row_end (Ctx *ctx, RowBuild *b)
{
  /* Percent body fat = body fat mass / weight (InBody's own definition). */
  if (!b->have[T_PBF] && b->have[T_BFM] && b->have[T_WEIGHT])
    {
      JsonNode *wn = json_object_get_member (b->row->input, "weight_kg");
      double w = wn && json_node_get_value_type (wn) == G_TYPE_DOUBLE ? json_node_get_double (wn) : 0;
      double pbf = w > 0 ? round (b->bfm / w * 1000.0) / 10.0 : NAN;
      if (isfinite (pbf))   /* a weight of 1e-300 kg is refused later, not divided by */
        {
          set_path (b->row->input, "body_fat_percent", json_node_init_double (json_node_alloc (), pbf));
          g_hash_table_insert (b->row->columns, (gpointer) "body_fat_percent", g_strdup (b->bfm_header));
        }
    }
  g_ptr_array_add (ctx->file->rows, b->row);
}

/* --- CSV --------------------------------------------------------------------- */

typedef struct
{
  const char *p, *end;
  guint line;
  char delim;
} Csv;

/* Reads the next record into @cells.  Returns: 1 a record, 0 end, -1 an
 * issue (added). */
static int
csv_record (Ctx *ctx, Csv *csv, GPtrArray *cells, guint *out_line)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *start = csv->p;
  gboolean quoted = FALSE, was_quoted = FALSE;
  gboolean blank = TRUE;   /* the cell so far is only blanks: a quote may still open it */

  g_ptr_array_set_size (cells, 0);
  *out_line = csv->line;
  if (csv->p >= csv->end)
    return 0;
  for (;;)
    {
      char c;
      if ((gsize) (csv->p - start) > BZ_INBODY_MAX_LINE)
        {
          bz_inbody_issue_add (ctx->file, *out_line, NULL, "line_too_long", _("the line is too long"));
          return -1;
        }
      if (csv->p >= csv->end)
        {
          if (quoted)
            {
              bz_inbody_issue_add (ctx->file, *out_line, NULL, "malformed_csv", _("a quoted cell is not closed"));
              return -1;
            }
          break;
        }
      c = *csv->p++;
      if (quoted)
        {
          if (c == '"')
            {
              if (csv->p < csv->end && *csv->p == '"')
                {
                  g_string_append_c (cell, '"');
                  csv->p++;
                }
              else
                quoted = FALSE;
            }
          else
            {
              if (c == '\n')
                csv->line++;
              g_string_append_c (cell, c);
            }
          continue;
        }
      /* Older LookinBody exports write "a", "b": blanks around a quoted cell are not part of it. */
      if (c == '"' && blank && !was_quoted)
        {
          g_string_truncate (cell, 0);
          quoted = was_quoted = TRUE;
          continue;
        }
      if (was_quoted && (c == ' ' || c == '\t') && c != csv->delim)
        continue;
      if (c == csv->delim)
        {
          if (cells->len >= BZ_INBODY_MAX_COLUMNS)
            {
              bz_inbody_issue_add (ctx->file, *out_line, NULL, "too_many_columns", _("too many columns"));
              return -1;
            }
          g_ptr_array_add (cells, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          was_quoted = FALSE;
          blank = TRUE;
          continue;
        }
      if (c == '\r' && csv->p < csv->end && *csv->p == '\n')
        continue;
      if (c == '\n' || c == '\r')
        {
          csv->line++;
          break;
        }
      g_string_append_c (cell, c);
      blank = blank && (c == ' ' || c == '\t');
    }
  g_ptr_array_add (cells, g_strdup (cell->str));
  return 1;
}

static gboolean
blank_record (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const char *s = g_ptr_array_index (cells, i);
      for (; *s; s++)
        if (!g_ascii_isspace (*s))
          return FALSE;
    }
  return TRUE;
}

static void
parse_csv (Ctx *ctx, const char *data, gsize len)
{
  Csv csv = { data, data + len, 1, ',' };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (Column));
  gboolean have_date = FALSE, have_weight = FALSE;
  guint line, counts[3] = { 0 };
  const char *nl;
  int r;

  /* The delimiter: the commonest of , ; and tab on the first line. */
  nl = memchr (data, '\n', len);
  for (const char *c = data; c < (nl ? nl : data + len); c++)
    counts[0] += *c == ',', counts[1] += *c == ';', counts[2] += *c == '\t';
  if (counts[1] > counts[0] && counts[1] >= counts[2])
    csv.delim = ';', ctx->decimal_comma = TRUE;
  else if (counts[2] > counts[0])
    csv.delim = '\t';

  while ((r = csv_record (ctx, &csv, cells, &line)) == 1 && blank_record (cells))
    ;
  if (r <= 0)
    {
      if (r == 0)
        bz_inbody_issue_add (ctx->file, 0, NULL, "empty", _("the file has no header and no rows"));
      return;
    }
  for (guint i = 0; i < cells->len; i++)
    {
      Column c = { NULL, 1.0, g_strstrip (g_strdup (g_ptr_array_index (cells, i))) };
      gboolean unit_ok;
      c.target = map_header (c.header, &c.factor, &unit_ok);
      if (!unit_ok)
        {
          bz_inbody_issue_add (ctx->file, line, c.header, "invalid_unit", _("a unit Balanza does not read for this column"));
          c.target = NULL;
        }
      have_date |= c.target == &targets[T_DATE];
      have_weight |= c.target == &targets[T_WEIGHT];
      g_array_append_val (columns, c);
    }
  if (!have_date)
    bz_inbody_issue_add (ctx->file, line, "Test Date / Time", "missing_column", _("required column missing"));
  if (!have_weight)
    bz_inbody_issue_add (ctx->file, line, "Weight", "missing_column", _("required column missing"));

  if (have_date && have_weight)
    while ((r = csv_record (ctx, &csv, cells, &line)) == 1)
      {
        RowBuild b;
        if (blank_record (cells))
          continue;
        if (ctx->file->rows->len >= BZ_INBODY_MAX_ROWS)
          {
            g_autofree char *msg = g_strdup_printf (_("more than %d rows"), BZ_INBODY_MAX_ROWS);
            bz_inbody_issue_add (ctx->file, line, NULL, "too_many_rows", msg);
            break;
          }
        if (cells->len != columns->len)
          {
            g_autofree char *msg = g_strdup_printf (_("%u cells where the header has %u"), cells->len, columns->len);
            bz_inbody_issue_add (ctx->file, line, NULL, "cell_count", msg);
            continue;
          }
        row_begin (&b, line);
        for (guint i = 0; i < cells->len; i++)
          {
            Column *c = &g_array_index (columns, Column, i);
            if (c->target)
              row_cell (ctx, &b, c, g_ptr_array_index (cells, i), 0);
          }
        row_end (ctx, &b);
      }
  for (guint i = 0; i < columns->len; i++)
    g_free (g_array_index (columns, Column, i).header);
}

/* --- JSON -------------------------------------------------------------------- */

static void
parse_json (Ctx *ctx, const char *data, gsize len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  g_autoptr(JsonNode) root = bz_json_parse (data, len, &bz_json_limits_inbody, &where, &error);
  JsonArray *rows = NULL;

  if (root == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("not an InBody JSON file (%s at %s)"), error->message, where ? where : "body");
      bz_inbody_issue_add (ctx->file, 0, NULL, "malformed_json", msg);
      return;
    }
  if (JSON_NODE_HOLDS_ARRAY (root))
    rows = json_node_get_array (root);
  else if (JSON_NODE_HOLDS_OBJECT (root))
    {
      static const char *const names[] = { "results", "data", "scans" };
      JsonObject *o = json_node_get_object (root);
      for (guint i = 0; i < G_N_ELEMENTS (names) && rows == NULL; i++)
        {
          JsonNode *n = json_object_get_member (o, names[i]);
          if (n && JSON_NODE_HOLDS_ARRAY (n))
            rows = json_node_get_array (n);
        }
    }
  if (rows == NULL)
    {
      bz_inbody_issue_add (ctx->file, 0, NULL, "malformed_json", _("expected a list of rows, or an object with \"results\""));
      return;
    }
  if (json_array_get_length (rows) == 0)
    bz_inbody_issue_add (ctx->file, 0, NULL, "empty", _("the file has no rows"));
  for (guint k = 0; k < json_array_get_length (rows); k++)
    {
      JsonNode *e = json_array_get_element (rows, k);
      JsonObjectIter it;
      const char *name;
      JsonNode *val;
      RowBuild b;

      if (k >= BZ_INBODY_MAX_ROWS)
        {
          g_autofree char *msg = g_strdup_printf (_("more than %d rows"), BZ_INBODY_MAX_ROWS);
          bz_inbody_issue_add (ctx->file, k + 1, NULL, "too_many_rows", msg);
          break;
        }
      if (!JSON_NODE_HOLDS_OBJECT (e))
        {
          bz_inbody_issue_add (ctx->file, k + 1, NULL, "not_a_row", _("not an object"));
          continue;
        }
      row_begin (&b, k + 1);
      json_object_iter_init (&it, json_node_get_object (e));
      while (json_object_iter_next (&it, &name, &val))
        {
          Column c = { NULL, 1.0, (char *) name };
          gboolean unit_ok;
          c.target = map_header (name, &c.factor, &unit_ok);
          if (c.target == NULL || JSON_NODE_HOLDS_NULL (val))
            continue;
          if (!unit_ok)
            bz_inbody_issue_add (ctx->file, k + 1, name, "invalid_unit", _("a unit Balanza does not read for this column"));
          else if (JSON_NODE_HOLDS_VALUE (val) && json_node_get_value_type (val) == G_TYPE_STRING)
            row_cell (ctx, &b, &c, json_node_get_string (val), 0);
          else if (JSON_NODE_HOLDS_VALUE (val) && (json_node_get_value_type (val) == G_TYPE_INT64 ||
                                                    json_node_get_value_type (val) == G_TYPE_DOUBLE))
            row_cell (ctx, &b, &c, NULL, json_node_get_double (val));
          else
            bz_inbody_issue_add (ctx->file, k + 1, name, "not_a_number", _("not a number"));
        }
      row_end (ctx, &b);
    }
}

/* --- Entry ------------------------------------------------------------------- */

BzInbodyFile *
bz_inbody_parse (const char *data, gsize len, GTimeZone *tz)
{
  BzInbodyFile *file = g_new0 (BzInbodyFile, 1);
  Ctx ctx = { file, tz, FALSE };
  const char *bad = NULL, *p;

  file->rows = g_ptr_array_new ();
  file->issues = g_ptr_array_new ();
  file->format = "csv";
  if (len > BZ_INBODY_MAX_BYTES)
    {
      g_autofree char *msg = g_strdup_printf (_("larger than %d bytes"), BZ_INBODY_MAX_BYTES);
      bz_inbody_issue_add (file, 0, NULL, "too_large", msg);
      return file;
    }
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, len -= 3;
  /* Text only: no NUL, valid UTF-8 (a spreadsheet or a photo is refused here). */
  p = memchr (data, '\0', len);
  if (p || !g_utf8_validate_len (data, len, &bad))
    {
      const char *at = p ? p : bad;
      guint line = 1;
      for (const char *c = data; c < at; c++)
        line += *c == '\n';
      bz_inbody_issue_add (file, line, NULL, "not_text", _("not text (a CSV or JSON export is expected)"));
      return file;
    }
  for (p = data; p < data + len && g_ascii_isspace (*p); p++)
    ;
  if (p < data + len && (*p == '[' || *p == '{'))
    {
      file->format = "json";
      parse_json (&ctx, data, len);
    }
  else
    parse_csv (&ctx, data, len);
  if (file->rows->len == 0 && file->n_issues == 0)
    bz_inbody_issue_add (file, 0, NULL, "empty", _("the file has no rows"));
  return file;
}
