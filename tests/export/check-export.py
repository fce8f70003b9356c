#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks `waymark --export` output (and CSV tables read back) with tools that share no code with
Waymark: pdfinfo, pdftotext and pdffonts (poppler-utils), xmllint
(libxml2-utils), Python's csv module and PNG header parsing, a reading
of Mermaid journey text that follows Mermaid's own grammar, and
LibreOffice when it is installed.

`check-export.py CASE`; needs WAYMARK (the built binary), TEMPLATES_DIR
and EXPORT_DATA_DIR in the environment.  Every run has no display, no
Wayland and no session bus.  Exit 77 (skip) when a tool is missing."""

import csv
import ctypes
import ctypes.util
import io
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zlib

WAYMARK = os.environ["WAYMARK"]
TEMPLATES = os.environ["TEMPLATES_DIR"]
PO_DIR = os.environ.get("PO_DIR", "")
DATA = os.environ["EXPORT_DATA_DIR"]
EXAMPLE = os.path.join(TEMPLATES, "example-fitness-watch.journey")
NS = {"j": "urn:waymark:journey"}

# Paper sizes in points as pdfinfo prints them (ISO 216 and ANSI).
PAPERS = {
    "A4": (595.28, 841.89),
    "A3": (841.89, 1190.55),
    "A2": (1190.55, 1683.78),
    "A1": (1683.78, 2383.94),
    "A0": (2383.94, 3370.39),
    "Letter": (612.0, 792.0),
    "Tabloid": (792.0, 1224.0),
}

failures = []


def fail(message):
    print("FAIL:", message, file=sys.stderr)
    failures.append(message)


def check(condition, message):
    if not condition:
        fail(message)
    return condition


def need(tool, package):
    if shutil.which(tool) is None:
        print(f"SKIP: {tool} is not installed (package {package})")
        sys.exit(77)


def waymark(*args, env=None):
    """Runs waymark with no display; returns (status, stdout, stderr)."""
    full_env = {k: v for k, v in os.environ.items()
                if k not in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
    full_env.update(env or {})
    result = subprocess.run([WAYMARK, *args], capture_output=True, text=True, env=full_env)
    print(f"$ waymark {' '.join(args)}\n  exit {result.returncode}")
    if result.stderr:
        print("  stderr:", result.stderr.strip())
    return result.returncode, result.stdout, result.stderr


def export(tmp, name, *options, journey=EXAMPLE, env=None):
    path = os.path.join(tmp, name)
    status, _, err = waymark("--export", path, *options, journey, env=env)
    check(status == 0, f"exporting {name} {' '.join(options)} failed ({status}): {err}")
    check(os.path.isfile(path), f"{name} was not written")
    return path


def pdfinfo(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    info = {}
    for line in out.splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def page_size(info):
    match = re.match(r"([\d.]+) x ([\d.]+) pts", info["Page size"])
    return float(match.group(1)), float(match.group(2))


def check_size(path, expected, what):
    info = pdfinfo(path)
    width, height = page_size(info)
    check(abs(width - expected[0]) < 0.02 and abs(height - expected[1]) < 0.02,
          f"{what}: page size {width} x {height}, expected {expected[0]} x {expected[1]}")
    return info


def pdftext(path, *options):
    return subprocess.run(["pdftotext", "-raw", *options, path, "-"],
                          capture_output=True, text=True, check=True).stdout


def words(text):
    # A line may break after a hyphen ("thank-" / "you"): pdftotext then
    # keeps the hyphen at the line's end, which joins back without a space.
    return re.sub(r"(?<=\w-) (?=\w)", "", " ".join(text.split()))


def touchpoint_titles(path):
    root = ET.parse(path).getroot()
    return [tp.find("j:title", NS).text for tp in root.findall("j:touchpoint", NS)]


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    check(head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG")
    return struct.unpack(">II", head[16:24])


# ---- Cases ----

def case_pdf_papers(tmp):
    need("pdfinfo", "poppler-utils")
    for paper, (short, long) in PAPERS.items():
        for orientation in ("landscape", "portrait"):
            path = export(tmp, f"{paper}-{orientation}.pdf", "--paper", paper, "--orientation", orientation)
            expected = (long, short) if orientation == "landscape" else (short, long)
            info = check_size(path, expected, f"--paper {paper} --orientation {orientation}")
            # The example map is too large for one legible office page:
            # A4 and Letter make a booklet (case pdf-booklet), larger
            # papers one page.
            if paper in ("A4", "Letter"):
                check(int(info.get("Pages", "0")) > 1, f"{paper} {orientation}: {info.get('Pages')} pages")
                path = export(tmp, f"{paper}-{orientation}-one.pdf", "--paper", paper,
                              "--orientation", orientation, "--one-page")
                info = check_size(path, expected, f"--paper {paper} --orientation {orientation} --one-page")
            check(info.get("Pages") == "1", f"{paper} {orientation}: {info.get('Pages')} pages")
    # Landscape is the default; the lower-case name works as well.
    info = check_size(export(tmp, "a3.pdf", "--paper", "a3"), (1190.55, 841.89), "--paper a3")


def case_pdf_natural(tmp):
    need("pdfinfo", "poppler-utils")
    pdf = export(tmp, "natural.pdf", "--paper", "natural")
    png = export(tmp, "natural.png", "--dpi", "96")
    # The defaults, the same as the app's Export dialog: a PDF on A3
    # landscape, an image of the map's own size.
    info = check_size(export(tmp, "default.pdf"), (1190.55, 841.89), "a PDF without --paper")
    check(info.get("Pages") == "1", f"default PDF: {info.get('Pages')} pages")
    check_size(export(tmp, "portrait.pdf", "--orientation", "portrait"), (841.89, 1190.55),
               "a PDF with --orientation portrait")
    info = pdfinfo(pdf)
    check(info.get("Pages") == "1", f"natural size: {info.get('Pages')} pages")
    width, height = page_size(info)
    # One map unit is 1/96 inch: the PDF page (points) and the PNG at its
    # default 96 dpi (pixels) describe the same map.
    png_width, png_height = png_size(png)
    check(abs(width * 96 / 72 - png_width) < 1.01 and abs(height * 96 / 72 - png_height) < 1.01,
          f"natural PDF {width} x {height} pt does not match the PNG {png_width} x {png_height} px")
    check(width > height, "the example map is wider than tall")


def case_pdf_posters(tmp):
    need("pdfinfo", "poppler-utils")
    cases = [
        (("--poster", "3x2"), 6, (841.89, 595.28)),                       # A4 by default
        (("--poster", "2x2", "--paper", "A3", "--orientation", "portrait"), 4, (841.89, 1190.55)),
        (("--poster", "4X3", "--paper", "letter"), 12, (792.0, 612.0)),
        (("--poster", "1x1", "--paper", "A4"), 1, (841.89, 595.28)),
        (("--poster", "10x10", "--paper", "A4"), 100, (841.89, 595.28)),
    ]
    for i, (options, pages, size) in enumerate(cases):
        path = export(tmp, f"poster-{i}.pdf", *options)
        info = check_size(path, size, " ".join(options))
        check(info.get("Pages") == str(pages), f"{' '.join(options)}: {info.get('Pages')} pages, expected {pages}")

    # Every sheet says where it goes.
    path = os.path.join(tmp, "poster-0.pdf")
    for page, (row, column) in enumerate([(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3)], start=1):
        text = words(pdftext(path, "-f", str(page), "-l", str(page)))
        label = f"row {row}, column {column} · Fitness watch: from ad to advocate"
        check(label in text, f"poster sheet {page} has no label '{label}'")


def word_sizes(path, word, page=None):
    """The font sizes (points) of every @word in @path, from poppler's
    word boxes: 1.2 times the font size for these fonts (case pdf-text
    checks the factor on the natural size)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    bbox = subprocess.run(["pdftotext", "-bbox", *pages, path, "-"],
                          capture_output=True, text=True, check=True).stdout
    return [(float(m.group(2)) - float(m.group(1))) / 1.2
            for m in re.finditer(rf'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">{re.escape(word)}<', bbox)]


