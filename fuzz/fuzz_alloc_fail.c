/*
 * Fuzz target: allocation failure. The allocator hook fails the k-th
 * allocation, k taken from the input, during a full use of the API on the
 * input text (language, summarizer, result, then summarize, split and score
 * with every algorithm in turn).
 *
 * Input layout:
 *   0-1  k, little endian (0: count allocations, never fail)
 *   2    language: index into summ_lang_list()
 *   3-   the text (lenient UTF-8, so that every text reaches the pipeline)
 *
 * Oracle: every call returns 0 or SUMM_E_NOMEM; a failed call leaves an
 * empty result and a message, and the same call succeeds once memory is
 * available again, with the spans of a run that never failed; after
 * everything is freed no byte is left allocated.
 */
#include "fuzz_oracle.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct counting_alloc {
    size_t calls, fail_at;
    long long live_bytes;
} counting_alloc;

static void *counting_fn(void *ud, void *ptr, size_t osize, size_t nsize)
{
    counting_alloc *a = ud;
    void *p;
    if (nsize == 0) {
        if (ptr)
            a->live_bytes -= (long long)osize;
        free(ptr);
        return NULL;
    }
    a->calls++;
    if (a->fail_at && a->calls == a->fail_at)
        return NULL;
    p = realloc(ptr, nsize);
    if (p)
        a->live_bytes += (long long)nsize - (long long)(ptr ? osize : 0);
    return p;
}

typedef int (*entry_fn)(summ_summarizer *, const char *, size_t, summ_result *);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const entry_fn entries[] = { summ_summarize, summ_split_sentences,
                                        summ_score_sentences };
    const char *const *langs = summ_lang_list();
    const char *const *algos = summ_algorithm_list();
    size_t n_langs = 0, len, e;
    const char *text;
    counting_alloc ca;
    summ_allocator alloc;
    summ_lang *lang = NULL;
    summ_summarizer *s = NULL, *ref_s = NULL;
    summ_result *r = NULL, *ref_r = NULL;
    summ_lang *ref_lang = NULL;
    summ_options o = SUMM_OPTIONS_INIT;
    int rc;

    if (size < 3)
        return 0;
    while (langs[n_langs])
        n_langs++;
    memset(&ca, 0, sizeof ca);
    ca.fail_at = (size_t)data[0] | (size_t)data[1] << 8;
    alloc.fn = counting_fn;
    alloc.ud = &ca;
    text = (const char *)data + 3;
    len = size - 3;
    o.flags = SUMM_FLAG_LENIENT_UTF8;

    /* The reference: the same calls with plain malloc. */
    if (summ_lang_new(&ref_lang, langs[data[2] % n_langs], NULL) < 0 ||
        summ_summarizer_new(&ref_s, ref_lang, &o, NULL) < 0 || summ_result_new(&ref_r, NULL) < 0)
        fuzz_fail("cannot set up the reference run");

    rc = summ_lang_new(&lang, langs[data[2] % n_langs], &alloc);
    FUZZ_CHECK(rc == 0 || rc == SUMM_E_NOMEM, "summ_lang_new: %d", rc);
    if (rc < 0)
        goto out;
    rc = summ_summarizer_new(&s, lang, &o, &alloc);
    FUZZ_CHECK(rc == 0 || rc == SUMM_E_NOMEM, "summ_summarizer_new: %d", rc);
    if (rc < 0)
        goto out;
    rc = summ_result_new(&r, &alloc);
    FUZZ_CHECK(rc == 0 || rc == SUMM_E_NOMEM, "summ_result_new: %d", rc);
    if (rc < 0)
        goto out;

    for (; *algos; algos++) {
        o.algorithm = summ_algorithm_from_name(*algos);
        FUZZ_CHECK(summ_summarizer_set_options(s, &o) == 0, "set_options");
        FUZZ_CHECK(summ_summarizer_set_options(ref_s, &o) == 0, "set_options");
        for (e = 0; e < sizeof entries / sizeof entries[0]; e++) {
            size_t i, n;
            FUZZ_CHECK(entries[e](ref_s, text, len, ref_r) == 0, "reference run failed: %s",
                       summ_summarizer_errmsg(ref_s));
            rc = entries[e](s, text, len, r);
            FUZZ_CHECK(rc == 0 || rc == SUMM_E_NOMEM, "%s, entry %zu: status %d", *algos, e, rc);
            if (rc < 0) {
                size_t saved = ca.fail_at;
                FUZZ_CHECK(summ_result_count(r) == 0, "failed with a non-empty result");
                FUZZ_CHECK(summ_summarizer_errmsg(s)[0] != '\0', "failed without a message");
                /* Usable afterwards: the same call with memory available. */
                ca.fail_at = 0;
                rc = entries[e](s, text, len, r);
                FUZZ_CHECK(rc == 0, "%s, entry %zu: %d after a failed call", *algos, e, rc);
                ca.fail_at = saved;
            }
            n = summ_result_count(r);
            FUZZ_CHECK(n == summ_result_count(ref_r), "%s, entry %zu: %zu spans, reference %zu",
                       *algos, e, n, summ_result_count(ref_r));
            for (i = 0; i < n; i++) {
                const summ_span *a = &summ_result_spans(r)[i], *b = &summ_result_spans(ref_r)[i];
                FUZZ_CHECK(a->start == b->start && a->end == b->end &&
                               a->sentence == b->sentence &&
                               memcmp(&a->score, &b->score, sizeof a->score) == 0,
                           "%s, entry %zu: span %zu differs from the reference", *algos, e, i);
            }
        }
    }
out:
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(lang);
    FUZZ_CHECK(ca.live_bytes == 0, "%lld bytes still allocated after freeing everything",
               ca.live_bytes);
    summ_result_free(ref_r);
    summ_summarizer_free(ref_s);
    summ_lang_free(ref_lang);
    return 0;
}
