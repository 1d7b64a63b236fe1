/* bz-patient-form.c — a patient's fields, typed (BzPatientForm), and their one
 * validation (bz_patients_check_form()) for the API and the desk's form.
 * Declared in bz-patient-service.h. */
#include "bz-patient-service.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bz-auth-internal.h"
#include "bz-limits.h"
#include "bz-patient-form-private.h"
#include "bz-vocab.h"

void
bz_patient_form_clear (BzPatientForm *f)
{
  g_free (f->email);
  /* A password typed into a form is not left behind in freed memory. */
  if (f->password)
    memset (f->password, 0, strlen (f->password));
  g_free (f->password);
  g_free (f->first_name);
  g_free (f->last_name);
  g_free (f->phone);
  g_free (f->date_of_birth);
  g_free (f->gender);
  g_free (f->state);
  g_free (f->city);
  g_free (f->primary_goal);
  g_strfreev (f->health_conditions);
  g_strfreev (f->allergies);
  g_strfreev (f->food_restrictions);
  g_free (f->dietary_preference);
  g_free (f->activity_level);
  g_free (f->status);
  g_free (f->client_address);
  memset (f, 0, sizeof *f);
}

BzPatientForm *
bz_patient_form_copy (const BzPatientForm *f)
{
  BzPatientForm *c = g_new0 (BzPatientForm, 1);

  *c = *f;
  c->email = g_strdup (f->email);
  c->password = g_strdup (f->password);
  c->first_name = g_strdup (f->first_name);
  c->last_name = g_strdup (f->last_name);
  c->phone = g_strdup (f->phone);
  c->date_of_birth = g_strdup (f->date_of_birth);
  c->gender = g_strdup (f->gender);
  c->state = g_strdup (f->state);
  c->city = g_strdup (f->city);
  c->primary_goal = g_strdup (f->primary_goal);
  c->health_conditions = g_strdupv (f->health_conditions);
  c->allergies = g_strdupv (f->allergies);
  c->food_restrictions = g_strdupv (f->food_restrictions);
  c->dietary_preference = g_strdup (f->dietary_preference);
  c->activity_level = g_strdup (f->activity_level);
  c->status = g_strdup (f->status);
  c->client_address = g_strdup (f->client_address);
  return c;
}

void
bz_patient_form_free (BzPatientForm *f)
{
  if (f == NULL)
    return;
  bz_patient_form_clear (f);
  g_free (f);
}

static gboolean
blank (const char *s)
{
  return s == NULL || *s == '\0';
}

/* A term of @vocab (its id, or NULL when @raw is blank); an
 * "invalid_choice" detail naming the terms otherwise. */
static char *
check_term (const BzVocab *vocab, const char *raw, BzValidation *v)
{
  const char *id;
  GString *terms;
  g_autofree char *message = NULL;

  if (blank (raw))
    return NULL;
  if ((id = bz_vocab_canonical (vocab, raw)) != NULL)
    return g_strdup (id);
  terms = g_string_new (NULL);
  for (guint i = 0; i < vocab->n_terms; i++)
    g_string_append_printf (terms, "%s%s", i ? ", " : "", vocab->terms[i].id);
  /* TRANSLATORS: "%s must be one of weight_loss, muscle_gain, …": a field name, then its values */
  message = g_strdup_printf (_("%s must be one of %s"), vocab->name, terms->str);
  g_string_free (terms, TRUE);
  bz_validation_add (v, vocab->name, "invalid_choice", message);
  return NULL;
}

/* A list of free-text entries: at most BZ_PATIENT_LIST_ENTRIES_MAX (the
 * declared maxItems), each at most BZ_PATIENT_LIST_ENTRY_MAX bytes; entries
 * trimmed, blank ones dropped. */
