/*
 * Luhn (H. P. Luhn, "The Automatic Creation of Literature Abstracts", IBM
 * Journal of Research and Development 2(2), 1958). Significant words are the
 * frequent content words: stopwords are the paper's upper frequency cut-off,
 * and a term is significant when it occurs at least twice and at least as
 * often as the document's mean term frequency (the lower cut-off, scaled to
 * the document). A cluster is a run of content words that starts and ends
 * with a significant word and has at most LUHN_GAP insignificant words
 * between consecutive significant ones; it weighs
 *     (significant words in it)^2 / (words in it),
 * and a sentence scores its heaviest cluster (0 without one).
 *
 * Cost: O(T + V) for T term occurrences and V distinct terms.
 */
#include "scorer.h"

#include "model.h"

#define LUHN_GAP 4

int summ__score_luhn(const summ__score_ctx *ctx, double *scores)
{
    const summ__model *m = ctx->model;
    double cutoff = m->n_vocab ? (double)m->n_terms / (double)m->n_vocab : 0.0;
    size_t i, k;

    if (cutoff < 2.0)
        cutoff = 2.0;
    for (i = 0; i < m->n_sents; i++) {
        const summ__sentence *s = &m->sents[i];
        double best = 0.0;
        size_t first = 0, last = 0, n_sig = 0;
        bool open = false;
        for (k = s->term_begin; k < s->term_end; k++) {
            if ((double)m->term_tf[m->terms[k]] < cutoff)
                continue;
            if (open && k - last - 1 > LUHN_GAP) {
                double w = (double)(n_sig * n_sig) / (double)(last - first + 1);
                if (w > best)
                    best = w;
                open = false;
            }
            if (!open) {
                open = true;
                first = k;
                n_sig = 0;
            }
            last = k;
            n_sig++;
        }
        if (open) {
            double w = (double)(n_sig * n_sig) / (double)(last - first + 1);
            if (w > best)
                best = w;
        }
        scores[i] = best;
    }
    return SUMM_OK;
}
