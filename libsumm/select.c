/*
 * Selection: takes sentences best first (ties: earlier sentence first)
 * while they fit every length budget, then restores document order.
 */
#include "select.h"

#include <math.h>

#include "heap.h"
#include "model.h"

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

bool summ__budget_take(const summ_options *opts, summ__budget *b, const summ__sentence *s)
{
    uint64_t w = s->n_words, len = s->end - s->start;
    if (w < opts->min_sentence_words)
        return false; /* a fragment: "Yes.", a byline */
    if (opts->max_words && b->words + w > opts->max_words)
        return false;
    if (opts->max_bytes && b->bytes + len > opts->max_bytes)
        return false;
    b->words += w;
    b->bytes += len;
    return true;
}

static void sort_ascending(uint32_t *v, size_t n)
{
    /* Insertion sort for short summaries; summ__summary_order uses a linear
     * pass over a flag array for long ones. */
    size_t i, j;
    for (i = 1; i < n; i++) {
        uint32_t x = v[i];
        for (j = i; j > 0 && v[j - 1] > x; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

void summ__summary_order(const summ_options *opts, size_t n, uint32_t *order, uint32_t *selected,
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
    size_t n = m->n_sents, limit = summ__sentence_limit(opts, n), count = 0, i;
    summ__budget budget = { 0, 0 };
    summ__heap h;

    /* Candidates come off a heap best first, the order a full sort would
     * give, but only as many as the budgets take: a summary is usually a
     * fifth of the text, and a heap is built in linear time. */
    for (i = 0; i < n; i++)
        order[i] = (uint32_t)i;
    h.idx = order;
    h.key = scores;
    h.pos = NULL;
    h.n = n;
    summ__heap_build(&h);
    while (h.n > 0 && count < limit) {
        uint32_t top = summ__heap_pop(&h);
        if (summ__budget_take(opts, &budget, &m->sents[top]))
            selected[count++] = top;
    }
    summ__summary_order(opts, n, order, selected, count);
    *n_selected = count;
    return SUMM_OK;
}
