#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end: never losing work when the process dies.  The real `waymark`
# binary opens a copy of the example map; real key presses delete every
# card (Ctrl+A, Delete); once the recovery journal is on disk the process
# is killed with SIGKILL.
#  1. The next start restores the unsaved change (the title carries the
#     unsaved mark "• "); Ctrl+S then writes it, and the file on disk has
#     no touchpoints left.
#  2. The same again, but a teammate changes the file on disk before the
#     restart: the journal is not replayed onto their version; it is set
#     aside, the user is told where, and the file keeps the teammate's bytes.
#  3. SIGTERM right after an edit (a logout): the journal is written at once,
#     the lock file released, and the next start restores the edit.
#
#   test-e2e-crash.sh WAYMARK MAP
set -u

waymark=${1:?usage: test-e2e-crash.sh WAYMARK MAP}
template=${2:?}

. "$(dirname "$0")/e2e-session.sh"
e2e_begin 1280x800 e2e-crash

map="$tmp/crash.journey"
touchpoints() { grep -c '<touchpoint ' "$1"; }

journal_dir="$XDG_STATE_HOME/waymark/recovery"

window_id() { xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n 1; }
has_window() { [ -n "$(window_id "$1")" ]; }
modified() { case "$(xdotool getwindowname "$win")" in "• "*) return 0 ;; esac; return 1; }
focus() {
  xdotool windowactivate "$1" 2>/dev/null
  xdotool windowfocus "$1" 2>/dev/null
  sleep 0.5
}

# Opens the map, deletes every card, waits for the journal, kills -9.
edit_and_crash() {
  local win title
  e2e_start "$map"
  wait_for 30 has_window "Fitness watch" || fail "no window appeared: $(cat "$tmp/log")"
  sleep 1
  win=$(window_id "Fitness watch")
  focus "$win"
  title=$(xdotool getwindowname "$win")
  case "$title" in "• "*) fail "modified before any edit: $title" ;; esac

  xdotool key ctrl+a
  sleep 0.3
  xdotool key Delete
  wait_for 10 modified || fail "the edit did not register: $(xdotool getwindowname "$win"); windows: $(for w in $(xdotool search --onlyvisible --name .); do xdotool getwindowname $w; done); log: $(cat "$tmp/log")"
  edited_title=$(xdotool getwindowname "$win")

  # The journal is written ~3 s after the last edit (later on a busy machine).
  journal() { ls "$journal_dir"/*.info >/dev/null 2>&1; }
  wait_for 30 journal || fail "no recovery journal was written; log: $(cat "$tmp/log")"
  sleep 0.5

  kill -9 "$(xdotool getwindowpid "$win")" || fail "no process for the window"
  # dbus-run-session reaps waymark and ends with it (killing it first
  # would leave an unreaped zombie that still counts as running).
  wait "$pid" 2>/dev/null
  pid=
  gone() { ! xdotool search --onlyvisible --name . >/dev/null 2>&1; }
  wait_for 10 gone || fail "the window outlived kill -9"
}

# ---- 1. restored after kill -9 ----
cp "$template" "$map" || fail "cannot copy $template"
before=$(touchpoints "$map")
[ "$before" -gt 0 ] || fail "$template has no touchpoints to delete"
edit_and_crash
[ "$(touchpoints "$map")" = "$before" ] || fail "the file changed before anything was saved"

e2e_start
wait_for 30 has_window "^• " || fail "no restored window; log: $(cat "$tmp/log")"
win=$(window_id "^• ")
restored=$(xdotool getwindowname "$win")
[ "$restored" = "$edited_title" ] || fail "restored “$restored”, expected “$edited_title”"
focus "$win"
xdotool key ctrl+s
saved() { [ "$(touchpoints "$map")" = 0 ]; }
wait_for 15 saved || fail "saving the restored map did not write it ($(touchpoints "$map") touchpoints); log: $(cat "$tmp/log")"
journal_gone() { ! ls "$journal_dir"/*.info >/dev/null 2>&1; }
wait_for 10 journal_gone || fail "the journal outlived the save: $(ls "$journal_dir")"
e2e_stop
echo "PASS: an edit survived kill -9 and was saved ($before → 0 touchpoints)"

# ---- 2. the file changed on disk meanwhile: set aside, not replayed ----
cp "$template" "$map"
edit_and_crash
printf '<!-- a teammate saved this -->\n' >>"$map"
teammate=$(sha256sum <"$map")

e2e_start
wait_for 30 has_window "Kept Aside" ||
  wait_for 1 has_window "Unsaved Changes" || fail "nobody was told about the set-aside changes; log: $(cat "$tmp/log")"
sleep 1
[ "$(sha256sum <"$map")" = "$teammate" ] || fail "the teammate's file was overwritten"
aside=$(ls "$journal_dir"/set-aside/ 2>/dev/null | head -n 1)
[ -n "$aside" ] || fail "no set-aside copy in $journal_dir/set-aside"
grep -q '<journey ' "$journal_dir/set-aside/$aside" || fail "the set-aside copy is not a journey map"
[ "$(touchpoints "$journal_dir/set-aside/$aside")" = 0 ] || fail "the set-aside copy does not hold the unsaved edit"
e2e_stop

# ---- 3. SIGTERM (a logout, `kill`): no question, but nothing lost ----
rm -rf "$journal_dir"
cp "$template" "$map"
e2e_start "$map"
wait_for 30 has_window "Fitness watch" || fail "no window appeared: $(cat "$tmp/log")"
sleep 1
win=$(window_id "Fitness watch")
focus "$win"
xdotool key ctrl+a
sleep 0.3
xdotool key Delete
wait_for 10 modified || fail "the edit did not register"
# At once: no time for the debounced journal.
kill -TERM "$(xdotool getwindowpid "$win")"
wait "$pid" 2>/dev/null
pid=
ls "$journal_dir"/*.info >/dev/null 2>&1 || fail "SIGTERM wrote no recovery journal; log: $(cat "$tmp/log")"
ls -a "$tmp" | grep -q 'waymark-lock' && fail "SIGTERM left the lock file: $(ls -a "$tmp")"
[ "$(touchpoints "$map")" = "$before" ] || fail "SIGTERM saved over the file"
e2e_start
wait_for 30 has_window "^• " || fail "no restored window after SIGTERM; log: $(cat "$tmp/log")"
e2e_stop
echo "PASS: SIGTERM kept the unsaved edit in the journal and released the lock"

e2e_no_warnings
echo "PASS: with the file changed on disk, the unsaved edit was set aside ($aside)"
