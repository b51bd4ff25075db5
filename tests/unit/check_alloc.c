/* Allocation failure injection: fail the k-th allocation for every k of a
 * full run; each failure must be a clean SUMM_E_NOMEM with nothing leaked,
 * and the objects must work afterwards. */
#include "test_util.h"

#include <stdbool.h>
#include <string.h>

static const char text[] =
    "Harbour town votes to turn old ferry terminal into a public library\n\n"
    "The council of Westerby voted on Tuesday night to convert the terminal. "
    "The plan will cost 4.2 million pounds. Mayor Alice Brennan said the decision "
    "gave the quay \"a reason to be visited again\". Résumé of the café’s plans.";

/* One full use of the API with allocator t; returns the first failure. */
static int full_run(test_alloc *t, int algo, bool mmr)
{
    summ_allocator a = { test_alloc_fn, t };
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    summ_options o = SUMM_OPTIONS_INIT;
    const char *extra[] = { "quay", "Über" };
    const char *cue[] = { "library", "plans" }, *stigma[] = { "cost" };
    summ_lang_config cfg = SUMM_LANG_CONFIG_INIT;
    int rc;

    cfg.extra_stopwords = extra;
    cfg.n_extra_stopwords = 2;
    o.algorithm = algo;
    o.max_sentences = 2;
    /* The selector's MMR and the copied word lists allocate too. */
    o.mmr_lambda = mmr ? 0.7 : 1.0;
    o.cue_words = cue;
    o.n_cue_words = 2;
    o.stigma_words = stigma;
    o.n_stigma_words = 1;
    if ((rc = summ_lang_new_ex(&l, "en", &cfg, &a)) < 0)
        goto out;
    if ((rc = summ_summarizer_new(&s, l, &o, &a)) < 0)
        goto out;
    if ((rc = summ_result_new(&r, &a)) < 0)
        goto out;
    if ((rc = summ_summarize(s, text, sizeof text - 1, r)) < 0) {
        /* The failed object must still work once memory is available. */
        size_t saved = t->fail_at;
        ck_assert_uint_eq(summ_result_count(r), 0);
        ck_assert_str_ne(summ_summarizer_errmsg(s), "");
        t->fail_at = 0;
        ck_assert_int_eq(summ_summarize(s, text, sizeof text - 1, r), 0);
        ck_assert_uint_eq(summ_result_count(r), 2);
        t->fail_at = saved;
        goto out;
    }
    if ((rc = summ_split_sentences(s, text, sizeof text - 1, r)) < 0)
        goto out;
    rc = summ_score_sentences(s, text, sizeof text - 1, r);
out:
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(l);
    return rc;
}

START_TEST(fail_every_allocation)
{
    const char *const *names = summ_algorithm_list();
    bool mmr = _i != 0;
    for (; *names; names++) {
        int algo = summ_algorithm_from_name(*names);
        test_alloc t;
        size_t total, k;
        memset(&t, 0, sizeof t);
        ck_assert_int_eq(full_run(&t, algo, mmr), 0);
        ck_assert_int_eq(t.live_bytes, 0);
        ck_assert_uint_eq(t.live_blocks, 0);
        total = t.calls;
        ck_assert_uint_gt(total, 5);
        for (k = 1; k <= total; k++) {
            int rc;
            memset(&t, 0, sizeof t);
            t.fail_at = k;
            rc = full_run(&t, algo, mmr);
            ck_assert_msg(rc == SUMM_E_NOMEM, "%s%s: allocation %zu of %zu: rc %d", *names,
                          mmr ? " with MMR" : "", k, total, rc);
            ck_assert_msg(t.live_bytes == 0 && t.live_blocks == 0,
                          "%s: allocation %zu leaked %lld bytes", *names, k, t.live_bytes);
        }
    }
}
END_TEST

/* Documents without content words make empty per-term arrays: the sizes
 * given back on free must still match those allocated. */
START_TEST(empty_arrays_balance)
{
    const char *const *names = summ_algorithm_list();
    for (; *names; names++) {
        test_alloc t;
        summ_allocator a = { test_alloc_fn, &t };
        summ_lang *l = NULL;
        summ_summarizer *s = NULL;
        summ_result *r = NULL;
        summ_options o = SUMM_OPTIONS_INIT;
        static const char empty[] = "The. Of the. And then.";
        memset(&t, 0, sizeof t);
        o.algorithm = summ_algorithm_from_name(*names);
        o.mmr_lambda = 0.5;
        ck_assert_int_eq(summ_lang_new(&l, "en", &a), 0);
        ck_assert_int_eq(summ_summarizer_new(&s, l, &o, &a), 0);
        ck_assert_int_eq(summ_result_new(&r, &a), 0);
        ck_assert_int_eq(summ_summarize(s, empty, sizeof empty - 1, r), 0);
        ck_assert_int_eq(summ_score_sentences(s, empty, sizeof empty - 1, r), 0);
        summ_result_free(r);
        summ_summarizer_free(s);
        summ_lang_free(l);
        ck_assert_msg(t.live_bytes == 0 && t.live_blocks == 0, "%s: %lld bytes", *names,
                      t.live_bytes);
    }
}
END_TEST

