/* Selection by maximal marginal relevance (mmr.c). */
#ifndef LIBSUMM_MMR_H
#define LIBSUMM_MMR_H

#include <libsumm/summ.h>

#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* summ__select (select.h) with maximal marginal relevance (opts->mmr_lambda
 * < 1): redundancy with the sentences already picked lowers a candidate's
 * score. Needs scratch memory from a. */
int summ__select_mmr(const summ__model *m, const double *scores, const summ_options *opts,
                     const summ_allocator *a, uint32_t *order, uint32_t *selected,
                     size_t *n_selected);

#endif /* LIBSUMM_MMR_H */
