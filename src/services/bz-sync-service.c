/* bz-sync-service.c — the phones' delta sync (bz-sync-service.h). */
#include "bz-sync-service.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bz-meal-repo.h"
#include "bz-patient-repo.h"
#include "bz-recipe-repo.h"
#include "bz-scan-repo.h"
#include "bz-store.h"
#include "bz-sync-repo.h"

#define CURSOR_PREFIX "v1:"
#define RESYNC_PATH "/api/v1/sync/changes"

char *
bz_sync_cursor_encode (gint64 version, gint64 horizon)
{
  g_autofree char *plain = g_strdup_printf (CURSOR_PREFIX "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                            MAX (version, 0), MAX (horizon, 0));
  char *b64 = g_base64_encode ((const guchar *) plain, strlen (plain));
  gsize n = strlen (b64);

  /* base64url without padding (RFC 4648 §5): safe in a query string as is. */
  for (char *c = b64; *c; c++)
    *c = *c == '+' ? '-' : *c == '/' ? '_' : *c;
  while (n > 0 && b64[n - 1] == '=')
    b64[--n] = '\0';
  return b64;
}

/* A decimal gint64 >= 0 of 1 to 18 digits, all of @s. */
static gboolean
parse_count (const char *s, gint64 *out)
{
  gsize n = strlen (s);

  if (n == 0 || n > 18)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  *out = g_ascii_strtoll (s, NULL, 10);
  return TRUE;
}

gboolean
bz_sync_cursor_decode (const char *cursor, gint64 *out_version, gint64 *out_horizon)
{
  g_autofree char *b64 = NULL, *text = NULL;
  g_autofree guchar *plain = NULL;
  g_auto(GStrv) parts = NULL;
  gsize len = 0, n;

  n = cursor ? strlen (cursor) : 0;
  if (n == 0 || n > 64 || n % 4 == 1)
    return FALSE;
  b64 = g_malloc (n + 4);
  for (gsize i = 0; i < n; i++)
    {
      char c = cursor[i];
      if (!g_ascii_isalnum (c) && c != '-' && c != '_')
        return FALSE;
      b64[i] = c == '-' ? '+' : c == '_' ? '/' : c;
    }
  memcpy (b64 + n, "===", (4 - n % 4) % 4);
  b64[n + (4 - n % 4) % 4] = '\0';
  plain = g_base64_decode (b64, &len);
  text = g_strndup ((const char *) plain, len);
  if (strlen (text) != len || !g_str_has_prefix (text, CURSOR_PREFIX))
    return FALSE;
  parts = g_strsplit (text + strlen (CURSOR_PREFIX), ":", -1);
  return g_strv_length (parts) == 2 && parse_count (parts[0], out_version) && parse_count (parts[1], out_horizon);
}

/* One record of the page: a row's latest change. */
typedef struct
{
  gint64 version;
  const char *table;     /* a change's, the page owns it */
  const char *row_id;
  BzChangeOp op;
  BzRecord *record;      /* the upsert's record; NULL for a tombstone or until read */
} Entry;

static const struct { const char *table, *type; guint field; } kinds[] = {
  { "meal_logs", "meal", BZ_SYNC_CHANGE_MEAL },
  { "body_scans", "scan", BZ_SYNC_CHANGE_SCAN },
  { "avatars", "avatar", BZ_SYNC_CHANGE_AVATAR },
  { "meal_plans", "meal_plan", BZ_SYNC_CHANGE_MEAL_PLAN },
  { "patients", "patient", BZ_SYNC_CHANGE_PATIENT },
  { "recipes", "recipe", BZ_SYNC_CHANGE_RECIPE },
};

static int
kind_of (const char *table)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (strcmp (kinds[k].table, table) == 0)
      return (int) k;
  return -1;
}

static int
by_version (gconstpointer a, gconstpointer b)
{
  const Entry *x = *(Entry *const *) a, *y = *(Entry *const *) b;
  return x->version < y->version ? -1 : x->version > y->version;
}

