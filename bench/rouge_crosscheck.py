#!/usr/bin/python3
"""Checks libsumm's C ROUGE against the pure-Python reference (rouge_ref.py)
on the evaluation sets and reports how much faster the C one is: timed in C
by build/bench/speed --rouge on the same pairs (the module's own speed), and
through ctypes from this process (Python's per-call cost included).

Candidates are libsumm's TF-IDF summaries (one sentence per line, budget as
in quality.py) scored against every reference of the document, with ROUGE-1,
ROUGE-2, ROUGE-L and ROUGE-Lsum: precision, recall and F1 must agree to 4
decimals (the largest difference is printed). English uses the ASCII
tokenizer with Porter stemming; other languages the Unicode tokenizer
without stemming (rouge_ref.py has no Snowball stemmers for them).

Usage: bench/rouge_crosscheck.py [DATA_DIR_OR_FILES...] [--limit N]
                                 [--exe build/bench/speed]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import quality  # noqa: E402
import rouge_ref  # noqa: E402
import summ_ctypes as S  # noqa: E402

METRICS = [("rouge1", S.ROUGE_N, 1), ("rouge2", S.ROUGE_N, 2), ("rougeL", S.ROUGE_L, 0),
           ("rougeLsum", S.ROUGE_LSUM, 0)]


def time_in_c(exe, lang, work):
    """CPU seconds of the C scorer alone on these (lang, candidate, references)
    records, all four metrics of each, with the settings used here for lang:
    the median of 5 runs of build/bench/speed --rouge."""
    with tempfile.NamedTemporaryFile(suffix=".pairs") as f:
        f.write(b"\x1e".join(b"\x1f".join([cand] + refs) for _, cand, refs in work))
        f.flush()
        opts = ["--rouge-stemmer", "porter"] if lang == "en" else [
            "--rouge-unicode", "--rouge-stemmer", "none"]
        p = subprocess.run([exe, "--runs", "5", "--rouge", f.name, "--rouge-metrics",
                            "1,2,L,Lsum", *opts], capture_output=True, text=True, check=True)
    r = json.loads(p.stdout)
    if r["pairs"] != len(work):
        raise SystemExit("speed read %d pairs of %d" % (r["pairs"], len(work)))
    return r["median_s"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*",
                    default=[os.path.join(S.ROOT, "..", "shared", "data", "summ")])
    ap.add_argument("--limit", type=int, default=0, help="at most N documents per set")
    ap.add_argument("--lib")
    ap.add_argument("--exe", default=os.path.join(S.ROOT, "build", "bench", "speed"),
                    help="the speed program (meson -Dbench=true) that times the C side in C")
    ap.add_argument("--markdown", metavar="FILE",
                    help="also write the table into FILE between <!-- crosscheck --> markers")
    args = ap.parse_args()
    out = []

    def emit(line):
        print(line)
        sys.stdout.flush()
        out.append(line)

    lib = S.load(args.lib)
    if not os.path.exists(args.exe):
        raise SystemExit("%s not found: meson setup build -Dbench=true && ninja -C build"
                         % args.exe)
    worst_all, t_c_all, t_n_all, t_py_all, pairs_all, failed = 0.0, 0.0, 0.0, 0.0, 0, 0
    emit("%-18s %5s %7s %11s %9s %9s %9s %7s %7s" % (
        "set", "docs", "scores", "max |diff|", "C s", "ctypes s", "Python s", "ratio",
        "ctypes"))
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
        t_native = sum(time_in_c(args.exe, lang, [w for w in enc if w[0] == lang])
                       for lang in {w[0] for w in enc})

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
        emit("%-18s %5d %7d %11.2g %9.4f %9.4f %9.2f %6.0fx %6.0fx" % (
            name, len(docs), n_scores, worst, t_native, t_c, t_py, t_py / t_native, t_py / t_c))
        worst_all = max(worst_all, worst)
        t_n_all += t_native
        t_c_all += t_c
        t_py_all += t_py
        pairs_all += n_scores
    emit("%-18s %5s %7d %11.2g %9.4f %9.4f %9.2f %6.0fx %6.0fx" % (
        "all", "", pairs_all, worst_all, t_n_all, t_c_all, t_py_all, t_py_all / t_n_all,
        t_py_all / t_c_all))
    emit("%s: %d score(s) differ at 4 decimals" % ("FAIL" if failed else "OK", failed))
    if args.markdown:
        quality.replace_section(args.markdown, "crosscheck", "```\n" + "\n".join(out) + "\n```\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
