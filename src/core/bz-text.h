/* bz-text.h — text matching and ordering for people's names and food words
 * the way a Spanish (Mexico) clinic expects them: case and accents ignored
 * when searching, Spanish alphabetical order when sorting. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * bz_text_fold:
 * @text: UTF-8 text (invalid bytes are replaced first)
 *
 * Folds @text for matching: g_utf8_casefold(), then canonical
 * decomposition (NFD) with every combining mark dropped, so "GARCÍA",
 * "García" and "garcia" fold alike, and so do "Núñez" and "nunez" (a
 * search typed on a keyboard without accents finds the name).
 *
 * Returns: (transfer full): the folded text.
 */
char *bz_text_fold (const char *text);

/**
 * bz_text_sort_key_es:
 * @text: UTF-8 text
 *
 * A key whose byte order (strcmp()) is Spanish alphabetical order: case and
 * accents are ignored (á = a, ü = u) except that ñ is a letter of its own
 * between n and o, as in the alphabet of the Real Academia Española and the
 * Asociación de Academias (Ortografía de la lengua española, 2010: 27
 * letters, ñ after n); ch and ll sort as c+h and l+l (the academies'
 * decision of 1994), which plain byte order gives.  Texts that differ only in case
 * or accents get equal keys; bz_text_collate_es() breaks such ties.
 *
 * Returns: (transfer full): the key.
 */
char *bz_text_sort_key_es (const char *text);

/**
 * bz_text_collate_es:
 * @a: UTF-8 text
 * @b: UTF-8 text
 *
 * Compares in Spanish alphabetical order (bz_text_sort_key_es()); texts
 * with equal keys are ordered by their bytes, so the order is total and
 * repeatable.  "Gómez" < "Gutiérrez" < "Núñez"; "Nuñez" sorts after
 * "Nunez".
 *
 * Returns: < 0, 0 or > 0, like strcmp().
 */
int   bz_text_collate_es (const char *a, const char *b);

G_END_DECLS
