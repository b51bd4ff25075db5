/* Hash map from byte strings to uint32: keys of every short length, growth,
 * clearing, batched look-ups and allocation failure. */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "strmap.h"

/* Key number i: lengths 0 to 20 in turn, bytes that differ early or late. */
static size_t key_of(size_t i, char *buf)
{
    size_t len = i % 21, k;
    char digits[32];
    size_t nd = (size_t)sprintf(digits, "%zu", i);
    for (k = 0; k < len; k++)
        buf[k] = (char)('a' + (k * 7 + i) % 26);
    /* Make the key unique by writing the number over its end (or, for short
     * keys, using the number itself when it fits). */
    if (len >= nd)
        memcpy(buf + len - nd, digits, nd);
    return len;
}

START_TEST(keys_of_every_short_length)
{
    summ_allocator a;
    summ__strmap m;
    char buf[32];
    size_t i;
    uint32_t v;
    bool inserted;

    summ__allocator_resolve(&a, NULL);
    summ__strmap_init(&m, &a);
    for (i = 0; i < 3000; i++) {
        size_t len = key_of(i, buf);
        ck_assert_int_eq(summ__strmap_intern(&m, buf, len, (uint32_t)i, &v, &inserted), 0);
        /* Two keys of the same length and number digits collide only when
         * key_of gives them the same bytes: the first one wins. */
        if (inserted)
            ck_assert_uint_eq(v, i);
    }
    for (i = 0; i < 3000; i++) {
        size_t len = key_of(i, buf);
        uint32_t w;
        ck_assert(summ__strmap_get(&m, buf, len, &v));
        ck_assert_int_eq(summ__strmap_intern(&m, buf, len, 12345, &w, &inserted), 0);
        ck_assert(!inserted);
        ck_assert_uint_eq(v, w);
        ck_assert(summ__strmap_get_hashed(&m, buf, len, summ__hash(buf, len), &w));
        ck_assert_uint_eq(v, w);
    }
    ck_assert(!summ__strmap_get(&m, "zzzzzzzzzzzzzzzzzzzzzzzzz", 25, NULL));

    summ__strmap_clear(&m);
    ck_assert_uint_eq(m.count, 0);
    key_of(7, buf);
    ck_assert(!summ__strmap_get(&m, buf, 7, NULL));
    ck_assert_int_eq(summ__strmap_intern(&m, "x", 1, 9, &v, &inserted), 0);
    ck_assert(inserted);
    ck_assert(summ__strmap_get(&m, "x", 1, &v));
    ck_assert_uint_eq(v, 9);
    summ__strmap_dispose(&m);
}
END_TEST

START_TEST(values_and_keys_kept_apart)
{
    /* Keys that share a prefix, a suffix or the length, and binary keys
     * with NUL bytes. */
    const char *keys[] = {"",          "a",          "ab",       "ba",       "abcd",
                          "abce",      "bbcd",       "abcdefgh", "abcdefgi", "bbcdefgh",
                          "abcdefghi", "abcdefghij", "run",      "runs"};
    const char bin1[] = {'a', 0, 'b'}, bin2[] = {'a', 0, 'c'};
    summ_allocator a;
    summ__strmap m;
    size_t i, n = sizeof keys / sizeof *keys;
    uint32_t v;

    summ__allocator_resolve(&a, NULL);
    summ__strmap_init(&m, &a);
    ck_assert(!summ__strmap_get(&m, "a", 1, NULL)); /* empty map */
    for (i = 0; i < n; i++)
        ck_assert_int_eq(
            summ__strmap_intern(&m, keys[i], strlen(keys[i]), (uint32_t)(100 + i), NULL, NULL), 0);
    ck_assert_int_eq(summ__strmap_intern(&m, bin1, 3, 1, NULL, NULL), 0);
    ck_assert_int_eq(summ__strmap_intern(&m, bin2, 3, UINT32_MAX, NULL, NULL), 0);
    ck_assert_uint_eq(m.count, n + 2);
    for (i = 0; i < n; i++) {
        ck_assert(summ__strmap_get(&m, keys[i], strlen(keys[i]), &v));
        ck_assert_uint_eq(v, 100 + i);
    }
    ck_assert(summ__strmap_get(&m, bin1, 3, &v));
    ck_assert_uint_eq(v, 1);
    ck_assert(summ__strmap_get(&m, bin2, 3, &v));
    ck_assert_uint_eq(v, UINT32_MAX);
    ck_assert(!summ__strmap_get(&m, "abcf", 4, NULL));
    ck_assert(!summ__strmap_get(&m, "abcdefgj", 8, NULL));
    ck_assert(!summ__strmap_get(&m, "abcdefghk", 9, NULL));
    summ__strmap_dispose(&m);
}
END_TEST

typedef struct hashed {
    uint32_t hash, n;
} hashed;

static int cmp_hashed(const void *a, const void *b)
{
    const hashed *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return (x->n > y->n) - (x->n < y->n);
}

