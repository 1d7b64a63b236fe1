/* fuzz-validator.c — a JSON request body through to the register validation.
 *
 * The path POST /api/auth/register takes before it needs the database: the
 * body is read with bz_request_json_object() (Content-Type application/json,
 * bz_json_limits_body), then bz_auth_register()'s own steps up to
 * bz_validation_finish(): the members read with bz_auth_json_string(),
 * user_type mapped to a role, bz_user_fields_validate().  The rest of
 * bz_auth_register() (rate limit, Argon2id hash, INSERT, session) needs a
 * BzServices with an open store and is not fuzzed here.
 *
 * The same object is also validated as a nutritionist creating a patient
 * account does (bz_auth_create_user(): role patient, every member as
 * @extra), and with role nutritionist (professional_license, clinic_name).
 *
 * Checks:
 *  - a refused body is a BZ_ERROR (415 never here, 413 only over 64 KiB,
 *    otherwise 400 with one detail naming a field);
 *  - a validation failure is one BZ_ERROR_VALIDATION with at least one
 *    detail, each with field, issue and message, and nothing else returned;
 *  - an accepted user has the normalized fields the store's CHECKs expect:
 *    email lowercase ASCII local@domain of at most 254 bytes, names trimmed,
 *    non-empty, at most 100 characters, without control characters; phone
 *    "+52" and 10 digits; date_of_birth YYYY-MM-DD; gender one of four;
 *    professional_license and clinic_name only for nutritionists;
 *  - an accepted password has 8-100 characters.
 */
#include "fuzz-common.h"

#include "bz-auth-internal.h"
#include "bz-error.h"
#include "bz-http.h"
#include "bz-limits.h"

static void
check_trimmed_text (const char *s, glong max)
{
  BZ_FUZZ_CHECK (s != NULL && *s != '\0');
  BZ_FUZZ_CHECK (g_utf8_validate (s, -1, NULL));
  BZ_FUZZ_CHECK (g_utf8_strlen (s, -1) <= max);
  BZ_FUZZ_CHECK (!g_ascii_isspace (s[0]) && !g_ascii_isspace (s[strlen (s) - 1]));
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    BZ_FUZZ_CHECK (!g_unichar_iscntrl (g_utf8_get_char (p)));
}

static void
check_details (GError *error)
{
  JsonArray *d;

  BZ_FUZZ_CHECK (error != NULL && error->domain == BZ_ERROR && error->code == BZ_ERROR_VALIDATION);
  d = bz_error_get_details (error);
  BZ_FUZZ_CHECK (d != NULL && json_array_get_length (d) >= 1);
  for (guint i = 0; i < json_array_get_length (d); i++)
    {
      JsonObject *o = json_array_get_object_element (d, i);
      BZ_FUZZ_CHECK (o != NULL);
      BZ_FUZZ_CHECK (json_object_get_string_member_with_default (o, "field", NULL) != NULL);
      BZ_FUZZ_CHECK (json_object_get_string_member_with_default (o, "issue", NULL) != NULL);
      BZ_FUZZ_CHECK (json_object_get_string_member_with_default (o, "message", NULL) != NULL);
    }
}

static void
check_accepted (const BzUserFields *f, BzRole role, const char *password)
{
  const char *at;

  BZ_FUZZ_CHECK (f->role == role);
  BZ_FUZZ_CHECK (f->email != NULL && strlen (f->email) <= 254);
  at = strchr (f->email, '@');
  BZ_FUZZ_CHECK (at != NULL && at != f->email && strchr (at + 1, '@') == NULL && strchr (at, '.') != NULL);
  for (const char *p = f->email; *p; p++)
    BZ_FUZZ_CHECK ((guchar) *p > 0x20 && (guchar) *p < 0x7F && !g_ascii_isupper (*p));
  check_trimmed_text (f->first_name, 100);
  check_trimmed_text (f->last_name, 100);
  BZ_FUZZ_CHECK (password != NULL && g_utf8_validate (password, -1, NULL));
  BZ_FUZZ_CHECK (g_utf8_strlen (password, -1) >= 8 && g_utf8_strlen (password, -1) <= 100);
  if (f->phone)
    {
      BZ_FUZZ_CHECK (strlen (f->phone) == 13 && g_str_has_prefix (f->phone, "+52"));
      for (int i = 3; i < 13; i++)
        BZ_FUZZ_CHECK (g_ascii_isdigit (f->phone[i]));
    }
  if (f->date_of_birth)
    {
      BZ_FUZZ_CHECK (strlen (f->date_of_birth) == 10);
      BZ_FUZZ_CHECK (f->date_of_birth[4] == '-' && f->date_of_birth[7] == '-');
    }
  if (f->gender)
    {
      static const char *genders[] = { "male", "female", "other", "prefer_not_to_say", NULL };
      BZ_FUZZ_CHECK (g_strv_contains (genders, f->gender));
    }
  if (role != BZ_ROLE_NUTRITIONIST)
    BZ_FUZZ_CHECK (f->professional_license == NULL && f->clinic_name == NULL);
  if (f->professional_license)
    check_trimmed_text (f->professional_license, 50);
  if (f->clinic_name)
    check_trimmed_text (f->clinic_name, 200);
}

