#!/usr/bin/python3
"""Summary quality of every libsumm algorithm on the evaluation sets.

For each *.jsonl set (schema of the evaluation data README) and each
algorithm of summ_algorithm_list(), plus a LEAD-k baseline computed here and
the Open Text Summarizer when `ots` is installed, prints ROUGE-1/2/L F1 x 100
(mean over documents, best reference by F1) and documents per CPU second
(summarizing only, not scoring; the CPU time of ots processes included).

Budget: as many sentences as the first reference has when split naively on
[.!?] followed by white space (at least 1), or with --budget words as many
words as the first reference (white-space separated).

Scoring, with libsumm's own ROUGE: English with the rouge-score-compatible
tokenizer and Porter stemming; other languages with the Unicode tokenizer and
their Snowball stemmer. ROUGE-L is plain LCS over the whole summary (no
sentence splitting).

With --algorithms only the named algorithms run; --option FIELD=VALUE
(repeatable) sets a summ_options field (e.g. mmr_lambda=0.7,
position_weight=0.3) for every libsumm run.

Usage: bench/quality.py [DATA_DIR_OR_FILES...] [--budget sentences|words]
                        [--limit N] [--no-ots] [--markdown FILE]
                        [--algorithms A,B,...] [--option FIELD=VALUE]...
"""
import argparse
import glob
import html
import os
import re
import resource
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import summ_ctypes as S  # noqa: E402

STEMMERS = {"en": "porter", "pt": "portuguese", "fr": "french", "de": "german"}
OTS_DICTS = {"en": "en", "pt": "pt", "fr": "fr", "de": "de"}
NAIVE_SPLIT = re.compile(r"(?<=[.!?])\s+")


def naive_sentences(text):
    return [s for s in NAIVE_SPLIT.split(text.strip()) if s]


def budget_of(doc, mode):
    ref = doc["references"][0]
    if mode == "words":
        return max(1, len(ref.split()))
    return max(1, len(naive_sentences(ref)))


def lead_baseline(doc, k, mode):
    """The first k sentences of the naive split, or the first k words."""
    if mode == "words":
        return " ".join(doc["text"].split()[:k]).encode()
    return "\n".join(naive_sentences(doc["text"])[:k]).encode()


OTS_SENT = re.compile(r"<!--\((\d+)\)--><FONT[^>]*><span[^>]*>(.*?)</span></FONT>", re.S)


def ots_summary(text, k, mode, lang):
    """OTS scores every sentence (-h output carries the score of each); keep
    the best k by score (ties: earlier first), in document order. With a
    words budget, best sentences while they fit, as libsumm's selector."""
    args = ["ots", "-h", "-r", "100"]
    if lang in OTS_DICTS:
        args += ["-d", OTS_DICTS[lang]]
    p = subprocess.run(args, input=text.encode(), capture_output=True, check=True)
    out = p.stdout.decode("utf-8", "replace")
    sents = [(int(m.group(1)), i, html.unescape(m.group(2)).strip())
             for i, m in enumerate(OTS_SENT.finditer(out))]
    sents = [s for s in sents if s[2]]
    order = sorted(sents, key=lambda s: (-s[0], s[1]))
    if mode == "words":
        chosen, used = [], 0
        for s in order:
            w = len(s[2].split())
            if used + w <= k:
                chosen.append(s)
                used += w
    else:
        chosen = order[:k]
    chosen.sort(key=lambda s: s[1])
    return "\n".join(s[2] for s in chosen).encode()


def cpu_seconds():
    """CPU time of this process and of its finished children (ots): the
    machine may be shared, and wall time would measure the other jobs."""
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + c.ru_utime + c.ru_stime


def load_sets(paths):
    files = []
    for p in paths:
        files += sorted(glob.glob(os.path.join(p, "*.jsonl"))) if os.path.isdir(p) else [p]
    return files


def read_jsonl(path, limit):
    import json
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                docs.append(json.loads(line))
            if limit and len(docs) >= limit:
                break
    return docs


class Scorer:
    def __init__(self, lib, lang):
        if lang == "en":
            self.rouge = S.Rouge(lib, S.TOKENIZER_ASCII, "porter")
        else:
            self.rouge = S.Rouge(lib, S.TOKENIZER_UNICODE, STEMMERS.get(lang))

    def score(self, cand, refs):
        r1 = self.rouge.score(S.ROUGE_N, 1, cand, refs)[2]
        r2 = self.rouge.score(S.ROUGE_N, 2, cand, refs)[2]
        rl = self.rouge.score(S.ROUGE_L, 0, cand, refs)[2]
        return r1, r2, rl


