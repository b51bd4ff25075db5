/* API contract: arguments, error codes, options, ownership, determinism. */
#include "test_util.h"

#include <stdlib.h>
#include <string.h>

static const char article[] =
    "The council voted on Tuesday to turn the old ferry terminal into a library. "
    "The plan will cost 4.2 million pounds. Half of the money comes from a heritage fund. "
    "The terminal has stood empty since 2015. Residents signed a petition for the library. "
    "Opponents said the library plan underestimated the cost of the roof.";

START_TEST(version_matches_header)
{
    ck_assert_uint_eq(summ_version(), SUMM_VERSION_NUMBER);
    ck_assert_str_eq(summ_version_string(), SUMM_VERSION_STRING);
}
END_TEST

START_TEST(strerror_covers_every_code)
{
    int codes[] = { SUMM_OK, SUMM_E_NOMEM, SUMM_E_INVALID_ARG, SUMM_E_INVALID_UTF8,
                    SUMM_E_UNKNOWN_LANG, SUMM_E_VERSION, SUMM_E_TOO_LARGE,
                    SUMM_E_UNKNOWN_ALGO, SUMM_E_INTERNAL };
    size_t i;
    for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        ck_assert_ptr_nonnull(summ_strerror(codes[i]));
        ck_assert_str_ne(summ_strerror(codes[i]), "unknown error");
    }
    ck_assert_str_eq(summ_strerror(-12345), "unknown error");
}
END_TEST

START_TEST(lang_lookup_by_code_and_name)
{
    const char *names[] = { "en", "EN", "eng", "English" };
    size_t i;
    for (i = 0; i < 4; i++) {
        summ_lang *l = NULL;
        ck_assert_int_eq(summ_lang_new(&l, names[i], NULL), 0);
        ck_assert_str_eq(summ_lang_code(l), "en");
        ck_assert_str_eq(summ_lang_name(l), "english");
        summ_lang_free(l);
    }
}
END_TEST

START_TEST(unknown_lang_and_bad_args)
{
    summ_lang *l = (summ_lang *)1;
    ck_assert_int_eq(summ_lang_new(&l, "klingon", NULL), SUMM_E_UNKNOWN_LANG);
    ck_assert_ptr_null(l);
    ck_assert_int_eq(summ_lang_new(NULL, "en", NULL), SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_lang_new(&l, NULL, NULL), SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_summarizer_new(NULL, NULL, NULL, NULL), SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_result_new(NULL, NULL), SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_summarize(NULL, "x", 1, NULL), SUMM_E_INVALID_ARG);
    summ_lang_free(NULL);
    summ_summarizer_free(NULL);
    summ_result_free(NULL);
    ck_assert_uint_eq(summ_result_count(NULL), 0);
}
END_TEST

START_TEST(stopwords_and_extra_config)
{
    summ_lang *l = NULL;
    const char *extra[] = { "Westerby" };
    summ_lang_config cfg;
    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
    ck_assert_int_eq(summ_lang_is_stopword(l, "The", 3), 1);
    ck_assert_int_eq(summ_lang_is_stopword(l, "library", 7), 0);
    summ_lang_free(l);

    ck_assert_int_eq(summ_lang_config_init(&cfg, SUMM_LANG_CONFIG_VERSION), 0);
    cfg.extra_stopwords = extra;
    cfg.n_extra_stopwords = 1;
    ck_assert_int_eq(summ_lang_new_ex(&l, "en", &cfg, NULL), 0);
    ck_assert_int_eq(summ_lang_is_stopword(l, "WESTERBY", 8), 1);
    summ_lang_free(l);

    cfg.version = SUMM_LANG_CONFIG_VERSION + 1;
    ck_assert_int_eq(summ_lang_new_ex(&l, "en", &cfg, NULL), SUMM_E_VERSION);
    cfg.version = 0;
    ck_assert_int_eq(summ_lang_new_ex(&l, "en", &cfg, NULL), SUMM_E_INVALID_ARG);
}
END_TEST

