"""The Python API: results, options, errors and documentation."""
import ast
import math
import os
import pickle
import re
import pydoc
import subprocess
import sys

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


GERMAN = ("Der Gemeinderat hat am Dienstag beschlossen, das alte Fährterminal in eine "
          "Bibliothek umzubauen. Die Arbeiten sollen im Frühjahr beginnen, und die Kosten "
          "trägt zum Teil das Land. Viele Bürger hatten sich seit Jahren dafür eingesetzt. "
          "Die Bibliothek soll auch einen Garten haben, in dem man lesen kann. Der "
          "Bürgermeister sagte, das Haus sei für die Stadt ein Gewinn.")


def test_the_language_is_detected_by_default(article):
    s = libsumm.Summarizer()
    assert s.language == "auto"
    for text in (GERMAN, GERMAN.encode()):
        for method in ("summarize", "split", "scores"):
            got = getattr(s, method)(text)
            assert isinstance(got, libsumm.SentenceList) and got.language == "de", method
            # German stopwords and stemming, not English ones.
            assert got == getattr(libsumm.Summarizer("de"), method)(text)
        assert libsumm.split_sentences(text).language == "de"
        assert libsumm.summarize(text) == libsumm.summarize(text, language="de")
    assert [x.score for x in s.scores(GERMAN)] != \
        [x.score for x in libsumm.Summarizer("en").scores(GERMAN)]
    assert s.summarize(article).language == "en"  # the same object, another text
    assert libsumm.Summarizer(stopwords=["Bibliothek"]).split(GERMAN).language == "de"
    assert libsumm.Summarizer("AUTO").summarize(GERMAN).language == "de"


def test_results_report_the_language_used():
    assert libsumm.Summarizer("en").summarize(GERMAN).language == "en"
    assert libsumm.Summarizer("german").split("Kurz.").language == "de"
    assert libsumm.split_sentences("Kurz.", language="und").language == "und"
    assert libsumm.Summarizer().split("").language == "und"  # no evidence
    assert libsumm.Summarizer().scores("12345.").language == "und"
    result = libsumm.Summarizer().split("Ein Satz. Noch ein Satz.")
    assert [x.text for x in result] == ["Ein Satz.", "Noch ein Satz."]
    assert repr(result).startswith("SentenceList([") and repr(result).endswith(
        ", language='%s')" % result.language)
    assert type(result[:1]) is list  # slices are plain lists


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
    assert set(o) == set([o.name for o in libsumm.options()])
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


def test_errors_carry_the_librarys_status_name():
    cases = [
        (lambda: libsumm.Summarizer("xx"), libsumm.UnknownLanguageError, -4, "unknown_lang"),
        (lambda: libsumm.Summarizer(algorithm="nope"), libsumm.UnknownAlgorithmError, -7,
         "unknown_algo"),
        (lambda: libsumm.Summarizer(damping=2), libsumm.InvalidArgumentError, -2,
         "invalid_arg"),
        (lambda: libsumm.Summarizer(max_input_bytes=1).split("Too long."),
         libsumm.InputTooLargeError, -6, "too_large"),
        (lambda: libsumm.Summarizer().split(b"bad \xff"), libsumm.InvalidUTF8Error, -3,
         "invalid_utf8"),
    ]
    for call, exc, code, status in cases:
        with pytest.raises(exc) as info:
            call()
        assert (info.value.code, info.value.status) == (code, status)
    assert libsumm.Error.code is None and libsumm.Error.status is None


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


def test_a_whole_float_is_a_whole_number():
    # As in C, the CLI and Lua: 2.0 is 2, and 2.5 is refused by the library.
    text = "One two three. Four five six. Seven eight nine. Ten eleven twelve."
    assert libsumm.Summarizer(sentences=2.0).summarize(text) == \
        libsumm.Summarizer(sentences=2).summarize(text)
    with pytest.raises(ValueError, match=r"^sentences: 2\.5 is not a whole number$"):
        libsumm.Summarizer(sentences=2.5)


@pytest.mark.parametrize("bad", [None, 42, 1.5, ["text"], object()])
def test_text_of_the_wrong_type(bad):
    with pytest.raises(TypeError):
        libsumm.Summarizer().summarize(bad)
    with pytest.raises(TypeError):
        libsumm.summarize(bad)


@pytest.mark.parametrize("kw", [
    {"sentences": True}, {"words": [1]}, {"ratio": True},
    {"ratio": [0.5]}, {"algorithm": 1}, {"max_input_bytes": b"1"},
    {"no_such_option": 1}, {"Damping": 0.5}, {"max-iterations": 5},
    {"lenient": 1.0}, {"lenient": []}, {"position_weight": True}, {"cue_words": "word"},
    {"stigma_words": [1, 2]}, {"cue_words": 3},
])
def test_option_of_the_wrong_type(kw):
    with pytest.raises(TypeError):
        libsumm.Summarizer(**kw)
    with pytest.raises(TypeError):
        libsumm.Summarizer().summarize("Some text.", **kw)


