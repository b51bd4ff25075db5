/*
 * A summarizer's memory of the stems it has computed, kept from one text to
 * the next. Snowball costs a few thousand instructions per word, and a
 * model stems each distinct word of a text once; over a corpus of short
 * texts nearly every word is distinct within its text but seen before in
 * others, so stemming them again was most of the work left per word.
 *
 * Entries belong to one stemmer (an "auto" summarizer switches stemmers
 * between texts; a switch clears the cache). The cache is bounded: once it
 * holds SUMM__STEM_CACHE_WORDS words or SUMM__STEM_CACHE_BYTES bytes of
 * stems it starts over, so memory stays under a few megabytes whatever the
 * corpus. It never changes a result; like any allocation in a call, a
 * failed one makes the call fail with SUMM_E_NOMEM, and the cache stays
 * consistent.
 */
#include "internal.h"

#include <string.h>

void summ__stem_cache_init(summ__stem_cache *c, const summ_allocator *alloc)
{
    memset(c, 0, sizeof *c);
    c->alloc = alloc;
    summ__strmap_init(&c->words, alloc);
}

void summ__stem_cache_dispose(summ__stem_cache *c)
{
    summ__strmap_dispose(&c->words);
    summ__free(c->alloc, c->stems, c->stems_cap);
    c->stems = NULL;
    c->stems_len = c->stems_cap = 0;
}

static void forget_all(summ__stem_cache *c)
{
    summ__strmap_clear(&c->words);
    c->stems_len = 0;
}

const char *summ__stem_cache_get(summ__stem_cache *c, const void *stemmer, const char *word,
                                 size_t len, uint32_t hash, size_t *stem_len)
{
    uint32_t off, n;
    if (c->owner != stemmer) {
        forget_all(c);
        c->owner = stemmer;
        return NULL;
    }
    if (!summ__strmap_get_hashed(&c->words, word, len, hash, &off))
        return NULL;
    memcpy(&n, c->stems + off, sizeof n);
    *stem_len = n;
    return c->stems + off + sizeof n;
}

int summ__stem_cache_put(summ__stem_cache *c, const char *word, size_t len, uint32_t hash,
                         const char *stem, size_t stem_len)
{
    size_t need = sizeof(uint32_t) + stem_len, off;
    uint32_t n = (uint32_t)stem_len;
    void *p;
    int rc;
    if (stem_len > SUMM__STEM_CACHE_BYTES / 16)
        return SUMM_OK; /* a freak word; not worth keeping */
    if (c->words.count >= SUMM__STEM_CACHE_WORDS || c->stems_len + need > SUMM__STEM_CACHE_BYTES)
        forget_all(c);
    off = c->stems_len;
    p = c->stems;
    if ((rc = summ__grow(c->alloc, &p, &c->stems_cap, off + need, 1)) < 0)
        return rc;
    c->stems = p;
    /* The record is written before the word points at it. */
    memcpy(c->stems + off, &n, sizeof n);
    memcpy(c->stems + off + sizeof n, stem, stem_len);
    if ((rc = summ__strmap_intern_hashed(&c->words, word, len, hash, (uint32_t)off, NULL, NULL)) < 0)
        return rc;
    c->stems_len = off + need;
    return SUMM_OK;
}
