/* The option table: every row is consistent with the struct, values set by
 * name get the same checks and messages as the struct, 0 is the default of
 * every field, and numbers read the same in every locale. */
#include "test_util.h"

#include <libsumm/summ.h>

#include <check.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int set(summ_options *o, const char *name, const char *value, char *err)
{
    return summ_options_set(o, name, value, err, SUMM_OPTION_ERRMSG_SIZE);
}

START_TEST(every_row_is_complete)
{
    size_t i, n = summ_option_count();
    ck_assert_uint_ge(n, 20);
    ck_assert_ptr_null(summ_option_at(n));
    for (i = 0; i < n; i++) {
        const summ_option_info *info = summ_option_at(i);
        size_t j;
        ck_assert_ptr_nonnull(info);
        ck_assert_ptr_nonnull(info->name);
        ck_assert_ptr_nonnull(info->doc);
        ck_assert_ptr_nonnull(info->group);
        ck_assert_ptr_nonnull(info->default_text);
        ck_assert_int_gt(strlen(info->doc), 10);
        ck_assert(info->doc[strlen(info->doc) - 1] != '.');
        ck_assert_uint_ge(info->since_version, 1);
        ck_assert_uint_le(info->since_version, SUMM_OPTIONS_VERSION);
        ck_assert_ptr_eq(summ_option_find(info->name), info);
        for (j = 0; j < i; j++)
            ck_assert_str_ne(summ_option_at(j)->name, info->name);
        if (info->type == SUMM_OPTION_UINT || info->type == SUMM_OPTION_REAL) {
            ck_assert(info->min <= info->max);
            ck_assert_ptr_nonnull(info->value_name);
            /* The default is inside the bounds (or 0, meaning unset). */
            ck_assert(info->default_value == 0.0 ||
                      (info->default_value >= info->min && info->default_value <= info->max));
        }
    }
    ck_assert_ptr_null(summ_option_find("no_such_option"));
    ck_assert_ptr_null(summ_option_find(NULL));
    /* The CLI's spelling finds the same row. */
    ck_assert_ptr_eq(summ_option_find("Position-Weight"), summ_option_find("position_weight"));
    /* The algorithm row names the algorithm the default stands for. */
    ck_assert_str_eq(summ_option_find("algorithm")->default_text,
                     summ_algorithm_name(SUMM_ALGO_DEFAULT));
}
END_TEST

/* A zeroed struct with only the version set, SUMM_OPTIONS_INIT and
 * summ_options_init() give the same summarizer options. */
START_TEST(zero_is_the_default_of_every_field)
{
    summ_lang *l = NULL;
    summ_summarizer *a = NULL, *b = NULL, *c = NULL;
    summ_options zero, init = SUMM_OPTIONS_INIT, fn, ga, gb, gc;
    size_t i;
    memset(&zero, 0, sizeof zero);
    zero.version = SUMM_OPTIONS_VERSION;
    ck_assert_int_eq(summ_options_init(&fn, SUMM_OPTIONS_VERSION), 0);
    ck_assert_int_eq(memcmp(&zero, &init, sizeof zero), 0);
    ck_assert_int_eq(memcmp(&zero, &fn, sizeof zero), 0);
    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&a, l, &zero, NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&b, l, &init, NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&c, l, NULL, NULL), 0);
    memset(&ga, 0, sizeof ga);
    memset(&gb, 0, sizeof gb);
    memset(&gc, 0, sizeof gc);
    ga.version = gb.version = gc.version = SUMM_OPTIONS_VERSION;
    ck_assert_int_eq(summ_summarizer_get_options(a, &ga), 0);
    ck_assert_int_eq(summ_summarizer_get_options(b, &gb), 0);
    ck_assert_int_eq(summ_summarizer_get_options(c, &gc), 0);
    ck_assert_int_eq(memcmp(&ga, &gb, sizeof ga), 0);
    ck_assert_int_eq(memcmp(&ga, &gc, sizeof ga), 0);
    /* What is in effect is each row's documented default. */
    for (i = 0; i < summ_option_count(); i++) {
        const summ_option_info *info = summ_option_at(i);
        double v;
        if (info->type == SUMM_OPTION_WORDS)
            continue;
        ck_assert_int_eq(summ_options_get_number(&ga, info->name, &v), 0);
        ck_assert_msg(v == info->default_value, "%s: %g in effect, %g documented", info->name,
                      v, info->default_value);
    }
    summ_summarizer_free(a);
    summ_summarizer_free(b);
    summ_summarizer_free(c);
    summ_lang_free(l);
}
END_TEST

