/* Selector: budgets, tie-breaking, order. */
#include "test_util.h"

#include <string.h>

#include "model.h"
#include "select.h"
#include "mmr.h"
#include "alloc.h"

/* Five sentences with 2, 4, 1, 3, 2 words. */
static summ__model model;
static summ__sentence sents[5];
static const double scores[5] = { 0.5, 0.9, 0.9, 0.1, 0.7 };

static void setup(void)
{
    const uint32_t words[5] = { 2, 4, 1, 3, 2 };
    size_t i, pos = 0;
    memset(&model, 0, sizeof model);
    for (i = 0; i < 5; i++) {
        memset(&sents[i], 0, sizeof sents[i]);
        sents[i].start = pos;
        sents[i].end = pos + 10 * words[i];
        sents[i].n_words = words[i];
        pos = sents[i].end + 1;
    }
    model.sents = sents;
    model.n_sents = 5;
}

static size_t pick(summ_options *o, uint32_t *sel)
{
    uint32_t order[5];
    size_t n = 99;
    ck_assert_int_eq(summ__select(&model, scores, o, order, sel, &n), 0);
    return n;
}

START_TEST(sentence_budget_ties_and_order)
{
    summ_options o = SUMM_OPTIONS_INIT;
    uint32_t sel[5];
    o.max_sentences = 3;
    ck_assert_uint_eq(pick(&o, sel), 3);
    /* 1 and 2 tie at 0.9 (lower index first), then 4; document order. */
    ck_assert_uint_eq(sel[0], 1);
    ck_assert_uint_eq(sel[1], 2);
    ck_assert_uint_eq(sel[2], 4);
    o.flags = SUMM_FLAG_SCORE_ORDER;
    ck_assert_uint_eq(pick(&o, sel), 3);
    ck_assert_uint_eq(sel[0], 1);
    ck_assert_uint_eq(sel[2], 4);
}
END_TEST

START_TEST(ratio_budget)
{
    summ_options o = SUMM_OPTIONS_INIT;
    uint32_t sel[5];
    o.ratio = 0.5; /* ceil(2.5) = 3 */
    ck_assert_uint_eq(pick(&o, sel), 3);
    o.ratio = 0.01; /* at least one */
    ck_assert_uint_eq(pick(&o, sel), 1);
    o.ratio = 0; /* default 0.2 -> 1 */
    ck_assert_uint_eq(pick(&o, sel), 1);
    o.ratio = 1.0;
    ck_assert_uint_eq(pick(&o, sel), 5);
}
END_TEST

START_TEST(word_and_byte_budgets_skip_what_does_not_fit)
{
    summ_options o = SUMM_OPTIONS_INIT;
    uint32_t sel[5];
    o.max_words = 3; /* 1 (4 words) does not fit; 2 (1), 4 (2) do */
    ck_assert_uint_eq(pick(&o, sel), 2);
    ck_assert_uint_eq(sel[0], 2);
    ck_assert_uint_eq(sel[1], 4);
    memset(&o, 0, sizeof o);
    summ_options_init(&o, SUMM_OPTIONS_VERSION);
    o.max_bytes = 5; /* every sentence is longer */
    ck_assert_uint_eq(pick(&o, sel), 0);
}
END_TEST

/* Sentences of 2, 4, 1, 3, 2 words scored 0.5, 0.9, 0.9, 0.1, 0.7. */
START_TEST(min_sentence_words_skips_fragments)
{
    summ_options o = SUMM_OPTIONS_INIT;
    uint32_t sel[5];
    o.max_sentences = 2;
    o.min_sentence_words = 2; /* 2 (1 word) is passed over for 4 */
    ck_assert_uint_eq(pick(&o, sel), 2);
    ck_assert_uint_eq(sel[0], 1);
    ck_assert_uint_eq(sel[1], 4);
    o.min_sentence_words = 4; /* only 1 is long enough */
    ck_assert_uint_eq(pick(&o, sel), 1);
    ck_assert_uint_eq(sel[0], 1);
    o.min_sentence_words = 5; /* none is */
    ck_assert_uint_eq(pick(&o, sel), 0);
    /* MMR keeps the same rule. */
    o.min_sentence_words = 2;
    o.mmr_lambda = 0.5;
    {
        uint32_t order[5];
        size_t n = 99, i;
        summ_allocator a;
        summ__allocator_resolve(&a, NULL);
        ck_assert_int_eq(summ__select_mmr(&model, scores, &o, &a, order, sel, &n), 0);
        ck_assert_uint_eq(n, 2);
        for (i = 0; i < n; i++)
            ck_assert_uint_ne(sel[i], 2);
    }
}
END_TEST

START_TEST(sort_is_total)
{
    /* Every sentence taken, in score order: ties go to the lower index. */
    double sc[6] = { 1, 3, 3, 2, 3, 0 };
    summ__sentence six[6];
    summ__model m;
    summ_options o = SUMM_OPTIONS_INIT;
    uint32_t order[6], idx[6];
    size_t n = 0;
    memset(six, 0, sizeof six);
    memset(&m, 0, sizeof m);
    m.sents = six;
    m.n_sents = 6;
    o.flags = SUMM_FLAG_SCORE_ORDER;
    o.max_sentences = 6;
    ck_assert_int_eq(summ__select(&m, sc, &o, order, idx, &n), 0);
    ck_assert_uint_eq(n, 6);
    ck_assert_uint_eq(idx[0], 1);
    ck_assert_uint_eq(idx[1], 2);
    ck_assert_uint_eq(idx[2], 4);
    ck_assert_uint_eq(idx[3], 3);
    ck_assert_uint_eq(idx[4], 0);
    ck_assert_uint_eq(idx[5], 5);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("selector");
    TCase *tc = tcase_create("budgets");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, sentence_budget_ties_and_order);
    tcase_add_test(tc, ratio_budget);
    tcase_add_test(tc, word_and_byte_budgets_skip_what_does_not_fit);
    tcase_add_test(tc, min_sentence_words_skips_fragments);
    tcase_add_test(tc, sort_is_total);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
