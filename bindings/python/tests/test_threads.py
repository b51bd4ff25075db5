"""Threads: the GIL is released during the C work, separate summarizers run
in parallel with correct results, and one summarizer shared by two threads
refuses the second call instead of corrupting its state."""
import gc
import os
import subprocess
import sys
import threading

import pytest

import libsumm


def document(seed, n=300):
    words = ["river", "council", "library", "ferry", "garden", "budget", "survey",
             "harbour", "reading", "vote", "terminal", "quay", "children", "winter"]
    out = []
    for i in range(n):
        w = [words[(seed * 7 + i * (j + 3)) % len(words)] for j in range(5 + (i + seed) % 9)]
        out.append(" ".join(w).capitalize() + ".")
    return " ".join(out)


def test_parallel_summarizers_match_sequential_results():
    docs = [document(seed) for seed in range(8)]
    want = [libsumm.Summarizer().summarize(d, sentences=5) for d in docs]
    got = [None] * len(docs)
    errors = []

    def work(k):
        try:
            s = libsumm.Summarizer()  # one per thread
            for _ in range(5):
                for i in range(k, len(docs), 4):
                    got[i] = s.summarize(docs[i], sentences=5)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert got == want


def test_threads_racing_for_the_shared_auto_language():
    # Summarizers without extra words share one "auto" language, made by the
    # first that needs it: in a fresh interpreter, eight threads race for it.
    code = """if True:
        import threading, libsumm
        german = "Der Hund ist nicht in dem Haus. Die Katze ist auch nicht da."
        barrier = threading.Barrier(8)
        languages = []
        def work():
            barrier.wait()
            s = libsumm.Summarizer()
            languages.append(s.summarize(german).language)
            del s
        threads = [threading.Thread(target=work) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert languages == ["de"] * 8, languages
        assert libsumm.split_sentences(german).language == "de"
    """
    subprocess.run([sys.executable, "-c", code], check=True, env=os.environ, timeout=120)


def test_module_functions_are_thread_safe(article):
    want = libsumm.summarize(article, sentences=3)
    results = []

    def work():
        for _ in range(20):
            results.append(libsumm.summarize(article, sentences=3))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [want] * 80


def hammer(s, method, big, small, want_refusals, max_calls=200):
    """Calls s.<method>(big) in a worker thread while this thread calls
    s.<method>(small) until it has been refused want_refusals times or the
    worker has finished max_calls calls. Returns (refusals, worker results).
    The bound is a number of calls, not a time: on a loaded machine this
    thread may wake too late for some of the worker's calls, never for all."""
    stop = threading.Event()
    started = threading.Event()
    results = []

    def worker():
        while not stop.is_set() and len(results) < max_calls:
            started.set()
            try:
                results.append(getattr(s, method)(big))
            except RuntimeError:  # this thread got in first: fine too
                pass
        stop.set()

    t = threading.Thread(target=worker)
    t.start()
    refused = 0
    try:
        started.wait()
        # Bounded by the worker's progress, not by time: while it is inside
        # the C call (GIL released) this thread runs and must be turned away.
        while not stop.is_set() and refused < want_refusals:
            try:
                assert getattr(s, method)(small) == \
                    getattr(libsumm.Summarizer(algorithm="tfidf"), method)(small)
            except RuntimeError as e:
                assert "in use by another thread" in str(e)
                refused += 1
    finally:
        stop.set()
        t.join()
    return refused, results


def test_shared_summarizer_refuses_concurrent_calls():
    # The guard does not depend on the algorithm: tfidf keeps the test fast.
    s = libsumm.Summarizer(algorithm="tfidf")
    big = document(1, 20000)  # long enough to keep the C call busy
    small = "One sentence. Another one."
    want_big = libsumm.Summarizer(algorithm="tfidf").summarize(big)
    refused, results = hammer(s, "summarize", big, small, 3)
    assert refused == 3
    assert all(r == want_big for r in results)
    assert s.summarize(small) == libsumm.Summarizer(algorithm="tfidf").summarize(small)


def test_gil_is_released_during_the_c_call():
    """Another thread runs Python code while a call is inside the C library.

    The evidence is the busy guard: this thread is refused only while the
    worker's call sits between taking the flag and dropping it, a stretch
    that runs no Python code unless the call lets go of the GIL. Garbage
    collection is off so that no finaliser runs there either. Counting a
    ticker's progress around the call instead is unsound both ways: a
    forced switch right after the call counts as progress, and a ticker that
    the OS wakes late misses a short call (tfidf takes a few milliseconds
    here)."""
    s = libsumm.Summarizer(algorithm="tfidf")
    gc.disable()
    try:
        refused, _ = hammer(s, "summarize", document(2, 10000), "A b. C d.", 1,
                            max_calls=500)
    finally:
        gc.enable()
    assert refused == 1


@pytest.mark.parametrize("method", ["summarize", "split", "scores"])
def test_every_method_is_guarded(method):
    s = libsumm.Summarizer(algorithm="tfidf")
    refused, _ = hammer(s, method, document(3, 20000), "A b. C d.", 1)
    assert refused == 1
