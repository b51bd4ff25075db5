#!/usr/bin/python3
"""Per-document material for studying an adaptive algorithm, from the built
library: for every document of the evaluation sets, the library's sentence
spans and the scores of a few algorithms with the position prior off
(summ_score_sentences), plus the sentence budget of bench/quality.py.
Written as JSON lines to bench/out/adaptive_<set>.jsonl; nothing here reads
the references beyond the budget (their sentence count), as quality.py.

Usage: bench/adaptive_dump.py [DATA_DIR_OR_FILES...] [--algorithms A,B,...]
"""
import argparse
import ctypes
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import quality  # noqa: E402
import summ_ctypes as S  # noqa: E402

OUT = os.path.join(S.ROOT, "bench", "out")


def scores_of(summ, text):
    lib = summ.lib
    lib.summ_score_sentences.restype = ctypes.c_int
    lib.summ_score_sentences.argtypes = lib.summ_summarize.argtypes
    rc = lib.summ_score_sentences(summ.s, text, len(text), summ.r)
    if rc < 0:
        raise S.SummError(lib.summ_summarizer_errmsg(summ.s).decode())
    n = lib.summ_result_count(summ.r)
    sp = lib.summ_result_spans(summ.r)
    return [(sp[i].start, sp[i].end, sp[i].score) for i in range(n)]


def main():
    default_data = os.path.join(S.ROOT, "..", "shared", "data", "summ")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", default=[default_data])
    ap.add_argument("--algorithms", default="textrank,degree,pacsum,lexrank,sumbasic")
    ap.add_argument("--lib")
    args = ap.parse_args()
    lib = S.load(args.lib)
    os.makedirs(OUT, exist_ok=True)
    algos = args.algorithms.split(",")
    for path in quality.load_sets(args.paths):
        name = os.path.basename(path).split(".")[0]
        docs = quality.read_jsonl(path, 0)
        langs = sorted({d["lang"] for d in docs})
        summ = {(lang, a): S.Summarizer(lib, lang, a, position_weight=0.0)
                for lang in langs for a in algos}
        with open(os.path.join(OUT, "adaptive_%s.jsonl" % name), "w") as f:
            for d in docs:
                text = d["text"].encode()
                rec = {"id": d["id"], "lang": d["lang"],
                       "k": quality.budget_of(d, "sentences"),
                       "kw": quality.budget_of(d, "words")}
                for a in algos:
                    sc = scores_of(summ[(d["lang"], a)], text)
                    rec["spans"] = [[s, e] for s, e, _ in sc]
                    rec[a] = [x for _, _, x in sc]
                f.write(json.dumps(rec) + "\n")
        for s in summ.values():
            s.close()
        print(name, len(docs), flush=True)


if __name__ == "__main__":
    main()
