/* Scorers: hand-worked values, invariants over every algorithm. */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "graph.h"
#include "scorer.h"
#include "summarizer.h"

/* Runs summ_score_sentences (n == 0) or summ_summarize with max_sentences
 * n, with options o (position prior off unless o sets it). */
static int run_opts(summ_options *o, const char *text, size_t n, summ_result *r)
{
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    int rc;
    o->max_sentences = (uint32_t)n;
    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, l, o, NULL), 0);
    rc = n ? summ_summarize(s, text, strlen(text), r) : summ_score_sentences(s, text, strlen(text), r);
    summ_summarizer_free(s);
    summ_lang_free(l);
    return rc;
}

static int score_with(int algo, const char *text, summ_result *r)
{
    summ_options o = SUMM_OPTIONS_INIT;
    o.algorithm = algo;
    o.position_weight = SUMM_OFF; /* the scorer's own scores */
    return run_opts(&o, text, 0, r);
}

static double score_of(const summ_result *r, size_t i)
{
    ck_assert_uint_lt(i, summ_result_count(r));
    return summ_result_spans(r)[i].score;
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

/* PageRank on hand-built graphs, against closed forms (d = 0.85). */
START_TEST(pagerank_triangle_and_isolated_sentence)
{
    /* Triangle 0-1-2 and an isolated 3. Node 3 keeps only what teleport and
     * its own even spreading give it: x3 = (1-d)/4 + d x3/4, so
     * x3 = (1-d)/(4-d) = 1/21 and each triangle node (1 - 1/21)/3 = 20/63.
     * Scores are scaled by n = 4. */
    size_t row[5] = { 0, 2, 4, 6, 6 };
    uint32_t col[6] = { 1, 2, 0, 2, 0, 1 };
    double w[6] = { 1, 1, 1, 1, 1, 1 }, out[4] = { 2, 2, 2, 0 }, x[4];
    summ__graph g;
    summ_allocator a;
    memset(&g, 0, sizeof g);
    g.n = 4;
    g.row = row;
    g.col = col;
    g.w = w;
    g.out = out;
    summ__allocator_resolve(&a, NULL);
    ck_assert_int_eq(summ__pagerank(&g, &a, 0.85, 1e-12, 1000, x), 0);
    ck_assert_double_eq_tol(x[3], 4.0 / 21.0, 1e-9);
    ck_assert_double_eq_tol(x[0], 80.0 / 63.0, 1e-9);
    ck_assert_double_eq_tol(x[1], 80.0 / 63.0, 1e-9);
    ck_assert_double_eq_tol(x[2], 80.0 / 63.0, 1e-9);
}
END_TEST

START_TEST(pagerank_weighted_star)
{
    /* Centre 0 linked to leaves 1, 2, 3 with weights 1, 1, 2. A leaf
     * passes everything to 0: x0 = (1-d)/4 + d (x1 + x2 + x3), so with
     * x1 + x2 + x3 = 1 - x0, x0 = ((1-d)/4 + d) / (1 + d). Leaf l gets
     * (1-d)/4 + d x0 w_l / 4. */
    size_t row[5] = { 0, 3, 4, 5, 6 };
    uint32_t col[6] = { 1, 2, 3, 0, 0, 0 };
    double w[6] = { 1, 1, 2, 1, 1, 2 }, out[4] = { 4, 1, 1, 2 }, x[4];
    double d = 0.85, x0 = ((1 - d) / 4 + d) / (1 + d);
    summ__graph g;
    summ_allocator a;
    memset(&g, 0, sizeof g);
    g.n = 4;
    g.row = row;
    g.col = col;
    g.w = w;
    g.out = out;
    summ__allocator_resolve(&a, NULL);
    ck_assert_int_eq(summ__pagerank(&g, &a, d, 1e-13, 1000, x), 0);
    ck_assert_double_eq_tol(x[0], 4 * x0, 1e-9);
    ck_assert_double_eq_tol(x[1], 4 * ((1 - d) / 4 + d * x0 / 4), 1e-9);
    ck_assert_double_eq_tol(x[2], x[1], 1e-12);
    ck_assert_double_eq_tol(x[3], 4 * ((1 - d) / 4 + d * x0 * 2 / 4), 1e-9);
}
END_TEST

/* s0 {cat, chase, mice}, s1 {cat, chase, dog, quick}, s2 {bird, sing}: one
 * edge 0-1 (weight 2 / (log 3 + log 4)) and s2 isolated. */
static const char *const three = "Cats chase mice. Cats chase dogs quickly. Birds sing.";

START_TEST(textrank_isolated_sentence)
{
    /* x2 = (1-d)/(3-d), x0 = x1 = (1 - x2) / 2, scaled by 3. */
    summ_result *r = NULL;
    double d = 0.85, x2 = (1 - d) / (3 - d);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(score_with(SUMM_ALGO_TEXTRANK, three, r), 0);
    ck_assert_double_eq_tol(score_of(r, 2), 3 * x2, 1e-5);
    ck_assert_double_eq_tol(score_of(r, 0), 3 * (1 - x2) / 2, 1e-5);
    ck_assert_double_eq_tol(score_of(r, 1), score_of(r, 0), 1e-9);
    summ_result_free(r);
}
END_TEST

START_TEST(degree_hand_worked)
{
    summ_result *r = NULL;
    double w = 2.0 / (log(3.0) + log(4.0));
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(score_with(SUMM_ALGO_DEGREE, three, r), 0);
    ck_assert_double_eq_tol(score_of(r, 0), w, 1e-12);
    ck_assert_double_eq_tol(score_of(r, 1), w, 1e-12);
    ck_assert_double_eq_tol(score_of(r, 2), 0.0, 1e-12);
    summ_result_free(r);
}
END_TEST

START_TEST(pacsum_hand_worked)
{
    /* s0 {cat, sat}, s1 {cat, ran}, s2 {dog}; idf = log(3 / sf): cat
     * log 1.5, the others log 3. cos(s0, s1) = log(1.5)^2 / (log(1.5)^2 +
     * log(3)^2). s0 gains it (s1 follows), s1 loses twice it (s0 precedes),
     * s2 shares nothing. */
    summ_result *r = NULL;
    double a = log(1.5), b = log(3.0), c = a * a / (a * a + b * b);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(score_with(SUMM_ALGO_PACSUM, "The cat sat. A cat ran. The dog.", r), 0);
    ck_assert_uint_eq(summ_result_count(r), 3);
    ck_assert_double_eq_tol(score_of(r, 0), c, 1e-12);
    ck_assert_double_eq_tol(score_of(r, 1), -2.0 * c, 1e-12);
    ck_assert_double_eq_tol(score_of(r, 2), 0.0, 1e-12);
    summ_result_free(r);
}
END_TEST

START_TEST(pacsum_prefers_the_sentence_that_opens_a_topic)
{
    /* The same two related sentences in either order (and an unrelated
     * third): the first of them wins. */
    summ_result *r = NULL;
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(score_with(SUMM_ALGO_PACSUM,
                                "Storms hit the coast today. Storms flooded the coast roads. Prices rose.",
                                r),
                     0);
    ck_assert(score_of(r, 0) > score_of(r, 1));
    ck_assert_int_eq(score_with(SUMM_ALGO_PACSUM,
                                "Storms flooded the coast roads. Storms hit the coast today. Prices rose.",
                                r),
                     0);
    ck_assert(score_of(r, 0) > score_of(r, 1));
    summ_result_free(r);
}
END_TEST

START_TEST(lexrank_threshold_cuts_edges)
{
    /* Continuous: s0 and s1 share cat and chase, so they outrank s2.
     * Threshold 0.99: no pair is that similar, every sentence is isolated
     * and all score 1. */
    summ_options o = SUMM_OPTIONS_INIT;
    summ_result *r = NULL;
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    o.algorithm = SUMM_ALGO_LEXRANK;
    o.position_weight = SUMM_OFF;
    ck_assert_int_eq(run_opts(&o, three, 0, r), 0);
    ck_assert(score_of(r, 0) > score_of(r, 2));
    o.lexrank_threshold = 0.99;
    ck_assert_int_eq(run_opts(&o, three, 0, r), 0);
    ck_assert_double_eq_tol(score_of(r, 0), 1.0, 1e-9);
    ck_assert_double_eq_tol(score_of(r, 1), 1.0, 1e-9);
    ck_assert_double_eq_tol(score_of(r, 2), 1.0, 1e-9);
    summ_result_free(r);
}
END_TEST

START_TEST(luhn_hand_worked)
{
    /* tf: appl 3, banana 3, cherri 1, date 1, fig 1; mean 9/5 < 2, so the
     * cut-off is 2: apple and banana are significant. s0 [A B A]: one
     * cluster, 3^2 / 3 = 3. s1 [A c B d B]: gaps of one word, one cluster
     * of 5 words with 3 significant, 9/5. s2 [fig]: none. */
    summ_result *r = NULL;
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(score_with(SUMM_ALGO_LUHN,
                                "Apple banana apple. Apple cherry banana date banana. Fig.", r),
                     0);
    ck_assert_double_eq_tol(score_of(r, 0), 3.0, 1e-12);
    ck_assert_double_eq_tol(score_of(r, 1), 1.8, 1e-12);
    ck_assert_double_eq_tol(score_of(r, 2), 0.0, 1e-12);
    summ_result_free(r);
}
END_TEST

START_TEST(sumbasic_pick_order)
{
    /* p: alpha 2/5, beta, gamma, delta 1/5. Weights 0.3, 0.3, 0.2: s0
     * first (tie, lower index); alpha -> 0.16, beta -> 0.04; then s1 =
     * 0.18 < s2 = 0.2: s2, then s1. Scores (3 - rank) / 3. */
    summ_result *r = NULL;
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(score_with(SUMM_ALGO_SUMBASIC, "Alpha beta. Alpha gamma. Delta.", r), 0);
    ck_assert_double_eq_tol(score_of(r, 0), 1.0, 1e-12);
    ck_assert_double_eq_tol(score_of(r, 2), 2.0 / 3.0, 1e-12);
    ck_assert_double_eq_tol(score_of(r, 1), 1.0 / 3.0, 1e-12);
    summ_result_free(r);
}
END_TEST

START_TEST(klsum_hand_worked)
{
    /* P: alpha 4/6, beta 1/6, gamma 1/6; V = 3, add-one smoothing, so
     * adding x gains sum_t P(t) log((C + c_x + 1) / (C + 1)) - log((L + |x|
     * + 3) / (L + 3)). Step 1: s0 (and s1) 4/6 log 3 - log(5/3) = 0.22,
     * s2 2/6 log 2 - log(5/3) = -0.28: s0 (lower index). Step 2 (C = 2,
     * L = 2): s1 4/6 log(5/3) - log(7/5) = 0.004, s2 2/6 log 2 - log(7/5)
     * = -0.11: s1 (the dominant word is worth repeating), then s2. */
    summ_result *r = NULL;
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(score_with(SUMM_ALGO_KLSUM, "Alpha alpha. Alpha alpha. Beta gamma.", r), 0);
    ck_assert_double_eq_tol(score_of(r, 0), 1.0, 1e-12);
    ck_assert_double_eq_tol(score_of(r, 1), 2.0 / 3.0, 1e-12);
    ck_assert_double_eq_tol(score_of(r, 2), 1.0 / 3.0, 1e-12);
    summ_result_free(r);
}
END_TEST

START_TEST(lsa_diagonal_matrix)
{
    /* Each sentence has its own term: A = diag(2L, L, L), L = log(1 + 3).
     * The singular values are the diagonal, so each sentence scores its
     * own: 2L, L, L (the two equal ones span a plane; either basis of it
     * gives the same sum). */
    summ_result *r = NULL;
    double l = log(4.0);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(score_with(SUMM_ALGO_LSA, "Alpha alpha. Beta. Gamma.", r), 0);
    ck_assert_double_eq_tol(score_of(r, 0), 2 * l, 1e-6);
    ck_assert_double_eq_tol(score_of(r, 1), l, 1e-6);
    ck_assert_double_eq_tol(score_of(r, 2), l, 1e-6);
    summ_result_free(r);
}
END_TEST

START_TEST(centroid_prefers_topical_sentence)
{
    /* Only "harbour" and "council" occur twice: the centroid is theirs, the
     * sentence with neither scores 0. */
    summ_result *r = NULL;
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(score_with(SUMM_ALGO_CENTROID,
                                "The harbour council met. The council praised the harbour. "
                                "Birds sing loudly.", r), 0);
    ck_assert(score_of(r, 1) > 0.0);
    ck_assert_double_eq_tol(score_of(r, 2), 0.0, 1e-12);
    summ_result_free(r);
}
END_TEST

START_TEST(edmundson_words_are_copied)
{
    /* The caller's lists may go away after set_options. */
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    summ_options o = SUMM_OPTIONS_INIT, got;
    const char *text = "Rain fell. Children played by the river. Markets sold grain. Mills shut.";
    char cue0[] = "CHILDREN", cue1[] = "rivers", stigma0[] = "rain";
    const char *cue[2], *stigma[1];
    cue[0] = cue0;
    cue[1] = cue1;
    stigma[0] = stigma0;
    o.algorithm = SUMM_ALGO_EDMUNDSON;
    o.position_weight = SUMM_OFF;
    o.cue_words = cue;
    o.n_cue_words = 2;
    o.stigma_words = stigma;
    o.n_stigma_words = 1;
    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, l, NULL, NULL), 0);
    ck_assert_int_eq(summ_summarizer_set_options(s, &o), 0);
    memset(cue0, 'x', sizeof cue0 - 1);
    memset(cue1, 'x', sizeof cue1 - 1);
    memset(stigma0, 'x', sizeof stigma0 - 1);
    got.version = SUMM_OPTIONS_VERSION;
    ck_assert_int_eq(summ_summarizer_get_options(s, &got), 0);
    ck_assert_uint_eq(got.n_cue_words, 2);
    ck_assert_str_eq(got.cue_words[0], "CHILDREN");
    ck_assert_str_eq(got.stigma_words[0], "rain");
    ck_assert_int_eq(summ_score_sentences(s, text, strlen(text), r), 0);
    /* cue +2/2, location 1 for s0 only, title and key 0: s0 = -1/2 + 1,
     * s1 = 1. */
    ck_assert_double_eq_tol(score_of(r, 1), 1.0, 1e-12);
    ck_assert_double_eq_tol(score_of(r, 0), 0.5, 1e-12);
    /* Replacing the options drops the lists. */
    o.cue_words = o.stigma_words = NULL;
    o.n_cue_words = o.n_stigma_words = 0;
    ck_assert_int_eq(summ_summarizer_set_options(s, &o), 0);
    ck_assert_int_eq(summ_score_sentences(s, text, strlen(text), r), 0);
    ck_assert_double_eq_tol(score_of(r, 1), 0.0, 1e-12);
    summ_summarizer_free(s);
    summ_result_free(r);
    summ_lang_free(l);
}
END_TEST

