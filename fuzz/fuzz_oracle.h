/*
 * Invariants every libsumm result must satisfy, checked by the fuzz targets
 * (and usable from tests). A violated invariant prints what went wrong and
 * aborts, so libFuzzer and the corpus replay both report it as a crash.
 *
 * The checks are written from the public contract in summ.h, not from the
 * library's internals, so that they catch the library disagreeing with its
 * own documentation.
 */
#ifndef LIBSUMM_FUZZ_ORACLE_H
#define LIBSUMM_FUZZ_ORACLE_H

#include <libsumm/summ.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define FUZZ_NORETURN __attribute__((noreturn))
#define FUZZ_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define FUZZ_NORETURN
#define FUZZ_PRINTF(a, b)
#endif

/* Prints "invariant violated: ..." and aborts. */
FUZZ_NORETURN void fuzz_fail(const char *fmt, ...) FUZZ_PRINTF(1, 2);

#define FUZZ_CHECK(cond, ...) \
    do { \
        if (!(cond)) \
            fuzz_fail(__VA_ARGS__); \
    } while (0)

/* Code point units of a text: every byte that starts a code point under
 * RFC 3629 (no overlongs, no surrogates, nothing above U+10FFFF), where each
 * byte of an invalid sequence is a unit of its own. */
typedef struct fuzz_units {
    const char *text;
    size_t len;
    unsigned char *is_start; /* len + 1 entries; is_start[len] = 1 */
    int32_t *cp;             /* per starting byte: the code point, or -1 if invalid */
    size_t first_bad;        /* offset of the first invalid byte, or len */
} fuzz_units;

/* Decodes text; aborts on allocation failure. Free with fuzz_units_free(). */
void fuzz_units_init(fuzz_units *u, const char *text, size_t len);
void fuzz_units_free(fuzz_units *u);

/* White space in the narrow Unicode sense (Zs, Zl, Zp, ASCII controls and
 * space): a span must never begin or end with one, nor with an invalid byte. */
bool fuzz_is_edge_space(int32_t cp);
/* What may lie between sentences: the above plus format characters (Cf) and
 * U+FFFD, which the library trims as well. */
bool fuzz_is_gap(int32_t cp);

/* The span-level invariants: inside [0, len), start < end, on code point
 * boundaries, no white space or invalid byte at either edge, non-overlapping,
 * and sorted by start unless score_order (then by descending score, ties by
 * ascending sentence index). Every span at most SUMM_MAX_SENTENCE_BYTES long
 * (the documented cut for runs without a boundary). `what` names the call. */
void fuzz_check_spans(const fuzz_units *u, const summ_span *sp, size_t n, bool score_order,
                      const char *what);

/* The result of summ_split_sentences: valid spans, numbered 0..n-1 in
 * document order, with score 0, and nothing but gap characters outside them. */
void fuzz_check_split(const fuzz_units *u, const summ_span *sp, size_t n);

/* A keyphrase result of at most max entries: best first (scores finite and
 * not increasing); each keyphrase's text and occurrences inside [0, len),
 * start < end, on code point boundaries, beginning and ending with a
 * letter, mark or digit; occurrences sorted and non-overlapping, as many as
 * its count (>= 1), its text one of them. */
void fuzz_check_keyphrases(const fuzz_units *u, const summ_keyphrases *k, size_t max);

/* a and b are identical, span by span and bit by bit. */
void fuzz_check_same(const summ_span *a, size_t na, const summ_span *b, size_t nb,
                     const char *what);

#endif
