#!/bin/sh
# Builds libsumm twice (plain, and with AddressSanitizer and
# UndefinedBehaviorSanitizer), runs every test suite in both builds (the fuzz
# corpus replay and the slow suite of pathological inputs included), runs the
# threads suite under ThreadSanitizer and ends with a line
# "N passed, N failed, N skipped" counted over all of them.
set -u
cd "$(dirname "$0")/.."
status=0
# --fuzz SECONDS: first run each libFuzzer target that long (scripts/fuzz.sh).
if [ "${1:-}" = --fuzz ]; then
    sh scripts/fuzz.sh "${2:?usage: scripts/run-tests.sh [--fuzz SECONDS]}" || status=1
fi

# Every suite but the slow one, then the slow suite (pathological inputs,
# 10^5-sentence documents) with its own log. Old test logs go first, so that
# a build that fails is not counted with stale results.
run_build() {
    dir=$1
    shift
    if [ ! -f "$dir/build.ninja" ]; then
        meson setup "$dir" "$@" >"$dir.setup.log" 2>&1 || { cat "$dir.setup.log"; return 1; }
    fi
    rm -f "$dir"/meson-logs/testlog*.json
    ninja -C "$dir" || return 1
    rc=0
    meson test -C "$dir" --print-errorlogs --num-processes 2 || rc=1
    meson test -C "$dir" --no-rebuild --print-errorlogs --num-processes 2 \
        --setup full --suite slow --logbase testlog-slow || rc=1
    return $rc
}

run_build build-test --werror || status=1
# The slow suite's time budgets count CPU seconds: give the sanitizers,
# which run the library a few times slower, three times as many.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
SUMM_SLOW_BUDGET_SCALE=3 \
    run_build build-sanitize --werror -Db_sanitize=address,undefined -Db_lundef=false \
    || status=1

# ThreadSanitizer on the threads suite only: a third build of the library,
# the stress test and the Python extension (whose threads tests join the
# suite there) keeps this step to a minute or so.
run_tsan() {
    dir=build-tsan
    if [ ! -f "$dir/build.ninja" ]; then
        meson setup "$dir" --werror -Db_sanitize=thread -Db_lundef=false -Dexamples=false \
            -Dtools=false -Dlua=disabled -Dbench=false \
            >"$dir.setup.log" 2>&1 || { cat "$dir.setup.log"; return 1; }
    fi
    rm -f "$dir"/meson-logs/testlog*.json
    ninja -C "$dir" || return 1
    TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
        meson test -C "$dir" --no-rebuild --print-errorlogs --suite threads || return 1
}
run_tsan || status=1

# A skipped test (exit status 77, or TAP "1..0 # SKIP") is counted as such,
# never as passed. A build without a test log counts as one failure.
/usr/bin/python3 - build-test build-sanitize build-tsan <<'PY' || status=1
import glob, json, os, sys
passed = failed = skipped = 0
for d in sys.argv[1:]:
    # testlog.json, and the slow suite's (meson names it after the log base
    # and the setup: testlog-slow-full.json); older logs were deleted above.
    logs = sorted(glob.glob(os.path.join(d, "meson-logs", "testlog*.json")))
    if not os.path.exists(os.path.join(d, "meson-logs", "testlog.json")):
        failed += 1
        continue
    for line in (l for log in logs for l in open(log)):
        result = json.loads(line).get("result")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
sys.exit(1 if failed else 0)
PY
exit $status