START_TEST(scorer_message_reaches_errmsg)
{
    /* A scorer writes its message through its context, which points at the
     * summarizer's message; a long one is cut to fit. */
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    summ__score_ctx ctx;
    char word[2 * SUMM__ERRMSG_SIZE];
    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, l, NULL, NULL), 0);
    memset(&ctx, 0, sizeof ctx);
    ctx.errmsg = s->errmsg;
    ck_assert_int_eq(summ__score_fail(&ctx, SUMM_E_TOO_LARGE, "%zu pairs past %s", (size_t)7,
                                      "2^32"), SUMM_E_TOO_LARGE);
    ck_assert_str_eq(summ_summarizer_errmsg(s), "7 pairs past 2^32");
    memset(word, 'x', sizeof word - 1);
    word[sizeof word - 1] = '\0';
    ck_assert_int_eq(summ__score_fail(&ctx, SUMM_E_NOMEM, "%s", word), SUMM_E_NOMEM);
    ck_assert_uint_eq(strlen(summ_summarizer_errmsg(s)), SUMM__ERRMSG_SIZE - 1);
    summ_summarizer_free(s);
    summ_lang_free(l);
}
END_TEST

START_TEST(new_options_are_validated)
{
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    const char *bad_utf8[1] = { "\xff" }, *null_entry[1] = { NULL };
    summ_options o;
    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
#define REJECT(field, value)                                                   \
    do {                                                                       \
        summ_options_init(&o, SUMM_OPTIONS_VERSION);                           \
        o.field = value;                                                       \
        ck_assert_int_eq(summ_summarizer_new(&s, l, &o, NULL), SUMM_E_INVALID_ARG); \
        ck_assert_ptr_null(s);                                                 \
    } while (0)
    REJECT(mmr_lambda, 1.5);
    REJECT(mmr_lambda, -0.1);
    REJECT(mmr_lambda, NAN);
    REJECT(position_weight, 1.01);
    REJECT(position_weight, -0.5); /* only SUMM_OFF (-1) is below 0 */
    REJECT(tolerance, NAN);
    REJECT(max_bytes, (size_t)SUMM_MAX_INPUT_BYTES + 1);
    REJECT(damping, 1.0);
    REJECT(tolerance, -1.0);
    REJECT(tolerance, INFINITY);
    REJECT(lexrank_threshold, 1.0);
    REJECT(n_cue_words, 1); /* with cue_words NULL */
    summ_options_init(&o, SUMM_OPTIONS_VERSION);
    o.cue_words = null_entry;
    o.n_cue_words = 1;
    ck_assert_int_eq(summ_summarizer_new(&s, l, &o, NULL), SUMM_E_INVALID_ARG);
    o.cue_words = NULL;
    o.n_cue_words = 0;
    o.stigma_words = bad_utf8;
    o.n_stigma_words = 1;
    ck_assert_int_eq(summ_summarizer_new(&s, l, &o, NULL), SUMM_E_INVALID_ARG);
#undef REJECT
    summ_lang_free(l);
}
END_TEST

