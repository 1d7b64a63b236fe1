/* bz-usda-import-sr28.c — reads the USDA SR28 text files for bz_usda_import()
 * (bz-usda-import.c): xz decompression, SHA-256, the `^`/`~` record state
 * machine with Windows-1252 decoding, and the per-file record handlers that
 * bind each record to the file's prepared INSERT.  The format is described
 * at the top of bz-usda-import.c.
 */
#include "bz-usda-import.h"

#include <lzma.h>
#include <math.h>
#include <string.h>

#include "bz-error.h"
#include "bz-usda-import-private.h"

#define READ_CHUNK   (64 * 1024)
#define XZ_OUT_CHUNK (256 * 1024)
#define XZ_MEMLIMIT  ((uint64_t) 256 << 20) /* SR28 .xz files need 65 MiB (64 MiB dictionary) */
#define CANCEL_EVERY 4096                    /* records between cancellation checks */

/* --- record assembly ------------------------------------------------------- */

/* Windows-1252 0x80..0x9F; the five undefined bytes map to the C1 control of
 * the same value, as in the WHATWG encoding standard. 0xA0..0xFF = Latin-1. */
static const gunichar cp1252_c1[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static inline void
buf_reserve (Importer *imp, gsize extra)
{
  if (imp->len + extra > imp->cap)
    {
      imp->cap = MAX (imp->cap * 2, imp->len + extra + 256);
      imp->buf = g_realloc (imp->buf, imp->cap);
    }
}

static inline void
buf_put_byte (Importer *imp, guchar c)
{
  if (c < 0x80)
    {
      buf_reserve (imp, 1);
      imp->buf[imp->len++] = (char) c;
    }
  else
    {
      gunichar u = c < 0xA0 ? cp1252_c1[c - 0x80] : c;
      buf_reserve (imp, 6);
      imp->len += g_unichar_to_utf8 (u, imp->buf + imp->len);
    }
}

static void
record_reset (Importer *imp)
{
  imp->len = 0;
  imp->n_fields = 1;
  imp->starts[0] = 0;
  imp->in_record = FALSE;
}

static gboolean
record_end_field (Importer *imp, GError **error)
{
  buf_put_byte (imp, '\0');
  if (imp->n_fields == MAX_FIELDS)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "%s record %" G_GUINT64_FORMAT ": too many fields",
                   imp->file->name, imp->records + 1);
      return FALSE;
    }
  imp->starts[imp->n_fields++] = imp->len;
  return TRUE;
}

static gboolean
record_finish (Importer *imp, GError **error)
{
  char *fields[MAX_FIELDS];

  buf_put_byte (imp, '\0');
  imp->records++;
  if (imp->n_fields != imp->file->n_fields)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL,
                   "%s record %" G_GUINT64_FORMAT ": %u fields, expected %u",
                   imp->file->name, imp->records, imp->n_fields, imp->file->n_fields);
      return FALSE;
    }
  for (guint i = 0; i < imp->n_fields; i++)
    fields[i] = imp->buf + imp->starts[i];
  if (!imp->file->record (imp, fields, error))
    return FALSE;
  record_reset (imp);
  if (imp->records % CANCEL_EVERY == 0 &&
      g_cancellable_set_error_if_cancelled (imp->cancellable, error))
    return FALSE;
  return TRUE;
}

static gboolean
parse (Importer *imp, const guchar *data, gsize n, GError **error)
{
  for (gsize i = 0; i < n; i++)
    {
      guchar c = data[i];

      if (imp->quoted)
        {
          if (c == '~')
            imp->quoted = FALSE;
          else
            buf_put_byte (imp, c);
          continue;
        }
      switch (c)
        {
        case '~':
          imp->quoted = TRUE;
          imp->in_record = TRUE;
          break;
        case '^':
          imp->in_record = TRUE;
          if (!record_end_field (imp, error))
            return FALSE;
          break;
        case '\r':
        case '\n':
          /* CRLF leaves an empty record behind the CR: skipped, as are blank lines. */
          if (imp->in_record && !record_finish (imp, error))
            return FALSE;
          break;
        default:
          imp->in_record = TRUE;
          buf_put_byte (imp, c);
          break;
        }
    }
  return TRUE;
}

/* --- field conversion ------------------------------------------------------- */

static gboolean
field_error (Importer *imp, const char *what, const char *value, GError **error)
{
  g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "%s record %" G_GUINT64_FORMAT ": bad %s “%s”",
               imp->file->name, imp->records, what, value);
  return FALSE;
}

