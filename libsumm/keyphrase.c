/*
 * Keyphrase extraction: candidates and their grouping.
 *
 * 1. Every word of the text is read with the summarizer's tokenizer,
 *    stopwords and stemmer. A content word is one that is not a stopword
 *    and has a letter (numbers make poor keyphrases and poor graph nodes).
 * 2. Candidates are maximal runs of content words. Stopwords, words
 *    without a letter, and any character between two words other than
 *    white space or a single hyphen ("syntax-sensitive") end a run, and so
 *    does a line break (titles and list items seldom end in punctuation).
 *    A run is cut into pieces of at most SUMM_KEYPHRASE_MAX_WORDS words, so
 *    text without stopwords still gives phrases, and a piece loses the
 *    words at its ends that may only stand inside a phrase ("said", "will":
 *    the per-language lists of keyphrase_edges.c).
 * 3. Pieces with the same sequence of stems are one candidate ("neural
 *    network", "Neural Networks"). It occurs wherever its stems stand in a
 *    piece, alone or inside a longer one ("deep neural networks"). Its
 *    score is the mean rank of its words (keyword_rank.c) times its number
 *    of occurrences: the mean keeps long phrases from winning by length
 *    alone, the count rewards what the text repeats (docs/KEYPHRASES.md
 *    has the measurements behind both).
 * 4. The best candidates (ties: first occurrence) are shown as their most
 *    frequent spelling, with every occurrence's byte span.
 *
 * Time O(n) for n words (each piece has at most 15 stretches to look up),
 * plus sorting the k candidates (O(k log k)) and PageRank; memory O(n).
 */
#include "keyphrase.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "alloc.h"
#include "lang.h"
#include "model.h"
#include "summarizer.h"
#include "text.h"

#define GROW(k, arr, cap, need) \
    summ__grow(&(k)->alloc, (void **)&(arr), &(cap), (need), sizeof *(arr))

typedef struct scan_ctx {
    summ_keyphrases *k;
    summ__lexicon *lex;
    int edges; /* summ__keyphrase_edges() of the language */
    const char *text;
    size_t prev_end; /* end of the previous word; 0 before the first */
} scan_ctx;

/* Whether anything but white space or one hyphen lies between two words. */
static bool gap_breaks(const char *text, size_t from, size_t to)
{
    size_t i = from;
    bool space = false;
    if (to <= from)
        return false; /* adjacent or overlapping (bigrams) */
    if (to - from == 1 && text[from] == '-')
        return false;
    while (i < to) {
        int32_t cp;
        int n = summ__utf8_decode(text, to, i, &cp);
        if (n < 0)
            return true;
        if (cp == 0x2010 || cp == 0x2011) { /* hyphen, non-breaking hyphen */
            if (i == from && (size_t)n == to - from)
                return false;
            return true;
        }
        if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x0B ||
            cp == 0x0C || cp == 0x85 || !summ__is_space(cp))
            return true;
        space = true;
        i += (size_t)n;
    }
    return !space;
}

static bool has_letter(const char *folded, size_t len)
{
    size_t i = 0;
    while (i < len) {
        int32_t cp;
        int n = summ__utf8_decode(folded, len, i, &cp);
        if (n < 0)
            return false;
        if (summ__is_letter_cp(cp))
            return true;
        i += (size_t)n;
    }
    return false;
}

/* The document's term of a stem id, giving it the next term id if new. */
static int term_of(summ_keyphrases *k, uint32_t stem, uint32_t *term)
{
    int rc;
    if (stem >= k->n_stem_slots) {
        size_t i;
        if ((rc = GROW(k, k->term_of_stem, k->term_of_stem_cap, (size_t)stem + 1)) < 0)
            return rc;
        for (i = k->n_stem_slots; i <= stem; i++)
            k->term_of_stem[i] = SUMM__NO_TERM;
        k->n_stem_slots = (size_t)stem + 1;
    }
    if (k->term_of_stem[stem] == SUMM__NO_TERM) {
        if (k->n_terms >= SUMM__NO_TERM - 1)
            return SUMM_E_TOO_LARGE;
        if ((rc = GROW(k, k->stem_of_term, k->stem_of_term_cap, k->n_terms + 1)) < 0)
            return rc;
        k->stem_of_term[k->n_terms] = stem;
        k->term_of_stem[stem] = (uint32_t)k->n_terms++;
    }
    *term = k->term_of_stem[stem];
    return SUMM_OK;
}

