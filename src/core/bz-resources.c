/* bz-resources.c — the tables of bz-resources.h. */
#include "bz-resources.h"

BZ_RESOURCE_DEFINE (bz_nutrients, NUTRIENTS, "Nutrients", "Macronutrient panel (USDA SR28 nutrients)", BZ_NUTRIENTS_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_item, MEAL_ITEM, "MealItem", "One food of a meal", BZ_MEAL_ITEM_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal, MEAL, "Meal", "A logged meal (seed 000 story 4.3)", BZ_MEAL_FIELDS)
BZ_RESOURCE_DEFINE (bz_targets_basis, TARGETS_BASIS, "TargetsBasis", "What the day's targets rest on", BZ_TARGETS_BASIS_FIELDS)
BZ_RESOURCE_DEFINE (bz_daily_intake, DAILY_INTAKE, "DailyIntake", "A day's intake against its targets", BZ_DAILY_INTAKE_FIELDS)
BZ_RESOURCE_DEFINE (bz_pagination, PAGINATION, "Pagination", "A page of a list (seed 002 section 4.1)", BZ_PAGINATION_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_history, MEAL_HISTORY, "MealHistory", "A page of meals", BZ_MEAL_HISTORY_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_update, MEAL_UPDATE, "MealUpdate", "Changes to a meal", BZ_MEAL_UPDATE_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_reuse, MEAL_REUSE, "MealReuse", "A meal of one's history, logged again", BZ_MEAL_REUSE_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_deleted, MEAL_DELETED, "MealDeleted", "A meal that was deleted", BZ_MEAL_DELETED_FIELDS)
BZ_RESOURCE_DEFINE (bz_detected_food, DETECTED_FOOD, "DetectedFood", "A food seen on a meal photo", BZ_DETECTED_FOOD_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_proposal, MEAL_PROPOSAL, "MealProposal", "An earlier meal proposed for a new photo", BZ_MEAL_PROPOSAL_FIELDS)
BZ_RESOURCE_DEFINE (bz_detection, DETECTION, "MealDetection", "What meal detection found", BZ_DETECTION_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_upload, MEAL_UPLOAD, "MealUpload", "A stored meal photo", BZ_MEAL_UPLOAD_FIELDS)

