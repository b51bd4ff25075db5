#!/usr/bin/python3
"""Keyphrase quality and speed of libsumm against a TF-IDF baseline and the
peer figures of the data's README.

    /usr/bin/python3 bench/keyphrases.py                  # every set, every algorithm
    /usr/bin/python3 bench/keyphrases.py --window 2 3 5   # the window option
    /usr/bin/python3 bench/keyphrases.py --speed          # MB/s on 1 MB of news

Data: /work/shared/data/kp/*.dev.jsonl (override with --data), records
{"id", "lang", "text", "keyphrases": [[variant, ...], ...]}.

Protocol (the usual one): predictions and references are lower-cased and
cut into tokens (runs of letters and digits, with inner apostrophes); each
token is stemmed (Porter for English, Snowball for other languages, through
libstemmer); a prediction matches a reference when its stem sequence equals
one of the reference's variants. Duplicate predictions (same stems) count
once. P, R and F1 at k are computed per document and averaged. "in text" is
the share of references whose stem sequence occurs in the text's.

The baseline is written here: candidates of 1-3 words inside a run without
punctuation, no stopword (the library's list) at either end; score = the sum
over the candidate's words of tf x idf, df counted over the same file (what
the README's peer TF-IDF row measures). A second row, "tf-idf (phrase)",
scores tf x idf of the whole candidate instead, which is stronger on news.

Only the standard library; libsumm and libstemmer through ctypes.
"""
import argparse
import collections
import ctypes
import ctypes.util
import json
import math
import os
import re
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = "/work/shared/data/kp"
SETS = ["inspec", "500n-kpcrowd", "110-pt-bn-kp"]
EVAL_STEMMER = {"en": "porter", "pt": "portuguese"}
METHOD_STEMMER = {"en": "english", "pt": "portuguese"}
OPTIONS_BYTES = 1024  # more than any summ_options; the library writes only its version's size


class Range(ctypes.Structure):
    _fields_ = [("start", ctypes.c_size_t), ("end", ctypes.c_size_t)]


class Keyphrase(ctypes.Structure):
    _fields_ = [
        ("start", ctypes.c_size_t),
        ("end", ctypes.c_size_t),
        ("score", ctypes.c_double),
        ("count", ctypes.c_size_t),
        ("occurrences", ctypes.POINTER(Range)),
    ]


def load_libsumm(path):
    lib = ctypes.CDLL(path)
    P = ctypes.c_void_p
    sigs = {
        "summ_lang_new": (ctypes.c_int, [ctypes.POINTER(P), ctypes.c_char_p, P]),
        "summ_lang_free": (None, [P]),
        "summ_lang_is_stopword": (ctypes.c_int, [P, ctypes.c_char_p, ctypes.c_size_t]),
        "summ_options_init": (ctypes.c_int, [P, ctypes.c_uint]),
        "summ_options_set": (ctypes.c_int, [P, ctypes.c_char_p, ctypes.c_char_p,
                                            ctypes.c_char_p, ctypes.c_size_t]),
        "summ_option_find": (P, [ctypes.c_char_p]),
        "summ_summarizer_new": (ctypes.c_int, [ctypes.POINTER(P), P, P, P]),
        "summ_summarizer_free": (None, [P]),
        "summ_summarizer_errmsg": (ctypes.c_char_p, [P]),
        "summ_keyphrases_new": (ctypes.c_int, [ctypes.POINTER(P), P]),
        "summ_keyphrases_free": (None, [P]),
        "summ_extract_keyphrases": (ctypes.c_int, [P, ctypes.c_char_p, ctypes.c_size_t,
                                                   ctypes.c_size_t, P]),
        "summ_keyphrases_count": (ctypes.c_size_t, [P]),
        "summ_keyphrases_get": (ctypes.c_int, [P, ctypes.c_size_t, ctypes.POINTER(Keyphrase)]),
    }
    for name, (res, args) in sigs.items():
        f = getattr(lib, name)
        f.restype = res
        f.argtypes = args
    return lib


