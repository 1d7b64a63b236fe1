/* bz-social-groups.c — groups and family circles: create, join by invite
 * code, leave, new codes, and a circle's shared goals (see
 * bz-social-service.h).  The SQL is in bz-social-groups-repo.c. */
#include "bz-social-service-private.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "bz-social-repo.h"

/* --- Invite codes ------------------------------------------------------------------ */

char *
bz_social_new_invite_code (char **out_hash)
{
  guchar raw[BZ_INVITE_CODE_BYTES];
  char *b64;

  randombytes_buf (raw, sizeof raw);
  b64 = g_base64_encode (raw, sizeof raw);
  sodium_memzero (raw, sizeof raw);
  for (char *c = b64; *c; c++)
    if (*c == '+')
      *c = '-';
    else if (*c == '/')
      *c = '_';
    else if (*c == '=')
      *c = '\0';
  *out_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, b64, -1);
  return b64;
}

gboolean
bz_social_invite_matches (const char *code, const char *stored_hash)
{
  g_autofree char *hash = NULL;

  if (code == NULL || stored_hash == NULL || strlen (stored_hash) != 64)
    return FALSE;
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, code, -1);
  return sodium_memcmp (hash, stored_hash, 64) == 0;
}

static void
not_found (GError **error, const char *message)
{
  g_set_error_literal (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, message);
}

static BzRecord *
membership (const char *id, const char *user_id, const char *role)
{
  BzRecord *m = bz_record_new (&bz_membership_resource);
  bz_record_set_string (m, BZ_MEMBERSHIP_ID, id);
  bz_record_set_string (m, BZ_MEMBERSHIP_USER_ID, user_id);
  if (role)
    bz_record_set_string (m, BZ_MEMBERSHIP_ROLE, role);
  else
    bz_record_set_null (m, BZ_MEMBERSHIP_ROLE);
  bz_record_set_boolean (m, BZ_MEMBERSHIP_MEMBER, role != NULL);
  return m;
}

/* Runs @write in a transaction of its own; rolls back on failure. */
#define IN_TX(store, error, write)                               \
  G_STMT_START {                                                 \
    if (!bz_store_begin ((store), (error)))                      \
      return NULL;                                               \
    if (!(write) || !bz_store_commit ((store), (error)))         \
      {                                                          \
        bz_store_rollback (store);                               \
        return NULL;                                             \
      }                                                          \
  } G_STMT_END

/* --- Groups ------------------------------------------------------------------------- */

BzRecord *
bz_social_create_group (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL, group = NULL;
  g_autofree char *id = NULL, *now = NULL, *code = NULL, *hash = NULL;
  BzRecord *stored;

  if (!bz_social_need_caller (caller, error))
    return NULL;
  in = bz_resource_parse_closed (&bz_group_input_resource, input, NULL, &v);
  if (in)
    bz_social_check_text (in, BZ_GROUP_INPUT_NAME, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  id = g_uuid_string_random ();
  now = bz_now_iso8601 ();
  code = bz_social_new_invite_code (&hash);
  group = bz_record_new (&bz_group_resource);
  bz_record_set_string (group, BZ_GROUP_ID, id);
  bz_record_set_string (group, BZ_GROUP_NAME, bz_record_get_string (in, BZ_GROUP_INPUT_NAME));
  bz_record_set_string (group, BZ_GROUP_DESCRIPTION, bz_record_get_string (in, BZ_GROUP_INPUT_DESCRIPTION));
  bz_record_set_string (group, BZ_GROUP_TYPE, bz_record_has (in, BZ_GROUP_INPUT_TYPE)
                                              ? bz_record_get_string (in, BZ_GROUP_INPUT_TYPE) : "open");
  bz_record_set_string (group, BZ_GROUP_CREATED_BY, caller->user_id);
  bz_record_set_string (group, BZ_GROUP_CREATED_AT, now);
  IN_TX (store, error, bz_social_repo_insert_group (store, group, hash, error));
  bz_store_notify (store, "social_groups", id);
  if (!(stored = bz_social_repo_get_group (store, id, caller->user_id, NULL, error)))
    return NULL;
  bz_record_set_string (stored, BZ_GROUP_INVITE_CODE, code);
  return stored;
}

BzRecord *
bz_social_join_group (BzServices *svc, const BzCaller *caller, const char *group_id, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL, group = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *hash = NULL;
  const char *type, *code, *role;

  if (!bz_social_need_caller (caller, error))
    return NULL;
  in = bz_resource_parse_closed (&bz_join_input_resource, input, NULL, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  code = bz_record_get_string (in, BZ_JOIN_INPUT_INVITE_CODE);
  group = group_id && g_uuid_string_is_valid (group_id)
          ? bz_social_repo_get_group (store, group_id, caller->user_id, &hash, &local) : NULL;
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  type = group ? bz_record_get_string (group, BZ_GROUP_TYPE) : NULL;
  /* A private group is not there for whoever lacks its code. */
  if (group == NULL || (strcmp (type, "private") == 0 && !bz_social_invite_matches (code, hash)))
    {
      not_found (error, _("Group not found"));
      return NULL;
    }
  if (bz_record_get_string (group, BZ_GROUP_MY_ROLE))
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_CONFLICT, _("You are already in this group"));
      return NULL;
    }
  if ((strcmp (type, "nutritionist_only") == 0 && caller->role != BZ_ROLE_NUTRITIONIST) ||
      (strcmp (type, "patient_only") == 0 && caller->role != BZ_ROLE_PATIENT))
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_FORBIDDEN, _("This group is not open to your role"));
      return NULL;
    }
  role = strcmp (type, "closed") == 0 && !bz_social_invite_matches (code, hash) ? "pending" : "member";
  IN_TX (store, error, bz_social_repo_add_group_member (store, group_id, caller->user_id, role, NULL, error));
  bz_store_notify (store, "group_members", group_id);
  return membership (group_id, caller->user_id, role);
}

