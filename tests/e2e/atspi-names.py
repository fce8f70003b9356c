#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every control of the running app has a name a screen reader can say.

Reads the names through AT-SPI, the accessibility tree Orca reads: starts
the accessibility bus, runs waymark, drives it through its states with real
key events (xdotool) and walks the whole tree of the application in each.
A control's name must not be empty, the name of a widget type ("GtkButton"
is what an unnamed icon button is announced as), a mnemonic's raw text
("_Open") or the same words said twice ("Open Open").

Usage (inside a D-Bus session, on an X display):
  atspi-names.py WAYMARK JOURNEY
Exit 0 when every name is good, 1 with the bad ones listed, 77 (skip) when
AT-SPI's Python bindings are missing.
"""

import os
import re
import subprocess
import sys
import time

try:
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi
except (ImportError, ValueError) as error:
    print(f"SKIP: no AT-SPI bindings ({error})")
    sys.exit(77)

# Roles a user operates; their names are what a screen reader announces
# when they get the focus.
CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button",
    "combo box", "entry", "text", "spin button", "switch", "slider",
    "menu item", "check menu item", "radio menu item", "page tab",
}
TYPE_NAME = re.compile(r"^(Gtk|Adw|Waymark)[A-Z]\w*$")
MNEMONIC = re.compile(r"(^|\s)_\w")

BUS_LAUNCHERS = ["/usr/libexec/at-spi-bus-launcher",
                 "/usr/lib/at-spi2-core/at-spi-bus-launcher"]


# What Waymark cannot name, inside libadwaita 1.2's own widgets: the close
# button on each tab (its tooltip is no name), and the search entry of the
# Preferences window, whose search is off.
OUTSIDE = [("push button", "GtkImage", "AdwTab"),
           ("entry", "GtkSearchEntry", "GtkStackPage")]


def outside(role, name, where):
    return any(r == role and n == name and w in where for r, n, w in OUTSIDE)


def problem_of(name):
    """Why @name is no name a person can use, or None."""
    if name is None or not name.strip():
        return "no name"
    if TYPE_NAME.match(name):
        return "a type name"
    if MNEMONIC.search(name):
        return "a mnemonic's raw text"
    words = name.split()
    # "Open Open", "Add Phase Phase": a name and a label said one after
    # the other.
    for size in range(1, len(words) // 2 + 1):
        if words[-2 * size:-size] == words[-size:]:
            return "the same words twice"
    if name != name.strip():
        return "spaces around it"
    return None


def find_app(name, timeout):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_name() == name:
                return app
        time.sleep(0.2)
    return None


# Roles that hold no controls: their children are not read (each read is
# a D-Bus round trip, and a map holds hundreds of labels).
LEAF_ROLES = {"label", "image", "separator", "scroll bar", "icon"}


def walk(node, path, out):
    try:
        role = node.get_role_name()
        name = node.get_name() if role in CONTROL_ROLES or role in ("frame", "dialog") else None
        count = 0 if role in LEAF_ROLES else node.get_child_count()
    except Exception:  # the widget went away while we read it
        return
    out.append((role, name, path))
    here = path + [node]
    for i in range(count):
        child = node.get_child_at_index(i)
        if child is not None:
            walk(child, here, out)


def names_in(app, windows):
    """The controls of the application's windows for which @windows (a
    window's name → bool) says yes."""
    out = []
    for i in range(app.get_child_count()):
        window = app.get_child_at_index(i)
        if window is not None and windows(window.get_name() or ""):
            walk(window, [], out)
    return out


def has(node, role, name_part):
    """Whether a control @role whose name holds @name_part is at or below
    @node: stops at the first (each name read is a D-Bus round trip)."""
    try:
        node_role = node.get_role_name()
        if node_role == role and name_part in (node.get_name() or ""):
            return True
        if node_role in LEAF_ROLES:
            return False
        return any(has(node.get_child_at_index(i), role, name_part)
                   for i in range(node.get_child_count()))
    except Exception:  # the widget went away while we read it
        return False


