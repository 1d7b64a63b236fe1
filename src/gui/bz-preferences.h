/* bz-preferences.h — the desk's Preferences window (AdwPreferencesWindow) over
 * its GSettings (data/org.balanza.Balanza.gschema.xml).
 *
 * Pages: Server (port, bind address, HTTP; HTTPS shown but not yet available;
 * all applied at next start), Clinic (language of reports, default activity
 * level of new patients, desk camera) and Integrations (for each service kind
 * its provider, base URL, model and API key).  Rows are bound to their keys
 * with g_settings_bind(), so a change is saved as it is made.  API keys go to
 * the desktop keyring through libsecret, never to GSettings; without a Secret
 * Service the key rows say so and stay insensitive.
 *
 * Widgets carry names (gtk_widget_get_name()) for tests: "server-port",
 * "server-bind-address", "serve-http", "serve-https", "report-language",
 * "default-activity-level", "camera-device", and per service kind KIND
 * "provider-KIND", "base-url-KIND", "model-KIND", "api-key-KIND".
 */
#pragma once

#include "bz-openai-client.h"

#include <adwaita.h>

G_BEGIN_DECLS

#define BZ_TYPE_PREFERENCES (bz_preferences_get_type ())
G_DECLARE_FINAL_TYPE (BzPreferences, bz_preferences, BZ, PREFERENCES, AdwPreferencesWindow)

/**
 * bz_preferences_new:
 * @parent: (nullable): the desk window (transient for it, modal)
 * @settings: the desk's settings (bz_runtime_settings_new()); referenced
 *
 * Returns: (transfer none): a new preferences window, not yet shown; owned by
 *   GTK's window list, destroyed when closed.
 */
BzPreferences *bz_preferences_new (GtkWindow *parent, GSettings *settings);

/**
 * bz_preferences_get_keyring_checked:
 * Returns: %TRUE once the window knows whether a Secret Service answers (the
 *   API key rows are then sensitive, or insensitive with a reason).
 */
gboolean       bz_preferences_get_keyring_checked (BzPreferences *self);

/* Integrations page (bz-preferences-integrations.c). */

/**
 * bz_preferences_integration_kinds:
 * @n_kinds: (out): how many
 * Returns: (transfer none) (array length=n_kinds): the service kinds of the
 *   integration-* keys: "workout", "diet", "vision", "scan", "chat".
 */
const char *const *bz_preferences_integration_kinds (guint *n_kinds);

/**
 * bz_preferences_integrations_page_new:
 * @settings: the desk's settings; referenced
 * @cancellable: cancels the keyring calls (the window cancels it when it goes)
 * @done: (scope notified): called as done (done_data) on the main thread once
 *   the keyring check has answered, unless cancelled
 *
 * The Integrations page (for bz-preferences.c only): one expander row per
 * kind with provider, base URL, model and API key rows.
 * Returns: (transfer floating): the page.
 */
AdwPreferencesPage *bz_preferences_integrations_page_new (GSettings *settings, GCancellable *cancellable,
                                                          GCallback done, gpointer done_data);

/**
 * bz_preferences_integration_openai:
 * @settings: the desk's settings
 * @kind: a kind of bz_preferences_integration_kinds() ("vision")
 * @out: (out caller-allocates): the server, model and key; clear it with
 *   bz_openai_settings_clear() (prices and budget 0: the page has no such
 *   rows yet)
 *
 * What this page configured for @kind, when its provider is "openai" and it
 * has a base URL and a model: the API key read from the keyring
 * (secret_password_lookup_sync(): blocking, call on a worker thread; no key
 * when the keyring is locked or absent).
 *
 * Returns: %TRUE when @kind uses an OpenAI-compatible server.
 */
gboolean bz_preferences_integration_openai (GSettings *settings, const char *kind, BzOpenAISettings *out);

G_END_DECLS
