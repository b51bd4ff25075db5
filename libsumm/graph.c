/*
 * Sentence similarity graphs and weighted PageRank, shared by textrank,
 * textrank-bm25, lexrank and degree.
 *
 * Building: an inverted index maps each term to the sentences containing it
 * (with counts), so a sentence meets only the sentences it shares a term
 * with; pairs sharing nothing cost nothing. Three bounds keep long texts
 * (books) fast and small:
 *  - a term found in more than SUMM__GRAPH_WINDOW sentences links each
 *    sentence only to the SUMM__GRAPH_WINDOW / 2 nearest occurrences on
 *    either side, in document order. Such terms carry little information
 *    (their idf is small) and the cap turns the worst case (one word in every
 *    sentence) from quadratic into linear work;
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

/* builder_init borrows the per-term double array as size_t cursors. */
_Static_assert(sizeof(size_t) <= sizeof(double), "size_t wider than double");

/* The usual BM25 constants (gensim uses k1 = 1.5), and gensim's floor for
 * negative idf. */
#define BM25_K1 1.2
#define BM25_B 0.75
#define BM25_EPSILON 0.25

typedef struct neighbour {
    double w;
    uint32_t j;
} neighbour;

/* Which row last met a sentence (row index + 1) and where that row keeps
 * the sentence's running similarity. The similarities themselves live in
 * short arrays in the order the row met the sentences, so that everything
 * after the first meeting (later shared terms, the choice of neighbours)
 * reads memory the row has just written instead of one slot per sentence
 * spread over the whole text. */
typedef struct met_slot {
    uint32_t row;
    uint32_t at;
    double w; /* the sentence's own weight: norm (cosine), log length
                 (textrank), BM25 length factor; on the line a meeting
                 reads anyway */
} met_slot;

typedef struct builder {
    const summ_allocator *a;
    const summ__model *m;
    summ__sim_kind kind;
    summ__postings post;
    double *term_w;      /* per term: idf (cosine) or BM25 idf */
    met_slot *met;       /* per sentence */
    uint32_t *touched;   /* per sentence the row met, in meeting order: */
    double *acc;         /*   its overlap so far (textrank: shared terms) */
    double *met_w;       /*   its weight (met_slot.w) */
    uint32_t *order;     /* textrank: indices into touched, those sharing
                            several terms first */
    neighbour *cand;
    size_t cand_cap;
} builder;

static void builder_free(builder *b)
{
    size_t n = b->m->n_sents, v = b->m->n_vocab;
    summ__postings_free(&b->post, b->a);
    summ__free(b->a, b->term_w, v * sizeof *b->term_w);
    summ__free(b->a, b->met, n * sizeof *b->met);
    summ__free(b->a, b->acc, n * sizeof *b->acc);
    summ__free(b->a, b->met_w, n * sizeof *b->met_w);
    summ__free(b->a, b->touched, n * sizeof *b->touched);
    summ__free(b->a, b->order, n * sizeof *b->order);
    summ__free(b->a, b->cand, b->cand_cap * sizeof *b->cand);
}

static size_t sent_len(const summ__sentence *s)
{
    return s->term_end - s->term_begin;
}

static int builder_init(builder *b)
{
    const summ__model *m = b->m;
    size_t n = m->n_sents, v = m->n_vocab, i, k;
    double avg_len = 0.0, idf_sum = 0.0;
    int rc;

    b->term_w = summ__alloc_array(b->a, v, sizeof *b->term_w);
    b->touched = summ__alloc_array(b->a, n, sizeof *b->touched);
    b->met = summ__alloc_array(b->a, n, sizeof *b->met);
    b->acc = summ__alloc_array(b->a, n, sizeof *b->acc);
    b->met_w = summ__alloc_array(b->a, n, sizeof *b->met_w);
    if (b->kind == SUMM__SIM_TEXTRANK &&
        !(b->order = summ__alloc_array(b->a, n, sizeof *b->order)))
        return SUMM_E_NOMEM;
    if (!b->term_w || !b->touched || !b->met || !b->acc || !b->met_w)
        return SUMM_E_NOMEM;
    if ((rc = summ__postings_build(&b->post, m, b->a)) < 0)
        return rc;

    for (i = 0; i < n; i++) {
        b->met[i].row = 0;
        avg_len += (double)sent_len(&m->sents[i]);
    }
    avg_len = n ? avg_len / (double)n : 0.0;

    switch (b->kind) {
    case SUMM__SIM_TEXTRANK:
        for (k = 0; k < v; k++)
            b->term_w[k] = 1.0;
        for (i = 0; i < n; i++) {
            size_t len = sent_len(&m->sents[i]);
            b->met[i].w = len ? log((double)len) : 0.0;
        }
        break;
    case SUMM__SIM_COSINE_IDF:
        for (k = 0; k < v; k++)
            b->term_w[k] = log((double)n / (double)m->term_sf[k]);
        for (i = 0; i < n; i++) {
            const summ__sentence *s = &m->sents[i];
            double sq = 0.0;
            for (k = s->bag_begin; k < s->bag_end; k++) {
                double x = (double)m->bag_count[k] * b->term_w[m->bag_term[k]];
                sq += x * x;
            }
            b->met[i].w = sqrt(sq);
        }
        break;
    case SUMM__SIM_BM25:
        /* Robertson idf; negative values (terms in more than half of the
         * sentences) become EPSILON x the mean idf, as in gensim. */
        for (k = 0; k < v; k++) {
            double sf = (double)m->term_sf[k];
            b->term_w[k] = log(((double)n - sf + 0.5) / (sf + 0.5));
            idf_sum += b->term_w[k];
        }
        for (k = 0; k < v; k++)
            if (b->term_w[k] < 0.0)
                b->term_w[k] = BM25_EPSILON * (v ? idf_sum / (double)v : 0.0);
        for (i = 0; i < n; i++) {
            double len = (double)sent_len(&m->sents[i]);
            b->met[i].w = BM25_K1 * (1.0 - BM25_B + BM25_B * (avg_len > 0.0 ? len / avg_len : 0.0));
        }
        break;
    }
    return SUMM_OK;
}

