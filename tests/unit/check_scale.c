/* Scale: 10^5 one-word sentences through every algorithm, with and without
 * MMR. The same word in every sentence is the worst case for similarity
 * graphs (every pair shares a term) and for greedy scorers (every gain
 * ties); distinct words are the sparsest case. Registered in the 'slow'
 * suite; it checks results, not time (bench/ measures speed). */
#include "test_util.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_SENTENCES 100000

static char *make_text(bool distinct, size_t *len)
{
    size_t cap = (size_t)N_SENTENCES * 16, i, n = 0;
    char *t = malloc(cap);
    ck_assert_ptr_nonnull(t);
    for (i = 0; i < N_SENTENCES; i++) {
        if (distinct) {
            /* Letters only, so the tokenizer sees one word: "Wbaaab." */
            size_t v = i, k;
            t[n++] = 'W';
            for (k = 0; k < 4; k++, v /= 26)
                t[n++] = (char)('a' + v % 26);
            t[n++] = (char)('a' + v % 26);
        } else {
            memcpy(t + n, "Harbour", 7);
            n += 7;
        }
        t[n++] = '.';
        t[n++] = ' ';
    }
    *len = n;
    return t;
}

START_TEST(every_algorithm_on_many_sentences)
{
    const char *const *names = summ_algorithm_list();
    size_t len, i;
    char *text = make_text(_i >= 2, &len);
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;

    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    for (; *names; names++) {
        summ_options o = SUMM_OPTIONS_INIT;
        o.algorithm = summ_algorithm_from_name(*names);
        o.max_sentences = 1000;
        o.mmr_lambda = _i % 2 ? 0.7 : 1.0;
        ck_assert_int_eq(summ_summarizer_new(&s, l, &o, NULL), 0);
        ck_assert_msg(summ_summarize(s, text, len, r) == 0, "%s: %s", *names,
                      summ_summarizer_errmsg(s));
        ck_assert_uint_eq(summ_result_sentence_total(r), N_SENTENCES);
        /* With MMR on the same sentence repeated, one copy is the summary. */
        if (_i == 1)
            ck_assert_uint_eq(summ_result_count(r), 1);
        else
            ck_assert_uint_eq(summ_result_count(r), 1000);
        ck_assert_int_eq(summ_score_sentences(s, text, len, r), 0);
        ck_assert_uint_eq(summ_result_count(r), N_SENTENCES);
        for (i = 0; i < N_SENTENCES; i++)
            ck_assert(isfinite(summ_result_spans(r)[i].score));
        summ_summarizer_free(s);
    }
    summ_result_free(r);
    summ_lang_free(l);
    free(text);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("scale");
    TCase *tc = tcase_create("one-word sentences");
    tcase_set_timeout(tc, 600);
    /* 0: same word; 1: same word with MMR; 2: distinct words; 3: with MMR. */
    tcase_add_loop_test(tc, every_algorithm_on_many_sentences, 0, 4);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
