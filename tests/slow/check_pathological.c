/*
 * Pathological inputs: each must finish within a fixed budget or be refused
 * with a clean error. Inputs are generated in memory, never read from
 * files. Every result is checked with the fuzz oracle's invariants.
 *
 * The budget is enforced by the test itself: a CPU-time limit per case
 * (RLIMIT_CPU, so that a loaded machine does not count against it; SIGXCPU
 * ends the test) and a much longer wall-clock alarm() against hangs that
 * burn no CPU. Both are generous on purpose: they catch quadratic blow-ups
 * and hangs, not slowness. SUMM_SLOW_BUDGET_SCALE multiplies them (e.g. 20
 * under valgrind).
 *
 * Tied input (every sentence the same, so every score and every greedy
 * gain ties) is the worst case of the heaps and lazy selections: there
 * every algorithm runs on hundreds of thousands of sentences with its
 * default budget, each case under a shorter limit (Check's timeout, and
 * CPU time) that a step linear in the sentences per pick would exceed.
 */
#define _DEFAULT_SOURCE

#include "test_util.h"
#include "fuzz_oracle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

#define CPU_BUDGET_SECONDS 60
#define WALL_BUDGET_SECONDS 600
/* Tied cases take about 3 s of CPU for every algorithm together. */
#define TIED_CPU_BUDGET_SECONDS 20
#define TIED_TIMEOUT_SECONDS 30

typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

static unsigned budget_scale(void)
{
    const char *scale = getenv("SUMM_SLOW_BUDGET_SCALE");
    int k = scale ? atoi(scale) : 1;
    return k > 0 ? (unsigned)k : 1;
}

static void start_cpu_budget(unsigned seconds)
{
    struct rusage ru;
    struct rlimit rl;
    unsigned k = budget_scale();
    ck_assert_int_eq(getrusage(RUSAGE_SELF, &ru), 0);
    ck_assert_int_eq(getrlimit(RLIMIT_CPU, &rl), 0);
    /* The limit counts the CPU time of the whole process: add the budget to
     * what it has used so far (all of it when Check does not fork). */
    rl.rlim_cur = (rlim_t)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + 1) + (rlim_t)seconds * k;
    if (rl.rlim_max != RLIM_INFINITY && rl.rlim_cur > rl.rlim_max)
        rl.rlim_cur = rl.rlim_max;
    ck_assert_int_eq(setrlimit(RLIMIT_CPU, &rl), 0);
    /* SIGALRM's and SIGXCPU's default actions end the process. */
    alarm(WALL_BUDGET_SECONDS * k);
}

static void start_budget(void)
{
    start_cpu_budget(CPU_BUDGET_SECONDS);
}

static void stop_budget(void)
{
    struct rlimit rl;
    alarm(0);
    if (getrlimit(RLIMIT_CPU, &rl) == 0) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_CPU, &rl);
    }
}

static void put(buf *b, const char *s, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n)
            cap *= 2;
        b->p = realloc(b->p, cap);
        ck_assert_ptr_nonnull(b->p);
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static void puts_n(buf *b, const char *s, size_t times)
{
    size_t n = strlen(s), i;
    for (i = 0; i < times; i++)
        put(b, s, n);
}