def case_pdf_booklet(tmp):
    """A4 and Letter: a map too large for one legible page becomes a
    booklet in reading order, card titles at least 9 pt, the phase and
    lane headers on every page; --one-page keeps the single page."""
    need("pdftotext", "poppler-utils")
    root = ET.parse(EXAMPLE).getroot()
    phases = [p.findtext("j:name", "", NS) for p in root.findall("j:phase", NS)]
    lanes = [l.findtext("j:name", "", NS) for l in root.findall("j:lane", NS)]
    titles = touchpoint_titles(EXAMPLE)
    ids = {tp.get("id"): tp.findtext("j:title", "", NS) for tp in root.findall("j:touchpoint", NS)}
    for language in ("", "de"):
        env = {"LANGUAGE": language}
        for paper in ("A4", "Letter"):
            for orientation in ("landscape", "portrait"):
                name = f"booklet-{language or 'en'}-{paper}-{orientation}.pdf"
                path = export(tmp, name, "--paper", paper, "--orientation", orientation, env=env)
                n = int(pdfinfo(path).get("Pages", "0"))
                check(2 <= n <= 12, f"{name}: {n} pages")
                pages = [words(pdftext(path, "-f", str(i), "-l", str(i))) for i in range(1, n + 1)]
                check("Fitness watch: from ad to advocate" in pages[0], f"{name}: no title on page 1")
                label = "Seite {} von {}" if language else "page {} of {}"
                for i, text in enumerate(pages, start=1):
                    check(label.format(i, n) in text, f"{name}: page {i} has no “{label.format(i, n)}”")
                # Every page with cards has phase and lane headers; each
                # phase's header is on a page, in reading order; lane
                # headers repeat on the pages of every group of phases.
                first_page = []
                for phase in phases:
                    on = [i for i, text in enumerate(pages) if phase in text]
                    check(on, f"{name}: phase “{phase}” is on no page")
                    first_page.append(on[0] if on else -1)
                check(first_page == sorted(first_page), f"{name}: phases not in reading order: {first_page}")
                groups = len(set(first_page))
                check(groups >= 2, f"{name}: all phases on one page")
                for lane in lanes:
                    count = sum(lane in text for text in pages)
                    check(count >= groups, f"{name}: lane header “{lane}” on {count} pages, expected {groups}")
                for i, text in enumerate(pages, start=1):
                    has_cards = any(words(t) in text for t in titles)
                    if has_cards:
                        check(any(p in text for p in phases), f"{name}: page {i} has no phase header")
                        check(any(l in text for l in lanes), f"{name}: page {i} has no lane header")
                missing = [t for t in titles if not any(words(t) in text for text in pages)]
                check(not missing, f"{name}: titles on no page: {missing}")
                # A link to a card on another page ends in a marker naming
                # that page and card, and the other page names this one.
                word = "Seite" if language else "page"
                arrows = 0
                for link in root.findall("j:link", NS):
                    a, b = ids[link.get("from")], ids[link.get("to")]
                    for m, text in enumerate(pages, start=1):
                        for other in range(1, n + 1):
                            if f"→ {word} {other}: {words(b)}" in text:
                                arrows += 1
                                check(f"← {word} {m}: {words(a)}" in pages[other - 1],
                                      f"{name}: page {other} does not say the link from “{a}” comes from page {m}")
                check(arrows >= 1, f"{name}: no link across pages has a marker")
                check(sum(t.count("→ ") for t in pages) == sum(t.count("← ") for t in pages) == arrows,
                      f"{name}: markers do not pair up")
                # Card titles of at least 9 pt on every page.
                sizes = [size for i in range(1, n + 1) for size in word_sizes(path, "Instagram", i)]
                check(sizes, f"{name}: the card title 'Instagram ad' is missing")
                check(all(size >= 8.95 for size in sizes), f"{name}: card titles are {sizes} pt, expected ≥ 9")
                # One page on request: the old, small single page.
                one = export(tmp, "one-" + name, "--paper", paper, "--orientation", orientation, "--one-page",
                             env=env)
                check(pdfinfo(one).get("Pages") == "1", f"{name} --one-page: {pdfinfo(one).get('Pages')} pages")
                sizes = word_sizes(one, "Instagram")
                check(sizes and max(sizes) < 9, f"{name} --one-page: titles {sizes} pt, no booklet needed?")
    # A map that fits one page legibly stays on one page.
    small = export(tmp, "small.pdf", "--paper", "A4", journey=os.path.join(DATA, "tricky.journey"))
    check(pdfinfo(small).get("Pages") == "1", f"a small map on A4: {pdfinfo(small).get('Pages')} pages")


