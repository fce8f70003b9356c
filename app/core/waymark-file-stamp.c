/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"
/* c_std=c11 hides POSIX: O_CLOEXEC, st_mtim, st_ctim. */
#define _XOPEN_SOURCE 700

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "waymark-file-stamp-private.h"

struct _WaymarkFileStamp
{
  gboolean local;
  /* Local files: what stat () says. */
  guint64 device;
  guint64 inode;
  gint64 mtime_sec;
  gint64 mtime_nsec;
  gint64 ctime_sec;
  gint64 ctime_nsec;
  /* Remote files: GIO's etag (nullable). */
  char *etag;
  gint64 size;
  char checksum[65];  /* "" when not computed */
};

#define HASH_PIECE (64 * 1024)

WaymarkFileStamp *
_waymark_file_stamp_new_local (const struct stat *st,
                               const char        *checksum)
{
  WaymarkFileStamp *self = g_new0 (WaymarkFileStamp, 1);

  self->local = TRUE;
  self->device = (guint64) st->st_dev;
  self->inode = (guint64) st->st_ino;
  self->size = (gint64) st->st_size;
  self->mtime_sec = (gint64) st->st_mtim.tv_sec;
  self->mtime_nsec = (gint64) st->st_mtim.tv_nsec;
  self->ctime_sec = (gint64) st->st_ctim.tv_sec;
  self->ctime_nsec = (gint64) st->st_ctim.tv_nsec;
  if (checksum != NULL)
    g_strlcpy (self->checksum, checksum, sizeof self->checksum);
  return self;
}

WaymarkFileStamp *
_waymark_file_stamp_new_remote (const char *etag,
                                gint64      size,
                                const char *checksum)
{
  WaymarkFileStamp *self = g_new0 (WaymarkFileStamp, 1);

  self->etag = g_strdup (etag);
  self->size = size;
  if (checksum != NULL)
    g_strlcpy (self->checksum, checksum, sizeof self->checksum);
  return self;
}

WaymarkFileStamp *
waymark_file_stamp_copy (const WaymarkFileStamp *self)
{
  WaymarkFileStamp *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->etag = g_strdup (self->etag);
  return copy;
}

void
waymark_file_stamp_free (WaymarkFileStamp *self)
{
  if (self == NULL)
    return;
  g_free (self->etag);
  g_free (self);
}

const char *
_waymark_file_stamp_get_etag (const WaymarkFileStamp *self)
{
  return self->etag;
}

const char *
waymark_file_stamp_get_checksum (const WaymarkFileStamp *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->checksum;
}

static gboolean
same_metadata (const WaymarkFileStamp *a,
               const WaymarkFileStamp *b)
{
  if (a->local != b->local || a->size != b->size)
    return FALSE;
  if (!a->local)
    return a->etag != NULL && g_strcmp0 (a->etag, b->etag) == 0;
  return a->device == b->device && a->inode == b->inode &&
         a->mtime_sec == b->mtime_sec && a->mtime_nsec == b->mtime_nsec &&
         a->ctime_sec == b->ctime_sec && a->ctime_nsec == b->ctime_nsec;
}

gboolean
waymark_file_stamp_same_version (const WaymarkFileStamp *a,
                                 const WaymarkFileStamp *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->checksum[0] != '\0' && b->checksum[0] != '\0')
    return strcmp (a->checksum, b->checksum) == 0;
  return same_metadata (a, b);
}

/* Reads and hashes a local file through a descriptor of our own (never
 * blocking on a FIFO planted under the name).  The stamp holds the stat
 * from before the read: if the file changes while we read, the next
 * comparison sees other metadata and reads it again. */
static WaymarkFileStamp *
hash_local (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = NULL;
  struct stat st;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    return NULL;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return NULL;
    }
  buffer = g_malloc (HASH_PIECE);
  for (;;)
    {
      gssize n = read (fd, buffer, HASH_PIECE);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, (gsize) n);
    }
  close (fd);
  return _waymark_file_stamp_new_local (&st, g_checksum_get_string (checksum));
}

static WaymarkFileStamp *
hash_remote (GFile *file)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree guchar *buffer = NULL;
  gint64 size = 0;

  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL)
    return NULL;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_ETAG_VALUE, NULL, NULL);
  buffer = g_malloc (HASH_PIECE);
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, HASH_PIECE, NULL, NULL);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, (gsize) n);
      size += n;
    }
  return _waymark_file_stamp_new_remote (info != NULL ? g_file_info_get_etag (info) : NULL,
                                         size, g_checksum_get_string (checksum));
}

WaymarkFileStamp *
waymark_file_stamp_new_for_file (GFile *file)
{
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_peek_path (file);
  if (path != NULL)
    return hash_local (path);
  return hash_remote (file);
}

/* What the file's metadata says now, without reading it; NULL when there
 * is no file. */
static WaymarkFileStamp *
peek (GFile *file)
{
  const char *path = g_file_peek_path (file);
  g_autoptr(GFileInfo) info = NULL;

  if (path != NULL)
    {
      struct stat st;

      if (g_stat (path, &st) != 0)
        return NULL;
      return _waymark_file_stamp_new_local (&st, NULL);
    }
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return NULL;
  return _waymark_file_stamp_new_remote (g_file_info_get_etag (info),
                                         g_file_info_get_size (info), NULL);
}

WaymarkFileStampMatch
waymark_file_stamp_compare (const WaymarkFileStamp  *self,
                            GFile                   *file,
                            gboolean                 deep,
                            WaymarkFileStamp       **current)
{
  g_autoptr(WaymarkFileStamp) now = NULL;
  WaymarkFileStampMatch match;

  g_return_val_if_fail (self != NULL, WAYMARK_FILE_STAMP_CHANGED);
  g_return_val_if_fail (G_IS_FILE (file), WAYMARK_FILE_STAMP_CHANGED);

  now = peek (file);
  if (now == NULL)
    match = WAYMARK_FILE_STAMP_GONE;
  /* A local stat with the same ctime cannot have been faked; a remote
   * etag can (it is the mtime), so a save looks at the bytes. */
  else if (same_metadata (self, now) && (self->local || !deep))
    match = WAYMARK_FILE_STAMP_SAME;
  /* Other bytes for sure: no need to read a file that may be large. */
  else if (now->size != self->size)
    match = WAYMARK_FILE_STAMP_CHANGED;
  else
    {
      g_clear_pointer (&now, waymark_file_stamp_free);
      now = waymark_file_stamp_new_for_file (file);
      if (now == NULL)
        match = WAYMARK_FILE_STAMP_GONE;
      else if (self->checksum[0] != '\0' && strcmp (now->checksum, self->checksum) == 0)
        match = same_metadata (self, now) ? WAYMARK_FILE_STAMP_SAME : WAYMARK_FILE_STAMP_SAME_BYTES;
      else
        match = WAYMARK_FILE_STAMP_CHANGED;
    }
  if (current != NULL)
    *current = g_steal_pointer (&now);
  return match;
}
