/*
 * Open-addressing hash map from byte strings to uint32 values.
 *
 * Built for look-ups that mostly miss the CPU cache (a document's vocabulary
 * outgrows it): a slot is 8 bytes, the key's 32-bit hash and a reference to
 * its record, so the slot array is a third of what full entries would take.
 * Records (value, length, key bytes) sit in one arena in insertion order,
 * which keeps the frequent words of a text, met first, close together.
 * A document's vocabulary costs two allocations, and clearing keeps both for
 * the next document.
 */
#include "strmap.h"

#include <string.h>

#include "alloc.h"

/* Records start at multiples of RECORD_ALIGN bytes; a slot's ref is the
 * record's offset / RECORD_ALIGN + 1, and 0 marks an empty slot. */
#define RECORD_ALIGN 4u
#define RECORD_HEADER 8u /* uint32 value, uint32 key length */

static uint64_t load64(const unsigned char *p)
{
    uint64_t k;
    memcpy(&k, p, 8);
    return k;
}

static uint32_t load32(const unsigned char *p)
{
    uint32_t k;
    memcpy(&k, p, 4);
    return k;
}

uint32_t summ__hash(const char *key, size_t len)
{
    /* 64-bit multiply-mix over 8-byte chunks: words are short, so this is
     * mostly one or two rounds. The last 1-7 bytes are read with fixed-size
     * loads that may overlap, and combined into their value as one
     * little-endian load of just those bytes would give (what
     * summ__hash_padded reads at once). Only used for look-up, never for
     * output order. */
    uint64_t h = summ__hash_seed(len), k = 0;
    const unsigned char *p = (const unsigned char *)key;
    size_t rest = len;
    while (rest >= 8) {
        h = summ__hash_chunk(h, load64(p));
        p += 8;
        rest -= 8;
    }
    if (rest >= 4)
        k = (uint64_t)load32(p) | ((uint64_t)load32(p + rest - 4) << (8 * (rest - 4)));
    else if (rest)
        k = (uint64_t)p[0] | ((uint64_t)p[rest / 2] << (8 * (rest / 2))) |
            ((uint64_t)p[rest - 1] << (8 * (rest - 1)));
    return summ__hash_finish(h, k, rest);
}

/* Whether two keys of length len are equal; short keys (most words) with
 * two fixed-size loads instead of a call. */
static bool same_key(const unsigned char *a, const unsigned char *b, size_t len)
{
    if (len >= 4 && len <= 8)
        return load32(a) == load32(b) && load32(a + len - 4) == load32(b + len - 4);
    if (len < 4) {
        size_t i;
        for (i = 0; i < len; i++)
            if (a[i] != b[i])
                return false;
        return true;
    }
    return memcmp(a, b, len) == 0;
}

void summ__strmap_init(summ__strmap *m, const summ_allocator *alloc)
{
    memset(m, 0, sizeof *m);
    m->alloc = *alloc;
}

void summ__strmap_dispose(summ__strmap *m)
{
    summ__free(&m->alloc, m->slots, m->cap * sizeof *m->slots);
    summ__free(&m->alloc, m->keys, m->keys_cap);
    m->slots = NULL;
    m->keys = NULL;
    m->cap = m->count = m->keys_len = m->keys_cap = 0;
}

void summ__strmap_clear(summ__strmap *m)
{
    if (m->count == 0)
        return;
    memset(m->slots, 0, m->cap * sizeof *m->slots);
    m->count = 0;
    m->keys_len = 0;
}

static const unsigned char *record_at(const summ__strmap *m, uint32_t ref)
{
    return (const unsigned char *)m->keys + (size_t)(ref - 1) * RECORD_ALIGN;
}

/* same_key for keys with 8 readable bytes after them (as both a batch's
 * keys and the arena's are): a key of up to 8 bytes is one masked load. */
static inline bool same_padded_key(const unsigned char *a, const unsigned char *b, size_t len)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (len <= 8) {
        uint64_t mask = len == 0 ? 0 : ~(uint64_t)0 >> (64 - 8 * len);
        return ((load64(a) ^ load64(b)) & mask) == 0;
    }
#endif
    return same_key(a, b, len);
}

/* The slot holding key, or the empty slot where it would go; `padded`
 * (a constant) when key has 8 readable bytes after it. */
static inline size_t find_slot_in(const summ__strmap *m, const char *key, size_t len, uint32_t h,
                                  bool padded)
{
    size_t mask = m->cap - 1;
    size_t i = h & mask;
    for (;;) {
        const summ__strmap_entry *e = &m->slots[i];
        if (e->ref == 0)
            return i;
        if (e->hash == h) {
            const unsigned char *r = record_at(m, e->ref);
            if (load32(r + 4) == len &&
                (padded ? same_padded_key(r + RECORD_HEADER, (const unsigned char *)key, len)
                        : same_key(r + RECORD_HEADER, (const unsigned char *)key, len)))
                return i;
        }
        i = (i + 1) & mask;
    }
}

static size_t find_slot(const summ__strmap *m, const char *key, size_t len, uint32_t h)
{
    return find_slot_in(m, key, len, h, false);
}

bool summ__strmap_get_hashed(const summ__strmap *m, const char *key, size_t len, uint32_t h,
                             uint32_t *value)
{
    size_t i;
    if (m->count == 0 || len >= UINT32_MAX)
        return false;
    i = find_slot(m, key, len, h);
    if (m->slots[i].ref == 0)
        return false;
    if (value)
        *value = load32(record_at(m, m->slots[i].ref));
    return true;
}

