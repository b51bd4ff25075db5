#!/usr/bin/python3
"""Growth of every algorithm on tied input: N equal one-word sentences.

Every sentence of "Word. Word. ..." has the same content and the same
length, so every score ties and every greedy gain ties: the worst case for
the heaps and lazy selections, where a linear step per pick turns into
quadratic time. For each algorithm, times build/bench/speed (meson
-Dbench=true; CPU seconds, median of its runs) on N = 62,500, 125,000 and
250,000 sentences, in rounds that time the sizes one after the other (so
that the sizes of a round see the same load), and prints the median time per
size and the growth exponent: the least-squares slope of log time against
log N, median over the rounds. 1.0 is linear, 2.0 quadratic; the target is
at most 1.2 for every algorithm.

Usage: bench/tied_growth.py [--exe build/bench/speed] [--rounds N]
                            [--sizes 62500,125000,250000] [--algorithms a,b]

Fast cases take more runs (enough for about a quarter of a second of CPU),
so that one slow run on a busy machine does not move their median.
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import summ_ctypes as S  # noqa: E402

OUT = os.path.join(S.ROOT, "bench", "out")
TARGET = 1.2
MAX_RUNS = 51  # speed takes up to 101


def make_input(n):
    path = os.path.join(OUT, "tied_%d.txt" % n)
    data = b"Word. " * n
    if not os.path.exists(path) or os.path.getsize(path) != len(data):
        os.makedirs(OUT, exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
    return path


def cpu_seconds(exe, algorithm, path, runs):
    p = subprocess.run([exe, "--runs", str(runs), "--algorithm", algorithm, path],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit("speed --algorithm %s %s failed: %s" % (algorithm, path, p.stderr))
    return json.loads(p.stdout)["median_s"]


def slope(xs, ys):
    lx = [math.log(x) for x in xs]
    ly = [math.log(y) for y in ys]
    mx, my = statistics.mean(lx), statistics.mean(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / sum((a - mx) ** 2 for a in lx)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--exe", default=os.path.join(S.ROOT, "build", "bench", "speed"))
    ap.add_argument("--lib", help="libsumm.so to list the algorithms from (default: the one "
                                  "built beside --exe)")
    ap.add_argument("--sizes", default="62500,125000,250000",
                    help="comma-separated sentence counts (default %(default)s)")
    ap.add_argument("--algorithms", help="comma-separated subset of the algorithms")
    ap.add_argument("--rounds", type=int, default=5, help="rounds over the sizes (default 5)")
    ap.add_argument("--runs", type=int, default=3,
                    help="timed runs per measurement at least, one when a run takes over a "
                         "second (default 3)")
    args = ap.parse_args()
    if not os.path.exists(args.exe):
        raise SystemExit("%s is missing: meson configure build -Dbench=true && ninja -C build"
                         % args.exe)
    sizes = [int(x) for x in args.sizes.split(",")]
    paths = [make_input(n) for n in sizes]
    lib = args.lib or os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(args.exe))),
                                   "libsumm", "libsumm.so")
    algos = S.algorithms(S.load(lib))
    if args.algorithms:
        algos = [a for a in args.algorithms.split(",") if a in algos]

    print("| algorithm | " + " | ".join("%s sentences" % format(n, ",") for n in sizes) +
          " | growth exponent (range over rounds) |")
    print("|---|" + "---:|" * (len(sizes) + 1))
    sys.stdout.flush()
    over = []
    for a in algos:
        times = [[] for _ in sizes]
        exps = []
        for _ in range(args.rounds):
            ts = []
            for k, path in enumerate(paths):
                # Slow cases: one timed run (after speed's warm-up run); fast
                # ones: about 0.25 s of runs.
                prev = times[k][-1] if times[k] else None
                if prev is None:
                    runs = args.runs
                elif prev > 1.0:
                    runs = 1
                else:
                    runs = max(args.runs, min(MAX_RUNS, math.ceil(0.25 / max(prev, 1e-4))))
                ts.append(cpu_seconds(args.exe, a, path, runs))
                times[k].append(ts[-1])
            exps.append(slope(sizes, ts))
        e = statistics.median(exps)
        if e > TARGET:
            over.append(a)
        print("| %s | %s | %.2f (%.2f-%.2f) |" % (
            a, " | ".join("%.3f s" % statistics.median(t) for t in times), e, min(exps),
            max(exps)))
        sys.stdout.flush()
    print()
    print("CPU seconds, median of %d rounds; growth exponent: slope of log time against "
          "log sentences. Over %.1f: %s." % (args.rounds, TARGET, ", ".join(over) or "none"))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
