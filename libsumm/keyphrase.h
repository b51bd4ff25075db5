/*
 * Private declarations of keyphrase extraction: the result object with its
 * scratch space (keyphrase_result.c), candidates and grouping (keyphrase.c)
 * and the ranking of words (keyword_rank.c).
 */
#ifndef LIBSUMM_KEYPHRASE_H
#define LIBSUMM_KEYPHRASE_H

#include <libsumm/summ.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strmap.h"

/* One word of the text. Offsets fit in 32 bits because inputs are at most
 * SUMM_MAX_INPUT_BYTES. */
typedef struct summ__kp_word {
    uint32_t start, end;
    uint32_t term;   /* the document's term id of its stem; SUMM__NO_TERM for a
                        stopword or a word without a letter */
    uint16_t breaks; /* 1: no phrase runs from the previous word into this one */
    uint16_t inner;  /* 1: may stand inside a phrase but not start or end one */
} summ__kp_word;

/* One candidate: a distinct sequence of terms. */
typedef struct summ__kp_candidate {
    uint32_t word;     /* its first occurrence's first word */
    uint32_t n_words;  /* its length in words */
    uint32_t count;    /* occurrences kept (none overlaps the one before) */
    uint32_t last_end; /* end of its last occurrence kept */
    double score;
} summ__kp_candidate;

/* A candidate in the ranking: by score, then by first occurrence (id). */
typedef struct summ__kp_ranked {
    double score;
    uint32_t cand;
} summ__kp_ranked;

struct summ_keyphrases {
    summ_allocator alloc;
    /* The result. */
    summ_keyphrase *items;
    size_t count, items_cap;
    summ_range *occ; /* every item's occurrences, item after item */
    size_t occ_cap;
    const char *language;
    /* Scratch space, kept between calls. */
    summ__kp_word *words;
    size_t n_words, words_cap;
    uint32_t *seq; /* the content words' terms, in text order */
    size_t n_seq, seq_cap;
    uint32_t *term_of_stem; /* the summarizer's stem id -> term id or SUMM__NO_TERM */
    size_t n_stem_slots, term_of_stem_cap;
    uint32_t *stem_of_term; /* term id -> stem id, to reset term_of_stem */
    size_t n_terms, stem_of_term_cap;
    double *rank; /* per term */
    size_t rank_cap;
    summ__strmap cand_map; /* term sequence -> candidate id */
    summ__kp_candidate *cands;
    size_t n_cands, cands_cap;
    uint32_t *occ_cand, *occ_word; /* every occurrence kept, in text order */
    size_t n_occ, occ_cand_cap, occ_word_cap;
    summ__kp_ranked *ranked;
    size_t ranked_cap;
    uint32_t *rank_of_cand; /* its place in the result, or SUMM__NO_TERM */
    size_t rank_of_cand_cap;
    summ__strmap spellings; /* (item, spelling) -> spelling id */
    uint32_t *spelling_count; /* per spelling id: its count, its first occurrence */
    size_t spelling_count_cap;
};

/* The list of words that never start or end a keyphrase in a language
 * (by canonical code), or -1 when it has none. (keyphrase_edges.c) */
int summ__keyphrase_edges(const char *code);
/* Whether a folded word is on list `list` (-1: no list, false). */
bool summ__keyphrase_edge_banned(int list, const char *word, size_t len);

/* Ranks the n_terms terms of the content words seq[0, n) (in text order) by
 * PageRank over their co-occurrence graph: an edge joins two distinct terms
 * that occur fewer than `window` words apart, weighted by how often they do.
 * `position` biases the random jumps towards terms that occur early: term
 * t gets the sum of 1 / (i + 1) over its positions i (PositionRank).
 * rank[0, n_terms) receives scores of mean 1. Scratch memory from a. */
int summ__keyword_rank(const uint32_t *seq, size_t n, size_t n_terms, uint32_t window,
                       bool position, const summ_options *opts, const summ_allocator *a,
                       double *rank);

#endif /* LIBSUMM_KEYPHRASE_H */
