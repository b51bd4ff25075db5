/*
 * Sentence similarity: the inverted index of a model's terms (postings.c)
 * and the similarity of one sentence to every sentence it shares a term
 * with (similarity.c). The similarity graphs (graph.c) and MMR (mmr.c)
 * both measure sentences with it.
 */
#ifndef LIBSUMM_SIMILARITY_H
#define LIBSUMM_SIMILARITY_H

#include <libsumm/summ.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* ---- inverted index: term -> sentences (postings.c) -------------------- */

/* Terms in more sentences than this link each sentence only to the nearest
 * W/2 occurrences on either side (summ__postings_window). */
#define SUMM__GRAPH_WINDOW 128
/* Sentences further apart than this never meet in a similarity graph
 * (graph.c): about 25,000 words, a long chapter. */
#define SUMM__GRAPH_REACH 1024

typedef struct summ__postings {
    size_t *off;    /* n_vocab + 1: term t's postings are [off[t], off[t + 1]) */
    uint32_t *sent; /* n_bag: the sentence of each posting, ascending per term */
    uint32_t *cnt;  /* n_bag: the term's count in that sentence */
    uint32_t *at;   /* n_bag: the posting of each entry of the model's bags */
    size_t n_vocab, n_bag;
} summ__postings;

/* Builds the postings of every term of the model (SUMM_E_NOMEM, or
 * SUMM_E_TOO_LARGE past 2^32 postings). On failure everything is left for
 * summ__postings_free(), which also accepts a zeroed struct. */
int summ__postings_build(summ__postings *p, const summ__model *m, const summ_allocator *a);
void summ__postings_free(summ__postings *p, const summ_allocator *a);
/* The postings [*lo, *hi) of term t = bag_term[k] that the sentence of bag
 * entry k is compared with: all of them, or for a term in more than
 * SUMM__GRAPH_WINDOW sentences the window of that size around the
 * sentence's own posting. */
void summ__postings_window(const summ__postings *p, uint32_t t, size_t k, size_t *lo,
                           size_t *hi);

/* ---- similarity of one sentence to the others (similarity.c) ----------- */

/* similarity.c sets up the weights; the loop that meets a row with the
 * other sentences is inline below. */

/* The usual BM25 constants (gensim uses k1 = 1.5). */
#define SUMM__BM25_K1 1.2
#define SUMM__BM25_B 0.75

typedef enum summ__sim_kind {
    SUMM__SIM_TEXTRANK,     /* shared distinct terms / (log|Si| + log|Sj|) */
    SUMM__SIM_COSINE_IDF,   /* cosine of tf-idf vectors, idf log(S / sf) (LexRank) */
    SUMM__SIM_COSINE_IDF1P, /* the same with idf log(1 + S / sf), never 0 (MMR) */
    SUMM__SIM_BM25          /* BM25 of each sentence against the other, averaged */
} summ__sim_kind;

/* Per sentence: which row (the sentence measured against the others) last
 * met it, as row index + 1, and where that row keeps its running overlap. */
typedef struct summ__met_slot {
    uint32_t row;
    uint32_t at;
    double w; /* the sentence's own weight: norm (cosine), log length
                 (textrank), BM25 length factor; on the line a meeting
                 reads anyway */
} summ__met_slot;

/* The overlaps live in short arrays in the order the row met the sentences,
 * so that everything after the first meeting (later shared terms, what the
 * caller does with them) reads memory the row has just written instead of
 * one slot per sentence spread over the whole text. */
typedef struct summ__sim {
    const summ_allocator *a;
    const summ__model *m;
    summ__sim_kind kind;
    summ__postings post;
    double *term_w;       /* per term: idf (cosine), BM25 idf or 1 (textrank) */
    summ__met_slot *met;  /* per sentence */
    /* The sentences the last row met, n_touched of them, in meeting order: */
    uint32_t *touched;
    double *acc;   /* its overlap (textrank: shared terms; BM25: both halves) */
    double *met_w; /* its weight (met_slot.w) */
    size_t n_touched;
} summ__sim;

/* Readies the similarity `kind` of the model's sentences: their postings
 * and weights. On failure everything is left for summ__sim_free(), which
 * also accepts a zeroed struct. */
int summ__sim_init(summ__sim *x, const summ__model *m, const summ_allocator *a,
                   summ__sim_kind kind);
void summ__sim_free(summ__sim *x);
/* BM25 weight of a term seen c times in sentence x, with idf w. */
static inline double summ__sim_bm25(double w, uint32_t c, double len_factor)
{
    return w * (double)c * (SUMM__BM25_K1 + 1.0) / ((double)c + len_factor);
}