static GStrv
check_list (const char *const *list, guint field, BzValidation *v)
{
  const BzField *f = &bz_patient_update_resource.fields[field];
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  guint n = list ? g_strv_length ((GStrv) list) : 0;

  if (n > f->max)
    {
      g_autofree char *m = g_strdup_printf (_("%s may have at most %g entries"), f->name, f->max);
      bz_validation_add (v, f->name, "too_many_items", m);
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *e = g_strstrip (g_strdup (list[i]));
      if (!g_utf8_validate (e, -1, NULL) || strlen (e) > BZ_PATIENT_LIST_ENTRY_MAX)
        {
          g_autofree char *path = g_strdup_printf ("%s[%u]", f->name, i);
          g_autofree char *m = g_strdup_printf (_("Each entry must be text of at most %d characters"),
                                                BZ_PATIENT_LIST_ENTRY_MAX);
          bz_validation_add (v, path, "too_long", m);
          return NULL;
        }
      if (*e)
        g_strv_builder_add (b, e);
    }
  return g_strv_builder_end (b);
}

/* Stands in for a password the check does not see: the generated one
 * (random_password() in bz-patient-service.c) satisfies the same rules. */
#define GENERATED_PASSWORD_SHAPE "Aa7!aaaa"
/* Stands in for the email an update does not change. */
#define KEPT_EMAIL "kept@balanza.invalid"

void
bz_patient_form_check_into (const BzPatientForm *form, BzPatientFormMode mode, BzPatientForm *norm,
                            BzValidation *v)
{
  gboolean create = mode == BZ_PATIENT_FORM_CREATE;
  g_auto(BzUserFields) user = { 0 };
  g_autoptr(JsonObject) extra = json_object_new ();
  const BzField *target = &bz_patient_input_resource.fields[BZ_PATIENT_INPUT_TARGET_WEIGHT_KG];

  memset (norm, 0, sizeof *norm);
  if (!blank (form->phone))
    json_object_set_string_member (extra, "phone", form->phone);
  if (!blank (form->date_of_birth))
    json_object_set_string_member (extra, "date_of_birth", form->date_of_birth);
  if (!blank (form->gender))
    json_object_set_string_member (extra, "gender", form->gender);
  if (!blank (form->state))
    json_object_set_string_member (extra, "state", form->state);
  if (!blank (form->city))
    json_object_set_string_member (extra, "city", form->city);
  /* Registration's rules for the account's fields (seed 002 §7.4.1). */
  bz_user_fields_validate (create ? form->email : KEPT_EMAIL,
                           create && form->password ? form->password : GENERATED_PASSWORD_SHAPE,
                           form->first_name, form->last_name, BZ_ROLE_PATIENT, extra, &user, v);
  if (create)
    {
      norm->email = g_steal_pointer (&user.email);
      norm->password = g_strdup (form->password);
    }
  norm->first_name = g_steal_pointer (&user.first_name);
  norm->last_name = g_steal_pointer (&user.last_name);
  norm->phone = g_steal_pointer (&user.phone);
  norm->date_of_birth = g_steal_pointer (&user.date_of_birth);
  norm->gender = g_steal_pointer (&user.gender);
  norm->state = g_steal_pointer (&user.state);
  norm->city = g_steal_pointer (&user.city);
  norm->location_set = form->location_set || create;

  norm->primary_goal = check_term (&bz_vocab_goal, form->primary_goal, v);
  if (form->has_target_weight)
    {
      if (isnan (form->target_weight_kg) || form->target_weight_kg < target->min
          || form->target_weight_kg > target->max)
        {
          char lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];
          g_autofree char *msg = NULL;

          g_ascii_formatd (lo, sizeof lo, "%g", target->min);
          g_ascii_formatd (hi, sizeof hi, "%g", target->max);
          /* The message bz_resource_parse() gives ("… must be between 20 and 400 kg"). */
          msg = g_strdup_printf (_("%s must be between %s and %s %s"), target->name, lo, hi, target->unit);
          bz_validation_add (v, target->name, "out_of_range", msg);
        }
      else
        {
          norm->has_target_weight = TRUE;
          norm->target_weight_kg = form->target_weight_kg;
        }
    }
  norm->health_conditions = check_list ((const char *const *) form->health_conditions,
                                        BZ_PATIENT_UPDATE_HEALTH_CONDITIONS, v);
  norm->allergies = check_list ((const char *const *) form->allergies, BZ_PATIENT_UPDATE_ALLERGIES, v);
  norm->food_restrictions = check_list ((const char *const *) form->food_restrictions,
                                        BZ_PATIENT_UPDATE_FOOD_RESTRICTIONS, v);
  norm->dietary_preference = check_term (&bz_vocab_dietary_preference, form->dietary_preference, v);
  norm->activity_level = check_term (&bz_vocab_activity_level, form->activity_level, v);
  if (norm->activity_level == NULL && create)
    norm->activity_level = g_strdup ("light");
  norm->status = check_term (&bz_vocab_patient_status, form->status, v);
  if (create && norm->status && g_strcmp0 (norm->status, "active") != 0)
    bz_validation_add (v, "status", "invalid_choice", _("A new patient starts active"));
  if (!create && norm->status == NULL && !bz_auth_validation_has_field (v, "status"))
    bz_validation_add (v, "status", "required", _("Choose the patient’s status"));
  if (create && form->consent_asked && !form->privacy_consent)
    bz_validation_add (v, "privacy_consent", "required",
                       _("The patient must accept the privacy notice before the record is created"));
  norm->consent_asked = form->consent_asked;
  norm->privacy_consent = form->privacy_consent;
  norm->client_address = g_strdup (form->client_address);
}

