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

/* Who said a turn of the assistant's conversation (seed 002 §4.7 POST
 * /ai/chat; ChatbotService's conversation_history, OpenAI's roles). */
static const BzTerm chat_roles[] = {
  { "user", N_("You"), ALIASES ("usuario") },
  { "assistant", N_("Assistant"), ALIASES ("asistente", "model") },   /* model: seed 002 §6.8's conversation_history */
};

const BzVocab bz_vocab_chat_role = { "role", chat_roles, G_N_ELEMENTS (chat_roles) };

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
  /* The service was down when the photo came: a job analyses it later
   * (bz-meal-detection.h). */
  { "pending", N_("Waiting for analysis"), NULL },
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

/* Seed 002 §4.7 generate-meal-plan budget_level (its example: "moderado"). */
static const BzTerm budget_levels[] = {
  { "economico", N_("Low budget"), ALIASES ("bajo", "low", "economy") },
  { "moderado", N_("Moderate budget"), ALIASES ("medio", "moderate") },
  { "alto", N_("High budget"), ALIASES ("high", "amplio") },
};

const BzVocab bz_vocab_budget_level = { "budget_level", budget_levels, G_N_ELEMENTS (budget_levels) };

/* The two stored copies of a meal photo (bz_photo_prepare()). */
/* The languages of the privacy notice (data/privacy/, issue 9): Spanish is
 * the binding text under the LFPDPPP, English a translation. */
static const BzTerm notice_langs[] = {
  { "es", N_("Spanish"), ALIASES ("es-MX", "es_MX", "espanol") },
  { "en", N_("English"), ALIASES ("en-US", "en_US", "ingles") },
};

const BzVocab bz_vocab_notice_lang = { "lang", notice_langs, G_N_ELEMENTS (notice_langs) };

static const BzTerm photo_sizes[] = {
  { "display", N_("Display copy"), NULL },
  { "original", N_("Original"), NULL },
};

const BzVocab bz_vocab_photo_size = { "size", photo_sizes, G_N_ELEMENTS (photo_sizes) };

/* A provider's health as GET /api/integrations/health reports it (seed 003's
 * healthy/degraded/down; bz_resilient_health()), from the best to the worst:
 * the integration service ranks them by this order. */
static const BzTerm provider_healths[] = {
  { "healthy", N_("healthy"), NULL },
  { "degraded", N_("degraded"), NULL },
  { "down", N_("down"), NULL },
};

const BzVocab bz_vocab_provider_health = { "status", provider_healths, G_N_ELEMENTS (provider_healths) };

/* A circuit breaker's state (Nygard, "Release It!", 2007), in BzBreakerState's
 * order: bz_breaker_state_name() reads its ids from here. */
static const BzTerm breaker_states[] = {
  { "closed", N_("closed"), NULL },
  { "open", N_("open"), NULL },
  { "half_open", N_("half open"), NULL },
};

const BzVocab bz_vocab_breaker_state = { "breaker_state", breaker_states, G_N_ELEMENTS (breaker_states) };

/* The encodings of an avatar file (bz_avatars_get_glb_variant(), issue 8):
 * KHR_mesh_quantization + EXT_meshopt_compression, or plain glTF 2.0. */
static const BzTerm avatar_compressions[] = {
  { "meshopt", N_("Compressed (meshopt)"), NULL },
  { "none", N_("Uncompressed"), NULL },
};

const BzVocab bz_vocab_avatar_compression = { "compression", avatar_compressions, G_N_ELEMENTS (avatar_compressions) };

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

/* --- Challenges (seed 002 §3.3 social.challenges and challenge_participants) --- */

static const BzTerm challenge_types[] = {
  { "individual", N_("Individual"), ALIASES ("individual") },
  { "team", N_("Team"), ALIASES ("equipo", "equipos") },
  { "community", N_("Community"), ALIASES ("comunidad", "comunitario") },
};
const BzVocab bz_vocab_challenge_type = { "type", challenge_types, G_N_ELEMENTS (challenge_types) };

static const BzTerm challenge_categories[] = {
  { "weight_loss", N_("Weight loss"), ALIASES ("bajar de peso", "perdida de peso") },
  { "steps", N_("Steps"), ALIASES ("pasos") },
  { "water", N_("Water"), ALIASES ("agua", "hidratacion") },
  { "meals", N_("Meals"), ALIASES ("comidas", "alimentacion") },
  { "exercise", N_("Exercise"), ALIASES ("ejercicio") },
};
const BzVocab bz_vocab_challenge_category = { "category", challenge_categories, G_N_ELEMENTS (challenge_categories) };

