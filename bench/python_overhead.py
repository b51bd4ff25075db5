#!/usr/bin/env python3
"""Measures what the Python binding costs on top of the C library.

1. Overhead: the same 1 MB document summarized through the C API (called with
   ctypes on build/libsumm/libsumm.so, one reused summarizer) and through
   libsumm.Summarizer.summarize() (str and bytes input) and
   libsumm.summarize(). Both sides do the same work with the same allocator:
   the C calls get the binding's summ_allocator (PyMem_Raw*), and a C call
   with malloc shows what that allocator itself costs. The rows run
   interleaved in rounds, in a new order each round, in several fresh
   processes, with glibc's mmap threshold pinned so that every object's
   large buffers are placed alike; each row's median and minimum CPU time
   are compared with its C counterpart's, and so is the median of the
   per-round ratios (target: under 5%).
2. Threads: two different 1 MB documents summarized one after the other in
   one thread, then at the same time in two threads (one Summarizer each).
   Prints the speed-up (target: 1.8x or more on two idle cores).

Usage (from the repository root, after `ninja -C build`):
    /usr/bin/python3 bench/python_overhead.py [--build build] [--data FILE.jsonl]
        [--size BYTES] [--repeat ROUNDS] [--processes N] [--algorithm NAME]

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
import subprocess
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


C_MALLOC, C_PYMEM = "C API, malloc", "C API, binding's allocator"
C_ONE = "C one-shot, binding's allocator"
PY_STR, PY_BYTES = "Summarizer.summarize(str)", "Summarizer.summarize(bytes)"
PY_ONE = "libsumm.summarize(str)"
ROWS = [C_MALLOC, C_PYMEM, PY_STR, PY_BYTES, C_ONE, PY_ONE]
# Each row is compared with the C call doing the same work with the same
# allocator; the allocator's own cost is C_PYMEM against C_MALLOC.
BASE_OF = {C_PYMEM: C_MALLOC, PY_STR: C_PYMEM, PY_BYTES: C_PYMEM, PY_ONE: C_ONE}


def pin_mmap_threshold():
    """Fixes glibc's mmap threshold at its initial 128 KiB. By default glibc
    raises it whenever a large block is freed, so whether an object's large
    buffers are mapped pages or heap depends on what the process allocated
    and freed before, and objects doing identical work differ by 10-20%
    (measured: the same C calls, one summarizer object against another).
    Pinned, every object's large buffers are placed alike. Returns whether
    it could (glibc only)."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (AttributeError, OSError):
        return False
    M_MMAP_THRESHOLD = -3
    return mallopt(M_MMAP_THRESHOLD, 128 * 1024) == 1


def measure(args, libsumm, doc, seed):
    """Runs every row once per round for args.repeat rounds; returns
    {row: {"cpu": [...], "wall": [...], "faults": [...]}}, lists by round."""
    if not args.dynamic_mmap_threshold and not pin_mmap_threshold():
        print("warning: could not pin the mmap threshold (not glibc?)", file=sys.stderr)
    raw = doc.encode("utf-8")
    lib_path = os.path.join(args.build, "libsumm", "libsumm.so")
    c = CSummarizer(lib_path, args.sentences, args.algorithm)
    cpy = CSummarizer(lib_path, args.sentences, args.algorithm, binding_allocator(libsumm))
    py = libsumm.Summarizer(sentences=args.sentences, algorithm=args.algorithm)
    assert c.summarize(raw) == len(py.summarize(doc))
    fns = {
        C_MALLOC: lambda: c.summarize(raw),
        C_PYMEM: lambda: cpy.summarize(raw),
        PY_STR: lambda: py.summarize(doc),
        PY_BYTES: lambda: py.summarize(raw),
        C_ONE: lambda: cpy.one_shot(raw),
        PY_ONE: lambda: libsumm.summarize(doc, sentences=args.sentences,
                                          algorithm=args.algorithm),
    }
    for name in ROWS:  # the first call of each fills caches and the UTF-8 form
        fns[name]()

    # CPU time of this thread (the C work runs in it too) is what the
    # binding adds; unlike wall time it does not count waiting for a CPU
    # that other processes hold. Rounds interleave the rows, so load from
    # other processes spreads over all of them, and each round runs them in
    # a new order (seeded shuffle), so that no row always follows the same
    # one and inherits its caches and heap. Minor page faults per call show
    # that both sides do the same work.
    rusage_thread = getattr(resource, "RUSAGE_THREAD", None) if resource else None
    out = {name: {"cpu": [], "wall": [], "faults": []} for name in ROWS}
    order = random.Random(seed)
    for _ in range(args.repeat):
        for name in order.sample(ROWS, len(ROWS)):
            f0 = resource.getrusage(rusage_thread).ru_minflt if rusage_thread else 0
            w0, t0 = time.perf_counter(), time.thread_time()
            fns[name]()
            out[name]["cpu"].append(time.thread_time() - t0)
            out[name]["wall"].append(time.perf_counter() - w0)
            if rusage_thread:
                out[name]["faults"].append(resource.getrusage(rusage_thread).ru_minflt - f0)
    return out


