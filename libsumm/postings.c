/*
 * Inverted index over a document's terms: for each term, the sentences that
 * contain it (in sentence order) and how often. Similarity graphs and MMR
 * visit only the sentence pairs that share a term through it. O(S + V + B)
 * time and memory for B (sentence, distinct term) pairs.
 */
#include "similarity.h"

#include "alloc.h"
#include "model.h"

int summ__postings_build(summ__postings *p, const summ__model *m, const summ_allocator *a)
{
    size_t v = m->n_vocab, i, k;

    if (m->n_bag > UINT32_MAX)
        return SUMM_E_TOO_LARGE;
    p->n_vocab = v;
    p->n_bag = m->n_bag;
    p->off = summ__alloc_array(a, v + 1, sizeof *p->off);
    p->sent = summ__alloc_array(a, m->n_bag, sizeof *p->sent);
    p->cnt = summ__alloc_array(a, m->n_bag, sizeof *p->cnt);
    p->at = summ__alloc_array(a, m->n_bag, sizeof *p->at);
    if (!p->off || !p->sent || !p->cnt || !p->at)
        return SUMM_E_NOMEM;
    /* Counting sort by term. off[t + 1] first serves as t's fill cursor and
     * ends up at the start of t + 1. */
    p->off[0] = 0;
    for (k = 0; k < v; k++)
        p->off[k + 1] = k ? p->off[k] + m->term_sf[k - 1] : 0;
    for (i = 0; i < m->n_sents; i++) {
        for (k = m->sents[i].bag_begin; k < m->sents[i].bag_end; k++) {
            size_t q = p->off[m->bag_term[k] + 1]++;
            p->sent[q] = (uint32_t)i;
            p->cnt[q] = m->bag_count[k];
            p->at[k] = (uint32_t)q;
        }
    }
    return SUMM_OK;
}

void summ__postings_free(summ__postings *p, const summ_allocator *a)
{
    summ__free(a, p->off, (p->n_vocab + 1) * sizeof *p->off);
    summ__free(a, p->sent, p->n_bag * sizeof *p->sent);
    summ__free(a, p->cnt, p->n_bag * sizeof *p->cnt);
    summ__free(a, p->at, p->n_bag * sizeof *p->at);
    p->off = NULL;
    p->sent = p->cnt = p->at = NULL;
}

void summ__postings_window(const summ__postings *p, uint32_t t, size_t k, size_t *lo,
                           size_t *hi)
{
    size_t first = p->off[t], last = p->off[t + 1], a = p->at[k];
    const size_t half = SUMM__GRAPH_WINDOW / 2;

    if (last - first <= SUMM__GRAPH_WINDOW) {
        *lo = first;
        *hi = last;
        return;
    }
    *lo = a - first > half ? a - half : first;
    *hi = last - a > half + 1 ? a + half + 1 : last;
}
