/*
 * Sentence splitter: one forward scan over the bytes. Only terminators
 * (. ! ? … and their kin in other scripts) and newlines are candidate
 * boundaries; the rules below run at candidates only, so the scan costs a
 * byte-class lookup per byte.
 *
 * A boundary is made
 *  - after a run of terminators and any closing quotes or brackets that
 *    follow it, when white space (or the end of the text) comes next and the
 *    word before the period is not an abbreviation, title or initial;
 *  - after full-width CJK terminators (。！？), which need no space;
 *  - at a blank line (paragraph break), which also ends a headline that has
 *    no terminal punctuation. Single newlines (hard-wrapped text) are not
 *    boundaries.
 * Spans exclude surrounding white space and stay on code point boundaries.
 */
#include "internal.h"

#include <string.h>
#include <utf8proc.h>

int summ__span_vec_push(summ__span_vec *v, size_t start, size_t end)
{
    if (v->len == v->cap) {
        void *p = v->items;
        int rc = summ__grow(v->alloc, &p, &v->cap, v->len + 1, sizeof *v->items);
        if (rc < 0)
            return rc;
        v->items = p;
    }
    v->items[v->len].start = start;
    v->items[v->len].end = end;
    v->items[v->len].sentence = 0;
    v->items[v->len].score = 0.0;
    v->len++;
    return SUMM_OK;
}

void summ__span_vec_dispose(summ__span_vec *v)
{
    if (v->alloc)
        summ__free(v->alloc, v->items, v->cap * sizeof *v->items);
    v->items = NULL;
    v->len = v->cap = 0;
}

typedef struct splitter {
    const summ_lang *lang;
    const char *text;
    size_t len;
    summ__span_vec *out;
} splitter;

/* Decodes the code point at i; invalid bytes read as U+FFFD of length 1. */
static int32_t cp_at(const splitter *sp, size_t i, size_t *n_out)
{
    int32_t cp;
    int n = summ__utf8_decode(sp->text, sp->len, i, &cp);
    *n_out = n < 0 ? 1 : (size_t)n;
    return cp;
}

static bool is_terminator(int32_t cp)
{
    switch (cp) {
    case '.':
    case '!':
    case '?':
    case 0x2026: /* … */
    case 0x203C: /* ‼ */
    case 0x2047: /* ⁇ */
    case 0x2048: /* ⁈ */
    case 0x2049: /* ⁉ */
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF0E: /* ． */
    case 0xFF1F: /* ？ */
    case 0xFF61: /* ｡ */
    case 0x0964: /* । */
    case 0x0965: /* ॥ */
    case 0x061F: /* ؟ */
    case 0x06D4: /* ۔ */
    case 0x0589: /* ։ */
    case 0x1362: /* ። */
    case 0x1367: /* ፧ */
    case 0x1368: /* ፨ */
    case 0x104A: /* ၊ */
    case 0x104B: /* ။ */
        return true;
    default:
        return false;
    }
}

/* Terminators that end a sentence without any following space. */
static bool is_strong_terminator(int32_t cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF61;
}

static bool is_closer(int32_t cp)
{
    switch (cp) {
    case '"':
    case '\'':
    case ')':
    case ']':
    case '}':
    case 0x00BB: /* » */
    case 0x2019: /* ’ */
    case 0x201D: /* ” */
    case 0x203A: /* › */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
    case 0x3011: /* 】 */
    case 0x3015: /* 〕 */
    case 0xFF09: /* ） */
    case 0xFF3D: /* ］ */
        return true;
    default:
        return false;
    }
}

static bool is_opener(int32_t cp)
{
    switch (cp) {
    case '"':
    case '\'':
    case '(':
    case '[':
    case '{':
    case 0x00AB: /* « */
    case 0x2018: /* ‘ */
    case 0x201C: /* “ */
    case 0x2039: /* ‹ */
    case 0x300C: /* 「 */
    case 0x300E: /* 『 */
    case 0xFF08: /* （ */
        return true;
    default:
        return false;
    }
}