/* Key i of family f: 8 bytes (compared with two loads) or 14 (memcmp). */
static int family_key(size_t f, unsigned i, char *buf)
{
    return f == 0 ? sprintf(buf, "ab%06u", i) : sprintf(buf, "longer%06u..", i);
}

/* Two distinct keys of family f with the same summ__hash. */
static void find_collision(size_t f, char *k1, char *k2)
{
    enum { N = 400000 };
    static hashed h[N];
    size_t i;
    char buf[32];
    for (i = 0; i < N; i++) {
        int l = family_key(f, (unsigned)i, buf);
        h[i].hash = summ__hash(buf, (size_t)l);
        h[i].n = (uint32_t)i;
    }
    qsort(h, N, sizeof *h, cmp_hashed);
    for (i = 1; i < N; i++) {
        if (h[i].hash == h[i - 1].hash) {
            family_key(f, h[i - 1].n, k1);
            family_key(f, h[i].n, k2);
            return;
        }
    }
    ck_abort_msg("no hash collision among %d keys", (int)N);
}

START_TEST(keys_with_the_same_hash_stay_apart)
{
    size_t f;
    for (f = 0; f < 2; f++) {
        summ_allocator a;
        summ__strmap m;
        char k1[32], k2[32];
        uint32_t v;
        bool inserted;
        find_collision(f, k1, k2);
        ck_assert_str_ne(k1, k2);
        summ__allocator_resolve(&a, NULL);
        summ__strmap_init(&m, &a);
        ck_assert_int_eq(summ__strmap_intern(&m, k1, strlen(k1), 1, NULL, NULL), 0);
        ck_assert(!summ__strmap_get(&m, k2, strlen(k2), NULL));
        ck_assert_int_eq(summ__strmap_intern(&m, k2, strlen(k2), 2, NULL, &inserted), 0);
        ck_assert(inserted);
        ck_assert(summ__strmap_get(&m, k1, strlen(k1), &v));
        ck_assert_uint_eq(v, 1);
        ck_assert(summ__strmap_get(&m, k2, strlen(k2), &v));
        ck_assert_uint_eq(v, 2);
        summ__strmap_dispose(&m);
    }
}
END_TEST

START_TEST(batched_lookups_agree_with_single_ones)
{
    summ_allocator a;
    summ__strmap m;
    char bytes[64 * 21];
    uint16_t off[64], len[64];
    uint32_t hash[64], values[64];
    size_t i, used = 0;
    uint64_t found;

    summ__allocator_resolve(&a, NULL);
    summ__strmap_init(&m, &a);
    /* An empty map finds nothing. */
    off[0] = 0;
    len[0] = 1;
    bytes[0] = 'a';
    hash[0] = summ__hash("a", 1);
    ck_assert_uint_eq(summ__strmap_get_batch(&m, bytes, off, len, hash, 1, true, values), 0);
    for (i = 0; i < 500; i += 2) {
        char buf[32];
        size_t l = key_of(i, buf);
        ck_assert_int_eq(summ__strmap_intern(&m, buf, l, (uint32_t)i, NULL, NULL), 0);
    }
    for (i = 0; i < 64; i++) {
        size_t l = key_of(i * 3, bytes + used);
        off[i] = (uint16_t)used;
        len[i] = (uint16_t)l;
        hash[i] = summ__hash(bytes + used, l);
        used += l;
    }
    found = summ__strmap_get_batch(&m, bytes, off, len, hash, 64, true, values);
    for (i = 0; i < 64; i++) {
        uint32_t v;
        bool in = summ__strmap_get(&m, bytes + off[i], len[i], &v);
        ck_assert_int_eq(in, (int)(found >> i & 1));
        if (in)
            ck_assert_uint_eq(values[i], v);
    }
    ck_assert_uint_ne(found, 0);
    ck_assert_uint_ne(found, ~(uint64_t)0);
    summ__strmap_dispose(&m);
}
END_TEST

/* Keys read in 8-byte blocks: the bytes after a key never take part, even
 * when they continue it into another key of the map. */