def measure_in_processes(args, libsumm, doc):
    """measure() in args.processes fresh interpreters, one after the other.
    Where a process's memory lands (and so its cache conflicts) differs
    from process to process and can favour one row by 10% for a whole run,
    even with the mmap threshold pinned (seen in about one process of five);
    several processes spread that like the load. Returns one measure()
    result per process."""
    if args.processes == 1:
        return [measure(args, libsumm, doc, 1)]
    runs = []
    for seed in range(1, args.processes + 1):
        cmd = [sys.executable, os.path.abspath(__file__), "--worker", str(seed),
               "--build", args.build, "--data", args.data, "--size", str(args.size),
               "--repeat", str(args.repeat), "--sentences", str(args.sentences),
               "--algorithm", args.algorithm]
        if args.dynamic_mmap_threshold:
            cmd.append("--dynamic-mmap-threshold")
        runs.append(json.loads(subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout))
    return runs


def report_overhead(runs, size, args):
    pooled = {name: {k: [x for run in runs for x in run[name][k]] for k in run0}
              for name, run0 in runs[0].items()}

    def ratios(name, base, these=None):
        # The ratio within each round, where both calls ran moments apart
        # under the same load.
        return [a / b for run in (these or runs)
                for a, b in zip(run[name]["cpu"], run[base]["cpu"])]

    def against(name, base):
        """+median, +min and +paired of row name over row base."""
        cpu, base_cpu = pooled[name]["cpu"], pooled[base]["cpu"]
        return (pct(statistics.median(cpu), statistics.median(base_cpu)),
                pct(min(cpu), min(base_cpu)),
                "%+.1f%%" % ((statistics.median(ratios(name, base)) - 1) * 100))

    print("\n1. overhead on a %d-byte document (%d sentences out, algorithm %s, "
          "%d processes x %d rounds, mmap threshold %s)"
          % (size, args.sentences, args.algorithm, len(runs), args.repeat,
             "dynamic" if args.dynamic_mmap_threshold else "pinned"))
    print("   %-32s %8s %8s %8s %8s %8s %8s %7s" % ("", "CPU ms", "min", "+median", "+min",
                                                   "+paired", "wall ms", "faults"))
    for name in ROWS:
        cpu, base = pooled[name]["cpu"], BASE_OF.get(name)
        cols = against(name, base) if base else ("", "", "")
        faults = pooled[name]["faults"]
        print("   %-32s %8.2f %8.2f %8s %8s %8s %8.2f %7s%s" % (
            name, statistics.median(cpu) * 1e3, min(cpu) * 1e3, cols[0], cols[1], cols[2],
            statistics.median(pooled[name]["wall"]) * 1e3,
            "%d" % statistics.median(faults) if faults else "-",
            "  (vs %s)" % base if base else ""))
    print("   binding over the C API with malloc (+median/+min/+paired): %s" % "; ".join(
        "%s %s" % (kind, "/".join(against(name, C_MALLOC)))
        for kind, name in (("str", PY_STR), ("bytes", PY_BYTES))))
    if len(runs) > 1:
        print("   +paired per process: %s" % "; ".join(
            "%s %s" % (kind, " ".join(
                "%+.1f%%" % ((statistics.median(ratios(name, BASE_OF[name], [run])) - 1) * 100)
                for run in runs))
            for kind, name in (("allocator", C_PYMEM), ("str", PY_STR), ("bytes", PY_BYTES))))
    print("   (CPU time of the calling thread; +median = median / its base's median - 1,\n"
          "    +min likewise with minima, +paired = median over rounds of the ratio;\n"
          "    +paired is the steadiest on a loaded machine)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--size", type=int, default=1 << 20)
    ap.add_argument("--repeat", type=int, default=10,
                    help="rounds per process; a round runs every row once (default 10)")
    ap.add_argument("--processes", type=int, default=5,
                    help="fresh processes to measure the overhead in (default 5)")
    ap.add_argument("--sentences", type=int, default=10)
    ap.add_argument("--algorithm", default="default",
                    help="scoring algorithm (default: the library's default)")
    ap.add_argument("--dynamic-mmap-threshold", action="store_true",
                    help="leave glibc's mmap threshold dynamic while measuring the overhead "
                         "(see pin_mmap_threshold)")
    ap.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()

    sys.path.insert(0, os.path.join(args.build, "bindings", "python"))
    import libsumm

    texts = load_texts(args.data)
    doc_a = make_document(texts, args.size, 0)
    if args.worker is not None:
        json.dump(measure(args, libsumm, doc_a, args.worker), sys.stdout)
        return
    doc_b = make_document(texts, args.size, len(texts) // 2)
    raw_a = doc_a.encode("utf-8")
    print("libsumm %s from %s" % (libsumm.__version__, os.path.dirname(libsumm.__file__)))
    print("data: %s; documents of %d and %d bytes (%s)"
          % (args.data if os.path.exists(args.data) else "examples/article.txt",
             len(raw_a), len(doc_b.encode("utf-8")),
             "ASCII" if doc_a.isascii() else "not ASCII: str offsets need converting"))
    print("load average before: %s" % " ".join("%.1f" % x for x in os.getloadavg()))

    report_overhead(measure_in_processes(args, libsumm, doc_a), len(raw_a), args)

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
    lib_path = os.path.join(args.build, "libsumm", "libsumm.so")
    cpy = CSummarizer(lib_path, args.sentences, args.algorithm, binding_allocator(libsumm))
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