gboolean
bz_patients_check_form (const BzPatientForm *form, BzPatientFormMode mode, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_auto(BzPatientForm) norm = { 0 };

  g_return_val_if_fail (form != NULL, FALSE);
  bz_patient_form_check_into (form, mode, &norm, &v);
  return bz_validation_finish (&v, error);
}

/* --- JSON ------------------------------------------------------------------ */

static GStrv
json_strv (JsonObject *o, const char *name, BzValidation *v)
{
  JsonNode *n = json_object_get_member (o, name);
  g_autoptr(GStrvBuilder) b = NULL;
  JsonArray *a;

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (n))
    {
      bz_validation_add (v, name, "invalid_type", _("This field must be a list of text"));
      return NULL;
    }
  a = json_node_get_array (n);
  b = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);
      if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
        {
          g_autofree char *f = g_strdup_printf ("%s[%u]", name, i);
          bz_validation_add (v, f, "invalid_type", _("Must be text"));
          return NULL;
        }
      g_strv_builder_add (b, json_node_get_string (e));
    }
  return g_strv_builder_end (b);
}

void
bz_patient_form_from_json_into (JsonObject *o, BzPatientForm *out, BzValidation *v)
{
  JsonNode *n;

  memset (out, 0, sizeof *out);
  out->email = g_strdup (bz_auth_json_string (o, "email", v));
  out->password = g_strdup (bz_auth_json_string (o, "password", v));
  out->first_name = g_strdup (bz_auth_json_string (o, "first_name", v));
  out->last_name = g_strdup (bz_auth_json_string (o, "last_name", v));
  out->phone = g_strdup (bz_auth_json_string (o, "phone", v));
  out->date_of_birth = g_strdup (bz_auth_json_string (o, "date_of_birth", v));
  out->gender = g_strdup (bz_auth_json_string (o, "gender", v));
  out->state = g_strdup (bz_auth_json_string (o, "state", v));
  out->city = g_strdup (bz_auth_json_string (o, "city", v));
  out->location_set = TRUE;
  out->primary_goal = g_strdup (bz_auth_json_string (o, "primary_goal", v));
  if (json_object_has_member (o, "primary_goal") && out->primary_goal == NULL
      && !JSON_NODE_HOLDS_NULL (json_object_get_member (o, "primary_goal"))
      && !bz_auth_validation_has_field (v, "primary_goal"))
    out->primary_goal = g_strdup ("");   /* "" is refused by the check, not dropped */
  n = json_object_get_member (o, "target_weight_kg");
  if (n && !JSON_NODE_HOLDS_NULL (n))
    {
      GType t = JSON_NODE_HOLDS_VALUE (n) ? json_node_get_value_type (n) : G_TYPE_INVALID;
      if (t != G_TYPE_DOUBLE && t != G_TYPE_INT64)
        bz_validation_add (v, "target_weight_kg", "invalid_type", _("target_weight_kg must be a number"));
      else
        {
          out->has_target_weight = TRUE;
          out->target_weight_kg = json_node_get_double (n);
        }
    }
  out->health_conditions = json_strv (o, "health_conditions", v);
  out->allergies = json_strv (o, "allergies", v);
  out->food_restrictions = json_strv (o, "food_restrictions", v);
  out->dietary_preference = g_strdup (bz_auth_json_string (o, "dietary_preference", v));
  out->activity_level = g_strdup (bz_auth_json_string (o, "activity_level", v));
  out->status = g_strdup (bz_auth_json_string (o, "status", v));
  n = json_object_get_member (o, "privacy_consent");
  if (n && !JSON_NODE_HOLDS_NULL (n))
    {
      if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_BOOLEAN)
        bz_validation_add (v, "privacy_consent", "invalid_type", _("Must be true or false"));
      else
        {
          out->consent_asked = TRUE;
          out->privacy_consent = json_node_get_boolean (n);
        }
    }
}

