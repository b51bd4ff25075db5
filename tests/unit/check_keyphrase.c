/* Keyphrases: the word ranking on graphs worked out by hand, candidates and
 * their grouping, spans that slice the text, other scripts, degenerate
 * input, errors and allocation failures. */
#include "test_util.h"
#include "alloc.h"
#include "keyphrase.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* What the word ranking reads of the options: the PageRank defaults. */
static summ_options default_options(void)
{
    summ_options o = SUMM_OPTIONS_INIT;
    o.damping = 0.85;
    o.tolerance = 1e-6;
    o.max_iterations = 100;
    return o;
}

/* seq 0 1 0 2, window 2: edges 0-1 (weight 2) and 0-2 (weight 1). By hand,
 * with d = 0.85 and p the scores summing to 1:
 *   p0 = 0.05 + 0.85 (p1 + p2), p1 = 0.05 + 0.85 (2/3) p0,
 *   p2 = 0.05 + 0.85 (1/3) p0
 * so p0 = 0.135 / 0.2775 = 18/37, and scaled to mean 1 (x 3):
 * 54/37, 0.15 + 1.7 x 18/37, 0.15 + 0.85 x 18/37. */
START_TEST(rank_of_a_hand_worked_graph)
{
    const uint32_t seq[] = { 0, 1, 0, 2 };
    summ_options o = default_options();
    summ_allocator a;
    double rank[3];

    summ__allocator_resolve(&a, NULL);
    ck_assert_int_eq(summ__keyword_rank(seq, 4, 3, 2, false, &o, &a, rank), SUMM_OK);
    ck_assert_double_eq_tol(rank[0], 54.0 / 37.0, 1e-5);
    ck_assert_double_eq_tol(rank[1], 0.15 + 1.7 * 18.0 / 37.0, 1e-5);
    ck_assert_double_eq_tol(rank[2], 0.15 + 0.85 * 18.0 / 37.0, 1e-5);
}
END_TEST

/* A path 0 - 1 - 2 is symmetric: 0 and 2 rank alike. A window of 3 closes
 * the triangle, where everything ranks 1; PositionRank lifts the first. */
START_TEST(window_and_position)
{
    const uint32_t seq[] = { 0, 1, 2 };
    const uint32_t repeated[] = { 0, 0, 0, 0 };
    summ_options o = default_options();
    summ_allocator a;
    double rank[3];

    summ__allocator_resolve(&a, NULL);
    ck_assert_int_eq(summ__keyword_rank(seq, 3, 3, 2, false, &o, &a, rank), SUMM_OK);
    ck_assert_double_eq_tol(rank[0], rank[2], 1e-9);
    ck_assert_double_gt(rank[1], rank[0]);
    ck_assert_int_eq(summ__keyword_rank(seq, 3, 3, 3, false, &o, &a, rank), SUMM_OK);
    ck_assert_double_eq_tol(rank[0], 1.0, 1e-6);
    ck_assert_double_eq_tol(rank[1], 1.0, 1e-6);
    ck_assert_double_eq_tol(rank[2], 1.0, 1e-6);
    ck_assert_int_eq(summ__keyword_rank(seq, 3, 3, 2, true, &o, &a, rank), SUMM_OK);
    ck_assert_double_gt(rank[0], rank[2]);
    /* One word: no edge at all (no self-loops), a rank of 1. */
    ck_assert_int_eq(summ__keyword_rank(repeated, 4, 1, 3, false, &o, &a, rank), SUMM_OK);
    ck_assert_double_eq_tol(rank[0], 1.0, 1e-12);
}
END_TEST

typedef struct fixture {
    summ_lang *lang;
    summ_summarizer *s;
    summ_keyphrases *k;
} fixture;

static void open_fixture(fixture *f, const char *code, const summ_options *o)
{
    ck_assert_int_eq(summ_lang_new(&f->lang, code, NULL), SUMM_OK);
    ck_assert_int_eq(summ_summarizer_new(&f->s, f->lang, o, NULL), SUMM_OK);
    ck_assert_int_eq(summ_keyphrases_new(&f->k, NULL), SUMM_OK);
}

