#!/usr/bin/python3
"""Accuracy and cost of libsumm's language identification.

For every document of the evaluation sets (summarization sets and UD
sentence-boundary sets: each record has a `lang` and a `text`), runs
summ_detect_language() on the whole text and on its first 1, 2 and 5
sentences, and prints the share detected correctly, by set and overall,
separately for texts of 50 or more words and shorter ones, with the most
common confusions. The golden-rule files (short snippets in many languages)
are reported apart. Then measures what detection costs: the time of
summ_detect_language() over the summarization sets against the time of
summarizing them with a fixed language, and the time of summarizing with
"auto" against the fixed language.

Then it measures how well related languages are told apart, on text from
another source: the translated messages of the Debian packages on the
machine (.mo catalogues under /usr/share/locale, LibreOffice's and Firefox
language packs; see bench/langid_translations.sh for the packages that fill
the gaps), one message at a time and 20 at a time, with a confusion matrix.

Usage: bench/langid_eval.py [DATA_DIR] [--lib PATH] [--repeat N]
                            [--translations ROOT]... [--no-cost]
DATA_DIR defaults to ../shared/data relative to the repository root.
"""
import argparse
import collections
import ctypes
import gettext
import glob
import json
import os
import re
import sys
import time
import unicodedata
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import summ_ctypes as S  # noqa: E402

SENT = re.compile(r"(?<=[.!?。！？])\s+")


def first_sentences(doc, k):
    sents = doc.get("sentences") or [s for s in SENT.split(doc["text"].strip()) if s]
    return " ".join(sents[:k])


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def detector(lib):
    fn = lib.summ_detect_language
    fn.restype = ctypes.c_int
    fn.argtypes = [ctypes.POINTER(ctypes.c_char_p), ctypes.c_char_p, ctypes.c_size_t,
                   ctypes.c_void_p]
    out = ctypes.c_char_p()

    def detect(data):
        rc = fn(ctypes.byref(out), data, len(data), None)
        if rc < 0:
            raise S.SummError("summ_detect_language: %d" % rc)
        return out.value.decode()
    return detect


def accuracy(detect, files, label):
    tally = collections.defaultdict(lambda: [0, 0])
    confusions = collections.Counter()
    for path in files:
        name = os.path.basename(path).replace(".jsonl", "").replace(".dev", "")
        for doc in read(path):
            lang = doc["lang"]
            variants = [("whole", doc["text"])]
            variants += [("%d sent" % k, first_sentences(doc, k)) for k in (1, 2, 5)]
            for kind, text in variants:
                size = "50+ words" if len(text.split()) >= 50 else "<50 words"
                got = detect(text.encode())
                for key in ((name, kind, size), ("ALL", kind, size)):
                    tally[key][0] += 1
                    tally[key][1] += got == lang
                if got != lang:
                    confusions[(lang, got, kind, size)] += 1
    print("== %s" % label)
    print("  %-22s %-8s %-10s %7s %8s" % ("set", "input", "size", "texts", "correct"))
    for key in sorted(tally, key=lambda k: (k[0] == "ALL", k)):
        n, ok = tally[key]
        print("  %-22s %-8s %-10s %7d %7.2f%%" % (key[0], key[1], key[2], n, 100.0 * ok / n))
    if confusions:
        print("  confusions (truth -> detected, input, size: count):")
        for (lang, got, kind, size), n in confusions.most_common(15):
            print("    %s -> %s, %s, %s: %d" % (lang, got, kind, size, n))
    print()