@pytest.mark.parametrize("kw", [
    {"mmr_lambda": 1.01}, {"mmr_lambda": -0.5}, {"position_weight": -0.1},
    {"position_weight": 1.5}, {"damping": 1}, {"damping": -0.2}, {"tolerance": -1},
    {"max_iterations": 1.5}, {"sentences": 2.5},
    {"tolerance": float("inf")}, {"max_iterations": -1}, {"lexrank_threshold": 1.0},
    {"lexrank_threshold": -0.5}, {"max_neighbours": 2 ** 32}, {"lsa_dimensions": -3},
    {"cue_words": ["a\x00b"]}, {"sentences": -1}, {"sentences": 2 ** 32}, {"words": -1},
    {"bytes": -5}, {"bytes": 2 ** 70}, {"bytes": 2 ** 2000}, {"ratio": 1.5}, {"ratio": -0.1},
    {"ratio": float("nan")}, {"ratio": float("inf")}, {"max_input_bytes": 2 ** 32},
    {"lenient": 2}, {"sentences": "three"}, {"ratio": "150%"}, {"damping": "1.5"},
    {"position_weight": "on"}, {"mmr_lambda": "1,5"}, {"score_order": "maybe"},
    {"sentences": "off"}, {"algorithm": "nope"},
])
def test_option_out_of_range(kw):
    with pytest.raises(ValueError):
        libsumm.Summarizer(**kw)
    with pytest.raises(ValueError):
        libsumm.summarize("Some text.", **kw)
    with pytest.raises(ValueError):
        libsumm.Summarizer().scores("Some text.", **kw)


@pytest.mark.parametrize("kw,message", [
    ({"damping": 1.5}, "damping: 1.5 is outside (0, 1)"),
    ({"ratio": 2}, "ratio: 2 is outside (0, 1]"),
    ({"ratio": "150%"}, "ratio: 1.5 is outside (0, 1]"),
    ({"sentences": -1}, "sentences: -1 is outside [1, 4294967295]"),
    ({"tolerance": -1e-3}, "tolerance: -0.001 is outside (0, inf)"),
    ({"sentences": "three"}, "sentences: 'three' is not a number"),
    ({"lenient": 2}, "lenient: 2 is not 0 or 1"),
    ({"score_order": "maybe"}, "score_order: 'maybe' is not on or off"),
])
def test_value_errors_are_the_library_message(kw, message):
    # The library words every message; the binding passes it on verbatim.
    for call in (lambda: libsumm.Summarizer(**kw),
                 lambda: libsumm.Summarizer().summarize("Some text.", **kw)):
        with pytest.raises(ValueError) as info:
            call()
        assert str(info.value) == message
        assert isinstance(info.value, libsumm.InvalidArgumentError) and info.value.code == -2


def test_unknown_algorithm_is_a_value_and_a_lookup_error():
    with pytest.raises(ValueError) as info:
        libsumm.Summarizer(algorithm="nope")
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, libsumm.UnknownAlgorithmError)
    assert str(info.value).startswith("algorithm: 'nope' is not one of ")
    for name in libsumm.algorithms():
        assert name in str(info.value)


def number_text(x):
    """A number as the library writes it: the shortest %g that reads back."""
    if isinstance(x, int):
        return str(x)
    for digits in range(1, 18):
        text = "%.*g" % (digits, x)
        if float(text) == x:
            return text
    return repr(x)


def bounds_text(o):
    return "%s%s, %s%s" % ("(" if o.min_open else "[", number_text(o.min), number_text(o.max),
                           ")" if o.max_open else "]")


def valid_values(o):
    """Values every row of the table must accept, with what options reads back."""
    if o.type == "uint":
        return [(o.min, o.min), (o.max, o.max), (str(o.min), o.min)]
    if o.type == "real":
        inside = (o.min + o.max) / 2 if math.isfinite(o.max) else o.min + 1
        values = [(inside, inside), (repr(inside), inside)]
        if not o.max_open and not o.off_text:  # a closed max may be the off value
            values.append((o.max, o.max))
        if o.off_text:
            values.append((o.off_text, o.off_text))
        return values
    if o.type == "bool":
        return [(True, True), (False, False), (1, True), ("on", True), ("off", False)]
    if o.type == "algorithm":
        return [(name, name) for name in libsumm.algorithms()] + [("default", "textrank")]
    if o.type == "words":
        return [(["alpha", "Beta"], ("alpha", "Beta")), ((), ())]
    if o.type == "choice":
        return [(name, name) for name in o.choices] + [("default", None)]
    raise AssertionError("an option type the tests do not know: %s" % o.type)


