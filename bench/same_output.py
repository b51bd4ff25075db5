#!/usr/bin/python3
"""Whether a change to the library keeps its output byte-identical.

Runs `summarize` with every algorithm (and a few option variants) on
documents of every language of the evaluation sets, plus a few texts in
other scripts, and writes each output to a directory. Run it once before a
change (`--out before`) and once after (`--out after`), then compare:
`diff -r before after`, or `--compare before` to do both at once.

Usage: bench/same_output.py [DATA_DIR] --out DIR [--exe build/tools/summarize]
                            [--compare DIR] [--docs N]
"""
import argparse
import filecmp
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETS = ["cnndm_frank", "bbc_news_summary", "opinosis", "temario", "cstnews", "orangesum",
        "klexikon"]
# Option variants: each runs with every algorithm.
VARIANTS = [
    ["-f", "json", "--scores"],
    ["-f", "json", "--scores", "--no-stem"],
    ["-f", "json", "--scores", "--keep-stopwords"],
    ["-f", "json"],
    ["-f", "json", "-n", "3", "--score-order"],
    ["-f", "json", "-w", "120", "--mmr", "0.6"],
    ["-f", "json", "-r", "0.9"],
]
# Texts in scripts the evaluation sets lack (bigram tokenization, folding).
EXTRA = {
    "zh": "東京都庁は新宿にある。北京是中国的首都。我们今天去公园散步。东京和北京都是大城市。",
    "ru": "Москва — столица России. В Москве живёт много людей. Столица России очень большая. "
          "ЛЮДИ любят Москву.",
    "mixed": "Résumé RÉSUMÉ ﬁle file. Don't stop, don’t STOP! The U.S. Government said so. "
             "Straße STRASSE strasse. 3rd 3RD ½ Ⅻ. ÇA ça Ça va. İstanbul ISTANBUL istanbul.",
    "el": "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας. Η ΑΘΗΝΑ έχει πολλούς κατοίκους. "
          "Οι κάτοικοι της Αθήνας αγαπούν την πόλη.",
}


def read_docs(data, name, n):
    out = []
    with open(os.path.join(data, name + ".dev.jsonl"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            out.append((d["lang"], d["text"]))
            if len(out) >= n:
                break
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=os.path.join(ROOT, "..", "shared", "data", "summ"))
    ap.add_argument("--out", required=True)
    ap.add_argument("--exe", default=os.path.join(ROOT, "build", "tools", "summarize"))
    ap.add_argument("--compare", help="directory of an earlier run to compare with")
    ap.add_argument("--docs", type=int, default=4, help="documents per set")
    args = ap.parse_args()

    algos = subprocess.run([args.exe, "--list-algorithms"], capture_output=True, text=True,
                           check=True).stdout.split()
    inputs = os.path.join(args.out, "inputs")
    os.makedirs(inputs, exist_ok=True)
    files = []
    for name in SETS:
        for i, (lang, text) in enumerate(read_docs(args.data, name, args.docs)):
            files.append((os.path.join(inputs, "%s_%d.txt" % (name, i)), lang, text))
    # One long document: a vocabulary large enough to make the maps grow.
    long_text = "\n\n".join(t for _, _, t in files if t)
    files.append((os.path.join(inputs, "long.txt"), "en", long_text))
    for name, text in EXTRA.items():
        files.append((os.path.join(inputs, "x_%s.txt" % name), "auto", text))
    for path, _, text in files:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    exe = os.path.abspath(args.exe)
    n = 0
    for path, lang, _ in files:
        base = os.path.splitext(os.path.basename(path))[0]
        for lang_arg in (lang, "auto") if lang != "auto" else ("auto",):
            for a in algos:
                for v, opts in enumerate(VARIANTS):
                    if base == "long" and a in ("kl-sum", "lsa") and v > 0:
                        continue  # slow and adds nothing new
                    # Relative name: the JSON output includes it.
                    cmd = [exe, "-a", a, "-l", lang_arg, *opts, os.path.basename(path)]
                    p = subprocess.run(cmd, capture_output=True, cwd=inputs)
                    out = os.path.join(args.out, "%s.%s.%s.%d" % (base, lang_arg, a, v))
                    with open(out, "wb") as f:
                        f.write(p.stdout + b"\n--stderr--\n" + p.stderr +
                                b"\n--status %d--\n" % p.returncode)
                    n += 1
    print("%d outputs in %s" % (n, args.out))
    if args.compare:
        names = sorted(set(os.listdir(args.compare)) | set(os.listdir(args.out)))
        bad = [x for x in names if x != "inputs" and not (
            os.path.exists(os.path.join(args.compare, x)) and
            os.path.exists(os.path.join(args.out, x)) and
            filecmp.cmp(os.path.join(args.compare, x), os.path.join(args.out, x),
                        shallow=False))]
        for x in bad[:20]:
            print("differs:", x)
        print("%d of %d outputs differ" % (len(bad), len(names) - 1))
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