BZ_RESOURCE_DEFINE (bz_health, HEALTH, "Health", "Liveness", BZ_HEALTH_FIELDS)
BZ_RESOURCE_DEFINE (bz_readiness, READINESS, "Readiness", "Database open and foods imported", BZ_READINESS_FIELDS)
BZ_RESOURCE_DEFINE (bz_user, USER, "User", "An account (seed 002 section 4.2)", BZ_USER_FIELDS)
BZ_RESOURCE_DEFINE (bz_session, SESSION, "Session", "Tokens of a sign-in and whose they are", BZ_SESSION_FIELDS)
BZ_RESOURCE_DEFINE (bz_token_pair, TOKEN_PAIR, "TokenPair", "A rotated refresh token and a new access token", BZ_TOKEN_PAIR_FIELDS)
BZ_RESOURCE_DEFINE (bz_patient_summary, PATIENT_SUMMARY, "PatientSummary", "A patient in the nutritionist's list", BZ_PATIENT_SUMMARY_FIELDS)
BZ_RESOURCE_DEFINE (bz_patient_list, PATIENT_LIST, "PatientList", "A page of patients", BZ_PATIENT_LIST_FIELDS)
BZ_RESOURCE_DEFINE (bz_patient_created, PATIENT_CREATED, "PatientCreated", "A new patient and account", BZ_PATIENT_CREATED_FIELDS)
BZ_RESOURCE_DEFINE (bz_patient_creation, PATIENT_CREATION, "PatientCreation", "POST /nutritionist/patients", BZ_PATIENT_CREATION_FIELDS)
BZ_RESOURCE_DEFINE (bz_circumferences, CIRCUMFERENCES, "Circumferences", "Body circumferences, only those measured", BZ_CIRCUMFERENCES_FIELDS)
BZ_RESOURCE_DEFINE (bz_metrics, METRICS, "Metrics", "A scan's main measurements", BZ_METRICS_FIELDS)
BZ_RESOURCE_DEFINE (bz_patient_info, PATIENT_INFO, "PatientInfo", "Who the patient is", BZ_PATIENT_INFO_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_plan_summary, MEAL_PLAN_SUMMARY, "MealPlanSummary", "A patient's current meal plan", BZ_MEAL_PLAN_SUMMARY_FIELDS)
BZ_RESOURCE_DEFINE (bz_patient_file, PATIENT_FILE, "PatientFile", "A patient's record with progress", BZ_PATIENT_FILE_FIELDS)
BZ_RESOURCE_DEFINE (bz_patient_file_envelope, PATIENT_FILE_ENVELOPE, "PatientFileEnvelope", "GET /nutritionist/patients/{id}", BZ_PATIENT_FILE_ENVELOPE_FIELDS)
BZ_RESOURCE_DEFINE (bz_avatar, AVATAR, "Avatar", "A scan's 3D avatar", BZ_AVATAR_FIELDS)
BZ_RESOURCE_DEFINE (bz_scan, SCAN, "Scan", "An InBody-style body-composition scan", BZ_SCAN_FIELDS)
BZ_RESOURCE_DEFINE (bz_circumferences_update, CIRCUMFERENCES_UPDATE, "CircumferencesUpdate", "Circumferences to rectify: a member null removes it", BZ_CIRCUMFERENCES_UPDATE_FIELDS)
BZ_RESOURCE_DEFINE (bz_scan_update, SCAN_UPDATE, "ScanUpdate", "A scan's rectification: the members given change (JSON Merge Patch)", BZ_SCAN_UPDATE_FIELDS)
BZ_RESOURCE_DEFINE (bz_scan_list, SCAN_LIST, "ScanList", "A patient's scans", BZ_SCAN_LIST_FIELDS)
BZ_RESOURCE_DEFINE (bz_scan_upload, SCAN_UPLOAD, "ScanUpload", "A stored scan and its avatar", BZ_SCAN_UPLOAD_FIELDS)
BZ_RESOURCE_DEFINE (bz_food_summary, FOOD_SUMMARY, "FoodSummary", "A search hit, values per 100 g", BZ_FOOD_SUMMARY_FIELDS)
BZ_RESOURCE_DEFINE (bz_food_list, FOOD_LIST, "FoodList", "A page of foods", BZ_FOOD_LIST_FIELDS)
BZ_RESOURCE_DEFINE (bz_food_group, FOOD_GROUP, "FoodGroup", "SR28 food group", BZ_FOOD_GROUP_FIELDS)
BZ_RESOURCE_DEFINE (bz_food_nutrient, FOOD_NUTRIENT, "FoodNutrient", "One SR28 nutrient value", BZ_FOOD_NUTRIENT_FIELDS)
BZ_RESOURCE_DEFINE (bz_food_portion, FOOD_PORTION, "FoodPortion", "SR28 household weight", BZ_FOOD_PORTION_FIELDS)
BZ_RESOURCE_DEFINE (bz_food, FOOD, "Food", "A USDA SR28 food", BZ_FOOD_FIELDS)
BZ_RESOURCE_DEFINE (bz_food_envelope, FOOD_ENVELOPE, "FoodEnvelope", "GET /foods/{ndb_no}", BZ_FOOD_ENVELOPE_FIELDS)

BZ_RESOURCE_DEFINE (bz_login_input, LOGIN_INPUT, "Login", "Sign-in credentials", BZ_LOGIN_INPUT_FIELDS)
BZ_RESOURCE_DEFINE (bz_refresh_input, REFRESH_INPUT, "Refresh", "A refresh token", BZ_REFRESH_INPUT_FIELDS)
BZ_RESOURCE_DEFINE (bz_password_change_input, PASSWORD_CHANGE_INPUT, "PasswordChange", "The current and the new password", BZ_PASSWORD_CHANGE_INPUT_FIELDS)
BZ_RESOURCE_DEFINE (bz_register_input, REGISTER_INPUT, "Registration", "A new account (seed 002 section 4.2)", BZ_REGISTER_INPUT_FIELDS)
BZ_RESOURCE_DEFINE (bz_patient_input, PATIENT_INPUT, "NewPatient", "A patient added by a nutritionist", BZ_PATIENT_INPUT_FIELDS)
BZ_RESOURCE_DEFINE (bz_patient_update, PATIENT_UPDATE, "PatientUpdate", "Changes to a patient", BZ_PATIENT_UPDATE_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_form, MEAL_FORM, "MealPhoto", "A meal photo upload (multipart/form-data)", BZ_MEAL_FORM_FIELDS)