def case_pdf_text(tmp):
    need("pdftotext", "poppler-utils")
    need("pdffonts", "poppler-utils")
    titles = touchpoint_titles(EXAMPLE)
    check(len(titles) >= 30, f"the example map has only {len(titles)} touchpoints")
    phases = [p.find("j:name", NS).text for p in ET.parse(EXAMPLE).getroot().findall("j:phase", NS)]
    others = touchpoint_titles(os.path.join(DATA, "tricky.journey"))

    for name, options in (("text-natural.pdf", ("--paper", "natural")), ("text-a3.pdf", ("--paper", "A3")),
                          ("text-letter-portrait.pdf", ("--paper", "Letter", "--orientation", "portrait"))):
        path = export(tmp, name, *options)
        text = words(pdftext(path))
        # Titles wrap over up to three lines on a card: joined, each one
        # is there in full, as text (not as outlines).
        missing = [t for t in titles if words(t) not in text]
        check(not missing, f"{name}: titles not found by pdftotext: {missing}")
        missing = [p for p in phases if p not in text]
        check(not missing, f"{name}: phase names not found: {missing}")
        check("Fitness watch: from ad to advocate" in text, f"{name}: the map title is missing")
        # The check can fail: titles of another map are not there.
        check(not any(words(t) in text for t in others), f"{name}: found titles of another map")

        fonts = subprocess.run(["pdffonts", path], capture_output=True, text=True, check=True).stdout
        rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
        check(rows, f"{name}: no fonts, so no text")
        # Columns: name type encoding emb sub uni object ID; emb and uni are yes/no.
        check(all("yes" in row[-5:-2] for row in rows), f"{name}: a font is not embedded:\n{fonts}")

    # Fitted to A3 the example map's card titles are readable at arm's
    # length (9 pt; the screen layout scaled down gave 6).  poppler's word
    # boxes are 1.2 times the font size for these fonts (the natural size
    # checks the factor: 14 units are 10.5 pt).
    for name, options, least in (("size-natural.pdf", ("--paper", "natural"), 10.4), ("size-a3.pdf", ("--paper", "A3"), 8.8)):
        bbox = subprocess.run(["pdftotext", "-bbox", export(tmp, name, *options), "-"],
                              capture_output=True, text=True, check=True).stdout
        m = re.search(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">Instagram<', bbox)
        if check(m, f"{name}: the card title 'Instagram ad' is missing"):
            size = (float(m.group(2)) - float(m.group(1))) / 1.2
            check(least <= size <= least * 1.4, f"{name}: card titles are {size:.2f} pt, expected at least {least}")

    # A title too long for its card is cut with an ellipsis on the card,
    # but stays searchable: its first words are real text.
    path = export(tmp, "long.pdf", "--paper", "natural", journey=os.path.join(DATA, "long-title.journey"))
    text = words(pdftext(path))
    check("Customer compares seven different watches" in text, "the long title's first words are missing")
    check("Short one" in text, "the short title is missing")


# ---- The KPI dashboard page ----

def page_count(path):
    return int(pdfinfo(path)["Pages"])


def german_locale(tmp):
    """A de_DE.UTF-8 locale built with localedef into @tmp (LOCPATH), so
    that numbers get the German decimal comma without the machine having
    the locale installed; None when it cannot be built."""
    if shutil.which("localedef") is None:
        return None
    target = os.path.join(tmp, "locales", "de_DE.UTF-8")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    result = subprocess.run(["localedef", "-i", "de_DE", "-f", "UTF-8", target], capture_output=True, text=True)
    if not os.path.isdir(target):
        print("localedef failed:", result.stderr)
        return None
    return os.path.dirname(target)


def case_pdf_dashboard(tmp):
    """`--dashboard` adds one page after the map, whatever the map's pages,
    with the figures of the map (worked out by hand for dashboard.journey,
    as in tests/core/test-dashboard.c) in words pdftotext can read."""
    need("pdfinfo", "poppler-utils")
    need("pdftotext", "poppler-utils")
    for name, options in (("default", ()), ("natural", ("--paper", "natural")), ("a3", ("--paper", "A3")),
                          ("a4-booklet", ("--paper", "A4")), ("poster", ("--poster", "2x2"))):
        plain = export(tmp, f"map-{name}.pdf", *options)
        with_dashboard = export(tmp, f"dashboard-{name}.pdf", "--dashboard", *options)
        pages = page_count(plain)
        check(page_count(with_dashboard) == pages + 1,
              f"{name}: {page_count(with_dashboard)} pages with the dashboard, {pages} without")
        last = str(pages + 1)
        text = words(pdftext(with_dashboard, "-f", last, "-l", last))
        for heading in ("KPI dashboard", "Fitness watch: from ad to advocate", "By phase", "By channel category",
                        "KPIs against their targets", "Awareness", "Advocacy", "Digital", "Physical", "Personal"):
            check(heading in text, f"{name}: “{heading}” is not on the dashboard page")
        # The map's pages are as they were: the dashboard is only added.
        check("By channel category" not in words(pdftext(with_dashboard, "-l", str(pages))),
              f"{name}: the dashboard is on a map page")
        if name == "a3":
            # A3 like the map, turned portrait: the example's 49 KPIs make
            # the dashboard taller than wide, and it prints larger so.
            info = subprocess.run(["pdfinfo", "-f", last, "-l", last, with_dashboard],
                                  capture_output=True, text=True, check=True).stdout
            m = re.search(r"Page +\d+ size: +([\d.]+) x ([\d.]+) pts", info)
            check(m and (round(float(m.group(1))), round(float(m.group(2)))) == (842, 1191),
                  f"a3: the dashboard page is not A3 portrait: {info}")

    path = export(tmp, "small.pdf", "--dashboard", journey=os.path.join(DATA, "dashboard.journey"))
    check(page_count(path) == 2, f"small map: {page_count(path)} pages, expected 2")
    text = words(pdftext(path, "-f", "2", "-l", "2"))
    print(text)
    expected = [
        "5 touchpoints · average emotion 0.0 · 6 KPIs, 2 miss their targets",
        # Phase, touchpoints, channel-mix counts, average emotion, KPIs.
        "Discover 2", "+0.5", "1 of 2 met",
        "Buy 3", "−0.5", "2 of 3 met", "1 without target",
        "Use 0",
        # Categories: digital (2, +1.5, 0 of 2 met), …, the total.
        "Digital 2", "+1.5", "0 of 2 met",
        "Physical 1", "−1.0", "1 of 1 met",
        "No channel 1", "−2.0",
        "All touchpoints 5",
        # KPIs: value, target with its side, standing.
        "Conversion rate Landing page 2 % ≥ 3 % missed",
        "Waiting time Queue at the till 5.5 min ≤ 10 min met",
        "Returns Checkout 12 orders ≤ 8 orders missed",
        "Visits Checkout 1250 — no target",
        "Score Order by phone 3 ≥ 3 met",
        "Waiting time Parcel lost 20 days ≥ 10 days met",
    ]
    for figure in expected:
        check(figure in text, f"small map: “{figure}” is not on the dashboard page")
    # The check can fail: figures the map does not have are not there.
    check("+2.0" not in text and "4 touchpoints" not in text, "small map: figures of another map")

    # More KPIs than a page lists: 100 waiting times, 70 over their target
    # of 10 min. The list shows 60, those that miss first, and says so;
    # the tables count all 100.
    many = os.path.join(tmp, "many.journey")
    rows = "".join(
        f'  <touchpoint id="t{i}" phase="p{i % 2}" lane="l1" channel="web"><title>Step {i}</title>'
        f'<kpi name="Waiting time" value="{20 if i < 70 else 5}" unit="min" target="10"/></touchpoint>\n'
        for i in range(100))
    with open(many, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<journey xmlns="urn:waymark:journey" format="2" id="j-many">\n'
                '  <title>Many KPIs</title>\n  <state>as-is</state>\n'
                '  <phase id="p0"><name>Before</name></phase>\n  <phase id="p1"><name>After</name></phase>\n'
                '  <lane id="l1" kind="touchpoints"><name>Touchpoints</name></lane>\n'
                '  <channel id="web" category="digital"><name>Website</name></channel>\n' + rows + '</journey>\n')
    path = export(tmp, "many.pdf", "--dashboard", journey=many)
    check(page_count(path) == 2, f"many KPIs: {page_count(path)} pages, expected 2")
    text = words(pdftext(path, "-f", "2", "-l", "2"))
    check("Listed: 60 of 100 KPIs, those that miss their targets first" in text, "many KPIs: no note on the list")
    check("100 touchpoints" in text and "30 of 100 met" in text, "many KPIs: the tables do not count all of them")
    check(len(re.findall(r"\bmissed\b", text)) == 60, f"many KPIs: {len(re.findall(r'missed', text))} rows missed")

    # Numbers as on the map: by the interface's language, whatever
    # LC_NUMERIC says (here C).
    path = export(tmp, "sprache.pdf", "--dashboard", journey=os.path.join(DATA, "dashboard.journey"),
                  env={"LANGUAGE": "de"})
    text = words(pdftext(path, "-f", "2", "-l", "2"))
    for figure in ("+0,5", "−0,5", "5,5 min"):
        check(figure in text, f"German interface, C numbers: “{figure}” is not on the dashboard page")
    check("+0.5" not in text and "5.5 min" not in text, "German interface: a decimal point from LC_NUMERIC")

    # In German, with the German decimal comma.
    locales = german_locale(tmp)
    if locales is None:
        print("SKIP (German numbers): no de_DE locale could be built")
        return
    env = {"LANGUAGE": "de", "LC_ALL": "de_DE.UTF-8", "LOCPATH": locales}
    path = export(tmp, "klein.pdf", "--dashboard", journey=os.path.join(DATA, "dashboard.journey"), env=env)
    text = words(pdftext(path, "-f", "2", "-l", "2"))
    print(text)
    for figure in ("KPI-Dashboard", "Nach Phase", "Nach Kanalkategorie", "Discover 2", "+0,5", "−0,5", "+1,5",
                   "5,5 min", "≤ 10 min", "verfehlt", "erreicht", "kein Ziel", "Alle Touchpoints 5"):
        check(figure in text, f"German: “{figure}” is not on the dashboard page")
    check("+0.5" not in text and "5.5 min" not in text, "German: a decimal point instead of a comma")
    text = words(pdftext(export(tmp, "beispiel.pdf", "--dashboard", env=env), "-f", "2", "-l", "2"))
    check("KPIs im Vergleich zu ihren Zielwerten" in text, "German example: the KPI heading is not translated")


# ---- Whole text on paper ----

def read_po(path):
    """msgid → msgstr of a .po file (entries without a context)."""
    entries, entry, key = [], {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            m = re.match(r'(msgctxt|msgid|msgstr) "(.*)"$', line)
            if m:
                if m.group(1) in ("msgctxt", "msgid") and "msgstr" in entry:
                    entries.append(entry)
                    entry = {}
                key = m.group(1)
                entry[key] = m.group(2)
            elif re.match(r'"(.*)"$', line) and key:
                entry[key] += line[1:-1]
    entries.append(entry)

    def unescape(text):
        return text.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
    return {unescape(e["msgid"]): unescape(e["msgstr"]) for e in entries
            if "msgctxt" not in e and e.get("msgid") and e.get("msgstr")}


def translate_journey(source, target, catalog):
    """The map in German, as "New from template" makes it."""
    ET.register_namespace("", NS["j"])
    tree = ET.parse(source)
    for element in tree.iter():
        if element.text and element.text.strip() and element.text in catalog:
            element.text = catalog[element.text]
        if element.tag == "{urn:waymark:journey}kpi":
            for attribute in ("name", "unit"):
                if element.get(attribute) in catalog:
                    element.set(attribute, catalog[element.get(attribute)])
    tree.write(target, encoding="UTF-8", xml_declaration=True)
    return target


def printed_texts(path):
    """What a printed map must show whole: titles, owners, emotion notes,
    KPI names, note texts, phase and lane names, used channels."""
    root = ET.parse(path).getroot()
    j = "{urn:waymark:journey}"
    texts, used = [], set()
    for tp in root.iter(j + "touchpoint"):
        used.add(tp.get("channel"))
        for tag in ("title", "owner", "emotion"):
            e = tp.find(j + tag)
            if e is not None and e.text:
                texts.append(e.text)
        texts += [k.get("name") for k in tp.iter(j + "kpi")]
    for note in root.iter(j + "note"):
        e = note.find(j + "text")
        if e is not None and e.text:
            texts.append(e.text)
    for tag in ("phase", "lane"):
        texts += [e.find(j + "name").text for e in root.iter(j + tag)]
    texts += [c.find(j + "name").text for c in root.iter(j + "channel") if c.get("id") in used]
    return texts


class Hyphenator:
    """The hyphenation dictionary through libhyphen itself (not Waymark's
    code): which breaks inside a word the language allows."""

    def __init__(self, language):
        name = ctypes.util.find_library("hyphen")
        path = f"/usr/share/hyphen/hyph_{language}.dic"
        self.lib = ctypes.CDLL(name) if name else None
        self.dict = None
        if self.lib and os.path.exists(path):
            self.lib.hnj_hyphen_load.restype = ctypes.c_void_p
            self.lib.hnj_hyphen_hyphenate2.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int,
                                                       ctypes.c_char_p, ctypes.c_char_p, ctypes.c_void_p,
                                                       ctypes.c_void_p, ctypes.c_void_p]
            self.dict = self.lib.hnj_hyphen_load(path.encode())
            with open(path, "rb") as f:
                self.encoding = "latin-1" if f.readline().strip().upper().startswith(b"ISO8859-1") else "utf-8"

    def allows(self, word, at):
        """Whether @word may break after its first @at letters."""
        if self.dict is None:
            return True
        data = word.lower().encode(self.encoding)
        hyphens = ctypes.create_string_buffer(len(data) + 5)
        rep, pos, cut = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_void_p()
        self.lib.hnj_hyphen_hyphenate2(self.dict, data, len(data), hyphens, None,
                                       ctypes.byref(rep), ctypes.byref(pos), ctypes.byref(cut))
        last_byte = len(word[:at].lower().encode(self.encoding)) - 1
        return at >= 2 and len(word) - at >= 3 and hyphens.raw[last_byte] & 1 == 1


def join_lines(raw, sources, hyphenator, where):
    """pdftotext's lines as one text: a line ending in "letter-" joins the
    next without a space, keeping the hyphen when the map's text has it
    ("thank-you") and else checking that the language allows the break."""
    lines = [line.strip() for line in raw.splitlines()]
    joined = ""
    source_text = " ".join(" ".join(sources).split())
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        m = re.search(r"(\w+)-$", line)
        n = re.match(r"(\w+)", nxt)
        if m and n:
            left, right = m.group(1), n.group(1)
            if f"{left}-{right}" not in source_text and f"{left}{right}" in source_text:
                check(hyphenator.allows(left + right, len(left)),
                      f"{where}: “{left}-{right}” breaks where the language does not allow")
                joined += line[:-1]
                continue
        joined += line + (" " if not line.endswith("-") else "")
    return " ".join(joined.split())


def case_pdf_whole_text(tmp):
    """On paper nothing is cut: every title, owner, note, KPI name and
    emotion note is there whole on every paper, in English and German;
    words break between words or where their language allows, numbers
    stay with their units."""
    need("pdftotext", "poppler-utils")
    catalog = read_po(os.path.join(PO_DIR, "de.po"))
    check(len(catalog) > 500, f"only {len(catalog)} German translations read from {PO_DIR}")
    maps = [("en", "", "en_US", EXAMPLE, os.path.join(TEMPLATES, "b2b.journey")),
            ("de", "de", "de_DE",
             translate_journey(EXAMPLE, os.path.join(tmp, "beispiel.journey"), catalog),
             translate_journey(os.path.join(TEMPLATES, "b2b.journey"), os.path.join(tmp, "b2b-de.journey"), catalog))]
    for language, env_language, dictionary, *journeys in maps:
        hyphenator = Hyphenator(dictionary)
        env = {"LANGUAGE": env_language}
        for number, journey in enumerate(journeys):
            sources = printed_texts(journey)
            check(len(sources) > 20, f"{journey}: only {len(sources)} texts")
            # Every paper for the example map, the office papers for the other.
            for paper in PAPERS if number == 0 else ("A4", "Letter"):
                for orientation in ("landscape", "portrait"):
                    name = f"whole-{language}-{os.path.basename(journey)[:-8]}-{paper}-{orientation}.pdf"
                    raw = pdftext(export(tmp, name, "--paper", paper, "--orientation", orientation,
                                         journey=journey, env=env))
                    check("…" not in raw, f"{name}: text cut with “…”")
                    text = join_lines(raw, sources, hyphenator, name)
                    missing = [t for t in sources if " ".join(t.split()) not in text]
                    check(not missing, f"{name}: not whole: {missing}")
                    split = re.findall(r"\d\n(?:%|km|min|EUR|€|Tage|days|Uhr)\b|\d\n%", raw)
                    check(not split, f"{name}: a number split from its unit: {split}")
    # The checks can fail: a word broken where German does not allow it.
    check(not Hyphenator("de_DE").dict or not Hyphenator("de_DE").allows("Kundenzufriedenheit", 11),
          "the dictionary allows “Kundenzufri-edenheit”")


def emotion_notes(path):
    root = ET.parse(path).getroot()
    return [e.text for e in root.iter("{urn:waymark:journey}emotion") if e.text]


def case_pdf_emotion_notes(tmp):
    """No emotion note is left out for lack of room: each one is on the
    curve or, with a numbered marker there, listed below the legend, in
    full on every paper, and in German."""
    need("pdftotext", "poppler-utils")
    notes = emotion_notes(EXAMPLE)
    check(len(notes) >= 20, f"the example map has only {len(notes)} emotion notes")
    for language in ("", "de"):
        env = {"LANGUAGE": language}
        for paper in ("A4", "A3", "A2", "Letter", "Tabloid"):
            for orientation in ("landscape", "portrait"):
                name = f"notes-{language or 'en'}-{paper}-{orientation}.pdf"
                text = words(pdftext(export(tmp, name, "--paper", paper, "--orientation", orientation, env=env)))
                missing = [n for n in notes if words(n) not in text]
                check(not missing, f"{name}: emotion notes missing or cut: {missing}")
        for poster in ("3x2", "4x3"):
            name = f"notes-{language or 'en'}-poster-{poster}.pdf"
            text = words(pdftext(export(tmp, name, "--poster", poster, "--paper", "Letter", env=env)))
            missing = [n for n in notes if words(n) not in text]
            check(not missing, f"{name}: emotion notes missing or cut: {missing}")


def case_pdf_numbers(tmp):
    """KPI numbers follow the interface's language: German decimal
    commas everywhere, lists of them separated by a semicolon (never
    “0,9, 4,1 %”), English points and commas; long numbers grouped."""
    need("pdftotext", "poppler-utils")
    expected = {
        "": ["0.9, 4.1 %", "38.50, 22.00 EUR", "3.4 min", "26.70 EUR", "2.1, 3.4 %"],
        "de": ["0,9; 4,1 %", "38,50; 22,00 EUR", "3,4 min", "26,70 EUR", "2,1; 3,4 %"],
    }
    for language, numbers in expected.items():
        for name, options in (("a3", ("--paper", "A3")), ("booklet", ("--paper", "A4"))):
            path = export(tmp, f"numbers-{language or 'en'}-{name}.pdf", *options, env={"LANGUAGE": language})
            text = words(pdftext(path))
            missing = [n for n in numbers if n not in text]
            check(not missing, f"{language or 'en'} {name}: numbers not as the reader writes them: {missing}")
            if language == "de":
                # No decimal point and no comma between two numbers.
                points = re.findall(r".{0,20}\d\.\d.{0,10}", text)
                check(not points, f"de {name}: a decimal point: {points[:3]}")
                check(not re.search(r"\d,\d+, \d", text), f"de {name}: a comma lists decimals")
            # 185000 contacts: grouped by a thin space, one word on paper.
            bbox = subprocess.run(["pdftotext", "-bbox", path, "-"], capture_output=True, text=True,
                                  check=True).stdout
            check(">185</word>" in bbox and ">000</word>" in bbox, f"{language or 'en'} {name}: 185000 not grouped")


def case_pdf_metadata(tmp):
    need("pdfinfo", "poppler-utils")
    env = {"SOURCE_DATE_EPOCH": "1700000000", "TZ": "UTC"}
    first = export(tmp, "first.pdf", "--poster", "3x2", env=env)
    second = export(tmp, "second.pdf", "--poster", "3x2", env=env)
    info = pdfinfo(first)
    check(info.get("Title") == "Fitness watch: from ad to advocate", f"Title: {info.get('Title')}")
    check(info.get("Creator", "").startswith("Waymark "), f"Creator: {info.get('Creator')}")
    check("Nov 14 22:13:20 2023" in info.get("CreationDate", ""), f"CreationDate: {info.get('CreationDate')}")
    with open(first, "rb") as a, open(second, "rb") as b:
        check(a.read() == b.read(), "two exports with SOURCE_DATE_EPOCH differ")


def case_svg(tmp):
    need("xmllint", "libxml2-utils")
    for name, options, width in (("natural.svg", (), None), ("a3.svg", ("--paper", "A3"), 1190.55),
                                 ("tricky.svg", (), None)):
        journey = os.path.join(DATA, "tricky.journey") if name == "tricky.svg" else EXAMPLE
        path = export(tmp, name, *options, journey=journey)
        result = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
        check(result.returncode == 0, f"{name} is not well-formed: {result.stderr}")
        root = ET.parse(path).getroot()
        check(root.tag == "{http://www.w3.org/2000/svg}svg", f"{name}: root is {root.tag}")
        check(root.get("width", "").endswith("pt"), f"{name}: width {root.get('width')} is not in points")
        if width is not None:
            check(abs(float(root.get("width")[:-2]) - width) < 0.02, f"{name}: width {root.get('width')}")
        # The first children name and describe the image (screen readers,
        # file managers); the text itself is glyph outlines.
        children = list(root)
        svg = "{http://www.w3.org/2000/svg}"
        title = root.find(svg + "title")
        desc = root.find(svg + "desc")
        check(children[:2] == [title, desc] and title is not None and desc is not None,
              f"{name}: <title> and <desc> are not the first children")
        if name != "tricky.svg" and title is not None and desc is not None:
            check(title.text == "Fitness watch: from ad to advocate", f"{name}: <title> {title.text!r}")
            check("made with Waymark" in (desc.text or ""), f"{name}: <desc> {desc.text!r}")


def png_resolution(path):
    """The pHYs chunk as (x, y, unit) or None; it must come before IDAT."""
    with open(path, "rb") as f:
        data = f.read()
    at = 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        if kind == b"IDAT":
            return None
        if kind == b"pHYs":
            body = data[at + 8:at + 8 + length]
            crc = struct.unpack(">I", data[at + 8 + length:at + 12 + length])[0]
            check(crc == zlib.crc32(kind + body), f"{path}: the pHYs chunk's CRC is wrong")
            return struct.unpack(">IIB", body)
        at += 12 + length
    return None


def case_png(tmp):
    natural = png_size(export(tmp, "96.png", "--dpi", "96"))
    # 150 dpi unless --dpi says otherwise, as in the app.
    default = png_size(export(tmp, "default.png"))
    check(all(abs(d - n * 150 / 96) <= 1 for d, n in zip(default, natural)),
          f"the default PNG is {default}, 96 dpi {natural}: not 150 dpi")
    double = png_size(export(tmp, "192.png", "--dpi", "192"))
    low = png_size(export(tmp, "48.png", "--dpi", "48"))
    # Twice the resolution, twice the pixels (to the nearest pixel).
    check(abs(double[0] - 2 * natural[0]) <= 1 and abs(double[1] - 2 * natural[1]) <= 1,
          f"192 dpi gives {double}, 96 dpi {natural}")
    check(abs(2 * low[0] - natural[0]) <= 2 and abs(2 * low[1] - natural[1]) <= 2,
          f"48 dpi gives {low}, 96 dpi {natural}")
    a4 = png_size(export(tmp, "a4.png", "--paper", "A4", "--dpi", "300"))
    check(a4 == (3508, 2480), f"A4 landscape at 300 dpi is {a4}, expected (3508, 2480)")
    letter = png_size(export(tmp, "letter.png", "--paper", "Letter", "--orientation", "portrait", "--dpi", "100"))
    check(letter == (850, 1100), f"Letter portrait at 100 dpi is {letter}, expected (850, 1100)")
    # Office programs place the image at its real size: 300 dpi is 11811
    # pixels per metre, 96 dpi 3780.
    for name, per_metre in (("a4.png", 11811), ("96.png", 3780), ("letter.png", 3937), ("default.png", 5906)):
        phys = png_resolution(os.path.join(tmp, name))
        check(phys == (per_metre, per_metre, 1), f"{name}: pHYs {phys}, expected {per_metre} per metre")
    if shutil.which("identify"):
        out = subprocess.run(["identify", "-units", "PixelsPerInch", "-format", "%x", os.path.join(tmp, "a4.png")],
                             capture_output=True, text=True).stdout
        check(out.startswith("300") or out.startswith("299.9"), f"identify reads {out!r} for the 300 dpi PNG")


def read_csv(path, delimiter=","):
    with open(path, "rb") as f:
        data = f.read()
    check(data.startswith(b"\xef\xbb\xbf"), f"{path} has no UTF-8 byte order mark")
    check(data.endswith(b"\r\n"), f"{path} does not end in CRLF")
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)), data


