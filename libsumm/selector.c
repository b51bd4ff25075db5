/*
 * Selector: takes sentences best first (ties: earlier sentence first) while
 * they fit every length budget, then restores document order.
 */
#include "internal.h"

#include <math.h>

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

static void sift_down(uint32_t *idx, size_t root, size_t n, const double *scores)
{
    for (;;) {
        size_t child = 2 * root + 1, worst = root;
        uint32_t tmp;
        /* Max-heap on "ranks later", so the heap top is the last in rank. */
        if (child < n && before(scores, idx[worst], idx[child]))
            worst = child;
        if (child + 1 < n && before(scores, idx[worst], idx[child + 1]))
            worst = child + 1;
        if (worst == root)
            return;
        tmp = idx[root];
        idx[root] = idx[worst];
        idx[worst] = tmp;
        root = worst;
    }
}

/* Heapsort: O(n log n) without scratch memory. The order is total (index
 * breaks ties), so the result does not depend on the sort's stability. */
void summ__sort_by_score(uint32_t *idx, size_t n, const double *scores)
{
    size_t i;
    if (n < 2)
        return;
    for (i = n / 2; i-- > 0;)
        sift_down(idx, i, n, scores);
    for (i = n - 1; i > 0; i--) {
        uint32_t tmp = idx[0];
        idx[0] = idx[i];
        idx[i] = tmp;
        sift_down(idx, 0, i, scores);
    }
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

int summ__select(const summ__model *m, const double *scores, const summ_options *opts,
                 uint32_t *order, uint32_t *selected, size_t *n_selected)
{
    size_t n = m->n_sents, limit = n, count = 0, i;
    uint64_t words = 0, bytes = 0;
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

    for (i = 0; i < n; i++)
        order[i] = (uint32_t)i;
    summ__sort_by_score(order, n, scores);

    for (i = 0; i < n && count < limit; i++) {
        const summ__sentence *s = &m->sents[order[i]];
        uint64_t w = s->n_words, b = s->end - s->start;
        if (opts->max_words && words + w > opts->max_words)
            continue;
        if (opts->max_bytes && bytes + b > opts->max_bytes)
            continue;
        words += w;
        bytes += b;
        selected[count++] = order[i];
    }
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
    *n_selected = count;
    return SUMM_OK;
}
