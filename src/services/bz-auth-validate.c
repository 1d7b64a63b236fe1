/* bz-auth-validate.c — validation of user fields (seed 002 §4.2, §7.4.1).
 *
 *   email          required, at most 254 characters (RFC 5321), ASCII
 *                  local@domain, lowercased; stored lowercase (users CHECK).
 *   password       8-100 characters with an uppercase letter, a lowercase
 *                  letter, a digit and one of !@#$%^&*(),.?":{}|<>
 *   first_name,
 *   last_name      1-100 characters after trimming, no control characters.
 *   phone          optional, ^\+52\d{10}$ after removing spaces (the seed's
 *                  example "+52 555 123 4567" is accepted as +525551234567).
 *   gender         optional: male, female, other, prefer_not_to_say.
 *   date_of_birth  optional YYYY-MM-DD, a real date between 1900-01-01 and today.
 *   state, city    optional, at most 100 characters (users.state, users.city:
 *                  data/sql/036_user_location.sql).
 *   professional_license, clinic_name  optional (nutritionists), at most 50
 *                  and 200 characters.
 */
#include "bz-auth-internal.h"
#include "bz-resources.h"
#include "bz-vocab.h"

#include <string.h>

#define SPECIAL_CHARS "!@#$%^&*(),.?\":{}|<>"

void
bz_user_fields_clear (BzUserFields *f)
{
  g_clear_pointer (&f->email, g_free);
  g_clear_pointer (&f->first_name, g_free);
  g_clear_pointer (&f->last_name, g_free);
  g_clear_pointer (&f->phone, g_free);
  g_clear_pointer (&f->date_of_birth, g_free);
  g_clear_pointer (&f->gender, g_free);
  g_clear_pointer (&f->state, g_free);
  g_clear_pointer (&f->city, g_free);
  g_clear_pointer (&f->professional_license, g_free);
  g_clear_pointer (&f->clinic_name, g_free);
}

const char *
bz_auth_json_string (JsonObject *o, const char *name, BzValidation *v)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    {
      bz_validation_add (v, name, "invalid_type", _("Must be text"));
      return NULL;
    }
  return json_node_get_string (n);
}

gboolean
bz_auth_validation_has_field (BzValidation *v, const char *field)
{
  JsonArray *details = v->error ? bz_error_get_details (v->error) : NULL;
  guint n = details ? json_array_get_length (details) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *d = json_array_get_object_element (details, i);
      if (d && g_strcmp0 (json_object_get_string_member_with_default (d, "field", NULL), field) == 0)
        return TRUE;
    }
  return FALSE;
}

void
bz_password_check_rules (const char *password, const char *field, BzValidation *v)
{
  gboolean upper = FALSE, lower = FALSE, digit = FALSE, special = FALSE;
  glong len;

  g_return_if_fail (field != NULL && v != NULL);

  if (password == NULL || *password == '\0')
    {
      if (!bz_auth_validation_has_field (v, field))
        bz_validation_add (v, field, "required", _("The password is required"));
      return;
    }
  if (!g_utf8_validate (password, -1, NULL))
    {
      bz_validation_add (v, field, "invalid_format", _("The password is not valid text"));
      return;
    }

  len = g_utf8_strlen (password, -1);
  if (len < BZ_PASSWORD_MIN_CHARS)
    {
      g_autofree char *m = g_strdup_printf (_("The password must have at least %d characters"), BZ_PASSWORD_MIN_CHARS);
      bz_validation_add (v, field, "too_short", m);
    }
  else if (len > BZ_PASSWORD_MAX_CHARS)
    {
      g_autofree char *m = g_strdup_printf (_("The password must have at most %d characters"), BZ_PASSWORD_MAX_CHARS);
      bz_validation_add (v, field, "too_long", m);
    }

  for (const char *p = password; *p; p++)
    {
      upper |= g_ascii_isupper (*p);
      lower |= g_ascii_islower (*p);
      digit |= g_ascii_isdigit (*p);
      special |= strchr (SPECIAL_CHARS, *p) != NULL;
    }
  if (!upper)
    bz_validation_add (v, field, "missing_uppercase",
                       _("The password must contain an uppercase letter (A-Z)"));
  if (!lower)
    bz_validation_add (v, field, "missing_lowercase",
                       _("The password must contain a lowercase letter (a-z)"));
  if (!digit)
    bz_validation_add (v, field, "missing_digit", _("The password must contain a digit (0-9)"));
  if (!special)
    /* TRANSLATORS: keep the list of characters as is */
    bz_validation_add (v, field, "missing_special",
                       _("The password must contain one of !@#$%^&*(),.?\":{}|<>"));
}