/* Binds @value as REAL, or NULL when empty and @nullable. */
static gboolean
bind_number (Importer *imp, int idx, const char *value, gboolean nullable,
             const char *what, GError **error)
{
  char *end = NULL;
  double d;

  if (*value == '\0')
    {
      if (!nullable)
        return field_error (imp, what, value, error);
      sqlite3_bind_null (imp->insert, idx);
      return TRUE;
    }
  d = g_ascii_strtod (value, &end);
  if (end == value || *end != '\0' || !isfinite (d))
    return field_error (imp, what, value, error);
  sqlite3_bind_double (imp->insert, idx, d);
  return TRUE;
}

static gboolean
bind_int (Importer *imp, int idx, const char *value, const char *what, GError **error)
{
  gint64 v;

  if (!g_ascii_string_to_signed (value, 10, 0, G_MAXINT32, &v, NULL))
    return field_error (imp, what, value, error);
  sqlite3_bind_int64 (imp->insert, idx, v);
  return TRUE;
}

/* Binds non-empty text; empty text is an error unless @nullable (then NULL). */
static gboolean
bind_text (Importer *imp, int idx, const char *value, gboolean nullable,
           const char *what, GError **error)
{
  if (*value == '\0')
    {
      if (!nullable)
        return field_error (imp, what, value, error);
      sqlite3_bind_null (imp->insert, idx);
      return TRUE;
    }
  sqlite3_bind_text (imp->insert, idx, value, -1, SQLITE_STATIC);
  return TRUE;
}

/* Checks that @value is a key of @set (a table loaded earlier). */
static gboolean
check_ref (Importer *imp, GHashTable *set, const char *value, const char *what, GError **error)
{
  if (g_hash_table_contains (set, value))
    return TRUE;
  g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "%s record %" G_GUINT64_FORMAT ": unknown %s “%s”",
               imp->file->name, imp->records, what, value);
  return FALSE;
}

static void
remember (GHashTable *set, const char *value)
{
  g_hash_table_add (set, g_strdup (value));
}

static gboolean
insert_step (Importer *imp, GError **error)
{
  int rc = sqlite3_step (imp->insert);

  sqlite3_reset (imp->insert);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, BZ_ERROR, (rc & 0xff) == SQLITE_BUSY ? BZ_ERROR_UNAVAILABLE : BZ_ERROR_INTERNAL,
                   "%s record %" G_GUINT64_FORMAT ": SQLite: %s", imp->file->name, imp->records,
                   sqlite3_errmsg (imp->db));
      return FALSE;
    }
  return TRUE;
}

/* --- per-file record handlers (field order: sr28_doc.pdf ch. 2) -------------- */

/* FD_GROUP: FdGrp_Cd, FdGrp_Desc */
static gboolean
record_food_group (Importer *imp, char **f, GError **error)
{
  if (!(bind_text (imp, 1, f[0], FALSE, "FdGrp_Cd", error) &&
        bind_text (imp, 2, f[1], FALSE, "FdGrp_Desc", error) &&
        insert_step (imp, error)))
    return FALSE;
  remember (imp->group_codes, f[0]);
  return TRUE;
}

/* NUTR_DEF: Nutr_No, Units, Tagname, NutrDesc, Num_Dec, SR_Order */
static gboolean
record_nutrient_def (Importer *imp, char **f, GError **error)
{
  if (!(bind_text (imp, 1, f[0], FALSE, "Nutr_No", error) &&
        bind_text (imp, 2, f[1], FALSE, "Units", error) &&
        bind_text (imp, 3, f[2], TRUE, "Tagname", error) &&
        bind_text (imp, 4, f[3], FALSE, "NutrDesc", error) &&
        bind_int (imp, 5, f[4], "Num_Dec", error) &&
        bind_int (imp, 6, f[5], "SR_Order", error) &&
        insert_step (imp, error)))
    return FALSE;
  remember (imp->nutr_nos, f[0]);
  return TRUE;
}

/* FOOD_DES: NDB_No, FdGrp_Cd, Long_Desc, Shrt_Desc, ComName, ManufacName,
 * Survey, Ref_desc, Refuse, SciName, N_Factor, Pro_Factor, Fat_Factor, CHO_Factor */
