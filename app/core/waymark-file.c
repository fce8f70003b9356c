/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"
/* c_std=c11 hides POSIX: fchown, kill, O_CLOEXEC, st_mtim. */
#define _XOPEN_SOURCE 700

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "waymark-error.h"
#include "waymark-file.h"
#include "waymark-file-stamp-private.h"
#include "waymark-process.h"
#include "waymark-writer.h"
#include "waymark-xattr.h"

/* How a save works, and why not simply g_file_replace ().
 *
 * Measured with strace on Debian 12 (GLib 2.74.6), g_file_replace () on a
 * local file:
 *  - when the file exists, writes ".goutputstream-XXXXXX" in the same
 *    folder, fchown + fchmod to the old owner and mode, fsync, rename.  The
 *    folder itself is not fsynced;
 *  - when the file does not exist yet, opens the final name with O_EXCL and
 *    writes into it: no temporary file and no fsync, so a crash mid-write
 *    leaves a truncated file under the real name;
 *  - when the name is a symlink (or a file with several hard links), falls
 *    back to truncating the target and writing in place: a crash in between
 *    destroys the only copy.
 * And its temporary name is generic, so after a crash we could not tell our
 * leftovers from another program's save in progress in the same folder.
 *
 * So for local files we do it ourselves: resolve symlinks, write
 * "<basename>.waymark-save-<pid>-XXXXXX" beside the target, copy owner,
 * mode and extended attributes (ACLs among them: a map shared with a
 * group through an ACL stays writable for the group), fsync, compare the stamp once more, rename, fsync the folder.  The
 * pid in the name lets waymark_file_sweep_temporaries () tell a crashed
 * save from one in progress.  A file with several hard links loses the
 * link this way (the other names keep the previous version): for a map
 * shared through git or a sync folder, never being half-written matters
 * more.  Non-local files (GVfs) go through g_file_replace (), whose
 * backends do their own thing.
 *
 * What a save compares is a WaymarkFileStamp, not GIO's etag: the etag is
 * the mtime, which `cp -p`, `rsync -t` and sync tools keep while they
 * replace the bytes.  The stamp adds the inode and the change time, which
 * no program can set, and falls back on the checksum whenever they
 * differ.  File times tick with the kernel's coarse clock (4 ms here): a
 * change within the same tick as our save goes unnoticed. */

#define TEMP_INFIX ".waymark-save-"
#define TEMP_RANDOM "XXXXXX"
/* A save can take a while on a slow network share; a temporary file this old
 * is stale even if its pid now belongs to a live process (pids are reused). */
#define TEMP_STALE_SECONDS (10 * 60)
/* Room the infix, a pid, '-' and the random part need in a file name. */
#define TEMP_SUFFIX_MAX (sizeof TEMP_INFIX - 1 + 10 + 1 + sizeof TEMP_RANDOM - 1)

char *
waymark_file_get_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  if (path != NULL)
    return g_filename_display_name (path);
  return g_file_get_parse_name (file);
}

/* Follows a chain of symlinks to the file a save must replace, so the link
 * itself stays a link.  A dangling link resolves to the missing target, which
 * the save then creates.  Directory symlinks in the path need no care: the
 * rename happens inside whatever folder the path reaches. */
static char *
resolve_symlinks (const char *path)
{
  g_autofree char *current = g_strdup (path);

  /* The kernel's own limit (MAXSYMLINKS); past it stat () fails with ELOOP
   * and the caller reports that. */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *target = g_file_read_link (current, NULL);
      g_autofree char *dir = NULL;

      if (target == NULL)
        break;
      if (g_path_is_absolute (target))
        {
          g_free (current);
          current = g_steal_pointer (&target);
          continue;
        }
      /* Not g_canonicalize_filename (): resolving ".." lexically is wrong
       * when the folder is itself reached through a symlink. */
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_build_filename (dir, target, NULL);
    }
  return g_steal_pointer (&current);
}

