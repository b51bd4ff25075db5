/*
 * LEAD: the first sentences of the document. The baseline every news
 * summarizer is compared with (journalists put the main facts first). The
 * score falls with position so the selector keeps the earliest sentences.
 * O(S).
 */
#include "scorer.h"

int summ__score_lead(const summ__score_ctx *ctx, double *scores)
{
    size_t i, n = ctx->model->n_sents;
    for (i = 0; i < n; i++)
        scores[i] = 1.0 / (1.0 + (double)i);
    return SUMM_OK;
}
