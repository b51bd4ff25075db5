/*
 * Word tokenizer: words are runs of letters, marks and digits (utf8proc
 * categories), case folded and NFKC-normalised so that "Résumé", "RÉSUMÉ" and
 * the compatibility form of "ﬁle" meet. ASCII words take a table-driven fast
 * path; only words with other characters go through utf8proc.
 *
 * Scripts written without spaces (Han and kana, Thai) and Hangul are cut into
 * overlapping character bigrams instead: "東京都庁" gives 東京, 京都, 都庁. This
 * needs no dictionary, and bigrams match the words of two characters that
 * make up most of Chinese and Japanese vocabulary; a run of one character is
 * a word of its own. A character is a base code point with the combining
 * marks that follow it (Thai vowel and tone marks).
 */
#include "text.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "alloc.h"

enum { C_OTHER = 0, C_UPPER = 1, C_LOWER = 2, C_DIGIT = 3 };

static const unsigned char ascii_class[128] = {
    ['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT, ['4'] = C_DIGIT,
    ['5'] = C_DIGIT, ['6'] = C_DIGIT, ['7'] = C_DIGIT, ['8'] = C_DIGIT, ['9'] = C_DIGIT,
    ['A'] = C_UPPER, ['B'] = C_UPPER, ['C'] = C_UPPER, ['D'] = C_UPPER, ['E'] = C_UPPER,
    ['F'] = C_UPPER, ['G'] = C_UPPER, ['H'] = C_UPPER, ['I'] = C_UPPER, ['J'] = C_UPPER,
    ['K'] = C_UPPER, ['L'] = C_UPPER, ['M'] = C_UPPER, ['N'] = C_UPPER, ['O'] = C_UPPER,
    ['P'] = C_UPPER, ['Q'] = C_UPPER, ['R'] = C_UPPER, ['S'] = C_UPPER, ['T'] = C_UPPER,
    ['U'] = C_UPPER, ['V'] = C_UPPER, ['W'] = C_UPPER, ['X'] = C_UPPER, ['Y'] = C_UPPER,
    ['Z'] = C_UPPER,
    ['a'] = C_LOWER, ['b'] = C_LOWER, ['c'] = C_LOWER, ['d'] = C_LOWER, ['e'] = C_LOWER,
    ['f'] = C_LOWER, ['g'] = C_LOWER, ['h'] = C_LOWER, ['i'] = C_LOWER, ['j'] = C_LOWER,
    ['k'] = C_LOWER, ['l'] = C_LOWER, ['m'] = C_LOWER, ['n'] = C_LOWER, ['o'] = C_LOWER,
    ['p'] = C_LOWER, ['q'] = C_LOWER, ['r'] = C_LOWER, ['s'] = C_LOWER, ['t'] = C_LOWER,
    ['u'] = C_LOWER, ['v'] = C_LOWER, ['w'] = C_LOWER, ['x'] = C_LOWER, ['y'] = C_LOWER,
    ['z'] = C_LOWER,
};

/* An ASCII word character folded (upper case to lower), or 0 for any other
 * byte: bytes from 0x80 up and characters that are not part of words. */
static const char ascii_fold[256] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4',
    ['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9',
    ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f', ['G'] = 'g',
    ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n',
    ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't', ['U'] = 'u',
    ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y', ['Z'] = 'z',
    ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f', ['g'] = 'g',
    ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n',
    ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't', ['u'] = 'u',
    ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z',
};

/* Eight bytes at a time (SWAR): bit 7 of each byte of the result is set
 * where the byte lies in [lo, hi]; ASCII bytes only. */
#define BYTES(c) ((uint64_t)(c) * 0x0101010101010101u)
static inline uint64_t bytes_in(uint64_t x, unsigned lo, unsigned hi)
{
    uint64_t low7 = x & BYTES(0x7F);
    uint64_t ge = low7 + BYTES(0x80 - lo); /* bit 7: byte >= lo */
    uint64_t gt = low7 + BYTES(0x7F - hi); /* bit 7: byte > hi */
    return ge & ~gt & ~x & BYTES(0x80);
}

/* Folds the ASCII letters and digits that start at text[i] (before end)
 * into out, eight at a time while eight bytes remain; returns how many.
 * Word ends are found without a branch per byte, which a byte loop
 * mispredicts at the end of every word. It writes 8 bytes only where 8
 * bytes of text remain, so out needs no more room than the text has. */
static size_t ascii_run8(const char *text, size_t i, size_t end, char *out)
{
    size_t n = 0;
    while (end - i >= 8) {
        uint64_t x, upper, word;
        memcpy(&x, text + i, 8);
        upper = bytes_in(x, 'A', 'Z');
        word = bytes_in(x | BYTES(0x20), 'a', 'z') | bytes_in(x, '0', '9');
        x |= upper >> 2; /* 'A'..'Z' + 0x20 = 'a'..'z' */
        memcpy(out + n, &x, 8);
        if (word != BYTES(0x80)) {
            /* Little-endian: the first byte is the lowest. */
            uint64_t stop = ~word & BYTES(0x80);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__GNUC__)
            return n + (size_t)__builtin_ctzll(stop) / 8;
#else
            size_t k = 0;
            while (!(stop >> (8 * k + 7) & 1))
                k++;
            return n + k;
#endif
        }
        n += 8;
        i += 8;
    }
    return n;
}

