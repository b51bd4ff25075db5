/* A max-heap of sentence indices by key (index_heap.c). */
#ifndef LIBSUMM_HEAP_H
#define LIBSUMM_HEAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct summ__heap {
    uint32_t *idx;     /* the heap's sentence indices */
    const double *key; /* per sentence */
    size_t n;
} summ__heap;

/* a ranks above b: larger key, then lower index; without branches. */
static inline bool summ__heap_above(const summ__heap *h, uint32_t a, uint32_t b)
{
    return (h->key[a] > h->key[b]) | ((h->key[a] == h->key[b]) & (a < b));
}

void summ__heap_sift_down(summ__heap *h, size_t i);
void summ__heap_sift_up(summ__heap *h, size_t i);

#endif /* LIBSUMM_HEAP_H */
