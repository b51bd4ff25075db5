#!/usr/bin/env python3
"""Measures what the Python binding costs on top of the C library.

1. Overhead: the same 1 MB document summarized through the C API (called with
   ctypes on build/libsumm/libsumm.so, one reused summarizer) and through
   libsumm.Summarizer.summarize() (str and bytes input) and
   libsumm.summarize(). Prints the median time of each and the overhead in
   percent over C (target: under 5%).
2. Threads: two different 1 MB documents summarized one after the other in
   one thread, then at the same time in two threads (one Summarizer each).
   Prints the speed-up (target: 1.8x or more on two idle cores).

Usage (from the repository root, after `ninja -C build`):
    /usr/bin/python3 bench/python_overhead.py [--build build] [--data FILE.jsonl]
        [--size BYTES] [--repeat N] [--algorithm NAME]

The documents are built by concatenating the texts of a JSON Lines file
(default: ../shared/data/summ/bbc_news_summary.dev.jsonl relative to the
repository root when it exists, else examples/article.txt repeated).
"""
import argparse
import ctypes
import json
import os
import statistics
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(ROOT, "..", "shared", "data", "summ", "bbc_news_summary.dev.jsonl")


def load_texts(path):
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            return [json.loads(line)["text"] for line in f if line.strip()]
    with open(os.path.join(ROOT, "examples", "article.txt"), encoding="utf-8") as f:
        return [f.read()]


def make_document(texts, size, offset):
    """About `size` UTF-8 bytes of text, starting at texts[offset]."""
    parts, n, i = [], 0, offset
    while n < size:
        t = texts[i % len(texts)]
        parts.append(t)
        n += len(t.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts)


class CSummarizer:
    """The C API through ctypes: lang + summarizer + result, reused."""

    def __init__(self, lib_path, sentences, algorithm_name):
        lib = ctypes.CDLL(lib_path)
        self.lib = lib
        vp, sz = ctypes.c_void_p, ctypes.c_size_t
        lib.summ_lang_new.argtypes = [ctypes.POINTER(vp), ctypes.c_char_p, vp]
        lib.summ_summarizer_new.argtypes = [ctypes.POINTER(vp), vp, vp, vp]
        lib.summ_result_new.argtypes = [ctypes.POINTER(vp), vp]
        lib.summ_summarize.argtypes = [vp, ctypes.c_char_p, sz, vp]
        lib.summ_result_count.argtypes = [vp]
        lib.summ_result_count.restype = sz
        lib.summ_options_init.argtypes = [vp, ctypes.c_uint]
        lib.summ_summarize_text.argtypes = [ctypes.POINTER(vp), ctypes.POINTER(sz),
                                            ctypes.c_char_p, ctypes.c_char_p, sz, vp]
        lib.summ_free.argtypes = [vp]
        lib.summ_algorithm_from_name.argtypes = [ctypes.c_char_p]

        # summ_options version 1 is a prefix of any later layout, and a buffer
        # larger than the struct is harmless: fill it with summ_options_init.
        class Options(ctypes.Structure):
            _fields_ = [("version", ctypes.c_uint), ("algorithm", ctypes.c_int),
                        ("max_sentences", ctypes.c_uint32), ("ratio", ctypes.c_double),
                        ("max_words", ctypes.c_uint32), ("max_bytes", sz),
                        ("flags", ctypes.c_uint32), ("max_input_bytes", sz),
                        ("_room", ctypes.c_char * 256)]

        self.opts = Options()
        algorithm = lib.summ_algorithm_from_name(algorithm_name.encode())
        assert algorithm >= 0, algorithm_name
        assert lib.summ_options_init(ctypes.byref(self.opts), 1) == 0
        self.opts.max_sentences = sentences
        self.opts.algorithm = algorithm
        self.lang, self.s, self.r = vp(), vp(), vp()
        assert lib.summ_lang_new(ctypes.byref(self.lang), b"en", None) == 0
        assert lib.summ_summarizer_new(ctypes.byref(self.s), self.lang,
                                       ctypes.cast(ctypes.byref(self.opts), vp), None) == 0
        assert lib.summ_result_new(ctypes.byref(self.r), None) == 0

    def summarize(self, raw):
        rc = self.lib.summ_summarize(self.s, raw, len(raw), self.r)
        assert rc == 0, rc
        return self.lib.summ_result_count(self.r)

    def summarize_text(self, raw):
        """The one-shot call: a fresh language and summarizer each time."""
        spans, n = ctypes.c_void_p(), ctypes.c_size_t()
        rc = self.lib.summ_summarize_text(ctypes.byref(spans), ctypes.byref(n), b"en", raw,
                                          len(raw), ctypes.cast(ctypes.byref(self.opts),
                                                                ctypes.c_void_p))
        assert rc == 0, rc
        self.lib.summ_free(spans)
        return n.value