/* The "auto" language: every sub-language, detection, a stemmer created on
 * first use, and a second text that switches language. */
static const char text_de[] =
    "Der Rat der Stadt hat am Dienstag beschlossen, das alte Terminal umzubauen. "
    "Die Arbeiten beginnen im Frühjahr. Die Bibliothek wird im nächsten Jahr eröffnet.";
static const char text_zh[] = "市议会决定在旧港口附近建新图书馆。工程将于春天开始。图书馆明年开放。";

static int auto_run(test_alloc *t)
{
    summ_allocator a = { test_alloc_fn, t };
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    summ_options o = SUMM_OPTIONS_INIT;
    const char *extra[] = { "Terminal" };
    const char *code;
    summ_lang_config cfg = SUMM_LANG_CONFIG_INIT;
    int rc;

    cfg.extra_stopwords = extra;
    cfg.n_extra_stopwords = 1;
    o.max_sentences = 2;
    if ((rc = summ_detect_language(&code, text_de, sizeof text_de - 1, &a)) < 0)
        goto out;
    ck_assert_str_eq(code, "de");
    if ((rc = summ_lang_new_ex(&l, "auto", &cfg, &a)) < 0)
        goto out;
    if ((rc = summ_summarizer_new(&s, l, &o, &a)) < 0)
        goto out;
    if ((rc = summ_result_new(&r, &a)) < 0)
        goto out;
    if ((rc = summ_summarize(s, text_de, sizeof text_de - 1, r)) < 0) {
        size_t saved = t->fail_at;
        ck_assert_uint_eq(summ_result_count(r), 0);
        t->fail_at = 0;
        ck_assert_int_eq(summ_summarize(s, text_de, sizeof text_de - 1, r), 0);
        ck_assert_str_eq(summ_result_language(r), "de");
        t->fail_at = saved;
        goto out;
    }
    ck_assert_str_eq(summ_result_language(r), "de");
    if ((rc = summ_summarize(s, text_zh, sizeof text_zh - 1, r)) < 0)
        goto out;
    ck_assert_str_eq(summ_result_language(r), "zh");
    ck_assert_uint_eq(summ_result_count(r), 2);
out:
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(l);
    return rc;
}

START_TEST(fail_every_allocation_auto)
{
    test_alloc t;
    size_t total, k;
    memset(&t, 0, sizeof t);
    ck_assert_int_eq(auto_run(&t), 0);
    ck_assert_int_eq(t.live_bytes, 0);
    ck_assert_uint_eq(t.live_blocks, 0);
    total = t.calls;
    ck_assert_uint_gt(total, 50);
    for (k = 1; k <= total; k++) {
        int rc;
        memset(&t, 0, sizeof t);
        t.fail_at = k;
        rc = auto_run(&t);
        ck_assert_msg(rc == SUMM_E_NOMEM, "auto: allocation %zu of %zu: rc %d", k, total, rc);
        ck_assert_msg(t.live_bytes == 0 && t.live_blocks == 0,
                      "auto: allocation %zu leaked %lld bytes", k, t.live_bytes);
    }
}
END_TEST

/* Texts whose model has no terms make some arrays empty; the hook must
 * still be told, on free, the size it allocated (one byte, not zero). */
START_TEST(sizes_balance_on_degenerate_text)
{
    static const char *const texts[] = { "!!! ??? ...", "the of and. it is.", "x", "" };
    const char *const *names = summ_algorithm_list();
    size_t i;
    for (; *names; names++) {
        for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
            test_alloc t;
            summ_allocator a = { test_alloc_fn, &t };
            summ_lang *l = NULL;
            summ_summarizer *s = NULL;
            summ_result *r = NULL;
            summ_options o = SUMM_OPTIONS_INIT;
            memset(&t, 0, sizeof t);
            o.algorithm = summ_algorithm_from_name(*names);
            ck_assert_int_eq(summ_lang_new(&l, "en", &a), 0);
            ck_assert_int_eq(summ_summarizer_new(&s, l, &o, &a), 0);
            ck_assert_int_eq(summ_result_new(&r, &a), 0);
            ck_assert_int_eq(summ_summarize(s, texts[i], strlen(texts[i]), r), 0);
            ck_assert_int_eq(summ_score_sentences(s, texts[i], strlen(texts[i]), r), 0);
            summ_result_free(r);
            summ_summarizer_free(s);
            summ_lang_free(l);
            ck_assert_msg(t.live_bytes == 0 && t.live_blocks == 0,
                          "%s on '%s': %lld bytes in %zu blocks unaccounted", *names, texts[i],
                          t.live_bytes, t.live_blocks);
        }
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("alloc");
    TCase *tc = tcase_create("failure");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, fail_every_allocation, 0, 2); /* without, with MMR */
    tcase_add_test(tc, empty_arrays_balance);
    tcase_add_test(tc, fail_every_allocation_auto);
    tcase_add_test(tc, sizes_balance_on_degenerate_text);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
