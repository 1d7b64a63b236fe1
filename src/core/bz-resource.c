/* bz-resource.c — the generic code behind resource declarations: records
 * (one GObject subclass per resource), JSON writing, request validation and
 * OpenAPI schemas.  See bz-resource.h. */
#include "bz-resource.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bz-json.h"
#include "bz-json-private.h"

typedef struct _BzPanel BzPanel;

/* What put_key() copies at once: most keys (with their comma) are shorter. */
#define KEY_COPY 32

typedef union
{
  char *s;
  gint64 i;
  double d;
  gboolean b;
  BzRecord *o;
  BzPanel *p;                /* an OBJECT held as a panel: see BzPanel */
  GPtrArray *a;              /* of BzRecord; a GListModel only when a property asks */
  char **v;
} BzValue;

struct _BzRecord
{
  GObject parent_instance;
  const BzResource *res;
  guint64 present;            /* bit i: field i holds a value (else null) */
  guint64 panels;             /* bit i: OBJECT field i holds a BzPanel, not a record */
  GListStore **models;        /* ARRAY fields read as GListModel properties, made on first read */
  BzValue values[];
};

struct _BzRecordClass
{
  GObjectClass parent_class;
  const BzResource *res;
  /* Per field, its JSON member name written once: ,"name": (escaped, after
   * the comma that separates it from the member before), so
   * bz_record_write_json() copies it instead of escaping it per record, in
   * one copy with its comma (from json_keys[i] + 1 for the first member).
   * Each is allocated with at least KEY_COPY + 1 bytes: see put_key(). */
  char **json_keys;
  guint *json_key_lens;
  /* Bit i: field i owns memory when present (text, object, array, strv);
   * finalization visits only these. */
  guint64 owned;
  /* Per field: for an OBJECT field whose .ref is a panel resource
   * (bz_resource_is_panel()), the class of its records (referenced for
   * good); else NULL.  %NULL when the resource has no such field. */
  struct _BzRecordClass **panel_classes;
};

/* A panel: the value of an OBJECT field whose resource declares only
 * numbers and booleans (bz_resource_is_panel()), held by the parent in one
 * g_malloc'd block instead of a child record: a record costs a GObject's
 * creation and finalization (~4k instructions), a panel one allocation.
 * Its values are laid out as a record's, so the writer is the same code.
 * Whatever reads the field as an object (bz_record_get_object(), the
 * property) first turns it into the child record it stands for, which
 * the parent then keeps: see materialize(). */
struct _BzPanel
{
  struct _BzRecordClass *klass;   /* of the child's resource: klass->res is its declaration */
  guint64 present;                /* bit i: field i holds a value (else null) */
  BzValue values[];
};

G_DEFINE_ABSTRACT_TYPE (BzRecord, bz_record, G_TYPE_OBJECT)

static gboolean
is_text (BzFieldType t)
{
  return t == BZ_FIELD_STRING || t == BZ_FIELD_UUID || t == BZ_FIELD_DATE || t == BZ_FIELD_DATE_TIME ||
         t == BZ_FIELD_URI || t == BZ_FIELD_ENUM || t == BZ_FIELD_BINARY;
}

/* Frees the value of field @i, which is present. */
static void
free_value (BzRecord *self, guint i)
{
  const BzField *f = &self->res->fields[i];

  if (is_text (f->type))
    g_free (self->values[i].s);
  else if (f->type == BZ_FIELD_OBJECT)
    {
      if (self->panels & (G_GUINT64_CONSTANT (1) << i))
        g_free (self->values[i].p);
      else
        g_object_unref (self->values[i].o);
    }
  else if (f->type == BZ_FIELD_ARRAY)
    {
      g_ptr_array_unref (self->values[i].a);
      if (self->models)
        g_clear_object (&self->models[i]);
    }
  else if (f->type == BZ_FIELD_STRING_ARRAY)
    g_strfreev (self->values[i].v);
}

