/* bz-demo.c — the demo clinic: one nutritionist, 24 members built on real
 * NHANES adults; paciente01 follows a weekly meal plan from the catalogue
 * and has five scans over eight months (the kiosk's progress showcase). */
#include "bz-demo.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <math.h>

#include "bz-auth-service.h"
#include "bz-body-model.h"
#include "bz-meal-plan-service.h"
#include "bz-meal-service.h"
#include "bz-patient-service.h"
#include "bz-recipe-service.h"
#include "bz-scan-service.h"
#include "bz-social-service.h"
#include "bz-workout-service.h"
#include "bz-jobs.h"
#include "bz-store.h"
#include "bz-user-repo.h"
#include "config.h"

#define DEMO_SEED 20261121

/* One NHANES 2017–March 2020 adult (data/nhanes/ CSV columns BMXWT, BMXHT,
 * BMXARML, BMXLEG, BMXARMC, BMXHIP, BMXWAIST). */
typedef struct
{
  double weight_kg, height_cm, arm_cm, hip_cm, waist_cm;
} NhanesAdult;

static const char *female_names[][2] = {
  { "María", "Hernández" }, { "Guadalupe", "García" }, { "Sofía", "Martínez" }, { "Fernanda", "López" },
  { "Valeria", "González" }, { "Ximena", "Pérez" }, { "Daniela", "Rodríguez" }, { "Lucía", "Sánchez" },
  { "Regina", "Ramírez" }, { "Camila", "Cruz" }, { "Paola", "Flores" }, { "Andrea", "Gómez" },
};
static const char *male_names[][2] = {
  { "José", "Morales" }, { "Juan", "Vázquez" }, { "Luis", "Jiménez" }, { "Carlos", "Reyes" },
  { "Miguel", "Díaz" }, { "Jorge", "Torres" }, { "Alejandro", "Gutiérrez" }, { "Diego", "Ruiz" },
  { "Ricardo", "Mendoza" }, { "Fernando", "Aguilar" }, { "Eduardo", "Ortiz" }, { "Roberto", "Castillo" },
};

/* USDA SR28 foods for demo meals, with typical portions (g). */
typedef struct { const char *ndb_no; double grams; } Portion;
static const Portion breakfasts[][3] = {
  { { "01123", 100 }, { "18363", 60 }, { "09200", 130 } },       /* eggs, corn tortillas, orange */
  { { "08121", 234 }, { "09040", 118 }, { "01077", 244 } },      /* oatmeal, banana, milk */
  { { "01117", 170 }, { "09226", 140 }, { "12061", 28 } },       /* yogurt, papaya, almonds */
};
static const Portion lunches[][3] = {
  { { "05064", 140 }, { "20045", 158 }, { "11090", 91 } },       /* chicken breast, rice, broccoli */
  { { "16043", 171 }, { "18363", 90 }, { "09037", 75 } },        /* pinto beans, tortillas, avocado */
  { { "15076", 150 }, { "20137", 185 }, { "11529", 123 } },      /* salmon, quinoa, tomato */
};
static const Portion dinners[][3] = {
  { { "15121", 120 }, { "18069", 50 }, { "11205", 100 } },       /* tuna, bread, cucumber */
  { { "16015", 172 }, { "20045", 100 }, { "11124", 61 } },       /* black beans, rice, carrot */
  { { "01123", 50 }, { "18363", 60 }, { "09003", 182 } },        /* egg, tortillas, apple */
};

gboolean
bz_demo_exists (BzServices *svc)
{
  gboolean any = FALSE;
  return bz_user_repo_has_any (bz_services_get_store (svc), &any, NULL) && any;
}

static GArray *
read_nhanes (const char *path, GError **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *out;

  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;
  out = g_array_new (FALSE, FALSE, sizeof (NhanesAdult));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      NhanesAdult a;
      double arml, leg;
      if (lines[i][0] == '#' || lines[i][0] == '"' || lines[i][0] == '\0')
        continue;
      if (sscanf (lines[i], "%lf,%lf,%lf,%lf,%lf,%lf,%lf", &a.weight_kg, &a.height_cm, &arml, &leg,
                  &a.arm_cm, &a.hip_cm, &a.waist_cm) == 7)
        g_array_append_val (out, a);
    }
  return out;
}