BzRecord *
bz_social_leave_group (BzServices *svc, const BzCaller *caller, const char *group_id, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(BzRecord) group = NULL;
  g_autoptr(GError) local = NULL;
  const char *role;
  gint64 admins = 0;

  if (!bz_social_need_caller (caller, error))
    return NULL;
  group = group_id && g_uuid_string_is_valid (group_id)
          ? bz_social_repo_get_group (store, group_id, caller->user_id, NULL, &local) : NULL;
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  role = group ? bz_record_get_string (group, BZ_GROUP_MY_ROLE) : NULL;
  if (role == NULL)
    {
      not_found (error, _("Group not found"));
      return NULL;
    }
  if (strcmp (role, "admin") == 0)
    {
      if (!bz_social_repo_group_admins (store, group_id, &admins, error))
        return NULL;
      if (admins <= 1 && bz_record_get_int (group, BZ_GROUP_MEMBER_COUNT) > 1)
        {
          g_set_error_literal (error, BZ_ERROR, BZ_ERROR_CONFLICT,
                               _("You are the group's only administrator: name another before leaving"));
          return NULL;
        }
    }
  IN_TX (store, error, bz_social_repo_remove_group_member (store, group_id, caller->user_id, error));
  bz_store_notify (store, "group_members", group_id);
  return membership (group_id, caller->user_id, NULL);
}

BzRecord *
bz_social_get_group (BzServices *svc, const BzCaller *caller, const char *group_id, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(BzRecord) group = NULL;

  if (!bz_social_need_caller (caller, error))
    return NULL;
  group = group_id && g_uuid_string_is_valid (group_id)
          ? bz_social_repo_get_group (bz_services_get_store (svc), group_id, caller->user_id, NULL, &local) : NULL;
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (group == NULL || (strcmp (bz_record_get_string (group, BZ_GROUP_TYPE), "private") == 0 &&
                        bz_record_get_string (group, BZ_GROUP_MY_ROLE) == NULL))
    {
      not_found (error, _("Group not found"));
      return NULL;
    }
  return g_steal_pointer (&group);
}

