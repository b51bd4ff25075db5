/* The fast English stemmer (stem_english.c) against libstemmer's english:
 * the same stem for every word tried, the words it leaves to libstemmer,
 * and summaries that do not change when a language uses it. */
#include "test_util.h"

#include <libstemmer.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"

static struct sb_stemmer *sb;
static long compared, differing;

static void setup(void)
{
    sb = sb_stemmer_new("english", "UTF_8");
    ck_assert_ptr_nonnull(sb);
    compared = differing = 0;
}

static void teardown(void)
{
    sb_stemmer_delete(sb);
}

/* Compares one word; reports the first few differences by name. */
static void compare(const char *w, size_t len)
{
    char mine[SUMM__STEM_ENGLISH_MAX];
    const sb_symbol *want = sb_stemmer_stem(sb, (const sb_symbol *)w, (int)len);
    int want_len = sb_stemmer_length(sb);
    int n = summ__stem_english(w, len, mine);
    ck_assert_ptr_nonnull(want);
    ck_assert_int_ge(n, 0);
    compared++;
    if (n != want_len || memcmp(mine, want, (size_t)n) != 0) {
        if (differing++ < 10)
            fprintf(stderr, "%.*s: libstemmer %.*s, libsumm %.*s\n", (int)len, w, want_len,
                    (const char *)want, n, mine);
    }
}

static uint64_t next_random(uint64_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return *x;
}

/* Every rule's suffix, the letters the conditions look at, and the
 * prefixes that move R1. */
static const char *const suffixes[] = {
    "s", "es", "ies", "ied", "sses", "us", "ss", "'", "'s", "'s'", "eed", "eedly", "ed",
    "edly", "ing", "ingly", "y", "ational", "tional", "enci", "anci", "abli", "entli", "izer",
    "ization", "ation", "ator", "alism", "aliti", "alli", "fulness", "ousli", "ousness",
    "iveness", "iviti", "biliti", "bli", "ogi", "logi", "fulli", "lessli", "li", "cli", "eli",
    "alize", "icate", "iciti", "ical", "ful", "ness", "ative", "al", "ance", "ence", "er", "ic",
    "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive", "ize",
    "ion", "sion", "tion", "e", "l", "ll", "at", "bl", "iz", "bb", "dd", "tt", "zz", "hop",
    "tan", "fil", "a", "o", "u", "i",
};
static const char *const prefixes[] = {
    "", "b", "c", "h", "sh", "str", "a", "e", "i", "o", "u", "y", "ay", "oy", "ey", "gener",
    "commun", "arsen", "past", "univers", "later", "emerg", "organ", "'", "x", "w", "th", "qu",
    "ab", "ov", "ow", "ax", "ry", "bry", "1", "9a",
};

START_TEST(test_suffix_chains)
{
    /* Words built as prefix + up to three (letter?, suffix) pieces, so
     * that suffixes meet each other and every region boundary. */
    uint64_t x = 0x9E3779B97F4A7C15u;
    char w[128];
    long i;
    const size_t ns = sizeof suffixes / sizeof *suffixes, np = sizeof prefixes / sizeof *prefixes;
    for (i = 0; i < 400000; i++) {
        size_t len, j, k = next_random(&x) % 4;
        strcpy(w, prefixes[next_random(&x) % np]);
        for (j = 0; j < k; j++) {
            if (next_random(&x) % 3 == 0) {
                char c[2] = {"aeiouybcdlmnrstwx"[next_random(&x) % 17], 0};
                strcat(w, c);
            }
            strcat(w, suffixes[next_random(&x) % ns]);
        }
        len = strlen(w);
        if (len > 0)
            compare(w, len);
    }
    ck_assert_int_eq(differing, 0);
}
END_TEST

START_TEST(test_random_words)
{
    /* Short random words over letters weighted towards the ones the rules
     * test (vowels, y, doubles, l, s, apostrophes, digits). */
    static const char alphabet[] = "aeiouyyywxlstbdfgmnprczk'e1";
    uint64_t x = 88172645463325252u;
    char w[16];
    long i;
    for (i = 0; i < 400000; i++) {
        size_t j, len = 1 + next_random(&x) % 12;
        for (j = 0; j < len; j++)
            w[j] = alphabet[next_random(&x) % (sizeof alphabet - 1)];
        compare(w, len);
    }
    ck_assert_int_eq(differing, 0);
}
END_TEST

START_TEST(test_exceptions_and_edges)
{
    static const char *const words[] = {
        "skis", "skies", "dying", "lying", "tying", "idly", "gently", "ugly", "early", "only",
        "singly", "sky", "news", "howe", "atlas", "cosmos", "bias", "andes", "inning",
        "innings", "outing", "outings", "canning", "herring", "earring", "proceed", "proceeds",
        "exceed", "succeed", "succeeding", "a", "ab", "abc", "'", "''", "'''", "''s", "'s'",
        "'tis", "y", "yy", "yyy", "youth", "sayyid", "ayyyy", "generously", "communication",
        "arsenals", "generate", "consign", "consigned", "consigning", "consignment",
        "knightly", "knights", "hopping", "hoping", "filing", "filling", "bleed", "agreed",
        "feeds", "dryly", "crying", "cry", "by", "happy", "1990s", "3rd", "x's",
    };
    size_t i;
    for (i = 0; i < sizeof words / sizeof *words; i++)
        compare(words[i], strlen(words[i]));
    ck_assert_int_eq(differing, 0);
    ck_assert(summ__stem_english_agrees());
}
END_TEST

