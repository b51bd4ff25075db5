/*
 * TextRank with BM25 similarity (F. Barrios, F. Lopez, L. Argerich and
 * R. Wachenchauzer, "Variations of the Similarity Function of TextRank for
 * Automated Summarization", 2016; the variant the summa and gensim
 * summarizers use). The edge between two sentences is the mean of the
 * BM25 score of each against the other,
 *     BM25(Q, D) = sum over terms t of Q in D of
 *                  idf(t) f(t,D) (k1 + 1) / (f(t,D) + k1 (1 - b + b |D| / avgdl)),
 * with the usual k1 = 1.2 and b = 0.75 (gensim uses k1 = 1.5), idf(t) = log((S - sf + 0.5) / (sf + 0.5)) and
 * negative idf replaced by 0.25 x the mean idf; a sentence scores its
 * weighted PageRank. Averaging the two directions keeps the graph undirected
 * as in TextRank.
 *
 * Cost: as textrank (graph.c).
 */
#include "scorer.h"

#include "graph.h"
#include "similarity.h"

int summ__score_textrank_bm25(const summ__score_ctx *ctx, double *scores)
{
    summ__graph g;
    int rc = summ__graph_build(ctx, SUMM__SIM_BM25, 0.0, &g);
    if (rc < 0)
        return rc;
    rc = summ__pagerank(&g, ctx->alloc, ctx->opts->damping, ctx->opts->tolerance,
                        ctx->opts->max_iterations, scores);
    summ__graph_free(ctx->alloc, &g);
    return rc;
}
