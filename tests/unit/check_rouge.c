/* ROUGE-N, ROUGE-L and ROUGE-Lsum against values worked out by hand, the
 * two tokenizers, stemming, multiple references, bad arguments and
 * allocation failure; ROUGE-L and ROUGE-Lsum against a plain quadratic LCS
 * on random texts, in bounded memory, and the limit on ROUGE-Lsum's work. */
#include "test_util.h"

#include "rouge_internal.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define EPS 1e-12

static summ_rouge *new_scorer(int tokenizer, const char *stemmer)
{
    summ_rouge_options o = SUMM_ROUGE_OPTIONS_INIT;
    summ_rouge *r = NULL;
    o.tokenizer = tokenizer;
    o.stemmer = stemmer;
    ck_assert_int_eq(summ_rouge_new(&r, &o, NULL), 0);
    ck_assert_ptr_nonnull(r);
    return r;
}

/* Scores cand against the '|'-separated references in refs. */
static summ_rouge_result score(summ_rouge *r, int metric, unsigned n, const char *cand,
                               const char *refs)
{
    const char *ptrs[8];
    size_t lens[8], k = 0;
    summ_rouge_result s;
    const char *p = refs;
    for (;;) {
        const char *bar = strchr(p, '|');
        ck_assert_uint_lt(k, 8);
        ptrs[k] = p;
        lens[k] = bar ? (size_t)(bar - p) : strlen(p);
        k++;
        if (!bar)
            break;
        p = bar + 1;
    }
    ck_assert_int_eq(summ_rouge_score(r, metric, n, cand, strlen(cand), ptrs, lens, k, &s), 0);
    ck_assert_str_eq(summ_rouge_errmsg(r), "");
    return s;
}

static void expect(summ_rouge_result s, double p, double rc, double f)
{
    ck_assert_msg(fabs(s.precision - p) < EPS && fabs(s.recall - rc) < EPS &&
                      fabs(s.f1 - f) < EPS,
                  "got P %.6f R %.6f F %.6f, want P %.6f R %.6f F %.6f", s.precision, s.recall,
                  s.f1, p, rc, f);
}

