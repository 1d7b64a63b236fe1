/* bz-challenge-board.h — the kiosk's live challenge leaderboard (issue 10). */
#pragma once

#include <adwaita.h>

#include "bz-gui-session.h"

G_BEGIN_DECLS

#define BZ_TYPE_CHALLENGE_BOARD (bz_challenge_board_get_type ())
G_DECLARE_FINAL_TYPE (BzChallengeBoard, bz_challenge_board, BZ, CHALLENGE_BOARD, GtkWidget)

/**
 * bz_challenge_board_new:
 *
 * The signed-in member's challenge (the first active one they take part
 * in, else the first active one they may join) with its ten leaders, the
 * member's own row marked, and their place when outside the ten.  It
 * follows the store's change notices ("challenge_participants"), so a
 * check-in from a phone moves the ranks on the kiosk.  Hidden when there is
 * no active challenge.
 *
 * Returns: (transfer floating): the widget.
 */
GtkWidget  *bz_challenge_board_new        (void);

/** bz_challenge_board_load: shows @session's member's challenge; %NULL clears and hides. */
void        bz_challenge_board_load       (BzChallengeBoard *self, BzGuiSession *session);
/** bz_challenge_board_is_loading: Returns: %TRUE while a load runs. */
gboolean    bz_challenge_board_is_loading (BzChallengeBoard *self);
/** bz_challenge_board_get_data: Returns: (transfer none) (nullable): the Leaderboard shown. */
BzRecord   *bz_challenge_board_get_data   (BzChallengeBoard *self);
/** bz_challenge_board_get_title: Returns: (transfer none): the challenge's title as shown, or "". */
const char *bz_challenge_board_get_title  (BzChallengeBoard *self);

G_END_DECLS
