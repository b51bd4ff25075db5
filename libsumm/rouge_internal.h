/*
 * Private declarations of the ROUGE scorer (rouge.c) and its tokenizer
 * (rouge_tokenizer.c). Tokens become small integer ids so that n-grams are
 * byte strings of ids and LCS compares integers.
 */
#ifndef LIBSUMM_ROUGE_INTERNAL_H
#define LIBSUMM_ROUGE_INTERNAL_H

#include "alloc.h"
#include "error.h"
#include "strmap.h"
#include "text.h"

#define SUMM__ROUGE_STEMMER_MAX 32

/* Column vectors the Lsum traceback keeps at once, in 64-bit words (512 KiB). */
#define SUMM__ROUGE_LEAF_WORDS ((size_t)1 << 16)

/* A symbol (distinct term) of the sequence an LCS runs its bit vectors over:
 * its positions are sym_pos[first, first + count); dense is 1 + the index of
 * its own mask, or 0 when its mask is built from the positions at each use. */
typedef struct summ__rouge_sym {
    uint32_t first, count, dense;
} summ__rouge_sym;

/* A tokenized text: term ids in text order, cut into lines. A copy of the
 * text it was made from lets the next call with the same text (the next
 * metric on the same pair) skip tokenizing. */
typedef struct summ__rouge_seq {
    uint32_t *ids;
    size_t len, cap;
    size_t *line_end; /* ids[line_end[k-1], line_end[k]) is line k; lines without tokens dropped */
    size_t n_lines, lines_cap;
    char *text;
    size_t text_len, text_cap;
    bool valid; /* ids and lines are those of text[0, text_len) */
} summ__rouge_seq;

struct summ_rouge {
    summ_allocator alloc;
    summ_rouge_options opts;
    char stemmer_name[SUMM__ROUGE_STEMMER_MAX];
    struct sb_stemmer *stemmer; /* per scorer: libstemmer is not reentrant */
    summ__fold_buf fold;        /* the current token, lower-cased or folded */
    summ__strmap words;         /* token as folded -> term id (after stemming) */
    summ__strmap stems;         /* stem -> term id */
    uint32_t n_terms;
    summ__rouge_seq cand;
    summ__rouge_seq *refs; /* one per reference of the last call */
    size_t refs_cap;
    summ__strmap ngrams;        /* N: reference n-gram (bytes of ids) -> index into counts;
                                   Lsum: candidate lines seen */
    uint32_t *counts;
    size_t counts_cap;
    uint32_t *term_cand, *term_ref; /* Lsum: tokens left per term id; zero between calls */
    size_t term_cand_cap, term_ref_cap;
    unsigned char *hit;         /* Lsum: reference line tokens in some LCS */
    size_t hit_cap;
    uint64_t *masks;            /* LCS: symbol masks, scratch and column vectors */
    size_t masks_cap;
    uint32_t *symbol;           /* term id -> 1 + symbol index; zero between calls */
    size_t symbol_cap;
    summ__rouge_sym *syms;      /* LCS: the symbols of the rows sequence */
    size_t syms_cap;
    uint32_t *sym_pos;          /* LCS: their positions, grouped by symbol */
    size_t sym_pos_cap;
    size_t *lines;              /* Lsum: the distinct candidate lines */
    size_t lines_cap;
    size_t lcs_leaf_words;      /* Lsum: column vectors kept at once, in words
                                   (SUMM__ROUGE_LEAF_WORDS; tests make it small) */
    char errmsg[SUMM__ERRMSG_SIZE];
};

/* Tokenizes text[0, len) into seq, replacing its contents, with r's
 * tokenizer and stemmer; does nothing when seq already holds the tokens of
 * the same text (validated when they were made, so the same pair scored
 * with several metrics is read once). Returns SUMM_OK, SUMM_E_NOMEM, or
 * SUMM_E_INVALID_UTF8 with the offset of the first bad byte in *bad (seq
 * then unchanged). */
int summ__rouge_tokenize(summ_rouge *r, const char *text, size_t len, summ__rouge_seq *seq,
                         size_t *bad);
/* Forgets the term ids (keeps the memory) and with them every cached
 * sequence; called between scoring calls when the vocabulary has grown large. */
void summ__rouge_vocab_reset(summ_rouge *r);
void summ__rouge_seq_dispose(summ__rouge_seq *seq, const summ_allocator *a);

#endif /* LIBSUMM_ROUGE_INTERNAL_H */
