/* bz-resource.h — one declaration per API resource.
 *
 * A resource (meal, meal item, nutrient panel, patient, scan…) is declared
 * once, as a const table of #BzField: the seed's JSON name, type, unit, range,
 * vocabulary, whether it is required, and the column that stores it.  Generic
 * code walks the table for everything else:
 *
 *   - bz_resource_parse()        request validation with the seed's field details
 *   - #BzRecord                  the typed value: a GObject with one property per
 *                                field, so GtkListView/GtkExpression bind to it
 *   - bz_record_write_json()     the JSON of a record, for HTTP only
 *   - bz_record_set_panel()      a child of numbers only (Nutrients, SMAE
 *                                equivalents) held as a value inside its
 *                                parent, made a record only when read as one
 *   - bz_resource_add_schemas()  the OpenAPI 3.0 request and response schemas
 *   - bz_db_read_record() (src/store/bz-record-store.h)  row -> record
 *
 * A table is written with an X-macro, so one line declares a field: the
 * macro yields both the field index enum (BZ_MEAL_ID…) and the table entry.
 *
 *   #define BZ_MEAL_ITEM_FIELDS(F) \
 *     F (MEAL_ITEM_NDB_NO, .name = "ndb_no", .type = BZ_FIELD_STRING, ...) \
 *     F (MEAL_ITEM_GRAMS,  .name = "grams",  .type = BZ_FIELD_NUMBER, .unit = "g", ...)
 *   BZ_RESOURCE_DECLARE (bz_meal_item, MEAL_ITEM, BZ_MEAL_ITEM_FIELDS)      (header)
 *   BZ_RESOURCE_DEFINE (bz_meal_item, MEAL_ITEM, "MealItem", "...", BZ_MEAL_ITEM_FIELDS)  (.c)
 *
 * Why tables walked at run time rather than a generator: the tables are C
 * the compiler checks, the debugger shows and the GUI can introspect (the
 * property per field); the cost is a switch per field, measured in
 * BENCHMARKS.md ("Hot path").  Core holds no SQL: .column is a column name
 * that the store's generic reader uses.
 */
#pragma once

#include <glib-object.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bz-error.h"
#include "bz-vocab.h"

G_BEGIN_DECLS

/**
 * BzFieldType:
 * @BZ_FIELD_STRING: UTF-8 text; .min/.max bound its length in characters
 * @BZ_FIELD_UUID: an RFC 4122 UUID, text
 * @BZ_FIELD_DATE: a calendar date YYYY-MM-DD (ISO 8601)
 * @BZ_FIELD_DATE_TIME: an ISO 8601 UTC date and time, "YYYY-MM-DDTHH:MM:SSZ"
 * @BZ_FIELD_URI: a URI reference (relative to this server)
 * @BZ_FIELD_ENUM: a term of .vocab (its id; Spanish aliases accepted in requests)
 * @BZ_FIELD_INTEGER: a 64-bit integer; .min/.max bound it
 * @BZ_FIELD_NUMBER: a double in .unit; .min/.max bound it
 * @BZ_FIELD_BOOLEAN: true or false
 * @BZ_FIELD_OBJECT: a nested record of .ref
 * @BZ_FIELD_ARRAY: a list of records of .ref; .max bounds its length
 * @BZ_FIELD_STRING_ARRAY: a list of strings; .max bounds its length; with .vocab,
 *   each a term of it (canonical id stored, Spanish aliases accepted)
 * @BZ_FIELD_BINARY: a file part of a multipart/form-data request (never JSON)
 */
typedef enum
{
  BZ_FIELD_STRING,
  BZ_FIELD_UUID,
  BZ_FIELD_DATE,
  BZ_FIELD_DATE_TIME,
  BZ_FIELD_URI,
  BZ_FIELD_ENUM,
  BZ_FIELD_INTEGER,
  BZ_FIELD_NUMBER,
  BZ_FIELD_BOOLEAN,
  BZ_FIELD_OBJECT,
  BZ_FIELD_ARRAY,
  BZ_FIELD_STRING_ARRAY,
  BZ_FIELD_BINARY,
} BzFieldType;