static void close_fixture(fixture *f)
{
    summ_keyphrases_free(f->k);
    summ_summarizer_free(f->s);
    summ_lang_free(f->lang);
}

/* Every keyphrase's text and occurrences slice the text exactly: inside
 * it, sorted, disjoint, the text one of the occurrences, and each
 * occurrence spelled like the keyphrase up to case and inflection (its
 * first `prefix` bytes folded to ASCII lower case agree). */
static void check_slices(const summ_keyphrases *k, const char *text, size_t len, size_t prefix)
{
    size_t i, j;
    for (i = 0; i < summ_keyphrases_count(k); i++) {
        summ_keyphrase kp;
        int own = 0;
        ck_assert_int_eq(summ_keyphrases_get(k, i, &kp), SUMM_OK);
        ck_assert_uint_lt(kp.start, kp.end);
        ck_assert_uint_le(kp.end, len);
        ck_assert_uint_ge(kp.count, 1);
        for (j = 0; j < kp.count; j++) {
            const summ_range *r = &kp.occurrences[j];
            size_t b, n = r->end - r->start;
            ck_assert_uint_lt(r->start, r->end);
            ck_assert_uint_le(r->end, len);
            if (j)
                ck_assert_uint_le(kp.occurrences[j - 1].end, r->start);
            own |= r->start == kp.start && r->end == kp.end;
            for (b = 0; b < prefix && b < n && b < kp.end - kp.start; b++) {
                char x = text[r->start + b], y = text[kp.start + b];
                if (x >= 'A' && x <= 'Z')
                    x = (char)(x - 'A' + 'a');
                if (y >= 'A' && y <= 'Z')
                    y = (char)(y - 'A' + 'a');
                ck_assert_int_eq(x, y);
            }
        }
        ck_assert(own);
    }
}

static const char *text_of(const summ_keyphrases *k, size_t i, const char *text, char *buf,
                           size_t size)
{
    summ_keyphrase kp;
    size_t n;
    ck_assert_int_eq(summ_keyphrases_get(k, i, &kp), SUMM_OK);
    n = kp.end - kp.start < size - 1 ? kp.end - kp.start : size - 1;
    memcpy(buf, text + kp.start, n);
    buf[n] = '\0';
    return buf;
}

START_TEST(variants_are_grouped)
{
    const char *text = "Neural networks are models. A neural network is trained. The neural "
                       "networks of today are large; neural networks, in short.";
    fixture f;
    summ_keyphrase kp;
    char buf[64];

    open_fixture(&f, "en", NULL);
    ck_assert_int_eq(summ_extract_keyphrases(f.s, text, strlen(text), 0, f.k), SUMM_OK);
    ck_assert_str_eq(summ_keyphrases_language(f.k), "en");
    ck_assert_str_eq(text_of(f.k, 0, text, buf, sizeof buf), "neural networks");
    ck_assert_int_eq(summ_keyphrases_get(f.k, 0, &kp), SUMM_OK);
    ck_assert_uint_eq(kp.count, 4);
    ck_assert_uint_eq(kp.start, 61); /* the first of the two "neural networks" */
    ck_assert_uint_eq(kp.occurrences[0].start, 0);
    ck_assert_uint_eq(kp.occurrences[0].end, 15);
    ck_assert(memcmp(text + kp.occurrences[1].start, "neural network is", 17) == 0);
    ck_assert_uint_eq(kp.occurrences[1].end - kp.occurrences[1].start, 14);
    check_slices(f.k, text, strlen(text), 14);
    close_fixture(&f);
}
END_TEST

/* A candidate occurs inside longer pieces too, and every such occurrence
 * counts and is listed; a stretch that is never a piece alone is none. */
