/*
 * SumBasic (A. Nenkova and L. Vanderwende, "The Impact of Frequency on
 * Summarization", Microsoft Research MSR-TR-2005-101, 2005). Each term has
 * the probability p(t) = tf(t) / T of the document's content words; a
 * sentence weighs the mean p of its content words. The heaviest sentence is
 * picked, the probability of each of its terms is squared (the update that
 * lowers redundancy), and so on until every sentence is picked. As in common
 * implementations, the pick is the heaviest sentence overall rather than the
 * heaviest one containing the most probable word; this keeps weights
 * monotone so the lazy greedy of greedy.c applies. Picks become scores as
 * described there. A sentence without content words weighs 0.
 *
 * Cost: O(T + S log S) plus one O(|sentence|) re-evaluation per heap pop;
 * memory O(S + V).
 */
#include "scorer.h"

#include "alloc.h"
#include "greedy.h"
#include "model.h"

typedef struct sumbasic {
    const summ__model *m;
    double *p;
} sumbasic;

static void gain(void *ud, uint32_t i, double *exact, double *bound)
{
    const sumbasic *sb = ud;
    const summ__sentence *s = &sb->m->sents[i];
    size_t k, n = s->term_end - s->term_begin;
    double sum = 0.0;
    for (k = s->bag_begin; k < s->bag_end; k++)
        sum += (double)sb->m->bag_count[k] * sb->p[sb->m->bag_term[k]];
    *exact = *bound = n ? sum / (double)n : 0.0;
}

static void pick(void *ud, uint32_t i)
{
    sumbasic *sb = ud;
    const summ__sentence *s = &sb->m->sents[i];
    size_t k;
    for (k = s->bag_begin; k < s->bag_end; k++) {
        double *p = &sb->p[sb->m->bag_term[k]];
        *p *= *p;
    }
}

int summ__score_sumbasic(const summ__score_ctx *ctx, double *scores)
{
    const summ__model *m = ctx->model;
    sumbasic sb;
    size_t t;
    int rc;

    sb.m = m;
    sb.p = summ__alloc_array(ctx->alloc, m->n_vocab, sizeof *sb.p);
    if (!sb.p)
        return SUMM_E_NOMEM;
    for (t = 0; t < m->n_vocab; t++)
        sb.p[t] = (double)m->term_tf[t] / (double)m->n_terms;
    rc = summ__lazy_greedy(ctx, gain, pick, &sb, false, scores);
    summ__free(ctx->alloc, sb.p, m->n_vocab * sizeof *sb.p);
    return rc;
}
