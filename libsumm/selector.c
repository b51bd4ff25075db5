/*
 * Selector: takes sentences best first (ties: earlier sentence first) while
 * they fit every length budget, then restores document order.
 */
#include "select.h"

#include <math.h>
#include <string.h>

#include "alloc.h"
#include "graph.h"
#include "model.h"

/* a ranks before b: higher score, then lower index. NaN ranks last. */
static bool before(const double *scores, uint32_t a, uint32_t b)
{
    double x = scores[a], y = scores[b];
    if (isnan(x))
        x = -INFINITY;
    if (isnan(y))
        y = -INFINITY;
    if (x != y)
        return x > y;
    return a < b;
}

/* Sift-down of a heap whose top ranks first. */
static void sift_down_best(uint32_t *idx, size_t root, size_t n, const double *scores)
{
    uint32_t x = idx[root];
    for (;;) {
        size_t child = 2 * root + 1;
        if (child >= n)
            break;
        if (child + 1 < n && before(scores, idx[child + 1], idx[child]))
            child++;
        if (!before(scores, idx[child], x))
            break;
        idx[root] = idx[child];
        root = child;
    }
    idx[root] = x;
}

static void sort_ascending(uint32_t *v, size_t n)
{
    /* Insertion sort for short summaries; summ__select uses a linear pass
     * over a flag array for long ones. */
    size_t i, j;
    for (i = 1; i < n; i++) {
        uint32_t x = v[i];
        for (j = i; j > 0 && v[j - 1] > x; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

size_t summ__sentence_limit(const summ_options *opts, size_t n)
{
    size_t limit = n;
    double ratio = opts->ratio;
    if (opts->max_sentences == 0 && ratio <= 0.0 && opts->max_words == 0 &&
        opts->max_bytes == 0)
        ratio = 0.2;
    if (opts->max_sentences && opts->max_sentences < limit)
        limit = opts->max_sentences;
    if (ratio > 0.0) {
        double k = ceil(ratio * (double)n);
        size_t kk = k < 1.0 ? 1 : (size_t)k;
        if (kk < limit)
            limit = kk;
    }
    return limit;
}

/* Whether sentence s fits in the word and byte budgets; counts it if so. */
static bool take(const summ_options *opts, const summ__sentence *s, uint64_t *words,
                 uint64_t *bytes)
{
    uint64_t w = s->n_words, b = s->end - s->start;
    if (opts->max_words && *words + w > opts->max_words)
        return false;
    if (opts->max_bytes && *bytes + b > opts->max_bytes)
        return false;
    *words += w;
    *bytes += b;
    return true;
}

/* Puts selected[0, count) in document order unless score order was asked
 * for. `order` is scratch space for n entries. */
static void final_order(const summ_options *opts, size_t n, uint32_t *order, uint32_t *selected,
                        size_t count)
{
    size_t i;
    if (!(opts->flags & SUMM_FLAG_SCORE_ORDER) && count > 64) {
        /* Long summaries: a counting pass over a flag array is linear. */
        size_t k = 0;
        for (i = 0; i < n; i++)
            order[i] = 0;
        for (i = 0; i < count; i++)
            order[selected[i]] = 1;
        for (i = 0; i < n; i++)
            if (order[i])
                selected[k++] = (uint32_t)i;
    } else if (!(opts->flags & SUMM_FLAG_SCORE_ORDER)) {
        sort_ascending(selected, count);
    }
}

int summ__select(const summ__model *m, const double *scores, const summ_options *opts,
                 uint32_t *order, uint32_t *selected, size_t *n_selected)
{
    size_t n = m->n_sents, limit = summ__sentence_limit(opts, n), count = 0, i, heap_n = n;
    uint64_t words = 0, bytes = 0;

    /* Candidates come off a heap best first, the order a full sort would
     * give, but only as many as the budgets take: a summary is usually a
     * fifth of the text, and a heap is built in linear time. */
    for (i = 0; i < n; i++)
        order[i] = (uint32_t)i;
    for (i = n / 2; i-- > 0;)
        sift_down_best(order, i, n, scores);
    while (heap_n > 0 && count < limit) {
        uint32_t top = order[0];
        order[0] = order[--heap_n];
        sift_down_best(order, 0, heap_n, scores);
        if (take(opts, &m->sents[top], &words, &bytes))
            selected[count++] = top;
    }
    final_order(opts, n, order, selected, count);
    *n_selected = count;
    return SUMM_OK;
}

void summ__position_prior(const summ_options *opts, size_t n, double *scores)
{
    double w = opts->position_weight, lo, hi;
    size_t i;
    if (w <= 0.0 || n == 0)
        return;
    lo = hi = scores[0];
    for (i = 1; i < n; i++) {
        if (scores[i] < lo)
            lo = scores[i];
        if (scores[i] > hi)
            hi = scores[i];
    }
    for (i = 0; i < n; i++) {
        double norm = hi > lo ? (scores[i] - lo) / (hi - lo) : 0.0;
        scores[i] = (1.0 - w) * norm + w / sqrt(1.0 + (double)i);
    }
}

/*
 * Maximal marginal relevance (J. Carbonell and J. Goldstein, "The Use of MMR,
 * Diversity-Based Reranking for Reordering Documents and Producing
 * Summaries", SIGIR 1998). Each pick maximises
 *     lambda x rel(i) - (1 - lambda) x max_{j picked} sim(i, j),
 * rel the score divided by the largest (min-max normalised when some are
 * negative) and sim the cosine of tf-idf vectors (idf = log(1 + S / sf)).
 * A candidate whose cosine with a picked sentence is 1 (the same content
 * words in the same proportions), or with exactly the content of a picked
 * sentence (checked through a hash set, beyond the window), is never
 * picked. The maxima only grow, so a heap of stale values
 * finds the best candidate lazily; after each pick, the similarities of the
 * picked sentence to the others come from an inverted index (sentences
 * sharing no term are not visited), with the posting window of graph.c on
 * very frequent terms. Sentences that do not fit the budgets are skipped as
 * in summ__select.
 *
 * Cost: O(T) for the index, then per pick O(sum over its terms of
 * min(sf, W)) plus O(log S) per heap operation. Memory O(T + S + V).
 */
typedef struct mmr {
    const summ__model *m;
    const summ_allocator *a;
    summ__postings post;
    uint32_t *heap, *mark;
    double *idf, *norm, *rel, *maxsim, *key, *acc;
    uint32_t *touched;
    uint64_t *bag_hash;  /* per sentence: hash of its terms and counts */
    uint32_t *picked_set; /* open addressing over bag_hash: sentence + 1, 0 = empty */
    size_t set_cap;
    double lambda;
} mmr;

static bool mmr_above(const mmr *x, uint32_t a, uint32_t b)
{
    if (x->key[a] != x->key[b])
        return x->key[a] > x->key[b];
    return a < b;
}

static void mmr_sift(mmr *x, size_t i, size_t n)
{
    for (;;) {
        size_t l = 2 * i + 1, best = i;
        uint32_t tmp;
        if (l < n && mmr_above(x, x->heap[l], x->heap[best]))
            best = l;
        if (l + 1 < n && mmr_above(x, x->heap[l + 1], x->heap[best]))
            best = l + 1;
        if (best == i)
            return;
        tmp = x->heap[i];
        x->heap[i] = x->heap[best];
        x->heap[best] = tmp;
        i = best;
    }
}

static void mmr_free(mmr *x)
{
    size_t n = x->m->n_sents, v = x->m->n_vocab;
    summ__postings_free(&x->post, x->a);
    summ__free(x->a, x->heap, n * sizeof *x->heap);
    summ__free(x->a, x->mark, n * sizeof *x->mark);
    summ__free(x->a, x->touched, n * sizeof *x->touched);
    summ__free(x->a, x->idf, v * sizeof *x->idf);
    summ__free(x->a, x->norm, n * sizeof *x->norm);
    summ__free(x->a, x->rel, n * sizeof *x->rel);
    summ__free(x->a, x->maxsim, n * sizeof *x->maxsim);
    summ__free(x->a, x->key, n * sizeof *x->key);
    summ__free(x->a, x->acc, n * sizeof *x->acc);
    summ__free(x->a, x->bag_hash, n * sizeof *x->bag_hash);
    summ__free(x->a, x->picked_set, x->set_cap * sizeof *x->picked_set);
}

static bool same_bag(const summ__model *m, uint32_t a, uint32_t b)
{
    const summ__sentence *x = &m->sents[a], *y = &m->sents[b];
    size_t n = x->bag_end - x->bag_begin;
    return n == y->bag_end - y->bag_begin &&
           memcmp(m->bag_term + x->bag_begin, m->bag_term + y->bag_begin,
                  n * sizeof *m->bag_term) == 0 &&
           memcmp(m->bag_count + x->bag_begin, m->bag_count + y->bag_begin,
                  n * sizeof *m->bag_count) == 0;
}

/* Whether a sentence with i's exact content was picked; with add, records
 * i as picked. Exact, unlike the windowed similarities. */
static bool picked_same(mmr *x, uint32_t i, bool add)
{
    size_t mask = x->set_cap - 1, p = (size_t)x->bag_hash[i] & mask;
    for (; x->picked_set[p]; p = (p + 1) & mask)
        if (x->bag_hash[x->picked_set[p] - 1] == x->bag_hash[i] &&
            same_bag(x->m, x->picked_set[p] - 1, i))
            return true;
    if (add)
        x->picked_set[p] = i + 1;
    return false;
}

static int mmr_init(mmr *x, const double *scores, size_t limit)
{
    const summ__model *m = x->m;
    size_t n = m->n_sents, v = m->n_vocab, i, k;
    double lo, hi;
    int rc;

    /* At most `limit` picks: a set of twice that size stays half empty. */
    x->set_cap = 16;
    while (x->set_cap < 2 * limit)
        x->set_cap *= 2;
    x->picked_set = summ__alloc_array(x->a, x->set_cap, sizeof *x->picked_set);
    x->bag_hash = summ__alloc_array(x->a, n, sizeof *x->bag_hash);
    if (!x->picked_set || !x->bag_hash)
        return SUMM_E_NOMEM;
    for (i = 0; i < x->set_cap; i++)
        x->picked_set[i] = 0;
    for (i = 0; i < n; i++) {
        uint64_t h = 1469598103934665603u; /* FNV-1a over (term, count) pairs */
        for (k = m->sents[i].bag_begin; k < m->sents[i].bag_end; k++) {
            h = (h ^ m->bag_term[k]) * 1099511628211u;
            h = (h ^ m->bag_count[k]) * 1099511628211u;
        }
        x->bag_hash[i] = h ^ (h >> 29);
    }

    x->heap = summ__alloc_array(x->a, n, sizeof *x->heap);
    x->mark = summ__alloc_array(x->a, n, sizeof *x->mark);
    x->touched = summ__alloc_array(x->a, n, sizeof *x->touched);
    x->idf = summ__alloc_array(x->a, v, sizeof *x->idf);
    x->norm = summ__alloc_array(x->a, n, sizeof *x->norm);
    x->rel = summ__alloc_array(x->a, n, sizeof *x->rel);
    x->maxsim = summ__alloc_array(x->a, n, sizeof *x->maxsim);
    x->key = summ__alloc_array(x->a, n, sizeof *x->key);
    x->acc = summ__alloc_array(x->a, n, sizeof *x->acc);
    if (!x->heap || !x->mark || !x->touched || !x->idf || !x->norm || !x->rel || !x->maxsim ||
        !x->key || !x->acc)
        return SUMM_E_NOMEM;
    if ((rc = summ__postings_build(&x->post, m, x->a)) < 0)
        return rc;
    for (k = 0; k < v; k++)
        x->idf[k] = log(1.0 + (double)n / (double)m->term_sf[k]);

    lo = hi = n ? scores[0] : 0.0;
    for (i = 0; i < n; i++) {
        double sq = 0.0;
        for (k = m->sents[i].bag_begin; k < m->sents[i].bag_end; k++) {
            double w = (double)m->bag_count[k] * x->idf[m->bag_term[k]];
            sq += w * w;
        }
        x->norm[i] = sqrt(sq);
        x->mark[i] = 0;
        x->maxsim[i] = 0.0;
        if (scores[i] < lo)
            lo = scores[i];
        if (scores[i] > hi)
            hi = scores[i];
    }
    /* Non-negative scores keep their ratios (a sentence half as salient
     * as the best gets 0.5); others are min-max normalised. */
    if (lo >= 0.0)
        lo = 0.0;
    for (i = 0; i < n; i++) {
        x->rel[i] = hi > lo ? (scores[i] - lo) / (hi - lo) : 0.0;
        x->key[i] = x->lambda * x->rel[i];
        x->heap[i] = (uint32_t)i;
    }
    for (i = n / 2; i-- > 0;)
        mmr_sift(x, i, n);
    return SUMM_OK;
}

/* Raises maxsim of every sentence sharing a term with the picked one. */
static void mmr_update(mmr *x, uint32_t picked, uint32_t stamp)
{
    const summ__model *m = x->m;
    const summ__sentence *s = &m->sents[picked];
    size_t k, q, n_touched = 0;

    if (x->norm[picked] <= 0.0)
        return;
    for (k = s->bag_begin; k < s->bag_end; k++) {
        uint32_t t = m->bag_term[k];
        size_t lo, hi;
        double wt = (double)m->bag_count[k] * x->idf[t] * x->idf[t];
        summ__postings_window(&x->post, t, k, &lo, &hi);
        for (q = lo; q < hi; q++) {
            uint32_t j = x->post.sent[q];
            if (x->mark[j] != stamp) {
                x->mark[j] = stamp;
                x->acc[j] = 0.0;
                x->touched[n_touched++] = j;
            }
            x->acc[j] += wt * (double)x->post.cnt[q];
        }
    }
    for (k = 0; k < n_touched; k++) {
        uint32_t j = x->touched[k];
        double sim = x->norm[j] > 0.0 ? x->acc[j] / (x->norm[picked] * x->norm[j]) : 0.0;
        if (sim > x->maxsim[j])
            x->maxsim[j] = sim;
    }
}

int summ__select_mmr(const summ__model *m, const double *scores, const summ_options *opts,
                     const summ_allocator *a, uint32_t *order, uint32_t *selected,
                     size_t *n_selected)
{
    size_t n = m->n_sents, limit = summ__sentence_limit(opts, n), count = 0, heap_n = n;
    uint64_t words = 0, bytes = 0;
    mmr x;
    int rc;

    *n_selected = 0;
    memset(&x, 0, sizeof x);
    x.m = m;
    x.a = a;
    x.lambda = opts->mmr_lambda;
    if ((rc = mmr_init(&x, scores, limit)) < 0)
        goto out;
    while (heap_n > 0 && count < limit) {
        uint32_t top = x.heap[0];
        double now = x.lambda * x.rel[top] - (1.0 - x.lambda) * x.maxsim[top];
        size_t next = heap_n > 2 && mmr_above(&x, x.heap[2], x.heap[1]) ? 2 : 1;
        x.key[top] = now;
        if (heap_n > 1 && mmr_above(&x, x.heap[next], top)) {
            mmr_sift(&x, 0, heap_n); /* stale: re-rank it */
            continue;
        }
        x.heap[0] = x.heap[--heap_n];
        mmr_sift(&x, 0, heap_n);
        /* A sentence with the same content as one already picked (cosine
         * 1, or the very same terms and counts) adds nothing, whatever
         * lambda. Sentences without content words are exempt. */
        if (x.maxsim[top] >= 1.0 - 1e-9 ||
            (m->sents[top].bag_end > m->sents[top].bag_begin && picked_same(&x, top, false)))
            continue;
        if (!take(opts, &m->sents[top], &words, &bytes))
            continue;
        picked_same(&x, top, true);
        selected[count++] = top;
        mmr_update(&x, top, (uint32_t)count);
    }
    final_order(opts, n, order, selected, count);
    *n_selected = count;
out:
    mmr_free(&x);
    return rc;
}
