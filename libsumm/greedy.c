/*
 * Lazy greedy selection for scorers that build a summary one sentence at a
 * time (sumbasic, kl-sum). Each sentence's gain can only fall as the summary
 * grows, or is bounded by a key that can only fall, so a max-heap of stale
 * keys finds the best sentence after re-evaluating only the candidates that
 * reach the top (Minoux's accelerated greedy): the picks are exactly those of
 * the plain greedy loop, usually at a small fraction of its O(S^2) cost.
 *
 * When many stale candidates tie closely (every sentence sharing one word
 * whose weight just fell), each pick would re-evaluate all of them, O(S)
 * per pick. At most SUMM__GREEDY_MAX_EVALUATIONS are re-evaluated per pick
 * and the best of those is taken: the picks then may differ from the plain
 * greedy loop's, and the work stays O(picks x cap).
 *
 * With stop_without_gain, picking ends at the first step whose best gain is
 * not positive (KL-Sum adds sentences while they lower the divergence); the
 * remaining sentences follow in the order of their last upper bounds.
 *
 * The order of picks is the algorithm's output; it becomes a score the
 * selector can use with any budget: the k-th pick (from 0) of S sentences
 * scores (S - k) / S, so the first pick scores 1 and every later pick less.
 */
#include "internal.h"

#include <string.h>

typedef struct heap {
    uint32_t *idx;
    double *key;
    size_t n;
} heap;

/* a ranks above b: larger key, then lower index. Without branches: the
 * heap's comparisons are close to coin flips. */
static inline bool above(const heap *h, uint32_t a, uint32_t b)
{
    return (h->key[a] > h->key[b]) | ((h->key[a] == h->key[b]) & (a < b));
}

/* Moves the entry at i down to its place: each level takes the child that
 * ranks above, chosen without a branch, up into the hole. A total order,
 * so pops come in the same order whatever the heap's shape. */
static void sift_down(heap *h, size_t i)
{
    uint32_t x = h->idx[i];
    size_t l;
    while ((l = 2 * i + 1) < h->n) {
        size_t c = l;
        if (l + 1 < h->n)
            c += above(h, h->idx[l + 1], h->idx[l]);
        if (!above(h, h->idx[c], x))
            break;
        h->idx[i] = h->idx[c];
        i = c;
    }
    h->idx[i] = x;
}

static void sift_up(heap *h, size_t i)
{
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        uint32_t tmp;
        if (!above(h, h->idx[i], h->idx[parent]))
            return;
        tmp = h->idx[i];
        h->idx[i] = h->idx[parent];
        h->idx[parent] = tmp;
        i = parent;
    }
}

static uint32_t pop(heap *h)
{
    uint32_t top = h->idx[0];
    h->idx[0] = h->idx[--h->n];
    sift_down(h, 0);
    return top;
}

int summ__lazy_greedy(const summ__score_ctx *ctx, summ__gain_fn gain, summ__pick_fn pick,
                      void *ud, bool stop_without_gain, double *scores)
{
    size_t n = ctx->model->n_sents, i, rank = 0, n_popped;
    heap h;
    uint32_t *popped = NULL;
    double *exact = NULL;
    int rc = SUMM_OK;

    h.idx = summ__alloc_array(ctx->alloc, n, sizeof *h.idx);
    h.key = summ__alloc_array(ctx->alloc, n, sizeof *h.key);
    popped = summ__alloc_array(ctx->alloc, n, sizeof *popped);
    exact = summ__alloc_array(ctx->alloc, n, sizeof *exact);
    if (!h.idx || !h.key || !popped || !exact) {
        rc = SUMM_E_NOMEM;
        goto out;
    }
    for (i = 0; i < n; i++) {
        h.idx[i] = (uint32_t)i;
        gain(ud, (uint32_t)i, &exact[i], &h.key[i]);
    }
    h.n = n;
    for (i = n / 2; i-- > 0;)
        sift_down(&h, i);
    while (h.n > 0) {
        /* Pop and re-evaluate candidates until no key left in the heap can
         * beat the best current gain (keys are upper bounds). */
        uint32_t best = pop(&h);
        gain(ud, best, &exact[best], &h.key[best]);
        n_popped = 0;
        while (h.n > 0 && n_popped < SUMM__GREEDY_MAX_EVALUATIONS) {
            uint32_t top = h.idx[0];
            if (h.key[top] < exact[best] || (h.key[top] == exact[best] && top > best))
                break;
            pop(&h);
            gain(ud, top, &exact[top], &h.key[top]);
            if (exact[top] > exact[best] || (exact[top] == exact[best] && top < best)) {
                popped[n_popped++] = best;
                best = top;
            } else {
                popped[n_popped++] = top;
            }
        }
        for (i = 0; i < n_popped; i++) {
            h.idx[h.n++] = popped[i];
            sift_up(&h, h.n - 1);
        }
        if (stop_without_gain && rank > 0 && exact[best] <= 0.0) {
            /* Nothing improves the summary any more: the rest follow in the
             * order of their keys. */
            h.idx[h.n++] = best;
            sift_up(&h, h.n - 1);
            while (h.n > 0) {
                scores[pop(&h)] = (double)(n - rank) / (double)n;
                rank++;
            }
            break;
        }
        scores[best] = (double)(n - rank) / (double)n;
        rank++;
        pick(ud, best);
    }
out:
    summ__free(ctx->alloc, h.idx, n * sizeof *h.idx);
    summ__free(ctx->alloc, h.key, n * sizeof *h.key);
    summ__free(ctx->alloc, popped, n * sizeof *popped);
    summ__free(ctx->alloc, exact, n * sizeof *exact);
    return rc;
}