START_TEST(options_validation)
{
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    summ_options o;
    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
    ck_assert_int_eq(summ_options_init(&o, SUMM_OPTIONS_VERSION), 0);
    ck_assert_int_eq(summ_options_init(&o, SUMM_OPTIONS_VERSION + 1), SUMM_E_VERSION);
    ck_assert_int_eq(summ_options_init(NULL, 1), SUMM_E_INVALID_ARG);

    summ_options_init(&o, SUMM_OPTIONS_VERSION);
    o.ratio = 1.5;
    ck_assert_int_eq(summ_summarizer_new(&s, l, &o, NULL), SUMM_E_INVALID_ARG);
    o.ratio = 0;
    o.algorithm = 9999;
    ck_assert_int_eq(summ_summarizer_new(&s, l, &o, NULL), SUMM_E_UNKNOWN_ALGO);
    o.algorithm = SUMM_ALGO_DEFAULT;
    o.flags = 1u << 30;
    ck_assert_int_eq(summ_summarizer_new(&s, l, &o, NULL), SUMM_E_INVALID_ARG);
    o.flags = 0;
    o.version = 0;
    ck_assert_int_eq(summ_summarizer_new(&s, l, &o, NULL), SUMM_E_INVALID_ARG);
    o.version = SUMM_OPTIONS_VERSION + 1;
    ck_assert_int_eq(summ_summarizer_new(&s, l, &o, NULL), SUMM_E_VERSION);

    summ_options_init(&o, SUMM_OPTIONS_VERSION);
    o.max_sentences = 2;
    ck_assert_int_eq(summ_summarizer_new(&s, l, &o, NULL), 0);
    {
        summ_options got;
        summ_options bad = o;
        got.version = SUMM_OPTIONS_VERSION;
        ck_assert_int_eq(summ_summarizer_get_options(s, &got), 0);
        ck_assert_uint_eq(got.max_sentences, 2);
        bad.ratio = -1;
        ck_assert_int_eq(summ_summarizer_set_options(s, &bad), SUMM_E_INVALID_ARG);
        ck_assert_str_ne(summ_summarizer_errmsg(s), "");
        ck_assert_int_eq(summ_summarizer_get_options(s, &got), 0);
        ck_assert_uint_eq(got.max_sentences, 2); /* old options kept */
    }
    summ_summarizer_free(s);
    summ_lang_free(l);
}
END_TEST

START_TEST(algorithm_names)
{
    const char *const *list = summ_algorithm_list();
    ck_assert_ptr_nonnull(list[0]);
    for (; *list; list++) {
        int id = summ_algorithm_from_name(*list);
        ck_assert_int_gt(id, 0);
        ck_assert_str_eq(summ_algorithm_name(id), *list);
    }
    ck_assert_int_eq(summ_algorithm_from_name("nope"), SUMM_E_UNKNOWN_ALGO);
    ck_assert_int_eq(summ_algorithm_from_name("DEFAULT"), SUMM_ALGO_DEFAULT);
    ck_assert_ptr_nonnull(summ_algorithm_name(SUMM_ALGO_DEFAULT));
    ck_assert_ptr_null(summ_algorithm_name(4242));
}
END_TEST

static void summarize_n(const char *text, size_t len, uint32_t n, uint32_t flags, summ_result *r,
                        int expect)
{
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    summ_options o = SUMM_OPTIONS_INIT;
    o.max_sentences = n;
    o.flags = flags;
    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, l, &o, NULL), 0);
    ck_assert_int_eq(summ_summarize(s, text, len, r), expect);
    summ_summarizer_free(s);
    summ_lang_free(l);
}

START_TEST(summary_spans_are_sorted_and_subset)
{
    summ_result *r = NULL;
    size_t i;
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    summarize_n(article, strlen(article), 3, 0, r, 0);
    ck_assert_uint_eq(summ_result_count(r), 3);
    ck_assert_uint_eq(summ_result_sentence_total(r), 6);
    ck_assert_str_eq(summ_result_language(r), "en");
    for (i = 0; i < 3; i++) {
        const summ_span *sp = &summ_result_spans(r)[i];
        ck_assert_uint_lt(sp->start, sp->end);
        ck_assert_uint_le(sp->end, strlen(article));
        ck_assert(article[sp->start] != ' ');
        ck_assert(article[sp->end - 1] == '.');
        if (i)
            ck_assert_uint_lt(summ_result_spans(r)[i - 1].end, sp->start);
    }
    summ_result_free(r);
}
END_TEST

