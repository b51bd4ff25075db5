#!/bin/sh
# Runs every libFuzzer target for a while: builds them with clang, AddressSanitizer
# and UndefinedBehaviorSanitizer in build-fuzz (its own build directory), runs
# each for SECONDS (default 30) on its committed corpus, merges the inputs
# that add coverage into fuzz/corpus/<target>/ and ends with a table of the
# CPU time, executions and coverage of each target. Exits 1 if a target
# crashed, broke an invariant, leaked or timed out; the input that did is
# kept in build-fuzz/artifacts/.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -u
cd "$(dirname "$0")/.." || exit 1

secs=${1:-30}
case $secs in
'' | *[!0-9]*)
    echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2
    exit 2
    ;;
esac
[ $# -gt 0 ] && shift
targets=${*:-"fuzz_summarize fuzz_split fuzz_cli fuzz_rouge fuzz_alloc_fail fuzz_fast_paths"}
dir=build-fuzz

if ! command -v clang >/dev/null 2>&1; then
    echo "fuzz.sh: clang not found (Debian: apt-get install clang libclang-rt-14-dev)" >&2
    exit 1
fi
# Only the library and the targets: -Dtests=disabled keeps Check out of it.
if [ ! -f "$dir/build.ninja" ]; then
    CC=clang meson setup "$dir" -Dfuzzing_engine=libfuzzer -Dtests=disabled \
        -Db_sanitize=address,undefined -Db_lundef=false -Dtools=false -Dexamples=false \
        -Dbench=false -Dpython=disabled -Dlua=disabled >"$dir.setup.log" 2>&1 ||
        { cat "$dir.setup.log"; exit 1; }
fi
ninja -C "$dir" || exit 1
mkdir -p "$dir/artifacts" "$dir/logs"

export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
summary=$dir/logs/summary.txt
printf '%-16s %6s %8s %11s %15s %9s  %s\n' target "time s" "CPU s" executions "cov start->end" \
    "new files" result >"$summary"

# CPU seconds (user + system) of this shell's children so far, from times
# (run here, not in a subshell, whose children would be its own).
children_cpu() {
    times >"$dir/logs/times"
    awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/)
        printf "%.2f\n", u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$dir/logs/times"
}

for t in $targets; do
    bin=$dir/fuzz/$t
    corpus=fuzz/corpus/$t
    work=$dir/work/$t
    log=$dir/logs/$t.log
    if [ ! -x "$bin" ]; then
        echo "fuzz.sh: no target $t" >&2
        status=1
        continue
    fi
    mkdir -p "$work" "$corpus"
    set -- -max_total_time="$secs" -timeout=10 -max_len=8192 -print_final_stats=1 \
        -artifact_prefix="$PWD/$dir/artifacts/$t-"
    [ "$t" = fuzz_fast_paths ] && set -- "$@" -max_len=512
    [ -f "fuzz/$t.dict" ] && set -- "$@" -dict="fuzz/$t.dict"
    # fuzz_cli's tool prints its own error messages; sanitizer reports still show.
    [ "$t" = fuzz_cli ] && set -- "$@" -close_fd_mask=2
    echo "== $t: $secs s"
    children_cpu >"$dir/logs/cpu"
    "$bin" "$@" "$work" "$corpus" >"$log" 2>&1
    rc=$?
    children_cpu >>"$dir/logs/cpu"
    result=clean
    if [ $rc -ne 0 ]; then
        result="FAILED (exit $rc, see $log)"
        status=1
        tail -40 "$log"
    fi
    # New inputs that add coverage go into the committed corpus.
    added=$("$bin" -merge=1 "$corpus" "$work" 2>&1 | sed -n 's/.*MERGE-OUTER: \([0-9]*\) new files.*/\1/p')
    cov_start=$(sed -n 's/.*INITED cov: \([0-9]*\).*/\1/p' "$log" | head -1)
    cov_end=$(sed -n 's/.*DONE   cov: \([0-9]*\).*/\1/p' "$log" | tail -1)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    printf '%-16s %6s %8s %11s %15s %9s  %s\n' "$t" "$secs" \
        "$(awk 'NR == 1 { a = $1 } NR == 2 { printf "%.1f", $1 - a }' "$dir/logs/cpu")" \
        "${execs:-?}" \
        "${cov_start:-?}->${cov_end:-?}" "${added:-?}" "$result" >>"$summary"
done
cat "$summary"
exit $status
