#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The mechanical part of Waymark's C style (docs/ARCHITECTURE.md, "Style").

    check-style.py [--fix] ROOT

Checks every .c and .h file under ROOT/app and ROOT/tests:

- a function definition with more than one parameter puts one parameter per
  line, the names aligned in one column (GNOME's style):

      waymark_canvas_widget_to_map (WaymarkCanvas *self,
                                    double         x,
                                    double        *mx)

- a symbol declared in a -private.h header (shared between the files of
  one layer or one type) is named `_waymark_…`.

- a static signal callback under app/ (`…_cb`) that works on a `self` of
  one of Waymark's GObject types checks it first:
  `g_assert (WAYMARK_IS_X (self));` right after its declarations.

Prints `FILE:LINE: problem` for each finding and exits 1 when there are
any.  With --fix it rewrites the parameter lists and adds the missing callback
checks in place (the naming rule is only reported).
"""
import os
import re
import sys

DEFINITION = re.compile(r'^([A-Za-z_]\w*)\s*\(')


def split_params(text):
    """Splits a parameter list on top-level commas."""
    params, depth, current = [], 0, ''
    for ch in text:
        if ch in '([':
            depth += 1
        elif ch in ')]':
            depth -= 1
        if ch == ',' and depth == 0:
            params.append(current.strip())
            current = ''
        else:
            current += ch
    if current.strip():
        params.append(current.strip())
    return [' '.join(p.split()) for p in params]


PARAM = re.compile(r'^(?P<type>.*?[\w)])\s*(?P<stars>\**)\s*(?P<name>[A-Za-z_]\w*(\s*\[[^]]*\])*)$')


def parse_param(param):
    """Returns (type, stars, name) or None for what cannot be aligned
    (function pointers, `...`)."""
    if '(' in param or param == '...':
        return None
    m = PARAM.match(param)
    if not m or not m.group('type').strip():
        return None
    name = m.group('name')
    typ = m.group('type').strip()
    # "const char" + "*" + "const name" and the like stay as written.
    if typ in ('const', 'unsigned', 'signed', 'struct', 'enum'):
        return None
    return typ, m.group('stars'), name


def format_params(prefix, params):
    """`prefix` is `name (`; returns the lines of the list."""
    parsed = [parse_param(p) for p in params]
    indent = ' ' * len(prefix)
    if all(parsed):
        width = max(len(t) for t, _, _ in parsed)
        stars = max(len(s) for _, s, _ in parsed)
        items = [t.ljust(width) + ' ' + s.rjust(stars) + n for t, s, n in parsed]
    else:
        items = params
    lines = []
    for i, item in enumerate(items):
        head = prefix if i == 0 else indent
        tail = ',' if i < len(items) - 1 else ')'
        lines.append((head + item + tail).rstrip())
    return lines


def find_definitions(lines):
    """Yields (start, end, name, params, rest) for each function definition
    or prototype at column 0: lines[start:end] hold `name (…)` and `rest`
    is what follows the closing parenthesis on its line."""
    i = 0
    while i < len(lines):
        m = DEFINITION.match(lines[i])
        if not m or m.group(1) in ('if', 'for', 'while', 'switch', 'return', 'sizeof',
                                    'G_DEFINE_TYPE', 'G_DEFINE_FINAL_TYPE',
                                    'G_DEFINE_FINAL_TYPE_WITH_CODE', 'G_DEFINE_TYPE_WITH_CODE',
                                    'G_DEFINE_QUARK', 'G_DECLARE_FINAL_TYPE',
                                    'G_DECLARE_DERIVABLE_TYPE', 'G_DEFINE_AUTOPTR_CLEANUP_FUNC',
                                    'G_DEFINE_BOXED_TYPE', 'G_DEFINE_INTERFACE',
                                    'G_DEFINE_ENUM_TYPE', 'G_DEFINE_FLAGS_TYPE'):
            i += 1
            continue
        # The return type is on the line before (GNOME style); a macro
        # call or an initializer is not a definition.
        if i == 0 or not lines[i - 1].strip() or lines[i - 1].rstrip().endswith((';', ',', '\\', '{', '}', ')')) \
                or lines[i - 1].startswith(('#', ' ', '\t', '/*', ' *')):
            i += 1
            continue
        text = lines[i][m.end(1):]
        j = i
        depth = 0
        buf = ''
        done = False
        while j < len(lines) and not done:
            segment = lines[j] if j > i else text
            for k, ch in enumerate(segment):
                buf += ch
                if ch == '(':
                    depth += 1
                elif ch == ')':
                    depth -= 1
                    if depth == 0:
                        rest = segment[k + 1:]
                        done = True
                        break
            if not done:
                buf += ' '
                j += 1
        if not done:
            break
        inner = buf.strip()
        assert inner.startswith('(') and inner.endswith(')')
        yield i, j + 1, m.group(1), split_params(inner[1:-1]), rest
        i = j + 1


def check_file(path, fix, problems):
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    out = []
    last = 0
    changed = False
    for start, end, name, params, rest in find_definitions(lines):
        if len(params) < 2:
            continue
        prefix = name + ' ('
        wanted = format_params(prefix, params)
        wanted[-1] += rest
        if lines[start:end] != wanted:
            problems.append(f'{path}:{start + 1}: {name}: one parameter per line, names aligned')
            out.extend(lines[last:start])
            out.extend(wanted)
            last = end
            changed = True
    if fix and changed:
        out.extend(lines[last:])
        with open(path, 'w', encoding='utf-8') as f:
            f.write('\n'.join(out))


def check_private_names(path, problems):
    """Every function a -private.h declares is `_waymark_…`: the files of
    one layer share it, nobody else calls it."""
    with open(path, encoding='utf-8') as f:
        text = f.read()
    # Comments and preprocessor lines out, keeping the line count.
    code = re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'), text, flags=re.S)
    code = re.sub(r'^#.*$', '', code, flags=re.M)
    depth = 0
    start = 0
    for i, ch in enumerate(code):
        if ch in '({':
            depth += 1
        elif ch in ')}':
            depth -= 1
        elif ch == ';' and depth <= 1:
            statement = code[start:i]
            start = i + 1
            if 'typedef' in statement:
                continue
            m = re.search(r'([A-Za-z_]\w*)\s*\(', statement)
            if not m or m.group(1).isupper() or m.group(1).startswith(('G_', 'WAYMARK_')):
                continue
            name = m.group(1)
            if not name.startswith('_waymark_'):
                line = code.count('\n', 0, start - len(statement) - 1 + m.start(1)) + 1
                problems.append(f'{path}:{line}: {name}: a symbol of a -private.h header is named _waymark_…')
        elif ch == '}' and depth == 0:
            start = i + 1


GOBJECT_TYPE = re.compile(r'G_DECLARE_(?:FINAL|DERIVABLE)_TYPE\s*\(\s*(Waymark\w+)\s*,\s*\w+\s*,\s*WAYMARK\s*,\s*(\w+)')
SELF_PARAM = re.compile(r'^(?:const\s+)?(Waymark\w+)\s*\*\s*self$')
SELF_LOCAL = re.compile(r'^\s+(Waymark\w+)\s*\*\s*self\s*=')
DECLARATION = re.compile(r'^  (?:(?:g_autoptr|g_auto)\s*\(\w+\)\s*[A-Za-z_]\w*'
                         r'|(?:const\s+|static\s+|g_autofree\s+)*[A-Za-z_]\w*[\s*]+\**\s*[A-Za-z_]\w*)'
                         r'(\s*\[[^]]*\])*\s*(=|;|,)')


def gobject_types(root):
    """Maps each GObject type name declared under app/ to its IS macro."""
    types = {}
    for dirpath, _, files in os.walk(os.path.join(root, 'app')):
        for name in files:
            if name.endswith('.h'):
                with open(os.path.join(dirpath, name), encoding='utf-8') as f:
                    for m in GOBJECT_TYPE.finditer(f.read()):
                        types[m.group(1)] = 'WAYMARK_IS_' + m.group(2)
    return types


def declaration_end(lines, first):
    """Index of the first line after the declarations that open a body
    whose first line inside the brace is `first`."""
    i = first
    while i < len(lines) and DECLARATION.match(lines[i]) and not lines[i].lstrip().startswith('return'):
        while i < len(lines) and not lines[i].rstrip().endswith(';'):
            i += 1
        i += 1
    return i


def check_callback_asserts(path, fix, problems, types):
    """A static callback asserts the type of its `self` before using it:
    GLib hands it a gpointer, so nothing else checks it."""
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    inserts = []
    for start, end, name, params, rest in find_definitions(lines):
        if not name.endswith('_cb') or not lines[start - 1].startswith('static') or rest.strip():
            continue
        if end >= len(lines) or lines[end].strip() != '{':
            continue
        body_end = end + 1
        while body_end < len(lines) and lines[body_end] != '}':
            body_end += 1
        self_type = None
        for param in params:
            m = SELF_PARAM.match(param)
            if m:
                self_type = m.group(1)
        first = end + 1
        decl_end = declaration_end(lines, first)
        if self_type is None:
            for line in lines[first:decl_end]:
                m = SELF_LOCAL.match(line)
                if m:
                    self_type = m.group(1)
        if self_type not in types:
            continue
        wanted = f'  g_assert ({types[self_type]} (self));'
        if wanted in lines[first:body_end]:
            continue
        problems.append(f'{path}:{start + 1}: {name}: a callback starts with `{wanted.strip()}`')
        inserts.append((decl_end, wanted, decl_end > first))
    if fix and inserts:
        for at, wanted, after_declarations in reversed(inserts):
            block = [wanted]
            if at < len(lines) and lines[at].strip() not in ('', '}'):
                block.append('')
            if after_declarations:
                if lines[at].strip() == '':
                    at += 1
                    block = [wanted, '']
                else:
                    block = ['', wanted, '']
            lines[at:at] = block
        with open(path, 'w', encoding='utf-8') as f:
            f.write('\n'.join(lines))


def main():
    args = sys.argv[1:]
    fix = '--fix' in args
    args = [a for a in args if a != '--fix']
    root = args[0] if args else '.'
    problems = []
    types = gobject_types(root)
    for top in ('app', 'tests'):
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                if not name.endswith(('.c', '.h')):
                    continue
                path = os.path.join(dirpath, name)
                check_file(path, fix, problems)
                if top == 'app' and name.endswith('.c'):
                    check_callback_asserts(path, fix, problems, types)
                if name.endswith('-private.h'):
                    check_private_names(path, problems)
    for p in problems:
        print(os.path.relpath(p, root) if False else p)
    if problems and not fix:
        print(f'{len(problems)} style problems; `{sys.argv[0]} --fix {root}` fixes the parameter lists',
              file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