/* A small solid-colour JPEG standing in for a meal photo. */
static GBytes *
demo_photo (guint32 rgba)
{
  g_autoptr(GdkPixbuf) pb = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 320, 240);
  char *buf = NULL;
  gsize len = 0;
  gdk_pixbuf_fill (pb, rgba);
  if (!gdk_pixbuf_save_to_buffer (pb, &buf, &len, "jpeg", NULL, "quality", "80", NULL))
    return NULL;
  return g_bytes_new_take (buf, len);
}

static JsonArray *
portions_json (const Portion *p, double scale)
{
  JsonArray *a = json_array_new ();
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *o = json_object_new ();
      json_object_set_string_member (o, "ndb_no", p[i].ndb_no);
      json_object_set_double_member (o, "grams", round (p[i].grams * scale));
      json_array_add_object_element (a, o);
    }
  return a;
}

static gboolean
create_nutritionist (BzServices *svc, char **out_user_id, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(JsonObject) extra = json_object_new ();

  /* bz_auth_create_user() also writes the nutritionists row from these. */
  json_object_set_string_member (extra, "professional_license", "DEMO-12345678");
  json_object_set_string_member (extra, "clinic_name", "Clínica Balanza (demo)");
  if (!bz_store_begin (store, error))
    return FALSE;
  *out_user_id = bz_auth_create_user (svc, BZ_DEMO_NUTRITIONIST_EMAIL, BZ_DEMO_PASSWORD, "Ana", "Rivera",
                                      BZ_ROLE_NUTRITIONIST, extra, error);
  if (*out_user_id == NULL || !bz_store_commit (store, error))
    {
      bz_store_rollback (store);
      g_clear_pointer (out_user_id, g_free);
      return FALSE;
    }
  return TRUE;
}

/* Body fat from BMI after Deurenberg P, Weststrate JA, Seidell JC, "Body mass index as a
 * measure of body fatness: age- and sex-specific prediction formulas", Br J Nutr
 * 1991;65:105-14: BF% = 1.20·BMI + 0.23·age − 10.8·sex − 5.4 (sex = 1 men, 0 women). */
static double
deurenberg_body_fat (double bmi, double age, gboolean male)
{
  return CLAMP (1.20 * bmi + 0.23 * age - 10.8 * (male ? 1 : 0) - 5.4, 5.0, 60.0);
}

/* Skeletal muscle mass ≈ 50 % (men) / 45 % (women) of fat-free mass: Janssen I et al.,
 * "Skeletal muscle mass and distribution in 468 men and women aged 18–88 yr",
 * J Appl Physiol 2000;89:81-8 (SM ≈ 38 % / 31 % of body mass at ~20 % / ~30 % fat). */
static double
skeletal_muscle (double weight, double body_fat, gboolean male)
{
  return weight * (1.0 - body_fat / 100.0) * (male ? 0.50 : 0.45);
}

/* One scan of @a after @progress (0..1) of six months toward @goal:
 * weight loss: −6 % weight, body fat re-estimated from the new BMI, waist −5 cm;
 * muscle gain: +3 % weight as skeletal muscle, body fat −2 points, waist −1 cm;
 * maintenance: within ±0.5 %.  @jitter (≈1) varies the pace between members. */