/* Narrows the postings [*lo, *hi) (ascending sentences) to the sentences
 * within SUMM__GRAPH_REACH of sentence i. */
static inline void summ__sim_narrow_to_reach(const uint32_t *sent, uint32_t i, size_t *lo,
                                             size_t *hi)
{
    size_t a = *lo, z = *hi;
    uint32_t first = i > SUMM__GRAPH_REACH ? i - SUMM__GRAPH_REACH : 0;
    uint32_t last = i < UINT32_MAX - SUMM__GRAPH_REACH ? i + SUMM__GRAPH_REACH : UINT32_MAX;
    if (a == z || (sent[a] >= first && sent[z - 1] <= last))
        return;
    /* First posting at or after `first`, then first one after `last`. */
    while (a < z) {
        size_t mid = a + (z - a) / 2;
        if (sent[mid] < first)
            a = mid + 1;
        else
            z = mid;
    }
    *lo = a;
    z = *hi;
    while (a < z) {
        size_t mid = a + (z - a) / 2;
        if (sent[mid] <= last)
            a = mid + 1;
        else
            z = mid;
    }
    *hi = a;
}

/* Meets row i with every other sentence sharing a term with it (within
 * each term's posting window; with `reach`, only sentences at most
 * SUMM__GRAPH_REACH away): their overlaps with it are then in touched, acc
 * and met_w [0, n_touched). Each row may be met once: its index is the
 * stamp in met. kind is x->kind, passed as a constant so that each caller's
 * copy of the loop tests none; inline because a call per row cost graph.c
 * 2% more instructions. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline void summ__sim_meet(summ__sim *x, summ__sim_kind kind, uint32_t i, bool reach)
{
    const summ__model *m = x->m;
    const summ__sentence *s = &m->sents[i];
    double wi = x->met[i].w;
    size_t k, q, n_touched = 0;

    for (k = s->bag_begin; k < s->bag_end; k++) {
        uint32_t t = m->bag_term[k], ci = m->bag_count[k];
        size_t lo, hi;
        double wt = x->term_w[t];
        /* BM25: the row's own half of each visit's weight, once per term. */
        double own = kind == SUMM__SIM_BM25 ? summ__sim_bm25(wt, ci, wi) : 0.0;
        summ__postings_window(&x->post, t, k, &lo, &hi);
        if (reach)
            summ__sim_narrow_to_reach(x->post.sent, i, &lo, &hi);
        for (q = lo; q < hi; q++) {
            uint32_t j = x->post.sent[q], cj = x->post.cnt[q], at;
            summ__met_slot *mt = &x->met[j];
            if (j == i)
                continue;
            if (mt->row != i + 1) {
                mt->row = i + 1;
                mt->at = (uint32_t)n_touched;
                x->touched[n_touched] = j;
                x->acc[n_touched] = 0.0;
                x->met_w[n_touched] = mt->w;
                n_touched++;
            }
            at = mt->at;
            switch (kind) {
            case SUMM__SIM_TEXTRANK:
                /* Every shared term counts 1. */
                x->acc[at] += 1.0;
                break;
            case SUMM__SIM_COSINE_IDF:
            case SUMM__SIM_COSINE_IDF1P:
                x->acc[at] += (double)ci * (double)cj * wt * wt;
                break;
            case SUMM__SIM_BM25:
                x->acc[at] += summ__sim_bm25(wt, cj, x->met_w[at]) + own;
                break;
            }
        }
    }
    x->n_touched = n_touched;
}

/* What the overlap of sentences of weights wi and wj is divided by
 * (textrank and cosine), or 0 when the similarity is not a quotient
 * (BM25). */
static inline double summ__sim_divisor(summ__sim_kind kind, double wi, double wj)
{
    switch (kind) {
    case SUMM__SIM_TEXTRANK:
        return wi + wj;
    case SUMM__SIM_COSINE_IDF:
    case SUMM__SIM_COSINE_IDF1P:
        return wi * wj;
    case SUMM__SIM_BM25:
        break;
    }
    return 0.0;
}

/* The similarity of sentences of weights wi and wj with overlap acc.
 * threshold > 0 (cosine only) makes it 1 where it reaches the threshold
 * and 0 elsewhere. */
static inline double summ__sim_finish(summ__sim_kind kind, double wi, double wj, double acc,
                                      double threshold)
{
    double d = summ__sim_divisor(kind, wi, wj);
    if (kind == SUMM__SIM_BM25)
        return acc / 2.0;
    acc = d > 0.0 ? acc / d : 0.0;
    if (kind != SUMM__SIM_TEXTRANK && threshold > 0.0)
        return acc >= threshold ? 1.0 : 0.0;
    return acc;
}

#endif /* LIBSUMM_SIMILARITY_H */