static const BzTerm challenge_scopes[] = {
  { "national", N_("Everyone at the clinic"), ALIASES ("nacional", "todos") },
  { "nutritionist_patients", N_("My patients"), ALIASES ("mis pacientes", "pacientes") },
};
const BzVocab bz_vocab_challenge_scope = { "scope", challenge_scopes, G_N_ELEMENTS (challenge_scopes) };

static const BzTerm challenge_statuses[] = {
  { "upcoming", N_("Upcoming"), ALIASES ("proximo", "proximamente") },
  { "active", N_("Active"), ALIASES ("activo", "en curso") },
  { "completed", N_("Completed"), ALIASES ("terminado", "completado") },
  { "cancelled", N_("Cancelled"), ALIASES ("cancelado", "canceled") },
};
const BzVocab bz_vocab_challenge_status = { "status", challenge_statuses, G_N_ELEMENTS (challenge_statuses) };

static const BzTerm goal_types[] = {
  { "cumulative", N_("Cumulative"), ALIASES ("acumulado", "acumulativo") },
  { "daily", N_("Daily"), ALIASES ("diario") },
  { "weekly", N_("Weekly"), ALIASES ("semanal") },
  { "threshold", N_("Threshold"), ALIASES ("umbral", "meta") },
};
const BzVocab bz_vocab_goal_type = { "goal_type", goal_types, G_N_ELEMENTS (goal_types) };

static const BzTerm goal_metrics[] = {
  { "steps", N_("Steps"), ALIASES ("pasos") },
  { "kg_lost", N_("Kilograms lost"), ALIASES ("kg perdidos", "kilos perdidos") },
  { "water_glasses", N_("Glasses of water"), ALIASES ("vasos de agua", "vasos") },
  { "meals_logged", N_("Meals logged"), ALIASES ("comidas registradas") },
  { "exercise_minutes", N_("Minutes of exercise"), ALIASES ("minutos de ejercicio") },
};
const BzVocab bz_vocab_goal_metric = { "goal_metric", goal_metrics, G_N_ELEMENTS (goal_metrics) };

static const BzTerm participant_statuses[] = {
  { "active", N_("Taking part"), ALIASES ("activo") },
  { "completed", N_("Completed"), ALIASES ("completado") },
  { "dropped", N_("Dropped out"), ALIASES ("abandonado") },
  { "failed", N_("Not completed"), ALIASES ("fallido") },
};
const BzVocab bz_vocab_participant_status = { "status", participant_statuses, G_N_ELEMENTS (participant_statuses) };

static const BzTerm reward_types[] = {
  { "badge", N_("Badge"), ALIASES ("insignia", "medalla") },
  { "xp", N_("XP"), ALIASES ("puntos", "experiencia") },
};
const BzVocab bz_vocab_reward_type = { "reward_type", reward_types, G_N_ELEMENTS (reward_types) };

static const BzTerm badges[] = {
  { "first_day", N_("First day completed"), ALIASES ("primer dia") },
  { "streak_7", N_("Seven days in a row"), ALIASES ("racha de 7", "siete dias") },
  { "challenge_completed", N_("Challenge completed"), ALIASES ("reto completado") },
  { "first_place", N_("First place"), ALIASES ("primer lugar", "campeon") },
};
const BzVocab bz_vocab_badge = { "badge", badges, G_N_ELEMENTS (badges) };

static const BzTerm achievement_types[] = {
  { "milestone", N_("Milestone"), ALIASES ("hito") },
  { "daily_goal", N_("Daily goal"), ALIASES ("meta diaria") },
  { "streak", N_("Streak"), ALIASES ("racha") },
  { "completion", N_("Completion"), ALIASES ("reto completado") },
};
const BzVocab bz_vocab_achievement_type = { "type", achievement_types, G_N_ELEMENTS (achievement_types) };

static const BzTerm sync_types[] = {
  { "meal", N_("Meal"), ALIASES ("comida") },
  { "scan", N_("Scan"), ALIASES ("escaneo") },
  { "avatar", N_("Avatar"), NULL },
  { "meal_plan", N_("Meal plan"), ALIASES ("plan") },
  { "patient", N_("Patient"), ALIASES ("paciente") },
  { "recipe", N_("Recipe"), ALIASES ("receta") },
};