class Extractor:
    """A language, a summarizer with options set by name, and a result."""

    def __init__(self, lib, lang, options):
        self.lib = lib
        self.lang = ctypes.c_void_p()
        self.s = ctypes.c_void_p()
        self.k = ctypes.c_void_p()
        if lib.summ_lang_new(ctypes.byref(self.lang), lang.encode(), None) != 0:
            raise SystemExit(f"no language {lang}")
        opts = ctypes.create_string_buffer(OPTIONS_BYTES)
        version = 4
        if lib.summ_options_init(opts, version) != 0:
            raise SystemExit("this libsumm has no keyphrase options (summ_options version 4)")
        err = ctypes.create_string_buffer(256)
        for name, value in options.items():
            if lib.summ_options_set(opts, name.encode(), str(value).encode(), err, 256) != 0:
                raise SystemExit(err.value.decode())
        if lib.summ_summarizer_new(ctypes.byref(self.s), self.lang, opts, None) != 0:
            raise SystemExit("summ_summarizer_new failed")
        if lib.summ_keyphrases_new(ctypes.byref(self.k), None) != 0:
            raise SystemExit("summ_keyphrases_new failed")

    def extract(self, data, n):
        """Keyphrases of the UTF-8 bytes `data`: a list of (text, score, count)."""
        lib = self.lib
        rc = lib.summ_extract_keyphrases(self.s, data, len(data), n, self.k)
        if rc != 0:
            raise RuntimeError(lib.summ_summarizer_errmsg(self.s).decode())
        out = []
        kp = Keyphrase()
        for i in range(lib.summ_keyphrases_count(self.k)):
            lib.summ_keyphrases_get(self.k, i, ctypes.byref(kp))
            out.append((data[kp.start:kp.end].decode(), kp.score, kp.count))
        return out

    def is_stopword(self, word):
        b = word.encode()
        return bool(self.lib.summ_lang_is_stopword(self.lang, b, len(b)))

    def close(self):
        self.lib.summ_keyphrases_free(self.k)
        self.lib.summ_summarizer_free(self.s)
        self.lib.summ_lang_free(self.lang)


class Stemmer:
    """libstemmer through ctypes, with a cache."""

    _lib = None

    def __init__(self, algorithm):
        if Stemmer._lib is None:
            name = ctypes.util.find_library("stemmer") or "libstemmer.so.0d"
            lib = ctypes.CDLL(name)
            lib.sb_stemmer_new.restype = ctypes.c_void_p
            lib.sb_stemmer_new.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
            lib.sb_stemmer_stem.restype = ctypes.POINTER(ctypes.c_char)
            lib.sb_stemmer_stem.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
            lib.sb_stemmer_length.argtypes = [ctypes.c_void_p]
            Stemmer._lib = lib
        self.h = Stemmer._lib.sb_stemmer_new(algorithm.encode(), b"UTF_8")
        if not self.h:
            raise SystemExit(f"libstemmer has no {algorithm}")
        self.cache = {}

    def __call__(self, word):
        r = self.cache.get(word)
        if r is None:
            b = word.encode()
            p = Stemmer._lib.sb_stemmer_stem(self.h, b, len(b))
            n = Stemmer._lib.sb_stemmer_length(self.h)
            r = ctypes.string_at(p, n).decode() if n > 0 else word
            self.cache[word] = r
        return r


TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


def stems(text, stem):
    return tuple(stem(t) for t in TOKEN.findall(text.lower()))


