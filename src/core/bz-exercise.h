/* bz-exercise.h — Balanza's exercise library (data/exercises, see its
 * SOURCE.md): read once, read-only, shared by every thread.
 *
 * The library is shipped data, like the recipe catalogue: found where
 * bz_exercise_default_dir() says (an installed copy, else the source tree),
 * checked entry by entry when read (a slug, both languages, every muscle,
 * equipment, level and category a member of its bz-vocab.h vocabulary, a
 * MET and its Compendium code for cardio, optional for the others), and
 * then kept in memory: ~170 entries the planner and GET
 * /api/workouts/library filter in microseconds, so no table holds it.
 * Plans store the slugs, which stay stable.
 */
#pragma once

#include <glib.h>

#include "bz-vocab.h"

G_BEGIN_DECLS

/** BZ_EXERCISE_MIN_COUNT: the library holds at least 150 exercises (issue 11). */
#define BZ_EXERCISE_MIN_COUNT 150

/**
 * BzExercise:
 * @slug: stable id, [a-z0-9-]
 * @category: a bz_vocab_exercise_category id (static string)
 * @level: a bz_vocab_training_level id (static string)
 * @level_rank: 0 beginner, 1 intermediate, 2 advanced
 * @primary: the muscles it mainly works, bit i = bz_vocab_muscle.terms[i]
 * @secondary: the muscles it also works (same bits)
 * @equipment: everything it needs, bit i = bz_vocab_equipment.terms[i]
 *   ("bodyweight" alone: nothing)
 * @name_es: @name_en: @steps_es: @steps_en: names and instructions
 * @met: metabolic equivalents of the activity (1 MET = the resting rate,
 *   about 1 kcal per kg of body mass per hour), the value the 2011
 *   Compendium of Physical Activities gives @met_code (Ainsworth BE et al.,
 *   Med Sci Sports Exerc 2011;43(8):1575-1581; the codes and values used
 *   are in data/exercises/compendium-2011.tsv); every cardio entry has one,
 *   strength and mobility entries may; 0 when the entry has none
 * @met_code: the Compendium's five-digit activity code; %NULL exactly when
 *   @met is 0
 */
typedef struct
{
  char *slug;
  const char *category;
  const char *level;
  guint level_rank;
  guint64 primary, secondary, equipment;
  char *name_es, *name_en, *steps_es, *steps_en;
  double met;
  char *met_code;
} BzExercise;

typedef struct _BzExerciseLibrary BzExerciseLibrary;

/**
 * bz_exercise_default_dir:
 *
 * Where the library's files are: $BALANZA_EXERCISES_DIR, else
 * <data dir>/balanza/exercises of the system data dirs, the install prefix,
 * else the source tree's data/exercises (a build run from the tree).
 *
 * Returns: (transfer full): a directory path.
 */
char              *bz_exercise_default_dir (void);

/**
 * bz_exercise_library_load:
 * @dir: a directory with the files of data/exercises/SOURCE.md
 * @error: %BZ_ERROR_INTERNAL naming the file, the entry and the member that
 *   is wrong (a missing file, bad JSON, a duplicate slug, a term outside its
 *   vocabulary, a missing language, a cardio entry without its MET, a
 *   MET without its five-digit Compendium code or the other way round)
 *
 * Reads and checks the library.
 *
 * Returns: (transfer full): the library (free with bz_exercise_library_free()),
 *   or %NULL with @error.
 */
BzExerciseLibrary *bz_exercise_library_load (const char *dir, GError **error);

/**
 * bz_exercise_library_default:
 * @error: as bz_exercise_library_load(), the first time
 *
 * The library of bz_exercise_default_dir(), read at the first call (once in
 * the process; thread-safe) and kept.  A failed read is retried at the next
 * call.
 *
 * Returns: (transfer none): the library, or %NULL with @error.
 */
const BzExerciseLibrary *bz_exercise_library_default (GError **error);

/**
 * bz_exercise_library_free:
 * @self: (nullable) (transfer full): a library of bz_exercise_library_load()
 *   (never the one of bz_exercise_library_default(), which the process keeps)
 *
 * Frees @self and its exercises.
 */
void               bz_exercise_library_free (BzExerciseLibrary *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzExerciseLibrary, bz_exercise_library_free)

/** bz_exercise_library_get_n: Returns: how many exercises. */
guint              bz_exercise_library_get_n (const BzExerciseLibrary *self);
/** bz_exercise_library_get: Returns: (transfer none): the @i-th exercise, in the files' order. */
const BzExercise  *bz_exercise_library_get   (const BzExerciseLibrary *self, guint i);
/** bz_exercise_library_lookup: Returns: (transfer none) (nullable): the exercise of @slug. */
const BzExercise  *bz_exercise_library_lookup (const BzExerciseLibrary *self, const char *slug);

/**
 * bz_vocab_bit:
 * @vocab: a vocabulary of at most 64 terms
 * @id: one of its ids (exactly, not an alias)
 *
 * Returns: the bit of @id in the masks of #BzExercise (1 << its index), or 0.
 */
guint64            bz_vocab_bit (const BzVocab *vocab, const char *id);

/**
 * bz_equipment_is_machine:
 * @id: a bz_vocab_equipment id
 *
 * Whether gyms keep @id as machines (gym_machines.kind): the cable station
 * and the machines, the terms of bz_vocab_equipment from "cable" on; free
 * weights, benches and the like are not tracked.
 *
 * Returns: %TRUE for a machine kind.
 */
gboolean           bz_equipment_is_machine (const char *id);

/** BZ_EQUIPMENT_BODYWEIGHT: the bit of "bodyweight", which every plan has. */
#define BZ_EQUIPMENT_BODYWEIGHT ((guint64) 1)

/**
 * bz_equipment_machine_mask:
 * Returns: the bits of the machine kinds (bz_equipment_is_machine()).
 */
guint64            bz_equipment_machine_mask (void);

G_END_DECLS
