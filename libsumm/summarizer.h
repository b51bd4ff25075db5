/*
 * The summarizer and result objects (summarizer.c, result.c), their options
 * (options.c) and detailed error messages (error.c).
 *
 * The pipeline, one file per stage, and the private header of each:
 *   utf8.c          validation (strict or lenient)                  text.h
 *   langid.c        the language of a text, for "auto"              lang.h
 *   splitter.c      sentence boundaries as byte spans               splitter.h
 *   tokenizer.c     words by Unicode category, case folded          text.h
 *   lang.c          language table, stopwords, abbreviations        lang.h
 *   stem_english.c  Snowball English stems of ASCII words           lang.h
 *   model.c         term/sentence model (stemming each word once)   model.h
 *   lexicon.c       words a summarizer has stemmed, between texts   model.h
 *   scorer_*.c      one file per scoring algorithm, in scorers.c    scorer.h
 *   position.c      the lead bias applied to any scorer's scores    scorer.h
 *   select.c        length budgets and document order               select.h
 *   mmr.c           selection by maximal marginal relevance         mmr.h
 *   summarizer.c    the public entry points that run the stages     summarizer.h
 *   keyphrase.c     keyphrase candidates and their grouping         keyphrase.h
 *   keyphrase_edges.c  words that never start or end a keyphrase    keyphrase.h
 *   keyword_rank.c  words ranked over their co-occurrence graph     keyphrase.h
 *   keyphrase_result.c  the keyphrase result and its scratch space  keyphrase.h
 * Shared by several stages:
 *   alloc.c         allocation through the caller's hook            alloc.h
 *   error.c         status and detailed error messages              error.h
 *   strmap.c        hash map from byte strings to uint32            strmap.h
 *   postings.c      term -> sentences index                         similarity.h
 *   similarity.c    similarity of a sentence to the others          similarity.h
 *   graph.c         similarity graphs and PageRank                  graph.h
 *   index_heap.c    max-heap of sentence indices by key             heap.h
 *   greedy.c        lazy greedy selection (sumbasic)                greedy.h
 * Nothing here is installed or exported: functions shared between files
 * are named summ__*.
 */
#ifndef LIBSUMM_SUMMARIZER_H
#define LIBSUMM_SUMMARIZER_H

#include <libsumm/summ.h>

#include <stddef.h>

#include "error.h"
#include "model.h"
#include "splitter.h"
#include "text.h"

struct summ_summarizer {
    summ_allocator alloc;
    const summ_lang *lang;
    summ_options opts;
    struct sb_stemmer *stemmer; /* per summarizer: libstemmer is not reentrant */
    summ__fold_buf fold;
    summ__span_vec spans;
    summ__model model;
    double *scores;
    size_t scores_cap;
    uint32_t *order;
    size_t order_cap;
    uint32_t *selected;
    size_t selected_cap;
    char errmsg[SUMM__ERRMSG_SIZE];
    char *words_block; /* the options' cue and stigma words, owned (summ__options_own) */
    size_t words_block_size;
    /* The language of the current text: lang itself, or for "auto" the
     * sub-language detected in it. */
    const summ_lang *active;
    /* "auto" only: one stemmer per sub-language, created on first use;
     * `stemmer` points at the current one. */
    struct sb_stemmer **stemmers;
    size_t n_stemmers;
    summ__lexicon lexicon;
    /* Keyphrase extraction's own: the model keeps state in step with
     * `lexicon` (model.c), which other callers must not grow. */
    summ__lexicon keyphrase_lexicon;
};

struct summ_result {
    summ_allocator alloc;
    summ_span *spans;
    size_t count, cap;
    size_t sentence_total;
    const char *language;
    summ_explain explain; /* from the scorer of the text (summ_result_explain) */
};

/* Checks caller options (NULL = defaults) against the option table and
 * writes the effective options (every 0 replaced by its default, defaults
 * for fields the caller's struct version lacks) to *out; why receives the
 * explanation on failure. (options.c) */
#define SUMM__WHY_SIZE SUMM_OPTION_ERRMSG_SIZE
int summ__options_check(const summ_options *in, summ_options *out, char *why, size_t why_size);
/* Size of summ_options as callers of a given struct version know it. */
size_t summ__options_size(unsigned int version);
/* Copies the cue and stigma word lists of checked options *o into one block
 * owned by s (freeing the previous one) and points *o at the copies. On
 * SUMM_E_NOMEM nothing changes. */
int summ__options_own(summ_summarizer *s, summ_options *o);


/* The checks every entry point makes on a text (NULL, size limit, UTF-8),
 * and the language it is read in (s->active, s->stemmer); clears s->errmsg.
 * On failure the message is recorded. (summarizer.c) */
int summ__begin_text(summ_summarizer *s, const char *text, size_t len);

/* Records a detailed message for summ_summarizer_errmsg() and returns status. */
int summ__fail(summ_summarizer *s, int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

int summ__result_reserve(summ_result *r, size_t n);

#endif /* LIBSUMM_SUMMARIZER_H */
