"""The Python API: results, options, errors and documentation."""
import math
import os
import pickle
import re
import pydoc

import pytest

import libsumm
from conftest import SOURCE_ROOT

TEXT = ("Émile went to the café. Ça va bien? The weather in Zürich was cold.\n"
        "He ate 寿司 and 🍣 with friends. Dr. Smith paid the bill!")


def meson_project_version():
    with open(os.path.join(SOURCE_ROOT, "meson.build"), encoding="utf-8") as f:
        return re.search(r"version:\s*'([^']+)'", f.read()).group(1)


def test_version_matches_the_project_and_the_headers():
    assert libsumm.__version__ == meson_project_version()
    assert libsumm._libsumm.COMPILED_VERSION == libsumm.__version__


def test_languages_and_algorithms():
    assert "en" in libsumm.languages()
    algos = libsumm.algorithms()
    assert {"lead", "tfidf"} <= set(algos)
    assert all(isinstance(a, str) for a in algos)


@pytest.mark.parametrize("algorithm", libsumm.algorithms() + ["default"])
def test_every_algorithm(algorithm, article):
    s = libsumm.Summarizer(algorithm=algorithm)
    sents = s.summarize(article, sentences=3)
    assert len(sents) == 3
    for x in sents:
        assert article[x.start:x.end] == x.text


@pytest.mark.parametrize("language", libsumm.languages())
def test_every_language(language):
    text = "Première phrase ici. Second sentence there! 第三句。 Четвёртое предложение?"
    s = libsumm.Summarizer(language)
    # "en-porter" is English with another stemmer: its code is "en".
    assert s.language == ("en" if language == "en-porter" else language)
    for x in s.summarize(text, ratio=1.0):
        assert text[x.start:x.end] == x.text


def test_detect_language(article):
    assert libsumm.detect_language(article) == "en"
    assert libsumm.detect_language(article.encode()) == "en"
    german = "Der Hund ist nicht in dem Haus, und die Katze ist auch nicht da."
    assert libsumm.detect_language(german) == "de"
    assert libsumm.detect_language("") == "und"
    assert libsumm.detect_language("12345") == "und"
    with pytest.raises(TypeError):
        libsumm.detect_language(5)
    auto = libsumm.Summarizer("auto")
    assert auto.language == "auto"
    assert auto.summarize(article, sentences=2) == \
        libsumm.Summarizer("en").summarize(article, sentences=2)


def test_summarize_returns_lines_of_the_summary(article):
    out = libsumm.summarize(article, sentences=3)
    assert isinstance(out, str)
    lines = out.split("\n")
    assert len(lines) == 3
    sents = libsumm.Summarizer().summarize(article, sentences=3)
    assert lines == [s.text.replace("\n", " ") for s in sents]


def test_summarize_bytes_gives_bytes(article):
    out = libsumm.summarize(article.encode(), sentences=2)
    assert isinstance(out, bytes)
    assert out.decode() == libsumm.summarize(article, sentences=2)


def test_line_breaks_inside_a_sentence_become_spaces():
    text = "The first line\r\nof a long sentence\rends here.\nAnother\nsentence follows."
    out = libsumm.summarize(text, ratio=1.0)
    assert out == "The first line of a long sentence ends here.\nAnother sentence follows."


@pytest.mark.parametrize("text", ["", "   \n\t  ", b"", bytearray(b"  ")])
def test_empty_text_gives_an_empty_result(text):
    s = libsumm.Summarizer()
    assert s.summarize(text) == []
    assert s.split(text) == []
    assert s.scores(text) == []
    assert libsumm.summarize(text) == text[:0]
    assert libsumm.split_sentences(text) == []


def test_sentence_is_an_immutable_named_tuple():
    sent = libsumm.Summarizer().split("One two. Three four.")[1]
    assert sent == ("Three four.", 9, 20, 1, 0.0)
    assert (sent.text, sent.start, sent.end, sent.index, sent.score) == tuple(sent)
    assert isinstance(sent, tuple) and isinstance(sent, libsumm.Sentence)
    with pytest.raises(AttributeError):
        sent.start = 0
    with pytest.raises(TypeError):
        sent[0] = "x"
    assert pickle.loads(pickle.dumps(sent)) == sent
    assert "Sentence(text='Three four.'" in repr(sent)


