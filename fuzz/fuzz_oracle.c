/* Invariant checks shared by the fuzz targets; see fuzz_oracle.h. */
#include "fuzz_oracle.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

void fuzz_fail(const char *fmt, ...)
{
    va_list ap;
    fputs("invariant violated: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fflush(stderr);
    abort();
}

/* An independent RFC 3629 decoder: the oracle must not share code with the
 * library it checks. Returns the sequence length, or 0 if invalid. */
static size_t decode(const unsigned char *s, size_t avail, int32_t *cp)
{
    size_t n, i;
    int32_t v, min;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if ((s[0] & 0xE0) == 0xC0) {
        n = 2;
        v = s[0] & 0x1F;
        min = 0x80;
    } else if ((s[0] & 0xF0) == 0xE0) {
        n = 3;
        v = s[0] & 0x0F;
        min = 0x800;
    } else if ((s[0] & 0xF8) == 0xF0) {
        n = 4;
        v = s[0] & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (avail < n)
        return 0;
    for (i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

void fuzz_units_init(fuzz_units *u, const char *text, size_t len)
{
    size_t i = 0;
    u->text = text;
    u->len = len;
    u->first_bad = len;
    u->is_start = calloc(len + 1, 1);
    u->cp = calloc(len + 1, sizeof *u->cp);
    if (!u->is_start || !u->cp)
        fuzz_fail("out of memory in the oracle");
    while (i < len) {
        int32_t cp;
        size_t n = decode((const unsigned char *)text + i, len - i, &cp);
        u->is_start[i] = 1;
        if (n == 0) {
            u->cp[i] = -1;
            if (u->first_bad == len)
                u->first_bad = i;
            n = 1;
        } else {
            u->cp[i] = cp;
        }
        i += n;
    }
    u->is_start[len] = 1;
}

void fuzz_units_free(fuzz_units *u)
{
    free(u->is_start);
    free(u->cp);
    u->is_start = NULL;
    u->cp = NULL;
}

bool fuzz_is_edge_space(int32_t cp)
{
    if (cp < 0)
        return true;
    if (cp <= 0x20 || cp == 0x7F)
        return true;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return true;
    default:
        return false;
    }
}

bool fuzz_is_gap(int32_t cp)
{
    return fuzz_is_edge_space(cp) || cp == 0xFFFD ||
           utf8proc_category(cp) == UTF8PROC_CATEGORY_CF;
}

/* Start of the unit that ends at `end` (end > 0, on a unit boundary). */
static size_t unit_before(const fuzz_units *u, size_t end)
{
    size_t i = end - 1;
    while (i > 0 && !u->is_start[i])
        i--;
    return i;
}

void fuzz_check_spans(const fuzz_units *u, const summ_span *sp, size_t n, bool score_order,
                      const char *what)
{
    size_t i;
    unsigned char *covered;

    FUZZ_CHECK(n == 0 || sp != NULL, "%s: %zu spans but a NULL array", what, n);
    covered = calloc(u->len + 1, 1);
    if (!covered)
        fuzz_fail("out of memory in the oracle");
    for (i = 0; i < n; i++) {
        size_t s = sp[i].start, e = sp[i].end, k;
        FUZZ_CHECK(s < e && e <= u->len, "%s: span %zu [%zu, %zu) not inside [0, %zu)", what, i,
                   s, e, u->len);
        FUZZ_CHECK(e - s <= SUMM_MAX_SENTENCE_BYTES, "%s: span %zu is %zu bytes long", what, i,
                   e - s);
        FUZZ_CHECK(u->is_start[s] && u->is_start[e],
                   "%s: span %zu [%zu, %zu) not on code point boundaries", what, i, s, e);
        FUZZ_CHECK(!fuzz_is_edge_space(u->cp[s]), "%s: span %zu starts with U+%04X at %zu", what,
                   i, (unsigned)u->cp[s], s);
        k = unit_before(u, e);
        FUZZ_CHECK(!fuzz_is_edge_space(u->cp[k]), "%s: span %zu ends with U+%04X at %zu", what,
                   i, (unsigned)u->cp[k], k);
        for (k = s; k < e; k++) {
            FUZZ_CHECK(!covered[k], "%s: span %zu [%zu, %zu) overlaps another at %zu", what, i,
                       s, e, k);
            covered[k] = 1;
        }
        if (i == 0)
            continue;
        if (score_order) {
            double a = sp[i - 1].score, b = sp[i].score;
            FUZZ_CHECK(a > b || (a == b && sp[i - 1].sentence < sp[i].sentence),
                       "%s: spans %zu and %zu not in score order", what, i - 1, i);
        } else {
            FUZZ_CHECK(sp[i - 1].end <= s && sp[i - 1].sentence < sp[i].sentence,
                       "%s: spans %zu and %zu not in document order", what, i - 1, i);
        }
    }
    free(covered);
}

void fuzz_check_split(const fuzz_units *u, const summ_span *sp, size_t n)
{
    size_t i, pos = 0;
    fuzz_check_spans(u, sp, n, false, "split");
    for (i = 0; i <= n; i++) {
        size_t gap_end = i < n ? sp[i].start : u->len, k;
        if (i < n) {
            FUZZ_CHECK(sp[i].sentence == i, "split: span %zu has sentence index %u", i,
                       sp[i].sentence);
            FUZZ_CHECK(sp[i].score == 0.0, "split: span %zu has a non-zero score", i);
        }
        /* The splitter may drop white space between sentences, never text. */
        for (k = pos; k < gap_end; k++)
            if (u->is_start[k])
                FUZZ_CHECK(fuzz_is_gap(u->cp[k]),
                           "split: U+%04X at byte %zu is in no sentence", (unsigned)u->cp[k], k);
        if (i < n)
            pos = sp[i].end;
    }
}

void fuzz_check_same(const summ_span *a, size_t na, const summ_span *b, size_t nb,
                     const char *what)
{
    size_t i;
    FUZZ_CHECK(na == nb, "%s: %zu spans, then %zu", what, na, nb);
    for (i = 0; i < na; i++) {
        FUZZ_CHECK(a[i].start == b[i].start && a[i].end == b[i].end &&
                       a[i].sentence == b[i].sentence &&
                       memcmp(&a[i].score, &b[i].score, sizeof a[i].score) == 0,
                   "%s: span %zu differs: [%zu, %zu) #%u %.17g vs [%zu, %zu) #%u %.17g", what, i,
                   a[i].start, a[i].end, a[i].sentence, a[i].score, b[i].start, b[i].end,
                   b[i].sentence, b[i].score);
    }
}

/* Whether a code point can begin or end a word: not white space, not
 * punctuation or a symbol in ASCII, not an invalid byte. (Other scripts'
 * punctuation is left to the tests: the oracle has no Unicode tables.) */
static bool word_edge(int32_t cp)
{
    if (cp < 0 || fuzz_is_gap(cp))
        return false;
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return true;
}

static void check_word_range(const fuzz_units *u, size_t s, size_t e, size_t i, const char *what)
{
    FUZZ_CHECK(s < e && e <= u->len, "keyphrase %zu: %s [%zu, %zu) not inside [0, %zu)", i,
               what, s, e, u->len);
    FUZZ_CHECK(u->is_start[s] && u->is_start[e],
               "keyphrase %zu: %s [%zu, %zu) not on code point boundaries", i, what, s, e);
    FUZZ_CHECK(word_edge(u->cp[s]), "keyphrase %zu: %s starts with U+%04X at %zu", i, what,
               (unsigned)u->cp[s], s);
    FUZZ_CHECK(word_edge(u->cp[unit_before(u, e)]), "keyphrase %zu: %s ends with U+%04X", i,
               what, (unsigned)u->cp[unit_before(u, e)]);
}

void fuzz_check_keyphrases(const fuzz_units *u, const summ_keyphrases *k, size_t max)
{
    size_t i, j, n = summ_keyphrases_count(k);
    double prev = 0.0;
    summ_keyphrase past;

    FUZZ_CHECK(n <= max, "keyphrases: %zu over the maximum of %zu", n, max);
    FUZZ_CHECK(summ_keyphrases_get(k, n, &past) == SUMM_E_INVALID_ARG,
               "keyphrases: entry %zu of %zu exists", n, n);
    for (i = 0; i < n; i++) {
        summ_keyphrase kp;
        bool own = false;
        FUZZ_CHECK(summ_keyphrases_get(k, i, &kp) == SUMM_OK, "keyphrase %zu: no entry", i);
        FUZZ_CHECK(isfinite(kp.score), "keyphrase %zu: score %g", i, kp.score);
        FUZZ_CHECK(i == 0 || kp.score <= prev, "keyphrase %zu: scores %.17g after %.17g", i,
                   kp.score, prev);
        prev = kp.score;
        check_word_range(u, kp.start, kp.end, i, "text");
        FUZZ_CHECK(kp.count >= 1 && kp.occurrences != NULL, "keyphrase %zu: count %zu", i,
                   kp.count);
        for (j = 0; j < kp.count; j++) {
            const summ_range *o = &kp.occurrences[j];
            check_word_range(u, o->start, o->end, i, "occurrence");
            FUZZ_CHECK(j == 0 || kp.occurrences[j - 1].end <= o->start,
                       "keyphrase %zu: occurrences %zu and %zu overlap or are unsorted", i,
                       j - 1, j);
            own |= o->start == kp.start && o->end == kp.end;
        }
        FUZZ_CHECK(own, "keyphrase %zu: its text [%zu, %zu) is none of its occurrences", i,
                   kp.start, kp.end);
    }
}
