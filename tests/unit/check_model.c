/* Term model: stopwords, stemming once per word, bags and frequencies. */
#include "test_util.h"

#include <libstemmer.h>
#include <string.h>

static summ_lang *lang;
static summ_summarizer *sum;

static void setup(void)
{
    ck_assert_int_eq(summ_lang_new(&lang, "en", NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&sum, lang, NULL, NULL), 0);
}

static void teardown(void)
{
    summ_summarizer_free(sum);
    summ_lang_free(lang);
}

static const summ__model *build(const char *text)
{
    sum->spans.len = 0;
    ck_assert_int_eq(summ__split(lang, text, strlen(text), false, &sum->spans), 0);
    ck_assert_int_eq(summ__model_build(sum, text), 0);
    return &sum->model;
}

START_TEST(stopwords_dropped_and_stems_shared)
{
    const summ__model *m = build("The runner was running. Runners run fast.");
    ck_assert_uint_eq(m->n_sents, 2);
    /* "the", "was" are stopwords; runner/runners share a stem, as do
     * running/run. */
    ck_assert_uint_eq(m->sents[0].n_words, 4);
    ck_assert_uint_eq(m->sents[0].term_end - m->sents[0].term_begin, 2);
    ck_assert_uint_eq(m->sents[1].term_end - m->sents[1].term_begin, 3);
    ck_assert_uint_eq(m->n_vocab, 3); /* runner, run, fast */
    ck_assert_uint_eq(m->terms[0], m->terms[2]);
    ck_assert_uint_eq(m->terms[1], m->terms[3]);
}
END_TEST

START_TEST(bags_and_frequencies)
{
    const summ__model *m = build("Cats chase cats. Dogs chase cats. Birds fly.");
    size_t i;
    uint32_t cat, chase;
    ck_assert(summ__strmap_get(&m->stems, "cat", 3, &cat));
    ck_assert(summ__strmap_get(&m->stems, "chase", 5, &chase));
    ck_assert_uint_eq(m->term_tf[cat], 3);
    ck_assert_uint_eq(m->term_sf[cat], 2);
    ck_assert_uint_eq(m->term_sf[chase], 2);
    /* First sentence: bag {cat:2, chase:1}, sorted by term id. */
    ck_assert_uint_eq(m->sents[0].bag_end - m->sents[0].bag_begin, 2);
    for (i = m->sents[0].bag_begin; i < m->sents[0].bag_end; i++) {
        if (m->bag_term[i] == cat)
            ck_assert_uint_eq(m->bag_count[i], 2);
        else
            ck_assert_uint_eq(m->bag_count[i], 1);
        if (i > m->sents[0].bag_begin)
            ck_assert_uint_lt(m->bag_term[i - 1], m->bag_term[i]);
    }
}
END_TEST

START_TEST(stemming_matches_libstemmer)
{
    const char *ws[] = { "generously", "connections", "hopping", "relational" };
    struct sb_stemmer *st = sb_stemmer_new("english", "UTF_8");
    size_t i;
    for (i = 0; i < 4; i++) {
        const summ__model *m = build(ws[i]);
        const sb_symbol *want = sb_stemmer_stem(st, (const sb_symbol *)ws[i], (int)strlen(ws[i]));
        ck_assert_uint_eq(m->n_vocab, 1);
        ck_assert(summ__strmap_get(&m->stems, (const char *)want,
                                   (size_t)sb_stemmer_length(st), NULL));
    }
    sb_stemmer_delete(st);
}
END_TEST

START_TEST(flags_keep_stopwords_and_no_stemming)
{
    summ_options o = SUMM_OPTIONS_INIT;
    const summ__model *m;
    o.flags = SUMM_FLAG_KEEP_STOPWORDS | SUMM_FLAG_NO_STEMMING;
    ck_assert_int_eq(summ_summarizer_set_options(sum, &o), 0);
    m = build("The runners ran.");
    ck_assert_uint_eq(m->n_vocab, 3);
    ck_assert(summ__strmap_get(&m->stems, "runners", 7, NULL));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("model");
    TCase *tc = tcase_create("terms");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, stopwords_dropped_and_stems_shared);
    tcase_add_test(tc, bags_and_frequencies);
    tcase_add_test(tc, stemming_matches_libstemmer);
    tcase_add_test(tc, flags_keep_stopwords_and_no_stemming);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
