#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end: the real `waymark` binary under an X server, driven with real
# input events (xdotool).  A copy of a template opens; the Website palette
# row is dragged onto the cell "Before the purchase" × "Customer actions";
# the new card is named by typing; Ctrl+Right twice moves it to "After the
# purchase"; Ctrl+S saves; the core reader then checks the file on disk.
#
#   test-e2e-drag.sh WAYMARK E2E_CHECK TEMPLATE
#
# Without a display it starts its own Xvfb (e2e-session.sh); without xdotool or
# an X server it skips (exit 77).  WAYMARK_TEST_GEOMETRY makes the program
# write where its palette rows and cells are, so no theme metric is guessed.
set -u

waymark=${1:?usage: test-e2e-drag.sh WAYMARK E2E_CHECK TEMPLATE}
check=${2:?}
template=${3:?}

. "$(dirname "$0")/e2e-session.sh"
e2e_begin 1600x1000 e2e-drag

map="$tmp/workshop.journey"
geometry="$tmp/geometry"
cp "$template" "$map" || fail "cannot copy $template"
before=$(cat "$map")

export WAYMARK_TEST_GEOMETRY="$geometry"
e2e_start "$map"

window_id() { xdotool search --name "Customer journey" 2>/dev/null | head -n 1; }
has_window() { [ -n "$(window_id)" ]; }
wait_for 30 has_window || fail "no window appeared: $(cat "$tmp/log")"
win=$(window_id)
# As large as the screen allows (CI's is 1280 × 800).
eval "$(xdotool getdisplaygeometry --shell)"
xdotool windowmove "$win" 0 0 windowsize "$win" $((WIDTH < 1500 ? WIDTH : 1500)) $((HEIGHT < 950 ? HEIGHT : 950)) \
  windowactivate "$win" 2>/dev/null
xdotool windowfocus "$win" 2>/dev/null

# The geometry once the window has its new size.
geo() { grep "^$1=" "$geometry" 2>/dev/null | cut -d= -f2; }
canvas_wide() { local c; c=$(geo canvas); [ -n "$c" ] && [ "$(echo "$c" | cut -d, -f3)" -gt 500 ]; }
wait_for 20 canvas_wide || fail "no geometry from the program (canvas: $(geo canvas))"
sleep 0.5

# The window's position on the screen (frame or not).
eval "$(xdotool getwindowgeometry --shell "$win")"
wx=$X; wy=$Y
IFS=, read -r px py pw ph <<<"$(geo palette.website)"
IFS=, read -r cx cy cw ch <<<"$(geo canvas)"
# Phase 0 of 3 ("Before the purchase") × lane 1 ("Customer actions").
IFS=, read -r tx ty tw th <<<"$(geo cell.0.1)"
[ -n "$px" ] && [ -n "$tx" ] || fail "geometry incomplete: $(cat "$geometry")"

# Aim inside the cell and inside the visible canvas.
aim_x=$((tx + 40)); aim_y=$((ty + th / 2))
[ $aim_x -ge $((cx + cw - 10)) ] && aim_x=$((cx + cw - 60))
[ $aim_y -ge $((cy + ch - 10)) ] && aim_y=$((cy + ch - 60))
[ $aim_x -gt "$tx" ] && [ $aim_y -gt "$ty" ] || fail "the target cell is not in view"

from_x=$((wx + px + pw / 2)); from_y=$((wy + py + ph / 2))
to_x=$((wx + aim_x)); to_y=$((wy + aim_y))

# A drag as a hand does it: press, leave the threshold, travel, release.
xdotool mousemove "$from_x" "$from_y"
sleep 0.3
xdotool mousedown 1
for i in 1 2 3 4 5; do
  xdotool mousemove $((from_x + i * 6)) $((from_y + i * 2)); sleep 0.05
done
for i in $(seq 1 12); do
  xdotool mousemove $((from_x + 30 + (to_x - from_x - 30) * i / 12)) $((from_y + 10 + (to_y - from_y - 10) * i / 12))
  sleep 0.05
done
sleep 0.4
xdotool mouseup 1
sleep 0.8

# The card is being named in place: type over the selected default title.
xdotool type --delay 20 "Compare offers online"
xdotool key Return
sleep 0.3
# Two phases on with the keyboard, then save.
xdotool key ctrl+Right
sleep 0.2
xdotool key ctrl+Right
sleep 0.3
xdotool key ctrl+s

saved() { ! cmp -s "$map" <(echo "$before") && grep -q "Compare offers online" "$map"; }
wait_for 10 saved || fail "the file was not saved; log: $(cat "$tmp/log")"

"$check" "$map" "After the purchase" "Customer actions" "Compare offers online" website ||
  fail "the saved map is not what was built"

# The program is still alive and well.
e2e_end_clean
echo "PASS: dragged, named, moved and saved through real input"
