/* bz-crypt.c — encryption at rest (bz-crypt.h). */
#include "bz-crypt.h"

#include <errno.h>
#include <gio/gio.h>
#include <sodium.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bz-error.h"

#define KEY_LEN   crypto_aead_xchacha20poly1305_ietf_KEYBYTES    /* 32 */
#define NONCE_LEN crypto_aead_xchacha20poly1305_ietf_NPUBBYTES   /* 24 */
#define TAG_LEN   crypto_aead_xchacha20poly1305_ietf_ABYTES      /* 16 */
#define MAGIC_LEN 4

struct _BzCrypt
{
  unsigned char *key;   /* sodium_malloc'd, KEY_LEN */
};

char *
bz_crypt_key_path (const char *data_dir)
{
  const char *env = g_getenv (BZ_CRYPT_KEY_FILE_ENV);

  if (env && *env)
    return g_strdup (env);
  return g_build_filename (data_dir, BZ_CRYPT_KEY_FILE_NAME, NULL);
}

static BzCrypt *
crypt_new (const guint8 *key)
{
  BzCrypt *c = g_new0 (BzCrypt, 1);

  c->key = sodium_malloc (KEY_LEN);
  if (c->key == NULL)
    g_error ("sodium_malloc failed");
  memcpy (c->key, key, KEY_LEN);
  return c;
}

BzCrypt *
bz_crypt_load (const char *path, gboolean create, GError **error)
{
  g_autoptr(GError) local = NULL;
  char *contents = NULL;
  gsize len = 0;
  guint8 key[KEY_LEN];
  BzCrypt *c;

  if (sodium_init () < 0)
    {
      g_set_error_literal (error, BZ_ERROR, BZ_ERROR_INTERNAL, "libsodium failed to initialize");
      return NULL;
    }
  if (g_file_get_contents (path, &contents, &len, &local))
    {
      if (len != KEY_LEN)
        {
          sodium_memzero (contents, len);
          g_free (contents);
          g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL,
                       "The encryption key %s is %" G_GSIZE_FORMAT " bytes long, not %d", path, len, (int) KEY_LEN);
          return NULL;
        }
      if (chmod (path, 0600) != 0 && errno != EPERM)   /* a key given read-only by root may stay so */
        g_debug ("Cannot change the mode of %s: %s", path, g_strerror (errno));
      c = crypt_new ((const guint8 *) contents);
      sodium_memzero (contents, len);
      g_free (contents);
      return c;
    }
  if (!g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (!create)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL,
                   "The encryption key %s is missing, and this database holds data encrypted with it: "
                   "restore the key file (see docs/privacy.md)", path);
      return NULL;
    }
  /* Written under a temporary name, then linked to @path: link() fails
   * if another process (the desk and balanzad starting together) made the
   * key first, and then that key is the one read, so all agree on one. */
  {
    g_autofree char *tmp = g_strdup_printf ("%s.new-%d", path, (int) getpid ());
    int rc;
    randombytes_buf (key, sizeof key);
    if (!g_file_set_contents_full (tmp, (const char *) key, sizeof key, G_FILE_SET_CONTENTS_DURABLE, 0600, error))
      {
        sodium_memzero (key, sizeof key);
        return NULL;
      }
    rc = link (tmp, path);
    {
      int saved = errno;
      g_unlink (tmp);
      if (rc != 0)
        {
          sodium_memzero (key, sizeof key);
          if (saved == EEXIST)
            return bz_crypt_load (path, FALSE, error);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "Cannot create %s: %s", path,
                       g_strerror (saved));
          return NULL;
        }
    }
  }
  if (chmod (path, 0600) != 0)   /* the umask may have taken bits from 0600 */
    {
      int saved = errno;
      sodium_memzero (key, sizeof key);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "Cannot change the mode of %s: %s",
                   path, g_strerror (saved));
      return NULL;
    }
  c = crypt_new (key);
  sodium_memzero (key, sizeof key);
  return c;
}

void
bz_crypt_free (BzCrypt *crypt)
{
  if (crypt == NULL)
    return;
  sodium_free (crypt->key);   /* wipes */
  g_free (crypt);
}

gboolean
bz_crypt_is_sealed_text (const char *stored)
{
  return stored != NULL && g_str_has_prefix (stored, BZ_CRYPT_TEXT_PREFIX);
}

/* "TABLE\x1fCOLUMN\x1fROW" (unit separator: none of them holds it). */
static char *
text_ad (const char *table, const char *column, const char *row_id)
{
  return g_strdup_printf ("%s\x1f%s\x1f%s", table, column, row_id ? row_id : "");
}

