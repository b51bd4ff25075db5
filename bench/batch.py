#!/usr/bin/env python3
"""Batch throughput and memory of summarize --jsonl, summarize_many and
libsumm.dask.

    /usr/bin/python3 bench/batch.py --build build [--corpus FILE.jsonl] [--size-mb 100]
                                    [--small-docs 1000000] [--skip-dask]

Measures, each figure the best of --repeat runs:
  - summarize --jsonl -n 3 at -j 1 and -j 2: docs/s and MB/s on the corpus
    (default the BBC dev set) and on a synthetic corpus of --size-mb MB
    made by repeating it; against build/bench/batch_loop, the same texts
    summarized through the C API in a loop (texts already in memory);
  - peak RSS of summarize --jsonl -j 2 at 10^4 and --small-docs small
    documents (the first sentences of the corpus's texts);
  - Summarizer.summarize_many(jobs=2) against jobs=1, and a two-process
    distributed.LocalCluster through libsumm.dask against one process.
The load average before and after each part is printed: the machine may be
shared.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

DEFAULT_CORPUS = "/work/shared/data/summ/bbc_news_summary.dev.jsonl"


def load():
    return "%.2f" % os.getloadavg()[0]


def run_timed(argv, stdout=subprocess.DEVNULL):
    """(seconds, peak RSS in MB, exit status) of one run."""
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    err = p.stderr.read()
    p.stderr.close()
    rc = os.waitstatus_to_exitcode(status)
    if rc != 0:
        sys.exit("%s failed (%d): %s" % (argv[0], rc, err.decode(errors="replace")))
    return dt, ru.ru_maxrss / 1024.0, rc


def synthetic(corpus, size_mb, path):
    with open(corpus, "rb") as f:
        lines = f.readlines()
    target, written, k = size_mb * 1_000_000, 0, 0
    with open(path, "wb") as out:
        while written < target:
            for line in lines:
                rec = json.loads(line)
                rec["id"] = "%s-%d" % (rec.get("id", ""), k)
                b = (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")
                out.write(b)
                written += len(b)
                if written >= target:
                    break
            k += 1
    return path


def small_docs(corpus, n, path):
    """n records of about 300 bytes: the first sentences of the corpus's texts."""
    texts = []
    with open(corpus, "rb") as f:
        for line in f:
            t = json.loads(line)["text"]
            texts.append(" ".join(t.split(". ")[:2])[:300])
    with open(path, "wb") as out:
        for i in range(n):
            out.write((json.dumps({"id": i, "text": texts[i % len(texts)]},
                                  ensure_ascii=False) + "\n").encode("utf-8"))
    return path


def count_lines(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def cli_part(args, corpus, label):
    exe = os.path.join(args.build, "tools", "summarize")
    loop = os.path.join(args.build, "bench", "batch_loop")
    size = os.path.getsize(corpus) / 1e6
    docs = count_lines(corpus)
    print("\n### %s: %d docs, %.1f MB (load %s)" % (label, docs, size, load()))
    print("| run | s | docs/s | MB/s | peak RSS MB |")
    print("|---|---|---|---|---|")
    best = {}
    for jobs in (1, 2):
        runs = [run_timed([exe, "--jsonl", "--no-progress", "-j", str(jobs), "-n", "3", corpus])
                for _ in range(args.repeat)]
        dt, rss, _ = min(runs)
        best[jobs] = dt
        print("| summarize --jsonl -j %d | %.2f | %.0f | %.1f | %.0f |"
              % (jobs, dt, docs / dt, size / dt, rss))
    if os.path.exists(loop):
        secs = []
        for _ in range(args.repeat):
            out = subprocess.run([loop, corpus, "3"], capture_output=True, check=True)
            secs.append(float(out.stdout.split()[1]))
        dt = min(secs)
        print("| C API loop (texts in memory) | %.2f | %.0f | %.1f | |" % (dt, docs / dt, size / dt))
        print("\n-j 1 against the C loop: %.1f %% slower" % (100 * (best[1] / dt - 1)))
    print("-j 2 against -j 1: %.2fx (load after: %s)" % (best[1] / best[2], load()))


def rss_part(args, corpus, tmp):
    exe = os.path.join(args.build, "tools", "summarize")
    print("\n### Peak RSS of summarize --jsonl -j 2 -n 1 (load %s)" % load())
    print("| documents | MB | s | peak RSS MB |")
    print("|---|---|---|---|")
    for n in (10_000, args.small_docs):
        path = small_docs(corpus, n, os.path.join(tmp, "small-%d.jsonl" % n))
        dt, rss, _ = run_timed([exe, "--jsonl", "--no-progress", "-j", "2", "-n", "1", path])
        print("| %d | %.0f | %.1f | %.1f |" % (n, os.path.getsize(path) / 1e6, dt, rss))
        os.unlink(path)


def python_part(args, corpus):
    sys.path.insert(0, os.path.join(args.build, "bindings", "python"))
    import libsumm
    with open(corpus, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    s = libsumm.Summarizer("auto", sentences=3)
    print("\n### Python, %d texts (load %s)" % (len(texts), load()))
    print("| run | s | docs/s |")
    print("|---|---|---|")
    best = {}
    for jobs in (1, 2):
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            for _ in s.summarize_many(texts, jobs=jobs):
                pass
            times.append(time.perf_counter() - t0)
        best[jobs] = min(times)
        print("| summarize_many(jobs=%d) | %.2f | %.0f |" % (jobs, best[jobs],
                                                           len(texts) / best[jobs]))
    print("\nsummarize_many jobs=2 against jobs=1: %.2fx" % (best[1] / best[2]))
    if args.skip_dask:
        return
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
        import libsumm.dask
    except ImportError:
        print("dask is not installed: no Dask figures")
        return
    big = texts * args.dask_rounds
    t0 = time.perf_counter()
    single = [s.summarize(t) for t in big]
    one = time.perf_counter() - t0
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster):
        bag = db.from_sequence(big, npartitions=16)
        libsumm.dask.summarize_bag(db.from_sequence(texts[:10], npartitions=2),
                                   summarizer=s).compute()  # warm the workers
        t0 = time.perf_counter()
        got = libsumm.dask.summarize_bag(bag, summarizer=s).compute()
        dask_s = time.perf_counter() - t0
    assert got == single
    print("\n| run | s | docs/s |")
    print("|---|---|---|")
    print("| one process, one Summarizer | %.2f | %.0f |" % (one, len(big) / one))
    print("| LocalCluster, 2 worker processes | %.2f | %.0f |" % (dask_s, len(big) / dask_s))
    print("\nDask against one process: %.2fx (load after: %s)" % (one / dask_s, load()))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--size-mb", type=int, default=100)
    ap.add_argument("--small-docs", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dask-rounds", type=int, default=4)
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--only", choices=["cli", "rss", "python"])
    args = ap.parse_args()
    print("nproc %d, load %s" % (os.cpu_count(), load()))
    with tempfile.TemporaryDirectory() as tmp:
        if args.only in (None, "cli"):
            cli_part(args, args.corpus, "BBC dev")
            if args.size_mb:
                path = synthetic(args.corpus, args.size_mb, os.path.join(tmp, "synthetic.jsonl"))
                cli_part(args, path, "Synthetic %d MB" % args.size_mb)
                os.unlink(path)
        if args.only in (None, "rss"):
            rss_part(args, args.corpus, tmp)
        if args.only in (None, "python"):
            python_part(args, args.corpus)


if __name__ == "__main__":
    main()
