#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target into fuzz/corpus/<target>/.

The seeds are small texts that reach the interesting corners of the
splitter and the pipeline: abbreviations, decimals, quotes and brackets,
ellipses, CJK and other terminators, CRLF and blank lines, invalid UTF-8,
NUL bytes and runs longer than SUMM_MAX_SENTENCE_BYTES. Inputs found by
fuzzing (crashes included) are added to the same directories by hand under
names that say what they are; this script never deletes files.

Usage: fuzz/gen_seeds.py   (from anywhere; writes next to itself)
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

TEXTS = {
    "article": (
        "Harbour town votes to turn old ferry terminal into a public library\n\n"
        "The council of Westerby voted on Tuesday night to convert the terminal. "
        "The plan will cost 4.2 million pounds. Mayor Alice Brennan said the decision "
        "gave the quay \"a reason to be visited again\". Opponents said the plan "
        "underestimated the cost of the roof. Work starts in May.\n"),
    "abbreviations": "Dr. Smith met Mr. J. R. Brown at 5 p.m. in the U.S.A. on Jan. 3. "
                     "They discussed e.g. costs, etc. and left. It was approx. 3.5 km away.",
    "quotes": "\"Stop!\" he said. 'Why?' she asked. (He did not answer.) [See note 4.] "
              "\u201cIt\u2019s over,\u201d he said. \u00abD\u00e9j\u00e0 vu.\u00bb Fin.",
    "nesting": "((((\"[{'Deep.'}]\")))) " * 8 + "End.",
    "ellipsis": "Wait... what? No\u2026 Yes! Really?! Fine\u203d Ok\u2049 Done.",
    "cjk": "\u4eca\u65e5\u306f\u6674\u308c\u3067\u3059\u3002\u660e\u65e5\u306f\u96e8"
           "\u3067\u3059\u3002\u300c\u672c\u5f53\uff1f\u300d\u306f\u3044\uff01",
    "numbers": "Version 1.2.3 was released. It costs $4.99. See www.example.com/a.b. "
               "Mail me at a.b@c.org. Pi is 3.14159. 1. First item. 2. Second item.",
    "crlf": "First line.\r\nSecond line\r\n\r\nThird paragraph. Fourth!\r\n",
    "blank_lines": "Heading without a period\n\n  \t\nA paragraph. Another one.\n\n\nEnd",
    "whitespace": " \t\u00a0\u2003 Spaced out. \u2028 Line separator.\u2029 \u200b Zero width.\u200b ",
    "stopwords": "the of and to a in is it that was for on are with as at be this " * 5,
    "digits": "123 456. 789! 0? 42 . 7 ... 1e10",
    "mixed_scripts": "\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440. "
                     "\u0393\u03b5\u03b9\u03ac \u03c3\u03bf\u03c5! \u05e9\u05dc\u05d5\u05dd. "
                     "\u0645\u0631\u062d\u0628\u0627\u061f Hallo Welt. \U0001f600 Emoji!",
    "combining": "Cafe\u0301 au lait. Nai\u0308ve re\u0301sume\u0301! \ufb01ne \u212b. Done.",
    "one": "x",
    "empty": "",
    "long_run": ("word " * 1100).strip(),
    "long_token": "a" * 4500 + ". Next sentence.",
}

RAW = {
    "invalid_byte": b"Fine text. Bad \xff byte. More.",
    "overlong": b"Over\xc0\xaflong. And \xe0\x80\xaf too.",
    "surrogate": b"High \xed\xa0\x80 surrogate. Low \xed\xbf\xbf one.",
    "truncated": b"Cut short \xe2\x82",
    "above_max": b"Too big \xf4\x90\x80\x80 here. Ok.",
    "nul_bytes": b"Before\x00after. Second\x00\x00sentence. \x00",
    "controls": b"Bell\x07 and\x1b[0m escape. Tab\there. Del\x7f.",
}

# Header bytes per target (see the comment at the top of each target).
SUMMARIZE_HEADERS = {
    "default": bytes(10),
    "lead_n2": bytes([0, 0, 0, 1, 2, 0, 0, 0, 0, 0]),
    "tfidf_ratio": bytes([1, 0, 0, 2, 0, 100, 0, 0, 0, 0]),
    "words_bytes": bytes([2, 0, 0x0C, 12, 3, 0, 20, 200, 0, 0]),
    "lenient_scoreorder": bytes([1, 0, 0x03, 1, 5, 0, 0, 0, 0, 0]),
    "nostem_keepstop": bytes([0, 0, 0x3C, 1, 3, 0, 0, 0, 0, 0]),
    "small_limit": bytes([1, 0, 0x40, 0, 0, 0, 0, 0, 0, 40]),
    "set_options": bytes([1, 0, 0x80 | 0x01, 15, 4, 60, 50, 0, 2, 0]),
}