static uint32_t next_rand(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

/* Splits, scores and summarizes text with every algorithm; each call must
 * succeed and satisfy the invariants. Returns the number of sentences. */
static size_t run_all(const char *text, size_t len, uint32_t flags)
{
    const char *const *names = summ_algorithm_list();
    summ_lang *lang = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    fuzz_units u;
    size_t n_split;

    fuzz_units_init(&u, text, len);
    ck_assert_int_eq(summ_lang_new(&lang, "en", NULL), 0);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    {
        summ_options o = SUMM_OPTIONS_INIT;
        o.flags = flags;
        ck_assert_int_eq(summ_summarizer_new(&s, lang, &o, NULL), 0);
    }
    ck_assert_int_eq(summ_split_sentences(s, text, len, r), 0);
    n_split = summ_result_count(r);
    fuzz_check_split(&u, summ_result_spans(r), n_split);
    for (; *names; names++) {
        summ_options o = SUMM_OPTIONS_INIT;
        o.algorithm = summ_algorithm_from_name(*names);
        o.flags = flags;
        ck_assert_int_eq(summ_summarizer_set_options(s, &o), 0);
        ck_assert_msg(summ_summarize(s, text, len, r) == 0, "%s: %s", *names,
                      summ_summarizer_errmsg(s));
        ck_assert_uint_eq(summ_result_sentence_total(r), n_split);
        fuzz_check_spans(&u, summ_result_spans(r), summ_result_count(r), false, *names);
        if (n_split)
            ck_assert_uint_gt(summ_result_count(r), 0);
    }
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(lang);
    fuzz_units_free(&u);
    return n_split;
}

/* Expects text to be refused as invalid UTF-8 at the oracle's offset in
 * strict mode, and accepted (with valid spans) in lenient mode. */
static void strict_refuses_lenient_accepts(const char *text, size_t len)
{
    summ_lang *lang = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    fuzz_units u;
    char at[48];

    fuzz_units_init(&u, text, len);
    ck_assert_uint_lt(u.first_bad, len);
    ck_assert_int_eq(summ_lang_new(&lang, "en", NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, lang, NULL, NULL), 0);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(summ_summarize(s, text, len, r), SUMM_E_INVALID_UTF8);
    ck_assert_uint_eq(summ_result_count(r), 0);
    snprintf(at, sizeof at, "at byte %zu", u.first_bad);
    ck_assert_msg(strstr(summ_summarizer_errmsg(s), at), "'%s' lacks '%s'",
                  summ_summarizer_errmsg(s), at);
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(lang);
    fuzz_units_free(&u);
    run_all(text, len, SUMM_FLAG_LENIENT_UTF8);
}

/* n copies of sentence (one sentence each): every algorithm with its
 * default budget, and MMR, which keeps one of them. */
static void run_tied(const char *sentence, size_t n, size_t expect_sentences)
{
    summ_options o = SUMM_OPTIONS_INIT;
    summ_lang *lang = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    buf b = { 0 };
    start_cpu_budget(TIED_CPU_BUDGET_SECONDS);
    puts_n(&b, sentence, n);
    ck_assert_uint_eq(run_all(b.p, b.len, 0), expect_sentences);
    o.mmr_lambda = 0.7;
    ck_assert_int_eq(summ_lang_new(&lang, "en", NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, lang, &o, NULL), 0);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(summ_summarize(s, b.p, b.len, r), 0);
    ck_assert_uint_eq(summ_result_count(r), 1);
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(lang);
    stop_budget();
    free(b.p);
}

START_TEST(one_word_sentences_100k)
{
    run_tied("Word. ", 100000, 100000);
}
END_TEST

START_TEST(one_word_sentences_250k)
{
    run_tied("Word. ", 250000, 250000);
}
END_TEST

START_TEST(ten_mebibytes_of_one_sentence)
{
    static const char sentence[] =
        "The harbour council voted on the plan for the old terminal today. ";
    size_t n = (10u << 20) / (sizeof sentence - 1);
    run_tied(sentence, n, n);
}
END_TEST

START_TEST(yes_400k)
{
    run_tied("Yes. ", 400000, 400000);
}
END_TEST

START_TEST(ten_megabytes_without_punctuation)
{
    buf b = { 0 };
    uint32_t seed = 7;
    size_t n;
    start_budget();
    while (b.len < 10u << 20) {
        char w[16];
        size_t k, wl = 2 + next_rand(&seed) % 9;
        for (k = 0; k < wl; k++)
            w[k] = (char)('a' + next_rand(&seed) % 26);
        w[wl] = ' ';
        put(&b, w, wl + 1);
    }
    n = run_all(b.p, b.len, 0);
    /* No boundary anywhere: the text is cut into pieces of bounded size. */
    ck_assert_uint_ge(n, b.len / SUMM_MAX_SENTENCE_BYTES);
    stop_budget();
    free(b.p);
}
END_TEST

START_TEST(one_megabyte_single_line)
{
    buf b = { 0 };
    start_budget();
    puts_n(&b, "The harbour council voted on the plan for the old terminal today. ",
           (1u << 20) / 66);
    ck_assert_uint_gt(run_all(b.p, b.len, 0), 10000);
    free(b.p);
    /* And one token of a megabyte: no white space to cut at. */
    memset(&b, 0, sizeof b);
    puts_n(&b, "x", 1u << 20);
    ck_assert_uint_ge(run_all(b.p, b.len, 0), (1u << 20) / SUMM_MAX_SENTENCE_BYTES);
    stop_budget();
    free(b.p);
}
END_TEST

START_TEST(only_stopwords)
{
    buf b = { 0 };
    start_budget();
    puts_n(&b, "The of and to a in it is was that. ", 20000);
    ck_assert_uint_eq(run_all(b.p, b.len, 0), 20000);
    ck_assert_uint_eq(run_all(b.p, b.len, SUMM_FLAG_KEEP_STOPWORDS), 20000);
    stop_budget();
    free(b.p);
}
END_TEST

START_TEST(only_digits)
{
    buf b = { 0 };
    start_budget();
    puts_n(&b, "1234567890 ", 50000);
    run_all(b.p, b.len, 0);
    b.len = 0;
    puts_n(&b, "12. 3.4 5... 6! 7? ", 50000);
    run_all(b.p, b.len, 0);
    stop_budget();
    free(b.p);
}
END_TEST

START_TEST(deep_nesting)
{
    static const char *const open[] = { "(", "[", "{", "\"", "'", "\xe2\x80\x9c", "\xc2\xab" };
    static const char *const close[] = { ")", "]", "}", "\"", "'", "\xe2\x80\x9d", "\xc2\xbb" };
    buf b = { 0 };
    size_t i;
    start_budget();
    for (i = 0; i < 100000; i++)
        put(&b, open[i % 7], strlen(open[i % 7]));
    puts_n(&b, "Deep inside. Still inside!", 1);
    for (i = 100000; i-- > 0;)
        put(&b, close[i % 7], strlen(close[i % 7]));
    puts_n(&b, " After. ", 1);
    /* Terminators followed by long runs of closers. */
    for (i = 0; i < 2000; i++) {
        puts_n(&b, "Quote.", 1);
        puts_n(&b, "\"')]}", 50);
        puts_n(&b, " ", 1);
    }
    run_all(b.p, b.len, 0);
    stop_budget();
    free(b.p);
}
END_TEST

START_TEST(random_bytes)
{
    buf b = { 0 };
    uint32_t seed = 12345;
    size_t i;
    start_budget();
    for (i = 0; i < 1u << 20; i++) {
        char c = (char)(next_rand(&seed) & 0xFF);
        put(&b, &c, 1);
    }
    strict_refuses_lenient_accepts(b.p, b.len);
    stop_budget();
    free(b.p);
}
END_TEST

START_TEST(overlong_surrogates_and_out_of_range)
{
    static const char *const bad[] = {
        "\xc0\xaf", "\xc1\xbf", "\xe0\x80\xaf", "\xe0\x9f\xbf", "\xf0\x80\x80\xaf",
        "\xf0\x8f\xbf\xbf", "\xed\xa0\x80", "\xed\xbf\xbf", "\xed\xa0\x80\xed\xb0\x80",
        "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xf8\x88\x80\x80\x80", "\xfe", "\xff",
        "\x80", "\xbf", "\xe2\x82", "\xf0\x9f\x98",
    };
    size_t i;
    start_budget();
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        buf b = { 0 };
        puts_n(&b, "A fine start. Then ", 3);
        puts_n(&b, bad[i], 1000);
        puts_n(&b, " and a fine end.", 1);
        strict_refuses_lenient_accepts(b.p, b.len);
        free(b.p);
    }
    stop_budget();
}
END_TEST

