#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `check-po.sh SOURCE_ROOT LANG`: fails when a source file with translatable
# strings is missing from po/POTFILES.in, or when po/LANG.po lacks a
# translation for any string of the current sources (untranslated, fuzzy,
# or not there at all), or has a broken format string.
set -u

root=${1:?usage: check-po.sh SOURCE_ROOT LANG}
lang=${2:?usage: check-po.sh SOURCE_ROOT LANG}
cd "$root" || exit 1

tmp=$(mktemp -d "${TMPDIR:-/tmp}/waymark-po-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
  printf 'FAIL: %s\n' "$*" >&2
  failures=$((failures + 1))
}

potfiles=$(grep -v '^[[:space:]]*\(#\|$\)' po/POTFILES.in)

# 1. Every file with translatable strings is listed, and every listed file exists.
{
  grep -rlE '(^|[^A-Za-z_])(N?_|C_|NC_|ngettext|g_dngettext)[[:space:]]*\(' app --include='*.c' --include='*.h'
  grep -rl 'translatable="yes"' ui data 2>/dev/null
  # Data files whose strings gettext merges or extracts by format.
  find data -maxdepth 1 \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \
    -o -name '*.mime.xml.in' -o -name '*.gschema.xml' \)
} | LC_ALL=C sort -u >"$tmp/needed"
while IFS= read -r f; do
  grep -qxF "$f" <<<"$potfiles" || fail "$f has translatable strings but is not in po/POTFILES.in"
done <"$tmp/needed"
while IFS= read -r f; do
  [ -f "$f" ] || fail "po/POTFILES.in lists $f, which does not exist"
done <<<"$potfiles"

# 1b. The texts of data/templates reach xgettext through po/template-strings.c:
#     it must be up to date.
"${PYTHON:-python3}" po/template-strings.py --check . ||
  fail "po/template-strings.c does not match data/templates: run po/template-strings.py"

# 2. The translation covers the strings of the current sources.  The same
#    xgettext keywords as meson's 'glib' preset.
xgettext --package-name=waymark --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
  --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
  -f po/POTFILES.in -o "$tmp/waymark.pot" || fail "xgettext failed"

if [ -f "$tmp/waymark.pot" ]; then
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" "po/$lang.po" "$tmp/waymark.pot" ||
    fail "msgmerge failed"
  stats=$(msgfmt --check --statistics -o /dev/null "$tmp/merged.po" 2>&1) || fail "msgfmt --check: $stats"
  echo "po/$lang.po against the current sources: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*)
      fail "po/$lang.po is incomplete: $stats"
      msgattrib --untranslated --no-obsolete --no-wrap "$tmp/merged.po" | grep '^msgid' | sed 's/^/  missing: /' >&2
      msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/merged.po" | grep '^msgid' | sed 's/^/  fuzzy: /' >&2
      ;;
  esac
fi

stats=$(msgfmt --check --statistics -o /dev/null "po/$lang.po" 2>&1) || fail "msgfmt --check po/$lang.po: $stats"

[ "$failures" -eq 0 ] || exit 1
