/* bz-test-year.c — a member's year of records (bz-test-year.h). */
#include "bz-test-year.h"

#include "bz-meal-service.h"
#include "bz-scan-service.h"

void
bz_test_add_year (BzServices *svc, const char *patient, const char *user, const BzCaller *nutritionist, gboolean scans)
{
  static const char *types[] = { "breakfast", "lunch", "snack", "dinner" };
  static const int hours[] = { 8, 14, 17, 20 };
  static const char *const foods_of[][2] = {
    { "20045", "01077" }, { "05062", "11529" }, { "09003", "01117" }, { "16043", "20045" },
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  for (int d = 365; d >= 4; d--)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -d);
      for (guint m = 0; m < 4; m++)
        {
          g_autoptr(GDateTime) when = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                             g_date_time_get_day_of_month (day), hours[m], 0, 0);
          g_autoptr(JsonArray) items = json_array_new ();
          g_autofree char *id = NULL;
          for (guint f = 0; f < 2; f++)
            {
              JsonObject *it = json_object_new ();
              json_object_set_string_member (it, "ndb_no", foods_of[m][f]);
              json_object_set_double_member (it, "grams", 80 + 10 * ((d + f) % 7));
              json_array_add_object_element (items, it);
            }
          if (!(id = bz_meals_record (svc, patient, types[m], when, NULL, items, "bench", user, &error)))
            g_error ("meal: %s", error->message);
        }
      if (scans && d % 30 == 0)
        {
          g_autoptr(GDateTime) utc = g_date_time_to_utc (day);
          g_autofree char *at = g_date_time_format (utc, "%Y-%m-%dT09:00:00Z");
          g_autofree char *body = g_strdup_printf (
              "{\"patient_id\":\"%s\",\"measured_at\":\"%s\",\"sex\":\"female\",\"age\":41,\"height_cm\":162.0,"
              "\"weight_kg\":%.1f,\"body_fat_percent\":31.5,\"skeletal_muscle_mass_kg\":24.1,"
              "\"circumferences_cm\":{\"waist\":88.0,\"hip\":104.0}}", patient, at, 74.0 - d / 60.0);
          g_autoptr(JsonParser) p = json_parser_new ();
          g_autoptr(BzRecord) scan = NULL;
          if (!json_parser_load_from_data (p, body, -1, &error))
            g_error ("json: %s", error->message);
          if (!(scan = bz_scans_add (svc, nutritionist, json_node_get_object (json_parser_get_root (p)), &error)))
            g_error ("scan: %s", error->message);
        }
    }
}
