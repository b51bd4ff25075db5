/*
 * Words ranked by PageRank over their co-occurrence graph (TextRank,
 * Mihalcea & Tarau 2004), or with the random jumps biased towards early
 * words (PositionRank, Florescu & Caragea 2017).
 *
 * The graph is built without hashing: every pair of the window is written
 * twice (u -> v and v -> u) into rows bucketed by source (a counting sort),
 * then each row merges its repeats with a per-term marker of the last row
 * that met it. Time and memory O(n x window) for n words; the rows come out
 * in first-meeting order, so the result never depends on addresses.
 */
#include "keyphrase.h"

#include <string.h>

#include "alloc.h"
#include "graph.h"

typedef struct pair_rows {
    size_t *row;    /* n_terms + 1 */
    uint32_t *col;  /* the neighbours, merged in place */
    uint32_t *cnt;  /* co-occurrences with each */
    uint32_t *seen; /* per term: the row that last met it, + 1 */
    uint32_t *at;   /* per term: where that row keeps it */
    size_t n_pairs;
} pair_rows;

static void pair_rows_free(pair_rows *p, size_t n_terms, const summ_allocator *a)
{
    summ__free(a, p->row, (n_terms + 1) * sizeof *p->row);
    summ__free(a, p->col, p->n_pairs * sizeof *p->col);
    summ__free(a, p->cnt, p->n_pairs * sizeof *p->cnt);
    summ__free(a, p->seen, n_terms * sizeof *p->seen);
    summ__free(a, p->at, n_terms * sizeof *p->at);
}

/* Runs body for every pair of the window: the terms u, v at positions
 * i < j < i + window, when they differ. Both passes over the pairs (count,
 * then fill) must see the same pairs, hence one definition. */
#define FOR_EACH_PAIR(seq, n, window, u, v, body)                                  \
    do {                                                                           \
        size_t i_, j_;                                                             \
        for (i_ = 0; i_ < (n); i_++)                                               \
            for (j_ = i_ + 1; j_ < (n) && j_ - i_ < (window); j_++) {              \
                uint32_t u = (seq)[i_], v = (seq)[j_];                             \
                if (u != v) {                                                      \
                    body;                                                          \
                }                                                                  \
            }                                                                      \
    } while (0)

static int build_graph(const uint32_t *seq, size_t n, size_t n_terms, uint32_t window,
                       const summ_allocator *a, pair_rows *p, summ__graph *g)
{
    size_t t, e, k, total = 0;

    p->row = summ__alloc_array(a, n_terms + 1, sizeof *p->row);
    p->seen = summ__alloc_array(a, n_terms, sizeof *p->seen);
    p->at = summ__alloc_array(a, n_terms, sizeof *p->at);
    if (!p->row || !p->seen || !p->at)
        return SUMM_E_NOMEM;
    memset(p->row, 0, (n_terms + 1) * sizeof *p->row);
    FOR_EACH_PAIR(seq, n, window, u, v, { p->row[u + 1]++; p->row[v + 1]++; total += 2; });
    p->n_pairs = total;
    p->col = summ__alloc_array(a, total ? total : 1, sizeof *p->col);
    p->cnt = summ__alloc_array(a, total ? total : 1, sizeof *p->cnt);
    p->n_pairs = total ? total : 1;
    if (!p->col || !p->cnt)
        return SUMM_E_NOMEM;
    for (t = 0; t < n_terms; t++)
        p->row[t + 1] += p->row[t];
    /* Fill: p->at serves as the rows' cursors for now. */
    for (t = 0; t < n_terms; t++)
        p->at[t] = 0;
    FOR_EACH_PAIR(seq, n, window, u, v, {
        p->col[p->row[u] + p->at[u]++] = v;
        p->col[p->row[v] + p->at[v]++] = u;
    });
    /* Merge each row's repeats, compacting every row towards the front. */
    for (t = 0; t < n_terms; t++)
        p->seen[t] = 0;
    k = 0;
    for (t = 0; t < n_terms; t++) {
        size_t begin = p->row[t], end = p->row[t + 1];
        p->row[t] = k;
        for (e = begin; e < end; e++) {
            uint32_t v = p->col[e];
            if (p->seen[v] == (uint32_t)t + 1) {
                p->cnt[p->at[v]]++;
            } else {
                p->seen[v] = (uint32_t)t + 1;
                p->at[v] = (uint32_t)k;
                p->col[k] = v;
                p->cnt[k] = 1;
                k++;
            }
        }
    }
    p->row[n_terms] = k;

    memset(g, 0, sizeof *g);
    g->n = n_terms;
    g->n_edges = k;
    g->row = p->row;
    g->col = p->col;
    g->w = summ__alloc_array(a, k ? k : 1, sizeof *g->w);
    g->out = summ__alloc_array(a, n_terms, sizeof *g->out);
    if (!g->w || !g->out)
        return SUMM_E_NOMEM;
    for (t = 0; t < n_terms; t++) {
        double sum = 0.0;
        for (e = p->row[t]; e < p->row[t + 1]; e++) {
            g->w[e] = (double)p->cnt[e];
            sum += g->w[e];
        }
        g->out[t] = sum;
    }
    return SUMM_OK;
}

int summ__keyword_rank(const uint32_t *seq, size_t n, size_t n_terms, uint32_t window,
                       bool position, const summ_options *opts, const summ_allocator *a,
                       double *rank)
{
    pair_rows p;
    summ__graph g;
    double *bias = NULL;
    size_t i, n_edges;
    int rc;

    if (n_terms == 0)
        return SUMM_OK;
    memset(&p, 0, sizeof p);
    memset(&g, 0, sizeof g);
    if ((rc = build_graph(seq, n, n_terms, window, a, &p, &g)) < 0)
        goto out;
    if (position) {
        double sum = 0.0;
        bias = summ__alloc_array(a, n_terms, sizeof *bias);
        if (!bias) {
            rc = SUMM_E_NOMEM;
            goto out;
        }
        for (i = 0; i < n_terms; i++)
            bias[i] = 0.0;
        for (i = 0; i < n; i++)
            bias[seq[i]] += 1.0 / (double)(i + 1);
        for (i = 0; i < n_terms; i++)
            sum += bias[i];
        for (i = 0; i < n_terms; i++)
            bias[i] /= sum;
    }
    rc = summ__pagerank_biased(&g, a, opts->damping, opts->tolerance, opts->max_iterations,
                               bias, rank);
out:
    n_edges = g.n_edges;
    summ__free(a, g.w, (n_edges ? n_edges : 1) * sizeof *g.w);
    summ__free(a, g.out, n_terms * sizeof *g.out);
    summ__free(a, bias, n_terms * sizeof *bias);
    pair_rows_free(&p, n_terms, a);
    return rc;
}