def test_str_offsets_are_code_point_indices():
    for sent in libsumm.Summarizer().split(TEXT):
        assert TEXT[sent.start:sent.end] == sent.text
    assert [s.text for s in libsumm.Summarizer().split(TEXT)][2] == "The weather in Zürich was cold."


def test_str_offsets_after_long_runs_of_multibyte_text():
    # Offsets are counted eight bytes at a time with per-byte counters that
    # are emptied every 2040 bytes: runs of 2- and 4-byte characters far
    # longer than that, and sentences ending at every alignment, must still
    # map to the right str indices.
    words = ["é" * 1500, "🍣" * 700, "Zürich" * 300, "x", "ab" * 700]
    sentences = ["%s %s." % (w.capitalize(), words[(i * 3 + 1) % len(words)])
                 for i, w in enumerate(words * 9)]
    text = "  ".join(s + " " * (i % 8) for i, s in enumerate(sentences))
    raw = text.encode()
    for method in ("split", "scores"):
        by_str = getattr(libsumm.Summarizer(), method)(text)
        by_bytes = getattr(libsumm.Summarizer(), method)(raw)
        assert len(by_str) == len(by_bytes) > 10
        for a, b in zip(by_str, by_bytes):
            assert (a.start, a.end) == (len(raw[:b.start].decode()), len(raw[:b.end].decode()))
    summary = libsumm.Summarizer().summarize(text, sentences=5, score_order=True)
    by_bytes = libsumm.Summarizer().summarize(raw, sentences=5, score_order=True)
    assert [(a.start, a.end) for a in summary] == [
        (len(raw[:b.start].decode()), len(raw[:b.end].decode())) for b in by_bytes]


def test_bytes_offsets_are_byte_offsets():
    raw = TEXT.encode()
    by_str = libsumm.Summarizer().split(TEXT)
    by_bytes = libsumm.Summarizer().split(raw)
    assert [s.text.decode() for s in by_bytes] == [s.text for s in by_str]
    for s in by_bytes:
        assert raw[s.start:s.end] == s.text
        assert isinstance(s.text, bytes)


@pytest.mark.parametrize("kind", [bytes, bytearray, memoryview])
def test_bytes_like_inputs(kind, article):
    raw = article.encode()
    want = libsumm.Summarizer().summarize(raw, sentences=3)
    assert libsumm.Summarizer().summarize(kind(raw), sentences=3) == want


def test_split_scores_and_summarize_agree(article):
    s = libsumm.Summarizer()
    split = s.split(article)
    scores = s.scores(article)
    summary = s.summarize(article, sentences=4)
    assert [x[:4] for x in split] == [x[:4] for x in scores]
    assert all(x.score == 0.0 for x in split)
    assert len(summary) == 4
    best = sorted(scores, key=lambda x: (-x.score, x.index))[:4]
    assert sorted(best, key=lambda x: x.index) == summary
    assert [x.index for x in summary] == sorted(x.index for x in summary)


def test_score_order(article):
    sents = libsumm.Summarizer(score_order=True).summarize(article, sentences=5)
    keys = [(-s.score, s.index) for s in sents]
    assert keys == sorted(keys)
    for s in sents:
        assert article[s.start:s.end] == s.text


def test_budgets(article):
    s = libsumm.Summarizer()
    n = len(s.split(article))
    assert len(s.summarize(article)) == math.ceil(0.2 * n)  # default ratio
    assert len(s.summarize(article, ratio=0.5)) == math.ceil(0.5 * n)
    assert len(s.summarize(article, sentences=1)) == 1
    words = s.summarize(article, words=40)
    assert sum(len(x.text.split()) for x in words) <= 40
    assert sum(len(x.text.encode()) for x in s.summarize(article, bytes=300)) <= 300
    assert s.summarize(article, bytes=1) == []