/**
 * BzFieldFlags:
 * @BZ_FIELD_REQUIRED: a request must carry it (responses always carry every
 *   field that is not write-only)
 * @BZ_FIELD_NULLABLE: may be null in a response (and in a request, where
 *   null means absent)
 * @BZ_FIELD_READ_ONLY: responses only (ids, computed values)
 * @BZ_FIELD_WRITE_ONLY: requests only (passwords)
 * @BZ_FIELD_INLINE: an OBJECT whose fields are columns of the parent's row
 * @BZ_FIELD_ROUND1: a NUMBER written rounded to 0.1 (nutrient panels)
 * @BZ_FIELD_OPTIONAL: may be absent from a response (only the measured
 *   circumferences, for instance); others are always present
 */
typedef enum
{
  BZ_FIELD_REQUIRED = 1 << 0,
  BZ_FIELD_NULLABLE = 1 << 1,
  BZ_FIELD_READ_ONLY = 1 << 2,
  BZ_FIELD_WRITE_ONLY = 1 << 3,
  BZ_FIELD_INLINE = 1 << 4,
  BZ_FIELD_ROUND1 = 1 << 5,
  BZ_FIELD_OPTIONAL = 1 << 6,
} BzFieldFlags;

typedef struct _BzResource BzResource;

/**
 * BzField:
 * @name: the JSON member name the seeds use; also the GObject property name
 * @type: its #BzFieldType
 * @flags: #BzFieldFlags
 * @column: (nullable): the column of the aggregate's table that stores it;
 *   %NULL when the repository computes or joins it
 * @min: lower bound (value, length or count, per @type); used when @min < @max
 * @max: upper bound; used when @min < @max
 * @unit: (nullable): the unit of a NUMBER or INTEGER ("kg", "kcal", "g", "mg", "cm")
 * @vocab: (nullable): the vocabulary of an ENUM
 * @ref: (nullable): the resource of an OBJECT or ARRAY
 * @description: English, for the OpenAPI document
 */
typedef struct
{
  const char *name;
  BzFieldType type;
  BzFieldFlags flags;
  const char *column;
  double min, max;
  const char *unit;
  const BzVocab *vocab;
  const BzResource *ref;
  const char *description;
} BzField;

/**
 * BzResource:
 * @name: the OpenAPI schema name ("Meal"); the record's GType is "Bz" + @name + "Record"
 * @description: English, for the OpenAPI document
 * @fields: (array length=n_fields): the declaration
 * @n_fields: at most 64
 */
struct _BzResource
{
  const char *name;
  const char *description;
  const BzField *fields;
  guint n_fields;
  /*< private >*/
  gsize gtype;
};

#define BZ_RESOURCE_FIELD_INDEX_(sym, ...) BZ_##sym,
#define BZ_RESOURCE_FIELD_ENTRY_(sym, ...) [BZ_##sym] = { __VA_ARGS__ },