START_TEST(zero_means_default_and_version_1_is_a_prefix)
{
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    summ_options o, got;
    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
    memset(&o, 0, sizeof o);
    o.version = SUMM_OPTIONS_VERSION;
    ck_assert_int_eq(summ_summarizer_new(&s, l, &o, NULL), 0);
    got.version = SUMM_OPTIONS_VERSION;
    ck_assert_int_eq(summ_summarizer_get_options(s, &got), 0);
    ck_assert_double_eq(got.mmr_lambda, SUMM_DEFAULT_MMR_LAMBDA);
    ck_assert_double_eq(got.damping, 0.85);
    ck_assert_uint_eq(got.max_iterations, 100);
    ck_assert_uint_eq(got.max_neighbours, 32);
    ck_assert_uint_eq(got.lsa_dimensions, 3);
    ck_assert_double_eq(got.position_weight, SUMM_DEFAULT_POSITION_WEIGHT); /* 0 = default */
    summ_summarizer_free(s);
    /* Off is its own value, kept as given. */
    o.position_weight = SUMM_OFF;
    ck_assert_int_eq(summ_summarizer_new(&s, l, &o, NULL), 0);
    ck_assert_int_eq(summ_summarizer_get_options(s, &got), 0);
    ck_assert_double_eq(got.position_weight, SUMM_OFF);
    summ_summarizer_free(s);
    /* A version 2 struct's 0 meant no lead bias, and still does. */
    memset(&o, 0, sizeof o);
    o.version = 2;
    ck_assert_int_eq(summ_summarizer_new(&s, l, &o, NULL), 0);
    got.version = SUMM_OPTIONS_VERSION;
    ck_assert_int_eq(summ_summarizer_get_options(s, &got), 0);
    ck_assert_double_eq(got.position_weight, SUMM_OFF);
    got.version = 2;
    ck_assert_int_eq(summ_summarizer_get_options(s, &got), 0);
    ck_assert_double_eq(got.position_weight, 0.0);
    got.version = SUMM_OPTIONS_VERSION;
    summ_summarizer_free(s);
    /* A version 1 caller's struct ends at max_input_bytes: whatever lies
     * beyond is not read, and defaults apply. */
    memset(&o, 0xff, sizeof o);
    ck_assert_int_eq(summ_options_init(&o, 1), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, l, &o, NULL), 0);
    ck_assert_int_eq(summ_summarizer_get_options(s, &got), 0);
    ck_assert_double_eq(got.position_weight, SUMM_DEFAULT_POSITION_WEIGHT);
    ck_assert_ptr_null(got.cue_words);
    summ_summarizer_free(s);
    summ_lang_free(l);
}
END_TEST

