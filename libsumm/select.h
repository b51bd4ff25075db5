/*
 * Selection within the length budgets (select.c): the sentence limit, the
 * word and byte budgets, and the order of the summary. MMR (mmr.h) selects
 * within the same budgets.
 */
#ifndef LIBSUMM_SELECT_H
#define LIBSUMM_SELECT_H

#include <libsumm/summ.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* The most sentences the options' budgets allow out of n (ratio 0.2 when
 * no budget is set). */
size_t summ__sentence_limit(const summ_options *opts, size_t n);

/* What the sentences taken so far add up to. */
typedef struct summ__budget {
    uint64_t words, bytes;
} summ__budget;

/* Whether sentence s fits in the options' word and byte budgets after the
 * sentences b counts, and is long enough (min_sentence_words); counts it in
 * b if so. */
bool summ__budget_take(const summ_options *opts, summ__budget *b, const summ__sentence *s);

/* Puts selected[0, count) in document order, or leaves it in the order of
 * the picks with SUMM_FLAG_SCORE_ORDER. `order` is scratch space for n
 * entries. */
void summ__summary_order(const summ_options *opts, size_t n, uint32_t *order, uint32_t *selected,
                         size_t count);

/* Picks sentences by descending score (ties: lower index first; scores
 * finite, as scorers give them) within the options' budgets. Writes the
 * chosen sentence indices into *selected in document order (or score order
 * with SUMM_FLAG_SCORE_ORDER) and their number into *n_selected. `order` is
 * scratch space for n_sents entries. */
int summ__select(const summ__model *m, const double *scores, const summ_options *opts,
                 uint32_t *order, uint32_t *selected, size_t *n_selected);

#endif /* LIBSUMM_SELECT_H */