/* ASCII text is scanned 64 bytes at a time where SSE2 is there to classify
 * them: one pass finds every letter and digit and folds the whole chunk, and
 * its words then come out of the bit masks, without a test per byte or a
 * branch per word end (which a byte loop mispredicts once a word).
 * SUMM_TOKENIZER_PORTABLE leaves it out: the unit tests build the tokenizer
 * that way too, as the reference the chunk path must match. */
#if defined(__SSE2__) && defined(__GNUC__) && !defined(SUMM_TOKENIZER_PORTABLE)
#include <emmintrin.h>
#define HAVE_CHUNKS 1
#define CHUNK 64

/* The 16 bytes at p: bit k of *word is set where p[k] is an ASCII letter or
 * digit, bit k of *special where it is an apostrophe or not ASCII (the
 * general path decides what those do); returns the bytes folded (ASCII upper
 * case to lower). Signed compares put bytes from 0x80 up below every bound,
 * so they are never letters or digits. */
static inline __m128i classes16(const char *p, uint64_t *word, uint64_t *special)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i lower = _mm_or_si128(x, _mm_set1_epi8(0x20));
    __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                                  _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
    __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('A' - 1)),
                                  _mm_cmplt_epi8(x, _mm_set1_epi8('Z' + 1)));
    __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                                  _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
    __m128i apos = _mm_cmpeq_epi8(x, _mm_set1_epi8('\''));
    *word = (uint32_t)_mm_movemask_epi8(_mm_or_si128(alpha, digit));
    *special = (uint32_t)_mm_movemask_epi8(_mm_or_si128(x, apos));
    return _mm_or_si128(x, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
}

/* Emits the plain ASCII words of the chunk at text[*pos] (the rest of the
 * span when it is shorter, as if spaces followed) and moves *pos past them.
 * It stops early, with *general set, at the first word or byte it cannot
 * take alone: an apostrophe or a non-ASCII byte, a word followed by one, or
 * a word running past the chunk; *pos is then where the general path must
 * go on. *productive: whether it emitted a word.
 * fold has CHUNK + 16 bytes; its last 16 are zero, so that every word has
 * 16 defined bytes after it. */