/* "<basename>.waymark-save-": the basename is cut (at a character boundary
 * when it is UTF-8) so that the whole temporary name fits in NAME_MAX. */
static char *
temp_prefix (const char *basename)
{
  gsize room = NAME_MAX - TEMP_SUFFIX_MAX;
  gsize len = strlen (basename);

  if (len > room)
    {
      len = room;
      if (g_utf8_validate (basename, -1, NULL))
        {
          while (len > 0 && ((guchar) basename[len] & 0xC0) == 0x80)
            len--;
        }
    }
  return g_strdup_printf ("%.*s" TEMP_INFIX, (int) len, basename);
}

/* Parses "<pid>-XXXXXX" after the prefix; anything else is not our name. */
static gboolean
parse_temp_suffix (const char *suffix,
                   pid_t      *pid)
{
  guint64 value = 0;
  const char *p = suffix;

  if (!g_ascii_isdigit (*p) || *p == '0')
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    {
      value = value * 10 + (guint64) (*p - '0');
      if (value > G_MAXINT32)
        return FALSE;
    }
  if (*p++ != '-')
    return FALSE;
  for (gsize i = 0; i < sizeof TEMP_RANDOM - 1; i++, p++)
    {
      if (!g_ascii_isalnum (*p))
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;
  *pid = (pid_t) value;
  return TRUE;
}

guint
waymark_file_sweep_temporaries (GFile *file)
{
  const char *path;
  g_autofree char *target = NULL;
  g_autofree char *dir_path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gint64 now;
  guint removed = 0;

  g_return_val_if_fail (G_IS_FILE (file), 0);

  /* Only local saves write our temporary files. */
  path = g_file_peek_path (file);
  if (path == NULL)
    return 0;

  target = resolve_symlinks (path);
  dir_path = g_path_get_dirname (target);
  basename = g_path_get_basename (target);
  prefix = temp_prefix (basename);

  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return 0;

  now = g_get_real_time () / G_USEC_PER_SEC;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *temp_path = NULL;
      struct stat st;
      pid_t pid;

      if (!g_str_has_prefix (name, prefix) ||
          !parse_temp_suffix (name + strlen (prefix), &pid))
        continue;

      temp_path = g_build_filename (dir_path, name, NULL);
      if (g_lstat (temp_path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      /* A writer still running may be mid-save; one gone (or a zombie
       * nobody reaped) never finishes. */
      if (waymark_process_pid_is_running (pid) && now - st.st_mtime < TEMP_STALE_SECONDS)
        continue;
      if (g_unlink (temp_path) == 0)
        {
          g_debug ("Removed %s, left by an interrupted save", temp_path);
          removed++;
        }
    }
  return removed;
}

/* ---- Loading ---- */

static void
set_too_large (GError     **error,
               const char  *name,
               guint64      size)
{
  const guint64 mb = 1024 * 1024;
  /* Rounded up so that a file just over the cap is not reported as
   * "256 MB" in the same sentence that says 256 MB is too much. */
  guint size_mb = (guint) MIN ((size + mb - 1) / mb, G_MAXUINT);

  g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE,
               _("%s:1: the file is %u MB; journeys larger than %u MB are refused"),
               name, size_mb, (guint) (WAYMARK_READER_MAX_SIZE / mb));
}

typedef enum {
  IO_OPEN,
  IO_READ,
} IoStep;

static void
set_io_error (GError     **error,
              const char  *name,
              IoStep       step,
              const char  *message)
{
  /* No line to point at, so "FILE: problem" rather than "FILE:LINE:". */
  if (step == IO_OPEN)
    g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_IO,
                 _("%s: cannot open: %s"), name, message);
  else
    g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_IO,
                 _("%s: cannot read: %s"), name, message);
}

