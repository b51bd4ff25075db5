"""Summarizers across processes and threads: pickling, summarize_many,
python3 -m libsumm, and libsumm.dask on a two-process LocalCluster."""
import os
import pickle
import subprocess
import sys

import pytest

import libsumm

WORDS = ("council ferry harbour budget mayor terminal residents buses spring "
         "tuesday week plan river bridge school").split()


def doc(i):
    out = []
    for k in range(4 + i % 5):
        w = [WORDS[(i * 7 + k * 3 + j) % len(WORDS)] for j in range(6 + (i + k) % 4)]
        out.append(" ".join(w).capitalize() + " number %d." % (i * 10 + k))
    return " ".join(out)


def test_pickle_round_trip_is_equal():
    s = libsumm.Summarizer("auto")
    t = pickle.loads(pickle.dumps(s))
    assert t == s and hash(t) == hash(s)
    assert t.summarize(doc(1)) == s.summarize(doc(1))


def test_pickle_keeps_options_and_words():
    s = libsumm.Summarizer("en", "lexrank", sentences=2, position_weight="off",
                           stopwords=["ferry"], abbreviations=["approx."],
                           cue_words=["budget"])
    for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
        t = pickle.loads(pickle.dumps(s, protocol=proto))
        assert t == s
        assert t.language == "en" and t.options == s.options
        assert t.options["position_weight"] == "off" and t.options["cue_words"] == ("budget",)
        assert t.summarize(doc(2)) == s.summarize(doc(2))


def test_equality_tells_options_apart():
    assert libsumm.Summarizer("en", sentences=2) != libsumm.Summarizer("en", sentences=3)
    assert libsumm.Summarizer("en") != libsumm.Summarizer("de")
    assert libsumm.Summarizer("en") != libsumm.Summarizer("en", stopwords=["x"])
    assert libsumm.Summarizer("english") == libsumm.Summarizer("en")
    assert libsumm.Summarizer("en") != "en"


def test_stopwords_from_a_generator_are_kept():
    s = libsumm.Summarizer("en", stopwords=(w for w in ["ferry", "harbour"]))
    assert pickle.loads(pickle.dumps(s)) == libsumm.Summarizer(
        "en", stopwords=["ferry", "harbour"])


def _summarize_in_child(s, text):
    return s.summarize(text)


def test_multiprocessing_pool():
    import multiprocessing
    s = libsumm.Summarizer("auto", sentences=2)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        got = pool.starmap(_summarize_in_child, [(s, doc(i)) for i in range(6)])
    assert got == [s.summarize(doc(i)) for i in range(6)]


def test_summarize_many_in_order():
    s = libsumm.Summarizer("auto", sentences=2)
    texts = [doc(i) for i in range(200)]
    want = [s.summarize(t) for t in texts]
    for jobs in (1, 2, 4):
        got = s.summarize_many(texts, jobs=jobs)
        assert not isinstance(got, list)  # a generator
        assert list(got) == want


def test_summarize_many_options_apply_to_each():
    s = libsumm.Summarizer("en")
    got = list(s.summarize_many((doc(i) for i in range(10)), jobs=2, sentences=1))
    assert all(len(r) == 1 for r in got)
    assert got == [libsumm.Summarizer("en", sentences=1).summarize(doc(i)) for i in range(10)]


def test_summarize_many_bad_option_raises_at_once():
    with pytest.raises(ValueError, match="damping"):
        libsumm.Summarizer().summarize_many([], jobs=2, damping=1.5)
    with pytest.raises(ValueError):
        libsumm.Summarizer().summarize_many([], jobs=0)


def test_summarize_many_reads_a_bounded_window():
    read = []

    def texts():
        for i in range(10000):
            read.append(i)
            yield doc(i % 50)

    gen = libsumm.Summarizer("en", sentences=1).summarize_many(texts(), jobs=2)
    for _ in range(10):
        next(gen)
    assert len(read) < 10 + 2 * 4 + 2
    gen.close()


def test_summarize_many_error_reaches_the_caller():
    gen = libsumm.Summarizer("en").summarize_many([doc(1), 5, doc(2)], jobs=2)
    assert len(next(gen)) >= 1
    with pytest.raises(TypeError):
        next(gen)


def test_python_m_libsumm_runs_the_cli(summarize_exe, tmp_path):
    env = dict(os.environ, LIBSUMM_SUMMARIZE=summarize_exe)
    p = subprocess.run([sys.executable, "-m", "libsumm", "-n", "1"], input=doc(3).encode(),
                       capture_output=True, env=env, timeout=60)
    direct = subprocess.run([summarize_exe, "-n", "1"], input=doc(3).encode(),
                            capture_output=True, timeout=60)
    assert p.returncode == 0 and p.stdout == direct.stdout
    p = subprocess.run([sys.executable, "-m", "libsumm", "--version"], capture_output=True,
                       env=env, timeout=60)
    assert p.returncode == 0 and p.stdout.startswith(b"summarize (libsumm)")


def test_python_m_libsumm_explains_a_missing_cli(tmp_path):
    env = dict(os.environ, PATH=str(tmp_path))
    env.pop("LIBSUMM_SUMMARIZE", None)
    p = subprocess.run([sys.executable, "-m", "libsumm", "-n", "1"], capture_output=True,
                       env=env, timeout=60)
    assert p.returncode == 127
    assert b"no 'summarize' on PATH" in p.stderr and b"LIBSUMM_SUMMARIZE" in p.stderr


def test_dask_local_cluster_equals_single_process():
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError:
        pytest.skip("dask and distributed are not installed (python3-dask python3-distributed)")
    import libsumm.dask

    texts = [doc(i) for i in range(300)]
    records = [{"id": "d%d" % i, "text": t} for i, t in enumerate(texts)]
    s = libsumm.Summarizer("auto", sentences=2)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        got = libsumm.dask.summarize_bag(db.from_sequence(texts, npartitions=6),
                                         summarizer=s).compute()
        got_records = libsumm.dask.summarize_bag(db.from_sequence(records, npartitions=4),
                                                 text_field="text", sentences=2).compute()
        assert len(client.scheduler_info()["workers"]) == 2
    assert got == [s.summarize(t) for t in texts]
    assert [r["id"] for r in got_records] == [r["id"] for r in records]
    assert [r["summary"] for r in got_records] == [
        " ".join(x.text for x in s.summarize(t)) for t in texts]
