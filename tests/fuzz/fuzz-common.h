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

static inline void
bz_fuzz_init (void)
{
  /* GLib 2.74 still has the slice magazines: route them to malloc so
   * AddressSanitizer sees every block (the GLib cache would hide leaks and
   * use-after-free).  Read on first g_slice use, which is after this. */
  setenv ("G_SLICE", "always-malloc", 0);
  setlocale (LC_ALL, "C.UTF-8");
  /* A g_return_if_fail() reached from an input is a bug: make it a crash. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
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
