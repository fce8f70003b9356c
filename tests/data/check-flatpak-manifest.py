#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks flatpak/io.github.waymark.Waymark.json without a Flatpak runtime.

usage: check-flatpak-manifest.py MANIFEST BUILDDIR APP_ID

- the manifest is valid JSON and names the app, the GNOME runtime and the
  binary;
- it asks for the least permissions: Wayland, fallback X11, IPC and DRI;
  files only through portals;
- the app module builds this meson project from a git source pinned to a
  commit of this repository (or an archive with its sha256), and sets
  every option of
  meson_options.txt explicitly (read from the build's own introspection, so
  a new option fails here until the manifest decides on it), each to a
  value the option accepts;
- `flatpak-builder --show-manifest` accepts it, where flatpak-builder is
  installed.
"""

import json
import os
import shutil
import subprocess
import sys

REQUIRED_ARGS = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}

problems = []


def problem(message):
    problems.append(message)


def main():
    manifest_path, builddir, app_id = sys.argv[1:4]

    try:
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f"FAIL: {manifest_path}: {e}")
        return 1

    # The identity of the app.
    if manifest.get("app-id", manifest.get("id")) != app_id:
        problem(f"app-id is {manifest.get('app-id')!r}, not {app_id!r}")
    if manifest.get("runtime") != "org.gnome.Platform":
        problem("runtime must be org.gnome.Platform")
    if manifest.get("sdk") != "org.gnome.Sdk":
        problem("sdk must be org.gnome.Sdk")
    version = manifest.get("runtime-version")
    if not isinstance(version, str) or not version.isdigit() or int(version) < 47:
        problem(f"runtime-version {version!r}: a current GNOME runtime (47 or newer) as a string")
    if manifest.get("command") != "waymark":
        problem("command must be waymark")

    # Least permissions.
    finish_args = manifest.get("finish-args", [])
    missing = REQUIRED_ARGS - set(finish_args)
    extra = set(finish_args) - REQUIRED_ARGS
    if missing:
        problem(f"finish-args lack {sorted(missing)}")
    if extra:
        problem(f"finish-args ask for more than Waymark needs: {sorted(extra)} "
                "(files go through the portals, printing through the print portal)")

    # The app module.
    modules = manifest.get("modules", [])
    if not modules or not isinstance(modules[-1], dict) or modules[-1].get("name") != "waymark":
        problem("the last module must be waymark")
        return report()
    module = modules[-1]
    if module.get("buildsystem") != "meson":
        problem("the waymark module must use buildsystem meson")
    check_source(manifest_path, module.get("sources", []))

    # The meson options, as this very build sees them.
    with open(os.path.join(builddir, "meson-info", "intro-buildoptions.json"), encoding="utf-8") as f:
        options = {o["name"]: o for o in json.load(f)}
    project_options = {name for name, o in options.items() if o.get("section") == "user"}
    if not project_options:
        problem("the build reports no project options: is meson_options.txt read?")

    set_options = {}
    for arg in module.get("config-opts", []):
        if not arg.startswith("-D") or "=" not in arg:
            problem(f"config-opts: {arg!r} is not -Dname=value")
            continue
        name, value = arg[2:].split("=", 1)
        if name in set_options:
            problem(f"config-opts set {name} twice")
        set_options[name] = value
        option = options.get(name)
        if option is None:
            problem(f"config-opts set {name}, which is no meson option (renamed or removed?)")
            continue
        kind = option.get("type")
        if kind == "boolean" and value not in ("true", "false"):
            problem(f"{name} is boolean, not {value!r}")
        elif kind == "combo" and value not in option.get("choices", []):
            problem(f"{name} is one of {option.get('choices')}, not {value!r}")
        elif kind == "integer":
            try:
                int(value)
            except ValueError:
                problem(f"{name} is an integer, not {value!r}")
        elif kind == "feature" and value not in ("enabled", "disabled", "auto"):
            problem(f"{name} is a feature (enabled/disabled/auto), not {value!r}")

    for name in sorted(project_options - set(set_options)):
        problem(f"meson_options.txt has {name!r}, which config-opts do not set: "
                f"decide its value for the Flatpak build (default: {options[name].get('value')!r})")

    # flatpak-builder's own parser, where it is installed.
    builder = shutil.which("flatpak-builder")
    if builder:
        run = subprocess.run([builder, "--show-manifest", manifest_path],
                             capture_output=True, text=True)
        if run.returncode != 0:
            problem(f"flatpak-builder --show-manifest failed: {run.stderr.strip()}")
    else:
        print("note: flatpak-builder is not installed; checked the JSON only")

    print(f"checked {manifest_path}: {len(set_options)} option(s) set, "
          f"finish-args {sorted(finish_args)}")
    return report()


HEX = set("0123456789abcdef")


def check_source(manifest_path, sources):
    """Flathub builds from a source pinned to one exact version: a git
    repository at a full commit id, or an archive with its sha256; never
    the builder's own folder (type dir)."""
    if len(sources) != 1:
        problem("the waymark module must have exactly one source")
        return
    source = sources[0]
    kind = source.get("type")
    if kind == "git":
        commit = source.get("commit", "")
        if not source.get("url", "").startswith("https://"):
            problem("the git source needs an https url")
        if len(commit) != 40 or not set(commit) <= HEX:
            problem(f"the git source must be pinned to a full commit id, not {commit!r}")
        else:
            # In a git checkout, the commit must be one of this repository's.
            root = os.path.dirname(os.path.dirname(os.path.abspath(manifest_path)))
            if os.path.exists(os.path.join(root, ".git")) and shutil.which("git"):
                run = subprocess.run(["git", "-C", root, "cat-file", "-e", commit + "^{commit}"],
                                     capture_output=True, text=True)
                if run.returncode != 0:
                    problem(f"the git source's commit {commit} is not in this repository")
    elif kind == "archive":
        digest = source.get("sha256", "")
        if len(digest) != 64 or not set(digest) <= HEX:
            problem("the archive source needs its sha256")
        if not source.get("url", "").startswith("https://"):
            problem("the archive source needs an https url")
    else:
        problem(f"the waymark module's source is of type {kind!r}: Flathub needs git "
                "(pinned to a commit) or archive (with its sha256)")


def report():
    for message in problems:
        print(f"FAIL: {message}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
