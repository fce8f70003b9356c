#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Quick start: installs the dependencies, builds Waymark in ./build and
# opens the bundled example map.  `sudo ./build-aux/setup-and-run.sh`
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/common.sh

./build-aux/install-deps.sh
configure_build build -Dwerror=true
as_user ninja -C build

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ ! -S "/run/user/$(id -u "${SUDO_USER:-root}")/wayland-0" ]; then
  echo "Built build/app/waymark, but there is no display to show it on." >&2
  echo "Run it from a desktop session, or headless: xvfb-run -a build/app/waymark" >&2
  exit 1
fi

# WAYMARK_DATADIR: the templates of this checkout, not an installed copy.
# The example map lies among them, so it opens as an untitled copy: no lock
# file is written next to it, and Save asks where to keep your version.
as_user env WAYMARK_DATADIR="$PWD/data" build/app/waymark "$PWD/data/templates/example-fitness-watch.journey"