static const char article[] =
    "The harbour council voted to turn the old ferry terminal into a library. "
    "The vote passed nine to four after a long debate. "
    "The harbour council voted to turn the old ferry terminal into a library. "
    "Builders will start in spring and finish within two years. "
    "The library will keep the glass hall of the terminal as its reading room. "
    "Critics said the money should repair the harbour wall instead. "
    "The mayor said the building deserved a second life. "
    "A children's wing will take the former ticket office. "
    "The harbour wall will be surveyed next month.";

START_TEST(every_algorithm_invariants)
{
    const char *const *names = summ_algorithm_list();
    summ_result *r1 = NULL, *r2 = NULL;
    ck_assert_int_eq(summ_result_new(&r1, NULL), 0);
    ck_assert_int_eq(summ_result_new(&r2, NULL), 0);
    for (; *names; names++) {
        summ_options o = SUMM_OPTIONS_INIT;
        size_t i, j, n;
        o.algorithm = summ_algorithm_from_name(*names);
        /* Every sentence scored, finite, the same twice. */
        ck_assert_int_eq(run_opts(&o, article, 0, r1), 0);
        ck_assert_int_eq(run_opts(&o, article, 0, r2), 0);
        n = summ_result_count(r1);
        ck_assert_uint_eq(n, 9);
        ck_assert_uint_eq(summ_result_count(r2), n);
        for (i = 0; i < n; i++) {
            ck_assert_msg(isfinite(score_of(r1, i)), "%s: score %zu", *names, i);
            ck_assert_msg(score_of(r1, i) == score_of(r2, i), "%s: not deterministic", *names);
        }
        /* Under MMR, the repeated first sentence is never picked twice. */
        o.mmr_lambda = 0.7;
        ck_assert_int_eq(run_opts(&o, article, 5, r1), 0);
        n = summ_result_count(r1);
        ck_assert_uint_eq(n, 5);
        for (i = 0; i < n; i++)
            for (j = i + 1; j < n; j++) {
                const summ_span *a = &summ_result_spans(r1)[i], *b = &summ_result_spans(r1)[j];
                ck_assert_msg(a->end - a->start != b->end - b->start ||
                                  memcmp(article + a->start, article + b->start,
                                         a->end - a->start) != 0,
                              "%s: duplicate picked twice", *names);
            }
    }
    summ_result_free(r1);
    summ_result_free(r2);
}
END_TEST