def write(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def main():
    bodies = {k: v.encode("utf-8") for k, v in TEXTS.items()}
    bodies.update(RAW)
    headers = list(SUMMARIZE_HEADERS.items())
    for i, (name, body) in enumerate(sorted(bodies.items())):
        # Every text once with the default header, once with another one, so
        # each option combination meets several texts.
        write("fuzz_summarize", "seed-%s-default" % name, SUMMARIZE_HEADERS["default"] + body)
        hname, h = headers[1 + i % (len(headers) - 1)]
        write("fuzz_summarize", "seed-%s-%s" % (name, hname), h + body)
        write("fuzz_split", "seed-%s" % name, bytes([0, 0]) + body)
        write("fuzz_split", "seed-%s-lenient" % name, bytes([0, 1]) + body)
    write("fuzz_split", "seed-abbreviation-extra", bytes([0, 2]) + b"approx. 5 km. Next one.")

    cli_seeds = {
        "plain-file": (8, []),
        "plain-stdin": (0, []),
        "n2-json": (8 | 3, ["-n", "2", "-fjson"]),
        "tsv-scores": (8 | 2, ["--scores", "-f", "tsv"]),
        "split": (8 | 1, ["--split"]),
        "lenient-ratio": (8 | 2, ["--lenient", "-r0.5"]),
        "words-bytes-lead": (8 | 4, ["-w", "30", "-b", "400", "-a", "lead", "--score-order"]),
        "output-file": (8 | 2, ["-o", "out.txt"]),
        "two-files": (8 | 2, ["-n1", "in.txt"]),
        "dash-and-file": (8 | 1, ["-"]),
        "max-input": (8 | 2, ["--max-input", "10"]),
        "directory": (3, ["-n", "1", "."]),
        "missing-file": (1, ["nope.txt"]),
        "bad-options": (8 | 4, ["-n", "0", "--bogus", "-r", "x"]),
        "help": (1, ["--help"]),
        "version-lists": (3, ["-V", "--list-algorithms", "--list-languages"]),
        "language": (8 | 3, ["-l", "english", "--no-stem"]),
        "unknown-language": (8 | 2, ["-l", "xx"]),
        "split-and-scores": (8 | 2, ["--split", "--scores"]),
        "dev-full": (8 | 0x10 | 1, ["-n1"]),
        "keep-stopwords": (8 | 2, ["--keep-stopwords", "-a", "default"]),
    }
    body = TEXTS["article"].encode("utf-8")
    for name, (b0, args) in cli_seeds.items():
        data = bytes([b0]) + b"".join(a.encode() + b"\0" for a in args) + body
        write("fuzz_cli", "seed-" + name, data)
    write("fuzz_cli", "seed-invalid-utf8", bytes([8]) + RAW["invalid_byte"])
    write("fuzz_cli", "seed-nul-bytes", bytes([8 | 1, ]) + b"--split\0" + RAW["nul_bytes"])

    rouge_cases = {
        "n1-same": (bytes([0, 0, 0, 3]), ["The cat sat on the mat.", "The cat sat on the mat."]),
        "n2-two-refs": (bytes([0, 1, 0, 3]), ["the cat was found under the bed",
                                              "the cat was under the bed",
                                              "a dog slept on the bed"]),
        "l-porter": (bytes([1, 0, 2, 3]), ["Running runners ran quickly.",
                                           "The runner runs quick."]),
        "lsum-lines": (bytes([2, 0, 0, 3]), ["first line here\nsecond line there",
                                              "second line here\nfirst line there\nthird"]),
        "unicode-german": (bytes([1, 0, 1 | 6, 2]), ["Die Häuser standen am Fluss.",
                                                     "Das Haus stand am Flusse. Straße"]),
        "unicode-english": (bytes([2, 2, 1 | 4, 0]), ["Café naïve résumé façade",
                                                      "cafe naive resume facade"]),
        "empty-candidate": (bytes([0, 0, 0, 3]), ["", "something to match"]),
        "no-tokens": (bytes([1, 0, 0, 3]), ["!!! ??? ...", "--- ,,,"]),
        "cjk": (bytes([0, 0, 1, 3]), ["今日は晴れです。", "今日は雨です。"]),
        "four-refs": (bytes([0, 3, 0, 3]), ["a b c d e f g", "a b c", "d e f g", "a b c d e f g",
                                            "g f e d c b a"]),
    }
    for name, (h, parts) in rouge_cases.items():
        write("fuzz_rouge", "seed-" + name, h + b"\xff".join(p.encode("utf-8") for p in parts))
    write("fuzz_rouge", "seed-invalid-utf8", bytes([0, 0, 0, 3]) + b"ok text\xffbad \xc0\xaf text")

    # fuzz_alloc_fail: k (little endian), language, text.
    for k in (0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144):
        write("fuzz_alloc_fail", "seed-k%d-article" % k,
              bytes([k & 0xFF, k >> 8, 0]) + bodies["article"])
    for k, name in ((4, "quotes"), (9, "invalid_byte"), (30, "long_run"), (40, "cjk")):
        write("fuzz_alloc_fail", "seed-k%d-%s" % (k, name), bytes([k, 0, 0]) + bodies[name])


if __name__ == "__main__":
    main()
