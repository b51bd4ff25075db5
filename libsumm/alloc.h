/*
 * Memory (alloc.c): every allocation goes through the owning object's
 * allocator, plus the size arithmetic and bit counting the stages share.
 */
#ifndef LIBSUMM_ALLOC_H
#define LIBSUMM_ALLOC_H

#include <libsumm/summ.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Sizes are passed back on free because the hook (lua_Alloc style) wants
 * them. */
void summ__allocator_resolve(summ_allocator *dst, const summ_allocator *src);
void *summ__alloc(const summ_allocator *a, size_t n);
void *summ__realloc(const summ_allocator *a, void *p, size_t old_n, size_t new_n);
void summ__free(const summ_allocator *a, void *p, size_t n);
/* n x size bytes, or NULL on overflow or failure. */
void *summ__alloc_array(const summ_allocator *a, size_t n, size_t size);
/* n * size with overflow detection: false when it does not fit in size_t. */
bool summ__mul_ok(size_t n, size_t size, size_t *out);
/* Grows *p (an array of elem-sized items with capacity *cap) to hold at least
 * need items, at least doubling. Returns SUMM_OK or SUMM_E_NOMEM; on failure
 * *p and *cap are unchanged. */
int summ__grow(const summ_allocator *a, void **p, size_t *cap, size_t need, size_t elem);
char *summ__strdup(const summ_allocator *a, const char *s, size_t *size_out);

/* The number of bits set in x. */
static inline int summ__popcount64(uint64_t x)
{
#if defined(__GNUC__)
    return __builtin_popcountll(x);
#else
    int n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
#endif
}

#endif /* LIBSUMM_ALLOC_H */
