#!/usr/bin/python3
"""Checks libsumm's C ROUGE against the pure-Python reference (rouge_ref.py)
on the evaluation sets and reports how much faster the C one is (CPU time of this process,
ctypes call overhead included).

Candidates are libsumm's TF-IDF summaries (one sentence per line, budget as
in quality.py) scored against every reference of the document, with ROUGE-1,
ROUGE-2, ROUGE-L and ROUGE-Lsum: precision, recall and F1 must agree to 4
decimals (the largest difference is printed). English uses the ASCII
tokenizer with Porter stemming; other languages the Unicode tokenizer
without stemming (rouge_ref.py has no Snowball stemmers for them).

Usage: bench/rouge_crosscheck.py [DATA_DIR_OR_FILES...] [--limit N]
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import quality  # noqa: E402
import rouge_ref  # noqa: E402
import summ_ctypes as S  # noqa: E402

METRICS = [("rouge1", S.ROUGE_N, 1), ("rouge2", S.ROUGE_N, 2), ("rougeL", S.ROUGE_L, 0),
           ("rougeLsum", S.ROUGE_LSUM, 0)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*",
                    default=[os.path.join(S.ROOT, "..", "shared", "data", "summ")])
    ap.add_argument("--limit", type=int, default=0, help="at most N documents per set")
    ap.add_argument("--lib")
    ap.add_argument("--markdown", metavar="FILE",
                    help="also write the table into FILE between <!-- crosscheck --> markers")
    args = ap.parse_args()
    out = []

    def emit(line):
        print(line)
        sys.stdout.flush()
        out.append(line)

    lib = S.load(args.lib)
    worst_all, t_c_all, t_py_all, pairs_all, failed = 0.0, 0.0, 0.0, 0, 0
    emit("%-18s %5s %7s %11s %10s %10s %8s" % ("set", "docs", "scores", "max |diff|", "C s",
                                               "Python s", "ratio"))
    for path in quality.load_sets(args.paths):
        docs = quality.read_jsonl(path, args.limit)
        name = os.path.basename(path).split(".")[0]
        summ, work = {}, []
        for d in docs:
            lang = d["lang"]
            if lang not in summ:
                summ[lang] = S.Summarizer(lib, lang, "tfidf")
            summ[lang].budget(max_sentences=quality.budget_of(d, "sentences"))
            cand = b"\n".join(summ[lang].summarize(d["text"].encode())).decode()
            work.append((lang, cand, d["references"]))
        for s in summ.values():
            s.close()

        rouges = {}
        for lang in {w[0] for w in work}:
            rouges[lang] = (S.Rouge(lib, S.TOKENIZER_ASCII, "porter") if lang == "en"
                            else S.Rouge(lib, S.TOKENIZER_UNICODE, None))
        enc = [(lang, cand.encode(), [r.encode() for r in refs]) for lang, cand, refs in work]
        t0 = time.process_time()
        c_scores = [[rouges[lang].score(kind, n, cand, refs) for _, kind, n in METRICS]
                    for lang, cand, refs in enc]
        t_c = time.process_time() - t0
        for r in rouges.values():
            r.close()

        t0 = time.process_time()
        py_scores = []
        for lang, cand, refs in work:
            mode, stem = ("ascii", rouge_ref.porter_stem) if lang == "en" else ("unicode", None)
            py_scores.append([rouge_ref.score(m, cand, refs, mode, stem) for m, _, _ in METRICS])
        t_py = time.process_time() - t0

        worst = 0.0
        for i, (cs, ps) in enumerate(zip(c_scores, py_scores)):
            for (m, _, _), c, p in zip(METRICS, cs, ps):
                diff = max(abs(a - b) for a, b in zip(c, p))
                if round(diff, 4) != 0 or any(round(a, 4) != round(b, 4) for a, b in zip(c, p)):
                    failed += 1
                    emit("  MISMATCH %s doc %d %s: C %s Python %s" % (name, i, m, c, p))
                worst = max(worst, diff)
        n_scores = len(docs) * len(METRICS)
        emit("%-18s %5d %7d %11.2g %10.4f %10.2f %7.0fx" % (name, len(docs), n_scores, worst,
                                                             t_c, t_py, t_py / t_c))
        worst_all = max(worst_all, worst)
        t_c_all += t_c
        t_py_all += t_py
        pairs_all += n_scores
    emit("%-18s %5s %7d %11.2g %10.4f %10.2f %7.0fx" % ("all", "", pairs_all, worst_all, t_c_all,
                                                         t_py_all, t_py_all / t_c_all))
    emit("%s: %d score(s) differ at 4 decimals" % ("FAIL" if failed else "OK", failed))
    if args.markdown:
        quality.replace_section(args.markdown, "crosscheck", "```\n" + "\n".join(out) + "\n```\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