static inline void
clear_value (BzRecord *self, guint i)
{
  guint64 bit = G_GUINT64_CONSTANT (1) << i;

  if (!(self->present & bit))
    return;
  if (((BzRecordClass *) ((GTypeInstance *) self)->g_class)->owned & bit)
    free_value (self, i);
  self->values[i].i = 0;
  self->present &= ~bit;
  self->panels &= ~bit;
}

static void
bz_record_finalize (GObject *object)
{
  BzRecord *self = (BzRecord *) object;
  guint64 bits = self->present & ((BzRecordClass *) ((GTypeInstance *) self)->g_class)->owned;

  /* Only the fields that hold memory: a panel of six numbers frees nothing. */
  while (bits)
    {
      free_value (self, (guint) __builtin_ctzll (bits));
      bits &= bits - 1;
    }
  g_free (self->models);
  G_OBJECT_CLASS (bz_record_parent_class)->finalize (object);
}

/* The field @i of @self.  Not BZ_IS_RECORD(): that is a GType walk per
 * call (~100 instructions, ~500 calls per daily response); a record's
 * first member after its GObject header is its declaration, which every
 * caller's index is checked against. */
static inline const BzField *
field_checked (BzRecord *self, guint i)
{
  g_return_val_if_fail (self != NULL && self->res != NULL, NULL);
  g_return_val_if_fail (i < self->res->n_fields, NULL);
  return &self->res->fields[i];
}

static inline BzValue *
slot (BzRecord *self, guint i)
{
  clear_value (self, i);
  self->present |= G_GUINT64_CONSTANT (1) << i;
  return &self->values[i];
}

/* The ARRAY @i as a GListModel (for GtkListView): made once, then kept in
 * step by bz_record_append(). */
static GListModel *
list_model (BzRecord *self, guint i)
{
  GPtrArray *a = self->values[i].a;

  if (self->models == NULL)
    self->models = g_new0 (GListStore *, self->res->n_fields);
  if (self->models[i] == NULL)
    {
      self->models[i] = g_list_store_new (bz_resource_get_type (self->res->fields[i].ref));
      g_list_store_splice (self->models[i], 0, 0, a->pdata, a->len);
    }
  return G_LIST_MODEL (self->models[i]);
}

/* The panel of the OBJECT field @i made into the child record it stands
 * for, which @self keeps from then on (the caller's pointer stays valid
 * as long as @self, as any child's).  Like list_model(), a read that
 * changes @self: records are built on one thread and handed over, never
 * read from two threads at once. */
static BzRecord *
materialize (BzRecord *self, guint i)
{
  BzPanel *p = self->values[i].p;
  BzRecord *child = g_object_new (G_TYPE_FROM_CLASS (p->klass), NULL);

  child->present = p->present;
  memcpy (child->values, p->values, p->klass->res->n_fields * sizeof (BzValue));
  g_free (p);
  self->values[i].o = child;
  self->panels &= ~(G_GUINT64_CONSTANT (1) << i);
  return child;
}

/* The record of the OBJECT field @i, which is present. */
static inline BzRecord *
object_value (BzRecord *self, guint i)
{
  if (G_UNLIKELY (self->panels & (G_GUINT64_CONSTANT (1) << i)))
    return materialize (self, i);
  return self->values[i].o;
}

static void
bz_record_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BzRecord *self = (BzRecord *) object;
  guint i = prop_id - 1;
  const BzField *f = &self->res->fields[i];
  gboolean has = bz_record_has (self, i);

  switch (f->type)
    {
    case BZ_FIELD_INTEGER:
      g_value_set_int64 (value, has ? self->values[i].i : 0);
      break;
    case BZ_FIELD_NUMBER:
      g_value_set_double (value, has ? self->values[i].d : NAN);
      break;
    case BZ_FIELD_BOOLEAN:
      g_value_set_boolean (value, has && self->values[i].b);
      break;
    case BZ_FIELD_OBJECT:
      g_value_set_object (value, has ? object_value (self, i) : NULL);
      break;
    case BZ_FIELD_ARRAY:
      g_value_set_object (value, has ? list_model (self, i) : NULL);
      break;
    case BZ_FIELD_STRING_ARRAY:
      g_value_set_boxed (value, has ? self->values[i].v : NULL);
      break;
    default:
      g_value_set_string (value, has ? self->values[i].s : NULL);
    }
}

