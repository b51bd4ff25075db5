/* The keyphrase result: keyphrases, their occurrences, and the scratch
 * space of the extraction, all reused from one call to the next. */
#include "keyphrase.h"

#include <string.h>

#include "alloc.h"

int summ_keyphrases_new(summ_keyphrases **out, const summ_allocator *alloc)
{
    summ_allocator a;
    summ_keyphrases *k;
    if (!out)
        return SUMM_E_INVALID_ARG;
    summ__allocator_resolve(&a, alloc);
    k = summ__alloc(&a, sizeof *k);
    *out = k;
    if (!k)
        return SUMM_E_NOMEM;
    memset(k, 0, sizeof *k);
    k->alloc = a;
    k->language = "";
    summ__strmap_init(&k->cand_map, &k->alloc);
    summ__strmap_init(&k->spellings, &k->alloc);
    return SUMM_OK;
}

#define FREE_ARRAY(k, p, cap) summ__free(&(k)->alloc, (p), (cap) * sizeof *(p))

void summ_keyphrases_free(summ_keyphrases *k)
{
    if (!k)
        return;
    FREE_ARRAY(k, k->items, k->items_cap);
    FREE_ARRAY(k, k->occ, k->occ_cap);
    FREE_ARRAY(k, k->words, k->words_cap);
    FREE_ARRAY(k, k->seq, k->seq_cap);
    FREE_ARRAY(k, k->term_of_stem, k->term_of_stem_cap);
    FREE_ARRAY(k, k->stem_of_term, k->stem_of_term_cap);
    FREE_ARRAY(k, k->rank, k->rank_cap);
    FREE_ARRAY(k, k->cands, k->cands_cap);
    FREE_ARRAY(k, k->occ_cand, k->occ_cand_cap);
    FREE_ARRAY(k, k->occ_word, k->occ_word_cap);
    FREE_ARRAY(k, k->ranked, k->ranked_cap);
    FREE_ARRAY(k, k->rank_of_cand, k->rank_of_cand_cap);
    FREE_ARRAY(k, k->spelling_count, k->spelling_count_cap);
    summ__strmap_dispose(&k->cand_map);
    summ__strmap_dispose(&k->spellings);
    summ__free(&k->alloc, k, sizeof *k);
}

size_t summ_keyphrases_count(const summ_keyphrases *k)
{
    return k ? k->count : 0;
}

int summ_keyphrases_get(const summ_keyphrases *k, size_t i, summ_keyphrase *out)
{
    if (!k || !out || i >= k->count)
        return SUMM_E_INVALID_ARG;
    *out = k->items[i];
    return SUMM_OK;
}

const char *summ_keyphrases_language(const summ_keyphrases *k)
{
    return k ? k->language : "";
}