START_TEST(occurrences_inside_longer_phrases)
{
    const char *text = "neural networks; deep neural networks, deep learning.";
    fixture f;
    summ_keyphrase kp;
    char buf[64];
    size_t i;
    int seen = 0;

    open_fixture(&f, "en", NULL);
    ck_assert_int_eq(summ_extract_keyphrases(f.s, text, strlen(text), 0, f.k), SUMM_OK);
    ck_assert_uint_eq(summ_keyphrases_count(f.k), 3);
    for (i = 0; i < 3; i++) {
        ck_assert_int_eq(summ_keyphrases_get(f.k, i, &kp), SUMM_OK);
        text_of(f.k, i, text, buf, sizeof buf);
        if (strcmp(buf, "neural networks") == 0) {
            ck_assert_uint_eq(kp.count, 2);
            ck_assert_uint_eq(kp.occurrences[0].start, 0);
            ck_assert_uint_eq(kp.occurrences[1].start, 22);
            ck_assert_uint_eq(kp.occurrences[1].end, 37);
            seen++;
        } else {
            ck_assert_uint_eq(kp.count, 1); /* "deep" alone is no candidate */
        }
    }
    ck_assert_int_eq(seen, 1);
    close_fixture(&f);
}
END_TEST

/* Stopwords, punctuation, line breaks and numbers end phrases; white space
 * and one hyphen do not; runs are cut at SUMM_KEYPHRASE_MAX_WORDS. */
START_TEST(candidates)
{
    const char *text = "syntax-sensitive rules; rules of thumb\nTitle line\ncase 42 study "
                       "alpha beta gamma delta epsilon zeta eta";
    const char *want[] = { "syntax-sensitive rules", "rules", "thumb", "Title line", "case",
                           "study alpha beta gamma delta", "epsilon zeta eta" };
    size_t i, j, n = sizeof want / sizeof want[0];
    fixture f;
    char buf[64];

    open_fixture(&f, "en", NULL);
    ck_assert_int_eq(summ_extract_keyphrases(f.s, text, strlen(text), 100, f.k), SUMM_OK);
    ck_assert_uint_eq(summ_keyphrases_count(f.k), n);
    for (i = 0; i < n; i++) {
        int found = 0;
        for (j = 0; j < n; j++)
            found |= strcmp(text_of(f.k, j, text, buf, sizeof buf), want[i]) == 0;
        ck_assert_msg(found, "no candidate '%s'", want[i]);
    }
    check_slices(f.k, text, strlen(text), 64);
    close_fixture(&f);
}
END_TEST

/* Words such as "said" and "will" may stand inside a phrase, never at its
 * ends, in the languages that have such a list; elsewhere they are words. */
START_TEST(inner_only_words)
{
    const char *text = "Police said the bridge will open. Officials said so; Formula One "
                       "racing, said police.";
    const char *pt = "O ministro disse que a ponte vai abrir. O ministro disse.";
    fixture f;
    char buf[64];
    size_t i;
    int racing = 0;

    open_fixture(&f, "en", NULL);
    ck_assert_int_eq(summ_extract_keyphrases(f.s, text, strlen(text), 100, f.k), SUMM_OK);
    for (i = 0; i < summ_keyphrases_count(f.k); i++) {
        text_of(f.k, i, text, buf, sizeof buf);
        size_t n = strlen(buf);
        ck_assert_msg(strncmp(buf, "said", 4) != 0 && strncmp(buf, "will", 4) != 0 &&
                          (n < 4 || (strcmp(buf + n - 4, "said") != 0 &&
                                     strcmp(buf + n - 4, "will") != 0)),
                      "'%s'", buf);
        racing |= strcmp(buf, "Formula One racing") == 0;
    }
    ck_assert(racing);
    ck_assert_str_eq(text_of(f.k, 0, text, buf, sizeof buf), "Police");
    close_fixture(&f);

    open_fixture(&f, "pt", NULL);
    ck_assert_int_eq(summ_extract_keyphrases(f.s, pt, strlen(pt), 100, f.k), SUMM_OK);
    for (i = 0; i < summ_keyphrases_count(f.k); i++) {
        size_t n = strlen(text_of(f.k, i, pt, buf, sizeof buf));
        ck_assert_msg(strncmp(buf, "disse", 5) != 0 && strncmp(buf, "vai", 3) != 0 &&
                          (n < 5 || strcmp(buf + n - 5, "disse") != 0) &&
                          (n < 3 || strcmp(buf + n - 3, "vai") != 0),
                      "'%s'", buf);
    }
    ck_assert_str_eq(text_of(f.k, 0, pt, buf, sizeof buf), "ministro");
    close_fixture(&f);

    /* The lists are searched right, up to their longest entries. */
    ck_assert(summ__keyphrase_edge_banned(summ__keyphrase_edges("pt"), "também", 7));
    ck_assert(summ__keyphrase_edge_banned(summ__keyphrase_edges("pt"), "agora", 5));
    ck_assert(summ__keyphrase_edge_banned(summ__keyphrase_edges("pt"), "vão", 4));
    ck_assert(summ__keyphrase_edge_banned(summ__keyphrase_edges("en"), "also", 4));
    ck_assert(summ__keyphrase_edge_banned(summ__keyphrase_edges("en"), "yet", 3));
    ck_assert(summ__keyphrase_edge_banned(summ__keyphrase_edges("en"), "saying", 6));
    ck_assert(!summ__keyphrase_edge_banned(summ__keyphrase_edges("en"), "sayings", 7));
    ck_assert(!summ__keyphrase_edge_banned(summ__keyphrase_edges("en"), "sa", 2));
    ck_assert_int_eq(summ__keyphrase_edges("de"), -1);
    ck_assert(!summ__keyphrase_edge_banned(-1, "said", 4));

    /* German has no such list: "said" is a word like any other there. */
    open_fixture(&f, "de", NULL);
    ck_assert_int_eq(summ_extract_keyphrases(f.s, "said", 4, 0, f.k), SUMM_OK);
    ck_assert_uint_eq(summ_keyphrases_count(f.k), 1);
    close_fixture(&f);
}
END_TEST

