/*
 * Fuzz target: summ_summarize, summ_split_sentences, summ_score_sentences
 * and summ_extract_keyphrases on one text, with options chosen by the first
 * input bytes, checked against the invariants of fuzz_oracle.h and against
 * each other.
 *
 * Input layout (missing header bytes read as 0):
 *   0     algorithm: index into summ_algorithm_list(), one past the end = default
 *   1     language: index into summ_lang_list()
 *   2     bits 0-3 SUMM_FLAG_*, bits 4-5 SUMM_LANG_*, bit 6 small max_input_bytes,
 *         bit 7 set the options after creation instead of at creation
 *   3     budgets in use: bit 0 sentences, 1 ratio, 2 words, 3 bytes
 *   4     max_sentences; also the number of keyphrases (0: the default)
 *   5     ratio = (byte + 1) / 256; bit 0 also picks positionrank for keyphrases
 *   6     max_words
 *   7-8   max_bytes, little endian; 2 + byte 7 % 16 is also the keyphrase window
 *   9     max_input_bytes - 1 (with flag bit 6)
 *   10-   the text
 */
#include "fuzz_oracle.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEADER 10

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t list_len(const char *const *list)
{
    size_t n = 0;
    while (list[n])
        n++;
    return n;
}

static summ_span *copy_spans(const summ_result *r, size_t *n)
{
    summ_span *c;
    *n = summ_result_count(r);
    c = malloc(*n ? *n * sizeof *c : 1);
    if (!c)
        fuzz_fail("out of memory in the oracle");
    if (*n)
        memcpy(c, summ_result_spans(r), *n * sizeof *c);
    return c;
}

/* The failure every entry point must give for this text and these options:
 * the size limit is checked before the encoding. */
static int expected_status(const fuzz_units *u, const summ_options *o)
{
    size_t limit = o->max_input_bytes ? o->max_input_bytes : SUMM_DEFAULT_MAX_INPUT_BYTES;
    if (u->len > limit)
        return SUMM_E_TOO_LARGE;
    if (!(o->flags & SUMM_FLAG_LENIENT_UTF8) && u->first_bad < u->len)
        return SUMM_E_INVALID_UTF8;
    return SUMM_OK;
}

static void check_failure(summ_summarizer *s, const summ_result *r, int rc, int want,
                          const fuzz_units *u, const char *what)
{
    const char *msg = summ_summarizer_errmsg(s);
    FUZZ_CHECK(rc == want, "%s: status %d, expected %d (%s)", what, rc, want, msg);
    FUZZ_CHECK(summ_result_count(r) == 0, "%s: failed but the result is not empty", what);
    FUZZ_CHECK(msg[0] != '\0', "%s: failed without a message", what);
    if (want == SUMM_E_INVALID_UTF8) {
        char at[48];
        snprintf(at, sizeof at, "at byte %zu", u->first_bad);
        FUZZ_CHECK(strstr(msg, at) != NULL, "%s: message '%s' lacks '%s'", what, msg, at);
    }
}

/* Two keyphrase results are the same, field by field and bit by bit. */
static void check_same_keyphrases(const summ_keyphrases *a, const summ_keyphrases *b)
{
    size_t i, n = summ_keyphrases_count(a);
    FUZZ_CHECK(n == summ_keyphrases_count(b), "keyphrases twice: %zu, then %zu", n,
               summ_keyphrases_count(b));
    for (i = 0; i < n; i++) {
        summ_keyphrase x, y;
        summ_keyphrases_get(a, i, &x);
        summ_keyphrases_get(b, i, &y);
        FUZZ_CHECK(x.start == y.start && x.end == y.end && x.count == y.count &&
                       memcmp(&x.score, &y.score, sizeof x.score) == 0 &&
                       memcmp(x.occurrences, y.occurrences, x.count * sizeof *x.occurrences) == 0,
                   "keyphrases twice: keyphrase %zu differs", i);
    }
}