static void
bz_record_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  BzRecord *self = (BzRecord *) object;
  guint i = prop_id - 1;
  const BzField *f = &self->res->fields[i];

  switch (f->type)
    {
    case BZ_FIELD_INTEGER:
      bz_record_set_int (self, i, g_value_get_int64 (value));
      break;
    case BZ_FIELD_NUMBER:
      bz_record_set_double (self, i, g_value_get_double (value));
      break;
    case BZ_FIELD_BOOLEAN:
      bz_record_set_boolean (self, i, g_value_get_boolean (value));
      break;
    case BZ_FIELD_OBJECT:
      if (g_value_get_object (value))
        bz_record_take_object (self, i, g_value_dup_object (value));
      else
        bz_record_set_null (self, i);
      break;
    case BZ_FIELD_ARRAY:
      if (g_value_get_object (value))
        {
          GListModel *m = g_value_get_object (value);
          bz_record_set_empty_array (self, i);
          for (guint k = 0; k < g_list_model_get_n_items (m); k++)
            bz_record_append (self, i, g_list_model_get_item (m, k));
        }
      else
        bz_record_set_null (self, i);
      break;
    case BZ_FIELD_STRING_ARRAY:
      if (g_value_get_boxed (value))
        bz_record_take_strv (self, i, g_value_dup_boxed (value));
      else
        bz_record_set_null (self, i);
      break;
    default:
      bz_record_set_string (self, i, g_value_get_string (value));
    }
}

static void
bz_record_class_init (BzRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bz_record_finalize;
}

static void
bz_record_init (BzRecord *self)
{
}

