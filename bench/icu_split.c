/*
 * ICU's sentence BreakIterator behind the same interface as sbd_split.c,
 * so that bench/sbd_eval.py --splitter icu measures it on the same texts.
 * The text is read in place as UTF-8 (no conversion to UTF-16), and each
 * segment is trimmed of white space as libsumm's spans are; segments of
 * white space alone are dropped. Only the benchmarks use ICU.
 */
#include <stddef.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uloc.h>
#include <unicode/utext.h>

/* Splits text[0, len) with ICU's rules for locale `code` (e.g. "en", or
 * "en@ss=standard" for its abbreviation suppressions) and writes up to cap
 * (start, end) byte pairs into spans. Returns the number of sentences, or
 * -1 when ICU fails. */
int icu_split(const char *code, const char *text, size_t len, size_t *spans, size_t cap);

static int is_space_byte(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int icu_split(const char *code, const char *text, size_t len, size_t *spans, size_t cap)
{
    UErrorCode err = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, text, (int64_t)len, &err);
    UBreakIterator *bi;
    int32_t start, end;
    int n = 0;

    if (U_FAILURE(err))
        return -1;
    bi = ubrk_open(UBRK_SENTENCE, code, NULL, 0, &err);
    if (U_FAILURE(err)) {
        utext_close(ut);
        return -1;
    }
    ubrk_setUText(bi, ut, &err);
    if (U_FAILURE(err)) {
        ubrk_close(bi);
        utext_close(ut);
        return -1;
    }
    start = ubrk_first(bi);
    for (end = ubrk_next(bi); end != UBRK_DONE; start = end, end = ubrk_next(bi)) {
        size_t s = (size_t)start, e = (size_t)end;
        while (s < e && is_space_byte((unsigned char)text[s]))
            s++;
        while (e > s && is_space_byte((unsigned char)text[e - 1]))
            e--;
        if (s == e)
            continue;
        if ((size_t)n < cap) {
            spans[2 * n] = s;
            spans[2 * n + 1] = e;
        }
        n++;
    }
    ubrk_close(bi);
    utext_close(ut);
    return n;
}