def journey_contents(path):
    """What a table holds of a map, comparable between two maps: its
    touchpoints (with their KPIs), notes and links, by id."""
    root = ET.parse(path).getroot()
    touchpoints = {}
    for tp in root.findall("j:touchpoint", NS):
        kpis = sorted((k.get("name"), k.get("value"), k.get("unit"), k.get("target")) for k in tp.findall("j:kpi", NS))
        touchpoints[tp.get("id")] = (tp.findtext("j:title", "", NS), tp.findtext("j:description", "", NS),
                                     tp.get("votes"), kpis)
    notes = {n.get("id"): (n.findtext("j:text", "", NS), n.get("votes")) for n in root.findall("j:note", NS)}
    links = sorted((l.get("from"), l.get("to")) for l in root.findall("j:link", NS))
    return touchpoints, notes, links


def case_csv(tmp):
    path = export(tmp, "example.csv")
    rows, data = read_csv(path)
    header, body = rows[0], rows[1:]
    check(header[:21] == ["ID", "Type", "Phase", "Lane", "Order in cell", "Title", "Description", "Quote", "Idea",
                          "Channel", "Channel category", "Initiator", "Emotion score", "Emotion note", "Owner",
                          "Strength or weakness", "Priority", "Moment of truth", "Links to", "Links to (titles)",
                          "Votes"], f"columns {header[:21]}")
    check(all(r[header.index("Votes")].isdigit() for r in body), "a vote count is not a number")
    check(all(len(r) == len(header) for r in body), "rows of different lengths")
    root = ET.parse(EXAMPLE).getroot()
    titles = touchpoint_titles(EXAMPLE)
    notes = {n.get("id"): n.findtext("j:text", "", NS) for n in root.findall("j:note", NS)}
    touchpoint_rows = [r for r in body if r[1] == "Touchpoint"]
    note_rows = [r for r in body if r[1] == "Note"]
    check(len(touchpoint_rows) + len(note_rows) == len(body), "a row is neither a touchpoint nor a note")
    check(len(touchpoint_rows) == len(titles), f"{len(touchpoint_rows)} rows for {len(titles)} touchpoints")
    check(sorted(r[header.index("Title")] for r in touchpoint_rows) == sorted(titles), "titles differ from the map's")
    check(notes and {r[0]: r[header.index("Title")] for r in note_rows} == notes, "the notes are not the map's")
    # Records end in CRLF; a bare LF only appears inside quoted fields.
    check(data.count(b"\r\n") == len(rows), "not one CRLF per record")
    ids = {tp.get("id"): tp.findtext("j:title", "", NS) for tp in root.findall("j:touchpoint", NS)}
    check({r[0] for r in touchpoint_rows} == set(ids), "the ID column does not hold the touchpoints' ids")
    links = 0
    for r in touchpoint_rows:
        targets = list(filter(None, r[header.index("Links to")].split("; ")))
        links += len(targets)
        check(all(t in ids for t in targets), f"row {r[0]} links to an unknown touchpoint")
        check(r[header.index("Links to (titles)")].split("\n") == [ids[t] for t in targets] if targets
              else r[header.index("Links to (titles)")] == "", f"row {r[0]}: the link titles are not the targets'")
    check(links == len(root.findall("j:link", NS)), f"{links} links in the table")
    # A column per KPI name and unit, its value and its target as numbers.
    for tp in root.findall("j:touchpoint", NS):
        row = dict(zip(header, next(r for r in body if r[0] == tp.get("id"))))
        for kpi in tp.findall("j:kpi", NS):
            name = f"KPI: {kpi.get('name')} ({kpi.get('unit')})" if kpi.get("unit") else f"KPI: {kpi.get('name')}"
            check(row.get(name) == kpi.get("value"), f"{tp.get('id')}: {name} is {row.get(name)!r}")
            if kpi.get("target"):
                check(row.get(name + " target") == kpi.get("target"), f"{tp.get('id')}: the target of {name}")
    check("KPI: Waiting time (min)" in header and "KPI: Waiting time (min) target" in header, "no waiting time columns")

    # Commas, quotes, line breaks and non-ASCII text survive a standard reader.
    rows, _ = read_csv(export(tmp, "tricky.csv", journey=os.path.join(DATA, "tricky.journey")))
    header, body = rows[0], rows[1:]
    first = dict(zip(header, body[0]))
    check(first["Title"] == 'Größe, Farbe & "Stil"', f"title {first['Title']!r}")
    check(first["Description"] == "Line one\nline two, with a comma\n„Anführung“ 🏃 done",
          f"description {first['Description']!r}")
    check(first["Phase"] == "Vorher, „davor“", f"phase {first['Phase']!r}")
    check(first["Emotion score"] == "-2" and first["Moment of truth"] == "Yes", f"row {first}")
    check(first["KPI: Wartezeit (min)"] == "14" and first["KPI: Conversion"] == "0.031", f"KPIs {first}")
    check([r[0] for r in body] == ["tp-0000000000d3", "tp-0000000000d5", "tp-0000000000d2",
                                   "tp-0000000000d1", "tp-0000000000d4"], "not in reading order")
    check(body[2][header.index("Title")].startswith("'="), "a formula is not defused")


