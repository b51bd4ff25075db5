/* Helpers shared by the Check unit tests. */
#ifndef LIBSUMM_TEST_UTIL_H
#define LIBSUMM_TEST_UTIL_H

#include <check.h>
#include <stddef.h>

#include <libsumm/summ.h>

/* Runs one suite and returns the process exit status. */
int test_run_suite(Suite *s);

/* Splits text with the English language and returns the sentences joined by
 * '|' in a static buffer (handy for table-driven assertions). */
const char *test_split_joined(const char *lang, const char *text);

/* An allocator that fails the k-th allocation (k counted from 1; 0 = never)
 * and tracks live bytes so leaks show up as a non-zero balance. */
typedef struct test_alloc {
    size_t calls;
    size_t fail_at;
    long long live_bytes;
    size_t live_blocks;
} test_alloc;

void *test_alloc_fn(void *ud, void *ptr, size_t osize, size_t nsize);

#endif
