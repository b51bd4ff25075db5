/*
 * The similarity of one sentence (the row) to every sentence it shares a
 * term with, shared by the similarity graphs (graph.c) and MMR (mmr.c).
 *
 * An inverted index maps each term to the sentences containing it (with
 * counts), so a row meets only the sentences it shares a term with; pairs
 * sharing nothing cost nothing. A term found in more than
 * SUMM__GRAPH_WINDOW sentences links the row only to the
 * SUMM__GRAPH_WINDOW / 2 nearest occurrences on either side, in document
 * order: such terms carry little information (their idf is small) and the
 * cap turns the worst case (one word in every sentence) from quadratic into
 * linear work. A graph also keeps rows within SUMM__GRAPH_REACH sentences
 * (graph.c says why).
 *
 * Here: the index and the weights of terms and sentences; the loop that
 * meets a row with the others (summ__sim_meet) is inline in similarity.h.
 *
 * Cost per row: O(sum over its terms of min(sf, W)). Memory: O(T) for the
 * index and O(S + V) for the weights.
 */
#include "similarity.h"

#include <math.h>

#include "alloc.h"
#include "model.h"

/* gensim's floor for negative idf. */
#define BM25_EPSILON 0.25

static size_t sent_len(const summ__sentence *s)
{
    return s->term_end - s->term_begin;
}

int summ__sim_init(summ__sim *x, const summ__model *m, const summ_allocator *a,
                   summ__sim_kind kind)
{
    size_t n = m->n_sents, v = m->n_vocab, i, k;
    double avg_len = 0.0, idf_sum = 0.0;
    int rc;

    x->a = a;
    x->m = m;
    x->kind = kind;
    x->n_touched = 0;
    x->term_w = summ__alloc_array(a, v, sizeof *x->term_w);
    x->touched = summ__alloc_array(a, n, sizeof *x->touched);
    x->met = summ__alloc_array(a, n, sizeof *x->met);
    x->acc = summ__alloc_array(a, n, sizeof *x->acc);
    x->met_w = summ__alloc_array(a, n, sizeof *x->met_w);
    if (!x->term_w || !x->touched || !x->met || !x->acc || !x->met_w)
        return SUMM_E_NOMEM;
    if ((rc = summ__postings_build(&x->post, m, a)) < 0)
        return rc;

    for (i = 0; i < n; i++) {
        x->met[i].row = 0;
        avg_len += (double)sent_len(&m->sents[i]);
    }
    avg_len = n ? avg_len / (double)n : 0.0;

    switch (kind) {
    case SUMM__SIM_TEXTRANK:
        for (k = 0; k < v; k++)
            x->term_w[k] = 1.0;
        for (i = 0; i < n; i++) {
            size_t len = sent_len(&m->sents[i]);
            x->met[i].w = len ? log((double)len) : 0.0;
        }
        break;
    case SUMM__SIM_COSINE_IDF:
    case SUMM__SIM_COSINE_IDF1P:
        for (k = 0; k < v; k++)
            x->term_w[k] = kind == SUMM__SIM_COSINE_IDF
                               ? log((double)n / (double)m->term_sf[k])
                               : log(1.0 + (double)n / (double)m->term_sf[k]);
        for (i = 0; i < n; i++) {
            const summ__sentence *s = &m->sents[i];
            double sq = 0.0;
            for (k = s->bag_begin; k < s->bag_end; k++) {
                double w = (double)m->bag_count[k] * x->term_w[m->bag_term[k]];
                sq += w * w;
            }
            x->met[i].w = sqrt(sq);
        }
        break;
    case SUMM__SIM_BM25:
        /* Robertson idf; negative values (terms in more than half of the
         * sentences) become EPSILON x the mean idf, as in gensim. */
        for (k = 0; k < v; k++) {
            double sf = (double)m->term_sf[k];
            x->term_w[k] = log(((double)n - sf + 0.5) / (sf + 0.5));
            idf_sum += x->term_w[k];
        }
        for (k = 0; k < v; k++)
            if (x->term_w[k] < 0.0)
                x->term_w[k] = BM25_EPSILON * (v ? idf_sum / (double)v : 0.0);
        for (i = 0; i < n; i++) {
            double len = (double)sent_len(&m->sents[i]);
            x->met[i].w = SUMM__BM25_K1 * (1.0 - SUMM__BM25_B +
                                           SUMM__BM25_B * (avg_len > 0.0 ? len / avg_len : 0.0));
        }
        break;
    }
    return SUMM_OK;
}

void summ__sim_free(summ__sim *x)
{
    size_t n, v;
    if (!x->m)
        return;
    n = x->m->n_sents;
    v = x->m->n_vocab;
    summ__postings_free(&x->post, x->a);
    summ__free(x->a, x->term_w, v * sizeof *x->term_w);
    summ__free(x->a, x->met, n * sizeof *x->met);
    summ__free(x->a, x->acc, n * sizeof *x->acc);
    summ__free(x->a, x->met_w, n * sizeof *x->met_w);
    summ__free(x->a, x->touched, n * sizeof *x->touched);
    x->term_w = x->acc = x->met_w = NULL;
    x->met = NULL;
    x->touched = NULL;
}