def evaluate_set(lib, path, args, notes):
    docs = read_jsonl(path, args.limit)
    name = os.path.basename(path).split(".")[0]
    langs = sorted({d["lang"] for d in docs})
    rows = []
    scorers = {lang: Scorer(lib, lang) for lang in langs}
    refs = [[r.encode() for r in d["references"]] for d in docs]
    budgets = [budget_of(d, args.budget) for d in docs]
    texts = [d["text"].encode() for d in docs]

    def run(label, summarize):
        tot = [0.0, 0.0, 0.0]
        elapsed = 0.0
        for i, d in enumerate(docs):
            t0 = cpu_seconds()
            cand = summarize(i, d)
            elapsed += cpu_seconds() - t0
            s = scorers[d["lang"]].score(cand, refs[i])
            for j in range(3):
                tot[j] += s[j]
        n = len(docs)
        rows.append((label, 100 * tot[0] / n, 100 * tot[1] / n, 100 * tot[2] / n,
                     n / elapsed if elapsed > 0 else float("inf")))

    run("lead-k (naive split)", lambda i, d: lead_baseline(d, budgets[i], args.budget))
    algos = args.algorithms.split(",") if args.algorithms else S.algorithms(lib)
    for algo in algos:
        summ = {}
        for lang in langs:
            summ[lang] = S.Summarizer(lib, lang, algo, **args.params)
            if summ[lang].fallback:
                notes.add("%s: language '%s' is not built into this libsumm; summarized as 'en' "
                          "(scored with the Unicode tokenizer and the %s stemmer)"
                          % (name, lang, STEMMERS.get(lang)))

        def summarize(i, d, summ=summ):
            s = summ[d["lang"]]
            if args.budget == "words":
                s.budget(max_words=budgets[i])
            else:
                s.budget(max_sentences=budgets[i])
            return b"\n".join(s.summarize(texts[i]))
        run("libsumm " + algo, summarize)
        for s in summ.values():
            s.close()
    if args.ots:
        run("ots 0.5", lambda i, d: ots_summary(d["text"], budgets[i], args.budget, d["lang"]))
    for s in scorers.values():
        s.rouge.close()
    return name, langs, len(docs), rows


def format_table(name, langs, n, rows, budget, markdown):
    head = "%s (%s, %d documents, budget: %s of the first reference)" % (
        name, "/".join(langs), n, budget)
    if markdown:
        out = ["#### " + head, "", "| system | R-1 | R-2 | R-L | docs/s |", "|---|---:|---:|---:|---:|"]
        for r in rows:
            out.append("| %s | %.2f | %.2f | %.2f | %.0f |" % r)
        return "\n".join(out) + "\n"
    out = [head, "  %-22s %6s %6s %6s %9s" % ("system", "R-1", "R-2", "R-L", "docs/s")]
    for r in rows:
        out.append("  %-22s %6.2f %6.2f %6.2f %9.0f" % r)
    return "\n".join(out) + "\n"


def replace_section(path, tag, body):
    """Writes body between <!-- TAG:begin --> and <!-- TAG:end --> in path
    (appended when the markers are missing)."""
    begin, end = "<!-- %s:begin -->" % tag, "<!-- %s:end -->" % tag
    old = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    block = "%s\n%s%s" % (begin, body, end)
    if begin in old and end in old:
        new = old[:old.index(begin)] + block + old[old.index(end) + len(end):]
    else:
        new = old + ("\n" if old and not old.endswith("\n") else "") + block + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)


def main():
    default_data = os.path.join(S.ROOT, "..", "shared", "data", "summ")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", default=[default_data],
                    help="*.jsonl files or directories (default: %(default)s)")
    ap.add_argument("--budget", choices=["sentences", "words"], default="sentences")
    ap.add_argument("--limit", type=int, default=0, help="at most N documents per set")
    ap.add_argument("--lib", help="path to libsumm.so (default: build/libsumm/libsumm.so)")
    ap.add_argument("--no-ots", dest="ots", action="store_false",
                    help="skip the Open Text Summarizer even when installed")
    ap.add_argument("--markdown", metavar="FILE",
                    help="also write the tables into FILE (e.g. docs/BENCHMARKS.md), between "
                         "<!-- quality-BUDGET:begin/end --> markers")
    ap.add_argument("--algorithms", help="comma-separated algorithm names (default: all)")
    ap.add_argument("--option", action="append", default=[], metavar="FIELD=VALUE",
                    help="set a summ_options field for every libsumm run")
    args = ap.parse_args()
    args.params = {}
    for o in args.option:
        k, _, v = o.partition("=")
        args.params[k] = float(v) if "." in v or "e" in v else int(v)
    if args.ots and not shutil.which("ots"):
        args.ots = False
        print("note: `ots` is not installed (apt-get install ots); skipping it\n")
    lib = S.load(args.lib)
    files = load_sets(args.paths)
    if not files:
        sys.exit("no *.jsonl files in %s" % " ".join(args.paths))
    notes = set()
    text_out, md_out = [], []
    for path in files:
        name, langs, n, rows = evaluate_set(lib, path, args, notes)
        t = format_table(name, langs, n, rows, args.budget, False)
        print(t)
        sys.stdout.flush()
        text_out.append(t)
        md_out.append(format_table(name, langs, n, rows, args.budget, True))
    for note in sorted(notes):
        print("note: " + note)
    if args.markdown:
        body = "\n".join(md_out)
        if notes:
            body += "\n" + "".join("- note: %s\n" % x for x in sorted(notes))
        replace_section(args.markdown, "quality-" + args.budget, body)


if __name__ == "__main__":
    main()