START_TEST(set_by_name)
{
    summ_options o = SUMM_OPTIONS_INIT;
    char err[SUMM_OPTION_ERRMSG_SIZE];
    double v;
    ck_assert_int_eq(set(&o, "damping", "0.5", err), 0);
    ck_assert_double_eq(o.damping, 0.5);
    ck_assert_str_eq(err, "");
    ck_assert_int_eq(set(&o, "damping", "default", err), 0);
    ck_assert_double_eq(o.damping, 0.0);
    ck_assert_int_eq(set(&o, "ratio", "10%", err), 0);
    ck_assert_double_eq(o.ratio, 0.1);
    ck_assert_int_eq(set(&o, "ratio", "0.1", err), 0);
    ck_assert_double_eq(o.ratio, 0.1);
    ck_assert_int_eq(set(&o, "tolerance", "1e-9", err), 0);
    ck_assert_double_eq(o.tolerance, 1e-9);
    ck_assert_int_eq(set(&o, "sentences", "3", err), 0);
    ck_assert_uint_eq(o.max_sentences, 3);
    ck_assert_int_eq(set(&o, "bytes", "4294967295", err), 0);
    ck_assert_uint_eq(o.max_bytes, 4294967295u);
    ck_assert_int_eq(set(&o, "position-weight", "off", err), 0);
    ck_assert_double_eq(o.position_weight, SUMM_OFF);
    ck_assert_int_eq(set(&o, "mmr_lambda", "off", err), 0);
    ck_assert_double_eq(o.mmr_lambda, 1.0);
    ck_assert_int_eq(set(&o, "lenient", "yes", err), 0);
    ck_assert_uint_eq(o.flags, SUMM_FLAG_LENIENT_UTF8);
    ck_assert_int_eq(set(&o, "score_order", "ON", err), 0);
    ck_assert_int_eq(set(&o, "lenient", "false", err), 0);
    ck_assert_uint_eq(o.flags, SUMM_FLAG_SCORE_ORDER);
    ck_assert_int_eq(set(&o, "algorithm", "LexRank", err), 0);
    ck_assert_int_eq(o.algorithm, SUMM_ALGO_LEXRANK);
    ck_assert_int_eq(set(&o, "algorithm", "default", err), 0);
    ck_assert_int_eq(o.algorithm, SUMM_ALGO_DEFAULT);
    ck_assert_int_eq(set(&o, "min_sentence_words", "4", err), 0);
    ck_assert_uint_eq(o.min_sentence_words, 4);

    ck_assert_int_eq(summ_options_set_number(&o, "damping", 0.25, err, sizeof err), 0);
    ck_assert_int_eq(summ_options_get_number(&o, "damping", &v), 0);
    ck_assert_double_eq(v, 0.25);
    ck_assert_int_eq(summ_options_set_number(&o, "algorithm", SUMM_ALGO_LSA, err, sizeof err), 0);
    ck_assert_int_eq(summ_options_get_number(&o, "algorithm", &v), 0);
    ck_assert_double_eq(v, SUMM_ALGO_LSA);
    ck_assert_int_eq(summ_options_get_number(&o, "score_order", &v), 0);
    ck_assert_double_eq(v, 1.0);
    ck_assert_int_eq(summ_options_get_number(&o, "cue_words", &v), SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_options_get_number(&o, "nope", &v), SUMM_E_INVALID_ARG);
}
END_TEST

/* Each refused value leaves the struct alone and says why, in the words
 * every front end shows. */