char *
bz_crypt_seal_text (BzCrypt *crypt, const char *table, const char *column, const char *row_id,
                    const char *plain)
{
  g_autofree char *ad = text_ad (table, column, row_id);
  gsize plen = strlen (plain);
  g_autofree guint8 *buf = NULL;
  g_autofree char *b64 = NULL;
  unsigned long long clen = 0;

  if (bz_crypt_is_sealed_text (plain))
    return g_strdup (plain);
  buf = g_malloc (NONCE_LEN + plen + TAG_LEN);
  randombytes_buf (buf, NONCE_LEN);
  crypto_aead_xchacha20poly1305_ietf_encrypt (buf + NONCE_LEN, &clen, (const guint8 *) plain, plen,
                                              (const guint8 *) ad, strlen (ad), NULL, buf, crypt->key);
  b64 = g_base64_encode (buf, NONCE_LEN + clen);
  return g_strconcat (BZ_CRYPT_TEXT_PREFIX, b64, NULL);
}

char *
bz_crypt_open_text (BzCrypt *crypt, const char *table, const char *column, const char *row_id,
                    const char *stored, GError **error)
{
  g_autofree char *ad = NULL;
  g_autofree guint8 *raw = NULL;
  gsize rlen = 0;
  unsigned long long plen = 0;
  char *plain;

  if (!bz_crypt_is_sealed_text (stored))
    return g_strdup (stored);
  raw = g_base64_decode (stored + strlen (BZ_CRYPT_TEXT_PREFIX), &rlen);
  ad = text_ad (table, column, row_id);
  plain = g_malloc (rlen + 1);
  if (rlen < NONCE_LEN + TAG_LEN ||
      crypto_aead_xchacha20poly1305_ietf_decrypt ((guint8 *) plain, &plen, NULL, raw + NONCE_LEN, rlen - NONCE_LEN,
                                                  (const guint8 *) ad, strlen (ad), raw, crypt->key) != 0)
    {
      g_free (plain);
      g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL,
                   "%s.%s of row %s does not decrypt: wrong encryption key, or damaged data", table, column,
                   row_id ? row_id : "?");
      return NULL;
    }
  plain[plen] = '\0';
  if (!g_utf8_validate (plain, plen, NULL) || strlen (plain) != plen)
    {
      g_free (plain);
      g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "%s.%s of row %s is not text", table, column,
                   row_id ? row_id : "?");
      return NULL;
    }
  return plain;
}

/* The nonce of a blob: BLAKE2b (key, "blob:" SHA256), 24 bytes. */
static void
blob_nonce (BzCrypt *crypt, const char *sha256, guint8 *nonce)
{
  g_autofree char *input = g_strconcat ("blob:", sha256, NULL);
  crypto_generichash (nonce, NONCE_LEN, (const guint8 *) input, strlen (input), crypt->key, KEY_LEN);
}

GBytes *
bz_crypt_seal_blob (BzCrypt *crypt, const char *sha256, GBytes *plain)
{
  gsize plen = 0;
  const guint8 *p = g_bytes_get_data (plain, &plen);
  guint8 nonce[NONCE_LEN];
  guint8 *out = g_malloc (MAGIC_LEN + plen + TAG_LEN);
  unsigned long long clen = 0;

  blob_nonce (crypt, sha256, nonce);
  memcpy (out, BZ_CRYPT_BLOB_MAGIC, MAGIC_LEN);
  crypto_aead_xchacha20poly1305_ietf_encrypt (out + MAGIC_LEN, &clen, p ? p : (const guint8 *) "", plen,
                                              (const guint8 *) sha256, strlen (sha256), NULL, nonce, crypt->key);
  return g_bytes_new_take (out, MAGIC_LEN + clen);
}

gboolean
bz_crypt_is_sealed_blob (const guint8 *data, gsize len)
{
  return len >= MAGIC_LEN + TAG_LEN && memcmp (data, BZ_CRYPT_BLOB_MAGIC, MAGIC_LEN) == 0;
}

GBytes *
bz_crypt_open_blob (BzCrypt *crypt, const char *sha256, const guint8 *data, gsize len, GError **error)
{
  guint8 nonce[NONCE_LEN];
  guint8 *out;
  unsigned long long plen = 0;

  if (!bz_crypt_is_sealed_blob (data, len))
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "Blob %s is not an encrypted blob file", sha256);
      return NULL;
    }
  blob_nonce (crypt, sha256, nonce);
  out = g_malloc (len - MAGIC_LEN - TAG_LEN + 1);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt (out, &plen, NULL, data + MAGIC_LEN, len - MAGIC_LEN,
                                                  (const guint8 *) sha256, strlen (sha256), nonce, crypt->key) != 0)
    {
      g_free (out);
      g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL,
                   "Blob %s does not decrypt: wrong encryption key, or damaged file", sha256);
      return NULL;
    }
  return g_bytes_new_take (out, plen);
}
