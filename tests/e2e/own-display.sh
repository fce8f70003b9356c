# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the end-to-end scripts: `own_display WIDTHxHEIGHT` starts an
# Xvfb of their own when there is no display (or WAYMARK_E2E_OWN_X is
# set) and points DISPLAY at it; `close_own_display` stops it.
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
