/* The lexicon a summarizer keeps between texts: results never depend on
 * what it summarized before, through eviction, option changes and language
 * switches. */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "summarizer.h"

static char *spans_of(summ_summarizer *s, const char *text, int score_only)
{
    summ_result *r = NULL;
    size_t i, n, cap = 64, len = 0;
    char *out = malloc(cap);
    ck_assert_ptr_nonnull(out);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    if (score_only)
        ck_assert_int_eq(summ_score_sentences(s, text, strlen(text), r), 0);
    else
        ck_assert_int_eq(summ_summarize(s, text, strlen(text), r), 0);
    n = summ_result_count(r);
    for (i = 0; i < n; i++) {
        const summ_span *sp = &summ_result_spans(r)[i];
        char item[96];
        int k = snprintf(item, sizeof item, "%zu-%zu:%.17g;", sp->start, sp->end, sp->score);
        if (len + (size_t)k + 1 > cap) {
            cap = 2 * (len + (size_t)k + 1);
            out = realloc(out, cap);
            ck_assert_ptr_nonnull(out);
        }
        memcpy(out + len, item, (size_t)k);
        len += (size_t)k;
    }
    out[len] = '\0';
    summ_result_free(r);
    return out;
}

/* What a fresh summarizer gives for text. */
static char *fresh(summ_lang *l, const summ_options *o, const char *text, int score_only)
{
    summ_summarizer *s = NULL;
    char *out;
    ck_assert_int_eq(summ_summarizer_new(&s, l, o, NULL), 0);
    out = spans_of(s, text, score_only);
    summ_summarizer_free(s);
    return out;
}

static const char *const english[] = {
    "The councils were running the libraries. Running costs rose sharply. The library "
    "council met again on Tuesday and agreed to cut the running costs.",
    "Runners ran in the rain. The running club organised races for runners of every age, "
    "and the races ran late.",
    "Libraries lend books. The council's libraries lent more books this year than last, "
    "and the lending desks were busy.",
};

/* One summarizer of language code goes through texts `rounds` times; each
 * result must equal a fresh summarizer's. */
static void expect_reuse_matches_fresh(const char *code, const summ_options *o,
                                       const char *const *texts, size_t n, size_t rounds)
{
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    size_t round, i;
    ck_assert_int_eq(summ_lang_new(&l, code, NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, l, o, NULL), 0);
    for (round = 0; round < rounds; round++) {
        for (i = 0; i < n; i++) {
            char *want = fresh(l, o, texts[i], 1), *got = spans_of(s, texts[i], 1);
            ck_assert_str_eq(got, want);
            free(want);
            free(got);
        }
    }
    summ_summarizer_free(s);
    summ_lang_free(l);
}

START_TEST(reused_summarizer_matches_fresh_ones)
{
    summ_options o = SUMM_OPTIONS_INIT;
    o.algorithm = SUMM_ALGO_TFIDF;
    o.max_sentences = 2;
    expect_reuse_matches_fresh("en", &o, english, sizeof english / sizeof *english, 3);
}
END_TEST

/* More distinct words than the lexicon keeps: the text still comes out as
 * from a fresh summarizer, the next one starts the lexicon over, and it and
 * the ones after it also come out as from a fresh summarizer. */
