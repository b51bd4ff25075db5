/* The index heap (index_heap.c): the order entries leave it in, and the
 * position index through every operation, against a brute-force
 * reference. */
#include "test_util.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "heap.h"

#define MAX_N 300

static uint32_t next_rand(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

/* Keys with many ties: few distinct values. */
static void fill_keys(double *key, size_t n, uint32_t *seed, unsigned distinct)
{
    size_t i;
    for (i = 0; i < n; i++)
        key[i] = (double)(next_rand(seed) % distinct) - 2.0;
}

/* The entry that must leave next: largest key, then lowest index. */
static uint32_t reference_top(const double *key, const bool *in, size_t n)
{
    uint32_t best = UINT32_MAX;
    size_t i;
    for (i = 0; i < n; i++)
        if (in[i] && (best == UINT32_MAX || key[i] > key[best]))
            best = (uint32_t)i;
    return best;
}

/* Membership and, with a position index, every slot. (The order is
 * checked by what pops out.) */
static void check_heap(const summ__heap *h, const bool *in, size_t n)
{
    size_t k, members = 0;
    for (k = 0; k < n; k++)
        members += in[k];
    ck_assert_uint_eq(h->n, members);
    for (k = 0; k < h->n; k++) {
        ck_assert(in[h->idx[k]]);
        if (h->pos)
            ck_assert_uint_eq(h->pos[h->idx[k]], k);
    }
}

START_TEST(pops_in_key_then_index_order)
{
    /* Every size up to MAX_N, without a position index: what leaves the
     * heap is the sorted order, whatever order the entries came in. */
    double key[MAX_N];
    uint32_t idx[MAX_N];
    bool in[MAX_N];
    uint32_t seed = 1;
    size_t n, i;
    for (n = 0; n <= MAX_N; n += n < 20 ? 1 : 37) {
        summ__heap h = { idx, key, NULL, n };
        fill_keys(key, n, &seed, n % 2 ? 3 : 1000);
        for (i = 0; i < n; i++) {
            idx[i] = (uint32_t)(n - 1 - i); /* reversed, then shuffled */
            in[i] = true;
        }
        for (i = n; i > 1; i--) {
            size_t j = next_rand(&seed) % i;
            uint32_t t = idx[i - 1];
            idx[i - 1] = idx[j];
            idx[j] = t;
        }
        summ__heap_build(&h);
        check_heap(&h, in, n);
        for (i = 0; i < n; i++) {
            uint32_t want = reference_top(key, in, n), got = summ__heap_pop(&h);
            ck_assert_uint_eq(got, want);
            in[got] = false;
        }
        ck_assert_uint_eq(h.n, 0);
    }
}
END_TEST

START_TEST(all_tied_pops_by_index)
{
    double key[MAX_N];
    uint32_t idx[MAX_N];
    summ__heap h = { idx, key, NULL, 0 };
    uint32_t i;
    for (i = 0; i < MAX_N; i++)
        key[i] = 1.0;
    for (i = 0; i < MAX_N; i++)
        summ__heap_push(&h, MAX_N - 1 - i);
    for (i = 0; i < MAX_N; i++)
        ck_assert_uint_eq(summ__heap_pop(&h), i);
}
END_TEST

START_TEST(position_index_through_every_operation)
{
    /* Random pops, pushes, removals from the middle and key changes (each
     * followed by a sift from the entry's slot, as the heap's users do),
     * with the position index checked after each. */
    double key[MAX_N];
    uint32_t idx[MAX_N], pos[MAX_N];
    bool in[MAX_N];
    uint32_t seed = (uint32_t)_i + 7;
    size_t n = 1 + (size_t)_i * 13 % 100, i, step;
    summ__heap h = { idx, key, pos, n };

    fill_keys(key, n, &seed, 1 + (unsigned)_i % 5);
    for (i = 0; i < n; i++) {
        idx[i] = (uint32_t)i;
        in[i] = true;
    }
    summ__heap_build(&h);
    check_heap(&h, in, n);
    for (step = 0; step < 4 * n; step++) {
        uint32_t r = next_rand(&seed), x = (uint32_t)(next_rand(&seed) % n);
        if (r % 4 == 0 && h.n > 0) {
            uint32_t want = reference_top(key, in, n);
            ck_assert_uint_eq(summ__heap_pop(&h), want);
            in[want] = false;
        } else if (r % 4 == 1 && !in[x]) {
            summ__heap_push(&h, x);
            in[x] = true;
        } else if (r % 4 == 2 && in[x]) {
            summ__heap_remove(&h, x);
            in[x] = false;
        } else if (in[x]) {
            double old = key[x];
            key[x] = (double)(next_rand(&seed) % 5) - 2.0;
            if (key[x] > old)
                summ__heap_sift_up(&h, pos[x]);
            else
                summ__heap_sift_down(&h, pos[x]);
        }
        check_heap(&h, in, n);
    }
    while (h.n > 0) {
        uint32_t want = reference_top(key, in, n);
        ck_assert_uint_eq(summ__heap_pop(&h), want);
        in[want] = false;
        check_heap(&h, in, n);
    }
}
END_TEST

START_TEST(heaps_sharing_keys_and_positions)
{
    /* Two heaps over the odd and the even sentences, as kl-sum's groups
     * share one key and one position array. */
    double key[40];
    uint32_t idx[40], pos[40];
    bool in_even[40], in_odd[40];
    summ__heap even = { idx, key, pos, 0 }, odd = { idx + 20, key, pos, 0 };
    uint32_t i, seed = 3;
    fill_keys(key, 40, &seed, 4);
    for (i = 0; i < 40; i++) {
        in_even[i] = i % 2 == 0;
        in_odd[i] = i % 2 == 1;
        if (i % 2)
            odd.idx[odd.n++] = i;
        else
            even.idx[even.n++] = i;
    }
    summ__heap_build(&even);
    summ__heap_build(&odd);
    for (i = 0; i < 40; i += 3) {
        if (i % 2) {
            summ__heap_remove(&odd, i);
            in_odd[i] = false;
        } else {
            summ__heap_remove(&even, i);
            in_even[i] = false;
        }
        check_heap(&even, in_even, 40);
        check_heap(&odd, in_odd, 40);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("heap");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, pops_in_key_then_index_order);
    tcase_add_test(tc, all_tied_pops_by_index);
    tcase_add_loop_test(tc, position_index_through_every_operation, 0, 16);
    tcase_add_test(tc, heaps_sharing_keys_and_positions);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