START_TEST(nul_bytes)
{
    buf b = { 0 };
    size_t i;
    start_budget();
    /* NUL is valid UTF-8 (a control character): accepted in strict mode. */
    for (i = 0; i < 20000; i++) {
        puts_n(&b, "Before", 1);
        put(&b, "\0\0", 2);
        puts_n(&b, "after. ", 1);
    }
    ck_assert_uint_gt(run_all(b.p, b.len, 0), 0);
    memset(b.p, 0, b.len);
    ck_assert_uint_eq(run_all(b.p, b.len, 0), 0);
    stop_budget();
    free(b.p);
}
END_TEST

START_TEST(over_the_limit_is_refused)
{
    summ_lang *lang = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    summ_options o = SUMM_OPTIONS_INIT;
    size_t big = SUMM_DEFAULT_MAX_INPUT_BYTES + 1;
    char *p;
    start_budget();
    ck_assert_int_eq(summ_lang_new(&lang, "en", NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, lang, NULL, NULL), 0);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    /* Mapped but never touched: refusing must not read the text. */
    p = mmap(NULL, big, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    ck_assert_ptr_ne(p, MAP_FAILED);
    ck_assert_int_eq(summ_summarize(s, p, big, r), SUMM_E_TOO_LARGE);
    ck_assert_int_eq(summ_split_sentences(s, p, big, r), SUMM_E_TOO_LARGE);
    ck_assert_uint_eq(summ_result_count(r), 0);
    ck_assert_ptr_nonnull(strstr(summ_summarizer_errmsg(s), "over the limit"));
    /* A lower limit of the caller's choosing, and exactly at the limit. */
    o.max_input_bytes = 1000;
    ck_assert_int_eq(summ_summarizer_set_options(s, &o), 0);
    ck_assert_int_eq(summ_summarize(s, p, 1001, r), SUMM_E_TOO_LARGE);
    ck_assert_int_eq(summ_summarize(s, p, 1000, r), 0);
    o.max_input_bytes = SUMM_MAX_INPUT_BYTES + (size_t)1;
    ck_assert_int_eq(summ_summarizer_set_options(s, &o), SUMM_E_INVALID_ARG);
    munmap(p, big);
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(lang);
    stop_budget();
}
END_TEST

int main(void)
{
    Suite *s = suite_create("pathological");
    TCase *tied = tcase_create("tied");
    TCase *tc = tcase_create("inputs");
    tcase_set_timeout(tied, TIED_TIMEOUT_SECONDS);
    tcase_add_test(tied, one_word_sentences_100k);
    tcase_add_test(tied, one_word_sentences_250k);
    tcase_add_test(tied, ten_mebibytes_of_one_sentence);
    tcase_add_test(tied, yes_400k);
    suite_add_tcase(s, tied);
    tcase_set_timeout(tc, WALL_BUDGET_SECONDS + 60);
    tcase_add_test(tc, ten_megabytes_without_punctuation);
    tcase_add_test(tc, one_megabyte_single_line);
    tcase_add_test(tc, only_stopwords);
    tcase_add_test(tc, only_digits);
    tcase_add_test(tc, deep_nesting);
    tcase_add_test(tc, random_bytes);
    tcase_add_test(tc, overlong_surrogates_and_out_of_range);
    tcase_add_test(tc, nul_bytes);
    tcase_add_test(tc, over_the_limit_is_refused);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
