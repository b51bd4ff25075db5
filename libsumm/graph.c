/*
 * Sentence similarity graphs and weighted PageRank, shared by textrank,
 * textrank-bm25, lexrank, degree and pacsum.
 *
 * Each sentence is a row that meets the sentences it shares a term with
 * (similarity.c: a term in more than SUMM__GRAPH_WINDOW sentences only
 * links the nearest SUMM__GRAPH_WINDOW of them). Two more bounds keep long
 * texts (books) fast and small:
 *  - sentences more than SUMM__GRAPH_REACH apart never meet: past a few
 *    thousand sentences, each sentence's work would otherwise keep growing
 *    with the text, as ever more of its terms fill their windows from all
 *    over it. The graph of a long text is local; texts of up to
 *    SUMM__GRAPH_REACH + 1 sentences (news, and encyclopedia articles of
 *    up to 20,000 words) are untouched;
 *  - each sentence keeps its opts->max_neighbours strongest similarities
 *    (ties: lower index), so memory is O(S x k).
 * Texts where no term is in more than SUMM__GRAPH_WINDOW sentences, none
 * longer than SUMM__GRAPH_REACH + 1 sentences and no sentence with more
 * than k neighbours get the exact graph.
 *
 * Cost: O(T x min(sf, W)) to build, for T term occurrences; O(S x k) memory
 * for the edges plus O(T) for the index. PageRank: O(iterations x S x k).
 */
#include "graph.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "model.h"
#include "scorer.h"
#include "similarity.h"

typedef struct neighbour {
    double w;
    uint32_t j;
} neighbour;

typedef struct builder {
    summ__sim sim;
    uint32_t *order; /* textrank: indices into sim.touched, those sharing
                        several terms first */
    neighbour *cand;
    size_t cand_cap;
} builder;

static void builder_free(builder *b)
{
    const summ_allocator *a = b->sim.a;
    size_t n;
    if (!b->sim.m) /* summ__sim_init not reached: nothing allocated */
        return;
    n = b->sim.m->n_sents;
    summ__sim_free(&b->sim);
    summ__free(a, b->order, n * sizeof *b->order);
    summ__free(a, b->cand, b->cand_cap * sizeof *b->cand);
}

/* a is a stronger neighbour than b: larger weight, then lower index.
 * Without branches: selection compares close to coin flips. */
static inline bool stronger(const neighbour *a, const neighbour *b)
{
    return (a->w > b->w) | ((a->w == b->w) & (a->j < b->j));
}

static int by_column(const void *a, const void *b)
{
    uint32_t x = ((const neighbour *)a)->j, y = ((const neighbour *)b)->j;
    return (x > y) - (x < y);
}

/* Moves the k strongest of h[0..n) (0 < k <= n) to h[0..k), the weakest of
 * them to h[k - 1]: quickselect, partitioning without branches (an element
 * is swapped into place either way and the boundary moves only if it is
 * stronger than the pivot). */
static void keep_strongest(neighbour *h, size_t n, size_t k)
{
    size_t lo = 0, hi = n, want = k - 1;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2, x, store = lo;
        neighbour pivot, t;
        /* Median of three as the pivot, parked at hi - 1. */
        if (stronger(&h[mid], &h[lo])) {
            t = h[mid]; h[mid] = h[lo]; h[lo] = t;
        }
        if (stronger(&h[hi - 1], &h[lo])) {
            t = h[hi - 1]; h[hi - 1] = h[lo]; h[lo] = t;
        }
        if (stronger(&h[mid], &h[hi - 1])) {
            t = h[mid]; h[mid] = h[hi - 1]; h[hi - 1] = t;
        }
        pivot = h[hi - 1];
        for (x = lo; x < hi - 1; x++) {
            bool s;
            t = h[x];
            s = stronger(&t, &pivot);
            h[x] = h[store];
            h[store] = t;
            store += s;
        }
        h[hi - 1] = h[store];
        h[store] = pivot;
        if (store == want)
            return;
        if (want < store)
            hi = store;
        else
            lo = store + 1;
    }
}

/* Whether sentence j's similarity to row i is certainly below w, found
 * without the division: most candidates fail this way once max_k are kept. The
 * margin (far above the rounding error of one product) leaves every close
 * call to summ__sim_finish(), so the kept neighbours are exactly the same. A
 * thresholded similarity (0 or 1) is not a quotient to bound; BM25's is
 * half the sum, so the sum is checked against twice w. */
static bool surely_weaker(summ__sim_kind kind, double wi, double wj, double acc, double w,
                          double threshold)
{
    double d = summ__sim_divisor(kind, wi, wj);
    if (threshold > 0.0)
        return false;
    if (kind == SUMM__SIM_BM25)
        return acc < 2.0 * w * (1.0 - 1e-9);
    return d > 0.0 && acc < w * d * (1.0 - 1e-9);
}

