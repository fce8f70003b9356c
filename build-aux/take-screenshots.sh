#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Takes the AppStream screenshots (data/screenshots/*.png, named in the
# metainfo) from the real application: the built `waymark` on an Xvfb of
# its own, driven with xdotool, captured with ImageMagick's `import`.
#
#   build-aux/take-screenshots.sh [BUILD_DIR] [OUT_DIR]
#
# Needs xvfb, xdotool, imagemagick and dbus-x11 (build-aux/install-deps.sh
# installs them).  Look at the results before committing them.
set -eu

cd "$(dirname "$0")/.."
build=${1:-build}
out=${2:-data/screenshots}
waymark="$build/app/waymark"
[ -x "$waymark" ] || { echo "No $waymark: build first (meson setup $build && ninja -C $build)" >&2; exit 1; }
mkdir -p "$out"

export WAYMARK_E2E_OWN_X=1
. tests/e2e/e2e-session.sh
own_display 1280x800 || { echo "Cannot start Xvfb" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/waymark-shots.XXXXXX")
pid=
stop_app() {
  [ -n "$pid" ] || return 0
  pkill -TERM -g "$pid" -x waymark 2>/dev/null || true
  sleep 0.5
  kill -- -"$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=
}
trap 'stop_app; close_own_display; rm -rf "$tmp"' EXIT

# A saved copy of the example, so the title is a file name.
map="$tmp/Fitness watch.journey"
cp data/templates/example-fitness-watch.journey "$map"

export GSETTINGS_BACKEND=memory GDK_BACKEND=x11 GSK_RENDERER=cairo NO_AT_BRIDGE=1
export XDG_STATE_HOME="$tmp/state" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache"
export WAYMARK_DATADIR="$PWD/data" WAYMARK_LOCALEDIR="$build/po"
export LANGUAGE=${SHOT_LANGUAGE:-en} LC_ALL=C.UTF-8
unset WAYMARK_RECOVERY_DIR G_DEBUG

start() {  # start ARGS...
  setsid dbus-run-session -- "$waymark" "$@" >>"$tmp/log" 2>&1 &
  pid=$!
  local win=
  for _ in $(seq 1 150); do
    win=$(xdotool search --onlyvisible --name "Fitness|Waymark|Journey" 2>/dev/null | head -n 1 || true)
    [ -n "$win" ] && break
    sleep 0.2
  done
  [ -n "$win" ] || { echo "No window: $(cat "$tmp/log")" >&2; exit 1; }
  xdotool windowmove "$win" 0 0 windowsize "$win" 1280 800 windowactivate "$win" 2>/dev/null || true
  xdotool windowfocus "$win" 2>/dev/null || true
  sleep 2
}

shoot() {  # shoot NAME
  xdotool mousemove 1279 799  # no hover, no tooltip
  sleep 1
  import -window root "$out/$1.png"
  echo "$out/$1.png"
}

keys() { for k in "$@"; do xdotool key "$k"; sleep 0.15; done; }

# 1. The map, zoomed out a step to show more of it.
start "$map"
keys ctrl+minus
shoot journey-map
keys ctrl+0

# 2. A touchpoint's details: pick "Live chat" in the outline (keyboard
#    only, no pixel positions), back to the map with it selected.
keys ctrl+2
sleep 1
for _ in $(seq 1 ${SHOT_CARD_ROW:-15}); do xdotool key Down; sleep 0.1; done
keys ctrl+1
shoot touchpoint-details

# 3. Weak spots: the findings panel (F8) beside the map with its marks.
keys ctrl+2 Home ctrl+1 F8
sleep 1
shoot weak-spots
stop_app

# 4. The template gallery.
start
keys ctrl+n
sleep 2
# No window manager places the dialog: centre it over the window, as one
# would.
dialog=$(xdotool search --onlyvisible --name "New Journey Map" | head -n 1)
if [ -n "$dialog" ]; then
  eval "$(xdotool getwindowgeometry --shell "$dialog")"
  xdotool windowmove "$dialog" $(((1280 - WIDTH) / 2)) $(((800 - HEIGHT) / 2))
fi
shoot templates
stop_app

# 5. Dark style.
ADW_DEBUG_COLOR_SCHEME=prefer-dark start "$map"
shoot dark-style
stop_app
