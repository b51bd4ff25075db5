/* The adaptive scorer (-a adaptive): hand-made texts with and without a
 * lede, the evidence it reports, the lede_weight option, determinism, and
 * the "no evidence" of every other algorithm. */
#include "test_util.h"

#include <math.h>
#include <string.h>

/* A story whose opening names what every later sentence develops, and whose
 * later sentences share little with each other. */
static const char LEDE[] =
    "The river flood closed the bridge, the school and the market in Millford on Monday. "
    "Water from the river reached the school before dawn. "
    "Teachers moved books upstairs while parents waited outside. "
    "The market stalls stood empty as traders counted their losses. "
    "Engineers said the bridge would stay closed until divers inspect it. "
    "Buses now take a long detour through the hills. "
    "The mayor asked residents to avoid the river banks. "
    "Volunteers filled sandbags near the old mill. "
    "Farmers upstream reported fields under water. "
    "The weather service expects more rain later in the week. "
    "Insurance agents opened a temporary office at the library. "
    "Shops near the square reopened by evening.\n";

/* Unrelated reviews: the opening shares nothing with the rest, and the
 * battery, which most of the later ones discuss, sits in the middle. */
static const char REVIEWS[] =
    "Lovely blue colour and the strap feels soft.\n\n"
    "Delivery came two days late.\n\n"
    "The battery lasts a week and the battery charges fast.\n\n"
    "Screen scratches easily.\n\n"
    "Great battery, a full week on one charge.\n\n"
    "Box was damaged on arrival.\n\n"
    "The charge lasts and the battery never dies on a week of hiking.\n\n"
    "Battery life is the best part, a week per charge.\n\n"
    "Buttons are stiff at first.\n\n"
    "Good value for the money.\n\n"
    "Battery drains in a week with the screen bright, then a quick charge.\n\n"
    "Instructions were only in French.\n";

static void summarize(const char *text, summ_options *o, summ_result *r)
{
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, l, o, NULL), 0);
    ck_assert_int_eq(summ_summarize(s, text, strlen(text), r), 0);
    summ_summarizer_free(s);
    summ_lang_free(l);
}

static summ_explain explain_of(const summ_result *r)
{
    summ_explain e;
    memset(&e, 0, sizeof e);
    e.version = SUMM_EXPLAIN_VERSION;
    ck_assert_int_eq(summ_result_explain(r, &e), 0);
    return e;
}

/* Options that choose the adaptive algorithm, every other field its default. */
static summ_options adaptive_options(void)
{
    summ_options o = SUMM_OPTIONS_INIT;
    o.algorithm = SUMM_ALGO_ADAPTIVE;
    return o;
}

START_TEST(adaptive_is_chosen_by_name)
{
    /* Available, but not (yet) the default. */
    ck_assert_int_eq(summ_algorithm_from_name("adaptive"), SUMM_ALGO_ADAPTIVE);
    ck_assert_str_eq(summ_algorithm_name(SUMM_ALGO_ADAPTIVE), "adaptive");
    ck_assert_str_eq(summ_algorithm_name(SUMM_ALGO_DEFAULT), "textrank");
}
END_TEST

START_TEST(other_algorithms_have_no_evidence)
{
    summ_options o = SUMM_OPTIONS_INIT;
    summ_result *r = NULL;
    summ_explain e;
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    o.max_sentences = 1;
    summarize(LEDE, &o, r);
    e = explain_of(r);
    ck_assert_int_eq(e.algorithm, SUMM_ALGO_TEXTRANK);
    ck_assert_int_eq(e.has_evidence, 0);
    ck_assert_uint_eq(e.sentences, 0);
    ck_assert_double_eq(e.lede_weight, 0.0);
    o.algorithm = SUMM_ALGO_PACSUM;
    summarize(LEDE, &o, r);
    e = explain_of(r);
    ck_assert_int_eq(e.algorithm, SUMM_ALGO_PACSUM);
    ck_assert_int_eq(e.has_evidence, 0);
    summ_result_free(r);
}
END_TEST

START_TEST(evidence_does_not_outlive_its_text)
{
    /* A result reused for a split or another algorithm forgets the evidence
     * of the adaptive call before. */
    summ_options o = adaptive_options();
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    summarize(LEDE, &o, r);
    ck_assert_int_eq(explain_of(r).has_evidence, 1);
    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, l, &o, NULL), 0);
    ck_assert_int_eq(summ_split_sentences(s, LEDE, strlen(LEDE), r), 0);
    ck_assert_int_eq(explain_of(r).has_evidence, 0);
    ck_assert_int_eq(explain_of(r).algorithm, SUMM_ALGO_DEFAULT);
    ck_assert_int_eq(summ_score_sentences(s, LEDE, strlen(LEDE), r), 0);
    ck_assert_int_eq(explain_of(r).has_evidence, 1);
    ck_assert_int_eq(summ_summarize(s, "", 0, r), 0);
    ck_assert_int_eq(explain_of(r).has_evidence, 0);
    summ_summarizer_free(s);
    summ_lang_free(l);
    summ_result_free(r);
}
END_TEST

