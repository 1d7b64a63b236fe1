/* bz-challenge-board.c — the kiosk's live challenge leaderboard (see
 * bz-challenge-board.h).  Two service calls off the GUI thread
 * (bz_challenges_list_async, bz_challenges_leaderboard_async); a change
 * notice for challenge participants reloads it after a short delay, so a
 * burst of check-ins costs one reload. */
#include "bz-challenge-board.h"

#include <glib/gi18n.h>

#include "bz-challenge-service.h"
#include "bz-gui-util.h"

#define REFRESH_DELAY_MS 300

struct _BzChallengeBoard
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *title;
  GtkLabel *subtitle;
  GtkListBox *rows;
  GtkLabel *own_place;

  BzGuiSession *session;
  GCancellable *cancellable;
  BzRecord *challenge;   /* the Challenge shown */
  BzRecord *board;       /* its Leaderboard */
  guint watch_id, refresh;
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (BzChallengeBoard, bz_challenge_board, GTK_TYPE_WIDGET)

static void reload (BzChallengeBoard *self);

static GtkWidget *
row_new (BzRecord *entry, const char *unit, gboolean own)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  BzRecord *user = bz_record_get_object (entry, BZ_LEADERBOARD_ENTRY_USER);
  g_autofree char *rank = g_strdup_printf ("%d", (int) bz_record_get_int (entry, BZ_LEADERBOARD_ENTRY_RANK));
  /* TRANSLATORS: a leaderboard's value, e.g. "14858 steps" */
  g_autofree char *value = g_strdup_printf (_("%.0f %s"), bz_record_get_double (entry, BZ_LEADERBOARD_ENTRY_TOTAL_VALUE), unit);
  GtkWidget *r = gtk_label_new (rank), *name = gtk_label_new (bz_record_get_string (user, BZ_LEADERBOARD_USER_FULL_NAME));
  GtkWidget *v = gtk_label_new (value);

  gtk_widget_set_margin_top (row, 8);
  gtk_widget_set_margin_bottom (row, 8);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_label_set_width_chars (GTK_LABEL (r), 3);
  gtk_widget_add_css_class (r, "title-3");
  gtk_widget_add_css_class (r, "numeric");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (v, "numeric");
  if (own)
    {
      gtk_widget_add_css_class (r, "accent");
      gtk_widget_add_css_class (name, "accent");
      gtk_widget_add_css_class (name, "heading");
      gtk_widget_add_css_class (v, "heading");
    }
  gtk_box_append (GTK_BOX (row), r);
  gtk_box_append (GTK_BOX (row), name);
  gtk_box_append (GTK_BOX (row), v);
  return row;
}

static void
show (BzChallengeBoard *self)
{
  const BzCaller *caller = self->session ? bz_gui_session_get_caller (self->session) : NULL;
  const char *unit;
  BzRecord *pos;

  bz_list_box_remove_rows (self->rows);
  gtk_widget_set_visible (self->box, self->challenge != NULL && self->board != NULL);
  if (self->challenge == NULL || self->board == NULL)
    return;

  unit = bz_record_get_string (self->challenge, BZ_CHALLENGE_GOAL_UNIT);
  gtk_label_set_label (self->title, bz_record_get_string (self->challenge, BZ_CHALLENGE_TITLE));
  {
    /* TRANSLATORS: a challenge's line under its title: participants, and its last day */
    int n = (int) bz_record_get_int (self->challenge, BZ_CHALLENGE_PARTICIPANT_COUNT);
    /* a calendar day: noon of it, so no time zone moves it to another day */
    g_autofree char *noon = g_strconcat (bz_record_get_string (self->challenge, BZ_CHALLENGE_END_DATE), "T12:00:00", NULL);
    g_autofree char *until = bz_format_date (noon);
    g_autofree char *sub = g_strdup_printf (ngettext ("%d participant · until %s", "%d participants · until %s", n), n,
                                            until);
    gtk_label_set_label (self->subtitle, sub);
  }
  for (guint i = 0; i < bz_record_get_n_items (self->board, BZ_LEADERBOARD_LEADERBOARD); i++)
    {
      BzRecord *e = bz_record_get_item (self->board, BZ_LEADERBOARD_LEADERBOARD, i);
      const char *id = bz_record_get_string (bz_record_get_object (e, BZ_LEADERBOARD_ENTRY_USER), BZ_LEADERBOARD_USER_ID);
      gtk_list_box_append (self->rows, row_new (e, unit, caller && g_strcmp0 (id, caller->user_id) == 0));
    }
  pos = bz_record_get_object (self->board, BZ_LEADERBOARD_CURRENT_USER_POSITION);
  if (pos)
    {
      /* TRANSLATORS: the member's own place on the leaderboard, e.g. "Your place: 12 · 4000 steps" */
      g_autofree char *mine = g_strdup_printf (_("Your place: %d · %.0f %s"),
                                               (int) bz_record_get_int (pos, BZ_LEADERBOARD_POSITION_RANK),
                                               bz_record_get_double (pos, BZ_LEADERBOARD_POSITION_TOTAL_VALUE), unit);
      gtk_label_set_label (self->own_place, mine);
    }
  else
    gtk_label_set_label (self->own_place, _("Join this challenge from your phone to appear here."));
}