static bool is_lower(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static bool is_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
           utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

static bool is_digit(int32_t cp)
{
    return cp >= '0' && cp <= '9';
}

/* Pushes text[start, end) trimmed of white space, cut into pieces of at
 * most SUMM_MAX_SENTENCE_BYTES so that no run of text grows without bound. */
static int emit(splitter *sp, size_t start, size_t end)
{
    while (start < end) {
        size_t n, piece_end;
        int32_t cp;
        int rc;

        cp = cp_at(sp, start, &n);
        if (summ__is_space(cp)) {
            start += n;
            continue;
        }
        while (end > start) {
            size_t p = summ__utf8_prev(sp->text, start, end);
            cp = cp_at(sp, p, &n);
            if (p + n != end || !summ__is_space(cp))
                break;
            end = p;
        }
        if (end - start <= SUMM_MAX_SENTENCE_BYTES)
            return summ__span_vec_push(sp->out, start, end);

        /* Too long: cut at the last ASCII white space in the second half of
         * the window, else at the last code point boundary inside it. */
        piece_end = start + SUMM_MAX_SENTENCE_BYTES;
        {
            size_t k = piece_end, lo = start + SUMM_MAX_SENTENCE_BYTES / 2;
            while (k > lo && sp->text[k - 1] != ' ' && sp->text[k - 1] != '\n' &&
                   sp->text[k - 1] != '\t')
                k--;
            if (k > lo) {
                piece_end = k;
            } else {
                while (piece_end > start + 1 &&
                       ((unsigned char)sp->text[piece_end] & 0xC0) == 0x80)
                    piece_end--;
            }
        }
        /* The piece has no leading space and its tail is trimmed by the
         * recursive call's own loop (it is short enough not to recurse again). */
        if ((rc = emit(sp, start, piece_end)) < 0)
            return rc;
        start = piece_end;
    }
    return SUMM_OK;
}

/* Case-folds a short word into out (at most cap bytes). Returns its length,
 * or -1 if it does not fit or cannot be folded. */
static long fold_small(const char *w, size_t len, char *out, size_t cap)
{
    size_t i;
    bool ascii = true;
    for (i = 0; i < len; i++)
        if ((unsigned char)w[i] >= 0x80)
            ascii = false;
    if (ascii) {
        if (len > cap)
            return -1;
        for (i = 0; i < len; i++)
            out[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] - 'A' + 'a') : w[i];
        return (long)len;
    } else {
        int32_t cps[64];
        utf8proc_ssize_t n, k;
        size_t j = 0;
        const utf8proc_option_t opt =
            UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD;
        n = utf8proc_decompose((const utf8proc_uint8_t *)w, (utf8proc_ssize_t)len, cps, 64, opt);
        if (n < 0 || n > 64)
            return -1;
        n = utf8proc_normalize_utf32(cps, n, opt);
        if (n < 0)
            return -1;
        for (k = 0; k < n; k++) {
            utf8proc_uint8_t tmp[4];
            utf8proc_ssize_t m = utf8proc_encode_char(cps[k], tmp);
            if (j + (size_t)m > cap)
                return -1;
            memcpy(out + j, tmp, (size_t)m);
            j += (size_t)m;
        }
        return (long)j;
    }
}

/* Decides whether a single period at `dot` ends a sentence, given the first
 * non-space code point after it. */
