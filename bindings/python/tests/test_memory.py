"""Large input and repeated calls: a 10 MB text, and no growth of memory or
references over 10,000 calls."""
import gc
import os
import sys
import tracemalloc

import pytest

import libsumm
from test_threads import document

SANITIZED = bool(os.environ.get("LIBSUMM_SANITIZED"))
ROUNDS = 1000


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_ten_megabyte_input():
    base = document(5, 400) + " Émile ate 寿司 🍣 in Zürich. "
    text = (base * (10_000_000 // len(base.encode()) + 1))
    raw = text.encode()
    assert len(raw) >= 10_000_000
    # tfidf: the point is the binding's handling of a large text, and the
    # graph-based algorithms take much longer on one.
    s = libsumm.Summarizer(algorithm="tfidf")
    sents = s.summarize(text, sentences=5)
    assert len(sents) == 5
    for x in sents:
        assert text[x.start:x.end] == x.text
    assert [(x.index, x.score) for x in s.summarize(raw, sentences=5)] == \
        [(x.index, x.score) for x in sents]
    last = s.split(text)[-1]
    assert text[last.start:last.end] == last.text and last.end <= len(text)


def one_round(s, text, raw):
    s.summarize(text, sentences=2)
    s.scores(raw)
    s.split(text, lenient=True)
    libsumm.summarize(text, ratio=0.5)
    libsumm.split_sentences(raw)
    for bad, exc in ((b"bad \xff", UnicodeDecodeError), (None, TypeError)):
        try:
            s.summarize(bad)
        except exc:
            pass
    try:
        s.summarize(text, sentences=-1)
    except ValueError:
        pass
    try:
        libsumm.Summarizer("xx")
    except LookupError:
        pass


@pytest.mark.skipif(not hasattr(os, "sysconf") or not os.path.exists("/proc/self/statm"),
                    reason="needs /proc")
def test_no_leak_over_ten_thousand_calls():
    # ROUNDS x 10 calls into the extension, each of them a possible leak.
    s = libsumm.Summarizer()
    text = "Émile ate 寿司 in Zürich. " + document(7, 6)
    raw = text.encode()
    for _ in range(500):  # warm up caches and free lists
        one_round(s, text, raw)
    gc.collect()
    tracemalloc.start()
    rss0 = rss_bytes()
    traced0 = tracemalloc.get_traced_memory()[0]
    refs0 = sys.getrefcount(text), sys.getrefcount(raw), sys.getrefcount(s)
    for _ in range(ROUNDS):
        one_round(s, text, raw)
    gc.collect()
    traced = tracemalloc.get_traced_memory()[0] - traced0
    rss = rss_bytes() - rss0
    tracemalloc.stop()
    assert (sys.getrefcount(text), sys.getrefcount(raw), sys.getrefcount(s)) == refs0
    # tracemalloc sees Python objects and libsumm's own allocations (they go
    # through PyMem_RawMalloc): a leak of even one small block per call
    # would show up as hundreds of kilobytes.
    assert traced < 16 * 1024, traced
    if not SANITIZED:  # ASan's quarantine holds freed memory on purpose
        assert rss < 4 * 1024 * 1024, rss
