#!/usr/bin/python3
"""Speed and memory of libsumm: drives build/bench/speed (meson -Dbench=true).

Builds English news inputs of 10 KB, 100 KB, 1 MB and 10 MB in bench/out/ by
concatenating the texts of the English evaluation sets (cnndm_frank, then
bbc_news_summary, cycling when the 10 MB input needs more), then for every
algorithm and for splitting alone reports MB/s (median of several runs),
peak RSS and the growth exponent of time against size from 100 KB to 10 MB
(least-squares slope in log-log over the sizes that ran; 1.0 is linear). Times are CPU seconds of
the speed process (median of several runs), so a busy machine distorts them
less than wall time would. Every run uses a new summarizer. For tfidf and
textrank also the 1 MB input as a corpus, its documents one by one through
one summarizer: new, and after the other documents of the sets (written to
bench/out/en_warm.txt), as in the middle of a long corpus. Also ROUGE-1/2/L
pairs/s on (LEAD-k, first reference) pairs, and, when `ots` is installed,
OTS on the 1 MB input as a ratio to libsumm.

Usage: bench/speed.py [DATA_DIR] [--exe build/bench/speed] [--markdown FILE]
       bench/speed.py --ots-alternate N [--algorithms textrank,...]
       bench/speed.py --growth-alternate N [--algorithms textrank,...]
"""
import argparse
import json
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import quality  # noqa: E402
import summ_ctypes as S  # noqa: E402

OUT = os.path.join(S.ROOT, "bench", "out")
SIZES = [("10 KB", 10_000, 31), ("100 KB", 100_000, 15), ("1 MB", 1_000_000, 7),
         ("10 MB", 10_000_000, 3)]
SETS = ["cnndm_frank.dev.jsonl", "bbc_news_summary.dev.jsonl"]


def make_inputs(data):
    docs = []
    for name in SETS:
        docs += [d["text"] for d in quality.read_jsonl(os.path.join(data, name), 0)]
    os.makedirs(OUT, exist_ok=True)
    paths = {}
    for label, size, _ in SIZES:
        path = os.path.join(OUT, "en_%d.txt" % size)
        if not os.path.exists(path) or abs(os.path.getsize(path) - size) > 5000:
            parts, total, i = [], 0, 0
            while total < size:
                b = docs[i % len(docs)].encode() + b"\n\n"
                parts.append(b)
                total += len(b)
                i += 1
            blob = b"".join(parts)[:size]
            cut = blob.rfind(b"\n\n")
            if cut > size // 2:
                blob = blob[:cut]
            with open(path, "wb") as f:
                f.write(blob)
        paths[label] = path
    return paths, docs


def make_warm_corpus(docs, one_mb):
    """The documents (make_inputs' list) that the 1 MB input does not hold."""
    size, used, k = os.path.getsize(one_mb), 0, 0
    while k < len(docs) and used + len(docs[k].encode()) + 2 <= size:
        used += len(docs[k].encode()) + 2
        k += 1
    path = os.path.join(OUT, "en_warm.txt")
    with open(path, "wb") as f:
        f.write(b"".join(d.encode() + b"\n\n" for d in docs[k + 1:]))
    return path


def make_pairs(data):
    path = os.path.join(OUT, "rouge_pairs.bin")
    recs = []
    for name in SETS:
        for d in quality.read_jsonl(os.path.join(data, name), 0):
            k = quality.budget_of(d, "sentences")
            recs.append(quality.lead_baseline(d, k, "sentences") + b"\x1f" +
                        d["references"][0].encode())
    with open(path, "wb") as f:
        f.write(b"\x1e".join(recs))
    return path, len(recs)


