/* bz-vocab.c — controlled vocabularies (see bz-vocab.h). */
#include "bz-vocab.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define ALIASES(...) ((const char *const[]) { __VA_ARGS__, NULL })

static const BzTerm meal_types[] = {
  { "breakfast", N_("Breakfast"), ALIASES ("desayuno") },
  { "lunch", N_("Lunch"), ALIASES ("comida", "almuerzo") },
  { "dinner", N_("Dinner"), ALIASES ("cena") },
  { "snack", N_("Snack"), ALIASES ("colacion", "refrigerio", "merienda", "tentempie") },
};

const BzVocab bz_vocab_meal_type = { "meal_type", meal_types, G_N_ELEMENTS (meal_types) };

/* Seed 002 §3.2 patients.primary_goal. */
static const BzTerm goals[] = {
  { "weight_loss", N_("Weight loss"), ALIASES ("bajar de peso", "perdida de peso", "bajar_de_peso") },
  { "muscle_gain", N_("Muscle gain"), ALIASES ("ganar musculo", "aumento de masa muscular", "ganancia muscular") },
  { "maintenance", N_("Maintenance"), ALIASES ("mantenimiento", "mantener peso") },
  { "health_condition", N_("Health condition"), ALIASES ("condicion de salud", "control de enfermedad") },
};

const BzVocab bz_vocab_goal = { "primary_goal", goals, G_N_ELEMENTS (goals) };

/* Seed 002 §3.2 users.gender. */
static const BzTerm genders[] = {
  { "male", N_("Male"), ALIASES ("masculino", "hombre") },
  { "female", N_("Female"), ALIASES ("femenino", "mujer") },
  { "other", N_("Other"), ALIASES ("otro", "otra") },
  { "prefer_not_to_say", N_("Prefer not to say"), ALIASES ("prefiero no decir", "prefiero no decirlo") },
};

const BzVocab bz_vocab_gender = { "gender", genders, G_N_ELEMENTS (genders) };

/* Sex of a body-composition scan: the equations (Mifflin-St Jeor, the body
 * model) are fitted to male and female bodies only. */
static const BzTerm sexes[] = {
  { "male", N_("Male"), ALIASES ("masculino", "hombre", "m") },
  { "female", N_("Female"), ALIASES ("femenino", "mujer", "f") },
};

const BzVocab bz_vocab_sex = { "sex", sexes, G_N_ELEMENTS (sexes) };

/* Physical activity levels, in the order of BzActivityLevel (bz-nutrition.h,
 * whose PAL factors they select: FAO/WHO/UNU 2001). */
static const BzTerm activity_levels[] = {
  { "sedentary", N_("Sedentary"), ALIASES ("sedentario", "sedentaria") },
  { "light", N_("Lightly active"), ALIASES ("ligera", "ligero", "actividad ligera", "poco activo") },
  { "moderate", N_("Moderately active"), ALIASES ("moderada", "moderado", "actividad moderada") },
  { "active", N_("Active"), ALIASES ("activo", "activa") },
  { "very_active", N_("Very active"), ALIASES ("muy activo", "muy activa", "muy_activo") },
};

const BzVocab bz_vocab_activity_level = { "activity_level", activity_levels, G_N_ELEMENTS (activity_levels) };

/* What meal detection did with a meal's photo (seed 000 story 4.3 AC 7). */
static const BzTerm detection_statuses[] = {
  { "manual_entry_required", N_("Needs manual entry"), NULL },
  { "detected", N_("Detected"), NULL },
  { "manual", N_("Entered by hand"), NULL },
};

const BzVocab bz_vocab_detection_status = { "detection_status", detection_statuses, G_N_ELEMENTS (detection_statuses) };

/* Where a meal was logged from. */
static const BzTerm meal_sources[] = {
  { "phone", N_("Phone"), NULL },
  { "workstation", N_("Clinic workstation"), NULL },
  { "demo", N_("Demo clinic"), NULL },
};