def case_csv_german(tmp):
    # German: semicolons by default, a decimal comma in every number,
    # German column names and values; --csv-delimiter comma keeps the
    # German names but takes decimal points, never a comma beside commas.
    env = {"LANGUAGE": "de"}
    path = export(tmp, "beispiel.csv", env=env)
    with open(path, "rb") as f:
        first_line = f.read().split(b"\r\n")[0].decode("utf-8-sig")
    check(first_line.startswith("ID;Typ;Phase;Bahn;"), f"German header {first_line[:40]!r}")
    rows, _ = read_csv(path, delimiter=";")
    header, body = rows[0], rows[1:]
    check(all(len(r) == len(header) for r in body), "rows of different lengths")
    check("KPI: Wartezeit (min)" not in header, "a KPI's own name was translated")
    value, target = "KPI: Cost per acquisition (EUR)", "KPI: Cost per acquisition (EUR) Zielwert"
    check(value in header and target in header, f"no German KPI columns: {header[21:25]}")
    ad = dict(zip(header, next(r for r in body if r[header.index("Titel")] == "Instagram ad")))
    check(ad[value] == "38,50" and ad[target] == "30", f"{value}: {ad[value]!r}, target {ad[target]!r}")
    check(ad["KPI: Click-through rate (ratio)"] == "0,009", "a decimal point in a German table")
    check(ad["Typ"] == "Touchpoint" and ad["Initiator"] == "Marke", f"German values {ad['Typ']}, {ad['Initiator']}")
    check(any(r[1] == "Notiz" for r in body), "no note row in German")
    numbers = [c for r in body for h, c in zip(header, r) if h.startswith("KPI: ") and c]
    check(numbers and all(re.fullmatch(r"-?\d+(,\d+)?", n) for n in numbers), f"numbers {numbers[:8]}")

    rows, _ = read_csv(export(tmp, "komma.csv", "--csv-delimiter", "comma", env=env))
    header, body = rows[0], rows[1:]
    check(header[2] == "Phase" and header[3] == "Bahn", f"German header with commas {header[:4]}")
    ad = dict(zip(header, next(r for r in body if r[header.index("Titel")] == "Instagram ad")))
    check(ad[value] == "38.50", f"with commas, {value} is {ad[value]!r}")

    # English with semicolons: semicolons, decimal points.
    rows, _ = read_csv(export(tmp, "semicolon.csv", "--csv-delimiter", "semicolon"), delimiter=";")
    ad = dict(zip(rows[0], next(r for r in rows[1:] if r[5] == "Instagram ad")))
    check(ad["KPI: Cost per acquisition (EUR)"] == "38.50", "English with semicolons")