/* Similarities of sentence i to every sentence sharing a term with it
 * (similarity.c), strongest max_k kept, appended to g. Inlined into one
 * copy per similarity (build_rows), so that the inner loops test no kind. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int build_row(builder *b, summ__sim_kind kind, summ__graph *g, uint32_t i,
                            size_t max_k, double threshold)
{
    const summ__sim *sim = &b->sim;
    size_t k, n_touched, n_cand = 0, q;
    size_t room = max_k <= SIZE_MAX / 2 ? 2 * max_k : SIZE_MAX;
    double wi = sim->met[i].w;
    neighbour bar = {0.0, 0}; /* the weakest kept at the last cut */
    bool kept = false;
    int rc;

    summ__sim_meet(&b->sim, kind, i, true);
    n_touched = sim->n_touched;
    if ((rc = summ__grow(sim->a, (void **)&b->cand, &b->cand_cap, n_touched ? n_touched : 1,
                         sizeof *b->cand)) < 0)
        return rc;
    if (kind == SUMM__SIM_TEXTRANK && n_touched > max_k) {
        /* Sentences sharing more than one term first, so that the bar
         * rises with strong neighbours and surely_weaker turns away most of
         * the many that share a single term. */
        size_t front = 0, back = n_touched;
        for (k = 0; k < n_touched; k++) {
            /* Without a branch: written at both ends, kept at one. */
            size_t several = sim->acc[k] > 1.0;
            b->order[front] = (uint32_t)k;
            b->order[back - 1] = (uint32_t)k;
            front += several;
            back -= 1 - several;
        }
    }
    /* Keep the max_k strongest: candidates stronger than the weakest kept
     * so far (the bar) gather in cand; when 2 x max_k have gathered, the
     * max_k strongest of them stay and the weakest of those is the new
     * bar. O(touched) in all.
     * Cosine and BM25 take the sentences last met first: a bag lists its
     * terms in order of first use in the text, so its last terms tend to be
     * the text's rarer words, whose high idf makes the strongest neighbours;
     * the bar rises with those, and turns most of the rest away at once. */
    for (k = 0; k < n_touched; k++) {
        neighbour nb;
        size_t x = kind == SUMM__SIM_TEXTRANK ? (n_touched > max_k ? b->order[k] : k)
                                              : n_touched - 1 - k;
        double wj = sim->met_w[x], acc = sim->acc[x];
        if (kept && surely_weaker(kind, wi, wj, acc, bar.w, threshold))
            continue;
        nb.j = sim->touched[x];
        nb.w = summ__sim_finish(kind, wi, wj, acc, threshold);
        if (!(nb.w > 0.0 && isfinite(nb.w)) || max_k == 0)
            continue;
        if (kept && !stronger(&nb, &bar))
            continue;
        b->cand[n_cand++] = nb;
        if (n_cand == room) {
            keep_strongest(b->cand, n_cand, max_k);
            n_cand = max_k;
            bar = b->cand[max_k - 1];
            kept = true;
        }
    }
    if (n_cand > max_k) {
        keep_strongest(b->cand, n_cand, max_k);
        n_cand = max_k;
    }
    if ((rc = summ__grow(sim->a, (void **)&g->col, &g->col_cap, g->n_edges + n_cand,
                         sizeof *g->col)) < 0)
        return rc;
    if ((rc = summ__grow(sim->a, (void **)&g->w, &g->w_cap, g->n_edges + n_cand,
                         sizeof *g->w)) < 0)
        return rc;
    /* In column order: the edges, and the sum of their weights, then depend
     * only on which neighbours are kept, not on the order the selection took
     * them in. */
    if (n_cand <= 32) {
        for (k = 1; k < n_cand; k++) {
            neighbour x = b->cand[k];
            for (q = k; q > 0 && b->cand[q - 1].j > x.j; q--)
                b->cand[q] = b->cand[q - 1];
            b->cand[q] = x;
        }
    } else {
        qsort(b->cand, n_cand, sizeof *b->cand, by_column);
    }
    g->out[i] = 0.0;
    for (k = 0; k < n_cand; k++) {
        g->col[g->n_edges] = b->cand[k].j;
        g->w[g->n_edges] = b->cand[k].w;
        g->out[i] += b->cand[k].w;
        g->n_edges++;
    }
    g->row[i + 1] = g->n_edges;
    return SUMM_OK;
}

/* Every row, with the similarity kind a constant in each copy of the loop. */
static int build_rows(builder *b, summ__graph *g, size_t max_k, double threshold)
{
    size_t n = b->sim.m->n_sents, i;
    int rc = SUMM_OK;
    switch (b->sim.kind) {
    case SUMM__SIM_TEXTRANK:
        for (i = 0; i < n && rc >= 0; i++)
            rc = build_row(b, SUMM__SIM_TEXTRANK, g, (uint32_t)i, max_k, 0.0);
        break;
    case SUMM__SIM_COSINE_IDF:
    case SUMM__SIM_COSINE_IDF1P:
        /* The plain cosine (threshold 0) as its own copy too. */
        if (threshold > 0.0) {
            for (i = 0; i < n && rc >= 0; i++)
                rc = build_row(b, SUMM__SIM_COSINE_IDF, g, (uint32_t)i, max_k, threshold);
        } else {
            for (i = 0; i < n && rc >= 0; i++)
                rc = build_row(b, SUMM__SIM_COSINE_IDF, g, (uint32_t)i, max_k, 0.0);
        }
        break;
    case SUMM__SIM_BM25:
        for (i = 0; i < n && rc >= 0; i++)
            rc = build_row(b, SUMM__SIM_BM25, g, (uint32_t)i, max_k, 0.0);
        break;
    }
    return rc;
}

