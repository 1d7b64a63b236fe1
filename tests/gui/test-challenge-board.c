/* test-challenge-board.c — the kiosk's live challenge leaderboard (issue 10;
 * suite 'gui').  A demo member signs in at the kiosk (portrait, 1080x1920):
 * the page shows the demo steps challenge with its ten leaders, the
 * member's own place, and follows a check-in: when the member reports
 * 99,999 steps (through the service, as the phone's API call does) the
 * board moves them to first place without any action at the kiosk. */
#include <adwaita.h>
#include <gtk/gtk.h>

#include "bz-challenge-board.h"
#include "bz-challenge-service.h"
#include "bz-patient-page.h"
#include "bz-window.h"
#include "bz-gui-test.h"
#include "bz-test-util.h"

static BzChallengeBoard *
find_board (GtkWidget *widget)
{
  if (BZ_IS_CHALLENGE_BOARD (widget))
    return BZ_CHALLENGE_BOARD (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      BzChallengeBoard *b = find_board (c);
      if (b)
        return b;
    }
  return NULL;
}

/* Scrolls the page so that @board is in view, and photographs the window. */
static void
shoot (BzGuiDesk *desk, BzChallengeBoard *board, const char *build_name, const char *docs_name)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (board), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t at;
  g_autoptr(GdkTexture) shot = NULL;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (board), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                           &GRAPHENE_POINT_INIT (0, 0), &at));
  gtk_adjustment_set_value (adj, at.y - 40);
  bz_gui_test_settle (400);
  shot = bz_gui_test_screenshot (GTK_WIDGET (desk->window));
  bz_gui_test_save_png (shot, build_name, docs_name);
}

static const char *
leader_id (BzChallengeBoard *board)
{
  BzRecord *data = bz_challenge_board_get_data (board);
  if (data == NULL || bz_record_get_n_items (data, BZ_LEADERBOARD_LEADERBOARD) == 0)
    return NULL;
  return bz_record_get_string (bz_record_get_object (bz_record_get_item (data, BZ_LEADERBOARD_LEADERBOARD, 0),
                                                     BZ_LEADERBOARD_ENTRY_USER), BZ_LEADERBOARD_USER_ID);
}

static void
test_board (void)
{
  BzGuiDesk desk = { 0 };
  BzGuiSession *session;
  BzChallengeBoard *board;
  BzRecord *data, *pos;
  const BzCaller *me;
  g_autofree char *challenge_id = NULL;

  bz_gui_desk_start (&desk, "challenge-board", TRUE, 1080, 1920);
  session = bz_window_get_session (desk.window);
  bz_gui_desk_sign_in (&desk, "paciente01@balanza.local", "Demo-2026!", "patient");
  me = bz_gui_session_get_caller (session);
  board = find_board (GTK_WIDGET (bz_window_get_patient_page (desk.window)));
  g_assert_nonnull (board);
  WAIT_FOR (!bz_challenge_board_is_loading (board) && bz_challenge_board_get_data (board) != NULL, 30,
            "the leaderboard");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (board)));
  data = bz_challenge_board_get_data (board);
  /* the demo: 12 members took part, the board shows the first 10 */
  g_assert_cmpuint (bz_record_get_n_items (data, BZ_LEADERBOARD_LEADERBOARD), ==, 10);
  pos = bz_record_get_object (data, BZ_LEADERBOARD_CURRENT_USER_POSITION);
  g_assert_nonnull (pos);
  g_assert_cmpint (bz_record_get_int (pos, BZ_LEADERBOARD_POSITION_RANK), >, 1);
  g_assert_cmpstr (leader_id (board), !=, me->user_id);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BzRecord) list = bz_challenges_list (bz_gui_session_get_services (session), me, "active", NULL, NULL, 1,
                                                   20, &error);
    g_assert_no_error (error);
    challenge_id = g_strdup (bz_record_get_string (bz_record_get_item (list, BZ_CHALLENGE_LIST_CHALLENGES, 0),
                                                   BZ_CHALLENGE_ID));
    g_assert_cmpstr (bz_challenge_board_get_title (board), ==,
                     bz_record_get_string (bz_record_get_item (list, BZ_CHALLENGE_LIST_CHALLENGES, 0), BZ_CHALLENGE_TITLE));
  }
  shoot (&desk, board, "test-challenge-board.png", "kiosk-challenge-board.png");

  /* A check-in from the member's phone: the board follows the change notice. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonObject) in = json_object_new ();
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    g_autoptr(BzRecord) r = NULL;
    json_object_set_string_member (in, "date", today);
    json_object_set_double_member (in, "value", 99999);
    r = bz_challenges_check_in (bz_gui_session_get_services (session), me, challenge_id, in, &error);
    g_assert_no_error (error);
  }
  WAIT_FOR (!bz_challenge_board_is_loading (board) && g_strcmp0 (leader_id (board), me->user_id) == 0, 30,
            "the board to show the member first");
  pos = bz_record_get_object (bz_challenge_board_get_data (board), BZ_LEADERBOARD_CURRENT_USER_POSITION);
  g_assert_cmpint (bz_record_get_int (pos, BZ_LEADERBOARD_POSITION_RANK), ==, 1);
  shoot (&desk, board, "test-challenge-board-first.png", "kiosk-challenge-board-first.png");
  bz_gui_desk_stop (&desk);
}

int
main (int argc, char *argv[])
{
  if (!bz_gui_test_init (&argc, &argv))
    return 77;
  g_test_add_func ("/gui/challenge-board", test_board);
  return g_test_run ();
}