/* Equal scores come in the order of first occurrence; max_keyphrases cuts. */
START_TEST(ties_by_first_occurrence)
{
    const char *texts[] = { "beta, alpha; gamma.", "alpha, beta; gamma." };
    fixture f;
    char buf[64];
    size_t i;

    open_fixture(&f, "en", NULL);
    for (i = 0; i < 2; i++) {
        ck_assert_int_eq(summ_extract_keyphrases(f.s, texts[i], strlen(texts[i]), 2, f.k),
                         SUMM_OK);
        ck_assert_uint_eq(summ_keyphrases_count(f.k), 2);
        /* One window holds all three words: they rank alike. */
        ck_assert_str_eq(text_of(f.k, 0, texts[i], buf, sizeof buf), i ? "alpha" : "beta");
        ck_assert_str_eq(text_of(f.k, 1, texts[i], buf, sizeof buf), i ? "beta" : "alpha");
    }
    close_fixture(&f);
}
END_TEST

START_TEST(other_scripts)
{
    /* Russian: stems group the inflected forms. */
    const char *ru = "Нейронные сети и обучение. Нейронная сеть и нейронные сети.";
    /* Japanese: bigrams of characters are the words, and a run of them is
     * cut by punctuation (or into pieces of SUMM_KEYPHRASE_MAX_WORDS). */
    const char *ja = "東京都庁。新宿、東京都庁、展望室。東京都庁は新宿にある展望室。";
    fixture f;
    summ_keyphrase kp;
    size_t i;

    open_fixture(&f, "ru", NULL);
    ck_assert_int_eq(summ_extract_keyphrases(f.s, ru, strlen(ru), 0, f.k), SUMM_OK);
    ck_assert_uint_ge(summ_keyphrases_count(f.k), 1);
    ck_assert_int_eq(summ_keyphrases_get(f.k, 0, &kp), SUMM_OK);
    ck_assert_uint_eq(kp.count, 3);
    check_slices(f.k, ru, strlen(ru), 0);
    close_fixture(&f);

    open_fixture(&f, "ja", NULL);
    ck_assert_int_eq(summ_extract_keyphrases(f.s, ja, strlen(ja), 0, f.k), SUMM_OK);
    ck_assert_uint_ge(summ_keyphrases_count(f.k), 1);
    check_slices(f.k, ja, strlen(ja), 0);
    for (i = 0; i < summ_keyphrases_count(f.k); i++) {
        ck_assert_int_eq(summ_keyphrases_get(f.k, i, &kp), SUMM_OK);
        /* Every span is whole characters of three bytes. */
        ck_assert_uint_eq(kp.start % 3, 0);
        ck_assert_uint_eq((kp.end - kp.start) % 3, 0);
    }
    ck_assert_int_eq(summ_keyphrases_get(f.k, 0, &kp), SUMM_OK);
    ck_assert_uint_eq(kp.end - kp.start, strlen("東京都庁"));
    ck_assert(memcmp(ja + kp.start, "東京都庁", strlen("東京都庁")) == 0);
    /* Twice alone, once at the start of the last sentence's first piece. */
    ck_assert_uint_eq(kp.count, 3);
    close_fixture(&f);
}
END_TEST

