/* Per-object allocation through the caller's hook (lua_Alloc contract). */
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

static void *default_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    (void)ud;
    (void)osize;
    if (nsize == 0) {
        free(ptr);
        return NULL;
    }
    return realloc(ptr, nsize);
}

void summ__allocator_resolve(summ_allocator *dst, const summ_allocator *src)
{
    if (src && src->fn) {
        *dst = *src;
    } else {
        dst->fn = default_alloc;
        dst->ud = NULL;
    }
}

void *summ__alloc(const summ_allocator *a, size_t n)
{
    if (n == 0)
        n = 1; /* a zero-size request would mean "free" to the hook */
    return a->fn(a->ud, NULL, 0, n);
}

void *summ__realloc(const summ_allocator *a, void *p, size_t old_n, size_t new_n)
{
    if (new_n == 0)
        new_n = 1;
    if (!p)
        old_n = 0;
    else if (old_n == 0)
        old_n = 1; /* a zero-size block was allocated as one byte */
    return a->fn(a->ud, p, old_n, new_n);
}

void summ__free(const summ_allocator *a, void *p, size_t n)
{
    /* Report the size the hook actually gave: zero-size requests got one
     * byte (see summ__alloc), and the lua_Alloc contract wants osize to
     * match, e.g. for pool or accounting allocators. */
    if (p)
        a->fn(a->ud, p, n ? n : 1, 0);
}

void *summ__alloc_array(const summ_allocator *a, size_t n, size_t size)
{
    size_t bytes;
    if (!summ__mul_ok(n, size, &bytes))
        return NULL;
    return summ__alloc(a, bytes);
}

bool summ__mul_ok(size_t n, size_t size, size_t *out)
{
    if (size != 0 && n > SIZE_MAX / size)
        return false;
    *out = n * size;
    return true;
}

int summ__grow(const summ_allocator *a, void **p, size_t *cap, size_t need, size_t elem)
{
    size_t new_cap, bytes, old_bytes;
    void *np;

    if (need <= *cap)
        return SUMM_OK;
    new_cap = *cap ? *cap : 16;
    while (new_cap < need) {
        if (new_cap > SIZE_MAX / 2)
            return SUMM_E_NOMEM;
        new_cap *= 2;
    }
    if (!summ__mul_ok(new_cap, elem, &bytes))
        return SUMM_E_NOMEM;
    old_bytes = *cap * elem;
    np = summ__realloc(a, *p, old_bytes, bytes);
    if (!np)
        return SUMM_E_NOMEM;
    *p = np;
    *cap = new_cap;
    return SUMM_OK;
}

char *summ__strdup(const summ_allocator *a, const char *s, size_t *size_out)
{
    size_t n = strlen(s) + 1;
    char *d = summ__alloc(a, n);
    if (d)
        memcpy(d, s, n);
    if (size_out)
        *size_out = n;
    return d;
}

void summ_free(void *ptr)
{
    free(ptr);
}
