"""A pure-Python ROUGE with the same definitions as libsumm's C ROUGE
(libsumm/rouge.c), written as plainly as possible to check it against.

- tokenize(text, mode, stem): "ascii" mode as the rouge-score package
  (lower-case, [^a-z0-9] separates); "unicode" mode: runs of letters, marks
  and digits, case folded and NFKC-normalised. Tokens longer than 3
  characters go through `stem` (a function) when one is given.
- rouge_n, rouge_l, rouge_lsum return (precision, recall, f1); score()
  picks the best reference by F1 (the first on a tie).
- porter_stem is M. F. Porter's 1980 algorithm, as libstemmer's "porter".
"""
import re
import unicodedata
from collections import Counter

# ---------------------------------------------------------------- tokenizers

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def tokenize_ascii(text):
    return [t for t in _NON_ALNUM.sub(" ", text.lower()).split(" ") if t]


def _is_token_char(ch):
    return unicodedata.category(ch)[0] in "LMN"


def tokenize_unicode(text):
    tokens, cur = [], []
    for ch in text:
        if _is_token_char(ch):
            cur.append(ch)
        elif cur:
            tokens.append("".join(cur))
            cur = []
    if cur:
        tokens.append("".join(cur))
    return [unicodedata.normalize("NFKC", t.casefold()) for t in tokens]


def tokenize(text, mode="ascii", stem=None, min_len=3):
    toks = tokenize_ascii(text) if mode == "ascii" else tokenize_unicode(text)
    if stem:
        toks = [stem(t) if len(t) > min_len else t for t in toks]
    return toks


def lines(text, mode="ascii", stem=None):
    """Tokens per '\\n'-separated line, lines without tokens dropped."""
    out = [tokenize(line, mode, stem) for line in text.split("\n")]
    return [t for t in out if t]


# ---------------------------------------------------------------- Porter

def _cons(w, i):
    c = w[i]
    if c in "aeiou":
        return False
    if c == "y":
        return i == 0 or not _cons(w, i - 1)
    return True


def _measure(stem):
    """m in [C](VC)^m[V]."""
    m, prev_vowel = 0, False
    for i in range(len(stem)):
        c = _cons(stem, i)
        if c and prev_vowel:
            m += 1
        prev_vowel = not c
    return m


def _has_vowel(stem):
    return any(not _cons(stem, i) for i in range(len(stem)))


def _double_cons(w):
    return len(w) >= 2 and w[-1] == w[-2] and _cons(w, len(w) - 1)


def _cvc(w):
    n = len(w)
    return (n >= 3 and _cons(w, n - 3) and not _cons(w, n - 2) and _cons(w, n - 1)
            and w[-1] not in "wxy")


_STEP2 = [("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"),
          ("izer", "ize"), ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"),
          ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"), ("ator", "ate"),
          ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"),
          ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble")]
_STEP3 = [("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"),
          ("ful", ""), ("ness", "")]
_STEP4 = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
          "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize"]


def _suffix(s):
    return s[0] if isinstance(s, tuple) else s


def _longest(w, suffixes):
    """The longest entry of suffixes that w ends with, or None."""
    best = None
    for s in suffixes:
        if w.endswith(_suffix(s)) and (best is None or len(_suffix(s)) > len(_suffix(best))):
            best = s
    return best


