/*
 * Fuzz target: ROUGE scoring (summ_rouge_score) with every metric and
 * tokenizer, with and without stemming, against one to four references.
 *
 * Input layout:
 *   0    metric: 1 + byte % 3 (ROUGE-N, ROUGE-L, ROUGE-Lsum)
 *   1    N = 1 + byte % 4
 *   2    bit 0 Unicode tokenizer; bits 1-2 stemmer: none, porter, english, german
 *   3    stem_min_length = byte % 8; bits 3-4: columns the ROUGE-Lsum traceback
 *        keeps at once (the default, or 1, 2 or 5 words, so that its
 *        checkpoints nest deeply); bits 5-6: max_lsum_pairs (default, 1, 16
 *        or 256 token pairs)
 *   4-   the candidate and the references, separated by 0xFF bytes (which
 *        never occur in UTF-8); at most four references are used
 *
 * Oracle: the status is 0 exactly when every text is UTF-8 (unless a
 * reference before the first invalid text is over ROUGE-Lsum's limit);
 * scores lie in [0, 1] and F1 is the harmonic mean; a text scored against
 * itself gets F1 0 or 1 (ROUGE-N and ROUGE-L); ROUGE-N and ROUGE-L are
 * symmetric (the precision of a against b is the recall of b against a);
 * the reported reference is the first with the best F1, scoring exactly as
 * it does alone; and the same call twice gives the same answer. ROUGE-Lsum with a small
 * leaf or a limit scores exactly as a default scorer does, and is refused
 * only over its limit, with the counts in the message.
 */
#include "fuzz_oracle.h"

#include "rouge_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define HEADER 4
#define MAX_REFS 4

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The index of the first text that is not UTF-8, or n. */
static size_t first_invalid(const char *const *t, const size_t *len, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        fuzz_units u;
        bool ok;
        fuzz_units_init(&u, t[i], len[i]);
        ok = u.first_bad == u.len;
        fuzz_units_free(&u);
        if (!ok)
            return i;
    }
    return n;
}

static void check_scores(const summ_rouge_result *r, size_t n_refs, const char *what)
{
    FUZZ_CHECK(r->precision >= 0.0 && r->precision <= 1.0 && r->recall >= 0.0 &&
                   r->recall <= 1.0 && r->f1 >= 0.0 && r->f1 <= 1.0,
               "%s: scores out of [0, 1]: P %.17g R %.17g F %.17g", what, r->precision,
               r->recall, r->f1);
    FUZZ_CHECK(r->reference < n_refs, "%s: reference %zu of %zu", what, r->reference, n_refs);
    if (r->precision + r->recall == 0.0) {
        FUZZ_CHECK(r->f1 == 0.0, "%s: F1 %.17g with P = R = 0", what, r->f1);
    } else {
        double f = 2.0 * r->precision * r->recall / (r->precision + r->recall);
        FUZZ_CHECK(fabs(f - r->f1) <= 1e-12, "%s: F1 %.17g, harmonic mean %.17g", what, r->f1,
                   f);
    }
}

static bool same_result(const summ_rouge_result *a, const summ_rouge_result *b)
{
    return memcmp(&a->precision, &b->precision, sizeof a->precision) == 0 &&
           memcmp(&a->recall, &b->recall, sizeof a->recall) == 0 &&
           memcmp(&a->f1, &b->f1, sizeof a->f1) == 0 && a->reference == b->reference;
}

/* A refusal of ROUGE-Lsum over its limit: the message gives the counts.
 * Texts are checked in order, so it names a reference before the first text
 * that is not UTF-8 (first_bad, counting the candidate as 0). */
static void check_too_large(const summ_rouge *r, int metric, size_t first_bad, const char *what)
{
    const char *e = summ_rouge_errmsg(r);
    size_t k, nc, nf;
    uint64_t limit = r->opts.max_lsum_pairs;
    FUZZ_CHECK(metric == SUMM_ROUGE_LSUM, "%s: too large for metric %d: %s", what, metric, e);
    FUZZ_CHECK(sscanf(e, "reference %zu: ROUGE-Lsum of %zu candidate x %zu reference", &k, &nc,
                      &nf) == 3,
               "%s: message '%s'", what, e);
    FUZZ_CHECK(k + 1 < first_bad && (uint64_t)nc * nf > limit,
               "%s: refused %zu x %zu tokens at a limit of %llu", what, nc, nf,
               (unsigned long long)limit);
}

/* Scores and checks the status against UTF-8 validity and ROUGE-Lsum's
 * limit; returns the status. */