static gboolean
same_file_state (const struct stat *a,
                 const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
         a->st_size == b->st_size &&
         a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
         a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
         a->st_ctim.tv_sec == b->st_ctim.tv_sec &&
         a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

/* Files are read in pieces of this size, each checked, hashed and parsed
 * before the next is read: the whole file is never in memory (a large
 * map's bytes would cost as much as its model), and there is no second
 * pass over it.  The reader hands libxml2 pieces of the same size. */
#define LOAD_PIECE (64 * 1024)

/* Where the bytes of a load go, piece by piece. */
typedef struct {
  WaymarkReader *reader;
  GChecksum *checksum;   /* nullable: no one asked for it or a stamp */
  guint64 length;
  gboolean refused;      /* waymark_reader_finish() says why */
} LoadSink;

/* Whether @length more bytes take the file over the cap: it grew since
 * it was measured (or it could not be measured). */
static gboolean
sink_over_cap (LoadSink    *sink,
               gsize        length,
               const char  *name,
               guint64      size,
               GError     **error)
{
  sink->length += length;
  if (sink->length <= WAYMARK_READER_MAX_SIZE)
    return FALSE;
  set_too_large (error, name, MAX (sink->length, size));
  return TRUE;
}

static void
sink_take (LoadSink   *sink,
           const char *data,
           gsize       length)
{
  /* Crash recovery keys its journal on these exact bytes. */
  if (sink->checksum != NULL)
    g_checksum_update (sink->checksum, (const guchar *) data, length);
  sink->refused = !waymark_reader_feed (sink->reader, data, length, NULL);
}

/* How much to read next: at most one byte over the cap, which is enough
 * to know that a file is too large. */
static gsize
sink_want (LoadSink *sink)
{
  return (gsize) MIN ((guint64) LOAD_PIECE, (guint64) WAYMARK_READER_MAX_SIZE + 1 - sink->length);
}

/* Reads a local file through a descriptor of our own: O_NONBLOCK so a FIFO
 * planted under a .journey name cannot hang the open, and fstat () to refuse
 * anything but a regular file before reading a byte. */
static gboolean
load_native (const char        *path,
             const char        *name,
             LoadSink          *sink,
             WaymarkFileStamp **stamp,
             GError           **error)
{
  g_autofree char *buffer = NULL;
  struct stat before, after;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int errsv = errno;
      set_io_error (error, name, IO_OPEN, g_strerror (errsv));
      return FALSE;
    }

  if (fstat (fd, &before) != 0)
    {
      int errsv = errno;
      set_io_error (error, name, IO_OPEN, g_strerror (errsv));
      close (fd);
      return FALSE;
    }
  if (!S_ISREG (before.st_mode))
    {
      set_io_error (error, name, IO_OPEN,
                    S_ISDIR (before.st_mode) ? g_strerror (EISDIR)
                                             : _("not a regular file"));
      close (fd);
      return FALSE;
    }
  if (before.st_size > WAYMARK_READER_MAX_SIZE)
    {
      set_too_large (error, name, (guint64) before.st_size);
      close (fd);
      return FALSE;
    }

  /* The file may grow between fstat () and read (): the cap holds for
   * what is read, too.  Once the reader refuses the document, reading on
   * would not change the verdict. */
  buffer = g_malloc (LOAD_PIECE);
  while (!sink->refused)
    {
      gssize n = read (fd, buffer, sink_want (sink));

      if (n < 0)
        {
          int errsv = errno;

          if (errsv == EINTR)
            continue;
          set_io_error (error, name, IO_READ, g_strerror (errsv));
          close (fd);
          return FALSE;
        }
      if (n == 0)
        break;
      if (sink_over_cap (sink, (gsize) n, name, (guint64) before.st_size, error))
        {
          close (fd);
          return FALSE;
        }
      sink_take (sink, buffer, (gsize) n);
    }

  if (stamp != NULL && !sink->refused)
    {
      /* Changed under us while we read (written in place by another
       * program): what we read may be a mix, so no checksum can vouch for
       * it, and the next comparison must find a change. */
      if (fstat (fd, &after) != 0 || !same_file_state (&before, &after))
        *stamp = _waymark_file_stamp_new_local (&before, NULL);
      else
        *stamp = _waymark_file_stamp_new_local (&after, g_checksum_get_string (sink->checksum));
    }
  close (fd);
  return TRUE;
}

