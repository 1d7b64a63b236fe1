/* bz-fake-smtp.h — a fake SMTP server for tests (issue 9: password-reset
 * codes by e-mail): a GSocketService on 127.0.0.1, on a thread of its own,
 * speaking enough plain SMTP (RFC 5321: greeting, EHLO/HELO, MAIL FROM,
 * RCPT TO, DATA, RSET, NOOP, QUIT; no TLS, no AUTH) and recording every
 * message it accepts. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BzFakeSmtp BzFakeSmtp;

/**
 * BzFakeSmtpMessage:
 * @mail_from: the MAIL FROM path, without the brackets
 * @rcpt_to: the RCPT TO path, without the brackets
 * @data: the message as sent after DATA (dot-stuffing undone, CRLF kept)
 */
typedef struct
{
  char *mail_from;
  char *rcpt_to;
  char *data;
} BzFakeSmtpMessage;

/** bz_fake_smtp_start: Returns: (transfer full): a running server on an ephemeral port. */
BzFakeSmtp  *bz_fake_smtp_start (void);
/** bz_fake_smtp_get_port: Returns: its port. */
guint16      bz_fake_smtp_get_port (BzFakeSmtp *self);
/**
 * bz_fake_smtp_set_refuse:
 * @refuse: %TRUE: answer the end of DATA with 554 (RFC 5321 §4.2.3
 *   "Transaction failed") and record nothing
 */
void         bz_fake_smtp_set_refuse (BzFakeSmtp *self, gboolean refuse);
/**
 * bz_fake_smtp_wait:
 * @count: messages (accepted) or sessions (refused ones too) to wait for
 * @sessions: %TRUE: count finished sessions, %FALSE: recorded messages
 *
 * Waits until that many exist, at most 60 s (a bound against a hang, not a
 * timing check).
 *
 * Returns: how many there are.
 */
guint        bz_fake_smtp_wait (BzFakeSmtp *self, guint count, gboolean sessions);
/** bz_fake_smtp_count: Returns: recorded messages so far. */
guint        bz_fake_smtp_count (BzFakeSmtp *self);
/** bz_fake_smtp_dup_message: Returns: (transfer full): a copy of message @i; free with bz_fake_smtp_message_free(). */
BzFakeSmtpMessage *bz_fake_smtp_dup_message (BzFakeSmtp *self, guint i);
void         bz_fake_smtp_message_free (BzFakeSmtpMessage *m);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzFakeSmtpMessage, bz_fake_smtp_message_free)
/** bz_fake_smtp_stop: stops the server, frees @self. */
void         bz_fake_smtp_stop (BzFakeSmtp *self);

G_END_DECLS