/* Gives each upsert of kind @k its record from @records (matched by @id_field). */
static void
match (GPtrArray *entries, guint k, GPtrArray *records, guint id_field)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < records->len; i++)
    {
      BzRecord *r = g_ptr_array_index (records, i);
      g_hash_table_insert (by_id, (gpointer) bz_record_get_string (r, id_field), r);
    }
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = g_ptr_array_index (entries, i);
      BzRecord *r;
      if (e->op != BZ_CHANGE_DELETE && kind_of (e->table) == (int) k &&
          (r = g_hash_table_lookup (by_id, e->row_id)))
        e->record = g_object_ref (r);
    }
}

/* Reads the records of the page's upserts, one batch per table. */
static gboolean
read_records (BzStore *store, const BzCaller *caller, GPtrArray *entries, GError **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    g_ptr_array_add (ids, g_ptr_array_new ());
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = g_ptr_array_index (entries, i);
      if (e->op != BZ_CHANGE_DELETE)
        g_ptr_array_add (g_ptr_array_index (ids, kind_of (e->table)), (gpointer) e->row_id);
    }
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GPtrArray *of_kind = g_ptr_array_index (ids, k);
      const char *const *v = (const char *const *) of_kind->pdata;
      guint n = of_kind->len;
      g_autoptr(GPtrArray) records = NULL;
      guint id_field = 0;

      if (n == 0)
        continue;
      switch (k)
        {
        case 0:
          if (!bz_meal_repo_get_many (store, v, n, &records, error))
            return FALSE;
          id_field = BZ_MEAL_ID;
          break;
        case 1:
          if (!(records = bz_scan_repo_get_many (store, v, n, error)))
            return FALSE;
          id_field = BZ_SCAN_ID;
          break;
        case 2:
          if (!bz_sync_repo_avatars_get_many (store, v, n, &records, error))
            return FALSE;
          id_field = BZ_AVATAR_ID;
          break;
        case 3:
          if (!bz_sync_repo_plans_get_many (store, v, n, caller->role != BZ_ROLE_PATIENT, &records, error))
            return FALSE;
          id_field = BZ_MEAL_PLAN_SUMMARY_ID;
          break;
        default:
          /* Patients (one per member, a nutritionist's few) and recipes:
           * one get each, with their own joins. */
          for (guint i = 0; i < entries->len; i++)
            {
              Entry *e = g_ptr_array_index (entries, i);
              g_autoptr(GError) local = NULL;

              if (e->op == BZ_CHANGE_DELETE || kind_of (e->table) != (int) k)
                continue;
              e->record = k == 4 ? bz_patient_repo_get_basic_info (store, e->row_id, &local)
                                 : bz_recipe_repo_get_visible (store, e->row_id, caller->user_id, FALSE, &local);
              if (local)
                {
                  g_propagate_error (error, g_steal_pointer (&local));
                  return FALSE;
                }
            }
          continue;
        }
      match (entries, k, records, id_field);
    }
  return TRUE;
}

static void
entry_free (Entry *e)
{
  g_clear_object (&e->record);
  g_free (e);
}