BzRecord *
bz_pagination_new (guint page, guint limit, gint64 total)
{
  BzRecord *p = bz_record_new (&bz_pagination_resource);
  gint64 total_pages = limit ? (total + limit - 1) / limit : 0;

  bz_record_set_int (p, BZ_PAGINATION_CURRENT_PAGE, page);
  bz_record_set_int (p, BZ_PAGINATION_TOTAL_PAGES, total_pages);
  bz_record_set_int (p, BZ_PAGINATION_TOTAL_ITEMS, total);
  bz_record_set_int (p, BZ_PAGINATION_LIMIT, limit);
  bz_record_set_boolean (p, BZ_PAGINATION_HAS_NEXT, (gint64) page < total_pages);
  return p;
}

BzRecord *
bz_nutrients_record_new (const BzNutrients *n)
{
  BzRecord *r = bz_record_new (&bz_nutrients_resource);
  bz_record_set_double (r, BZ_NUTRIENTS_ENERGY_KCAL, n->energy_kcal);
  bz_record_set_double (r, BZ_NUTRIENTS_PROTEIN_G, n->protein_g);
  bz_record_set_double (r, BZ_NUTRIENTS_CARBOHYDRATE_G, n->carbohydrate_g);
  bz_record_set_double (r, BZ_NUTRIENTS_FAT_G, n->fat_g);
  bz_record_set_double (r, BZ_NUTRIENTS_FIBER_G, n->fiber_g);
  bz_record_set_double (r, BZ_NUTRIENTS_SODIUM_MG, n->sodium_mg);
  return r;
}

void
bz_nutrients_from_record (BzRecord *panel, BzNutrients *n)
{
  n->energy_kcal = bz_record_get_double (panel, BZ_NUTRIENTS_ENERGY_KCAL);
  n->protein_g = bz_record_get_double (panel, BZ_NUTRIENTS_PROTEIN_G);
  n->carbohydrate_g = bz_record_get_double (panel, BZ_NUTRIENTS_CARBOHYDRATE_G);
  n->fat_g = bz_record_get_double (panel, BZ_NUTRIENTS_FAT_G);
  n->fiber_g = bz_record_get_double (panel, BZ_NUTRIENTS_FIBER_G);
  n->sodium_mg = bz_record_get_double (panel, BZ_NUTRIENTS_SODIUM_MG);
}

void
bz_nutrients_set_panel (BzRecord *rec, guint field, const BzNutrients *n)
{
  const double v[BZ_NUTRIENTS_N_FIELDS] = {
    [BZ_NUTRIENTS_ENERGY_KCAL] = n->energy_kcal,
    [BZ_NUTRIENTS_PROTEIN_G] = n->protein_g,
    [BZ_NUTRIENTS_CARBOHYDRATE_G] = n->carbohydrate_g,
    [BZ_NUTRIENTS_FAT_G] = n->fat_g,
    [BZ_NUTRIENTS_FIBER_G] = n->fiber_g,
    [BZ_NUTRIENTS_SODIUM_MG] = n->sodium_mg,
  };
  bz_record_set_panel (rec, field, v, BZ_NUTRIENTS_N_FIELDS);
}

gboolean
bz_nutrients_from_panel (BzRecord *rec, guint field, BzNutrients *n)
{
  double v[BZ_NUTRIENTS_N_FIELDS];
  gboolean has = bz_record_has (rec, field);

  bz_record_get_panel (rec, field, v, BZ_NUTRIENTS_N_FIELDS);
  n->energy_kcal = v[BZ_NUTRIENTS_ENERGY_KCAL];
  n->protein_g = v[BZ_NUTRIENTS_PROTEIN_G];
  n->carbohydrate_g = v[BZ_NUTRIENTS_CARBOHYDRATE_G];
  n->fat_g = v[BZ_NUTRIENTS_FAT_G];
  n->fiber_g = v[BZ_NUTRIENTS_FIBER_G];
  n->sodium_mg = v[BZ_NUTRIENTS_SODIUM_MG];
  return has;
}
