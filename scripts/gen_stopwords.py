#!/usr/bin/env python3
"""Generates libsumm's compiled-in word tables from the stopword lists.

Usage: scripts/gen_stopwords.py [STOPWORDS_DIR]

Writes libsumm/data/stopwords.inc (one stopword list per language) and
libsumm/data/langid.inc (the word table of the language identifier).
STOPWORDS_DIR defaults to ../shared/data/stopwords (the evaluation data
folder beside the project). The output is committed, so building libsumm
needs neither this script nor the lists. Words are case folded and NFKC
normalised, kept in list order without duplicates.

Sources, per language: the Snowball list where Snowball has one, otherwise
the stopwords-iso list. Serbian has neither; it uses the stopwords-iso
Croatian list (the two standards share their function words) in both Latin
and Cyrillic spelling. Nepali and Kazakh have neither; NEPALI and KAZAKH
below are short lists of their commonest function words written for
libsumm. Tamil, Yiddish, Amharic and Burmese have no list (Amharic and
Burmese are identified by their scripts alone).

The language identifier sees, for each language it can name, the union of
its Snowball and stopwords-iso lists, plus the stopwords-iso lists of
languages libsumm has no resources for (DETECT_ONLY): text in those is
reported as "und" rather than forced into a supported language. It also
gets, for every letter outside ASCII that these lists use, the set of
languages whose lists use it (e.g. "ı" is Turkish only, "ø" Danish or
Norwegian); in Cyrillic, Arabic and Devanagari script only the letters of
SCRIPT_LETTERS vote.
"""
import json
import os
import sys
import unicodedata

# Languages with stopwords, as (C identifier, source, key). The identifier is
# used by libsumm/lang.c (stopwords_<identifier>).
LISTS = [
    ("english", "snowball", "english"),
    ("arabic", "iso", "ar"),
    ("armenian", "iso", "hy"),
    ("basque", "iso", "eu"),
    ("catalan", "iso", "ca"),
    ("danish", "snowball", "danish"),
    ("dutch", "snowball", "dutch"),
    ("finnish", "snowball", "finnish"),
    ("french", "snowball", "french"),
    ("german", "snowball", "german"),
    ("greek", "iso", "el"),
    ("hindi", "iso", "hi"),
    ("hungarian", "snowball", "hungarian"),
    ("indonesian", "snowball", "indonesian"),
    ("irish", "snowball", "irish"),
    ("italian", "snowball", "italian"),
    ("lithuanian", "iso", "lt"),
    ("norwegian", "snowball", "norwegian"),
    ("portuguese", "snowball", "portuguese"),
    ("romanian", "iso", "ro"),
    ("russian", "snowball", "russian"),
    ("serbian", "iso-latin-cyrillic", "hr"),
    ("spanish", "snowball", "spanish"),
    ("swedish", "snowball", "swedish"),
    ("turkish", "iso", "tr"),
    ("chinese", "iso", "zh"),
    ("japanese", "iso", "ja"),
    ("korean", "iso", "ko"),
    ("thai", "iso", "th"),
    ("nepali", "libsumm", "ne"),
    ("bulgarian", "iso", "bg"),
    ("czech", "iso", "cs"),
    ("kazakh", "libsumm", "kk"),
    ("marathi", "iso", "mr"),
    ("persian", "iso", "fa"),
    ("polish", "iso", "pl"),
    ("slovak", "iso", "sk"),
    ("ukrainian", "iso", "uk"),
    ("urdu", "iso", "ur"),
]

# Common Nepali function words (postpositions, pronouns, forms of "to be"),
# written for libsumm: no licensed list exists.
NEPALI = """
र वा तर पनि नै त अनि भने भन्ने कि को का की मा ले लाई बाट देखि सम्म संग सँग लागि
म हामी तिमी तपाईं उ उनी उनको उनले उनीहरू यो त्यो यी ती यस त्यस यसको त्यसको यहाँ त्यहाँ
छ छन् छु छौं थियो थिए थियौं हो होइन हुन् हुन्छ हुन्छन् हुने हुनेछ भयो भए भएको भएका गर्न
गरेको गरेका गर्ने गरी गर्दै सबै अरू अर्को केही धेरै कुनै जुन जस्तो कसरी किन के कहाँ
""".split()