def case_csv_libreoffice(tmp):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("SKIP: LibreOffice is not installed (package libreoffice-calc-nogui)")
        sys.exit(77)
    source = export(tmp, "tricky.csv", journey=os.path.join(DATA, "tricky.journey"))
    profile = "file://" + os.path.join(tmp, "profile")
    env = dict(os.environ, HOME=tmp)
    # Import as Calc does (comma, double quote, UTF-8), save as ODS, then
    # write the sheet back out as UTF-8 CSV and compare cell by cell.
    for args in (["--infilter=CSV:44,34,76,1", "--convert-to", "ods", "--outdir", tmp, source],
                 ["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true",
                  "--outdir", os.path.join(tmp, "back"), os.path.join(tmp, "tricky.ods")]):
        subprocess.run([soffice, "-env:UserInstallation=" + profile, "--headless", *args],
                       capture_output=True, env=env, timeout=300, check=True)
    ours, _ = read_csv(source)
    with open(os.path.join(tmp, "back", "tricky.csv"), encoding="utf-8", newline="") as f:
        theirs = list(csv.reader(f))
    check(len(ours) == len(theirs), f"LibreOffice read {len(theirs)} rows, we wrote {len(ours)}")
    for mine, calc in zip(ours, theirs):
        calc = calc + [""] * (len(mine) - len(calc))
        check(mine == calc, f"LibreOffice read {calc}, we wrote {mine}")


def import_table(tmp, table, name="table.csv"):
    """`waymark --export OUT.journey TABLE.csv`: (status, stderr, path)."""
    source = os.path.join(tmp, name)
    with open(source, "wb") as f:
        f.write(table if isinstance(table, bytes) else table.encode("utf-8"))
    out = os.path.join(tmp, name + ".journey")
    if os.path.exists(out):
        os.unlink(out)
    status, _, err = waymark("--export", out, source)
    return status, err, out


