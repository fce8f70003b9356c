# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the end-to-end scripts: what each of them needs to run the
# real `waymark` under an X server of its own and to end it cleanly.
#
#   e2e_begin GEOMETRY NAME   skips (exit 77) without xdotool or X; makes
#                             $tmp, sets the app's environment, and ends
#                             everything on exit
#   e2e_start ARGS...         starts waymark ARGS ($pid; output in $tmp/log)
#   e2e_stop                  ends it and its session bus
#   wait_for SECONDS CMD...   polls CMD; fails early if waymark exited
#   e2e_no_warnings           fails if waymark logged a warning
#   e2e_end_clean             … or if it died
#
# `own_display WIDTHxHEIGHT` starts an Xvfb of its own when there is no
# display (or WAYMARK_E2E_OWN_X is set) and points DISPLAY at it;
# `close_own_display` stops it.
#
# Xvfb picks a free display number itself (-displayfd) and says which once
# it accepts connections.  `xvfb-run -a` guesses a number from lock files
# instead, and two test runs starting together can both take :99, one
# then driving the other's windows.
own_xvfb_pid=

own_display() {  # own_display GEOMETRY; returns 77 (skip) without Xvfb
  if [ -n "${DISPLAY:-}" ] && [ -z "${WAYMARK_E2E_OWN_X:-}" ]; then
    return 0
  fi
  command -v Xvfb >/dev/null || return 77
  local numfile number
  numfile=$(mktemp "${TMPDIR:-/tmp}/waymark-xvfb.XXXXXX")
  Xvfb -displayfd 3 -screen 0 "$1x24" -nolisten tcp 3>"$numfile" >/dev/null 2>&1 &
  own_xvfb_pid=$!
  for _ in $(seq 1 100); do
    number=$(tr -dc '0-9' <"$numfile")
    [ -n "$number" ] && break
    kill -0 "$own_xvfb_pid" 2>/dev/null || break
    sleep 0.1
  done
  rm -f "$numfile"
  [ -n "$number" ] || { close_own_display; return 77; }
  export DISPLAY=":$number"
  unset WAYLAND_DISPLAY
}

close_own_display() {
  [ -n "$own_xvfb_pid" ] || return 0
  kill "$own_xvfb_pid" 2>/dev/null
  wait "$own_xvfb_pid" 2>/dev/null
  own_xvfb_pid=
}

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }

tmp=
pid=

e2e_begin() {  # e2e_begin GEOMETRY NAME
  command -v xdotool >/dev/null || skip "xdotool is not installed"
  own_display "$1" || skip "no display and no Xvfb to start"
  trap close_own_display EXIT
  xdotool getmouselocation >/dev/null 2>&1 || skip "cannot talk to the X server on $DISPLAY"
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/waymark-$2.XXXXXX")
  trap 'e2e_stop; rm -rf "$tmp"; close_own_display' EXIT

  # Nothing of the user's: settings in memory, state and data in $tmp.
  export GSETTINGS_BACKEND=memory GDK_BACKEND=x11
  export XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data"
  export GSK_RENDERER=cairo NO_AT_BRIDGE=1 GTK_A11Y=none LANGUAGE= LC_ALL=C.UTF-8
  # A critical ends the program (and the test); e2e_end_clean fails on
  # warnings.
  export G_DEBUG=fatal-criticals
  unset WAYMARK_RECOVERY_DIR WAYMARK_TEST_GEOMETRY
}

e2e_start() {  # e2e_start ARGS...: its own session bus, so that no other
  # Waymark takes the file over, in a process group of its own, so that
  # e2e_stop ends all of it.
  if command -v dbus-run-session >/dev/null; then
    setsid dbus-run-session -- "$waymark" "$@" >>"$tmp/log" 2>&1 &
  else
    setsid "$waymark" "$@" >>"$tmp/log" 2>&1 &
  fi
  pid=$!
}

e2e_stop() {  # waymark first, so that dbus-run-session reaps it and ends
  [ -n "$pid" ] || return 0
  pkill -TERM -g "$pid" -x waymark 2>/dev/null
  sleep 0.5
  kill -- -"$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  pid=
}

wait_for() {  # wait_for SECONDS COMMAND...
  local end=$((SECONDS + $1)); shift
  until "$@"; do
    [ $SECONDS -ge $end ] && return 1
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      fail "waymark exited: $(cat "$tmp/log")"
    fi
    sleep 0.2
  done
}

e2e_no_warnings() {
  if grep -E "CRITICAL|WARNING" "$tmp/log"; then
    fail "waymark logged warnings"
  fi
}

e2e_end_clean() {
  kill -0 "$pid" 2>/dev/null || fail "waymark died: $(cat "$tmp/log")"
  e2e_no_warnings
}