const BzVocab bz_vocab_sync_type = { "type", sync_types, G_N_ELEMENTS (sync_types) };

/* A push device's platform (POST /api/notifications/register, issue 10):
 * Firebase Cloud Messaging (Android), APNs (iOS) or Web Push. */
static const BzTerm device_platforms[] = {
  { "android", N_("Android"), NULL },
  { "ios", N_("iOS"), ALIASES ("iphone", "ipados") },
  { "web", N_("Web browser"), ALIASES ("browser", "navegador") },
};

const BzVocab bz_vocab_device_platform = { "platform", device_platforms, G_N_ELEMENTS (device_platforms) };

static const BzTerm sync_ops[] = {
  { "upsert", N_("Created or changed"), NULL },
  { "delete", N_("Deleted"), ALIASES ("borrado") },
};

const BzVocab bz_vocab_sync_op = { "op", sync_ops, G_N_ELEMENTS (sync_ops) };

/* The social layer (issue 10; seed 002 §3.3). */
static const BzTerm post_types[] = {
  { "text", N_("Text"), ALIASES ("texto") },
  { "photo", N_("Photo"), ALIASES ("foto") },
  { "progress", N_("Progress"), ALIASES ("progreso", "avance") },
  { "recipe", N_("Recipe"), ALIASES ("receta") },
  { "question", N_("Question"), ALIASES ("pregunta") },
  { "achievement", N_("Achievement"), ALIASES ("logro") },
};

const BzVocab bz_vocab_post_type = { "type", post_types, G_N_ELEMENTS (post_types) };

static const BzTerm post_visibilities[] = {
  { "public", N_("Everyone"), ALIASES ("publico", "publica") },
  { "followers", N_("Followers"), ALIASES ("seguidores") },
  { "group", N_("Group"), ALIASES ("grupo") },
  { "family_circle", N_("Family circle"), ALIASES ("circulo familiar", "familia") },
  { "nutritionist_only", N_("My nutritionist"), ALIASES ("solo nutriologo", "nutriologo") },
  { "private", N_("Only me"), ALIASES ("privado", "privada", "solo yo") },
};

const BzVocab bz_vocab_post_visibility = { "visibility", post_visibilities, G_N_ELEMENTS (post_visibilities) };

static const BzTerm reaction_types[] = {
  { "heart", N_("Heart"), ALIASES ("corazon") },
  { "clap", N_("Clap"), ALIASES ("aplauso") },
  { "fire", N_("Fire"), ALIASES ("fuego") },
  { "strong", N_("Strong"), ALIASES ("fuerza", "fuerte") },
  { "celebrate", N_("Celebrate"), ALIASES ("celebrar", "fiesta") },
};

const BzVocab bz_vocab_reaction_type = { "reaction_type", reaction_types, G_N_ELEMENTS (reaction_types) };

static const BzTerm group_types[] = {
  { "open", N_("Open"), ALIASES ("abierto") },
  { "closed", N_("Closed"), ALIASES ("cerrado") },
  { "private", N_("Private"), ALIASES ("privado") },
  { "nutritionist_only", N_("Nutritionists only"), ALIASES ("solo nutriologos") },
  { "patient_only", N_("Patients only"), ALIASES ("solo pacientes") },
};

const BzVocab bz_vocab_group_type = { "type", group_types, G_N_ELEMENTS (group_types) };

static const BzTerm group_roles[] = {
  { "admin", N_("Administrator"), ALIASES ("administrador") },
  { "moderator", N_("Moderator"), ALIASES ("moderador") },
  { "member", N_("Member"), ALIASES ("miembro") },
  { "pending", N_("Pending"), ALIASES ("pendiente") },
};

const BzVocab bz_vocab_group_role = { "role", group_roles, G_N_ELEMENTS (group_roles) };

static const BzTerm circle_roles[] = {
  { "owner", N_("Owner"), ALIASES ("duenio", "propietario") },
  { "family_member", N_("Family member"), ALIASES ("familiar") },
  { "nutritionist", N_("Nutritionist"), ALIASES ("nutriologo", "nutriologa") },
  { "support_friend", N_("Support friend"), ALIASES ("amigo", "amiga") },
};

const BzVocab bz_vocab_circle_role = { "role", circle_roles, G_N_ELEMENTS (circle_roles) };

static const BzTerm paired_platforms[] = {
  { "android", N_("Android"), NULL },
  { "ios", N_("iOS"), ALIASES ("iphone", "ipados") },
  { "other", N_("Other"), ALIASES ("otro") },
};