/* Remote files (GVfs): same cap, through the stream. */
static gboolean
load_remote (GFile             *file,
             const char        *name,
             LoadSink          *sink,
             WaymarkFileStamp **stamp,
             GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *buffer = NULL;
  guint64 size = 0;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      set_io_error (error, name, IO_OPEN, local_error->message);
      return FALSE;
    }

  info = g_file_input_stream_query_info (stream,
                                         G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                         G_FILE_ATTRIBUTE_ETAG_VALUE,
                                         NULL, NULL);
  if (info != NULL)
    {
      if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_TYPE) &&
          g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        {
          set_io_error (error, name, IO_OPEN, _("not a regular file"));
          return FALSE;
        }
      if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
        size = (guint64) MAX (g_file_info_get_size (info), 0);
      if (size > WAYMARK_READER_MAX_SIZE)
        {
          set_too_large (error, name, size);
          return FALSE;
        }
    }

  buffer = g_malloc (LOAD_PIECE);
  while (!sink->refused)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sink_want (sink),
                                      NULL, &local_error);

      if (n < 0)
        {
          set_io_error (error, name, IO_READ, local_error->message);
          return FALSE;
        }
      if (n == 0)
        break;
      if (sink_over_cap (sink, (gsize) n, name, size, error))
        return FALSE;
      sink_take (sink, buffer, (gsize) n);
    }

  if (stamp != NULL && !sink->refused)
    *stamp = _waymark_file_stamp_new_remote (info != NULL ? g_file_info_get_etag (info) : NULL,
                                             (gint64) sink->length,
                                             g_checksum_get_string (sink->checksum));
  return TRUE;
}

WaymarkJourney *
waymark_file_load (GFile             *file,
                   WaymarkReadInfo   *info,
                   WaymarkFileStamp **stamp,
                   GError           **error)
{
  g_autofree char *name = NULL;
  g_autoptr(WaymarkFileStamp) file_stamp = NULL;
  g_autoptr(WaymarkReader) reader = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  WaymarkJourney *journey;
  LoadSink sink = { NULL, };
  const char *path;
  gboolean read_ok;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (info != NULL)
    info->checksum[0] = '\0';

  waymark_file_sweep_temporaries (file);

  name = waymark_file_get_display_name (file);
  reader = waymark_reader_new (name);
  if (info != NULL && info->share_with != NULL)
    waymark_reader_set_share_with (reader, info->share_with);
  if (info != NULL || stamp != NULL)
    checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sink.reader = reader;
  sink.checksum = checksum;

  path = g_file_peek_path (file);
  if (path != NULL)
    read_ok = load_native (path, name, &sink, stamp ? &file_stamp : NULL, error);
  else
    read_ok = load_remote (file, name, &sink, stamp ? &file_stamp : NULL, error);
  if (!read_ok)
    return NULL;

  journey = waymark_reader_finish (reader, info, error);
  if (journey == NULL)
    return NULL;
  /* The reader does not touch the checksum field. */
  if (info != NULL)
    g_strlcpy (info->checksum, g_checksum_get_string (checksum), sizeof info->checksum);
  if (stamp != NULL)
    *stamp = g_steal_pointer (&file_stamp);
  return journey;
}

/* ---- Saving ---- */

static void
set_save_error (GError     **error,
                const char  *name,
                int          errsv)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("Could not save “%s”: %s"), name, g_strerror (errsv));
}

static void
set_wrong_etag (GError     **error,
                const char  *name)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
               _("Could not save “%s”: the file changed on disk since it was opened"),
               name);
}

/* Compares @expected with what is on disk now, down to the bytes when
 * anything about the file differs.  A file that is gone is not a conflict:
 * like g_file_replace (), the save creates it again.  @current (nullable
 * out) receives the stamp of the file on disk. */
