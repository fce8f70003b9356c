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

# A map with one cell of three touchpoints and an empty second phase.
write_shop() {
  cat >"$1" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<journey xmlns="urn:waymark:journey" format="1" id="j-000000000002">
  <title>Shop</title>
  <state>as-is</state>
  <phase id="p1">
    <name>Awareness</name>
  </phase>
  <phase id="p2">
    <name>Purchase</name>
  </phase>
  <lane id="l1" kind="touchpoints">
    <name>Touchpoints</name>
  </lane>
  <touchpoint id="t1" phase="p1" lane="l1">
    <title>Call</title>
    <emotion score="1"/>
  </touchpoint>
  <touchpoint id="t2" phase="p1" lane="l1">
    <title>Visit</title>
  </touchpoint>
  <touchpoint id="t3" phase="p1" lane="l1">
    <title>Ad</title>
  </touchpoint>
</journey>
XML
}

# add_card FILE ID TITLE: a touchpoint at the end of the first cell.
add_card() {
  sed -i "s|</journey>|  <touchpoint id=\"$2\" phase=\"p1\" lane=\"l1\">\n    <title>$3</title>\n  </touchpoint>\n</journey>|" "$1"
  # Cards come before anything else after them; the shop map has none.
}

expect_out() {
  [ "$out" = "$1" ] || fail "expected stdout:"$'\n'"$1"$'\n'"got:"$'\n'"$out"
}

expect_valid() {
  if command -v xmllint >/dev/null; then
    xmllint --noout --relaxng "$1" "$2" 2>"$tmp/xmllint" || fail "$2 does not match $1: $(cat "$tmp/xmllint")"
  fi
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

  check-findings)
    example="$TEMPLATES_DIR/example-fitness-watch.journey"
    # A small map whose findings and their lines are known; the dismissed
    # finding is not listed.
    cat >"$tmp/weak.journey" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<journey xmlns="urn:waymark:journey" format="2" id="j-1">
  <title>Weak</title>
  <state>as-is</state>
  <phase id="p1">
    <name>Awareness</name>
  </phase>
  <phase id="p2">
    <name>Purchase</name>
  </phase>
  <lane id="l1" kind="touchpoints">
    <name>Touchpoints</name>
  </lane>
  <touchpoint id="t1" phase="p1" lane="l1">
    <title>Ad</title>
    <emotion score="-2"/>
    <owner>Marketing</owner>
  </touchpoint>
  <touchpoint id="t2" phase="p1" lane="l1">
    <title>Flyer</title>
    <dismissed finding="touchpoint-without-owner"/>
  </touchpoint>
</journey>
XML
    run --check --findings "$tmp/weak.journey"
    expect_status 0
    expect_stderr "$tmp/weak.journey:8: high: phase-without-touchpoints: Phase “Purchase” has no touchpoint"$'\n'"$tmp/weak.journey:14: medium: negative-emotion: The customer feels bad at “Ad” (emotion −2)"
    run --check --findings --strict "$tmp/weak.journey"
    expect_status 1
    expect_stderr_lines 2
    # Without --findings, a weak map is a valid map.
    run --check "$tmp/weak.journey"
    expect_status 0
    expect_no_stderr
    run --findings "$tmp/weak.journey"
    expect_status 2
    run --check --strict "$tmp/weak.journey"
    expect_status 2
    # The example map has weak spots, most severe first, and in German.
    run --check --findings "$example"
    expect_status 0
    grep -q "^$example:[0-9]*: high: " "$tmp/stderr" || fail "no high finding in the example"
    sed 's/^[^ ]* \([a-z]*\):.*/\1/' "$tmp/stderr" | uniq | tr '\n' ' ' | grep -Eq '^(high )?(medium )?(low )?$' ||
      fail "findings not sorted by severity"
    ;;

  compare)
    # An intended map and the journey as it is, drawn separately (other
    # ids: matched by phase names and titles): one deviation of each kind.
    cat >"$tmp/intended.journey" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<journey xmlns="urn:waymark:journey" format="2" id="j-plan">
  <title>Plan</title>
  <state>intended</state>
  <phase id="p1">
    <name>Awareness</name>
  </phase>
  <phase id="p2">
    <name>Purchase</name>
  </phase>
  <lane id="l1" kind="touchpoints">
    <name>Touchpoints</name>
  </lane>
  <touchpoint id="t1" phase="p1" lane="l1">
    <title>Ad</title>
    <emotion score="1"/>
  </touchpoint>
  <touchpoint id="t2" phase="p1" lane="l1">
    <title>Flyer</title>
  </touchpoint>
  <touchpoint id="t3" phase="p2" lane="l1">
    <title>Checkout</title>
    <emotion score="1"/>
    <assessment moment-of-truth="true"/>
  </touchpoint>
  <touchpoint id="t4" phase="p2" lane="l1">
    <title>Thank-you mail</title>
  </touchpoint>
