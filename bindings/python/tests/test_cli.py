"""The binding gives the same results as the summarize command line for the
same options: sentence indices, byte offsets, scores and the text output."""
import subprocess

import pytest

import libsumm
from test_properties import PIECES

OPTION_SETS = [
    ({"sentences": 3, "algorithm": algo}, ["-n", "3", "-a", algo])
    for algo in libsumm.algorithms()
] + [
    ({}, []),
    ({"sentences": 3}, ["-n", "3"]),
    ({"ratio": 0.5}, ["-r", "0.5"]),
    ({"words": 60}, ["-w", "60"]),
    ({"bytes": 500}, ["-b", "500"]),
    ({"sentences": 4, "algorithm": "lead"}, ["-n", "4", "-a", "lead"]),
    ({"sentences": 4, "algorithm": "tfidf", "score_order": True},
     ["-n", "4", "-a", "tfidf", "--score-order"]),
    ({"sentences": 5, "no_stemming": True, "keep_stopwords": True},
     ["-n", "5", "--no-stem", "--keep-stopwords"]),
]

UNICODE_TEXT = " ".join(PIECES * 3) + "\nThe end of the story. Really the end!"


def cli(exe, args, data):
    # Both detect the language unless told.
    p = subprocess.run([exe, *args], input=data, capture_output=True, timeout=60, check=True)
    return p.stdout


def parse_tsv(out):
    rows = []
    for line in out.decode("utf-8").splitlines():
        index, start, end, score, _text = line.split("\t", 4)
        rows.append((int(index), int(start), int(end), score))
    return rows


def rows_of(sents):
    return [(s.index, s.start, s.end, "%.6g" % s.score) for s in sents]


@pytest.mark.parametrize("options,args", OPTION_SETS)
@pytest.mark.parametrize("which", ["article", "unicode"])
def test_same_spans_and_scores_as_the_cli(summarize_exe, article, options, args, which):
    raw = (article if which == "article" else UNICODE_TEXT).encode("utf-8")
    s = libsumm.Summarizer(**options)
    assert rows_of(s.summarize(raw)) == parse_tsv(cli(summarize_exe, args + ["-f", "tsv"], raw))
    assert rows_of(s.scores(raw)) == \
        parse_tsv(cli(summarize_exe, args + ["--scores", "-f", "tsv"], raw))
    assert rows_of(s.split(raw)) == \
        parse_tsv(cli(summarize_exe, args + ["--split", "-f", "tsv"], raw))


@pytest.mark.parametrize("options,args", OPTION_SETS)
def test_same_text_output_as_the_cli(summarize_exe, article, options, args):
    for text in (article, UNICODE_TEXT, article.replace("\n", "\r\n")):
        want = cli(summarize_exe, args, text.encode("utf-8"))
        assert want.endswith(b"\n")
        assert libsumm.summarize(text, **options) + "\n" == want.decode("utf-8")
        assert libsumm.summarize(text.encode("utf-8"), **options) + b"\n" == want


def test_same_sentences_as_cli_split(summarize_exe):
    want = cli(summarize_exe, ["--split"], UNICODE_TEXT.encode()).decode().splitlines()
    assert [t.replace("\n", " ").replace("\r", " ")
            for t in libsumm.split_sentences(UNICODE_TEXT)] == want


def test_same_error_for_invalid_utf8(summarize_exe):
    raw = b"Good start. Bad \xc0\xaf end."
    p = subprocess.run([summarize_exe], input=raw, capture_output=True, timeout=60)
    assert p.returncode == 1
    with pytest.raises(UnicodeDecodeError) as info:
        libsumm.summarize(raw)
    assert ("byte %d" % info.value.start).encode() in p.stderr


def test_same_results_with_the_detected_language(summarize_exe, article):
    german = ("Der Gemeinderat hat am Dienstag beschlossen, das alte Fährterminal in eine "
              "Bibliothek umzubauen. Die Arbeiten sollen im Frühjahr beginnen. Viele Bürger "
              "hatten sich seit Jahren dafür eingesetzt. Die Kosten trägt zum Teil das Land.")
    for text in (article, german):
        raw = text.encode()
        got = rows_of(libsumm.Summarizer().summarize(raw, sentences=2))
        assert got == parse_tsv(cli(summarize_exe, ["-n", "2", "-f", "tsv"], raw))
        assert rows_of(libsumm.Summarizer("en").summarize(raw, sentences=2)) == \
            parse_tsv(cli(summarize_exe, ["-l", "en", "-n", "2", "-f", "tsv"], raw))


def test_same_results_with_extra_stopwords_and_abbreviations(summarize_exe, article, tmp_path):
    stop, abbr = tmp_path / "stop.txt", tmp_path / "abbr.txt"
    stop.write_text("westerby\nlibrary\n", encoding="utf-8")
    abbr.write_text("approx.\nzork\n", encoding="utf-8")
    text = article + "\nIt cost approx. Ten pounds. It was zork. Then it rained."
    s = libsumm.Summarizer(stopwords=["westerby", "library"], abbreviations=["approx.", "zork"])
    args = ["--stopwords", str(stop), "--abbreviations", str(abbr), "-f", "tsv"]
    raw = text.encode()
    assert rows_of(s.scores(raw)) == parse_tsv(cli(summarize_exe, args + ["--scores"], raw))
    assert rows_of(s.summarize(raw, sentences=3)) == \
        parse_tsv(cli(summarize_exe, args + ["-n", "3"], raw))


@pytest.mark.parametrize("o", [o for o in libsumm.options() if o.type in ("uint", "real")],
                         ids=lambda o: o.name)
def test_same_message_for_a_refused_value(summarize_exe, o):
    usage = subprocess.run([summarize_exe, "--help"], capture_output=True, timeout=60).stdout
    if b"--min-sentence-words" not in usage:
        pytest.skip("this summarize predates the option table (no --min-sentence-words)")
    value = "-0.5" if o.type == "real" else "0.5"
    p = subprocess.run([summarize_exe, "--" + o.name.replace("_", "-"), value],
                       input=b"Some text.", capture_output=True, timeout=60)
    assert p.returncode == 2
    with pytest.raises(ValueError) as info:
        libsumm.Summarizer(**{o.name: float(value)} if o.type == "real" else {o.name: value})
    assert p.stderr.decode().splitlines()[0] == "summarize: " + str(info.value)
