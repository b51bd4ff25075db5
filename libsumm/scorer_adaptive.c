/*
 * Adaptive centrality: textrank mixed with pacsum by evidence the text
 * carries about itself. Undirected centrality (textrank) is right
 * for a text whose summary is its most repeated content wherever it sits;
 * directed centrality (pacsum) for a text that opens with its gist, as news
 * does. Two things tell them apart, and both are read from the text and the
 * request, never from what kind of text it claims to be:
 *
 *   share  the budget as a share of the text. A summary of 3 sentences out
 *          of 30 of a story is its lede; a summary of 40 % is not.
 *   rho    the Pearson correlation of 1/sqrt(1 + i) with sentence i's
 *          centrality (the sum of its word-overlap similarities). An opening
 *          that is central to what follows gives rho > 0; in a bag of
 *          unrelated reviews position says nothing and rho is near 0. Its
 *          noise shrinks as 1/sqrt(S), so the evidence counts in those units.
 *
 *     lede weight a = sigma(SHARE_SLOPE x (SHARE_MID - share))
 *                   x sigma(EVIDENCE_SLOPE x (rho - RHO_MIN) x sqrt(S))
 *     score(i) = (1 - a) x minmax(textrank)(i) + a x minmax(pacsum)(i)
 *
 * SHARE_MID and RHO_MIN were fitted leave-one-set-out on the seven
 * evaluation sets, the slopes fixed beforehand (docs/ALGORITHMS.md gives
 * the folds). A weight within SNAP of 0 or 1 is taken as 0 or 1, so the
 * unused half is not computed and the scores are exactly textrank's or
 * pacsum's. The lede_weight option replaces a (SUMM_OFF: 0).
 *
 * Cost: the textrank graph, O(T x min(sf, W)) and O(S x k) memory
 * (graph.c), then PageRank when a < 1 and pacsum's cosine graph when a > 0,
 * built after the first is freed; O(S) for the evidence.
 */
#include "scorer.h"

#include <math.h>

#include "alloc.h"
#include "graph.h"
#include "select.h"
#include "similarity.h"

#define SHARE_MID 0.32
#define SHARE_SLOPE 40.0
#define RHO_MIN 0.08
#define EVIDENCE_SLOPE 4.0
#define SNAP 0.01

static double sigmoid(double x)
{
    return 1.0 / (1.0 + exp(-x));
}

/* The budget as a share of the text: the smallest of the sentence, word
 * and byte shares that the options set (ratio 0.2 when none is). */
static double summary_share(const summ__model *m, const summ_options *o)
{
    size_t n = m->n_sents, i;
    double share = (double)summ__sentence_limit(o, n) / (double)n;
    if (o->max_words || o->max_bytes) {
        double words = 0.0, bytes = 0.0;
        for (i = 0; i < n; i++) {
            words += m->sents[i].n_words;
            bytes += (double)(m->sents[i].end - m->sents[i].start);
        }
        if (o->max_words && words > 0.0 && o->max_words / words < share)
            share = o->max_words / words;
        if (o->max_bytes && bytes > 0.0 && (double)o->max_bytes / bytes < share)
            share = (double)o->max_bytes / bytes;
    }
    return share < 1.0 ? share : 1.0;
}

/* Pearson correlation of 1/sqrt(1 + i) with centrality[i]; 0 when either
 * is constant. */
static double position_centrality(const double *centrality, size_t n)
{
    double mp = 0.0, mc = 0.0, cov = 0.0, vp = 0.0, vc = 0.0;
    size_t i;
    for (i = 0; i < n; i++) {
        mp += 1.0 / sqrt(1.0 + (double)i);
        mc += centrality[i];
    }
    mp /= (double)n;
    mc /= (double)n;
    for (i = 0; i < n; i++) {
        double dp = 1.0 / sqrt(1.0 + (double)i) - mp, dc = centrality[i] - mc;
        cov += dp * dc;
        vp += dp * dp;
        vc += dc * dc;
    }
    if (vp <= 0.0 || vc <= 0.0)
        return 0.0;
    return cov / sqrt(vp * vc);
}

static void minmax(double *x, size_t n)
{
    double lo = x[0], hi = x[0];
    size_t i;
    for (i = 1; i < n; i++) {
        if (x[i] < lo)
            lo = x[i];
        if (x[i] > hi)
            hi = x[i];
    }
    for (i = 0; i < n; i++)
        x[i] = hi > lo ? (x[i] - lo) / (hi - lo) : 0.0;
}

int summ__score_adaptive(const summ__score_ctx *ctx, double *scores)
{
    const summ__model *m = ctx->model;
    const summ_options *o = ctx->opts;
    size_t n = m->n_sents, i;
    double share, rho, a, *directed = NULL;
    summ__graph g;
    int rc;

    if ((rc = summ__graph_build(ctx, SUMM__SIM_TEXTRANK, 0.0, &g)) < 0)
        return rc;
    share = summary_share(m, o);
    rho = position_centrality(g.out, n);
    if (o->lede_weight > 0.0)
        a = o->lede_weight;
    else if (o->lede_weight < 0.0) /* SUMM_OFF */
        a = 0.0;
    else
        a = sigmoid(SHARE_SLOPE * (SHARE_MID - share)) *
            sigmoid(EVIDENCE_SLOPE * (rho - RHO_MIN) * sqrt((double)n));
    if (a < SNAP)
        a = 0.0;
    else if (a > 1.0 - SNAP)
        a = 1.0;
    if (ctx->explain) {
        ctx->explain->has_evidence = 1;
        ctx->explain->sentences = (uint32_t)n;
        ctx->explain->summary_share = share;
        ctx->explain->position_centrality = rho;
        ctx->explain->lede_weight = a;
    }

    if (a < 1.0)
        rc = summ__pagerank(&g, ctx->alloc, o->damping, o->tolerance, o->max_iterations, scores);
    summ__graph_free(ctx->alloc, &g);
    if (rc < 0 || a == 0.0)
        return rc;
    if (a == 1.0)
        return summ__score_pacsum(ctx, scores);

    directed = summ__alloc_array(ctx->alloc, n, sizeof *directed);
    if (!directed)
        return SUMM_E_NOMEM;
    if ((rc = summ__score_pacsum(ctx, directed)) == SUMM_OK) {
        minmax(scores, n);
        minmax(directed, n);
        for (i = 0; i < n; i++)
            scores[i] = (1.0 - a) * scores[i] + a * directed[i];
    }
    summ__free(ctx->alloc, directed, n * sizeof *directed);
    return rc;
}