static JsonObject *
scan_input (const char *patient_id, GDateTime *when, gboolean male, int age, const NhanesAdult *a,
            const char *goal, double progress, double jitter)
{
  JsonObject *o = json_object_new ();
  JsonObject *c = json_object_new ();
  g_autofree char *ts = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
  double h = a->height_cm / 100.0;
  double base_bf = deurenberg_body_fat (a->weight_kg / (h * h), age, male);
  double base_smm = skeletal_muscle (a->weight_kg, base_bf, male);
  double weight, bf, smm, waist_change;

  if (g_strcmp0 (goal, "weight_loss") == 0)
    {
      weight = a->weight_kg * (1.0 - 0.06 * progress * jitter);
      bf = deurenberg_body_fat (weight / (h * h), age, male);
      smm = base_smm - 0.4 * progress;
      waist_change = -5.0 * progress * jitter;
    }
  else if (g_strcmp0 (goal, "muscle_gain") == 0)
    {
      double gained = a->weight_kg * 0.03 * progress * jitter;
      weight = a->weight_kg + gained;
      smm = base_smm + gained * 0.8;
      bf = base_bf - 2.0 * progress * jitter;
      waist_change = -1.0 * progress;
    }
  else
    {
      weight = a->weight_kg * (1.0 + 0.005 * (jitter - 1.0) * 2.0 * progress);
      bf = base_bf;
      smm = base_smm;
      waist_change = 0.0;
    }

  json_object_set_string_member (o, "patient_id", patient_id);
  json_object_set_string_member (o, "measured_at", ts);
  json_object_set_string_member (o, "sex", male ? "male" : "female");
  json_object_set_int_member (o, "age", age);
  json_object_set_double_member (o, "height_cm", a->height_cm);
  json_object_set_double_member (o, "weight_kg", round (weight * 10) / 10);
  json_object_set_double_member (o, "body_fat_percent", round (bf * 10) / 10);
  json_object_set_double_member (o, "skeletal_muscle_mass_kg", round (smm * 10) / 10);
  json_object_set_double_member (c, "waist", round ((a->waist_cm + waist_change) * 10) / 10);
  /* Hip follows waist at about half the change; arm follows weight. */
  json_object_set_double_member (c, "hip", round ((a->hip_cm + waist_change * 0.5) * 10) / 10);
  json_object_set_double_member (c, "arm", round (a->arm_cm * weight / a->weight_kg * 10) / 10);
  json_object_set_object_member (o, "circumferences_cm", c);
  return o;
}

/* paciente01's progress, the kiosk's showcase (issue 8: the morph between
 * scans and the change as colour): eight months of training and diet in
 * five scans, a recomposition that loses at the trunk and gains on the
 * limbs.  Per scan, the fraction of the whole change made by then. */
static const int showcase_days_ago[] = { 240, 180, 120, 60, 5 };
static const double showcase_progress[] = { 0.0, 0.3, 0.55, 0.8, 1.0 };

/* One showcase scan of @a after @progress (0..1): weight −5 %, body fat
 * −6 points, skeletal muscle +1.5 kg; waist −9 cm, hip −4 cm, chest −2 cm;
 * arm +2 cm, thigh +3 cm, calf +1 cm (about what 6–8 months of
 * resistance training with a moderate deficit does in published trials,
 * e.g. Hunter GR et al., Obesity 2008;16:1045-51; illustrative, not data).
 * Chest, thigh, calf and neck start from the body model's estimates for
 * @a (bz_body_measurements_complete()): the NHANES extract has none. */
static JsonObject *
showcase_scan (const char *patient_id, GDateTime *when, gboolean male, int age, const NhanesAdult *a,
               double progress)
{
  JsonObject *o = json_object_new ();
  JsonObject *c = json_object_new ();
  g_autofree char *ts = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
  double h = a->height_cm / 100.0;
  double bf0 = deurenberg_body_fat (a->weight_kg / (h * h), age, male);
  BzBodyMeasurements base = { 0 };
  const struct { const char *name; double start, change; } circ[] = {
    { "waist", a->waist_cm, -9.0 }, { "hip", a->hip_cm, -4.0 }, { "chest", 0, -2.0 },
    { "arm", a->arm_cm, 2.0 }, { "thigh", 0, 3.0 }, { "calf", 0, 1.0 }, { "neck", 0, -0.5 },
  };

  base.sex = male ? BZ_SEX_MALE : BZ_SEX_FEMALE;
  base.age_years = age;
  base.height_cm = a->height_cm;
  base.weight_kg = a->weight_kg;
  base.body_fat_percent = bf0;
  base.waist_cm = a->waist_cm;
  base.hip_cm = a->hip_cm;
  base.arm_cm = a->arm_cm;
  bz_body_measurements_complete (&base);

  json_object_set_string_member (o, "patient_id", patient_id);
  json_object_set_string_member (o, "measured_at", ts);
  json_object_set_string_member (o, "sex", male ? "male" : "female");
  json_object_set_int_member (o, "age", age);
  json_object_set_double_member (o, "height_cm", a->height_cm);
  json_object_set_double_member (o, "weight_kg", round (a->weight_kg * (1.0 - 0.05 * progress) * 10) / 10);
  json_object_set_double_member (o, "body_fat_percent", round ((bf0 - 6.0 * progress) * 10) / 10);
  json_object_set_double_member (o, "skeletal_muscle_mass_kg",
                                 round ((skeletal_muscle (a->weight_kg, bf0, male) + 1.5 * progress) * 10) / 10);
  for (guint k = 0; k < G_N_ELEMENTS (circ); k++)
    {
      double start = circ[k].start;
      if (start == 0)
        start = g_str_equal (circ[k].name, "chest") ? base.chest_cm
              : g_str_equal (circ[k].name, "thigh") ? base.thigh_cm
              : g_str_equal (circ[k].name, "calf") ? base.calf_cm : base.neck_cm;
      json_object_set_double_member (c, circ[k].name, round ((start + circ[k].change * progress) * 10) / 10);
    }
  json_object_set_object_member (o, "circumferences_cm", c);
  return o;
}

