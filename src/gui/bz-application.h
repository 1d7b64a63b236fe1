/* bz-application.h — the Balanza desktop application (AdwApplication). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BZ_APPLICATION_ID "org.balanza.Balanza"

#define BZ_TYPE_APPLICATION (bz_application_get_type ())
G_DECLARE_FINAL_TYPE (BzApplication, bz_application, BZ, APPLICATION, AdwApplication)

/**
 * bz_application_new:
 * Options: those of bz_runtime_option_entries() with --kiosk.  Not unique:
 * several instances (or tests) may run side by side on different data dirs.
 * Returns: (transfer full): the application.
 */
BzApplication *bz_application_new (void);

/**
 * bz_gui_init:
 * Registers the GUI's GResource (templates, shaders, style, icon) once.
 * bz_application_new() calls it; tests that build windows directly call it too.
 */
void           bz_gui_init        (void);

/**
 * bz_gui_init_standalone:
 * For windows built without BzApplication (tests): bz_gui_init(), plus the
 * style sheet and the icon that the application would load.
 */
void           bz_gui_init_standalone (void);

G_END_DECLS
