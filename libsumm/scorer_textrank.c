/*
 * TextRank (R. Mihalcea and P. Tarau, "TextRank: Bringing Order into Texts",
 * EMNLP 2004, section 4.1). Sentences are the vertices of an undirected graph
 * weighted by their content overlap
 *     sim(Si, Sj) = |{t : t in Si and t in Sj}| / (log|Si| + log|Sj|)
 * (|S| = the sentence's content words, terms are stems without stopwords; a
 * pair whose denominator is 0, two one-word sentences, gets no edge), and a
 * sentence scores its weighted PageRank (damping opts->damping, default 0.85).
 *
 * Cost: graph O(T x min(sf, W)) and O(S x k) memory (graph.c); PageRank
 * O(iterations x S x k).
 */
#include "scorer.h"

#include "graph.h"
#include "similarity.h"

int summ__score_textrank(const summ__score_ctx *ctx, double *scores)
{
    summ__graph g;
    int rc = summ__graph_build(ctx, SUMM__SIM_TEXTRANK, 0.0, &g);
    if (rc < 0)
        return rc;
    rc = summ__pagerank(&g, ctx->alloc, ctx->opts->damping, ctx->opts->tolerance,
                        ctx->opts->max_iterations, scores);
    summ__graph_free(ctx->alloc, &g);
    return rc;
}
