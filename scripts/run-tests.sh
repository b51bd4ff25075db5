#!/bin/sh
# Builds libsumm twice (plain, and with AddressSanitizer and
# UndefinedBehaviorSanitizer), runs every test suite in both builds and ends
# with a line "N passed, N failed" counted over both.
set -u
cd "$(dirname "$0")/.."
status=0

run_build() {
    dir=$1
    shift
    if [ ! -f "$dir/build.ninja" ]; then
        meson setup "$dir" "$@" >"$dir.setup.log" 2>&1 || { cat "$dir.setup.log"; return 1; }
    fi
    ninja -C "$dir" || return 1
    meson test -C "$dir" --print-errorlogs --num-processes 2 || return 1
}

run_build build-test --werror || status=1
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    run_build build-sanitize --werror -Db_sanitize=address,undefined -Db_lundef=false \
    || status=1

/usr/bin/python3 - build-test build-sanitize <<'PY' || status=1
import json, os, sys
passed = failed = 0
for d in sys.argv[1:]:
    log = os.path.join(d, "meson-logs", "testlog.json")
    if not os.path.exists(log):
        failed += 1
        continue
    for line in open(log):
        r = json.loads(line)
        if r.get("result") in ("OK", "EXPECTEDFAIL", "SKIP"):
            passed += 1
        else:
            failed += 1
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
exit $status