int summ__graph_build(const summ__score_ctx *ctx, summ__sim_kind kind, double threshold,
                      summ__graph *g)
{
    const summ_allocator *a = ctx->alloc;
    builder b;
    size_t n = ctx->model->n_sents;
    int rc;

    memset(g, 0, sizeof *g);
    memset(&b, 0, sizeof b);
    g->n = n;
    g->row = summ__alloc_array(a, n + 1, sizeof *g->row);
    g->out = summ__alloc_array(a, n, sizeof *g->out);
    if (!g->row || !g->out) {
        rc = SUMM_E_NOMEM;
        goto out;
    }
    g->row[0] = 0;
    if ((rc = summ__sim_init(&b.sim, ctx->model, a, kind)) < 0)
        goto out;
    if (kind == SUMM__SIM_TEXTRANK && !(b.order = summ__alloc_array(a, n, sizeof *b.order))) {
        rc = SUMM_E_NOMEM;
        goto out;
    }
    /* Room for the usual number of edges at once, instead of growing (and
     * copying) row by row; larger caps still grow as needed. */
    if (n > 1) {
        size_t per_row = ctx->opts->max_neighbours < 32 ? ctx->opts->max_neighbours : 32;
        size_t edges;
        if (per_row > n - 1)
            per_row = n - 1;
        if (summ__mul_ok(n, per_row, &edges) && edges > 0 &&
            ((rc = summ__grow(a, (void **)&g->col, &g->col_cap, edges, sizeof *g->col)) < 0 ||
             (rc = summ__grow(a, (void **)&g->w, &g->w_cap, edges, sizeof *g->w)) < 0))
            goto out;
    }
    rc = build_rows(&b, g, ctx->opts->max_neighbours, threshold);
out:
    builder_free(&b);
    if (rc < 0)
        summ__graph_free(ctx->alloc, g);
    return rc;
}

void summ__graph_free(const summ_allocator *a, summ__graph *g)
{
    summ__free(a, g->row, (g->n + 1) * sizeof *g->row);
    summ__free(a, g->out, g->n * sizeof *g->out);
    summ__free(a, g->col, g->col_cap * sizeof *g->col);
    summ__free(a, g->w, g->w_cap * sizeof *g->w);
    memset(g, 0, sizeof *g);
}

int summ__pagerank(const summ__graph *g, const summ_allocator *a, double damping,
                   double tolerance, uint32_t max_iterations, double *scores)
{
    return summ__pagerank_biased(g, a, damping, tolerance, max_iterations, NULL, scores);
}

/* bias[i] is node i's share of the random jumps (summing to 1); NULL spreads
 * them evenly, which is plain PageRank. */
int summ__pagerank_biased(const summ__graph *g, const summ_allocator *a, double damping,
                          double tolerance, uint32_t max_iterations, const double *bias,
                          double *scores)
{
    size_t n = g->n, i, e;
    uint32_t it;
    double *next;

    if (n == 0)
        return SUMM_OK;
    next = summ__alloc_array(a, n, sizeof *next);
    if (!next)
        return SUMM_E_NOMEM;
    for (i = 0; i < n; i++)
        scores[i] = 1.0 / (double)n;
    for (it = 0; it < max_iterations; it++) {
        double dangling = 0.0, base, diff = 0.0;
        /* A sentence with no similar sentence (isolated, or in a graph of
         * several components) spreads its score evenly, so the scores keep
         * summing to 1 whatever the graph's shape. */
        for (i = 0; i < n; i++)
            if (g->out[i] <= 0.0)
                dangling += scores[i];
        if (bias) {
            base = (1.0 - damping) + damping * dangling;
            for (i = 0; i < n; i++)
                next[i] = base * bias[i];
        } else {
            base = (1.0 - damping) / (double)n + damping * dangling / (double)n;
            for (i = 0; i < n; i++)
                next[i] = base;
        }
        for (i = 0; i < n; i++) {
            double f;
            if (g->out[i] <= 0.0)
                continue;
            f = damping * scores[i] / g->out[i];
            for (e = g->row[i]; e < g->row[i + 1]; e++)
                next[g->col[e]] += f * g->w[e];
        }
        for (i = 0; i < n; i++) {
            diff += fabs(next[i] - scores[i]);
            scores[i] = next[i];
        }
        if (diff < tolerance)
            break;
    }
    /* Scaled so that the mean score is 1, whatever the document's length. */
    for (i = 0; i < n; i++)
        scores[i] *= (double)n;
    summ__free(a, next, n * sizeof *next);
    return SUMM_OK;
}
