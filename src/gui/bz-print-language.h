/* bz-print-language.h — printed documents (the patient report,
 * bz-patient-report.h; the meal plan, bz-plan-print.h) in the language
 * chosen in Preferences › Language of reports (the "report-language" key:
 * "desk", "es" or "en"), whatever language the desk itself is shown in
 * (issue 12).  bz-print-op.c renders every page inside a language scope;
 * numbers are written with the language's conventions. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * bz_print_language_from_settings:
 *
 * Reads the "report-language" key of the desk's settings
 * (bz_runtime_settings_new()).
 *
 * Returns: (transfer full) (nullable): "es" or "en"; %NULL for "desk" or
 *   when the schema is not installed (print in the desk's language).
 */
char       *bz_print_language_from_settings (void);

/**
 * BzPrintLanguageScope:
 *
 * What bz_print_language_push() changed, for bz_print_language_pop().
 */
typedef struct _BzPrintLanguageScope BzPrintLanguageScope;

/**
 * bz_print_language_push:
 * @language: (nullable): "es", "en" (any gettext language code), or %NULL
 *   for the desk's language (then nothing changes)
 *
 * Until bz_print_language_pop(), gettext (_(), C_(), ngettext; so also
 * bz_date_time_format()'s month names, bz_goal_label(), bz_meal_type_label()
 * and bz_food_display_name()'s Spanish food names) answers in @language.
 *
 * How: $LANGUAGE, which GNU gettext reads first (before LC_MESSAGES), is set
 * to @language and gettext's lookup cache is invalidated (glibc's
 * _nl_msg_cat_cntr, as the gettext manual says a program changing LANGUAGE
 * must do); when the calling thread's LC_MESSAGES is "C" or "POSIX" (where
 * gettext ignores $LANGUAGE), that thread alone switches LC_MESSAGES to
 * glibc's built-in "C.UTF-8" with uselocale(), so no installed locale is
 * needed (Debian 12 installs none by default).
 *
 * Thread safety: GUI thread only (asserted), and only for the length of a
 * synchronous rendering (a layout, a page).  $LANGUAGE is process-wide: a
 * worker thread translating a message during that window gets @language
 * too (a wrong-language error text at worst).  bz_runtime_init_i18n()
 * creates $LANGUAGE (empty, which gettext treats as unset) before any
 * thread starts, so this function only replaces the value of an existing
 * variable and never grows the environment under a thread reading it
 * (glibc never frees replaced values, so a concurrent getenv() reads the
 * old or the new string).
 *
 * Returns: (transfer full): the scope, for bz_print_language_pop().
 */
BzPrintLanguageScope *bz_print_language_push (const char *language);

/**
 * bz_print_language_pop:
 * @scope: (transfer full) (nullable): from bz_print_language_push()
 *
 * Restores $LANGUAGE's previous value (never unsets it) and the thread's
 * locale, and invalidates gettext's cache again.
 */
void        bz_print_language_pop (BzPrintLanguageScope *scope);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzPrintLanguageScope, bz_print_language_pop)

/**
 * bz_print_format_number:
 * @value: the number
 * @decimals: digits after the decimal sign, 0-6
 *
 * @value rounded to @decimals, with the conventions of the language gettext
 * answers in now (inside bz_print_language_push(), the report's): the
 * decimal sign and the grouping of thousands.  Independent of LC_NUMERIC,
 * which the desk's locale may set otherwise (es_ES's decimal comma).
 *
 * Source: Unicode CLDR 42, common/main/en.xml and es_MX.xml (with es.xml):
 * English and Spanish (Mexico) both write a decimal point and group thousands
 * with a comma ("1,234.5"; Mexico does not use es-ES's "1234,5");
 * minimumGroupingDigits is 1 in English and 2 in Spanish (es.xml, inherited
 * by es_MX), so Spanish groups from five integer digits: "1234.5" but
 * "12,345.5".
 *
 * Returns: (transfer full): the number, e.g. "1,850" (en) or "1850" (es),
 *   "72.5" in both; "—" when @value is not finite.
 */
char       *bz_print_format_number (double value, int decimals);

G_END_DECLS