static int tokenize_chunk(const char *text, size_t *pos, size_t end, char *fold,
                          summ__word_fn fn, void *ud, bool *general, bool *productive)
{
    size_t base = *pos, avail = end - base;
    const char *src = text + base;
    char padded[CHUNK];
    uint64_t word = 0, special = 0, done = 0;
    int k, rc;

    if (avail < CHUNK) {
        memcpy(padded, src, avail);
        memset(padded + avail, ' ', CHUNK - avail);
        src = padded;
    }
    for (k = 0; k < CHUNK / 16; k++) {
        uint64_t w, sp;
        __m128i f = classes16(src + 16 * k, &w, &sp);
        _mm_storeu_si128((__m128i *)(void *)(fold + 16 * k), f);
        word |= w << (16 * k);
        special |= sp << (16 * k);
    }
    *productive = false;
    for (;;) {
        uint64_t events = (word | special) & ~done, rest;
        unsigned s, e;
        if (events == 0) {
            *pos = base + (avail < CHUNK ? avail : CHUNK);
            *general = false;
            return SUMM_OK;
        }
        s = (unsigned)__builtin_ctzll(events);
        rest = ~(word >> s);
        e = rest ? s + (unsigned)__builtin_ctzll(rest) : CHUNK;
        if ((special >> s & 1) || e >= CHUNK || (special >> e & 1)) {
            *pos = base + s;
            *general = true;
            return SUMM_OK;
        }
        if ((rc = fn(ud, base + s, base + e, fold + s, e - s)) < 0)
            return rc;
        *productive = true;
        done = ((uint64_t)1 << e) - 1;
    }
}
#endif

void summ__fold_buf_dispose(summ__fold_buf *b)
{
    if (!b->alloc)
        return;
    summ__free(b->alloc, b->bytes, b->cap);
    summ__free(b->alloc, b->cps, b->cps_cap * sizeof *b->cps);
    b->bytes = NULL;
    b->cps = NULL;
    b->len = b->cap = b->cps_cap = 0;
}

bool summ__is_word_cp(int32_t cp)
{
    if (cp < 0x80)
        return ascii_class[cp] != C_OTHER;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return true;
    default:
        return false;
    }
}

/* Apostrophe look-alikes that join the two halves of "don't" / "l’homme". */
static bool is_apostrophe(int32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == 0xFF07;
}

/* Which bigram run a code point belongs to: 0 for none; Han and kana share
 * one, since Japanese mixes them inside words. */
static int bigram_class(int32_t cp)
{
    summ__script sc;
    if (cp < 0x80)
        return 0;
    sc = summ__script_of(cp);
    if (!summ__script_unspaced(sc) || !summ__is_word_cp(cp))
        return 0;
    return sc == SUMM__SCRIPT_KANA ? (int)SUMM__SCRIPT_HAN : (int)sc;
}

static bool is_mark_cp(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

/* The bigram class of the code point at text[i], 0 at the end or for an
 * invalid byte. */
static int class_at(const char *text, size_t i, size_t end)
{
    int32_t cp;
    if (i >= end || summ__utf8_decode(text, end, i, &cp) < 0)
        return 0;
    return bigram_class(cp);
}

/* The end of the character starting at text[i]: its code point and the
 * combining marks after it. */
static size_t char_end(const char *text, size_t i, size_t end)
{
    int32_t cp;
    int n = summ__utf8_decode(text, end, i, &cp);
    i += n > 0 ? (size_t)n : 1;
    while (i < end) {
        n = summ__utf8_decode(text, end, i, &cp);
        if (n < 0 || cp < 0x80 || !is_mark_cp(cp))
            break;
        i += (size_t)n;
    }
    return i;
}

static int emit_folded(const char *text, size_t ws, size_t we, summ__fold_buf *buf,
                       summ__word_fn fn, void *ud)
{
    int rc = summ__fold(text + ws, we - ws, buf);
    if (rc < 0)
        return rc;
    return fn(ud, ws, we, buf->bytes, buf->len);
}

/* Emits the overlapping bigrams of the run of class cls at text[*pos] and
 * moves *pos past the run. */
static int tokenize_run(const char *text, size_t *pos, size_t end, int cls, summ__fold_buf *buf,
                        summ__word_fn fn, void *ud)
{
    size_t a = *pos, b = char_end(text, a, end);
    int rc;
    if (class_at(text, b, end) != cls) {
        *pos = b;
        return emit_folded(text, a, b, buf, fn, ud);
    }
    while (class_at(text, b, end) == cls) {
        size_t c = char_end(text, b, end);
        if ((rc = emit_folded(text, a, c, buf, fn, ud)) < 0)
            return rc;
        a = b;
        b = c;
    }
    *pos = b;
    return SUMM_OK;
}

/* Room for n bytes and 8 more, so that a word can be read in 8-byte
 * blocks; new room is zeroed, so that what such a read finds is defined. */
static int reserve_bytes(summ__fold_buf *b, size_t n)
{
    void *p = b->bytes;
    size_t old = b->cap;
    int rc = n > SIZE_MAX - 8 ? SUMM_E_NOMEM : summ__grow(b->alloc, &p, &b->cap, n + 8, 1);
    if (rc == SUMM_OK) {
        b->bytes = p;
        if (b->cap > old)
            memset(b->bytes + old, 0, b->cap - old);
    }
    return rc;
}

/* Whether text is ASCII and the letters of Latin-1 only: U+00C0 to U+00FF
 * (UTF-8 C3 80 to C3 BF) but the signs U+00D7 and U+00F7 and U+00DF ß,
 * which case folds to "ss". Under NFKC and case folding each of those
 * letters is its own lower case, one code point that nothing composes
 * with, so such a word folds byte by byte. Any other byte (a combining
 * mark, ª, µ, a letter of another block) needs utf8proc. */
static bool latin1_letters(const char *text, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i], d;
        if (c < 0x80)
            continue;
        if (c != 0xC3 || i + 1 >= len)
            return false;
        d = (unsigned char)text[++i];
        if (d < 0x80 || d > 0xBF || d == 0x97 || d == 0x9F || d == 0xB7)
            return false;
    }
    return true;
}

