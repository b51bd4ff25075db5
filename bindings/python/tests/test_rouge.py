"""libsumm.rouge: hand-computed scores, several references, agreement with
the summ-rouge command, and argument errors."""
import json
import os
import subprocess
import tempfile

import pytest

import libsumm

CAND = "The cat sat on the mat."
REF = "The cat sat on a mat."


def test_hand_computed_values():
    # Unigrams: the(1 of 2 clipped), cat, sat, on, mat = 5 of 6 on each side.
    s = libsumm.rouge(CAND, [REF], "rouge1")
    assert s == pytest.approx((5 / 6, 5 / 6, 5 / 6, 0))
    assert isinstance(s, libsumm.RougeScore) and s.reference == 0
    # Bigrams: the cat, cat sat, sat on shared of 5 each.
    assert libsumm.rouge(CAND, REF, "rouge2").f1 == pytest.approx(0.6)
    # LCS: the cat sat on mat.
    assert libsumm.rouge(CAND, [REF], "rougeL").recall == pytest.approx(5 / 6)
    assert libsumm.rouge(CAND.encode(), [REF.encode()], "rougeLsum").f1 == pytest.approx(5 / 6)


def test_best_reference_and_stemming():
    s = libsumm.rouge(CAND, ["A dog barked.", REF], "rouge1")
    assert s.reference == 1
    plain = libsumm.rouge("cats running", ["cat runs"], "rouge1")
    stemmed = libsumm.rouge("cats running", ["cat runs"], "rouge1", stemmer="porter")
    assert plain.f1 == 0 and stemmed.f1 == 1
    # Non-Latin text has no tokens for the ASCII tokenizer.
    assert libsumm.rouge("Кошка сидит", ["Кошка сидит"]).f1 == 0
    assert libsumm.rouge("Кошка сидит", ["Кошка сидит"], tokenizer="unicode").f1 == 1


def test_empty_sides_score_zero():
    assert libsumm.rouge("", [REF]) == (0, 0, 0, 0)
    assert libsumm.rouge(CAND, [""]).f1 == 0


def test_same_as_the_command_line(summarize_exe):
    exe = os.path.join(os.path.dirname(summarize_exe), "summ-rouge")
    if not os.path.exists(exe):
        pytest.skip("summ-rouge is not built")
    cand = "Alan Greenspan said the deficit would stabilise. The dollar rose."
    refs = ["The dollar gained after Greenspan spoke about the deficit.", "Markets rallied."]
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for i, ref in enumerate(refs):
            paths.append(os.path.join(d, "ref%d.txt" % i))
            with open(paths[-1], "w", encoding="utf-8") as f:
                f.write(ref)
        args = [exe, "-f", "json", "-s", "-m", "rouge1,rouge2,rougeL,rougeLsum"]
        for p in paths:
            args += ["-r", p]
        out = subprocess.run(args, input=cand.encode(), capture_output=True, check=True).stdout
    doc = json.loads(out)
    for metric in ("rouge1", "rouge2", "rougeL", "rougeLsum"):
        got = libsumm.rouge(cand, refs, metric, stemmer="porter")
        want = doc["scores"][metric]
        assert got.precision == pytest.approx(want["precision"], abs=1e-6)
        assert got.recall == pytest.approx(want["recall"], abs=1e-6)
        assert got.f1 == pytest.approx(want["f1"], abs=1e-6)


def test_metric_names_are_the_librarys():
    # summ_rouge_metric_parse reads them: N from 1 to 65535, no leading zero.
    assert libsumm.rouge(CAND, [REF], "rouge65535") == (0, 0, 0, 0)
    # Trigrams: "the cat sat" and "cat sat on" of four on each side.
    assert libsumm.rouge(CAND, [REF], "rouge3").f1 == pytest.approx(0.5)
    for bad in ("rouge0", "rouge01", "rouge65536", "rouge", "rougel", "ROUGE1", "rouge-1",
                "rougeLSum", "bleu", ""):
        with pytest.raises(ValueError) as info:
            libsumm.rouge(CAND, [REF], bad)
        assert str(info.value) == \
            "metric must be rouge1, rouge2, ..., rougeL or rougeLsum, not '%s'" % bad


def test_errors():
    with pytest.raises(ValueError):
        libsumm.rouge(CAND, [])
    with pytest.raises(ValueError):
        libsumm.rouge(CAND, [REF], tokenizer="words")
    with pytest.raises(ValueError):
        libsumm.rouge(CAND, [REF], stemmer="klingon")
    with pytest.raises(TypeError):
        libsumm.rouge(CAND, [42])
    with pytest.raises(TypeError):
        libsumm.rouge(None, [REF])
    with pytest.raises(libsumm.Error):
        libsumm.rouge(b"bad \xff byte", [REF])