def test_call_options_do_not_stick(article):
    s = libsumm.Summarizer(sentences=2)
    before = s.options
    assert len(s.summarize(article, sentences=5)) == 5
    assert len(s.summarize(article, sentences=None, ratio=1.0)) == len(s.split(article))
    assert len(s.summarize(article)) == 2
    assert s.options == before


def test_options_property():
    s = libsumm.Summarizer("english", "lead", sentences=3, lenient=True, max_input_bytes=1000)
    assert s.language == "en"
    o = s.options
    assert o["algorithm"] == "lead" and o["sentences"] == 3 and o["lenient"] is True
    assert o["ratio"] is None and o["score_order"] is False and o["max_input_bytes"] == 1000
    assert set(o) == set(libsumm._libsumm.option_names())
    assert "Summarizer('en'" in repr(s) and "sentences=3" in repr(s)


def test_algorithms_differ(article):
    lead = libsumm.Summarizer(algorithm="lead").summarize(article, sentences=3)
    assert [s.index for s in lead] == [0, 1, 2]
    assert libsumm.Summarizer(algorithm="TFIDF").options["algorithm"] == "tfidf"


def test_flags_change_scores(article):
    base = [s.score for s in libsumm.Summarizer().scores(article)]
    assert [s.score for s in libsumm.Summarizer(keep_stopwords=True).scores(article)] != base
    assert [s.score for s in libsumm.Summarizer(no_stemming=True).scores(article)] != base


def test_extra_stopwords_and_abbreviations(article):
    base = [s.score for s in libsumm.Summarizer().scores(article)]
    extra = [s.score for s in libsumm.Summarizer(stopwords=["Westerby", "library"]).scores(article)]
    assert extra != base
    text = "It was zork. Then we left."
    assert libsumm.split_sentences(text) == ["It was zork.", "Then we left."]
    assert libsumm.split_sentences(text, abbreviations=["zork."]) == [text]
    assert libsumm.split_sentences(text, abbreviations=("Zork",)) == [text]
    assert len(libsumm.Summarizer(stopwords=[], abbreviations=[]).split(text)) == 2


def test_nul_bytes_are_text():
    assert libsumm.split_sentences("One\x00two here. Three four.") == ["One\x00two here.", "Three four."]


def test_lenient_accepts_invalid_utf8():
    raw = b"First \xff sentence here. Second \xc3 one."
    sents = libsumm.Summarizer(lenient=True).split(raw)
    assert len(sents) == 2
    for s in sents:
        assert raw[s.start:s.end] == s.text


def test_invalid_utf8_raises_a_unicode_decode_error():
    raw = b"Fine text. Then \xe2\x82 broken."
    with pytest.raises(libsumm.InvalidUTF8Error) as info:
        libsumm.Summarizer().summarize(raw)
    e = info.value
    assert isinstance(e, UnicodeDecodeError) and isinstance(e, ValueError)
    assert isinstance(e, libsumm.Error)
    assert e.code == -3
    assert e.start == raw.index(b"\xe2") and e.object == raw
    with pytest.raises(UnicodeDecodeError):
        libsumm.summarize(bytearray(raw))


def test_lone_surrogates_in_str_raise_unicode_encode_error():
    with pytest.raises(UnicodeEncodeError):
        libsumm.summarize("bad \ud800 text.")


def test_unknown_language_and_algorithm_are_lookup_errors():
    with pytest.raises(LookupError) as info:
        libsumm.Summarizer("xx")
    assert isinstance(info.value, libsumm.UnknownLanguageError)
    assert info.value.code == -4 and "'xx'" in str(info.value)
    with pytest.raises(libsumm.UnknownAlgorithmError) as info:
        libsumm.summarize("Some text.", algorithm="nope")
    assert isinstance(info.value, LookupError) and info.value.code == -7
    with pytest.raises(LookupError):
        libsumm.Summarizer().summarize("Some text.", algorithm="nope")