START_TEST(test_leaves_other_words_to_libstemmer)
{
    char out[SUMM__STEM_ENGLISH_MAX], longw[SUMM__STEM_ENGLISH_MAX + 2];
    memset(longw, 'a', sizeof longw);
    ck_assert_int_eq(summ__stem_english("café", strlen("café"), out), -1);
    ck_assert_int_eq(summ__stem_english("don\xE2\x80\x99t", 7, out), -1);
    ck_assert_int_eq(summ__stem_english("Running", 7, out), -1); /* not folded */
    ck_assert_int_eq(summ__stem_english("a-b", 3, out), -1);
    ck_assert_int_eq(summ__stem_english("", 0, out), -1);
    ck_assert_int_eq(summ__stem_english(longw, SUMM__STEM_ENGLISH_MAX + 1, out), -1);
    /* The longest word it takes, with a suffix to remove. */
    memcpy(longw + SUMM__STEM_ENGLISH_MAX - 3, "ing", 3);
    ck_assert_int_ge(summ__stem_english(longw, SUMM__STEM_ENGLISH_MAX, out), 0);
    compare(longw, SUMM__STEM_ENGLISH_MAX);
    /* libstemmer erases "''s" entirely; so does the fast one (the caller
     * then keeps the word). */
    ck_assert_int_eq(summ__stem_english("''s", 3, out), 0);
    compare("''s", 3);
    ck_assert_int_eq(differing, 0);
}
END_TEST

START_TEST(test_only_english_with_stemming_uses_it)
{
    summ_lang *l = NULL;
    summ_lang_config cfg;
    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
    ck_assert(l->stem_english_fast);
    summ_lang_free(l);
    ck_assert_int_eq(summ_lang_new(&l, "de", NULL), 0);
    ck_assert(!l->stem_english_fast);
    summ_lang_free(l);
    summ_lang_config_init(&cfg, SUMM_LANG_CONFIG_VERSION);
    cfg.flags = SUMM_LANG_NO_STEMMING;
    ck_assert_int_eq(summ_lang_new_ex(&l, "en", &cfg, NULL), 0);
    ck_assert(!l->stem_english_fast);
    summ_lang_free(l);
}
END_TEST

/* Every sentence's score, as text, from a new summarizer. */
static char *scores_of(summ_lang *l, const char *text)
{
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    summ_options o;
    size_t i, len = 0, cap = 1 << 16;
    char *out = malloc(cap);
    ck_assert_ptr_nonnull(out);
    ck_assert_int_eq(summ_options_init(&o, SUMM_OPTIONS_VERSION), 0);
    o.algorithm = SUMM_ALGO_TFIDF;
    ck_assert_int_eq(summ_summarizer_new(&s, l, &o, NULL), 0);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(summ_score_sentences(s, text, strlen(text), r), 0);
    for (i = 0; i < summ_result_count(r); i++) {
        ck_assert_uint_lt(len + 32, cap);
        len += (size_t)snprintf(out + len, cap - len, "%.17g;", summ_result_spans(r)[i].score);
    }
    summ_result_free(r);
    summ_summarizer_free(s);
    return out;
}

START_TEST(test_same_scores_either_way)
{
    /* Words that stem alike only under the right rules, ASCII and not
     * ("Naïve" goes to libstemmer), so the terms, and with them every
     * score, show a wrong stem. */
    static const char text[] =
        "The generous generals generated general agreement. Relational databases relate "
        "related relations. Hopping hopes hoped for hopeful hoping. The council's councils "
        "counselled counsellors. Naïve naïvety and naive naivety met. Dying lies lying tied "
        "ties. Skies skied over skis. Conditional conditions conditioned the condition. "
        "Effective effects affected the effectiveness of affection. The 1990s' 3rd quarter "
        "quartered quarters. Running runners ran runs.";
    summ_lang *l = NULL;
    char *fast, *slow;
    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
    ck_assert(l->stem_english_fast);
    fast = scores_of(l, text);
    l->stem_english_fast = false;
    slow = scores_of(l, text);
    ck_assert_str_eq(fast, slow);
    free(fast);
    free(slow);
    summ_lang_free(l);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("stem_english");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_suffix_chains);
    tcase_add_test(tc, test_random_words);
    tcase_add_test(tc, test_exceptions_and_edges);
    tcase_add_test(tc, test_leaves_other_words_to_libstemmer);
    tcase_add_test(tc, test_only_english_with_stemming_uses_it);
    tcase_add_test(tc, test_same_scores_either_way);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
