#!/usr/bin/python3
"""How far a per-document choice of algorithm could go, on the evaluation sets.

For each *.jsonl set, summarizes every document with two algorithms (default
options, so the 0.25 position prior applies; budget and ROUGE as
bench/quality.py) and prints their mean ROUGE-1 F1, the share of documents
each wins, and the oracle: the better of the two for every document, as if a
perfect per-document switch existed. It also prints the result of switching
on the compression ratio (budget sentences / sentences of the text): the
first algorithm below the ratio, the second at or above it.

Usage: bench/method_oracle.py [DATA_DIR_OR_FILES...] [--pair pacsum,textrank]
                              [--ratios 0.3,0.35,0.4]
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import quality  # noqa: E402
import summ_ctypes as S  # noqa: E402


def per_document(lib, docs, algo, ratios=False):
    """R-1 F1 of every document for one algorithm, and with ratios=True also
    its compression ratio (budget / the text's sentences), as (r1, ratio)."""
    langs = sorted({d["lang"] for d in docs})
    summ = {lang: S.Summarizer(lib, lang, algo) for lang in langs}
    scorers = {lang: quality.Scorer(lib, lang) for lang in langs}
    out = []
    for d in docs:
        s = summ[d["lang"]]
        k = quality.budget_of(d, "sentences")
        s.budget(max_sentences=k)
        text = d["text"].encode()
        cand = b"\n".join(s.summarize(text))
        r1 = scorers[d["lang"]].score(cand, [r.encode() for r in d["references"]])[0]
        out.append((r1, k / max(1, len(s.split(text))) if ratios else None))
    for lang in langs:
        summ[lang].close()
        scorers[lang].rouge.close()
    return out


def main():
    default_data = os.path.join(S.ROOT, "..", "shared", "data", "summ")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", default=[default_data])
    ap.add_argument("--pair", default="pacsum,textrank")
    ap.add_argument("--ratios", default="0.3,0.35,0.4")
    ap.add_argument("--lib")
    args = ap.parse_args()
    a, b = args.pair.split(",")
    ratios = [float(x) for x in args.ratios.split(",")]
    lib = S.load(args.lib)
    files = quality.load_sets(args.paths)
    if not files:
        sys.exit("no *.jsonl files in %s" % " ".join(args.paths))
    head = ["set", a, b, a + " wins", b + " wins", "oracle"] + ["switch r<%g" % r for r in ratios]
    print("| " + " | ".join(head) + " |")
    print("|---" * len(head) + "|")
    for path in files:
        docs = quality.read_jsonl(path, 0)
        ra, rb = per_document(lib, docs, a, ratios=True), per_document(lib, docs, b)
        n = len(docs)

        def mean(xs):
            return 100 * sum(xs) / n
        row = [os.path.basename(path).split(".")[0],
               "%.2f" % mean([x[0] for x in ra]), "%.2f" % mean([x[0] for x in rb]),
               "%.0f %%" % mean([x[0] > y[0] for x, y in zip(ra, rb)]),
               "%.0f %%" % mean([y[0] > x[0] for x, y in zip(ra, rb)]),
               "%.2f" % mean([max(x[0], y[0]) for x, y in zip(ra, rb)])]
        for r in ratios:
            row.append("%.2f" % mean([x[0] if x[1] < r else y[0] for x, y in zip(ra, rb)]))
        print("| " + " | ".join(row) + " |", flush=True)


if __name__ == "__main__":
    main()
