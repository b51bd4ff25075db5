#!/usr/bin/python3
"""Shared pieces of the adaptive-algorithm study: the dumps of
bench/adaptive_dump.py, selection as libsumm's selector (best score first,
ties: earlier; document order), ROUGE-1/2/L through the library, cached per
selected set of sentences."""
import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import quality  # noqa: E402
import summ_ctypes as S  # noqa: E402

OUT = os.path.join(S.ROOT, "bench", "out")
DATA = os.path.join(S.ROOT, "..", "..", "shared", "data", "summ")
if not os.path.isdir(DATA):
    DATA = "/work/shared/data/summ"
SETS = ["bbc_news_summary", "cnndm_frank", "opinosis", "cstnews", "temario", "orangesum",
        "klexikon"]
# Per-set best R-1 of LEAD-k, OTS and every shipped algorithm (sentence budget,
# docs/BENCHMARKS.md); the target is each minus 0.3.
BEST = {"cnndm_frank": 40.81, "bbc_news_summary": 82.36, "opinosis": 39.19, "temario": 49.13,
        "cstnews": 54.77, "orangesum": 27.83, "klexikon": 36.44}


class Doc:
    __slots__ = ("name", "i", "lang", "text", "refs", "k", "kw", "spans", "sc", "cache", "n")


def load(names=SETS):
    lib = S.load()
    sets = {}
    for name in names:
        raw = quality.read_jsonl(os.path.join(DATA, name + ".dev.jsonl"), 0)
        docs = []
        with open(os.path.join(OUT, "adaptive_%s.jsonl" % name)) as f:
            for i, (line, d) in enumerate(zip(f, raw)):
                rec = json.loads(line)
                doc = Doc()
                doc.name, doc.i, doc.lang = name, i, d["lang"]
                doc.text = d["text"].encode()
                doc.refs = [r.encode() for r in d["references"]]
                doc.k, doc.kw = rec["k"], rec["kw"]
                doc.spans = rec["spans"]
                doc.n = len(doc.spans)
                doc.sc = {a: rec[a] for a in rec if a not in ("id", "lang", "k", "kw", "spans")}
                doc.cache = {}
                docs.append(doc)
        sets[name] = docs
    return lib, sets


_scorers = {}


def rouge(lib, doc, chosen):
    key = tuple(chosen)
    r = doc.cache.get(key)
    if r is None:
        sc = _scorers.get(doc.lang)
        if sc is None:
            sc = _scorers[doc.lang] = quality.Scorer(lib, doc.lang)
        cand = b"\n".join(doc.text[doc.spans[j][0]:doc.spans[j][1]] for j in key)
        r = doc.cache[key] = sc.score(cand, doc.refs)
    return r


def select(scores, k):
    order = sorted(range(len(scores)), key=lambda j: (-scores[j], j))
    return sorted(order[:k])


def minmax(xs):
    if not xs:
        return xs
    lo, hi = min(xs), max(xs)
    return [(x - lo) / (hi - lo) if hi > lo else 0.0 for x in xs]


def prior(xs, w):
    if w <= 0:
        return list(xs)
    return [(1 - w) * x + w / math.sqrt(1 + i) for i, x in enumerate(minmax(xs))]
