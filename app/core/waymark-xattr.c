/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"
/* c_std=c11 hides POSIX: O_CLOEXEC. */
#define _XOPEN_SOURCE 700

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "waymark-xattr.h"

/* The kernel's own limits (XATTR_LIST_MAX, XATTR_SIZE_MAX). */
#define LIST_MAX  (64 * 1024)
#define VALUE_MAX (64 * 1024)

static gboolean
is_acl (const char *name)
{
  return strcmp (name, "system.posix_acl_access") == 0 ||
         strcmp (name, "system.posix_acl_default") == 0;
}

/* Errors that mean "this attribute cannot be had here", not a failure. */
static gboolean
is_unsupported (int errsv)
{
  return errsv == ENOTSUP || errsv == EOPNOTSUPP || errsv == EPERM || errsv == EACCES;
}

gboolean
waymark_xattr_copy (const char  *source,
                    int          fd,
                    const char  *display_name,
                    GError     **error)
{
  g_autofree char *names = g_malloc (LIST_MAX);
  g_autofree char *value = g_malloc (VALUE_MAX);
  ssize_t list_length;
  int source_fd;
  gboolean ok = TRUE;

  source_fd = open (source, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (source_fd < 0)
    {
      g_debug ("Cannot read the extended attributes of %s: %s", source, g_strerror (errno));
      return TRUE;
    }
  list_length = flistxattr (source_fd, names, LIST_MAX);
  if (list_length < 0)
    {
      /* No extended attributes on this file system: nothing to keep. */
      if (!is_unsupported (errno))
        g_debug ("Cannot list the extended attributes of %s: %s", source, g_strerror (errno));
      list_length = 0;
    }

  for (const char *name = names; ok && name < names + list_length; name += strlen (name) + 1)
    {
      ssize_t length = fgetxattr (source_fd, name, value, VALUE_MAX);

      if (length < 0)
        {
          g_debug ("Cannot read %s of %s: %s", name, source, g_strerror (errno));
          continue;
        }
      if (fsetxattr (fd, name, value, (size_t) length, 0) == 0)
        continue;
      if (is_acl (name))
        {
          int errsv = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       _("Could not save “%s”: its access control list (who else may read or change it) cannot be kept: %s"),
                       display_name, g_strerror (errsv));
          ok = FALSE;
        }
      else
        /* A security label (security.selinux) is the administrator's to
         * set; the folder's default label applies to the new file. */
        g_debug ("Cannot keep %s of %s: %s", name, source, g_strerror (errno));
    }
  close (source_fd);
  return ok;
}