BzRecord *
bz_social_set_group_role (BzServices *svc, const BzCaller *caller, const char *group_id, const char *user_id,
                          JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL;
  g_autofree char *mine = NULL, *theirs = NULL;
  const char *role;
  gint64 admins = 0;

  if (!bz_social_need_caller (caller, error))
    return NULL;
  if (group_id == NULL || !g_uuid_string_is_valid (group_id) ||
      !bz_social_repo_group_role (store, group_id, caller->user_id, &mine, error) ||
      mine == NULL || strcmp (mine, "pending") == 0)
    {
      if (error && *error == NULL)
        not_found (error, _("Group not found"));
      return NULL;
    }
  if (strcmp (mine, "admin") != 0)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_FORBIDDEN, _("Only the group's administrators can change roles"));
      return NULL;
    }
  if (user_id == NULL || !g_uuid_string_is_valid (user_id) ||
      !bz_social_repo_group_role (store, group_id, user_id, &theirs, error) || theirs == NULL)
    {
      if (error && *error == NULL)
        not_found (error, _("Not a member of this group"));
      return NULL;
    }
  in = bz_resource_parse_closed (&bz_group_member_update_resource, input, NULL, &v);
  role = in ? bz_record_get_string (in, BZ_GROUP_MEMBER_UPDATE_ROLE) : NULL;
  if (g_strcmp0 (role, "pending") == 0)
    bz_validation_add (&v, "role", "invalid_choice", _("A member cannot be made pending: remove them instead"));
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (strcmp (user_id, caller->user_id) == 0 && strcmp (role, "admin") != 0)
    {
      if (!bz_social_repo_group_admins (store, group_id, &admins, error))
        return NULL;
      if (admins <= 1)
        {
          g_set_error_literal (error, BZ_ERROR, BZ_ERROR_CONFLICT,
                               _("You are the group's only administrator: name another first"));
          return NULL;
        }
    }
  IN_TX (store, error, bz_social_repo_set_group_role (store, group_id, user_id, role, error));
  bz_store_notify (store, "group_members", group_id);
  return membership (group_id, user_id, role);
}

BzRecord *
bz_social_group_invite (BzServices *svc, const BzCaller *caller, const char *group_id, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(BzRecord) group = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *code = NULL, *hash = NULL;
  const char *role;

  if (!bz_social_need_caller (caller, error))
    return NULL;
  group = group_id && g_uuid_string_is_valid (group_id)
          ? bz_social_repo_get_group (store, group_id, caller->user_id, NULL, &local) : NULL;
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  role = group ? bz_record_get_string (group, BZ_GROUP_MY_ROLE) : NULL;
  if (role == NULL || strcmp (role, "pending") == 0)
    {
      not_found (error, _("Group not found"));
      return NULL;
    }
  if (strcmp (role, "admin") != 0 && strcmp (role, "moderator") != 0)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_FORBIDDEN, _("Only the group's administrators can invite"));
      return NULL;
    }
  code = bz_social_new_invite_code (&hash);
  IN_TX (store, error, bz_social_repo_set_group_invite (store, group_id, hash, error));
  bz_store_notify (store, "social_groups", group_id);
  bz_record_set_string (group, BZ_GROUP_INVITE_CODE, code);
  return g_steal_pointer (&group);
}

/* --- Family circles -------------------------------------------------------------------- */

static char *
goals_json (BzRecord *in, guint field)
{
  const char *const *goals = bz_record_get_strv (in, field);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; goals && goals[i]; i++)
    json_builder_add_string_value (b, goals[i]);
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static void
check_goals (BzRecord *in, BzValidation *v)
{
  const char *const *goals = bz_record_get_strv (in, BZ_FAMILY_CIRCLE_INPUT_FAMILY_GOALS);
  for (guint i = 0; goals && goals[i]; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (goals[i]));
      if (g_utf8_strlen (goals[i], -1) <= BZ_SOCIAL_NAME_MAX_CHARS && *trimmed != '\0')
        continue;
      {
        g_autofree char *f = g_strdup_printf ("family_goals[%u]", i);
        bz_validation_add (v, f, "invalid_format", _("A goal is one line of text"));
      }
    }
}