/* "auto" reports the language it detected; the lexicon of a summarizer is
 * not disturbed (a summary after keyphrases equals one without). */
START_TEST(auto_language_and_summaries_unchanged)
{
    const char *de = "Der Stadtrat hat die alte Bibliothek am Hafen renoviert. Die Bibliothek "
                     "ist nun wieder offen, und die Bürger lesen am Hafen.";
    summ_lang *lang;
    summ_summarizer *s, *plain;
    summ_result *r1, *r2;
    summ_keyphrases *k;

    ck_assert_int_eq(summ_lang_new(&lang, "auto", NULL), SUMM_OK);
    ck_assert_int_eq(summ_summarizer_new(&s, lang, NULL, NULL), SUMM_OK);
    ck_assert_int_eq(summ_summarizer_new(&plain, lang, NULL, NULL), SUMM_OK);
    ck_assert_int_eq(summ_result_new(&r1, NULL), SUMM_OK);
    ck_assert_int_eq(summ_result_new(&r2, NULL), SUMM_OK);
    ck_assert_int_eq(summ_keyphrases_new(&k, NULL), SUMM_OK);
    ck_assert_str_eq(summ_keyphrases_language(k), "");
    ck_assert_int_eq(summ_summarize(s, de, strlen(de), r1), SUMM_OK);
    ck_assert_int_eq(summ_extract_keyphrases(s, de, strlen(de), 5, k), SUMM_OK);
    ck_assert_str_eq(summ_keyphrases_language(k), "de");
    ck_assert_uint_ge(summ_keyphrases_count(k), 1);
    ck_assert_int_eq(summ_summarize(s, de, strlen(de), r1), SUMM_OK);
    ck_assert_int_eq(summ_summarize(plain, de, strlen(de), r2), SUMM_OK);
    ck_assert_uint_eq(summ_result_count(r1), summ_result_count(r2));
    ck_assert(memcmp(summ_result_spans(r1), summ_result_spans(r2),
                     summ_result_count(r1) * sizeof(summ_span)) == 0);
    summ_keyphrases_free(k);
    summ_result_free(r1);
    summ_result_free(r2);
    summ_summarizer_free(plain);
    summ_summarizer_free(s);
    summ_lang_free(lang);
}
END_TEST

START_TEST(degenerate_input_and_errors)
{
    fixture f;
    summ_keyphrase kp;
    const char *stop = "the of and, to a. 1999 42 -- !!";

    open_fixture(&f, "en", NULL);
    ck_assert_int_eq(summ_extract_keyphrases(f.s, NULL, 0, 0, f.k), SUMM_OK);
    ck_assert_uint_eq(summ_keyphrases_count(f.k), 0);
    ck_assert_int_eq(summ_extract_keyphrases(f.s, stop, strlen(stop), 0, f.k), SUMM_OK);
    ck_assert_uint_eq(summ_keyphrases_count(f.k), 0);
    ck_assert_int_eq(summ_keyphrases_get(f.k, 0, &kp), SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_extract_keyphrases(f.s, "word", 4, 0, f.k), SUMM_OK);
    ck_assert_uint_eq(summ_keyphrases_count(f.k), 1);
    ck_assert_int_eq(summ_extract_keyphrases(f.s, "bad \xff byte", 10, 0, f.k),
                     SUMM_E_INVALID_UTF8);
    ck_assert_uint_eq(summ_keyphrases_count(f.k), 0);
    ck_assert_str_eq(summ_summarizer_errmsg(f.s), "invalid UTF-8 at byte 4");
    ck_assert_int_eq(summ_extract_keyphrases(f.s, NULL, 3, 0, f.k), SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_extract_keyphrases(NULL, "x", 1, 0, f.k), SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_extract_keyphrases(f.s, "x", 1, 0, NULL), SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_keyphrases_get(NULL, 0, &kp), SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_keyphrases_new(NULL, NULL), SUMM_E_INVALID_ARG);
    ck_assert_uint_eq(summ_keyphrases_count(NULL), 0);
    ck_assert_str_eq(summ_keyphrases_language(NULL), "");
    summ_keyphrases_free(NULL);
    close_fixture(&f);
}
END_TEST