# Common Kazakh function words (conjunctions, postpositions, pronouns and
# their case forms, particles, auxiliaries), written for libsumm: no
# licensed list exists. Most of them are also what tells Kazakh from the
# other Cyrillic languages, with its letters ә ғ қ ң ө ұ ү һ і.
KAZAKH = """
және мен бен пен да де та те бұл ол осы сол мына үшін деп еді екен болып болды болады
бар жоқ емес ғана сен сіз біз олар қазір тағы әр барлық кейін дейін бойынша арқылы
туралы сияқты бірақ немесе егер ал өз өте көп бір не кім қай қандай қалай неге қашан
мұнда онда соң бері шейін сонымен яғни әлі енді тек әрі әлде иә біреу ешкім ешқандай
бәрі оның олардың менің сенің біздің сіздің оған маған саған бізге оны мені сені бізді
мұның осының солай осылай сондықтан себебі өйткені ма ме ба бе па пе болса болған
болатын тиіс керек мүмкін ретінде ішінде кезде кезінде басқа сәйкес
""".split()

WRITTEN = {"ne": NEPALI, "kk": KAZAKH}

# Languages the identifier scores by words, as (code, C identifier of the
# stopword list, stopwords-iso key to merge in). Order matters: ties go to
# the earlier language. Scripts with one candidate (Greek, Armenian, Hebrew,
# Tamil, Thai, Hangul, kana, Han, Ethiopic, Myanmar) are decided by script
# alone. The languages after Nepali came later: putting them last keeps the
# ties among the others as they were.
DETECT = [
    ("en", "english", "en"), ("fr", "french", "fr"), ("de", "german", "de"),
    ("es", "spanish", "es"), ("pt", "portuguese", "pt"), ("it", "italian", "it"),
    ("nl", "dutch", "nl"), ("sv", "swedish", "sv"), ("da", "danish", "da"),
    ("no", "norwegian", "no"), ("fi", "finnish", "fi"), ("hu", "hungarian", "hu"),
    ("id", "indonesian", "id"), ("ga", "irish", "ga"), ("eu", "basque", "eu"),
    ("ca", "catalan", "ca"), ("lt", "lithuanian", "lt"), ("ro", "romanian", "ro"),
    ("tr", "turkish", "tr"), ("ru", "russian", "ru"), ("sr", "serbian", "hr"),
    ("ar", "arabic", "ar"), ("hi", "hindi", "hi"), ("ne", "nepali", None),
    ("pl", "polish", "pl"), ("cs", "czech", "cs"), ("sk", "slovak", "sk"),
    ("bg", "bulgarian", "bg"), ("uk", "ukrainian", "uk"), ("kk", "kazakh", None),
    ("fa", "persian", "fa"), ("ur", "urdu", "ur"), ("mr", "marathi", "mr"),
]

# stopwords-iso languages without libsumm resources: detected, reported as
# "und". Languages close enough to a supported one that its resources help
# (Malay ~ Indonesian, Galician ~ Portuguese, Croatian = Serbian's list) are
# left out so that they resolve to that language.
DETECT_ONLY = ["af", "br", "eo", "et", "ha", "he", "ku", "la", "lv", "sl", "so", "st", "sw",
               "tl", "vi", "yo", "zu"]

# Letters that tell apart the languages of the Cyrillic, Arabic and
# Devanagari scripts, from their orthographies (written for libsumm). With
# five Cyrillic languages, and small lists for the other two scripts, the
# letters the lists happen to use would mislead (a list without a word
# with "ц" would make "ц" count against its language), so in these scripts
# only these letters vote.
SCRIPT_LETTERS = {
    "ъ": "bg", "ы": "ru kk", "э": "ru kk", "ё": "ru", "ь": "ru uk", "щ": "ru bg uk",
    "й": "ru bg uk kk", "ю": "ru bg uk kk", "я": "ru bg uk kk",
    "є": "uk", "ї": "uk", "ґ": "uk", "і": "uk kk",
    "ј": "sr", "љ": "sr", "њ": "sr", "ћ": "sr", "ђ": "sr", "џ": "sr",
    "ә": "kk", "ғ": "kk", "қ": "kk", "ң": "kk", "ө": "kk", "ұ": "kk", "ү": "kk", "һ": "kk",
    "ٹ": "ur", "ڈ": "ur", "ڑ": "ur", "ں": "ur", "ھ": "ur", "ہ": "ur", "ے": "ur",
    "پ": "fa ur ku", "چ": "fa ur ku", "گ": "fa ur ku", "ک": "fa ur ku", "ی": "fa ur ku",
    "ژ": "fa ku", "ە": "ku", "ۆ": "ku", "ێ": "ku", "ڵ": "ku", "ڕ": "ku",
    "ك": "ar", "ي": "ar", "ى": "ar", "ة": "ar", "أ": "ar", "إ": "ar",
    "ळ": "mr",
}


