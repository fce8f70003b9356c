#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one case of the command-line tests: `cli-test.sh CASE`.
# Needs WAYMARK (the built binary), WAYMARK_VERSION and TEMPLATES_DIR.
# Every run has no display, no Wayland and no session bus: --check and
# --export must work on a build server.
set -u

case_name=${1:?usage: cli-test.sh CASE}
: "${WAYMARK:?}" "${WAYMARK_VERSION:?}" "${TEMPLATES_DIR:?}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/waymark-cli-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

failures=0
fail() {
  printf 'FAIL: %s\n' "$*" >&2
  failures=$((failures + 1))
}

# run ARGS…: runs waymark; sets $status, $out (stdout) and $err (stderr).
run() {
  env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS \
    "$WAYMARK" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
  status=$?
  out=$(cat "$tmp/stdout")
  err=$(cat "$tmp/stderr")
  printf '$ waymark %s\n  exit %d\n' "$*" "$status"
  [ -z "$out" ] || printf '  stdout: %s\n' "$out"
  [ -z "$err" ] || printf '  stderr: %s\n' "$err"
}

expect_status() {
  [ "$status" -eq "$1" ] || fail "expected exit status $1, got $status"
}

expect_no_stderr() {
  [ -z "$err" ] || fail "expected nothing on stderr, got: $err"
}

expect_stderr() {
  [ "$err" = "$1" ] || fail "expected stderr: $1"$'\n'"got: $err"
}

expect_stderr_contains() {
  case "$err" in
    *"$1"*) ;;
    *) fail "expected stderr to contain: $1"$'\n'"got: $err" ;;
  esac
}

expect_stderr_lines() {
  local n
  n=$(grep -c '' "$tmp/stderr")
  [ "$n" -eq "$1" ] || fail "expected $1 line(s) on stderr, got $n"
}

expect_no_file() {
  [ ! -e "$1" ] || fail "$1 was written although the command failed"
}

templates() {
  find "$TEMPLATES_DIR" -maxdepth 1 -name '*.journey' | LC_ALL=C sort
}

# A small valid map in canonical form.
write_canonical() {
  cat >"$1" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<journey xmlns="urn:waymark:journey" format="1" id="j-000000000001">
  <title>Small map</title>
  <state>as-is</state>
  <phase id="phase-000000000001">
    <name>Awareness</name>
  </phase>
</journey>
XML
}

write_newer() {
  cat >"$1" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<journey xmlns="urn:waymark:journey" format="3" id="j-000000000001">
  <title>From a newer Waymark</title>
  <state>as-is</state>
</journey>
XML
}

case "$case_name" in
  version)
    run --version
    expect_status 0
    [ "$out" = "waymark $WAYMARK_VERSION" ] || fail "expected 'waymark $WAYMARK_VERSION', got '$out'"
    expect_no_stderr
    ;;

  help)
    run --help
    expect_status 0
    expect_no_stderr
    for want in 'waymark [OPTION…] [FILE…]' '--check' '--export=OUT' '--version' 'Exit codes'; do
      case "$out" in
        *"$want"*) ;;
        *) fail "--help does not mention '$want'" ;;
      esac
    done
    ;;

  check-templates)
    mapfile -t files < <(templates)
    [ "${#files[@]}" -ge 1 ] || fail "no templates in $TEMPLATES_DIR"
    [ -f "$TEMPLATES_DIR/example-fitness-watch.journey" ] || fail "the example map is missing"
    run --check "${files[@]}"
    expect_status 0
    expect_no_stderr
    for f in "${files[@]}"; do
      run --check "$f"
      expect_status 0
      expect_no_stderr
    done
    ;;

  check-invalid)
    write_canonical "$tmp/good.journey"
    # A value the format does not allow, on line 4.
    sed 's|<state>as-is</state>|<state>sometimes</state>|' "$tmp/good.journey" >"$tmp/bad-value.journey"
    # Not well-formed: the title is closed by the wrong tag on line 3.
    sed 's|</title>|</titel>|' "$tmp/good.journey" >"$tmp/not-xml.journey"
    run --check "$tmp/good.journey" "$tmp/bad-value.journey" "$tmp/not-xml.journey"
    expect_status 1
    expect_stderr_lines 2
    grep -q "^$tmp/bad-value.journey:4: ." "$tmp/stderr" || fail "no '$tmp/bad-value.journey:4: message' line"
    grep -q "^$tmp/not-xml.journey:3: ." "$tmp/stderr" || fail "no '$tmp/not-xml.journey:3: message' line"
    grep -q "good.journey" "$tmp/stderr" && fail "the valid file was reported"
    ;;

  check-unreadable)
    run --check "$tmp/missing.journey"
    expect_status 1
    expect_stderr_lines 1
    grep -q "^$tmp/missing.journey: ." "$tmp/stderr" || fail "no '$tmp/missing.journey: message' line"
    ;;

  check-newer)
    write_newer "$tmp/newer.journey"
    run --check "$tmp/newer.journey"
    expect_status 0
    expect_stderr "$tmp/newer.journey:1: written by a newer version of Waymark (format 3); it can be read but not edited"
    ;;

  export-templates)
    # A template is in canonical form: exporting it changes no byte.
    mapfile -t files < <(templates)
    [ "${#files[@]}" -ge 1 ] || fail "no templates in $TEMPLATES_DIR"
    for f in "${files[@]}"; do
      rm -f "$tmp/out.journey"
      run --export "$tmp/out.journey" "$f"
      expect_status 0
      expect_no_stderr
      cmp "$f" "$tmp/out.journey" || fail "exporting $(basename "$f") changed it"
    done
    ;;

  export-normalises)
    write_canonical "$tmp/expected.journey"
    cat >"$tmp/messy.journey" <<'XML'
