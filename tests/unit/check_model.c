/* Term model: stopwords, stemming once per word, bags and frequencies. */
#include "test_util.h"

#include <libstemmer.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "lang.h"
#include "model.h"
#include "similarity.h"
#include "splitter.h"
#include "strmap.h"
#include "summarizer.h"
#include "text.h"

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

/* Whether the text just built has a term with this stem, and its id. */
static bool has_stem(const char *stem, uint32_t *term)
{
    uint32_t id, t;
    if (!summ__strmap_get(&sum->lexicon.stems, stem, strlen(stem), &id) ||
        (t = summ__model_term_of_stem(&sum->model, id)) == SUMM__NO_TERM)
        return false;
    ck_assert_uint_eq(sum->model.stem_of_term[t], id);
    if (term)
        *term = t;
    return true;
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
    ck_assert(has_stem("cat", &cat));
    ck_assert(has_stem("chase", &chase));
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
        char stem[64];
        ck_assert_int_lt(sb_stemmer_length(st), (int)sizeof stem);
        memcpy(stem, want, (size_t)sb_stemmer_length(st));
        stem[sb_stemmer_length(st)] = '\0';
        ck_assert(has_stem(stem, NULL));
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
    ck_assert(has_stem("runners", NULL));
}
END_TEST

/* A reference model built one word at a time, without any batching: the
 * term id of a word is the order of first appearance of its stem. */
typedef struct reference {
    struct sb_stemmer *stemmer;
    char (*stems)[64];
    size_t n_stems, n_words;
    uint32_t *terms;
    size_t n_terms;
} reference;

static int reference_word(void *ud, size_t start, size_t end, const char *folded, size_t len)
{
    reference *r = ud;
    const sb_symbol *st;
    size_t st_len, k;
    char key[64];
    (void)start;
    (void)end;
    r->n_words++;
    if (summ__strmap_get(&lang->stopwords, folded, len, NULL))
        return 0;
    st = sb_stemmer_stem(r->stemmer, (const sb_symbol *)folded, (int)len);
    ck_assert_ptr_nonnull(st);
    st_len = (size_t)sb_stemmer_length(r->stemmer);
    /* Long stems are told apart by their length and first bytes here. */
    memset(key, 0, sizeof key);
    memcpy(key, st, st_len < 48 ? st_len : 48);
    memcpy(key + 48, &st_len, sizeof st_len);
    for (k = 0; k < r->n_stems; k++)
        if (memcmp(r->stems[k], key, sizeof key) == 0)
            break;
    if (k == r->n_stems)
        memcpy(r->stems[r->n_stems++], key, sizeof key);
    r->terms[r->n_terms++] = (uint32_t)k;
    return 0;
}

START_TEST(batched_lookups_match_word_by_word)
{
    /* Sentences longer than a batch, words new to the text repeated
     * within a batch, many long new words (more stem bytes than a batch
     * holds) and words longer than the batch itself. */
    static char text[120000];
    static char stems[2000][64];
    static uint32_t terms[20000];
    const char *common[] = { "The", "runners", "were", "running", "and", "running", "fast" };
    summ__fold_buf fb;
    reference r;
    const summ__model *m;
    size_t len = 0, i, j, k;

    for (i = 0; i < 12; i++) {
        for (j = 0; j < 90; j++) {
            const char *w = common[(i + j) % 7];
            if (j % 5 != 0)
                len += (size_t)sprintf(text + len,
                                       "%zuExtraordinarily%03zuinternationalizationsrelationally ",
                                       j % 3, (i * 90 + j) % 150);
            else
                len += (size_t)sprintf(text + len, "%s ", w);
        }
        if (i % 4 == 1) {
            for (k = 0; k < 2500 + i; k++)
                text[len++] = (char)('a' + (k % 3));
            text[len++] = ' ';
        }
        len += (size_t)sprintf(text + len, "new%zu new%zu end.\n", i, i);
    }
    ck_assert_uint_lt(len, sizeof text);
    m = build(text);

    memset(&r, 0, sizeof r);
    r.stemmer = sb_stemmer_new("english", "UTF_8");
    r.stems = stems;
    r.terms = terms;
    memset(&fb, 0, sizeof fb);
    fb.alloc = &sum->alloc;
    ck_assert_uint_gt(m->n_sents, 1);
    for (i = 0; i < m->n_sents; i++) {
        const summ__sentence *sent = &m->sents[i];
        size_t first = r.n_terms;
        r.n_words = 0;
        ck_assert_int_eq(summ__tokenize(text, sent->start, sent->end, &fb, reference_word, &r),
                         0);
        ck_assert_uint_eq(sent->n_words, r.n_words);
        ck_assert_uint_eq(sent->term_begin, first);
        ck_assert_uint_eq(sent->term_end, r.n_terms);
        for (k = sent->term_begin; k < sent->term_end; k++)
            ck_assert_uint_eq(m->terms[k], r.terms[k]);
    }
    ck_assert_uint_eq(m->n_terms, r.n_terms);
    ck_assert_uint_eq(m->n_vocab, r.n_stems);
    summ__fold_buf_dispose(&fb);
    sb_stemmer_delete(r.stemmer);
}
END_TEST

