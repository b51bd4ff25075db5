/*
 * Hash map from byte strings to uint32 (strmap.c), and the string hash
 * (summ__hash) that the word model also computes inline.
 */
#ifndef LIBSUMM_STRMAP_H
#define LIBSUMM_STRMAP_H

#include <libsumm/summ.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct summ__strmap_entry {
    uint32_t hash;
    uint32_t ref; /* the key's record in the arena (see strmap.c); 0 marks empty */
} summ__strmap_entry;

typedef struct summ__strmap {
    summ_allocator alloc;
    summ__strmap_entry *slots; /* open addressing */
    size_t cap;                /* power of two, or 0 */
    size_t count;
    char *keys; /* arena of records: value, key length, key bytes */
    size_t keys_len, keys_cap;
} summ__strmap;

void summ__strmap_init(summ__strmap *m, const summ_allocator *alloc);
void summ__strmap_dispose(summ__strmap *m);
/* Forgets every key but keeps the memory for reuse. */
void summ__strmap_clear(summ__strmap *m);
/* Room for `keys` keys of `key_bytes` bytes of records in all, so that
 * inserting them neither rehashes nor moves the arena. */
int summ__strmap_reserve(summ__strmap *m, size_t keys, size_t key_bytes);
bool summ__strmap_get(const summ__strmap *m, const char *key, size_t len, uint32_t *value);
/* Looks key up; if absent inserts it with value `value`. *value_out receives
 * the stored value, *inserted whether it was added now. */
int summ__strmap_intern(summ__strmap *m, const char *key, size_t len, uint32_t value,
                        uint32_t *value_out, bool *inserted);
/* The same with the key's summ__hash already computed, for a caller that
 * looks one key up in several maps. */
bool summ__strmap_get_hashed(const summ__strmap *m, const char *key, size_t len, uint32_t hash,
                             uint32_t *value);
int summ__strmap_intern_hashed(summ__strmap *m, const char *key, size_t len, uint32_t hash,
                               uint32_t value, uint32_t *value_out, bool *inserted);
/* Looks up n <= 64 keys at once: key i is bytes[off[i], off[i] + len[i])
 * with summ__hash hash[i], and 8 bytes after each key must be readable.
 * Bit i of the result tells whether key i is in the map, and then values[i]
 * receives its value. With `prefetch`, every key's record is requested from
 * memory before any is compared: worth it when many are not in cache. */
uint64_t summ__strmap_get_batch(const summ__strmap *m, const char *bytes, const uint16_t *off,
                                const uint16_t *len, const uint32_t *hash, size_t n,
                                bool prefetch, uint32_t *values);
/* Hints that a key of this hash will be looked up soon, so that its slot is
 * fetched from memory meanwhile. Changes nothing but timing. */
static inline void summ__strmap_prefetch_slot(const summ__strmap *m, uint32_t hash)
{
#if defined(__GNUC__)
    if (m->cap)
        __builtin_prefetch(&m->slots[hash & (m->cap - 1)]);
#else
    (void)m;
    (void)hash;
#endif
}
uint32_t summ__hash(const char *key, size_t len);

/* The steps of summ__hash, shared with summ__hash_padded. */
static inline uint64_t summ__hash_seed(size_t len)
{
    return 0x9E3779B97F4A7C15u ^ ((uint64_t)len * 0xD6E8FEB86659FD93u);
}
static inline uint64_t summ__hash_chunk(uint64_t h, uint64_t k)
{
    h = (h ^ k) * 0xFF51AFD7ED558CCDu;
    return h ^ h >> 32;
}
static inline uint32_t summ__hash_finish(uint64_t h, uint64_t tail, size_t rest)
{
    if (rest)
        h = (h ^ tail) * 0xC4CEB9FE1A85EC53u;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9u;
    h ^= h >> 32;
    return (uint32_t)h;
}

/* summ__hash, the same value, for a key with 8 readable bytes after it:
 * the last bytes are one load and a mask, with no branch on how many are
 * left. Inline, as the word model hashes every word with it. */
static inline uint32_t summ__hash_padded(const char *key, size_t len)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t h = summ__hash_seed(len), k;
    size_t rest = len;
    while (rest >= 8) {
        memcpy(&k, key, 8);
        h = summ__hash_chunk(h, k);
        key += 8;
        rest -= 8;
    }
    memcpy(&k, key, 8);
    k &= rest ? ~(uint64_t)0 >> (64 - 8 * rest) : 0;
    return summ__hash_finish(h, k, rest);
#else
    return summ__hash(key, len);
#endif
}

#endif /* LIBSUMM_STRMAP_H */