START_TEST(refusals_and_their_messages)
{
    static const struct {
        const char *name, *value, *message;
        int status;
    } cases[] = {
        { "damping", "1.5", "damping: 1.5 is outside (0, 1)", SUMM_E_INVALID_ARG },
        { "damping", "1", "damping: 1 is outside (0, 1)", SUMM_E_INVALID_ARG },
        { "damping", "-0.5", "damping: -0.5 is outside (0, 1)", SUMM_E_INVALID_ARG },
        { "damping", "x", "damping: 'x' is not a number", SUMM_E_INVALID_ARG },
        { "damping", "", "damping: '' is not a number", SUMM_E_INVALID_ARG },
        { "damping", " 0.5", "damping: ' 0.5' is not a number", SUMM_E_INVALID_ARG },
        { "damping", "nan", "damping: 'nan' is not a number", SUMM_E_INVALID_ARG },
        { "damping", "off", "damping: 'off' is not a number", SUMM_E_INVALID_ARG },
        { "tolerance", "inf", "tolerance: 'inf' is not a number", SUMM_E_INVALID_ARG },
        { "tolerance", "1e999", "tolerance: '1e999' is not a number", SUMM_E_INVALID_ARG },
        { "tolerance", "-1", "tolerance: -1 is outside (0, inf)", SUMM_E_INVALID_ARG },
        { "ratio", "150%", "ratio: 1.5 is outside (0, 1]", SUMM_E_INVALID_ARG },
        { "ratio", "1.0001", "ratio: 1.0001 is outside (0, 1]", SUMM_E_INVALID_ARG },
        { "sentences", "2.5", "sentences: 2.5 is not a whole number", SUMM_E_INVALID_ARG },
        { "sentences", "-1", "sentences: -1 is outside [1, 4294967295]", SUMM_E_INVALID_ARG },
        { "sentences", "4294967296", "sentences: 4294967296 is outside [1, 4294967295]",
          SUMM_E_INVALID_ARG },
        { "sentences", "10%", "sentences: '10%' is not a number", SUMM_E_INVALID_ARG },
        { "position_weight", "-0.5", "position_weight: -0.5 is outside (0, 1]", SUMM_E_INVALID_ARG },
        { "position_weight", "1.5", "position_weight: 1.5 is outside (0, 1]", SUMM_E_INVALID_ARG },
        { "lenient", "maybe", "lenient: 'maybe' is not on or off", SUMM_E_INVALID_ARG },
        { "algorithm", "best",
          "algorithm: 'best' is not one of lead, tfidf, textrank, textrank-bm25, lexrank, "
          "luhn, sumbasic, kl-sum, lsa, edmundson, centroid, degree, pacsum, adaptive",
          SUMM_E_UNKNOWN_ALGO },
        { "cue_words", "a",
          "cue_words: a word list is set with summ_options_set_words",
          SUMM_E_INVALID_ARG },
        { "colour", "red", "unknown option 'colour'", SUMM_E_INVALID_ARG },
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        summ_options o = SUMM_OPTIONS_INIT, before;
        char err[SUMM_OPTION_ERRMSG_SIZE];
        o.damping = 0.7;
        before = o;
        ck_assert_int_eq(set(&o, cases[i].name, cases[i].value, err), cases[i].status);
        ck_assert_str_eq(err, cases[i].message);
        ck_assert_int_eq(memcmp(&o, &before, sizeof o), 0);
    }
}
END_TEST

/* The struct is refused with the message summ_options_set gives, and the
 * number setter says the same. */