def wait_until(predicate, timeout=15):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def keys(*sequence):
    for key in sequence:
        if key == "focus":
            # Without a window manager nothing gives the focus back to the
            # main window when a dialog closes.
            subprocess.run(["xdotool", "search", "--onlyvisible", "--classname", "waymark",
                            "windowfocus", "--sync"], check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        else:
            subprocess.run(["xdotool", "key", "--clearmodifiers", key], check=True)
        time.sleep(0.4)


def main():
    waymark, journey = sys.argv[1], sys.argv[2]
    launcher = next((p for p in BUS_LAUNCHERS if os.path.exists(p)), None)
    if launcher is None:
        print("SKIP: at-spi-bus-launcher is not installed")
        return 77
    bus = subprocess.Popen([launcher, "--launch-immediately"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = dict(os.environ)
    # The accessibility bridge on, whatever the caller's session said.
    for variable in ("NO_AT_BRIDGE", "GTK_A11Y"):
        env.pop(variable, None)
    log = open(os.path.join(os.environ.get("TMPDIR", "/tmp"), f"atspi-waymark-{os.getpid()}.log"), "w+")
    app_process = subprocess.Popen([waymark, journey], env=env, stdout=log, stderr=log)
    problems = []
    seen = 0
    started = time.monotonic()
    try:
        app = find_app("waymark", 90)
        if app is None:
            print("FAIL: waymark did not show up on the accessibility bus")
            return 1
        if not wait_until(lambda: has(app, "push button", "Zoom In"), 30):
            print("FAIL: the map did not open")
            return 1

        reported = set()

        main_title = app.get_child_at_index(0).get_name()

        def check(state, windows):
            nonlocal seen
            for role, name, path in names_in(app, windows):
                if role not in CONTROL_ROLES:
                    continue
                seen += 1
                why = problem_of(name)
                if why is None:
                    continue
                # Where it is: its containers' names (GTK names a container
                # after its type), read only now, for the few bad ones.
                where = " > ".join(f"{n.get_role_name()} “{n.get_name()}”" for n in path[-4:])
                if outside(role, name, where):
                    continue
                if (role, name, where) not in reported:
                    reported.add((role, name, where))
                    problems.append(f"{state}: {role} “{name}” is {why}: in {where}")

        def main_window(title):
            return title == main_title

        def dialog(title):
            return title != main_title

        def reach(state, windows, predicate, *sequence):
            for key in sequence:
                keys(key)
            if not wait_until(predicate):
                names = [app.get_child_at_index(i).get_name() for i in range(app.get_child_count())]
                problems.append(f"{state}: not reached (keys {' '.join(sequence)}); windows: {names}")
            else:
                time.sleep(0.5)  # the rest of the state fills in
                check(state, windows)

        time.sleep(1)
        # A card selected: the inspector shows its fields.
        reach("map, a card selected", main_window, lambda: has(app, "check box", "Moment of truth"), "Right")
        reach("findings panel", main_window, lambda: has(app, "push button", "Dismiss: "), "F8")
        reach("outline", main_window, lambda: has(app, "push button", "Sort by Votes"), "F8", "ctrl+2")
        # Dialogs: their own windows (the map behind them was read above).
        reach("export dialog", dialog, lambda: has(app, "push button", "Export"), "ctrl+1", "ctrl+shift+e")
        reach("preferences", dialog, lambda: has(app, "frame", "Preferences"), "Escape", "focus", "ctrl+comma")
        reach("new map from a template", dialog, lambda: has(app, "push button", "Create"),
              "Escape", "focus", "ctrl+n")
        reach("start page", main_window, lambda: has(app, "push button", "New…"), "Escape", "focus", "ctrl+w")
        if app_process.poll() is not None:
            log.seek(0)
            print("FAIL: waymark ended:\n" + log.read())
            return 1
    finally:
        app_process.terminate()
        app_process.wait(10)
        bus.terminate()
        bus.wait(10)

    print(f"{seen} names read, {len(problems)} problems, {time.monotonic() - started:.0f} s")
    for line in problems:
        print("  " + line)
    if seen < 50:
        print("FAIL: too few controls read: the walk did not reach the window")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
