/*
 * Degree centrality: a sentence scores the sum of its similarities to the
 * other sentences, with TextRank's word-overlap similarity (the "reduction"
 * method of the sumy library; the degree baseline of Erkan & Radev 2004,
 * weighted). A one-step approximation of TextRank without the iteration.
 *
 * Cost: the graph only, O(T x min(sf, W)) time and O(S x k) memory (graph.c).
 */
#include "scorer.h"

#include "graph.h"
#include "similarity.h"

int summ__score_degree(const summ__score_ctx *ctx, double *scores)
{
    summ__graph g;
    size_t i;
    int rc = summ__graph_build(ctx, SUMM__SIM_TEXTRANK, 0.0, &g);
    if (rc < 0)
        return rc;
    for (i = 0; i < g.n; i++)
        scores[i] = g.out[i];
    summ__graph_free(ctx->alloc, &g);
    return SUMM_OK;
}