static double f1(double p, double r)
{
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

START_TEST(unigram_and_bigram_overlap)
{
    summ_rouge *r = new_scorer(SUMM_ROUGE_TOKENIZER_ASCII, NULL);
    /* the x2, cat, on, mat shared: 5 of 6 unigrams each side. */
    expect(score(r, SUMM_ROUGE_N, 1, "The cat sat on the mat.", "the cat is on the mat"),
           5.0 / 6, 5.0 / 6, 5.0 / 6);
    /* the-cat, on-the, the-mat: 3 of 5 bigrams. */
    expect(score(r, SUMM_ROUGE_N, 2, "The cat sat on the mat.", "the cat is on the mat"),
           3.0 / 5, 3.0 / 5, 3.0 / 5);
    /* Counts are clipped: "the the the" shares one "the" with "the cat". */
    expect(score(r, SUMM_ROUGE_N, 1, "the the the", "the cat"), 1.0 / 3, 1.0 / 2,
           f1(1.0 / 3, 1.0 / 2));
    /* Precision and recall differ with the lengths. */
    expect(score(r, SUMM_ROUGE_N, 1, "one two three four", "one two"), 0.5, 1.0, f1(0.5, 1.0));
    /* Any N: one shared trigram of two; no 5-gram in a 4-token text. */
    expect(score(r, SUMM_ROUGE_N, 3, "a b c d", "a b c e"), 0.5, 0.5, 0.5);
    expect(score(r, SUMM_ROUGE_N, 5, "a b c d", "a b c d"), 0, 0, 0);
    summ_rouge_free(r);
}
END_TEST

START_TEST(lcs_on_small_strings)
{
    summ_rouge *r = new_scorer(SUMM_ROUGE_TOKENIZER_ASCII, NULL);
    /* Lin's example: same words, LCS "the gunman" of 4 tokens. */
    expect(score(r, SUMM_ROUGE_N, 1, "the gunman killed police", "police killed the gunman"),
           1, 1, 1);
    expect(score(r, SUMM_ROUGE_L, 0, "the gunman killed police", "police killed the gunman"),
           0.5, 0.5, 0.5);
    expect(score(r, SUMM_ROUGE_L, 0, "The cat sat on the mat.", "the cat is on the mat"),
           5.0 / 6, 5.0 / 6, 5.0 / 6);
    /* LCS "a c e" (3) of a 5-token candidate and a 4-token reference. */
    expect(score(r, SUMM_ROUGE_L, 0, "a b c d e", "a c x e"), 3.0 / 5, 3.0 / 4,
           f1(3.0 / 5, 3.0 / 4));
    /* ROUGE-L ignores line breaks. */
    expect(score(r, SUMM_ROUGE_L, 0, "w3 w4 w5\nw1 w2", "w1 w2 w3 w4 w5"), 0.6, 0.6, 0.6);
    summ_rouge_free(r);
}
END_TEST

START_TEST(lsum_union_lcs)
{
    summ_rouge *r = new_scorer(SUMM_ROUGE_TOKENIZER_ASCII, NULL);
    /* Lin 2004, section 3.2: LCS(r, c1) = w1 w2, LCS(r, c2) = w1 w3 w5; the
     * union w1 w2 w3 w5 gives 4 hits over 10 candidate and 5 reference tokens. */
    expect(score(r, SUMM_ROUGE_LSUM, 0, "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5", "w1 w2 w3 w4 w5"),
           0.4, 0.8, f1(0.4, 0.8));
    /* Each candidate line matches a different part of the reference: the
     * union covers all of it, where plain ROUGE-L finds 3. */
    expect(score(r, SUMM_ROUGE_LSUM, 0, "w3 w4 w5\nw1 w2", "w1 w2 w3 w4 w5"), 1, 1, 1);
    /* Two reference lines; hits are clipped by the counts on both sides:
     * "a" occurs once in the candidate, so only one reference "a" counts. */
    expect(score(r, SUMM_ROUGE_LSUM, 0, "a b", "a\na b"), 2.0 / 2, 2.0 / 3, f1(1.0, 2.0 / 3));
    /* Empty lines and lines without tokens are ignored. */
    expect(score(r, SUMM_ROUGE_LSUM, 0, "\n\nw3 w4 w5\n...\n\nw1 w2\n", "w1 w2 w3 w4 w5"), 1, 1,
           1);
    summ_rouge_free(r);
}
END_TEST

START_TEST(stemming_on_and_off)
{
    summ_rouge *plain = new_scorer(SUMM_ROUGE_TOKENIZER_ASCII, NULL);
    summ_rouge *porter = new_scorer(SUMM_ROUGE_TOKENIZER_ASCII, "porter");
    summ_rouge_options o = SUMM_ROUGE_OPTIONS_INIT;
    summ_rouge *all = NULL;

    expect(score(plain, SUMM_ROUGE_N, 1, "police killed the gunman", "police kill the gunman"),
           0.75, 0.75, 0.75);
    expect(score(porter, SUMM_ROUGE_N, 1, "police killed the gunman", "police kill the gunman"),
           1, 1, 1);
    /* Tokens of 3 characters or fewer are not stemmed: Porter makes "was"
     * "wa", which would then match "wa". */
    expect(score(porter, SUMM_ROUGE_N, 1, "was", "wa"), 0, 0, 0);
    o.stemmer = "porter";
    o.stem_min_length = 0;
    ck_assert_int_eq(summ_rouge_new(&all, &o, NULL), 0);
    expect(score(all, SUMM_ROUGE_N, 1, "was", "wa"), 1, 1, 1);
    summ_rouge_free(all);
    summ_rouge_free(porter);
    summ_rouge_free(plain);
}
END_TEST

START_TEST(ascii_tokenizer_matches_rouge_score)
{
    summ_rouge *r = new_scorer(SUMM_ROUGE_TOKENIZER_ASCII, NULL);
    /* "Über Straße" -> ber stra e; "über STRASSE" -> ber strasse. */
    expect(score(r, SUMM_ROUGE_N, 1, "\xC3\x9C" "ber Stra\xC3\x9F" "e", "\xC3\xBC" "ber STRASSE"),
           1.0 / 3, 1.0 / 2, f1(1.0 / 3, 1.0 / 2));
    /* Apostrophes and hyphens split: don't -> don t. */
    expect(score(r, SUMM_ROUGE_N, 1, "don't well-known", "don t well known"), 1, 1, 1);
    /* Python's lower(): KELVIN SIGN -> k, I WITH DOT ABOVE -> i + a separator. */
    expect(score(r, SUMM_ROUGE_N, 1, "5\xE2\x84\xAA \xC4\xB0stanbul", "5k i stanbul"), 1, 1, 1);
    /* Text without a single [a-z0-9] has no tokens. */
    expect(score(r, SUMM_ROUGE_N, 1, "\xD0\xBC\xD0\xB8\xD1\x80", "\xD0\xBC\xD0\xB8\xD1\x80"), 0,
           0, 0);
    summ_rouge_free(r);
}
END_TEST

START_TEST(unicode_tokenizer)
{
    summ_rouge *r = new_scorer(SUMM_ROUGE_TOKENIZER_UNICODE, NULL);
    summ_rouge *de = new_scorer(SUMM_ROUGE_TOKENIZER_UNICODE, "german");
    /* Case folding: Straße = STRASSE, Über = über. */
    expect(score(r, SUMM_ROUGE_N, 1, "\xC3\x9C" "ber Stra\xC3\x9F" "e", "\xC3\xBC" "ber STRASSE"),
           1, 1, 1);
    /* Cyrillic words are tokens; the apostrophe separates. */
    expect(score(r, SUMM_ROUGE_N, 1, "\xD0\x9C\xD0\xB8\xD1\x80 l'homme",
                 "\xD0\xBC\xD0\xB8\xD1\x80 l homme"),
           1, 1, 1);
    /* The German stemmer joins "Häuser" and "Haus". */
    expect(score(r, SUMM_ROUGE_N, 1, "H\xC3\xA4user", "Haus"), 0, 0, 0);
    expect(score(de, SUMM_ROUGE_N, 1, "H\xC3\xA4user", "Haus"), 1, 1, 1);
    /* ASCII bytes join a word exactly when the summarizer's tokenizer
     * counts them as word characters: "aXa" is one token or two. */
    {
        int c;
        for (c = 1; c < 0x80; c++) {
            char cand[4] = {'a', (char)c, 'a', '\0'};
            summ_rouge_result s = score(r, SUMM_ROUGE_N, 1, cand, "a a");
            ck_assert_msg((s.f1 == 0.0) == summ__is_word_cp(c), "byte 0x%02X", (unsigned)c);
        }
    }
    summ_rouge_free(de);
    summ_rouge_free(r);
}
END_TEST

START_TEST(empty_candidate_and_reference)
{
    summ_rouge *r = new_scorer(SUMM_ROUGE_TOKENIZER_ASCII, "porter");
    int metrics[] = { SUMM_ROUGE_N, SUMM_ROUGE_L, SUMM_ROUGE_LSUM };
    size_t i;
    for (i = 0; i < 3; i++) {
        expect(score(r, metrics[i], 1, "", "the cat"), 0, 0, 0);
        expect(score(r, metrics[i], 1, "the cat", ""), 0, 0, 0);
        expect(score(r, metrics[i], 1, "!!! ...", "the cat"), 0, 0, 0);
        expect(score(r, metrics[i], 1, "", ""), 0, 0, 0);
    }
    {
        /* NULL with length 0 is an empty text. */
        const char *refs[] = { NULL };
        size_t lens[] = { 0 };
        summ_rouge_result s;
        ck_assert_int_eq(summ_rouge_score(r, SUMM_ROUGE_L, 0, NULL, 0, refs, lens, 1, &s), 0);
        expect(s, 0, 0, 0);
    }
    summ_rouge_free(r);
}
END_TEST

START_TEST(multiple_references)
{
    summ_rouge *r = new_scorer(SUMM_ROUGE_TOKENIZER_ASCII, NULL);
    summ_rouge_result s = score(r, SUMM_ROUGE_N, 1, "the cat sat", "a dog ran|the cat sat down");
    expect(s, 1, 0.75, f1(1, 0.75));
    ck_assert_uint_eq(s.reference, 1);
    /* The best by F1, not by recall: reference 0 has recall 1 but F1 0.5. */
    s = score(r, SUMM_ROUGE_N, 1, "a b c", "a|a b c d");
    expect(s, 1, 0.75, f1(1, 0.75));
    ck_assert_uint_eq(s.reference, 1);
    /* A tie goes to the first reference. */
    s = score(r, SUMM_ROUGE_L, 0, "a b", "a b|b a b");
    ck_assert_uint_eq(s.reference, 0);
    s = score(r, SUMM_ROUGE_LSUM, 0, "x", "a|b|c");
    expect(s, 0, 0, 0);
    ck_assert_uint_eq(s.reference, 0);
    summ_rouge_free(r);
}
END_TEST

START_TEST(bad_arguments)
{
    summ_rouge_options o = SUMM_ROUGE_OPTIONS_INIT;
    summ_rouge *r = (summ_rouge *)&o;
    const char *refs[] = { "a", "b\xFF" };
    size_t lens[] = { 1, 2 };
    summ_rouge_result s;

    ck_assert_int_eq(summ_rouge_new(NULL, NULL, NULL), SUMM_E_INVALID_ARG);
    o.stemmer = "klingon";
    ck_assert_int_eq(summ_rouge_new(&r, &o, NULL), SUMM_E_INVALID_ARG);
    ck_assert_ptr_null(r);
    o.stemmer = NULL;
    o.tokenizer = 7;
    ck_assert_int_eq(summ_rouge_new(&r, &o, NULL), SUMM_E_INVALID_ARG);
    o.tokenizer = 0;
    o.version = 0;
    ck_assert_int_eq(summ_rouge_new(&r, &o, NULL), SUMM_E_INVALID_ARG);
    o.version = SUMM_ROUGE_OPTIONS_VERSION + 1;
    ck_assert_int_eq(summ_rouge_new(&r, &o, NULL), SUMM_E_VERSION);
    ck_assert_int_eq(summ_rouge_options_init(&o, 0), SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_rouge_options_init(&o, SUMM_ROUGE_OPTIONS_VERSION + 1),
                     SUMM_E_VERSION);
    ck_assert_int_eq(summ_rouge_options_init(&o, 1), 0);
    ck_assert_uint_eq(o.stem_min_length, 3);
    ck_assert_ptr_null(o.stemmer);
    ck_assert_int_eq(summ_rouge_options_init(&o, SUMM_ROUGE_OPTIONS_VERSION), 0);
    ck_assert_uint_eq(o.version, SUMM_ROUGE_OPTIONS_VERSION);

    ck_assert_int_eq(summ_rouge_new(&r, NULL, NULL), 0);
    ck_assert_int_eq(summ_rouge_score(NULL, SUMM_ROUGE_L, 0, "a", 1, refs, lens, 1, &s),
                     SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_rouge_score(r, 0, 0, "a", 1, refs, lens, 1, &s), SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_rouge_score(r, SUMM_ROUGE_N, 0, "a", 1, refs, lens, 1, &s),
                     SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_rouge_score(r, SUMM_ROUGE_L, 0, "a", 1, refs, lens, 0, &s),
                     SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_rouge_score(r, SUMM_ROUGE_L, 0, NULL, 3, refs, lens, 1, &s),
                     SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_rouge_score(r, SUMM_ROUGE_L, 0, "a", 1, refs, lens, 1, NULL),
                     SUMM_E_INVALID_ARG);
    ck_assert_int_eq(summ_rouge_score(r, SUMM_ROUGE_L, 0, "a", 1, refs, lens, 2, &s),
                     SUMM_E_INVALID_UTF8);
    ck_assert_str_eq(summ_rouge_errmsg(r), "reference 1: invalid UTF-8 at byte 1");
    ck_assert_int_eq(summ_rouge_score(r, SUMM_ROUGE_L, 0, "\xC0\x80", 2, refs, lens, 1, &s),
                     SUMM_E_INVALID_UTF8);
    ck_assert_str_eq(summ_rouge_errmsg(r), "candidate: invalid UTF-8 at byte 0");
    ck_assert(s.f1 == 0 && s.reference == 0);
    /* Still usable, and a success clears the message. */
    ck_assert_int_eq(summ_rouge_score(r, SUMM_ROUGE_L, 0, "a", 1, refs, lens, 1, &s), 0);
    ck_assert_str_eq(summ_rouge_errmsg(r), "");
    expect(s, 1, 1, 1);
    /* Texts held from the last call skip validation; bytes changed in the
     * same buffer, at the same length, are validated again. */
    {
        char cand[] = "ab cd", ref[] = "ab ef";
        const char *rr[] = {ref};
        size_t rl[] = {5};
        ck_assert_int_eq(summ_rouge_score(r, SUMM_ROUGE_N, 1, cand, 5, rr, rl, 1, &s), 0);
        ck_assert_int_eq(summ_rouge_score(r, SUMM_ROUGE_L, 0, cand, 5, rr, rl, 1, &s), 0);
        cand[3] = '\xFF';
        ck_assert_int_eq(summ_rouge_score(r, SUMM_ROUGE_L, 0, cand, 5, rr, rl, 1, &s),
                         SUMM_E_INVALID_UTF8);
        ck_assert_str_eq(summ_rouge_errmsg(r), "candidate: invalid UTF-8 at byte 3");
        cand[3] = 'c';
        ref[4] = '\xC3';
        ck_assert_int_eq(summ_rouge_score(r, SUMM_ROUGE_L, 0, cand, 5, rr, rl, 1, &s),
                         SUMM_E_INVALID_UTF8);
        ck_assert_str_eq(summ_rouge_errmsg(r), "reference 0: invalid UTF-8 at byte 4");
    }
    summ_rouge_free(r);
    summ_rouge_free(NULL);
    ck_assert_str_ne(summ_rouge_errmsg(NULL), "");
}
END_TEST

START_TEST(reused_scorer_is_consistent)
{
    /* Term ids persist across calls; scores must not depend on history. */
    summ_rouge *fresh, *used = new_scorer(SUMM_ROUGE_TOKENIZER_UNICODE, "english");
    summ_rouge_result a, b;
    int k;
    for (k = 0; k < 50; k++)
        score(used, SUMM_ROUGE_LSUM, 0, "running dogs\nbark loudly", "dogs run\nloud barking");
    {
        /* The same buffers with new contents must be tokenized again. */
        char cand[] = "alpha beta", ref[] = "alpha beta";
        expect(score(used, SUMM_ROUGE_N, 1, cand, ref), 1, 1, 1);
        memcpy(cand, "gamma", 5);
        expect(score(used, SUMM_ROUGE_N, 1, cand, ref), 0.5, 0.5, 0.5);
        memcpy(ref, "gamma zeta", sizeof "gamma zeta" - 1);
        expect(score(used, SUMM_ROUGE_N, 1, cand, ref), 0.5, 0.5, 0.5);
        expect(score(used, SUMM_ROUGE_N, 1, cand, "gamma beta"), 1, 1, 1);
    }
    fresh = new_scorer(SUMM_ROUGE_TOKENIZER_UNICODE, "english");
    a = score(used, SUMM_ROUGE_LSUM, 0, "The runner runs.\nDogs bark.", "Runners ran\ndog barks");
    b = score(fresh, SUMM_ROUGE_LSUM, 0, "The runner runs.\nDogs bark.", "Runners ran\ndog barks");
    ck_assert(a.precision == b.precision && a.recall == b.recall && a.f1 == b.f1);
    summ_rouge_free(fresh);
    summ_rouge_free(used);
}
END_TEST

/* ROUGE-L with one line each side equals ROUGE-Lsum (the union of one LCS
 * is that LCS), whatever the lengths: this checks the bit-parallel LCS,
 * which spans several 64-bit words here, against the plain DP table. */
START_TEST(long_lcs_matches_lsum)
{
    summ_rouge *r = new_scorer(SUMM_ROUGE_TOKENIZER_ASCII, NULL);
    static char a[4096], b[4096];
    uint32_t seed = 12345;
    int round;
    for (round = 0; round < 40; round++) {
        size_t na = 1 + (size_t)(round * 37 % 300), nb = 1 + (size_t)(round * 53 % 280), i;
        size_t pa = 0, pb = 0;
        summ_rouge_result l, lsum;
        for (i = 0; i < na; i++) {
            seed = seed * 1103515245u + 12345u;
            pa += (size_t)snprintf(a + pa, sizeof a - pa, "w%u ", (seed >> 16) % 7);
        }
        for (i = 0; i < nb; i++) {
            seed = seed * 1103515245u + 12345u;
            pb += (size_t)snprintf(b + pb, sizeof b - pb, "w%u ", (seed >> 16) % 7);
        }
        l = score(r, SUMM_ROUGE_L, 0, a, b);
        lsum = score(r, SUMM_ROUGE_LSUM, 0, a, b);
        ck_assert_msg(l.precision == lsum.precision && l.recall == lsum.recall,
                      "round %d: L %.6f/%.6f, Lsum %.6f/%.6f", round, l.precision, l.recall,
                      lsum.precision, lsum.recall);
        ck_assert(l.precision > 0);
    }
    /* 200 distinct tokens against every other one of them: LCS 100. */
    {
        size_t i, pa = 0, pb = 0;
        for (i = 0; i < 200; i++) {
            pa += (size_t)snprintf(a + pa, sizeof a - pa, "t%zu ", i);
            if (i % 2 == 0)
                pb += (size_t)snprintf(b + pb, sizeof b - pb, "t%zu ", i);
        }
        expect(score(r, SUMM_ROUGE_L, 0, a, b), 0.5, 1, f1(0.5, 1));
        expect(score(r, SUMM_ROUGE_L, 0, b, a), 1, 0.5, f1(1, 0.5));
    }
    summ_rouge_free(r);
}
END_TEST

/* ---- ROUGE-L and ROUGE-Lsum against a quadratic reference ------------- */

/* A random text of tokens "w0" to "w<vocab - 1>" in n_lines lines: the
 * tokens go to ids[], the line ends to ends[]; returns the text (malloc). */
static char *random_text(uint32_t *seed, size_t n_tokens, size_t n_lines, unsigned vocab,
                         unsigned *ids, size_t *ends)
{
    char *text = malloc(n_tokens * 8 + n_lines + 1);
    size_t i, at = 0, line = 0;
    ck_assert_ptr_nonnull(text);
    for (i = 0; i < n_tokens; i++) {
        *seed = *seed * 1103515245u + 12345u;
        ids[i] = (*seed >> 16) % vocab;
        at += (size_t)sprintf(text + at, "w%u ", ids[i]);
        /* Lines split evenly, none empty. */
        if ((i + 1) * n_lines / n_tokens > line) {
            ends[line++] = i + 1;
            text[at - 1] = '\n';
        }
    }
    text[at] = '\0';
    return text;
}

/* The LCS table of a and b, as rouge-score fills it: t[i][j] = LCS(a[0, i),
 * b[0, j)), (na + 1) x (nb + 1) cells. */
static unsigned *lcs_table(const unsigned *a, size_t na, const unsigned *b, size_t nb)
{
    size_t w = nb + 1, i, j;
    unsigned *t = calloc((na + 1) * w, sizeof *t);
    ck_assert_ptr_nonnull(t);
    for (i = 1; i <= na; i++)
        for (j = 1; j <= nb; j++)
            t[i * w + j] = a[i - 1] == b[j - 1]
                               ? t[(i - 1) * w + j - 1] + 1
                               : (t[(i - 1) * w + j] > t[i * w + j - 1] ? t[(i - 1) * w + j]
                                                                       : t[i * w + j - 1]);
    return t;
}

/* Union LCS hits as rouge-score counts them: per reference line, the tokens
 * on the backtracked LCS with each candidate line (a match when the tokens
 * are equal, else left only when strictly better), each counted while both
 * sides have that token left. */
static size_t lsum_hits_reference(const unsigned *f, const size_t *f_ends, size_t f_lines,
                                  const unsigned *c, const size_t *c_ends, size_t c_lines,
                                  unsigned vocab)
{
    unsigned *left_c = calloc(vocab, sizeof *left_c), *left_f = calloc(vocab, sizeof *left_f);
    unsigned char *hit = malloc(f_ends[f_lines - 1] + 1);
    size_t k, kc, i, hits = 0;
    ck_assert(left_c && left_f && hit);
    for (i = 0; i < c_ends[c_lines - 1]; i++)
        left_c[c[i]]++;
    for (i = 0; i < f_ends[f_lines - 1]; i++)
        left_f[f[i]]++;
    for (k = 0; k < f_lines; k++) {
        const unsigned *a = f + (k ? f_ends[k - 1] : 0);
        size_t na = f_ends[k] - (k ? f_ends[k - 1] : 0);
        memset(hit, 0, na);
        for (kc = 0; kc < c_lines; kc++) {
            const unsigned *b = c + (kc ? c_ends[kc - 1] : 0);
            size_t nb = c_ends[kc] - (kc ? c_ends[kc - 1] : 0), w = nb + 1, j;
            unsigned *t = lcs_table(a, na, b, nb);
            i = na;
            j = nb;
            while (i > 0 && j > 0) {
                if (a[i - 1] == b[j - 1]) {
                    hit[i - 1] = 1;
                    i--;
                    j--;
                } else if (t[i * w + j - 1] > t[(i - 1) * w + j]) {
                    j--;
                } else {
                    i--;
                }
            }
            free(t);
        }
        for (i = 0; i < na; i++)
            if (hit[i] && left_c[a[i]] > 0 && left_f[a[i]] > 0) {
                left_c[a[i]]--;
                left_f[a[i]]--;
                hits++;
            }
    }
    free(hit);
    free(left_c);
    free(left_f);
    return hits;
}

/* Random texts of 1 to 6 lines of up to 400 tokens (so reference lines span
 * several 64-bit words), vocabularies from 2 to 600 words (so symbols are
 * frequent enough for a mask of their own, or not); and the traceback's leaf
 * from one column (checkpoints at every level) to the default. Precision
 * and recall must be exactly hits / tokens of the reference counts. */
START_TEST(lcs_matches_quadratic_reference)
{
    static const size_t leaves[] = { 1, 2, 3, 7, 64, SUMM__ROUGE_LEAF_WORDS };
    static const unsigned vocabs[] = { 2, 3, 7, 40, 600 };
    summ_rouge *r = new_scorer(SUMM_ROUGE_TOKENIZER_ASCII, NULL);
    unsigned f[400], c[400];
    size_t f_ends[6], c_ends[6];
    uint32_t seed = 2024;
    int round;
    for (round = 0; round < 300; round++) {
        unsigned vocab = vocabs[round % 5];
        size_t nf = 1 + (size_t)(round * 131 % 397), nc = 1 + (size_t)(round * 173 % 389);
        size_t lf = 1 + (size_t)round % 6, lc = 1 + (size_t)(round / 6) % 6;
        char *ft, *ct;
        size_t hits, lcs;
        summ_rouge_result s;
        unsigned *t;
        if (lf > nf)
            lf = nf;
        if (lc > nc)
            lc = nc;
        ft = random_text(&seed, nf, lf, vocab, f, f_ends);
        ct = random_text(&seed, nc, lc, vocab, c, c_ends);
        r->lcs_leaf_words = leaves[round % 6];
        hits = lsum_hits_reference(f, f_ends, lf, c, c_ends, lc, vocab);
        s = score(r, SUMM_ROUGE_LSUM, 0, ct, ft);
        ck_assert_msg(s.precision == (double)hits / (double)nc &&
                          s.recall == (double)hits / (double)nf,
                      "round %d (%zu x %zu tokens, %zu x %zu lines, vocabulary %u, leaf %zu): "
                      "Lsum P %.6f R %.6f, want %zu hits",
                      round, nc, nf, lc, lf, vocab, r->lcs_leaf_words, s.precision, s.recall,
                      hits);
        /* ROUGE-L: the whole texts, line breaks ignored. */
        t = lcs_table(f, nf, c, nc);
        lcs = t[nf * (nc + 1) + nc];
        free(t);
        s = score(r, SUMM_ROUGE_L, 0, ct, ft);
        ck_assert_msg(s.precision == (double)lcs / (double)nc &&
                          s.recall == (double)lcs / (double)nf,
                      "round %d: L P %.6f R %.6f, want LCS %zu", round, s.precision, s.recall,
                      lcs);
        free(ft);
        free(ct);
    }
    summ_rouge_free(r);
}
END_TEST

/* Repeated candidate lines are walked once; the union cannot change. */
START_TEST(lsum_repeated_lines)
{
    summ_rouge *r = new_scorer(SUMM_ROUGE_TOKENIZER_ASCII, NULL);
    /* Union of "a b" and "c": 3 hits, counted once per token on both sides. */
    expect(score(r, SUMM_ROUGE_LSUM, 0, "a b\nc\na b\nc\na b", "a b c"), 3.0 / 8, 1,
           f1(3.0 / 8, 1));
    expect(score(r, SUMM_ROUGE_LSUM, 0, "a b c", "a b\nc\na b\nc\na b"), 1, 3.0 / 8,
           f1(1, 3.0 / 8));
    expect(score(r, SUMM_ROUGE_LSUM, 0, "x\nx\nx", "x\nx"), 2.0 / 3, 1, f1(2.0 / 3, 1));
    summ_rouge_free(r);
}
END_TEST

/* An allocator that refuses to hold more than `cap` bytes at once and
 * records the most it held. */
typedef struct capped_alloc {
    size_t live, peak, cap;
} capped_alloc;

static void *capped_alloc_fn(void *ud, void *ptr, size_t osize, size_t nsize)
{
    capped_alloc *t = ud;
    void *p;
    if (nsize == 0) {
        free(ptr);
        t->live -= ptr ? osize : 0;
        return NULL;
    }
    if (t->live - (ptr ? osize : 0) + nsize > t->cap)
        return NULL;
    p = realloc(ptr, nsize);
    if (!p)
        return NULL;
    t->live = t->live - (ptr ? osize : 0) + nsize;
    if (t->live > t->peak)
        t->peak = t->live;
    return p;
}

/* One line of n random tokens (vocabulary 3000) each side. */
static void long_lines(size_t n, char **cand, char **ref)
{
    uint32_t seed = 99;
    unsigned *ids = malloc(n * sizeof *ids);
    size_t ends[1];
    ck_assert_ptr_nonnull(ids);
    *cand = random_text(&seed, n, 1, 3000, ids, ends);
    *ref = random_text(&seed, n, 1, 3000, ids, ends);
    free(ids);
}

/* A single line of 20,000 tokens each side: the LCS table alone would be
 * 1.6 GB. Scoring must stay within 8 MiB, most of it the tokens and the
 * texts, and equal ROUGE-L (one line each: the union is the one LCS). */
START_TEST(lsum_long_lines_in_bounded_memory)
{
    capped_alloc t = { 0, 0, (size_t)8 << 20 };
    summ_allocator a = { capped_alloc_fn, &t };
    summ_rouge *r = NULL;
    summ_rouge_result lsum, l;
    char *cand, *ref;
    const char *refs[1];
    size_t lens[1], cand_len;
    long_lines(20000, &cand, &ref);
    refs[0] = ref;
    lens[0] = strlen(ref);
    cand_len = strlen(cand);
    ck_assert_int_eq(summ_rouge_new(&r, NULL, &a), 0);
    ck_assert_int_eq(summ_rouge_score(r, SUMM_ROUGE_LSUM, 0, cand, cand_len, refs, lens, 1,
                                      &lsum),
                     0);
    ck_assert_int_eq(summ_rouge_score(r, SUMM_ROUGE_L, 0, cand, cand_len, refs, lens, 1, &l), 0);
    ck_assert(lsum.precision == l.precision && lsum.recall == l.recall && l.f1 > 0);
    ck_assert_msg(t.peak < ((size_t)8 << 20), "peak %zu bytes", t.peak);
    summ_rouge_free(r);
    ck_assert_uint_eq(t.live, 0);
    free(cand);
    free(ref);
}
END_TEST

/* The limit on ROUGE-Lsum's token pairs: refused above it with a message
 * naming the reference and the counts, scored at it; other metrics are not
 * limited; version 1 options get the default. */
START_TEST(lsum_work_limit)
{
    summ_rouge_options o = SUMM_ROUGE_OPTIONS_INIT;
    summ_rouge *r = NULL;
    const char *refs[] = { "a b c d e", "a b c d e f" };
    size_t lens[] = { 9, 11 };
    summ_rouge_result s;
    o.max_lsum_pairs = 5 * 5;
    ck_assert_int_eq(summ_rouge_new(&r, &o, NULL), 0);
    ck_assert_int_eq(summ_rouge_score(r, SUMM_ROUGE_LSUM, 0, "a\nb c\nd e", 9, refs, lens, 1, &s),
                     0);
    expect(s, 1, 1, 1);
    ck_assert_int_eq(summ_rouge_score(r, SUMM_ROUGE_LSUM, 0, "a\nb c\nd e", 9, refs, lens, 2, &s),
                     SUMM_E_TOO_LARGE);
    ck_assert_str_eq(summ_rouge_errmsg(r), "reference 1: ROUGE-Lsum of 5 candidate x 6 reference "
                                           "tokens is over the limit of 25 token pairs "
                                           "(max_lsum_pairs)");
    ck_assert(s.f1 == 0 && s.precision == 0 && s.reference == 0);
    ck_assert_int_eq(summ_rouge_score(r, SUMM_ROUGE_L, 0, "a\nb c\nd e", 9, refs, lens, 2, &s), 0);
    ck_assert_int_eq(summ_rouge_score(r, SUMM_ROUGE_N, 1, "a\nb c\nd e", 9, refs, lens, 2, &s), 0);
    ck_assert_str_eq(summ_rouge_errmsg(r), "");
    summ_rouge_free(r);

    /* No limit. */
    o.max_lsum_pairs = UINT64_MAX;
    ck_assert_int_eq(summ_rouge_new(&r, &o, NULL), 0);
    ck_assert_int_eq(summ_rouge_score(r, SUMM_ROUGE_LSUM, 0, "a\nb c\nd e", 9, refs, lens, 2, &s),
                     0);
    summ_rouge_free(r);

    /* A version 1 struct ends before max_lsum_pairs: whatever follows it is
     * not read, and the default applies. 46,341^2 is just over 2^31. */
    {
        unsigned char buf[sizeof(summ_rouge_options)];
        summ_rouge_options *v1 = (summ_rouge_options *)(void *)buf;
        char *text;
        size_t i, n = 46341;
        memset(buf, 0x5A, sizeof buf);
        ck_assert_int_eq(summ_rouge_options_init(v1, 1), 0);
        for (i = offsetof(summ_rouge_options, max_lsum_pairs); i < sizeof buf; i++)
            ck_assert_uint_eq(buf[i], 0x5A);
        ck_assert_int_eq(summ_rouge_new(&r, v1, NULL), 0);
        text = malloc(2 * n);
        ck_assert_ptr_nonnull(text);
        for (i = 0; i < n; i++) {
            text[2 * i] = 'a';
            text[2 * i + 1] = ' ';
        }
        refs[0] = text;
        lens[0] = 2 * n;
        ck_assert_int_eq(summ_rouge_score(r, SUMM_ROUGE_LSUM, 0, text, 2 * n - 2, refs, lens, 1,
                                          &s),
                         0);
        ck_assert_int_eq(summ_rouge_score(r, SUMM_ROUGE_LSUM, 0, text, 2 * n, refs, lens, 1, &s),
                         SUMM_E_TOO_LARGE);
        ck_assert_uint_eq(SUMM_ROUGE_DEFAULT_MAX_LSUM_PAIRS, (uint64_t)1 << 31);
        summ_rouge_free(r);
        free(text);
    }
}
END_TEST

/* Allocation failure: every allocation of a full use, failed in turn. */
static int full_run(test_alloc *t, int tokenizer)
{
    summ_allocator a = { test_alloc_fn, t };
    summ_rouge_options o = SUMM_ROUGE_OPTIONS_INIT;
    summ_rouge *r = NULL;
    const char *cand = "The council voted on Tuesday.\nR\xC3\xA9sum\xC3\xA9 of the caf\xC3\xA9's plans "
                       "to convert the terminal, the terminal!";
    const char *refs[] = { "The council of Westerby voted.\nIt will convert the old terminal.",
                           "Caf\xC3\xA9 plans: convert the ferry terminal into a library." };
    size_t lens[] = { strlen(refs[0]), strlen(refs[1]) };
    summ_rouge_result s;
    int metrics[] = { SUMM_ROUGE_N, SUMM_ROUGE_N, SUMM_ROUGE_L, SUMM_ROUGE_LSUM };
    unsigned ns[] = { 1, 2, 0, 0 };
    size_t i;
    int rc;

    o.tokenizer = tokenizer;
    o.stemmer = "english";
    if ((rc = summ_rouge_new(&r, &o, &a)) < 0)
        return rc;
    for (i = 0; i < 4; i++) {
        rc = summ_rouge_score(r, metrics[i], ns[i], cand, strlen(cand), refs, lens, 2, &s);
        if (rc < 0) {
            /* The scorer must work once memory is available again. */
            size_t saved = t->fail_at;
            ck_assert_str_ne(summ_rouge_errmsg(r), "");
            ck_assert(s.f1 == 0);
            t->fail_at = 0;
            ck_assert_int_eq(
                summ_rouge_score(r, metrics[i], ns[i], cand, strlen(cand), refs, lens, 2, &s), 0);
            ck_assert(s.f1 > 0);
            t->fail_at = saved;
            break;
        }
    }
    summ_rouge_free(r);
    return rc;
}

START_TEST(fail_every_allocation)
{
    int tokenizers[] = { SUMM_ROUGE_TOKENIZER_ASCII, SUMM_ROUGE_TOKENIZER_UNICODE };
    size_t i, k, total;
    for (i = 0; i < 2; i++) {
        test_alloc t;
        memset(&t, 0, sizeof t);
        ck_assert_int_eq(full_run(&t, tokenizers[i]), 0);
        ck_assert_int_eq(t.live_bytes, 0);
        total = t.calls;
        ck_assert_uint_gt(total, 5);
        for (k = 1; k <= total; k++) {
            int rc;
            memset(&t, 0, sizeof t);
            t.fail_at = k;
            rc = full_run(&t, tokenizers[i]);
            ck_assert_msg(rc == SUMM_E_NOMEM, "tokenizer %d: allocation %zu of %zu: rc %d",
                          tokenizers[i], k, total, rc);
            ck_assert_msg(t.live_bytes == 0 && t.live_blocks == 0,
                          "tokenizer %d: allocation %zu leaked %lld bytes", tokenizers[i], k,
                          t.live_bytes);
        }
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("rouge");
    TCase *tc = tcase_create("rouge");
    tcase_add_test(tc, unigram_and_bigram_overlap);
    tcase_add_test(tc, lcs_on_small_strings);
    tcase_add_test(tc, lsum_union_lcs);
    tcase_add_test(tc, stemming_on_and_off);
    tcase_add_test(tc, ascii_tokenizer_matches_rouge_score);
    tcase_add_test(tc, unicode_tokenizer);
    tcase_add_test(tc, empty_candidate_and_reference);
    tcase_add_test(tc, multiple_references);
    tcase_add_test(tc, bad_arguments);
    tcase_add_test(tc, reused_scorer_is_consistent);
    tcase_add_test(tc, long_lcs_matches_lsum);
    tcase_add_test(tc, fail_every_allocation);
    tcase_add_test(tc, lcs_matches_quadratic_reference);
    tcase_add_test(tc, lsum_repeated_lines);
    tcase_add_test(tc, lsum_long_lines_in_bounded_memory);
    tcase_add_test(tc, lsum_work_limit);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
