/*
 * TF-IDF: a sentence is as salient as the terms it contains are frequent in
 * the document and specific to few of its sentences. Each term t gets
 *     w(t) = tf(t) * log(1 + S / sf(t))
 * (tf = occurrences in the document, sf = sentences containing it, S =
 * sentences), and a sentence scores the sum of w over its term occurrences
 * divided by sqrt(its content-word count): long sentences gain from more
 * terms, but less than linearly, so neither fragments nor run-ons dominate.
 * O(T) for T term occurrences.
 */
#include "scorer.h"

#include <math.h>

#include "alloc.h"
#include "model.h"

int summ__score_tfidf(const summ__score_ctx *ctx, double *scores)
{
    const summ__model *m = ctx->model;
    size_t i, j;
    double n_sents = (double)m->n_sents;
    /* w per term, once: a log per term rather than per sentence it is in. */
    double *w = summ__alloc_array(ctx->alloc, m->n_vocab ? m->n_vocab : 1, sizeof *w);

    /* idf by sentence frequency, for the small ones that nearly every term
     * has (0: not computed yet; every idf is at least log 2): a text's
     * terms share a few dozen distinct sf values, and a log costs more than
     * the rest of this function per term. */
    double idf_of_sf[64] = {0.0};

    if (!w)
        return SUMM_E_NOMEM;
    for (i = 0; i < m->n_vocab; i++) {
        uint32_t sf = m->term_sf[i];
        double idf;
        if (sf < 64) {
            if (idf_of_sf[sf] == 0.0)
                idf_of_sf[sf] = log(1.0 + n_sents / (double)sf);
            idf = idf_of_sf[sf];
        } else {
            idf = log(1.0 + n_sents / (double)sf);
        }
        w[i] = (double)m->term_tf[i] * idf;
    }
    for (i = 0; i < m->n_sents; i++) {
        const summ__sentence *s = &m->sents[i];
        double sum = 0.0;
        size_t n_terms = s->term_end - s->term_begin;
        for (j = s->bag_begin; j < s->bag_end; j++)
            sum += (double)m->bag_count[j] * w[m->bag_term[j]];
        scores[i] = n_terms ? sum / sqrt((double)n_terms) : 0.0;
    }
    summ__free(ctx->alloc, w, (m->n_vocab ? m->n_vocab : 1) * sizeof *w);
    return SUMM_OK;
}