def case_csv_import(tmp):
    # The export read back is the same map as far as the table goes: the
    # table written from it is byte for byte the first one, in English
    # and in German, and the map is valid.
    for language in ("", "de"):
        env = {"LANGUAGE": language}
        table = export(tmp, f"example-{language}.csv", env=env)
        back = os.path.join(tmp, f"back-{language}.journey")
        status, _, err = waymark("--export", back, table, env=env)
        check(status == 0, f"import of {table}: exit {status}: {err}")
        status, _, err = waymark("--check", back)
        check(status == 0, f"the imported map does not pass --check: {err}")
        again = export(tmp, f"again-{language}.csv", journey=back, env=env)
        with open(table, "rb") as a, open(again, "rb") as b:
            check(a.read() == b.read(), f"CSV → journey → CSV changed the table ({language or 'en'})")
        root = ET.parse(back).getroot()
        check(root.findtext("j:title", "", NS) == f"example-{language}", "the map is not named after the file")
        check(len(root.findall("j:touchpoint", NS)) == len(touchpoint_titles(EXAMPLE)), "touchpoints lost")
        check(len(root.findall("j:link", NS)) == len(ET.parse(EXAMPLE).getroot().findall("j:link", NS)),
              "links lost")
        check(journey_contents(back) == journey_contents(EXAMPLE),
              f"the imported touchpoints, KPIs, notes or links differ from the map's ({language or 'en'})")

    # Either delimiter in either language, detected from the header.
    for language, delimiter in (("", "semicolon"), ("de", "comma")):
        env = {"LANGUAGE": language}
        table = export(tmp, f"other-{language}.csv", "--csv-delimiter", delimiter, env=env)
        back = os.path.join(tmp, f"other-{language}.journey")
        status, _, err = waymark("--export", back, table, env=env)
        check(status == 0 and journey_contents(back) == journey_contents(EXAMPLE),
              f"{delimiter} in {language or 'en'}: exit {status}: {err}")
    # A German table read by an English interface: the column names say
    # which language the table speaks, and it is not the reader's.
    status, _, err = waymark("--export", os.path.join(tmp, "cross.journey"), os.path.join(tmp, "example-de.csv"))
    check(status == 1 and "unknown column “Typ”" in err, f"German table in English: exit {status}: {err}")

    # A table typed by hand: links by title (one a line, or separated by
    # semicolons), notes in a lane of their own, KPIs with a decimal comma.
    status, err, out = import_table(tmp, "Type;Title;Phase;Lane;Links to (titles);KPI: Wait (min);KPI: Wait (min) target\n"
                                         "Touchpoint;Ad;Awareness;;\"Shop; Call\";3,5;2\n"
                                         "Touchpoint;Shop;Purchase;;\"Call\";;\n"
                                         "Touchpoint;Call;Purchase;;;;\n"
                                         "Note;Too slow;Purchase;Pain points;;;\n", "by-title.csv")
    check(status == 0, f"table with title links: exit {status}: {err}")
    if status == 0:
        root = ET.parse(out).getroot()
        ids = {tp.get("id"): tp.findtext("j:title", "", NS) for tp in root.findall("j:touchpoint", NS)}
        links = sorted((ids[l.get("from")], ids[l.get("to")]) for l in root.findall("j:link", NS))
        check(links == [("Ad", "Call"), ("Ad", "Shop"), ("Shop", "Call")], f"links by title {links}")
        kpi = root.find("j:touchpoint/j:kpi", NS)
        check(kpi is not None and (kpi.get("name"), kpi.get("value"), kpi.get("unit"), kpi.get("target"))
              == ("Wait", "3.5", "min", "2"), f"KPI from its column {kpi is not None and kpi.attrib}")
        note = root.find("j:note", NS)
        lanes = {l.get("id"): (l.get("kind"), l.findtext("j:name", "", NS)) for l in root.findall("j:lane", NS)}
        check(note is not None and note.findtext("j:text", "", NS) == "Too slow"
              and lanes.get(note.get("lane")) == ("notes", "Pain points"), f"note {lanes}")

    # As a spreadsheet saves it in many languages: semicolons, LF, no BOM,
    # only the columns needed, in another order, an empty row, +1.
    status, err, out = import_table(tmp, "Title;Phase;Emotion score;KPIs\n"
                                         "Ad;Awareness;+1;Reach=1200 people (target 2000)\n"
                                         ";;;\n"
                                         "\"Call; then mail\";Purchase;-2;\n"
                                         "'=SUM(A1);Purchase;;\n")
    check(status == 0, f"semicolon table: exit {status}: {err}")
    if status == 0:
        root = ET.parse(out).getroot()
        tps = root.findall("j:touchpoint", NS)
        check([tp.findtext("j:title", "", NS) for tp in tps] == ["Ad", "Call; then mail", "=SUM(A1)"],
              f"titles {[tp.findtext('j:title', '', NS) for tp in tps]}")
        check([p.findtext("j:name", "", NS) for p in root.findall("j:phase", NS)] == ["Awareness", "Purchase"],
              "phases not in order of appearance")
        kpi = tps[0].find("j:kpi", NS)
        check(kpi is not None and (kpi.get("name"), kpi.get("value"), kpi.get("unit"), kpi.get("target"))
              == ("Reach", "1200", "people", "2000"), f"KPI {kpi is not None and kpi.attrib}")
        check(tps[0].find("j:emotion", NS).get("score") == "1", "+1 is not score 1")
        check(any(l.get("kind") == "emotion" for l in root.findall("j:lane", NS)), "no emotion lane for scores")

    # Votes come in as the export wrote them; a count that is none says where.
    status, err, out = import_table(tmp, "Title,Phase,Votes\nAd,Awareness,3\nStand,Awareness,\n", "votes.csv")
    check(status == 0, f"votes table: exit {status}: {err}")
    if status == 0:
        root = ET.parse(out).getroot()
        check([tp.get("votes") for tp in root.findall("j:touchpoint", NS)] == ["3", None],
              f"votes {[tp.get('votes') for tp in root.findall('j:touchpoint', NS)]}")
        check(root.get("format") == "2", "a map with votes is not format 2")
    status, err, out = import_table(tmp, "Title,Phase,Votes\nAd,Awareness,lots\n", "bad-votes.csv")
    check(status == 1 and f"bad-votes.csv:2: “lots” is not a number of votes" in err, f"bad votes: {status} {err}")

    # Bad rows: every one reported as FILE:LINE, nothing written.
    bad = ("ID,Phase,Title,Emotion score,Initiator,Links to\r\n"
           "tp-0123456789ab,Awareness,Fine,1,Brand,\r\n"
           "tp-0123456789ab,Awareness,Same id,,,\r\n"
           ",,No phase,,,\r\n"
           ",Awareness,Too happy,3,,\r\n"
           ",Awareness,Who,,Partner,\r\n"
           "tp-00000000beef,Awareness,Links,,,tp-0000000dead0\r\n"
           ",Awareness,\"two\nlines\",,,,extra\r\n")
    status, err, out = import_table(tmp, bad, "bad.csv")
    check(status == 1, f"bad table: exit {status}")
    check(not os.path.exists(out), "a bad table was half-imported")
    name = os.path.join(tmp, "bad.csv")
    for line, words in ((3, "already used on line 2"), (4, "no phase"), (5, "not an emotion score"),
                        (6, "“Partner” is not a value of “Initiator”"), (7, "names no touchpoint"),
                        (8, "7 fields, but the header names 6")):
        check(re.search(rf"^{re.escape(name)}:{line}: .*{re.escape(words)}", err, re.M) is not None,
              f"no '{name}:{line}: …{words}' in: {err}")
    check(f"{name}:2:" not in err, "a good row was reported")

    # Notes, KPI columns and title links that are wrong: each said where.
    bad = ("Type,Title,Phase,Lane,Owner,Links to (titles),KPI: Wait (min),KPI: Wait (min) target\r\n"
           "Note,Slow,Awareness,Pains,,,,\r\n"
           "Touchpoint,Ad,Awareness,Pains,,,,\r\n"
           "Note,Slower,Awareness,Pains,Sales,,,\r\n"
           "Touchpoint,Shop,Awareness,,,Nowhere,,\r\n"
           "Touchpoint,Odd number,Awareness,,,,lots,\r\n"
           "Touchpoint,Lonely target,Awareness,,,,,4\r\n"
           "Touchpoint,Linker,Awareness,,,Twin,,\r\n"
           "Memo,Odd,Awareness,,,,,\r\n"
           "Touchpoint,Twin,Awareness,,,,,\r\n"
           "Touchpoint,Twin,Awareness,,,,,\r\n")
    status, err, out = import_table(tmp, bad, "bad-notes.csv")
    check(status == 1 and not os.path.exists(out), f"bad notes table: exit {status}")
    check(f"{os.path.join(tmp, 'bad-notes.csv')}:2:" not in err, "a good note was reported")
    name = os.path.join(tmp, "bad-notes.csv")
    for line, words in ((3, "the lane “Pains” holds notes in an earlier row"),
                        (4, "a note has only a text (in “Title”) and votes, but “Owner” is filled in"),
                        (5, "the link to “Nowhere” names no touchpoint"),
                        (6, "“lots” in the column “KPI: Wait (min)” is not a number"),
                        (7, "a target in the column “KPI: Wait (min) target” without a value"),
                        (8, "the link to “Twin”: 2 touchpoints have this title"),
                        (9, "“Memo” is not a value of “Type”")):
        check(re.search(rf"^{re.escape(name)}:{line}: .*{re.escape(words)}", err, re.M) is not None,
              f"no '{name}:{line}: …{words}' in: {err}")
    status, err, out = import_table(tmp, "Title,Phase,KPI: Wait (min) target\n", "t.csv")
    check(status == 1 and "holds targets of a KPI that has no column of values" in err, f"lonely target: {err}")

    for table, words in (("Title,Phase,Colour\n", ":1: unknown column “Colour”"),
                         ("Title\nA\n", ":1: there is no column “Phase”"),
                         ("Title,Phase\n\"open,P\n", ":2: a quoted field is not closed"),
                         (b"Title,Phase\nGr\xf6\xdfe,P\n", ":2: this is not UTF-8 text"),
                         ("Title,Phase\n", "no touchpoints")):
        status, err, out = import_table(tmp, table, "t.csv")
        check(status == 1 and words in err and not os.path.exists(out), f"{table!r}: exit {status}: {err}")