/** BZ_RESOURCE_DECLARE: the field index enum and the resource, for a header. */
#define BZ_RESOURCE_DECLARE(prefix, UPPER, FIELDS)                      \
  enum { FIELDS (BZ_RESOURCE_FIELD_INDEX_) BZ_##UPPER##_N_FIELDS };     \
  extern BzResource prefix##_resource;

/** BZ_RESOURCE_DEFINE: the table and the resource, for one .c file. */
#define BZ_RESOURCE_DEFINE(prefix, UPPER, schema_name, desc, FIELDS)    \
  static const BzField prefix##_fields[BZ_##UPPER##_N_FIELDS + 1] = { FIELDS (BZ_RESOURCE_FIELD_ENTRY_) }; \
  G_STATIC_ASSERT (BZ_##UPPER##_N_FIELDS <= 64);                        \
  BzResource prefix##_resource = { schema_name, desc, prefix##_fields, BZ_##UPPER##_N_FIELDS, 0 };

/* --- Records ------------------------------------------------------------- */

#define BZ_TYPE_RECORD (bz_record_get_type ())
GType bz_record_get_type (void);
typedef struct _BzRecord BzRecord;
typedef struct _BzRecordClass BzRecordClass;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzRecord, g_object_unref)
#define BZ_RECORD(o) (G_TYPE_CHECK_INSTANCE_CAST ((o), BZ_TYPE_RECORD, BzRecord))
#define BZ_IS_RECORD(o) (G_TYPE_CHECK_INSTANCE_TYPE ((o), BZ_TYPE_RECORD))

/**
 * bz_resource_get_type:
 * Returns: the #BzRecord subclass of @res ("Bz" + name + "Record"), registered on first
 *   use, with one GObject property per field (strings: gchararray; INTEGER:
 *   gint64; NUMBER: gdouble; BOOLEAN: gboolean; OBJECT: the nested record;
 *   ARRAY: a #GListModel of records; STRING_ARRAY: GStrv).  Thread-safe.
 */
GType        bz_resource_get_type   (const BzResource *res);

/**
 * bz_resource_is_panel:
 * @res: a declaration
 *
 * Whether records of @res may be held as panels: @res declares at least
 * one field and every field is a NUMBER or a BOOLEAN (Nutrients,
 * SmaeEquivalents, ...), so its values own no memory.  An OBJECT field
 * whose .ref is such a resource accepts bz_record_set_panel().
 *
 * Returns: %TRUE for a panel resource.
 */
gboolean     bz_resource_is_panel   (const BzResource *res);

/** bz_record_new: Returns: (transfer full): an empty record of @res: every field null. */
BzRecord    *bz_record_new          (const BzResource *res);
/** bz_record_get_resource: Returns: (transfer none): the declaration of @rec. */
const BzResource *bz_record_get_resource (BzRecord *rec);

/* Field access by index (the BZ_<RESOURCE>_<FIELD> enum).  Setters replace
 * the value; strings are copied unless "take"; objects and arrays are taken. */
void         bz_record_set_string   (BzRecord *rec, guint field, const char *value);
void         bz_record_take_string  (BzRecord *rec, guint field, char *value);
void         bz_record_set_int      (BzRecord *rec, guint field, gint64 value);
void         bz_record_set_double   (BzRecord *rec, guint field, double value);
void         bz_record_set_boolean  (BzRecord *rec, guint field, gboolean value);
void         bz_record_take_object  (BzRecord *rec, guint field, BzRecord *value);
void         bz_record_take_strv    (BzRecord *rec, guint field, GStrv value);
void         bz_record_set_null     (BzRecord *rec, guint field);
/** bz_record_append: adds @item (taken) to the ARRAY @field, creating it empty first. */
void         bz_record_append       (BzRecord *rec, guint field, BzRecord *item);
/** bz_record_set_empty_array: makes the ARRAY or STRING_ARRAY @field present and empty. */
void         bz_record_set_empty_array (BzRecord *rec, guint field);

gboolean     bz_record_has          (BzRecord *rec, guint field);
/** bz_record_get_string: Returns: (transfer none) (nullable): the text of a string-typed field. */
const char  *bz_record_get_string   (BzRecord *rec, guint field);
gint64       bz_record_get_int      (BzRecord *rec, guint field);
double       bz_record_get_double   (BzRecord *rec, guint field);
gboolean     bz_record_get_boolean  (BzRecord *rec, guint field);
/**
 * bz_record_get_object:
 * Returns: (transfer none) (nullable): the nested record; a panel
 *   (bz_record_set_panel()) is first made into its record, kept by @rec.
 */
BzRecord    *bz_record_get_object   (BzRecord *rec, guint field);

/**
 * bz_record_set_panel:
 * @rec: a record
 * @field: an OBJECT field whose .ref is a panel resource (bz_resource_is_panel())
 * @values: (array length=n): the values of the child's fields 0 to @n - 1,
 *   in declaration order (a BOOLEAN: non-zero is true)
 * @n: how many; at most the child's number of fields
 *
 * Sets @field to a child of .ref whose fields 0 to @n - 1 hold @values (a
 * NAN is held, and written as null, as bz_record_set_double() does) and
 * whose other fields are null, without making a child record: the values
 * are kept in one small block inside @rec (a "panel"), a record's
 * creation and finalization saved.  bz_record_write_json() writes it as
 * it writes the child record, byte for byte; bz_record_get_panel() reads
 * it as it is; bz_record_get_object() and the field's GObject property
 * first make it into that child record, which @rec keeps (so such a read
 * changes @rec: read a record from one thread at a time).
 */
void         bz_record_set_panel    (BzRecord *rec, guint field, const double *values, guint n);

/**
 * bz_record_get_panel:
 * @rec: a record
 * @field: an OBJECT field whose .ref is a panel resource
 * @values: (out caller-allocates) (array length=n): the child's fields 0 to
 *   @n - 1 (a BOOLEAN as 1 or 0); NAN for a null one, or all when @field is null
 * @n: how many; at most the child's number of fields
 *
 * Reads the child of @field, a panel or a record alike, without making
 * a panel into a record.
 *
 * Returns: the child's present-bits (bit k: field k holds a value); 0 when
 *   @field is null.
 */
guint64      bz_record_get_panel    (BzRecord *rec, guint field, double *values, guint n);

/** bz_record_get_n_items: Returns: the length of the ARRAY @field (0 when null). */
guint        bz_record_get_n_items  (BzRecord *rec, guint field);
/** bz_record_get_item: Returns: (transfer none): item @i of the ARRAY @field. */
BzRecord    *bz_record_get_item     (BzRecord *rec, guint field, guint i);
/** bz_record_get_strv: Returns: (transfer none) (nullable): a STRING_ARRAY's strings. */
const char *const *bz_record_get_strv (BzRecord *rec, guint field);

/**
 * bz_record_write_json:
 * Appends the JSON object of @rec to @out: every field that is not
 * write-only, in declaration order; a field never set is written as null.
 * NUMBERs are written in their shortest round-trip form (ROUND1 fields
 * first rounded to 0.1); non-finite numbers as null.
 */
void         bz_record_write_json   (BzRecord *rec, GString *out);

/** bz_record_to_json_node: Returns: (transfer full): the same JSON as a tree (tests, stored JSON). */
JsonNode    *bz_record_to_json_node (BzRecord *rec);

/**
 * bz_resource_parse:
 * @res: the declaration
 * @object: (nullable): the request body's object; %NULL is an empty body
 * @path: (nullable): the field path prefix for details ("items[2]"), %NULL at the top
 * @v: collects field errors: "required", "invalid_type", "out_of_range",
 *   "too_short", "too_long", "invalid_choice", "invalid_format",
 *   "too_many_items", "unknown_field"
 *
 * Validates @object against @res: types, ranges and lengths, vocabularies
 * (Spanish aliases become the canonical id), required fields, nested
 * objects and arrays.  Read-only and unknown members are ignored here:
 * bz_resource_parse_closed() refuses them.
 *
 * Returns: (transfer full) (nullable): the record of the valid fields, or
 *   %NULL when @v got an error.
 */
BzRecord    *bz_resource_parse      (const BzResource *res, JsonObject *object, const char *path, BzValidation *v);

/**
 * bz_resource_parse_closed:
 * As bz_resource_parse(), and first every member that @res does not declare
 * as writable (unknown, misspelt or read-only), at any depth of its nested
 * objects and lists of objects, is refused with "unknown_field", as the
 * request schema's additionalProperties false says: a misspelt "satus" must
 * not pass as an empty change.  For PATCH routes, where every member is
 * optional.
 *
 * Returns: (transfer full) (nullable): as bz_resource_parse().
 */
BzRecord    *bz_resource_parse_closed (const BzResource *res, JsonObject *object, const char *path, BzValidation *v);

/**
 * BzSchemaUse:
 * @BZ_SCHEMA_RESPONSE: all fields but write-only ones, each required,
 *   nullable ones marked "nullable", no other members allowed
 * @BZ_SCHEMA_REQUEST: all fields but read-only ones, @BZ_FIELD_REQUIRED ones required
 */
typedef enum { BZ_SCHEMA_RESPONSE, BZ_SCHEMA_REQUEST } BzSchemaUse;

/**
 * bz_resource_add_schemas:
 * @schemas: components.schemas of an OpenAPI 3.0 document
 *
 * Adds the schema of @res for @use, and of every resource it refers to, to
 * @schemas under "Name" (responses) or "NameInput" (requests), with $refs
 * between them.
 *
 * Returns: (transfer none): the key under which @res was added.
 */
const char  *bz_resource_add_schemas (const BzResource *res, BzSchemaUse use, JsonObject *schemas);

/**
 * bz_field_schema:
 * @schemas: components.schemas, where resources @f refers to are added
 *
 * Returns: (transfer full): the OpenAPI 3.0 schema of one field for @use
 *   (type, format, enum, range, nullable, description with its unit); also
 *   the schema of a query parameter declared as a field.
 */
JsonObject  *bz_field_schema (const BzField *f, BzSchemaUse use, JsonObject *schemas);

G_END_DECLS