/* BM25 weight of a term seen c times in sentence x, with idf w. */
static double bm25(double w, uint32_t c, double len_factor)
{
    return w * (double)c * (BM25_K1 + 1.0) / ((double)c + len_factor);
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

/* What the accumulated overlap of sentences i and j is divided by (textrank
 * and cosine), or 0 when the similarity is not a quotient (BM25). */
static double divisor(summ__sim_kind kind, double wi, double wj)
{
    switch (kind) {
    case SUMM__SIM_TEXTRANK:
        return wi + wj;
    case SUMM__SIM_COSINE_IDF:
        return wi * wj;
    case SUMM__SIM_BM25:
        break;
    }
    return 0.0;
}

static double finish(summ__sim_kind kind, double wi, double wj, double acc, double threshold)
{
    double d = divisor(kind, wi, wj);
    if (kind == SUMM__SIM_BM25)
        return acc / 2.0;
    acc = d > 0.0 ? acc / d : 0.0;
    if (kind == SUMM__SIM_COSINE_IDF && threshold > 0.0)
        return acc >= threshold ? 1.0 : 0.0;
    return acc;
}

/* Whether sentence j's similarity to row i is certainly below w, found
 * without the division: most candidates fail this way once max_k are kept. The
 * margin (far above the rounding error of one product) leaves every close
 * call to finish(), so the kept neighbours are exactly the same. A
 * thresholded similarity (0 or 1) is not a quotient to bound; BM25's is
 * half the sum, so the sum is checked against twice w. */
static bool surely_weaker(summ__sim_kind kind, double wi, double wj, double acc, double w,
                          double threshold)
{
    double d = divisor(kind, wi, wj);
    if (threshold > 0.0)
        return false;
    if (kind == SUMM__SIM_BM25)
        return acc < 2.0 * w * (1.0 - 1e-9);
    return d > 0.0 && acc < w * d * (1.0 - 1e-9);
}

/* Narrows the postings [*lo, *hi) (ascending sentences) to the sentences
 * within SUMM__GRAPH_REACH of sentence i. */
static inline void narrow_to_reach(const uint32_t *sent, uint32_t i, size_t *lo, size_t *hi)
{
    size_t a = *lo, z = *hi;
    uint32_t first = i > SUMM__GRAPH_REACH ? i - SUMM__GRAPH_REACH : 0;
    uint32_t last = i < UINT32_MAX - SUMM__GRAPH_REACH ? i + SUMM__GRAPH_REACH : UINT32_MAX;
    if (a == z || (sent[a] >= first && sent[z - 1] <= last))
        return;
    /* First posting at or after `first`, then first one after `last`. */
    while (a < z) {
        size_t mid = a + (z - a) / 2;
        if (sent[mid] < first)
            a = mid + 1;
        else
            z = mid;
    }
    *lo = a;
    z = *hi;
    while (a < z) {
        size_t mid = a + (z - a) / 2;
        if (sent[mid] <= last)
            a = mid + 1;
        else
            z = mid;
    }
    *hi = a;
}

/* Similarities of sentence i to every sentence sharing a term with it
 * (within the window), strongest max_k kept, appended to g. Inlined into
 * one copy per similarity (build_rows), so that the inner loops test no
 * kind. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int build_row(builder *b, summ__sim_kind kind, summ__graph *g, uint32_t i,
                            size_t max_k, double threshold)
{
    const summ__model *m = b->m;
    const summ__sentence *s = &m->sents[i];
    size_t k, n_touched = 0, n_cand = 0, q;
    size_t room = max_k <= SIZE_MAX / 2 ? 2 * max_k : SIZE_MAX;
    double wi = b->met[i].w;
    neighbour bar = {0.0, 0}; /* the weakest kept at the last cut */
    bool kept = false;
    int rc;

    for (k = s->bag_begin; k < s->bag_end; k++) {
        uint32_t t = m->bag_term[k], ci = m->bag_count[k];
        size_t lo, hi;
        double wt = b->term_w[t];
        /* BM25: the row's own half of each visit's weight, once per term. */
        double own = kind == SUMM__SIM_BM25 ? bm25(wt, ci, wi) : 0.0;
        summ__postings_window(&b->post, t, k, &lo, &hi);
        narrow_to_reach(b->post.sent, i, &lo, &hi);
        for (q = lo; q < hi; q++) {
            uint32_t j = b->post.sent[q], cj = b->post.cnt[q], at;
            met_slot *mt = &b->met[j];
            if (j == i)
                continue;
            if (mt->row != i + 1) {
                mt->row = i + 1;
                mt->at = (uint32_t)n_touched;
                b->touched[n_touched] = j;
                b->acc[n_touched] = 0.0;
                b->met_w[n_touched] = mt->w;
                n_touched++;
            }
            at = mt->at;
            switch (kind) {
            case SUMM__SIM_TEXTRANK:
                /* Every shared term counts 1. */
                b->acc[at] += 1.0;
                break;
            case SUMM__SIM_COSINE_IDF:
                b->acc[at] += (double)ci * (double)cj * wt * wt;
                break;
            case SUMM__SIM_BM25:
                b->acc[at] += bm25(wt, cj, b->met_w[at]) + own;
                break;
            }
        }
    }

    if ((rc = summ__grow(b->a, (void **)&b->cand, &b->cand_cap, n_touched ? n_touched : 1,
                         sizeof *b->cand)) < 0)
        return rc;
    if (kind == SUMM__SIM_TEXTRANK && n_touched > max_k) {
        /* Sentences sharing more than one term first, so that the bar
         * rises with strong neighbours and surely_weaker turns away most of
         * the many that share a single term. */
        size_t front = 0, back = n_touched;
        for (k = 0; k < n_touched; k++) {
            /* Without a branch: written at both ends, kept at one. */
            size_t several = b->acc[k] > 1.0;
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
        double wj = b->met_w[x], acc = b->acc[x];
        if (kept && surely_weaker(kind, wi, wj, acc, bar.w, threshold))
            continue;
        nb.j = b->touched[x];
        nb.w = finish(kind, wi, wj, acc, threshold);
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
    if ((rc = summ__grow(b->a, (void **)&g->col, &g->col_cap, g->n_edges + n_cand,
                         sizeof *g->col)) < 0)
        return rc;
    if ((rc = summ__grow(b->a, (void **)&g->w, &g->w_cap, g->n_edges + n_cand, sizeof *g->w)) < 0)
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
    size_t n = b->m->n_sents, i;
    int rc = SUMM_OK;
    switch (b->kind) {
    case SUMM__SIM_TEXTRANK:
        for (i = 0; i < n && rc >= 0; i++)
            rc = build_row(b, SUMM__SIM_TEXTRANK, g, (uint32_t)i, max_k, 0.0);
        break;
    case SUMM__SIM_COSINE_IDF:
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
    builder b;
    size_t n = ctx->model->n_sents;
    int rc;

    memset(g, 0, sizeof *g);
    memset(&b, 0, sizeof b);
    b.a = ctx->alloc;
    b.m = ctx->model;
    b.kind = kind;
    g->n = n;
    g->row = summ__alloc_array(b.a, n + 1, sizeof *g->row);
    g->out = summ__alloc_array(b.a, n, sizeof *g->out);
    if (!g->row || !g->out) {
        rc = SUMM_E_NOMEM;
        goto out;
    }
    g->row[0] = 0;
    if ((rc = builder_init(&b)) < 0)
        goto out;
    /* Room for the usual number of edges at once, instead of growing (and
     * copying) row by row; larger caps still grow as needed. */
    if (n > 1) {
        size_t per_row = ctx->opts->max_neighbours < 32 ? ctx->opts->max_neighbours : 32;
        size_t edges;
        if (per_row > n - 1)
            per_row = n - 1;
        if (summ__mul_ok(n, per_row, &edges) && edges > 0 &&
            ((rc = summ__grow(b.a, (void **)&g->col, &g->col_cap, edges, sizeof *g->col)) < 0 ||
             (rc = summ__grow(b.a, (void **)&g->w, &g->w_cap, edges, sizeof *g->w)) < 0))
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
        base = (1.0 - damping) / (double)n + damping * dangling / (double)n;
        for (i = 0; i < n; i++)
            next[i] = base;
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
