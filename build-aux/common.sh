# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by setup-and-run.sh and setup-and-test.sh (sourced, not run).

# The scripts are started with sudo so that they can install packages; the
# build and the app then run as the user who called sudo, so that the build
# folders are theirs and the app reaches their desktop session.  As root
# without sudo (CI) everything runs as root.
as_user() {
  if [ "$(id -u)" -eq 0 ] && [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ]; then
    local uid runtime
    local -a env_args=()
    uid=$(id -u "$SUDO_USER")
    runtime=/run/user/$uid
    [ -n "${DISPLAY:-}" ] && env_args+=("DISPLAY=$DISPLAY")
    [ -n "${XAUTHORITY:-}" ] && env_args+=("XAUTHORITY=$XAUTHORITY")
    if [ -d "$runtime" ]; then
      env_args+=("XDG_RUNTIME_DIR=$runtime")
      [ -S "$runtime/bus" ] && env_args+=("DBUS_SESSION_BUS_ADDRESS=unix:path=$runtime/bus")
      [ -S "$runtime/wayland-0" ] && env_args+=("WAYLAND_DISPLAY=wayland-0")
    fi
    sudo -u "$SUDO_USER" -H env "${env_args[@]}" "$@"
  else
    "$@"
  fi
}

# configure_build BUILDDIR [MESON OPTIONS…]: sets up BUILDDIR, or
# reconfigures it with these options when it exists.
configure_build() {
  local dir=$1
  shift
  if [ -f "$dir/meson-private/coredata.dat" ]; then
    as_user meson setup --reconfigure "$dir" "$@"
  else
    as_user meson setup "$dir" "$@"
  fi
}
