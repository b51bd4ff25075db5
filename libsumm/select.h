/* Fitting the length budgets and document order (selector.c). */
#ifndef LIBSUMM_SELECT_H
#define LIBSUMM_SELECT_H

#include <libsumm/summ.h>

#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* Picks sentences by descending score (ties: lower index first) within the
 * options' budgets. Writes the chosen sentence indices into *selected in
 * document order (or score order with SUMM_FLAG_SCORE_ORDER) and their number
 * into *n_selected. `order` is scratch space for n_sents entries. */
int summ__select(const summ__model *m, const double *scores, const summ_options *opts,
                 uint32_t *order, uint32_t *selected, size_t *n_selected);

/* The most sentences the options' budgets allow out of n (ratio 0.2 when
 * no budget is set). */
size_t summ__sentence_limit(const summ_options *opts, size_t n);

/* summ__select with maximal marginal relevance (opts->mmr_lambda < 1):
 * redundancy with the sentences already picked lowers a candidate's score.
 * Needs scratch memory from a. */
int summ__select_mmr(const summ__model *m, const double *scores, const summ_options *opts,
                     const summ_allocator *a, uint32_t *order, uint32_t *selected,
                     size_t *n_selected);

/* Lead bias: mixes the min-max normalised scores with 1 / sqrt(1 + index)
 * by opts->position_weight (no-op at 0). */
void summ__position_prior(const summ_options *opts, size_t n, double *scores);

#endif /* LIBSUMM_SELECT_H */