static bool period_ends_sentence(const splitter *sp, size_t seg_start, size_t dot, int32_t next)
{
    size_t ws = dot, n;
    char folded[256];
    long flen;
    bool dotted = false, all_digits = true;
    size_t letters = 0, i;

    /* The word before the period: back to white space or an opening mark. */
    while (ws > seg_start && dot - ws < 64) {
        size_t p = summ__utf8_prev(sp->text, seg_start, ws);
        int32_t cp = cp_at(sp, p, &n);
        if (summ__is_space(cp) || is_opener(cp))
            break;
        ws = p;
    }
    if (ws == dot)
        return true; /* a period on its own */

    for (i = ws; i < dot; i += n) {
        int32_t cp = cp_at(sp, i, &n);
        if (cp == '.')
            dotted = true;
        else if (!is_digit(cp))
            all_digits = false;
        if (utf8proc_category(cp) >= UTF8PROC_CATEGORY_LU &&
            utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO)
            letters++;
    }
    flen = fold_small(sp->text + ws, dot - ws, folded, sizeof folded);
    if (flen > 0 && summ__lang_is_title(sp->lang, folded, (size_t)flen))
        return false;
    /* A single capital letter is an initial: "J. R. R. Tolkien". */
    if (letters == 1 && dot - ws <= 4 && !dotted && is_upper(cp_at(sp, ws, &n)))
        return false;
    if (is_lower(next))
        return false;
    if (flen > 0 && summ__lang_is_abbreviation(sp->lang, folded, (size_t)flen))
        return is_upper(next);
    /* Dotted acronyms not in the table ("U.S.A.", "p.m.") end a sentence only
     * before a capital. */
    if (dotted && letters > 0)
        return is_upper(next);
    if (all_digits && is_digit(next))
        return false;
    return true;
}

int summ__split(const summ_lang *lang, const char *text, size_t len, bool lenient,
                summ__span_vec *out)
{
    splitter sp;
    size_t i = 0, seg_start = 0;
    int rc;

    (void)lenient; /* invalid bytes decode as U+FFFD, which counts as space */
    sp.lang = lang;
    sp.text = text;
    sp.len = len;
    sp.out = out;

    while (i < len) {
        unsigned char c = (unsigned char)text[i];
        size_t n = 1, k, e;
        int32_t cp, last_term, next;
        bool has_bang = false, ellipsis = false, boundary;
        size_t n_periods = 0;

        if (c == '\n') {
            /* A blank line: newline, optional horizontal space, newline. */
            size_t j = i + 1;
            while (j < len && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r'))
                j++;
            if (j < len && text[j] == '\n') {
                if ((rc = emit(&sp, seg_start, i)) < 0)
                    return rc;
                seg_start = j;
                i = j;
                continue;
            }
            i++;
            continue;
        }
        if (c < 0x80) {
            if (c != '.' && c != '!' && c != '?') {
                i++;
                continue;
            }
            cp = c;
        } else {
            cp = cp_at(&sp, i, &n);
            if (!is_terminator(cp)) {
                i += n;
                continue;
            }
        }

        /* A run of terminators, then closing quotes and brackets. */
        k = i;
        last_term = cp;
        while (k < len) {
            int32_t t = cp_at(&sp, k, &n);
            if (!is_terminator(t))
                break;
            if (t == '.')
                n_periods++;
            else if (t == 0x2026)
                ellipsis = true;
            else
                has_bang = true;
            last_term = t;
            k += n;
        }
        if (n_periods > 1)
            ellipsis = true;
        e = k;
        while (e < len) {
            int32_t t = cp_at(&sp, e, &n);
            if (!is_closer(t))
                break;
            e += n;
        }

        if (is_strong_terminator(last_term)) {
            boundary = true;
        } else if (e == len) {
            boundary = true;
        } else {
            size_t j = e;
            cp = cp_at(&sp, j, &n);
            if (!summ__is_space(cp) || cp == 0xFFFD) {
                /* No space after the terminator: a decimal, URL, e-mail
                 * address, file name or "U.S.A" — not a boundary. */
                boundary = false;
            } else {
                while (j < len) {
                    cp = cp_at(&sp, j, &n);
                    if (!summ__is_space(cp))
                        break;
                    j += n;
                }
                next = j < len ? cp : 0;
                /* Look past an opening quote or bracket at the word itself. */
                if (j < len && is_opener(next) && j + n < len) {
                    size_t m;
                    next = cp_at(&sp, j + n, &m);
                }
                if (has_bang)
                    boundary = !is_lower(next);
                else if (ellipsis)
                    boundary = is_upper(next) || next == 0;
                else
                    boundary = period_ends_sentence(&sp, seg_start, i, next);
            }
        }
        if (boundary) {
            if ((rc = emit(&sp, seg_start, e)) < 0)
                return rc;
            seg_start = e;
        }
        i = k;
    }
    return emit(&sp, seg_start, len);
}