START_TEST(struct_and_setters_agree)
{
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    summ_options o = SUMM_OPTIONS_INIT;
    char err[SUMM_OPTION_ERRMSG_SIZE];
    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, l, NULL, NULL), 0);
    o.damping = 1.5;
    ck_assert_int_eq(summ_summarizer_set_options(s, &o), SUMM_E_INVALID_ARG);
    ck_assert_str_eq(summ_summarizer_errmsg(s), "damping: 1.5 is outside (0, 1)");
    o.damping = 0;
    ck_assert_int_eq(summ_options_set_number(&o, "damping", 1.5, err, sizeof err),
                     SUMM_E_INVALID_ARG);
    ck_assert_str_eq(err, "damping: 1.5 is outside (0, 1)");
    ck_assert_int_eq(summ_options_set_number(&o, "lenient", 2, err, sizeof err),
                     SUMM_E_INVALID_ARG);
    ck_assert_str_eq(err, "lenient: 2 is not 0 or 1");
    ck_assert_int_eq(summ_options_set_number(&o, "algorithm", 99, err, sizeof err),
                     SUMM_E_UNKNOWN_ALGO);
    ck_assert_str_eq(err, "algorithm: 99 is not an algorithm id");
    ck_assert_int_eq(summ_options_set_number(&o, "sentences", NAN, err, sizeof err),
                     SUMM_E_INVALID_ARG);
    ck_assert_str_eq(err, "sentences: nan is outside [1, 4294967295]");
    o.max_iterations = 0;
    o.lsa_dimensions = 0;
    o.tolerance = -1.0;
    ck_assert_int_eq(summ_summarizer_set_options(s, &o), SUMM_E_INVALID_ARG);
    ck_assert_str_eq(summ_summarizer_errmsg(s), "tolerance: -1 is outside (0, inf)");
    /* A NULL err is allowed. */
    ck_assert_int_eq(summ_options_set(&o, "damping", "2", NULL, 0), SUMM_E_INVALID_ARG);
    summ_summarizer_free(s);
    summ_lang_free(l);
}
END_TEST

START_TEST(versions)
{
    summ_options o;
    char err[SUMM_OPTION_ERRMSG_SIZE];
    ck_assert_int_eq(summ_options_init(&o, 2), 0);
    ck_assert_int_eq(set(&o, "min_sentence_words", "3", err), SUMM_E_INVALID_ARG);
    ck_assert_str_eq(err, "min_sentence_words: needs options version 3 or later");
    ck_assert_int_eq(set(&o, "damping", "0.5", err), 0);
    /* lede_weight is a version 5 field: a version 4 struct ends before it. */
    ck_assert_int_eq(summ_options_init(&o, 4), 0);
    ck_assert_int_eq(set(&o, "lede_weight", "0.5", err), SUMM_E_INVALID_ARG);
    ck_assert_str_eq(err, "lede_weight: needs options version 5 or later");
    ck_assert_int_eq(set(&o, "keyphrase_window", "5", err), 0);
    ck_assert_int_eq(summ_options_init(&o, 5), 0);
    ck_assert_int_eq(set(&o, "lede_weight", "off", err), 0);
    ck_assert_double_eq(o.lede_weight, SUMM_OFF);
    ck_assert_int_eq(set(&o, "lede_weight", "1.5", err), SUMM_E_INVALID_ARG);
    ck_assert_str_eq(err, "lede_weight: 1.5 is outside (0, 1]");
    o.version = 0;
    ck_assert_int_eq(set(&o, "damping", "0.5", err), SUMM_E_INVALID_ARG);
    o.version = SUMM_OPTIONS_VERSION + 1;
    ck_assert_int_eq(set(&o, "damping", "0.5", err), SUMM_E_VERSION);
    ck_assert_int_eq(summ_options_set(NULL, "damping", "0.5", err, sizeof err),
                     SUMM_E_INVALID_ARG);
    o.version = SUMM_OPTIONS_VERSION;
    ck_assert_int_eq(summ_options_set(&o, "damping", NULL, err, sizeof err), SUMM_E_INVALID_ARG);
}
END_TEST

/* A program that set a locale with a decimal comma reads and writes option
 * values as every other program does. */
