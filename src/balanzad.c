/* balanzad — the Balanza API server without a GUI. */
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "bz-log.h"
#include "bz-nutritionist-service.h"
#include "bz-runtime.h"
#include "config.h"

static char *verify_license, *reject_license, *backup_file, *key_file;
static char *log_format;
static gboolean log_json;

/* How the log reaches standard error: GLib's text (journald fields when
 * stderr is the journal), or one JSON object per line (bz-log.h). */
static const GOptionEntry log_entries[] = {
  { "log-format", 0, 0, G_OPTION_ARG_STRING, &log_format,
    N_("Log format on standard error: text (GLib's, or journald fields under systemd) or json (one object per line, with each request at INFO)"),
    N_("text|json") },
  { NULL }
};

/* The operator's decision on a nutritionist's licence (seed 002 §3.2),
 * taken on the data directory without starting the server. */
static const GOptionEntry license_entries[] = {
  { "verify-license", 0, 0, G_OPTION_ARG_STRING, &verify_license,
    N_("Record the cédula profesional of the nutritionist with this e-mail as verified, then exit"), N_("EMAIL") },
  { "reject-license", 0, 0, G_OPTION_ARG_STRING, &reject_license,
    N_("Record the cédula profesional of the nutritionist with this e-mail as rejected, then exit"), N_("EMAIL") },
  { "key-file", 0, 0, G_OPTION_ARG_FILENAME, &key_file,
    N_("The encryption key of clinical fields, photos and scans (default DATA_DIR/encryption.key, "
       "or $BALANZA_KEY_FILE); made at first start when missing"), N_("FILE") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, &backup_file,
    N_("Write a consistent copy of the database to FILE and its photos and scans to FILE.blobs/, "
       "also while a server runs, then exit"), N_("FILE") },
  { NULL }
};

/* --backup: the data directory's database and blobs (bz_runtime_backup()). */
static int
backup (const BzRuntimeOptions *opts, const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = bz_runtime_backup (opts, file, &error);

  if (report == NULL)
    {
      g_printerr ("balanzad: %s\n", error->message);
      return 1;
    }
  g_print ("%s", report);
  return 0;
}

static int
set_license (BzRuntime *runtime, const char *email, const char *status)
{
  g_autoptr(GError) error = NULL;

  if (!bz_nutritionists_set_license_status (bz_runtime_get_services (runtime), email, status, &error))
    {
      g_printerr ("balanzad: %s: %s\n", email, error->message);
      return 1;
    }
  /* TRANSLATORS: %s is an e-mail address; the status is "verified" or "rejected" as stored */
  g_printerr (_("Licence of %s recorded as %s\n"), email, status);
  return 0;
}

static gboolean
on_signal (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* One line per phase on stderr (stdout carries only the listening line). */
static void
print_progress (const char *phase, double fraction, gpointer user_data)
{
  static char *last;
  if (g_strcmp0 (last, phase) == 0)
    return;
  g_free (last);
  last = g_strdup (phase);
  if (log_json)
    g_message ("[%3.0f %%] %s", fraction * 100.0, phase);
  else
    g_printerr ("[%3.0f %%] %s\n", fraction * 100.0, phase);
}

int
main (int argc, char **argv)
{
  BzRuntimeOptions opts = { 0 };
  g_autoptr(GOptionContext) ctx = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRuntime) runtime = NULL;
  g_autoptr(GMainLoop) loop = NULL;

  /* stdout carries only the listening lines (scripts and tests read them):
   * debug and info messages go to stderr with the rest of the log. */
  g_log_writer_default_set_use_stderr (TRUE);
  bz_runtime_init_i18n ();

  ctx = g_option_context_new (_("— Balanza API server"));
  g_option_context_add_main_entries (ctx, bz_runtime_option_entries (&opts, FALSE), GETTEXT_PACKAGE);
  g_option_context_add_main_entries (ctx, license_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (ctx, log_entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (log_format && !g_str_equal (log_format, "text") && !g_str_equal (log_format, "json"))
    {
      /* TRANSLATORS: %s is what the user gave after --log-format= */
      g_printerr (_("Unknown log format “%s”: use text or json\n"), log_format);
      return 2;
    }
  log_json = g_strcmp0 (log_format, "json") == 0;
  if (log_json)
    bz_log_use_json ();
  bz_runtime_options_finish (&opts);
  /* The store reads the key's path from the environment (bz-crypt.h). */
  if (key_file)
    g_setenv ("BALANZA_KEY_FILE", key_file, TRUE);
  if (backup_file)
    {
      int status = backup (&opts, backup_file);
      bz_runtime_options_clear (&opts);
      return status;
    }

  runtime = bz_runtime_open (&opts, print_progress, NULL, &error);
  if (runtime == NULL)
    {
      g_printerr ("balanzad: %s\n", error->message);
      return 1;
    }
  if (verify_license || reject_license)
    {
      int status = set_license (runtime, verify_license ? verify_license : reject_license,
                                verify_license ? "verified" : "rejected");
      bz_runtime_shutdown (runtime);
      bz_runtime_options_clear (&opts);
      return status;
    }
  /* Before the listening line: a SIGTERM sent as soon as it is read (a test,
   * a supervisor) must reach on_signal(), not the default action. */
  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, on_signal, loop);
  g_unix_signal_add (SIGINT, on_signal, loop);
  if (!bz_runtime_start_server (runtime, &opts, &error))
    {
      g_printerr ("balanzad: %s\n", error->message);
      return 1;
    }
  {
    g_autofree char *url = bz_runtime_dup_lan_url (runtime);
    if (log_json)
      g_message ("Phones on this network use %s", url);
    else
      g_printerr (_("Phones on this network use %s\n"), url);
    if (opts.demo && !log_json)
      g_printerr (_("Demo clinic: demo@balanza.local / Demo-2026!  (members paciente01..24@balanza.local)\n"));
  }

  g_main_loop_run (loop);

  bz_runtime_shutdown (runtime);
  bz_runtime_options_clear (&opts);
  g_free (log_format);
  return 0;
}