static gboolean
check_stamp (GFile                   *target,
             const WaymarkFileStamp  *expected,
             const char              *name,
             WaymarkFileStamp       **current,
             GError                 **error)
{
  if (expected == NULL)
    return TRUE;
  if (waymark_file_stamp_compare (expected, target, TRUE, current) == WAYMARK_FILE_STAMP_CHANGED)
    {
      set_wrong_etag (error, name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length,
           int          *errsv)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *errsv = errno;
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* Makes the rename itself durable; without it a power cut right after a
 * save may bring back the previous version (never a broken one).  Some
 * file systems refuse fsync on a folder: that is not worth failing over. */
static void
sync_folder (const char *dir_path)
{
  int fd = g_open (dir_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      (void) g_fsync (fd);
      close (fd);
    }
}

static gboolean
replace_native (GFile                   *file,
                const char              *path,
                GBytes                  *bytes,
                const WaymarkFileStamp  *expected,
                WaymarkFileStamp       **new_stamp,
                GError                 **error)
{
  g_autofree char *name = waymark_file_get_display_name (file);
  g_autofree char *target = resolve_symlinks (path);
  g_autoptr(GFile) target_file = g_file_new_for_path (target);
  g_autofree char *dir_path = g_path_get_dirname (target);
  g_autofree char *basename = g_path_get_basename (target);
  g_autofree char *prefix = temp_prefix (basename);
  g_autofree char *temp_path = NULL;
  g_autofree char *temp_name = NULL;
  struct stat st, written_st, final_st;
  gboolean exists;
  const guint8 *data;
  gsize length;
  int errsv = 0;
  int fd;

  if (g_stat (target, &st) == 0)
    {
      exists = TRUE;
      if (S_ISDIR (st.st_mode))
        {
          set_save_error (error, name, EISDIR);
          return FALSE;
        }
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("Could not save “%s”: not a regular file"), name);
          return FALSE;
        }
      /* rename () would happily replace a file the user made read-only;
       * g_file_replace () refuses, and so do we. */
      if (g_access (target, W_OK) != 0)
        {
          errsv = errno;
          set_save_error (error, name, errsv);
          return FALSE;
        }
    }
  else if (errno == ENOENT)
    exists = FALSE;
  else
    {
      errsv = errno;
      set_save_error (error, name, errsv);
      return FALSE;
    }

  /* Checked here as well as before the rename so that a conflict does not
   * cost writing out a large map first. */
  if (exists && !check_stamp (target_file, expected, name, NULL, error))
    return FALSE;

  temp_name = g_strdup_printf ("%s%d-" TEMP_RANDOM, prefix, (int) getpid ());
  temp_path = g_build_filename (dir_path, temp_name, NULL);
  /* 0666 before the umask, as any new file; an existing file's mode is
   * copied below. */
  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      errsv = errno;
      set_save_error (error, name, errsv);
      return FALSE;
    }

  if (exists)
    {
      struct stat temp_st;

      if (fstat (fd, &temp_st) != 0)
        {
          errsv = errno;
          goto fail;
        }
      /* Keep the owner when we may (root saving a user's map); when we may
       * not, the file becomes ours, as with any editor that saves by
       * rename.  chown first: it clears set-id bits that fchmod restores. */
      if ((temp_st.st_uid != st.st_uid || temp_st.st_gid != st.st_gid) &&
          fchown (fd, st.st_uid, st.st_gid) != 0)
        g_debug ("Cannot keep the owner of %s: %s", target, g_strerror (errno));
      if (fchmod (fd, st.st_mode & 07777) != 0)
        {
          errsv = errno;
          /* Some file systems (FAT, some CIFS mounts) have one fixed mode
           * and refuse to set even that. */
          if (fstat (fd, &temp_st) != 0 || (temp_st.st_mode & 07777) != (st.st_mode & 07777))
            goto fail;
        }
      /* After the mode: an ACL's mask is the group bits of the mode, and
       * setting it sets them back to what the old file had. */
      if (!waymark_xattr_copy (target, fd, name, error))
        {
          close (fd);
          g_unlink (temp_path);
          return FALSE;
        }
    }

  data = g_bytes_get_data (bytes, &length);
  if (!write_all (fd, data, length, &errsv))
    goto fail;
  /* Always, also for a new file: the rename must never reach the disk
   * before the data does. */
  if (g_fsync (fd) != 0 || fstat (fd, &written_st) != 0)
    {
      errsv = errno;
      goto fail;
    }
  /* Network file systems report some write errors only here. */
  if (close (fd) != 0)
    {
      errsv = errno;
      fd = -1;
      goto fail;
    }
  fd = -1;

  if (!check_stamp (target_file, expected, name, NULL, error))
    {
      g_unlink (temp_path);
      return FALSE;
    }

  if (g_rename (temp_path, target) != 0)
    {
      errsv = errno;
      goto fail;
    }
  sync_folder (dir_path);

  if (new_stamp != NULL)
    {
      g_autofree char *checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

      /* The rename changed the ctime; the stat of the name is ours unless
       * another program replaced it in the meantime, which the stamp of
       * our own inode then tells apart. */
      if (g_stat (target, &final_st) == 0 &&
          final_st.st_dev == written_st.st_dev && final_st.st_ino == written_st.st_ino)
        *new_stamp = _waymark_file_stamp_new_local (&final_st, checksum);
      else
        *new_stamp = _waymark_file_stamp_new_local (&written_st, checksum);
    }
  return TRUE;