START_TEST(a_lede_picks_its_opening)
{
    summ_options o = adaptive_options();
    summ_result *r = NULL;
    summ_explain e;
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    o.max_sentences = 1;
    summarize(LEDE, &o, r);
    ck_assert_uint_eq(summ_result_count(r), 1);
    ck_assert_uint_eq(summ_result_spans(r)[0].sentence, 0);
    e = explain_of(r);
    ck_assert_int_eq(e.algorithm, SUMM_ALGO_ADAPTIVE);
    ck_assert_int_eq(e.has_evidence, 1);
    ck_assert_uint_eq(e.sentences, 12);
    ck_assert_double_eq_tol(e.summary_share, 1.0 / 12.0, 1e-12);
    ck_assert(e.position_centrality > 0.3);
    ck_assert(e.lede_weight > 0.9);
    summ_result_free(r);
}
END_TEST

START_TEST(a_bag_of_reviews_does_not)
{
    summ_options o = adaptive_options();
    summ_result *r = NULL;
    summ_explain e;
    uint32_t first;
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    o.max_sentences = 1;
    summarize(REVIEWS, &o, r);
    ck_assert_uint_eq(summ_result_count(r), 1);
    first = summ_result_spans(r)[0].sentence;
    e = explain_of(r);
    ck_assert(e.position_centrality < 0.08);
    ck_assert(e.lede_weight < 0.5);
    /* A battery review, not the opening. */
    ck_assert(first == 2 || first == 4 || first == 6 || first == 7 || first == 10);
    summ_result_free(r);
}
END_TEST

START_TEST(a_long_summary_stays_with_textrank)
{
    /* Half of the story is no lede: the weight goes to textrank. */
    summ_options o = adaptive_options();
    summ_result *r = NULL;
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    o.ratio = 0.5;
    summarize(LEDE, &o, r);
    ck_assert_double_eq(explain_of(r).lede_weight, 0.0);
    summ_result_free(r);
}
END_TEST

/* The same spans and scores as another algorithm. */
static void same_as(const char *text, summ_options *a, int algo)
{
    summ_options b = *a;
    summ_result *x = NULL, *y = NULL;
    size_t i;
    b.algorithm = algo;
    b.lede_weight = 0.0;
    ck_assert_int_eq(summ_result_new(&x, NULL), 0);
    ck_assert_int_eq(summ_result_new(&y, NULL), 0);
    summarize(text, a, x);
    summarize(text, &b, y);
    ck_assert_uint_eq(summ_result_count(x), summ_result_count(y));
    for (i = 0; i < summ_result_count(x); i++) {
        ck_assert_uint_eq(summ_result_spans(x)[i].sentence, summ_result_spans(y)[i].sentence);
        ck_assert(summ_result_spans(x)[i].score == summ_result_spans(y)[i].score);
    }
    ck_assert_int_eq(explain_of(y).has_evidence, 0);
    summ_result_free(x);
    summ_result_free(y);
}

START_TEST(lede_weight_pins_the_mix)
{
    summ_options o = adaptive_options();
    summ_result *r = NULL;
    o.max_sentences = 3;
    o.lede_weight = SUMM_OFF;
    same_as(LEDE, &o, SUMM_ALGO_TEXTRANK);
    same_as(REVIEWS, &o, SUMM_ALGO_TEXTRANK);
    o.lede_weight = 1.0;
    same_as(LEDE, &o, SUMM_ALGO_PACSUM);
    same_as(REVIEWS, &o, SUMM_ALGO_PACSUM);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    o.lede_weight = 0.5;
    summarize(REVIEWS, &o, r);
    ck_assert_double_eq(explain_of(r).lede_weight, 0.5);
    summ_result_free(r);
}
END_TEST

START_TEST(deterministic)
{
    summ_options o = adaptive_options();
    summ_result *x = NULL, *y = NULL;
    size_t i;
    o.ratio = 0.3;
    ck_assert_int_eq(summ_result_new(&x, NULL), 0);
    ck_assert_int_eq(summ_result_new(&y, NULL), 0);
    summarize(REVIEWS, &o, x);
    summarize(REVIEWS, &o, y);
    ck_assert_uint_eq(summ_result_count(x), summ_result_count(y));
    for (i = 0; i < summ_result_count(x); i++)
        ck_assert(memcmp(&summ_result_spans(x)[i], &summ_result_spans(y)[i],
                         sizeof(summ_span)) == 0);
    ck_assert(explain_of(x).lede_weight == explain_of(y).lede_weight);
    summ_result_free(x);
    summ_result_free(y);
}
END_TEST

START_TEST(explain_without_a_text)
{
    summ_result *r = NULL;
    summ_explain e;
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    e = explain_of(r);
    ck_assert_int_eq(e.algorithm, SUMM_ALGO_DEFAULT);
    ck_assert_int_eq(e.has_evidence, 0);
    e.version = 0;
    ck_assert_int_eq(summ_result_explain(r, &e), SUMM_E_INVALID_ARG);
    e.version = SUMM_EXPLAIN_VERSION + 1;
    ck_assert_int_eq(summ_result_explain(r, &e), SUMM_E_VERSION);
    ck_assert_int_eq(summ_result_explain(NULL, &e), SUMM_E_INVALID_ARG);
    summ_result_free(r);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("adaptive");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, adaptive_is_chosen_by_name);
    tcase_add_test(tc, other_algorithms_have_no_evidence);
    tcase_add_test(tc, evidence_does_not_outlive_its_text);
    tcase_add_test(tc, a_lede_picks_its_opening);
    tcase_add_test(tc, a_bag_of_reviews_does_not);
    tcase_add_test(tc, a_long_summary_stays_with_textrank);
    tcase_add_test(tc, lede_weight_pins_the_mix);
    tcase_add_test(tc, deterministic);
    tcase_add_test(tc, explain_without_a_text);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