def refused_value(o):
    """A value outside a numeric row's bounds, with the library's message."""
    if o.type == "uint":
        value = o.max + 1
    elif math.isfinite(o.max) and not o.max_open:
        value = o.max + 0.5
    else:
        value = o.min - 0.5
    assert value != 0
    return value, "%s: %s is outside %s" % (o.name, number_text(value), bounds_text(o))


@pytest.mark.parametrize("o", libsumm.options(), ids=lambda o: o.name)
def test_every_option_takes_its_values(o, article):
    for value, shown in valid_values(o):
        s = libsumm.Summarizer(**{o.name: value})
        got = s.options[o.name]
        assert got == (pytest.approx(shown) if isinstance(shown, float) else shown), value
        text = article[:2000]
        try:
            want = s.summarize(text)
        except libsumm.InputTooLargeError:
            assert o.name == "max_input_bytes"
            text = "A"
            want = s.summarize(text)
        assert libsumm.Summarizer().summarize(text, **{o.name: value}) == want


@pytest.mark.parametrize("o", [o for o in libsumm.options() if o.type in ("uint", "real")],
                         ids=lambda o: o.name)
def test_every_number_out_of_bounds_gives_the_library_message(o):
    value, message = refused_value(o)
    with pytest.raises(ValueError) as info:
        libsumm.Summarizer(**{o.name: value})
    assert str(info.value) == message
    with pytest.raises(ValueError) as info:
        libsumm.Summarizer().split("Some text.", **{o.name: number_text(value)})
    assert str(info.value) == message


@pytest.mark.parametrize("o", libsumm.options(), ids=lambda o: o.name)
def test_none_and_zero_mean_the_default_for_every_option(o, article):
    default = libsumm.Summarizer()
    values = [None] if o.type == "words" else [None, "default"]
    if o.type not in ("algorithm", "choice", "words"):
        values.append(0)
    for value in values:
        s = libsumm.Summarizer(**{o.name: value})
        assert s.options == default.options, value
        assert s.scores(article) == default.scores(article)
    # None after another value restores the default for that call.
    other = valid_values(o)[0][0]
    assert libsumm.Summarizer(**{o.name: other}).scores(article, **{o.name: None}) == \
        default.scores(article)


def test_options_reads_back_the_defaults():
    d = libsumm.Summarizer().options
    assert list(d) == [o.name for o in libsumm.options()]
    for o in libsumm.options():
        if o.type == "bool":
            assert d[o.name] is False
        elif o.type in ("words", "algorithm"):
            assert d[o.name] == o.default
        else:
            assert d[o.name] is None, o.name


def test_str_values_are_read_as_the_command_line_reads_them(article):
    s = libsumm.Summarizer(ratio="10%", algorithm="lexrank", position_weight="off",
                           sentences="3", damping="0.5", lenient="yes", mmr_lambda="off")
    o = s.options
    assert o["ratio"] == pytest.approx(0.1) and o["algorithm"] == "lexrank"
    assert o["position_weight"] == "off" and o["sentences"] == 3 and o["damping"] == 0.5
    assert o["lenient"] is True and o["mmr_lambda"] == "off"
    assert s.summarize(article) == libsumm.Summarizer(
        ratio=0.1, algorithm="lexrank", position_weight="off", sentences=3, damping=0.5,
        lenient=True).summarize(article)
    # SUMM_OFF, the C spelling of "off", reads back as "off" too.
    assert libsumm.Summarizer(position_weight=-1.0).options["position_weight"] == "off"


def test_position_weight_zero_is_the_default_and_off_turns_it_off(article):
    default = libsumm.Summarizer().scores(article)
    assert libsumm.Summarizer(position_weight=0).scores(article) == default
    assert libsumm.Summarizer(position_weight=0.25).scores(article) == default
    off = libsumm.Summarizer(position_weight="off").scores(article)
    assert [x.score for x in off] != [x.score for x in default]


