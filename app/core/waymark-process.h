/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Which process wrote a lock or a recovery journal, recorded so that a
 * later look can tell whether it still runs.  A bare pid is not enough:
 * inside a PID namespace (Flatpak runs every app in one) each start gets
 * the same small pid, so a crashed instance's pid is the next instance's
 * own.  What makes a process unique is the host, the boot (the kernel's
 * boot id), the pid namespace, the pid in it and its start time; a
 * process counts as running only when all of them match.
 *
 * Records of older versions hold a pid alone (host, boot id, namespace
 * NULL, start time 0): they are judged by the pid as before. */
typedef struct {
  int pid;
  char *host;            /* nullable: not recorded */
  char *boot_id;         /* /proc/sys/kernel/random/boot_id; nullable */
  char *pid_namespace;   /* readlink /proc/self/ns/pid, "pid:[…]"; nullable */
  guint64 start_time;    /* /proc/PID/stat field 22, ticks since boot; 0: unknown */
} WaymarkProcess;

WaymarkProcess       *waymark_process_copy       (const WaymarkProcess *self);
void                  waymark_process_free       (WaymarkProcess *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkProcess, waymark_process_free)

/* This process (computed once; thread-safe). */
const WaymarkProcess *waymark_process_self       (void);
/* Whether @self describes this very process. */
gboolean              waymark_process_is_self    (const WaymarkProcess *self);
/* Whether the process @self describes may still be working on what it
 * wrote: same host, boot and pid namespace, the pid alive (not a zombie)
 * and started at the recorded time.  Anything else (another boot, another
 * sandbox, a pid reused by a younger process) is gone.  A record from
 * another host cannot be checked from here and counts as gone too; the
 * lock, which shares folders between hosts, asks about the host first. */
gboolean              waymark_process_is_running (const WaymarkProcess *self);

/* Stored in the [@group] of a key file as "pid", "host", "boot-id",
 * "pid-namespace" and "start-time"; loading a record without "pid"
 * returns NULL. */
void                  waymark_process_to_key_file   (const WaymarkProcess *self,
                                                     GKeyFile             *key_file,
                                                     const char           *group);
WaymarkProcess       *waymark_process_from_key_file (GKeyFile   *key_file,
                                                     const char *group);

/* Whether a bare @pid names a live process on this host (not a zombie):
 * for records that hold nothing else. */
gboolean              waymark_process_pid_is_running (int pid);

G_END_DECLS
