/*
 * Position-augmented centrality (H. Zheng and M. Lapata, "Sentence
 * Centrality Revisited for Unsupervised Summarization", ACL 2019). News
 * opens with sentences that announce what the rest develops, so a
 * sentence's similarity to the sentences after it counts for it, and its
 * similarity to the sentences before it (repeating what was already said)
 * counts against it:
 *     score(i) = FORWARD x sum_{j > i} sim(i, j) + BACKWARD x sum_{j < i} sim(i, j),
 * sim the idf-modified cosine of LexRank over the same sparse graph (each
 * sentence's max_neighbours strongest similarities, graph.c). The weights
 * are the paper's best for tf-idf vectors on CNN/Daily Mail (forward 1,
 * backward -2; its edge threshold beta is 0 here). Unlike the undirected
 * graph scorers, it favours the lead of news-like text by its content, and
 * on text whose summary is not its lead (bbc_news_summary) it loses to them
 * (docs/ALGORITHMS.md).
 *
 * Cost: the graph, O(T x min(sf, W)) time and O(S x k) memory (graph.c),
 * plus O(S x k) for the sums.
 */
#include "scorer.h"

#include "graph.h"
#include "similarity.h"

#define PACSUM_FORWARD 1.0
#define PACSUM_BACKWARD (-2.0)

int summ__score_pacsum(const summ__score_ctx *ctx, double *scores)
{
    summ__graph g;
    size_t i, e;
    int rc = summ__graph_build(ctx, SUMM__SIM_COSINE_IDF, 0.0, &g);
    if (rc < 0)
        return rc;
    for (i = 0; i < g.n; i++) {
        double forward = 0.0, backward = 0.0;
        for (e = g.row[i]; e < g.row[i + 1]; e++) {
            if (g.col[e] > i)
                forward += g.w[e];
            else
                backward += g.w[e];
        }
        scores[i] = PACSUM_FORWARD * forward + PACSUM_BACKWARD * backward;
    }
    summ__graph_free(ctx->alloc, &g);
    return SUMM_OK;
}