@pytest.mark.parametrize("kw", [
    {"mmr_lambda": 0.7}, {"position_weight": 0.1}, {"position_weight": 1.0},
    {"position_weight": "off"}, {"damping": 0.5}, {"tolerance": 1e-3}, {"max_iterations": 5},
    {"lexrank_threshold": 0.3}, {"max_neighbours": 4}, {"lsa_dimensions": 2},
    {"min_sentence_words": 4}, {"cue_words": ["library"], "stigma_words": ("town",)},
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
    lead = libsumm.Summarizer(position_weight="off").scores(article)
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
    explicit = libsumm.Summarizer(**{o.name: None for o in libsumm.options()}).options
    assert explicit == d


def test_option_table_describes_every_keyword():
    table = libsumm.options()
    assert table is libsumm.options()  # immutable, made once
    assert isinstance(table, tuple) and all(isinstance(o, libsumm.OptionInfo) for o in table)
    names = [o.name for o in table]
    assert len(set(names)) == len(names)
    assert set(libsumm.Summarizer().options) == set(names)
    by_name = {o.name: o for o in table}
    damping = by_name["damping"]
    assert (damping.type, damping.min, damping.max, damping.min_open, damping.max_open) == \
        ("real", 0.0, 1.0, True, True)
    assert damping.default == 0.85 and damping.default_text == "0.85"
    assert by_name["position_weight"].off_text == "off"
    assert by_name["position_weight"].default == 0.25
    assert by_name["sentences"].default is None and by_name["sentences"].min == 1
    assert by_name["algorithm"].default == "textrank"
    assert by_name["min_sentence_words"].type == "uint"
    for o in table:
        assert o.type in ("uint", "real", "bool", "algorithm", "choice", "words"), o
        assert o.doc and o.default_text and o.group
        if o.type in ("uint", "real"):
            assert o.min <= o.max and o.value_name


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


def stub_source():
    with open(os.path.join(os.path.dirname(libsumm.__file__), "__init__.pyi"),
              encoding="utf-8") as f:
        return f.read()


def test_stub_names_match_the_module():
    stub = stub_source()
    for name in libsumm.__all__:
        assert re.search(r"\b%s\b" % re.escape(name), stub), name


def keyword_names(func):
    return [a.arg for a in func.args.args + func.args.kwonlyargs]


def test_stub_signatures_list_every_option():
    tree = ast.parse(stub_source())
    summarizer = next(n for n in tree.body if isinstance(n, ast.ClassDef) and
                      n.name == "Summarizer")
    init = next(n for n in summarizer.body if isinstance(n, ast.FunctionDef) and
                n.name == "__init__")
    summarize = [n for n in tree.body if isinstance(n, ast.FunctionDef) and
                 n.name == "summarize"]
    assert len(summarize) == 2  # the str and the bytes overloads
    names = [o.name for o in libsumm.options()]
    for func in [init] + summarize:
        listed = keyword_names(func)
        missing = [name for name in names if name not in listed]
        assert not missing, "add to __init__.pyi: %s" % missing
        assert func.args.kwarg is None  # so type checkers catch a misspelt keyword


def test_import_without_docstrings():
    # python -OO drops docstrings, which the option list is written into.
    code = ("import libsumm; assert libsumm.__doc__ is None; "
            "print(len(libsumm.split_sentences('One here. Two there.')))")
    out = subprocess.run([sys.executable, "-OO", "-c", code], capture_output=True, check=True,
                         env=os.environ, timeout=60).stdout
    assert out.strip() == b"2"


def test_help_documents_every_option():
    text = pydoc.render_doc(libsumm, renderer=pydoc.plaintext)
    for o in libsumm.options():
        for doc in (libsumm.__doc__, libsumm.Summarizer.__doc__, text):
            assert "%s=" % o.name in doc, o.name
        # The documentation line is the table's, wrapped.
        assert " ".join(o.doc.split()[:3]) in " ".join(libsumm.__doc__.split()), o.name
    assert "damping=D" in text and "D in (0, 1); default: 0.85" in " ".join(text.split())


def test_explain_tells_why_position_was_weighed(article):
    s = libsumm.Summarizer("en", algorithm="adaptive")
    result = s.summarize(article, sentences=3)
    e = result.explain
    assert e["algorithm"] == "adaptive"
    assert e["sentences"] == 21
    assert e["summary_share"] == pytest.approx(3 / 21)
    assert -1.0 <= e["position_centrality"] <= 1.0
    assert 0.0 <= e["lede_weight"] <= 1.0
    # A long summary of the same text is no lede.
    assert s.summarize(article, ratio=0.5).explain["lede_weight"] == 0.0
    assert s.summarize(article, sentences=3, lede_weight=0.5).explain["lede_weight"] == 0.5
    assert s.summarize(article, lede_weight="off").explain["lede_weight"] == 0.0
    assert s.scores(article, sentences=3).explain == e
    # The default (textrank) and the other algorithms have no evidence.
    assert libsumm.Summarizer("en").summarize(article).explain is None
    assert s.summarize(article, algorithm="textrank").explain is None
    assert s.split(article).explain is None
    assert libsumm.split_sentences(article).explain is None
