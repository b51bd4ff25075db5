/*
 * The max-heap of sentence indices by key (index_heap.c), the one every
 * stage that takes sentences best first uses: the selector, MMR, the lazy
 * greedy selections and KL-Sum.
 */
#ifndef LIBSUMM_HEAP_H
#define LIBSUMM_HEAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The keys are the owner's, one per sentence, and must not be NaN. An
 * owner may change the key of an entry in place and then restore the heap
 * with a sift from its slot. Heaps that take entries out from the middle
 * (summ__heap_remove) keep a position index: pos[i] is sentence i's slot
 * in idx while it is in the heap. Several heaps over disjoint sentences
 * may share one key and one pos array. */
typedef struct summ__heap {
    uint32_t *idx;     /* the heap's sentence indices */
    const double *key; /* per sentence */
    uint32_t *pos;     /* per sentence, or NULL: no position index */
    size_t n;
} summ__heap;

/* a ranks above b: larger key, then lower index; without branches. */
static inline bool summ__heap_above(const summ__heap *h, uint32_t a, uint32_t b)
{
    return (h->key[a] > h->key[b]) | ((h->key[a] == h->key[b]) & (a < b));
}

/* Orders idx[0, n) into a heap, in O(n), and fills in pos. */
void summ__heap_build(summ__heap *h);
/* Takes the top entry out (the heap must not be empty) and returns it. */
uint32_t summ__heap_pop(summ__heap *h);
/* Adds sentence i; idx must have room for it. */
void summ__heap_push(summ__heap *h, uint32_t i);
/* Takes sentence i out, wherever it is, in O(log n); needs pos. */
void summ__heap_remove(summ__heap *h, uint32_t i);
/* Moves the entry at slot i down, or up, to where it belongs. */
void summ__heap_sift_down(summ__heap *h, size_t i);
void summ__heap_sift_up(summ__heap *h, size_t i);

#endif /* LIBSUMM_HEAP_H */
