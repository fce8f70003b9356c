#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the dependencies, builds Waymark with warnings as errors, runs the
# whole test suite under Xvfb, then the core suite again in a build with
# AddressSanitizer and UndefinedBehaviorSanitizer.  The last line reads
# `tests: N passed, N failed, N skipped`; the exit status is non-zero when
# anything failed.  `sudo ./build-aux/setup-and-test.sh`
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/common.sh

./build-aux/install-deps.sh

# A stage that fails before meson has run its tests (a build error) counts
# as one failed test, so that it cannot pass unnoticed.
failed_stages=0
stage() {
  echo "==> $*"
  if ! "$@"; then
    echo "==> failed: $*" >&2
    failed_stages=$((failed_stages + 1))
    return 1
  fi
}

logs=()

# 1. The normal build and every suite (the GUI ones need the X server).
rm -f build/meson-logs/testlog.json
if stage configure_build build -Dwerror=true &&
   stage as_user ninja -C build; then
  as_user xvfb-run -a -s '-screen 0 1280x800x24' \
    meson test -C build --print-errorlogs || true
  logs+=(build/meson-logs/testlog.json)
fi

# 2. The core suite under the sanitizers.
rm -f build-sanitize/meson-logs/testlog.json
if stage configure_build build-sanitize -Dwerror=true -Db_sanitize=address,undefined &&
   stage as_user ninja -C build-sanitize; then
  as_user env UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    meson test -C build-sanitize --suite core --print-errorlogs --timeout-multiplier 4 || true
  logs+=(build-sanitize/meson-logs/testlog.json)
fi

# 3. Count what meson recorded.  A log that is missing although its tests
#    ran counts as a failure too.
summary=$(python3 - "$failed_stages" "${logs[@]}" <<'PY'
import json
import sys

passed = failed = skipped = 0
failed += int(sys.argv[1])
for path in sys.argv[2:]:
    try:
        with open(path, encoding="utf-8") as log:
            results = [json.loads(line)["result"] for line in log if line.strip()]
    except (OSError, ValueError) as e:
        print(f"cannot read {path}: {e}", file=sys.stderr)
        failed += 1
        continue
    for result in results:
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
)
echo "$summary"
case "$summary" in
  "tests: "*" passed, 0 failed"*) exit 0 ;;
  *) exit 1 ;;
esac
