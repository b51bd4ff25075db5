/*
 * Fuzz target: the fast paths that stand in for a dependency must give
 * the dependency's answer.
 *
 *  - English stems (stem_english.c) against libstemmer's english. The
 *    input is cut into words at every byte of value 0 to 7; each word's
 *    other bytes are mapped onto a-z, 0-9 and the apostrophe (byte % 37),
 *    the characters the fast stemmer takes, and the word is also tried as
 *    it is (then the stemmer must take it exactly when it is made of
 *    those characters and at most SUMM__STEM_ENGLISH_MAX bytes long).
 *  - Case folding (summ__fold, whose words of ASCII and Latin-1 letters
 *    skip utf8proc) against utf8proc_map with the same options, on the
 *    whole input when it is UTF-8, with the apostrophe look-alikes U+2019,
 *    U+02BC and U+FF07 of utf8proc's output written "'" as summ__fold does.
 */
#include "fuzz_oracle.h"
#include "alloc.h"
#include "lang.h"
#include "text.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789'";

static bool takes_all(const char *w, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++)
        if (!memchr(alphabet, w[i], sizeof alphabet - 1))
            return false;
    return true;
}

static void check_stem(struct sb_stemmer *sb, const char *w, size_t len)
{
    char mine[SUMM__STEM_ENGLISH_MAX];
    const sb_symbol *want;
    int n = summ__stem_english(w, len, mine);
    bool taken = len > 0 && len <= SUMM__STEM_ENGLISH_MAX && takes_all(w, len);
    FUZZ_CHECK((n >= 0) == taken, "stem_english %s a word of %zu bytes it should %s",
               n >= 0 ? "took" : "refused", len, taken ? "take" : "refuse");
    if (n < 0)
        return;
    want = sb_stemmer_stem(sb, (const sb_symbol *)w, (int)len);
    FUZZ_CHECK(want != NULL, "libstemmer failed");
    FUZZ_CHECK(n == sb_stemmer_length(sb) && memcmp(mine, want, (size_t)n) == 0,
               "stem of \"%.*s\": libsumm \"%.*s\", libstemmer \"%.*s\"", (int)len, w, n, mine,
               sb_stemmer_length(sb), (const char *)want);
}

/* summ__fold writes "'" for the apostrophe look-alikes U+2019, U+02BC and
 * U+FF07 (so that "don’t" meets "don't"), also where case folding makes
 * one ("ŉ" folds to U+02BC "n"): do the same to utf8proc's output. Returns
 * the new length. */
static size_t plain_apostrophes(uint8_t *d, size_t n)
{
    size_t i = 0, j = 0;
    while (i < n) {
        size_t k = 0;
        if (i + 1 < n && d[i] == 0xCA && d[i + 1] == 0xBC)
            k = 2;
        else if (i + 2 < n && ((d[i] == 0xE2 && d[i + 1] == 0x80 && d[i + 2] == 0x99) ||
                               (d[i] == 0xEF && d[i + 1] == 0xBC && d[i + 2] == 0x87)))
            k = 3;
        if (k) {
            d[j++] = '\'';
            i += k;
        } else {
            d[j++] = d[i++];
        }
    }
    return j;
}

static void check_fold(const uint8_t *data, size_t size)
{
    summ_allocator a;
    summ__fold_buf fb;
    utf8proc_uint8_t *want = NULL;
    utf8proc_ssize_t n;
    int rc;

    if (!summ__utf8_valid((const char *)data, size, NULL))
        return;
    n = utf8proc_map(data, (utf8proc_ssize_t)size, &want,
                     UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
    if (n < 0)
        return; /* utf8proc refuses it (e.g. unassigned code points under STABLE) */
    n = (utf8proc_ssize_t)plain_apostrophes(want, (size_t)n);
    summ__allocator_resolve(&a, NULL);
    memset(&fb, 0, sizeof fb);
    fb.alloc = &a;
    rc = summ__fold((const char *)data, size, &fb);
    FUZZ_CHECK(rc == SUMM_OK, "summ__fold failed with %d where utf8proc_map did not", rc);
    FUZZ_CHECK(fb.len == (size_t)n && memcmp(fb.bytes, want, (size_t)n) == 0,
               "fold of %zu bytes: libsumm gives %zu bytes, utf8proc %zd", size, fb.len, n);
    summ__fold_buf_dispose(&fb);
    free(want);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct sb_stemmer *sb = sb_stemmer_new("english", "UTF_8");
    char word[256];
    size_t i = 0;

    FUZZ_CHECK(sb != NULL, "sb_stemmer_new failed");
    while (i <= size) {
        size_t start = i, len, k;
        while (i < size && data[i] > 7)
            i++;
        len = i - start < sizeof word ? i - start : sizeof word;
        if (len > 0) {
            memcpy(word, data + start, len);
            check_stem(sb, word, len);
            for (k = 0; k < len; k++)
                word[k] = alphabet[data[start + k] % (sizeof alphabet - 1)];
            check_stem(sb, word, len);
        }
        i++;
    }
    sb_stemmer_delete(sb);
    check_fold(data, size);
    return 0;
}
