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
 * grows; the second depends on |x| and L alone. So sentences are grouped by
 * length, each group a max-heap on the first part as last evaluated (an
 * upper bound), and the best sentence is found lazily among the group tops
 * (Minoux's accelerated greedy): the picks are those of the plain greedy
 * loop. As in the paper, the step takes the sentence giving the lowest
 * divergence even when every candidate raises it (a longer summary
 * dilutes Q). Picking goes on while the summary can still use sentences:
 * up to the options' sentence limit, or twice their word or byte budget;
 * the rest follow by their bounds (summ_score_sentences therefore ranks
 * beyond the budget only roughly). The k-th pick (from 0) scores (S - k) / S,
 * as in greedy.c.
 *
 * As in greedy.c, at most SUMM__GREEDY_MAX_EVALUATIONS candidates are
 * re-evaluated per pick.
 *
 * Cost: O(T) to start, then per pick O(G) for G distinct sentence lengths
 * plus O(|sentence| + log S) per re-evaluated candidate and O(log S) to take
 * the pick out of its group (the heaps keep a position index); memory
 * O(S + V + largest tf) (logarithms come from a table).
 */
#include "scorer.h"

#include <math.h>

#include "alloc.h"
#include "greedy.h"
#include "heap.h"
#include "model.h"
#include "select.h"

#define KL_DELTA 1.0 /* add-one (Laplace) smoothing */

/* Sentences grouped by content length: within a group the length term of
 * the gain is the same, so a max-heap on the first part (which only falls)
 * orders the group, and the best candidate overall is among the group
 * tops, each bounded exactly for the current summary length. */
typedef struct group {
    summ__heap h; /* keyed by klsum.a, in the shared idx and pos arrays */
    double len;
    double cost; /* the length term for the current summary length */
} group;

typedef struct klsum {
    const summ__model *m;
    double *lg;    /* lg[c] = log(c + KL_DELTA) for counts up to the largest tf */
    uint32_t *count; /* C(t) in the summary */
    double *a;     /* per sentence: first part of the gain when last evaluated */
    double length; /* L */
    double dv;     /* KL_DELTA x V */
    double total;  /* T */
} klsum;

/* The first part of the gain of adding sentence i now. */
static double coverage(const klsum *kl, uint32_t i)
{
    const summ__model *m = kl->m;
    const summ__sentence *s = &m->sents[i];
    double a = 0.0;
    size_t k;
    for (k = s->bag_begin; k < s->bag_end; k++) {
        uint32_t t = m->bag_term[k];
        uint32_t c = kl->count[t]; /* at most tf(t) - bag_count, so in the table */
        a += (double)m->term_tf[t] / kl->total * (kl->lg[c + m->bag_count[k]] - kl->lg[c]);
    }
    return a;
}

static double length_cost(const klsum *kl, double len)
{
    return log((kl->length + len + kl->dv) / (kl->length + kl->dv));
}

/* The group whose top has the largest gain bound (ties: lower index), or
 * SIZE_MAX when all are empty. */
static size_t best_group(const klsum *kl, const group *g, size_t n_groups, double *bound)
{
    size_t b, best = SIZE_MAX;
    double best_v = 0.0;
    for (b = 0; b < n_groups; b++) {
        double v;
        if (g[b].h.n == 0)
            continue;
        v = kl->a[g[b].h.idx[0]] - g[b].cost;
        if (best == SIZE_MAX || v > best_v ||
            (v == best_v && g[b].h.idx[0] < g[best].h.idx[0])) {
            best = b;
            best_v = v;
        }
    }
    *bound = best_v;
    return best;
}

static void pick(klsum *kl, uint32_t i)
{
    const summ__sentence *s = &kl->m->sents[i];
    size_t k;
    for (k = s->bag_begin; k < s->bag_end; k++)
        kl->count[kl->m->bag_term[k]] += kl->m->bag_count[k];
    kl->length += (double)(s->term_end - s->term_begin);
}

int summ__score_klsum(const summ__score_ctx *ctx, double *scores)
{
    const summ__model *m = ctx->model;
    size_t n = m->n_sents, v = m->n_vocab, i, n_groups = 0, max_len = 0, rank = 0, b;
    size_t limit = summ__sentence_limit(ctx->opts, n), max_tf = 0;
    uint64_t words = 0, bytes = 0;
    size_t *group_of_len = NULL;
    uint32_t *idx = NULL, *pos = NULL;
    group *groups = NULL;
    klsum kl;
    int rc = SUMM_OK;

    if (m->n_terms == 0) { /* no content words: keep document order */
        for (i = 0; i < n; i++)
            scores[i] = (double)(n - i) / (double)n;
        return SUMM_OK;
    }
    for (i = 0; i < n; i++)
        if (m->sents[i].term_end - m->sents[i].term_begin > max_len)
            max_len = m->sents[i].term_end - m->sents[i].term_begin;
    for (i = 0; i < v; i++)
        if (m->term_tf[i] > max_tf)
            max_tf = m->term_tf[i];
    kl.m = m;
    kl.lg = summ__alloc_array(ctx->alloc, max_tf + 1, sizeof *kl.lg);
    kl.count = summ__alloc_array(ctx->alloc, v, sizeof *kl.count);
    kl.a = summ__alloc_array(ctx->alloc, n, sizeof *kl.a);
    idx = summ__alloc_array(ctx->alloc, n, sizeof *idx);
    pos = summ__alloc_array(ctx->alloc, n, sizeof *pos);
    group_of_len = summ__alloc_array(ctx->alloc, max_len + 1, sizeof *group_of_len);
    if (!kl.lg || !kl.count || !kl.a || !idx || !pos || !group_of_len) {
        rc = SUMM_E_NOMEM;
        goto out;
    }
    for (i = 0; i <= max_tf; i++)
        kl.lg[i] = log((double)i + KL_DELTA);
    for (i = 0; i < v; i++)
        kl.count[i] = 0;
    kl.length = 0.0;
    kl.dv = KL_DELTA * (double)v;
    kl.total = (double)m->n_terms;

    /* Groups by length, laid out contiguously in idx (counting sort). */
    for (i = 0; i <= max_len; i++)
        group_of_len[i] = 0;
    for (i = 0; i < n; i++)
        group_of_len[m->sents[i].term_end - m->sents[i].term_begin]++;
    for (i = 0; i <= max_len; i++)
        if (group_of_len[i])
            n_groups++;
    groups = summ__alloc_array(ctx->alloc, n_groups, sizeof *groups);
    if (!groups) {
        rc = SUMM_E_NOMEM;
        goto out;
    }
    {
        size_t g = 0, start = 0;
        for (i = 0; i <= max_len; i++) {
            size_t count = group_of_len[i];
            if (!count) {
                group_of_len[i] = SIZE_MAX;
                continue;
            }
            groups[g].h.idx = idx + start;
            groups[g].h.key = kl.a;
            groups[g].h.pos = pos;
            groups[g].h.n = 0;
            groups[g].len = (double)i;
            group_of_len[i] = g++;
            start += count;
        }
    }
    for (i = 0; i < n; i++) {
        group *g = &groups[group_of_len[m->sents[i].term_end - m->sents[i].term_begin]];
        kl.a[i] = coverage(&kl, (uint32_t)i);
        g->h.idx[g->h.n++] = (uint32_t)i;
    }
    for (b = 0; b < n_groups; b++)
        summ__heap_build(&groups[b].h);

    for (;;) {
        /* Re-evaluate group tops until the best current gain is at least
         * every group's bound; an evaluated top's bound is exact until
         * the next pick. */
        double best_gain = 0.0, bound;
        uint32_t best = UINT32_MAX;
        size_t evaluated = 0;
        for (b = 0; b < n_groups; b++)
            groups[b].cost = length_cost(&kl, groups[b].len);
        for (;;) {
            size_t gb = best_group(&kl, groups, n_groups, &bound);
            uint32_t top;
            double gain;
            if (gb == SIZE_MAX || (best != UINT32_MAX && best_gain >= bound))
                break;
            if (evaluated++ >= SUMM__GREEDY_MAX_EVALUATIONS)
                break; /* see greedy.c: the best of those seen */
            top = groups[gb].h.idx[0];
            kl.a[top] = coverage(&kl, top);
            gain = kl.a[top] - groups[gb].cost;
            if (best == UINT32_MAX || gain > best_gain || (gain == best_gain && top < best)) {
                best = top;
                best_gain = gain;
            }
            summ__heap_sift_down(&groups[gb].h, 0);
            if (gain == bound && top == best)
                break; /* its exact gain is the largest bound */
        }
        if (best == UINT32_MAX)
            break;
        /* Past the budget (twice over for words and bytes, which the
         * selector may fill with later sentences), the order no longer
         * matters to a summary: the rest follow by their bounds. */
        if (rank >= limit || (ctx->opts->max_words && words >= 2 * (uint64_t)ctx->opts->max_words) ||
            (ctx->opts->max_bytes && bytes >= 2 * (uint64_t)ctx->opts->max_bytes))
            break;
        words += m->sents[best].n_words;
        bytes += m->sents[best].end - m->sents[best].start;
        /* Take best out of its group. It need not be the top (re-evaluated
         * tops sink, and among tied sentences it can sink far): the
         * position index finds it. */
        {
            group *g = &groups[group_of_len[m->sents[best].term_end - m->sents[best].term_begin]];
            summ__heap_remove(&g->h, best);
        }
        scores[best] = (double)(n - rank) / (double)n;
        rank++;
        pick(&kl, best);
    }
    for (b = 0; b < n_groups; b++)
        groups[b].cost = length_cost(&kl, groups[b].len);
    for (;;) {
        double bound;
        size_t gb = best_group(&kl, groups, n_groups, &bound);
        group *g;
        if (gb == SIZE_MAX)
            break;
        g = &groups[gb];
        scores[summ__heap_pop(&g->h)] = (double)(n - rank) / (double)n;
        rank++;
    }
out:
    summ__free(ctx->alloc, kl.lg, (max_tf + 1) * sizeof *kl.lg);
    summ__free(ctx->alloc, kl.count, v * sizeof *kl.count);
    summ__free(ctx->alloc, kl.a, n * sizeof *kl.a);
    summ__free(ctx->alloc, idx, n * sizeof *idx);
    summ__free(ctx->alloc, pos, n * sizeof *pos);
    summ__free(ctx->alloc, group_of_len, (max_len + 1) * sizeof *group_of_len);
    summ__free(ctx->alloc, groups, n_groups * sizeof *groups);
    return rc;
}