START_TEST(score_order_flag)
{
    summ_result *r = NULL;
    size_t i;
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    summarize_n(article, strlen(article), 4, SUMM_FLAG_SCORE_ORDER, r, 0);
    ck_assert_uint_eq(summ_result_count(r), 4);
    for (i = 1; i < 4; i++)
        ck_assert(summ_result_spans(r)[i - 1].score >= summ_result_spans(r)[i].score);
    summ_result_free(r);
}
END_TEST

START_TEST(empty_and_blank_input)
{
    summ_result *r = NULL;
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    summarize_n("", 0, 3, 0, r, 0);
    ck_assert_uint_eq(summ_result_count(r), 0);
    summarize_n(NULL, 0, 3, 0, r, 0);
    ck_assert_uint_eq(summ_result_count(r), 0);
    summarize_n(" \n\t \r\n ", 7, 3, 0, r, 0);
    ck_assert_uint_eq(summ_result_count(r), 0);
    ck_assert_ptr_null(summ_result_spans(r));
    summ_result_free(r);
}
END_TEST

START_TEST(invalid_utf8_reports_offset)
{
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    summ_options o = SUMM_OPTIONS_INIT;
    const char bad[] = "Good text here. Bad \xC3\x28 byte. More text.";
    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, l, NULL, NULL), 0);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(summ_summarize(s, bad, strlen(bad), r), SUMM_E_INVALID_UTF8);
    ck_assert_str_eq(summ_summarizer_errmsg(s), "invalid UTF-8 at byte 20");
    ck_assert_uint_eq(summ_result_count(r), 0);
    /* Surrogates and overlongs are invalid too. */
    ck_assert_int_eq(summ_summarize(s, "a \xED\xA0\x80 b", 7, r), SUMM_E_INVALID_UTF8);
    ck_assert_int_eq(summ_summarize(s, "a \xC0\xAF b", 6, r), SUMM_E_INVALID_UTF8);
    /* Lenient mode treats the bad bytes as separators. */
    o.flags = SUMM_FLAG_LENIENT_UTF8;
    ck_assert_int_eq(summ_summarizer_set_options(s, &o), 0);
    ck_assert_int_eq(summ_split_sentences(s, bad, strlen(bad), r), 0);
    ck_assert_uint_eq(summ_result_count(r), 3);
    ck_assert_str_eq(summ_summarizer_errmsg(s), "");
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(l);
}
END_TEST

START_TEST(nul_bytes_and_crlf)
{
    summ_result *r = NULL;
    const char text[] = "First sentence here.\r\n\r\nSecond one\0with a NUL. Third.";
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    summarize_n(text, sizeof text - 1, 10, 0, r, 0);
    ck_assert_uint_eq(summ_result_count(r), 3);
    ck_assert_uint_eq(summ_result_spans(r)[0].end, 20);
    summ_result_free(r);
}
END_TEST

START_TEST(too_large_input)
{
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    summ_options o = SUMM_OPTIONS_INIT;
    o.max_input_bytes = 10;
    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, l, &o, NULL), 0);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(summ_summarize(s, article, 11, r), SUMM_E_TOO_LARGE);
    ck_assert_ptr_nonnull(strstr(summ_summarizer_errmsg(s), "limit of 10 bytes"));
    ck_assert_int_eq(summ_summarize(s, article, 10, r), 0);
    o.max_input_bytes = SUMM_MAX_INPUT_BYTES + (size_t)1;
    if (o.max_input_bytes > SUMM_MAX_INPUT_BYTES) /* 64-bit size_t */
        ck_assert_int_eq(summ_summarizer_set_options(s, &o), SUMM_E_INVALID_ARG);
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(l);
}
END_TEST

START_TEST(deterministic_and_reusable)
{
    summ_result *a = NULL, *b = NULL;
    ck_assert_int_eq(summ_result_new(&a, NULL), 0);
    ck_assert_int_eq(summ_result_new(&b, NULL), 0);
    summarize_n(article, strlen(article), 3, 0, a, 0);
    summarize_n("Unrelated. Text to reuse the result.", 36, 3, 0, b, 0);
    summarize_n(article, strlen(article), 3, 0, b, 0);
    ck_assert_uint_eq(summ_result_count(a), summ_result_count(b));
    /* Field by field: the padding bytes of summ_span are not part of it. */
    for (size_t i = 0; i < summ_result_count(a); i++) {
        const summ_span *x = &summ_result_spans(a)[i], *y = &summ_result_spans(b)[i];
        ck_assert_uint_eq(x->start, y->start);
        ck_assert_uint_eq(x->end, y->end);
        ck_assert_uint_eq(x->sentence, y->sentence);
        ck_assert_mem_eq(&x->score, &y->score, sizeof x->score);
    }
    summ_result_free(a);
    summ_result_free(b);
}
END_TEST