/* Options: the keyphrase rows, their bounds, and keep_stopwords. */
START_TEST(options)
{
    summ_options o = SUMM_OPTIONS_INIT;
    char err[SUMM_OPTION_ERRMSG_SIZE];
    double v;
    const summ_option_info *row = summ_option_find("keyphrase-algorithm");
    const char *text = "the rules of thumb";
    fixture f;
    char buf[64];

    ck_assert_ptr_nonnull(row);
    ck_assert_int_eq(row->type, SUMM_OPTION_CHOICE);
    ck_assert_uint_eq(row->since_version, 4);
    ck_assert_str_eq(row->choices[0], "default");
    ck_assert_int_eq(summ_options_set(&o, "keyphrase_algorithm", "PositionRank", err, sizeof err),
                     SUMM_OK);
    ck_assert_int_eq(o.keyphrase_algorithm, SUMM_KEYPHRASE_POSITIONRANK);
    ck_assert_int_eq(summ_options_get_number(&o, "keyphrase_algorithm", &v), SUMM_OK);
    ck_assert_double_eq(v, 2.0);
    ck_assert_int_eq(summ_options_set(&o, "keyphrase_algorithm", "x", err, sizeof err),
                     SUMM_E_INVALID_ARG);
    ck_assert_str_eq(err, "keyphrase_algorithm: 'x' is not one of textrank, positionrank");
    ck_assert_int_eq(summ_options_set_number(&o, "keyphrase_algorithm", 3, err, sizeof err),
                     SUMM_E_INVALID_ARG);
    ck_assert_str_eq(err, "keyphrase_algorithm: 3 is not a choice");
    ck_assert_int_eq(summ_options_set(&o, "keyphrase_window", "65", err, sizeof err),
                     SUMM_E_INVALID_ARG);
    ck_assert_str_eq(err, "keyphrase_window: 65 is outside [2, 64]");
    ck_assert_int_eq(summ_options_set(&o, "keyphrase_window", "default", err, sizeof err),
                     SUMM_OK);
    /* A version 3 struct has no keyphrase fields: the defaults apply. */
    o.version = 3;
    ck_assert_int_eq(summ_options_set(&o, "keyphrase_window", "5", err, sizeof err),
                     SUMM_E_INVALID_ARG);
    o.version = SUMM_OPTIONS_VERSION;
    o.flags = SUMM_FLAG_KEEP_STOPWORDS;
    open_fixture(&f, "en", &o);
    ck_assert_int_eq(summ_extract_keyphrases(f.s, text, strlen(text), 0, f.k), SUMM_OK);
    ck_assert_uint_eq(summ_keyphrases_count(f.k), 1);
    ck_assert_str_eq(text_of(f.k, 0, text, buf, sizeof buf), "the rules of thumb");
    close_fixture(&f);
}
END_TEST

/* Every allocation may fail: the call then says SUMM_E_NOMEM, leaves an
 * empty result, leaks nothing, and the next call succeeds. */
