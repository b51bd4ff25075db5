/* Scorers: hand-worked values, invariants over every algorithm. */
#include "test_util.h"

#include <math.h>
#include <string.h>

static int score_with(int algo, const char *text, summ_result *r)
{
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    summ_options o = SUMM_OPTIONS_INIT;
    int rc;
    o.algorithm = algo;
    o.position_weight = 0.0; /* the scorer's own scores */
    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, l, &o, NULL), 0);
    rc = summ_score_sentences(s, text, strlen(text), r);
    summ_summarizer_free(s);
    summ_lang_free(l);
    return rc;
}

START_TEST(lead_prefers_early_sentences)
{
    summ_result *r = NULL;
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(score_with(SUMM_ALGO_LEAD, "One here. Two here. Three here.", r), 0);
    ck_assert_uint_eq(summ_result_count(r), 3);
    ck_assert(summ_result_spans(r)[0].score > summ_result_spans(r)[1].score);
    ck_assert(summ_result_spans(r)[1].score > summ_result_spans(r)[2].score);
    summ_result_free(r);
}
END_TEST

START_TEST(tfidf_hand_worked)
{
    /* Sentences (content stems): s0 {cat, sat}, s1 {cat, ran}, s2 {dog}.
     * tf: cat 2, sat 1, ran 1, dog 1; sf: cat 2, others 1; S = 3.
     * w(cat) = 2 log(1 + 3/2), w(sat) = w(ran) = w(dog) = log(4).
     * s0 = (w(cat) + w(sat)) / sqrt(2), s2 = w(dog) / 1. */
    summ_result *r = NULL;
    double wcat = 2 * log(2.5), w1 = log(4.0);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(score_with(SUMM_ALGO_TFIDF, "The cat sat. A cat ran. The dog.", r), 0);
    ck_assert_uint_eq(summ_result_count(r), 3);
    ck_assert_double_eq_tol(summ_result_spans(r)[0].score, (wcat + w1) / sqrt(2.0), 1e-12);
    ck_assert_double_eq_tol(summ_result_spans(r)[1].score, (wcat + w1) / sqrt(2.0), 1e-12);
    ck_assert_double_eq_tol(summ_result_spans(r)[2].score, w1, 1e-12);
    summ_result_free(r);
}
END_TEST

static const char *const degenerate[] = {
    "Only one sentence here.",
    "The. A. An. Of the. To be.",
    "Same words. Same words. Same words.",
    "12. 34. 56.",
    "x",
};

START_TEST(every_algorithm_scores_degenerate_input)
{
    const char *const *names = summ_algorithm_list();
    summ_result *r = NULL;
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    for (; *names; names++) {
        int algo = summ_algorithm_from_name(*names);
        size_t i, n;
        ck_assert_int_eq(score_with(algo, degenerate[_i], r), 0);
        n = summ_result_count(r);
        ck_assert_uint_ge(n, 1);
        for (i = 0; i < n; i++)
            ck_assert(isfinite(summ_result_spans(r)[i].score));
    }
    summ_result_free(r);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("scorers");
    TCase *tc = tcase_create("scores");
    tcase_add_test(tc, lead_prefers_early_sentences);
    tcase_add_test(tc, tfidf_hand_worked);
    tcase_add_loop_test(tc, every_algorithm_scores_degenerate_input, 0,
                        (int)(sizeof degenerate / sizeof degenerate[0]));
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
