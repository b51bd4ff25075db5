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
#include "greedy.h"

#include <string.h>

#include "alloc.h"
#include "heap.h"
#include "scorer.h"

int summ__lazy_greedy(const summ__score_ctx *ctx, summ__gain_fn gain, summ__pick_fn pick,
                      void *ud, bool stop_without_gain, double *scores)
{
    size_t n = ctx->model->n_sents, i, rank = 0, n_popped;
    summ__heap h;
    double *key;
    uint32_t *popped = NULL;
    double *exact = NULL;
    int rc = SUMM_OK;

    h.idx = summ__alloc_array(ctx->alloc, n, sizeof *h.idx);
    h.key = key = summ__alloc_array(ctx->alloc, n, sizeof *key);
    h.pos = NULL;
    popped = summ__alloc_array(ctx->alloc, n, sizeof *popped);
    exact = summ__alloc_array(ctx->alloc, n, sizeof *exact);
    if (!h.idx || !key || !popped || !exact) {
        rc = SUMM_E_NOMEM;
        goto out;
    }
    for (i = 0; i < n; i++) {
        h.idx[i] = (uint32_t)i;
        gain(ud, (uint32_t)i, &exact[i], &key[i]);
    }
    h.n = n;
    summ__heap_build(&h);
    while (h.n > 0) {
        /* Pop and re-evaluate candidates until no key left in the heap can
         * beat the best current gain (keys are upper bounds). */
        uint32_t best = summ__heap_pop(&h);
        gain(ud, best, &exact[best], &key[best]);
        n_popped = 0;
        while (h.n > 0 && n_popped < SUMM__GREEDY_MAX_EVALUATIONS) {
            uint32_t top = h.idx[0];
            if (h.key[top] < exact[best] || (h.key[top] == exact[best] && top > best))
                break;
            summ__heap_pop(&h);
            gain(ud, top, &exact[top], &key[top]);
            if (exact[top] > exact[best] || (exact[top] == exact[best] && top < best)) {
                popped[n_popped++] = best;
                best = top;
            } else {
                popped[n_popped++] = top;
            }
        }
        for (i = 0; i < n_popped; i++)
            summ__heap_push(&h, popped[i]);
        if (stop_without_gain && rank > 0 && exact[best] <= 0.0) {
            /* Nothing improves the summary any more: the rest follow in the
             * order of their keys. */
            summ__heap_push(&h, best);
            while (h.n > 0) {
                scores[summ__heap_pop(&h)] = (double)(n - rank) / (double)n;
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
    summ__free(ctx->alloc, key, n * sizeof *key);
    summ__free(ctx->alloc, popped, n * sizeof *popped);
    summ__free(ctx->alloc, exact, n * sizeof *exact);
    return rc;
}
