/*
 * A max-heap of sentence indices ordered by a key array: larger key first,
 * then lower index. That is a total order, so entries leave the heap in the
 * same order whatever its shape; the selections built on it (select.c,
 * mmr.c, greedy.c, scorer_klsum.c) rely on it for picks that do not depend
 * on how the heap was built.
 */
#include "heap.h"

/* Puts sentence x in slot i, and records the slot in the position index. */
static inline void place(summ__heap *h, size_t i, uint32_t x)
{
    h->idx[i] = x;
    if (h->pos)
        h->pos[x] = (uint32_t)i;
}

void summ__heap_sift_down(summ__heap *h, size_t i)
{
    /* Each level takes the child that ranks above, chosen without a branch
     * (the comparisons are close to coin flips), up into the hole. */
    uint32_t x = h->idx[i];
    size_t l;
    while ((l = 2 * i + 1) < h->n) {
        size_t c = l;
        if (l + 1 < h->n)
            c += summ__heap_above(h, h->idx[l + 1], h->idx[l]);
        if (!summ__heap_above(h, h->idx[c], x))
            break;
        place(h, i, h->idx[c]);
        i = c;
    }
    place(h, i, x);
}

void summ__heap_sift_up(summ__heap *h, size_t i)
{
    uint32_t x = h->idx[i];
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (!summ__heap_above(h, x, h->idx[parent]))
            break;
        place(h, i, h->idx[parent]);
        i = parent;
    }
    place(h, i, x);
}

void summ__heap_build(summ__heap *h)
{
    size_t i;
    if (h->pos)
        for (i = 0; i < h->n; i++)
            h->pos[h->idx[i]] = (uint32_t)i;
    for (i = h->n / 2; i-- > 0;)
        summ__heap_sift_down(h, i);
}

uint32_t summ__heap_pop(summ__heap *h)
{
    uint32_t top = h->idx[0];
    h->idx[0] = h->idx[--h->n];
    if (h->n > 0)
        summ__heap_sift_down(h, 0);
    return top;
}

void summ__heap_push(summ__heap *h, uint32_t i)
{
    h->idx[h->n++] = i;
    summ__heap_sift_up(h, h->n - 1);
}

void summ__heap_remove(summ__heap *h, uint32_t i)
{
    size_t slot = h->pos[i];
    uint32_t last = h->idx[--h->n];
    if (slot == h->n)
        return;
    /* The last entry fills the hole, and may belong above or below it. */
    place(h, slot, last);
    summ__heap_sift_up(h, slot);
    summ__heap_sift_down(h, h->pos[last]);
}
