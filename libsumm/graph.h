/* Similarity graphs of a text's sentences, and PageRank (graph.c), which
 * keyphrase extraction runs on word graphs too. */
#ifndef LIBSUMM_GRAPH_H
#define LIBSUMM_GRAPH_H

#include <libsumm/summ.h>

#include <stddef.h>
#include <stdint.h>

#include "scorer.h"
#include "similarity.h"

/* Rows of out-edges: sentence i's neighbours are col[row[i], row[i+1]) with
 * weights w (all > 0); out[i] is their sum. */
typedef struct summ__graph {
    size_t n, n_edges;
    size_t *row;
    uint32_t *col;
    double *w, *out;
    size_t col_cap, w_cap;
} summ__graph;

/* Builds the similarity graph of the model's sentences (see graph.c for the
 * bounds on long texts). threshold > 0 (cosine only) makes edges of weight 1
 * where the similarity reaches it. The graph lives in ctx->alloc memory;
 * release it with summ__graph_free. */
int summ__graph_build(const summ__score_ctx *ctx, summ__sim_kind kind, double threshold,
                      summ__graph *g);
void summ__graph_free(const summ_allocator *a, summ__graph *g);
/* Weighted PageRank by power iteration; scores[0, g->n) get mean 1. */
int summ__pagerank(const summ__graph *g, const summ_allocator *a, double damping,
                   double tolerance, uint32_t max_iterations, double *scores);
/* The same with random jumps (and the scores of nodes without edges) going
 * to node i with probability bias[i] (personalised PageRank); bias sums to
 * 1, and NULL is uniform. */
int summ__pagerank_biased(const summ__graph *g, const summ_allocator *a, double damping,
                          double tolerance, uint32_t max_iterations, const double *bias,
                          double *scores);

#endif /* LIBSUMM_GRAPH_H */