START_TEST(allocation_failures)
{
    const char *text = "Neural networks learn. A neural network is trained on data; deep neural "
                       "networks learn features. Gradient descent trains them.";
    test_alloc ta = { 0, 0, 0, 0 };
    summ_allocator alloc = { test_alloc_fn, &ta };
    summ_lang *lang;
    summ_summarizer *s;
    summ_keyphrases *k;
    size_t fail_at, want = 0;
    int rc;

    ck_assert_int_eq(summ_lang_new(&lang, "en", NULL), SUMM_OK);
    for (fail_at = 1; fail_at < 2000; fail_at++) {
        ta.calls = 0;
        ta.fail_at = 0;
        ck_assert_int_eq(summ_summarizer_new(&s, lang, NULL, &alloc), SUMM_OK);
        ck_assert_int_eq(summ_keyphrases_new(&k, &alloc), SUMM_OK);
        ta.calls = 0;
        ta.fail_at = fail_at;
        rc = summ_extract_keyphrases(s, text, strlen(text), 3, k);
        ta.fail_at = 0;
        if (rc == SUMM_OK) {
            want = summ_keyphrases_count(k);
        } else {
            ck_assert_int_eq(rc, SUMM_E_NOMEM);
            ck_assert_uint_eq(summ_keyphrases_count(k), 0);
        }
        ck_assert_int_eq(summ_extract_keyphrases(s, text, strlen(text), 3, k), SUMM_OK);
        ck_assert_uint_eq(summ_keyphrases_count(k), 3);
        summ_keyphrases_free(k);
        summ_summarizer_free(s);
        ck_assert_int_eq(ta.live_bytes, 0);
        ck_assert_uint_eq(ta.live_blocks, 0);
        if (rc == SUMM_OK)
            break;
    }
    ck_assert_uint_eq(want, 3);
    summ_lang_free(lang);
}
END_TEST

/* About `bytes` of text over 512 made-up words, small ones more frequent,
 * with stopwords and commas now and then when asked. */
static char *make_text(size_t bytes, bool stopwords, size_t *len)
{
    static const char *const syll[] = { "ka", "lo", "mi", "nu", "pe", "ri", "so", "tu" };
    char *text = malloc(bytes + 64);
    uint64_t x = 12345;
    size_t n = 0;
    ck_assert_ptr_nonnull(text);
    while (n < bytes) {
        unsigned w;
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        w = (unsigned)((x >> 33) % 512);
        w = w * w / 512; /* small numbers are frequent */
        n += (size_t)snprintf(text + n, 64, "%s%s%sx ", syll[w % 8], syll[(w / 8) % 8],
                              syll[w / 64 % 8]);
        if (stopwords && (x >> 20) % 5 == 0)
            n += (size_t)snprintf(text + n, 64, (x >> 24) % 2 ? "of the " : ", ");
    }
    *len = n;
    return text;
}

/* Linear time: one text of 1 MiB takes about as long as 16 of 64 KiB (the
 * check allows 2.5 times as long, for noisy machines). */
START_TEST(time_grows_linearly)
{
    fixture f;
    size_t small_len, big_len;
    char *small = make_text(64 << 10, true, &small_len);
    char *big = make_text(1 << 20, true, &big_len);
    clock_t t0, t1, t2;
    int i;

    open_fixture(&f, "en", NULL);
    t0 = clock();
    for (i = 0; i < 16; i++)
        ck_assert_int_eq(summ_extract_keyphrases(f.s, small, small_len, 10, f.k), SUMM_OK);
    t1 = clock();
    ck_assert_int_eq(summ_extract_keyphrases(f.s, big, big_len, 10, f.k), SUMM_OK);
    t2 = clock();
    ck_assert_uint_eq(summ_keyphrases_count(f.k), 10);
    check_slices(f.k, big, big_len, 0);
    ck_assert_msg((double)(t2 - t1) <= 2.5 * (double)(t1 - t0) + 0.05 * CLOCKS_PER_SEC,
                  "1 MiB took %.3f s, 16 x 64 KiB %.3f s", (double)(t2 - t1) / CLOCKS_PER_SEC,
                  (double)(t1 - t0) / CLOCKS_PER_SEC);
    close_fixture(&f);
    free(small);
    free(big);
}
END_TEST

static Suite *keyphrase_suite(void)
{
    Suite *s = suite_create("keyphrase");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, rank_of_a_hand_worked_graph);
    tcase_add_test(tc, window_and_position);
    tcase_add_test(tc, variants_are_grouped);
    tcase_add_test(tc, candidates);
    tcase_add_test(tc, occurrences_inside_longer_phrases);
    tcase_add_test(tc, inner_only_words);
    tcase_add_test(tc, ties_by_first_occurrence);
    tcase_add_test(tc, other_scripts);
    tcase_add_test(tc, auto_language_and_summaries_unchanged);
    tcase_add_test(tc, degenerate_input_and_errors);
    tcase_add_test(tc, options);
    tcase_add_test(tc, allocation_failures);
    tcase_add_test(tc, time_grows_linearly);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(keyphrase_suite());
}