static GParamSpec *
field_pspec (const BzField *f)
{
  /* Not G_PARAM_STATIC_NAME: GLib copies "energy_kcal" to its canonical "energy-kcal". */
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_NICK | G_PARAM_STATIC_BLURB;

  switch (f->type)
    {
    case BZ_FIELD_INTEGER:
      return g_param_spec_int64 (f->name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
    case BZ_FIELD_NUMBER:
      return g_param_spec_double (f->name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
    case BZ_FIELD_BOOLEAN:
      return g_param_spec_boolean (f->name, NULL, NULL, FALSE, flags);
    case BZ_FIELD_OBJECT:
      return g_param_spec_object (f->name, NULL, NULL, bz_resource_get_type (f->ref), flags);
    case BZ_FIELD_ARRAY:
      return g_param_spec_object (f->name, NULL, NULL, G_TYPE_LIST_MODEL, flags);
    case BZ_FIELD_STRING_ARRAY:
      return g_param_spec_boxed (f->name, NULL, NULL, G_TYPE_STRV, flags);
    default:
      return g_param_spec_string (f->name, NULL, NULL, NULL, flags);
    }
}

static void
resource_class_init (gpointer g_class, gpointer class_data)
{
  BzRecordClass *klass = g_class;
  const BzResource *res = class_data;

  klass->res = res;
  /* GObject does not inherit these: each class that installs properties sets them. */
  G_OBJECT_CLASS (klass)->get_property = bz_record_get_property;
  G_OBJECT_CLASS (klass)->set_property = bz_record_set_property;
  klass->json_keys = g_new0 (char *, res->n_fields + 1);
  klass->owned = 0;
  klass->json_key_lens = g_new0 (guint, res->n_fields);
  klass->panel_classes = NULL;
  for (guint i = 0; i < res->n_fields; i++)
    {
      GString *key = g_string_new (",");
      BzFieldType t = res->fields[i].type;
      g_object_class_install_property (G_OBJECT_CLASS (klass), i + 1, field_pspec (&res->fields[i]));
      if (is_text (t) || t == BZ_FIELD_OBJECT || t == BZ_FIELD_ARRAY || t == BZ_FIELD_STRING_ARRAY)
        klass->owned |= G_GUINT64_CONSTANT (1) << i;
      if (t == BZ_FIELD_OBJECT && bz_resource_is_panel (res->fields[i].ref))
        {
          /* A panel's writer needs its class (the JSON keys); kept for good,
           * as static types' classes are. */
          if (klass->panel_classes == NULL)
            klass->panel_classes = g_new0 (BzRecordClass *, res->n_fields);
          klass->panel_classes[i] = g_type_class_ref (bz_resource_get_type (res->fields[i].ref));
        }
      bz_json_append_string (key, res->fields[i].name);
      g_string_append_c (key, ':');
      klass->json_key_lens[i] = key->len;
      klass->json_keys[i] = g_malloc0 (MAX (key->len + 1, KEY_COPY + 1));
      memcpy (klass->json_keys[i], key->str, key->len);
      g_string_free (key, TRUE);
    }
}

static void
resource_instance_init (GTypeInstance *instance, gpointer g_class)
{
  ((BzRecord *) instance)->res = ((BzRecordClass *) g_class)->res;
}

GType
bz_resource_get_type (const BzResource *res)
{
  gsize *cache = (gsize *) &res->gtype;

  if (g_once_init_enter (cache))
    {
      /* "BzMealRecord": the suffix keeps record types apart from the classes
       * of the GUI and services ("BzSession" was both once). */
      g_autofree char *name = g_strconcat ("Bz", res->name, "Record", NULL);
      const GTypeInfo info = {
        .class_size = sizeof (BzRecordClass),
        .class_init = resource_class_init,
        .class_data = res,
        .instance_size = sizeof (BzRecord) + res->n_fields * sizeof (BzValue),
        .instance_init = resource_instance_init,
      };
      g_assert (res->n_fields <= 64);
      g_once_init_leave (cache, g_type_register_static (BZ_TYPE_RECORD, name, &info, 0));
    }
  return *cache;
}

gboolean
bz_resource_is_panel (const BzResource *res)
{
  g_return_val_if_fail (res != NULL, FALSE);
  if (res->n_fields == 0)
    return FALSE;
  for (guint i = 0; i < res->n_fields; i++)
    if (res->fields[i].type != BZ_FIELD_NUMBER && res->fields[i].type != BZ_FIELD_BOOLEAN)
      return FALSE;
  return TRUE;
}

BzRecord *
bz_record_new (const BzResource *res)
{
  return g_object_new (bz_resource_get_type (res), NULL);
}

const BzResource *
bz_record_get_resource (BzRecord *rec)
{
  g_return_val_if_fail (BZ_IS_RECORD (rec), NULL);
  return rec->res;
}

/* --- Field access -------------------------------------------------------- */

void
bz_record_set_string (BzRecord *rec, guint field, const char *value)
{
  bz_record_take_string (rec, field, g_strdup (value));
}

void
bz_record_take_string (BzRecord *rec, guint field, char *value)
{
  const BzField *f = field_checked (rec, field);
  g_return_if_fail (f && is_text (f->type));
  if (value == NULL)
    bz_record_set_null (rec, field);
  else
    slot (rec, field)->s = value;
}

void
bz_record_set_int (BzRecord *rec, guint field, gint64 value)
{
  const BzField *f = field_checked (rec, field);
  g_return_if_fail (f && f->type == BZ_FIELD_INTEGER);
  slot (rec, field)->i = value;
}

void
bz_record_set_double (BzRecord *rec, guint field, double value)
{
  const BzField *f = field_checked (rec, field);
  g_return_if_fail (f && f->type == BZ_FIELD_NUMBER);
  slot (rec, field)->d = value;
}

void
bz_record_set_boolean (BzRecord *rec, guint field, gboolean value)
{
  const BzField *f = field_checked (rec, field);
  g_return_if_fail (f && f->type == BZ_FIELD_BOOLEAN);
  slot (rec, field)->b = !!value;
}

void
bz_record_take_object (BzRecord *rec, guint field, BzRecord *value)
{
  const BzField *f = field_checked (rec, field);
  g_return_if_fail (f && f->type == BZ_FIELD_OBJECT);
  g_return_if_fail (value == NULL || value->res == f->ref);
  if (value == NULL)
    bz_record_set_null (rec, field);
  else
    slot (rec, field)->o = value;
}

void
bz_record_take_strv (BzRecord *rec, guint field, GStrv value)
{
  const BzField *f = field_checked (rec, field);
  g_return_if_fail (f && f->type == BZ_FIELD_STRING_ARRAY);
  if (value == NULL)
    bz_record_set_null (rec, field);
  else
    slot (rec, field)->v = value;
}

void
bz_record_set_null (BzRecord *rec, guint field)
{
  g_return_if_fail (field_checked (rec, field) != NULL);
  clear_value (rec, field);
}

void
bz_record_set_empty_array (BzRecord *rec, guint field)
{
  const BzField *f = field_checked (rec, field);
  g_return_if_fail (f && (f->type == BZ_FIELD_ARRAY || f->type == BZ_FIELD_STRING_ARRAY));
  if (f->type == BZ_FIELD_ARRAY)
    slot (rec, field)->a = g_ptr_array_new_with_free_func (g_object_unref);
  else
    slot (rec, field)->v = g_new0 (char *, 1);
}

void
bz_record_append (BzRecord *rec, guint field, BzRecord *item)
{
  const BzField *f = field_checked (rec, field);
  g_return_if_fail (f && f->type == BZ_FIELD_ARRAY && item && item->res == f->ref);
  if (!bz_record_has (rec, field))
    bz_record_set_empty_array (rec, field);
  g_ptr_array_add (rec->values[field].a, item);
  if (rec->models && rec->models[field])
    g_list_store_append (rec->models[field], item);
}

gboolean
bz_record_has (BzRecord *rec, guint field)
{
  g_return_val_if_fail (field_checked (rec, field) != NULL, FALSE);
  return (rec->present & (G_GUINT64_CONSTANT (1) << field)) != 0;
}

const char *
bz_record_get_string (BzRecord *rec, guint field)
{
  const BzField *f = field_checked (rec, field);
  g_return_val_if_fail (f && is_text (f->type), NULL);
  return bz_record_has (rec, field) ? rec->values[field].s : NULL;
}

gint64
bz_record_get_int (BzRecord *rec, guint field)
{
  const BzField *f = field_checked (rec, field);
  g_return_val_if_fail (f && f->type == BZ_FIELD_INTEGER, 0);
  return bz_record_has (rec, field) ? rec->values[field].i : 0;
}

double
bz_record_get_double (BzRecord *rec, guint field)
{
  const BzField *f = field_checked (rec, field);
  g_return_val_if_fail (f && f->type == BZ_FIELD_NUMBER, NAN);
  return bz_record_has (rec, field) ? rec->values[field].d : NAN;
}

gboolean
bz_record_get_boolean (BzRecord *rec, guint field)
{
  const BzField *f = field_checked (rec, field);
  g_return_val_if_fail (f && f->type == BZ_FIELD_BOOLEAN, FALSE);
  return bz_record_has (rec, field) && rec->values[field].b;
}

BzRecord *
bz_record_get_object (BzRecord *rec, guint field)
{
  const BzField *f = field_checked (rec, field);
  g_return_val_if_fail (f && f->type == BZ_FIELD_OBJECT, NULL);
  return bz_record_has (rec, field) ? object_value (rec, field) : NULL;
}

guint
bz_record_get_n_items (BzRecord *rec, guint field)
{
  const BzField *f = field_checked (rec, field);
  g_return_val_if_fail (f && f->type == BZ_FIELD_ARRAY, 0);
  return bz_record_has (rec, field) ? rec->values[field].a->len : 0;
}

BzRecord *
bz_record_get_item (BzRecord *rec, guint field, guint i)
{
  g_return_val_if_fail (i < bz_record_get_n_items (rec, field), NULL);
  return g_ptr_array_index (rec->values[field].a, i);
}

const char *const *
bz_record_get_strv (BzRecord *rec, guint field)
{
  const BzField *f = field_checked (rec, field);
  g_return_val_if_fail (f && f->type == BZ_FIELD_STRING_ARRAY, NULL);
  return bz_record_has (rec, field) ? (const char *const *) rec->values[field].v : NULL;
}

void
bz_record_set_panel (BzRecord *rec, guint field, const double *values, guint n)
{
  const BzField *f = field_checked (rec, field);
  BzRecordClass *klass = (BzRecordClass *) ((GTypeInstance *) rec)->g_class;
  BzRecordClass *child;
  BzPanel *p;

  g_return_if_fail (f && f->type == BZ_FIELD_OBJECT);
  g_return_if_fail (klass->panel_classes != NULL && klass->panel_classes[field] != NULL);
  child = klass->panel_classes[field];
  g_return_if_fail (n <= child->res->n_fields && (n == 0 || values != NULL));
  p = g_malloc (sizeof (BzPanel) + child->res->n_fields * sizeof (BzValue));
  p->klass = child;
  p->present = n == 64 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << n) - 1;
  for (guint k = 0; k < child->res->n_fields; k++)
    {
      if (k >= n)
        p->values[k].i = 0;
      else if (child->res->fields[k].type == BZ_FIELD_NUMBER)
        p->values[k].d = values[k];
      else
        p->values[k].b = values[k] != 0;
    }
  slot (rec, field)->p = p;
  rec->panels |= G_GUINT64_CONSTANT (1) << field;
}

guint64
bz_record_get_panel (BzRecord *rec, guint field, double *values, guint n)
{
  const BzField *f = field_checked (rec, field);
  BzRecordClass *klass = (BzRecordClass *) ((GTypeInstance *) rec)->g_class;
  const BzValue *vals;
  guint64 present;

  g_return_val_if_fail (f && f->type == BZ_FIELD_OBJECT, 0);
  g_return_val_if_fail (klass->panel_classes != NULL && klass->panel_classes[field] != NULL, 0);
  g_return_val_if_fail (n <= f->ref->n_fields && (n == 0 || values != NULL), 0);
  if (!bz_record_has (rec, field))
    present = 0, vals = NULL;
  else if (rec->panels & (G_GUINT64_CONSTANT (1) << field))
    present = rec->values[field].p->present, vals = rec->values[field].p->values;
  else
    present = rec->values[field].o->present, vals = rec->values[field].o->values;
  for (guint k = 0; k < n; k++)
    {
      if (!(present & (G_GUINT64_CONSTANT (1) << k)))
        values[k] = NAN;
      else if (f->ref->fields[k].type == BZ_FIELD_NUMBER)
        values[k] = vals[k].d;
      else
        values[k] = vals[k].b ? 1 : 0;
    }
  return present;
}

/* --- JSON ---------------------------------------------------------------- */

/* Appends the @n bytes at @key, from a BzRecordClass's json_keys[i] (or one
 * byte after its start): when @n <= KEY_COPY and @out has room, one
 * fixed-size copy (moves, no memcpy call) of KEY_COPY bytes, all within the
 * key's allocation; the bytes after the key are cut by the NUL and
 * overwritten by the next append. */
static inline void
put_key (GString *out, const char *key, gsize n)
{
  if (G_LIKELY (n <= KEY_COPY && out->len + KEY_COPY < out->allocated_len))
    {
      memcpy (out->str + out->len, key, KEY_COPY);
      out->len += n;
      out->str[out->len] = '\0';
    }
  else
    bz_json_put (out, key, n);
}

/* The JSON object of a record's or a panel's values (@panels: which of its
 * OBJECT fields hold panels), as bz_record_write_json() documents: one
 * writer for both, so that a panel is written byte for byte as the record
 * it stands for. */
static void write_values (BzRecordClass *klass, guint64 present, guint64 panels, const BzValue *values,
                          GString *out);

/* bz_record_write_json() without its type check: for the records a record
 * holds (OBJECT and ARRAY fields), BzRecords by construction. */
static inline void
write_record (BzRecord *rec, GString *out)
{
  write_values ((BzRecordClass *) ((GTypeInstance *) rec)->g_class, rec->present, rec->panels, rec->values, out);
}

static void
write_values (BzRecordClass *klass, guint64 present, guint64 panels, const BzValue *values, GString *out)
{
  const BzResource *res = klass->res;
  guint first = 1;   /* 1 until a member is written: skips its key's comma */

  g_string_append_c (out, '{');
  for (guint i = 0; i < res->n_fields; i++)
    {
      const BzField *f = &res->fields[i];
      const BzValue *val = &values[i];

      if ((f->flags & BZ_FIELD_WRITE_ONLY) ||
          ((f->flags & BZ_FIELD_OPTIONAL) && !(present & (G_GUINT64_CONSTANT (1) << i))))
        continue;
      put_key (out, klass->json_keys[i] + first, klass->json_key_lens[i] - first);
      first = 0;
      if (!(present & (G_GUINT64_CONSTANT (1) << i)))
        {
          bz_json_put (out, "null", 4);
          continue;
        }
      switch (f->type)
        {
        case BZ_FIELD_INTEGER:
          bz_json_append_int (out, val->i);
          break;
        case BZ_FIELD_NUMBER:
          if (f->flags & BZ_FIELD_ROUND1)
            bz_json_append_round1 (out, val->d);
          else
            bz_json_append_double (out, val->d);
          break;
        case BZ_FIELD_BOOLEAN:
          if (val->b)
            bz_json_put (out, "true", 4);
          else
            bz_json_put (out, "false", 5);
          break;
        case BZ_FIELD_OBJECT:
          if (panels & (G_GUINT64_CONSTANT (1) << i))
            write_values (val->p->klass, val->p->present, 0, val->p->values, out);
          else
            write_record (val->o, out);
          break;
        case BZ_FIELD_ARRAY:
          {
            g_string_append_c (out, '[');
            for (guint k = 0; k < val->a->len; k++)
              {
                if (k)
                  g_string_append_c (out, ',');
                write_record (g_ptr_array_index (val->a, k), out);
              }
            g_string_append_c (out, ']');
          }
          break;
        case BZ_FIELD_STRING_ARRAY:
          g_string_append_c (out, '[');
          for (guint k = 0; val->v[k]; k++)
            {
              if (k)
                g_string_append_c (out, ',');
              bz_json_append_string (out, val->v[k]);
            }
          g_string_append_c (out, ']');
          break;
        default:
          bz_json_append_string (out, val->s);
        }
    }
  g_string_append_c (out, '}');
}

void
bz_record_write_json (BzRecord *rec, GString *out)
{
  g_return_if_fail (BZ_IS_RECORD (rec));
  write_record (rec, out);
}

JsonNode *
bz_record_to_json_node (BzRecord *rec)
{
  g_autoptr(GString) s = g_string_new (NULL);
  bz_record_write_json (rec, s);
  return json_from_string (s->str, NULL);
}

