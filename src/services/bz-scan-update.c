/* bz-scan-update.c — PATCH /api/v1/scans/{scan_id}: the rectification of a
 * scan's measurements (issue 9, LFPDPPP's right of rectification, seed 002
 * §7.2), with its derived values and avatar made again as an upload makes
 * them (bz-scan-service.c).  Split from bz-scan-service.c to keep both
 * files short. */
#include "bz-scan-service.h"

#include <glib/gi18n.h>

#include "bz-audit.h"
#include "bz-patient-service.h"
#include "bz-scan-repo.h"
#include "bz-scan-service-private.h"
#include "bz-store.h"

/* JSON Merge Patch (RFC 7396 §2) of @patch into @target: a null member
 * removes the target's, an object member merges into the target's object
 * (or replaces a non-object), any other value replaces. */
static void
merge_patch (JsonObject *target, JsonObject *patch)
{
  JsonObjectIter it;
  const char *name;
  JsonNode *val;

  json_object_iter_init (&it, patch);
  while (json_object_iter_next (&it, &name, &val))
    {
      JsonNode *cur = json_object_get_member (target, name);

      if (JSON_NODE_HOLDS_NULL (val))
        json_object_remove_member (target, name);
      else if (JSON_NODE_HOLDS_OBJECT (val))
        {
          if (cur == NULL || !JSON_NODE_HOLDS_OBJECT (cur))
            {
              json_object_set_object_member (target, name, json_object_new ());
              cur = json_object_get_member (target, name);
            }
          merge_patch (json_node_get_object (cur), json_node_get_object (val));
        }
      else
        json_object_set_member (target, name, json_node_copy (val));
    }
}

BzRecord *
bz_scans_update (BzServices *svc, const BzCaller *caller, const char *scan_id, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  BzBodyMeasurements m;
  BzAvatarInfo info = { 0 };
  g_autoptr(BzRecord) parsed = NULL, stored = NULL, scan = NULL, avatar = NULL;
  g_autoptr(JsonNode) merged = NULL;
  g_autoptr(GBytes) glb = NULL;
  g_autofree char *now = NULL;
  const char *patient_id;

  g_return_val_if_fail (caller != NULL, NULL);
  /* The declaration's types, ranges and members (unknown and read-only
   * ones refused) before anything is read. */
  parsed = bz_resource_parse_closed (&bz_scan_update_resource, input, NULL, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (!(stored = bz_scan_get_visible (svc, caller, scan_id, error)))
    return NULL;
  patient_id = bz_record_get_string (stored, BZ_SCAN_PATIENT_ID);

  /* The merged scan passes the upload's rules (required members, muscle
   * less than weight ...) and gives the body model's measurements. */
  merged = bz_record_to_json_node (stored);
  merge_patch (json_node_get_object (merged), input);
  scan = bz_scan_validate_input (json_node_get_object (merged), &m, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  bz_record_set_string (scan, BZ_SCAN_ID, scan_id);
  bz_record_set_string (scan, BZ_SCAN_PATIENT_ID, patient_id);

  /* Derived as bz_scans_add() derives them: without a measured body fat,
   * the body model's estimate (docs/body-model.md); then the avatar, CPU
   * work outside the write transaction. */
  if (m.body_fat_percent <= 0)
    bz_record_set_double (scan, BZ_SCAN_BODY_FAT_PERCENT_ESTIMATED, bz_body_model_implied_body_fat (&m));
  if (!(glb = bz_scan_make_avatar (svc, &m, &info, error)))
    return NULL;

  now = bz_now_iso8601 ();
  if (!bz_store_begin (store, error))
    return NULL;
  if (!bz_scan_repo_update (store, scan, error) ||
      !(avatar = bz_scan_put_avatar (svc, glb, &info, error)) ||
      !bz_scan_repo_replace_avatar (store, avatar, scan_id, patient_id, now, error) ||
      !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      return NULL;
    }
  bz_store_notify (store, "body_scans", scan_id);
  bz_audit_log_record (bz_services_get_audit_log (svc), caller->user_id, patient_id, "rectify_scan");

  {
    g_autoptr(GError) local = NULL;
    BzRecord *result = bz_scan_repo_get (store, scan_id, &local);
    if (result == NULL)
      {
        if (local)
          g_propagate_error (error, g_steal_pointer (&local));
        else
          g_set_error_literal (error, BZ_ERROR, BZ_ERROR_INTERNAL, "The rectified scan cannot be read back");
      }
    return result;
  }
}
