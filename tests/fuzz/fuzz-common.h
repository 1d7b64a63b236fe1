/* fuzz-common.h — shared by the libFuzzer harnesses in tests/fuzz.
 *
 * Each harness defines LLVMFuzzerTestOneInput() and calls bz_fuzz_init() once
 * from LLVMFuzzerInitialize().  A property that does not hold aborts through
 * BZ_FUZZ_CHECK(), which libFuzzer reports as a crash with its input saved.
 */
#pragma once

#include <glib.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Criticals already reported but not yet fixed that a harness lets pass, so a
 * run goes on to find other faults; BZ_FUZZ_STRICT=1 makes them fatal again.
 * Set by bz_fuzz_init(); a NULL-terminated list of substrings of the message.
 * None at present: remove an entry as soon as its fault is fixed. */
static const char *const *bz_fuzz_known_criticals;

static gboolean
bz_fuzz_is_known (const GLogField *fields, gsize n_fields)
{
  if (bz_fuzz_known_criticals == NULL || g_getenv ("BZ_FUZZ_STRICT"))
    return FALSE;
  for (gsize i = 0; i < n_fields; i++)
    if (strcmp (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
      for (const char *const *k = bz_fuzz_known_criticals; *k; k++)
        if (strstr (fields[i].value, *k))
          return TRUE;
  return FALSE;
}

/* Prints as GLib would, then makes a critical (a failed g_return_if_fail(),
 * a g_critical()) or an error a crash libFuzzer catches: GLib's own fatal
 * path raises SIGTRAP, which libFuzzer does not handle (no reproducer saved). */
static GLogWriterOutput
bz_fuzz_log_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer data)
{
  static guint known_seen;
  if ((level & G_LOG_LEVEL_CRITICAL) && bz_fuzz_is_known (fields, n_fields))
    {
      /* Say it once, not once per input. */
      if (known_seen++ == 0)
        {
          g_log_writer_default (level, fields, n_fields, data);
          fprintf (stderr, "bz-fuzz: a known critical (see tests/fuzz/RESULTS.md), not fatal "
                           "unless BZ_FUZZ_STRICT=1; further ones not shown\n");
        }
      return G_LOG_WRITER_HANDLED;
    }
  GLogWriterOutput r = g_log_writer_default (level, fields, n_fields, data);
  if (level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR))
    {
      fprintf (stderr, "bz-fuzz: GLib %s is fatal in the fuzzers\n",
               (level & G_LOG_LEVEL_ERROR) ? "error" : "critical");
      abort ();
    }
  return r;
}

/* @known_criticals: (nullable): see bz_fuzz_known_criticals. */
static inline void
bz_fuzz_init (const char *const *known_criticals)
{
  bz_fuzz_known_criticals = known_criticals;
  /* GLib 2.74 still has the slice magazines: route them to malloc so
   * AddressSanitizer sees every block (the GLib cache would hide leaks and
   * use-after-free).  Read on first g_slice use, which is after this. */
  setenv ("G_SLICE", "always-malloc", 0);
  setlocale (LC_ALL, "C.UTF-8");
  /* A g_return_if_fail() reached from an input is a bug: make it a crash. */
  g_log_set_writer_func (bz_fuzz_log_writer, NULL, NULL);
}

#define BZ_FUZZ_CHECK(cond) \
  do { \
    if (G_UNLIKELY (!(cond))) \
      { \
        fprintf (stderr, "%s:%d: property violated: %s\n", __FILE__, __LINE__, #cond); \
        abort (); \
      } \
  } while (0)

#define BZ_FUZZ_CHECK_MSG(cond, ...) \
  do { \
    if (G_UNLIKELY (!(cond))) \
      { \
        fprintf (stderr, "%s:%d: property violated: %s: ", __FILE__, __LINE__, #cond); \
        fprintf (stderr, __VA_ARGS__); \
        fputc ('\n', stderr); \
        abort (); \
      } \
  } while (0)
