/* Scoring: the table of algorithms (scorers.c), one scorer_*.c each. */
#ifndef LIBSUMM_SCORER_H
#define LIBSUMM_SCORER_H

#include <libsumm/summ.h>

#include "model.h"

/* What a scorer sees: the model, the options and a way to get scratch
 * memory that lives until the scorer returns. */
typedef struct summ__score_ctx {
    summ_summarizer *s;
    const summ__model *model;
    const summ_options *opts;
    const summ_allocator *alloc;
} summ__score_ctx;

/* Writes one finite score per sentence (higher = more salient) into
 * scores[0, model->n_sents). Returns SUMM_OK or a negative status (use
 * summ__fail for a message). */
typedef int (*summ__score_fn)(const summ__score_ctx *ctx, double *scores);

typedef struct summ__scorer {
    int algorithm;
    const char *name;
    summ__score_fn score;
} summ__scorer;

/* The scorer for an algorithm id (SUMM_ALGO_DEFAULT resolved), or NULL. */
const summ__scorer *summ__scorer_get(int algorithm);
int summ__algorithm_resolve(int algorithm);

int summ__score_lead(const summ__score_ctx *ctx, double *scores);
int summ__score_tfidf(const summ__score_ctx *ctx, double *scores);
int summ__score_textrank(const summ__score_ctx *ctx, double *scores);
int summ__score_textrank_bm25(const summ__score_ctx *ctx, double *scores);
int summ__score_lexrank(const summ__score_ctx *ctx, double *scores);
int summ__score_luhn(const summ__score_ctx *ctx, double *scores);
int summ__score_sumbasic(const summ__score_ctx *ctx, double *scores);
int summ__score_klsum(const summ__score_ctx *ctx, double *scores);
int summ__score_lsa(const summ__score_ctx *ctx, double *scores);
int summ__score_edmundson(const summ__score_ctx *ctx, double *scores);
int summ__score_centroid(const summ__score_ctx *ctx, double *scores);
int summ__score_degree(const summ__score_ctx *ctx, double *scores);
int summ__score_pacsum(const summ__score_ctx *ctx, double *scores);

#endif /* LIBSUMM_SCORER_H */
