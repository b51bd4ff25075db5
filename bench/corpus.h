/* The text of a JSON Lines corpus for the speed benchmarks (corpus.c). */
#ifndef SUMM_BENCH_CORPUS_H
#define SUMM_BENCH_CORPUS_H

#include <stddef.h>

/* The "text" fields of the file at path, joined by blank lines, in a
 * malloc'ed buffer (free() it) of *len_out bytes plus a final NUL; NULL
 * with a message on stderr when the file cannot be read. */
char *corpus_load(const char *path, size_t *len_out);

#endif