/* A clinic's goals follow BMI (WHO cut-offs): overweight members work on weight
 * loss; lean ones on muscle gain; the rest on maintenance. */
static const char *
goal_for (const NhanesAdult *a)
{
  double h = a->height_cm / 100.0, bmi = a->weight_kg / (h * h);
  return bmi >= 25.0 ? "weight_loss" : bmi < 22.0 ? "muscle_gain" : "maintenance";
}

/* The demo's weekly plan: each default slot (seed 004's breakfast, lunch,
 * dinner, snack) takes the catalogue's recipes of its meal type in turn. */
static const struct { const char *slot, *meal_type; } plan_slots[] = {
  { "breakfast", "desayuno" }, { "lunch", "comida" }, { "dinner", "cena" }, { "snack", "colacion" },
};

/* A finalized 7-day plan for @patient_id from the catalogue (data/recipes),
 * built through the meal plan service as a nutritionist would: from two days
 * ago, so the job runner makes it active at once (day 3 today) and the last three days of
 * demo meals sit next to their planned days.  Without the catalogue (a
 * store that has not loaded it) there is no plan. */
static gboolean
create_plan (BzServices *svc, const BzCaller *nutritionist, const char *patient_id, GDateTime *now, GError **error)
{
  /* Per slot: the recipe ids (GPtrArray of char *). */
  g_autoptr(GPtrArray) by_slot = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GDateTime) start = g_date_time_add_days (now, -2);
  g_autofree char *plan_date = g_date_time_format (start, "%Y-%m-%d");
  g_autoptr(JsonObject) in = json_object_new ();
  g_autoptr(JsonObject) fin = json_object_new ();
  g_autoptr(BzRecord) draft = NULL, plan = NULL;
  const char *draft_id;

  for (guint s = 0; s < G_N_ELEMENTS (plan_slots); s++)
    {
      BzRecipeQuery query = BZ_RECIPE_QUERY_INIT;
      g_autoptr(BzRecord) list = NULL;

      query.meal_type = plan_slots[s].meal_type;
      query.limit = 7;
      if (!(list = bz_recipes_find (svc, nutritionist, &query, error)))
        return FALSE;
      GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (by_slot, ids);
      for (guint i = 0; i < bz_record_get_n_items (list, BZ_RECIPE_LIST_RECIPES); i++)
        g_ptr_array_add (ids, g_strdup (bz_record_get_string (bz_record_get_item (list, BZ_RECIPE_LIST_RECIPES, i),
                                                                     BZ_RECIPE_ID)));
      if (ids->len == 0)
        {
          g_message ("Demo clinic: no %s recipe in the catalogue; no meal plan", plan_slots[s].meal_type);
          return TRUE;
        }
    }

  json_object_set_string_member (in, "clientId", patient_id);
  json_object_set_string_member (in, "planDate", plan_date);
  json_object_set_int_member (in, "durationDays", 7);
  if (!(draft = bz_meal_plans_create (svc, nutritionist, in, error)))
    return FALSE;
  draft_id = bz_record_get_string (draft, BZ_MEAL_PLAN_DRAFT_DRAFT_ID);
  for (int day = 1; day <= 7; day++)
    for (guint s = 0; s < G_N_ELEMENTS (plan_slots); s++)
      {
        g_autoptr(JsonObject) add = json_object_new ();
        JsonObject *ref = json_object_new ();
        g_autoptr(BzRecord) changed = NULL;

        GPtrArray *ids = g_ptr_array_index (by_slot, s);
        json_object_set_string_member (ref, "id", g_ptr_array_index (ids, (guint) (day - 1) % ids->len));
        json_object_set_string_member (ref, "provider", "balanza");
        json_object_set_string_member (add, "draftId", draft_id);
        json_object_set_int_member (add, "day", day);
        json_object_set_string_member (add, "mealName", plan_slots[s].slot);
        json_object_set_object_member (add, "recipe", ref);
        if (!(changed = bz_meal_plans_add_recipe (svc, nutritionist, add, error)))
          return FALSE;
      }
  json_object_set_string_member (fin, "draftId", draft_id);
  json_object_set_string_member (fin, "planName", "Plan semanal (demo)");   /* data, as the names above */
  plan = bz_meal_plans_finalize (svc, nutritionist, fin, error);
  return plan != NULL;
}

