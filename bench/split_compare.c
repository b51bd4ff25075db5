/*
 * libsumm's splitter against ICU's sentence BreakIterator, on the same
 * text at two sizes: the "text" fields of a JSON Lines corpus (default
 * ../shared/data/summ/bbc_news_summary.dev.jsonl) joined by blank lines and
 * repeated or cut (at a blank line) to 1 MB and to 100 MB. Both read the
 * UTF-8 text in place: libsumm through summ_split_sentences (which also
 * validates UTF-8) and the bare splitter, ICU through a UText over the
 * UTF-8 bytes, walking every boundary, and ICU on UTF-16, its native
 * input, converting the text first (the conversion is timed). Prints MB/s (10^6 bytes per second
 * of CPU time, best of 3 rounds of at least 0.5 s, or of one pass at 100 MB)
 * and the sentence counts.
 *
 *   build/bench/split_compare [corpus.jsonl] [locale]
 */
#define _POSIX_C_SOURCE 200809L
#include "alloc.h"
#include "splitter.h"

#include "corpus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/ubrk.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct contender {
    const char *name;
    /* Splits text[0, len) and returns the number of sentences, or -1. */
    long (*split)(void *ctx, const char *text, size_t len);
    void *ctx;
} contender;

typedef struct summ_ctx {
    summ_lang *lang;
    summ_summarizer *s;
    summ_result *r;
    summ__span_vec out;
} summ_ctx;

static long split_public(void *ctx, const char *text, size_t len)
{
    summ_ctx *c = ctx;
    if (summ_split_sentences(c->s, text, len, c->r) < 0)
        return -1;
    return (long)summ_result_count(c->r);
}

static long split_bare(void *ctx, const char *text, size_t len)
{
    summ_ctx *c = ctx;
    c->out.len = 0;
    if (summ__split(c->lang, text, len, false, &c->out) < 0)
        return -1;
    return (long)c->out.len;
}

/* Counts ICU's segments that hold something other than white space, as
 * bench/icu_split.c reports them. */
static long split_icu(void *ctx, const char *text, size_t len)
{
    UBreakIterator *bi = ctx;
    UErrorCode err = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, text, (int64_t)len, &err);
    int32_t start, end;
    long n = 0;
    if (U_FAILURE(err))
        return -1;
    ubrk_setUText(bi, ut, &err);
    if (U_FAILURE(err)) {
        utext_close(ut);
        return -1;
    }
    start = ubrk_first(bi);
    for (end = ubrk_next(bi); end != UBRK_DONE; start = end, end = ubrk_next(bi)) {
        int32_t k;
        for (k = start; k < end; k++)
            if (text[k] != ' ' && text[k] != '\n' && text[k] != '\t' && text[k] != '\r')
                break;
        n += k < end;
    }
    utext_close(ut);
    return n;
}

/* ICU's native input: the text converted to UTF-16 first (the conversion
 * is timed too, since the caller holds UTF-8), then every boundary. */
typedef struct icu16_ctx {
    UBreakIterator *bi;
    UChar *buf;
    int32_t cap;
} icu16_ctx;

static long split_icu16(void *ctx, const char *text, size_t len)
{
    icu16_ctx *c = ctx;
    UErrorCode err = U_ZERO_ERROR;
    int32_t n16 = 0;
    long n = 0;
    if (len > INT32_MAX / 2)
        return -1;
    if (c->cap < (int32_t)len + 1) {
        free(c->buf);
        c->cap = (int32_t)len + 1;
        c->buf = malloc((size_t)c->cap * sizeof *c->buf);
        if (!c->buf)
            return -1;
    }
    u_strFromUTF8(c->buf, c->cap, &n16, text, (int32_t)len, &err);
    if (U_FAILURE(err))
        return -1;
    ubrk_setText(c->bi, c->buf, n16, &err);
    if (U_FAILURE(err))
        return -1;
    ubrk_first(c->bi);
    while (ubrk_next(c->bi) != UBRK_DONE)
        n++;
    return n;
}