def script_letter_range(ch):
    """Cyrillic, Arabic and Devanagari letters: SCRIPT_LETTERS decides their votes."""
    c = ord(ch)
    return (0x0400 <= c <= 0x052F or 0x0600 <= c <= 0x06FF or 0x0750 <= c <= 0x077F or
            0x0900 <= c <= 0x097F)


LATIN_TO_CYRILLIC = [
    ("lj", "љ"), ("nj", "њ"), ("dž", "џ"), ("a", "а"), ("b", "б"), ("c", "ц"), ("č", "ч"),
    ("ć", "ћ"), ("d", "д"), ("đ", "ђ"), ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "х"),
    ("i", "и"), ("j", "ј"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"),
    ("p", "п"), ("r", "р"), ("s", "с"), ("š", "ш"), ("t", "т"), ("u", "у"), ("v", "в"),
    ("z", "з"), ("ž", "ж"),
]


def fold(w):
    w = unicodedata.normalize("NFKC", w.casefold())
    return w.replace("\u2019", "'").replace("\u02bc", "'")


def to_cyrillic(w):
    out, i = [], 0
    while i < len(w):
        for lat, cyr in LATIN_TO_CYRILLIC:
            if w.startswith(lat, i):
                out.append(cyr)
                i += len(lat)
                break
        else:
            return None  # a letter outside Serbian Latin: no Cyrillic form
    return "".join(out)


def unique(words):
    seen, out = set(), []
    for w in words:
        w = fold(w.strip())
        if w and w not in seen:
            seen.add(w)
            out.append(w)
    return out


def read_snowball(path):
    words = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            words.extend(line.split("|", 1)[0].split())
    return unique(words)


def load(root):
    with open(os.path.join(root, "iso", "stopwords-iso.json"), encoding="utf-8") as f:
        iso = {k: unique(v) for k, v in json.load(f).items()}
    lists = {}
    for ident, source, key in LISTS:
        if source == "snowball":
            lists[ident] = read_snowball(os.path.join(root, "snowball", key + ".txt"))
        elif source == "iso":
            lists[ident] = iso[key]
        elif source == "libsumm":
            lists[ident] = unique(WRITTEN[key])
        else:
            latin = iso[key]
            lists[ident] = unique(latin + [c for c in map(to_cyrillic, latin) if c])
    return lists, iso


def fnv1a(data):
    h = 2166136261
    for b in data:
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


def c_string(s):
    out = []
    for b in s.encode("utf-8"):
        if b < 0x20 or b >= 0x7F or b in (0x22, 0x5C, 0x3F):
            out.append("\\%03o" % b)
        else:
            out.append(chr(b))
    return '"' + "".join(out) + '"'


def write_items(out, items, indent="    ", width=96):
    line = indent[:-1]
    for item in items:
        item = " " + item + ","
        if len(line) + len(item) > width:
            out.write(line + "\n")
            line = indent[:-1]
        line += item
    out.write(line + "\n")


HEADER = """/* Generated by scripts/gen_stopwords.py; do not edit.
 * Snowball stopword lists: Copyright (c) 2001, Dr Martin Porter,
 * Copyright (c) 2002, Richard Boulton. BSD-3-Clause. stopwords-iso lists:
 * Copyright (c) Gene Diaz, MIT. The full notices are in
 * libsumm/data/LICENSE.stopwords. */

"""