START_TEST(one_shot)
{
    summ_span *spans = NULL;
    size_t n = 0;
    const char *code = NULL;
    summ_options o = SUMM_OPTIONS_INIT;
    o.max_sentences = 2;
    /* NULL is "auto": the language is detected and reported. */
    ck_assert_int_eq(summ_summarize_text(&spans, &n, &code, NULL, article, strlen(article), &o), 0);
    ck_assert_uint_eq(n, 2);
    ck_assert_ptr_nonnull(spans);
    ck_assert_str_eq(code, "en");
    summ_free(spans);
    ck_assert_int_eq(summ_summarize_text(&spans, &n, &code, "xx", article, strlen(article), &o),
                     SUMM_E_UNKNOWN_LANG);
    ck_assert_ptr_null(spans);
    ck_assert_str_eq(code, "");
    {
        /* The one-shot "auto" detects first; it gives what an "auto"
         * summarizer gives. */
        static const char german[] =
            "Der Hafenrat hat beschlossen, das alte Terminal in eine Bibliothek "
            "umzubauen. Die Abstimmung ging nach einer langen Debatte neun zu vier "
            "aus. Die Bibliothek soll im nächsten Jahr eröffnet werden und wird "
            "auch einen Lesesaal haben. Die Kosten trägt die Stadt.";
        summ_lang *l = NULL;
        summ_summarizer *sz = NULL;
        summ_result *r = NULL;
        ck_assert_int_eq(summ_summarize_text(&spans, &n, &code, "AUTO", german, strlen(german), &o),
                         0);
        ck_assert_str_eq(code, "de");
        ck_assert_int_eq(summ_lang_new(&l, "auto", NULL), 0);
        ck_assert_int_eq(summ_summarizer_new(&sz, l, &o, NULL), 0);
        ck_assert_int_eq(summ_result_new(&r, NULL), 0);
        ck_assert_int_eq(summ_summarize(sz, german, strlen(german), r), 0);
        ck_assert_uint_eq(summ_result_count(r), n);
        ck_assert_int_eq(memcmp(summ_result_spans(r), spans, n * sizeof *spans), 0);
        summ_free(spans);
        summ_result_free(r);
        summ_summarizer_free(sz);
        summ_lang_free(l);
    }
    ck_assert_int_eq(summ_summarize_text(&spans, &n, NULL, "en", "", 0, &o), 0);
    ck_assert_uint_eq(n, 0);
    ck_assert_ptr_null(spans);
}
END_TEST

START_TEST(score_sentences_gives_every_sentence)
{
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    size_t i;
    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, l, NULL, NULL), 0);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(summ_score_sentences(s, article, strlen(article), r), 0);
    ck_assert_uint_eq(summ_result_count(r), 6);
    for (i = 0; i < 6; i++)
        ck_assert_uint_eq(summ_result_spans(r)[i].sentence, i);
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(l);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("contract");
    tcase_add_test(tc, version_matches_header);
    tcase_add_test(tc, strerror_covers_every_code);
    tcase_add_test(tc, lang_lookup_by_code_and_name);
    tcase_add_test(tc, unknown_lang_and_bad_args);
    tcase_add_test(tc, stopwords_and_extra_config);
    tcase_add_test(tc, options_validation);
    tcase_add_test(tc, algorithm_names);
    tcase_add_test(tc, summary_spans_are_sorted_and_subset);
    tcase_add_test(tc, score_order_flag);
    tcase_add_test(tc, empty_and_blank_input);
    tcase_add_test(tc, invalid_utf8_reports_offset);
    tcase_add_test(tc, nul_bytes_and_crlf);
    tcase_add_test(tc, too_large_input);
    tcase_add_test(tc, deterministic_and_reusable);
    tcase_add_test(tc, one_shot);
    tcase_add_test(tc, score_sentences_gives_every_sentence);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
