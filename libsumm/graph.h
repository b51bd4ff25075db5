/*
 * Sentence similarity: the inverted index of a model's terms (postings.c),
 * similarity graphs and PageRank (graph.c).
 */
#ifndef LIBSUMM_GRAPH_H
#define LIBSUMM_GRAPH_H

#include <libsumm/summ.h>

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "scorer.h"

/* ---- inverted index: term -> sentences (postings.c) -------------------- */

/* Terms in more sentences than this link each sentence only to the nearest
 * W/2 occurrences on either side (graph.c, selector.c). */
#define SUMM__GRAPH_WINDOW 128
/* Sentences further apart than this never meet in a similarity graph
 * (graph.c): about 25,000 words, a long chapter. */
#define SUMM__GRAPH_REACH 1024

typedef struct summ__postings {
    size_t *off;    /* n_vocab + 1: term t's postings are [off[t], off[t + 1]) */
    uint32_t *sent; /* n_bag: the sentence of each posting, ascending per term */
    uint32_t *cnt;  /* n_bag: the term's count in that sentence */
    uint32_t *at;   /* n_bag: the posting of each entry of the model's bags */
    size_t n_vocab, n_bag;
} summ__postings;

/* Builds the postings of every term of the model (SUMM_E_NOMEM, or
 * SUMM_E_TOO_LARGE past 2^32 postings). On failure everything is left for
 * summ__postings_free(), which also accepts a zeroed struct. */
int summ__postings_build(summ__postings *p, const summ__model *m, const summ_allocator *a);
void summ__postings_free(summ__postings *p, const summ_allocator *a);
/* The postings [*lo, *hi) of term t = bag_term[k] that the sentence of bag
 * entry k is compared with: all of them, or for a term in more than
 * SUMM__GRAPH_WINDOW sentences the window of that size around the
 * sentence's own posting. */
void summ__postings_window(const summ__postings *p, uint32_t t, size_t k, size_t *lo,
                           size_t *hi);

/* ---- similarity graph (graph.c) ---------------------------------------- */

typedef enum summ__sim_kind {
    SUMM__SIM_TEXTRANK,   /* shared distinct terms / (log|Si| + log|Sj|) */
    SUMM__SIM_COSINE_IDF, /* idf-modified cosine (LexRank) */
    SUMM__SIM_BM25        /* BM25 of each sentence against the other, averaged */
} summ__sim_kind;

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

#endif /* LIBSUMM_GRAPH_H */
