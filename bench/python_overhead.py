#!/usr/bin/env python3
"""Measures what the Python binding costs on top of the C library.

1. Overhead: the same 1 MB document summarized through the C API (called with
   ctypes on build/libsumm/libsumm.so, one reused summarizer) and through
   libsumm.Summarizer.summarize() (str and bytes input) and
   libsumm.summarize(). Both sides do the same work with the same allocator:
   the C calls get the binding's summ_allocator (PyMem_Raw*), and a C call
   with malloc shows what that allocator itself costs. The rows run
   interleaved in rounds, in a new order each round; each row's median and
   minimum CPU time are compared with its C counterpart's, and so is the
   median of the per-round ratios (target: under 5%).
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
import random
try:
    import resource
except ImportError:  # not on Windows
    resource = None
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


def binding_allocator(libsumm):
    """The address of the summ_allocator the binding gives the library."""
    get = ctypes.pythonapi.PyCapsule_GetPointer
    get.restype = ctypes.c_void_p
    get.argtypes = [ctypes.py_object, ctypes.c_char_p]
    return get(libsumm._libsumm._ALLOCATOR, b"libsumm._libsumm.ALLOCATOR")


class CSummarizer:
    """The C API through ctypes: lang + summarizer + result, reused.

    allocator: the address of a summ_allocator, or None for malloc."""

    def __init__(self, lib_path, sentences, algorithm_name, allocator=None):
        lib = ctypes.CDLL(lib_path)
        self.lib = lib
        vp, sz = ctypes.c_void_p, ctypes.c_size_t
        lib.summ_lang_new.argtypes = [ctypes.POINTER(vp), ctypes.c_char_p, vp]
        lib.summ_summarizer_new.argtypes = [ctypes.POINTER(vp), vp, vp, vp]
        lib.summ_result_new.argtypes = [ctypes.POINTER(vp), vp]
        lib.summ_summarize.argtypes = [vp, ctypes.c_char_p, sz, vp]
        lib.summ_result_count.argtypes = [vp]
        lib.summ_result_count.restype = sz
        lib.summ_result_free.argtypes = [vp]
        lib.summ_summarizer_free.argtypes = [vp]
        lib.summ_lang_free.argtypes = [vp]
        lib.summ_options_init.argtypes = [vp, ctypes.c_uint]
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
        self.opts_p = ctypes.cast(ctypes.byref(self.opts), vp)
        self.alloc = vp(allocator)
        algorithm = lib.summ_algorithm_from_name(algorithm_name.encode())
        assert algorithm >= 0, algorithm_name
        assert lib.summ_options_init(ctypes.byref(self.opts), 1) == 0
        self.opts.max_sentences = sentences
        self.opts.algorithm = algorithm
        self.lang, self.s, self.r = self._new()

    def _new(self):
        lib, vp = self.lib, ctypes.c_void_p
        lang, s, r = vp(), vp(), vp()
        assert lib.summ_lang_new(ctypes.byref(lang), b"en", self.alloc) == 0
        assert lib.summ_summarizer_new(ctypes.byref(s), lang, self.opts_p, self.alloc) == 0
        assert lib.summ_result_new(ctypes.byref(r), self.alloc) == 0
        return lang, s, r

    def summarize(self, raw):
        rc = self.lib.summ_summarize(self.s, raw, len(raw), self.r)
        assert rc == 0, rc
        return self.lib.summ_result_count(self.r)

    def one_shot(self, raw):
        """What summ_summarize_text() does, with this object's allocator: a
        fresh language, summarizer and result for one call."""
        lang, s, r = self._new()
        rc = self.lib.summ_summarize(s, raw, len(raw), r)
        n = self.lib.summ_result_count(r)
        self.lib.summ_result_free(r)
        self.lib.summ_summarizer_free(s)
        self.lib.summ_lang_free(lang)
        assert rc == 0, rc
        return n


def timed(fn, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times)


def pct(x, base):
    return "%+.1f%%" % ((x / base - 1) * 100)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--size", type=int, default=1 << 20)
    ap.add_argument("--repeat", type=int, default=25,
                    help="rounds; every round runs every row once (default 25)")
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
    print("data: %s; documents of %d and %d bytes (%s)"
          % (args.data if os.path.exists(args.data) else "examples/article.txt",
             len(raw_a), len(doc_b.encode("utf-8")),
             "ASCII" if doc_a.isascii() else "not ASCII: str offsets need converting"))

    lib_path = os.path.join(args.build, "libsumm", "libsumm.so")
    c = CSummarizer(lib_path, args.sentences, args.algorithm)
    cpy = CSummarizer(lib_path, args.sentences, args.algorithm, binding_allocator(libsumm))
    py = libsumm.Summarizer(sentences=args.sentences, algorithm=args.algorithm)
    assert c.summarize(raw_a) == len(py.summarize(doc_a))

    C_MALLOC, C_PYMEM = "C API, malloc", "C API, binding's allocator"
    C_ONE = "C one-shot, binding's allocator"
    rows = [
        (C_MALLOC, lambda: c.summarize(raw_a)),
        (C_PYMEM, lambda: cpy.summarize(raw_a)),
        ("Summarizer.summarize(str)", lambda: py.summarize(doc_a)),
        ("Summarizer.summarize(bytes)", lambda: py.summarize(raw_a)),
        (C_ONE, lambda: cpy.one_shot(raw_a)),
        ("libsumm.summarize(str)", lambda: libsumm.summarize(doc_a, sentences=args.sentences,
                                                             algorithm=args.algorithm)),
    ]
    # Each row is compared with the C call doing the same work with the same
    # allocator; the allocator's own cost is the second row against the first.
    base_of = {C_PYMEM: C_MALLOC, C_ONE: None, "libsumm.summarize(str)": C_ONE}
    for _, fn in rows:  # the first call of each fills caches and the UTF-8 form
        fn()

    # CPU time of this thread (the C work runs in it too) is what the
    # binding adds; unlike wall time it does not count waiting for a CPU
    # that other processes hold. Rounds interleave the rows, so load from
    # other processes spreads over all of them, and each round runs them in
    # a new order (seeded shuffle), so that no row always follows the same
    # one and inherits its caches and heap. Minor page faults per call show
    # that both sides do the same work.
    rusage_thread = getattr(resource, "RUSAGE_THREAD", None) if resource else None
    cpu = {name: [] for name, _ in rows}
    wall = {name: [] for name, _ in rows}
    faults = {name: [] for name, _ in rows}
    order = random.Random(1)
    for _ in range(args.repeat):
        for name, fn in order.sample(rows, len(rows)):
            f0 = resource.getrusage(rusage_thread).ru_minflt if rusage_thread else 0
            w0, t0 = time.perf_counter(), time.thread_time()
            fn()
            cpu[name].append(time.thread_time() - t0)
            wall[name].append(time.perf_counter() - w0)
            if rusage_thread:
                faults[name].append(resource.getrusage(rusage_thread).ru_minflt - f0)

    print("\n1. overhead on a %d-byte document (%d sentences out, algorithm %s, %d rounds)"
          % (len(raw_a), args.sentences, args.algorithm, args.repeat))
    print("   %-32s %8s %8s %8s %8s %8s %8s %7s" % ("", "CPU ms", "min", "+median", "+min",
                                                   "+paired", "wall ms", "faults"))
    for name, _ in rows:
        base = base_of.get(name, C_PYMEM if name != C_MALLOC else None)
        med, low = statistics.median(cpu[name]), min(cpu[name])
        if base:
            # Paired: the ratio within each round, where both calls ran
            # moments apart under the same load; then its median.
            paired = statistics.median(a / b for a, b in zip(cpu[name], cpu[base]))
            cols = (pct(med, statistics.median(cpu[base])), pct(low, min(cpu[base])),
                    "%+.1f%%" % ((paired - 1) * 100))
        else:
            cols = ("", "", "")
        print("   %-32s %8.2f %8.2f %8s %8s %8s %8.2f %7s%s" % (
            name, med * 1e3, low * 1e3, cols[0], cols[1], cols[2],
            statistics.median(wall[name]) * 1e3,
            "%d" % statistics.median(faults[name]) if faults[name] else "-",
            "  (vs %s)" % base if base else ""))
    total = ["%s %s median, %s min" % (kind, pct(statistics.median(cpu[name]),
                                                 statistics.median(cpu[C_MALLOC])),
                                        pct(min(cpu[name]), min(cpu[C_MALLOC])))
             for kind, name in (("str", "Summarizer.summarize(str)"),
                                ("bytes", "Summarizer.summarize(bytes)"))]
    print("   binding over the C API with malloc: %s" % "; ".join(total))
    print("   (CPU time of the calling thread; +median = median / its base's median - 1,\n"
          "    +min likewise with minima, +paired = median over rounds of the ratio)")

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
    c2 = CSummarizer(lib_path, args.sentences, args.algorithm, binding_allocator(libsumm))
    raw_b = doc_b.encode("utf-8")

    def c_sequential():
        cpy.summarize(raw_a)
        c2.summarize(raw_b)

    def c_parallel():
        t = threading.Thread(target=c2.summarize, args=(raw_b,))
        t.start()
        cpy.summarize(raw_a)
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