<?xml version='1.0'?>
<journey   format="1" id="j-000000000001"
    xmlns="urn:waymark:journey"><title>Small map</title>
        <phase id="phase-000000000001"><name>Awareness</name></phase></journey>
XML
    run --export "$tmp/OUT.JOURNEY" "$tmp/messy.journey"
    expect_status 0
    expect_no_stderr
    cmp "$tmp/expected.journey" "$tmp/OUT.JOURNEY" || fail "the export is not the canonical document"
    # Exporting onto the input replaces it atomically.
    run --export "$tmp/messy.journey" "$tmp/messy.journey"
    expect_status 0
    cmp "$tmp/expected.journey" "$tmp/messy.journey" || fail "exporting a file onto itself did not normalise it"
    ;;

  export-formats)
    # Drawn and tabulated exports need no display either (tests/export
    # checks their contents with independent tools).
    write_canonical "$tmp/in.journey"
    for ext in pdf svg png csv; do
      run --export "$tmp/out.$ext" "$tmp/in.journey"
      expect_status 0
      expect_no_stderr
      [ -s "$tmp/out.$ext" ] || fail "out.$ext was not written"
    done
    head -c 5 "$tmp/out.pdf" | grep -q '^%PDF-' || fail "out.pdf is not a PDF"
    head -c 8 "$tmp/out.png" | od -An -c | grep -q 'P   N   G' || fail "out.png is not a PNG"
    grep -q '<svg' "$tmp/out.svg" || fail "out.svg is not an SVG"
    run --export "$tmp/poster.pdf" --poster 2x2 --paper A4 --orientation portrait "$tmp/in.journey"
    expect_status 0
    expect_no_stderr
    ;;

  export-newer)
    write_newer "$tmp/newer.journey"
    run --export "$tmp/out.journey" "$tmp/newer.journey"
    expect_status 1
    expect_stderr_contains "$tmp/newer.journey:1: written by a newer version of Waymark (format 3)"
    expect_no_file "$tmp/out.journey"
    ;;

  export-bad-arguments)
    write_canonical "$tmp/in.journey"
    run --export "$tmp/out.journey"
    expect_status 2
    expect_stderr_contains "--export needs exactly one input file"
    expect_no_file "$tmp/out.journey"

    run --export "$tmp/out.journey" "$tmp/in.journey" "$tmp/in.journey"
    expect_status 2
    expect_stderr_contains "--export needs exactly one input file"
    expect_no_file "$tmp/out.journey"

    run --export
    expect_status 2
    expect_stderr_contains "--export"

    run --export "$tmp/out.docx" "$tmp/in.journey"
    expect_status 2
    expect_stderr "waymark: unsupported export format “.docx”: use .pdf, .svg, .png, .csv or .journey"
    expect_no_file "$tmp/out.docx"

    run --export "$tmp/out.pdf" --paper B5 "$tmp/in.journey"
    expect_status 2
    expect_stderr "waymark: unknown paper size “B5”: use A4, A3, A2, A1, A0, Letter or Tabloid"
    expect_no_file "$tmp/out.pdf"

    run --export "$tmp/out" "$tmp/in.journey"
    expect_status 2
    expect_stderr_contains "cannot tell the export format"
    expect_no_file "$tmp/out"

    run --check --export "$tmp/out.journey" "$tmp/in.journey"
    expect_status 2
    expect_stderr_contains "cannot be combined"
    expect_no_file "$tmp/out.journey"
    ;;

  bad-arguments)
    run --frobnicate
    expect_status 2
    expect_stderr_contains "--frobnicate"
    expect_stderr_contains "--help"

    run --check
    expect_status 2
    expect_stderr_contains "--check needs at least one file"
    ;;

  *)
    echo "unknown case: $case_name" >&2
    exit 2
    ;;
esac

if [ "$failures" -gt 0 ]; then
  echo "$case_name: $failures check(s) failed" >&2
  exit 1
fi
echo "$case_name: ok"
