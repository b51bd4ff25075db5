/*
 * Centroid (D. R. Radev, H. Jing, M. Styś and D. Tam, "Centroid-based
 * summarization of multiple documents", Information Processing and
 * Management 40, 2004; the MEAD system). The centroid is the document's
 * tf-idf vector restricted to its topical words: c(t) = tf(t) x
 * log(1 + S / sf(t)) for terms seen at least twice (a word seen once
 * describes its sentence, not the document). A sentence scores the cosine
 * between its own tf-idf vector and the centroid, so long sentences do not
 * win by length alone (MEAD's raw sum of centroid values would).
 *
 * Cost: O(T + V) time, O(V) memory.
 */
#include "scorer.h"

#include <math.h>

#include "alloc.h"
#include "model.h"

int summ__score_centroid(const summ__score_ctx *ctx, double *scores)
{
    const summ__model *m = ctx->model;
    size_t n = m->n_sents, v = m->n_vocab, i, k;
    double *idf, centroid_norm = 0.0;

    idf = summ__alloc_array(ctx->alloc, v, sizeof *idf);
    if (!idf)
        return SUMM_E_NOMEM;
    for (k = 0; k < v; k++) {
        double c;
        idf[k] = log(1.0 + (double)n / (double)m->term_sf[k]);
        c = m->term_tf[k] >= 2 ? (double)m->term_tf[k] * idf[k] : 0.0;
        centroid_norm += c * c;
    }
    centroid_norm = sqrt(centroid_norm);
    for (i = 0; i < n; i++) {
        double dot = 0.0, norm = 0.0;
        for (k = m->sents[i].bag_begin; k < m->sents[i].bag_end; k++) {
            uint32_t t = m->bag_term[k];
            double x = (double)m->bag_count[k] * idf[t];
            double c = m->term_tf[t] >= 2 ? (double)m->term_tf[t] * idf[t] : 0.0;
            dot += x * c;
            norm += x * x;
        }
        scores[i] = norm > 0.0 && centroid_norm > 0.0 ? dot / (sqrt(norm) * centroid_norm) : 0.0;
    }
    summ__free(ctx->alloc, idf, v * sizeof *idf);
    return SUMM_OK;
}
