#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Installs the build into a temporary DESTDIR and checks that every file
lands where desktops look for it, and that the files agree with each other
(the desktop file starts the installed binary and names the installed icon,
the metainfo launches that desktop file, the MIME type is the one defined).

usage: check-install.py MESON BUILDDIR APP_ID
"""

import configparser
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

problems = []


def problem(message):
    problems.append(message)


def expect_file(path, what):
    if not os.path.isfile(path):
        problem(f"{what} is not installed at {path}")
        return False
    return True


def main():
    meson, builddir, app_id = sys.argv[1:4]

    with open(os.path.join(builddir, "meson-info", "intro-buildoptions.json"), encoding="utf-8") as f:
        options = {o["name"]: o["value"] for o in json.load(f)}
    with open(os.path.join(builddir, "meson-info", "intro-projectinfo.json"), encoding="utf-8") as f:
        project = json.load(f)["descriptive_name"]
    source_root = None
    with open(os.path.join(builddir, "meson-info", "meson-info.json"), encoding="utf-8") as f:
        source_root = json.load(f)["directories"]["source"]

    destdir = tempfile.mkdtemp(prefix="waymark-install-")
    try:
        # --no-rebuild: meson test has built everything before any test runs,
        # and a nested ninja must not race the outer one.
        run = subprocess.run([meson, "install", "-C", builddir, "--destdir", destdir,
                              "--no-rebuild", "--quiet"], capture_output=True, text=True)
        if run.returncode != 0:
            print(run.stdout, run.stderr)
            problem("meson install failed")
            return report()

        def staged(option):
            path = options[option]
            if not os.path.isabs(path):
                path = os.path.join(options["prefix"], path)
            return os.path.join(destdir, path.lstrip("/"))

        bindir = staged("bindir")
        datadir = staged("datadir")
        localedir = staged("localedir")
        prefix = os.path.join(destdir, options["prefix"].lstrip("/"))

        # Nothing may land outside the prefix.
        for top, dirs, files in os.walk(destdir):
            for name in files:
                path = os.path.join(top, name)
                if not path.startswith(prefix + os.sep):
                    problem(f"{os.path.relpath(path, destdir)} is outside the prefix {options['prefix']}")

        binary = os.path.join(bindir, "waymark")
        if expect_file(binary, "the program") and not os.access(binary, os.X_OK):
            problem(f"{binary} is not executable")

        desktop = os.path.join(datadir, "applications", app_id + ".desktop")
        metainfo = os.path.join(datadir, "metainfo", app_id + ".metainfo.xml")
        schema = os.path.join(datadir, "glib-2.0", "schemas", app_id + ".gschema.xml")
        mime = os.path.join(datadir, "mime", "packages", app_id + ".xml")
        icon = os.path.join(datadir, "icons", "hicolor", "scalable", "apps", app_id + ".svg")
        symbolic = os.path.join(datadir, "icons", "hicolor", "symbolic", "apps", app_id + "-symbolic.svg")
        mo = os.path.join(localedir, "de", "LC_MESSAGES", project + ".mo")
        for path, what in ((desktop, "the desktop file"), (metainfo, "the AppStream metainfo"),
                           (schema, "the GSettings schema"), (mime, "the MIME definition"),
                           (icon, "the app icon"), (symbolic, "the symbolic app icon"),
                           (mo, "the German translation"),
                           (os.path.join(datadir, project, "journey.rng"), "the file format schema")):
            expect_file(path, what)

        # Under DESTDIR the caches are the packager's business: none written.
        for cache in (os.path.join(datadir, "glib-2.0", "schemas", "gschemas.compiled"),
                      os.path.join(datadir, "mime", "mime.cache"),
                      os.path.join(datadir, "icons", "hicolor", "icon-theme.cache")):
            if os.path.exists(cache):
                problem(f"{os.path.relpath(cache, destdir)} was written under DESTDIR")

        # Every template of the source tree.
        source_templates = sorted(n for n in os.listdir(os.path.join(source_root, "data", "templates"))
                                  if n.endswith(".journey"))
        installed_dir = os.path.join(datadir, project, "templates")
        installed = sorted(os.listdir(installed_dir)) if os.path.isdir(installed_dir) else []
        if not source_templates or installed != source_templates:
            problem(f"templates in {installed_dir}: {installed}, expected {source_templates}")

        # The files agree with each other.
        mime_type = None
        if os.path.isfile(mime):
            root = ET.parse(mime).getroot()
            types = root.findall(MIME_NS + "mime-type")
            mime_type = types[0].get("type") if types else None
            comments = types[0].findall(MIME_NS + "comment") if types else []
            if not any(c.get(XML_LANG) == "de" for c in comments):
                problem("the installed MIME definition has no German comment")
            globs = [g.get("pattern") for g in types[0].findall(MIME_NS + "glob")] if types else []
            if "*.journey" not in globs:
                problem("the installed MIME definition does not claim *.journey")

        if os.path.isfile(desktop):
            entry = configparser.RawConfigParser(interpolation=None, strict=False)
            entry.optionxform = str
            entry.read(desktop, encoding="utf-8")
            section = entry["Desktop Entry"]
            program = section.get("Exec", "").split()[0] if section.get("Exec") else None
            if program != "waymark":
                problem(f"the desktop file runs {program!r}, not the installed waymark")
            if section.get("Icon") != app_id:
                problem(f"the desktop file shows icon {section.get('Icon')!r}, not {app_id}")
            if mime_type not in section.get("MimeType", "").split(";"):
                problem(f"the desktop file does not open {mime_type}")
            for key in ("Name[de]", "Comment[de]", "Keywords[de]"):
                if key not in section:
                    problem(f"the installed desktop file has no {key}")

        if os.path.isfile(metainfo):
            root = ET.parse(metainfo).getroot()
            if root.findtext("id") != app_id:
                problem(f"metainfo id is {root.findtext('id')!r}")
            launchable = root.findtext("launchable")
            if launchable != os.path.basename(desktop):
                problem(f"metainfo launches {launchable!r}, not the installed desktop file")
            provides = root.find("provides")
            binaries = [b.text for b in provides.findall("binary")] if provides is not None else []
            for b in binaries:
                if not os.path.isfile(os.path.join(bindir, b)):
                    problem(f"metainfo provides binary {b}, which is not installed")
            mediatypes = [m.text for m in provides.findall("mediatype")] if provides is not None else []
            if mime_type not in mediatypes:
                problem(f"metainfo does not provide {mime_type}")
            if not any(e.get(XML_LANG) == "de" for e in root.iter()):
                problem("the installed metainfo has no German translation")

        print(f"installed into {destdir}: checked {options['prefix']}")
    finally:
        shutil.rmtree(destdir, ignore_errors=True)
    return report()


def report():
    for message in problems:
        print(f"FAIL: {message}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