/* [a-z0-9-] labels of 1-63 characters, not starting or ending with '-'. */
static gboolean
domain_ok (const char *d)
{
  guint labels = 0;
  const char *p = d;

  if (strlen (d) > 253)
    return FALSE;
  while (*p)
    {
      const char *start = p;
      while (*p && *p != '.')
        {
          if (!g_ascii_isalnum (*p) && *p != '-')
            return FALSE;
          p++;
        }
      if (p == start || p - start > 63 || *start == '-' || p[-1] == '-')
        return FALSE;
      labels++;
      if (*p == '.')
        {
          p++;
          if (*p == '\0')
            return FALSE;
        }
    }
  return labels >= 2;
}

static gboolean
local_part_ok (const char *l, gsize len)
{
  static const char allowed[] = "!#$%&'*+/=?^_`{|}~-.";

  if (len == 0 || len > 64 || l[0] == '.' || l[len - 1] == '.')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (l[i] == '.' && l[i + 1] == '.')
        return FALSE;
      if (!g_ascii_isalnum (l[i]) && strchr (allowed, l[i]) == NULL)
        return FALSE;
    }
  return TRUE;
}

static char *
validate_email (const char *raw, BzValidation *v)
{
  g_autofree char *e = NULL;
  const char *at;

  if (raw == NULL || *raw == '\0')
    {
      if (!bz_auth_validation_has_field (v, "email"))
        bz_validation_add (v, "email", "required", _("The email is required"));
      return NULL;
    }
  e = g_ascii_strdown (raw, -1);
  g_strstrip (e);
  if (*e == '\0')
    {
      bz_validation_add (v, "email", "required", _("The email is required"));
      return NULL;
    }
  if (strlen (e) > BZ_EMAIL_MAX_BYTES)
    {
      g_autofree char *m = g_strdup_printf (_("The email must have at most %d characters"), BZ_EMAIL_MAX_BYTES);
      bz_validation_add (v, "email", "too_long", m);
      return NULL;
    }
  at = strchr (e, '@');
  if (at == NULL || strchr (at + 1, '@') != NULL ||
      !local_part_ok (e, at - e) || !domain_ok (at + 1))
    {
      bz_validation_add (v, "email", "invalid_format", _("The email is not valid"));
      return NULL;
    }
  return g_steal_pointer (&e);
}

/* Trimmed text of at most the Registration declaration's maximum for
 * @index, without control characters. */
static char *
validate_text (const char *raw, guint index, gboolean required, BzValidation *v)
{
  const BzField *f = &bz_register_input_resource.fields[index];
  const char *field = f->name;
  glong max = (glong) f->max;
  g_autofree char *t = NULL;
  glong len;

  if (raw != NULL)
    {
      if (!g_utf8_validate (raw, -1, NULL))
        {
          bz_validation_add (v, field, "invalid_format", _("Not valid text"));
          return NULL;
        }
      t = g_strstrip (g_strdup (raw));
    }
  if (t == NULL || *t == '\0')
    {
      if (required && !bz_auth_validation_has_field (v, field))
        bz_validation_add (v, field, "required", _("This field is required"));
      return NULL;
    }
  len = g_utf8_strlen (t, -1);
  if (len > max)
    {
      g_autofree char *msg = g_strdup_printf (_("At most %ld characters"), max);
      bz_validation_add (v, field, "too_long", msg);
      return NULL;
    }
  for (const char *p = t; *p; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        bz_validation_add (v, field, "invalid_format", _("Contains control characters"));
        return NULL;
      }
  return g_steal_pointer (&t);
}