fail:
  if (fd >= 0)
    close (fd);
  g_unlink (temp_path);
  set_save_error (error, name, errsv);
  return FALSE;
}

static gboolean
replace_remote (GFile                   *file,
                GBytes                  *bytes,
                const WaymarkFileStamp  *expected,
                WaymarkFileStamp       **new_stamp,
                GError                 **error)
{
  g_autofree char *name = waymark_file_get_display_name (file);
  g_autoptr(WaymarkFileStamp) current = NULL;
  const char *expected_etag = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  gconstpointer data;
  gsize length;

  /* Our own comparison of the bytes; then GVfs compares the etag of the
   * version we compared, which closes the gap until it writes. */
  if (!check_stamp (file, expected, name, &current, error))
    return FALSE;
  if (current != NULL)
    expected_etag = _waymark_file_stamp_get_etag (current);
  stream = g_file_replace (file, expected_etag, FALSE, G_FILE_CREATE_NONE,
                           NULL, &local_error);
  if (stream == NULL)
    goto fail;

  data = g_bytes_get_data (bytes, &length);
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, length,
                                  NULL, NULL, &local_error))
    {
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      /* Closing normally would put the half-written file in place; a
       * cancelled close discards it and keeps the old one. */
      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancel, NULL);
      goto fail;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    goto fail;

  if (new_stamp != NULL)
    {
      g_autofree char *etag = g_file_output_stream_get_etag (stream);
      g_autofree char *checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

      *new_stamp = _waymark_file_stamp_new_remote (etag, (gint64) length, checksum);
    }
  return TRUE;

fail:
  /* The GUI matches on WRONG_ETAG to ask what to do: keep it as it is. */
  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    g_prefix_error (&local_error, _("Could not save “%s”: "), name);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
waymark_file_replace_contents (GFile                   *file,
                               GBytes                  *bytes,
                               const WaymarkFileStamp  *expected,
                               WaymarkFileStamp       **new_stamp,
                               GError                 **error)
{
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_peek_path (file);
  if (path != NULL)
    return replace_native (file, path, bytes, expected, new_stamp, error);
  return replace_remote (file, bytes, expected, new_stamp, error);
}

gboolean
waymark_file_save (WaymarkJourney          *journey,
                   GFile                   *file,
                   const WaymarkFileStamp  *expected,
                   WaymarkFileStamp       **new_stamp,
                   GError                 **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = waymark_writer_write (journey);
  return waymark_file_replace_contents (file, bytes, expected, new_stamp, error);
}