</journey>
XML
    cat >"$tmp/as-is.journey" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<journey xmlns="urn:waymark:journey" format="2" id="j-now">
  <title>Now</title>
  <state>as-is</state>
  <phase id="a-p1">
    <name>Awareness</name>
  </phase>
  <phase id="a-p2">
    <name>Purchase</name>
  </phase>
  <lane id="a-l1" kind="touchpoints">
    <name>Touchpoints</name>
  </lane>
  <touchpoint id="a-t4" phase="a-p1" lane="a-l1">
    <title>Thank-you mail</title>
  </touchpoint>
  <touchpoint id="a-t1" phase="a-p1" lane="a-l1">
    <title>Ad</title>
    <emotion score="1"/>
  </touchpoint>
  <touchpoint id="a-t3" phase="a-p2" lane="a-l1">
    <title>Checkout</title>
    <emotion score="-2"/>
    <assessment moment-of-truth="true"/>
  </touchpoint>
  <touchpoint id="a-t5" phase="a-p2" lane="a-l1">
    <title>Hotline call</title>
  </touchpoint>
</journey>
XML
    run --compare "$tmp/intended.journey" "$tmp/as-is.journey"
    expect_status 1
    expect_no_stderr
    expect_out "$tmp/as-is.journey:21: high: failing-touchpoint: Touchpoint “Checkout” fails where the plan expected success (emotion −2)
$tmp/intended.journey:18: medium: missing-touchpoint: Planned touchpoint “Flyer” (Awareness) is missing from the journey as it is
$tmp/as-is.journey:26: low: ad-hoc-touchpoint: Touchpoint “Hotline call” (Purchase) was not planned: an ad-hoc touchpoint
$tmp/as-is.journey:14: low: irregular-sequence: Touchpoint “Thank-you mail” is out of the planned sequence: planned after “Checkout”, met first"

    # As intended: nothing to say.
    run --compare "$tmp/intended.journey" "$tmp/intended.journey"
    expect_status 0
    expect_no_stderr
    expect_out ""

    # Two states of one map (the same ids): a touchpoint that was fine fails.
    example="$TEMPLATES_DIR/example-fitness-watch.journey"
    sed 's|<emotion score="2">trusts her friend</emotion>|<emotion score="-1">trusts her friend</emotion>|' "$example" >"$tmp/now.journey"
    run --compare "$example" "$tmp/now.journey"
    expect_status 1
    expect_out "$tmp/now.journey:123: high: failing-touchpoint: Touchpoint “Tip from the running group” fails where the plan expected success (emotion −1)"

    # Two maps and nothing else.
    run --compare "$tmp/intended.journey"
    expect_status 2
    expect_stderr "waymark: --compare takes two maps: the intended one, then the one as it is"
    run --compare "$tmp/intended.journey" "$tmp/as-is.journey" "$tmp/as-is.journey"
    expect_status 2
    run --compare --check "$tmp/intended.journey" "$tmp/as-is.journey"
    expect_status 2
    # A map that cannot be read is said as --check says it.
    run --compare "$tmp/intended.journey" "$tmp/missing.journey"
    expect_status 1
    expect_stderr_contains "missing.journey"
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
    expect_stderr "waymark: unsupported export format “.docx”: use .pdf, .svg, .png, .csv, .mmd, .cjml or .journey"
    expect_no_file "$tmp/out.docx"

    run --export "$tmp/out.pdf" --paper B5 "$tmp/in.journey"
    expect_status 2
    expect_stderr "waymark: unknown paper size “B5”: use A4, A3, A2, A1, A0, Letter, Tabloid or natural"
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

  diff)
    write_shop "$tmp/a.journey"
    sed -e 's|<title>Call</title>|<title>Call back</title>|' -e 's|score="1"|score="-2"|' \
      -e 's|<name>Purchase</name>|<name>Buying</name>|' "$tmp/a.journey" >"$tmp/b.journey"
    add_card "$tmp/b.journey" t4 "Chat"

    run diff "$tmp/a.journey" "$tmp/a.journey"
    expect_status 0
    expect_no_stderr
    expect_out ""

    run diff "$tmp/a.journey" "$tmp/b.journey"
    expect_status 1
    expect_no_stderr
    expect_out "Phase “Purchase” renamed to “Buying”