static void check_summary(const summ_span *sum, size_t ns, const summ_span *split, size_t n,
                          const summ_span *scored, const summ_options *o)
{
    size_t i, limit = n;
    uint64_t bytes = 0;
    double ratio = o->ratio;
    bool count_budgets_only = o->max_words == 0 && o->max_bytes == 0;

    if (o->max_sentences == 0 && ratio == 0.0 && count_budgets_only)
        ratio = 0.2; /* the documented default budget */
    if (o->max_sentences && o->max_sentences < limit)
        limit = o->max_sentences;
    if (ratio > 0.0) {
        double k = ceil(ratio * (double)n);
        size_t kk = k < 1.0 ? 1 : (size_t)k;
        if (kk < limit)
            limit = kk;
    }
    FUZZ_CHECK(ns <= limit, "summarize: %zu sentences over the budget of %zu", ns, limit);
    /* Sentences are skipped only when they do not fit a words or bytes budget. */
    if (count_budgets_only)
        FUZZ_CHECK(ns == limit, "summarize: %zu sentences, the budget allows %zu", ns, limit);
    for (i = 0; i < ns; i++) {
        uint32_t k = sum[i].sentence;
        FUZZ_CHECK(k < n, "summarize: sentence index %u of %zu", k, n);
        FUZZ_CHECK(sum[i].start == split[k].start && sum[i].end == split[k].end,
                   "summarize: span %zu [%zu, %zu) is not sentence %u [%zu, %zu) of the split",
                   i, sum[i].start, sum[i].end, k, split[k].start, split[k].end);
        FUZZ_CHECK(memcmp(&sum[i].score, &scored[k].score, sizeof sum[i].score) == 0,
                   "summarize: sentence %u scores %.17g, score_sentences says %.17g", k,
                   sum[i].score, scored[k].score);
        bytes += sum[i].end - sum[i].start;
    }
    if (o->max_bytes)
        FUZZ_CHECK(bytes <= o->max_bytes, "summarize: %llu bytes over the budget of %zu",
                   (unsigned long long)bytes, o->max_bytes);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *const *algos = summ_algorithm_list();
    const char *const *langs = summ_lang_list();
    size_t n_algos = list_len(algos), n_langs = list_len(langs);
    uint8_t h[HEADER] = { 0 };
    const char *text;
    size_t len, algo, n_split = 0, n_sum = 0, n_sum2 = 0, n_scored = 0, i;
    summ_options o = SUMM_OPTIONS_INIT;
    summ_lang_config cfg = SUMM_LANG_CONFIG_INIT;
    summ_lang *lang = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    summ_keyphrases *kp = NULL, *kp2 = NULL;
    summ_span *split = NULL, *sum = NULL, *scored = NULL, *sum2 = NULL;
    fuzz_units u;
    int rc, want;

    memcpy(h, data, size < HEADER ? size : HEADER);
    text = size > HEADER ? (const char *)data + HEADER : "";
    len = size > HEADER ? size - HEADER : 0;

    FUZZ_CHECK(n_algos > 0 && n_langs > 0, "empty algorithm or language list");
    algo = h[0] % (n_algos + 1);
    if (algo == n_algos) {
        o.algorithm = SUMM_ALGO_DEFAULT;
    } else {
        o.algorithm = summ_algorithm_from_name(algos[algo]);
        FUZZ_CHECK(o.algorithm >= 0, "listed algorithm '%s' has no id", algos[algo]);
    }
    o.flags = h[2] & (SUMM_FLAG_SCORE_ORDER | SUMM_FLAG_LENIENT_UTF8 | SUMM_FLAG_NO_STEMMING |
                      SUMM_FLAG_KEEP_STOPWORDS);
    cfg.flags = ((h[2] >> 4) & 1 ? SUMM_LANG_NO_STEMMING : 0) |
                ((h[2] >> 5) & 1 ? SUMM_LANG_NO_STOPWORDS : 0);
    if (h[2] & 0x40)
        o.max_input_bytes = (size_t)h[9] + 1;
    if (h[3] & 1)
        o.max_sentences = h[4];
    if (h[3] & 2)
        o.ratio = (h[5] + 1) / 256.0;
    if (h[3] & 4)
        o.max_words = h[6];
    if (h[3] & 8)
        o.max_bytes = (size_t)h[7] | (size_t)h[8] << 8;

    o.keyphrase_algorithm = h[5] & 1 ? SUMM_KEYPHRASE_POSITIONRANK : SUMM_KEYPHRASE_DEFAULT;
    o.keyphrase_window = 2 + h[7] % 16;

    rc = summ_lang_new_ex(&lang, langs[h[1] % n_langs], &cfg, NULL);
    FUZZ_CHECK(rc == 0, "summ_lang_new_ex(%s): %d", langs[h[1] % n_langs], rc);
    if (h[2] & 0x80) {
        rc = summ_summarizer_new(&s, lang, NULL, NULL);
        FUZZ_CHECK(rc == 0, "summ_summarizer_new: %d", rc);
        rc = summ_summarizer_set_options(s, &o);
        FUZZ_CHECK(rc == 0, "summ_summarizer_set_options: %d", rc);
    } else {
        rc = summ_summarizer_new(&s, lang, &o, NULL);
        FUZZ_CHECK(rc == 0, "summ_summarizer_new: %d", rc);
    }
    rc = summ_result_new(&r, NULL);
    FUZZ_CHECK(rc == 0, "summ_result_new: %d", rc);
    FUZZ_CHECK(summ_keyphrases_new(&kp, NULL) == 0 && summ_keyphrases_new(&kp2, NULL) == 0,
               "summ_keyphrases_new failed");

    fuzz_units_init(&u, text, len);
    want = expected_status(&u, &o);

    rc = summ_split_sentences(s, text, len, r);
    if (want != SUMM_OK) {
        check_failure(s, r, rc, want, &u, "split");
        check_failure(s, r, summ_summarize(s, text, len, r), want, &u, "summarize");
        check_failure(s, r, summ_score_sentences(s, text, len, r), want, &u, "score");
        rc = summ_extract_keyphrases(s, text, len, h[4], kp);
        FUZZ_CHECK(rc == want && summ_keyphrases_count(kp) == 0,
                   "keyphrases: status %d, expected %d, %zu keyphrases", rc, want,
                   summ_keyphrases_count(kp));
        goto out;
    }
    FUZZ_CHECK(rc == 0, "split: status %d (%s)", rc, summ_summarizer_errmsg(s));
    FUZZ_CHECK(strcmp(summ_result_language(r), summ_lang_code(lang)) == 0,
               "split: result language %s, summarizer language %s", summ_result_language(r),
               summ_lang_code(lang));
    split = copy_spans(r, &n_split);
    fuzz_check_split(&u, split, n_split);
    FUZZ_CHECK(summ_result_sentence_total(r) == n_split, "split: total %zu, count %zu",
               summ_result_sentence_total(r), n_split);

    rc = summ_summarize(s, text, len, r);
    FUZZ_CHECK(rc == 0, "summarize: status %d (%s)", rc, summ_summarizer_errmsg(s));
    FUZZ_CHECK(summ_result_sentence_total(r) == n_split, "summarize: total %zu, split %zu",
               summ_result_sentence_total(r), n_split);
    sum = copy_spans(r, &n_sum);
    fuzz_check_spans(&u, sum, n_sum, (o.flags & SUMM_FLAG_SCORE_ORDER) != 0, "summarize");

    rc = summ_score_sentences(s, text, len, r);
    FUZZ_CHECK(rc == 0, "score: status %d (%s)", rc, summ_summarizer_errmsg(s));
    scored = copy_spans(r, &n_scored);
    FUZZ_CHECK(n_scored == n_split, "score: %zu sentences, split gave %zu", n_scored, n_split);
    for (i = 0; i < n_scored; i++) {
        FUZZ_CHECK(scored[i].start == split[i].start && scored[i].end == split[i].end &&
                       scored[i].sentence == i,
                   "score: sentence %zu differs from the split", i);
        FUZZ_CHECK(isfinite(scored[i].score), "score: sentence %zu scores %g", i,
                   scored[i].score);
    }
    check_summary(sum, n_sum, split, n_split, scored, &o);

    /* The same call again, after the summarizer ran the other modes: the
     * reused scratch state must not change the answer. */
    rc = summ_summarize(s, text, len, r);
    FUZZ_CHECK(rc == 0, "summarize again: status %d", rc);
    sum2 = copy_spans(r, &n_sum2);
    fuzz_check_same(sum, n_sum, sum2, n_sum2, "summarize twice");

    /* Keyphrases: valid, and the same from a fresh result as from one that
     * held the keyphrases of this text already. */
    rc = summ_extract_keyphrases(s, text, len, h[4], kp);
    FUZZ_CHECK(rc == 0, "keyphrases: status %d (%s)", rc, summ_summarizer_errmsg(s));
    FUZZ_CHECK(strcmp(summ_keyphrases_language(kp), summ_result_language(r)) == 0,
               "keyphrases: language %s, summary language %s", summ_keyphrases_language(kp),
               summ_result_language(r));
    fuzz_check_keyphrases(&u, kp, h[4] ? h[4] : SUMM_DEFAULT_KEYPHRASES);
    FUZZ_CHECK(summ_extract_keyphrases(s, text, len, h[4], kp2) == 0 &&
                   summ_extract_keyphrases(s, text, len, h[4], kp) == 0,
               "keyphrases again failed");
    check_same_keyphrases(kp, kp2);

out:
    free(split);
    free(sum);
    free(scored);
    free(sum2);
    fuzz_units_free(&u);
    summ_keyphrases_free(kp);
    summ_keyphrases_free(kp2);
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(lang);
    return 0;
}