START_TEST(numbers_ignore_the_locale)
{
    static const char *const locales[] = { "de_DE.UTF-8", "fr_FR.UTF-8", "de_DE", "C.UTF-8" };
    summ_options o = SUMM_OPTIONS_INIT;
    char err[SUMM_OPTION_ERRMSG_SIZE];
    size_t i;
    for (i = 0; i < sizeof locales / sizeof locales[0]; i++)
        if (setlocale(LC_NUMERIC, locales[i]))
            break;
    ck_assert_int_eq(set(&o, "damping", "0.75", err), 0);
    ck_assert_double_eq(o.damping, 0.75);
    ck_assert_int_eq(set(&o, "tolerance", "0.12345678901234567890123", err), 0);
    ck_assert_double_eq(o.tolerance, 0.12345678901234568);
    ck_assert_int_eq(set(&o, "damping", "1.25", err), SUMM_E_INVALID_ARG);
    ck_assert_str_eq(err, "damping: 1.25 is outside (0, 1)");
    ck_assert_int_eq(set(&o, "damping", "0,5", err), SUMM_E_INVALID_ARG);
    setlocale(LC_NUMERIC, "C");
}
END_TEST

/* Decimal text reads as the nearest double, as strtod does in "C". */
START_TEST(numbers_read_exactly)
{
    static const char *const texts[] = {
        "0.1", "0.2", "0.3", "0.85", "1e-6", "1E-6", "2.5e+3", "123456789012345", ".5", "5.",
        "0.000001", "1e22", "1e-22", "9007199254740993", "3.141592653589793238", "1e-300",
        "+0.5", "-0.25", "0.30000000000000004",
    };
    size_t i;
    setlocale(LC_NUMERIC, "C");
    for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        summ_options o = SUMM_OPTIONS_INIT;
        char err[SUMM_OPTION_ERRMSG_SIZE];
        double want = strtod(texts[i], NULL);
        int rc = set(&o, "tolerance", texts[i], err);
        if (want > 0) {
            ck_assert_msg(rc == 0, "%s: %s", texts[i], err);
            ck_assert_msg(o.tolerance == want, "%s read as %.17g", texts[i], o.tolerance);
        } else {
            ck_assert_int_eq(rc, SUMM_E_INVALID_ARG);
        }
    }
}
END_TEST

START_TEST(status_names)
{
    static const int codes[] = { SUMM_OK, SUMM_E_NOMEM, SUMM_E_INVALID_ARG, SUMM_E_INVALID_UTF8,
                                 SUMM_E_UNKNOWN_LANG, SUMM_E_VERSION, SUMM_E_TOO_LARGE,
                                 SUMM_E_UNKNOWN_ALGO, SUMM_E_INTERNAL };
    size_t i, j;
    for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        ck_assert_ptr_nonnull(summ_status_name(codes[i]));
        for (j = 0; j < i; j++)
            ck_assert_str_ne(summ_status_name(codes[i]), summ_status_name(codes[j]));
    }
    ck_assert_str_eq(summ_status_name(SUMM_E_NOMEM), "nomem");
    ck_assert_str_eq(summ_status_name(SUMM_E_INVALID_UTF8), "invalid_utf8");
    ck_assert_ptr_null(summ_status_name(-99));
    ck_assert_ptr_null(summ_status_name(1));
}
END_TEST

START_TEST(rouge_metric_names)
{
    int m = -1;
    unsigned int n = 99;
    ck_assert_int_eq(summ_rouge_metric_parse("rouge1", &m, &n), 0);
    ck_assert_int_eq(m, SUMM_ROUGE_N);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(summ_rouge_metric_parse("rouge12", &m, &n), 0);
    ck_assert_uint_eq(n, 12);
    ck_assert_int_eq(summ_rouge_metric_parse("rougeL", &m, &n), 0);
    ck_assert_int_eq(m, SUMM_ROUGE_L);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(summ_rouge_metric_parse("rougeLsum", &m, &n), 0);
    ck_assert_int_eq(m, SUMM_ROUGE_LSUM);
    m = -1;
    n = 99;
    ck_assert_int_eq(summ_rouge_metric_parse("rouge0", &m, &n), SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_rouge_metric_parse("rouge01", &m, &n), SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_rouge_metric_parse("rouge65536", &m, &n), SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_rouge_metric_parse("rouge", &m, &n), SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_rouge_metric_parse("rougel", &m, &n), SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_rouge_metric_parse("rouge2x", &m, &n), SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_rouge_metric_parse("ROUGE1", &m, &n), SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_rouge_metric_parse(NULL, &m, &n), SUMM_E_INVALID_ARG);
    ck_assert_int_eq(m, -1);
    ck_assert_uint_eq(n, 99);
    ck_assert_int_eq(summ_rouge_metric_parse("rouge65535", &m, &n), 0);
    ck_assert_uint_eq(n, 65535);
}
END_TEST

