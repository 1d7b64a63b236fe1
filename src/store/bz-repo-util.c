/* bz-repo-util.c — helpers shared by the repositories (bz-repo-private.h). */
#include "bz-repo-private.h"

#include <string.h>

#include "bz-json.h"
#include "bz-limits.h"

gboolean
bz_repo_step (sqlite3_stmt *st, gboolean *out_row, GError **error)
{
  int rc = sqlite3_step (st);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    {
      *out_row = rc == SQLITE_ROW;
      return TRUE;
    }
  *out_row = FALSE;
  bz_db_set_error (sqlite3_db_handle (st), rc, error);
  return FALSE;
}

JsonArray *
bz_repo_collect (sqlite3_stmt *st, BzRepoRowFunc row, GError **error)
{
  g_autoptr(JsonArray) arr = json_array_new ();
  gboolean have_row;

  for (;;)
    {
      if (!bz_repo_step (st, &have_row, error))
        return NULL;
      if (!have_row)
        return g_steal_pointer (&arr);
      json_array_add_object_element (arr, row (st));
    }
}

void
bz_repo_set_text_or_null (JsonObject *o, const char *member, sqlite3_stmt *st, int col)
{
  const char *t = bz_repo_text (st, col);
  if (t)
    json_object_set_string_member (o, member, t);
  else
    json_object_set_null_member (o, member);
}

void
bz_repo_set_double_or_null (JsonObject *o, const char *member, sqlite3_stmt *st, int col)
{
  if (bz_repo_is_null (st, col))
    json_object_set_null_member (o, member);
  else
    json_object_set_double_member (o, member, sqlite3_column_double (st, col));
}

JsonNode *
bz_repo_json_from_text (sqlite3_stmt *st, int col)
{
  const char *text = bz_repo_text (st, col);
  JsonNode *n = text ? bz_json_parse (text, strlen (text), &bz_json_limits_stored, NULL, NULL) : NULL;
  return n ? n : json_node_new (JSON_NODE_NULL);
}
