/* bz-print-language.c — printed documents in the reports' language (see
 * bz-print-language.h). */
#include "bz-print-language.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "bz-runtime.h"

#ifdef __GLIBC__
/* glibc's counter of catalogue changes; gettext's cached lookups are only
 * reused while it is unchanged (the gettext manual, "Being a gettext
 * grok": a program changing $LANGUAGE increments it). */
extern int _nl_msg_cat_cntr;
#define CATALOGS_CHANGED() (++_nl_msg_cat_cntr)
#else
#define CATALOGS_CHANGED() ((void) 0)
#endif

struct _BzPrintLanguageScope
{
  gboolean changed;
  char *old_language;   /* $LANGUAGE before, "" when it was unset */
  locale_t locale;      /* the thread's C.UTF-8 LC_MESSAGES, or (locale_t) 0 */
  locale_t old_locale;
};

char *
bz_print_language_from_settings (void)
{
  g_autoptr(GSettings) settings = bz_runtime_settings_new ();
  g_autofree char *value = settings ? g_settings_get_string (settings, "report-language") : NULL;

  if (value == NULL || g_str_equal (value, "desk") || *value == '\0')
    return NULL;
  return g_steal_pointer (&value);
}

BzPrintLanguageScope *
bz_print_language_push (const char *language)
{
  BzPrintLanguageScope *scope = g_new0 (BzPrintLanguageScope, 1);
  const char *messages;

  if (language == NULL || *language == '\0')
    return scope;
  scope->changed = TRUE;
  scope->old_language = g_strdup (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "");
  messages = setlocale (LC_MESSAGES, NULL);   /* the process's (the GUI thread has no uselocale() of its own) */
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    {
      locale_t base = duplocale (LC_GLOBAL_LOCALE);
      scope->locale = base ? newlocale (LC_MESSAGES_MASK, "C.UTF-8", base) : (locale_t) 0;
      if (scope->locale == (locale_t) 0 && base)
        freelocale (base);
      if (scope->locale)
        scope->old_locale = uselocale (scope->locale);
    }
  g_setenv ("LANGUAGE", language, TRUE);
  CATALOGS_CHANGED ();
  return scope;
}

void
bz_print_language_pop (BzPrintLanguageScope *scope)
{
  if (scope == NULL)
    return;
  if (scope->changed)
    {
      g_setenv ("LANGUAGE", scope->old_language, TRUE);
      if (scope->locale)
        {
          uselocale (scope->old_locale);
          freelocale (scope->locale);
        }
      CATALOGS_CHANGED ();
    }
  g_free (scope->old_language);
  g_free (scope);
}

char *
bz_print_format_number (double value, int decimals)
{
  /* The same msgid as bz_food_display_name()'s: "es" in the Spanish catalogue. */
  gboolean spanish = g_str_equal (C_("food names", "en"), "es");
  guint min_grouping = spanish ? 2 : 1;   /* CLDR minimumGroupingDigits */
  char buf[G_ASCII_DTOSTR_BUF_SIZE], format[8];
  g_autoptr(GString) out = g_string_new (NULL);
  const char *digits, *point;
  gsize n_int;

  if (!isfinite (value))
    return g_strdup ("—");
  decimals = CLAMP (decimals, 0, 6);
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buf, sizeof buf, format, value);
  if (g_str_has_prefix (buf, "-0") && strspn (buf + 1, "0.") == strlen (buf + 1))
    memmove (buf, buf + 1, strlen (buf));   /* "-0.0" -> "0.0" */
  digits = buf[0] == '-' ? buf + 1 : buf;
  point = strchr (digits, '.');
  n_int = point ? (gsize) (point - digits) : strlen (digits);
  if (buf[0] == '-')
    g_string_append_c (out, '-');
  for (gsize i = 0; i < n_int; i++)
    {
      if (i > 0 && (n_int - i) % 3 == 0 && n_int >= 3 + min_grouping)
        g_string_append_c (out, ',');   /* CLDR en and es_MX: group "," */
      g_string_append_c (out, digits[i]);
    }
  if (point)
    g_string_append (out, point);   /* CLDR en and es_MX: decimal "." */
  return g_string_free (g_steal_pointer (&out), FALSE);
}