int summ__fold(const char *text, size_t len, summ__fold_buf *b)
{
    const utf8proc_option_t opt =
        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD;
    utf8proc_ssize_t n;
    size_t i, j, bytes;
    int rc;

    if (latin1_letters(text, len)) {
        /* ASCII capitals and U+00C0 to U+00DE (C3 80 to C3 9E) lie 0x20
         * below their lower case; the accented words of French, German,
         * Spanish or Portuguese stay clear of utf8proc. */
        bool after_c3 = false;
        if ((rc = reserve_bytes(b, len + 1)) < 0)
            return rc;
        for (i = 0; i < len; i++) {
            unsigned char c = (unsigned char)text[i];
            if ((c >= 'A' && c <= 'Z') || (after_c3 && c <= 0x9E))
                c = (unsigned char)(c + 0x20);
            after_c3 = c == 0xC3;
            b->bytes[i] = (char)c;
        }
        b->bytes[len] = '\0';
        b->len = len;
        return SUMM_OK;
    }
    if (len > (size_t)PTRDIFF_MAX / 16)
        return SUMM_E_TOO_LARGE;
    /* Decompose into caller-owned UTF-32 scratch (utf8proc_map would allocate
     * with malloc behind our allocator's back), grow and retry if short. */
    for (;;) {
        n = utf8proc_decompose((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)len, b->cps,
                               (utf8proc_ssize_t)b->cps_cap, opt);
        if (n < 0)
            return SUMM_E_INVALID_UTF8;
        if ((size_t)n <= b->cps_cap)
            break;
        {
            void *p = b->cps;
            if ((rc = summ__grow(b->alloc, &p, &b->cps_cap, (size_t)n, sizeof(int32_t))) < 0)
                return rc;
            b->cps = p;
        }
    }
    n = utf8proc_normalize_utf32(b->cps, n, opt);
    if (n < 0)
        return SUMM_E_INTERNAL;
    if (!summ__mul_ok((size_t)n, 4, &bytes) || bytes + 1 < bytes)
        return SUMM_E_TOO_LARGE;
    if ((rc = reserve_bytes(b, bytes + 1)) < 0)
        return rc;
    for (i = 0, j = 0; i < (size_t)n; i++) {
        int32_t cp = b->cps[i];
        if (is_apostrophe(cp))
            cp = '\'';
        j += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)b->bytes + j);
    }
    b->bytes[j] = '\0';
    b->len = j;
    return SUMM_OK;
}

