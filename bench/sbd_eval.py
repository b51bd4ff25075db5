#!/usr/bin/python3
"""Sentence-splitter accuracy on the golden rules and UD treebanks.

    /usr/bin/python3 bench/sbd_eval.py [DATA_DIR] [--build DIR] [--show FILE]
                                       [--splitter libsumm|cli|icu|icu-ss]

DATA_DIR defaults to ../shared/data/sbd relative to the repository root.
Golden rules: share of `mode == "default"` cases whose sentences all match
exactly, ignoring white space inside sentences (some gold sentences drop or
rewrite a line break; the boundaries must still be the same). UD: boundary precision/recall/F1, a boundary
being the number of non-white-space characters before a sentence end
(document ends excluded). --show FILE prints the failures of one file.
With --glued SUMM_FILE (default ../shared/data/summ/orangesum.dev.jsonl when
present), also counts how many "word.Word" joins (a lower-case word, a
period, a capitalised word, no space: text that lost its spaces) become
boundaries.
--splitter cli runs `build/tools/summarize --split -l LANG -f json` on each
text instead of the module (slower, same figures). --splitter icu measures ICU's sentence BreakIterator on the same texts
instead (build/bench/libicu_split.so, built when meson finds ICU), with the
record's language as locale; icu-ss adds ICU's abbreviation suppressions
("<lang>@ss=standard").
"""
import argparse
import ctypes
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class CommandLine:
    """summarize --split, reporting byte spans like the modules."""

    def __init__(self, build):
        self.exe = os.path.join(build, "tools", "summarize")

    def sbd_split(self, lang, data, n, buf, cap):
        p = subprocess.run([self.exe, "--split", "-l", lang, "-f", "json"], input=data[:n],
                           capture_output=True, check=True)
        spans = json.loads(p.stdout)["sentences"]
        for i, sp in enumerate(spans[:cap]):
            buf[2 * i], buf[2 * i + 1] = sp["start"], sp["end"]
        return len(spans)


class Splitter:
    """sbd_split (libsumm) or icu_split: the same signature."""

    def __init__(self, build, which):
        name = "libsbd_split.so" if which == "libsumm" else "libicu_split.so"
        lib = ctypes.CDLL(os.path.join(build, "bench", name))
        self.fn = lib.sbd_split if which == "libsumm" else lib.icu_split
        self.fn.restype = ctypes.c_int
        self.fn.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t,
                            ctypes.POINTER(ctypes.c_size_t), ctypes.c_size_t]
        self.suffix = "@ss=standard" if which == "icu-ss" else ""

    def sbd_split(self, lang, data, n, buf, cap):
        return self.fn((lang + self.suffix).encode(), data, n, buf, cap)


def load(build, which="libsumm"):
    return CommandLine(build) if which == "cli" else Splitter(build, which)


def split(lib, lang, text):
    data = text.encode("utf-8")
    cap = len(data) + 1
    buf = (ctypes.c_size_t * (2 * cap))()
    n = lib.sbd_split(lang, data, len(data), buf, cap)
    if n < 0:
        raise RuntimeError("split failed: %d" % n)
    return [data[buf[2 * i]:buf[2 * i + 1]].decode("utf-8", "replace") for i in range(n)]


def norm(s):
    return "".join(s.split())


def golden(lib, path, show):
    total = ok = 0
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if r.get("mode") != "default":
            continue
        total += 1
        got = split(lib, r["lang"], r["text"])
        if [norm(s) for s in got] == [norm(s) for s in r["sentences"]]:
            ok += 1
        elif show:
            print("--", r["id"], r.get("rule", ""))
            print("   text:", repr(r["text"]))
            print("   want:", r["sentences"])
            print("   got: ", got)
    return total, ok


def ends(sentences):
    out, pos = set(), 0
    for s in sentences:
        pos += sum(1 for c in s if not c.isspace())
        out.add(pos)
    out.discard(pos)
    return out


def ud(lib, path, show):
    tp = fp = fn = 0
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        got = split(lib, r["lang"], r["text"])
        g, w = ends(got), ends(r["sentences"])
        tp += len(g & w)
        fp += len(g - w)
        fn += len(w - g)
        if show and g != w:
            print("--", r["id"])
            wanted = set(w)
            for s in got:
                print("   got :", s[:300])
            for s in r["sentences"]:
                print("   want:", s[:300])
    p = tp / (tp + fp) if tp + fp else 1.0
    rc = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * rc / (p + rc) if p + rc else 0.0
    return tp, fp, fn, p, rc, f


GLUED = re.compile(r"(?<![\w.@/])([^\W\d_]*[a-zß-ÿœ]\.)(?=[A-ZÀ-ÞŒ][a-zß-ÿœ])")


def glued(lib, path):
    joins = split_at = 0
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        t = r["text"]
        ends = set()
        pos = 0
        for s in split(lib, r["lang"], t):
            pos = t.index(s, pos) + len(s)
            ends.add(pos)
        for m in GLUED.finditer(t):
            joins += 1
            split_at += m.end() in ends
    return joins, split_at


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="?", default=os.path.join(ROOT, "..", "shared", "data", "sbd"))
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--show", help="print the failures of this file (base name)")
    ap.add_argument("--splitter", choices=["libsumm", "cli", "icu", "icu-ss"],
                    default="libsumm")
    ap.add_argument("--glued", default=os.path.join(ROOT, "..", "shared", "data", "summ",
                                                    "orangesum.dev.jsonl"))
    a = ap.parse_args()
    lib = load(a.build, a.splitter)
    print("| golden rules | cases (default mode) | exact | % |")
    print("|---|---|---|---|")
    all_t = all_o = 0
    for path in sorted(glob.glob(os.path.join(a.data, "golden_rules.*.jsonl"))):
        name = os.path.basename(path)
        t, o = golden(lib, path, a.show == name)
        if t == 0:
            continue
        all_t += t
        all_o += o
        print("| %s | %d | %d | %.2f |" % (name.split(".")[1], t, o, 100.0 * o / t))
    print("| all | %d | %d | %.2f |" % (all_t, all_o, 100.0 * all_o / all_t))
    print()
    print("| treebank (dev) | TP | FP | FN | precision | recall | F1 |")
    print("|---|---|---|---|---|---|---|")
    for path in sorted(glob.glob(os.path.join(a.data, "ud_*.jsonl"))):
        name = os.path.basename(path)
        tp, fp, fn, p, r, f = ud(lib, path, a.show == name)
        print("| %s | %d | %d | %d | %.2f | %.2f | %.2f |" % (
            name.split(".")[0][3:], tp, fp, fn, 100 * p, 100 * r, 100 * f))
    if a.glued and os.path.exists(a.glued):
        joins, split_at = glued(lib, a.glued)
        print()
        print("glued word.Word joins in %s: %d, split: %d (%.2f%%)" % (
            os.path.basename(a.glued), joins, split_at, 100.0 * split_at / max(joins, 1)))


if __name__ == "__main__":
    sys.exit(main())
