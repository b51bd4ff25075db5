/*
 * Open-addressing hash map from byte strings to uint32 values. Keys are copied
 * into one arena so a document's vocabulary costs two allocations, and
 * clearing keeps both for the next document.
 */
#include "internal.h"

#include <string.h>

#define EMPTY UINT32_MAX

uint32_t summ__hash(const char *key, size_t len)
{
    /* 64-bit multiply-mix over 8-byte chunks: words are short, so this is
     * mostly one or two rounds. Only used for lookup, never for output order. */
    uint64_t h = 0x9E3779B97F4A7C15u ^ (uint64_t)len;
    const unsigned char *p = (const unsigned char *)key;
    while (len >= 8) {
        uint64_t k;
        memcpy(&k, p, 8);
        h = (h ^ k) * 0xFF51AFD7ED558CCDu;
        h ^= h >> 32;
        p += 8;
        len -= 8;
    }
    if (len) {
        uint64_t k = 0;
        memcpy(&k, p, len);
        h = (h ^ k) * 0xC4CEB9FE1A85EC53u;
    }
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9u;
    h ^= h >> 32;
    return (uint32_t)h;
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
    size_t i;
    if (m->count == 0)
        return;
    for (i = 0; i < m->cap; i++)
        m->slots[i].key_len = EMPTY;
    m->count = 0;
    m->keys_len = 0;
}

static size_t find_slot(const summ__strmap *m, const char *key, size_t len, uint32_t h)
{
    size_t mask = m->cap - 1;
    size_t i = h & mask;
    for (;;) {
        const summ__strmap_entry *e = &m->slots[i];
        if (e->key_len == EMPTY)
            return i;
        if (e->hash == h && e->key_len == len && memcmp(m->keys + e->key_off, key, len) == 0)
            return i;
        i = (i + 1) & mask;
    }
}

bool summ__strmap_get(const summ__strmap *m, const char *key, size_t len, uint32_t *value)
{
    size_t i;
    if (m->count == 0 || len >= EMPTY)
        return false;
    i = find_slot(m, key, len, summ__hash(key, len));
    if (m->slots[i].key_len == EMPTY)
        return false;
    if (value)
        *value = m->slots[i].value;
    return true;
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
    for (i = 0; i < new_cap; i++)
        slots[i].key_len = EMPTY;
    m->slots = slots;
    m->cap = new_cap;
    for (i = 0; i < old_cap; i++) {
        if (old[i].key_len != EMPTY) {
            size_t mask = new_cap - 1, j = old[i].hash & mask;
            while (slots[j].key_len != EMPTY)
                j = (j + 1) & mask;
            slots[j] = old[i];
        }
    }
    summ__free(&m->alloc, old, old_cap * sizeof *old);
    return SUMM_OK;
}

int summ__strmap_intern(summ__strmap *m, const char *key, size_t len, uint32_t value,
                        uint32_t *value_out, bool *inserted)
{
    uint32_t h;
    size_t i;
    int rc;

    if (len >= EMPTY)
        return SUMM_E_TOO_LARGE;
    /* Keep the load factor under 1/2 so probes stay short. */
    if ((m->count + 1) * 2 > m->cap) {
        rc = rehash(m, m->cap ? m->cap * 2 : 64);
        if (rc < 0)
            return rc;
    }
    h = summ__hash(key, len);
    i = find_slot(m, key, len, h);
    if (m->slots[i].key_len != EMPTY) {
        if (value_out)
            *value_out = m->slots[i].value;
        if (inserted)
            *inserted = false;
        return SUMM_OK;
    }
    if (m->keys_len + len + 1 > m->keys_cap) {
        void *p = m->keys;
        rc = summ__grow(&m->alloc, &p, &m->keys_cap, m->keys_len + len + 1, 1);
        if (rc < 0)
            return rc;
        m->keys = p;
    }
    if (len)
        memcpy(m->keys + m->keys_len, key, len);
    m->keys[m->keys_len + len] = '\0';
    m->slots[i].hash = h;
    m->slots[i].key_len = (uint32_t)len;
    m->slots[i].key_off = m->keys_len;
    m->slots[i].value = value;
    m->keys_len += len + 1;
    m->count++;
    if (value_out)
        *value_out = value;
    if (inserted)
        *inserted = true;
    return SUMM_OK;
}