int summ__tokenize(const char *text, size_t start, size_t end, summ__fold_buf *buf,
                   summ__word_fn fn, void *ud)
{
    size_t i = start;
    int rc;
#ifdef HAVE_CHUNKS
    char chunk[CHUNK + 16]; /* a chunk, folded; see tokenize_chunk */
    size_t chunk_from = start;
    memset(chunk + CHUNK, 0, 16);
#endif

    /* ASCII words are folded into buf while they are scanned; no word is
     * longer than the span. */
    if (end > start && (rc = reserve_bytes(buf, end - start + 1)) < 0)
        return rc;
    while (i < end) {
        size_t ws, we, j = 0;
        bool ascii = true, prev_letter = false;
        char *out;
        int32_t cp;
        int n;

        unsigned char c;
#ifdef HAVE_CHUNKS
        if (i >= chunk_from) {
            bool general, productive;
            if ((rc = tokenize_chunk(text, &i, end, chunk, fn, ud, &general, &productive)) < 0)
                return rc;
            if (!general)
                continue;
            /* One word or byte the general way. The rest of a chunk that
             * gave no word (text in another script) is left to the general
             * path too, rather than classified again word after word. */
            chunk_from = productive ? i : i + CHUNK;
        }
#endif
        /* Skip to the next word character. */
        c = (unsigned char)text[i];
        if (c < 0x80) {
            if (ascii_fold[c] == 0) {
                i++;
                continue;
            }
        } else {
            n = summ__utf8_decode(text, end, i, &cp);
            if (n < 0) {
                i++;
                continue;
            }
            if (!summ__is_word_cp(cp)) {
                i += (size_t)n;
                continue;
            }
            if ((n = bigram_class(cp)) != 0) {
                if ((rc = tokenize_run(text, &i, end, n, buf, fn, ud)) < 0)
                    return rc;
                continue;
            }
        }
        ws = i;
        /* summ__fold may have moved the buffer (it only grows). */
        out = buf->bytes;
        /* Extend over word characters and apostrophes between letters,
         * writing ASCII characters folded to out[j] (j <= i - ws). */
        while (i < end) {
            char f;
            c = (unsigned char)text[i];
            if ((f = ascii_fold[c]) != 0) {
                /* The common case: a run of ASCII letters and digits. */
                size_t k = ascii_run8(text, i, end, out + j);
                i += k;
                j += k;
                if (i < end && (f = ascii_fold[(unsigned char)text[i]]) != 0)
                    do {
                        out[j++] = f;
                        i++;
                    } while (i < end && (f = ascii_fold[(unsigned char)text[i]]) != 0);
                prev_letter = ascii_class[(unsigned char)text[i - 1]] != C_DIGIT;
                continue;
            }
            if (c < 0x80) {
                if (c == '\'' && prev_letter && i + 1 < end) {
                    int32_t next;
                    int m = summ__utf8_decode(text, end, i + 1, &next);
                    if (m > 0 && summ__is_letter_cp(next)) {
                        out[j++] = '\'';
                        i++;
                        continue;
                    }
                }
                break;
            }
            n = summ__utf8_decode(text, end, i, &cp);
            if (n < 0 || bigram_class(cp) != 0)
                break;
            if (summ__is_word_cp(cp)) {
                prev_letter = summ__is_letter_cp(cp);
                ascii = false;
                i += (size_t)n;
                continue;
            }
            if (is_apostrophe(cp) && prev_letter && i + (size_t)n < end) {
                int32_t next;
                int m = summ__utf8_decode(text, end, i + (size_t)n, &next);
                if (m > 0 && summ__is_letter_cp(next)) {
                    ascii = false;
                    i += (size_t)n;
                    continue;
                }
            }
            break;
        }
        we = i;
        if (ascii) {
            /* Not terminated: a byte store right after the 8-byte ones
             * would keep the word's 8-byte loads from being forwarded. */
            buf->len = j;
        } else if ((rc = summ__fold(text + ws, we - ws, buf)) < 0) {
            return rc;
        }
        if ((rc = fn(ud, ws, we, buf->bytes, buf->len)) < 0)
            return rc;
    }
    return SUMM_OK;
}