Touchpoint “Call”: title “Call” → “Call back”
Touchpoint “Call”: emotion +1 → −2
Touchpoint “Chat” added at Awareness / Touchpoints, position 4"

    run diff --format=xml "$tmp/a.journey" "$tmp/b.journey"
    expect_status 1
    printf '%s\n' "$out" >"$tmp/diff.xml"
    expect_valid "$DATA_DIR/diff.rng" "$tmp/diff.xml"
    grep -q '<added type="touchpoint" id="t4" phase="p1" lane="l1" position="4"/>' "$tmp/diff.xml" ||
      fail "the XML does not say t4 was added"
    grep -q '<edited type="touchpoint" match="id" a-id="t1" a-phase="p1" a-lane="l1" a-position="1" b-id="t1" b-phase="p1" b-lane="l1" b-position="1" field="emotion">' "$tmp/diff.xml" ||
      fail "the XML does not say t1's emotion changed"

    # Maps made separately (other ids) match by content.
    sed -e 's|id="t|id="x|g' -e 's|id="j-000000000002"|id="j-000000000003"|' "$tmp/a.journey" >"$tmp/c.journey"
    run diff "$tmp/a.journey" "$tmp/c.journey"
    expect_status 0
    run diff --format=xml "$tmp/a.journey" "$tmp/c.journey"
    expect_out '<?xml version="1.0" encoding="UTF-8"?>