def cost(lib, detect, files, repeat):
    docs = []
    for path in files:
        docs += [(d["lang"], d["text"].encode()) for d in read(path)]
    langs = sorted({lang for lang, _ in docs})
    t0 = time.perf_counter()
    for _ in range(repeat):
        for _, data in docs:
            detect(data)
    t_detect = time.perf_counter() - t0

    # Fixed language and "auto" alternate document by document, so that
    # other load on the machine hits both alike.
    fixed = {lang: S.Summarizer(lib, lang, "default", max_sentences=3) for lang in langs}
    auto = S.Summarizer(lib, "auto", "default", max_sentences=3)
    t_fixed = t_auto = 0.0
    for _ in range(repeat):
        for lang, data in docs:
            t1 = time.perf_counter()
            fixed[lang].summarize(data)
            t2 = time.perf_counter()
            auto.summarize(data)
            t_auto += time.perf_counter() - t2
            t_fixed += t2 - t1
    for s in list(fixed.values()) + [auto]:
        s.close()
    mb = sum(len(d) for _, d in docs) * repeat / 1e6
    print("== cost over %d documents (%.1f MB, %s), %d pass(es)" % (
        len(docs), mb, "/".join(langs), repeat))
    print("  summ_detect_language alone:        %7.3f s  (%.1f MB/s)" % (t_detect, mb / t_detect))
    print("  summarize, language given:         %7.3f s" % t_fixed)
    print("  summarize, language \"auto\":        %7.3f s" % t_auto)
    print("  detection / summarization:         %7.2f%%" % (100 * t_detect / t_fixed))
    print("  auto overhead over given language: %7.2f%%" % (100 * (t_auto - t_fixed) / t_fixed))

    lang = ctypes.c_void_p()
    lib.summ_lang_new.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_char_p,
                                  ctypes.c_void_p]
    t0 = time.perf_counter()
    for _ in range(20):
        lib.summ_lang_new(ctypes.byref(lang), b"auto", None)
        lib.summ_lang_free(lang)
    print("  summ_lang_new(\"auto\") + free:      %7.2f ms" % ((time.perf_counter() - t0) / 20 * 1e3))


# Languages told apart from their neighbours, in groups.
GROUPS = [["pl", "cs", "sk"], ["bg", "ru", "uk", "sr", "kk"], ["fa", "ur", "ar"],
          ["mr", "hi", "ne"], ["am", "my"]]
SCRIPT = {"pl": "LATIN", "cs": "LATIN", "sk": "LATIN", "bg": "CYRILLIC", "ru": "CYRILLIC",
          "uk": "CYRILLIC", "sr": "CYRILLIC", "kk": "CYRILLIC", "fa": "ARABIC", "ur": "ARABIC",
          "ar": "ARABIC", "mr": "DEVANAGARI", "hi": "DEVANAGARI", "ne": "DEVANAGARI",
          "am": "ETHIOPIC", "my": "MYANMAR"}
MARKUP = re.compile(r"%\([^)]*\)[a-z]|%[-+ #0-9.$]*[a-zA-Z]|\{[^}]*\}|<[^>]*>|&[a-z]+;|"
                    r"\\[nt]|[~_&]")


def catalogue_files(root, lang):
    pats = [("usr/share/locale/%s/LC_MESSAGES/*.mo", "mo"),
            ("usr/lib/libreoffice/program/resource/%s/LC_MESSAGES/*.mo", "mo"),
            ("usr/lib/firefox-esr/browser/extensions/langpack-%s@*.xpi", "xpi")]
    for pat, kind in pats:
        for path in sorted(glob.glob(os.path.join(root, pat % lang))):
            if not os.path.basename(path).startswith("iso_"):  # names, not sentences
                yield path, kind


def catalogue_messages(path, kind):
    """Translated strings of one catalogue, in order, each a list of lines."""
    out = []
    if kind == "mo":
        try:
            with open(path, "rb") as f:
                cat = gettext.GNUTranslations(f)._catalog
        except (OSError, ValueError, UnicodeDecodeError):
            return out
        for key, value in cat.items():
            msgid = key[0] if isinstance(key, tuple) else key
            if msgid and isinstance(value, str) and value != msgid:
                out.append(value)
    else:
        with zipfile.ZipFile(path) as z:
            for name in sorted(z.namelist()):
                if name.endswith(".ftl"):
                    for line in z.read(name).decode("utf-8", "replace").splitlines():
                        if " = " in line and not line.startswith("#"):
                            out.append(line.split(" = ", 1)[1])
    return out


