"""Property tests: whatever the text, offsets slice the input exactly, for str
and bytes alike, and the library never crashes."""
import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, strategies as st  # noqa: E402

import libsumm  # noqa: E402

# Pieces that stress offsets and boundaries: emoji (with ZWJ and skin tones),
# combining marks, right-to-left scripts, CJK, other terminators and white
# space; plus arbitrary code points except surrogates (which str.encode
# refuses).
PIECES = [
    "Hello", "world", "Dr.", "e.g.", " ", "  ", "\n", "\r\n", "\t", "\u00a0", "\u2029",
    ".", "!", "?", "...", "\u3002", "\uff01", "\u061f", "\u0964", '"', "\u201d", ")",
    "\U0001F600", "\U0001F469\u200D\U0001F4BB", "\U0001F44D\U0001F3FD", "\U0001F1EB\U0001F1F7",
    "e\u0301", "a\u0308\u0323", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627",
    "\u200f", "\u202e", "\u6f22\u5b57", "\u3053\u3093\u306b\u3061\u306f", "\ud55c\uad6d\uc5b4",
    "Zürich", "ﬁ", "\u0130", "ß", "\x00", "\ufeff", "A", "B.", "42", "3.14",
]

any_char = st.characters(blacklist_categories=("Cs",))
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(any_char, max_size=5)),
                 max_size=60).map("".join)

budgets = st.fixed_dictionaries({}, optional={
    "sentences": st.integers(1, 10),
    "ratio": st.floats(0.01, 1.0),
    "words": st.integers(1, 50),
    "bytes": st.integers(1, 400),
    "algorithm": st.sampled_from(libsumm.algorithms() + ["default"]),
    "score_order": st.booleans(),
    "no_stemming": st.booleans(),
    "keep_stopwords": st.booleans(),
})


def check_spans(text, sents, doc_order=True):
    last_end = 0
    for s in sents:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
        assert type(s.text) is (str if isinstance(text, str) else bytes)
        assert s.text == s.text.strip() or not isinstance(text, str) or s.text.strip()
    ordered = sents if doc_order else sorted(sents, key=lambda s: s.start)
    for s in ordered:
        assert s.start >= last_end  # sorted, never overlapping
        last_end = s.end
    indices = [s.index for s in ordered]
    assert indices == sorted(set(indices))


@given(texts)
def test_split_offsets_slice_str_and_bytes(text):
    s = libsumm.Summarizer()
    by_str = s.split(text)
    raw = text.encode("utf-8")
    by_bytes = s.split(raw)
    check_spans(text, by_str)
    check_spans(raw, by_bytes)
    assert [x.text.encode("utf-8") for x in by_str] == [x.text for x in by_bytes]
    assert [x.index for x in by_str] == list(range(len(by_str)))
    # The str index of a sentence is the number of code points before it.
    for a, b in zip(by_str, by_bytes):
        assert a.start == len(raw[:b.start].decode("utf-8"))
    assert libsumm.split_sentences(text) == [x.text for x in by_str]


@given(texts, budgets)
def test_summaries_and_scores_slice_the_text(text, options):
    s = libsumm.Summarizer()
    summary = s.summarize(text, **options)
    check_spans(text, summary, doc_order=not options.get("score_order"))
    raw = text.encode("utf-8")
    summary_b = s.summarize(raw, **options)
    assert [(x.text.encode("utf-8"), x.index, x.score) for x in summary] == \
        [(x.text, x.index, x.score) for x in summary_b]
    scores = s.scores(text, **options)
    check_spans(text, scores)
    assert [x.index for x in scores] == list(range(len(scores)))
    assert {x.index for x in summary} <= {x.index for x in scores}


@given(st.binary(max_size=300), st.booleans())
def test_arbitrary_bytes_never_crash(raw, lenient):
    s = libsumm.Summarizer(lenient=lenient)
    try:
        sents = s.summarize(raw)
    except libsumm.InvalidUTF8Error as e:
        assert not lenient
        assert e.object == raw and 0 <= e.start < len(raw)
        raw[:e.start].decode("utf-8")  # valid up to the reported byte
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")
        return
    check_spans(raw, sents)
    if not lenient:
        raw.decode("utf-8")
