/*
 * Maximal marginal relevance (J. Carbonell and J. Goldstein, "The Use of MMR,
 * Diversity-Based Reranking for Reordering Documents and Producing
 * Summaries", SIGIR 1998). Each pick maximises
 *     lambda x rel(i) - (1 - lambda) x max_{j picked} sim(i, j),
 * rel the score divided by the largest (min-max normalised when some are
 * negative) and sim the cosine of tf-idf vectors (idf = log(1 + S / sf);
 * similarity.c). A candidate whose cosine with a picked sentence is 1 (the
 * same content words in the same proportions), or with exactly the content
 * of a picked sentence (checked through a hash set, beyond the window), is
 * never picked. The maxima only grow, so a heap of stale values finds the
 * best candidate lazily; after each pick, the picked sentence meets the
 * sentences it shares a term with (similarity.c, with its posting window on
 * very frequent terms). Sentences that do not fit the budgets are skipped
 * as in summ__select.
 *
 * Cost: O(T) for the index, then per pick O(sum over its terms of
 * min(sf, W)) plus O(log S) per heap operation. Memory O(T + S + V).
 */
#include "mmr.h"

#include <string.h>

#include "alloc.h"
#include "heap.h"
#include "model.h"
#include "select.h"
#include "similarity.h"

typedef struct mmr {
    const summ__model *m;
    const summ_allocator *a;
    summ__sim sim;
    summ__heap h; /* keyed by key */
    double *rel, *maxsim, *key;
    uint64_t *bag_hash;   /* per sentence: hash of its terms and counts */
    uint32_t *picked_set; /* open addressing over bag_hash: sentence + 1, 0 = empty */
    size_t set_cap;
    double lambda;
} mmr;

static void mmr_free(mmr *x)
{
    size_t n = x->m->n_sents;
    summ__sim_free(&x->sim);
    summ__free(x->a, x->h.idx, n * sizeof *x->h.idx);
    summ__free(x->a, x->rel, n * sizeof *x->rel);
    summ__free(x->a, x->maxsim, n * sizeof *x->maxsim);
    summ__free(x->a, x->key, n * sizeof *x->key);
    summ__free(x->a, x->bag_hash, n * sizeof *x->bag_hash);
    summ__free(x->a, x->picked_set, x->set_cap * sizeof *x->picked_set);
}

static bool same_bag(const summ__model *m, uint32_t a, uint32_t b)
{
    const summ__sentence *x = &m->sents[a], *y = &m->sents[b];
    size_t n = x->bag_end - x->bag_begin;
    if (n != y->bag_end - y->bag_begin)
        return false;
    if (n == 0)
        return true; /* the bag arrays may be NULL when no sentence has a term */
    return memcmp(m->bag_term + x->bag_begin, m->bag_term + y->bag_begin,
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
    size_t n = m->n_sents, i, k;
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

    x->h.idx = summ__alloc_array(x->a, n, sizeof *x->h.idx);
    x->rel = summ__alloc_array(x->a, n, sizeof *x->rel);
    x->maxsim = summ__alloc_array(x->a, n, sizeof *x->maxsim);
    x->key = summ__alloc_array(x->a, n, sizeof *x->key);
    if (!x->h.idx || !x->rel || !x->maxsim || !x->key)
        return SUMM_E_NOMEM;
    if ((rc = summ__sim_init(&x->sim, m, x->a, SUMM__SIM_COSINE_IDF1P)) < 0)
        return rc;

    lo = hi = n ? scores[0] : 0.0;
    for (i = 0; i < n; i++) {
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
        x->h.idx[i] = (uint32_t)i;
    }
    x->h.key = x->key;
    x->h.pos = NULL;
    x->h.n = n;
    summ__heap_build(&x->h);
    return SUMM_OK;
}

/* Raises maxsim of every sentence sharing a term with the picked one. */
static void mmr_update(mmr *x, uint32_t picked)
{
    summ__sim *sim = &x->sim;
    double wp = sim->met[picked].w;
    size_t k;

    if (wp <= 0.0)
        return;
    summ__sim_meet(sim, SUMM__SIM_COSINE_IDF1P, picked, false);
    for (k = 0; k < sim->n_touched; k++) {
        uint32_t j = sim->touched[k];
        double s = summ__sim_finish(sim->kind, wp, sim->met_w[k], sim->acc[k], 0.0);
        if (s > x->maxsim[j])
            x->maxsim[j] = s;
    }
}

int summ__select_mmr(const summ__model *m, const double *scores, const summ_options *opts,
                     const summ_allocator *a, uint32_t *order, uint32_t *selected,
                     size_t *n_selected)
{
    size_t n = m->n_sents, limit = summ__sentence_limit(opts, n), count = 0;
    summ__budget budget = { 0, 0 };
    mmr x;
    int rc;

    *n_selected = 0;
    memset(&x, 0, sizeof x);
    x.m = m;
    x.a = a;
    x.lambda = opts->mmr_lambda;
    if ((rc = mmr_init(&x, scores, limit)) < 0)
        goto out;
    while (x.h.n > 0 && count < limit) {
        uint32_t top = x.h.idx[0];
        /* The top's key is stale (an upper bound): bring it up to date; if
         * another entry now ranks above it, look again. */
        x.key[top] = x.lambda * x.rel[top] - (1.0 - x.lambda) * x.maxsim[top];
        summ__heap_sift_down(&x.h, 0);
        if (x.h.idx[0] != top)
            continue;
        summ__heap_pop(&x.h);
        /* A sentence with the same content as one already picked (cosine
         * 1, or the very same terms and counts) adds nothing, whatever
         * lambda. Sentences without content words are exempt. */
        if (x.maxsim[top] >= 1.0 - 1e-9 ||
            (m->sents[top].bag_end > m->sents[top].bag_begin && picked_same(&x, top, false)))
            continue;
        if (!summ__budget_take(opts, &budget, &m->sents[top]))
            continue;
        picked_same(&x, top, true);
        selected[count++] = top;
        mmr_update(&x, top);
    }
    summ__summary_order(opts, n, order, selected, count);
    *n_selected = count;
out:
    mmr_free(&x);
    return rc;
}