def in_script(text, script):
    """Whether most letters of text are of the script (language packs leave
    some strings untranslated)."""
    letters = [c for c in text if c.isalpha()]
    hits = sum(1 for c in letters if unicodedata.name(c, "").startswith(script))
    return letters and 2 * hits > len(letters)


def translations(roots, lang, cap=3000):
    """Clean messages of 4 words or more, mostly in the language's script,
    at most `cap`, evenly spread."""
    msgs = []
    for root in roots:
        for path, kind in catalogue_files(root, lang):
            for m in catalogue_messages(path, kind):
                m = " ".join(MARKUP.sub(" ", m).split())
                if len(m.split()) >= 4 and in_script(m, SCRIPT[lang]):
                    msgs.append(m)
    if len(msgs) > cap:
        msgs = [msgs[i * len(msgs) // cap] for i in range(cap)]
    return msgs


def related_languages(detect, roots):
    langs = [l for g in GROUPS for l in g]
    print("== related languages on translated messages (%s)" % ", ".join(roots))
    for unit, k in (("one message", 1), ("20 messages", 20)):
        matrix = collections.defaultdict(collections.Counter)
        sizes = {}
        for lang in langs:
            msgs = translations(roots, lang)
            texts = [" ".join(msgs[i:i + k]) for i in range(0, len(msgs) - k + 1, k)]
            sizes[lang] = len(texts)
            for t in texts:
                matrix[lang][detect(t.encode())] += 1
        cols = langs + ["und"]
        print("  %s: rows are the catalogue's language, columns what was detected (%%)" % unit)
        print("  | truth | texts | " + " | ".join(cols) + " | other |")
        print("  |---|---:|" + "---:|" * (len(cols) + 1))
        for lang in langs:
            n = sizes[lang]
            if not n:
                print("  | %s | 0 |%s" % (lang, " |" * (len(cols) + 1)))
                continue
            row = matrix[lang]
            other = n - sum(row[c] for c in cols)
            cells = ["**%.1f**" % (100.0 * row[c] / n) if c == lang else
                     ("%.1f" % (100.0 * row[c] / n) if row[c] else "") for c in cols]
            print("  | %s | %d | %s | %s |" % (lang, n, " | ".join(cells),
                                                "%.1f" % (100.0 * other / n) if other else ""))
        print()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=os.path.join(S.ROOT, "..", "shared", "data"))
    ap.add_argument("--lib", help="path to libsumm.so (default: build/libsumm/libsumm.so)")
    ap.add_argument("--repeat", type=int, default=1, help="timing passes (default 1)")
    ap.add_argument("--translations", action="append", default=[],
                    help="another root holding unpacked language packs (repeatable; / is "
                    "always read)")
    ap.add_argument("--no-cost", action="store_true", help="skip the timing")
    args = ap.parse_args()
    lib = S.load(args.lib)
    detect = detector(lib)
    summ = sorted(glob.glob(os.path.join(args.data, "summ", "*.jsonl")))
    ud = sorted(glob.glob(os.path.join(args.data, "sbd", "ud_*.jsonl")))
    golden = sorted(glob.glob(os.path.join(args.data, "sbd", "golden_rules.*.jsonl")))
    if not summ and not ud:
        sys.exit("no evaluation data under %s" % args.data)
    accuracy(detect, summ + ud, "summarization and UD dev sets")
    supported = set(l.decode() for l in iter_list(lib))
    accuracy(detect, [g for g in golden if g.split(".")[-2] in supported],
             "golden-rule snippets, languages libsumm supports")
    related_languages(detect, ["/"] + args.translations)
    if not args.no_cost:
        cost(lib, detect, summ, args.repeat)


def iter_list(lib):
    fn = lib.summ_lang_list
    fn.restype = ctypes.POINTER(ctypes.c_char_p)
    arr, i = fn(), 0
    while arr[i] is not None:
        yield arr[i]
        i += 1


if __name__ == "__main__":
    main()