static int on_word(void *ud, size_t start, size_t end, const char *folded, size_t len)
{
    scan_ctx *c = ud;
    summ_keyphrases *k = c->k;
    summ__kp_word *w;
    uint32_t stem, term = SUMM__NO_TERM;
    int rc;

    if (k->n_words >= UINT32_MAX - 1)
        return SUMM_E_TOO_LARGE;
    if ((rc = GROW(k, k->words, k->words_cap, k->n_words + 1)) < 0)
        return rc;
    if ((rc = summ__lexicon_add(c->lex, folded, len, summ__hash(folded, len), &stem)) < 0)
        return rc;
    if (stem != SUMM__NO_TERM && has_letter(folded, len)) {
        if ((rc = term_of(k, stem, &term)) < 0)
            return rc;
        if ((rc = GROW(k, k->seq, k->seq_cap, k->n_seq + 1)) < 0)
            return rc;
        k->seq[k->n_seq++] = term;
    }
    w = &k->words[k->n_words++];
    w->start = (uint32_t)start;
    w->end = (uint32_t)end;
    w->term = term;
    w->breaks = k->n_words == 1 || gap_breaks(c->text, c->prev_end, start);
    w->inner = term != SUMM__NO_TERM && summ__keyphrase_edge_banned(c->edges, folded, len);
    c->prev_end = end;
    return SUMM_OK;
}

/* The candidate words[first, first + n) stands for: its id, created when
 * `create` and its term sequence is new; SUMM__NO_TERM when absent. */
static int candidate_of(summ_keyphrases *k, uint32_t first, uint32_t n, bool create,
                        uint32_t *id)
{
    uint32_t key[SUMM_KEYPHRASE_MAX_WORDS], i;
    bool inserted;
    int rc;

    for (i = 0; i < n; i++)
        key[i] = k->words[first + i].term;
    if (!create) {
        if (!summ__strmap_get(&k->cand_map, (const char *)key, n * sizeof *key, id))
            *id = SUMM__NO_TERM;
        return SUMM_OK;
    }
    if (k->n_cands >= SUMM__NO_TERM - 1)
        return SUMM_E_TOO_LARGE;
    if ((rc = GROW(k, k->cands, k->cands_cap, k->n_cands + 1)) < 0)
        return rc;
    if ((rc = summ__strmap_intern(&k->cand_map, (const char *)key, n * sizeof *key,
                                  (uint32_t)k->n_cands, id, &inserted)) < 0)
        return rc;
    if (inserted) {
        summ__kp_candidate *cand = &k->cands[k->n_cands++];
        cand->word = first;
        cand->n_words = n;
        cand->count = 0;
        cand->last_end = 0;
        cand->score = 0.0;
    }
    return SUMM_OK;
}

/* Records an occurrence of candidate id at words[first...]. */
static int add_occurrence(summ_keyphrases *k, uint32_t id, uint32_t first)
{
    summ__kp_candidate *cand = &k->cands[id];
    int rc;
    /* One that overlaps the candidate's previous occurrence (a repeated
     * word, or runs of overlapping bigrams) is not counted again. */
    if (cand->count && k->words[first].start < cand->last_end)
        return SUMM_OK;
    if ((rc = GROW(k, k->occ_cand, k->occ_cand_cap, k->n_occ + 1)) < 0 ||
        (rc = GROW(k, k->occ_word, k->occ_word_cap, k->n_occ + 1)) < 0)
        return rc;
    cand->count++;
    cand->last_end = k->words[first + cand->n_words - 1].end;
    k->occ_cand[k->n_occ] = id;
    k->occ_word[k->n_occ] = first;
    k->n_occ++;
    return SUMM_OK;
}

/* Calls fn on every piece of every run of content words (see the top). */
static int for_each_piece(summ_keyphrases *k, int (*fn)(summ_keyphrases *, uint32_t, uint32_t))
{
    size_t i = 0, n = k->n_words;
    int rc;
    while (i < n) {
        size_t run_end, p;
        if (k->words[i].term == SUMM__NO_TERM) {
            i++;
            continue;
        }
        run_end = i + 1;
        while (run_end < n && k->words[run_end].term != SUMM__NO_TERM &&
               !k->words[run_end].breaks)
            run_end++;
        for (p = i; p < run_end; p += SUMM_KEYPHRASE_MAX_WORDS) {
            size_t from = p, to = run_end - p < SUMM_KEYPHRASE_MAX_WORDS
                                      ? run_end
                                      : p + SUMM_KEYPHRASE_MAX_WORDS;
            /* A piece neither starts nor ends with an inner-only word. */
            while (from < to && k->words[from].inner)
                from++;
            while (to > from && k->words[to - 1].inner)
                to--;
            if (from < to && (rc = fn(k, (uint32_t)from, (uint32_t)(to - from))) < 0)
                return rc;
        }
        i = run_end;
    }
    return SUMM_OK;
}