static gboolean
record_food (Importer *imp, char **f, GError **error)
{
  if (!(check_ref (imp, imp->group_codes, f[1], "FdGrp_Cd", error) &&
        bind_text (imp, 1, f[0], FALSE, "NDB_No", error) &&
        bind_text (imp, 2, f[1], FALSE, "FdGrp_Cd", error) &&
        bind_text (imp, 3, f[2], FALSE, "Long_Desc", error) &&
        bind_text (imp, 4, f[3], FALSE, "Shrt_Desc", error) &&
        bind_text (imp, 5, f[4], TRUE, "ComName", error) &&
        bind_text (imp, 6, f[5], TRUE, "ManufacName", error) &&
        bind_text (imp, 7, f[7], TRUE, "Ref_desc", error) &&
        bind_number (imp, 8, f[8], TRUE, "Refuse", error) &&
        bind_text (imp, 9, f[9], TRUE, "SciName", error) &&
        bind_number (imp, 10, f[10], TRUE, "N_Factor", error) &&
        bind_number (imp, 11, f[11], TRUE, "Pro_Factor", error) &&
        bind_number (imp, 12, f[12], TRUE, "Fat_Factor", error) &&
        bind_number (imp, 13, f[13], TRUE, "CHO_Factor", error) &&
        insert_step (imp, error)))
    return FALSE;
  remember (imp->ndb_nos, f[0]);
  return TRUE;
}

/* NUT_DATA: NDB_No, Nutr_No, Nutr_Val, then statistics and provenance (not kept). */
static gboolean
record_nutrient (Importer *imp, char **f, GError **error)
{
  return check_ref (imp, imp->ndb_nos, f[0], "NDB_No", error) &&
         check_ref (imp, imp->nutr_nos, f[1], "Nutr_No", error) &&
         bind_text (imp, 1, f[0], FALSE, "NDB_No", error) &&
         bind_text (imp, 2, f[1], FALSE, "Nutr_No", error) &&
         bind_number (imp, 3, f[2], FALSE, "Nutr_Val", error) &&
         insert_step (imp, error);
}

/* WEIGHT: NDB_No, Seq, Amount, Msre_Desc, Gm_Wgt, Num_Data_Pts, Std_Dev */
static gboolean
record_weight (Importer *imp, char **f, GError **error)
{
  return check_ref (imp, imp->ndb_nos, f[0], "NDB_No", error) &&
         bind_text (imp, 1, f[0], FALSE, "NDB_No", error) &&
         bind_int (imp, 2, f[1], "Seq", error) &&
         bind_number (imp, 3, f[2], FALSE, "Amount", error) &&
         bind_text (imp, 4, f[3], FALSE, "Msre_Desc", error) &&
         bind_number (imp, 5, f[4], FALSE, "Gm_Wgt", error) &&
         insert_step (imp, error);
}

/* In load order (foods reference groups; nutrients and weights reference foods).
 * Progress shares follow the measured time of each step. */
const SourceFile bz_usda_sr28_sources[BZ_USDA_SR28_N_SOURCES] = {
  { "FD_GROUP.txt", "FD_GROUP.txt", FALSE, NULL, 2, "food-groups", 0.00, 0.01,
    "INSERT INTO food_groups (code, name) VALUES (?1, ?2)", record_food_group },
  { "NUTR_DEF.txt", "NUTR_DEF.txt", FALSE, NULL, 6, "nutrient-defs", 0.01, 0.02,
    "INSERT INTO nutrient_defs (nutr_no, units, tagname, name, num_dec, sr_order)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", record_nutrient_def },
  { "FOOD_DES.txt", "FOOD_DES.txt.xz", TRUE, SHA256_FOOD_DES, 14, "foods", 0.02, 0.06,
    "INSERT INTO foods (ndb_no, food_group, long_desc, short_desc, common_name, manufacturer,"
    " ref_desc, refuse_pct, sci_name, n_factor, pro_factor, fat_factor, cho_factor)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", record_food },
  { "NUT_DATA.txt", "NUT_DATA.txt.xz", TRUE, SHA256_NUT_DATA, 18, "nutrients", 0.06, 0.86,
    "INSERT INTO food_nutrients (ndb_no, nutr_no, value) VALUES (?1, ?2, ?3)", record_nutrient },
  { "WEIGHT.txt", "WEIGHT.txt.xz", TRUE, SHA256_WEIGHT, 7, "weights", 0.86, 0.88,
    "INSERT INTO food_weights (ndb_no, seq, amount, description, grams)"
    " VALUES (?1, ?2, ?3, ?4, ?5)", record_weight },
};

/* --- streaming --------------------------------------------------------------- */

