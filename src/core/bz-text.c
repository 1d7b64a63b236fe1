/* bz-text.c — folding and Spanish ordering (bz-text.h). */
#include "bz-text.h"

#include <string.h>

/* Casefolded, NFD-decomposed, valid UTF-8 of @text. */
static char *
decompose (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *folded = g_utf8_casefold (valid, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
}

char *
bz_text_fold (const char *text)
{
  g_autofree char *nfd = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  nfd = decompose (text);
  out = g_string_sized_new (strlen (nfd));
  for (const char *p = nfd; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* U+0303 COMBINING TILDE: "ñ" decomposes to "n" followed by it. */
#define COMBINING_TILDE 0x0303

char *
bz_text_sort_key_es (const char *text)
{
  g_autofree char *nfd = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  nfd = decompose (text);
  out = g_string_sized_new (strlen (nfd) + 4);
  for (const char *p = nfd; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == COMBINING_TILDE && out->len > 0 && out->str[out->len - 1] == 'n')
        /* ñ: "n" then 0x7f, above every ASCII letter, so "nz" < "ñ" < "o". */
        g_string_append_c (out, 0x7f);
      else if (!g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

int
bz_text_collate_es (const char *a, const char *b)
{
  g_autofree char *ka = NULL, *kb = NULL;
  int r;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  ka = bz_text_sort_key_es (a);
  kb = bz_text_sort_key_es (b);
  r = strcmp (ka, kb);
  return r != 0 ? r : strcmp (a, b);
}
