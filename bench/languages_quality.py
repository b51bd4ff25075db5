#!/usr/bin/python3
"""ROUGE of the default algorithm on the non-English evaluation sets with the
language's own resources (stopwords and stemmer), with English resources,
with automatic identification ("auto") and with none ("und"), next to the
LEAD baseline (libsumm's lead algorithm: the first sentences).

Two budgets: as many sentences as the first reference has (split naively on
[.!?] + white space, as bench/quality.py does), and a fixed 3 sentences
(LEAD-3). ROUGE-1/2/L F1 x 100, mean over documents, best reference, scored
by libsumm's ROUGE with the Unicode tokenizer and the language's Snowball
stemmer (bench/quality.py's Scorer); "words" is the mean length of the
summaries in white-space separated words.

Usage: bench/languages_quality.py [FILES...] [--limit N] [--lib PATH]
FILES default to temario, cstnews, orangesum and klexikon under
../shared/data/summ relative to the repository root.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import summ_ctypes as S  # noqa: E402
from quality import Scorer, budget_of, read_jsonl  # noqa: E402

SETS = ["temario", "cstnews", "orangesum", "klexikon"]


def evaluate(lib, path, limit):
    docs = read_jsonl(path, limit)
    lang = docs[0]["lang"]
    scorer = Scorer(lib, lang)
    systems = [("lead", "lead", lang), ("default, %s resources" % lang, "default", lang),
               ("default, en resources", "default", "en"),
               ("default, auto", "default", "auto"),
               ("default, und (none)", "default", "und")]
    rows = {}
    for budget in ("reference", "3 sentences"):
        for label, algo, code in systems:
            s = S.Summarizer(lib, code, algo)
            tot = [0.0, 0.0, 0.0, 0.0]
            for d in docs:
                k = budget_of(d, "sentences") if budget == "reference" else 3
                s.budget(max_sentences=k)
                cand = b"\n".join(s.summarize(d["text"].encode()))
                sc = scorer.score(cand, [r.encode() for r in d["references"]])
                for j in range(3):
                    tot[j] += sc[j]
                tot[3] += len(cand.split()) / 100.0
            s.close()
            rows[(budget, label)] = [100 * x / len(docs) for x in tot]
    scorer.rouge.close()
    return lang, len(docs), systems, rows


def main():
    data = os.path.join(S.ROOT, "..", "shared", "data", "summ")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*",
                    default=[os.path.join(data, n + ".dev.jsonl") for n in SETS])
    ap.add_argument("--limit", type=int, default=0, help="at most N documents per set")
    ap.add_argument("--lib", help="path to libsumm.so (default: build/libsumm/libsumm.so)")
    args = ap.parse_args()
    lib = S.load(args.lib)
    for path in args.files:
        name = os.path.basename(path).split(".")[0]
        lang, n, systems, rows = evaluate(lib, path, args.limit)
        print("%s (%s, %d documents)" % (name, lang, n))
        print("  %-12s %-26s %6s %6s %6s %6s" % ("budget", "system", "R-1", "R-2", "R-L",
                                                 "words"))
        for budget in ("reference", "3 sentences"):
            for label, _, _ in systems:
                r = rows[(budget, label)]
                print("  %-12s %-26s %6.2f %6.2f %6.2f %6.1f" % (budget, label, r[0], r[1], r[2],
                                                               r[3]))
        print()
        sys.stdout.flush()


if __name__ == "__main__":
    main()