static int create_candidate(summ_keyphrases *k, uint32_t first, uint32_t n)
{
    uint32_t id;
    return candidate_of(k, first, n, true, &id);
}

/* Every stretch of the piece that is a candidate is an occurrence of it:
 * "neural networks" occurs in "deep neural networks" too. In text order. */
static int record_occurrences(summ_keyphrases *k, uint32_t first, uint32_t n)
{
    uint32_t a, b, id;
    int rc;
    for (a = 0; a < n; a++)
        for (b = a + 1; b <= n; b++) {
            if ((rc = candidate_of(k, first + a, b - a, false, &id)) < 0)
                return rc;
            if (id != SUMM__NO_TERM && (rc = add_occurrence(k, id, first + a)) < 0)
                return rc;
        }
    return SUMM_OK;
}

/* Candidates are the pieces; their occurrences, every place where one
 * stands, whole or inside a longer piece. */
static int collect_candidates(summ_keyphrases *k)
{
    int rc;
    if ((rc = for_each_piece(k, create_candidate)) < 0)
        return rc;
    return for_each_piece(k, record_occurrences);
}

static int by_score(const void *pa, const void *pb)
{
    const summ__kp_ranked *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    /* Ids follow the first occurrence as a piece of its own. */
    return a->cand < b->cand ? -1 : a->cand > b->cand;
}

/* Scores every candidate and sorts them, best first. */
static int rank_candidates(summ_keyphrases *k)
{
    size_t c;
    int rc;
    if ((rc = GROW(k, k->ranked, k->ranked_cap, k->n_cands)) < 0)
        return rc;
    for (c = 0; c < k->n_cands; c++) {
        summ__kp_candidate *cand = &k->cands[c];
        double sum = 0.0;
        uint32_t i;
        for (i = 0; i < cand->n_words; i++)
            sum += k->rank[k->words[cand->word + i].term];
        cand->score = sum / cand->n_words * (double)cand->count;
        k->ranked[c].score = cand->score;
        k->ranked[c].cand = (uint32_t)c;
    }
    if (k->n_cands > 1)
        qsort(k->ranked, k->n_cands, sizeof *k->ranked, by_score);
    return SUMM_OK;
}

/* The occurrences of the chosen candidates into k->occ (item after item,
 * each in text order), and each item's spelling: the text of its most
 * frequent spelling's first occurrence. Spellings are counted in one map
 * keyed by the item's place and the bytes. */
static int fill_items(summ_keyphrases *k, const char *text, size_t n_items)
{
    size_t i, o, total = 0;
    char *key = NULL;
    size_t key_cap = 0;
    int rc = SUMM_OK;

    if ((rc = GROW(k, k->items, k->items_cap, n_items)) < 0 ||
        (rc = GROW(k, k->rank_of_cand, k->rank_of_cand_cap, k->n_cands)) < 0)
        return rc;
    for (i = 0; i < k->n_cands; i++)
        k->rank_of_cand[i] = SUMM__NO_TERM;
    for (i = 0; i < n_items; i++) {
        const summ__kp_candidate *cand = &k->cands[k->ranked[i].cand];
        k->rank_of_cand[k->ranked[i].cand] = (uint32_t)i;
        k->items[i].score = cand->score;
        k->items[i].count = 0; /* the cursor while filling */
        k->items[i].start = total; /* where its occurrences begin, for now */
        total += cand->count;
    }
    if ((rc = GROW(k, k->occ, k->occ_cap, total)) < 0)
        return rc;
    for (o = 0; o < k->n_occ; o++) {
        uint32_t r = k->rank_of_cand[k->occ_cand[o]];
        summ_keyphrase *it;
        const summ__kp_candidate *cand;
        if (r == SUMM__NO_TERM)
            continue;
        it = &k->items[r];
        cand = &k->cands[k->occ_cand[o]];
        k->occ[it->start + it->count].start = k->words[k->occ_word[o]].start;
        k->occ[it->start + it->count].end = k->words[k->occ_word[o] + cand->n_words - 1].end;
        it->count++;
    }
    summ__strmap_clear(&k->spellings);
    for (i = 0; i < n_items; i++) {
        summ_keyphrase *it = &k->items[i];
        const summ_range *occ = k->occ + it->start;
        uint32_t best = 0, best_count = 0;
        size_t j;
        it->occurrences = occ;
        for (j = 0; j < it->count; j++) {
            size_t n = occ[j].end - occ[j].start;
            uint32_t id, r32 = (uint32_t)i, *sp;
            bool inserted;
            if (n + sizeof r32 > key_cap) {
                void *p = key;
                if ((rc = summ__grow(&k->alloc, &p, &key_cap, n + sizeof r32, 1)) < 0)
                    goto out;
                key = p;
            }
            memcpy(key, &r32, sizeof r32);
            memcpy(key + sizeof r32, text + occ[j].start, n);
            if ((rc = GROW(k, k->spelling_count, k->spelling_count_cap,
                           2 * (k->spellings.count + 1))) < 0)
                goto out;
            if ((rc = summ__strmap_intern(&k->spellings, key, n + sizeof r32,
                                          (uint32_t)k->spellings.count, &id, &inserted)) < 0)
                goto out;
            sp = &k->spelling_count[2 * (size_t)id]; /* its count, its first occurrence */
            if (inserted) {
                sp[0] = 0;
                sp[1] = (uint32_t)j;
            }
            /* Spelling ids grow with first occurrence: on a tie the
             * earlier spelling stays. */
            if (++sp[0] > best_count) {
                best = id;
                best_count = sp[0];
            }
        }
        j = k->spelling_count[2 * (size_t)best + 1];
        it->start = occ[j].start;
        it->end = occ[j].end;
    }
out:
    summ__free(&k->alloc, key, key_cap);
    return rc;
}