def test_input_over_the_limit():
    s = libsumm.Summarizer(max_input_bytes=10)
    assert len(s.split("Short.")) == 1
    with pytest.raises(libsumm.InputTooLargeError) as info:
        s.split("Longer than ten bytes.")
    assert isinstance(info.value, ValueError) and info.value.code == -6
    # The limit counts UTF-8 bytes, not characters.
    with pytest.raises(ValueError):
        s.split("ééééé é.")
    assert len(s.split("Longer than ten bytes.", max_input_bytes=None)) == 1


@pytest.mark.parametrize("bad", [None, 42, 1.5, ["text"], object()])
def test_text_of_the_wrong_type(bad):
    with pytest.raises(TypeError):
        libsumm.Summarizer().summarize(bad)
    with pytest.raises(TypeError):
        libsumm.summarize(bad)


@pytest.mark.parametrize("kw", [
    {"sentences": "3"}, {"sentences": 2.0}, {"sentences": True}, {"words": [1]},
    {"ratio": "0.5"}, {"ratio": True}, {"algorithm": 1}, {"bytes": 1.0},
    {"max_input_bytes": "1"}, {"no_such_option": 1}, {"damping": "0.5"},
    {"max_iterations": 1.5}, {"cue_words": "word"}, {"stigma_words": [1, 2]},
    {"cue_words": 3},
])
def test_option_of_the_wrong_type(kw):
    with pytest.raises(TypeError):
        libsumm.Summarizer(**kw)
    with pytest.raises(TypeError):
        libsumm.Summarizer().summarize("Some text.", **kw)


@pytest.mark.parametrize("kw", [
    {"mmr_lambda": 0}, {"mmr_lambda": 1.01}, {"position_weight": -0.1},
    {"position_weight": 1.5}, {"damping": 0}, {"damping": 1}, {"tolerance": 0},
    {"tolerance": -1}, {"tolerance": float("inf")}, {"max_iterations": 0},
    {"lexrank_threshold": 1.0}, {"lexrank_threshold": -0.5}, {"max_neighbours": 0},
    {"lsa_dimensions": 0}, {"cue_words": ["a\x00b"]},
    {"sentences": 0}, {"sentences": -1}, {"sentences": 2 ** 32}, {"words": 0},
    {"bytes": 0}, {"bytes": -5}, {"bytes": 2 ** 70}, {"ratio": 0}, {"ratio": 1.5},
    {"ratio": -0.1}, {"ratio": float("nan")}, {"ratio": float("inf")},
    {"max_input_bytes": 0}, {"max_input_bytes": 2 ** 32},
])
def test_option_out_of_range(kw):
    with pytest.raises(ValueError):
        libsumm.Summarizer(**kw)
    with pytest.raises(ValueError):
        libsumm.summarize("Some text.", **kw)


def test_range_errors_say_the_range():
    with pytest.raises(ValueError, match=r"ratio must be in \(0\.0, 1\.0\]"):
        libsumm.Summarizer(ratio=2)
    with pytest.raises(ValueError, match="sentences must be between 1 and 4294967295"):
        libsumm.Summarizer(sentences=0)


@pytest.mark.parametrize("kw", [
    {"mmr_lambda": 0.7}, {"mmr_lambda": 1}, {"position_weight": 0}, {"position_weight": 1.0},
    {"damping": 0.5}, {"tolerance": 1e-3}, {"max_iterations": 5}, {"lexrank_threshold": 0},
    {"lexrank_threshold": 0.3}, {"max_neighbours": 4}, {"lsa_dimensions": 2},
    {"cue_words": ["library"], "stigma_words": ("town",)},
])
@pytest.mark.parametrize("algorithm", ["textrank", "lexrank", "lsa", "edmundson"])
def test_algorithm_parameters(kw, algorithm, article):
    s = libsumm.Summarizer(algorithm=algorithm, **kw)
    for key, value in kw.items():
        got = s.options[key]
        assert got == (tuple(value) if isinstance(value, (list, tuple)) else value)
    sents = s.summarize(article, sentences=3)
    assert len(sents) == 3
    assert s.summarize(article, sentences=3) == sents  # deterministic
    per_call = libsumm.Summarizer(algorithm=algorithm).summarize(article, sentences=3, **kw)
    assert per_call == sents