START_TEST(word_lists_and_bounds_text)
{
    summ_options o = SUMM_OPTIONS_INIT;
    char err[SUMM_OPTION_ERRMSG_SIZE], buf[64];
    const char *words[] = { "significant", "key" }, *bad[] = { "ok", "\xff" };
    const char *nulls[] = { "ok", NULL };
    ck_assert_int_eq(summ_options_set_words(&o, "cue_words", words, 2, err, sizeof err), 0);
    ck_assert_ptr_eq(o.cue_words, words);
    ck_assert_uint_eq(o.n_cue_words, 2);
    ck_assert_int_eq(summ_options_set_words(&o, "cue-words", NULL, 0, err, sizeof err), 0);
    ck_assert_ptr_null(o.cue_words);
    ck_assert_uint_eq(o.n_cue_words, 0);
    ck_assert_int_eq(summ_options_set_words(&o, "stigma_words", bad, 2, err, sizeof err),
                     SUMM_E_INVALID_ARG);
    ck_assert_str_eq(err, "stigma_words: word 2 is not UTF-8 (byte 0)");
    ck_assert_int_eq(summ_options_set_words(&o, "stigma_words", nulls, 2, err, sizeof err),
                     SUMM_E_INVALID_ARG);
    ck_assert_str_eq(err, "stigma_words: word 2 is NULL");
    ck_assert_int_eq(summ_options_set_words(&o, "stigma_words", NULL, 1, err, sizeof err),
                     SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_options_set_words(&o, "damping", words, 2, err, sizeof err),
                     SUMM_E_INVALID_ARG);
    ck_assert_str_eq(err, "damping: not a word list");
    ck_assert_ptr_null(o.stigma_words);

    ck_assert_uint_eq(summ_option_format_bounds(summ_option_find("damping"), buf, sizeof buf), 6);
    ck_assert_str_eq(buf, "(0, 1)");
    summ_option_format_bounds(summ_option_find("tolerance"), buf, sizeof buf);
    ck_assert_str_eq(buf, "(0, inf)");
    summ_option_format_bounds(summ_option_find("sentences"), buf, sizeof buf);
    ck_assert_str_eq(buf, "[1, 4294967295]");
    ck_assert_uint_eq(summ_option_format_bounds(summ_option_find("lenient"), buf, sizeof buf), 0);
    ck_assert_str_eq(buf, "");
    ck_assert_uint_eq(summ_option_format_bounds(summ_option_find("ratio"), buf, 4), 6);
    ck_assert_str_eq(buf, "(0,");

    /* An algorithm may be given by id, as every row takes 0. */
    ck_assert_int_eq(set(&o, "algorithm", "5", err), 0);
    ck_assert_int_eq(o.algorithm, SUMM_ALGO_LEXRANK);
    ck_assert_int_eq(set(&o, "algorithm", "0", err), 0);
    ck_assert_int_eq(o.algorithm, SUMM_ALGO_DEFAULT);
    ck_assert_int_eq(set(&o, "algorithm", "99", err), SUMM_E_UNKNOWN_ALGO);
    ck_assert_str_eq(err, "algorithm: 99 is not an algorithm id");
}
END_TEST

static Suite *options_suite(void)
{
    Suite *s = suite_create("options");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, every_row_is_complete);
    tcase_add_test(tc, zero_is_the_default_of_every_field);
    tcase_add_test(tc, set_by_name);
    tcase_add_test(tc, refusals_and_their_messages);
    tcase_add_test(tc, struct_and_setters_agree);
    tcase_add_test(tc, versions);
    tcase_add_test(tc, numbers_ignore_the_locale);
    tcase_add_test(tc, numbers_read_exactly);
    tcase_add_test(tc, status_names);
    tcase_add_test(tc, rouge_metric_names);
    tcase_add_test(tc, word_lists_and_bounds_text);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(options_suite());
}
