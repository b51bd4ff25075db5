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
#include "internal.h"

#include <math.h>

int summ__score_tfidf(const summ__score_ctx *ctx, double *scores)
{
    const summ__model *m = ctx->model;
    size_t i, j;
    double n_sents = (double)m->n_sents;

    for (i = 0; i < m->n_sents; i++) {
        const summ__sentence *s = &m->sents[i];
        double sum = 0.0;
        size_t n_terms = s->term_end - s->term_begin;
        for (j = s->bag_begin; j < s->bag_end; j++) {
            uint32_t t = m->bag_term[j];
            double w = (double)m->term_tf[t] * log(1.0 + n_sents / (double)m->term_sf[t]);
            sum += (double)m->bag_count[j] * w;
        }
        scores[i] = n_terms ? sum / sqrt((double)n_terms) : 0.0;
    }
    return SUMM_OK;
}
