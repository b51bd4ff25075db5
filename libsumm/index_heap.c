/*
 * A max-heap of sentence indices ordered by a key array: larger key first,
 * then lower index. That is a total order, so entries leave the heap in the
 * same order whatever its shape; the selections built on it (select.c,
 * mmr.c, greedy.c, scorer_klsum.c) rely on it for picks that do not depend
 * on how the heap was built.
 *
 * Each node has four children: half the levels of a binary heap, and the
 * four indices of a node's children share a cache line. Sifts are what
 * costs once a heap outgrows the cache: kl-sum on 250,000 tied sentences
 * re-sifts 32 candidates per pick, and took 0.62 s of CPU with two children
 * per node, 0.37 s with four.
 */
#include "heap.h"

#define ARITY 4

/* Puts sentence x in slot i, and records the slot in the position index. */
static inline void place(summ__heap *h, size_t i, uint32_t x)
{
    h->idx[i] = x;
    if (h->pos)
        h->pos[x] = (uint32_t)i;
}

void summ__heap_sift_down(summ__heap *h, size_t i)
{
    /* Each level takes the child that ranks above the others up into the
     * hole, until x ranks above them all. */
    uint32_t x = h->idx[i];
    size_t first;
    while ((first = ARITY * i + 1) < h->n) {
        size_t end = h->n - first > ARITY ? first + ARITY : h->n, c = first, k;
        for (k = first + 1; k < end; k++)
            if (summ__heap_above(h, h->idx[k], h->idx[c]))
                c = k;
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
        size_t parent = (i - 1) / ARITY;
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
    /* From the last node with a child back to the root. */
    for (i = h->n > 1 ? (h->n - 2) / ARITY + 1 : 0; i-- > 0;)
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