BzRecord *
bz_sync_changes (BzServices *svc, const BzCaller *caller, const char *since, guint limit, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *patient_id = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local = NULL;
  BzSyncScope scope = { NULL, NULL, caller->user_id };
  gint64 from = 0, issued_at = 0, horizon, latest, next;
  gboolean has_more;
  BzRecord *page;

  g_return_val_if_fail (limit >= 1 && limit <= BZ_SYNC_LIMIT_MAX, NULL);
  if (since && !bz_sync_cursor_decode (since, &from, &issued_at))
    {
      GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION, _("since is not a cursor of this server"));
      bz_error_add_detail (e, "since", "invalid_format", e->message);
      g_propagate_error (error, e);
      return NULL;
    }
  if (!bz_sync_repo_bounds (store, &horizon, &latest, error))
    return NULL;
  /* Below the horizon is fine while no prune ran since the cursor was
   * given (a full sync's walk through the kept changes); after one, the
   * changes it removed after the cursor are lost to that phone. */
  if (since && ((from < horizon && issued_at != horizon) || from > latest || issued_at > horizon))
    {
      GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_SYNC_CURSOR_EXPIRED,
                                       _("The cursor is older than the change log kept: sync again without it"));
      JsonArray *details;
      bz_error_add_detail (e, "since", "expired", e->message);
      details = bz_error_get_details (e);
      json_object_set_string_member (json_array_get_object_element (details, json_array_get_length (details) - 1),
                                     "resync", RESYNC_PATH);
      g_propagate_error (error, e);
      return NULL;
    }

  if (caller->role == BZ_ROLE_PATIENT)
    {
      patient_id = bz_patient_repo_id_of_user (store, caller->user_id, &local);
      if (local)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      scope.patient_id = patient_id;
    }
  else
    scope.nutritionist_id = caller->user_id;

  if (!bz_sync_repo_page (store, &scope, from, latest, limit, &changes, &has_more, error))
    return NULL;

  /* Fold: one entry per row, at its latest change in the page. */
  for (guint i = 0; i < changes->len; i++)
    {
      BzSyncChange *c = g_ptr_array_index (changes, i);
      g_autofree char *key = g_strconcat (c->table, "/", c->row_id, NULL);
      Entry *e = g_hash_table_lookup (seen, key);

      if (e == NULL)
        {
          e = g_new0 (Entry, 1);
          e->table = c->table;
          e->row_id = c->row_id;
          g_ptr_array_add (entries, e);
          g_hash_table_insert (seen, g_steal_pointer (&key), e);
        }
      e->version = c->version;
      e->op = c->op;
    }
  g_ptr_array_sort (entries, by_version);
  if (!read_records (store, caller, entries, error))
    return NULL;

  page = bz_record_new (&bz_sync_page_resource);
  bz_record_set_empty_array (page, BZ_SYNC_PAGE_CHANGES);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = g_ptr_array_index (entries, i);
      int k = kind_of (e->table);
      BzRecord *item;

      if (e->op != BZ_CHANGE_DELETE && e->record == NULL)
        continue;   /* gone or not visible since: its later change follows */
      item = bz_record_new (&bz_sync_change_resource);
      bz_record_set_int (item, BZ_SYNC_CHANGE_VERSION, e->version);
      bz_record_set_string (item, BZ_SYNC_CHANGE_TYPE, kinds[k].type);
      bz_record_set_string (item, BZ_SYNC_CHANGE_ID, e->row_id);
      bz_record_set_string (item, BZ_SYNC_CHANGE_OP, e->op == BZ_CHANGE_DELETE ? "delete" : "upsert");
      bz_record_set_boolean (item, BZ_SYNC_CHANGE_DELETED, e->op == BZ_CHANGE_DELETE);
      if (e->record)
        bz_record_take_object (item, kinds[k].field, g_steal_pointer (&e->record));
      bz_record_append (page, BZ_SYNC_PAGE_CHANGES, item);
    }
  /* The last change read, or the whole snapshot once nothing follows. */
  next = has_more ? ((BzSyncChange *) g_ptr_array_index (changes, changes->len - 1))->version : latest;
  bz_record_take_string (page, BZ_SYNC_PAGE_NEXT_CURSOR, bz_sync_cursor_encode (MAX (next, from), horizon));
  bz_record_set_boolean (page, BZ_SYNC_PAGE_HAS_MORE, has_more);
  return page;
}

gboolean
bz_sync_prune (BzServices *svc, guint retention_days, guint *out_pruned, GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -(gint) retention_days);
  g_autofree char *before = g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");

  return bz_sync_repo_prune (bz_services_get_store (svc), before, out_pruned, error);
}