<diff xmlns="urn:waymark:diff" a="'"$tmp"'/a.journey" b="'"$tmp"'/c.journey" matching="content"/>'

    # git's seven arguments for an external diff; /dev/null is no map.
    run diff maps/shop.journey /dev/null 0000000 100644 "$tmp/a.journey" 1234567 100644
    expect_status 0
    [ "$(sed -n 1p "$tmp/stdout")" = "diff --waymark a/maps/shop.journey b/maps/shop.journey" ] ||
      fail "git's form should start with its header, got: $out"
    [ "$(sed -n 2p "$tmp/stdout")" = "Journey: title (none) → “Shop”" ] ||
      fail "git's form should list the new title, got: $out"
    grep -qx "Phase “Awareness” added" "$tmp/stdout" || fail "git's form should list the added phase, got: $out"

    run diff "$tmp/a.journey"
    expect_status 2
    expect_stderr_contains "diff needs two files"
    run diff "$tmp/a.journey" "$tmp/missing.journey"
    expect_status 2
    expect_stderr_contains "$tmp/missing.journey"
    run diff --format=html "$tmp/a.journey" "$tmp/b.journey"
    expect_status 2
    expect_stderr_contains "unknown diff format “html”"
    run diff -o "$tmp/x.journey" "$tmp/a.journey" "$tmp/b.journey"
    expect_status 2
    expect_no_file "$tmp/x.journey"
    run --check "$tmp/a.journey" --format=xml
    expect_status 2
    ;;

  merge)
    write_shop "$tmp/base.journey"
    sed 's|<title>Call</title>|<title>Call back</title>|' "$tmp/base.journey" >"$tmp/ours.journey"
    sed 's|<title>Visit</title>|<title>Visit the shop</title>|' "$tmp/base.journey" >"$tmp/theirs.journey"

    run merge "$tmp/base.journey" "$tmp/ours.journey" "$tmp/theirs.journey" -o "$tmp/merged.journey"
    expect_status 0
    expect_no_stderr
    grep -q '<title>Call back</title>' "$tmp/merged.journey" || fail "ours' title is missing"
    grep -q '<title>Visit the shop</title>' "$tmp/merged.journey" || fail "theirs' title is missing"
    run --check "$tmp/merged.journey"
    expect_status 0

    # Both retitle the same card.
    sed 's|<title>Call</title>|<title>Ring us</title>|' "$tmp/base.journey" >"$tmp/theirs2.journey"
    run merge "$tmp/base.journey" "$tmp/ours.journey" "$tmp/theirs2.journey" -o "$tmp/conflict.journey"
    expect_status 1
    expect_stderr "$tmp/conflict.journey:24: merge conflict: Touchpoint “Call back”: title: ours “Call back”, theirs “Ring us”"
    expect_valid "$DATA_DIR/journey.rng" "$tmp/conflict.journey"
    sed -n 24p "$tmp/conflict.journey" | grep -q '<conflict item="t1" field="title">' ||
      fail "line 24 is not the conflict"
    run --check "$tmp/conflict.journey"
    expect_status 1
    expect_stderr "$tmp/conflict.journey:24: merge conflict: Touchpoint “Call back”: title: ours “Call back”, theirs “Ring us”"
    run merge --name map.journey "$tmp/base.journey" "$tmp/ours.journey" "$tmp/theirs2.journey" -o "$tmp/conflict.journey"
    expect_status 1
    expect_stderr "map.journey:24: merge conflict: Touchpoint “Call back”: title: ours “Call back”, theirs “Ring us”"

    # A map with conflicts is not merged again before they are settled.
    run merge "$tmp/base.journey" "$tmp/conflict.journey" "$tmp/theirs.journey" -o "$tmp/again.journey"
    expect_status 2
    expect_stderr_contains "our version still has merge conflicts"
    expect_no_file "$tmp/again.journey"

    run merge "$tmp/base.journey" "$tmp/ours.journey" -o "$tmp/out.journey"
    expect_status 2
    expect_stderr_contains "merge needs three files"
    run merge "$tmp/base.journey" "$tmp/ours.journey" "$tmp/theirs.journey"
    expect_status 2
    expect_stderr_contains "merge needs an output file"
    run merge "$tmp/base.journey" "$tmp/missing.journey" "$tmp/theirs.journey" -o "$tmp/out.journey"
    expect_status 2
    expect_no_file "$tmp/out.journey"
    write_newer "$tmp/newer.journey"
    run merge "$tmp/base.journey" "$tmp/newer.journey" "$tmp/theirs.journey" -o "$tmp/out.journey"
    expect_status 2
    expect_stderr_contains "merging it would lose what this version does not know"
    expect_no_file "$tmp/out.journey"
    run merge --format=xml "$tmp/base.journey" "$tmp/ours.journey" "$tmp/theirs.journey" -o "$tmp/out.journey"
    expect_status 2
    expect_no_file "$tmp/out.journey"
    ;;

  git-drivers)
    command -v git >/dev/null || { echo "git is not installed"; exit 77; }
    export HOME="$tmp" GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.org \
      GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.org
    repo="$tmp/repo"
    git init -q -b main "$repo" || fail "git init"
    cd "$repo" || exit 1
    # What the README tells teams to set up.
    printf '*.journey diff=waymark merge=waymark\n' >.gitattributes
    git config diff.waymark.command "$WAYMARK diff"
    git config merge.waymark.name "Waymark journey map"
    git config merge.waymark.driver "$WAYMARK merge --name %P %O %A %B -o %A"
    write_shop map.journey
    git add . && git commit -q -m base

    # Both add a card at the end of the same cell: a line-based merge
    # conflicts there, the journey merge does not.
    git checkout -q -b chat
    add_card map.journey t4 "Chat"
    git commit -q -am chat
    git checkout -q main
    add_card map.journey t5 "Newsletter"
    git commit -q -am newsletter
    cp map.journey "$tmp/ours.journey"
    git show chat:map.journey >"$tmp/theirs.journey"
    git show main~1:map.journey >"$tmp/base.journey"
    git merge-file -p "$tmp/ours.journey" "$tmp/base.journey" "$tmp/theirs.journey" >/dev/null &&
      fail "a line-based merge should conflict here (the test would prove nothing)"
    git merge -q --no-edit chat >"$tmp/git.out" 2>&1 || fail "git merge failed: $(cat "$tmp/git.out")"
    run --check map.journey
    expect_status 0
    grep -q '<title>Chat</title>' map.journey || fail "their card is missing"
    grep -q '<title>Newsletter</title>' map.journey || fail "our card is missing"

    # git diff speaks in words through the diff driver.
    run diff map.journey map.journey
    git diff HEAD~2 HEAD -- map.journey >"$tmp/git-diff.out" 2>&1
    grep -q '^Touchpoint “Chat” added at Awareness / Touchpoints' "$tmp/git-diff.out" ||
      fail "git diff did not use the driver: $(cat "$tmp/git-diff.out")"

    # Both retitle the same card: a conflict git reports, kept in the file.
    git checkout -q -b retitle
    sed -i 's|<title>Call</title>|<title>Ring us</title>|' map.journey
    git commit -q -am ring
    git checkout -q main
    sed -i 's|<title>Call</title>|<title>Call back</title>|' map.journey
    git commit -q -am callback
    git merge -q --no-edit retitle >"$tmp/git.out" 2>&1 && fail "git merge should report the conflict"
    grep -q "map.journey:[0-9]*: merge conflict: Touchpoint “Call back”: title: ours “Call back”, theirs “Ring us”" "$tmp/git.out" ||
      fail "the driver's message is missing: $(cat "$tmp/git.out")"
    [ "$(git status --porcelain map.journey)" = "UU map.journey" ] || fail "git does not see the conflict"
    expect_valid "$DATA_DIR/journey.rng" map.journey
    run --check map.journey
    expect_status 1
    expect_stderr_contains "merge conflict: Touchpoint “Call back”: title"
    cd "$tmp" || exit 1
    ;;

  personas)
    # Touchpoints marked for personas (format 2): checked, drawn, told
    # apart by a diff (text and XML), and said to be lost in CJML.
    write_shop "$tmp/a.journey"
    sed -i -e 's|format="1"|format="2"|' \
      -e 's|  <phase id="p1">|  <persona id="lena">\n    <name>Lena</name>\n  </persona>\n  <persona id="max">\n    <name>Max</name>\n  </persona>\n  <phase id="p1">|' \
      -e 's|    <emotion score="1"/>|    <emotion score="1"/>\n    <applies-to persona="lena" score="-1">slow</applies-to>\n    <applies-to persona="max"/>|' \
      "$tmp/a.journey"
    run --check "$tmp/a.journey"
    expect_status 0
    expect_no_stderr
    sed 's|persona="lena" score="-1"|persona="lena" score="2"|' "$tmp/a.journey" >"$tmp/b.journey"
    run diff "$tmp/a.journey" "$tmp/b.journey"
    expect_status 1
    expect_out "Touchpoint “Call”: persona “Lena” −1 “slow” → +2 “slow”"
    run diff --format=xml "$tmp/a.journey" "$tmp/b.journey"
    printf '%s\n' "$out" >"$tmp/diff.xml"
    expect_valid "$DATA_DIR/diff.rng" "$tmp/diff.xml"
    grep -q 'field="personas" persona="lena">' "$tmp/diff.xml" || fail "the XML does not name the persona: $out"
    grep -q '<b score="2">slow</b>' "$tmp/diff.xml" || fail "the XML does not hold Lena's new score: $out"

    # An unknown persona says where.
    sed 's|persona="max"|persona="maxi"|' "$tmp/a.journey" >"$tmp/bad.journey"
    run --check "$tmp/bad.journey"
    expect_status 1
    expect_stderr_contains "$tmp/bad.journey:24: touchpoint 't1' applies to persona “maxi”, but the map has no persona of that id"

    run --export "$tmp/a.pdf" "$tmp/a.journey"
    expect_status 0
    [ -s "$tmp/a.pdf" ] || fail "no PDF"
    run --export "$tmp/a.cjml" "$tmp/a.journey"
    expect_status 0
    expect_stderr_contains "the personas and their emotions of 1 touchpoint are not written"
    ;;

  cjml)
    # A map to CJML and back: what CJML has no place for is a warning
    # on its line, the rest comes back.
    write_shop "$tmp/shop.journey"
    run --export "$tmp/shop.cjml" "$tmp/shop.journey"
    expect_status 0
    expect_stderr_contains "$tmp/shop.journey:"
    grep -q '<actualJourney>' "$tmp/shop.cjml" || fail "no actual journey in $(cat "$tmp/shop.cjml")"
    grep -q '<initiatorLabel>Call</initiatorLabel>' "$tmp/shop.cjml" || fail "the touchpoint “Call” is missing"
    run --export "$tmp/back.journey" "$tmp/shop.cjml"
    expect_status 0
    expect_no_stderr
    grep -q '<title>Call</title>' "$tmp/back.journey" || fail "the touchpoint did not come back"
    grep -q '<phase id="p2">' "$tmp/back.journey" || fail "the empty phase did not come back"
    run --check "$tmp/back.journey"
    expect_status 0

    # A planned journey as CJML's own tools write it: an unknown element
    # is said, never dropped silently.
    cat >"$tmp/planned.cjml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<CJML version="2.0">
  <plannedJourney>
    <journeyID>PJ1</journeyID>
    <actors>
      <endUser actorID="Carl"><actorName>Carl</actorName></endUser>
      <serviceProvider actorID="Bookis"><companyName>Bookis</companyName></serviceProvider>
    </actors>
    <touchpoints>
      <plannedCommunicationPoint>
        <touchpointID>TP1</touchpointID>
        <initiator><refersTo actorIDref="Carl"/><initiatorLabel>Customer creates account</initiatorLabel></initiator>
        <receiver><refersTo actorIDref="Bookis"/><receiverLabel>Account registered</receiverLabel></receiver>
        <channel><channelName>Web</channelName></channel>
        <touchPointDuration>5</touchPointDuration>
      </plannedCommunicationPoint>
    </touchpoints>
  </plannedJourney>