static gboolean
consume (Importer *imp, GChecksum *sum, const guchar *data, gsize n, GError **error)
{
  g_checksum_update (sum, data, n);
  return parse (imp, data, n, error);
}

static const char *
lzma_ret_message (lzma_ret ret)
{
  switch (ret)
    {
    case LZMA_MEM_ERROR:     return "out of memory";
    case LZMA_MEMLIMIT_ERROR:return "memory limit exceeded";
    case LZMA_FORMAT_ERROR:  return "not an xz file";
    case LZMA_OPTIONS_ERROR: return "unsupported xz options";
    case LZMA_DATA_ERROR:    return "corrupt xz data";
    case LZMA_BUF_ERROR:     return "truncated xz file";
    default:                 return "xz decoder error";
    }
}

/* Streams one file into its table.  On success @out_sha256 (transfer full)
 * holds the hex sha256 of the uncompressed bytes, already checked against
 * the expected value if there is one. */
gboolean
bz_usda_sr28_import_file (Importer *imp, const SourceFile *sf, char **out_sha256, GError **error)
{
  g_autofree char *path = g_build_filename (imp->source_dir, sf->path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree guchar *inbuf = g_malloc (READ_CHUNK);
  g_autofree guchar *outbuf = NULL;
  lzma_stream xz = LZMA_STREAM_INIT;
  goffset size, consumed = 0;
  gboolean ok = FALSE;

  bz_usda_report (imp, sf->phase, sf->progress_from);

  in = g_file_read (file, imp->cancellable, error);
  if (in == NULL)
    return FALSE;
  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, imp->cancellable, error);
  if (info == NULL)
    return FALSE;
  size = MAX (g_file_info_get_size (info), 1);

  insert = bz_db_prepare (imp->db, sf->insert_sql, error);
  if (insert == NULL)
    return FALSE;

  if (sf->xz)
    {
      lzma_ret ret = lzma_stream_decoder (&xz, XZ_MEMLIMIT, LZMA_CONCATENATED);
      if (ret != LZMA_OK)
        {
          g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "%s: %s", path, lzma_ret_message (ret));
          return FALSE;
        }
      outbuf = g_malloc (XZ_OUT_CHUNK);
    }

  imp->file = sf;
  imp->insert = insert;
  imp->records = 0;
  imp->quoted = FALSE;
  record_reset (imp);

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), inbuf, READ_CHUNK, imp->cancellable, error);
      gboolean eof = n == 0, stream_end = FALSE;

      if (n < 0)
        goto out;
      consumed += n;

      if (!sf->xz)
        {
          if (eof)
            break;
          if (!consume (imp, sum, inbuf, n, error))
            goto out;
        }
      else
        {
          xz.next_in = inbuf;
          xz.avail_in = n;
          for (;;)
            {
              lzma_ret ret;

              xz.next_out = outbuf;
              xz.avail_out = XZ_OUT_CHUNK;
              ret = lzma_code (&xz, eof ? LZMA_FINISH : LZMA_RUN);
              if (xz.avail_out < XZ_OUT_CHUNK &&
                  !consume (imp, sum, outbuf, XZ_OUT_CHUNK - xz.avail_out, error))
                goto out;
              if (ret == LZMA_STREAM_END)
                {
                  stream_end = TRUE;
                  break;
                }
              if (ret != LZMA_OK)
                {
                  g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "%s: %s", path, lzma_ret_message (ret));
                  goto out;
                }
              if (!eof && xz.avail_in == 0 && xz.avail_out > 0)
                break;  /* needs more input */
            }
          if (stream_end)
            break;
        }
      bz_usda_report (imp, sf->phase,
              sf->progress_from + (sf->progress_to - sf->progress_from) * ((double) consumed / size));
    }

  /* The last record may lack its line end (FOOD_DES.txt does). */
  if (imp->quoted)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "%s: unterminated ~text~ at end of file", sf->name);
      goto out;
    }
  if (imp->in_record && !record_finish (imp, error))
    goto out;

  if (sf->sha256 && g_strcmp0 (g_checksum_get_string (sum), sf->sha256) != 0)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL,
                   "%s: sha256 %s does not match %s (data/foods/SOURCE.md)",
                   sf->name, g_checksum_get_string (sum), sf->sha256);
      goto out;
    }

  *out_sha256 = g_strdup (g_checksum_get_string (sum));
  ok = TRUE;

out:
  lzma_end (&xz);
  imp->insert = NULL;
  return ok;
}