const BzVocab bz_vocab_paired_platform = { "platform", paired_platforms, G_N_ELEMENTS (paired_platforms) };

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

/* --- Workouts (seed 000 story 4.1, issue 11): data/exercises/SOURCE.md ---------- */

/* The muscles an exercise works; the planner balances them in four groups
 * (bz_workout_muscle_group(), bz-workout-planner.h). */
static const BzTerm muscles[] = {
  { "chest", N_("Chest"), ALIASES ("pecho", "pectorales", "pectoral") },
  { "upper_back", N_("Upper back"), ALIASES ("espalda alta", "trapecio", "romboides") },
  { "lats", N_("Lats"), ALIASES ("dorsales", "dorsal", "latissimus") },
  { "lower_back", N_("Lower back"), ALIASES ("espalda baja", "lumbares", "zona lumbar") },
  { "shoulders", N_("Shoulders"), ALIASES ("hombros", "hombro", "deltoides") },
  { "biceps", N_("Biceps"), ALIASES ("bicep") },
  { "triceps", N_("Triceps"), ALIASES ("tricep") },
  { "forearms", N_("Forearms"), ALIASES ("antebrazos", "antebrazo") },
  { "abs", N_("Abdominals"), ALIASES ("abdomen", "abdominales", "core") },
  { "obliques", N_("Obliques"), ALIASES ("oblicuos") },
  { "glutes", N_("Glutes"), ALIASES ("gluteos", "gluteo") },
  { "quadriceps", N_("Quadriceps"), ALIASES ("cuadriceps", "quads") },
  { "hamstrings", N_("Hamstrings"), ALIASES ("isquiotibiales", "femorales") },
  { "calves", N_("Calves"), ALIASES ("pantorrillas", "pantorrilla", "gemelos") },
  { "hip_flexors", N_("Hip flexors"), ALIASES ("flexores de cadera", "psoas") },
  { "adductors", N_("Adductors"), ALIASES ("aductores") },
  { "abductors", N_("Abductors"), ALIASES ("abductores") },
};

const BzVocab bz_vocab_muscle = { "muscle", muscles, G_N_ELEMENTS (muscles) };

/* What an exercise needs.  The gym's machines (gym_machines.kind) are the
 * terms from "cable" on (bz_equipment_is_machine(), bz-exercise.h). */
static const BzTerm equipment[] = {
  { "bodyweight", N_("Body weight"), ALIASES ("peso corporal", "sin equipo", "none") },
  { "dumbbell", N_("Dumbbells"), ALIASES ("mancuerna", "mancuernas", "dumbbells") },
  { "barbell", N_("Barbell"), ALIASES ("barra", "barra olimpica") },
  { "kettlebell", N_("Kettlebell"), ALIASES ("pesa rusa", "kettlebells") },
  { "band", N_("Resistance band"), ALIASES ("liga", "ligas", "banda elastica", "bands") },
  { "bench", N_("Bench"), ALIASES ("banco") },
  { "pullup_bar", N_("Pull-up bar"), ALIASES ("barra de dominadas", "barra fija") },
  { "box", N_("Plyo box or step"), ALIASES ("cajon", "escalon", "step") },
  { "jump_rope", N_("Jump rope"), ALIASES ("cuerda", "cuerda para saltar") },
  { "medicine_ball", N_("Medicine ball"), ALIASES ("balon medicinal") },
  { "cable", N_("Cable station"), ALIASES ("polea", "poleas", "cable machine") },
  { "treadmill", N_("Treadmill"), ALIASES ("caminadora", "cinta") },
  { "stationary_bike", N_("Stationary bike"), ALIASES ("bicicleta fija", "bicicleta estatica") },
  { "rowing_machine", N_("Rowing machine"), ALIASES ("remo", "remadora") },
  { "elliptical", N_("Elliptical"), ALIASES ("eliptica") },
  { "stair_climber", N_("Stair climber"), ALIASES ("escaladora") },
  { "leg_press", N_("Leg press"), ALIASES ("prensa", "prensa de piernas") },
  { "smith_machine", N_("Smith machine"), ALIASES ("maquina smith", "smith") },
  { "lat_pulldown", N_("Lat pulldown"), ALIASES ("jalon al pecho", "polea alta") },
  { "seated_row_machine", N_("Seated row machine"), ALIASES ("maquina de remo") },
  { "chest_press_machine", N_("Chest press machine"), ALIASES ("press de pecho") },
  { "shoulder_press_machine", N_("Shoulder press machine"), ALIASES ("press de hombro") },
  { "pec_deck", N_("Pec deck"), ALIASES ("peck deck", "contractora") },
  { "leg_extension", N_("Leg extension machine"), ALIASES ("extension de piernas", "extensora") },
  { "leg_curl", N_("Leg curl machine"), ALIASES ("curl femoral", "femoral") },
  { "hip_abduction_machine", N_("Hip abduction/adduction machine"), ALIASES ("abductora", "aductora") },
  { "calf_raise_machine", N_("Calf raise machine"), ALIASES ("maquina de pantorrilla") },
};