def porter_stem(w):
    # No length guard: libstemmer stems "is" to "i" (ROUGE skips short tokens).
    # Step 1a
    if w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("ies"):
        w = w[:-2]
    elif w.endswith("ss"):
        pass
    elif w.endswith("s"):
        w = w[:-1]
    # Step 1b
    again = False
    if w.endswith("eed"):
        if _measure(w[:-3]) > 0:
            w = w[:-1]
    elif w.endswith("ed") and _has_vowel(w[:-2]):
        w, again = w[:-2], True
    elif w.endswith("ing") and _has_vowel(w[:-3]):
        w, again = w[:-3], True
    if again:
        if w.endswith(("at", "bl", "iz")):
            w += "e"
        elif _double_cons(w) and w[-1] not in "lsz":
            w = w[:-1]
        elif _measure(w) == 1 and _cvc(w):
            w += "e"
    # Step 1c
    if w.endswith("y") and _has_vowel(w[:-1]):
        w = w[:-1] + "i"
    # Step 2 and 3: the longest suffix, replaced when m > 0
    for table in (_STEP2, _STEP3):
        s = _longest(w, table)
        if s and _measure(w[:-len(s[0])]) > 0:
            w = w[:-len(s[0])] + s[1]
    # Step 4: the longest suffix, removed when m > 1
    s = _longest(w, _STEP4)
    if s:
        stem = w[:-len(s)]
        if _measure(stem) > 1 and (s != "ion" or stem.endswith(("s", "t"))):
            w = stem
    # Step 5a
    if w.endswith("e"):
        m = _measure(w[:-1])
        if m > 1 or (m == 1 and not _cvc(w[:-1])):
            w = w[:-1]
    # Step 5b
    if _measure(w) > 1 and _double_cons(w) and w.endswith("l"):
        w = w[:-1]
    return w


# ---------------------------------------------------------------- scores

def _prf(hits, n_cand, n_ref):
    p = hits / n_cand if n_cand else 0.0
    r = hits / n_ref if n_ref else 0.0
    return p, r, (2 * p * r / (p + r) if p + r > 0 else 0.0)


def _ngrams(toks, n):
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def rouge_n(cand, ref, n):
    c, r = _ngrams(cand, n), _ngrams(ref, n)
    nc, nr = sum(c.values()), sum(r.values())
    if not nc or not nr:
        return _prf(0, nc, nr)
    return _prf(sum((c & r).values()), nc, nr)


def _lcs_table(a, b):
    t = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                t[i][j] = t[i - 1][j - 1] + 1
            else:
                t[i][j] = max(t[i - 1][j], t[i][j - 1])
    return t


def rouge_l(cand, ref):
    if not cand or not ref:
        return _prf(0, len(cand), len(ref))
    return _prf(_lcs_table(ref, cand)[-1][-1], len(cand), len(ref))


def _lcs_positions(ref, cand):
    """Positions in ref of one LCS, backtracking up on ties (as rouge-score)."""
    t = _lcs_table(ref, cand)
    i, j, out = len(ref), len(cand), set()
    while i > 0 and j > 0:
        if ref[i - 1] == cand[j - 1]:
            out.add(i - 1)
            i, j = i - 1, j - 1
        elif t[i][j - 1] > t[i - 1][j]:
            j -= 1
        else:
            i -= 1
    return out


def rouge_lsum(cand_lines, ref_lines):
    nc = sum(map(len, cand_lines))
    nr = sum(map(len, ref_lines))
    if not nc or not nr:
        return _prf(0, nc, nr)
    left_c = Counter(t for line in cand_lines for t in line)
    left_r = Counter(t for line in ref_lines for t in line)
    hits = 0
    for ref in ref_lines:
        union = set()
        for cand in cand_lines:
            union |= _lcs_positions(ref, cand)
        for i in sorted(union):
            t = ref[i]
            if left_c[t] > 0 and left_r[t] > 0:
                left_c[t] -= 1
                left_r[t] -= 1
                hits += 1
    return _prf(hits, nc, nr)


def score(metric, cand, refs, mode="ascii", stem=None):
    """metric: "rouge<N>", "rougeL" or "rougeLsum"; the best reference by F1."""
    best = None
    for ref in refs:
        if metric == "rougeLsum":
            s = rouge_lsum(lines(cand, mode, stem), lines(ref, mode, stem))
        elif metric == "rougeL":
            s = rouge_l(tokenize(cand, mode, stem), tokenize(ref, mode, stem))
        else:
            s = rouge_n(tokenize(cand, mode, stem), tokenize(ref, mode, stem), int(metric[5:]))
        if best is None or s[2] > best[2]:
            best = s
    return best