/* The social layer (issue 10): paciente01 (owner) and paciente02 in a family
 * circle with the nutritionist, a few posts, reactions and comments, and one
 * public post so that a new user's feed is not empty. */
static gboolean
create_social (BzServices *svc, const char *nutritionist_id, const char *const user_ids[2], GError **error)
{
  g_autoptr(BzCaller) owner = bz_caller_new (user_ids[0], BZ_ROLE_PATIENT, NULL);
  g_autoptr(BzCaller) member = bz_caller_new (user_ids[1], BZ_ROLE_PATIENT, NULL);
  g_autoptr(BzCaller) nutritionist = bz_caller_new (nutritionist_id, BZ_ROLE_NUTRITIONIST, NULL);
  g_autoptr(BzRecord) circle = NULL, joined = NULL;
  g_autoptr(JsonObject) in = NULL, join = json_object_new ();
  /* Demo data, like the names above: Spanish as a Mexican clinic writes it. */
  static const struct { int author; gboolean circle; const char *type, *body; } posts[] = {
    { 0, TRUE, "progress", "¡Bajé 2 kg este mes! Gracias por el apoyo en casa." },
    { 1, TRUE, "text", "Hoy cenamos nopales asados con queso fresco. ¡Nos encantó!" },
    { 0, FALSE, "question", "¿Qué colaciones llevan al trabajo? Busco ideas sin azúcar añadida." },
  };
  JsonArray *goals = json_array_new ();
  const char *circle_id, *code;

  in = json_object_new ();
  json_object_set_string_member (in, "name", "Familia Hernández");
  json_array_add_string_element (goals, "Caminar 30 minutos juntos, cinco días a la semana");
  json_array_add_string_element (goals, "Agua natural en vez de refresco en la comida");
  json_object_set_array_member (in, "family_goals", goals);
  if (!(circle = bz_social_create_circle (svc, owner, in, error)))
    return FALSE;
  circle_id = bz_record_get_string (circle, BZ_FAMILY_CIRCLE_ID);
  code = bz_record_get_string (circle, BZ_FAMILY_CIRCLE_INVITE_CODE);
  json_object_set_string_member (join, "invite_code", code);
  json_object_set_string_member (join, "relationship", "esposo");
  if (!(joined = bz_social_join_circle (svc, member, circle_id, join, error)))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    {
      g_autoptr(JsonObject) p = json_object_new ();
      g_autoptr(JsonObject) reaction = json_object_new ();
      g_autoptr(JsonObject) comment = json_object_new ();
      g_autoptr(BzRecord) created = NULL, reacted = NULL, commented = NULL;
      const char *post_id;

      json_object_set_string_member (p, "type", posts[i].type);
      json_object_set_string_member (p, "body", posts[i].body);
      if (posts[i].circle)
        json_object_set_string_member (p, "family_circle_id", circle_id);
      if (!(created = bz_social_create_post (svc, posts[i].author ? member : owner, p, NULL, error)))
        return FALSE;
      post_id = bz_record_get_string (bz_record_get_object (created, BZ_POST_CREATED_POST), BZ_POST_ID);
      json_object_set_string_member (reaction, "reaction_type", i == 0 ? "celebrate" : "heart");
      if (!(reacted = bz_social_react (svc, posts[i].author ? owner : member, post_id, reaction, error)))
        return FALSE;
      json_object_set_string_member (comment, "content", i == 0 ? "¡Muy bien! Sigue así con las caminatas."
                                                                : "Anótalo en tu registro para la consulta.");
      if (!(commented = bz_social_add_comment (svc, nutritionist, post_id, comment, error)))
        return FALSE;
    }
  return TRUE;
}