def test_parameters_change_results(article):
    base = [x.score for x in libsumm.Summarizer(algorithm="textrank").scores(article)]
    other = [x.score for x in libsumm.Summarizer(algorithm="textrank", damping=0.3).scores(article)]
    assert base != other
    lead = libsumm.Summarizer(position_weight=0).scores(article)
    assert [x.score for x in libsumm.Summarizer(position_weight=1).scores(article)] != \
        [x.score for x in lead]
    cue = libsumm.Summarizer(algorithm="edmundson").scores(article)
    assert [x.score for x in libsumm.Summarizer(algorithm="edmundson",
                                                cue_words=["survey"]).scores(article)] != \
        [x.score for x in cue]


def test_word_list_options_are_copied(article):
    words = ["survey"]
    s = libsumm.Summarizer(algorithm="edmundson", cue_words=words)
    before = s.scores(article)
    words[0] = "town"
    words.append("council")
    assert s.options["cue_words"] == ("survey",)
    assert s.scores(article) == before
    # Per-call lists apply to that call only.
    s.scores(article, cue_words=["council"], stigma_words=["the"])
    assert s.scores(article) == before
    assert s.options["cue_words"] == ("survey",)
    assert libsumm.Summarizer(cue_words=None).options["cue_words"] == ()


def test_none_means_the_default():
    d = libsumm.Summarizer().options
    explicit = libsumm.Summarizer(**{k: None for k in libsumm._libsumm.option_names()}).options
    assert explicit == d
    assert d["mmr_lambda"] == 1.0 and d["position_weight"] == 0.25
    assert d["damping"] is None and d["max_iterations"] is None


def test_options_at_their_limits(article):
    s = libsumm.Summarizer(sentences=2 ** 32 - 1, ratio=1, words=2 ** 32 - 1,
                           max_input_bytes=libsumm.MAX_INPUT_BYTES)
    assert len(s.summarize(article)) == len(s.split(article))


@pytest.mark.parametrize("kw,exc", [
    ({"language": 1}, TypeError), ({"language": "e\x00n"}, ValueError),
    ({"stopwords": "the"}, TypeError), ({"stopwords": [1]}, TypeError),
    ({"stopwords": 5}, TypeError), ({"abbreviations": ["a\x00b"]}, ValueError),
    ({"algorithm": "tf\x00idf"}, ValueError),
])
def test_bad_constructor_arguments(kw, exc):
    with pytest.raises(exc):
        libsumm.Summarizer(**kw)


def test_methods_take_one_positional_argument():
    s = libsumm.Summarizer()
    with pytest.raises(TypeError):
        s.summarize()
    with pytest.raises(TypeError):
        s.summarize("a", "b")


def test_every_public_name_is_documented():
    for name in libsumm.__all__:
        obj = getattr(libsumm, name)
        if callable(obj):
            assert obj.__doc__ and len(obj.__doc__) > 20, name
    for meth in ("summarize", "split", "scores"):
        assert getattr(libsumm.Summarizer, meth).__doc__
    text = pydoc.render_doc(libsumm, renderer=pydoc.plaintext)
    for word in ("Summarizer", "split_sentences", "InvalidUTF8Error", "lenient", "Sentence"):
        assert word in text


def test_stub_names_match_the_module():
    with open(os.path.join(os.path.dirname(libsumm.__file__), "__init__.pyi"),
              encoding="utf-8") as f:
        stub = f.read()
    for name in libsumm.__all__:
        assert re.search(r"\b%s\b" % re.escape(name), stub), name
    for name in libsumm._libsumm.option_names():
        assert name + ":" in stub, name