START_TEST(padded_hash_and_lookups_ignore_what_follows)
{
    static const char *const in_map[] = { "abc", "abcdefg", "abcdefgh", "abcdefghijk", "a", "" };
    /* Each looked-up key is the first len bytes of text. */
    static const struct {
        const char *text;
        size_t len;
        int value; /* -1: not in the map */
    } probes[] = {
        { "abcdefgh", 3, 0 },  { "abcdefgh", 7, 1 },  { "abcdefghijk", 8, 2 },
        { "abcdefghijkl", 11, 3 }, { "abcdefgh", 4, -1 }, { "abcdefghijk", 9, -1 },
        { "abc", 1, 4 },       { "abc", 0, 5 },       { "abcXefgh", 7, -1 },
    };
    summ_allocator a;
    summ__strmap m;
    char bytes[16 * 9 + 8];
    uint16_t off[9], len[9];
    uint32_t hash[9], values[9];
    size_t i, k;
    uint64_t found;

    /* The same hash with and without padding, whatever the padding holds. */
    for (i = 0; i <= 40; i++) {
        char buf[56];
        for (k = 0; k < sizeof buf; k++)
            buf[k] = (char)(k < i ? (int)('a' + (k * 7 + i) % 26) : 0xA5 ^ (int)k);
        ck_assert_uint_eq(summ__hash_padded(buf, i), summ__hash(buf, i));
    }
    summ__allocator_resolve(&a, NULL);
    summ__strmap_init(&m, &a);
    for (i = 0; i < sizeof in_map / sizeof *in_map; i++)
        ck_assert_int_eq(summ__strmap_intern(&m, in_map[i], strlen(in_map[i]), (uint32_t)i, NULL,
                                             NULL), 0);
    memset(bytes, 'z', sizeof bytes);
    for (i = 0; i < 9; i++) {
        off[i] = (uint16_t)(16 * i);
        len[i] = (uint16_t)probes[i].len;
        memcpy(bytes + off[i], probes[i].text, strlen(probes[i].text));
        hash[i] = summ__hash_padded(bytes + off[i], len[i]);
    }
    found = summ__strmap_get_batch(&m, bytes, off, len, hash, 9, false, values);
    for (i = 0; i < 9; i++) {
        ck_assert_int_eq((int)(found >> i & 1), probes[i].value >= 0);
        if (probes[i].value >= 0)
            ck_assert_uint_eq(values[i], (uint32_t)probes[i].value);
    }
    summ__strmap_dispose(&m);
}
END_TEST

/* After a reservation, inserting that many keys neither rehashes nor
 * moves the arena, and every key is found. */
START_TEST(reserved_room_is_not_regrown)
{
    summ_allocator a;
    summ__strmap m;
    size_t i, cap;
    const void *keys;
    summ__allocator_resolve(&a, NULL);
    summ__strmap_init(&m, &a);
    ck_assert_int_eq(summ__strmap_reserve(&m, 1000, 1000 * 20), 0);
    cap = m.cap;
    keys = m.keys;
    ck_assert_uint_ge(cap, 2000);
    for (i = 0; i < 1000; i++) {
        char buf[32];
        size_t l = (size_t)snprintf(buf, sizeof buf, "key%zu", i);
        ck_assert_int_eq(summ__strmap_intern(&m, buf, l, (uint32_t)i, NULL, NULL), 0);
    }
    ck_assert_uint_eq(m.cap, cap);
    ck_assert_ptr_eq(m.keys, keys);
    for (i = 0; i < 1000; i++) {
        char buf[32];
        uint32_t v;
        size_t l = (size_t)snprintf(buf, sizeof buf, "key%zu", i);
        ck_assert(summ__strmap_get(&m, buf, l, &v));
        ck_assert_uint_eq(v, i);
    }
    /* A smaller reservation changes nothing. */
    ck_assert_int_eq(summ__strmap_reserve(&m, 10, 10), 0);
    ck_assert_uint_eq(m.cap, cap);
    summ__strmap_dispose(&m);
}
END_TEST

START_TEST(allocation_failure_leaves_the_map_usable)
{
    test_alloc t;
    summ_allocator a;
    size_t fail_at;

    for (fail_at = 1; fail_at < 40; fail_at++) {
        summ__strmap m;
        size_t i, added = 0;
        char buf[32];
        int rc = 0;
        memset(&t, 0, sizeof t);
        t.fail_at = fail_at;
        a.fn = test_alloc_fn;
        a.ud = &t;
        summ__strmap_init(&m, &a);
        for (i = 0; i < 400 && rc == 0; i++) {
            size_t l = key_of(i, buf);
            bool inserted = false;
            rc = summ__strmap_intern(&m, buf, l, (uint32_t)i, NULL, &inserted);
            if (rc == 0 && inserted)
                added++;
        }
        if (rc != 0)
            ck_assert_int_eq(rc, SUMM_E_NOMEM);
        /* What went in before the failure is still there. */
        ck_assert_uint_eq(m.count, added);
        summ__strmap_dispose(&m);
        ck_assert_int_eq(t.live_bytes, 0);
        ck_assert_uint_eq(t.live_blocks, 0);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("strmap");
    TCase *tc = tcase_create("strmap");
    tcase_add_test(tc, keys_of_every_short_length);
    tcase_add_test(tc, values_and_keys_kept_apart);
    tcase_add_test(tc, keys_with_the_same_hash_stay_apart);
    tcase_add_test(tc, batched_lookups_agree_with_single_ones);
    tcase_add_test(tc, padded_hash_and_lookups_ignore_what_follows);
    tcase_add_test(tc, reserved_room_is_not_regrown);
    tcase_add_test(tc, allocation_failure_leaves_the_map_usable);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