/* Forgets the last text's terms: term_of_stem is all SUMM__NO_TERM again. */
static void begin_text(summ_keyphrases *k)
{
    size_t t;
    for (t = 0; t < k->n_terms; t++)
        if (k->stem_of_term[t] < k->n_stem_slots)
            k->term_of_stem[k->stem_of_term[t]] = SUMM__NO_TERM;
    k->n_terms = k->n_words = k->n_seq = k->n_cands = k->n_occ = 0;
    k->count = 0;
    summ__strmap_clear(&k->cand_map);
}

int summ_extract_keyphrases(summ_summarizer *s, const char *text, size_t len,
                            size_t max_keyphrases, summ_keyphrases *out)
{
    scan_ctx c;
    bool stem, keep;
    size_t n_items;
    int rc;

    if (!s || !out)
        return SUMM_E_INVALID_ARG;
    begin_text(out);
    out->language = s->lang->info->code;
    if ((rc = summ__begin_text(s, text, len)) < 0)
        return rc;
    out->language = s->active->info->code;
    if (max_keyphrases == 0)
        max_keyphrases = SUMM_DEFAULT_KEYPHRASES;

    stem = s->stemmer && !(s->opts.flags & SUMM_FLAG_NO_STEMMING);
    keep = (s->opts.flags & SUMM_FLAG_KEEP_STOPWORDS) != 0;
    summ__lexicon_begin(&s->keyphrase_lexicon, s->active, stem ? s->stemmer : NULL, keep);
    c.k = out;
    c.lex = &s->keyphrase_lexicon;
    c.edges = summ__keyphrase_edges(s->active->info->code);
    c.text = text;
    c.prev_end = 0;
    if (len && (rc = summ__tokenize(text, 0, len, &s->fold, on_word, &c)) < 0)
        goto fail;
    if ((rc = collect_candidates(out)) < 0)
        goto fail;
    if (out->n_cands == 0)
        return SUMM_OK;
    if ((rc = GROW(out, out->rank, out->rank_cap, out->n_terms)) < 0)
        goto fail;
    rc = summ__keyword_rank(out->seq, out->n_seq, out->n_terms, s->opts.keyphrase_window,
                            s->opts.keyphrase_algorithm == SUMM_KEYPHRASE_POSITIONRANK,
                            &s->opts, &out->alloc, out->rank);
    if (rc < 0)
        goto fail;
    if ((rc = rank_candidates(out)) < 0)
        goto fail;
    n_items = out->n_cands < max_keyphrases ? out->n_cands : max_keyphrases;
    if ((rc = fill_items(out, text, n_items)) < 0)
        goto fail;
    out->count = n_items;
    return SUMM_OK;
fail:
    out->count = 0;
    if (s->errmsg[0] == '\0')
        summ__fail(s, rc, "%s", summ_strerror(rc));
    return rc;
}
