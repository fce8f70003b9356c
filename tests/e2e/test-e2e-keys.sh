#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end, the keyboard alone: the real `waymark` binary under an X
# server, driven with real key events (xdotool) at a human typing pace.
#
#   test-e2e-keys.sh WAYMARK E2E_CHECK_CARDS TEMPLATE one-card
#     A card in a chosen cell ("During the purchase" × "Customer actions")
#     with channel, title and emotion in at most 12 keystrokes plus the
#     title's characters.
#   test-e2e-keys.sh WAYMARK E2E_CHECK_CARDS TEMPLATE thirty-cards
#     30 cards over 5 phases in under 5 minutes of input; prints the time.
#
# Ctrl+S then saves, and the core reader checks the file on disk.  Without
# a display it starts its own Xvfb; without xdotool it skips (exit 77).
set -u

waymark=${1:?usage: test-e2e-keys.sh WAYMARK E2E_CHECK_CARDS TEMPLATE MODE}
check=${2:?}
template=${3:?}
mode=${4:?}

. "$(dirname "$0")/e2e-session.sh"
e2e_begin 1366x768 e2e-keys

map="$tmp/workshop.journey"
cp "$template" "$map" || fail "cannot copy $template"
before=$(cat "$map")
e2e_start "$map"

window_id() { xdotool search --name "Customer journey" 2>/dev/null | head -n 1; }
has_window() { [ -n "$(window_id)" ]; }
wait_for 30 has_window || fail "no window appeared: $(cat "$tmp/log")"
win=$(window_id)
eval "$(xdotool getdisplaygeometry --shell)"
xdotool windowmove "$win" 0 0 windowsize "$win" "$WIDTH" "$HEIGHT" 2>/dev/null
xdotool windowfocus "$win" 2>/dev/null
sleep 1.5

# Human pace: about 65 words a minute, a key every 180 ms.  Keys count
# towards the budget; a title's characters do not.
delay=180
keystrokes=0
press() {  # press KEY...: each a keystroke
  local k
  for k in "$@"; do
    xdotool key --clearmodifiers "$k"
    keystrokes=$((keystrokes + 1))
    sleep 0.$delay
  done
}
filter() {  # filter TEXT: typed into the channel field, each letter a keystroke
  xdotool type --delay $delay "$1"
  keystrokes=$((keystrokes + ${#1}))
  sleep 0.$delay
}
title() {  # title TEXT: the title's characters
  xdotool type --delay $delay "$1"
  sleep 0.$delay
}

# The keyboard is on the map when a map opens: no click anywhere.
case "$mode" in
one-card)
  # From the first cell ("Before the purchase" × "Touchpoints"): one phase
  # right, one lane down; N; "web" takes Website; the title; 4 is +1.
  press Right Down n
  filter web
  press Return
  title "Compares prices online"
  press Return 4
  echo "keystrokes: $keystrokes plus the title's characters"
  [ "$keystrokes" -le 12 ] || fail "$keystrokes keystrokes for one card (at most 12)"
  expected=("During the purchase|Customer actions|Compares prices online|website|1")
  ;;
thirty-cards)
  phases=("Awareness" "Consideration" "Purchase" "Retention" "Advocacy")
  filters=(web soc sea mail chat app)
  icons=(website social-media search email chat app)
  words=("Sees an ad" "Asks a friend" "Reads reviews" "Gets a newsletter" "Chats with support" "Opens the app")
  expected=()
  start=$(date +%s.%N)
  for p in 0 1 2 3 4; do
    # The next phase's empty cell, to the right of the last card.
    [ $p -gt 0 ] && press Right
    for c in 0 1 2 3 4 5; do
      press n
      filter "${filters[$c]}"
      press Return
      title "${words[$c]} $((p + 1)).$((c + 1))"
      press Return $(( (p + c) % 5 + 1 ))
      expected+=("${phases[$p]}|Touchpoints|${words[$c]} $((p + 1)).$((c + 1))|${icons[$c]}|$(( (p + c) % 5 - 2 ))")
    done
  done
  end=$(date +%s.%N)
  seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
  echo "30 cards over 5 phases: $keystrokes keystrokes plus titles, ${seconds} s of input"
  awk -v s="$seconds" 'BEGIN { exit !(s < 300) }' || fail "30 cards took ${seconds} s (at most 300)"
  ;;
*)
  fail "unknown mode $mode"
  ;;
esac

xdotool key --clearmodifiers ctrl+s
saved() { ! cmp -s "$map" <(echo "$before"); }
wait_for 10 saved || fail "the file was not saved; log: $(cat "$tmp/log")"
sleep 0.5

"$check" "$map" "${expected[@]}" || fail "the saved map is not what was typed"

e2e_end_clean
echo "PASS: built with the keyboard alone, through real key events"