static void
board_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzChallengeBoard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) board = bz_challenges_leaderboard_finish (BZ_SERVICES (source), result, &error);

  if (bz_is_cancelled (error))
    return;
  self->loading = FALSE;
  g_set_object (&self->board, board);
  if (board == NULL)
    g_clear_object (&self->challenge);
  show (self);
}

static void
list_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(BzChallengeBoard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) list = bz_challenges_list_finish (BZ_SERVICES (source), result, &error);
  BzRecord *pick = NULL;

  if (bz_is_cancelled (error))
    return;
  /* the first challenge the member takes part in, else the first one (featured first) */
  for (guint i = 0; list && i < bz_record_get_n_items (list, BZ_CHALLENGE_LIST_CHALLENGES); i++)
    {
      BzRecord *c = bz_record_get_item (list, BZ_CHALLENGE_LIST_CHALLENGES, i);
      if (pick == NULL || (bz_record_get_boolean (c, BZ_CHALLENGE_JOINED) && !bz_record_get_boolean (pick, BZ_CHALLENGE_JOINED)))
        pick = c;
    }
  g_set_object (&self->challenge, pick);
  if (pick == NULL || self->session == NULL)
    {
      self->loading = FALSE;
      g_clear_object (&self->board);
      show (self);
      return;
    }
  bz_challenges_leaderboard_async (bz_gui_session_get_services (self->session), bz_gui_session_get_caller (self->session),
                                   bz_record_get_string (pick, BZ_CHALLENGE_ID), self->cancellable, board_done,
                                   g_object_ref (self));
}

static void
reload (BzChallengeBoard *self)
{
  if (self->session == NULL || bz_gui_session_get_caller (self->session) == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  bz_challenges_list_async (bz_gui_session_get_services (self->session), bz_gui_session_get_caller (self->session),
                            "active", self->cancellable, list_done, g_object_ref (self));
}

static gboolean
refresh_cb (gpointer user_data)
{
  BzChallengeBoard *self = user_data;
  self->refresh = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (const char *table, const char *row_id, gpointer user_data)
{
  BzChallengeBoard *self = user_data;

  if (self->refresh == 0 &&
      (g_strcmp0 (table, "challenge_participants") == 0 || g_strcmp0 (table, "challenges") == 0))
    self->refresh = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

void
bz_challenge_board_load (BzChallengeBoard *self, BzGuiSession *session)
{
  g_return_if_fail (BZ_IS_CHALLENGE_BOARD (self));

  if (self->session != session)
    {
      if (self->watch_id)
        bz_services_unwatch (bz_gui_session_get_services (self->session), self->watch_id);
      self->watch_id = 0;
      g_set_object (&self->session, session);
      if (session)
        self->watch_id = bz_services_watch (bz_gui_session_get_services (session), NULL, store_changed_cb, self, NULL);
    }
  g_clear_object (&self->challenge);
  g_clear_object (&self->board);
  show (self);
  reload (self);
}

gboolean
bz_challenge_board_is_loading (BzChallengeBoard *self)
{
  g_return_val_if_fail (BZ_IS_CHALLENGE_BOARD (self), FALSE);
  return self->loading || self->refresh != 0;
}

BzRecord *
bz_challenge_board_get_data (BzChallengeBoard *self)
{
  g_return_val_if_fail (BZ_IS_CHALLENGE_BOARD (self), NULL);
  return self->board;
}

const char *
bz_challenge_board_get_title (BzChallengeBoard *self)
{
  g_return_val_if_fail (BZ_IS_CHALLENGE_BOARD (self), "");
  return self->challenge ? gtk_label_get_label (self->title) : "";
}

static void
bz_challenge_board_dispose (GObject *object)
{
  BzChallengeBoard *self = BZ_CHALLENGE_BOARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh, g_source_remove);
  if (self->watch_id)
    bz_services_unwatch (bz_gui_session_get_services (self->session), self->watch_id);
  self->watch_id = 0;
  g_clear_object (&self->session);
  g_clear_object (&self->challenge);
  g_clear_object (&self->board);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (bz_challenge_board_parent_class)->dispose (object);
}

static void
bz_challenge_board_class_init (BzChallengeBoardClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bz_challenge_board_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bz_challenge_board_init (BzChallengeBoard *self)
{
  GtkWidget *heading = gtk_label_new (_("Challenge"));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_visible (self->box, FALSE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  self->title = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_wrap (self->title, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "title-4");
  self->subtitle = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->subtitle, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  self->rows = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->rows, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->rows), "boxed-list");
  self->own_place = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->own_place, 0);
  gtk_label_set_wrap (self->own_place, TRUE);
  gtk_box_append (GTK_BOX (self->box), heading);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->subtitle));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->rows));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->own_place));
}

GtkWidget *
bz_challenge_board_new (void)
{
  return g_object_new (BZ_TYPE_CHALLENGE_BOARD, NULL);
}