BzRecord *
bz_social_create_circle (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL, circle = NULL;
  g_autofree char *id = NULL, *now = NULL, *code = NULL, *hash = NULL, *patient = NULL, *nutritionist = NULL;
  BzRecord *stored;

  if (!bz_social_need_caller (caller, error))
    return NULL;
  if (caller->role != BZ_ROLE_PATIENT)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_FORBIDDEN, _("Family circles are created by patients"));
      return NULL;
    }
  in = bz_resource_parse_closed (&bz_family_circle_input_resource, input, NULL, &v);
  if (in)
    {
      bz_social_check_text (in, BZ_FAMILY_CIRCLE_INPUT_NAME, &v);
      check_goals (in, &v);
    }
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (!bz_social_repo_patient_of_user (store, caller->user_id, &patient, &nutritionist, error))
    return NULL;
  if (patient == NULL || nutritionist == NULL)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_CONFLICT,
                           _("A family circle includes your nutritionist: you need one first"));
      return NULL;
    }
  id = g_uuid_string_random ();
  now = bz_now_iso8601 ();
  code = bz_social_new_invite_code (&hash);
  circle = bz_record_new (&bz_family_circle_resource);
  bz_record_set_string (circle, BZ_FAMILY_CIRCLE_ID, id);
  bz_record_set_string (circle, BZ_FAMILY_CIRCLE_NAME, bz_record_get_string (in, BZ_FAMILY_CIRCLE_INPUT_NAME));
  bz_record_set_string (circle, BZ_FAMILY_CIRCLE_DESCRIPTION, bz_record_get_string (in, BZ_FAMILY_CIRCLE_INPUT_DESCRIPTION));
  bz_record_set_string (circle, BZ_FAMILY_CIRCLE_OWNER_ID, patient);
  bz_record_set_string (circle, BZ_FAMILY_CIRCLE_NUTRITIONIST_ID, nutritionist);
  bz_record_take_strv (circle, BZ_FAMILY_CIRCLE_FAMILY_GOALS,
                       g_strdupv ((GStrv) bz_record_get_strv (in, BZ_FAMILY_CIRCLE_INPUT_FAMILY_GOALS)));
  bz_record_set_string (circle, BZ_FAMILY_CIRCLE_CREATED_AT, now);
  IN_TX (store, error, bz_social_repo_insert_circle (store, circle, caller->user_id, hash, error));
  bz_store_notify (store, "family_circles", id);
  if (!(stored = bz_social_repo_get_circle (store, id, caller->user_id, NULL, error)))
    return NULL;
  bz_record_set_string (stored, BZ_FAMILY_CIRCLE_INVITE_CODE, code);
  return stored;
}

/* The circle as the caller (a member) sees it, or NOT_FOUND. */
static BzRecord *
member_circle (BzStore *store, const BzCaller *caller, const char *circle_id, GError **error)
{
  g_autoptr(GError) local = NULL;
  BzRecord *c;

  if (!bz_social_need_caller (caller, error))
    return NULL;
  c = circle_id && g_uuid_string_is_valid (circle_id)
      ? bz_social_repo_get_circle (store, circle_id, caller->user_id, NULL, &local) : NULL;
  if (local)
    g_propagate_error (error, g_steal_pointer (&local));
  else if (c == NULL)
    not_found (error, _("Family circle not found"));
  return c;
}

static gboolean
may_manage (BzRecord *circle, GError **error)
{
  const char *role = bz_record_get_string (circle, BZ_FAMILY_CIRCLE_MY_ROLE);
  if (g_strcmp0 (role, "owner") == 0 || g_strcmp0 (role, "nutritionist") == 0)
    return TRUE;
  g_set_error_literal (error, BZ_ERROR, BZ_ERROR_FORBIDDEN,
                       _("Only the circle's owner and nutritionist can change it or invite"));
  return FALSE;
}

BzRecord *
bz_social_get_circle (BzServices *svc, const BzCaller *caller, const char *circle_id, GError **error)
{
  return member_circle (bz_services_get_store (svc), caller, circle_id, error);
}

