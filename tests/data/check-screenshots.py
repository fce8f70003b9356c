#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-screenshots.py METAINFO SCREENSHOTS_DIR

Every screenshot the AppStream metainfo names is in data/screenshots, is
a PNG of the real application window (build-aux/take-screenshots.sh takes
them) at a size software centres show well (AppStream asks for at least
620x350, 16:9-ish is best), and no file there is left unnamed.
"""
import os
import struct
import sys
import xml.etree.ElementTree as ET

PREFIX = "https://raw.githubusercontent.com/waymark/waymark/main/data/screenshots/"


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise ValueError(f"{path}: not a PNG file")
    return struct.unpack(">II", head[16:24])


def main():
    metainfo, directory = sys.argv[1], sys.argv[2]
    failures = []
    named = []
    root = ET.parse(metainfo).getroot()
    shots = root.findall("./screenshots/screenshot")
    if not shots:
        failures.append(f"{metainfo}: no screenshots")
    defaults = [s for s in shots if s.get("type") == "default"]
    if len(defaults) != 1:
        failures.append(f"{metainfo}: {len(defaults)} default screenshots, expected 1")
    for shot in shots:
        image = shot.find("image")
        caption = shot.find("caption")
        if caption is None or not (caption.text or "").strip():
            failures.append(f"{metainfo}: a screenshot without a caption")
        url = (image.text or "").strip() if image is not None else ""
        if not url.startswith(PREFIX):
            failures.append(f"{metainfo}: screenshot {url!r} is not under {PREFIX}")
            continue
        name = url[len(PREFIX):]
        named.append(name)
        path = os.path.join(directory, name)
        if not os.path.isfile(path):
            failures.append(f"{path}: missing (run build-aux/take-screenshots.sh)")
            continue
        try:
            width, height = png_size(path)
        except ValueError as error:
            failures.append(str(error))
            continue
        if width < 1000 or height < 600:
            failures.append(f"{path}: {width}x{height}, smaller than 1000x600")
        if not 1.2 <= width / height <= 2.0:
            failures.append(f"{path}: {width}x{height} is not a window's shape")
        if os.path.getsize(path) < 20000:
            failures.append(f"{path}: only {os.path.getsize(path)} bytes, an empty window?")
    for name in sorted(os.listdir(directory)) if os.path.isdir(directory) else []:
        if name.endswith(".png") and name not in named:
            failures.append(f"{os.path.join(directory, name)}: not named in {metainfo}")
    for failure in failures:
        print("FAIL:", failure, file=sys.stderr)
    if not failures:
        print(f"{len(named)} screenshots present: {', '.join(named)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
