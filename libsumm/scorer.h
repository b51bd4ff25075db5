/* Scoring: the table of algorithms (scorers.c), one scorer_*.c each, and
 * the position prior applied after any of them (position.c). */
#ifndef LIBSUMM_SCORER_H
#define LIBSUMM_SCORER_H

#include <libsumm/summ.h>

#include <stddef.h>

#include "model.h"
#include "text.h"

/* What a scorer reads, and where it may write: never the summarizer
 * itself. */
typedef struct summ__score_ctx {
    const summ__model *model;
    const summ_options *opts;
    /* Scratch memory, to be freed before the scorer returns. */
    const summ_allocator *alloc;
    /* The lexicon the model was built through (its language, stopwords
     * and stems), for the term of a caller's word: fold it into `fold`,
     * then summ__model_term_of. */
    const summ__lexicon *lexicon;
    summ__fold_buf *fold;
    /* SUMM__ERRMSG_SIZE bytes: the message summ_summarizer_errmsg() shows
     * (see summ__score_fail). */
    char *errmsg;
    /* Where a scorer that reads evidence about the text (adaptive) reports
     * it; the summarizer hands it on in the result (summ_result_explain).
     * Zeroed with `algorithm` set before the scorer runs. */
    summ_explain *explain;
} summ__score_ctx;

/* Writes one finite score per sentence (higher = more salient) into
 * scores[0, model->n_sents). Returns SUMM_OK or a negative status (use
 * summ__score_fail for a detailed message). */
typedef int (*summ__score_fn)(const summ__score_ctx *ctx, double *scores);

/* Records a detailed message for summ_summarizer_errmsg() and returns
 * status. */
int summ__score_fail(const summ__score_ctx *ctx, int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

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
int summ__score_adaptive(const summ__score_ctx *ctx, double *scores);

/* Lead bias, after any scorer: mixes the min-max normalised scores with
 * 1 / sqrt(1 + index) by opts->position_weight (no-op at 0). (position.c) */
void summ__position_prior(const summ_options *opts, size_t n, double *scores);

#endif /* LIBSUMM_SCORER_H */