const BzVocab bz_vocab_meal_source = { "source", meal_sources, G_N_ELEMENTS (meal_sources) };

/* Seed 002 §3.2 users.user_type (BzRole). */
static const BzTerm user_types[] = {
  { "patient", N_("Patient"), ALIASES ("paciente", "miembro", "member") },
  { "nutritionist", N_("Nutritionist"), ALIASES ("nutriologo", "nutriologa", "nutricionista") },
  { "admin", N_("Administrator"), ALIASES ("administrador", "administradora") },
};

const BzVocab bz_vocab_user_type = { "user_type", user_types, G_N_ELEMENTS (user_types) };

/* Seed 002 §3.2 patients.status (data/sql/001_init.sql CHECK). */
static const BzTerm patient_statuses[] = {
  { "active", N_("Active"), ALIASES ("activo", "activa") },
  { "inactive", N_("Inactive"), ALIASES ("inactivo", "inactiva") },
  { "graduated", N_("Graduated"), ALIASES ("egresado", "egresada", "alta") },
  { "dropped", N_("Dropped"), ALIASES ("baja", "abandono") },
};

const BzVocab bz_vocab_patient_status = { "status", patient_statuses, G_N_ELEMENTS (patient_statuses) };

/* Seed 002 §3.2 patients.dietary_preference ('omnivore', 'vegetarian', 'vegan'). */
static const BzTerm dietary_preferences[] = {
  { "omnivore", N_("Omnivore"), ALIASES ("omnivoro", "omnivora") },
  { "vegetarian", N_("Vegetarian"), ALIASES ("vegetariano", "vegetariana") },
  { "vegan", N_("Vegan"), ALIASES ("vegano", "vegana") },
};

const BzVocab bz_vocab_dietary_preference = { "dietary_preference", dietary_preferences, G_N_ELEMENTS (dietary_preferences) };

/* The two stored copies of a meal photo (bz_photo_prepare()). */
static const BzTerm photo_sizes[] = {
  { "display", N_("Display copy"), NULL },
  { "original", N_("Original"), NULL },
};

const BzVocab bz_vocab_photo_size = { "size", photo_sizes, G_N_ELEMENTS (photo_sizes) };

/* The spans of the nutrition analytics (bz-analytics.h): the day itself, the
 * 7 or the 30 days that end on it.  Spanish aliases for the seed's clients. */
static const BzTerm analytics_periods[] = {
  { "day", N_("Day"), ALIASES ("dia") },
  { "week", N_("Week"), ALIASES ("semana") },
  { "month", N_("Month"), ALIASES ("mes") },
};

/* Seed 002 §3.2 nutritionists.specializations (its examples: sports_nutrition,
 * diabetes, pediatric), with the fields of the Colegio Mexicano de Nutriólogos'
 * usual practice areas. */
static const BzTerm specializations[] = {
  { "sports_nutrition", N_("Sports nutrition"), ALIASES ("nutricion deportiva", "deportiva") },
  { "diabetes", N_("Diabetes"), NULL },
  { "pediatric", N_("Pediatric nutrition"), ALIASES ("pediatrica", "nutricion pediatrica") },
  { "obesity", N_("Obesity and weight management"), ALIASES ("obesidad") },
  { "clinical", N_("Clinical nutrition"), ALIASES ("clinica", "nutricion clinica") },
  { "renal", N_("Renal nutrition"), ALIASES ("nutricion renal") },
  { "oncology", N_("Oncology nutrition"), ALIASES ("oncologica", "oncologia") },
  { "geriatric", N_("Geriatric nutrition"), ALIASES ("geriatrica") },
  { "eating_disorders", N_("Eating disorders"), ALIASES ("trastornos alimentarios", "tca") },
  { "pregnancy", N_("Pregnancy and lactation"), ALIASES ("embarazo", "embarazo y lactancia") },
  { "vegetarian", N_("Vegetarian and vegan diets"), ALIASES ("vegetariana", "vegana") },
};