def mermaid_journey(text):
    """Reads a Mermaid `journey` diagram the way Mermaid does: its
    encodeEntities() before parsing (`#58;` → a placeholder the grammar
    does not know), the lexer rules of journey.jison in their order (the
    first that matches wins), journeyDb's addTask(), and the entities turned
    back into characters as the drawn SVG shows them."""
    text = re.sub(r"#(\w+);", lambda m: "\ufb02\u00b0\u00b0" + m.group(1) + "\u00b6\u00df"
                  if m.group(1).isdigit() else m.group(0), text)

    def decode(s):
        return re.sub("\ufb02\u00b0\u00b0(\\d+)\u00b6\u00df", lambda m: chr(int(m.group(1))), s)

    rules = [
        (r"\n+", "NL"), (r"\s+", None), (r"#[^\n]*", None), (r"%%[^\n]*", None),
        (r"journey", "journey"), (r"title\s[^#\n;]+", "title"), (r"section\s[^#:\n;]+", "section"),
        (r"[^#:\n;]+", "taskName"), (r":[^#\n;]+", "taskData"), (r":", ":"), (r".", "INVALID"),
    ]
    tokens, pos = [], 0
    while pos < len(text):
        for pattern, kind in rules:
            m = re.compile(pattern, re.I).match(text, pos)
            if m:
                if kind is not None:
                    tokens.append((kind, m.group(0)))
                pos = m.end()
                break
    tokens = [t for t in tokens if t[0] != "NL"]
    check(tokens and tokens[0][0] == "journey", f"does not start with journey: {tokens[:2]}")
    title, sections = None, []
    i = 1
    while i < len(tokens):
        kind, value = tokens[i]
        if kind == "title":
            title = decode(value[6:]).strip()
        elif kind == "section":
            sections.append((decode(value[8:]).strip(), []))
        elif kind == "taskName" and i + 1 < len(tokens) and tokens[i + 1][0] == "taskData":
            pieces = tokens[i + 1][1][1:].split(":")
            people = [decode(p).strip() for p in pieces[1].split(",")] if len(pieces) > 1 else []
            check(len(pieces) <= 2, f"task {value!r} has {len(pieces)} data fields")
            check(sections, f"task {value!r} before any section")
            sections[-1][1].append((decode(value).strip(), pieces[0].strip(), people))
            i += 1
        else:
            fail(f"Mermaid would not parse {kind} {value!r}")
        i += 1
    return title, sections


def expected_journey(path):
    """Sections and tasks as the map has them: phases in order, in each the
    touchpoints of the touchpoint lanes lane by lane in document order."""
    root = ET.parse(path).getroot()
    lanes = [lane.get("id") for lane in root.findall("j:lane", NS) if lane.get("kind") == "touchpoints"]
    points = root.findall("j:touchpoint", NS)
    sections = []
    for number, phase in enumerate(root.findall("j:phase", NS), 1):
        name = " ".join((phase.findtext("j:name", "", NS) or "").split()) or f"Phase {number}"
        tasks = []
        for lane in lanes:
            for tp in points:
                if tp.get("phase") == phase.get("id") and tp.get("lane") == lane:
                    emotion = tp.find("j:emotion", NS)
                    score = str(int(emotion.get("score")) + 3) if emotion is not None else "3"
                    owner = " ".join((tp.findtext("j:owner", "", NS) or "").split())
                    title = " ".join((tp.findtext("j:title", "", NS) or "").split()) or "(untitled)"
                    tasks.append((title, score, [owner] if owner else []))
        sections.append((name, tasks))
    return " ".join(root.findtext("j:title", "", NS).split()), sections


def case_mermaid(tmp):
    for source in (EXAMPLE, os.path.join(DATA, "mermaid.journey"), os.path.join(DATA, "tricky.journey")):
        path = export(tmp, "journey.mmd", journey=source)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        check("\r" not in text and text.endswith("\n"), f"{path}: not LF-terminated lines")
        title, sections = mermaid_journey(text)
        want_title, want_sections = expected_journey(source)
        check(title == want_title, f"{source}: title {title!r}, expected {want_title!r}")
        check(sections == want_sections, f"{source}: Mermaid reads {sections}, expected {want_sections}")

    # The tricky cases are written as entities, not dropped or mangled.
    with open(export(tmp, "m.mmd", journey=os.path.join(DATA, "mermaid.journey")), encoding="utf-8") as f:
        text = f.read()
    check("Call#58; hotline#59; ticket #35;58#59; done: 1: Sales#44; North#58; team\n" in text, text)
    check("#115;ection 5 of the form: 2\n" in text and "#84;itle page: 3: Marketing\n" in text, text)
    check("A note is not a task" not in text, "a note became a task")


def case_bad_arguments(tmp):
    source = os.path.join(DATA, "tricky.journey")
    cases = [
        (["out.pdf", "--paper", "B5"], "unknown paper size “B5”"),
        (["out.pdf", "--orientation", "sideways", "--paper", "A4"], "unknown orientation"),
        (["out.png", "--orientation", "portrait"], "--orientation needs --paper or --poster"),
        (["out.pdf", "--paper", "natural", "--orientation", "portrait"], "--orientation needs --paper or --poster"),
        (["out.pdf", "--poster", "0x0"], "“0x0” is not a poster size"),
        (["out.pdf", "--poster", "11x2"], "“11x2” is not a poster size"),
        (["out.pdf", "--poster", "3"], "“3” is not a poster size"),
        (["out.csv", "--poster", "3x2"], "do not apply to .csv"),
        (["out.csv", "--paper", "A4"], "do not apply to .csv"),
        (["out.mmd", "--paper", "A4"], "do not apply to .mmd"),
        (["out.svg", "--poster", "2x2"], "--poster needs a .pdf output"),
        (["out.png", "--poster", "2x2"], "--poster needs a .pdf output"),
        (["out.png", "--dpi", "23"], "--dpi must be a whole number from 24 to 1200"),
        (["out.png", "--dpi", "1201"], "--dpi must be a whole number from 24 to 1200"),
        (["out.png", "--dpi", "high"], "--dpi must be a whole number"),
        (["out.pdf", "--dpi", "300"], "--dpi applies only to .png"),
        (["out.png", "--paper", "A0", "--dpi", "1200"], "choose a lower resolution"),
        (["out.journey", "--paper", "A4"], "do not apply to .journey"),
        (["out.svg", "--one-page"], "--one-page needs --paper"),
        (["out.pdf", "--one-page", "--poster", "2x2"], "--one-page and --poster cannot be combined"),
        (["out.csv", "--one-page"], "do not apply to .csv"),
        (["out.docx"], "unsupported export format “.docx”"),
        (["out.svg", "--dashboard"], "--dashboard needs a .pdf output: .svg holds only the map"),
        (["out.png", "--dashboard"], "--dashboard needs a .pdf output: .png holds only the map"),
        (["out.csv", "--dashboard"], "--dashboard needs a .pdf output: .csv holds only the map"),
        (["out.mmd", "--dashboard"], "--dashboard needs a .pdf output: .mmd holds only the map"),
        (["out.journey", "--dashboard"], "--dashboard needs a .pdf output: .journey holds only the map"),
        (["out.cjml", "--dashboard"], "--dashboard needs a .pdf output: .cjml holds only the map"),
    ]
    for args, message in cases:
        out = os.path.join(tmp, args[0])
        status, _, err = waymark("--export", out, *args[1:], source)
        check(status == 2, f"{' '.join(args)}: exit {status}, expected 2")
        check(message in err, f"{' '.join(args)}: expected '{message}' in: {err}")
        check(not os.path.exists(out), f"{' '.join(args)}: {args[0]} was written")

    # Page options without --export are refused too, not ignored.
    status, _, err = waymark("--paper", "A3", source)
    check(status == 2 and "go with --export" in err, f"--paper alone: exit {status}: {err}")
    status, _, err = waymark("--dashboard", source)
    check(status == 2 and "--dashboard goes with --export" in err, f"--dashboard alone: exit {status}: {err}")

    # A missing input is an invalid file (1), not a usage error.
    status, _, err = waymark("--export", os.path.join(tmp, "x.pdf"), os.path.join(tmp, "missing.journey"))
    check(status == 1, f"missing input: exit {status}")


CASES = {name[5:].replace("_", "-"): fn for name, fn in globals().items() if name.startswith("case_")}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in CASES:
        print(f"usage: check-export.py {{{','.join(CASES)}}}", file=sys.stderr)
        sys.exit(2)
    with tempfile.TemporaryDirectory(prefix="waymark-export-test.") as tmp:
        CASES[sys.argv[1]](tmp)
    if failures:
        print(f"{sys.argv[1]}: {len(failures)} check(s) failed", file=sys.stderr)
        sys.exit(1)
    print(f"{sys.argv[1]}: ok")