/* Every sentence's bag holds its terms sorted and counted, for sentences
 * of 1 to 300 words (short ones are sorted whole, long ones in blocks that
 * are then merged), with repeats in every order. */
START_TEST(bags_are_sorted_counts_of_every_length)
{
    static char text[300 * 301 * 5];
    size_t len = 0, n, k, i;
    const summ__model *m;
    for (n = 1; n <= 300; n += (n < 40 ? 1 : 13)) {
        /* A stopword with a capital starts each sentence. */
        memcpy(text + len, "The ", 4);
        len += 4;
        for (k = 0; k < n; k++) {
            /* Word w<d> for a pseudo-random d with repeats: 26 * 26 forms. */
            size_t d = (k * 7919 + n * 104729) % (n < 20 ? 5 : 97);
            text[len++] = 'w';
            text[len++] = (char)('a' + d % 26);
            text[len++] = (char)('a' + d / 26);
            text[len++] = ' ';
        }
        text[len - 1] = '.';
        text[len++] = ' ';
    }
    text[len] = '\0';
    m = build(text);
    ck_assert_uint_gt(m->n_sents, 50);
    for (i = 0; i < m->n_sents; i++) {
        const summ__sentence *st = &m->sents[i];
        size_t b, t, total = 0;
        for (b = st->bag_begin; b < st->bag_end; b++) {
            size_t count = 0;
            if (b > st->bag_begin)
                ck_assert_uint_lt(m->bag_term[b - 1], m->bag_term[b]);
            for (t = st->term_begin; t < st->term_end; t++)
                count += m->terms[t] == m->bag_term[b];
            ck_assert_uint_eq(m->bag_count[b], count);
            total += count;
        }
        ck_assert_uint_eq(total, st->term_end - st->term_begin);
    }
}
END_TEST

/* The postings of every term, and for each bag entry the window of
 * postings its sentence meets: all of a term's postings, or for a term in
 * more than SUMM__GRAPH_WINDOW sentences those around the sentence's own. */
START_TEST(postings_and_their_windows)
{
    static char text[400 * 40];
    summ_allocator a;
    summ__postings p;
    const summ__model *m;
    size_t len = 0, n, i, k, q;
    /* "common" in all 400 sentences, "rare<x>" in every tenth one. */
    for (n = 0; n < 400; n++)
        len += (size_t)snprintf(text + len, sizeof text - len, "Common word%zu rare%zu. ", n,
                                n / 10 % 3);
    m = build(text);
    ck_assert_uint_eq(m->n_sents, 400);
    summ__allocator_resolve(&a, NULL);
    memset(&p, 0, sizeof p);
    ck_assert_int_eq(summ__postings_build(&p, m, &a), 0);
    for (i = 0; i < m->n_sents; i++) {
        for (k = m->sents[i].bag_begin; k < m->sents[i].bag_end; k++) {
            uint32_t t = m->bag_term[k];
            size_t lo, hi, first = p.off[t], last = p.off[t + 1], own = last;
            for (q = first; q < last; q++) {
                if (q > first)
                    ck_assert_uint_lt(p.sent[q - 1], p.sent[q]);
                if (p.sent[q] == i)
                    own = q;
            }
            ck_assert_uint_lt(own, last);
            ck_assert_uint_eq(p.cnt[own], m->bag_count[k]);
            summ__postings_window(&p, t, k, &lo, &hi);
            if (last - first <= SUMM__GRAPH_WINDOW) {
                ck_assert_uint_eq(lo, first);
                ck_assert_uint_eq(hi, last);
            } else {
                ck_assert_uint_le(lo, own);
                ck_assert_uint_lt(own, hi);
                ck_assert_uint_le(hi - lo, SUMM__GRAPH_WINDOW + 1);
                ck_assert_uint_eq(lo, own - first > SUMM__GRAPH_WINDOW / 2
                                          ? own - SUMM__GRAPH_WINDOW / 2 : first);
            }
        }
    }
    summ__postings_free(&p, &a);
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
    tcase_add_test(tc, bags_are_sorted_counts_of_every_length);
    tcase_add_test(tc, postings_and_their_windows);
    tcase_add_test(tc, batched_lookups_match_word_by_word);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