</CJML>
XML
    run --export "$tmp/planned.journey" "$tmp/planned.cjml"
    expect_status 0
    expect_stderr_contains "$tmp/planned.cjml:15: warning: <touchPointDuration>: a Waymark map has no place for this, not read (1 time)"
    expect_stderr_contains "$tmp/planned.cjml:13: warning: <receiverLabel>"
    grep -q '<state>intended</state>' "$tmp/planned.journey" || fail "a planned journey is an intended map"
    grep -q 'initiator="customer"' "$tmp/planned.journey" || fail "Carl started the touchpoint"

    # Bad CJML: FILE:LINE: message, no output.
    sed 's/actorIDref="Bookis"/actorIDref="Nobody"/' "$tmp/planned.cjml" >"$tmp/bad.cjml"
    run --export "$tmp/bad.journey" "$tmp/bad.cjml"
    expect_status 1
    expect_stderr_contains "$tmp/bad.cjml:13: the actor “Nobody” is not declared in <actors>"
    expect_no_file "$tmp/bad.journey"

    run --export "$tmp/out.cjml" --paper A4 "$tmp/shop.journey"
    expect_status 2
    expect_stderr_contains "do not apply to .cjml"

    # Planned against actual, both in one document: --compare reads the
    # planned journey as the intended side, the actual one as it is.
    cp "$CJML_SAMPLE" "$tmp/both.cjml"
    run --compare "$tmp/both.cjml" "$tmp/both.cjml"
    expect_status 1
    expect_no_stderr
    case "$out" in
      *"$tmp/both.cjml:17: medium: missing-touchpoint: Planned touchpoint “Welcome e-mail”"*) ;;
      *) fail "the planned e-mail is not reported missing: $out" ;;
    esac
    case "$out" in
      *"$tmp/both.cjml:39: low: ad-hoc-touchpoint: Touchpoint “Calls support”"*) ;;
      *) fail "the call is not reported as ad hoc: $out" ;;
    esac
    # A planned journey is what the intended side needs.
    run --compare "$tmp/planned.cjml" "$tmp/planned.cjml"
    expect_status 1
    expect_stderr_contains "$tmp/planned.cjml:2: <CJML> holds no <actualJourney>"
    ;;

  highlight)
    # --highlight dims the cards that do not match, in PDF, SVG and PNG;
    # a bad criterion, an unknown channel or an output without a drawing
    # is a usage error and writes nothing.
    map="$TEMPLATES_DIR/example-fitness-watch.journey"
    run --export "$tmp/plain.png" "$map"
    expect_status 0
    run --export "$tmp/lit.png" --highlight 'channel=website,owner=Marketing,owner=E-commerce' "$map"
    expect_status 0
    expect_no_stderr
    cmp -s "$tmp/plain.png" "$tmp/lit.png" && fail "--highlight drew the same PNG"
    # Every card matches: nothing is dimmed, the PNG is the plain one; one
    # card left out changes it.
    write_shop "$tmp/shop.journey"
    run --export "$tmp/shop.png" "$tmp/shop.journey"
    run --export "$tmp/all.png" --highlight 'owner=nobody' "$tmp/shop.journey"
    cmp -s "$tmp/shop.png" "$tmp/all.png" && fail "a highlight that no card matches did not dim the shop"
    sed -i 's|</touchpoint>|  <owner>Shop</owner>\n  </touchpoint>|' "$tmp/shop.journey"
    run --export "$tmp/shop.png" "$tmp/shop.journey"
    run --export "$tmp/all.png" --highlight 'owner=shop' "$tmp/shop.journey"
    expect_status 0
    cmp -s "$tmp/shop.png" "$tmp/all.png" || fail "a highlight that every card matches changed the PNG"
    run --export "$tmp/one.png" --highlight 'owner=shop,emotion=1' "$tmp/shop.journey"
    cmp -s "$tmp/shop.png" "$tmp/one.png" && fail "a highlight of one card did not dim the others"
    # The PDF dims with a constant alpha (vector, real text).
    run --export "$tmp/plain.pdf" "$map"
    grep -aq '/ca 0.28' "$tmp/plain.pdf" && fail "the plain PDF has dimmed parts"
    run --export "$tmp/lit.pdf" --highlight finding=high "$map"
    expect_status 0
    expect_no_stderr
    grep -aq '/ca 0.28' "$tmp/lit.pdf" || fail "the highlighted PDF has no dimmed parts"
    run --export "$tmp/lit.svg" --highlight 'votes=1' "$map"
    expect_status 0
    grep -q 'opacity' "$tmp/lit.svg" || fail "the highlighted SVG has no dimmed parts"

    run --export "$tmp/bad.pdf" --highlight 'colour=red' "$map"
    expect_status 2
    expect_stderr "waymark: --highlight: “colour”: unknown criterion; the keys are channel, category, owner, persona, emotion, finding, votes"
    expect_no_file "$tmp/bad.pdf"
    run --export "$tmp/bad.pdf" --highlight 'emotion=5' "$map"
    expect_status 2
    expect_stderr_contains "“emotion=5”: an emotion is a whole number"
    expect_no_file "$tmp/bad.pdf"
    run --export "$tmp/bad.pdf" --highlight 'channel=emial' "$map"
    expect_status 2
    expect_stderr "waymark: --highlight: channel=emial: the map has no channel of that name, id or icon in $map"
    expect_no_file "$tmp/bad.pdf"
    run --export "$tmp/bad.csv" --highlight 'votes=1' "$map"
    expect_status 2
    expect_stderr "waymark: --highlight needs a .pdf, .svg or .png output: .csv has no drawing to dim"
    expect_no_file "$tmp/bad.csv"
    run --export "$tmp/bad.journey" --highlight 'votes=1' "$map"
    expect_status 2
    expect_no_file "$tmp/bad.journey"
    run --highlight 'votes=1' "$map"
    expect_status 2
    expect_stderr "waymark: --highlight goes with --export to a .pdf, .svg or .png file"
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