static int score(summ_rouge *r, int metric, unsigned n, const char *cand, size_t cand_len,
                 const char *const *refs, const size_t *ref_lens, size_t n_refs,
                 summ_rouge_result *out, const char *what)
{
    const char *texts[MAX_REFS + 1];
    size_t lens[MAX_REFS + 1], i, bad;
    int rc = summ_rouge_score(r, metric, n, cand, cand_len, refs, ref_lens, n_refs, out);
    texts[0] = cand;
    lens[0] = cand_len;
    for (i = 0; i < n_refs; i++) {
        texts[i + 1] = refs[i];
        lens[i + 1] = ref_lens[i];
    }
    bad = first_invalid(texts, lens, n_refs + 1);
    if (rc == SUMM_E_TOO_LARGE) {
        check_too_large(r, metric, bad, what);
        FUZZ_CHECK(out->f1 == 0.0 && out->precision == 0.0,
                   "%s: failed but the result is not zeroed", what);
        return rc;
    }
    if (bad > n_refs) {
        FUZZ_CHECK(rc == 0, "%s: status %d (%s)", what, rc, summ_rouge_errmsg(r));
        check_scores(out, n_refs, what);
    } else {
        FUZZ_CHECK(rc == SUMM_E_INVALID_UTF8, "%s: status %d on invalid UTF-8", what, rc);
        FUZZ_CHECK(out->precision == 0.0 && out->recall == 0.0 && out->f1 == 0.0,
                   "%s: failed but the result is not zeroed", what);
        FUZZ_CHECK(summ_rouge_errmsg(r)[0] != '\0', "%s: failed without a message", what);
    }
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const stemmers[] = { NULL, "porter", "english", "german" };
    static const size_t leaves[] = { SUMM__ROUGE_LEAF_WORDS, 1, 2, 5 };
    static const uint64_t limits[] = { 0, 1, 16, 256 };
    uint8_t h[HEADER] = { 0 };
    const char *texts[MAX_REFS + 1];
    size_t lens[MAX_REFS + 1], n_texts = 0, pos, start, i;
    summ_rouge_options o = SUMM_ROUGE_OPTIONS_INIT;
    summ_rouge *r = NULL;
    summ_rouge_result best, again, alone, swapped;
    int metric, rc;
    unsigned n;

    memcpy(h, data, size < HEADER ? size : HEADER);
    metric = 1 + h[0] % 3;
    n = 1u + h[1] % 4u;
    o.tokenizer = h[2] & 1 ? SUMM_ROUGE_TOKENIZER_UNICODE : SUMM_ROUGE_TOKENIZER_ASCII;
    o.stemmer = stemmers[(h[2] >> 1) & 3];
    o.stem_min_length = h[3] % 8u;
    o.max_lsum_pairs = limits[(h[3] >> 5) & 3];

    /* Cut the rest at 0xFF bytes: candidate first, then the references. */
    start = pos = size < HEADER ? size : HEADER;
    for (; pos <= size && n_texts < MAX_REFS + 1; pos++) {
        if (pos == size || data[pos] == 0xFF) {
            texts[n_texts] = (const char *)data + start;
            lens[n_texts] = pos - start;
            n_texts++;
            start = pos + 1;
        }
    }
    if (n_texts < 2) {
        texts[1] = texts[0];
        lens[1] = lens[0];
        n_texts = 2;
    }

    rc = summ_rouge_new(&r, &o, NULL);
    FUZZ_CHECK(rc == 0, "summ_rouge_new: %d", rc);
    r->lcs_leaf_words = leaves[(h[3] >> 3) & 3];

    rc = score(r, metric, n, texts[0], lens[0], texts + 1, lens + 1, n_texts - 1, &best,
               "score");
    if (rc == 0) {
        score(r, metric, n, texts[0], lens[0], texts + 1, lens + 1, n_texts - 1, &again,
              "score again");
        FUZZ_CHECK(same_result(&best, &again), "the same call gave two answers");

        /* The reported reference is the first with the best F1, and scores
         * exactly as it does alone. */
        for (i = 1; i < n_texts; i++) {
            score(r, metric, n, texts[0], lens[0], texts + i, lens + i, 1, &alone,
                  "one reference");
            if (i - 1 < best.reference)
                FUZZ_CHECK(alone.f1 < best.f1, "reference %zu has F1 %.17g, reported %zu has %.17g",
                           i - 1, alone.f1, best.reference, best.f1);
            else if (i - 1 == best.reference)
                FUZZ_CHECK(memcmp(&alone.f1, &best.f1, sizeof alone.f1) == 0 &&
                               memcmp(&alone.precision, &best.precision, sizeof alone.f1) == 0 &&
                               memcmp(&alone.recall, &best.recall, sizeof alone.f1) == 0,
                           "reference %zu alone scores differently", i - 1);
            else
                FUZZ_CHECK(alone.f1 <= best.f1, "reference %zu has F1 %.17g over the best %.17g",
                           i - 1, alone.f1, best.f1);
        }

        if (metric == SUMM_ROUGE_LSUM &&
            (r->lcs_leaf_words != SUMM__ROUGE_LEAF_WORDS || o.max_lsum_pairs != 0)) {
            /* Neither the leaf nor the limit changes a score. */
            summ_rouge *plain = NULL;
            o.max_lsum_pairs = 0;
            FUZZ_CHECK(summ_rouge_new(&plain, &o, NULL) == 0, "summ_rouge_new");
            score(plain, metric, n, texts[0], lens[0], texts + 1, lens + 1, n_texts - 1, &again,
                  "default scorer");
            FUZZ_CHECK(same_result(&best, &again),
                       "leaf %zu, limit %llu: P %.17g R %.17g; default P %.17g R %.17g",
                       r->lcs_leaf_words, (unsigned long long)limits[(h[3] >> 5) & 3],
                       best.precision, best.recall, again.precision, again.recall);
            summ_rouge_free(plain);
        }

        if (metric != SUMM_ROUGE_LSUM) {
            /* Symmetry: swapping candidate and reference swaps P and R. */
            score(r, metric, n, texts[1], lens[1], texts, lens, 1, &swapped, "swapped");
            score(r, metric, n, texts[0], lens[0], texts + 1, lens + 1, 1, &alone, "forward");
            FUZZ_CHECK(fabs(swapped.precision - alone.recall) <= 1e-12 &&
                           fabs(swapped.recall - alone.precision) <= 1e-12,
                       "not symmetric: P %.17g R %.17g, swapped P %.17g R %.17g",
                       alone.precision, alone.recall, swapped.precision, swapped.recall);
            /* A text against itself. */
            score(r, metric, n, texts[0], lens[0], texts, lens, 1, &alone, "itself");
            FUZZ_CHECK(alone.f1 == 0.0 || fabs(alone.f1 - 1.0) <= 1e-12,
                       "a text against itself has F1 %.17g", alone.f1);
        }
    }
    summ_rouge_free(r);
    return 0;
}