def score_doc(preds, refs, stem, k):
    seen, p = set(), []
    for x in preds:
        s = stems(x, stem)
        if s and s not in seen:
            seen.add(s)
            p.append(s)
    p = p[:k]
    variants = [set(stems(v, stem) for v in ref) for ref in refs]
    hits = sum(1 for s in p if any(s in v for v in variants))
    prec = hits / len(p) if p else 0.0
    # A reference is found when one of its variants is among the predictions.
    found = sum(1 for v in variants if v & set(p))
    rec = found / len(refs) if refs else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def in_text_share(docs, stem):
    found = total = 0
    for d in docs:
        seq = stems(d["text"], stem)
        grams = set()
        for n in range(1, 11):
            for i in range(len(seq) - n + 1):
                grams.add(seq[i:i + n])
        for ref in d["keyphrases"]:
            total += 1
            found += any(stems(v, stem) in grams for v in ref)
    return found / total if total else 0.0


# The baseline's words: every token with its offsets and whether anything but
# white space or one hyphen separates it from the one before.
def baseline_words(text):
    out, prev = [], 0
    for m in TOKEN.finditer(text):
        gap = text[prev:m.start()]
        joined = gap == "-" or (gap.isspace() and "\n" not in gap)
        out.append((m.start(), m.end(), m.group().lower(), not joined or not out))
        prev = m.end()
    return out


def tfidf_baseline(docs, is_stop, stem, k, whole_phrase):
    per_doc, df_phrase, df_word = [], collections.Counter(), collections.Counter()
    for d in docs:
        ws = baseline_words(d["text"])
        tf_phrase, tf_word, spelling = collections.Counter(), collections.Counter(), {}
        for i, w in enumerate(ws):
            if not is_stop(w[2]):
                tf_word[stem(w[2])] += 1
            for n in (1, 2, 3):
                seg = ws[i:i + n]
                if len(seg) < n or any(x[3] for x in seg[1:]):
                    break
                if is_stop(seg[0][2]) or is_stop(seg[-1][2]):
                    continue
                key = tuple(stem(x[2]) for x in seg)
                tf_phrase[key] += 1
                spelling.setdefault(key, d["text"][seg[0][0]:seg[-1][1]])
        per_doc.append((tf_phrase, tf_word, spelling))
        df_phrase.update(tf_phrase.keys())
        df_word.update(tf_word.keys())
    n_docs = len(docs)
    preds = []
    for tf_phrase, tf_word, spelling in per_doc:
        ranked = []
        for order, (key, tf) in enumerate(tf_phrase.items()):
            if whole_phrase:
                s = tf * math.log(n_docs / df_phrase[key])
            else:
                s = sum(tf_word[w] * math.log(n_docs / df_word[w]) for w in key if w in df_word)
            ranked.append((-s, order, spelling[key]))
        ranked.sort()
        preds.append([x[2] for x in ranked[:k]])
    return preds


def peer_rows(readme):
    """The README's peer table: {peer: {set: (f1@5, f1@10)}}."""
    rows, header = {}, None
    try:
        lines = open(readme, encoding="utf-8").read().splitlines()
    except OSError:
        return rows
    for line in lines:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| peer |"):
            header = cells[1:]
            continue
        if header and line.startswith("|") and not line.startswith("|---"):
            vals = {}
            for name, cell in zip(header, cells[1:]):
                m = re.match(r"([\d.]+)\s*/\s*([\d.]+)", cell)
                if m:
                    vals[name] = (float(m.group(1)), float(m.group(2)))
            if vals:
                rows[cells[0]] = vals
        elif header and not line.startswith("|"):
            header = None
    return rows


def evaluate(preds_of, docs, stem):
    sums = [0.0] * 6
    for d in docs:
        preds = preds_of(d)
        for j, k in enumerate((5, 10)):
            p, r, f = score_doc(preds, d["keyphrases"], stem, k)
            sums[3 * j] += p
            sums[3 * j + 1] += r
            sums[3 * j + 2] += f
    return [100 * s / len(docs) for s in sums]