gboolean
bz_demo_create (BzServices *svc, const char *nhanes_dir, GError **error)
{
  g_autofree char *dir = nhanes_dir ? g_strdup (nhanes_dir) : g_build_filename (BZ_SOURCE_DIR, "data", "nhanes", NULL);
  g_autofree char *fpath = g_build_filename (dir, "nhanes_adult_female_bmx_2020.csv", NULL);
  g_autofree char *mpath = g_build_filename (dir, "nhanes_adult_male_bmx_2020.csv", NULL);
  g_autoptr(GArray) women = NULL, men = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEMO_SEED);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *nutritionist_id = NULL;
  g_autoptr(BzCaller) nutritionist = NULL;
  g_autoptr(GPtrArray) member_ids = g_ptr_array_new_with_free_func (g_free);
  static const guint32 meal_colours[] = { 0xF2C14EFF, 0x7FB069FF, 0xD36135FF };
  g_autofree char *social_owner = NULL, *social_member = NULL;

  if (!(women = read_nhanes (fpath, error)) || !(men = read_nhanes (mpath, error)))
    return FALSE;
  if (!create_nutritionist (svc, &nutritionist_id, error))
    return FALSE;
  nutritionist = bz_caller_new (nutritionist_id, BZ_ROLE_NUTRITIONIST, BZ_DEMO_NUTRITIONIST_EMAIL);

  for (guint i = 0; i < BZ_DEMO_MEMBERS; i++)
    {
      gboolean male = i % 2 == 1;
      GArray *pool = male ? men : women;
      const NhanesAdult *a = &g_array_index (pool, NhanesAdult, g_rand_int_range (rand, 0, pool->len));
      const char *const *name = male ? male_names[i / 2] : female_names[i / 2];
      const char *goal = goal_for (a);
      int age = g_rand_int_range (rand, 21, 66);
      g_autofree char *email = g_strdup_printf ("paciente%02u@balanza.local", i + 1);
      g_autoptr(JsonObject) in = json_object_new ();
      g_autoptr(BzRecord) created = NULL;
      const char *patient_id;

      json_object_set_string_member (in, "email", email);
      json_object_set_string_member (in, "password", BZ_DEMO_PASSWORD);
      json_object_set_string_member (in, "first_name", name[0]);
      json_object_set_string_member (in, "last_name", name[1]);
      json_object_set_string_member (in, "gender", male ? "male" : "female");
      json_object_set_string_member (in, "primary_goal", goal);
      if (g_str_equal (goal, "weight_loss"))
        {
          /* Target: 10 % less, not below BMI 24.9. */
          double h = a->height_cm / 100.0;
          json_object_set_double_member (in, "target_weight_kg", round (MAX (a->weight_kg * 0.9, 24.9 * h * h)));
        }
      created = bz_patients_add (svc, nutritionist, in, NULL, error);
      if (created == NULL)
        return FALSE;
      patient_id = bz_record_get_string (bz_record_get_object (created, BZ_PATIENT_CREATION_PATIENT),
                                         BZ_PATIENT_CREATED_ID);
      g_ptr_array_add (member_ids, g_strdup (bz_record_get_string (bz_record_get_object (created, BZ_PATIENT_CREATION_PATIENT),
                                                                   BZ_PATIENT_CREATED_USER_ID)));
      if (i < 2)
        *(i == 0 ? &social_owner : &social_member) =
          g_strdup (bz_record_get_string (bz_record_get_object (created, BZ_PATIENT_CREATION_PATIENT),
                                          BZ_PATIENT_CREATED_USER_ID));

      /* Three scans: 180, 90 and 5 days ago, at one pace per member;
       * paciente01 (the kiosk's showcase) has five over eight months. */
      double jitter = g_rand_double_range (rand, 0.7, 1.3);
      for (guint s = 0; i == 0 && s < G_N_ELEMENTS (showcase_days_ago); s++)
        {
          g_autoptr(GDateTime) when = g_date_time_add_days (now, -showcase_days_ago[s]);
          g_autoptr(GDateTime) when_utc = g_date_time_to_utc (when);
          g_autoptr(JsonObject) scan = showcase_scan (patient_id, when_utc, male,
                                                      age - (showcase_days_ago[s] > 120 ? 1 : 0), a,
                                                      showcase_progress[s]);
          g_autoptr(BzRecord) res = bz_scans_add (svc, nutritionist, scan, error);
          if (res == NULL)
            return FALSE;
        }
      for (guint s = 0; i != 0 && s < 3; s++)
        {
          static const int days_ago[] = { 180, 90, 5 };
          static const double progress[] = { 0.0, 0.55, 1.0 };
          g_autoptr(GDateTime) when = g_date_time_add_days (now, -days_ago[s]);
          g_autoptr(GDateTime) when_utc = g_date_time_to_utc (when);
          g_autoptr(JsonObject) scan = scan_input (patient_id, when_utc, male, age - (days_ago[s] > 120 ? 1 : 0), a,
                                                   goal, progress[s], jitter);
          g_autoptr(BzRecord) res = NULL;

          res = bz_scans_add (svc, nutritionist, scan, error);
          if (res == NULL)
            return FALSE;
        }

      /* Meals for the last three days, including today's breakfast and lunch. */
      for (int d = 2; d >= 0; d--)
        for (guint m = 0; m < 3; m++)
          {
            static const char *types[] = { "breakfast", "lunch", "dinner" };
            static const int hours[] = { 8, 14, 20 };
            const Portion *p = m == 0 ? breakfasts[(i + d) % 3] : m == 1 ? lunches[(i + d) % 3] : dinners[(i + d) % 3];
            g_autoptr(GDateTime) day = g_date_time_add_days (now, -d);
            g_autoptr(GDateTime) when = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                               g_date_time_get_day_of_month (day), hours[m], 0, 0);
            g_autoptr(JsonArray) items = portions_json (p, male ? 1.2 : 1.0);
            g_autoptr(GBytes) photo = NULL;
            g_auto(BzPhoto) prepared = { 0 };
            g_autofree char *meal_id = NULL;

            /* today: the meals whose hour has come; breakfast always,
             * a minute ago when it is not yet 8:00, so a desk opened
             * after midnight shows a meal of today */
            if (d == 0 && g_date_time_compare (when, now) > 0)
              {
                if (m > 0)
                  continue;
                g_clear_pointer (&when, g_date_time_unref);
                when = g_date_time_add_minutes (now, -1);
              }
            photo = demo_photo (meal_colours[m]);
            if (!bz_photo_prepare (photo, "image", &prepared, error))
              return FALSE;
            meal_id = bz_meals_record (svc, patient_id, types[m], when, &prepared, items, "demo",
                                       nutritionist_id, error);
            if (meal_id == NULL)
              return FALSE;
          }

      /* paciente01 follows a meal plan: the desk, the kiosk and the phone
       * show it out of the box. */
      if (i == 0 && !create_plan (svc, nutritionist, patient_id, now, error))
        return FALSE;
      /* ...and a workout plan, 3 days a week at the demo gym (issue 11). */
      if (i == 0)
        {
          g_autoptr(JsonObject) body = json_object_new ();
          g_autoptr(BzRecord) workout = NULL;
          json_object_set_string_member (body, "patientId", patient_id);
          json_object_set_int_member (body, "daysPerWeek", 3);
          if (!bz_workouts_add_demo_machines (svc, error) ||
              !(workout = bz_workouts_generate_plan (svc, nutritionist, body, error)))
            return FALSE;
        }
    }
  if (!bz_demo_create_challenges (svc, nutritionist, member_ids, error))
    return FALSE;
  return create_social (svc, nutritionist_id, (const char *const[]) { social_owner, social_member }, error);
}
