"""Summarizer.keywords(): keyphrases with str indices for str input and byte
offsets for bytes, options by name, errors with the library's messages."""
import pytest

import libsumm

TEXT = ("Neural networks learn from data. A neural network is trained on examples.\n"
        "Deep neural networks \u2014 networks of many layers \u2014 learn features; "
        "gradient descent trains neural networks. Gradient descent is slow.\n")


def test_keyphrases_slice_the_text_as_str_indices():
    text = "\u00c9t\u00e9 \u2014 " + TEXT  # non-ASCII before: byte and str offsets differ
    found = libsumm.Summarizer("en").keywords(text, 5)
    assert isinstance(found, libsumm.KeyphraseList) and found.language == "en"
    assert 0 < len(found) <= 5
    for k in found:
        assert isinstance(k, libsumm.Keyphrase)
        assert text[k.start:k.end] == k.text
        assert k.count == len(k.spans) >= 1
        assert list(k.spans) == sorted(k.spans)
        assert (k.start, k.end) in k.spans
        for start, end in k.spans:
            assert text[start:end].lower().startswith(k.text.lower()[:3])
    assert [k.score for k in found] == sorted((k.score for k in found), reverse=True)


def test_variants_are_one_keyphrase():
    text = ("Neural networks are models. A neural network is trained. The neural networks "
            "of today are large; neural networks, in short.")
    top = libsumm.Summarizer("en").keywords(text, 10)[0]
    assert top.text == "neural networks" and top.count == 4
    assert [text[s:e] for s, e in top.spans] == [
        "Neural networks", "neural network", "neural networks", "neural networks"]


def test_bytes_give_byte_offsets():
    text = ("\u00c9t\u00e9 " + TEXT).encode()
    found = libsumm.Summarizer("en").keywords(text, 3)
    assert found and all(isinstance(k.text, bytes) for k in found)
    for k in found:
        assert text[k.start:k.end] == k.text
        assert all(text[s:e] for s, e in k.spans)


def test_n_none_and_zero_mean_ten():
    s = libsumm.Summarizer("en")
    long_text = " ".join("topic%d alpha%d, beta%d." % (i, i, i) for i in range(30))
    assert len(s.keywords(long_text)) == 10
    assert s.keywords(long_text, 0) == s.keywords(long_text, None)
    assert len(s.keywords(long_text, 25)) == 25
    with pytest.raises(ValueError):
        s.keywords(long_text, -1)
    with pytest.raises(TypeError):
        s.keywords(long_text, "3")


def test_options_by_name_and_the_library_messages():
    s = libsumm.Summarizer("en", keyphrase_algorithm="positionrank", keyphrase_window=4)
    assert s.options["keyphrase_algorithm"] == "positionrank"
    assert s.options["keyphrase_window"] == 4
    assert s.keywords(TEXT) == s.keywords(TEXT, keyphrase_algorithm="positionrank")
    with pytest.raises(ValueError) as info:
        libsumm.Summarizer(keyphrase_window=1)
    assert str(info.value) == "keyphrase_window: 1 is outside [2, 64]"
    with pytest.raises(ValueError) as info:
        s.keywords(TEXT, keyphrase_algorithm="pagerank")
    assert str(info.value) == "keyphrase_algorithm: 'pagerank' is not one of textrank, positionrank"
    with pytest.raises(TypeError):
        s.keywords(TEXT, keyphrase_algorithm=1)
    row = {o.name: o for o in libsumm.options()}["keyphrase_algorithm"]
    assert row.type == "choice" and row.choices == ("textrank", "positionrank")


def test_detected_language_and_empty_text():
    s = libsumm.Summarizer()
    assert s.keywords(TEXT).language == "en"
    empty = s.keywords("")
    assert empty == [] and isinstance(empty, libsumm.KeyphraseList)
    assert libsumm.Summarizer("en").keywords("The bridge and the other, to a 1999.") != []
    assert libsumm.Summarizer("en").keywords("the of and, to a. 1999 42") == []


def test_invalid_utf8_bytes():
    with pytest.raises(libsumm.InvalidUTF8Error):
        libsumm.Summarizer("en").keywords(b"neural \xff networks")
    found = libsumm.Summarizer("en", lenient=True).keywords(b"neural \xff networks")
    assert [k.text for k in found] == [b"neural", b"networks"]


def test_cjk_keyphrases_slice_the_text():
    text = "\u6771\u4eac\u90fd\u5e81\u306f\u65b0\u5bbf\u306b\u3042\u308b\u3002\u6771\u4eac\u90fd\u5e81\u3002"
    found = libsumm.Summarizer("ja").keywords(text, 5)
    assert found
    for k in found:
        assert text[k.start:k.end] == k.text
        for start, end in k.spans:
            assert 0 <= start < end <= len(text)