const BzVocab bz_vocab_equipment = { "equipment", equipment, G_N_ELEMENTS (equipment) };

/* ACSM 2009's novice, intermediate and advanced trainees. */
static const BzTerm training_levels[] = {
  { "beginner", N_("Beginner"), ALIASES ("principiante", "novato", "novice") },
  { "intermediate", N_("Intermediate"), ALIASES ("intermedio") },
  { "advanced", N_("Advanced"), ALIASES ("avanzado") },
};

const BzVocab bz_vocab_training_level = { "level", training_levels, G_N_ELEMENTS (training_levels) };

static const BzTerm exercise_categories[] = {
  { "strength", N_("Strength"), ALIASES ("fuerza") },
  { "cardio", N_("Cardio"), ALIASES ("cardiovascular", "aerobico") },
  { "mobility", N_("Mobility"), ALIASES ("movilidad", "flexibilidad", "estiramiento") },
};

const BzVocab bz_vocab_exercise_category = { "category", exercise_categories, G_N_ELEMENTS (exercise_categories) };

/* What a workout plan trains for; the rows of ACSM 2009's prescriptions. */
static const BzTerm workout_goals[] = {
  { "strength", N_("Strength"), ALIASES ("fuerza") },
  { "hypertrophy", N_("Muscle gain"), ALIASES ("hipertrofia", "muscle_gain", "ganar musculo") },
  { "endurance", N_("Muscular endurance"), ALIASES ("resistencia") },
  { "weight_loss", N_("Weight loss"), ALIASES ("bajar de peso", "perdida de peso") },
  { "general_fitness", N_("General fitness"), ALIASES ("condicion general", "salud", "maintenance", "mantenimiento") },
};

const BzVocab bz_vocab_workout_goal = { "goal", workout_goals, G_N_ELEMENTS (workout_goals) };

/* A gym machine's state: the machine's heartbeats set the first three
 * (POST /api/machines/{id}/heartbeat, machine:status frames);
 * out_of_service is also the staff's "maintenance"; offline only the server
 * sets, when a machine misses its heartbeats (bz-machine-service.h). */
static const BzTerm machine_statuses[] = {
  { "available", N_("Available"), ALIASES ("disponible", "libre") },
  { "in_use", N_("In use"), ALIASES ("en uso", "ocupada", "ocupado") },
  { "out_of_service", N_("Out of service"), ALIASES ("fuera de servicio", "descompuesta", "maintenance", "mantenimiento") },
  { "offline", N_("Offline"), ALIASES ("desconectada", "sin conexion") },
};

const BzVocab bz_vocab_machine_status = { "status", machine_statuses, G_N_ELEMENTS (machine_statuses) };

/* Mexican household measures ("medidas caseras") of the SMAE (Pérez Lizaur
 * et al., Sistema Mexicano de Alimentos Equivalentes, 4th ed., 2014): the
 * SMAE's Spanish names are the ids.  The order is BzHouseholdMeasure's
 * (bz-household.h, which holds their volumes and SR28 weights). */
static const BzTerm household_measures[] = {
  { "tortilla", N_("Tortilla"), ALIASES ("tortillas") },
  { "pieza", N_("Piece"), ALIASES ("piezas", "piece", "pieces") },
  { "rebanada", N_("Slice"), ALIASES ("rebanadas", "slice", "slices") },
  { "taza", N_("Cup"), ALIASES ("tazas", "cup", "cups") },
  { "cucharada", N_("Tablespoon"), ALIASES ("cucharadas", "tablespoon", "tbsp") },
  { "cucharadita", N_("Teaspoon"), ALIASES ("cucharaditas", "teaspoon", "tsp") },
};

const BzVocab bz_vocab_household_measure = { "measure", household_measures, G_N_ELEMENTS (household_measures) };