START_TEST(eviction_keeps_results)
{
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    summ_options o = SUMM_OPTIONS_INIT;
    size_t n_words = SUMM__LEXICON_WORDS + 5000, i, len = 0;
    char *big = malloc(n_words * 16 + 64), *want, *got;
    ck_assert_ptr_nonnull(big);
    for (i = 0; i < n_words; i++) {
        /* Distinct letter-only words, ending in "ing" or "s" so that they
         * stem; a period every 12 words. */
        size_t v = i;
        int k;
        char w[16];
        for (k = 0; k < 5; k++, v /= 26)
            w[k] = (char)('a' + v % 26);
        memcpy(w + 5, i % 2 ? "ing" : "s", i % 2 ? 3 : 1);
        w[i % 2 ? 8 : 6] = '\0';
        len += (size_t)sprintf(big + len, "%s%s", w, i % 12 == 11 ? ". " : " ");
    }
    big[len] = '\0';
    o.algorithm = SUMM_ALGO_TFIDF;
    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, l, &o, NULL), 0);
    got = spans_of(s, english[0], 1);
    free(got);
    got = spans_of(s, big, 1);
    want = fresh(l, &o, big, 1);
    ck_assert_str_eq(got, want);
    free(got);
    free(want);
    ck_assert_uint_gt(s->lexicon.words.count, SUMM__LEXICON_WORDS);
    for (i = 1; i < 3; i++) {
        got = spans_of(s, english[i], 1);
        want = fresh(l, &o, english[i], 1);
        ck_assert_str_eq(got, want);
        free(got);
        free(want);
        ck_assert_uint_lt(s->lexicon.words.count, 1000);
    }
    summ_summarizer_free(s);
    summ_lang_free(l);
    free(big);
}
END_TEST

/* Stopword and stemming flags change what a word stands for: a summarizer
 * whose options change between texts matches a fresh one with the new
 * options. */
START_TEST(option_changes_keep_results)
{
    static const unsigned flags[] = { 0, SUMM_FLAG_KEEP_STOPWORDS, SUMM_FLAG_NO_STEMMING,
                                      SUMM_FLAG_KEEP_STOPWORDS | SUMM_FLAG_NO_STEMMING, 0 };
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    summ_options o = SUMM_OPTIONS_INIT;
    size_t i, k;
    o.algorithm = SUMM_ALGO_TFIDF;
    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, l, &o, NULL), 0);
    for (k = 0; k < sizeof flags / sizeof *flags; k++) {
        o.flags = flags[k];
        ck_assert_int_eq(summ_summarizer_set_options(s, &o), 0);
        for (i = 0; i < sizeof english / sizeof *english; i++) {
            char *want = fresh(l, &o, english[i], 1), *got = spans_of(s, english[i], 1);
            ck_assert_str_eq(got, want);
            free(want);
            free(got);
        }
    }
    summ_summarizer_free(s);
    summ_lang_free(l);
}
END_TEST

/* Edmundson's cue words are looked up in the text being summarized: a cue
 * word an earlier text had, and this one lacks, marks nothing. */
START_TEST(cue_words_of_earlier_texts_mark_nothing)
{
    static const char *const cues[] = { "library", "lending", "races" };
    summ_options o = SUMM_OPTIONS_INIT;
    o.algorithm = SUMM_ALGO_EDMUNDSON;
    o.cue_words = cues;
    o.n_cue_words = 3;
    o.max_sentences = 1;
    expect_reuse_matches_fresh("en", &o, english, sizeof english / sizeof *english, 2);
}
END_TEST

/* An "auto" summarizer switches stemmers between texts; each switch starts
 * the lexicon over, so French words never get English stems. */
START_TEST(language_switches_keep_results)
{
    static const char *const mixed[] = {
        "Les conseils municipaux finançaient les bibliothèques. Les bibliothèques "
        "prêtaient des livres aux enfants. Le conseil a voté le budget des bibliothèques.",
        "The councils were running the libraries. Running costs rose sharply. The library "
        "council met again on Tuesday and agreed to cut the running costs.",
        "Die Stadträte finanzierten die Bibliotheken. Die Bibliotheken liehen den Kindern "
        "Bücher. Der Rat stimmte über das Budget der Bibliotheken ab.",
    };
    summ_options o = SUMM_OPTIONS_INIT;
    o.algorithm = SUMM_ALGO_TEXTRANK;
    o.max_sentences = 1;
    expect_reuse_matches_fresh("auto", &o, mixed, sizeof mixed / sizeof *mixed, 2);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("lexicon");
    TCase *tc = tcase_create("lexicon");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, reused_summarizer_matches_fresh_ones);
    tcase_add_test(tc, eviction_keeps_results);
    tcase_add_test(tc, option_changes_keep_results);
    tcase_add_test(tc, cue_words_of_earlier_texts_mark_nothing);
    tcase_add_test(tc, language_switches_keep_results);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
