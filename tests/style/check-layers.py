#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The layers hold (docs/ARCHITECTURE.md, "Layers").

    check-layers.py ROOT
    check-layers.py --self-test

Reads every #include of the .c and .h files under ROOT/app/core,
ROOT/app/render and ROOT/app/cli and fails on one that reaches above its
layer:

- app/core: no GTK, GDK, libadwaita, cairo or pango; no header of
  app/render, app/cli or app/gui;
- app/render: no GTK, GDK or libadwaita; no header of app/cli or app/gui;
- app/cli: no GTK, GDK or libadwaita; no header of app/gui.

A quoted header belongs to the layer whose folder holds it.  Prints
`FILE:LINE: problem` for each finding and exits 1 when there are any.
--self-test builds a small tree with one breach of each kind and checks
that every one is found (so that this check can fail).
"""
import os
import re
import sys
import tempfile

LAYERS = ('core', 'render', 'cli', 'gui')

TOOLKIT = re.compile(r'^(gtk|gdk|gsk)/|^adwaita\.h$|^libadwaita')
DRAWING = re.compile(r'^(cairo|pango)')

# What each layer may not include: system headers matching these patterns,
# and quoted headers of these layers.
RULES = {
    'core': ([TOOLKIT, DRAWING], ('render', 'cli', 'gui')),
    'render': ([TOOLKIT], ('cli', 'gui')),
    'cli': ([TOOLKIT], ('gui',)),
}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def headers_of_layers(root):
    """Maps a header's file name to the layer whose folder holds it."""
    owner = {}
    for layer in LAYERS:
        folder = os.path.join(root, 'app', layer)
        for dirpath, _, files in os.walk(folder):
            for name in files:
                if name.endswith('.h'):
                    owner[name] = layer
    return owner


def check(root):
    owner = headers_of_layers(root)
    problems = []
    for layer, (system_rules, above) in RULES.items():
        folder = os.path.join(root, 'app', layer)
        for dirpath, _, files in os.walk(folder):
            for name in sorted(files):
                if not name.endswith(('.c', '.h')):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, encoding='utf-8') as f:
                    for number, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        kind, header = m.groups()
                        for rule in system_rules:
                            if rule.search(header):
                                problems.append(f'{path}:{number}: app/{layer} includes <{header}>'
                                                f' (docs/ARCHITECTURE.md, "Layers")')
                        base = os.path.basename(header)
                        if kind == '"' and owner.get(base) in above:
                            problems.append(f'{path}:{number}: app/{layer} includes "{header}" of app/{owner[base]}'
                                            f' (docs/ARCHITECTURE.md, "Layers")')
    return problems


def self_test():
    breaches = {
        'core/a.c': ['#include <gtk/gtk.h>', '#include <cairo.h>', '#include <pango/pangocairo.h>',
                     '#include "waymark-r.h"', '#include "waymark-g.h"'],
        'render/b.c': ['#include <adwaita.h>', '#include "waymark-c.h"', '#include "waymark-g.h"'],
        'cli/c.c': ['# include <gtk/gtk.h>', '#include "waymark-g.h"'],
    }
    allowed = {
        'core/ok.c': ['#include <glib.h>', '#include <libxml/parser.h>', '#include "waymark-k.h"'],
        'render/ok.c': ['#include <cairo.h>', '#include <pango/pango.h>', '#include "waymark-k.h"'],
        'cli/ok.c': ['#include "waymark-r.h"', '#include "waymark-k.h"'],
        'gui/ok.c': ['#include <gtk/gtk.h>', '#include "waymark-c.h"'],
    }
    headers = {'core/waymark-k.h': [], 'render/waymark-r.h': [], 'cli/waymark-c.h': [], 'gui/waymark-g.h': []}
    with tempfile.TemporaryDirectory() as root:
        for name, lines in {**breaches, **allowed, **headers}.items():
            path = os.path.join(root, 'app', name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w', encoding='utf-8') as f:
                f.write('\n'.join(['/* a comment */'] + lines) + '\n')
        problems = check(root)
    expected = sum(len(lines) for lines in breaches.values())
    found_in = [p for p in problems if '/ok.c:' in p]
    if len(problems) != expected or found_in:
        print(f'self-test: expected {expected} findings, none in ok.c; got {len(problems)}:')
        for p in problems:
            print('  ' + p)
        return 1
    print(f'self-test: all {expected} breaches found, no allowed include reported')
    return 0


def main():
    args = sys.argv[1:]
    if args == ['--self-test']:
        return self_test()
    root = args[0] if args else '.'
    problems = check(root)
    for p in problems:
        print(p)
    if problems:
        print(f'{len(problems)} includes break the layers', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