START_TEST(position_weight_one_is_lead)
{
    const char *const *names = summ_algorithm_list();
    summ_result *r = NULL;
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    for (; *names; names++) {
        summ_options o = SUMM_OPTIONS_INIT;
        size_t i;
        o.algorithm = summ_algorithm_from_name(*names);
        o.position_weight = 1.0;
        ck_assert_int_eq(run_opts(&o, article, 3, r), 0);
        ck_assert_uint_eq(summ_result_count(r), 3);
        for (i = 0; i < 3; i++)
            ck_assert_uint_eq(summ_result_spans(r)[i].sentence, i);
    }
    summ_result_free(r);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("scorers");
    TCase *tc = tcase_create("scores");
    tcase_add_test(tc, pagerank_triangle_and_isolated_sentence);
    tcase_add_test(tc, pagerank_weighted_star);
    tcase_add_test(tc, textrank_isolated_sentence);
    tcase_add_test(tc, degree_hand_worked);
    tcase_add_test(tc, pacsum_hand_worked);
    tcase_add_test(tc, pacsum_prefers_the_sentence_that_opens_a_topic);
    tcase_add_test(tc, lexrank_threshold_cuts_edges);
    tcase_add_test(tc, luhn_hand_worked);
    tcase_add_test(tc, sumbasic_pick_order);
    tcase_add_test(tc, klsum_hand_worked);
    tcase_add_test(tc, lsa_diagonal_matrix);
    tcase_add_test(tc, centroid_prefers_topical_sentence);
    tcase_add_test(tc, edmundson_words_are_copied);
    tcase_add_test(tc, scorer_message_reaches_errmsg);
    tcase_add_test(tc, new_options_are_validated);
    tcase_add_test(tc, zero_means_default_and_version_1_is_a_prefix);
    tcase_add_test(tc, every_algorithm_invariants);
    tcase_add_test(tc, position_weight_one_is_lead);
    tcase_add_test(tc, lead_prefers_early_sentences);
    tcase_add_test(tc, tfidf_hand_worked);
    tcase_add_loop_test(tc, every_algorithm_scores_degenerate_input, 0,
                        (int)(sizeof degenerate / sizeof degenerate[0]));
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