def write_stopwords(out, lists):
    out.write(HEADER)
    for ident, _, _ in LISTS:
        out.write("static const char *const stopwords_%s[] = {\n" % ident)
        write_items(out, [c_string(w) for w in lists[ident]] + ["NULL"])
        out.write("};\n\n")


def write_langid(out, lists, iso):
    codes = [c for c, _, _ in DETECT] + DETECT_ONLY
    if len(codes) > 64:
        raise SystemExit("too many languages for a 64-bit mask")
    words = {}
    for bit, code in enumerate(codes):
        if bit < len(DETECT):
            _, ident, key = DETECT[bit]
            vocab = unique(lists[ident] + (iso[key] if key else []))
        else:
            vocab = iso[code]
        for w in vocab:
            words[w] = words.get(w, 0) | (1 << bit)
    letters = {}
    for w, mask in words.items():
        for ch in w:
            if ord(ch) >= 0xC0 and ch.isalpha() and not script_letter_range(ch):
                letters[ch] = letters.get(ch, 0) | mask
    for ch, langs in SCRIPT_LETTERS.items():
        letters[ch] = sum(1 << codes.index(c) for c in langs.split())
    # Sorted by UTF-8 bytes, so that C can binary search with memcmp.
    keys = sorted(words, key=lambda w: w.encode("utf-8"))
    out.write(HEADER)
    out.write("/* Languages of the word table, by bit; \"und\" marks languages libsumm\n")
    out.write(" * recognises but has no resources for (their ISO 639-1 code follows). */\n")
    out.write("#define LANGID_N_LANGS %d\n" % len(codes))
    out.write("#define LANGID_N_SUPPORTED %d\n" % len(DETECT))
    out.write("#define LANGID_HEBREW %d /* Hebrew text is told from Yiddish by it */\n"
              % codes.index("he"))
    out.write("static const char *const langid_codes[LANGID_N_LANGS] = {\n")
    write_items(out, [c_string(c) for c in codes])
    out.write("};\n\n")
    out.write("typedef struct langid_word {\n    const char *word;\n    uint32_t len;\n"
              "    uint64_t langs;\n} langid_word;\n\n")
    out.write("#define LANGID_N_WORDS %d\n" % len(keys))
    out.write("static const langid_word langid_words[LANGID_N_WORDS] = {\n")
    for w in keys:
        out.write("    { %s, %d, UINT64_C(0x%x) },\n" % (c_string(w), len(w.encode("utf-8")),
                                                      words[w]))
    out.write("};\n\n")
    # Open addressing with linear probing on FNV-1a of the UTF-8 bytes; the
    # C side computes the same hash (langid.c).
    size = 1
    while size < 2 * len(keys):
        size *= 2
    slots = [0xFFFF] * size
    for i, w in enumerate(keys):
        h = fnv1a(w.encode("utf-8")) & (size - 1)
        while slots[h] != 0xFFFF:
            h = (h + 1) & (size - 1)
        slots[h] = i
    if len(keys) >= 0xFFFF:
        raise SystemExit("too many words for 16-bit slots")
    out.write("#define LANGID_N_SLOTS %d /* a power of two */\n" % size)
    out.write("static const uint16_t langid_slots[LANGID_N_SLOTS] = {\n")
    write_items(out, ["%d" % x for x in slots])
    out.write("};\n\n")
    out.write("typedef struct langid_letter {\n    int32_t cp;\n    uint64_t langs;\n"
              "} langid_letter;\n\n")
    out.write("#define LANGID_N_LETTERS %d\n" % len(letters))
    out.write("static const langid_letter langid_letters[LANGID_N_LETTERS] = {\n")
    for ch in sorted(letters):
        out.write("    { 0x%04X, UINT64_C(0x%x) },\n" % (ord(ch), letters[ch]))
    out.write("};\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "shared", "data", "stopwords")
    root = sys.argv[1] if len(sys.argv) > 1 else default
    data = os.path.join(here, "..", "libsumm", "data")
    lists, iso = load(root)
    with open(os.path.join(data, "stopwords.inc"), "w", encoding="utf-8") as out:
        write_stopwords(out, lists)
    with open(os.path.join(data, "langid.inc"), "w", encoding="utf-8") as out:
        write_langid(out, lists, iso)


if __name__ == "__main__":
    main()
