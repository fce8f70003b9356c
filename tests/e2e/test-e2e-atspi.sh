#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end: every control has a name a screen reader can say, read from
# the AT-SPI tree as Orca reads it (atspi-names.py), with the map, the
# findings, the outline, the export and template dialogs, the preferences
# and the start page on screen.
#
#   test-e2e-atspi.sh WAYMARK MAP
set -u

waymark=${1:?usage: test-e2e-atspi.sh WAYMARK MAP}
map=${2:?}

. "$(dirname "$0")/e2e-session.sh"
e2e_begin 1366x768 e2e-atspi

# The accessibility bridge on: e2e_begin turns it off for the other tests.
unset NO_AT_BRIDGE GTK_A11Y
command -v dbus-run-session >/dev/null || skip "dbus-run-session is not installed"
# The system's Python: the bindings of AT-SPI come from its packages.
dbus-run-session -- /usr/bin/python3 "$(dirname "$0")/atspi-names.py" "$waymark" "$map"