bool summ__strmap_get(const summ__strmap *m, const char *key, size_t len, uint32_t *value)
{
    if (m->count == 0 || len >= UINT32_MAX)
        return false;
    return summ__strmap_get_hashed(m, key, len, summ__hash(key, len), value);
}

static int rehash(summ__strmap *m, size_t new_cap)
{
    size_t bytes, i;
    summ__strmap_entry *old = m->slots, *slots;
    size_t old_cap = m->cap;

    if (!summ__mul_ok(new_cap, sizeof *slots, &bytes))
        return SUMM_E_NOMEM;
    slots = summ__alloc(&m->alloc, bytes);
    if (!slots)
        return SUMM_E_NOMEM;
    memset(slots, 0, bytes);
    m->slots = slots;
    m->cap = new_cap;
    for (i = 0; i < old_cap; i++) {
        if (old[i].ref != 0) {
            size_t mask = new_cap - 1, j = old[i].hash & mask;
            while (slots[j].ref != 0)
                j = (j + 1) & mask;
            slots[j] = old[i];
        }
    }
    summ__free(&m->alloc, old, old_cap * sizeof *old);
    return SUMM_OK;
}

int summ__strmap_reserve(summ__strmap *m, size_t keys, size_t key_bytes)
{
    size_t cap = m->cap ? m->cap : 64;
    int rc;
    while (keys > cap / 2) { /* the load factor stays under 1/2 */
        if (cap > SIZE_MAX / 2 / sizeof *m->slots)
            return SUMM_E_NOMEM;
        cap *= 2;
    }
    if (cap > m->cap && (rc = rehash(m, cap)) < 0)
        return rc;
    if (key_bytes > SIZE_MAX - 8)
        return SUMM_E_NOMEM;
    if (key_bytes + 8 > m->keys_cap) {
        void *p = m->keys;
        if ((rc = summ__grow(&m->alloc, &p, &m->keys_cap, key_bytes + 8, 1)) < 0)
            return rc;
        m->keys = p;
    }
    return SUMM_OK;
}

int summ__strmap_intern_hashed(summ__strmap *m, const char *key, size_t len, uint32_t h,
                               uint32_t value, uint32_t *value_out, bool *inserted)
{
    size_t i, need, rec;
    unsigned char *r;
    uint32_t len32;
    int rc;

    if (len >= UINT32_MAX || len > SIZE_MAX - 2 * RECORD_HEADER)
        return SUMM_E_TOO_LARGE;
    /* Keep the load factor under 1/2 so probes stay short. */
    if ((m->count + 1) * 2 > m->cap) {
        rc = rehash(m, m->cap ? m->cap * 2 : 64);
        if (rc < 0)
            return rc;
    }
    i = find_slot(m, key, len, h);
    if (m->slots[i].ref != 0) {
        if (value_out)
            *value_out = load32(record_at(m, m->slots[i].ref));
        if (inserted)
            *inserted = false;
        return SUMM_OK;
    }
    rec = (RECORD_HEADER + len + RECORD_ALIGN - 1) / RECORD_ALIGN * RECORD_ALIGN;
    /* The arena holds up to 16 GiB of records, as far as 32-bit refs reach. */
    if (m->keys_len / RECORD_ALIGN >= UINT32_MAX || rec > SIZE_MAX - 8 - m->keys_len)
        return SUMM_E_TOO_LARGE;
    need = m->keys_len + rec;
    /* 8 bytes past the last key, zeroed below, for same_padded_key. */
    if (need + 8 > m->keys_cap) {
        void *p = m->keys;
        rc = summ__grow(&m->alloc, &p, &m->keys_cap, need + 8, 1);
        if (rc < 0)
            return rc;
        m->keys = p;
    }
    r = (unsigned char *)m->keys + m->keys_len;
    len32 = (uint32_t)len;
    memcpy(r, &value, 4);
    memcpy(r + 4, &len32, 4);
    if (len)
        memcpy(r + RECORD_HEADER, key, len);
    memset(r + RECORD_HEADER + len, 0, 8);
    m->slots[i].hash = h;
    m->slots[i].ref = (uint32_t)(m->keys_len / RECORD_ALIGN + 1);
    m->keys_len = need;
    m->count++;
    if (value_out)
        *value_out = value;
    if (inserted)
        *inserted = true;
    return SUMM_OK;
}

int summ__strmap_intern(summ__strmap *m, const char *key, size_t len, uint32_t value,
                        uint32_t *value_out, bool *inserted)
{
    if (len >= UINT32_MAX)
        return SUMM_E_TOO_LARGE;
    return summ__strmap_intern_hashed(m, key, len, summ__hash(key, len), value, value_out,
                                      inserted);
}

uint64_t summ__strmap_get_batch(const summ__strmap *m, const char *bytes, const uint16_t *off,
                                const uint16_t *len, const uint32_t *hash, size_t n,
                                bool prefetch, uint32_t *values)
{
    uint64_t found = 0;
    size_t i;

    if (m->count == 0)
        return 0;
        /* Ask for every key's record before comparing any (the callers asked
         * for the slots with summ__strmap_prefetch_slot), so that the cache
         * misses of a batch overlap. */
#if defined(__GNUC__)
    for (i = 0; prefetch && i < n; i++) {
        const summ__strmap_entry *e = &m->slots[hash[i] & (m->cap - 1)];
        if (e->ref != 0 && e->hash == hash[i])
            __builtin_prefetch(record_at(m, e->ref));
    }
#endif
    for (i = 0; i < n; i++) {
        size_t k = find_slot_in(m, bytes + off[i], len[i], hash[i], true);
        if (m->slots[k].ref != 0) {
            values[i] = load32(record_at(m, m->slots[k].ref));
            found |= (uint64_t)1 << i;
        }
    }
    return found;
}
