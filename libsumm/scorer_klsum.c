/*
 * KL-Sum (A. Haghighi and L. Vanderwende, "Exploring Content Models for
 * Multi-Document Summarization", NAACL-HLT 2009, section 3). The summary
 * grows greedily by the sentence that most lowers KL(P || Q), P the
 * document's unigram distribution over content terms and Q the summary's,
 * smoothed: Q(t) = (C(t) + KL_DELTA) / (L + KL_DELTA x V) for C(t) counts in
 * the L summary words. Adding sentence x lowers the divergence by
 *     sum_{t in x} P(t) log((C(t) + c_x(t) + d) / (C(t) + d))
 *       - log((L + |x| + dV) / (L + dV)),
 * which needs only x's own terms. The first part only falls as the summary
 * grows and the second is at least its value at L = T, so the two give the
 * upper bound the lazy greedy of greedy.c needs. Picking stops once no
 * sentence lowers the divergence; the rest follow by their bounds. Picks
 * become scores as described in greedy.c.
 *
 * Cost: O(T + S log S) plus one O(|sentence|) evaluation per heap pop;
 * memory O(S + V).
 */
#include "internal.h"

#include <math.h>

#define KL_DELTA 0.1

typedef struct klsum {
    const summ__model *m;
    double *count; /* C(t) in the summary */
    double length; /* L */
    double dv;     /* KL_DELTA x V */
    double total;  /* T */
} klsum;

static void gain(void *ud, uint32_t i, double *exact, double *bound)
{
    const klsum *kl = ud;
    const summ__model *m = kl->m;
    const summ__sentence *s = &m->sents[i];
    double len = (double)(s->term_end - s->term_begin), a = 0.0;
    size_t k;
    for (k = s->bag_begin; k < s->bag_end; k++) {
        uint32_t t = m->bag_term[k];
        double c = kl->count[t];
        a += (double)m->term_tf[t] / kl->total *
             log((c + (double)m->bag_count[k] + KL_DELTA) / (c + KL_DELTA));
    }
    *exact = a - log((kl->length + len + kl->dv) / (kl->length + kl->dv));
    *bound = a - log((kl->total + len + kl->dv) / (kl->total + kl->dv));
}

static void pick(void *ud, uint32_t i)
{
    klsum *kl = ud;
    const summ__sentence *s = &kl->m->sents[i];
    size_t k;
    for (k = s->bag_begin; k < s->bag_end; k++)
        kl->count[kl->m->bag_term[k]] += (double)kl->m->bag_count[k];
    kl->length += (double)(s->term_end - s->term_begin);
}

int summ__score_klsum(const summ__score_ctx *ctx, double *scores)
{
    const summ__model *m = ctx->model;
    klsum kl;
    size_t t;
    int rc;

    if (m->n_terms == 0) { /* no content words: keep document order */
        for (t = 0; t < m->n_sents; t++)
            scores[t] = (double)(m->n_sents - t) / (double)m->n_sents;
        return SUMM_OK;
    }
    kl.m = m;
    kl.count = summ__alloc_array(ctx->alloc, m->n_vocab, sizeof *kl.count);
    if (!kl.count)
        return SUMM_E_NOMEM;
    for (t = 0; t < m->n_vocab; t++)
        kl.count[t] = 0.0;
    kl.length = 0.0;
    kl.dv = KL_DELTA * (double)m->n_vocab;
    kl.total = (double)m->n_terms;
    rc = summ__lazy_greedy(ctx, gain, pick, &kl, true, scores);
    summ__free(ctx->alloc, kl.count, m->n_vocab * sizeof *kl.count);
    return rc;
}
