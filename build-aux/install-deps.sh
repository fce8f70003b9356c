#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs everything Waymark needs to build, test and run on Debian 12 or
# Ubuntu (22.04 or newer).  Run as root, or as a user who may use sudo.
set -euo pipefail

packages=(
  # build
  gcc clang meson ninja-build pkg-config gettext
  libgtk-4-dev libadwaita-1-dev libxml2-dev libglib2.0-bin
  # data files and their checks
  libxml2-utils desktop-file-utils appstream shared-mime-info
  # the git merge and diff drivers are tested with real git
  git
  # setfacl and setfattr: saving keeps a map's ACL and extended attributes
  acl attr
  # unshare: crash recovery and locks are tested inside PID namespaces
  util-linux
  # headless GUI tests and screenshots
  xvfb xauth dbus dbus-x11 xdotool imagemagick poppler-utils
  # accessible names read as a screen reader reads them: the AT-SPI bus
  # and its Python bindings (the system's python3)
  at-spi2-core gir1.2-atspi-2.0 python3-gi python3
  # fonts the renderer and the pixel tests use; GTK needs librsvg's
  # pixbuf loader to draw symbolic SVG icons
  fonts-cantarell fonts-dejavu-core librsvg2-common
  # printed words break where their language allows (libhyphen and the
  # English and German dictionaries)
  libhyphen-dev hyphen-en-us hyphen-de
)

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
else
  sudo=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update
"${sudo[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