def timed(fn, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--size", type=int, default=1 << 20)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--sentences", type=int, default=10)
    ap.add_argument("--algorithm", default="default",
                    help="scoring algorithm (default: the library's default)")
    args = ap.parse_args()

    sys.path.insert(0, os.path.join(args.build, "bindings", "python"))
    import libsumm

    texts = load_texts(args.data)
    doc_a = make_document(texts, args.size, 0)
    doc_b = make_document(texts, args.size, len(texts) // 2)
    raw_a = doc_a.encode("utf-8")
    print("libsumm %s from %s" % (libsumm.__version__, os.path.dirname(libsumm.__file__)))
    print("data: %s; documents of %d and %d bytes; median of %d runs"
          % (args.data if os.path.exists(args.data) else "examples/article.txt",
             len(raw_a), len(doc_b.encode("utf-8")), args.repeat))

    c = CSummarizer(os.path.join(args.build, "libsumm", "libsumm.so"), args.sentences,
                    args.algorithm)
    py = libsumm.Summarizer(sentences=args.sentences, algorithm=args.algorithm)
    assert c.summarize(raw_a) == len(py.summarize(doc_a))
    py.summarize(doc_a)  # caches the UTF-8 form of doc_a, as any reuse would

    rows = [
        ("C API (ctypes)", lambda: c.summarize(raw_a)),
        ("Summarizer.summarize(str)", lambda: py.summarize(doc_a)),
        ("Summarizer.summarize(bytes)", lambda: py.summarize(raw_a)),
        ("C one-shot summ_summarize_text", lambda: c.summarize_text(raw_a)),
        ("libsumm.summarize(str)", lambda: libsumm.summarize(doc_a, sentences=args.sentences,
                                                             algorithm=args.algorithm)),
    ]
    # Interleave the measurements so that load from other processes on a
    # shared machine spreads over all of them.
    # CPU time of this thread (the C work runs in it too) is what the
    # binding adds; unlike wall time it does not count waiting for a CPU
    # that other processes hold.
    samples = {name: [] for name, _ in rows}
    wall = {name: [] for name, _ in rows}
    for k in range(args.repeat):
        # Rotate the order each round, so that no row always runs with the
        # caches left by the same predecessor.
        for name, fn in rows[k % len(rows):] + rows[:k % len(rows)]:
            w0, t0 = time.perf_counter(), time.thread_time()
            fn()
            samples[name].append(time.thread_time() - t0)
            wall[name].append(time.perf_counter() - w0)
    # Reused objects compare with the reused C summarizer, one-shot calls
    # with the C one-shot call.
    base_of = {"libsumm.summarize(str)": "C one-shot summ_summarize_text"}
    print("\n1. overhead on a %d-byte document (%d sentences out, algorithm %s)"
          % (len(raw_a), args.sentences, args.algorithm))
    print("   %-32s %8s %8s %9s %10s" % ("", "CPU ms", "min", "overhead", "wall ms"))
    for name, _ in rows:
        med = statistics.median(samples[name])
        base_name = base_of.get(name, "C API (ctypes)")
        base = statistics.median(samples[base_name])
        note = "" if name.startswith("C ") else "  (vs %s)" % base_name
        print("   %-32s %8.2f %8.2f %8.1f%% %10.2f%s" % (
            name, med * 1e3, min(samples[name]) * 1e3, (med - base) / base * 100,
            statistics.median(wall[name]) * 1e3, note))
    print("   (medians of CPU time of the calling thread; overhead = median / C median - 1)")

    # 2. Two documents, one thread vs two threads.
    s1, s2 = (libsumm.Summarizer(sentences=args.sentences, algorithm=args.algorithm)
              for _ in range(2))
    s1.summarize(doc_a)
    s2.summarize(doc_b)

    def sequential():
        s1.summarize(doc_a)
        s2.summarize(doc_b)

    def parallel():
        t = threading.Thread(target=s2.summarize, args=(doc_b,))
        t.start()
        s1.summarize(doc_a)
        t.join()

    # Control: the same with the C library called through ctypes (which
    # also releases the GIL), to show how much parallelism the machine
    # offers at the moment.
    c2 = CSummarizer(os.path.join(args.build, "libsumm", "libsumm.so"), args.sentences,
                    args.algorithm)
    raw_b = doc_b.encode("utf-8")

    def c_sequential():
        c.summarize(raw_a)
        c2.summarize(raw_b)

    def c_parallel():
        t = threading.Thread(target=c2.summarize, args=(raw_b,))
        t.start()
        c.summarize(raw_a)
        t.join()

    res = {k: [] for k in ("seq", "par", "cseq", "cpar")}
    for _ in range(args.repeat):
        res["seq"].append(timed(sequential, 1)[0])
        res["par"].append(timed(parallel, 1)[0])
        res["cseq"].append(timed(c_sequential, 1)[0])
        res["cpar"].append(timed(c_parallel, 1)[0])
    med = {k: statistics.median(v) for k, v in res.items()}
    print("\n2. two documents, one thread vs two threads, on %d CPUs (load average %s)"
          % (os.cpu_count(), " ".join("%.1f" % x for x in os.getloadavg())))
    print("   %-32s %10s %10s %9s %9s" % ("", "1 thread", "2 threads", "speed-up", "best"))
    for label, a, b in (("libsumm (Python)", "seq", "par"), ("C API via ctypes (control)", "cseq", "cpar")):
        print("   %-32s %8.2fms %8.2fms %8.2fx %8.2fx" % (label, med[a] * 1e3, med[b] * 1e3,
                                                      med[a] / med[b], min(res[a]) / min(res[b])))


if __name__ == "__main__":
    main()
