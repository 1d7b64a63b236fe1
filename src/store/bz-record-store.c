/* bz-record-store.c — rows <-> records (see bz-record-store.h). */
#include "bz-record-store.h"

static gboolean
stored (const BzField *f)
{
  return f->column != NULL || (f->type == BZ_FIELD_OBJECT && (f->flags & BZ_FIELD_INLINE));
}

static void
append_columns (GString *sql, const BzResource *res, const char *alias, gboolean *first)
{
  for (guint i = 0; i < res->n_fields; i++)
    {
      const BzField *f = &res->fields[i];
      if (!stored (f))
        continue;
      if (f->column == NULL)
        {
          append_columns (sql, f->ref, alias, first);
          continue;
        }
      if (!*first)
        g_string_append (sql, ", ");
      *first = FALSE;
      if (alias)
        g_string_append_printf (sql, "%s.", alias);
      g_string_append (sql, f->column);
    }
}

void
bz_db_append_columns (GString *sql, const BzResource *res, const char *alias)
{
  gboolean first = TRUE;
  append_columns (sql, res, alias, &first);
}

guint
bz_db_n_columns (const BzResource *res)
{
  guint n = 0;
  for (guint i = 0; i < res->n_fields; i++)
    {
      const BzField *f = &res->fields[i];
      if (f->column)
        n++;
      else if (stored (f))
        n += bz_db_n_columns (f->ref);
    }
  return n;
}

/* The INLINE object @field of @rec, when every field of its @ref is a
 * number or boolean with a column and none is NULL in this row, read as a
 * panel (bz_record_set_panel(): no child record) and its columns passed.
 * Otherwise FALSE, nothing read: the caller reads a child record. */
static gboolean
read_panel (sqlite3_stmt *st, int *col, BzRecord *rec, guint field, const BzResource *ref)
{
  double v[64];

  if (ref->n_fields == 0)
    return FALSE;
  for (guint k = 0; k < ref->n_fields; k++)
    {
      const BzField *f = &ref->fields[k];
      sqlite3_value *value;

      if ((f->type != BZ_FIELD_NUMBER && f->type != BZ_FIELD_BOOLEAN) || f->column == NULL)
        return FALSE;
      value = sqlite3_column_value (st, *col + (int) k);
      if (sqlite3_value_type (value) == SQLITE_NULL)
        return FALSE;
      v[k] = f->type == BZ_FIELD_NUMBER ? sqlite3_value_double (value) : sqlite3_value_int (value) != 0;
    }
  bz_record_set_panel (rec, field, v, ref->n_fields);
  *col += (int) ref->n_fields;
  return TRUE;
}

/* Each column is read once as its sqlite3_value (sqlite3_column_value()),
 * then typed and converted from it: one column call instead of two (type,
 * then value), each of which checks the statement and its row again.  The
 * value is unprotected, which is safe here: a connection serves one thread
 * (SQLITE_OPEN_NOMUTEX, bz-store.c). */
void
bz_db_read_record (sqlite3_stmt *st, int *col, BzRecord *rec)
{
  const BzResource *res = bz_record_get_resource (rec);

  for (guint i = 0; i < res->n_fields; i++)
    {
      const BzField *f = &res->fields[i];
      sqlite3_value *value;

      if (!stored (f))
        continue;
      if (f->column == NULL)
        {
          BzRecord *sub;
          if (read_panel (st, col, rec, i, f->ref))
            continue;
          sub = bz_record_new (f->ref);
          bz_db_read_record (st, col, sub);
          bz_record_take_object (rec, i, sub);
          continue;
        }
      value = sqlite3_column_value (st, (*col)++);
      if (sqlite3_value_type (value) == SQLITE_NULL)
        continue;   /* a new record's fields are null */
      switch (f->type)
        {
        case BZ_FIELD_INTEGER:
          bz_record_set_int (rec, i, sqlite3_value_int64 (value));
          break;
        case BZ_FIELD_NUMBER:
          bz_record_set_double (rec, i, sqlite3_value_double (value));
          break;
        case BZ_FIELD_BOOLEAN:
          bz_record_set_boolean (rec, i, sqlite3_value_int (value) != 0);
          break;
        case BZ_FIELD_OBJECT:
        case BZ_FIELD_ARRAY:
        case BZ_FIELD_STRING_ARRAY:
          g_warning ("%s.%s: only INLINE objects are stored in columns", res->name, f->name);
          break;
        default:
          bz_record_take_string (rec, i, g_strdup ((const char *) sqlite3_value_text (value)));
        }
    }
}

void
bz_db_bind_record (sqlite3_stmt *st, int *param, BzRecord *rec)
{
  const BzResource *res = bz_record_get_resource (rec);

  for (guint i = 0; i < res->n_fields; i++)
    {
      const BzField *f = &res->fields[i];
      int p;

      if (!stored (f))
        continue;
      if (f->column == NULL)
        {
          BzRecord *sub = bz_record_get_object (rec, i);
          if (sub == NULL)
            {
              g_autoptr(BzRecord) empty = bz_record_new (f->ref);
              bz_db_bind_record (st, param, empty);
            }
          else
            bz_db_bind_record (st, param, sub);
          continue;
        }
      p = (*param)++;
      if (!bz_record_has (rec, i))
        {
          sqlite3_bind_null (st, p);
          continue;
        }
      switch (f->type)
        {
        case BZ_FIELD_INTEGER:
          sqlite3_bind_int64 (st, p, bz_record_get_int (rec, i));
          break;
        case BZ_FIELD_NUMBER:
          sqlite3_bind_double (st, p, bz_record_get_double (rec, i));
          break;
        case BZ_FIELD_BOOLEAN:
          sqlite3_bind_int (st, p, bz_record_get_boolean (rec, i));
          break;
        case BZ_FIELD_OBJECT:
        case BZ_FIELD_ARRAY:
        case BZ_FIELD_STRING_ARRAY:
          sqlite3_bind_null (st, p);
          break;
        default:
          sqlite3_bind_text (st, p, bz_record_get_string (rec, i), -1, SQLITE_STATIC);
        }
    }
}