/* text at about `want` bytes: the corpus repeated, cut at a blank line. */
static char *sized(const char *corpus, size_t clen, size_t want, size_t *len)
{
    char *t = malloc(want + 2);
    size_t n = 0;
    if (!t)
        return NULL;
    while (n < want) {
        size_t k = clen < want - n ? clen : want - n;
        memcpy(t + n, corpus, k);
        n += k;
        if (n < want && n + 2 <= want) {
            t[n++] = '\n';
            t[n++] = '\n';
        }
    }
    while (n > 0 && !(n >= 2 && t[n - 1] == '\n' && t[n - 2] == '\n') && n > want - 65536)
        n--;
    /* Cut on a code point boundary at least. */
    while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80)
        n--;
    *len = n;
    return t;
}

static void measure(const contender *c, const char *text, size_t len, int rounds,
                    double min_time)
{
    double best = 1e30;
    long n = 0;
    int round;
    for (round = 0; round < rounds; round++) {
        int reps = 0;
        double t0 = cpu_now(), t1;
        do {
            n = c->split(c->ctx, text, len);
            if (n < 0) {
                fprintf(stderr, "%s failed\n", c->name);
                exit(1);
            }
            reps++;
            t1 = cpu_now();
        } while (t1 - t0 < min_time);
        if ((t1 - t0) / reps < best)
            best = (t1 - t0) / reps;
    }
    printf("  %-44s %8.1f MB/s  %9ld sentences\n", c->name, (double)len / 1e6 / best, n);
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "../shared/data/summ/bbc_news_summary.dev.jsonl";
    const char *locale = argc > 2 ? argv[2] : "en";
    static const size_t sizes[] = { 1000000, 100000000 };
    size_t clen = 0, k;
    char *corpus = corpus_load(path, &clen);
    summ_ctx sc;
    summ_allocator a;
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *bi;
    contender cs[4];
    char icu_name[96], icu16_name[96];
    icu16_ctx i16;

    if (!corpus)
        return 1;
    memset(&sc, 0, sizeof sc);
    if (summ_lang_new(&sc.lang, locale[0] == 'e' && locale[1] == 'n' ? "en" : locale, NULL) < 0 ||
        summ_summarizer_new(&sc.s, sc.lang, NULL, NULL) < 0 || summ_result_new(&sc.r, NULL) < 0) {
        fprintf(stderr, "libsumm setup failed\n");
        return 1;
    }
    summ__allocator_resolve(&a, NULL);
    sc.out.alloc = &a;
    bi = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &err);
    if (U_FAILURE(err)) {
        fprintf(stderr, "ubrk_open(%s): %s\n", locale, u_errorName(err));
        return 1;
    }
    snprintf(icu_name, sizeof icu_name, "ICU %s BreakIterator (%s)", U_ICU_VERSION, locale);
    cs[0].name = "libsumm summ_split_sentences";
    cs[0].split = split_public;
    cs[0].ctx = &sc;
    cs[1].name = "libsumm summ__split (bare splitter)";
    cs[1].split = split_bare;
    cs[1].ctx = &sc;
    cs[2].name = icu_name;
    cs[2].split = split_icu;
    cs[2].ctx = bi;
    memset(&i16, 0, sizeof i16);
    i16.bi = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &err);
    if (U_FAILURE(err))
        return 1;
    snprintf(icu16_name, sizeof icu16_name, "ICU %s on UTF-16 (with the conversion)",
             U_ICU_VERSION);
    cs[3].name = icu16_name;
    cs[3].split = split_icu16;
    cs[3].ctx = &i16;

    printf("corpus: %s (%.2f MB), CPU time of one core\n", path, (double)clen / 1e6);
    for (k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        size_t len, c;
        char *text = sized(corpus, clen, sizes[k], &len);
        bool big = sizes[k] > 10000000;
        if (!text)
            return 1;
        printf("text of %.2f MB:\n", (double)len / 1e6);
        for (c = 0; c < 4; c++)
            measure(&cs[c], text, len, big ? 1 : 3, big ? 0.0 : 0.5);
        free(text);
    }
    ubrk_close(bi);
    ubrk_close(i16.bi);
    free(i16.buf);
    summ__span_vec_dispose(&sc.out);
    summ_result_free(sc.r);
    summ_summarizer_free(sc.s);
    summ_lang_free(sc.lang);
    free(corpus);
    return 0;
}