gboolean
bz_patients_form_from_json (JsonObject *input, BzPatientForm *out, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;

  bz_patient_form_from_json_into (input, out, &v);
  if (bz_validation_finish (&v, error))
    return TRUE;
  bz_patient_form_clear (out);
  return FALSE;
}

void
bz_patient_form_from_info (BzRecord *info, BzPatientForm *out)
{
  memset (out, 0, sizeof *out);
  out->email = g_strdup (bz_record_get_string (info, BZ_PATIENT_INFO_EMAIL));
  out->first_name = g_strdup (bz_record_get_string (info, BZ_PATIENT_INFO_FIRST_NAME));
  out->last_name = g_strdup (bz_record_get_string (info, BZ_PATIENT_INFO_LAST_NAME));
  out->phone = g_strdup (bz_record_get_string (info, BZ_PATIENT_INFO_PHONE));
  out->date_of_birth = g_strdup (bz_record_get_string (info, BZ_PATIENT_INFO_DATE_OF_BIRTH));
  out->gender = g_strdup (bz_record_get_string (info, BZ_PATIENT_INFO_GENDER));
  out->state = g_strdup (bz_record_get_string (info, BZ_PATIENT_INFO_STATE));
  out->city = g_strdup (bz_record_get_string (info, BZ_PATIENT_INFO_CITY));
  out->location_set = TRUE;
  out->primary_goal = g_strdup (bz_record_get_string (info, BZ_PATIENT_INFO_PRIMARY_GOAL));
  if (bz_record_has (info, BZ_PATIENT_INFO_TARGET_WEIGHT_KG))
    {
      out->has_target_weight = TRUE;
      out->target_weight_kg = bz_record_get_double (info, BZ_PATIENT_INFO_TARGET_WEIGHT_KG);
    }
  out->health_conditions = g_strdupv ((GStrv) bz_record_get_strv (info, BZ_PATIENT_INFO_HEALTH_CONDITIONS));
  out->allergies = g_strdupv ((GStrv) bz_record_get_strv (info, BZ_PATIENT_INFO_ALLERGIES));
  out->food_restrictions = g_strdupv ((GStrv) bz_record_get_strv (info, BZ_PATIENT_INFO_FOOD_RESTRICTIONS));
  out->dietary_preference = g_strdup (bz_record_get_string (info, BZ_PATIENT_INFO_DIETARY_PREFERENCE));
  out->activity_level = g_strdup (bz_record_get_string (info, BZ_PATIENT_INFO_ACTIVITY_LEVEL));
  out->status = g_strdup (bz_record_get_string (info, BZ_PATIENT_INFO_STATUS));
  out->privacy_consent = bz_record_has (info, BZ_PATIENT_INFO_PRIVACY_CONSENT_AT);
}
