/* balanza.c — the desktop application: the clinic workstation (or, with
 * --kiosk, the member kiosk) with the API server running in-process.
 * Argument parsing and the event loop only; everything else is in src/gui. */
#include <glib/gi18n.h>
#include <locale.h>

#include "config.h"
#include "bz-application.h"
#include "bz-runtime.h"

int
main (int argc, char **argv)
{
  g_autoptr(BzApplication) app = NULL;

  bz_runtime_init_i18n ();

  g_set_application_name (_("Balanza"));
  app = bz_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
