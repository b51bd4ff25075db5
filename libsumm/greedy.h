/* Lazy greedy selection for scorers that pick one sentence at a time
 * (greedy.c). */
#ifndef LIBSUMM_GREEDY_H
#define LIBSUMM_GREEDY_H

#include <stdbool.h>
#include <stdint.h>

#include "scorer.h"

/* Candidates re-evaluated per pick, at most (greedy.c, scorer_klsum.c).
 * 32 keeps the work per pick constant on long texts (kl-sum's growth from
 * 100 KB to 10 MB fell from 1.49 to 1.17); ROUGE on the dev sets is the
 * same as with 256 on six sets and higher on opinosis (docs/ALGORITHMS.md). */
#define SUMM__GREEDY_MAX_EVALUATIONS 32

/* The current gain of adding sentence i to the summary (*exact) and an upper
 * bound on its gain at any later step (*bound; may equal *exact when gains
 * never grow). */
typedef void (*summ__gain_fn)(void *ud, uint32_t i, double *exact, double *bound);
/* Sentence i joins the summary: update the state gains depend on. */
typedef void (*summ__pick_fn)(void *ud, uint32_t i);

/* Picks every sentence greedily by largest gain (ties: lower index) and
 * scores the k-th pick (S - k) / S; see greedy.c for stop_without_gain. */
int summ__lazy_greedy(const summ__score_ctx *ctx, summ__gain_fn gain, summ__pick_fn pick,
                      void *ud, bool stop_without_gain, double *scores);

#endif /* LIBSUMM_GREEDY_H */