BzRecord *
bz_social_update_circle (BzServices *svc, const BzCaller *caller, const char *circle_id, JsonObject *input,
                         GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) circle = member_circle (store, caller, circle_id, error);
  g_autoptr(BzRecord) in = NULL;
  g_autofree char *goals = NULL;
  gboolean any = FALSE;

  if (circle == NULL || !may_manage (circle, error))
    return NULL;
  /* PATCH: every member optional; the create declaration's "name required"
   * is checked only when name is sent. */
  if (input && !json_object_has_member (input, "name"))
    json_object_set_string_member (input, "name", bz_record_get_string (circle, BZ_FAMILY_CIRCLE_NAME));
  else
    any = TRUE;
  in = bz_resource_parse_closed (&bz_family_circle_input_resource, input, NULL, &v);
  if (in)
    {
      bz_social_check_text (in, BZ_FAMILY_CIRCLE_INPUT_NAME, &v);
      check_goals (in, &v);
      any = any || bz_record_has (in, BZ_FAMILY_CIRCLE_INPUT_DESCRIPTION) ||
            bz_record_has (in, BZ_FAMILY_CIRCLE_INPUT_FAMILY_GOALS);
      if (!any)
        bz_validation_add (&v, "body", "required", _("Give name, description or family_goals"));
    }
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (bz_record_has (in, BZ_FAMILY_CIRCLE_INPUT_FAMILY_GOALS))
    goals = goals_json (in, BZ_FAMILY_CIRCLE_INPUT_FAMILY_GOALS);
  IN_TX (store, error, bz_social_repo_update_circle (store, circle_id, bz_record_get_string (in, BZ_FAMILY_CIRCLE_INPUT_NAME),
                                                    bz_record_get_string (in, BZ_FAMILY_CIRCLE_INPUT_DESCRIPTION), goals,
                                                    error));
  bz_store_notify (store, "family_circles", circle_id);
  return member_circle (store, caller, circle_id, error);
}

BzRecord *
bz_social_join_circle (BzServices *svc, const BzCaller *caller, const char *circle_id, JsonObject *input,
                       GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL;
  g_autofree char *hash = NULL, *role = NULL;
  const char *code;

  if (!bz_social_need_caller (caller, error))
    return NULL;
  in = bz_resource_parse_closed (&bz_join_input_resource, input, NULL, &v);
  code = in ? bz_record_get_string (in, BZ_JOIN_INPUT_INVITE_CODE) : NULL;
  if (in && code == NULL)
    bz_validation_add (&v, "invite_code", "required", _("Type the invite code you were given"));
  if (!bz_validation_finish (&v, error))
    return NULL;
  if (circle_id == NULL || !g_uuid_string_is_valid (circle_id) ||
      !bz_social_repo_circle_invite_hash (store, circle_id, &hash, error) || !bz_social_invite_matches (code, hash))
    {
      if (error && *error == NULL)
        not_found (error, _("Family circle not found"));
      return NULL;
    }
  if (!bz_social_repo_circle_role (store, circle_id, caller->user_id, &role, error))
    return NULL;
  if (role)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_CONFLICT, _("You are already in this family circle"));
      return NULL;
    }
  IN_TX (store, error, bz_social_repo_add_circle_member (store, circle_id, caller->user_id, "family_member",
                                                        bz_record_get_string (in, BZ_JOIN_INPUT_RELATIONSHIP), error));
  bz_store_notify (store, "family_circle_members", circle_id);
  return membership (circle_id, caller->user_id, "family_member");
}

BzRecord *
bz_social_leave_circle (BzServices *svc, const BzCaller *caller, const char *circle_id, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(BzRecord) circle = member_circle (store, caller, circle_id, error);
  const char *role;

  if (circle == NULL)
    return NULL;
  role = bz_record_get_string (circle, BZ_FAMILY_CIRCLE_MY_ROLE);
  if (strcmp (role, "owner") == 0 || strcmp (role, "nutritionist") == 0)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_CONFLICT,
                           _("The circle's owner and nutritionist stay in it"));
      return NULL;
    }
  IN_TX (store, error, bz_social_repo_remove_circle_member (store, circle_id, caller->user_id, error));
  bz_store_notify (store, "family_circle_members", circle_id);
  return membership (circle_id, caller->user_id, NULL);
}

BzRecord *
bz_social_circle_invite (BzServices *svc, const BzCaller *caller, const char *circle_id, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(BzRecord) circle = member_circle (store, caller, circle_id, error);
  g_autofree char *code = NULL, *hash = NULL;

  if (circle == NULL || !may_manage (circle, error))
    return NULL;
  code = bz_social_new_invite_code (&hash);
  IN_TX (store, error, bz_social_repo_set_circle_invite (store, circle_id, hash, error));
  bz_store_notify (store, "family_circles", circle_id);
  bz_record_set_string (circle, BZ_FAMILY_CIRCLE_INVITE_CODE, code);
  return g_steal_pointer (&circle);
}
