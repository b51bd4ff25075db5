#!/usr/bin/python3
"""Time and peak memory of every algorithm on one long text.

Builds a plain-text "book" of about --mb MiB by concatenating the documents
of the evaluation sets (paragraphs separated by blank lines; repeated when
the sets are smaller), then runs `summarize -a NAME` on it for every
algorithm (default budget: ratio 0.2), once more with --mmr, and prints wall
and CPU seconds and the peak resident memory of each run, with its ratio to
the input size.

Usage: bench/scale.py [DATA_DIR] [--mb 10] [--exe build/tools/summarize]
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build_book(data_dir, size):
    files = sorted(glob.glob(os.path.join(data_dir, "*.jsonl")))
    english = [f for f in files if "bbc" in f or "cnndm" in f or "opinosis" in f] or files
    if not english:
        sys.exit("no *.jsonl files in %s" % data_dir)
    out, n = [], 0
    while n < size:
        for path in english:
            for line in open(path, encoding="utf-8"):
                text = json.loads(line)["text"] + "\n\n"
                out.append(text)
                n += len(text.encode())
                if n >= size:
                    return "".join(out).encode()
    return "".join(out).encode()


def run(exe, args, path):
    t0 = time.perf_counter()
    p = subprocess.Popen([exe, *args, path], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        sys.exit("%s %s failed with status %d" % (exe, " ".join(args), status))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=os.path.join(ROOT, "..", "shared", "data", "summ"))
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--exe", default=os.path.join(ROOT, "build", "tools", "summarize"))
    args = ap.parse_args()
    book = build_book(args.data, int(args.mb * (1 << 20)))
    algos = subprocess.run([args.exe, "--list-algorithms"], capture_output=True,
                           check=True).stdout.decode().split()
    with tempfile.NamedTemporaryFile(suffix=".txt") as f:
        f.write(book)
        f.flush()
        n_sent = subprocess.run([args.exe, "--split", f.name], capture_output=True,
                                check=True).stdout.count(b"\n")
        print("input: %.1f MiB, %d sentences; budget --ratio 0.2" % (len(book) / 2**20, n_sent))
        print("%-22s %8s %8s %10s %8s" % ("algorithm", "wall s", "cpu s", "peak MiB", "x input"))
        runs = [(a, ["-a", a]) for a in algos] + [("textrank --mmr 0.7",
                                                   ["-a", "textrank", "--mmr", "0.7"])]
        for label, a in runs:
            wall, cpu, rss = run(args.exe, a, f.name)
            print("%-22s %8.2f %8.2f %10.1f %8.2f" % (label, wall, cpu, rss / 2**20,
                                                      rss / len(book)))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
