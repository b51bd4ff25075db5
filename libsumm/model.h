/*
 * The term/sentence model of a text (model.c), and the lexicon of words a
 * summarizer has stemmed, kept between texts (lexicon.c).
 */
#ifndef LIBSUMM_MODEL_H
#define LIBSUMM_MODEL_H

#include <libsumm/summ.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strmap.h"

struct sb_stemmer;

/* ---- the model (model.c) ----------------------------------------------- */

#define SUMM__NO_TERM UINT32_MAX

typedef struct summ__sentence {
    size_t start, end;    /* byte span in the caller's text */
    size_t term_begin;    /* content terms of the sentence: model.terms[term_begin, term_end) */
    size_t term_end;
    size_t bag_begin;     /* distinct terms and counts: bag_term/bag_count[bag_begin, bag_end) */
    size_t bag_end;
    uint32_t n_words;     /* every word, stopwords included */
} summ__sentence;

typedef struct summ__model {
    summ__sentence *sents;
    size_t n_sents, sents_cap;
    uint32_t *terms; /* content term ids in text order */
    size_t n_terms, terms_cap;
    uint32_t *bag_term, *bag_count; /* per-sentence sorted distinct terms */
    size_t n_bag, bag_term_cap, bag_count_cap;
    uint32_t *term_sf; /* sentences containing each term */
    uint32_t *term_tf; /* occurrences of each term in the document */
    size_t n_vocab, sf_cap, tf_cap;
    /* Term ids are the document's own (0, 1, ... in order of first use);
     * the lexicon's stem ids span every text since it last started over. */
    uint32_t *stem_of_term; /* term id -> stem id */
    size_t stem_of_term_cap;
    /* Slot s + 1: the term id of stem id s, SUMM__NO_TERM if the text lacks
     * it; slot 0 belongs to stopwords (SUMM__NO_TERM + 1 wraps to 0). */
    uint32_t *term_slots;
    size_t n_stems_seen, term_slots_cap; /* stem slots set: the lexicon's stem count */
    uint32_t *scratch_u32; /* per-sentence sort space: two halves for the merges */
    size_t scratch_cap;
} summ__model;

/* ---- the lexicon (lexicon.c) ------------------------------------------- */

/* What a summarizer learnt about words in earlier texts (lexicon.c). */
#define SUMM__LEXICON_WORDS 65536
#define SUMM__LEXICON_BYTES (4u << 20)
typedef struct summ__lexicon {
    summ__strmap words; /* folded word -> stem id, or SUMM__NO_TERM for a stopword */
    summ__strmap stems; /* stem -> stem id: 0, 1, ... in order of first use */
    /* What the entries hold for: the language (its stopwords), the stemmer
     * (NULL: none) and whether stopwords are kept as terms. */
    const summ_lang *lang;
    struct sb_stemmer *stemmer;
    bool keep_stopwords;
} summ__lexicon;

void summ__lexicon_init(summ__lexicon *lex, const summ_allocator *alloc);
void summ__lexicon_dispose(summ__lexicon *lex);
/* Readies the lexicon for a text with these settings. It starts over (and
 * returns true) when they differ from the last text's, or when it has grown
 * past its bound. */
bool summ__lexicon_begin(summ__lexicon *lex, const summ_lang *lang, struct sb_stemmer *stemmer,
                         bool keep_stopwords);
/* The stem id of a folded word (hash: its summ__hash), or SUMM__NO_TERM for
 * a stopword, adding the word, and its stem when new (id = the stem count
 * before the call), if the lexicon lacks it. Adds at most one stem. On
 * failure the lexicon stays consistent. */
int summ__lexicon_add(summ__lexicon *lex, const char *word, size_t len, uint32_t hash,
                      uint32_t *id);
/* Like summ__lexicon_add without adding anything: SUMM__NO_TERM also for a
 * word whose stem the lexicon lacks. */
int summ__lexicon_find(const summ__lexicon *lex, const char *word, size_t len, uint32_t *id);

/* ---- building the model (model.c) -------------------------------------- */

/* Builds the model of the sentences in s->spans over text. */
int summ__model_build(summ_summarizer *s, const char *text);
void summ__model_dispose(summ__model *m, const summ_allocator *a);
/* The term id of stem id `stem` in the text just modelled, or SUMM__NO_TERM. */
static inline uint32_t summ__model_term_of_stem(const summ__model *m, uint32_t stem)
{
    return stem < m->n_stems_seen ? m->term_slots[stem + 1] : SUMM__NO_TERM;
}
/* The term id of a folded word in the text just modelled through lexicon
 * lex, or SUMM__NO_TERM (a stopword, or a word whose stem the text lacks). */
int summ__model_term_of(const summ__model *m, const summ__lexicon *lex, const char *folded,
                        size_t len, uint32_t *term);

#endif /* LIBSUMM_MODEL_H */
