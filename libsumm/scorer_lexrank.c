/*
 * LexRank (G. Erkan and D. R. Radev, "LexRank: Graph-based Lexical Centrality
 * as Salience in Text Summarization", JAIR 22, 2004). Sentences are linked by
 * the idf-modified cosine
 *     sim(x, y) = sum_t tf_x(t) tf_y(t) idf(t)^2 / (|x| |y|),
 *     |x| = sqrt(sum_t (tf_x(t) idf(t))^2),  idf(t) = log(S / sf(t)),
 * (each sentence is a "document" for idf). Continuous LexRank
 * (opts->lexrank_threshold = 0) weights edges by the cosine; with a threshold
 * in (0, 1) an edge of weight 1 joins sentences whose cosine reaches it
 * (degree-based LexRank). A sentence scores its PageRank with damping
 * opts->damping (the paper's d = 0.85 is our 1 - its jump probability).
 * Self-similarity is left out: an isolated sentence spreads its score evenly
 * instead (graph.c).
 *
 * Cost: as textrank (graph.c).
 */
#include "scorer.h"

#include "graph.h"
#include "similarity.h"

int summ__score_lexrank(const summ__score_ctx *ctx, double *scores)
{
    summ__graph g;
    int rc = summ__graph_build(ctx, SUMM__SIM_COSINE_IDF, ctx->opts->lexrank_threshold, &g);
    if (rc < 0)
        return rc;
    rc = summ__pagerank(&g, ctx->alloc, ctx->opts->damping, ctx->opts->tolerance,
                        ctx->opts->max_iterations, scores);
    summ__graph_free(ctx->alloc, &g);
    return rc;
}