const BzVocab bz_vocab_specialization = { "specializations", specializations, G_N_ELEMENTS (specializations) };

/* Seed 002 §3.2 nutritionists.verification_status: the licence (cédula
 * profesional) as checked by the clinic's administrator. */
static const BzTerm license_statuses[] = {
  { "pending", N_("Not verified yet"), ALIASES ("pendiente") },
  { "verified", N_("Verified"), ALIASES ("verificada", "verificado") },
  { "rejected", N_("Rejected"), ALIASES ("rechazada", "rechazado") },
};

const BzVocab bz_vocab_license_status = { "license_status", license_statuses, G_N_ELEMENTS (license_statuses) };

const BzVocab bz_vocab_analytics_period = { "period", analytics_periods, G_N_ELEMENTS (analytics_periods) };
/* An appointment's status (issue 12): booked, then attended, called off, or
 * missed by the patient. */
static const BzTerm appointment_statuses[] = {
  { "scheduled", N_("Scheduled"), ALIASES ("programada", "agendada") },
  { "completed", N_("Completed"), ALIASES ("completada", "atendida") },
  { "cancelled", N_("Cancelled"), ALIASES ("cancelada", "canceled") },
  { "no_show", N_("No-show"), ALIASES ("no asistio", "inasistencia") },
};

const BzVocab bz_vocab_appointment_status = { "status", appointment_statuses, G_N_ELEMENTS (appointment_statuses) };

static const BzTerm sync_types[] = {
  { "meal", N_("Meal"), ALIASES ("comida") },
  { "scan", N_("Scan"), ALIASES ("escaneo") },
  { "avatar", N_("Avatar"), NULL },
  { "meal_plan", N_("Meal plan"), ALIASES ("plan") },
  { "patient", N_("Patient"), ALIASES ("paciente") },
  { "recipe", N_("Recipe"), ALIASES ("receta") },
};

const BzVocab bz_vocab_sync_type = { "type", sync_types, G_N_ELEMENTS (sync_types) };

static const BzTerm sync_ops[] = {
  { "upsert", N_("Created or changed"), NULL },
  { "delete", N_("Deleted"), ALIASES ("borrado") },
};

const BzVocab bz_vocab_sync_op = { "op", sync_ops, G_N_ELEMENTS (sync_ops) };

static const BzTerm device_platforms[] = {
  { "android", N_("Android"), NULL },
  { "ios", N_("iOS"), ALIASES ("iphone", "ipados") },
  { "other", N_("Other"), ALIASES ("otro") },
};

const BzVocab bz_vocab_device_platform = { "platform", device_platforms, G_N_ELEMENTS (device_platforms) };

/* Lower case, accents removed (NFD, then combining marks dropped). */
static char *
fold (const char *s)
{
  g_autofree char *nfd = g_utf8_normalize (s, -1, G_NORMALIZE_NFD);
  g_autofree char *lower = NULL;
  GString *out;

  if (nfd == NULL)
    return NULL;
  lower = g_utf8_strdown (nfd, -1);
  out = g_string_sized_new (strlen (lower));
  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (out, c);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

const char *
bz_vocab_canonical (const BzVocab *vocab, const char *input)
{
  g_autofree char *key = input ? fold (input) : NULL;

  if (key == NULL || *key == '\0')
    return NULL;
  for (guint i = 0; i < vocab->n_terms; i++)
    {
      const BzTerm *t = &vocab->terms[i];
      if (strcmp (key, t->id) == 0)
        return t->id;
      for (guint a = 0; t->aliases && t->aliases[a]; a++)
        if (strcmp (key, t->aliases[a]) == 0)
          return t->id;
    }
  return NULL;
}

const char *
bz_vocab_label (const BzVocab *vocab, const char *id, const char *fallback)
{
  for (guint i = 0; id && i < vocab->n_terms; i++)
    if (strcmp (vocab->terms[i].id, id) == 0)
      return _(vocab->terms[i].label);
  return fallback;
}
