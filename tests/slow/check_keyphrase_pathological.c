/*
 * Keyphrases of pathological inputs, each under a CPU-time budget and
 * checked with the fuzz oracle's invariants: one word repeated 10^5 times,
 * 10^5 one-word sentences, 10 MB of distinct words without a stopword or
 * any punctuation (about 1.7 million graph nodes), and 10 MB of text with
 * stopwords. The budgets are several times what an optimised build takes
 * (docs/KEYPHRASES.md); SUMM_SLOW_BUDGET_SCALE multiplies them (e.g. 20
 * under valgrind or the sanitizers).
 */
#include "test_util.h"
#include "fuzz_oracle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        ck_assert_ptr_nonnull(b->p);
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static double budget(double seconds)
{
    const char *scale = getenv("SUMM_SLOW_BUDGET_SCALE");
    int k = scale ? atoi(scale) : 1;
    return seconds * (k > 0 ? k : 1);
}

static uint32_t next_rand(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

/* Extracts max keyphrases of b in language `code`, checks the result, and
 * fails past `seconds` of CPU time (scaled). Returns the first one. */
static summ_keyphrase run(const buf *b, const char *code, size_t max, double seconds)
{
    summ_lang *lang;
    summ_summarizer *s;
    summ_keyphrases *k;
    summ_keyphrase first;
    fuzz_units u;
    clock_t t0;
    double used;

    ck_assert_int_eq(summ_lang_new(&lang, code, NULL), SUMM_OK);
    ck_assert_int_eq(summ_summarizer_new(&s, lang, NULL, NULL), SUMM_OK);
    ck_assert_int_eq(summ_keyphrases_new(&k, NULL), SUMM_OK);
    t0 = clock();
    ck_assert_int_eq(summ_extract_keyphrases(s, b->p, b->len, max, k), SUMM_OK);
    used = (double)(clock() - t0) / CLOCKS_PER_SEC;
    ck_assert_msg(used <= budget(seconds), "%.2f s of CPU, over the budget of %.2f s", used,
                  budget(seconds));
    fuzz_units_init(&u, b->p, b->len);
    fuzz_check_keyphrases(&u, k, max);
    fuzz_units_free(&u);
    ck_assert_uint_ge(summ_keyphrases_count(k), 1);
    ck_assert_int_eq(summ_keyphrases_get(k, 0, &first), SUMM_OK);
    first.occurrences = NULL; /* freed below */
    summ_keyphrases_free(k);
    summ_summarizer_free(s);
    summ_lang_free(lang);
    return first;
}

START_TEST(one_word_repeated)
{
    buf b = { 0 };
    size_t i;
    summ_keyphrase top;
    for (i = 0; i < 100000; i++)
        put(&b, "word ", 5);
    top = run(&b, "en", 10, 2.0);
    /* One run, cut into pieces of SUMM_KEYPHRASE_MAX_WORDS. */
    ck_assert_uint_eq(top.count, 100000 / SUMM_KEYPHRASE_MAX_WORDS);
    ck_assert_uint_eq(top.end - top.start, 5 * SUMM_KEYPHRASE_MAX_WORDS - 1);
    free(b.p);
}
END_TEST

START_TEST(one_word_sentences)
{
    buf b = { 0 };
    size_t i;
    summ_keyphrase top;
    for (i = 0; i < 100000; i++)
        put(&b, "Word. ", 6);
    top = run(&b, "en", 10, 2.0);
    ck_assert_uint_eq(top.count, 100000);
    free(b.p);
}
END_TEST

START_TEST(ten_megabytes_without_stopwords)
{
    buf b = { 0 };
    uint32_t seed = 11;
    while (b.len < 10u << 20) {
        char w[16];
        size_t k, wl = 2 + next_rand(&seed) % 9;
        for (k = 0; k < wl; k++)
            w[k] = (char)('a' + next_rand(&seed) % 26);
        w[wl] = ' ';
        put(&b, w, wl + 1);
    }
    run(&b, "en", 100, 20.0);
    free(b.p);
}
END_TEST

/* Sentences over a vocabulary of 5000 words, a stopword between phrases. */
START_TEST(ten_megabytes_of_text)
{
    static const char *const stop[] = { " of the ", " and ", ", ", " in a ", ". The " };
    buf b = { 0 };
    uint32_t seed = 5;
    while (b.len < 10u << 20) {
        char w[32];
        uint32_t r = next_rand(&seed) % 5000;
        r = r * r / 5000; /* low ids are frequent */
        put(&b, w, (size_t)snprintf(w, sizeof w, "w%ux", (unsigned)r));
        if (next_rand(&seed) % 3 == 0) {
            const char *s = stop[next_rand(&seed) % 5];
            put(&b, s, strlen(s));
        } else {
            put(&b, " ", 1);
        }
    }
    run(&b, "en", 100, 5.0);
    free(b.p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("keyphrase-pathological");
    TCase *tc = tcase_create("inputs");
    tcase_set_timeout(tc, 1800);
    tcase_add_test(tc, one_word_repeated);
    tcase_add_test(tc, one_word_sentences);
    tcase_add_test(tc, ten_megabytes_without_stopwords);
    tcase_add_test(tc, ten_megabytes_of_text);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
