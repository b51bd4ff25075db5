/*
 * Edmundson (H. P. Edmundson, "New Methods in Automatic Extracting", Journal
 * of the ACM 16(2), 1969). A sentence scores the sum of four methods, each
 * divided by its largest absolute value over the document so that they weigh
 * alike (the paper's weights are all 1 here):
 *  - cue: occurrences of bonus words minus occurrences of stigma words, from
 *    the caller's opts->cue_words and opts->stigma_words (0 without lists);
 *    the words are folded and stemmed like the text, and a word on the
 *    stopword list never matches;
 *  - key: the sum, over the sentence's occurrences of key words, of their
 *    document frequency; key words are the frequent content words (tf at
 *    least 2 and at least the mean term frequency, as in scorer_luhn.c);
 *  - title: distinct terms shared with the first sentence, which stands for
 *    the title since libsumm gets the text alone (the first sentence itself
 *    scores 0 here and is favoured by location);
 *  - location: 1 for the sentences in the first tenth of the text (at least
 *    the first sentence), 0 elsewhere.
 *
 * Cost: O(T + V + cue and stigma words) time, O(V) memory.
 */
#include "scorer.h"

#include <math.h>
#include <string.h>

#include "alloc.h"
#include "model.h"
#include "text.h"

/* The term id of a caller's word in this document, or SUMM__NO_TERM. */
static int lookup(const summ__score_ctx *ctx, const char *word, uint32_t *id)
{
    int rc;
    *id = SUMM__NO_TERM;
    if ((rc = summ__fold(word, strlen(word), ctx->fold)) < 0)
        return rc;
    if (ctx->fold->len == 0)
        return SUMM_OK;
    return summ__model_term_of(ctx->model, ctx->lexicon, ctx->fold->bytes, ctx->fold->len, id);
}

static int mark_words(const summ__score_ctx *ctx, const char *const *words, size_t n,
                      signed char value, signed char *cue)
{
    size_t i;
    int rc;
    for (i = 0; i < n; i++) {
        uint32_t id;
        if ((rc = lookup(ctx, words[i], &id)) < 0)
            return rc;
        if (id != SUMM__NO_TERM)
            cue[id] = value;
    }
    return SUMM_OK;
}

static void normalise_add(double *scores, const double *part, size_t n)
{
    double max = 0.0;
    size_t i;
    for (i = 0; i < n; i++)
        if (fabs(part[i]) > max)
            max = fabs(part[i]);
    if (max > 0.0)
        for (i = 0; i < n; i++)
            scores[i] += part[i] / max;
}

int summ__score_edmundson(const summ__score_ctx *ctx, double *scores)
{
    const summ__model *m = ctx->model;
    size_t n = m->n_sents, v = m->n_vocab, i, k, j, first_tenth;
    double cutoff = v ? (double)m->n_terms / (double)v : 0.0;
    signed char *cue;
    double *part;
    int rc;

    cue = summ__alloc_array(ctx->alloc, v + 1, sizeof *cue);
    part = summ__alloc_array(ctx->alloc, n, sizeof *part);
    if (!cue || !part) {
        rc = SUMM_E_NOMEM;
        goto out;
    }
    if (cutoff < 2.0)
        cutoff = 2.0;
    memset(cue, 0, v + 1);
    /* Stigma last: a word on both lists counts as stigma. */
    if ((rc = mark_words(ctx, ctx->opts->cue_words, ctx->opts->n_cue_words, 1, cue)) < 0)
        goto out;
    if ((rc = mark_words(ctx, ctx->opts->stigma_words, ctx->opts->n_stigma_words, -1, cue)) < 0)
        goto out;
    for (i = 0; i < n; i++)
        scores[i] = 0.0;

    for (i = 0; i < n; i++) { /* cue */
        double c = 0.0;
        for (k = m->sents[i].bag_begin; k < m->sents[i].bag_end; k++)
            c += (double)cue[m->bag_term[k]] * (double)m->bag_count[k];
        part[i] = c;
    }
    normalise_add(scores, part, n);

    for (i = 0; i < n; i++) { /* key */
        double c = 0.0;
        for (k = m->sents[i].bag_begin; k < m->sents[i].bag_end; k++) {
            double tf = (double)m->term_tf[m->bag_term[k]];
            if (tf >= cutoff)
                c += tf * (double)m->bag_count[k];
        }
        part[i] = c;
    }
    normalise_add(scores, part, n);

    /* title: the first sentence's bag is sorted, so a merge counts shared
     * terms. */
    part[0] = 0.0;
    for (i = 1; i < n; i++) {
        size_t a = m->sents[0].bag_begin, b = m->sents[i].bag_begin, shared = 0;
        while (a < m->sents[0].bag_end && b < m->sents[i].bag_end) {
            if (m->bag_term[a] == m->bag_term[b]) {
                shared++;
                a++;
                b++;
            } else if (m->bag_term[a] < m->bag_term[b]) {
                a++;
            } else {
                b++;
            }
        }
        part[i] = (double)shared;
    }
    normalise_add(scores, part, n);

    first_tenth = (n + 9) / 10;
    for (j = 0; j < n; j++) /* location */
        scores[j] += j < first_tenth ? 1.0 : 0.0;
    rc = SUMM_OK;
out:
    summ__free(ctx->alloc, cue, v + 1);
    summ__free(ctx->alloc, part, n * sizeof *part);
    return rc;
}