def speed(lib, data_dir, algorithm, window):
    """Keyphrases of 1 MB of news (500N-KPCrowd articles joined): the best
    of 5 runs in CPU time (the machine may be shared), and in wall time."""
    texts = [json.loads(l)["text"] for l in open(os.path.join(data_dir, "500n-kpcrowd.dev.jsonl"))]
    blob, i = [], 0
    size = 0
    while size < 1 << 20:
        t = texts[i % len(texts)]
        blob.append(t)
        size += len(t.encode()) + 2
        i += 1
    data = "\n\n".join(blob).encode()[: 1 << 20]
    data = data.decode("utf-8", "ignore").encode()
    opts = {"keyphrase_algorithm": algorithm}
    if window:
        opts["keyphrase_window"] = window
    ex = Extractor(lib, "en", opts)
    best = best_wall = float("inf")
    for _ in range(5):
        t0, w0 = time.process_time(), time.perf_counter()
        ex.extract(data, 10)
        best = min(best, time.process_time() - t0)
        best_wall = min(best_wall, time.perf_counter() - w0)
    ex.close()
    mb = len(data) / 1e6
    print(f"speed {algorithm}: {len(data)} bytes in {best * 1000:.1f} ms of CPU = "
          f"{mb / best:.1f} MB/s (wall {best_wall * 1000:.1f} ms)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lib", default=os.environ.get("LIBSUMM_SO") or
                    os.path.join(ROOT, "build", "libsumm", "libsumm.so"))
    ap.add_argument("--data", default=DATA)
    ap.add_argument("--sets", nargs="*", default=SETS)
    ap.add_argument("--algorithms", nargs="*", default=["textrank", "positionrank"])
    ap.add_argument("--window", nargs="*", type=int, default=[0],
                    help="keyphrase_window values (0: the library's default)")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--speed", action="store_true", help="only measure speed")
    args = ap.parse_args()
    lib = load_libsumm(args.lib)
    if args.speed:
        for alg in args.algorithms:
            for w in args.window:
                speed(lib, args.data, alg, w)
        return
    peers = peer_rows(os.path.join(args.data, "README.md"))
    print("| set | method | P@5 | R@5 | F1@5 | P@10 | R@10 | F1@10 |")
    print("|---|---|---|---|---|---|---|---|")
    for name in args.sets:
        path = os.path.join(args.data, f"{name}.dev.jsonl")
        docs = [json.loads(l) for l in open(path, encoding="utf-8")]
        lang = docs[0]["lang"]
        stem = Stemmer(EVAL_STEMMER.get(lang, METHOD_STEMMER.get(lang, "porter")))
        coverage = in_text_share(docs, stem)

        def row(method, vals):
            print(f"| {name} | {method} | " + " | ".join(f"{v:.1f}" for v in vals) + " |",
                  flush=True)

        for alg in args.algorithms:
            for w in args.window:
                opts = {"keyphrase_algorithm": alg}
                if w:
                    opts["keyphrase_window"] = w
                ex = Extractor(lib, lang, opts)
                vals = evaluate(lambda d: [t for t, _, _ in ex.extract(d["text"].encode(), 10)],
                                docs, stem)
                ex.close()
                row(f"libsumm {alg}" + (f" window {w}" if w else ""), vals)
        if not args.no_baseline:
            ex = Extractor(lib, lang, {})
            method_stem = Stemmer(METHOD_STEMMER.get(lang, "porter"))
            for whole, label in ((False, "tf-idf baseline"), (True, "tf-idf (phrase)")):
                preds = tfidf_baseline(docs, ex.is_stopword, method_stem, 10, whole)
                by_id = {d["id"]: p for d, p in zip(docs, preds)}
                row(label, evaluate(lambda d: by_id[d["id"]], docs, stem))
            ex.close()
        for peer, vals in peers.items():
            if name in vals:
                f5, f10 = vals[name]
                print(f"| {name} | peer: {peer} | | | {f5:.1f} | | | {f10:.1f} |")
        print(f"| {name} | references in the text: {100 * coverage:.1f} % | | | | | | |")


if __name__ == "__main__":
    sys.exit(main())