def speed(exe, *args, timeout=None):
    try:
        p = subprocess.run([exe, *args], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if p.returncode != 0:
        raise SystemExit("speed %s failed: %s" % (" ".join(args), p.stderr))
    return json.loads(p.stdout)


def slope(xs, ys):
    lx = [math.log(x) for x in xs]
    ly = [math.log(y) for y in ys]
    mx, my = statistics.mean(lx), statistics.mean(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / sum((a - mx) ** 2 for a in lx)


def time_ots(path, runs=3):
    """Median CPU time (user + system) of `ots -r 20 FILE`, the whole process."""
    ts = []
    for _ in range(runs):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(["ots", "-r", "20", path], stdout=subprocess.DEVNULL, check=True)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        ts.append(r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime)
    return statistics.median(ts)


def ots_alternate(args, path):
    if not shutil.which("ots"):
        raise SystemExit("ots is not installed (apt-get install ots)")
    names = (args.algorithms or "textrank").split(",")
    ratios = {n: [] for n in names}
    for k in range(args.ots_alternate):
        t_ots = time_ots(path, runs=1)
        line = "round %d: OTS %.3f s" % (k + 1, t_ots)
        for n in names:
            r = speed(args.exe, "--runs", "5", "--algorithm", n, path)
            ratios[n].append(t_ots / r["median_s"])
            line += ", %s %.4f s (%.0fx)" % (n, r["median_s"], ratios[n][-1])
        print(line)
        sys.stdout.flush()
    for n in names:
        print("%s: %.0f-%.0fx faster than OTS on the 1 MB input (median %.0fx)"
              % (n, min(ratios[n]), max(ratios[n]), statistics.median(ratios[n])))


def growth_alternate(args, paths, algos):
    """Growth exponents from rounds that time 100 KB, 1 MB and 10 MB one after
    the other, so that the sizes of one round see the same load; a busy
    machine then spreads the rounds instead of skewing one size."""
    sizes = [s for s in SIZES if s[0] in ("100 KB", "1 MB", "10 MB")]
    exps = {a: [] for a in algos}
    for k in range(args.growth_alternate):
        line = "round %d:" % (k + 1)
        for a in algos:
            ts = [speed(args.exe, "--runs", str(runs), "--algorithm", a, paths[label])["median_s"]
                  for label, _, runs in sizes]
            exps[a].append(slope([size for _, size, _ in sizes], ts))
            line += " %s %.2f" % (a, exps[a][-1])
        print(line)
        sys.stdout.flush()
    for a in algos:
        print("%s: growth exponent %.2f-%.2f (median %.2f of %d rounds)"
              % (a, min(exps[a]), max(exps[a]), statistics.median(exps[a]), len(exps[a])))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=os.path.join(S.ROOT, "..", "shared", "data", "summ"))
    ap.add_argument("--exe", default=os.path.join(S.ROOT, "build", "bench", "speed"))
    ap.add_argument("--lib", help="libsumm.so whose algorithms to time (default: build/libsumm)")
    ap.add_argument("--sizes", default="10 KB,100 KB,1 MB,10 MB",
                    help="comma-separated subset of the input sizes")
    ap.add_argument("--algorithms", help="comma-separated subset of the algorithms")
    ap.add_argument("--markdown", metavar="FILE")
    ap.add_argument("--no-ots", dest="ots", action="store_false")
    ap.add_argument("--ots-alternate", type=int, metavar="N",
                    help="only time OTS and --algorithms (default textrank) on the 1 MB input, "
                         "one after the other N times, so that both see the same load")
    ap.add_argument("--growth-alternate", type=int, metavar="N",
                    help="only the growth exponents of --algorithms (default: all), from N rounds "
                         "that each time 100 KB, 1 MB and 10 MB one after the other")
    ap.add_argument("--max-seconds", type=float, default=20,
                    help="skip a larger input when one run is predicted (quadratically) to take "
                         "longer than this many CPU seconds (default %(default)s)")
    args = ap.parse_args()
    if not os.path.exists(args.exe):
        raise SystemExit("%s is missing: meson configure build -Dbench=true && ninja -C build"
                         % args.exe)
    paths, docs = make_inputs(args.data)
    if args.ots_alternate:
        return ots_alternate(args, paths["1 MB"])
    lib = S.load(args.lib)
    algos = S.algorithms(lib)
    if args.algorithms:
        algos = [a for a in args.algorithms.split(",") if a in algos]
    if args.growth_alternate:
        return growth_alternate(args, paths, algos)
    modes = [("split only", ["--split"])] + [(a, ["--algorithm", a]) for a in algos]
    sizes = [s for s in SIZES if s[0] in args.sizes.split(",")]
    lines = []

    def emit(s=""):
        print(s)
        sys.stdout.flush()
        lines.append(s)

    emit("| algorithm | " + " | ".join("%s MB/s" % s[0] for s in sizes) +
         " | 1 MB CPU time | peak RSS (largest run) | growth exponent |")
    emit("|---|" + "---:|" * (len(sizes) + 3))
    results = {}
    skipped = []
    for name, flags in modes:
        row, prev = {}, None
        for label, size, runs in sizes:
            if prev is not None:
                # Quadratic algorithms: predict from the smaller input and
                # skip what would take minutes; run fewer times what is slow.
                predicted = prev["median_s"] * (size / prev["bytes"]) ** 2
                if predicted > args.max_seconds:
                    skipped.append("%s on %s (predicted %.0f s per run)" % (name, label, predicted))
                    break
                if predicted > 1:
                    runs = 1
            r = speed(args.exe, "--runs", str(runs), *flags, paths[label],
                      timeout=10 * args.max_seconds)
            if r is None:
                skipped.append("%s on %s (over %d s)" % (name, label, 10 * args.max_seconds))
                break
            row[label] = prev = r
        results[name] = row
        big = [row[s[0]] for s in sizes if s[1] >= 100_000 and s[0] in row]
        g = ("%.2f" % slope([r["bytes"] for r in big], [r["median_s"] for r in big])
             if len(big) > 1 else "-")
        last = [row[s[0]] for s in sizes if s[0] in row][-1]
        emit("| %s | %s | %s | %.0f MB | %s |" % (
            name, " | ".join("%.1f" % row[s[0]]["mb_per_s"] if s[0] in row else "-"
                             for s in sizes),
            "%.3f s" % row["1 MB"]["median_s"] if "1 MB" in row else "-",
            last["peak_rss_kb"] / 1024, g))
    if skipped:
        emit()
        emit("Not run: " + "; ".join(skipped) + ".")
    if "1 MB" in paths:
        # The 1 MB input as a corpus: its documents one by one through one
        # new summarizer; then through one that first went through the
        # other documents of the sets, as in the middle of a long corpus.
        warm = make_warm_corpus(docs, paths["1 MB"])
        emit()
        for name in ("tfidf", "textrank"):
            if name not in algos:
                continue
            cold = speed(args.exe, "--runs", "5", "--documents", "--algorithm", name,
                         paths["1 MB"], timeout=10 * args.max_seconds)
            hot = speed(args.exe, "--runs", "5", "--documents", "--warm", warm, "--algorithm",
                        name, paths["1 MB"], timeout=10 * args.max_seconds)
            if cold and hot:
                emit("- %s over the 1 MB input's documents one by one, one summarizer: "
                     "%.1f MB/s new (%.3f s CPU), %.1f MB/s after the other %s MB of "
                     "documents (%.3f s)."
                     % (name, cold["mb_per_s"], cold["median_s"], hot["mb_per_s"],
                        "%.1f" % (os.path.getsize(warm) / 1e6), hot["median_s"]))
    emit()
    pairs_path, n_pairs = make_pairs(args.data)
    rg = speed(args.exe, "--runs", "5", "--rouge", pairs_path)
    emit("ROUGE-1 + ROUGE-2 + ROUGE-L with Porter stemming, %d (LEAD-k, reference) pairs of "
         "cnndm_frank and bbc_news_summary: %.0f pairs/s (median of %d runs, %.3f s)."
         % (rg["pairs"], rg["pairs_per_s"], rg["runs"], rg["median_s"]))
    if args.ots and shutil.which("ots") and "1 MB" in paths:
        t_ots = time_ots(paths["1 MB"])
        emit()
        emit("OTS 0.5 (`ots -r 20`) on the 1 MB input: %.3f s CPU (median of 3, whole process)."
             % t_ots)
        for name in results:
            if name != "split only":
                if "1 MB" not in results[name]:
                    continue
                t = results[name]["1 MB"]["median_s"]
                ratio = t_ots / t
                emit("- libsumm %s: %.4f s CPU, %s faster than OTS"
                     % (name, t, ("%.0fx" if ratio >= 10 else "%.1fx") % ratio))
    emit()
    emit("Inputs: %s (English news from cnndm_frank and bbc_news_summary, documents "
         "separated by a blank line; the 10 MB input repeats them)." %
         ", ".join("%s = %d bytes" % (label, os.path.getsize(paths[label]))
                   for label, _, _ in SIZES))
    if args.markdown:
        quality.replace_section(args.markdown, "speed", "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