/* "+52 555 123 4567" -> "+525551234567"; ^\+52\d{10}$. */
static char *
validate_phone (const char *raw, BzValidation *v)
{
  GString *s;

  if (raw == NULL)
    return NULL;
  s = g_string_new (NULL);
  for (const char *p = raw; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (s, *p);
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }

  gboolean ok = s->len == 13 && g_str_has_prefix (s->str, "+52");
  for (gsize i = 3; ok && i < s->len; i++)
    ok = g_ascii_isdigit (s->str[i]);
  if (!ok)
    {
      bz_validation_add (v, "phone", "invalid_format",
                         _("The phone must be +52 followed by 10 digits"));
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

static char *
validate_date_of_birth (const char *raw, BzValidation *v)
{
  g_autoptr(GDateTime) now = NULL;
  guint y, m, d;
  gint64 ymd, today;

  if (raw == NULL || *raw == '\0')
    return NULL;
  if (strlen (raw) != 10 || raw[4] != '-' || raw[7] != '-')
    goto bad;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (raw[i]))
      goto bad;
  y = g_ascii_strtoull (raw, NULL, 10);
  m = g_ascii_strtoull (raw + 5, NULL, 10);
  d = g_ascii_strtoull (raw + 8, NULL, 10);
  if (!g_date_valid_dmy (d, m, y))
    goto bad;
  now = g_date_time_new_now_utc ();
  ymd = (gint64) y * 10000 + m * 100 + d;
  today = (gint64) g_date_time_get_year (now) * 10000 + g_date_time_get_month (now) * 100 +
          g_date_time_get_day_of_month (now);
  if (y < 1900 || ymd > today)
    {
      bz_validation_add (v, "date_of_birth", "out_of_range",
                         _("The date of birth must be between 1900 and today"));
      return NULL;
    }
  return g_strdup (raw);

bad:
  bz_validation_add (v, "date_of_birth", "invalid_format",
                     _("The date of birth must be a date as YYYY-MM-DD"));
  return NULL;
}

static char *
validate_gender (const char *raw, BzValidation *v)
{
  const char *id;

  if (raw == NULL || *raw == '\0')
    return NULL;
  if ((id = bz_vocab_canonical (&bz_vocab_gender, raw)) == NULL)
    {
      bz_validation_add (v, "gender", "invalid_value",
                         _("The gender must be male, female, other or prefer_not_to_say"));
      return NULL;
    }
  return g_strdup (id);
}

void
bz_user_fields_validate (const char *email, const char *password,
                         const char *first_name, const char *last_name,
                         BzRole role, JsonObject *extra,
                         BzUserFields *out, BzValidation *v)
{
  bz_user_fields_clear (out);
  out->role = role;
  out->email = validate_email (email, v);
  bz_password_check_rules (password, "password", v);
  out->first_name = validate_text (first_name, BZ_REGISTER_INPUT_FIRST_NAME, TRUE, v);
  out->last_name = validate_text (last_name, BZ_REGISTER_INPUT_LAST_NAME, TRUE, v);
  if (role > BZ_ROLE_ADMIN)
    bz_validation_add (v, "user_type", "invalid_value", _("Choose patient or nutritionist"));

  if (extra == NULL)
    return;
  out->phone = validate_phone (bz_auth_json_string (extra, "phone", v), v);
  out->date_of_birth = validate_date_of_birth (bz_auth_json_string (extra, "date_of_birth", v), v);
  out->gender = validate_gender (bz_auth_json_string (extra, "gender", v), v);
  out->state = validate_text (bz_auth_json_string (extra, "state", v), BZ_REGISTER_INPUT_STATE, FALSE, v);
  out->city = validate_text (bz_auth_json_string (extra, "city", v), BZ_REGISTER_INPUT_CITY, FALSE, v);
  if (role == BZ_ROLE_NUTRITIONIST)
    {
      out->professional_license =
        validate_text (bz_auth_json_string (extra, "professional_license", v),
                       BZ_REGISTER_INPUT_PROFESSIONAL_LICENSE, FALSE, v);
      out->clinic_name =
        validate_text (bz_auth_json_string (extra, "clinic_name", v), BZ_REGISTER_INPUT_CLINIC_NAME, FALSE, v);
    }
}