/* bz_auth_register() up to bz_validation_finish(). */
static void
validate_register (JsonObject *input)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_auto(BzUserFields) f = { 0 };
  g_autoptr(GError) error = NULL;
  const char *email, *password, *first_name, *last_name, *user_type;
  BzRole role = BZ_ROLE_PATIENT;

  email = bz_auth_json_string (input, "email", &v);
  password = bz_auth_json_string (input, "password", &v);
  first_name = bz_auth_json_string (input, "first_name", &v);
  last_name = bz_auth_json_string (input, "last_name", &v);
  user_type = bz_auth_json_string (input, "user_type", &v);
  if (user_type == NULL && !bz_auth_validation_has_field (&v, "user_type"))
    bz_validation_add (&v, "user_type", "required", "Choose patient or nutritionist");
  else if (user_type != NULL &&
           (!bz_role_from_string (user_type, &role) || role == BZ_ROLE_ADMIN))
    bz_validation_add (&v, "user_type", "invalid_value", "Choose patient or nutritionist");

  bz_user_fields_validate (email, password, first_name, last_name, role, input, &f, &v);
  if (!bz_validation_finish (&v, &error))
    {
      check_details (error);
      return;
    }
  BZ_FUZZ_CHECK (error == NULL);
  BZ_FUZZ_CHECK (user_type != NULL);
  check_accepted (&f, role, password);
}

/* bz_auth_create_user() before its transaction, with a fixed role. */
static void
validate_as (JsonObject *input, BzRole role)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_auto(BzUserFields) f = { 0 };
  g_autoptr(GError) error = NULL;
  const char *password = bz_auth_json_string (input, "password", &v);

  bz_user_fields_validate (bz_auth_json_string (input, "email", &v), password,
                           bz_auth_json_string (input, "first_name", &v),
                           bz_auth_json_string (input, "last_name", &v),
                           role, input, &f, &v);
  if (!bz_validation_finish (&v, &error))
    {
      check_details (error);
      return;
    }
  check_accepted (&f, role, password);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  bz_fuzz_init (NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  BzRequest *req = g_new0 (BzRequest, 1);
  g_autoptr(GError) error = NULL;
  JsonObject *input;

  req->method = g_strdup ("POST");
  req->path = g_strdup ("/api/auth/register");
  req->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_message_headers_replace (req->headers, "Content-Type", "application/json");
  req->body = g_bytes_new (data, size);

  input = bz_request_json_object (req, &error);
  if (input == NULL)
    {
      JsonArray *d;
      BZ_FUZZ_CHECK (error != NULL && error->domain == BZ_ERROR);
      BZ_FUZZ_CHECK (error->code != BZ_ERROR_UNSUPPORTED_MEDIA);
      if (error->code == BZ_ERROR_PAYLOAD_TOO_LARGE)
        BZ_FUZZ_CHECK (size > BZ_JSON_BODY_MAX);
      else
        BZ_FUZZ_CHECK (error->code == BZ_ERROR_VALIDATION);
      d = bz_error_get_details (error);
      BZ_FUZZ_CHECK (d != NULL && json_array_get_length (d) == 1);
      bz_request_free (req);
      return 0;
    }
  BZ_FUZZ_CHECK (error == NULL);

  validate_register (input);
  validate_as (input, BZ_ROLE_PATIENT);
  validate_as (input, BZ_ROLE_NUTRITIONIST);

  json_object_unref (input);
  bz_request_free (req);
  return 0;
}
