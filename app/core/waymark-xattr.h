/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Copies the extended attributes of the file at @source (its ACLs,
 * system.posix_acl_access and system.posix_acl_default, among them) onto
 * the open file @fd, the temporary file a save renames over @source.
 * What the file system or our rights do not allow (a security label
 * only an administrator may set, a file system without extended
 * attributes) is left out; an ACL that cannot be kept fails the save
 * with a message naming @display_name, because without it the people
 * the file was shared with would lose their access.  Returns FALSE with
 * @error set then. */
gboolean waymark_xattr_copy (const char  *source,
                             int          fd,
                             const char  *display_name,
                             GError     **error);

G_END_DECLS
