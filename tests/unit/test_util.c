#include "test_util.h"

#include <stdlib.h>
#include <string.h>

int test_run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

const char *test_split_joined(const char *code, const char *text)
{
    static char buf[8192];
    summ_lang *lang = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    size_t i, n, pos = 0;

    buf[0] = '\0';
    ck_assert_int_eq(summ_lang_new(&lang, code, NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, lang, NULL, NULL), 0);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(summ_split_sentences(s, text, strlen(text), r), 0);
    n = summ_result_count(r);
    for (i = 0; i < n; i++) {
        const summ_span *sp = &summ_result_spans(r)[i];
        size_t len = sp->end - sp->start;
        ck_assert_uint_lt(pos + len + 2, sizeof buf);
        if (i)
            buf[pos++] = '|';
        memcpy(buf + pos, text + sp->start, len);
        pos += len;
    }
    buf[pos] = '\0';
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(lang);
    return buf;
}

void *test_alloc_fn(void *ud, void *ptr, size_t osize, size_t nsize)
{
    test_alloc *t = ud;
    if (nsize == 0) {
        if (ptr) {
            t->live_bytes -= (long long)osize;
            t->live_blocks--;
            free(ptr);
        }
        return NULL;
    }
    t->calls++;
    if (t->fail_at && t->calls == t->fail_at)
        return NULL;
    {
        void *p = realloc(ptr, nsize);
        if (!p)
            return NULL;
        if (ptr)
            t->live_bytes -= (long long)osize;
        else
            t->live_blocks++;
        t->live_bytes += (long long)nsize;
        return p;
    }
}
